"""What a run must not get wrong about its own outputs: a failed archive, replaced submissions,
stale return copies, leftovers of killed runs, files open in Excel."""

from __future__ import annotations

import errno
import io
import os
import time
from pathlib import Path

import pytest

import builders
from gyokaku_xl.app import cli
from gyokaku_xl.domain.model import Period
from gyokaku_xl.run import archive
from gyokaku_xl.run.merge import merge
from gyokaku_xl import text as g

H1 = Period(2021, g.PERIOD_FIRST_HALF)


def run_cli(argv):
    out, err = io.StringIO(), io.StringIO()
    code = cli.main([str(a) for a in argv], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


# --- 8: an archive that could not be written is exit 1 ------------------------------------------
def test_archive_on_a_full_disk_exits_1(tmp_path, plan_path, monkeypatch):
    history = tmp_path / "履歴"
    inbox = builders.build_period_inbox(tmp_path, plan_path, H1)

    def full(src, dst, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(archive.shutil, "copyfile", full)
    code, out, err = run_cli(["merge", inbox, "--plan", plan_path, "-o", tmp_path / "m.xlsx", "-q",
                              "--history", history])
    assert code == 1, (out, err)
    assert (tmp_path / "m.xlsx").is_file()
    assert any(g.OS_ERROR_DISK_FULL in line and "履歴" in line for line in out.splitlines()), out
    assert not [p for p in history.iterdir() if p.suffix == ".xlsx"]


def test_archive_written_is_exit_0(tmp_path, plan_path):
    inbox = builders.build_period_inbox(tmp_path, plan_path, H1)
    outcome = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path, history_dir=tmp_path / "履歴")
    assert outcome.archive is not None and outcome.exit_code == 0


# --- 3: what was replaced does not count --------------------------------------------------------
SOUMU = "行政総務課"


def _resubmitted(tmp_path: Path, inbox: Path, plan, forms) -> tuple[Path, Path]:
    """The inbox with 行政総務課's old form (one status error, saved earlier) and its fixed copy."""
    blank = forms[SOUMU]
    old = inbox / blank.name
    reports = builders.default_reports(plan, SOUMU)
    first = next(iter(reports))
    bad = {**reports, first: {"status": "とても順調", "progress": "・x"}}
    builders.fill_form(blank, old, bad, meta={"記入者": "担当者", "連絡先": "内線 1234"})
    fixed = builders.fill_form(blank, inbox / f"{blank.stem}_指摘.xlsx", reports,
                               meta={"記入者": "担当者", "連絡先": "内線 1234"})
    earlier = time.time() - 3600
    os.utime(old, (earlier, earlier))
    return old, fixed


def test_findings_of_a_replaced_file_are_information_only(tmp_path, inbox, plan_path, plan, forms):
    from gyokaku_xl.run.check import check
    old, fixed = _resubmitted(tmp_path, inbox, plan, forms)
    outcome = check(inbox, plan_path=plan_path, annotate=tmp_path / "差戻し")
    mine = [f for f in outcome.result.findings if f.file == old.name]
    assert {f.code for f in mine} >= {"superseded", "status-not-in-scale"}
    assert all(f.severity == g.SEVERITY_INFO for f in mine), mine
    assert outcome.exit_code == 0
    assert outcome.annotated == [] and not (tmp_path / "差戻し" / f"{old.stem}_指摘.xlsx").exists()
    code, out, _err = run_cli(["merge", inbox, "--plan", plan_path, "-o", tmp_path / "m.xlsx", "-q"])
    assert code == 0, out
    assert "エラー 0 件" in out


def test_a_rejected_file_replaced_by_a_newer_one_does_not_count(tmp_path, inbox, plan_path, plan, forms):
    from gyokaku_xl.run.check import check
    blank = forms[SOUMU]
    old = builders.fill_form(blank, inbox / blank.name, builders.default_reports(plan, SOUMU),
                             meta={"記入者": "担当者", "連絡先": "内線 1234", "所管課": "存在しない課"})
    earlier = time.time() - 3600
    os.utime(old, (earlier, earlier))
    builders.fill_form(blank, inbox / f"{blank.stem}_再提出.xlsx", builders.default_reports(plan, SOUMU),
                       meta={"記入者": "担当者", "連絡先": "内線 1234"})
    outcome = check(inbox, plan_path=plan_path)
    mine = [f for f in outcome.result.findings if f.file == old.name]
    assert mine and all(f.severity == g.SEVERITY_INFO for f in mine), mine
    assert outcome.exit_code == 0


def test_a_newer_file_that_failed_still_counts(tmp_path, inbox, plan_path, plan, forms):
    from gyokaku_xl.run.check import check
    blank = forms[SOUMU]
    newer = builders.fill_form(blank, inbox / f"{blank.stem}_再提出.xlsx", builders.default_reports(plan, SOUMU),
                               meta={"記入者": "担当者", "連絡先": "内線 1234", "報告年度": "令和9年度"})
    later = time.time() + 3600
    os.utime(newer, (later, later))
    outcome = check(inbox, plan_path=plan_path, period=H1)
    assert any(f.file == newer.name and f.is_error for f in outcome.result.findings)
    assert outcome.exit_code == 1


# --- 4: the return folder holds exactly what must go back ----------------------------------------
def test_return_folder_holds_exactly_what_must_go_back(tmp_path, inbox, plan_path, plan, forms):
    import openpyxl
    from gyokaku_xl.run.check import check
    meta = {"記入者": "担当者", "連絡先": "内線 1234"}
    bad = {}
    for department in plan.departments:
        reports = builders.default_reports(plan, department)
        first = next(iter(reports))
        bad[department] = {**reports, first: {"status": "とても順調", "progress": "・x"}}
        builders.fill_form(forms[department], inbox / forms[department].name, bad[department], meta=meta)
    folder = tmp_path / "差戻し"
    first_round = check(inbox, plan_path=plan_path, annotate=folder)
    assert len(first_round.annotated) == 3
    mine = folder / "メモ_指摘.xlsx"  # the office's own workbook, named alike: not the toolkit's
    openpyxl.Workbook().save(mine)
    (folder / "送付状.txt").write_text("x", encoding="utf-8")
    d1, d2, d3 = plan.departments
    # d1 fixed its file in place; d2 sent its fixed copy back (the old file is replaced); d3 did nothing
    builders.fill_form(forms[d1], inbox / forms[d1].name, builders.default_reports(plan, d1), meta=meta)
    old = inbox / forms[d2].name
    earlier = time.time() - 3600
    os.utime(old, (earlier, earlier))
    builders.fill_form(forms[d2], inbox / f"{forms[d2].stem}_指摘.xlsx", builders.default_reports(plan, d2),
                       meta=meta)
    second = check(inbox, plan_path=plan_path, annotate=folder)
    kept = f"{forms[d3].stem}_指摘.xlsx"
    assert [p.name for p in second.annotated] == [kept]
    assert sorted(p.name for p in folder.iterdir()) == sorted([kept, "メモ_指摘.xlsx", "送付状.txt"])
    removed = [n for n in second.notices if g.ANNOTATE_REMOVED.split("「")[0] in n]
    assert len(removed) == 2, second.notices
    assert any(forms[d1].stem in n for n in removed) and any(forms[d2].stem in n for n in removed)


# --- 10: leftovers of a killed run are removed by the next one ----------------------------------
def test_leftover_temp_of_a_killed_run_is_removed(tmp_path, inbox, plan_path):
    from gyokaku_xl.infra import atomic
    leftover = tmp_path / ".~tmp-abcd1234.xlsx"
    leftover.write_bytes(b"")
    old = atomic.RUN_STARTED - 600
    os.utime(leftover, (old, old))
    fresh = tmp_path / ".~tmp-efgh5678.xlsx"  # another run's, still being written: newer than this run
    fresh.write_bytes(b"")
    mine = tmp_path / ".~tmpfile.xlsx"  # not the toolkit's pattern
    mine.write_bytes(b"")
    os.utime(mine, (old, old))
    outcome = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path)
    assert outcome.output == tmp_path / "m.xlsx"
    assert not leftover.exists() and fresh.exists() and mine.exists()


