"""Per-department reply states and what ``remind`` did, as plain data for every adapter."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from gyokaku_xl import text as g
from gyokaku_xl.domain.outcome import EXIT_ATTENTION, EXIT_OK
from gyokaku_xl.domain.records import MergeResult, Submission


@dataclass(frozen=True)
class DepartmentState:
    """One department's reply this period: 未提出 / 不受理 / エラーあり / 警告あり / 受理.

    ``reason`` says why in a few Japanese words ('' when 受理); ``file`` is the file the state is
    about ('' when nothing was submitted); ``submission`` is the 提出状況 row it was derived from.
    """

    department: str
    state: str
    reason: str
    file: str
    errors: int
    warnings: int
    submission: Submission
    late: bool = False  # ``file`` was saved after the 回答期限 (情報 submitted-after-deadline)

    @property
    def needs_chasing(self) -> bool:
        """True when the department must submit or resubmit (未提出, 不受理, エラーあり)."""
        return self.state in g.CHASED_STATES


@dataclass(frozen=True)
class ChaseRow:
    """One department chased by ``remind``: a row of 督促一覧."""

    department: str
    state: str
    reason: str
    address: str  # '' when the plan master's 所管課 sheet has none
    deadline: date | None
    attachment: Path | None  # the annotated copy attached to the draft, if any
    draft: Path | None = None  # the .eml written


@dataclass
class RemindOutcome:
    """What ``remind`` wrote: one draft per chased department and the 督促一覧."""

    drafts: list[Path] = field(default_factory=list)
    listing: Path | None = None
    chased: list[ChaseRow] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    states: list[DepartmentState] = field(default_factory=list)
    result: MergeResult | None = None
    plan_path: Path | None = None
    deadline: date | None = None

    @property
    def exit_code(self) -> int:
        """1 when some department needs chasing (drafts were written), else 0."""
        return EXIT_ATTENTION if self.chased else EXIT_OK
