"""数値目標 in what is published: 資料1-3's indicator lines, open data, and another city's scale and rounding."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import openpyxl

from target_builders import build_inbox, build_target_plan
from gyokaku_xl import text as g
from gyokaku_xl.core.content import master_content
from gyokaku_xl.core.targets import build_targets
from gyokaku_xl.domain.model import Period
from gyokaku_xl.domain.targets import DOWN, UP, Actual, Indicator, RatingBand, Ratings, TargetPlan
from gyokaku_xl.render.master import write_master
from gyokaku_xl.run.merge import merge

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from examples.variant_plans import FOUR_STATUS_SCALE, variant_result  # noqa: E402

YEAR_END = Period(2021, g.PERIOD_YEAR_END)


def _texts(sheet) -> list[str]:
    return [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]


def test_by_program_sheet_and_open_data(tmp_path):
    plan_path = build_target_plan(tmp_path)
    inbox = build_inbox(tmp_path, plan_path, YEAR_END, {
        ("1-01", "委託件数"): {"actual": 20}, ("1-01", "経費"): {"actual": 4100, "explanation": "-人件費の増"}})
    outcome = merge(inbox, tmp_path / "集約結果.xlsx", plan_path=plan_path, period=YEAR_END,
                    opendata=tmp_path / "公開")
    texts = _texts(openpyxl.load_workbook(outcome.output)[g.SHEET_BY_PROGRAM])
    assert texts.count(g.REPORT_LABEL_TARGETS) == 3  # 1-01, 2-01 and 3-01 have indicators
    assert ("委託件数：20 ／ 20件（達成率 100％、評価 S）\n経費：4,100 ／ 4,000千円（達成率 97％、評価 A）") in texts
    assert "削減時間：未報告 ／ 1,200時間（達成率 －、評価 －）" in texts
    names = sorted(p.name for p in outcome.opendata_paths)
    assert "数値目標_令和3年度年度末.csv" in names and "数値目標_令和3年度年度末.xlsx" in names
    with open(tmp_path / "公開" / "数値目標_令和3年度年度末.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert tuple(rows[0]) == g.OPENDATA_TARGETS_COLUMNS
    assert rows[1] == ["令和3年度", "2021", "年度末", "(1)民間活力の活用", "民間委託推進事業", "行政総務課", "1-01",
                       "給食調理業務の委託", "委託件数", "件", "増", "10", "20", "20", "100", "S", ""]
    assert rows[2][13:] == ["4100", "97", "A", "'-人件費の増"]  # a formula-like text stays text
    assert rows[4][13:] == ["", "", "", ""]  # not reported: empty cells, never 「－」
    book = openpyxl.load_workbook(tmp_path / "公開" / "数値目標_令和3年度年度末.xlsx")
    sheet = book[g.OPENDATA_TARGETS_SHEET]
    assert sheet.max_row == 5 and sheet["Q3"].value == "-人件費の増" and sheet["Q3"].data_type == "s"


def test_another_citys_scale_and_rounding(tmp_path):
    result = variant_result(4, scale=FOUR_STATUS_SCALE)
    plan = result.plan
    plan.rounding = g.ROUNDING_HALF_UP
    plan.targets = TargetPlan(
        (Indicator("1-1-1", "参加者数", "人", 100, UP, ((2023, 300),)),
         Indicator("4-2-3", "処理日数", "日", 10, DOWN, ((2023, 6),))),
        Ratings((RatingBand("◎", 100), RatingBand("○", 70), RatingBand("△", 0))))
    result.actuals = {a.key: a for a in (Actual("1-1-1", "参加者数", 209.99), Actual("4-2-3", "処理日数", 8.5))}
    table = build_targets(result)
    assert [(r.indicator.name, r.rate, r.rating) for r in table.rows] == [("参加者数", 70, "○"), ("処理日数", 71, "○")]
    assert [c.label for c in table.counts] == ["(1)歳入の確保", "(4)デジタル化の推進"]
    assert table.lines["4-2-3"] == ("処理日数：8.5 ／ 6日（達成率 71％、評価 ○）",)
    path = tmp_path / "master.xlsx"
    write_master(path, result, master_content(result), tmp_path)
    book = openpyxl.load_workbook(path)
    sheet = book[g.SHEET_TARGETS]
    assert "四捨五入" in sheet["A2"].value and "◎ 100％以上・○ 70％以上・△ 0％以上" in sheet["A3"].value
    assert [c.value for c in sheet[7]][7:] == [300, 209.99, 70, "○", None]
    assert [c.value for c in sheet[11]][:9] == ["取組の視点", None, None, None, "◎", "○", "△", "算定不可", "未報告"]
    assert "処理日数：8.5 ／ 6日（達成率 71％、評価 ○）" in _texts(book[g.SHEET_BY_PROGRAM])


def test_open_data_from_an_existing_master_is_the_same(tmp_path):
    from gyokaku_xl.run.publish import opendata_from_master

    plan_path = build_target_plan(tmp_path)
    inbox = build_inbox(tmp_path, plan_path, YEAR_END, {
        ("1-01", "委託件数"): {"actual": 20}, ("1-01", "経費"): {"actual": 4100.5, "explanation": "人件費\n増"}})
    outcome = merge(inbox, tmp_path / "集約結果.xlsx", plan_path=plan_path, period=YEAR_END, opendata=tmp_path / "a")
    paths = opendata_from_master(outcome.output, tmp_path / "b")
    assert sorted(p.name for p in paths) == sorted(p.name for p in outcome.opendata_paths)
    name = "数値目標_令和3年度年度末.csv"
    assert (tmp_path / "b" / name).read_bytes() == (tmp_path / "a" / name).read_bytes()


def test_no_indicator_open_data_without_indicators(tmp_path, inbox, plan_path):
    from gyokaku_xl.run.publish import opendata_from_master

    outcome = merge(inbox, tmp_path / "集約結果.xlsx", plan_path=plan_path, opendata=tmp_path / "a")
    assert [p.name for p in outcome.opendata_paths if p.name.startswith("数値目標")] == []
    assert [p.name for p in opendata_from_master(outcome.output, tmp_path / "b") if p.name.startswith("数値目標")] == []


def test_a_split_by_program_book_shows_the_same_indicator_lines(tmp_path):
    """資料1-3 written as its own workbook (large plans) gets the run's 数値目標 lines through the payload."""
    from gyokaku_xl.render.split_book import payload_of, write_by_program_book

    result = variant_result(4)
    result.plan.targets = TargetPlan((Indicator("4-2-3", "処理日数", "日", 10, DOWN, ((2023, 6),)),),
                                     Ratings((RatingBand("◎", 100), RatingBand("△", 0))))
    result.actuals = {a.key: a for a in (Actual("4-2-3", "処理日数", 8.5),)}
    content = master_content(result)
    write_master(tmp_path / "master.xlsx", result, content, tmp_path)
    write_by_program_book(str(tmp_path / "alone.xlsx"), payload_of(result, content.targets.lines))
    line = "処理日数：8.5 ／ 6日（達成率 70％、評価 △）"
    alone = _texts(openpyxl.load_workbook(tmp_path / "alone.xlsx")[g.SHEET_BY_PROGRAM])
    assert line in alone
    assert alone == _texts(openpyxl.load_workbook(tmp_path / "master.xlsx")[g.SHEET_BY_PROGRAM])
