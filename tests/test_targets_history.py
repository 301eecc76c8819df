"""Two fiscal years through the history folder: earlier 実績値 on the master's sheet and on year-end forms."""

from __future__ import annotations

import openpyxl

from target_builders import build_inbox, build_target_plan, target_column, target_rows
from gyokaku_xl import text as g
from gyokaku_xl.domain.model import Period
from gyokaku_xl.run.forms import make_forms
from gyokaku_xl.run.merge import merge

R2_END = Period(2020, g.PERIOD_YEAR_END)
R3_H1 = Period(2021, g.PERIOD_FIRST_HALF)
R3_END = Period(2021, g.PERIOD_YEAR_END)


def test_two_fiscal_years_through_the_history(tmp_path):
    plan_path = build_target_plan(tmp_path)
    history = tmp_path / "履歴"
    for period, actuals in (
            (R2_END, {("1-01", "委託件数"): {"actual": 14}, ("1-01", "経費"): {"actual": 4600}}),
            (R3_H1, {("1-01", "委託件数"): {"actual": 9}, ("3-01", "削減時間"): {"actual": 500}})):
        inbox = build_inbox(tmp_path, plan_path, period, actuals)
        merge(inbox, tmp_path / f"{period.file_label}.xlsx", plan_path=plan_path, period=period, history_dir=history)

    forms = make_forms(plan_path, R3_END, tmp_path / "配布", history_dir=history)
    form = next(p for p in forms.paths if p.name.startswith("行政総務課"))
    sheet = openpyxl.load_workbook(form)[g.FORM_TARGETS_SHEET]
    rows = target_rows(sheet)
    half, year = target_column(sheet, g.FORM_COL_FIRST_HALF), target_column(sheet, g.FORM_COL_PREVIOUS_YEAR)
    assert [(sheet.cell(rows[k], half).value, sheet.cell(rows[k], year).value)
            for k in (("1-01", "委託件数"), ("1-01", "経費"), ("2-01", "提案件数"))] == [(9, 14), (None, 4600), (None, None)]

    inbox = build_inbox(tmp_path, plan_path, R3_END, {("1-01", "委託件数"): {"actual": 21}, ("1-01", "経費"): {"actual": 4100}})
    outcome = merge(inbox, tmp_path / "集約結果.xlsx", plan_path=plan_path, period=R3_END, history_dir=history)
    master = openpyxl.load_workbook(outcome.output)[g.SHEET_TARGETS]
    header = [c.value for c in master[6]]
    assert header[7:] == ["令和2年度\n目標値", "令和2年度\n実績値", "目標値", "実績値", "達成率\n（％）", "評価", "説明"]
    assert "履歴フォルダ" in master["A4"].value and "途中" not in master["A4"].value
    assert [[c.value for c in row][7:13] for row in master.iter_rows(min_row=7, max_row=10)] == [
        [15, 14, 20, 21, 105, "S"],
        [4500, 4600, 4000, 4100, 97, "A"],
        [5, "－", 10, "未報告", "－", "－"],
        [600, "－", 1200, "未報告", "－", "－"],  # 3-01's 上半期 500 is 令和3年度's, not an earlier year's
    ]
    assert not [f for f in outcome.result.findings if f.code == "history-targets-unreadable"]


def test_an_archived_master_without_the_sheet_is_used_without_values(tmp_path):
    plan_path = build_target_plan(tmp_path)
    history = tmp_path / "履歴"
    inbox = build_inbox(tmp_path, plan_path, R2_END, {("1-01", "委託件数"): {"actual": 14}})
    merge(inbox, tmp_path / "r2.xlsx", plan_path=plan_path, period=R2_END, history_dir=history)
    (archived,) = history.glob("*.xlsx")
    book = openpyxl.load_workbook(archived)
    del book[g.SHEET_TARGETS]
    book.save(archived)
    inbox = build_inbox(tmp_path, plan_path, R3_END, {})
    outcome = merge(inbox, tmp_path / "集約結果.xlsx", plan_path=plan_path, period=R3_END, history_dir=history)
    master = openpyxl.load_workbook(outcome.output)[g.SHEET_TARGETS]
    assert master["I7"].value == "－"  # 令和2年度 実績値: none readable
    assert len(outcome.result.history) == 1


def test_an_unreadable_archived_master_is_a_warning(tmp_path):
    from gyokaku_xl.domain.records import Snapshot
    from gyokaku_xl.run.targets import with_actuals
    import builders

    plan = builders.load_plan(build_target_plan(tmp_path))
    broken = tmp_path / "令和2年度年度末_集約結果.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    snapshots, findings = with_actuals([Snapshot(plan.name, R2_END, (), str(broken))], plan)
    assert snapshots[0].actuals == ()
    assert [(f.code, f.severity, f.file, f.sheet) for f in findings] == [
        ("history-targets-unreadable", g.SEVERITY_WARNING, broken.name, g.SHEET_TARGETS)]
    assert "令和2年度【年度末】" in findings[0].message
