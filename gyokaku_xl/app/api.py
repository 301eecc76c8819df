"""The Python API's tables: masters (集約結果) as pandas DataFrames, one row per 取組 and period.

For staff who analyse in Python or Jupyter what the office would otherwise rebuild by hand from
each period's 集約データ. The masters are read by :mod:`gyokaku_xl.reading.history` — the same
guarded reader a merge uses for its history — and nothing in the folder is written. pandas is
imported only here, when a table is asked for.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from gyokaku_xl import text as t
from gyokaku_xl import text as g
from gyokaku_xl.domain import schema
from gyokaku_xl.domain.findings import Finding, GyokakuError
from gyokaku_xl.domain.model import DEFAULT_SCALE, Plan, StatusScale
from gyokaku_xl.domain.records import Snapshot
from gyokaku_xl.reading import history
from gyokaku_xl.run.inputs import load_plan

if TYPE_CHECKING:
    import pandas as pd


def _label(key: str) -> str:
    return schema.COLUMNS_BY_KEY[key].label


#: The columns of every table, in order: (label, what fills it).
COLUMNS: tuple[str, ...] = (
    t.API_COL_PLAN, g.META_FISCAL_YEAR, t.API_COL_FISCAL_YEAR_AD, g.META_PERIOD,
    _label("initiative_id"), _label("initiative"), g.COL_PROGRAM_NUMBER, _label("program"),
    g.COL_PERSPECTIVE_NUMBER, _label("perspective"), g.COL_DEPARTMENT, _label("status"),
    g.PLAN_COL_ON_TRACK, _label("progress"), _label("next_steps"), _label("delay_reason"),
    _label("fiscal_effect"),
)


def read_master(path: str | Path, plan: str | Path | Plan | None = None) -> "pd.DataFrame":
    """One master (集約結果.xlsx) as a DataFrame, one row per 取組 it holds.

    ``plan`` (the plan master's path, or a :class:`Plan`) decides which statuses are 順調; without
    it the default scale's (済・概ね順調). A master of an earlier release comes with an 情報
    finding in ``frame.attrs["findings"]``. Raises :class:`GyokakuError` (one Japanese line) when
    the file is missing or cannot be read as a master.
    """
    path = Path(path)
    if not path.is_file():
        raise GyokakuError(t.API_NOT_FOUND.format(path=path))
    snapshot, finding = history.read_master(path)
    if snapshot is None:
        detail = finding.message if finding is not None else ""
        raise GyokakuError(t.API_NOT_A_MASTER.format(path=path, detail=detail))
    return _frame([snapshot], [finding] if finding is not None else [], _scale(plan))


def read_history(folder: str | Path, plan: str | Path | Plan | None = None) -> "pd.DataFrame":
    """Every master in a history folder as one DataFrame, one row per 取組 and period, oldest
    period first (masters of several plans side by side, told apart by the 計画 column).

    Files that are no usable master are skipped; the finding saying why each one was skipped is in
    ``frame.attrs["findings"]``. ``plan`` as for :func:`read_master`. Raises
    :class:`GyokakuError` (one Japanese line) only when the folder is missing or cannot be read.
    The folder is only read (its index is neither used nor written).
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise GyokakuError(t.API_NOT_A_FOLDER.format(path=folder))
    snapshots, findings = history.read_history(folder, None, None, use_index=False)
    for f in findings:
        if f.code == "history-unreadable" and f.file == str(folder):
            raise GyokakuError(t.API_FOLDER_UNREADABLE.format(path=folder, detail=f.message))
    return _frame(snapshots, findings, _scale(plan))


def _scale(plan: str | Path | Plan | None) -> StatusScale:
    if plan is None:
        return DEFAULT_SCALE
    if isinstance(plan, Plan):
        return plan.scale
    loaded, _findings = load_plan(plan)
    return loaded.scale


def _frame(snapshots: Iterable[Snapshot], findings: list[Finding], scale: StatusScale) -> "pd.DataFrame":
    import pandas as pd

    names, good = frozenset(scale.names), frozenset(scale.on_track)
    rows = []
    for s in snapshots:
        p = s.period
        for r in s.rows:
            rows.append((s.plan_name, p.year_label, p.fiscal_year, p.half, r.initiative_id, r.initiative_name,
                         r.program, r.program_name, r.perspective, r.perspective_label, r.department, r.status,
                         (r.status in good) if r.status in names else None, r.progress, r.next_steps,
                         r.delay_reason, r.fiscal_effect))
    frame = pd.DataFrame.from_records(rows, columns=list(COLUMNS))
    on_track, amount = g.PLAN_COL_ON_TRACK, _label("fiscal_effect")
    frame = frame.astype({t.API_COL_FISCAL_YEAR_AD: "int64", g.COL_PERSPECTIVE_NUMBER: "int64",
                          on_track: "boolean", amount: "Int64"})
    frame.attrs["findings"] = list(findings)
    return frame
