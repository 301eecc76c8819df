"""Build the macro-enabled control workbook 集約ツール.xlsm without Excel.

The workbook is written by XlsxWriter: sheet 「操作」 with a shape button per action (grouped in the
order a period is worked) and the shared status area, sheet 「提出状況」 (the board the actions
refresh), sheet 「設定」 with the labelled settings, and the ``xlwings.conf`` sheet that tells
xlwings' VBA which Python to start. The ribbon tab 「行革集約」 is ``macros/ribbon.xml``, added
after XlsxWriter as the package part ``customUI/customUI14.xml`` with its root relationship. Its VBA project is assembled at build time with pyopenvba from

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
from gyokaku_xl.text import control as c
from gyokaku_xl.infra.atomic import atomic_write
from gyokaku_xl.run.guard import refuse_outputs, run_inputs
from gyokaku_xl.app.button import (ACTION_GROUPS, ACTIONS_FIRST_ROW, BOARD_COUNTS_ROW, BOARD_FACTS_ROW,
                                   BOARD_FIRST_ROW, BOARD_HEADER_ROW, BOARD_ROWS, CODE_NAME_BOARD,
                                   CODE_NAME_BOOK, CODE_NAME_CONF, CODE_NAME_RUN, CODE_NAME_SETTINGS,
                                   DETAIL_ROWS, DETAILS_FIRST_ROW, DETAILS_HEADING_ROW, HELP_HEADING_ROW,
                                   MESSAGES_FIRST_ROW, MESSAGES_HEADING_ROW, NAME_ACTION, NAME_STATUS,
                                   NAME_STATUS_ACTION, NAME_STATUS_MESSAGE, NAME_STATUS_RESULT,
                                   NAME_STATUS_RUN_AT, RIBBON_FILE, SETTINGS_FIRST_ROW, SETTINGS_LABELS,
                                   SETTINGS_SCAN, SHEET_BOARD, SHEET_RUN, SHEET_SETTINGS, SHEET_XLWINGS_CONF,
                                   STATUS_FIRST_ROW, STATUS_HEADING_ROW, STATUS_LABELS, VBA_FILE,
                                   VBA_MESSAGE_NAMES, VBA_MODULE, cell_text, settings_values,
                                   status_block)
from gyokaku_xl.domain.findings import GyokakuError
from gyokaku_xl.infra.oserror import library_text
from gyokaku_xl.render.styles import FONT_GOTHIC, Formats

#: Characters of a message per line in column B of 「集約」 (for the row heights of the message list).
MESSAGE_CHARS_PER_LINE = 52
#: Characters of a setting's note per line in column C of 「設定」 (for its row height).
NOTE_CHARS_PER_LINE = 40
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


#: The ribbon part in the package and its relationship from the package root (customUI14: Office
#: 2010 and later; the 2006 customUI.xml part would use .../2006/relationships/ui/extensibility).
RIBBON_PART = "customUI/customUI14.xml"
RIBBON_NAMESPACE = "http://schemas.microsoft.com/office/2009/07/customui"
RIBBON_RELATIONSHIP = "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"
RIBBON_RELATIONSHIP_ID = "rIdGyokakuRibbon"
#: Longest path Windows accepts without long-path support (the input rule of the path settings).
MAX_PATH = 259
IF_EXISTS_REFUSE = "refuse"
IF_EXISTS_REPLACE = "replace"


@dataclass(frozen=True)
class Upgrade:
    """What ``button --upgrade`` kept: the settings' labels, the new ones, the dropped ones."""

    path: Path
    kept: tuple[str, ...]
    added: tuple[str, ...]
    dropped: tuple[str, ...]
    interpreter: str = ""  # the xlwings.conf Python kept ("" when this PC's was used)


# --- public API -------------------------------------------------------------------------------
#: What to do when the control workbook already exists (``if_exists``): refuse (its 設定 may have
#: been edited), or replace it.
IF_EXISTS_REFUSE = "refuse"
IF_EXISTS_REPLACE = "replace"


