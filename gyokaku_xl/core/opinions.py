"""Committee opinions and replies over a period: the rows of 「意見と対応」 from the accepted
records, the opinions of earlier periods still without a reply, and the opinions a new form
carries (pure)."""

from __future__ import annotations

from typing import Iterable

from gyokaku_xl.domain.model import Plan
from gyokaku_xl.domain.normalize import clean, key
from gyokaku_xl.domain.opinions import Opinion, OpinionRow, parse_opinions
from gyokaku_xl.domain.records import MergeResult


def opinion_rows(result: MergeResult) -> list[OpinionRow]:
    """One row per opinion shown on an accepted form, in plan order, with the 取組's reply."""
    rows: list[OpinionRow] = []
    for record in result.records:
        reply = record.text("opinion_reply").strip()
        for opinion in parse_opinions(record.initiative.id, record.values.get("opinion")):
            rows.append(OpinionRow(record.initiative.id, record.initiative.name, record.department,
                                   opinion.meeting, opinion.text, reply, result.period.label))
    return rows


def _same(row: OpinionRow) -> tuple[str, str]:
    return key(row.initiative_id), key(row.text)


def open_opinions(current: Iterable[OpinionRow], earlier: Iterable[OpinionRow]) -> list[OpinionRow]:
    """Earlier opinions (``earlier`` oldest first) whose latest row has no reply and that this
    period's forms did not carry."""
    shown = {_same(r) for r in current}
    latest: dict[tuple[str, str], OpinionRow] = {}
    for row in earlier:
        latest[_same(row)] = row
    return [row for k, row in latest.items() if not clean(row.reply) and k not in shown]


def opinions_by_initiative(plan: Plan, opinions: Iterable[Opinion]) -> dict[str, list[Opinion]]:
    """取組番号 (the plan's) → its opinions without repeats, in the order given; opinions on 取組 no
    longer in the plan are left out."""
    result: dict[str, list[Opinion]] = {}
    seen: set[tuple[str, str]] = set()
    for opinion in opinions:
        initiative = plan.find_initiative(opinion.initiative_id)
        if initiative is None or (initiative.id, key(opinion.text)) in seen:
            continue
        seen.add((initiative.id, key(opinion.text)))
        result.setdefault(initiative.id, []).append(Opinion(initiative.id, opinion.text, opinion.meeting))
    return result


def still_open(rows: Iterable[OpinionRow]) -> list[Opinion]:
    """The opinions of an earlier master's rows whose reply is blank (to carry into new forms)."""
    return [row.opinion for row in rows if not clean(row.reply)]
