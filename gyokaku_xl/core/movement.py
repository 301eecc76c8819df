"""How the plan moved over its periods: 前期比較, 推移 and 財政効果 (pure; no files, no rendering).

Everything is computed from the earlier periods' :class:`~gyokaku_xl.domain.records.Snapshot` s (read
from the history folder) and the current :class:`~gyokaku_xl.domain.records.MergeResult`:

* :func:`compare` — each 取組 of the plan with the previous period's and this period's status and
  the kind of change (改善 / 悪化 / 変化 / 変化なし / 新規 / 報告なし), plus the 前期 × 今期 table.
  "On track" is the plan's 順調 column, so any status scale works.
* :func:`trend` — the status counts of every period, with the on-track share (plan's rounding).
* :func:`fiscal` — 財政効果額 per 事業 and per 取組の視点 for each fiscal year and in total, with
  targets and 達成率 where the plan master has them. A year's amount is what its latest period
  reported (年度末, else 下半期, else 上半期), the year's total to date; a 取組 whose latest report
  of the year has no amount keeps the one an earlier report of that year gave (``Fiscal.carried``,
  stated on the sheet). Amounts are ints bounded by ``model.MAX_AMOUNT``, so every total stays exact.
"""

from __future__ import annotations

from typing import Sequence

from gyokaku_xl import text as g
from gyokaku_xl.domain import revisions as rv
from gyokaku_xl.core.revisions import Followed, fiscal_notes, follow, known_names, left_in_year, trend_changes
from gyokaku_xl.domain.model import Period, Plan, Program, bounded_amount, share_percent
from gyokaku_xl.domain.normalize import key
from gyokaku_xl.domain.content import (CarriedAmount, Comparison, ComparisonRow, Fiscal, FiscalLine, Movement,
                                       Trend, TrendRow, YearLine)
from gyokaku_xl.domain.records import MergeResult, Snapshot, SnapshotRow, snapshot_of

def period_key(period: Period) -> tuple[int, int]:
    """Sort key of a period: fiscal year, then 上半期 < 下半期 < 年度末 (``Period.order_key``)."""
    return period.order_key


def earlier_periods(history: Sequence[Snapshot], current: Period) -> list[Snapshot]:
    """The snapshots of periods before ``current``, one per period (the last given wins), in order."""
    by_period: dict[Period, Snapshot] = {}
    for snapshot in history:
        if period_key(snapshot.period) < period_key(current):
            by_period[snapshot.period] = snapshot
    return [by_period[p] for p in sorted(by_period, key=period_key)]


# --- 前期比較 -------------------------------------------------------------------------------------
def change_of(plan: Plan, previous: str, current: str, *, _sets: tuple[frozenset, frozenset] | None = None) -> str:
    """The kind of change from status ``previous`` to ``current`` ('' = not reported)."""
    if not current:
        return g.CHANGE_NOT_REPORTED
    if not previous:
        return g.CHANGE_NEW
    if previous == current:
        return g.CHANGE_UNCHANGED
    names, on_track = _sets or (frozenset(plan.scale.names), frozenset(plan.scale.on_track))
    if previous not in names:  # a status of an older scale: a change, direction unknown
        return g.CHANGE_CHANGED
    was, now = previous in on_track, current in on_track
    if was == now:
        return g.CHANGE_CHANGED
    return g.CHANGE_IMPROVED if now else g.CHANGE_WORSENED


