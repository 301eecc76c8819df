"""``doctor``: what the button needs, in Japanese, with × only for what is really missing."""

from __future__ import annotations

import io
import sys
from importlib import metadata
from pathlib import Path

import pytest

import builders
from gyokaku_xl.app import button_book, doctor
from gyokaku_xl import text as g
from gyokaku_xl.app.cli import main
from gyokaku_xl.publish import pdf


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
    assert office.mark == (doctor.OK if pdf.find_soffice() else doctor.WARN)
    lines = report.lines()
    assert lines[0].startswith("gyokaku_xl の動作環境")
    warnings = sum(1 for c in report.checks if c.mark == doctor.WARN)
    assert lines[-1] == ("必要なものはそろっています。" if not warnings else
                         f"必要なものはそろっていますが、△ の項目（{warnings} 件）を確かめてください。")
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
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
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


# --- the Python the book starts, and where the book lives (Windows parts faked) ------------------
PYTHON = r"C:\Users\山田\AppData\Local\Programs\Python\Python311\python.exe"


class FakeWindows(doctor.Machine):
    """A Windows PC: the book's python.exe answers with ``found``; nothing really runs."""

    def __init__(self, *, found=None, code=0, stderr="", files=(PYTHON,), zone=None, remote=False,
                 where=None, environ=None) -> None:
        super().__init__(windows=True, environ=environ or {"LOCALAPPDATA": r"C:\Users\山田\AppData\Local",
                                                           "USERPROFILE": r"C:\Users\山田"})
        self.found = found if found is not None else {"python": "3.11.7", "gyokaku_xl": "0.1.0",
                                                      "xlwings": metadata.version("xlwings"), "pywin32": "306"}
        self.code, self.stderr, self.files, self.zone, self.remote = code, stderr, set(files), zone, remote
        self.calls: list[tuple[list[str], dict[str, str]]] = []
        self.is_file = lambda path: path in self.files
        self.which = lambda name: None
        self.zone_of = lambda path: self.zone
        self.drive_is_remote = lambda drive: self.remote
        if where is not None:
            self.where = lambda path: where
        self.run = self._run

    def _run(self, args, env):
        import json
        self.calls.append((list(args), dict(env)))
        return self.code, json.dumps(self.found) + "\n" if self.code == 0 else "", self.stderr


def book_with_python(tmp_path: Path, python: str, pythonpath: str = "") -> Path:
    import openpyxl
    book = button_book.build_control_workbook(tmp_path / g.BUTTON_FILE_NAME, inbox="受付", plan="",
                                              master="集約結果.xlsx", year="", period="")
    wb = openpyxl.load_workbook(book, keep_vba=True)
    wb["xlwings.conf"]["B1"] = python
    wb["xlwings.conf"]["B2"] = pythonpath
    wb.save(book)
    return book


def test_book_python_is_run_and_imports_everything(tmp_path):
    book = book_with_python(tmp_path, PYTHON, "D:\\src\\")
    machine = FakeWindows()
    report = doctor.diagnose(book, machine)
    assert check(report, doctor.BOOK_PYTHON).mark == doctor.OK
    imports = check(report, doctor.BOOK_PYTHON_IMPORTS)
    assert imports.mark == doctor.OK and "pywin32 306" in imports.detail
    (args, env), = machine.calls
    assert args[:3] == [PYTHON, "-B", "-c"] and args[3] == doctor.PROBE
    assert env["PYTHONIOENCODING"] == "utf-8" and env["PYTHONPATH"] == r"D:\src"


def test_the_probe_really_reports_what_imports(tmp_path):
    """PROBE run in this interpreter: JSON with the versions, pywin32 missing off Windows."""
    import json
    code, out, _err = doctor.run_command([sys.executable, "-B", "-c", doctor.PROBE], dict(__import__("os").environ))
    found = json.loads(out)
    assert code == 0 and found["xlwings"] == metadata.version("xlwings") and found["gyokaku_xl"] is not None
    assert (found["pywin32"] is None) == (sys.platform != "win32")


