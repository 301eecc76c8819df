"""The master's 「数値目標」 sheet, cell by cell: 増 and 減, missing values, each 評価 band edge, the counts."""

from __future__ import annotations

import openpyxl

import builders
from target_builders import build_inbox, build_target_plan
from gyokaku_xl import text as g
from gyokaku_xl.domain.model import Period
from gyokaku_xl.run.merge import merge

YEAR_END = Period(2021, g.PERIOD_YEAR_END)
HEADER = ["取組番号", "取組名", "所管課", "指標名", "単位", "向き", "基準値", "目標値", "実績値", "達成率\n（％）", "評価", "説明"]


def _sheet(path):
    book = openpyxl.load_workbook(path)
    return book, book[g.SHEET_TARGETS]


def _rows(sheet, first=7, count=4):
    return [[c.value for c in row] for row in sheet.iter_rows(min_row=first, max_row=first + count - 1)]


def test_the_sheet_cell_by_cell(tmp_path):
    plan_path = build_target_plan(tmp_path)
    # 委託件数 20 → 20/20 = 100 % exactly on S; 経費 (減) 4000/5000 = 80 % exactly on A;
    # 提案件数 10 → 4.99/10 = 49.9 % cut to 49: C (not B); 削減時間 not reported
    inbox = build_inbox(tmp_path, plan_path, YEAR_END, {
        ("1-01", "委託件数"): {"actual": 20}, ("1-01", "経費"): {"actual": 5000, "explanation": "人件費の増"},
        ("2-01", "提案件数"): {"actual": 4.99}})
    outcome = merge(inbox, tmp_path / "out" / "集約結果.xlsx", plan_path=plan_path, period=YEAR_END)
    book, sheet = _sheet(outcome.output)
    assert book.sheetnames.index(g.SHEET_TARGETS) == book.sheetnames.index(g.SHEET_DATA) - 1
    assert "令和3年度【年度末】　数値目標の達成状況" in sheet["A1"].value
    assert "小数点以下切り捨て" in sheet["A2"].value and "目標値÷実績値" in sheet["A2"].value
    assert "S 100％以上・A 80％以上・B 50％以上・C 0％以上" in sheet["A3"].value
    assert [c.value for c in sheet[6]] == HEADER
    assert _rows(sheet) == [
        ["1-01", "給食調理業務の委託", "行政総務課", "委託件数", "件", "増", 10, 20, 20, 100, "S", None],
        ["1-01", "給食調理業務の委託", "行政総務課", "経費", "千円", "減", 5000, 4000, 5000, 80, "A", "人件費の増"],
        ["2-01", "職員提案制度の運用", "行政総務課", "提案件数", "件", "増", 0, 10, 4.99, 49, "C", None],
        ["3-01", "RPAの導入", "情報政策課", "削減時間", "時間", "増", 0, 1200, "未報告", "－", "－", None],
    ]
    assert sheet["I9"].number_format == "#,##0.0##" and sheet["I7"].number_format == "#,##0"
    # counts per 評価 (and 算定不可, 未報告), per 取組の視点
    assert sheet["A12"].value == "【評価別の指標数】"
    assert [c.value for c in sheet[13]][:11] == ["取組の視点", None, None, None, "S", "A", "B", "C", "算定不可", "未報告", "合計"]
    assert [[c.value for c in row][:11] for row in sheet.iter_rows(min_row=14, max_row=17)] == [
        ["(1)民間活力の活用", None, None, None, 1, 1, 0, 0, 0, 0, 2],
        ["(2)行政の効率化", None, None, None, 0, 0, 0, 1, 0, 0, 1],
        ["(3)ICTの活用推進", None, None, None, 0, 0, 0, 0, 0, 1, 1],
        ["合計", None, None, None, 1, 1, 0, 1, 0, 1, 4],
    ]


def test_rounding_half_up_and_the_edge_below_a_band(tmp_path):
    settings = {**builders.DEFAULT_SETTINGS, g.SETTING_PLAN_PERIOD: "2020-2023", g.SETTING_ROUNDING: g.ROUNDING_HALF_UP}
    plan_path = build_target_plan(tmp_path, settings=settings)
    # 4.995/10 = 49.95 % → 50 % with 四捨五入: exactly on B; 経費 4000/5001 = 79.98 % → 80: A
    inbox = build_inbox(tmp_path, plan_path, YEAR_END, {
        ("1-01", "委託件数"): {"actual": 0}, ("1-01", "経費"): {"actual": 5001}, ("2-01", "提案件数"): {"actual": 4.995},
        ("3-01", "削減時間"): {"actual": 1199.9}})
    outcome = merge(inbox, tmp_path / "集約結果.xlsx", plan_path=plan_path, period=YEAR_END)
    _book, sheet = _sheet(outcome.output)
    assert "小数点以下四捨五入" in sheet["A2"].value
    assert [row[7:11] for row in _rows(sheet)] == [[20, 0, 0, "C"], [4000, 5001, 80, "A"], [10, 4.995, 50, "B"],
                                                  [1200, 1199.9, 100, "S"]]


def test_without_ratings_no_rating_column_and_no_computation_without_target(tmp_path):
    indicators = [{"取組番号": "1-01", "指標名": "委託件数", "単位": "件", "基準値": 10, "向き": "", "令和3年度": 0},
                  {"取組番号": "2-01", "指標名": "提案件数", "単位": "件", "基準値": 1, "向き": "減", "令和4年度": 3}]
    plan_path = build_target_plan(tmp_path, indicators=indicators, ratings=None)
    inbox = build_inbox(tmp_path, plan_path, YEAR_END, {("1-01", "委託件数"): {"actual": 5},
                                                        ("2-01", "提案件数"): {"actual": 2}})
    outcome = merge(inbox, tmp_path / "集約結果.xlsx", plan_path=plan_path, period=YEAR_END)
    _book, sheet = _sheet(outcome.output)
    assert "評価区分" in sheet["A3"].value
    assert [c.value for c in sheet[6]] == HEADER[:-2] + ["説明"]
    # target 0 (division by zero) and no target this year: 「－」
    assert _rows(sheet, count=2) == [
        ["1-01", "給食調理業務の委託", "行政総務課", "委託件数", "件", "増", 10, 0, 5, "－", None],
        ["2-01", "職員提案制度の運用", "行政総務課", "提案件数", "件", "減", 1, "－", 2, "－", None],
    ]
    assert sheet["A10"].value == "【達成率の算定状況別の指標数】"
    assert [c.value for c in sheet[11]][:8] == ["取組の視点", None, None, None, "達成率あり", "算定不可", "未報告", "合計"]


def test_a_plan_without_indicators_has_no_sheet(tmp_path, inbox, plan_path):
    outcome = merge(inbox, tmp_path / "集約結果.xlsx", plan_path=plan_path)
    assert g.SHEET_TARGETS not in openpyxl.load_workbook(outcome.output).sheetnames


def test_a_first_half_master_says_its_rates_are_midyear(tmp_path):
    plan_path = build_target_plan(tmp_path)
    period = Period(2021, g.PERIOD_FIRST_HALF)
    inbox = build_inbox(tmp_path, plan_path, period, {("1-01", "委託件数"): {"actual": 9}})
    outcome = merge(inbox, tmp_path / "集約結果.xlsx", plan_path=plan_path, period=period)
    _book, sheet = _sheet(outcome.output)
    assert sheet["A4"].value.startswith("※上半期の実績値は、その時点までの値です。")
    assert [c.value for c in sheet[6]] == HEADER and sheet["J7"].value == 45  # 9/20
