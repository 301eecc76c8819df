"""``term-report``: the end-of-term 総括 from the plan master and the history folder, and optionally
the draft plan master of the next plan."""

from __future__ import annotations

from pathlib import Path

from gyokaku_xl import text as g
from gyokaku_xl.core.revisions import in_force
from gyokaku_xl.core.term_report import build_term_report, continuing
from gyokaku_xl.domain.findings import GyokakuError
from gyokaku_xl.domain.limits import DEFAULT_LIMITS, Limits
from gyokaku_xl.domain.model import Period
from gyokaku_xl.domain.outcome import TermOutcome
from gyokaku_xl.infra.atomic import atomic_write
from gyokaku_xl.infra.guard import protecting
from gyokaku_xl.reading.history import read_history, read_master
from gyokaku_xl.render.next_plan import write_next_plan
from gyokaku_xl.render.term_report import write_term_report
from gyokaku_xl.run.guard import refuse_outputs, run_inputs
from gyokaku_xl.run.inputs import checked_history_folder, history_folder, load_plan

#: Beyond any plan's last year: every archived period of the plan is before it.
_AFTER_ALL = Period(2201, g.PERIOD_FIRST_HALF)


def term_report(plan_path: str | Path, output: str | Path, *, history_dir: str | Path | None = None,
                next_plan: str | Path | None = None, limits: Limits = DEFAULT_LIMITS) -> TermOutcome:
    """Write 「計画期間の総括」 at ``output`` from every period of the history folder; with
    ``next_plan`` also the next plan's draft master. Raises :class:`GyokakuError` when there is no
    history to report on or an output would replace an input."""
    plan_path = Path(plan_path)
    plan, findings = load_plan(plan_path)
    folder = history_folder(plan, plan_path, history_dir)
    if folder is None:
        raise GyokakuError(g.TERM_NO_FOLDER)
    targets = [Path(output), *([Path(next_plan)] if next_plan is not None else [])]
    for target in targets:
        if target.suffix.lower() != ".xlsx":
            raise GyokakuError(g.TERM_NOT_XLSX.format(path=target))
    inputs = run_inputs(plan=plan_path, history=folder)
    refuse_outputs(inputs, files=targets)  # never over the plan master or an archive
    for target in targets:  # nor over a master kept elsewhere (the current 集約結果), not an input here
        if target.is_file() and read_master(target, limits)[0] is not None:
            raise GyokakuError(g.TERM_WOULD_REPLACE_MASTER.format(path=target))
    with protecting(inputs):  # every write of the run is checked against its inputs
        snapshots, history_findings = read_history(checked_history_folder(folder), plan, _AFTER_ALL, limits,
                                                   exclude=targets)
        if not snapshots:
            raise GyokakuError(g.TERM_NO_HISTORY.format(folder=folder))
        report = build_term_report(in_force(plan, snapshots[-1].period), snapshots)
        outcome = TermOutcome(findings + history_findings, report.periods, len(report.rows))
        outcome.output = atomic_write(Path(output), lambda tmp: write_term_report(tmp, report))
        if next_plan is not None:
            carried = continuing(report)
            outcome.next_plan = atomic_write(Path(next_plan),
                                             lambda tmp: write_next_plan(tmp, report.plan, carried))
            outcome.continuing = len(carried)
    return outcome
