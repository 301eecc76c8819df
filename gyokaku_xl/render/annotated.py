"""Annotated copies of department files: a first sheet 「指摘一覧」, offending cells highlighted,
the message as a comment.

The originals are never touched: each copy is loaded from the original and saved (atomically) under
the same name in another folder, ready to send back to the department.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Iterable

from gyokaku_xl.text import glossary as g
from gyokaku_xl.infra.atomic import atomic_write
from gyokaku_xl.domain.findings import Finding, GyokakuError
from gyokaku_xl.infra.oserror import library_text

#: Findings that mean the file could not be read safely: such files are never opened again.
UNREADABLE_CODES = frozenset({"not-excel", "empty-file", "corrupt-zip", "encrypted", "legacy-xls", "lock-file",
                              "file-too-large", "zip-bomb", "xml-forbidden", "sheet-too-large",
                              "read-failed"})
#: Fills far from the form's pale-yellow input cells (FFFBE6) and from each other; on a grey-scale
#: printout the error's thick border and the warning's dashed one still tell them apart.
FILL = {g.SEVERITY_ERROR: "FF8F8F", g.SEVERITY_WARNING: "FFB45C", g.SEVERITY_INFO: "9DC3E6"}
BORDER = {g.SEVERITY_ERROR: ("medium", "C00000"), g.SEVERITY_WARNING: ("mediumDashed", "9C5700"),
          g.SEVERITY_INFO: ("thin", "2F5597")}
AUTHOR = "取りまとめ課（gyokaku_xl）"


#: Suffix of annotated copies, so they never replace a form of the same name.
COPY_SUFFIX = "_指摘"


def copy_name(file: str) -> str:
    """``財政課.xlsx`` → ``財政課_指摘.xlsx``."""
    path = Path(file)
    return f"{path.stem}{COPY_SUFFIX}{path.suffix}"


def annotatable(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    """File name → its findings, for files that were read and have an error or a warning."""
    by_file: dict[str, list[Finding]] = defaultdict(list)
    unreadable = set()
    for f in findings:
        if not f.file:
            continue
        if f.code in UNREADABLE_CODES:
            unreadable.add(f.file)
        by_file[f.file].append(f)
    return {k: v for k, v in by_file.items() if k not in unreadable
            and any(f.severity in (g.SEVERITY_ERROR, g.SEVERITY_WARNING) for f in v)}


def _cell_ok(cell: str) -> bool:
    return bool(cell) and cell[0].isalpha() and cell[-1].isdigit()


def annotate_file(source: Path, target: Path, findings: list[Finding]) -> Path:
    """Write a copy of ``source`` to ``target``: a first sheet 「指摘一覧」 listing every finding,
    and each finding's cell highlighted and commented (findings without a cell are in the list only)."""
    from openpyxl import load_workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Border, PatternFill, Side

    wb = load_workbook(source)
    per_cell: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for f in findings:
        if f.sheet in wb.sheetnames and _cell_ok(f.cell):
            per_cell[(f.sheet, f.cell)].append(f)
    for (sheet, ref), items in sorted(per_cell.items()):
        cell = wb[sheet][ref]
        worst = min(items, key=lambda f: g.SEVERITIES.index(f.severity))
        colour = FILL.get(worst.severity, FILL[g.SEVERITY_WARNING])
        cell.fill = PatternFill("solid", start_color=colour, end_color=colour)
        style, border_colour = BORDER.get(worst.severity, BORDER[g.SEVERITY_WARNING])
        side = Side(style=style, color=border_colour)
        cell.border = Border(left=side, right=side, top=side, bottom=side)
        text = "\n".join(f"【{f.severity}】{f.message}" for f in items)
        comment = Comment(text, AUTHOR)
        comment.width = 320
        comment.height = min(60 + 40 * len(items), 400)
        cell.comment = comment
    from gyokaku_xl.render.annotated_list import add_findings_list
    add_findings_list(wb, Path(source).name, findings, linkable=lambda f: (f.sheet, f.cell) in per_cell)
    atomic_write(target, lambda tmp: wb.save(tmp))
    return target


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
            notices.append(f"「{target}」は提出ファイルのため、指摘付きの写しを作りませんでした。")
            continue
        try:
            written.append(annotate_file(Path(source), target, items))
        except Exception as exc:  # noqa: BLE001 - one copy we cannot make must not stop the run
            detail = str(exc) if isinstance(exc, GyokakuError) else library_text(exc)
            notices.append(f"「{file}」の指摘付きの写しを作れませんでした（{detail}）。")
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
