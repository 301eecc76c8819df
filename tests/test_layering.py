"""The house's layering: the table of docs/architecture.md holds for every import of every module,
no two modules import each other (directly or around a ring), and the edges keep their rules.

The checker (tests/layering.py) works on ``{module: source}``; each kind of violation is planted in
a copy of the real tree to show that it is caught. At run time, in a fresh interpreter, importing
the package and running ``--help`` and ``doctor`` load neither xlwings nor rich.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from layering import LAYERS, PACKAGE, ROOT, circles, layer_table, real_sources, violations

SOURCES = real_sources()


# --- the real tree -------------------------------------------------------------------------------
def test_the_tree_keeps_the_layer_table():
    assert violations(SOURCES) == []


def test_ls_shows_the_layers_and_little_else():
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert folders == LAYERS
    assert sorted(p.name for p in PACKAGE.glob("*.py")) == ["__init__.py", "__main__.py"]


def test_the_table_is_ordered_bottom_up():
    """Each layer imports only layers listed above it in the table: data flows one way."""
    table = layer_table()
    order = list(table)
    for layer, allowed in table.items():
        assert all(order.index(other) < order.index(layer) for other in allowed), layer


def test_every_module_is_in_a_layer_of_the_table():
    assert {name.split(".")[1] for name in SOURCES if name.count(".") >= 2} <= LAYERS


# --- each kind of violation is caught --------------------------------------------------------------
def planted(name: str, source: str, base: dict[str, str] | None = None) -> list[str]:
    """The violations of the real tree with module ``name`` added (or replaced) as ``source``."""
    return violations({**(base or SOURCES), name: source})


def test_os_exit_in_core_is_caught():
    found = planted("gyokaku_xl.core.planted", "import os\n\ndef stop():\n    os._exit(1)\n")
    assert any("os._exit" in line for line in found)


def test_writing_to_stderr_below_the_app_is_caught():
    found = planted("gyokaku_xl.core.planted", "import sys\n\ndef say(x):\n    sys.stderr.write(x)\n")
    assert any("sys.stderr" in line for line in found)
    found = planted("gyokaku_xl.reading.planted", "def say(x):\n    print(x)\n")
    assert any("calls print" in line for line in found)


def test_render_opening_an_input_file_is_caught():
    found = planted("gyokaku_xl.render.planted", "def draw(path):\n    with open(path, 'rb') as fh:\n"
                                                   "        return fh.read()\n")
    assert any("render reads no input file" in line for line in found)


def test_render_reading_the_history_is_caught():
    found = planted("gyokaku_xl.render.planted", "def draw(path):\n"
                                                   "    from gyokaku_xl.reading import history\n"
                                                   "    return history.read_master(path)\n")
    assert any("render imports gyokaku_xl.reading.history" in line for line in found)
    assert any("calls read_master" in line for line in found)


def test_checks_writing_a_file_is_caught():
    source = SOURCES["gyokaku_xl.core.checks"] + "\n\ndef keep(path, text):\n    path.write_text(text)\n"
    found = planted("gyokaku_xl.core.checks", source)
    assert found == ["gyokaku_xl.core.checks: calls write_text (core touches no file)"]
    source = SOURCES["gyokaku_xl.core.checks"] + "\n\ndef keep(a, b):\n    import shutil\n    shutil.copyfile(a, b)\n"
    assert any("core imports shutil" in line for line in planted("gyokaku_xl.core.checks", source))


def test_a_new_circle_is_caught():
    found = planted("gyokaku_xl.core.planted_b", "from gyokaku_xl.core import planted_a\n",
                    {**SOURCES, "gyokaku_xl.core.planted_a": "def f():\n    from gyokaku_xl.core import planted_b\n"})
    assert found == ["import circle: gyokaku_xl.core.planted_a → gyokaku_xl.core.planted_b → gyokaku_xl.core.planted_a"]


def test_a_ring_of_three_is_one_circle():
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]
    assert circles({"a": {"b"}, "b": set()}) == []


def test_an_importlib_string_import_is_checked_like_a_statement():
    found = planted("gyokaku_xl.core.planted", "import importlib\n\ndef f():\n"
                                                 "    return importlib.import_module('gyokaku_xl.app.cli')\n")
    assert any("core imports gyokaku_xl.app.cli (app)" in line for line in found)
    found = planted("gyokaku_xl.core.planted", "def f(name):\n    return __import__(name)\n")
    assert any("computed name" in line for line in found)


def test_an_upward_import_is_caught():
    found = planted("gyokaku_xl.domain.planted", "from gyokaku_xl.render import styles\n")
    assert any("domain imports gyokaku_xl.render.styles (render)" in line for line in found)


def test_xlwings_and_rich_stay_at_the_edges():
    found = planted("gyokaku_xl.run.planted", "import xlwings\n")
    assert any("xlwings outside" in line for line in found)
    found = planted("gyokaku_xl.app.button", SOURCES["gyokaku_xl.app.button"] + "\nimport xlwings\n")
    assert any("xlwings outside" in line for line in found)
    found = planted("gyokaku_xl.render.planted", "from rich.console import Console\n")
    assert any("rich outside" in line for line in found)


def test_a_layer_missing_from_the_table_is_caught():
    found = planted("gyokaku_xl.extras.planted", "x = 1\n")
    assert any("layer 'extras' is not in the table" in line for line in found)


# --- at run time ---------------------------------------------------------------------------------
def run_python(code: str) -> object:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_importing_every_module_but_the_console_loads_neither_xlwings_nor_rich():
    modules = [m for m in SOURCES if m not in {"gyokaku_xl.app.console", "gyokaku_xl.__main__"}]
    code = ("import importlib, json, sys\n"
            f"for m in {modules!r}: importlib.import_module(m)\n"
            "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('xlwings', 'rich'))))")
    assert run_python(code) == []


def test_importing_the_package_is_light():
    code = ("import json, sys, gyokaku_xl\n"
            "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('pandas', 'openpyxl', 'xlsxwriter', 'xlwings', 'rich'))))")
    assert run_python(code) == []


@pytest.mark.parametrize("argv", [["--help"], ["doctor"]])
def test_cli_help_and_doctor_load_no_xlwings(argv):
    code = ("import contextlib, io, json, sys\n"
            "from gyokaku_xl.app import cli\n"
            "out, err = io.StringIO(), io.StringIO()\n"
            "with contextlib.redirect_stdout(out):\n"
            f"    code = cli.main({argv!r}, out=out, err=err)\n"
            "print(json.dumps({'text': bool(out.getvalue()), "
            "'loaded': sorted(m for m in sys.modules if m.split('.')[0] in ('xlwings', 'rich'))}))")
    assert run_python(code) == {"text": True, "loaded": []}
