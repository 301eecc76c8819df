"""Reading and validating a whole inbox: the step ``check`` and ``merge`` share."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Callable

from gyokaku_xl import text as g
from gyokaku_xl.core.checks import fiscal_year_findings, half_findings
from gyokaku_xl.core.consolidate import consolidate
from gyokaku_xl.core.revisions import in_force
from gyokaku_xl.core.validate import RunBudget, meta_period, validate_file
from gyokaku_xl.domain.findings import Finding, GyokakuError
from gyokaku_xl.domain.model import Period, Plan
from gyokaku_xl.domain.records import MergeResult
from gyokaku_xl.domain.reports import FileReport
from gyokaku_xl.reading.parallel import InboxReader
from gyokaku_xl.reading.plan import plan_from_forms
from gyokaku_xl.reading.sniff import scan_inbox
from gyokaku_xl.domain.limits import DEFAULT_LIMITS, Limits
from gyokaku_xl.run.inputs import find_plan, load_plan

#: progress(done, total, label) — called once per input file.
Progress = Callable[[int, int, str], None]


def validate_inbox(inbox: str | Path, plan_path: str | Path | None = None,
                   period: Period | None = None, progress: Progress | None = None,
                   limits: Limits = DEFAULT_LIMITS, parallel_from: int | None = None,
                   after_reading: Callable[[Plan, int], None] | None = None,
                   ) -> tuple[MergeResult, Path | None, list[str]]:
    """Read and validate every file of an inbox and consolidate the accepted rows.

    From ``parallel_from`` readable files (default :data:`~gyokaku_xl.reading.parallel.PARALLEL_FROM`),
    the plan master and the forms are read by worker processes; the result is the same.
    ``after_reading(plan, rows_read)`` is called once everything is read, before validation.
    Returns the merge result, the plan master used (None when working from submissions alone)
    and notices for the user.
    """
    inbox = Path(inbox)
    if inbox.is_file():
        raise GyokakuError(g.FATAL_INBOX_IS_FILE.format(path=inbox))
    if not inbox.is_dir():
        raise GyokakuError(g.FATAL_INBOX_MISSING.format(path=inbox))
    notices: list[str] = []
    resolved_plan = Path(plan_path) if plan_path else find_plan(inbox)
    plan: Plan | None = None
    plan_findings: list[Finding] = []
    exclude = [resolved_plan] if resolved_plan is not None else []
    entries = scan_inbox(inbox, exclude=exclude)
    reports: list[FileReport] = []
    budget = RunBudget(limits)
    plan_file = resolved_plan if resolved_plan is not None and resolved_plan.is_file() else None
    if not any(not e.skipped for e in entries):
        if resolved_plan is not None:
            load_plan(resolved_plan)  # a plan that cannot be used is said first
        raise GyokakuError(g.FATAL_INBOX_EMPTY.format(path=inbox))
    with InboxReader(entries, limits, plan_file, parallel_from) as reader:
        for report in reader.reports(progress, budget.room):  # the forms need no plan: the plan's worker joins in
            budget.admit(report)
            reports.append(report)
        if resolved_plan is not None:
            plan, plan_findings = load_plan(resolved_plan, reader.read_plan)
            notices.extend(f.message for f in plan_findings if f.code == "open-in-excel")
            if plan_path is None:
                notices.append(g.NOTICE_PLAN_FOUND.format(path=resolved_plan))
    if period is None:
        period = _infer_period(reports)
    completeness_checked = plan is not None
    if plan is not None:  # ended, merged or renumbered 取組 are no longer part of the plan
        plan = in_force(plan, period)
    if plan is None:
        plan = plan_from_forms([r.form for r in reports if r.form is not None])
        notices.append(g.MESSAGES["completeness-unchecked"])
    if after_reading is not None:
        after_reading(plan, sum(r.rows_read for r in reports))
    for report in reports:
        validate_file(report, plan, period, plan_checked=completeness_checked,
                      max_findings=budget.findings_left)
        budget.admit_findings(report)
    result = consolidate(plan, period, reports, completeness_checked=completeness_checked,
                         generated_at=_document_date(reports))
    result.findings = sorted(plan_findings, key=Finding.sort_key) + result.findings
    return result, resolved_plan, notices


def source_paths(inbox: Path) -> dict[str, str]:
    """Each file of the inbox by its name (for links from the reports to the files)."""
    return {p.name: str(p) for p in inbox.iterdir() if p.is_file()}


def _infer_period(reports: list[FileReport]) -> Period:
    periods = Counter(p for r in reports if r.form is not None
                      for p in [meta_period(r.form)] if p is not None)
    if not periods:
        raise GyokakuError(g.FATAL_PERIOD_UNKNOWN, findings=_why_no_period(reports))
    ranked = periods.most_common()
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        names = g.SEP_LIST.join(p.label for p, _ in ranked)
        raise GyokakuError(g.FATAL_PERIODS_DIFFER.format(periods=names))
    return ranked[0][0]


def _why_no_period(reports: list[FileReport]) -> list[Finding]:
    """For each file, why it gave no reporting period: its errors, or its unreadable 報告年度・期間."""
    found: list[Finding] = []
    for r in reports:
        errors = [f for f in r.findings if f.is_error]
        if not errors and r.form is not None:
            errors = [*fiscal_year_findings(r.form, None), *half_findings(r.form, None)]
        found.extend(errors)
    return sorted(found, key=Finding.sort_key)


def _document_date(reports: list[FileReport]) -> str:
    times = [r.modified for r in reports if r.modified and not r.rejected]
    return max(times) if times else ""
