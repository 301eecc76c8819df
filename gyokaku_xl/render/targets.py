"""The master's 「数値目標」 sheet: one row per indicator in plan order with this year's 目標値,
実績値, 達成率 and 評価 (and, with the history, each earlier fiscal year's 目標値 and 実績値), the
rule in words, and the count of indicators per 評価 (and 未報告) per 取組の視点.

Content comes from :func:`gyokaku_xl.core.targets.build_targets` (computed once per merge, see
:func:`gyokaku_xl.core.content.master_content`); this module only lays it out.
"""

from __future__ import annotations

from typing import Any

from gyokaku_xl import text as g
from gyokaku_xl.core.target_checks import year_end
from gyokaku_xl.domain.content import TargetsTable
from gyokaku_xl.domain.model import era_label
from gyokaku_xl.domain.records import MergeResult
from gyokaku_xl.domain.targets import Number
from gyokaku_xl.render import styles as st
from gyokaku_xl.render.form_targets import number_format

_FIXED = ((g.MASTER_COL_INITIATIVE_ID, 8), (g.MASTER_COL_INITIATIVE, 24), (g.MASTER_COL_DEPARTMENT, 12),
          (g.MASTER_COL_INDICATOR, 22), (g.MASTER_COL_UNIT, 7), (g.MASTER_COL_DIRECTION, 7),
          (g.MASTER_COL_BASELINE, 9))
_VALUE_WIDTH = 10
#: The first column of the counts table (under 単位): 取組の視点 spans the columns before it.
_COUNT_FIRST = 4
_HEADER_ROW = 5
FILL_BEST = "#E2EFDA"
FILL_LOWEST = "#F8CBAD"
FILL_MISSING = "#FFF2CC"


def headers(table: TargetsTable) -> list[tuple[str, float]]:
    """The header labels and widths of the indicator table."""
    cols = list(_FIXED)
    for year in table.years:
        label = era_label(year)
        cols += [(g.MASTER_COL_YEAR_TARGET.format(year=label), _VALUE_WIDTH),
                 (g.MASTER_COL_YEAR_ACTUAL.format(year=label), _VALUE_WIDTH)]
    cols += [(g.MASTER_COL_TARGET, _VALUE_WIDTH), (g.MASTER_COL_ACTUAL, _VALUE_WIDTH), (g.MASTER_COL_RATE, 9)]
    if table.bands:
        cols.append((g.MASTER_COL_RATING, 7))
    cols.append((g.MASTER_COL_EXPLANATION, 30))
    return cols


