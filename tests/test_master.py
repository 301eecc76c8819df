"""The master's data sheets: content, lineage, formula injection kept as text, links to findings."""

from __future__ import annotations

import zipfile

import openpyxl
import pytest

import builders
from gyokaku_xl import text as g
from gyokaku_xl.run.merge import merge
from gyokaku_xl.domain import schema

HOSTILE = ["=1+1", "+81-3-1234", "-5", "@SUM(A1:A2)", "=HYPERLINK(\"http://example.com\",\"x\")",
           "詳細は https://example.com/page を参照", "\t=cmd|' /C calc'!A0"]


@pytest.fixture
def hostile_inbox(inbox, plan, forms):
    reports = builders.default_reports(plan, "行政総務課")
    ids = list(reports)
    reports[ids[0]].update(progress=HOSTILE[0], next_steps=HOSTILE[1], note=HOSTILE[2])
    reports[ids[1]].update(progress="・" + HOSTILE[5], next_steps=HOSTILE[3], note=HOSTILE[6])
    path = inbox / forms["行政総務課"].name
    builders.fill_form(forms["行政総務課"], path, reports)
    # openpyxl turns "=…" into formulas; write the hostile texts as literal strings instead
    book = openpyxl.load_workbook(path)
    sheet = book[g.FORM_SHEET]
    rows = builders.form_rows(sheet)
    col = schema.column_index("progress") + 1
    cell = sheet.cell(rows[ids[0]], col)
    cell.value = HOSTILE[0]
    cell.data_type = "s"
    book.save(path)
    return inbox


def data_rows(path):
    sheet = openpyxl.load_workbook(path)[g.SHEET_DATA]
    header = [c.value for c in sheet[1]]
    return sheet, header


def test_hostile_text_stays_text(hostile_inbox, plan_path, tmp_path):
    out = merge(hostile_inbox, tmp_path / "m.xlsx", plan_path=plan_path).output
    sheet, header = data_rows(out)
    found = {}
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                found[cell.value] = cell.data_type
    for text in (HOSTILE[0], HOSTILE[1], HOSTILE[2], HOSTILE[3], "・" + HOSTILE[5], HOSTILE[6]):
        assert found.get(text) == "s", text
    with zipfile.ZipFile(out) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/sheet") and name.endswith(".xml"):
                xml = zf.read(name).decode("utf-8")
                assert "<f>" not in xml or g.SHEET_DATA not in name
        data_sheet_xml = [zf.read(n).decode() for n in zf.namelist()
                          if n.startswith("xl/worksheets/sheet")]
    assert not any("<f>1+1</f>" in x or "<f>SUM(A1:A2)</f>" in x for x in data_sheet_xml)
    assert not sheet._hyperlinks


def test_data_sheet_has_lineage_and_plan_columns(inbox, plan_path, tmp_path):
    outcome = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path)
    sheet, header = data_rows(outcome.output)
    assert header[: len(schema.DATA_LABELS)] == list(schema.DATA_LABELS)
    for label in (g.COL_DEPARTMENT, g.COL_PROGRAM_NUMBER, g.COL_SOURCE_FILE, g.COL_SOURCE_SHEET,
                  g.COL_SOURCE_ROW, g.COL_SHA256, g.COL_MODIFIED):
        assert label in header
    first = [c.value for c in sheet[2]]
    record = outcome.result.records[0]
    assert first[header.index(g.COL_SHA256)] == record.source.sha256 and len(record.source.sha256) == 64
    assert first[header.index(g.COL_SOURCE_ROW)] == schema.FIRST_DATA_ROW + 1
    assert sheet.tables, "集約データ is an Excel table with a filter"


def test_findings_sheet_links_open_the_cell(inbox, plan_path, tmp_path, plan, forms):
    reports = builders.default_reports(plan, "情報政策課")
    reports["3-01"]["status"] = "???"
    builders.fill_form(forms["情報政策課"], inbox / forms["情報政策課"].name, reports)
    out = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path).output
    sheet = openpyxl.load_workbook(out)[g.SHEET_FINDINGS]
    assert [c.value for c in sheet[1]] == list(g.FINDING_HEADERS)
    row = [c for c in sheet[2]]
    assert row[5].value == "status-not-in-scale" and row[3].value == "G10"
    assert row[6].value == "区分にない進捗状況"  # the code's title, from the one table of findings
    link = row[9].hyperlink
    assert link is not None
    assert link.target.endswith("情報政策課_令和3年度上半期_取組状況調査票.xlsx")
    assert link.location == "'取組状況'!G10"


def test_submissions_sheet(inbox, plan_path, tmp_path):
    (inbox / "情報政策課_令和3年度上半期_取組状況調査票.xlsx").unlink()
    out = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path).output
    sheet = openpyxl.load_workbook(out)[g.SHEET_SUBMISSIONS]
    rows = {r[0]: r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0]}
    assert rows["情報政策課"][1] == g.NOT_SUBMITTED
    assert rows["行政総務課"][1] == g.SUBMITTED and rows["行政総務課"][5] == 3
