"""Cells with their positions from one .xlsx workbook, read by a small guarded streaming reader.

Only the standard library (:mod:`zipfile`, ElementTree's C parser) and defusedxml: no third-party
native code that could abort the process, no DTDs or entities (billion laughs, external entities),
declared sizes and compression ratios checked before anything is inflated, and sheets whose used
range is absurd stopped early. Formulas are kept beside their cached values so the checks can tell
them apart.

Hardening, each case covered by ``tests/test_read.py`` with files from ``tests/hostile.py``:

* only regular files are opened (a pipe or a device named ``x.xlsx`` never blocks); a file that
  is not a zip is named by :func:`gyokaku_xl.reading.sniff.sniff` (password-protected, legacy .xls…);
* the zip directory's entry count is checked before :mod:`zipfile` parses it, every member's
  declared size and compression ratio before anything is inflated, and only *stored* and
  *deflated* parts are opened: zipfile's deflate reader never returns more than the declared
  size (a lying size ends in a CRC error), while its bzip2/LZMA readers can inflate far beyond
  it in a single call;
* defusedxml, with DTDs, entity declarations and external references forbidden, vets each
  part's prolog — the only place a DTD can stand — and the C parser reads the rest, where a
  DTD is a syntax error. Parts up to ``Limits.tree_part_bytes`` (declared, hence real, size) are
  parsed whole; larger ones are streamed with every element detached once it ends, so memory
  stays flat; elements, nesting depth, rows and cells are all bounded, which bounds time too;
* any other failure while inflating or parsing (``zlib.error``…) becomes a :class:`ReadError`.
"""

from __future__ import annotations

import lzma
import math
import os
import posixpath
import re
import zipfile
import zlib
from pathlib import Path
from typing import Callable, Iterable
from xml.etree.ElementTree import ParseError
from xml.etree.ElementTree import XMLParser as _XMLParser  # the C parser (expat + C tree builder)
from xml.etree.ElementTree import XMLPullParser as _XMLPullParser

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser as _DefusedXMLParser

from gyokaku_xl import text as g
from gyokaku_xl.domain.cells import SheetData, WorkbookData, cell_of, column_letter, parse_ref
from gyokaku_xl.domain.limits import DEFAULT_LIMITS, Limits
from gyokaku_xl.domain.inbox import CORRUPT_FILE, ENCRYPTED, LEGACY_XLS
from gyokaku_xl.infra.compat import zip_end
from gyokaku_xl.infra.oserror import os_error_text, python_detail, zip_detail
from gyokaku_xl.reading.sniff import CORRUPT_OLE_DETAIL, NotRegularFileError, open_regular, sniff

NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
#: "Strict Open XML" workbooks (a Save-as choice in Excel) use these instead.
NS_MAIN_STRICT = "{http://purl.oclc.org/ooxml/spreadsheetml/main}"
NS_REL_STRICT = "{http://purl.oclc.org/ooxml/officeDocument/relationships}"
NS_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
NS_CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
NS_DC = "{http://purl.org/dc/elements/1.1/}"
NS_DCTERMS = "{http://purl.org/dc/terms/}"
NS_CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"


class ReadError(Exception):
    """A workbook that cannot be read. ``code`` is a finding code, ``fields`` fill its message."""

    def __init__(self, code: str, **fields: object) -> None:
        super().__init__(code, fields)
        self.code = code
        self.fields = fields

    def __reduce__(self):
        """Picklable across process pools."""
        return (_read_error, (self.code, self.fields))

    def detail(self) -> str:
        """What is wrong with the workbook, without advice: what to do depends on whose file it is
        (a department's form, the plan master, an archived master)."""
        template = g.READ_ERROR_DETAILS.get(self.code, "{detail}")
        return template.format_map({"detail": "", "size": "", "limit": "", "sheet": "", **self.fields})


class StopReading(Exception):
    """Raised by a reader's ``watch`` to stop reading a sheet: what was read so far is not wanted."""


#: ``watch(sheet name, the sheet so far, row number)``, called after each row element is read.
RowWatch = Callable[[str, SheetData, int], None]


def _read_error(code: str, fields: dict) -> "ReadError":
    return ReadError(code, **fields)


