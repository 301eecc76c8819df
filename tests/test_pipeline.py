"""check / merge end to end on workbooks built by code."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import openpyxl
import pytest

import builders
from gyokaku_xl.app.summary_lines import summary_lines
from gyokaku_xl import text as g
from gyokaku_xl.run.check import check
from gyokaku_xl.run.merge import merge
from gyokaku_xl.run.inbox import validate_inbox
from gyokaku_xl.domain import schema
from gyokaku_xl.domain.findings import GyokakuError
from gyokaku_xl.domain.model import Period


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def codes(result) -> list[str]:
    return [f.code for f in result.findings]


def test_merge_valid_inbox(inbox, plan_path, tmp_path, plan):
    before = digests(inbox)
    outcome = merge(inbox, tmp_path / "集約結果.xlsx", plan_path=plan_path)
    assert outcome.exit_code == 0
    assert digests(inbox) == before, "inputs must never be modified"
    t = outcome.result.tally
    assert (t.files_seen, t.files_accepted, t.rows_read, t.rows_merged, t.rows_rejected) == (3, 3, 8, 8, 0)
    assert [r.initiative.id for r in outcome.result.records] == [i.id for i in plan.initiatives]
    book = openpyxl.load_workbook(outcome.output)
    assert {g.SHEET_DATA, g.SHEET_FINDINGS, g.SHEET_SUBMISSIONS} <= set(book.sheetnames)
    data = book[g.SHEET_DATA]
    assert data.max_row == 9
    assert [s.state for s in outcome.result.submissions] == [g.SUBMITTED] * 3
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".~tmp")]


def test_merge_is_deterministic(inbox, plan_path, tmp_path):
    a = merge(inbox, tmp_path / "a.xlsx", plan_path=plan_path).output
    b = merge(inbox, tmp_path / "b.xlsx", plan_path=plan_path).output
    assert builders.workbook_content(a) == builders.workbook_content(b)


def test_plan_is_found_beside_the_inbox(inbox, tmp_path):
    outcome = merge(inbox, tmp_path / "m.xlsx")
    assert outcome.plan_path == tmp_path / g.PLAN_FILE_NAME
    assert outcome.result.completeness_checked


def test_plan_inside_the_inbox_is_not_a_submission(inbox, plan_path, tmp_path):
    shutil.move(plan_path, inbox / g.PLAN_FILE_NAME)
    outcome = merge(inbox, tmp_path / "m.xlsx")
    assert outcome.result.tally.files_seen == 3
    assert outcome.exit_code == 0


def test_merge_without_plan_works_from_submissions(inbox, plan_path, tmp_path):
    plan_path.unlink()
    outcome = merge(inbox, tmp_path / "m.xlsx")
    assert outcome.plan_path is None
    assert not outcome.result.completeness_checked
    assert "completeness-unchecked" in codes(outcome.result)
    assert outcome.result.tally.rows_merged == 8
    assert {r.perspective.label for r in outcome.result.records} == {
        "(1)民間活力の活用", "(2)行政の効率化", "(3)ICTの活用推進"}
    assert any("未提出・未報告の確認は行っていません" in line for line in summary_lines(outcome))


def test_period_is_taken_from_the_submissions(inbox, plan_path, tmp_path):
    outcome = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path)
    assert outcome.result.period == Period(2021, "上半期")


def test_a_file_of_another_period_is_an_error(inbox, plan_path, tmp_path, plan):
    other = inbox / "資産経営課_令和3年度上半期_取組状況調査票.xlsx"
    builders.fill_form(other, other, meta={g.META_PERIOD: "下半期"})
    outcome = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path)
    assert "period-mismatch" in codes(outcome.result)
    assert outcome.exit_code == 1
    assert outcome.result.tally.files_rejected == 1
    assert all(r.department != "資産経営課" for r in outcome.result.records)
    sub = {s.department: s for s in outcome.result.submissions}["資産経営課"]
    assert sub.state == g.HAS_ERRORS and sub.rows_merged == 0


def test_explicit_period_rejects_all_others(inbox, plan_path, tmp_path):
    outcome = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path, period=Period(2021, "下半期"))
    assert not (tmp_path / "m.xlsx").exists()  # nothing written, and the outcome says why
    assert outcome.failure and outcome.output is None and outcome.exit_code == 2
    assert codes(outcome.result).count("period-mismatch") == 3
    assert outcome.result.tally.rows_merged == 0
    assert outcome.result.tally.reconciles


def test_resubmission_newer_wins(inbox, plan_path, tmp_path, plan, forms):
    old = inbox / "行政総務課_令和3年度上半期_取組状況調査票.xlsx"
    new = inbox / "行政総務課_再提出.xlsx"
    reports = builders.default_reports(plan, "行政総務課")
    reports["1-01"] = {"status": "済", "progress": "・委託を完了した。"}
    builders.fill_form(forms["行政総務課"], new, reports)
    os.utime(old, (1_600_000_000, 1_600_000_000))
    os.utime(new, (1_700_000_000, 1_700_000_000))
    book = openpyxl.load_workbook(old)
    book.properties.modified = __import__("datetime").datetime(2021, 9, 1)
    book.save(old)
    book = openpyxl.load_workbook(new)
    book.properties.modified = __import__("datetime").datetime(2021, 10, 1)
    book.save(new)
    outcome = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path)
    superseded = [f for f in outcome.result.findings if f.code == "superseded"]
    assert [f.file for f in superseded] == [old.name]
    assert new.name in superseded[0].message
    record = {r.initiative.id: r for r in outcome.result.records}["1-01"]
    assert record.status == "済" and record.source.file == new.name
    sub = {s.department: s for s in outcome.result.submissions}["行政総務課"]
    assert sub.state == g.REPLACED and sub.superseded == [old.name]
    t = outcome.result.tally
    assert t.files_superseded == 1 and t.reconciles and t.rows_merged == 8
    assert outcome.exit_code == 0


def test_completeness_not_submitted_and_not_reported(inbox, plan_path, tmp_path, plan, forms):
    (inbox / "情報政策課_令和3年度上半期_取組状況調査票.xlsx").unlink()
    path = inbox / "資産経営課_令和3年度上半期_取組状況調査票.xlsx"
    reports = builders.default_reports(plan, "資産経営課")
    reports["1-03"] = {k: None for k in ("initiative_id", "perspective", "program", "priority",
                                         "initiative", "status", "progress")}  # the row deleted
    builders.fill_form(forms["資産経営課"], path, reports)
    outcome = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path)
    found = {(f.code, f.initiative_id or f.message) for f in outcome.result.findings}
    assert ("initiative-not-reported", "1-03") in found
    assert any(c == "department-not-submitted" and "情報政策課" in m for c, m in found)
    states = {s.department: s.state for s in outcome.result.submissions}
    assert states["情報政策課"] == g.NOT_SUBMITTED
    assert "未提出の所管課: 情報政策課" in summary_lines(outcome)


def test_row_with_key_error_is_excluded_but_listed(inbox, plan_path, tmp_path, plan, forms):
    path = inbox / "行政総務課_令和3年度上半期_取組状況調査票.xlsx"
    reports = builders.default_reports(plan, "行政総務課")
    reports["2-01"]["status"] = "たぶん順調"
    builders.fill_form(forms["行政総務課"], path, reports)
    outcome = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path)
    bad = [f for f in outcome.result.findings if f.code == "status-not-in-scale"]
    assert bad and bad[0].value == "たぶん順調" and bad[0].initiative_id == "2-01"
    t = outcome.result.tally
    assert (t.rows_read, t.rows_merged, t.rows_rejected) == (8, 7, 1)
    assert outcome.exit_code == 1


def test_row_with_only_warnings_is_merged(inbox, plan_path, tmp_path, plan, forms):
    path = inbox / "行政総務課_令和3年度上半期_取組状況調査票.xlsx"
    reports = builders.default_reports(plan, "行政総務課")
    reports["2-01"].update(status="概ね順調 ", fiscal_effect="１，２００")
    builders.fill_form(forms["行政総務課"], path, reports)
    outcome = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path)
    record = {r.initiative.id: r for r in outcome.result.records}["2-01"]
    assert record.status == "概ね順調" and record.values["fiscal_effect"] == 1200
    assert {"status-variant", "fiscal-effect-normalized"} <= set(codes(outcome.result))
    assert outcome.exit_code == 0


def test_unreadable_and_hostile_files_do_not_stop_the_run(inbox, plan_path, tmp_path):
    (inbox / "壊れた.xlsx").write_bytes(b"PK\x03\x04garbage")
    (inbox / "メモ.txt").write_text("提出します", encoding="utf-8")
    (inbox / "~$行政総務課_令和3年度上半期_取組状況調査票.xlsx").write_bytes(
        bytes([4]) + b"yama" + b"\x00" * 160)
    outcome = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path)
    c = codes(outcome.result)
    assert "corrupt-zip" in c and "not-excel" in c and "lock-file" in c
    assert outcome.result.tally.rows_merged == 8
    assert outcome.exit_code == 1


def test_empty_inbox_is_fatal(tmp_path, plan_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(GyokakuError, match="調査票"):
        merge(tmp_path / "empty", tmp_path / "m.xlsx", plan_path=plan_path)


def test_missing_inbox_and_plan_are_fatal(tmp_path, inbox):
    with pytest.raises(GyokakuError, match="見つかりません"):
        merge(tmp_path / "nope", tmp_path / "m.xlsx")
    with pytest.raises(GyokakuError, match="計画マスタ"):
        merge(inbox, tmp_path / "m.xlsx", plan_path=tmp_path / "無い.xlsx")


def test_invalid_plan_is_fatal(tmp_path, inbox):
    bad = builders.build_plan(tmp_path / "bad", drop_sheets=[g.PLAN_SHEET_STATUSES])
    with pytest.raises(GyokakuError, match="計画マスタ.*エラーがあります") as caught:
        merge(inbox, tmp_path / "m.xlsx", plan_path=bad)
    assert any("進捗区分" in f.message for f in caught.value.findings)  # each finding, for the console
    assert not (tmp_path / "m.xlsx").exists()


def test_locked_output_keeps_old_master(inbox, plan_path, tmp_path, lock_output):
    target = tmp_path / "集約結果.xlsx"
    target.write_bytes(b"old master")
    lock_output(target)
    outcome = merge(inbox, target, plan_path=plan_path)
    assert target.read_bytes() == b"old master"
    fallback = outcome.output
    assert fallback == target.with_name("集約結果(2).xlsx")
    assert fallback.exists() and openpyxl.load_workbook(fallback)
    assert outcome.locked and str(fallback) in outcome.locked and outcome.exit_code == 1


def test_check_writes_report_and_no_master(inbox, plan_path, tmp_path):
    outcome = check(inbox, plan_path=plan_path, report=tmp_path / "検証結果.xlsx")
    assert outcome.output is None and outcome.report.exists()
    book = openpyxl.load_workbook(outcome.report)
    assert book.sheetnames == [g.SHEET_FINDINGS, g.SHEET_SUBMISSIONS]


def test_form_with_an_inserted_row_is_still_read(inbox, plan_path, tmp_path, forms):
    path = inbox / forms["行政総務課"].name
    book = openpyxl.load_workbook(path)
    sheet = book[g.FORM_SHEET]
    sheet.insert_rows(1)
    rows = builders.form_rows(sheet)  # ids moved one row down
    status_col = schema.column_index("status") + 1
    sheet.cell(max(rows.values()) + 1, status_col).value = None
    status_cell = sheet.cell(11, status_col)
    status_cell.value = "順調"
    book.save(path)
    outcome = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path)
    bad = [f for f in outcome.result.findings if f.code == "status-not-in-scale"]
    assert [f.cell for f in bad] == ["G11"], "cells are named where they really are"
    assert outcome.result.tally.rows_read == 8


def test_department_with_only_an_unreadable_file_shows_errors(inbox, plan_path, tmp_path):
    good = inbox / "情報政策課_令和3年度上半期_取組状況調査票.xlsx"
    good.unlink()
    (inbox / "情報政策課_令和3年度上半期_取組状況調査票.xls").write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 600)
    outcome = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path)
    states = {s.department: s.state for s in outcome.result.submissions}
    assert states["情報政策課"] == g.HAS_ERRORS
    codes_ = [f.code for f in outcome.result.findings]
    assert "department-not-submitted" not in codes_
    assert "initiative-not-reported" not in codes_, "the file's own error explains the missing rows"


def test_an_unreadable_plan_master_is_not_told_to_be_resubmitted_as_a_form(tmp_path, inbox):
    """The reader's message for a department's file says to resubmit the 調査票; the plan master's
    error says what is wrong with the file and nothing addressed to a department."""
    broken = tmp_path / "計画マスタ.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(GyokakuError) as caught:
        validate_inbox(inbox, broken)
    message = str(caught.value)
    assert message.startswith(f"計画マスタ「{broken}」を読み込めません：ファイルが壊れています（")
    assert "調査票" not in message and "再提出" not in message
