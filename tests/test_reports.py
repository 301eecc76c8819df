"""The report sheets 資料1-1/1-2/1-3 rendered into a workbook and read back with openpyxl.

Checks content (titles, sentences, table, chart series and labels from the chart XML, section 2
and 3 lines), print setup, fonts, status colours and row heights.
"""

from __future__ import annotations

import datetime
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import openpyxl
import pytest
import xlsxwriter

from gyokaku_xl import text as g
from gyokaku_xl.render import styles as st
from gyokaku_xl.render.charts import rotation_for
from gyokaku_xl.render.reports import add_report_sheets
from gyokaku_xl.core.summary import build_summary

from test_summary import other_scale_result, reference_like_result

NS = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
      "a": "http://schemas.openxmlformats.org/drawingml/2006/main"}


def render(result, path: Path) -> Path:
    """Render the report sheets (plus one data sheet, as the master has) to ``path``."""
    workbook = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False})
    workbook.set_properties({"created": datetime.datetime(2021, 10, 15)})
    add_report_sheets(workbook, result, build_summary(result))
    workbook.add_worksheet(g.SHEET_DATA).write_string(0, 0, "data")
    workbook.close()
    return path


@pytest.fixture(scope="module")
def ref_book(tmp_path_factory) -> Path:
    return render(reference_like_result(), tmp_path_factory.mktemp("ref") / "master.xlsx")


@pytest.fixture(scope="module")
def ref_wb(ref_book):
    return openpyxl.load_workbook(ref_book)


@pytest.fixture(scope="module")
def other_book(tmp_path_factory) -> Path:
    return render(other_scale_result(), tmp_path_factory.mktemp("other") / "master.xlsx")


def texts(ws) -> list[str]:
    """Every string cell of a sheet in reading order (row by row)."""
    return [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]


def find(ws, value: str):
    """The first cell holding exactly ``value``."""
    for row in ws.iter_rows():
        for c in row:
            if c.value == value:
                return c
    raise AssertionError(f"{value!r} not on {ws.title}")


def table(ws) -> tuple[list[str], list[tuple]]:
    """The status table: header labels and rows (label, counts…, total) as read back."""
    head = find(ws, g.REPORT_LABEL_PERSPECTIVE)
    header = []
    col = head.column + 1
    while ws.cell(head.row, col).value:
        header.append(ws.cell(head.row, col).value)
        col += 1
    rows = []
    r = head.row + 1
    while ws.cell(r, head.column).value:
        rows.append(tuple(ws.cell(r, c).value for c in range(head.column, head.column + len(header) + 1)))
        r += 1
    return header, rows


def fit(ws) -> tuple[int, int]:
    """Fit-to-pages (wide, tall); an omitted value means Excel's default 1."""
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    wide, tall = ws.page_setup.fitToWidth, ws.page_setup.fitToHeight
    return (1 if wide is None else int(wide), 1 if tall is None else int(tall))


def chart_xml(path: Path) -> ET.Element:
    with zipfile.ZipFile(path) as z:
        names = sorted(n for n in z.namelist() if n.startswith("xl/charts/chart"))
        assert len(names) == 1
        return ET.fromstring(z.read(names[0]))


def chart_labels(root: ET.Element) -> dict[int, str | None]:
    """Custom data label per point index: its text, or None when deleted."""
    labels: dict[int, str | None] = {}
    for d in root.iterfind(".//c:dLbls/c:dLbl", NS):
        idx = int(d.find("c:idx", NS).get("val"))
        if d.find("c:delete", NS) is not None:
            labels[idx] = None
        else:
            labels[idx] = "".join(t.text or "" for t in d.iterfind(".//a:t", NS))
    return labels


# --- 資料1-1 ------------------------------------------------------------------------------------
def test_sheet_order_and_active(ref_wb):
    wb = ref_wb
    assert wb.sheetnames[:3] == ["資料1-1", "資料1-2", "資料1-3"]
    assert wb.active.title == "資料1-1"


