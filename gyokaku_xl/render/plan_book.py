"""Write a plan master (計画マスタ.xlsx) that :func:`gyokaku_xl.reading.plan.read_plan` reads back to the same Plan.

Used to bootstrap a municipality's plan master and to build the sample data set; the office then
maintains the file by hand in Excel.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping, Sequence

import xlsxwriter

from gyokaku_xl import text as g
from gyokaku_xl.domain.model import Plan
from gyokaku_xl.render.form_targets import plan_target_tables
from gyokaku_xl.render.forms import DOCUMENT_DATE, WORKBOOK_OPTIONS
from gyokaku_xl.render.styles import Formats

#: Written in 総括掲載 when a 重点 事業 is deliberately left out of the summary (blank would mean ○).
MARK_FALSE = g.MARK_FALSE

_SETTINGS_ORDER = (g.SETTING_PLAN_NAME, g.SETTING_MUNICIPALITY, g.SETTING_ROUNDING, g.SETTING_COORDINATOR)


def plan_tables(plan: Plan) -> dict[str, tuple[tuple[str, ...], list[tuple[object, ...]]]]:
    """The sheets of the plan master as ``{sheet: (header, rows)}`` (the five, then 所管課 when the
    plan has contacts, 「計画の変更」 when it has logged changes, then 数値目標 and 評価区分 when it has
    indicators)."""
    settings = {g.SETTING_PLAN_NAME: plan.name, g.SETTING_MUNICIPALITY: plan.municipality,
                g.SETTING_ROUNDING: plan.rounding, g.SETTING_COORDINATOR: plan.coordinator}
    extra = [(k, v) for k, v in plan.settings.items() if k not in settings]
    tables = {
        g.PLAN_SHEET_SETTINGS: ((g.PLAN_COL_ITEM, g.PLAN_COL_VALUE),
                                [(k, settings[k]) for k in _SETTINGS_ORDER] + extra),
        g.PLAN_SHEET_PERSPECTIVES: ((g.PLAN_COL_NUMBER, g.PLAN_COL_NAME),
                                    [(p.number, p.name) for p in plan.perspectives]),
        g.PLAN_SHEET_STATUSES: ((g.PLAN_COL_STATUS, g.PLAN_COL_ON_TRACK, g.PLAN_COL_DEFINITION),
                                [(st.name, g.MARK_TRUE if st.on_track else "", st.definition)
                                 for st in plan.scale.statuses]),
        g.PLAN_SHEET_PROGRAMS: ((g.PLAN_COL_PROGRAM_NUMBER, g.PLAN_COL_PERSPECTIVE, g.PLAN_COL_PROGRAM_NAME,
                                 g.PLAN_COL_PRIORITY, g.PLAN_COL_SUMMARY, g.PLAN_COL_DEPARTMENT),
                                [(p.number, p.perspective, p.name, _mark(p.priority),
                                  _summary_mark(p.priority, p.summary), p.department)
                                 for p in plan.programs]),
        g.PLAN_SHEET_INITIATIVES: ((g.PLAN_COL_INITIATIVE_ID, g.PLAN_COL_PROGRAM_NUMBER,
                                    g.PLAN_COL_INITIATIVE_NAME, g.PLAN_COL_DEPARTMENT),
                                   [(i.id, i.program, i.name, i.department) for i in plan.initiatives]),
    }
    if plan.contacts:  # the optional 所管課 sheet (督促 drafts' addresses)
        tables[g.PLAN_SHEET_CONTACTS] = ((g.PLAN_COL_DEPARTMENT, g.PLAN_COL_ADDRESS, g.PLAN_COL_PERSON),
                                          [(c.department, c.address, c.person) for c in plan.contacts.values()])
    logged = [c for c in plan.changes if not c.detected]
    if logged:  # the 「計画の変更」 log, as the office writes it
        tables[g.PLAN_SHEET_CHANGES] = (g.PLAN_CHANGE_HEADERS, [
            (c.period.file_label, g.KIND_LABELS[c.kind], c.initiative_id, c.new_id, c.content) for c in logged])
    return {**tables, **plan_target_tables(plan)}


def _mark(flag: bool) -> str:
    return g.MARK_TRUE if flag else ""


def _summary_mark(priority: bool, summary: bool) -> str:
    if summary:
        return g.MARK_TRUE
    return MARK_FALSE if priority else ""


#: Column widths per header label.
_WIDTHS = {g.PLAN_COL_ITEM: 18, g.PLAN_COL_VALUE: 44, g.PLAN_COL_NUMBER: 8, g.PLAN_COL_NAME: 40,
           g.PLAN_COL_STATUS: 12, g.PLAN_COL_ON_TRACK: 8, g.PLAN_COL_DEFINITION: 56,
           g.PLAN_COL_PROGRAM_NUMBER: 10, g.PLAN_COL_PERSPECTIVE: 12, g.PLAN_COL_PROGRAM_NAME: 36,
           g.PLAN_COL_PRIORITY: 7, g.PLAN_COL_SUMMARY: 9, g.PLAN_COL_DEPARTMENT: 20,
           g.PLAN_COL_INITIATIVE_ID: 10, g.PLAN_COL_INITIATIVE_NAME: 44,
           g.PLAN_COL_ADDRESS: 30, g.PLAN_COL_PERSON: 12,
           g.PLAN_COL_CHANGE_PERIOD: 18, g.PLAN_COL_CHANGE_NEW_ID: 16, g.PLAN_COL_CHANGE_CONTENT: 56}


def write_plan(path: str | Path, plan: Plan) -> None:
    """Write ``plan`` as a plan master workbook at ``path``."""
    write_plan_tables(path, plan_tables(plan), title=plan.name, company=plan.municipality)


def write_plan_tables(path: str | Path, tables: dict[str, tuple[Sequence[str], Sequence[Sequence[object]]]],
                      title: str = "", company: str = "",
                      highlight: Mapping[str, set[tuple[int, int]]] | None = None) -> None:
    """Write sheets ``{name: (header, rows)}`` as a plain plan-master-style workbook (no checks);
    ``highlight`` names cells (row, column; 0-based, the header is row 0) to fill yellow for the
    office to complete."""
    workbook = xlsxwriter.Workbook(str(path), WORKBOOK_OPTIONS)
    try:
        workbook.set_properties({"title": title or g.PLAN_FILE_NAME, "company": company,
                                 "comments": g.PRODUCT_NAME, "created": DOCUMENT_DATE})
        fmt = Formats(workbook)
        for name, (header, rows) in tables.items():
            _write_table(workbook.add_worksheet(name), fmt, header, rows, (highlight or {}).get(name, set()))
    finally:
        workbook.close()


def _write_table(sheet: Any, fmt: Formats, header: Sequence[str], rows: Sequence[Sequence[object]],
                 highlight: set[tuple[int, int]] = frozenset()) -> None:
    for n, label in enumerate(header):
        sheet.set_column(n, n, _WIDTHS.get(label, 14))
        sheet.write_string(0, n, label, fmt.header())
    plain = fmt.text()
    marked = fmt.get(border=2, border_color="#C00000", valign="top", text_wrap=True, bg_color="#FFFF00") \
        if highlight else plain
    for r, values in enumerate(rows, start=1):
        for n, value in enumerate(values):
            cell = marked if (r, n) in highlight else plain
            if value is None or value == "":
                sheet.write_blank(r, n, None, cell)
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                sheet.write_number(r, n, value, cell)
            else:
                sheet.write_string(r, n, str(value), cell)
    sheet.freeze_panes(1, 0)
    if rows:
        sheet.autofilter(0, 0, len(rows), len(header) - 1)
