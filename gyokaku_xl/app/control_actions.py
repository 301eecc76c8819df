"""The actions of the control workbook: one function per button, each calling the run/ function of its command.

The ribbon tab 「行革集約」 and the shapes of the 「操作」 sheet run the same VBA entry
(``macros/gyokaku_button.bas``: the interpreter probe, then xlwings' ``RunPython``), which calls
:func:`run_from_excel` with the action's key. :func:`perform` reads the 「設定」 sheet, runs the
action's function from :data:`ACTIONS`, writes the shared status area and, after 提出状況を更新,
検証, 督促メールを作成 and 集約を実行, the 「提出状況」 board. Every action is the command of the same name:

=============  ==============================  ======================================
key            button                          pipeline function (CLI command)
=============  ==============================  ======================================
``template``   調査票を作成                     :func:`gyokaku_xl.run.forms.make_forms` (template)
``board``      提出状況を更新                   :func:`gyokaku_xl.run.board.refresh_board` (check)
``check``      検証                             :func:`gyokaku_xl.run.check.check` (check --report --annotate)
``remind``     督促メールを作成                 :func:`gyokaku_xl.run.remind.remind` (remind)
``merge``      集約を実行                       :func:`gyokaku_xl.run.merge.merge` (merge)
``pdf``        PDF を作成                       :func:`gyokaku_xl.run.publish.publish` (pdf)
``doctor``     環境を確認                       :func:`gyokaku_xl.app.doctor.diagnose` (doctor)
=============  ==============================  ======================================

(設定を開く only shows the 「設定」 sheet: it is done in VBA.)
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Callable

from gyokaku_xl.app import button as b
from gyokaku_xl.app.button import ActionFunction, BookLike, ButtonStatus, Settings
from gyokaku_xl.app.doctor import FAIL, diagnose
from gyokaku_xl.app.summary_lines import finding_line
from gyokaku_xl.core.board import Board, counts_text
from gyokaku_xl.domain.findings import GyokakuError, count_by_severity
from gyokaku_xl.domain.outcome import EXIT_OK, RunOutcome
from gyokaku_xl.publish.pdf import find_soffice
from gyokaku_xl.run.board import board_of, refresh_board
from gyokaku_xl.run.check import check
from gyokaku_xl.run.forms import FormsExistError, make_forms
from gyokaku_xl.run.publish import publish
from gyokaku_xl.run.remind import remind
from gyokaku_xl.text import control as c
from gyokaku_xl import text as g
from gyokaku_xl.text import loop as lt


# --- the entry -----------------------------------------------------------------------------------
def run_from_excel(action: str, vba_xlwings_version: str = "") -> None:
    """Called by every button and the ribbon (xlwings ``RunPython``): :func:`perform` on the calling book."""
    perform(b.caller_book(), action, vba_xlwings_version=vba_xlwings_version)


def perform(book: BookLike, action: str, *, vba_xlwings_version: str = "",
            now: Callable[[], datetime] = datetime.now) -> ButtonStatus:
    """Run one action on ``book``: the shared status area, the board when the action read the inbox,
    a message box when something needs saying. Never raises."""
    function = ACTIONS.get(action) or _unknown(action)
    return b.run_action(book, c.ACTION_LABELS.get(action, action), function,
                        vba_xlwings_version=vba_xlwings_version, now=now, after=_after)


def _unknown(action: str) -> ActionFunction:
    def unknown(book: BookLike, run_at: str) -> ButtonStatus:
        raise GyokakuError(c.MSG_UNKNOWN_ACTION.format(action=action))
    return unknown


def _after(book: BookLike, status: ButtonStatus) -> None:
    if status.board is not None:
        write_board(book, status.board, status.fields.get(g.BUTTON_STATUS_RUN_AT, ""), status.board_inbox)


def _progress(book: BookLike, label: str):
    def progress(done: int, total: int, name: str) -> None:
        b.set_status_bar(book.app, c.PROGRESS.format(action=label, done=done, total=total, label=name))
    return progress


def _done(run_at: str, message: str, *, attention: bool = False) -> ButtonStatus:
    result = c.RESULT_ATTENTION if attention else c.RESULT_DONE
    status = ButtonStatus(result=result, message=message, exit_code=1 if attention else EXIT_OK,
                          alert_mode=b.ALERT_INFO if attention else None)
    status.fields = {g.BUTTON_STATUS_RUN_AT: run_at, g.BUTTON_STATUS_RESULT: result,
                     g.BUTTON_STATUS_MESSAGE: message}
    return status


def _inbox_status(outcome: RunOutcome, run_at: str, message: str, settings: Settings) -> ButtonStatus:
    """The status of a check of the inbox: the counts of 集約, no master, and the board."""
    status = b.outcome_status(outcome, run_at)
    attention = outcome.exit_code != EXIT_OK
    status.result = c.RESULT_ATTENTION if attention else c.RESULT_DONE
    status.exit_code = outcome.exit_code
    status.message = message
    status.output = None  # nothing to open: the master is not touched
    status.alert_mode = None
    status.fields.update({g.BUTTON_STATUS_RESULT: status.result, g.BUTTON_STATUS_MESSAGE: message,
                          g.BUTTON_STATUS_OUTPUT: "", g.BUTTON_STATUS_HISTORY: "", g.BUTTON_STATUS_PDF: ""})
    status.board = board_of(outcome.result, settings.inbox)
    status.board_inbox = str(settings.inbox)
    return status


# --- one function per action ----------------------------------------------------------------------
def make_forms_action(book: BookLike, run_at: str) -> ButtonStatus:
    """調査票を作成: :func:`gyokaku_xl.run.forms.make_forms` (as ``template``) into the 配布フォルダ."""
    label = c.ACTION_LABELS["template"]
    settings = b.read_settings(book)
    period = settings.required_period(label)
    if settings.plan is None:
        raise GyokakuError(c.MSG_SETTING_EMPTY.format(where=settings.where(g.BUTTON_SETTING_PLAN), action=label))
    folder = settings.folder(c.SETTING_FORMS, label)
    try:
        outcome = make_forms(settings.plan, period, folder, history_dir=settings.history,
                             opinions=settings.opinions)
    except FormsExistError as exc:  # the command's refusal, in the words of the settings sheet
        more = c.MORE_FILES.format(count=len(exc.existing) - 3) if len(exc.existing) > 3 else ""
        raise GyokakuError(c.MSG_FORMS_EXIST.format(folder=folder, files=g.SEP_LIST.join(exc.existing[:3]) + more,
                                                    where=settings.where(c.SETTING_FORMS))) from None
    message = c.MSG_TEMPLATE_DONE.format(count=len(outcome.paths), period=period.label, folder=folder)
    if settings.opinions is not None:
        message += "\n" + lt.TEMPLATE_OPINIONS.format(
            count=len(outcome.opinions) - len(outcome.opinions_carried),
            initiatives=len({o.initiative_id for o in outcome.opinions}), source=settings.opinions.name)
    if outcome.opinions_carried and outcome.previous is not None:
        message += "\n" + lt.TEMPLATE_OPINIONS_CARRIED.format(period=outcome.previous.period.label,
                                                              count=len(outcome.opinions_carried))
    if outcome.previous is not None:  # what carried over, in the words of the command
        message += "\n" + g.TEMPLATE_CARRIED.format(period=outcome.previous.period.label,
                                                    source=Path(outcome.previous.source).name)
    elif outcome.history_dir is not None and not Path(outcome.history_dir).is_dir():
        message += "\n" + g.TEMPLATE_HISTORY_MISSING.format(folder=outcome.history_dir)
    elif outcome.history_dir is not None:
        message += "\n" + g.TEMPLATE_NOT_CARRIED.format(folder=outcome.history_dir, period=period.label)
    findings = outcome.plan_findings + outcome.history_findings
    status = _done(run_at, message)
    status.fields.update({
        g.BUTTON_STATUS_OUTPUT: str(folder),
        g.BUTTON_STATUS_FINDINGS: g.SEP_DOT.join(g.BUTTON_FINDING_COUNT.format(severity=s, count=n)
                                           for s, n in count_by_severity(findings).items()),
    })
    status.details = [finding_line(f) for f in findings] + [c.DETAIL_WRITTEN.format(path=p) for p in outcome.paths]
    return status


def board_action(book: BookLike, run_at: str) -> ButtonStatus:
    """提出状況を更新: the validation of ``check`` (:func:`gyokaku_xl.run.board.refresh_board`), nothing written."""
    label = c.ACTION_LABELS["board"]
    settings = b.read_settings(book)
    outcome, board = refresh_board(settings.inbox, plan_path=settings.plan, period=settings.period,
                                   progress=_progress(book, label))
    status = _inbox_status(outcome, run_at, c.MSG_BOARD_DONE.format(counts=counts_text(board),
                                                                     sheet=b.SHEET_BOARD), settings)
    status.show_sheet = b.SHEET_BOARD
    return status


def check_action(book: BookLike, run_at: str) -> ButtonStatus:
    """検証: :func:`gyokaku_xl.run.check.check` (as ``check --report --annotate``) into the 差戻しフォルダ."""
    label = c.ACTION_LABELS["check"]
    settings = b.read_settings(book)
    folder = settings.folder(c.SETTING_RETURNS, label)
    report = folder / c.CHECK_REPORT_NAME
    outcome = check(settings.inbox, plan_path=settings.plan, period=settings.period, report=report,
                    annotate=folder, progress=_progress(book, label))
    lines = [c.MSG_CHECK_DONE.format(report=outcome.report)]
    if outcome.annotated:
        lines.append(c.MSG_CHECK_RETURNS.format(count=len(outcome.annotated), folder=folder))
    if outcome.exit_code != EXIT_OK:
        lines.append(c.MSG_CHECK_ERRORS)
    status = _inbox_status(outcome, run_at, "\n".join(lines), settings)
    status.fields[g.BUTTON_STATUS_OUTPUT] = str(outcome.report)
    status.details += [c.DETAIL_WRITTEN.format(path=p) for p in outcome.annotated]
    return status


def merge_action(book: BookLike, run_at: str) -> ButtonStatus:
    """集約を実行: :func:`gyokaku_xl.run.merge.merge` (as ``merge``), then the board."""
    settings = b.read_settings(book)
    status = b.merge_status(settings, book.app, run_at)
    if status.outcome is not None:
        status.board = board_of(status.outcome.result, settings.inbox)
        status.board_inbox = str(settings.inbox)
    return status


def remind_action(book: BookLike, run_at: str) -> ButtonStatus:
    """督促メールを作成: :func:`gyokaku_xl.run.remind.remind` (as ``remind``) into the 督促フォルダ, then the board."""
    label = c.ACTION_LABELS["remind"]
    settings = b.read_settings(book)
    folder = settings.folder(c.SETTING_REMINDERS, label)
    outcome = remind(settings.inbox, folder, plan_path=settings.plan, period=settings.period)
    if outcome.chased:
        message = "\n".join([c.MSG_REMIND_DONE.format(
            count=len(outcome.drafts), departments=g.SEP_LIST.join(row.department for row in outcome.chased), folder=folder),
            lt.REMIND_NOT_SENT])
    else:
        message = lt.REMIND_NOTHING.format(period=outcome.result.period.label if outcome.result else "")
    status = _done(run_at, message)
    status.exit_code = outcome.exit_code
    status.fields[g.BUTTON_STATUS_OUTPUT] = str(outcome.listing or "")
    if outcome.result is not None:
        missing = [s.department for s in outcome.states if s.state == c.BOARD_NOT_SUBMITTED]
        status.fields[g.BUTTON_STATUS_NOT_SUBMITTED] = g.SEP_LIST.join(missing) or g.BUTTON_NONE
        status.fields[g.BUTTON_STATUS_CHASE] = b.chase_text(outcome.result)
    status.details = [*outcome.notices,
                      *(lt.REMIND_DRAFT_LINE.format(department=row.department, state=row.state, path=row.draft)
                        for row in outcome.chased)]
    if outcome.listing is not None:
        status.details.append(lt.REMIND_LIST_LINE.format(path=outcome.listing))
    if outcome.result is not None:
        status.board = board_of(outcome.result, settings.inbox)
        status.board_inbox = str(settings.inbox)
    return status


def pdf_action(book: BookLike, run_at: str) -> ButtonStatus:
    """PDF を作成: :func:`gyokaku_xl.run.publish.publish` (as ``pdf``) of the current master; without
    LibreOffice, Excel's own PDF export."""
    settings = b.read_settings(book)
    master = settings.output
    if not master.is_file():
        raise GyokakuError(c.MSG_MASTER_MISSING.format(path=master, merge=c.ACTION_LABELS["merge"]))
    if find_soffice() is not None:
        published = publish(master)
        made = published.pdf_paths[0]
        how = g.BUTTON_PDF_BY_OFFICE.format(path=made)
        notices = published.notices
    else:
        made = b.pdf_by_excel(book.app, master)
        how = g.BUTTON_PDF_BY_EXCEL.format(path=made)
        notices = []
    status = _done(run_at, c.MSG_PDF_DONE.format(path=made))
    status.fields.update({g.BUTTON_STATUS_OUTPUT: str(master), g.BUTTON_STATUS_PDF: how})
    status.details = list(notices)
    status.pdf = made
    return status


