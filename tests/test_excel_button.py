"""The 「集約」 button adapter, end to end against a fake calling book (no xlwings, no Excel).

The fake book is loaded from the control workbook that ``button`` really builds, so the adapter
reads the settings and writes the status area where the builder put them; the real pipeline runs
on inboxes made by ``builders``.
"""

from __future__ import annotations

import sys
import types
from pathlib import Path

import openpyxl
import pytest

import builders
from gyokaku_xl.app import button as excel_button
from gyokaku_xl.run import merge as merging
from gyokaku_xl import text as g
from gyokaku_xl.text import control as c
from gyokaku_xl.app.button import DETAIL_ROWS, SHEET_RUN, SHEET_SETTINGS, ButtonStatus

from fake_book import RUN_AT_TEXT, FakeBook, FakeBooks, click, control_book


# --- the outcomes the issue names ----------------------------------------------------------------
def test_success_writes_status_and_opens_master(tmp_path, inbox):
    book = control_book(tmp_path)
    status = click(book)
    master = tmp_path / "集約結果.xlsx"
    assert status.exit_code == 0 and status.ok
    assert master.is_file()
    assert book.status() == {
        c.STATUS_ACTION: g.BUTTON_CAPTION,
        g.BUTTON_STATUS_RUN_AT: RUN_AT_TEXT,
        g.BUTTON_STATUS_RESULT: g.BUTTON_RESULT_OK,
        g.BUTTON_STATUS_FILES_ACCEPTED: "3 件",
        g.BUTTON_STATUS_FILES_REJECTED: "0 件",
        g.BUTTON_STATUS_ROWS_MERGED: "8 行（読み込み 8 行・除外 0 行）",
        g.BUTTON_STATUS_FINDINGS: "エラー 0 件・警告 0 件・情報 0 件",
        g.BUTTON_STATUS_NOT_SUBMITTED: g.BUTTON_NONE,
        g.BUTTON_STATUS_CHASE: g.BUTTON_NONE,
        g.BUTTON_STATUS_OUTPUT: str(master),
        g.BUTTON_STATUS_HISTORY: g.BUTTON_HISTORY_NONE,
        g.BUTTON_STATUS_PDF: g.BUTTON_PDF_NOT_MADE,
        g.BUTTON_STATUS_MESSAGE: g.BUTTON_MSG_OK,
    }
    assert book.details() == pipeline_summary(status)
    assert book.app.alerts == []
    assert book.app.books.opened == [str(master)]
    progress = [v for v in book.app.bar if isinstance(v, str)]
    assert progress[0] == c.STATUS_BAR_RUNNING.format(action=g.BUTTON_CAPTION)  # at once, before reading
    progress = progress[1:]
    assert progress and all(v.startswith("集約中… ") for v in progress)
    assert progress[-1].startswith("集約中… 3/3 ")
    assert book.app.bar[-1] is False  # Excel gets its status bar back


def pipeline_summary(status: ButtonStatus) -> list[str]:
    return [line for line in status.details if line]


def test_settings_with_year_period_and_absolute_paths(tmp_path, inbox, plan_path):
    elsewhere = tmp_path / "ツール"
    elsewhere.mkdir()
    book = control_book(elsewhere, inbox=str(inbox), plan=f'"{plan_path}"', master=str(tmp_path / "out" / "結果.xlsx"),
                        year="令和3年度", period="上半期")
    status = click(book)
    assert status.exit_code == 0, status.message
    assert (tmp_path / "out" / "結果.xlsx").is_file()
    assert book.app.books.opened == [str(tmp_path / "out" / "結果.xlsx")]


def test_department_not_submitted_is_listed(tmp_path, inbox):
    missing = sorted(inbox.iterdir())[0]
    missing.unlink()
    book = control_book(tmp_path)
    status = click(book)
    not_submitted = book.status()[g.BUTTON_STATUS_NOT_SUBMITTED]
    assert not_submitted and not_submitted != g.BUTTON_NONE
    assert any(d in not_submitted for d in builders.DEPARTMENTS)
    assert status.output is not None and status.output.is_file()


