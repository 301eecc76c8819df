"""Hostile input that must end as findings while every other department's rows are still merged.

Amounts too large for any 千円 figure, a good form beside a broken resubmission, an inbox of nothing
but unreadable files, a run too large for memory, Python's own text in findings, part names in
another case, a closed output pipe.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest

import builders
import hostile
from gyokaku_xl import text as g
from gyokaku_xl.run.check import check
from gyokaku_xl.run.merge import merge
from gyokaku_xl.domain import schema
from gyokaku_xl.app.cli import main
from gyokaku_xl.domain.findings import GyokakuError
from gyokaku_xl.domain.limits import Limits

SOUMU = "行政総務課_令和3年度上半期_取組状況調査票.xlsx"
AMOUNT_COL = chr(ord("A") + schema.column_index("fiscal_effect"))  # 財政効果額 in the official layout


def codes(result) -> list[str]:
    return [f.code for f in result.findings]


def _set_amount(inbox: Path, forms, plan, amounts: dict[str, object]) -> Path:
    """行政総務課's form with 財政効果額 set per 取組番号 (text as text, ints as numbers)."""
    reports = builders.default_reports(plan, "行政総務課")
    for initiative_id, amount in amounts.items():
        reports[initiative_id]["fiscal_effect"] = amount
    return builders.fill_form(forms["行政総務課"], inbox / SOUMU, reports,
                              meta={"記入者": "担当者", "連絡先": "内線 1234"})


def _numeric_amount(inbox: Path, forms, plan, initiative_id: str, raw: str) -> Path:
    """A 財政効果額 stored as the number ``raw`` exactly as written in the sheet XML."""
    path = _set_amount(inbox, forms, plan, {initiative_id: 7777777})
    return hostile.replace_in_part(path, path, b"<v>7777777</v>", f"<v>{raw}</v>".encode())


# --- 14: amounts no 千円 figure can be -----------------------------------------------------------
@pytest.mark.parametrize("kind", ["text", "number"])
def test_amount_of_5001_digits_is_a_finding(inbox, plan_path, tmp_path, plan, forms, kind):
    digits = "9" * 5001
    if kind == "text":
        _set_amount(inbox, forms, plan, {"1-01": digits})
    else:
        _numeric_amount(inbox, forms, plan, "1-01", digits)
    checked = check(inbox, plan_path=plan_path)
    outcome = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path)
    for result in (checked.result, outcome.result):
        big = [f for f in result.findings if f.code == "fiscal-effect-too-large"]
        assert len(big) == 1 and big[0].file == SOUMU and big[0].cell.startswith(AMOUNT_COL)
        assert big[0].is_error and big[0].value.startswith("9999") and "5001" in big[0].value
    record = {r.initiative.id: r for r in outcome.result.records}["1-01"]
    assert record.values["fiscal_effect"] is None, "the row is merged, the amount is not"
    assert outcome.result.tally.rows_merged == 8 and outcome.output.exists()
    assert outcome.exit_code == 1


@pytest.mark.parametrize("raw", ["1" + "0" * 310, "1.7E+308", "1E+16", "1000000000000000"])
def test_amounts_beyond_fifteen_digits_never_reach_the_master(inbox, plan_path, tmp_path, plan,
                                                              forms, raw):
    _numeric_amount(inbox, forms, plan, "2-01", raw)
    outcome = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path)
    assert [f.cell[:1] for f in outcome.result.findings if f.code == "fiscal-effect-too-large"] == [AMOUNT_COL]
    book = openpyxl.load_workbook(outcome.output)
    numbers = [c.value for ws in book for row in ws.iter_rows() for c in row
               if isinstance(c.value, (int, float)) and not isinstance(c.value, bool)]
    assert max(numbers) <= schema.MAX_AMOUNT


