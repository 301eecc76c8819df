"""前期比較, 推移 and 財政効果 computed from period snapshots (pure; see ``movement``).

The factories here (``small_plan``, ``period_result``, ``snapshot``, the ``PERIODS`` data) are also
used by ``test_movement_sheets.py``.
"""

from __future__ import annotations

import dataclasses

from gyokaku_xl import text as g
from gyokaku_xl.domain.model import MAX_AMOUNT, Period, Status, StatusScale
from gyokaku_xl.core.movement import (build_movement, change_of, compare, comparison_summary, earlier_periods,
                                 fiscal, trend, year_snapshots)
from gyokaku_xl.core.content import master_content
from gyokaku_xl.domain.records import MergeResult, Snapshot, snapshot_of

from test_summary import make_plan, make_result

R2_H1 = Period(2020, g.PERIOD_FIRST_HALF)
R2_FY = Period(2020, g.PERIOD_YEAR_END)
R3_H1 = Period(2021, g.PERIOD_FIRST_HALF)
R3_FY = Period(2021, g.PERIOD_YEAR_END)

#: status and 財政効果額 per initiative per period (missing = not reported)
PERIODS: dict[Period, dict[str, tuple[str, int | None]]] = {
    R2_H1: {"A1": ("未着手", 999), "A2": ("概ね順調", None), "B1": ("未着手", None), "C1": ("遅れ", 7)},
    R2_FY: {"A1": ("遅れ", 500), "A2": ("概ね順調", None), "B1": ("未着手", None), "C1": ("概ね順調", 40)},
    R3_H1: {"A1": ("遅れ", 100), "A2": ("概ね順調", 50), "B1": ("未着手", None), "C1": ("概ね順調", 30),
            "C2": ("概ね順調", None)},
    R3_FY: {"A1": ("概ね順調", 300), "A2": ("遅れ", None), "B1": ("休止", 0), "C1": ("概ね順調", None),
            "C3": ("済", 20)},
}

FOUR_SCALE = StatusScale((Status("完了", True), Status("順調", True), Status("やや遅れ", True),
                          Status("遅延", False)))


def small_plan(scale: StatusScale | None = None, rounding: str = g.ROUNDING_TRUNCATE,
               targets: dict[str, int] | None = None, yearly: dict[int, int] | None = None):
    """2 perspectives, 3 事業 (A, B under 1; C under 2), 6 取組; optional 目標額 per 事業 and per year."""
    kwargs = {"scale": scale} if scale is not None else {}
    plan = make_plan(
        ["歳入の確保", "事務の見直し"],
        [("A", 1, "使用料見直し事業", True, True, "財政課"), ("B", 1, "未利用地売却事業", False, False, "資産課"),
         ("C", 2, "窓口改善事業", False, True, "市民課")],
        [("A1", "A", "使用料の改定"), ("A2", "A", "減免基準の見直し"), ("B1", "B", "売却候補地の選定"),
         ("C1", "C", "書かない窓口"), ("C2", "C", "窓口予約"), ("C3", "C", "キャッシュレス決済")],
        rounding=rounding, name="テスト市行革プラン", **kwargs)
    if targets or yearly:
        programs = tuple(dataclasses.replace(p, target=(targets or {}).get(p.number)) for p in plan.programs)
        plan = dataclasses.replace(plan, programs=programs, fiscal_targets=dict(yearly or {}))
    return plan


def period_result(plan, period: Period, data: dict[str, tuple[str, int | None]],
                  history: list[Snapshot] | None = None) -> MergeResult:
    """The merge result of one period: status and 財政効果額 per initiative id."""
    reports = {i: {"status": s, "progress": f"{i}の取組状況（{period.label}）", "fiscal_effect": a}
               for i, (s, a) in data.items()}
    result = make_result(plan, period, reports)
    result.history = list(history or [])
    return result


def snapshot(plan, period: Period, data: dict[str, tuple[str, int | None]] | None = None) -> Snapshot:
    """A period's snapshot as the history reader gives it."""
    return dataclasses.replace(snapshot_of(period_result(plan, period, PERIODS[period] if data is None else data)),
                               source=f"{period.file_label}_集約結果.xlsx")


