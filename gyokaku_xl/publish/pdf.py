"""Export the report sheets (資料1-1〜1-3) of a master workbook to PDF with LibreOffice headless.

Only the report sheets are printed: a temporary copy of the workbook has every other sheet
hidden (LibreOffice does not print hidden sheets), so page setup, print areas and page breaks
come from the workbook itself, as in Excel's print preview. Each run uses a private LibreOffice
profile, so parallel runs and CI jobs do not clash. On Linux a private fontconfig file maps the
Windows fonts the sheets name (ＭＳ 明朝 / ＭＳ ゴシック) to installed Japanese fonts.

Publication (see :mod:`gyokaku_xl.publish.libreoffice`): the private profile is Japanese (locale and default
Asian language ja-JP, Asian language support on) and carries a font replacement table for the
fonts the workbook names but the machine lacks. LibreOffice applies Japanese line-breaking rules
(kinsoku) only to cells whose style asks for it, and adds space between Japanese and Latin
characters in chart labels unless told not to, so the copy goes through LibreOffice's own flat
format first, gets that markup, and is then exported as tagged PDF (title, language, bookmarks,
PDF/UA).
"""

from __future__ import annotations

import html
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from gyokaku_xl import text as g
from gyokaku_xl.infra.atomic import atomic_write
from gyokaku_xl.domain.findings import GyokakuError
from gyokaku_xl.infra.oserror import library_text, os_error_text
from gyokaku_xl.publish.libreoffice import (PdfExport, font_substitutions, installed_families,
                                            pdf_filter_options, publication_markup,
                                            workbook_fonts_and_title, write_profile)

REPORT_SHEETS = (g.SHEET_SUMMARY, g.SHEET_LIST, g.SHEET_BY_PROGRAM, g.SHEET_OPINIONS, g.SHEET_TERM_REPORT)
DEFAULT_TIMEOUT = 240.0
#: Below this much free space in its output folder, a failed conversion is told as a full disk
#: (LibreOffice itself only says "impl_store failed" with an I/O code, in English).
LOW_DISK_BYTES = 8 * 1024 * 1024
_WORKBOOK_XML = "xl/workbook.xml"
_MAX_WORKBOOK_XML = 5 * 1024 * 1024
_SHEET_TAG = re.compile(r"<sheet\b[^>]*?/>")
_NAME_ATTR = re.compile(r'\bname="([^"]*)"')
_STATE_ATTR = re.compile(r'\sstate="[^"]*"')
#: A sheet's print area or print titles: ``<definedName name="_xlnm.Print_Area" localSheetId="3">…</definedName>``.
_PRINT_NAME = re.compile(r'<definedName\b(?=[^>]*\bname="_xlnm\.Print_(?:Area|Titles)")[^>]*'
                         r'\blocalSheetId="(\d+)"[^>]*>[^<]*</definedName>')

_CANDIDATES = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    "/opt/libreoffice/program/soffice",
    "/usr/lib/libreoffice/program/soffice",
)

#: Font families the sheets name → installed substitutes, first found wins (Linux only).
FONT_ALIASES: dict[tuple[str, ...], tuple[str, ...]] = {
    (g.FONT_MS_MINCHO, "MS Mincho", g.FONT_MS_PMINCHO, "MS PMincho"):
        ("IPAexMincho", "IPAMincho", "Noto Serif CJK JP", "Source Han Serif JP", "Noto Sans CJK JP"),
    (g.FONT_MS_GOTHIC, "MS Gothic", g.FONT_MS_PGOTHIC, "MS PGothic"):
        ("IPAexGothic", "IPAGothic", "Noto Sans CJK JP", "Source Han Sans JP"),
}


