"""``make_forms``: one prefilled form per department, carried over from the earlier period."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from gyokaku_xl import text as g
from gyokaku_xl.core.checks import outside_plan_period
from gyokaku_xl.core.revisions import carry, in_force
from gyokaku_xl.core.deadline import stale_deadline_findings
from gyokaku_xl.domain.findings import Finding, GyokakuError
from gyokaku_xl.domain.model import Period, Plan
from gyokaku_xl.domain.outcome import FormsOutcome
from gyokaku_xl.infra.atomic import atomic_write, output_folder
from gyokaku_xl.infra.guard import protecting
from gyokaku_xl.run.guard import refuse_outputs, run_inputs
from gyokaku_xl.render.forms import form_file_name, write_form
from gyokaku_xl.run.inputs import history_folder, load_plan, previous_snapshot
from gyokaku_xl.run.opinions import committee_opinions, open_opinions_of
from gyokaku_xl.core.opinions import opinions_by_initiative
from gyokaku_xl.run.targets import year_end_references


class FormsExistError(GyokakuError):
    """The output folder already holds forms of these names (``existing``): filled-in forms are never
    replaced unless asked. The Excel button words the same refusal for its settings sheet."""

    def __init__(self, message: str, existing: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.existing = list(existing)

    def __reduce__(self):
        """Picklable across process pools."""
        return (type(self), (str(self), self.existing))


def make_forms(plan_path: str | Path, period: Period, out_dir: str | Path,
               departments: Sequence[str] | None = None, overwrite: bool = False, *,
               previous: str | Path | None = None, history_dir: str | Path | None = None,
               use_previous: bool = True, opinions: str | Path | None = None) -> FormsOutcome:
    """Write one prefilled form per department of the plan into ``out_dir``.

    Existing files are never replaced unless ``overwrite``: a folder may already hold forms that
    departments filled in. With a previous period (see :func:`~gyokaku_xl.run.inputs.previous_snapshot`)
    the forms carry its texts over; ``use_previous=False`` opts out of the history folder's default.
    With ``opinions`` (委員意見.xlsx), the forms of the 取組 concerned show the committee's opinions and
    ask for a reply; the previous period's opinions still without a reply are carried as well.
    """
    plan, findings = load_plan(plan_path)
    plan = in_force(plan, period)  # ended, merged or renumbered 取組 get no row
    wanted = plan.departments
    if departments:
        found = [plan.find_department(d) for d in departments]
        unknown = [d for d, f in zip(departments, found) if f is None]
        if unknown:
            raise GyokakuError(g.FATAL_UNKNOWN_DEPARTMENTS.format(departments=g.SEP_LIST.join(unknown)))
        wanted = tuple(f for f in found if f is not None)
    targets = [Path(out_dir) / form_file_name(d, period) for d in wanted]
    inputs = run_inputs(plan=plan_path, previous=previous, history=history_folder(plan, Path(plan_path), history_dir),
                        opinions=opinions)
    refuse_outputs(inputs, files=targets, folders=[out_dir])
    with protecting(inputs):
        return _make_forms(plan, findings, Path(plan_path), period, Path(out_dir), wanted, targets, overwrite,
                           previous, history_dir, use_previous, opinions)


def _make_forms(plan: Plan, findings: list[Finding], plan_path: Path, period: Period, out_dir: Path,
                wanted: Sequence[str], targets: list[Path], overwrite: bool, previous: str | Path | None,
                history_dir: str | Path | None, use_previous: bool, opinions: str | Path | None) -> FormsOutcome:
    """:func:`make_forms` once the targets are known not to replace an input."""
    carried, history_findings = previous_snapshot(plan, plan_path, period, previous, history_dir, use_previous)
    if carried is not None:  # renumbered and merged 取組 carry their predecessors' rows
        carried = carry(carried, plan, period)
    folder = history_folder(plan, plan_path, history_dir) if previous is None and use_previous else None
    output_folder(out_dir, g.RUN_OUTPUT_FORMS)
    existing = [t.name for t in targets if t.exists()]
    if existing and not overwrite:
        more = g.FORMS_EXIST_MORE.format(count=len(existing) - 3) if len(existing) > 3 else ""
        raise FormsExistError(g.FATAL_FORMS_EXIST.format(names=g.SEP_LIST.join(existing[:3]), more=more), existing)
    given, opinion_findings = committee_opinions(plan, opinions)
    open_ones = open_opinions_of(carried)
    by_id = opinions_by_initiative(plan, [*open_ones, *given])
    references = year_end_references(plan, Path(plan_path), period, carried, history_dir,
                                     use_previous and previous is None)
    paths = []
    for department, target in zip(wanted, targets):
        atomic_write(target, lambda tmp, d=department: write_form(tmp, plan, period, d, carried, by_id, references))
        paths.append(target)
    plan_findings = findings + outside_plan_period(plan, period) + stale_deadline_findings(plan, period)
    return FormsOutcome(paths, plan_findings, carried, history_findings, folder,
                        opinions=[o for items in by_id.values() for o in items],
                        opinions_carried=open_ones, opinion_findings=opinion_findings)
