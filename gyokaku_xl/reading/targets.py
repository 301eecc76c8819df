"""Reading numeric targets: the plan master's 「数値目標」「評価区分」 sheets, the form's 「数値目標」 sheet
and an archived master's 「数値目標」 sheet (the 実績値 an earlier period reported).

Columns are found by their header labels. Problems of the plan's sheets are 警告 with cells: the
row, column or (for 評価区分) the whole table concerned is left out and the rest is used.
"""

from __future__ import annotations

from pathlib import Path

from gyokaku_xl import text as g
from gyokaku_xl.domain.cells import Cell, SheetData, WorkbookData, column_letter
from gyokaku_xl.domain.findings import WARNING, Finding, make
from gyokaku_xl.domain.form import FormData, FormRow
from gyokaku_xl.domain.limits import DEFAULT_LIMITS, Limits
from gyokaku_xl.domain.model import PeriodError, Plan, parse_fiscal_year
from gyokaku_xl.domain.normalize import clean, key, label_key, nfkc
from gyokaku_xl.domain.targets import (BLANK, DIRECTION_WORDS, INVALID, TARGET_FORM_COLUMNS, TARGET_FORM_NEEDED, UP,
                                       Actual, Indicator, Number, RatingBand, Ratings, TargetPlan,
                                       parse_number)
from gyokaku_xl.infra.oserror import os_error_text
from gyokaku_xl.reading.xlsx import ReadError, read_workbook

#: The plan master's sheets read by :func:`read_plan_targets`.
PLAN_TARGET_SHEETS = (g.PLAN_SHEET_INDICATORS, g.PLAN_SHEET_RATINGS)
#: How far down a header row is looked for in the form's and the master's sheets.
HEADER_SEARCH_ROWS = 40


def _header(sheet: SheetData) -> tuple[int, dict[str, int]]:
    """The first non-empty row and its labels (label key → first column)."""
    rows = sheet.rows()
    if not rows:
        return 0, {}
    header_row = rows[0]
    labels: dict[str, int] = {}
    for (r, c), cell in sorted(sheet.cells.items()):
        if r == header_row and clean(cell.value):
            labels.setdefault(label_key(cell.value), c)
    return header_row, labels


def read_plan_targets(book: WorkbookData, plan: Plan, file: str, findings: list[Finding]) -> TargetPlan:
    """The plan's indicators and ratings from the plan master's optional sheets (empty without them)."""
    sheet = book.sheets.get(g.PLAN_SHEET_INDICATORS)
    indicators = _indicators(sheet, plan, file, findings) if sheet is not None else ()
    ratings_sheet = book.sheets.get(g.PLAN_SHEET_RATINGS)
    ratings = _ratings(ratings_sheet, file, findings) if ratings_sheet is not None else Ratings()
    return TargetPlan(indicators, ratings)


def _missing_headers(sheet: SheetData, header_row: int, labels: dict[str, int], required: tuple[str, ...],
                     file: str, findings: list[Finding]) -> bool:
    missing = [label for label in required if label_key(label) not in labels]
    for label in missing:
        findings.append(make("plan-indicator-header-missing", WARNING, file=file, sheet=sheet.name,
                             cell=g.ROW_LABEL.format(row=max(header_row, 1)), expected=label))
    return bool(missing)


