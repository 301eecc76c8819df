"""The sheets 「前期比較」「推移」「財政効果」 rendered into a workbook and read back cell by cell.

Data from ``test_movement``: a plan of 6 取組, two periods (令和3年度上半期 → 年度末) and three
(令和2年度上半期・年度末 too), the default scale and a 4-status scale, with and without targets.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import openpyxl
import pytest

import builders
from gyokaku_xl import text as g
from gyokaku_xl.render import styles as st
from gyokaku_xl.core.content import master_content
from gyokaku_xl.render.master import write_master

from test_movement import (FOUR_SCALE, PERIODS, four_scale_periods, R2_FY, R3_FY, R3_H1, period_result, small_plan, snapshot,
                           three_periods, two_periods)

NS = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
      "a": "http://schemas.openxmlformats.org/drawingml/2006/main"}


def render(result, path: Path) -> Path:
    write_master(path, result, master_content(result), path.parent)
    return path


def rows(ws) -> list[list[object]]:
    """Every non-empty row of a sheet as its non-empty values (merged cells once)."""
    out = []
    for row in ws.iter_rows(values_only=True):
        values = [v for v in row if v is not None and v != ""]
        if values:
            out.append(values)
    return out


def row_of(ws, first: object) -> int:
    """The sheet row whose first non-empty cell holds ``first``."""
    for row in ws.iter_rows():
        for cell in row:
            if cell.value not in (None, ""):
                if cell.value == first:
                    return cell.row
                break
    raise AssertionError(f"{first!r} not on {ws.title}")


def fill(cell) -> str | None:
    rgb = cell.fill.fgColor.rgb if cell.fill and cell.fill.fill_type == "solid" else None
    return rgb[-6:].upper() if isinstance(rgb, str) else None


def light(status: str, scale, amount: float = 0.55) -> str:
    return st.light(st.status_colours(scale.names, scale.on_track)[status], amount)[1:]


@pytest.fixture(scope="module")
def two_book(tmp_path_factory) -> openpyxl.Workbook:
    return openpyxl.load_workbook(render(two_periods(), tmp_path_factory.mktemp("two") / "集約結果.xlsx"))


@pytest.fixture(scope="module")
def three_book(tmp_path_factory) -> openpyxl.Workbook:
    plan = small_plan(targets={"A": 1000, "C": 90}, yearly={2020: 1000, 2021: 400})
    return openpyxl.load_workbook(render(three_periods(plan), tmp_path_factory.mktemp("three") / "集約結果.xlsx"))


def test_sheet_order(two_book):
    assert two_book.sheetnames == ["資料1-1", "資料1-2", "資料1-3", "前期比較", "推移", "財政効果",
                                   "集約データ", "検証結果", "提出状況", "計画の取組"]  # the last hidden


# --- 前期比較 -------------------------------------------------------------------------------------
def test_comparison_two_periods_cell_by_cell(two_book):
    ws = two_book["前期比較"]
    assert rows(ws) == [
        ["テスト市行革プラン"],
        ["前期比較（令和3年度【上半期】 → 令和3年度【年度末】）"],
        ["変化の内訳：改善 1・悪化 1・変化 1・変化なし 1・新規 1・報告なし 1"],
        ["※「改善」は順調（「済」「概ね順調」）以外から順調へ、「悪化」は順調から順調以外へ、「変化」は同じ側の別の区分への変化です。"],
        ["【前期 × 今期の取組数】"],
        ["前期＼今期", "済", "概ね順調", "遅れ", "未着手", "休止", "（なし）", "合計"],
        ["済", 0, 0, 0, 0, 0, 0, 0],
        ["概ね順調", 0, 1, 1, 0, 0, 1, 3],
        ["遅れ", 0, 1, 0, 0, 0, 0, 1],
        ["未着手", 0, 0, 0, 0, 1, 0, 1],
        ["休止", 0, 0, 0, 0, 0, 0, 0],
        ["（なし）", 1, 0, 0, 0, 0, 0, 1],
        ["合計", 1, 2, 1, 0, 1, 1, 6],
        ["【取組ごとの変化】"],
        ["取組番号", "取組名", "事業", "所管課", "前期\n令和3年度【上半期】", "今期\n令和3年度【年度末】", "変化"],
        ["A1", "使用料の改定", "使用料見直し事業", "財政課", "遅れ", "概ね順調", "改善"],
        ["A2", "減免基準の見直し", "使用料見直し事業", "財政課", "概ね順調", "遅れ", "悪化"],
        ["B1", "売却候補地の選定", "未利用地売却事業", "資産課", "未着手", "休止", "変化"],
        ["C1", "書かない窓口", "窓口改善事業", "市民課", "概ね順調", "概ね順調", "変化なし"],
        ["C2", "窓口予約", "窓口改善事業", "市民課", "概ね順調", "－", "報告なし"],
        ["C3", "キャッシュレス決済", "窓口改善事業", "市民課", "－", "済", "新規"],
    ]


def test_comparison_changed_rows_stand_out_in_status_colours(two_book):
    ws = two_book["前期比較"]
    scale = small_plan().scale
    header = row_of(ws, "取組番号")
    cells = {ws.cell(r, 1).value: r for r in range(header + 1, header + 7)}
    cols = {ws.cell(header, c).value.split("\n")[0]: c for c in range(1, ws.max_column + 1) if ws.cell(header, c).value}
    prev, cur, change = cols["前期"], cols["今期"], cols["変化"]
    a1 = cells["A1"]
    assert (fill(ws.cell(a1, prev)), fill(ws.cell(a1, cur)), fill(ws.cell(a1, change))) == (
        light("遅れ", scale), light("概ね順調", scale), light("概ね順調", scale))
    assert ws.cell(a1, change).font.b
    assert fill(ws.cell(cells["A2"], change)) == light("遅れ", scale)
    c1 = cells["C1"]  # 変化なし: no fill, grey text
    assert (fill(ws.cell(c1, prev)), fill(ws.cell(c1, cur)), fill(ws.cell(c1, change))) == (None, None, None)
    assert not ws.cell(c1, cur).font.b
    assert fill(ws.cell(cells["C2"], change)) == "D9D9D9"
    assert fill(ws.cell(cells["C3"], cur)) == light("済", scale)


def test_comparison_print_setup(two_book):
    ws = two_book["前期比較"]
    header = row_of(ws, "取組番号")
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth in (None, 1)  # 1 is the default
    assert ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows == f"${header}:${header}"
    assert ws.oddFooter.center.text == "－ &P －" and ws.oddHeader.right.text == "前期比較"
    assert str(ws.print_area).endswith(f"${ws.max_row}")
    assert all(ws.row_dimensions[r].height for r in range(1, ws.max_row + 1))


def test_comparison_without_history(tmp_path):
    plan = small_plan()
    result = period_result(plan, R3_FY, PERIODS[R3_FY])
    ws = openpyxl.load_workbook(render(result, tmp_path / "m.xlsx"))["前期比較"]
    assert rows(ws) == [
        ["テスト市行革プラン"],
        ["前期比較（令和3年度【年度末】）"],
        ["比較する前期の集約結果がありません（この計画の 令和3年度【年度末】 より前の集約結果が履歴にありません）。"
         "今期の進捗状況だけを示します。"],
        ["【今期の進捗状況別の取組数】"],
        ["報告期間", "済", "概ね順調", "遅れ", "未着手", "休止", "報告なし", "合計"],
        ["令和3年度【年度末】", 1, 2, 1, 0, 1, 1, 6],
        ["※取組ごとの進捗状況は「資料1-2」を参照してください。次の期間からは、この期間と比べた取組ごとの変化を示します。"],
    ]
    header = row_of(ws, "報告期間")
    assert fill(ws.cell(header, _col(ws, header, "遅れ"))) == light("遅れ", plan.scale)  # the status colours
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows is None


def _col(ws, row: int, value: object) -> int:
    return next(c for c in range(1, ws.max_column + 1) if ws.cell(row, c).value == value)


def test_comparison_another_scale(tmp_path):
    result = four_scale_periods()
    ws = openpyxl.load_workbook(render(result, tmp_path / "m.xlsx"))["前期比較"]
    found = rows(ws)
    assert found[2] == ["変化の内訳：改善 1・悪化 1・変化 2・変化なし 1・新規 1・報告なし 0"]
    assert found[3][0].startswith("※「改善」は順調（「完了」「順調」「やや遅れ」）以外から順調へ")
    assert found[5:12] == [
        ["前期＼今期", "完了", "順調", "やや遅れ", "遅延", "（なし）", "合計"],
        ["完了", 1, 0, 0, 0, 0, 1],
        ["順調", 0, 0, 1, 0, 0, 1],
        ["やや遅れ", 0, 0, 0, 1, 0, 1],
        ["遅延", 1, 0, 0, 0, 0, 1],
        ["遅れ", 0, 1, 0, 0, 0, 1],
        ["（なし）", 0, 0, 0, 1, 0, 1],
    ]
    assert found[-6:] == [
        ["A1", "使用料の改定", "使用料見直し事業", "財政課", "順調", "やや遅れ", "変化"],
        ["A2", "減免基準の見直し", "使用料見直し事業", "財政課", "やや遅れ", "遅延", "悪化"],
        ["B1", "売却候補地の選定", "未利用地売却事業", "資産課", "遅延", "完了", "改善"],
        ["C1", "書かない窓口", "窓口改善事業", "市民課", "遅れ", "順調", "変化"],
        ["C2", "窓口予約", "窓口改善事業", "市民課", "完了", "完了", "変化なし"],
        ["C3", "キャッシュレス決済", "窓口改善事業", "市民課", "－", "遅延", "新規"],
    ]


# --- 推移 -----------------------------------------------------------------------------------------
def chart_series(path: Path) -> list[tuple[str, str, str, str]]:
    """(name ref, categories ref, values ref, fill colour) of each series of the workbook's bar charts."""
    out = []
    with zipfile.ZipFile(path) as z:
        for name in sorted(n for n in z.namelist() if n.startswith("xl/charts/chart")):
            root = ET.fromstring(z.read(name))
            for bar in root.iter(f"{{{NS['c']}}}barChart"):
                assert bar.find("c:grouping", NS).get("val") == "stacked"
                for ser in bar.findall("c:ser", NS):
                    out.append((ser.find("c:tx//c:f", NS).text, ser.find("c:cat//c:f", NS).text,
                                ser.find("c:val//c:f", NS).text,
                                ser.find("c:spPr/a:solidFill/a:srgbClr", NS).get("val")))
    return out