def find_soffice() -> str | None:
    """The LibreOffice executable (``soffice``) on PATH or in a usual install folder, or None."""
    for name in ("soffice", "libreoffice", "soffice.exe"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in _CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    return None


def pdf_target(master: Path, out: Path | None = None) -> Path:
    """Where the PDF goes: ``out`` itself when it names a ``.pdf`` file (and is no existing folder),
    else ``<master stem>.pdf`` in the folder ``out`` (default: beside ``master``)."""
    master = Path(master)
    if out is None:
        return master.parent / f"{master.stem}.pdf"
    out = Path(out)
    if out.suffix.lower() == ".pdf" and not out.is_dir():
        return out
    return out / f"{master.stem}.pdf"


def export_reports(master: Path, out_dir: Path | None = None, *,
                   timeout: float = DEFAULT_TIMEOUT) -> list[Path]:
    """Write one PDF holding 資料1-1〜1-3: to ``out_dir`` when it names a ``.pdf`` file, else as
    ``<master stem>.pdf`` into the folder ``out_dir`` (default: beside ``master``).

    Returns the PDF paths written. Raises :class:`GyokakuError` when LibreOffice is missing, the
    file is not a master workbook, or the conversion fails or times out.
    """
    return export_publication(master, out_dir, timeout=timeout).paths


def export_publication(master: Path, out_dir: Path | None = None, *,
                       timeout: float = DEFAULT_TIMEOUT) -> PdfExport:
    """Like :func:`export_reports`, also saying which fonts LibreOffice substituted."""
    master = Path(master)
    if not master.is_file():
        raise GyokakuError(g.FATAL_PDF_FAILED.format(detail=g.PDF_DETAIL_MISSING.format(path=master)))
    soffice = find_soffice()
    if soffice is None:
        raise GyokakuError(g.FATAL_PDF_NO_OFFICE)
    target = pdf_target(master, out_dir)
    try:
        substitutions = _export(soffice, master, target, timeout)
    except OSError as exc:  # the temporary files (disk full, no permission): one line, no traceback
        raise GyokakuError(g.FATAL_PDF_FAILED.format(detail=os_error_text(exc))) from None
    return PdfExport([target], substitutions)


def _export(soffice: str, master: Path, target: Path, timeout: float) -> dict[str, str]:
    """Convert in a temporary folder and copy the PDF to ``target``; the substitutions made."""
    with tempfile.TemporaryDirectory(prefix="gyokaku_xl-pdf-") as tmp_name:
        tmp = Path(tmp_name)
        copy = tmp / "in" / f"{master.stem}.xlsx"
        copy.parent.mkdir()
        report_only_copy(master, copy)
        fonts, title = workbook_fonts_and_title(copy)
        installed = installed_families()
        substitutions = font_substitutions(fonts, installed)
        profile = tmp / "profile"
        write_profile(profile, substitutions)
        flat = convert(soffice, copy, tmp, timeout, profile=profile, target="fods", out_name="flat")
        marked = tmp / "marked" / flat.name
        marked.parent.mkdir()
        marked.write_text(publication_markup(flat.read_text(encoding="utf-8"), title), encoding="utf-8")
        produced = convert(soffice, marked, tmp, timeout, profile=profile,
                            target=f"pdf:calc_pdf_Export:{pdf_filter_options()}", out_name="out")
        atomic_write(target, lambda path: shutil.copyfile(produced, path))
    return substitutions


def report_only_copy(master: Path, copy: Path) -> list[str]:
    """Copy ``master`` to ``copy`` with every sheet but the report sheets hidden.

    Returns the report sheets found. Raises :class:`GyokakuError` when the file is no workbook or
    has none of them.
    """
    try:
        with zipfile.ZipFile(master) as zin:
            info = zin.getinfo(_WORKBOOK_XML)
            if info.file_size > _MAX_WORKBOOK_XML:
                raise GyokakuError(g.FATAL_PDF_NO_REPORTS.format(path=master))
            workbook_xml = zin.read(info).decode("utf-8")
            edited, found = hide_other_sheets(workbook_xml, REPORT_SHEETS)
            if not found:
                raise GyokakuError(g.FATAL_PDF_NO_REPORTS.format(path=master))
            with zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as zout:
                for item in zin.infolist():
                    if item.filename == _WORKBOOK_XML:
                        zout.writestr(item, edited.encode("utf-8"))
                        continue
                    with zin.open(item) as src, zout.open(item, "w") as dst:
                        shutil.copyfileobj(src, dst, 1024 * 1024)
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError, OSError) as exc:
        raise GyokakuError(g.FATAL_PDF_UNREADABLE.format(path=master, detail=library_text(exc))) from None
    return found


def sheets_only_copy(master: Path, copy: Path, keep: tuple[str, ...]) -> None:
    """Copy ``master`` to ``copy`` with only the sheets ``keep`` visible and the first of them the
    active tab (so LibreOffice prints just those, starting there); for previews and tests."""
    with zipfile.ZipFile(master) as zin, zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == _WORKBOOK_XML:
                text, found = hide_other_sheets(data.decode("utf-8"), keep)
                names = [html.unescape(n) for n in re.findall(r'<sheet\b[^>]*\bname="([^"]*)"', text)]
                active = names.index(found[0]) if found else 0
                text = re.sub(r"<workbookView\b", f'<workbookView activeTab="{active}" firstSheet="{active}"', text, 1)
                data = text.encode("utf-8")
            elif re.fullmatch(r"xl/worksheets/sheet\d+\.xml", item.filename):
                data = data.replace(b' tabSelected="1"', b"")
            zout.writestr(item, data)