def test_empty_inbox_is_a_short_message_and_a_box(tmp_path, plan_path):
    (tmp_path / "inbox").mkdir()
    book = control_book(tmp_path)
    status = click(book)
    assert status.exit_code == 2 and not status.ok
    status_cells = book.status()
    assert status_cells[g.BUTTON_STATUS_RESULT] == g.BUTTON_RESULT_FAILED
    message = status_cells[g.BUTTON_STATUS_MESSAGE]
    assert "inbox" in message and "\n" not in message and "Traceback" not in message
    assert book.app.alerts == [(message, g.BUTTON_ALERT_TITLE, excel_button.ALERT_CRITICAL)]
    assert book.app.books.opened == []
    assert not (tmp_path / "集約結果.xlsx").exists()


def test_missing_inbox_folder(tmp_path, plan_path):
    book = control_book(tmp_path, inbox="ない")
    status = click(book)
    assert status.exit_code == 2
    assert status.message == g.FATAL_INBOX_MISSING.format(path=tmp_path / "ない")


def test_missing_plan(tmp_path, inbox):
    book = control_book(tmp_path, plan="ない計画.xlsx")
    status = click(book)
    assert status.exit_code == 2
    assert status.message.startswith(g.FATAL_PLAN_UNREADABLE.split("{")[0])
    assert "ない計画.xlsx" in status.message
    assert book.status()[g.BUTTON_STATUS_MESSAGE] == status.message
    assert book.app.alerts[0][2] == excel_button.ALERT_CRITICAL


def test_locked_output_saves_beside_and_opens_that(tmp_path, inbox, lock_output):
    master = tmp_path / "集約結果.xlsx"
    master.write_bytes(b"old master, open in Excel")
    lock_output(master)
    book = control_book(tmp_path)
    status = click(book)
    fallback = tmp_path / "集約結果(2).xlsx"
    assert master.read_bytes() == b"old master, open in Excel"
    assert fallback.is_file()
    assert status.exit_code == 1 and status.ok
    cells = book.status()
    assert cells[g.BUTTON_STATUS_RESULT] == g.BUTTON_RESULT_LOCKED
    assert cells[g.BUTTON_STATUS_OUTPUT] == str(fallback)
    assert "集約結果(2).xlsx" in cells[g.BUTTON_STATUS_MESSAGE]
    assert book.app.alerts and book.app.alerts[0][2] == excel_button.ALERT_INFO
    assert book.app.books.opened == [str(fallback)]


def test_invalid_files_are_rejected_and_reported(tmp_path, inbox, plan):
    (inbox / "=HYPERLINK(1).xlsx").write_bytes(b"this is not a workbook")
    department = builders.DEPARTMENTS[0]
    first = plan.initiatives_of(department)[0].id
    bad = next(p for p in inbox.iterdir() if department in p.name)
    builders.fill_form(bad, bad, {first: {"status": "とても順調"}})
    book = control_book(tmp_path)
    status = click(book)
    assert status.exit_code == 1 and status.ok
    cells = book.status()
    assert cells[g.BUTTON_STATUS_RESULT] == g.BUTTON_RESULT_REJECTED
    assert cells[g.BUTTON_STATUS_FILES_REJECTED] != "0 件"
    assert not cells[g.BUTTON_STATUS_FINDINGS].startswith("エラー 0 件")
    assert "検証結果" in cells[g.BUTTON_STATUS_MESSAGE]
    assert book.app.alerts[0][2] == excel_button.ALERT_INFO
    assert book.app.books.opened == [str(tmp_path / "集約結果.xlsx")]
    # untrusted text (a file name starting with "=") never reaches Excel as a formula
    written = [v for v in book.sheets[SHEET_RUN].written if isinstance(v, str)]
    assert not [v for v in written if v.startswith(("=", "+", "-", "@"))]


