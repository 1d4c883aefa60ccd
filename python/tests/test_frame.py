"""extract_frame against extract --format csv read with pandas: the same columns, rows and cells."""

import decimal

import glean
from conftest import RULES, assert_frame_equals_csv

INPUTS = ["tests/data/corpus", "tests/data/provincial"]


def test_extract_frame_equals_the_csv_output(rules):
    frame = glean.extract_frame(rules, INPUTS, jobs=2)
    assert len(frame) > 100
    assert_frame_equals_csv(frame, INPUTS)


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
