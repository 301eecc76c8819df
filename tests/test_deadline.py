"""回答期限: parsing, where it is shown, and late submissions (情報)."""

from __future__ import annotations

import os
from datetime import date, datetime, timezone
from pathlib import Path

import openpyxl
import pytest

import builders
from gyokaku_xl import text as g
from gyokaku_xl.domain.loop import date_label, deadline_of, local_time, parse_deadline
from gyokaku_xl.run.check import check


@pytest.mark.parametrize("text, expected", [
    ("2021-10-15", date(2021, 10, 15)),
    ("2021/10/15", date(2021, 10, 15)),
    ("２０２１／１０／１５", date(2021, 10, 15)),
    ("2021年10月15日", date(2021, 10, 15)),
    ("令和3年10月15日", date(2021, 10, 15)),
    ("令和３年１０月１５日（金）", date(2021, 10, 15)),
    ("令和元年5月1日", date(2019, 5, 1)),
    ("R3.10.15", date(2021, 10, 15)),
    ("平成31年4月30日", date(2019, 4, 30)),
    ("2021-10-15T00:00:00", date(2021, 10, 15)),
    ("44484", date(2021, 10, 15)),
    (44484, date(2021, 10, 15)),
    (44484.0, date(2021, 10, 15)),
    (datetime(2021, 10, 15, 9, 0), date(2021, 10, 15)),
])
def test_deadline_is_read_in_every_usual_writing(text, expected):
    assert parse_deadline(text) == expected


@pytest.mark.parametrize("text", ["", None, "来週", "2021-02-30", "令和0年1月1日", "昭和60年1月1日",
                                  "2021-13-01", "12", True, "1234567"])
def test_what_is_no_date_is_none(text):
    assert parse_deadline(text) is None


def test_date_label_writes_the_era_and_weekday():
    assert date_label(date(2021, 10, 15)) == "令和3年10月15日（金）"
    assert date_label(date(2019, 5, 1)) == "令和元年5月1日（水）"


def test_saved_times_are_compared_in_japan_time():
    assert local_time("2021-10-15T15:30:00Z").date() == date(2021, 10, 16)
    assert local_time("2021-10-15T23:00:00+09:00").date() == date(2021, 10, 15)
    assert local_time("2021-10-15T10:00:00").hour == 10
    assert local_time("not a time") is None


# --- the plan master: 回答期限 and the 所管課 sheet ----------------------------------------------------
def _plan(tmp_path: Path, deadline: object = "2021-10-15", contacts=None) -> Path:
    settings = {**builders.DEFAULT_SETTINGS, g.SETTING_DEADLINE: deadline}
    extra = {g.PLAN_SHEET_CONTACTS: contacts} if contacts is not None else None
    return builders.build_plan(tmp_path, settings=settings, extra_sheets=extra)


def test_the_plan_master_gives_its_deadline_and_contacts(tmp_path):
    path = _plan(tmp_path, "令和3年10月15日", [
        {"所管課": "行政総務課", "メールアドレス": "gyosei@example.jp", "担当者": "山田"},
        {"所管課": "情報政策課", "メールアドレス": "", "担当者": ""}])
    plan = builders.load_plan(path)
    assert deadline_of(plan) == date(2021, 10, 15)
    assert plan.contacts["行政総務課"].address == "gyosei@example.jp"
    assert plan.contacts["行政総務課"].person == "山田"
    assert plan.contacts["情報政策課"].address == ""
    assert "資産経営課" not in plan.contacts


def test_a_date_cell_is_a_deadline(tmp_path):
    path = _plan(tmp_path, datetime(2021, 10, 15))
    assert deadline_of(builders.load_plan(path)) == date(2021, 10, 15)


def test_contact_problems_are_plan_warnings_with_cells(tmp_path):
    from gyokaku_xl.reading.plan import read_plan
    path = _plan(tmp_path, "来月", [
        {"所管課": "行政総務課", "メールアドレス": "gyosei@example", "担当者": ""},
        {"所管課": "存在しない課", "メールアドレス": "x@example.jp", "担当者": ""},
        {"所管課": "行政総務課", "メールアドレス": "again@example.jp", "担当者": ""},
        {"所管課": "資産経営課", "メールアドレス": "ｓｈｉｓａｎ＠ｅｘａｍｐｌｅ．ｊｐ", "担当者": ""}])
    result = read_plan(path)
    assert result.plan is not None, "the plan stays usable"
    found = {(f.code, f.sheet, f.cell, f.severity) for f in result.findings}
    assert ("plan-contact-bad-address", "所管課", "B2", "警告") in found
    assert ("plan-contact-unknown-department", "所管課", "A3", "警告") in found
    assert ("plan-contact-duplicate", "所管課", "A4", "警告") in found
    invalid = next(f for f in result.findings if f.code == "plan-setting-invalid")
    assert invalid.value == "来月" and "回答期限" in invalid.message and invalid.severity == "警告"
    assert result.plan.contacts["行政総務課"].address == "", "a malformed address is left blank"
    assert result.plan.contacts["資産経営課"].address == "shisan@example.jp", "full width is read"
    assert deadline_of(result.plan) is None


def test_a_contacts_sheet_without_its_headers_is_a_warning(tmp_path):
    from gyokaku_xl.reading.plan import read_plan
    result = read_plan(_plan(tmp_path, "", [{"部署": "行政総務課"}]))
    assert result.plan is not None and result.plan.contacts == {}
    assert [f.severity for f in result.findings if f.code == "plan-header-missing"] == ["警告", "警告"]


