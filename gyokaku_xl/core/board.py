"""The 「提出状況」 board of the control workbook: one row per 所管課, what needs action first (pure).

The state of a department comes from the same validation and consolidation ``check`` and ``merge``
run (:class:`~gyokaku_xl.domain.records.Submission`), derived by the one function the console and
督促 use too (:func:`gyokaku_xl.core.chase.reply_state`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from gyokaku_xl.core.chase import reply_state
from gyokaku_xl.domain.records import MergeResult
from gyokaku_xl import text as g
from gyokaku_xl.text import control as c


@dataclass(frozen=True)
class BoardRow:
    """One department on the board."""

    department: str
    state: str  # one of text.control.BOARD_STATES
    file: str = ""
    saved: str = ""  # when the file was saved, "YYYY-MM-DD HH:MM"
    errors: int = 0
    warnings: int = 0
    deadline: str = ""
    note: str = ""


@dataclass(frozen=True)
class Board:
    """The board: rows in the order that needs action first, and the count of each state."""

    rows: tuple[BoardRow, ...]
    counts: dict[str, int]
    period: str = ""  # the period's label


#: The board's order: what needs action first (then plan order within a state).
_ORDER = {state: index for index, state in enumerate(c.BOARD_STATES)}


def build_board(result: MergeResult, saved: dict[str, str] | None = None, deadline: str = "") -> Board:
    """The board of a check or merge: one row per department of ``result`` (the plan's, in plan
    order, when a plan master was used), sorted so that what needs action comes first.

    ``saved`` gives each submitted file's saved time by file name; ``deadline`` the 回答期限 text.
    """
    saved = saved or {}
    rows = []
    for s in result.submissions:
        state = reply_state(s)
        note = c.BOARD_STATE_NOTES[state] + (g.PARENTHESIZED.format(s.note) if s.note else "")
        rows.append(BoardRow(department=s.department, state=state, file=s.file, saved=saved.get(s.file, ""),
                             errors=s.errors, warnings=s.warnings, deadline=deadline, note=note))
    rows.sort(key=lambda row: _ORDER[row.state])
    tally = Counter(row.state for row in rows)
    return Board(rows=tuple(rows), counts={state: tally.get(state, 0) for state in c.BOARD_STATES},
                 period=result.period.label)


def counts_text(board: Board) -> str:
    """``不受理 1・エラーあり 0・未提出 2・警告あり 1・受理 12``."""
    return c.BOARD_COUNTS_JOIN.join(c.BOARD_COUNTS.format(state=state, count=count)
                                    for state, count in board.counts.items())
