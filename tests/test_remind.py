"""``remind``: a draft (.eml, never sent) for each department that must submit or resubmit, and
督促一覧.xlsx; the state of every department from the one shared function."""

from __future__ import annotations

import email
import hashlib
import io
from email import policy
from pathlib import Path

import openpyxl
import pytest

import builders
from gyokaku_xl import text as g
from gyokaku_xl.app.cli import main
from gyokaku_xl.core.chase import department_states
from gyokaku_xl.domain.outcome import EXIT_ATTENTION, EXIT_OK
from gyokaku_xl.run.check import check
from gyokaku_xl.run.forms import make_forms
from gyokaku_xl.run.remind import remind

CONTACTS = [
    {"所管課": "行政総務課", "メールアドレス": "gyosei@example.jp", "担当者": "山田"},
    {"所管課": "資産経営課", "メールアドレス": "shisan@example.jp", "担当者": ""},
    {"所管課": "情報政策課", "メールアドレス": "joho@example.jp", "担当者": "佐藤"},
]
EXTRA = "問い合わせ：行政総務課 内線 1234"


@pytest.fixture
def loop_plan(tmp_path: Path) -> Path:
    """The default plan with a fourth department (財政課, no address), a 回答期限 and a 所管課 sheet."""
    settings = {**builders.DEFAULT_SETTINGS, g.SETTING_DEADLINE: "令和3年10月15日",
                g.SETTING_REMIND_EXTRA: EXTRA}
    initiatives = builders.DEFAULT_INITIATIVES + [
        {"取組番号": "3-04", "事業番号": "4", "取組名": "電子決裁の推進", "所管課": "財政課"}]
    return builders.build_plan(tmp_path, settings=settings, initiatives=initiatives,
                               extra_sheets={g.PLAN_SHEET_CONTACTS: CONTACTS})


@pytest.fixture
def mixed_inbox(tmp_path: Path, loop_plan: Path) -> Path:
    """行政総務課 has errors, 資産経営課 was rejected (wrong period), 情報政策課 is in order,
    財政課 sent nothing."""
    plan = builders.load_plan(loop_plan)
    blank = dict(zip(plan.departments, make_forms(loop_plan, builders.PERIOD, tmp_path / "配布").paths))
    inbox = tmp_path / "受付"
    inbox.mkdir()
    errors = builders.default_reports(plan, "行政総務課")
    errors["2-01"]["status"] = "順調"  # not in the scale: an error on one cell
    builders.fill_form(blank["行政総務課"], inbox / blank["行政総務課"].name, errors)
    builders.fill_form(blank["資産経営課"], inbox / blank["資産経営課"].name,
                       builders.default_reports(plan, "資産経営課"), meta={g.META_PERIOD: "下半期"})
    builders.fill_form(blank["情報政策課"], inbox / blank["情報政策課"].name,
                       builders.default_reports(plan, "情報政策課"))
    return inbox


def _parse(path: Path) -> email.message.EmailMessage:
    return email.message_from_bytes(path.read_bytes(), policy=policy.default)


def test_each_department_gets_the_state_of_its_reply(mixed_inbox, loop_plan):
    result = check(mixed_inbox, plan_path=loop_plan, period=builders.PERIOD).result
    states = {s.department: s for s in department_states(result)}
    assert {d: s.state for d, s in states.items()} == {
        "行政総務課": g.STATE_HAS_ERRORS, "資産経営課": g.STATE_REJECTED,
        "情報政策課": g.STATE_ACCEPTED, "財政課": g.STATE_NOT_SUBMITTED}
    assert states["行政総務課"].errors == 1 and states["行政総務課"].needs_chasing
    assert "報告期間" in states["資産経営課"].reason
    assert states["財政課"].reason == g.REASON_NOT_SUBMITTED
    assert not states["情報政策課"].needs_chasing


def test_remind_writes_a_draft_per_department_to_chase(mixed_inbox, loop_plan, tmp_path):
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in mixed_inbox.iterdir()}
    outcome = remind(mixed_inbox, tmp_path / "督促", plan_path=loop_plan)
    assert {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in mixed_inbox.iterdir()} == before
    assert [p.name for p in outcome.drafts] == ["行政総務課.eml", "資産経営課.eml", "財政課.eml"]
    assert [(r.department, r.state) for r in outcome.chased] == [
        ("行政総務課", g.STATE_HAS_ERRORS), ("資産経営課", g.STATE_REJECTED), ("財政課", g.STATE_NOT_SUBMITTED)]
    assert outcome.exit_code == EXIT_ATTENTION
    assert not (tmp_path / "督促" / "情報政策課.eml").exists(), "a department in order gets no draft"
    assert any("財政課" in n and "宛先は空欄" in n for n in outcome.notices)


