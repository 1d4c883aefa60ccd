"""extract_frame against extract --format csv read with pandas: the same columns, rows and cells."""

import decimal
import io

import pandas

import glean
from conftest import RULES, run_extract

INPUTS = ["tests/data/corpus", "tests/data/provincial"]


def csv_text(cell):
    """A frame cell as the CSV output writes it."""
    if cell is None or cell is pandas.NA:
        return ""
    if isinstance(cell, decimal.Decimal):
        return format(cell, "f")
    return str(cell)


def test_extract_frame_equals_the_csv_output(rules):
    frame = glean.extract_frame(rules, INPUTS, jobs=2)
    csv = run_extract("--rules", RULES, "--format", "csv", "--no-bom", *INPUTS).stdout.decode()
    want = pandas.read_csv(io.StringIO(csv), dtype=str, keep_default_na=False)
    assert list(frame.columns) == list(want.columns)
    assert len(frame) == len(want) > 100
    for column in want.columns:
        got = [csv_text(cell) for cell in frame[column]]
        assert got == list(want[column]), column


def test_extract_frame_types_its_columns(rules):
    frame = glean.extract_frame(RULES, "tests/data/corpus/junping-2021.txt", jobs=1)
    assert str(frame["start"].dtype) == "int64" and str(frame["year"].dtype) == "Int64"
    assert set(frame["year"]) == {2021}
    counts = frame["count"].dropna()
    assert len(counts) and all(type(v) in (int, decimal.Decimal) for v in counts)
    assert frame.equals(glean.extract_frame(rules, ["tests/data/corpus/junping-2021.txt"], jobs=3))


def test_extract_frame_of_no_facts_has_the_columns(rules, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("无\n", encoding="utf-8")
    frame = glean.extract_frame(rules, [str(empty)])
    assert len(frame) == 0 and list(frame.columns) == glean.Engine(rules).columns