def test_trend_three_periods_cell_by_cell_and_chart(tmp_path):
    path = render(three_periods(), tmp_path / "m.xlsx")
    ws = openpyxl.load_workbook(path)["推移"]
    assert rows(ws) == [
        ["テスト市行革プラン"],
        ["進捗状況の推移（令和2年度【上半期】 ～ 令和3年度【年度末】）"],
        ["※順調は「済」「概ね順調」。割合（％）は小数点以下切り捨て。"],
        ["※「合計」は報告のあった取組の数です。「前期比較」は計画の全取組（報告なしを含む）を数えるため、今期は1取組（報告なし）だけ多くなります。"],
        ["報告期間", "済", "概ね順調", "遅れ", "未着手", "休止", "合計", "順調の割合（％）"],
        ["令和2年度【上半期】", 0, 1, 1, 2, 0, 4, 25],
        ["令和2年度【年度末】", 0, 2, 1, 1, 0, 4, 50],
        ["令和3年度【上半期】", 0, 3, 1, 1, 0, 5, 60],
        ["令和3年度【年度末】", 1, 2, 1, 0, 1, 5, 60],
        ["【進捗状況別の取組数の推移】"],
    ]
    header = row_of(ws, "報告期間")
    current = row_of(ws, "令和3年度【年度末】")
    assert ws.cell(current, 1).font.b and not ws.cell(current - 1, 1).font.b
    scale = small_plan().scale
    colours = st.status_colours(scale.names, scale.on_track)
    series = chart_series(path)
    assert [s[3] for s in series] == [colours[n][1:] for n in scale.names]
    letters = [openpyxl.utils.get_column_letter(_col(ws, header, n)) for n in scale.names]
    first = openpyxl.utils.get_column_letter(_col(ws, header, "報告期間"))
    assert [s[:3] for s in series] == [
        (f"推移!${c}${header}", f"推移!${first}${header + 1}:${first}${header + 4}", f"推移!${c}${header + 1}:${c}${header + 4}")
        for c in letters]
    assert ws.print_title_rows == f"${header}:${header}"
    # the chart's rows are inside the print area
    assert int(str(ws.print_area).rsplit("$", 1)[1]) >= row_of(ws, "【進捗状況別の取組数の推移】") + 15


