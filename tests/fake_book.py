"""A fake xlwings Book for the control workbook's adapter (no xlwings, no Excel).

:meth:`FakeBook.load` reads the workbook that ``button`` really builds, so the adapter reads the
settings and writes the status area and the board where the builder put them.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
from openpyxl.utils import column_index_from_string
from openpyxl.utils.cell import coordinate_from_string, range_boundaries

from gyokaku_xl.app.button import (DETAIL_ROWS, DETAILS_FIRST_ROW, SHEET_RUN, SHEET_SETTINGS, STATUS_FIRST_ROW,
                                   STATUS_LABELS, ButtonStatus, run)
from gyokaku_xl.app.button_book import build_control_workbook
from gyokaku_xl import text as g

RUN_AT = datetime(2021, 10, 1, 9, 30, 0)
RUN_AT_TEXT = "2021-10-01 09:30:00"


# --- a fake xlwings Book -----------------------------------------------------------------------
class FakeRange:
    """``sheet.range(address).value``: a scalar for one cell, lists of rows for a block."""

    def __init__(self, sheet: "FakeSheet", address: str) -> None:
        self.sheet = sheet
        self.min_col, self.min_row, self.max_col, self.max_row = range_boundaries(address)

    @property
    def value(self):
        if (self.min_col, self.min_row) == (self.max_col, self.max_row):
            return self.sheet.cells.get((self.min_row, self.min_col))
        return [[self.sheet.cells.get((r, c)) for c in range(self.min_col, self.max_col + 1)]
                for r in range(self.min_row, self.max_row + 1)]

    @value.setter
    def value(self, data) -> None:
        rows = data if isinstance(data, list) and data and isinstance(data[0], list) else [[data]]
        for dr, row in enumerate(rows):
            for dc, item in enumerate(row):
                self.sheet.cells[(self.min_row + dr, self.min_col + dc)] = item
                self.sheet.written.append(item)


class FakeSheet:
    def __init__(self, cells: dict[tuple[int, int], object]) -> None:
        self.cells = cells
        self.written: list[object] = []
        self.activated = 0

    def range(self, address: str) -> FakeRange:
        return FakeRange(self, address)

    def activate(self) -> None:
        self.activated += 1

    def value(self, address: str):
        letters, row = coordinate_from_string(address)
        return self.cells.get((row, column_index_from_string(letters)))


class FakeBooks:
    def __init__(self, fail: bool = False) -> None:
        self.opened: list[str] = []
        self.fail = fail

    def open(self, fullname: str):
        if self.fail:
            raise RuntimeError("cannot open")
        self.opened.append(fullname)
        return object()


class FakeApp:
    def __init__(self) -> None:
        self.bar: list[object] = []
        self.alerts: list[tuple[str, str | None, str | None]] = []
        self.books = FakeBooks()

    @property
    def status_bar(self):
        return self.bar[-1] if self.bar else False

    @status_bar.setter
    def status_bar(self, value) -> None:
        self.bar.append(value)

    def alert(self, prompt, title=None, buttons="ok", mode=None):
        self.alerts.append((prompt, title, mode))
        return "ok"


class FakeBook:
    def __init__(self, fullname: str, sheets: dict[str, FakeSheet]) -> None:
        self.fullname = fullname
        self.sheets = sheets  # a missing sheet raises KeyError, as xlwings raises for one
        self.app = FakeApp()

    @classmethod
    def load(cls, path: Path) -> "FakeBook":
        book = openpyxl.load_workbook(path, keep_vba=True)
        sheets = {ws.title: FakeSheet({(c.row, c.column): c.value for row in ws.iter_rows() for c in row
                                       if c.value is not None}) for ws in book.worksheets}
        book.close()
        return cls(str(path), sheets)

    def status(self) -> dict[str, object]:
        sheet = self.sheets[SHEET_RUN]
        return {label: sheet.value(f"B{STATUS_FIRST_ROW + i}") for i, label in enumerate(STATUS_LABELS)}

    def details(self) -> list[str]:
        sheet = self.sheets[SHEET_RUN]
        lines = [sheet.value(f"A{DETAILS_FIRST_ROW + i}") for i in range(DETAIL_ROWS)]
        return [line for line in lines if line]

    def set_setting(self, label: str, value: object) -> None:
        sheet = self.sheets[SHEET_SETTINGS]
        row = next(r for (r, c), v in sheet.cells.items() if c == 1 and v == label)
        sheet.cells[(row, 2)] = value


def control_book(folder: Path, *, inbox: str = "inbox", plan: str = "計画マスタ.xlsx",
                 master: str = "集約結果.xlsx", year: str = "", period: str = "") -> FakeBook:
    path = build_control_workbook(folder / g.BUTTON_FILE_NAME, inbox=inbox, plan=plan, master=master,
                                  year=year, period=period, if_exists="replace")
    return FakeBook.load(path)


def click(book: FakeBook, **kwargs) -> ButtonStatus:
    return run(book, now=lambda: RUN_AT, **kwargs)


def board(book: FakeBook) -> list[dict[str, object]]:
    """The rows of the 「提出状況」 board as the actions wrote them (empty rows left out)."""
    from gyokaku_xl.app.button import BOARD_FIRST_ROW, BOARD_ROWS, SHEET_BOARD
    from gyokaku_xl.text import control as c

    sheet = book.sheets[SHEET_BOARD]
    rows = []
    for row in range(BOARD_FIRST_ROW, BOARD_FIRST_ROW + BOARD_ROWS):
        values = [sheet.cells.get((row, col)) for col in range(1, len(c.BOARD_HEADERS) + 1)]
        if any(v not in (None, "") for v in values):
            rows.append(dict(zip(c.BOARD_HEADERS, values)))
    return rows


def board_counts(book: FakeBook) -> dict[str, object]:
    """The counts row of the board: state → count, and 所管課 計."""
    from gyokaku_xl.app.button import BOARD_COUNTS_ROW, SHEET_BOARD
    from gyokaku_xl.text import control as c

    sheet = book.sheets[SHEET_BOARD]
    labels = [*c.BOARD_STATES, c.BOARD_TOTAL]
    return {label: sheet.cells.get((BOARD_COUNTS_ROW + 1, 2 + i)) for i, label in enumerate(labels)}


def perform(book: FakeBook, action: str, **kwargs) -> ButtonStatus:
    """Click the button of ``action`` (the ribbon's or the 操作 sheet's: both end here)."""
    from gyokaku_xl.app.control_actions import perform as run_action

    return run_action(book, action, now=lambda: RUN_AT, **kwargs)