def test_largest_amount_is_accepted(inbox, plan_path, tmp_path, plan, forms):
    _set_amount(inbox, forms, plan, {"1-01": schema.MAX_AMOUNT})
    outcome = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path)
    assert "fiscal-effect-too-large" not in codes(outcome.result)
    record = {r.initiative.id: r for r in outcome.result.records}["1-01"]
    assert record.values["fiscal_effect"] == schema.MAX_AMOUNT
    assert outcome.exit_code == 0


def test_totals_never_overflow(inbox, plan_path, tmp_path, plan, forms):
    _set_amount(inbox, forms, plan, {"1-01": schema.MAX_AMOUNT, "2-01": schema.MAX_AMOUNT,
                                     "2-02": 5})
    outcome = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path)
    over = [f for f in outcome.result.findings if f.code == "fiscal-effect-total-too-large"]
    assert [(f.file, f.initiative_id) for f in over] == [(SOUMU, "2-01"), (SOUMU, "2-02")]
    assert all(f.cell.startswith(AMOUNT_COL) and f.value for f in over)
    amounts = [r.values["fiscal_effect"] for r in outcome.result.records
               if r.values["fiscal_effect"] is not None]
    assert sum(amounts) <= schema.MAX_AMOUNT
    book = openpyxl.load_workbook(outcome.output)
    by_program = book[g.SHEET_BY_PROGRAM]
    numbers = [c.value for row in by_program.iter_rows() for c in row
               if isinstance(c.value, (int, float)) and not isinstance(c.value, bool)]
    assert numbers and max(numbers) == schema.MAX_AMOUNT


# --- 15: a good form and a broken resubmission ----------------------------------------------------
@pytest.mark.parametrize("broken", ["corrupt", "wrong-period"])
def test_good_form_is_what_was_merged_beside_a_broken_resubmission(inbox, plan_path, tmp_path,
                                                                   plan, forms, broken):
    resent = inbox / "行政総務課_再提出.xlsx"  # sorts after the good file
    if broken == "corrupt":
        resent.write_bytes(b"PK\x03\x04 not really a workbook")
    else:
        builders.fill_form(forms["行政総務課"], resent, builders.default_reports(plan, "行政総務課"),
                           meta={"報告期間": "下半期", "記入者": "担当者", "連絡先": "内線 1234"})
    later = time.time() + 3600  # arrived after the good file was saved
    os.utime(resent, (later, later))
    outcome = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path)
    sub = {s.department: s for s in outcome.result.submissions}["行政総務課"]
    planned = len(plan.initiatives_of("行政総務課"))
    assert sub.file == SOUMU and sub.state == g.SUBMITTED
    assert (sub.rows_read, sub.rows_merged, sub.rows_rejected, sub.errors) == (planned, planned, 0, 0)
    assert sub.not_accepted == [resent.name] and resent.name in sub.note and "不受理" in sub.note
    sources = {r.source.file for r in outcome.result.records if r.department == "行政総務課"}
    assert sources == {SOUMU}
    sheet = openpyxl.load_workbook(outcome.output)[g.SHEET_SUBMISSIONS]
    row = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "行政総務課")
    assert row[1] == g.SUBMITTED and row[2] == SOUMU and resent.name in row[-1]


def test_broken_file_older_than_the_good_one_is_listed_as_replaced(inbox, plan_path, tmp_path, plan):
    early = inbox / "行政総務課_再提出.xlsx"
    early.write_bytes(b"PK\x03\x04 not really a workbook")
    os.utime(early, (1_500_000_000, 1_500_000_000))
    os.utime(inbox / SOUMU, (1_600_000_000, 1_600_000_000))
    outcome = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path)
    sub = {s.department: s for s in outcome.result.submissions}["行政総務課"]
    assert sub.file == SOUMU and sub.state == g.REPLACED
    assert sub.not_accepted == [early.name] and "差し替え前" in sub.note and early.name in sub.note


