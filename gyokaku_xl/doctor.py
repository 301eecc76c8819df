"""``python -m gyokaku_xl doctor``: what the 「集約」 button and PDF output need, and what is missing.

:func:`diagnose` only looks (no printing, no xlwings import): this Python, gyokaku_xl, the xlwings
version against the pinned one (and against the VBA module inside a control workbook when one is
given), pyopenvba, LibreOffice, and the control workbook's Python path and settings.
"""

from __future__ import annotations

import os
import shutil
import sys
import warnings
import zipfile
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from . import __version__
from . import glossary as g
from .findings import GyokakuError
from .oserror import library_text

OK = "○"
WARN = "△"
FAIL = "×"
INFO = "・"

MIN_PYTHON = (3, 10)


@dataclass(frozen=True)
class Check:
    """One line of the report: a mark (○ △ × ・), what was checked, and what was found."""

    mark: str
    label: str
    detail: str

    def line(self) -> str:
        """``○ Python：3.11.7（C:\\…\\python.exe）``."""
        return f"{self.mark} {self.label}：{self.detail}"


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
        lines = ["gyokaku_xl の動作環境（○ 問題なし　△ 注意　× 要対応　・ 情報）"]
        lines += [c.line() for c in self.checks]
        lines.append("必要なものはそろっています。" if self.ok else "× の項目を直してから、もう一度確認してください。")
        return lines


def diagnose(book: Path | None = None) -> DoctorReport:
    """Check this machine (and the control workbook ``book`` when given); never raises for problems."""
    report = DoctorReport()
    _python(report)
    _xlwings(report)
    _pyopenvba(report)
    _excel_platform(report)
    _libreoffice(report)
    if book is not None:
        _book(report, Path(book))
    return report


# --- this machine -------------------------------------------------------------------------------
def _python(report: DoctorReport) -> None:
    version = ".".join(str(n) for n in sys.version_info[:3])
    mark = OK if sys.version_info[:2] >= MIN_PYTHON else FAIL
    report.add(mark, "Python", f"{version}（{sys.executable}）")
    package = Path(__file__).resolve().parent
    report.add(INFO, "gyokaku_xl", f"{__version__}（{package}）")


def _xlwings(report: DoctorReport) -> None:
    from .button_book import installed_xlwings_version, pinned_xlwings_version, xlwings_folder

    try:
        pinned = pinned_xlwings_version()
    except GyokakuError as exc:
        report.add(FAIL, "ボタンの VBA モジュール", str(exc))
        pinned = None
    installed = installed_xlwings_version()
    if installed is None:
        report.add(FAIL, "xlwings", "インストールされていません。gyokaku_xl のフォルダで「python -m pip install \".[excel]\"」を実行してください。")
        return
    if pinned is not None and installed != pinned:
        report.add(FAIL, "xlwings", f"{installed} がインストールされていますが、ボタンの VBA モジュールは {pinned} 用です。"
                   "gyokaku_xl のフォルダで「python -m pip install \".[excel]\"」を実行して入れ直してください。")
    else:
        report.add(OK, "xlwings", f"{installed}（ボタンの VBA モジュールの版 {pinned} と一致）")
    folder = xlwings_folder()
    standalone = folder / "quickstart_standalone.xlsm" if folder is not None else None
    if standalone is None or not standalone.is_file():
        report.add(FAIL, "xlwings の VBA モジュール", "xlwings のフォルダに quickstart_standalone.xlsm がありません。"
                   "xlwings を入れ直してください。")
    if sys.platform == "win32" and _version("pywin32") is None:
        report.add(FAIL, "pywin32", "インストールされていません（xlwings が Excel を操作するのに必要です）。"
                   "gyokaku_xl のフォルダで「python -m pip install \".[excel]\"」を実行してください。")


