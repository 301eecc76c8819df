"""The 「計画期間の総括」 workbook (xlsxwriter only): final statuses per 取組の視点, 財政効果 over the
whole term against the targets, and every 取組 with its status in each period, on A4 landscape."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gyokaku_xl import text as g
from gyokaku_xl.core.term_report import TermReport
from gyokaku_xl.domain.model import era_label
from gyokaku_xl.render.master import new_workbook
from gyokaku_xl.render.movement import SIZE_BODY, SIZE_HEADER, Page, SharedColumns
from gyokaku_xl.render.styles import status_colours, status_fill, use_fonts

ID_PX = 56
NAME_PX = 230
DEPARTMENT_PX = 100
PERIOD_PX = 62
CHANGES_PX = 230
COUNT_LABEL_PX = 220
COUNT_PX = 70
FISCAL_PX = (56, 220, 100)
YEAR_PX = 84


def write_term_report(path: Path, report: TermReport) -> None:
    """Write the 総括 workbook at ``path`` (one sheet, 「計画期間の総括」)."""
    plan = report.plan
    first, last = report.periods[0], report.periods[-1]
    title = g.TERM_TITLE.format(first=first.label, last=last.label)
    workbook = new_workbook(path, title=f"{plan.name} {title}")
    use_fonts(workbook, plan.fonts)
    colours = status_colours(plan.scale.names, plan.scale.on_track)
    n = len(report.periods)
    list_layout = (ID_PX, NAME_PX, DEPARTMENT_PX, *[PERIOD_PX] * n, PERIOD_PX, CHANGES_PX)
    counts_layout = (COUNT_LABEL_PX, *[COUNT_PX] * (len(report.counts.labels) + 1))
    years = len(report.fiscal.years)
    fiscal_layout = (*FISCAL_PX, *[YEAR_PX] * years, YEAR_PX, YEAR_PX, YEAR_PX)
    by_year_layout = (COUNT_LABEL_PX, *[(sum(fiscal_layout) - COUNT_LABEL_PX) / 6] * 6)
    grid = SharedColumns(list_layout, counts_layout, fiscal_layout, by_year_layout)
    page = Page(workbook, g.SHEET_TERM_REPORT, grid)
    page.title(plan, title)
    _counts(page, report, colours)
    page.advance(10)
    _fiscal(page, report)
    page.sheet.set_h_pagebreaks([page.row])  # the list of every 取組 starts on a page of its own
    header_row = _list(page, report, colours)
    page.finish(landscape=True, repeat=header_row, header=g.SHEET_TERM_REPORT)
    workbook.close()


def _styles(page: Page) -> dict[str, Any]:
    base = {"border": 1, "valign": "vcenter", "text_wrap": True}
    return {
        "head": page.gothic(SIZE_HEADER, bold=True, align="center", bg_color="#D9D9D9", **base),
        "label": page.fmt.get(**base),
        "centre": page.fmt.get(align="center", **base),
        "number": page.gothic(SIZE_BODY, align="center", num_format="0", **base),
        "total": page.gothic(SIZE_BODY, align="center", num_format="0", bold=True, bg_color="#F2F2F2", **base),
        "total_label": page.gothic(SIZE_BODY, bold=True, bg_color="#F2F2F2", **base),
        "money": page.fmt.get(num_format="#,##0", **base),
        "money_total": page.gothic(SIZE_BODY, num_format="#,##0", bold=True, bg_color="#F2F2F2", **base),
        "dash": page.fmt.get(align="center", font_color="#7F7F7F", **base),
    }


def _counts(page: Page, report: TermReport, colours: dict[str, str]) -> None:
    s = _styles(page)
    spans = page.grid.spans(1)
    labels = report.counts.labels
    page.heading(g.TERM_HEADING_COUNTS)
    heads = [page.gothic(SIZE_HEADER, bold=True, align="center", border=1, valign="vcenter", text_wrap=True,
                         **(status_fill(colours, label) or {"bg_color": "#D9D9D9"})) for label in labels]
    page.cells(spans, (g.TERM_COUNTS_CORNER, *labels, g.REPORT_TOTAL), [s["head"], *heads, s["head"]],
               [SIZE_HEADER] * len(spans))
    for label, counts, total in report.counts.rows:
        page.cells(spans, (label, *counts, total), [s["label"], *[s["number"]] * len(counts), s["total"]],
                   [SIZE_BODY] * len(spans))
    counts, total = report.counts.total
    page.cells(spans, (g.REPORT_TOTAL, *counts, total), [s["total_label"], *[s["total"]] * (len(counts) + 1)],
               [SIZE_BODY] * len(spans))
    page.note(g.TERM_COUNTS_NOTE)


def _fiscal(page: Page, report: TermReport) -> None:
    s = _styles(page)
    fiscal = report.fiscal
    spans = page.grid.spans(2)
    page.heading(g.TERM_HEADING_FISCAL)
    years = [g.MOVEMENT_FISCAL_YEAR_HEADER.format(year=p.year_label, half=p.half) for p in fiscal.years]
    headers = (*g.MOVEMENT_FISCAL_PROGRAM_HEADERS, *years, g.MOVEMENT_FISCAL_CUMULATIVE, g.MOVEMENT_FISCAL_TARGET,
               g.MOVEMENT_FISCAL_RATE)
    page.cells(spans, headers, [s["head"]] * len(spans), [SIZE_HEADER] * len(spans))
    for line in (*fiscal.programs, fiscal.total):
        total = line is fiscal.total
        labels = list(line.labels) + [""] * (3 - len(line.labels))
        numbers = [*line.amounts, line.cumulative, line.target, line.rate]
        values = [*labels, *[g.TERM_NOTE_EMPTY if v is None else v for v in numbers]]
        money = s["money_total"] if total else s["money"]
        formats = [s["total_label"] if total else (s["centre"] if i == 0 else s["label"]) for i in range(3)]
        formats += [s["dash"] if v is None else money for v in numbers]
        if total:
            page.put(spans[0][0], spans[2][1], labels[0], s["total_label"])
            page.cells(spans[3:], values[3:], formats[3:], [SIZE_BODY] * (len(spans) - 3))
        else:
            page.cells(spans, values, formats, [SIZE_BODY] * len(spans))
    page.note(g.MOVEMENT_FISCAL_RATE_NOTE.format(rounding=report.plan.rounding))
    for note in fiscal.notes:
        page.note(note)
    if fiscal.by_year:  # the plan's yearly targets (財政効果目標): each year and cumulatively
        page.advance(6)
        page.heading(g.MOVEMENT_FISCAL_BY_YEAR)
        spans = page.grid.spans(3)
        page.cells(spans, g.MOVEMENT_FISCAL_YEAR_HEADERS, [s["head"]] * len(spans), [SIZE_HEADER] * len(spans))
        for y in fiscal.by_year:
            values = (y.amount, y.target, y.rate, y.cumulative, y.cumulative_target, y.cumulative_rate)
            page.cells(spans, [era_label(y.year), *[g.TERM_NOTE_EMPTY if v is None else v for v in values]],
                       [s["label"], *[s["dash"] if v is None else s["money"] for v in values]],
                       [SIZE_BODY] * len(spans))


def _list(page: Page, report: TermReport, colours: dict[str, str]) -> int:
    s = _styles(page)
    spans = page.grid.spans(0)
    page.heading(g.TERM_HEADING_LIST)
    periods = [g.TERM_LIST_PERIOD.format(year=p.year_label, half=p.half) for p in report.periods]
    header_row = page.cells(spans, (*g.TERM_LIST_HEADERS, *periods, g.TERM_LIST_FINAL, g.TERM_LIST_CHANGES),
                            [s["head"]] * len(spans), [SIZE_HEADER] * len(spans))
    status_formats: dict[str, Any] = {}

    def status_format(status: str) -> Any:
        if status not in status_formats:
            status_formats[status] = page.gothic(SIZE_BODY, border=1, align="center", valign="vcenter",
                                                 text_wrap=True, **status_fill(colours, status, 0.7))
        return status_formats[status]

    small = page.fmt.get(border=1, valign="vcenter", text_wrap=True, font_size=SIZE_BODY - 1)
    for row in report.rows:
        values = (row.initiative_id, row.name, row.department,
                  *[v or g.TERM_NOTE_EMPTY for v in row.statuses], row.final or g.TERM_NOTE_EMPTY,
                  "\n".join(row.changes))
        formats = (s["centre"], s["label"], s["label"], *[status_format(v) if v else s["dash"] for v in row.statuses],
                   status_format(row.final) if row.final else s["dash"], small)
        page.cells(spans, values, formats, [SIZE_BODY] * len(spans))
    return header_row
