"""Plan revisions, pure: the plan in force at a period, what became of an earlier period's 取組,
earlier snapshots re-keyed to today's numbers, and the changes a plan master forgot to log.

Nothing here reads a file: the changes come with the :class:`~gyokaku_xl.domain.model.Plan`
(its 「計画の変更」 sheet) and the earlier periods as :class:`~gyokaku_xl.domain.records.Snapshot` s.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from gyokaku_xl import text as g
from gyokaku_xl.domain import revisions as rv
from gyokaku_xl.domain.content import ChangeLine, RevisionView
from gyokaku_xl.domain.findings import INFO, WARNING, Finding, make
from gyokaku_xl.domain.model import Initiative, Period, Plan
from gyokaku_xl.domain.normalize import key
from gyokaku_xl.domain.records import Snapshot, SnapshotRow
from gyokaku_xl.domain.revisions import PlanChange, PlanEntry


def _between(change: PlanChange, after: Period | None, upto: Period) -> bool:
    """True when ``change`` applies after ``after`` (exclusive; None = from the start) up to ``upto``."""
    k = change.period.order_key
    return (after is None or k > after.order_key) and k <= upto.order_key


def changes_between(plan: Plan, after: Period | None, upto: Period) -> tuple[PlanChange, ...]:
    """The plan's changes that apply after ``after`` up to and including ``upto``, in order."""
    return tuple(c for c in rv.sort_changes(plan.changes) if _between(c, after, upto))


def in_force(plan: Plan, period: Period) -> Plan:
    """The plan as it stands at ``period``: a 取組 that ended, was merged or renumbered at or before
    it is left out (kept in ``retired``), one added later too; a 番号変更 after the period shows the
    取組 under its number of the time. The changes stay with the plan."""
    changes = rv.sort_changes(plan.changes)
    leaving = {key(c.initiative_id) for c in changes if c.leaves and c.period.order_key <= period.order_key}
    later = {key(c.arriving_id): c for c in changes
             if c.arriving_id and c.period.order_key > period.order_key}
    listed = {key(i.id) for i in plan.initiatives}
    kept: list[Initiative] = []
    retired = list(plan.retired)
    for initiative in plan.initiatives:
        k = key(initiative.id)
        if k in leaving:
            retired.append(initiative)
            continue
        change = later.get(k)
        if change is not None:
            old = _number_at(change, changes, period)
            if old and key(old) not in listed:
                kept.append(replace(initiative, id=old))
            continue
        kept.append(initiative)
    ids = {i.id for i in kept}
    aliases = tuple((c.initiative_id, f.initiative_id) for c in changes
                    if c.kind == rv.RENUMBER and c.period.order_key <= period.order_key
                    for f in [fate(c.initiative_id, changes, None, period)]
                    if f.renumbered and f.initiative_id in ids)
    if not aliases and len(kept) == len(plan.initiatives) and all(a is b for a, b in zip(kept, plan.initiatives)):
        return plan
    return replace(plan, initiatives=tuple(kept), retired=tuple(retired), aliases=aliases)


def renumbered_at(plan: Plan, typed: object) -> str:
    """The period label of the 番号変更 that renumbered ``typed`` ('' when none did)."""
    k = key(typed)
    return next((c.period.label for c in rv.sort_changes(plan.changes)
                 if c.kind == rv.RENUMBER and key(c.initiative_id) == k), "")


def left_plan(plan: Plan, typed: object, period: Period | None) -> PlanChange | None:
    """The 終了 or 統合 (at or before ``period``) that took the 取組 numbered ``typed`` out of the plan."""
    k = key(typed)
    for change in rv.sort_changes(plan.changes):
        if (change.kind in (rv.END, rv.MERGE) and key(change.initiative_id) == k
                and (period is None or change.period.order_key <= period.order_key)):
            return change
    return None


