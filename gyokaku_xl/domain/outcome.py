"""What a run did, as plain data: the adapters (console, Excel button, Python API) read these.

A run that could not write its master still returns an outcome (``failure`` says why); a master
saved under another name because the target was open elsewhere is ``locked``. Neither travels on
an exception.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from gyokaku_xl.domain.content import MasterContent
from gyokaku_xl.domain.findings import ATTENTION_CODES, Finding
from gyokaku_xl.domain.model import Period
from gyokaku_xl.domain.opinions import Opinion
from gyokaku_xl.domain.records import MergeResult, Snapshot

#: Exit codes shared by every adapter: all valid / some input needs attention / nothing done.
EXIT_OK, EXIT_ATTENTION, EXIT_FAILED = 0, 1, 2


@dataclass
class FormsOutcome:
    """What ``make_forms`` wrote."""

    paths: list[Path]
    plan_findings: list[Finding] = field(default_factory=list)
    previous: Snapshot | None = None  # the earlier period carried over (None: fresh forms)
    history_findings: list[Finding] = field(default_factory=list)
    history_dir: Path | None = None  # the history folder looked in (None: not used)
    opinions: list[Opinion] = field(default_factory=list)  # committee opinions written on the forms
    opinions_carried: list[Opinion] = field(default_factory=list)  # of those, open ones of the previous period
    opinion_findings: list[Finding] = field(default_factory=list)  # about the 委員意見 file


@dataclass
class RunOutcome:
    """What ``check`` or ``merge`` did: the result, what was written, and the exit code."""

    command: str
    result: MergeResult
    output: Path | None = None
    report: Path | None = None
    annotated: list[Path] = field(default_factory=list)
    pdf_paths: list[Path] = field(default_factory=list)
    plan_path: Path | None = None
    notices: list[str] = field(default_factory=list)
    opendata_paths: list[Path] = field(default_factory=list)
    history_dir: Path | None = None  # the history folder used (None: no history)
    archive: Path | None = None  # where this run's master was archived
    by_program_book: Path | None = None  # 資料1-3 as its own workbook (large plans)
    failure: str = ""  # why no master was written (no row could be accepted); "" when written
    locked: str = ""  # the target was open elsewhere: ``output`` is the other name it was saved as
    inbox: Path | None = None  # the inbox read
    archive_failed: str = ""  # why the master could not be archived ("" when archived or no history)
    #: what the master shows (資料1-1, 前期比較・推移・財政効果), computed once by the merge; None
    #: when no master was written (``check``, or nothing could be merged)
    content: MasterContent | None = None

    @property
    def history(self) -> list[Snapshot]:
        """The earlier periods read from the history folder, oldest first (the result's)."""
        return self.result.history

    @property
    def periods_read(self) -> int:
        """How many earlier periods the history gave (0 without history)."""
        return len(self.history)

    @property
    def previous(self) -> Snapshot | None:
        """The latest earlier period read from the history (前期), None without history."""
        return self.history[-1] if self.history else None

    @property
    def exit_code(self) -> int:
        """2 when no master could be written, 1 when some input was rejected, fewer than half of
        the plan's 取組 could be merged, the master went to another name or could not be archived
        (the next period would have no 前期比較), else 0."""
        if self.failure:
            return EXIT_FAILED
        if self.locked or self.archive_failed or any(f.is_error or f.code in ATTENTION_CODES for f in self.result.findings):
            return EXIT_ATTENTION
        return EXIT_OK


@dataclass
class PublishOutcome:
    """What ``publish`` wrote: the PDF, the open-data files, and notices (fonts substituted)."""

    pdf_paths: list[Path] = field(default_factory=list)
    opendata_paths: list[Path] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


@dataclass
class TermOutcome:
    """What ``term-report`` did: the periods reported, the 取組 listed, the files written and the
    findings about the plan master and the history folder."""

    findings: list[Finding]
    periods: tuple[Period, ...]
    initiatives: int
    output: Path | None = None
    next_plan: Path | None = None
    continuing: int = 0
    notices: list[str] = field(default_factory=list)
