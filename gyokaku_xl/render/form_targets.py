"""The form's second input sheet 「数値目標」: one row per indicator of the department's 取組, with
取組番号・取組名・指標名・単位・基準値 and this year's 目標値 locked, and the inputs 実績値 and 説明.

A year-end form also shows this year's 上半期 実績値 and the previous year's 実績値 as locked
references. Written with xlsxwriter into the form's workbook (see :mod:`.forms`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gyokaku_xl import text as g
from gyokaku_xl.domain.cells import column_letter
from gyokaku_xl.domain.model import Period, Plan, era_label
from gyokaku_xl.core.targets import References
from gyokaku_xl.domain.targets import TARGET_FORM_COLUMNS, Number, TargetColumn
from gyokaku_xl.render.styles import Formats

FILL_LOCKED = "#F2F2F2"
FILL_INPUT = "#FFFBE6"
FILL_MISSING = "#FFC7CE"
FONT_MISSING = "#9C0006"
_HEADER_ROW = 6
_NOTE_FIRST_ROW = 2
#: Values a data row may hold, by column key (see :data:`~gyokaku_xl.domain.targets.TARGET_FORM_COLUMNS`).
TargetFormRow = dict[str, object]


@dataclass(frozen=True)
class TargetSheet:
    """What the form's 数値目標 sheet holds: the period, its rows and whether it is a year-end form."""

    period: Period
    rows: tuple[TargetFormRow, ...]
    year_end: bool


def target_sheet_of(plan: Plan, period: Period, department: str, year_end: bool,
                    references: References | None = None) -> TargetSheet | None:
    """The sheet's content for ``department`` (None when its 取組 have no indicators)."""
    rows = []
    refs = references or {}
    for initiative in plan.initiatives_of(department):
        for indicator in plan.targets.of(initiative.id):
            first_half, previous = refs.get(indicator.key, (None, None))
            rows.append({"initiative_id": initiative.id, "initiative": initiative.name,
                         "indicator": indicator.name, "unit": indicator.unit, "baseline": indicator.baseline,
                         "target": indicator.target(period.fiscal_year), "first_half": first_half,
                         "previous_year": previous})
    return TargetSheet(period, tuple(rows), year_end) if rows else None


def number_format(value: Number) -> str:
    """``#,##0`` for a whole number, else up to three decimals (Excel shows no stray point)."""
    return "#,##0" if float(value).is_integer() else "#,##0.0##"


def columns_of(content: TargetSheet) -> tuple[TargetColumn, ...]:
    """The sheet's columns (the references only on a year-end form)."""
    return tuple(c for c in TARGET_FORM_COLUMNS if content.year_end or not c.year_end_only)


