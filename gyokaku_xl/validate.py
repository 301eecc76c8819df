"""Turn one inbox entry into a :class:`FileReport`: read it safely, locate the form, run the rules.

Nothing here raises for bad input: every problem becomes a finding on the report.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from . import glossary as g
from . import schema
from .checks import FileContext, excludes_row, run_file_rules, run_row_rules
from .findings import ERROR, INFO, Finding, make
from .form_reader import FormData, FormRow, parse_form
from .intake import InboxEntry
from .model import Period, PeriodError, Plan
from .read import DEFAULT_LIMITS, Limits, ReadError, read_workbook



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
                                    detail=exc.strerror or str(exc)))
        report.rejected = True
        return report
    form, findings = parse_form(book, report.file)
    report.findings.extend(findings)
    report.form = form
    if form is None:
        report.rejected = True
    return report


def meta_period(form: FormData) -> Period | None:
    """The reporting period a form says it is for, None when unreadable."""
    try:
        return Period.parse(form.meta_value(g.META_FISCAL_YEAR), form.meta_value(g.META_PERIOD))
    except PeriodError:
        return None


def validate_file(report: FileReport, plan: Plan, period: Period | None,
                  plan_checked: bool = True) -> None:
    """Run the file rules and, unless the file is rejected, the row rules."""
    if report.form is None:
        return
    ctx = FileContext(plan=plan, form=report.form, period=period, plan_checked=plan_checked)
    file_findings = run_file_rules(ctx)
    report.findings.extend(file_findings)
    report.department = ctx.department
    if any(f.is_error for f in file_findings):
        report.rejected = True
    for row in report.form.rows:
        findings = run_row_rules(ctx, row)
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
