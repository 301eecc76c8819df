"""The movement sheets of the master: 「前期比較」「推移」「財政効果」 (xlsxwriter only).

Each sheet is printable on A4 like the report sheets (report margins, fit to the page width, page
numbers in the footer, the list's header row repeated on every page) and every row gets an explicit
height from its text. Tables of different shapes share one sheet through columns made of the union
of their column boundaries (:class:`SharedColumns`); a field spanning several of them is merged.
Statuses take the fixed colours used on every other sheet.
"""

from __future__ import annotations

from typing import Any, Sequence

from gyokaku_xl import text as g
from gyokaku_xl.domain.model import Plan, era_label
from gyokaku_xl.domain.content import Comparison, Fiscal, FiscalLine, Movement, Trend
from gyokaku_xl.render import styles as st
from gyokaku_xl.render.charts import add_trend_chart, thin_segments

SIZE_TITLE = 12
SIZE_HEADER = 9
SIZE_BODY = 9
SIZE_NOTE = 8
SIZE_HEADING = 10
#: Column boundaries closer than this (pixels) to an existing one are snapped to it.
SNAP_PX = 14


class SharedColumns:
    """Sheet columns shared by several tables: the union of their column boundaries (pixels).

    The first layout is kept exactly; the others' boundaries snap to a near one.
    """

    def __init__(self, primary: Sequence[float], *others: Sequence[float]) -> None:
        layouts = [self._bounds(primary)]
        bounds = set(layouts[0])
        for layout in others:
            own = [0]
            acc = 0.0
            for w in layout:
                acc += w
                b = round(acc)
                near = min(bounds, key=lambda x: abs(x - b))
                if abs(near - b) <= SNAP_PX and near > own[-1]:
                    b = near
                bounds.add(b)
                own.append(b)
            layouts.append(own)
        self.bounds = sorted(bounds)
        self._index = {b: n for n, b in enumerate(self.bounds)}
        self._layouts = layouts
        self.widths = tuple(st.width_of_px(b - a) for a, b in zip(self.bounds, self.bounds[1:]))
        self.last_col = len(self.widths) - 1
        self._px: dict[tuple[int, int], int] = {}

    @staticmethod
    def _bounds(widths: Sequence[float]) -> list[int]:
        out, acc = [0], 0.0
        for w in widths:
            acc += w
            out.append(round(acc))
        return out

    def span(self, layout: int, field: int) -> tuple[int, int]:
        """The grid columns (first, last) of field ``field`` of layout ``layout``."""
        own = self._layouts[layout]
        return self._index[own[field]], self._index[own[field + 1]] - 1

    def spans(self, layout: int) -> list[tuple[int, int]]:
        """Every field's grid columns for one layout."""
        return [self.span(layout, f) for f in range(len(self._layouts[layout]) - 1)]

    def last_of(self, layout: int) -> int:
        """The last grid column a layout uses."""
        return self._index[self._layouts[layout][-1]] - 1

    def px(self, first: int, last: int) -> int:
        """Pixel width of grid columns ``first``..``last``."""
        k = (first, last)
        if k not in self._px:
            self._px[k] = st.columns_px(self.widths, first, last)
        return self._px[k]