def compare(result: MergeResult, history: Sequence[Snapshot] | None = None,
            current: Snapshot | None = None) -> Comparison:
    """前期比較 of ``result`` against the latest earlier period in ``history`` (default ``result.history``)."""
    plan = result.plan
    history = result.history if history is None else history
    current = snapshot_of(result) if current is None else current
    earlier = earlier_periods(history, result.period)
    previous = earlier[-1] if earlier else None
    now = {r.initiative_id: r.status for r in current.rows}
    # the previous period under today's numbers (番号変更・統合・終了・追加 of the plan's 「計画の変更」)
    followed = follow(plan, previous, result.period) if previous is not None else None
    before = followed.statuses if followed is not None else {}
    rows = []
    sets = (frozenset(plan.scale.names), frozenset(plan.scale.on_track))
    for initiative in plan.initiatives:
        was, is_ = before.get(initiative.id, ""), now.get(initiative.id, "")
        change = change_of(plan, was, is_, _sets=sets) if previous is not None else ""
        notes = followed.notes.get(initiative.id, ()) if followed is not None else ()
        rows.append(ComparisonRow(initiative.id, initiative.name, plan.program_of(initiative).name,
                                  initiative.department, was, is_, change, g.SEP_DOT.join(notes)))
    if previous is None or followed is None:
        return Comparison(result.period, None, tuple(rows))
    rows += ended_rows(plan, followed, history)
    names = plan.scale.names
    older = tuple(dict.fromkeys(r.previous for r in rows if r.previous and r.previous not in names))
    added = (g.TRANSITION_ADDED,) if followed.added else ()
    ended = (g.TRANSITION_ENDED,) if followed.ended else ()
    row_labels = (*names, *older, *added, g.MOVEMENT_NONE_MARK)
    column_labels = (*names, *ended, g.MOVEMENT_NONE_MARK)
    r_index = {label: n for n, label in enumerate(row_labels[:-1])}
    c_index = {label: n for n, label in enumerate(column_labels[:-1])}
    matrix = [[0] * len(column_labels) for _ in row_labels]
    for row in rows:
        was = g.TRANSITION_ADDED if not row.previous and row.initiative_id in followed.added else row.previous
        is_ = g.TRANSITION_ENDED if row.change in (g.CHANGE_ENDED, g.CHANGE_MERGED) else row.current
        matrix[r_index.get(was, len(row_labels) - 1)][c_index.get(is_, len(column_labels) - 1)] += 1
    left = {g.CHANGE_MERGED if c.kind == rv.MERGE else g.CHANGE_ENDED for _i, _s, c in followed.ended}
    kinds = (*g.CHANGES, *(k for k in (g.CHANGE_ENDED, g.CHANGE_MERGED) if k in left))
    counts = tuple((change, sum(1 for r in rows if r.change == change)) for change in kinds)
    return Comparison(result.period, previous.period, tuple(rows), row_labels, column_labels,
                      tuple(tuple(r) for r in matrix), counts)


def ended_rows(plan: Plan, followed: Followed, history: Sequence[Snapshot]) -> list[ComparisonRow]:
    """A row for each 取組 that ended since the previous period: change 終了, its 内容 as the note."""
    names = known_names(plan, history)
    rows = []
    for ident, status, change in followed.ended:
        entry = names.get(key(ident))
        program = entry.program if entry else ""
        try:
            program_name = plan.program(program).name
        except KeyError:
            program_name = program
        if change.kind == rv.MERGE:
            kind = g.CHANGE_MERGED
            note = g.SEP_DOT.join(n for n in (g.NOTE_MERGED_INTO.format(new=change.new_id), change.content) if n)
        else:
            kind, note = g.CHANGE_ENDED, change.content or g.KIND_LABELS[change.kind]
        rows.append(ComparisonRow(ident, entry.name if entry else "", program_name,
                                  entry.department if entry else "", status, "", kind, note))
    return rows


# --- 推移 -----------------------------------------------------------------------------------------
def _trend_row(plan: Plan, snapshot: Snapshot, has_other: bool, is_current: bool) -> TrendRow:
    names = plan.scale.names
    index = {name: n for n, name in enumerate(names)}
    good = frozenset(plan.scale.on_track)
    counts = [0] * (len(names) + (1 if has_other else 0))
    on_track = 0
    for row in snapshot.rows:
        n = index.get(row.status)
        if n is None:
            counts[-1] += 1
            continue
        counts[n] += 1
        on_track += row.status in good
    total = len(snapshot.rows)
    return TrendRow(snapshot.period, tuple(counts), total, on_track,
                    share_percent(on_track, total, plan.rounding), is_current)


