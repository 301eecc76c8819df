"""Large inboxes are read by two spawned worker processes: the same reports, the same master.

Both sides of :data:`~gyokaku_xl.reading.parallel.PARALLEL_FROM` are exercised by forcing the
threshold down to one file: the reports (findings, cells, rows) and the master's content must be
those of a serial read, also with unreadable and hostile files among the forms; when the workers
cannot start or one dies, the rest is read in this process.
"""

from __future__ import annotations

import concurrent.futures
import shutil
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

import builders
import hostile
from gyokaku_xl import text as g
from gyokaku_xl.reading import parallel as parallel_read
from gyokaku_xl.domain.findings import GyokakuError, PlanInvalidError
from gyokaku_xl.reading.sniff import scan_inbox
from gyokaku_xl.reading.parallel import InboxReader
from gyokaku_xl.run.merge import merge
from gyokaku_xl.run.inbox import validate_inbox
from gyokaku_xl.reading.plan import read_plan
from gyokaku_xl.reading.form import open_form
from master_content import master_content


@pytest.fixture
def mixed_inbox(inbox: Path, forms: dict[str, Path]) -> Path:
    """The valid inbox plus a resubmission, a lock file, a PDF, a 0-byte file and hostile workbooks."""
    first = sorted(inbox.iterdir())[0]
    shutil.copy(first, inbox / f"{first.stem}_再提出.xlsx")
    (inbox / f"~${first.name}").write_bytes(b"\x00" * 165)
    (inbox / "説明.pdf").write_bytes(b"%PDF-1.4\n")
    hostile.empty_file(inbox)
    hostile.billion_laughs(inbox)
    hostile.truncated_zip(inbox)
    hostile.far_cell(inbox)
    return inbox


def serial_reports(inbox: Path, plan_path: Path | None = None):
    entries = scan_inbox(inbox, exclude=[plan_path] if plan_path else [])
    return entries, [open_form(e) for e in entries]


def test_workers_give_the_serial_reports_in_inbox_order(mixed_inbox, plan_path):
    entries, expected = serial_reports(mixed_inbox, plan_path)
    with InboxReader(entries, plan_path=plan_path, parallel_from=1) as reader:
        assert reader.parallel
        got = list(reader.reports())
        plan = reader.read_plan(plan_path)
    assert [r.file for r in got] == [r.file for r in expected]
    assert got == expected  # findings, sha256, form cells and rows alike
    assert any(r.rejected for r in got) and any(r.form is not None for r in got)
    assert plan == read_plan(plan_path)


def test_below_the_threshold_no_worker_is_started(inbox, plan_path):
    entries, expected = serial_reports(inbox, plan_path)
    with InboxReader(entries, plan_path=plan_path, parallel_from=len(entries) + 1) as reader:
        assert not reader.parallel
        assert list(reader.reports()) == expected


def test_one_core_reads_here(inbox, monkeypatch):
    entries, expected = serial_reports(inbox)
    monkeypatch.setattr(parallel_read.os, "cpu_count", lambda: 1)
    with InboxReader(entries, parallel_from=1) as reader:
        assert not reader.parallel
        assert list(reader.reports()) == expected


def test_progress_names_every_file_in_order_then_ends(mixed_inbox):
    entries, _ = serial_reports(mixed_inbox)
    for threshold in (1, 10_000):
        seen: list[tuple[int, int, str]] = []
        with InboxReader(entries, parallel_from=threshold) as reader:
            list(reader.reports(lambda done, total, name: seen.append((done, total, name))))
        total = len(entries)
        assert seen == [(n, total, e.path.name) for n, e in enumerate(entries)] + [(total, total, "")], threshold


def test_the_master_is_the_same_either_way(mixed_inbox, plan_path, tmp_path):
    serial = merge(mixed_inbox, tmp_path / "serial" / "集約結果.xlsx", plan_path=plan_path)
    parallel_read_from = parallel_read.PARALLEL_FROM
    try:
        parallel_read.PARALLEL_FROM = 1
        pooled = merge(mixed_inbox, tmp_path / "pooled" / "集約結果.xlsx", plan_path=plan_path)
    finally:
        parallel_read.PARALLEL_FROM = parallel_read_from
    assert pooled.result.tally == serial.result.tally
    assert pooled.result.findings == serial.result.findings
    assert master_content(pooled.output) == master_content(serial.output)


