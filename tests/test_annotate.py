"""Annotated copies: offending cells highlighted with the message as a comment; originals untouched."""

from __future__ import annotations

import hashlib

import openpyxl

import builders
from gyokaku_xl import glossary as g
from gyokaku_xl import pipeline


def test_annotated_copy_marks_cells_and_keeps_original(inbox, plan_path, tmp_path, plan, forms):
    reports = builders.default_reports(plan, "行政総務課")
    reports["2-01"].update(status="順調", fiscal_effect="１，２００")
    source = inbox / forms["行政総務課"].name
    builders.fill_form(forms["行政総務課"], source, reports)
    (inbox / "壊れた.xlsx").write_bytes(b"PK\x03\x04broken")
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    outcome = pipeline.check(inbox, plan_path=plan_path, annotate=tmp_path / "差戻し")
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before
    assert [p.name for p in outcome.annotated] == [source.stem + "_指摘.xlsx"], \
        "unreadable files are not annotated; copies never take a form's own name"
    sheet = openpyxl.load_workbook(outcome.annotated[0])[g.FORM_SHEET]
    status = next(f for f in outcome.result.findings if f.code == "status-not-in-scale")
    amount = next(f for f in outcome.result.findings if f.code == "fiscal-effect-normalized")
    assert sheet[status.cell].fill.fgColor.rgb.endswith("FFC7CE")
    assert "区分にありません" in sheet[status.cell].comment.text
    assert sheet[amount.cell].fill.fgColor.rgb.endswith("FFEB9C")
    assert "1,200" in sheet[amount.cell].comment.text
    assert sheet.protection.sheet, "the copy is still the protected official form"


def test_file_level_finding_goes_to_a1(inbox, plan_path, tmp_path, plan, forms):
    source = inbox / forms["行政総務課"].name
    builders.fill_form(forms["行政総務課"], source, builders.default_reports(plan, "行政総務課"),
                       meta={g.META_PERIOD: "下半期"})
    outcome = pipeline.merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path, annotate=tmp_path / "差戻し")
    sheet = openpyxl.load_workbook(outcome.annotated[0])[g.FORM_SHEET]
    mismatch = next(f for f in outcome.result.findings if f.code == "period-mismatch")
    assert "報告期間" in sheet[mismatch.cell].comment.text
    assert "集約していません" in sheet["A1"].comment.text


def test_inbox_is_refused_as_annotate_folder(inbox, plan_path):
    import pytest
    from gyokaku_xl.findings import GyokakuError
    with pytest.raises(GyokakuError, match="受付フォルダ"):
        pipeline.check(inbox, plan_path=plan_path, annotate=inbox)


def test_files_with_only_notes_are_not_annotated(inbox, plan_path, tmp_path, plan, forms):
    builders.fill_form(forms["行政総務課"], inbox / "行政総務課_再提出.xlsx",
                       builders.default_reports(plan, "行政総務課"))
    outcome = pipeline.check(inbox, plan_path=plan_path, annotate=tmp_path / "差戻し")
    assert any(f.code == "superseded" for f in outcome.result.findings)
    assert outcome.annotated == []
