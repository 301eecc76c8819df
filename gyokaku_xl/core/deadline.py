"""Late submissions: a form saved after the plan's 回答期限 is noted (情報), never rejected."""

from __future__ import annotations

from pathlib import PurePath

from gyokaku_xl import text as g

from gyokaku_xl.domain.findings import INFO, WARNING, Finding, make
from gyokaku_xl.domain.loop import date_label, deadline_for, local_time, short_date_label, stale_deadline
from gyokaku_xl.domain.model import Period, Plan
from gyokaku_xl.domain.reports import FileReport


#: The finding of a form saved after the 回答期限.
LATE_CODE = "submitted-after-deadline"


def late_submission(plan: Plan, period: Period | None, report: FileReport) -> list[Finding]:
    """情報 when the form was saved after the period's 回答期限 (Japan time): the workbook's saved
    time (文書プロパティ), else the file's modification time."""
    deadline = deadline_for(plan, period)
    if deadline is None or report.form is None:
        return []
    saved = local_time(report.form.modified)
    basis = g.LATE_BASIS_SAVED
    if saved is None:
        saved, basis = local_time(report.modified), g.LATE_BASIS_FILE
    if saved is None or saved.date() <= deadline:
        return []
    seen = saved.strftime("%Y-%m-%d %H:%M")
    return [make(LATE_CODE, INFO, file=report.file, sheet=report.form.sheet,
                 value=seen, seen=seen, basis=basis, deadline=short_date_label(deadline))]


def stale_deadline_findings(plan: Plan, period: Period) -> list[Finding]:
    """警告 when the plan master's 回答期限 is an earlier 照会's (on or before the period's end)."""
    stale = stale_deadline(plan, period)
    if stale is None:
        return []
    return [make("deadline-before-period", WARNING, file=PurePath(plan.source).name if plan.source else "",
                 value=date_label(stale), period=period.label)]
