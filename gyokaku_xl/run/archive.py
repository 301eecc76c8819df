"""The history folder's archive: each period's master kept as one file."""

from __future__ import annotations

import shutil
from pathlib import Path

from gyokaku_xl import text as g
from gyokaku_xl.domain.findings import GyokakuError, OutputLockedError
from gyokaku_xl.domain.model import Period
from gyokaku_xl.infra.atomic import atomic_write
from gyokaku_xl.infra.guard import replacing
from gyokaku_xl.infra.oserror import os_error_text
from gyokaku_xl.reading.history import archive_name
from gyokaku_xl.run.inputs import checked_history_folder


def archive_master(master: str | Path, folder: str | Path, period: Period) -> Path:
    """Copy a freshly written master into the history folder as the period's one archive file.

    Written atomically; a re-run of the period replaces the archive. When the archive is open
    elsewhere the old archive stays, no second file is left behind, and :class:`GyokakuError`
    says so. Raises :class:`GyokakuError` when the folder cannot be written.
    """
    target = checked_history_folder(Path(folder)) / archive_name(period)
    try:
        with replacing(target):  # the period's own archive, protected from every other output
            return atomic_write(target, lambda tmp: shutil.copyfile(master, tmp))
    except OutputLockedError as exc:
        Path(exc.fallback).unlink(missing_ok=True)
        raise GyokakuError(g.HISTORY_ARCHIVE_LOCKED.format(path=target)) from None
    except OSError as exc:
        raise GyokakuError(g.HISTORY_ARCHIVE_FAILED.format(detail=os_error_text(exc))) from None
