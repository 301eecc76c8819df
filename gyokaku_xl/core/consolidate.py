"""Accepted rows → records in plan order; resubmissions, completeness, submission states, tally.

Pure: takes validated :class:`~gyokaku_xl.core.validate.FileReport` objects, returns a
:class:`~gyokaku_xl.domain.records.MergeResult`.

Which submission is newer: when one department sent several readable files, the one whose
document properties say it was saved last (``dcterms:modified``, written by Excel on save) wins;
files without that property compare by file modification time; equal times compare by file name
(later name wins). The others are listed as 差替え.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Iterable

from gyokaku_xl import text as g
from gyokaku_xl.domain import schema
from gyokaku_xl.core.checks import KEY_FIELD_CODES, outside_plan_period, parse_amount
from gyokaku_xl.domain.findings import ERROR, INFO, WARNING, Finding, make
from gyokaku_xl.domain.inbox import SKIPPED_KINDS
from gyokaku_xl.domain.model import Period, Plan
from gyokaku_xl.domain.normalize import key
from gyokaku_xl.domain.records import MergeResult, Record, Source, Submission, Tally
from gyokaku_xl.domain.reports import FileReport
from gyokaku_xl.core.targets import add_assessment_findings, collect_actuals
from gyokaku_xl.core.validate import clip_text


def newer_key(report: FileReport) -> tuple[str, str, str]:
    """Sort key: larger means newer (document saved time, file time, file name)."""
    doc = report.form.modified if report.form is not None else ""
    return (doc or report.modified, report.modified, report.file)


SUPERSEDE_RULE = g.SUPERSEDE_RULE


def attribute_by_name(plan: Plan, reports: Iterable[FileReport]) -> None:
    """Give a rejected file whose 所管課 could not be read the department its file name starts with.

    So a department that sent only an unreadable file shows as エラーあり, not as 未提出.
    """
    names = sorted(plan.departments, key=len, reverse=True)
    for r in reports:
        if r.department or r.kind in SKIPPED_KINDS:
            continue
        stem = key(Path(r.file).stem)
        for department in names:
            if stem.startswith(key(department)):
                r.department = department
                break


def resolve_resubmissions(reports: Iterable[FileReport]) -> None:
    """Mark every file of a department older than its newest accepted file as superseded, accepted
    or rejected: the department sent it again. A rejected file newer than that one still counts.

    What was replaced does not count: a superseded file's findings stay on the report as 情報
    about that file (:func:`demote`), so they set no exit code and ask for no return copy.
    """
    by_department: dict[str, list[FileReport]] = {}
    for r in reports:
        if r.department and r.kind not in SKIPPED_KINDS:
            by_department.setdefault(r.department, []).append(r)
    for group in by_department.values():
        accepted = [r for r in group if not r.rejected]
        if not accepted or len(group) < 2:
            continue
        winner = max(accepted, key=newer_key)
        for old in sorted(group, key=newer_key):
            if old is winner or (old.rejected and newer_key(old) > newer_key(winner)):
                continue
            old.superseded_by = winner.file
            demote(old)
            old.findings.append(make("superseded", INFO, file=old.file, newer=winner.file,
                                     rule=SUPERSEDE_RULE))


def demote(report: FileReport) -> None:
    """Turn a superseded file's エラー and 警告 into 情報 about that file (marked as replaced)."""
    def info(f: Finding) -> Finding:
        if f.severity == INFO:
            return f
        return replace(f, severity=INFO, message=g.SUPERSEDED_FINDING.format(message=f.message))

    report.findings = [info(f) for f in report.findings]
    for row in report.rows:
        row.findings = [info(f) for f in row.findings]


def _merged_rows(report: FileReport):
    if report.rejected or report.superseded_by or report.form is None:
        return []
    return [r for r in report.rows if not r.excluded]


