"""Plan revisions end to end: three periods merged through the command line with a history folder,
a 番号変更 and a 終了 at the first boundary, a 統合 and a 追加 at the second; the forms, 前期比較,
推移, 財政効果, 計画の変更 and 資料1-1 checked cell by cell; unlogged changes give their warnings."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

import builders
from builders import DEFAULT_INITIATIVES, build_plan, default_reports, fill_form, form_rows
from gyokaku_xl.app import cli
from gyokaku_xl.core.revisions import in_force
from gyokaku_xl.domain import schema as s
from gyokaku_xl.domain.model import Period
from gyokaku_xl import text as g

from test_movement_sheets import rows

P1 = Period(2021, g.PERIOD_FIRST_HALF)
P2 = Period(2021, g.PERIOD_YEAR_END)
P3 = Period(2022, g.PERIOD_FIRST_HALF)

RENUMBER_END = [
    {"適用時期": "令和3年度年度末", "区分": "番号変更", "取組番号": "1-02", "変更後の取組番号": "1-99",
     "内容": "事業の再編による番号の整理"},
    {"適用時期": "R3 年度末", "区分": "終了", "取組番号": "3-03", "変更後の取組番号": None,
     "内容": "施設予約システムの稼働により完了"},
]
MERGE_ADD = [
    {"適用時期": "2022 上半期", "区分": "統合", "取組番号": "2-02", "変更後の取組番号": "2-01",
     "内容": "会議改革を職員提案制度の取組に統合"},
    {"適用時期": "R4 上半期", "区分": "追加", "取組番号": "3-04", "変更後の取組番号": None,
     "内容": "電子申請の拡充を新たに位置付け"},
]
#: 1-02 is 1-99 from 令和3年度年度末; 3-03 stays listed though it ended (the log says so)
SECOND = [*[{**i, "取組番号": "1-99"} if i["取組番号"] == "1-02" else i for i in DEFAULT_INITIATIVES]]
#: 2-02 is gone (merged into 2-01), 3-04 is new
THIRD = [*[i for i in SECOND if i["取組番号"] != "2-02"],
         {"取組番号": "3-04", "事業番号": "4", "取組名": "電子申請の拡充", "所管課": "情報政策課"}]


def plan_master(root: Path, initiatives, changes) -> Path:
    extra = {g.PLAN_SHEET_CHANGES: changes} if changes else None
    return build_plan(root, initiatives=initiatives, extra_sheets=extra)


def run(*args: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main([str(a) for a in args], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def period_inbox(root: Path, plan_path: Path, period: Period, history: Path,
                 statuses: dict[str, str], texts: dict[str, dict[str, object]]) -> Path:
    """Forms made by ``template`` (carry-over from the history folder), filled like departments."""
    forms = root / f"配布_{period.file_label}"
    code, _out, err = run("template", "--plan", plan_path, "--year", period.fiscal_year, "--period", period.half,
                          "-o", forms, "--history", history, "--force")
    assert code == 0, err
    plan = in_force(builders.load_plan(plan_path), period)
    inbox = root / f"受付_{period.file_label}"
    inbox.mkdir(parents=True, exist_ok=True)
    for department in plan.departments:
        blank = forms / next(p.name for p in forms.iterdir() if p.name.startswith(department))
        reports = default_reports(plan, department)
        for ident, values in reports.items():
            if ident in statuses:
                values["status"] = statuses[ident]
                if not plan.scale.is_on_track(statuses[ident]):
                    values["delay_reason"] = "調整に時間を要している。"
            values.update(texts.get(ident, {}))
        fill_form(blank, inbox / blank.name, reports)
    return inbox


def merge(inbox: Path, plan_path: Path, output: Path, history: Path) -> tuple[int, str, str]:
    return run("merge", inbox, "--plan", plan_path, "-o", output, "-q", "--history", history)


def sheet(path: Path, name: str) -> list[list[object]]:
    book = openpyxl.load_workbook(path)
    return rows(book[name])


@pytest.fixture(scope="module")
def three_periods(tmp_path_factory):
    root = tmp_path_factory.mktemp("revisions")
    history = root / "履歴"
    history.mkdir()
    first_plan = plan_master(root / "p1", DEFAULT_INITIATIVES, None)
    second_plan = plan_master(root / "p2", SECOND, RENUMBER_END)
    third_plan = plan_master(root / "p3", THIRD, RENUMBER_END + MERGE_ADD)
    inbox1 = period_inbox(root, first_plan, P1, history, {"1-02": "遅れ", "2-02": "未着手"},
                          {"3-03": {"fiscal_effect": 120}, "1-01": {"fiscal_effect": 100},
                           "2-02": {"fiscal_effect": 30}})
    results = {}
    results[P1] = merge(inbox1, first_plan, root / "R3上半期.xlsx", history)
    inbox2 = period_inbox(root, second_plan, P2, history, {"1-99": "概ね順調", "2-02": "遅れ"},
                          {"1-01": {"fiscal_effect": 200}, "2-02": {"fiscal_effect": 40}})
    results[P2] = merge(inbox2, second_plan, root / "R3年度末.xlsx", history)
    inbox3 = period_inbox(root, third_plan, P3, history, {"2-01": "遅れ", "3-04": "未着手", "3-01": "済"},
                          {"2-01": {"fiscal_effect": 50}})
    results[P3] = merge(inbox3, third_plan, root / "R4上半期.xlsx", history)
    return root, results


def test_every_period_merges(three_periods):
    _root, results = three_periods
    for period, (code, out, err) in results.items():
        assert code == 0, (period, out, err)
    lines = {p: out.splitlines() for p, (_c, out, _e) in results.items()}
    assert not any(line.startswith("計画の変更") for line in lines[P1])
    assert "計画の変更（今期）: 番号変更 1-02→1-99、終了 3-03（詳細は集約結果の「計画の変更」シート）" in lines[P2]
    assert "計画の変更（今期）: 統合 2-02→2-01、追加 3-04（詳細は集約結果の「計画の変更」シート）" in lines[P3]


def test_the_forms_follow_the_plan_in_force(three_periods):
    root, _ = three_periods
    forms = root / f"配布_{P2.file_label}"
    ids = {}
    for path in sorted(forms.iterdir()):
        book = openpyxl.load_workbook(path)
        ids.update({i: (path.name, r) for i, r in form_rows(book[g.FORM_SHEET]).items()})
    assert sorted(ids) == ["1-01", "1-03", "1-99", "2-01", "2-02", "3-01", "3-02"]  # 3-03 ended, still listed


def form_values(folder: Path, ident: str) -> dict[str, object]:
    for path in sorted(folder.iterdir()):
        book = openpyxl.load_workbook(path)
        ws = book[g.FORM_SHEET]
        row = form_rows(ws).get(ident)
        if row is not None:
            return {c.key: ws.cell(row, n + 1).value for n, c in enumerate(s.FORM_COLUMNS)}
    raise AssertionError(ident)


def test_carry_over_follows_a_renumbering(three_periods):
    root, _ = three_periods
    values = form_values(root / f"配布_{P2.file_label}", "1-99")
    assert values["previous_status"] == "遅れ"
    assert values["progress"] == "・窓口業務の委託を実施。"
    assert values["delay_reason"] == "調整に時間を要している。"


def test_carry_over_follows_a_merge(three_periods):
    root, _ = three_periods
    values = form_values(root / f"配布_{P3.file_label}", "2-01")
    assert values["previous_status"] == "概ね順調"
    assert values["progress"] == "・職員提案制度の運用を実施。\n【2-02（統合）】・会議のペーパーレス化を実施。"
    assert values["delay_reason"] == "【2-02（統合）】調整に時間を要している。"
    assert form_values(root / f"配布_{P3.file_label}", "3-04")["previous_status"] == g.REPORT_NOT_REPORTED


def test_unlogged_removal_and_renumbering_are_warnings(three_periods, tmp_path):
    root, _ = three_periods
    history = tmp_path / "履歴"
    history.mkdir()
    (history / f"{P1.file_label}_集約結果.xlsx").write_bytes((root / "履歴" / f"{P1.file_label}_集約結果.xlsx").read_bytes())
    unlogged = plan_master(tmp_path, [i for i in SECOND if i["取組番号"] != "3-03"], None)
    code, out, err = merge(root / f"受付_{P2.file_label}", unlogged, tmp_path / "集約結果.xlsx", history)
    assert code in (0, 1), err
    found = [r for r in sheet(tmp_path / "集約結果.xlsx", g.SHEET_FINDINGS) if "plan-unlogged" in " ".join(map(str, r))]
    messages = sorted(r[[n for n, v in enumerate(r) if str(v).startswith("plan-unlogged")][0] + 2] for r in found)
    assert messages == [
        "前期の取組 1-02 が計画マスタになく、同じ取組名の 1-99 があります。番号変更なら「計画の変更」に記入してください。",
        "前期の取組 3-03 が計画マスタにありません。終了・統合・番号変更なら「計画の変更」に記入してください。",
    ]
    assert all(r[0] == "警告" for r in found)
    changes = sheet(tmp_path / "集約結果.xlsx", g.SHEET_REVISIONS)
    now = changes[changes.index([g.REVISIONS_HEADING_NOW.format(period=P2.file_label)]) + 2:]
    assert now[:2] == [
        [P2.label, "番号変更", "1-02", "1-99", "窓口業務の委託", g.DETECTED_CONTENT, "未記入"],
        [P2.label, "終了", "3-03", "－", "施設予約のオンライン化", g.DETECTED_CONTENT, "未記入"],
    ]


def comparison_list(path: Path) -> list[list[object]]:
    found = sheet(path, g.SHEET_COMPARISON)
    return found[found.index(["【取組ごとの変化】"]) + 2:]


def transition(path: Path) -> list[list[object]]:
    found = sheet(path, g.SHEET_COMPARISON)
    start = found.index(["【前期 × 今期の取組数】"]) + 1
    return found[start:found.index(["【取組ごとの変化】"])]


def test_comparison_after_a_renumbering_and_an_end(three_periods):
    root, _ = three_periods
    master = root / "R3年度末.xlsx"
    assert comparison_list(master) == [
        ["1-01", "給食調理業務の委託", "民間委託推進事業", "行政総務課", "概ね順調", "概ね順調", "変化なし"],
        ["1-99", "窓口業務の委託\n（1-02 から番号変更）", "民間委託推進事業", "資産経営課", "遅れ", "概ね順調", "改善"],
        ["1-03", "施設の長寿命化", "施設管理適正化事業", "資産経営課", "概ね順調", "概ね順調", "変化なし"],
        ["2-01", "職員提案制度の運用", "業務改善推進事業", "行政総務課", "概ね順調", "概ね順調", "変化なし"],
        ["2-02", "会議のペーパーレス化", "業務改善推進事業", "行政総務課", "未着手", "遅れ", "変化"],
        ["3-01", "RPAの導入", "ICT活用推進事業", "情報政策課", "概ね順調", "概ね順調", "変化なし"],
        ["3-02", "AI-OCRの活用", "ICT活用推進事業", "情報政策課", "概ね順調", "概ね順調", "変化なし"],
        ["3-03", "施設予約のオンライン化\n（施設予約システムの稼働により完了）", "ICT活用推進事業", "資産経営課",
         "概ね順調", "－", "終了"],
    ]
    counts = sheet(master, g.SHEET_COMPARISON)[2]
    assert counts == ["変化の内訳：改善 1・悪化 0・変化 1・変化なし 5・新規 0・報告なし 0・終了 1"]
    assert transition(master)[0] == ["前期＼今期", "済", "概ね順調", "遅れ", "未着手", "休止", "終了・\n統合", "（なし）", "合計"]
    assert transition(master)[2] == ["概ね順調", 0, 5, 0, 0, 0, 1, 0, 6]


def test_comparison_after_a_merge_and_an_addition(three_periods):
    root, _ = three_periods
    master = root / "R4上半期.xlsx"
    found = {r[0]: r for r in comparison_list(master)}
    assert list(found) == ["1-01", "1-99", "1-03", "2-01", "3-01", "3-02", "3-04", "2-02"]
    assert found["2-01"] == ["2-01", "職員提案制度の運用\n（2-02（遅れ）を統合）", "業務改善推進事業", "行政総務課",
                             "概ね順調", "遅れ", "悪化"]
    assert found["3-04"] == ["3-04", "電子申請の拡充\n（令和4年度【上半期】から追加）", "ICT活用推進事業", "情報政策課",
                             "－", "未着手", "新規"]
    assert found["2-02"] == ["2-02", "会議のペーパーレス化\n（2-01 に統合・会議改革を職員提案制度の取組に統合）",
                             "業務改善推進事業", "行政総務課", "遅れ", "－", "統合"]
    assert sheet(master, g.SHEET_COMPARISON)[2] == ["変化の内訳：改善 0・悪化 1・変化 1・変化なし 4・新規 1・報告なし 0・統合 1"]
    table = transition(master)
    assert table[0] == ["前期＼今期", "済", "概ね順調", "遅れ", "未着手", "休止", "終了・\n統合", "（なし）", "合計"]
    assert table[3] == ["遅れ", 0, 0, 0, 0, 0, 1, 0, 1]
    assert table[-3] == ["新規（追加）", 0, 0, 0, 1, 0, 0, 0, 1]


def test_trend_counts_each_period_as_its_plan_stood(three_periods):
    root, _ = three_periods
    found = sheet(root / "R4上半期.xlsx", g.SHEET_TREND)
    start = found.index(["報告期間", "済", "概ね順調", "遅れ", "未着手", "休止", "合計", "順調の割合（％）"])
    assert found[start + 1:start + 5] == [
        [P1.label, 0, 6, 1, 1, 0, 8, 75],
        [P2.label, 0, 6, 1, 0, 0, 7, 85],
        [P3.label, 1, 4, 1, 1, 0, 7, 71],
        ["※計画の変更：令和3年度【年度末】 追加 0・終了 1、令和4年度【上半期】 追加 1・終了 1。"
         "各期間の取組数は、その期間の計画によります。"],
    ]


def test_fiscal_keeps_amounts_of_ended_and_merged(three_periods):
    root, _ = three_periods
    found = sheet(root / "R4上半期.xlsx", g.SHEET_FISCAL)
    notes = [r[0] for r in found if isinstance(r[0], str) and r[0].startswith("※")]
    assert "※統合された取組（2-02→2-01）の統合前の財政効果額は、報告したときの事業に計上しています。" \
           "統合後の額は統合先の取組の事業に計上しています。" in notes
    assert "※終了した取組（3-03）が終了前に報告した財政効果額は、累計に含めています。" in notes
    total = next(r for r in found if r[0] == "計画全体")
    # 令和3年度: 年度末's 1-01 200 + 2-02 40, and 3-03's 120 of 上半期 (it ended at 年度末); 令和4年度: 2-01 50
    assert total[1:] == [360, 50, 410]
    ict = next(r for r in found if r[0] == "4")
    assert ict[1:] == ["ICT活用推進事業", "情報政策課", 120, "－", 120]


def test_the_revisions_sheet(three_periods):
    root, _ = three_periods
    found = sheet(root / "R4上半期.xlsx", g.SHEET_REVISIONS)
    header = ["適用時期", "区分", "取組番号", "変更後の\n取組番号", "取組名", "内容", "記入"]
    assert found[:3] == [["テスト市行財政改革計画（2020-2023）"], ["計画の変更（令和4年度【上半期】時点）"],
                         [g.REVISIONS_NOTE_LOG]]
    now = found.index(["【今期の変更（令和4年度上半期）】"])
    every = found.index(["【計画期間中のすべての変更】"])
    assert found[now + 1:every] == [
        header,
        [P3.label, "統合", "2-02", "2-01", "会議のペーパーレス化", "会議改革を職員提案制度の取組に統合", "記入あり"],
        [P3.label, "追加", "3-04", "－", "電子申請の拡充", "電子申請の拡充を新たに位置付け", "記入あり"],
    ]
    assert found[every + 1:] == [
        header,
        [P2.label, "番号変更", "1-02", "1-99", "窓口業務の委託", "事業の再編による番号の整理", "記入あり"],
        [P2.label, "終了", "3-03", "－", "施設予約のオンライン化", "施設予約システムの稼働により完了", "記入あり"],
        *found[now + 2:every],
    ]
    book = openpyxl.load_workbook(root / "R4上半期.xlsx")
    assert book[g.SHEET_PLAN_RECORD].sheet_state == "hidden"
    assert book[g.SHEET_REVISIONS].page_setup.paperSize == 9 and book[g.SHEET_REVISIONS].page_setup.orientation == "landscape"


def test_no_revisions_sheet_before_any_change(three_periods):
    root, _ = three_periods
    assert g.SHEET_REVISIONS not in openpyxl.load_workbook(root / "R3上半期.xlsx").sheetnames


def test_summary_note_line(three_periods):
    root, _ = three_periods
    note = "今期、計画の変更により 1 取組を追加、1 取組を統合しました（詳細は「計画の変更」）"
    assert [note] in sheet(root / "R4上半期.xlsx", g.SHEET_SUMMARY)
    assert ["今期、計画の変更により 1 取組を終了、1 取組の番号を変更しました（詳細は「計画の変更」）"] in \
        sheet(root / "R3年度末.xlsx", g.SHEET_SUMMARY)
    assert not any("計画の変更により" in str(r) for r in sheet(root / "R3上半期.xlsx", g.SHEET_SUMMARY))


def test_term_report_over_three_periods(three_periods, tmp_path):
    root, _ = three_periods
    output = tmp_path / "計画期間の総括.xlsx"
    code, out, err = run("term-report", "--plan", root / "p3" / "計画マスタ.xlsx", "--history", root / "履歴",
                         "-o", output)
    assert code == 0, err
    assert out.splitlines() == [f"計画期間の総括: {output}（令和3年度【上半期】 ～ 令和4年度【上半期】、3 期間・9 取組）"]
    found = sheet(output, g.SHEET_TERM_REPORT)
    assert found[:2] == [["テスト市行財政改革計画（2020-2023）"], ["計画期間の総括（令和3年度【上半期】 ～ 令和4年度【上半期】）"]]
    counts = found.index([g.TERM_HEADING_COUNTS])
    assert found[counts + 1:counts + 6] == [
        ["取組の視点", "済", "概ね順調", "遅れ", "未着手", "休止", "終了・統合", "報告なし", "合計"],
        ["(1)民間活力の活用", 0, 3, 0, 0, 0, 0, 0, 3],
        ["(2)行政の効率化", 0, 0, 1, 0, 0, 1, 0, 2],
        ["(3)ICTの活用推進", 1, 1, 0, 1, 0, 1, 0, 4],
        ["合計", 1, 4, 1, 1, 0, 2, 0, 9],
    ]
    listing = found[found.index([g.TERM_HEADING_LIST]) + 1:]
    assert listing[0] == ["取組番号", "取組名", "所管課", "令和3年度\n上半期", "令和3年度\n年度末", "令和4年度\n上半期",
                          "最終", "計画の変更"]
    by_id = {r[0]: r for r in listing[1:]}
    assert list(by_id) == ["1-01", "1-99", "1-03", "2-01", "2-02", "3-01", "3-02", "3-03", "3-04"]
    assert by_id["1-99"] == ["1-99", "窓口業務の委託", "資産経営課", "遅れ", "概ね順調", "概ね順調", "概ね順調",
                             "令和3年度【年度末】 番号変更 1-02→1-99（事業の再編による番号の整理）"]
    assert by_id["2-02"] == ["2-02", "会議のペーパーレス化", "行政総務課", "未着手", "遅れ", "－", "遅れ",
                             "令和4年度【上半期】 統合 2-02→2-01（会議改革を職員提案制度の取組に統合）"]
    assert by_id["2-01"][-1] == "令和4年度【上半期】 統合 2-02→2-01（会議改革を職員提案制度の取組に統合）"
    assert by_id["3-03"] == ["3-03", "施設予約のオンライン化", "資産経営課", "概ね順調", "－", "－", "概ね順調",
                             "令和3年度【年度末】 終了 3-03（施設予約システムの稼働により完了）"]
    assert by_id["3-04"][3:7] == ["－", "－", "未着手", "未着手"]
    fiscal = found[found.index([g.TERM_HEADING_FISCAL]) + 1:]
    assert fiscal[0] == ["事業番号", "事業名", "所管課", "令和3年度\n（年度末）", "令和4年度\n（上半期）", "累計", "目標額",
                         "達成率（％）"]
    assert next(r for r in fiscal if r[0] == "計画全体")[1:] == [360, 50, 410, "－", "－"]


def test_next_plan_draft(three_periods, tmp_path):
    root, _ = three_periods
    draft = tmp_path / "次期計画マスタ.xlsx"
    code, out, err = run("term-report", "--plan", root / "p3" / "計画マスタ.xlsx", "--history", root / "履歴",
                         "-o", tmp_path / "総括.xlsx", "--next-plan", draft)
    assert code == 0, err
    assert out.splitlines()[-1] == (f"次期計画マスタの下書き: {draft}（引き継ぐ取組 6 件）。"
                                    "黄色のセル（計画名・計画期間）を記入してください。")
    book = openpyxl.load_workbook(draft)
    initiatives = rows(book[g.PLAN_SHEET_INITIATIVES])
    assert initiatives[0] == ["取組番号", "事業番号", "取組名", "所管課", "前計画の取組番号"]
    # 3-01 finished (済), 3-03 ended, 2-02 merged: not carried
    assert [r[0] for r in initiatives[1:]] == ["1-01", "1-99", "1-03", "2-01", "3-02", "3-04"]
    assert initiatives[2] == ["1-99", "1", "窓口業務の委託", "資産経営課", "1-99"]
    settings = book[g.PLAN_SHEET_SETTINGS]
    blanks = {settings.cell(r, 1).value: settings.cell(r, 2) for r in range(2, settings.max_row + 1)}
    for label in (g.SETTING_PLAN_NAME, g.SETTING_PLAN_PERIOD):
        assert blanks[label].value in (None, "")
        assert blanks[label].fill.fgColor.rgb == "FFFFFF00"
    assert blanks[g.SETTING_MUNICIPALITY].value == "テスト市"
    assert {s for s in book.sheetnames} == {"設定", "取組の視点", "進捗区分", "事業", "取組"}
    code, _out, err = run("template", "--plan", draft, "--year", "2024", "--period", "上半期", "-o", tmp_path / "f0")
    assert code == 2 and "計画名" in err  # not usable until the highlighted cells are filled
    blanks[g.SETTING_PLAN_NAME].value = "テスト市行財政改革計画（2024-2027）"
    blanks[g.SETTING_PLAN_PERIOD].value = "2024-2027"
    book.save(draft)
    code, out, err = run("template", "--plan", draft, "--year", "2024", "--period", "上半期", "-o", tmp_path / "forms",
                         "--no-previous")
    assert code == 0, err
    assert err == ""
    assert len(list((tmp_path / "forms").iterdir())) == 3


def test_term_report_prints_through_pdf(three_periods, tmp_path, soffice):
    root, _ = three_periods
    output = tmp_path / "計画期間の総括.xlsx"
    assert run("term-report", "--plan", root / "p3" / "計画マスタ.xlsx", "--history", root / "履歴", "-o", output)[0] == 0
    code, out, err = run("pdf", output)
    assert code == 0, err
    assert f"PDF: {tmp_path / '計画期間の総括.pdf'}" in out.splitlines()
    assert (tmp_path / "計画期間の総括.pdf").read_bytes().startswith(b"%PDF")


def test_term_report_needs_history(tmp_path):
    plan_path = build_plan(tmp_path)
    code, _out, err = run("term-report", "--plan", plan_path, "--history", tmp_path / "なし", "-o", tmp_path / "x.xlsx")
    assert code == 2
    assert err.startswith("エラー: 履歴フォルダ「")
    code, _out, err = run("term-report", "--plan", plan_path, "-o", tmp_path / "x.xlsx")
    assert (code, err) == (2, f"エラー: {g.TERM_NO_FOLDER}\n")
    code, _out, err = run("term-report", "--plan", plan_path, "--history", tmp_path, "-o", plan_path)
    # the same guard as every other command's outputs, naming both
    assert (code, err) == (2, f"エラー: {g.OUTPUT_IS_INPUT.format(output=plan_path, what=g.INPUT_PLAN, input=plan_path)}\n")


def test_term_report_never_replaces_an_archived_master(three_periods):
    root, _ = three_periods
    archive = root / "履歴" / f"{P1.file_label}_集約結果.xlsx"
    before = archive.read_bytes()
    code, _out, err = run("term-report", "--plan", root / "p3" / "計画マスタ.xlsx", "--history", root / "履歴",
                          "-o", archive)
    assert (code, err) == (2, f"エラー: {g.OUTPUT_IS_INPUT.format(output=archive, what=g.INPUT_ARCHIVE, input=archive)}\n")
    assert archive.read_bytes() == before


def test_term_report_never_replaces_a_master_outside_the_history(three_periods, tmp_path):
    """The current master, kept beside the plan master rather than in the history, is not an input
    of the term report, but replacing it with the 総括 would still lose it."""
    root, _ = three_periods
    master = tmp_path / "集約結果.xlsx"
    master.write_bytes((root / "履歴" / f"{P1.file_label}_集約結果.xlsx").read_bytes())
    before = master.read_bytes()
    code, _out, err = run("term-report", "--plan", root / "p3" / "計画マスタ.xlsx", "--history", root / "履歴",
                          "-o", master)
    assert (code, err) == (2, f"エラー: {g.TERM_WOULD_REPLACE_MASTER.format(path=master)}\n")
    assert master.read_bytes() == before


def test_the_button_status_area_names_the_changes(three_periods, tmp_path):
    from gyokaku_xl.app.button import outcome_status
    from gyokaku_xl.run.merge import merge as run_merge

    root, _ = three_periods
    history = tmp_path / "履歴"
    history.mkdir()
    for period in (P1, P2):
        name = f"{period.file_label}_集約結果.xlsx"
        (history / name).write_bytes((root / "履歴" / name).read_bytes())
    outcome = run_merge(root / f"受付_{P3.file_label}", tmp_path / "集約結果.xlsx",
                        plan_path=root / "p3" / "計画マスタ.xlsx", history_dir=history)
    status = outcome_status(outcome, "2022-10-01 09:00")
    assert "計画の変更（今期）: 統合 2-02→2-01、追加 3-04（詳細は集約結果の「計画の変更」シート）" in status.details


def test_a_form_made_before_the_revision(three_periods, tmp_path):
    """A department that reports on a form made from the plan before its revision: the old number is
    read as the new one, the ended 取組's row is not merged and says why."""
    root, _ = three_periods
    inbox = tmp_path / "受付"
    inbox.mkdir()
    for path in (root / f"受付_{P2.file_label}").iterdir():
        if not path.name.startswith("資産経営課"):
            (inbox / path.name).write_bytes(path.read_bytes())
    old_plan = builders.load_plan(root / "p1" / "計画マスタ.xlsx")
    reports = default_reports(old_plan, "資産経営課")
    builders.build_form(inbox / "資産経営課_古い調査票.xlsx", old_plan, P2, "資産経営課", rows=reports)
    history = tmp_path / "履歴"
    history.mkdir()
    name = f"{P1.file_label}_集約結果.xlsx"
    (history / name).write_bytes((root / "履歴" / name).read_bytes())
    code, out, err = merge(inbox, root / "p2" / "計画マスタ.xlsx", tmp_path / "集約結果.xlsx", history)
    assert code == 1, out
    findings = sheet(tmp_path / "集約結果.xlsx", g.SHEET_FINDINGS)
    by_code = {r[5]: r for r in findings[1:]}
    assert by_code["initiative-renumbered"][0] == "情報"
    assert by_code["initiative-ended"][0] == "エラー"
    assert by_code["initiative-ended"][7] == "取組「3-03」は 令和3年度【年度末】 に終了しました。この行は集約しません。"
    data = sheet(tmp_path / "集約結果.xlsx", g.SHEET_DATA)
    assert sorted(r[0] for r in data[1:]) == ["1-01", "1-03", "1-99", "2-01", "2-02", "3-01", "3-02"]


