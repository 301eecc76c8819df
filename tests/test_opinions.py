"""委員意見 and 対応: the opinions file, the forms' columns, the 警告 on a blank reply, 「意見と対応」
in the master and its PDF, and open opinions carried to the next period."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

import builders
from gyokaku_xl import text as g
from gyokaku_xl.app.cli import main
from gyokaku_xl.domain import schema
from gyokaku_xl.domain.findings import GyokakuError
from gyokaku_xl.domain.model import Period
from gyokaku_xl.domain.opinions import Opinion, opinions_text, parse_opinions
from gyokaku_xl.reading.opinions import read_opinions
from gyokaku_xl.run.forms import make_forms
from gyokaku_xl.run.merge import merge

MEETING = "令和3年度第1回推進委員会"
OPINIONS = [
    {"取組番号": "1-01", "意見": "委託の効果を数値で示すこと。", "会議": MEETING},
    {"取組番号": "4", "意見": "ICT活用の全体像を示すこと。", "会議": MEETING},  # a 事業: 3-01, 3-02, 3-03
    {"取組番号": "9-99", "意見": "計画にない取組への意見。", "会議": MEETING},
    {"取組番号": "2-01", "意見": "", "会議": MEETING},
]


def build_opinions(path: Path, rows=OPINIONS, sheet: str = g.OPINION_SHEET) -> Path:
    """A 委員意見.xlsx as the office keeps it."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    ws.append(["取組番号", "意見", "会議"])
    for row in rows:
        ws.append([row["取組番号"], row["意見"], row["会議"]])
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def test_the_cell_text_reads_back():
    items = [Opinion("1-01", "一行目\n二行目", MEETING), Opinion("1-01", "別の意見", "")]
    assert parse_opinions("1-01", opinions_text(items)) == items


def test_opinions_file_problems_are_findings(tmp_path, plan):
    opinions, findings = read_opinions(build_opinions(tmp_path / "委員意見.xlsx"), plan)
    assert [(o.initiative_id, o.text) for o in opinions] == [
        ("1-01", "委託の効果を数値で示すこと。"), ("3-01", "ICT活用の全体像を示すこと。"),
        ("3-02", "ICT活用の全体像を示すこと。"), ("3-03", "ICT活用の全体像を示すこと。")]
    found = {(f.code, f.cell, f.severity) for f in findings}
    assert found == {("opinion-unknown-target", "A4", "警告"), ("opinion-empty", "B5", "警告")}


@pytest.mark.parametrize("broken, code", [("sheet", "opinions-sheet-missing"), ("bytes", "opinions-unreadable"),
                                          ("header", "opinions-header-missing")])
def test_an_unusable_opinions_file_stops_template(tmp_path, plan_path, broken, code):
    path = tmp_path / "委員意見.xlsx"
    if broken == "sheet":
        build_opinions(path, sheet="Sheet1")
    elif broken == "header":
        book = openpyxl.Workbook()
        book.active.title = g.OPINION_SHEET
        book.active.append(["取組番号", "コメント", "会議"])
        book.active.append(["1-01", "意見", MEETING])
        book.save(path)
    else:
        path.write_bytes(b"PK\x03\x04 not a workbook")
    with pytest.raises(GyokakuError) as caught:
        make_forms(plan_path, builders.PERIOD, tmp_path / "配布", opinions=path)
    assert [f.code for f in caught.value.findings] == [code]
    assert not (tmp_path / "配布").exists() or not list((tmp_path / "配布").iterdir())


def _opinion_forms(tmp_path, plan_path, period=builders.PERIOD, **kwargs):
    return make_forms(plan_path, period, tmp_path / f"配布_{period.file_label}", overwrite=True, **kwargs)