def build_control_workbook(output: Path, *, inbox: str, plan: str, master: str, year: str,
                           period: str, history: str = "", pdf: bool = False,
                           forms: str = c.SETTING_DEFAULTS[c.SETTING_FORMS],
                           returns: str = c.SETTING_DEFAULTS[c.SETTING_RETURNS],
                           reminders: str = c.SETTING_DEFAULTS[c.SETTING_REMINDERS], opinions: str = "",
                           if_exists: str = IF_EXISTS_REFUSE) -> Path:
    """Write the control workbook (``.xlsm``) with the given settings; return its path.

    An existing workbook (with a user's settings) is replaced only with ``if_exists=IF_EXISTS_REPLACE``;
    the book is never written onto the inputs its settings name (plan master, inbox, master, history,
    委員意見), resolved as the button resolves them (from the book's folder).
    """
    settings = {g.BUTTON_SETTING_INBOX: inbox, g.BUTTON_SETTING_PLAN: plan,
                g.BUTTON_SETTING_OUTPUT: master, g.BUTTON_SETTING_YEAR: year,
                g.BUTTON_SETTING_PERIOD: period, g.BUTTON_SETTING_HISTORY: history,
                g.BUTTON_SETTING_PDF: g.BUTTON_YES if pdf else g.BUTTON_NO,
                c.SETTING_FORMS: forms, c.SETTING_RETURNS: returns, c.SETTING_REMINDERS: reminders,
                c.SETTING_OPINIONS: opinions}
    output = _checked_output(Path(output))
    refuse_outputs(_setting_inputs(output, inbox=inbox, plan=plan, master=master, history=history,
                                   opinions=opinions), files=[output])
    if output.exists() and if_exists != IF_EXISTS_REPLACE:
        raise GyokakuError(c.BUILD_EXISTS.format(path=output))
    return _build(output, settings, interpreter_for_book())


def upgrade_control_workbook(path: Path) -> Upgrade:
    """Rebuild an existing control workbook with this version's macros, ribbon and sheets, keeping
    every value of its 「設定」 (and its xlwings.conf Python when this PC has no better one)."""
    path = _checked_output(Path(path))
    if not path.is_file():
        raise GyokakuError(c.UPGRADE_MISSING.format(path=path))
    old = read_book_settings(path)
    settings = {label: c.SETTING_DEFAULTS.get(label, "") for label in SETTINGS_LABELS}
    settings[g.BUTTON_SETTING_PDF] = g.BUTTON_NO
    settings.update({label: value for label, value in old.values.items() if label in SETTINGS_LABELS})
    interpreter = interpreter_for_book()
    kept_python = ""
    if interpreter.placeholder and old.interpreter and old.interpreter != interpreter.path:
        # this PC cannot tell which Python the book's PC has: the book's own setting stays
        interpreter = Interpreter(old.interpreter, placeholder=False, pythonpath=old.pythonpath)
        kept_python = old.interpreter
    _build(path, settings, interpreter)
    return Upgrade(path=path, kept=tuple(label for label in SETTINGS_LABELS if label in old.values),
                   added=tuple(label for label in SETTINGS_LABELS if label not in old.values),
                   dropped=old.unknown, interpreter=kept_python)


@dataclass(frozen=True)
class BookSettings:
    """The settings of an existing control workbook, as text by label."""

    values: dict[str, str]
    unknown: tuple[str, ...]  # labels of 「設定」 this version does not know
    interpreter: str = ""
    pythonpath: str = ""


def read_book_settings(path: Path) -> BookSettings:
    """The 「設定」 values (and the xlwings.conf Python) of a control workbook, read without Excel."""
    import warnings

    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any failure to read is one Japanese line
        raise GyokakuError(c.UPGRADE_UNREADABLE.format(path=path, detail=library_text(exc))) from None
    try:
        if SHEET_SETTINGS not in book.sheetnames:
            raise GyokakuError(c.UPGRADE_UNREADABLE.format(
                path=path, detail=g.BUTTON_MSG_SHEET_MISSING.format(sheet=SHEET_SETTINGS)))
        block = [[cell.value for cell in row] for row in book[SHEET_SETTINGS][SETTINGS_SCAN]]
        first = SETTINGS_FIRST_ROW - 1
        unknown = tuple(cell_text(row[0]) for row in block[first:]
                        if cell_text(row[0]) and cell_text(row[0]) not in SETTINGS_LABELS)
        conf: dict[str, str] = {}
        if SHEET_XLWINGS_CONF in book.sheetnames:
            for key, value in ((row[0].value, row[1].value) for row in book[SHEET_XLWINGS_CONF]["A1:B20"]):
                if cell_text(key):
                    conf.setdefault(cell_text(key).upper(), cell_text(value))
    finally:
        book.close()
    return BookSettings(values=settings_values(block), unknown=unknown,
                        interpreter=conf.get(CONF_INTERPRETER.upper(), ""),
                        pythonpath=conf.get(CONF_PYTHONPATH.upper(), ""))


def _checked_output(output: Path) -> Path:
    if output.suffix.lower() != ".xlsm":
        raise GyokakuError(g.BUTTON_BUILD_NOT_XLSM.format(path=output))
    return output


