"""Validation rules: one function per rule, each yields findings and writes nothing.

File rules take a :class:`FileContext`; row rules take a :class:`FileContext` and a
:class:`~gyokaku_xl.reading.form.FormRow`. :data:`FILE_RULES` and :data:`ROW_RULES` list them in
the order they run. Value interpretation (status matching, amounts) lives in small pure helpers
shared with consolidation.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Callable, Iterator

from gyokaku_xl import text as g
from gyokaku_xl.core.revisions import left_plan, renumbered_at
from gyokaku_xl.domain import schema
from gyokaku_xl.domain.findings import ERROR, INFO, WARNING, Finding, make
from gyokaku_xl.domain.form import FormData, FormRow
from gyokaku_xl.domain.model import Initiative, Period, PeriodError, Plan, parse_fiscal_year, parse_period
from gyokaku_xl.domain.normalize import clean, key, nfkc
from gyokaku_xl.domain.tokens import MARK_TRUE_WORDS

#: Codes whose error on a row excludes the row from the master (key fields).
KEY_FIELD_CODES = frozenset({
    "initiative-id-missing", "row-inserted", "unknown-initiative", "initiative-ended", "initiative-other-department",
    "duplicate-initiative", "status-missing", "status-not-in-scale", "status-formula-no-value",
})


@dataclass
class FileContext:
    """What the rules of one file need to know."""

    plan: Plan
    form: FormData
    period: Period | None = None
    department: str | None = None  # set by the department rule when known
    plan_checked: bool = True  # False when the plan was synthesised from the submissions
    seen_ids: dict[str, str] = field(default_factory=dict)  # initiative id → first cell

    def where(self, row: FormRow, column_key: str) -> dict:
        """Finding location fields for one cell of a row."""
        return {"file": self.form.file, "sheet": self.form.sheet,
                "cell": self.form.cell_ref(row.row, column_key), "row": row.row}


# --- value helpers (pure) -----------------------------------------------------------------------
def cell_text(row: FormRow, column_key: str) -> str:
    """The text of a cell with surrounding spaces removed ('' when empty)."""
    return clean(row.value(column_key))


def match_initiative(ctx: FileContext, row: FormRow) -> Initiative | None:
    """The plan initiative a row's 取組番号 names, or None."""
    return ctx.plan.find_initiative(row.value("initiative_id"))


def interpret_status(value: object, plan: Plan) -> tuple[str | None, bool]:
    """``(canonical status or None, exact)`` for what a department wrote."""
    matched = plan.scale.match(value)
    if matched is None:
        return None, False
    return matched


_AMOUNT_CHARS = re.compile(r"^[0-9,]+$")


def parse_amount(value: object) -> tuple[int | None, bool, bool]:
    """Read a 財政効果額: ``(amount, ok, normalised)``.

    Whole numbers ≥ 0 are ok; ``１，２００`` or ``1,200`` are read as 1200 with ``normalised``
    True; anything else is not ok. Blank is ``(None, True, False)``.
    """
    if value is None or (isinstance(value, str) and clean(value) == ""):
        return None, True, False
    if isinstance(value, bool):
        return None, False, False
    if isinstance(value, (int, float)):
        if _whole(value) and 0 <= value <= schema.MAX_AMOUNT:
            return int(value), True, False
        return None, False, False
    text = _amount_text(value)
    if text is not None and len(text.replace(",", "").lstrip("0")) <= schema.MAX_AMOUNT_DIGITS:
        return int(text.replace(",", "")), True, True
    return None, False, False


def outside_plan_period(plan: Plan, period: Period) -> list[Finding]:
    """A warning when the reporting year lies outside the plan's period (when the plan has one)."""
    years = plan.years
    if years is None or years[0] <= period.fiscal_year <= years[1]:
        return []
    return [make("year-outside-plan", WARNING, value=period.year_label, year=period.year_label,
                 years=g.PLAN_YEARS_LABEL.format(first=years[0], last=years[1]))]