class Page(st.Rows):
    """Writes rows top to bottom on shared columns, with explicit heights: the A4 page of the movement
    sheets, also used by 「計画の変更」 and 「計画期間の総括」."""

    def __init__(self, workbook: Any, name: str, grid: SharedColumns) -> None:
        super().__init__(workbook.add_worksheet(name))
        self.fmt = st.Formats(workbook, font=st.FONT_MINCHO, size=SIZE_BODY)
        self.grid = grid
        self._capacities: dict[tuple[int, int, float], int] = {}
        for col, width in enumerate(grid.widths):
            self.sheet.set_column(col, col, width)

    def gothic(self, size: float = SIZE_BODY, **props: Any) -> Any:
        """A ＭＳ ゴシック format."""
        return self.fmt.get(font_name=st.FONT_GOTHIC, font_size=size, **props)

    def put(self, first: int, last: int, value: object, cell_format: Any) -> None:
        """Write a string or number into a cell or merged range of the current row."""
        if first != last:
            st.merge_cells(self.sheet, self.row, first, self.row, last, cell_format)
        if isinstance(value, int) and not isinstance(value, bool):
            self.sheet.write_number(self.row, first, value, cell_format)
        else:
            self.sheet.write_string(self.row, first, str(value), cell_format)

    def height_of(self, first: int, last: int, text: str, size: float, extra: float = 4.0) -> float:
        """Row height that shows ``text`` wrapped across columns ``first``..``last``."""
        return st.text_height(text, self.grid.px(first, last), size, extra)

    def line(self, text: str, cell_format: Any, size: float, first: int = 0, last: int | None = None) -> int:
        """One wrapped text row."""
        last = self.grid.last_col if last is None else last
        self.put(first, last, text, cell_format)
        return self.advance(self.height_of(first, last, text, size))

    def title(self, plan: Plan, subtitle: str) -> None:
        """Plan name and subtitle, centred."""
        title = self.gothic(SIZE_TITLE, bold=True, align="center", valign="vcenter", text_wrap=True)
        self.line(plan.name, title, SIZE_TITLE)
        self.line(subtitle, title, SIZE_TITLE)
        self.advance(6)

    def note(self, text: str) -> int:
        """A small note line across the sheet."""
        return self.line(text, self.fmt.get(font_size=SIZE_NOTE, text_wrap=True, valign="top"), SIZE_NOTE)

    def heading(self, text: str) -> int:
        """A bold table heading."""
        return self.line(text, self.gothic(SIZE_HEADING, bold=True, valign="vcenter"), SIZE_HEADING)

    def cells(self, spans: Sequence[tuple[int, int]], values: Sequence[object], formats: Sequence[Any],
              sizes: Sequence[float], extra: float = 4.0) -> int:
        """One table row: each value into its span; the row is as tall as its tallest text."""
        lines = 1
        for (first, last), value, cell_format, size in zip(spans, values, formats, sizes):
            self.put(first, last, value, cell_format)
            if isinstance(value, str):
                cap = self._capacity(first, last, size)
                if "\n" in value or st.text_units(value) > cap:
                    lines = max(lines, st.wrapped_line_count(value, cap))
        return self.advance(st.row_height(lines, max(sizes), extra))

    def _capacity(self, first: int, last: int, size: float) -> int:
        k = (first, last, size)
        if k not in self._capacities:
            self._capacities[k] = st.capacity_units(self.grid.px(first, last), size)
        return self._capacities[k]

    def finish(self, *, landscape: bool, repeat: int | None, header: str) -> Any:
        """A4 set-up shared with the report sheets; returns the worksheet."""
        sheet = self.sheet
        st.setup_a4(sheet, landscape=landscape, footer=g.REPORT_PAGE_FOOTER)
        sheet.set_header(f"&R{header.replace('&', '&&')}", {"margin": st.HEADER_FOOTER_MARGIN})
        sheet.fit_to_pages(1, 0)
        sheet.print_area(0, 0, max(self.row - 1, 0), self.grid.last_col)
        if repeat is not None:
            sheet.repeat_rows(repeat)
        sheet.hide_gridlines(2)
        return sheet


# --- 前期比較 ---------------------------------------------------------------------------------------
#: 取組番号, 取組名, 事業, 所管課, 前期, 今期, 変化 (pixels; A4 landscape, like 資料1-2's list)
COMPARISON_PX = (56, 270, 220, 130, 140, 140, 74)
TRANSITION_LABEL_PX = 112
TRANSITION_COUNT_PX = 56


