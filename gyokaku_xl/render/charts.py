"""The status chart of 資料1-1: a pie of the status counts, labelled ``count(status)``.

Slices take the fixed status colours; the legend follows the scale order (the categories are the
table's header cells). Labels are placed "best fit" (inside a slice when they fit, else outside
with a leader line); zero-count slices get no label, and the chart is turned so the largest slice
sits at 9 o'clock — the small ones then gather at 3 o'clock, where their outside labels stack
vertically instead of overlapping.
"""

from __future__ import annotations

import math
from typing import Any

from gyokaku_xl import text as g
from gyokaku_xl.domain.content import ChartPoint
from gyokaku_xl.render.styles import FONT_GOTHIC, font_for

LABEL_FONT_SIZE = 7.5
LEGEND_FONT_SIZE = 8
#: Zero-count slices are not drawn, so their labels are removed (no label pile at one angle).
_DELETED = {"delete": True}


def rotation_for(counts: list[int]) -> int:
    """First-slice angle (0–359) that centres the largest slice at 270° (9 o'clock)."""
    total = sum(counts)
    if total <= 0:
        return 0
    biggest = max(range(len(counts)), key=lambda i: counts[i])
    start = sum(counts[:biggest]) / total * 360
    centre = start + counts[biggest] / total * 180
    return int(round(270 - centre)) % 360


def custom_labels(points: tuple[ChartPoint, ...], font_name: str = FONT_GOTHIC) -> list[dict[str, Any]]:
    """One xlsxwriter custom data label per point: the text ``count(status)``, or deleted at 0."""
    font = {"name": font_name, "size": LABEL_FONT_SIZE}
    return [{"value": p.label, "font": font} if p.count else dict(_DELETED) for p in points]


def add_status_chart(workbook: Any, sheet: Any, *, sheet_name: str, categories: tuple[int, int, int],
                     values: tuple[int, int, int], points: tuple[ChartPoint, ...],
                     colours: dict[str, str], anchor: tuple[int, int], size: tuple[int, int],
                     offset: tuple[int, int] = (0, 0)) -> Any:
    """Insert the status pie at ``anchor`` (row, col) with ``size`` (width, height) in pixels.

    ``categories`` and ``values`` are (row, first col, last col) of the status names and counts on
    ``sheet_name``, so the chart always shows what the table shows.
    """
    chart = workbook.add_chart({"type": "pie"})
    gothic = font_for(workbook, FONT_GOTHIC)
    row, c1, c2 = categories
    vrow, v1, v2 = values
    chart.add_series({
        "name": g.REPORT_CHART_SERIES,
        "categories": [sheet_name, row, c1, row, c2],
        "values": [sheet_name, vrow, v1, vrow, v2],
        "points": [{"fill": {"color": colours[p.status]}, "border": {"color": "#FFFFFF", "width": 0.75}}
                   for p in points],
        "data_labels": {"value": True, "custom": custom_labels(points, gothic), "position": "best_fit",
                        "leader_lines": True,
                        "font": {"name": gothic, "size": LABEL_FONT_SIZE}},
    })
    chart.set_rotation(rotation_for([p.count for p in points]))
    chart.set_legend({"position": "bottom", "font": {"name": gothic, "size": LEGEND_FONT_SIZE}})
    chart.set_title({"none": True})
    chart.set_chartarea({"border": {"none": True}, "fill": {"none": True}})
    width, height = size
    # no manual plot layout: Excel and LibreOffice size the pie around its labels themselves
    chart.set_size({"width": width, "height": height})
    sheet.insert_chart(anchor[0], anchor[1], chart,
                       {"x_offset": offset[0], "y_offset": offset[1], "object_position": 1})
    return chart