def read_workbook(path: str | Path, sheets: Iterable[str] | None = None,
                  limits: Limits = DEFAULT_LIMITS, watch: RowWatch | None = None) -> WorkbookData:
    """Read a workbook's sheet names, properties and the cells of ``sheets`` (all when None).

    ``watch`` sees each row as it is read and may stop the reading with :class:`StopReading`
    (which passes through). Raises :class:`ReadError` with a finding code when the file cannot be
    read safely.
    """

    path = Path(path)
    try:
        fh = open_regular(path)
    except IsADirectoryError:
        raise ReadError("read-failed", detail=g.SNIFF_FOLDER) from None
    except NotRegularFileError:
        raise ReadError("read-failed", detail=g.SNIFF_NOT_REGULAR) from None
    except OSError as exc:
        raise ReadError("read-failed", detail=os_error_text(exc)) from None
    with fh:
        try:
            size = os.fstat(fh.fileno()).st_size
            if size > limits.max_file_bytes:
                raise ReadError("file-too-large", size=_mb(size), limit=_mb(limits.max_file_bytes))
            if not fh.read(4).startswith(b"PK"):
                raise _not_a_zip(path)
            fh.seek(0)
            _check_directory(fh, limits)
            fh.seek(0)
            with zipfile.ZipFile(fh) as zf:
                _check_zip(zf, limits)
                return _read_package(zf, path, sheets, limits, watch)
        except (ReadError, StopReading):
            raise
        except DefusedXmlException as exc:
            raise ReadError("xml-forbidden", detail=type(exc).__name__) from None
        except zipfile.BadZipFile as exc:
            raise ReadError("corrupt-zip", detail=zip_detail(exc)) from None
        except ParseError as exc:
            raise ReadError("corrupt-zip", detail=_xml_detail(exc)) from None
        except (zlib.error, lzma.LZMAError, EOFError):
            raise ReadError("corrupt-zip", detail=g.READ_DETAIL_INFLATE) from None
        except Exception as exc:  # noqa: BLE001 - untrusted input must never crash a run
            raise ReadError("corrupt-zip", detail=python_detail(exc)) from None


def _not_a_zip(path: Path) -> ReadError:
    """The error for a file that is not a zip at all, named after what it is."""
    kind = sniff(path)
    if kind in (ENCRYPTED, LEGACY_XLS):
        return ReadError(kind)
    if kind == CORRUPT_FILE:
        return ReadError(kind, detail=CORRUPT_OLE_DETAIL)
    return ReadError("not-excel")


def _xml_detail(exc: ParseError, part: str = "") -> str:
    """A Japanese description of an XML syntax error, with its position."""
    line, col = getattr(exc, "position", (0, 0))
    where = g.READ_DETAIL_XML_PART.format(part=part[:80]) if part else ""
    return g.READ_DETAIL_XML.format(where=where, line=line, col=col + 1)


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB"


def _check_directory(fh, limits: Limits) -> None:
    """Refuse a zip whose central directory lists absurdly many members, before parsing it."""
    end = zip_end(fh)
    if end is None:
        raise zipfile.BadZipFile("File is not a zip file")
    if end.entries > limits.max_members or end.directory_size > limits.max_members * 1024:
        raise ReadError("zip-bomb", detail=g.READ_DETAIL_PARTS.format(count=end.entries))


def _check_zip(zf: zipfile.ZipFile, limits: Limits) -> None:
    infos = zf.infolist()
    if len(infos) > limits.max_members:
        raise ReadError("zip-bomb", detail=g.READ_DETAIL_PARTS.format(count=len(infos)))
    total = 0
    for info in infos:
        total += info.file_size
        if info.flag_bits & 0x1:  # a password on the zip itself (zipfile would raise RuntimeError)
            raise ReadError("encrypted")
        if info.file_size > limits.max_member_bytes:
            raise ReadError("zip-bomb", detail=f"{info.filename}: {_mb(info.file_size)}")
        if info.file_size > limits.ratio_floor_bytes:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_ratio:
                raise ReadError("zip-bomb", detail=g.READ_DETAIL_RATIO.format(part=info.filename, ratio=ratio))
    if total > limits.max_total_bytes:
        raise ReadError("zip-bomb", detail=g.READ_DETAIL_INFLATED.format(size=_mb(total)))


_SAFE_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_CHUNK = 64 * 1024


class _RootReached(Exception):
    """Raised by the prolog guard when the root element starts: the prolog is clean."""


class _PrologTarget:
    """Parser target that stops at the first element."""

    def start(self, tag, attrib):  # noqa: D102 - parser protocol
        raise _RootReached

    def close(self) -> None:  # noqa: D102 - parser protocol
        return None


