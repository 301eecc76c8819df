"""Build the macro-enabled control workbook 集約ツール.xlsm without Excel.

The workbook is written by XlsxWriter: sheet 「集約」 with the button 「集約を実行」 and the status area,
sheet 「設定」 with the labelled settings, and the ``xlwings.conf`` sheet that tells xlwings' VBA
which Python to start. Its VBA project is assembled at build time with pyopenvba from

* the xlwings VBA module (and its ``Dictionary`` class) of the **installed** xlwings, read from
  xlwings' own BSD-licensed standalone quickstart workbook, and
* our module ``macros/gyokaku_button.bas`` (installed as ``gyokaku_xl/macros``),

so no third-party binary is kept in this repository. The project is first given to a skeleton of the
same workbook (same sheets, same code names) with pyopenvba's ``add_vba_project``, which creates the
document modules as Excel names them from the code names; the resulting ``vbaProject.bin`` is then
attached to the final workbook with XlsxWriter's ``add_vba_project``.

xlwings is never imported here: its version comes from the package metadata and its files from
``importlib.util.find_spec``.
"""

from __future__ import annotations

import io
import re
import site
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import datetime
from importlib import metadata, util
from pathlib import Path

from gyokaku_xl import text as g
from gyokaku_xl.infra.atomic import atomic_write
from gyokaku_xl.run.guard import refuse_outputs, run_inputs
from gyokaku_xl.app.button import (BUTTON_MACRO, BUTTON_ROW, CODE_NAME_BOOK, CODE_NAME_CONF,
                                   CODE_NAME_RUN, CODE_NAME_SETTINGS, DETAIL_ROWS, DETAILS_FIRST_ROW,
                                   DETAILS_HEADING_ROW, HELP_HEADING_ROW, MESSAGES_FIRST_ROW,
                                   MESSAGES_HEADING_ROW, NAME_STATUS, NAME_STATUS_MESSAGE,
                                   NAME_STATUS_RESULT, NAME_STATUS_RUN_AT, SETTINGS_FIRST_ROW,
                                   SETTINGS_LABELS, SHEET_RUN, SHEET_SETTINGS, SHEET_XLWINGS_CONF,
                                   STATUS_FIRST_ROW, STATUS_HEADING_ROW, VBA_FILE, VBA_MESSAGE_NAMES,
                                   VBA_MODULE, status_block)
from gyokaku_xl.domain.findings import GyokakuError
from gyokaku_xl.infra.oserror import library_text
from gyokaku_xl.render.styles import FONT_GOTHIC, Formats

#: Characters of a message per line in column B of 「集約」 (for the row heights of the message list).
MESSAGE_CHARS_PER_LINE = 52
#: Fixed document date (house rule: same inputs, same workbook).
DOCUMENT_DATE = datetime(2021, 4, 1)
XLWINGS_STANDALONE = "quickstart_standalone.xlsm"
XLWINGS_MODULE = "xlwings"
XLWINGS_DICTIONARY = "Dictionary"
VERSION_CONSTANT = "GYOKAKU_XLWINGS_VERSION"

#: xlwings.conf keys (xlwings' VBA upper-cases column A before looking a key up).
CONF_INTERPRETER = "Interpreter_Win"
CONF_PYTHONPATH = "PYTHONPATH"
CONF_UDF_SERVER = "Use UDF Server"
CONF_SHOW_CONSOLE = "Show Console"
CONF_ADD_WORKBOOK = "ADD_WORKBOOK_TO_PYTHONPATH"

#: ``_VBA_PROJECT`` as MS-OVBA 2.3.4.1 says to write it: Reserved1 0x61CC, Version 0xFFFF,
#: Reserved2 0x00, Reserved3 0x0001 and no PerformanceCache, so every Office version compiles the
#: modules from their source (xlwings' own quickstart workbook has the same 7 bytes).
VBA_PROJECT_STREAM = bytes.fromhex("CC61FFFF000100")