def test_the_draft_with_errors_parses_back_with_its_attachment(mixed_inbox, loop_plan, tmp_path):
    outcome = remind(mixed_inbox, tmp_path / "督促", plan_path=loop_plan)
    message = _parse(tmp_path / "督促" / "行政総務課.eml")
    assert message["X-Unsent"] == "1"
    assert message["To"].addresses[0].addr_spec == "gyosei@example.jp"
    assert message["To"].addresses[0].display_name == "行政総務課"
    subject = message["Subject"]
    assert subject.startswith("【修正のお願い】")
    assert "テスト市行財政改革計画（2020-2023）" in subject and "令和3年度【上半期】" in subject
    assert "令和3年10月15日（金）" in subject
    raw = (tmp_path / "督促" / "行政総務課.eml").read_bytes()
    assert raw.isascii(), "every header and part is encoded for 7-bit transport"
    assert b"\r\n" in raw and b"Subject: =?utf-8?" in raw
    body = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert body.startswith("行政総務課 御中\n山田 様\n")
    assert "修正が必要な箇所が 1 件ありました" in body
    status = next(f for f in outcome.result.findings if f.code == "status-not-in-scale")
    assert f"{status.sheet}!{status.cell}" in body and status.message in body
    assert body.rstrip().endswith("行政総務課") and EXTRA in body
    assert "令和3年10月15日（金）" in body
    attachments = list(message.iter_attachments())
    assert len(attachments) == 1
    attached = attachments[0]
    assert attached.get_filename().endswith("_指摘.xlsx")
    assert attached.get_content_type() == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    copy = tmp_path / "督促" / g.REMIND_ATTACH_FOLDER / attached.get_filename()
    assert attached.get_content() == copy.read_bytes() == outcome.chased[0].attachment.read_bytes()
    book = openpyxl.load_workbook(io.BytesIO(attached.get_content()))
    assert book.sheetnames[0] == g.ANNOTATE_SHEET, "the annotated copy, with its 指摘一覧"
    assert book[g.FORM_SHEET][status.cell].comment is not None


def test_drafts_for_missing_and_rejected_ask_for_the_form(mixed_inbox, loop_plan, tmp_path):
    remind(mixed_inbox, tmp_path / "督促", plan_path=loop_plan)
    missing = _parse(tmp_path / "督促" / "財政課.eml")
    assert missing["To"] == "" and missing["X-Unsent"] == "1"
    assert missing["Subject"].startswith("【提出のお願い】")
    body = missing.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert "提出をまだ確認できて" in body and "財政課_令和3年度上半期_取組状況調査票.xlsx" in body
    assert not list(missing.iter_attachments())
    rejected = _parse(tmp_path / "督促" / "資産経営課.eml")
    assert rejected["Subject"].startswith("【再提出のお願い】")
    body = rejected.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert "受け付けることができませんでした" in body and "報告期間" in body
    assert "再提出" in body
    assert [a.get_filename() for a in rejected.iter_attachments()] == [
        "資産経営課_令和3年度上半期_取組状況調査票_指摘.xlsx"], "a readable rejected file comes back annotated"


def test_reminder_list_cell_by_cell(mixed_inbox, loop_plan, tmp_path):
    outcome = remind(mixed_inbox, tmp_path / "督促", plan_path=loop_plan)
    assert outcome.listing == tmp_path / "督促" / g.REMIND_LIST_FILE
    ws = openpyxl.load_workbook(outcome.listing)[g.REMIND_LIST_SHEET]
    assert ws["A1"].value == "督促一覧　テスト市行財政改革計画（2020-2023）　令和3年度【上半期】"
    assert [c.value for c in ws[4]] == list(g.REMIND_LIST_HEADERS)
    rows = [[c.value or "" for c in row] for row in ws.iter_rows(min_row=5, max_row=7)]
    copy = outcome.chased[0].attachment.name
    assert rows == [
        ["行政総務課", "エラーあり", outcome.chased[0].reason, "gyosei@example.jp", "令和3年10月15日（金）", copy],
        ["資産経営課", "不受理", outcome.chased[1].reason, "shisan@example.jp", "令和3年10月15日（金）",
         "資産経営課_令和3年度上半期_取組状況調査票_指摘.xlsx"],
        ["財政課", "未提出", "調査票が提出されていません", "", "令和3年10月15日（金）", ""],
    ]
    assert ws.max_row == 7
    assert ws.page_setup.paperSize == 9 and ws.page_setup.orientation == "landscape"


def test_same_inputs_give_the_same_drafts(mixed_inbox, loop_plan, tmp_path):
    first = remind(mixed_inbox, tmp_path / "a", plan_path=loop_plan)
    second = remind(mixed_inbox, tmp_path / "b", plan_path=loop_plan)
    assert [p.read_bytes() for p in first.drafts] == [p.read_bytes() for p in second.drafts]


