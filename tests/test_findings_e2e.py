"""Every department-file finding code, produced end to end by a workbook built in the test.

Each scenario changes a valid inbox (three departments, all valid) and names the finding it must
cause; ``test_every_code_has_a_scenario`` keeps the list complete as codes are added.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from typing import Callable

import openpyxl
import pytest
import xlsxwriter

import builders
import hostile
from gyokaku_xl import text as g
from gyokaku_xl.run.check import check
from gyokaku_xl.domain import schema
from gyokaku_xl.domain.findings import ATTENTION_CODES
from gyokaku_xl.domain.findings import ERROR, INFO, WARNING

GA = "行政総務課"
GA_FILE = "行政総務課_令和3年度上半期_取組状況調査票.xlsx"


def refill(ctx, department=GA, rows=None, meta=None, properties=None, target=None):
    plan, forms, inbox = ctx["plan"], ctx["forms"], ctx["inbox"]
    reports = builders.default_reports(plan, department)
    for k, v in (rows or {}).items():
        reports.setdefault(k, {}).update(v)
    dst = inbox / (target or forms[department].name)
    builders.fill_form(forms[department], dst, reports, meta=meta, properties=properties)
    return dst


def edit_sheet(path: Path, fn: Callable) -> None:
    book = openpyxl.load_workbook(path)
    fn(book)
    book.save(path)


def formula_form(ctx, cached):
    """A form whose 取組状況 cell holds a formula, with or without a cached value (xlsxwriter)."""
    path = ctx["inbox"] / GA_FILE
    book = openpyxl.load_workbook(path)
    sheet = book[g.FORM_SHEET]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    book.close()
    wb = xlsxwriter.Workbook(str(path))
    wb.set_custom_property(schema.PROP_KIND, schema.PROP_KIND_VALUE)
    wb.set_custom_property(schema.PROP_VERSION, schema.FORM_VERSION)
    ws = wb.add_worksheet(g.FORM_SHEET)
    progress_col = schema.column_index("progress")
    for r, row in enumerate(values):
        for c, v in enumerate(row):
            if v is None:
                continue
            if r == schema.FIRST_DATA_ROW and c == progress_col:
                ws.write_formula(r, c, '="・"&"実施"', None, cached if cached is not None else 0)
            else:
                ws.write(r, c, v)
    wb.close()
    if cached is None:  # remove the cached value as a file saved without calculation has none
        import zipfile
        tmp = path.with_suffix(".tmp")
        with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tmp, "w") as zout:
            for item in zin.infolist():
                data = zin.read(item.filename)
                if item.filename == "xl/worksheets/sheet1.xml":
                    data = data.replace(b"<v>0</v>", b"")
                zout.writestr(item, data)
        os.replace(tmp, path)


def overlong_text(ctx):
    """A cell longer than Excel allows (openpyxl and xlsxwriter refuse to write one: patch the XML)."""
    import zipfile
    path = refill(ctx, rows={"1-01": {"note": "LONGTEXTMARKER"}})
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename).replace(
                b"LONGTEXTMARKER", ("あ" * (schema.CELL_TEXT_LIMIT + 10)).encode("utf-8"))
            zout.writestr(item, data)
    os.replace(tmp, path)


def subfolder(ctx):
    (ctx["inbox"] / "古い提出分").mkdir()


def carried_back_unchanged(ctx):
    """A carry-over form whose 取組状況 comes back exactly as it was carried over."""
    from gyokaku_xl.domain.model import Period
    from gyokaku_xl.domain.records import Snapshot, SnapshotRow
    from gyokaku_xl.render.forms import write_form

    plan = ctx["plan"]
    previous = Snapshot(plan.name, Period(2020, g.PERIOD_YEAR_END), tuple(
        SnapshotRow(i.id, i.program, 1, i.department, "概ね順調", progress=f"・{i.name}を実施。")
        for i in plan.initiatives_of(GA)))
    blank = ctx["inbox"].parent / "carry" / GA_FILE
    blank.parent.mkdir()
    write_form(blank, plan, builders.PERIOD, GA, previous)
    builders.fill_form(blank, ctx["inbox"] / GA_FILE, {i.id: {"status": "概ね順調"} for i in plan.initiatives_of(GA)})


SCENARIOS: dict[str, tuple[Callable, str]] = {
    "progress-unchanged": (carried_back_unchanged, WARNING),
    # --- files ---
    "not-excel": (lambda c: hostile.pdf_file(c["inbox"]), ERROR),
    "corrupt-zip": (lambda c: hostile.truncated_zip(c["inbox"]), ERROR),
    "encrypted": (lambda c: hostile.encrypted_handmade(c["inbox"]), ERROR),
    "legacy-xls": (lambda c: hostile.legacy_xls_handmade(c["inbox"]), ERROR),
    "lock-file": (lambda c: hostile.lock_file(c["inbox"], original=GA_FILE), INFO),
    "empty-file": (lambda c: hostile.empty_file(c["inbox"]), ERROR),
    "zip-bomb": (lambda c: hostile.zip_bomb(c["inbox"], 400 * 1024 * 1024), ERROR),
    "xml-forbidden": (lambda c: hostile.billion_laughs(c["inbox"]), ERROR),
    "sheet-too-large": (lambda c: hostile.far_cell(c["inbox"]), ERROR),
    "corrupt-file": (lambda c: (c["inbox"] / "壊れた旧形式.xls").write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x07" * 600), ERROR),
    "binary-workbook": (lambda c: hostile.xlsb_like(c["inbox"]), ERROR),
    "macro-enabled": (lambda c: hostile.xlsm_like(c["inbox"]), INFO),
    "lock-file-libreoffice": (lambda c: hostile.libreoffice_lock(c["inbox"], original=GA_FILE), INFO),
    "subfolder-skipped": (subfolder, INFO),
    "not-official-form": (lambda c: refill(c, properties={schema.PROP_PLAN: "よその市の計画"}), ERROR),
    "outdated-template": (lambda c: refill(c, properties={schema.PROP_VERSION: "0.9"}), ERROR),
    "sheet-missing": (lambda c: edit_sheet(c["inbox"] / GA_FILE,
                                           lambda b: setattr(b[g.FORM_SHEET], "title", "Sheet1")), ERROR),
    "header-changed": (lambda c: edit_sheet(c["inbox"] / GA_FILE, lambda b: b[g.FORM_SHEET].cell(
        schema.HEADER_ROW + 1, schema.column_index("progress") + 1, "実施内容")), ERROR),
    "meta-missing": (lambda c: refill(c, meta={g.META_DEPARTMENT: None}), ERROR),
    "department-unknown": (lambda c: refill(c, meta={g.META_DEPARTMENT: "総務部"}), ERROR),
    "year-mismatch": (lambda c: refill(c, meta={g.META_FISCAL_YEAR: "令和4年度"}), ERROR),
    "period-mismatch": (lambda c: refill(c, meta={g.META_PERIOD: "下半期"}), ERROR),
    "year-invalid": (lambda c: refill(c, meta={g.META_FISCAL_YEAR: "今年度"}), ERROR),
    "contact-missing": (lambda c: refill(c, meta={g.META_CONTACT: None}), WARNING),
    "period-invalid": (lambda c: refill(c, meta={g.META_PERIOD: "秋"}), ERROR),
    "superseded": (lambda c: refill(c, target="行政総務課_再提出.xlsx"), INFO),
    "no-rows": (lambda c: refill(c, rows={i: {k: None for k in ("initiative_id", "perspective", "program",
                                                               "priority", "initiative", "status", "progress")}
                                          for i in ("1-01", "2-01", "2-02")}), ERROR),
    "rows-not-merged": (lambda c: refill(c, meta={g.META_PERIOD: "下半期"}), INFO),
    # --- rows ---
    "unknown-initiative": (lambda c: refill(c, rows={"9-99": {"status": "済", "progress": "・x"}}), ERROR),
    "initiative-id-missing": (lambda c: refill(c, rows={"1-01": {"initiative_id": None}}), ERROR),
    "row-inserted": (lambda c: refill(c, rows={"1-01": {k: None for k in (
        "initiative_id", "perspective", "program", "priority", "initiative")}}), ERROR),
    "initiative-other-department": (lambda c: refill(c, rows={"3-01": {"status": "済", "progress": "・x"}}),
                                    ERROR),
    "duplicate-initiative": (lambda c: refill(c, rows={"2-02": {"initiative_id": "2-01"}}), ERROR),
    "status-missing": (lambda c: refill(c, rows={"1-01": {"status": None}}), ERROR),
    "status-variant": (lambda c: refill(c, rows={"1-01": {"status": "概ね順調　"}}), WARNING),
    "status-not-in-scale": (lambda c: refill(c, rows={"1-01": {"status": "順調"}}), ERROR),
    "status-formula-no-value": (lambda c: refill(c, rows={"1-01": {"status": "=Z99"}}), ERROR),
    "progress-missing": (lambda c: refill(c, rows={"1-01": {"progress": None}}), ERROR),
    "delay-reason-missing": (lambda c: refill(c, rows={"1-01": {"status": "遅れ"}}), ERROR),
    "fiscal-effect-invalid": (lambda c: refill(c, rows={"1-01": {"fiscal_effect": "約100"}}), ERROR),
    "fiscal-effect-normalized": (lambda c: refill(c, rows={"1-01": {"fiscal_effect": "１，２００"}}), WARNING),
    "fiscal-effect-comma": (lambda c: refill(c, rows={"1-01": {"fiscal_effect": "1,200"}}), INFO),
    "fiscal-effect-too-large": (lambda c: refill(c, rows={"1-01": {"fiscal_effect": "9" * 16}}), ERROR),
    "fiscal-effect-total-too-large": (lambda c: refill(c, rows={
        "1-01": {"fiscal_effect": schema.MAX_AMOUNT}, "2-01": {"fiscal_effect": 1}}), ERROR),
    "formula-cached": (lambda c: formula_form(c, "・実施"), WARNING),
    "formula-no-value": (lambda c: formula_form(c, None), ERROR),
    "text-too-long": (lambda c: overlong_text(c), ERROR),
    "prefilled-changed": (lambda c: refill(c, rows={"1-01": {"initiative": "名前を書き換えた"}}), WARNING),
    # --- completeness ---
    "department-not-submitted": (lambda c: (c["inbox"] / GA_FILE).unlink(), WARNING),
    "few-rows-merged": (lambda c: [(c["inbox"] / name).unlink() for name in (
        GA_FILE, "資産経営課_令和3年度上半期_取組状況調査票.xlsx")], WARNING),
    "initiative-not-reported": (lambda c: refill(c, rows={"2-02": {k: None for k in (
        "initiative_id", "perspective", "program", "priority", "initiative", "status", "progress")}}), WARNING),
}

#: Codes produced elsewhere: plan-master codes (tests/test_plan.py), plan-less runs
#: (tests/test_pipeline.py), and guards that need sizes a test inbox should not hold
#: (tests/test_read.py: file-too-large, read-failed; tests/test_hostile_run.py: run-too-large).
ELSEWHERE = {"completeness-unchecked", "file-too-large", "read-failed", "run-too-large",
             "year-outside-plan"}  # tests/test_trust.py (a plan period and a year outside it)
#: The plan master open in Excel: a finding about the plan, not a department file (tests/test_run_safety.py).
ELSEWHERE |= {"open-in-excel"}
#: Findings about the history folder's files (tests/test_history.py).
ELSEWHERE |= {c for c in g.MESSAGES if c.startswith("history-")}
#: A 年度末 form made from 上半期's history (tests/test_misleading_figures.py).
ELSEWHERE |= {"fiscal-effect-year-end-blank"}
#: The loop with departments and the committee (tests/test_deadline.py, tests/test_opinions.py).
ELSEWHERE |= {"submitted-after-deadline", "deadline-before-period", "opinion-reply-missing", "opinion-empty", "opinion-unknown-target",
              "opinions-unreadable", "opinions-sheet-missing", "opinions-header-missing"}
#: A form's number changed or ended by the plan's 「計画の変更」 (tests/test_revisions_core.py, test_revisions_e2e.py).
ELSEWHERE |= {"initiative-renumbered", "initiative-ended"}
#: 数値目標 findings need a plan with indicators (tests/test_targets_form.py, test_targets_assessment.py).
ELSEWHERE |= {c for c in g.MESSAGES if c.startswith("target-")}


@pytest.fixture
def ctx(inbox, plan, forms, plan_path):
    return {"inbox": inbox, "plan": plan, "forms": forms, "plan_path": plan_path}


@pytest.mark.parametrize("code", sorted(SCENARIOS))
def test_scenario_produces_its_finding(code, ctx, tmp_path):
    make, severity = SCENARIOS[code]
    make(ctx)
    if code == "superseded":
        os.utime(ctx["inbox"] / GA_FILE, (1_600_000_000, 1_600_000_000))
        edit_sheet(ctx["inbox"] / GA_FILE, lambda b: setattr(b.properties, "modified",
                                                             datetime.datetime(2021, 1, 1)))
    outcome = check(ctx["inbox"], plan_path=ctx["plan_path"])
    found = [f for f in outcome.result.findings if f.code == code]
    assert found, [f"{f.code}: {f.message}" for f in outcome.result.findings]
    f = found[0]
    assert f.severity == severity
    assert f.message and f.message == f.message.strip()
    assert any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in f.message), \
        "messages are Japanese"
    if code not in ("department-not-submitted", "initiative-not-reported", "few-rows-merged"):
        assert f.file, "a file finding names its file"
    t = outcome.result.tally
    assert t.rows_read == t.rows_merged + t.rows_rejected
    attention = any(x.is_error or x.code in ATTENTION_CODES for x in outcome.result.findings)
    assert outcome.exit_code == (1 if attention else 0)


def test_row_findings_name_their_cell(ctx):
    refill(ctx, rows={"2-01": {"status": "順調", "fiscal_effect": "約100"}})
    outcome = check(ctx["inbox"], plan_path=ctx["plan_path"])
    cells = {f.code: f.cell for f in outcome.result.findings}
    row = schema.FIRST_DATA_ROW + 2  # 2-01 is the department's second initiative
    assert cells["status-not-in-scale"] == f"G{row}"
    assert cells["fiscal-effect-invalid"] == f"K{row}"


def test_every_code_has_a_scenario():
    codes = {c for c in g.MESSAGES if not c.startswith("plan-")}
    assert codes - set(SCENARIOS) - ELSEWHERE == set()
