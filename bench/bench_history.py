"""Benchmark: what a history of 8 earlier periods adds to a merge of the sample, in the same run.

Usage::

    python bench/bench_history.py               # 8 periods, 5 rounds
    python bench/bench_history.py --periods 16 --repeat 7

The sample (``examples/inbox`` with ``examples/計画マスタ.xlsx``: 19 files, 55 取組) is merged as a
child process, interpreter start-up included, two ways, alternating round by round so that both
see the same machine load:

(a) ``python -m gyokaku_xl merge examples/inbox --plan … -o OUT.xlsx``
(b) the same with ``--history DIR``, where DIR holds the masters of the ``--periods`` periods
    before 令和3年度上半期 (上半期 and 年度末 of the preceding fiscal years). They are real masters:
    the sample's merge result written by ``write_master`` with each earlier period, then archived
    under its period name, exactly as a merge with ``--history`` archives. Run (b) reads them all,
    renders the master with them and archives its own master into DIR. The folder's index (a
    derived cache, see :mod:`gyokaku_xl.reading.history`) is present, as it is after the first merge;
(c) as (b) with the index deleted before each run: every master is parsed (the first run on a
    folder, or after the index was deleted).

Reported: the best and the median wall time of each, and the ratios of the medians to (a)
(target: the history adds less than 20 %). In-process, ``read_history`` alone with and without
the index is shown as well.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from gyokaku_xl import text as g  # noqa: E402
from gyokaku_xl.reading.history import archive_name, read_history  # noqa: E402
from gyokaku_xl.domain.model import Period  # noqa: E402
from gyokaku_xl.run.inputs import load_plan
from gyokaku_xl.run.inbox import validate_inbox  # noqa: E402
from gyokaku_xl.core.content import master_content  # noqa: E402
from gyokaku_xl.render.master import write_master  # noqa: E402

EXAMPLES = ROOT / "examples"
INBOX = EXAMPLES / "inbox"
PLAN = EXAMPLES / g.PLAN_FILE_NAME
TARGET_RATIO = 1.20


def earlier_periods(current: Period, count: int) -> list[Period]:
    """The ``count`` 上半期/年度末 periods before ``current``, oldest first."""
    periods: list[Period] = []
    year = current.fiscal_year
    half = current.half
    while len(periods) < count:
        if half == g.PERIOD_FIRST_HALF:
            year, half = year - 1, g.PERIOD_YEAR_END
        else:
            half = g.PERIOD_FIRST_HALF
        periods.append(Period(year, half))
    return sorted(periods, key=lambda p: p.order_key)


def build_history(folder: Path, count: int) -> Period:
    """Write ``count`` earlier periods' masters of the sample into ``folder``; return the current period."""
    result, _plan, _notices = validate_inbox(INBOX, PLAN)
    folder.mkdir(parents=True, exist_ok=True)
    for period in earlier_periods(result.period, count):
        past = dataclasses.replace(result, period=period)
        write_master(folder / archive_name(period), past, master_content(past), folder)
    return result.period


def merge_time(out: Path, history: Path | None) -> float:
    """Wall seconds of one ``merge`` child process."""
    argv = [sys.executable, "-m", "gyokaku_xl", "merge", str(INBOX), "--plan", str(PLAN),
            "-o", str(out), "-q"]
    if history is not None:
        argv += ["--history", str(history)]
    start = time.perf_counter()
    proc = subprocess.run(argv, capture_output=True, text=True, encoding="utf-8", cwd=ROOT)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"merge failed ({proc.returncode}): {proc.stderr.strip()}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--periods", type=int, default=8, help="earlier periods in the history folder")
    parser.add_argument("--repeat", type=int, default=5, help="rounds (each runs both merges)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        history = tmp / "履歴"
        current = build_history(history, args.periods)
        plan, _ = load_plan(PLAN)
        index = history / g.HISTORY_INDEX_NAME
        timings = {}
        for label in ("no index", "index"):
            start = time.perf_counter()
            snapshots, findings = read_history(history, plan, current)  # the first call writes the index
            timings[label] = time.perf_counter() - start
            assert len(snapshots) == args.periods and not findings, findings
        merge_time(tmp / "warm.xlsx", None)  # warm the file cache once
        runs: dict[str, list[float]] = {"plain": [], "index": [], "no index": []}
        for _ in range(args.repeat):
            runs["plain"].append(merge_time(tmp / "plain.xlsx", None))
            runs["index"].append(merge_time(tmp / "history.xlsx", history))
            index.unlink(missing_ok=True)
            runs["no index"].append(merge_time(tmp / "history.xlsx", history))
    base = statistics.median(runs["plain"])
    print(f"sample merge (19 files, 55 rows), {args.repeat} rounds, alternating")
    names = {"plain": "(a) plain merge", "index": f"(b) {args.periods} periods",
             "no index": f"(c) {args.periods} periods, no index"}
    for key, times in runs.items():
        ratio = statistics.median(times) / base
        verdict = "" if key == "plain" else f"  ratio {ratio:.2f} ({'met' if ratio < TARGET_RATIO else 'NOT met'})"
        print(f"  {names[key]:<28} best {min(times):.2f} s  median {statistics.median(times):.2f} s{verdict}")
    print(f"  read_history in-process: {timings['no index'] * 1000:.0f} ms without the index, "
          f"{timings['index'] * 1000:.0f} ms with it ({args.periods} masters)")
    print(f"  target: ratio < {TARGET_RATIO:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
