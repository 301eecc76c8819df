"""The control workbook's adapter: settings in, one action run, the shared status area out.

Every action of the workbook (the ribbon tab 「行革集約」 and the shape buttons of 「操作」) runs
through :func:`run_action`; the actions themselves are in :mod:`gyokaku_xl.app.control_actions`,
which xlwings' ``RunPython`` calls (see ``macros/gyokaku_button.bas``). Books built before the
ribbon call :func:`run_from_excel` here, which is 集約を実行. Only the ``run_from_excel`` functions
import xlwings; the rest uses a small slice of xlwings' Book API (:class:`BookLike`: ``fullname``,
``sheets[name].range(address).value``, ``app.status_bar``, ``app.alert`` and ``app.books.open``)
so that tests can use a fake book without xlwings or Excel. The status area is found by its labels,
so books of earlier versions (sheet 「集約」, fewer labels) are written correctly too.

The layout of the control workbook (sheet names, where the settings and the status area are, the
defined names the VBA reads its Japanese messages from) is defined here and used by
:mod:`gyokaku_xl.app.button_book` to build it and :mod:`gyokaku_xl.app.doctor` to check it.

Before Python runs at all, the VBA module checks the interpreter and what it can import (see
``macros/gyokaku_button.bas``); from here on, every problem is a Japanese message. The book's
``fullname`` is read only through :func:`book_fullname` (xlwings can raise for OneDrive/SharePoint
books). After the merge, the 「PDFも作成する」 setting makes the PDF through LibreOffice when it is
installed, else through Excel itself (xlwings' ``Book.to_pdf``, i.e. ``ExportAsFixedFormat``).
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PureWindowsPath
from typing import Any, Callable, Protocol, Sequence

from gyokaku_xl import text as g
from gyokaku_xl.text import control as c
from gyokaku_xl.core.chase import chased
from gyokaku_xl.domain.records import MergeResult
from gyokaku_xl.app.summary_lines import error_detail_lines, rejected_departments, summary_lines
from gyokaku_xl.core.board import Board
from gyokaku_xl.domain.findings import GyokakuError, count_by_severity
from gyokaku_xl.domain.model import Period, PeriodError
from gyokaku_xl.domain.outcome import RunOutcome
from gyokaku_xl.domain.tokens import NO_WORDS, YES_WORDS
from gyokaku_xl.run import merge as merging

# --- layout of the control workbook -----------------------------------------------------------
SHEET_RUN = c.SHEET_OPERATIONS  # the 「操作」 sheet: the buttons and the shared status area
LEGACY_SHEET_RUN = g.BUTTON_SHEET_RUN  # its name in books built before the ribbon (「集約」)
SHEET_BOARD = c.SHEET_BOARD
SHEET_SETTINGS = g.BUTTON_SHEET_SETTINGS
SHEET_XLWINGS_CONF = "xlwings.conf"  # the name xlwings' VBA module looks for

#: VBA code names of the workbook and its sheets (the VBA document modules carry these names).
CODE_NAME_BOOK = "ThisWorkbook"
CODE_NAME_RUN = "RunSheet"
CODE_NAME_SETTINGS = "SettingsSheet"
CODE_NAME_CONF = "XlwingsConfSheet"
CODE_NAME_BOARD = "BoardSheet"

#: The VBA module of the button, its file in macros/, and the Sub the button runs.
VBA_MODULE = "GyokakuButton"
VBA_FILE = "gyokaku_button.bas"
BUTTON_MACRO = "RunMerge"
#: The actions in the order a period is worked: (group, ((action, macro of its shape button), ...)).
ACTION_GROUPS = (
    ("prepare", (("template", "RunTemplate"),)),
    ("collect", (("board", "RunBoard"), ("check", "RunCheck"), ("remind", "RunRemind"))),
    ("consolidate", (("merge", BUTTON_MACRO), ("pdf", "RunPdf"))),
    ("settings", (("settings", "OpenSettings"), ("doctor", "RunDoctor"))),
)
ACTION_MACROS = {action: macro for _group, actions in ACTION_GROUPS for action, macro in actions}
#: The one ribbon callback (every button of the tab; its ``tag`` is the action).
RIBBON_CALLBACK = "OnRibbonAction"
RIBBON_FILE = "ribbon.xml"
#: Defined names of the cells holding the Japanese messages the VBA shows (it is ASCII only).
NAME_NO_PYTHON = "GyokakuNoPython"
VBA_MESSAGE_NAMES = tuple(g.BUTTON_VBA_MESSAGES)
#: Defined names of the status area the VBA writes when it stops before Python runs.
NAME_STATUS = "GyokakuStatus"
NAME_STATUS_ACTION = "GyokakuStatusAction"
NAME_STATUS_RUN_AT = "GyokakuStatusRunAt"
NAME_STATUS_RESULT = "GyokakuStatusResult"
NAME_STATUS_MESSAGE = "GyokakuStatusMessage"
#: Defined name of the cell holding an action's Japanese label (the VBA names the action it stopped).
NAME_ACTION = "GyokakuAction_{action}"

#: 「設定」: labels in column A, values in column B, notes in column C, from this row on.
SETTINGS_FIRST_ROW = 5
#: Labels every control workbook has; the later ones are optional (books built before them work).
REQUIRED_SETTINGS = (g.BUTTON_SETTING_INBOX, g.BUTTON_SETTING_PLAN, g.BUTTON_SETTING_OUTPUT,
                     g.BUTTON_SETTING_YEAR, g.BUTTON_SETTING_PERIOD)
SETTINGS_LABELS = REQUIRED_SETTINGS + (g.BUTTON_SETTING_HISTORY, g.BUTTON_SETTING_PDF, c.SETTING_FORMS,
                                       c.SETTING_RETURNS, c.SETTING_REMINDERS, c.SETTING_OPINIONS)
SETTINGS_SCAN = "A1:B40"  # where the labels are looked for (they are found by label, not by row)

#: 「操作」: the buttons by group, the status block (labels in A, values in B) and the detail lines (A).
#: The status labels: which action ran, then those of the 集約 status area of earlier versions.
STATUS_LABELS = (c.STATUS_ACTION,) + tuple(g.BUTTON_STATUS_LABELS)
ACTIONS_FIRST_ROW = 4
STATUS_HEADING_ROW = ACTIONS_FIRST_ROW + len(ACTION_GROUPS) + len(ACTION_MACROS) + 1
STATUS_FIRST_ROW = STATUS_HEADING_ROW + 1
DETAILS_HEADING_ROW = STATUS_FIRST_ROW + len(STATUS_LABELS) + 1
DETAILS_FIRST_ROW = DETAILS_HEADING_ROW + 1
DETAIL_ROWS = 30
HELP_HEADING_ROW = DETAILS_FIRST_ROW + DETAIL_ROWS + 1
MESSAGES_HEADING_ROW = HELP_HEADING_ROW + 1 + len(g.BUTTON_HELP_LINES) + 1
MESSAGES_FIRST_ROW = MESSAGES_HEADING_ROW + 1
#: The status sheet is read this far down to find the status labels and the details heading.
STATUS_SCAN_ROWS = 120

#: 「提出状況」: facts (labels in A, values in B), the counts (state in row, count below), the table.
BOARD_FACTS_ROW = 3
BOARD_COUNTS_ROW = 7
BOARD_HEADER_ROW = 10
BOARD_FIRST_ROW = BOARD_HEADER_ROW + 1
BOARD_ROWS = 150  # rows written (and cleared) on every refresh

ALERT_INFO = "info"
ALERT_CRITICAL = "critical"

_FORMULA_START = ("=", "+", "-", "@")


# --- the slice of xlwings' API the adapter uses -----------------------------------------------
class RangeLike(Protocol):
    """``xlwings.Range``: only ``value`` (2-D lists for blocks)."""

    value: Any


class SheetLike(Protocol):
    """``xlwings.Sheet``: ``range(address)`` and ``activate()``."""

    def range(self, address: str) -> RangeLike: ...

    def activate(self) -> Any: ...


class AppLike(Protocol):
    """``xlwings.App``: status bar, message box, opening a workbook."""

    status_bar: Any
    books: Any  # .open(fullname)

    def alert(self, prompt: str, title: str | None = None, buttons: str = "ok",
              mode: str | None = None) -> Any: ...


class BookLike(Protocol):
    """``xlwings.Book``: its full name, its sheets by name and its app."""

    fullname: str
    sheets: Any  # sheets[name] -> SheetLike
    app: AppLike


# --- what a click produced --------------------------------------------------------------------
@dataclass
class Settings:
    """The 「設定」 sheet, resolved: absolute paths and an optional period."""

    inbox: Path
    plan: Path | None
    output: Path
    period: Period | None
    history: Path | None = None
    pdf: bool = False
    opinions: Path | None = None  # 委員意見 (the file for 調査票を作成)
    folders: dict[str, str] = field(default_factory=dict)  # 配布・差戻し・督促フォルダ as written
    cells: dict[str, str] = field(default_factory=dict)  # label -> its value cell ("B12")
    book_folder: Path | None = None
    book_url: str | None = None

    def where(self, label: str) -> str:
        """「設定」シートの B12（配布フォルダ）: the setting's cell, for messages."""
        return c.SETTING_CELL.format(cell=self.cells.get(label, "B"), label=label)

    def folder(self, label: str, action: str) -> Path:
        """The folder setting ``label`` (resolved only when an action needs it, so that a folder one
        action cannot use never stops another); a Japanese error naming its cell when unusable."""
        text = self.folders.get(label, "")
        if not text:
            if label not in self.cells:
                raise GyokakuError(c.MSG_SETTING_ROW_MISSING.format(label=label, action=action))
            raise GyokakuError(c.MSG_SETTING_EMPTY.format(where=self.where(label), action=action))
        try:
            path = _resolve(text, self.book_folder, self.book_url)
        except GyokakuError as exc:
            raise GyokakuError(with_cells(str(exc), [self.cells[label]] if label in self.cells else [])) from None
        if _same_path(path, self.inbox):
            raise GyokakuError(c.MSG_FOLDER_IS_INBOX.format(where=self.where(label)))
        return path

    def required_period(self, action: str) -> Period:
        """The period of the settings; a Japanese error naming both cells when it is blank."""
        if self.period is None:
            raise GyokakuError(c.MSG_PERIOD_NEEDED.format(
                action=action, year=self.where(g.BUTTON_SETTING_YEAR), period=self.where(g.BUTTON_SETTING_PERIOD)))
        return self.period


