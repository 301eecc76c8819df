"""Pictures of the control workbook for docs/excel.md: ``python docs/build_control_images.py``.

- ``docs/images/control_operations.png``: the 「操作」 sheet after 「検証」 (the buttons by group and
  the shared status area);
- ``docs/images/control_board.png``: the 「提出状況」 board after 「提出状況を更新」, with a department
  in each state.

The inbox is the sample (``examples/inbox``) with four departments changed so that every state
shows: one has not submitted, one sent a file that is not a workbook, one wrote a status the scale
does not have, one left 連絡先 blank. The control workbook is the one ``button`` builds; the actions
run through the real adapter (:func:`gyokaku_xl.app.control_actions.perform`) on a book opened with
openpyxl (what xlwings gives in Excel: ``sheets[name].range(address).value``), which is then saved
as .xlsx, converted by LibreOffice and rasterised by ``pdftoppm`` at 60 dpi. The ribbon tab itself
cannot be pictured here (it needs Excel); docs/excel.md describes it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import openpyxl  # noqa: E402
from openpyxl.utils.cell import range_boundaries  # noqa: E402

import builders  # noqa: E402
from gyokaku_xl.app.button import SHEET_BOARD, SHEET_RUN  # noqa: E402
from gyokaku_xl.app.button_book import build_control_workbook  # noqa: E402
from gyokaku_xl.app.control_actions import perform  # noqa: E402
from gyokaku_xl.publish import pdf  # noqa: E402
from gyokaku_xl import text as g  # noqa: E402

IMAGES = ROOT / "docs" / "images"
DPI = 60
NOW = datetime(2021, 10, 18, 9, 30)


class Range:
    """``sheet.range(address).value`` on an openpyxl sheet, as xlwings reads and writes it."""

    def __init__(self, sheet, address: str) -> None:
        self.sheet = sheet
        self.min_col, self.min_row, self.max_col, self.max_row = range_boundaries(address)

    @property
    def value(self):
        if (self.min_col, self.min_row) == (self.max_col, self.max_row):
            return self.sheet.cell(self.min_row, self.min_col).value
        return [[self.sheet.cell(r, c).value for c in range(self.min_col, self.max_col + 1)]
                for r in range(self.min_row, self.max_row + 1)]

    @value.setter
    def value(self, data) -> None:
        rows = data if isinstance(data, list) and data and isinstance(data[0], list) else [[data]]
        for dr, row in enumerate(rows):
            for dc, item in enumerate(row):
                self.sheet.cell(self.min_row + dr, self.min_col + dc).value = item if item != "" else None


class Sheet:
    def __init__(self, sheet) -> None:
        self.sheet = sheet

    def range(self, address: str) -> Range:
        return Range(self.sheet, address)

    def activate(self) -> None:
        pass


class App:
    status_bar = False

    class books:  # noqa: N801 - xlwings' name
        @staticmethod
        def open(fullname: str) -> None:
            return None

    def alert(self, *args, **kwargs) -> None:
        return None


class Book:
    """The slice of xlwings' Book the adapter uses, over an openpyxl workbook."""

    def __init__(self, path: Path) -> None:
        self.fullname = str(path)
        self.workbook = openpyxl.load_workbook(path)
        self.sheets = {name: Sheet(self.workbook[name]) for name in self.workbook.sheetnames}
        self.app = App()


def sample_inbox(folder: Path) -> Path:
    """The sample inbox with a department in every state, saved on days of the period's 照会."""
    inbox = folder / "受付"
    shutil.copytree(ROOT / "examples" / "inbox", inbox)
    plan = builders.load_plan(folder / "計画マスタ.xlsx")
    files = {p.name.split("_")[0]: p for p in inbox.iterdir()}
    files["広報課"].unlink()  # 未提出
    files["契約課"].write_bytes(b"PK not really a workbook")  # 不受理
    first = plan.initiatives_of("財政課")[0].id
    builders.fill_form(files["財政課"], files["財政課"], {first: {"status": "順調"}})  # エラーあり
    builders.fill_form(files["収納課"], files["収納課"], meta={"連絡先": None})  # 警告あり
    for day, path in enumerate(sorted(inbox.iterdir())):
        saved = datetime(2021, 10, 4 + day % 10, 9 + day % 8, 10 * (day % 6)).timestamp()
        os.utime(path, (saved, saved))
    return inbox


def fit_rows(sheet) -> None:
    """Row heights for wrapped multi-line values, as Excel fits a row when a value is written
    (openpyxl does not, and LibreOffice keeps the heights it is given)."""
    for row in sheet.iter_rows():
        lines = max((str(cell.value).count("\n") + 1 for cell in row if isinstance(cell.value, str)), default=1)
        if lines > 1:
            sheet.row_dimensions[row[0].row].height = 15 * lines


def render(book: Book, folder: Path, sheet: str, target: Path) -> None:
    """``sheet`` of the book alone as a PNG (page 1)."""
    fit_rows(book.workbook[sheet])
    copy = folder / f"{sheet}.xlsx"
    for name in book.workbook.sheetnames:
        book.workbook[name].sheet_state = "visible" if name == sheet else "hidden"
    book.workbook.active = book.workbook.sheetnames.index(sheet)
    book.workbook.save(copy)
    produced = pdf.convert(pdf.find_soffice(), copy, folder, out_name=f"{sheet}-pdf")
    with tempfile.TemporaryDirectory() as tmp:
        stem = Path(tmp) / "page"
        subprocess.run(["pdftoppm", "-png", "-r", str(DPI), "-f", "1", "-l", "1", "-singlefile",
                        str(produced), str(stem)], check=True, timeout=120)
        shutil.copyfile(stem.with_suffix(".png"), target)


def main() -> int:
    IMAGES.mkdir(parents=True, exist_ok=True)
    # A fixed folder (not a random temporary name), since the board shows the inbox's path.
    work = Path(tempfile.gettempdir()) / "gyokaku_xl-docs"
    shutil.rmtree(work, ignore_errors=True)
    try:
        folder = work / "令和3年度上半期"
        folder.mkdir(parents=True)
        shutil.copyfile(ROOT / "examples" / "計画マスタ.xlsx", folder / "計画マスタ.xlsx")
        sample_inbox(folder)
        path = build_control_workbook(folder / g.BUTTON_FILE_NAME, inbox="受付", plan="計画マスタ.xlsx",
                                      master="集約結果.xlsx", year="令和3年度", period="上半期")
        book = Book(path)
        perform(book, "board", now=lambda: NOW)
        render(book, folder, SHEET_BOARD, IMAGES / "control_board.png")
        book = Book(path)
        perform(book, "check", now=lambda: NOW)
        render(book, folder, SHEET_RUN, IMAGES / "control_operations.png")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for name in ("control_board.png", "control_operations.png"):
        print(IMAGES / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
