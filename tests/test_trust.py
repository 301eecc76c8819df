"""Nothing misleads the office, nothing good is lost (issue 9): end-to-end through ``main(argv)``."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl

import builders
from gyokaku_xl import cli
from gyokaku_xl import glossary as g
from gyokaku_xl import pipeline
from gyokaku_xl.summary import build_summary

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
    outcome = pipeline.merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path)
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
    assert "ファイル: 3 件（読込 3・受理 0・不受理 3・差替え 0・読み飛ばし 0）" in out
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
    outcome = pipeline.merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path)
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