def _number_at(change: PlanChange, changes: Sequence[PlanChange], period: Period) -> str:
    """The number a renumbered 取組 had at ``period`` ('' when it was added after it)."""
    if change.kind != rv.RENUMBER:
        return ""
    old = change.initiative_id
    for earlier in reversed(changes):  # a chain of renumberings after the period
        if (earlier.kind == rv.RENUMBER and earlier.period.order_key > period.order_key
                and key(earlier.new_id) == key(old) and earlier.period.order_key <= change.period.order_key
                and earlier is not change):
            old = earlier.initiative_id
    return old


# --- what became of a number -------------------------------------------------------------------
@dataclass(frozen=True)
class Fate:
    """What became of one 取組 between two periods: its number now ('' when it ended) and the
    changes followed, in order."""

    initiative_id: str
    via: tuple[PlanChange, ...] = ()

    @property
    def ended(self) -> PlanChange | None:
        """The 終了, when the 取組 ended."""
        return self.via[-1] if self.via and self.via[-1].kind == rv.END else None

    @property
    def merged(self) -> PlanChange | None:
        """The first 統合 on the way, when the 取組 was merged into another."""
        return next((c for c in self.via if c.kind == rv.MERGE), None)

    @property
    def renumbered(self) -> bool:
        """True when the 取組 only changed its number."""
        return bool(self.via) and all(c.kind == rv.RENUMBER for c in self.via)


def fate(initiative_id: str, changes: Iterable[PlanChange], after: Period | None, upto: Period) -> Fate:
    """Follow ``initiative_id`` through the 終了・統合・番号変更 applying after ``after`` up to ``upto``."""
    current = initiative_id
    via: list[PlanChange] = []
    for change in rv.sort_changes(list(changes)):
        if not change.leaves or not _between(change, after, upto) or key(change.initiative_id) != key(current):
            continue
        via.append(change)
        if change.kind == rv.END:
            return Fate("", tuple(via))
        current = change.new_id
    return Fate(current, tuple(via))


def known_names(plan: Plan, snapshots: Iterable[Snapshot] = ()) -> dict[str, PlanEntry]:
    """Every 取組 the plan or an earlier master knows, by number: the plan (also retired ones) first."""
    found: dict[str, PlanEntry] = {}
    for i in (*plan.initiatives, *plan.retired):
        found.setdefault(key(i.id), PlanEntry(i.id, i.program, i.name, i.department))
    for snapshot in reversed(list(snapshots)):
        for e in snapshot.plan:
            found.setdefault(key(e.initiative_id), e)
    return found


# --- an earlier period seen with today's numbers ------------------------------------------------
@dataclass(frozen=True)
class Followed:
    """An earlier period's statuses under today's numbers.

    ``statuses``: current number → the status that period (its own row, or the row of the number it
    had then); ``notes``: current number → what happened (番号変更, 統合); ``ended``: the rows of
    取組 that ended (or whose successor is not in the plan) with their change; ``added``: numbers
    added since.
    """

    statuses: dict[str, str]
    notes: dict[str, tuple[str, ...]]
    ended: tuple[tuple[str, str, PlanChange], ...]  # (number then, status then, change)
    added: frozenset[str] = frozenset()


