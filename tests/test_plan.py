"""Reading and checking the plan master (計画マスタ.xlsx)."""

from __future__ import annotations

import pytest

from gyokaku_xl.text.revisions import REVISION_FINDINGS

import builders
from builders import DEFAULT_INITIATIVES, DEFAULT_PROGRAMS, build_plan
from gyokaku_xl import text as g
from gyokaku_xl.domain import schema as s
from gyokaku_xl.domain.findings import ERROR, WARNING
from gyokaku_xl.reading.plan import PlanReadError, is_mark, read_plan


def codes(result) -> list[str]:
    return [f.code for f in result.findings]


def only(result, code: str):
    found = [f for f in result.findings if f.code == code]
    assert len(found) == 1, [(f.code, f.message) for f in result.findings]
    return found[0]


def with_row(rows, index, **changes):
    rows = [dict(r) for r in rows]
    rows[index].update(changes)
    return rows


# --- a good plan ---------------------------------------------------------------------------------
def test_reads_the_default_plan(plan_path):
    result = read_plan(plan_path)
    assert result.findings == [] and result.plan is not None
    plan = result.plan
    assert plan.name == "テスト市行財政改革計画（2020-2023）" and plan.municipality == "テスト市"
    assert plan.rounding == g.ROUNDING_TRUNCATE and plan.coordinator == "行政総務課"
    assert [p.label for p in plan.perspectives] == ["(1)民間活力の活用", "(2)行政の効率化", "(3)ICTの活用推進"]
    assert plan.scale.names == ("済", "概ね順調", "遅れ", "未着手", "休止")
    assert plan.scale.on_track == ("済", "概ね順調")
    assert len(plan.programs) == 4 and len(plan.initiatives) == 8
    assert plan.departments == ("行政総務課", "資産経営課", "情報政策課")
    assert plan.source == str(plan_path)


def test_summary_defaults_to_priority(plan):
    flags = {p.name: (p.priority, p.summary) for p in plan.programs}
    assert flags == {"民間委託推進事業": (True, True), "施設管理適正化事業": (False, False),
                     "業務改善推進事業": (False, True), "ICT活用推進事業": (True, True)}


def test_explicit_no_summary_for_a_priority_program(tmp_path):
    path = build_plan(tmp_path, programs=with_row(DEFAULT_PROGRAMS, 0, 総括掲載="×"))
    plan = builders.load_plan(path)
    assert (plan.programs[0].priority, plan.programs[0].summary) == (True, False)


def test_columns_in_any_order_and_typed_variants(tmp_path):
    reordered = [{"所管課": r["所管課"], "取組名": r["取組名"], "取組番号": r["取組番号"], "事業番号": r["事業番号"]}
                 for r in DEFAULT_INITIATIVES]
    programs = with_row(DEFAULT_PROGRAMS, 1, 取組の視点="（１）", 重点="〇")
    plan = builders.load_plan(build_plan(tmp_path, initiatives=reordered, programs=programs))
    assert [i.id for i in plan.initiatives] == [r["取組番号"] for r in DEFAULT_INITIATIVES]
    assert plan.programs[1].perspective == 1 and plan.programs[1].priority


def test_initiatives_are_put_in_plan_order(tmp_path):
    shuffled = list(reversed(DEFAULT_INITIATIVES))
    plan = builders.load_plan(build_plan(tmp_path, initiatives=shuffled))
    assert [plan.program_of(i).number for i in plan.initiatives] == ["1", "1", "2", "3", "3", "4", "4", "4"]


def test_full_width_ids_are_matched(tmp_path):
    initiatives = with_row(DEFAULT_INITIATIVES, 0, 取組番号="１－０１", 事業番号="１")
    plan = builders.load_plan(build_plan(tmp_path, initiatives=initiatives))
    assert plan.find_initiative("1-01") is not None
    assert plan.find_initiative("１－０１").program == "1"


def test_is_mark():
    for mark in ("○", "〇", "◯", "●", "1", "TRUE", "はい", " ○ ", "Ｏ"):
        assert is_mark(mark), mark
    for mark in ("", None, "×", "-", "0"):
        assert not is_mark(mark), mark


# --- every finding code --------------------------------------------------------------------------
@pytest.mark.parametrize("sheet", [g.PLAN_SHEET_SETTINGS, g.PLAN_SHEET_PERSPECTIVES, g.PLAN_SHEET_STATUSES,
                                   g.PLAN_SHEET_PROGRAMS, g.PLAN_SHEET_INITIATIVES])
def test_missing_sheet(tmp_path, sheet):
    result = read_plan(build_plan(tmp_path, drop_sheets=[sheet]))
    finding = only(result, "plan-sheet-missing")
    assert result.plan is None and finding.severity == ERROR and finding.sheet == sheet
    assert f"シート「{sheet}」" in finding.message


