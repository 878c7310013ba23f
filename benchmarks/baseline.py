#!/usr/bin/env python3
"""The obvious script: LedgerLint's default checks written directly in Python, for the benchmark to compare with.

    python3 benchmarks/baseline.py SNAPSHOT

Reads a snapshot (docs/snapshot-format.md) with the standard library only: `json.load` for the PowerOffice files,
`csv.reader` for the Assist export (UTF-8 if it decodes, else Windows-1252; ';' separator). Runs the same 16
checks as the built-in rules (rules/*.json) and prints the number of findings per rule as JSON on stdout, so that
`benchmarks/run.sh` can check that both tools found the same. It knows the files' shape and does nothing
LedgerLint does beyond the checks (no messages, no report, no input validation), which favours it.
"""

import csv
import io
import json
import os
import re
import sys

WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2]
LOCAL_SPECIALS = set("!#$%&'*+/=?^_`{|}~-.")
YES = {"", "ja", "j", "yes", "y", "true", "1", "sann"}
COLUMNS = {
    "number": {"kundenummer", "customernumber", "kundenr", "customerno"},
    "name": {"navn", "name", "kundenavn", "customername"},
    "email": {"epost", "email", "epostadresse", "emailaddress"},
    "org": {"organisasjonsnummer", "organizationnumber", "organisationnumber", "orgnr", "organisasjonsnr"},
    "send": {"sendingsmetode", "sendmethod", "fakturametode", "invoicedeliverytype"},
    "export": {"eksporteres", "export", "eksport"},
    "group": {"produktgruppe", "productgroup", "produktgruppenummer", "productgroupnumber"},
    "account": {"salgskonto", "salesaccount", "standardsalgskonto", "standardsalesaccount"},
}
SEND = {"": "email", "e-post": "email", "epost": "email", "email": "email", "e-mail": "email",
        "pdfbyemail": "email", "ehf": "EHF", "efaktura": "eFaktura", "e-faktura": "eFaktura",
        "papir": "print", "print": "print", "utskrift": "print"}


def read_csv(path):
    with open(path, "rb") as handle:
        data = handle.read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252")
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    header = [re.sub(r"[ _\-.\t]", "", name.strip().lower()) for name in next(rows)]
    index = {key: next((i for i, name in enumerate(header) if name in names), None)
             for key, names in COLUMNS.items()}
    for row in rows:
        if not any(cell.strip() for cell in row):
            continue
        yield {key: (row[i].strip() if i is not None and i < len(row) else "") for key, i in index.items()}


def read_json(path, required=True):
    if not os.path.exists(path) and not required:
        return None
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def as_int(text):
    text = text.strip(" \t\u00a0")
    return int(text) if re.fullmatch(r"[+-]?[0-9]+", text) else None


def org_valid(text):
    if not all((c.isascii() and (c.isdigit() or c == " ")) or c == "\u00a0" for c in text):
        return False
    digits = [int(c) for c in text if c.isdigit()]
    if len(digits) != 9:
        return False
    remainder = sum(d * w for d, w in zip(digits, WEIGHTS)) % 11
    return remainder != 1 and digits[8] == (0 if remainder == 0 else 11 - remainder)


def email_valid(address):
    parts = address.split("@")
    if len(parts) != 2:
        return False
    local, domain = parts
    if not 1 <= len(local) <= 64 or local[0] == "." or local[-1] == "." or ".." in local:
        return False
    if not all((c.isascii() and c.isalnum()) or c in LOCAL_SPECIALS for c in local):
        return False
    labels = domain.split(".")
    if len(domain) > 253 or len(labels) < 2:
        return False
    for label in labels:
        if not 1 <= len(label) <= 63 or label[0] == "-" or label[-1] == "-":
            return False
        if not all(c.isalnum() or c == "-" for c in label):
            return False
    return len(labels[-1]) >= 2 and labels[-1].isalpha()


def emails_invalid(text):
    addresses = [part.strip() for part in re.split("[;,]", text) if part.strip()]
    return not addresses or any(not email_valid(a) for a in addresses)