def follow(plan: Plan, previous: Snapshot, current: Period) -> Followed:
    """``previous`` (an earlier period) under the numbers of ``plan`` at ``current``."""
    changes = changes_between(plan, previous.period, current)
    statuses: dict[str, str] = {}
    notes: dict[str, list[str]] = {}
    ended: list[tuple[str, str, PlanChange]] = []
    moved: list[tuple[SnapshotRow, Fate]] = []
    for row in previous.rows:
        f = fate(row.initiative_id, changes, None, current)
        if not f.via:
            statuses[row.initiative_id] = row.status
        else:
            moved.append((row, f))
    in_plan = {key(i.id): i.id for i in plan.initiatives}
    for row, f in moved:
        now = in_plan.get(key(f.initiative_id)) if f.initiative_id else None
        if f.ended is not None or now is None:
            ended.append((row.initiative_id, row.status, f.ended or f.via[-1]))
        elif f.merged is not None:  # the successor notes it; the merged 取組 keeps a row of its own
            notes.setdefault(now, []).append(g.NOTE_MERGED_FROM.format(old=row.initiative_id, status=row.status))
            ended.append((row.initiative_id, row.status, f.merged))
        else:
            statuses.setdefault(now, row.status)
            notes.setdefault(now, []).append(g.NOTE_RENUMBERED_FROM.format(old=row.initiative_id))
    reported = {key(r.initiative_id) for r in previous.rows}
    for change in changes:  # ended without a report that period: still a row that says so
        if change.kind == rv.END and key(change.initiative_id) not in reported \
                and fate(change.initiative_id, changes, None, current).ended is change:
            ended.append((change.initiative_id, "", change))
    added = frozenset(in_plan[key(c.initiative_id)] for c in changes
                      if c.kind == rv.ADD and key(c.initiative_id) in in_plan)
    for change in changes:
        if change.kind == rv.ADD and key(change.initiative_id) in in_plan:
            notes.setdefault(in_plan[key(change.initiative_id)], []).append(
                g.NOTE_ADDED.format(period=change.period.label))
    return Followed(statuses, {k: tuple(v) for k, v in notes.items()}, tuple(ended), added)


def carry(previous: Snapshot, plan: Plan, current: Period) -> Snapshot:
    """``previous`` re-keyed to the numbers of ``plan`` at ``current``, for carry-over forms.

    A renumbered 取組 carries its row under the new number; a merged one's texts are added to its
    successor's (each headed by the old number) and, when the successor had no row, its status is
    the predecessors'. Rows of ended 取組 are left out.
    """
    changes = changes_between(plan, previous.period, current)
    if not changes:
        return previous
    rows: dict[str, SnapshotRow] = {}
    merged: dict[str, list[SnapshotRow]] = {}
    for row in previous.rows:
        f = fate(row.initiative_id, changes, None, current)
        if not f.via:
            rows[row.initiative_id] = row
        elif f.ended is None and f.merged is not None:
            merged.setdefault(f.initiative_id, []).append(row)
        elif f.ended is None:
            rows.setdefault(f.initiative_id, replace(row, initiative_id=f.initiative_id))
    for successor, predecessors in merged.items():
        base = rows.get(successor)
        texts = {}
        for name in ("progress", "next_steps", "delay_reason"):
            parts = [getattr(base, name)] if base is not None and getattr(base, name) else []
            parts += [g.CARRY_MERGED_TEXT.format(old=p.initiative_id, text=getattr(p, name))
                      for p in predecessors if getattr(p, name)]
            texts[name] = "\n".join(parts)
        status = base.status if base is not None else g.SEP_DOT.join(
            dict.fromkeys(p.status for p in predecessors if p.status))
        first = base or predecessors[0]
        rows[successor] = replace(first, initiative_id=successor, status=status, **texts)
    order = {i.id: n for n, i in enumerate(plan.initiatives)}
    ordered = sorted(rows.values(), key=lambda r: order.get(r.initiative_id, len(order)))
    return replace(previous, rows=tuple(ordered))


