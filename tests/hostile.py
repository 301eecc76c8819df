"""Builders for hostile and odd inbox files, written by code into a folder.

Every function takes the folder (and a file name where it matters) and returns the path written.
Nothing here is checked in as a binary: the tests build what they need.

* workbook packages by hand: :func:`write_package` / :func:`package_parts` give a minimal .xlsx
  whose XML parts the test chooses (so any part can carry a DTD, an entity bomb, a huge range…);
* zip tricks: bombs by declared size and by ratio, members whose declared size lies, exotic
  compression methods, very many members, truncated zips;
* OLE2 compound files: a tiny CFB writer (:func:`write_cfb`) for legacy ``.xls`` look-alikes and
  other OLE files; a real password-protected ``.xlsx`` via ``msoffcrypto-tool`` and a real
  ``.xls`` via ``xlwt`` when those test extras are installed;
* lock files as Excel and LibreOffice write them, and plain not-Excel files.
"""

from __future__ import annotations

import io
import os
import random
import struct
import zipfile
from pathlib import Path
from typing import Iterable, Mapping

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PR = "http://schemas.openxmlformats.org/package/2006/relationships"
SHEET_PART = "xl/worksheets/sheet1.xml"
SHARED_PART = "xl/sharedStrings.xml"
SHEET_NAME = "取組状況"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '</Types>')
ROOT_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="{NS_PR}">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')


def workbook_xml(sheet_name: str = SHEET_NAME) -> str:
    """``xl/workbook.xml`` naming one sheet."""
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<workbook xmlns="{NS}" xmlns:r="{NS_R}">'
            f'<sheets><sheet name="{sheet_name}" sheetId="1" r:id="rId1"/></sheets></workbook>')


WORKBOOK_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="{NS_PR}">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')


def sheet_xml(rows: str, dimension: str | None = None) -> str:
    """A worksheet part around ``rows`` (the inside of ``<sheetData>``)."""
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="{NS}">{dim}'
            f"<sheetData>{rows}</sheetData></worksheet>")


def shared_xml(strings: Iterable[str]) -> str:
    """A shared-strings part with plain strings."""
    items = "".join(f"<si><t>{s}</t></si>" for s in strings)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="{NS}">{items}</sst>'


def package_parts(sheet: str | bytes, shared: str | bytes | None = None,
                  sheet_name: str = SHEET_NAME) -> dict[str, str | bytes]:
    """The parts of a minimal one-sheet workbook."""
    parts: dict[str, str | bytes] = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELS,
        "xl/workbook.xml": workbook_xml(sheet_name),
        "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
        SHEET_PART: sheet,
    }
    if shared is not None:
        parts[SHARED_PART] = shared
    return parts


def write_package(path: Path, parts: Mapping[str, str | bytes],
                  compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """Write ``parts`` as a zip package at ``path``."""
    path = Path(path)
    with zipfile.ZipFile(path, "w", compression) as zf:
        for name, data in parts.items():
            zf.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return path


def simple_workbook(folder: Path, name: str = "ok.xlsx") -> Path:
    """A small, valid workbook (a few strings and numbers) built by hand."""
    rows = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>42</v></c></row>'
            '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>1.5</v></c></row>')
    return write_package(Path(folder) / name,
                         package_parts(sheet_xml(rows, "A1:B2"), shared_xml(["総務課", "順調"])))


# --- XML payloads ------------------------------------------------------------------------------

LAUGHS_DTD = ('<!DOCTYPE lolz [<!ENTITY lol "lol">'
              + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                        for i in range(1, 10))
              + "]>")


def billion_laughs(folder: Path, part: str = "sharedStrings", name: str = "laughs.xlsx") -> Path:
    """Nested entity expansion (a billion "lol"s) in the shared strings or in the sheet."""
    if part == "sharedStrings":
        shared = (f'<?xml version="1.0"?>\n{LAUGHS_DTD}<sst xmlns="{NS}"><si><t>&lol9;</t></si></sst>')
        sheet = sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>')
        return write_package(Path(folder) / name, package_parts(sheet, shared))
    sheet = (f'<?xml version="1.0"?>\n{LAUGHS_DTD}<worksheet xmlns="{NS}"><sheetData>'
             '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
             "</sheetData></worksheet>")
    return write_package(Path(folder) / name, package_parts(sheet))


