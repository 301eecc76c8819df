"""The master's content (cells, formats, merges, heights, print set-up, charts) against golden files.

Two inboxes: the sample (``examples/``, compared in full with ``golden/master_sample.json``) and a
generated inbox of 30 departments (the benchmark's generator at a small size, compared by a digest
per sheet part with ``golden/master_digests.json``). A change that alters what a reader sees or
prints fails here; a change meant to alter the documents regenerates both files with::

    python -m pytest tests/test_master_content.py --regen-golden

and the regenerated files are reviewed and committed with that change. Inputs are made
byte-stable first (fixed zip dates, document dates, file times, time zone), because the master
records each file's SHA-256 and time.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import time
import zipfile
from pathlib import Path

import pytest

import builders
from gyokaku_xl.run.forms import make_forms
from gyokaku_xl.run.merge import merge
from master_content import PARTS, differences, digest, master_content

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
SAMPLE_GOLDEN = GOLDEN / "master_sample.json"
DIGEST_GOLDEN = GOLDEN / "master_digests.json"
FIXED_TIME = 1_617_235_200  # 2021-04-01 00:00 UTC
FIXED_ZIP_DATE = (2021, 4, 1, 0, 0, 0)
REGEN_HINT = "意図した変更なら python -m pytest tests/test_master_content.py --regen-golden で作り直してください。"
#: The generated inbox: departments × initiatives each.
SCALE_FILES, SCALE_ROWS = 30, 6


def freeze_file(path: Path) -> None:
    """Rewrite an .xlsx with fixed zip dates and document dates, and give it a fixed file time."""
    with zipfile.ZipFile(path) as z:
        parts = [(info, z.read(info.filename)) for info in z.infolist()]
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in parts:
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2021-04-01T00:00:00Z", data)
            z.writestr(zipfile.ZipInfo(info.filename, FIXED_ZIP_DATE), data, zipfile.ZIP_DEFLATED)
    tmp.replace(path)
    os.utime(path, (FIXED_TIME, FIXED_TIME))


@pytest.fixture(scope="module")
def fixed_zone():
    """Local time is UTC while the module runs (the master shows file times in local time)."""
    if not hasattr(time, "tzset"):
        pytest.fail("time.tzset がない環境では実行できません。")
    old = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if old is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old
    time.tzset()


def _merge(inbox: Path, plan: Path, out_dir: Path) -> Path:
    target = out_dir / "集約結果.xlsx"
    merge(inbox, target, plan_path=plan)
    return target


@pytest.fixture(scope="module")
def sample_master(tmp_path_factory, fixed_zone) -> Path:
    base = tmp_path_factory.mktemp("content-sample")
    inbox = base / "inbox"
    shutil.copytree(ROOT / "examples" / "inbox", inbox)
    for path in inbox.iterdir():
        os.utime(path, (FIXED_TIME, FIXED_TIME))
    plan = shutil.copy(ROOT / "examples" / "計画マスタ.xlsx", base / "計画マスタ.xlsx")
    (base / "out").mkdir()
    return _merge(inbox, Path(plan), base / "out")


def scale_inbox(base: Path, files: int = SCALE_FILES, rows: int = SCALE_ROWS) -> tuple[Path, Path]:
    """A byte-stable inbox of ``files`` departments filled by the benchmark's generator."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import bench_merge as bench
    finally:
        sys.path.remove(str(ROOT / "bench"))
    tables = bench.plan_tables(bench.Size(files, rows))
    plan_path = builders.build_plan(base, perspectives=tables["perspectives"], programs=tables["programs"],
                                    initiatives=tables["initiatives"])
    plan = builders.load_plan(plan_path)
    blanks = make_forms(plan_path, bench.PERIOD, base / "blank").paths
    inbox = base / "inbox"
    inbox.mkdir()
    for n, (department, blank) in enumerate(zip(plan.departments, blanks, strict=True)):
        target = inbox / blank.name
        builders.fill_form(blank, target, bench.report_values(plan, department, n),
                           meta={"記入者": f"担当{n}", "連絡先": f"内線 {1000 + n}"})
        freeze_file(target)
    return inbox, plan_path


