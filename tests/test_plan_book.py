"""Writing a plan master: read back, it is the same Plan."""

from __future__ import annotations

import dataclasses

import openpyxl

from examples import sample_data
from gyokaku_xl import text as g
from gyokaku_xl.domain.model import Status, StatusScale
from gyokaku_xl.reading.plan import read_plan
from gyokaku_xl.render.plan_book import MARK_FALSE, write_plan


def same_plan(a, b) -> bool:
    return dataclasses.replace(a, source="") == dataclasses.replace(b, source="")


def test_round_trip_of_the_sample_plan(tmp_path):
    plan = sample_data.sample_plan()
    path = tmp_path / g.PLAN_FILE_NAME
    write_plan(path, plan)
    result = read_plan(path)
    assert result.findings == []
    assert same_plan(result.plan, plan)


def test_round_trip_of_the_fixture_plan(tmp_path, plan):
    path = tmp_path / "again.xlsx"
    write_plan(path, plan)
    assert same_plan(read_plan(path).plan, plan)


def test_round_trip_with_own_scale_and_extra_settings(tmp_path, plan):
    other = dataclasses.replace(
        plan, rounding=g.ROUNDING_HALF_UP, coordinator="",
        scale=StatusScale((Status("完了", True, "終わった"), Status("中止", False))),
        settings={**plan.settings, g.SETTING_ROUNDING: g.ROUNDING_HALF_UP, g.SETTING_COORDINATOR: "",
                  "備考": "テスト"})
    path = tmp_path / "other.xlsx"
    write_plan(path, other)
    assert same_plan(read_plan(path).plan, other)


def test_sheets_labels_and_summary_marks(tmp_path):
    plan = sample_data.sample_plan()
    path = tmp_path / g.PLAN_FILE_NAME
    write_plan(path, plan)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [g.PLAN_SHEET_SETTINGS, g.PLAN_SHEET_PERSPECTIVES, g.PLAN_SHEET_STATUSES,
                               g.PLAN_SHEET_PROGRAMS, g.PLAN_SHEET_INITIATIVES, g.PLAN_SHEET_CONTACTS,
                               g.PLAN_SHEET_INDICATORS, g.PLAN_SHEET_RATINGS]  # the sample has 所管課 and 数値目標
    assert [c.value for c in book[g.PLAN_SHEET_INDICATORS][1]] == [
        "取組番号", "指標名", "単位", "基準値", "向き", "令和2年度", "令和3年度", "令和4年度", "令和5年度"]
    settings = {r[0]: r[1] for r in book[g.PLAN_SHEET_SETTINGS].iter_rows(min_row=2, values_only=True)}
    assert settings == {"計画名": "平塚市行財政改革計画（2020-2023）", "自治体名": "平塚市",
                        "割合の端数処理": "切り捨て", "取りまとめ課": "行政総務課", "計画期間": "2020-2023",
                        "回答期限": "令和3年10月15日", "督促文の追記": sample_data.REMIND_EXTRA}
    contacts = list(book["所管課"].iter_rows(values_only=True))
    assert contacts[0] == ("所管課", "メールアドレス", "担当者")
    assert all(row[1].endswith("@example.jp") for row in contacts[1:]) and len(contacts) == 20
    header = [c.value for c in book[g.PLAN_SHEET_STATUSES][1]]
    assert header == ["区分", "順調", "説明"]
    programs = book[g.PLAN_SHEET_PROGRAMS]
    assert [c.value for c in programs[1]] == ["事業番号", "取組の視点", "事業名", "重点", "総括掲載", "所管課"]
    summary = [r[4] for r in programs.iter_rows(min_row=2, values_only=True)]
    assert summary.count("○") == 8 and MARK_FALSE not in summary
