"""Annotated copies of department files: a first sheet 「指摘一覧」, offending cells highlighted,
the message as a comment.

The 「指摘一覧」 sheet puts every finding on paper: printed, or opened where comments do not show
(LibreOffice, a PDF), the department still reads what is wrong, where, and what to do — one row per
finding, A4 portrait, header repeated on each page.

The originals are never touched: :mod:`gyokaku_xl.run.annotate` loads each copy from the original,
marks it here and saves it (atomically) in another folder, ready to send back to the department.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any, Callable, Iterable

from gyokaku_xl import text as g
from gyokaku_xl.domain.findings import Finding, action_of, count_by_severity, title_of
from gyokaku_xl.render.styles import FONT_GOTHIC, capacity_units, column_px, paragraph_lines

#: Findings that mean the file could not be read safely: such files are never opened again.
UNREADABLE_CODES = frozenset({"not-excel", "empty-file", "corrupt-zip", "encrypted", "legacy-xls", "lock-file",
                              "file-too-large", "zip-bomb", "xml-forbidden", "sheet-too-large",
                              "read-failed"})
#: Fills far from the form's pale-yellow input cells (FFFBE6) and from each other; on a grey-scale
#: printout the error's thick border and the warning's dashed one still tell them apart.
FILL = {g.SEVERITY_ERROR: "FF8F8F", g.SEVERITY_WARNING: "FFB45C", g.SEVERITY_INFO: "9DC3E6"}
BORDER = {g.SEVERITY_ERROR: ("medium", "C00000"), g.SEVERITY_WARNING: ("mediumDashed", "9C5700"),
          g.SEVERITY_INFO: ("thin", "2F5597")}
AUTHOR = g.ANNOTATE_AUTHOR


# --- the 「指摘一覧」 sheet: every finding on paper, each cell a link ----------------------------------
#: Column widths (characters) of No., セル, 重要度, 指摘の種類, 内容, 対応: セル holds 「ファイル全体」,
#: 内容 a usual message on one line.
WIDTHS = (5, 13, 8, 24, 62, 28)
#: The size the list is written at (openpyxl's default), which its row heights are measured for.
FONT_SIZE = 11
#: Points per text line at 11 pt, and padding.
LINE_POINTS = 14.0
PADDING = 4.0
SEVERITY_FONT = {g.SEVERITY_ERROR: "C00000", g.SEVERITY_WARNING: "9C5700", g.SEVERITY_INFO: "404040"}


def _lines(text: str, width: float) -> int:
    """Lines ``text`` takes in a column ``width`` characters wide, at the list's font size (the
    column's pixels less the cell padding, in half-width units of an 11 pt character)."""
    return paragraph_lines(text, capacity_units(column_px(width), FONT_SIZE))


def _list_font(wb: Any) -> str:
    """The font the form's own text is written in (the plan's ゴシック), so that the list reads like
    the form; the default ゴシック for a workbook that is not the official form."""
    try:
        name = wb[g.FORM_SHEET]["A1"].font.name
    except (KeyError, TypeError, AttributeError):  # no such sheet, or a chart sheet
        name = None
    return name if isinstance(name, str) and name else FONT_GOTHIC


def _text(cell: Any, value: str) -> None:
    """Literal text, never a formula (a message may quote what a department typed)."""
    cell.value = value
    cell.data_type = "s"


def _sheet_ref(sheet: str, cell: str) -> str:
    return "'" + sheet.replace("'", "''") + "'!" + cell


