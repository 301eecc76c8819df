"""Plan revisions during the term: the changes the plan master's 「計画の変更」 sheet records.

A :class:`PlanChange` says from which reporting period (適用時期) what happened to one 取組
(区分: 追加・終了・統合・番号変更・名称変更・所管課変更・事業変更). A :class:`PlanEntry` is one 取組 of
the plan as a master recorded it, so that a later period can tell what changed without a log line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gyokaku_xl.domain.model import Period, PeriodError, Plan, parse_fiscal_year, parse_period
from gyokaku_xl.domain.normalize import clean, key, nfkc
from gyokaku_xl.domain.tokens import CHANGE_KIND_WORDS, CHANGE_PERIOD_IGNORED

# --- kinds of change (identifiers; the words users read are in text/revisions) ------------------
ADD = "add"
END = "end"
MERGE = "merge"
RENUMBER = "renumber"
RENAME = "rename"
DEPARTMENT = "department"
PROGRAM = "program"
KINDS = (ADD, END, MERGE, RENUMBER, RENAME, DEPARTMENT, PROGRAM)
#: Kinds after which the 取組番号 is no longer in the plan.
LEAVING = frozenset({END, MERGE, RENUMBER})
#: Kinds that need a 変更後の取組番号.
NEEDS_NEW_ID = frozenset({MERGE, RENUMBER})
#: Kinds that bring a 取組番号 into the plan (the 取組番号, or the 変更後 of a 番号変更).
ARRIVING = frozenset({ADD, RENUMBER})


@dataclass(frozen=True)
class PlanChange:
    """One change of the plan, from ``period`` on.

    ``new_id`` is the 変更後の取組番号 (統合: the 取組 that continues; 番号変更: the new number).
    ``cell`` is where the log line is (``A5`` of 「計画の変更」); a change found by comparing the
    plan with the previous period's master has no cell and ``detected`` set.
    """

    period: Period
    kind: str
    initiative_id: str
    new_id: str = ""
    content: str = ""
    cell: str = ""
    row: int = 0
    detected: bool = False

    @property
    def arriving_id(self) -> str:
        """The number this change brings into the plan ('' when none)."""
        if self.kind == ADD:
            return self.initiative_id
        return self.new_id if self.kind == RENUMBER else ""

    @property
    def leaves(self) -> bool:
        """True when the 取組番号 leaves the plan with this change."""
        return self.kind in LEAVING


@dataclass(frozen=True)
class PlanEntry:
    """One 取組 of the plan as a master recorded it (the plan the master was made with)."""

    initiative_id: str
    program: str
    name: str
    department: str


def plan_entries(plan: Plan) -> tuple[PlanEntry, ...]:
    """The plan's 取組 as a master records them."""
    return tuple(PlanEntry(i.id, i.program, i.name, i.department) for i in plan.initiatives)


def sort_changes(changes: "tuple[PlanChange, ...] | list[PlanChange]") -> tuple[PlanChange, ...]:
    """Changes in the order they apply: by period, then as the sheet lists them."""
    return tuple(sorted(changes, key=lambda c: (c.period.order_key, c.detected, c.row)))


_BRACKETS = re.compile(CHANGE_PERIOD_IGNORED)


def parse_change_period(value: object) -> Period:
    """A 適用時期 written in one cell: ``令和4年度上半期``, ``R4 上半期``, ``2022 上半期``, ``令和4年度【上半期】``.

    The text is split where a fiscal year ends and a half begins (each read by the period parser).
    Raises :class:`~gyokaku_xl.domain.model.PeriodError` when it is no period.
    """
    text = _BRACKETS.sub("", nfkc(clean(value)))
    for cut in range(1, len(text)):
        try:
            return Period(parse_fiscal_year(text[:cut]), parse_period(text[cut:]))
        except PeriodError:
            continue
    raise PeriodError(str(value))


# the 区分 words the reader accepts (parse tokens, keyed by kind), matched after normalize.key
_KIND_KEYS = {key(word): kind for kind, words in CHANGE_KIND_WORDS.items() for word in words}


def change_kind(value: object) -> str | None:
    """The kind of change a 区分 cell names, None when it names none."""
    return _KIND_KEYS.get(key(value))