def write_comparison_sheet(workbook: Any, plan: Plan, comparison: Comparison, colours: dict[str, str]) -> Any:
    """Add 「前期比較」: the transition table, then every 取組 with its change; returns the worksheet.

    Without a previous period the sheet says so and shows this period's status counts (the
    per-取組 statuses are on 資料1-2; a list with nothing to compare would only repeat it).
    """
    current, previous = comparison.current, comparison.previous
    if previous is None:
        return _first_period_sheet(workbook, plan, comparison, colours)
    k = len(comparison.column_labels) + 1
    count_px = min(TRANSITION_COUNT_PX, (sum(COMPARISON_PX) - TRANSITION_LABEL_PX) / k)
    grid = SharedColumns(COMPARISON_PX, (TRANSITION_LABEL_PX, *[count_px] * k))
    page = Page(workbook, g.SHEET_COMPARISON, grid)
    page.title(plan, g.MOVEMENT_DOC_TITLE_COMPARISON.format(previous=previous.label, current=current.label))
    parts = g.SEP_DOT.join(g.MOVEMENT_CHANGE_PART.format(change=c, count=n) for c, n in comparison.counts)
    page.line(g.MOVEMENT_CHANGE_COUNTS.format(parts=parts), page.gothic(SIZE_BODY, bold=True, valign="vcenter"),
              SIZE_BODY)
    on_track = "".join(g.QUOTED.format(s) for s in plan.scale.on_track)
    page.note(g.MOVEMENT_RULE_ON_TRACK.format(on_track=on_track))
    page.advance(4)
    _transition_table(page, comparison, colours)
    page.advance(8)
    page.heading(g.MOVEMENT_LIST_HEADING)
    header_row = _comparison_list(page, comparison, colours)
    return page.finish(landscape=True, repeat=header_row, header=g.SHEET_COMPARISON)


def _first_period_sheet(workbook: Any, plan: Plan, comparison: Comparison, colours: dict[str, str]) -> Any:
    """「前期比較」 without a previous period: a clear note and this period's status counts."""
    statuses = plan.scale.names
    labels = (*statuses, g.CHANGE_NOT_REPORTED, g.REPORT_TOTAL)
    count_px = min(TRANSITION_COUNT_PX + 14, (sum(COMPARISON_PX) - 2 * TRANSITION_LABEL_PX) / len(labels))
    grid = SharedColumns(COMPARISON_PX, (2 * TRANSITION_LABEL_PX, *[count_px] * len(labels)))
    page = Page(workbook, g.SHEET_COMPARISON, grid)
    page.title(plan, g.MOVEMENT_DOC_TITLE_COMPARISON_NONE.format(current=comparison.current.label))
    page.line(g.MOVEMENT_NO_PREVIOUS.format(current=comparison.current.label),
              page.gothic(SIZE_BODY, text_wrap=True, valign="vcenter", border=1, bg_color="#FFF2CC"), SIZE_BODY)
    page.advance(8)
    page.heading(g.MOVEMENT_CURRENT_HEADING)
    spans = grid.spans(1)
    base = {"border": 1, "valign": "vcenter", "text_wrap": True}
    head = page.gothic(SIZE_HEADER, bold=True, align="center", bg_color="#D9D9D9", **base)
    heads = [page.gothic(SIZE_HEADER, bold=True, align="center", **base,
                         **(st.status_fill(colours, s) or {"bg_color": "#D9D9D9"})) for s in labels]
    page.cells(spans, (g.MOVEMENT_CURRENT_CORNER, *labels), [head, *heads], [SIZE_HEADER] * len(spans))
    found = [r.current for r in comparison.rows]
    counts = [found.count(s) for s in statuses] + [found.count("")]
    number = page.gothic(SIZE_BODY, align="center", num_format="0", **base)
    total = page.gothic(SIZE_BODY, align="center", num_format="0", bold=True, bg_color="#F2F2F2", **base)
    page.cells(spans, (comparison.current.label, *counts, sum(counts)),
               [page.gothic(SIZE_BODY, **base), *[number] * len(counts), total], [SIZE_BODY] * len(spans))
    page.advance(6)
    page.note(g.MOVEMENT_CURRENT_NOTE)
    return page.finish(landscape=True, repeat=None, header=g.SHEET_COMPARISON)


