"""Diagnostics, and the exceptions and warnings that carry them."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class Diagnostic:
    """What glean says about a rule file or an input: a problem, with where it is.

    `line` and `column` are 1-based (`column` in code points); 0 means unknown. `severity` is
    "error" or "warning", `code` a stable kebab-case name ("unknown-key", "regex", "decode"),
    `rule` the rule's id when the diagnostic is about one rule. str() gives the one line extract
    prints: "rules/roads.yaml:12:5: error[unknown-key]: unknown key 'patern'".
    """

    file: str
    line: int
    column: int
    severity: str
    code: str
    message: str
    rule: str = ""
    text: str = dataclasses.field(default="", repr=False, compare=False)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return self.text or f"{where}: {self.severity}[{self.code}]: {self.message}"


class GleanError(Exception):
    """An error glean reports with diagnostics; `diagnostics` lists them all."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = list(diagnostics)
        errors = [d for d in self.diagnostics if d.severity == "error"] or self.diagnostics
        super().__init__("\n".join(str(d) for d in errors))

    def __reduce__(self):
        # Rebuilt from the diagnostics, not the message: a Dask worker's error reaches the
        # client pickled, and should arrive with them.
        return (type(self), (self.diagnostics,))


class RuleError(GleanError):
    """A rule set did not load: every error of every rule file, each with its position."""


class InputError(GleanError):
    """An input could not be used (binary, undecodable in a forced encoding, a folder that cannot
    be read)."""


class InputWarning(UserWarning):
    """Something notable about an input that did not stop it (invalid UTF-8, a skipped file)."""
