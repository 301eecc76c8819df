"""Open data of 数値目標 from an existing master (``pdf --opendata``): one row per indicator, from the
master's 「数値目標」 sheet, with 視点 and 事業 from its 集約データ rows.

The same columns as the rows a merge writes (:func:`gyokaku_xl.core.targets.opendata_rows`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Mapping

from gyokaku_xl import text as g
from gyokaku_xl.domain.limits import DEFAULT_LIMITS, Limits
from gyokaku_xl.domain.model import Period, era_label
from gyokaku_xl.domain.normalize import clean, key
from gyokaku_xl.reading.targets import master_number, read_master_target_rows


def targets_rows_from_master(path: Path, period: Period, data_rows: Iterable[Mapping[str, object]],
                             limits: Limits = DEFAULT_LIMITS) -> list[list[object]]:
    """The indicator rows of the master at ``path`` (empty when it has no 数値目標 sheet)."""
    where = {key(row.get("initiative_id")): row for row in data_rows}
    table: list[list[object]] = []
    for row in read_master_target_rows(path, limits):
        data = where.get(key(row.get("initiative_id")), {})
        rating = clean(row.get("rating"))
        table.append([
            era_label(period.fiscal_year), period.fiscal_year, period.half,
            clean(data.get("perspective")), clean(data.get("program")), clean(row.get("department")),
            clean(row.get("initiative_id")), clean(row.get("initiative")), clean(row.get("indicator")),
            clean(row.get("unit")), clean(row.get("direction")), master_number(row.get("baseline")),
            master_number(row.get("target")), master_number(row.get("actual")), master_number(row.get("rate")),
            "" if rating == g.EMPTY else rating, clean(row.get("explanation")),
        ])
    return table
