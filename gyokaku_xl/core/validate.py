"""Turn one inbox entry into a :class:`FileReport`: read it safely, locate the form, run the rules.

Nothing here raises for bad input: every problem becomes a finding on the report.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from gyokaku_xl.text import glossary as g
from gyokaku_xl.domain import schema
from gyokaku_xl.core.checks import FileContext, excludes_row, run_file_rules, run_row_rules
from gyokaku_xl.domain.findings import ERROR, INFO, Finding, make
from gyokaku_xl.reading.form import FormData, FormRow, parse_form
from gyokaku_xl.reading.sniff import SKIPPED_KINDS, InboxEntry
from gyokaku_xl.domain.model import Period, PeriodError, Plan
from gyokaku_xl.infra.oserror import os_error_text
from gyokaku_xl.reading.xlsx import DEFAULT_LIMITS, Limits, ReadError, read_workbook



@dataclass
class RowReport:
    """One data row of a form with its findings and whether it is left out of the master."""

    row: FormRow
    findings: list[Finding]
    excluded: bool
    initiative_id: str | None = None


@dataclass
class FileReport:
    """Everything learned about one input file."""

    path: Path
    kind: str
    findings: list[Finding] = field(default_factory=list)
    sha256: str = ""
    modified: str = ""
    form: FormData | None = None
    department: str | None = None
    rows: list[RowReport] = field(default_factory=list)
    rejected: bool = False
    superseded_by: str = ""

    @property
    def file(self) -> str:
        """The file name as shown to users."""
        return self.path.name

    @property
    def rows_read(self) -> int:
        """Data rows found in the form."""
        return len(self.form.rows) if self.form is not None else 0

    @property
    def all_findings(self) -> list[Finding]:
        """File findings followed by row findings."""
        return self.findings + [f for r in self.rows for f in r.findings]


def file_digest(path: Path) -> str:
    """SHA-256 of a file, read in chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def file_mtime(path: Path) -> str:
    """The file's modification time as ISO 8601 in the machine's time zone, to the second."""
    ts = path.stat().st_mtime
    return datetime.fromtimestamp(int(ts), tz=timezone.utc).astimezone().isoformat(timespec="seconds")


def open_form(entry: InboxEntry, limits: Limits = DEFAULT_LIMITS) -> FileReport:
    """Read one inbox entry and locate its form; unreadable files carry their finding."""
    report = FileReport(path=entry.path, kind=entry.kind)
    if entry.finding is not None:
        report.findings.append(entry.finding)
    if entry.kind not in SKIPPED_KINDS:
        try:  # so a rejected file, too, can be told from an older or newer submission
            report.modified = file_mtime(entry.path)
        except OSError:
            pass
    if not entry.readable:
        report.rejected = not entry.skipped
        return report
    try:
        report.sha256 = file_digest(entry.path)
        report.modified = file_mtime(entry.path)
        book = read_workbook(entry.path, [g.FORM_SHEET, g.FORM_CARRY_SHEET], limits)
    except ReadError as exc:
        report.findings.append(make(exc.code, ERROR, file=report.file, **exc.fields))
        report.rejected = True
        return report
    except OSError as exc:
        report.findings.append(make("read-failed", ERROR, file=report.file,
                                    detail=os_error_text(exc)))
        report.rejected = True
        return report
    form, findings = parse_form(book, report.file)
    report.findings.extend(findings)
    report.form = form
    if form is None:
        report.rejected = True
    return report