def test_summary_titles_and_sentences(ref_wb):
    ws = ref_wb["資料1-1"]
    cells = texts(ws)
    assert cells[0] == "資料１－１"
    assert find(ws, "資料１－１").row == 1 and find(ws, "資料１－１").column >= 10  # top right
    for line in ("平塚市行財政改革計画（2020-2023）", "令和3年度【上半期】取組状況（総括）",
                 "１ 進捗状況（詳細は資料１－２、１－３）", "・29事業で55の取組を実施。",
                 "・取組の状況は、「済」「概ね順調」は52取組、全体の94％は順調に進捗。",
                 "・「遅れ」は1取組、「未着手」は1取組、「休止」は1取組。", "※割合（％）は小数点以下切り捨て。",
                 "【取組活動数一覧】", "【取組活動数内訳（合計55取組）】"):
        assert line in cells, line
    assert cells.index("平塚市行財政改革計画（2020-2023）") < cells.index("・29事業で55の取組を実施。")


def test_summary_table_is_numbers(ref_wb):
    ws = ref_wb["資料1-1"]
    header, rows = table(ws)
    assert header == ["済", "概ね順調", "遅れ", "未着手", "休止", "合計"]
    assert rows == [("(1)民間活力の活用", 0, 8, 1, 1, 0, 10), ("(2)施設の総合的管理", 1, 5, 0, 0, 0, 6),
                    ("(3)行政の効率化", 0, 6, 0, 0, 0, 6), ("(4)収入確保策の推進", 0, 13, 0, 0, 1, 14),
                    ("(5)身近で利用しやすい行政サービスの推進", 1, 7, 0, 0, 0, 8), ("(6)ICTの活用推進", 0, 11, 0, 0, 0, 11),
                    ("合計", 2, 50, 1, 1, 1, 55)]
    for row in ws.iter_rows():
        for c in row:
            assert c.data_type != "f", f"{c.coordinate} is a formula"


def test_summary_chart(ref_book, ref_wb):
    root = chart_xml(ref_book)
    assert root.find(".//c:pieChart", NS) is not None
    series = root.findall(".//c:ser", NS)
    assert len(series) == 1
    ser = series[0]
    categories = ser.find("c:cat//c:f", NS).text
    values = ser.find("c:val//c:f", NS).text
    wb = ref_wb
    ws = wb["資料1-1"]
    head = find(ws, g.REPORT_LABEL_PERSPECTIVE)
    total = find(ws, "合計")  # the header's 合計 comes first in reading order
    assert total.row == head.row
    total_row = head.row + 7
    assert categories == f"'資料1-1'!$C${head.row}:$G${head.row}"
    assert values == f"'資料1-1'!$C${total_row}:$G${total_row}"
    # cached categories: the legend follows the scale order
    cached = [p.find("c:v", NS).text for p in ser.findall("c:cat//c:pt", NS)]
    assert cached == ["済", "概ね順調", "遅れ", "未着手", "休止"]
    assert chart_labels(root) == {0: "2(済)", 1: "50(概ね順調)", 2: "1(遅れ)", 3: "1(未着手)", 4: "1(休止)"}
    colours = st.status_colours(("済", "概ね順調", "遅れ", "未着手", "休止"), ("済", "概ね順調"))
    points = {int(p.find("c:idx", NS).get("val")): p.find(".//a:srgbClr", NS).get("val")
              for p in ser.findall("c:dPt", NS)}
    assert points == {i: colours[s].lstrip("#") for i, s in enumerate(("済", "概ね順調", "遅れ", "未着手", "休止"))}
    assert root.find(".//c:legend", NS) is not None
    position = root.find(".//c:dLbls/c:dLblPos", NS)  # absent = a pie's default, best fit
    assert position is None or position.get("val") == "bestFit"  # inside a slice when it fits
    assert root.find(".//c:firstSliceAng", NS).get("val") == str(rotation_for([2, 50, 1, 1, 1]))


def test_rotation_puts_largest_slice_left():
    assert rotation_for([2, 50, 1, 1, 1]) == round(270 - (2 + 25) / 55 * 360) % 360
    assert rotation_for([0, 0]) == 0
    assert rotation_for([1]) == 90  # a single full slice centred at 180° → turned to 270°