def _vetted_chunks(zf: zipfile.ZipFile, info: zipfile.ZipInfo):
    """The bytes of one part in chunks, after defusedxml has vetted its prolog.

    A DTD (and with it every entity declaration and external reference) can only stand before
    the root element, so defusedxml (with DTDs, entities and external references forbidden)
    parses the part up to the root element's start; the fast C parser then reads the rest, where
    a DTD would be a syntax error.
    """
    guard = _DefusedXMLParser(target=_PrologTarget(), forbid_dtd=True, forbid_entities=True,
                              forbid_external=True)
    guarding = True
    with zf.open(info) as stream:
        while True:
            chunk = stream.read(_CHUNK)
            if not chunk:
                return
            if guarding:
                try:
                    guard.feed(chunk)
                except _RootReached:
                    guarding = False
                except DefusedXmlException:
                    raise
                except ParseError as exc:  # a syntax error in the prolog
                    raise ReadError("corrupt-zip", detail=_xml_detail(exc, info.filename)) from None
                except Exception as exc:  # noqa: BLE001 - anything else the prolog guard meets
                    raise ReadError("corrupt-zip", detail=python_detail(exc)) from None
            yield chunk


def _records(zf: zipfile.ZipFile, name: str, limits: Limits, tags: tuple[str, ...], *,
             max_elements: int, sheet: str = ""):
    """The complete elements of one XML part whose tag is in ``tags``, in document order per tag.

    A part whose declared size is small (zipfile never inflates past the declared size) is
    parsed into a tree at C speed; a larger one is streamed with each element detached once it
    ends, so memory stays flat. Raises :class:`ReadError` on a disallowed compression method,
    past ``max_elements`` elements, ``limits.max_xml_depth`` levels or
    ``limits.max_record_elements`` elements inside one record.
    """
    info = zf.getinfo(name)
    if info.compress_type not in _SAFE_METHODS:
        raise ReadError("corrupt-zip", detail=g.READ_DETAIL_METHOD.format(
            part=name, method=info.compress_type))
    chunks = _vetted_chunks(zf, info)
    if info.file_size <= limits.tree_part_bytes:
        parser = _XMLParser()
        for chunk in chunks:
            parser.feed(chunk)
        root = parser.close()
        for tag in tags:
            yield from root.iter(tag)
        return
    yield from _streamed_records(chunks, name, limits, frozenset(tags), max_elements, sheet)


def _streamed_records(chunks, name: str, limits: Limits, tags: frozenset[str],
                      max_elements: int, sheet: str):
    def too_many(detail: str) -> ReadError:
        if sheet:
            return ReadError("sheet-too-large", sheet=sheet, detail=detail)
        return ReadError("zip-bomb", detail=f"{name}: {detail}")

    parser = _XMLPullParser(events=("start", "end"))
    stack: list = []
    count = 0
    kept_from = 0
    keep_depth = 0
    done = False
    while not done:
        chunk = next(chunks, None)
        if chunk is None:
            parser.close()
            done = True
        else:
            parser.feed(chunk)
        for event, el in parser.read_events():
            if event == "start":
                count += 1
                if count > max_elements:
                    raise too_many(g.READ_DETAIL_ELEMENTS.format(count=count))
                stack.append(el)
                if len(stack) > limits.max_xml_depth:
                    raise ReadError("xml-forbidden", detail=g.READ_DETAIL_DEPTH.format(
                        part=name, depth=len(stack)))
                if keep_depth:
                    keep_depth += 1
                    if count - kept_from > limits.max_record_elements:
                        raise too_many(g.READ_DETAIL_RECORD_ELEMENTS.format(count=count - kept_from))
                elif el.tag in tags:
                    keep_depth = 1
                    kept_from = count
                continue
            stack.pop()
            if keep_depth:
                keep_depth -= 1
                if keep_depth:
                    continue  # inside a record: its children stay for the caller
                yield el
            if stack:
                # Siblings end in document order and each is detached at its end, so this one is
                # the parent's first child (the parser may already have added later ones).
                parent = stack[-1]
                if len(parent) and parent[0] is el:
                    del parent[0]
            el.clear()


