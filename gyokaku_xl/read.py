"""Cells with their positions from one .xlsx workbook, read by a small guarded streaming reader.

Pure Python over :mod:`zipfile` and defusedxml: no native code that could abort the process, no
DTDs or entities (billion laughs, external entities), declared sizes and compression ratios checked
before anything is inflated, and sheets whose used range is absurd stopped while streaming.
Formulas are kept beside their cached values so the checks can tell them apart.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse as _safe_iterparse

NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
NS_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
NS_CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
NS_DC = "{http://purl.org/dc/elements/1.1/}"
NS_DCTERMS = "{http://purl.org/dc/terms/}"
NS_CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"


@dataclass(frozen=True)
class Limits:
    """Guards against huge and hostile files."""

    max_file_bytes: int = 50 * 1024 * 1024
    max_member_bytes: int = 100 * 1024 * 1024
    max_total_bytes: int = 300 * 1024 * 1024
    max_ratio: int = 200
    ratio_floor_bytes: int = 1024 * 1024
    max_rows: int = 20000
    max_cols: int = 200
    max_cells: int = 1_000_000
    max_shared_strings: int = 500_000


DEFAULT_LIMITS = Limits()


class ReadError(Exception):
    """A workbook that cannot be read. ``code`` is a finding code, ``fields`` fill its message."""

    def __init__(self, code: str, **fields: object) -> None:
        super().__init__(code, fields)
        self.code = code
        self.fields = fields


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


def read_workbook(path: str | Path, sheets: Iterable[str] | None = None,
                  limits: Limits = DEFAULT_LIMITS) -> WorkbookData:
    """Read a workbook's sheet names, properties and the cells of ``sheets`` (all when None).

    Raises :class:`ReadError` with a finding code when the file cannot be read safely.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReadError("read-failed", detail=exc.strerror or str(exc)) from None
    if size > limits.max_file_bytes:
        raise ReadError("file-too-large", size=_mb(size), limit=_mb(limits.max_file_bytes))
    try:
        with zipfile.ZipFile(path) as zf:
            _check_zip(zf, limits)
            return _read_package(zf, path, sheets, limits)
    except ReadError:
        raise
    except (DefusedXmlException, ) as exc:
        raise ReadError("xml-forbidden", detail=type(exc).__name__) from None
    except zipfile.BadZipFile as exc:
        raise ReadError("corrupt-zip", detail=str(exc)) from None
    except ParseError as exc:
        raise ReadError("corrupt-zip", detail=f"XML: {exc}") from None
    except (KeyError, ValueError, EOFError, OSError, NotImplementedError, RuntimeError) as exc:
        raise ReadError("corrupt-zip", detail=f"{type(exc).__name__}: {exc}") from None


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB"


def _check_zip(zf: zipfile.ZipFile, limits: Limits) -> None:
    total = 0
    for info in zf.infolist():
        total += info.file_size
        if info.file_size > limits.max_member_bytes:
            raise ReadError("zip-bomb", detail=f"{info.filename}: {_mb(info.file_size)}")
        if info.file_size > limits.ratio_floor_bytes:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_ratio:
                raise ReadError("zip-bomb", detail=f"{info.filename}: 圧縮率 {ratio:.0f} 倍")
    if total > limits.max_total_bytes:
        raise ReadError("zip-bomb", detail=f"展開後 {_mb(total)}")


def _iterparse(zf: zipfile.ZipFile, name: str, events=("end",)):
    stream = zf.open(name)
    return stream, _safe_iterparse(stream, events=events, forbid_dtd=True,
                                   forbid_entities=True, forbid_external=True)


def _names(zf: zipfile.ZipFile) -> set[str]:
    return set(zf.namelist())


def _read_package(zf: zipfile.ZipFile, path: Path, wanted: Iterable[str] | None,
                  limits: Limits) -> WorkbookData:
    names = _names(zf)
    if "xl/workbook.xml" not in names:
        raise ReadError("not-excel")
    targets = _sheet_targets(zf, names)
    wanted_set = None if wanted is None else set(wanted)
    shared: list[str] | None = None
    sheets: dict[str, SheetData] = {}
    for sheet_name, target in targets:
        if wanted_set is not None and sheet_name not in wanted_set:
            continue
        if target not in names:
            raise ReadError("corrupt-zip", detail=f"シート「{sheet_name}」の実体がありません")
        if shared is None:
            shared = _shared_strings(zf, names, limits)
        sheets[sheet_name] = _read_sheet(zf, target, sheet_name, shared, limits)
    return WorkbookData(path=path, sheet_names=[n for n, _ in targets], sheets=sheets,
                        custom_properties=_custom_properties(zf, names),
                        core_properties=_core_properties(zf, names))


def _sheet_targets(zf: zipfile.ZipFile, names: set[str]) -> list[tuple[str, str]]:
    rels: dict[str, str] = {}
    rels_name = "xl/_rels/workbook.xml.rels"
    if rels_name in names:
        stream, events = _iterparse(zf, rels_name)
        with stream:
            for _ev, el in events:
                if el.tag == f"{NS_PKG_REL}Relationship":
                    target = el.get("Target", "")
                    if target.startswith("/"):
                        resolved = target.lstrip("/")
                    else:
                        resolved = posixpath.normpath(posixpath.join("xl", target))
                    rels[el.get("Id", "")] = resolved
    result = []
    stream, events = _iterparse(zf, "xl/workbook.xml")
    with stream:
        for _ev, el in events:
            if el.tag == f"{NS_MAIN}sheet":
                rid = el.get(f"{NS_REL}id", "")
                result.append((el.get("name", ""), rels.get(rid, "")))
    return result


