"""Shared fixtures: where the sources and the extract binary are, and the CLI's own output."""

import decimal
import io
import json
import os
import pathlib
import subprocess

import pytest

SOURCE_DIR = pathlib.Path(os.environ.get("GLEAN_SOURCE_DIR", pathlib.Path(__file__).parents[2]))
EXTRACT = os.environ.get("GLEAN_EXTRACT", str(SOURCE_DIR / "build/tools/extract/extract"))
RULES = "rules/"


def run_extract(*args, cwd=SOURCE_DIR, check=True):
    """extract's stdout for `args`, run in the source tree so that paths are relative as given."""
    result = subprocess.run(
        [EXTRACT, *args],
        cwd=cwd,
        capture_output=True,
        check=False,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
    )
    if check and result.returncode != 0:
        raise AssertionError(
            f"extract {args} failed ({result.returncode}):\n{result.stderr.decode()}"
        )
    return result


def cli_facts(*args, cwd=SOURCE_DIR):
    """The facts extract writes as JSON Lines, numbers read exactly (int or Decimal)."""
    out = run_extract("--rules", RULES, *args, cwd=cwd).stdout.decode()
    return [json.loads(line, parse_float=decimal.Decimal) for line in out.splitlines() if line]


def csv_text(cell):
    """A frame cell as the CSV output writes it."""
    import pandas

    if cell is None or cell is pandas.NA:
        return ""
    if isinstance(cell, decimal.Decimal):
        return format(cell, "f")
    return str(cell)


def assert_frame_equals_csv(frame, inputs):
    """`frame` has the columns, rows and cells of `extract --format csv` over `inputs`."""
    import pandas

    csv = run_extract("--rules", RULES, "--format", "csv", "--no-bom", *inputs).stdout.decode()
    want = pandas.read_csv(io.StringIO(csv), dtype=str, keep_default_na=False)
    assert list(frame.columns) == list(want.columns)
    assert len(frame) == len(want)
    for column in want.columns:
        got = [csv_text(cell) for cell in frame[column]]
        assert got == list(want[column]), column


def assert_same(got, want, where="fact"):
    """Equal values of equal types, and dict keys in the same order, with the path to the first
    difference in the message."""
    assert type(got) is type(want), (
        f"{where}: {type(got).__name__} {got!r} != {type(want).__name__} {want!r}"
    )
    if isinstance(want, dict):
        assert list(got) == list(want), f"{where}: keys {list(got)} != {list(want)}"
        for key in want:
            assert_same(got[key], want[key], f"{where}.{key}")
    elif isinstance(want, list):
        assert len(got) == len(want), f"{where}: {len(got)} items != {len(want)}\n{got}\n{want}"
        for i, (g, w) in enumerate(zip(got, want)):
            assert_same(g, w, f"{where}[{i}]")
    else:
        assert got == want, f"{where}: {got!r} != {want!r}"


@pytest.fixture(scope="session")
def source_dir():
    return SOURCE_DIR


@pytest.fixture(scope="session")
def rules():
    import glean

    return glean.RuleSet.load(str(SOURCE_DIR / RULES))


@pytest.fixture(autouse=True)
def in_source_dir(monkeypatch):
    """Every test runs in the source tree, as the CLI runs there: facts name inputs alike."""
    monkeypatch.chdir(SOURCE_DIR)


@pytest.fixture(scope="session")
def reports(tmp_path_factory):
    """The sample reports, each whole and cut into three parts of its lines: four inputs a
    report."""
    folder = tmp_path_factory.mktemp("reports")
    sources = sorted(
        path
        for name in ("corpus", "dev", "provincial")
        for path in (SOURCE_DIR / "tests/data" / name).glob("*.txt")
    )
    for number, source in enumerate(sources):
        data = source.read_bytes()
        (folder / f"{number:03}-whole-{source.name}").write_bytes(data)
        lines = data.splitlines(keepends=True)
        third = max(1, len(lines) // 3 + 1)
        for part in range(3):
            piece = b"".join(lines[part * third : (part + 1) * third])
            (folder / f"{number:03}-part{part}-{source.name}").write_bytes(piece)
    return str(folder)
