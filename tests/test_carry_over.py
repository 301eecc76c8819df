"""Carry-over forms: the previous period's texts prefilled, its status shown, unchanged text warned.

Round trip through the command line: merge 上半期 → template 年度末 --previous (or from the history
folder) → fill like a department → merge → the findings and the history say what happened.
"""

from __future__ import annotations

import io

import openpyxl
import pytest

import builders
from gyokaku_xl.app import cli
from gyokaku_xl import text as g
from gyokaku_xl.domain import schema as s
from gyokaku_xl.domain.findings import WARNING
from gyokaku_xl.domain.model import Period
from gyokaku_xl.run.merge import merge

H1 = Period(2021, g.PERIOD_FIRST_HALF)
YEAR_END = Period(2021, g.PERIOD_YEAR_END)
GA = "行政総務課"


def run(argv):
    out, err = io.StringIO(), io.StringIO()
    code = cli.main([str(a) for a in argv], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def col(key: str) -> int:
    return s.column_index(key) + 1


@pytest.fixture
def first_period(tmp_path, plan_path):
    """上半期 merged with a history folder: 1-02 遅れ with a reason, every text known."""
    inbox = builders.build_period_inbox(tmp_path, plan_path, H1, statuses={"1-02": "遅れ"},
                                        texts={"1-01": {"next_steps": "今後は、対象園を拡大する。"}})
    history = tmp_path / "履歴"
    outcome = merge(inbox, tmp_path / "上半期.xlsx", plan_path=plan_path, history_dir=history)
    return outcome.output, history


def template(plan_path, out_dir, *extra):
    return run(["template", "--plan", plan_path, "--year", "令和3年度", "--period", "年度末",
                "--out", out_dir, *extra])


def test_template_previous_prefills_texts_and_shows_the_previous_status(tmp_path, plan_path, first_period):
    master, _history = first_period
    code, out, err = template(plan_path, tmp_path / "配布", "--previous", master)
    assert code == 0, err
    assert out.splitlines()[-1] == ("前回（令和3年度【上半期】）の取組状況・今後の予定・遅れ等の理由を引き継ぎました"
                                    "（上半期.xlsx）。進捗状況は空欄です。")
    path = tmp_path / "配布" / "資産経営課_令和3年度年度末_取組状況調査票.xlsx"
    book = openpyxl.load_workbook(path)
    sheet = book[g.FORM_SHEET]
    rows = builders.form_rows(sheet)
    r = rows["1-02"]
    assert sheet.cell(s.HEADER_ROW + 1, col("previous_status")).value == "前回の進捗状況"
    assert sheet.cell(r, col("previous_status")).value == "遅れ"
    assert sheet.cell(r, col("status")).value is None  # the department chooses afresh
    assert sheet.cell(r, col("progress")).value == "・窓口業務の委託を実施。"
    assert sheet.cell(r, col("delay_reason")).value == "調整に時間を要している。"
    assert sheet.cell(r, col("previous_status")).protection.locked
    assert not sheet.cell(r, col("progress")).protection.locked
    props = {p.name: p.value for p in book.custom_doc_props.props}
    assert props[s.PROP_VERSION] == s.FORM_VERSION
    assert (props[s.PROP_PREVIOUS_FISCAL_YEAR], props[s.PROP_PREVIOUS_PERIOD]) == ("2021", "上半期")
    carried = book[g.FORM_CARRY_SHEET]
    assert carried.sheet_state == "veryHidden" and carried.protection.sheet
    assert [c.value for c in carried[1]] == list(s.CARRY_HEADER)
    assert [c.value for c in carried[2]][:3] == ["1-02", "遅れ", "・窓口業務の委託を実施。"]
    guide = " ".join(str(c.value) for row in book[g.FORM_GUIDE_SHEET].iter_rows() for c in row if c.value)
    assert "前回（令和3年度上半期）の報告の内容をあらかじめ記入してあります" in guide
    ga = openpyxl.load_workbook(tmp_path / "配布" / f"{GA}_令和3年度年度末_取組状況調査票.xlsx")[g.FORM_SHEET]
    assert ga.cell(builders.form_rows(ga)["1-01"], col("next_steps")).value == "今後は、対象園を拡大する。"


def test_round_trip_warns_where_the_carried_text_came_back_unchanged(tmp_path, plan_path, first_period):
    _master, history = first_period
    code, out, err = template(plan_path, tmp_path / "配布", "--history", history)
    assert code == 0, err
    assert "引き継ぎました" in out
    inbox = tmp_path / "受付_年度末"
    inbox.mkdir()
    plan = builders.load_plan(plan_path)
    for department in plan.departments:
        name = f"{department}_令和3年度年度末_取組状況調査票.xlsx"
        rows = {}
        for initiative in plan.initiatives_of(department):
            values: dict[str, object] = {"status": "概ね順調", "delay_reason": None}
            if initiative.id != "2-01":  # 2-01 keeps last period's text: forgotten
                values["progress"] = f"・{initiative.name}を年度末までに完了。"
            rows[initiative.id] = values
        if "1-02" in rows:
            rows["1-02"]["status"] = "済"
        builders.fill_form(tmp_path / "配布" / name, inbox / name, rows, meta={"記入者": "担当"})
    code, out, err = run(["merge", inbox, "--plan", plan_path, "-o", tmp_path / "年度末.xlsx",
                          "--history", history, "-q"])
    assert code == 0, out + err
    assert "履歴: 過去 1 期を読み込みました（前期：令和3年度【上半期】）" in out.splitlines()
    outcome = merge(inbox, tmp_path / "年度末.xlsx", plan_path=plan_path, history_dir=history)
    unchanged = [f for f in outcome.result.findings if f.code == "progress-unchanged"]
    assert [(f.initiative_id, f.severity, f.file, f.cell) for f in unchanged] == [
        ("2-01", WARNING, f"{GA}_令和3年度年度末_取組状況調査票.xlsx", f"H{s.FIRST_DATA_ROW + 2}")]
    assert "前回（令和3年度上半期）と同じ内容です" in unchanged[0].message
    records = {r.initiative.id: r for r in outcome.result.records}
    assert records["1-02"].status == "済" and records["1-02"].text("delay_reason") == ""
    assert records["2-01"].text("progress") == "・職員提案制度の運用を実施。"
    assert "previous_status" not in records["1-02"].values  # reference only, never the report
    assert [p.period for p in outcome.history] == [H1]
    assert outcome.previous.by_id()["1-02"].status == "遅れ"


def test_no_previous_and_empty_history(tmp_path, plan_path, first_period):
    _master, history = first_period
    code, out, _ = template(plan_path, tmp_path / "a", "--history", history, "--no-previous")
    assert code == 0 and "引き継" not in out
    sheet = openpyxl.load_workbook(next((tmp_path / "a").iterdir()))[g.FORM_SHEET]
    row = s.FIRST_DATA_ROW + 1
    assert sheet.cell(row, col("progress")).value is None and sheet.cell(row, col("previous_status")).value is None
    empty = tmp_path / "空の履歴"
    empty.mkdir()
    code, out, _ = template(plan_path, tmp_path / "b", "--history", empty)
    assert code == 0
    assert out.splitlines()[-1] == (f"履歴フォルダ「{empty}」に 令和3年度【年度末】 より前の集約結果がないため、"
                                    "前回の内容は引き継いでいません。")
    mistyped = tmp_path / "りれき"
    code, out, _ = template(plan_path, tmp_path / "c", "--history", mistyped)
    assert code == 0 and out.splitlines()[-1].startswith(f"履歴フォルダ「{mistyped}」がないため")


def test_history_setting_of_the_plan_master_is_the_default(tmp_path):
    plan_path = builders.build_plan(tmp_path / "計画", settings={**builders.DEFAULT_SETTINGS,
                                                                g.SETTING_HISTORY_DIR: "履歴"})
    inbox = builders.build_period_inbox(tmp_path, plan_path, H1)
    merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path)  # archived to 計画/履歴
    code, out, err = template(plan_path, tmp_path / "配布")
    assert code == 0, err
    assert "前回（令和3年度【上半期】）" in out


