"""The consolidated data that flows from validation to rendering.

:class:`MergeResult` is what :func:`gyokaku_xl.run.merge.merge` hands to the renderers: accepted
records in plan order, every finding, one :class:`Submission` per department, and the tally that
reconciles rows read with rows merged and rows rejected.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gyokaku_xl.domain.findings import Finding
from gyokaku_xl.domain.targets import Actual
from gyokaku_xl.domain.model import Initiative, Period, Perspective, Plan, Program
from gyokaku_xl.domain.revisions import PlanEntry, plan_entries
from gyokaku_xl.domain.opinions import OpinionRow


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

    ``values`` maps form column keys (see :mod:`gyokaku_xl.domain.schema`) to what the department wrote:
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
    state: str  # text.SUBMITTED / NOT_SUBMITTED / REPLACED / HAS_ERRORS
    file: str = ""
    planned: int = 0
    rows_read: int = 0
    rows_merged: int = 0
    rows_rejected: int = 0
    errors: int = 0
    warnings: int = 0
    note: str = ""
    superseded: list[str] = field(default_factory=list)
    not_accepted: list[str] = field(default_factory=list)  # rejected files beside ``file``
    accepted: bool = False  # ``file`` was accepted (its rows merged); False: 未提出 or 不受理


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
    #: earlier periods of the same plan read from the history folder, in period order
    history: list["Snapshot"] = field(default_factory=list)
    #: 取組 whose row was reported but left out for its 進捗状況 (not in the scale, blank, a formula)
    status_errors: frozenset[str] = frozenset()
    #: the 「意見と対応」 rows of those earlier masters, oldest first (for 未対応の意見)
    earlier_opinions: list[OpinionRow] = field(default_factory=list)
    #: 数値目標: the 実績値 accepted this period, by (取組番号, 指標名) key (see domain.targets)
    actuals: dict[tuple[str, str], Actual] = field(default_factory=dict)


# --- period snapshots (what a later run needs of this one) -------------------------------------
@dataclass(frozen=True)
class SnapshotRow:
    """One initiative as a period reported it: what history, 前期比較 and carry-over need."""

    initiative_id: str
    program: str  # 事業番号
    perspective: int
    department: str
    status: str
    progress: str = ""
    next_steps: str = ""
    delay_reason: str = ""
    fiscal_effect: int | None = None
    #: the names as that period's master wrote them ('' in a master that lacks the column)
    initiative_name: str = ""
    program_name: str = ""
    perspective_label: str = ""


@dataclass(frozen=True)
class Snapshot:
    """One period's accepted rows, from the current run or from an archived master.

    ``source`` is the archived master's path ('' for the current run).
    """

    plan_name: str
    period: Period
    rows: tuple[SnapshotRow, ...]
    source: str = ""
    #: the plan the master was made with (its hidden 「計画の取組」 sheet; empty for older masters)
    plan: tuple[PlanEntry, ...] = ()
    #: 数値目標: the period's 実績値 (from the run, or the archived master's 数値目標 sheet)
    actuals: tuple[Actual, ...] = ()

    def by_id(self) -> dict[str, SnapshotRow]:
        """The rows keyed by initiative id."""
        return {r.initiative_id: r for r in self.rows}


def _amount(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def snapshot_of(result: MergeResult) -> Snapshot:
    """The snapshot of a run's accepted records (plan order)."""
    rows = tuple(SnapshotRow(
        initiative_id=r.initiative.id, program=r.program.number, perspective=r.perspective.number,
        department=r.department, status=r.status, progress=r.text("progress"),
        next_steps=r.text("next_steps"), delay_reason=r.text("delay_reason"),
        fiscal_effect=_amount(r.values.get("fiscal_effect")), initiative_name=r.initiative.name,
        program_name=r.program.name, perspective_label=r.perspective.label) for r in result.records)
    return Snapshot(result.plan.name, result.period, rows, plan=plan_entries(result.plan),
                    actuals=tuple(result.actuals.values()))
