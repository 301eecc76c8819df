"""Numeric targets (数値目標) of a period: 達成率, 評価, counts, 資料1-3 lines and the self-assessment
check (pure; no files, no rendering).

* 達成率 (%) = 実績値 ÷ 目標値 (向き「増」) or 目標値 ÷ 実績値 (向き「減」), ×100, to a whole percent by
  the plan's rounding rule (切り捨て: toward zero; 四捨五入: half away from zero), in decimal
  arithmetic on the numbers as Excel shows them (so 0.1 is 0.1, never 0.1000000000000000055).
  Not computed (None) when the 目標値 or 実績値 is missing or the divisor is 0.
* 評価 is the band of the *shown* 達成率 (:meth:`~gyokaku_xl.domain.targets.Ratings.rate`): what the
  sheet says and what it rates never disagree, also exactly on a 下限.
* A year's 実績値 in the history is the latest report of that year (年度末, else 下半期, else 上半期),
  as for 財政効果.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Iterable, Sequence

from gyokaku_xl import text as g
from gyokaku_xl.core.target_checks import actual_of_row, year_end
from gyokaku_xl.domain.content import CountRow, EarlierYear, TargetRow, TargetsTable
from gyokaku_xl.domain.findings import WARNING, Finding, make
from gyokaku_xl.domain.model import Period, Plan, era_label
from gyokaku_xl.domain.records import MergeResult, Record, Snapshot
from gyokaku_xl.domain.reports import FileReport
from gyokaku_xl.domain.targets import DOWN, Actual, Number


def _decimal(value: Number) -> Decimal:
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def achievement(actual: Number | None, target: Number | None, direction: str, rounding: str) -> int | None:
    """The 達成率 in whole percent, or None when it cannot be computed."""
    if actual is None or target is None:
        return None
    try:
        a, b = _decimal(actual), _decimal(target)
    except (InvalidOperation, ValueError):
        return None
    if not (a.is_finite() and b.is_finite()):
        return None
    numerator, divisor = (b, a) if direction == DOWN else (a, b)
    if divisor == 0:
        return None
    mode = ROUND_HALF_UP if rounding == g.ROUNDING_HALF_UP else ROUND_DOWN
    return int((numerator * 100 / divisor).quantize(Decimal(1), rounding=mode))


def format_number(value: Number | None) -> str:
    """A value as the sheets show it: ``1,200``, ``12.5``; '' for None."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}"
    text = f"{_decimal(value):,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


# --- the year's reported values ----------------------------------------------------------------
def latest_by_year(snapshots: Sequence[Snapshot], before: Period) -> dict[int, Snapshot]:
    """Per fiscal year before ``before``'s year, that year's latest snapshot (年度末, else 下半期, …)."""
    latest: dict[int, Snapshot] = {}
    for snapshot in snapshots:
        year = snapshot.period.fiscal_year
        if year >= before.fiscal_year:
            continue
        if year not in latest or snapshot.period.order_key >= latest[year].period.order_key:
            latest[year] = snapshot
    return dict(sorted(latest.items()))


def actual_values(snapshot: Snapshot | None) -> dict[tuple[str, str], Number | None]:
    """(取組番号, 指標名) → 実績値 of a snapshot (empty for None)."""
    if snapshot is None:
        return {}
    return {a.key: a.value for a in snapshot.actuals}


#: (取組番号, 指標名) → (this year's 上半期 実績値, the previous year's 実績値), shown on a year-end form.
References = dict[tuple[str, str], tuple[Number | None, Number | None]]


def form_references(snapshots: Sequence[Snapshot], period: Period) -> References:
    """For a year-end form: (取組番号, 指標名) → (this year's 上半期 実績値, the previous year's 実績値)."""
    first_half = next((s for s in snapshots if s.period == Period(period.fiscal_year, g.PERIOD_FIRST_HALF)), None)
    previous = latest_by_year(snapshots, period).get(period.fiscal_year - 1)
    halves, years = actual_values(first_half), actual_values(previous)
    return {k: (halves.get(k), years.get(k)) for k in set(halves) | set(years)}


