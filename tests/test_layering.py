"""The house's layering (ARCHITECTURE.md "Never" list and house rule 1), checked two ways.

* At run time, in a fresh interpreter: importing the package, every module but the console
  adapter, and running ``cli.main(['--help'])`` load neither xlwings nor rich.
* Statically, by reading every module's imports (function-level ones too): core modules never import
  the adapters, rich or xlwings; xlwings is imported only inside functions of ``excel_button``;
  ``render`` reads no input files; ``checks`` writes nothing; the core neither prints nor exits.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "gyokaku_xl"

#: The edges: console/CLI and Excel. Everything else is core.
ADAPTERS = {"gyokaku_xl.app.cli", "gyokaku_xl.app.console", "gyokaku_xl.__main__", "gyokaku_xl.app.button",
            "gyokaku_xl.app.button_book", "gyokaku_xl.app.doctor"}
#: Modules only the edges may import.
EDGE_ONLY = {"gyokaku_xl.app.cli", "gyokaku_xl.app.console", "gyokaku_xl.__main__", "gyokaku_xl.app.button",
             "gyokaku_xl.app.button_book", "gyokaku_xl.app.doctor", "rich", "xlwings"}
#: Where rich and xlwings may be imported at all.
RICH_ALLOWED = {"gyokaku_xl.app.console", "gyokaku_xl.app.cli"}
XLWINGS_ALLOWED = {"gyokaku_xl.app.button"}

#: What reading input files looks like, for render/.
READING_IMPORTS = {"openpyxl", "gyokaku_xl.reading.sniff", "gyokaku_xl.reading.form", "gyokaku_xl.core.validate",
                   "gyokaku_xl.reading.plan", "gyokaku_xl.run.pipeline", "pandas.read_excel"}
READING_CALLS = {"open", "read_bytes", "read_text", "load_workbook", "read_workbook", "read_plan",
                 "read_excel", "open_form", "scan_inbox", "read_form"}
#: What writing looks like, for checks.
WRITING_IMPORTS = {"gyokaku_xl.infra.atomic", "xlsxwriter", "openpyxl", "gyokaku_xl.render", "gyokaku_xl.run.pipeline"}
WRITING_CALLS = {"open", "write_text", "write_bytes", "save", "mkdir", "unlink", "atomic_write", "rename",
                 "os.replace", "os.remove", "rmtree", "write", "writelines"}  # not str.replace


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
CORE = sorted(name for name in MODULES if name not in ADAPTERS)


def imports_of(name: str) -> list[tuple[str, bool]]:
    """``(imported module, at module level?)`` for every import statement of module ``name``."""
    path = MODULES[name]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    top_level = {id(node) for node in tree.body}
    for node in tree.body:  # imports under a module-level `if`/`try` are module level too
        if isinstance(node, (ast.If, ast.Try)):
            top_level |= {id(n) for n in ast.walk(node)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, id(node) in top_level) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            found.append((prefix, id(node) in top_level))
            found += [(f"{prefix}.{alias.name}", id(node) in top_level) for alias in node.names]
    return found


def calls_of(name: str) -> set[str]:
    """Names of everything module ``name`` calls (``f(...)`` and ``x.f(...)`` both give ``f``)."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name):
                names.add(func.id)
            elif isinstance(func, ast.Attribute):
                names.add(func.attr)
                if isinstance(func.value, ast.Name):
                    names.add(f"{func.value.id}.{func.attr}")
    return names


def hits(imported: str, forbidden: set[str]) -> bool:
    return any(imported == f or imported.startswith(f + ".") for f in forbidden)


# --- at run time ---------------------------------------------------------------------------------
def run_python(code: str) -> dict:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_importing_the_package_and_every_core_module_loads_neither_xlwings_nor_rich():
    modules = [m for m in MODULES if m not in {"gyokaku_xl.app.console", "gyokaku_xl.__main__"}]
    code = ("import importlib, json, sys\n"
            f"for m in {modules!r}: importlib.import_module(m)\n"
            "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('xlwings', 'rich'))))")
    assert run_python(code) == []


def test_cli_help_loads_neither_xlwings_nor_rich():
    code = ("import contextlib, io, json, sys\n"
            "from gyokaku_xl.app import cli\n"
            "buf = io.StringIO()\n"
            "with contextlib.redirect_stdout(buf):\n"
            "    try:\n"
            "        code = cli.main(['--help'], out=buf)\n"
            "    except SystemExit as e:\n"
            "        code = e.code\n"
            "print(json.dumps({'code': code, 'help': 'コマンド' in buf.getvalue(),"
            " 'loaded': sorted(m for m in sys.modules if m.split('.')[0] in ('xlwings', 'rich'))}))")
    assert run_python(code) == {"code": 0, "help": True, "loaded": []}


def test_cli_doctor_and_button_help_load_no_xlwings():
    code = ("import contextlib, io, json, sys\n"
            "from gyokaku_xl.app import cli\n"
            "out, err = io.StringIO(), io.StringIO()\n"
            "cli.main(['doctor'], out=out, err=err)\n"
            "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'xlwings')))")
    assert run_python(code) == []


# --- statically ----------------------------------------------------------------------------------
@pytest.mark.parametrize("name", CORE)
def test_core_never_imports_the_edges(name):
    bad = sorted({imp for imp, _ in imports_of(name) if hits(imp, EDGE_ONLY)})
    assert bad == [], f"{name} imports {bad}"


@pytest.mark.parametrize("name", sorted(MODULES))
def test_xlwings_only_inside_functions_of_the_button_adapter(name):
    found = [(imp, top) for imp, top in imports_of(name) if hits(imp, {"xlwings"})]
    if name in XLWINGS_ALLOWED:
        assert found and not any(top for _, top in found), "xlwings must be imported inside functions"
    else:
        assert found == []


@pytest.mark.parametrize("name", sorted(MODULES))
def test_rich_only_in_the_console_adapter(name):
    if name not in RICH_ALLOWED:
        assert [imp for imp, _ in imports_of(name) if hits(imp, {"rich"})] == []


@pytest.mark.parametrize("name", [m for m in CORE if m.startswith("gyokaku_xl.render")])
def test_render_reads_no_input_files(name):
    assert sorted({imp for imp, _ in imports_of(name) if hits(imp, READING_IMPORTS)}) == []
    assert sorted(calls_of(name) & READING_CALLS) == []


def test_checks_write_nothing():
    name = "gyokaku_xl.core.checks"
    assert sorted({imp for imp, _ in imports_of(name) if hits(imp, WRITING_IMPORTS)}) == []
    assert sorted(calls_of(name) & WRITING_CALLS) == []


@pytest.mark.parametrize("name", CORE)
def test_core_neither_prints_nor_exits(name):
    assert sorted(calls_of(name) & {"print", "sys.exit", "exit", "quit"}) == []
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    raised = [n for n in ast.walk(tree) if isinstance(n, ast.Raise) and n.exc is not None
              and "SystemExit" in ast.dump(n.exc)]
    assert raised == []


def test_the_lists_cover_real_modules():
    assert {"gyokaku_xl.core.checks", "gyokaku_xl.app.button", "gyokaku_xl.app.cli"} <= set(MODULES)
    assert any(m.startswith("gyokaku_xl.render.") for m in CORE)