def two_periods(plan=None) -> MergeResult:
    plan = plan or small_plan()
    return period_result(plan, R3_FY, PERIODS[R3_FY], [snapshot(plan, R3_H1)])


def three_periods(plan=None) -> MergeResult:
    plan = plan or small_plan()
    return period_result(plan, R3_FY, PERIODS[R3_FY], [snapshot(plan, p) for p in (R3_H1, R2_FY, R2_H1)])


def four_scale_periods() -> MergeResult:
    """Two periods on a four-status scale where やや遅れ counts as on track."""
    plan = small_plan(FOUR_SCALE)
    previous = snapshot(plan, R3_H1, {"A1": ("順調", None), "A2": ("やや遅れ", None), "B1": ("遅延", None),
                                      "C1": ("遅れ", None), "C2": ("完了", None)})
    return period_result(plan, R3_FY, {"A1": ("やや遅れ", None), "A2": ("遅延", None), "B1": ("完了", None),
                                       "C1": ("順調", None), "C2": ("完了", None), "C3": ("遅延", None)},
                         [previous])


# --- periods ------------------------------------------------------------------------------------
def test_earlier_periods_are_sorted_and_exclude_the_current_and_later_ones():
    plan = small_plan()
    later = snapshot(plan, Period(2022, g.PERIOD_FIRST_HALF), {})
    again = snapshot(plan, R3_FY, {})
    h2 = snapshot(plan, Period(2021, g.PERIOD_SECOND_HALF), {})
    found = earlier_periods([snapshot(plan, R3_H1), later, again, h2, snapshot(plan, R2_FY), snapshot(plan, R2_H1)],
                            R3_FY)
    assert [s.period for s in found] == [R2_H1, R2_FY, R3_H1, Period(2021, g.PERIOD_SECOND_HALF)]


def test_a_year_takes_its_latest_period():
    plan = small_plan()
    h1, h2, fy = (snapshot(plan, Period(2021, half), {}) for half in g.PERIODS)
    assert year_snapshots([fy, h1, h2]) == [fy]
    assert year_snapshots([h1, h2]) == [h2]
    assert year_snapshots([h1]) == [h1]
    r2 = snapshot(plan, R2_H1, {})
    assert year_snapshots([h1, r2]) == [r2, h1]


# --- 前期比較 -------------------------------------------------------------------------------------
def test_comparison_two_periods_every_kind_of_change():
    c = compare(two_periods())
    assert (c.previous, c.current) == (R3_H1, R3_FY)
    assert [(r.initiative_id, r.previous, r.current, r.change) for r in c.rows] == [
        ("A1", "遅れ", "概ね順調", "改善"),
        ("A2", "概ね順調", "遅れ", "悪化"),
        ("B1", "未着手", "休止", "変化"),
        ("C1", "概ね順調", "概ね順調", "変化なし"),
        ("C2", "概ね順調", "", "報告なし"),
        ("C3", "", "済", "新規"),
    ]
    assert [(r.name, r.program, r.department) for r in c.rows][:2] == [
        ("使用料の改定", "使用料見直し事業", "財政課"), ("減免基準の見直し", "使用料見直し事業", "財政課")]
    assert c.counts == (("改善", 1), ("悪化", 1), ("変化", 1), ("変化なし", 1), ("新規", 1), ("報告なし", 1))
    assert (c.improved, c.worsened) == (1, 1)
    assert c.row_labels == ("済", "概ね順調", "遅れ", "未着手", "休止", "（なし）")
    assert c.column_labels == ("済", "概ね順調", "遅れ", "未着手", "休止", "（なし）")
    assert c.matrix == (
        (0, 0, 0, 0, 0, 0),
        (0, 1, 1, 0, 0, 1),
        (0, 1, 0, 0, 0, 0),
        (0, 0, 0, 0, 1, 0),
        (0, 0, 0, 0, 0, 0),
        (1, 0, 0, 0, 0, 0),
    )
    assert sum(map(sum, c.matrix)) == len(small_plan().initiatives)