class _Names:
    """Element names of one namespace flavour (transitional or strict), computed once."""

    LOCALS = ("workbook", "sheet", "si", "t", "r", "c", "v", "f", "row", "dimension")

    def __init__(self, main: str, rel: str) -> None:
        self.main = main
        self.rel = rel
        for local in self.LOCALS:
            setattr(self, local, main + local)
        self.is_ = main + "is"


_TRANSITIONAL = _Names(NS_MAIN, NS_REL)
_STRICT = _Names(NS_MAIN_STRICT, NS_REL_STRICT)


class _PartNames:
    """The package's part names, looked up case-insensitively as Excel does (OPC part names are)."""

    def __init__(self, zf: zipfile.ZipFile) -> None:
        self._real: dict[str, str] = {}
        for name in zf.namelist():
            folded = name.lower()
            other = self._real.setdefault(folded, name)
            if other != name:  # two parts Excel would take for one: which one is meant?
                raise ReadError("corrupt-zip", detail=g.READ_DETAIL_PART_CASE.format(
                    first=other[:80], second=name[:80]))

    def __contains__(self, name: str) -> bool:
        return name.lower() in self._real

    def real(self, name: str) -> str:
        """The name as stored in the zip (``name`` itself when absent)."""
        return self._real.get(name.lower(), name)


def _names(zf: zipfile.ZipFile) -> _PartNames:
    return _PartNames(zf)


def _read_package(zf: zipfile.ZipFile, path: Path, wanted: Iterable[str] | None,
                  limits: Limits, watch: RowWatch | None = None) -> WorkbookData:
    names = _names(zf)
    if "xl/workbook.xml" not in names:
        if "xl/workbook.bin" in names:
            raise ReadError("binary-workbook")
        raise ReadError("not-excel")
    targets, ns = _sheet_targets(zf, names, limits)
    wanted_set = None if wanted is None else set(wanted)
    shared: list[str] | None = None
    sheets: dict[str, SheetData] = {}
    for sheet_name, target in targets:
        if wanted_set is not None and sheet_name not in wanted_set:
            continue
        if target not in names:
            raise ReadError("corrupt-zip", detail=g.READ_DETAIL_SHEET_PART_MISSING.format(sheet=sheet_name))
        if shared is None:
            shared = _shared_strings(zf, names, limits, ns)
        sheets[sheet_name] = _read_sheet(zf, names.real(target), sheet_name, shared, limits, ns, watch)
    return WorkbookData(path=path, sheet_names=[n for n, _ in targets], sheets=sheets,
                        custom_properties=_custom_properties(zf, names, limits),
                        core_properties=_core_properties(zf, names, limits))


def _sheet_targets(zf: zipfile.ZipFile, names: _PartNames,
                   limits: Limits) -> tuple[list[tuple[str, str]], _Names]:
    rels: dict[str, str] = {}
    rels_name = "xl/_rels/workbook.xml.rels"
    if rels_name in names:
        for el in _records(zf, names.real(rels_name), limits, (f"{NS_PKG_REL}Relationship",),
                           max_elements=limits.max_part_elements):
            target = el.get("Target", "")
            if target.startswith("/"):
                resolved = target.lstrip("/")
            else:
                resolved = posixpath.normpath(posixpath.join("xl", target))
            rels[el.get("Id", "")] = resolved
            if len(rels) > limits.max_members:
                raise ReadError("zip-bomb", detail=g.READ_DETAIL_RELATIONSHIPS.format(count=len(rels)))
    result = []
    ns = _TRANSITIONAL
    for el in _records(zf, names.real("xl/workbook.xml"), limits, (_TRANSITIONAL.sheet, _STRICT.sheet),
                       max_elements=limits.max_part_elements):
        ns = _STRICT if el.tag == _STRICT.sheet else _TRANSITIONAL
        rid = el.get(f"{ns.rel}id", "")
        result.append((el.get("name", ""), rels.get(rid, "")))
        if len(result) > limits.max_sheets:
            raise ReadError("zip-bomb", detail=g.READ_DETAIL_SHEETS.format(count=len(result)))
    return result, ns


_XSTRING_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _unescape(text: str) -> str:
    """Undo OOXML's ``_xHHHH_`` escapes (a carriage return is stored as ``_x000D_``)."""
    if "_x" not in text:
        return text
    return _XSTRING_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