def test_forms_of_the_initiatives_concerned_get_the_two_columns(tmp_path, plan_path, plan):
    outcome = _opinion_forms(tmp_path, plan_path, opinions=build_opinions(tmp_path / "委員意見.xlsx"))
    forms = dict(zip(plan.departments, outcome.paths))
    sheet = openpyxl.load_workbook(forms["行政総務課"])[g.FORM_SHEET]
    first = len(schema.FORM_COLUMNS) + 1
    header = schema.HEADER_ROW + 1
    assert [sheet.cell(header, first).value, sheet.cell(header, first + 1).value] == ["委員意見", "意見への対応"]
    rows = builders.form_rows(sheet)
    opinion = sheet.cell(rows["1-01"], first)
    assert opinion.value == f"【{MEETING}】委託の効果を数値で示すこと。"
    assert opinion.protection.locked and not sheet.cell(rows["1-01"], first + 1).protection.locked
    assert sheet.cell(rows["2-01"], first).value is None
    guide = [[c.value for c in r] for r in openpyxl.load_workbook(forms["行政総務課"])["記入要領"].iter_rows()]
    assert ["意見への対応", "委員意見がある取組は必須", g.FORM_COL_REPLY_HELP] in [r[:3] for r in guide]
    # 資産経営課 has 3-03 of 事業 4; without any other opinion its form has them too
    other = openpyxl.load_workbook(forms["資産経営課"])[g.FORM_SHEET]
    assert other.cell(header, first).value == "委員意見"
    assert outcome.opinion_findings and {f.code for f in outcome.opinion_findings} == {
        "opinion-unknown-target", "opinion-empty"}


def test_forms_without_opinions_keep_their_layout(tmp_path, plan_path, plan):
    rows = [{"取組番号": "1-01", "意見": "委託の効果を数値で示すこと。", "会議": MEETING}]
    outcome = _opinion_forms(tmp_path, plan_path, opinions=build_opinions(tmp_path / "委員意見.xlsx", rows))
    forms = dict(zip(plan.departments, outcome.paths))
    sheet = openpyxl.load_workbook(forms["情報政策課"])[g.FORM_SHEET]
    assert sheet.max_column == len(schema.FORM_COLUMNS)
    guide = [c.value for r in openpyxl.load_workbook(forms["情報政策課"])["記入要領"].iter_rows() for c in r]
    assert "意見への対応" not in guide


def _fill_all(plan, paths, inbox: Path, replies: dict[str, str]) -> Path:
    inbox.mkdir(parents=True, exist_ok=True)
    first = len(schema.FORM_COLUMNS) + 1
    for department, blank in zip(plan.departments, paths):
        target = builders.fill_form(blank, inbox / blank.name, builders.default_reports(plan, department))
        book = openpyxl.load_workbook(target)
        sheet = book[g.FORM_SHEET]
        for initiative_id, row in builders.form_rows(sheet).items():
            if initiative_id in replies:
                sheet.cell(row, first + 1).value = replies[initiative_id]
        book.save(target)
    return inbox


def test_opinions_travel_through_merge_to_their_sheet(tmp_path, plan_path, plan):
    outcome = _opinion_forms(tmp_path, plan_path, opinions=build_opinions(tmp_path / "委員意見.xlsx"))
    inbox = _fill_all(plan, outcome.paths, tmp_path / "受付", {"1-01": "効果額を今期から報告する。",
                                                               "3-01": "全体像を次回示す。"})
    result = merge(inbox, tmp_path / "集約結果.xlsx", plan_path=plan_path)
    blank = sorted((f.initiative_id, f.severity) for f in result.result.findings if f.code == "opinion-reply-missing")
    assert blank == [("3-02", "警告"), ("3-03", "警告")]
    reply_col = schema.column_index("note") + 3  # after the last column: 委員意見, then 意見への対応
    cells = {f.initiative_id: f.cell for f in result.result.findings if f.code == "opinion-reply-missing"}
    assert all(c.startswith(openpyxl.utils.get_column_letter(reply_col)) for c in cells.values())
    ws = openpyxl.load_workbook(result.output)[g.SHEET_OPINIONS]
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert values[0][0] == "委員意見と対応（令和3年度【上半期】）"
    header = [r[:6] for r in values].index(list(g.OPINIONS_HEADERS))
    body = [row[:6] for row in values[header + 1:header + 5]]
    assert body == [
        ["1-01", "給食調理業務の委託", "行政総務課", MEETING, "委託の効果を数値で示すこと。", "効果額を今期から報告する。"],
        ["3-01", "RPAの導入", "情報政策課", MEETING, "ICT活用の全体像を示すこと。", "全体像を次回示す。"],
        ["3-02", "AI-OCRの活用", "情報政策課", MEETING, "ICT活用の全体像を示すこと。", None],
        ["3-03", "施設予約のオンライン化", "資産経営課", MEETING, "ICT活用の全体像を示すこと。", None],
    ]
    assert ws.page_setup.paperSize == 9
    assert openpyxl.load_workbook(result.output).sheetnames.index(g.SHEET_OPINIONS) == 3, "after 資料1-1〜1-3"


