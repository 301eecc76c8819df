"""The short Japanese run summary shown by the console and the Excel button (pure text)."""

from __future__ import annotations

from gyokaku_xl import text as g
from gyokaku_xl.core.chase import chased
from gyokaku_xl.core.movement import comparison_summary
from gyokaku_xl.core.targets import targets_summary
from gyokaku_xl.core.revisions import revision_lines
from gyokaku_xl.domain.findings import (Finding, GyokakuError, PlanInvalidError, count_by_severity,
                                        first_error_by_file, title_of)
from gyokaku_xl.domain.outcome import RunOutcome

#: How many error/warning findings the summary lists before pointing to the report.
MAX_LISTED = 20


def reconciliation_line(outcome: RunOutcome) -> str:
    """``行: 読込 55 = 集約 54 + 除外 1`` — the counts that must reconcile."""
    t = outcome.result.tally
    mark = "" if t.reconciles else g.SUMMARY_ROWS_MISMATCH
    return g.SUMMARY_ROWS.format(read=t.rows_read, merged=t.rows_merged, rejected=t.rows_rejected, mark=mark)


def not_submitted(outcome: RunOutcome) -> list[str]:
    """Departments of the plan without a submission."""
    return [s.department for s in outcome.result.submissions if s.state == g.NOT_SUBMITTED]


def finding_line(f: Finding) -> str:
    """``  エラー: file!sheet!D12 message`` — one finding on one console line."""
    where = f.location()
    return f"  {f.severity}: {where + ' ' if where else ''}{f.message}"


def error_detail_lines(exc: GyokakuError) -> list[str]:
    """What a run that could not continue still has to say, one line each: every finding the
    error carries (e.g. each plan-master error with its cell) and the report written, if any."""
    lines = [finding_line(f) for f in exc.findings]
    if isinstance(exc, PlanInvalidError) and exc.report is not None:
        lines.append(g.SUMMARY_REPORT.format(path=exc.report))
    return lines


def rejected_departments(outcome: RunOutcome) -> list[str]:
    """``市民課（シート名が違う）`` for the departments of which no row could be accepted, those with
    the same reason together (``保育課、市民課（いずれも報告期間が違う）``); a rejected file whose
    department cannot be told (unreadable, without a plan master) is named by its file."""
    first = first_error_by_file(outcome.result.findings)
    by_reason: dict[str, list[str]] = {}
    known: set[str] = set()
    for s in outcome.result.submissions:
        known.update([s.file, *s.superseded, *s.not_accepted])
        if s.state == g.HAS_ERRORS and s.rows_merged == 0:
            error = first.get(s.file)
            reason = title_of(error.code) if error is not None else g.HAS_ERRORS
            by_reason.setdefault(reason, []).append(s.department)
    for file, error in sorted(first.items()):
        if file not in known:  # every file with a department is in a submission
            by_reason.setdefault(title_of(error.code), []).append(g.CONSOLE_REJECTED_FILE.format(file=file))
    return [g.CONSOLE_REJECTED_DEPARTMENT.format(department=g.SEP_LIST.join(names), reason=reason)
            if len(names) == 1 else
            g.CONSOLE_REJECTED_GROUP.format(departments=g.SEP_LIST.join(names), reason=reason)
            for reason, names in by_reason.items()]


def remind_hint(outcome: RunOutcome) -> str:
    """``督促が必要な所管課: 2 件（…）。「python -m gyokaku_xl remind …」…`` ('' when nobody)."""
    departments = [s.department for s in chased(outcome.result)]
    if not departments:
        return ""
    inbox = outcome.inbox if outcome.inbox is not None else ""
    command = (g.REMIND_COMMAND_PLAN.format(inbox=inbox, plan=outcome.plan_path) if outcome.plan_path is not None
               else g.REMIND_COMMAND.format(inbox=inbox))
    return g.REMIND_HINT.format(count=len(departments), departments=g.SEP_LIST.join(departments), command=command)


def resubmission_lines(outcome: RunOutcome) -> list[str]:
    """For each department that sent several files: the file kept, then each file it replaced."""
    lines = []
    for s in outcome.result.submissions:
        if not s.superseded:
            continue
        lines.append(g.CONSOLE_RESUBMISSION_KEPT.format(department=s.department, file=s.file))
        lines.extend(g.CONSOLE_RESUBMISSION_REPLACED.format(department=s.department, file=old, newer=s.file)
                     for old in s.superseded)
    return lines


