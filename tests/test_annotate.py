"""Annotated copies: offending cells highlighted with the message as a comment; originals untouched."""

from __future__ import annotations

import hashlib

import openpyxl

import builders
from gyokaku_xl import text as g
from gyokaku_xl.run.check import check
from gyokaku_xl.run.merge import merge
from gyokaku_xl.render.annotated import FILL


def test_annotated_copy_marks_cells_and_keeps_original(inbox, plan_path, tmp_path, plan, forms):
    reports = builders.default_reports(plan, "行政総務課")
    reports["2-01"].update(status="順調", fiscal_effect="１，２００")
    source = inbox / forms["行政総務課"].name
    builders.fill_form(forms["行政総務課"], source, reports)
    (inbox / "壊れた.xlsx").write_bytes(b"PK\x03\x04broken")
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    outcome = check(inbox, plan_path=plan_path, annotate=tmp_path / "差戻し")
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before
    assert [p.name for p in outcome.annotated] == [source.stem + "_指摘.xlsx"], \
        "unreadable files are not annotated; copies never take a form's own name"
    sheet = openpyxl.load_workbook(outcome.annotated[0])[g.FORM_SHEET]
    status = next(f for f in outcome.result.findings if f.code == "status-not-in-scale")
    amount = next(f for f in outcome.result.findings if f.code == "fiscal-effect-normalized")
    assert sheet[status.cell].fill.fgColor.rgb.endswith(FILL[g.SEVERITY_ERROR])
    assert "区分にありません" in sheet[status.cell].comment.text
    assert sheet[amount.cell].fill.fgColor.rgb.endswith(FILL[g.SEVERITY_WARNING])
    assert "1,200" in sheet[amount.cell].comment.text
    assert sheet.protection.sheet, "the copy is still the protected official form"


def test_file_level_finding_is_listed_not_commented_on_the_title(inbox, plan_path, tmp_path, plan, forms):
    source = inbox / forms["行政総務課"].name
    builders.fill_form(forms["行政総務課"], source, builders.default_reports(plan, "行政総務課"),
                       meta={g.META_PERIOD: "下半期"})
    outcome = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path, annotate=tmp_path / "差戻し")
    book = openpyxl.load_workbook(outcome.annotated[0])
    sheet = book[g.FORM_SHEET]
    mismatch = next(f for f in outcome.result.findings if f.code == "period-mismatch")
    assert "報告期間" in sheet[mismatch.cell].comment.text
    assert sheet["A1"].comment is None, "the title cell carries no comment"
    listed = [r for r in book[g.ANNOTATE_SHEET].iter_rows(min_row=5, values_only=True) if r[0]]
    assert any(r[1] == g.ANNOTATE_NO_CELL and "集約していません" in r[4] for r in listed)


def test_inbox_is_refused_as_annotate_folder(inbox, plan_path):
    import pytest
    from gyokaku_xl.domain.findings import GyokakuError
    with pytest.raises(GyokakuError, match="受付フォルダ"):
        check(inbox, plan_path=plan_path, annotate=inbox)


def test_files_with_only_notes_are_not_annotated(inbox, plan_path, tmp_path, plan, forms):
    builders.fill_form(forms["行政総務課"], inbox / "行政総務課_再提出.xlsx",
                       builders.default_reports(plan, "行政総務課"))
    outcome = check(inbox, plan_path=plan_path, annotate=tmp_path / "差戻し")
    assert any(f.code == "superseded" for f in outcome.result.findings)
    assert outcome.annotated == []


