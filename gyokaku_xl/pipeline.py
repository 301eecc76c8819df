"""The only place that strings the steps together and writes files (atomically).

``make_forms()`` → department forms; ``check()`` → findings; ``merge()`` → master workbook.
The CLI and the Excel button both call these and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from . import glossary as g
from .findings import ERROR, Finding, GyokakuError
from .model import Period, Plan
from .plan import PlanReadError, read_plan

#: progress(done, total, label) — called once per input file.
Progress = Callable[[int, int, str], None]


@dataclass
class FormsOutcome:
    """What ``make_forms`` wrote."""

    paths: list[Path]
    plan_findings: list[Finding] = field(default_factory=list)


def load_plan(plan_path: str | Path) -> tuple[Plan, list[Finding]]:
    """Read the plan master or raise :class:`GyokakuError` with a one-line message."""
    path = Path(plan_path)
    if not path.is_file():
        raise GyokakuError(g.FATAL_PLAN_UNREADABLE.format(path=path, detail="ファイルがありません"))
    try:
        result = read_plan(path)
    except PlanReadError as exc:
        raise GyokakuError(g.FATAL_PLAN_UNREADABLE.format(path=path, detail=exc.finding.message)) from None
    if result.plan is None:
        details = " / ".join(f"{f.location()} {f.message}" for f in result.errors[:3])
        raise GyokakuError(g.FATAL_PLAN_INVALID.format(path=path, count=len(result.errors)) + " " + details)
    return result.plan, result.findings


def make_forms(plan_path: str | Path, period: Period, out_dir: str | Path,
               departments: Sequence[str] | None = None) -> FormsOutcome:
    """Write one prefilled form per department of the plan into ``out_dir``."""
    from .render.forms import form_file_name, write_form
    from .atomic import atomic_write

    plan, findings = load_plan(plan_path)
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GyokakuError(g.FATAL_OUTPUT_UNWRITABLE.format(path=out, detail=exc.strerror)) from None
    wanted = plan.departments
    if departments:
        unknown = [d for d in departments if plan.find_department(d) is None]
        if unknown:
            raise GyokakuError(f"所管課「{'、'.join(unknown)}」は計画マスタにありません。")
        wanted = tuple(plan.find_department(d) for d in departments)  # type: ignore[misc]
    paths = []
    for department in wanted:
        target = out / form_file_name(department, period)
        atomic_write(target, lambda tmp, d=department: write_form(tmp, plan, period, d))
        paths.append(target)
    return FormsOutcome(paths, findings)