def _build(output: Path, settings: dict[str, str], interpreter: Interpreter) -> Path:
    sources = vba_sources()
    ribbon = ribbon_source()
    with tempfile.TemporaryDirectory(prefix="gyokaku-button-") as tmp:
        skeleton = Path(tmp) / "skeleton.xlsm"
        write_workbook(skeleton, settings, interpreter, vba_project=None, xlwings_version=sources.xlwings_version)
        vba = build_vba_project(skeleton, sources)

    def write(path: Path) -> None:
        write_workbook(path, settings, interpreter, vba_project=vba, xlwings_version=sources.xlwings_version)
        add_ribbon(path, ribbon)
    atomic_write(output, write)
    return output


def _setting_inputs(output: Path, *, inbox: str, plan: str, master: str, history: str,
                    opinions: str = "") -> list:
    """The inputs the book's settings name, each from the book's folder when relative."""
    def resolve(text: str) -> Path | None:
        return (Path(text) if Path(text).is_absolute() else output.parent / text) if text.strip() else None

    return run_inputs(plan=resolve(plan), inbox=resolve(inbox), history=resolve(history),
                      opinions=resolve(opinions),
                      extra=[(p, g.INPUT_MASTER) for p in [resolve(master)] if p is not None])
def ribbon_path() -> Path:
    """``ribbon.xml``: installed beside the package, or in ``macros/`` of a source checkout."""
    return _macros_file(RIBBON_FILE)


def ribbon_source() -> bytes:
    """The ribbon XML (UTF-8), checked to be a customUI document of the 2009 namespace."""
    data = ribbon_path().read_bytes()
    from defusedxml import ElementTree

    try:
        root = ElementTree.fromstring(data)
    except Exception as exc:  # noqa: BLE001 - a broken file in the installation is one line
        raise GyokakuError(g.BUTTON_BUILD_FAILED.format(detail=f"{RIBBON_FILE}: {library_text(exc)}")) from None
    if root.tag != f"{{{RIBBON_NAMESPACE}}}customUI":
        raise GyokakuError(g.BUTTON_BUILD_FAILED.format(detail=f"{RIBBON_FILE}: {root.tag}"))
    return data


def add_ribbon(path: Path, ribbon: bytes) -> None:
    """Add the ribbon part and its root relationship to the package at ``path`` (rewritten in place,
    entries in the same order and with the same dates, so the same inputs give the same file)."""
    with zipfile.ZipFile(path) as package:
        entries = [(info, package.read(info.filename)) for info in package.infolist()]
    rels_name = "_rels/.rels"
    relationship = (f'<Relationship Id="{RIBBON_RELATIONSHIP_ID}" Type="{RIBBON_RELATIONSHIP}" '
                    f'Target="{RIBBON_PART}"/>').encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for info, data in entries:
            if info.filename == rels_name:
                data = data.replace(b"</Relationships>", relationship + b"</Relationships>")
            package.writestr(info, data)
        part = zipfile.ZipInfo(RIBBON_PART, date_time=entries[0][0].date_time)
        part.compress_type = zipfile.ZIP_DEFLATED
        package.writestr(part, ribbon)


def button_module_path() -> Path:
    """``gyokaku_button.bas``: installed beside the package, or in ``macros/`` of a source checkout."""
    return _macros_file(VBA_FILE)


def _macros_file(name: str) -> Path:
    here = Path(__file__).resolve().parents[1]  # the gyokaku_xl package folder
    for candidate in (here / "macros" / name, here.parent / "macros" / name):
        if candidate.is_file():
            return candidate
    raise GyokakuError(g.BUTTON_BUILD_FAILED.format(detail=g.BUTTON_BUILD_PART_MISSING.format(name=name)))


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
    board = book.add_worksheet(SHEET_BOARD)
    board.set_vba_name(CODE_NAME_BOARD)
    settings_sheet = book.add_worksheet(SHEET_SETTINGS)
    settings_sheet.set_vba_name(CODE_NAME_SETTINGS)
    conf = book.add_worksheet(SHEET_XLWINGS_CONF)
    conf.set_vba_name(CODE_NAME_CONF)
    _write_run_sheet(run, fmt, xlwings_version)
    _write_board_sheet(board, fmt)
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
    last = STATUS_FIRST_ROW + len(STATUS_LABELS) - 1
    where = f"='{SHEET_RUN}'!"
    book.define_name(NAME_STATUS, f"{where}$B${STATUS_FIRST_ROW}:$B${last}")
    for name, label in ((NAME_STATUS_ACTION, c.STATUS_ACTION), (NAME_STATUS_RUN_AT, g.BUTTON_STATUS_RUN_AT),
                        (NAME_STATUS_RESULT, g.BUTTON_STATUS_RESULT), (NAME_STATUS_MESSAGE, g.BUTTON_STATUS_MESSAGE)):
        book.define_name(name, f"{where}$B${STATUS_FIRST_ROW + STATUS_LABELS.index(label)}")
    for offset, name in enumerate(list(VBA_MESSAGE_NAMES) + action_names()):
        book.define_name(name, f"{where}$B${MESSAGES_FIRST_ROW + offset}")