# --- shown on the forms and 提出状況; late submissions -----------------------------------------------
def test_forms_show_the_deadline_at_the_top_and_in_the_guide(tmp_path):
    from gyokaku_xl.run.forms import make_forms
    path = _plan(tmp_path)
    form = make_forms(path, builders.PERIOD, tmp_path / "配布").paths[0]
    book = openpyxl.load_workbook(form)
    assert book["取組状況"]["A1"].value.endswith("　回答期限：令和3年10月15日（金）")
    guide = [c.value for row in book["記入要領"].iter_rows() for c in row if isinstance(c.value, str)]
    assert any(v.startswith("回答期限：令和3年10月15日（金）") for v in guide)


def test_forms_without_a_deadline_are_unchanged(tmp_path):
    from gyokaku_xl.run.forms import make_forms
    form = make_forms(builders.build_plan(tmp_path), builders.PERIOD, tmp_path / "配布").paths[0]
    assert "回答期限" not in openpyxl.load_workbook(form)["取組状況"]["A1"].value


def _set_saved_time(path: Path, iso: str | None) -> None:
    """Rewrite the workbook's dcterms:modified (None removes it), as Excel writes it on save."""
    import re
    import zipfile
    data = {}
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            data[name] = zf.read(name)
    core = data["docProps/core.xml"].decode("utf-8")
    core = re.sub(r"<dcterms:modified[^>]*>[^<]*</dcterms:modified>", "", core)
    if iso is not None:
        core = core.replace("</cp:coreProperties>", '<dcterms:modified xsi:type="dcterms:W3CDTF">'
                            f"{iso}</dcterms:modified></cp:coreProperties>")
    data["docProps/core.xml"] = core.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in data.items():
            zf.writestr(name, content)


def test_a_form_saved_after_the_deadline_is_noted(tmp_path, period):
    path = _plan(tmp_path)
    plan = builders.load_plan(path)
    inbox = tmp_path / "受付"
    on_time = builders.build_form(inbox / "行政総務課.xlsx", plan, period, "行政総務課",
                                  builders.default_reports(plan, "行政総務課"))
    late = builders.build_form(inbox / "資産経営課.xlsx", plan, period, "資産経営課",
                               builders.default_reports(plan, "資産経営課"))
    by_file = builders.build_form(inbox / "情報政策課.xlsx", plan, period, "情報政策課",
                                  builders.default_reports(plan, "情報政策課"))
    _set_saved_time(on_time, "2021-10-15T14:59:00Z")  # 23:59 in Japan: on the day
    _set_saved_time(late, "2021-10-15T15:00:00Z")  # 00:00 on the 16th in Japan
    _set_saved_time(by_file, None)
    stamp = datetime(2021, 10, 18, 9, 0, tzinfo=timezone.utc).timestamp()
    os.utime(by_file, (stamp, stamp))
    result = check(inbox, plan_path=path).result
    late_findings = {f.file: f for f in result.findings if f.code == "submitted-after-deadline"}
    assert set(late_findings) == {"資産経営課.xlsx", "情報政策課.xlsx"}
    f = late_findings["資産経営課.xlsx"]
    assert f.severity == "情報" and f.message.startswith("回答期限（10月15日）後の提出です")
    assert "保存日時 2021-10-16 00:00" in f.message
    assert "ファイルの更新日時" in late_findings["情報政策課.xlsx"].message
    assert result.tally.files_accepted == 3, "late is noted, never rejected"
    from gyokaku_xl.core.chase import department_states
    late_departments = {d.department for d in department_states(result) if d.late}
    assert late_departments == {"資産経営課", "情報政策課"}


def test_submissions_sheet_shows_the_deadline(tmp_path, period):
    path = _plan(tmp_path)
    plan = builders.load_plan(path)
    inbox = tmp_path / "受付"
    builders.build_form(inbox / "行政総務課.xlsx", plan, period, "行政総務課",
                        builders.default_reports(plan, "行政総務課"))
    outcome = check(inbox, plan_path=path, report=tmp_path / "検証結果.xlsx")
    ws = openpyxl.load_workbook(outcome.report)["提出状況"]
    assert ws["L1"].value == "回答期限：令和3年10月15日（金）"


def test_a_deadline_of_an_earlier_inquiry_is_not_used(tmp_path):
    """A 回答期限 on or before the end of the reporting period is the last 照会's, left in the plan."""
    from gyokaku_xl.domain.model import Period
    from gyokaku_xl.run.forms import make_forms
    path = _plan(tmp_path, "2021-10-15")
    year_end = Period(2021, "年度末")
    outcome = make_forms(path, year_end, tmp_path / "配布")
    stale = [f for f in outcome.plan_findings if f.code == "deadline-before-period"]
    assert len(stale) == 1 and stale[0].severity == "警告" and "令和3年10月15日（金）" in stale[0].message
    assert "回答期限" not in openpyxl.load_workbook(outcome.paths[0])["取組状況"]["A1"].value
    plan = builders.load_plan(path)
    inbox = tmp_path / "受付"
    form = builders.build_form(inbox / "行政総務課.xlsx", plan, year_end, "行政総務課",
                               builders.default_reports(plan, "行政総務課"))
    _set_saved_time(form, "2022-04-20T01:00:00Z")
    result = check(inbox, plan_path=path).result
    assert not [f for f in result.findings if f.code == "submitted-after-deadline"]
    first_half = make_forms(path, builders.PERIOD, tmp_path / "配布2")
    assert not [f for f in first_half.plan_findings if f.code == "deadline-before-period"]
