"""The guarded reader: ordinary workbooks read right, hostile ones end in a ReadError, quickly
and with bounded memory. Every workbook is built by code (``hostile.py``, xlsxwriter, openpyxl).

Ordinary reading runs twice, once with each parsing path: small parts are parsed whole at C
speed, large ones streamed (``tree_part_bytes=0`` forces streaming for any part).
"""

from __future__ import annotations

import os
import tracemalloc
import zipfile
from datetime import datetime
from pathlib import Path

import pytest

import hostile as h
from gyokaku_xl import text as g
from gyokaku_xl.domain.limits import DEFAULT_LIMITS, Limits
from gyokaku_xl.domain.cells import Cell, column_letter, parse_ref
from gyokaku_xl.reading.xlsx import ReadError, read_workbook

NS = h.NS
STREAMED = Limits(tree_part_bytes=0)
MB = 1024 * 1024


@pytest.fixture(params=["tree", "streamed"])
def limits(request: pytest.FixtureRequest) -> Limits:
    """Default limits, with parts parsed whole or streamed."""
    return DEFAULT_LIMITS if request.param == "tree" else STREAMED


def package(tmp_path: Path, rows: str, strings: list[str] | str | None = None,
            name: str = "book.xlsx", dimension: str | None = None) -> Path:
    """A one-sheet workbook with ``rows`` inside ``<sheetData>`` and optional shared strings."""
    shared = h.shared_xml(strings) if isinstance(strings, list) else strings
    return h.write_package(tmp_path / name, h.package_parts(h.sheet_xml(rows, dimension), shared))


def cells_of(path: Path, limits: Limits = DEFAULT_LIMITS, sheet: str = h.SHEET_NAME) -> dict:
    """``{ref: value}`` of one sheet."""
    book = read_workbook(path, limits=limits)
    return {c.ref: c.value for c in book.sheets[sheet].cells.values()}


def read_error(path: Path, limits: Limits = DEFAULT_LIMITS) -> ReadError:
    """The ReadError that reading ``path`` raises (fails the test when it reads)."""
    with pytest.raises(ReadError) as info:
        read_workbook(path, limits=limits)
    error = info.value
    assert error.code in g.MESSAGES, error.code  # every code has a message for the finding
    return error


def peak_mb(func) -> float:
    """Peak traced memory (MB) while ``func`` runs."""
    tracemalloc.start()
    try:
        func()
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak / MB


def expect_bounded(path: Path, code: str, limits: Limits = DEFAULT_LIMITS, max_mb: float = 50) -> None:
    """Reading ``path`` raises ``code`` and never holds more than ``max_mb`` of memory."""
    seen: list[ReadError] = []

    def run() -> None:
        try:
            read_workbook(path, limits=limits)
        except ReadError as exc:
            seen.append(exc)

    peak = peak_mb(run)
    assert seen and seen[0].code == code, (seen and (seen[0].code, seen[0].fields))
    assert peak < max_mb, f"peak {peak:.1f} MB"


# --- ordinary reading ----------------------------------------------------------------------------

def test_shared_strings_leave_out_phonetic_runs(tmp_path: Path, limits: Limits) -> None:
    sst = (f'<sst xmlns="{NS}">'
           '<si><t>山田</t><rPh sb="0" eb="2"><t>ヤマダ</t></rPh><phoneticPr fontId="1"/></si>'
           '<si><r><t>概ね</t></r><r><rPr><b/></rPr><t xml:space="preserve">順調 </t></r>'
           '<rPh sb="0" eb="2"><t>オオムネ</t></rPh></si>'
           '<si><t/></si></sst>')
    rows = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
            '<c r="C1" t="s"><v>2</v></c></row>')
    assert cells_of(package(tmp_path, rows, sst), limits) == {"A1": "山田", "B1": "概ね順調 ", "C1": ""}


