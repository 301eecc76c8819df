"""The plan master's optional sheet 「計画の変更」: the log of the plan's changes during its term.

Columns (by label, any order): 適用時期・区分・取組番号・変更後の取組番号・内容. Each line is read into a
:class:`~gyokaku_xl.domain.revisions.PlanChange` and the log is checked as a whole, in the order the
changes apply: every problem is a plan finding (エラー) with its cell, and its line is not used.
"""

from __future__ import annotations

from typing import Callable, Mapping, Sequence

from gyokaku_xl import text as g
from gyokaku_xl.domain import revisions as rv
from gyokaku_xl.domain.findings import ERROR, Finding, make
from gyokaku_xl.domain.model import Initiative, PeriodError, era_label
from gyokaku_xl.domain.normalize import clean, key, nfkc
from gyokaku_xl.domain.revisions import PlanChange

#: Required and optional header labels of the sheet.
REQUIRED = (g.PLAN_COL_CHANGE_PERIOD, g.PLAN_COL_CHANGE_KIND, g.PLAN_COL_CHANGE_ID)
OPTIONAL = (g.PLAN_COL_CHANGE_NEW_ID, g.PLAN_COL_CHANGE_CONTENT)


def read_changes(rows: Sequence[tuple[int, Mapping[str, object]]], cell_of: Callable[[int, str], str],
                 initiatives: Sequence[Initiative], years: tuple[int, int] | None, file: str,
                 findings: list[Finding]) -> tuple[PlanChange, ...]:
    """The usable changes of the sheet's ``rows`` ((Excel row, label → value)); problems go to
    ``findings``. ``cell_of(row, label)`` names a cell; ``initiatives`` are the 取組 sheet's."""
    sheet = g.PLAN_SHEET_CHANGES
    parsed: list[PlanChange] = []
    for row, values in rows:
        def bad(code: str, where: str, **fields: object) -> None:
            findings.append(make(code, ERROR, file=file, sheet=sheet, cell=cell_of(row, where), row=row, **fields))

        raw_period = values.get(g.PLAN_COL_CHANGE_PERIOD)
        try:
            period = rv.parse_change_period(raw_period)
        except PeriodError:
            bad("plan-change-period-invalid", g.PLAN_COL_CHANGE_PERIOD, value=raw_period)
            continue
        if years is not None and not years[0] <= period.fiscal_year <= years[1]:
            bad("plan-change-period-outside", g.PLAN_COL_CHANGE_PERIOD, value=raw_period,
                first=era_label(years[0]), last=era_label(years[1]))
            continue
        raw_kind = values.get(g.PLAN_COL_CHANGE_KIND)
        kind = rv.change_kind(raw_kind)
        if kind is None:
            bad("plan-change-kind-unknown", g.PLAN_COL_CHANGE_KIND, value=raw_kind)
            continue
        ident = nfkc(clean(values.get(g.PLAN_COL_CHANGE_ID)))
        new_id = nfkc(clean(values.get(g.PLAN_COL_CHANGE_NEW_ID)))
        if not ident:
            bad("plan-change-id-missing", g.PLAN_COL_CHANGE_ID, kind=g.KIND_LABELS[kind], label=g.PLAN_COL_CHANGE_ID)
            continue
        if kind in rv.NEEDS_NEW_ID and not new_id:
            bad("plan-change-id-missing", g.PLAN_COL_CHANGE_NEW_ID, kind=g.KIND_LABELS[kind],
                label=g.PLAN_COL_CHANGE_NEW_ID, value=ident)
            continue
        parsed.append(PlanChange(period, kind, ident, new_id if kind in rv.NEEDS_NEW_ID else "",
                                 clean(values.get(g.PLAN_COL_CHANGE_CONTENT)),
                                 cell_of(row, g.PLAN_COL_CHANGE_ID), row))
    return _consistent(rv.sort_changes(parsed), initiatives, file, findings, cell_of)


def _consistent(changes: Sequence[PlanChange], initiatives: Sequence[Initiative], file: str,
                findings: list[Finding], cell_of: Callable[[int, str], str]) -> tuple[PlanChange, ...]:
    """The changes that fit together, replayed from the plan's start; the others are findings.

    The plan at its start is the 取組 sheet without what arrived later (追加, 番号変更の変更後) and
    with what left (終了・統合・番号変更 of a number no longer listed)."""
    sheet = g.PLAN_SHEET_CHANGES
    listed = {key(i.id) for i in initiatives}
    arriving = {key(c.arriving_id) for c in changes if c.arriving_id}
    alive = (listed | {key(c.initiative_id) for c in changes if c.leaves}) - arriving
    gone: dict[str, PlanChange] = {}
    used: list[PlanChange] = []
    arrived_at: dict[str, PlanChange] = {}

    for change in changes:
        def bad(code: str, where: str, value: str, **fields: object) -> None:
            findings.append(make(code, ERROR, file=file, sheet=sheet, cell=cell_of(change.row, where),
                                 row=change.row, value=value, period=change.period.label, **fields))

        ident = key(change.initiative_id)
        if change.kind != rv.ADD and ident not in alive:
            ended = gone.get(ident)
            if ended is not None:
                bad("plan-change-after-end", g.PLAN_COL_CHANGE_ID, change.initiative_id,
                    ended=ended.period.label, kind=g.KIND_LABELS[ended.kind])
            else:
                bad("plan-change-unknown-id", g.PLAN_COL_CHANGE_ID, change.initiative_id)
            continue
        if change.kind == rv.ADD and (ident in alive or ident in gone):
            bad("plan-change-add-existing", g.PLAN_COL_CHANGE_ID, change.initiative_id)
            continue
        new = key(change.new_id)
        if change.kind == rv.MERGE:
            if new in gone:
                ended = gone[new]
                bad("plan-change-merge-into-ended", g.PLAN_COL_CHANGE_NEW_ID, change.new_id,
                    ended=ended.period.label, kind=g.KIND_LABELS[ended.kind])
                continue
            if new not in alive or new == ident:
                bad("plan-change-unknown-id", g.PLAN_COL_CHANGE_NEW_ID, change.new_id)
                continue
        # both numbers on the 取組 sheet: two different 取組 (the sheet lists each 取組 once)
        if change.kind == rv.RENUMBER and (new in alive or new in gone or (new in listed and ident in listed)):
            bad("plan-change-number-in-use", g.PLAN_COL_CHANGE_NEW_ID, change.new_id)
            continue
        if change.leaves:
            alive.discard(ident)
            gone[ident] = change
        if change.arriving_id:
            alive.add(key(change.arriving_id))
            arrived_at[key(change.arriving_id)] = change
        used.append(change)
    for k, change in arrived_at.items():
        if k in alive and k not in listed:
            label = g.PLAN_COL_CHANGE_ID if change.kind == rv.ADD else g.PLAN_COL_CHANGE_NEW_ID
            findings.append(make("plan-change-not-listed", ERROR, file=file, sheet=sheet,
                                 cell=cell_of(change.row, label), row=change.row, value=change.arriving_id,
                                 period=change.period.label))
    return tuple(used)
