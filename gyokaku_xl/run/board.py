"""The 「提出状況」 board of an inbox: the validation ``check`` runs, with each file's saved time."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from gyokaku_xl.core.board import Board, build_board
from gyokaku_xl.domain.limits import DEFAULT_LIMITS, Limits
from gyokaku_xl.domain.loop import date_label, deadline_of
from gyokaku_xl.domain.model import Period, Plan
from gyokaku_xl.domain.outcome import RunOutcome
from gyokaku_xl.domain.records import MergeResult
from gyokaku_xl.run.check import check
from gyokaku_xl.run.inbox import Progress, source_paths

SAVED_FORMAT = "%Y-%m-%d %H:%M"


def refresh_board(inbox: str | Path, plan_path: str | Path | None = None, period: Period | None = None,
                  progress: Progress | None = None,
                  limits: Limits = DEFAULT_LIMITS) -> tuple[RunOutcome, Board]:
    """Validate the inbox exactly as ``check`` does (nothing is written) and make its board."""
    outcome = check(inbox, plan_path=plan_path, period=period, progress=progress, limits=limits)
    return outcome, board_of(outcome.result, inbox)


def board_of(result: MergeResult, inbox: str | Path) -> Board:
    """The board of a finished check, merge or remind of ``inbox`` (its merge result)."""
    paths = source_paths(Path(inbox))
    saved: dict[str, str] = {}
    for submission in result.submissions:
        path = paths.get(submission.file)
        if path:
            try:
                saved[submission.file] = datetime.fromtimestamp(Path(path).stat().st_mtime).strftime(SAVED_FORMAT)
            except OSError:  # gone since it was read: the board leaves the time blank
                pass
    return build_board(result, saved, deadline=deadline_text(result.plan))


def deadline_text(plan: Plan) -> str:
    """The plan's 回答期限 as the board shows it ('' when the plan has none)."""
    deadline = deadline_of(plan)
    return "" if deadline is None else date_label(deadline)
