"""The control workbook 集約ツール.xlsm as ``button`` writes it, checked from the file (no Excel).

The button's macro must exist in the VBA read back from the file, its RunPython command must
import a real function of the package, the embedded xlwings VBA must be the installed xlwings,
openpyxl and LibreOffice must open it, and LibreOffice must keep the button bound to the macro.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
import subprocess
import sys
import tomllib
import zipfile
from importlib import metadata
from pathlib import Path

import openpyxl
import pytest

from gyokaku_xl.app import button_book
from gyokaku_xl import text as g
from gyokaku_xl.app import control_actions
from gyokaku_xl.app.button import (ACTION_MACROS, BUTTON_MACRO, CODE_NAME_BOARD, CODE_NAME_BOOK,
                                     CODE_NAME_CONF, CODE_NAME_RUN, CODE_NAME_SETTINGS, NAME_NO_PYTHON,
                                     SETTINGS_LABELS, SHEET_BOARD, SHEET_RUN, SHEET_SETTINGS,
                                     SHEET_XLWINGS_CONF, STATUS_FIRST_ROW, STATUS_LABELS, VBA_MODULE)
from gyokaku_xl.text import control as c
from gyokaku_xl.domain.findings import GyokakuError

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = {"inbox": "受付", "plan": "計画マスタ.xlsx", "master": "集約結果.xlsx", "year": "令和3年度",
            "period": "上半期", "history": "履歴", "pdf": True, "forms": "配布先", "returns": "差戻し先",
            "reminders": "督促先", "opinions": "委員意見.xlsx"}
#: How each setting appears in 「設定」.
SHOWN = {**SETTINGS, "pdf": g.BUTTON_YES}


@pytest.fixture(scope="module")
def book_path(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("button")
    return button_book.build_control_workbook(folder / g.BUTTON_FILE_NAME, **SETTINGS)


@pytest.fixture(scope="module")
def modules(book_path) -> dict[str, str]:
    from pyopenvba import ExcelFile
    with ExcelFile(book_path) as wb:
        return wb.vba_modules()


def package_text(path: Path, part: str) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(part).decode("utf-8")


def button_macros(path: Path) -> list[str]:
    """The macro of every form button: ``<x:FmlaMacro>[0]!Name</x:FmlaMacro>`` in the VML drawings."""
    with zipfile.ZipFile(path) as z:
        vml = [z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".vml")]
    return [m.split("!")[-1] for text in vml for m in re.findall(r"<x:FmlaMacro>([^<]*)</x:FmlaMacro>", text)]


def sub_body(source: str, name: str, scope: str = "Public", params: str = "") -> str:
    m = re.search(rf"^(?:{scope}\s+)?Sub\s+{name}\s*\(\s*{params}\s*\)(.*?)^End Sub", source, re.MULTILINE | re.DOTALL)
    assert m, f"Sub {name} not found"
    return m.group(1)


def public_constants(modules: dict[str, str]) -> dict[str, str]:
    found = {}
    for source in modules.values():
        for name, value in re.findall(r'^\s*Public\s+Const\s+(\w+)\s+As\s+String\s*=\s*"([^"]*)"', source, re.MULTILINE):
            found[name] = value
    return found


def vba_string(expression: str, constants: dict[str, str]) -> str:
    """Evaluate a VBA string expression made of literals and constants joined with ``&``."""
    parts = re.findall(r'"(?:[^"]|"")*"|[A-Za-z_]\w*|&', expression.strip())
    assert "".join(parts).replace(" ", "") == expression.strip().replace(" ", ""), expression
    text = ""
    for part in parts:
        if part == "&":
            continue
        text += part[1:-1].replace('""', '"') if part.startswith('"') else constants[part]
    return text


# --- the button and its macro ---------------------------------------------------------------------
def test_every_shape_button_runs_a_sub_of_the_module(book_path, modules):
    assert button_macros(book_path) == list(ACTION_MACROS.values())
    assert ACTION_MACROS["merge"] == BUTTON_MACRO  # books of earlier versions keep their macro
    for macro in ACTION_MACROS.values():
        defining = [name for name, src in modules.items()
                    if re.search(rf"^(?:Public\s+)?Sub\s+{macro}\s*\(\s*\)", src, re.MULTILINE)]
        assert defining == [VBA_MODULE], macro
    assert f'Attribute VB_Name = "{VBA_MODULE}"' in modules[VBA_MODULE]


def test_runpython_command_resolves_to_each_action_function(modules):
    body = sub_body(modules[VBA_MODULE], "Perform", scope="Private", params=r"ByVal action As String")
    calls = re.findall(r"^\s*RunPython\s+(.+?)\s*$", body, re.MULTILINE)
    assert len(calls) == 1
    python_actions = [action for action in ACTION_MACROS if action != "settings"]  # settings: VBA only
    assert sorted(python_actions) == sorted(control_actions.ACTIONS)
    for action in python_actions:
        code = vba_string(calls[0], {**public_constants(modules), "action": action})
        tree = ast.parse(code)
        imports = {alias.asname or alias.name: alias.name
                   for node in tree.body if isinstance(node, ast.Import) for alias in node.names}
        call_nodes = [n.value for n in tree.body if isinstance(n, ast.Expr) and isinstance(n.value, ast.Call)]
        assert len(call_nodes) == 1
        call = call_nodes[0]
        assert isinstance(call.func, ast.Attribute) and isinstance(call.func.value, ast.Name)
        module = importlib.import_module(imports[call.func.value.id])
        function = getattr(module, call.func.attr)
        assert callable(function) and function.__module__.startswith("gyokaku_xl.")
        args = [ast.literal_eval(a) for a in call.args]
        inspect.signature(function).bind(*args)  # the arguments fit
        assert args == [action, metadata.version("xlwings")]
        assert module.ACTIONS[action].__name__.endswith("_action")


def test_vba_uses_only_names_the_xlwings_module_defines(modules):
    xlwings = modules["xlwings"]
    for name in ("RunPython", "GetConfig", "FileExists"):
        assert re.search(rf"^(?:Public\s+)?(?:Function|Sub)\s+{name}\b", xlwings, re.MULTILINE), name
    assert "XLWINGS_VERSION" in public_constants({"xlwings": xlwings})


def test_embedded_xlwings_vba_is_the_installed_version(modules):
    installed = metadata.version("xlwings")
    assert public_constants(modules)["XLWINGS_VERSION"] == installed
    assert f"'Version: {installed}" in modules["xlwings"]
    assert public_constants(modules)["GYOKAKU_XLWINGS_VERSION"] == installed


def test_pinned_versions_agree():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    extras = pyproject["project"]["optional-dependencies"]
    pins = {req.split("==")[1] for reqs in extras.values() for req in reqs if req.startswith("xlwings==")}
    assert pins == {button_book.pinned_xlwings_version()}


def test_document_modules_match_the_code_names(book_path, modules):
    workbook = package_text(book_path, "xl/workbook.xml")
    code_names = re.findall(r'<workbookPr[^>]*codeName="([^"]+)"', workbook)
    for n in (1, 2, 3, 4):
        code_names += re.findall(r'<sheetPr[^>]*codeName="([^"]+)"', package_text(book_path, f"xl/worksheets/sheet{n}.xml"))
    assert code_names == [CODE_NAME_BOOK, CODE_NAME_RUN, CODE_NAME_BOARD, CODE_NAME_SETTINGS, CODE_NAME_CONF]
    from pyopenvba.cfb import CFB
    with zipfile.ZipFile(book_path) as z:
        project = CFB.from_bytes(z.read("xl/vbaProject.bin")).get_stream("PROJECT").decode("latin-1")
    documents = re.findall(r"^Document=(\w+)/", project, re.MULTILINE)
    assert documents == code_names
    bases = {"0{00020819-0000-0000-C000-000000000046}": [CODE_NAME_BOOK],
             "0{00020820-0000-0000-C000-000000000046}": [CODE_NAME_RUN, CODE_NAME_BOARD, CODE_NAME_SETTINGS,
                                                         CODE_NAME_CONF]}
    for base, names in bases.items():
        for name in names:
            assert f'Attribute VB_Base = "{base}"' in modules[name]


def test_bas_in_macros_is_the_module_in_the_book(modules):
    source = (ROOT / "macros" / "gyokaku_button.bas").read_bytes()
    source.decode("ascii")  # the project's code page is 1252: ASCII only
    assert b"\r\n" in source and b"\n" not in source.replace(b"\r\n", b"")
    assert button_book.button_module_path() == ROOT / "macros" / "gyokaku_button.bas"
    assert modules[VBA_MODULE].replace("\r\n", "\n").strip() == source.decode("ascii").replace("\r\n", "\n").strip()


def test_macros_are_package_data():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    setuptools = pyproject["tool"]["setuptools"]
    assert "gyokaku_xl.macros" in setuptools["packages"]
    assert setuptools["package-dir"]["gyokaku_xl.macros"] == "macros"
    assert "*.bas" in setuptools["package-data"]["gyokaku_xl.macros"]
    assert "*.xml" in setuptools["package-data"]["gyokaku_xl.macros"]  # the ribbon


# --- sheets ---------------------------------------------------------------------------------------
def test_openpyxl_keep_vba_loads_it(book_path):
    wb = openpyxl.load_workbook(book_path, keep_vba=True)
    assert wb.sheetnames == [SHEET_RUN, SHEET_BOARD, SHEET_SETTINGS, SHEET_XLWINGS_CONF]
    assert wb.vba_archive is not None and "xl/vbaProject.bin" in wb.vba_archive.namelist()
    run = wb[SHEET_RUN]
    assert [run.cell(STATUS_FIRST_ROW + i, 1).value for i in range(len(STATUS_LABELS))] == list(STATUS_LABELS)
    assert run.cell(STATUS_FIRST_ROW + STATUS_LABELS.index(g.BUTTON_STATUS_RESULT), 2).value == g.BUTTON_NOT_RUN
    settings = wb[SHEET_SETTINGS]
    rows = {r[0].value: (r[1].value, r[2].value) for r in settings.iter_rows(min_row=1, max_col=3) if r[0].value}
    expected = dict(zip(SETTINGS_LABELS, SHOWN.values()))
    for label in SETTINGS_LABELS:
        value, note = rows[label]
        assert value == expected[label]
        assert note == button_book.setting_note(label)
    messages = button_book.vba_messages(metadata.version("xlwings"))
    assert NAME_NO_PYTHON in messages
    for name, text in messages.items():  # every text the VBA shows, in the cell its name points at
        destination = wb.defined_names[name].attr_text
        sheet, cell = destination.replace("'", "").split("!")
        assert wb[sheet][cell.replace("$", "")].value == text
        label = wb[sheet][cell.replace("$", "").replace("B", "A")].value
        assert label == "・" + c.VBA_MESSAGE_LABELS[name]  # labelled, not a live error
    for action, text in c.ACTION_LABELS.items():  # the label the VBA names when it stops an action
        sheet, cell = wb.defined_names[f"GyokakuAction_{action}"].attr_text.replace("'", "").split("!")
        assert wb[sheet][cell.replace("$", "")].value == text
    wb.close()


def test_vba_uses_only_names_the_workbook_defines(book_path, modules):
    wb = openpyxl.load_workbook(book_path, keep_vba=True)
    defined = set(wb.defined_names)
    wb.close()
    used = set(re.findall(r'Names\("(\w+)"\)', modules[VBA_MODULE]))
    used |= set(re.findall(r'Message\("(\w+)"', modules[VBA_MODULE]))
    used |= {f"GyokakuAction_{action}" for action in ACTION_MACROS}  # Names("GyokakuAction_" & action)
    assert 'Names("GyokakuAction_" & action)' in modules[VBA_MODULE]
    assert used and used <= defined, used - defined


def test_troubleshooting_lines_are_bullets_not_errors(book_path):
    wb = openpyxl.load_workbook(book_path, read_only=True)
    column = [row[0] for row in wb[SHEET_RUN].iter_rows(min_col=1, max_col=1, values_only=True)]
    wb.close()
    texts = [t for t in column if isinstance(t, str)]
    first_message = next(t for t in texts if "Python が見つかりません" in t)
    assert first_message.startswith("・")
    assert not any(t.startswith("Python が見つかりません") for t in texts)
    heading = texts.index(g.BUTTON_MESSAGES_HEADING)
    assert all(t.startswith("・") for t in texts[heading + 1:])


def test_xlwings_conf_sheet(book_path):
    wb = openpyxl.load_workbook(book_path, read_only=True)
    rows = [[c.value for c in row] for row in wb[SHEET_XLWINGS_CONF]["A1:B10"]]
    wb.close()
    keys = []
    for key, _value in rows:  # xlwings reads A1 down to the first empty cell
        if key is None:
            break
        keys.append(key)
    conf = {str(k).upper(): v for k, v in rows[:len(keys)]}
    assert set(conf) == {"INTERPRETER_WIN", "PYTHONPATH", "USE UDF SERVER", "SHOW CONSOLE",
                         "ADD_WORKBOOK_TO_PYTHONPATH"}
    assert conf["USE UDF SERVER"] is False and conf["SHOW CONSOLE"] is False
    assert conf["ADD_WORKBOOK_TO_PYTHONPATH"] is False  # a OneDrive URL FullName is never parsed
    if sys.platform == "win32":
        assert conf["INTERPRETER_WIN"] == sys.executable
    else:
        major, minor = sys.version_info[:2]
        assert conf["INTERPRETER_WIN"] == rf"%LOCALAPPDATA%\Programs\Python\Python{major}{minor}\python.exe"


def test_same_settings_same_file(tmp_path, book_path):
    again = button_book.build_control_workbook(tmp_path / "again.xlsm", **SETTINGS)
    assert again.read_bytes() == book_path.read_bytes()


def test_settings_are_text_never_formulas(tmp_path):
    path = button_book.build_control_workbook(tmp_path / "t.xlsm", inbox="=HYPERLINK(\"x\")", plan="",
                                              master="集約結果.xlsx", year="", period="")
    wb = openpyxl.load_workbook(path)
    cell = next(r[1] for r in wb[SHEET_SETTINGS].iter_rows() if r[0].value == g.BUTTON_SETTING_INBOX)
    assert cell.value == "=HYPERLINK(\"x\")" and cell.data_type == "s"
    wb.close()


def test_wrong_extension_is_refused(tmp_path):
    with pytest.raises(GyokakuError, match=r"\.xlsm"):
        button_book.build_control_workbook(tmp_path / "t.xlsx", **SETTINGS)


def test_other_xlwings_version_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(button_book, "installed_xlwings_version", lambda: "0.0.1")
    with pytest.raises(GyokakuError) as info:
        button_book.build_control_workbook(tmp_path / "t.xlsm", **SETTINGS)
    assert "0.0.1" in str(info.value) and not (tmp_path / "t.xlsm").exists()


def test_cli_button_command(tmp_path):
    from gyokaku_xl.app.cli import main
    import io
    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / "ツール.xlsm"
    assert main(["button", "-o", str(target), "--inbox", "受付", "--year", "R3", "--period", "上半期"],
                out=out, err=err) == 0
    assert target.is_file() and out.getvalue().strip().endswith(str(target))
    if sys.platform != "win32":  # the placeholder interpreter is said, not hidden
        assert "仮の値" in err.getvalue() and "%LOCALAPPDATA%" in err.getvalue()
    else:
        assert err.getvalue() == ""


# --- LibreOffice keeps the button bound to the macro ---------------------------------------------
def test_libreoffice_converts_and_keeps_the_button(book_path, tmp_path, soffice):
    profile = tmp_path / "profile"
    result = subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                             "--convert-to", "ods", "--outdir", str(tmp_path), str(book_path)],
                            capture_output=True, text=True, timeout=180)
    converted = tmp_path / (book_path.stem + ".ods")
    assert converted.is_file(), result.stderr
    content = package_text(converted, "content.xml")
    buttons = re.findall(r"<form:button\b[^>]*>.*?</form:button>", content, re.DOTALL)
    assert len(buttons) == len(ACTION_MACROS)
    for (action, macro), button in zip(ACTION_MACROS.items(), buttons):
        assert f'form:label="{c.ACTION_LABELS[action]}"' in button
        events = re.findall(r'script:event-name="form:performaction"[^>]*xlink:href="([^"]+)"', button)
        assert events and f"VBAProject.{VBA_MODULE}.{macro}?" in events[0]
    with zipfile.ZipFile(converted) as z:
        basic = z.read(f"Basic/VBAProject/{VBA_MODULE}.xml").decode("utf-8")
    assert f"Sub {BUTTON_MACRO}()" in basic