def test_unlogged_name_department_and_program_changes_are_information(three_periods, tmp_path):
    root, _ = three_periods
    history = tmp_path / "履歴"
    history.mkdir()
    name = f"{P1.file_label}_集約結果.xlsx"
    (history / name).write_bytes((root / "履歴" / name).read_bytes())
    changed = [{**i, "取組名": "給食調理業務の民間委託"} if i["取組番号"] == "1-01" else
               {**i, "事業番号": "3"} if i["取組番号"] == "3-02" else i for i in SECOND]
    plan_path = plan_master(tmp_path / "p", changed, RENUMBER_END + [
        {"適用時期": "R3 年度末", "区分": "追加", "取組番号": "2-02", "変更後の取組番号": None, "内容": None}])
    # 2-02 was in the previous period's plan: its 追加 is a warning, and so the plan is still usable
    code, out, err = merge(root / f"受付_{P2.file_label}", plan_path, tmp_path / "集約結果.xlsx", history)
    assert code == 0, err
    book = openpyxl.load_workbook(tmp_path / "集約結果.xlsx")
    found = {r[5]: (r[0], r[7]) for r in book[g.SHEET_FINDINGS].iter_rows(min_row=2, values_only=True)
             if str(r[5]).startswith("plan-")}
    assert found["plan-unlogged-renamed"] == (
        "情報", "取組 1-01 の取組名が前期（令和3年度【上半期】）から変わっています（「給食調理業務の委託」→「給食調理業務の民間委託」）。")
    assert found["plan-unlogged-program"] == (
        "情報", "取組 3-02 の事業が前期（令和3年度【上半期】）から変わっています（事業番号 4 → 3）。")
    assert found["plan-change-add-existing"] == (
        "警告", "追加する取組番号「2-02」は、令和3年度【年度末】より前から計画にあります（または以前に使われた番号です）。")


