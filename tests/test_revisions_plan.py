"""The plan master's 「計画の変更」 sheet: reading, the period forms, and every check of the log."""

from __future__ import annotations

import pytest

from builders import DEFAULT_INITIATIVES, build_plan, load_plan
from gyokaku_xl.domain import revisions as rv
from gyokaku_xl.domain.model import Period, PeriodError
from gyokaku_xl.domain.tokens import CHANGE_KIND_WORDS
from gyokaku_xl.reading.plan import read_plan
from gyokaku_xl import text as g

R4_H1 = Period(2022, g.PERIOD_FIRST_HALF)


def change(period: object, kind: object, ident: object, new: object = None, content: object = None) -> dict:
    row = {g.PLAN_COL_CHANGE_PERIOD: period, g.PLAN_COL_CHANGE_KIND: kind, g.PLAN_COL_CHANGE_ID: ident,
           g.PLAN_COL_CHANGE_NEW_ID: new, g.PLAN_COL_CHANGE_CONTENT: content}
    return row


def plan_with(tmp_path, changes, initiatives=None):
    return build_plan(tmp_path, initiatives=initiatives, extra_sheets={g.PLAN_SHEET_CHANGES: changes})


#: the default plan with 1-02 renumbered to 1-99, 3-03 ended (still listed), 3-04 added
REVISED = [*[i for i in DEFAULT_INITIATIVES if i["取組番号"] != "1-02"],
           {"取組番号": "1-99", "事業番号": "1", "取組名": "窓口業務の委託", "所管課": "資産経営課"},
           {"取組番号": "3-04", "事業番号": "4", "取組名": "電子申請の拡充", "所管課": "情報政策課"}]


@pytest.mark.parametrize("text", ["令和4年度上半期", "R4 上半期", "2022 上半期", "令和4年度【上半期】",
                                  "Ｒ４　上期", "2022年度上半期"])
def test_period_forms(text):
    assert rv.parse_change_period(text) == R4_H1


def test_every_kind_has_its_parse_words_and_its_label():
    """The 区分 words the reader accepts (domain.tokens) and the labels users read (text) name each
    kind of change once; each kind's own label reads back as that kind."""
    assert set(CHANGE_KIND_WORDS) == set(rv.KINDS) == set(g.KIND_LABELS)
    for kind, label in g.KIND_LABELS.items():
        assert rv.change_kind(label) == kind
    assert rv.change_kind("廃止") == rv.END and rv.change_kind("変更") is None


@pytest.mark.parametrize("text", ["", "令和4年度", "上半期", "2022 秋", None, 3])
def test_period_not_read(text):
    with pytest.raises(PeriodError):
        rv.parse_change_period(text)


def test_each_kind_is_read_in_order(tmp_path):
    plan = load_plan(plan_with(tmp_path, [
        change("R4 上半期", "終了", "3-03", content="目的を達成したため"),
        change("令和3年度年度末", "番号変更", "1-02", "1-99"),
        change("2022 上半期", "追加", "3-04"),
        change("R4 下半期", "統合", "2-02", "2-01", "職員提案制度に統合"),
        change("R4 下半期", "名称変更", "2-01", content="職員提案制度と会議改革"),
        change("R5 上半期", "所管課変更", "3-01"),
        change("R5 上半期", "事業変更", "3-02"),
    ], REVISED))
    kinds = [(c.period.file_label, c.kind, c.initiative_id, c.new_id) for c in plan.changes]
    assert kinds == [
        ("令和3年度年度末", rv.RENUMBER, "1-02", "1-99"),
        ("令和4年度上半期", rv.END, "3-03", ""),
        ("令和4年度上半期", rv.ADD, "3-04", ""),
        ("令和4年度下半期", rv.MERGE, "2-02", "2-01"),
        ("令和4年度下半期", rv.RENAME, "2-01", ""),
        ("令和5年度上半期", rv.DEPARTMENT, "3-01", ""),
        ("令和5年度上半期", rv.PROGRAM, "3-02", ""),
    ]
    assert plan.changes[1].content == "目的を達成したため"
    assert plan.changes[1].cell == "C2"


def test_aliases_of_kinds(tmp_path):
    plan = load_plan(plan_with(tmp_path, [change("R4 上半期", "廃止", "3-03"), change("R4 上半期", " 完 了 ", "3-02")]))
    assert [c.kind for c in plan.changes] == [rv.END, rv.END]


def findings_of(tmp_path, changes, initiatives=None):
    result = read_plan(plan_with(tmp_path, changes, initiatives))
    return [(f.code, f.severity, f.cell, f.value) for f in result.findings if f.code.startswith("plan-change")], result


