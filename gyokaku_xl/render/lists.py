"""資料1-2 取組状況一覧 (A4 landscape) and 資料1-3 事業別の取組状況 (A4 portrait).

Both list every 取組 of the plan in plan order (a 取組 without a report says so), with the status
cell in the status's fixed colour, explicit row heights from the text lengths, repeated title rows,
page numbers in the footer, and manual page breaks so that a group header never ends a page and a
事業 block of 資料1-3 is not split when it fits on one page.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from gyokaku_xl import text as g
from gyokaku_xl.domain.model import Initiative, Plan, Program
from gyokaku_xl.domain.records import MergeResult, Record
from gyokaku_xl.core.summary import doc_label
from gyokaku_xl.render import styles as st

SIZE_TITLE = 12
SIZE_HEADER = 9
SIZE_BODY = 9
SIZE_GROUP = 10

# --- 資料1-2 ---------------------------------------------------------------------------------------
LIST_COLUMNS = (7, 24, 9, 58, 43)  # 取組番号, 取組名, 進捗状況, 取組状況, 今後の予定

# --- 資料1-3 ---------------------------------------------------------------------------------------
PROGRAM_COLUMNS = (12.5, 28, 19.5, 12, 10, 10)  # A label/番号, B:C 取組名, D 状況, E:F 財政効果額


def _records_by_id(result: MergeResult) -> dict[str, Record]:
    return {r.initiative.id: r for r in result.records}


def _put(sheet: Any, row: int, first: int, last: int, text: str, cell_format: Any) -> None:
    """Write text into a cell or merged range, always as a string."""
    st.put_text(sheet, row, first, last, text, cell_format)


def _title_rows(sheet: Any, fmt: st.Formats, widths: tuple[float, ...], doc_number: str,
                plan: Plan, subtitle: str) -> list[float]:
    """資料番号 (top right), plan name and subtitle; returns the three row heights."""
    last = len(widths) - 1
    _put(sheet, 0, last, last, doc_number,
         fmt.get(font_name=st.FONT_GOTHIC, font_size=10.5, align="center", valign="vcenter", border=1))
    title = fmt.get(font_name=st.FONT_GOTHIC, font_size=SIZE_TITLE, bold=True, align="center",
                    valign="vcenter", text_wrap=True)
    heights = [18.0]
    for row, text in ((1, plan.name), (2, subtitle)):
        _put(sheet, row, 0, last, text, title)
        heights.append(st.text_height(text, st.columns_px(widths, 0, last), SIZE_TITLE, 4))
    for row, height in enumerate(heights):
        sheet.set_row(row, height)
    return heights


def _status_format(fmt: st.Formats, colours: dict[str, str], status: str) -> Any:
    colour = colours.get(status)
    extra = {"bg_color": st.light(colour, 0.55)} if colour else {}
    return fmt.get(font_name=st.FONT_GOTHIC, font_size=SIZE_BODY, border=1, bold=True, align="center",
                   valign="vcenter", text_wrap=True, **extra)


class _StatusFormats(dict):
    """The status cell's format per status text, made on first use (one lookup per row after)."""

    def __init__(self, fmt: st.Formats, colours: dict[str, str]) -> None:
        super().__init__()
        self.fmt, self.colours = fmt, colours

    def __missing__(self, status: str) -> Any:
        self[status] = made = _status_format(self.fmt, self.colours, status)
        return made


def _status_text(record: Record | None) -> str:
    return record.status if record else g.REPORT_EMPTY


def _text(record: Record | None, column_key: str, status_error: bool = False) -> str:
    """A record's text; without a record, 取組状況 says why: 進捗状況の誤り or 報告なし."""
    if record is None:
        if column_key != "progress":
            return ""
        return g.REPORT_STATUS_ERROR if status_error else g.REPORT_NOT_REPORTED
    return record.text(column_key)


def _program_heading(program: Program) -> str:
    return g.REPORT_PROGRAM_HEADING.format(title=program.title, label=g.REPORT_LABEL_DEPARTMENT,
                                           department=program.department)


def _new_sheet(workbook: Any, name: str, widths: tuple[float, ...]) -> tuple[Any, st.Formats]:
    """A report sheet with its column widths and the body formats."""
    sheet = workbook.add_worksheet(name)
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width)
    return sheet, st.Formats(workbook, font=st.FONT_MINCHO, size=SIZE_BODY)


