"""``merge``: validate, consolidate and write the master workbook (atomically), then archive it
in the history folder and write what else was asked for (annotated copies, open data, PDF)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

from gyokaku_xl import text as g
from gyokaku_xl.core.content import master_content
from gyokaku_xl.domain.findings import Finding, GyokakuError, OutputLockedError, first_error_by_file, title_of
from gyokaku_xl.domain.limits import DEFAULT_LIMITS, Limits
from gyokaku_xl.domain.model import Period, Plan
from gyokaku_xl.domain.outcome import RunOutcome
from gyokaku_xl.domain.records import MergeResult
from gyokaku_xl.domain.revisions import sort_changes
from gyokaku_xl.core.revisions import unlogged_changes
from gyokaku_xl.infra.atomic import atomic_write, refuse_file_as_folder
from gyokaku_xl.infra.gc_pause import paused_gc
from gyokaku_xl.infra.guard import Protected, protecting
from gyokaku_xl.publish.opendata import opendata_stem, rows_from_result
from gyokaku_xl.publish.pdf import export_publication
from gyokaku_xl.reading.history import previous_of, read_history
from gyokaku_xl.render.master import write_master
from gyokaku_xl.render.split_book import is_split, split_path
from gyokaku_xl.run.archive import archive_master
from gyokaku_xl.run.check import annotate_into, check_annotate_dir
from gyokaku_xl.run.guard import history_inputs, open_output_notices, refuse_outputs, run_inputs
from gyokaku_xl.run.inbox import Progress, source_paths, validate_inbox
from gyokaku_xl.run.inputs import checked_history_folder, find_plan, history_folder
from gyokaku_xl.run.opinions import earlier_opinion_rows
from gyokaku_xl.run.publish import publication_title, write_opendata, write_opinions_opendata
from gyokaku_xl.run.split import SplitBook, SplitWorker
from gyokaku_xl.run.targets import with_actuals, write_targets_opendata


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

    Raises :class:`GyokakuError` when nothing could be done. When no row could be accepted the
    outcome's ``failure`` says why and nothing is written; when the target is open elsewhere the
    master is saved under another name (``output``) and ``locked`` says so.
    Above the split threshold, the second process that writes 資料1-3 is started as soon as the rows
    read show it will be needed (:class:`~gyokaku_xl.run.split.SplitWorker`).
    """
    check_annotate_dir(inbox, annotate)
    refuse_file_as_folder(opendata, g.RUN_OUTPUT_OPENDATA)
    inputs = run_inputs(plan=plan_path or find_plan(Path(inbox)), inbox=inbox, history=history_dir,
                        master=output)
    refuse_outputs(inputs, files=[output], folders=[annotate, opendata])
    with protecting(inputs):
        return _merge(inbox, Path(output), plan_path, period, annotate, pdf, progress, opendata,
                      history_dir, limits)


def _merge(inbox: str | Path, output: Path, plan_path: str | Path | None, period: Period | None,
           annotate: str | Path | None, pdf: bool, progress: Progress | None,
           opendata: str | Path | None, history_dir: str | Path | None, limits: Limits) -> RunOutcome:
    started: list[SplitWorker] = []

    def start_split_worker(plan: Plan, rows_read: int) -> None:
        worker = SplitWorker.if_likely(plan, rows_read)
        if worker is not None:
            started.append(worker)
    try:
        result, used_plan, notices = validate_inbox(inbox, plan_path, period, progress, limits,
                                                    after_reading=start_split_worker)
        outcome = RunOutcome("merge", result, plan_path=used_plan, notices=notices, inbox=Path(inbox))
        target = _checked_target(Path(output))
        if not result.records:
            outcome.failure = nothing_merged_message(result, target)
            return outcome
        if opendata is not None:  # the open data's names are known now: never onto the master
            stem = Path(opendata) / opendata_stem(result.period)
            refuse_outputs([Protected(target, g.INPUT_MASTER)],
                           files=[stem.with_name(stem.name + ".csv"), stem.with_name(stem.name + ".xlsx")])
        _write_master(outcome, Path(inbox), target, history_dir, limits, started[0] if started else None)
    finally:
        for worker in started:
            worker.close()
    if not outcome.locked:
        with protecting([Protected(outcome.output, g.INPUT_MASTER)] if outcome.output else []):
            _write_extras(outcome, Path(inbox), annotate, opendata, pdf)
    return outcome


def _checked_target(target: Path) -> Path:
    if target.is_dir():
        raise GyokakuError(g.FATAL_OUTPUT_IS_FOLDER.format(path=target, example=target / g.MASTER_FILE_NAME))
    if target.suffix.lower() != ".xlsx":
        raise GyokakuError(g.FATAL_OUTPUT_NOT_XLSX.format(path=target))
    return target


def _write_master(outcome: RunOutcome, inbox: Path, target: Path, history_dir: str | Path | None,
                  limits: Limits, worker: SplitWorker | None) -> None:
    """The master (and the split 資料1-3, both or neither), then its archive in the history folder."""
    result = outcome.result
    sources = source_paths(inbox)
    folder = history_folder(result.plan, outcome.plan_path, history_dir)
    archives = history_inputs(folder, inbox, target) if folder is not None else []
    refuse_outputs(archives, files=[target])
    with protecting(archives):
        _write_master_protected(outcome, inbox, target, folder, sources, limits, worker)