# --- the master's sheet ---------------------------------------------------------------------------
def _count_column(row: TargetRow, bands: tuple[str, ...]) -> int:
    if row.value is None:
        return len(bands) + 1  # 未報告
    if row.rate is None:
        return len(bands)  # 算定不可
    return bands.index(row.rating) if bands else 0


def build_targets(result: MergeResult, history: Sequence[Snapshot] | None = None) -> TargetsTable:
    """The 数値目標 sheet's content for ``result`` (earlier years from ``history``, default ``result.history``)."""
    plan, period = result.plan, result.period
    history = result.history if history is None else history
    ratings = plan.targets.ratings
    earlier = latest_by_year(history, period)
    first = plan.years[0] if plan.years else min(earlier, default=period.fiscal_year)
    years = tuple(y for y in range(first, period.fiscal_year) if y in earlier or (history and plan.years))
    earlier_values = {y: actual_values(earlier.get(y)) for y in years}
    records = {r.initiative.id: r for r in result.records}
    rows = []
    for indicator in plan.targets.indicators:
        initiative = plan.find_initiative(indicator.initiative_id)
        if initiative is None:  # a 取組 the plan no longer holds for this period
            continue
        program = plan.program_of(initiative)
        record = records.get(initiative.id)
        target = indicator.target(period.fiscal_year)
        actual = result.actuals.get(indicator.key)
        rate = achievement(actual.value if actual else None, target, indicator.direction, plan.rounding)
        rows.append(TargetRow(
            indicator, initiative.name, record.department if record else initiative.department,
            program.perspective, program.number, target, actual, rate, ratings.rate(rate),
            tuple(EarlierYear(y, indicator.target(y), earlier_values[y].get(indicator.key)) for y in years)))
    bands = ratings.names
    labels = (*bands, g.MASTER_COUNT_NOT_COMPUTED, g.MASTER_COUNT_NOT_REPORTED) if bands else \
        (g.MASTER_COUNT_COMPUTED, g.MASTER_COUNT_NOT_COMPUTED, g.MASTER_COUNT_NOT_REPORTED)
    per: dict[int, list[int]] = {p.number: [0] * len(labels) for p in plan.perspectives}
    for row in rows:
        per.setdefault(row.perspective, [0] * len(labels))[_count_column(row, bands)] += 1
    counts = tuple(CountRow(p.label, tuple(per[p.number]), sum(per[p.number])) for p in plan.perspectives
                   if any(r.perspective == p.number for r in rows))
    totals = tuple(sum(c.counts[n] for c in counts) for n in range(len(labels)))
    return TargetsTable(period, tuple(rows), years, bands, labels, counts,
                        CountRow(g.MASTER_COUNT_ALL, totals, sum(totals)), indicator_lines(rows, bands))


def targets_summary(table: TargetsTable) -> str:
    """The console line: 「数値目標: 6 指標（S 1・A 3・B 1・C 1・算定不可 0・未報告 0）」."""
    parts = g.SEP_DOT.join(g.SUMMARY_TARGETS_PART.format(label=label, count=count)
                                  for label, count in zip(table.count_labels, table.total.counts))
    return g.SUMMARY_TARGETS.format(count=table.total.total, parts=parts)


# --- 資料1-3 ---------------------------------------------------------------------------------------
def rate_text(rate: int | None) -> str:
    """``35％`` or 「－」."""
    return g.EMPTY if rate is None else g.REPORT_RATE.format(rate=rate)


