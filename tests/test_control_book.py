"""The control workbook's ribbon tab, its 提出状況 and 設定 sheets, and ``button --force`` / ``--upgrade``.

The ribbon XML is checked against what the customUI schema requires of it (namespace, a tab with
groups of buttons, unique ids, every ``onAction`` a Sub of the VBA project with the
``(control As IRibbonControl)`` signature, a tag naming an action the VBA and Python know) and
against the package: the part, its root relationship and the Office library the callback's type
comes from.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import openpyxl
import pytest
from pyopenvba import ExcelFile

from gyokaku_xl.app import button_book, control_actions
from gyokaku_xl.app.button import (ACTION_GROUPS, ACTION_MACROS, BOARD_FIRST_ROW, BOARD_HEADER_ROW,
                                   BOARD_ROWS, RIBBON_CALLBACK, SETTINGS_LABELS, SHEET_BOARD, SHEET_SETTINGS,
                                   SHEET_XLWINGS_CONF, VBA_MODULE)
from gyokaku_xl.app.cli import main
from gyokaku_xl.domain.findings import GyokakuError
from gyokaku_xl.text import control as c
from gyokaku_xl import text as g

NS = {"ui": button_book.RIBBON_NAMESPACE}
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def book_path(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("control")
    return button_book.build_control_workbook(folder / g.BUTTON_FILE_NAME, inbox="受付", plan="計画マスタ.xlsx",
                                              master="集約結果.xlsx", year="令和3年度", period="上半期")


@pytest.fixture(scope="module")
def ribbon() -> ET.Element:
    return ET.fromstring((ROOT / "macros" / "ribbon.xml").read_bytes())


@pytest.fixture(scope="module")
def vba(book_path) -> str:
    with ExcelFile(book_path) as wb:
        return wb.vba_modules()[VBA_MODULE]


# --- the ribbon XML ------------------------------------------------------------------------------
def test_ribbon_is_one_tab_of_groups_in_the_order_a_period_is_worked(ribbon):
    assert ribbon.tag == f"{{{button_book.RIBBON_NAMESPACE}}}customUI"
    tabs = ribbon.findall("ui:ribbon/ui:tabs/ui:tab", NS)
    assert len(tabs) == 1 and tabs[0].get("label") == c.CONTROL_TAB
    groups = tabs[0].findall("ui:group", NS)
    assert [grp.get("label") for grp in groups] == [c.GROUP_LABELS[name] for name, _ in ACTION_GROUPS]
    for grp, (_name, actions) in zip(groups, ACTION_GROUPS):
        buttons = grp.findall("ui:button", NS)
        assert [b.get("tag") for b in buttons] == [action for action, _macro in actions]
        assert [b.get("label") for b in buttons] == [c.ACTION_LABELS[action] for action, _macro in actions]
    ids = [el.get("id") for el in ribbon.iter() if el.get("id")]
    assert len(ids) == len(set(ids)) and all(re.fullmatch(r"[A-Za-z_]\w*", i) for i in ids)
    for button in ribbon.iter(f"{{{button_book.RIBBON_NAMESPACE}}}button"):  # what the schema requires
        assert button.get("id") and button.get("label") and button.get("size") in ("normal", "large")
        assert button.get("imageMso")


def test_every_on_action_is_a_ribbon_callback_sub_of_the_project(ribbon, vba):
    callbacks = {el.get("onAction") for el in ribbon.iter() if el.get("onAction")}
    assert callbacks == {RIBBON_CALLBACK}
    for name in callbacks:
        assert re.search(rf"^Public Sub {name}\(control As IRibbonControl\)\r?$", vba, re.MULTILINE), name
    body = re.search(rf"Sub {RIBBON_CALLBACK}\(.*?^End Sub", vba, re.MULTILINE | re.DOTALL).group(0)
    assert "On Error GoTo" in body and "control.Tag" in body
    tags = {el.get("tag") for el in ribbon.iter() if el.get("onAction")}
    assert tags == set(ACTION_MACROS)
    assert tags - {"settings"} == set(control_actions.ACTIONS)  # each has its Python function


def test_the_book_carries_the_ribbon_part_and_its_root_relationship(book_path):
    with zipfile.ZipFile(book_path) as z:
        part = z.read(button_book.RIBBON_PART)
        rels = ET.fromstring(z.read("_rels/.rels"))
        content_types = z.read("[Content_Types].xml").decode("utf-8")
    assert part == (ROOT / "macros" / "ribbon.xml").read_bytes()
    found = [r for r in rels if r.get("Type") == button_book.RIBBON_RELATIONSHIP]
    assert [r.get("Target") for r in found] == [button_book.RIBBON_PART]
    assert len({r.get("Id") for r in rels}) == len(rels)
    assert '<Default Extension="xml" ContentType="application/xml"/>' in content_types


def test_the_project_references_the_office_library_of_iribboncontrol(book_path):
    with ExcelFile(book_path) as wb:
        libraries = {r.name: r.libid for r in wb.references()}
    assert "{2DF8D04C-5BFA-101B-BDE5-00AA0044DE52}" in libraries["Office"]  # MSO.DLL: IRibbonControl


def test_a_broken_ribbon_file_is_one_japanese_line(tmp_path, monkeypatch):
    broken = tmp_path / "ribbon.xml"
    broken.write_text("<customUI>", encoding="utf-8")
    monkeypatch.setattr(button_book, "ribbon_path", lambda: broken)
    with pytest.raises(GyokakuError, match="ribbon.xml"):
        button_book.build_control_workbook(tmp_path / "t.xlsm", inbox="受付", plan="", master="集約結果.xlsx",
                                           year="", period="")
    assert not (tmp_path / "t.xlsm").exists()


# --- 提出状況 and 設定 ----------------------------------------------------------------------------------
def test_board_sheet_colours_each_state_like_the_master(book_path):
    with zipfile.ZipFile(book_path) as z:
        names = {n for n in z.namelist() if n.startswith("xl/worksheets/sheet")}
        sheet = next(z.read(n).decode("utf-8") for n in sorted(names) if 'codeName="BoardSheet"' in z.read(n).decode("utf-8"))
        styles = z.read("xl/styles.xml").decode("utf-8")
    blocks = re.findall(r'<conditionalFormatting sqref="([^"]+)">(.*?)</conditionalFormatting>', sheet, re.DOTALL)
    column = f"B{BOARD_FIRST_ROW}:B{BOARD_FIRST_ROW + BOARD_ROWS - 1}"
    assert [sqref for sqref, _rules in blocks] == [column]
    assert sorted(re.findall(r'<formula>"([^"]+)"</formula>', blocks[0][1])) == sorted(c.BOARD_STATES)
    dxf_fills = re.findall(r'<dxf>.*?<bgColor rgb="FF([0-9A-F]{6})"/>', styles, re.DOTALL)
    assert {f"#{rgb}" for rgb in dxf_fills} >= set(button_book.BOARD_FILLS.values())
    assert button_book.BOARD_FILLS[c.BOARD_NOT_SUBMITTED] == "#F8CBAD"  # as 提出状況 in the master
    assert button_book.BOARD_FILLS[c.BOARD_ERRORS] == "#FFE699"
    wb = openpyxl.load_workbook(book_path, read_only=True)
    header = [cell.value for cell in next(wb[SHEET_BOARD].iter_rows(min_row=BOARD_HEADER_ROW, max_row=BOARD_HEADER_ROW))]
    wb.close()
    assert tuple(header[:len(c.BOARD_HEADERS)]) == c.BOARD_HEADERS


def test_every_setting_has_its_note_and_an_input_rule(book_path):
    wb = openpyxl.load_workbook(book_path)
    sheet = wb[SHEET_SETTINGS]
    rules = {str(dv.sqref): dv for dv in sheet.data_validations.dataValidation}
    for row in sheet.iter_rows(min_row=1, max_col=3):
        label = row[0].value
        if label not in SETTINGS_LABELS:
            continue
        rule = rules[row[1].coordinate]
        assert row[2].value == button_book.setting_note(label)
        assert rule.promptTitle == label and rule.prompt == button_book.setting_note(label)
        assert rule.showInputMessage
    kinds = {label: rules[f"B{5 + i}"].type for i, label in enumerate(SETTINGS_LABELS)}
    assert kinds[g.BUTTON_SETTING_PERIOD] == "list" and kinds[g.BUTTON_SETTING_PDF] == "list"
    assert kinds[c.SETTING_FORMS] == "textLength" and kinds[g.BUTTON_SETTING_INBOX] == "textLength"
    wb.close()


# --- button -o / --force / --upgrade ---------------------------------------------------------------
def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["button", *argv], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def settings_of(path: Path) -> dict[str, object]:
    wb = openpyxl.load_workbook(path, read_only=True)
    values = {row[0].value: row[1].value or "" for row in wb[SHEET_SETTINGS].iter_rows(min_row=1, max_col=2)
              if row[0].value}
    wb.close()
    return values


def edit_settings(path: Path, values: dict[str, str]) -> None:
    wb = openpyxl.load_workbook(path, keep_vba=True)
    sheet = wb[SHEET_SETTINGS]
    for row in sheet.iter_rows(min_row=1, max_col=2):
        if row[0].value in values:
            row[1].value = values[row[0].value]
    wb.save(path)
    wb.close()


EDITED = {g.BUTTON_SETTING_INBOX: r"\\fileserver\行革\受付", g.BUTTON_SETTING_YEAR: "令和4年度",
          g.BUTTON_SETTING_PERIOD: "年度末", g.BUTTON_SETTING_PDF: g.BUTTON_YES, c.SETTING_RETURNS: "返却"}


def test_button_refuses_an_existing_book_unless_force(tmp_path):
    target = tmp_path / "集約ツール.xlsm"
    assert run_cli("-o", str(target))[0] == 0
    edit_settings(target, EDITED)
    before = target.read_bytes()
    code, out, err = run_cli("-o", str(target))
    assert code == 2 and out == ""
    assert err.splitlines()[0] == "エラー: " + c.BUILD_EXISTS.format(path=target)
    assert target.read_bytes() == before  # the edited settings are still there
    assert run_cli("-o", str(target), "--force")[0] == 0
    assert settings_of(target)[g.BUTTON_SETTING_INBOX] == "受付"  # replaced, as asked


def test_upgrade_keeps_every_setting_and_says_so(tmp_path):
    target = tmp_path / "集約ツール.xlsm"
    assert run_cli("-o", str(target))[0] == 0
    edit_settings(target, EDITED)
    edited = settings_of(target)
    code, out, _err = run_cli("--upgrade", str(target))
    assert code == 0
    assert settings_of(target) == edited
    lines = out.splitlines()
    assert lines[0] == c.UPGRADE_DONE.format(path=target)
    assert lines[1] == c.UPGRADE_KEPT.format(count=len(SETTINGS_LABELS), labels="・".join(SETTINGS_LABELS))
    with zipfile.ZipFile(target) as z:  # this version's macros and ribbon
        assert z.read(button_book.RIBBON_PART) == (ROOT / "macros" / "ribbon.xml").read_bytes()
    with ExcelFile(target) as wb:
        assert wb.vba_modules()[VBA_MODULE].replace("\r\n", "\n").strip() == \
            (ROOT / "macros" / "gyokaku_button.bas").read_text(encoding="ascii").replace("\r\n", "\n").strip()


def older_book(path: Path, settings: dict[str, str], python: str) -> Path:
    """A control workbook as an earlier version left it: sheet 集約, fewer settings, its own Python."""
    wb = openpyxl.Workbook()
    wb.active.title = g.BUTTON_SHEET_RUN
    sheet = wb.create_sheet(SHEET_SETTINGS)
    for offset, (label, value) in enumerate(settings.items()):
        sheet.cell(5 + offset, 1).value = label
        sheet.cell(5 + offset, 2).value = value
    conf = wb.create_sheet(SHEET_XLWINGS_CONF)
    conf["A1"], conf["B1"] = "Interpreter_Win", python
    conf["A2"], conf["B2"] = "PYTHONPATH", ""
    wb.save(path)
    return path


def test_upgrade_of_an_older_book_adds_the_new_settings_and_keeps_its_python(tmp_path):
    python = r"D:\Python311\python.exe"
    old = {g.BUTTON_SETTING_INBOX: "受付2", g.BUTTON_SETTING_PLAN: "計画.xlsx", g.BUTTON_SETTING_OUTPUT: "結果.xlsx",
           g.BUTTON_SETTING_YEAR: "R3", g.BUTTON_SETTING_PERIOD: "上半期", "昔の項目": "x"}
    target = older_book(tmp_path / "集約ツール.xlsm", old, python)
    code, out, _err = run_cli("--upgrade", str(target))
    assert code == 0, out
    values = settings_of(target)
    assert {k: values[k] for k in old if k != "昔の項目"} == {k: v for k, v in old.items() if k != "昔の項目"}
    assert values[c.SETTING_FORMS] == c.SETTING_DEFAULTS[c.SETTING_FORMS]
    assert values[g.BUTTON_SETTING_PDF] == g.BUTTON_NO
    added = [label for label in SETTINGS_LABELS if label not in old]
    assert c.UPGRADE_NEW.format(labels="・".join(added)) in out.splitlines()
    assert c.UPGRADE_DROPPED.format(labels="昔の項目") in out.splitlines()
    if button_book.interpreter_for_book().placeholder:  # this PC cannot tell the book's Python
        wb = openpyxl.load_workbook(target, read_only=True)
        assert wb[SHEET_XLWINGS_CONF]["B1"].value == python
        wb.close()
        assert c.UPGRADE_CONF_KEPT.format(path=python) in out.splitlines()


def test_upgrade_needs_an_existing_book(tmp_path):
    code, _out, err = run_cli("--upgrade", str(tmp_path / "ない.xlsm"))
    assert code == 2 and c.UPGRADE_MISSING.format(path=tmp_path / "ない.xlsm") in err
    (tmp_path / "壊れた.xlsm").write_bytes(b"not a zip")
    code, _out, err = run_cli("--upgrade", str(tmp_path / "壊れた.xlsm"))
    assert code == 2 and err.startswith("エラー: 「") and "Traceback" not in err
