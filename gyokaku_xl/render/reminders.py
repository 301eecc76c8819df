"""The 督促 texts and 督促一覧.xlsx: the subject and body of each draft, and one A4 list of the
departments chased (所管課, 状況, 理由, 宛先, 回答期限, 添付)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Sequence

from gyokaku_xl import text as g
from gyokaku_xl.domain.findings import Finding
from gyokaku_xl.domain.loop import date_label
from gyokaku_xl.domain.model import Period, Plan
from gyokaku_xl.domain.remind import ChaseRow, DepartmentState
from gyokaku_xl.render.master import new_workbook
from gyokaku_xl.render.styles import FONT_SIZE, Formats, column_px, put_text, setup_a4, text_height, use_fonts


def deadline_text(deadline: date | None) -> str:
    """``令和3年10月15日（金）``, or 「定めなし」."""
    return date_label(deadline) if deadline is not None else g.REMIND_NO_DEADLINE


def reminder_message(plan: Plan, period: Period, state: DepartmentState, deadline: date | None, *,
                     findings: Sequence[Finding] = (), form: str = "", attachment: str = "",
                     person: str = "") -> tuple[str, str]:
    """The subject and body of one department's 督促 (templates in :mod:`gyokaku_xl.text.loop`;
    the plan master's 「督促文の追記」 is appended)."""
    when = deadline_text(deadline)
    subject = g.REMIND_SUBJECT[state.state].format(
        plan=plan.name, period=period.label,
        deadline=g.REMIND_SUBJECT_DEADLINE.format(deadline=when) if deadline is not None else "")
    errors = [f for f in findings if f.is_error]
    lines = [g.REMIND_SALUTATION.format(department=state.department)]
    if person:
        lines.append(g.REMIND_PERSON.format(person=person))
    lines += ["", g.REMIND_OPENING.format(coordinator=plan.coordinator) if plan.coordinator
              else g.REMIND_OPENING_NO_COORDINATOR, ""]
    reason = errors[0].message if state.state == g.STATE_REJECTED and errors else state.reason
    lines.append(g.REMIND_NEED[state.state].format(
        plan=plan.name, period=period.label, department=state.department, form=form, file=state.file,
        reason=reason, count=len(errors)))
    if attachment:
        lines += ["", g.REMIND_ATTACHED.format(attachment=attachment)]
    if state.state == g.STATE_HAS_ERRORS and errors:
        lines += ["", g.REMIND_CELLS_HEADING]
        for f in errors[:g.REMIND_MAX_CELLS]:
            where = "!".join(p for p in (f.sheet, f.cell) if p) or f.file
            lines.append(g.REMIND_CELL_LINE.format(where=where, message=f.message))
        if len(errors) > g.REMIND_MAX_CELLS:
            lines.append(g.REMIND_MORE_CELLS.format(count=len(errors) - g.REMIND_MAX_CELLS))
    if deadline is not None:
        lines += ["", g.REMIND_DEADLINE_LINE.format(deadline=when)]
    lines += ["", g.REMIND_CLOSING]
    extra = plan.settings.get(g.SETTING_REMIND_EXTRA, "")
    if extra:
        lines += ["", extra]
    if plan.coordinator:
        lines += ["", g.REMIND_SIGNATURE.format(coordinator=plan.coordinator)]
    return subject, "\n".join(lines) + "\n"


#: Column widths of 督促一覧 (所管課, 状況, 理由, 宛先, 回答期限, 添付): A4 landscape.
WIDTHS = (16, 10, 44, 26, 22, 34)


def write_reminder_list(path: Path, plan: Plan, period: Period, rows: Sequence[ChaseRow],
                        deadline: date | None) -> None:
    """督促一覧: a title, a note (drafts are not sent), one row per department chased; A4 landscape,
    the header repeated on every page."""
    title = g.REMIND_LIST_TITLE.format(plan=plan.name, period=period.label)
    workbook = new_workbook(path, title=title)
    use_fonts(workbook, plan.fonts)
    formats = Formats(workbook)
    ws = workbook.add_worksheet(g.REMIND_LIST_SHEET)
    for col, width in enumerate(WIDTHS):
        ws.set_column(col, col, width)
    last = len(WIDTHS) - 1
    ws.set_row(0, 24)
    put_text(ws, 0, 0, last, title, formats.get(bold=True, font_size=14, valign="vcenter"))
    note = (g.REMIND_LIST_NOTE.format(deadline=deadline_text(deadline)) if deadline is not None
            else g.REMIND_LIST_NOTE_NO_DEADLINE)
    ws.set_row(1, text_height(note, sum(column_px(w) for w in WIDTHS), FONT_SIZE))
    put_text(ws, 1, 0, last, note, formats.get(text_wrap=True, valign="top"))
    header_row = 3
    for col, label in enumerate(g.REMIND_LIST_HEADERS):
        ws.write_string(header_row, col, label, formats.header())
    cell = formats.text()
    for n, row in enumerate(rows, start=header_row + 1):
        values = (row.department, row.state, row.reason, row.address,
                  date_label(row.deadline) if row.deadline is not None else "",
                  row.attachment.name if row.attachment is not None else "")
        ws.set_row(n, max(text_height(v, column_px(w), FONT_SIZE) for v, w in zip(values, WIDTHS)))
        for col, value in enumerate(values):
            ws.write_string(n, col, value, cell)
    if not rows:
        put_text(ws, header_row + 1, 0, last, g.REMIND_LIST_NONE, cell)
    setup_a4(ws, landscape=True, footer="&C&P / &N")
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(header_row)
    ws.print_area(0, 0, header_row + max(1, len(rows)), last)
    workbook.close()
