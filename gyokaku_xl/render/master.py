"""The master workbook (集約結果.xlsx) and the check report (検証結果.xlsx), written with xlsxwriter."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import xlsxwriter

from gyokaku_xl.domain.version import __version__
from gyokaku_xl import text as g
from gyokaku_xl.domain import schema
from gyokaku_xl.domain.findings import Finding
from gyokaku_xl.domain.content import MasterContent
from gyokaku_xl.domain.revisions import plan_entries
from gyokaku_xl.domain.records import MergeResult
from gyokaku_xl.render.data_sheets import (add_data_sheet, add_findings_list_sheet, add_findings_sheet,
                                           add_submissions_sheet, source_paths_of)
from gyokaku_xl.render.movement import add_movement_sheets
from gyokaku_xl.render.revisions import add_plan_record_sheet, add_revisions_sheet
from gyokaku_xl.render.opinions import add_opinions
from gyokaku_xl.render.targets import add_targets_sheet
from gyokaku_xl.render.reports import add_report_sheets
from gyokaku_xl.render.styles import Formats, status_colours, use_fonts

#: Options that keep untrusted text literal: no formulas, no links, no numbers from strings.
SAFE_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
FIXED_DATE = datetime(2000, 1, 1)


def master_identity(result: MergeResult) -> dict[str, str]:
    """The custom document properties that let a later run recognise this master as history."""
    return {schema.PROP_MASTER_KIND: schema.PROP_MASTER_KIND_VALUE,
            schema.PROP_MASTER_VERSION: schema.MASTER_DATA_VERSION,
            schema.PROP_PLAN: result.plan.name,
            schema.PROP_FISCAL_YEAR: str(result.period.fiscal_year),
            schema.PROP_PERIOD: result.period.half,
            schema.PROP_TOOLKIT_VERSION: __version__}


def new_workbook(path: Path, document_date: str = "", title: str = "",
                 identity: dict[str, str] | None = None) -> Any:
    """An xlsxwriter workbook with safe options, a fixed document date, ``title`` and optional
    identity properties."""
    workbook = xlsxwriter.Workbook(str(path), SAFE_OPTIONS)
    created = FIXED_DATE
    if document_date:
        try:
            created = datetime.strptime(document_date[:19], "%Y-%m-%dT%H:%M:%S")
        except ValueError:
            pass
    workbook.set_properties({"title": title or g.MASTER_FILE_NAME, "author": g.PRODUCT_NAME,
                             "created": created, "comments": g.PRODUCT_TITLE})
    for name, value in (identity or {}).items():
        workbook.set_custom_property(name, value, "text")
    workbook.set_calc_mode("auto")
    return workbook


def write_master(path: Path, result: MergeResult, content: MasterContent, master_dir: Path,
                 source_paths: dict[str, str] | None = None, by_program: bool = True) -> None:
    """Write the master: the report sheets, 前期比較・推移・財政効果, 計画の変更 (when the plan has
    changes), 数値目標 (when the plan has indicators), then 集約データ, 検証結果, 提出状況 and the hidden
    計画の取組 (the plan it was made with).

    ``content`` is what 資料1-1, the movement sheets, 計画の変更 and 数値目標 show, computed by the run
    (:func:`gyokaku_xl.core.content.master_content`); this only draws it. The master carries its
    identity (plan, fiscal year, period, toolkit version) as custom document properties so that a
    later run can read it back as history (and ``pdf --opendata`` its period). The document title is
    the 資料's (plan and period), which the PDF takes as its title. ``by_program=False`` leaves
    資料1-3 out (written as its own workbook for large plans).
    """
    title = g.PDF_TITLE.format(plan=result.plan.name, period=result.period.label) if result.plan.name else ""
    workbook = new_workbook(path, result.generated_at, title, master_identity(result))
    use_fonts(workbook, result.plan.fonts)
    formats = Formats(workbook)
    add_report_sheets(workbook, result, content.summary, by_program=by_program,
                      target_lines=content.targets.lines if content.targets is not None else None)
    add_opinions(workbook, result, content.opinions, formats)
    scale = result.plan.scale
    add_movement_sheets(workbook, result.plan, content.movement, status_colours(scale.names, scale.on_track))
    if result.plan.changes:
        add_revisions_sheet(workbook, result.plan, content.revisions)
    if content.targets is not None:
        add_targets_sheet(workbook, result, content.targets)
    add_data_sheet(workbook, result, formats)
    add_findings_sheet(workbook, result, formats, source_paths_of(result, source_paths), master_dir)
    add_submissions_sheet(workbook, result, formats)
    add_plan_record_sheet(workbook, plan_entries(result.plan))
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