def add_findings_list(wb: Any, file: str, findings: Iterable[Finding],
                      linkable: Callable[[Finding], bool]) -> Any:
    """Insert 「指摘一覧」 as the first, active sheet of ``wb``; ``linkable(f)`` says whether the
    finding's cell exists in the workbook (then the セル column links to it)."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.worksheet.hyperlink import Hyperlink
    from openpyxl.worksheet.properties import PageSetupProperties

    items = sorted(findings, key=Finding.sort_key)
    font = _list_font(wb)
    ws = wb.create_sheet(g.ANNOTATE_SHEET, 0)
    for other in wb.worksheets:
        other.sheet_view.tabSelected = False
    wb.active = 0
    ws.sheet_view.tabSelected = True
    for n, width in enumerate(WIDTHS):
        ws.column_dimensions[chr(ord("A") + n)].width = width
    last = chr(ord("A") + len(WIDTHS) - 1)
    top = Alignment(vertical="top", wrap_text=True)
    thin = Side(style="thin", color="808080")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)

    ws.merge_cells(f"A1:{last}1")
    _text(ws["A1"], g.ANNOTATE_TITLE.format(file=file))
    ws["A1"].font = Font(name=font, bold=True, size=14)
    ws.row_dimensions[1].height = 24
    counts = count_by_severity(items)
    todo = g.ANNOTATE_TODO_ERRORS if counts[g.SEVERITY_ERROR] else g.ANNOTATE_TODO_WARNINGS
    intro = g.ANNOTATE_INTRO + todo + "\n" + g.ANNOTATE_COUNTS.format(
        error=counts[g.SEVERITY_ERROR], warning=counts[g.SEVERITY_WARNING], info=counts[g.SEVERITY_INFO])
    ws.merge_cells(f"A2:{last}2")
    _text(ws["A2"], intro)
    ws["A2"].alignment = top
    ws["A2"].font = Font(name=font)
    ws.row_dimensions[2].height = LINE_POINTS * _lines(intro, sum(WIDTHS)) + PADDING

    header_row = 4
    for n, label in enumerate(g.ANNOTATE_HEADERS):
        cell = ws.cell(header_row, n + 1)
        _text(cell, label)
        cell.font = Font(name=font, bold=True)
        cell.fill = PatternFill("solid", start_color="D9E1F2", end_color="D9E1F2")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = box
    for number, f in enumerate(items, start=1):
        row = header_row + number
        values = (str(number), f.cell if linkable(f) else g.ANNOTATE_NO_CELL, f.severity,
                  title_of(f.code), f.message, action_of(f))
        for n, value in enumerate(values):
            cell = ws.cell(row, n + 1)
            _text(cell, value)
            cell.alignment = top
            cell.border = box
            cell.font = Font(name=font)
        ws.cell(row, 1).alignment = Alignment(horizontal="right", vertical="top")
        severity = ws.cell(row, 3)
        severity.font = Font(name=font, bold=f.is_error, color=SEVERITY_FONT.get(f.severity, "000000"))
        colour = FILL.get(f.severity)
        if colour:
            severity.fill = PatternFill("solid", start_color=colour, end_color=colour)
        if linkable(f):
            link = ws.cell(row, 2)
            link.hyperlink = Hyperlink(ref=link.coordinate, location=_sheet_ref(f.sheet, f.cell),
                                       display=f.cell)
            link.font = Font(name=font, color="0563C1", underline="single")
        ws.row_dimensions[row].height = LINE_POINTS * max(
            _lines(v, w) for v, w in zip(values, WIDTHS)) + PADDING

    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.print_area = f"A1:{last}{header_row + max(len(items), 1)}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_PORTRAIT
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.center.text = "&P / &N"
    ws.freeze_panes = f"A{header_row + 1}"
    return ws


# --- the copies ----------------------------------------------------------------------------------
#: Suffix of annotated copies, so they never replace a form of the same name.
COPY_SUFFIX = g.ANNOTATE_COPY_SUFFIX


def copy_name(file: str) -> str:
    """``財政課.xlsx`` → ``財政課_指摘.xlsx``."""
    path = Path(file)
    return f"{path.stem}{COPY_SUFFIX}{path.suffix}"


def annotatable(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    """File name → its findings, for files that were read and have an error or a warning."""
    by_file: dict[str, list[Finding]] = defaultdict(list)
    unreadable = set()
    for f in findings:
        if not f.file:
            continue
        if f.code in UNREADABLE_CODES:
            unreadable.add(f.file)
        by_file[f.file].append(f)
    return {k: v for k, v in by_file.items() if k not in unreadable
            and any(f.severity in (g.SEVERITY_ERROR, g.SEVERITY_WARNING) for f in v)}


def _cell_ok(cell: str) -> bool:
    return bool(cell) and cell[0].isalpha() and cell[-1].isdigit()


def annotate_workbook(wb: Any, file: str, findings: list[Finding]) -> None:
    """Mark ``findings`` in an openpyxl workbook loaded from the department's file ``file``: a first
    sheet 「指摘一覧」 listing every finding, and each finding's cell highlighted and commented
    (findings without a cell are in the list only)."""
    from openpyxl.comments import Comment
    from openpyxl.styles import Border, PatternFill, Side

    per_cell: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for f in findings:
        if f.sheet in wb.sheetnames and _cell_ok(f.cell):
            per_cell[(f.sheet, f.cell)].append(f)
    for (sheet, ref), items in sorted(per_cell.items()):
        cell = wb[sheet][ref]
        worst = min(items, key=lambda f: g.SEVERITIES.index(f.severity))
        colour = FILL.get(worst.severity, FILL[g.SEVERITY_WARNING])
        cell.fill = PatternFill("solid", start_color=colour, end_color=colour)
        style, border_colour = BORDER.get(worst.severity, BORDER[g.SEVERITY_WARNING])
        side = Side(style=style, color=border_colour)
        cell.border = Border(left=side, right=side, top=side, bottom=side)
        text = "\n".join(g.ANNOTATE_COMMENT_LINE.format(severity=f.severity, message=f.message)
                         for f in items)
        comment = Comment(text, AUTHOR)
        comment.width = 320
        comment.height = min(60 + 40 * len(items), 400)
        cell.comment = comment
    add_findings_list(wb, file, findings, linkable=lambda f: (f.sheet, f.cell) in per_cell)
