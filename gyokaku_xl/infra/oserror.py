"""OS and library error texts as Japanese a clerk can act on (one helper for every room).

``os_error_text(exc)`` names the common cases (not found, is a folder, permission denied, disk
full, file in use, …) in Japanese; any other OS error keeps its own text only after a Japanese
sentence. ``library_text(exc)`` does the same for zipfile-style messages.
"""

from __future__ import annotations

import errno

from gyokaku_xl import text as g

#: Windows error codes that errno does not tell apart (sharing / lock violation, disk full).
_WINERROR = {
    2: g.OS_ERROR_NOT_FOUND, 3: g.OS_ERROR_NOT_FOUND, 5: g.OS_ERROR_PERMISSION,
    32: g.OS_ERROR_IN_USE, 33: g.OS_ERROR_IN_USE, 39: g.OS_ERROR_DISK_FULL, 112: g.OS_ERROR_DISK_FULL,
    53: g.OS_ERROR_NETWORK, 67: g.OS_ERROR_NETWORK, 206: g.OS_ERROR_NAME_TOO_LONG,
}

_ERRNO = {
    "ENOENT": g.OS_ERROR_NOT_FOUND,
    "EISDIR": g.OS_ERROR_IS_DIRECTORY,
    "ENOTDIR": g.OS_ERROR_NOT_DIRECTORY,
    "EACCES": g.OS_ERROR_PERMISSION,
    "EPERM": g.OS_ERROR_PERMISSION,
    "ENOSPC": g.OS_ERROR_DISK_FULL,
    "EDQUOT": g.OS_ERROR_DISK_FULL,
    "EBUSY": g.OS_ERROR_IN_USE,
    "ETXTBSY": g.OS_ERROR_IN_USE,
    "EROFS": g.OS_ERROR_READ_ONLY_FS,
    "ENAMETOOLONG": g.OS_ERROR_NAME_TOO_LONG,
    "EEXIST": g.OS_ERROR_EXISTS,
    "EIO": g.OS_ERROR_IO,
    "EHOSTUNREACH": g.OS_ERROR_NETWORK,
    "ENETUNREACH": g.OS_ERROR_NETWORK,
}
_BY_NUMBER = {getattr(errno, name): text for name, text in _ERRNO.items() if hasattr(errno, name)}


def _is_japanese(text: str) -> bool:
    return any(ord(c) > 0x3000 for c in text)


def os_error_text(exc: OSError) -> str:
    """What went wrong, in Japanese: the common errno / winerror values by name, else kept text."""
    winerror = getattr(exc, "winerror", None)
    if isinstance(winerror, int) and winerror in _WINERROR:
        return _WINERROR[winerror]
    if exc.errno in _BY_NUMBER:
        return _BY_NUMBER[exc.errno]
    detail = exc.strerror or str(exc) or type(exc).__name__
    if _is_japanese(detail):  # our own OSErrors (e.g. 「通常のファイルではありません」)
        return detail
    return g.OS_ERROR_OTHER.format(detail=detail)


def carried_os_error(exc: BaseException) -> OSError | None:
    """The OS error behind a library's exception, if any: the exception itself, its first argument
    (XlsxWriter's ``FileCreateError(OSError)``), or its cause or context, a few links deep."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen and len(seen) < 8:
        seen.add(id(current))
        if isinstance(current, OSError) and (current.errno is not None or getattr(current, "winerror", None)):
            return current
        first = current.args[0] if current.args else None
        if isinstance(first, OSError) and (first.errno is not None or getattr(first, "winerror", None)):
            return first
        current = current.__cause__ or current.__context__
    return None


def library_text(exc: BaseException) -> str:
    """A library exception (zipfile, zlib, …) as Japanese; an OSError goes to :func:`os_error_text`."""
    if isinstance(exc, OSError) and exc.errno is not None:
        return os_error_text(exc)
    return library_message(str(exc) or type(exc).__name__)


def _known_library_text(text: str) -> str | None:
    """The text package's Japanese for a library message it knows (matched by its English start)."""
    for english, japanese in g.LIBRARY_MESSAGES.items():
        if text.startswith(english):
            return japanese
    return None


def library_message(text: str) -> str:
    """A library's English message as Japanese (known texts by prefix, else kept after a sentence)."""
    known = _known_library_text(text)
    if known is not None:
        return known
    if _is_japanese(text):
        return text
    return g.LIBRARY_OTHER.format(detail=text[:200])


def zip_detail(exc: Exception) -> str:
    """A Japanese description of a zipfile error (the text package's table; never Python's text)."""
    known = _known_library_text(str(exc))
    return g.READ_DETAIL_ZIP_BROKEN if known is None else known


#: The kind (a key of ``text.READ_DETAIL_BY_KIND``) of each exception met while reading.
_EXCEPTION_KINDS = (
    (KeyError, "missing-part"), (UnicodeError, "encoding"), (ValueError, "value"),
    (NotImplementedError, "unsupported"), (MemoryError, "memory"), (RecursionError, "recursion"),
    (OSError, "io"),
)


def python_detail(exc: BaseException) -> str:
    """A Japanese description of an unexpected exception met while reading: never Python's text."""
    for kind, name in _EXCEPTION_KINDS:
        if isinstance(exc, kind):
            return g.READ_DETAIL_WITH_KIND.format(structure=g.READ_DETAIL_STRUCTURE, kind=g.READ_DETAIL_BY_KIND[name])
    return g.READ_DETAIL_STRUCTURE