def doctor_action(book: BookLike, run_at: str) -> ButtonStatus:
    """環境を確認: :func:`gyokaku_xl.app.doctor.diagnose` (as ``doctor --book``), its lines in 詳細."""
    name = b.book_fullname(book)
    path = Path(name) if name and "://" not in name and Path(name).is_absolute() else None
    report = diagnose(book=path)
    status = _done(run_at, c.MSG_DOCTOR_OK if report.ok else c.MSG_DOCTOR_ATTENTION, attention=not report.ok)
    status.details = report.lines()
    status.fields[g.BUTTON_STATUS_FINDINGS] = c.DOCTOR_COUNTS.format(
        failed=sum(1 for check in report.checks if check.mark == FAIL))
    return status


#: action key (the VBA passes it) -> its function. 設定を開く is VBA only (it shows a sheet).
ACTIONS: dict[str, ActionFunction] = {
    "template": make_forms_action,
    "board": board_action,
    "check": check_action,
    "remind": remind_action,
    "merge": merge_action,
    "pdf": pdf_action,
    "doctor": doctor_action,
}


# --- the 「提出状況」 sheet -----------------------------------------------------------------------
def write_board(book: BookLike, board: Board, run_at: str, inbox: str) -> None:
    """Write the board: when, which inbox and period, the counts, one row per department (the rest cleared)."""
    sheet = book.sheets[b.SHEET_BOARD]
    sheet.range(f"B{b.BOARD_FACTS_ROW}").value = [[b.excel_text(v)] for v in (run_at, inbox, board.period)]
    sheet.range(f"B{b.BOARD_COUNTS_ROW + 1}").value = [[*board.counts.values(), sum(board.counts.values())]]
    rows = [[b.excel_text(r.department), r.state, b.excel_text(r.file), r.saved, r.errors if r.file else "",
             r.warnings if r.file else "", r.deadline, b.excel_text(r.note)] for r in board.rows[:b.BOARD_ROWS]]
    rows += [[""] * len(c.BOARD_HEADERS) for _ in range(b.BOARD_ROWS - len(rows))]
    sheet.range(f"A{b.BOARD_FIRST_ROW}").value = rows