def external_entity(folder: Path, name: str = "xxe.xlsx", target: str = "file:///etc/passwd") -> Path:
    """An external entity (XXE) pointing at a local file, used in a shared string."""
    shared = (f'<?xml version="1.0"?>\n<!DOCTYPE sst [<!ENTITY xxe SYSTEM "{target}">]>'
              f'<sst xmlns="{NS}"><si><t>&xxe;</t></si></sst>')
    sheet = sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>')
    return write_package(Path(folder) / name, package_parts(sheet, shared))


def doctype_only(folder: Path, name: str = "dtd.xlsx") -> Path:
    """A harmless-looking DTD with no entities, in the workbook part."""
    parts = package_parts(sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>'))
    parts["xl/workbook.xml"] = str(parts["xl/workbook.xml"]).replace(
        "<workbook ", '<!DOCTYPE workbook [<!ELEMENT workbook ANY>]><workbook ', 1)
    return write_package(Path(folder) / name, parts)


def far_cell(folder: Path, name: str = "far.xlsx") -> Path:
    """A tiny file whose only cell sits at XFD1048576 (the last cell of a sheet)."""
    import xlsxwriter

    path = Path(folder) / name
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet(SHEET_NAME)
    ws.write_string(0, 0, "取組番号")
    ws.write_string(1048575, 16383, "x")
    wb.close()
    return path


def far_cell_no_dimension(folder: Path, name: str = "far_nodim.xlsx") -> Path:
    """The XFD1048576 cell without a ``<dimension>`` element to give it away."""
    rows = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    return write_package(Path(folder) / name, package_parts(sheet_xml(rows)))


def huge_dimension(folder: Path, name: str = "dimension.xlsx") -> Path:
    """A sheet declaring a used range of A1:XFD1048576 while holding one cell."""
    rows = '<row r="1"><c r="A1"><v>1</v></c></row>'
    return write_package(Path(folder) / name, package_parts(sheet_xml(rows, "A1:XFD1048576")))


def many_rows(folder: Path, count: int, name: str = "rows.xlsx", numbered: bool = True,
              same_row: bool = False) -> Path:
    """A sheet of ``count`` one-cell rows, with or without ``r`` numbers (or all claiming row 1)."""
    def rows():
        for i in range(1, count + 1):
            r = 1 if same_row else i
            if numbered:
                yield f'<row r="{r}"><c r="A{r}"><v>{i}</v></c></row>'
            else:
                yield f"<row><c><v>{i}</v></c></row>"
    return _stream_sheet(Path(folder) / name, rows())


def unnumbered_cells(folder: Path, rows: int, cols: int, name: str = "unnumbered.xlsx") -> Path:
    """Rows and cells without ``r`` references (allowed by the format, written by some tools)."""
    cells = '<c t="inlineStr"><is><t>x</t></is></c>' * cols
    return _stream_sheet(Path(folder) / name, (f"<row>{cells}</row>" for _ in range(rows)))


def junk_elements(folder: Path, count: int, name: str = "junk.xlsx", seed: int = 7) -> Path:
    """``count`` unknown elements beside the sheet data, varied so that they compress poorly."""
    rnd = random.Random(seed)

    def parts():
        yield '<row r="1"><c r="A1"><v>1</v></c></row></sheetData>'
        for _ in range(count):
            yield f'<x a="{rnd.getrandbits(40):x}"/>'
        yield "<sheetData>"
    return _stream_sheet(Path(folder) / name, parts())


def deep_nesting(folder: Path, depth: int, name: str = "deep.xlsx") -> Path:
    """Elements nested ``depth`` levels deep inside the sheet."""
    def parts():
        yield '<row r="1"><c r="A1"><v>1</v></c></row></sheetData>'
        for _ in range(depth):
            yield "<x>"
        for _ in range(depth):
            yield "</x>"
        yield "<sheetData>"
    return _stream_sheet(Path(folder) / name, parts())


def crowded_cell(folder: Path, runs: int, name: str = "crowded.xlsx") -> Path:
    """One inline-string cell made of ``runs`` rich-text runs."""
    def parts():
        yield '<row r="1"><c r="A1" t="inlineStr"><is>'
        for i in range(runs):
            yield f"<r><t>{i % 10}</t></r>"
        yield "</is></c></row>"
    return _stream_sheet(Path(folder) / name, parts())


def many_shared_strings(folder: Path, count: int, name: str = "strings.xlsx") -> Path:
    """A shared-strings part with ``count`` distinct strings."""
    path = Path(folder) / name
    parts = package_parts(sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for part, data in parts.items():
            zf.writestr(part, data)
        with zf.open(SHARED_PART, "w") as out:
            out.write(f'<?xml version="1.0"?>\n<sst xmlns="{NS}">'.encode())
            for i in range(count):
                out.write(f"<si><t>s{i}</t></si>".encode())
            out.write(b"</sst>")
    return path


def _stream_sheet(path: Path, chunks: Iterable[str]) -> Path:
    """Write a package whose sheet part is streamed from ``chunks`` (inside ``<sheetData>``)."""
    parts = package_parts("")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for part, data in parts.items():
            if part != SHEET_PART:
                zf.writestr(part, data)
        with zf.open(SHEET_PART, "w", force_zip64=False) as out:
            out.write(f'<?xml version="1.0"?>\n<worksheet xmlns="{NS}"><sheetData>'.encode())
            buf = []
            for chunk in chunks:
                buf.append(chunk)
                if len(buf) >= 4096:
                    out.write("".join(buf).encode())
                    buf.clear()
            out.write("".join(buf).encode())
            out.write(b"</sheetData></worksheet>")
    return path


# --- zip tricks ----------------------------------------------------------------------------------

def _padded_sheet_chunks(size: int, filler: bytes = b" ") -> Iterable[bytes]:
    head = f'<?xml version="1.0"?>\n<worksheet xmlns="{NS}"><sheetData>'.encode()
    tail = b'<row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>'
    yield head
    left = size - len(head) - len(tail)
    block = filler * (1 << 20)
    while left > 0:
        n = min(left, len(block))
        yield block[:n]
        left -= n
    yield tail


def zip_bomb(folder: Path, size: int, name: str = "bomb.xlsx",
             compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """A sheet part of ``size`` bytes of blanks: tiny on disk, absurd when inflated.

    With a size above the reader's per-part limit it is a bomb by declared size; with a few MB it
    is a bomb by compression ratio (blanks compress about a thousand times).
    """
    path = Path(folder) / name
    parts = package_parts("")
    with zipfile.ZipFile(path, "w", compression) as zf:
        for part, data in parts.items():
            if part != SHEET_PART:
                zf.writestr(part, data)
        with zf.open(SHEET_PART, "w", force_zip64=size > 2**31 - 1) as out:
            for chunk in _padded_sheet_chunks(size):
                out.write(chunk)
    return path


def lying_zip_bomb(folder: Path, real_size: int, declared_size: int = 2000,
                   name: str = "liar.xlsx", compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """A sheet part that inflates to ``real_size`` bytes while its headers declare ``declared_size``.

    The declared sizes in both the local header and the central directory are rewritten, so a
    reader that trusts them sees a small, well-compressed part.
    """
    path = zip_bomb(folder, real_size, name=name, compression=compression)
    return patch_declared_size(path, SHEET_PART, declared_size)


def patch_declared_size(path: Path, member: str, declared_size: int) -> Path:
    """Rewrite the uncompressed size of ``member`` in its local header and central directory."""
    data = bytearray(Path(path).read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo(member)
        header_offset = info.header_offset
    _patch_sizes(data, header_offset, central=False, size=declared_size)
    pos = 0
    name = member.encode()
    while True:
        cd = data.find(b"PK\x01\x02", pos)
        if cd < 0:
            raise ValueError(member)
        name_len = struct.unpack_from("<H", data, cd + 28)[0]
        if bytes(data[cd + 46:cd + 46 + name_len]) == name:
            break
        pos = cd + 4
    _patch_sizes(data, cd, central=True, size=declared_size)
    Path(path).write_bytes(bytes(data))
    return Path(path)


def _patch_sizes(data: bytearray, start: int, central: bool, size: int) -> None:
    # Local header: sizes at +18/+22, name length at +26, 30 fixed bytes.
    # Central entry: sizes at +20/+24, name length at +28, 46 fixed bytes.
    size_at, name_at, fixed = (24, 28, 46) if central else (22, 26, 30)
    name_len, extra_len = struct.unpack_from("<HH", data, start + name_at)
    if struct.unpack_from("<I", data, start + size_at)[0] != 0xFFFFFFFF:
        struct.pack_into("<I", data, start + size_at, size)
        return
    extra_at = start + fixed + name_len  # ZIP64: the real size is in the extra field
    end = extra_at + extra_len
    while extra_at + 4 <= end:
        tag, length = struct.unpack_from("<HH", data, extra_at)
        if tag == 0x0001:
            struct.pack_into("<Q", data, extra_at + 4, size)
            return
        extra_at += 4 + length
    raise ValueError("ZIP64 extra field not found")


def many_members(folder: Path, count: int, name: str = "members.xlsx") -> Path:
    """A valid workbook followed by ``count`` tiny extra members."""
    path = Path(folder) / name
    parts = package_parts(sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>'))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        for part, data in parts.items():
            zf.writestr(part, data)
        for i in range(count):
            zf.writestr(f"x/{i}", b"")
    return path


def truncated_zip(folder: Path, name: str = "truncated.xlsx", keep: float = 0.5) -> Path:
    """The first part of a valid workbook, as left by an interrupted copy."""
    source = simple_workbook(folder, name="_source_for_truncation.xlsx")
    data = source.read_bytes()
    source.unlink()
    path = Path(folder) / name
    path.write_bytes(data[: int(len(data) * keep)])
    return path


def damaged_data(folder: Path, name: str = "damaged.xlsx") -> Path:
    """A workbook whose directory is intact but whose sheet data bytes are scrambled."""
    rows = "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(1, 200))
    path = write_package(Path(folder) / name, package_parts(sheet_xml(rows)))
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(SHEET_PART)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 8, start + min(info.compress_size, 80)):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))
    return path


def random_bytes(folder: Path, size: int = 4096, name: str = "random.xlsx", seed: int = 1,
                 prefix: bytes = b"") -> Path:
    """Deterministic random bytes (optionally after a magic ``prefix`` such as ``PK\\x03\\x04``)."""
    path = Path(folder) / name
    path.write_bytes(prefix + random.Random(seed).randbytes(size))
    return path


def empty_file(folder: Path, name: str = "empty.xlsx") -> Path:
    """A zero-byte file."""
    path = Path(folder) / name
    path.write_bytes(b"")
    return path


def directory_like_workbook(folder: Path, name: str = "folder.xlsx") -> Path:
    """A directory whose name looks like a workbook (with a file inside)."""
    path = Path(folder) / name
    path.mkdir()
    (path / "inside.txt").write_text("x", encoding="utf-8")
    return path


def fifo(folder: Path, name: str = "pipe.xlsx") -> Path:
    """A named pipe: opening it for reading would block forever."""
    path = Path(folder) / name
    os.mkfifo(path)
    return path


# --- not Excel -----------------------------------------------------------------------------------

def csv_file(folder: Path, name: str = "総務課.csv") -> Path:
    """A CSV export instead of the form."""
    path = Path(folder) / name
    path.write_bytes("取組番号,進捗状況\n1-1,順調\n".encode("cp932"))
    return path


def pdf_file(folder: Path, name: str = "総務課.pdf") -> Path:
    """The start of a PDF."""
    path = Path(folder) / name
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n")
    return path


def docx_like(folder: Path, name: str = "総務課.docx") -> Path:
    """A zip laid out like a Word document."""
    return write_package(Path(folder) / name, {
        "[Content_Types].xml": "<Types/>", "_rels/.rels": "<Relationships/>",
        "word/document.xml": "<w:document xmlns:w='urn:x'/>"})


def docx_named_xlsx(folder: Path, name: str = "総務課.xlsx") -> Path:
    """A Word document renamed to ``.xlsx``."""
    return docx_like(folder, name)


def plain_zip_of_workbook(folder: Path, name: str = "提出.zip") -> Path:
    """A zip archive holding a workbook (a department zipped its form)."""
    inner = simple_workbook(folder, name="_inner.xlsx")
    data = inner.read_bytes()
    inner.unlink()
    return write_package(Path(folder) / name, {"総務課.xlsx": data})


def ods_like(folder: Path, name: str = "総務課.ods") -> Path:
    """A zip laid out like an OpenDocument spreadsheet."""
    return write_package(Path(folder) / name, {
        "mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"},
        compression=zipfile.ZIP_STORED)


def xlsb_like(folder: Path, name: str = "総務課.xlsb") -> Path:
    """A zip laid out like an Excel binary workbook."""
    return write_package(Path(folder) / name, {
        "[Content_Types].xml": "<Types/>", "_rels/.rels": "<Relationships/>",
        "xl/workbook.bin": b"\x83\x01\x00"})


def xlsm_like(folder: Path, name: str = "総務課.xlsm") -> Path:
    """A readable workbook carrying a VBA project part (macro-enabled)."""
    parts = package_parts(sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>'))
    parts["[Content_Types].xml"] = str(parts["[Content_Types].xml"]).replace(
        "spreadsheetml.sheet.main+xml", "ms-excel.sheet.macroEnabled.main+xml")
    parts["xl/vbaProject.bin"] = b"\xd0\xcf\x11\xe0"
    return write_package(Path(folder) / name, parts)


# --- OLE2 compound files -------------------------------------------------------------------------

_FREE, _END, _FATSECT, _NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def write_cfb(path: Path, streams: Mapping[str, bytes]) -> Path:
    """Write a minimal OLE2 compound file (CFB v3, 512-byte sectors) with root-level ``streams``.

    Streams are padded to 4096 bytes so that they live in regular sectors (no mini stream);
    directory siblings form a chain sorted as the format orders names (length, then upper case).
    Enough for olefile and for sniffing; not meant to be opened by Excel.
    """
    names = sorted(streams, key=lambda n: (len(n), n.upper()))
    datas = [streams[n].ljust(4096, b"\x00") for n in names]
    entries = 1 + len(names)
    dir_sectors = -(-entries * 128 // 512)
    sector = 1 + dir_sectors  # sector 0 is the FAT
    fat = [_FATSECT] + [i + 2 if i + 1 < dir_sectors else _END for i in range(dir_sectors)]
    starts = []
    for data in datas:
        count = len(data) // 512 + (1 if len(data) % 512 else 0)
        starts.append(sector)
        fat += [sector + i + 1 if i + 1 < count else _END for i in range(count)]
        sector += count
    if len(fat) > 128:
        raise ValueError("too much data for one FAT sector")
    fat += [_FREE] * (128 - len(fat))

    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<III", header, 40, 0, 1, 1)  # dir sectors (v3: 0), FAT sectors, first dir
    struct.pack_into("<IIIIII", header, 52, 0, 4096, _END, 0, _END, 0)
    struct.pack_into("<I", header, 76, 0)
    for i in range(1, 109):
        struct.pack_into("<I", header, 76 + 4 * i, _FREE)

    def entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
        raw = bytearray(128)
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        raw[0:len(encoded)] = encoded
        struct.pack_into("<HBB", raw, 64, len(encoded), kind, 1)
        struct.pack_into("<III", raw, 68, _NOSTREAM, right, child)
        struct.pack_into("<IQ", raw, 116, start, size)
        return bytes(raw)

    directory = entry("Root Entry", 5, 1 if names else _NOSTREAM, _NOSTREAM, _END, 0)
    for i, (name, data) in enumerate(zip(names, datas)):
        right = i + 2 if i + 1 < len(names) else _NOSTREAM
        directory += entry(name, 2, _NOSTREAM, right, starts[i], len(data))
    directory = directory.ljust(dir_sectors * 512, b"\x00")
    body = b"".join(d.ljust(-(-len(d) // 512) * 512, b"\x00") for d in datas)
    path = Path(path)
    path.write_bytes(bytes(header) + struct.pack("<128I", *fat) + directory + body)
    return path


def _biff_bof() -> bytes:
    # BOF record (0x0809) of a BIFF8 workbook globals substream, then EOF (0x000A).
    return struct.pack("<HHHHII", 0x0809, 16, 0x0600, 0x0005, 0, 0) + struct.pack("<HH", 0x000A, 0)


def legacy_xls_handmade(folder: Path, name: str = "総務課.xls", stream: str = "Workbook") -> Path:
    """An OLE2 file with a ``Workbook`` (BIFF8) or ``Book`` (BIFF5) stream, built by hand."""
    return write_cfb(Path(folder) / name, {stream: _biff_bof()})


def ole_word_document(folder: Path, name: str = "総務課.doc") -> Path:
    """An OLE2 file with a ``WordDocument`` stream (a .doc)."""
    return write_cfb(Path(folder) / name, {"WordDocument": b"\xec\xa5"})


def encrypted_handmade(folder: Path, name: str = "encrypted_handmade.xlsx") -> Path:
    """An OLE2 file laid out like a password-protected .xlsx (streams only, no real cipher)."""
    return write_cfb(Path(folder) / name, {"EncryptionInfo": b"\x04\x00\x04\x00",
                                           "EncryptedPackage": b"\x00" * 16})


def corrupt_ole(folder: Path, name: str = "broken.xls") -> Path:
    """The OLE2 signature followed by garbage."""
    return random_bytes(folder, 2048, name=name, seed=3, prefix=b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")


def encrypted_xlsx(folder: Path, name: str = "暗号化.xlsx", password: str = "secret") -> Path:
    """A real password-protected workbook (Agile encryption by msoffcrypto-tool)."""
    import msoffcrypto  # test extra

    plain = simple_workbook(folder, name="_plain_for_encryption.xlsx")
    path = Path(folder) / name
    with open(plain, "rb") as src, open(path, "wb") as out:
        msoffcrypto.OfficeFile(src).encrypt(password, out)
    plain.unlink()
    return path


def legacy_xls(folder: Path, name: str = "旧形式.xls") -> Path:
    """A real Excel 97-2003 workbook written by xlwt."""
    import xlwt  # test extra

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet(SHEET_NAME)
    ws.write(0, 0, "取組番号")
    ws.write(1, 0, "1-1")
    path = Path(folder) / name
    wb.save(str(path))
    return path


# --- lock files ----------------------------------------------------------------------------------

def excel_lock_bytes(owner: str, word: bool = False) -> bytes:
    """An owner file's bytes as Excel (165 bytes) or Word (162 bytes) write them."""
    ansi = owner.encode("cp932", errors="replace")[:52]
    size = 162 if word else 165
    data = bytearray([len(ansi)]) + ansi
    pad_to = 54 if word else 55
    data += (b"\x00" if word else b" ") * (pad_to - len(data))
    data += struct.pack("<H", len(owner)) + owner.encode("utf-16-le")
    while len(data) < size:
        data += b"\x00" if word else b" \x00"
    return bytes(data[:size])


def lock_file(folder: Path, original: str = "総務課.xlsx", owner: str = "山田 太郎",
              word: bool = False) -> Path:
    """Excel's owner file ``~$<original>`` naming ``owner``."""
    path = Path(folder) / f"~${original}"
    path.write_bytes(excel_lock_bytes(owner, word=word))
    return path


def lock_file_raw(folder: Path, data: bytes, original: str = "総務課.xlsx") -> Path:
    """An owner file with arbitrary content (garbage, truncated…)."""
    path = Path(folder) / f"~${original}"
    path.write_bytes(data)
    return path


def libreoffice_lock(folder: Path, original: str = "総務課.xlsx", owner: str = "佐藤 花子") -> Path:
    """LibreOffice's lock file ``.~lock.<original>#``."""
    path = Path(folder) / f".~lock.{original}#"
    path.write_text(f"{owner},PC-0123,sato,26.11.2025 09:00,file:///C:/inbox/{original};",
                    encoding="utf-8")
    return path


def os_junk(folder: Path) -> list[Path]:
    """Files the operating system's file browsers leave behind."""
    folder = Path(folder)
    made = [folder / "Thumbs.db", folder / "desktop.ini", folder / ".DS_Store"]
    write_cfb(made[0], {"Catalog": b"\x00" * 8})
    made[1].write_text("[.ShellClassInfo]\r\n", encoding="utf-8")
    made[2].write_bytes(b"\x00\x00\x00\x01Bud1" + b"\x00" * 64)
    apple = folder / "._総務課.xlsx"
    apple.write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00" + b"Mac OS X        " + b"\x00" * 64)
    made.append(apple)
    return made


# --- edited copies of real workbooks ---------------------------------------------------------------

def rewrite_package(src: Path, dst: Path, edit=None, rename: Mapping[str, str] | None = None,
                    flag_bits: Mapping[str, int] | None = None) -> Path:
    """Copy the package ``src`` to ``dst`` with its parts changed.

    ``edit(name, data) -> bytes`` may change any part's bytes; ``rename`` maps old part names to new
    ones; ``flag_bits`` ORs general-purpose flag bits into named members (bit 0: "encrypted").
    """
    rename = dict(rename or {})
    flags = dict(flag_bits or {})
    with zipfile.ZipFile(src) as zin:
        members = [(info, zin.read(info)) for info in zin.infolist()]
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in members:
            if edit is not None:
                data = edit(info.filename, data)
            zout.writestr(rename.get(info.filename, info.filename), data)
    if flags:
        raw = bytearray(Path(dst).read_bytes())
        with zipfile.ZipFile(io.BytesIO(bytes(raw))) as zf:
            offsets = {i.filename: i.header_offset for i in zf.infolist()}
        for member, bits in flags.items():
            struct.pack_into("<H", raw, offsets[member] + 6,
                             struct.unpack_from("<H", raw, offsets[member] + 6)[0] | bits)
            pos = 0
            name = member.encode()
            while True:
                cd = raw.find(b"PK\x01\x02", pos)
                name_len = struct.unpack_from("<H", raw, cd + 28)[0]
                if bytes(raw[cd + 46:cd + 46 + name_len]) == name:
                    break
                pos = cd + 4
            struct.pack_into("<H", raw, cd + 8, struct.unpack_from("<H", raw, cd + 8)[0] | bits)
        Path(dst).write_bytes(bytes(raw))
    return Path(dst)


def replace_in_part(src: Path, dst: Path, old: bytes, new: bytes, part: str | None = None) -> Path:
    """Copy ``src`` to ``dst`` replacing ``old`` by ``new`` in ``part`` (default: every part).

    Raises ValueError when no part contains ``old``, so a test never edits nothing.
    """
    found = []

    def edit(name: str, data: bytes) -> bytes:
        if (part is not None and name != part) or old not in data:
            return data
        found.append(name)
        return data.replace(old, new)
    rewrite_package(src, dst, edit)
    if not found:
        raise ValueError(f"{old!r} not found in {part or 'any part'}")
    return Path(dst)