# --- 16: nothing readable and no period given ---------------------------------------------------
def _unreadable_inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "unreadable"
    folder.mkdir()
    (folder / "総務課.xlsx").write_bytes(b"PK\x03\x04garbage")
    (folder / "財政課.xlsx").write_bytes(b"")
    (folder / "メモ.txt").write_text("提出します", encoding="utf-8")
    return folder


def test_unreadable_inbox_without_period_names_every_file(tmp_path, plan_path):
    folder = _unreadable_inbox(tmp_path)
    with pytest.raises(GyokakuError) as info:
        merge(folder, tmp_path / "m.xlsx", plan_path=plan_path)
    assert "報告年度・報告期間を決められません" in str(info.value)
    assert sorted(f.file for f in info.value.findings) == sorted(["メモ.txt", "総務課.xlsx", "財政課.xlsx"])
    assert not (tmp_path / "m.xlsx").exists()


def test_cli_prints_the_findings_of_a_run_that_cannot_continue(tmp_path, plan_path, capsys):
    folder = _unreadable_inbox(tmp_path)
    code = main(["merge", str(folder), "--plan", str(plan_path), "-o", str(tmp_path / "m.xlsx"), "-q"])
    err = capsys.readouterr().err.splitlines()
    assert code == 2
    assert err[0].startswith("エラー: 報告年度・報告期間を決められません")
    for name in ("総務課.xlsx", "財政課.xlsx", "メモ.txt"):
        assert sum(name in line for line in err[1:]) == 1, err


# --- 17: the whole run is bounded --------------------------------------------------------------
def test_run_beyond_its_bound_rejects_the_files_that_do_not_fit(inbox, plan_path, tmp_path, plan):
    rows = {d: len(plan.initiatives_of(d)) for d in plan.departments}
    names = sorted(p.name for p in inbox.iterdir())  # the order files are read in
    first = names[0].split("_")[0]
    limits = Limits(max_run_rows=rows[first] + 1)
    outcome = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path, limits=limits)
    over = [f for f in outcome.result.findings if f.code == "run-too-large"]
    fitting = [n for n in names[1:] if rows[n.split("_")[0]] <= 1]
    assert sorted(f.file for f in over) == sorted(set(names[1:]) - set(fitting))
    assert all(f.is_error for f in over)
    t = outcome.result.tally
    assert t.rows_merged == rows[first] and t.reconciles
    assert {s.department: s.state for s in outcome.result.submissions}[first] == g.SUBMITTED
    assert outcome.output.exists() and outcome.exit_code == 1


def test_run_bound_counts_cells_too(inbox, plan_path, tmp_path):
    outcome = check(inbox, plan_path=plan_path, period=builders.PERIOD,
                             limits=Limits(max_run_cells=1))
    over = [f for f in outcome.result.findings if f.code == "run-too-large"]
    assert len(over) == 3 and outcome.result.tally.rows_merged == 0


# --- 18: Python's text, part names, pipes ---------------------------------------------------------
def _no_python_text(message: str) -> None:
    for english in ("Error", "ZipInfo", "Exception", "encrypted", "Traceback"):
        assert english not in message, message


def test_lowercase_cell_reference_is_told_in_japanese(inbox, plan_path, tmp_path):
    path = inbox / SOUMU
    hostile.replace_in_part(path, path, b' r="A10"', b' r="a10"')
    outcome = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path)
    bad = [f for f in outcome.result.findings if f.file == SOUMU and f.is_error]
    assert [f.code for f in bad] == ["corrupt-zip"]
    _no_python_text(bad[0].message)
    assert "a10" in bad[0].message
    assert outcome.result.tally.rows_merged == 5


def test_zip_level_encryption_is_told_in_japanese(inbox, plan_path, tmp_path):
    path = inbox / SOUMU
    hostile.rewrite_package(path, path, flag_bits={"xl/workbook.xml": 1})
    outcome = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path)
    bad = [f for f in outcome.result.findings if f.file == SOUMU and f.is_error]
    assert len(bad) == 1
    _no_python_text(bad[0].message)
    assert "暗号化" in bad[0].message or "パスワード" in bad[0].message


