"""The 「集約」 button: the xlwings adapter between the control workbook and :func:`pipeline.merge`.

Excel's button runs ``RunPython "import gyokaku_xl.app.button as b; b.run_from_excel(...)"``
(see ``macros/gyokaku_button.bas``). :func:`run_from_excel` is the only place that imports
xlwings; it hands the calling book to :func:`run`, which uses a small slice of xlwings' Book API
(:class:`BookLike`: ``fullname``, ``sheets[name].range(address).value``, ``app.status_bar``,
``app.alert`` and ``app.books.open``) so that tests can use a fake book without xlwings or Excel.

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
from gyokaku_xl.core.chase import chased
from gyokaku_xl.domain.records import MergeResult
from gyokaku_xl.app.summary_lines import error_detail_lines, rejected_departments, summary_lines
from gyokaku_xl.domain.findings import GyokakuError, count_by_severity
from gyokaku_xl.domain.model import Period, PeriodError
from gyokaku_xl.domain.outcome import RunOutcome
from gyokaku_xl.domain.tokens import NO_WORDS, YES_WORDS
from gyokaku_xl.run import merge as merging

# --- layout of the control workbook -----------------------------------------------------------
SHEET_RUN = g.BUTTON_SHEET_RUN
SHEET_SETTINGS = g.BUTTON_SHEET_SETTINGS
SHEET_XLWINGS_CONF = "xlwings.conf"  # the name xlwings' VBA module looks for

#: VBA code names of the workbook and its sheets (the VBA document modules carry these names).
CODE_NAME_BOOK = "ThisWorkbook"
CODE_NAME_RUN = "RunSheet"
CODE_NAME_SETTINGS = "SettingsSheet"
CODE_NAME_CONF = "XlwingsConfSheet"

#: The VBA module of the button, its file in macros/, and the Sub the button runs.
VBA_MODULE = "GyokakuButton"
VBA_FILE = "gyokaku_button.bas"
BUTTON_MACRO = "RunMerge"
#: Defined names of the cells holding the Japanese messages the VBA shows (it is ASCII only).
NAME_NO_PYTHON = "GyokakuNoPython"
VBA_MESSAGE_NAMES = tuple(g.BUTTON_VBA_MESSAGES)
#: Defined names of the status area the VBA writes when it stops before Python runs.
NAME_STATUS = "GyokakuStatus"
NAME_STATUS_RUN_AT = "GyokakuStatusRunAt"
NAME_STATUS_RESULT = "GyokakuStatusResult"
NAME_STATUS_MESSAGE = "GyokakuStatusMessage"

#: 「設定」: labels in column A, values in column B, notes in column C, from this row on.
SETTINGS_FIRST_ROW = 5
#: Labels every control workbook has; the later ones are optional (books built before them work).
REQUIRED_SETTINGS = (g.BUTTON_SETTING_INBOX, g.BUTTON_SETTING_PLAN, g.BUTTON_SETTING_OUTPUT,
                     g.BUTTON_SETTING_YEAR, g.BUTTON_SETTING_PERIOD)
SETTINGS_LABELS = REQUIRED_SETTINGS + (g.BUTTON_SETTING_HISTORY, g.BUTTON_SETTING_PDF)
SETTINGS_SCAN = "A1:B40"  # where the labels are looked for (they are found by label, not by row)

#: 「集約」: the button, the status block (labels in A, values in B) and the detail lines (A).
BUTTON_ROW = 4
STATUS_HEADING_ROW = 8
STATUS_FIRST_ROW = 9
DETAILS_HEADING_ROW = STATUS_FIRST_ROW + len(g.BUTTON_STATUS_LABELS) + 1
DETAILS_FIRST_ROW = DETAILS_HEADING_ROW + 1
DETAIL_ROWS = 30
HELP_HEADING_ROW = DETAILS_FIRST_ROW + DETAIL_ROWS + 1
MESSAGES_HEADING_ROW = HELP_HEADING_ROW + 1 + len(g.BUTTON_HELP_LINES) + 1
MESSAGES_FIRST_ROW = MESSAGES_HEADING_ROW + 1

ALERT_INFO = "info"
ALERT_CRITICAL = "critical"

_FORMULA_START = ("=", "+", "-", "@")


# --- the slice of xlwings' API the adapter uses -----------------------------------------------
class RangeLike(Protocol):
    """``xlwings.Range``: only ``value`` (2-D lists for blocks)."""

    value: Any


class SheetLike(Protocol):
    """``xlwings.Sheet``: only ``range(address)``."""

    def range(self, address: str) -> RangeLike: ...


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

    @property
    def ok(self) -> bool:
        """True when a master workbook was written."""
        return self.exit_code < 2

    def column(self) -> list[str]:
        """The status values in the order of :data:`gyokaku_xl.text.BUTTON_STATUS_LABELS`."""
        return [self.fields.get(label, "") for label in g.BUTTON_STATUS_LABELS]


# --- entry points -------------------------------------------------------------------------------
def run_from_excel(vba_xlwings_version: str = "") -> None:
    """Called by the button (xlwings ``RunPython``): run :func:`run` on the calling workbook."""
    import xlwings as xw  # only here: the core never imports xlwings

    run(xw.Book.caller(), vba_xlwings_version=vba_xlwings_version)


def run(book: BookLike, *, vba_xlwings_version: str = "",
        now: Callable[[], datetime] = datetime.now) -> ButtonStatus:
    """Read the settings of ``book``, merge, write the status area, tell the user, open the result.

    Never raises for problems the user can fix: they end as a Japanese message in the status area
    and a message box. Unexpected errors do too, with the traceback in a log file beside the book.
    """
    run_at = now().strftime("%Y-%m-%d %H:%M:%S")
    app = book.app
    try:
        _write_status_area(book, _running(run_at))
    except Exception:  # the sheet may have been renamed; the click still runs
        pass
    try:
        settings = read_settings(book)
        status = _merge(settings, app, run_at)
    except GyokakuError as exc:
        status = _failed(run_at, str(exc))
        status.details = _failure_details(exc)
    except Exception as exc:  # noqa: BLE001 - the user gets a message, the log the traceback
        log = _log_unexpected(book, exc, run_at)
        status = _failed(run_at, g.BUTTON_MSG_UNEXPECTED.format(detail=_one_line(exc), log=log))
        status.log = log
    finally:
        _set_status_bar(app, False)
    _version_check(status, vba_xlwings_version)
    try:
        _write_status_area(book, status)
    except Exception as exc:  # noqa: BLE001 - still tell the user what happened
        status.message += "\n" + g.BUTTON_MSG_SHEET_MISSING.format(sheet=SHEET_RUN) + g.PARENTHESIZED.format(_one_line(exc))
        status.alert_mode = status.alert_mode or ALERT_CRITICAL
    if status.alert_mode:
        _alert(app, status.message, status.alert_mode)
    if status.output is not None:
        _open_result(book, status)
    return status


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
    values = settings_values(sheet.range(SETTINGS_SCAN).value)
    for label in REQUIRED_SETTINGS:
        if label not in values:
            raise GyokakuError(g.BUTTON_MSG_SETTING_MISSING.format(label=label))
    name = book_fullname(book)
    return resolve_settings(values, book_folder(book), url=name if "://" in name else None)


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


def resolve_settings(values: dict[str, str], folder: Path | None, *, url: str | None = None) -> Settings:
    """Turn the settings' texts into paths and a period; relative paths are taken from ``folder``.

    ``url`` is the book's address when Excel has it open from OneDrive/SharePoint (no folder).
    """
    def resolve(text: str) -> Path:
        return _resolve(text, folder, url)

    inbox_text = values.get(g.BUTTON_SETTING_INBOX, "")
    if not inbox_text:
        raise GyokakuError(g.BUTTON_MSG_SETTING_EMPTY.format(label=g.BUTTON_SETTING_INBOX))
    inbox = resolve(inbox_text)
    plan_text = values.get(g.BUTTON_SETTING_PLAN, "")
    plan = resolve(plan_text) if plan_text else None
    output = resolve(values.get(g.BUTTON_SETTING_OUTPUT, "") or g.MASTER_FILE_NAME)
    history_text = values.get(g.BUTTON_SETTING_HISTORY, "")
    history = resolve(history_text) if history_text else None
    pdf = _yes_no(values.get(g.BUTTON_SETTING_PDF, ""))
    if output.suffix.lower() != ".xlsx":
        raise GyokakuError(g.BUTTON_MSG_OUTPUT_NOT_XLSX.format(path=output))
    year, half = values.get(g.BUTTON_SETTING_YEAR, ""), values.get(g.BUTTON_SETTING_PERIOD, "")
    period = None
    if year or half:
        if not (year and half):
            raise GyokakuError(g.BUTTON_MSG_PERIOD_HALF)
        try:
            period = Period.parse(year, half)
        except PeriodError as exc:
            raise GyokakuError(g.BUTTON_MSG_PERIOD_INVALID.format(value=exc)) from None
    return Settings(inbox=inbox, plan=plan, output=output, period=period, history=history, pdf=pdf)


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
def _merge(settings: Settings, app: AppLike, run_at: str) -> ButtonStatus:
    def progress(done: int, total: int, label: str) -> None:
        _set_status_bar(app, g.BUTTON_PROGRESS.format(done=done, total=total, label=label))

    outcome = merging.merge(settings.inbox, settings.output, plan_path=settings.plan,
                            period=settings.period, progress=progress, history_dir=settings.history)
    if outcome.failure:  # nothing written: what was read, then why
        status = _failed(run_at, outcome.failure)
        status.details = summary_lines(outcome)
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
            made = master.with_suffix(".pdf")
            workbook = app.books.open(str(master))
            names = [sheet.name for sheet in workbook.sheets]
            include = [name for name in pdf.REPORT_SHEETS if name in names]
            if not include:
                raise GyokakuError(g.FATAL_PDF_NO_REPORTS.format(path=master))
            # xlwings' Book.to_pdf is Workbook.ExportAsFixedFormat on the included sheets.
            workbook.to_pdf(str(made), include=include, show=False)
            status.fields[g.BUTTON_STATUS_PDF] = g.BUTTON_PDF_BY_EXCEL.format(path=made)
        status.pdf = made
    except Exception as exc:  # noqa: BLE001 - the master exists; the PDF is a second step
        detail = str(exc) if isinstance(exc, GyokakuError) else _one_line(exc)
        status.fields[g.BUTTON_STATUS_PDF] = ""
        _add_note(status, g.BUTTON_MSG_PDF_FAILED.format(detail=detail))


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


def _running(run_at: str) -> ButtonStatus:
    status = ButtonStatus(result=g.BUTTON_RESULT_RUNNING, message="", exit_code=0)
    status.fields = {g.BUTTON_STATUS_RUN_AT: run_at, g.BUTTON_STATUS_RESULT: status.result}
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
def _write_status_area(book: BookLike, status: ButtonStatus) -> None:
    """Write the status values (one column) and the detail lines (cleared first) on 「集約」."""
    sheet = book.sheets[SHEET_RUN]
    sheet.range(f"B{STATUS_FIRST_ROW}").value = [[excel_text(v)] for v in status.column()]
    lines = list(status.details)
    if len(lines) > DETAIL_ROWS:
        rest = len(lines) - (DETAIL_ROWS - 1)
        lines = lines[:DETAIL_ROWS - 1] + [g.BUTTON_MORE_DETAILS.format(count=rest)]
    lines += [""] * (DETAIL_ROWS - len(lines))
    sheet.range(f"A{DETAILS_FIRST_ROW}").value = [[excel_text(line)] for line in lines]


def excel_text(text: str) -> str:
    """Text that Excel keeps as text: a leading ``=``, ``+``, ``-`` or ``@`` gets Excel's ``'`` prefix."""
    text = "" if text is None else str(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _set_status_bar(app: AppLike, value: str | bool) -> None:
    try:
        app.status_bar = value
    except Exception:  # noqa: BLE001 - the status bar is a nicety
        pass


def _alert(app: AppLike, message: str, mode: str) -> None:
    try:
        app.alert(message, title=g.BUTTON_ALERT_TITLE, buttons="ok", mode=mode)
    except Exception:  # noqa: BLE001 - the status area already says it
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


def status_block(labels: Sequence[str] = g.BUTTON_STATUS_LABELS) -> list[list[str]]:
    """The initial status area (labels in A, the 'not run yet' value in B) for the workbook builder."""
    return [[label, g.BUTTON_NOT_RUN if label == g.BUTTON_STATUS_RESULT else ""] for label in labels]