class RunBudget:
    """Bounds the whole run as :class:`~gyokaku_xl.reading.xlsx.Limits` bounds one file.

    Files are admitted in the order they are read; one whose rows or cells would carry the run
    past ``limits.max_run_rows`` / ``max_run_cells`` is rejected with a finding and its form let
    go, so memory stays flat however many large files the inbox holds. After validation, a file
    whose findings would carry the run past ``max_run_findings`` is rejected the same way.
    """

    def __init__(self, limits: Limits = DEFAULT_LIMITS) -> None:
        self.limits = limits
        self.rows = 0
        self.cells = 0
        self.findings = 0

    def admit(self, report: FileReport) -> bool:
        """Count a read form against the run's bounds; reject it when it does not fit."""
        form = report.form
        if form is None:
            return True
        rows = len(form.rows)
        cells = sum(1 for row in form.rows for cell in row.cells.values() if cell is not None)
        over = None
        if self.rows + rows > self.limits.max_run_rows:
            over = (g.RUN_LIMIT_ROWS, _units("rows", self.limits.max_run_rows), _units("rows", self.rows + rows))
        elif self.cells + cells > self.limits.max_run_cells:
            over = (g.RUN_LIMIT_CELLS, _units("cells", self.limits.max_run_cells),
                    _units("cells", self.cells + cells))
        if over is None:
            self.rows += rows
            self.cells += cells
            return True
        self._reject(report, *over)
        return False

    @property
    def findings_left(self) -> int:
        """How many more findings the run may hold."""
        return self.limits.max_run_findings - self.findings

    def admit_findings(self, report: FileReport) -> bool:
        """Count a validated file's findings; reject it (its rows let go) when they do not fit."""
        count = len(report.findings) + sum(len(r.findings) for r in report.rows)
        if self.findings + count <= self.limits.max_run_findings:
            self.findings += count
            return True
        checked = report.form is None or len(report.rows) == len(report.form.rows)
        seen = _units("findings" if checked else "more", self.findings + count)
        self._reject(report, g.RUN_LIMIT_FINDINGS, _units("findings", self.limits.max_run_findings), seen)
        report.findings = [f for f in report.findings if f.code != "rows-not-merged"]
        self.findings += len(report.findings)
        return False

    @staticmethod
    def _reject(report: FileReport, what: str, limit: str, seen: str) -> None:
        sheet = report.form.sheet if report.form is not None else ""
        report.findings.append(make("run-too-large", ERROR, file=report.file, sheet=sheet,
                                    what=what, limit=limit, seen=seen, value=seen))
        report.form = None
        report.rows = []
        report.rejected = True


def _units(kind: str, n: int) -> str:
    return g.RUN_LIMIT_UNITS[kind].format(n=n)


def meta_period(form: FormData) -> Period | None:
    """The reporting period a form says it is for, None when unreadable."""
    try:
        return Period.parse(form.meta_value(g.META_FISCAL_YEAR), form.meta_value(g.META_PERIOD))
    except PeriodError:
        return None


def validate_file(report: FileReport, plan: Plan, period: Period | None,
                  plan_checked: bool = True, max_findings: int | None = None) -> None:
    """Run the file rules and, unless the file is rejected, the row rules.

    With ``max_findings``, the rows are no longer checked once the file's findings exceed it
    (the run's bound, see :class:`RunBudget`, then rejects the file: checking on is wasted time).
    """
    if report.form is None:
        return
    ctx = FileContext(plan=plan, form=report.form, period=period, plan_checked=plan_checked)
    file_findings = run_file_rules(ctx)
    report.findings.extend(file_findings)
    report.department = ctx.department
    if any(f.is_error for f in file_findings):
        report.rejected = True
    count = len(report.findings)
    for row in report.form.rows:
        if max_findings is not None and count > max_findings:
            break
        findings = run_row_rules(ctx, row)
        count += len(findings)
        initiative = plan.find_initiative(row.value("initiative_id"))
        report.rows.append(RowReport(row, findings, excluded=excludes_row(findings),
                                     initiative_id=initiative.id if initiative else None))
    if report.rejected and report.rows:
        report.findings.append(make("rows-not-merged", INFO, file=report.file, sheet=report.form.sheet,
                                    count=len(report.rows)))


def clip_text(value: object) -> object:
    """Text cut to Excel's cell limit (the finding keeps the fact that it was cut)."""
    if isinstance(value, str) and len(value) > schema.CELL_TEXT_LIMIT:
        return value[: schema.CELL_TEXT_LIMIT - 1] + "…"
    return value
