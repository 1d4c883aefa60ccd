"""The tabular outputs hold the same facts as the JSON Lines output, read back by the tools analysts
use: Python's csv module, openpyxl, and the sqlite3 command. Run by ctest with the extract binary,
the source folder and a scratch folder."""
import csv
import json
import os
import signal
import subprocess
import sys
import time
from decimal import Decimal

import openpyxl

EXTRACT, SOURCE, SCRATCH = sys.argv[1], sys.argv[2], sys.argv[3]
RULES = os.path.join(SOURCE, "rules")
CORPUS = os.path.join(SOURCE, "tests", "data", "corpus")
FAILURES = []
# A scratch folder of an earlier run: start from nothing.
for leftover in os.listdir(SCRATCH) if os.path.isdir(SCRATCH) else []:
    if not os.path.isdir(os.path.join(SCRATCH, leftover)):
        os.remove(os.path.join(SCRATCH, leftover))
os.makedirs(SCRATCH, exist_ok=True)


def check(condition, what):
    if not condition:
        FAILURES.append(what)
        print("FAIL:", what)


def run(*args):
    return subprocess.run([EXTRACT, "--rules", RULES, *args], capture_output=True, text=True)


def expected_rows():
    """(doc, rule, start, end, text, field name, value, unit, approx) of every fact field, from JSON."""
    out = run(CORPUS)
    assert out.returncode == 0, out.stderr
    rows, titles = set(), {}
    for line in out.stdout.splitlines():
        fact = json.loads(line, parse_float=Decimal)
        if fact["rule"] == "builtin.document":
            titles[fact["doc"]] = fact["fields"].get("title", {}).get("value")
            continue
        for name, field in fact["fields"].items():
            if not isinstance(field["value"], (int, Decimal)):
                continue
            rows.add((fact["doc"], fact["rule"], fact["start"], fact["end"], fact["text"], name,
                      Decimal(field["value"]), field.get("unit", ""), field.get("approx", "")))
    return rows, titles


def table_rows(header, records):
    rows = set()
    for record in records:
        cells = dict(zip(header, record))
        for column in header:
            if column + "_unit" not in header or cells[column] in (None, ""):
                continue
            try:
                value = Decimal(str(cells[column]))
            except ArithmeticError:
                continue
            rows.add((cells["doc"], cells["rule"], int(cells["start"]), int(cells["end"]),
                      cells["text"], column, value, cells[column + "_unit"] or "",
                      cells[column + "_approx"] or ""))
    return rows


want, titles = expected_rows()
check(len(want) > 150, f"the sample reports give numeric fields ({len(want)})")

# CSV, with a BOM by default.
csv_path = os.path.join(SCRATCH, "facts.csv")
check(run(CORPUS, "-o", csv_path).returncode == 0, "csv run exits 0")
with open(csv_path, "rb") as f:
    check(f.read(3) == b"\xef\xbb\xbf", "csv starts with a byte-order mark")
with open(csv_path, encoding="utf-8-sig", newline="") as f:
    reader = csv.reader(f)
    header = next(reader)
    records = list(reader)
check(table_rows(header, records) == want, "csv holds the JSON facts' values exactly")
check(all(dict(zip(header, r))["title"] == (titles.get(dict(zip(header, r))["doc"]) or "")
          for r in records), "csv rows carry their document's title")
check(run(CORPUS, "-o", csv_path, "--no-bom").returncode == 0, "csv --no-bom exits 0")
with open(csv_path, "rb") as f:
    check(f.read(3) == b"doc", "csv --no-bom starts with the header")

# TSV on stdout.
out = run(CORPUS, "--format", "tsv")
lines = out.stdout.split("\n")[:-1]
tsv_header = lines[0].split("\t")
check(table_rows(tsv_header, [l.split("\t") for l in lines[1:]]) == want, "tsv holds the values")