@pytest.mark.parametrize("missing, expected", [
    ("gyokaku_xl", f'"{PYTHON}" -m pip install ".[excel]"'),
    ("xlwings", f'"{PYTHON}" -m pip install xlwings=={metadata.version("xlwings")}'),
    ("pywin32", f'"{PYTHON}" -m pip install pywin32'),
])
def test_book_python_missing_a_package_says_the_pip_line(tmp_path, missing, expected):
    book = book_with_python(tmp_path, PYTHON)
    machine = FakeWindows()
    machine.found[missing] = None
    report = doctor.diagnose(book, machine)
    failures = [c for c in report.checks if c.label == doctor.BOOK_PYTHON_IMPORTS]
    assert [c.mark for c in failures] == [doctor.FAIL] and expected in failures[0].detail
    assert "--no-index --find-links wheelhouse" in failures[0].detail
    assert not report.ok


def test_book_python_with_another_xlwings(tmp_path):
    book = book_with_python(tmp_path, PYTHON)
    machine = FakeWindows()
    machine.found["xlwings"] = "0.30.0"
    detail = check(doctor.diagnose(book, machine), doctor.BOOK_PYTHON_IMPORTS).detail
    assert "0.30.0" in detail and metadata.version("xlwings") in detail


def test_book_python_that_does_not_start(tmp_path):
    book = book_with_python(tmp_path, PYTHON)
    machine = FakeWindows(code=1, stderr="Traceback …\nSyntaxError: ダメ")
    imports = check(doctor.diagnose(book, machine), doctor.BOOK_PYTHON_IMPORTS)
    assert imports.mark == doctor.FAIL and "SyntaxError: ダメ" in imports.detail


def test_store_alias_and_missing_and_quoted_interpreters(tmp_path):
    alias = r"C:\Users\山田\AppData\Local\Microsoft\WindowsApps\python.exe"
    report = doctor.diagnose(book_with_python(tmp_path, alias), FakeWindows(files=(alias,)))
    python = check(report, doctor.BOOK_PYTHON)
    assert python.mark == doctor.FAIL and "アプリ実行エイリアス" in python.detail
    (tmp_path / g.BUTTON_FILE_NAME).unlink()
    report = doctor.diagnose(book_with_python(tmp_path, PYTHON), FakeWindows(files=()))
    assert check(report, doctor.BOOK_PYTHON).mark == doctor.FAIL
    (tmp_path / g.BUTTON_FILE_NAME).unlink()
    machine = FakeWindows()
    report = doctor.diagnose(book_with_python(tmp_path, f'"{PYTHON}"'), machine)
    marks_of_python = [c.mark for c in report.checks if c.label == doctor.BOOK_PYTHON]
    assert marks_of_python == [doctor.WARN, doctor.OK]  # quotes flagged, then the path is used
    assert machine.calls[0][0][0] == PYTHON


def test_placeholder_path_is_expanded_on_windows(tmp_path):
    book = button_book.build_control_workbook(tmp_path / g.BUTTON_FILE_NAME, inbox="受付", plan="",
                                              master="集約結果.xlsx", year="", period="")
    major, minor = sys.version_info[:2]
    expanded = rf"C:\Users\山田\AppData\Local\Programs\Python\Python{major}{minor}\python.exe"
    machine = FakeWindows(files=(expanded,))
    report = doctor.diagnose(book, machine)
    assert check(report, doctor.BOOK_PYTHON).mark == doctor.OK
    assert machine.calls[0][0][0] == expanded


def place(report):
    return [c for c in report.checks if c.label == doctor.BOOK_PLACE]


