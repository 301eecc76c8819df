"""The master's 「計画の変更」 sheet (this period's changes, then every change since the plan began)
and the hidden 「計画の取組」 sheet that records the plan the master was made with (xlsxwriter only)."""

from __future__ import annotations

from typing import Any, Sequence

from gyokaku_xl import text as g
from gyokaku_xl.domain.content import RevisionView
from gyokaku_xl.domain.model import Plan
from gyokaku_xl.domain.revisions import PlanEntry
from gyokaku_xl.render.movement import SIZE_BODY, SIZE_HEADER, Page, SharedColumns

#: 適用時期, 区分, 取組番号, 変更後の取組番号, 取組名, 内容, 記入 (pixels; A4 landscape)
CHANGES_PX = (120, 76, 66, 80, 250, 330, 92)


def add_revisions_sheet(workbook: Any, plan: Plan, view: RevisionView) -> Any:
    """Add 「計画の変更」: the changes effective this period, then all since the plan began."""
    grid = SharedColumns(CHANGES_PX)
    page = Page(workbook, g.SHEET_REVISIONS, grid)
    page.title(plan, g.REVISIONS_TITLE.format(period=view.current.label))
    page.note(g.REVISIONS_NOTE_LOG)
    if any(line.detected for line in view.lines):
        page.note(g.REVISIONS_NOTE_DETECTED)
    page.advance(6)
    page.heading(g.REVISIONS_HEADING_NOW.format(period=view.current.file_label))
    if view.this_period:
        _table(page, view.this_period)
    else:
        page.note(g.REVISIONS_NONE_NOW)
    page.advance(10)
    page.heading(g.REVISIONS_HEADING_ALL)
    if view.lines:
        header_row = _table(page, view.lines)
    else:
        header_row = None
        page.note(g.REVISIONS_NONE_ALL)
    return page.finish(landscape=True, repeat=header_row, header=g.SHEET_REVISIONS)


def _table(page: Page, lines: Sequence[Any]) -> int:
    spans = page.grid.spans(0)
    head = page.gothic(SIZE_HEADER, bold=True, align="center", valign="vcenter", border=1, bg_color="#D9D9D9",
                       text_wrap=True)
    header_row = page.cells(spans, g.REVISIONS_HEADERS, [head] * len(spans), [SIZE_HEADER] * len(spans))
    text = page.fmt.get(border=1, valign="top", text_wrap=True)
    centre = page.fmt.get(border=1, valign="top", align="center", text_wrap=True)
    kind_fmt = {kind: page.gothic(SIZE_BODY, border=1, valign="top", align="center", bold=True,
                                  bg_color=colour) for kind, colour in g.KIND_COLOURS.items()}
    detected = page.gothic(SIZE_BODY, border=1, valign="top", align="center", bold=True, font_color="#C00000",
                           text_wrap=True)
    for line in lines:
        values = (line.period.label, g.KIND_LABELS[line.kind], line.initiative_id, line.new_id or g.MOVEMENT_EMPTY,
                  line.name, line.content, g.REVISIONS_DETECTED if line.detected else g.REVISIONS_LOGGED)
        formats = (text, kind_fmt.get(line.kind, centre), centre, centre, text, text,
                   detected if line.detected else centre)
        page.cells(spans, values, formats, [SIZE_BODY] * len(spans))
    return header_row


def add_plan_record_sheet(workbook: Any, entries: Sequence[PlanEntry]) -> Any:
    """The hidden 「計画の取組」: every 取組 of the plan this master was made with (取組番号・事業番号・
    取組名・所管課), so that the next period can tell what changed without a log line."""
    sheet = workbook.add_worksheet(g.SHEET_PLAN_RECORD)
    for col, label in enumerate(g.PLAN_RECORD_HEADERS):
        sheet.write_string(0, col, label)
    for row, e in enumerate(entries, start=1):
        for col, value in enumerate((e.initiative_id, e.program, e.name, e.department)):
            if value:
                sheet.write_string(row, col, value)
    sheet.hide()
    return sheet
