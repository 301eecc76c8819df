"""Open data of the committee's opinions and the departments' replies (委員意見と対応_<期間>):
one row per opinion, from a merge result or from a written master's 「意見と対応」."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from gyokaku_xl import text as g
from gyokaku_xl.domain.limits import DEFAULT_LIMITS, Limits
from gyokaku_xl.domain.model import Period, era_label
from gyokaku_xl.domain.opinions import OpinionRow
from gyokaku_xl.reading.opinions import read_master_opinions
from gyokaku_xl.reading.xlsx import read_workbook


def opinions_stem(period: Period) -> str:
    """``委員意見と対応_令和3年度上半期``."""
    return g.OPENDATA_OPINIONS_STEM.format(period=period.file_label)


def opinions_table(period: Period, rows: Iterable[OpinionRow]) -> list[list[object]]:
    """Rows as :data:`gyokaku_xl.text.loop.OPENDATA_OPINIONS_COLUMNS` (this period's opinions only)."""
    return [[era_label(period.fiscal_year), period.fiscal_year, period.half, r.initiative_id,
             r.initiative_name, r.department, r.meeting, r.text, r.reply] for r in rows]


def opinion_rows_from_master(path: Path, period: Period, limits: Limits = DEFAULT_LIMITS) -> list[OpinionRow]:
    """The master's own opinions (its 「意見と対応」's rows of its period; open ones of earlier
    periods are published with their own period)."""
    book = read_workbook(path, (g.SHEET_OPINIONS,), limits)
    return [r for r in read_master_opinions(book, period.label) if r.period == period.label]
