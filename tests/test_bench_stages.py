"""``bench/bench_merge.py --stages`` times the real functions: every target exists and is called.

The stage timers patch functions by module and name; a renamed or moved function would silently
drop out of the breakdown (or stop the bench). This runs the timed child on the sample inbox.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def bench():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import bench_merge
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return bench_merge


def test_every_timed_target_exists(bench):
    for label, module, attribute in bench.STAGES + bench.INSIDE:
        owner = importlib.import_module(module)
        for name in attribute.split("."):
            assert hasattr(owner, name), f"{label}: {module}.{attribute} がありません"
            owner = getattr(owner, name)
        assert callable(owner), label


def test_stages_child_times_each_stage_of_a_real_merge(bench, tmp_path):
    argv = ["merge", str(ROOT / "examples" / "inbox"), "--plan", str(ROOT / "examples" / "計画マスタ.xlsx"),
            "-o", str(tmp_path / "stages.xlsx"), "--quiet"]
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_merge.py"), "--stages-child", *argv],
                         capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout.strip().splitlines()[-1])
    assert data["code"] == 0
    assert (tmp_path / "stages.xlsx").is_file()
    # the sample is below the split threshold and has a plan master: these stages all run
    ran = {"plan master", "reading", "validation", "consolidation", "資料1-1 content", "資料1-1", "資料1-2",
           "資料1-3", "集約データ", "検証結果", "提出状況", "xml + zip (close)", "text measurement"}
    assert ran <= {label for label, seconds in data["stages"].items() if seconds > 0}
    assert sum(data["stages"][label] for label in ran - {"text measurement"}) <= data["total"]
