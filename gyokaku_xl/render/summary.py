"""資料1-1 総括: one A4 portrait page laid out like the official document.

Layout: 資料番号 top right; title lines; section 1 sentences across the page, then the status
table (left, one column per status of the plan's scale) beside the pie chart (right); section 2 as
a two-column block (perspective heading | 事業 titles and bullets); section 3 lines. Every text row
gets an explicit height computed from its text, because neither Excel nor LibreOffice grows merged
rows. The table holds numbers (not formulas), so every reader shows the same figures.
"""

from __future__ import annotations

from typing import Any

from gyokaku_xl import text as g
from gyokaku_xl.core.summary import FLAGGED_BULLET, FLAGGED_INITIATIVE
from gyokaku_xl.domain.content import SummaryData
from gyokaku_xl.render import styles as st
from gyokaku_xl.render.charts import add_status_chart

PAGE_PX = st.printable_px()  # printable width of A4 portrait with the report margins
LEFT_PX = 364  # the status table; the chart takes the rest
MAX_LEFT_PX = 404  # the table may widen this far so that short perspective names stay on one line
ONE_LINE_LABEL_UNITS = 24  # names up to this many half-width units are kept on one line if room
GUTTER_PX = 14
MIN_LABEL_PX = 100
CHART_COLUMNS = 4
FIRST_COL = 0
TABLE_LABEL_COL = 1  # B: perspective labels; A:B also hold the section 2 perspective headings
TABLE_FIRST_COUNT_COL = 2  # C: first status column


def _px(points: float) -> int:
    """A row height in whole pixels, as the workbook stores it."""
    return int(points * 4 / 3 + 0.5)


class SummaryColumns:
    """The sheet's columns, sized for the scale: one count column per status plus 合計."""

    def __init__(self, statuses: tuple[str, ...], labels: tuple[str, ...] = ()) -> None:
        half_px = SIZE_TABLE * 96 / 72 / 2 * st.WIDTH_SAFETY
        wanted = [min(64, max(30, st.text_units(name) * half_px + st.CELL_PADDING_PX + 2))
                  for name in (*statuses, g.REPORT_TOTAL)]
        room = LEFT_PX - GUTTER_PX - MIN_LABEL_PX
        if sum(wanted) > room:
            wanted = [w * room / sum(wanted) for w in wanted]
        label = LEFT_PX - GUTTER_PX - sum(wanted)
        # widen the table (up to MAX_LEFT_PX) so that short perspective names do not wrap
        short = [st.text_units(t) for t in labels if st.text_units(t) <= ONE_LINE_LABEL_UNITS]
        if short:
            needed = max(short) * half_px + st.CELL_PADDING_PX + 2
            label = max(label, min(needed, MAX_LEFT_PX - GUTTER_PX - sum(wanted)))
        left = GUTTER_PX + label + sum(wanted)
        chart = (PAGE_PX - left) / CHART_COLUMNS
        self.widths = tuple(st.width_of_px(px) for px in (GUTTER_PX, label, *wanted, *[chart] * CHART_COLUMNS))
        self.last_col = len(self.widths) - 1
        self.total_col = TABLE_FIRST_COUNT_COL + len(statuses)
        self.left_last_col = self.total_col
        self.chart_first_col = self.total_col + 1
        self.heading_cols = (FIRST_COL, TABLE_LABEL_COL)
        self.content_first_col = TABLE_FIRST_COUNT_COL

    def px(self, first: int, last: int) -> int:
        """Pixel width of columns ``first``..``last``."""
        return st.columns_px(self.widths, first, last)


SIZE_DOC_NUMBER = 10.5
SIZE_TITLE = 13
SIZE_HEADING = 11
SIZE_SENTENCE = 10
SIZE_NOTE = 7.5
SIZE_TABLE = 8.5
SIZE_BODY = 9
SIZE_PROGRAM = 9.5
CHART_HEIGHT_PX = 250  # the chart's height below its heading is the same for every plan
TABLE_ROW_EXTRA = 5.0  # points added to every table row (header, perspectives, 合計)


class _Page(st.Rows):
    """Writes rows top to bottom on the grid, remembering each row's height."""

    def __init__(self, sheet: Any, fmt: st.Formats, grid: SummaryColumns) -> None:
        super().__init__(sheet)
        self.fmt = fmt
        self.grid = grid

    def put(self, row: int, first: int, last: int, text: str, cell_format: Any) -> None:
        """Write ``text`` into a cell or a merged range (always as a string, never a formula)."""
        st.put_text(self.sheet, row, first, last, text, cell_format)

    def line(self, first: int, last: int, text: str, cell_format: Any, size: float,
             extra: float = 3.0) -> int:
        """One wrapped text row across ``first``..``last``; returns its row."""
        height = st.text_height(text, self.grid.px(first, last), size, extra)
        self.put(self.row, first, last, text, cell_format)
        return self.advance(height)


