"""glean on a Dask cluster: a corpus larger than one machine, extracted by many.

    from dask.distributed import Client
    import glean.dask

    client = Client("tcp://scheduler:8786")
    facts = glean.dask.extract_bag(["/shared/rules"], ["/shared/reports"]).compute()
    frame = glean.dask.extract_dataframe(["/shared/rules"], ["/shared/reports"])

Only paths travel to the workers: each worker reads its files itself and compiles the rules once
per process (kept while the rule files stay the same). Paths must name the same files on every
worker (shared storage), or be fsspec URLs ("s3://bucket/report.txt") the workers can open.
Results come in input order with the values extract gives. See docs/python.md.
"""

from __future__ import annotations

import ctypes
import hashlib
import math
import os
import threading

import dask
import dask.bag
import dask.dataframe

import glean
from glean._frame import make_frame

__all__ = ["extract_bag", "extract_dataframe"]

# Inputs a partition holds when not told: about 100 partitions, none smaller than the first
# (a task costs Dask a few milliseconds of CPU on the worker and on the scheduler, about what the
# engine takes for five reports) and none larger than the second.
_MIN_PARTITION_FILES = 100
_MAX_PARTITION_FILES = 1000

# Engines of this process, by rule paths, their contents and the options: a worker compiles a
# rule set once, not once per partition, and again only when a rule file changes.
_engines: dict = {}
_engines_lock = threading.Lock()


def _rules_digest(rule_paths) -> str:
    """A hash of the rule files' names and contents, read as RuleSet.load finds them."""
    digest = hashlib.sha256()
    for root in rule_paths:
        root = os.fspath(root)
        if os.path.isdir(root):
            files = []
            for folder, _, names in os.walk(root):
                files += [os.path.join(folder, n) for n in names if n.endswith((".yaml", ".yml"))]
        else:
            files = [root]
        for file in sorted(files):
            digest.update(os.fsencode(file) + b"\0")
            try:
                with open(file, "rb") as handle:
                    digest.update(handle.read())
            except OSError as error:  # RuleSet.load reports it with its position
                digest.update(str(error).encode())
            digest.update(b"\0")
    return digest.hexdigest()


# glibc's mallopt parameters.
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3


def _restore_malloc_thresholds():
    """Undoes, for this worker process, what MALLOC_TRIM_THRESHOLD_ does to extraction.

    Dask's nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536, so that they give freed memory
    back. Setting it fixes glibc's thresholds, which otherwise grow with the blocks a program
    uses: every buffer of 128 KB or more is then mapped from the system and unmapped when freed,
    and a report's buffers are that size. Extraction ran 8 to 10 times as slowly (0.16 s against
    1.6 s for 1,170 facts from 639 files, in one process, with and without the variable). Fixed
    thresholds of 32 MB (map) and 64 MB (trim) give the speed back; memory beyond them is still
    returned.
    """
    if "MALLOC_TRIM_THRESHOLD_" not in os.environ:
        return
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc
        return
    mallopt(_M_MMAP_THRESHOLD, 32 << 20)
    mallopt(_M_TRIM_THRESHOLD, 64 << 20)


def _engine(rule_paths, options) -> glean.Engine:
    key = (tuple(rule_paths), _rules_digest(rule_paths), tuple(sorted(options.items())))
    with _engines_lock:
        engine = _engines.get(key)
        if engine is None:
            if not _engines:
                _restore_malloc_thresholds()
            engine = glean.Engine(glean.RuleSet.load(list(rule_paths)), **options)
            _engines[key] = engine
        return engine


def _is_url(path: str) -> bool:
    return "://" in path


def _extract_one(engine: glean.Engine, path: str, table: bool):
    run = engine._rows if table else engine.extract
    if not _is_url(path):
        return run(path)
    import fsspec

    with fsspec.open(path, "rb") as handle:
        return run(handle.read(), name=path)


def _extract_partition(paths, rule_paths, options):
    engine = _engine(rule_paths, options)
    return [fact for path in paths for fact in _extract_one(engine, path, False)]


def _frame_partition(paths, rule_paths, options):
    engine = _engine(rule_paths, options)
    rows = [row for path in paths for row in _extract_one(engine, path, True)]
    return make_frame(engine.columns, rows)


def _rule_paths(rules) -> list[str]:
    if isinstance(rules, (str, bytes)) or hasattr(rules, "__fspath__"):
        rules = [rules]
    return [os.fsdecode(path) for path in rules]


def _input_list(paths) -> list[str]:
    """Local directories expanded as extract expands them; files and URLs as given."""
    if isinstance(paths, (str, bytes)) or hasattr(paths, "__fspath__"):
        paths = [paths]
    files = []
    for path in map(os.fsdecode, paths):
        files += glean.list_inputs(path) if os.path.isdir(path) else [path]
    return files


def _partitions(files, partition_size, npartitions):
    if not files:
        return []
    if partition_size is None:
        if npartitions:
            partition_size = math.ceil(len(files) / npartitions)
        else:
            partition_size = math.ceil(len(files) / 100)
            partition_size = min(max(partition_size, _MIN_PARTITION_FILES), _MAX_PARTITION_FILES)
    return [files[i : i + partition_size] for i in range(0, len(files), partition_size)]


def extract_bag(rules, paths, *, partition_size=None, npartitions=None, **options) -> dask.bag.Bag:
    """A Dask bag of the facts of `paths`, each a dict as Engine.extract gives it.

    `rules`: rule paths (files or directories), as the workers see them. `paths`: input files,
    local directories (expanded here, as extract expands them) or fsspec URLs. Each partition
    holds `partition_size` inputs (default: about 100 partitions, of 100 to 1000 inputs each).
    `options` are Engine's (figures, document, context, encoding). The bag's facts are in input
    order, as `extract --rules RULES PATHS` writes them. A worker raises as Engine.extract does for
    an input it cannot use, which fails the computation.
    """
    rule_paths = _rule_paths(rules)
    parts = _partitions(_input_list(paths), partition_size, npartitions)
    tasks = [dask.delayed(_extract_partition)(part, rule_paths, options) for part in parts]
    return dask.bag.from_delayed(tasks) if tasks else dask.bag.from_sequence([], npartitions=1)


def _empty_frame(rule_paths, options):
    return make_frame(_engine(rule_paths, options).columns, [])


def extract_dataframe(
    rules, paths, *, partition_size=None, npartitions=None, figures=False, context=None,
    encoding="auto"
) -> dask.dataframe.DataFrame:
    """A Dask DataFrame of the facts of `paths`, in the columns of glean.extract_frame (those of
    `extract --format csv`), one partition per group of inputs, rows in input order.

    Arguments as for extract_bag. The columns are found by one small task (the rule set's fields
    decide them), so the rules need only be readable on the workers.
    """
    rule_paths = _rule_paths(rules)
    options = {"figures": figures, "document": True, "context": context, "encoding": encoding}
    meta = dask.delayed(_empty_frame)(rule_paths, options).compute()
    parts = _partitions(_input_list(paths), partition_size, npartitions)
    tasks = [dask.delayed(_frame_partition)(part, rule_paths, options) for part in parts]
    if not tasks:
        return dask.dataframe.from_pandas(meta, npartitions=1)
    return dask.dataframe.from_delayed(tasks, meta=meta, verify_meta=False)