def write_list_sheet(workbook: Any, result: MergeResult, colours: dict[str, str]) -> Any:
    """Add 資料1-2: every 取組 grouped by perspective then 事業; returns the worksheet.

    The rows are laid out first and paginated (:func:`_paginate`), then written: a page never ends on
    a group header, and a page that begins inside a 取組の視点 repeats its band 「（続き）」.
    """
    plan = result.plan
    sheet, fmt = _new_sheet(workbook, g.SHEET_LIST, LIST_COLUMNS)
    last = len(LIST_COLUMNS) - 1
    heights = _title_rows(sheet, fmt, LIST_COLUMNS, doc_label(g.SHEET_LIST), plan,
                          g.REPORT_SUBTITLE_LIST.format(period=result.period.label))
    header = fmt.get(font_name=st.FONT_GOTHIC, font_size=SIZE_HEADER, bold=True, align="center",
                     valign="vcenter", border=1, bg_color="#D9D9D9", text_wrap=True)
    header_row = len(heights)
    for col, label in enumerate(g.REPORT_LIST_HEADERS):
        sheet.write_string(header_row, col, label, header)
    sheet.set_row(header_row, 18)
    heights.append(18.0)
    repeat = sum(heights)

    perspective_fmt = fmt.get(font_name=st.FONT_GOTHIC, font_size=SIZE_GROUP, bold=True, font_color="#FFFFFF",
                              bg_color="#404040", border=1, valign="vcenter")
    program_fmt = fmt.get(font_name=st.FONT_GOTHIC, font_size=SIZE_GROUP, bold=True, bg_color="#F2F2F2",
                          border=1, valign="vcenter", text_wrap=True)
    cell = fmt.get(border=1, valign="top", text_wrap=True)
    centre = fmt.get(border=1, valign="top", align="center", text_wrap=True)
    records = _records_by_id(result)
    status_formats = _StatusFormats(fmt, colours)
    capacities = [st.capacity_units(st.column_px(width), SIZE_BODY) for width in LIST_COLUMNS]
    band_height = st.row_height(1, SIZE_GROUP, 6)

    # 1. the rows, grouped into what must stay on one page: a perspective band (or a 事業 heading)
    #    with the first 取組 under it, then each 取組 alone
    groups: list[_Group] = []
    for perspective in plan.perspectives:
        programs = plan.programs_of(perspective.number)
        if not programs:
            continue
        band = _ListRow(band_height, perspective.heading, perspective_fmt, band=True)
        for p_index, program in enumerate(programs):
            heading = _program_heading(program)
            first = [band] if p_index == 0 else []
            first.append(_ListRow(st.text_height(heading, st.columns_px(LIST_COLUMNS, 0, last), SIZE_GROUP, 6),
                                  heading, program_fmt))
            items = []
            for initiative in plan.initiatives_of_program(program.number):
                record = records.get(initiative.id)
                values = (initiative.id, initiative.name, _status_text(record),
                          _text(record, "progress", initiative.id in result.status_errors),
                          _text(record, "next_steps"))
                styles = [status_formats[text] if col == 2 else (centre if col == 0 else cell)
                          for col, text in enumerate(values)]
                lines = max(st.wrapped_line_count(text, capacities[col]) for col, text in enumerate(values))
                items.append(_ListRow(st.row_height(lines, SIZE_BODY, 4), values, styles))
            groups.append(_Group(first + items[:1], perspective.heading))
            groups.extend(_Group([item], perspective.heading) for item in items[1:])

    # 2. pages, then the rows as they fall
    page_pt = st.printable_height_pt(landscape=True) - repeat
    rows = st.Rows(sheet, heights)  # below the title and header rows
    breaks: list[int] = []
    for group, new_page in _paginate(groups, page_pt, band_height):
        if new_page:
            breaks.append(rows.row)
            if not group.rows[0].band:  # inside a perspective: its band again
                group = _Group([_ListRow(band_height, g.LIST_CONTINUED.format(heading=group.perspective),
                                         perspective_fmt, band=True), *group.rows], group.perspective)
        for item in group.rows:
            if isinstance(item.cells, str):
                _put(sheet, rows.row, 0, last, item.cells, item.formats)
            else:
                for col, text in enumerate(item.cells):
                    sheet.write_string(rows.row, col, text, item.formats[col])
            rows.advance(item.height)
    st.setup_a4(sheet, landscape=True, footer=g.REPORT_PAGE_FOOTER)
    sheet.repeat_rows(0, header_row)
    sheet.fit_to_pages(1, 0)
    sheet.print_area(0, 0, max(rows.row - 1, header_row), last)
    if breaks:
        sheet.set_h_pagebreaks(breaks)
    sheet.hide_gridlines(2)
    sheet.freeze_panes(header_row + 1, 0)
    return sheet


