"""Figures that must not mislead (issue 21, points 5–7): a status outside the scale is not 報告なし,
the console's counts say what they count, 前期比較 and 推移 agree on their 合計 or say why not, and
the year's 財政効果額 keeps what 上半期 reported when 年度末 is left blank."""

from __future__ import annotations

from pathlib import Path

import openpyxl

import builders
from gyokaku_xl.app.summary_lines import summary_lines
from gyokaku_xl.run.merge import merge
from gyokaku_xl.text import fixes_pages as fp


def sheet_texts(ws) -> list[str]:
    return [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]


def row_of(ws, value: str) -> list[object]:
    for row in ws.iter_rows():
        if any(c.value == value for c in row):
            return [c.value for c in row]
    raise AssertionError(f"{value} not on {ws.title}")


# --- point 6: a status outside the scale ---------------------------------------------------------
def test_status_outside_scale_is_not_reported_as_missing(tmp_path, plan, forms):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for department, blank in forms.items():
        reports = builders.default_reports(plan, department)
        if department == "資産経営課":
            reports["1-02"]["status"] = "順調"  # not in the scale: the row is left out, but it was reported
        builders.fill_form(blank, inbox / blank.name, reports)
    outcome = merge(inbox, tmp_path / "集約結果.xlsx", plan_path=tmp_path / "計画マスタ.xlsx")
    assert "1-02" not in {r.initiative.id for r in outcome.result.records}
    wb = openpyxl.load_workbook(outcome.output)
    listed = row_of(wb["資料1-2"], "1-02")
    assert fp.REPORT_STATUS_ERROR in listed and "（報告なし）" not in listed
    notes = [t for t in sheet_texts(wb["資料1-1"]) if t.startswith("※計画の")]
    assert notes == ["※計画の8取組のうち1取組は集計に含めていません（進捗状況の誤り1取組）。"]
