"""One test (or a few) per validation rule, on forms built in memory."""

from __future__ import annotations

import pytest

from gyokaku_xl.core import checks

from gyokaku_xl.domain import schema
from gyokaku_xl import text as g
from gyokaku_xl.domain.findings import ERROR, INFO, WARNING
from gyokaku_xl.domain.form import FormData, FormRow
from gyokaku_xl.domain.model import DEFAULT_SCALE, Initiative, Period, Perspective, Plan, Program
from gyokaku_xl.domain.cells import Cell

PERIOD = Period(2021, "上半期")


def make_plan() -> Plan:
    return Plan(
        name="テスト計画", municipality="テスト市",
        perspectives=(Perspective(1, "民間活力の活用"), Perspective(2, "ICTの活用推進")),
        scale=DEFAULT_SCALE,
        programs=(Program("1", 1, "民間活力活用事業", True, True, "行政総務課"),
                  Program("2", 2, "ICT活用推進事業", False, False, "情報政策課")),
        initiatives=(Initiative("1-01", "1", "業務委託の推進", "行政総務課"),
                     Initiative("1-02", "1", "指定管理者制度の活用", "行政総務課"),
                     Initiative("2-01", "2", "RPAの導入", "情報政策課")),
    )


def make_form(rows: list[dict], meta: dict | None = None, identity: dict | None = None) -> FormData:
    columns = {c.key: n + 1 for n, c in enumerate(schema.FORM_COLUMNS)}
    meta_values = {g.META_DEPARTMENT: "行政総務課", g.META_FISCAL_YEAR: "令和3年度", g.META_PERIOD: "上半期"}
    meta_values.update(meta or {})
    meta_cells = {label: (Cell(3 + n, 2, v) if v is not None else None)
                  for n, (label, v) in enumerate(meta_values.items())}
    form = FormData(file="行政総務課.xlsx", sheet=g.FORM_SHEET,
                    identity=identity if identity is not None else {
                        schema.PROP_KIND: schema.PROP_KIND_VALUE, schema.PROP_VERSION: schema.FORM_VERSION,
                        schema.PROP_PLAN: "テスト計画"},
                    meta=meta_cells, meta_refs={label: f"B{3 + n}" for n, label in enumerate(meta_values)},
                    header_row=9, columns=columns)
    for n, values in enumerate(rows):
        r = 10 + n
        cells = {}
        for k, col in columns.items():
            v = values.get(k)
            if isinstance(v, Cell):
                cells[k] = v
            else:
                cells[k] = Cell(r, col, v) if v is not None else None
        form.rows.append(FormRow(r, cells))
    return form


def good_row(**over) -> dict:
    row = {"initiative_id": "1-01", "perspective": "(1)民間活力の活用", "program": "民間活力活用事業",
           "priority": "○", "initiative": "業務委託の推進", "status": "概ね順調",
           "progress": "・委託を開始した。"}
    row.update(over)
    return row


def row_findings(rule, **over):
    plan = make_plan()
    form = make_form([good_row(**over)])
    ctx = checks.FileContext(plan=plan, form=form, period=PERIOD, department="行政総務課")
    return list(rule(ctx, form.rows[0]))


def file_findings(rule, **kwargs):
    form = make_form([good_row()], **kwargs)
    ctx = checks.FileContext(plan=make_plan(), form=form, period=PERIOD)
    return list(rule(ctx)), ctx


def codes(findings):
    return [f.code for f in findings]


# --- file rules ---------------------------------------------------------------------------------
def test_identity_ok():
    assert file_findings(checks.check_identity)[0] == []


def test_identity_missing_is_a_warning():
    found, _ = file_findings(checks.check_identity, identity={})
    assert codes(found) == ["not-official-form"] and found[0].severity == WARNING


def test_identity_outdated_version():
    found, _ = file_findings(checks.check_identity, identity={
        schema.PROP_KIND: schema.PROP_KIND_VALUE, schema.PROP_VERSION: "0.1", schema.PROP_PLAN: "テスト計画"})
    assert codes(found) == ["outdated-template"] and found[0].severity == ERROR
    assert "0.1" in found[0].message


def test_identity_foreign_plan():
    found, _ = file_findings(checks.check_identity, identity={
        schema.PROP_KIND: schema.PROP_KIND_VALUE, schema.PROP_VERSION: schema.FORM_VERSION,
        schema.PROP_PLAN: "別の計画"})
    assert codes(found) == ["not-official-form"] and found[0].is_error


def test_department_known_is_set_on_context():
    found, ctx = file_findings(checks.check_department, meta={g.META_DEPARTMENT: " 行政総務課　"})
    assert found == [] and ctx.department == "行政総務課"


@pytest.mark.parametrize("value,code", [(None, "meta-missing"), ("総務課", "department-unknown")])
def test_department_problems(value, code):
    found, ctx = file_findings(checks.check_department, meta={g.META_DEPARTMENT: value})
    assert codes(found) == [code] and found[0].cell == "B3" and ctx.department is None


@pytest.mark.parametrize("value,code", [(None, "meta-missing"), ("来年", "year-invalid"),
                                        ("令和4年度", "year-mismatch"), ("R3", None), ("２０２１", None)])
def test_fiscal_year(value, code):
    found, _ = file_findings(checks.check_fiscal_year, meta={g.META_FISCAL_YEAR: value})
    assert codes(found) == ([code] if code else [])


@pytest.mark.parametrize("value,code", [(None, "meta-missing"), ("春", "period-invalid"),
                                        ("下半期", "period-mismatch"), (" 上半期 ", None)])