def test_inline_strings_with_runs_and_phonetics(tmp_path: Path, limits: Limits) -> None:
    rows = ('<row r="2"><c r="B2" t="inlineStr"><is><t>・実施した。\n・検討中。</t></is></c>'
            '<c r="C2" t="inlineStr"><is><r><t>遅</t></r><r><t>れ</t></r>'
            '<rPh sb="0" eb="1"><t>オク</t></rPh></is></c></row>')
    assert cells_of(package(tmp_path, rows), limits) == {"B2": "・実施した。\n・検討中。", "C2": "遅れ"}


def test_numbers_booleans_errors_dates(tmp_path: Path, limits: Limits) -> None:
    rows = ('<row r="1"><c r="A1"><v>42</v></c><c r="B1"><v>1.5</v></c><c r="C1"><v>1E3</v></c>'
            '<c r="D1" t="n"><v>-7</v></c><c r="E1"><v>1200.0</v></c></row>'
            '<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="b"><v>0</v></c>'
            '<c r="C2" t="e"><v>#DIV/0!</v></c><c r="D2" t="d"><v>2021-09-30T00:00:00</v></c></row>')
    values = cells_of(package(tmp_path, rows), limits)
    assert values == {"A1": 42, "B1": 1.5, "C1": 1000.0, "D1": -7, "E1": 1200.0,
                      "A2": True, "B2": False, "C2": "#DIV/0!", "D2": "2021-09-30T00:00:00"}
    assert type(values["A1"]) is int and type(values["E1"]) is float


def test_formulas_keep_cached_values_and_text(tmp_path: Path, limits: Limits) -> None:
    rows = ('<row r="1"><c r="A1"><f>1+1</f><v>2</v></c>'
            '<c r="B1" t="str"><f>"順"&amp;"調"</f><v>順調</v></c>'
            '<c r="C1"><f>SUM(A1:A1)</f></c>'
            '<c r="D1" t="b"><f>TRUE()</f><v>1</v></c>'
            '<c r="E1" t="e"><f>1/0</f><v>#DIV/0!</v></c>'
            '<c r="F1"><f t="shared" ref="F1:F2" si="0">A1*2</f><v>4</v></c></row>'
            '<row r="2"><c r="F2"><f t="shared" si="0"/><v>0</v></c></row>')
    book = read_workbook(package(tmp_path, rows), limits=limits)
    cells = {c.ref: (c.value, c.formula) for c in book.sheets[h.SHEET_NAME].cells.values()}
    assert cells == {"A1": (2, "1+1"), "B1": ("順調", '"順"&"調"'), "C1": (None, "SUM(A1:A1)"),
                     "D1": (True, "TRUE()"), "E1": ("#DIV/0!", "1/0"), "F1": (4, "A1*2"),
                     "F2": (0, "(共有数式)")}


def test_empty_formatted_cells_are_not_cells(tmp_path: Path, limits: Limits) -> None:
    rows = ('<row r="1"><c r="A1" s="3"/><c r="B1" s="4" t="n"/><c r="C1" t="s"/>'
            '<c r="D1"><v></v></c><c r="E1"><v>5</v></c></row>')
    book = read_workbook(package(tmp_path, rows, []), limits=limits)
    sheet = book.sheets[h.SHEET_NAME]
    assert {c.ref: c.value for c in sheet.cells.values()} == {"E1": 5}
    assert (sheet.max_row, sheet.max_col) == (1, 5)
    assert sheet.value(1, 1) is None and sheet.cell(1, 5) == Cell(1, 5, 5)


def test_cells_and_rows_without_references(tmp_path: Path, limits: Limits) -> None:
    rows = ('<row><c><v>1</v></c><c><v>2</v></c></row>'
            '<row r="5"><c><v>3</v></c><c r="D5"><v>4</v></c><c><v>5</v></c></row>'
            '<row><c><v>6</v></c></row>')
    assert cells_of(package(tmp_path, rows), limits) == {"A1": 1, "B1": 2, "A5": 3, "D5": 4, "E5": 5,
                                                         "A6": 6}