class _ListRow:
    """One row of 資料1-2: its height and either a heading (text across the row) or the five cells;
    ``band`` for a 取組の視点 band."""

    def __init__(self, height: float, cells: Any, formats: Any, band: bool = False) -> None:
        self.height, self.cells, self.formats, self.band = height, cells, formats, band


class _Group:
    """Rows that stay on one page, and the heading of the 取組の視点 they belong to."""

    def __init__(self, rows: list[_ListRow], perspective: str) -> None:
        self.rows, self.perspective = rows, perspective

    @property
    def height(self) -> float:
        return sum(r.height for r in self.rows)


def _paginate(groups: list[_Group], page_pt: float, band_pt: float) -> list[tuple[_Group, bool]]:
    """Each group and whether a new page starts before it; a page that starts inside a perspective
    also holds the band repeated (``band_pt``). A group taller than a page goes on a page of its own."""
    out = []
    used = 0.0
    for group in groups:
        starts_band = group.rows[0].band
        if used > 0 and used + group.height > page_pt:
            out.append((group, True))
            used = group.height + (0.0 if starts_band else band_pt)
            continue
        out.append((group, False))
        used += group.height
    return out


def write_by_program_sheet(workbook: Any, result: MergeResult, colours: dict[str, str],
                           target_lines: Mapping[str, Sequence[str]] | None = None) -> Any:
    """Add 資料1-3: one block per 事業 with 財政効果額 totals, and under a 取組's texts its
    ``target_lines`` (its 数値目標, see :attr:`~gyokaku_xl.domain.content.TargetsTable.lines`); returns
    the worksheet."""
    plan = result.plan
    sheet, fmt = _new_sheet(workbook, g.SHEET_BY_PROGRAM, PROGRAM_COLUMNS)
    heights = _title_rows(sheet, fmt, PROGRAM_COLUMNS, doc_label(g.SHEET_BY_PROGRAM), plan,
                          g.REPORT_SUBTITLE_BY_PROGRAM.format(period=result.period.label))
    repeat = sum(heights)
    writer = _ProgramBlocks(sheet, fmt, colours, heights, result.status_errors)
    writer.target_lines = target_lines or {}
    writer.gap(6)
    first_row = writer.row
    records = _records_by_id(result)
    keep: list[tuple[int, int]] = []
    plan_total = 0
    for perspective in plan.perspectives:
        for program in plan.programs_of(perspective.number):
            start = writer.row
            plan_total += writer.block(program, perspective.label,
                                       [(i, records.get(i.id)) for i in plan.initiatives_of_program(program.number)])
            keep.append((start, writer.row - 1))
            writer.gap(10)
    writer.plan_total(plan_total)
    st.setup_a4(sheet, footer=g.REPORT_PAGE_FOOTER)
    sheet.repeat_rows(0, 2)
    sheet.fit_to_pages(1, 0)
    sheet.print_area(0, 0, writer.row - 1, len(PROGRAM_COLUMNS) - 1)
    page_pt = st.printable_height_pt() - repeat
    breaks = st.page_breaks(heights[first_row:], keep, page_pt, first_row=first_row)
    if breaks:
        sheet.set_h_pagebreaks(breaks)
    sheet.hide_gridlines(2)
    return sheet