def test_history_index_keeps_the_recorded_plan(three_periods):
    from gyokaku_xl.reading.history import read_history

    root, _ = three_periods
    plan = builders.load_plan(root / "p3" / "計画マスタ.xlsx")
    first, _ = read_history(root / "履歴", plan, Period(2030, g.PERIOD_FIRST_HALF))
    again, _ = read_history(root / "履歴", plan, Period(2030, g.PERIOD_FIRST_HALF))  # from the index
    assert [s.plan for s in again] == [s.plan for s in first]
    assert [e.initiative_id for e in first[1].plan] == ["1-01", "1-99", "1-03", "2-01", "2-02", "3-01", "3-02"]


def test_term_report_against_targets(three_periods, tmp_path):
    root, _ = three_periods
    programs = [{**p, g.PLAN_COL_TARGET: {"1": 500, "4": 100}.get(p["事業番号"])} for p in builders.DEFAULT_PROGRAMS]
    plan_path = build_plan(tmp_path, initiatives=THIRD, programs=programs, extra_sheets={
        g.PLAN_SHEET_CHANGES: RENUMBER_END + MERGE_ADD,
        g.PLAN_SHEET_FISCAL_TARGETS: [{"年度": "令和3年度", "目標額（千円）": 300}, {"年度": "令和4年度", "目標額（千円）": 300}]})
    output = tmp_path / "総括.xlsx"
    code, _out, err = run("term-report", "--plan", plan_path, "--history", root / "履歴", "-o", output)
    assert code == 0, err
    found = sheet(output, g.SHEET_TERM_REPORT)
    fiscal = found[found.index([g.TERM_HEADING_FISCAL]) + 1:]
    assert fiscal[1] == ["1", "民間委託推進事業", "行政総務課", 200, "－", 200, 500, 40]
    assert fiscal[4] == ["4", "ICT活用推進事業", "情報政策課", 120, "－", 120, 100, 120]
    assert next(r for r in fiscal if r[0] == "計画全体")[1:] == [360, 50, 410, 600, 53]  # 320 of 600 targeted
    by_year = found[found.index([g.MOVEMENT_FISCAL_BY_YEAR]) + 1:]
    assert by_year[:3] == [list(g.MOVEMENT_FISCAL_YEAR_HEADERS), ["令和3年度", 360, 300, 120, 360, 300, 120],
                           ["令和4年度", 50, 300, 16, 410, 600, 68]]


