#!/usr/bin/env python3
"""What a data-minded user would write instead of LedgerLint: DuckDB pointed at the files, the customer checks of
the default rules in SQL. The second competitor in benchmarks/run.sh (docs/performance.md).

    python3 benchmarks/duckdb_baseline.py SNAPSHOT [THREADS]

Reads `assist/customers.csv` with `read_csv` (Windows-1252, ';') and `poweroffice/Customers.json` and
`SubLedgerNumberSeries.json` with `read_json`, runs the ten customer checks (customer-number-range, -missing,
-invalid, -duplicate, -conflict, customer-email-missing, -invalid, customer-ehf-manual,
customer-ehf-organization-number, organization-number-invalid) as baseline.py words them, and prints the number of
findings per rule as JSON. No messages, no report, no product checks: it does less than LedgerLint, which favours
it. `run.sh` installs DuckDB into benchmarks/.venv when it is missing; LedgerLint itself never uses it.
"""

import json
import os
import sys

import duckdb

CUSTOMER_RULES = [
    "customer-number-missing", "customer-number-invalid", "customer-number-range", "customer-number-duplicate",
    "customer-number-conflict", "customer-email-missing", "customer-email-invalid", "customer-ehf-manual",
    "organization-number-invalid", "customer-ehf-organization-number",
]

# A field of addresses as baseline.py's emails_invalid() accepts it: at least one address, separated by ';' or ','
# (empty parts are let be); an address is an ASCII local part of dot-separated runs (so never starting or ending
# with '.', nor with '..' in it), '@', and a domain of at least two labels of letters, digits and '-' (not at either
# end), the last of letters only (the lengths baseline.py also checks, 64 and 63, are left out: bounded repeats
# make the expression many times slower, and the benchmark plants no such address). One regular expression over
# the whole field: a list and a lambda per row is several times slower in DuckDB.
ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-]+"
LABEL = r"[\p{L}\p{N}]+(-+[\p{L}\p{N}]+)*"
ADDRESS = rf"{ATOM}(\.{ATOM})*@({LABEL}\.)+\p{{L}}\p{{L}}+"
EMAILS = rf"[\s;,]*{ADDRESS}(\s*[;,][\s;,]*{ADDRESS})*[\s;,]*"

SQL = r"""
CREATE MACRO org_digits(t) AS regexp_replace(t, '[^0-9]', '', 'g');
CREATE MACRO org_digit(d, i) AS TRY_CAST(substr(d, i, 1) AS INTEGER);
CREATE MACRO org_remainder(d) AS (3 * org_digit(d, 1) + 2 * org_digit(d, 2) + 7 * org_digit(d, 3) + 6 * org_digit(d, 4)
    + 5 * org_digit(d, 5) + 4 * org_digit(d, 6) + 3 * org_digit(d, 7) + 2 * org_digit(d, 8)) % 11;
CREATE MACRO org_check(d) AS length(d) = 9 AND org_remainder(d) <> 1
    AND org_digit(d, 9) = CASE WHEN org_remainder(d) = 0 THEN 0 ELSE 11 - org_remainder(d) END;
CREATE MACRO org_valid(t) AS regexp_full_match(t, '[0-9 \x{{A0}}]*') AND org_check(org_digits(t));
CREATE TABLE assist AS
SELECT trim(coalesce("Kundenummer", '')) AS number, trim(coalesce("Organisasjonsnummer", '')) AS org,
       trim(coalesce("E-post", '')) AS email, lower(trim(coalesce("Sendingsmetode", ''))) AS send
FROM read_csv('{customers}', delim = ';', header = true, all_varchar = true, encoding = 'latin-1', quote = '"')
WHERE lower(trim(coalesce("Eksporteres", ''))) IN ('', 'ja', 'j', 'yes', 'y', 'true', '1', 'sann');

CREATE TABLE po AS
SELECT "Number" AS number, "OrganizationNumber" AS org, "InvoiceDeliveryType" AS delivery, row_number() OVER () AS pos
FROM read_json('{po_customers}', format = 'array',
               columns = {{Number: 'BIGINT', OrganizationNumber: 'VARCHAR', InvoiceDeliveryType: 'VARCHAR'}});

CREATE TABLE series AS {series};

CREATE TABLE checked AS
SELECT *, regexp_full_match(number, '[+-]?[0-9]+') AS whole,
       TRY_CAST(number AS HUGEINT) AS value, regexp_full_match(email, '{emails}') AS emails_valid
FROM assist;
"""

