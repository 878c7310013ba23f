#!/usr/bin/env python3
"""Writes a synthetic LedgerLint snapshot of N customers for the benchmarks.

    python3 benchmarks/generate.py N OUT_DIR [--seed SEED]

OUT_DIR gets the layout of docs/snapshot-format.md:

- assist/customers.csv       N customers as Excel on Norwegian Windows saves them: Windows-1252, ';', CRLF,
                             extra columns LedgerLint ignores, some quoted fields (a ';' or '"' in the name).
- assist/product-groups.csv  20 + N/10000 product groups, same dialect.
- poweroffice/Customers.json N customers in the full v2 CustomerDto shape (all 51 properties, nulls written out,
                             the nested MailAddress ContactAddressDto), compact, one record per line, UTF-8.
- poweroffice/Products.json, ProductGroups.json, GeneralLedgerAccounts.json, SubLedgerNumberSeries.json.

Defects are planted at fixed shares (DEFECTS below), decided per record by a seeded PRNG, so the same N and seed
always give the same bytes. `expected-findings.json` in OUT_DIR lists how many findings each rule should report,
as counted while generating; `benchmarks/run.sh` compares it with LedgerLint's and the Python baseline's counts.

Plain Python, standard library only; about 25 s for N = 1 000 000 (1.7 GB of JSON) on the reference machine.
"""

import argparse
import re
import json
import os
import random

# Share of Assist customers with each defect. The rest are clean and mirrored exactly in PowerOffice.
DEFECTS = {
    "number-missing": 0.002,
    "number-invalid": 0.001,
    "number-range": 0.005,
    "number-duplicate": 0.003,
    "email-missing": 0.010,
    "email-invalid": 0.010,
    "ehf": 0.020,
    "efaktura": 0.005,
    "org-invalid": 0.010,
    "conflict": 0.005,
    "not-exported": 0.030,
    "po-ehf-no-org": 0.010,
}

FIRST = ["Fjord", "Berg", "Solstrand", "Haugen", "Blåbær", "Ørnes", "Ås", "Nordlys", "Kyst", "Vik", "Dal",
         "Skog", "Strand", "Elv", "Fossen", "Lia", "Bø", "Sjø", "Tind", "Eik", "Furu", "Grønn", "Hav", "Myr"]
SECOND = ["Bakeri", "Elektro", "Rør", "Bygg", "Eiendom", "Regnskap", "Transport", "Fiskeri", "Kafé", "Maskin",
          "Trelast", "Data", "Frisør", "Maling", "Tannlege", "Advokat", "Reklame", "Gartneri", "Sport", "Optikk"]
FORM = ["AS", "AS", "AS", "ANS", "DA", "ENK", "SA"]
STREETS = ["Storgata", "Kirkegata", "Strandveien", "Skolegata", "Industriveien", "Fjordgata", "Bakkeveien"]
CITIES = [("0155", "Oslo"), ("5003", "Bergen"), ("7010", "Trondheim"), ("4006", "Stavanger"), ("9008", "Tromsø"),
          ("3015", "Drammen"), ("1606", "Fredrikstad"), ("8006", "Bodø"), ("2317", "Hamar"), ("6002", "Ålesund")]
NAMES = ["%s %s %s" % (a, b, c) for a in FIRST for b in SECOND for c in FORM]
WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2]
SLUG = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "é": "e"})
SINCE = ["20%02d-%02d-%02d" % (10 + i % 15, 1 + i % 12, 1 + i % 28) for i in range(15 * 12 * 28)]
INCOME_ACCOUNTS = [3000, 3010, 3020, 3100, 3200, 3400, 3600, 3900]


def org_number(rng, valid=True):
    """A nine-digit organisation number with a valid (or, asked for, wrong) MOD11 check digit."""
    while True:
        digits = [int(c) for c in str(80000000 + int(rng.random() * 20000000))]
        remainder = (3 * digits[0] + 2 * digits[1] + 7 * digits[2] + 6 * digits[3] + 5 * digits[4]
                     + 4 * digits[5] + 3 * digits[6] + 2 * digits[7]) % 11
        if remainder == 1:
            continue
        check = 0 if remainder == 0 else 11 - remainder
        if not valid:
            check = (check + 1 + rng.randrange(8)) % 10
            if check == (0 if remainder == 0 else 11 - remainder):
                continue
        return "".join(map(str, digits)) + str(check)