@dataclass(frozen=True)
class VbaSources:
    """The VBA module sources that go into the control workbook, CRLF line ends."""

    xlwings: str
    dictionary: str | None
    button: str
    xlwings_version: str


@dataclass(frozen=True)
class Interpreter:
    """The Python the button starts: its path, whether it is a guess, and an extra PYTHONPATH."""

    path: str
    placeholder: bool
    pythonpath: str = ""


# --- public API -------------------------------------------------------------------------------
#: What to do when the control workbook already exists (``if_exists``): refuse (its 設定 may have
#: been edited), or replace it.
IF_EXISTS_REFUSE = "refuse"
IF_EXISTS_REPLACE = "replace"


def build_control_workbook(output: Path, *, inbox: str, plan: str, master: str, year: str,
                           period: str, history: str = "", pdf: bool = False,
                           if_exists: str = IF_EXISTS_REFUSE) -> Path:
    """Write the control workbook (``.xlsm``) with the given settings; return its path.

    An existing workbook is replaced only with ``if_exists=IF_EXISTS_REPLACE``; the book is never
    written onto the inputs its settings name (plan master, inbox, master), resolved as the button
    resolves them (from the book's folder).
    """
    output = Path(output)
    if output.suffix.lower() != ".xlsm":
        raise GyokakuError(g.BUTTON_BUILD_NOT_XLSM.format(path=output))
    refuse_outputs(_setting_inputs(output, inbox=inbox, plan=plan, master=master, history=history),
                   files=[output])
    if output.exists() and if_exists != IF_EXISTS_REPLACE:
        raise GyokakuError(g.BUTTON_BOOK_EXISTS.format(path=output))
    settings = {g.BUTTON_SETTING_INBOX: inbox, g.BUTTON_SETTING_PLAN: plan,
                g.BUTTON_SETTING_OUTPUT: master, g.BUTTON_SETTING_YEAR: year,
                g.BUTTON_SETTING_PERIOD: period, g.BUTTON_SETTING_HISTORY: history,
                g.BUTTON_SETTING_PDF: g.BUTTON_YES if pdf else g.BUTTON_NO}
    sources = vba_sources()
    interpreter = interpreter_for_book()
    with tempfile.TemporaryDirectory(prefix="gyokaku-button-") as tmp:
        skeleton = Path(tmp) / "skeleton.xlsm"
        write_workbook(skeleton, settings, interpreter, vba_project=None, xlwings_version=sources.xlwings_version)
        vba = build_vba_project(skeleton, sources)
    atomic_write(output, lambda path: write_workbook(path, settings, interpreter, vba_project=vba,
                                                     xlwings_version=sources.xlwings_version))
    return output


def _setting_inputs(output: Path, *, inbox: str, plan: str, master: str, history: str) -> list:
    """The inputs the book's settings name, each from the book's folder when relative."""
    def resolve(text: str) -> Path | None:
        return (Path(text) if Path(text).is_absolute() else output.parent / text) if text.strip() else None

    return run_inputs(plan=resolve(plan), inbox=resolve(inbox), history=resolve(history),
                      extra=[(p, g.INPUT_MASTER) for p in [resolve(master)] if p is not None])


def button_module_path() -> Path:
    """``gyokaku_button.bas``: installed beside the package, or in ``macros/`` of a source checkout."""
    here = Path(__file__).resolve().parents[1]  # the gyokaku_xl package folder
    for candidate in (here / "macros" / VBA_FILE, here.parent / "macros" / VBA_FILE):
        if candidate.is_file():
            return candidate
    raise GyokakuError(g.BUTTON_BUILD_FAILED.format(detail=g.BUTTON_BUILD_PART_MISSING.format(name=VBA_FILE)))


def button_module_source() -> str:
    """The VBA source of the button module with CRLF line ends."""
    return crlf(button_module_path().read_text(encoding="ascii"))