def test_findings_list_is_the_first_sheet_with_a_link_per_cell(inbox, plan_path, tmp_path, plan, forms):
    reports = builders.default_reports(plan, "行政総務課")
    reports["2-01"].update(status="順調", fiscal_effect="=1+1")
    source = inbox / forms["行政総務課"].name
    builders.fill_form(forms["行政総務課"], source, reports, meta={g.META_AUTHOR: None})
    outcome = check(inbox, plan_path=plan_path, annotate=tmp_path / "差戻し")
    book = openpyxl.load_workbook(outcome.annotated[0])
    assert book.sheetnames[0] == g.ANNOTATE_SHEET and book.active.title == g.ANNOTATE_SHEET
    ws = book[g.ANNOTATE_SHEET]
    assert [c.value for c in ws[4]] == list(g.ANNOTATE_HEADERS)
    mine = sorted((f for f in outcome.result.findings if f.file == source.name), key=lambda f: f.sort_key())
    rows = [r for r in ws.iter_rows(min_row=5) if r[0].value]
    assert len(rows) == len(mine)
    for row, f in zip(rows, mine):
        assert row[1].value == f.cell and row[2].value == f.severity and row[4].value == f.message
        assert row[1].hyperlink.location == f"'{g.FORM_SHEET}'!{f.cell}"
        assert row[5].value  # what to do
        assert row[4].data_type == "s"  # never a formula, even when quoting one
    assert int(ws.page_setup.paperSize) == 9 and ws.print_title_rows  # A4
    assert book[g.FORM_SHEET][mine[0].cell].comment is not None, "comments are kept"


def test_annotation_fills_are_far_from_the_input_fill():
    from gyokaku_xl.render.forms import FILL_INPUT

    def rgb(hex_colour):
        hex_colour = hex_colour.lstrip("#")
        return tuple(int(hex_colour[i:i + 2], 16) for i in (0, 2, 4))

    def distance(a, b):
        return sum((x - y) ** 2 for x, y in zip(rgb(a), rgb(b))) ** 0.5

    for severity in (g.SEVERITY_ERROR, g.SEVERITY_WARNING):
        assert distance(FILL[severity], FILL_INPUT) > 100, severity
    assert distance(FILL[g.SEVERITY_ERROR], FILL[g.SEVERITY_WARNING]) > 60


def test_an_inserted_row_is_reported_as_such(inbox, plan_path, tmp_path, plan, forms):
    reports = builders.default_reports(plan, "行政総務課")
    source = inbox / forms["行政総務課"].name
    builders.fill_form(forms["行政総務課"], source, reports)
    book = openpyxl.load_workbook(source)
    sheet = book[g.FORM_SHEET]
    last = max(builders.form_rows(sheet).values())
    from gyokaku_xl.domain import schema
    sheet.cell(last + 1, schema.column_index("progress") + 1).value = "・追加した取組"
    book.save(source)
    outcome = check(inbox, plan_path=plan_path)
    codes = [f.code for f in outcome.result.findings if f.file == source.name]
    assert "row-inserted" in codes and "initiative-id-missing" not in codes
    found = next(f for f in outcome.result.findings if f.code == "row-inserted")
    assert found.message.startswith("行が追加されています。削除してください")
    assert outcome.result.tally.rows_rejected == 1  # left out of the master


def test_an_out_of_date_copy_from_an_earlier_check_is_removed(inbox, plan_path, tmp_path, plan, forms):
    source = inbox / forms["行政総務課"].name
    reports = builders.default_reports(plan, "行政総務課")
    reports["2-01"].update(status="順調")
    builders.fill_form(forms["行政総務課"], source, reports)
    folder = tmp_path / "差戻し"
    first = check(inbox, plan_path=plan_path, annotate=folder)
    assert [p.name for p in first.annotated] == [source.stem + "_指摘.xlsx"]
    builders.fill_form(forms["行政総務課"], source, builders.default_reports(plan, "行政総務課"))
    second = check(inbox, plan_path=plan_path, annotate=folder)
    assert second.annotated == []
    stale = [n for n in second.notices if "前回の指摘付きの写し" in n]
    assert len(stale) == 1 and source.stem + "_指摘.xlsx" in stale[0] and "削除しました" in stale[0]
    assert not (folder / (source.stem + "_指摘.xlsx")).exists()


