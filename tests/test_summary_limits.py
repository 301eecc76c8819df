"""資料1-1's size policy: sections 2 and 3 bounded by 「総括の一覧の上限」, the rest referred to 資料1-3."""

from __future__ import annotations

import openpyxl

import builders
from gyokaku_xl import text as g
from gyokaku_xl.domain.model import Plan
from gyokaku_xl.run.merge import merge
from gyokaku_xl.reading.plan import read_plan
from gyokaku_xl.core.summary import (DEFAULT_LIST_LIMIT, FLAGGED_BULLET, FLAGGED_INITIATIVE, FLAGGED_MORE,
                                FlaggedLine, PerspectiveBlock, ProgramBlock, bounded_flagged,
                                bounded_programs, list_limit)


def _blocks() -> tuple[PerspectiveBlock, ...]:
    """Two perspectives; 事業 of 3, 2 and 4 lines (title included)."""
    return (PerspectiveBlock("(1) A", (ProgramBlock("1", "事業1", ("・a", "・b"), ()),
                                       ProgramBlock("2", "事業2", ("・c",), ()))),
            PerspectiveBlock("(2) B", (ProgramBlock("3", "事業3", ("・d", "・e"), ("f",)),)))


def _lines(blocks) -> int:
    return sum(1 + len(p.lines) for b in blocks for p in b.programs)


def test_section2_under_the_limit_is_untouched():
    blocks = _blocks()
    assert bounded_programs(blocks, 9) == (blocks, 0)


def test_section2_over_the_limit_keeps_whole_programs_and_counts_the_rest():
    kept, left = bounded_programs(_blocks(), 8)  # 7 lines of room + the closing line
    assert [p.number for b in kept for p in b.programs] == ["1", "2"] and left == 1
    assert _lines(kept) + 1 <= 8
    kept, left = bounded_programs(_blocks(), 4)
    assert [p.number for b in kept for p in b.programs] == ["1"] and left == 2


def test_section2_never_empty_when_the_first_program_is_too_long():
    kept, left = bounded_programs(_blocks(), 2)
    assert [(p.number, p.lines) for b in kept for p in b.programs] == [("1", ())] and left == 2
    kept, left = bounded_programs(_blocks(), 3)
    assert [(p.number, p.lines) for b in kept for p in b.programs] == [("1", ("・a",))] and left == 2


def _groups() -> list[list[FlaggedLine]]:
    def group(n: int, initiatives: int, bullets: int) -> list[FlaggedLine]:
        return ([FlaggedLine(FLAGGED_INITIATIVE, f"取組{n}-{i}", "遅れ") for i in range(initiatives)]
                + [FlaggedLine(FLAGGED_BULLET, f"・理由{n}-{b}") for b in range(bullets)])
    return [group(1, 2, 1), group(2, 1, 2), group(3, 3, 1)]


def test_section3_under_the_limit_is_untouched():
    groups = _groups()
    assert bounded_flagged(groups, 10, "ほか{count}件") == tuple(x for gr in groups for x in gr)


def test_section3_over_the_limit_keeps_whole_groups_and_counts_the_initiatives_left():
    out = bounded_flagged(_groups(), 7, "ほか{count}件")
    assert [x.text for x in out] == ["取組1-0", "取組1-1", "・理由1-0", "取組2-0", "・理由2-0", "・理由2-1", "ほか3件"]
    assert out[-1].kind == FLAGGED_MORE and len(out) <= 7
    out = bounded_flagged(_groups(), 2, "ほか{count}件")
    assert [x.text for x in out] == ["取組1-0", "ほか5件"]


def _plan(tmp_path, value: str | None) -> tuple[Plan, list]:
    settings = dict(builders.DEFAULT_SETTINGS)
    if value is not None:
        settings[g.SETTING_SUMMARY_LIST_LIMIT] = value
    result = read_plan(builders.build_plan(tmp_path, settings=settings))
    assert result.plan is not None
    return result.plan, result.findings


def test_the_limit_is_a_plan_setting(tmp_path):
    assert list_limit(_plan(tmp_path / "a", None)[0]) == DEFAULT_LIST_LIMIT
    assert list_limit(_plan(tmp_path / "b", "５")[0]) == 5
    plan, findings = _plan(tmp_path / "c", "たくさん")
    assert list_limit(plan) == DEFAULT_LIST_LIMIT
    assert [(f.code, f.severity, f.value) for f in findings] == [("plan-setting-invalid", "警告", "たくさん")]
    assert g.SETTING_SUMMARY_LIST_LIMIT in findings[0].message


def _summary_texts(master) -> list[str]:
    sheet = openpyxl.load_workbook(master)[g.SHEET_SUMMARY]
    return [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]


def test_a_bounded_summary_refers_to_the_by_program_sheet(tmp_path, period):
    settings = {**builders.DEFAULT_SETTINGS, g.SETTING_SUMMARY_LIST_LIMIT: "2"}
    programs = [{**p, "総括掲載": "○"} for p in builders.DEFAULT_PROGRAMS]
    plan_path = builders.build_plan(tmp_path, settings=settings, programs=programs)
    plan = builders.load_plan(plan_path)
    inbox = tmp_path / "inbox"
    for department in plan.departments:
        rows = {i.id: {"status": "遅れ", "progress": f"・{i.name}を実施。", "delay_reason": "調整中のため。"}
                for i in plan.initiatives_of(department)}
        builders.build_form(inbox / f"{department}.xlsx", plan, period, department, rows=rows)
    merge(inbox, tmp_path / "集約結果.xlsx", plan_path=plan_path)
    texts = _summary_texts(tmp_path / "集約結果.xlsx")
    assert "ほか3事業の取組状況は資料１－３を参照。" in texts
    assert "ほか7件の取組は資料１－３を参照。" in texts
    shown = [t for t in texts if "･･･遅れ" in t]
    assert shown == ["給食調理業務の委託･･･遅れ [民間委託推進事業]"]  # one line + the closing line