def test_sheet_selection_and_names(tmp_path: Path, limits: Limits) -> None:
    import xlsxwriter

    path = tmp_path / "two.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    wb.add_worksheet("記入要領").write_string(0, 0, "説明")
    wb.add_worksheet(h.SHEET_NAME).write_string(0, 0, "取組番号")
    wb.add_worksheet("リスト").write_number(0, 0, 1)
    wb.close()
    book = read_workbook(path, [h.SHEET_NAME], limits=limits)
    assert book.sheet_names == ["記入要領", h.SHEET_NAME, "リスト"]
    assert list(book.sheets) == [h.SHEET_NAME]
    assert book.sheets[h.SHEET_NAME].value(1, 1) == "取組番号"
    assert set(read_workbook(path, limits=limits).sheets) == {"記入要領", h.SHEET_NAME, "リスト"}
    assert read_workbook(path, ["ない"], limits=limits).sheets == {}


def test_xlsxwriter_workbook_with_properties_and_formulas(tmp_path: Path, limits: Limits) -> None:
    import xlsxwriter

    path = tmp_path / "written.xlsx"
    wb = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False})
    wb.set_properties({"author": "行政総務課", "created": datetime(2021, 4, 1, 9, 30)})
    wb.set_custom_property("gyokaku_form", "取組状況調査票")
    wb.set_custom_property("gyokaku_form_version", "1.0")
    ws = wb.add_worksheet(h.SHEET_NAME)
    ws.write_string(0, 0, "=not a formula")
    ws.write_number(0, 1, 1200)
    ws.write_formula(0, 2, "=B1*2", None, 2400)
    ws.write_formula(0, 3, '=IF(B1>0,"順調","遅れ")', None, "順調")
    ws.write_formula(0, 4, "=B1/0")  # no cached value given: xlsxwriter stores 0
    ws.write_boolean(0, 5, False)
    wb.close()
    book = read_workbook(path, limits=limits)
    cells = {c.ref: (c.value, c.formula) for c in book.sheets[h.SHEET_NAME].cells.values()}
    assert cells == {"A1": ("=not a formula", None), "B1": (1200, None), "C1": (2400, "B1*2"),
                     "D1": ("順調", 'IF(B1>0,"順調","遅れ")'), "E1": (0, "B1/0"), "F1": (False, None)}
    assert book.custom_properties == {"gyokaku_form": "取組状況調査票", "gyokaku_form_version": "1.0"}
    assert book.core_properties["creator"] == "行政総務課"
    assert book.core_properties["created"] == "2021-04-01T09:30:00Z"


def test_openpyxl_workbook_shared_strings(tmp_path: Path, limits: Limits) -> None:
    import openpyxl

    path = tmp_path / "saved.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = h.SHEET_NAME
    ws["A1"] = "概ね順調"
    ws["B3"] = "概ね順調"
    ws["C3"] = 3.25
    ws["D4"] = "=SUM(C3:C3)"
    wb.save(path)
    assert cells_of(path, limits) == {"A1": "概ね順調", "B3": "概ね順調", "C3": 3.25, "D4": None}
    book = read_workbook(path, limits=limits)
    assert book.sheets[h.SHEET_NAME].cell(4, 4).formula == "SUM(C3:C3)"


def test_strict_open_xml_namespaces(tmp_path: Path, limits: Limits) -> None:
    strict = "http://purl.oclc.org/ooxml/spreadsheetml/main"
    strict_r = "http://purl.oclc.org/ooxml/officeDocument/relationships"
    parts = h.package_parts(f'<worksheet xmlns="{strict}"><sheetData><row r="1">'
                            '<c r="A1" t="s"><v>0</v></c><c r="B1"><v>7</v></c></row></sheetData></worksheet>',
                            f'<sst xmlns="{strict}"><si><t>厳格</t></si></sst>')
    parts["xl/workbook.xml"] = (f'<workbook xmlns="{strict}" xmlns:r="{strict_r}"><sheets>'
                                f'<sheet name="{h.SHEET_NAME}" sheetId="1" r:id="rId1"/></sheets></workbook>')
    path = h.write_package(tmp_path / "strict.xlsx", parts)
    assert cells_of(path, limits) == {"A1": "厳格", "B1": 7}


