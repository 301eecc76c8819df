"""The only place that strings the steps together and writes files (atomically).

``make_forms()`` → department forms; ``check()`` → findings; ``merge()`` → master workbook.
The CLI and the Excel button both call these and nothing else.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from . import glossary as g
from .atomic import atomic_write
from .consolidate import consolidate
from .findings import Finding, GyokakuError, OutputLockedError
from .gc_pause import paused_gc
from .intake import scan_inbox
from .model import Period, Plan
from .plan import PlanReadError, plan_from_forms, read_plan
from .read import DEFAULT_LIMITS, Limits
from .records import MergeResult
from .validate import FileReport, meta_period, open_form, validate_file

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
               departments: Sequence[str] | None = None, overwrite: bool = False) -> FormsOutcome:
    """Write one prefilled form per department of the plan into ``out_dir``.

    Existing files are never replaced unless ``overwrite``: a folder may already hold forms that
    departments filled in.
    """
    from .render.forms import form_file_name, write_form

    plan, findings = load_plan(plan_path)
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise GyokakuError(f"「{out}」はファイルです。調査票の出力先にはフォルダを指定してください。")
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
    targets = [out / form_file_name(d, period) for d in wanted]
    existing = [t.name for t in targets if t.exists()]
    if existing and not overwrite:
        more = f" ほか {len(existing) - 3} 件" if len(existing) > 3 else ""
        raise GyokakuError(f"出力先に同じ名前の調査票があります（{'、'.join(existing[:3])}{more}）。"
                           "記入済みの調査票を消さないよう、別のフォルダを指定するか、"
                           "上書きしてよい場合は --force を付けてください。")
    paths = []
    for department in wanted:
        target = out / form_file_name(department, period)
        atomic_write(target, lambda tmp, d=department: write_form(tmp, plan, period, d))
        paths.append(target)
    return FormsOutcome(paths, findings)


# --- check and merge ----------------------------------------------------------------------------
@dataclass
class RunOutcome:
    """What ``check`` or ``merge`` did: the result, what was written, and the exit code."""

    command: str
    result: MergeResult
    output: Path | None = None
    report: Path | None = None
    annotated: list[Path] = field(default_factory=list)
    pdf_paths: list[Path] = field(default_factory=list)
    plan_path: Path | None = None
    notices: list[str] = field(default_factory=list)
    by_program_book: Path | None = None  # 資料1-3 as its own workbook (large plans)

    @property
    def exit_code(self) -> int:
        """0 when every input is valid (warnings allowed), 1 when some input was rejected."""
        return 1 if any(f.is_error for f in self.result.findings) else 0

    def summary_lines(self) -> list[str]:
        """The short Japanese summary the console and the Excel button show."""
        from .summary_text import summary_lines
        return summary_lines(self)


def find_plan(inbox: Path) -> Path | None:
    """The plan master inside the inbox or beside it, if there is one."""
    for folder in (inbox, inbox.parent):
        candidate = folder / g.PLAN_FILE_NAME
        if candidate.is_file():
            return candidate
    return None


def _infer_period(reports: list[FileReport]) -> Period:
    periods = Counter(p for r in reports if r.form is not None
                      for p in [meta_period(r.form)] if p is not None)
    if not periods:
        raise GyokakuError(g.FATAL_PERIOD_UNKNOWN)
    ranked = periods.most_common()
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        names = "、".join(p.label for p, _ in ranked)
        raise GyokakuError(f"調査票の報告期間がそろっていません（{names}）。--year と --period を指定してください。")
    return ranked[0][0]


def _document_date(reports: list[FileReport]) -> str:
    times = [r.modified for r in reports if r.modified and not r.rejected]
    return max(times) if times else ""


def validate_inbox(inbox: str | Path, plan_path: str | Path | None = None,
                   period: Period | None = None, progress: Progress | None = None,
                   limits: Limits = DEFAULT_LIMITS) -> tuple[MergeResult, Path | None, list[str]]:
    """Read and validate every file of an inbox and consolidate the accepted rows.

    Returns the merge result, the plan master used (None when working from submissions alone)
    and notices for the user.
    """
    inbox = Path(inbox)
    if inbox.is_file():
        raise GyokakuError(f"「{inbox}」はファイルです。受付フォルダ（調査票を入れたフォルダ）を指定してください。")
    if not inbox.is_dir():
        raise GyokakuError(g.FATAL_INBOX_MISSING.format(path=inbox))
    notices: list[str] = []
    resolved_plan = Path(plan_path) if plan_path else find_plan(inbox)
    plan: Plan | None = None
    plan_findings: list[Finding] = []
    if resolved_plan is not None:
        plan, plan_findings = load_plan(resolved_plan)
        if plan_path is None:
            notices.append(f"計画マスタとして「{resolved_plan}」を使用しました。")
    exclude = [resolved_plan] if resolved_plan is not None else []
    entries = scan_inbox(inbox, exclude=exclude)
    if not any(not e.skipped for e in entries):
        raise GyokakuError(g.FATAL_INBOX_EMPTY.format(path=inbox))
    reports: list[FileReport] = []
    for n, entry in enumerate(entries, start=1):
        if progress is not None:
            progress(n - 1, len(entries), entry.path.name)
        reports.append(open_form(entry, limits))
    if progress is not None:
        progress(len(entries), len(entries), "")
    if period is None:
        period = _infer_period(reports)
    completeness_checked = plan is not None
    if plan is None:
        plan = plan_from_forms([r.form for r in reports if r.form is not None])
        notices.append(g.MESSAGES["completeness-unchecked"])
    for report in reports:
        validate_file(report, plan, period, plan_checked=completeness_checked)
    result = consolidate(plan, period, reports, completeness_checked=completeness_checked,
                         generated_at=_document_date(reports))
    result.findings = sorted(plan_findings, key=Finding.sort_key) + result.findings
    return result, resolved_plan, notices


def _source_paths(inbox: Path) -> dict[str, str]:
    return {p.name: str(p) for p in inbox.iterdir() if p.is_file()}


def _check_annotate_dir(inbox: str | Path, annotate_dir: str | Path | None) -> None:
    """Refuse an annotate folder that is a file or the inbox itself, before any work is done."""
    if annotate_dir is None:
        return
    folder = Path(annotate_dir)
    if folder.exists() and not folder.is_dir():
        raise GyokakuError(f"「{folder}」はファイルです。指摘付きの写しの出力先にはフォルダを指定してください。")
    if folder.resolve() == Path(inbox).resolve():
        raise GyokakuError("指摘付きの写しの出力先に受付フォルダは指定できません。別のフォルダを指定してください。")


def _annotate(outcome: RunOutcome, inbox: Path, annotate_dir: Path) -> None:
    from .annotate import annotate_copies
    outcome.annotated, notices = annotate_copies(outcome.result.findings, _source_paths(inbox), annotate_dir)
    outcome.notices.extend(notices)


@paused_gc()
def check(inbox: str | Path, plan_path: str | Path | None = None, period: Period | None = None,
          report: str | Path | None = None, annotate: str | Path | None = None,
          progress: Progress | None = None) -> RunOutcome:
    """Validate an inbox without consolidating; optionally write a report and annotated copies."""
    _check_annotate_dir(inbox, annotate)
    result, used_plan, notices = validate_inbox(inbox, plan_path, period, progress)
    outcome = RunOutcome("check", result, plan_path=used_plan, notices=notices)
    if report is not None:
        from .render.master import write_check_report
        target = Path(report)
        outcome.report = atomic_write(target, lambda tmp: write_check_report(
            tmp, result, target.resolve().parent, _source_paths(Path(inbox))))
    if annotate is not None:
        _annotate(outcome, Path(inbox), Path(annotate))
    return outcome


@paused_gc()
def merge(inbox: str | Path, output: str | Path, *, plan_path: str | Path | None = None,
          period: Period | None = None, annotate: str | Path | None = None, pdf: bool = False,
          progress: Progress | None = None) -> RunOutcome:
    """Validate, consolidate and write the master workbook (atomically); optionally the PDF.

    Raises :class:`GyokakuError` when nothing could be done and :class:`OutputLockedError` (with
    ``.outcome``) when the target is open elsewhere and the master was saved under another name.
    """
    from .render.master import write_master
    from .render.split_book import is_split, split_path

    _check_annotate_dir(inbox, annotate)
    result, used_plan, notices = validate_inbox(inbox, plan_path, period, progress)
    outcome = RunOutcome("merge", result, plan_path=used_plan, notices=notices)
    target = Path(output)
    if target.is_dir():
        raise GyokakuError(f"「{target}」はフォルダです。集約結果のファイル名（例：{target / g.MASTER_FILE_NAME}）を指定してください。")
    if target.suffix.lower() != ".xlsx":
        raise GyokakuError(f"出力ファイル「{target}」の拡張子は .xlsx にしてください。")
    sources = _source_paths(Path(inbox))
    split = _SplitBook(result, target) if is_split(result) else None
    try:
        def write(tmp: Path) -> None:
            write_master(tmp, result, target.resolve().parent, sources, by_program=split is None)
            if split is not None:  # before the master replaces the old one: both or neither
                split.wait()

        try:
            outcome.output = atomic_write(target, write)
        except OutputLockedError as exc:
            outcome.output = Path(exc.fallback)
            outcome.notices.append(str(exc))
            exc.outcome = outcome  # type: ignore[attr-defined]
            if split is not None:
                outcome.by_program_book = split.finish(split_path(outcome.output), outcome.notices)
            raise
        if split is not None:
            outcome.by_program_book = split.finish(split_path(outcome.output), outcome.notices)
        elif split_path(target).is_file():
            outcome.notices.append(g.SPLIT_NOTICE_STALE.format(path=split_path(target)))
    finally:
        if split is not None:
            split.close()
    if annotate is not None:
        _annotate(outcome, Path(inbox), Path(annotate))
    if pdf:
        from .pdf import export_reports
        outcome.pdf_paths = export_reports(outcome.output)
        if outcome.by_program_book is not None:
            outcome.pdf_paths += export_reports(outcome.by_program_book)
    return outcome


class _SplitBook:
    """資料1-3 written by a second process (spawn) while this one writes the master.

    The worker writes a temporary file beside the target; the master waits for it (:meth:`wait`)
    before it replaces the old master, so a failed run leaves the old pair as it was; then
    :meth:`finish` moves it into place atomically.
    """

    def __init__(self, result: MergeResult, master: Path) -> None:
        import multiprocessing
        import tempfile
        from concurrent.futures import ProcessPoolExecutor

        from .render.split_book import payload_of, write_by_program_book

        folder = master.parent if str(master.parent) else Path(".")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(prefix=".~tmp-", suffix=master.suffix, dir=folder)
            os.close(fd)
        except OSError as exc:
            raise GyokakuError(g.FATAL_OUTPUT_UNWRITABLE.format(path=master, detail=exc.strerror or exc)) from None
        self.tmp = Path(name)
        self.payload = payload_of(result)
        self.pool: Any = None
        self.future: Any = None
        try:
            self.pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
            self.future = self.pool.submit(write_by_program_book, str(self.tmp), self.payload)
        except (OSError, RuntimeError):  # no second process here: written in this one in finish()
            self.future = None

    def wait(self) -> None:
        """Wait for the worker; errors in it are raised here.

        When the second process could not start or died (an embedding host without a usable
        Python executable, memory), the same workbook is written in this process instead.
        """
        from concurrent.futures.process import BrokenProcessPool

        from .render.split_book import write_by_program_book

        try:
            if self.future is None:
                raise BrokenProcessPool("not started")
            self.future.result()
        except BrokenProcessPool:
            write_by_program_book(str(self.tmp), self.payload)

    def finish(self, target: Path, notices: list[str]) -> Path:
        """Put the written workbook at ``target`` (or a fallback name beside it, noted)."""
        try:
            return atomic_write(target, lambda tmp: os.replace(self.tmp, tmp))
        except OutputLockedError as exc:
            notices.append(str(exc))
            return Path(exc.fallback)

    def close(self) -> None:
        """Stop the worker and remove its temporary file if it is still there."""
        if self.future is not None:
            self.future.cancel()
        if self.pool is not None:
            self.pool.shutdown(wait=True)
        self.tmp.unlink(missing_ok=True)
