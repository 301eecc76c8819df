"""PDF export: the report-only copy, the LibreOffice command, failures, and one real conversion.

A fake ``soffice`` (a shell script) checks the command line and environment without LibreOffice;
the real conversion needs LibreOffice and poppler-utils (installed by ``.ci/run``).
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from gyokaku_xl import text as g
from gyokaku_xl.publish import pdf
from gyokaku_xl.domain.findings import GyokakuError

from test_summary import other_scale_result

posix_only = pytest.mark.skipif(os.name != "posix", reason="the fake soffice is a shell script")
DATA_MARKER = "データシートの目印"


def master(tmp_path: Path) -> Path:
    """A small master: the report sheets of the second data set, then a data sheet."""
    path = tmp_path / "集約結果.xlsx"
    workbook = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False})
    from gyokaku_xl.core.summary import build_summary
    from gyokaku_xl.render.reports import add_report_sheets
    result = other_scale_result()
    add_report_sheets(workbook, result, build_summary(result))
    for name in (g.SHEET_DATA, g.SHEET_FINDINGS):
        workbook.add_worksheet(name).write_string(0, 0, DATA_MARKER)
    workbook.close()
    return path


def fake_soffice(tmp_path: Path, body: str) -> Path:
    script = tmp_path / "fake-soffice"
    script.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


# --- the report-only copy -----------------------------------------------------------------------
def test_hide_other_sheets_edits_only_sheet_tags():
    xml = ('<workbook><sheets><sheet name="資料1-1" sheetId="1" r:id="rId1"/>'
           '<sheet name="集約データ" sheetId="2" state="visible" r:id="rId2"/>'
           '<sheet name="A&amp;B" sheetId="3" r:id="rId3"/></sheets></workbook>')
    edited, found = pdf.hide_other_sheets(xml, ("資料1-1", "A&B"))
    assert found == ["資料1-1", "A&B"]
    assert '<sheet name="資料1-1" sheetId="1" r:id="rId1"/>' in edited
    assert '<sheet name="集約データ" sheetId="2" r:id="rId2" state="hidden"/>' in edited
    assert '<sheet name="A&amp;B" sheetId="3" r:id="rId3"/>' in edited


def test_report_only_copy_hides_data_sheets(tmp_path):
    source = master(tmp_path)
    before = source.read_bytes()
    copy = tmp_path / "copy.xlsx"
    assert pdf.report_only_copy(source, copy) == ["資料1-1", "資料1-2", "資料1-3"]
    wb = openpyxl.load_workbook(copy)
    assert {ws.title: ws.sheet_state for ws in wb.worksheets} == {
        "資料1-1": "visible", "資料1-2": "visible", "資料1-3": "visible",
        g.SHEET_DATA: "hidden", g.SHEET_FINDINGS: "hidden"}
    with zipfile.ZipFile(source) as a, zipfile.ZipFile(copy) as b:
        assert sorted(a.namelist()) == sorted(b.namelist())
        assert a.read("xl/charts/chart1.xml") == b.read("xl/charts/chart1.xml")
    assert source.read_bytes() == before  # the input is never modified


def test_workbook_without_report_sheets_is_refused(tmp_path):
    path = tmp_path / "other.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    workbook.add_worksheet("Sheet1")
    workbook.close()
    with pytest.raises(GyokakuError, match="資料1-1〜1-3 のシートがありません"):
        pdf.report_only_copy(path, tmp_path / "copy.xlsx")


def test_not_a_workbook_is_refused(tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"not a zip")
    with pytest.raises(GyokakuError, match="Excel ブックとして読めません") as caught:
        pdf.report_only_copy(path, tmp_path / "copy.xlsx")
    assert "シートがありません" not in str(caught.value)  # not a workbook: no claim about its sheets


# --- finding and running LibreOffice ------------------------------------------------------------
def test_missing_libreoffice_names_the_package(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    monkeypatch.setattr(pdf, "_CANDIDATES", ())
    assert pdf.find_soffice() is None
    with pytest.raises(GyokakuError) as info:
        pdf.export_reports(master(tmp_path))
    message = str(info.value)
    assert "LibreOffice" in message and "libreoffice-calc-nogui" in message and "\n" not in message


def test_missing_master_is_an_error(tmp_path):
    with pytest.raises(GyokakuError, match="見つかりません"):
        pdf.export_reports(tmp_path / "none.xlsx")


@posix_only
def test_command_profile_and_fonts(tmp_path, monkeypatch):
    log = tmp_path / "log.txt"
    script = fake_soffice(tmp_path, f"""
printf '%s\\n' "$@" >> "{log}"
echo "FONTCONFIG_FILE=$FONTCONFIG_FILE" >> "{log}"
[ -n "$FONTCONFIG_FILE" ] && cat "$FONTCONFIG_FILE" >> "{log}"
while [ $# -gt 0 ]; do
  case "$1" in --outdir) out="$2"; shift;; --convert-to) to="${{2%%:*}}"; shift;; *.xlsx|*.fods) src="$1";; esac; shift
