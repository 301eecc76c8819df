"""The button's VBA, executed: ``RunMerge`` from the built 集約ツール.xlsm in pyOpenVBA's interpreter.

The workbook is the one ``button`` writes; its VBA project (xlwings' module and ours) runs as read
from the file, with the Windows-only parts faked (``vba_harness``: WScript.Shell, GetAttr,
Environ, the workbook's FullName). What ``WScript.Run`` receives is checked the way Windows would
read it: cmd.exe's ``^`` escapes, then the C runtime's argument rules, then the Python code that
``-c`` runs — down to calling xlwings' own ``prepare_sys_path`` with the string it would get.

Where pyOpenVBA lacks a feature real VBA has, the harness adapts and the workbook's VBA stays as
shipped (see ``vba_harness``: comments after ``#If``/``#Const`` directives, the ``Kill`` statement,
and VBA reading "True"/"False" as numbers when comparing them with a Boolean).
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from pyopenvba import ExcelFile
from pyopenvba.cfb import CFB

import vba_harness
from gyokaku_xl.app import button_book
from gyokaku_xl import text as g
from gyokaku_xl.app.button import (ACTION_MACROS, NAME_STATUS_ACTION, NAME_STATUS_MESSAGE,
                                     NAME_STATUS_RESULT, NAME_STATUS_RUN_AT, RIBBON_CALLBACK, SHEET_RUN,
                                     SHEET_XLWINGS_CONF, STATUS_FIRST_ROW, STATUS_LABELS, VBA_MODULE)
from gyokaku_xl.text import control as c

PYTHON = r"C:\Users\山田 太郎\AppData\Local\Programs\Python\Python311\python.exe"
BOOK = r"C:\行革 作業\R3&R4 集約\集約ツール.xlsm"
OFFICE = r"C:\Program Files\Microsoft Office\root\Office16"
NOW = datetime(2021, 10, 1, 9, 30, 0)
XLWINGS = button_book.installed_xlwings_version()


@pytest.fixture(scope="module")
def book_path(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("vba")
    return button_book.build_control_workbook(folder / g.BUTTON_FILE_NAME, inbox="受付", plan="計画マスタ.xlsx",
                                              master="集約結果.xlsx", year="", period="")


def excel(book_path: Path, monkeypatch, *, python: str = PYTHON, fullname: str = BOOK,
          exists: bool = True, exit_codes: tuple[int, ...] = (0, 0)) -> vba_harness.Excel:
    windows = vba_harness.Windows(fullname=fullname, exit_codes=list(exit_codes), office_path=OFFICE)
    if exists:
        windows.add_file(python.strip().strip('"'))
    loaded = vba_harness.load(book_path, monkeypatch, windows)
    loaded.set_value(SHEET_XLWINGS_CONF, "B1", python)
    loaded.app.freeze_clock(NOW)
    return loaded


# --- reading a command line as Windows does ----------------------------------------------------
def cmd_unescape(line: str) -> str:
    """What cmd.exe passes on: ``^x`` → ``x`` outside double quotes (cmd toggles on every ``"``)."""
    out, quoted, i = [], False, 0
    while i < len(line):
        char = line[i]
        if char == '"':
            quoted = not quoted
        elif char == "^" and not quoted and i + 1 < len(line):
            i += 1
            char = line[i]
        out.append(char)
        i += 1
    return "".join(out)


def windows_argv(line: str) -> list[str]:
    """The C runtime's (CommandLineToArgvW) split of a command line."""
    args, current, quoted, i, started = [], [], False, 0, False
    while i < len(line):
        char = line[i]
        if char == "\\":
            n = 0
            while i < len(line) and line[i] == "\\":
                n += 1
                i += 1
            if i < len(line) and line[i] == '"':
                current.append("\\" * (n // 2))
                if n % 2:
                    current.append('"')
                    i += 1
                started = True
                continue
            current.append("\\" * n)
            started = True
            continue
        if char == '"':
            quoted = not quoted
            started = True
        elif char in " \t" and not quoted:
            if started:
                args.append("".join(current))
                current, started = [], False
        else:
            current.append(char)
            started = True
        i += 1
    if started:
        args.append("".join(current))
    return args


def python_call(command: str) -> tuple[str, str, list[str]]:
    """(directory change, interpreter, argv after it) of xlwings' ``cmd.exe /C … & "python" -B -c …``."""
    assert command.startswith("cmd.exe /C "), command
    body = cmd_unescape(command[len("cmd.exe /C "):])
    drive, _, rest = body.partition(" & ")
    if drive.startswith("pushd "):
        change = drive
    else:
        cd, _, rest = rest.partition(" & ")
        change = f"{drive} & {cd}"
    argv = windows_argv(rest.split(" 2> ")[0])
    return change, argv[0], argv[1:]


def prepare_sys_path_argument(code: str) -> str:
    """The string literal xlwings passes to ``xlwings.utils.prepare_sys_path`` in ``code``."""
    tree = ast.parse(code)
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "attr", "") == "prepare_sys_path"]
    assert len(calls) == 1
    return ast.literal_eval(calls[0].args[0])


def status(loaded: vba_harness.Excel) -> dict[str, object]:
    return {label: loaded.value(SHEET_RUN, f"B{STATUS_FIRST_ROW + i}") for i, label in enumerate(STATUS_LABELS)}


# --- the project as written ----------------------------------------------------------------------
def test_vba_project_stream_is_the_seven_byte_form_without_p_code(book_path):
    with zipfile.ZipFile(book_path) as z:
        cfb = CFB.from_bytes(z.read("xl/vbaProject.bin"))
    assert cfb.get_stream_in_storage("VBA", "_VBA_PROJECT") == bytes.fromhex("CC61FFFF000100")
    with ExcelFile(book_path) as wb:
        modules = wb.vba_project().modules
        assert {m.name: m.text_offset for m in modules} == {m.name: 0 for m in modules}
        assert all(m.prefix_bytes == b"" for m in modules)


def test_every_entry_sub_handles_errors(book_path):
    with ExcelFile(book_path) as wb:
        source = wb.vba_modules()[VBA_MODULE]
    subs = re.findall(r"^(Public\s+|Private\s+)?Sub\s+(\w+)\s*\((.*?)^End Sub", source, re.MULTILINE | re.DOTALL)
    entries = [(name, body) for scope, name, body in subs if not scope.strip().lower().startswith("private")]
    assert [name for name, _ in entries] == [*ACTION_MACROS.values(), RIBBON_CALLBACK]
    for name, body in entries:
        assert re.search(r"^\s*On Error GoTo \w+", body, re.MULTILINE), name
    private = [(name, body) for scope, name, body in subs if scope.strip().lower() == "private"]
    for name, body in private:  # helpers that report must never raise themselves
        if name == "ReportFailure":
            assert "On Error Resume Next" in body


# --- the command line xlwings runs ---------------------------------------------------------------
def test_command_line_with_japanese_names_spaces_and_ampersands(book_path, monkeypatch):
    loaded = excel(book_path, monkeypatch)
    source = r"D:\開発 & 試験\gyokaku_xl" + "\\"  # trailing backslash: xlwings' quoting would break
    loaded.set_value(SHEET_XLWINGS_CONF, "B2", source)
    loaded.run()
    assert loaded.message_boxes == [] and loaded.transcript.popups == []
    probe, run = loaded.transcript.runs
    assert (probe.window_style, probe.wait) == (0, True)
    assert probe.environment["PYTHONIOENCODING"] == "mbcs:backslashreplace"
    assert run.environment["PYTHONIOENCODING"] == "mbcs:backslashreplace"
    change, interpreter, argv = python_call(run.command)
    folder = PYTHON.rsplit("\\", 1)[0]
    assert change == f'C: & cd "{folder}"'
    assert interpreter == PYTHON
    assert argv[:2] == ["-B", "-c"]
    code = argv[2]
    assert code.endswith(f"import gyokaku_xl.app.control_actions as c; c.run_from_excel('merge', '{XLWINGS}')")
    assert prepare_sys_path_argument(code).split(";") == ["False", BOOK, BOOK, "", "", "", source.rstrip("\\")]
    assert argv[3:] == [f"--wb={g.BUTTON_FILE_NAME}", "--from_xl=1", f"--app={OFFICE}\\Microsoft Excel",
                        "--hwnd=262456"]
    assert loaded.value(SHEET_XLWINGS_CONF, "B2") == source.rstrip("\\")  # the sheet was tidied
    assert loaded.status_bar is False


def test_xlwings_prepare_sys_path_accepts_what_it_is_given(book_path, monkeypatch):
    """The string reaches xlwings' real prepare_sys_path: the PYTHONPATH folder, not the book's."""
    import xlwings.utils

    loaded = excel(book_path, monkeypatch, fullname="https://city-my.sharepoint.com/personal/yamada/Documents/集約ツール.xlsm")
    loaded.set_value(SHEET_XLWINGS_CONF, "B2", r"D:\src")
    loaded.run()
    _change, _interpreter, argv = python_call(loaded.transcript.runs[-1].command)
    argument = prepare_sys_path_argument(argv[2])
    before = list(sys.path)
    try:
        xlwings.utils.prepare_sys_path(argument)  # ADD_WORKBOOK_TO_PYTHONPATH FALSE: the URL is not used
        added = sys.path[:len(sys.path) - len(before)]
    finally:
        sys.path[:] = before
    assert [p.replace("/", "\\") for p in added] == [r"d:\src" if sys.platform == "win32" else r"D:\src"]


def test_unc_interpreter_uses_pushd(book_path, monkeypatch):
    python = r"\\fileserver\apps\Python311\python.exe"
    loaded = excel(book_path, monkeypatch, python=python, fullname=r"\\fileserver\行革\集約ツール.xlsm")
    loaded.run()
    assert loaded.message_boxes == []
    change, interpreter, argv = python_call(loaded.transcript.runs[-1].command)
    assert change == r'pushd "\\fileserver\apps\Python311"'
    assert interpreter == python
    assert prepare_sys_path_argument(argv[2]).split(";")[:3] == ["False", r"\\fileserver\行革\集約ツール.xlsm",
                                                                 r"\\fileserver\行革\集約ツール.xlsm"]


def test_quoted_interpreter_path_is_accepted(book_path, monkeypatch):
    loaded = excel(book_path, monkeypatch, python=f'"{PYTHON}"')  # Explorer's 「パスのコピー」
    loaded.run()
    assert loaded.message_boxes == []
    assert loaded.value(SHEET_XLWINGS_CONF, "B1") == PYTHON
    probe, run = loaded.transcript.runs
    assert windows_argv(probe.command)[0] == PYTHON
    assert python_call(run.command)[1] == PYTHON


# --- what the user sees when it cannot run ---------------------------------------------------------
def expected_failure(loaded: vba_harness.Excel, text: str, action: str = "merge") -> None:
    assert loaded.message_boxes == [(text, g.BUTTON_VBA_MESSAGES["GyokakuAlertTitle"])]
    cells = status(loaded)
    assert cells[c.STATUS_ACTION] == c.ACTION_LABELS[action]
    assert cells[g.BUTTON_STATUS_RUN_AT] == NOW.strftime("%Y-%m-%d %H:%M:%S")
    assert cells[g.BUTTON_STATUS_RESULT] == g.BUTTON_VBA_MESSAGES["GyokakuResultFailed"]
    assert cells[g.BUTTON_STATUS_MESSAGE] == text
    assert "{" not in text  # every placeholder ({action}, {python}) filled in
    assert all(not cells[label] for label in STATUS_LABELS
               if label not in (c.STATUS_ACTION, g.BUTTON_STATUS_RUN_AT, g.BUTTON_STATUS_RESULT,
                                g.BUTTON_STATUS_MESSAGE))
    assert loaded.transcript.popups == []  # never xlwings' English error box
    assert loaded.status_bar is False


def test_missing_interpreter_is_one_japanese_message(book_path, monkeypatch):
    loaded = excel(book_path, monkeypatch, exists=False)
    loaded.set_value(SHEET_RUN, f"B{STATUS_FIRST_ROW + 2}", "3 件")  # the last run's result is cleared
    loaded.run()
    assert loaded.transcript.runs == []
    expected_failure(loaded, c.VBA_MESSAGES["GyokakuNoPython"].replace("{python}", PYTHON))


@pytest.mark.parametrize("code, name, pip", [
    (11, "GyokakuNoXlwings", f'"{PYTHON}" -m pip install xlwings=={XLWINGS}'),
    (12, "GyokakuNoPywin32", f'"{PYTHON}" -m pip install pywin32'),
    (13, "GyokakuNoGyokaku", f'"{PYTHON}" -m pip install ".[excel]"'),
])
def test_missing_package_names_it_and_the_pip_line(book_path, monkeypatch, code, name, pip):
    loaded = excel(book_path, monkeypatch, exit_codes=(code,))
    loaded.run()
    assert len(loaded.transcript.runs) == 1  # RunPython never started: no traceback
    text = loaded.message_boxes[0][0]
    assert pip in text and "{" not in text
    expected_failure(loaded, button_book.vba_messages(XLWINGS)[name].replace("{python}", PYTHON)
                     .replace("{action}", g.BUTTON_CAPTION))


def test_store_alias_or_unstartable_python(book_path, monkeypatch):
    loaded = excel(book_path, monkeypatch, exit_codes=(9009,))
    loaded.run()
    expected_failure(loaded, c.VBA_MESSAGES["GyokakuNoPython"].replace("{python}", PYTHON))


def test_other_probe_failure_says_the_exit_code(book_path, monkeypatch):
    loaded = excel(book_path, monkeypatch, exit_codes=(1,))
    loaded.run()
    expected_failure(loaded, c.VBA_MESSAGES["GyokakuProbeFailed"].replace("{python}", PYTHON).replace("{code}", "1"))


def test_blocked_wscript_run_is_handled(book_path, monkeypatch):
    """Defender's ASR rule or a policy: WScript.Run raises; no debugger, a Japanese message."""
    loaded = excel(book_path, monkeypatch)
    loaded.windows.run_error = vba_harness.ERR_BLOCKED
    loaded.run()  # an unhandled VBA error would raise VBARuntimeError here
    detail = f"アクセスが拒否されました。 ({vba_harness.ERR_BLOCKED})"
    expected_failure(loaded, c.VBA_MESSAGES["GyokakuVbaError"].replace("{detail}", detail)
                     .replace("{action}", g.BUTTON_CAPTION))


def test_duplicate_key_in_conf_sheet_is_handled(book_path, monkeypatch):
    loaded = excel(book_path, monkeypatch)
    loaded.set_value(SHEET_XLWINGS_CONF, "A2", "Interpreter_Win")  # xlwings' Dictionary.Add: error 457
    loaded.run()
    assert loaded.transcript.runs == []
    text = loaded.message_boxes[0][0]
    assert text.startswith(c.VBA_MESSAGES["GyokakuVbaError"].replace("{action}", g.BUTTON_CAPTION).split("{")[0])
    assert "(457)" in text
    assert status(loaded)[g.BUTTON_STATUS_RESULT] == g.BUTTON_VBA_MESSAGES["GyokakuResultFailed"]


def test_status_names_point_at_the_status_area(book_path, monkeypatch):
    loaded = excel(book_path, monkeypatch)
    for name, label in ((NAME_STATUS_ACTION, c.STATUS_ACTION), (NAME_STATUS_RUN_AT, g.BUTTON_STATUS_RUN_AT),
                        (NAME_STATUS_RESULT, g.BUTTON_STATUS_RESULT), (NAME_STATUS_MESSAGE, g.BUTTON_STATUS_MESSAGE)):
        row = STATUS_FIRST_ROW + STATUS_LABELS.index(label)
        loaded.set_value(SHEET_RUN, f"B{row}", f"x{row}")
        assert loaded.name_value(name) == f"x{row}"


# --- the probe's Python code, run for real ---------------------------------------------------------
def probe_code(book_path, monkeypatch, pythonpath: str = "") -> str:
    loaded = excel(book_path, monkeypatch, exit_codes=(1,))
    loaded.set_value(SHEET_XLWINGS_CONF, "B2", pythonpath)
    loaded.run()
    argv = windows_argv(loaded.transcript.runs[0].command)
    assert argv[1:3] == ["-B", "-c"] and len(argv) == 4
    return argv[3]


def fake_modules(folder: Path, *names: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / f"{name}.py").write_text("", encoding="utf-8")
    return folder


def test_probe_exit_codes_name_the_missing_package(book_path, monkeypatch, tmp_path):
    def probe(folder: Path, *flags: str) -> int:
        code = probe_code(book_path, monkeypatch, str(folder) + "\\" if sys.platform == "win32" else str(folder))
        return subprocess.run([sys.executable, *flags, "-B", "-c", code], capture_output=True, timeout=120,
                              cwd=tmp_path).returncode

    empty = fake_modules(tmp_path / "empty")
    assert probe(empty, "-S", "-E") == 11  # no site-packages: no xlwings
    assert probe(fake_modules(tmp_path / "x", "xlwings"), "-S", "-E") == 12  # and no pywin32
    assert probe(fake_modules(tmp_path / "xw", "xlwings", "win32api"), "-S", "-E") == 13  # and no gyokaku_xl
    assert probe(fake_modules(tmp_path / "w", "win32api")) == 0  # this venv has xlwings and gyokaku_xl


# --- every action: the 操作 sheet's shape buttons and the ribbon tab -----------------------------------
def ribbon_buttons() -> list[tuple[str, str, str]]:
    """(id, tag, onAction) of every button of macros/ribbon.xml, in order."""
    import xml.etree.ElementTree as ET
    root = ET.fromstring(button_book.ribbon_source())
    ns = {"ui": button_book.RIBBON_NAMESPACE}
    return [(b.get("id"), b.get("tag"), b.get("onAction")) for b in root.iterfind(".//ui:button", ns)]


def python_statement(run: vba_harness.RunCall) -> str:
    """The statement xlwings' RunPython runs after preparing sys.path: ours, as Python reads it."""
    _change, _interpreter, argv = python_call(run.command)
    code = argv[2]
    statement = code[code.index("import gyokaku_xl"):]
    ast.parse(statement)
    return statement


def reach_python(statement: str, book_path: Path, monkeypatch) -> list[tuple[object, str]]:
    """Run the RunPython statement in this process, the calling book faked: which action function
    was called, with which book and run time."""
    from fake_book import FakeBook
    from gyokaku_xl.app import button, control_actions

    book = FakeBook.load(book_path)
    monkeypatch.setattr(button, "caller_book", lambda: book)
    calls: list[tuple[str, object, str]] = []
    for action in list(control_actions.ACTIONS):
        monkeypatch.setitem(control_actions.ACTIONS, action,
                            lambda b, run_at, action=action: calls.append((action, b, run_at))
                            or button.ButtonStatus(result="", message="", exit_code=0))
    exec(statement, {})  # noqa: S102 - the exact statement the button sends
    assert all(called is book for _action, called, _run_at in calls)
    assert book.status()[c.STATUS_ACTION] in c.ACTION_LABELS.values()
    return [(action, run_at) for action, _book, run_at in calls]


@pytest.mark.parametrize("action, macro", [(a, m) for a, m in ACTION_MACROS.items() if a != "settings"])
def test_each_shape_button_reaches_its_python_function(book_path, monkeypatch, action, macro):
    loaded = excel(book_path, monkeypatch)
    loaded.run(macro)
    assert loaded.message_boxes == [] and loaded.transcript.popups == []
    probe, run = loaded.transcript.runs  # the interpreter probe, then RunPython
    assert (probe.window_style, probe.wait) == (0, True)
    statement = python_statement(run)
    assert statement == f"import gyokaku_xl.app.control_actions as c; c.run_from_excel('{action}', '{XLWINGS}')"
    called = reach_python(statement, book_path, monkeypatch)
    assert [name for name, _run_at in called] == [action]
    assert loaded.status_bar is False


@pytest.mark.parametrize("control_id, tag, on_action", ribbon_buttons())
def test_each_ribbon_button_reaches_its_python_function(book_path, monkeypatch, control_id, tag, on_action):
    loaded = excel(book_path, monkeypatch)
    loaded.click_ribbon(on_action, control_id, tag)
    assert loaded.message_boxes == [] and loaded.transcript.popups == []
    if tag == "settings":  # shown by VBA alone: no Python at all
        assert loaded.transcript.runs == []
        assert loaded.app.evaluate("ActiveSheet.Name") == g.BUTTON_SHEET_SETTINGS
        return
    probe, run = loaded.transcript.runs
    assert windows_argv(probe.command)[0] == PYTHON
    statement = python_statement(run)
    assert statement.endswith(f"c.run_from_excel('{tag}', '{XLWINGS}')")
    assert [name for name, _run_at in reach_python(statement, book_path, monkeypatch)] == [tag]


def test_settings_shape_button_shows_the_settings_sheet(book_path, monkeypatch):
    loaded = excel(book_path, monkeypatch)
    loaded.run(ACTION_MACROS["settings"])
    assert loaded.transcript.runs == [] and loaded.message_boxes == []
    assert loaded.app.evaluate("ActiveSheet.Name") == g.BUTTON_SHEET_SETTINGS


@pytest.mark.parametrize("control_id, tag, on_action", [b for b in ribbon_buttons() if b[1] != "settings"])
def test_ribbon_button_without_python_names_its_action(book_path, monkeypatch, control_id, tag, on_action):
    """The probe in front of every action: a missing interpreter is one message naming the button."""
    loaded = excel(book_path, monkeypatch, exists=False)
    loaded.click_ribbon(on_action, control_id, tag)
    assert loaded.transcript.runs == []
    expected_failure(loaded, c.VBA_MESSAGES["GyokakuNoPython"].replace("{python}", PYTHON), action=tag)


def test_blocked_wscript_run_from_the_ribbon_is_handled(book_path, monkeypatch):
    loaded = excel(book_path, monkeypatch)
    loaded.windows.run_error = vba_harness.ERR_BLOCKED
    loaded.click_ribbon(RIBBON_CALLBACK, "GyokakuCheck", "check")  # no debugger: a Japanese message
    detail = f"アクセスが拒否されました。 ({vba_harness.ERR_BLOCKED})"
    expected_failure(loaded, c.VBA_MESSAGES["GyokakuVbaError"].replace("{detail}", detail)
                     .replace("{action}", c.ACTION_LABELS["check"]), action="check")


def test_ribbon_from_a_book_with_quoted_interpreter_and_unc_path(book_path, monkeypatch):
    python = r"\\fileserver\apps\Python311\python.exe"
    loaded = excel(book_path, monkeypatch, python=f'"{python}"', fullname=r"\\fileserver\行革\集約ツール.xlsm")
    loaded.click_ribbon(RIBBON_CALLBACK, "GyokakuBoard", "board")
    assert loaded.message_boxes == []
    change, interpreter, _argv = python_call(loaded.transcript.runs[-1].command)
    assert change == r'pushd "\\fileserver\apps\Python311"' and interpreter == python


def test_a_ribbon_tag_that_is_not_an_action_word_never_reaches_python(book_path, monkeypatch):
    loaded = excel(book_path, monkeypatch)
    loaded.click_ribbon(RIBBON_CALLBACK, "Broken", "x'); import os; os.system('calc")
    assert loaded.transcript.runs == []  # no probe, no RunPython
    (text, _title), = loaded.message_boxes
    assert text.startswith(c.VBA_MESSAGES["GyokakuVbaError"].split("{")[0]) and "(5)" in text