def test_zero_count_labels_are_deleted(tmp_path):
    result = other_scale_result()
    result.records = [r for r in result.records if r.status != "遅延"]
    root = chart_xml(render(result, tmp_path / "m.xlsx"))
    assert chart_labels(root) == {0: "1(完了)", 1: "2(順調)", 2: "1(やや遅れ)", 3: None, 4: "1(中止)"}


def test_summary_sections_2_and_3(ref_wb):
    ws = ref_wb["資料1-1"]
    cells = texts(ws)
    data = build_summary(reference_like_result())
    expected = [data.section2_heading]
    for block in data.section2:
        expected.append(block.heading)
        for program in block.programs:
            expected += [program.title, *program.lines]
    expected += [data.section3_heading, *[line.text for line in data.section3]]
    start = cells.index(data.section2_heading)
    assert cells[start:] == expected
    assert "今後は、調査結果や他自治体の事例等を参考に、業務の選定に向けた取組を進める。" in cells
    assert "龍城ケ丘ゾーン公園整備工事･･･未着手 [同上]" in cells


def test_summary_perspective_heading_spans_its_programs(ref_wb):
    ws = ref_wb["資料1-1"]
    heading = find(ws, "（１）民間活力の活用")
    merged = next(r for r in ws.merged_cells.ranges if heading.coordinate in r)
    assert merged.min_row == heading.row and merged.max_row > heading.row
    assert ws.cell(merged.min_row, merged.max_col + 1).value == "民間活力活用事業【重点】"


def test_summary_page_setup_and_fonts(ref_wb):
    ws = ref_wb["資料1-1"]
    assert ws.page_setup.paperSize == 9
    assert ws.page_setup.orientation == "portrait"
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert fit(ws) == (1, 1)
    assert ws.print_area is not None and ws.print_area.startswith("'資料1-1'!$A$1:$")
    assert find(ws, "・29事業で55の取組を実施。").font.name == st.FONT_MINCHO
    assert find(ws, "１ 進捗状況（詳細は資料１－２、１－３）").font.name == st.FONT_GOTHIC
    assert find(ws, "民間活力活用事業【重点】").font.name == st.FONT_GOTHIC


def test_summary_row_heights_fit_texts(ref_wb):
    """Every wrapped text row has an explicit height that shows all its estimated lines."""
    ws = ref_wb["資料1-1"]
    widths = {i: d.width for d in ws.column_dimensions.values() for i in range(d.min, d.max + 1)}
    merged = {r.min_row * 1000 + r.min_col: r for r in ws.merged_cells.ranges}
    checked = 0
    for row in ws.iter_rows():
        for c in row:
            if not isinstance(c.value, str) or not c.alignment.wrap_text:
                continue
            rng = merged.get(c.row * 1000 + c.column)
            if rng is not None and rng.max_row > rng.min_row:
                continue  # vertical merges (perspective headings) are checked by their span
            last = rng.max_col if rng is not None else c.column
            # the file holds pixels / 7 (Excel's default-font digit width)
            px = sum(round(widths.get(col, 64 / 7) * 7)
                     for col in range(c.column, last + 1))
            need = st.text_height(c.value, px, c.font.sz, 0)
            height = ws.row_dimensions[c.row].height or ws.sheet_format.defaultRowHeight  # 15 is not written
            assert height >= need, (c.coordinate, c.value)
            checked += 1
    assert checked > 40


# --- another scale and period -------------------------------------------------------------------
def test_other_scale_renders_its_own_statuses(other_book):
    wb = openpyxl.load_workbook(other_book)
    ws = wb["資料1-1"]
    cells = texts(ws)
    assert "令和5年度【下半期】取組状況（総括）" in cells
    assert "・取組の状況は、「完了」「順調」「やや遅れ」は4取組、全体の67％は順調に進捗。" in cells
    assert "※割合（％）は小数点以下四捨五入。" in cells
    header, rows = table(ws)
    assert header == ["完了", "順調", "やや遅れ", "遅延", "中止", "合計"]
    assert rows[-1] == ("合計", 1, 2, 1, 1, 1, 6)
    assert chart_labels(chart_xml(other_book)) == {0: "1(完了)", 1: "2(順調)", 2: "1(やや遅れ)", 3: "1(遅延)",
                                                   4: "1(中止)"}


