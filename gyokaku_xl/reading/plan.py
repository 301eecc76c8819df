"""Read and check the plan master (計画マスタ.xlsx) into a :class:`~gyokaku_xl.domain.model.Plan`.

Each sheet's first non-empty row is its header; columns are found by their labels, in any order.
Problems are findings, with the same records and Japanese messages as department files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from gyokaku_xl import text as g
from gyokaku_xl.domain import schema
from gyokaku_xl.domain.findings import ERROR, WARNING, Finding, make
from gyokaku_xl.domain.model import (DEFAULT_SCALE, MAX_AMOUNT, Initiative, PeriodError, Perspective,
                                     Plan, Program, Status, StatusScale, parse_fiscal_year,
                                     parse_plan_years)
from gyokaku_xl.domain.normalize import clean, key, label_key, nfkc, positive_int
from gyokaku_xl.reading import plan_changes
from gyokaku_xl.reading.contacts import deadline_findings, read_contacts
from gyokaku_xl.reading.targets import PLAN_TARGET_SHEETS, read_plan_targets
from gyokaku_xl.domain.tokens import FONT_SEPARATORS, MARK_TRUE_WORDS, PARENS, PERSPECTIVE_LABEL
from gyokaku_xl.reading.xlsx import ReadError, read_workbook
from gyokaku_xl.domain.cells import SheetData, column_letter

if TYPE_CHECKING:
    from gyokaku_xl.domain.form import FormData

PLAN_SHEETS = (g.PLAN_SHEET_SETTINGS, g.PLAN_SHEET_PERSPECTIVES, g.PLAN_SHEET_STATUSES,
               g.PLAN_SHEET_PROGRAMS, g.PLAN_SHEET_INITIATIVES)

#: Required header labels per sheet; optional ones are read when present.
REQUIRED_COLUMNS: dict[str, tuple[str, ...]] = {
    g.PLAN_SHEET_SETTINGS: (g.PLAN_COL_ITEM, g.PLAN_COL_VALUE),
    g.PLAN_SHEET_PERSPECTIVES: (g.PLAN_COL_NUMBER, g.PLAN_COL_NAME),
    g.PLAN_SHEET_STATUSES: (g.PLAN_COL_STATUS, g.PLAN_COL_ON_TRACK),
    g.PLAN_SHEET_PROGRAMS: (g.PLAN_COL_PROGRAM_NUMBER, g.PLAN_COL_PERSPECTIVE, g.PLAN_COL_PROGRAM_NAME,
                            g.PLAN_COL_PRIORITY, g.PLAN_COL_SUMMARY, g.PLAN_COL_DEPARTMENT),
    g.PLAN_SHEET_INITIATIVES: (g.PLAN_COL_INITIATIVE_ID, g.PLAN_COL_PROGRAM_NUMBER,
                               g.PLAN_COL_INITIATIVE_NAME, g.PLAN_COL_DEPARTMENT),
}
OPTIONAL_COLUMNS: dict[str, tuple[str, ...]] = {g.PLAN_SHEET_STATUSES: (g.PLAN_COL_DEFINITION,),
                                                g.PLAN_SHEET_PROGRAMS: (g.PLAN_COL_TARGET,),
                                                g.PLAN_SHEET_CONTACTS: (g.PLAN_COL_PERSON,),
                                                g.PLAN_SHEET_CHANGES: plan_changes.OPTIONAL}
#: Optional sheets: read when present, with their required columns.
OPTIONAL_SHEETS: dict[str, tuple[str, ...]] = {
    g.PLAN_SHEET_FISCAL_TARGETS: (g.PLAN_COL_FISCAL_YEAR, g.PLAN_COL_TARGET),
    g.PLAN_SHEET_CONTACTS: (g.PLAN_COL_DEPARTMENT, g.PLAN_COL_ADDRESS),
    g.PLAN_SHEET_CHANGES: plan_changes.REQUIRED,
}


class PlanReadError(Exception):
    """The plan master cannot be opened at all (see ``finding``; ``detail`` says why, without the
    advice addressed to a department that the finding's message carries)."""

    def __init__(self, finding: Finding, detail: str = "") -> None:
        super().__init__(finding.message)
        self.finding = finding
        self.detail = detail or finding.message

    def __reduce__(self):
        """Picklable across process pools."""
        return (type(self), (self.finding, self.detail))


@dataclass
class PlanResult:
    """A plan (None when it has errors that make it unusable) and the findings about it."""

    plan: Plan | None
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        """The エラー findings."""
        return [f for f in self.findings if f.is_error]


@dataclass
class _Table:
    sheet: str
    rows: list[tuple[int, dict[str, object]]]  # (excel row, label -> value)
    columns: dict[str, int]  # label -> column


def is_mark(value: object) -> bool:
    """True when a 重点/総括掲載/順調 cell holds a mark such as ○."""
    return clean(value) in MARK_TRUE_WORDS or nfkc(clean(value)) in MARK_TRUE_WORDS


def read_plan(path: str | Path) -> PlanResult:
    """Read and check the plan master at ``path``.

    Raises :class:`PlanReadError` only when the file cannot be read as a workbook.
    """
    path = Path(path)
    file = path.name
    try:
        book = read_workbook(path, PLAN_SHEETS + tuple(OPTIONAL_SHEETS) + PLAN_TARGET_SHEETS)
    except ReadError as exc:
        raise PlanReadError(make(exc.code, ERROR, file=file, **exc.fields), exc.detail()) from None
    findings: list[Finding] = []
    tables: dict[str, _Table] = {}
    for sheet in PLAN_SHEETS:
        data = book.sheets.get(sheet)
        if data is None:
            findings.append(make("plan-sheet-missing", ERROR, file=file, sheet=sheet))
            continue
        tables[sheet] = _table(data, file, findings)
    if any(f.code in ("plan-sheet-missing", "plan-header-missing") for f in findings):
        return PlanResult(None, findings)
    plan = _build(tables, file, findings)
    targets = book.sheets.get(g.PLAN_SHEET_FISCAL_TARGETS)
    if targets is not None:
        target_findings: list[Finding] = []
        table = _table(targets, file, target_findings)
        # an optional sheet without its headers is left out with a warning, never an error
        findings.extend(replace(f, severity=WARNING) for f in target_findings)
        if not target_findings:
            plan.fiscal_targets = _fiscal_targets(table, file, findings)
    changes = book.sheets.get(g.PLAN_SHEET_CHANGES)
    if changes is not None:
        plan.changes = _changes(changes, plan, file, findings)
    contacts = book.sheets.get(g.PLAN_SHEET_CONTACTS)
    if contacts is not None:  # optional, like 財政効果目標: without its headers a warning
        contact_findings: list[Finding] = []
        table = _table(contacts, file, contact_findings)
        findings.extend(replace(f, severity=WARNING) for f in contact_findings)
        if not contact_findings:
            plan.contacts = read_contacts(table, plan, file, findings)
    findings.extend(deadline_findings(plan.settings, file))
    plan.targets = read_plan_targets(book, plan, file, findings)
    plan.source = str(path)
    errors = any(f.is_error for f in findings)
    return PlanResult(None if errors else plan, findings)


def _table(data: SheetData, file: str, findings: list[Finding]) -> _Table:
    rows = data.rows()
    header_row = rows[0] if rows else 1
    labels: dict[str, int] = {}
    for (r, c), cell in data.cells.items():
        if r == header_row and not clean(cell.value) == "":
            labels.setdefault(label_key(cell.value), c)
    columns: dict[str, int] = {}
    required = REQUIRED_COLUMNS.get(data.name) or OPTIONAL_SHEETS[data.name]
    wanted = required + OPTIONAL_COLUMNS.get(data.name, ())
    for label in wanted:
        col = labels.get(label_key(label))
        if col is None:
            if label in required:
                findings.append(make("plan-header-missing", ERROR, file=file, sheet=data.name,
                                     cell=g.ROW_LABEL.format(row=header_row), expected=label))
            continue
        columns[label] = col
    body = []
    for r in rows:
        if r <= header_row:
            continue
        values = {label: data.value(r, c) for label, c in columns.items()}
        if all(clean(v) == "" for v in values.values()):
            continue
        body.append((r, values))
    return _Table(data.name, body, columns)


def _cell(table: _Table, row: int, label: str) -> str:
    return f"{column_letter(table.columns[label])}{row}"


def _required_text(table: _Table, row: int, values: dict, label: str, file: str,
                   findings: list[Finding]) -> str:
    text = clean(values.get(label))
    if not text:
        findings.append(make("plan-empty-name", ERROR, file=file, sheet=table.sheet,
                             cell=_cell(table, row, label), label=label))
    return text


def _number(value: object) -> int | None:
    text = nfkc(clean(value)).strip(PARENS)
    return int(text) if text.isdigit() else None


def _build(tables: dict[str, _Table], file: str, findings: list[Finding]) -> Plan:
    settings = _settings(tables[g.PLAN_SHEET_SETTINGS], file, findings)
    perspectives = _perspectives(tables[g.PLAN_SHEET_PERSPECTIVES], file, findings)
    scale = _scale(tables[g.PLAN_SHEET_STATUSES], file, findings)
    programs = _programs(tables[g.PLAN_SHEET_PROGRAMS], {p.number for p in perspectives}, file, findings)
    initiatives = _initiatives(tables[g.PLAN_SHEET_INITIATIVES], programs, file, findings)
    used = {i.program for i in initiatives}
    for p in programs:
        if p.number not in used:
            findings.append(make("plan-empty-program", WARNING, file=file, sheet=g.PLAN_SHEET_PROGRAMS,
                                 value=p.number))
    rounding = settings.get(g.SETTING_ROUNDING, g.ROUNDING_TRUNCATE) or g.ROUNDING_TRUNCATE
    if rounding not in g.ROUNDINGS:
        findings.append(make("plan-setting-invalid", ERROR, file=file, sheet=g.PLAN_SHEET_SETTINGS,
                             label=g.SETTING_ROUNDING, value=rounding,
                             expected=g.SEP_DOT.join(g.ROUNDINGS)))
        rounding = g.ROUNDING_TRUNCATE
    fonts = g.FONT_CHOICES[g.FONT_CHOICE_DEFAULT]
    font_value = settings.get(g.SETTING_FONT, "")
    if font_value:
        choice = font_choice(font_value)
        if choice is None:
            findings.append(make("plan-setting-invalid", WARNING, file=file, sheet=g.PLAN_SHEET_SETTINGS,
                                 label=g.SETTING_FONT, value=font_value,
                                 expected=g.SEP_DOT.join(g.FONT_CHOICES)))
        else:
            fonts = g.FONT_CHOICES[choice]
    for label in (g.SETTING_SUMMARY_LIST_LIMIT, g.SETTING_SPLIT_FROM):  # optional numbers
        text = settings.get(label, "")
        if text and positive_int(text) is None:
            findings.append(make("plan-setting-invalid", WARNING, file=file, sheet=g.PLAN_SHEET_SETTINGS,
                                 label=label, value=text, expected=g.SETTING_NUMBER_EXPECTED))
            del settings[label]
    return Plan(name=settings.get(g.SETTING_PLAN_NAME, ""),
                municipality=settings.get(g.SETTING_MUNICIPALITY, ""),
                perspectives=tuple(perspectives), scale=scale, programs=tuple(programs),
                initiatives=tuple(initiatives), rounding=rounding,
                coordinator=settings.get(g.SETTING_COORDINATOR, ""), settings=settings, fonts=fonts)


def _font_key(text: str) -> str:
    return re.sub(FONT_SEPARATORS, "", nfkc(text)).lower()


def font_choice(value: str) -> str | None:
    """The 「フォント」 choice (a key of ``FONT_CHOICES``) that ``value`` names, or None.

    Spaces, full/half width and the separator are ignored; naming one font of a pair (e.g.
    「BIZ UDゴシック」) or just the family (「BIZ UD」, 「IPAex」, 「MS」) selects the pair.
    """
    wanted = _font_key(value)
    if not wanted:
        return None
    for choice, pair in g.FONT_CHOICES.items():
        keys = {_font_key(choice), *(_font_key(f) for f in pair)}
        if wanted in keys or any(k.startswith(wanted) for k in keys):
            return choice
    return None


def _settings(table: _Table, file: str, findings: list[Finding]) -> dict[str, str]:
    settings: dict[str, str] = {}
    for _row, values in table.rows:
        item = clean(values.get(g.PLAN_COL_ITEM))
        if item:
            settings[item] = clean(values.get(g.PLAN_COL_VALUE))
    for label in (g.SETTING_PLAN_NAME, g.SETTING_MUNICIPALITY):
        if not settings.get(label):
            findings.append(make("plan-setting-missing", ERROR, file=file, sheet=table.sheet, label=label))
    period = settings.get(g.SETTING_PLAN_PERIOD, "")
    if period and parse_plan_years(period) is None:  # a warning: the period only guards the year
        findings.append(make("plan-setting-invalid", WARNING, file=file, sheet=table.sheet,
                             label=g.SETTING_PLAN_PERIOD, value=period, expected=g.PLAN_PERIOD_EXAMPLE))
    return settings


def _perspectives(table: _Table, file: str, findings: list[Finding]) -> list[Perspective]:
    result: list[Perspective] = []
    first: dict[int, str] = {}
    for row, values in table.rows:
        number = _number(values.get(g.PLAN_COL_NUMBER))
        cell = _cell(table, row, g.PLAN_COL_NUMBER)
        if number is None:
            findings.append(make("plan-invalid-number", ERROR, file=file, sheet=table.sheet, cell=cell,
                                 label=g.PLAN_COL_NUMBER, value=values.get(g.PLAN_COL_NUMBER), row=row))
            continue
        name = _required_text(table, row, values, g.PLAN_COL_NAME, file, findings)
        if number in first:
            findings.append(make("plan-duplicate-id", ERROR, file=file, sheet=table.sheet, cell=cell,
                                 label=g.PLAN_COL_PERSPECTIVE, value=number, first=first[number], row=row))
            continue
        first[number] = cell
        result.append(Perspective(number, name))
    return result


def _scale(table: _Table, file: str, findings: list[Finding]) -> StatusScale:
    statuses: list[Status] = []
    first: dict[str, str] = {}
    for row, values in table.rows:
        name = _required_text(table, row, values, g.PLAN_COL_STATUS, file, findings)
        if not name:
            continue
        cell = _cell(table, row, g.PLAN_COL_STATUS)
        if key(name) in first:
            findings.append(make("plan-duplicate-id", ERROR, file=file, sheet=table.sheet, cell=cell,
                                 label=g.PLAN_COL_STATUS, value=name, first=first[key(name)], row=row))
            continue
        first[key(name)] = cell
        statuses.append(Status(name, is_mark(values.get(g.PLAN_COL_ON_TRACK)),
                               clean(values.get(g.PLAN_COL_DEFINITION))))
    if not statuses:
        findings.append(make("plan-no-statuses", ERROR, file=file, sheet=table.sheet))
        return DEFAULT_SCALE
    if not any(s.on_track for s in statuses):
        findings.append(make("plan-no-on-track", ERROR, file=file, sheet=table.sheet))
    return StatusScale(tuple(statuses))


def _unique_id(table: _Table, row: int, values: dict, label: str, first: dict[str, str], file: str,
               findings: list[Finding]) -> str | None:
    """The id in column ``label`` of a row, or None (with a finding) when empty or a repeat."""
    ident = nfkc(clean(values.get(label)))
    cell = _cell(table, row, label)
    if not ident:
        findings.append(make("plan-empty-name", ERROR, file=file, sheet=table.sheet, cell=cell,
                             label=label, row=row))
        return None
    if key(ident) in first:
        findings.append(make("plan-duplicate-id", ERROR, file=file, sheet=table.sheet, cell=cell,
                             label=label, value=ident, first=first[key(ident)], row=row))
        return None
    first[key(ident)] = cell
    return ident


def _programs(table: _Table, perspective_numbers: set[int], file: str,
              findings: list[Finding]) -> list[Program]:
    result: list[Program] = []
    first: dict[str, str] = {}
    for row, values in table.rows:
        number = _unique_id(table, row, values, g.PLAN_COL_PROGRAM_NUMBER, first, file, findings)
        if number is None:
            continue
        raw_perspective = values.get(g.PLAN_COL_PERSPECTIVE)
        perspective = _number(raw_perspective)
        if perspective is None or perspective not in perspective_numbers:
            findings.append(make("plan-unknown-perspective", ERROR, file=file, sheet=table.sheet,
                                 cell=_cell(table, row, g.PLAN_COL_PERSPECTIVE), value=raw_perspective,
                                 row=row))
            perspective = -1
        name = _required_text(table, row, values, g.PLAN_COL_PROGRAM_NAME, file, findings)
        department = _required_text(table, row, values, g.PLAN_COL_DEPARTMENT, file, findings)
        priority = is_mark(values.get(g.PLAN_COL_PRIORITY))
        summary_raw = values.get(g.PLAN_COL_SUMMARY)
        summary = priority if clean(summary_raw) == "" else is_mark(summary_raw)
        target = None
        if g.PLAN_COL_TARGET in table.columns:
            target = _target(table, row, values, g.PLAN_COL_TARGET, file, findings)
        result.append(Program(number, perspective, name, priority, summary, department, target))
    return result


def _target(table: _Table, row: int, values: dict, label: str, file: str,
            findings: list[Finding]) -> int | None:
    """An optional 目標額（千円）: blank → None; a whole number 0..MAX_AMOUNT; else a warning and None."""
    raw = values.get(label)
    if clean(raw) == "":
        return None
    amount: int | None = None
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        if float(raw).is_integer():
            amount = int(raw)
    else:
        text = nfkc(clean(raw)).replace(",", "").replace(" ", "")
        if text.isdigit():
            amount = int(text)
    if amount is None or not 0 <= amount <= MAX_AMOUNT:
        findings.append(make("plan-target-invalid", WARNING, file=file, sheet=table.sheet,
                             cell=_cell(table, row, label), label=label, value=raw,
                             limit=f"{MAX_AMOUNT:,}", row=row))
        return None
    return amount


def _changes(data: SheetData, plan: Plan, file: str, findings: list[Finding]) -> tuple:
    """The 「計画の変更」 sheet (optional: without its headers it is left out with a warning)."""
    header_findings: list[Finding] = []
    table = _table(data, file, header_findings)
    findings.extend(replace(f, severity=WARNING) for f in header_findings)
    if header_findings:
        return ()

    def cell_of(row: int, label: str) -> str:
        return _cell(table, row, label) if label in table.columns else g.ROW_LABEL.format(row=row)
    return plan_changes.read_changes(table.rows, cell_of, plan.initiatives, plan.years, file, findings)


def _fiscal_targets(table: _Table, file: str, findings: list[Finding]) -> dict[int, int]:
    """The 財政効果目標 sheet: 年度 → 目標額（千円）; bad or repeated rows are warnings and left out."""
    targets: dict[int, int] = {}
    first: dict[int, str] = {}
    for row, values in table.rows:
        raw_year = values.get(g.PLAN_COL_FISCAL_YEAR)
        cell = _cell(table, row, g.PLAN_COL_FISCAL_YEAR)
        try:
            year = parse_fiscal_year(raw_year)
        except PeriodError:
            findings.append(make("plan-target-year-invalid", WARNING, file=file, sheet=table.sheet,
                                 cell=cell, value=raw_year, row=row))
            continue
        amount = _target(table, row, values, g.PLAN_COL_TARGET, file, findings)
        if amount is None:
            continue
        if year in first:
            findings.append(make("plan-target-duplicate-year", WARNING, file=file, sheet=table.sheet,
                                 cell=cell, value=raw_year, first=first[year], row=row))
            continue
        first[year] = cell
        targets[year] = amount
    return dict(sorted(targets.items()))


def _initiatives(table: _Table, programs: list[Program], file: str,
                 findings: list[Finding]) -> list[Initiative]:
    by_key = {key(p.number): p for p in programs}
    result: list[Initiative] = []
    first: dict[str, str] = {}
    for row, values in table.rows:
        ident = _unique_id(table, row, values, g.PLAN_COL_INITIATIVE_ID, first, file, findings)
        if ident is None:
            continue
        raw_program = values.get(g.PLAN_COL_PROGRAM_NUMBER)
        program = by_key.get(key(raw_program))
        if program is None:
            findings.append(make("plan-unknown-program", ERROR, file=file, sheet=table.sheet,
                                 cell=_cell(table, row, g.PLAN_COL_PROGRAM_NUMBER), value=raw_program,
                                 initiative_id=ident, row=row))
            continue
        name = _required_text(table, row, values, g.PLAN_COL_INITIATIVE_NAME, file, findings)
        department = clean(values.get(g.PLAN_COL_DEPARTMENT))
        if not department:
            department = program.department
            findings.append(make("plan-department-mismatch", WARNING, file=file, sheet=table.sheet,
                                 cell=_cell(table, row, g.PLAN_COL_DEPARTMENT), value=ident,
                                 department=department, initiative_id=ident, row=row))
        result.append(Initiative(ident, program.number, name, department))
    # plan order: by perspective, then program order, then the sheet's order
    program_rank = {p.number: (p.perspective, n) for n, p in enumerate(programs)}
    result.sort(key=lambda i: program_rank[i.program])
    return result


_PERSPECTIVE_LABEL = re.compile(PERSPECTIVE_LABEL)


def plan_from_forms(forms: "list[FormData]") -> Plan:
    """A plan rebuilt from the prefilled columns of submitted forms, for merging without a plan master.

    Perspectives come from labels like ``(1)民間活力の活用``, programs from 事業名 and 重点, the
    department from each form's 所管課, the status scale is the default one. Completeness cannot
    be checked against such a plan.
    """
    perspectives: dict[int, Perspective] = {}
    programs: dict[str, Program] = {}
    initiatives: dict[str, Initiative] = {}
    seen: set[str] = set()
    plan_name = ""
    for form in forms:
        plan_name = plan_name or form.identity.get(schema.PROP_PLAN, "")
        department = clean(form.meta_value(g.META_DEPARTMENT))
        if not department:
            continue
        for row in form.rows:
            ident = nfkc(clean(row.value("initiative_id")))
            if not ident or key(ident) in seen:
                continue
            seen.add(key(ident))
            m = _PERSPECTIVE_LABEL.match(nfkc(clean(row.value("perspective"))))
            number = int(m.group(1)) if m else 0
            perspectives.setdefault(number, Perspective(number, m.group(2) if m else g.PERSPECTIVE_UNKNOWN))
            program_name = clean(row.value("program")) or g.PROGRAM_NAME_MISSING
            if program_name not in programs:
                priority = is_mark(row.value("priority"))
                programs[program_name] = Program(program_name, number, program_name, priority, priority,
                                                 department)
            initiatives[ident] = Initiative(ident, program_name, clean(row.value("initiative")), department)
    ordered_programs = sorted(programs.values(), key=lambda p: p.perspective)
    rank = {p.number: n for n, p in enumerate(ordered_programs)}
    ordered_initiatives = sorted(initiatives.values(), key=lambda i: rank[i.program])
    return Plan(name=plan_name, municipality="", perspectives=tuple(sorted(perspectives.values(),
                key=lambda p: p.number)), scale=DEFAULT_SCALE, programs=tuple(ordered_programs),
                initiatives=tuple(ordered_initiatives))