def amount_too_large(value: object) -> bool:
    """True for a whole number ≥ 0 (number or digits) beyond :data:`schema.MAX_AMOUNT`."""
    if isinstance(value, bool) or value is None:
        return False
    if isinstance(value, (int, float)):
        return _whole(value) and value > schema.MAX_AMOUNT
    text = _amount_text(value)
    return text is not None and len(text.replace(",", "").lstrip("0")) > schema.MAX_AMOUNT_DIGITS


def _whole(value: int | float) -> bool:
    return isinstance(value, int) or (math.isfinite(value) and value.is_integer())


def _amount_text(value: object) -> str | None:
    """Digits with optional thousands commas (full-width read as half-width), else None."""
    text = nfkc(clean(value)).replace(" ", "")
    if _AMOUNT_CHARS.match(text) and re.fullmatch(r"\d{1,3}(,\d{3})*|\d+", text):
        return text
    return None


# --- file rules ---------------------------------------------------------------------------------
def check_identity(ctx: FileContext) -> Iterator[Finding]:
    """The file is the official form of this plan, in an accepted template version."""
    ident = ctx.form.identity
    file = ctx.form.file
    if ident.get(schema.PROP_KIND) != schema.PROP_KIND_VALUE:
        yield make("not-official-form", WARNING, file=file, sheet=ctx.form.sheet,
                   detail=g.FORM_DETAIL_NO_IDENTITY)
        return
    version = ident.get(schema.PROP_VERSION, "")
    if version not in schema.ACCEPTED_FORM_VERSIONS:
        yield make("outdated-template", ERROR, file=file, sheet=ctx.form.sheet, value=version,
                   seen=version or g.FORM_VERSION_UNKNOWN, expected=schema.FORM_VERSION)
    plan_name = ident.get(schema.PROP_PLAN, "")
    if ctx.plan_checked and plan_name and key(plan_name) != key(ctx.plan.name):
        yield make("not-official-form", ERROR, file=file, sheet=ctx.form.sheet, value=plan_name,
                   detail=g.FORM_DETAIL_OTHER_PLAN.format(plan=plan_name))


def check_department(ctx: FileContext) -> Iterator[Finding]:
    """所管課 is filled in and is a department of the plan."""
    value = ctx.form.meta_value(g.META_DEPARTMENT)
    ref = ctx.form.meta_refs.get(g.META_DEPARTMENT, "")
    if clean(value) == "":
        yield make("meta-missing", ERROR, file=ctx.form.file, sheet=ctx.form.sheet, cell=ref,
                   label=g.META_DEPARTMENT)
        return
    department = ctx.plan.find_department(value)
    if department is None:
        yield make("department-unknown", ERROR, file=ctx.form.file, sheet=ctx.form.sheet, cell=ref,
                   value=value)
        return
    ctx.department = department


def _meta(form: FormData, label: str) -> tuple[object, dict, Finding | None]:
    """A meta value, its location fields, and a meta-missing finding when it is blank."""
    value = form.meta_value(label)
    loc = {"file": form.file, "sheet": form.sheet, "cell": form.meta_refs.get(label, "")}
    missing = make("meta-missing", ERROR, label=label, **loc) if clean(value) == "" else None
    return value, loc, missing


def check_fiscal_year(ctx: FileContext) -> Iterator[Finding]:
    """報告年度 is filled in, readable, and the run's year."""
    yield from fiscal_year_findings(ctx.form, ctx.period)


def fiscal_year_findings(form: FormData, period: Period | None) -> Iterator[Finding]:
    """報告年度 of ``form`` is filled in, readable and, when ``period`` is given, its year."""
    value, loc, missing = _meta(form, g.META_FISCAL_YEAR)
    if missing:
        yield missing
        return
    try:
        year = parse_fiscal_year(value)
    except PeriodError:
        yield make("year-invalid", ERROR, value=value, **loc)
        return
    if period is not None and year != period.fiscal_year:
        yield make("year-mismatch", ERROR, value=value, expected=period.year_label, **loc)


def check_period(ctx: FileContext) -> Iterator[Finding]:
    """報告期間 is filled in, readable, and the run's period."""
    yield from half_findings(ctx.form, ctx.period)