def test_trend_another_scale_other_column_and_rounding(tmp_path):
    plan = small_plan(FOUR_SCALE, g.ROUNDING_HALF_UP)
    old = snapshot(plan, R3_H1, {"A1": ("遅れ", None), "A2": ("順調", None), "B1": ("遅延", None)})
    result = period_result(plan, R3_FY, {"A1": ("完了", None), "A2": ("やや遅れ", None), "B1": ("遅延", None)}, [old])
    ws = openpyxl.load_workbook(render(result, tmp_path / "m.xlsx"))["推移"]
    assert rows(ws)[2:8] == [
        ["※順調は「完了」「順調」「やや遅れ」。割合（％）は小数点以下四捨五入。"],
        ["※「その他」は、今の進捗区分にない区分で報告された取組です。"],
        ["※「合計」は報告のあった取組の数です。「前期比較」は計画の全取組（報告なしを含む）を数えるため、今期は3取組（報告なし）だけ多くなります。"],
        ["報告期間", "完了", "順調", "やや遅れ", "遅延", "その他", "合計", "順調の割合（％）"],
        ["令和3年度【上半期】", 0, 1, 0, 1, 1, 3, 33],
        ["令和3年度【年度末】", 1, 0, 1, 1, 0, 3, 67],
    ]


def test_trend_without_history(tmp_path):
    ws = openpyxl.load_workbook(render(period_result(small_plan(), R3_FY, PERIODS[R3_FY]), tmp_path / "m.xlsx"))["推移"]
    assert rows(ws)[1:7] == [
        ["進捗状況の推移（令和3年度【年度末】）"],
        ["※順調は「済」「概ね順調」。割合（％）は小数点以下切り捨て。"],
        ["※履歴フォルダに過去の集約結果がないため、今期だけを示します。"],
        ["※「合計」は報告のあった取組の数です。「前期比較」は計画の全取組（報告なしを含む）を数えるため、今期は1取組（報告なし）だけ多くなります。"],
        ["報告期間", "済", "概ね順調", "遅れ", "未着手", "休止", "合計", "順調の割合（％）"],
        ["令和3年度【年度末】", 1, 2, 1, 0, 1, 5, 60],
    ]


