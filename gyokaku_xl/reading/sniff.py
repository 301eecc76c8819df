"""List an inbox folder and tell, by content, what each file is.

:func:`sniff` decides a file's kind from its first bytes and, for zip and OLE2 compound files, from
the names of the parts or streams inside (never from the extension: a ``.xlsx`` that is really an
``.xls`` is reported as ``legacy-xls``). :func:`scan_inbox` lists a folder into
:class:`InboxEntry` records; every file that cannot be read carries its finding, so nothing in the
inbox is passed over silently.

Kinds (``InboxEntry.kind`` and the result of :func:`sniff`):

=============  ==========================================================================
``xlsx``       a zip holding ``xl/workbook.xml`` — readable
``xlsm``       the same, macro-enabled — readable (macros are never run); carries an 情報 note
``xlsb``       a zip holding ``xl/workbook.bin`` (Excel binary workbook) — エラー
``encrypted``  an OLE2 file with ``EncryptionInfo``/``EncryptedPackage``: a password-protected
               .xlsx — エラー
``legacy-xls`` an OLE2 file with a ``Workbook``/``Book`` stream (Excel 97-2003) — エラー
``lock``       an Excel owner file ``~$name.xlsx`` (or LibreOffice ``.~lock.name#``) — 情報
               naming who holds the original
``empty``      a file of 0 bytes (a save or copy that failed) — エラー
``not-excel``  anything else: PDF, CSV, .docx and other zips, other OLE2 files — エラー
``corrupt-zip`` starts like a zip but its directory cannot be read — エラー
``corrupt-file`` starts like an OLE2 compound file but cannot be read — エラー
``unreadable`` the file cannot be opened (permissions, vanished) — エラー
``ignored``    a subfolder: its contents are not read (only files directly in the inbox are) — 情報
=============  ==========================================================================

Operating-system clutter (``Thumbs.db``, ``desktop.ini``, ``.DS_Store`` and macOS ``._name``
AppleDouble companions) is left out of the listing: these files are written by Windows Explorer
and macOS Finder themselves, never by a department, and are not submissions.
"""

from __future__ import annotations

import errno
import os
import stat
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable

from gyokaku_xl import text as g
from gyokaku_xl.domain.findings import ERROR, INFO, Finding, GyokakuError, make
from gyokaku_xl.domain.inbox import (XLSX, XLSM, XLSB, ENCRYPTED, LEGACY_XLS, LOCK, NOT_EXCEL,
                                     CORRUPT_ZIP, CORRUPT_FILE, UNREADABLE, IGNORED, EMPTY, InboxEntry)
from gyokaku_xl.infra.compat import zip_end
from gyokaku_xl.infra.oserror import os_error_text, python_detail, zip_detail

#: Files written by the operating system's file browsers (compared case-insensitively).
OS_JUNK_NAMES = frozenset({"thumbs.db", "ehthumbs.db", "desktop.ini", ".ds_store"})

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
APPLEDOUBLE_MAGIC = b"\x00\x05\x16\x07"
#: The detail shown for an OLE2 compound file whose structure cannot be read.
CORRUPT_OLE_DETAIL = g.SNIFF_CORRUPT_OLE
#: More zip entries than any workbook has (the reader's ``Limits.max_members`` agrees).
MAX_ZIP_ENTRIES = 10_000
#: Owner files are 162–165 bytes; anything much larger named ``~$…`` is not one.
MAX_LOCK_FILE_BYTES = 4096

#: Finding code for each kind that is not simply readable.
_KIND_CODES = {
    XLSM: "macro-enabled",
    XLSB: "binary-workbook",
    ENCRYPTED: "encrypted",
    LEGACY_XLS: "legacy-xls",
    LOCK: "lock-file",
    NOT_EXCEL: "not-excel",
    EMPTY: "empty-file",
    CORRUPT_ZIP: "corrupt-zip",
    CORRUPT_FILE: "corrupt-file",
    UNREADABLE: "read-failed",
    IGNORED: "subfolder-skipped",
}


@dataclass(frozen=True)
class _Sniffed:
    kind: str
    detail: str = ""  # for corrupt kinds: what went wrong
    seen: str = ""  # for not-excel: what the file looks like


# --- sniffing ------------------------------------------------------------------------------------

def sniff(path: Path) -> str:
    """The kind of the file at ``path``, decided by its content (see the module docstring)."""
    return _sniff(Path(path)).kind


