"""Every writer's failure (XlsxWriter, openpyxl, the zip layer, a copy) is one Japanese line, exit 2.

Faults are injected where each library writes its file: the disk full (ENOSPC) and permission
denied (EACCES). The old output stays, no temporary file is left, and no Python text reaches the user.
"""

from __future__ import annotations

import errno
import zipfile
from pathlib import Path

import pytest

import builders
from gyokaku_xl.app.cli import main
from gyokaku_xl.domain.findings import GyokakuError
from gyokaku_xl.infra import atomic
from gyokaku_xl import text as g

FAULTS = {errno.ENOSPC: g.OS_ERROR_DISK_FULL, errno.EACCES: g.OS_ERROR_PERMISSION}


def _raiser(number: int):
    def fail(*args, **kwargs):
        raise OSError(number, "injected", "x")
    return fail


def _no_python(text: str) -> None:
    for word in ("Traceback", "Errno", "FileCreateError", "OSError", "injected"):
        assert word not in text, text


def _no_temp(folder: Path) -> None:
    assert not [p.name for p in folder.iterdir() if p.name.startswith(".~tmp-")]


@pytest.mark.parametrize("number", sorted(FAULTS))
def test_xlsxwriter_failure_in_merge_is_one_line_exit_2(tmp_path, inbox, plan_path, monkeypatch, capsys,
                                                       number):
    import xlsxwriter.workbook
    master = tmp_path / "集約結果.xlsx"
    master.write_bytes(b"old master")
    monkeypatch.setattr(xlsxwriter.workbook.Workbook, "_store_workbook", _raiser(number))
    code = main(["merge", str(inbox), "--plan", str(plan_path), "-o", str(master), "-q"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.splitlines() == [f"エラー: {g.FATAL_OUTPUT_UNWRITABLE.format(path=master, detail=FAULTS[number])}"]
    _no_python(err)
    assert master.read_bytes() == b"old master"
    _no_temp(tmp_path)


@pytest.mark.parametrize("number", sorted(FAULTS))
def test_xlsxwriter_failure_in_check_report_is_one_line_exit_2(tmp_path, inbox, plan_path, monkeypatch,
                                                              capsys, number):
    import xlsxwriter.workbook
    report = tmp_path / "検証結果.xlsx"
    monkeypatch.setattr(xlsxwriter.workbook.Workbook, "_store_workbook", _raiser(number))
    code = main(["check", str(inbox), "--plan", str(plan_path), "--report", str(report), "-q"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.splitlines() == [f"エラー: {g.FATAL_OUTPUT_UNWRITABLE.format(path=report, detail=FAULTS[number])}"]
    _no_python(err)
    assert not report.exists()
    _no_temp(tmp_path)


@pytest.mark.parametrize("number", sorted(FAULTS))
def test_openpyxl_save_failure_is_translated(tmp_path, number, monkeypatch):
    import openpyxl
    from openpyxl.writer import excel
    monkeypatch.setattr(excel.ExcelWriter, "save", _raiser(number))
    target = tmp_path / "写し.xlsx"
    with pytest.raises(GyokakuError) as info:
        atomic.atomic_write(target, lambda tmp: openpyxl.Workbook().save(tmp))
    assert str(info.value) == g.FATAL_OUTPUT_UNWRITABLE.format(path=target, detail=FAULTS[number])
    _no_temp(tmp_path)


@pytest.mark.parametrize("number", sorted(FAULTS))
def test_zip_layer_failure_is_translated(tmp_path, number, monkeypatch):
    def write(tmp: Path) -> None:
        with zipfile.ZipFile(tmp, "w") as zf:
            zf.writestr("a.txt", "a")

    monkeypatch.setattr(zipfile.ZipFile, "writestr", _raiser(number))
    target = tmp_path / "out.zip"
    with pytest.raises(GyokakuError) as info:
        atomic.atomic_write(target, write)
    assert str(info.value) == g.FATAL_OUTPUT_UNWRITABLE.format(path=target, detail=FAULTS[number])
    _no_temp(tmp_path)


def test_copy_failure_of_a_produced_pdf_is_translated(tmp_path, monkeypatch):
    """The PDF engines' output is copied into place: a full disk there is one line too."""
    import os
    import shutil
    produced = tmp_path / "produced.pdf"
    produced.write_bytes(b"%PDF-1.4")
    monkeypatch.setattr(shutil, "copyfileobj", _raiser(errno.ENOSPC))
    if hasattr(os, "sendfile"):  # shutil's fast path on Linux
        monkeypatch.setattr(os, "sendfile", _raiser(errno.ENOSPC))
    target = tmp_path / "資料.pdf"
    with pytest.raises(GyokakuError) as info:
        atomic.atomic_write(target, lambda tmp: shutil.copyfile(produced, tmp))
    assert g.OS_ERROR_DISK_FULL in str(info.value)


def test_annotated_copy_on_a_full_disk_is_a_japanese_notice(tmp_path, inbox, plan_path, plan, forms,
                                                           monkeypatch):
    from openpyxl.writer import excel
    from gyokaku_xl.run.check import check
    target = inbox / forms["行政総務課"].name
    reports = {i: {"status": "とても順調"} for i in builders.default_reports(plan, "行政総務課")}
    builders.fill_form(forms["行政総務課"], target, reports, meta={"記入者": "担当者", "連絡先": "内線 1234"})
    monkeypatch.setattr(excel.ExcelWriter, "save", _raiser(errno.ENOSPC))
    outcome = check(inbox, plan_path=plan_path, annotate=tmp_path / "差戻し")
    notes = [n for n in outcome.notices if target.name in n]
    assert notes and g.OS_ERROR_DISK_FULL in notes[0]
    _no_python(" ".join(outcome.notices))


def test_full_disk_through_the_button_status_area(tmp_path, inbox, monkeypatch):
    import xlsxwriter.workbook
    from test_excel_button import click, control_book
    book = control_book(tmp_path)
    monkeypatch.setattr(xlsxwriter.workbook.Workbook, "_store_workbook", _raiser(errno.ENOSPC))
    status = click(book)
    message = book.status()[g.BUTTON_STATUS_MESSAGE]
    assert status.exit_code == 2
    assert g.OS_ERROR_DISK_FULL in message and "集約結果.xlsx" in message
    _no_python(message)
    assert status.log is None
    assert not (tmp_path / "集約結果.xlsx").exists()


# --- LibreOffice -------------------------------------------------------------------------------
posix_only = pytest.mark.skipif(__import__("os").name != "posix", reason="the fake soffice is a shell script")


@posix_only
def test_libreoffice_failing_on_a_full_disk_is_told_in_japanese(tmp_path, monkeypatch):
    from collections import namedtuple
    from test_pdf import fake_soffice, master
    from gyokaku_xl.publish import pdf
    script = fake_soffice(tmp_path, "echo 'Error: SfxBaseModel::impl_store failed: 0x81a' >&2\nexit 1\n")
    monkeypatch.setattr(pdf, "find_soffice", lambda: str(script))
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(pdf.shutil, "disk_usage", lambda path: usage(100, 100, 0))
    with pytest.raises(GyokakuError) as info:
        pdf.export_reports(master(tmp_path), tmp_path)
    assert g.OS_ERROR_DISK_FULL in str(info.value)
    _no_python(str(info.value))
    assert "SfxBaseModel" not in str(info.value)


@pytest.mark.parametrize("number", sorted(FAULTS))
def test_pdf_temporary_files_on_a_full_disk_are_one_line(tmp_path, monkeypatch, number):
    from test_pdf import master
    from gyokaku_xl.publish import pdf
    monkeypatch.setattr(pdf, "find_soffice", lambda: "/bin/true")
    monkeypatch.setattr(pdf, "write_profile", _raiser(number))
    with pytest.raises(GyokakuError) as info:
        pdf.export_reports(master(tmp_path), tmp_path)
    assert FAULTS[number] in str(info.value)
    _no_python(str(info.value))
