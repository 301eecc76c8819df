"""The Python side of every action of the control workbook, against a fake calling book.

The fake book is loaded from the workbook ``button`` builds; the real pipeline runs on inboxes
made by ``builders``. Each action is the command of the same name: forms made into the 配布フォルダ,
a check that leaves the master untouched, the board's rows for each state, a PDF, the doctor's lines.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import builders
from fake_book import RUN_AT_TEXT, FakeBook, board, board_counts, control_book, perform
from gyokaku_xl.app import control_actions
from gyokaku_xl.app.button import SHEET_BOARD, SHEET_SETTINGS
from gyokaku_xl.text import control as c
from gyokaku_xl import text as g
from gyokaku_xl.text import loop as lt

DEPARTMENTS = builders.DEPARTMENTS


def settings_book(tmp_path: Path, **values: object) -> FakeBook:
    book = control_book(tmp_path, year="令和3年度", period="上半期")
    for label, value in values.items():
        book.set_setting(label, value)
    return book


def file_of(inbox: Path, department: str) -> Path:
    return next(p for p in inbox.iterdir() if department in p.name)


# --- 調査票を作成 ---------------------------------------------------------------------------------
def test_template_makes_the_forms_into_the_forms_folder_and_never_overwrites(tmp_path, plan_path):
    book = settings_book(tmp_path)
    status = perform(book, "template")
    folder = tmp_path / c.SETTING_DEFAULTS[c.SETTING_FORMS]
    made = sorted(folder.iterdir())
    assert status.exit_code == 0, status.message
    assert len(made) == len(DEPARTMENTS) and all(any(d in p.name for p in made) for d in DEPARTMENTS)
    cells = book.status()
    assert cells[c.STATUS_ACTION] == c.ACTION_LABELS["template"]
    assert cells[g.BUTTON_STATUS_RUN_AT] == RUN_AT_TEXT
    assert cells[g.BUTTON_STATUS_RESULT] == c.RESULT_DONE
    assert cells[g.BUTTON_STATUS_OUTPUT] == str(folder)
    assert cells[g.BUTTON_STATUS_MESSAGE].startswith(
        c.MSG_TEMPLATE_DONE.format(count=len(DEPARTMENTS), period=builders.PERIOD.label, folder=folder))
    assert sorted(book.details()[-len(made):]) == [c.DETAIL_WRITTEN.format(path=p) for p in made]
    assert book.app.alerts == [] and book.app.books.opened == []
    assert book.app.bar == [c.STATUS_BAR_RUNNING.format(action=c.ACTION_LABELS["template"]), False]
    stamps = {p: p.read_bytes() for p in made}
    again = perform(book, "template")  # filled forms are never replaced, as the command refuses
    assert again.exit_code == 2 and book.status()[g.BUTTON_STATUS_RESULT] == g.BUTTON_RESULT_FAILED
    from gyokaku_xl.render.forms import form_file_name
    assert again.message == c.MSG_FORMS_EXIST.format(
        folder=folder, files="、".join(form_file_name(d, builders.PERIOD) for d in DEPARTMENTS),
        where=c.SETTING_CELL.format(cell="B12", label=c.SETTING_FORMS))
    assert "--force" not in again.message  # no command-line words for the clerk
    assert all(p.read_bytes() == data for p, data in stamps.items())


def test_template_needs_the_period_and_names_both_cells(tmp_path, plan_path):
    book = control_book(tmp_path)  # 報告年度・報告期間 blank
    status = perform(book, "template")
    assert status.exit_code == 2
    assert status.message == c.MSG_PERIOD_NEEDED.format(
        action=c.ACTION_LABELS["template"], year=c.SETTING_CELL.format(cell="B8", label=g.BUTTON_SETTING_YEAR),
        period=c.SETTING_CELL.format(cell="B9", label=g.BUTTON_SETTING_PERIOD))
    assert book.app.alerts[0][0] == status.message


def test_a_book_without_the_new_settings_says_how_to_upgrade(tmp_path, plan_path):
    book = settings_book(tmp_path)
    sheet = book.sheets[SHEET_SETTINGS]
    row = next(r for (r, col), v in sheet.cells.items() if col == 1 and v == c.SETTING_FORMS)
    del sheet.cells[(row, 1)], sheet.cells[(row, 2)]
    status = perform(book, "template")
    assert status.message == c.MSG_SETTING_ROW_MISSING.format(label=c.SETTING_FORMS, action=c.ACTION_LABELS["template"])


def test_an_empty_folder_setting_names_its_cell(tmp_path, inbox):
    book = settings_book(tmp_path, **{c.SETTING_RETURNS: None})
    status = perform(book, "check")
    assert status.message == c.MSG_SETTING_EMPTY.format(
        where=c.SETTING_CELL.format(cell="B13", label=c.SETTING_RETURNS), action=c.ACTION_LABELS["check"])


def test_the_inbox_is_never_a_folder_an_action_writes(tmp_path, inbox):
    book = settings_book(tmp_path, **{c.SETTING_RETURNS: "inbox"})
    before = sorted(p.name for p in inbox.iterdir())
    status = perform(book, "check")
    assert status.exit_code == 2
    assert status.message == c.MSG_FOLDER_IS_INBOX.format(where=c.SETTING_CELL.format(cell="B13", label=c.SETTING_RETURNS))
    assert sorted(p.name for p in inbox.iterdir()) == before


# --- 検証 and 提出状況を更新 --------------------------------------------------------------------------
def test_check_writes_report_and_return_copies_and_leaves_the_master(tmp_path, inbox, plan):
    book = settings_book(tmp_path)
    assert perform(book, "merge").exit_code == 0
    master = tmp_path / g.MASTER_FILE_NAME
    kept = master.read_bytes()
    opened = list(book.app.books.opened)
    department = DEPARTMENTS[0]
    first = plan.initiatives_of(department)[0].id
    builders.fill_form(file_of(inbox, department), file_of(inbox, department), {first: {"status": "とても順調"}})
    status = perform(book, "check")
    returns = tmp_path / c.SETTING_DEFAULTS[c.SETTING_RETURNS]
    report = returns / c.CHECK_REPORT_NAME
    assert status.exit_code == 1 and report.is_file()
    copies = [p for p in returns.iterdir() if p != report]
    assert len(copies) == 1 and department in copies[0].name
    assert master.read_bytes() == kept  # the master is not touched
    cells = book.status()
    assert cells[c.STATUS_ACTION] == c.ACTION_LABELS["check"]
    assert cells[g.BUTTON_STATUS_RESULT] == c.RESULT_ATTENTION
    assert cells[g.BUTTON_STATUS_OUTPUT] == str(report)
    assert cells[g.BUTTON_STATUS_MESSAGE] == "\n".join([
        c.MSG_CHECK_DONE.format(report=report), c.MSG_CHECK_RETURNS.format(count=1, folder=returns),
        c.MSG_CHECK_ERRORS])
    assert book.app.books.opened == opened  # nothing to open: no master was made
    assert [r[c.BOARD_HEADERS[1]] for r in board(book) if r[c.BOARD_HEADERS[0]] == department] == [c.BOARD_ERRORS]


def test_board_has_a_row_for_each_state_what_needs_action_first(tmp_path, inbox, plan):
    errors, warnings, rejected = DEPARTMENTS
    first = plan.initiatives_of(errors)[0].id
    builders.fill_form(file_of(inbox, errors), file_of(inbox, errors), {first: {"status": "とても順調"}})
    builders.fill_form(file_of(inbox, warnings), file_of(inbox, warnings), meta={"連絡先": None})
    file_of(inbox, rejected).write_bytes(b"not a workbook")  # nothing of it can be accepted
    book = settings_book(tmp_path)
    status = perform(book, "board")
    assert status.exit_code == 1
    rows = board(book)
    state, file, errors_col, warnings_col = c.BOARD_HEADERS[1], c.BOARD_HEADERS[2], c.BOARD_HEADERS[4], c.BOARD_HEADERS[5]
    assert [(r[c.BOARD_HEADERS[0]], r[state]) for r in rows] == [
        (rejected, c.BOARD_REJECTED), (errors, c.BOARD_ERRORS), (warnings, c.BOARD_WARNINGS)]
    by_department = {r[c.BOARD_HEADERS[0]]: r for r in rows}
    assert by_department[errors][errors_col] >= 1 and by_department[warnings][warnings_col] >= 1
    assert by_department[warnings][errors_col] == 0
    assert all(r[file] and r[c.BOARD_HEADERS[3]] for r in rows)  # the file and when it was saved
    assert board_counts(book) == {c.BOARD_REJECTED: 1, c.BOARD_ERRORS: 1, c.BOARD_NOT_SUBMITTED: 0,
                                  c.BOARD_WARNINGS: 1, c.BOARD_ACCEPTED: 0, c.BOARD_TOTAL: 3}
    assert book.sheets[SHEET_BOARD].value("B3") == RUN_AT_TEXT
    assert book.sheets[SHEET_BOARD].value("B4") == str(inbox)
    assert book.sheets[SHEET_BOARD].activated == 1  # the board is shown
    assert not (tmp_path / g.MASTER_FILE_NAME).exists()  # refreshing writes nothing


def test_board_not_submitted_and_accepted_and_stale_rows_cleared(tmp_path, inbox):
    book = settings_book(tmp_path)
    file_of(inbox, DEPARTMENTS[0]).write_bytes(b"broken")
    perform(book, "board")
    file_of(inbox, DEPARTMENTS[0]).unlink()
    status = perform(book, "board")
    assert status.exit_code == 0, status.message
    rows = board(book)
    assert [(r[c.BOARD_HEADERS[0]], r[c.BOARD_HEADERS[1]]) for r in rows] == [
        (DEPARTMENTS[0], c.BOARD_NOT_SUBMITTED), (DEPARTMENTS[1], c.BOARD_ACCEPTED), (DEPARTMENTS[2], c.BOARD_ACCEPTED)]
    assert rows[0][c.BOARD_HEADERS[2]] == "" and rows[0][c.BOARD_HEADERS[4]] == ""
    assert len(rows) == len(DEPARTMENTS)
    assert status.message == c.MSG_BOARD_DONE.format(
        counts="不受理 0・エラーあり 0・未提出 1・警告あり 0・受理 2", sheet=SHEET_BOARD)


def test_merge_refreshes_the_board_and_opens_the_master(tmp_path, inbox):
    book = settings_book(tmp_path)
    status = perform(book, "merge")
    assert status.exit_code == 0 and book.app.books.opened == [str(tmp_path / g.MASTER_FILE_NAME)]
    assert [r[c.BOARD_HEADERS[1]] for r in board(book)] == [c.BOARD_ACCEPTED] * len(DEPARTMENTS)
    assert book.status()[c.STATUS_ACTION] == g.BUTTON_CAPTION


# --- PDF を作成 -----------------------------------------------------------------------------------
def test_pdf_needs_a_master(tmp_path):
    book = settings_book(tmp_path)
    status = perform(book, "pdf")
    assert status.exit_code == 2
    assert status.message == c.MSG_MASTER_MISSING.format(path=tmp_path / g.MASTER_FILE_NAME,
                                                         merge=c.ACTION_LABELS["merge"])


def test_pdf_from_the_current_master_through_excel_without_libreoffice(tmp_path, inbox, monkeypatch):
    from test_excel_button import ExcelBooks
    book = settings_book(tmp_path)
    perform(book, "merge")
    monkeypatch.setattr(control_actions, "find_soffice", lambda: None)
    book.app.books = ExcelBooks()
    status = perform(book, "pdf")
    made = tmp_path / "集約結果.pdf"
    assert status.exit_code == 0, status.message
    assert status.pdf == made and made.read_bytes().startswith(b"%PDF")
    assert book.status()[g.BUTTON_STATUS_PDF] == g.BUTTON_PDF_BY_EXCEL.format(path=made)


def test_pdf_from_the_current_master_through_libreoffice(tmp_path, inbox, soffice):
    book = settings_book(tmp_path)
    perform(book, "merge")
    status = perform(book, "pdf")
    made = tmp_path / "集約結果.pdf"
    assert status.exit_code == 0, status.message
    assert made.read_bytes().startswith(b"%PDF")
    assert book.status()[g.BUTTON_STATUS_PDF] == g.BUTTON_PDF_BY_OFFICE.format(path=made)


# --- 環境を確認 and the entry ------------------------------------------------------------------------
def test_doctor_shows_its_lines_in_the_details(tmp_path, monkeypatch):
    from gyokaku_xl.app import doctor
    book = settings_book(tmp_path)
    report = doctor.DoctorReport()
    report.add(doctor.OK, "Python", "3.11")
    report.add(doctor.FAIL, "LibreOffice", "ありません")
    seen = []
    monkeypatch.setattr(control_actions, "diagnose", lambda book: seen.append(book) or report)
    status = perform(book, "doctor")
    assert seen == [tmp_path / g.BUTTON_FILE_NAME]  # the calling book is the one checked
    assert book.details() == report.lines()
    assert status.exit_code == 1 and book.status()[g.BUTTON_STATUS_MESSAGE] == c.MSG_DOCTOR_ATTENTION
    assert book.status()[g.BUTTON_STATUS_FINDINGS] == c.DOCTOR_COUNTS.format(failed=1)


def test_an_action_the_version_does_not_know(tmp_path):
    book = settings_book(tmp_path)
    status = perform(book, "fly")
    assert status.exit_code == 2 and status.message == c.MSG_UNKNOWN_ACTION.format(action="fly")


@pytest.mark.parametrize("action", sorted(control_actions.ACTIONS))
def test_unexpected_errors_of_every_action_are_a_japanese_line_and_a_log(tmp_path, monkeypatch, action):
    book = settings_book(tmp_path)

    def broken(*args, **kwargs):
        raise ZeroDivisionError("boom")
    for name in ("make_forms", "refresh_board", "check", "remind", "diagnose", "find_soffice", "board_of"):
        monkeypatch.setattr(control_actions, name, broken)
    monkeypatch.setattr(control_actions.b, "merge_status", broken)
    (tmp_path / g.MASTER_FILE_NAME).write_bytes(b"x")  # so that pdf gets as far as the engine
    status = perform(book, action)
    assert status.exit_code == 2 and "ZeroDivisionError: boom" in status.message
    assert status.log is not None and "Traceback" in status.log.read_text(encoding="utf-8")
    assert book.status()[c.STATUS_ACTION] == c.ACTION_LABELS[action]


# --- 督促メールを作成 -----------------------------------------------------------------------------
def test_remind_writes_drafts_for_the_departments_to_chase_and_refreshes_the_board(tmp_path, inbox, plan):
    import email
    from email import policy
    missing, errors, _in_order = DEPARTMENTS
    file_of(inbox, missing).unlink()
    first = plan.initiatives_of(errors)[0].id
    builders.fill_form(file_of(inbox, errors), file_of(inbox, errors), {first: {"status": "とても順調"}})
    book = settings_book(tmp_path)
    before = {p: p.read_bytes() for p in inbox.iterdir()}
    status = perform(book, "remind")
    folder = tmp_path / c.SETTING_DEFAULTS[c.SETTING_REMINDERS]
    drafts = sorted(folder.glob("*.eml"))
    assert status.exit_code == 1
    assert sorted(p.stem for p in drafts) == sorted([missing, errors])
    message = email.message_from_bytes(drafts[0].read_bytes(), policy=policy.default)
    assert message["X-Unsent"] == "1"  # a draft: nothing is sent
    cells = book.status()
    assert cells[c.STATUS_ACTION] == c.ACTION_LABELS["remind"]
    assert cells[g.BUTTON_STATUS_MESSAGE].splitlines()[0] == c.MSG_REMIND_DONE.format(
        count=2, departments=f"{missing}、{errors}", folder=folder)
    assert cells[g.BUTTON_STATUS_OUTPUT] == str(folder / "督促一覧.xlsx")
    assert cells[g.BUTTON_STATUS_NOT_SUBMITTED] == missing
    assert cells[g.BUTTON_STATUS_CHASE] == f"2 件（{missing}、{errors}）"
    assert [r[c.BOARD_HEADERS[1]] for r in board(book)] == [c.BOARD_ERRORS, c.BOARD_NOT_SUBMITTED, c.BOARD_ACCEPTED]
    assert {p: p.read_bytes() for p in inbox.iterdir()} == before  # the inbox untouched


def test_remind_with_everyone_in_order_writes_no_draft(tmp_path, inbox):
    book = settings_book(tmp_path)
    status = perform(book, "remind")
    assert status.exit_code == 0
    assert list((tmp_path / c.SETTING_DEFAULTS[c.SETTING_REMINDERS]).glob("*.eml")) == []
    assert book.status()[g.BUTTON_STATUS_MESSAGE] == lt.REMIND_NOTHING.format(period=builders.PERIOD.label)


def test_template_puts_the_committee_opinions_on_the_forms(tmp_path, plan_path, plan):
    import openpyxl
    opinions = tmp_path / "委員意見.xlsx"
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.title = "委員意見"
    sheet.append(["取組番号", "意見", "会議"])
    first = plan.initiatives[0]
    sheet.append([first.id, "進め方を見直すこと", "令和3年度第1回推進委員会"])
    wb.save(opinions)
    book = settings_book(tmp_path, **{c.SETTING_OPINIONS: opinions.name})
    status = perform(book, "template")
    assert status.exit_code == 0, status.message
    assert lt.TEMPLATE_OPINIONS.format(count=1, initiatives=1, source=opinions.name) in status.message.splitlines()


def test_board_shows_the_plans_deadline(tmp_path, inbox):
    builders.build_plan(tmp_path, settings={**builders.DEFAULT_SETTINGS, lt.SETTING_DEADLINE: "2021-10-15"})
    book = settings_book(tmp_path)
    perform(book, "board")
    assert {r[c.BOARD_HEADERS[6]] for r in board(book)} == {"令和3年10月15日（金）"}


def test_board_without_a_deadline_leaves_the_column_blank(tmp_path, inbox):
    book = settings_book(tmp_path)
    perform(book, "board")
    assert {r[c.BOARD_HEADERS[6]] for r in board(book)} == {""}


def test_a_book_without_the_board_sheet_still_refreshes_and_says_so(tmp_path, inbox):
    book = settings_book(tmp_path)
    del book.sheets[SHEET_BOARD]
    status = perform(book, "board")
    note = g.BUTTON_MSG_SHEET_MISSING.format(sheet=SHEET_BOARD)
    assert status.exit_code == 0 and note in book.status()[g.BUTTON_STATUS_MESSAGE]
    assert book.app.alerts and note in book.app.alerts[0][0]


def test_doctor_from_a_book_opened_from_onedrive_checks_this_pc(tmp_path, monkeypatch):
    """Excel gives a OneDrive book's place as a URL: the doctor then checks this PC only."""
    from gyokaku_xl.app import doctor
    book = settings_book(tmp_path)
    book.fullname = "https://d.docs.live.net/abc123/集約ツール.xlsm"
    seen = []
    monkeypatch.setattr(control_actions, "diagnose", lambda book: seen.append(book) or doctor.DoctorReport())
    status = perform(book, "doctor")
    assert seen == [None] and status.exit_code == 0
