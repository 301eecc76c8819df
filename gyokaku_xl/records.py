"""The consolidated data that flows from validation to rendering.

:class:`MergeResult` is what :func:`gyokaku_xl.pipeline.merge` hands to the renderers: accepted
records in plan order, every finding, one :class:`Submission` per department, and the tally that
reconciles rows read with rows merged and rows rejected.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .findings import Finding
from .model import Initiative, Period, Perspective, Plan, Program


@dataclass(frozen=True)
class Source:
    """Where a record came from."""

    file: str
    sheet: str
    row: int
    sha256: str
    modified: str  # ISO 8601, from the file's modification time
    path: str = ""


@dataclass(frozen=True)
class Record:
    """One accepted initiative report.

    ``values`` maps form column keys (see :mod:`gyokaku_xl.schema`) to what the department wrote:
    texts exactly as written, ``status`` as the canonical status name, ``fiscal_effect`` as an int
    or None.
    """

    initiative: Initiative
    program: Program
    perspective: Perspective
    department: str
    status: str
    values: dict[str, object]
    source: Source

    def text(self, column_key: str) -> str:
        """The text of one column ('' when empty)."""
        value = self.values.get(column_key)
        return "" if value is None else str(value)


@dataclass
class Submission:
    """One department's submission state (提出状況)."""

    department: str
    state: str  # glossary.SUBMITTED / NOT_SUBMITTED / REPLACED / HAS_ERRORS
    file: str = ""
    planned: int = 0
    rows_read: int = 0
    rows_merged: int = 0
    rows_rejected: int = 0
    errors: int = 0
    warnings: int = 0
    note: str = ""
    superseded: list[str] = field(default_factory=list)


@dataclass
class Tally:
    """Counts that must reconcile: rows_read == rows_merged + rows_rejected."""

    files_seen: int = 0
    files_read: int = 0
    files_accepted: int = 0
    files_rejected: int = 0
    files_skipped: int = 0
    files_superseded: int = 0
    rows_read: int = 0
    rows_merged: int = 0
    rows_rejected: int = 0

    @property
    def reconciles(self) -> bool:
        """True when every row read is merged or rejected."""
        return self.rows_read == self.rows_merged + self.rows_rejected


@dataclass
class MergeResult:
    """Everything a master workbook is rendered from."""

    plan: Plan
    period: Period
    records: list[Record]
    findings: list[Finding]
    submissions: list[Submission]
    tally: Tally
    completeness_checked: bool = True
    generated_at: str = ""  # fixed document date (derived from inputs, for determinism)
