"""The run's bound decides while reading: a form that cannot fit is not read to its end.

The bound itself (``Limits.max_run_rows`` / ``max_run_cells``) is tested in test_hostile_run.py;
here, what it costs: rows parsed are counted by the reader's own counter (never wall-clock time).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import builders
from gyokaku_xl.domain.inbox import XLSX, InboxEntry
from gyokaku_xl.domain.limits import Limits, Room
from gyokaku_xl.reading import form as form_reader
from gyokaku_xl.reading import xlsx
from gyokaku_xl.run.merge import merge
from gyokaku_xl import text as g

SOUMU = "行政総務課"


def big_form(forms, plan, path: Path, rows: int) -> Path:
    """行政総務課's form with ``rows`` filled rows (its 取組 repeated)."""
    ids = [i.id for i in plan.initiatives_of(SOUMU)]
    reports = builders.default_reports(plan, SOUMU)
    import openpyxl
    from gyokaku_xl.domain import schema
    builders.fill_form(forms[SOUMU], path, reports, meta={"記入者": "担当者", "連絡先": "内線 1234"})
    book = openpyxl.load_workbook(path)
    sheet = book[g.FORM_SHEET]
    first = schema.FIRST_DATA_ROW + 1
    for n in range(rows):
        sheet.cell(first + n, schema.column_index("initiative_id") + 1).value = ids[n % len(ids)]
        sheet.cell(first + n, schema.column_index("status") + 1).value = "概ね順調"
        sheet.cell(first + n, schema.column_index("progress") + 1).value = f"・{n}"
    book.save(path)
    return path


@pytest.fixture
def rows_parsed(monkeypatch):
    """How many rows the reader parsed, over every sheet read (its counter)."""
    counts = {"rows": 0}
    real = xlsx._read_sheet

    def counting(zf, target, sheet_name, shared, limits, ns=None, watch=None):
        def watching(name, sheet, row):
            counts["rows"] += 1
            if watch is not None:
                watch(name, sheet, row)
        return real(zf, target, sheet_name, shared, limits, ns, watching)

    monkeypatch.setattr(xlsx, "_read_sheet", counting)
    return counts


def test_reading_stops_once_the_form_cannot_fit(tmp_path, plan, forms):
    path = big_form(forms, plan, tmp_path / "big.xlsx", 500)
    entry = InboxEntry(path, XLSX)
    whole = form_reader.open_form(entry)
    assert whole.form is not None and whole.rows_read == 500
    stopped = form_reader.open_form(entry, room=Room(rows=100, cells=10_000))
    assert stopped.form is None and stopped.rejected
    assert stopped.stopped is not None and stopped.stopped[0] == 101
    fits = form_reader.open_form(entry, room=Room(rows=500, cells=10_000))
    assert fits.form is not None and fits.rows_read == 500 and fits.stopped is None


def test_reading_stops_on_cells_too(tmp_path, plan, forms):
    entry = InboxEntry(big_form(forms, plan, tmp_path / "big.xlsx", 300), XLSX)
    stopped = form_reader.open_form(entry, room=Room(rows=10_000, cells=50))
    assert stopped.form is None and stopped.stopped is not None and stopped.stopped[1] > 50
    assert stopped.stopped[0] < 50


def test_rows_parsed_stay_within_the_room(tmp_path, plan, forms, rows_parsed):
    entry = InboxEntry(big_form(forms, plan, tmp_path / "big.xlsx", 2000), XLSX)
    form_reader.open_form(entry, room=Room(rows=10, cells=10_000))
    parsed = rows_parsed["rows"]
    assert parsed < 10 + 60, parsed  # the header block, the room and one more: not 2,000 rows


def test_an_inbox_beyond_the_bound_reads_only_what_can_fit(tmp_path, plan_path, plan, forms, rows_parsed):
    inbox = tmp_path / "big_inbox"
    inbox.mkdir()
    first = big_form(forms, plan, inbox / "a.xlsx", 1500)
    for n in range(2, 6):  # copies of a form that cannot fit beside the first
        (inbox / f"{chr(96 + n)}.xlsx").write_bytes(first.read_bytes())
    outcome = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path, limits=Limits(max_run_rows=2000))
    over = sorted(f.file for f in outcome.result.findings if f.code == "run-too-large")
    assert over == ["b.xlsx", "c.xlsx", "d.xlsx", "e.xlsx"]
    assert all("2,001 行以上" in f.message for f in outcome.result.findings if f.code == "run-too-large")
    parsed = rows_parsed["rows"]
    assert parsed < 1500 + 4 * (500 + 60) + 100, parsed  # each copy read only until it cannot fit
    t = outcome.result.tally
    assert t.reconciles and outcome.exit_code == 1


def test_what_the_run_reads_is_bounded_however_many_files_cannot_fit(tmp_path, plan_path, plan, forms,
                                                                     rows_parsed):
    """Each copy that cannot fit would still be read up to the room: past twice the run's bound of
    reading, later files are stopped at their first row, so time does not grow with their number."""
    inbox = tmp_path / "big_inbox"
    inbox.mkdir()
    first = big_form(forms, plan, inbox / "a00.xlsx", 600)
    copies = 12
    for n in range(1, copies + 1):
        (inbox / f"a{n:02d}.xlsx").write_bytes(first.read_bytes())
    limits = Limits(max_run_rows=1000, max_run_read_rows=2000)
    outcome = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path, limits=limits)
    over = [f for f in outcome.result.findings if f.code == "run-too-large"]
    assert len(over) == copies
    read_bound = [f for f in over if g.RUN_LIMIT_READ_ROWS in f.message]
    assert read_bound and all("2,001 行以上" in f.message for f in read_bound)
    parsed = rows_parsed["rows"]
    assert parsed < 2000 + copies * 60 + 200, parsed  # not 12 × 400 rows more
    assert outcome.result.tally.rows_merged > 0 and outcome.result.tally.reconciles


def test_workers_stop_as_the_serial_read_does(tmp_path, plan_path, plan, forms):
    """Workers get the room when their chunk is sent (never less than at admission): the same
    files are rejected, with the same words, as when this process reads them one by one."""
    from gyokaku_xl.run.inbox import validate_inbox
    inbox = tmp_path / "big_inbox"
    inbox.mkdir()
    first = big_form(forms, plan, inbox / "a.xlsx", 800)
    for n in range(2, 5):
        (inbox / f"{chr(96 + n)}.xlsx").write_bytes(first.read_bytes())
    limits = Limits(max_run_rows=1000)

    def over(parallel_from):
        result, _plan, _notices = validate_inbox(inbox, plan_path, limits=limits, parallel_from=parallel_from)
        return sorted((f.file, f.message) for f in result.findings if f.code == "run-too-large")

    serial = over(10_000)
    assert [file for file, _ in serial] == ["b.xlsx", "c.xlsx", "d.xlsx"]
    assert over(1) == serial