def add_targets_sheet(workbook: Any, result: MergeResult, table: TargetsTable) -> Any:
    """Add 「数値目標」 showing ``table`` (computed by the run) to the master; returns the worksheet."""
    plan = result.plan
    sheet = workbook.add_worksheet(g.SHEET_TARGETS)
    fmt = st.Formats(workbook)
    cols = headers(table)
    last = len(cols) - 1
    for n, (_label, width) in enumerate(cols):
        sheet.set_column(n, n, width)
    title = g.MASTER_TARGETS_TITLE.format(period=result.period.label)
    st.put_text(sheet, 0, 0, last, g.TITLE_WITH_PLAN.format(plan=plan.name, title=title) if plan.name else title,
                fmt.get(bold=True, font_size=13, valign="vcenter"))
    sheet.set_row(0, 22)
    rounding = plan.rounding
    notes = [g.MASTER_TARGETS_RULE.format(rounding=rounding, empty=g.EMPTY)]
    if table.bands:
        parts = g.SEP_DOT.join(g.MASTER_BAND_PART.format(name=b.name, lower=_plain(b.lower))
                          for b in plan.targets.ratings.bands)
        notes.append(g.MASTER_TARGETS_RATING_RULE.format(bands=parts))
    else:
        notes.append(g.MASTER_TARGETS_NO_RATINGS)
    if not year_end(result.period):
        notes.append(g.MASTER_TARGETS_MIDYEAR.format(half=result.period.half))
    if table.years:
        notes.append(g.MASTER_TARGETS_HISTORY_RULE)
    note_fmt = fmt.get(text_wrap=True, valign="top", font_size=9)
    width_px = sum(st.column_px(w) for _l, w in cols)
    for n, note in enumerate(notes, start=1):
        st.put_text(sheet, n, 0, last, note, note_fmt)
        sheet.set_row(n, st.text_height(note, width_px, 9, 4))
    header = fmt.header(font_size=9)
    sheet.set_row(_HEADER_ROW, 30)
    for n, (label, _w) in enumerate(cols):
        sheet.write_string(_HEADER_ROW, n, label, header)
    text = fmt.get(border=1, valign="top", text_wrap=True, font_size=9)
    centre = fmt.get(border=1, valign="top", align="center", font_size=9)
    empty = fmt.get(border=1, valign="top", align="center", font_size=9, font_color="#808080")
    missing = fmt.get(border=1, valign="top", align="center", font_size=9, bg_color=FILL_MISSING)
    rating_fill = {}
    if table.bands:
        rating_fill = {table.bands[0]: FILL_BEST, table.bands[-1]: FILL_LOWEST}

    def number(row: int, col: int, value: Number | None, blank_text: str = g.EMPTY) -> None:
        if value is None:
            sheet.write_string(row, col, blank_text, empty)
        else:
            sheet.write_number(row, col, value, fmt.get(border=1, valign="top", font_size=9,
                                                        num_format=number_format(value)))

    row = _HEADER_ROW + 1
    for item in table.rows:
        indicator = item.indicator
        values = (indicator.initiative_id, item.initiative_name, item.department, indicator.name,
                  indicator.unit, indicator.direction)
        for col, value in enumerate(values):
            sheet.write_string(row, col, value, centre if col in (0, 4, 5) else text)
        number(row, len(values), indicator.baseline)
        col = len(values) + 1
        for year in item.earlier:
            number(row, col, year.target)
            number(row, col + 1, year.actual)
            col += 2
        number(row, col, item.target)
        if item.value is None:
            sheet.write_string(row, col + 1, g.NOT_REPORTED, missing)
        else:
            number(row, col + 1, item.value)
        if item.rate is None:
            sheet.write_string(row, col + 2, g.EMPTY, empty)
        else:
            sheet.write_number(row, col + 2, item.rate, fmt.get(border=1, valign="top", font_size=9,
                                                              num_format="0"))
        if table.bands:
            fill = rating_fill.get(item.rating)
            extra = {"bg_color": fill} if fill else {}
            sheet.write_string(row, col + 3, item.rating or g.EMPTY,
                               fmt.get(border=1, valign="top", align="center", bold=True, font_size=9, **extra))
        explanation = item.actual.explanation if item.actual is not None else ""
        if explanation:
            sheet.write_string(row, last, explanation, text)
        else:
            sheet.write_blank(row, last, None, text)
        lines = max(st.wrapped_line_count(s, st.capacity_units(st.column_px(w), 9))
                    for s, w in ((item.initiative_name, cols[1][1]), (indicator.name, cols[3][1]),
                                 (item.department, cols[2][1]), (explanation, cols[-1][1])))
        sheet.set_row(row, st.row_height(lines, 9, 4))
        row += 1
    last_table_row = row - 1
    row += 1
    heading = g.MASTER_TARGETS_COUNTS_HEADING if table.bands else g.MASTER_TARGETS_COUNTS_HEADING_NO_RATINGS
    sheet.write_string(row, 0, heading, fmt.get(bold=True, font_size=10))
    row += 1
    # the counts sit under the indicator table's value columns, the 取組の視点 across the text columns
    count_header = [g.MASTER_COUNT_PERSPECTIVE, *table.count_labels, g.MASTER_COUNT_TOTAL]
    st.put_text(sheet, row, 0, _COUNT_FIRST - 1, count_header[0], header)
    for n, label in enumerate(count_header[1:], start=_COUNT_FIRST):
        sheet.write_string(row, n, label, header)
    sheet.set_row(row, 28)
    row += 1
    count_fmt = fmt.get(border=1, valign="top", font_size=9, num_format="0")
    bold_count = fmt.get(border=1, valign="top", font_size=9, num_format="0", bold=True, bg_color="#F2F2F2")
    for count_row, style, label_style in [*((c, count_fmt, text) for c in table.counts),
                                          (table.total, bold_count, fmt.get(border=1, valign="top", font_size=9,
                                                                           bold=True, bg_color="#F2F2F2"))]:
        st.put_text(sheet, row, 0, _COUNT_FIRST - 1, count_row.label, label_style)
        for n, value in enumerate((*count_row.counts, count_row.total), start=_COUNT_FIRST):
            sheet.write_number(row, n, value, style)
        row += 1
    st.setup_a4(sheet, landscape=True, footer=g.REPORT_PAGE_FOOTER)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(_HEADER_ROW)
    sheet.print_area(0, 0, row - 1, max(last, _COUNT_FIRST + len(count_header) - 2))
    sheet.freeze_panes(_HEADER_ROW + 1, 2)
    if table.rows:
        sheet.autofilter(_HEADER_ROW, 0, last_table_row, last)
    return sheet


def _plain(value: Number) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