def test_comparison_three_periods_uses_the_latest_earlier_one():
    c = compare(three_periods())
    assert c.previous == R3_H1
    assert [r.change for r in c.rows] == ["改善", "悪化", "変化", "変化なし", "報告なし", "新規"]
    # against R2年度末 the same history would read differently: the latest earlier period wins
    only_r2 = period_result(small_plan(), R3_FY, PERIODS[R3_FY], [snapshot(small_plan(), R2_FY)])
    assert [r.change for r in compare(only_r2).rows] == ["改善", "悪化", "変化", "変化なし", "報告なし", "新規"]
    assert compare(only_r2).previous == R2_FY


def test_comparison_without_history_has_no_changes():
    plan = small_plan()
    c = compare(period_result(plan, R3_FY, PERIODS[R3_FY]))
    assert c.previous is None and c.counts == () and c.matrix == ()
    assert [(r.previous, r.current, r.change) for r in c.rows][:2] == [("", "概ね順調", ""), ("", "遅れ", "")]
    assert comparison_summary(c) == "前期比較: 比較する前期の集約結果がありません"


def test_comparison_another_scale_follows_its_on_track_marks():
    result = four_scale_periods()
    c = compare(result)
    # やや遅れ counts as on track on this scale: 順調 → やや遅れ is 変化, not 悪化
    assert [r.change for r in c.rows] == ["変化", "悪化", "改善", "変化", "変化なし", "新規"]
    assert c.row_labels == ("完了", "順調", "やや遅れ", "遅延", "遅れ", "（なし）")  # 遅れ: an older scale's status
    assert c.column_labels == ("完了", "順調", "やや遅れ", "遅延", "（なし）")
    assert c.matrix[4] == (0, 1, 0, 0, 0)
    assert comparison_summary(c) == "前期比較: 令和3年度上半期 と比較（改善 1・悪化 1）"


def test_change_of():
    plan = small_plan()
    assert change_of(plan, "", "") == "報告なし"
    assert change_of(plan, "済", "") == "報告なし"
    assert change_of(plan, "", "遅れ") == "新規"
    assert change_of(plan, "済", "概ね順調") == "変化"
    assert change_of(plan, "休止", "済") == "改善"
    assert change_of(plan, "済", "休止") == "悪化"


# --- 推移 -----------------------------------------------------------------------------------------
def test_trend_three_periods():
    t = trend(three_periods())
    assert t.statuses == ("済", "概ね順調", "遅れ", "未着手", "休止") and not t.has_other
    assert [(r.period, r.counts, r.total, r.on_track, r.share, r.is_current) for r in t.rows] == [
        (R2_H1, (0, 1, 1, 2, 0), 4, 1, 25, False),
        (R2_FY, (0, 2, 1, 1, 0), 4, 2, 50, False),
        (R3_H1, (0, 3, 1, 1, 0), 5, 3, 60, False),
        (R3_FY, (1, 2, 1, 0, 1), 5, 3, 60, True),
    ]


def test_trend_without_history_is_the_current_period():
    t = trend(period_result(small_plan(), R3_FY, PERIODS[R3_FY]))
    assert [(r.period, r.total, r.is_current) for r in t.rows] == [(R3_FY, 5, True)]


def test_trend_rounding_and_older_statuses():
    for rounding, share in ((g.ROUNDING_TRUNCATE, 42), (g.ROUNDING_HALF_UP, 43)):
        plan = small_plan(FOUR_SCALE, rounding)
        old = snapshot(plan, R3_H1, {"A1": ("遅れ", None), "A2": ("順調", None)})
        data = {"A1": ("完了", None), "A2": ("順調", None), "B1": ("やや遅れ", None), "C1": ("遅延", None),
                "C2": ("遅延", None), "C3": ("遅延", None)}
        current = period_result(plan, R3_FY, data, [old])
        t = trend(current)
        assert t.statuses == ("完了", "順調", "やや遅れ", "遅延", "その他") and t.has_other
        assert t.rows[0].counts == (0, 1, 0, 0, 1) and t.rows[0].share == 50
        assert t.rows[1].counts == (1, 1, 1, 3, 0) and t.rows[1].share == 50
        # 3 of 7 on track: 42.86 %
        seven = Snapshot(plan.name, R3_H1, tuple(
            dataclasses.replace(snapshot(plan, R3_FY, data).rows[0], initiative_id=f"X{n}",
                                status="順調" if n < 3 else "遅延") for n in range(7)))
        assert trend(period_result(plan, R3_FY, data, [seven])).rows[0].share == share


