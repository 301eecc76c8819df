"""The public Python API: ``import gyokaku_xl`` stays light; ``make_forms``/``check``/``merge`` are
the functions the command line and the button call; ``read_master``/``read_history`` give the
masters as DataFrames, checked against the two-period example built by ``examples/``."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

import openpyxl
import gyokaku_xl
from examples import build_examples, sample_data
from gyokaku_xl.domain.findings import GyokakuError
from gyokaku_xl.domain.model import Period, StatusScale
from gyokaku_xl.app.api import COLUMNS
from gyokaku_xl import text as g

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
PLAN = EXAMPLES / g.PLAN_FILE_NAME
FIRST, YEAR_END = sample_data.PERIOD, sample_data.YEAR_END


@pytest.fixture(scope="module")
def history(tmp_path_factory) -> Path:
    """The README's two periods merged through the API into one history folder (the 年度末 with the
    plan as revised for it, as the README does)."""
    tmp = tmp_path_factory.mktemp("api")
    folder = tmp / "履歴"
    for inbox, name, plan in (("inbox", "上半期.xlsx", PLAN),
                              (build_examples.YEAR_END_INBOX, "年度末.xlsx", EXAMPLES / build_examples.YEAR_END_PLAN)):
        outcome = gyokaku_xl.merge(EXAMPLES / inbox, tmp / name, plan_path=plan, history_dir=folder)
        assert outcome.output == tmp / name and outcome.archive is not None
    return folder


def test_import_is_light_and_names_resolve_lazily():
    code = ("import sys, gyokaku_xl; heavy = [m for m in ('pandas', 'xlsxwriter', 'openpyxl', 'gyokaku_xl.run', "
            "'gyokaku_xl.reading') if m in sys.modules]; print(heavy); "
            "gyokaku_xl.read_history; print('pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout.split()
    assert out == ["[]", "False"], "nothing heavy at import, pandas only when a table is read"


def test_the_api_functions_are_the_ones_the_adapters_call():
    from gyokaku_xl.run.check import check
    from gyokaku_xl.run.forms import make_forms
    from gyokaku_xl.run.merge import merge
    from gyokaku_xl.run.term_report import term_report

    assert (gyokaku_xl.make_forms, gyokaku_xl.check, gyokaku_xl.merge) == (make_forms, check, merge)
    assert gyokaku_xl.term_report is term_report
    assert gyokaku_xl.GyokakuError is GyokakuError and gyokaku_xl.Period is Period
    assert set(gyokaku_xl.__all__) <= set(dir(gyokaku_xl))
    with pytest.raises(AttributeError):
        gyokaku_xl.no_such_function  # noqa: B018


def test_read_history_one_row_per_initiative_and_period(history):
    frame = gyokaku_xl.read_history(history)
    plan = sample_data.sample_plan()
    n, revised = len(plan.initiatives), len(sample_data.year_end_plan().initiatives)
    assert list(frame.columns) == list(COLUMNS)
    assert len(frame) == n + revised and frame.attrs["findings"] == []
    assert list(frame["報告期間"]) == [FIRST.half] * n + [YEAR_END.half] * revised
    assert set(frame["報告年度"]) == {FIRST.year_label} and set(frame["年度（西暦）"]) == {2021}
    assert set(frame["計画"]) == {sample_data.PLAN_NAME}
    first = frame[frame["報告期間"] == FIRST.half].set_index("取組番号")
    for i in sample_data.INITIATIVES:
        row = first.loc[i.id]
        program = plan.program(i.program)
        assert (row["取組名"], row["事業番号"], row["事業名"], row["所管課"]) == (
            i.name, program.number, program.name, i.department)
        assert (row["視点番号"], row["取組の視点"]) == (program.perspective, plan.perspective_of(plan.initiative(i.id)).label)
        assert (row["進捗状況"], row["取組状況"], row["今後の予定"], row["遅れ等の理由"]) == (
            i.status, i.progress, i.next_steps, i.delay_reason)
        assert row["順調"] == (i.status in plan.scale.on_track)
        amount = row["財政効果額（千円）"]
        assert (None if amount is pd.NA else int(amount)) == i.fiscal_effect
    end = frame[frame["報告期間"] == YEAR_END.half].set_index("取組番号")
    for initiative_id, change in sample_data.YEAR_END_CHANGES.items():
        assert end.loc[initiative_id, "進捗状況"] == change["status"]


def test_the_counts_are_the_masters(history):
    """What an analyst sums from the frame is what 推移 and 財政効果 show."""
    frame = gyokaku_xl.read_history(history)
    per_period = frame.groupby("報告期間", sort=False)["順調"].sum().to_dict()
    expected = {}
    revised = sample_data.year_end_plan()
    year_end = {i: v for d in sample_data.CONTACTS for i, v in sample_data.year_end_reports_for(revised, d).items()}
    for period, reports in ((FIRST, {i.id: i.status for i in sample_data.INITIATIVES}),
                            (YEAR_END, {i: v["status"] for i, v in year_end.items()})):
        expected[period.half] = sum(s in sample_data.sample_plan().scale.on_track for s in reports.values())
    assert per_period == expected
    fiscal = frame.groupby("報告期間", sort=False)["財政効果額（千円）"].sum().to_dict()
    assert fiscal[FIRST.half] == sum(i.fiscal_effect or 0 for i in sample_data.INITIATIVES)
    assert fiscal[YEAR_END.half] == sum(v.get("fiscal_effect") or 0 for v in year_end.values())


def test_read_master_is_one_period_of_the_history(history):
    whole = gyokaku_xl.read_history(history)
    one = gyokaku_xl.read_master(history / "令和3年度上半期_集約結果.xlsx")
    first = whole[whole["報告期間"] == FIRST.half].reset_index(drop=True)
    assert one.equals(first) and one.attrs["findings"] == []


def test_the_plan_decides_what_is_on_track(history, tmp_path):
    plan = sample_data.sample_plan()
    strict = StatusScale(tuple(replace(s, on_track=s.name == "済") for s in plan.scale.statuses))
    frame = gyokaku_xl.read_history(history, plan=replace(plan, scale=strict))
    assert list(frame["順調"]) == [s == "済" for s in frame["進捗状況"]]
    assert gyokaku_xl.read_history(history, plan=PLAN)["順調"].equals(gyokaku_xl.read_history(history)["順調"])


def test_a_status_outside_the_scale_has_no_flag(history):
    plan = sample_data.sample_plan()
    four = StatusScale(plan.scale.statuses[:3])
    frame = gyokaku_xl.read_history(history, plan=replace(plan, scale=four))
    other = frame[~frame["進捗状況"].isin(four.names)]
    assert len(other) > 0 and other["順調"].isna().all()


def test_files_that_are_no_master_are_findings_and_nothing_is_written(history, tmp_path):
    folder = tmp_path / "履歴"
    folder.mkdir()
    for source in history.glob("*.xlsx"):
        (folder / source.name).write_bytes(source.read_bytes())
    (folder / "メモ.xlsx").write_bytes(b"not a workbook")
    roster = openpyxl.Workbook()
    roster.active.append(["氏名"])
    roster.active.append(["平塚"])
    roster.save(folder / "名簿.xlsx")
    before = sorted(p.name for p in folder.iterdir())
    frame = gyokaku_xl.read_history(folder)
    assert len(frame) == len(gyokaku_xl.read_history(history)) > len(sample_data.INITIATIVES)
    assert sorted((f.file, f.code) for f in frame.attrs["findings"]) == [
        ("メモ.xlsx", "history-unreadable"), ("名簿.xlsx", "history-not-master")]
    assert sorted(p.name for p in folder.iterdir()) == before, "the folder is only read"


def test_an_empty_folder_is_an_empty_table(tmp_path):
    frame = gyokaku_xl.read_history(tmp_path)
    assert frame.empty and frame.attrs["findings"] == []
    assert list(frame.columns) == list(COLUMNS)


def test_what_cannot_be_read_is_one_japanese_line(tmp_path):
    with pytest.raises(GyokakuError) as missing:
        gyokaku_xl.read_history(tmp_path / "ない")
    with pytest.raises(GyokakuError) as no_file:
        gyokaku_xl.read_master(tmp_path / "ない.xlsx")
    (tmp_path / "名簿.xlsx").write_bytes(b"PK\x03\x04 broken")
    with pytest.raises(GyokakuError) as broken:
        gyokaku_xl.read_master(tmp_path / "名簿.xlsx")
    for caught in (missing, no_file, broken):
        message = str(caught.value)
        assert "\n" not in message and ("ない" in message or "名簿.xlsx" in message)
