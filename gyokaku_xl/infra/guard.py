"""Outputs never replace inputs: the one check every output passes through.

A run names what it reads (:class:`Protected`: the plan master, the inbox folder, the earlier
master, the history folder's archives, the 委員意見 file, …) with :func:`protecting`; from then
on :func:`refuse_protected` — called by :func:`~gyokaku_xl.infra.atomic.atomic_write` and
:func:`~gyokaku_xl.infra.atomic.output_folder` for every file and folder written — refuses an
output that is one of those files or lies in one of those folders, with one Japanese line naming
both. Commands also call it up front, so that a wrong ``-o`` is said before any work is done.

Paths are compared as the file system sees them: resolved, and by the file's identity when both
exist; where the file system gives no identity (some network shares), by name — ignoring case
only where the folder is found to ignore it (probed, never assumed).
"""

from __future__ import annotations

import os
import unicodedata
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from gyokaku_xl import text as g
from gyokaku_xl.domain.findings import GyokakuError


@dataclass(frozen=True)
class Protected:
    """An input no output may replace: a file, or a folder no output may be written into."""

    path: Path
    label: str  # what it is, in Japanese (計画マスタ, 受付フォルダ, …)
    folder: bool = False


_ACTIVE: ContextVar[tuple[Protected, ...]] = ContextVar("gyokaku_protected", default=())
_REPLACEABLE: ContextVar[tuple[Path, ...]] = ContextVar("gyokaku_replaceable", default=())


@contextmanager
def protecting(items: Iterable[Protected]) -> Iterator[None]:
    """Within the block, every output is checked against ``items`` (and what was protected before)."""
    token = _ACTIVE.set(_ACTIVE.get() + tuple(items))
    try:
        yield
    finally:
        _ACTIVE.reset(token)


@contextmanager
def replacing(path: Path) -> Iterator[None]:
    """Within the block, ``path`` may be replaced although protected (the period's own archive)."""
    token = _REPLACEABLE.set(_REPLACEABLE.get() + (Path(path),))
    try:
        yield
    finally:
        _REPLACEABLE.reset(token)


def active() -> tuple[Protected, ...]:
    """What is protected now."""
    return _ACTIVE.get()


def refuse_protected(target: str | Path, items: Iterable[Protected] | None = None) -> None:
    """Raise :class:`GyokakuError` when writing the file ``target`` would replace a protected input
    or put a file into a protected folder (``items``: those protected now when None)."""
    target = Path(target)
    for item in (active() if items is None else items):
        if item.folder:
            if same_path(target.parent if str(target.parent) else Path("."), item.path):
                raise GyokakuError(g.OUTPUT_IN_FOLDER.format(output=target, what=item.label, input=item.path))
        elif same_path(target, item.path) and not any(same_path(target, p) for p in _REPLACEABLE.get()):
            raise GyokakuError(g.OUTPUT_IS_INPUT.format(output=target, what=item.label, input=item.path))


def refuse_protected_folder(folder: str | Path, items: Iterable[Protected] | None = None) -> None:
    """Raise :class:`GyokakuError` when ``folder`` (where outputs go) is a protected folder."""
    folder = Path(folder)
    for item in (active() if items is None else items):
        if item.folder and same_path(folder, item.path):
            raise GyokakuError(g.OUTPUT_IN_FOLDER.format(output=folder, what=item.label, input=item.path))


def same_path(a: str | Path, b: str | Path) -> bool:
    """Whether ``a`` and ``b`` name the same file or folder on this file system."""
    a, b = _absolute(Path(a)), _absolute(Path(b))
    if os.path.normcase(str(a)) == os.path.normcase(str(b)):
        return True
    try:
        sa, sb = os.stat(a), os.stat(b)
    except (OSError, ValueError):
        return False  # one of them does not exist: it cannot be the other, which does
    ida, idb = _file_id(sa), _file_id(sb)
    if ida is not None and idb is not None:
        return ida == idb
    # No file identity (some network file systems): the same folder and a name it treats as equal.
    if a.parent == a or b.parent == b or not same_path(a.parent, b.parent):
        return False
    return _same_name(b.parent, a.name, b.name)


def _file_id(st: os.stat_result) -> tuple[int, int] | None:
    """The file's identity (device, file number), None where the file system gives none (0)."""
    return (st.st_dev, st.st_ino) if st.st_ino else None


def _absolute(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))


def _same_name(folder: Path, a: str, b: str) -> bool:
    """Whether ``folder`` treats the names ``a`` and ``b`` as one (``b`` exists in it)."""
    if a == b:
        return True
    if unicodedata.normalize("NFC", a) == unicodedata.normalize("NFC", b) and _probe(folder, b, "NFD"):
        return True
    return a.casefold() == b.casefold() and _probe(folder, b, "case")


def _probe(folder: Path, existing: str, kind: str) -> bool:
    """Whether ``folder`` finds the file ``existing`` under another spelling of its name: in other
    letter case (``kind`` "case") or in the other Unicode normal form ("NFD")."""
    if kind == "case":
        other = existing.swapcase()
    else:
        nfd = unicodedata.normalize("NFD", existing)
        other = nfd if nfd != existing else unicodedata.normalize("NFC", existing)
    return other != existing and (folder / other).exists()
