"""The history folder: archiving each period's master and reading the earlier ones back.

Driven through the command line (``main(argv)``) for two and three periods, with the files a real
shared folder collects: a re-run period, another plan's master, a damaged file, a later period,
two masters of one period, a master of an earlier release.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest

import builders
from gyokaku_xl.app.summary_lines import summary_lines
from gyokaku_xl.infra import atomic
from gyokaku_xl.app import cli
from gyokaku_xl.domain import schema
from gyokaku_xl import text as g
from gyokaku_xl.domain.findings import INFO, WARNING
from gyokaku_xl.run.archive import archive_master
from gyokaku_xl.reading.history import archive_name, read_history, read_master
from gyokaku_xl.domain.model import Period
from gyokaku_xl.run.merge import merge
from gyokaku_xl.reading.xlsx import read_workbook

H1 = Period(2021, g.PERIOD_FIRST_HALF)
YEAR_END = Period(2021, g.PERIOD_YEAR_END)
NEXT_H1 = Period(2022, g.PERIOD_FIRST_HALF)


def run(argv):
    out, err = io.StringIO(), io.StringIO()
    code = cli.main([str(a) for a in argv], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def merge_cli(inbox: Path, plan_path: Path, output: Path, history: Path | None):
    argv = ["merge", inbox, "--plan", plan_path, "-o", output, "-q"]
    if history is not None:
        argv += ["--history", history]
    return run(argv)


def history_line(out: str) -> str:
    return next(line for line in out.splitlines() if line.startswith("履歴:"))


def archives(folder: Path) -> list[str]:
    """The workbooks of a folder (the derived index left out)."""
    return sorted(p.name for p in folder.iterdir() if p.name != g.HISTORY_INDEX_NAME)


def test_period_order_is_explicit_not_string_order():
    periods = [Period(2022, g.PERIOD_FIRST_HALF), Period(2021, g.PERIOD_YEAR_END),
               Period(2021, g.PERIOD_SECOND_HALF), Period(2021, g.PERIOD_FIRST_HALF)]
    assert [p.half for p in sorted(periods, key=lambda p: p.order_key)] == [
        g.PERIOD_FIRST_HALF, g.PERIOD_SECOND_HALF, g.PERIOD_YEAR_END, g.PERIOD_FIRST_HALF]
    assert archive_name(H1) == "令和3年度上半期_集約結果.xlsx"


def test_master_carries_identity_and_the_columns_history_needs(inbox, plan_path, tmp_path):
    out = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path).output
    book = read_workbook(out, [g.SHEET_DATA])
    props = book.custom_properties
    assert props[schema.PROP_MASTER_KIND] == schema.PROP_MASTER_KIND_VALUE
    assert props[schema.PROP_PLAN] == "テスト市行財政改革計画（2020-2023）"
    assert (props[schema.PROP_FISCAL_YEAR], props[schema.PROP_PERIOD]) == ("2021", "上半期")
    assert props[schema.PROP_TOOLKIT_VERSION] and props[schema.PROP_MASTER_VERSION] == schema.MASTER_DATA_VERSION
    header = [c.value for (r, _c), c in sorted(book.sheets[g.SHEET_DATA].cells.items()) if r == 1]
    for label in ("取組番号", "進捗状況", "取組状況", "今後の予定", "遅れ等の理由", "財政効果額（千円）",
                  g.COL_DEPARTMENT, g.COL_PROGRAM_NUMBER, g.COL_PERSPECTIVE_NUMBER):
        assert label in header
    snapshot, finding = read_master(out)
    assert finding is None and snapshot.period == H1 and len(snapshot.rows) == 8
    first = snapshot.rows[0]
    assert (first.initiative_id, first.program, first.perspective, first.department, first.status,
            first.progress) == ("1-01", "1", 1, "行政総務課", "概ね順調", "・給食調理業務の委託を実施。")


def test_two_periods_and_a_rerun_through_the_cli(tmp_path, plan_path):
    history = tmp_path / "履歴"
    first = builders.build_period_inbox(tmp_path, plan_path, H1, statuses={"1-02": "遅れ"})
    code, out, err = merge_cli(first, plan_path, tmp_path / "上半期.xlsx", history)
    assert code == 0, err
    assert history_line(out) == f"履歴: 過去の集約結果はありません（{history}）"
    assert f"履歴に保存: {history / '令和3年度上半期_集約結果.xlsx'}" in out.splitlines()
    assert archives(history) == ["令和3年度上半期_集約結果.xlsx"]

    second = builders.build_period_inbox(tmp_path, plan_path, YEAR_END, statuses={"1-03": "遅れ"})
    for _ in range(2):  # the second run of 年度末 replaces its archive
        code, out, err = merge_cli(second, plan_path, tmp_path / "年度末.xlsx", history)
        assert code == 0, err
        assert history_line(out) == "履歴: 過去 1 期を読み込みました（前期：令和3年度【上半期】）"
        assert "指摘: エラー 0 件・警告 0 件・情報 0 件" in out.splitlines()
    assert archives(history) == ["令和3年度上半期_集約結果.xlsx", "令和3年度年度末_集約結果.xlsx"]

    plan = builders.load_plan(plan_path)
    snapshots, findings = read_history(history, plan, NEXT_H1)
    assert findings == []
    assert [s.period for s in snapshots] == [H1, YEAR_END]
    assert snapshots[0].by_id()["1-02"].status == "遅れ" and snapshots[1].by_id()["1-02"].status == "概ね順調"
    assert snapshots[1].by_id()["1-03"].delay_reason == "調整に時間を要している。"


def test_three_periods_with_a_missing_one_and_the_pipeline_outcome(tmp_path, plan_path):
    history = tmp_path / "履歴"
    for period in (NEXT_H1, H1):  # archived out of order; 年度末 never merged (missing period)
        inbox = builders.build_period_inbox(tmp_path, plan_path, period)
        merge(inbox, tmp_path / f"{period.file_label}.xlsx", plan_path=plan_path, history_dir=history)
    later = Period(2022, g.PERIOD_YEAR_END)
    inbox = builders.build_period_inbox(tmp_path, plan_path, later)
    outcome = merge(inbox, tmp_path / "最新.xlsx", plan_path=plan_path, history_dir=history)
    assert [s.period for s in outcome.history] == [H1, NEXT_H1]
    assert outcome.previous.period == NEXT_H1 and outcome.exit_code == 0 and outcome.periods_read == 2
    assert outcome.archive == history / "令和4年度年度末_集約結果.xlsx"
    assert len(archives(history)) == 3


def test_other_plan_damaged_later_and_duplicate_files_are_findings_not_failures(tmp_path, plan_path):
    history = tmp_path / "履歴"
    first = builders.build_period_inbox(tmp_path, plan_path, H1)
    merge(first, tmp_path / "上半期.xlsx", plan_path=plan_path, history_dir=history)
    # another plan's master (same period), a damaged file, a later period, a second copy of 上半期
    other_root = tmp_path / "other"
    other_plan = builders.build_plan(other_root, settings={**builders.DEFAULT_SETTINGS,
                                                           g.SETTING_PLAN_NAME: "別市行財政改革プラン"})
    other_inbox = builders.build_period_inbox(other_root, other_plan, H1)
    other = merge(other_inbox, other_root / "別市.xlsx", plan_path=other_plan).output
    shutil.copyfile(other, history / "別市_集約結果.xlsx")
    (history / "壊れた集約結果.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    (history / "メモ.txt").write_text("履歴フォルダ", encoding="utf-8")
    later_inbox = builders.build_period_inbox(tmp_path, plan_path, NEXT_H1)
    later = merge(later_inbox, tmp_path / "翌年度.xlsx", plan_path=plan_path).output
    shutil.copyfile(later, history / "翌年度上半期.xlsx")
    shutil.copyfile(history / "令和3年度上半期_集約結果.xlsx", history / "上半期のコピー.xlsx")

    second = builders.build_period_inbox(tmp_path, plan_path, YEAR_END)
    code, out, err = merge_cli(second, plan_path, tmp_path / "年度末.xlsx", history)
    assert code == 0, err  # none of it stops the run or counts as an error
    assert history_line(out) == "履歴: 過去 1 期を読み込みました（前期：令和3年度【上半期】）"
    outcome = merge(second, tmp_path / "年度末.xlsx", plan_path=plan_path, history_dir=history)
    found = {f.file: (f.code, f.severity) for f in outcome.result.findings if f.code.startswith("history-")}
    assert found == {
        "別市_集約結果.xlsx": ("history-other-plan", INFO),
        "壊れた集約結果.xlsx": ("history-unreadable", WARNING),
        "翌年度上半期.xlsx": ("history-later-period", WARNING),
        "上半期のコピー.xlsx": ("history-duplicate-period", WARNING),
    }
    messages = {f.file: f.message for f in outcome.result.findings}
    assert "別の計画「別市行財政改革プラン」" in messages["別市_集約結果.xlsx"]
    assert "「令和3年度上半期_集約結果.xlsx」を使い" in messages["上半期のコピー.xlsx"]
    assert "令和4年度【上半期】" in messages["翌年度上半期.xlsx"]
    assert outcome.history[0].source == str(history / "令和3年度上半期_集約結果.xlsx")
    assert "警告: 壊れた集約結果.xlsx 履歴フォルダのファイルを読み込めない" in out


def test_current_period_archive_is_replaced_silently_and_other_copies_noted(tmp_path, plan_path):
    history = tmp_path / "履歴"
    inbox = builders.build_period_inbox(tmp_path, plan_path, H1)
    merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path, history_dir=history)
    shutil.copyfile(history / "令和3年度上半期_集約結果.xlsx", history / "古い上半期.xlsx")
    outcome = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path, history_dir=history)
    assert outcome.history == []
    assert [(f.file, f.code, f.severity) for f in outcome.result.findings] == [
        ("古い上半期.xlsx", "history-same-period", INFO)]
    assert archives(history) == ["令和3年度上半期_集約結果.xlsx", "古い上半期.xlsx"]


def test_output_inside_the_history_folder_is_not_read_as_history(tmp_path, plan_path):
    history = tmp_path / "履歴"
    first = builders.build_period_inbox(tmp_path, plan_path, H1)
    merge(first, history / "集約結果.xlsx", plan_path=plan_path, history_dir=history)
    second = builders.build_period_inbox(tmp_path, plan_path, YEAR_END)
    outcome = merge(second, history / "集約結果.xlsx", plan_path=plan_path, history_dir=history)
    assert [s.period for s in outcome.history] == [H1]
    assert not [f for f in outcome.result.findings if f.code.startswith("history-")]


def test_history_folder_from_the_plan_master_setting_and_the_flag_wins(tmp_path):
    plan_path = builders.build_plan(tmp_path / "計画", settings={**builders.DEFAULT_SETTINGS,
                                                                g.SETTING_HISTORY_DIR: "履歴"})
    inbox = builders.build_period_inbox(tmp_path, plan_path, H1)
    outcome = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path)
    assert outcome.archive == tmp_path / "計画" / "履歴" / "令和3年度上半期_集約結果.xlsx"
    code, out, err = merge_cli(inbox, plan_path, tmp_path / "m.xlsx", tmp_path / "別の履歴")
    assert code == 0, err
    assert (tmp_path / "別の履歴" / "令和3年度上半期_集約結果.xlsx").is_file()
    no_history = merge(inbox, tmp_path / "m.xlsx", plan_path=builders.build_plan(tmp_path / "なし"))
    assert no_history.history_dir is None and no_history.archive is None
    assert not any(line.startswith("履歴") for line in summary_lines(no_history))


def test_master_of_an_earlier_release_is_read_from_its_columns_and_title(tmp_path, plan_path):
    inbox = builders.build_period_inbox(tmp_path, plan_path, H1)
    out = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path).output
    legacy = tmp_path / "履歴" / "旧版の集約結果.xlsx"
    legacy.parent.mkdir()
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(legacy, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():  # an earlier release wrote no identity properties
            if info.filename != "docProps/custom.xml":
                data = src.read(info)
                if info.filename == "[Content_Types].xml":
                    data = data.replace(b'<Override PartName="/docProps/custom.xml"', b'<Override PartName="/x"')
                dst.writestr(info, data)
    snapshot, note = read_master(legacy)
    assert snapshot is not None and snapshot.period == H1 and len(snapshot.rows) == 8
    assert snapshot.plan_name == "テスト市行財政改革計画（2020-2023）"
    assert note.code == "history-legacy" and note.severity == INFO


def test_a_workbook_that_is_no_master_is_noted(tmp_path, plan_path):
    history = tmp_path / "履歴"
    history.mkdir()
    shutil.copyfile(plan_path, history / "計画マスタ.xlsx")
    snapshots, findings = read_history(history, builders.load_plan(plan_path), YEAR_END)
    assert snapshots == [] and [(f.file, f.code) for f in findings] == [("計画マスタ.xlsx", "history-not-master")]


def test_locked_archive_keeps_the_old_one_and_leaves_no_second_file(tmp_path, plan_path, monkeypatch):
    history = tmp_path / "履歴"
    inbox = builders.build_period_inbox(tmp_path, plan_path, H1)
    merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path, history_dir=history)
    before = (history / "令和3年度上半期_集約結果.xlsx").read_bytes()
    real = atomic._replace

    def locked(src, dst):
        if Path(dst).parent == history and Path(dst).name == "令和3年度上半期_集約結果.xlsx":
            raise PermissionError(13, "Permission denied")
        real(src, dst)

    monkeypatch.setattr(atomic, "_replace", locked)
    outcome = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path, history_dir=history)
    assert outcome.archive is None and outcome.output == tmp_path / "m.xlsx"
    assert any("開かれているため更新できませんでした" in n for n in outcome.notices)
    assert archives(history) == ["令和3年度上半期_集約結果.xlsx"]
    assert (history / "令和3年度上半期_集約結果.xlsx").read_bytes() == before


def test_history_path_that_is_a_file_stops_with_one_line(tmp_path, plan_path, inbox):
    not_a_folder = tmp_path / "履歴.txt"
    not_a_folder.write_text("x", encoding="utf-8")
    code, out, err = merge_cli(inbox, plan_path, tmp_path / "m.xlsx", not_a_folder)
    assert code == 2 and err.strip() == f"エラー: 履歴フォルダ「{not_a_folder}」はファイルです。履歴にはフォルダを指定してください。"


def test_archive_master_replaces_atomically(tmp_path):
    master = tmp_path / "m.xlsx"
    master.write_bytes(b"first")
    path = archive_master(master, tmp_path / "履歴", H1)
    master.write_bytes(b"second")
    assert archive_master(master, tmp_path / "履歴", H1) == path
    assert path.read_bytes() == b"second" and archives(tmp_path / "履歴") == [path.name]


@pytest.mark.parametrize("name", ["~$令和3年度上半期_集約結果.xlsx", ".~tmp-abc.xlsx"])
def test_lock_and_temporary_files_are_passed_over(tmp_path, plan_path, name):
    folder = tmp_path / "履歴"
    folder.mkdir()
    (folder / name).write_bytes(b"\x00" * 10)
    snapshots, findings = read_history(folder, builders.load_plan(plan_path), YEAR_END)
    assert snapshots == [] and findings == []


def _fake_master(path: Path, props: dict[str, str], header: list[str]) -> Path:
    import xlsxwriter
    book = xlsxwriter.Workbook(str(path))
    for name, value in props.items():
        book.set_custom_property(name, value, "text")
    sheet = book.add_worksheet(g.SHEET_DATA)
    for col, label in enumerate(header):
        sheet.write_string(0, col, label)
        sheet.write_string(1, col, "1-01" if label == "取組番号" else "x")
    book.close()
    return path


IDENTITY = {schema.PROP_MASTER_KIND: schema.PROP_MASTER_KIND_VALUE, schema.PROP_MASTER_VERSION: "1",
            schema.PROP_PLAN: "テスト市行財政改革計画（2020-2023）", schema.PROP_FISCAL_YEAR: "2021",
            schema.PROP_PERIOD: "上半期"}


def test_master_without_needed_columns_or_with_an_unreadable_period(tmp_path, plan_path):
    folder = tmp_path / "履歴"
    folder.mkdir()
    _fake_master(folder / "列不足.xlsx", IDENTITY, ["取組番号", "進捗状況", g.COL_DEPARTMENT, "取組の視点"])
    _fake_master(folder / "期間不明.xlsx", {**IDENTITY, schema.PROP_PERIOD: "第3四半期"},
                 ["取組番号", "進捗状況", g.COL_DEPARTMENT, g.COL_PROGRAM_NUMBER, g.COL_PERSPECTIVE_NUMBER])
    snapshots, findings = read_history(folder, builders.load_plan(plan_path), YEAR_END)
    assert snapshots == []
    found = {f.file: (f.code, f.severity, f.message) for f in findings}
    assert found["列不足.xlsx"] == ("history-columns-missing", WARNING,
                                    "「集約データ」に列「事業番号」がないため、履歴に使いません。")
    assert found["期間不明.xlsx"][:2] == ("history-bad-period", WARNING)
    assert "2021 第3四半期" in found["期間不明.xlsx"][2]


def test_the_index_is_derived_answers_for_known_masters_and_is_rebuilt(tmp_path, plan_path, monkeypatch):
    import json

    from gyokaku_xl.reading import history as history_module

    history = tmp_path / "履歴"
    for period in (H1, YEAR_END):
        inbox = builders.build_period_inbox(tmp_path, plan_path, period, statuses={"1-02": "遅れ"})
        merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path, history_dir=history)
    plan = builders.load_plan(plan_path)
    index = history / g.HISTORY_INDEX_NAME
    read_history(history, plan, NEXT_H1)
    data = json.loads(index.read_text(encoding="utf-8"))
    assert data["format"] == "gyokaku_history_index" and len(data["entries"]) == 2
    fresh, _ = read_history(history, plan, NEXT_H1, use_index=False)

    calls = []
    real = history_module.read_master
    monkeypatch.setattr(history_module, "read_master", lambda *a, **k: calls.append(a) or real(*a, **k))
    cached, findings = read_history(history, plan, NEXT_H1)
    assert calls == [] and findings == []  # every master answered by the index
    assert [(s.period, s.rows, s.source) for s in cached] == [(s.period, s.rows, s.source) for s in fresh]

    # a re-run period (other bytes) is read again, the unchanged one still comes from the index
    inbox = builders.build_period_inbox(tmp_path, plan_path, YEAR_END, statuses={"1-03": "遅れ"})
    merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path, history_dir=history)
    calls.clear()
    changed, _ = read_history(history, plan, NEXT_H1)
    assert [Path(a[0]).name for a in calls] == ["令和3年度年度末_集約結果.xlsx"]
    assert changed[1].by_id()["1-03"].status == "遅れ" and changed[0].by_id()["1-03"].status == "概ね順調"
    # a damaged index is ignored and rewritten
    index.write_text('{"format": "gyokaku_history_index", "version": 1, "entries": {"x": [', encoding="utf-8")
    calls.clear()
    again, _ = read_history(history, plan, NEXT_H1)
    assert len(calls) == 2 and [s.period for s in again] == [H1, YEAR_END]
    assert len(json.loads(index.read_text(encoding="utf-8"))["entries"]) == 2

    # a tampered entry of the wrong shape is not trusted
    data = json.loads(index.read_text(encoding="utf-8"))
    for entry in data["entries"].values():
        entry["rows"] = [["1-01", "1", "not a number", "課", "済", "", "", "", None]]
    index.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    calls.clear()
    trusted, _ = read_history(history, plan, NEXT_H1)
    assert len(calls) == 2 and len(trusted[0].rows) == 8


def test_unreadable_history_files_say_why_without_advice_meant_for_departments(tmp_path, plan_path):
    import hostile

    folder = tmp_path / "履歴"
    folder.mkdir()
    (folder / "壊れた.xlsx").write_bytes(b"PK\x03\x04 truncated")
    (folder / "旧形式.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    hostile.billion_laughs(folder)
    snapshots, findings = read_history(folder, builders.load_plan(plan_path), YEAR_END)
    assert snapshots == [] and len(findings) == 3
    laughs = [f for f in findings if f.file == "laughs.xlsx"]
    assert [f.code for f in laughs] == ["history-not-master"]  # its entities are never parsed
    for f in findings:
        if f in laughs:
            continue
        assert f.code == "history-unreadable" and f.severity == WARNING and f.file
        assert f.message.startswith("履歴フォルダのファイルを読み込めないため、履歴に使いません：")
        assert "再提出" not in f.message and "調査票" not in f.message