done
name=$(basename "$src"); name="${{name%.*}}"
if [ "$to" = pdf ]; then printf '%%PDF-1.4 fake' > "$out/$name.pdf"; else printf '<office:document/>' > "$out/$name.$to"; fi
""")
    monkeypatch.setattr(pdf, "find_soffice", lambda: str(script))
    out = tmp_path / "pdf"
    paths = pdf.export_reports(master(tmp_path), out)
    assert paths == [out / "集約結果.pdf"]
    assert paths[0].read_bytes() == b"%PDF-1.4 fake"
    text = log.read_text(encoding="utf-8")
    args = text.splitlines()
    assert any(a.startswith("-env:UserInstallation=file:///") for a in args)
    assert "--headless" in args
    targets = [args[n + 1] for n, a in enumerate(args) if a == "--convert-to"]
    assert targets[0] == "fods" and targets[1].startswith("pdf:calc_pdf_Export:{")
    assert '"UseTaggedPDF":{"type":"boolean","value":"true"}' in targets[1]
    if sys.platform.startswith("linux") and Path("/etc/fonts/fonts.conf").is_file():
        assert "<family>ＭＳ 明朝</family>" in text and "IPAexMincho" in text
    assert not list(out.glob(".~tmp-*"))  # written atomically, no leftovers


@posix_only
def test_failure_is_reported(tmp_path, monkeypatch):
    script = fake_soffice(tmp_path, "echo 'Error: source file could not be loaded' >&2\nexit 1\n")
    monkeypatch.setattr(pdf, "find_soffice", lambda: str(script))
    with pytest.raises(GyokakuError, match="終了コード 1：Error: source file could not be loaded"):
        pdf.export_reports(master(tmp_path), tmp_path)
    assert not (tmp_path / "集約結果.pdf").exists()


@posix_only
def test_timeout_stops_libreoffice(tmp_path, monkeypatch):
    pid_file = tmp_path / "pid"
    script = fake_soffice(tmp_path, f'echo $$ > "{pid_file}"\nexec sleep 60\n')
    monkeypatch.setattr(pdf, "find_soffice", lambda: str(script))
    with pytest.raises(GyokakuError, match="秒以内に終了しませんでした"):
        pdf.export_reports(master(tmp_path), tmp_path, timeout=2)
    pid = int(pid_file.read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


# --- the real thing -----------------------------------------------------------------------------
def require_tools() -> str:
    """The soffice path; fails (does not skip) when LibreOffice or pdftotext is missing."""
    soffice = pdf.find_soffice()
    if soffice is None:
        pytest.fail("LibreOffice がありません（Debian: apt-get install libreoffice-calc-nogui）")
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext がありません（Debian: apt-get install poppler-utils）")
    return soffice


def pdf_text(path: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", *args, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_real_export_prints_only_the_report_sheets(tmp_path):
    require_tools()
    paths = pdf.export_reports(master(tmp_path), tmp_path / "out")
    text = pdf_text(paths[0])
    pages = text.split("\f")
    assert "資料１－１" in pages[0] and "令和5年度【下半期】取組状況（総括）" in pages[0]
    assert "資料１－２" in pages[1]
    assert "資料１－３" in text
    assert DATA_MARKER not in text
    assert "1(やや遅れ)" in pages[0].replace(" ", "")


def test_hidden_sheets_lose_their_print_areas():
    # LibreOffice prints a hidden sheet that has a print area, so the copy drops those names
    xml = ('<workbook><sheets><sheet name="資料1-1" sheetId="1" r:id="rId1"/>'
           '<sheet name="前期比較" sheetId="2" r:id="rId2"/></sheets><definedNames>'
           '<definedName name="_xlnm.Print_Area" localSheetId="1">前期比較!$A$1:$O$73</definedName>'
           '<definedName name="_xlnm.Print_Titles" localSheetId="1">前期比較!$20:$20</definedName>'
           "<definedName name=\"_xlnm.Print_Area\" localSheetId=\"0\">'資料1-1'!$A$1:$L$60</definedName>"
           '</definedNames></workbook>')
    edited, found = pdf.hide_other_sheets(xml, ("資料1-1",))
    assert found == ["資料1-1"]
    assert "前期比較!" not in edited
    assert "<definedName name=\"_xlnm.Print_Area\" localSheetId=\"0\">'資料1-1'!$A$1:$L$60</definedName>" in edited


def test_pdf_holds_only_the_report_sheets(tmp_path, soffice):
    from gyokaku_xl.run.merge import merge

    root = Path(__file__).resolve().parent.parent
    outcome = merge(root / "examples" / "inbox", tmp_path / "集約結果.xlsx",
                    plan_path=root / "examples" / g.PLAN_FILE_NAME)
    [produced] = pdf.export_reports(outcome.output, tmp_path)
    text = subprocess.run(["pdftotext", "-layout", str(produced), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "資料１－３" in text
    assert "前期比較（" not in text and "進捗状況の推移" not in text and "時点の財政効果額" not in text
