"""Annotated copies of the department files with findings, written into a return folder."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from gyokaku_xl import text as g
from gyokaku_xl.domain.findings import Finding, GyokakuError
from gyokaku_xl.infra.atomic import atomic_write
from gyokaku_xl.infra.oserror import library_text
from gyokaku_xl.infra.stable_zip import stabilise_package
from gyokaku_xl.render.annotated import annotatable, annotate_workbook, copy_name


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
    clean = {f: s for f, s in sources.items() if f not in to_annotate}
    notices.extend(stale_copy_notices(Path(out_dir), clean))
    return written, notices


def stale_copy_notices(out_dir: Path, clean: Iterable[str]) -> list[str]:
    """A notice for each copy left in ``out_dir`` by an earlier check of a file that now has no
    error or warning (``clean``): such a copy is out of date and must not be sent back."""
    if not out_dir.is_dir():
        return []
    return [g.ANNOTATE_STALE_COPY.format(path=out_dir / copy_name(file), file=file)
            for file in sorted(clean) if (out_dir / copy_name(file)).is_file()]