def test_an_initiative_new_since_the_previous_period_says_so(tmp_path, plan_path, first_period):
    master, _ = first_period
    more = [*builders.DEFAULT_INITIATIVES,
            {"取組番号": "3-04", "事業番号": "4", "取組名": "電子申請の拡充", "所管課": "情報政策課"}]
    bigger = builders.build_plan(tmp_path / "新計画", initiatives=more)
    code, _, err = template(bigger, tmp_path / "配布", "--previous", master)
    assert code == 0, err
    sheet = openpyxl.load_workbook(tmp_path / "配布" / "情報政策課_令和3年度年度末_取組状況調査票.xlsx")[g.FORM_SHEET]
    r = builders.form_rows(sheet)["3-04"]
    assert sheet.cell(r, col("previous_status")).value == g.REPORT_NOT_REPORTED
    assert sheet.cell(r, col("progress")).value is None


@pytest.mark.parametrize("case", ["later", "other-plan", "missing", "not-a-master"])
def test_unusable_previous_master_stops_with_one_line(tmp_path, plan_path, first_period, case):
    master, _ = first_period
    if case == "later":
        argv = ["template", "--plan", plan_path, "--year", "令和3年度", "--period", "上半期",
                "--out", tmp_path / "x", "--previous", master]
        expected = "令和3年度【上半期】 の集約結果で、令和3年度【上半期】 より前の期間ではありません"
    else:
        if case == "other-plan":
            other = builders.build_plan(tmp_path / "別", settings={**builders.DEFAULT_SETTINGS,
                                                                   g.SETTING_PLAN_NAME: "別の計画"})
            master = merge(builders.build_period_inbox(tmp_path / "別", other, H1), tmp_path / "別.xlsx",
                           plan_path=other).output
            expected = "別の計画「別の計画」の集約結果です"
        elif case == "missing":
            master = tmp_path / "ない.xlsx"
            expected = "ファイルがありません"
        else:
            master = plan_path
            expected = "集約結果ブックではない"
        argv = ["template", "--plan", plan_path, "--year", "令和3年度", "--period", "年度末",
                "--out", tmp_path / "x", "--previous", master]
    code, _, err = run(argv)
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert err.startswith(f"エラー: 前回の集約結果「{master}」を引き継ぎに使えません：") and expected in err
    assert not (tmp_path / "x").exists() or not any((tmp_path / "x").iterdir())


def test_previous_and_no_previous_together_are_refused(tmp_path, plan_path, first_period):
    master, _ = first_period
    code, _, err = template(plan_path, tmp_path / "x", "--previous", master, "--no-previous")
    assert code == 2 and "同時に指定できません" in err


def test_a_version_1_0_form_without_the_new_column_is_still_accepted(tmp_path, plan_path, plan, forms, inbox):
    path = inbox / forms[GA].name
    book = openpyxl.load_workbook(path)
    sheet = book[g.FORM_SHEET]
    sheet.delete_cols(col("previous_status"))  # the 1.0 layout
    book.save(path)
    builders.fill_form(path, path, properties={s.PROP_VERSION: "1.0"})
    outcome = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path)
    assert outcome.exit_code == 0, [f.message for f in outcome.result.findings]
    assert outcome.result.tally.rows_merged == 8
    assert not [f for f in outcome.result.findings if f.file == path.name]
