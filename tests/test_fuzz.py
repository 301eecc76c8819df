"""Finding, never exception: seeded mutants of a valid form through reader, validator and master writer.

A few dozen mutants (always the same ones: the seed is fixed) of 行政総務課's valid form are put
beside the other departments' valid forms and merged; every mutant must be named by a finding or
merged, every other department's rows merged, the counts reconciled and the master written.
The mutants of one batch compete as resubmissions of one department: all are read and validated,
the newest accepted one is consolidated and written. ``bench/fuzz_campaign.py`` runs the same
check over thousands of mutants, one per run.
"""

from __future__ import annotations

import fuzz
from gyokaku_xl.domain.model import Period

SEED = 9  # its mutants include amounts that crashed earlier versions (ValueError in parse_amount)
BATCHES = 4
PER_BATCH = 15


def test_mutants_end_as_findings_never_as_exceptions(tmp_path, inbox, plan_path, period: Period, plan):
    target = "行政総務課"
    files = {d: next(inbox.glob(f"{d}_*.xlsx")) for d in plan.departments}
    base = files.pop(target).read_bytes()
    stream = fuzz.mutants(base, SEED, BATCHES * PER_BATCH)
    failures = []
    for batch in range(BATCHES):
        mutants = [next(stream) for _ in range(PER_BATCH)]
        result = fuzz.run_batch(tmp_path / f"b{batch}", files, [m for m, _ in mutants], plan_path,
                                period, target)
        assert not result.crash, result.crash
        if not result.ok:
            failures.append((batch, result, [what for _, what in mutants]))
    assert not failures, failures
