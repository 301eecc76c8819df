"""What an inbox holds: the kinds of file found in it, and one entry per file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gyokaku_xl.domain.findings import Finding

XLSX = "xlsx"
XLSM = "xlsm"
XLSB = "xlsb"
ENCRYPTED = "encrypted"
LEGACY_XLS = "legacy-xls"
LOCK = "lock"
NOT_EXCEL = "not-excel"
CORRUPT_ZIP = "corrupt-zip"
CORRUPT_FILE = "corrupt-file"
UNREADABLE = "unreadable"
IGNORED = "ignored"
EMPTY = "empty"

#: Kinds whose cells :func:`gyokaku_xl.reading.xlsx.read_workbook` can read.
READABLE_KINDS = frozenset({XLSX, XLSM})
#: Kinds that are passed over with an 情報 note, neither read nor rejected.
SKIPPED_KINDS = frozenset({LOCK, IGNORED})


@dataclass(frozen=True)
class InboxEntry:
    """One thing found directly in the inbox: its path, its kind and, unless plain .xlsx, a finding."""

    path: Path
    kind: str
    finding: Finding | None = None

    @property
    def readable(self) -> bool:
        """True when the file is a workbook the reader can open (.xlsx / .xlsm)."""
        return self.kind in READABLE_KINDS

    @property
    def skipped(self) -> bool:
        """True for entries passed over with a note (lock files, subfolders): not rejections."""
        return self.kind in SKIPPED_KINDS

    @property
    def rejected(self) -> bool:
        """True when the file is a submission that cannot be read at all."""
        return not self.readable and not self.skipped
