"""A seeded mutation campaign: thousands of damaged forms through the whole pipeline.

Usage::

    python bench/fuzz_campaign.py                        # 2,000 mutants, seed 1, one run each
    python bench/fuzz_campaign.py --batch 20             # faster: 20 mutants per run
    python bench/fuzz_campaign.py --count 600 --seed 7
    python bench/fuzz_campaign.py --src /path/to/other/checkout   # measure another version

The same mutants as ``tests/test_fuzz.py`` makes (``tests/fuzz.py``), only many more: each batch
of mutants of 行政総務課's valid form is put beside the other departments' valid forms and merged
(reader, validator, consolidation, master writer) into a temporary folder. A mutant is *handled*
when the run ends normally and a finding names it or its rows are merged, in Japanese only (no
Python exception text in its findings), while every row of the other departments is merged too. When a batch raises, its mutants are run again one by one so that
each crash is counted and described. Prints the counts and the first unhandled mutants.

Mutants of one department compete as resubmissions: in a batch, every mutant is read and validated
but only the newest accepted one is consolidated and written to the master. The default, one
mutant per run, takes every accepted mutant through the master writer.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    """Run the campaign; exit 1 when any mutant was not handled."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--count", type=int, default=2000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--batch", type=int, default=1,
                   help="mutants per run (in a batch only the newest accepted mutant reaches the master)")
    p.add_argument("--src", type=Path, default=ROOT, help="source tree whose gyokaku_xl is measured")
    args = p.parse_args()
    sys.path[:0] = [str(args.src.resolve()), str(ROOT / "tests")]
    import builders
    import fuzz
    from gyokaku_xl.run.forms import make_forms

    target = "行政総務課"
    start = time.perf_counter()
    handled = unhandled = crashed = 0
    examples: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        plan_path = builders.build_plan(folder)
        plan = builders.load_plan(plan_path)
        blanks = make_forms(plan_path, builders.PERIOD, folder / "outbox").paths
        good = folder / "good"
        good.mkdir()
        files = {}
        for department, blank in zip(plan.departments, blanks):
            files[department] = builders.fill_form(
                blank, good / blank.name, builders.default_reports(plan, department),
                meta={"記入者": "担当者", "連絡先": "内線 1234"})
        base = files.pop(target).read_bytes()
        stream = fuzz.mutants(base, args.seed, args.count)
        done = 0
        while done < args.count:
            batch = [m for _, m in zip(range(min(args.batch, args.count - done)), stream)]
            done += len(batch)
            result = fuzz.run_batch(folder / "run", files, [m for m, _ in batch], plan_path,
                                    builders.PERIOD, target)
            if not result.crash and result.others_merged and result.reconciles \
                    and not result.python_text:
                handled += len(result.handled)
                unhandled += len(result.unhandled)
                examples += [f"silent: {batch[int(n[-8:-5])][1]}" for n in result.unhandled]
                continue
            for data, what in batch:  # one by one, to tell which mutants break the run
                single = fuzz.run_batch(folder / "run", files, [data], plan_path, builders.PERIOD, target)
                if single.crash:
                    crashed += 1
                    examples.append(f"crash: {what}: {single.crash.strip().splitlines()[-1][:160]}")
                elif not single.ok:
                    unhandled += 1
                    examples.append(f"not handled: {what}: {'; '.join(single.python_text)[:200]}")
                else:
                    handled += 1
    seconds = time.perf_counter() - start
    total = handled + unhandled + crashed
    print(f"{total} mutants (seed {args.seed}): {handled} handled, {unhandled} not handled, "
          f"{crashed} crashed the run — {seconds:.0f} s")
    for line in examples[:25]:
        print("  " + line)
    return 0 if handled == total else 1


if __name__ == "__main__":
    sys.exit(main())
