"""scripts/make_wheelhouse.py: the offline-install plan is complete and right, checked without network."""

from __future__ import annotations

import importlib.util
import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def script():
    spec = importlib.util.spec_from_file_location("make_wheelhouse", ROOT / "scripts" / "make_wheelhouse.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def name_of(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_every_dependency_of_the_excel_extra_is_downloaded_for_windows(script, tmp_path):
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    needed = {name_of(r) for r in [*project["dependencies"], *project["optional-dependencies"]["excel"]]}
    assert {"xlwings", "pywin32", "pyopenvba"} <= needed
    commands = script.plan(tmp_path / "wheelhouse", python="python")
    build, *rest = commands
    assert build == ["python", "-m", "pip", "wheel", "--no-deps", "--wheel-dir", str(tmp_path / "wheelhouse"), str(ROOT)]
    downloads = [c for c in rest if c[3] == "download"]
    checks = [c for c in rest if c[3] == "install"]
    assert len(downloads) == len(checks) == len(script.PYTHON_VERSIONS)
    for version, command in zip(script.PYTHON_VERSIONS, downloads):
        assert command[:6] == ["python", "-m", "pip", "download", "--dest", str(tmp_path / "wheelhouse")]
        options = " ".join(command)
        assert "--platform win_amd64" in options and "--only-binary=:all:" in options
        assert f"--python-version {version}" in options and "--implementation cp" in options
        requirements = [c for c in command[6:] if not c.startswith("-") and c not in ("win_amd64", "cp", version)]
        assert {name_of(r) for r in requirements} == needed
        assert "xlwings==0.37.8" in requirements
        assert not any(";" in r for r in requirements)  # markers were for Windows and are resolved
        assert "gyokaku-xl" not in {name_of(r) for r in requirements}  # never looked up on the index
    for version, command in zip(script.PYTHON_VERSIONS, checks):
        options = " ".join(command)
        assert "--no-index" in options and f"--find-links {tmp_path / 'wheelhouse'}" in options
        assert "--dry-run" in options and f"--python-version {version}" in options
        assert "gyokaku_xl[excel]" in command


def test_versions_are_those_the_button_can_use(script):
    """xlwings 0.37.8 needs Python 3.11 or later; the core's requires-python is the floor."""
    assert script.PYTHON_VERSIONS[0] == "3.11"
    assert list(script.PYTHON_VERSIONS) == sorted(script.PYTHON_VERSIONS, key=lambda v: tuple(map(int, v.split("."))))


def test_dry_run_prints_the_commands(script, capsys):
    assert script.main(["--dry-run", "--out", "wh"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 + 2 * len(script.PYTHON_VERSIONS)
    assert "pip wheel --no-deps" in lines[0]


def test_install_note_gives_the_office_command(script):
    note = script.install_note("gyokaku_xl")
    assert 'python -m pip install --no-index --find-links wheelhouse "gyokaku_xl[excel]"' in note
    assert "cd /d" in note
