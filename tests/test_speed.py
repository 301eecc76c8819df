"""The speed measures change nothing a user sees: collector state restored, same cells and ranges."""

from __future__ import annotations

import gc

import pytest
import xlsxwriter

from gyokaku_xl.infra.gc_pause import paused_gc
from gyokaku_xl.domain.normalize import key
from gyokaku_xl.run.merge import merge
from gyokaku_xl.render import styles as st


def test_collector_is_paused_during_and_restored_after():
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled() and gc.get_freeze_count() > 0
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_collector_is_restored_after_an_error_and_left_off_when_it_was_off():
    with pytest.raises(RuntimeError):
        with paused_gc():
            raise RuntimeError("x")
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_merge_leaves_the_collector_as_it_found_it(inbox, plan_path, tmp_path):
    merge(inbox, tmp_path / "集約結果.xlsx", plan_path=plan_path)
    assert gc.isenabled() and gc.get_freeze_count() == 0


def _sheet_data(write) -> tuple[dict, list]:
    book = xlsxwriter.Workbook(str("unused.xlsx"), {"in_memory": True})
    sheet = book.add_worksheet()
    fmt = book.add_format({"border": 1})
    write(sheet, fmt)
    table = {(r, c): (type(cell).__name__, getattr(cell, "string", None) is not None, cell.format is fmt)
             for r, cols in sheet.table.items() for c, cell in cols.items()}
    return table, list(sheet.merge)


def test_merge_cells_writes_what_merge_range_writes():
    def public(sheet, fmt):
        sheet.merge_range(1, 0, 1, 3, "", fmt)
        sheet.write_string(1, 0, "取組", fmt)
        sheet.merge_range(3, 1, 5, 2, "", fmt)
        sheet.write_string(3, 1, "見出し", fmt)

    def ours(sheet, fmt):
        st.put_text(sheet, 1, 0, 3, "取組", fmt)
        st.merge_cells(sheet, 3, 1, 5, 2, fmt)
        sheet.write_string(3, 1, "見出し", fmt)

    assert _sheet_data(ours) == _sheet_data(public)
    table, ranges = _sheet_data(ours)
    assert ranges == [[1, 0, 1, 3], [3, 1, 5, 2]] and len(table) == 4 + 6


def test_put_text_single_cell_is_not_merged():
    table, ranges = _sheet_data(lambda sheet, fmt: st.put_text(sheet, 0, 2, 2, "=1+1", fmt))
    assert ranges == [] and list(table) == [(0, 2)]
    assert table == _sheet_data(lambda sheet, fmt: sheet.write_string(0, 2, "=1+1", fmt))[0]


def test_memoised_key_matches_the_rule():
    assert key("１－０３") == key("1-03") == "1-03"
    assert key(" Ａ Ｂ ") == "ab" and key(12.0) == "12" and key(None) == ""
