"""資料1-3 as its own workbook above 「資料1-3を別ブックにする取組数」, written by a spawned process."""

from __future__ import annotations

import multiprocessing
import pickle
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import openpyxl
import pytest

import builders
from gyokaku_xl.app.summary_lines import summary_lines
from gyokaku_xl import text as g
from gyokaku_xl.run.merge import merge
from gyokaku_xl.run.inbox import validate_inbox
from gyokaku_xl.domain.records import Record, Source
from gyokaku_xl.render.split_book import (DEFAULT_SPLIT_FROM, payload_of, split_from, split_path,
                                          write_by_program_book)
from master_content import master_content


def _plan_with(tmp_path: Path, split: str | None) -> Path:
    settings = dict(builders.DEFAULT_SETTINGS)
    if split is not None:
        settings[g.SETTING_SPLIT_FROM] = split
    return builders.build_plan(tmp_path, settings=settings)


@pytest.fixture
def split_inbox(tmp_path, inbox, period) -> tuple[Path, Path]:
    """The conftest inbox with a plan master (beside it) that splits from 3 取組."""
    return inbox, _plan_with(tmp_path / "split-plan", "3")


def test_threshold_is_a_plan_setting(tmp_path):
    assert split_from(builders.load_plan(_plan_with(tmp_path / "a", None))) == DEFAULT_SPLIT_FROM
    assert split_from(builders.load_plan(_plan_with(tmp_path / "b", "３"))) == 3
    assert split_path(Path("out/集約結果.xlsx")) == Path("out/集約結果_資料1-3.xlsx")
    from gyokaku_xl.run.split import SplitWorker
    small = builders.load_plan(_plan_with(tmp_path / "c", "3"))
    assert SplitWorker.if_likely(small, 2) is None  # below the threshold nothing is started


def test_below_the_threshold_the_master_holds_every_report_sheet(inbox, plan_path, tmp_path):
    outcome = merge(inbox, tmp_path / "out" / "集約結果.xlsx", plan_path=plan_path)
    assert outcome.by_program_book is None and not split_path(outcome.output).exists()
    assert g.SHEET_BY_PROGRAM in openpyxl.load_workbook(outcome.output).sheetnames
    assert not any(line.startswith(g.SPLIT_SUMMARY_LABEL) for line in summary_lines(outcome))


def test_above_the_threshold_the_by_program_sheet_is_its_own_identical_workbook(split_inbox, plan_path, tmp_path):
    inbox, split_plan = split_inbox
    whole = merge(inbox, tmp_path / "whole" / "集約結果.xlsx", plan_path=plan_path).output
    outcome = merge(inbox, tmp_path / "split" / "集約結果.xlsx", plan_path=split_plan)
    book = outcome.by_program_book
    assert book == tmp_path / "split" / "集約結果_資料1-3.xlsx" and book.is_file()
    assert f"{g.SPLIT_SUMMARY_LABEL}: {book}" in summary_lines(outcome)
    assert sorted(p.name for p in book.parent.iterdir()) == ["集約結果.xlsx", "集約結果_資料1-3.xlsx"]
    master, alone, full = master_content(outcome.output), master_content(book), master_content(whole)
    assert master["workbook"]["sheets"] == [s for s in full["workbook"]["sheets"] if s != g.SHEET_BY_PROGRAM]
    assert alone["workbook"]["sheets"] == [g.SHEET_BY_PROGRAM]
    assert alone[g.SHEET_BY_PROGRAM] == full[g.SHEET_BY_PROGRAM]
    assert all(master[s] == full[s] for s in master if s != "workbook")


def test_a_later_unsplit_run_says_the_old_book_is_stale(split_inbox, plan_path, tmp_path):
    inbox, split_plan = split_inbox
    target = tmp_path / "out" / "集約結果.xlsx"
    merge(inbox, target, plan_path=split_plan)
    outcome = merge(inbox, target, plan_path=plan_path)
    assert outcome.by_program_book is None
    assert g.SPLIT_NOTICE_STALE.format(path=split_path(target)) in outcome.notices


def test_a_locked_master_keeps_the_pair_together(split_inbox, tmp_path, lock_output):
    inbox, split_plan = split_inbox
    target = tmp_path / "out" / "集約結果.xlsx"
    merge(inbox, target, plan_path=split_plan)
    lock_output(target)
    outcome = merge(inbox, target, plan_path=split_plan)
    assert outcome.locked
    assert outcome.output.name == "集約結果(2).xlsx"
    assert outcome.by_program_book.name == "集約結果(2)_資料1-3.xlsx" and outcome.by_program_book.is_file()


def test_payload_is_compact_and_written_under_spawn(split_inbox, plan_path, tmp_path):
    inbox, _ = split_inbox
    result, _, _ = validate_inbox(inbox, plan_path)
    payload = payload_of(result)
    raw = pickle.dumps(payload)
    assert b"Record" not in raw and b"Source" not in raw and str(inbox).encode() not in raw
    assert len(raw) < len(pickle.dumps(result.records))
    target = tmp_path / "alone.xlsx"
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        assert pool.submit(write_by_program_book, str(target), payload).result() == len(result.records)
    whole = merge(inbox, tmp_path / "whole.xlsx", plan_path=plan_path).output
    assert master_content(target)[g.SHEET_BY_PROGRAM] == master_content(whole)[g.SHEET_BY_PROGRAM]
    assert isinstance(result.records[0], Record) and isinstance(result.records[0].source, Source)


