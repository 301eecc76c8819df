"""The master workbook (集約結果.xlsx) and the check report (検証結果.xlsx), written with xlsxwriter."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import xlsxwriter

from .. import glossary as g
from .. import schema
from ..records import MergeResult
from ..findings import Finding
from .data_sheets import (add_data_sheet, add_findings_list_sheet, add_findings_sheet, add_submissions_sheet,
                          source_paths_of)
from .reports import add_report_sheets
from .styles import Formats, use_fonts

#: Options that keep untrusted text literal: no formulas, no links, no numbers from strings.
SAFE_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
FIXED_DATE = datetime(2000, 1, 1)


def new_workbook(path: Path, document_date: str = "", title: str = "") -> Any:
    """An xlsxwriter workbook with safe options, a fixed document date and ``title``."""
    workbook = xlsxwriter.Workbook(str(path), SAFE_OPTIONS)
    created = FIXED_DATE
    if document_date:
        try:
            created = datetime.strptime(document_date[:19], "%Y-%m-%dT%H:%M:%S")
        except ValueError:
            pass
    workbook.set_properties({"title": title or g.MASTER_FILE_NAME, "author": g.PRODUCT_NAME,
                             "created": created, "comments": g.PRODUCT_TITLE})
    workbook.set_calc_mode("auto")
    return workbook


def write_master(path: Path, result: MergeResult, master_dir: Path,
                 source_paths: dict[str, str] | None = None) -> None:
    """Write the master: the report sheets, then 集約データ, 検証結果, 提出状況.

    The document title is the 資料's (plan and period), which the PDF takes as its title.
    """
    title = g.PDF_TITLE.format(plan=result.plan.name, period=result.period.label) if result.plan.name else ""
    workbook = new_workbook(path, result.generated_at, title)
    use_fonts(workbook, result.plan.fonts)
    # what the period's open data (pdf --opendata) reads back: the reporting period
    workbook.set_custom_property(schema.PROP_FISCAL_YEAR, str(result.period.fiscal_year), "text")
    workbook.set_custom_property(schema.PROP_PERIOD, result.period.half, "text")
    formats = Formats(workbook)
    add_report_sheets(workbook, result)
    add_data_sheet(workbook, result, formats)
    add_findings_sheet(workbook, result, formats, source_paths_of(result, source_paths), master_dir)
    add_submissions_sheet(workbook, result, formats)
    workbook.close()


def write_findings_report(path: Path, findings: list[Finding], master_dir: Path,
                          source_paths: dict[str, str] | None = None) -> None:
    """Write a report of findings alone (e.g. the plan master's, when it cannot be used)."""
    workbook = new_workbook(path)
    add_findings_list_sheet(workbook, findings, Formats(workbook), dict(source_paths or {}), master_dir)
    workbook.close()


def write_check_report(path: Path, result: MergeResult, master_dir: Path,
                       source_paths: dict[str, str] | None = None) -> None:
    """Write the check report: 検証結果 and 提出状況 only."""
    workbook = new_workbook(path, result.generated_at)
    use_fonts(workbook, result.plan.fonts)
    formats = Formats(workbook)
    add_findings_sheet(workbook, result, formats, source_paths_of(result, source_paths), master_dir)
    add_submissions_sheet(workbook, result, formats)
    workbook.close()
