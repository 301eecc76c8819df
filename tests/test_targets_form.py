"""The form's second input sheet 「数値目標」, reading it back and the 実績値 rules."""

from __future__ import annotations

import openpyxl

import builders
from target_builders import build_inbox, build_target_plan
from gyokaku_xl import text as g
from gyokaku_xl.domain.model import Period
from gyokaku_xl.render.forms import write_form
from gyokaku_xl.run.inbox import validate_inbox

FIRST_HALF = Period(2021, g.PERIOD_FIRST_HALF)
YEAR_END = Period(2021, g.PERIOD_YEAR_END)


def test_a_department_with_indicators_gets_the_sheet(tmp_path):
    plan = builders.load_plan(build_target_plan(tmp_path))
    path = tmp_path / "form.xlsx"
    write_form(path, plan, FIRST_HALF, "行政総務課")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [g.FORM_SHEET, g.FORM_TARGETS_SHEET, g.FORM_GUIDE_SHEET]
    sheet = book[g.FORM_TARGETS_SHEET]
    assert sheet.protection.sheet
    header = [c.value for c in sheet[7]]
    assert header == ["取組番号", "取組名", "指標名", "単位", "基準値", "目標値\n（令和3年度）", "実績値", "説明"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=8, max_row=10)]
    assert rows == [["1-01", "給食調理業務の委託", "委託件数", "件", 10, 20, None, None],
                    ["1-01", "給食調理業務の委託", "経費", "千円", 5000, 4000, None, None],
                    ["2-01", "職員提案制度の運用", "提案件数", "件", 0, 10, None, None]]
    locks = [sheet.cell(8, c).protection.locked for c in range(1, 9)]
    assert locks == [True] * 6 + [False, False]
    (validation,) = sheet.data_validations.dataValidation
    assert str(validation.sqref) == "G8:G10" and validation.type == "decimal"
    assert "9月末" in sheet["A3"].value  # 上半期: the value as of the end of the half
    guide = " ".join(str(c.value) for row in book[g.FORM_GUIDE_SHEET].iter_rows() for c in row if c.value)
    assert "「数値目標」シートの実績値は、上半期の終わり（9月末）時点" in guide
    rows = [[c.value for c in row] for row in book[g.FORM_GUIDE_SHEET].iter_rows() if row[0].value in ("実績値", "目標値")]
    assert rows == [["目標値", "記入済み（変更不可）", "今年度の目標値です。"],
                    ["実績値", "任意", "実績値を数値で記入してください（上半期は9月末時点の値・任意、年度末は年度の値・必須）。"]]


def test_a_department_without_indicators_gets_no_sheet(tmp_path):
    plan = builders.load_plan(build_target_plan(tmp_path))
    path = tmp_path / "form.xlsx"
    write_form(path, plan, FIRST_HALF, "資産経営課")
    assert openpyxl.load_workbook(path).sheetnames == [g.FORM_SHEET, g.FORM_GUIDE_SHEET]


def test_the_year_end_form_shows_references_locked(tmp_path):
    plan = builders.load_plan(build_target_plan(tmp_path))
    path = tmp_path / "form.xlsx"
    refs = {("1-01", "委託件数"): (9, 14), ("2-01", "提案件数"): (None, 4.5)}
    write_form(path, plan, YEAR_END, "行政総務課", target_references={
        plan.targets.find(*k).key: v for k, v in refs.items()})
    sheet = openpyxl.load_workbook(path)[g.FORM_TARGETS_SHEET]
    assert [c.value for c in sheet[7]][5:] == ["目標値\n（令和3年度）", "上半期の実績値", "前年度の実績値", "実績値", "説明"]
    assert [[c.value for c in row][6:8] for row in sheet.iter_rows(min_row=8, max_row=10)] == [
        [9, 14], [None, None], [None, 4.5]]
    assert sheet.cell(8, 7).protection.locked and sheet.cell(8, 8).protection.locked
    assert not sheet.cell(8, 9).protection.locked
    assert sheet.conditional_formatting  # a blank 実績値 shows red at year end


def _findings(tmp_path, period, actuals, **kwargs):
    plan_path = build_target_plan(tmp_path)
    inbox = build_inbox(tmp_path, plan_path, period, actuals, **kwargs)
    result, _plan, _notices = validate_inbox(inbox, plan_path, period)
    return result, [(f.code, f.severity, f.sheet, f.cell, f.initiative_id) for f in result.findings
                    if f.sheet == g.FORM_TARGETS_SHEET]


