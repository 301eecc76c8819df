"""The short Japanese run summary shown by the console and the Excel button (pure text)."""

from __future__ import annotations

from gyokaku_xl.text import glossary as g
from gyokaku_xl.core.movement import compare, comparison_summary
from gyokaku_xl.core.revisions import revision_lines, revision_view
from gyokaku_xl.domain.findings import (Finding, GyokakuError, PlanInvalidError, count_by_severity,
                                        first_error_by_file, title_of)
from gyokaku_xl.domain.outcome import RunOutcome

#: How many error/warning findings the summary lists before pointing to the report.
MAX_LISTED = 20


def reconciliation_line(outcome: RunOutcome) -> str:
    """``行: 読込 55 = 集約 54 + 除外 1`` — the counts that must reconcile."""
    t = outcome.result.tally
    mark = "" if t.reconciles else "  ※ 件数が一致しません"
    return f"行: 読込 {t.rows_read} = 集約 {t.rows_merged} + 除外 {t.rows_rejected}{mark}"


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
        lines.append(f"検証結果: {exc.report}")
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
    return [g.CONSOLE_REJECTED_DEPARTMENT.format(department="、".join(names), reason=reason)
            if len(names) == 1 else
            g.CONSOLE_REJECTED_GROUP.format(departments="、".join(names), reason=reason)
            for reason, names in by_reason.items()]


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
    folder = getattr(outcome, "history_dir", None)
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
    lines = [f"対象: {r.period.label}　{r.plan.name}".rstrip()]
    lines.extend(g.CONSOLE_FEW_ROWS.format(message=f.message) for f in r.findings if f.code in PROMINENT_CODES)
    lines.append(f"ファイル: {t.files_seen} 件（読込 {t.files_read}・受理 {t.files_accepted}・"
                 f"不受理 {t.files_rejected}・差替え {t.files_superseded}・読み飛ばし {t.files_skipped}）")
    lines.append(reconciliation_line(outcome))
    lines.append(f"指摘: {g.SEVERITY_ERROR} {c[g.SEVERITY_ERROR]} 件・{g.SEVERITY_WARNING} "
                 f"{c[g.SEVERITY_WARNING]} 件・{g.SEVERITY_INFO} {c[g.SEVERITY_INFO]} 件")
    if r.completeness_checked:
        missing = not_submitted(outcome)
        lines.append("未提出の所管課: " + ("、".join(missing) if missing else "なし"))
    else:
        lines.append("未提出の所管課: 確認していません（計画マスタなし）")
    rejected = rejected_departments(outcome)
    if rejected:
        lines.append(g.CONSOLE_REJECTED_DEPARTMENTS.format(departments="／".join(rejected)))
    lines.extend(resubmission_lines(outcome))
    history = history_line(outcome)
    if history:
        lines.append(history)
    if r.plan.changes and outcome.command == "merge":  # which 取組 changed this period (also in the button)
        changes = revision_lines(revision_view(r.plan, r.period, r.history))
        lines.extend(changes)
    earlier = r.history
    if outcome.command == "merge" and earlier:
        lines.append(comparison_summary(compare(r, earlier)))
    lines.extend(outcome.notices)
    # 未提出 is already the line above; list every other error, then every other warning
    listed = [f for f in r.findings if f.code != "department-not-submitted" and f.code not in PROMINENT_CODES]
    serious = [f for f in listed if f.severity == g.SEVERITY_ERROR]
    serious += [f for f in listed if f.severity == g.SEVERITY_WARNING]
    for f in serious[:MAX_LISTED]:
        lines.append(finding_line(f))
    if len(serious) > MAX_LISTED:
        lines.append(f"  ほか {len(serious) - MAX_LISTED} 件（一覧は「{g.SHEET_FINDINGS}」シートを参照）")
    if outcome.output is not None:
        lines.append(f"集約結果: {outcome.output}")
    if getattr(outcome, "archive", None) is not None:
        lines.append(g.HISTORY_ARCHIVED.format(path=outcome.archive))
    if outcome.by_program_book is not None:
        lines.append(f"{g.SPLIT_SUMMARY_LABEL}: {outcome.by_program_book}")
    if outcome.report is not None:
        lines.append(f"検証結果: {outcome.report}")
    for p in outcome.annotated:
        lines.append(f"指摘付きの写し: {p}")
    for p in outcome.pdf_paths:
        lines.append(f"PDF: {p}")
    for p in getattr(outcome, "opendata_paths", ()):
        lines.append(g.OPENDATA_WRITTEN.format(path=p))
    return lines
