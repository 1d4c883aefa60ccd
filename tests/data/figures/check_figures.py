#!/usr/bin/env python3
"""Checks the hand-checked figure lists: header lines, 10 columns, the text found in its line,
values that parse as decimals and agree with the text's number and magnitude, known approx and
status words, and a period that is empty, a year or a year range.
Usage: check_figures.py [FILE.figures.tsv ...]  (all lists beside this script by default)"""
import glob, os, re, sys
from decimal import Decimal, InvalidOperation

HERE = os.path.dirname(os.path.abspath(__file__))
COLUMNS = "# line\ttext\tvalue\tunit\tapprox\tlabel\taction\tchange\tperiod\tstatus"
DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}
DIGITS.update({"〇": 0, "两": 2, "兩": 2})
MAGNITUDE = [("万亿", 10**12), ("萬億", 10**12), ("亿", 10**8), ("億", 10**8), ("万", 10**4), ("萬", 10**4)]


def chinese(s):
    total, section, digit = 0, 0, 0
    for c in s:
        if c in DIGITS:
            digit = DIGITS[c]
        elif c in "十拾":
            section += (digit or 1) * 10; digit = 0
        elif c in "百佰":
            section += digit * 100; digit = 0
        elif c in "千仟":
            section += digit * 1000; digit = 0
        else:
            return None
    return total + section + digit


def text_value(text):
    t = text.translate(str.maketrans("０１２３４５６７８９．，", "0123456789.,")).replace(",", "").replace(" ", "")
    m = re.match(r"-?\d+(\.\d+)?", t)
    if m:
        number, rest = Decimal(m.group()), t[m.end():]
    else:
        m = re.match(r"[零一二三四五六七八九十百千〇两兩拾佰仟]+", t)
        if not m:
            return None
        number, rest = Decimal(chinese(m.group())), t[m.end():]
    rest = rest.lstrip("余餘多")
    for word, factor in MAGNITUDE:
        if rest.startswith(word):
            return number * factor
    return number


def check(path):
    errors = 0
    def bad(n, msg):
        nonlocal errors
        errors += 1
        print(f"{path}:{n}: {msg}")
    rows = open(path, encoding="utf-8").read().split("\n")
    if not rows[0].startswith("# source: "):
        bad(1, "first line is not '# source: …'")
        return errors
    source = os.path.join(HERE, "..", rows[0][len("# source: "):].strip())
    if rows[1] != COLUMNS:
        bad(2, "second line is not the column names")
    lines = open(source, encoding="utf-8", newline="").read().split("\n")
    count = 0
    for n, row in enumerate(rows, 1):
        if not row or row.startswith("#"):
            continue
        count += 1
        cols = row.split("\t")
        if len(cols) != 10:
            bad(n, f"{len(cols)} columns")
            continue
        line, text, value, unit, approx, label, action, change, period, status = cols
        if not line.isdigit() or not 1 <= int(line) <= len(lines):
            bad(n, f"line {line} out of range")
            continue
        if not text or text not in lines[int(line) - 1]:
            bad(n, f"text {text!r} not in line {line}")
        try:
            v = Decimal(value)
            tv = text_value(text)
            if tv is not None and abs(v) != tv:
                bad(n, f"value {value} but text {text!r} reads {tv}")
        except InvalidOperation:
            bad(n, f"value {value!r} is not a decimal")
        if not unit:
            bad(n, "no unit")
        if approx not in ("", "more", "less", "about"):
            bad(n, f"approx {approx!r}")
        if not label:
            bad(n, "no label")
        if period and not re.fullmatch(r"\d{4}(-\d{4})?", period):
            bad(n, f"period {period!r}")
        if status not in ("result", "plan", "expected", "target"):
            bad(n, f"status {status!r}")
        if change and not re.fullmatch(r"[+\-×][\d.]+\S*", change):
            bad(n, f"change {change!r}")
    print(f"{path}: {count} figures, {errors} errors")
    return errors


if __name__ == "__main__":
    files = sys.argv[1:] or sorted(glob.glob(os.path.join(HERE, "*.figures.tsv")))
    sys.exit(1 if sum(check(f) for f in files) else 0)