def test_unlogged_changes_against_a_master_without_its_plan_record(three_periods, tmp_path):
    """A previous master of an earlier release records no plan: the 取組 it reported are compared."""
    root, _ = three_periods
    history = tmp_path / "履歴"
    history.mkdir()
    name = f"{P1.file_label}_集約結果.xlsx"
    book = openpyxl.load_workbook(root / "履歴" / name)
    del book[g.SHEET_PLAN_RECORD]
    book.save(history / name)
    unlogged = plan_master(tmp_path, [i for i in SECOND if i["取組番号"] != "3-03"], None)
    code, _out, err = merge(root / f"受付_{P2.file_label}", unlogged, tmp_path / "集約結果.xlsx", history)
    assert code == 0, err
    book = openpyxl.load_workbook(tmp_path / "集約結果.xlsx")
    found = sorted((r[5], r[7]) for r in book[g.SHEET_FINDINGS].iter_rows(min_row=2, values_only=True)
                   if str(r[5]).startswith("plan-"))
    assert found == [
        ("plan-unlogged-removed", "前期の取組 1-02 が計画マスタにありません。終了・統合・番号変更なら「計画の変更」に記入してください。"),
        ("plan-unlogged-removed", "前期の取組 3-03 が計画マスタにありません。終了・統合・番号変更なら「計画の変更」に記入してください。"),
    ]