def build_records(plan: Plan, reports: Iterable[FileReport]) -> list[Record]:
    """One record per accepted row, in plan order."""
    records: list[Record] = []
    for report in reports:
        form = report.form
        for rr in _merged_rows(report):
            initiative = plan.initiative(rr.initiative_id)  # type: ignore[arg-type]
            program = plan.program_of(initiative)
            canonical = plan.scale.match(rr.row.value("status"))
            values: dict[str, object] = {}
            for column in schema.DATA_COLUMNS:
                raw = rr.row.value(column.key)
                if column.kind == schema.AMOUNT:
                    values[column.key] = parse_amount(raw)[0]
                elif column.prefilled:
                    values[column.key] = _prefilled_value(plan, initiative.id, column.key)
                else:
                    values[column.key] = clip_text(raw)
            values["status"] = canonical[0] if canonical else None
            for column in schema.OPINION_COLUMNS:  # only on forms with committee opinions
                values[column.key] = clip_text(rr.row.value(column.key))
            records.append(Record(
                initiative=initiative, program=program, perspective=plan.perspective_of(initiative),
                department=report.department or initiative.department, status=values["status"],
                values=values,
                source=Source(file=report.file, sheet=form.sheet, row=rr.row.row,
                              sha256=report.sha256, modified=report.modified, path=str(report.path)),
            ))
    records.sort(key=lambda r: plan.order_of(r.initiative.id))
    _bound_total(records, reports)
    return records


def _bound_total(records: list[Record], reports: Iterable[FileReport]) -> None:
    """Keep the plan's 財政効果額 total within :data:`schema.MAX_AMOUNT`, so no total overflows.

    In plan order, an amount that would carry the total past the bound is left out (the record's
    amount becomes None) and its row gets an error naming the cell and the amount.
    """
    rows = {(r.file, rr.row.row): (r, rr) for r in reports for rr in r.rows}
    total = 0
    for record in records:
        amount = record.values.get("fiscal_effect")
        if not isinstance(amount, int):
            continue
        if total + amount <= schema.MAX_AMOUNT:
            total += amount
            continue
        record.values["fiscal_effect"] = None
        report, row_report = rows[(record.source.file, record.source.row)]
        row_report.findings.append(make(
            "fiscal-effect-total-too-large", ERROR, file=report.file, sheet=record.source.sheet,
            cell=report.form.cell_ref(record.source.row, "fiscal_effect"), row=record.source.row,
            initiative_id=record.initiative.id, value=f"{amount:,}", limit=f"{schema.MAX_AMOUNT:,}"))


def _prefilled_value(plan: Plan, initiative_id: str, column_key: str) -> str:
    from gyokaku_xl.core.checks import expected_prefill
    return expected_prefill(plan, initiative_id)[column_key]


def completeness(plan: Plan, records: list[Record], reports: list[FileReport]) -> list[Finding]:
    """Initiatives nobody reported and departments that sent nothing usable."""
    findings: list[Finding] = []
    current = [r for r in reports if r.department and not r.superseded_by]
    submitted = {r.department for r in current}
    # a department whose every file was rejected is explained by those files' errors
    accepted = {r.department for r in current if not r.rejected}
    # an initiative whose row was rejected is explained by that row's error, not reported missing
    reported = {r.initiative.id for r in records} | {
        row.initiative_id for r in current for row in r.rows if row.initiative_id}
    for department in plan.departments:
        if department not in submitted:
            findings.append(make("department-not-submitted", WARNING, department=department))
    for initiative in plan.initiatives:
        if initiative.id not in reported and initiative.department in accepted:
            findings.append(make("initiative-not-reported", WARNING, value=initiative.id,
                                 initiative_id=initiative.id, name=initiative.name,
                                 department=initiative.department))
    return findings


#: Codes of run-level warnings that still make the run's exit code 1 (the office must look).
def coverage(plan: Plan, records: list[Record]) -> list[Finding]:
    """A warning when some rows were merged but fewer than half of the plan's 取組."""
    planned = len(plan.initiatives)
    if records and len(records) * 2 < planned:
        return [make("few-rows-merged", WARNING, planned=planned, merged=len(records))]
    return []