# --- 財政効果 -------------------------------------------------------------------------------------
RULE = ("※各年度の額は、その年度の最も新しい報告（年度末、なければ下半期、なければ上半期）の財政効果額の合計です。"
        "累計は各年度の額の合計です。")


def test_fiscal_two_periods_without_targets(two_book):
    ws = two_book["財政効果"]
    assert rows(ws) == [
        ["テスト市行革プラン"],
        ["令和3年度【年度末】時点の財政効果額（単位：千円）"],
        [RULE],
        [g.FISCAL_DASH_NOTE],
        ["※令和3年度【年度末】の財政効果額が空欄（または報告なし）の取組は、同じ年度の上半期の額を年度の額としています（A2 減免基準の見直し 50 千円、C1 書かない窓口 30 千円）。"],
        ["【取組の視点別】"],
        ["取組の視点", "令和3年度\n（年度末）", "累計"],
        ["(1)歳入の確保", 350, 350],
        ["(2)事務の見直し", 50, 50],
        ["計画全体", 400, 400],
        ["【事業別】"],
        ["事業番号", "事業名", "所管課", "令和3年度\n（年度末）", "累計"],
        ["(1)歳入の確保"],
        ["A", "使用料見直し事業", "財政課", 350, 350],
        ["B", "未利用地売却事業", "資産課", 0, 0],
        ["(2)事務の見直し"],
        ["C", "窓口改善事業", "市民課", 50, 50],
        ["計画全体", 400, 400],
    ]
    assert ws.page_setup.orientation == "portrait"
    assert ws.print_title_rows == f"${row_of(ws, '事業番号')}:${row_of(ws, '事業番号')}"
    assert ws.cell(row_of(ws, "A"), _col(ws, row_of(ws, "A"), 350)).number_format == "#,##0"


