"""``doctor``: what the button needs, in Japanese, with × only for what is really missing."""

from __future__ import annotations

import io
import sys
from importlib import metadata
from pathlib import Path

import pytest

import builders
from gyokaku_xl import button_book, doctor
from gyokaku_xl import glossary as g
from gyokaku_xl.cli import main


def marks(report: doctor.DoctorReport) -> dict[str, str]:
    return {c.label: c.mark for c in report.checks}


def check(report: doctor.DoctorReport, label: str) -> doctor.Check:
    return next(c for c in report.checks if c.label == label)


def test_this_machine(capsys):
    report = doctor.diagnose()
    assert capsys.readouterr() == ("", "")  # the core only looks; the CLI prints
    assert report.ok
    python = check(report, "Python")
    assert python.mark == doctor.OK and sys.executable in python.detail
    assert ".".join(map(str, sys.version_info[:3])) in python.detail
    xlwings = check(report, "xlwings")
    assert xlwings.mark == doctor.OK and metadata.version("xlwings") in xlwings.detail
    assert check(report, "pyopenvba").mark == doctor.OK
    office = check(report, "LibreOffice（PDF 出力）")
    assert office.mark == (doctor.OK if doctor.find_office() else doctor.WARN)
    lines = report.lines()
    assert lines[0].startswith("gyokaku_xl の動作環境")
    assert lines[-1] == "必要なものはそろっています。"
    assert all(line.startswith(("○", "△", "×", "・")) for line in lines[1:-1])


def test_missing_xlwings_is_a_failure(monkeypatch):
    monkeypatch.setattr(button_book, "installed_xlwings_version", lambda: None)
    report = doctor.diagnose()
    assert not report.ok
    assert check(report, "xlwings").mark == doctor.FAIL
    assert "pip install \".[excel]\"" in check(report, "xlwings").detail
    assert report.lines()[-1].startswith("× の項目")


def test_xlwings_other_than_pinned_is_a_failure(monkeypatch):
    monkeypatch.setattr(button_book, "installed_xlwings_version", lambda: "0.0.1")
    report = doctor.diagnose()
    detail = check(report, "xlwings").detail
    assert check(report, "xlwings").mark == doctor.FAIL
    assert "0.0.1" in detail and button_book.pinned_xlwings_version() in detail


def test_missing_pyopenvba_is_a_failure(monkeypatch):
    real = doctor._version
    monkeypatch.setattr(doctor, "_version", lambda name: None if name == "pyopenvba" else real(name))
    report = doctor.diagnose()
    assert check(report, "pyopenvba").mark == doctor.FAIL and not report.ok


def test_missing_libreoffice_is_only_a_warning(monkeypatch):
    monkeypatch.setattr(doctor, "find_office", lambda: None)
    report = doctor.diagnose()
    office = check(report, "LibreOffice（PDF 出力）")
    assert office.mark == doctor.WARN and "LibreOffice" in office.detail
    assert report.ok


@pytest.fixture
def control(tmp_path):
    builders.build_plan(tmp_path)
    (tmp_path / "受付").mkdir()
    (tmp_path / "受付" / "a.xlsx").write_bytes(b"x")
    return button_book.build_control_workbook(tmp_path / g.BUTTON_FILE_NAME, inbox="受付",
                                              plan="計画マスタ.xlsx", master="集約結果.xlsx",
                                              year="令和3年度", period="上半期")


def test_control_workbook(control, tmp_path):
    report = doctor.diagnose(control)
    m = marks(report)
    assert m["ブックの xlwings VBA モジュール"] == doctor.OK
    assert m["ボタンのマクロ"] == doctor.OK
    assert check(report, f"設定：{g.BUTTON_SETTING_INBOX}").detail == f"{tmp_path / '受付'}（.xlsx 1 件）"
    assert check(report, f"設定：{g.BUTTON_SETTING_PLAN}").mark == doctor.OK
    assert check(report, f"設定：{g.BUTTON_SETTING_OUTPUT}").mark == doctor.OK
    assert check(report, f"設定：{g.BUTTON_SETTING_YEAR}・{g.BUTTON_SETTING_PERIOD}").detail == "令和3年度【上半期】"
    interpreter = check(report, "ブックの Python（xlwings.conf の INTERPRETER_WIN）")
    if sys.platform != "win32":
        assert interpreter.mark == doctor.WARN and "仮の値" in interpreter.detail
    assert report.ok