def test_next_plan_draft_of_the_sample_carries_nothing_of_the_old_term(tmp_path):
    """The sample plan has a 回答期限, 数値目標 with the old term's years and 事業 whose 取組 all end:
    the draft drops the old 照会's deadline, the old targets and the 事業 left without 取組, keeps
    what the next plan reuses (所管課 addresses, 評価区分), and, once filled, reads without a finding."""
    import sys

    from gyokaku_xl.core.term_report import TermRow
    from gyokaku_xl.reading.plan import read_plan
    from gyokaku_xl.render.next_plan import write_next_plan

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from examples.sample_data import sample_plan

    plan = sample_plan()
    kept = [i for i in plan.initiatives if i.program != plan.programs[-1].number]
    continuing = [TermRow(i.id, i.name, i.program, i.department, 1, (), "", None, ()) for i in kept]
    draft = tmp_path / "次期計画マスタ.xlsx"
    write_next_plan(draft, plan, continuing)
    book = openpyxl.load_workbook(draft)
    settings = {r[0].value: r[1] for r in book[g.PLAN_SHEET_SETTINGS].iter_rows(min_row=2)}
    assert g.SETTING_DEADLINE not in settings
    assert g.PLAN_SHEET_INDICATORS not in book.sheetnames
    assert g.PLAN_SHEET_RATINGS in book.sheetnames and g.PLAN_SHEET_CONTACTS in book.sheetnames
    programs = [r[0].value for r in book[g.PLAN_SHEET_PROGRAMS].iter_rows(min_row=2)]
    assert programs == sorted({i.program for i in kept}, key=[p.number for p in plan.programs].index)
    settings[g.SETTING_PLAN_NAME].value = "ある市行財政改革計画（2024-2027）"
    settings[g.SETTING_PLAN_PERIOD].value = "2024-2027"
    book.save(draft)
    result = read_plan(draft)
    assert result.plan is not None and result.findings == []