# --- settings problems ---------------------------------------------------------------------------
@pytest.mark.parametrize("label, value, expected, cells", [
    (g.BUTTON_SETTING_INBOX, None, g.BUTTON_MSG_SETTING_EMPTY.format(label=g.BUTTON_SETTING_INBOX), ["B5"]),
    (g.BUTTON_SETTING_YEAR, "令和3年度", g.BUTTON_MSG_PERIOD_HALF, ["B8", "B9"]),
    (g.BUTTON_SETTING_OUTPUT, "集約結果.xlsm",
     g.BUTTON_MSG_OUTPUT_NOT_XLSX.format(path="{folder}/集約結果.xlsm"), ["B7"]),
])
def test_setting_problems_name_the_cell(tmp_path, label, value, expected, cells):
    book = control_book(tmp_path)
    book.set_setting(label, value)
    status = click(book)
    assert status.exit_code == 2
    assert status.message == excel_button.with_cells(expected.replace("{folder}", str(tmp_path)), cells)
    assert status.message.endswith(f"（「設定」シートの {'・'.join(cells)}）。")
    assert book.app.alerts[0][0] == status.message


def test_unreadable_period(tmp_path):
    book = control_book(tmp_path, year="来年", period="上半期")
    status = click(book)
    assert status.exit_code == 2
    assert status.message == excel_button.with_cells(g.BUTTON_MSG_PERIOD_INVALID.format(value="来年"), ["B8", "B9"])


def test_numbers_and_pasted_quotes_are_read_as_text(tmp_path, inbox):
    book = control_book(tmp_path)
    book.set_setting(g.BUTTON_SETTING_YEAR, 2021.0)  # a number typed into the cell
    book.set_setting(g.BUTTON_SETTING_PERIOD, "上半期")
    book.set_setting(g.BUTTON_SETTING_INBOX, f'"{inbox}"')  # Explorer's "Copy as path"
    assert click(book).exit_code == 0


def test_relative_paths_need_a_saved_book(tmp_path):
    book = control_book(tmp_path)
    book.fullname = "Book1"
    status = click(book)
    assert status.exit_code == 2
    assert status.message == excel_button.with_cells(g.BUTTON_MSG_NO_FOLDER.format(path="inbox"), ["B5"])


def test_missing_settings_sheet(tmp_path):
    book = control_book(tmp_path)
    del book.sheets[SHEET_SETTINGS]
    status = click(book)
    assert status.message == g.BUTTON_MSG_SHEET_MISSING.format(sheet=SHEET_SETTINGS)


def test_missing_status_sheet_still_tells_the_user(tmp_path):
    book = control_book(tmp_path)
    del book.sheets[SHEET_RUN]
    status = click(book)
    assert status.exit_code == 2
    assert book.app.alerts and g.BUTTON_MSG_SHEET_MISSING.format(sheet=SHEET_RUN) in book.app.alerts[0][0]