#: Run-level warnings shown prominently near the top rather than in the list of findings.
PROMINENT_CODES = frozenset({"few-rows-merged"})
def history_line(outcome: RunOutcome) -> str:
    """``履歴: 過去 2 期を読み込みました（前期：令和3年度【上半期】）`` ('' without a history folder)."""
    folder = outcome.history_dir
    if folder is None:
        return ""
    history = outcome.history
    if not history:
        return g.HISTORY_SUMMARY_NONE.format(folder=folder)
    return g.HISTORY_SUMMARY.format(count=len(history), previous=history[-1].period.label)


def summary_lines(outcome: RunOutcome) -> list[str]:
    """The run summary, one line each."""
    r = outcome.result
    t = r.tally
    c = count_by_severity(r.findings)
    lines = [g.SUMMARY_TARGET.format(period=r.period.label, plan=r.plan.name).rstrip()]
    lines.extend(g.CONSOLE_FEW_ROWS.format(message=f.message) for f in r.findings if f.code in PROMINENT_CODES)
    lines.append(g.SUMMARY_FILES.format(seen=t.files_seen, read=t.files_read, accepted=t.files_accepted,
                                        rejected=t.files_rejected, superseded=t.files_superseded,
                                        skipped=t.files_skipped))
    lines.append(reconciliation_line(outcome))
    lines.append(g.SUMMARY_FINDINGS.format(error=g.SEVERITY_ERROR, errors=c[g.SEVERITY_ERROR],
                                           warning=g.SEVERITY_WARNING, warnings=c[g.SEVERITY_WARNING],
                                           info=g.SEVERITY_INFO, infos=c[g.SEVERITY_INFO]))
    if r.completeness_checked:
        missing = not_submitted(outcome)
        lines.append(g.SUMMARY_NOT_SUBMITTED.format(
            departments=g.SEP_LIST.join(missing) if missing else g.SUMMARY_NOT_SUBMITTED_NONE))
    else:
        lines.append(g.SUMMARY_NOT_SUBMITTED_UNCHECKED)
    rejected = rejected_departments(outcome)
    if rejected:
        lines.append(g.CONSOLE_REJECTED_DEPARTMENTS.format(departments=g.SEP_SLASH.join(rejected)))
    chase = remind_hint(outcome)
    if chase:
        lines.append(chase)
    lines.extend(resubmission_lines(outcome))
    history = history_line(outcome)
    if history:
        lines.append(history)
    if outcome.content is not None:  # which 取組 changed this period (also in the button)
        lines.extend(revision_lines(outcome.content.revisions))
    if outcome.content is not None and r.history:
        lines.append(comparison_summary(outcome.content.movement.comparison))
    if outcome.content is not None and outcome.content.targets is not None:
        lines.append(targets_summary(outcome.content.targets))
    lines.extend(outcome.notices)
    # 未提出 is already the line above; list every other error, then every other warning
    listed = [f for f in r.findings if f.code != "department-not-submitted" and f.code not in PROMINENT_CODES]
    serious = [f for f in listed if f.severity == g.SEVERITY_ERROR]
    serious += [f for f in listed if f.severity == g.SEVERITY_WARNING]
    for f in serious[:MAX_LISTED]:
        lines.append(finding_line(f))
    if len(serious) > MAX_LISTED:
        lines.append(g.SUMMARY_MORE_FINDINGS.format(count=len(serious) - MAX_LISTED, sheet=g.SHEET_FINDINGS))
    if outcome.output is not None:
        lines.append(g.SUMMARY_MASTER.format(path=outcome.output))
    if outcome.archive is not None:
        lines.append(g.HISTORY_ARCHIVED.format(path=outcome.archive))
    if outcome.by_program_book is not None:
        lines.append(f"{g.SPLIT_SUMMARY_LABEL}: {outcome.by_program_book}")
    if outcome.report is not None:
        lines.append(g.SUMMARY_REPORT.format(path=outcome.report))
    for p in outcome.annotated:
        lines.append(g.SUMMARY_ANNOTATED.format(path=p))
    for p in outcome.pdf_paths:
        lines.append(f"PDF: {p}")
    for p in outcome.opendata_paths:
        lines.append(g.OPENDATA_WRITTEN.format(path=p))
    return lines