def test_the_command_line_splits_under_spawn_without_running_twice(split_inbox, tmp_path):
    import os
    import subprocess
    import sys

    inbox, split_plan = split_inbox
    target = tmp_path / "cli" / "集約結果.xlsx"
    run = subprocess.run([sys.executable, "-m", "gyokaku_xl", "merge", str(inbox), "--plan", str(split_plan),
                          "-o", str(target), "-q"], capture_output=True, timeout=300,
                         env={**os.environ, "PYTHONIOENCODING": "utf-8"}, cwd=Path(__file__).resolve().parent.parent)
    out = run.stdout.decode("utf-8")
    assert run.returncode == 0, run.stderr.decode("utf-8")
    assert out.count("対象:") == 1
    assert f"{g.SPLIT_SUMMARY_LABEL}: {split_path(target)}" in out.splitlines()
    assert split_path(target).is_file()


def test_without_a_second_process_the_same_book_is_written_here(split_inbox, tmp_path, monkeypatch):
    from concurrent.futures import ProcessPoolExecutor as Real

    class Broken(Real):
        def submit(self, *args, **kwargs):
            raise RuntimeError("cannot start new processes")

    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", Broken)
    inbox, split_plan = split_inbox
    outcome = merge(inbox, tmp_path / "out" / "集約結果.xlsx", plan_path=split_plan)
    assert outcome.by_program_book.is_file()
    assert openpyxl.load_workbook(outcome.by_program_book).sheetnames == [g.SHEET_BY_PROGRAM]
    assert sorted(p.name for p in outcome.by_program_book.parent.iterdir()) == [
        "集約結果.xlsx", "集約結果_資料1-3.xlsx"]


def test_a_failing_worker_leaves_the_old_pair(split_inbox, tmp_path, monkeypatch):
    from gyokaku_xl.domain.findings import GyokakuError
    from gyokaku_xl.run.split import SplitBook

    inbox, split_plan = split_inbox
    target = tmp_path / "out" / "集約結果.xlsx"
    merge(inbox, target, plan_path=split_plan)
    before = (target.read_bytes(), split_path(target).read_bytes())

    def fail(self) -> None:
        raise GyokakuError("資料1-3 を書けませんでした")

    monkeypatch.setattr(SplitBook, "wait", fail)
    with pytest.raises(GyokakuError):
        merge(inbox, target, plan_path=split_plan)
    assert (target.read_bytes(), split_path(target).read_bytes()) == before
    assert sorted(p.name for p in target.parent.iterdir()) == ["集約結果.xlsx", "集約結果_資料1-3.xlsx"]


def test_pdf_of_a_split_run_has_both_books(split_inbox, tmp_path, soffice):
    import subprocess

    inbox, split_plan = split_inbox
    outcome = merge(inbox, tmp_path / "out" / "集約結果.xlsx", plan_path=split_plan, pdf=True)
    assert [p.name for p in outcome.pdf_paths] == ["集約結果.pdf", "集約結果_資料1-3.pdf"]
    texts = [subprocess.run(["pdftotext", str(p), "-"], capture_output=True, text=True, check=True).stdout
             for p in outcome.pdf_paths]
    assert "資料１－１" in texts[0] and "資料１－２" in texts[0]
    assert "資料１－３" in texts[1] and "資料１－１" not in texts[1]


def test_the_second_process_is_started_while_validating_and_then_used(split_inbox, monkeypatch, tmp_path):
    from gyokaku_xl.run.split import SplitBook, SplitWorker

    seen: dict[str, object] = {}
    likely, book_init = SplitWorker.if_likely, SplitBook.__init__

    def spy_likely(plan, rows_read):
        seen["rows_read"] = rows_read
        seen["worker"] = worker = likely(plan, rows_read)
        return worker

    def spy_book(self, result, master, worker=None, target_lines=None):
        seen["given"] = worker
        book_init(self, result, master, worker, target_lines)
    monkeypatch.setattr(SplitWorker, "if_likely", staticmethod(spy_likely))
    monkeypatch.setattr(SplitBook, "__init__", spy_book)
    inbox, split_plan = split_inbox
    outcome = merge(inbox, tmp_path / "out" / "集約結果.xlsx", plan_path=split_plan)
    assert seen["rows_read"] == len(outcome.result.records)
    assert isinstance(seen["worker"], SplitWorker) and seen["given"] is seen["worker"]
    assert outcome.by_program_book.is_file()


def test_a_worker_started_for_rows_that_were_not_all_accepted_is_let_go(inbox, plan, tmp_path, monkeypatch):
    """A resubmission counts twice among the rows read but once among the records."""
    from gyokaku_xl.run.split import SplitWorker

    first = sorted(inbox.iterdir())[0]
    shutil.copy(first, inbox / f"{first.stem}_再提出.xlsx")
    plan_path = _plan_with(tmp_path / "edge-plan", str(len(plan.initiatives) + 1))
    started: list[SplitWorker] = []
    likely = SplitWorker.if_likely

    def spy(plan_, rows_read):
        worker = likely(plan_, rows_read)
        started.append(worker)
        return worker
    monkeypatch.setattr(SplitWorker, "if_likely", staticmethod(spy))
    outcome = merge(inbox, tmp_path / "out" / "集約結果.xlsx", plan_path=plan_path)
    assert len(started) == 1 and isinstance(started[0], SplitWorker)
    assert len(outcome.result.records) == len(plan.initiatives)
    assert outcome.by_program_book is None and not split_path(outcome.output).exists()
    assert started[0].pool._shutdown_thread  # let go
