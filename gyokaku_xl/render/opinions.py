"""The master's 「意見と対応」 sheet: each committee opinion, the 取組 it concerns and the
department's reply — the next meeting's 資料, A4 portrait; then the still-open opinions of earlier
periods (未対応の意見) when the history gave any."""

from __future__ import annotations

from typing import Any, Sequence

from gyokaku_xl import text as g
from gyokaku_xl.domain.content import OpinionContent
from gyokaku_xl.domain.opinions import OpinionRow
from gyokaku_xl.domain.records import MergeResult
from gyokaku_xl.render.styles import (FONT_SIZE, Formats, column_px, put_text, setup_a4, text_height)

#: Column widths: 取組番号, 取組名, 所管課, 会議, 意見, 対応.
WIDTHS = (9, 20, 13, 20, 45, 45)
#: The 期間 column of the open opinions.
PERIOD_WIDTH = 19


def add_opinions_sheet(workbook: Any, title: str, subtitle: str, rows: Sequence[OpinionRow],
                       open_rows: Sequence[OpinionRow], formats: Formats) -> Any:
    """Add 「意見と対応」: this period's opinions and replies, then the earlier ones still open
    (with the period that carried them)."""
    ws = workbook.add_worksheet(g.SHEET_OPINIONS)
    for col, width in enumerate(WIDTHS + (PERIOD_WIDTH,)):
        ws.set_column(col, col, width)
    last = len(WIDTHS) - 1
    ws.set_row(0, 24)
    put_text(ws, 0, 0, last, title, formats.get(bold=True, font_size=14, valign="vcenter"))
    put_text(ws, 1, 0, last, subtitle, formats.get(valign="vcenter"))
    row = _table(ws, 3, g.OPINIONS_HEADING, rows, formats, g.OPINIONS_NONE, with_period=False)
    if open_rows:
        row = _table(ws, row + 1, g.OPINIONS_OPEN_HEADING, open_rows, formats, "", with_period=True)
    setup_a4(ws, landscape=True, footer=g.REPORT_PAGE_FOOTER)
    ws.fit_to_pages(1, 0)
    ws.print_area(0, 0, row - 1, last + 1 if open_rows else last)
    return ws


def _table(ws: Any, row: int, heading: str, rows: Sequence[OpinionRow], formats: Formats,
           none_text: str, with_period: bool) -> int:
    """A heading, the header and one row per opinion; returns the next free row."""
    last = len(WIDTHS) - 1
    ws.write_string(row, 0, heading, formats.get(bold=True))
    row += 1
    headers = g.OPINIONS_HEADERS + ((g.OPINIONS_PERIOD_HEADER,) if with_period else ())
    for col, label in enumerate(headers):
        ws.write_string(row, col, label, formats.header())
    row += 1
    cell = formats.text()
    blank_reply = formats.text(bg_color="#FCE4D6")
    if not rows and none_text:
        put_text(ws, row, 0, last, none_text, cell)
        return row + 1
    for item in rows:
        values = (item.initiative_id, item.initiative_name, item.department, item.meeting, item.text,
                  item.reply) + ((item.period,) if with_period else ())
        ws.set_row(row, max(text_height(v, column_px(w), FONT_SIZE) for v, w in zip(values, WIDTHS + (PERIOD_WIDTH,))))
        for col, value in enumerate(values):
            fmt = blank_reply if col == last and not item.reply else cell
            if value:
                ws.write_string(row, col, value, fmt)
            else:
                ws.write_blank(row, col, None, fmt)
        row += 1
    return row


def add_opinions(workbook: Any, result: MergeResult, opinions: OpinionContent, formats: Formats) -> Any | None:
    """Add 「意見と対応」 when this period's forms showed an opinion or an earlier one is still open
    (``opinions`` as :func:`gyokaku_xl.core.content.master_content` computed them)."""
    if not opinions.rows and not opinions.still_open:
        return None
    return add_opinions_sheet(workbook, g.OPINIONS_TITLE.format(period=result.period.label),
                              g.OPINIONS_SUBTITLE.format(plan=result.plan.name), opinions.rows,
                              opinions.still_open, formats)