def _text_of_si(el) -> str:
    """Text of a shared string or inline string, without phonetic (ルビ) runs."""
    parts = []
    for child in el:
        tag = child.tag
        if tag == f"{NS_MAIN}t":
            parts.append(child.text or "")
        elif tag == f"{NS_MAIN}r":
            for t in child.iter(f"{NS_MAIN}t"):
                parts.append(t.text or "")
    return "".join(parts)


def _shared_strings(zf: zipfile.ZipFile, names: set[str], limits: Limits) -> list[str]:
    name = "xl/sharedStrings.xml"
    if name not in names:
        return []
    strings: list[str] = []
    stream, events = _iterparse(zf, name)
    with stream:
        for _ev, el in events:
            if el.tag == f"{NS_MAIN}si":
                strings.append(_text_of_si(el))
                el.clear()
                if len(strings) > limits.max_shared_strings:
                    raise ReadError("zip-bomb", detail=f"共有文字列 {len(strings)} 個")
    return strings


def _number(text: str) -> int | float:
    value = float(text)
    if value.is_integer() and abs(value) < 2**53 and "." not in text and "E" not in text.upper():
        return int(value)
    return value


def _read_sheet(zf: zipfile.ZipFile, target: str, sheet_name: str, shared: list[str],
                limits: Limits) -> SheetData:
    sheet = SheetData(name=sheet_name)
    cells = sheet.cells
    c_tag, v_tag, f_tag, is_tag = (f"{NS_MAIN}c", f"{NS_MAIN}v", f"{NS_MAIN}f", f"{NS_MAIN}is")
    dim_tag, row_tag = f"{NS_MAIN}dimension", f"{NS_MAIN}row"
    next_row = 0
    stream, events = _iterparse(zf, target, events=("start", "end"))
    with stream:
        for ev, el in events:
            tag = el.tag
            if ev == "start":
                if tag == row_tag:
                    r = el.get("r")
                    next_row = int(r) if r else next_row + 1
                    if next_row > limits.max_rows:
                        raise ReadError("sheet-too-large", sheet=sheet_name, detail=f"{next_row} 行目")
                elif tag == dim_tag:
                    _check_dimension(el.get("ref", ""), sheet_name, limits)
                continue
            if tag != c_tag:
                if tag == row_tag:
                    el.clear()
                continue
            ref = el.get("r")
            if ref:
                row, col = parse_ref(ref)
            else:
                row, col = next_row, (max((c for r, c in cells if r == next_row), default=0) + 1)
            if row > limits.max_rows or col > limits.max_cols:
                raise ReadError("sheet-too-large", sheet=sheet_name,
                                detail=f"セル {column_letter(col)}{row}")
            kind = el.get("t", "n")
            formula_el = el.find(f_tag)
            formula = None
            if formula_el is not None:
                formula = formula_el.text or ("(共有数式)" if formula_el.get("t") == "shared" else "")
            v_el = el.find(v_tag)
            raw = v_el.text if v_el is not None else None
            value: object
            if kind == "s":
                value = shared[int(raw)] if raw is not None and raw.isdigit() and int(raw) < len(shared) else None
            elif kind == "inlineStr":
                is_el = el.find(is_tag)
                value = _text_of_si(is_el) if is_el is not None else None
            elif kind == "str":
                value = raw if raw is not None else None
            elif kind == "b":
                value = raw == "1" if raw is not None else None
            elif kind == "e":
                value = raw  # "#DIV/0!" etc.
            elif kind == "d":
                value = raw
            else:
                try:
                    value = _number(raw) if raw not in (None, "") else None
                except ValueError:
                    value = raw
            el.clear()
            if value is None and formula is None:
                continue
            cells[(row, col)] = Cell(row, col, value, formula)
            if len(cells) > limits.max_cells:
                raise ReadError("sheet-too-large", sheet=sheet_name, detail=f"{len(cells)} セル")
            sheet.max_row = max(sheet.max_row, row)
            sheet.max_col = max(sheet.max_col, col)
    return sheet


def _check_dimension(ref: str, sheet_name: str, limits: Limits) -> None:
    last = ref.split(":")[-1]
    try:
        row, col = parse_ref(last.replace("$", ""))
    except ValueError:
        return
    if row > limits.max_rows or col > limits.max_cols:
        raise ReadError("sheet-too-large", sheet=sheet_name, detail=f"使用範囲 {ref}")


def _custom_properties(zf: zipfile.ZipFile, names: set[str]) -> dict[str, str]:
    name = "docProps/custom.xml"
    if name not in names:
        return {}
    props: dict[str, str] = {}
    stream, events = _iterparse(zf, name)
    with stream:
        for _ev, el in events:
            if el.tag == f"{NS_CUSTOM}property":
                value = "".join(child.text or "" for child in el)
                props[el.get("name", "")] = value
    return props


def _core_properties(zf: zipfile.ZipFile, names: set[str]) -> dict[str, str]:
    name = "docProps/core.xml"
    if name not in names:
        return {}
    wanted = {f"{NS_DCTERMS}modified": "modified", f"{NS_DCTERMS}created": "created",
              f"{NS_CP}lastModifiedBy": "last_modified_by", f"{NS_DC}creator": "creator"}
    props: dict[str, str] = {}
    stream, events = _iterparse(zf, name)
    with stream:
        for _ev, el in events:
            if el.tag in wanted:
                props[wanted[el.tag]] = (el.text or "").strip()
    return props