def _transition_table(page: Page, comparison: Comparison, colours: dict[str, str]) -> None:
    page.heading(g.MOVEMENT_TRANSITION_HEADING)
    spans = page.grid.spans(1)
    base = {"border": 1, "valign": "vcenter", "text_wrap": True}
    head = page.gothic(SIZE_HEADER, bold=True, align="center", bg_color="#D9D9D9", **base)
    columns = (*comparison.column_labels, g.REPORT_TOTAL)

    def label_format(label: str) -> Any:
        return page.gothic(SIZE_HEADER, bold=True, align="center", **base,
                           **(st.status_fill(colours, label) or {"bg_color": "#D9D9D9"}))

    page.cells(spans, (g.MOVEMENT_TRANSITION_CORNER, *columns),
               [head, *[label_format(c) for c in comparison.column_labels], head], [SIZE_HEADER] * len(spans))
    names = set(comparison.column_labels[:-1])
    totals = [0] * len(columns)
    for r, label in enumerate(comparison.row_labels):
        counts = list(comparison.matrix[r])
        values = [*counts, sum(counts)]
        formats = []
        for c, count in enumerate(counts):
            to = comparison.column_labels[c]
            if count == 0:
                formats.append(page.gothic(SIZE_BODY, align="center", font_color="#A6A6A6", num_format="0", **base))
            elif to == label:
                formats.append(page.gothic(SIZE_BODY, align="center", num_format="0", **base))
            else:
                fill = st.status_fill(colours, to, 0.7) if to in names else {"bg_color": "#EDEDED"}
                formats.append(page.gothic(SIZE_BODY, align="center", bold=True, num_format="0", **base, **fill))
            totals[c] += count
        totals[-1] += sum(counts)
        formats.append(page.gothic(SIZE_BODY, align="center", bold=True, num_format="0", bg_color="#F2F2F2", **base))
        page.cells(spans, (label, *values), [label_format(label), *formats], [SIZE_HEADER] * len(spans))
    total_fmt = page.gothic(SIZE_BODY, align="center", bold=True, num_format="0", bg_color="#F2F2F2", **base)
    page.cells(spans, (g.REPORT_TOTAL, *totals), [head, *[total_fmt] * len(totals)], [SIZE_HEADER] * len(spans))


def _comparison_list(page: Page, comparison: Comparison, colours: dict[str, str]) -> int:
    """The list of every 取組; returns the header row (repeated on every printed page)."""
    spans = page.grid.spans(0)
    previous = comparison.previous.label if comparison.previous else ""
    headers = [h.format(previous=previous, current=comparison.current.label)
               for h in g.MOVEMENT_COMPARISON_HEADERS]
    head = page.gothic(SIZE_HEADER, bold=True, align="center", valign="vcenter", border=1, bg_color="#D9D9D9",
                       text_wrap=True)
    header_row = page.cells(spans, headers, [head] * len(spans), [SIZE_HEADER] * len(spans))
    text = page.fmt.get(border=1, valign="top", text_wrap=True)
    centre = page.fmt.get(border=1, valign="top", align="center", text_wrap=True)
    sizes = [SIZE_BODY] * len(spans)
    status_formats: dict[tuple[str, bool], Any] = {}

    def status_format(status: str, stand_out: bool) -> Any:
        k = (status, stand_out)
        if k not in status_formats:
            fill = st.status_fill(colours, status) if stand_out else {}
            status_formats[k] = page.gothic(SIZE_BODY, border=1, align="center", valign="top", text_wrap=True,
                                            bold=stand_out, **fill)
        return status_formats[k]

    grey = page.gothic(SIZE_BODY, border=1, align="center", valign="top", font_color="#7F7F7F")
    not_reported = page.gothic(SIZE_BODY, border=1, align="center", valign="top", bold=True, bg_color="#D9D9D9")
    for row in comparison.rows:
        stand_out = row.change != g.CHANGE_UNCHANGED
        prev_fmt = status_format(row.previous, row.changed) if row.previous else grey
        cur_fmt = status_format(row.current, stand_out) if row.current else not_reported
        if row.change == g.CHANGE_UNCHANGED:
            change, change_fmt = row.change, grey
        elif row.change == g.CHANGE_NOT_REPORTED:
            change, change_fmt = row.change, not_reported
        else:
            change, change_fmt = row.change, status_format(row.current, True)
        name = g.NAME_WITH_NOTE.format(name=row.name, note=row.note) if row.note else row.name  # what a plan change did
        values = (row.initiative_id, name, row.program, row.department,
                  row.previous or g.MOVEMENT_EMPTY, row.current or g.MOVEMENT_EMPTY, change)
        page.cells(spans, values, (centre, text, text, text, prev_fmt, cur_fmt, change_fmt), sizes)
    return header_row


