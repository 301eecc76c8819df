"""Cells with their positions: what the guarded reader gives and the form and plan readers parse."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Cell:
    """One cell: 1-based position, value (a formula's cached value), and the formula if any."""

    row: int
    col: int
    value: object
    formula: str | None = None

    @property
    def ref(self) -> str:
        """A1-style reference, e.g. ``D12``."""
        return f"{column_letter(self.col)}{self.row}"

    def __reduce__(self):
        """Pickled as its four fields (reports cross to the reading workers' parent by the thousand)."""
        return (cell_of, (self.row, self.col, self.value, self.formula))


def cell_of(row: int, col: int, value: object, formula: str | None) -> Cell:
    """``Cell(row, col, value, formula)`` with its fields filled directly: a frozen dataclass's
    ``__init__`` (``object.__setattr__`` per field) is half the cost of reading a cell."""
    cell = object.__new__(Cell)
    fields = cell.__dict__
    fields["row"], fields["col"], fields["value"], fields["formula"] = row, col, value, formula
    return cell


@dataclass
class SheetData:
    """The non-empty cells of one sheet."""

    name: str
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)
    max_row: int = 0
    max_col: int = 0

    def cell(self, row: int, col: int) -> Cell | None:
        """The cell at a 1-based position, or None when empty."""
        return self.cells.get((row, col))

    def value(self, row: int, col: int) -> object:
        """The value at a 1-based position (None when empty)."""
        c = self.cells.get((row, col))
        return None if c is None else c.value

    def rows(self) -> list[int]:
        """The row numbers holding at least one cell, ascending."""
        return sorted({r for r, _ in self.cells})


@dataclass
class WorkbookData:
    """What was read from one workbook."""

    path: Path
    sheet_names: list[str]
    sheets: dict[str, SheetData]
    custom_properties: dict[str, str]
    core_properties: dict[str, str]


def column_letter(col: int) -> str:
    """1 → ``A``, 28 → ``AB``."""
    letters = ""
    while col > 0:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


_REF = re.compile(r"([A-Z]{1,3})(\d{1,7})$")


def parse_ref(ref: str) -> tuple[int, int]:
    """``D12`` → ``(12, 4)``."""
    m = _REF.match(ref)
    if not m:
        raise ValueError(ref)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col