def test_an_unusable_plan_is_reported_as_in_a_serial_run(mixed_inbox, tmp_path):
    broken = tmp_path / "壊れた計画マスタ.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    invalid = builders.build_plan(tmp_path / "invalid", drop_sheets=[g.PLAN_SHEET_INITIATIVES])
    for plan in (broken, invalid, tmp_path / "ない.xlsx"):
        errors = []
        for threshold in (1, 10_000):
            with pytest.raises(GyokakuError) as caught:
                validate_inbox(mixed_inbox, plan, parallel_from=threshold)
            errors.append((type(caught.value), str(caught.value), caught.value.findings))
        assert errors[0] == errors[1], plan
    assert errors[0][0] is GyokakuError
    with pytest.raises(PlanInvalidError):
        validate_inbox(mixed_inbox, invalid, parallel_from=1)


class _DeadPool:
    """A pool whose worker has died: every future fails as ProcessPoolExecutor's do then."""

    submitted = 0

    def __init__(self, *args, **kwargs) -> None:
        pass

    def submit(self, *args, **kwargs) -> Future:
        type(self).submitted += 1
        future: Future = Future()
        future.set_exception(BrokenProcessPool("a worker died"))
        return future

    def shutdown(self, *args, **kwargs) -> None:
        pass


class _NoProcesses:
    def __init__(self, *args, **kwargs) -> None:
        raise OSError("no processes here")


@pytest.mark.parametrize("pool", [_DeadPool, _NoProcesses])
def test_without_workers_the_rest_is_read_here(mixed_inbox, plan_path, monkeypatch, pool):
    entries, expected = serial_reports(mixed_inbox, plan_path)
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", pool)
    with InboxReader(entries, plan_path=plan_path, parallel_from=1) as reader:
        assert list(reader.reports()) == expected
        assert reader.read_plan(plan_path) == read_plan(plan_path)
        assert not reader.parallel


class _CountingPool:
    """Runs tasks in this process and records how many were outstanding at most."""

    def __init__(self, *args, **kwargs) -> None:
        self.futures: list[Future] = []
        self.most = 0

    def submit(self, func, *args) -> Future:
        future: Future = Future()
        future.set_result(func(*args))
        self.futures.append(future)
        self.most = max(self.most, sum(1 for f in self.futures if not getattr(f, "taken", False)))
        return future

    def shutdown(self, *args, **kwargs) -> None:
        pass


def test_at_most_a_window_of_chunks_is_in_flight(tmp_path, inbox, monkeypatch):
    for n in range(parallel_read.CHUNK * parallel_read.WINDOW * 2 // 3):  # many files: several windows
        shutil.copy(sorted(inbox.iterdir())[0], inbox / f"copy{n:03d}.xlsx")
    entries = scan_inbox(inbox)
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", _CountingPool)
    with InboxReader(entries, parallel_from=1) as reader:
        pool = reader.pool
        original = InboxReader._take

        def take(self, future, *args):
            if future is not None:
                future.taken = True
            return original(self, future, *args)
        monkeypatch.setattr(InboxReader, "_take", take)
        reports = list(reader.reports())
    assert len(reports) == len(entries)
    assert len(pool.futures) == -(-len(entries) // parallel_read.CHUNK)
    assert pool.most <= parallel_read.WINDOW


def test_a_small_run_never_imports_multiprocessing(inbox, plan_path, tmp_path):
    """Starting workers is for large inboxes; a small run pays nothing for it (not even the import)."""
    import subprocess
    import sys
    code = ("import sys\nfrom gyokaku_xl.run.merge import merge\n"
            f"merge({str(inbox)!r}, {str(tmp_path / 'out.xlsx')!r}, plan_path={str(plan_path)!r})\n"
            "print(sorted(m for m in sys.modules if m.startswith(('multiprocessing', 'concurrent'))))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"