def test_first_half_values_are_optional(tmp_path):
    result, found = _findings(tmp_path, FIRST_HALF, {("1-01", "委託件数"): {"actual": 12}})
    assert found == []
    assert result.actuals[("1-01", "委託件数")].value == 12
    assert result.actuals[("1-01", "委託件数")].cell == "G8"
    assert result.actuals[("1-01", "経費")].value is None


def test_actual_rules(tmp_path):
    actuals = {("1-01", "委託件数"): {"actual": "１２０"}, ("1-01", "経費"): {"actual": "4,200件"},
               ("2-01", "提案件数"): {"actual": "-3"}, ("3-01", "削減時間"): {"actual": "たくさん"}}
    result, found = _findings(tmp_path, YEAR_END, actuals)
    sheet = g.FORM_TARGETS_SHEET
    assert found == [  # 情報政策課.xlsx, then 行政総務課.xlsx
        ("target-actual-invalid", g.SEVERITY_ERROR, sheet, "I8", "3-01"),
        ("target-actual-normalized", g.SEVERITY_WARNING, sheet, "I8", "1-01"),
        ("target-actual-invalid", g.SEVERITY_ERROR, sheet, "I9", "1-01"),  # 件 is not 経費's unit (千円)
        ("target-actual-negative", g.SEVERITY_WARNING, sheet, "I10", "2-01"),
    ]
    assert result.actuals[("1-01", "委託件数")].value == 120
    assert result.actuals[("1-01", "経費")].value is None
    assert result.actuals[("2-01", "提案件数")].value == -3
    # the file's rows are still merged: a 実績値 problem never rejects the 取組状況
    assert len(result.records) == 8


def test_unit_comma_and_blank_at_year_end(tmp_path):
    actuals = {("1-01", "委託件数"): {"actual": "25件"}, ("1-01", "経費"): {"actual": "4,200"}}
    result, found = _findings(tmp_path, YEAR_END, actuals)
    sheet = g.FORM_TARGETS_SHEET
    assert found == [
        ("target-actual-missing", g.SEVERITY_WARNING, sheet, "I8", "3-01"),
        ("target-actual-unit", g.SEVERITY_WARNING, sheet, "I8", "1-01"),
        ("target-actual-comma", g.SEVERITY_INFO, sheet, "I9", "1-01"),
        ("target-actual-missing", g.SEVERITY_WARNING, sheet, "I10", "2-01"),
    ]
    unit = next(f for f in result.findings if f.code == "target-actual-unit")
    assert "単位「件」" in unit.message and "25" in unit.message
    assert result.actuals[("1-01", "委託件数")].value == 25 and result.actuals[("1-01", "経費")].value == 4200


def test_a_form_without_the_sheet_keeps_working(tmp_path):
    plan_path = build_target_plan(tmp_path)
    inbox = build_inbox(tmp_path, plan_path, YEAR_END, {})
    for path in inbox.iterdir():  # as a version 1.1 form: no 数値目標 sheet
        book = openpyxl.load_workbook(path)
        if g.FORM_TARGETS_SHEET in book.sheetnames:
            del book[g.FORM_TARGETS_SHEET]
            book.save(path)
    result, _plan, _notices = validate_inbox(inbox, plan_path, YEAR_END)
    missing = [(f.code, f.severity, f.file) for f in result.findings if f.code == "target-sheet-missing"]
    assert missing == [("target-sheet-missing", g.SEVERITY_WARNING, "情報政策課.xlsx"),
                       ("target-sheet-missing", g.SEVERITY_WARNING, "行政総務課.xlsx")]
    assert len(result.records) == 8 and result.actuals == {}
    assert not [f for f in result.findings if f.is_error]


def test_a_changed_indicator_name_is_not_used(tmp_path):
    plan_path = build_target_plan(tmp_path)
    inbox = build_inbox(tmp_path, plan_path, FIRST_HALF, {("1-01", "委託件数"): {"actual": 5, "indicator": "別の指標"}})
    result, _plan, _notices = validate_inbox(inbox, plan_path, FIRST_HALF)
    (finding,) = [f for f in result.findings if f.code == "target-unknown-indicator"]
    assert (finding.cell, finding.value, finding.severity) == ("C8", "別の指標", g.SEVERITY_WARNING)
    assert ("1-01", "委託件数") not in result.actuals


