"""Plans with 数値目標 and forms whose 「数値目標」 sheet is filled like a department fills it (openpyxl)."""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

import openpyxl

import builders
from gyokaku_xl import text as g

SETTINGS = {**builders.DEFAULT_SETTINGS, g.SETTING_PLAN_PERIOD: "2020-2023"}
#: 行政総務課 (1-01 two indicators, one 減; 2-01 one) and 情報政策課 (3-01); 資産経営課 has none.
INDICATORS = [
    {"取組番号": "1-01", "指標名": "委託件数", "単位": "件", "基準値": 10, "向き": "", "令和2年度": 15, "令和3年度": 20, "R4": 30},
    {"取組番号": "1-01", "指標名": "経費", "単位": "千円", "基準値": 5000, "向き": "減", "令和2年度": 4500, "令和3年度": 4000, "R4": 3500},
    {"取組番号": "2-01", "指標名": "提案件数", "単位": "件", "基準値": 0, "向き": "増", "令和2年度": 5, "令和3年度": 10, "R4": 10},
    {"取組番号": "3-01", "指標名": "削減時間", "単位": "時間", "基準値": 0, "向き": "増", "令和2年度": 600, "令和3年度": 1200, "R4": ""},
]
RATINGS = [
    {"区分": "S", "達成率の下限（％）": 100, "説明": "目標を達成"},
    {"区分": "A", "達成率の下限（％）": 80, "説明": "概ね達成"},
    {"区分": "B", "達成率の下限（％）": 50, "説明": "一部達成"},
    {"区分": "C", "達成率の下限（％）": 0, "説明": "未達成"},
]


def build_target_plan(tmp_path: Path, indicators=INDICATORS, ratings=RATINGS, settings=SETTINGS) -> Path:
    """The default plan with 数値目標 (and 評価区分 unless ``ratings`` is None)."""
    sheets = {g.PLAN_SHEET_INDICATORS: indicators}
    if ratings is not None:
        sheets[g.PLAN_SHEET_RATINGS] = ratings
    return builders.build_plan(tmp_path, settings=settings, extra_sheets=sheets)


def target_rows(sheet) -> dict[tuple[str, str], int]:
    """(取組番号, 指標名) → 1-based row of an openpyxl 数値目標 sheet."""
    found, header = {}, None
    for row in sheet.iter_rows():
        labels = [c.value for c in row]
        if header is None and g.FORM_COL_ACTUAL in labels:
            header = {v: n + 1 for n, v in enumerate(labels) if v}
            continue
        if header is not None and row[0].value:
            found[(str(row[0].value), str(sheet.cell(row[0].row, header[g.FORM_COL_INDICATOR]).value))] = row[0].row
    return found


def target_column(sheet, label: str) -> int:
    """The 1-based column of a header label of the 数値目標 sheet."""
    for row in sheet.iter_rows(max_row=20):
        for cell in row:
            if isinstance(cell.value, str) and cell.value.split("\n")[0] == label:
                return cell.column
    raise KeyError(label)


def fill_targets(path: Path, values: Mapping[tuple[str, str], Mapping[str, object]]) -> Path:
    """Write 実績値 (``actual``) and 説明 (``explanation``) into the form's 数値目標 sheet in place."""
    book = openpyxl.load_workbook(path)
    sheet = book[g.FORM_TARGETS_SHEET]
    rows = target_rows(sheet)
    columns = {"actual": target_column(sheet, g.FORM_COL_ACTUAL),
               "explanation": target_column(sheet, g.FORM_COL_EXPLANATION),
               "indicator": target_column(sheet, g.FORM_COL_INDICATOR)}
    for k, cells in values.items():
        for column_key, value in cells.items():
            sheet.cell(rows[k], columns[column_key]).value = value
    book.save(path)
    book.close()
    return path


def build_inbox(root: Path, plan_path: Path, period, actuals: Mapping[tuple[str, str], Mapping[str, object]],
                statuses: Mapping[str, str] | None = None, previous=None, references=None) -> Path:
    """Every department's filled form for ``period`` in ``root/inbox_<period>``, with ``actuals``."""
    from gyokaku_xl.render.forms import write_form
    plan = builders.load_plan(plan_path)
    folder = Path(root) / f"inbox_{period.file_label}"
    folder.mkdir(parents=True, exist_ok=True)
    for department in plan.departments:
        path = folder / f"{department}.xlsx"
        write_form(path, plan, period, department, previous, references)
        reports = builders.default_reports(plan, department)
        for initiative_id, status in (statuses or {}).items():
            if initiative_id in reports:
                reports[initiative_id]["status"] = status
                if not plan.scale.is_on_track(status):
                    reports[initiative_id]["delay_reason"] = "調整に時間を要している。"
        builders.fill_form(path, path, reports)
        mine = {k: v for k, v in actuals.items() if plan.find_initiative(k[0]).department == department}
        if mine:
            fill_targets(path, mine)
    return folder
