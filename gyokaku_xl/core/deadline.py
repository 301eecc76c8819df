"""Late submissions: a form saved after the plan's 回答期限 is noted (情報), never rejected."""

from __future__ import annotations

from gyokaku_xl.text import loop as t
from gyokaku_xl.domain.findings import INFO, Finding, make
from gyokaku_xl.domain.loop import deadline_of, local_time, short_date_label
from gyokaku_xl.domain.model import Plan
from gyokaku_xl.domain.reports import FileReport


def late_submission(plan: Plan, report: FileReport) -> list[Finding]:
    """情報 when the form was saved after the 回答期限 (Japan time): the workbook's saved time
    (文書プロパティ), else the file's modification time."""
    deadline = deadline_of(plan)
    if deadline is None or report.form is None:
        return []
    saved = local_time(report.form.modified)
    basis = t.LATE_BASIS_SAVED
    if saved is None:
        saved, basis = local_time(report.modified), t.LATE_BASIS_FILE
    if saved is None or saved.date() <= deadline:
        return []
    seen = saved.strftime("%Y-%m-%d %H:%M")
    return [make("submitted-after-deadline", INFO, file=report.file, sheet=report.form.sheet,
                 value=seen, seen=seen, basis=basis, deadline=short_date_label(deadline))]
