"""Numeric targets across runs: the earlier periods' 実績値 (from the archived masters' 数値目標
sheets), the references a year-end form shows, and the indicator rows of the open data."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Sequence

from gyokaku_xl import text as g
from gyokaku_xl.core.targets import References, form_references, opendata_rows
from gyokaku_xl.domain.content import TargetsTable
from gyokaku_xl.domain.findings import WARNING, Finding, make
from gyokaku_xl.domain.limits import DEFAULT_LIMITS, Limits
from gyokaku_xl.domain.model import Period, Plan
from gyokaku_xl.domain.records import Snapshot
from gyokaku_xl.infra.atomic import atomic_write, output_folder
from gyokaku_xl.publish.opendata import write_csv, write_xlsx
from gyokaku_xl.reading.history import read_history
from gyokaku_xl.reading.targets import read_master_actuals
from gyokaku_xl.run.inputs import checked_history_folder, history_folder

#: Column widths of the indicator rows' open-data workbook.
OPENDATA_WIDTHS = (11, 9, 7, 22, 24, 16, 9, 28, 24, 7, 5, 10, 10, 10, 10, 6, 40)


def with_actuals(snapshots: Sequence[Snapshot], plan: Plan,
                 limits: Limits = DEFAULT_LIMITS) -> tuple[list[Snapshot], list[Finding]]:
    """``snapshots`` with the 実績値 their masters' 数値目標 sheets show (unchanged when the plan has no
    indicators); a master whose sheet cannot be read is used without them, with a 警告."""
    if not plan.targets:
        return list(snapshots), []
    result, findings = [], []
    for snapshot in snapshots:
        if not snapshot.source or snapshot.actuals:
            result.append(snapshot)
            continue
        actuals, problem = read_master_actuals(snapshot.source, limits)
        if problem:
            findings.append(make("history-targets-unreadable", WARNING, file=Path(snapshot.source).name,
                                 sheet=g.SHEET_TARGETS, period=snapshot.period.label, detail=problem))
        result.append(replace(snapshot, actuals=actuals))
    return result, findings


def year_end_references(plan: Plan, plan_path: Path, period: Period, previous: Snapshot | None,
                        history_dir: str | Path | None, use_previous: bool = True,
                        limits: Limits = DEFAULT_LIMITS) -> References:
    """For a year-end form: (取組番号, 指標名) → (this year's 上半期 実績値, the previous year's 実績値),
    from the history folder (or the one earlier master named); empty when there is nothing to show."""
    if not plan.targets or period.half == g.PERIOD_FIRST_HALF:
        return {}
    snapshots: list[Snapshot] = []
    folder = history_folder(plan, plan_path, history_dir) if use_previous else None
    if folder is not None:
        snapshots, _findings = read_history(checked_history_folder(folder), plan, period, limits)
    if previous is not None and all(s.period != previous.period for s in snapshots):
        snapshots.append(previous)
    snapshots, _findings = with_actuals(snapshots, plan, limits)
    return form_references(snapshots, period)


def write_targets_opendata(table: TargetsTable | None, plan: Plan, out_dir: str | Path,
                           title: str = "") -> list[Path]:
    """``数値目標_<期間>.csv`` and ``.xlsx`` of ``table`` (the run's 数値目標, one row per indicator) into
    ``out_dir``; [] without indicators (``table`` None)."""
    if table is None:
        return []
    return write_targets_table(table.period, opendata_rows(table, plan), out_dir, title)


def write_targets_table(period: Period, table: list[list[object]], out_dir: str | Path, title: str = "") -> list[Path]:
    """Write ``数値目標_<期間>.csv`` and ``.xlsx`` of ``table`` (atomically); [] for an empty table."""
    if not table:
        return []
    folder = output_folder(out_dir, g.RUN_OUTPUT_OPENDATA)
    stem = g.OPENDATA_TARGETS_STEM.format(period=period.file_label)
    header = g.OPENDATA_TARGETS_COLUMNS
    csv_path = atomic_write(folder / f"{stem}.csv", lambda tmp: write_csv(tmp, table, header))
    xlsx_path = atomic_write(folder / f"{stem}.xlsx", lambda tmp: write_xlsx(
        tmp, table, title, header, g.OPENDATA_TARGETS_SHEET, OPENDATA_WIDTHS))
    return [csv_path, xlsx_path]
