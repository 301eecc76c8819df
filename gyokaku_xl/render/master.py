"""The master workbook (集約結果.xlsx) and the check report (検証結果.xlsx), written with xlsxwriter."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import xlsxwriter

from .. import glossary as g
from ..records import MergeResult
from .data_sheets import add_data_sheet, add_findings_sheet, add_submissions_sheet, source_paths_of
from .reports import add_report_sheets
from .styles import Formats

#: Options that keep untrusted text literal: no formulas, no links, no numbers from strings.
SAFE_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
FIXED_DATE = datetime(2000, 1, 1)


def new_workbook(path: Path, document_date: str = "") -> Any:
    """An xlsxwriter workbook with safe options and a fixed document date."""
    workbook = xlsxwriter.Workbook(str(path), SAFE_OPTIONS)
    created = FIXED_DATE
    if document_date:
        try:
            created = datetime.strptime(document_date[:19], "%Y-%m-%dT%H:%M:%S")
        except ValueError:
            pass
    workbook.set_properties({"title": g.MASTER_FILE_NAME, "author": g.PRODUCT_NAME,
                             "created": created, "comments": g.PRODUCT_TITLE})
    workbook.set_calc_mode("auto")
    return workbook


def write_master(path: Path, result: MergeResult, master_dir: Path,
                 source_paths: dict[str, str] | None = None, by_program: bool = True) -> None:
    """Write the master: the report sheets, then 集約データ, 検証結果, 提出状況.

    ``by_program=False`` leaves 資料1-3 out (written as its own workbook for large plans).
    """
    workbook = new_workbook(path, result.generated_at)
    formats = Formats(workbook)
    add_report_sheets(workbook, result, by_program=by_program)
    add_data_sheet(workbook, result, formats)
    add_findings_sheet(workbook, result, formats, source_paths_of(result, source_paths), master_dir)
    add_submissions_sheet(workbook, result, formats)
    workbook.close()


def write_check_report(path: Path, result: MergeResult, master_dir: Path,
                       source_paths: dict[str, str] | None = None) -> None:
    """Write the check report: 検証結果 and 提出状況 only."""
    workbook = new_workbook(path, result.generated_at)
    formats = Formats(workbook)
    add_findings_sheet(workbook, result, formats, source_paths_of(result, source_paths), master_dir)
    add_submissions_sheet(workbook, result, formats)
    workbook.close()