def test_unknown_kind_and_bad_period(tmp_path):
    found, result = findings_of(tmp_path, [change("R4 秋", "終了", "3-03"), change("R4 上半期", "休止", "3-03"),
                                           change("R9 上半期", "終了", "3-03")])
    assert found == [("plan-change-period-invalid", "エラー", "A2", "R4 秋"),
                     ("plan-change-kind-unknown", "エラー", "B3", "休止"),
                     ("plan-change-period-outside", "エラー", "A4", "R9 上半期")]
    assert result.plan is None
    messages = [f.message for f in result.findings if f.code.startswith("plan-change")]
    assert "（令和2年度～令和5年度）" in messages[2]
    assert "追加・終了・統合・番号変更・名称変更・所管課変更・事業変更" in messages[1]


def test_unknown_numbers(tmp_path):
    found, _ = findings_of(tmp_path, [change("R4 上半期", "名称変更", "9-99"),
                                      change("R4 上半期", "統合", "1-01", "8-88")])
    assert found == [("plan-change-unknown-id", "エラー", "C2", "9-99"),
                     ("plan-change-unknown-id", "エラー", "D3", "8-88")]


def test_add_of_a_number_that_exists(tmp_path):
    found, _ = findings_of(tmp_path, [change("R4 上半期", "追加", "3-04"), change("R4 下半期", "追加", "3-04")], REVISED)
    assert found == [("plan-change-add-existing", "エラー", "C3", "3-04")]


def test_renumber_onto_a_number_in_use(tmp_path):
    found, result = findings_of(tmp_path, [change("R4 上半期", "番号変更", "1-01", "2-01")])
    assert found == [("plan-change-number-in-use", "エラー", "D2", "2-01")]
    assert "令和4年度【上半期】の時点で別の取組が使っている" in result.findings[0].message or any(
        "別の取組が使っている" in f.message for f in result.findings)


def test_merge_into_an_ended_one_and_change_after_end(tmp_path):
    found, result = findings_of(tmp_path, [change("R4 上半期", "終了", "2-01"),
                                           change("R4 下半期", "統合", "2-02", "2-01"),
                                           change("R5 上半期", "名称変更", "2-01")])
    assert found == [("plan-change-merge-into-ended", "エラー", "D3", "2-01"),
                     ("plan-change-after-end", "エラー", "C4", "2-01")]
    message = next(f.message for f in result.findings if f.code == "plan-change-merge-into-ended")
    assert message == "統合先の取組「2-01」は 令和4年度【上半期】 に終了しているため、令和4年度【下半期】からの統合先にできません。"


def test_merge_and_renumber_need_the_new_number(tmp_path):
    found, _ = findings_of(tmp_path, [change("R4 上半期", "統合", "2-02"), change("R4 上半期", "番号変更", "1-01", ""),
                                      change("R4 上半期", "終了", "")])
    assert found == [("plan-change-id-missing", "エラー", "D2", "2-02"),
                     ("plan-change-id-missing", "エラー", "D3", "1-01"),
                     ("plan-change-id-missing", "エラー", "C4", "")]


def test_an_added_number_must_be_on_the_initiatives_sheet(tmp_path):
    found, _ = findings_of(tmp_path, [change("R4 上半期", "追加", "3-09")])
    assert found == [("plan-change-not-listed", "エラー", "C2", "3-09")]


def test_sheet_without_its_headers_is_a_warning(tmp_path):
    result = read_plan(plan_with(tmp_path, [{"時期": "R4 上半期", "区分": "終了", "取組番号": "3-03"}]))
    assert result.plan is not None and result.plan.changes == ()
    assert [(f.code, f.severity) for f in result.findings] == [("plan-header-missing", "警告")]


def test_no_sheet_no_changes(tmp_path):
    assert load_plan(build_plan(tmp_path)).changes == ()


def test_the_revised_example_plan_reads_back_its_log():
    import sys
    from pathlib import Path
    examples = Path(__file__).resolve().parent.parent / "examples"
    sys.path.insert(0, str(examples))
    try:
        import sample_data
    finally:
        sys.path.remove(str(examples))
    plan = load_plan(examples / "計画マスタ_年度末.xlsx")
    strip = [(c.period, c.kind, c.initiative_id, c.new_id, c.content) for c in plan.changes]
    assert strip == [(c.period, c.kind, c.initiative_id, c.new_id, c.content)
                     for c in rv.sort_changes(sample_data.YEAR_END_REVISIONS)]
    assert {c.kind for c in plan.changes} == set(rv.KINDS)  # one of each 区分