def _indicators(sheet: SheetData, plan: Plan, file: str, findings: list[Finding]) -> tuple[Indicator, ...]:
    header_row, labels = _header(sheet)
    if _missing_headers(sheet, header_row, labels, (g.COL_INITIATIVE_ID, g.COL_INDICATOR), file, findings):
        return ()
    fixed = {label_key(x) for x in (g.COL_INITIATIVE_ID, g.COL_INDICATOR, g.COL_UNIT, g.COL_BASELINE,
                                    g.COL_DIRECTION)}
    years = _year_columns(sheet, header_row, fixed, plan, file, findings)
    col = {name: labels.get(label_key(name)) for name in (g.COL_INITIATIVE_ID, g.COL_INDICATOR, g.COL_UNIT,
                                                          g.COL_BASELINE, g.COL_DIRECTION)}

    def value(row: int, name: str) -> object:
        c = col[name]
        return None if c is None else sheet.value(row, c)

    def ref(row: int, c: int | None) -> str:
        return f"{column_letter(c)}{row}" if c else ""

    result: list[tuple[int, int, Indicator]] = []
    first: dict[tuple[str, str], str] = {}
    for row in sheet.rows():
        if row <= header_row:
            continue
        used = [c for c in (*(x for x in col.values() if x), *years.values())]
        if all(clean(sheet.value(row, c)) == "" for c in used):
            continue
        where = {"file": file, "sheet": sheet.name, "row": row}
        raw_id = value(row, g.COL_INITIATIVE_ID)
        initiative = plan.find_initiative(raw_id)
        if initiative is None:
            findings.append(make("plan-indicator-unknown-initiative", WARNING, cell=ref(row, col[g.COL_INITIATIVE_ID]),
                                 value=raw_id, **where))
            continue
        name = clean(value(row, g.COL_INDICATOR))
        if not name:
            findings.append(make("plan-indicator-name-missing", WARNING, cell=ref(row, col[g.COL_INDICATOR]),
                                 initiative_id=initiative.id, **where))
            continue
        ident = (key(initiative.id), key(name))
        if ident in first:
            findings.append(make("plan-indicator-duplicate", WARNING, cell=ref(row, col[g.COL_INDICATOR]),
                                 initiative_id=initiative.id, value=name, first=first[ident], **where))
            continue
        raw_direction = value(row, g.COL_DIRECTION)
        direction = UP if clean(raw_direction) == "" else \
            DIRECTION_WORDS.get(nfkc(clean(raw_direction)).replace(" ", ""))
        if direction is None:
            findings.append(make("plan-indicator-direction-invalid", WARNING, cell=ref(row, col[g.COL_DIRECTION]),
                                 initiative_id=initiative.id, value=raw_direction, expected=g.DIRECTION_CHOICES,
                                 **where))
            continue
        first[ident] = ref(row, col[g.COL_INDICATOR])
        baseline = _number(sheet, row, col[g.COL_BASELINE], g.COL_BASELINE, initiative.id, where, findings)
        targets = []
        for year, c in years.items():
            target = _number(sheet, row, c, g.FORM_COL_TARGET, initiative.id, where, findings)
            if target is not None:
                targets.append((year, target))
        result.append((plan.order_of(initiative.id), row, Indicator(
            initiative.id, name, clean(value(row, g.COL_UNIT)), baseline, direction, tuple(targets))))
    return tuple(i for _order, _row, i in sorted(result, key=lambda x: (x[0], x[1])))


def _number(sheet: SheetData, row: int, col: int | None, label: str, initiative_id: str, where: dict,
            findings: list[Finding]) -> Number | None:
    if col is None:
        return None
    raw = sheet.value(row, col)
    number, kind = parse_number(raw)
    if kind == INVALID:
        findings.append(make("plan-indicator-not-number", WARNING, cell=f"{column_letter(col)}{row}",
                             initiative_id=initiative_id, label=label, value=raw, **where))
        return None
    return None if kind == BLANK else number


def _year_columns(sheet: SheetData, header_row: int, fixed: set[str], plan: Plan, file: str,
                  findings: list[Finding]) -> dict[int, int]:
    """Fiscal year → column, from the header cells that are a fiscal year (others are ignored)."""
    years: dict[int, int] = {}
    first: dict[int, str] = {}
    bounds = plan.years
    for (r, c), cell in sorted(sheet.cells.items(), key=lambda item: item[0][1]):
        if r != header_row or clean(cell.value) == "" or label_key(cell.value) in fixed:
            continue
        try:
            year = parse_fiscal_year(cell.value)
        except PeriodError:
            continue
        where = {"file": file, "sheet": sheet.name, "cell": cell.ref, "value": cell.value}
        if bounds is not None and not bounds[0] <= year <= bounds[1]:
            findings.append(make("plan-indicator-year-outside", WARNING,
                                 years=g.PLAN_YEARS_LABEL.format(first=bounds[0], last=bounds[1]), **where))
            continue
        if year in first:
            findings.append(make("plan-indicator-year-duplicate", WARNING, first=first[year], **where))
            continue
        first[year] = cell.ref
        years[year] = c
    if not years:
        findings.append(make("plan-indicator-no-years", WARNING, file=file, sheet=sheet.name,
                             cell=g.ROW_LABEL.format(row=max(header_row, 1))))
    return dict(sorted(years.items()))


