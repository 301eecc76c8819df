"""Read the committee's opinions (委員意見.xlsx: sheet 「委員意見」, headers 取組番号・意見・会議).

Read with the guarded reader like every other input; every problem is a finding (file, sheet,
cell, code, severity, message, value). A 取組番号 may be a 事業番号: the opinion then applies to
every 取組 of that 事業.
"""

from __future__ import annotations

from pathlib import Path

from gyokaku_xl import text as g
from gyokaku_xl.domain.cells import SheetData, WorkbookData, column_letter
from gyokaku_xl.domain.findings import ERROR, WARNING, Finding, make
from gyokaku_xl.domain.limits import DEFAULT_LIMITS, Limits
from gyokaku_xl.domain.model import Plan
from gyokaku_xl.domain.normalize import clean, key, label_key, nfkc
from gyokaku_xl.domain.opinions import Opinion, OpinionRow
from gyokaku_xl.reading.xlsx import ReadError, read_workbook

#: How far down the header row is looked for.
HEADER_SEARCH_ROWS = 20


def read_opinions(path: str | Path, plan: Plan,
                  limits: Limits = DEFAULT_LIMITS) -> tuple[list[Opinion], list[Finding]]:
    """The opinions of ``path`` for ``plan`` (in the sheet's order) and the findings about it.

    A file that cannot be read, or lacks the sheet or a required header, gives no opinions and an
    エラー; a row naming no 取組・事業 of the plan, or with an empty 意見, is left out with a 警告.
    """
    path = Path(path)
    file = path.name
    try:
        book = read_workbook(path, (g.OPINION_SHEET,), limits)
    except ReadError as exc:
        return [], [make("opinions-unreadable", ERROR, file=file, detail=exc.detail())]
    data = book.sheets.get(g.OPINION_SHEET)
    if data is None:
        return [], [make("opinions-sheet-missing", ERROR, file=file, sheet=g.OPINION_SHEET,
                         value=g.SEP_LIST.join(book.sheet_names[:5]))]
    header_row, columns = _header(data)
    missing = [label for label in g.OPINION_REQUIRED if label not in columns]
    if missing:
        return [], [make("opinions-header-missing", ERROR, file=file, sheet=data.name,
                         cell=g.ROW_LABEL.format(row=header_row) if header_row else "", expected=label)
                    for label in missing]
    opinions: list[Opinion] = []
    findings: list[Finding] = []
    programs = {key(p.number): p for p in plan.programs}
    for row in data.rows():
        if row <= header_row:
            continue
        values = {label: data.value(row, col) for label, col in columns.items()}
        if all(clean(v) == "" for v in values.values()):
            continue
        target = nfkc(clean(values.get(g.OPINION_COL_ID)))
        text = clean(values.get(g.OPINION_COL_TEXT))
        meeting = clean(values.get(g.OPINION_COL_MEETING))
        cell = f"{column_letter(columns[g.OPINION_COL_ID])}{row}"
        if not text:
            findings.append(make("opinion-empty", WARNING, file=file, sheet=data.name, row=row,
                                 cell=f"{column_letter(columns[g.OPINION_COL_TEXT])}{row}", value=target))
            continue
        initiative = plan.find_initiative(target)
        if initiative is not None:
            ids: tuple[str, ...] = (initiative.id,)
        elif key(target) in programs:
            ids = tuple(i.id for i in plan.initiatives_of_program(programs[key(target)].number))
        else:
            findings.append(make("opinion-unknown-target", WARNING, file=file, sheet=data.name, row=row,
                                 cell=cell, value=target))
            continue
        for initiative_id in ids:
            opinions.append(Opinion(initiative_id, text, meeting))
    return opinions, findings


#: Columns looked at for a header (a hostile sheet may be very wide).
HEADER_SEARCH_COLUMNS = 60


def _header(data: SheetData, labels: tuple[str, ...] = g.OPINION_REQUIRED + g.OPINION_OPTIONAL,
            required: tuple[str, ...] = g.OPINION_REQUIRED) -> tuple[int, dict[str, int]]:
    """The header row (the first of the first rows naming a required label) and label → column."""
    wanted = {label_key(label): label for label in labels}
    rows = data.rows()
    for row in rows[:HEADER_SEARCH_ROWS]:
        found: dict[str, int] = {}
        for col in range(1, min(data.max_col, HEADER_SEARCH_COLUMNS) + 1):
            label = wanted.get(label_key(data.value(row, col)))
            if label is not None:
                found.setdefault(label, col)
        if any(label in found for label in required):
            return row, found
    return (rows[0] if rows else 0), {}


def read_master_opinions(book: WorkbookData, period_label: str) -> list[OpinionRow]:
    """The rows of an earlier master's 「意見と対応」 (both its tables: the period's own opinions and
    the ones it still listed as open), by their header labels; none when the sheet is absent."""
    data = book.sheets.get(g.SHEET_OPINIONS)
    if data is None:
        return []
    rows: list[OpinionRow] = []
    labels = g.OPINIONS_HEADERS + (g.OPINIONS_PERIOD_HEADER,)
    header_rows = []
    for row in data.rows():
        found = {lab: col for col in range(1, min(data.max_col, HEADER_SEARCH_COLUMNS) + 1)
                 for lab in labels if label_key(data.value(row, col)) == label_key(lab)}
        if all(lab in found for lab in g.OPINIONS_HEADERS):
            header_rows.append((row, found))
    for n, (header, columns) in enumerate(header_rows):
        end = header_rows[n + 1][0] if n + 1 < len(header_rows) else data.max_row + 1
        for row in range(header + 1, end):
            values = {lab: clean(data.value(row, col)) for lab, col in columns.items()}
            initiative_id, text = values[g.OPINIONS_HEADERS[0]], values[g.OPINIONS_HEADERS[4]]
            if not initiative_id or not text:
                continue
            rows.append(OpinionRow(initiative_id, values[g.OPINIONS_HEADERS[1]], values[g.OPINIONS_HEADERS[2]],
                                   values[g.OPINIONS_HEADERS[3]], text, values[g.OPINIONS_HEADERS[5]],
                                   values.get(g.OPINIONS_PERIOD_HEADER) or period_label))
    return rows