class NotRegularFileError(OSError):
    """The path is a pipe, a device or a socket: reading it could block or never end."""


def open_regular(path: Path) -> BinaryIO:
    """Open a regular file for binary reading, never blocking on a pipe or a device.

    Raises :class:`IsADirectoryError` for a folder, :class:`NotRegularFileError` for other
    non-files and the usual :class:`OSError` subclasses (permissions, missing file).
    """
    st = os.stat(path)
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, g.SNIFF_FOLDER, str(path))
    if not stat.S_ISREG(st.st_mode):
        raise NotRegularFileError(errno.EINVAL, g.SNIFF_NOT_REGULAR, str(path))
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped for something else meanwhile
            raise NotRegularFileError(errno.EINVAL, g.SNIFF_NOT_REGULAR, str(path))
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _sniff(path: Path) -> _Sniffed:
    try:
        st = path.stat()
    except OSError as exc:
        return _Sniffed(UNREADABLE, detail=_os_detail(exc))
    if stat.S_ISDIR(st.st_mode):
        return _Sniffed(IGNORED)
    if not stat.S_ISREG(st.st_mode):  # a pipe or device would block or never end
        return _Sniffed(NOT_EXCEL, seen=g.SNIFF_SPECIAL_FILE)
    try:
        with open_regular(path) as fh:
            head = fh.read(512)
            if _is_lock_name(path.name) and len(head) <= MAX_LOCK_FILE_BYTES \
                    and not head.startswith(ZIP_MAGIC) and not head.startswith(OLE_MAGIC):
                return _Sniffed(LOCK)
            if head.startswith(ZIP_MAGIC):
                return _sniff_zip(fh)
            if head.startswith(OLE_MAGIC):
                return _sniff_ole(fh)
    except NotRegularFileError:
        return _Sniffed(NOT_EXCEL, seen=g.SNIFF_SPECIAL_FILE)
    except OSError as exc:
        return _Sniffed(UNREADABLE, detail=_os_detail(exc))
    if not head and st.st_size == 0:  # a save or copy that failed: say so, not "not Excel"
        return _Sniffed(EMPTY, seen=g.SNIFF_ZERO_BYTES)
    return _Sniffed(NOT_EXCEL, seen=_describe(head, st.st_size))


def _os_detail(exc: OSError) -> str:
    return os_error_text(exc)


def _is_lock_name(name: str) -> bool:
    return name.startswith("~$") or (name.startswith(".~lock.") and name.endswith("#"))


def _sniff_zip(fh) -> _Sniffed:
    try:
        end = zip_end(fh)
        if end is None:
            return _Sniffed(CORRUPT_ZIP, detail=g.READ_DETAIL_ZIP_NO_END)
        entries = end.entries
        if entries > MAX_ZIP_ENTRIES:  # no workbook has that many parts; don't parse them all
            return _Sniffed(NOT_EXCEL, seen=g.SNIFF_ZIP_MANY.format(entries=entries))
        fh.seek(0)
        with zipfile.ZipFile(fh) as zf:
            names = {n.lower() for n in zf.namelist()}  # part names compare case-insensitively
            if "xl/workbook.xml" in names:
                return _Sniffed(XLSM if _is_macro_enabled(zf, names) else XLSX)
            if "xl/workbook.bin" in names:
                return _Sniffed(XLSB)
            return _Sniffed(NOT_EXCEL, seen=_describe_zip(zf, names))
    except Exception as exc:  # noqa: BLE001 - BadZipFile, struct and seek errors on hostile input
        return _Sniffed(CORRUPT_ZIP, detail=zip_detail(exc) if isinstance(exc, zipfile.BadZipFile)
                        else python_detail(exc))


def _is_macro_enabled(zf: zipfile.ZipFile, names: set[str]) -> bool:
    if "xl/vbaproject.bin" in names:
        return True
    try:
        info = zf.getinfo("[Content_Types].xml")
        if not _safe_to_inflate(info, 1024 * 1024):
            return False
        with zf.open(info) as stream:
            return b"macroEnabled" in stream.read(1024 * 1024)
    except (KeyError, zipfile.BadZipFile, ValueError, EOFError, OSError, NotImplementedError,
            RuntimeError):
        return False


def _safe_to_inflate(info: zipfile.ZipInfo, max_bytes: int) -> bool:
    """Small, and stored or deflated (the methods whose reader stops at the declared size)."""
    return info.file_size <= max_bytes and info.compress_type in (zipfile.ZIP_STORED,
                                                                  zipfile.ZIP_DEFLATED)