def test_nobody_to_chase_writes_no_draft_and_names_an_old_one(inbox, plan_path, tmp_path):
    out = tmp_path / "督促"
    out.mkdir()
    (out / "行政総務課.eml").write_bytes(b"old")
    outcome = remind(inbox, out, plan_path=plan_path)
    assert outcome.drafts == [] and outcome.chased == [] and outcome.exit_code == EXIT_OK
    assert any("行政総務課.eml" in n and "送信しないで" in n for n in outcome.notices)
    ws = openpyxl.load_workbook(outcome.listing)[g.REMIND_LIST_SHEET]
    assert ws["A5"].value == g.REMIND_LIST_NONE


def test_the_inbox_is_refused_as_output(mixed_inbox, loop_plan):
    from gyokaku_xl.domain.findings import GyokakuError
    with pytest.raises(GyokakuError, match="受付フォルダ"):
        remind(mixed_inbox, mixed_inbox, plan_path=loop_plan)


def test_cli_remind_prints_each_draft(mixed_inbox, loop_plan, tmp_path):
    out, err = io.StringIO(), io.StringIO()
    code = main(["remind", str(mixed_inbox), "--plan", str(loop_plan), "--out", str(tmp_path / "督促")],
                out=out, err=err)
    assert code == EXIT_ATTENTION, err.getvalue()
    lines = out.getvalue().splitlines()
    assert f"督促の下書き: 行政総務課（エラーあり）→ {tmp_path / '督促' / '行政総務課.eml'}" in lines
    assert f"督促一覧: {tmp_path / '督促' / g.REMIND_LIST_FILE}" in lines
    assert g.REMIND_NOT_SENT in lines


def test_check_mentions_remind_when_someone_needs_chasing(mixed_inbox, loop_plan):
    out = io.StringIO()
    main(["check", str(mixed_inbox), "--plan", str(loop_plan), "-q"], out=out, err=io.StringIO())
    hint = [line for line in out.getvalue().splitlines() if line.startswith("督促が必要な所管課")]
    assert len(hint) == 1 and "3 件" in hint[0]
    # the command to copy names this inbox and plan master, not a placeholder
    assert f"「python -m gyokaku_xl remind {mixed_inbox} --plan {loop_plan} --out 督促」" in hint[0]


def test_an_unreadable_file_is_chased_without_an_attachment(inbox, plan_path, forms, tmp_path):
    broken = inbox / forms["資産経営課"].name
    broken.write_bytes(b"PK\x03\x04broken")
    outcome = remind(inbox, tmp_path / "督促", plan_path=plan_path)
    assert [(r.department, r.state, r.attachment) for r in outcome.chased] == [("資産経営課", g.STATE_REJECTED, None)]
    message = _parse(outcome.drafts[0])
    assert not list(message.iter_attachments())
    body = message.get_body(("plain",)).get_content()
    assert "ファイルが壊れている" in body and "正式な様式" in body
    assert "回答期限" not in body and "回答期限" not in message["Subject"], "a plan without a deadline names none"


def test_warnings_only_is_not_chased(inbox, plan_path, plan, forms, tmp_path):
    reports = builders.default_reports(plan, "行政総務課")
    reports["2-01"]["fiscal_effect"] = "１，２００"  # read as 1,200 with a warning
    builders.fill_form(forms["行政総務課"], inbox / forms["行政総務課"].name, reports)
    outcome = remind(inbox, tmp_path / "督促", plan_path=plan_path)
    states = {s.department: s.state for s in outcome.states}
    assert states["行政総務課"] == g.STATE_HAS_WARNINGS and outcome.chased == []


def test_without_a_plan_master_missing_departments_are_not_known(inbox, plan_path, forms, tmp_path):
    plan_path.unlink()
    (inbox / forms["資産経営課"].name).unlink()
    outcome = remind(inbox, tmp_path / "督促")
    assert outcome.chased == [] and g.REMIND_UNCHECKED in outcome.notices


def test_an_annotated_copy_is_the_same_bytes_whenever_it_is_made(mixed_inbox, loop_plan, tmp_path):
    """The attachment of a draft is an annotated copy: same inputs, same bytes (no save time inside)."""
    import time
    from gyokaku_xl.run.annotate import annotate_file
    result = check(mixed_inbox, plan_path=loop_plan).result
    source = next(mixed_inbox.glob("行政総務課*.xlsx"))
    findings = [f for f in result.findings if f.file == source.name]
    first = annotate_file(source, tmp_path / "a.xlsx", findings).read_bytes()
    time.sleep(2.1)  # past the 2-second resolution of ZIP times
    assert annotate_file(source, tmp_path / "b.xlsx", findings).read_bytes() == first
