"""The official input workbook (取組状況調査票), one per 所管課, written with xlsxwriter.

Layout, labels, kinds and locked/required flags come from :mod:`gyokaku_xl.domain.schema`; the status list
and the initiatives come from the :class:`~gyokaku_xl.domain.model.Plan`. No macros, no formulas from
user text, fixed document dates (same inputs → same file).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Any, Mapping, Sequence

import xlsxwriter

from gyokaku_xl.domain.version import __version__
from gyokaku_xl import text as g
from gyokaku_xl.domain import schema as s
from gyokaku_xl.domain.model import DEFAULT_SCALE, Initiative, Period, Plan, StatusScale
from gyokaku_xl.domain.cells import column_letter
from gyokaku_xl.domain.loop import date_label, deadline_for
from gyokaku_xl.domain.records import Snapshot
from gyokaku_xl.domain.opinions import Opinion
from gyokaku_xl.render.form_opinions import add_opinion_columns, opinion_cells
from gyokaku_xl.core.target_checks import year_end
from gyokaku_xl.render.form_targets import (References, TargetSheet, guide_rows, guide_step, target_sheet_of,
                                            write_target_sheet)
from gyokaku_xl.render.styles import Formats, paragraph_lines, use_fonts

#: Fixed creation/modification date of every generated form (determinism).
DOCUMENT_DATE = datetime(2020, 4, 1, 0, 0, 0)
#: File name of the blank official form in ``workbook_templates/``.
BLANK_FORM_NAME = f"{g.FORM_TITLE}.xlsx"
#: Empty input rows of the blank form.
BLANK_ROWS = 30
#: Colours: prefilled (locked) cells, input cells, and the "missing" highlight.
FILL_PREFILLED = "#F2F2F2"
FILL_INPUT = "#FFFBE6"
FILL_MISSING = "#FFC7CE"
FONT_MISSING = "#9C0006"

WORKBOOK_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}

_FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)),
             *(f"LPT{n}" for n in range(1, 10))}

_GUIDE_TITLE = g.GUIDE_TITLE.format(form=g.FORM_TITLE, guide=g.FORM_GUIDE_SHEET)
_NOTE_LINES = tuple(line.format(guide=g.FORM_GUIDE_SHEET) for line in g.FORM_NOTE_LINES)


# --- file names ---------------------------------------------------------------------------------
def safe_file_part(text: str) -> str:
    """``text`` without characters Windows forbids in file names (and no trailing dots/spaces)."""
    cleaned = _FORBIDDEN.sub("", text).strip().rstrip(". ")
    if cleaned.upper() in _RESERVED:
        cleaned += "_"
    return cleaned


def form_file_name(department: str, period: Period) -> str:
    """``財政課_令和3年度上半期_取組状況調査票.xlsx``: Windows-safe, carries 所管課 and period."""
    dept = safe_file_part(department) or g.META_DEPARTMENT
    return f"{dept}_{safe_file_part(period.file_label)}_{g.FORM_TITLE}.xlsx"


# --- public writers -----------------------------------------------------------------------------
def write_form(path: str | Path, plan: Plan, period: Period, department: str,
               previous: Snapshot | None = None, opinions: Mapping[str, Sequence[Opinion]] | None = None,
               target_references: References | None = None) -> None:
    """Write one department's form, prefilled with its initiatives in plan order.

    When the department's 取組 have indicators (数値目標), a second input sheet 「数値目標」 asks for
    their 実績値; a year-end form shows ``target_references`` ((取組番号, 指標名) → this year's
    上半期 and the previous year's 実績値) there for reference.

    With ``previous`` (an earlier period's snapshot), 取組状況・今後の予定・遅れ等の理由 start from
    that period's texts and 「前回の進捗状況」 shows its status; 進捗状況 stays blank. What was
    carried is kept in the very hidden, locked sheet 「前回の内容」 so the validator can tell an
    unchanged text from an updated one without the previous master at hand.
    """
    rows = [_prefilled_values(plan, i) for i in plan.initiatives_of(department)]
    carried: list[tuple[str, ...]] = []
    first_half = first_half_amounts(period, previous)
    for values in rows:
        values["first_half_effect"] = first_half.get(str(values["initiative_id"]))
    if previous is not None:
        by_id = previous.by_id()
        for values in rows:
            before = by_id.get(str(values["initiative_id"]))
            if before is None:
                values["previous_status"] = g.REPORT_NOT_REPORTED
                continue
            texts = {"progress": before.progress, "next_steps": before.next_steps,
                     "delay_reason": before.delay_reason}
            values["previous_status"] = before.status
            values.update({k: v for k, v in texts.items() if v})
            carried.append((before.initiative_id, before.status, *(texts[k] for k in s.CARRIED_KEYS)))
    meta = {g.META_DEPARTMENT: department, g.META_FISCAL_YEAR: period.year_label,
            g.META_PERIOD: period.half}
    identity = {s.PROP_KIND: s.PROP_KIND_VALUE, s.PROP_VERSION: s.FORM_VERSION,
                s.PROP_PLAN: plan.name, s.PROP_DEPARTMENT: department,
                s.PROP_FISCAL_YEAR: str(period.fiscal_year), s.PROP_PERIOD: period.half}
    if previous is not None:
        identity[s.PROP_PREVIOUS_FISCAL_YEAR] = str(previous.period.fiscal_year)
        identity[s.PROP_PREVIOUS_PERIOD] = previous.period.half
    title = (g.FORM_TITLE_LINE.format(plan=plan.name, period=period.label, form=g.FORM_TITLE) if plan.name
             else g.FORM_TITLE)
    deadline = deadline_for(plan, period)
    if deadline is not None:
        title = g.FORM_TITLE_WITH_DEADLINE.format(title=title, deadline=date_label(deadline))
    _write(Path(path), plan=plan, scale=plan.scale, title=title, meta=meta, rows=rows,
           prefilled_locked=True, identity=identity,
           header_text=(department, period.label), doc_title=g.FORM_DOC_TITLE.format(form=g.FORM_TITLE, department=department),
           previous=previous.period if previous is not None else None, carried=carried,
           year_to_date=period.half != g.PERIOD_FIRST_HALF, opinions=opinions, deadline=deadline,
           targets=target_sheet_of(plan, period, department, year_end(period), target_references))


def first_half_amounts(period: Period, previous: Snapshot | None) -> dict[str, int]:
    """取組番号 → the 財政効果額 reported at 上半期 of ``period``'s fiscal year, for a later form of that
    year whose carry-over period is that 上半期 (empty otherwise)."""
    if (previous is None or period.half == g.PERIOD_FIRST_HALF or previous.period.half != g.PERIOD_FIRST_HALF
            or previous.period.fiscal_year != period.fiscal_year):
        return {}
    return {r.initiative_id: r.fiscal_effect for r in previous.rows if r.fiscal_effect is not None}


def write_blank_form(path: str | Path, plan: Plan | None = None) -> None:
    """Write the blank official form: empty meta block and :data:`BLANK_ROWS` open rows.

    With ``plan``, the status list and plan name come from it; otherwise the default scale is used.
    """
    scale = plan.scale if plan is not None else DEFAULT_SCALE
    plan_name = plan.name if plan is not None else ""
    identity = {s.PROP_KIND: s.PROP_KIND_VALUE, s.PROP_VERSION: s.FORM_VERSION,
                s.PROP_PLAN: plan_name, s.PROP_DEPARTMENT: "", s.PROP_FISCAL_YEAR: "", s.PROP_PERIOD: ""}
    title = g.FORM_TITLE_LINE_BLANK.format(plan=plan_name, form=g.FORM_TITLE) if plan_name else g.FORM_TITLE
    rows: list[dict[str, object]] = [{} for _ in range(BLANK_ROWS)]
    _write(Path(path), plan=plan, scale=scale, title=title, meta={}, rows=rows,
           prefilled_locked=False, identity=identity, header_text=("", ""), doc_title=g.FORM_TITLE)


# --- layout helpers -----------------------------------------------------------------------------
#: Points per text line at the form's font size (LibreOffice's Japanese fonts need ~16), row padding.
LINE_HEIGHT = 16.0
ROW_PADDING = 4.0
#: Data rows are at least this high so there is room to write (2 lines).
MIN_DATA_ROW_HEIGHT = 2 * LINE_HEIGHT + ROW_PADDING


def cells_row_height(cells: Sequence[tuple[object, float]], minimum: float = 0.0) -> float:
    """A row height (points) that shows every line of ``(text, column width)`` cells."""
    lines = max((paragraph_lines(str(text), width) for text, width in cells if text not in (None, "")),
                default=1)
    return max(minimum, lines * LINE_HEIGHT + ROW_PADDING)


def data_row_height(values: dict[str, object]) -> float:
    """The height of a form data row holding ``values`` (form column key → value)."""
    return cells_row_height([(values.get(c.key), c.width) for c in s.FORM_COLUMNS
                       if c.kind in (s.TEXT, s.LONG_TEXT)], MIN_DATA_ROW_HEIGHT)


def column_range(key: str, first_row: int, last_row: int) -> str:
    """A1-style range of one form column between two 0-based rows: ``F10:F14``."""
    letter = column_letter(s.column_index(key) + 1)
    return f"{letter}{first_row + 1}:{letter}{last_row + 1}"


def _prefilled_values(plan: Plan, initiative: Initiative) -> dict[str, object]:
    program = plan.program_of(initiative)
    return {"initiative_id": initiative.id,
            "perspective": plan.perspective_of(initiative).label,
            "program": program.name,
            "priority": g.MARK_TRUE if program.priority else "",
            "initiative": initiative.name}


def _write(path: Path, *, plan: Plan | None, scale: StatusScale, title: str, meta: dict[str, str],
           rows: Sequence[dict[str, object]], prefilled_locked: bool, identity: dict[str, str],
           header_text: tuple[str, str], doc_title: str, previous: Period | None = None,
           carried: Sequence[tuple[str, ...]] = (), year_to_date: bool = False,
           opinions: Mapping[str, Sequence[Opinion]] | None = None, deadline: date | None = None,
           targets: TargetSheet | None = None) -> None:
    workbook = xlsxwriter.Workbook(str(path), WORKBOOK_OPTIONS)
    try:
        if plan is not None:
            use_fonts(workbook, plan.fonts)
        fmt = Formats(workbook)
        municipality = plan.municipality if plan is not None else ""
        workbook.set_properties({
            "title": doc_title, "subject": plan.name if plan is not None else "",
            "author": (plan.coordinator or municipality) if plan is not None else "",
            "company": municipality,
            "comments": g.FORM_COMMENTS.format(product=g.PRODUCT_NAME, version=__version__,
                                               form_version=s.FORM_VERSION),
            "created": DOCUMENT_DATE,
        })
        for name, value in identity.items():
            workbook.set_custom_property(name, value, "text")
        sheet = workbook.add_worksheet(g.FORM_SHEET)
        target_sheet = workbook.add_worksheet(g.FORM_TARGETS_SHEET) if targets is not None else None
        guide = workbook.add_worksheet(g.FORM_GUIDE_SHEET)
        with_opinions = bool(opinions) and any(opinion_cells(rows, opinions))
        status_cells = _write_guide(guide, fmt, scale, plan, previous, deadline, with_opinions, targets,
                                    year_to_date)
        _write_main(sheet, fmt, scale, title, meta, rows, prefilled_locked, header_text, status_cells,
                    year_to_date)
        if opinions:
            _write_opinions(sheet, fmt, rows, opinions)
        if target_sheet is not None:
            write_target_sheet(target_sheet, fmt, targets)
        if previous is not None:
            _write_carried(workbook.add_worksheet(g.FORM_CARRY_SHEET), carried)
        sheet.activate()
    finally:
        workbook.close()


def _write_main(sheet: Any, fmt: Formats, scale: StatusScale, title: str, meta: dict[str, str],
                rows: Sequence[dict[str, object]], prefilled_locked: bool,
                header_text: tuple[str, str], status_cells: str, year_to_date: bool = False) -> None:
    last_col = len(s.FORM_COLUMNS) - 1
    for n, column in enumerate(s.FORM_COLUMNS):  # 上半期 forms have no earlier amount of the year to show
        hidden = column.key == "first_half_effect" and not year_to_date
        sheet.set_column(n, n, column.width, None, {"hidden": True} if hidden else {})
    sheet.set_row(s.TITLE_ROW, 24)
    sheet.merge_range(s.TITLE_ROW, 0, s.TITLE_ROW, last_col, title,
                      fmt.get(bold=True, font_size=14, valign="vcenter"))
    _write_meta(sheet, fmt, meta)
    _write_note(sheet, fmt)
    sheet.set_row(s.HEADER_ROW, 30)
    for n, label in enumerate(s.HEADER_LABELS):
        sheet.write_string(s.HEADER_ROW, n, label, fmt.header())
    first = s.FIRST_DATA_ROW
    last = first + max(len(rows), 1) - 1
    for offset, values in enumerate(rows):
        sheet.set_row(first + offset, data_row_height(values))
        _write_row(sheet, fmt, first + offset, values, prefilled_locked)
    if rows:
        _add_validations(sheet, scale, first, last, status_cells)
        _add_conditional_formats(sheet, fmt, scale, first, last)
    _page_setup(sheet, last, header_text)
    sheet.protect("", {"format_columns": True, "format_rows": True,
                       "select_locked_cells": True, "select_unlocked_cells": True})


def _write_opinions(sheet: Any, fmt: Formats, rows: Sequence[dict[str, object]],
                    opinions: Mapping[str, Sequence[Opinion]]) -> None:
    """The 「委員意見」 and 「意見への対応」 columns, when a row of this form has an opinion."""
    cells = opinion_cells(rows, opinions)
    if not any(cells):
        return
    width = s.OPINION_COLUMNS[0].width
    heights = [max(data_row_height(values), cells_row_height([(text, width)])) for values, text in zip(rows, cells)]
    last_col = add_opinion_columns(sheet, fmt, cells, heights, FILL_PREFILLED, FILL_INPUT,
                                   (FILL_MISSING, FONT_MISSING))
    sheet.print_area(0, 0, s.FIRST_DATA_ROW + max(len(rows), 1) - 1, last_col)


def _write_meta(sheet: Any, fmt: Formats, meta: dict[str, str]) -> None:
    label_fmt = fmt.get(bold=True, border=1, bg_color="#D9E1F2", align="center", valign="vcenter")
    missing = fmt.workbook.add_format({"bg_color": FILL_MISSING, "font_color": FONT_MISSING})
    for n, (label, prefilled) in enumerate(s.META_FIELDS):
        row = s.META_FIRST_ROW + n
        sheet.write_string(row, s.META_LABEL_COL, label, label_fmt)
        locked = prefilled and label in meta
        value_fmt = fmt.get(border=1, valign="vcenter", locked=locked,
                            bg_color=FILL_PREFILLED if locked else FILL_INPUT)
        value_col = s.META_VALUE_COL
        sheet.merge_range(row, value_col, row, value_col + 2, meta.get(label, ""), value_fmt)
        if not locked:  # a blank one is highlighted like the other required cells
            sheet.conditional_format(row, value_col, row, value_col + 2, {"type": "blanks", "format": missing})


def _write_note(sheet: Any, fmt: Formats) -> None:
    first_col = s.column_index("initiative")
    last_col = s.column_index("next_steps")
    last_row = s.META_FIRST_ROW + len(s.META_FIELDS) - 1
    sheet.merge_range(s.META_FIRST_ROW, first_col, last_row, last_col, "\n".join(_NOTE_LINES),
                      fmt.get(text_wrap=True, valign="top", font_size=9, font_color="#404040",
                              border=1, border_color="#A6A6A6"))


def _write_row(sheet: Any, fmt: Formats, row: int, values: dict[str, object],
               prefilled_locked: bool) -> None:
    for n, column in enumerate(s.FORM_COLUMNS):
        locked = column.prefilled and prefilled_locked
        props: dict[str, Any] = {"border": 1, "valign": "top", "locked": locked,
                                 "bg_color": FILL_PREFILLED if locked else FILL_INPUT}
        if column.kind in (s.TEXT, s.LONG_TEXT):
            props["text_wrap"] = True
        if column.kind in (s.FLAG, s.STATUS, s.ID, s.REFERENCE):
            props["align"] = "center"
        value = values.get(column.key)
        if column.kind == s.AMOUNT or (column.kind == s.REFERENCE and isinstance(value, int)):
            props["num_format"] = "#,##0"  # an amount shown for reference reads like the amount beside it
            props.pop("align", None)
        cell_fmt = fmt.get(**props)
        if value is None or value == "":
            sheet.write_blank(row, n, None, cell_fmt)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            sheet.write_number(row, n, value, cell_fmt)
        else:
            sheet.write_string(row, n, str(value), cell_fmt)


def status_list_source(scale: StatusScale, fallback_range: str) -> list[str] | str:
    """The dropdown source: the names inline when Excel's 255-character limit allows, else a range."""
    names = list(scale.names)
    if sum(len(n) for n in names) + len(names) - 1 <= 255 and not any("," in n or '"' in n for n in names):
        return names
    return fallback_range


def _add_validations(sheet: Any, scale: StatusScale, first: int, last: int, status_cells: str) -> None:
    status_col = s.column_index("status")
    choices = g.SEP_DOT.join(scale.names)
    sheet.data_validation(first, status_col, last, status_col, {
        "validate": "list",
        "source": status_list_source(scale, status_cells),
        "input_title": g.FORM_COLUMN_LABELS["status"],
        "input_message": _limit(g.STATUS_INPUT_MESSAGE.format(choices=choices), 255),
        "error_title": g.FORM_COLUMN_LABELS["status"],
        "error_message": _limit(g.STATUS_ERROR_MESSAGE.format(choices=choices), 255),
        "error_type": "stop",
    })
    amount_col = s.column_index("fiscal_effect")
    sheet.data_validation(first, amount_col, last, amount_col, {
        "validate": "integer", "criteria": ">=", "value": 0,
        "input_title": g.FORM_COLUMN_LABELS["fiscal_effect"],
        "input_message": g.AMOUNT_INPUT_MESSAGE,
        "error_title": g.FORM_COLUMN_LABELS["fiscal_effect"],
        "error_message": g.AMOUNT_ERROR_MESSAGE,
        "error_type": "stop",
    })


def _limit(text: str, length: int) -> str:
    return text if len(text) <= length else text[:length - 1] + g.ELLIPSIS


def _excel_text(text: str) -> str:
    """A string literal for an Excel formula."""
    return '"' + text.replace('"', '""') + '"'


def _add_conditional_formats(sheet: Any, fmt: Formats, scale: StatusScale, first: int, last: int) -> None:
    missing = fmt.workbook.add_format({"bg_color": FILL_MISSING, "font_color": FONT_MISSING})
    id_col = column_letter(s.column_index("initiative_id") + 1)
    top = first + 1
    for column in s.FORM_COLUMNS:
        if not column.required:
            continue
        letter = column_letter(s.column_index(column.key) + 1)
        sheet.conditional_format(column_range(column.key, first, last), {
            "type": "formula",
            "criteria": f'=AND(LEN(TRIM(${id_col}{top}))>0,LEN(TRIM({letter}{top}))=0)',
            "format": missing,
        })
    if scale.not_on_track:
        status = column_letter(s.column_index("status") + 1)
        reason = column_letter(s.column_index("delay_reason") + 1)
        statuses = ",".join(f"${status}{top}={_excel_text(n)}" for n in scale.not_on_track)
        sheet.conditional_format(column_range("delay_reason", first, last), {
            "type": "formula",
            "criteria": f"=AND(LEN(TRIM({reason}{top}))=0,OR({statuses}))",
            "format": missing,
        })


def _header_footer_text(text: str) -> str:
    return text.replace("&", "&&")


def _page_setup(sheet: Any, last_row: int, header_text: tuple[str, str]) -> None:
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(s.HEADER_ROW)
    sheet.print_area(0, 0, last_row, len(s.FORM_COLUMNS) - 1)
    sheet.freeze_panes(s.FIRST_DATA_ROW, 0)
    left, right = (_header_footer_text(t) for t in header_text)
    if left or right:
        sheet.set_header(f"&L{left}&R{right}")
    sheet.set_footer("&C&P / &N")


# --- the 記入要領 sheet -------------------------------------------------------------------------
def _requirement(column: s.Column) -> str:
    if column.prefilled:
        return g.GUIDE_PREFILLED
    if column.required:
        return g.GUIDE_REQUIRED
    if column.key == "delay_reason":
        return g.GUIDE_REQUIRED_UNLESS_ON_TRACK
    return g.GUIDE_OPTIONAL


_GUIDE_WIDTHS = (20.0, 22.0, 84.0)


def _guide_line(sheet: Any, row: int, text: str, cell_format: Any) -> None:
    """One explanatory line merged across the guide's three columns."""
    sheet.set_row(row, cells_row_height([(text, sum(_GUIDE_WIDTHS))]))
    sheet.merge_range(row, 0, row, 2, text, cell_format)


def _guide_table_row(sheet: Any, row: int, values: Sequence[str], formats: Sequence[Any]) -> None:
    sheet.set_row(row, cells_row_height(list(zip(values, _GUIDE_WIDTHS))))
    for n, (value, cell_format) in enumerate(zip(values, formats)):
        sheet.write_string(row, n, value, cell_format)


def _write_carried(sheet: Any, carried: Sequence[tuple[str, ...]]) -> None:
    """The texts the form was issued with: very hidden (only a macro could show it) and locked."""
    for col, label in enumerate(s.CARRY_HEADER):
        sheet.write_string(0, col, label)
    for row, values in enumerate(carried, start=1):
        for col, value in enumerate(values):
            if value:
                sheet.write_string(row, col, value)
    sheet.protect("", {"select_locked_cells": False, "select_unlocked_cells": False})
    sheet.very_hidden()


def carry_over_note(previous: Period) -> str:
    """The 記入要領 line that says what a carry-over form prefilled."""
    labels = g.SEP_DOT.join(g.QUOTED.format(s.COLUMNS_BY_KEY[k].label) for k in s.CARRIED_KEYS)
    return g.GUIDE_CARRY_OVER.format(labels=labels, period=previous.file_label,
                                     previous=s.COLUMNS_BY_KEY["previous_status"].label)


def _write_guide(sheet: Any, fmt: Formats, scale: StatusScale, plan: Plan | None,
                 previous: Period | None = None, deadline: date | None = None,
                 with_opinions: bool = False, targets: TargetSheet | None = None,
                 year_to_date: bool = False) -> str:
    """Write the guide; return the absolute range of the status names (dropdown fallback)."""
    for n, width in enumerate(_GUIDE_WIDTHS):
        sheet.set_column(n, n, width)
    text = fmt.get(text_wrap=True, valign="top")
    heading = fmt.get(bold=True, font_size=12)
    cell = fmt.text()
    centered = fmt.text(align="center")
    row = 0
    sheet.set_row(row, 24)
    sheet.write_string(row, 0, _GUIDE_TITLE, fmt.get(bold=True, font_size=14, valign="vcenter"))
    row += 2
    sheet.write_string(row, 0, g.GUIDE_HEADING_STEPS, heading)
    row += 1
    steps = tuple(step.format(form_sheet=g.FORM_SHEET) for step in g.GUIDE_STEPS)
    if previous is not None:
        steps = steps[:1] + (carry_over_note(previous),) + steps[1:]
    if targets is not None:  # before the closing 「保存して提出」 step
        steps = steps[:-1] + (guide_step(targets),) + steps[-1:]
    if year_to_date:  # the amount of a later report is the year's, 上半期 included; before 「保存して提出」
        steps = (steps[:-1] + (g.FISCAL_EFFECT_GUIDE_STEP.format(label=s.COLUMNS_BY_KEY["first_half_effect"].label),)
                 + steps[-1:])
    for n, step in enumerate(steps, start=1):
        _guide_line(sheet, row, g.GUIDE_STEP.format(number=n, step=step), text)
        row += 1
    if plan is not None and plan.coordinator:
        _guide_line(sheet, row, g.GUIDE_CONTACT.format(coordinator=plan.coordinator), text)
        row += 1
    if deadline is not None:
        _guide_line(sheet, row, g.GUIDE_DEADLINE.format(deadline=date_label(deadline)), text)
        row += 1
    row += 1
    sheet.write_string(row, 0, g.GUIDE_HEADING_COLUMNS, heading)
    row += 1
    _guide_table_row(sheet, row, g.GUIDE_COLUMNS_HEADER, [fmt.header()] * 3)
    row += 1
    for label, prefilled in s.META_FIELDS:
        _guide_table_row(sheet, row, (label, g.GUIDE_PREFILLED if prefilled else g.GUIDE_REQUIRED,
                                      s.META_HELP.get(label, "")), [cell] * 3)
        row += 1
    for column in s.FORM_COLUMNS:
        _guide_table_row(sheet, row, (column.label, _requirement(column), column.help), [cell] * 3)
        row += 1
    for column in s.OPINION_COLUMNS if with_opinions else ():  # only on forms with committee opinions
        requirement = _requirement(column) if column.prefilled else g.FORM_REPLY_REQUIREMENT
        _guide_table_row(sheet, row, (column.label, requirement, column.help), [cell] * 3)
        row += 1
    row += 1
    sheet.write_string(row, 0, g.GUIDE_HEADING_STATUSES, heading)
    row += 1
    _guide_table_row(sheet, row, g.GUIDE_STATUSES_HEADER, [fmt.header()] * 3)
    row += 1
    first_status = row
    for status in scale.statuses:
        _guide_table_row(sheet, row, (status.name, g.MARK_TRUE if status.on_track else "",
                                      status.definition), [cell, centered, cell])
        row += 1
    last_status = row - 1
    row += 1
    _guide_line(sheet, row, g.GUIDE_ON_TRACK_LINE.format(statuses=g.SEP_DOT.join(scale.on_track)), text)
    if targets is not None:  # ４ the 数値目標 sheet's columns
        row += 2
        sheet.write_string(row, 0, g.FORM_GUIDE_TARGETS_HEADING, heading)
        row += 1
        _guide_table_row(sheet, row, g.GUIDE_COLUMNS_HEADER, [fmt.header()] * 3)
        for values in guide_rows(targets):
            row += 1
            _guide_table_row(sheet, row, values, [cell] * 3)
    sheet.set_portrait()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    sheet.protect("", {"select_locked_cells": True, "select_unlocked_cells": True})
    return f"='{g.FORM_GUIDE_SHEET}'!$A${first_status + 1}:$A${last_status + 1}"
