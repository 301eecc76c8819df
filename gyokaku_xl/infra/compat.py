"""Every use of a library's private API, in one place.

Each use has a test in ``tests/test_compat.py`` that fails when the library changes the private
thing, and a public fallback here, so that a library update makes a test fail rather than a run:

* ``zipfile._EndRecData`` (and its ``_ECD_*`` indexes): the entry count and directory size a zip's
  end record claims, read before :class:`zipfile.ZipFile` parses (and allocates) the directory.
  Private but unchanged since Python 2. Fallback: nothing is known, the checks after opening apply.
* XlsxWriter's ``Worksheet.merge`` (the plain list of merged ranges that ``merge_range`` appends to):
  registering a range there skips ``merge_range``'s per-cell overlap bookkeeping, which dominates
  writing 資料1-3. Fallback: ``merge_range``.
* argparse's ``HelpFormatter`` layout methods (``_format_usage``, ``_format_action``, ``_split_lines``,
  ``_fill_text``): the command line's help formatter overrides them to align and wrap by display
  width (a full-width character takes two console columns). :func:`argparse_usage` is argparse's own
  usage text, which that formatter rewraps. Fallback: a formatter without them is argparse's plain one.
"""

from __future__ import annotations

import argparse
import zipfile
from dataclasses import dataclass
from typing import Any, BinaryIO

#: Positions in the tuple ``zipfile._EndRecData`` returns (zipfile's own ``_ECD_*`` when present).
_ENTRIES_TOTAL = getattr(zipfile, "_ECD_ENTRIES_TOTAL", 4)
_DIRECTORY_SIZE = getattr(zipfile, "_ECD_SIZE", 5)


@dataclass(frozen=True)
class ZipEnd:
    """What a zip's end-of-central-directory record claims (0, 0 when it cannot be told)."""

    entries: int
    directory_size: int


def zip_end(fh: BinaryIO) -> ZipEnd | None:
    """The entry count and central-directory size a zip's end record claims, or None when the file
    has no end record (it is no zip). Reads only the file's tail; the position of ``fh`` moves."""
    end_record = getattr(zipfile, "_EndRecData", None)
    if end_record is None:  # a Python without it: nothing known before opening
        return ZipEnd(0, 0)
    record = end_record(fh)
    if record is None:
        return None
    return ZipEnd(record[_ENTRIES_TOTAL], record[_DIRECTORY_SIZE])


def merged_ranges(sheet: Any) -> list | None:
    """XlsxWriter's own list of a worksheet's merged ranges (``[first_row, first_col, last_row,
    last_col]`` each), or None when this XlsxWriter keeps them otherwise."""
    ranges = getattr(sheet, "merge", None)
    return ranges if isinstance(ranges, list) else None


#: The private ``HelpFormatter`` methods the command line's formatter overrides (see the module's notes).
HELP_FORMATTER_OVERRIDES = ("_format_usage", "_format_action", "_split_lines", "_fill_text")


def argparse_usage(formatter: argparse.HelpFormatter, usage: Any, actions: Any, groups: Any, prefix: Any) -> str:
    """argparse's own usage text for ``formatter`` (``HelpFormatter._format_usage``)."""
    return argparse.HelpFormatter._format_usage(formatter, usage, actions, groups, prefix)