# --- 財政効果 -------------------------------------------------------------------------------------
def test_fiscal_three_periods_year_rule_and_totals():
    f = fiscal(three_periods())
    assert f.years == (R2_FY, R3_FY)  # 2020: 年度末 beats 上半期; 2021: the current 年度末
    assert [(line.labels, line.amounts, line.cumulative, line.target, line.rate) for line in f.programs] == [
        (("A", "使用料見直し事業", "財政課"), (500, 350), 850, None, None),  # 2021: A1 300 + A2 50 of 上半期
        (("B", "未利用地売却事業", "資産課"), (None, 0), 0, None, None),
        (("C", "窓口改善事業", "市民課"), (40, 50), 90, None, None),  # 2021: C3 20 + C1 30 of 上半期
    ]
    assert [(line.labels, line.amounts, line.cumulative) for line in f.perspectives] == [
        (("(1)歳入の確保",), (500, 350), 850), (("(2)事務の見直し",), (40, 50), 90)]
    assert (f.total.labels, f.total.amounts, f.total.cumulative) == (("計画全体",), (540, 400), 940)
    assert not f.has_targets and f.by_year == () and f.any_amount and f.unmatched == 0
    # 年度末 left A2 and C1 blank: their 上半期 amounts stand for 2021 (2020's 年度末 had every amount)
    assert [(c.initiative_id, c.period, c.source, c.amount) for c in f.carried] == [
        ("A2", R3_FY, R3_H1, 50), ("C1", R3_FY, R3_H1, 30)]


def test_fiscal_two_periods_the_years_latest_report_and_amounts_it_left_blank():
    f = fiscal(two_periods())
    assert f.years == (R3_FY,)
    assert [line.amounts for line in f.programs] == [(350,), (0,), (50,)]


def test_fiscal_a_year_reported_only_at_mid_year():
    plan = small_plan()
    result = period_result(plan, Period(2022, g.PERIOD_FIRST_HALF), {"A1": ("済", 5)},
                           [snapshot(plan, R3_H1), snapshot(plan, R2_H1)])
    f = fiscal(result)
    assert f.years == (R2_H1, R3_H1, Period(2022, g.PERIOD_FIRST_HALF))
    assert f.total.amounts == (1006, 180, 5) and f.total.cumulative == 1191


def test_fiscal_targets_and_rates_with_the_plans_rounding():
    for rounding, (rate_c, rate_total) in ((g.ROUNDING_TRUNCATE, (100, 86)), (g.ROUNDING_HALF_UP, (100, 86))):
        plan = small_plan(rounding=rounding, targets={"A": 1000, "C": 90})
        f = fiscal(three_periods(plan))
        assert f.has_targets and f.partial_targets
        assert [(line.target, line.rate) for line in f.programs] == [(1000, 85), (None, None), (90, rate_c)]
        assert [(line.target, line.rate) for line in f.perspectives] == [(1000, 85), (90, rate_c)]
        assert (f.total.target, f.total.rate) == (1090, rate_total)


def test_fiscal_zero_target_has_no_rate():
    f = fiscal(two_periods(small_plan(targets={"A": 0, "B": 10, "C": 10})))
    assert [(line.target, line.rate) for line in f.programs] == [(0, None), (10, 0), (10, 500)]
    assert not f.partial_targets