# XLSX.
xlsx_path = os.path.join(SCRATCH, "facts.xlsx")
check(run(CORPUS, "-o", xlsx_path).returncode == 0, "xlsx run exits 0")
book = openpyxl.load_workbook(xlsx_path)
check(book.sheetnames == ["facts", "documents", "rules"], f"xlsx sheets {book.sheetnames}")
sheet = book["facts"]
values = list(sheet.iter_rows(values_only=True))
check(sheet.freeze_panes == "A2", "xlsx header row frozen")
check(sheet.auto_filter.ref is not None, "xlsx facts sheet has filters")
check(table_rows(list(values[0]), values[1:]) == want, "xlsx holds the values as numbers")
hits = {row[0]: row[2] for row in book["rules"].iter_rows(min_row=2, values_only=True)}
check(sum(hits.values()) == len(values) - 1, "xlsx rules sheet counts every fact")
check(book["documents"].max_row == 6, "xlsx lists the five documents")

# SQLite: the same facts; a second run adds no duplicates.
db = os.path.join(SCRATCH, "facts.sqlite")
for _ in range(2):
    check(run(CORPUS, "-o", db).returncode == 0, "sqlite run exits 0")
query = ("SELECT d.doc, f.rule, f.start, f.\"end\", f.text, x.name, x.value_text, "
         "coalesce(x.unit, ''), coalesce(x.approx, '') FROM fields x JOIN facts f USING (fact_id) "
         "JOIN documents d USING (doc_id) WHERE typeof(x.value) IN ('integer', 'real')")
got = subprocess.run(["sqlite3", "-separator", "\x1f", db, query], capture_output=True, text=True)
rows = set()
for line in got.stdout.splitlines():
    doc, rule, start, end, text, name, value, unit, approx = line.split("\x1f")
    rows.add((doc, rule, int(start), int(end), text, name, Decimal(value), unit, approx))
check(rows == want, "sqlite holds the values exactly, once each after two runs")
count = subprocess.run(["sqlite3", db, "SELECT count(*) FROM documents"], capture_output=True,
                       text=True).stdout.strip()
check(count == "5", f"sqlite has each document once ({count})")

# A run killed while it writes leaves whole documents only: every document's fact count matches
# its facts, and a run after it completes the database.
big = os.path.join(SCRATCH, "many")
os.makedirs(big, exist_ok=True)
for i in range(400):
    for name in os.listdir(CORPUS):
        if name.endswith(".txt"):
            with open(os.path.join(CORPUS, name), "rb") as f:
                data = f.read()
            with open(os.path.join(big, f"{i:03d}-{name}"), "wb") as f:
                f.write(data)
killed_db = os.path.join(SCRATCH, "killed.sqlite")
process = subprocess.Popen([EXTRACT, "--rules", RULES, big, "-o", killed_db, "-j", "1"])
deadline = time.time() + 20
while time.time() < deadline and process.poll() is None:
    documents = subprocess.run(["sqlite3", killed_db, "SELECT count(*) FROM documents"],
                               capture_output=True, text=True).stdout.strip()
    if documents.isdigit() and int(documents) > 50:
        break
    time.sleep(0.05)
killed_midway = process.poll() is None
process.send_signal(signal.SIGKILL)
process.wait()
check(killed_midway, "the run was killed before it finished")
integrity = subprocess.run(["sqlite3", killed_db, "PRAGMA integrity_check"], capture_output=True,
                           text=True).stdout.strip()
check(integrity == "ok", f"integrity after a kill: {integrity}")
torn = subprocess.run(["sqlite3", killed_db,
                       "SELECT count(*) FROM documents d WHERE d.facts != "
                       "(SELECT count(*) FROM facts f WHERE f.doc_id = d.doc_id)"],
                      capture_output=True, text=True).stdout.strip()
check(torn == "0", f"no half-written document after a kill ({torn})")
check(run(big, "-o", killed_db).returncode == 0, "a run after the kill exits 0")
total = subprocess.run(["sqlite3", killed_db, "SELECT count(*) FROM documents"],
                       capture_output=True, text=True).stdout.strip()
check(total == "2000", f"every document once after the second run ({total})")

# Usage errors.
check(run(CORPUS, "--format", "xlsx").returncode == 2, "xlsx without -o exits 2")
check(run(CORPUS, "-o", os.path.join(SCRATCH, "x.out")).returncode == 2, "unknown extension exits 2")

print(f"outputs: {len(FAILURES)} failed checks")
sys.exit(1 if FAILURES else 0)