def _ratings(sheet: SheetData, file: str, findings: list[Finding]) -> Ratings:
    header_row, labels = _header(sheet)
    if _missing_headers(sheet, header_row, labels, (g.COL_BAND, g.COL_LOWER), file, findings):
        return Ratings()
    name_col, lower_col = labels[label_key(g.COL_BAND)], labels[label_key(g.COL_LOWER)]
    description_col = labels.get(label_key(g.COL_BAND_DESCRIPTION))
    bands: list[RatingBand] = []
    first: dict[str, str] = {}
    usable = True
    for row in sheet.rows():
        if row <= header_row:
            continue
        cols = [c for c in (name_col, lower_col, description_col) if c]
        if all(clean(sheet.value(row, c)) == "" for c in cols):
            continue
        where = {"file": file, "sheet": sheet.name, "row": row}
        name = clean(sheet.value(row, name_col))
        if not name:
            findings.append(make("plan-rating-name-missing", WARNING, cell=f"{column_letter(name_col)}{row}", **where))
            continue
        if key(name) in first:
            findings.append(make("plan-rating-duplicate", WARNING, cell=f"{column_letter(name_col)}{row}",
                                 value=name, first=first[key(name)], **where))
            usable = False
            continue
        first[key(name)] = f"{column_letter(name_col)}{row}"
        raw = sheet.value(row, lower_col)
        lower, kind = parse_number(raw)
        if lower is None:
            findings.append(make("plan-rating-lower-invalid", WARNING, cell=f"{column_letter(lower_col)}{row}",
                                 band=name, value=raw if kind != BLANK else "", **where))
            usable = False
            continue
        if bands and lower >= bands[-1].lower:
            findings.append(make("plan-rating-unordered", WARNING, cell=f"{column_letter(lower_col)}{row}",
                                 band=name, value=_plain(lower), above=bands[-1].name,
                                 above_lower=_plain(bands[-1].lower), **where))
            usable = False
        description = clean(sheet.value(row, description_col)) if description_col else ""
        bands.append(RatingBand(name, lower, description))
    return Ratings(tuple(bands)) if usable else Ratings()


def _plain(value: Number) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


# --- the form's 「数値目標」 sheet ----------------------------------------------------------------
def parse_form_targets(form: FormData, sheet: SheetData | None) -> None:
    """Fill ``form``'s 数値目標 fields from its sheet (``targets_problem`` says when it is missing or
    its header cannot be found)."""
    if sheet is None:
        form.targets_problem = "missing"
        return
    form.targets_sheet = sheet.name
    wanted = {label_key(c.label): c.key for c in TARGET_FORM_COLUMNS}
    by_row: dict[int, dict[str, int]] = {}
    for (r, c), cell in sheet.cells.items():
        if r > HEADER_SEARCH_ROWS or not isinstance(cell.value, str):
            continue
        k = wanted.get(label_key(cell.value))
        if k is not None:
            by_row.setdefault(r, {}).setdefault(k, c)
    header_row = max(sorted(by_row), key=lambda r: len(by_row[r])) if by_row else 0
    columns = by_row.get(header_row, {})
    missing = [c.label for c in TARGET_FORM_COLUMNS if c.key in TARGET_FORM_NEEDED and c.key not in columns]
    if missing:
        form.targets_problem = "header"
        form.targets_expected = g.SEP_DOT.join(missing)
        return
    form.targets_columns = columns
    col_to_key = {c: k for k, c in columns.items()}
    rows: dict[int, dict[str, Cell | None]] = {}
    for (r, c), cell in sheet.cells.items():
        if r <= header_row or c not in col_to_key:
            continue
        if cell.formula is None and clean(cell.value) == "":
            continue
        rows.setdefault(r, {})[col_to_key[c]] = cell
    form.targets = [FormRow(r, {k: rows[r].get(k) for k in columns}) for r in sorted(rows)]


