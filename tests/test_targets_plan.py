"""The plan master's 「数値目標」 and 「評価区分」 sheets: read into the plan, every problem a 警告 with its cell."""

from __future__ import annotations

from pathlib import Path

import builders
from gyokaku_xl import text as g
from gyokaku_xl.domain.targets import DOWN, UP, RatingBand
from gyokaku_xl.reading.plan import read_plan
from gyokaku_xl.render.plan_book import write_plan

SETTINGS = {**builders.DEFAULT_SETTINGS, g.SETTING_PLAN_PERIOD: "2020-2023"}
INDICATORS = [
    {"取組番号": "1-01", "指標名": "委託件数", "単位": "件", "基準値": 10, "向き": "", "令和3年度": 20, "R4": 30},
    {"取組番号": "1-01", "指標名": "経費", "単位": "千円", "基準値": 5000, "向き": "減", "令和3年度": 4000, "R4": 3500},
    {"取組番号": "3-01", "指標名": "削減時間", "単位": "時間", "基準値": 0, "向き": "増", "令和3年度": 1200.5, "R4": ""},
]
RATINGS = [
    {"区分": "S", "達成率の下限（％）": 100, "説明": "目標を達成"},
    {"区分": "A", "達成率の下限（％）": 80, "説明": "概ね達成"},
    {"区分": "B", "達成率の下限（％）": 50, "説明": "一部達成"},
    {"区分": "C", "達成率の下限（％）": 0, "説明": "未達成"},
]


def plan_with(tmp_path: Path, indicators=INDICATORS, ratings=RATINGS, settings=SETTINGS):
    sheets = {}
    if indicators is not None:
        sheets[g.PLAN_SHEET_INDICATORS] = indicators
    if ratings is not None:
        sheets[g.PLAN_SHEET_RATINGS] = ratings
    return read_plan(builders.build_plan(tmp_path, settings=settings, extra_sheets=sheets))


def codes(result) -> list[tuple[str, str, str, str]]:
    return [(f.code, f.severity, f.sheet, f.cell) for f in result.findings]


def test_indicators_and_ratings_are_read_in_plan_order(tmp_path):
    result = plan_with(tmp_path)
    assert result.findings == []
    targets = result.plan.targets
    assert [(i.initiative_id, i.name, i.unit, i.baseline, i.direction, i.targets) for i in targets.indicators] == [
        ("1-01", "委託件数", "件", 10, UP, ((2021, 20), (2022, 30))),
        ("1-01", "経費", "千円", 5000, DOWN, ((2021, 4000), (2022, 3500))),
        ("3-01", "削減時間", "時間", 0, UP, ((2021, 1200.5),)),
    ]
    assert targets.ratings.bands == (RatingBand("S", 100, "目標を達成"), RatingBand("A", 80, "概ね達成"),
                                     RatingBand("B", 50, "一部達成"), RatingBand("C", 0, "未達成"))


def test_a_plan_without_the_sheets_has_no_targets(tmp_path):
    result = plan_with(tmp_path, None, None)
    assert result.findings == [] and not result.plan.targets and not result.plan.targets.ratings


