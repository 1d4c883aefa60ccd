"""Engine.extract against extract's JSON Lines: the same facts, keys and exact values."""

import decimal
import pathlib
import warnings

import pytest

import glean
from conftest import RULES, SOURCE_DIR, assert_same, cli_facts, run_extract

REPORTS = sorted(
    str(path.relative_to(SOURCE_DIR))
    for folder in ("tests/data/corpus", "tests/data/dev", "tests/data/provincial")
    for path in (SOURCE_DIR / folder).glob("*.txt")
)
SAMPLES = [report for report in REPORTS if report.startswith("tests/data/corpus/")]


def test_sample_reports_give_the_facts_of_the_command_line(rules):
    engine = glean.Engine(rules)
    want = cli_facts(*REPORTS)
    assert_same([fact for report in REPORTS for fact in engine.extract(report)], want)
    assert {fact["doc"] for fact in want} >= set(SAMPLES)


def test_options_have_the_command_line_meaning(rules):
    engine = glean.Engine(rules, figures=True, document=False, context="sentence")
    # A report with figures the stock figure rules leave to the figures stage (junping-2021's are
    # all claimed by rules now).
    report = "tests/data/corpus/anon-town-2022.txt"
    want = cli_facts("--figures", "--no-document", "--context", "sentence", report)
    assert any("sentence" in fact for fact in want)
    assert any(fact["rule"] == "builtin.figure" for fact in want)
    assert_same(engine.extract(report), want)
    assert (engine.figures, engine.document, engine.context, engine.encoding) == (
        True, False, "sentence", "auto")


def test_an_excepted_figure_carries_its_reason_as_the_command_line_writes_it(rules):
    # Issue 18: 主要是做好四篇文章 counts the speech's own tasks, no analyst's data.
    report = "tests/data/corpus/lijiang-2021-traditional.txt"
    facts = glean.Engine(rules, figures=True, document=False).extract(report)
    want = cli_facts("--figures", "--no-document", report)
    assert_same(facts, want)
    excepted = [fact for fact in facts if "excepted" in fact]
    assert [(fact["text"], fact["excepted"]) for fact in excepted] == [("四篇", "outline")]


def test_numbers_are_int_when_whole_and_decimal_otherwise(rules):
    facts = glean.Engine(rules).extract("tests/data/corpus/junping-2021.txt")
    values = [f["value"] for fact in facts for f in fact["fields"].values()]
    assert any(type(v) is int for v in values)
    assert any(type(v) is decimal.Decimal for v in values)
    assert not any(type(v) is float for v in values)
    for value in values:
        if isinstance(value, decimal.Decimal):
            assert value != value.to_integral_value()


def test_bytes_give_the_facts_of_the_file_under_the_name_given(rules):
    engine = glean.Engine(rules)
    report = "tests/data/corpus/lijiang-2021-traditional.txt"
    data = pathlib.Path(report).read_bytes()
    assert_same(engine.extract(data, name=report), engine.extract(report))
    assert {fact["doc"] for fact in engine.extract(bytearray(data))} == {"-"}


def test_a_path_object_and_a_rule_path_work_as_strings(rules):
    report = pathlib.Path("tests/data/corpus/anon-town-2022.txt")
    engine = glean.Engine(pathlib.Path(RULES))
    assert_same(engine.extract(report), glean.Engine(rules).extract(str(report)))


def test_a_broken_rule_file_raises_rule_error_with_the_positions_extract_prints(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "rules:\n"
        "  - id: roads.built\n"
        "    fact: road\n"
        "    patern: 修建道路{length:quantity}\n"
        "  - id: roads.bad_regex\n"
        "    fact: road\n"
        "    pattern: 道路(\\d+\n",
        encoding="utf-8",
    )
    with pytest.raises(glean.RuleError) as raised:
        glean.RuleSet.load([str(broken)])
    diagnostics = raised.value.diagnostics
    assert diagnostics
    assert all(d.file == str(broken) and d.line > 0 and d.column > 0 for d in diagnostics)
    assert {d.line for d in diagnostics} >= {4}
    cli = run_extract("--rules", str(broken), "tests/data/corpus/junping-2021.txt", check=False)
    assert cli.returncode == 2
    assert [str(d) for d in diagnostics if d.severity == "error"] == [
        line for line in cli.stderr.decode().splitlines() if ": error[" in line
    ]
    assert str(raised.value).splitlines() == [str(d) for d in diagnostics if d.severity == "error"]


def test_rule_text_with_an_error_names_the_file_given():
    with pytest.raises(glean.RuleError) as raised:
        glean.RuleSet.from_string("rules:\n  - id: x\n    fact: y\n    pattern: '('\n", "mine.yaml")
    assert raised.value.diagnostics[0].file == "mine.yaml"
    assert raised.value.diagnostics[0].line == 4


def test_a_missing_file_raises_file_not_found_with_its_name(rules):
    with pytest.raises(FileNotFoundError) as raised:
        glean.Engine(rules).extract("tests/data/corpus/no-such-report.txt")
    assert raised.value.filename == "tests/data/corpus/no-such-report.txt"
    with pytest.raises(IsADirectoryError):
        glean.Engine(rules).extract("tests/data/corpus")


def test_binary_input_raises_input_error_and_invalid_utf8_warns(rules):
    engine = glean.Engine(rules)
    with pytest.raises(glean.InputError) as raised:
        engine.extract(b"\x00\x01binary", name="blob.bin")
    assert raised.value.diagnostics[0].file == "blob.bin"
    text = pathlib.Path("tests/data/corpus/junping-2023.txt").read_bytes()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        facts = engine.extract(text[:200] + b"\xff" + text[200:], name="broken.txt")
    assert facts and [w.category for w in caught] == [glean.InputWarning]
    assert str(caught[0].message).startswith("broken.txt")


def test_bad_options_raise_value_error(rules):
    with pytest.raises(ValueError, match="unknown encoding 'latin-9'"):
        glean.Engine(rules, encoding="latin-9")
    with pytest.raises(ValueError, match="unknown context 'paragraph'"):
        glean.Engine(rules, context="paragraph")


def test_list_inputs_expands_folders_as_the_command_line_does(tmp_path):
    files = glean.list_inputs(["tests/data/corpus", "README.md"])
    assert files == SAMPLES + ["README.md"]
    with pytest.raises(glean.InputError, match="folder holds no"):
        glean.list_inputs(str(tmp_path))


def test_a_file_larger_than_a_part_gives_the_facts_of_the_command_line(rules, tmp_path):
    # Above 4 MB extract reads a file in parts; so does Engine.extract given its path.
    corpus = [(SOURCE_DIR / report).read_bytes() for report in SAMPLES]
    large = tmp_path / "large.txt"
    large.write_bytes(b"\n".join(corpus) * 70)
    assert large.stat().st_size > 4 << 20
    assert_same(glean.Engine(rules).extract(str(large)), cli_facts(str(large)))