def _describe_zip(zf: zipfile.ZipFile, names: set[str]) -> str:
    if "word/document.xml" in names:
        return g.SNIFF_DOCX
    if "ppt/presentation.xml" in names:
        return g.SNIFF_PPTX
    if "mimetype" in names and "content.xml" in names:
        try:
            info = zf.getinfo("mimetype")
            mime = b""
            if _safe_to_inflate(info, 1024):
                with zf.open(info) as stream:
                    mime = stream.read(200)
        except (zipfile.BadZipFile, ValueError, EOFError, OSError, NotImplementedError, RuntimeError):
            mime = b""
        if b"spreadsheet" in mime:
            return g.SNIFF_ODS
        return g.SNIFF_ODF
    if any(n.lower().endswith((".xlsx", ".xlsm")) for n in names):
        return g.SNIFF_ZIP_WITH_XLSX
    return g.SNIFF_ZIP


def _sniff_ole(fh) -> _Sniffed:
    import olefile  # only needed for OLE2 files

    try:
        fh.seek(0)
        with olefile.OleFileIO(fh) as ole:
            if ole.exists("EncryptionInfo") and ole.exists("EncryptedPackage"):
                return _Sniffed(ENCRYPTED)
            if ole.exists("Workbook") or ole.exists("Book"):
                return _Sniffed(LEGACY_XLS)
            if ole.exists("WordDocument"):
                return _Sniffed(NOT_EXCEL, seen=g.SNIFF_DOC)
            if ole.exists("PowerPoint Document"):
                return _Sniffed(NOT_EXCEL, seen=g.SNIFF_PPT)
            return _Sniffed(NOT_EXCEL, seen=g.SNIFF_OLE)
    except Exception:  # noqa: BLE001 - olefile raises many kinds on hostile input
        return _Sniffed(CORRUPT_FILE, detail=CORRUPT_OLE_DETAIL)


def _describe(head: bytes, size: int) -> str:
    if size == 0:
        return g.SNIFF_EMPTY_FILE
    if head.startswith(b"%PDF"):
        return "PDF"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"<?xml") and b"urn:schemas-microsoft-com:office:spreadsheet" in head.lower():
        return g.SNIFF_XML_SPREADSHEET
    if text.startswith((b"<html", b"<!doctype html")) or b"<html" in text[:200]:
        return g.SNIFF_HTML
    if text.startswith(b"<?xml"):
        return "XML"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return g.SNIFF_IMAGE
    if b"\x00" not in head:
        return g.SNIFF_TEXT
    return g.SNIFF_UNKNOWN


# --- lock files ----------------------------------------------------------------------------------

def lock_owner(path: Path) -> str | None:
    """Who holds the original file, read from an owner (lock) file; None when it cannot be told.

    Excel's ``~$name.xlsx``: byte 0 is the length of the user name in the Windows code page, the
    name follows padded to offset 54 (0x36) or 55, where a 2-byte length and a UTF-16LE copy of
    the name start. The UTF-16 copy is preferred; the code-page copy (cp932) is the fallback.
    LibreOffice's ``.~lock.name#`` is one CSV line whose first field is the user name.
    """
    try:
        with open_regular(path) as fh:
            data = fh.read(MAX_LOCK_FILE_BYTES + 1)
    except OSError:
        return None
    if not data or len(data) > MAX_LOCK_FILE_BYTES:
        return None
    if Path(path).name.startswith(".~lock."):
        return _libreoffice_owner(data)
    return _excel_owner(data)


def owner_file(path: Path) -> Path | None:
    """The owner (lock) file Excel (``~$name``) or LibreOffice (``.~lock.name#``) keeps beside
    ``path`` while it has the file open; None when there is none."""
    path = Path(path)
    for name in ("~$" + path.name, f".~lock.{path.name}#"):
        candidate = path.with_name(name)
        try:
            if candidate.is_file():
                return candidate
        except OSError:
            continue
    return None


def opened_by(path: Path) -> str | None:
    """Who has ``path`` open in Excel or LibreOffice, as shown to users (「山田 さん」, or 「他の利用者」
    when the owner file does not tell); None when the file is not open."""
    lock = owner_file(path)
    if lock is None:
        return None
    owner = lock_owner(lock)
    return g.OWNER_NAMED.format(owner=owner) if owner else g.OWNER_UNKNOWN