def test_indicator_problems_are_warnings_with_cells(tmp_path):
    rows = [
        {"取組番号": "9-99", "指標名": "件数", "単位": "件", "基準値": 1, "向き": "", "令和3年度": 2, "2030": 5},
        {"取組番号": "1-01", "指標名": "", "単位": "件", "基準値": 1, "向き": "", "令和3年度": 2, "2030": ""},
        {"取組番号": "1-01", "指標名": "件数", "単位": "件", "基準値": "十", "向き": "", "令和3年度": "多い", "2030": ""},
        {"取組番号": "１－０１", "指標名": "件数 ", "単位": "件", "基準値": 1, "向き": "", "令和3年度": 2, "2030": ""},
        {"取組番号": "2-01", "指標名": "提案数", "単位": "件", "基準値": 1, "向き": "横ばい", "令和3年度": 2, "2030": ""},
    ]
    result = plan_with(tmp_path, rows)
    sheet = g.PLAN_SHEET_INDICATORS
    assert codes(result) == [
        ("plan-indicator-year-outside", g.SEVERITY_WARNING, sheet, "G1"),
        ("plan-indicator-unknown-initiative", g.SEVERITY_WARNING, sheet, "A2"),
        ("plan-indicator-name-missing", g.SEVERITY_WARNING, sheet, "B3"),
        ("plan-indicator-not-number", g.SEVERITY_WARNING, sheet, "D4"),
        ("plan-indicator-not-number", g.SEVERITY_WARNING, sheet, "F4"),
        ("plan-indicator-duplicate", g.SEVERITY_WARNING, sheet, "B5"),
        ("plan-indicator-direction-invalid", g.SEVERITY_WARNING, sheet, "E6"),
    ]
    assert result.plan is not None  # warnings only: the plan is usable
    (only,) = result.plan.targets.indicators
    assert (only.initiative_id, only.name, only.baseline, only.targets) == ("1-01", "件数", None, ())
    messages = {f.code: f.message for f in result.findings}
    assert "2030" in messages["plan-indicator-year-outside"] and "2020〜2023年度" in messages["plan-indicator-year-outside"]
    assert "「横ばい」" in messages["plan-indicator-direction-invalid"]


def test_missing_headers_leave_the_sheet_out(tmp_path):
    result = plan_with(tmp_path, [{"取組番号": "1-01", "名称": "件数", "令和3年度": 1}],
                       [{"区分": "S", "下限": 100}])
    assert codes(result) == [
        ("plan-indicator-header-missing", g.SEVERITY_WARNING, g.PLAN_SHEET_INDICATORS, "1行目"),
        ("plan-indicator-header-missing", g.SEVERITY_WARNING, g.PLAN_SHEET_RATINGS, "1行目"),
    ]
    assert not result.plan.targets.indicators and not result.plan.targets.ratings


def test_no_year_columns_is_said(tmp_path):
    result = plan_with(tmp_path, [{"取組番号": "1-01", "指標名": "件数"}])
    assert codes(result) == [("plan-indicator-no-years", g.SEVERITY_WARNING, g.PLAN_SHEET_INDICATORS, "1行目")]
    assert result.plan.targets.indicators[0].targets == ()


def test_rating_problems_drop_the_ratings(tmp_path):
    cases = {
        "plan-rating-unordered": [{"区分": "S", "達成率の下限（％）": 100}, {"区分": "A", "達成率の下限（％）": 100}],
        "plan-rating-duplicate": [{"区分": "S", "達成率の下限（％）": 100}, {"区分": "Ｓ", "達成率の下限（％）": 50}],
        "plan-rating-lower-invalid": [{"区分": "S", "達成率の下限（％）": "百"}, {"区分": "A", "達成率の下限（％）": 50}],
    }
    for n, (code, rows) in enumerate(cases.items()):
        result = plan_with(tmp_path / str(n), INDICATORS, rows)
        assert [f.code for f in result.findings] == [code], code
        assert result.findings[0].cell in ("B3", "A3", "B2")
        assert not result.plan.targets.ratings and result.plan.targets.indicators
    unordered = plan_with(tmp_path / "u", INDICATORS, cases["plan-rating-unordered"]).findings[0]
    assert (unordered.cell, unordered.row) == ("B3", 3) and "「S」" in unordered.message


def test_blank_band_name_is_left_out(tmp_path):
    result = plan_with(tmp_path, INDICATORS, [{"区分": "S", "達成率の下限（％）": 100},
                                              {"区分": "", "達成率の下限（％）": 50}])
    assert codes(result) == [("plan-rating-name-missing", g.SEVERITY_WARNING, g.PLAN_SHEET_RATINGS, "A3")]
    assert result.plan.targets.ratings.names == ("S",)


def test_written_plan_reads_back_with_its_targets(tmp_path):
    plan = plan_with(tmp_path / "a").plan
    path = tmp_path / "b" / g.PLAN_FILE_NAME
    path.parent.mkdir()
    write_plan(path, plan)
    again = read_plan(path)
    assert again.findings == [] and again.plan.targets == plan.targets
