"""Benchmark: the share of the movement sheets (前期比較・推移・財政効果) in a sample merge.

Usage::

    python bench/bench_movement.py                 # 8 earlier periods, best of 5
    python bench/bench_movement.py --periods 16 --repeat 3

``bench/bench_history.py`` measures the whole history feature in child processes; this one runs
in-process and times the movement sheets inside each merge, with statuses and 財政効果額 varied
per archived period (so every kind of change and every fiscal year appears).

The sample inbox (``examples/inbox``, 55 取組, 19 files) is merged in-process with
``merge`` twice per round, best time kept:

(a) without a history folder;
(b) with a history folder holding N archived masters of earlier periods of the same plan
    (written once by the project's own master writer, statuses varied per period) and its index
    (``--cold``: without the index), copied fresh before each run; every run reads the history
    and archives its own master.

Also reported: the part of (b) spent in the three movement sheets (前期比較・推移・財政効果:
computing and writing them), measured by timing ``render.movement.add_movement_sheets``.
The target is that (b) takes less than 20 % longer than (a).
"""

from __future__ import annotations

import argparse
import dataclasses
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from gyokaku_xl import text as g  # noqa: E402
from gyokaku_xl.run.inputs import load_plan
from gyokaku_xl.run.merge import merge
from gyokaku_xl.run.inbox import validate_inbox
from gyokaku_xl.reading.history import archive_name, read_history  # noqa: E402
from gyokaku_xl.domain.model import Period  # noqa: E402
from gyokaku_xl.core.content import master_content  # noqa: E402
from gyokaku_xl.render import master as master_module  # noqa: E402
from gyokaku_xl.render import movement as movement_sheets  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_history import earlier_periods  # noqa: E402  (the same archived periods)

EXAMPLES = ROOT / "examples"
INBOX = EXAMPLES / "inbox"
PLAN = EXAMPLES / g.PLAN_FILE_NAME


def build_history(folder: Path, count: int) -> Period:
    """Write ``count`` archived masters of earlier periods into ``folder``; returns the current period."""
    result, _plan, _notices = validate_inbox(INBOX, PLAN)
    names = result.plan.scale.names
    folder.mkdir(parents=True, exist_ok=True)
    for n, period in enumerate(earlier_periods(result.period, count)):
        records = [dataclasses.replace(r, status=names[(k + n) % len(names)] if k % 5 == n % 5 else r.status,
                                       values={**r.values, "fiscal_effect": (k * 10 + n) if k % 3 == 0 else None})
                   for k, r in enumerate(result.records)]
        past = dataclasses.replace(result, period=period, records=records, history=[])
        master_module.write_master(folder / archive_name(period), past, master_content(past), folder)
    return result.period


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--periods", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--cold", action="store_true", help="no history index (every master read in full)")
    args = parser.parse_args(argv)

    spent = [0.0]
    real_add = movement_sheets.add_movement_sheets

    def counting_add(*a, **k):
        start = time.perf_counter()
        try:
            return real_add(*a, **k)
        finally:
            spent[0] += time.perf_counter() - start

    master_module.add_movement_sheets = counting_add  # type: ignore[assignment]
    with tempfile.TemporaryDirectory(prefix="gyokaku_xl-bench-history-") as tmp_name:
        tmp = Path(tmp_name)
        built = tmp / "built"
        current = build_history(built, args.periods)
        if not args.cold:  # the folder's index, as after any earlier merge with this history
            read_history(built, load_plan(PLAN)[0], current)
        plain: list[float] = []
        with_history: list[float] = []
        sheets_plain: list[float] = []
        sheets_history: list[float] = []
        for n in range(args.repeat):
            spent[0] = 0.0
            plain.append(timed(lambda: merge(INBOX, tmp / "a.xlsx", plan_path=PLAN)))
            sheets_plain.append(spent[0])
            folder = tmp / f"history{n}"
            shutil.copytree(built, folder)
            spent[0] = 0.0
            outcome = None

            def run() -> None:
                nonlocal outcome
                outcome = merge(INBOX, tmp / "b.xlsx", plan_path=PLAN, history_dir=folder)

            with_history.append(timed(run))
            sheets_history.append(spent[0])
            assert outcome is not None and len(outcome.history) == args.periods, "history not read"
    a, b = min(plain), min(with_history)
    print(f"merge of examples/inbox (best of {args.repeat}, history index {'absent' if args.cold else 'present'}):")
    print(f"  without history:            {a * 1000:7.0f} ms  (movement sheets {min(sheets_plain) * 1000:5.0f} ms)")
    print(f"  with {args.periods:2d} earlier periods:    {b * 1000:7.0f} ms  "
          f"(movement sheets {min(sheets_history) * 1000:5.0f} ms)")
    print(f"  added by the history:       {(b - a) * 1000:7.0f} ms = {(b / a - 1) * 100:+.1f} %  (target < +20 %)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