@dataclass
class ButtonStatus:
    """What one click did; ``fields`` are the status area's values by label."""

    result: str
    message: str
    exit_code: int  # 0 ok, 1 some input rejected (or saved under another name), 2 failed
    fields: dict[str, str] = field(default_factory=dict)
    details: list[str] = field(default_factory=list)
    output: Path | None = None
    alert_mode: str | None = None  # None: no message box
    log: Path | None = None
    pdf: Path | None = None
    outcome: RunOutcome | None = None  # the check or merge the board is refreshed from
    board: Board | None = None  # the 「提出状況」 board to write (actions that read the inbox)
    board_inbox: str = ""  # the inbox the board was read from
    show_sheet: str = ""  # a sheet to show when done (e.g. 提出状況)

    @property
    def ok(self) -> bool:
        """True when a master workbook was written."""
        return self.exit_code < 2


# --- entry points -------------------------------------------------------------------------------
#: What an action does: (book, run_at) -> its status. It reads the settings it needs itself.
ActionFunction = Callable[["BookLike", str], ButtonStatus]


def caller_book() -> BookLike:
    """The workbook whose button called Python (xlwings' ``Book.caller``)."""
    import xlwings as xw  # only here: nothing else imports xlwings

    return xw.Book.caller()


def run_from_excel(vba_xlwings_version: str = "") -> None:
    """Called by the 集約 button of books built before the ribbon: :func:`run` on the calling book."""
    run(caller_book(), vba_xlwings_version=vba_xlwings_version)