def half_findings(form: FormData, period: Period | None) -> Iterator[Finding]:
    """報告期間 of ``form`` is filled in, readable and, when ``period`` is given, its half."""
    value, loc, missing = _meta(form, g.META_PERIOD)
    if missing:
        yield missing
        return
    try:
        half = parse_period(value)
    except PeriodError:
        yield make("period-invalid", ERROR, value=value, expected=g.SEP_DOT.join(g.PERIODS), **loc)
        return
    if period is not None and half != period.half:
        yield make("period-mismatch", ERROR, value=value, expected=period.half, **loc)


def check_contact(ctx: FileContext) -> Iterator[Finding]:
    """記入者 and 連絡先 (the meta fields a department fills in) are not blank (a warning)."""
    for label, prefilled in schema.META_FIELDS:
        if prefilled:
            continue
        if clean(ctx.form.meta_value(label)) == "":
            yield make("contact-missing", WARNING, file=ctx.form.file, sheet=ctx.form.sheet,
                       cell=ctx.form.meta_refs.get(label, ""), label=label)


def check_has_rows(ctx: FileContext) -> Iterator[Finding]:
    """The form holds at least one initiative row."""
    if not ctx.form.rows:
        yield make("no-rows", ERROR, file=ctx.form.file, sheet=ctx.form.sheet)


FILE_RULES: tuple[Callable[[FileContext], Iterator[Finding]], ...] = (
    check_identity, check_department, check_fiscal_year, check_period, check_contact, check_has_rows,
)


# --- row rules ----------------------------------------------------------------------------------
def inserted_row(ctx: FileContext, row: FormRow) -> bool:
    """A row the department added to a prefilled form: no 取組番号 and none of the prefilled texts."""
    if not ctx.plan_checked or not ctx.form.identity.get(schema.PROP_DEPARTMENT):
        return False  # the blank template has no prefilled rows to tell an added one from
    return all(cell_text(row, column.key) == "" for column in schema.PREFILLED_COLUMNS)


def check_initiative_id(ctx: FileContext, row: FormRow) -> Iterator[Finding]:
    """取組番号 is present, in the plan, this department's, and not repeated in the file."""
    raw = row.value("initiative_id")
    where = ctx.where(row, "initiative_id")
    if clean(raw) == "":
        code = "row-inserted" if inserted_row(ctx, row) else "initiative-id-missing"
        yield make(code, ERROR, value=raw, **where)
        return
    initiative = ctx.plan.find_initiative(raw)
    if initiative is None:
        left = left_plan(ctx.plan, raw, ctx.period)
        if left is not None:  # a form of before a 終了・統合 (see the plan master's 「計画の変更」)
            yield make("initiative-ended", ERROR, value=raw, initiative_id=clean(raw), period=left.period.label,
                       kind=g.KIND_LABELS[left.kind], **where)
            return
        yield make("unknown-initiative", ERROR, value=raw, initiative_id=clean(raw), **where)
        return
    if key(raw) != key(initiative.id):  # a number changed by a 番号変更: read as the new one
        yield make("initiative-renumbered", INFO, value=raw, initiative_id=initiative.id, new=initiative.id,
                   period=renumbered_at(ctx.plan, raw), **where)
    if ctx.department is not None and initiative.department != ctx.department:
        yield make("initiative-other-department", ERROR, value=raw, initiative_id=initiative.id,
                   owner=initiative.department, department=ctx.department, **where)
        return
    first = ctx.seen_ids.get(initiative.id)
    if first is not None:
        yield make("duplicate-initiative", ERROR, value=raw, initiative_id=initiative.id,
                   first=first, **where)
        return
    ctx.seen_ids[initiative.id] = where["cell"]


def check_status(ctx: FileContext, row: FormRow) -> Iterator[Finding]:
    """進捗状況 is one of the scale (obvious variants accepted with a warning)."""
    cell = row.cells.get("status")
    if cell is not None and cell.formula is not None and cell.value is None:
        return  # reported by check_formulas as status-formula-no-value
    raw = row.value("status")
    where = ctx.where(row, "status")
    ident = clean(row.value("initiative_id"))
    choices = ctx.plan.scale.choices_text()
    if clean(raw) == "":
        yield make("status-missing", ERROR, value=raw, initiative_id=ident, choices=choices, **where)
        return
    canonical, exact = interpret_status(raw, ctx.plan)
    if canonical is None:
        yield make("status-not-in-scale", ERROR, value=raw, initiative_id=ident, choices=choices,
                   **where)
    elif not exact:
        yield make("status-variant", WARNING, value=raw, initiative_id=ident, canonical=canonical,
                   **where)