def _pyopenvba(report: DoctorReport) -> None:
    version = _version("pyopenvba")
    if version is None:
        report.add(FAIL, "pyopenvba", "インストールされていません（集約ツールの作成に必要です）。"
                   "gyokaku_xl のフォルダで「python -m pip install \".[excel]\"」を実行してください。")
    else:
        report.add(OK, "pyopenvba", f"{version}（集約ツールの作成に使います）")


def _excel_platform(report: DoctorReport) -> None:
    if sys.platform == "win32":
        report.add(OK, "Excel ボタン", "Windows です。集約ツール（.xlsm）のボタンを使えます。")
    else:
        report.add(INFO, "Excel ボタン", f"この PC は {sys.platform} です。ボタンは Windows の Excel で使います"
                   "（集約ツールの作成と、この確認はできます）。")


def _libreoffice(report: DoctorReport) -> None:
    path = find_office()
    if path:
        report.add(OK, "LibreOffice（PDF 出力）", path)
    else:
        report.add(WARN, "LibreOffice（PDF 出力）", "見つかりません。PDF を作らないなら不要です。" + g.FATAL_PDF_NO_OFFICE)


def find_office() -> str | None:
    """LibreOffice's ``soffice`` via :func:`gyokaku_xl.pdf.find_soffice`, or the PATH."""
    try:
        from .pdf import find_soffice
    except ImportError:
        found = shutil.which("soffice") or shutil.which("libreoffice")
        return str(found) if found else None
    try:
        found = find_soffice()
    except GyokakuError:
        return None
    return str(found) if found else None


def _version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


# --- the control workbook -------------------------------------------------------------------------
def _book(report: DoctorReport, book: Path) -> None:
    label = f"集約ツール「{book.name}」"
    if not book.is_file():
        report.add(FAIL, label, f"ファイルがありません（{book}）。")
        return
    if not zipfile.is_zipfile(book):
        report.add(FAIL, label, "Excel のマクロ有効ブック（.xlsm）として読めません。")
        return
    report.add(INFO, label, str(book.resolve()))
    _book_vba(report, book)
    _book_interpreter(report, book)
    _book_settings(report, book)


def _book_vba(report: DoctorReport, book: Path) -> None:
    from .button_book import VERSION_CONSTANT, installed_xlwings_version, vba_constant
    from .excel_button import BUTTON_MACRO, VBA_MODULE

    try:
        from pyopenvba import ExcelFile
        with ExcelFile(book) as wb:
            modules = wb.vba_modules()
    except ImportError:
        report.add(WARN, "ブックの VBA", "pyopenvba がないため確認できません。")
        return
    except Exception as exc:  # noqa: BLE001 - any unreadable project is one line
        report.add(FAIL, "ブックの VBA", f"VBA プロジェクトを読めません（{library_text(exc)}）。")
        return
    embedded = vba_constant(modules.get("xlwings", ""), "XLWINGS_VERSION")
    installed = installed_xlwings_version()
    if embedded is None:
        report.add(FAIL, "ブックの xlwings VBA モジュール", "ありません。「python -m gyokaku_xl button」で作り直してください。")
    elif installed is not None and embedded != installed:
        report.add(FAIL, "ブックの xlwings VBA モジュール",
                   f"{embedded} 用です（Python の xlwings は {installed}）。「python -m gyokaku_xl button」で作り直してください。")
    else:
        report.add(OK, "ブックの xlwings VBA モジュール", f"{embedded}")
    source = modules.get(VBA_MODULE)
    if source is None or f"sub {BUTTON_MACRO.lower()}" not in source.lower():
        report.add(FAIL, "ボタンのマクロ", f"{VBA_MODULE}.{BUTTON_MACRO} がありません。「python -m gyokaku_xl button」で作り直してください。")
    else:
        version = vba_constant(source, VERSION_CONSTANT)
        report.add(OK, "ボタンのマクロ", f"{VBA_MODULE}.{BUTTON_MACRO}（xlwings {version} 用）")


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


