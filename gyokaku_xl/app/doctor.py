"""``python -m gyokaku_xl doctor``: what the 「集約」 button and PDF output need, and what is missing.

:func:`diagnose` only looks (no printing, no xlwings import): this Python, gyokaku_xl, the xlwings
version against the pinned one (and against the VBA module inside a control workbook when one is
given), pyopenvba, LibreOffice, and for a control workbook: the Python **the book** starts (run in a
subprocess: can it import gyokaku_xl, xlwings of the book's VBA version and pywin32?), where the
book lives (OneDrive, a network share Excel treats as the internet zone, Mark of the Web) and its
settings. What only Windows can answer (running the book's python.exe, the Zone.Identifier stream,
drive types) goes through :class:`Machine`, which tests replace with fakes.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import warnings
import zipfile
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path, PureWindowsPath
from typing import Callable, Mapping

from gyokaku_xl.domain.version import __version__
from gyokaku_xl import text as g
from gyokaku_xl.domain.findings import GyokakuError
from gyokaku_xl.infra.oserror import library_text
from gyokaku_xl.publish import pdf

OK = g.DOCTOR_MARK_OK
WARN = g.DOCTOR_MARK_WARN
FAIL = g.DOCTOR_MARK_FAIL
INFO = g.DOCTOR_MARK_INFO

MIN_PYTHON = (3, 10)


@dataclass(frozen=True)
class Check:
    """One line of the report: a mark (○ △ × ・), what was checked, and what was found."""

    mark: str
    label: str
    detail: str

    def line(self) -> str:
        """``○ Python：3.11.7（C:\\…\\python.exe）``."""
        return g.DOCTOR_LINE.format(mark=self.mark, label=self.label, detail=self.detail)


@dataclass
class DoctorReport:
    """All checks; ``ok`` is False when any check is ×."""

    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing the button needs is missing."""
        return not any(c.mark == FAIL for c in self.checks)

    def add(self, mark: str, label: str, detail: str) -> None:
        """Append one check."""
        self.checks.append(Check(mark, label, detail))

    def lines(self) -> list[str]:
        """The report in Japanese, one line per check and a closing line."""
        lines = [g.DOCTOR_HEADING]
        lines += [c.line() for c in self.checks]
        warnings = sum(1 for c in self.checks if c.mark == WARN)
        lines.append(g.DOCTOR_FIX_FAILS if not self.ok else
                     g.DOCTOR_HAS_WARNINGS.format(count=warnings) if warnings else g.DOCTOR_ALL_OK)
        return lines


# --- what only the PC can answer -------------------------------------------------------------------
#: Run in the book's interpreter: what it can import, as JSON on stdout (UTF-8, set explicitly).
PROBE = r"""
import json, sys
from importlib import metadata
found = {"python": sys.version.split()[0]}
for key, module, dist in (("gyokaku_xl", "gyokaku_xl.app.button", "gyokaku_xl"),
                          ("xlwings", "xlwings", "xlwings"), ("pywin32", "win32api", "pywin32")):
    try:
        __import__(module)
    except Exception as exc:
        found[key] = None
        found[key + "_error"] = type(exc).__name__ + ": " + str(exc)
        continue
    try:
        found[key] = metadata.version(dist)
    except metadata.PackageNotFoundError:
        found[key] = ""
print(json.dumps(found))
"""

RunResult = tuple[int | None, str, str]  # exit code (None: could not start), stdout, stderr


def run_command(args: list[str], env: Mapping[str, str]) -> RunResult:
    """Run ``args``; its output is read as UTF-8 (the child is told to write UTF-8)."""
    try:
        proc = subprocess.run(args, capture_output=True, env=dict(env), timeout=120)
    except (OSError, subprocess.SubprocessError) as exc:
        return None, "", f"{type(exc).__name__}: {exc}"
    return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")


def zone_identifier(path: Path) -> int | None:
    """The ZoneId of the file's Mark of the Web (its ``Zone.Identifier`` stream), or None (Windows only)."""
    if sys.platform != "win32":
        return None
    try:
        with open(f"{path}:Zone.Identifier", encoding="utf-8", errors="replace") as stream:
            text = stream.read(4096)
    except OSError:
        return None
    m = re.search(r"^\s*ZoneId\s*=\s*(\d+)", text, re.MULTILINE)
    return int(m.group(1)) if m else None


