"""Run the rules over a read form: file rules, then row rules, within the run's bounds.

Nothing here raises for bad input: every problem becomes a finding on the report.
"""

from __future__ import annotations

from gyokaku_xl import text as g
from gyokaku_xl.domain import schema
from gyokaku_xl.core.deadline import late_submission
from gyokaku_xl.core.opinion_checks import check_opinion_reply
from gyokaku_xl.core.checks import FileContext, excludes_row, run_file_rules, run_row_rules
from gyokaku_xl.core.target_checks import target_findings
from gyokaku_xl.domain.findings import ERROR, INFO, make
from gyokaku_xl.domain.form import FormData
from gyokaku_xl.domain.limits import DEFAULT_LIMITS, Limits, Room
from gyokaku_xl.domain.model import Period, PeriodError, Plan
from gyokaku_xl.domain.reports import FileReport, RowReport


class RunBudget:
    """Bounds the whole run as :class:`~gyokaku_xl.reading.xlsx.Limits` bounds one file.

    Files are admitted in the order they are read; one whose rows or cells would carry the run
    past ``limits.max_run_rows`` / ``max_run_cells`` is rejected with a finding and its form let
    go, so memory stays flat however many large files the inbox holds. After validation, a file
    whose findings would carry the run past ``max_run_findings`` is rejected the same way.

    Forms are read against :meth:`room` and stop being read once they cannot fit; what the run
    reads in all, kept or not, is bounded by ``max_run_read_rows`` / ``max_run_read_cells``, past
    which later forms stop at their first row: time stays proportional to what is merged.
    """

    def __init__(self, limits: Limits = DEFAULT_LIMITS) -> None:
        self.limits = limits
        self.rows = 0
        self.cells = 0
        self.findings = 0
        self.read_rows = 0
        self.read_cells = 0

    def room(self) -> Room:
        """What the run can still take and read: a form beyond it need not be read to its end."""
        lim = self.limits
        return Room(rows=max(0, min(lim.max_run_rows - self.rows, lim.max_run_read_rows - self.read_rows)),
                    cells=max(0, min(lim.max_run_cells - self.cells, lim.max_run_read_cells - self.read_cells)))

    def admit(self, report: FileReport) -> bool:
        """Count a read form against the run's bounds; reject it when it does not fit (also one
        whose reading stopped because it could not fit: ``report.stopped``)."""
        if report.stopped is not None:
            self._reject_stopped(report, *report.stopped)
            return False
        form = report.form
        if form is None:
            return True
        rows = len(form.rows)
        cells = sum(1 for row in form.rows for cell in row.cells.values() if cell is not None)
        if self.rows + rows > self.limits.max_run_rows or self.cells + cells > self.limits.max_run_cells:
            self._reject_stopped(report, rows, cells)  # said alike however far the form was read
            return False
        self.read_rows += rows
        self.read_cells += cells
        self.rows += rows
        self.cells += cells
        return True

    def _reject_stopped(self, report: FileReport, rows: int, cells: int) -> None:
        """A form that cannot fit (read whole, or stopped once it could not): the run would hold, or
        read, more than its bound. Said as the bound plus one, the same however far the form was
        read (a worker may read further than this process would have)."""
        lim = self.limits
        bounds = ((self.rows + rows, lim.max_run_rows, g.RUN_LIMIT_ROWS, "rows"),
                  (self.cells + cells, lim.max_run_cells, g.RUN_LIMIT_CELLS, "cells"),
                  (self.read_rows + rows, lim.max_run_read_rows, g.RUN_LIMIT_READ_ROWS, "rows"),
                  (self.read_cells + cells, lim.max_run_read_cells, g.RUN_LIMIT_READ_CELLS, "cells"))
        self.read_rows += rows
        self.read_cells += cells
        _seen, limit, what, unit = next((b for b in bounds if b[0] > b[1]), bounds[-1])
        self._reject(report, what, _units(unit, limit), g.RUN_LIMIT_AT_LEAST[unit].format(n=limit + 1))

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
        sheet = report.form.sheet if report.form is not None else g.FORM_SHEET if report.stopped else ""
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
    report.findings.extend(late_submission(plan, period, report))
    if any(f.is_error for f in file_findings):
        report.rejected = True
    count = len(report.findings)
    for row in report.form.rows:
        if max_findings is not None and count > max_findings:
            break
        findings = run_row_rules(ctx, row) + check_opinion_reply(ctx, row)
        count += len(findings)
        initiative = plan.find_initiative(row.value("initiative_id"))
        report.rows.append(RowReport(row, findings, excluded=excludes_row(findings),
                                     initiative_id=initiative.id if initiative else None))
    report.findings.extend(target_findings(plan, report.form, period, ctx.department))
    if report.rejected and report.rows:
        report.findings.append(make("rows-not-merged", INFO, file=report.file, sheet=report.form.sheet,
                                    count=len(report.rows)))


def clip_text(value: object) -> object:
    """Text cut to Excel's cell limit (the finding keeps the fact that it was cut)."""
    if isinstance(value, str) and len(value) > schema.CELL_TEXT_LIMIT:
        return value[: schema.CELL_TEXT_LIMIT - 1] + g.ELLIPSIS
    return value
