"""Figures that must not mislead (issue 21, points 5–7): a status outside the scale is not 報告なし,
the console's counts say what they count, 前期比較 and 推移 agree on their 合計 or say why not, and
the year's 財政効果額 keeps what 上半期 reported when 年度末 is left blank."""

from __future__ import annotations

from pathlib import Path

import openpyxl

import builders
from gyokaku_xl import text as g
from gyokaku_xl.app.summary_lines import summary_lines
from gyokaku_xl.run.merge import merge


def sheet_texts(ws) -> list[str]:
    return [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]


def row_of(ws, value: str) -> list[object]:
    for row in ws.iter_rows():
        if any(c.value == value for c in row):
            return [c.value for c in row]
    raise AssertionError(f"{value} not on {ws.title}")


# --- point 6: a status outside the scale ---------------------------------------------------------
def test_status_outside_scale_is_not_reported_as_missing(tmp_path, plan, forms):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for department, blank in forms.items():
        reports = builders.default_reports(plan, department)
        if department == "資産経営課":
            reports["1-02"]["status"] = "順調"  # not in the scale: the row is left out, but it was reported
        builders.fill_form(blank, inbox / blank.name, reports)
    outcome = merge(inbox, tmp_path / "集約結果.xlsx", plan_path=tmp_path / "計画マスタ.xlsx")
    assert "1-02" not in {r.initiative.id for r in outcome.result.records}
    wb = openpyxl.load_workbook(outcome.output)
    listed = row_of(wb["資料1-2"], "1-02")
    assert g.REPORT_STATUS_ERROR in listed and "（報告なし）" not in listed
    notes = [t for t in sheet_texts(wb["資料1-1"]) if t.startswith("※計画の")]
    assert notes == ["※計画の8取組のうち1取組は集計に含めていません（進捗状況の誤り1取組）。"]


# --- point 7: what the console counts, and the two sheets' 合計 -------------------------------------
def test_console_counts_say_what_they_count(tmp_path, inbox):
    renamed = inbox / "市民課_改名.xlsx"
    book = openpyxl.load_workbook(next(inbox.glob("情報政策課*.xlsx")))
    book["取組状況"].title = "取組状況（修正）"
    book.save(renamed)
    outcome = merge(inbox, tmp_path / "集約結果.xlsx", plan_path=tmp_path / "計画マスタ.xlsx")
    line = next(x for x in summary_lines(outcome) if x.startswith("ファイル:"))
    # the renamed sheet's file was opened but holds no form: it is not among 「調査票として読めた」
    assert line == "ファイル: 4 件（調査票として読めた 3・受理 3・不受理 1・差替え 0・読み飛ばし 0）"


def test_trend_total_says_why_it_differs_from_comparison(tmp_path, inbox):
    next(inbox.glob("情報政策課*.xlsx")).unlink()  # 3-01 and 3-02 not reported
    outcome = merge(inbox, tmp_path / "集約結果.xlsx", plan_path=tmp_path / "計画マスタ.xlsx")
    wb = openpyxl.load_workbook(outcome.output)
    comparison_total = [v for v in row_of(wb["前期比較"], "令和3年度【上半期】") if v is not None][-1]
    trend_row = [v for v in row_of(wb["推移"], "令和3年度【上半期】") if v is not None]
    assert comparison_total == 8 and trend_row[-2] == 6
    assert g.TREND_TOTAL_NOTE.format(missing=2) in sheet_texts(wb["推移"])


