"""Who must act this period: each department's reply state, from the merge result's 提出状況.

The one place the state is derived (the console, 督促 and the Excel board all use it):

- 未提出: the department sent nothing;
- 不受理: none of its files could be accepted (the newest rejected one is named, with its first error);
- エラーあり: its accepted file has errors (cells to correct);
- 警告あり: its accepted file has warnings only;
- 受理: in order.
"""

from __future__ import annotations

from gyokaku_xl import text as g
from gyokaku_xl.core.deadline import LATE_CODE
from gyokaku_xl.domain.findings import first_error_by_file, title_of
from gyokaku_xl.domain.records import MergeResult, Submission
from gyokaku_xl.domain.remind import DepartmentState


def reply_state(submission: Submission) -> str:
    """The reply state of one 提出状況 row (see the module docstring)."""
    if submission.state == g.NOT_SUBMITTED or not submission.file:
        return g.STATE_NOT_SUBMITTED
    if not submission.accepted:
        return g.STATE_REJECTED
    if submission.errors:
        return g.STATE_HAS_ERRORS
    if submission.warnings:
        return g.STATE_HAS_WARNINGS
    return g.STATE_ACCEPTED


def department_states(result: MergeResult) -> list[DepartmentState]:
    """One state per 提出状況 row, in the plan's department order."""
    first_errors = first_error_by_file(result.findings)
    late = {f.file for f in result.findings if f.code == LATE_CODE}
    states = []
    for s in result.submissions:
        state = reply_state(s)
        if state == g.STATE_NOT_SUBMITTED:
            reason = g.REASON_NOT_SUBMITTED
        elif state == g.STATE_REJECTED:
            error = first_errors.get(s.file)
            reason = g.REASON_REJECTED.format(file=s.file, reason=title_of(error.code) if error else g.HAS_ERRORS)
        elif state == g.STATE_HAS_ERRORS:
            reason = g.REASON_HAS_ERRORS.format(file=s.file, count=s.errors)
        elif state == g.STATE_HAS_WARNINGS:
            reason = g.REASON_HAS_WARNINGS.format(file=s.file, count=s.warnings)
        else:
            reason = g.REASON_ACCEPTED
        states.append(DepartmentState(s.department, state, reason, s.file, s.errors, s.warnings, s,
                                      late=bool(s.file) and s.file in late))
    return states


def chased(result: MergeResult) -> list[DepartmentState]:
    """The departments that must submit or resubmit, in the plan's department order."""
    return [s for s in department_states(result) if s.needs_chasing]