def test_no_opinion_no_sheet(inbox, plan_path, tmp_path):
    result = merge(inbox, tmp_path / "集約結果.xlsx", plan_path=plan_path)
    assert g.SHEET_OPINIONS not in openpyxl.load_workbook(result.output).sheetnames


def test_an_open_opinion_is_carried_to_the_next_period(tmp_path, plan_path, plan):
    history = tmp_path / "履歴"
    first = _opinion_forms(tmp_path, plan_path, opinions=build_opinions(tmp_path / "委員意見.xlsx"))
    inbox = _fill_all(plan, first.paths, tmp_path / "受付1", {"1-01": "対応済み。", "3-01": "対応済み。",
                                                               "3-02": "対応済み。"})
    merge(inbox, tmp_path / "集約結果1.xlsx", plan_path=plan_path, history_dir=history)
    second_period = Period(2021, g.PERIOD_SECOND_HALF)
    # the next forms, from the history alone: only 3-03's opinion is still open
    second = _opinion_forms(tmp_path, plan_path, second_period, history_dir=history)
    assert [(o.initiative_id, o.text) for o in second.opinions_carried] == [("3-03", "ICT活用の全体像を示すこと。")]
    forms = dict(zip(plan.departments, second.paths))
    sheet = openpyxl.load_workbook(forms["資産経営課"])[g.FORM_SHEET]
    col = len(schema.FORM_COLUMNS) + 1
    assert sheet.cell(builders.form_rows(sheet)["3-03"], col).value == f"【{MEETING}】ICT活用の全体像を示すこと。"
    assert openpyxl.load_workbook(forms["行政総務課"])[g.FORM_SHEET].max_column == len(schema.FORM_COLUMNS)
    # answered this time: nothing is left open
    inbox2 = _fill_all(plan, second.paths, tmp_path / "受付2", {"3-03": "来年度に示す。"})
    done = merge(inbox2, tmp_path / "集約結果2.xlsx", plan_path=plan_path, history_dir=history)
    values = [[c.value for c in row] for row in openpyxl.load_workbook(done.output)[g.SHEET_OPINIONS].iter_rows()]
    assert ["3-03", "施設予約のオンライン化", "資産経営課", MEETING, "ICT活用の全体像を示すこと。", "来年度に示す。"] in [
        r[:6] for r in values]
    assert not any(r[0] == g.OPINIONS_OPEN_HEADING for r in values)