COUNTS = """
SELECT 'customer-number-missing', count(*) FROM checked WHERE number = ''
UNION ALL SELECT 'customer-number-invalid', count(*) FROM checked WHERE number <> '' AND NOT whole
UNION ALL SELECT 'customer-number-range', count(*) FROM checked
    WHERE whole AND NOT EXISTS (SELECT 1 FROM series WHERE value BETWEEN low AND high)
UNION ALL SELECT 'customer-number-duplicate', count(*) FROM (
    SELECT CASE WHEN whole THEN CAST(value AS VARCHAR) ELSE number END AS k FROM checked WHERE number <> ''
    GROUP BY k HAVING count(*) > 1)
UNION ALL SELECT 'customer-number-conflict', count(*) FROM checked
    JOIN (SELECT CAST(number AS VARCHAR) AS n, arg_min(org, pos) AS org FROM po WHERE number IS NOT NULL GROUP BY n) first
        ON first.n = checked.number
    WHERE checked.org <> '' AND coalesce(first.org, '') <> ''
      AND regexp_replace(checked.org, '[^0-9]', '', 'g') <> regexp_replace(first.org, '[^0-9]', '', 'g')
UNION ALL SELECT 'customer-email-missing', count(*) FROM checked WHERE email = ''
UNION ALL SELECT 'customer-email-invalid', count(*) FROM checked
    WHERE email <> '' AND NOT emails_valid
UNION ALL SELECT 'customer-ehf-manual', count(*) FROM checked WHERE send IN ('ehf', 'efaktura', 'e-faktura')
UNION ALL SELECT 'organization-number-invalid', count(*) FROM checked WHERE org <> '' AND NOT org_valid(org)
UNION ALL SELECT 'customer-ehf-organization-number', count(*) FROM po
    WHERE delivery = 'EHF' AND NOT org_valid(coalesce(org, ''))
"""


def main(snapshot, threads):
    customers = os.path.join(snapshot, "assist", "customers.csv")
    po_customers = os.path.join(snapshot, "poweroffice", "Customers.json")
    series_file = os.path.join(snapshot, "poweroffice", "SubLedgerNumberSeries.json")
    default = "SELECT 10000::HUGEINT AS low, 19999::HUGEINT AS high"
    series = default
    if os.path.exists(series_file):
        series = (
            f"SELECT \"FromInclusive\"::HUGEINT AS low, \"ToInclusive\"::HUGEINT AS high FROM read_json('{series_file}', "
            "format = 'array', columns = {SubLedgerNumberSeriesType: 'VARCHAR', FromInclusive: 'BIGINT', "
            "ToInclusive: 'BIGINT'}) WHERE lower(\"SubLedgerNumberSeriesType\") = 'customer' "
            "AND \"FromInclusive\" IS NOT NULL AND \"ToInclusive\" IS NOT NULL")
    connection = duckdb.connect()
    connection.execute(f"SET threads = {threads}")
    connection.execute(SQL.format(emails=EMAILS.replace("'", "''"), customers=customers, po_customers=po_customers,
                                  series=series))
    if connection.execute("SELECT count(*) FROM series").fetchone()[0] == 0:
        connection.execute(f"INSERT INTO series {default}")
    counts = {rule: count for rule, count in connection.execute(COUNTS).fetchall() if count}
    json.dump(counts, sys.stdout, indent=2, sort_keys=True)
    print()


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__.split("\n\n")[1])
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) == 3 else os.cpu_count() or 1)
