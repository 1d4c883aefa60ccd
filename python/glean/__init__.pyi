# Type stubs of the glean package (its compiled part, glean._glean, has no annotations of its own).
import decimal
import os
from typing import Any, Iterable, Literal, Optional, Sequence, TypedDict, Union

import pandas

StrPath = Union[str, bytes, os.PathLike[str], os.PathLike[bytes]]
Paths = Union[StrPath, Iterable[StrPath]]
Number = Union[int, decimal.Decimal]

class Diagnostic:
    file: str
    line: int
    column: int
    severity: Literal["error", "warning"]
    code: str
    message: str
    rule: str
    text: str

class GleanError(Exception):
    diagnostics: list[Diagnostic]
    def __init__(self, diagnostics: list[Diagnostic]) -> None: ...

class RuleError(GleanError): ...
class InputError(GleanError): ...
class InputWarning(UserWarning): ...

class Canonical(TypedDict):
    value: Number
    unit: str

class _FieldRequired(TypedDict):
    value: Union[Number, str, None]
    raw: str

class Field(_FieldRequired, total=False):
    unit: str
    approx: Literal["more", "less", "about"]
    min: Number
    max: Number
    canonical: Canonical

class _FactRequired(TypedDict):
    doc: str
    rule: str
    fact: str
    text: str
    start: int
    end: int
    line: int
    column: int
    fields: dict[str, Field]
    section: list[str]
    status: Literal["result", "plan", "expected", "target"]

class Fact(_FactRequired, total=False):
    period: str
    sentence: str

class RuleSet:
    """A compiled rule set; immutable and safe to share across threads."""

    @staticmethod
    def load(paths: Paths) -> RuleSet: ...
    @staticmethod
    def from_string(yaml: str, file_name: str = "<string>") -> RuleSet: ...
    def __len__(self) -> int: ...
    @property
    def rule_ids(self) -> list[str]: ...
    @property
    def warnings(self) -> list[Diagnostic]: ...

class Engine:
    """Runs a rule set over documents; extract releases the GIL."""

    def __init__(
        self,
        rules: Union[RuleSet, Paths],
        *,
        figures: bool = False,
        document: bool = True,
        context: Optional[Literal["sentence"]] = None,
        encoding: str = "auto",
    ) -> None: ...
    def extract(
        self, source: Union[StrPath, bytes, bytearray, memoryview], name: Optional[str] = None
    ) -> list[Fact]: ...
    def _rows(
        self, source: Union[StrPath, bytes, bytearray, memoryview], name: Optional[str] = None
    ) -> list[list[Any]]: ...
    @property
    def rules(self) -> RuleSet: ...
    @property
    def columns(self) -> list[str]: ...
    @property
    def figures(self) -> bool: ...
    @property
    def document(self) -> bool: ...
    @property
    def context(self) -> Optional[str]: ...
    @property
    def encoding(self) -> str: ...

def list_inputs(paths: Paths) -> list[str]: ...
def extract_frame(
    rules: Union[RuleSet, Paths],
    paths: Paths,
    *,
    jobs: Optional[int] = None,
    figures: bool = False,
    context: Optional[Literal["sentence"]] = None,
    encoding: str = "auto",
) -> pandas.DataFrame: ...