# --- unexpected errors, versions, opening ------------------------------------------------------
def test_unexpected_error_becomes_japanese_message_and_log(tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(merging, "merge", broken)
    (tmp_path / "inbox").mkdir()
    book = control_book(tmp_path)
    status = click(book)
    log = tmp_path / "集約ツール_エラー.log"
    assert status.exit_code == 2 and status.log == log
    assert status.message == g.BUTTON_MSG_UNEXPECTED.format(detail="RuntimeError: boom", log=log)
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "RuntimeError: boom" in text and RUN_AT_TEXT in text
    assert "Traceback" not in book.status()[g.BUTTON_STATUS_MESSAGE]
    assert book.app.alerts[0][2] == excel_button.ALERT_CRITICAL


def test_xlwings_version_mismatch_is_a_warning(tmp_path, inbox):
    book = control_book(tmp_path)
    status = click(book, vba_xlwings_version="0.0.1")
    assert status.exit_code == 0
    assert "0.0.1" in status.details[0] and "0.0.1" in book.details()[0]
    assert book.app.alerts and "0.0.1" in book.app.alerts[0][0]


def test_matching_xlwings_version_is_silent(tmp_path, inbox):
    from importlib import metadata
    book = control_book(tmp_path)
    status = click(book, vba_xlwings_version=metadata.version("xlwings"))
    assert status.exit_code == 0 and book.app.alerts == []


def test_master_that_cannot_be_opened_is_noted(tmp_path, inbox):
    book = control_book(tmp_path)
    book.app.books = FakeBooks(fail=True)
    status = click(book)
    assert status.exit_code == 0
    assert book.details()[-1].startswith("集約結果ブック「")


def test_many_detail_lines_are_cut_with_a_note(tmp_path, monkeypatch):
    (tmp_path / "inbox").mkdir()
    book = control_book(tmp_path)
    lines = [f"行{i}" for i in range(DETAIL_ROWS + 5)]
    status = ButtonStatus(result="", message="", exit_code=0, details=lines)
    excel_button._write_status_area(book, status)
    shown = book.details()
    assert len(shown) == DETAIL_ROWS
    assert shown[-1] == g.BUTTON_MORE_DETAILS.format(count=6)


def test_run_from_excel_uses_the_calling_book(tmp_path, monkeypatch):
    (tmp_path / "inbox").mkdir()
    book = control_book(tmp_path)
    fake_xlwings = types.ModuleType("xlwings")
    fake_xlwings.Book = types.SimpleNamespace(caller=lambda: book)
    monkeypatch.setitem(sys.modules, "xlwings", fake_xlwings)
    excel_button.run_from_excel("")
    assert book.status()[g.BUTTON_STATUS_RESULT] == g.BUTTON_RESULT_FAILED  # the empty inbox
    assert book.app.alerts


def test_excel_text_keeps_formulas_out():
    assert excel_button.excel_text("=1+1") == "'=1+1"
    assert excel_button.excel_text("-3") == "'-3"
    assert excel_button.excel_text("受付") == "受付"


def test_the_sample_folder_through_the_button(tmp_path):
    """What the manual Windows check does (docs/excel.md), minus Excel: the sample, one click."""
    import shutil
    examples = Path(__file__).resolve().parent.parent / "examples"
    if not (examples / "inbox").is_dir():
        pytest.fail("examples/ がありません（リポジトリの一部です）")
    shutil.copytree(examples / "inbox", tmp_path / "inbox")
    shutil.copy(examples / g.PLAN_FILE_NAME, tmp_path / g.PLAN_FILE_NAME)
    book = control_book(tmp_path, year="令和3年度", period="上半期")
    status = click(book)
    assert status.exit_code == 0, status.message
    cells = book.status()
    assert cells[g.BUTTON_STATUS_FILES_ACCEPTED] == "19 件"
    assert cells[g.BUTTON_STATUS_ROWS_MERGED].startswith("55 行")
    assert cells[g.BUTTON_STATUS_NOT_SUBMITTED] == g.BUTTON_NONE
    assert book.app.books.opened == [str(tmp_path / "集約結果.xlsx")]


# --- OneDrive/SharePoint books and a FullName Excel cannot give (issue 10, defect 3) ----------------
class RaisingFullName(FakeBook):
    """A book whose ``fullname`` raises, as xlwings can for an AutoSave book."""

    @property
    def fullname(self):
        raise RuntimeError("(-2147352567, 'Exception occurred.')")

    @fullname.setter
    def fullname(self, value):
        pass


def test_book_at_a_url_explains_absolute_paths(tmp_path):
    book = control_book(tmp_path)
    url = "https://city-my.sharepoint.com/personal/yamada_city_lg_jp/Documents/行革/集約ツール.xlsm"
    book.fullname = url
    status = click(book)
    assert status.exit_code == 2
    assert status.message == excel_button.with_cells(g.BUTTON_MSG_BOOK_AT_URL.format(url=url, path="inbox"), ["B5"])
    assert "Traceback" not in status.message and book.app.alerts


def test_book_at_a_url_with_absolute_paths_merges(tmp_path, inbox, plan_path):
    book = control_book(tmp_path, inbox=str(inbox), plan=str(plan_path), master=str(tmp_path / "結果.xlsx"))
    book.fullname = "https://d.docs.live.net/abc123/集約ツール.xlsm"
    status = click(book)
    assert status.exit_code == 0, status.message
    assert (tmp_path / "結果.xlsx").is_file()


def test_fullname_that_raises_is_caught_everywhere(tmp_path, monkeypatch, inbox, plan_path):
    built = control_book(tmp_path, inbox=str(inbox), plan=str(plan_path), master=str(tmp_path / "結果.xlsx"))
    book = RaisingFullName("", built.sheets)
    assert click(book).exit_code == 0  # absolute settings: the merge runs
    relative = RaisingFullName("", control_book(tmp_path).sheets)
    status = click(relative)
    assert status.exit_code == 2 and status.message == excel_button.with_cells(g.BUTTON_MSG_NO_FOLDER.format(path="inbox"), ["B5"])

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(merging, "merge", broken)  # the error log must not ask for fullname again
    status = click(book)
    assert status.exit_code == 2 and status.log is not None and status.log.is_file()


# --- history and PDF from the button ---------------------------------------------------------------
def test_history_folder_two_periods_through_the_button(tmp_path, plan_path):
    from gyokaku_xl.domain.model import Period
    first = builders.build_period_inbox(tmp_path, plan_path, Period(2021, g.PERIOD_FIRST_HALF))
    second = builders.build_period_inbox(tmp_path, plan_path, Period(2021, g.PERIOD_YEAR_END))
    book = control_book(tmp_path, inbox=str(first), plan=str(plan_path))
    book.set_setting(g.BUTTON_SETTING_HISTORY, "履歴")  # relative to the book's folder
    status = click(book)
    assert status.exit_code == 0, status.message
    assert book.status()[g.BUTTON_STATUS_HISTORY] == g.BUTTON_HISTORY_COUNT.format(count=0)
    assert [p.name for p in (tmp_path / "履歴").iterdir()] == ["令和3年度上半期_集約結果.xlsx"]
    book.set_setting(g.BUTTON_SETTING_INBOX, str(second))
    status = click(book)
    assert status.exit_code == 0, status.message
    assert book.status()[g.BUTTON_STATUS_HISTORY] == g.BUTTON_HISTORY_COUNT.format(count=1)


def test_no_history_folder_is_said_as_such(tmp_path, inbox):
    book = control_book(tmp_path)
    click(book)
    assert book.status()[g.BUTTON_STATUS_HISTORY] == g.BUTTON_HISTORY_NONE


class FakeExcelBook:
    """The master opened in Excel: its sheets and ``to_pdf`` (Workbook.ExportAsFixedFormat)."""

    def __init__(self, path: str) -> None:
        wb = openpyxl.load_workbook(path, read_only=True)
        self.sheets = [types.SimpleNamespace(name=n) for n in wb.sheetnames]
        wb.close()
        self.exported: list[tuple[str, list[str]]] = []

    def to_pdf(self, path, include=None, show=False):
        self.exported.append((path, list(include)))
        Path(path).write_bytes(b"%PDF-1.7 from Excel")


class ExcelBooks(FakeBooks):
    def __init__(self) -> None:
        super().__init__()
        self.books: list[FakeExcelBook] = []

    def open(self, fullname: str):
        super().open(fullname)
        self.books.append(FakeExcelBook(fullname))
        return self.books[-1]


def test_pdf_through_excel_when_libreoffice_is_missing(tmp_path, inbox, monkeypatch):
    from gyokaku_xl.publish import pdf
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    book = control_book(tmp_path)
    book.app.books = ExcelBooks()
    book.set_setting(g.BUTTON_SETTING_PDF, g.BUTTON_YES)
    status = click(book)
    made = tmp_path / "集約結果.pdf"
    assert status.exit_code == 0, status.message
    assert [e for b in book.app.books.books for e in b.exported] == [
        (str(made), [g.SHEET_SUMMARY, g.SHEET_LIST, g.SHEET_BY_PROGRAM])], "the report sheets the master has"
    assert status.pdf == made
    assert book.status()[g.BUTTON_STATUS_PDF] == g.BUTTON_PDF_BY_EXCEL.format(path=made)


def test_pdf_through_libreoffice(tmp_path, inbox, soffice):
    book = control_book(tmp_path)
    book.set_setting(g.BUTTON_SETTING_PDF, g.BUTTON_YES)
    status = click(book)
    made = tmp_path / "集約結果.pdf"
    assert status.exit_code == 0, status.message
    assert made.is_file() and made.read_bytes().startswith(b"%PDF")
    assert book.status()[g.BUTTON_STATUS_PDF] == g.BUTTON_PDF_BY_OFFICE.format(path=made)


def test_pdf_failure_keeps_the_master_and_says_so(tmp_path, inbox, monkeypatch):
    from gyokaku_xl.publish import pdf
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    book = control_book(tmp_path)
    book.set_setting(g.BUTTON_SETTING_PDF, g.BUTTON_YES)  # FakeBooks.open gives no to_pdf
    status = click(book)
    assert status.exit_code == 0 and (tmp_path / "集約結果.xlsx").is_file()
    assert status.message.startswith(g.BUTTON_MSG_OK)
    assert g.BUTTON_MSG_PDF_FAILED.split("{")[0] in status.message
    assert book.app.alerts and book.app.alerts[0][2] == excel_button.ALERT_INFO


def test_pdf_setting_must_be_yes_or_no(tmp_path):
    book = control_book(tmp_path)
    book.set_setting(g.BUTTON_SETTING_PDF, "たぶん")
    status = click(book)
    assert status.exit_code == 2 and status.message == excel_button.with_cells(
        g.BUTTON_MSG_PDF_SETTING.format(value="たぶん"), ["B11"])


def test_books_built_before_the_new_settings_still_work(tmp_path, inbox):
    book = control_book(tmp_path)
    sheet = book.sheets[SHEET_SETTINGS]
    for label in (g.BUTTON_SETTING_HISTORY, g.BUTTON_SETTING_PDF):
        row = next(r for (r, c), v in sheet.cells.items() if c == 1 and v == label)
        del sheet.cells[(row, 1)], sheet.cells[(row, 2)]
    assert click(book).exit_code == 0


def test_a_book_of_the_earlier_layout_gets_its_status_by_label(tmp_path, inbox):
    """Books built before the ribbon: sheet 「集約」, no 「操作」 label, the labels elsewhere."""
    book = control_book(tmp_path)
    sheet = book.sheets.pop(SHEET_RUN)
    book.sheets[g.BUTTON_SHEET_RUN] = sheet
    action_row = next(r for (r, col), v in sheet.cells.items() if col == 1 and v == c.STATUS_ACTION)
    del sheet.cells[(action_row, 1)]
    moved = next(r for (r, col), v in sheet.cells.items() if col == 1 and v == g.BUTTON_STATUS_MESSAGE)
    sheet.cells[(moved + 40, 1)] = sheet.cells.pop((moved, 1))  # not in one block any more
    status = click(book)
    assert status.exit_code == 0
    result_row = next(r for (r, col), v in sheet.cells.items() if col == 1 and v == g.BUTTON_STATUS_RESULT)
    assert sheet.cells[(result_row, 2)] == g.BUTTON_RESULT_OK
    assert sheet.cells[(moved + 40, 2)] == g.BUTTON_MSG_OK
    assert sheet.cells.get((action_row, 2)) in ("", None)  # nothing written where no label says so


def test_status_says_how_many_departments_need_chasing(tmp_path, inbox, forms):
    (inbox / forms["資産経営課"].name).unlink()
    (inbox / forms["情報政策課"].name).write_bytes(b"PK\x03\x04broken")
    book = control_book(tmp_path)
    click(book)
    assert book.status()[g.BUTTON_STATUS_CHASE] == "2 件（資産経営課、情報政策課）"