def vba_messages(xlwings_version: str) -> dict[str, str]:
    """The Japanese texts the VBA module shows, by defined name; ``{python}``, ``{action}`` etc. are
    filled in by VBA (``{action}`` with the label of the action that was clicked)."""
    return {name: text.replace("{xlwings}", xlwings_version) for name, text in c.VBA_MESSAGES.items()}


def action_names() -> list[str]:
    """The defined names of the cells holding each action's label (the VBA names the action it stopped)."""
    return [NAME_ACTION.format(action=action) for _group, actions in ACTION_GROUPS for action, _macro in actions]


def _write_run_sheet(sheet, fmt: Formats, xlwings_version: str) -> None:
    _print_setup(sheet)
    sheet.hide_gridlines(2)
    sheet.set_column(0, 0, 26)
    sheet.set_column(1, 1, 96)
    sheet.write_string(0, 0, g.PRODUCT_TITLE, fmt.get(bold=True, font_size=16))
    sheet.write_string(1, 0, c.OPERATIONS_INTRO)
    group_format = fmt.get(bold=True, font_size=12, font_color="#1F4E78", bottom=1, bottom_color="#1F4E78")
    note_format = fmt.get(valign="vcenter", text_wrap=True, font_size=10)
    # The caption also sits in the cell under each shape: printed pages and LibreOffice show it
    # (form buttons are not printed), and Excel shows the button on top of it.
    face = fmt.get(bold=True, align="center", valign="vcenter", bg_color="#DDEBF7", border=1,
                   border_color="#8EA9DB")
    row = ACTIONS_FIRST_ROW - 1
    for group, actions in ACTION_GROUPS:
        sheet.write_string(row, 0, c.GROUP_LABELS[group], group_format)
        sheet.write_blank(row, 1, None, group_format)
        row += 1
        for action, macro in actions:
            sheet.set_row(row, 30)
            sheet.write_string(row, 0, c.ACTION_LABELS[action], face)
            sheet.insert_button(row, 0, {"macro": macro, "caption": c.ACTION_LABELS[action],
                                         "width": 180, "height": 36, "x_offset": 2, "y_offset": 2})
            sheet.write_string(row, 1, c.ACTION_NOTES[action], note_format)
            row += 1
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
    labels = {**{name: c.VBA_MESSAGE_LABELS[name] for name in VBA_MESSAGE_NAMES},
              **{NAME_ACTION.format(action=action): c.ACTION_NAME_LABEL.format(action=action)
                 for action in c.ACTION_LABELS}}
    texts = {**vba_messages(xlwings_version),
             **{NAME_ACTION.format(action=action): text for action, text in c.ACTION_LABELS.items()}}
    for offset, name in enumerate(list(VBA_MESSAGE_NAMES) + action_names()):
        text = texts[name]
        # Column B is 96 characters wide: about 48 full-width characters per line at 9 pt.
        lines = max(1, -(-len(text) // MESSAGE_CHARS_PER_LINE))
        sheet.set_row(MESSAGES_FIRST_ROW - 1 + offset, 12.5 * lines + 2)
        sheet.write_string(MESSAGES_FIRST_ROW - 1 + offset, 0, g.BULLET + labels[name], quiet_label)
        sheet.write_string(MESSAGES_FIRST_ROW - 1 + offset, 1, text, quiet)
    sheet.set_first_sheet()


#: The board's fill of each state, like 提出状況 in the master (render.data_sheets).
BOARD_FILLS = {c.BOARD_NOT_SUBMITTED: "#F8CBAD", c.BOARD_REJECTED: "#F4B084", c.BOARD_ERRORS: "#FFE699",
               c.BOARD_WARNINGS: "#FFF2CC", c.BOARD_ACCEPTED: "#E2EFDA"}


def _write_board_sheet(sheet, fmt: Formats) -> None:
    """「提出状況」: facts, counts per state (coloured), and the table the actions fill (coloured by state)."""
    _print_setup(sheet)
    sheet.hide_gridlines(2)
    for col, width in enumerate((22, 11, 52, 18, 9, 9, 18, 50)):
        sheet.set_column(col, col, width)
    sheet.write_string(0, 0, c.BOARD_TITLE, fmt.get(bold=True, font_size=16))
    sheet.write_string(1, 0, c.BOARD_INTRO)
    label = fmt.get(bold=True, bg_color="#D9E1F2", border=1)
    value = fmt.get(border=1, num_format="@")
    for offset, text in enumerate((c.BOARD_UPDATED, c.BOARD_INBOX, c.BOARD_PERIOD)):
        row = BOARD_FACTS_ROW - 1 + offset
        sheet.write_string(row, 0, text, label)
        # the value spans B:E so that a long folder stays inside its box (written to B)
        sheet.merge_range(row, 1, row, 4, c.BOARD_NOT_YET if offset == 0 else "", value)
    count_row = BOARD_COUNTS_ROW - 1
    sheet.write_string(count_row, 0, c.BOARD_COUNTS_LABEL, label)
    sheet.write_blank(count_row + 1, 0, None, label)
    number = fmt.get(border=1, align="center", bold=True, font_size=14)
    for col, state in enumerate(c.BOARD_STATES, start=1):
        sheet.write_string(count_row, col, state, fmt.get(border=1, align="center", bold=True, bg_color=BOARD_FILLS[state]))
        sheet.write_blank(count_row + 1, col, None, number)
    total = len(c.BOARD_STATES) + 1
    sheet.write_string(count_row, total, c.BOARD_TOTAL, fmt.get(border=1, align="center", bold=True))
    sheet.write_blank(count_row + 1, total, None, number)
    header = fmt.get(bold=True, bg_color="#1F4E78", font_color="#FFFFFF", border=1, valign="vcenter")
    for col, text in enumerate(c.BOARD_HEADERS):
        sheet.write_string(BOARD_HEADER_ROW - 1, col, text, header)
    cell = fmt.get(border=1, valign="top", num_format="@")
    wrap = fmt.get(border=1, valign="top", text_wrap=True, num_format="@")
    count = fmt.get(border=1, valign="top", align="center")
    first, last = BOARD_FIRST_ROW - 1, BOARD_FIRST_ROW - 2 + BOARD_ROWS
    for row in range(first, last + 1):
        for col in range(len(c.BOARD_HEADERS)):
            sheet.write_blank(row, col, None, count if col in (4, 5) else (wrap if col == 7 else cell))
    for state, fill in BOARD_FILLS.items():  # the state cell is coloured by its text, whoever writes it
        sheet.conditional_format(first, 1, last, 1, {"type": "cell", "criteria": "equal to", "value": f'"{state}"',
                                                     "format": fmt.get(bg_color=fill, bold=True)})
    sheet.freeze_panes(BOARD_HEADER_ROW, 1)
    sheet.repeat_rows(BOARD_HEADER_ROW - 1)


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
        # column C is 80 characters wide: about 40 full-width characters per line at 10 pt
        sheet.set_row(row, max(30, 14 * -(-len(setting_note(name)) // NOTE_CHARS_PER_LINE) + 2))
        sheet.write_string(row, 0, name, label)
        sheet.write_string(row, 1, settings.get(name, "") or "", value)
        sheet.write_string(row, 2, setting_note(name), note)
        sheet.data_validation(row, 1, row, 1, setting_rule(name))


def setting_note(label: str) -> str:
    """The note of a setting (column C of 「設定」 and the input message of its cell)."""
    return c.SETTING_NOTES.get(label) or g.BUTTON_SETTING_NOTES[label]


def setting_rule(label: str) -> dict[str, object]:
    """The input rule of a setting's cell: a list for 報告期間 and PDF, a path length for the paths,
    the note as the input message for every one."""
    note = setting_note(label)
    message = {"input_title": label[:32], "input_message": note[:255], "ignore_blank": True,
               "error_title": label[:32], "error_message": note[:255]}
    if label == g.BUTTON_SETTING_PERIOD:
        return {"validate": "list", "source": list(g.PERIODS), "error_type": "warning", **message}
    if label == g.BUTTON_SETTING_PDF:
        return {"validate": "list", "source": [g.BUTTON_YES, g.BUTTON_NO], **message}
    if label == g.BUTTON_SETTING_YEAR:
        return {"validate": "any", **message}
    return {"validate": "length", "criteria": "<=", "value": MAX_PATH, **message}


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