def test_control_workbook_settings_that_do_not_exist(tmp_path):
    book = button_book.build_control_workbook(tmp_path / "t.xlsm", inbox="ない", plan="ない.xlsx",
                                              master="出力/集約結果.xlsx", year="", period="")
    report = doctor.diagnose(book)
    assert check(report, f"設定：{g.BUTTON_SETTING_INBOX}").mark == doctor.WARN
    assert check(report, f"設定：{g.BUTTON_SETTING_PLAN}").mark == doctor.WARN
    assert check(report, f"設定：{g.BUTTON_SETTING_OUTPUT}").mark == doctor.WARN
    assert "空欄" in check(report, f"設定：{g.BUTTON_SETTING_YEAR}・{g.BUTTON_SETTING_PERIOD}").detail


def test_control_workbook_with_unreadable_period(tmp_path):
    book = button_book.build_control_workbook(tmp_path / "t.xlsm", inbox="受付", plan="", master="集約結果.xlsx",
                                              year="来年", period="上半期")
    report = doctor.diagnose(book)
    assert check(report, "設定").mark == doctor.FAIL
    assert check(report, "設定").detail == g.BUTTON_MSG_PERIOD_INVALID.format(value="来年")


def test_book_built_for_another_xlwings(control, monkeypatch):
    monkeypatch.setattr(button_book, "installed_xlwings_version", lambda: "9.9.9")
    report = doctor.diagnose(control)
    embedded = check(report, "ブックの xlwings VBA モジュール")
    assert embedded.mark == doctor.FAIL and "9.9.9" in embedded.detail and "button" in embedded.detail


def test_missing_and_broken_books(tmp_path):
    report = doctor.diagnose(tmp_path / "ない.xlsm")
    assert not report.ok and "ファイルがありません" in report.checks[-1].detail
    broken = tmp_path / "壊れ.xlsm"
    broken.write_bytes(b"not a zip")
    report = doctor.diagnose(broken)
    assert not report.ok and report.checks[-1].mark == doctor.FAIL


def test_plain_workbook_without_vba(tmp_path):
    plan = builders.build_plan(tmp_path)
    copy = tmp_path / "plan.xlsm"
    copy.write_bytes(plan.read_bytes())
    report = doctor.diagnose(copy)
    assert not report.ok
    assert marks(report)["ボタンのマクロ"] == doctor.FAIL


def test_cli_prints_the_lines_and_exit_codes(control, tmp_path):
    out, err = io.StringIO(), io.StringIO()
    assert main(["doctor", "--book", str(control)], out=out, err=err) == 0
    printed = out.getvalue().splitlines()
    assert printed == doctor.diagnose(control).lines()
    out = io.StringIO()
    assert main(["doctor", "--book", str(tmp_path / "ない.xlsm")], out=out, err=err) == 1
    assert "×" in out.getvalue()


def test_lines_of_an_empty_report():
    report = doctor.DoctorReport()
    assert report.ok and len(report.lines()) == 2
    report.add(doctor.FAIL, "x", "y")
    assert report.lines()[1] == "× x：y" and not report.ok


def test_placeholder_path_is_explained_off_windows(tmp_path):
    if sys.platform == "win32":
        pytest.skip("Windows では実際の Python の場所が入ります")
    assert button_book.interpreter_for_book().placeholder
    assert "%LOCALAPPDATA%" in button_book.interpreter_for_book().path
    assert Path(button_book.button_module_path()).is_file()
