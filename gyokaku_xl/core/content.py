"""The master's content, computed once per merge: 資料1-1, 前期比較・推移・財政効果, 意見と対応, 数値目標
and the plan's changes (計画の変更) (pure).

:mod:`gyokaku_xl.run.merge` calls :func:`master_content` once; the renderers draw what it returns
and the console reads the same from the run's outcome.
"""

from __future__ import annotations

from typing import Sequence

from gyokaku_xl.core.movement import build_movement
from gyokaku_xl.core.opinions import open_opinions, opinion_rows
from gyokaku_xl.core.revisions import revision_view
from gyokaku_xl.core.summary import build_summary
from gyokaku_xl.core.targets import build_targets
from gyokaku_xl.domain.content import MasterContent, OpinionContent
from gyokaku_xl.domain.records import MergeResult, Snapshot


def master_content(result: MergeResult, history: Sequence[Snapshot] | None = None) -> MasterContent:
    """資料1-1 of ``result``, its movement and the plan's changes against ``history`` (default
    ``result.history``), its committee opinions with the replies (and the earlier ones still open,
    ``result.earlier_opinions``) and, when the plan has indicators, its 数値目標 (each earlier fiscal
    year's 実績値 from the same history)."""
    history = result.history if history is None else history
    revisions = revision_view(result.plan, result.period, history)
    rows = opinion_rows(result)
    opinions = OpinionContent(tuple(rows), tuple(open_opinions(rows, result.earlier_opinions)))
    targets = build_targets(result, history) if result.plan.targets else None
    return MasterContent(build_summary(result, revisions), build_movement(result, history), revisions, opinions,
                         targets)