@pytest.mark.skipif(not hasattr(os, "fork") or os.name != "posix", reason="advisory locks (POSIX)")
def test_a_temp_being_written_by_another_run_is_left_alone(tmp_path):
    from gyokaku_xl.infra import atomic
    busy = tmp_path / ".~tmp-busy0000.xlsx"
    busy.write_bytes(b"")
    old = atomic.RUN_STARTED - 600
    os.utime(busy, (old, old))
    with atomic.held(busy):  # as atomic_write holds its temporary file while the writer runs
        fd = os.open(busy, os.O_RDONLY)
        try:
            pid = os.fork()
            if pid == 0:  # another process cleans the folder
                atomic.remove_leftovers(tmp_path)
                os._exit(0)
            os.waitpid(pid, 0)
        finally:
            os.close(fd)
    assert busy.exists()
    atomic.remove_leftovers(tmp_path)
    assert not busy.exists()


# --- 11: files open in Excel --------------------------------------------------------------------
def _excel_owner_file(path: Path, user: str = "山田") -> Path:
    """An Excel owner file ``~$name`` as Excel writes it (user name in cp932 and UTF-16)."""
    name = user.encode("cp932")
    data = bytes([len(user)]) + name.ljust(53, b" ") + b"\x00" + len(user).to_bytes(2, "little") \
        + user.encode("utf-16-le")
    lock = path.with_name("~$" + path.name)
    lock.write_bytes(data.ljust(165, b"\x00"))
    return lock