def check(snapshot):
    counts = {}

    def found(rule):
        counts[rule] = counts.get(rule, 0) + 1

    customers = [c for c in read_csv(os.path.join(snapshot, "assist", "customers.csv"))
                 if c["export"].lower() in YES]
    po_customers = read_json(os.path.join(snapshot, "poweroffice", "Customers.json"))
    series = read_json(os.path.join(snapshot, "poweroffice", "SubLedgerNumberSeries.json"), required=False) or []
    ranges = [(s["FromInclusive"], s["ToInclusive"]) for s in series
              if (s.get("SubLedgerNumberSeriesType") or "").lower() == "customer"
              and s.get("FromInclusive") is not None and s.get("ToInclusive") is not None] or [(10000, 19999)]

    by_number = {}
    for customer in po_customers:
        number = customer.get("Number")
        if number is not None:
            by_number.setdefault(str(number), customer)
        if customer.get("InvoiceDeliveryType") == "EHF" and not org_valid(customer.get("OrganizationNumber") or ""):
            found("customer-ehf-organization-number")

    seen = {}
    for customer in customers:
        number, org, email = customer["number"], customer["org"], customer["email"]
        if not number:
            found("customer-number-missing")
        else:
            value = as_int(number)
            if value is None:
                found("customer-number-invalid")
            elif not any(low <= value <= high for low, high in ranges):
                found("customer-number-range")
            key = str(value) if value is not None else number
            seen[key] = seen.get(key, 0) + 1
        if not email:
            found("customer-email-missing")
        elif emails_invalid(email):
            found("customer-email-invalid")
        if SEND.get(customer["send"].lower()) in ("EHF", "eFaktura"):
            found("customer-ehf-manual")
        if org and not org_valid(org):
            found("organization-number-invalid")
        existing = by_number.get(number)
        if org and existing and existing.get("OrganizationNumber"):
            if re.sub("[^0-9]", "", org) != re.sub("[^0-9]", "", existing["OrganizationNumber"]):
                found("customer-number-conflict")
    for count in seen.values():
        if count > 1:
            found("customer-number-duplicate")

    groups = list(read_csv(os.path.join(snapshot, "assist", "product-groups.csv")))
    products = read_json(os.path.join(snapshot, "poweroffice", "Products.json"))
    product_groups = read_json(os.path.join(snapshot, "poweroffice", "ProductGroups.json"), required=False) or []
    accounts = read_json(os.path.join(snapshot, "poweroffice", "GeneralLedgerAccounts.json"))
    group_account = {}
    for group in product_groups:
        if group.get("StandardSalesAccount") is not None and group.get("Id") is not None:
            group_account[group["Id"]] = group["StandardSalesAccount"]
    by_code = {}
    for product in products:
        if product.get("Code"):
            by_code.setdefault(product["Code"], product)
    all_accounts = {a["AccountNo"]: a for a in accounts if a.get("AccountNo") is not None}
    active_accounts = {a["AccountNo"] for a in accounts if a.get("IsActive") is not False}
    assist_groups = set()
    for group in groups:
        number = int(group["group"])
        account = as_int(group["account"]) if group["account"] else None
        assist_groups.add("A-%d" % number)
        product = by_code.get("A-%d" % number)
        if product is None:
            found("product-code-missing")
        else:
            if product.get("IsArchived") is not None and product["IsArchived"] is not False:
                found("product-code-archived")
            effective = product.get("StandardSalesAccount")
            if effective is None:
                effective = group_account.get(product.get("ProductGroupId"))
            if account is not None and effective != account:
                found("sales-account-mismatch")
        if account is not None:
            if account not in active_accounts:
                found("sales-account-unknown")
            if account in all_accounts and all_accounts[account].get("GeneralLedgerAccountType") != "Income":
                found("sales-account-not-income")
    for product in products:
        code = product.get("Code") or ""
        if re.fullmatch("A-[0-9]+", code) and product.get("IsArchived") is not True and code not in assist_groups:
            found("product-code-orphan")
    return counts


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__.split("\n\n")[1])
    json.dump(check(sys.argv[1]), sys.stdout, indent=2, sort_keys=True)
    print()
