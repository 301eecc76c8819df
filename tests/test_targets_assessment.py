"""Self-assessment against the numbers: an on-track 取組 at year end whose indicator is in the lowest 区分."""

from __future__ import annotations

from target_builders import build_inbox, build_target_plan
from gyokaku_xl import text as g
from gyokaku_xl.domain.model import Period
from gyokaku_xl.run.inbox import validate_inbox

YEAR_END = Period(2021, g.PERIOD_YEAR_END)
FIRST_HALF = Period(2021, g.PERIOD_FIRST_HALF)
LOW = {("1-01", "委託件数"): {"actual": 7}, ("1-01", "経費"): {"actual": 4000}, ("2-01", "提案件数"): {"actual": 3},
       ("3-01", "削減時間"): {"actual": 1200}}


def _assessments(tmp_path, period, statuses=None, **kwargs):
    plan_path = build_target_plan(tmp_path, **kwargs)
    inbox = build_inbox(tmp_path, plan_path, period, LOW, statuses)
    result, _plan, _notices = validate_inbox(inbox, plan_path, period)
    return result, [f for f in result.findings if f.code == "target-self-assessment"]


def test_on_track_with_a_lowest_band_indicator_is_a_warning_naming_both_cells(tmp_path):
    result, found = _assessments(tmp_path, YEAR_END, {"2-01": "遅れ"})
    (finding,) = found  # 1-01: 委託件数 7/20 = 35 % (C); 2-01 is 遅れ (its 30 % is expected); 3-01 is 100 %
    assert (finding.severity, finding.file, finding.sheet, finding.cell, finding.initiative_id) == (
        g.SEVERITY_WARNING, "行政総務課.xlsx", g.FORM_SHEET, "G10", "1-01")
    assert finding.message == ("進捗状況（「取組状況」シート G10）は「概ね順調」ですが、指標「委託件数」（「数値目標」シート I8）の"
                               "達成率は 35％（評価 C）です。進捗状況か実績値を確かめてください。")
    submission = next(s for s in result.submissions if s.department == "行政総務課")
    assert submission.warnings >= 1  # counted with the department's warnings


def test_not_at_first_half_nor_without_ratings(tmp_path):
    assert _assessments(tmp_path / "h1", FIRST_HALF)[1] == []
    assert _assessments(tmp_path / "none", YEAR_END, ratings=None)[1] == []
