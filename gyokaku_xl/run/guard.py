"""What each command reads and must therefore never write: the protected inputs of a run.

:func:`run_inputs` lists them (the plan master, the inbox folder and so every file in it, the
earlier master, the history folder's archives, the 委員意見 file, and whatever else a command
reads, through ``extra``); :func:`refuse_outputs` checks a command's outputs against them before
any work is done; :func:`~gyokaku_xl.infra.guard.protecting` then makes every write of the run pass
the same check (see :mod:`gyokaku_xl.infra.guard`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from gyokaku_xl import text as g
from gyokaku_xl.domain.findings import GyokakuError
from gyokaku_xl.infra.guard import Protected, refuse_protected, refuse_protected_folder, same_path
from gyokaku_xl.reading.sniff import opened_by

#: The history folder's files that are archived masters (what the history reader reads).
ARCHIVE_SUFFIXES = (".xlsx", ".xlsm")

PathLike = str | Path


def run_inputs(*, plan: PathLike | None = None, inbox: PathLike | None = None,
               previous: PathLike | None = None, history: PathLike | None = None,
               opinions: PathLike | None = None, extra: Iterable[tuple[PathLike, str]] = (),
               master: PathLike | None = None) -> list[Protected]:
    """The inputs of a run as protected paths; ``extra`` adds (path, label) pairs of other inputs.
    ``master`` is the master the run replaces by design, never an archive even in the history folder.

    Raises :class:`GyokakuError` when the history folder is the inbox.
    """
    items = [Protected(Path(p), label) for p, label in ((plan, g.INPUT_PLAN), (previous, g.INPUT_PREVIOUS),
                                                        (opinions, g.INPUT_OPINIONS)) if p is not None]
    items += [Protected(Path(p), label) for p, label in extra]
    if inbox is not None:
        items.append(Protected(Path(inbox), g.INPUT_INBOX, folder=True))
    if history is not None:
        items += history_inputs(Path(history), Path(inbox) if inbox is not None else None, master)
    return items


def history_inputs(folder: Path, inbox: Path | None = None, master: PathLike | None = None) -> list[Protected]:
    """The archived masters of a history folder; refused when the folder is the inbox.

    ``master``, the master a merge replaces by design, is left out when the history folder holds it
    (a folder shared with the masters) unless it is named as an archive is.
    """
    if inbox is not None and folder.exists() and same_path(folder, inbox):
        raise GyokakuError(g.HISTORY_IS_INBOX.format(history=folder, inbox=inbox))
    try:
        names = sorted(p for p in folder.iterdir() if p.suffix.lower() in ARCHIVE_SUFFIXES and p.is_file())
    except OSError:  # absent (created on first archive) or unreadable (said by the history reader)
        return []
    own = None if master is None or is_archive_name(Path(master).name) else Path(master)
    return [Protected(p, g.INPUT_ARCHIVE) for p in names if own is None or not same_path(p, own)]


def is_archive_name(name: str) -> bool:
    """Whether ``name`` is named as the history folder's archive of some period is."""
    ending = g.HISTORY_ARCHIVE_NAME.split("{period}")[-1]
    return len(name) > len(ending) and name.casefold().endswith(ending.casefold())


def refuse_outputs(inputs: Iterable[Protected], files: Iterable[PathLike | None] = (),
                   folders: Iterable[PathLike | None] = ()) -> None:
    """Refuse, before any work, output files and output folders that would replace an input."""
    items = list(inputs)
    for file in files:
        if file is not None:
            refuse_protected(Path(file), items)
    for folder in folders:
        if folder is not None:
            refuse_protected_folder(Path(folder), items)


def open_output_notices(target: PathLike) -> list[str]:
    """A notice, said before writing, when the output about to be replaced is open in Excel."""
    owner = opened_by(Path(target))
    return [] if owner is None else [g.OUTPUT_OPEN_IN_EXCEL.format(path=target, owner=owner)]