def test_plan_master_open_in_excel_is_said(tmp_path, inbox, plan_path):
    _excel_owner_file(plan_path)
    code, out, _err = run_cli(["merge", inbox, "--plan", plan_path, "-o", tmp_path / "m.xlsx", "-q"])
    assert code == 0
    said = g.MESSAGES["open-in-excel"].format(owner="山田 さん", file=plan_path.name)
    assert said in out.splitlines()
    from gyokaku_xl.run.check import check
    outcome = check(inbox, plan_path=plan_path)
    found = [f for f in outcome.result.findings if f.code == "open-in-excel"]
    assert [(f.severity, f.file) for f in found] == [(g.SEVERITY_INFO, plan_path.name)]


def test_template_says_the_plan_is_open(tmp_path, plan_path):
    _excel_owner_file(plan_path)
    code, _out, err = run_cli(["template", "--plan", plan_path, "--year", "令和3年度", "--period", "上半期",
                               "-o", tmp_path / "配布"])
    assert code == 0
    assert f"{g.SEVERITY_INFO}: {plan_path.name} " + g.MESSAGES["open-in-excel"].format(
        owner="山田 さん", file=plan_path.name) in err.splitlines()


def test_master_open_in_excel_is_said_before_it_is_replaced(tmp_path, inbox, plan_path):
    master = tmp_path / "集約結果.xlsx"
    merge(inbox, master, plan_path=plan_path)
    _excel_owner_file(master)
    outcome = merge(inbox, master, plan_path=plan_path)
    assert g.OUTPUT_OPEN_IN_EXCEL.format(path=master, owner="山田 さん") in outcome.notices
    from gyokaku_xl.run.check import check
    report = tmp_path / "検証結果.xlsx"
    check(inbox, plan_path=plan_path, report=report)
    _excel_owner_file(report, "鈴木")
    again = check(inbox, plan_path=plan_path, report=report)
    assert g.OUTPUT_OPEN_IN_EXCEL.format(path=report, owner="鈴木 さん") in again.notices


def test_no_lock_file_says_nothing(tmp_path, inbox, plan_path):
    outcome = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path)
    assert not [f for f in outcome.result.findings if f.code == "open-in-excel"]
    assert not [n for n in outcome.notices if "Excel で開かれて" in n]


def test_a_file_system_without_locks_still_writes(tmp_path, monkeypatch):
    import fcntl
    from gyokaku_xl.infra import atomic

    def no_locks(fd, op):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_locks)
    target = tmp_path / "out.xlsx"
    atomic.atomic_write(target, lambda tmp: tmp.write_bytes(b"new"))
    assert target.read_bytes() == b"new"
    leftover = tmp_path / ".~tmp-old00000.xlsx"
    leftover.write_bytes(b"")
    old = atomic.RUN_STARTED - 600
    os.utime(leftover, (old, old))
    atomic.remove_leftovers(tmp_path)
    assert leftover.exists(), "without locks, a writer cannot be told apart: left alone"