def test_a_copy_with_warnings_only_does_not_ask_to_fix_errors(inbox, plan_path, tmp_path, plan, forms):
    source = inbox / forms["行政総務課"].name
    builders.fill_form(forms["行政総務課"], source, builders.default_reports(plan, "行政総務課"),
                       meta={g.META_AUTHOR: None})
    outcome = check(inbox, plan_path=plan_path, annotate=tmp_path / "差戻し")
    intro = openpyxl.load_workbook(outcome.annotated[0])[g.ANNOTATE_SHEET]["A2"].value
    assert g.ANNOTATE_TODO_WARNINGS in intro and g.ANNOTATE_TODO_ERRORS not in intro


def test_findings_list_columns_hold_their_words(tmp_path):
    """指摘一覧: 「ファイル全体」 stays on one line in column B, and a row is as tall as the shared
    paragraph estimate, at the list's font size, says its longest cell needs (issue 21, point 21)."""
    import openpyxl
    from gyokaku_xl.domain.findings import make
    from gyokaku_xl.render import annotated, styles as st

    findings = [make("contact-missing", "警告", file="f.xlsx", sheet="取組状況", cell="B7", label="連絡先"),
                make("delay-reason-missing", "エラー", file="f.xlsx", sheet="取組状況", cell="J11",
                     initiative_id="2-01", status="遅れ"),
                make("not-official-form", "警告", file="f.xlsx", detail="調査票の識別情報がありません")]
    wb = openpyxl.Workbook()
    ws = annotated.add_findings_list(wb, "f.xlsx", findings, linkable=lambda f: bool(f.cell))
    widths = [ws.column_dimensions[c].width for c in "ABCDEF"]
    capacity = [st.capacity_units(st.column_px(w), annotated.FONT_SIZE) for w in widths]
    for measure in (st.wrapped_line_count, st.paragraph_lines):
        assert measure(g.ANNOTATE_NO_CELL, capacity[1]) == 1
    for row in range(5, 5 + len(findings)):
        values = [str(ws.cell(row, c).value) for c in range(1, 7)]
        lines = max(st.paragraph_lines(v, cap) for v, cap in zip(values, capacity))
        assert ws.row_dimensions[row].height == annotated.LINE_POINTS * lines + annotated.PADDING, values
    # the message that ended in a lone 「。」 fits its column
    message = next(f.message for f in findings if f.code == "delay-reason-missing")
    assert st.wrapped_line_count(message, capacity[4]) == 1 and st.paragraph_lines(message, capacity[4]) == 1


def test_the_findings_list_is_written_in_the_forms_own_font(plan, tmp_path):
    """The list takes the font the form was written in (the plan's 「フォント」), not a fixed one."""
    import dataclasses

    from gyokaku_xl.domain.findings import ERROR, make
    from gyokaku_xl.domain.model import Period
    from gyokaku_xl.render.annotated import annotate_workbook
    from gyokaku_xl.render.forms import write_form
    from gyokaku_xl.render.styles import FONT_GOTHIC

    biz = g.FONT_CHOICES["BIZ UD明朝/BIZ UDゴシック"]
    path = tmp_path / "form.xlsx"
    write_form(path, dataclasses.replace(plan, fonts=biz), Period(2021, g.PERIOD_FIRST_HALF), "行政総務課")
    finding = make("status-missing", ERROR, file=path.name, sheet=g.FORM_SHEET, cell="G10")
    book = openpyxl.load_workbook(path)
    annotate_workbook(book, path.name, [finding])
    fonts = {c.font.name for row in book[g.ANNOTATE_SHEET].iter_rows() for c in row if c.value}
    assert fonts == {biz[1]}
    other = openpyxl.Workbook()  # a workbook that is not the official form: the default ゴシック
    annotate_workbook(other, "other.xlsx", [make("not-official-form", ERROR, file="other.xlsx")])
    assert {c.font.name for row in other[g.ANNOTATE_SHEET].iter_rows() for c in row if c.value} == {FONT_GOTHIC}
