"""Atomic file output: write beside the target, then replace it in one step.

If the target cannot be replaced (on Windows: open in Excel), the old file stays intact, the new
one is kept under a fallback name beside it, and :class:`OutputLockedError` says both names.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable

from gyokaku_xl import text as g
from gyokaku_xl.domain.findings import GyokakuError, OutputLockedError
from gyokaku_xl.infra.oserror import os_error_text


def _replace(src: Path, dst: Path) -> None:
    """Indirection so tests can simulate a locked target."""
    os.replace(src, dst)


def _ordinary_permissions(path: Path) -> None:
    """Give the file the permissions a normally created file gets (mkstemp makes it private)."""
    umask = os.umask(0)
    os.umask(umask)
    try:
        os.chmod(path, 0o666 & ~umask)
    except OSError:
        pass


def fallback_path(target: Path) -> Path:
    """A free name beside ``target``: ``集約結果(2).xlsx``, ``集約結果(3).xlsx`` …"""
    n = 2
    while True:
        candidate = target.with_name(f"{target.stem}({n}){target.suffix}")
        if not candidate.exists():
            return candidate
        n += 1


def temp_beside(target: Path) -> Path:
    """A new empty temporary file in ``target``'s folder (created if needed), named so that Excel
    and the inbox scan pass it over; raises :class:`GyokakuError` when the folder is not writable."""
    folder = target.parent if str(target.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".~tmp-", suffix=target.suffix, dir=folder)
        os.close(fd)
    except OSError as exc:
        raise GyokakuError(g.FATAL_OUTPUT_UNWRITABLE.format(path=target, detail=os_error_text(exc))) from None
    return Path(tmp_name)


def atomic_write(target: str | Path, writer: Callable[[Path], None]) -> Path:
    """Call ``writer(tmp_path)`` and move the result onto ``target``; return the path written.

    Raises :class:`GyokakuError` when nothing could be written and :class:`OutputLockedError` when
    the target is locked (the new file is then at ``error.fallback``).
    """
    target = Path(target)
    tmp = temp_beside(target)
    try:
        writer(tmp)
        _ordinary_permissions(tmp)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    try:
        _replace(tmp, target)
    except PermissionError:
        fallback = fallback_path(target)
        try:
            _replace(tmp, fallback)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise GyokakuError(g.FATAL_OUTPUT_UNWRITABLE.format(path=target, detail=os_error_text(exc))) from None
        raise OutputLockedError(g.FATAL_OUTPUT_LOCKED.format(path=target, fallback=fallback),
                                str(target), str(fallback)) from None
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise GyokakuError(g.FATAL_OUTPUT_UNWRITABLE.format(path=target, detail=os_error_text(exc))) from None
    return target


def refuse_file_as_folder(folder: str | Path | None, what: str) -> None:
    """Refuse an output folder that names an existing file; ``what`` names the output in messages."""
    if folder is not None and Path(folder).exists() and not Path(folder).is_dir():
        raise GyokakuError(g.FATAL_OUTPUT_NOT_FOLDER.format(folder=folder, what=what))


def output_folder(folder: str | Path, what: str) -> Path:
    """Create an output folder (refusing a file of that name); ``what`` names the output in messages."""
    out = Path(folder)
    refuse_file_as_folder(out, what)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GyokakuError(g.FATAL_OUTPUT_UNWRITABLE.format(path=out, detail=os_error_text(exc))) from None
    return out