# --- changes the plan master did not log ----------------------------------------------------------
def unlogged_changes(plan: Plan, previous: Snapshot, current: Period,
                     file: str = "") -> tuple[list[Finding], list[PlanChange]]:
    """Compare the plan ``previous`` was made with (its recorded 取組, else the 取組 it reported) with
    ``plan`` at ``current``: a 取組 that left or arrived without a log line is a 警告, a changed
    取組名・所管課・事業 an 情報. Returns the findings and the changes found (``detected``)."""
    recorded = bool(previous.plan)
    entries = previous.plan or tuple(PlanEntry(r.initiative_id, r.program, "", r.department)
                                     for r in previous.rows)
    changes = changes_between(plan, previous.period, current)
    now = {key(i.id): i for i in plan.initiatives}
    arriving = {key(c.arriving_id) for c in changes if c.arriving_id}
    kinds_logged = {(key(c.initiative_id), c.kind) for c in changes}
    findings: list[Finding] = []
    detected: list[PlanChange] = []
    gone: list[PlanEntry] = []
    survivors: list[tuple[PlanEntry, Initiative]] = []
    for entry in entries:
        f = fate(entry.initiative_id, changes, None, current)
        if f.ended is not None or f.merged is not None:
            continue
        initiative = now.get(key(f.initiative_id))
        if initiative is None:
            if not f.via:
                gone.append(entry)
            continue
        survivors.append((entry, initiative))
    before = {key(e.initiative_id) for e in entries}
    appeared = [i for i in plan.initiatives if key(i.id) not in before and key(i.id) not in arriving] \
        if recorded else []
    previous_label = previous.period.label
    for change in changes:  # a 追加 of a number the previous period's plan already had
        if recorded and change.kind == rv.ADD and not change.detected and key(change.initiative_id) in before:
            findings.append(make("plan-change-add-existing", WARNING, file=file, sheet=g.PLAN_SHEET_CHANGES,
                                 cell=change.cell, row=change.row or None, value=change.initiative_id,
                                 period=change.period.label))
    for entry in gone:
        twin = next((i for i in appeared if entry.name and key(i.name) == key(entry.name)), None)
        if twin is not None:
            appeared.remove(twin)
            findings.append(make("plan-unlogged-renumbered", WARNING, file=file, sheet=g.PLAN_SHEET_INITIATIVES,
                                 value=entry.initiative_id, initiative_id=twin.id, new=twin.id))
            detected.append(PlanChange(current, rv.RENUMBER, entry.initiative_id, twin.id,
                                       g.DETECTED_CONTENT, detected=True))
            survivors.append((entry, twin))
            continue
        findings.append(make("plan-unlogged-removed", WARNING, file=file, sheet=g.PLAN_SHEET_INITIATIVES,
                             value=entry.initiative_id, initiative_id=entry.initiative_id))
        detected.append(PlanChange(current, rv.END, entry.initiative_id, "", g.DETECTED_CONTENT, detected=True))
    for initiative in appeared:
        findings.append(make("plan-unlogged-added", WARNING, file=file, sheet=g.PLAN_SHEET_INITIATIVES,
                             value=initiative.id, initiative_id=initiative.id, previous=previous_label))
        detected.append(PlanChange(current, rv.ADD, initiative.id, "", g.DETECTED_CONTENT, detected=True))
    if recorded:
        for entry, initiative in survivors:
            k = key(initiative.id)
            for kind, code, was, is_ in (
                    (rv.RENAME, "plan-unlogged-renamed", entry.name, initiative.name),
                    (rv.DEPARTMENT, "plan-unlogged-department", entry.department, initiative.department),
                    (rv.PROGRAM, "plan-unlogged-program", entry.program, initiative.program)):
                if key(was) == key(is_) or (k, kind) in kinds_logged \
                        or (key(entry.initiative_id), kind) in kinds_logged:
                    continue
                findings.append(make(code, INFO, file=file, sheet=g.PLAN_SHEET_INITIATIVES, value=initiative.id,
                                     initiative_id=initiative.id, previous=previous_label, before=was,
                                     after=is_))
                detected.append(PlanChange(current, kind, initiative.id, "",
                                           g.DETECTED_CHANGE_CONTENT.format(before=was, after=is_),
                                           detected=True))
    return findings, detected


# --- what the 「計画の変更」 sheet and the 資料1-1 note show ------------------------------------------
def previous_period(history: Sequence[Snapshot], current: Period) -> Period | None:
    """The latest period of ``history`` before ``current``."""
    earlier = [s.period for s in history if s.period.order_key < current.order_key]
    return max(earlier, key=lambda p: p.order_key) if earlier else None


def revision_view(plan: Plan, current: Period, history: Sequence[Snapshot] = ()) -> RevisionView:
    """The changes of ``plan`` up to ``current``; this period's are those after the latest earlier
    period of ``history`` (just ``current``'s without one)."""
    names = known_names(plan, history)
    before = previous_period(history, current)
    lines = []
    for c in rv.sort_changes(plan.changes):
        if c.period.order_key > current.order_key:
            continue
        entry = names.get(key(c.initiative_id)) or names.get(key(c.new_id))
        lines.append(ChangeLine(c.period, c.kind, c.initiative_id, c.new_id, entry.name if entry else "",
                                c.content, c.detected))
    if before is None:
        now = tuple(line for line in lines if line.period == current)
    else:
        now = tuple(line for line in lines if line.period.order_key > before.order_key)
    return RevisionView(current, now, tuple(lines))


