"""glean: typed, verifiable facts from Chinese local-government reports.

    import glean
    rules = glean.RuleSet.load("rules/")
    engine = glean.Engine(rules)
    facts = engine.extract("report.txt")          # dicts with the keys of extract's JSON Lines
    frame = glean.extract_frame(rules, ["reports/"])  # the columns of extract --format csv

glean.dask runs the same over a Dask cluster. See docs/python.md.
"""

from __future__ import annotations

import concurrent.futures
import os

from glean._errors import Diagnostic, GleanError, InputError, InputWarning, RuleError
from glean._frame import make_frame
from glean._glean import Engine, RuleSet, list_inputs

__all__ = [
    "Diagnostic",
    "Engine",
    "GleanError",
    "InputError",
    "InputWarning",
    "RuleError",
    "RuleSet",
    "extract_frame",
    "list_inputs",
]


def extract_frame(rules, paths, *, jobs=None, figures=False, context=None, encoding="auto"):
    """The facts of `paths` (files and directories, as extract takes them) as a pandas DataFrame.

    The columns are those of `extract --format csv`: doc, title, year, rule, fact, period, status,
    text, start, end, line, column, section, then NAME, NAME_unit, NAME_approx for every field
    name of the rules. One row a fact; the document fact gives no row, its title and year fill
    every row of its document. start/end/line/column are int64, year is Int64 (nullable), the
    others hold str, int or decimal.Decimal (exact values), or None where the CSV cell is empty.

    `rules` is a RuleSet or rule paths. Inputs are extracted on `jobs` threads (default: every
    core); rows stay in input order. Raises as Engine.extract does for an input it cannot use.
    """
    engine = Engine(rules, figures=figures, document=True, context=context, encoding=encoding)
    files = list_inputs(paths)
    workers = jobs or os.cpu_count() or 1
    if workers == 1 or len(files) < 2:
        parts = [engine._rows(file) for file in files]
    else:
        with concurrent.futures.ThreadPoolExecutor(workers) as pool:
            parts = list(pool.map(engine._rows, files))
    return make_frame(engine.columns, [row for part in parts for row in part])