def trend(result: MergeResult, history: Sequence[Snapshot] | None = None,
          current: Snapshot | None = None) -> Trend:
    """推移 of the earlier periods in ``history`` (default ``result.history``) and the current one."""
    plan = result.plan
    history = result.history if history is None else history
    current = snapshot_of(result) if current is None else current
    snapshots = [*earlier_periods(history, result.period), current]
    names = set(plan.scale.names)
    has_other = any(r.status not in names for s in snapshots for r in s.rows)
    statuses = plan.scale.names + ((g.MOVEMENT_TREND_OTHER,) if has_other else ())
    rows = tuple(_trend_row(plan, s, has_other, s is current) for s in snapshots)
    reported = {r.initiative_id for r in current.rows}
    return Trend(statuses, rows, has_other, trend_changes(plan, [s.period for s in snapshots]),
                 not_reported=sum(1 for i in plan.initiatives if i.id not in reported))


# --- 財政効果 -------------------------------------------------------------------------------------
def year_snapshots(snapshots: Sequence[Snapshot]) -> list[Snapshot]:
    """Per fiscal year, the latest period's snapshot (年度末, else 下半期, else 上半期), by year."""
    latest: dict[int, Snapshot] = {}
    for snapshot in snapshots:
        year = snapshot.period.fiscal_year
        if year not in latest or period_key(snapshot.period) >= period_key(latest[year].period):
            latest[year] = snapshot
    return [latest[y] for y in sorted(latest)]


def year_rows(plan: Plan, snapshots: Sequence[Snapshot]) -> tuple[list[Snapshot], list[list[SnapshotRow]],
                                                                   list[CarriedAmount]]:
    """Per fiscal year: its latest snapshot (:func:`year_snapshots`), the rows whose amounts make the
    year's figure, and the amounts carried from an earlier report of the year.

    The latest report's rows come first, with those of 取組 that ended or were merged in the year
    after reporting (:func:`~gyokaku_xl.core.revisions.left_in_year`); a 取組 without an amount in
    either (blank, or not reported) takes the latest earlier report of the same year that has one.
    """
    by_year: dict[int, list[Snapshot]] = {}
    for snapshot in sorted(snapshots, key=lambda s: period_key(s.period)):
        by_year.setdefault(snapshot.period.fiscal_year, []).append(snapshot)
    chosen, rows, carried = year_snapshots(snapshots), [], []
    for latest, ended in zip(chosen, left_in_year(plan, snapshots, chosen)):
        used = [*latest.rows, *ended]
        have = {r.initiative_id for r in used if bounded_amount(r.fiscal_effect) is not None}
        for earlier in reversed([s for s in by_year[latest.period.fiscal_year] if s is not latest]):
            for row in earlier.rows:
                amount = bounded_amount(row.fiscal_effect)
                if amount is None or row.initiative_id in have:
                    continue
                have.add(row.initiative_id)
                used.append(row)
                initiative = plan.find_initiative(row.initiative_id)
                carried.append(CarriedAmount(row.initiative_id, initiative.name if initiative else "",
                                             latest.period, earlier.period, amount))
        rows.append(used)
    return chosen, rows, carried


def _rate(achieved: int, target: int | None, rounding: str) -> int | None:
    return share_percent(achieved, target, rounding) if target else None