# --- point 5: 財政効果額 at 年度末 is the year's total to date ---------------------------------------
def _year_end_run(tmp_path: Path, year_end_amounts: dict[str, object]):
    """上半期 merged into a history folder (1-01: 500, 1-02: 300 千円), then the 年度末 forms made from
    it, filled with ``year_end_amounts`` (blank where not given), checked and merged."""
    from gyokaku_xl.domain.model import Period
    from gyokaku_xl.run.forms import make_forms

    plan_path = tmp_path / "計画マスタ.xlsx"
    plan = builders.load_plan(plan_path)
    history = tmp_path / "履歴"
    first = builders.build_period_inbox(tmp_path, plan_path, Period(2021, "上半期"),
                                        texts={"1-01": {"fiscal_effect": 500}, "1-02": {"fiscal_effect": 300}})
    merge(first, tmp_path / "上半期.xlsx", plan_path=plan_path, history_dir=history)
    year_end = Period(2021, "年度末")
    made = make_forms(plan_path, year_end, tmp_path / "配布_年度末", history_dir=history)
    inbox = tmp_path / "受付_年度末"
    inbox.mkdir()
    for department, blank in zip(plan.departments, made.paths, strict=True):
        reports = builders.default_reports(plan, department)
        for initiative_id, amount in year_end_amounts.items():
            if initiative_id in reports:
                reports[initiative_id]["fiscal_effect"] = amount
        builders.fill_form(blank, inbox / blank.name, reports)
    return plan_path, history, made, inbox


def test_year_end_form_shows_the_first_half_amount(tmp_path, plan_path):
    _plan, _history, made, _inbox = _year_end_run(tmp_path, {})
    form = next(p for p in made.paths if p.name.startswith("資産経営課"))
    wb = openpyxl.load_workbook(form)
    ws = wb["取組状況"]
    header = row_of(ws, "財政効果額（千円）")
    amount_col = header.index("財政効果額（千円）")
    assert header[amount_col + 1] == g.FORM_COLUMN_LABELS["first_half_effect"]  # beside the amount
    listed = row_of(ws, "1-02")
    assert listed[amount_col + 1] == 300
    cell = next(c for row in ws.iter_rows() for c in row if c.value == 300)
    assert cell.protection.locked and ws.protection.sheet
    guide = sheet_texts(wb["記入要領"])
    assert any("年度の初めから" in t and "累計" in t for t in guide)


def test_blank_year_end_amount_is_warned_and_keeps_the_first_half(tmp_path, plan_path):
    from gyokaku_xl.run.check import check

    plan_path, history, _made, inbox = _year_end_run(tmp_path, {"1-01": 800})  # 1-02 left blank
    checked = check(inbox, plan_path=plan_path)
    warned = [f for f in checked.result.findings if f.code == "fiscal-effect-year-end-blank"]
    assert [(f.initiative_id, f.severity, f.cell) for f in warned] == [("1-02", "警告", "K10")]
    assert "300" in warned[0].message
    outcome = merge(inbox, tmp_path / "年度末.xlsx", plan_path=plan_path, history_dir=history)
    fiscal = next(line for line in outcome_movement(outcome).programs if line.labels[0] == "1")
    assert fiscal.amounts[-1] == 1100 and fiscal.cumulative == 1100  # 800 (年度末) + 300 kept from 上半期
    wb = openpyxl.load_workbook(outcome.output)
    notes = [t for t in sheet_texts(wb["財政効果"]) if "上半期の額を年度の額" in t]
    assert len(notes) == 1 and "1-02" in notes[0] and "300" in notes[0]


def outcome_movement(outcome):
    """The 財政効果 the merge computed once for its master (RunOutcome.content)."""
    return outcome.content.movement.fiscal


def test_summary_program_reported_only_with_wrong_statuses(tmp_path, plan, forms):
    """資料1-1 §2: a 事業 whose every row was left out for its 進捗状況 says so, not 「（報告なし）」."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for department, blank in forms.items():
        reports = builders.default_reports(plan, department)
        if department == "行政総務課":  # 2-01 and 2-02 are 業務改善推進事業 (総括掲載)
            reports["2-01"]["status"] = reports["2-02"]["status"] = "順調"
        builders.fill_form(blank, inbox / blank.name, reports)
    outcome = merge(inbox, tmp_path / "集約結果.xlsx", plan_path=tmp_path / "計画マスタ.xlsx")
    texts = sheet_texts(openpyxl.load_workbook(outcome.output)["資料1-1"])
    assert g.REPORT_STATUS_ERROR in texts and "（報告なし）" not in texts
