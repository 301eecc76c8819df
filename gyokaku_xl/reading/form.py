"""One department form read from the inbox: the file read safely, then the form's structure found in its
cells (identity, meta block, header, rows).

The form is located by its labels, not by fixed positions, so a department that inserted a row
above the header is still read; cell references in findings are the cells' real positions.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from pathlib import Path

from gyokaku_xl import text as g
from gyokaku_xl.domain import schema
from gyokaku_xl.domain.cells import Cell, SheetData, WorkbookData, column_letter
from gyokaku_xl.domain.findings import ERROR, Finding, make
from gyokaku_xl.domain.form import FormData, FormRow
from gyokaku_xl.domain.inbox import SKIPPED_KINDS, InboxEntry
from gyokaku_xl.domain.limits import DEFAULT_LIMITS, Limits, Room
from gyokaku_xl.domain.normalize import clean, label_key
from gyokaku_xl.domain.reports import FileReport
from gyokaku_xl.infra.oserror import os_error_text
from gyokaku_xl.reading.targets import parse_form_targets
from gyokaku_xl.reading.xlsx import ReadError, StopReading, read_workbook


def parse_form(book: WorkbookData, file: str) -> tuple[FormData | None, list[Finding]]:
    """Locate the form in ``book``; return it (None when unusable) and structural findings."""
    sheet = book.sheets.get(g.FORM_SHEET)
    if sheet is None:
        return None, [make("sheet-missing", ERROR, file=file, sheet=g.FORM_SHEET,
                           value=g.SEP_LIST.join(book.sheet_names))]
    header_row, columns = _find_header(sheet)
    findings: list[Finding] = []
    missing = [c for c in schema.FORM_COLUMNS if c.key not in columns and c.kind != schema.REFERENCE]
    if missing:
        where = g.ROW_LABEL.format(row=header_row) if header_row else ""
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
    parse_form_targets(form, book.sheets.get(g.FORM_TARGETS_SHEET))
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
    wanted = {label_key(c.label): c.key for c in schema.FORM_COLUMNS + schema.OPINION_COLUMNS}
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


class RoomWatch:
    """Counts a form's rows and filled cells while its sheet is read, exactly as the form parser
    will (:func:`_rows`), and stops the reading once they exceed ``room``.

    The header is found as :func:`parse_form` finds it, once the rows it may stand in are read;
    rows that arrive out of order (never written by Excel) turn the count off: the file is then
    read whole and the run's bound decides afterwards.
    """

    def __init__(self, room: Room) -> None:
        self.room = room
        self.rows = 0
        self.cells = 0
        self._columns: tuple[int, ...] | None = None
        self._last = 0
        self._off = False

    def __call__(self, sheet_name: str, sheet: SheetData, row: int) -> None:
        if self._off or sheet_name != g.FORM_SHEET:
            return
        if row <= self._last:
            self._off = True
            return
        self._last = row
        if self._columns is None:
            if row <= schema.HEADER_SEARCH_ROWS:
                return
            header_row, columns = _find_header(sheet)
            if not columns:
                self._off = True
                return
            self._columns = tuple(sorted(set(columns.values())))
            for r in range(header_row + 1, row + 1):
                self._count(sheet, r)
        else:
            self._count(sheet, row)
        if self.rows > self.room.rows or self.cells > self.room.cells:
            raise StopReading

    def _count(self, sheet: SheetData, row: int) -> None:
        cells = sheet.cells
        filled = 0
        for c in self._columns or ():
            cell = cells.get((row, c))
            if cell is not None and (cell.formula is not None or clean(cell.value) != ""):
                filled += 1
        if filled:
            self.rows += 1
            self.cells += filled


def file_digest(path: Path) -> str:
    """SHA-256 of a file, read in chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def file_mtime(path: Path) -> str:
    """The file's modification time as ISO 8601 in the machine's time zone, to the second."""
    ts = path.stat().st_mtime
    return datetime.fromtimestamp(int(ts), tz=timezone.utc).astimezone().isoformat(timespec="seconds")


def open_form(entry: InboxEntry, limits: Limits = DEFAULT_LIMITS, room: Room | None = None) -> FileReport:
    """Read one inbox entry and locate its form; unreadable files carry their finding.

    With ``room`` (what the run can still take), a form found not to fit is not read to its end:
    the report then has no form and ``stopped`` says how much was counted.
    """
    report = FileReport(path=entry.path, kind=entry.kind)
    if entry.finding is not None:
        report.findings.append(entry.finding)
    if entry.kind not in SKIPPED_KINDS:
        try:  # so a rejected file, too, can be told from an older or newer submission
            report.modified = file_mtime(entry.path)
        except OSError:
            pass
    watch = RoomWatch(room) if room is not None else None
    if not entry.readable:
        report.rejected = not entry.skipped
        return report
    try:
        report.sha256 = file_digest(entry.path)
        report.modified = file_mtime(entry.path)
        book = read_workbook(entry.path, [g.FORM_SHEET, g.FORM_CARRY_SHEET, g.FORM_TARGETS_SHEET], limits, watch)
    except StopReading:
        report.stopped = (watch.rows, watch.cells) if watch is not None else (0, 0)  # watch stops it
        report.rejected = True
        return report
    except ReadError as exc:
        report.findings.append(make(exc.code, ERROR, file=report.file, **exc.fields))
        report.rejected = True
        return report
    except OSError as exc:
        report.findings.append(make("read-failed", ERROR, file=report.file,
                                    detail=os_error_text(exc)))
        report.rejected = True
        return report
    form, findings = parse_form(book, report.file)
    report.findings.extend(findings)
    report.form = form
    if form is None:
        report.rejected = True
    return report