def write_target_sheet(sheet: Any, fmt: Formats, content: TargetSheet) -> None:
    """Fill the 数値目標 sheet of a form (protected: only 実績値 and 説明 can be edited)."""
    columns = columns_of(content)
    last = len(columns) - 1
    for n, column in enumerate(columns):
        sheet.set_column(n, n, column.width)
    year = content.period.year_label
    sheet.set_row(0, 24)
    sheet.merge_range(0, 0, 0, last, g.FORM_TARGETS_TITLE.format(period=content.period.label),
                      fmt.get(bold=True, font_size=14, valign="vcenter"))
    notes = g.FORM_TARGETS_NOTES_YEAR_END if content.year_end else g.FORM_TARGETS_NOTES_FIRST_HALF
    note_fmt = fmt.get(text_wrap=True, valign="top", font_size=9, font_color="#404040")
    sheet.merge_range(_NOTE_FIRST_ROW, 0, _HEADER_ROW - 2, last,
                      "\n".join(n.format(year=year) for n in notes), note_fmt)
    sheet.set_row(_HEADER_ROW, 36)
    header = fmt.header()
    for n, column in enumerate(columns):
        label = column.label
        if column.key == "target":
            label = g.FORM_TARGET_HEADER.format(label=label, year=year)
        sheet.write_string(_HEADER_ROW, n, label, header)
    first = _HEADER_ROW + 1
    for offset, values in enumerate(content.rows):
        row = first + offset
        sheet.set_row(row, 36)
        for n, column in enumerate(columns):
            props: dict[str, Any] = {"border": 1, "valign": "top", "locked": column.locked,
                                     "bg_color": FILL_LOCKED if column.locked else FILL_INPUT}
            if column.key in ("initiative", "indicator", "explanation"):
                props["text_wrap"] = True
            if column.key in ("initiative_id", "unit"):
                props["align"] = "center"
            cell_fmt = fmt.get(**props)
            value = values.get(column.key)
            if value is None or value == "":
                sheet.write_blank(row, n, None, cell_fmt)
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                sheet.write_number(row, n, value, fmt.get(**props, num_format=number_format(value)))
            else:
                sheet.write_string(row, n, str(value), cell_fmt)
    last_row = first + max(len(content.rows), 1) - 1
    actual = [c.key for c in columns].index("actual")
    sheet.data_validation(first, actual, last_row, actual, {
        "validate": "decimal", "criteria": "between", "minimum": -1e15, "maximum": 1e15,
        "input_title": g.FORM_ACTUAL_INPUT_TITLE, "input_message": g.FORM_ACTUAL_INPUT_MESSAGE,
        "error_title": g.FORM_ACTUAL_INPUT_TITLE, "error_message": g.FORM_ACTUAL_ERROR_MESSAGE,
        "error_type": "stop",
    })
    if content.year_end and content.rows:
        letter = column_letter(actual + 1)
        sheet.conditional_format(first, actual, last_row, actual, {
            "type": "formula", "criteria": f"=LEN(TRIM({letter}{first + 1}))=0",
            "format": fmt.workbook.add_format({"bg_color": FILL_MISSING, "font_color": FONT_MISSING})})
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(_HEADER_ROW)
    sheet.print_area(0, 0, last_row, last)
    sheet.freeze_panes(first, 0)
    sheet.set_footer("&C&P / &N")
    sheet.protect("", {"format_columns": True, "format_rows": True,
                       "select_locked_cells": True, "select_unlocked_cells": True})


def guide_step(content: TargetSheet | None) -> str:
    """The 記入要領 line about the 数値目標 sheet ('' without one)."""
    if content is None:
        return ""
    template = g.FORM_GUIDE_STEP_YEAR_END if content.year_end else g.FORM_GUIDE_STEP_FIRST_HALF
    return template.format(sheet=g.FORM_TARGETS_SHEET)




# --- the plan master's sheets (written by render.plan_book) -------------------------------------------
def plan_target_tables(plan: Plan) -> dict[str, tuple[tuple[str, ...], list[tuple[object, ...]]]]:
    """The plan master's 「数値目標」 and 「評価区分」 sheets as ``{sheet: (header, rows)}`` (none when
    the plan has no indicators or no ratings)."""
    tables: dict[str, tuple[tuple[str, ...], list[tuple[object, ...]]]] = {}
    indicators = plan.targets.indicators
    if indicators:
        years = sorted({year for i in indicators for year, _v in i.targets})
        header = (g.COL_INITIATIVE_ID, g.COL_INDICATOR, g.COL_UNIT, g.COL_BASELINE, g.COL_DIRECTION,
                  *(era_label(y) for y in years))
        rows = [(i.initiative_id, i.name, i.unit, i.baseline, i.direction, *(i.target(y) for y in years))
                for i in indicators]
        tables[g.PLAN_SHEET_INDICATORS] = (header, rows)
    if plan.targets.ratings:
        tables[g.PLAN_SHEET_RATINGS] = ((g.COL_BAND, g.COL_LOWER, g.COL_BAND_DESCRIPTION),
                                        [(b.name, b.lower, b.description) for b in plan.targets.ratings.bands])
    return tables


def guide_rows(content: TargetSheet) -> list[tuple[str, str, str]]:
    """The 記入要領's table of the 数値目標 sheet's columns: (欄, 記入, 説明)."""
    rows = []
    for column in columns_of(content):
        if column.locked:
            entry = g.GUIDE_PREFILLED
        elif column.key == "actual" and content.year_end:
            entry = g.GUIDE_REQUIRED
        else:
            entry = g.GUIDE_OPTIONAL
        rows.append((column.label, entry, g.FORM_TARGET_HELP[column.key]))
    return rows