# --- 推移 -------------------------------------------------------------------------------------------
TREND_LABEL_PX = 150
TREND_COUNT_PX = 62
TREND_SHARE_PX = 112
TREND_CHART_HEIGHT_PX = 320


def write_trend_sheet(workbook: Any, plan: Plan, trend: Trend, colours: dict[str, str]) -> Any:
    """Add 「推移」: one row per period and a stacked column chart of it; returns the worksheet."""
    n = len(trend.statuses)
    page_px = st.printable_px()
    count_px = min(TREND_COUNT_PX, (page_px - TREND_LABEL_PX - TREND_SHARE_PX) / (n + 1))
    grid = SharedColumns((TREND_LABEL_PX, *[count_px] * (n + 1), TREND_SHARE_PX))
    page = Page(workbook, g.SHEET_TREND, grid)
    first, last = trend.rows[0].period, trend.rows[-1].period
    page.title(plan, g.MOVEMENT_TREND_TITLE.format(first=first.label, last=last.label) if first != last
               else g.MOVEMENT_TREND_TITLE_ONE.format(period=last.label))
    on_track = "".join(g.QUOTED.format(s) for s in plan.scale.on_track)
    page.note(g.MOVEMENT_TREND_NOTE.format(on_track=on_track, rounding=plan.rounding))
    if trend.has_other:
        page.note(g.MOVEMENT_TREND_OTHER_NOTE)
    if len(trend.rows) == 1:
        page.note(g.MOVEMENT_TREND_ONLY_CURRENT)
    if trend.not_reported:
        page.note(g.TREND_TOTAL_NOTE.format(missing=trend.not_reported))
    page.advance(4)
    spans = grid.spans(0)
    base = {"border": 1, "valign": "vcenter", "text_wrap": True}
    head = page.gothic(SIZE_HEADER, bold=True, align="center", bg_color="#D9D9D9", **base)
    status_heads = [page.gothic(SIZE_HEADER, bold=True, align="center", **base,
                                **(st.status_fill(colours, s) or {"bg_color": "#D9D9D9"})) for s in trend.statuses]
    headers = (g.MOVEMENT_TREND_PERIOD, *trend.statuses, g.REPORT_TOTAL, g.MOVEMENT_TREND_SHARE)
    header_row = page.cells(spans, headers, [head, *status_heads, head, head], [SIZE_HEADER] * len(spans))
    first_row = page.row
    for row in trend.rows:
        bold = {"bold": True, "bg_color": "#FFF2CC"} if row.is_current else {}
        label = page.gothic(SIZE_BODY, **base, **bold)
        number = page.gothic(SIZE_BODY, align="center", num_format="0", **base, **bold)
        page.cells(spans, (row.period.label, *row.counts, row.total, row.share),
                   [label, *[number] * (n + 2)], [SIZE_BODY] * len(spans))
    last_row = page.row - 1
    if trend.changes:  # how the plan changed between the periods counted
        parts = g.SEP_LIST.join(g.TREND_CHANGES_PART.format(period=p.label, added=a, ended=e) for p, a, e in trend.changes)
        page.advance(4)
        page.note(g.TREND_CHANGES_NOTE.format(parts=parts))
    page.advance(10)
    page.heading(g.MOVEMENT_TREND_CHART_HEADING)
    chart_row = page.row
    for _ in range(TREND_CHART_HEIGHT_PX // 20 + 1):  # rows the chart sits on, so the print area holds it
        page.advance(15)
    series = [(spans[1 + i][0], status, colours.get(status, "#7F7F7F")) for i, status in enumerate(trend.statuses)]
    counts = [tuple(row.counts[i] for row in trend.rows) for i in range(n)]
    add_trend_chart(workbook, page.sheet, sheet_name=g.SHEET_TREND, header_row=header_row,
                    rows=(first_row, last_row), category_col=spans[0][0], series=series,
                    anchor=(chart_row, 0), size=(grid.px(0, grid.last_col) - 4, TREND_CHART_HEIGHT_PX),
                    counts=counts)
    if any(any(thin) for thin in thin_segments(counts, TREND_CHART_HEIGHT_PX)):
        page.note(g.TREND_CHART_SMALL_NOTE)
    return page.finish(landscape=False, repeat=header_row, header=g.SHEET_TREND)


# --- 財政効果 ---------------------------------------------------------------------------------------
FISCAL_NUMBER_PX = 64
FISCAL_NAME_PX = 230
FISCAL_DEPARTMENT_PX = 110
#: The 所管課 column widens up to this so that the plan's longest department name stays on one line.
FISCAL_DEPARTMENT_MAX_PX = 170
FISCAL_YEAR_PX = 84
FISCAL_SUM_PX = 92
FISCAL_RATE_PX = 86
FISCAL_BY_YEAR_LABEL_PX = 120


def write_fiscal_sheet(workbook: Any, plan: Plan, fiscal: Fiscal) -> Any:
    """Add 「財政効果」: 事業別 and 取組の視点別 per year and 累計, with 目標額 and 達成率; returns it."""
    years = len(fiscal.years)
    target_px = (FISCAL_SUM_PX, FISCAL_RATE_PX) if fiscal.has_targets else ()
    numbers = (*[FISCAL_YEAR_PX] * years, FISCAL_SUM_PX, *target_px)
    department_px = _department_px([line.labels[2] for line in fiscal.programs if len(line.labels) > 2])
    program_layout = (FISCAL_NUMBER_PX, FISCAL_NAME_PX, department_px, *numbers)
    perspective_layout = (FISCAL_NUMBER_PX + FISCAL_NAME_PX + department_px, *numbers)
    layouts: list[Sequence[float]] = [program_layout, perspective_layout]
    if fiscal.by_year:
        rest = (sum(program_layout) - FISCAL_BY_YEAR_LABEL_PX) / 6
        layouts.append((FISCAL_BY_YEAR_LABEL_PX, *[max(rest, 80)] * 6))
    grid = SharedColumns(*layouts)
    page = Page(workbook, g.SHEET_FISCAL, grid)
    current = fiscal.years[-1] if fiscal.years else None
    page.title(plan, g.MOVEMENT_FISCAL_TITLE.format(period=current.label if current else ""))
    page.note(g.MOVEMENT_FISCAL_RULE)
    if fiscal.any_amount:
        page.note(g.FISCAL_DASH_NOTE)
    for text in _carried_notes(fiscal):
        page.note(text)
    if fiscal.has_targets or fiscal.by_year:
        page.note(g.MOVEMENT_FISCAL_RATE_NOTE.format(rounding=plan.rounding))
    if fiscal.partial_targets:
        page.note(g.MOVEMENT_FISCAL_PARTIAL_NOTE)
    if fiscal.unmatched:
        page.note(g.MOVEMENT_FISCAL_UNMATCHED.format(amount=f"{fiscal.unmatched:,}"))
    if not fiscal.any_amount:
        page.note(g.MOVEMENT_FISCAL_NO_AMOUNTS)
    for note in fiscal.notes:
        page.note(note)
    page.advance(6)
    styles = _FiscalStyles(page)
    year_headers = [g.MOVEMENT_FISCAL_YEAR_HEADER.format(year=p.year_label, half=p.half) for p in fiscal.years]
    number_headers = [*year_headers, g.MOVEMENT_FISCAL_CUMULATIVE,
                      *((g.MOVEMENT_FISCAL_TARGET, g.MOVEMENT_FISCAL_RATE) if fiscal.has_targets else ())]
    # summary first (取組の視点別, 年度別), then the long 事業別 list whose header repeats on every page
    page.heading(g.MOVEMENT_FISCAL_BY_PERSPECTIVE)
    page.cells(grid.spans(1), [g.MOVEMENT_FISCAL_PERSPECTIVE_HEADER, *number_headers],
               [styles.head] * len(perspective_layout), [SIZE_HEADER] * len(perspective_layout))
    for line in fiscal.perspectives:
        _fiscal_line(page, styles, grid.spans(1), line, fiscal.has_targets, False)
    _fiscal_line(page, styles, grid.spans(1), fiscal.total, fiscal.has_targets, True)
    if fiscal.by_year:
        page.advance(12)
        page.heading(g.MOVEMENT_FISCAL_BY_YEAR)
        spans = grid.spans(2)
        page.cells(spans, g.MOVEMENT_FISCAL_YEAR_HEADERS, [styles.head] * len(spans), [SIZE_HEADER] * len(spans))
        for y in fiscal.by_year:
            values = (era_label(y.year), y.amount, y.target, y.rate, y.cumulative, y.cumulative_target,
                      y.cumulative_rate)
            page.cells(spans, [g.MOVEMENT_EMPTY if v is None else v for v in values],
                       [styles.label, *[styles.money_or_dash(v) for v in values[1:]]], [SIZE_BODY] * len(spans))
    page.advance(12)
    page.heading(g.MOVEMENT_FISCAL_BY_PROGRAM)
    header_row = page.cells(grid.spans(0), [*g.MOVEMENT_FISCAL_PROGRAM_HEADERS, *number_headers],
                            [styles.head] * len(program_layout), [SIZE_HEADER] * len(program_layout))
    group_fmt = page.gothic(SIZE_BODY, bold=True, bg_color="#EDEDED", border=1, valign="vcenter", text_wrap=True)
    last_number = grid.last_of(0)
    starts = dict(_first_program_of_perspectives(plan))
    for n, line in enumerate(fiscal.programs):
        if n in starts:
            page.line(starts[n].label, group_fmt, SIZE_BODY, 0, last_number)
        _fiscal_line(page, styles, grid.spans(0), line, fiscal.has_targets, False)
    _fiscal_line(page, styles, [(0, grid.span(0, 2)[1]), *grid.spans(0)[3:]], fiscal.total, fiscal.has_targets, True)
    landscape = sum(program_layout) > st.printable_px()
    return page.finish(landscape=landscape, repeat=header_row, header=g.SHEET_FISCAL)


def _department_px(departments: Sequence[str]) -> float:
    """The 所管課 column: :data:`FISCAL_DEPARTMENT_PX`, wider (up to the maximum) where the longest
    name needs it, so a 事業 row is not two lines tall for its 所管課 alone."""
    half_px = SIZE_BODY * 96 / 72 / 2 * st.WIDTH_SAFETY
    longest = max((st.text_units(d) for d in departments), default=0)
    return min(FISCAL_DEPARTMENT_MAX_PX, max(FISCAL_DEPARTMENT_PX, longest * half_px + st.CELL_PADDING_PX + 2))


def _carried_notes(fiscal: Fiscal) -> list[str]:
    """One note per year whose latest report left amounts to an earlier report: which 取組, how much."""
    groups: dict[tuple[Any, Any], list[Any]] = {}
    for c in fiscal.carried:
        groups.setdefault((c.period, c.source), []).append(c)
    notes = []
    for (period, source), items in groups.items():
        parts = [g.FISCAL_CARRIED_PART.format(initiative_id=c.initiative_id, name=c.name, amount=f"{c.amount:,}")
                 for c in items[:g.FISCAL_CARRIED_LISTED]]
        if len(items) > g.FISCAL_CARRIED_LISTED:
            parts.append(g.FISCAL_CARRIED_MORE.format(count=len(items) - g.FISCAL_CARRIED_LISTED))
        notes.append(g.FISCAL_CARRIED_NOTE.format(period=period.label, earlier=source.half,
                                                  parts=g.SEP_LIST.join(parts)))
    return notes


def _first_program_of_perspectives(plan: Plan) -> list[tuple[int, Any]]:
    """(index in 財政効果's program order, perspective) of each perspective's first 事業."""
    out, n = [], 0
    for perspective in plan.perspectives:
        programs = plan.programs_of(perspective.number)
        if programs:
            out.append((n, perspective))
            n += len(programs)
    return out


class _FiscalStyles:
    def __init__(self, page: Page) -> None:
        base = {"border": 1, "valign": "vcenter"}
        self.head = page.gothic(SIZE_HEADER, bold=True, align="center", bg_color="#D9D9D9", text_wrap=True, **base)
        self.label = page.fmt.get(text_wrap=True, **base)
        self.centre = page.fmt.get(align="center", text_wrap=True, **base)
        self.money = page.fmt.get(num_format="#,##0", **base)
        self.rate = page.fmt.get(num_format="0", align="right", **base)
        self.dash = page.fmt.get(align="center", font_color="#7F7F7F", **base)
        total = {"bold": True, "bg_color": "#F2F2F2"}
        self.total_label = page.gothic(SIZE_BODY, text_wrap=True, **base, **total)
        self.total_money = page.gothic(SIZE_BODY, num_format="#,##0", **base, **total)
        self.total_rate = page.gothic(SIZE_BODY, num_format="0", align="right", **base, **total)
        self.total_dash = page.gothic(SIZE_BODY, align="center", **base, **total)

    def money_or_dash(self, value: object) -> Any:
        return self.dash if value is None else self.money


def _fiscal_line(page: Page, styles: _FiscalStyles, spans: Sequence[tuple[int, int]], line: FiscalLine,
                 targets: bool, total: bool) -> None:
    n_labels = len(spans) - len(line.amounts) - 1 - (2 if targets else 0)
    labels = list(line.labels[:n_labels])
    numbers: list[int | None] = [*line.amounts, line.cumulative]
    if targets:
        numbers += [line.target]
    values: list[object] = [*labels, *[g.MOVEMENT_EMPTY if v is None else v for v in numbers]]
    if total:
        label_fmts = [styles.total_label] * len(labels)
        fmts = [styles.total_dash if v is None else styles.total_money for v in numbers]
    else:
        label_fmts = [styles.centre if i == 0 and len(labels) > 1 else styles.label for i in range(len(labels))]
        fmts = [styles.dash if v is None else styles.money for v in numbers]
    if targets:
        values.append(g.MOVEMENT_EMPTY if line.rate is None else line.rate)
        if total:
            fmts.append(styles.total_dash if line.rate is None else styles.total_rate)
        else:
            fmts.append(styles.dash if line.rate is None else styles.rate)
    page.cells(spans, values, [*label_fmts, *fmts], [SIZE_BODY] * len(spans))


# --- entry point ---------------------------------------------------------------------------------
def add_movement_sheets(workbook: Any, plan: Plan, movement: Movement, colours: dict[str, str]) -> None:
    """Add 「前期比較」「推移」「財政効果」, in that order."""
    write_comparison_sheet(workbook, plan, movement.comparison, colours)
    write_trend_sheet(workbook, plan, movement.trend, colours)
    write_fiscal_sheet(workbook, plan, movement.fiscal)