def json_text(value):
    return "null" if value is None else '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def csv_cell(value):
    if value is None:
        return ""
    if any(c in value for c in ';"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


CUSTOMER_JSON = (
    '{"Id":%(id)s,"Number":%(number)s,"Name":%(name)s,"LegalName":%(legal)s,"IsPerson":false,"FirstName":null,'
    '"LastName":null,"DateOfBirth":null,"NationalIdNumber":null,"OrganizationNumber":%(org)s,'
    '"EmailAddress":%(email)s,"InvoiceEmailAddress":%(email)s,"InvoiceEmailAddressCC":null,'
    '"PaymentReminderEmailAddress":%(email)s,"PhoneNumber":"+47 %(phone)s","WebsiteUrl":%(web)s,'
    '"InvoiceDeliveryType":"%(delivery)s","ReminderDeliveryType":"PdfByEmail",'
    '"NoticeOfDebtCollectionDeliveryType":"PdfByEmail","IsActive":true,"IsArchived":false,"IsVatFree":false,'
    '"UseInvoiceFee":false,"SendPaymentReminders":true,"DoNotAddLatePaymentFees":false,'
    '"DoNotAddLatePaymentInterest":false,"DoNotAutomatePaymentNotifications":false,'
    '"TransferToDebtCollectionAgency":false,"Allowance":null,"BillableRate":%(rate)s,"PaymentTerm":14,'
    '"PaymentTermId":null,"CurrencyCode":"NOK","DeliveryTerm":null,"DeliveryTermId":null,"DepartmentCode":null,'
    '"DepartmentId":null,"ExternalNumber":null,"ExternalImportReference":"assist-%(id)s",'
    '"SalesPersonEmployeeId":null,"SalesPersonEmployeeNumber":%(seller)s,"InvoiceBrandingThemeId":null,'
    '"InvoiceBrandingThemeCode":null,"SubledgerAccountId":%(ledger)s,"ContactGroupIds":[%(group)s],'
    '"CreatedFromImportJournalId":null,"CustomerSince":"%(since)s",'
    '"ContactCreatedDateTimeOffset":"%(since)sT08:03:00.123456+00:00",'
    '"CustomerCreatedDateTimeOffset":"%(since)sT08:03:00.123456+00:00",'
    '"LastChangedDateTimeOffset":"2025-11-02T09:14:%(second)02d.123456+00:00",'
    '"MailAddress":{"Id":%(address)s,"AddressLine1":"%(street)s %(house)s","AddressLine2":null,"ZipCode":"%(zip)s",'
    '"City":"%(city)s","CountryCode":"NO","ExternalCode":null,'
    '"LastChangedDateTimeOffset":"2024-07-11T12:46:59.123456+00:00"}}'
)


def generate(n, out, seed):
    rng = random.Random(seed)
    os.makedirs(os.path.join(out, "assist"), exist_ok=True)
    os.makedirs(os.path.join(out, "poweroffice"), exist_ok=True)
    expected = {key: 0 for key in [
        "customer-number-missing", "customer-number-invalid", "customer-number-range", "customer-number-duplicate",
        "customer-number-conflict", "customer-email-missing", "customer-email-invalid", "customer-ehf-manual",
        "organization-number-invalid", "customer-ehf-organization-number", "product-code-missing",
        "product-code-archived", "sales-account-mismatch", "sales-account-unknown", "sales-account-not-income",
        "product-code-orphan"]}
    first_number = 100000
    cut = []
    total = 0.0
    for name, share in DEFECTS.items():
        total += share
        cut.append((total, name))

    csv_path = os.path.join(out, "assist", "customers.csv")
    json_path = os.path.join(out, "poweroffice", "Customers.json")
    with open(csv_path, "w", encoding="cp1252", newline="") as csv_file, \
            open(json_path, "w", encoding="utf-8", newline="") as json_file:
        csv_file.write("Kundenummer;Navn;Organisasjonsnummer;E-post;Telefon;Adresse;Postnr;Sted;Sendingsmetode;"
                       "Eksporteres\r\n")
        json_file.write("[\n")
        csv_rows = []
        json_rows = []
        previous = None
        duplicated = set()
        first_batch = True
        random_ = rng.random
        names = {}
        for i in range(n):
            number = first_number + i
            roll = rng.random()
            defect = None
            for limit, name in cut:
                if roll < limit:
                    defect = name
                    break
            name = NAMES[int(random_() * len(NAMES))]
            if i % 97 == 0:
                name = name.replace(" ", ' "og" ', 1) if i % 2 else name + "; avd. " + str(i % 7)
            org = org_number(rng)
            known = names.get(name)
            if known is None:
                known = names[name] = (
                    "-".join(re.findall("[a-z0-9]+", name.lower().translate(SLUG))), json_text(name),
                    json_text(name.upper()))
            slug, json_name, json_upper = known
            email = "post@%s.no" % slug if i % 5 else "faktura.%d@%s.no" % (i % 1000, slug)
            json_email = '"' + email + '"'
            phone = str(20000000 + int(random_() * 79999999))
            street = STREETS[i % len(STREETS)]
            zip_code, city = CITIES[int(random_() * len(CITIES))]
            send, export = "E-post", "Ja"
            assist_number = str(number)
            assist_email = email
            assist_org = org
            po_org = org
            po_delivery = "PdfByEmail"
            exported = True

            if defect == "number-missing":
                assist_number = ""
                expected["customer-number-missing"] += 1
            elif defect == "number-invalid":
                assist_number = "K-%d" % number
                expected["customer-number-invalid"] += 1
            elif defect == "number-range":
                assist_number = str(90000000 + i)
                expected["customer-number-range"] += 1
            elif defect == "number-duplicate" and previous is not None:
                # The company registered twice: same number and organisation number as the customer before.
                assist_number, assist_org = previous
                po_org = org
                duplicated.add(assist_number)
            elif defect == "email-missing":
                assist_email = ""
                expected["customer-email-missing"] += 1
            elif defect == "email-invalid":
                assist_email = email.replace(".no", "") if i % 2 else email.replace("@", " ")
                expected["customer-email-invalid"] += 1
            elif defect == "ehf":
                send = "EHF"
                expected["customer-ehf-manual"] += 1
            elif defect == "efaktura":
                send = "eFaktura"
                expected["customer-ehf-manual"] += 1
            elif defect == "org-invalid":
                assist_org = org_number(rng, valid=False)
                po_org = assist_org
                expected["organization-number-invalid"] += 1
            elif defect == "conflict":
                po_org = org_number(rng)
                if po_org != assist_org:
                    expected["customer-number-conflict"] += 1
            elif defect == "not-exported":
                export = "Nei"
                exported = False
                assist_org = org_number(rng, valid=False)  # not exported, so not checked
            elif defect == "po-ehf-no-org":
                po_delivery = "EHF"
                po_org = None if i % 2 else ""
                expected["customer-ehf-organization-number"] += 1
            if i % 11 == 0 and assist_org and defect not in ("org-invalid", "not-exported", "conflict"):
                assist_org = assist_org[:3] + " " + assist_org[3:6] + " " + assist_org[6:]
            if defect is None:
                previous = (assist_number, assist_org)

            csv_rows.append(";".join([
                assist_number, csv_cell(name), assist_org, assist_email, phone, "%s %d" % (street, i % 200 + 1),
                zip_code, city, send, export]))
            json_rows.append(CUSTOMER_JSON % dict(
                id=7000000 + i, number=number, name=json_name, legal=json_name if i % 3 else json_upper,
                org=json_text(po_org), email=json_email, phone=phone,
                web='"www.%s.no"' % slug if i % 4 == 0 else "null", delivery=po_delivery,
                rate="null" if i % 3 else "950.0", seller=(i % 40) + 1, ledger=1500000 + i, group=i % 5,
                since=SINCE[i % len(SINCE)], second=i % 60,
                address=9000000 + i, street=street, house=i % 200 + 1, zip=zip_code, city=city))
            if len(csv_rows) == 10000 or i == n - 1:
                csv_file.write("\r\n".join(csv_rows) + "\r\n")
                json_file.write(("" if first_batch else ",\n") + ",\n".join(json_rows))
                csv_rows, json_rows, first_batch = [], [], False
        json_file.write("\n]\n")
        expected["customer-number-duplicate"] = len(duplicated)

    write_products(rng, n, out, expected)
    with open(os.path.join(out, "expected-findings.json"), "w") as handle:
        json.dump({"customers": n, "findings": expected}, handle, indent=2, sort_keys=True)
        handle.write("\n")


def write_products(rng, n, out, expected):
    """Product groups on both sides, products, accounts and number series, with a few planted defects."""
    groups = 20 + n // 10000
    accounts = [(1500, "Kundefordringer", "Asset", True), (1920, "Bankinnskudd", "Asset", True),
                (2400, "Leverandørgjeld", "Liability", True), (2700, "Utgående mva", "Liability", True),
                (4000, "Varekjøp", "Expense", True), (3950, "Gammel salgskonto", "Income", False)]
    accounts += [(number, "Salgsinntekt %d" % number, "Income", True) for number in INCOME_ACCOUNTS]
    accounts += [(number, "Kostnad %d" % number, "Expense", True) for number in range(5000, 8000, 10)]
    rows = ["Produktgruppe;Navn;Salgskonto"]
    products = []
    for group in range(1, groups + 1):
        account = INCOME_ACCOUNTS[group % len(INCOME_ACCOUNTS)]
        if group % 25 == 9:
            account = 3950  # inactive
            expected["sales-account-unknown"] += 1
        elif group % 25 == 14:
            account = 4000  # an expense account
            expected["sales-account-not-income"] += 1
        product_account = account
        archived = False
        present = True
        kind = group % 10
        if kind == 3:
            present = False
            expected["product-code-missing"] += 1
        elif kind == 5:
            archived = True
            expected["product-code-archived"] += 1
        elif kind == 7:
            product_account = INCOME_ACCOUNTS[(group + 1) % len(INCOME_ACCOUNTS)]
            expected["sales-account-mismatch"] += 1
        rows.append("%d;%s;%d" % (group, csv_cell("Gruppe %d – %s" % (group, SECOND[group % len(SECOND)])), account))
        if present:
            products.append({"Code": "A-%d" % group, "Name": "Gruppe %d" % group, "IsArchived": archived,
                             "StandardSalesAccount": product_account})
    for orphan in range(groups + 1, groups + 4):
        products.append({"Code": "A-%d" % orphan, "Name": "Gammel gruppe", "IsArchived": False,
                         "StandardSalesAccount": 3000})
        expected["product-code-orphan"] += 1
    for index in range(n // 20):
        products.append({"Code": "P-%06d" % index, "Name": "Vare %d" % index, "IsArchived": index % 50 == 0,
                         "StandardSalesAccount": None if index % 3 else INCOME_ACCOUNTS[index % 8]})
    with open(os.path.join(out, "assist", "product-groups.csv"), "w", encoding="cp1252", newline="") as handle:
        handle.write("\r\n".join(rows) + "\r\n")

    full_products = []
    for index, product in enumerate(products):
        full_products.append({
            "Id": 80000 + index, "Code": product["Code"], "Name": product["Name"], "Description": None,
            "ProductType": "Product", "ProductGroupId": 1 + index % 3, "ProductGroupCode": None,
            "IsArchived": product["IsArchived"], "IsStockItem": False, "Gtin": None,
            "StandardSalesAccount": product["StandardSalesAccount"], "StandardSalesAccountId": None,
            "StandardSalesAccountAgricultureDepartment": None, "OptionalSalesAccount": None,
            "OptionalSalesAccountId": None, "OptionalSalesAccountAgricultureDepartment": None,
            "UnitCost": 100.0, "UnitPrice": 199.5, "UnitOfMeasureCode": "STK", "StockAvailable": None,
            "StockOnHand": None, "StockOnHandLastChangedDatetimeOffset": None, "CreatedFromImportJournalId": None,
            "CreatedDateTimeOffset": "2020-01-01T00:00:00+00:00",
            "LastChangedDateTimeOffset": "2025-01-01T00:00:00+00:00"})
    write_json(out, "Products.json", full_products)
    write_json(out, "ProductGroups.json", [
        {"Id": i, "Code": "PG%d" % i, "Name": "Varegruppe %d" % i, "IsArchived": False,
         "StandardSalesAccount": INCOME_ACCOUNTS[i], "OptionalSalesAccount": None, "ProductType": "Product"}
        for i in range(1, 4)])
    write_json(out, "GeneralLedgerAccounts.json", [
        {"Id": index + 1, "AccountNo": number, "Name": name, "IsActive": active, "VatCode": None,
         "GeneralLedgerAccountType": kind, "CurrencyCode": "NOK", "IsDepartmentRequired": False,
         "IsProjectRequired": False, "IsVatCodeLocked": False}
        for index, (number, name, kind, active) in enumerate(accounts)])
    write_json(out, "SubLedgerNumberSeries.json", [
        {"Id": "6f1c1f9e-0d7a-4c1e-9a51-2f8a7b3c1001", "Name": "Kunder", "SubLedgerNumberSeriesType": "Customer",
         "FromInclusive": 10000, "ToInclusive": 19999, "GeneralLedgerAccountNo": 1500, "IsDefault": True},
        {"Id": "6f1c1f9e-0d7a-4c1e-9a51-2f8a7b3c1004", "Name": "Kunder fra Assist",
         "SubLedgerNumberSeriesType": "Customer", "FromInclusive": 100000, "ToInclusive": 100000 + 2 * n + 99999,
         "GeneralLedgerAccountNo": 1500, "IsDefault": False},
        {"Id": "6f1c1f9e-0d7a-4c1e-9a51-2f8a7b3c1002", "Name": "Leverandører",
         "SubLedgerNumberSeriesType": "Supplier", "FromInclusive": 20000, "ToInclusive": 29999,
         "GeneralLedgerAccountNo": 2400, "IsDefault": True}])


def write_json(out, name, records):
    with open(os.path.join(out, "poweroffice", name), "w", encoding="utf-8") as handle:
        handle.write("[\n" + ",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records)
                     + "\n]\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of customers on each side")
    parser.add_argument("out", help="snapshot folder to write")
    parser.add_argument("--seed", type=int, default=2026)
    arguments = parser.parse_args()
    generate(arguments.n, arguments.out, arguments.seed)


if __name__ == "__main__":
    main()