def _add(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    return a if b is None else a + b


def _program_of_row(plan: Plan, row: SnapshotRow) -> Program | None:
    """The current plan's 事業 of a reported row: by its 取組 (as the plan has it now), else by 事業番号."""
    try:
        return plan.program_of(plan.initiative(row.initiative_id))
    except KeyError:
        pass
    initiative = plan.find_initiative(row.initiative_id)
    if initiative is not None:
        return plan.program_of(initiative)
    try:
        return plan.program(row.program)
    except KeyError:
        return None


def _line(labels: tuple[str, ...], amounts: list[int | None], target: int | None,
          achieved: int, rounding: str) -> FiscalLine:
    cumulative = sum(a for a in amounts if a is not None)
    return FiscalLine(labels, tuple(amounts), cumulative, target, _rate(achieved, target, rounding))


def fiscal(result: MergeResult, history: Sequence[Snapshot] | None = None,
           current: Snapshot | None = None) -> Fiscal:
    """財政効果 from the earlier periods in ``history`` (default ``result.history``) and this one."""
    plan = result.plan
    history = result.history if history is None else history
    current = snapshot_of(result) if current is None else current
    every = [*earlier_periods(history, result.period), current]
    chosen, rows_of_year, carried = year_rows(plan, every)
    ordered = [p for perspective in plan.perspectives for p in plan.programs_of(perspective.number)]
    index = {p.number: n for n, p in enumerate(ordered)}
    per_program: list[list[int | None]] = [[None] * len(chosen) for _ in ordered]
    unmatched = 0
    for y, year_rows_used in enumerate(rows_of_year):
        for row in year_rows_used:
            amount = bounded_amount(row.fiscal_effect)
            if amount is None:
                continue
            program = _program_of_row(plan, row)
            if program is None:
                unmatched += amount
                continue
            cells = per_program[index[program.number]]
            cells[y] = _add(cells[y], amount)
    rounding = plan.rounding
    programs = []
    cumulative = {}
    for program, amounts in zip(ordered, per_program):
        line = _line((program.number, program.name, program.department), amounts, program.target,
                     sum(a for a in amounts if a is not None), rounding)
        cumulative[program.number] = line.cumulative
        programs.append(line)

    def group(labels: tuple[str, ...], members: Sequence[Program]) -> FiscalLine:
        amounts: list[int | None] = [None] * len(chosen)
        for p in members:
            for y, a in enumerate(per_program[index[p.number]]):
                amounts[y] = _add(amounts[y], a)
        with_target = [p for p in members if p.target is not None]
        target = sum(p.target for p in with_target) if with_target else None  # type: ignore[misc]
        achieved = sum(cumulative[p.number] for p in with_target)
        return _line(labels, amounts, target, achieved, rounding)

    perspectives = tuple(group((p.label,), plan.programs_of(p.number)) for p in plan.perspectives
                         if plan.programs_of(p.number))
    total = group((g.MOVEMENT_FISCAL_PLAN_TOTAL,), ordered)
    targets = [p.target for p in ordered]
    by_year = _by_year(plan, chosen, [sum(a[y] or 0 for a in per_program) if any(a[y] is not None for a in per_program)
                                      else None for y in range(len(chosen))])
    return Fiscal(
        years=tuple(s.period for s in chosen), programs=tuple(programs), perspectives=perspectives,
        total=total, by_year=by_year, has_targets=any(t is not None for t in targets),
        partial_targets=any(t is not None for t in targets) and any(t is None for t in targets),
        unmatched=unmatched, any_amount=any(a is not None for line in per_program for a in line),
        carried=tuple(carried), notes=fiscal_notes(plan, every, result.period))


def _by_year(plan: Plan, chosen: Sequence[Snapshot], amounts: Sequence[int | None]) -> tuple[YearLine, ...]:
    """Each year reported or targeted, against the plan's yearly targets (empty without targets)."""
    if not plan.fiscal_targets:
        return ()
    reported = {s.period.fiscal_year: a for s, a in zip(chosen, amounts)}
    lines = []
    cumulative = cumulative_target = 0
    for year in sorted(set(reported) | set(plan.fiscal_targets)):
        amount, target = reported.get(year), plan.fiscal_targets.get(year)
        cumulative += amount or 0
        cumulative_target += target or 0
        lines.append(YearLine(year, amount, target, _rate(amount or 0, target, plan.rounding), cumulative,
                              cumulative_target, _rate(cumulative, cumulative_target, plan.rounding)))
    return tuple(lines)


# --- everything at once ------------------------------------------------------------------------------
def build_movement(result: MergeResult, history: Sequence[Snapshot] | None = None) -> Movement:
    """前期比較, 推移 and 財政効果 of ``result`` with ``history`` (default ``result.history``)."""
    current = snapshot_of(result)
    history = result.history if history is None else history
    return Movement(compare(result, history, current), trend(result, history, current),
                    fiscal(result, history, current))


def comparison_summary(comparison: Comparison) -> str:
    """The console line: 「前期比較: 令和3年度上半期 と比較（改善 2・悪化 1）」."""
    if comparison.previous is None:
        return g.SUMMARY_COMPARISON_NONE
    parts = g.SEP_DOT.join(g.MOVEMENT_CHANGE_PART.format(change=c, count=comparison.count(c))
                      for c in (g.CHANGE_IMPROVED, g.CHANGE_WORSENED))
    return g.SUMMARY_COMPARISON_LINE.format(previous=comparison.previous.file_label, parts=parts)
