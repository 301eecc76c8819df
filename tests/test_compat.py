"""Each private-API use in ``gyokaku_xl.infra.compat``, checked against the library installed: a
library that renames or changes the private thing fails here, not in a department's run."""

from __future__ import annotations

import ast
import io
import zipfile
from pathlib import Path

import openpyxl
import xlsxwriter

from gyokaku_xl.infra import compat
from gyokaku_xl.render.styles import merge_cells

PACKAGE = Path(compat.__file__).resolve().parent.parent


def _zip(names: list[str]) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name in names:
            zf.writestr(name, "x" * 10)
    return buffer


def test_zipfile_end_record_gives_entries_and_directory_size():
    names = ["[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"]
    buffer = _zip(names)
    assert callable(getattr(zipfile, "_EndRecData", None)), "zipfile._EndRecData is gone: see infra/compat.py"
    with zipfile.ZipFile(buffer) as zf:
        directory = sum(46 + len(i.filename.encode()) + len(i.extra) + len(i.comment) for i in zf.infolist())
    assert compat.zip_end(buffer) == compat.ZipEnd(len(names), directory)


def test_zipfile_end_record_of_a_file_that_is_no_zip():
    assert compat.zip_end(io.BytesIO(b"PK\x03\x04" + b"\x00" * 200)) is None


def test_without_the_private_reader_nothing_is_known_before_opening(monkeypatch):
    monkeypatch.delattr(zipfile, "_EndRecData")
    assert compat.zip_end(_zip(["a"])) == compat.ZipEnd(0, 0)


def test_xlsxwriter_keeps_merged_ranges_in_the_list_merge_range_appends_to(tmp_path):
    path = tmp_path / "m.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet()
    assert compat.merged_ranges(sheet) == [], "Worksheet.merge is gone: see infra/compat.py"
    sheet.merge_range(0, 0, 0, 2, "public", None)
    assert compat.merged_ranges(sheet) == [[0, 0, 0, 2]], "merge_range no longer appends to Worksheet.merge"
    fmt = workbook.add_format({"border": 1})
    merge_cells(sheet, 2, 1, 3, 3, fmt)  # through the private list
    sheet.write_string(2, 1, "private", fmt)
    workbook.close()
    ws = openpyxl.load_workbook(path).active
    assert sorted(str(r) for r in ws.merged_cells.ranges) == ["A1:C1", "B3:D4"]
    assert ws["B3"].value == "private" and ws["D4"].border.right.style == "thin"


class _SheetWithoutList:
    """An XlsxWriter that keeps its ranges otherwise: only the public call is there."""

    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def merge_range(self, *args) -> None:
        self.calls.append(args)


def test_without_the_list_merged_ranges_go_through_merge_range():
    sheet = _SheetWithoutList()
    assert compat.merged_ranges(sheet) is None
    merge_cells(sheet, 1, 2, 1, 4, "fmt")
    assert sheet.calls == [(1, 2, 1, 4, "", "fmt")]


def test_argparse_keeps_the_help_formatter_methods_the_command_line_overrides():
    """The command line's formatter replaces these to align --help by display width; argparse
    calls each of them while formatting, so a renamed one would silently bring back the
    misaligned help."""
    import argparse
    import inspect

    for name in compat.HELP_FORMATTER_OVERRIDES:
        assert callable(getattr(argparse.HelpFormatter, name, None)), f"HelpFormatter.{name} is gone"
    assert list(inspect.signature(argparse.HelpFormatter._format_usage).parameters) == [
        "self", "usage", "actions", "groups", "prefix"]
    called = []
    formatter_class = type("Spy", (argparse.HelpFormatter,), {
        name: (lambda n: lambda self, *a: called.append(n) or getattr(argparse.HelpFormatter, n)(self, *a))(name)
        for name in compat.HELP_FORMATTER_OVERRIDES})
    parser = argparse.ArgumentParser(prog="p", description="d", formatter_class=formatter_class)
    parser.add_argument("--x", help="h")
    parser.format_help()
    assert set(called) == set(compat.HELP_FORMATTER_OVERRIDES)
    formatter = argparse.HelpFormatter("p")
    assert compat.argparse_usage(formatter, None, parser._actions, [], "usage: ").startswith("usage: p")


#: Underscore names that are documented public API (``os._exit``: exit without clean-up).
DOCUMENTED = {("os", "_exit")}


def _private_uses(tree: ast.AST) -> list[str]:
    """``lib._name`` and ``getattr(x, "_name")`` outside ``self``/``cls``, and XlsxWriter's list
    reached by name (``getattr(sheet, "merge")``)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
            owner = node.value.id if isinstance(node.value, ast.Name) else ""
            if owner not in ("self", "cls") and (owner, node.attr) not in DOCUMENTED:
                found.append(ast.unparse(node))
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
              and node.func.id in ("getattr", "hasattr", "setattr") and len(node.args) > 1
              and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str)):
            name = node.args[1].value
            if (name.startswith("_") and not name.startswith("__")) or name == "merge":
                found.append(ast.unparse(node))
    return found


def test_the_scan_finds_each_kind_of_private_use():
    planted = "import zipfile\nzipfile._EndRecData(fh)\ngetattr(zipfile, '_ECD_SIZE', 5)\ngetattr(sheet, 'merge', None)\nos._exit(0)\nself._cache\n"
    assert sorted(_private_uses(ast.parse(planted))) == ["getattr(sheet, 'merge', None)",
                                                         "getattr(zipfile, '_ECD_SIZE', 5)", "zipfile._EndRecData"]


def test_no_module_but_compat_reaches_into_a_library():
    uses = {str(path.relative_to(PACKAGE)): _private_uses(ast.parse(path.read_text(encoding="utf-8")))
            for path in sorted(PACKAGE.rglob("*.py")) if path != PACKAGE / "infra" / "compat.py"}
    assert {k: v for k, v in uses.items() if v} == {}