def test_fiscal_three_periods_with_targets(three_book):
    ws = three_book["財政効果"]
    assert rows(ws) == [
        ["テスト市行革プラン"],
        ["令和3年度【年度末】時点の財政効果額（単位：千円）"],
        [RULE],
        [g.FISCAL_DASH_NOTE],
        ["※令和3年度【年度末】の財政効果額が空欄（または報告なし）の取組は、同じ年度の上半期の額を年度の額としています（A2 減免基準の見直し 50 千円、C1 書かない窓口 30 千円）。"],
        ["※達成率（％）は累計 ÷ 目標額で、小数点以下切り捨て。"],
        ["※目標額のない事業は、取組の視点別・計画全体の目標額と達成率に含めていません。"],
        ["【取組の視点別】"],
        ["取組の視点", "令和2年度\n（年度末）", "令和3年度\n（年度末）", "累計", "目標額", "達成率（％）"],
        ["(1)歳入の確保", 500, 350, 850, 1000, 85],
        ["(2)事務の見直し", 40, 50, 90, 90, 100],
        ["計画全体", 540, 400, 940, 1090, 86],
        ["【年度別の目標と実績】"],
        ["年度", "財政効果額", "目標額", "達成率（％）", "累計", "累計の目標額", "累計の達成率（％）"],
        ["令和2年度", 540, 1000, 54, 540, 1000, 54],
        ["令和3年度", 400, 400, 100, 940, 1400, 67],
        ["【事業別】"],
        ["事業番号", "事業名", "所管課", "令和2年度\n（年度末）", "令和3年度\n（年度末）", "累計", "目標額", "達成率（％）"],
        ["(1)歳入の確保"],
        ["A", "使用料見直し事業", "財政課", 500, 350, 850, 1000, 85],
        ["B", "未利用地売却事業", "資産課", "－", 0, 0, "－", "－"],
        ["(2)事務の見直し"],
        ["C", "窓口改善事業", "市民課", 40, 50, 90, 90, 100],
        ["計画全体", 540, 400, 940, 1090, 86],
    ]


def test_fiscal_landscape_when_many_years(tmp_path):
    plan = small_plan(targets={"A": 10})
    history = [snapshot(plan, type(R3_FY)(year, g.PERIOD_YEAR_END), {"A1": ("済", year - 2000)})
               for year in range(2014, 2021)]
    ws = openpyxl.load_workbook(render(period_result(plan, R3_FY, PERIODS[R3_FY], history), tmp_path / "m.xlsx"))["財政効果"]
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToHeight == 0
    header = rows(ws)[rows(ws).index(["【事業別】"]) + 1]
    assert header[3] == "平成26年度\n（年度末）" and header[-4:] == ["令和3年度\n（年度末）", "累計", "目標額", "達成率（％）"]


# --- the whole master -----------------------------------------------------------------------------
def test_movement_sheets_are_deterministic(tmp_path):
    a = builders.workbook_content(render(three_periods(), tmp_path / "a.xlsx"))
    b = builders.workbook_content(render(three_periods(), tmp_path / "b.xlsx"))
    assert builders.content_differences(a, b) == []


def test_history_argument_overrides_nothing_when_empty(tmp_path):
    result = two_periods()
    path = tmp_path / "m.xlsx"
    write_master(path, result, master_content(result, [snapshot(small_plan(), R2_FY)]), tmp_path)
    assert "令和2年度【年度末】 → 令和3年度【年度末】" in rows(openpyxl.load_workbook(path)["前期比較"])[1][0]
    write_master(path, result, master_content(result), tmp_path)
    assert "令和3年度【上半期】 → 令和3年度【年度末】" in rows(openpyxl.load_workbook(path)["前期比較"])[1][0]


# --- printed through LibreOffice -------------------------------------------------------------------
def movement_only(master: Path, copy: Path) -> None:
    """A copy of ``master`` that prints only the movement sheets (the first of them active)."""
    from gyokaku_xl.publish import pdf

    pdf.sheets_only_copy(master, copy, g.MOVEMENT_SHEETS)