# --- an archived master's 「数値目標」 sheet ------------------------------------------------------
#: The master sheet's header labels (this year's columns) → field.
MASTER_FIELDS = {
    g.MASTER_COL_INITIATIVE_ID: "initiative_id", g.MASTER_COL_INITIATIVE: "initiative",
    g.MASTER_COL_DEPARTMENT: "department", g.MASTER_COL_INDICATOR: "indicator", g.MASTER_COL_UNIT: "unit",
    g.MASTER_COL_DIRECTION: "direction", g.MASTER_COL_BASELINE: "baseline", g.MASTER_COL_TARGET: "target",
    g.MASTER_COL_ACTUAL: "actual", g.MASTER_COL_RATE: "rate", g.MASTER_COL_RATING: "rating",
    g.MASTER_COL_EXPLANATION: "explanation",
}
_MASTER_LABELS = {label_key(label): name for label, name in MASTER_FIELDS.items()}
_MASTER_NEEDED = ("initiative_id", "indicator", "actual")


def master_target_rows(sheet: SheetData) -> list[dict[str, object]]:
    """The rows of a master's 数値目標 sheet (field → cell value, ``row`` → its row), from its header
    down to the first row without a 取組番号; empty when the header is not found."""
    header_row, columns = 0, {}
    for (r, c), cell in sorted(sheet.cells.items()):
        if r > HEADER_SEARCH_ROWS:
            break
        k = _MASTER_LABELS.get(label_key(cell.value)) if isinstance(cell.value, str) else None
        if k is not None and header_row in (0, r):
            header_row = r
            columns.setdefault(k, c)
    if any(k not in columns for k in _MASTER_NEEDED):
        return []
    rows = []
    row = header_row + 1
    while clean(sheet.value(row, columns["initiative_id"])):
        values: dict[str, object] = {k: sheet.value(row, c) for k, c in columns.items()}
        values["row"] = row
        values["actual_cell"] = f"{column_letter(columns['actual'])}{row}"
        rows.append(values)
        row += 1
    return rows


def master_number(value: object) -> Number | None:
    """A number shown on the master's sheet; 「－」 and 「未報告」 are none."""
    number, kind = parse_number(value)
    return None if kind in (BLANK, INVALID) else number


def master_actuals(sheet: SheetData) -> tuple[Actual, ...]:
    """The 実績値 a master's 数値目標 sheet shows."""
    return tuple(Actual(clean(r["initiative_id"]), clean(r["indicator"]), master_number(r["actual"]),
                        clean(r.get("explanation")), sheet=sheet.name, cell=str(r["actual_cell"]))
                 for r in master_target_rows(sheet))


def read_master_target_rows(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> list[dict[str, object]]:
    """The rows of a master's 数値目標 sheet (empty without the sheet). Raises ReadError / OSError."""
    sheet = read_workbook(path, [g.SHEET_TARGETS], limits).sheets.get(g.SHEET_TARGETS)
    return master_target_rows(sheet) if sheet is not None else []


def read_master_actuals(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> tuple[tuple[Actual, ...], str]:
    """The 実績値 of an archived master, and '' or why they could not be read."""
    try:
        book = read_workbook(path, [g.SHEET_TARGETS], limits)
    except ReadError as exc:
        return (), exc.detail()
    except OSError as exc:
        return (), os_error_text(exc)
    sheet = book.sheets.get(g.SHEET_TARGETS)
    return (master_actuals(sheet) if sheet is not None else ()), ""
