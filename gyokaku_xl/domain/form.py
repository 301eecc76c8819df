"""A department form as read: its meta block, header and rows, each cell with its position."""

from __future__ import annotations

from dataclasses import dataclass, field

from gyokaku_xl.domain.cells import Cell, column_letter


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
    #: The 「数値目標」 sheet (see :mod:`gyokaku_xl.domain.targets`): its rows (cells keyed by
    #: ``TARGET_FORM_COLUMNS`` keys), sheet name and columns; ``targets_problem`` is "missing" (no such
    #: sheet) or "header" (its header row not found; ``targets_expected`` names the labels), else "".
    targets: list[FormRow] = field(default_factory=list)
    targets_sheet: str = ""
    targets_columns: dict[str, int] = field(default_factory=dict)
    targets_problem: str = ""
    targets_expected: str = ""

    def meta_value(self, label: str) -> object:
        """The value written to the right of a meta label, None when empty or absent."""
        c = self.meta.get(label)
        return None if c is None else c.value

    def cell_ref(self, row: int, column_key: str) -> str:
        """A1 reference of a form column in a row."""
        return f"{column_letter(self.columns[column_key])}{row}"