def pinned_xlwings_version(source: str | None = None) -> str:
    """The xlwings version the button module is written for (its ``GYOKAKU_XLWINGS_VERSION``)."""
    found = vba_constant(source if source is not None else button_module_source(), VERSION_CONSTANT)
    if found is None:
        raise GyokakuError(g.BUTTON_BUILD_FAILED.format(detail=g.BUTTON_BUILD_PART_MISSING.format(name=VERSION_CONSTANT)))
    return found


def vba_constant(source: str, name: str) -> str | None:
    """The value of ``Const name As String = "..."`` in a VBA source, or None."""
    m = re.search(rf'^\s*(?:Public\s+|Private\s+)?Const\s+{re.escape(name)}\s+As\s+String\s*=\s*"([^"]*)"',
                  source, re.MULTILINE | re.IGNORECASE)
    return m.group(1) if m else None


def installed_xlwings_version() -> str | None:
    """The installed xlwings version from package metadata (xlwings is not imported), or None."""
    try:
        return metadata.version("xlwings")
    except metadata.PackageNotFoundError:
        return None


def xlwings_folder() -> Path | None:
    """The installed xlwings package folder (found without importing xlwings), or None."""
    spec = util.find_spec("xlwings")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def vba_sources() -> VbaSources:
    """Read the xlwings VBA modules of the installed xlwings and our button module; check versions."""
    button = button_module_source()
    pinned = pinned_xlwings_version(button)
    installed = installed_xlwings_version()
    folder = xlwings_folder()
    if installed is None or folder is None:
        raise GyokakuError(g.BUTTON_BUILD_MISSING.format(package="xlwings"))
    if installed != pinned:
        raise GyokakuError(g.BUTTON_BUILD_VERSION.format(installed=installed, pinned=pinned))
    ExcelFile, _kind = _pyopenvba()
    standalone = folder / XLWINGS_STANDALONE
    try:
        with ExcelFile(standalone) as book:
            modules = book.vba_modules()
    except Exception as exc:  # noqa: BLE001 - any failure reading xlwings' file is one message
        raise GyokakuError(g.BUTTON_BUILD_FAILED.format(detail=f"{standalone}: {library_text(exc)}")) from None
    if XLWINGS_MODULE not in modules:
        raise GyokakuError(g.BUTTON_BUILD_FAILED.format(detail=g.BUTTON_BUILD_NO_XLWINGS_MODULE.format(
            path=standalone)))
    xlwings_source = crlf(modules[XLWINGS_MODULE])
    embedded = vba_constant(xlwings_source, "XLWINGS_VERSION")
    if embedded != installed:
        raise GyokakuError(g.BUTTON_BUILD_VERSION.format(installed=embedded, pinned=installed))
    dictionary = modules.get(XLWINGS_DICTIONARY)
    return VbaSources(xlwings=xlwings_source, dictionary=crlf(dictionary) if dictionary else None,
                      button=button, xlwings_version=installed)


def build_vba_project(skeleton: Path, sources: VbaSources) -> bytes:
    """Give ``skeleton`` (an .xlsm without VBA) a project with our modules; return its vbaProject.bin."""
    ExcelFile, VBAModuleKind = _pyopenvba()
    target = skeleton.with_name(skeleton.stem + "-vba.xlsm")
    try:
        with ExcelFile(skeleton) as book:
            project = book.add_vba_project()
            project.add_module(VBA_MODULE, sources.button)
            project.add_module(XLWINGS_MODULE, sources.xlwings)
            if sources.dictionary:
                project.add_module(XLWINGS_DICTIONARY, sources.dictionary, kind=VBAModuleKind.other)
            for module in project.modules:
                if module.text_offset:  # compiled p-code of a template module: keep only the source
                    module.body = module.body
            book.save(target)
        with zipfile.ZipFile(target) as package:
            return without_performance_cache(package.read("xl/vbaProject.bin"))
    except GyokakuError:
        raise
    except Exception as exc:  # noqa: BLE001 - pyopenvba's errors become one Japanese line
        raise GyokakuError(g.BUTTON_BUILD_FAILED.format(detail=library_text(exc))) from None


