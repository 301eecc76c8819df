"""Build test workbooks from a few dicts, and compare workbooks by content.

Plan master (any content, broken on purpose if you like)::

    path = build_plan(tmp_path)                                   # the small default plan
    path = build_plan(tmp_path, programs=[{"事業番号": "1", ...}])  # replace one sheet's rows
    path = build_plan(tmp_path, drop_sheets=["進捗区分"])            # a sheet missing
    plan = load_plan(path)                                        # read it, no errors allowed

Rows are dicts keyed by the sheet's header labels (text ``PLAN_COL_*``); the header is the union
of the keys in first-seen order, so leaving a key out of every row leaves that header out.
``settings`` is a plain ``{項目: 値}`` dict.

Filled department form (as a department would fill it, via openpyxl)::

    build_form(tmp_path / "財政課.xlsx", plan, period, "財政課",
               rows={"1-01": {"status": "概ね順調", "progress": "・実施した。"}},
               meta={"記入者": "山田"})

``rows`` maps 取組番号 → {form column key (``schema.FORM_COLUMNS``) → value}. Any column may be set,
prefilled ones too (to test "prefilled changed"); a value starting with ``=`` becomes a formula;
an 取組番号 that is not in the form is appended as a new row below the last one. ``meta`` maps a meta
label (所管課, 報告年度, …) to its value. ``properties`` overrides custom document properties
(``None`` deletes one).

``workbook_content(path)`` gives a comparable dict of what matters in a workbook (cells, locks,
merges, validations, conditional formats, protection, print set-up, properties).
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Mapping, Sequence

import openpyxl
from openpyxl.packaging.custom import StringProperty

from gyokaku_xl import text as g
from gyokaku_xl.domain import schema as s
from gyokaku_xl.domain.model import DEFAULT_SCALE, Period, Plan
from gyokaku_xl.reading.plan import read_plan
from gyokaku_xl.render.forms import write_form
from gyokaku_xl.render.plan_book import write_plan_tables

Row = Mapping[str, object]

# --- the default synthetic plan: 3 perspectives, 4 programs, 8 initiatives, 3 departments ------
DEPARTMENTS = ("行政総務課", "資産経営課", "情報政策課")

DEFAULT_SETTINGS: dict[str, str] = {
    g.SETTING_PLAN_NAME: "テスト市行財政改革計画（2020-2023）",
    g.SETTING_MUNICIPALITY: "テスト市",
    g.SETTING_ROUNDING: g.ROUNDING_TRUNCATE,
    g.SETTING_COORDINATOR: "行政総務課",
}

DEFAULT_PERSPECTIVES: list[Row] = [
    {"番号": 1, "名称": "民間活力の活用"},
    {"番号": 2, "名称": "行政の効率化"},
    {"番号": 3, "名称": "ICTの活用推進"},
]

DEFAULT_STATUSES: list[Row] = [
    {"区分": st.name, "順調": g.MARK_TRUE if st.on_track else "", "説明": st.definition}
    for st in DEFAULT_SCALE.statuses
]

DEFAULT_PROGRAMS: list[Row] = [
    {"事業番号": "1", "取組の視点": 1, "事業名": "民間委託推進事業", "重点": "○", "総括掲載": "", "所管課": "行政総務課"},
    {"事業番号": "2", "取組の視点": 1, "事業名": "施設管理適正化事業", "重点": "", "総括掲載": "", "所管課": "資産経営課"},
    {"事業番号": "3", "取組の視点": 2, "事業名": "業務改善推進事業", "重点": "", "総括掲載": "○", "所管課": "行政総務課"},
    {"事業番号": "4", "取組の視点": 3, "事業名": "ICT活用推進事業", "重点": "○", "総括掲載": "", "所管課": "情報政策課"},
]

DEFAULT_INITIATIVES: list[Row] = [
    {"取組番号": "1-01", "事業番号": "1", "取組名": "給食調理業務の委託", "所管課": "行政総務課"},
    {"取組番号": "1-02", "事業番号": "1", "取組名": "窓口業務の委託", "所管課": "資産経営課"},
    {"取組番号": "1-03", "事業番号": "2", "取組名": "施設の長寿命化", "所管課": "資産経営課"},
    {"取組番号": "2-01", "事業番号": "3", "取組名": "職員提案制度の運用", "所管課": "行政総務課"},
    {"取組番号": "2-02", "事業番号": "3", "取組名": "会議のペーパーレス化", "所管課": "行政総務課"},
    {"取組番号": "3-01", "事業番号": "4", "取組名": "RPAの導入", "所管課": "情報政策課"},
    {"取組番号": "3-02", "事業番号": "4", "取組名": "AI-OCRの活用", "所管課": "情報政策課"},
    {"取組番号": "3-03", "事業番号": "4", "取組名": "施設予約のオンライン化", "所管課": "資産経営課"},
]

#: Header used when a sheet is given no rows at all.
DEFAULT_HEADERS: dict[str, tuple[str, ...]] = {
    g.PLAN_SHEET_SETTINGS: (g.PLAN_COL_ITEM, g.PLAN_COL_VALUE),
    g.PLAN_SHEET_PERSPECTIVES: (g.PLAN_COL_NUMBER, g.PLAN_COL_NAME),
    g.PLAN_SHEET_STATUSES: (g.PLAN_COL_STATUS, g.PLAN_COL_ON_TRACK, g.PLAN_COL_DEFINITION),
    g.PLAN_SHEET_PROGRAMS: (g.PLAN_COL_PROGRAM_NUMBER, g.PLAN_COL_PERSPECTIVE, g.PLAN_COL_PROGRAM_NAME,
                            g.PLAN_COL_PRIORITY, g.PLAN_COL_SUMMARY, g.PLAN_COL_DEPARTMENT),
    g.PLAN_SHEET_INITIATIVES: (g.PLAN_COL_INITIATIVE_ID, g.PLAN_COL_PROGRAM_NUMBER,
                               g.PLAN_COL_INITIATIVE_NAME, g.PLAN_COL_DEPARTMENT),
}

PERIOD = Period(2021, g.PERIOD_FIRST_HALF)


def _table(sheet: str, rows: Sequence[Row]) -> tuple[tuple[str, ...], list[tuple[object, ...]]]:
    header: dict[str, None] = {}
    for row in rows:
        for label in row:
            header.setdefault(label, None)
    labels = tuple(header) or DEFAULT_HEADERS.get(sheet, ())
    return labels, [tuple(row.get(label) for label in labels) for row in rows]


def build_plan(tmp_path: Path, *, settings: Mapping[str, object] | None = None,
               perspectives: Sequence[Row] | None = None, statuses: Sequence[Row] | None = None,
               programs: Sequence[Row] | None = None, initiatives: Sequence[Row] | None = None,
               drop_sheets: Iterable[str] = (), extra_sheets: Mapping[str, Sequence[Row]] | None = None,
               file_name: str = g.PLAN_FILE_NAME) -> Path:
    """Write a plan master into ``tmp_path`` from the defaults with some sheets replaced; return its path."""
    settings = DEFAULT_SETTINGS if settings is None else settings
    sheets: dict[str, Sequence[Row]] = {
        g.PLAN_SHEET_SETTINGS: [{g.PLAN_COL_ITEM: k, g.PLAN_COL_VALUE: v} for k, v in settings.items()],
        g.PLAN_SHEET_PERSPECTIVES: DEFAULT_PERSPECTIVES if perspectives is None else perspectives,
        g.PLAN_SHEET_STATUSES: DEFAULT_STATUSES if statuses is None else statuses,
        g.PLAN_SHEET_PROGRAMS: DEFAULT_PROGRAMS if programs is None else programs,
        g.PLAN_SHEET_INITIATIVES: DEFAULT_INITIATIVES if initiatives is None else initiatives,
        **(extra_sheets or {}),
    }
    dropped = set(drop_sheets)
    tables = {name: _table(name, rows) for name, rows in sheets.items() if name not in dropped}
    path = Path(tmp_path) / file_name
    path.parent.mkdir(parents=True, exist_ok=True)
    write_plan_tables(path, tables)
    return path


def load_plan(path: Path) -> Plan:
    """Read a plan master that must have no errors."""
    result = read_plan(path)
    assert result.plan is not None, [f.message for f in result.errors]
    return result.plan


# --- department forms ----------------------------------------------------------------------------
def default_reports(plan: Plan, department: str) -> dict[str, dict[str, object]]:
    """A valid report for every initiative of ``department``: 概ね順調 and one bullet each."""
    on_track = plan.scale.on_track[-1]
    return {i.id: {"status": on_track, "progress": f"・{i.name}を実施。"}
            for i in plan.initiatives_of(department)}


def build_form(path: Path, plan: Plan, period: Period, department: str,
               rows: Mapping[str, Mapping[str, object]] | None = None,
               meta: Mapping[str, object] | None = None,
               properties: Mapping[str, str | None] | None = None) -> Path:
    """Write ``department``'s form to ``path`` and fill it like a department; return ``path``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_form(path, plan, period, department)
    return fill_form(path, path, rows, meta, properties)