def test_part_names_match_in_any_case(inbox, plan_path, tmp_path):
    path = inbox / SOUMU
    with __import__("zipfile").ZipFile(path) as zf:
        names = zf.namelist()
    assert "xl/workbook.xml" in names
    rename = {n: n.replace("workbook.xml", "Workbook.xml").replace("sheet1.xml", "Sheet1.xml")
              .replace("core.xml", "Core.xml").replace("custom.xml", "Custom.xml") for n in names}
    hostile.rewrite_package(path, path, rename=rename)
    outcome = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path)
    assert not [f for f in outcome.result.findings if f.is_error], outcome.result.findings
    assert outcome.result.tally.rows_merged == 8


def test_parts_differing_only_in_case_are_refused(inbox, plan_path, tmp_path):
    path = inbox / SOUMU
    with __import__("zipfile").ZipFile(path, "a") as zf:
        zf.writestr("XL/Workbook.xml", b"<workbook/>")  # which workbook would Excel open?
    outcome = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path)
    bad = [f for f in outcome.result.findings if f.file == SOUMU and f.is_error]
    assert [f.code for f in bad] == ["corrupt-zip"] and "XL/Workbook.xml" in bad[0].message


def test_closed_output_pipe_ends_quietly(inbox, plan_path, tmp_path):
    errors = tmp_path / "stderr.txt"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    with open(errors, "wb") as err:
        proc = subprocess.Popen([sys.executable, "-m", "gyokaku_xl", "merge", str(inbox), "--plan",
                                 str(plan_path), "-o", str(tmp_path / "m.xlsx"), "-q"],
                                stdout=subprocess.PIPE, stderr=err, env=env)
        proc.stdout.close()  # like `| head` that has already gone
        code = proc.wait(timeout=120)
    text = errors.read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in text and "BrokenPipe" not in text, text
    assert code == 0 and (tmp_path / "m.xlsx").exists()


def test_shared_strings_part_named_in_another_case_is_read(tmp_path):
    from gyokaku_xl.reading.xlsx import read_workbook

    src = hostile.simple_workbook(tmp_path)
    caps = hostile.rewrite_package(src, tmp_path / "caps.xlsx",
                                   rename={hostile.SHARED_PART: "xl/SharedStrings.xml"})
    sheet = read_workbook(caps).sheets[hostile.SHEET_NAME]
    assert (sheet.value(1, 1), sheet.value(2, 1), sheet.value(1, 2)) == ("総務課", "順調", 42)


def test_run_bound_counts_findings_too(inbox, plan_path, tmp_path, plan, forms):
    reports = {i: {"status": "とても順調", "progress": "・x"} for i in builders.default_reports(plan, "行政総務課")}
    builders.fill_form(forms["行政総務課"], inbox / SOUMU, reports,
                       meta={"記入者": "担当者", "連絡先": "内線 1234"})
    outcome = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path,
                             limits=Limits(max_run_findings=2))
    over = [f for f in outcome.result.findings if f.code == "run-too-large"]
    assert [f.file for f in over] == [SOUMU] and "指摘の数" in over[0].message
    assert "status-not-in-scale" not in codes(outcome.result), "its rows were let go"
    t = outcome.result.tally
    assert t.rows_merged == 8 - len(reports) and t.reconciles


@pytest.mark.parametrize("make", [hostile.truncated_zip, hostile.damaged_data,
                                  lambda d: hostile.random_bytes(d, prefix=b"PK\x03\x04")])
def test_damaged_zips_are_told_in_japanese(inbox, plan_path, tmp_path, make):
    path = make(inbox)
    outcome = check(inbox, plan_path=plan_path)
    bad = [f for f in outcome.result.findings if f.file == path.name]
    assert bad and all(f.is_error for f in bad)
    for f in bad:
        _no_python_text(f.message)
        assert "zip file" not in f.message and "header" not in f.message, f.message
