"""資料1-1 for plans unlike the sample: 3, 4, 6 and 9 perspectives, another scale, other fonts.

Row heights are read from the written workbook: the 【取組活動数一覧】 rows share one height (a
perspective name that wraps adds whole lines to its own row only), the spare height beside the
chart is an empty row below the table, and the chart has the same size for every plan.
Also: the kinsoku-aware line estimate, and the 「フォント」 setting reaching every sheet and form.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from examples.variant_plans import FOUR_STATUS_SCALE, variant_result
from gyokaku_xl import text as g
from gyokaku_xl.domain.model import Period
from gyokaku_xl.reading.plan import font_choice
from gyokaku_xl.render import styles as st
from gyokaku_xl.render import summary as rs
from gyokaku_xl.render.forms import write_form
from gyokaku_xl.core.content import master_content
from gyokaku_xl.render.master import write_master
from test_summary import reference_like_result

MS, BIZ, IPA = (g.FONT_CHOICES[k] for k in g.FONT_CHOICES)


def _with_content(result):
    """A result and its content, as the merge hands them to the master writer."""
    return result, master_content(result)


def table_rows(ws) -> tuple[int, list[int], int]:
    """(header row, perspective rows, 合計 row) of the status table, 1-based."""
    header = next(c.row for row in ws.iter_rows() for c in row if c.value == g.REPORT_LABEL_PERSPECTIVE)
    rows, r = [], header + 1
    while ws.cell(r, 2).value != g.REPORT_TOTAL:
        assert ws.cell(r, 2).value, f"row {r} of the table is empty"
        rows.append(r)
        r += 1
    return header, rows, r


def height(ws, row: int) -> float:
    return ws.row_dimensions[row].height or ws.sheet_format.defaultRowHeight


def px(points: float) -> int:
    """Row heights are stored in whole pixels (0.75 pt): compare them as such."""
    return round(points * 4 / 3)


def chart_rows(path: Path) -> tuple[int, int]:
    """First and last sheet row (1-based) 資料1-1's chart covers, from the drawing's anchor."""
    with zipfile.ZipFile(path) as z:
        drawing = z.read("xl/drawings/drawing1.xml").decode("utf-8")
    rows = re.findall(r"<xdr:row>(\d+)</xdr:row><xdr:rowOff>(\d+)</xdr:rowOff>", drawing)
    assert len(rows) == 2, "資料1-1 has one chart"
    (first, _), (last, offset) = rows
    return int(first) + 1, int(last) + (1 if int(offset) else 0)  # ending at a row's top: the row above


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("variants")
    books = {}
    for n in (3, 4, 6, 9):
        for name, kwargs in ((f"{n}", {}), (f"{n}-other", {"scale": FOUR_STATUS_SCALE})):
            path = folder / f"{name}.xlsx"
            write_master(path, *_with_content(variant_result(n, **kwargs)), folder)
            books[name] = path
    books["sample"] = folder / "sample.xlsx"
    write_master(books["sample"], *_with_content(reference_like_result()), folder)
    return books


@pytest.mark.parametrize("name", ["3", "4", "6", "9", "3-other", "4-other", "6-other", "9-other", "sample"])
def test_table_rows_keep_one_height(rendered, name):
    ws = openpyxl.load_workbook(rendered[name])["資料1-1"]
    header, rows, total = table_rows(ws)
    one_line = st.row_height(1, rs.SIZE_TABLE, rs.TABLE_ROW_EXTRA)
    assert px(height(ws, total)) == px(one_line)  # 合計 never stretches
    for r in rows:
        label = ws.cell(r, 2).value
        extra_lines = (height(ws, r) - one_line) / (rs.SIZE_TABLE * st.LINE_HEIGHT)
        assert abs(extra_lines - round(extra_lines)) < 0.1, (label, height(ws, r))
        if st.text_units(label) <= rs.ONE_LINE_LABEL_UNITS:  # short names stay on one line
            assert px(height(ws, r)) == px(one_line), label


def test_chart_keeps_its_size(tmp_path, monkeypatch):
    sizes = []
    real = rs.add_status_chart
    monkeypatch.setattr(rs, "add_status_chart", lambda *a, **k: sizes.append(k["size"]) or real(*a, **k))
    for n in (3, 4, 6, 9):
        write_master(tmp_path / f"{n}.xlsx", *_with_content(variant_result(n)), tmp_path)
        write_master(tmp_path / f"{n}o.xlsx", *_with_content(variant_result(n, scale=FOUR_STATUS_SCALE)), tmp_path)
    write_master(tmp_path / "s.xlsx", *_with_content(reference_like_result()), tmp_path)
    assert len(sizes) == 9
    assert {h for _w, h in sizes} == {rs.CHART_HEIGHT_PX}
    assert max(w for w, _h in sizes) - min(w for w, _h in sizes) <= 45  # the table widens a little at most


@pytest.mark.parametrize("n", [3, 4, 6, 9])
def test_spare_height_goes_below_the_table(rendered, n):
    ws = openpyxl.load_workbook(rendered[f"{n}"])["資料1-1"]
    header, rows, total = table_rows(ws)
    below = total + 1
    assert all(ws.cell(below, c).value is None for c in range(1, 13))  # nothing written there
    heading = height(ws, header - 1)
    table_pt = heading + sum(height(ws, r) for r in range(header, total + 1))
    chart_pt = heading + rs.CHART_HEIGHT_PX * 0.75
    first, last = chart_rows(rendered[f"{n}"])
    assert first == header  # beside the table, just below the chart heading
    if table_pt < chart_pt:  # a short table: an empty row takes the rest of the chart's height
        assert height(ws, below) == pytest.approx(chart_pt - table_pt, abs=0.8)
        assert last <= below
    else:
        assert last <= total


def test_sample_rows_are_uniform(rendered):
    """The sample's names that fit on one line (all but (5)) get one and the same height."""
    ws = openpyxl.load_workbook(rendered["sample"])["資料1-1"]
    _header, rows, total = table_rows(ws)
    by_label = {ws.cell(r, 2).value: height(ws, r) for r in rows}
    wrapped = "(5)身近で利用しやすい行政サービスの推進"
    assert len({h for label, h in by_label.items() if label != wrapped}) == 1
    assert by_label[wrapped] > by_label["(1)民間活力の活用"]
    assert px(height(ws, total)) == px(by_label["(1)民間活力の活用"])