def test_missing_header(tmp_path):
    programs = [{k: v for k, v in r.items() if k != "重点"} for r in DEFAULT_PROGRAMS]
    result = read_plan(build_plan(tmp_path, programs=programs))
    finding = only(result, "plan-header-missing")
    assert result.plan is None and finding.sheet == g.PLAN_SHEET_PROGRAMS
    assert "重点" in finding.message and "「事業」" in finding.message and finding.cell == "1行目"


def test_missing_setting(tmp_path):
    result = read_plan(build_plan(tmp_path, settings={"計画名": "計画"}))
    finding = only(result, "plan-setting-missing")
    assert result.plan is None and "自治体名" in finding.message


def test_invalid_rounding_setting(tmp_path):
    settings = {**builders.DEFAULT_SETTINGS, "割合の端数処理": "切り上げ"}
    result = read_plan(build_plan(tmp_path, settings=settings))
    finding = only(result, "plan-setting-invalid")
    assert result.plan is None and "切り捨て・四捨五入" in finding.message


def test_half_up_rounding_setting(tmp_path):
    settings = {**builders.DEFAULT_SETTINGS, "割合の端数処理": "四捨五入"}
    assert builders.load_plan(build_plan(tmp_path, settings=settings)).rounding == g.ROUNDING_HALF_UP


def test_unknown_perspective(tmp_path):
    result = read_plan(build_plan(tmp_path, programs=with_row(DEFAULT_PROGRAMS, 2, 取組の視点=9)))
    finding = only(result, "plan-unknown-perspective")
    assert result.plan is None and finding.cell == "B4" and finding.value == "9"


@pytest.mark.parametrize("sheet, rows, label, cell", [
    (g.PLAN_SHEET_PERSPECTIVES, [{"番号": 1, "名称": "a"}, {"番号": "１", "名称": "b"}], "取組の視点", "A3"),
    (g.PLAN_SHEET_STATUSES, [{"区分": "済", "順調": "○"}, {"区分": "済 ", "順調": ""}], "区分", "A3"),
    (g.PLAN_SHEET_PROGRAMS, with_row(DEFAULT_PROGRAMS, 1, 事業番号="1"), "事業番号", "A3"),
    (g.PLAN_SHEET_INITIATIVES, with_row(DEFAULT_INITIATIVES, 3, 取組番号="１－０１"), "取組番号", "A5"),
])
def test_duplicate_ids(tmp_path, sheet, rows, label, cell):
    key = {g.PLAN_SHEET_PERSPECTIVES: "perspectives", g.PLAN_SHEET_STATUSES: "statuses",
           g.PLAN_SHEET_PROGRAMS: "programs", g.PLAN_SHEET_INITIATIVES: "initiatives"}[sheet]
    programs = DEFAULT_PROGRAMS if sheet != g.PLAN_SHEET_PERSPECTIVES else [
        dict(r, 取組の視点=1) for r in DEFAULT_PROGRAMS]
    result = read_plan(build_plan(tmp_path, **{"programs": programs, key: rows}))
    finding = only(result, "plan-duplicate-id")
    assert result.plan is None and finding.sheet == sheet and finding.cell == cell
    assert label in finding.message and "A2" in finding.message


def test_unknown_program(tmp_path):
    result = read_plan(build_plan(tmp_path, initiatives=with_row(DEFAULT_INITIATIVES, 0, 事業番号="99")))
    finding = only(result, "plan-unknown-program")
    assert result.plan is None and finding.initiative_id == "1-01" and finding.cell == "B2"
    assert "99" in finding.message


@pytest.mark.parametrize("key, rows, cell", [
    ("perspectives", [{"番号": 1, "名称": ""}, {"番号": 2, "名称": "b"}, {"番号": 3, "名称": "c"}], "B2"),
    ("programs", with_row(DEFAULT_PROGRAMS, 0, 事業名="　"), "C2"),
    ("programs", with_row(DEFAULT_PROGRAMS, 0, 所管課=None), "F2"),
    ("programs", with_row(DEFAULT_PROGRAMS, 3, 事業番号=""), "A5"),
    ("initiatives", with_row(DEFAULT_INITIATIVES, 1, 取組名=""), "C3"),
    ("initiatives", with_row(DEFAULT_INITIATIVES, 1, 取組番号=None), "A3"),
    ("statuses", [{"区分": "済", "順調": "○"}, {"区分": "", "順調": "○", "説明": "x"}], "A3"),
])
def test_empty_names(tmp_path, key, rows, cell):
    result = read_plan(build_plan(tmp_path, **{key: rows}))
    finding = next(f for f in result.findings if f.code == "plan-empty-name")
    assert result.plan is None and finding.cell == cell and finding.severity == ERROR


