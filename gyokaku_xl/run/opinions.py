"""The committee's opinions as a run takes them in: the 委員意見 file given to ``template``, and the
opinions still without a reply in an earlier master (「意見と対応」) that travel to the next forms and
to the next 「意見と対応」."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from gyokaku_xl import text as g
from gyokaku_xl.core.opinions import still_open
from gyokaku_xl.domain.findings import Finding, GyokakuError
from gyokaku_xl.domain.limits import DEFAULT_LIMITS, Limits
from gyokaku_xl.domain.model import Plan
from gyokaku_xl.domain.opinions import Opinion, OpinionRow
from gyokaku_xl.domain.records import Snapshot
from gyokaku_xl.reading.opinions import read_master_opinions, read_opinions
from gyokaku_xl.reading.xlsx import ReadError, read_workbook


def committee_opinions(plan: Plan, path: str | Path | None,
                       limits: Limits = DEFAULT_LIMITS) -> tuple[list[Opinion], list[Finding]]:
    """The opinions of the 委員意見 file (none without one) and its warnings; a file that cannot be
    used at all (unreadable, no sheet, no header) raises :class:`GyokakuError` with its findings."""
    if path is None:
        return [], []
    source = Path(path)
    if not source.is_file():
        raise GyokakuError(g.FATAL_OPINIONS_UNUSABLE.format(path=source, detail=g.OPINIONS_NO_FILE))
    opinions, findings = read_opinions(source, plan, limits)
    errors = [f for f in findings if f.is_error]
    if errors:
        raise GyokakuError(g.FATAL_OPINIONS_UNUSABLE.format(path=source, detail=errors[0].message), findings)
    return opinions, findings


def earlier_opinion_rows(snapshots: Iterable[Snapshot], limits: Limits = DEFAULT_LIMITS) -> list[OpinionRow]:
    """The 「意見と対応」 rows of the earlier masters the snapshots were read from (oldest first); a
    master that cannot be read again gives none (the history read has said why)."""
    rows: list[OpinionRow] = []
    for snapshot in snapshots:
        if not snapshot.source:
            continue
        try:
            book = read_workbook(snapshot.source, (g.SHEET_OPINIONS,), limits)
        except ReadError:
            continue
        rows.extend(read_master_opinions(book, snapshot.period.label))
    return rows


def open_opinions_of(previous: Snapshot | None, limits: Limits = DEFAULT_LIMITS) -> list[Opinion]:
    """The opinions of the previous period's master still without a reply (none without one)."""
    if previous is None:
        return []
    return still_open(earlier_opinion_rows([previous], limits))
