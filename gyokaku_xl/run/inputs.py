"""The inputs of a run besides the inbox: the plan master, the history folder, the earlier period."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from gyokaku_xl import text as g
from gyokaku_xl.domain.findings import INFO, Finding, GyokakuError, PlanInvalidError, make
from gyokaku_xl.domain.model import Period, Plan
from gyokaku_xl.domain.normalize import key
from gyokaku_xl.domain.records import Snapshot
from gyokaku_xl.reading.history import read_history, read_master
from gyokaku_xl.reading.plan import PlanReadError, PlanResult, read_plan
from gyokaku_xl.reading.sniff import opened_by
from gyokaku_xl.domain.limits import DEFAULT_LIMITS, Limits


def load_plan(plan_path: str | Path,
              reader: Callable[[Path], PlanResult] = read_plan) -> tuple[Plan, list[Finding]]:
    """Read the plan master (with ``reader``) or raise :class:`GyokakuError` with a one-line message."""
    path = Path(plan_path)
    if not path.is_file():
        raise GyokakuError(g.FATAL_PLAN_UNREADABLE.format(path=path, detail=g.RUN_FILE_MISSING))
    try:
        result = reader(path)
    except PlanReadError as exc:
        raise GyokakuError(g.FATAL_PLAN_UNREADABLE.format(path=path, detail=exc.detail)) from None
    if result.plan is None:
        raise PlanInvalidError(g.FATAL_PLAN_INVALID.format(path=path, count=len(result.errors)),
                               sorted(result.findings, key=Finding.sort_key))
    return result.plan, result.findings + plan_open_findings(path)


def plan_open_findings(path: Path) -> list[Finding]:
    """An 情報 when the plan master is open in Excel: edits not yet saved are not read."""
    owner = opened_by(path)
    if owner is None:
        return []
    return [make("open-in-excel", INFO, file=path.name, owner=owner, value=owner)]


def find_plan(inbox: Path) -> Path | None:
    """The plan master inside the inbox or beside it, if there is one."""
    for folder in (inbox, inbox.parent):
        candidate = folder / g.PLAN_FILE_NAME
        if candidate.is_file():
            return candidate
    return None


def history_folder(plan: Plan, plan_path: Path | None, history_dir: str | Path | None) -> Path | None:
    """The history folder: ``history_dir`` when given, else the plan master's 「履歴フォルダ」 setting
    (relative to the plan master's folder); None when neither names one."""
    if history_dir is not None and str(history_dir) != "":
        return Path(history_dir)
    if plan_path is None:
        return None
    setting = plan.settings.get(g.SETTING_HISTORY_DIR, "")
    if not setting:
        return None
    folder = Path(setting)
    return folder if folder.is_absolute() else plan_path.parent / folder


def checked_history_folder(folder: Path) -> Path:
    """``folder`` itself, or :class:`GyokakuError` when it names a file."""
    if folder.exists() and not folder.is_dir():
        raise GyokakuError(g.FATAL_HISTORY_NOT_FOLDER.format(path=folder))
    return folder


def previous_snapshot(plan: Plan, plan_path: Path, period: Period, previous: str | Path | None,
                      history_dir: str | Path | None, use_previous: bool = True,
                      limits: Limits = DEFAULT_LIMITS) -> tuple[Snapshot | None, list[Finding]]:
    """The earlier period a new form carries over: the master ``previous`` when named (it must be
    an earlier master of this plan), else the latest earlier period of the history folder
    (``history_dir`` or the plan master's 「履歴フォルダ」), else none."""
    if previous is not None:
        return _named_previous(plan, period, Path(previous), limits), []
    if not use_previous:
        return None, []
    folder = history_folder(plan, plan_path, history_dir)
    if folder is None:
        return None, []
    snapshots, findings = read_history(checked_history_folder(folder), plan, period, limits)
    return (snapshots[-1] if snapshots else None), findings


def _named_previous(plan: Plan, period: Period, path: Path, limits: Limits) -> Snapshot:
    if not path.is_file():
        raise GyokakuError(g.FATAL_PREVIOUS_UNUSABLE.format(path=path, detail=g.RUN_FILE_MISSING))
    snapshot, finding = read_master(path, limits)
    if snapshot is None:
        raise GyokakuError(g.FATAL_PREVIOUS_UNUSABLE.format(path=path, detail=finding.message if finding else ""))
    if key(snapshot.plan_name) != key(plan.name):
        raise GyokakuError(g.FATAL_PREVIOUS_UNUSABLE.format(
            path=path, detail=g.PREVIOUS_OTHER_PLAN.format(plan=snapshot.plan_name)))
    if snapshot.period.order_key >= period.order_key:
        raise GyokakuError(g.FATAL_PREVIOUS_UNUSABLE.format(
            path=path, detail=g.PREVIOUS_NOT_EARLIER.format(found=snapshot.period.label, period=period.label)))
    return snapshot