def test_printed_pages_are_a4_and_show_every_sheet(tmp_path, soffice):
    import subprocess

    from gyokaku_xl.publish import pdf

    plan = small_plan(targets={"A": 1000, "C": 90}, yearly={2020: 1000, 2021: 400})
    master = render(three_periods(plan), tmp_path / "集約結果.xlsx")
    copy = tmp_path / "in" / "movement.xlsx"
    copy.parent.mkdir()
    movement_only(master, copy)
    produced = pdf.convert(soffice, copy, tmp_path)
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", str(produced)], capture_output=True, text=True,
                          check=True).stdout
    sizes = [line.split(":", 1)[1].split("pts")[0].split(" x ") for line in info.splitlines()
             if line.startswith("Page") and "size" in line]
    pages = subprocess.run(["pdftotext", "-layout", str(produced), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) == len(sizes) == 3  # one page per sheet for a small plan
    a4 = {(595, 842), (842, 595)}
    assert all((round(float(w)), round(float(h))) in a4 for w, h in sizes)
    assert [round(float(sizes[n][0])) > round(float(sizes[n][1])) for n in range(3)] == [True, False, True]
    comparison, trend_page, fiscal_page = (" ".join(p.split()) for p in pages)
    assert "前期比較（令和3年度【上半期】 → 令和3年度【年度末】）" in comparison
    assert "変化の内訳：改善 1・悪化 1・変化 1・変化なし 1・新規 1・報告なし 1" in comparison
    assert "C3 キャッシュレス決済 窓口改善事業 市民課 － 済 新規" in comparison and comparison.endswith("－1－")
    assert "令和2年度【上半期】 1 1 2" in trend_page.replace(" 0 ", " ")
    assert "計画全体 540 400 940 1,090 86" in fiscal_page


def test_trend_chart_labels_thin_segments_not(tmp_path):
    """On 55 取組, a segment of 1 is a few pixels tall: its label would overlap the next one's
    (issue 21, point 17). Such labels are left out (the table has the counts, a note says so);
    the y axis is fixed so the heights are known."""
    import xlsxwriter
    from gyokaku_xl.domain.content import Trend, TrendRow
    from gyokaku_xl.render.movement import write_trend_sheet

    plan = small_plan()
    names = plan.scale.names
    trend = Trend(names, (TrendRow(R3_H1, (1, 45, 7, 1, 1), 55, 46, 83),
                          TrendRow(R3_FY, (2, 44, 6, 2, 1), 55, 46, 83, True)))
    path = tmp_path / "t.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    write_trend_sheet(workbook, plan, trend, st.status_colours(names, plan.scale.on_track))
    workbook.close()
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("xl/charts/chart1.xml"))
    assert root.find(".//c:valAx/c:scaling/c:max", NS).get("val") == "60"
    deleted = []
    for n, ser in enumerate(root.iter(f"{{{NS['c']}}}ser")):
        for label in ser.findall("c:dLbls/c:dLbl", NS):
            if label.find("c:delete", NS) is not None:
                deleted.append((names[n], int(label.find("c:idx", NS).get("val"))))
    # 1 and 2 of 60 are too thin, 6 and 7 are tall enough for a label; 概ね順調 always has its label
    assert sorted(deleted) == sorted([("済", 0), ("済", 1), ("未着手", 0), ("未着手", 1), ("休止", 0), ("休止", 1)])
    texts = [c.value for row in openpyxl.load_workbook(path)["推移"].iter_rows() for c in row if c.value]
    assert g.TREND_CHART_SMALL_NOTE in texts


def test_fiscal_program_rows_are_as_tall_as_their_text(tmp_path):
    """A 所管課 as long as 「みどり公園・水辺課」 fits its column: the 事業 row is one line, not two
    (issue 21, point 20: 龍城ケ丘ゾーン公園整備事業's row was far too tall)."""
    import xlsxwriter
    from gyokaku_xl.domain.content import Fiscal, FiscalLine
    from gyokaku_xl.render.movement import write_fiscal_sheet

    line = FiscalLine(("3", "龍城ケ丘ゾーン公園整備事業", "みどり公園・水辺課"), (None, 0), 0)
    fiscal = Fiscal(years=(R3_H1, R3_FY), programs=(line,), perspectives=(), any_amount=True,
                    total=FiscalLine(("計画全体",), (None, 0), 0))
    path = tmp_path / "f.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    write_fiscal_sheet(workbook, small_plan(), fiscal)
    workbook.close()
    ws = openpyxl.load_workbook(path)["財政効果"]
    row = next(c.row for r in ws.iter_rows() for c in r if c.value == "龍城ケ丘ゾーン公園整備事業")
    assert ws.row_dimensions[row].height < st.row_height(1, 9, 4.0) + 1  # one line (pixel-rounded)
    assert g.FISCAL_DASH_NOTE in [c.value for r in ws.iter_rows() for c in r]