def check_progress(ctx: FileContext, row: FormRow) -> Iterator[Finding]:
    """取組状況 (and every other required input column) is filled in."""
    for column in schema.INPUT_COLUMNS:
        if not column.required or column.kind == schema.STATUS:
            continue
        cell = row.cells.get(column.key)
        if cell is not None and cell.formula is not None:
            continue  # a formula is reported by check_formulas
        if cell_text(row, column.key) == "":
            code = "progress-missing" if column.key == "progress" else "meta-missing"
            yield make(code, ERROR, initiative_id=clean(row.value("initiative_id")),
                       label=column.label, **ctx.where(row, column.key))


def check_delay_reason(ctx: FileContext, row: FormRow) -> Iterator[Finding]:
    """遅れ等の理由 is filled in when the status is not on track."""
    canonical, _exact = interpret_status(row.value("status"), ctx.plan)
    if canonical is None or ctx.plan.scale.is_on_track(canonical):
        return
    if cell_text(row, "delay_reason") == "":
        yield make("delay-reason-missing", ERROR, initiative_id=clean(row.value("initiative_id")),
                   status=canonical, **ctx.where(row, "delay_reason"))


def check_fiscal_effect(ctx: FileContext, row: FormRow) -> Iterator[Finding]:
    """財政効果額 is blank or a whole number ≥ 0 (full-width digits read with a warning, commas noted)."""
    cell = row.cells.get("fiscal_effect")
    if cell is not None and cell.formula is not None and cell.value is None:
        return
    raw = row.value("fiscal_effect")
    amount, ok, normalised = parse_amount(raw)
    ident = clean(row.value("initiative_id"))
    if not ok:
        code = "fiscal-effect-too-large" if amount_too_large(raw) else "fiscal-effect-invalid"
        yield make(code, ERROR, value=raw, initiative_id=ident, limit=f"{schema.MAX_AMOUNT:,}",
                   **ctx.where(row, "fiscal_effect"))
    elif normalised and _AMOUNT_CHARS.match(clean(raw)):  # half-width digits with commas: fine
        yield make("fiscal-effect-comma", INFO, value=raw, number=str(amount),
                   initiative_id=ident, **ctx.where(row, "fiscal_effect"))
    elif normalised:
        yield make("fiscal-effect-normalized", WARNING, value=raw, number=f"{amount:,}",
                   initiative_id=ident, **ctx.where(row, "fiscal_effect"))


def check_year_to_date_effect(ctx: FileContext, row: FormRow) -> Iterator[Finding]:
    """A later report of the year (年度末・下半期) left 財政効果額 blank where its form shows an amount
    reported at 上半期: the year's amount is the total to date, so the department is asked (a warning;
    the 上半期 amount then stands for the year, see :func:`gyokaku_xl.core.movement.fiscal`)."""
    if "first_half_effect" not in ctx.form.columns:
        return
    earlier, ok, _normalised = parse_amount(row.value("first_half_effect"))
    cell = row.cells.get("fiscal_effect")
    if not ok or not earlier or (cell is not None and cell.formula is not None):
        return
    if parse_amount(row.value("fiscal_effect"))[0] is None and cell_text(row, "fiscal_effect") == "":
        yield make("fiscal-effect-year-end-blank", WARNING, initiative_id=clean(row.value("initiative_id")),
                   previous=f"{earlier:,}", **ctx.where(row, "fiscal_effect"))


def check_formulas(ctx: FileContext, row: FormRow) -> Iterator[Finding]:
    """Input cells hold values, not formulas (the cached value is used with a warning)."""
    ident = clean(row.value("initiative_id"))
    for column in schema.INPUT_COLUMNS:
        cell = row.cells.get(column.key)
        if cell is None or cell.formula is None:
            continue
        if cell.value is None or (isinstance(cell.value, str) and cell.value.startswith("#")):
            code = "status-formula-no-value" if column.key == "status" else "formula-no-value"
            yield make(code, ERROR, value="=" + cell.formula, initiative_id=ident,
                       **ctx.where(row, column.key))
        else:
            yield make("formula-cached", WARNING, value="=" + cell.formula, cached=cell.value,
                       initiative_id=ident, **ctx.where(row, column.key))