def write_summary_sheet(workbook: Any, data: SummaryData, colours: dict[str, str]) -> Any:
    """Add the 資料1-1 sheet showing ``data``; returns the worksheet."""
    sheet = workbook.add_worksheet(g.SHEET_SUMMARY)
    grid = SummaryColumns(data.table.statuses, tuple(r.label for r in data.table.rows))
    for col, width in enumerate(grid.widths):
        sheet.set_column(col, col, width)
    page = _Page(sheet, st.Formats(workbook, font=st.FONT_MINCHO, size=SIZE_BODY), grid)
    _title(page, data)
    _section1(page, data, workbook, colours)
    _section2(page, data)
    _section3(page, data)
    st.setup_a4(sheet)
    sheet.fit_to_pages(1, 1)
    sheet.print_area(0, FIRST_COL, page.row - 1, grid.last_col)
    sheet.hide_gridlines(2)
    return sheet


def _gothic(page: _Page, size: float, **props: Any) -> Any:
    return page.fmt.get(font_name=st.FONT_GOTHIC, font_size=size, **props)


def _title(page: _Page, data: SummaryData) -> None:
    last = page.grid.last_col
    page.put(page.row, last - 1, last, data.doc_number,
             _gothic(page, SIZE_DOC_NUMBER, align="center", valign="vcenter", border=1))
    page.advance(18)
    page.gap(4)
    title = _gothic(page, SIZE_TITLE, bold=True, align="center", valign="vcenter", text_wrap=True)
    page.line(FIRST_COL, last, data.title, title, SIZE_TITLE)
    page.line(FIRST_COL, last, data.subtitle, title, SIZE_TITLE)
    page.gap(8)


def _section1(page: _Page, data: SummaryData, workbook: Any, colours: dict[str, str]) -> None:
    """Sentences across the page, then the table (left) beside the chart (right)."""
    grid = page.grid
    page.line(FIRST_COL, grid.last_col, data.section1_heading,
              _gothic(page, SIZE_HEADING, bold=True, valign="vcenter"), SIZE_HEADING)
    sentence = page.fmt.get(font_size=SIZE_SENTENCE, text_wrap=True, valign="top")
    for text in data.sentences:
        page.line(TABLE_LABEL_COL, grid.last_col, text, sentence, SIZE_SENTENCE, extra=2)
    note = page.fmt.get(font_size=SIZE_NOTE, text_wrap=True, valign="top")
    for text in data.notes:
        page.line(TABLE_LABEL_COL, grid.last_col, text, note, SIZE_NOTE, extra=1)
    page.gap(6)
    block_top = page.row
    page.put(block_top, grid.chart_first_col, grid.last_col, data.chart_heading,
             _gothic(page, SIZE_TABLE + 0.5, bold=True, align="center", valign="top", text_wrap=True))
    header_row, total_row = _table(page, data, colours)
    # the chart: right of the table, below its heading, always the same size; when the table is
    # shorter, the spare height is an empty row below the table (table rows keep their height)
    heading_px = _px(page.heights[block_top])
    table_px = sum(_px(h) for h in page.heights[block_top:page.row])
    short = heading_px + CHART_HEIGHT_PX - table_px
    if short > 0:
        page.gap(short * 3 / 4)
    last_count = grid.total_col - 1
    add_status_chart(workbook, page.sheet, sheet_name=g.SHEET_SUMMARY,
                     categories=(header_row, TABLE_FIRST_COUNT_COL, last_count),
                     values=(total_row, TABLE_FIRST_COUNT_COL, last_count),
                     points=data.chart, colours=colours, anchor=(block_top, grid.chart_first_col),
                     offset=(2, heading_px), size=(grid.px(grid.chart_first_col, grid.last_col) - 4,
                                                  CHART_HEIGHT_PX))
    if data.revision_note:  # the plan changed this period: one line under the table says so
        page.gap(4)
        page.line(TABLE_LABEL_COL, grid.last_col, data.revision_note, note, SIZE_NOTE, extra=1)
    page.gap(8)


