"""Peak memory of one merge over an inbox of many large forms (the run's bound, ``Limits.max_run_*``).

Usage::

    python bench/bench_run_bound.py                       # 20 forms × 19,990 filled rows
    python bench/bench_run_bound.py --files 5 --rows 19990
    python bench/bench_run_bound.py --src /path/to/other/checkout   # measure another version

Each form is the official layout (meta block, header, rows) written directly with XlsxWriter in
constant-memory mode, every row filled (取組番号, 進捗状況, 取組状況, 財政効果額): each file is
within the per-file limits (``Limits.max_rows``) and most rows repeat an 取組番号, as a form
pasted full of rows would. The inbox is cached under ``bench/.cache``.

The merge runs in a child process (``python -c``; ``--src`` goes first on its ``sys.path``);
wall time is measured around it and peak memory is the child's maximum resident set size
(``resource.getrusage(RUSAGE_CHILDREN)``, Linux/macOS). Without the run's bound memory grows
with every file; with it, it stays flat once the bound is reached.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for entry in (ROOT, ROOT / "tests"):
    if str(entry) not in sys.path:
        sys.path.insert(0, str(entry))

from gyokaku_xl import text as g  # noqa: E402
from gyokaku_xl.domain import schema  # noqa: E402

CACHE_VERSION = "1"

CHILD = """
import sys, time
sys.path.insert(0, sys.argv[1])
from gyokaku_xl.run.merge import merge
outcome = merge(sys.argv[2], sys.argv[3], plan_path=sys.argv[4])
t = outcome.result.tally
print(f"files={t.files_seen} accepted={t.files_accepted} rejected={t.files_rejected} "
      f"rows_read={t.rows_read} rows_merged={t.rows_merged} findings={len(outcome.result.findings)}")
"""


def write_big_form(path: Path, department: str, ids: list[str], rows: int) -> None:
    """A form of ``department`` with ``rows`` filled rows, written in constant-memory mode."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    wb.set_custom_property(schema.PROP_KIND, schema.PROP_KIND_VALUE)
    wb.set_custom_property(schema.PROP_VERSION, schema.FORM_VERSION)
    ws = wb.add_worksheet(g.FORM_SHEET)
    ws.write_string(schema.TITLE_ROW, 0, "取組状況調査票")
    meta = {g.META_DEPARTMENT: department, g.META_FISCAL_YEAR: "令和3年度",
            g.META_PERIOD: g.PERIOD_FIRST_HALF, g.META_AUTHOR: "担当者", g.META_CONTACT: "内線 1234"}
    for n, (label, _prefilled) in enumerate(schema.META_FIELDS):
        ws.write_string(schema.META_FIRST_ROW + n, schema.META_LABEL_COL, label)
        ws.write_string(schema.META_FIRST_ROW + n, schema.META_VALUE_COL, meta[label])
    for col, label in enumerate(schema.HEADER_LABELS):
        ws.write_string(schema.HEADER_ROW, col, label)
    cols = {c.key: n for n, c in enumerate(schema.FORM_COLUMNS)}
    for i in range(rows):
        r = schema.FIRST_DATA_ROW + i
        ws.write_string(r, cols["initiative_id"], ids[i % len(ids)])
        ws.write_string(r, cols["status"], "概ね順調")
        ws.write_string(r, cols["progress"], f"・取組 {i} を実施した。")
        ws.write_number(r, cols["fiscal_effect"], i % 1000)
    wb.close()


def build_inbox(cache: Path, files: int, rows: int) -> tuple[Path, Path]:
    """The cached inbox and plan master for ``files`` forms of ``rows`` rows."""
    import builders

    folder = cache / f"run_bound_v{CACHE_VERSION}_{files}x{rows}"
    inbox, plan_path = folder / "inbox", folder / "計画マスタ.xlsx"
    if (folder / "done").exists():
        return inbox, plan_path
    inbox.mkdir(parents=True, exist_ok=True)
    builders.build_plan(folder)
    plan = builders.load_plan(plan_path)
    for n in range(files):
        department = plan.departments[n % len(plan.departments)]
        ids = [i.id for i in plan.initiatives_of(department)]
        write_big_form(inbox / f"{department}_{n:02d}.xlsx", department, ids, rows)
    (folder / "done").write_text("ok")
    return inbox, plan_path


def measure(src: Path, inbox: Path, plan_path: Path) -> tuple[float, float, str]:
    """(seconds, peak MB, the child's summary line) of one merge in a child process."""
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", CHILD, str(src), str(inbox),
                               str(Path(tmp) / "集約結果.xlsx"), str(plan_path)],
                              capture_output=True, text=True)
        seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    line = proc.stdout.strip() or (proc.stderr.strip().splitlines() or ["(no output)"])[-1]
    return seconds, peak_kb / 1024, line


def main() -> int:
    """Build (or reuse) the inbox, merge it once, print time and peak memory."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--files", type=int, default=20)
    p.add_argument("--rows", type=int, default=19_990)
    p.add_argument("--src", type=Path, default=ROOT, help="source tree whose gyokaku_xl is measured")
    p.add_argument("--cache", type=Path, default=ROOT / "bench" / ".cache")
    args = p.parse_args()
    inbox, plan_path = build_inbox(args.cache, args.files, args.rows)
    seconds, peak, line = measure(args.src.resolve(), inbox, plan_path)
    print(f"{args.files} forms × {args.rows:,} rows: {seconds:.1f} s, peak RSS {peak:.0f} MB  [{line}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