def drive_is_remote(drive: str) -> bool:
    """True when ``drive`` (e.g. ``Z:``) is a mapped network drive (Windows only)."""
    if sys.platform != "win32":
        return False
    import ctypes
    try:
        return ctypes.windll.kernel32.GetDriveTypeW(drive.rstrip("\\") + "\\") == 4  # DRIVE_REMOTE
    except (AttributeError, OSError):
        return False


@dataclass
class Machine:
    """The PC doctor looks at. The defaults are this PC; tests give fakes for the Windows-only parts."""

    windows: bool = sys.platform == "win32"
    environ: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    run: Callable[[list[str], Mapping[str, str]], RunResult] = run_command
    is_file: Callable[[str], bool] = os.path.isfile
    which: Callable[[str], str | None] = shutil.which
    zone_of: Callable[[Path], int | None] = zone_identifier
    drive_is_remote: Callable[[str], bool] = drive_is_remote
    where: Callable[[Path], str] = field(default=lambda path: str(Path(path).resolve()))

    def expand(self, text: str) -> str:
        """``%NAME%`` replaced from this machine's environment (as xlwings' VBA does)."""
        lower = {k.lower(): v for k, v in self.environ.items()}
        return re.sub(r"%([^%]+)%", lambda m: lower.get(m.group(1).lower(), m.group(0)), text)


def diagnose(book: Path | None = None, machine: Machine | None = None) -> DoctorReport:
    """Check this machine (and the control workbook ``book`` when given); never raises for problems."""
    machine = machine or Machine()
    report = DoctorReport()
    _python(report)
    _xlwings(report)
    _pyopenvba(report)
    _excel_platform(report)
    _libreoffice(report)
    if book is not None:
        _book(report, Path(book), machine)
    return report


# --- this machine -------------------------------------------------------------------------------
def _python(report: DoctorReport) -> None:
    version = ".".join(str(n) for n in sys.version_info[:3])
    mark = OK if sys.version_info[:2] >= MIN_PYTHON else FAIL
    report.add(mark, "Python", g.DOCTOR_WITH_PLACE.format(value=version, place=sys.executable))
    package = Path(__file__).resolve().parents[1]
    report.add(INFO, "gyokaku_xl", g.DOCTOR_WITH_PLACE.format(value=__version__, place=package))


def _xlwings(report: DoctorReport) -> None:
    from gyokaku_xl.app.button_book import installed_xlwings_version, pinned_xlwings_version, xlwings_folder

    try:
        pinned = pinned_xlwings_version()
    except GyokakuError as exc:
        report.add(FAIL, g.DOCTOR_LABEL_VBA_MODULE, str(exc))
        pinned = None
    installed = installed_xlwings_version()
    if installed is None:
        report.add(FAIL, "xlwings", g.DOCTOR_XLWINGS_MISSING)
        return
    if pinned is not None and installed != pinned:
        report.add(FAIL, "xlwings", g.DOCTOR_XLWINGS_OTHER.format(installed=installed, pinned=pinned))
    else:
        report.add(OK, "xlwings", g.DOCTOR_XLWINGS_OK.format(installed=installed, pinned=pinned))
    folder = xlwings_folder()
    standalone = folder / "quickstart_standalone.xlsm" if folder is not None else None
    if standalone is None or not standalone.is_file():
        report.add(FAIL, g.DOCTOR_LABEL_XLWINGS_VBA, g.DOCTOR_XLWINGS_NO_STANDALONE)
    if sys.platform == "win32" and _version("pywin32") is None:
        report.add(FAIL, "pywin32", g.DOCTOR_PYWIN32_MISSING)


def _pyopenvba(report: DoctorReport) -> None:
    version = _version("pyopenvba")
    if version is None:
        report.add(FAIL, "pyopenvba", g.DOCTOR_PYOPENVBA_MISSING)
    else:
        report.add(OK, "pyopenvba", g.DOCTOR_PYOPENVBA_OK.format(version=version))


def _excel_platform(report: DoctorReport) -> None:
    if sys.platform == "win32":
        report.add(OK, g.DOCTOR_LABEL_EXCEL, g.DOCTOR_EXCEL_WINDOWS)
    else:
        report.add(INFO, g.DOCTOR_LABEL_EXCEL, g.DOCTOR_EXCEL_OTHER.format(platform=sys.platform))


