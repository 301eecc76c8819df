"""The only place that strings the steps together and writes files (atomically).

``make_forms()`` → department forms; ``check()`` → findings; ``merge()`` → master workbook.
The CLI and the Excel button both call these and nothing else.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from gyokaku_xl.text import glossary as g
from gyokaku_xl.infra.atomic import atomic_write, output_folder, refuse_file_as_folder
from gyokaku_xl.core.consolidate import ATTENTION_CODES, consolidate
from gyokaku_xl.domain.findings import (Finding, GyokakuError, NothingMergedError, OutputLockedError,
                                        PlanInvalidError, first_error_by_file, title_of)
from gyokaku_xl.infra.gc_pause import paused_gc
from gyokaku_xl.reading.sniff import scan_inbox
from gyokaku_xl.domain.model import Period, Plan
from gyokaku_xl.domain.normalize import key
from gyokaku_xl.reading.parallel import InboxReader
from gyokaku_xl.reading.plan import PlanReadError, PlanResult, plan_from_forms, read_plan
from gyokaku_xl.reading.xlsx import DEFAULT_LIMITS, Limits
from gyokaku_xl.domain.records import MergeResult, Snapshot
from gyokaku_xl.publish.publication import (PublishOutcome, opendata_from_master, publication_title,
                                            publish, write_opendata)
from gyokaku_xl.run.split import SplitBook, SplitWorker
from gyokaku_xl.core.validate import FileReport, RunBudget, meta_period, validate_file

#: progress(done, total, label) — called once per input file.
Progress = Callable[[int, int, str], None]


@dataclass
class FormsOutcome:
    """What ``make_forms`` wrote."""

    paths: list[Path]
    plan_findings: list[Finding] = field(default_factory=list)
    previous: Snapshot | None = None  # the earlier period carried over (None: fresh forms)
    history_findings: list[Finding] = field(default_factory=list)
    history_dir: Path | None = None  # the history folder looked in (None: not used)


def load_plan(plan_path: str | Path,
              reader: Callable[[Path], PlanResult] = read_plan) -> tuple[Plan, list[Finding]]:
    """Read the plan master (with ``reader``) or raise :class:`GyokakuError` with a one-line message."""
    path = Path(plan_path)
    if not path.is_file():
        raise GyokakuError(g.FATAL_PLAN_UNREADABLE.format(path=path, detail="ファイルがありません"))
    try:
        result = reader(path)
    except PlanReadError as exc:
        raise GyokakuError(g.FATAL_PLAN_UNREADABLE.format(path=path, detail=exc.detail)) from None
    if result.plan is None:
        raise PlanInvalidError(g.FATAL_PLAN_INVALID.format(path=path, count=len(result.errors)),
                               sorted(result.findings, key=Finding.sort_key))
    return result.plan, result.findings


def previous_snapshot(plan: Plan, plan_path: Path, period: Period, previous: str | Path | None,
                      history_dir: str | Path | None, use_previous: bool = True,
                      limits: Limits = DEFAULT_LIMITS) -> tuple[Snapshot | None, list[Finding]]:
    """The earlier period a new form carries over: the master ``previous`` when named (it must be
    an earlier master of this plan), else the latest earlier period of the history folder
    (``history_dir`` or the plan master's 「履歴フォルダ」), else none."""
    from gyokaku_xl.reading.history import read_history, read_master
    if previous is not None:
        path = Path(previous)
        if not path.is_file():
            raise GyokakuError(g.FATAL_PREVIOUS_UNUSABLE.format(path=path, detail="ファイルがありません"))
        snapshot, finding = read_master(path, limits)
        if snapshot is None:
            raise GyokakuError(g.FATAL_PREVIOUS_UNUSABLE.format(path=path, detail=finding.message if finding else ""))
        if key(snapshot.plan_name) != key(plan.name):
            raise GyokakuError(g.FATAL_PREVIOUS_UNUSABLE.format(
                path=path, detail=f"別の計画「{snapshot.plan_name}」の集約結果です"))
        if snapshot.period.order_key >= period.order_key:
            raise GyokakuError(g.FATAL_PREVIOUS_UNUSABLE.format(
                path=path, detail=f"{snapshot.period.label} の集約結果で、{period.label} より前の期間ではありません"))
        return snapshot, []
    if not use_previous:
        return None, []
    folder = history_folder(plan, plan_path, history_dir)
    if folder is None:
        return None, []
    if folder.exists() and not folder.is_dir():
        raise GyokakuError(g.FATAL_HISTORY_NOT_FOLDER.format(path=folder))
    snapshots, findings = read_history(folder, plan, period, limits)
    return (snapshots[-1] if snapshots else None), findings


def make_forms(plan_path: str | Path, period: Period, out_dir: str | Path,
               departments: Sequence[str] | None = None, overwrite: bool = False, *,
               previous: str | Path | None = None, history_dir: str | Path | None = None,
               use_previous: bool = True) -> FormsOutcome:
    """Write one prefilled form per department of the plan into ``out_dir``.

    Existing files are never replaced unless ``overwrite``: a folder may already hold forms that
    departments filled in. With a previous period (see :func:`previous_snapshot`) the forms carry
    its texts over; ``use_previous=False`` opts out of the history folder's default.
    """
    from gyokaku_xl.render.forms import form_file_name, write_form

    plan, findings = load_plan(plan_path)
    carried, history_findings = previous_snapshot(plan, Path(plan_path), period, previous,
                                                  history_dir, use_previous)
    folder = history_folder(plan, Path(plan_path), history_dir) if previous is None and use_previous else None
    out = output_folder(out_dir, "調査票")
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
        atomic_write(target, lambda tmp, d=department: write_form(tmp, plan, period, d, carried))
        paths.append(target)
    from gyokaku_xl.core.checks import outside_plan_period
    return FormsOutcome(paths, findings + outside_plan_period(plan, period), carried, history_findings, folder)


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
    opendata_paths: list[Path] = field(default_factory=list)
    history_dir: Path | None = None  # the history folder used (None: no history)
    archive: Path | None = None  # where this run's master was archived

    @property
    def history(self) -> list[Snapshot]:
        """The earlier periods read from the history folder, oldest first (the result's)."""
        return self.result.history

    @property
    def periods_read(self) -> int:
        """How many earlier periods the history gave (0 without history)."""
        return len(self.history)

    @property
    def previous(self) -> Snapshot | None:
        """The latest earlier period read from the history (前期), None without history."""
        return self.history[-1] if self.history else None
    by_program_book: Path | None = None  # 資料1-3 as its own workbook (large plans)

    @property
    def exit_code(self) -> int:
        """0 when every input is valid (warnings allowed), 1 when some input was rejected or
        fewer than half of the plan's 取組 could be merged."""
        return 1 if any(f.is_error or f.code in ATTENTION_CODES for f in self.result.findings) else 0

    def summary_lines(self) -> list[str]:
        """The short Japanese summary the console and the Excel button show."""
        from gyokaku_xl.app.summary_lines import summary_lines
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
        raise GyokakuError(g.FATAL_PERIOD_UNKNOWN, findings=_why_no_period(reports))
    ranked = periods.most_common()
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        names = "、".join(p.label for p, _ in ranked)
        raise GyokakuError(f"調査票の報告期間がそろっていません（{names}）。--year と --period を指定してください。")
    return ranked[0][0]


def _why_no_period(reports: list[FileReport]) -> list[Finding]:
    """For each file, why it gave no reporting period: its errors, or its unreadable 報告年度・期間."""
    from gyokaku_xl.core.checks import FileContext, check_fiscal_year, check_period

    found: list[Finding] = []
    for r in reports:
        errors = [f for f in r.findings if f.is_error]
        if not errors and r.form is not None:
            ctx = FileContext(plan=None, form=r.form)  # type: ignore[arg-type] - rules need no plan
            errors = [f for rule in (check_fiscal_year, check_period) for f in rule(ctx)]
        found.extend(errors)
    return sorted(found, key=Finding.sort_key)


def _document_date(reports: list[FileReport]) -> str:
    times = [r.modified for r in reports if r.modified and not r.rejected]
    return max(times) if times else ""


def validate_inbox(inbox: str | Path, plan_path: str | Path | None = None,
                   period: Period | None = None, progress: Progress | None = None,
                   limits: Limits = DEFAULT_LIMITS, parallel_from: int | None = None,
                   after_reading: Callable[[Plan, int], None] | None = None,
                   ) -> tuple[MergeResult, Path | None, list[str]]:
    """Read and validate every file of an inbox and consolidate the accepted rows.

    From ``parallel_from`` readable files (default :data:`~gyokaku_xl.reading.parallel.PARALLEL_FROM`),
    the plan master and the forms are read by worker processes; the result is the same.
    ``after_reading(plan, rows_read)`` is called once everything is read, before validation.
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
    exclude = [resolved_plan] if resolved_plan is not None else []
    entries = scan_inbox(inbox, exclude=exclude)
    reports: list[FileReport] = []
    budget = RunBudget(limits)
    plan_file = resolved_plan if resolved_plan is not None and resolved_plan.is_file() else None
    if not any(not e.skipped for e in entries):
        if resolved_plan is not None:
            load_plan(resolved_plan)  # a plan that cannot be used is said first
        raise GyokakuError(g.FATAL_INBOX_EMPTY.format(path=inbox))
    with InboxReader(entries, limits, plan_file, parallel_from) as reader:
        for report in reader.reports(progress):  # the forms need no plan: the plan's worker joins in
            budget.admit(report)
            reports.append(report)
        if resolved_plan is not None:
            plan, plan_findings = load_plan(resolved_plan, reader.read_plan)
            if plan_path is None:
                notices.append(f"計画マスタとして「{resolved_plan}」を使用しました。")
    if period is None:
        period = _infer_period(reports)
    completeness_checked = plan is not None
    if plan is None:
        plan = plan_from_forms([r.form for r in reports if r.form is not None])
        notices.append(g.MESSAGES["completeness-unchecked"])
    if after_reading is not None:
        after_reading(plan, sum(r.rows_read for r in reports))
    for report in reports:
        validate_file(report, plan, period, plan_checked=completeness_checked,
                      max_findings=budget.findings_left)
        budget.admit_findings(report)
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
    from gyokaku_xl.render.annotated import annotate_copies
    outcome.annotated, notices = annotate_copies(outcome.result.findings, _source_paths(inbox), annotate_dir)
    outcome.notices.extend(notices)


def write_plan_report(report: str | Path, findings: list[Finding], plan: str | Path | None) -> Path:
    """A 検証結果 of the plan master itself (its findings only), written atomically."""
    from gyokaku_xl.render.master import write_findings_report
    target = Path(report)
    sources = {Path(plan).name: str(plan)} if plan is not None else {}
    return atomic_write(target, lambda tmp: write_findings_report(tmp, findings, target.resolve().parent,
                                                                   sources))


@paused_gc()
def check(inbox: str | Path, plan_path: str | Path | None = None, period: Period | None = None,
          report: str | Path | None = None, annotate: str | Path | None = None,
          progress: Progress | None = None, limits: Limits = DEFAULT_LIMITS) -> RunOutcome:
    """Validate an inbox without consolidating; optionally write a report and annotated copies."""
    _check_annotate_dir(inbox, annotate)
    try:
        result, used_plan, notices = validate_inbox(inbox, plan_path, period, progress, limits)
    except PlanInvalidError as exc:  # the report then holds the plan's own findings
        if report is not None:
            exc.report = write_plan_report(report, exc.findings, plan_path or find_plan(Path(inbox)))
        raise
    outcome = RunOutcome("check", result, plan_path=used_plan, notices=notices)
    if report is not None:
        from gyokaku_xl.render.master import write_check_report
        target = Path(report)
        outcome.report = atomic_write(target, lambda tmp: write_check_report(
            tmp, result, target.resolve().parent, _source_paths(Path(inbox))))
    if annotate is not None:
        _annotate(outcome, Path(inbox), Path(annotate))
    return outcome


def nothing_merged_message(result: MergeResult, target: Path) -> str:
    """Why no master was written: every rejected file's first error, counted by its title."""
    reasons = Counter(title_of(f.code) for f in first_error_by_file(result.findings).values())
    parts = "、".join(g.NOTHING_MERGED_REASON.format(title=t, count=n) for t, n in reasons.most_common())
    codes = {f.code for f in first_error_by_file(result.findings).values()}
    hint = g.NOTHING_MERGED_PERIOD_HINT if codes & {"year-mismatch", "period-mismatch"} else ""
    action = g.NOTHING_MERGED_KEPT if target.exists() else g.NOTHING_MERGED_NOT_CREATED
    return g.FATAL_NOTHING_MERGED.format(path=target, action=action, hint=hint,
                                         reasons=parts or g.MESSAGES["no-rows"].rstrip("。"))


def history_folder(plan: Plan, plan_path: Path | None, history_dir: str | Path | None) -> Path | None:
    """The history folder: ``history_dir`` when given, else the plan master's 「履歴フォルダ」 setting
    (relative to the plan master's folder); None when neither names one."""
    if history_dir is not None and str(history_dir) != "":
        return Path(history_dir)
    setting = plan.settings.get(g.SETTING_HISTORY_DIR, "") if plan_path is not None else ""
    if not setting:
        return None
    folder = Path(setting)
    return folder if folder.is_absolute() else Path(plan_path).parent / folder  # type: ignore[arg-type]


def _read_history(outcome: RunOutcome, folder: Path, exclude: Path, limits: Limits,
                  sources: dict[str, str]) -> list[Snapshot]:
    """Read the history into the outcome; its findings join the result's, with links to the files."""
    from gyokaku_xl.reading.history import read_history
    if folder.exists() and not folder.is_dir():
        raise GyokakuError(g.FATAL_HISTORY_NOT_FOLDER.format(path=folder))
    result = outcome.result
    snapshots, findings = read_history(folder, result.plan, result.period, limits, exclude=[exclude])
    result.findings = result.findings + sorted(findings, key=Finding.sort_key)
    for f in findings:
        if f.file and (folder / f.file).is_file():
            sources.setdefault(f.file, str(folder / f.file))
    outcome.history_dir = folder
    result.history = snapshots
    return snapshots


def _archive(outcome: RunOutcome) -> None:
    from gyokaku_xl.reading.history import archive_master
    if outcome.history_dir is None or outcome.output is None:
        return
    try:
        outcome.archive = archive_master(outcome.output, outcome.history_dir, outcome.result.period)
    except GyokakuError as exc:
        outcome.notices.append(str(exc))


@paused_gc()
def merge(inbox: str | Path, output: str | Path, *, plan_path: str | Path | None = None,
          period: Period | None = None, annotate: str | Path | None = None, pdf: bool = False,
          progress: Progress | None = None, opendata: str | Path | None = None,
          history_dir: str | Path | None = None, limits: Limits = DEFAULT_LIMITS) -> RunOutcome:
    """Validate, consolidate and write the master workbook (atomically); optionally the PDF and
    the open data (CSV and .xlsx of 資料1-2) into the folder ``opendata``.

    With a history folder (``history_dir``, else the plan master's 「履歴フォルダ」), the earlier
    periods' masters there are read and passed to the master, and the new master is archived
    there as the period's one archive file.

    Raises :class:`GyokakuError` when nothing could be done, :class:`NothingMergedError` (with
    ``.outcome``, nothing written) when no row could be accepted, and :class:`OutputLockedError`
    (with ``.outcome``) when the target is open elsewhere and the master was saved under another name.
    Above the split threshold, the second process that writes 資料1-3 is started as soon as the rows
    read show it will be needed (:class:`~gyokaku_xl.run.split.SplitWorker`).
    """
    _check_annotate_dir(inbox, annotate)
    refuse_file_as_folder(opendata, "オープンデータ")
    started: list[SplitWorker] = []

    def start_split_worker(plan: Plan, rows_read: int) -> None:
        worker = SplitWorker.if_likely(plan, rows_read)
        if worker is not None:
            started.append(worker)
    try:
        result, used_plan, notices = validate_inbox(inbox, plan_path, period, progress, limits,
                                                    after_reading=start_split_worker)
        return _write_merge(result, used_plan, notices, inbox, output, annotate, pdf, opendata, history_dir,
                            limits, started[0] if started else None)
    finally:
        for worker in started:
            worker.close()


def _write_merge(result: MergeResult, used_plan: Path | None, notices: list[str], inbox: str | Path,
                 output: str | Path, annotate: str | Path | None, pdf: bool, opendata: str | Path | None,
                 history_dir: str | Path | None, limits: Limits, worker: "SplitWorker | None") -> RunOutcome:
    """:func:`merge` once the inbox is validated: the master (and the split 資料1-3), then the rest."""
    from gyokaku_xl.render.master import write_master
    from gyokaku_xl.render.split_book import is_split, split_path

    outcome = RunOutcome("merge", result, plan_path=used_plan, notices=notices)
    target = Path(output)
    if target.is_dir():
        raise GyokakuError(f"「{target}」はフォルダです。集約結果のファイル名（例：{target / g.MASTER_FILE_NAME}）を指定してください。")
    if target.suffix.lower() != ".xlsx":
        raise GyokakuError(f"出力ファイル「{target}」の拡張子は .xlsx にしてください。")
    if not result.records:
        error = NothingMergedError(nothing_merged_message(result, target))
        error.outcome = outcome
        raise error
    sources = _source_paths(Path(inbox))
    folder = history_folder(result.plan, used_plan, history_dir)
    if folder is not None:
        _read_history(outcome, folder, target, limits, sources)
    split = SplitBook(result, target, worker) if is_split(result) else None
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
            _archive(outcome)
            raise
        if split is not None:
            outcome.by_program_book = split.finish(split_path(outcome.output), outcome.notices)
        elif split_path(target).is_file():
            outcome.notices.append(g.SPLIT_NOTICE_STALE.format(path=split_path(target)))
    finally:
        if split is not None:
            split.close()
    _archive(outcome)
    if annotate is not None:
        _annotate(outcome, Path(inbox), Path(annotate))
    if opendata is not None:
        from gyokaku_xl.publish.opendata import rows_from_result
        outcome.opendata_paths = write_opendata(result.period, rows_from_result(result), opendata,
                                                publication_title(result.plan.name, result.period))
    if pdf:
        from gyokaku_xl.publish.pdf import export_publication
        for book in (outcome.output, outcome.by_program_book):
            if book is not None:
                export = export_publication(book)
                outcome.pdf_paths += export.paths
                outcome.notices.extend(n for n in export.notices() if n not in outcome.notices)
    return outcome
