"""The content of a written workbook as plain JSON data, for golden comparisons.

``master_content(path)`` reads a workbook back (openpyxl, plus the chart parts from the zip) and
returns, per sheet, the parts a reader sees or prints: cells (value, type and the full resolved
format: font, fill, border, alignment, number format, protection), merged ranges, row heights and
column widths, print set-up (paper, orientation, fit, margins, header/footer, print area and titles,
page breaks), freeze panes, gridlines, validations, conditional formats, tables, hyperlinks; and for
the workbook the sheet order, defined names and the chart XML.

Formats are compared as resolved properties, not as style indexes, so creating formats in another
order does not count as a change; writing a cell one way or another (``merge_range`` or a cell plus a
registered merge) does not either, as long as the file holds the same cells and ranges.

``digest(content)`` reduces each sheet part to a short SHA-256, for golden files that stay small.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any

import openpyxl

#: The parts of a sheet, in the order they are reported.
PARTS = ("cells", "merged", "rows", "columns", "print", "view", "rules", "objects")


def _colour(color: Any) -> Any:
    if color is None:
        return None
    for attr in ("rgb", "theme", "indexed"):
        value = getattr(color, attr, None)
        if isinstance(value, (str, int)):
            return [attr, value, getattr(color, "tint", 0) or 0]
    return None


def _side(side: Any) -> Any:
    return None if side is None or side.style is None else [side.style, _colour(side.color)]


def _style(cell: Any) -> list:
    f, fill, b, a, p = cell.font, cell.fill, cell.border, cell.alignment, cell.protection
    return [
        [f.name, f.sz, bool(f.b), bool(f.i), f.u, bool(f.strike), _colour(f.color), f.vertAlign],
        [getattr(fill, "patternType", None), _colour(getattr(fill, "fgColor", None)),
         _colour(getattr(fill, "bgColor", None))],
        [_side(b.left), _side(b.right), _side(b.top), _side(b.bottom), _side(b.diagonal)],
        [a.horizontal, a.vertical, bool(a.wrap_text), bool(a.shrink_to_fit), a.indent or 0,
         a.text_rotation or 0],
        cell.number_format,
        [bool(p.locked), bool(p.hidden)],
    ]


def _style_with(dim: Any, cell: Any) -> list:
    """A column format's style, in the shape of :func:`_style` (``number_format`` from the column)."""
    class _Shown:
        font, fill, border, alignment, protection = dim.font, dim.fill, dim.border, dim.alignment, dim.protection
        number_format = dim.number_format
    return _style(_Shown)


def _value(cell: Any) -> Any:
    value = cell.value
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _column_styles(sheet: Any) -> dict[int, Any]:
    """Column number → its column format (``<col style=…>``), for the columns that have one."""
    found: dict[int, Any] = {}
    for dim in sheet.column_dimensions.values():
        if dim.has_style and dim.min:
            for col in range(dim.min, (dim.max or dim.min) + 1):
                found[col] = dim
    return found