def _text_of_si(el, ns: _Names | None = None) -> str:
    """Text of a shared string or inline string, without phonetic (ルビ) runs."""
    ns = ns or _TRANSITIONAL
    t_tag, r_tag = ns.t, ns.r
    if len(el) == 1 and el[0].tag == t_tag:  # the usual case: one plain text
        return _unescape(el[0].text or "")
    parts = []
    for child in el:
        tag = child.tag
        if tag == t_tag:
            parts.append(child.text or "")
        elif tag == r_tag:
            for t in child.iter(t_tag):
                parts.append(t.text or "")
    return _unescape("".join(parts))


def _shared_strings(zf: zipfile.ZipFile, names: _PartNames, limits: Limits,
                    ns: _Names | None = None) -> list[str]:
    ns = ns or _TRANSITIONAL
    name = "xl/sharedStrings.xml"
    if name not in names:
        return []
    strings: list[str] = []
    for el in _records(zf, names.real(name), limits, (ns.si,), max_elements=limits.max_xml_elements):
        strings.append(_text_of_si(el, ns))
        if len(strings) > limits.max_shared_strings:
            raise ReadError("zip-bomb", detail=g.READ_DETAIL_SHARED_STRINGS.format(count=len(strings)))
    return strings


def _number(text: str) -> int | float | str:
    value = float(text)
    if not math.isfinite(value):  # "INF", "NaN": never written by Excel; keep the text as seen
        return text
    if value.is_integer() and abs(value) < 2**53 and "." not in text and "E" not in text.upper():
        return int(value)
    return value


_DIGITS = "0123456789"
_COLUMN_CACHE: dict[str, int] = {}


_REF_CACHE: dict[str, tuple[int, int]] = {}
_REF_CACHE_SIZE = 50_000


def _split_ref(ref: str) -> tuple[int, int]:
    """Fast :func:`parse_ref` for the cell references of a sheet (results cached, bounded)."""
    found = _REF_CACHE.get(ref)
    if found is not None:
        return found
    letters = ref.rstrip(_DIGITS)
    digits = ref[len(letters):]
    col = _COLUMN_CACHE.get(letters)
    if col is None:
        if not (1 <= len(letters) <= 3 and letters.isascii() and letters.isupper()):
            raise ValueError(ref)
        col = 0
        for ch in letters:
            col = col * 26 + ord(ch) - 64
        if len(_COLUMN_CACHE) < 20000:
            _COLUMN_CACHE[letters] = col
    if not digits or len(digits) > 7 or not digits.isascii():
        raise ValueError(ref)
    found = (int(digits), col)
    if len(_REF_CACHE) < _REF_CACHE_SIZE:
        _REF_CACHE[ref] = found
    return found


def _cell_position(ref: str, sheet_name: str) -> tuple[int, int]:
    """:func:`_split_ref`, with a reference Excel would not write told as a damaged file."""
    try:
        return _split_ref(ref)
    except ValueError:
        raise ReadError("corrupt-zip", detail=g.READ_DETAIL_CELL_REF.format(
            sheet=sheet_name, ref=ref[:20])) from None


def _row_number(text: str, sheet_name: str) -> int:
    """A row element's ``r`` number, with anything but a plain number told as a damaged file."""
    if text.isdigit() and text.isascii() and len(text) <= 7:
        return int(text)
    raise ReadError("corrupt-zip", detail=g.READ_DETAIL_ROW_NUMBER.format(sheet=sheet_name, ref=text[:20]))


