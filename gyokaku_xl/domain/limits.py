"""Bounds on what one file and one run may hold: the guards against huge and hostile input."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Guards against huge and hostile files."""

    max_file_bytes: int = 50 * 1024 * 1024
    max_member_bytes: int = 100 * 1024 * 1024
    max_total_bytes: int = 300 * 1024 * 1024
    max_ratio: int = 200
    ratio_floor_bytes: int = 1024 * 1024
    max_rows: int = 20000
    max_cols: int = 200
    max_cells: int = 1_000_000
    max_shared_strings: int = 500_000
    max_members: int = 10_000
    max_sheets: int = 1_000
    max_xml_elements: int = 1_000_000  # one streamed sheet or shared-strings part
    max_part_elements: int = 100_000  # workbook, relationships, properties
    max_record_elements: int = 50_000  # inside one row or one shared string
    max_xml_depth: int = 64
    tree_part_bytes: int = 2 * 1024 * 1024  # parts up to this declared size are parsed whole
    # The whole run (every form of an inbox together): beyond these, further files are rejected.
    max_run_rows: int = 60_000
    max_run_cells: int = 1_000_000
    max_run_findings: int = 60_000  # also below Excel's 65,530 links in the 検証結果 sheet
    # What the run reads, kept or not: files that cannot fit are read only until they cannot, and
    # past these, only until their first row (so time does not grow with their number).
    max_run_read_rows: int = 120_000
    max_run_read_cells: int = 2_000_000


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class Room:
    """What the run can still take (form rows and their filled cells): a form that would not fit
    is not read to its end."""

    rows: int
    cells: int
