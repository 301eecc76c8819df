"""Findings: bad input is data, not an exception.

A :class:`Finding` says where (file, sheet, cell), about what (取組番号), what rule (code),
how bad (severity), in Japanese (message) and what was seen (value).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable
from pathlib import Path

from gyokaku_xl import text as g

ERROR = g.SEVERITY_ERROR
WARNING = g.SEVERITY_WARNING
INFO = g.SEVERITY_INFO

_SEVERITY_RANK = {ERROR: 0, WARNING: 1, INFO: 2}
MAX_VALUE_SHOWN = 200


class GyokakuError(Exception):
    """The run cannot continue. ``str(error)`` is a one-line Japanese message for the user.

    ``findings`` say why, one per file or cell (e.g. every file of an inbox that could not be read);
    the CLI and the Excel button show them one per line below the message.
    """

    def __init__(self, message: str, findings: Iterable["Finding"] = ()) -> None:
        super().__init__(message)
        self.findings: list[Finding] = list(findings)

    def __reduce__(self):
        """Picklable across process pools."""
        return (type(self), (str(self), self.findings))


class OutputLockedError(GyokakuError):
    """The output file is open elsewhere; the new file was saved under ``fallback``."""

    def __init__(self, message: str, path: str, fallback: str) -> None:
        super().__init__(message)
        self.path = path
        self.fallback = fallback

    def __reduce__(self):
        """Picklable across process pools."""
        return (type(self), (str(self), self.path, self.fallback))


class PlanInvalidError(GyokakuError):
    """The plan master has errors. ``str()`` is the one-line summary; ``findings`` are every finding
    (one line each on the console); ``report`` is set when they were also written to a report."""

    def __init__(self, message: str, findings: "list[Finding]", report: "Path | None" = None) -> None:
        super().__init__(message, findings)
        self.report: Path | None = report

    def with_report(self, report: Path) -> "PlanInvalidError":
        """The same error, now saying where its findings were written."""
        return PlanInvalidError(str(self), self.findings, report)

    def __reduce__(self):
        """Picklable across process pools."""
        return (type(self), (str(self), self.findings, self.report))


#: Codes that are not errors but still make a run exit 1 (someone must look).
ATTENTION_CODES = frozenset({"few-rows-merged"})


@dataclass(frozen=True)
class Finding:
    """One problem found in an input file (or the plan master)."""

    code: str
    severity: str
    message: str
    file: str = ""
    sheet: str = ""
    cell: str = ""
    initiative_id: str = ""
    value: str = ""
    row: int | None = None

    @property
    def is_error(self) -> bool:
        """True for エラー."""
        return self.severity == ERROR

    def sort_key(self) -> tuple:
        """Stable order: file, row, column, code."""
        return (self.file, self.sheet, self.row if self.row is not None else -1,
                _cell_column(self.cell), _SEVERITY_RANK.get(self.severity, 9), self.code, self.value)

    def location(self) -> str:
        """``file!sheet!D12`` style location for console output."""
        parts = [p for p in (self.file, self.sheet, self.cell) if p]
        return "!".join(parts)


def _cell_column(cell: str) -> str:
    letters = "".join(c for c in cell if c.isalpha())
    return letters.rjust(3)


def title_of(code: str) -> str:
    """The short Japanese title of a finding code (the code itself if the text package has none)."""
    return g.FINDING_TITLES.get(code, code)


def action_of(finding: "Finding") -> str:
    """What to do about a finding, in a few Japanese words."""
    return g.FINDING_ACTIONS.get(finding.code) or g.FINDING_ACTION_DEFAULT.get(finding.severity, "")


def show_value(value: object) -> str:
    """The value seen, as short text for a finding."""
    if value is None:
        return ""
    try:
        text = str(value)
    except ValueError:  # an int of more digits than Python converts to text
        text = g.VALUE_HUGE_NUMBER.format(digits=int(abs(value).bit_length() * 0.30103) + 1)  # type: ignore[arg-type]
    if len(text) > MAX_VALUE_SHOWN:
        return text[:MAX_VALUE_SHOWN] + g.VALUE_SHORTENED.format(length=len(text))
    return text


def make(code: str, severity: str, *, file: str = "", sheet: str = "", cell: str = "",
         initiative_id: str = "", value: object = None, row: int | None = None,
         **fields: object) -> Finding:
    """Build a finding whose message comes from the text template for ``code``.

    ``fields`` fill the template; ``value``, ``file``, ``sheet`` and ``cell`` also fill their
    placeholders when not given there.
    """
    template = g.MESSAGES[code]
    values = {"file": file, "sheet": sheet, "cell": cell, "value": show_value(value),
              **{k: v for k, v in fields.items()}}
    message = template.format_map(_Default(values))
    return Finding(code=code, severity=severity, message=message, file=file, sheet=sheet,
                   cell=cell, initiative_id=initiative_id, value=show_value(value), row=row)


class _Default(dict):
    def __missing__(self, name: str) -> str:  # a template field nobody filled shows empty
        return ""


def first_error_by_file(findings: Iterable[Finding]) -> dict[str, Finding]:
    """File name → its first エラー (file-level ones come first in sorted order)."""
    first: dict[str, Finding] = {}
    for f in sorted(findings, key=Finding.sort_key):
        if f.file and f.is_error and f.file not in first:
            first[f.file] = f
    return first


def count_by_severity(findings: Iterable[Finding]) -> dict[str, int]:
    """Count findings by severity, every severity present as a key."""
    c = Counter(f.severity for f in findings)
    return {s: c.get(s, 0) for s in g.SEVERITIES}