def _sheet(sheet: Any) -> dict[str, Any]:
    styles: dict[str, int] = {}
    cells: dict[str, list] = {}
    column_styles = _column_styles(sheet)
    for row in sheet.iter_rows():
        for cell in row:
            if type(cell).__name__ == "MergedCell" and not cell.has_style:
                continue
            # A cell that is not in the file shows (and takes when typed into) its column's format.
            absent = cell.value is None and not cell.has_style
            shown = column_styles.get(cell.column, cell) if absent else cell
            style = json.dumps(_style(shown) if shown is cell else _style_with(shown, cell), ensure_ascii=False)
            index = styles.setdefault(style, len(styles))
            cells[cell.coordinate] = [_value(cell), cell.data_type, index]
    ps, m = sheet.page_setup, sheet.page_margins
    fit = sheet.sheet_properties.pageSetUpPr
    hf = [[part.text for part in (h.left, h.center, h.right)]
          for h in (sheet.oddHeader, sheet.oddFooter, sheet.firstHeader, sheet.firstFooter)]
    return {
        "cells": {"styles": [json.loads(s) for s in styles], "cells": cells},
        "merged": sorted(str(r) for r in sheet.merged_cells.ranges),
        "rows": {str(k): [d.height, bool(d.hidden), d.outlineLevel or 0]
                 for k, d in sorted(sheet.row_dimensions.items())
                 if d.height is not None or d.hidden or d.outlineLevel},
        "columns": {k: [d.min, d.max, d.width, bool(d.hidden)]
                    for k, d in sorted(sheet.column_dimensions.items()) if d.width or d.hidden},
        "print": {
            "setup": [ps.orientation, ps.paperSize, ps.fitToWidth, ps.fitToHeight, ps.scale,
                      ps.firstPageNumber, ps.useFirstPageNumber, bool(fit and fit.fitToPage)],
            "margins": [m.left, m.right, m.top, m.bottom, m.header, m.footer],
            "centre": [bool(sheet.print_options.horizontalCentered),
                       bool(sheet.print_options.verticalCentered)],
            "header_footer": hf,
            "area": str(sheet.print_area), "titles": [sheet.print_title_rows, sheet.print_title_cols],
            "row_breaks": [b.id for b in sheet.row_breaks.brk],
            "col_breaks": [b.id for b in sheet.col_breaks.brk],
        },
        "view": {"freeze": sheet.freeze_panes, "gridlines": bool(sheet.sheet_view.showGridLines),
                 "state": sheet.sheet_state, "tab": _colour(sheet.sheet_properties.tabColor),
                 "protected": bool(sheet.protection.sheet), "filter": sheet.auto_filter.ref},
        "rules": {
            "validations": sorted(
                [str(v.sqref), v.type, v.operator, v.formula1, v.formula2, bool(v.allow_blank),
                 v.promptTitle, v.prompt, v.errorTitle, v.error]
                for v in sheet.data_validations.dataValidation),
            "conditional": sorted(
                [str(rng.sqref), r.type, r.operator, list(r.formula or ())]
                for rng in sheet.conditional_formatting for r in rng.rules),
        },
        "objects": {
            "tables": sorted([t.name, t.ref, t.tableStyleInfo.name if t.tableStyleInfo else None,
                              [c.name for c in t.tableColumns]] for t in sheet.tables.values()),
            "links": sorted([h.ref, h.target, h.location] for h in sheet._hyperlinks),
        },
    }


def master_content(path: Path) -> dict[str, Any]:
    """Everything a reader of the workbook sees or prints, as JSON-ready data (see the module doc)."""
    book = openpyxl.load_workbook(path)
    try:
        content: dict[str, Any] = {
            "workbook": {"sheets": list(book.sheetnames),
                         "names": sorted([n, str(d.value)] for n, d in book.defined_names.items())},
        }
        for sheet in book.worksheets:
            content[sheet.title] = _sheet(sheet)
    finally:
        book.close()
    with zipfile.ZipFile(path) as z:
        content["workbook"]["charts"] = [z.read(n).decode("utf-8") for n in sorted(z.namelist())
                                         if n.startswith("xl/charts/chart")]
    return content


def _hash(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def digest(content: dict[str, Any]) -> dict[str, dict[str, str]]:
    """Each sheet part reduced to a 16-hex-digit SHA-256 (plus cell and merge counts for orientation)."""
    out: dict[str, dict[str, str]] = {"workbook": {"all": _hash(content["workbook"]),
                                                   "sheets": " / ".join(content["workbook"]["sheets"])}}
    for name, sheet in content.items():
        if name == "workbook":
            continue
        parts = {part: _hash(sheet[part]) for part in PARTS}
        parts["size"] = f"{len(sheet['cells']['cells'])} cells, {len(sheet['merged'])} merges"
        out[name] = parts
    return out


def differences(expected: dict[str, Any], actual: dict[str, Any], limit: int = 30) -> list[str]:
    """Readable paths where two contents (or digests) differ, at most ``limit``."""
    out: list[str] = []

    def walk(a: Any, b: Any, where: str) -> None:
        if len(out) >= limit or a == b:
            return
        if isinstance(a, dict) and isinstance(b, dict):
            for k in list(a) + [k for k in b if k not in a]:
                walk(a.get(k), b.get(k), f"{where}/{k}")
        elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
            for i, (x, y) in enumerate(zip(a, b)):
                walk(x, y, f"{where}[{i}]")
        else:
            out.append(f"{where}: {str(a)[:120]} != {str(b)[:120]}")

    walk(expected, actual, "")
    return out