def _libreoffice(report: DoctorReport) -> None:
    path = pdf.find_soffice()
    if path:
        report.add(OK, g.DOCTOR_LABEL_OFFICE, path)
    else:
        report.add(WARN, g.DOCTOR_LABEL_OFFICE, g.DOCTOR_OFFICE_MISSING + g.FATAL_PDF_NO_OFFICE)


def _version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


# --- the control workbook -------------------------------------------------------------------------
def _book(report: DoctorReport, book: Path, machine: Machine) -> None:
    label = g.DOCTOR_LABEL_BOOK.format(name=book.name)
    if not book.is_file():
        report.add(FAIL, label, g.DOCTOR_BOOK_MISSING.format(path=book))
        return
    if not zipfile.is_zipfile(book):
        report.add(FAIL, label, g.DOCTOR_BOOK_NOT_XLSM)
        return
    report.add(INFO, label, str(book.resolve()))
    embedded = _book_vba(report, book)
    _book_location(report, book, machine)
    _book_interpreter(report, book, machine, embedded)
    _book_settings(report, book)


def _book_vba(report: DoctorReport, book: Path) -> str | None:
    """Check the book's VBA; return the version of its embedded xlwings module."""
    from gyokaku_xl.app.button_book import VERSION_CONSTANT, installed_xlwings_version, vba_constant
    from gyokaku_xl.app.button import BUTTON_MACRO, VBA_MODULE

    try:
        from pyopenvba import ExcelFile
        with ExcelFile(book) as wb:
            modules = wb.vba_modules()
    except ImportError:
        report.add(WARN, g.DOCTOR_LABEL_BOOK_VBA, g.DOCTOR_NO_PYOPENVBA)
        return None
    except Exception as exc:  # noqa: BLE001 - any unreadable project is one line
        report.add(FAIL, g.DOCTOR_LABEL_BOOK_VBA, g.DOCTOR_VBA_UNREADABLE.format(detail=library_text(exc)))
        return None
    embedded = vba_constant(modules.get("xlwings", ""), "XLWINGS_VERSION")
    installed = installed_xlwings_version()
    if embedded is None:
        report.add(FAIL, g.DOCTOR_LABEL_BOOK_XLWINGS, g.DOCTOR_BOOK_XLWINGS_MISSING)
    elif installed is not None and embedded != installed:
        report.add(FAIL, g.DOCTOR_LABEL_BOOK_XLWINGS,
                   g.DOCTOR_BOOK_XLWINGS_OTHER.format(embedded=embedded, installed=installed))
    else:
        report.add(OK, g.DOCTOR_LABEL_BOOK_XLWINGS, f"{embedded}")
    source = modules.get(VBA_MODULE)
    if source is None or f"sub {BUTTON_MACRO.lower()}" not in source.lower():
        report.add(FAIL, g.DOCTOR_LABEL_MACRO, g.DOCTOR_MACRO_MISSING.format(macro=f"{VBA_MODULE}.{BUTTON_MACRO}"))
    else:
        version = vba_constant(source, VERSION_CONSTANT)
        report.add(OK, g.DOCTOR_LABEL_MACRO, g.DOCTOR_MACRO_OK.format(macro=f"{VBA_MODULE}.{BUTTON_MACRO}", version=version))
        _book_controls(report, book, source)
    return embedded


def _book_controls(report: DoctorReport, book: Path, source: str) -> None:
    """The ribbon tab and the 操作 sheet's buttons: a book of an earlier version lacks them."""
    from gyokaku_xl.app.button import ACTION_MACROS, RIBBON_CALLBACK
    from gyokaku_xl.app.button_book import RIBBON_PART
    from gyokaku_xl.text import control as c

    subs = {name.lower() for name in re.findall(r"^\s*(?:Public\s+)?Sub\s+(\w+)", source, re.MULTILINE | re.IGNORECASE)}
    missing = [macro for macro in (*ACTION_MACROS.values(), RIBBON_CALLBACK) if macro.lower() not in subs]
    with zipfile.ZipFile(book) as package:
        has_ribbon = RIBBON_PART in package.namelist()
    if missing or not has_ribbon:
        report.add(WARN, c.DOCTOR_CONTROLS, c.DOCTOR_CONTROLS_OLD.format(book=book.name))
    else:
        report.add(OK, c.DOCTOR_CONTROLS, c.DOCTOR_CONTROLS_OK.format(tab=c.CONTROL_TAB, count=len(ACTION_MACROS)))


