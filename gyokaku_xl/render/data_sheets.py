"""The master's data sheets: 「集約データ」, 「検証結果」, 「提出状況」 (xlsxwriter only).

Every department text is written with ``write_string``: a value starting with ``=``, ``+``, ``-``,
``@`` or holding a URL stays text, never a formula or a link.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Sequence

from gyokaku_xl import text as g
from gyokaku_xl.domain import schema
from gyokaku_xl.domain.findings import Finding, title_of
from gyokaku_xl.domain.loop import date_label, deadline_for
from gyokaku_xl.domain.records import MergeResult, Submission
from gyokaku_xl.render.styles import PAPER_A4, Formats, light, status_colours

DATA_EXTRA_HEADERS = (g.COL_DEPARTMENT, g.COL_PROGRAM_NUMBER, g.COL_PERSPECTIVE_NUMBER,
                      g.COL_SOURCE_FILE, g.COL_SOURCE_SHEET,
                      g.COL_SOURCE_ROW, g.COL_SHA256, g.COL_MODIFIED)


def data_headers() -> list[str]:
    """Headers of 「集約データ」: the form's columns, then 所管課, 事業番号, 視点番号 and lineage."""
    return list(schema.DATA_LABELS) + list(DATA_EXTRA_HEADERS)


def write_cell(ws: Any, row: int, col: int, value: object, fmt: Any = None) -> None:
    """Write a value as what it is: numbers as numbers, everything else as literal text."""
    if value is None or value == "":
        ws.write_blank(row, col, None, fmt)
    elif isinstance(value, bool):
        ws.write_boolean(row, col, value, fmt)
    elif isinstance(value, (int, float)):
        ws.write_number(row, col, value, fmt)
    else:
        ws.write_string(row, col, str(value), fmt)


def _table(ws: Any, headers: Sequence[str], rows: int, name: str, style: str = "Table Style Light 9") -> None:
    last_row = max(rows, 1)
    ws.add_table(0, 0, last_row, len(headers) - 1, {
        "name": name, "style": style, "autofilter": True,
        "columns": [{"header": h} for h in headers],
    })


def _print_as_list(ws: Any, frozen_columns: int) -> None:
    """A data sheet's view and print set-up: header row frozen (and ``frozen_columns``), A4
    landscape, one page wide, the header repeated on every page."""
    ws.freeze_panes(1, frozen_columns)
    ws.set_landscape()
    ws.set_paper(PAPER_A4)
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(0)


def add_data_sheet(workbook: Any, result: MergeResult, formats: Formats) -> None:
    """「集約データ」: one row per accepted initiative, in plan order, as a filterable table."""
    ws = workbook.add_worksheet(g.SHEET_DATA)
    headers = data_headers()
    colours = status_colours(result.plan.scale.names, result.plan.scale.on_track)
    text = formats.get(valign="top", text_wrap=True)
    plain = formats.get(valign="top")
    number = formats.get(valign="top", num_format="#,##0")
    status_fmt = {s: formats.get(valign="top", bg_color=light(c, 0.6)) for s, c in colours.items()}
    widths = [c.width for c in schema.DATA_COLUMNS] + [16, 8, 8, 36, 10, 6, 20, 20]
    by_kind = {schema.AMOUNT: number, schema.LONG_TEXT: text}
    columns = [(col, column.key, column.kind == schema.STATUS, by_kind.get(column.kind, plain))
               for col, column in enumerate(schema.DATA_COLUMNS)]
    # Each column carries its cells' format, so an empty cell (not written) looks and types like
    # the written ones; only cells with a value are written.
    column_formats = [fmt for _col, _key, _status, fmt in columns] + [plain] * len(DATA_EXTRA_HEADERS)
    for col, (width, column_format) in enumerate(zip(widths, column_formats, strict=True)):
        ws.set_column(col, col, width, column_format)
    for row_no, record in enumerate(result.records, start=1):
        values = record.values
        for col, key, is_status, fmt in columns:
            value = values.get(key)
            if value is None or value == "":
                continue
            write_cell(ws, row_no, col, value, status_fmt.get(record.status, plain) if is_status else fmt)
        base = len(schema.DATA_COLUMNS)
        src = record.source
        extra = (record.department, record.program.number, record.perspective.number, src.file, src.sheet, src.row, src.sha256,
                 src.modified)
        for i, value in enumerate(extra):
            if value is not None and value != "":
                write_cell(ws, row_no, base + i, value, plain)
    _table(ws, headers, len(result.records), g.SHEET_DATA)
    _print_as_list(ws, frozen_columns=1)