def test_invalid_perspective_number(tmp_path):
    rows = [*builders.DEFAULT_PERSPECTIVES, {"番号": "四", "名称": "その他"}]
    result = read_plan(build_plan(tmp_path, perspectives=rows))
    finding = only(result, "plan-invalid-number")
    assert result.plan is None and finding.cell == "A5" and finding.value == "四"


def test_no_statuses(tmp_path):
    result = read_plan(build_plan(tmp_path, statuses=[]))
    assert "plan-no-statuses" in codes(result) and result.plan is None


def test_no_on_track_status(tmp_path):
    result = read_plan(build_plan(tmp_path, statuses=[{"区分": "遅れ", "順調": ""}, {"区分": "休止", "順調": ""}]))
    assert only(result, "plan-no-on-track").severity == ERROR and result.plan is None


def test_program_without_initiatives_is_a_warning(tmp_path):
    programs = [*DEFAULT_PROGRAMS, {"事業番号": "5", "取組の視点": 3, "事業名": "空の事業", "重点": "",
                                    "総括掲載": "", "所管課": "財政課"}]
    result = read_plan(build_plan(tmp_path, programs=programs))
    finding = only(result, "plan-empty-program")
    assert finding.severity == WARNING and result.plan is not None and "5" in finding.message


def test_initiative_without_department_takes_the_programs(tmp_path):
    result = read_plan(build_plan(tmp_path, initiatives=with_row(DEFAULT_INITIATIVES, 2, 所管課="")))
    finding = only(result, "plan-department-mismatch")
    assert finding.severity == WARNING and finding.cell == "D4"
    assert result.plan.initiative("1-03").department == "資産経営課"


def test_every_plan_code_has_a_message():
    from gyokaku_xl.text.targets import TARGET_FINDINGS  # the 数値目標 sheets' codes: tests/test_targets_plan.py
    plan_codes = [c for c in g.MESSAGES if c.startswith("plan-") and c not in TARGET_FINDINGS]
    assert set(plan_codes) == {
        "plan-sheet-missing", "plan-header-missing", "plan-setting-missing", "plan-setting-invalid",
        "plan-empty-name", "plan-duplicate-id", "plan-unknown-perspective", "plan-unknown-program",
        "plan-invalid-number", "plan-no-statuses", "plan-no-on-track", "plan-empty-program",
        "plan-department-mismatch", "plan-target-invalid", "plan-target-duplicate-year",
        "plan-target-year-invalid",
        "plan-contact-unknown-department", "plan-contact-bad-address", "plan-contact-duplicate",
        *(c for c in REVISION_FINDINGS if c.startswith("plan-"))}


def test_unreadable_file_raises(tmp_path):
    path = tmp_path / "計画マスタ.xlsx"
    path.write_bytes(b"not a zip")
    with pytest.raises(PlanReadError) as info:
        read_plan(path)
    assert info.value.finding.code in ("corrupt-zip", "not-excel")  # whichever the reader says
    assert info.value.finding.message


def test_blank_rows_and_extra_sheets_are_ignored(tmp_path):
    initiatives = [*DEFAULT_INITIATIVES[:2], {"取組番号": None, "事業番号": None, "取組名": None, "所管課": None},
                   *DEFAULT_INITIATIVES[2:]]
    result = read_plan(build_plan(tmp_path, initiatives=initiatives, extra_sheets={"メモ": [{"a": 1}]}))
    assert result.findings == [] and len(result.plan.initiatives) == 8


# --- another municipality: its own perspectives and scale, no code change ------------------------
def test_another_municipality(tmp_path, period):
    path = build_plan(
        tmp_path,
        settings={"計画名": "みなと市行政改革プラン", "自治体名": "みなと市", "割合の端数処理": "四捨五入"},
        perspectives=[{"番号": 1, "名称": "協働の推進"}, {"番号": 2, "名称": "財政健全化"}],
        statuses=[{"区分": "完了", "順調": "○", "説明": "終わった"}, {"区分": "順調", "順調": "○"},
                  {"区分": "やや遅れ", "順調": ""}, {"区分": "中止", "順調": ""}],
        programs=[{"事業番号": "A", "取組の視点": 1, "事業名": "協働事業", "重点": "○", "総括掲載": "", "所管課": "協働課"},
                  {"事業番号": "B", "取組の視点": 2, "事業名": "財政事業", "重点": "", "総括掲載": "", "所管課": "財務課"}],
        initiatives=[{"取組番号": "B-1", "事業番号": "B", "取組名": "基金の運用", "所管課": "財務課"},
                     {"取組番号": "A-1", "事業番号": "A", "取組名": "協働の手引", "所管課": "協働課"}],
    )
    plan = builders.load_plan(path)
    assert plan.municipality == "みなと市" and plan.rounding == g.ROUNDING_HALF_UP
    assert plan.scale.names == ("完了", "順調", "やや遅れ", "中止")
    assert plan.scale.on_track == ("完了", "順調") and plan.scale.not_on_track == ("やや遅れ", "中止")
    assert plan.scale.statuses[0].definition == "終わった"
    assert [i.id for i in plan.initiatives] == ["A-1", "B-1"]
    assert plan.departments == ("協働課", "財務課")
    form = builders.build_form(tmp_path / "f.xlsx", plan, period, "協働課",
                               rows={"A-1": {"status": "やや遅れ", "progress": "・実施"}})
    from gyokaku_xl.reading.xlsx import read_workbook
    data = read_workbook(form).sheets[g.FORM_SHEET]
    assert data.value(10, 1) == "A-1" and data.value(10, 2) == "(1)協働の推進"
    assert data.value(10, s.column_index("status") + 1) == "やや遅れ"