def _excel_owner(data: bytes) -> str | None:
    n = data[0]
    if not 0 < n <= 54:
        return None
    for pos in (55, 54):  # Excel/PowerPoint place the 2-byte length at 55, Word at 54
        if len(data) < pos + 2:
            continue
        count = int.from_bytes(data[pos:pos + 2], "little")
        if not 0 < count <= 54 or len(data) < pos + 2 + 2 * count:
            continue
        name = _clean_name(data[pos + 2:pos + 2 + 2 * count], "utf-16-le")
        if name:
            return name
    return _clean_name(data[1:1 + n], "cp932")


def _libreoffice_owner(data: bytes) -> str | None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    fields = text.split(",")
    if len(fields) < 3:
        return None
    for candidate in (fields[0], fields[2]):  # the office user name, else the system login
        name = _clean_name(candidate.replace("\\", "").encode("utf-8"), "utf-8")
        if name:
            return name
    return None


def _clean_name(raw: bytes, encoding: str) -> str | None:
    try:
        name = raw.decode(encoding).strip()
    except UnicodeDecodeError:
        return None
    # Any letters, marks, digits, punctuation and spaces (U+3000 included); no control,
    # format, surrogate, private-use or unassigned characters.
    if not name or any(unicodedata.category(ch)[0] == "C" for ch in name):
        return None
    return name


# --- the inbox -----------------------------------------------------------------------------------

def scan_inbox(folder: Path, exclude: Iterable[Path] = ()) -> list[InboxEntry]:
    """Everything directly in ``folder``, sorted by name, each with its kind and finding.

    Subfolders are not read; each is listed as kind ``ignored`` with an 情報 finding.
    Operating-system clutter is left out (see the module docstring). Paths in ``exclude`` (such
    as the plan master kept in the inbox) are left out. Raises :class:`GyokakuError` when the
    folder itself cannot be listed.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise GyokakuError(g.FATAL_INBOX_MISSING.format(path=folder))
    skip = {_identity(Path(p)) for p in exclude}
    try:
        with os.scandir(folder) as it:
            names = [e.name for e in it]
    except OSError as exc:
        raise GyokakuError(g.FATAL_INBOX_UNREADABLE.format(path=folder, detail=_os_detail(exc))) from None
    entries = []
    for name in sorted(names, key=_name_key):
        path = folder / name
        if _identity(path) in skip or _is_os_junk(path):
            continue
        entries.append(_entry(path))
    return entries


def _name_key(name: str) -> tuple[str, str]:
    # NFC first so that names copied from macOS (NFD) sort with their Windows twins; then raw.
    return unicodedata.normalize("NFC", name), name


def _identity(path: Path) -> str:
    try:
        return os.path.normcase(str(path.resolve()))
    except (OSError, RuntimeError):
        return os.path.normcase(os.path.abspath(path))


def _is_os_junk(path: Path) -> bool:
    if path.name.lower() in OS_JUNK_NAMES:
        return True
    if path.name.startswith("._"):  # macOS AppleDouble companion: check its magic to be sure
        try:
            with open_regular(path) as fh:
                return fh.read(4) == APPLEDOUBLE_MAGIC
        except OSError:
            return False
    return False


def _entry(path: Path) -> InboxEntry:
    sniffed = _sniff(path)
    return InboxEntry(path, sniffed.kind, _finding(path, sniffed))


def _finding(path: Path, sniffed: _Sniffed) -> Finding | None:
    kind = sniffed.kind
    code = _KIND_CODES.get(kind)
    if code is None:
        return None
    file = path.name
    if kind == LOCK:
        owner = lock_owner(path)
        if path.name.startswith(".~lock."):
            code = "lock-file-libreoffice"
        return make(code, INFO, file=file, owner=g.LOCK_OWNER.format(owner=owner) if owner else g.LOCK_OWNER_UNKNOWN,
                    original=_locked_original(path.name), value=owner)
    if kind in (XLSM, IGNORED):
        return make(code, INFO, file=file, value=path.name)
    if kind in (NOT_EXCEL, EMPTY):
        return make(code, ERROR, file=file, value=sniffed.seen)
    return make(code, ERROR, file=file, detail=sniffed.detail)


def _locked_original(name: str) -> str:
    if name.startswith("~$"):
        return name[2:]
    if name.startswith(".~lock.") and name.endswith("#"):
        return name[len(".~lock."):-1]
    return name