def finding_link(finding: Finding, source_paths: dict[str, str], master_dir: Path) -> str | None:
    """An ``external:`` link that opens the finding's file at its cell, relative to the master."""
    path = source_paths.get(finding.file)
    if not path:
        return None
    try:
        rel = os.path.relpath(path, master_dir)
    except ValueError:  # another drive on Windows
        rel = path
    rel = rel.replace("/", "\\") if os.sep == "\\" else rel
    target = f"external:{rel}"
    if finding.sheet and finding.cell and finding.cell[0].isalpha():
        sheet = finding.sheet.replace("'", "''")
        target += f"#'{sheet}'!{finding.cell}"
    return target


def add_findings_sheet(workbook: Any, result: MergeResult, formats: Formats,
                       source_paths: dict[str, str], master_dir: Path) -> None:
    """「検証結果」: every finding, filterable and sortable, each with a link to its cell."""
    add_findings_list_sheet(workbook, result.findings, formats, source_paths, master_dir)


def add_findings_list_sheet(workbook: Any, findings: Sequence[Finding], formats: Formats,
                            source_paths: dict[str, str], master_dir: Path) -> None:
    """「検証結果」 for a list of findings (the master's, or the plan master's alone)."""
    ws = workbook.add_worksheet(g.SHEET_FINDINGS)
    widths = (7, 34, 10, 7, 9, 24, 22, 70, 30, 6)
    for col, width in enumerate(widths):
        ws.set_column(col, col, width)
    wrap = formats.get(valign="top", text_wrap=True)
    plain = formats.get(valign="top")
    sev = {g.SEVERITY_ERROR: formats.get(valign="top", bold=True, font_color="#C00000"),
           g.SEVERITY_WARNING: formats.get(valign="top", font_color="#9C5700"),
           g.SEVERITY_INFO: plain}
    link_fmt = formats.get(valign="top", font_color="#0563C1", underline=1)
    for row_no, f in enumerate(findings, start=1):
        values = (f.severity, f.file, f.sheet, f.cell, f.initiative_id, f.code, title_of(f.code),
                  f.message, f.value)
        for col, value in enumerate(values):
            fmt = sev.get(f.severity, plain) if col == 0 else (wrap if col in (7, 8) else plain)
            write_cell(ws, row_no, col, value, fmt)
        link = finding_link(f, source_paths, master_dir)
        if link:
            ws.write_url(row_no, len(values), link, link_fmt, string=g.FINDING_LINK,
                         tip=g.FINDING_LINK_TIP.format(file=f.file, cell=f.cell or g.FINDING_LINK_TOP))
        else:
            ws.write_blank(row_no, len(values), None, plain)
    _table(ws, g.FINDING_HEADERS, len(findings), g.SHEET_FINDINGS, "Table Style Light 1")
    _print_as_list(ws, frozen_columns=0)


def add_submissions_sheet(workbook: Any, result: MergeResult, formats: Formats) -> None:
    """「提出状況」: one row per department: state, file, row counts."""
    ws = workbook.add_worksheet(g.SHEET_SUBMISSIONS)
    widths = (20, 10, 40, 12, 10, 10, 10, 8, 8, 40)
    for col, width in enumerate(widths):
        ws.set_column(col, col, width)
    plain = formats.get(valign="top")
    wrap = formats.get(valign="top", text_wrap=True)
    state_fmt = {g.NOT_SUBMITTED: formats.get(valign="top", bg_color="#F8CBAD"),
                 g.HAS_ERRORS: formats.get(valign="top", bg_color="#FFE699"),
                 g.REPLACED: formats.get(valign="top", bg_color="#DDEBF7"),
                 g.SUBMITTED: formats.get(valign="top", bg_color="#E2EFDA")}
    subs: list[Submission] = result.submissions
    for row_no, s in enumerate(subs, start=1):
        values = (s.department, s.state, s.file, s.planned, s.rows_read, s.rows_merged,
                  s.rows_rejected, s.errors, s.warnings, s.note)
        for col, value in enumerate(values):
            fmt = state_fmt.get(s.state, plain) if col == 1 else (wrap if col == 9 else plain)
            write_cell(ws, row_no, col, value, fmt)
    _table(ws, g.SUBMISSION_HEADERS, len(subs), g.SHEET_SUBMISSIONS, "Table Style Light 15")
    deadline = deadline_for(result.plan, result.period)
    if deadline is not None:  # beside the table, outside its print columns' data
        ws.set_column(len(widths) + 1, len(widths) + 1, 30)
        ws.write_string(0, len(widths) + 1, g.SUBMISSIONS_DEADLINE.format(deadline=date_label(deadline)),
                        formats.get(valign="top", bold=True))
    _print_as_list(ws, frozen_columns=1)


def source_paths_of(result: MergeResult, extra: dict[str, str] | None = None) -> dict[str, str]:
    """File name → path for every file a record or finding names."""
    paths = {r.source.file: r.source.path for r in result.records if r.source.path}
    if extra:
        for k, v in extra.items():
            paths.setdefault(k, v)
    return paths