def test_book_place_onedrive_motw_and_network(tmp_path):
    book = book_with_python(tmp_path, PYTHON)
    assert [c.mark for c in place(doctor.diagnose(book, FakeWindows(where=r"C:\行革\集約ツール.xlsm")))] == [doctor.OK]

    onedrive = FakeWindows(where=r"C:\Users\山田\OneDrive - 平塚市\行革\集約ツール.xlsm",
                           environ={"OneDriveCommercial": r"C:\Users\山田\OneDrive - 平塚市"})
    checks = place(doctor.diagnose(book, onedrive))
    assert [c.mark for c in checks] == [doctor.WARN] and "https://" in checks[0].detail

    checks = place(doctor.diagnose(book, FakeWindows(zone=3, where=r"C:\行革\集約ツール.xlsm")))
    assert [c.mark for c in checks] == [doctor.FAIL] and "許可する" in checks[0].detail

    checks = place(doctor.diagnose(book, FakeWindows(where=r"\\fileserver\行革\集約ツール.xlsm")))
    assert [c.mark for c in checks] == [doctor.WARN]
    assert "ネットワーク上の信頼できる場所を許可する" in checks[0].detail

    checks = place(doctor.diagnose(book, FakeWindows(where=r"\\fs01.city.local\行革\集約ツール.xlsm")))
    assert [c.mark for c in checks] == [doctor.FAIL] and "インターネット ゾーン" in checks[0].detail

    checks = place(doctor.diagnose(book, FakeWindows(where=r"Z:\行革\集約ツール.xlsm", remote=True)))
    assert [c.mark for c in checks] == [doctor.WARN]


def test_zone_identifier_is_read_from_the_stream(tmp_path, monkeypatch):
    """Off Windows there is no stream to read; on Windows the real ADS is parsed."""
    book = tmp_path / "x.xlsm"
    book.write_bytes(b"")
    if sys.platform != "win32":
        assert doctor.zone_identifier(book) is None
        return
    with open(f"{book}:Zone.Identifier", "w", encoding="utf-8") as stream:
        stream.write("[ZoneTransfer]\nZoneId=3\n")
    assert doctor.zone_identifier(book) == 3


def test_history_and_pdf_settings_are_shown(tmp_path):
    (tmp_path / "履歴").mkdir()
    book = button_book.build_control_workbook(tmp_path / "t.xlsm", inbox="受付", plan="", master="集約結果.xlsx",
                                              year="", period="", history="履歴", pdf=True)
    report = doctor.diagnose(book)
    assert check(report, f"設定：{g.BUTTON_SETTING_HISTORY}").detail == str(tmp_path / "履歴")
    setting = check(report, f"設定：{g.BUTTON_SETTING_PDF}").detail
    assert setting.startswith(g.BUTTON_YES) and ("LibreOffice で" in setting) == bool(pdf.find_soffice())


def test_closing_line_follows_the_warnings():
    """A report with △ items does not end with 「必要なものはそろっています。」 alone (issue 21, point 15)."""
    report = doctor.DoctorReport()
    report.add(doctor.OK, "Python", "3.11")
    report.add(doctor.WARN, "設定：受付フォルダ", "受付 がありません。")
    report.add(doctor.WARN, "設定：計画マスタ", "計画マスタ.xlsx がありません。")
    assert report.ok
    assert report.lines()[-1] == "必要なものはそろっていますが、△ の項目（2 件）を確かめてください。"
    report.add(doctor.FAIL, "xlwings", "ありません。")
    assert report.lines()[-1].startswith("× の項目")
    clean = doctor.DoctorReport()
    clean.add(doctor.OK, "Python", "3.11")
    clean.add(doctor.INFO, "PDF", "LibreOffice で作ります")
    assert clean.lines()[-1] == "必要なものはそろっています。"


def test_control_workbook_has_the_ribbon_and_every_button(control):
    from gyokaku_xl.text import control as c
    found = check(doctor.diagnose(control), c.DOCTOR_CONTROLS)
    assert found.mark == doctor.OK and c.CONTROL_TAB in found.detail


def test_a_book_of_an_earlier_version_is_told_to_upgrade(control):
    """Without the ribbon part (and its buttons' Subs) the doctor names ``button --upgrade``."""
    import zipfile
    from gyokaku_xl.text import control as c
    older = control.with_name("前の版.xlsm")
    with zipfile.ZipFile(control) as source, zipfile.ZipFile(older, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != button_book.RIBBON_PART:
                target.writestr(info, source.read(info.filename))
    found = check(doctor.diagnose(older), c.DOCTOR_CONTROLS)
    assert found.mark == doctor.WARN
    assert found.detail == c.DOCTOR_CONTROLS_OLD.format(book=older.name)
    assert "button --upgrade" in found.detail