def test_nine_perspectives_fit_one_page(rendered):
    ws = openpyxl.load_workbook(rendered["9"])["資料1-1"]
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    _header, rows, _total = table_rows(ws)
    assert len(rows) == 9


# --- kinsoku in the line estimate ---------------------------------------------------------------
def test_kinsoku_keeps_closing_marks_with_the_character_before():
    assert st._wrap_tokens("ああ。い（う）") == ["あ", "あ。", "い", "（う）"]
    # 2 full-width characters per line: 「。」 may not start line 2, so 「あ。」 moves down together
    assert st.wrapped_line_count("ああ。い", 4) == 3
    assert st.wrapped_line_count("ああい。", 4) == 2
    # an opening bracket does not end a line
    assert st.wrapped_line_count("あ（い）", 4) == 2
    assert st._wrap_tokens("FamiPay」を") == ["FamiPay」", "を"]


# --- fonts --------------------------------------------------------------------------------------
@pytest.mark.parametrize("value, expected", [
    ("", None), ("BIZ UD明朝/BIZ UDゴシック", "BIZ UD明朝/BIZ UDゴシック"), ("ＢＩＺ　ＵＤ", "BIZ UD明朝/BIZ UDゴシック"),
    ("IPAex", "IPAex明朝/IPAexゴシック"), ("ＭＳ 明朝・ＭＳ ゴシック", "ＭＳ 明朝/ＭＳ ゴシック"),
    ("BIZ UDゴシック", "BIZ UD明朝/BIZ UDゴシック"), ("メイリオ", None),
])
def test_font_choice(value, expected):
    assert font_choice(value) == expected


def fonts_in(path: Path) -> set[str]:
    """Every font name a workbook's styles and charts use."""
    with zipfile.ZipFile(path) as z:
        xml = "".join(z.read(n).decode("utf-8") for n in z.namelist()
                      if n == "xl/styles.xml" or n.startswith("xl/charts/"))
    return set(re.findall(r'<name val="([^"]*)"', xml)) | set(re.findall(r'typeface="([^"]*)"', xml))


@pytest.mark.parametrize("pair", [MS, BIZ, IPA])
def test_chosen_fonts_reach_every_sheet_chart_and_form(tmp_path, pair):
    result = variant_result(3)
    result.plan.fonts = pair
    master = tmp_path / "m.xlsx"
    write_master(master, result, master_content(result), tmp_path)
    used = fonts_in(master) - {"Calibri"}
    assert used == set(pair)
    form = tmp_path / "f.xlsx"
    write_form(form, result.plan, Period(2023, g.PERIOD_FIRST_HALF), result.plan.departments[0])
    assert fonts_in(form) - {"Calibri"} <= set(pair) and fonts_in(form) & set(pair)


def test_font_setting_is_read_from_the_plan_master(tmp_path):
    from builders import DEFAULT_SETTINGS, build_plan
    from gyokaku_xl.reading.plan import read_plan

    assert read_plan(build_plan(tmp_path / "a")).plan.fonts == MS  # no 「フォント」: as before
    chosen = build_plan(tmp_path / "b", settings={**DEFAULT_SETTINGS, g.SETTING_FONT: "BIZ UD"})
    assert read_plan(chosen).plan.fonts == BIZ
    unknown = build_plan(tmp_path / "c", settings={**DEFAULT_SETTINGS, g.SETTING_FONT: "丸ゴシック"})
    result = read_plan(unknown)
    assert result.plan is not None and result.plan.fonts == MS
    warning = [f for f in result.findings if f.code == "plan-setting-invalid"]
    assert len(warning) == 1 and warning[0].severity == g.SEVERITY_WARNING
    assert "フォント" in warning[0].message and "BIZ UD明朝/BIZ UDゴシック" in warning[0].message
