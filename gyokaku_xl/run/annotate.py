"""Annotated copies of the department files with findings, written into a return folder."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from gyokaku_xl import text as g
from gyokaku_xl.domain.findings import Finding, GyokakuError
from gyokaku_xl.infra.atomic import atomic_write
from gyokaku_xl.infra.oserror import library_text, os_error_text
from gyokaku_xl.infra.stable_zip import stabilise_package
from gyokaku_xl.reading.xlsx import ReadError, read_workbook
from gyokaku_xl.render.annotated import COPY_SUFFIX, annotatable, annotate_workbook, copy_name


def annotate_file(source: Path, target: Path, findings: list[Finding]) -> Path:
    """Write a copy of ``source`` to ``target`` with ``findings`` marked (see
    :func:`~gyokaku_xl.render.annotated.annotate_workbook`); the original is only read. The copy
    keeps the original's saved time and fixed ZIP times: the same inputs give the same bytes."""
    from openpyxl import load_workbook

    wb = load_workbook(source)
    saved = wb.properties.modified  # the department's save time: the copy keeps it (same bytes each run)
    annotate_workbook(wb, Path(source).name, findings)

    def write(tmp: Path) -> None:
        wb.save(tmp)
        stabilise_package(tmp, saved.strftime("%Y-%m-%dT%H:%M:%SZ") if saved is not None else "")
    return atomic_write(target, write)


def annotate_copies(findings: Iterable[Finding], sources: dict[str, str],
                    out_dir: Path) -> tuple[list[Path], list[str]]:
    """Annotated copies of every readable file with errors or warnings.

    Returns the paths written and Japanese notices for copies that could not be made.
    """
    written: list[Path] = []
    notices: list[str] = []
    inputs = {Path(p).resolve() for p in sources.values()}
    to_annotate = annotatable(findings)
    for file, items in sorted(to_annotate.items()):
        source = sources.get(file)
        if not source:
            continue
        target = Path(out_dir) / copy_name(file)
        if target.resolve() in inputs:
            notices.append(g.RUN_ANNOTATE_ONTO_INPUT.format(path=target))
            continue
        try:
            written.append(annotate_file(Path(source), target, items))
        except Exception as exc:  # noqa: BLE001 - one copy we cannot make must not stop the run
            detail = str(exc) if isinstance(exc, GyokakuError) else library_text(exc)
            notices.append(g.RUN_ANNOTATE_FAILED.format(file=file, detail=detail))
    notices.extend(remove_stale_copies(Path(out_dir), {copy_name(f) for f in to_annotate}))
    return written, notices


def remove_stale_copies(out_dir: Path, needed: set[str]) -> list[str]:
    """Remove from ``out_dir`` the copies an earlier check wrote that are not ``needed`` now (their
    file is in order, replaced, or gone), so the folder holds exactly what must go back; a notice for
    each. Only the toolkit's own copies are touched: named ``…_指摘.xlsx`` with 「指摘一覧」 first."""
    if not out_dir.is_dir():
        return []
    notices = []
    for path in sorted(out_dir.iterdir()):
        if path.name in needed or not is_annotated_copy(path):
            continue
        try:
            path.unlink()
        except OSError as exc:
            notices.append(g.ANNOTATE_NOT_REMOVED.format(path=path, file=source_name(path.name),
                                                         detail=os_error_text(exc)))
            continue
        notices.append(g.ANNOTATE_REMOVED.format(path=path, file=source_name(path.name)))
    return notices


def is_annotated_copy(path: Path) -> bool:
    """Whether ``path`` is an annotated copy this toolkit wrote (by its name and its first sheet)."""
    if not (path.is_file() and path.suffix.lower() in (".xlsx", ".xlsm")
            and path.stem.endswith(COPY_SUFFIX) and not path.name.startswith(("~$", ".~"))):
        return False
    try:
        book = read_workbook(path, sheets=[])
    except (ReadError, OSError):
        return False
    return book.sheet_names[:1] == [g.ANNOTATE_SHEET]


def source_name(copy: str) -> str:
    """``財政課_指摘.xlsx`` → ``財政課.xlsx``: the file a copy was made of."""
    path = Path(copy)
    return f"{path.stem[:-len(COPY_SUFFIX)]}{path.suffix}" if path.stem.endswith(COPY_SUFFIX) else copy
