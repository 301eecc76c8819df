"""core.targets: 達成率 by 増/減 with the plan's rounding, 評価 by 下限 (edges exactly on a 下限)."""

from __future__ import annotations

import pytest

from gyokaku_xl import text as g
from gyokaku_xl.core.targets import achievement, format_number
from gyokaku_xl.domain.targets import DOWN, UP, RatingBand, Ratings, parse_number

TRUNC, HALF = g.ROUNDING_TRUNCATE, g.ROUNDING_HALF_UP
RATINGS = Ratings((RatingBand("S", 100), RatingBand("A", 80), RatingBand("B", 50), RatingBand("C", 0)))


@pytest.mark.parametrize("actual, target, direction, rounding, expected", [
    (120, 100, UP, TRUNC, 120),
    (35, 100, UP, TRUNC, 35),
    (2, 3, UP, TRUNC, 66),          # 66.67 cut
    (2, 3, UP, HALF, 67),           # 66.67 rounded
    (1, 8, UP, HALF, 13),           # 12.5 rounds half up
    (1, 8, UP, TRUNC, 12),
    (0.1, 0.3, UP, HALF, 33),       # decimal arithmetic: 33.33…
    (0.7, 1, UP, TRUNC, 70),        # 0.7*100 is 70.0 exactly, not 69.99…
    (4000, 5000, DOWN, TRUNC, 125),  # smaller is better: target ÷ actual
    (5000, 4000, DOWN, TRUNC, 80),
    (3, 2, DOWN, HALF, 67),
    (0, 100, UP, TRUNC, 0),
    (None, 100, UP, TRUNC, None),   # not reported
    (50, None, UP, TRUNC, None),    # no target this year
    (50, 0, UP, TRUNC, None),       # division by zero
    (0, 50, DOWN, TRUNC, None),     # 減 with 実績値 0: division by zero
    (-10, 100, UP, TRUNC, -10),
])
def test_achievement(actual, target, direction, rounding, expected):
    assert achievement(actual, target, direction, rounding) == expected


@pytest.mark.parametrize("rate, band", [
    (100, "S"), (150, "S"), (99, "A"), (80, "A"), (79, "B"), (50, "B"), (49, "C"), (0, "C"),
    (-5, "C"),  # below the lowest 下限: the lowest band
    (None, ""),
])
def test_rating_edges_exactly_on_a_lower_bound(rate, band):
    assert RATINGS.rate(rate) == band


def test_rating_takes_the_shown_rate():
    # 79.5 % shows as 80 % with 四捨五入 (rated A) and 79 % with 切り捨て (rated B)
    assert RATINGS.rate(achievement(159, 200, UP, HALF)) == "A"
    assert RATINGS.rate(achievement(159, 200, UP, TRUNC)) == "B"


def test_no_ratings_rate_nothing():
    assert Ratings().rate(120) == "" and not Ratings()


@pytest.mark.parametrize("raw, expected", [
    (None, (None, "blank")), ("  ", (None, "blank")), (120, (120, "ok")), (12.5, (12.5, "ok")),
    ("120", (120, "ok")), ("1,200", (1200, "comma")), ("１２０", (120, "normalized")),
    ("１，２００", (1200, "normalized")), ("－5", (-5, "normalized")), ("-5", (-5, "ok")),
    ("120件", (120, "unit")), ("１２０件", (120, "unit")), ("120回", (None, "invalid")),
    ("たくさん", (None, "invalid")), ("1,20", (None, "invalid")), (True, (None, "invalid")),
    (float("nan"), (None, "invalid")), ("9" * 40, (None, "invalid")), ("12.50", (12.5, "ok")),
])
def test_parse_number(raw, expected):
    assert parse_number(raw, "件") == expected


def test_format_number():
    assert [format_number(v) for v in (1200, 1200.0, 12.5, 0.1, None, -3)] == ["1,200", "1,200", "12.5", "0.1", "", "-3"]


def test_an_indicator_of_a_initiative_not_in_the_plan_is_left_out():
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from examples.variant_plans import variant_result
    from gyokaku_xl.core.targets import build_targets
    from gyokaku_xl.domain.targets import Indicator, TargetPlan

    result = variant_result(1)
    result.plan.targets = TargetPlan((Indicator("9-9-9", "件数", "件", 0, UP, ((2023, 1),)),
                                      Indicator("1-1-1", "件数", "件", 0, UP, ((2023, 4),))))
    assert [r.indicator.initiative_id for r in build_targets(result).rows] == ["1-1-1"]