def submission_states(plan: Plan, reports: list[FileReport]) -> list[Submission]:
    """One row per department of the plan (then any unknown department files), for 提出状況."""
    result: list[Submission] = []
    by_department: dict[str, list[FileReport]] = {}
    for r in reports:
        if r.department:
            by_department.setdefault(r.department, []).append(r)
    for department in plan.departments:
        mine = by_department.get(department, [])
        planned = len(plan.initiatives_of(department))
        if not mine:
            result.append(Submission(department, g.NOT_SUBMITTED, planned=planned))
            continue
        active = _active_file(mine)
        counts = Counter(f.severity for f in active.all_findings)
        merged = len(_merged_rows(active))
        others = [r for r in sorted(mine, key=newer_key) if r is not active]
        old = [r.file for r in others if r.superseded_by and not r.rejected]
        # a rejected file beside the merged one: older ones were replaced by it, newer ones failed
        rejected = [r for r in others if r.rejected]
        replaced = [r.file for r in rejected if r.superseded_by]
        failed = [r.file for r in rejected if not r.superseded_by]
        if counts[g.SEVERITY_ERROR]:
            state = g.HAS_ERRORS
        elif old or replaced:
            state = g.REPLACED
        else:
            state = g.SUBMITTED
        notes = [prefix + g.SEP_LIST.join(files) for prefix, files in (
            (g.SUBMISSION_NOTE_REPLACED, old), (g.SUBMISSION_NOTE_REPLACED_REJECTED, replaced),
            (g.SUBMISSION_NOTE_REJECTED, failed)) if files]
        result.append(Submission(department, state, file=active.file, planned=planned,
                                 rows_read=active.rows_read, rows_merged=merged,
                                 rows_rejected=active.rows_read - merged,
                                 errors=counts[g.SEVERITY_ERROR], warnings=counts[g.SEVERITY_WARNING],
                                 note=g.SEP_SLASH.join(notes), superseded=old,
                                 not_accepted=[r.file for r in rejected],
                                 accepted=not active.rejected and not active.superseded_by))
    return result


def _active_file(mine: list[FileReport]) -> FileReport:
    """The file whose rows were merged; when none was accepted, the newest rejected one."""
    accepted = [r for r in mine if not r.rejected and not r.superseded_by]
    if accepted:
        return accepted[-1]
    return max(mine, key=newer_key)


#: The key-field errors of a row that was reported but whose 進捗状況 could not be used.
STATUS_ERROR_CODES = frozenset({"status-not-in-scale", "status-missing", "status-formula-no-value"})


def status_error_ids(reports: Iterable[FileReport], records: Iterable[Record]) -> frozenset[str]:
    """取組 left out only for their 進捗状況, in a file whose other rows were merged: the department
    reported them (not 報告なし), with a status that cannot be counted."""
    merged = {r.initiative.id for r in records}
    found = set()
    for report in reports:
        if report.rejected or report.superseded_by:
            continue
        for row in report.rows:
            if not row.excluded or row.initiative_id is None or row.initiative_id in merged:
                continue
            codes = {f.code for f in row.findings if f.is_error and f.code in KEY_FIELD_CODES}
            if codes and codes <= STATUS_ERROR_CODES:
                found.add(row.initiative_id)
    return frozenset(found)


def tally(reports: list[FileReport]) -> Tally:
    """Counts over all files; rows_read == rows_merged + rows_rejected by construction."""
    t = Tally(files_seen=len(reports))
    for r in reports:
        if r.kind in SKIPPED_KINDS:
            t.files_skipped += 1
            continue
        if r.form is not None:
            t.files_read += 1
        merged = len(_merged_rows(r))
        t.rows_read += r.rows_read
        t.rows_merged += merged
        t.rows_rejected += r.rows_read - merged
        if r.superseded_by:
            t.files_superseded += 1
        elif r.rejected:
            t.files_rejected += 1
        else:
            t.files_accepted += 1
    return t


def consolidate(plan: Plan, period: Period, reports: list[FileReport],
                completeness_checked: bool = True, generated_at: str = "") -> MergeResult:
    """Build the merge result from validated file reports."""
    attribute_by_name(plan, reports)
    resolve_resubmissions(reports)
    records = build_records(plan, reports)
    actuals = collect_actuals(plan, reports)
    add_assessment_findings(plan, period, records, actuals, reports)
    findings = [f for r in reports for f in r.all_findings]
    if completeness_checked:
        findings.extend(completeness(plan, records, reports))
        findings.extend(coverage(plan, records))
        findings.extend(outside_plan_period(plan, period))
    else:
        findings.append(make("completeness-unchecked", INFO))
    findings.sort(key=Finding.sort_key)
    return MergeResult(plan=plan, period=period, records=records, findings=findings,
                       submissions=submission_states(plan, reports) if completeness_checked
                       else [s for s in submission_states(plan, reports) if s.state != g.NOT_SUBMITTED],
                       tally=tally(reports), completeness_checked=completeness_checked,
                       generated_at=generated_at, status_errors=status_error_ids(reports, records),
                       actuals=actuals)