def form_rows(sheet) -> dict[str, int]:
    """取組番号 → 1-based row of an openpyxl form sheet."""
    id_col = s.column_index("initiative_id") + 1
    found: dict[str, int] = {}
    row = s.FIRST_DATA_ROW + 1
    while sheet.cell(row, id_col).value not in (None, ""):
        found[str(sheet.cell(row, id_col).value)] = row
        row += 1
    return found


#: What a department writes into 記入者 and 連絡先.
DEPARTMENT_CONTACT: dict[str, object] = {g.META_AUTHOR: "担当者", g.META_CONTACT: "内線 1234"}


def fill_form(src: Path, dst: Path, rows: Mapping[str, Mapping[str, object]] | None = None,
              meta: Mapping[str, object] | None = None,
              properties: Mapping[str, str | None] | None = None) -> Path:
    """Open form ``src`` with openpyxl, set cells and properties, save as ``dst``; return ``dst``.

    Like a department, fills 記入者 and 連絡先 unless ``meta`` says otherwise (None leaves one blank).
    """
    meta = {**DEPARTMENT_CONTACT, **(meta or {})}
    book = openpyxl.load_workbook(src)
    sheet = book[g.FORM_SHEET]
    for n, (label, _prefilled) in enumerate(s.META_FIELDS):
        if meta and label in meta:
            sheet.cell(s.META_FIRST_ROW + n + 1, s.META_VALUE_COL + 1).value = meta[label]
    positions = form_rows(sheet)
    next_row = max(positions.values(), default=s.FIRST_DATA_ROW) + 1
    for initiative_id, values in (rows or {}).items():
        row = positions.get(initiative_id)
        if row is None:
            row = next_row
            next_row += 1
            sheet.cell(row, s.column_index("initiative_id") + 1).value = initiative_id
        for key, value in values.items():
            sheet.cell(row, s.column_index(key) + 1).value = value
    if properties:
        props = {p.name: p for p in book.custom_doc_props.props}
        for name, value in properties.items():
            if value is None:
                if name in props:
                    book.custom_doc_props.props.remove(props[name])
            elif name in props:
                props[name].value = value
            else:
                book.custom_doc_props.append(StringProperty(name=name, value=value))
    book.save(dst)
    book.close()
    return Path(dst)


