"""The sample data set in ``examples/`` reproduces the official 資料1-1 (令和3年度 上半期)."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

import builders
from examples import build_examples, sample_data
from gyokaku_xl import text as g
from gyokaku_xl.domain import schema as s
from gyokaku_xl.domain.model import share_percent
from gyokaku_xl.reading.plan import read_plan
from gyokaku_xl.reading.xlsx import read_workbook

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
REFERENCE = EXAMPLES / "reference"
EXPECTED = json.loads((REFERENCE / "expected_R3_H1.json").read_text(encoding="utf-8"))
REFERENCE_TEXT = (REFERENCE / "shiryo1-1_R3_H1_summary.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def committed_plan():
    result = read_plan(EXAMPLES / g.PLAN_FILE_NAME)
    assert result.findings == [] and result.plan is not None
    return result.plan


@pytest.fixture(scope="module")
def reports() -> dict[str, dict[str, object]]:
    """取組番号 → {column key: value} read from every inbox form with the guarded reader."""
    found: dict[str, dict[str, object]] = {}
    for path in sorted((EXAMPLES / "inbox").glob("*.xlsx")):
        data = read_workbook(path, [g.FORM_SHEET])
        sheet = data.sheets[g.FORM_SHEET]
        assert data.custom_properties[s.PROP_FISCAL_YEAR] == "2021"
        row = s.FIRST_DATA_ROW + 1
        while sheet.value(row, 1) is not None:
            values = {c.key: sheet.value(row, n + 1) for n, c in enumerate(s.FORM_COLUMNS)}
            values["department"] = data.custom_properties[s.PROP_DEPARTMENT]
            values["file"] = path.name
            assert values["initiative_id"] not in found, values["initiative_id"]
            found[str(values["initiative_id"])] = values
            row += 1
    return found


# --- the committed files are what build_examples writes -----------------------------------------
@pytest.fixture(scope="module")
def fresh_build(tmp_path_factory) -> tuple[Path, list[Path]]:
    folder = tmp_path_factory.mktemp("examples")
    return folder, build_examples.build(folder)


def test_committed_examples_equal_a_fresh_build(fresh_build):
    folder, written = fresh_build
    fresh = {p.relative_to(folder).as_posix() for p in written}
    inboxes = (EXAMPLES / "inbox", EXAMPLES / build_examples.YEAR_END_INBOX)
    committed = {g.PLAN_FILE_NAME, g.OPINION_FILE_NAME, build_examples.YEAR_END_PLAN} | {
        f"{inbox.name}/{p.name}" for inbox in inboxes for p in inbox.glob("*.xlsx")}
    assert fresh == committed, "python examples/build_examples.py で作り直してください"
    for name in sorted(fresh):
        a, b = builders.workbook_content(EXAMPLES / name), builders.workbook_content(folder / name)
        assert a == b, (name, builders.content_differences(a, b))


def test_build_is_byte_for_byte_repeatable(fresh_build, tmp_path):
    folder, written = fresh_build
    again = build_examples.build(tmp_path)
    assert [p.relative_to(tmp_path) for p in again] == [p.relative_to(folder) for p in written]
    for a, b in zip(written, again):
        assert a.read_bytes() == b.read_bytes(), a.name


# --- the plan master ------------------------------------------------------------------------------
def test_plan_master(committed_plan):
    plan = committed_plan
    assert plan.name == EXPECTED["plan"] and plan.municipality == "平塚市"
    assert len(plan.programs) == EXPECTED["programs"] == 29
    assert len(plan.initiatives) == EXPECTED["initiatives"] == 55
    assert [p.label for p in plan.perspectives] == [row["perspective"] for row in EXPECTED["by_perspective"]]
    assert list(plan.scale.names) == EXPECTED["statuses"]
    assert list(plan.scale.on_track) == EXPECTED["on_track_statuses"]
    assert 12 <= len(plan.departments) <= 20


def test_summary_and_priority_flags(committed_plan):
    plan = committed_plan
    summary = [{"perspective": p.perspective, "program": p.name, "priority": p.priority}
               for p in plan.programs if p.summary]
    assert summary == EXPECTED["summary_programs"]
    assert {p.name for p in plan.programs if p.priority} == \
        {p["program"] for p in EXPECTED["summary_programs"] if p["priority"]}


def test_flagged_initiatives_are_in_the_plan(committed_plan):
    plan = committed_plan
    by_name = {i.name: i for i in plan.initiatives}
    for flagged in EXPECTED["flagged"]:
        initiative = by_name[flagged["initiative"]]
        assert plan.program_of(initiative).name == flagged["program"]


# --- the inbox tallies to the reference table ----------------------------------------------------
def test_inbox_reproduces_the_reference_table(committed_plan, reports):
    plan = committed_plan
    assert set(reports) == {i.id for i in plan.initiatives}
    tally: Counter = Counter()
    for initiative_id, values in reports.items():
        initiative = plan.initiative(initiative_id)
        assert values["department"] == initiative.department
        tally[(plan.perspective_of(initiative).label, values["status"])] += 1
    for row in EXPECTED["by_perspective"]:
        counts = {name: tally[(row["perspective"], name)] for name in EXPECTED["statuses"]}
        assert counts == {name: row[name] for name in EXPECTED["statuses"]}, row["perspective"]
        assert sum(counts.values()) == row["合計"]
    totals = Counter(values["status"] for values in reports.values())
    assert {n: totals[n] for n in EXPECTED["statuses"]} == {n: EXPECTED["totals"][n] for n in EXPECTED["statuses"]}
    on_track = sum(totals[n] for n in plan.scale.on_track)
    assert on_track == EXPECTED["on_track_count"] == 52
    assert share_percent(on_track, len(reports), plan.rounding) == EXPECTED["on_track_percent_shown"]


def test_inbox_spread_over_departments(reports, committed_plan):
    files = {v["file"] for v in reports.values()}
    assert len(files) == len(committed_plan.departments)
    assert 12 <= len(files) <= 20


def test_every_report_is_complete(reports, committed_plan):
    scale = committed_plan.scale
    for initiative_id, values in reports.items():
        assert values["status"] in scale.names, initiative_id
        lines = str(values["progress"]).split("\n")
        assert lines and all(line.startswith("・") for line in lines), initiative_id
        if not scale.is_on_track(values["status"]):
            assert values["delay_reason"], initiative_id
        assert values["fiscal_effect"] is None or (isinstance(values["fiscal_effect"], int)
                                                   and values["fiscal_effect"] >= 0)
    assert 3 <= sum(1 for v in reports.values() if v["fiscal_effect"]) <= 10


# --- the texts reproduce sections 2 and 3 of the reference ---------------------------------------
def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _section(start: str, end: str | None) -> str:
    body = REFERENCE_TEXT.split(start, 1)[1]
    return body.split(end, 1)[0] if end else body


def _unique(lines):
    return list(dict.fromkeys(lines))


def test_section_2_bullets_come_from_the_reports(committed_plan, reports):
    plan = committed_plan
    section = _section("２ 主な事業の取組状況（詳細は資料１－3）", "３ 「遅れ」「未着手」「休止」")
    for perspective in plan.perspectives:
        section = section.replace(perspective.heading, "")
    section = squeeze(section)
    summary = [p for p in plan.programs if p.summary]
    positions = [section.index(squeeze(p.title)) for p in summary]
    assert positions == sorted(positions)
    for n, program in enumerate(summary):
        start = positions[n] + len(squeeze(program.title))
        end = positions[n + 1] if n + 1 < len(summary) else len(section)
        ids = [i.id for i in plan.initiatives_of_program(program.number)]
        progress = _unique(line for i in ids for line in str(reports[i]["progress"]).split("\n"))
        next_steps = _unique(str(reports[i]["next_steps"]) for i in ids if reports[i]["next_steps"])
        assert all(line.startswith("・") for line in progress)
        assert squeeze("".join(progress + next_steps)) == section[start:end], program.name


def test_section_2_exact_characters():
    by_id = {i.id: i for i in sample_data.INITIATIVES}
    assert by_id["3-01"].progress.startswith("・ 職員提案・業務改善報告を7月1日から募集開始。\n")
    assert "2２０種類" in by_id["5-01"].progress
    assert by_id["2-01"].progress == "・５月に個別施設計画を策定、総合管理計画を改訂。"
    assert by_id["5-06"].progress.startswith("・今後は、8月に実施した")


def test_section_3_lines_come_from_the_reports(committed_plan, reports):
    plan = committed_plan
    flagged = [i for i in plan.initiatives if not plan.scale.is_on_track(reports[i.id]["status"])]
    assert [(i.name, reports[i.id]["status"], plan.program_of(i).name) for i in flagged] == \
        [(f["initiative"], f["status"], f["program"]) for f in EXPECTED["flagged"]]
    parts: list[str] = []
    for n, initiative in enumerate(flagged):
        program = plan.program_of(initiative)
        same = n > 0 and plan.program_of(flagged[n - 1]) == program
        parts.append(f"{initiative.name}･･･{reports[initiative.id]['status']} [{'同上' if same else program.name}]")
        last_of_program = n + 1 == len(flagged) or plan.program_of(flagged[n + 1]) != program
        if last_of_program:
            mine = [i for i in flagged if plan.program_of(i) == program]
            lines = [line for i in mine for key in ("delay_reason", "next_steps")
                     for line in str(reports[i.id][key] or "").split("\n") if line]
            parts.extend(_unique(line if line.startswith("・") else f"・{line}" for line in lines))
    section = _section("３ 「遅れ」「未着手」「休止」とした取組（詳細は資料１－３）", None)
    assert squeeze("".join(parts)) == squeeze(section)


def test_sample_data_module_matches_the_inbox(reports):
    for initiative in sample_data.INITIATIVES:
        values = reports[initiative.id]
        for key, value in initiative.values().items():
            assert (values[key] or None) == (value or None), (initiative.id, key)


def test_two_period_workflow_of_the_readme(tmp_path):
    """The README's commands: merge 上半期 and 年度末 with one history folder."""
    import io

    from gyokaku_xl.app import cli

    def run(inbox, output, plan=g.PLAN_FILE_NAME):
        out = io.StringIO()
        code = cli.main([str(a) for a in ["merge", EXAMPLES / inbox, "--plan", EXAMPLES / plan,
                                          "-o", tmp_path / output, "--history", tmp_path / "履歴", "-q"]],
                        out=out, err=io.StringIO())
        return code, out.getvalue().splitlines()

    code, lines = run("inbox", "上半期_集約結果.xlsx")
    assert code == 0 and "指摘: エラー 0 件・警告 0 件・情報 0 件" in lines
    code, lines = run(build_examples.YEAR_END_INBOX, "年度末_集約結果.xlsx", build_examples.YEAR_END_PLAN)
    assert code == 0
    assert lines[0] == f"対象: 令和3年度【年度末】　{sample_data.PLAN_NAME}"
    assert "指摘: エラー 0 件・警告 2 件・情報 0 件" in lines
    assert "履歴: 過去 1 期を読み込みました（前期：令和3年度【上半期】）" in lines
    assert ("計画の変更（今期）: 番号変更 1-02→1-99、終了 6-11、統合 6-08→6-06、追加 6-12、名称変更 6-09、"
            "所管課変更 6-10、事業変更 6-07（詳細は集約結果の「計画の変更」シート）") in lines
    # 数値目標: 5-07 is 概ね順調 while its 平均待ち時間 is at 48 % (評価 C)
    assessed = [line for line in lines if "指標「窓口の平均待ち時間」" in line]
    assert len(assessed) == 1 and "達成率は 48％（評価 C）" in assessed[0]
    assert "数値目標: 6 指標（S 1・A 3・B 1・C 1・算定不可 0・未報告 0）" in lines
    unchanged = [line for line in lines if "前回（令和3年度上半期）と同じ内容です" in line]
    assert len(unchanged) == 1 and "情報政策課" in unchanged[0]
    assert sorted(p.name for p in (tmp_path / "履歴").iterdir()) == [
        "令和3年度上半期_集約結果.xlsx", "令和3年度年度末_集約結果.xlsx", g.HISTORY_INDEX_NAME]