def without_performance_cache(vba_project: bytes) -> bytes:
    """``vbaProject.bin`` with ``_VBA_PROJECT`` in its 7-byte, cache-free form (MS-OVBA 2.3.4.1)."""
    from pyopenvba.cfb import CFB

    cfb = CFB.from_bytes(vba_project)
    cfb.write_stream_in_storage("VBA", "_VBA_PROJECT", VBA_PROJECT_STREAM)
    return cfb.to_bytes()


def interpreter_for_book() -> Interpreter:
    """The Python the button should start.

    On Windows: this interpreter (``sys.executable``), plus PYTHONPATH when gyokaku_xl is not
    installed in it but imported from a source folder. Elsewhere: a placeholder for the usual
    per-user python.org install of the same version on Windows (xlwings expands ``%LOCALAPPDATA%``).
    """
    if sys.platform == "win32":
        return Interpreter(sys.executable, placeholder=False, pythonpath=_source_pythonpath())
    version = f"{sys.version_info.major}{sys.version_info.minor}"
    return Interpreter(rf"%LOCALAPPDATA%\Programs\Python\Python{version}\python.exe", placeholder=True)


def _source_pythonpath() -> str:
    parent = Path(__file__).resolve().parent.parent
    site_dirs = {Path(p).resolve() for p in [*site.getsitepackages(), site.getusersitepackages()]}
    return "" if parent in site_dirs else str(parent)


def crlf(text: str) -> str:
    """``text`` with CRLF line ends and a final line end, as the VBA editor keeps modules."""
    return "\r\n".join(text.splitlines()) + "\r\n"


def _pyopenvba():
    try:
        from pyopenvba import ExcelFile, VBAModuleKind
    except ImportError:
        raise GyokakuError(g.BUTTON_BUILD_MISSING.format(package="pyopenvba")) from None
    return ExcelFile, VBAModuleKind