def test_the_annotated_copy_marks_the_actual_cell(tmp_path):
    from gyokaku_xl.run.check import check

    plan_path = build_target_plan(tmp_path)
    inbox = build_inbox(tmp_path, plan_path, FIRST_HALF, {("1-01", "経費"): {"actual": "未集計"}})
    outcome = check(inbox, plan_path=plan_path, period=FIRST_HALF, annotate=tmp_path / "差戻し")
    (copy,) = [p for p in outcome.annotated if p.name.startswith("行政総務課")]
    sheet = openpyxl.load_workbook(copy)[g.FORM_TARGETS_SHEET]
    assert sheet["G9"].comment is not None and "未集計" in sheet["G9"].comment.text


def test_another_departments_indicator_is_not_taken(tmp_path):
    plan_path = build_target_plan(tmp_path)
    inbox = build_inbox(tmp_path, plan_path, FIRST_HALF, {("1-01", "委託件数"): {"actual": 5}})
    path = next(p for p in inbox.iterdir() if p.name.startswith("行政総務課"))
    book = openpyxl.load_workbook(path)  # a row turned into 情報政策課's indicator (3-01 削減時間)
    sheet = book[g.FORM_TARGETS_SHEET]
    sheet["A8"], sheet["C8"] = "3-01", "削減時間"
    book.save(path)
    result, _plan, _notices = validate_inbox(inbox, plan_path, FIRST_HALF)
    (finding,) = [f for f in result.findings if f.code == "target-other-department"]
    assert (finding.cell, finding.severity) == ("A8", g.SEVERITY_WARNING) and "情報政策課の指標" in finding.message
    taken = result.actuals[("3-01", "削減時間")]
    assert (taken.file, taken.value) == ("情報政策課.xlsx", None)  # its own department's (blank) row


def test_a_changed_header_and_formulas(tmp_path):
    from gyokaku_xl.core.target_checks import target_findings
    from gyokaku_xl.domain.cells import Cell
    from gyokaku_xl.domain.form import FormData, FormRow

    plan_path = build_target_plan(tmp_path)
    inbox = build_inbox(tmp_path, plan_path, FIRST_HALF, {})
    path = next(p for p in inbox.iterdir() if p.name.startswith("行政総務課"))
    book = openpyxl.load_workbook(path)
    book[g.FORM_TARGETS_SHEET]["G7"] = "実績"  # the 実績値 header renamed
    book.save(path)
    result, _plan, _notices = validate_inbox(inbox, plan_path, FIRST_HALF)
    (finding,) = [f for f in result.findings if f.code == "target-header-changed"]
    assert finding.severity == g.SEVERITY_ERROR and "実績値" in finding.message
    assert len(result.records) == 8  # the 取組状況 rows are still merged

    plan = builders.load_plan(plan_path)
    form = FormData("f.xlsx", g.FORM_SHEET, {}, {}, {}, 9, {}, targets_sheet=g.FORM_TARGETS_SHEET,
                    targets_columns={"initiative_id": 1, "indicator": 3, "actual": 7})
    form.targets = [
        FormRow(8, {"initiative_id": Cell(8, 1, "1-01"), "indicator": Cell(8, 3, "委託件数"),
                    "actual": Cell(8, 7, 12, "A1*2")}),
        FormRow(9, {"initiative_id": Cell(9, 1, "1-01"), "indicator": Cell(9, 3, "経費"),
                    "actual": Cell(9, 7, None, "SUM(X1)")}),
    ]
    found = [(f.code, f.severity, f.cell) for f in target_findings(plan, form, FIRST_HALF, "行政総務課")]
    assert found == [("target-formula", g.SEVERITY_WARNING, "G8"), ("target-actual-invalid", g.SEVERITY_ERROR, "G9"),
                     ("target-indicator-missing", g.SEVERITY_INFO, "")]  # 2-01's row is not in this form


def test_an_indicator_added_after_the_form_was_issued(tmp_path):
    plan_path = build_target_plan(tmp_path)
    inbox = build_inbox(tmp_path, plan_path, YEAR_END, {("1-01", "委託件数"): {"actual": 20}})
    from target_builders import INDICATORS
    added = [*INDICATORS, {"取組番号": "2-02", "指標名": "ペーパーレス会議の割合", "単位": "％", "基準値": 10,
                           "向き": "", "令和3年度": 50}]
    plan_path = build_target_plan(tmp_path / "new", indicators=added)
    result, _plan, _notices = validate_inbox(inbox, plan_path, YEAR_END)
    (finding,) = [f for f in result.findings if f.code == "target-indicator-missing"]
    assert (finding.severity, finding.file, finding.initiative_id) == (g.SEVERITY_WARNING, "行政総務課.xlsx", "2-02")
    assert "ペーパーレス会議の割合" in finding.message
