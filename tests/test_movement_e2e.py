"""前期比較・推移・財政効果 end to end: periods merged one after another through the command line
with a history folder, and the three sheets of the latest master checked cell by cell.

Covers two and three periods, a re-run of a period, a foreign master and a damaged file in the
history folder, a missing period, 目標額 in the plan master and another status scale.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import openpyxl

import builders
from builders import DEFAULT_PROGRAMS, build_plan
from gyokaku_xl.app import cli
from gyokaku_xl import text as g
from gyokaku_xl.domain.model import Period

from test_movement_sheets import rows

H1 = Period(2021, g.PERIOD_FIRST_HALF)
YEAR_END = Period(2021, g.PERIOD_YEAR_END)
NEXT_H1 = Period(2022, g.PERIOD_FIRST_HALF)


def merge_cli(inbox: Path, plan_path: Path, output: Path, history: Path) -> tuple[int, list[str]]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main([str(a) for a in ("merge", inbox, "--plan", plan_path, "-o", output, "-q",
                                      "--history", history)], out=out, err=err)
    assert code == 0, (out.getvalue(), err.getvalue())
    return code, out.getvalue().splitlines()


def comparison_line(lines: list[str]) -> str | None:
    return next((line for line in lines if line.startswith("前期比較")), None)


def sheets(path: Path) -> dict[str, list[list[object]]]:
    book = openpyxl.load_workbook(path)
    return {name: rows(book[name]) for name in g.MOVEMENT_SHEETS}


def fiscal(values: dict[str, int]) -> dict[str, dict[str, object]]:
    return {i: {"fiscal_effect": v} for i, v in values.items()}


def plan_with_targets(tmp_path: Path) -> Path:
    targets = {"1": 1000, "4": 100}
    programs = [{**p, g.PLAN_COL_TARGET: targets.get(p["事業番号"])} for p in DEFAULT_PROGRAMS]
    return build_plan(tmp_path, programs=programs)


def list_rows(found: list[list[object]]) -> list[list[object]]:
    start = found.index(["【取組ごとの変化】"]) + 2
    return found[start:]


def test_three_periods_through_the_cli(tmp_path):
    plan_path = plan_with_targets(tmp_path)
    history = tmp_path / "履歴"
    history.mkdir()
    # what a shared folder collects besides the archives: another plan's master, a damaged file
    other = build_plan(tmp_path / "other", settings={**builders.DEFAULT_SETTINGS, g.SETTING_PLAN_NAME: "別の計画"})
    other_inbox = builders.build_period_inbox(tmp_path / "other", other, H1)
    merge_cli(other_inbox, other, history / "別の計画_集約結果.xlsx", tmp_path / "other" / "履歴")
    (history / "壊れた集約結果.xlsx").write_bytes(b"PK\x03\x04 broken")

    first = builders.build_period_inbox(tmp_path, plan_path, H1, statuses={"1-02": "遅れ", "2-01": "未着手"},
                                        texts=fiscal({"1-01": 100, "1-03": 50}))
    _code, lines = merge_cli(first, plan_path, tmp_path / "R3上半期.xlsx", history)
    assert comparison_line(lines) is None  # nothing earlier: the history line says so
    assert sheets(tmp_path / "R3上半期.xlsx")[g.SHEET_COMPARISON][2][0].startswith("比較する前期の集約結果がありません")

    second = builders.build_period_inbox(tmp_path, plan_path, YEAR_END, statuses={"1-03": "遅れ", "2-01": "休止"},
                                         texts=fiscal({"1-01": 300, "3-01": 20}))
    for _ in range(2):  # a re-run of the period gives the same master and replaces its archive
        _code, lines = merge_cli(second, plan_path, tmp_path / "R3年度末.xlsx", history)
        assert comparison_line(lines) == "前期比較: 令和3年度上半期 と比較（改善 1・悪化 1）"
    two = sheets(tmp_path / "R3年度末.xlsx")
    assert two[g.SHEET_COMPARISON][1] == ["前期比較（令和3年度【上半期】 → 令和3年度【年度末】）"]
    assert list_rows(two[g.SHEET_COMPARISON]) == [
        ["1-01", "給食調理業務の委託", "民間委託推進事業", "行政総務課", "概ね順調", "概ね順調", "変化なし"],
        ["1-02", "窓口業務の委託", "民間委託推進事業", "資産経営課", "遅れ", "概ね順調", "改善"],
        ["1-03", "施設の長寿命化", "施設管理適正化事業", "資産経営課", "概ね順調", "遅れ", "悪化"],
        ["2-01", "職員提案制度の運用", "業務改善推進事業", "行政総務課", "未着手", "休止", "変化"],
        ["2-02", "会議のペーパーレス化", "業務改善推進事業", "行政総務課", "概ね順調", "概ね順調", "変化なし"],
        ["3-01", "RPAの導入", "ICT活用推進事業", "情報政策課", "概ね順調", "概ね順調", "変化なし"],
        ["3-02", "AI-OCRの活用", "ICT活用推進事業", "情報政策課", "概ね順調", "概ね順調", "変化なし"],
        ["3-03", "施設予約のオンライン化", "ICT活用推進事業", "資産経営課", "概ね順調", "概ね順調", "変化なし"],
    ]

    third = builders.build_period_inbox(tmp_path, plan_path, NEXT_H1, statuses={"1-03": "済", "3-02": "遅れ"},
                                        texts=fiscal({"1-01": 40}))
    _code, lines = merge_cli(third, plan_path, tmp_path / "R4上半期.xlsx", history)
    assert comparison_line(lines) == "前期比較: 令和3年度年度末 と比較（改善 2・悪化 1）"
    assert "履歴: 過去 2 期を読み込みました（前期：令和3年度【年度末】）" in lines
    found = sheets(tmp_path / "R4上半期.xlsx")
    comparison = found[g.SHEET_COMPARISON]
    assert comparison[2] == ["変化の内訳：改善 2・悪化 1・変化 0・変化なし 5・新規 0・報告なし 0"]
    assert comparison[5:13] == [
        ["前期＼今期", "済", "概ね順調", "遅れ", "未着手", "休止", "（なし）", "合計"],
        ["済", 0, 0, 0, 0, 0, 0, 0],
        ["概ね順調", 0, 5, 1, 0, 0, 0, 6],
        ["遅れ", 1, 0, 0, 0, 0, 0, 1],
        ["未着手", 0, 0, 0, 0, 0, 0, 0],
        ["休止", 0, 1, 0, 0, 0, 0, 1],
        ["（なし）", 0, 0, 0, 0, 0, 0, 0],
        ["合計", 1, 6, 1, 0, 0, 0, 8],
    ]
    assert [r[-3:] for r in list_rows(comparison)] == [
        ["概ね順調", "概ね順調", "変化なし"], ["概ね順調", "概ね順調", "変化なし"], ["遅れ", "済", "改善"],
        ["休止", "概ね順調", "改善"], ["概ね順調", "概ね順調", "変化なし"], ["概ね順調", "概ね順調", "変化なし"],
        ["概ね順調", "遅れ", "悪化"], ["概ね順調", "概ね順調", "変化なし"]]
    assert found[g.SHEET_TREND][1:8] == [
        ["進捗状況の推移（令和3年度【上半期】 ～ 令和4年度【上半期】）"],
        ["※順調は「済」「概ね順調」。割合（％）は小数点以下切り捨て。"],
        ["報告期間", "済", "概ね順調", "遅れ", "未着手", "休止", "合計", "順調の割合（％）"],
        ["令和3年度【上半期】", 0, 6, 1, 1, 0, 8, 75],
        ["令和3年度【年度末】", 0, 6, 1, 0, 1, 8, 75],
        ["令和4年度【上半期】", 1, 6, 1, 0, 0, 8, 87],
        ["【進捗状況別の取組数の推移】"],
    ]
    assert found[g.SHEET_FISCAL][1:] == [
        ["令和4年度【上半期】時点の財政効果額（単位：千円）"],
        ["※各年度の額は、その年度の最も新しい報告（年度末、なければ下半期、なければ上半期）の財政効果額の合計です。"
         "累計は各年度の額の合計です。"],
        [g.FISCAL_DASH_NOTE],
        # 年度末 left 1-03 blank: its 上半期 50 stands for 令和3年度 (before, it vanished)
        ["※令和3年度【年度末】の財政効果額が空欄（または報告なし）の取組は、同じ年度の上半期の額を年度の額としています"
         "（1-03 施設の長寿命化 50 千円）。"],
        ["※達成率（％）は累計 ÷ 目標額で、小数点以下切り捨て。"],
        ["※目標額のない事業は、取組の視点別・計画全体の目標額と達成率に含めていません。"],
        ["【取組の視点別】"],
        ["取組の視点", "令和3年度\n（年度末）", "令和4年度\n（上半期）", "累計", "目標額", "達成率（％）"],
        ["(1)民間活力の活用", 350, 40, 390, 1000, 34],
        ["(2)行政の効率化", "－", "－", 0, "－", "－"],
        ["(3)ICTの活用推進", 20, "－", 20, 100, 20],
        ["計画全体", 370, 40, 410, 1100, 32],
        ["【事業別】"],
        ["事業番号", "事業名", "所管課", "令和3年度\n（年度末）", "令和4年度\n（上半期）", "累計", "目標額", "達成率（％）"],
        ["(1)民間活力の活用"],
        ["1", "民間委託推進事業", "行政総務課", 300, 40, 340, 1000, 34],
        ["2", "施設管理適正化事業", "資産経営課", 50, "－", 50, "－", "－"],
        ["(2)行政の効率化"],
        ["3", "業務改善推進事業", "行政総務課", "－", "－", 0, "－", "－"],
        ["(3)ICTの活用推進"],
        ["4", "ICT活用推進事業", "情報政策課", 20, "－", 20, 100, 20],
        ["計画全体", 370, 40, 410, 1100, 32],
    ]


def test_a_missing_period_compares_with_the_latest_one_found(tmp_path):
    plan_path = build_plan(tmp_path)
    history = tmp_path / "履歴"
    first = builders.build_period_inbox(tmp_path, plan_path, H1, statuses={"1-01": "遅れ"})
    merge_cli(first, plan_path, tmp_path / "a.xlsx", history)
    later = builders.build_period_inbox(tmp_path, plan_path, NEXT_H1)  # 令和3年度年度末 was never merged
    _code, lines = merge_cli(later, plan_path, tmp_path / "b.xlsx", history)
    assert comparison_line(lines) == "前期比較: 令和3年度上半期 と比較（改善 1・悪化 0）"
    found = sheets(tmp_path / "b.xlsx")
    assert found[g.SHEET_COMPARISON][1] == ["前期比較（令和3年度【上半期】 → 令和4年度【上半期】）"]
    assert [r[0] for r in found[g.SHEET_TREND][4:6]] == ["令和3年度【上半期】", "令和4年度【上半期】"]


def test_another_status_scale_through_the_cli(tmp_path):
    statuses = [{"区分": "完了", "順調": "○", "説明": ""}, {"区分": "順調", "順調": "○", "説明": ""},
                {"区分": "やや遅れ", "順調": "○", "説明": ""}, {"区分": "遅延", "順調": "", "説明": ""}]
    plan_path = build_plan(tmp_path, statuses=statuses,
                           settings={**builders.DEFAULT_SETTINGS, g.SETTING_ROUNDING: g.ROUNDING_HALF_UP})
    history = tmp_path / "履歴"
    first = builders.build_period_inbox(tmp_path, plan_path, H1, statuses={"1-01": "遅延", "2-01": "遅延"})
    merge_cli(first, plan_path, tmp_path / "a.xlsx", history)
    second = builders.build_period_inbox(tmp_path, plan_path, YEAR_END,
                                         statuses={"1-02": "遅延", "1-03": "完了", "2-01": "遅延"})
    _code, lines = merge_cli(second, plan_path, tmp_path / "b.xlsx", history)
    assert comparison_line(lines) == "前期比較: 令和3年度上半期 と比較（改善 1・悪化 1）"
    found = sheets(tmp_path / "b.xlsx")
    comparison = found[g.SHEET_COMPARISON]
    assert comparison[5:11] == [
        ["前期＼今期", "完了", "順調", "やや遅れ", "遅延", "（なし）", "合計"],
        ["完了", 0, 0, 0, 0, 0, 0],
        ["順調", 0, 0, 0, 0, 0, 0],
        ["やや遅れ", 1, 0, 4, 1, 0, 6],
        ["遅延", 0, 0, 1, 1, 0, 2],
        ["（なし）", 0, 0, 0, 0, 0, 0],
    ]
    assert [r[-3:] for r in list_rows(comparison)[:4]] == [
        ["遅延", "やや遅れ", "改善"], ["やや遅れ", "遅延", "悪化"], ["やや遅れ", "完了", "変化"],
        ["遅延", "遅延", "変化なし"]]
    # 6 of 8 on track in both periods: 75 %; the scale's own colours order the chart
    assert found[g.SHEET_TREND][3:6] == [
        ["報告期間", "完了", "順調", "やや遅れ", "遅延", "合計", "順調の割合（％）"],
        ["令和3年度【上半期】", 0, 0, 6, 2, 8, 75],
        ["令和3年度【年度末】", 1, 0, 5, 2, 8, 75],
    ]


def test_re_run_is_deterministic(tmp_path):
    plan_path = build_plan(tmp_path)
    history = tmp_path / "履歴"
    merge_cli(builders.build_period_inbox(tmp_path, plan_path, H1), plan_path, tmp_path / "a.xlsx", history)
    inbox = builders.build_period_inbox(tmp_path, plan_path, YEAR_END, statuses={"3-03": "遅れ"})
    merge_cli(inbox, plan_path, tmp_path / "b.xlsx", history)
    shutil.copyfile(tmp_path / "b.xlsx", tmp_path / "b1.xlsx")
    merge_cli(inbox, plan_path, tmp_path / "b.xlsx", history)
    a, b = builders.workbook_content(tmp_path / "b1.xlsx"), builders.workbook_content(tmp_path / "b.xlsx")
    assert builders.content_differences(a, b) == []


def test_one_merge_computes_the_summary_and_the_movement_once(tmp_path, monkeypatch):
    """資料1-1 and 前期比較・推移・財政効果 are computed once per merge and handed to the master and to
    the console (the console used to compare the periods a second time)."""
    from gyokaku_xl.app import summary_lines
    from gyokaku_xl.core import content, movement, summary

    calls: list[str] = []

    def counted(module, name):
        real = getattr(module, name)

        def wrapper(*args, **kwargs):
            calls.append(name)
            return real(*args, **kwargs)
        return wrapper

    plan_path = build_plan(tmp_path)
    history = tmp_path / "履歴"
    first = builders.build_period_inbox(tmp_path, plan_path, H1, statuses={"1-02": "遅れ"})
    merge_cli(first, plan_path, tmp_path / "R3上半期.xlsx", history)
    for module, name in ((movement, "compare"), (movement, "trend"), (movement, "fiscal"),
                         (summary, "build_summary"), (content, "build_summary"), (content, "build_movement")):
        monkeypatch.setattr(module, name, counted(module, name))
    monkeypatch.setattr(summary_lines, "compare", counted(movement, "compare"), raising=False)
    second = builders.build_period_inbox(tmp_path, plan_path, YEAR_END, statuses={"1-03": "遅れ"})
    _code, lines = merge_cli(second, plan_path, tmp_path / "R3年度末.xlsx", history)
    assert comparison_line(lines) == "前期比較: 令和3年度上半期 と比較（改善 1・悪化 1）"
    assert sorted(calls) == ["build_movement", "build_summary", "compare", "fiscal", "trend"]