def test_period(value, code):
    found, _ = file_findings(checks.check_period, meta={g.META_PERIOD: value})
    assert codes(found) == ([code] if code else [])
    if code:
        assert found[0].cell == "B5"


def test_no_rows():
    form = make_form([])
    found = list(checks.check_has_rows(checks.FileContext(plan=make_plan(), form=form, period=PERIOD)))
    assert codes(found) == ["no-rows"]


# --- row rules ----------------------------------------------------------------------------------
def test_good_row_has_no_findings():
    plan = make_plan()
    form = make_form([good_row()])
    ctx = checks.FileContext(plan=plan, form=form, period=PERIOD, department="行政総務課")
    assert checks.run_row_rules(ctx, form.rows[0]) == []


def test_initiative_id_full_width_matches():
    assert row_findings(checks.check_initiative_id, initiative_id="１－０１") == []


@pytest.mark.parametrize("value,code", [(None, "initiative-id-missing"), ("9-99", "unknown-initiative"),
                                        ("2-01", "initiative-other-department")])
def test_initiative_id_problems(value, code):
    found = row_findings(checks.check_initiative_id, initiative_id=value)
    assert codes(found) == [code] and found[0].cell == "A10"
    assert checks.excludes_row(found)


def test_duplicate_initiative():
    plan = make_plan()
    form = make_form([good_row(), good_row(initiative_id="1-01 ")])
    ctx = checks.FileContext(plan=plan, form=form, period=PERIOD, department="行政総務課")
    assert list(checks.check_initiative_id(ctx, form.rows[0])) == []
    found = list(checks.check_initiative_id(ctx, form.rows[1]))
    assert codes(found) == ["duplicate-initiative"] and "A10" in found[0].message


@pytest.mark.parametrize("value,code,severity", [
    ("概ね順調", None, None), ("概ね順調 ", "status-variant", WARNING), ("概ね　順調", "status-variant", WARNING),
    (None, "status-missing", ERROR), ("順調", "status-not-in-scale", ERROR)])
def test_status(value, code, severity):
    found = row_findings(checks.check_status, status=value)
    assert codes(found) == ([code] if code else [])
    if code:
        assert found[0].severity == severity and found[0].cell == "G10"


def test_progress_missing():
    found = row_findings(checks.check_progress, progress="　")
    assert codes(found) == ["progress-missing"] and found[0].cell == "H10"
    assert not checks.excludes_row(found)


@pytest.mark.parametrize("status,reason,code", [("遅れ", None, "delay-reason-missing"),
                                                ("遅れ", "用地交渉が難航", None),
                                                ("概ね順調", None, None)])
def test_delay_reason(status, reason, code):
    found = row_findings(checks.check_delay_reason, status=status, delay_reason=reason)
    assert codes(found) == ([code] if code else [])


@pytest.mark.parametrize("value,code", [(1200, None), ("１，２００", "fiscal-effect-normalized"),
                                        ("1,200", "fiscal-effect-comma"), ("1 200", "fiscal-effect-normalized"), (-5, "fiscal-effect-invalid"),
                                        (1.5, "fiscal-effect-invalid"), ("約100", "fiscal-effect-invalid"),
                                        ("1,20", "fiscal-effect-invalid"), (None, None)])
def test_fiscal_effect(value, code):
    found = row_findings(checks.check_fiscal_effect, fiscal_effect=value)
    assert codes(found) == ([code] if code else [])


def test_parse_amount():
    assert checks.parse_amount("１，２００") == (1200, True, True)
    assert checks.parse_amount(300.0) == (300, True, False)
    assert checks.parse_amount(True) == (None, False, False)


def test_formula_with_cached_value_is_a_warning():
    found = row_findings(checks.check_formulas, progress=Cell(10, 7, "・実施", "A1&\"\""))
    assert codes(found) == ["formula-cached"] and found[0].severity == WARNING


def test_formula_without_value_is_an_error():
    found = row_findings(checks.check_formulas, progress=Cell(10, 7, None, "NOW()"))
    assert codes(found) == ["formula-no-value"] and found[0].is_error
    status = row_findings(checks.check_formulas, status=Cell(10, 6, None, "X1"))
    assert codes(status) == ["status-formula-no-value"] and checks.excludes_row(status)


def test_text_too_long():
    found = row_findings(checks.check_text_length, progress="あ" * (schema.CELL_TEXT_LIMIT + 1))
    assert codes(found) == ["text-too-long"] and len(found[0].value) < 300


def test_prefilled_changed():
    found = row_findings(checks.check_prefilled, initiative="勝手に変えた名前", priority=None)
    assert sorted(codes(found)) == ["prefilled-changed", "prefilled-changed"]
    assert {f.cell for f in found} == {"E10", "D10"}


def test_prefilled_width_differences_are_not_changes():
    assert row_findings(checks.check_prefilled, perspective="（１）民間活力の活用") == []


def test_every_finding_code_has_a_message():
    import inspect
    source = inspect.getsource(checks)
    import re
    for code in set(re.findall(r'make\("([a-z-]+)"', source)):
        assert code in g.MESSAGES, code
    assert INFO in g.SEVERITIES


def test_comma_in_a_half_width_amount_is_noted_not_called_full_width():
    [found] = row_findings(checks.check_fiscal_effect, fiscal_effect="1,200")
    assert found.severity == g.SEVERITY_INFO
    assert found.message == "財政効果額「1,200」のカンマを除き、1200 として読み取りました。"
    assert "半角数字で記入" not in found.message


def test_status_choices_have_no_stray_space():
    found = row_findings(checks.check_status, status="不明")
    assert "」から選んでください" in found[0].message and " から" not in found[0].message
