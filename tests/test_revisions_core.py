"""Plan revisions, pure: the plan in force at a period, what became of a number, forms that still
carry an old number."""

from __future__ import annotations

from builders import build_form, build_plan, load_plan
from gyokaku_xl.core.checks import FileContext, check_initiative_id
from gyokaku_xl.core.revisions import fate, in_force
from gyokaku_xl.reading.form import parse_form
from gyokaku_xl.reading.xlsx import read_workbook
from gyokaku_xl import text as g

from test_revisions_e2e import MERGE_ADD, P1, P2, P3, RENUMBER_END, THIRD


def revised(tmp_path):
    return load_plan(build_plan(tmp_path, initiatives=THIRD, extra_sheets={g.PLAN_SHEET_CHANGES: RENUMBER_END + MERGE_ADD}))


def ids(plan):
    return [i.id for i in plan.initiatives]


def test_plan_in_force_at_each_period(tmp_path):
    plan = revised(tmp_path)
    assert ids(in_force(plan, P3)) == ["1-01", "1-99", "1-03", "2-01", "3-01", "3-02", "3-04"]
    assert [i.id for i in in_force(plan, P3).retired] == ["3-03"]  # ended, though still listed
    # before the 番号変更 the 取組 has its old number; 3-04 is not yet in the plan
    assert ids(in_force(plan, P1)) == ["1-01", "1-02", "1-03", "2-01", "3-01", "3-02", "3-03"]
    assert in_force(plan, P1).initiative("1-02").name == "窓口業務の委託"
    assert in_force(in_force(plan, P3), P3).initiatives == in_force(plan, P3).initiatives


def test_fate_follows_numbers(tmp_path):
    plan = revised(tmp_path)
    assert fate("1-02", plan.changes, P1, P3).initiative_id == "1-99"
    assert fate("1-02", plan.changes, P1, P3).renumbered
    assert fate("1-02", plan.changes, P2, P3).via == ()  # already renumbered by 年度末
    assert fate("2-02", plan.changes, P2, P3).merged.new_id == "2-01"
    assert fate("3-03", plan.changes, P1, P2).ended.content == "施設予約システムの稼働により完了"
    assert fate("2-01", plan.changes, P1, P3).via == ()


def test_a_form_with_an_old_number(tmp_path):
    plan = in_force(revised(tmp_path), P3)
    old = load_plan(build_plan(tmp_path / "old"))
    plan = plan
    path = build_form(tmp_path / "old.xlsx", old, P3, "資産経営課")
    form, _ = parse_form(read_workbook(path), path.name)
    ctx = FileContext(plan=plan, form=form, period=P3)
    by_id = {r.value("initiative_id"): list(check_initiative_id(ctx, r)) for r in form.rows}
    assert [(f.code, f.severity, f.message) for f in by_id["1-02"]] == [
        ("initiative-renumbered", g.SEVERITY_INFO,
         "取組番号「1-02」は 令和3年度【年度末】 から「1-99」に変わりました。「1-99」の報告として集約します。")]
    assert [(f.code, f.severity, f.message) for f in by_id["3-03"]] == [
        ("initiative-ended", g.SEVERITY_ERROR, "取組「3-03」は 令和3年度【年度末】 に終了しました。この行は集約しません。")]
    assert by_id["1-03"] == []
    assert plan.find_initiative("1-02").id == "1-99"
