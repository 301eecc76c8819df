"""``remind``: validate an inbox and write, for each department that must submit or resubmit, a
draft email (.eml, never sent) and one 督促一覧.xlsx; the annotated copy of a file with errors is
written beside the drafts and attached."""

from __future__ import annotations

from pathlib import Path

from gyokaku_xl import text as g
from gyokaku_xl.core.chase import department_states
from gyokaku_xl.domain.findings import Finding, GyokakuError
from gyokaku_xl.domain.limits import DEFAULT_LIMITS, Limits
from gyokaku_xl.core.deadline import stale_deadline_findings
from gyokaku_xl.domain.loop import deadline_for
from gyokaku_xl.domain.model import Period
from gyokaku_xl.domain.remind import ChaseRow, RemindOutcome
from gyokaku_xl.infra.atomic import atomic_write, output_folder
from gyokaku_xl.infra.oserror import library_text
from gyokaku_xl.render.annotated import annotatable, copy_name
from gyokaku_xl.render.forms import form_file_name, safe_file_part
from gyokaku_xl.render.mail import Attachment, draft_email
from gyokaku_xl.render.reminders import reminder_message, write_reminder_list
from gyokaku_xl.run.annotate import annotate_file
from gyokaku_xl.run.inbox import source_paths, validate_inbox


def remind(inbox: str | Path, out_dir: str | Path, *, plan_path: str | Path | None = None,
           period: Period | None = None, limits: Limits = DEFAULT_LIMITS) -> RemindOutcome:
    """Write 督促 drafts for the departments that have not submitted, whose submission was not
    accepted, or whose accepted submission has errors; and 督促一覧.xlsx listing them.

    ``out_dir/<所管課>.eml`` is a draft (``X-Unsent: 1``) addressed from the plan master's 所管課
    sheet; a department with errors gets the annotated copy of its file attached (also written to
    ``out_dir/指摘付き``). Nothing is sent. Raises :class:`GyokakuError` when nothing can be done.
    """
    inbox = Path(inbox)
    out = Path(out_dir)
    if out.resolve() == inbox.resolve():
        raise GyokakuError(g.FATAL_REMIND_OUT_IS_INBOX)
    result, used_plan, notices = validate_inbox(inbox, plan_path, period, None, limits)
    plan = result.plan
    outcome = RemindOutcome(notices=list(notices), result=result, plan_path=used_plan,
                            deadline=deadline_for(plan, result.period))
    outcome.notices.extend(f.message for f in stale_deadline_findings(plan, result.period))
    outcome.states = department_states(result)
    if not result.completeness_checked:
        outcome.notices.append(g.REMIND_UNCHECKED)
    out = output_folder(out, g.REMIND_OUT_WHAT)
    sources = source_paths(inbox)
    to_annotate = annotatable(result.findings)
    for state in outcome.states:
        draft = out / f"{safe_file_part(state.department) or g.REMIND_DRAFT_FALLBACK}.eml"
        if not state.needs_chasing:
            if draft.is_file():
                outcome.notices.append(g.REMIND_STALE_DRAFT.format(path=draft, department=state.department))
            continue
        contact = plan.contacts.get(state.department)
        address = contact.address if contact is not None else ""
        attachment = None
        if state.file in to_annotate and state.file in sources:
            attachment = _annotated_copy(Path(sources[state.file]), out / g.REMIND_ATTACH_FOLDER,
                                         to_annotate[state.file], outcome.notices)
        subject, body = reminder_message(plan, result.period, state, outcome.deadline,
                                         findings=[f for f in result.findings if f.file == state.file],
                                         form=form_file_name(state.department, result.period),
                                         attachment=attachment.name if attachment else "",
                                         person=contact.person if contact is not None else "")
        files = (Attachment(attachment.name, attachment.read_bytes()),) if attachment else ()
        data = draft_email(subject=subject, body=body, to_name=state.department, to_address=address,
                           attachments=files)
        outcome.drafts.append(atomic_write(draft, lambda tmp, d=data: tmp.write_bytes(d)))
        outcome.chased.append(ChaseRow(state.department, state.state, state.reason, address,
                                       outcome.deadline, attachment, draft))
        if not address:
            outcome.notices.append(g.REMIND_NO_ADDRESS.format(department=state.department))
    listing = out / g.REMIND_LIST_FILE
    outcome.listing = atomic_write(listing, lambda tmp: write_reminder_list(
        tmp, plan, result.period, outcome.chased, outcome.deadline))
    return outcome


def _annotated_copy(source: Path, folder: Path, findings: list[Finding],
                    notices: list[str]) -> Path | None:
    """The annotated copy of ``source`` in ``folder`` (None with a notice when it cannot be made)."""
    try:
        output_folder(folder, g.REMIND_COPY_WHAT)
        return annotate_file(source, folder / copy_name(source.name), findings)
    except Exception as exc:  # noqa: BLE001 - one copy we cannot make must not stop the run
        detail = str(exc) if isinstance(exc, GyokakuError) else library_text(exc)
        notices.append(g.REMIND_COPY_FAILED.format(file=source.name, detail=detail))
        return None