def _table(page: _Page, data: SummaryData, colours: dict[str, str]) -> tuple[int, int]:
    """The perspective × status table; returns the rows of its header and of 合計."""
    grid, table = page.grid, data.table
    page.line(TABLE_LABEL_COL, grid.left_last_col, data.table_heading,
              _gothic(page, SIZE_TABLE + 0.5, bold=True), SIZE_TABLE + 0.5)
    base = {"border": 1, "valign": "vcenter"}
    head = _gothic(page, SIZE_TABLE, **base, bold=True, align="center", bg_color="#D9D9D9", text_wrap=True)
    header_row = page.row
    page.put(header_row, TABLE_LABEL_COL, TABLE_LABEL_COL, g.REPORT_LABEL_PERSPECTIVE, head)
    lines = 1
    for n, status in enumerate(table.statuses):
        col = TABLE_FIRST_COUNT_COL + n
        cell = _gothic(page, SIZE_TABLE, **base, bold=True, align="center", text_wrap=True,
                       bg_color=st.light(colours[status], 0.55))
        page.put(header_row, col, col, status, cell)
        lines = max(lines, st.wrapped_line_count(status, st.capacity_units(grid.px(col, col), SIZE_TABLE)))
    page.put(header_row, grid.total_col, grid.total_col, g.REPORT_TOTAL, head)
    page.advance(st.row_height(lines, SIZE_TABLE, TABLE_ROW_EXTRA))
    label = _gothic(page, SIZE_TABLE, **base, text_wrap=True)
    number = _gothic(page, SIZE_TABLE, **base, align="center", num_format="0")
    total_label = _gothic(page, SIZE_TABLE, **base, bold=True, align="center", bg_color="#F2F2F2")
    total_number = _gothic(page, SIZE_TABLE, **base, bold=True, align="center", num_format="0",
                           bg_color="#F2F2F2")
    for body_row in (*table.rows, table.totals):
        is_total = body_row is table.totals
        page.put(page.row, TABLE_LABEL_COL, TABLE_LABEL_COL, body_row.label, total_label if is_total else label)
        for n, count in enumerate(body_row.counts):
            page.sheet.write_number(page.row, TABLE_FIRST_COUNT_COL + n, count,
                                    total_number if is_total else number)
        page.sheet.write_number(page.row, grid.total_col, body_row.total, total_number)
        # one height for every row; a name that wraps makes its own row taller by whole lines
        page.advance(st.text_height(body_row.label, grid.px(TABLE_LABEL_COL, TABLE_LABEL_COL), SIZE_TABLE,
                                    TABLE_ROW_EXTRA))
    return header_row, page.row - 1


def _section2(page: _Page, data: SummaryData) -> None:
    grid = page.grid
    first, last = grid.content_first_col, grid.last_col
    page.line(FIRST_COL, last, data.section2_heading, _gothic(page, SIZE_HEADING, bold=True, valign="vcenter"),
              SIZE_HEADING)
    heading_fmt = _gothic(page, SIZE_BODY, bold=True, valign="vcenter", text_wrap=True, border=1,
                          bg_color="#F2F2F2")
    sides = {"left": 1, "right": 1}
    title_fmt = _gothic(page, SIZE_PROGRAM, bold=True, valign="bottom", text_wrap=True, **sides)
    first_title_fmt = _gothic(page, SIZE_PROGRAM, bold=True, valign="bottom", text_wrap=True, top=1, **sides)
    # a bullet that wraps fills its row (justified vertically): the row is as tall as Excel needs for
    # its lines, and LibreOffice, whose lines are closer, would otherwise leave the rest as a gap below
    body_fmt = page.fmt.get(font_size=SIZE_BODY, valign="vjustify", text_wrap=True, **sides)
    last_body_fmt = page.fmt.get(font_size=SIZE_BODY, valign="vjustify", text_wrap=True, bottom=1, **sides)
    for block in data.section2:
        top = page.row
        for p_index, program in enumerate(block.programs):
            lines = program.lines
            closing = p_index == len(block.programs) - 1 and not lines
            fmt = first_title_fmt if p_index == 0 else title_fmt
            if closing:
                fmt = _gothic(page, SIZE_PROGRAM, bold=True, valign="bottom", text_wrap=True, bottom=1,
                              top=1 if p_index == 0 else 0, **sides)
            page.line(first, last, program.title, fmt, SIZE_PROGRAM, extra=4)
            for n, text in enumerate(lines):
                is_last = p_index == len(block.programs) - 1 and n == len(lines) - 1
                page.line(first, last, text, last_body_fmt if is_last else body_fmt, SIZE_BODY, extra=1)
        bottom = page.row - 1
        needed = st.text_height(block.heading, grid.px(*grid.heading_cols), SIZE_BODY)
        have = sum(page.heights[top:bottom + 1])
        if needed > have:  # a perspective heading taller than its texts: grow the last row
            page.grow(bottom, page.heights[bottom] + needed - have)
        st.merge_cells(page.sheet, top, grid.heading_cols[0], bottom, grid.heading_cols[1], heading_fmt)
        page.sheet.write_string(top, grid.heading_cols[0], block.heading, heading_fmt)
    if data.section2_more:  # the list was bounded (size policy): where the rest is
        page.line(first, last, data.section2_more, page.fmt.get(font_size=SIZE_BODY, valign="top", text_wrap=True),
                  SIZE_BODY, extra=1)
    page.gap(10)


def _section3(page: _Page, data: SummaryData) -> None:
    grid = page.grid
    last = grid.last_col
    page.line(FIRST_COL, last, data.section3_heading, _gothic(page, SIZE_HEADING, bold=True, valign="vcenter"),
              SIZE_HEADING)
    initiative = _gothic(page, SIZE_PROGRAM, bold=True, valign="bottom", text_wrap=True)
    bullet = page.fmt.get(font_size=SIZE_BODY, valign="vjustify", text_wrap=True)
    for line in data.section3:
        if line.kind == FLAGGED_INITIATIVE:
            page.line(TABLE_LABEL_COL, last, line.text, initiative, SIZE_PROGRAM, extra=3)
        elif line.kind == FLAGGED_BULLET:
            page.line(grid.content_first_col, last, line.text, bullet, SIZE_BODY, extra=1)
        else:
            page.line(TABLE_LABEL_COL, last, line.text, bullet, SIZE_BODY, extra=1)