def _workbook_values(book: Path, sheet: str, cells: str) -> list[list[object]] | None:
    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(book, read_only=True, data_only=True)
    try:
        if sheet not in wb.sheetnames:
            return None
        return [[c.value for c in row] for row in wb[sheet][cells]]
    finally:
        wb.close()


BOOK_PYTHON = g.DOCTOR_BOOK_PYTHON
BOOK_PYTHON_IMPORTS = g.DOCTOR_BOOK_PYTHON_IMPORTS
BOOK_PLACE = g.DOCTOR_BOOK_PLACE


def _conf_values(book: Path) -> dict[str, str] | None:
    from gyokaku_xl.app.button import SHEET_XLWINGS_CONF

    rows = _workbook_values(book, SHEET_XLWINGS_CONF, "A1:B20")
    if rows is None:
        return None
    values: dict[str, str] = {}
    for a, b in rows:  # xlwings reads from A1 down to the first empty cell
        if a is None or str(a).strip() == "":
            break
        values.setdefault(str(a).strip().upper(), "" if b is None else str(b).strip())
    return values


def _user_conf_interpreter(machine: Machine) -> str:
    """INTERPRETER_WIN from the user's ``%USERPROFILE%\\.xlwings\\xlwings.conf`` (xlwings' next layer)."""
    profile = machine.environ.get("USERPROFILE", "")
    if not profile:
        return ""
    path = Path(profile) / ".xlwings" / "xlwings.conf"
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    for key in ("INTERPRETER_WIN", "INTERPRETER"):
        m = re.search(rf'^"{key}"\s*,\s*"([^"]*)"', text, re.MULTILINE | re.IGNORECASE)
        if m:
            return m.group(1).strip()
    return ""


