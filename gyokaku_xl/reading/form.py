"""Find the form's structure in the cells of one workbook: identity, meta block, header, rows.

The form is located by its labels, not by fixed positions, so a department that inserted a row
above the header is still read; cell references in findings are the cells' real positions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gyokaku_xl.text import glossary as g
from gyokaku_xl.domain import schema
from gyokaku_xl.domain.findings import ERROR, Finding, make
from gyokaku_xl.domain.normalize import clean, label_key
from gyokaku_xl.reading.xlsx import Cell, SheetData, WorkbookData, column_letter


@dataclass
class FormRow:
    """One data row of a form: its Excel row and the cell of each form column (None when empty)."""

    row: int
    cells: dict[str, Cell | None]

    def value(self, column_key: str) -> object:
        """The cell value of a column (a formula's cached value), None when empty."""
        c = self.cells.get(column_key)
        return None if c is None else c.value


@dataclass
class FormData:
    """The structure of one department form."""

    file: str
    sheet: str
    identity: dict[str, str]
    meta: dict[str, Cell | None]
    meta_refs: dict[str, str]
    header_row: int
    columns: dict[str, int]
    rows: list[FormRow] = field(default_factory=list)
    modified: str = ""
    #: 取組番号 → column key → the text a carry-over form was issued with (empty: none carried).
    carried: dict[str, dict[str, str]] = field(default_factory=dict)

    def meta_value(self, label: str) -> object:
        """The value written to the right of a meta label, None when empty or absent."""
        c = self.meta.get(label)
        return None if c is None else c.value

    def cell_ref(self, row: int, column_key: str) -> str:
        """A1 reference of a form column in a row."""
        return f"{column_letter(self.columns[column_key])}{row}"


def parse_form(book: WorkbookData, file: str) -> tuple[FormData | None, list[Finding]]:
    """Locate the form in ``book``; return it (None when unusable) and structural findings."""
    sheet = book.sheets.get(g.FORM_SHEET)
    if sheet is None:
        return None, [make("sheet-missing", ERROR, file=file, sheet=g.FORM_SHEET,
                           value="、".join(book.sheet_names))]
    header_row, columns = _find_header(sheet)
    findings: list[Finding] = []
    missing = [c for c in schema.FORM_COLUMNS if c.key not in columns and c.kind != schema.REFERENCE]
    if missing:
        where = f"{header_row}行目" if header_row else ""
        for col in missing:
            findings.append(make("header-changed", ERROR, file=file, sheet=sheet.name, cell=where,
                                 expected=col.label))
        return None, findings
    meta, meta_refs = _find_meta(sheet, header_row)
    form = FormData(file=file, sheet=sheet.name, identity=dict(book.custom_properties), meta=meta,
                    meta_refs=meta_refs, header_row=header_row, columns=columns,
                    modified=book.core_properties.get("modified", ""))
    form.rows = _rows(sheet, header_row, columns)
    form.carried = _carried(book.sheets.get(g.FORM_CARRY_SHEET))
    return form, findings


def _carried(sheet: SheetData | None) -> dict[str, dict[str, str]]:
    """The texts a carry-over form was issued with, from its hidden locked sheet (header by label)."""
    if sheet is None:
        return {}
    labels = {label_key(c.label): c.key for c in schema.FORM_COLUMNS if c.key in schema.CARRIED_KEYS}
    labels[label_key(schema.CARRY_HEADER[0])] = "initiative_id"
    columns = {labels[label_key(cell.value)]: c for (r, c), cell in sheet.cells.items()
               if r == 1 and isinstance(cell.value, str) and label_key(cell.value) in labels}
    if "initiative_id" not in columns:
        return {}
    carried: dict[str, dict[str, str]] = {}
    for row in sheet.rows():
        initiative_id = clean(sheet.value(row, columns["initiative_id"]))
        if row == 1 or not initiative_id:
            continue
        carried[initiative_id] = {k: "" if sheet.value(row, c) is None else str(sheet.value(row, c))
                                  for k, c in columns.items() if k != "initiative_id"}
    return carried


def _find_header(sheet: SheetData) -> tuple[int, dict[str, int]]:
    """The row holding the most header labels within the first rows, and label → column."""
    wanted = {label_key(c.label): c.key for c in schema.FORM_COLUMNS}
    by_row: dict[int, dict[str, int]] = {}
    for (r, c), cell in sheet.cells.items():
        if r > schema.HEADER_SEARCH_ROWS or not isinstance(cell.value, str):
            continue
        k = wanted.get(label_key(cell.value))
        if k is not None:
            by_row.setdefault(r, {}).setdefault(k, c)
    if not by_row:
        return 0, {}
    best = max(sorted(by_row), key=lambda r: len(by_row[r]))
    return best, by_row[best]


def _find_meta(sheet: SheetData, header_row: int) -> tuple[dict[str, Cell | None], dict[str, str]]:
    labels = {label_key(label): label for label, _prefilled in schema.META_FIELDS}
    meta: dict[str, Cell | None] = {label: None for label, _ in schema.META_FIELDS}
    refs: dict[str, str] = {}
    above = sorted(((r, c), cell) for (r, c), cell in sheet.cells.items()
                   if r < header_row and isinstance(cell.value, str))
    for (r, c), cell in above:
        label = labels.get(label_key(cell.value))
        if label is None or label in refs:
            continue
        refs[label] = f"{column_letter(c + 1)}{r}"
        meta[label] = sheet.cell(r, c + 1)
    return meta, refs


def _rows(sheet: SheetData, header_row: int, columns: dict[str, int]) -> list[FormRow]:
    rows: dict[int, dict[str, Cell | None]] = {}
    col_to_key = {c: k for k, c in columns.items()}
    for (r, c), cell in sheet.cells.items():
        if r <= header_row or c not in col_to_key:
            continue
        if cell.formula is None and clean(cell.value) == "":
            continue
        rows.setdefault(r, {})[col_to_key[c]] = cell
    result = []
    for r in sorted(rows):
        cells = {k: rows[r].get(k) for k in columns}
        result.append(FormRow(r, cells))
    return result