# --- 推移: stacked columns per period ------------------------------------------------------------
#: Share of the chart's height the columns can use (the legend, axis labels and margins take the rest).
TREND_PLOT_SHARE = 0.7
#: A segment shorter than this (pixels) has no room for its label: 7.5 pt text is about 10 px tall,
#: and two thin segments' labels would overlap.
MIN_LABEL_PX = 12
#: At most this many gridline steps on the y axis.
MAX_AXIS_STEPS = 8


def axis_max(total: int) -> tuple[int, int]:
    """``(maximum, step)`` of the y axis for columns up to ``total``: a round maximum ≥ ``total`` in
    steps of 1, 2 or 5 × 10ⁿ, at most :data:`MAX_AXIS_STEPS` of them."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if math.ceil(max(total, 1) / (step * factor)) <= MAX_AXIS_STEPS:
                unit = step * factor
                return math.ceil(max(total, 1) / unit) * unit, unit
        step *= 10


def thin_segments(counts: list[tuple[int, ...]], height_px: int) -> list[tuple[bool, ...]]:
    """Per series (status) and period: True where the segment is too thin for its label, on a
    chart ``height_px`` tall whose y axis is :func:`axis_max` of the tallest column."""
    tallest = max((sum(column) for column in zip(*counts)), default=0)
    maximum, _step = axis_max(tallest)
    px_per_count = height_px * TREND_PLOT_SHARE / maximum
    return [tuple(0 < c and c * px_per_count < MIN_LABEL_PX for c in series) for series in counts]


def add_trend_chart(workbook: Any, sheet: Any, *, sheet_name: str, header_row: int, rows: tuple[int, int],
                    category_col: int, series: list[tuple[int, str, str]], anchor: tuple[int, int],
                    size: tuple[int, int], counts: list[tuple[int, ...]] | None = None) -> Any:
    """Insert the 推移 chart: one stacked column per period, one series per status.

    ``series`` holds (column, status, colour) of each status's counts on ``sheet_name``; the
    series names are the header cells of ``header_row`` and the categories the period labels of
    ``category_col``, rows ``rows`` (first, last), so the chart always shows what the table shows.
    With ``counts`` (per series, per period: what those cells hold), the y axis gets a fixed round
    maximum and a segment too thin for its label (:func:`thin_segments`) shows none.
    """
    chart = workbook.add_chart({"type": "column", "subtype": "stacked"})
    gothic = font_for(workbook, FONT_GOTHIC)
    first, last = rows
    font = {"name": gothic, "size": LABEL_FONT_SIZE}
    hidden = thin_segments(counts, size[1]) if counts else [() for _ in series]
    for (col, _status, colour), thin in zip(series, hidden):
        labels: dict[str, Any] = {"value": True, "position": "center", "font": font, "num_format": "0;;;"}
        if any(thin):
            labels["custom"] = [dict(_DELETED) if t else None for t in thin]
        chart.add_series({
            "name": [sheet_name, header_row, col],
            "categories": [sheet_name, first, category_col, last, category_col],
            "values": [sheet_name, first, col, last, col],
            "fill": {"color": colour},
            "border": {"color": "#FFFFFF", "width": 0.75},
            "gap": 60,
            "data_labels": labels,
        })
    chart.set_legend({"position": "bottom", "font": {"name": gothic, "size": LEGEND_FONT_SIZE}})
    chart.set_title({"none": True})
    chart.set_x_axis({"num_font": {"name": gothic, "size": LEGEND_FONT_SIZE}})
    y_axis: dict[str, Any] = {"num_font": {"name": gothic, "size": LEGEND_FONT_SIZE},
                              "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}, "min": 0}
    if counts:
        maximum, step = axis_max(max((sum(column) for column in zip(*counts)), default=0))
        y_axis.update({"max": maximum, "major_unit": step})
    chart.set_y_axis(y_axis)
    chart.set_chartarea({"border": {"none": True}, "fill": {"none": True}})
    chart.set_size({"width": size[0], "height": size[1]})
    sheet.insert_chart(anchor[0], anchor[1], chart, {"x_offset": 2, "y_offset": 2, "object_position": 1})
    return chart