# --- comparing workbooks by content --------------------------------------------------------------
def _colour(color) -> str | None:
    if color is None:
        return None
    return color.rgb if isinstance(color.rgb, str) else None


def _cell_content(cell) -> tuple:
    return (cell.value, cell.data_type, cell.protection.locked, bool(cell.alignment.wrap_text),
            cell.number_format, bool(cell.font.bold), _colour(cell.fill.fgColor))


def _sheet_content(sheet) -> dict:
    cells = {}
    for row in sheet.iter_rows():
        for cell in row:
            if type(cell).__name__ == "MergedCell":
                continue
            cells[cell.coordinate] = _cell_content(cell)
    validations = sorted(
        (str(v.sqref), v.type, v.operator, v.formula1, v.formula2, bool(v.allow_blank),
         bool(v.showInputMessage), v.promptTitle, v.prompt, bool(v.showErrorMessage), v.errorStyle,
         v.errorTitle, v.error)
        for v in sheet.data_validations.dataValidation)
    conditional = sorted(
        (str(rng.sqref), r.type, tuple(r.formula or ()),
         _colour(r.dxf.fill.bgColor) if r.dxf is not None and r.dxf.fill is not None else None)
        for rng in sheet.conditional_formatting for r in rng.rules)
    p = sheet.protection
    ps = sheet.page_setup
    return {
        "cells": cells,
        "merged": sorted(str(r) for r in sheet.merged_cells.ranges),
        "validations": validations,
        "conditional": conditional,
        "protection": (bool(p.sheet), p.password, bool(p.formatColumns), bool(p.formatRows),
                       bool(p.selectLockedCells), bool(p.selectUnlockedCells)),
        "print": (ps.orientation, ps.paperSize, ps.fitToWidth, ps.fitToHeight,
                  bool(sheet.sheet_properties.pageSetUpPr and sheet.sheet_properties.pageSetUpPr.fitToPage),
                  sheet.print_title_rows, str(sheet.print_area), sheet.oddHeader.left.text,
                  sheet.oddHeader.right.text, sheet.oddFooter.center.text),
        "freeze": sheet.freeze_panes,
        "widths": {k: d.width for k, d in sorted(sheet.column_dimensions.items()) if d.width},
        "heights": {k: d.height for k, d in sorted(sheet.row_dimensions.items()) if d.height},
    }