def indicator_lines(rows: Sequence[TargetRow], bands: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """取組番号 → the lines 資料1-3 prints under its texts (指標名: 実績値 / 目標値 単位, 達成率, 評価)."""
    template = g.REPORT_TARGET_LINE if bands else g.REPORT_TARGET_LINE_NO_RATING
    lines: dict[str, list[str]] = {}
    for row in rows:
        lines.setdefault(row.indicator.initiative_id, []).append(template.format(
            name=row.indicator.name, actual=format_number(row.value) or g.NOT_REPORTED,
            target=format_number(row.target) or g.EMPTY, unit=row.indicator.unit,
            rate=rate_text(row.rate), rating=row.rating or g.EMPTY))
    return {k: tuple(v) for k, v in lines.items()}


# --- the period's 実績値 and the self-assessment check --------------------------------------------
def collect_actuals(plan: Plan, reports: Iterable[FileReport]) -> dict[tuple[str, str], Actual]:
    """The 実績値 of the files whose rows were merged (not rejected, not superseded), by indicator."""
    actuals: dict[tuple[str, str], Actual] = {}
    for report in reports:
        form = report.form
        if form is None or report.rejected or report.superseded_by or not form.targets:
            continue
        for row in form.targets:
            actual = actual_of_row(plan, form, row, report.department)
            if actual is not None:
                actuals[actual.key] = actual
    return actuals


def assessment_findings(plan: Plan, period: Period, records: Sequence[Record],
                        actuals: dict[tuple[str, str], Actual],
                        reports: Iterable[FileReport]) -> list[Finding]:
    """At year end with 評価区分: an on-track 取組 with an indicator in the lowest band (a 警告 naming
    the status cell and the 実績値 cell)."""
    ratings = plan.targets.ratings
    if not ratings or not year_end(period):
        return []
    forms = {r.file: r.form for r in reports if r.form is not None}
    findings = []
    for record in records:
        if not plan.scale.is_on_track(record.status):
            continue
        form = forms.get(record.source.file)
        status_cell = form.cell_ref(record.source.row, "status") if form is not None else ""
        for indicator in plan.targets.of(record.initiative.id):
            actual = actuals.get(indicator.key)
            if actual is None:
                continue
            rate = achievement(actual.value, indicator.target(period.fiscal_year), indicator.direction,
                               plan.rounding)
            if rate is None or ratings.rate(rate) != ratings.lowest:
                continue
            findings.append(make(
                "target-self-assessment", WARNING, file=record.source.file, sheet=record.source.sheet,
                cell=status_cell, row=record.source.row, initiative_id=record.initiative.id,
                value=record.status, status=record.status, indicator=indicator.name, rate=rate,
                rating=ratings.lowest, status_cell=g.CELL_IN_SHEET.format(sheet=record.source.sheet, cell=status_cell),
                actual_cell=g.CELL_IN_SHEET.format(sheet=actual.sheet, cell=actual.cell)))
    return findings


def add_assessment_findings(plan: Plan, period: Period, records: Sequence[Record],
                            actuals: dict[tuple[str, str], Actual], reports: Iterable[FileReport]) -> None:
    """Add the :func:`assessment_findings` to the rows they are about (so counts, 検証結果 and the
    annotated copies carry them like every row finding)."""
    reports = list(reports)
    rows = {(r.file, rr.row.row): rr for r in reports for rr in r.rows}
    for finding in assessment_findings(plan, period, records, actuals, reports):
        rows[(finding.file, finding.row)].findings.append(finding)


# --- open data ------------------------------------------------------------------------------------
def opendata_rows(table: TargetsTable, plan: Plan) -> list[list[object]]:
    """One open-data row per indicator (columns as ``OPENDATA_TARGETS_COLUMNS``): one value per cell,
    numbers as numbers, 「－」 as an empty cell."""
    period = table.period
    rows: list[list[object]] = []
    for row in table.rows:
        indicator = row.indicator
        rows.append([
            era_label(period.fiscal_year), period.fiscal_year, period.half,
            plan.perspective(row.perspective).label, plan.program(row.program).name, row.department,
            indicator.initiative_id, row.initiative_name, indicator.name, indicator.unit, indicator.direction,
            indicator.baseline, row.target, row.value, row.rate, row.rating,
            row.actual.explanation if row.actual is not None else "",
        ])
    return rows