class _ProgramBlocks(st.Rows):
    """Writes the 資料1-3 blocks row by row below the title rows (``heights``), recording row heights."""

    def __init__(self, sheet: Any, fmt: st.Formats, colours: dict[str, str], heights: list[float],
                 status_errors: frozenset[str] = frozenset()) -> None:
        super().__init__(sheet, heights)
        self.fmt, self.colours = fmt, colours
        #: 取組 reported with a 進捗状況 outside the scale: their 取組状況 says so, not 報告なし
        self.status_errors = status_errors
        self.target_lines: Mapping[str, Sequence[str]] = {}
        f = fmt
        self.bar = f.get(font_name=st.FONT_GOTHIC, font_size=SIZE_GROUP + 0.5, bold=True, bg_color="#DDEBF7",
                         border=1, valign="vcenter", text_wrap=True)
        self.label = f.get(font_name=st.FONT_GOTHIC, font_size=SIZE_HEADER, bold=True, bg_color="#F2F2F2",
                           border=1, valign="top", text_wrap=True)
        self.label_centre = f.get(font_name=st.FONT_GOTHIC, font_size=SIZE_HEADER, bold=True, bg_color="#D9D9D9",
                                  border=1, align="center", valign="vcenter", text_wrap=True)
        self.text = f.get(border=1, valign="top", text_wrap=True)
        self.name = f.get(font_name=st.FONT_GOTHIC, border=1, valign="vcenter", text_wrap=True, bold=True)
        self.centre = f.get(border=1, valign="vcenter", align="center", text_wrap=True)
        self.money = f.get(border=1, valign="vcenter", num_format="#,##0")
        self.total_label = f.get(font_name=st.FONT_GOTHIC, font_size=SIZE_HEADER, bold=True, bg_color="#F2F2F2",
                                 border=1, align="right", valign="vcenter")
        self.total = f.get(font_name=st.FONT_GOTHIC, bold=True, bg_color="#F2F2F2", border=1, valign="vcenter",
                           num_format="#,##0")
        self.status_formats = _StatusFormats(fmt, colours)
        self.px_label, self.px_text, self.px_name = (st.columns_px(PROGRAM_COLUMNS, first, last)
                                                     for first, last in ((0, 0), (1, 5), (1, 2)))

    def _text_row(self, label: str, text: str) -> None:
        _put(self.sheet, self.row, 0, 0, label, self.label)
        _put(self.sheet, self.row, 1, 5, text or g.REPORT_EMPTY, self.text)
        height = max(st.text_height(text, self.px_text, SIZE_BODY, 4),
                     st.text_height(label, self.px_label, SIZE_HEADER, 4))
        self.advance(height)

    def block(self, program: Program, perspective: str,
              items: list[tuple[Initiative, Record | None]]) -> int:
        """One 事業 block; returns its 財政効果額 total (千円)."""
        width = st.columns_px(PROGRAM_COLUMNS, 0, 5)
        _put(self.sheet, self.row, 0, 5, program.title, self.bar)
        self.advance(st.text_height(program.title, width, SIZE_GROUP + 0.5, 6))
        _put(self.sheet, self.row, 0, 0, g.REPORT_LABEL_PERSPECTIVE, self.label)
        _put(self.sheet, self.row, 1, 2, perspective, self.text)
        _put(self.sheet, self.row, 3, 3, g.REPORT_LABEL_DEPARTMENT, self.label)
        _put(self.sheet, self.row, 4, 5, program.department, self.text)
        self.advance(max(st.text_height(perspective, st.columns_px(PROGRAM_COLUMNS, 1, 2), SIZE_BODY, 4),
                      st.text_height(program.department, st.columns_px(PROGRAM_COLUMNS, 4, 5), SIZE_BODY, 4)))
        headers = g.REPORT_BY_PROGRAM_HEADERS
        for (first, last), label in zip(((0, 0), (1, 2), (3, 3), (4, 5)), headers):
            _put(self.sheet, self.row, first, last, label, self.label_centre)
        self.advance(st.text_height(headers[3], st.columns_px(PROGRAM_COLUMNS, 4, 5), SIZE_HEADER, 5))
        total = 0
        for initiative, record in items:
            status = _status_text(record)
            _put(self.sheet, self.row, 0, 0, initiative.id, self.centre)
            _put(self.sheet, self.row, 1, 2, initiative.name, self.name)
            _put(self.sheet, self.row, 3, 3, status, self.status_formats[status])
            effect = record.values.get("fiscal_effect") if record else None
            st.merge_cells(self.sheet, self.row, 4, self.row, 5, self.money)
            if isinstance(effect, (int, float)) and not isinstance(effect, bool):
                self.sheet.write_number(self.row, 4, effect, self.money)
                total += int(effect)
            else:
                self.sheet.write_blank(self.row, 4, None, self.money)
            self.advance(st.text_height(initiative.name, self.px_name, SIZE_BODY, 5))
            for label, key in zip(g.REPORT_BY_PROGRAM_TEXT_LABELS, ("progress", "next_steps", "delay_reason")):
                self._text_row(label, _text(record, key, initiative.id in self.status_errors))
            if initiative.id in self.target_lines:  # 数値目標: one line per indicator
                self._text_row(g.REPORT_LABEL_TARGETS, "\n".join(self.target_lines[initiative.id]))
        _put(self.sheet, self.row, 0, 3, g.REPORT_PROGRAM_TOTAL, self.total_label)
        st.merge_cells(self.sheet, self.row, 4, self.row, 5, self.total)
        self.sheet.write_number(self.row, 4, total, self.total)
        self.advance(st.row_height(1, SIZE_BODY, 5))
        return total

    def plan_total(self, total: int) -> None:
        """The whole plan's 財政効果額 total."""
        _put(self.sheet, self.row, 0, 3, g.REPORT_PLAN_TOTAL, self.total_label)
        st.merge_cells(self.sheet, self.row, 4, self.row, 5, self.total)
        self.sheet.write_number(self.row, 4, total, self.total)
        self.advance(st.row_height(1, SIZE_GROUP, 6))
