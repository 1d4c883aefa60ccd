"""Facts as a pandas DataFrame, in the columns of extract's CSV output."""

from __future__ import annotations

# Columns that always hold integers; every other column holds str, int or decimal.Decimal
# values (object dtype), or None where the CSV output has an empty cell.
_INTEGER_COLUMNS = ("start", "end", "line", "column")


def make_frame(columns, rows):
    """A DataFrame of `rows` (lists of cells, as Engine._rows gives them) in `columns`."""
    import pandas

    # object dtype throughout at first: pandas would make a column of ints and Nones float64.
    frame = pandas.DataFrame(rows, columns=columns, dtype=object)
    for name in _INTEGER_COLUMNS:
        frame[name] = frame[name].astype("int64")
    # The report's year is missing where its header names none: a nullable integer.
    frame["year"] = frame["year"].astype("Int64")
    return frame