def test_scale_with_more_statuses_gets_more_columns(tmp_path):
    from gyokaku_xl.domain.model import Status, StatusScale
    from test_summary import make_plan, make_result
    from gyokaku_xl.domain.model import Period
    scale = StatusScale(tuple(Status(n, i < 4) for i, n in enumerate(
        ("完了", "順調", "概ね順調", "やや遅れ", "遅れ", "大幅な遅れ", "未着手", "中止"))))
    plan = make_plan(["視点"], [("1", 1, "事業", False, True, "課")],
                     [(str(i), "1", f"取組{i}") for i in range(8)], scale=scale)
    result = make_result(plan, Period(2022, g.PERIOD_YEAR_END),
                         {str(i): {"status": s, "progress": "実施。"} for i, s in enumerate(scale.names)})
    ws = openpyxl.load_workbook(render(result, tmp_path / "m.xlsx"))["資料1-1"]
    header, rows = table(ws)
    assert header == [*scale.names, "合計"]
    assert rows[-1] == ("合計", 1, 1, 1, 1, 1, 1, 1, 1, 8)
    assert "・「遅れ」は1取組、「大幅な遅れ」は1取組、「未着手」は1取組、「中止」は1取組。" in texts(ws)


# --- 資料1-2 ------------------------------------------------------------------------------------
def test_list_sheet(ref_wb):
    wb = ref_wb
    ws = wb["資料1-2"]
    cells = texts(ws)
    assert cells[:3] == ["資料１－２", "平塚市行財政改革計画（2020-2023）", "令和3年度【上半期】取組状況一覧"]
    assert cells[3:8] == list(g.REPORT_LIST_HEADERS)
    assert cells[8] == "（１）民間活力の活用"
    assert cells[9] == "民間活力活用事業【重点】　（所管課：行政総務課）"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert fit(ws) == (1, 0)
    assert ws.print_title_rows == "$1:$4"
    assert "&P" in ws.oddFooter.center.text
    # every 取組 of the plan, each with its status cell in the status colour
    plan = reference_like_result().plan
    ids = [c.value for c in ws["A"] if isinstance(c.value, str) and re.fullmatch(r"\d-\d\d-\d", c.value)]
    assert ids == [i.id for i in plan.initiatives]
    colours = st.status_colours(plan.scale.names, plan.scale.on_track)
    for row in ws.iter_rows(min_row=5):
        status = row[2].value
        if status in colours and row[0].value in ids:
            assert row[2].fill.fgColor.rgb[-6:] == st.light(colours[status], 0.55).lstrip("#")


def test_list_page_breaks_keep_group_headers_with_a_row(ref_wb):
    ws = ref_wb["資料1-2"]
    assert ws.row_breaks.brk, "55 取組 do not fit one landscape page"
    for brk in ws.row_breaks.brk:
        last = ws.cell(brk.id, 1)  # openpyxl: the break is below row ``id``
        is_header = any(last.coordinate in r for r in ws.merged_cells.ranges)
        assert not is_header, f"row {brk.id} is a group header left at the bottom of a page"


# --- 資料1-3 ------------------------------------------------------------------------------------
def test_by_program_sheet_blocks_and_totals(ref_wb):
    ws = ref_wb["資料1-3"]
    result = reference_like_result()
    cells = texts(ws)
    assert cells[:3] == ["資料１－３", "平塚市行財政改革計画（2020-2023）", "令和3年度【上半期】事業別の取組状況"]
    titles = [p.title for p in result.plan.programs]
    assert [c for c in cells if c in titles] == titles
    totals = [ws.cell(c.row, 5).value for row in ws.iter_rows() for c in row if c.value == g.REPORT_PROGRAM_TOTAL]
    expected = []
    for program in result.plan.programs:
        expected.append(sum(r.values["fiscal_effect"] or 0 for r in result.records if r.program == program))
    assert totals == expected
    plan_total = next(ws.cell(c.row, 5).value for row in ws.iter_rows() for c in row if c.value == g.REPORT_PLAN_TOTAL)
    assert plan_total == sum(expected)
    assert "遅れ等の理由" in cells and "設計では、市民意見を踏まえ、事業者と協議を進めた。" in cells
    assert ws.page_setup.orientation == "portrait" and ws.print_title_rows == "$1:$3"


