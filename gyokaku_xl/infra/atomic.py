"""Atomic file output: write beside the target, then replace it in one step.

If the target cannot be replaced (on Windows: open in Excel), the old file stays intact, the new
one is kept under a fallback name beside it, and :class:`OutputLockedError` says both names.
"""

from __future__ import annotations

import os
import stat
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from gyokaku_xl import text as g
from gyokaku_xl.domain.findings import GyokakuError, OutputLockedError
from gyokaku_xl.infra.guard import refuse_protected, refuse_protected_folder
from gyokaku_xl.infra.oserror import carried_os_error, os_error_text


#: The name every temporary file of the toolkit starts with (Excel and the inbox scan pass it over).
TEMP_PREFIX = ".~tmp-"
#: When this run started: a temporary file older than that, that no writer holds, is a leftover
#: of a run that was killed mid-write.
RUN_STARTED = time.time()


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
    and the inbox scan pass it over; raises :class:`GyokakuError` when the folder is not writable
    or ``target`` would replace an input of the run (:mod:`gyokaku_xl.infra.guard`)."""
    refuse_protected(target)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        remove_leftovers(folder)
        fd, tmp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=target.suffix, dir=folder)
        os.close(fd)
    except OSError as exc:
        raise GyokakuError(g.FATAL_OUTPUT_UNWRITABLE.format(path=target, detail=os_error_text(exc))) from None
    return Path(tmp_name)


def atomic_write(target: str | Path, writer: Callable[[Path], None]) -> Path:
    """Call ``writer(tmp_path)`` and move the result onto ``target``; return the path written.

    Raises :class:`GyokakuError` when nothing could be written — a failure of the writer that
    carries an OS error (XlsxWriter's ``FileCreateError``, openpyxl's save, the zip layer, a copy)
    is told in Japanese like any other — and :class:`OutputLockedError` when the target is locked
    (the new file is then at ``error.fallback``).
    """
    target = Path(target)
    tmp = temp_beside(target)
    try:
        with held(tmp):
            writer(tmp)
        _ordinary_permissions(tmp)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        cause = None if isinstance(exc, GyokakuError) else carried_os_error(exc)
        if cause is None:
            raise
        raise GyokakuError(g.FATAL_OUTPUT_UNWRITABLE.format(path=target, detail=os_error_text(cause))) from None
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


@contextmanager
def held(tmp: Path) -> Iterator[None]:
    """Hold ``tmp`` while it is written, so that another run's :func:`remove_leftovers` passes it
    over (an advisory lock on POSIX). On Windows nothing is held: a file being written is open, and
    Windows refuses to delete an open file; one not yet opened is re-created by its writer."""
    try:
        import fcntl
        fd = os.open(tmp, os.O_RDONLY)
    except (ImportError, OSError):
        yield
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError:  # a file system without locks (some network shares): write unheld
            pass
        yield
    finally:
        os.close(fd)


def _free(path: Path) -> bool:
    """Whether no writer holds ``path`` (POSIX advisory lock; always True elsewhere)."""
    try:
        import fcntl
    except ImportError:
        return True
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:  # held by a writer, or locks not known here: not ours to remove
        return False
    finally:
        os.close(fd)
    return True


def remove_leftovers(folder: Path) -> list[Path]:
    """Remove the toolkit's temporary files in ``folder`` left by runs killed mid-write: older than
    this run and held by no writer. Anything else is left alone; returns what was removed."""
    removed = []
    try:
        entries = [e for e in os.scandir(folder) if e.name.startswith(TEMP_PREFIX)]
    except OSError:
        return removed
    for entry in entries:
        path = Path(entry.path)
        try:
            st = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(st.st_mode) or st.st_mtime >= RUN_STARTED:
                continue
            if _free(path):
                path.unlink()
                removed.append(path)
        except OSError:  # vanished, in use (Windows) or not ours to remove: leave it
            continue
    return removed


def refuse_file_as_folder(folder: str | Path | None, what: str) -> None:
    """Refuse an output folder that names an existing file; ``what`` names the output in messages."""
    if folder is not None and Path(folder).exists() and not Path(folder).is_dir():
        raise GyokakuError(g.FATAL_OUTPUT_NOT_FOLDER.format(folder=folder, what=what))


def output_folder(folder: str | Path, what: str) -> Path:
    """Create an output folder (refusing a file of that name); ``what`` names the output in messages."""
    out = Path(folder)
    refuse_file_as_folder(out, what)
    refuse_protected_folder(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GyokakuError(g.FATAL_OUTPUT_UNWRITABLE.format(path=out, detail=os_error_text(exc))) from None
    return out