def workbook_content(path: Path) -> dict:
    """What matters in a workbook, as a dict that compares equal when the content is the same."""
    book = openpyxl.load_workbook(path)
    try:
        props = book.properties
        return {
            "sheets": list(book.sheetnames),
            "custom_properties": {p.name: p.value for p in book.custom_doc_props.props},
            "core": (props.title, props.creator, props.created, props.modified),
            **{f"sheet:{name}": _sheet_content(book[name]) for name in book.sheetnames},
        }
    finally:
        book.close()


def content_differences(a: dict, b: dict, limit: int = 20) -> list[str]:
    """Human-readable differences between two :func:`workbook_content` results (for assertions)."""
    out: list[str] = []
    for k in sorted(set(a) | set(b)):
        va, vb = a.get(k), b.get(k)
        if va == vb:
            continue
        if isinstance(va, dict) and isinstance(vb, dict):
            for sub in sorted(set(va) | set(vb)):
                if va.get(sub) != vb.get(sub):
                    if isinstance(va.get(sub), dict) and isinstance(vb.get(sub), dict):
                        for cell in sorted(set(va[sub]) | set(vb[sub])):
                            if va[sub].get(cell) != vb[sub].get(cell):
                                out.append(f"{k}/{sub}/{cell}: {va[sub].get(cell)!r} != {vb[sub].get(cell)!r}")
                    else:
                        out.append(f"{k}/{sub}: {va.get(sub)!r} != {vb.get(sub)!r}")
        else:
            out.append(f"{k}: {va!r} != {vb!r}")
    return out[:limit]


# --- several periods (history) -------------------------------------------------------------------
def build_period_inbox(root: Path, plan_path: Path, period: Period,
                       statuses: Mapping[str, str] | None = None,
                       texts: Mapping[str, Mapping[str, object]] | None = None) -> Path:
    """A filled inbox ``root/受付_<period>`` for ``period``: the default reports, with ``statuses``
    (取組番号 → 進捗状況; a reason is added where the status is not on track) and ``texts``
    (取組番号 → column key → value) applied. Forms are made as the ``template`` command makes them."""
    from gyokaku_xl.run.forms import make_forms

    plan = load_plan(plan_path)
    folder = Path(root) / f"受付_{period.file_label}"
    folder.mkdir(parents=True, exist_ok=True)
    outcome = make_forms(plan_path, period, Path(root) / f"配布_{period.file_label}", overwrite=True)
    for department, blank in zip(plan.departments, outcome.paths, strict=True):
        reports = default_reports(plan, department)
        for initiative_id, values in reports.items():
            status = (statuses or {}).get(initiative_id)
            if status is not None:
                values["status"] = status
                if not plan.scale.is_on_track(status):
                    values["delay_reason"] = "調整に時間を要している。"
            values.update((texts or {}).get(initiative_id, {}))
        fill_form(blank, folder / blank.name, reports, meta={"記入者": "担当者", "連絡先": "内線 1234"})
    return folder