def hide_other_sheets(workbook_xml: str, keep: tuple[str, ...]) -> tuple[str, list[str]]:
    """Mark every ``<sheet>`` not named in ``keep`` hidden; returns the XML and the kept names.

    The hidden sheets' print areas and print titles are dropped too: LibreOffice prints a hidden
    sheet that has a print area.
    """
    found: list[str] = []
    hidden: set[str] = set()
    position = 0

    def edit(match: re.Match[str]) -> str:
        nonlocal position
        tag = match.group(0)
        name_match = _NAME_ATTR.search(tag)
        name = html.unescape(name_match.group(1)) if name_match else ""
        tag = _STATE_ATTR.sub("", tag)
        index, position = position, position + 1
        if name in keep:
            found.append(name)
            return tag
        hidden.add(str(index))
        return tag[:-2].rstrip() + ' state="hidden"/>'

    edited = _SHEET_TAG.sub(edit, workbook_xml)

    def drop(match: re.Match[str]) -> str:
        return "" if match.group(1) in hidden else match.group(0)

    return _PRINT_NAME.sub(drop, edited), found


def fontconfig_file(folder: Path) -> Path | None:
    """On Linux, a fontconfig file that adds :data:`FONT_ALIASES` to the system setup."""
    if not sys.platform.startswith("linux"):
        return None
    base = os.environ.get("FONTCONFIG_FILE") or "/etc/fonts/fonts.conf"
    if not Path(base).is_file():
        return None
    aliases = []
    for names, substitutes in FONT_ALIASES.items():
        prefer = "".join(f"<family>{html.escape(s)}</family>" for s in substitutes)
        aliases += [f'  <alias binding="same"><family>{html.escape(n)}</family><prefer>{prefer}</prefer></alias>'
                    for n in names]
    text = ('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
            f'  <include ignore_missing="yes">{html.escape(base)}</include>\n' + "\n".join(aliases) +
            "\n</fontconfig>\n")
    path = folder / "fonts.conf"
    path.write_text(text, encoding="utf-8")
    return path


def convert(soffice: str, source: Path, tmp: Path, timeout: float = DEFAULT_TIMEOUT, *,
            profile: Path | None = None, target: str = "pdf", out_name: str = "out") -> Path:
    """Run LibreOffice headless on ``source``; returns the file it wrote in ``tmp/<out_name>``.

    ``target`` is the ``--convert-to`` argument (format, optionally with filter and options);
    ``profile`` the private LibreOffice profile (default: a Japanese one without font replacements,
    made in ``tmp``), so a plain conversion (a form, a preview) also follows kinsoku settings.
    """
    if profile is None:
        profile = tmp / f"{out_name}-profile"
        write_profile(profile, {})
    out = tmp / out_name
    out.mkdir()
    env = dict(os.environ)
    fonts = fontconfig_file(tmp)
    if fonts is not None:
        env["FONTCONFIG_FILE"] = str(fonts)
    command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible",
               "--nologo", "--nodefault", "--nolockcheck", "--norestore",
               "--convert-to", target, "--outdir", str(out), str(source)]
    posix = os.name == "posix"
    try:
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                                start_new_session=posix)
    except OSError as exc:
        raise GyokakuError(g.FATAL_PDF_FAILED.format(detail=os_error_text(exc))) from None
    try:
        _stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _stop(proc, posix)
        raise GyokakuError(g.FATAL_PDF_FAILED.format(detail=g.PDF_DETAIL_TIMEOUT.format(
            seconds=int(timeout)))) from None
    produced = out / f"{source.stem}.{target.split(':')[0]}"
    if proc.returncode != 0 or not produced.is_file() or produced.stat().st_size == 0:
        raise GyokakuError(g.FATAL_PDF_FAILED.format(detail=_failure_detail(out, proc.returncode, stderr)))
    return produced


def _failure_detail(out: Path, returncode: int | None, stderr: bytes) -> str:
    """Why LibreOffice produced nothing: a full disk or an unwritable folder said as the OS errors
    are, else its exit code and last line."""
    try:
        if shutil.disk_usage(out).free < LOW_DISK_BYTES:
            return g.OS_ERROR_DISK_FULL
    except OSError:
        pass
    if not os.access(out, os.W_OK):
        return g.OS_ERROR_PERMISSION
    detail = stderr.decode("utf-8", "replace").strip().splitlines()
    return (g.PDF_DETAIL_EXIT_SAID.format(code=returncode, said=detail[-1]) if detail
            else g.PDF_DETAIL_EXIT.format(code=returncode))


def _stop(proc: subprocess.Popen, posix: bool) -> None:
    """Stop LibreOffice and the processes it started (its own process group on POSIX)."""
    try:
        if posix:
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.kill()
    except (ProcessLookupError, PermissionError, OSError):
        pass
    try:
        proc.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        pass
