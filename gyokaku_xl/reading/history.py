"""The history folder: earlier periods' masters of the same plan, read back as period snapshots.

Storage is the masters themselves (``令和3年度上半期_集約結果.xlsx`` …) in a folder the office
already keeps on its shared drive: no database, nothing to migrate, every period can be opened in
Excel. A master is recognised by the identity it carries in its custom document properties (plan
name, fiscal year, period, toolkit version; see :func:`gyokaku_xl.render.master.master_identity`),
never by its file name, and read with the same guarded reader as department forms: it is still a
file on a shared drive. Every file that is not used says why as a finding (情報 / 警告), none
stops the run.

Masters written before identities existed are read when their 「集約データ」 has the needed columns
and their 「資料1-1」 title names the plan and the period (both written by this toolkit).

The index file (:data:`gyokaku_xl.text.HISTORY_INDEX_NAME`) in the folder is a derived cache:
the snapshots already read, keyed by each master's SHA-256, so that a merge does not parse every
earlier master again. It holds nothing the masters do not; a damaged, foreign or outdated index is
ignored and rewritten, and deleting it only costs one slower run.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from gyokaku_xl import text as g
from gyokaku_xl.domain import schema
from gyokaku_xl.infra.atomic import atomic_write
from gyokaku_xl.domain.findings import INFO, WARNING, Finding, GyokakuError, OutputLockedError, make
from gyokaku_xl.domain.model import Period, PeriodError, Plan, parse_fiscal_year, parse_period
from gyokaku_xl.domain.normalize import clean, key, label_key
from gyokaku_xl.domain.tokens import LEGACY_SUBTITLE, PERSPECTIVE_NUMBER
from gyokaku_xl.infra.oserror import os_error_text
from gyokaku_xl.domain.limits import DEFAULT_LIMITS, Limits
from gyokaku_xl.reading.xlsx import ReadError, read_workbook
from gyokaku_xl.domain.cells import SheetData, WorkbookData
from gyokaku_xl.domain.records import Snapshot, SnapshotRow
from gyokaku_xl.domain.revisions import PlanEntry

#: File name endings read as workbooks (anything else in the folder is not looked at).
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
#: Name prefixes of Excel/LibreOffice lock files and of half-written temporary files.
_TEMP_PREFIXES = ("~$", ".~lock.", ".~tmp-")

#: 集約データ header → snapshot field. The first four are needed; texts may be absent in old masters.
_NEEDED = {
    schema.COLUMNS_BY_KEY["initiative_id"].label: "initiative_id",
    schema.COLUMNS_BY_KEY["status"].label: "status",
    g.COL_DEPARTMENT: "department",
    g.COL_PROGRAM_NUMBER: "program",
}
_TEXTS = {
    schema.COLUMNS_BY_KEY["progress"].label: "progress",
    schema.COLUMNS_BY_KEY["next_steps"].label: "next_steps",
    schema.COLUMNS_BY_KEY["delay_reason"].label: "delay_reason",
    schema.COLUMNS_BY_KEY["fiscal_effect"].label: "fiscal_effect",
}
#: Names as the master wrote them (for the Python API's tables; not needed to compare periods).
_NAMES = {
    schema.COLUMNS_BY_KEY["initiative"].label: "initiative_name",
    schema.COLUMNS_BY_KEY["program"].label: "program_name",
}
_PERSPECTIVE_LABEL = schema.COLUMNS_BY_KEY["perspective"].label
_PERSPECTIVE_NUMBER = re.compile(PERSPECTIVE_NUMBER)
_LEGACY_SUBTITLE = re.compile(LEGACY_SUBTITLE)


def archive_name(period: Period) -> str:
    """``令和3年度上半期_集約結果.xlsx``: the one archive file of a period."""
    return g.HISTORY_ARCHIVE_NAME.format(period=period.file_label)


@dataclass
class _Candidate:
    path: Path
    snapshot: Snapshot
    mtime: float


def read_history(folder: str | Path, plan: Plan | None, current: Period | None, limits: Limits = DEFAULT_LIMITS,
                 exclude: Iterable[str | Path] = (), use_index: bool = True) -> tuple[list[Snapshot], list[Finding]]:
    """The snapshots of the plan's periods before ``current`` found in ``folder``, oldest first.

    ``plan`` None takes the masters of every plan, ``current`` None every period (one snapshot per
    plan and period, ordered by period, then plan name: what the Python API's tables show).
    Files in ``exclude`` (the run's own output) are not looked at. A missing folder is an empty
    history. Returns the snapshots and a finding for every workbook that was not used. With
    ``use_index`` the folder's index answers for masters read before (same SHA-256) and is
    brought up to date (best effort: a folder that cannot be written is no error).
    """
    folder = Path(folder)
    findings: list[Finding] = []
    if not folder.is_dir():
        return [], findings
    skip = {_identity(Path(p)) for p in exclude}
    try:
        with os.scandir(folder) as it:
            names = sorted((e.name for e in it if e.is_file()), key=lambda n: (unicodedata.normalize("NFC", n), n))
    except OSError as exc:
        findings.append(make("history-unreadable", WARNING, file=str(folder),
                             detail=os_error_text(exc)))
        return [], findings
    by_period: dict[tuple[str, Period], list[_Candidate]] = {}
    own_archive = archive_name(current) if current is not None else None
    index = _load_index(folder, limits) if use_index else {}
    kept: dict[str, dict] = {}
    for name in names:
        path = folder / name
        if not name.lower().endswith(WORKBOOK_SUFFIXES) or name.startswith(_TEMP_PREFIXES):
            continue
        if _identity(path) in skip:
            continue
        digest = _digest(path, limits) if use_index else None
        cached = index.get(digest) if digest else None
        snapshot, finding = _from_entry(cached, path) if cached else read_master(path, limits)
        if digest and snapshot is not None:
            kept[digest] = cached or _entry(snapshot, finding)
        if finding is not None:
            findings.append(finding)
        if snapshot is None:
            continue
        period = snapshot.period
        if plan is not None and key(snapshot.plan_name) != key(plan.name):
            findings.append(make("history-other-plan", INFO, file=name, value=snapshot.plan_name,
                                 plan=plan.name))
        elif current is not None and period.order_key > current.order_key:
            findings.append(make("history-later-period", WARNING, file=name, period=period.label,
                                 current=current.label))
        elif current is not None and period == current:
            if name != own_archive:  # the run's own archive is replaced silently
                findings.append(make("history-same-period", INFO, file=name, period=period.label,
                                     archive=own_archive))
        else:
            try:
                mtime = path.stat().st_mtime
            except OSError:
                mtime = 0.0
            by_period.setdefault((key(snapshot.plan_name), period), []).append(_Candidate(path, snapshot, mtime))
    snapshots = []
    for plan_key, period in sorted(by_period, key=lambda k: (k[1].order_key, k[0])):
        ranked = sorted(by_period[plan_key, period], key=lambda c: (c.path.name != archive_name(period),
                                                                    -c.mtime, c.path.name))
        chosen = ranked[0]
        for other in ranked[1:]:
            findings.append(make("history-duplicate-period", WARNING, file=other.path.name,
                                 period=period.label, chosen=chosen.path.name))
        snapshots.append(chosen.snapshot)
    if use_index and kept != index:
        _save_index(folder, kept)
    return snapshots, findings


# --- the index (a derived cache) -----------------------------------------------------------------
_INDEX_FORMAT = "gyokaku_history_index"
#: Bump when what a snapshot holds or how a master is read changes: older indexes are then ignored.
INDEX_VERSION = 3
_ENTRY_FIELDS = ("initiative_id", "program", "name", "department")
_ROW_FIELDS = ("initiative_id", "program", "perspective", "department", "status", "progress",
               "next_steps", "delay_reason", "fiscal_effect", "initiative_name", "program_name",
               "perspective_label")


def _digest(path: Path, limits: Limits) -> str | None:
    """SHA-256 of a regular file within the size limit (None otherwise: the reader says why)."""
    from gyokaku_xl.reading.sniff import open_regular
    try:
        with open_regular(path) as fh:
            if os.fstat(fh.fileno()).st_size > limits.max_file_bytes:
                return None
            h = hashlib.sha256()
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
            return h.hexdigest()
    except OSError:
        return None


def _entry(snapshot: Snapshot, note: Finding | None) -> dict:
    return {"plan": snapshot.plan_name, "fiscal_year": snapshot.period.fiscal_year,
            "half": snapshot.period.half, "legacy": note is not None,
            "rows": [[getattr(r, f) for f in _ROW_FIELDS] for r in snapshot.rows],
            "entries": [[getattr(e, f) for f in _ENTRY_FIELDS] for e in snapshot.plan]}


def _from_entry(entry: dict, path: Path) -> tuple[Snapshot, Finding | None]:
    period = Period(entry["fiscal_year"], entry["half"])
    rows = tuple(SnapshotRow(**dict(zip(_ROW_FIELDS, row))) for row in entry["rows"])
    note = make("history-legacy", INFO, file=path.name, sheet=g.SHEET_SUMMARY,
                period=period.label) if entry["legacy"] else None
    entries = tuple(PlanEntry(*e) for e in entry["entries"])
    return Snapshot(entry["plan"], period, rows, str(path), entries), note


def _valid_entry(entry: object) -> bool:
    if not isinstance(entry, dict) or set(entry) != {"plan", "fiscal_year", "half", "legacy", "rows", "entries"}:
        return False
    if not (isinstance(entry["plan"], str) and type(entry["fiscal_year"]) is int
            and entry["half"] in g.PERIODS and isinstance(entry["legacy"], bool)
            and isinstance(entry["rows"], list)):
        return False
    if not (isinstance(entry["entries"], list) and all(
            isinstance(e, list) and len(e) == len(_ENTRY_FIELDS) and all(isinstance(v, str) for v in e)
            for e in entry["entries"])):
        return False
    kinds = (str, str, int, str, str, str, str, str, (int, type(None)), str, str, str)
    return all(isinstance(row, list) and len(row) == len(kinds)
               and all(isinstance(v, k) and not isinstance(v, bool) for v, k in zip(row, kinds))
               for row in entry["rows"])


def _load_index(folder: Path, limits: Limits) -> dict[str, dict]:
    """The index's entries (SHA-256 → snapshot data); empty when absent, damaged or outdated."""
    from gyokaku_xl.reading.sniff import open_regular
    try:
        with open_regular(folder / g.HISTORY_INDEX_NAME) as fh:
            raw = fh.read(limits.max_file_bytes + 1)
        if len(raw) > limits.max_file_bytes:
            return {}
        data = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    if not (isinstance(data, dict) and data.get("format") == _INDEX_FORMAT
            and data.get("version") == INDEX_VERSION and isinstance(data.get("entries"), dict)):
        return {}
    return {k: v for k, v in data["entries"].items()
            if isinstance(k, str) and re.fullmatch(r"[0-9a-f]{64}", k) and _valid_entry(v)}


def _save_index(folder: Path, entries: dict[str, dict]) -> None:
    """Write the index atomically; a folder that cannot be written is left as it is."""
    data = {"format": _INDEX_FORMAT, "version": INDEX_VERSION, "note": g.HISTORY_INDEX_NOTE,
            "entries": dict(sorted(entries.items()))}
    text = json.dumps(data, ensure_ascii=False, indent=1)
    try:
        atomic_write(folder / g.HISTORY_INDEX_NAME, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    except OutputLockedError as exc:
        Path(exc.fallback).unlink(missing_ok=True)
    except (GyokakuError, OSError):
        pass


def read_master(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> tuple[Snapshot | None, Finding | None]:
    """One master read back as a snapshot, or None with the finding that says why not.

    A snapshot may come with an 情報 finding (a master of an earlier release read by its title).
    """
    path = Path(path)
    name = path.name
    try:
        book = read_workbook(path, [g.SHEET_DATA, g.SHEET_PLAN_RECORD], limits)
        props = book.custom_properties
        if props.get(schema.PROP_MASTER_KIND) != schema.PROP_MASTER_KIND_VALUE and \
                g.SHEET_SUMMARY in book.sheet_names:  # perhaps an earlier release's master
            book = read_workbook(path, [g.SHEET_DATA, g.SHEET_SUMMARY, g.SHEET_PLAN_RECORD], limits)
    except ReadError as exc:
        return None, make("history-unreadable", WARNING, file=name, detail=exc.detail())
    except OSError as exc:
        return None, make("history-unreadable", WARNING, file=name, detail=os_error_text(exc))
    note: Finding | None = None
    if props.get(schema.PROP_MASTER_KIND) == schema.PROP_MASTER_KIND_VALUE:
        plan_name = props.get(schema.PROP_PLAN, "")
        try:
            period = Period(parse_fiscal_year(props.get(schema.PROP_FISCAL_YEAR, "")),
                            parse_period(props.get(schema.PROP_PERIOD, "")))
        except PeriodError:
            value = f"{props.get(schema.PROP_FISCAL_YEAR, '')} {props.get(schema.PROP_PERIOD, '')}".strip()
            return None, make("history-bad-period", WARNING, file=name, value=value)
    else:
        legacy = _legacy_identity(book)
        if legacy is None:
            return None, make("history-not-master", INFO, file=name)
        plan_name, period = legacy
        note = make("history-legacy", INFO, file=name, sheet=g.SHEET_SUMMARY, period=period.label)
    data = book.sheets.get(g.SHEET_DATA)
    if data is None:
        return None, make("history-columns-missing", WARNING, file=name, sheet=g.SHEET_DATA,
                          expected=g.SHEET_DATA)
    rows, missing = _data_rows(data)
    if missing:
        return None, make("history-columns-missing", WARNING, file=name, sheet=g.SHEET_DATA,
                          expected=g.SEP_DOT.join(missing))
    return Snapshot(plan_name, period, tuple(rows), str(path), _plan_entries(book.sheets.get(g.SHEET_PLAN_RECORD))), note


def _identity(path: Path) -> str:
    try:
        return os.path.normcase(str(path.resolve()))
    except (OSError, RuntimeError):
        return os.path.normcase(os.path.abspath(path))


def _legacy_identity(book: WorkbookData) -> tuple[str, Period] | None:
    """Plan name and period of a master written before identities: from the 資料1-1 title lines."""
    summary = book.sheets.get(g.SHEET_SUMMARY)
    if (book.core_properties.get("creator") != g.PRODUCT_NAME or summary is None
            or g.SHEET_DATA not in book.sheets):
        return None
    for (row, col), cell in sorted(summary.cells.items()):
        if row > 10 or not isinstance(cell.value, str):
            continue
        m = _LEGACY_SUBTITLE.match(clean(cell.value))
        if not m:
            continue
        try:
            period = Period(parse_fiscal_year(m.group(1)), parse_period(m.group(2)))
        except PeriodError:
            continue
        title = summary.value(row - 1, col)
        return clean(title), period
    return None


def _data_rows(sheet: SheetData) -> tuple[list[SnapshotRow], list[str]]:
    """The rows of 「集約データ」 (header in row 1, found by label) and the needed headers missing."""
    columns: dict[str, int] = {}
    wanted = {label_key(label): field for label, field in {**_NEEDED, **_TEXTS, **_NAMES}.items()}
    perspective_number = perspective_label = None
    for (row, col), cell in sheet.cells.items():
        if row != 1 or not isinstance(cell.value, str):
            continue
        k = label_key(cell.value)
        if k in wanted:
            columns.setdefault(wanted[k], col)
        elif k == label_key(g.COL_PERSPECTIVE_NUMBER):
            perspective_number = col
        elif k == label_key(_PERSPECTIVE_LABEL):
            perspective_label = col
    missing = [label for label, field in _NEEDED.items() if field not in columns]
    if perspective_number is None and perspective_label is None:
        missing.append(g.COL_PERSPECTIVE_NUMBER)
    if missing:
        return [], missing
    rows = []
    for row in sheet.rows():
        if row == 1:
            continue
        initiative_id = clean(sheet.value(row, columns["initiative_id"]))
        if not initiative_id:
            continue
        values = {f: sheet.value(row, c) for f, c in columns.items()}
        rows.append(SnapshotRow(
            initiative_id=initiative_id, program=clean(values["program"]),
            perspective=_perspective(sheet, row, perspective_number, perspective_label),
            department=clean(values["department"]), status=clean(values["status"]),
            progress=_text(values.get("progress")), next_steps=_text(values.get("next_steps")),
            delay_reason=_text(values.get("delay_reason")),
            fiscal_effect=_amount(values.get("fiscal_effect")),
            initiative_name=clean(values.get("initiative_name")), program_name=clean(values.get("program_name")),
            perspective_label=clean(sheet.value(row, perspective_label)) if perspective_label is not None else ""))
    return rows, []


def _plan_entries(sheet: SheetData | None) -> tuple[PlanEntry, ...]:
    """The hidden 「計画の取組」 of a master (header in row 1, found by label): the plan it was made
    with; empty when the master has none (an earlier release) or its header is not whole."""
    if sheet is None:
        return ()
    wanted = {label_key(label): n for n, label in enumerate(g.PLAN_RECORD_HEADERS)}
    columns: dict[int, int] = {}
    for (row, col), cell in sheet.cells.items():
        if row == 1 and isinstance(cell.value, str) and label_key(cell.value) in wanted:
            columns.setdefault(wanted[label_key(cell.value)], col)
    if len(columns) != len(wanted):
        return ()
    entries = []
    for row in sheet.rows():
        values = [clean(sheet.value(row, columns[n])) for n in range(len(wanted))]
        if row > 1 and values[0]:
            entries.append(PlanEntry(*values))
    return tuple(entries)


def _perspective(sheet: SheetData, row: int, number_col: int | None, label_col: int | None) -> int:
    if number_col is not None:
        value = sheet.value(row, number_col)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer():
            return int(value)
        text = clean(value)
        if text.isdigit():
            return int(text)
    if label_col is not None:
        m = _PERSPECTIVE_NUMBER.match(clean(sheet.value(row, label_col)))
        if m:
            return int(m.group(1))
    return 0


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _amount(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def previous_of(snapshots: Iterable[Snapshot]) -> Snapshot | None:
    """The latest snapshot (the 前期 of the current run), None for an empty history."""
    ordered = sorted(snapshots, key=lambda s: s.period.order_key)
    return ordered[-1] if ordered else None


__all__ = ["read_history", "read_master", "archive_name", "previous_of"]