def test_by_program_page_breaks_fall_between_blocks(ref_wb):
    ws = ref_wb["資料1-3"]
    titles = {p.title for p in reference_like_result().plan.programs}
    assert ws.row_breaks.brk, "55 取組 do not fit one page"
    for brk in ws.row_breaks.brk:
        assert ws.cell(brk.id + 1, 1).value in titles


def test_unreported_initiative_is_listed(tmp_path):
    result = other_scale_result()
    result.records = [r for r in result.records if r.initiative.id != "C2"]
    wb = openpyxl.load_workbook(render(result, tmp_path / "m.xlsx"))
    for name in ("資料1-2", "資料1-3"):
        cells = texts(wb[name])
        assert "窓口予約" in cells and g.REPORT_NOT_REPORTED in cells
    assert "※計画の6取組のうち1取組は報告がなく、集計に含めていません。" in texts(wb["資料1-1"])


# --- safety and determinism ---------------------------------------------------------------------
def test_hostile_texts_stay_text(tmp_path):
    result = other_scale_result()
    record = result.records[0]
    record.values["progress"] = "=HYPERLINK(\"http://evil\",\"x\")\n+1+1"
    record.values["next_steps"] = "http://example.com/"
    wb = openpyxl.load_workbook(render(result, tmp_path / "m.xlsx"))
    for ws in wb.worksheets[:3]:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f"
                assert c.hyperlink is None
    assert "・=HYPERLINK(\"http://evil\",\"x\")" in texts(wb["資料1-1"])


def test_same_input_same_bytes(tmp_path):
    a = render(reference_like_result(), tmp_path / "a.xlsx").read_bytes()
    b = render(reference_like_result(), tmp_path / "b.xlsx").read_bytes()
    assert a == b


def test_list_continuation_pages_start_with_their_perspective_band(ref_wb):
    """A page of 資料1-2 that begins inside a 取組の視点 repeats its band (issue 21, point 19)."""
    ws = ref_wb["資料1-2"]
    plan = reference_like_result().plan
    headings = {p.heading for p in plan.perspectives}
    assert ws.row_breaks.brk
    for brk in ws.row_breaks.brk:
        first = ws.cell(brk.id + 1, 1).value  # the first row of the next page
        assert first in headings or first in {f"{h}（続き）" for h in headings}, (brk.id, first)
    # every 取組 is still listed once
    ids = [c.value for c in ws["A"] if isinstance(c.value, str) and re.fullmatch(r"\d-\d\d-\d", c.value)]
    assert ids == [i.id for i in plan.initiatives]


def test_one_line_rows_are_one_line_high():
    """Text that fits its column is one line: a 13-character 取組名 in 取組名's column, a 33-character
    bullet in 取組状況's (issue 21, point 19: single-line rows were as tall as two-line rows)."""
    name_cap = st.capacity_units(st.column_px(24), 9)
    text_cap = st.capacity_units(st.column_px(58), 9)
    assert st.wrapped_line_count("龍城ケ丘ゾーン公園整備工事", name_cap) == 1
    assert st.wrapped_line_count("・令和2年度の管理運営について、各施設の評価を実施し、結果を公表。", text_cap) == 1
    assert st.wrapped_line_count("・令和2年度の管理運営について、各施設の評価を実施し、結果を公表した。あ", text_cap) == 2


def test_wrapped_bullets_fill_their_rows(ref_wb):
    """資料1-1 §2 and §3: a bullet that wraps is justified vertically, so LibreOffice (lines closer than
    Excel's) leaves no gap under it (issue 21, point 18); one-line bullets are unaffected by it."""
    ws = ref_wb["資料1-1"]
    bullets = [c for row in ws.iter_rows() for c in row
               if isinstance(c.value, str) and c.value.startswith("・") and c.column > 2]
    wrapped = [c for c in bullets if ws.row_dimensions[c.row].height > st.row_height(1, 9, 1) + 0.5]
    assert wrapped, "the reference-like 総括 has bullets that wrap"
    assert {c.alignment.vertical for c in wrapped} == {"justify"}