def check_text_length(ctx: FileContext, row: FormRow) -> Iterator[Finding]:
    """No text is longer than Excel's cell limit."""
    for column in schema.FORM_COLUMNS:
        value = row.value(column.key)
        if isinstance(value, str) and len(value) > schema.CELL_TEXT_LIMIT:
            yield make("text-too-long", ERROR, value=value, limit=f"{schema.CELL_TEXT_LIMIT:,}",
                       length=f"{len(value):,}", initiative_id=clean(row.value("initiative_id")),
                       **ctx.where(row, column.key))


def expected_prefill(plan: Plan, initiative_id: str) -> dict[str, str]:
    """What the prefilled columns of an initiative's row hold in the official form."""
    initiative = plan.initiative(initiative_id)
    program = plan.program_of(initiative)
    return {
        "initiative_id": initiative.id,
        "perspective": plan.perspective_of(initiative).label,
        "program": program.name,
        "priority": g.MARK_TRUE if program.priority else "",
        "initiative": initiative.name,
    }


def check_prefilled(ctx: FileContext, row: FormRow) -> Iterator[Finding]:
    """The locked prefilled columns still hold what the form was issued with."""
    if not ctx.plan_checked:
        return
    initiative = match_initiative(ctx, row)
    if initiative is None:
        return
    expected = expected_prefill(ctx.plan, initiative.id)
    for column in schema.PREFILLED_COLUMNS:
        if column.key == "initiative_id":
            continue
        seen = row.value(column.key)
        want = expected[column.key]
        same = key(seen) == key(want) or (column.kind == schema.FLAG and
                                          (clean(seen) in MARK_TRUE_WORDS) == bool(want))
        if not same:
            yield make("prefilled-changed", WARNING, value=seen, initiative_id=initiative.id,
                       label=column.label, expected=want, **ctx.where(row, column.key))


def previous_label(form: FormData) -> str:
    """``令和3年度上半期``: the period a carry-over form took its texts from ('' when unknown)."""
    ident = form.identity
    try:
        period = Period.parse(ident.get(schema.PROP_PREVIOUS_FISCAL_YEAR, ""),
                              ident.get(schema.PROP_PREVIOUS_PERIOD, ""))
    except PeriodError:
        return ""
    return period.file_label


def check_carried_over(ctx: FileContext, row: FormRow) -> Iterator[Finding]:
    """A 取組状況 carried over from the previous period came back unchanged (usually forgotten)."""
    initiative = match_initiative(ctx, row)
    if initiative is None:
        return
    carried = clean(ctx.form.carried.get(initiative.id, {}).get("progress", ""))
    if carried and cell_text(row, "progress") == carried:
        yield make("progress-unchanged", WARNING, initiative_id=initiative.id,
                   previous=previous_label(ctx.form) or g.PERIOD_UNKNOWN, **ctx.where(row, "progress"))


ROW_RULES: tuple[Callable[[FileContext, FormRow], Iterator[Finding]], ...] = (
    check_initiative_id, check_status, check_progress, check_delay_reason, check_fiscal_effect,
    check_year_to_date_effect, check_formulas, check_text_length, check_prefilled, check_carried_over,
)


def run_file_rules(ctx: FileContext) -> list[Finding]:
    """All file-level findings of one form."""
    return [f for rule in FILE_RULES for f in rule(ctx)]


def run_row_rules(ctx: FileContext, row: FormRow) -> list[Finding]:
    """All findings of one row."""
    return [f for rule in ROW_RULES for f in rule(ctx, row)]


def excludes_row(findings: list[Finding]) -> bool:
    """True when a row's findings include an error in a key field (取組番号, 進捗状況)."""
    return any(f.is_error and f.code in KEY_FIELD_CODES for f in findings)


__all__ = ["FileContext", "FILE_RULES", "ROW_RULES", "run_file_rules", "run_row_rules",
           "excludes_row", "interpret_status", "parse_amount", "expected_prefill"]