def _unquoted(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        text = text[1:-1].strip()
    return text


def _book_interpreter(report: DoctorReport, book: Path, machine: Machine, embedded: str | None) -> None:
    from gyokaku_xl.app.button_book import CONF_INTERPRETER

    values = _conf_values(book)
    if values is None:
        report.add(FAIL, BOOK_PYTHON, g.DOCTOR_NO_CONF_SHEET)
        return
    raw = values.get(CONF_INTERPRETER.upper(), "") or values.get("INTERPRETER", "")
    source = ""
    if not raw and machine.windows:
        raw = _user_conf_interpreter(machine)
        source = g.DOCTOR_FROM_USER_CONF if raw else ""
    if raw and _unquoted(raw) != raw:
        report.add(WARN, BOOK_PYTHON, g.DOCTOR_QUOTED.format(path=raw))
    path = _unquoted(raw)
    if not machine.windows:
        if not path:
            report.add(WARN, BOOK_PYTHON, g.DOCTOR_EMPTY_PATH)
            return
        placeholder = "%LOCALAPPDATA%" in path.upper()
        report.add(WARN if placeholder else INFO, BOOK_PYTHON, path + (g.DOCTOR_PLACEHOLDER if placeholder else ""))
        report.add(INFO, BOOK_PYTHON_IMPORTS, g.DOCTOR_CHECK_ON_WINDOWS)
        return
    if not path:
        found = machine.which("python")
        if found is None:
            report.add(FAIL, BOOK_PYTHON, g.DOCTOR_EMPTY_NO_PATH)
            return
        report.add(WARN, BOOK_PYTHON, g.DOCTOR_EMPTY_USES.format(path=found))
        path = found
    expanded = machine.expand(path)
    if "\\windowsapps\\" in expanded.lower().replace("/", "\\"):
        report.add(FAIL, BOOK_PYTHON, g.DOCTOR_STORE_ALIAS.format(path=expanded))
        return
    if not machine.is_file(expanded):
        report.add(FAIL, BOOK_PYTHON, g.DOCTOR_PYTHON_MISSING.format(path=path))
        return
    same = g.DOCTOR_THIS_PYTHON if _same_file(Path(expanded), Path(sys.executable)) else ""
    report.add(OK, BOOK_PYTHON, f"{path}{source}{same}")
    _book_python_imports(report, expanded, values.get("PYTHONPATH", ""), machine, embedded)


def _book_python_imports(report: DoctorReport, python: str, pythonpath: str, machine: Machine,
                         embedded: str | None) -> None:
    """Run the book's python.exe: can it import gyokaku_xl, xlwings (the book's version) and pywin32?"""
    env = dict(machine.environ)
    env["PYTHONIOENCODING"] = "utf-8"  # read back as UTF-8, whatever the console code page
    folders = [p.strip().strip('"').rstrip("\\") for p in machine.expand(pythonpath).split(";")]
    folders = [p for p in folders if p]
    if folders:
        env["PYTHONPATH"] = ";".join(folders + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
    code, out, err = machine.run([python, "-B", "-c", PROBE], env)
    try:
        found = json.loads(out.strip().splitlines()[-1]) if code == 0 and out.strip() else None
    except (json.JSONDecodeError, IndexError):
        found = None
    if not isinstance(found, dict):
        last = (err.strip().splitlines() or [g.DOCTOR_NO_OUTPUT])[-1]
        report.add(FAIL, BOOK_PYTHON_IMPORTS, g.DOCTOR_PYTHON_FAILED.format(path=python, code=code, detail=last))
        return
    pip = f'"{python}" -m pip install'
    offline = g.DOCTOR_OFFLINE.format(pip=pip)
    problems = []
    if found.get("gyokaku_xl") is None:
        problems.append(g.DOCTOR_NO_GYOKAKU.format(detail=found.get("gyokaku_xl_error", ""), pip=pip, offline=offline))
    xlwings = found.get("xlwings")
    version = embedded or installed_pinned_version()
    if xlwings is None:
        problems.append(g.DOCTOR_NO_XLWINGS.format(pip=pip, version=version, offline=offline))
    elif embedded and xlwings and xlwings != embedded:
        problems.append(g.DOCTOR_OTHER_XLWINGS.format(installed=xlwings, version=embedded, pip=pip))
    if found.get("pywin32") is None:
        problems.append(g.DOCTOR_NO_PYWIN32.format(pip=pip, offline=offline))
    if problems:
        for problem in problems:
            report.add(FAIL, BOOK_PYTHON_IMPORTS, problem)
        return
    report.add(OK, BOOK_PYTHON_IMPORTS, g.DOCTOR_IMPORTS_OK.format(
        python=found.get("python"), gyokaku=found.get("gyokaku_xl") or g.DOCTOR_FROM_FOLDER, xlwings=xlwings,
        pywin32=found.get("pywin32") or "").rstrip())


def installed_pinned_version() -> str:
    """The xlwings version the button module is written for (for a pip line when the book has none)."""
    from gyokaku_xl.app.button_book import pinned_xlwings_version
    try:
        return pinned_xlwings_version()
    except GyokakuError:
        return ""


def _book_location(report: DoctorReport, book: Path, machine: Machine) -> None:
    """OneDrive/SharePoint, Mark of the Web, network shares and Excel's zones."""
    path = machine.where(book)
    win = PureWindowsPath(path)
    folders = [machine.environ.get(k, "") for k in ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")]
    in_onedrive = any(f and path.lower().startswith(f.lower().rstrip("\\") + "\\") for f in folders)
    in_onedrive = in_onedrive or any(part.lower().startswith("onedrive") for part in win.parts[:-1])
    problems = False
    if in_onedrive:
        problems = True
        report.add(WARN, BOOK_PLACE, g.DOCTOR_ONEDRIVE)
    zone = machine.zone_of(book)
    if zone is not None and zone >= 3:  # 3 Internet, 4 Restricted
        problems = True
        report.add(FAIL, BOOK_PLACE, g.DOCTOR_MOTW)
    server = ""
    if path.startswith("\\\\"):
        server = path[2:].split("\\", 1)[0]
    elif machine.windows and len(path) > 1 and path[1] == ":" and machine.drive_is_remote(path[:2]):
        server = "?"  # a mapped drive: on the network, server name unknown here
    if server:
        problems = True
        if "." in server and server != "?":  # an FQDN or an IP address: the internet zone
            report.add(FAIL, BOOK_PLACE, g.DOCTOR_INTERNET_ZONE.format(server=server))
        else:
            report.add(WARN, BOOK_PLACE, g.DOCTOR_NETWORK_SHARE)
    if not problems and machine.windows:
        report.add(OK, BOOK_PLACE, g.DOCTOR_PLACE_OK)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or os.path.samefile(a, b)
    except OSError:
        return False


def _book_settings(report: DoctorReport, book: Path) -> None:
    from gyokaku_xl.app.button import (REQUIRED_SETTINGS, SETTINGS_SCAN, SHEET_SETTINGS,
                                       resolve_settings, settings_values)

    rows = _workbook_values(book, SHEET_SETTINGS, SETTINGS_SCAN)
    if rows is None:
        report.add(FAIL, g.DOCTOR_LABEL_SETTINGS, g.BUTTON_MSG_SHEET_MISSING.format(sheet=SHEET_SETTINGS))
        return
    values = settings_values(rows)
    missing = [label for label in REQUIRED_SETTINGS if label not in values]
    if missing:
        report.add(FAIL, g.DOCTOR_LABEL_SETTINGS, g.BUTTON_MSG_SETTING_MISSING.format(
            label=g.DOCTOR_LABELS_JOIN.join(missing)))
        return
    try:
        settings = resolve_settings(values, book.resolve().parent)
    except GyokakuError as exc:
        report.add(FAIL, g.DOCTOR_LABEL_SETTINGS, str(exc))
        return
    if settings.inbox.is_dir():
        count = sum(1 for p in settings.inbox.iterdir() if p.suffix.lower() == ".xlsx" and not p.name.startswith("~$"))
        report.add(OK, g.DOCTOR_LABEL_SETTING.format(label=g.BUTTON_SETTING_INBOX),
                   g.DOCTOR_INBOX_FOUND.format(path=settings.inbox, count=count))
    else:
        report.add(WARN, g.DOCTOR_LABEL_SETTING.format(label=g.BUTTON_SETTING_INBOX),
                   g.DOCTOR_PATH_MISSING.format(path=settings.inbox))
    if settings.plan is None:
        report.add(INFO, g.DOCTOR_LABEL_SETTING.format(label=g.BUTTON_SETTING_PLAN), g.DOCTOR_PLAN_EMPTY)
    elif settings.plan.is_file():
        report.add(OK, g.DOCTOR_LABEL_SETTING.format(label=g.BUTTON_SETTING_PLAN), str(settings.plan))
    else:
        report.add(WARN, g.DOCTOR_LABEL_SETTING.format(label=g.BUTTON_SETTING_PLAN),
                   g.DOCTOR_PATH_MISSING.format(path=settings.plan))
    folder = settings.output.parent
    mark = OK if folder.is_dir() else WARN
    report.add(mark, g.DOCTOR_LABEL_SETTING.format(label=g.BUTTON_SETTING_OUTPUT),
               str(settings.output) + ("" if folder.is_dir() else g.DOCTOR_OUTPUT_FOLDER_MISSING.format(folder=folder)))
    period = settings.period.label if settings.period else g.DOCTOR_PERIOD_EMPTY
    report.add(INFO, g.DOCTOR_LABEL_SETTING.format(label=g.SEP_DOT.join((g.BUTTON_SETTING_YEAR, g.BUTTON_SETTING_PERIOD))),
               period)
    label = g.DOCTOR_LABEL_SETTING.format(label=g.BUTTON_SETTING_HISTORY)
    if settings.history is None:
        report.add(INFO, label, g.DOCTOR_HISTORY_EMPTY)
    elif settings.history.is_dir():
        report.add(OK, label, str(settings.history))
    else:
        report.add(INFO, label, g.DOCTOR_HISTORY_NEW.format(path=settings.history))
    if settings.pdf:
        engine = g.DOCTOR_PDF_BY_OFFICE if pdf.find_soffice() else g.DOCTOR_PDF_BY_EXCEL
        report.add(INFO, g.DOCTOR_LABEL_SETTING.format(label=g.BUTTON_SETTING_PDF),
                   g.DOCTOR_WITH_PLACE.format(value=g.BUTTON_YES, place=engine))