# --- the workbook -------------------------------------------------------------------------------
def write_workbook(path: Path, settings: dict[str, str], interpreter: Interpreter,
                   vba_project: bytes | None, xlwings_version: str = "") -> None:
    """Write the control workbook to ``path``; without ``vba_project`` it is the skeleton."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False,
                                           "strings_to_numbers": False})
    book.set_properties({"title": g.PRODUCT_TITLE, "created": DOCUMENT_DATE})
    if vba_project is not None:
        book.add_vba_project(io.BytesIO(vba_project), is_stream=True)
    book.set_vba_name(CODE_NAME_BOOK)
    fmt = Formats(book, font=FONT_GOTHIC, size=11)
    run = book.add_worksheet(SHEET_RUN)
    run.set_vba_name(CODE_NAME_RUN)
    settings_sheet = book.add_worksheet(SHEET_SETTINGS)
    settings_sheet.set_vba_name(CODE_NAME_SETTINGS)
    conf = book.add_worksheet(SHEET_XLWINGS_CONF)
    conf.set_vba_name(CODE_NAME_CONF)
    _write_run_sheet(run, fmt, xlwings_version)
    _write_settings_sheet(settings_sheet, fmt, settings)
    _write_conf_sheet(conf, fmt, interpreter)
    _define_names(book)
    run.activate()
    book.close()


def _print_setup(sheet) -> None:
    sheet.set_paper(9)  # A4
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)


def _define_names(book) -> None:
    """The cells the VBA module reads its Japanese messages from and writes its status to."""
    last = STATUS_FIRST_ROW + len(g.BUTTON_STATUS_LABELS) - 1
    where = f"='{SHEET_RUN}'!"
    book.define_name(NAME_STATUS, f"{where}$B${STATUS_FIRST_ROW}:$B${last}")
    book.define_name(NAME_STATUS_RUN_AT, f"{where}$B${STATUS_FIRST_ROW + g.BUTTON_STATUS_LABELS.index(g.BUTTON_STATUS_RUN_AT)}")
    book.define_name(NAME_STATUS_RESULT, f"{where}$B${STATUS_FIRST_ROW + g.BUTTON_STATUS_LABELS.index(g.BUTTON_STATUS_RESULT)}")
    book.define_name(NAME_STATUS_MESSAGE, f"{where}$B${STATUS_FIRST_ROW + g.BUTTON_STATUS_LABELS.index(g.BUTTON_STATUS_MESSAGE)}")
    for offset, name in enumerate(VBA_MESSAGE_NAMES):
        book.define_name(name, f"{where}$B${MESSAGES_FIRST_ROW + offset}")


def vba_messages(xlwings_version: str) -> dict[str, str]:
    """The Japanese texts the VBA module shows, by defined name; ``{python}`` etc. are filled in by VBA."""
    return {name: text.replace("{xlwings}", xlwings_version) for name, text in g.BUTTON_VBA_MESSAGES.items()}


def _write_run_sheet(sheet, fmt: Formats, xlwings_version: str) -> None:
    _print_setup(sheet)
    sheet.hide_gridlines(2)
    sheet.set_column(0, 0, 26)
    sheet.set_column(1, 1, 96)
    sheet.write_string(0, 0, g.PRODUCT_TITLE, fmt.get(bold=True, font_size=16))
    sheet.write_string(1, 0, g.BUTTON_INTRO)
    sheet.set_row(BUTTON_ROW - 1, 22)
    sheet.set_row(BUTTON_ROW, 22)
    sheet.insert_button(BUTTON_ROW - 1, 0, {"macro": BUTTON_MACRO, "caption": g.BUTTON_CAPTION,
                                            "width": 220, "height": 44, "x_offset": 4, "y_offset": 2})
    sheet.write_string(STATUS_HEADING_ROW - 1, 0, g.BUTTON_STATUS_HEADING, fmt.get(bold=True, font_size=12))
    label = fmt.get(bold=True, bg_color="#D9E1F2", border=1, valign="top")
    value = fmt.get(border=1, valign="top", text_wrap=True, num_format="@")
    for offset, (name, text) in enumerate(status_block()):
        sheet.write_string(STATUS_FIRST_ROW - 1 + offset, 0, name, label)
        sheet.write_string(STATUS_FIRST_ROW - 1 + offset, 1, text, value)
    sheet.write_string(DETAILS_HEADING_ROW - 1, 0, g.BUTTON_DETAILS_HEADING, fmt.get(bold=True, font_size=12))
    detail = fmt.get(num_format="@")
    for row in range(DETAILS_FIRST_ROW - 1, DETAILS_FIRST_ROW - 1 + DETAIL_ROWS):
        sheet.write_blank(row, 0, None, detail)
    sheet.write_string(HELP_HEADING_ROW - 1, 0, g.BUTTON_HELP_HEADING, fmt.get(bold=True, font_size=12))
    for offset, line in enumerate(g.BUTTON_HELP_LINES):
        sheet.write_string(HELP_HEADING_ROW + offset, 0, line)
    # The messages the VBA shows (it is ASCII only), labelled so that nobody reads them as news.
    sheet.write_string(MESSAGES_HEADING_ROW - 1, 0, g.BUTTON_MESSAGES_HEADING, fmt.get(bold=True, font_color="#595959"))
    quiet_label = fmt.get(font_color="#595959", font_size=9, valign="top")
    quiet = fmt.get(font_color="#595959", font_size=9, valign="top", text_wrap=True, num_format="@")
    for offset, (name, text) in enumerate(vba_messages(xlwings_version).items()):
        # Column B is 96 characters wide: about 48 full-width characters per line at 9 pt.
        lines = max(1, -(-len(text) // MESSAGE_CHARS_PER_LINE))
        sheet.set_row(MESSAGES_FIRST_ROW - 1 + offset, 12.5 * lines + 2)
        sheet.write_string(MESSAGES_FIRST_ROW - 1 + offset, 0, g.BULLET + g.BUTTON_MESSAGE_LABELS[name], quiet_label)
        sheet.write_string(MESSAGES_FIRST_ROW - 1 + offset, 1, text, quiet)
    sheet.set_first_sheet()


def _write_settings_sheet(sheet, fmt: Formats, settings: dict[str, str]) -> None:
    _print_setup(sheet)
    sheet.set_column(0, 0, 16)
    sheet.set_column(1, 1, 48)
    sheet.set_column(2, 2, 80)
    sheet.write_string(0, 0, g.BUTTON_SETTINGS_TITLE, fmt.get(bold=True, font_size=14))
    sheet.write_string(1, 0, g.BUTTON_SETTINGS_INTRO)
    header_row = SETTINGS_FIRST_ROW - 2
    for col, text in enumerate(g.BUTTON_SETTINGS_HEADERS):
        sheet.write_string(header_row, col, text, fmt.header())
    label = fmt.get(bold=True, border=1, valign="top")
    value = fmt.get(border=1, valign="top", bg_color="#FFF2CC", num_format="@", locked=False)
    note = fmt.get(border=1, valign="top", text_wrap=True, font_size=10)
    for offset, name in enumerate(SETTINGS_LABELS):
        row = SETTINGS_FIRST_ROW - 1 + offset
        sheet.set_row(row, 30)
        sheet.write_string(row, 0, name, label)
        sheet.write_string(row, 1, settings.get(name, "") or "", value)
        sheet.write_string(row, 2, g.BUTTON_SETTING_NOTES[name], note)
    period_row = SETTINGS_FIRST_ROW - 1 + SETTINGS_LABELS.index(g.BUTTON_SETTING_PERIOD)
    sheet.data_validation(period_row, 1, period_row, 1, {
        "validate": "list", "source": list(g.PERIODS), "ignore_blank": True,
        "error_type": "warning", "error_title": g.BUTTON_SETTING_PERIOD,
        "error_message": g.BUTTON_SETTING_NOTES[g.BUTTON_SETTING_PERIOD]})
    pdf_row = SETTINGS_FIRST_ROW - 1 + SETTINGS_LABELS.index(g.BUTTON_SETTING_PDF)
    sheet.data_validation(pdf_row, 1, pdf_row, 1, {
        "validate": "list", "source": [g.BUTTON_YES, g.BUTTON_NO], "ignore_blank": True,
        "error_title": g.BUTTON_SETTING_PDF, "error_message": g.BUTTON_SETTING_NOTES[g.BUTTON_SETTING_PDF]})


def _write_conf_sheet(sheet, fmt: Formats, interpreter: Interpreter) -> None:
    _print_setup(sheet)
    sheet.set_column(0, 0, 18)
    sheet.set_column(1, 1, 60)
    sheet.set_column(2, 2, 90)
    note = fmt.get(text_wrap=True, font_size=10, valign="top")
    interpreter_note = g.BUTTON_CONF_NOTE_INTERPRETER
    if interpreter.placeholder:
        interpreter_note += g.BUTTON_CONF_NOTE_PLACEHOLDER
    rows = ((CONF_INTERPRETER, interpreter.path, interpreter_note),
            (CONF_PYTHONPATH, interpreter.pythonpath, g.BUTTON_CONF_NOTE_PYTHONPATH))
    for row, (key, value, text) in enumerate(rows):
        sheet.set_row(row, 30)
        sheet.write_string(row, 0, key)
        sheet.write_string(row, 1, value)
        sheet.write_string(row, 2, text, note)
    sheet.write_string(2, 0, CONF_UDF_SERVER)
    sheet.write_boolean(2, 1, False)
    sheet.write_string(3, 0, CONF_SHOW_CONSOLE)
    sheet.write_boolean(3, 1, False)
    # gyokaku_xl is imported from its installation, never from the workbook's folder, and with FALSE
    # xlwings does not turn a OneDrive/SharePoint URL FullName into a folder (which can fail).
    sheet.write_string(4, 0, CONF_ADD_WORKBOOK)
    sheet.write_boolean(4, 1, False)
    sheet.write_string(4, 2, g.BUTTON_CONF_NOTE_ADD_WORKBOOK, note)
    sheet.write_string(6, 2, g.BUTTON_CONF_NOTE_SHEET, note)