def run(book: BookLike, *, vba_xlwings_version: str = "",
        now: Callable[[], datetime] = datetime.now) -> ButtonStatus:
    """集約を実行: read the settings of ``book``, merge, write the status area, tell the user, open the result."""
    return run_action(book, c.ACTION_LABELS["merge"], merge_action,
                      vba_xlwings_version=vba_xlwings_version, now=now)


def run_action(book: BookLike, label: str, action: ActionFunction, *, vba_xlwings_version: str = "",
               now: Callable[[], datetime] = datetime.now,
               after: Callable[[BookLike, ButtonStatus], None] | None = None) -> ButtonStatus:
    """Run one action of the workbook: 「実行中…」, the action, the status area, a message box, the result.

    Never raises for problems the user can fix: they end as a Japanese message in the status area
    and a message box. Unexpected errors do too, with the traceback in a log file beside the book.
    ``after(book, status)`` runs before the status area is written (the board); what it cannot do
    becomes a note of the status.
    """
    run_at = now().strftime("%Y-%m-%d %H:%M:%S")
    app = book.app
    try:
        _write_status_area(book, _running(run_at, label))
    except Exception:  # the sheet may have been renamed; the click still runs
        pass
    set_status_bar(app, c.STATUS_BAR_RUNNING.format(action=label))  # the reading progress follows
    try:
        status = action(book, run_at)
    except GyokakuError as exc:
        status = _failed(run_at, str(exc))
        status.details = _failure_details(exc)
    except Exception as exc:  # noqa: BLE001 - the user gets a message, the log the traceback
        log = _log_unexpected(book, exc, run_at)
        status = _failed(run_at, g.BUTTON_MSG_UNEXPECTED.format(detail=_one_line(exc), log=log))
        status.log = log
    finally:
        set_status_bar(app, False)
    status.fields[c.STATUS_ACTION] = label
    _version_check(status, vba_xlwings_version)
    if after is not None:
        try:
            after(book, status)
        except Exception as exc:  # noqa: BLE001 - the action is done; say what could not be shown
            _add_note(status, g.BUTTON_MSG_SHEET_MISSING.format(sheet=SHEET_BOARD) + g.PARENTHESIZED.format(_one_line(exc)))
    try:
        _write_status_area(book, status)
    except Exception as exc:  # noqa: BLE001 - still tell the user what happened
        status.message += "\n" + g.BUTTON_MSG_SHEET_MISSING.format(sheet=SHEET_RUN) + g.PARENTHESIZED.format(_one_line(exc))
        status.alert_mode = status.alert_mode or ALERT_CRITICAL
    if status.alert_mode:
        _alert(app, status.message, status.alert_mode)
    if status.output is not None:
        _open_result(book, status)
    elif status.show_sheet:
        _show_sheet(book, status.show_sheet)
    return status


