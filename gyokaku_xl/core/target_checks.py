"""The rules of the form's 「数値目標」 sheet: each 実績値 is a number (read like 財政効果額: full-width
digits and thousands commas with a note), a unit typed into the cell is explained, a negative value
where the plan's values are not negative is a 警告, and at year end a blank 実績値 is a 警告.

Pure: findings only. A form without the sheet (a plan without indicators, a version 1.1 form) has
nothing to check here; when its department has indicators, one note says the values are missing.
"""

from __future__ import annotations

from typing import Iterator

from gyokaku_xl import text as g
from gyokaku_xl.domain.cells import column_letter
from gyokaku_xl.domain.findings import ERROR, INFO, WARNING, Finding, make
from gyokaku_xl.domain.form import FormData, FormRow
from gyokaku_xl.domain.model import Period, Plan
from gyokaku_xl.domain.normalize import clean
from gyokaku_xl.domain.targets import (BLANK, COMMA, INVALID, NORMALIZED, UNIT, Actual, Indicator, Number,
                                       parse_number)


def year_end(period: Period | None) -> bool:
    """True for the year's closing report (年度末, or 下半期 where a city reports by halves)."""
    return period is not None and period.half != g.PERIOD_FIRST_HALF

def _ref(form: FormData, row: FormRow, column_key: str) -> str:
    return f"{column_letter(form.targets_columns[column_key])}{row.row}"


def _indicator_of(plan: Plan, row: FormRow, department: str | None) -> tuple[Indicator | None, bool]:
    """The plan indicator a row names and whether it belongs to ``department`` (True when unknown)."""
    indicator = plan.targets.find(row.value("initiative_id"), row.value("indicator"))
    if indicator is None or department is None:
        return indicator, True
    initiative = plan.find_initiative(indicator.initiative_id)
    return indicator, initiative is not None and initiative.department == department


def actual_of_row(plan: Plan, form: FormData, row: FormRow, department: str | None = None) -> Actual | None:
    """The 実績値 a row of the 数値目標 sheet reports for a plan indicator of ``department`` (None: no
    such indicator, or another department's).

    An unreadable value is kept as None (its finding says why); the 説明 is kept as written.
    """
    indicator, mine = _indicator_of(plan, row, department)
    if indicator is None or not mine:
        return None
    cell = row.cells.get("actual")
    raw = row.value("actual")
    if cell is not None and cell.formula is not None and not isinstance(raw, (int, float)):
        raw = None
    value, _kind = parse_number(raw, indicator.unit)
    explanation = row.value("explanation") if "explanation" in form.targets_columns else None
    return Actual(indicator.initiative_id, indicator.name, value,
                  "" if explanation is None else str(explanation), form.file, form.targets_sheet,
                  _ref(form, row, "actual"))


def target_findings(plan: Plan, form: FormData, period: Period | None, department: str | None) -> list[Finding]:
    """Every finding of a form's 数値目標 sheet (none when the plan has no indicators)."""
    return list(_findings(plan, form, period, department))


def _findings(plan: Plan, form: FormData, period: Period | None, department: str | None) -> Iterator[Finding]:
    if not plan.targets:
        return
    mine = [i for i in plan.targets.indicators
            if department is not None and plan.find_initiative(i.initiative_id) is not None
            and plan.find_initiative(i.initiative_id).department == department]
    if form.targets_problem:
        if mine:
            severity = WARNING if year_end(period) else INFO
            code = "target-sheet-missing" if form.targets_problem == "missing" else "target-header-changed"
            yield make(code, severity if code == "target-sheet-missing" else ERROR, file=form.file,
                       sheet=form.targets_sheet or g.FORM_TARGETS_SHEET,
                       expected=form.targets_expected)
        return
    for row in form.targets:
        yield from _row_findings(plan, form, row, period, department)
    listed = {plan.targets.find(row.value("initiative_id"), row.value("indicator")) for row in form.targets}
    for indicator in mine:  # e.g. added to the plan master after the form was issued
        if indicator not in listed:
            yield make("target-indicator-missing", WARNING if year_end(period) else INFO, file=form.file,
                       sheet=form.targets_sheet, initiative_id=indicator.initiative_id, value=indicator.name,
                       indicator=indicator.name)


def _row_findings(plan: Plan, form: FormData, row: FormRow, period: Period | None,
                  department: str | None) -> Iterator[Finding]:
    ident = clean(row.value("initiative_id"))
    indicator, mine = _indicator_of(plan, row, department)
    where = {"file": form.file, "sheet": form.targets_sheet, "row": row.row, "initiative_id": ident}
    if indicator is None:
        yield make("target-unknown-indicator", WARNING, cell=_ref(form, row, "indicator"),
                   value=row.value("indicator"), **where)
        return
    if not mine:
        owner = plan.find_initiative(indicator.initiative_id)
        yield make("target-other-department", WARNING, cell=_ref(form, row, "initiative_id"), value=ident,
                   indicator=indicator.name, owner=owner.department if owner else "", department=department, **where)
        return
    where["cell"] = _ref(form, row, "actual")
    names = {"indicator": indicator.name, "unit": indicator.unit}
    cell = row.cells.get("actual")
    raw = row.value("actual")
    if cell is not None and cell.formula is not None:
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            yield make("target-formula", WARNING, value="=" + cell.formula, cached=raw, **where)
        else:
            yield make("target-actual-invalid", ERROR, value="=" + cell.formula, **names, **where)
            return
    value, kind = parse_number(raw, indicator.unit)
    if kind == BLANK:
        if year_end(period):
            yield make("target-actual-missing", WARNING, period=period.half if period else "", **names, **where)
        return
    if kind == INVALID:
        yield make("target-actual-invalid", ERROR, value=raw, **names, **where)
        return
    number = _shown(value)
    if kind == UNIT:
        yield make("target-actual-unit", WARNING, value=raw, number=number, **names, **where)
    elif kind == NORMALIZED:
        yield make("target-actual-normalized", WARNING, value=raw, number=number, **names, **where)
    elif kind == COMMA:
        yield make("target-actual-comma", INFO, value=raw, number=number, **names, **where)
    if value is not None and value < 0 and indicator.non_negative:
        yield make("target-actual-negative", WARNING, value=_shown(value), **names, **where)


def _shown(value: Number | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


__all__ = ["actual_of_row", "target_findings", "year_end"]
