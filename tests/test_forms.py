"""The department form (取組状況調査票): read back with openpyxl and the guarded reader."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest

import builders
from gyokaku_xl import text as g
from gyokaku_xl.domain import schema as s
from gyokaku_xl.domain.model import Period, Status, StatusScale
from gyokaku_xl.domain.cells import column_letter
from gyokaku_xl.reading.xlsx import read_workbook
from gyokaku_xl.render import forms
from gyokaku_xl.render.forms import form_file_name, write_blank_form, write_form

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "workbook_templates" / forms.BLANK_FORM_NAME

HEADER = s.HEADER_ROW + 1  # 1-based rows as openpyxl counts
FIRST = s.FIRST_DATA_ROW + 1


def col(key: str) -> str:
    return column_letter(s.column_index(key) + 1)


@pytest.fixture
def form(tmp_path, plan, period) -> Path:
    path = tmp_path / "form.xlsx"
    write_form(path, plan, period, "行政総務課")
    return path


@pytest.fixture
def sheet(form):
    book = openpyxl.load_workbook(form)
    yield book[g.FORM_SHEET]
    book.close()


# --- file names ----------------------------------------------------------------------------------
def test_file_name_carries_department_and_period(period):
    assert form_file_name("財政課", period) == "財政課_令和3年度上半期_取組状況調査票.xlsx"
    assert form_file_name("財政課", Period(2019, "年度末")) == "財政課_令和元年度年度末_取組状況調査票.xlsx"


@pytest.mark.parametrize("department, expected", [
    ('企画/政策:課*?"<>|', "企画政策課"),
    ("財政課\\", "財政課"),
    ("  財政課. ", "財政課"),
    ("CON", "CON_"),
    ("", "所管課"),
    ("a\tb", "ab"),
])
def test_file_name_is_windows_safe(department, expected, period):
    name = form_file_name(department, period)
    assert name == f"{expected}_令和3年度上半期_取組状況調査票.xlsx"
    assert not any(c in name for c in '\\/:*?"<>|')


# --- layout and content --------------------------------------------------------------------------
def test_sheets_title_and_meta_block(sheet, plan):
    book = sheet.parent
    assert book.sheetnames == [g.FORM_SHEET, g.FORM_GUIDE_SHEET]
    assert book.active.title == g.FORM_SHEET
    assert plan.name in sheet["A1"].value and "令和3年度【上半期】" in sheet["A1"].value
    meta = {sheet.cell(s.META_FIRST_ROW + n + 1, s.META_LABEL_COL + 1).value:
            sheet.cell(s.META_FIRST_ROW + n + 1, s.META_VALUE_COL + 1)
            for n in range(len(s.META_FIELDS))}
    assert list(meta) == [label for label, _ in s.META_FIELDS]
    assert meta["所管課"].value == "行政総務課"
    assert meta["報告年度"].value == "令和3年度"
    assert meta["報告期間"].value == "上半期"
    assert meta["記入者"].value is None and meta["連絡先"].value is None
    for label in ("所管課", "報告年度", "報告期間"):
        assert meta[label].protection.locked, label
    for label in ("記入者", "連絡先"):
        assert not meta[label].protection.locked, label


def test_header_row_has_exactly_the_schema_labels(sheet):
    labels = [sheet.cell(HEADER, n + 1).value for n in range(len(s.FORM_COLUMNS) + 1)]
    assert labels == [*s.HEADER_LABELS, None]
    assert s.HEADER_LABELS == ("取組番号", "取組の視点", "事業名", "重点", "取組名", "前回の進捗状況", "進捗状況", "取組状況",
                               "今後の予定", "遅れ等の理由", "財政効果額（千円）", "上半期の財政効果額（千円）",
                               "備考")


def test_one_row_per_initiative_in_plan_order(sheet, plan):
    ids = [sheet[f"A{r}"].value for r in range(FIRST, FIRST + 4)]
    assert ids == ["1-01", "2-01", "2-02", None]
    assert [sheet[f"{col('perspective')}{FIRST + n}"].value for n in range(3)] == \
        ["(1)民間活力の活用", "(2)行政の効率化", "(2)行政の効率化"]
    assert sheet[f"{col('program')}{FIRST}"].value == "民間委託推進事業"
    assert sheet[f"{col('priority')}{FIRST}"].value == "○"
    assert sheet[f"{col('priority')}{FIRST + 1}"].value is None
    assert sheet[f"{col('initiative')}{FIRST}"].value == "給食調理業務の委託"


def test_prefilled_locked_inputs_unlocked(sheet):
    for r in range(FIRST, FIRST + 3):
        for column in s.FORM_COLUMNS:
            cell = sheet[f"{col(column.key)}{r}"]
            assert cell.protection.locked == column.prefilled, (cell.coordinate, column.key)
            if column.kind in (s.TEXT, s.LONG_TEXT):
                assert cell.alignment.wrap_text, cell.coordinate
    assert sheet[f"{col('fiscal_effect')}{FIRST}"].number_format == "#,##0"


def test_protection_without_password(sheet, form):
    p = sheet.protection
    assert p.sheet and p.password is None
    assert not p.selectUnlockedCells and not p.selectLockedCells  # i.e. selecting is allowed
    with zipfile.ZipFile(form) as z:
        assert not [n for n in z.namelist() if "vba" in n.lower()]  # no macros
        assert "<sheetProtection" in z.read("xl/worksheets/sheet1.xml").decode()


def test_status_dropdown_and_amount_validation(sheet):
    rules = {v.type: v for v in sheet.data_validations.dataValidation}
    status = rules["list"]
    assert str(status.sqref) == f"{col('status')}{FIRST}:{col('status')}{FIRST + 2}"
    assert status.formula1 == '"済,概ね順調,遅れ,未着手,休止"'
    assert status.errorStyle in (None, "stop")  # stop is the default
    assert status.showErrorMessage and status.showInputMessage
    assert status.promptTitle == "進捗状況" and "済・概ね順調" in status.prompt
    assert status.error
    amount = rules["whole"]
    assert str(amount.sqref) == f"{col('fiscal_effect')}{FIRST}:{col('fiscal_effect')}{FIRST + 2}"
    assert amount.operator == "greaterThanOrEqual" and amount.formula1 == "0"
    assert amount.showErrorMessage and amount.errorStyle in (None, "stop")


def test_conditional_formats_for_missing_values(sheet):
    rules = {str(rng.sqref): [r.formula[0] for r in rng.rules] for rng in sheet.conditional_formatting}
    last = FIRST + 2
    required = [c for c in s.FORM_COLUMNS if c.required]
    assert {c.key for c in required} == {"status", "progress"}
    for column in required:
        formula = rules[f"{col(column.key)}{FIRST}:{col(column.key)}{last}"][0]
        assert f"LEN(TRIM({col(column.key)}{FIRST}))=0" in formula
    reason = rules[f"{col('delay_reason')}{FIRST}:{col('delay_reason')}{last}"][0]
    assert f"LEN(TRIM({col('delay_reason')}{FIRST}))=0" in reason
    for name in ("遅れ", "未着手", "休止"):
        assert f'${col("status")}{FIRST}="{name}"' in reason
    assert '"済"' not in reason and '"概ね順調"' not in reason


def test_print_setup(sheet):
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.paperSize == 9
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_setup.fitToWidth in (None, 1) and sheet.page_setup.fitToHeight == 0
    assert sheet.print_title_rows == f"${HEADER}:${HEADER}"
    assert sheet.freeze_panes == f"A{FIRST}"
    assert sheet.print_area == f"'{g.FORM_SHEET}'!$A$1:$M${FIRST + 2}"


def test_identity_properties(form, plan):
    expected = {s.PROP_KIND: s.PROP_KIND_VALUE, s.PROP_VERSION: s.FORM_VERSION, s.PROP_PLAN: plan.name,
                s.PROP_DEPARTMENT: "行政総務課", s.PROP_FISCAL_YEAR: "2021", s.PROP_PERIOD: "上半期"}
    data = read_workbook(form, [g.FORM_SHEET])
    assert data.custom_properties == expected
    assert data.core_properties["created"] == data.core_properties["modified"] == "2020-04-01T00:00:00Z"
    cells = data.sheets[g.FORM_SHEET]
    assert [cells.value(HEADER, n + 1) for n in range(len(s.HEADER_LABELS))] == list(s.HEADER_LABELS)


def test_guide_explains_every_column_and_status(form, plan):
    book = openpyxl.load_workbook(form)
    guide = book[g.FORM_GUIDE_SHEET]
    texts = [c.value for row in guide.iter_rows() for c in row if isinstance(c.value, str)]
    joined = "\n".join(texts)
    for column in s.FORM_COLUMNS:
        assert column.label in texts and column.help in texts, column.key
    for label, _ in s.META_FIELDS:
        assert label in texts
    for status in plan.scale.statuses:
        assert status.name in texts and status.definition in texts
    assert "済・概ね順調" in joined
    assert guide.protection.sheet


def test_user_text_never_becomes_a_formula(tmp_path, period):
    path = builders.build_plan(tmp_path, initiatives=[
        {"取組番号": "1-01", "事業番号": "1", "取組名": "=HYPERLINK(\"http://x\")", "所管課": "+課"},
    ], programs=[{"事業番号": "1", "取組の視点": 1, "事業名": "@SUM(1)", "重点": "", "総括掲載": "",
                  "所管課": "+課"}])
    plan = builders.load_plan(path)
    out = tmp_path / "f.xlsx"
    write_form(out, plan, period, "+課")
    sheet = openpyxl.load_workbook(out)[g.FORM_SHEET]
    for key in ("initiative", "program"):
        cell = sheet[f"{col(key)}{FIRST}"]
        assert cell.data_type == "s", cell.value
    assert form_file_name("+課", period).startswith("+課_")


def test_deterministic(tmp_path, plan, period):
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    write_form(a, plan, period, "資産経営課")
    write_form(b, plan, period, "資産経営課")
    assert a.read_bytes() == b.read_bytes()


def test_another_scale_drives_dropdown_and_formats(tmp_path, period):
    path = builders.build_plan(tmp_path, statuses=[
        {"区分": "完了", "順調": "○"}, {"区分": "順調", "順調": "○"},
        {"区分": "やや遅れ", "順調": ""}, {"区分": "中止", "順調": ""},
    ])
    plan = builders.load_plan(path)
    out = tmp_path / "f.xlsx"
    write_form(out, plan, period, "情報政策課")
    sheet = openpyxl.load_workbook(out)[g.FORM_SHEET]
    status = next(v for v in sheet.data_validations.dataValidation if v.type == "list")
    assert status.formula1 == '"完了,順調,やや遅れ,中止"'
    reason = [r.formula[0] for rng in sheet.conditional_formatting for r in rng.rules
              if str(rng.sqref).startswith(col("delay_reason"))][0]
    assert '="やや遅れ"' in reason and '="中止"' in reason and '"完了"' not in reason


def test_long_scale_falls_back_to_guide_range():
    scale = StatusScale(tuple(Status(f"区分{n:02d}" + "あ" * 40, n == 0) for n in range(8)))
    assert forms.status_list_source(scale, "='記入要領'!$A$1:$A$8") == "='記入要領'!$A$1:$A$8"
    assert forms.status_list_source(StatusScale((Status("a,b", True),)), "=R") == "=R"


def test_row_heights_show_every_line():
    one = forms.data_row_height({"progress": "・短い"})
    three = forms.data_row_height({"progress": "・一\n・二\n・三"})
    assert one == forms.MIN_DATA_ROW_HEIGHT
    assert three == 3 * forms.LINE_HEIGHT + forms.ROW_PADDING
    assert forms.data_row_height({"progress": "あ" * 100}) == 5 * forms.LINE_HEIGHT + forms.ROW_PADDING


def test_blank_form(tmp_path):
    path = tmp_path / "blank.xlsx"
    write_blank_form(path)
    book = openpyxl.load_workbook(path)
    sheet = book[g.FORM_SHEET]
    assert [sheet.cell(HEADER, n + 1).value for n in range(len(s.HEADER_LABELS))] == list(s.HEADER_LABELS)
    last = FIRST + forms.BLANK_ROWS - 1
    for column in s.FORM_COLUMNS:  # nothing is prefilled, so everything is open
        assert not sheet[f"{col(column.key)}{FIRST}"].protection.locked
        assert not sheet[f"{col(column.key)}{last}"].protection.locked
    for n in range(len(s.META_FIELDS)):
        assert not sheet.cell(s.META_FIRST_ROW + n + 1, s.META_VALUE_COL + 1).protection.locked
    status = next(v for v in sheet.data_validations.dataValidation if v.type == "list")
    assert str(status.sqref) == f"{col('status')}{FIRST}:{col('status')}{last}"
    props = {p.name: p.value for p in book.custom_doc_props.props}
    assert props[s.PROP_KIND] == s.PROP_KIND_VALUE and props[s.PROP_VERSION] == s.FORM_VERSION


def test_committed_template_matches_generator(tmp_path):
    """workbook_templates/ holds the generator's output; regenerate with workbook_templates/regenerate.py."""
    fresh = tmp_path / forms.BLANK_FORM_NAME
    write_blank_form(fresh)
    assert TEMPLATE.is_file(), "python workbook_templates/regenerate.py で作成してください"
    expected, actual = builders.workbook_content(fresh), builders.workbook_content(TEMPLATE)
    assert actual == expected, builders.content_differences(actual, expected)


def test_pipeline_make_forms_writes_one_file_per_department(forms, plan):
    assert list(forms) == list(plan.departments) == ["行政総務課", "資産経営課", "情報政策課"]
    for department, path in forms.items():
        assert path.name == f"{department}_令和3年度上半期_取組状況調査票.xlsx"
        props = read_workbook(path, []).custom_properties
        assert props[s.PROP_DEPARTMENT] == department


def test_libreoffice_opens_the_form(tmp_path, form, soffice):
    result = subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                             "--convert-to", "pdf", "--outdir", str(tmp_path), str(form)],
                            capture_output=True, text=True, timeout=180)
    pdf = tmp_path / "form.pdf"
    assert result.returncode == 0 and pdf.is_file() and pdf.stat().st_size > 1000, result.stderr
    assert "error" not in result.stderr.lower()