def _write_master_protected(outcome: RunOutcome, inbox: Path, target: Path, folder: Path | None,
                            sources: dict[str, str], limits: Limits, worker: SplitWorker | None) -> None:
    """:func:`_write_master` once the history folder's archives are protected."""
    result = outcome.result
    if folder is not None:
        _read_history(outcome, folder, target, limits, sources)
    outcome.notices.extend(open_output_notices(target))
    content = outcome.content = master_content(result)  # once: for the master, 資料1-3 and the console
    target_lines = content.targets.lines if content.targets is not None else None
    split = SplitBook(result, target, worker, target_lines) if is_split(result) else None
    try:

        def write(tmp: Path) -> None:
            write_master(tmp, result, content, target.resolve().parent, sources, by_program=split is None)
            if split is not None:  # before the master replaces the old one: both or neither
                split.wait()

        try:
            outcome.output = atomic_write(target, write)
        except OutputLockedError as exc:
            outcome.output = Path(exc.fallback)
            outcome.locked = str(exc)
            outcome.notices.append(str(exc))
        if split is not None:
            outcome.by_program_book = split.finish(split_path(outcome.output), outcome.notices)
        elif split_path(target).is_file() and not outcome.locked:
            outcome.notices.append(g.SPLIT_NOTICE_STALE.format(path=split_path(target)))
    finally:
        if split is not None:
            split.close()
    _archive(outcome)


def _write_extras(outcome: RunOutcome, inbox: Path, annotate: str | Path | None,
                  opendata: str | Path | None, pdf: bool) -> None:
    """What else was asked for once the master is written: annotated copies, open data, PDF."""
    result = outcome.result
    if annotate is not None:
        annotate_into(outcome, inbox, Path(annotate))
    if opendata is not None:
        outcome.opendata_paths = write_opendata(result.period, rows_from_result(result), opendata,
                                                publication_title(result.plan.name, result.period))
        opinions = list(outcome.content.opinions.rows) if outcome.content is not None else []
        outcome.opendata_paths += write_opinions_opendata(result.period, opinions, opendata,
                                                          publication_title(result.plan.name, result.period))
        targets = outcome.content.targets if outcome.content is not None else None
        outcome.opendata_paths += write_targets_opendata(targets, result.plan, opendata,
                                                         publication_title(result.plan.name, result.period))
    if pdf:
        for book in (outcome.output, outcome.by_program_book):
            if book is not None:
                export = export_publication(book)
                outcome.pdf_paths += export.paths
                outcome.notices.extend(n for n in export.notices() if n not in outcome.notices)


def nothing_merged_message(result: MergeResult, target: Path) -> str:
    """Why no master was written: every rejected file's first error, counted by its title."""
    first = first_error_by_file(result.findings).values()
    reasons = Counter(title_of(f.code) for f in first)
    parts = g.SEP_LIST.join(g.NOTHING_MERGED_REASON.format(title=t, count=n) for t, n in reasons.most_common())
    codes = {f.code for f in first}
    hint = g.NOTHING_MERGED_PERIOD_HINT if codes & {"year-mismatch", "period-mismatch"} else ""
    action = g.NOTHING_MERGED_KEPT if target.exists() else g.NOTHING_MERGED_NOT_CREATED
    return g.FATAL_NOTHING_MERGED.format(path=target, action=action, hint=hint,
                                         reasons=parts or g.MESSAGES["no-rows"].rstrip(g.FULL_STOP))


def _read_history(outcome: RunOutcome, folder: Path, exclude: Path, limits: Limits,
                  sources: dict[str, str]) -> None:
    """Read the history into the outcome; its findings join the result's, with links to the files."""
    result = outcome.result
    snapshots, findings = read_history(checked_history_folder(folder), result.plan, result.period, limits,
                                       exclude=[exclude])
    snapshots, target_findings = with_actuals(snapshots, result.plan, limits)
    findings = findings + target_findings
    result.findings = result.findings + sorted(findings, key=Finding.sort_key)
    for f in findings:
        if f.file and (folder / f.file).is_file():
            sources.setdefault(f.file, str(folder / f.file))
    outcome.history_dir = folder
    result.history = snapshots
    result.earlier_opinions = earlier_opinion_rows(snapshots, limits)
    _unlogged_changes(outcome)


def _unlogged_changes(outcome: RunOutcome) -> None:
    """Compare the previous period's plan with this one: what changed without a 「計画の変更」 line is
    a finding, and joins the plan's changes (marked as found) for the sheets that follow them."""
    result = outcome.result
    previous = previous_of(result.history)
    if previous is None or outcome.plan_path is None:
        return
    findings, detected = unlogged_changes(result.plan, previous, result.period, Path(outcome.plan_path).name)
    result.findings = result.findings + findings
    if detected:
        result.plan = replace(result.plan, changes=sort_changes((*result.plan.changes, *detected)))


def _archive(outcome: RunOutcome) -> None:
    if outcome.history_dir is None or outcome.output is None:
        return
    try:
        outcome.archive = archive_master(outcome.output, outcome.history_dir, outcome.result.period)
    except GyokakuError as exc:
        outcome.archive_failed = str(exc)
        outcome.notices.append(str(exc))