@pytest.fixture(scope="module")
def scale_master(tmp_path_factory, fixed_zone) -> Path:
    base = tmp_path_factory.mktemp("content-scale")
    inbox, plan = scale_inbox(base)
    (base / "out").mkdir()
    return _merge(inbox, plan, base / "out")


def _write_json(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_dumps(data) + "\n", encoding="utf-8")


def _dumps(data: object, depth: int = 0) -> str:
    """JSON with one line per entry down to cells (small, and diffs that point at a cell)."""
    if not isinstance(data, dict) or depth >= 4 or not data:
        return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    pad = " " * (depth + 1)
    items = [f"{pad}{json.dumps(k, ensure_ascii=False)}:{_dumps(v, depth + 1)}" for k, v in sorted(data.items())]
    return "{\n" + ",\n".join(items) + "\n" + " " * depth + "}"


def _load(path: Path) -> dict:
    if not path.is_file():
        pytest.fail(f"{path} がありません。{REGEN_HINT}")
    return json.loads(path.read_text(encoding="utf-8"))


def _golden_digests(regen: bool, name: str, actual: dict) -> dict:
    data = json.loads(DIGEST_GOLDEN.read_text(encoding="utf-8")) if DIGEST_GOLDEN.is_file() else {}
    if regen:
        data[name] = actual
        _write_json(DIGEST_GOLDEN, data)
    if name not in data:
        pytest.fail(f"{DIGEST_GOLDEN} に {name} がありません。{REGEN_HINT}")
    return data[name]


def test_sample_master_content_is_unchanged(sample_master, regen_golden):
    actual = json.loads(json.dumps(master_content(sample_master), ensure_ascii=False))
    if regen_golden:
        _write_json(SAMPLE_GOLDEN, actual)
    expected = _load(SAMPLE_GOLDEN)
    assert differences(expected, actual) == [], REGEN_HINT
    assert _golden_digests(regen_golden, "sample", digest(actual)) == digest(actual), REGEN_HINT


def test_scale_master_content_is_unchanged(scale_master, regen_golden):
    actual = digest(master_content(scale_master))
    expected = _golden_digests(regen_golden, f"inbox_{SCALE_FILES}x{SCALE_ROWS}", actual)
    assert differences(expected, actual) == [], REGEN_HINT


def test_content_sees_what_a_reader_sees(sample_master, tmp_path):
    """The comparison is not blind: a changed format, merge, height or print setting is a difference."""
    import openpyxl
    from openpyxl.styles import Font

    def saved(name: str, change) -> dict:
        book = openpyxl.load_workbook(sample_master)
        change(book["資料1-3"])
        book.save(tmp_path / name)
        return digest(master_content(tmp_path / name))

    def edit(sheet) -> None:
        sheet["A5"].font = Font(name=sheet["A5"].font.name, sz=20)
        sheet.unmerge_cells(str(sorted(sheet.merged_cells.ranges, key=str)[0]))
        sheet.row_dimensions[6].height = 99
        sheet.page_setup.orientation = "landscape"

    before, after = saved("same.xlsx", lambda sheet: None), saved("changed.xlsx", edit)
    assert [p for p in PARTS if before["資料1-3"][p] != after["資料1-3"][p]] == ["cells", "merged", "rows", "print"]
    assert all(before[s] == after[s] for s in before if s != "資料1-3")


def test_scale_inbox_is_byte_stable(tmp_path):
    """Two builds of the generated inbox are the same bytes (the master records SHA-256s)."""
    a, _ = scale_inbox(tmp_path / "a", files=2, rows=3)
    b, _ = scale_inbox(tmp_path / "b", files=2, rows=3)
    names = sorted(p.name for p in a.iterdir())
    assert names == sorted(p.name for p in b.iterdir()) and len(names) == 2
    assert all((a / n).read_bytes() == (b / n).read_bytes() for n in names)