def merge_action(book: BookLike, run_at: str) -> ButtonStatus:
    """集約を実行: :func:`gyokaku_xl.run.merge.merge` with the settings (as ``merge``)."""
    return merge_status(read_settings(book), book.app, run_at)


# --- settings -----------------------------------------------------------------------------------
def book_fullname(book: BookLike) -> str:
    """``book.fullname`` as text, or "" when Excel cannot tell it (xlwings can raise for any reason)."""
    try:
        return str(book.fullname or "")
    except Exception:  # noqa: BLE001 - OneDrive/SharePoint books make xlwings raise various errors
        return ""


def book_folder(book: BookLike) -> Path | None:
    """The folder of the calling workbook, or None when it is not a saved local or ``\\server`` file."""
    name = book_fullname(book)
    if not name or "://" in name:
        return None
    path = Path(name)
    if not path.is_absolute():
        return None
    return path.parent


def read_settings(book: BookLike) -> Settings:
    """Read the labelled cells of 「設定」 and resolve them; raise :class:`GyokakuError` when unusable."""
    try:
        sheet = book.sheets[SHEET_SETTINGS]
    except Exception:  # noqa: BLE001 - xlwings raises various errors for a missing sheet
        raise GyokakuError(g.BUTTON_MSG_SHEET_MISSING.format(sheet=SHEET_SETTINGS)) from None
    block = sheet.range(SETTINGS_SCAN).value
    values = settings_values(block)
    for label in REQUIRED_SETTINGS:
        if label not in values:
            raise GyokakuError(g.BUTTON_MSG_SETTING_MISSING.format(label=label))
    name = book_fullname(book)
    return resolve_settings(values, book_folder(book), url=name if "://" in name else None,
                            cells=settings_cells(block))


def settings_cells(block: Any) -> dict[str, str]:
    """Label → the address of its value cell (``B12``) in the block of 「設定」 read from A1."""
    cells: dict[str, str] = {}
    for offset, row in enumerate(block or []):
        if isinstance(row, (list, tuple)) and row:
            label = cell_text(row[0])
            if label in SETTINGS_LABELS and label not in cells:
                cells[label] = f"B{offset + 1}"
    return cells


def settings_values(block: Any) -> dict[str, str]:
    """Label → text from the 2-column block of 「設定」 (the first occurrence of each label wins)."""
    values: dict[str, str] = {}
    for row in block or []:
        if not isinstance(row, (list, tuple)) or len(row) < 2:
            continue
        label = cell_text(row[0])
        if label in SETTINGS_LABELS and label not in values:
            values[label] = cell_text(row[1])
    return values


