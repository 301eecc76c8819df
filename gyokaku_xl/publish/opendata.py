"""Open data beside the PDF: 資料1-2 as a machine-readable table (CSV and plain .xlsx).

Follows the rules for machine-readable publication (1 セル 1 データ, no merged cells, units in
the header, 和暦 with 西暦): one row per 取組, one value per cell, the year in both notations.

One content function (:func:`opendata_table`) serves both sources: the merge result of this run
(:func:`rows_from_result`) and the 集約データ sheet of an existing master, read with the guarded
reader (:func:`rows_from_master`). The writers are small: :func:`write_csv` (UTF-8 with BOM, so
Excel opens it correctly; CRLF line ends) and :func:`write_xlsx` (one sheet, no decoration).

Spreadsheet programs run a CSV cell that starts with ``=``, ``+``, ``-``, ``@``, tab or carriage
return as a formula. Following the OWASP guidance on CSV injection, such texts get a leading
single quote in the CSV (:func:`csv_safe`); the .xlsx holds every text as a text cell, unchanged.
"""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from gyokaku_xl import text as g
from gyokaku_xl.domain import schema
from gyokaku_xl.domain.model import Period, era_label
from gyokaku_xl.domain.limits import DEFAULT_LIMITS, Limits
from gyokaku_xl.reading.xlsx import ReadError, read_workbook

#: Characters that make a spreadsheet program treat a CSV cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FIXED_DATE = datetime(2000, 1, 1)
_WIDTHS = (11, 9, 7, 22, 24, 5, 16, 9, 28, 9, 50, 40, 11)
#: Keys of one data row (the form's columns plus the department), as both sources give them.
DEPARTMENT = "department"


def opendata_stem(period: Period) -> str:
    """``取組状況一覧_令和3年度上半期``."""
    return g.OPENDATA_FILE_STEM.format(period=period.file_label)


def rows_from_result(result: Any) -> list[dict[str, object]]:
    """Data rows (form column key → value, plus ``department``) of a merge result, in plan order."""
    rows = []
    for record in result.records:
        row: dict[str, object] = {c.key: record.values.get(c.key) for c in schema.FORM_COLUMNS}
        row[DEPARTMENT] = record.department
        rows.append(row)
    return rows


def rows_from_master(path: Path, limits: Limits = DEFAULT_LIMITS) -> tuple[Period | None, list[dict[str, object]]]:
    """The period (from the master's document properties) and the data rows of its 集約データ.

    Columns are found by their header labels, so their order does not matter. Raises
    :class:`ReadError` when the file cannot be read safely and ``KeyError`` when it has no
    集約データ sheet.
    """
    book = read_workbook(path, sheets=[g.SHEET_DATA], limits=limits)
    sheet = book.sheets.get(g.SHEET_DATA)
    if sheet is None:
        raise KeyError(g.SHEET_DATA)
    keys = {c.label: c.key for c in schema.FORM_COLUMNS}
    keys[g.COL_DEPARTMENT] = DEPARTMENT
    columns = {col: keys[str(sheet.value(1, col)).strip()] for col in range(1, sheet.max_col + 1)
               if str(sheet.value(1, col) or "").strip() in keys}
    rows = []
    for r in sheet.rows():
        if r == 1:
            continue
        row = {key: sheet.value(r, col) for col, key in columns.items()}
        if any(v not in (None, "") for v in row.values()):
            rows.append(row)
    return _period(book.custom_properties), rows


def _period(properties: Mapping[str, str]) -> Period | None:
    try:
        return Period(int(properties.get(schema.PROP_FISCAL_YEAR, "")), properties[schema.PROP_PERIOD])
    except (KeyError, ValueError):
        return None


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _amount(value: object) -> int | float | None:
    if isinstance(value, bool) or value in (None, ""):
        return None
    if isinstance(value, (int, float)):
        return int(value) if float(value).is_integer() else value
    try:
        number = float(str(value).replace(",", ""))
    except ValueError:
        return None
    return int(number) if number.is_integer() else number


def opendata_table(period: Period, rows: Iterable[Mapping[str, object]]) -> list[list[object]]:
    """The open-data rows for ``rows`` (one per 取組), columns as :data:`gyokaku_xl.text.OPENDATA_COLUMNS`.

    Texts stay as the departments wrote them (line breaks included); 財政効果額 is a number or
    None. Pure: the same input gives the same table.
    """
    table: list[list[object]] = []
    for row in rows:
        table.append([
            era_label(period.fiscal_year), period.fiscal_year, period.half,
            _text(row.get("perspective")), _text(row.get("program")), _text(row.get("priority")),
            _text(row.get(DEPARTMENT)), _text(row.get("initiative_id")), _text(row.get("initiative")),
            _text(row.get("status")), _text(row.get("progress")), _text(row.get("next_steps")),
            _amount(row.get("fiscal_effect")),
        ])
    return table


def csv_safe(value: object) -> object:
    """A text that a spreadsheet program would run as a formula, prefixed with ``'``; else as is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(path: Path, table: Sequence[Sequence[object]],
              header: Sequence[str] = g.OPENDATA_COLUMNS) -> None:
    """Write the header and ``table`` as CSV: UTF-8 with BOM, CRLF, quoted where needed."""
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow(header)
        for row in table:
            writer.writerow(["" if v is None else csv_safe(v) for v in row])


def write_xlsx(path: Path, table: Sequence[Sequence[object]], title: str = "",
               header: Sequence[str] = g.OPENDATA_COLUMNS, sheet_name: str = g.OPENDATA_SHEET,
               widths: Sequence[float] = _WIDTHS) -> None:
    """Write the header and ``table`` to one sheet: one value per cell, no merges, no styling."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False,
                                               "strings_to_numbers": False})
    workbook.set_properties({"title": title or sheet_name, "author": g.PRODUCT_NAME, "created": FIXED_DATE})
    sheet = workbook.add_worksheet(sheet_name)
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width)
    for col, label in enumerate(header):
        sheet.write_string(0, col, label)
    for r, row in enumerate(table, start=1):
        for col, value in enumerate(row):
            if value is None or value == "":
                continue
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                sheet.write_number(r, col, value)
            else:
                sheet.write_string(r, col, str(value))
    workbook.close()


__all__ = ["ReadError", "csv_safe", "opendata_stem", "opendata_table", "rows_from_master", "rows_from_result",
           "write_csv", "write_xlsx"]