def revision_lines(view: RevisionView) -> list[str]:
    """The console (and button) line naming this period's changes (none when there are none)."""
    if not view.this_period:
        return []
    parts = []
    for line in view.this_period:
        ids = g.ID_ARROW.format(old=line.initiative_id, new=line.new_id) if line.new_id else line.initiative_id
        mark = g.CONSOLE_DETECTED_MARK if line.detected else ""
        parts.append(f"{g.KIND_LABELS[line.kind]} {ids}{mark}")
    return [g.CONSOLE_REVISIONS.format(parts=g.SEP_LIST.join(parts), sheet=g.SHEET_REVISIONS)]


def summary_note(view: RevisionView) -> str:
    """The one 資料1-1 line when changes took effect this period ('' when none)."""
    parts = [g.SUMMARY_NOTE_PARTS[kind].format(count=view.count(kind)) for kind in rv.KINDS if view.count(kind)]
    return g.SUMMARY_NOTE.format(parts=g.SEP_LIST.join(parts), sheet=g.SHEET_REVISIONS) if parts else ""


def fiscal_notes(plan: Plan, snapshots: Sequence[Snapshot], current: Period) -> tuple[str, ...]:
    """Where 財政効果 of merged and ended 取組 is counted (only when such a 取組 reported an amount)."""
    reported = {key(r.initiative_id) for s in snapshots for r in s.rows if r.fiscal_effect}
    changes = changes_between(plan, None, current)
    merged = [g.ID_ARROW.format(old=c.initiative_id, new=c.new_id) for c in changes
              if c.kind == rv.MERGE and key(c.initiative_id) in reported]
    ended = [c.initiative_id for c in changes if c.kind == rv.END and key(c.initiative_id) in reported]
    notes = []
    if merged:
        notes.append(g.FISCAL_MERGED_NOTE.format(pairs=g.SEP_LIST.join(merged)))
    if ended:
        notes.append(g.FISCAL_ENDED_NOTE.format(ids=g.SEP_LIST.join(ended)))
    return tuple(notes)


def left_in_year(plan: Plan, snapshots: Sequence[Snapshot],
                 chosen: Sequence[Snapshot]) -> list[tuple[SnapshotRow, ...]]:
    """For each year's chosen snapshot, the rows of 取組 that ended or were merged within that year
    after reporting in an earlier period of it: their amounts still count for the year."""
    out = []
    for snapshot in chosen:
        present = {key(r.initiative_id) for r in snapshot.rows}
        extra: dict[str, SnapshotRow] = {}
        for earlier in sorted(snapshots, key=lambda x: x.period.order_key):
            if (earlier.period.fiscal_year != snapshot.period.fiscal_year
                    or earlier.period.order_key >= snapshot.period.order_key):
                continue
            for row in earlier.rows:
                if key(row.initiative_id) in present:
                    continue
                f = fate(row.initiative_id, plan.changes, earlier.period, snapshot.period)
                if f.ended is not None or f.merged is not None:
                    extra[key(row.initiative_id)] = row
        out.append(tuple(extra.values()))
    return out


def trend_changes(plan: Plan, periods: Sequence[Period]) -> tuple[tuple[Period, int, int], ...]:
    """For each period (oldest first) the 取組 added and ended (終了・統合) since the one before."""
    out = []
    before: Period | None = None
    for period in periods:
        changes = changes_between(plan, before, period)
        added = sum(1 for c in changes if c.kind == rv.ADD)
        ended = sum(1 for c in changes if c.kind in (rv.END, rv.MERGE))
        if added or ended:
            out.append((period, added, ended))
        before = period
    return tuple(out)
