"""資料1-3 as its own workbook beside the master, written by a second process for large plans.

Above the plan's 「資料1-3を別ブックにする取組数」 (default :data:`DEFAULT_SPLIT_FROM` 取組), 資料1-3 —
the largest sheet, one block per 事業 — goes to ``<master stem>_資料1-3.xlsx`` and is written in
parallel with the master. The sheet itself is the same (:func:`..lists.write_by_program_sheet`).

What crosses to the other process is compact: the plan's defining tuples and one tuple per record
(id and the five values 資料1-3 prints) and the 数値目標 lines, never the records with their sources. It works with the
spawn start method (Windows): :func:`write_by_program_book` is a top-level function of this module.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping, Sequence

from gyokaku_xl import text as g
from gyokaku_xl.domain.model import Period, Plan
from gyokaku_xl.domain.normalize import positive_int
from gyokaku_xl.domain.records import MergeResult, Record, Source, Tally
from gyokaku_xl.render.lists import write_by_program_sheet
from gyokaku_xl.render.styles import status_colours

#: From this many 取組, 資料1-3 is written as its own workbook unless the plan master says otherwise.
DEFAULT_SPLIT_FROM = 5000
_VALUE_KEYS = ("progress", "next_steps", "delay_reason", "fiscal_effect")
_NO_SOURCE = Source("", "", 0, "", "")

#: (plan fields, period fields, rows, document date, 数値目標 lines): see :func:`payload_of`.
Payload = tuple[tuple[Any, ...], tuple[int, str], tuple[tuple[Any, ...], ...], str,
                tuple[tuple[str, tuple[str, ...]], ...]]


def split_from(plan: Plan) -> int:
    """The number of 取組 from which 資料1-3 is its own workbook (the plan's setting or the default)."""
    number = positive_int(plan.settings.get(g.SETTING_SPLIT_FROM, ""))
    return DEFAULT_SPLIT_FROM if number is None else number


def is_split(result: MergeResult) -> bool:
    """Whether this result's 資料1-3 is written as its own workbook."""
    return len(result.records) >= split_from(result.plan)


def split_path(master: Path) -> Path:
    """``集約結果.xlsx`` → ``集約結果_資料1-3.xlsx`` beside it."""
    return master.with_name(f"{master.stem}_{g.SHEET_BY_PROGRAM}{master.suffix}")


def payload_of(result: MergeResult, target_lines: Mapping[str, Sequence[str]] | None = None) -> Payload:
    """What the other process needs to write 資料1-3 (with ``target_lines``, 取組番号 → its 数値目標
    lines), as plain tuples."""
    plan = result.plan
    plan_fields = (plan.name, plan.municipality, plan.perspectives, plan.scale, plan.programs,
                   plan.initiatives, plan.rounding, plan.coordinator, dict(plan.settings), plan.fonts)
    rows = tuple((r.initiative.id, r.department, r.status, *(r.values.get(k) for k in _VALUE_KEYS))
                 for r in result.records)
    lines = tuple((k, tuple(v)) for k, v in (target_lines or {}).items())
    return plan_fields, (result.period.fiscal_year, result.period.half), rows, result.generated_at, lines


def result_of(payload: Payload) -> MergeResult:
    """Rebuild the part of a merge result that 資料1-3 shows."""
    plan_fields, period_fields, rows, generated_at = payload[:4]
    (name, municipality, perspectives, scale, programs, initiatives, rounding, coordinator, settings,
     fonts) = plan_fields
    plan = Plan(name=name, municipality=municipality, perspectives=perspectives, scale=scale,
                programs=programs, initiatives=initiatives, rounding=rounding, coordinator=coordinator,
                settings=settings, fonts=fonts)
    records = []
    for initiative_id, department, status, *values in rows:
        initiative = plan.initiative(initiative_id)
        records.append(Record(initiative, plan.program_of(initiative), plan.perspective_of(initiative), department, status,
                              {k: v for k, v in zip(_VALUE_KEYS, values) if v is not None}, _NO_SOURCE))
    return MergeResult(plan, Period(*period_fields), records, [], [], Tally(), generated_at=generated_at)


def warm_up() -> None:
    """Run in a freshly started second process: it imports this module and the writer ahead of
    the 資料1-3 it will be given."""
    from gyokaku_xl.render import master, styles  # noqa: F401 - imported for their import time only


def write_by_program_book(path: str, payload: Payload) -> int:
    """Write 資料1-3 alone into the workbook ``path``; returns the number of 取組 written.

    Runs in the second process (a top-level function, so spawn can find it).
    """
    from gyokaku_xl.infra.gc_pause import paused_gc
    from gyokaku_xl.render.master import new_workbook
    from gyokaku_xl.render.styles import use_fonts

    with paused_gc():
        result = result_of(payload)
        workbook = new_workbook(Path(path), result.generated_at)
        use_fonts(workbook, result.plan.fonts)
        scale = result.plan.scale
        sheet = write_by_program_sheet(workbook, result, status_colours(scale.names, scale.on_track),
                                       dict(payload[4]))
        sheet.activate()
        workbook.close()
        return len(result.records)
