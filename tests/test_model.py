"""The domain model: eras, periods, the status scale, the plan's lookups, shares."""

from __future__ import annotations

import pytest

from gyokaku_xl import text as g
from gyokaku_xl.domain.model import (DEFAULT_SCALE, Period, PeriodError, Perspective, Program, era_label,
                              parse_fiscal_year, parse_period, share_percent, to_fullwidth_digits)


# --- 令和 ⇄ 西暦 -------------------------------------------------------------------------------
@pytest.mark.parametrize("typed, year", [
    (2021, 2021), ("2021", 2021), ("２０２１", 2021), ("2021年度", 2021), (2021.0, 2021),
    ("R3", 2021), ("r3", 2021), ("Ｒ３", 2021), ("令和3", 2021), ("令和３", 2021), ("令和3年度", 2021),
    ("令和３年度", 2021), (" 令和 3 年度 ", 2021), ("令和3年", 2021),
    ("令和元年度", 2019), ("令和元", 2019), ("R1", 2019), ("令和1年度", 2019),
    ("令和5年度", 2023), ("平成31年度", 2019), ("平成30年度", 2018), ("H30", 2018),
])
def test_parse_fiscal_year(typed, year):
    assert parse_fiscal_year(typed) == year


@pytest.mark.parametrize("typed", ["", None, "abc", "令和", "令和0年度", "R0", "昭和50年度", "3", 3, 1800,
                                   "12345", True, 2021.5, "令和3年度上半期"])
def test_parse_fiscal_year_rejects(typed):
    with pytest.raises(PeriodError):
        parse_fiscal_year(typed)


@pytest.mark.parametrize("year, label", [
    (2019, "令和元年度"), (2020, "令和2年度"), (2021, "令和3年度"), (2030, "令和12年度"),
    (2018, "平成30年度"), (1989, "平成元年度"), (1980, "1980年度"),
])
def test_era_label(year, label):
    assert era_label(year) == label


@pytest.mark.parametrize("year", range(1989, 2040))
def test_era_round_trip(year):
    assert parse_fiscal_year(era_label(year)) == year


# --- periods -------------------------------------------------------------------------------------
@pytest.mark.parametrize("typed, half", [
    ("上半期", "上半期"), (" 上半期\u3000", "上半期"), ("上期", "上半期"), ("H1", "上半期"),
    ("下半期", "下半期"), ("下期", "下半期"), ("年度末", "年度末"), ("通期", "年度末"), ("ＦＹ", "年度末"),
])
def test_parse_period(typed, half):
    assert parse_period(typed) == half


@pytest.mark.parametrize("typed", ["", None, "第3四半期", "上"])
def test_parse_period_rejects(typed):
    with pytest.raises(PeriodError):
        parse_period(typed)


def test_period_labels():
    period = Period.parse("R3", "上期")
    assert period == Period(2021, g.PERIOD_FIRST_HALF)
    assert period.year_label == "令和3年度"
    assert period.label == "令和3年度【上半期】"
    assert period.file_label == "令和3年度上半期"
    assert Period.parse("令和元年度", "年度末").label == "令和元年度【年度末】"
    assert Period(2021, "上半期") < Period(2021, "下半期") < Period(2022, "上半期")


# --- perspectives, programs, the scale -----------------------------------------------------------
def test_perspective_labels():
    p = Perspective(1, "民間活力の活用")
    assert p.label == "(1)民間活力の活用"
    assert p.heading == "（１）民間活力の活用"
    assert to_fullwidth_digits("12") == "１２"


def test_program_title():
    assert Program("1", 1, "民間活力活用事業", True, True, "行政総務課").title == "民間活力活用事業【重点】"
    assert Program("2", 3, "職員提案・業務改善推進事業", False, True, "行政総務課").title == "職員提案・業務改善推進事業"


def test_default_scale():
    assert DEFAULT_SCALE.names == ("済", "概ね順調", "遅れ", "未着手", "休止")
    assert DEFAULT_SCALE.on_track == ("済", "概ね順調")
    assert DEFAULT_SCALE.not_on_track == ("遅れ", "未着手", "休止")
    assert DEFAULT_SCALE.is_on_track("済") and not DEFAULT_SCALE.is_on_track("遅れ")
    assert all(s.definition for s in DEFAULT_SCALE.statuses)
    assert DEFAULT_SCALE.choices_text() == "「済」「概ね順調」「遅れ」「未着手」「休止」"


@pytest.mark.parametrize("typed, expected", [
    ("概ね順調", ("概ね順調", True)), ("概ね順調 ", ("概ね順調", False)), ("概ね　順調", ("概ね順調", False)),
    ("\u3000済", ("済", False)), ("遅れ", ("遅れ", True)), ("おおむね順調", None), ("", None), (None, None),
])
def test_scale_match(typed, expected):
    assert DEFAULT_SCALE.match(typed) == expected


# --- the plan's lookups --------------------------------------------------------------------------
def test_plan_lookups(plan):
    first = plan.initiative("1-01")
    assert plan.find_initiative("１－０１") is first and plan.find_initiative("9-99") is None
    assert plan.program_of(first).name == "民間委託推進事業"
    assert plan.perspective_of(first).label == "(1)民間活力の活用"
    assert plan.order_of("1-01") == 0 and plan.order_of("unknown") == len(plan.initiatives)
    assert [i.id for i in plan.initiatives_of("資産経営課")] == ["1-02", "1-03", "3-03"]
    assert [p.number for p in plan.programs_of(1)] == ["1", "2"]
    assert [i.id for i in plan.initiatives_of_program("4")] == ["3-01", "3-02", "3-03"]
    assert plan.find_department(" 資産経営課\u3000") == "資産経営課" and plan.find_department("x") is None


# --- share of on-track initiatives ---------------------------------------------------------------
def test_share_is_truncated_by_default():
    assert share_percent(52, 55) == 94  # 94.54…% is printed as 94% in the official document
    assert share_percent(52, 55, g.ROUNDING_TRUNCATE) == 94
    assert share_percent(2, 3) == 66
    assert share_percent(55, 55) == 100


def test_share_half_up():
    assert share_percent(52, 55, g.ROUNDING_HALF_UP) == 95
    assert share_percent(2, 3, g.ROUNDING_HALF_UP) == 67
    assert share_percent(1, 8, g.ROUNDING_HALF_UP) == 13  # 12.5 → 13
    assert share_percent(1, 8, g.ROUNDING_TRUNCATE) == 12
    assert share_percent(1, 200, g.ROUNDING_HALF_UP) == 1  # 0.5 → 1


def test_share_of_nothing():
    assert share_percent(0, 0) == 0 and share_percent(0, 0, g.ROUNDING_HALF_UP) == 0