def _read_sheet(zf: zipfile.ZipFile, target: str, sheet_name: str, shared: list[str],
                limits: Limits, ns: _Names | None = None, watch: RowWatch | None = None) -> SheetData:
    ns = ns or _TRANSITIONAL
    sheet = SheetData(name=sheet_name)
    cells = sheet.cells
    c_tag, v_tag, f_tag, is_tag, t_tag = ns.c, ns.v, ns.f, ns.is_, ns.t
    ref_cache_get = _REF_CACHE.get
    dim_tag, row_tag = ns.dimension, ns.row
    max_rows, max_cols, max_cells = limits.max_rows, limits.max_cols, limits.max_cells
    row_no = 0  # the current row's number
    rows_seen = 0
    for el in _records(zf, target, limits, (dim_tag, row_tag), max_elements=limits.max_xml_elements,
                       sheet=sheet_name):
        if el.tag == dim_tag:
            _check_dimension(el.get("ref", ""), sheet_name, limits)
            continue
        rows_seen += 1
        r = el.get("r")
        row_no = _row_number(r, sheet_name) if r else row_no + 1
        if row_no > max_rows or rows_seen > max_rows:
            raise ReadError("sheet-too-large", sheet=sheet_name, detail=g.READ_DETAIL_ROW.format(
                row=max(row_no, rows_seen)))
        col_no = 0  # the last column seen in this row (for cells without a reference)
        for c in el:
            if c.tag != c_tag:
                continue
            ref = c.get("r")
            if ref:
                row_col = ref_cache_get(ref)
                row, col = row_col if row_col is not None else _cell_position(ref, sheet_name)
            else:
                row, col = row_no, col_no + 1
            col_no = col
            if row > max_rows or col > max_cols:
                raise ReadError("sheet-too-large", sheet=sheet_name,
                                detail=g.READ_DETAIL_CELL.format(cell=f"{column_letter(col)}{row}"))
            if not len(c):
                continue  # an empty (formatted) cell
            raw = formula = inline = None
            for part in c:
                tag = part.tag
                if tag == v_tag:
                    raw = part.text
                elif tag == f_tag:
                    formula = part.text or (g.SHARED_FORMULA if part.get("t") == "shared" else "")
                elif tag == is_tag:
                    inline = part
            kind = c.get("t")
            value: object
            if kind is None or kind == "n":
                try:
                    value = _number(raw) if raw else None
                except ValueError:
                    value = raw
            elif kind == "s":
                value = _shared_value(raw, shared, sheet_name, row, col)
            elif kind == "inlineStr":
                if inline is None:
                    value = None
                elif len(inline) == 1 and inline[0].tag == t_tag:  # one plain text: the usual case
                    value = inline[0].text or ""
                else:
                    value = _text_of_si(inline, ns)
            elif kind == "b":
                value = raw == "1" if raw is not None else None
            else:  # "str" (a formula's text), "e" ("#DIV/0!"…), "d" (ISO date text)
                value = raw
            if value is None and formula is None:
                continue
            cells[(row, col)] = cell_of(row, col, value, formula)
            if len(cells) > max_cells:
                raise ReadError("sheet-too-large", sheet=sheet_name, detail=g.READ_DETAIL_CELLS.format(count=len(cells)))
            if row > sheet.max_row:
                sheet.max_row = row
            if col > sheet.max_col:
                sheet.max_col = col
        if watch is not None:
            watch(sheet_name, sheet, row_no)
    return sheet


def _shared_value(raw: str | None, shared: list[str], sheet_name: str, row: int, col: int) -> str | None:
    if raw is None:
        return None
    text = raw.strip()
    index = int(text) if text.isdigit() and text.isascii() and len(text) < 10 else -1
    if not 0 <= index < len(shared):  # Excel itself would call the file damaged
        raise ReadError("corrupt-zip", detail=g.READ_DETAIL_SHARED_INDEX.format(
            sheet=sheet_name, cell=f"{column_letter(col)}{row}", index=raw[:20]))
    return shared[index]


def _check_dimension(ref: str, sheet_name: str, limits: Limits) -> None:
    last = ref.split(":")[-1]
    try:
        row, col = parse_ref(last.replace("$", ""))
    except ValueError:
        return
    if row > limits.max_rows or col > limits.max_cols:
        raise ReadError("sheet-too-large", sheet=sheet_name, detail=g.READ_DETAIL_USED_RANGE.format(ref=ref))


def _custom_properties(zf: zipfile.ZipFile, names: _PartNames,
                       limits: Limits = DEFAULT_LIMITS) -> dict[str, str]:
    name = "docProps/custom.xml"
    if name not in names:
        return {}
    props: dict[str, str] = {}
    for el in _records(zf, names.real(name), limits, (f"{NS_CUSTOM}property",),
                       max_elements=limits.max_part_elements):
        props[el.get("name", "")] = "".join(child.text or "" for child in el)
    return props


def _core_properties(zf: zipfile.ZipFile, names: _PartNames,
                     limits: Limits = DEFAULT_LIMITS) -> dict[str, str]:
    name = "docProps/core.xml"
    if name not in names:
        return {}
    wanted = {f"{NS_DCTERMS}modified": "modified", f"{NS_DCTERMS}created": "created",
              f"{NS_CP}lastModifiedBy": "last_modified_by", f"{NS_DC}creator": "creator"}
    props: dict[str, str] = {}
    for el in _records(zf, names.real(name), limits, tuple(wanted), max_elements=limits.max_part_elements):
        props[wanted[el.tag]] = (el.text or "").strip()
    return props
