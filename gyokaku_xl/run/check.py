"""``check``: validate an inbox without consolidating; optionally a 検証結果 and annotated copies."""

from __future__ import annotations

from pathlib import Path

from gyokaku_xl import text as g
from gyokaku_xl.domain.findings import Finding, GyokakuError, PlanInvalidError
from gyokaku_xl.domain.limits import DEFAULT_LIMITS, Limits
from gyokaku_xl.domain.model import Period
from gyokaku_xl.domain.outcome import RunOutcome
from gyokaku_xl.infra.atomic import atomic_write
from gyokaku_xl.infra.gc_pause import paused_gc
from gyokaku_xl.infra.guard import protecting
from gyokaku_xl.render.master import write_check_report, write_findings_report
from gyokaku_xl.run.annotate import annotate_copies
from gyokaku_xl.run.inbox import Progress, source_paths, validate_inbox
from gyokaku_xl.run.guard import open_output_notices, refuse_outputs, run_inputs
from gyokaku_xl.run.inputs import find_plan


@paused_gc()
def check(inbox: str | Path, plan_path: str | Path | None = None, period: Period | None = None,
          report: str | Path | None = None, annotate: str | Path | None = None,
          progress: Progress | None = None, limits: Limits = DEFAULT_LIMITS) -> RunOutcome:
    """Validate an inbox without consolidating; optionally write a report and annotated copies.

    A plan master with errors raises :class:`PlanInvalidError`; with ``report`` its findings are
    written there first and the error says so.
    """
    check_annotate_dir(inbox, annotate)
    inputs = run_inputs(plan=plan_path or find_plan(Path(inbox)), inbox=inbox)
    refuse_outputs(inputs, files=[report], folders=[annotate])
    with protecting(inputs):
        return _check(inbox, plan_path, period, report, annotate, progress, limits)


def _check(inbox: str | Path, plan_path: str | Path | None, period: Period | None,
           report: str | Path | None, annotate: str | Path | None, progress: Progress | None,
           limits: Limits) -> RunOutcome:
    try:
        result, used_plan, notices = validate_inbox(inbox, plan_path, period, progress, limits)
    except PlanInvalidError as exc:  # the report then holds the plan's own findings
        if report is None:
            raise
        written = write_plan_report(report, exc.findings, plan_path or find_plan(Path(inbox)))
        raise exc.with_report(written) from None
    outcome = RunOutcome("check", result, plan_path=used_plan, notices=notices, inbox=Path(inbox))
    if report is not None:
        target = Path(report)
        outcome.notices.extend(open_output_notices(target))
        outcome.report = atomic_write(target, lambda tmp: write_check_report(
            tmp, result, target.resolve().parent, source_paths(Path(inbox))))
    if annotate is not None:
        annotate_into(outcome, Path(inbox), Path(annotate))
    return outcome


def write_plan_report(report: str | Path, findings: list[Finding], plan: str | Path | None) -> Path:
    """A 検証結果 of the plan master itself (its findings only), written atomically."""
    target = Path(report)
    sources = {Path(plan).name: str(plan)} if plan is not None else {}
    return atomic_write(target, lambda tmp: write_findings_report(tmp, findings, target.resolve().parent,
                                                                   sources))


def check_annotate_dir(inbox: str | Path, annotate_dir: str | Path | None) -> None:
    """Refuse an annotate folder that is a file or the inbox itself, before any work is done."""
    if annotate_dir is None:
        return
    folder = Path(annotate_dir)
    if folder.exists() and not folder.is_dir():
        raise GyokakuError(g.FATAL_ANNOTATE_DIR_IS_FILE.format(folder=folder))
    if folder.resolve() == Path(inbox).resolve():
        raise GyokakuError(g.FATAL_ANNOTATE_DIR_IS_INBOX)


def annotate_into(outcome: RunOutcome, inbox: Path, annotate_dir: Path) -> None:
    """Annotated copies of the outcome's files with findings into ``annotate_dir``."""
    outcome.annotated, notices = annotate_copies(outcome.result.findings, source_paths(inbox), annotate_dir)
    outcome.notices.extend(notices)
