"""Plans unlike the sample, built in code: any number of perspectives, another status scale.

Used by the layout tests (3, 4, 6 and 9 perspectives) and by ``docs/build_images.py``, which
renders 資料1-1 of the sample, of a 4-perspective plan with another scale and of a 9-perspective
plan side by side. Everything is deterministic: the same arguments give the same result.
"""

from __future__ import annotations

from gyokaku_xl import text as g
from gyokaku_xl.core.checks import expected_prefill
from gyokaku_xl.domain.model import (DEFAULT_SCALE, Initiative, Period, Perspective, Plan, Program, Status,
                              StatusScale)
from gyokaku_xl.domain.records import MergeResult, Record, Source, Tally

#: Another city's scale: four statuses, two of them on track.
FOUR_STATUS_SCALE = StatusScale((
    Status("完了", True), Status("順調", True), Status("遅延", False), Status("中止", False),
))

PERSPECTIVE_NAMES = (
    "歳入の確保", "事務事業の見直し", "公共施設の最適化", "デジタル化の推進", "人材の育成",
    "市民との協働による地域づくりと行政サービスの向上", "外郭団体の見直し", "財政の健全化", "広域連携の推進",
)
DEPARTMENTS = ("財政課", "企画課", "資産管理課", "情報政策課", "職員課", "市民協働課", "行政管理課", "税務課", "政策課")


def variant_result(perspectives: int, *, scale: StatusScale = DEFAULT_SCALE,
                   period: Period = Period(2023, g.PERIOD_FIRST_HALF),
                   name: str = "ある市の行財政改革プラン（2023-2026）") -> MergeResult:
    """A merge result of a plan with ``perspectives`` perspectives (1–9), 2 事業 each, 3 取組 each.

    Statuses cycle through the scale so that most are on track and some are not; one 事業 per
    perspective is a 重点 shown in 資料1-1.
    """
    names = PERSPECTIVE_NAMES[:perspectives]
    programs, initiatives, reports = [], [], {}
    statuses = scale.names
    weights = [s for s in statuses if s in scale.on_track] * 8 + [s for s in statuses if s not in scale.on_track]
    n = 0
    for p_no, p_name in enumerate(names, start=1):
        department = DEPARTMENTS[p_no - 1]
        for k in (1, 2):
            number = f"{p_no}-{k}"
            programs.append(Program(number, p_no, f"{p_name}事業{k}", k == 1, k == 1, department))
            for i in (1, 2, 3):
                initiative_id = f"{number}-{i}"
                initiatives.append(Initiative(initiative_id, number, f"{p_name}の取組{k}-{i}", department))
                status = weights[n % len(weights)]
                n += 1
                reports[initiative_id] = {
                    "status": status,
                    "progress": f"・{p_name}について、{k}-{i}の取組を関係課と協議し、計画どおり進めた。",
                    "next_steps": "今後は、結果を検証し、次の段階に向けた準備を進める。",
                    "delay_reason": "" if status in scale.on_track else "関係機関との調整に時間を要した。",
                    "fiscal_effect": 1000 * i if k == 1 else None,
                    "note": "",
                }
    plan = Plan(name=name, municipality="ある市",
                perspectives=tuple(Perspective(no, text) for no, text in enumerate(names, start=1)),
                scale=scale, programs=tuple(programs), initiatives=tuple(initiatives))
    return result_of(plan, period, reports)


def result_of(plan: Plan, period: Period, reports: dict[str, dict], *, prefill: bool = True,
              month: str = "2023-10") -> MergeResult:
    """The merge result for ``reports`` (initiative id → field values) of ``plan``.

    Like consolidation, the prefilled columns (取組番号, 取組の視点, 事業名, 重点, 取組名) come from the
    plan (unless ``prefill`` is false); files are dated the 1st and the result the 15th of ``month``.
    """
    records = []
    for initiative in plan.initiatives:
        if initiative.id not in reports:
            continue
        values = {"progress": "", "next_steps": "", "delay_reason": "", "fiscal_effect": None, "note": "",
                  **reports[initiative.id], **(expected_prefill(plan, initiative.id) if prefill else {})}
        program = plan.program_of(initiative)
        records.append(Record(initiative, program, plan.perspective(program.perspective),
                              initiative.department, values["status"], values,
                              Source(f"{initiative.department}.xlsx", "取組状況", 9, "0" * 64,
                                     f"{month}-01T00:00:00")))
    return MergeResult(plan, period, records, [], [], Tally(rows_read=len(records), rows_merged=len(records)),
                       generated_at=f"{month}-15T00:00:00")