def test_errors_survive_pickling():
    """Errors cross process pools (e.g. when inboxes are read in parallel)."""
    import pickle

    from gyokaku_xl.domain.findings import ERROR, OutputLockedError, make
    from gyokaku_xl.reading.plan import PlanReadError
    from gyokaku_xl.reading.xlsx import ReadError

    e = pickle.loads(pickle.dumps(PlanReadError(make("not-excel", ERROR, file="計画.xlsx"))))
    assert e.finding.code == "not-excel" and e.finding.file == "計画.xlsx"
    r = pickle.loads(pickle.dumps(ReadError("zip-bomb", detail="x")))
    assert (r.code, r.fields) == ("zip-bomb", {"detail": "x"})
    o = pickle.loads(pickle.dumps(OutputLockedError("使用中", "a.xlsx", "a(2).xlsx")))
    assert (str(o), o.path, o.fallback) == ("使用中", "a.xlsx", "a(2).xlsx")


# --- optional 財政効果 targets ------------------------------------------------------------------------
def with_targets(values):
    return [{**row, g.PLAN_COL_TARGET: value} for row, value in zip(DEFAULT_PROGRAMS, values)]


def test_program_targets_are_read_when_the_column_exists(tmp_path):
    plan = builders.load_plan(build_plan(tmp_path, programs=with_targets([1200, None, "３，０００", 0])))
    assert [p.target for p in plan.programs] == [1200, None, 3000, 0]
    assert [p.target for p in builders.load_plan(build_plan(tmp_path / "none")).programs] == [None] * 4


def test_bad_program_targets_are_warnings_and_left_out(tmp_path):
    result = read_plan(build_plan(tmp_path, programs=with_targets([-5, "未定", 1.5, 10 ** 12])))
    bad = [f for f in result.findings if f.code == "plan-target-invalid"]
    assert [(f.severity, f.cell, f.value) for f in bad] == [
        (WARNING, "G2", "-5"), (WARNING, "G3", "未定"), (WARNING, "G4", "1.5"), (WARNING, "G5", "1000000000000")]
    assert bad[0].message == "目標額（千円）「-5」は 0 以上の整数（千円、999,999,999 以下）で記入してください。この目標額は使用しません。"
    assert result.plan is not None and [p.target for p in result.plan.programs] == [None] * 4


def test_yearly_targets_sheet(tmp_path):
    rows = [{"年度": "令和3年度", "目標額（千円）": 5000}, {"年度": 2022, "目標額（千円）": "6,000"},
            {"年度": "R5", "目標額（千円）": 7000}, {"年度": "来年", "目標額（千円）": 1},
            {"年度": "2021", "目標額（千円）": 9}, {"年度": "令和6年度", "目標額（千円）": "多め"}]
    result = read_plan(build_plan(tmp_path, extra_sheets={g.PLAN_SHEET_FISCAL_TARGETS: rows}))
    assert result.plan is not None
    assert result.plan.fiscal_targets == {2021: 5000, 2022: 6000, 2023: 7000}
    assert [(f.code, f.severity, f.cell) for f in result.findings] == [
        ("plan-target-year-invalid", WARNING, "A5"), ("plan-target-duplicate-year", WARNING, "A6"),
        ("plan-target-invalid", WARNING, "B7")]


def test_yearly_targets_sheet_without_its_headers_is_a_warning(tmp_path):
    result = read_plan(build_plan(tmp_path, extra_sheets={g.PLAN_SHEET_FISCAL_TARGETS: [{"年": 2021, "額": 1}]}))
    assert result.plan is not None and result.plan.fiscal_targets == {}
    assert {(f.code, f.severity) for f in result.findings} == {("plan-header-missing", WARNING)}
