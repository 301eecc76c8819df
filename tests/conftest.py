"""Shared fixtures: a small synthetic ``plan``, its blank ``forms`` and a filled ``inbox``.

The plan has 3 perspectives, 4 programs, 8 initiatives and 3 departments (see ``builders``).
Golden tests regenerate their files with ``pytest --regen-golden`` (fixture ``regen_golden``).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
for entry in (ROOT, ROOT / "tests"):
    if str(entry) not in sys.path:
        sys.path.insert(0, str(entry))

from gyokaku_xl.domain.model import Period, Plan  # noqa: E402
from gyokaku_xl.run.forms import make_forms  # noqa: E402

import builders  # noqa: E402


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen-golden", action="store_true", default=False,
                     help="golden files を現在の出力で作り直す（作り直したテストは skip になります）")


@pytest.fixture
def regen_golden(request: pytest.FixtureRequest) -> bool:
    """True when golden files should be rewritten instead of compared."""
    return bool(request.config.getoption("--regen-golden"))


@pytest.fixture
def period() -> Period:
    """令和3年度 上半期."""
    return builders.PERIOD


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    """The default synthetic plan master, written to ``tmp_path/計画マスタ.xlsx``."""
    return builders.build_plan(tmp_path)


@pytest.fixture
def plan(plan_path: Path) -> Plan:
    """The default synthetic plan, read from its plan master."""
    return builders.load_plan(plan_path)


@pytest.fixture
def forms(tmp_path: Path, plan_path: Path, period: Period) -> dict[str, Path]:
    """Blank department forms as the ``template`` command writes them: 所管課 → path (``tmp_path/outbox``)."""
    outcome = make_forms(plan_path, period, tmp_path / "outbox")
    plan = builders.load_plan(plan_path)
    return dict(zip(plan.departments, outcome.paths, strict=True))


@pytest.fixture
def inbox(tmp_path: Path, plan: Plan, forms: dict[str, Path]) -> Path:
    """A folder (``tmp_path/inbox``, the plan master beside it) with every department's valid filled form."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    for department, blank in forms.items():
        builders.fill_form(blank, folder / blank.name, builders.default_reports(plan, department),
                           meta={"記入者": "担当者", "連絡先": "内線 1234"})
    return folder


@pytest.fixture
def soffice() -> str:
    """LibreOffice's ``soffice``; the tests that need it fail (never skip) when it is missing."""
    path = shutil.which("soffice")
    if path is None:
        pytest.fail("LibreOffice（soffice）がありません。Debian/Ubuntu では "
                    "apt-get install libreoffice-calc-nogui（.ci/run が入れます）。")
    return path


@pytest.fixture
def lock_output(monkeypatch: pytest.MonkeyPatch):
    """``lock_output(path)`` makes replacing ``path`` fail as it does while Excel holds the file open."""
    from gyokaku_xl.infra import atomic

    locked: set[Path] = set()
    real = atomic._replace

    def replace(src: Path, dst: Path) -> None:
        if Path(dst) in locked:
            raise PermissionError(13, "Permission denied", str(dst))
        real(src, dst)

    monkeypatch.setattr(atomic, "_replace", replace)
    return lambda path: locked.add(Path(path))