def resolve_settings(values: dict[str, str], folder: Path | None, *, url: str | None = None,
                     cells: dict[str, str] | None = None) -> Settings:
    """Turn the settings' texts into paths and a period; relative paths are taken from ``folder``.

    ``url`` is the book's address when Excel has it open from OneDrive/SharePoint (no folder);
    ``cells`` (label → value cell) lets every message about one setting name its cell.
    """
    cells = cells or {}

    def at(message: str, *labels: str) -> GyokakuError:
        return GyokakuError(with_cells(message, [cells[label] for label in labels if label in cells]))

    def resolve(label: str, default: str = "") -> Path | None:
        text = values.get(label, "") or default
        if not text:
            return None
        try:
            return _resolve(text, folder, url)
        except GyokakuError as exc:
            raise at(str(exc), label) from None

    inbox = resolve(g.BUTTON_SETTING_INBOX)
    if inbox is None:
        raise at(g.BUTTON_MSG_SETTING_EMPTY.format(label=g.BUTTON_SETTING_INBOX), g.BUTTON_SETTING_INBOX)
    plan = resolve(g.BUTTON_SETTING_PLAN)
    output = resolve(g.BUTTON_SETTING_OUTPUT, g.MASTER_FILE_NAME)
    assert output is not None
    history = resolve(g.BUTTON_SETTING_HISTORY)
    opinions = resolve(c.SETTING_OPINIONS)
    try:
        pdf = _yes_no(values.get(g.BUTTON_SETTING_PDF, ""))
    except GyokakuError as exc:
        raise at(str(exc), g.BUTTON_SETTING_PDF) from None
    if output.suffix.lower() != ".xlsx":
        raise at(g.BUTTON_MSG_OUTPUT_NOT_XLSX.format(path=output), g.BUTTON_SETTING_OUTPUT)
    year, half = values.get(g.BUTTON_SETTING_YEAR, ""), values.get(g.BUTTON_SETTING_PERIOD, "")
    period = None
    if year or half:
        if not (year and half):
            raise at(g.BUTTON_MSG_PERIOD_HALF, g.BUTTON_SETTING_YEAR, g.BUTTON_SETTING_PERIOD)
        try:
            period = Period.parse(year, half)
        except PeriodError as exc:
            raise at(g.BUTTON_MSG_PERIOD_INVALID.format(value=exc), g.BUTTON_SETTING_YEAR,
                     g.BUTTON_SETTING_PERIOD) from None
    folders = {label: values.get(label, "") for label in (c.SETTING_FORMS, c.SETTING_RETURNS, c.SETTING_REMINDERS)}
    return Settings(inbox=inbox, plan=plan, output=output, period=period, history=history, pdf=pdf,
                    opinions=opinions, folders={label: text for label, text in folders.items() if label in values},
                    cells=dict(cells), book_folder=folder, book_url=url)


def with_cells(message: str, cells: Sequence[str]) -> str:
    """``message`` naming the cells of 「設定」 it is about, before its final 「。」."""
    if not cells:
        return message
    where = c.AT_CELLS.format(cells=g.SEP_DOT.join(cells))
    return message[:-1] + where + g.FULL_STOP if message.endswith(g.FULL_STOP) else message + where


