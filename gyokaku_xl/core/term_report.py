"""The end-of-term 総括 (計画期間の総括), pure: every 取組 that was ever part of the plan with its
status in each period, its final status and its changes; final statuses per 取組の視点; 財政効果
per 事業 over the whole term against the targets.

A 取組 is one row under its last number: the periods before a 番号変更 are read from the number
it had then. A merged or ended 取組 keeps its own row with the change that took it out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from gyokaku_xl import text as g
from gyokaku_xl.core.movement import fiscal
from gyokaku_xl.domain.content import Fiscal
from gyokaku_xl.core.revisions import fate, known_names
from gyokaku_xl.domain import revisions as rv
from gyokaku_xl.domain.model import Period, Plan
from gyokaku_xl.domain.normalize import key
from gyokaku_xl.domain.records import MergeResult, Snapshot, Tally
from gyokaku_xl.domain.revisions import PlanChange


@dataclass(frozen=True)
class TermRow:
    """One 取組 over the term."""

    initiative_id: str
    name: str
    program: str
    department: str
    perspective: int
    statuses: tuple[str, ...]  # per period of the report ('' = no report)
    final: str  # the last status reported ('' = never)
    left: PlanChange | None  # the 終了 or 統合 that took it out of the plan
    changes: tuple[str, ...]  # what happened to it, one text per change


@dataclass(frozen=True)
class TermCounts:
    """Final statuses per 取組の視点: the scale, then 終了・統合 and 報告なし."""

    labels: tuple[str, ...]
    rows: tuple[tuple[str, tuple[int, ...], int], ...]  # (視点, counts, total)
    total: tuple[tuple[int, ...], int]


@dataclass(frozen=True)
class TermReport:
    """Everything the 「計画期間の総括」 sheet shows."""

    plan: Plan
    periods: tuple[Period, ...]
    rows: tuple[TermRow, ...]
    counts: TermCounts
    fiscal: Fiscal


def change_text(change: PlanChange) -> str:
    """``令和4年度【上半期】 番号変更 1-02→1-99（内容）``."""
    arrow = g.ID_ARROW.format(old=change.initiative_id, new=change.new_id) if change.new_id else change.initiative_id
    content = g.PARENTHESIZED.format(change.content) if change.content else ""
    return g.TERM_CHANGE_TEXT.format(period=change.period.label, kind=g.KIND_LABELS[change.kind],
                                     ids=arrow, content=content)


def build_term_report(plan: Plan, snapshots: Sequence[Snapshot]) -> TermReport:
    """The 総括 of ``plan`` (as its master is now) over the periods of ``snapshots`` (oldest first)."""
    snapshots = sorted(snapshots, key=lambda s: s.period.order_key)
    periods = tuple(s.period for s in snapshots)
    last = periods[-1]
    changes = rv.sort_changes(plan.changes)
    names = known_names(plan, snapshots)
    # each reported row under the number it ends with when it only changed its number
    statuses: dict[str, dict[int, str]] = {}
    programs: dict[str, tuple[str, int, str]] = {}
    for n, snapshot in enumerate(snapshots):
        for row in snapshot.rows:
            f = fate(row.initiative_id, changes, snapshot.period, last)
            ident = f.initiative_id if f.renumbered else row.initiative_id
            statuses.setdefault(key(ident), {})[n] = row.status
            programs.setdefault(key(ident), (row.program, row.perspective, row.department))
    ids: dict[str, str] = {}
    for i in plan.initiatives:
        ids.setdefault(key(i.id), i.id)
    for entry in names.values():
        f = fate(entry.initiative_id, changes, None, last)
        if not f.renumbered:
            ids.setdefault(key(entry.initiative_id), entry.initiative_id)
    for snapshot in snapshots:
        for row in snapshot.rows:
            f = fate(row.initiative_id, changes, snapshot.period, last)
            ident = f.initiative_id if f.renumbered else row.initiative_id
            ids.setdefault(key(ident), ident)
    program_rank = {p.number: (p.perspective, n) for n, p in enumerate(plan.programs)}
    rows = []
    for k, ident in ids.items():
        entry = names.get(k)
        program, perspective, department = programs.get(k, ("", 0, ""))
        if entry is not None:
            program, department = entry.program or program, entry.department or department
        try:
            perspective = plan.program(program).perspective
        except KeyError:
            pass
        own = _numbers(ident, changes)
        involved = tuple(c for c in changes if key(c.initiative_id) in own or key(c.new_id) in own)
        left = next((c for c in changes if key(c.initiative_id) in own and c.kind in (rv.END, rv.MERGE)), None)
        per_period = statuses.get(k, {})
        values = tuple(per_period.get(n, "") for n in range(len(periods)))
        final = next((v for v in reversed(values) if v), "")
        rows.append(TermRow(ident, entry.name if entry else "", program, department, perspective, values, final,
                            left, tuple(change_text(c) for c in involved)))
    rows.sort(key=lambda r: (*program_rank.get(r.program, (r.perspective, len(program_rank))), key(r.initiative_id)))
    return TermReport(plan, periods, tuple(rows), _counts(plan, rows), _fiscal(plan, snapshots))


def _numbers(ident: str, changes: Sequence[PlanChange]) -> set[str]:
    """Every number a 取組 had: its own and those it was renumbered from."""
    found = {key(ident)}
    grew = True
    while grew:
        grew = False
        for c in changes:
            if c.kind == rv.RENUMBER and key(c.new_id) in found and key(c.initiative_id) not in found:
                found.add(key(c.initiative_id))
                grew = True
    return found


def _counts(plan: Plan, rows: Sequence[TermRow]) -> TermCounts:
    labels = (*plan.scale.names, g.TERM_LEFT, g.CHANGE_NOT_REPORTED)
    index = {name: n for n, name in enumerate(plan.scale.names)}
    table = []
    totals = [0] * len(labels)
    for perspective in plan.perspectives:
        counts = [0] * len(labels)
        for row in rows:
            if row.perspective != perspective.number:
                continue
            if row.left is not None:
                counts[-2] += 1
            elif row.final in index:
                counts[index[row.final]] += 1
            else:
                counts[-1] += 1
        totals = [a + b for a, b in zip(totals, counts)]
        table.append((perspective.label, tuple(counts), sum(counts)))
    return TermCounts(labels, tuple(table), (tuple(totals), sum(totals)))


def _fiscal(plan: Plan, snapshots: Sequence[Snapshot]) -> Fiscal:
    """財政効果 over the whole term: the movement sheet's computation with the last period as now."""
    last = snapshots[-1]
    result = MergeResult(plan=plan, period=last.period, records=[], findings=[], submissions=[], tally=Tally(),
                         history=list(snapshots[:-1]))
    return fiscal(result, list(snapshots[:-1]), last)


def done_status(plan: Plan) -> str | None:
    """The status that means a 取組 is finished: the scale's first status when it counts as on track
    (済 in the default scale, which lists the finished status first); None when the first is not."""
    statuses = plan.scale.statuses
    return statuses[0].name if statuses and statuses[0].on_track else None


def continuing(report: TermReport) -> tuple[TermRow, ...]:
    """The 取組 that carry into the next plan: in the plan at its end, not ended or merged, and not
    finished (their last status is not the finished one), in plan order."""
    done = done_status(report.plan)
    in_plan = {key(i.id) for i in report.plan.initiatives}
    return tuple(r for r in report.rows
                 if r.left is None and key(r.initiative_id) in in_plan and (done is None or r.final != done))