def test_fiscal_yearly_targets():
    plan = small_plan(yearly={2020: 1000, 2021: 400, 2022: 500})
    f = fiscal(three_periods(plan))
    assert [(y.year, y.amount, y.target, y.rate, y.cumulative, y.cumulative_target, y.cumulative_rate)
            for y in f.by_year] == [
        (2020, 540, 1000, 54, 540, 1000, 54),
        (2021, 400, 400, 100, 940, 1400, 67),
        (2022, None, 500, 0, 940, 1900, 49),
    ]


def test_fiscal_amounts_out_of_bounds_and_initiatives_not_in_the_plan():
    plan = small_plan()
    history = [Snapshot(plan.name, R2_FY, (
        dataclasses.replace(snapshot(plan, R3_FY).rows[0], fiscal_effect=MAX_AMOUNT + 1),
        dataclasses.replace(snapshot(plan, R3_FY).rows[0], initiative_id="Z9", program="Z", fiscal_effect=70),
        dataclasses.replace(snapshot(plan, R3_FY).rows[0], initiative_id="Z8", program="C", fiscal_effect=3),
        dataclasses.replace(snapshot(plan, R3_FY).rows[0], initiative_id="A2", fiscal_effect=True),
    ))]
    f = fiscal(period_result(plan, R3_FY, PERIODS[R3_FY], history))
    assert f.years == (R2_FY, R3_FY)
    assert [line.amounts for line in f.programs] == [(None, 300), (None, 0), (3, 20)]  # Z8 → 事業 C
    assert f.unmatched == 70
    # the largest amounts add up exactly
    big = {i: ("済", MAX_AMOUNT) for i in ("A1", "A2", "B1", "C1", "C2", "C3")}
    f = fiscal(period_result(plan, R3_FY, big, [snapshot(plan, R2_FY, big)]))
    assert f.total.cumulative == 12 * MAX_AMOUNT and f.total.cumulative < 2 ** 53


def test_fiscal_without_amounts():
    plan = small_plan()
    f = fiscal(period_result(plan, R3_FY, {"A1": ("済", None)}))
    assert not f.any_amount and f.total.cumulative == 0 and f.total.amounts == (None,)


def test_build_movement_is_deterministic_and_uses_result_history():
    a, b = build_movement(three_periods()), build_movement(three_periods())
    assert a == b
    assert build_movement(three_periods(), []).comparison.previous is None


# --- the console line -------------------------------------------------------------------------------
def test_console_summary_line():
    from gyokaku_xl.app.summary_lines import summary_lines
    from gyokaku_xl.domain.outcome import RunOutcome

    def merged(result: MergeResult) -> RunOutcome:  # as the merge returns it: with the master's content
        return RunOutcome("merge", result, content=master_content(result))

    lines = summary_lines(merged(two_periods()))
    assert "前期比較: 令和3年度上半期 と比較（改善 1・悪化 1）" in lines
    assert lines.index("前期比較: 令和3年度上半期 と比較（改善 1・悪化 1）") == lines.index("未提出の所管課: なし") + 1
    only_later = period_result(small_plan(), R3_H1, PERIODS[R3_H1], [snapshot(small_plan(), R3_FY)])
    assert "前期比較: 比較する前期の集約結果がありません" in summary_lines(merged(only_later))
    no_history = summary_lines(merged(period_result(small_plan(), R3_FY, PERIODS[R3_FY])))
    assert not any(line.startswith("前期比較") for line in no_history)
    assert not any(line.startswith("前期比較") for line in summary_lines(RunOutcome("check", two_periods())))


def test_the_console_line_is_the_comparison_the_master_shows():
    """The console reads the movement the merge computed; it computes none of its own."""
    from gyokaku_xl.app.summary_lines import summary_lines
    from gyokaku_xl.domain.outcome import RunOutcome

    result = two_periods()
    content = master_content(result)
    shown = dataclasses.replace(content.movement.comparison, counts=((g.CHANGE_IMPROVED, 7), (g.CHANGE_WORSENED, 5)))
    outcome = RunOutcome("merge", result, content=dataclasses.replace(
        content, movement=dataclasses.replace(content.movement, comparison=shown)))
    assert "前期比較: 令和3年度上半期 と比較（改善 7・悪化 5）" in summary_lines(outcome)
