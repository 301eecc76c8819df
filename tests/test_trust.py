"""Nothing misleads the office, nothing good is lost (issue 9): end-to-end through ``main(argv)``."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl

import builders
from gyokaku_xl.app.summary_lines import summary_lines
from gyokaku_xl.app import cli
from gyokaku_xl import text as g
from gyokaku_xl.run.check import check
from gyokaku_xl.run.merge import merge
from gyokaku_xl.core.summary import build_summary

INFO_FORM = "情報政策課_令和3年度上半期_取組状況調査票.xlsx"
ASSET_FORM = "資産経営課_令和3年度上半期_取組状況調査票.xlsx"
GENERAL_FORM = "行政総務課_令和3年度上半期_取組状況調査票.xlsx"


def run(argv):
    out, err = io.StringIO(), io.StringIO()
    code = cli.main([str(a) for a in argv], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def rename_sheet(path: Path, name: str = "Sheet1") -> None:
    book = openpyxl.load_workbook(path)
    book[g.FORM_SHEET].title = name
    book.save(path)


# --- 1. a department whose only file was rejected is named -------------------------------------
def test_a_department_whose_only_file_was_rejected_is_named(inbox, plan_path, tmp_path):
    rename_sheet(inbox / INFO_FORM)
    code, out, _ = run(["merge", inbox, "--plan", plan_path, "-o", tmp_path / "m.xlsx"])
    assert code == 1
    lines = out.splitlines()
    assert "未提出の所管課: なし" in lines
    assert "受理できなかった所管課: 情報政策課（シート名が違う）" in lines


def test_summary_note_tells_not_submitted_from_rejected(inbox, plan_path, tmp_path):
    rename_sheet(inbox / INFO_FORM)  # 2 取組 rejected
    (inbox / GENERAL_FORM).unlink()  # 3 取組 not submitted
    outcome = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path)
    note = build_summary(outcome.result).notes[-1]
    assert note == "※計画の8取組のうち5取組は集計に含めていません（未提出3取組・不受理2取組）。"


# --- 2. a run that accepts nothing never replaces a master -------------------------------------
def test_a_run_that_accepts_nothing_keeps_the_existing_master(inbox, plan_path, tmp_path):
    master = tmp_path / "集約結果.xlsx"
    assert run(["merge", inbox, "--plan", plan_path, "-o", master])[0] == 0
    before = master.read_bytes()
    code, out, err = run(["merge", inbox, "--plan", plan_path, "-o", master, "--year", "R3",
                          "--period", "下半期"])
    assert code == 2
    assert master.read_bytes() == before
    assert err.splitlines() == [
        f"エラー: 受理できた取組の行が 1 行もないため、集約結果「{master}」は上書きせず、前回のまま残しています"
        "（報告期間が違う 3 件）。報告年度・報告期間（--year・--period）の指定を確かめてください。"]
    assert "ファイル: 3 件（調査票として読めた 3・受理 0・不受理 3・差替え 0・読み飛ばし 0）" in out
    assert "集約結果:" not in out


def test_a_run_that_accepts_nothing_creates_no_master(inbox, plan_path, tmp_path):
    master = tmp_path / "new.xlsx"
    code, _, err = run(["merge", inbox, "--plan", plan_path, "-o", master, "--year", "R4",
                        "--period", "上半期"])
    assert code == 2 and not master.exists()
    assert "作成していません（報告年度が違う 3 件）" in err


def test_fewer_than_half_merged_is_written_with_a_prominent_warning(inbox, plan_path, tmp_path):
    rename_sheet(inbox / GENERAL_FORM)
    rename_sheet(inbox / ASSET_FORM)  # 2 of 8 取組 remain
    master = tmp_path / "m.xlsx"
    code, out, _ = run(["merge", inbox, "--plan", plan_path, "-o", master])
    assert code == 1 and master.exists()
    lines = out.splitlines()
    assert lines[1] == ("※ 警告: 集約できた取組は計画の 8 取組のうち 2 取組（半分未満）です。"
                        "受理できなかった調査票と未提出の所管課を確かめてください。")
    assert sum("半分未満" in line for line in lines) == 1


def test_half_or_more_merged_has_no_coverage_warning(inbox, plan_path, tmp_path):
    rename_sheet(inbox / INFO_FORM)  # 6 of 8 remain
    outcome = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path)
    assert "few-rows-merged" not in {f.code for f in outcome.result.findings}


# --- 6. resubmissions are named -----------------------------------------------------------------
def test_resubmissions_name_the_kept_and_the_replaced_file(inbox, plan_path, tmp_path):
    import os
    old = inbox / "情報政策課_旧.xlsx"
    (inbox / INFO_FORM).rename(old)
    builders.fill_form(old, inbox / INFO_FORM)
    os.utime(old, (1_600_000_000, 1_600_000_000))
    code, out, _ = run(["merge", inbox, "--plan", plan_path, "-o", tmp_path / "m.xlsx"])
    lines = out.splitlines()
    assert f"差替え: 情報政策課　採用「{INFO_FORM}」" in lines
    assert f"差替え: 情報政策課　不採用「情報政策課_旧.xlsx」（より新しい「{INFO_FORM}」を採用）" in lines


# --- 7. OS errors in Japanese -------------------------------------------------------------------
def test_report_onto_a_folder_is_explained_in_japanese(inbox, plan_path, tmp_path):
    folder = tmp_path / "検証結果"
    folder.mkdir()
    code, _, err = run(["check", inbox, "--plan", plan_path, "--report", folder])
    assert code == 2
    assert "Is a directory" not in err
    assert "同じ名前のフォルダがあります" in err


# --- 3. every plan error, one per line, and a report of the plan ----------------------------------
def bad_plan(tmp_path: Path) -> Path:
    initiatives = [dict(r) for r in builders.DEFAULT_INITIATIVES]
    for r in initiatives[:4]:
        r["事業番号"] = "99"  # four errors, each in its own cell
    return builders.build_plan(tmp_path / "bad", initiatives=initiatives)


def test_every_plan_error_is_shown_one_per_line_with_its_cell(inbox, tmp_path):
    plan = bad_plan(tmp_path)
    code, _, err = run(["check", inbox, "--plan", plan])
    assert code == 2
    lines = err.splitlines()
    assert lines[0].startswith(f"エラー: 計画マスタ「{plan}」にエラーがあります（4 件）")
    detail = [line for line in lines if "事業番号「99」" in line]
    assert len(detail) == 4
    assert all(line.startswith("  エラー: 計画マスタ.xlsx!取組!B") for line in detail)


def test_check_report_holds_the_plans_findings_when_the_plan_is_invalid(inbox, tmp_path):
    plan = bad_plan(tmp_path)
    report = tmp_path / "検証結果.xlsx"
    code, _, err = run(["check", inbox, "--plan", plan, "--report", report])
    assert code == 2 and report.exists()
    assert f"検証結果: {report}" in err.splitlines()
    sheet = openpyxl.load_workbook(report)[g.SHEET_FINDINGS]
    rows = [r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0]]
    errors = [r for r in rows if r[0] == g.SEVERITY_ERROR]
    assert len(errors) == 4 and {r[5] for r in errors} == {"plan-unknown-program"}
    assert {r[1] for r in rows} == {"計画マスタ.xlsx"} and all(r[3] for r in errors)
    assert {r[5] for r in rows} - {"plan-unknown-program"} == {"plan-empty-program"}  # warnings too


# --- 4. 記入者 and 連絡先 -------------------------------------------------------------------------
def test_blank_author_and_contact_are_warnings_naming_their_cell(inbox, plan_path, tmp_path, forms):
    builders.fill_form(forms["情報政策課"], inbox / INFO_FORM,
                       builders.default_reports(builders.load_plan(plan_path), "情報政策課"),
                       meta={g.META_AUTHOR: None, g.META_CONTACT: "  "})
    outcome = check(inbox, plan_path=plan_path)
    found = [f for f in outcome.result.findings if f.code == "contact-missing"]
    assert [(f.severity, f.cell, f.file) for f in found] == [
        (g.SEVERITY_WARNING, "B6", INFO_FORM), (g.SEVERITY_WARNING, "B7", INFO_FORM)]
    assert found[0].message.startswith("「記入者」が空欄です")
    assert outcome.exit_code == 0  # a warning, the rows are merged


def test_form_highlights_blank_author_and_contact(forms):
    book = openpyxl.load_workbook(forms["情報政策課"])
    ranges = {str(r.sqref) for r in book[g.FORM_SHEET].conditional_formatting}
    assert {"B6:D6", "B7:D7"} <= ranges
    assert "B2:D2" not in ranges  # the prefilled 所管課 is not an input


# --- 5. the plan's period -----------------------------------------------------------------------
def test_plan_years_from_setting_or_name():
    from gyokaku_xl.domain.model import parse_plan_years, plan_years_in_name
    assert parse_plan_years("2020-2023") == (2020, 2023)
    assert parse_plan_years("令和2年度～令和5年度") == (2020, 2023)
    assert parse_plan_years("２０２０〜２０２３年度") == (2020, 2023)
    assert parse_plan_years("2023-2020") is None and parse_plan_years("いつか") is None
    assert plan_years_in_name("テスト市行財政改革計画（2020-2023）") == (2020, 2023)
    assert plan_years_in_name("計画") is None


def test_template_outside_the_plan_period_warns_but_writes(plan_path, tmp_path):
    code, out, err = run(["template", "--plan", plan_path, "--year", "2050", "--period", "上半期",
                          "--out", tmp_path / "配布"])
    assert code == 0 and "調査票を 3 件作成しました" in out
    assert err.splitlines() == ["警告: 報告年度（令和32年度）が計画期間（2020〜2023年度）の外です。"
                                "年度の指定（--year）と計画マスタの「計画期間」を確かめてください。"]


def test_setting_overrides_the_name_and_merge_warns(tmp_path):
    settings = dict(builders.DEFAULT_SETTINGS)
    settings[g.SETTING_PLAN_PERIOD] = "2022-2025"
    plan_path = builders.build_plan(tmp_path, settings=settings)
    plan = builders.load_plan(plan_path)
    assert plan.years == (2022, 2025)
    inbox = tmp_path / "inbox"
    for department in plan.departments:
        builders.build_form(inbox / f"{department}.xlsx", plan, builders.PERIOD, department,
                            builders.default_reports(plan, department),
                            meta={g.META_AUTHOR: "担当", g.META_CONTACT: "内線 1"})
    code, out, _ = run(["merge", inbox, "--plan", plan_path, "-o", tmp_path / "m.xlsx"])
    assert code == 0
    assert "  警告: 報告年度（令和3年度）が計画期間（2022〜2025年度）の外です。" \
           "年度の指定（--year）と計画マスタの「計画期間」を確かめてください。" in out.splitlines()


def test_an_unreadable_plan_period_setting_is_a_warning(tmp_path):
    from gyokaku_xl.reading.plan import read_plan
    settings = dict(builders.DEFAULT_SETTINGS)
    settings[g.SETTING_PLAN_PERIOD] = "令和の間"
    result = read_plan(builders.build_plan(tmp_path, settings=settings))
    assert result.plan is not None
    [f] = [f for f in result.findings if f.code == "plan-setting-invalid"]
    assert f.severity == g.SEVERITY_WARNING and "計画期間" in f.message


# --- 12. one version, one button name -----------------------------------------------------------
def test_the_version_lives_in_one_place(forms):
    import importlib.metadata
    import tomllib

    import gyokaku_xl
    project = tomllib.loads((Path(gyokaku_xl.__file__).parent.parent / "pyproject.toml").read_text("utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert importlib.metadata.version("gyokaku_xl") == gyokaku_xl.__version__
    comments = openpyxl.load_workbook(next(iter(forms.values()))).properties.description
    assert comments.startswith(f"gyokaku_xl {gyokaku_xl.__version__}（様式 ")


def test_help_names_the_button_as_the_workbook_does(capsys):
    code, _, _ = run(["--help"])
    out = capsys.readouterr().out
    assert code == 0
    assert f"「{g.BUTTON_CAPTION}」ボタン付き" in out and "「集約」ボタン" not in out


# --- 11. pdf -o names a file when it ends in .pdf -------------------------------------------------
def test_pdf_target_is_a_file_when_it_ends_in_pdf(tmp_path):
    from gyokaku_xl.publish.pdf import pdf_target
    master = tmp_path / "集約結果.xlsx"
    assert pdf_target(master) == tmp_path / "集約結果.pdf"
    assert pdf_target(master, tmp_path / "資料.pdf") == tmp_path / "資料.pdf"
    assert pdf_target(master, tmp_path / "資料.PDF") == tmp_path / "資料.PDF"
    assert pdf_target(master, tmp_path / "PDF") == tmp_path / "PDF" / "集約結果.pdf"
    (tmp_path / "old.pdf").mkdir()  # an existing folder stays a folder
    assert pdf_target(master, tmp_path / "old.pdf") == tmp_path / "old.pdf" / "集約結果.pdf"


def test_pdf_command_writes_the_named_file(inbox, plan_path, tmp_path, soffice):
    master = tmp_path / "集約結果.xlsx"
    assert run(["merge", inbox, "--plan", plan_path, "-o", master])[0] == 0
    target = tmp_path / "out" / "資料.pdf"
    code, out, err = run(["pdf", master, "-o", target])
    assert code == 0, err
    assert target.is_file() and target.read_bytes().startswith(b"%PDF")
    assert out.splitlines()[-1] == f"PDF: {target}"  # after any font substitution notices


def test_the_button_names_a_department_whose_only_file_was_rejected(tmp_path, inbox):
    from test_excel_button import click, control_book
    rename_sheet(inbox / INFO_FORM)
    book = control_book(tmp_path)
    click(book)
    line = "受理できなかった所管課: 情報政策課（シート名が違う）"
    assert book.status()[g.BUTTON_STATUS_NOT_SUBMITTED] == f"{g.BUTTON_NONE}／{line}"
    assert line in book.details()


def test_the_button_shows_each_plan_error_and_why_nothing_was_merged(tmp_path, inbox):
    from test_excel_button import click, control_book
    book = control_book(tmp_path, year="令和3年度", period="下半期")
    status = click(book)
    assert status.exit_code == 2 and "受理できた取組の行が 1 行もない" in status.message
    assert any(line.startswith("ファイル: 3 件") for line in book.details())
    assert not (tmp_path / "集約結果.xlsx").exists()
    bad_plan(tmp_path)
    (tmp_path / "計画マスタ.xlsx").write_bytes((tmp_path / "bad" / "計画マスタ.xlsx").read_bytes())
    click(book)
    assert sum("事業番号「99」" in line for line in book.details()) == 4


def test_departments_rejected_for_the_same_reason_are_named_together(inbox, plan_path, tmp_path):
    rename_sheet(inbox / INFO_FORM)
    rename_sheet(inbox / ASSET_FORM)
    builders.fill_form(inbox / GENERAL_FORM, inbox / GENERAL_FORM, meta={g.META_PERIOD: "下半期"})
    outcome = check(inbox, plan_path=plan_path, period=builders.PERIOD)
    assert "受理できなかった所管課: 行政総務課（報告期間が違う）／資産経営課、情報政策課（いずれもシート名が違う）" \
        in summary_lines(outcome)


def test_template_with_an_invalid_plan_lists_every_error(tmp_path):
    plan = bad_plan(tmp_path)
    code, out, err = run(["template", "--plan", plan, "--year", "R3", "--period", "上半期",
                          "--out", tmp_path / "配布"])
    assert code == 2 and out == "" and not (tmp_path / "配布").exists()
    assert sum(line.startswith("  エラー: 計画マスタ.xlsx!取組!B") for line in err.splitlines()) == 4


def test_without_a_plan_an_unreadable_file_is_named_among_the_rejected(inbox, tmp_path):
    (inbox / "壊れた.xlsx").write_bytes(b"")
    (tmp_path / g.PLAN_FILE_NAME).unlink()  # no plan master beside the inbox: forms alone
    outcome = merge(inbox, tmp_path / "m.xlsx")
    assert not outcome.result.completeness_checked
    line = next(l for l in summary_lines(outcome) if l.startswith("受理できなかった所管課: "))
    assert "「壊れた.xlsx」（所管課不明）" in line