def test_xlsm_is_read(tmp_path: Path) -> None:
    assert cells_of(h.xlsm_like(tmp_path)) == {"A1": 1}


def test_reading_never_changes_the_file(tmp_path: Path) -> None:
    path = h.simple_workbook(tmp_path)
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    read_workbook(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_reference_helpers() -> None:
    assert column_letter(1) == "A" and column_letter(28) == "AB" and column_letter(16384) == "XFD"
    assert parse_ref("D12") == (12, 4) and parse_ref("XFD1048576") == (1048576, 16384)
    assert Cell(12, 4, "x").ref == "D12"
    with pytest.raises(ValueError):
        parse_ref("12D")


def test_non_finite_numbers_are_kept_as_text(tmp_path: Path) -> None:
    rows = '<row r="1"><c r="A1"><v>INF</v></c><c r="B1"><v>NaN</v></c><c r="C1"><v>abc</v></c></row>'
    assert cells_of(package(tmp_path, rows)) == {"A1": "INF", "B1": "NaN", "C1": "abc"}


# --- damaged and foreign files -------------------------------------------------------------------

def test_bad_shared_string_index_is_corrupt_not_silently_empty(tmp_path: Path, limits: Limits) -> None:
    path = package(tmp_path, '<row r="1"><c r="A1" t="s"><v>5</v></c></row>', ["only one"])
    assert read_error(path, limits).code == "corrupt-zip"


@pytest.mark.parametrize("builder, code", [
    (h.truncated_zip, "corrupt-zip"),
    (h.damaged_data, "corrupt-zip"),
    (lambda d: h.random_bytes(d, prefix=b"PK\x03\x04"), "corrupt-zip"),
    (h.random_bytes, "not-excel"),
    (h.empty_file, "not-excel"),
    (h.csv_file, "not-excel"),
    (h.pdf_file, "not-excel"),
    (h.docx_named_xlsx, "not-excel"),
    (h.ods_like, "not-excel"),
    (h.xlsb_like, "binary-workbook"),
    (h.legacy_xls_handmade, "legacy-xls"),
    (lambda d: h.legacy_xls_handmade(d, "book.xlsx", stream="Book"), "legacy-xls"),
    (h.encrypted_handmade, "encrypted"),
    (h.corrupt_ole, "corrupt-file"),
    (h.ole_word_document, "not-excel"),
    (h.directory_like_workbook, "read-failed"),
])
def test_foreign_and_damaged_files(tmp_path: Path, builder, code: str) -> None:
    assert read_error(builder(tmp_path)).code == code


def test_real_encrypted_workbook(tmp_path: Path) -> None:
    pytest.importorskip("msoffcrypto")
    assert read_error(h.encrypted_xlsx(tmp_path)).code == "encrypted"


def test_real_legacy_xls_even_when_named_xlsx(tmp_path: Path) -> None:
    pytest.importorskip("xlwt")
    assert read_error(h.legacy_xls(tmp_path)).code == "legacy-xls"
    assert read_error(h.legacy_xls(tmp_path, name="総務課.xlsx")).code == "legacy-xls"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need POSIX")
def test_named_pipe_never_blocks(tmp_path: Path) -> None:
    error = read_error(h.fifo(tmp_path))
    assert error.code == "read-failed" and "通常のファイル" in str(error.fields["detail"])


def test_missing_file(tmp_path: Path) -> None:
    assert read_error(tmp_path / "ない.xlsx").code == "read-failed"


def test_unreadable_permission_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = h.simple_workbook(tmp_path)
    real_open = os.open

    def deny(target, *args, **kwargs):
        if Path(target) == path:
            raise PermissionError(13, "Permission denied", str(target))
        return real_open(target, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    error = read_error(path)
    assert error.code == "read-failed" and error.fields["detail"] == g.OS_ERROR_PERMISSION


def test_file_too_large(tmp_path: Path) -> None:
    error = read_error(h.simple_workbook(tmp_path), Limits(max_file_bytes=100))
    assert error.code == "file-too-large" and set(error.fields) == {"size", "limit"}


# --- hostile XML ---------------------------------------------------------------------------------

@pytest.mark.parametrize("builder", [
    lambda d: h.billion_laughs(d, "sharedStrings"),
    lambda d: h.billion_laughs(d, "sheet"),
    h.external_entity,
    h.doctype_only,
])
def test_dtds_and_entities_are_forbidden(tmp_path: Path, builder, limits: Limits) -> None:
    expect_bounded(builder(tmp_path), "xml-forbidden", limits)


def test_external_entity_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-CONTENT", encoding="utf-8")
    error = read_error(h.external_entity(tmp_path, target=secret.as_uri()))
    assert error.code == "xml-forbidden" and "SECRET" not in repr(error.fields)


def test_entity_reference_without_dtd_is_corrupt(tmp_path: Path, limits: Limits) -> None:
    path = package(tmp_path, '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol;</t></is></c></row>')
    assert read_error(path, limits).code == "corrupt-zip"


def test_junk_elements_stream_in_flat_memory(tmp_path: Path) -> None:
    path = h.junk_elements(tmp_path, 100_000)
    book = None

    def run() -> None:
        nonlocal book
        book = read_workbook(path, limits=Limits(tree_part_bytes=0, max_ratio=10**6))

    assert peak_mb(run) < 20
    assert {c.ref: c.value for c in book.sheets[h.SHEET_NAME].cells.values()} == {"A1": 1}


def test_too_many_elements(tmp_path: Path) -> None:
    limits = Limits(tree_part_bytes=0, max_ratio=10**6, max_xml_elements=20_000)
    error = read_error(h.junk_elements(tmp_path, 30_000), limits)
    assert error.code == "sheet-too-large" and error.fields["sheet"] == h.SHEET_NAME


def test_deep_nesting(tmp_path: Path) -> None:
    path = h.deep_nesting(tmp_path, 100_000)
    relaxed = Limits(max_ratio=10**6)
    assert cells_of(path, relaxed) == {"A1": 1}  # parsed whole: depth is harmless there
    error = read_error(path, Limits(max_ratio=10**6, tree_part_bytes=0))
    assert error.code == "xml-forbidden"


def test_crowded_row(tmp_path: Path) -> None:
    path = h.crowded_cell(tmp_path, 5_000)
    assert cells_of(path, Limits(max_ratio=10**6)) == {"A1": "0123456789" * 500}
    error = read_error(path, Limits(max_ratio=10**6, tree_part_bytes=0, max_record_elements=1_000))
    assert error.code == "sheet-too-large"


def test_too_many_shared_strings(tmp_path: Path, limits: Limits) -> None:
    path = h.many_shared_strings(tmp_path, 1_001)
    tight = Limits(max_shared_strings=1_000, tree_part_bytes=limits.tree_part_bytes)
    assert read_error(path, tight).code == "zip-bomb"
    assert cells_of(path, limits) == {"A1": "s0"}


def test_too_many_sheets(tmp_path: Path) -> None:
    parts = h.package_parts(h.sheet_xml(""))
    sheets = "".join(f'<sheet name="s{i}" sheetId="{i}" r:id="rId1"/>' for i in range(1, 12))
    parts["xl/workbook.xml"] = f'<workbook xmlns="{NS}" xmlns:r="{h.NS_R}"><sheets>{sheets}</sheets></workbook>'
    path = h.write_package(tmp_path / "sheets.xlsx", parts)
    assert read_error(path, Limits(max_sheets=10)).code == "zip-bomb"


# --- absurd ranges -------------------------------------------------------------------------------

@pytest.mark.parametrize("builder", [h.far_cell, h.far_cell_no_dimension, h.huge_dimension])
def test_absurd_used_range(tmp_path: Path, builder, limits: Limits) -> None:
    path = builder(tmp_path)
    assert path.stat().st_size < 20_000  # a tiny file…
    expect_bounded(path, "sheet-too-large", limits)  # …that must not become a huge grid


@pytest.mark.parametrize("kind", ["numbered", "unnumbered", "same-row"])
def test_too_many_rows(tmp_path: Path, kind: str, limits: Limits) -> None:
    path = h.many_rows(tmp_path, 501, numbered=kind != "unnumbered", same_row=kind == "same-row")
    tight = Limits(max_rows=500, tree_part_bytes=limits.tree_part_bytes)
    error = read_error(path, tight)
    assert error.code == "sheet-too-large" and error.fields["sheet"] == h.SHEET_NAME
    assert cells_of(h.many_rows(tmp_path, 500, name="fits.xlsx"), tight)["A500"] == 500


def test_too_many_rows_default_limits(tmp_path: Path) -> None:
    expect_bounded(h.many_rows(tmp_path, DEFAULT_LIMITS.max_rows + 1), "sheet-too-large")


def test_wide_row(tmp_path: Path) -> None:
    rows = f'<row r="1"><c r="A1"><v>1</v></c><c r="{column_letter(201)}1"><v>2</v></c></row>'
    assert read_error(package(tmp_path, rows)).code == "sheet-too-large"


def test_unnumbered_cells_at_scale(tmp_path: Path) -> None:
    # Cells without references are placed in constant time each (no rescans of the row).
    path = h.unnumbered_cells(tmp_path, 300, 100)
    book = read_workbook(path, limits=Limits(max_ratio=10**6))
    sheet = book.sheets[h.SHEET_NAME]
    assert len(sheet.cells) == 30_000 and (sheet.max_row, sheet.max_col) == (300, 100)


# --- zip bombs and zip tricks --------------------------------------------------------------------

def test_bomb_by_declared_size(tmp_path: Path) -> None:
    path = h.zip_bomb(tmp_path, DEFAULT_LIMITS.max_member_bytes + MB)
    assert path.stat().st_size < 2 * MB
    expect_bounded(path, "zip-bomb")


def test_bomb_by_absurd_declared_size(tmp_path: Path) -> None:
    path = h.patch_declared_size(h.simple_workbook(tmp_path), h.SHEET_PART, 3 * 1024 * MB)
    expect_bounded(path, "zip-bomb")


def test_bomb_by_ratio(tmp_path: Path) -> None:
    path = h.zip_bomb(tmp_path, 5 * MB)
    expect_bounded(path, "zip-bomb")
    assert "圧縮率" in read_error(path).fields["detail"]


def test_lying_declared_size_is_capped(tmp_path: Path) -> None:
    # 60 MB of blanks declared as 2,000 bytes: zipfile stops at the declared size, then the
    # CRC check fails; memory never follows the real size.
    path = h.lying_zip_bomb(tmp_path, 60 * MB)
    expect_bounded(path, "corrupt-zip", max_mb=10)


@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
def test_exotic_compression_is_refused(tmp_path: Path, method: int) -> None:
    # bzip2/LZMA readers could inflate far past a lying declared size in one call.
    path = h.lying_zip_bomb(tmp_path, 20 * MB, compression=method)
    expect_bounded(path, "corrupt-zip", max_mb=10)
    assert "圧縮方式" in read_error(path).fields["detail"]


def test_too_many_members(tmp_path: Path) -> None:
    path = h.many_members(tmp_path, DEFAULT_LIMITS.max_members + 1)
    expect_bounded(path, "zip-bomb")


def test_total_declared_size(tmp_path: Path) -> None:
    path = h.simple_workbook(tmp_path)
    assert read_error(path, Limits(max_total_bytes=100)).code == "zip-bomb"