def _same_path(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b


_YES = {g.BUTTON_YES, *YES_WORDS}
_NO = {g.BUTTON_NO, *NO_WORDS}


def _yes_no(text: str) -> bool:
    value = text.strip().lower()
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise GyokakuError(g.BUTTON_MSG_PDF_SETTING.format(value=text))


def _resolve(text: str, folder: Path | None, url: str | None = None) -> Path:
    path = Path(text).expanduser()
    if path.is_absolute() or _is_windows_absolute(text):
        return path
    if url is not None:
        raise GyokakuError(g.BUTTON_MSG_BOOK_AT_URL.format(url=url, path=text))
    if folder is None:
        raise GyokakuError(g.BUTTON_MSG_NO_FOLDER.format(path=text))
    return folder / path


def _is_windows_absolute(text: str) -> bool:
    return text.startswith("\\\\") or (len(text) > 2 and text[1] == ":" and text[2] in "\\/")


def cell_text(value: object) -> str:
    """A cell's value as trimmed text: whole floats without ``.0``, quotes of a pasted path removed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':  # Explorer's "Copy as path"
        text = text[1:-1].strip()
    return text


# --- merge --------------------------------------------------------------------------------------
def merge_status(settings: Settings, app: AppLike, run_at: str) -> ButtonStatus:
    """Merge with ``settings`` (showing progress in the status bar) and say what happened."""
    def progress(done: int, total: int, label: str) -> None:
        set_status_bar(app, g.BUTTON_PROGRESS.format(done=done, total=total, label=label))

    outcome = merging.merge(settings.inbox, settings.output, plan_path=settings.plan,
                            period=settings.period, progress=progress, history_dir=settings.history)
    if outcome.failure:  # nothing written: what was read, then why
        status = _failed(run_at, outcome.failure)
        status.details = summary_lines(outcome)
        status.outcome = outcome
        return status
    status = outcome_status(outcome, run_at)
    if outcome.locked:  # the master was saved under another name
        status.message = f"{outcome.locked}\n{status.message}" if status.exit_code else outcome.locked
        status.result, status.exit_code, status.alert_mode = g.BUTTON_RESULT_LOCKED, 1, ALERT_INFO
        status.fields.update({g.BUTTON_STATUS_RESULT: status.result, g.BUTTON_STATUS_MESSAGE: status.message})
    if settings.pdf and status.output is not None:
        _export_pdf(app, status)
    else:
        status.fields[g.BUTTON_STATUS_PDF] = g.BUTTON_PDF_NOT_MADE
    return status


def _add_note(status: ButtonStatus, note: str) -> None:
    """A warning that does not stop the run: first detail line, message, and a message box."""
    status.details.insert(0, note)
    status.message = f"{status.message}\n{note}" if status.message else note
    status.fields[g.BUTTON_STATUS_MESSAGE] = status.message
    status.alert_mode = status.alert_mode or ALERT_INFO


def _export_pdf(app: AppLike, status: ButtonStatus) -> None:
    """The report sheets as PDF beside the master: LibreOffice when present, else Excel itself."""
    from gyokaku_xl.publish import pdf

    master = Path(status.output)
    try:
        if pdf.find_soffice() is not None:
            made = pdf.export_reports(master)[0]
            status.fields[g.BUTTON_STATUS_PDF] = g.BUTTON_PDF_BY_OFFICE.format(path=made)
        else:
            made = pdf_by_excel(app, master)
            status.fields[g.BUTTON_STATUS_PDF] = g.BUTTON_PDF_BY_EXCEL.format(path=made)
        status.pdf = made
    except Exception as exc:  # noqa: BLE001 - the master exists; the PDF is a second step
        detail = str(exc) if isinstance(exc, GyokakuError) else _one_line(exc)
        status.fields[g.BUTTON_STATUS_PDF] = ""
        _add_note(status, g.BUTTON_MSG_PDF_FAILED.format(detail=detail))


def pdf_by_excel(app: AppLike, master: Path) -> Path:
    """The report sheets of ``master`` as ``<master>.pdf`` by Excel itself (no LibreOffice)."""
    from gyokaku_xl.publish import pdf

    made = master.with_suffix(".pdf")
    workbook = app.books.open(str(master))
    names = [sheet.name for sheet in workbook.sheets]
    include = [name for name in pdf.REPORT_SHEETS if name in names]
    if not include:
        raise GyokakuError(g.FATAL_PDF_NO_REPORTS.format(path=master))
    # xlwings' Book.to_pdf is Workbook.ExportAsFixedFormat on the included sheets.
    workbook.to_pdf(str(made), include=include, show=False)
    return made


def outcome_status(outcome: RunOutcome, run_at: str) -> ButtonStatus:
    """The status of a finished merge."""
    result = outcome.result
    tally = result.tally
    output = Path(outcome.output) if outcome.output is not None else None
    if outcome.exit_code == 0:
        status = ButtonStatus(result=g.BUTTON_RESULT_OK, message=g.BUTTON_MSG_OK, exit_code=0,
                              output=output)
    else:
        status = ButtonStatus(result=g.BUTTON_RESULT_REJECTED,
                              message=g.BUTTON_MSG_REJECTED.format(count=tally.files_rejected),
                              exit_code=1, output=output, alert_mode=ALERT_INFO)
    counts = count_by_severity(result.findings)
    missing = [s.department for s in result.submissions if s.state == g.NOT_SUBMITTED]
    if not result.completeness_checked:
        not_submitted = g.BUTTON_NOT_CHECKED
    else:
        not_submitted = g.SEP_LIST.join(missing) if missing else g.BUTTON_NONE
    rejected = rejected_departments(outcome)
    if rejected:  # a department whose every file was rejected is not hidden behind 「なし」
        not_submitted = g.BUTTON_NOT_SUBMITTED_AND_REJECTED.format(
            not_submitted=not_submitted,
            rejected=g.CONSOLE_REJECTED_DEPARTMENTS.format(departments=g.SEP_SLASH.join(rejected)))
    status.fields = {
        g.BUTTON_STATUS_RUN_AT: run_at,
        g.BUTTON_STATUS_RESULT: status.result,
        g.BUTTON_STATUS_FILES_ACCEPTED: g.BUTTON_FILES.format(count=tally.files_accepted),
        g.BUTTON_STATUS_FILES_REJECTED: g.BUTTON_FILES.format(count=tally.files_rejected),
        g.BUTTON_STATUS_ROWS_MERGED: g.BUTTON_ROWS.format(merged=tally.rows_merged, read=tally.rows_read,
                                                          rejected=tally.rows_rejected),
        g.BUTTON_STATUS_FINDINGS: g.SEP_DOT.join(g.BUTTON_FINDING_COUNT.format(severity=s, count=n)
                                           for s, n in counts.items()),
        g.BUTTON_STATUS_NOT_SUBMITTED: not_submitted,
        g.BUTTON_STATUS_CHASE: chase_text(result),
        g.BUTTON_STATUS_OUTPUT: str(output) if output is not None else "",
        g.BUTTON_STATUS_HISTORY: _history_text(outcome),
        g.BUTTON_STATUS_MESSAGE: status.message,
    }
    status.details = summary_lines(outcome)
    status.outcome = outcome
    return status


def chase_text(result: MergeResult) -> str:
    """``3 件（保育課、…）`` — the departments a 督促 should go to (「なし」 when none)."""
    departments = [s.department for s in chased(result)]
    if not departments:
        return g.BUTTON_NONE
    return g.BUTTON_CHASE_COUNT.format(count=len(departments), departments=g.SEP_LIST.join(departments))


def _failure_details(exc: GyokakuError) -> list[str]:
    """The detail lines of a run that stopped: each finding it carries (e.g. each plan error)."""
    return error_detail_lines(exc)


def _history_text(outcome: RunOutcome) -> str:
    if outcome.history_dir is None:  # the merge used no history folder
        return g.BUTTON_HISTORY_NONE
    return g.BUTTON_HISTORY_COUNT.format(count=outcome.periods_read)


def _running(run_at: str, label: str) -> ButtonStatus:
    status = ButtonStatus(result=g.BUTTON_RESULT_RUNNING, message="", exit_code=0)
    status.fields = {c.STATUS_ACTION: label, g.BUTTON_STATUS_RUN_AT: run_at, g.BUTTON_STATUS_RESULT: status.result}
    return status


def _failed(run_at: str, message: str) -> ButtonStatus:
    status = ButtonStatus(result=g.BUTTON_RESULT_FAILED, message=message, exit_code=2,
                          alert_mode=ALERT_CRITICAL)
    status.fields = {g.BUTTON_STATUS_RUN_AT: run_at, g.BUTTON_STATUS_RESULT: status.result,
                     g.BUTTON_STATUS_MESSAGE: message}
    return status


def _version_check(status: ButtonStatus, vba_version: str) -> None:
    """Warn (without stopping) when the workbook's xlwings VBA differs from Python's xlwings."""
    if not vba_version:
        return
    from importlib import metadata
    try:
        installed = metadata.version("xlwings")
    except metadata.PackageNotFoundError:
        return
    if installed != vba_version:
        warning = g.BUTTON_MSG_VERSION_MISMATCH.format(book=vba_version, python=installed)
        status.details.insert(0, warning)
        status.message = f"{status.message}\n{warning}" if status.message else warning
        status.fields[g.BUTTON_STATUS_MESSAGE] = status.message
        status.alert_mode = status.alert_mode or ALERT_INFO


# --- talking to Excel ---------------------------------------------------------------------------
def status_sheet(book: BookLike) -> SheetLike:
    """The sheet with the status area: 「操作」, or 「集約」 in books built before the ribbon."""
    try:
        return book.sheets[SHEET_RUN]
    except Exception:  # noqa: BLE001 - xlwings raises various errors for a missing sheet
        try:
            return book.sheets[LEGACY_SHEET_RUN]
        except Exception:  # noqa: BLE001
            raise GyokakuError(g.BUTTON_MSG_SHEET_MISSING.format(sheet=SHEET_RUN)) from None


def label_rows(block: Any) -> dict[str, int]:
    """Text of column A → its row (the first occurrence), from a block read from A1."""
    rows: dict[str, int] = {}
    for offset, row in enumerate(block or []):
        first = row[0] if isinstance(row, (list, tuple)) else row
        text = cell_text(first)
        if text and text not in rows:
            rows[text] = offset + 1
    return rows


def _write_status_area(book: BookLike, status: ButtonStatus) -> None:
    """Write the status values and the detail lines (cleared first), found by their labels."""
    sheet = status_sheet(book)
    rows = label_rows(sheet.range(f"A1:B{STATUS_SCAN_ROWS}").value)
    found = [(rows[label], label) for label in STATUS_LABELS if label in rows]
    if not found:
        raise GyokakuError(g.BUTTON_MSG_SHEET_MISSING.format(sheet=SHEET_RUN))
    first = found[0][0]
    if [row for row, _label in found] == list(range(first, first + len(found))):  # one block
        sheet.range(f"B{first}").value = [[excel_text(status.fields.get(label, ""))] for _row, label in found]
    else:
        for row, label in found:
            sheet.range(f"B{row}").value = excel_text(status.fields.get(label, ""))
    heading = rows.get(g.BUTTON_DETAILS_HEADING)
    if heading is None:
        return
    lines = list(status.details)
    if len(lines) > DETAIL_ROWS:
        rest = len(lines) - (DETAIL_ROWS - 1)
        lines = lines[:DETAIL_ROWS - 1] + [g.BUTTON_MORE_DETAILS.format(count=rest)]
    lines += [""] * (DETAIL_ROWS - len(lines))
    sheet.range(f"A{heading + 1}").value = [[excel_text(line)] for line in lines]


def excel_text(text: str) -> str:
    """Text that Excel keeps as text: a leading ``=``, ``+``, ``-`` or ``@`` gets Excel's ``'`` prefix."""
    text = "" if text is None else str(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def set_status_bar(app: AppLike, value: str | bool) -> None:
    """Excel's status bar: a progress text, or False to give it back (never raises)."""
    try:
        app.status_bar = value
    except Exception:  # noqa: BLE001 - the status bar is a nicety
        pass


def _alert(app: AppLike, message: str, mode: str) -> None:
    try:
        app.alert(message, title=g.BUTTON_ALERT_TITLE, buttons="ok", mode=mode)
    except Exception:  # noqa: BLE001 - the status area already says it
        pass


def _show_sheet(book: BookLike, name: str) -> None:
    try:
        book.sheets[name].activate()
    except Exception:  # noqa: BLE001 - showing the sheet is a nicety
        pass


def _open_result(book: BookLike, status: ButtonStatus) -> None:
    try:
        book.app.books.open(str(status.output))
    except Exception as exc:  # noqa: BLE001 - the master exists; say so and go on
        note = g.BUTTON_MSG_OPEN_FAILED.format(path=status.output, detail=_one_line(exc))
        status.details.append(note)
        try:
            _write_status_area(book, status)
        except Exception:  # noqa: BLE001
            pass


def _log_unexpected(book: BookLike, exc: BaseException, run_at: str) -> Path:
    """Append the traceback to ``<book>_エラー.log`` beside the book (or in the temp folder)."""
    import tempfile

    name = book_fullname(book)
    stem = PureWindowsPath(name or g.BUTTON_FILE_NAME).stem
    candidates = [folder for folder in (book_folder(book), Path(tempfile.gettempdir())) if folder is not None]
    text = f"[{run_at}]\n" + "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)) + "\n"
    for folder in candidates:
        path = folder / g.BUTTON_LOG_NAME.format(stem=stem)
        try:
            with path.open("a", encoding="utf-8") as f:
                f.write(text)
            return path
        except OSError:
            continue
    return candidates[-1] / g.BUTTON_LOG_NAME.format(stem=stem)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    name = type(exc).__name__
    return f"{name}: {text}" if text else name


def status_block(labels: Sequence[str] = STATUS_LABELS) -> list[list[str]]:
    """The initial status area (labels in A, the 'not run yet' value in B) for the workbook builder."""
    return [[label, g.BUTTON_NOT_RUN if label == g.BUTTON_STATUS_RESULT else ""] for label in labels]