def test_an_opinion_not_carried_is_listed_as_open(tmp_path, plan_path, plan):
    history = tmp_path / "履歴"
    first = _opinion_forms(tmp_path, plan_path, opinions=build_opinions(tmp_path / "委員意見.xlsx"))
    inbox = _fill_all(plan, first.paths, tmp_path / "受付1", {"1-01": "対応済み。"})
    merge(inbox, tmp_path / "集約結果1.xlsx", plan_path=plan_path, history_dir=history)
    second_period = Period(2021, g.PERIOD_SECOND_HALF)
    second = _opinion_forms(tmp_path, plan_path, second_period, use_previous=False)
    inbox2 = _fill_all(plan, second.paths, tmp_path / "受付2", {})
    done = merge(inbox2, tmp_path / "集約結果2.xlsx", plan_path=plan_path, history_dir=history)
    values = [[c.value for c in row] for row in openpyxl.load_workbook(done.output)[g.SHEET_OPINIONS].iter_rows()]
    heading = [r[0] for r in values].index(g.OPINIONS_OPEN_HEADING)
    open_rows = [r for r in values[heading + 2:] if r[0]]
    assert [(r[0], r[6]) for r in open_rows] == [("3-01", "令和3年度【上半期】"), ("3-02", "令和3年度【上半期】"),
                                                 ("3-03", "令和3年度【上半期】")]
    assert values[[r[0] for r in values].index(g.OPINIONS_HEADING) + 2][0] == g.OPINIONS_NONE


def test_cli_template_takes_opinions(tmp_path, plan_path):
    out = io.StringIO()
    code = main(["template", "--plan", str(plan_path), "--year", "令和3年度", "--period", "上半期",
                 "--out", str(tmp_path / "配布"), "--opinions", str(build_opinions(tmp_path / "委員意見.xlsx"))],
                out=out, err=(err := io.StringIO()))
    assert code == 0
    assert "委員意見: 4 件を 4 取組の調査票に記載しました（委員意見.xlsx）。" in out.getvalue().splitlines()
    assert "9-99" in err.getvalue()


def test_open_data_gains_the_opinions_and_replies(tmp_path, plan_path, plan):
    import csv
    from gyokaku_xl.run.publish import opendata_from_master
    outcome = _opinion_forms(tmp_path, plan_path, opinions=build_opinions(tmp_path / "委員意見.xlsx"))
    inbox = _fill_all(plan, outcome.paths, tmp_path / "受付", {"1-01": "効果額を報告する。"})
    result = merge(inbox, tmp_path / "集約結果.xlsx", plan_path=plan_path, opendata=tmp_path / "公開")
    names = sorted(p.name for p in result.opendata_paths)
    assert "委員意見と対応_令和3年度上半期.csv" in names and "委員意見と対応_令和3年度上半期.xlsx" in names
    with open(tmp_path / "公開" / "委員意見と対応_令和3年度上半期.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == list(g.OPENDATA_OPINIONS_COLUMNS)
    assert rows[1] == ["令和3年度", "2021", "上半期", "1-01", "給食調理業務の委託", "行政総務課", MEETING,
                       "委託の効果を数値で示すこと。", "効果額を報告する。"]
    assert len(rows) == 5
    again = opendata_from_master(result.output, tmp_path / "公開2")
    assert (tmp_path / "公開2" / "委員意見と対応_令和3年度上半期.csv").read_bytes() == \
        (tmp_path / "公開" / "委員意見と対応_令和3年度上半期.csv").read_bytes()
    assert len(again) == 4


def test_template_previous_carries_open_opinions_too(tmp_path, plan_path, plan):
    first = _opinion_forms(tmp_path, plan_path, opinions=build_opinions(tmp_path / "委員意見.xlsx"))
    inbox = _fill_all(plan, first.paths, tmp_path / "受付1", {"1-01": "対応済み。", "3-01": "対応済み。"})
    master = merge(inbox, tmp_path / "集約結果1.xlsx", plan_path=plan_path).output
    extra = build_opinions(tmp_path / "委員意見2.xlsx", [{"取組番号": "2-02", "意見": "新しい意見。", "会議": "第2回"}])
    second = _opinion_forms(tmp_path, plan_path, Period(2021, g.PERIOD_SECOND_HALF), previous=master, opinions=extra)
    assert sorted(o.initiative_id for o in second.opinions_carried) == ["3-02", "3-03"]
    assert sorted(o.initiative_id for o in second.opinions) == ["2-02", "3-02", "3-03"]