def _book_interpreter(report: DoctorReport, book: Path) -> None:
    from .button_book import CONF_INTERPRETER
    from .excel_button import SHEET_XLWINGS_CONF

    rows = _workbook_values(book, SHEET_XLWINGS_CONF, "A1:B20")
    label = "ブックの Python（xlwings.conf の INTERPRETER_WIN）"
    if rows is None:
        report.add(FAIL, label, "xlwings.conf シートがありません。「python -m gyokaku_xl button」で作り直してください。")
        return
    values = {str(a).strip().upper(): ("" if b is None else str(b).strip()) for a, b in rows if a}
    path = values.get(CONF_INTERPRETER.upper(), "")
    if not path:
        report.add(WARN, label, "空欄です（PATH にある python を使います）。")
    elif sys.platform != "win32":
        placeholder = "%LOCALAPPDATA%" in path.upper()
        report.add(WARN if placeholder else INFO, label,
                   f"{path}" + ("（Windows 以外で作成した仮の値です。Windows で作り直すか直してください）" if placeholder else ""))
    else:
        expanded = Path(os.path.expandvars(path))
        if not expanded.is_file():
            report.add(FAIL, label, f"{path} がありません。Windows で「python -m gyokaku_xl button」を実行して作り直してください。")
        elif _same_file(expanded, Path(sys.executable)):
            report.add(OK, label, f"{path}（この Python）")
        else:
            report.add(WARN, label, f"{path}（この Python {sys.executable} とは別です）")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or os.path.samefile(a, b)
    except OSError:
        return False


def _book_settings(report: DoctorReport, book: Path) -> None:
    from .excel_button import SETTINGS_LABELS, SETTINGS_SCAN, SHEET_SETTINGS, resolve_settings, settings_values

    rows = _workbook_values(book, SHEET_SETTINGS, SETTINGS_SCAN)
    if rows is None:
        report.add(FAIL, "設定", g.BUTTON_MSG_SHEET_MISSING.format(sheet=SHEET_SETTINGS))
        return
    values = settings_values(rows)
    missing = [label for label in SETTINGS_LABELS if label not in values]
    if missing:
        report.add(FAIL, "設定", g.BUTTON_MSG_SETTING_MISSING.format(label="」「".join(missing)))
        return
    try:
        settings = resolve_settings(values, book.resolve().parent)
    except GyokakuError as exc:
        report.add(FAIL, "設定", str(exc))
        return
    if settings.inbox.is_dir():
        count = sum(1 for p in settings.inbox.iterdir() if p.suffix.lower() == ".xlsx" and not p.name.startswith("~$"))
        report.add(OK, f"設定：{g.BUTTON_SETTING_INBOX}", f"{settings.inbox}（.xlsx {count} 件）")
    else:
        report.add(WARN, f"設定：{g.BUTTON_SETTING_INBOX}", f"{settings.inbox} がありません。")
    if settings.plan is None:
        report.add(INFO, f"設定：{g.BUTTON_SETTING_PLAN}", "空欄（受付フォルダの中か隣の 計画マスタ.xlsx を使います）")
    elif settings.plan.is_file():
        report.add(OK, f"設定：{g.BUTTON_SETTING_PLAN}", str(settings.plan))
    else:
        report.add(WARN, f"設定：{g.BUTTON_SETTING_PLAN}", f"{settings.plan} がありません。")
    folder = settings.output.parent
    mark = OK if folder.is_dir() else WARN
    report.add(mark, f"設定：{g.BUTTON_SETTING_OUTPUT}",
               str(settings.output) + ("" if folder.is_dir() else f"（フォルダ {folder} がありません）"))
    period = settings.period.label if settings.period else "空欄（調査票の記載から判断します）"
    report.add(INFO, f"設定：{g.BUTTON_SETTING_YEAR}・{g.BUTTON_SETTING_PERIOD}", period)
