"""Regenerate ``docs/images/movement.png``: the first pages of 「前期比較」 and 「推移」 side by side.

Run ``python docs/render_movement_image.py`` (needs LibreOffice and poppler's ``pdftoppm``). The
two-period sample workflow of the README is run on ``examples/`` in a temporary folder (the first
period merged into a history folder, then the second period merged against it); the movement
sheets of the resulting master are printed through LibreOffice exactly as a user prints them, and
the two pages are joined into one PNG (standard library only: PPM pages in, PNG out).
"""

from __future__ import annotations

import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from gyokaku_xl import text as g  # noqa: E402
from gyokaku_xl.publish import pdf  # noqa: E402

TARGET = ROOT / "docs" / "images" / "movement.png"
DPI = 60
GAP_PX = 16


def read_ppm(path: Path) -> tuple[int, int, bytes]:
    """Width, height and RGB bytes of a binary PPM (P6) as ``pdftoppm`` writes it."""
    data = path.read_bytes()
    fields: list[bytes] = []
    pos = 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos) + 1
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    if fields[0] != b"P6" or fields[3] != b"255":
        raise ValueError(f"{path}: not an 8-bit P6 PPM")
    return int(fields[1]), int(fields[2]), data[pos + 1:]


def side_by_side(pages: list[tuple[int, int, bytes]], gap: int = GAP_PX) -> tuple[int, int, bytes]:
    """The pages next to each other on a white background, top-aligned."""
    height = max(h for _w, h, _d in pages)
    width = sum(w for w, _h, _d in pages) + gap * (len(pages) - 1)
    rows = []
    for y in range(height):
        parts = []
        for n, (w, h, data) in enumerate(pages):
            parts.append(data[y * w * 3:(y + 1) * w * 3] if y < h else b"\xff" * (w * 3))
            if n < len(pages) - 1:
                parts.append(b"\xff" * (gap * 3))
        rows.append(b"".join(parts))
    return width, height, b"".join(rows)


def write_png(path: Path, width: int, height: int, rgb: bytes) -> None:
    """A truecolour PNG (no interlace), written with zlib."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + rgb[y * width * 3:(y + 1) * width * 3] for y in range(height))
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))
    path.write_bytes(png)


def movement_only(master: Path, copy: Path) -> None:
    """A copy of ``master`` in which only 前期比較 and 推移 print (the first of them active)."""
    pdf.sheets_only_copy(master, copy, (g.SHEET_COMPARISON, g.SHEET_TREND))


def first_pages(pdf_path: Path, out: Path) -> list[Path]:
    """The first page of each sheet: LibreOffice starts each sheet's page numbers at 1."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf_path), "-"], check=True, capture_output=True,
                          text=True).stdout
    pages = text.split("\f")
    wanted = []
    for sheet in (g.SHEET_COMPARISON, g.SHEET_TREND):
        wanted.append(next(n for n, page in enumerate(pages, 1) if page.strip().startswith(sheet)))
    paths = []
    for n in wanted:
        prefix = out / f"page{n}"
        subprocess.run(["pdftoppm", "-r", str(DPI), "-f", str(n), "-l", str(n), "-singlefile", str(pdf_path),
                        str(prefix)], check=True)
        paths.append(prefix.with_suffix(".ppm"))
    return paths


def render(master: Path, target: Path = TARGET) -> Path:
    """Write the PNG for the master workbook ``master``."""
    soffice = pdf.find_soffice()
    if soffice is None:
        raise SystemExit(g.FATAL_PDF_NO_OFFICE)
    with tempfile.TemporaryDirectory(prefix="gyokaku_xl-image-") as tmp_name:
        tmp = Path(tmp_name)
        copy = tmp / "movement.xlsx"
        movement_only(master, copy)
        produced = pdf.convert(soffice, copy, tmp)
        pages = [read_ppm(p) for p in first_pages(produced, tmp)]
        target.parent.mkdir(parents=True, exist_ok=True)
        write_png(target, *side_by_side(pages))
    return target


#: The second sample period when examples/ has only the first: 令和3年度年度末 with these changes.
SECOND_PERIOD_CHANGES = {
    "1-04": {"status": "概ね順調", "delay_reason": None},
    "1-05": {"status": "遅れ", "delay_reason": "工事の発注に向けた調整に時間を要している。"},
    "3-05": {"status": "遅れ", "delay_reason": "機器の調達が遅れている。"},
    "2-01": {"status": "済"},
}


def second_period_inbox(first: Path, plan_path: Path, folder: Path) -> Path:
    """The first period's forms refilled as 令和3年度年度末 with :data:`SECOND_PERIOD_CHANGES`."""
    sys.path.insert(0, str(ROOT / "tests"))
    import builders  # type: ignore[import-not-found]
    from gyokaku_xl.domain import schema

    plan = builders.load_plan(plan_path)
    folder.mkdir(parents=True, exist_ok=True)
    for form in sorted(first.glob("*.xlsx")):
        department = next(d for d in plan.departments if form.name.startswith(f"{d}_"))
        rows = {i: v for i, v in SECOND_PERIOD_CHANGES.items() if plan.initiative(i).department == department}
        target = folder / form.name.replace(g.PERIOD_FIRST_HALF, g.PERIOD_YEAR_END)
        builders.fill_form(form, target, rows, meta={g.META_PERIOD: g.PERIOD_YEAR_END},
                           properties={schema.PROP_PERIOD: g.PERIOD_YEAR_END})
    return folder


def run_two_periods(tmp: Path) -> Path:
    """Merge the sample's first period into a history folder, then its second; returns the second master."""
    from gyokaku_xl.run.merge import merge

    plan_path = EXAMPLES / g.PLAN_FILE_NAME
    inboxes = sorted(p for p in EXAMPLES.glob("inbox*") if p.is_dir())
    if len(inboxes) < 2:
        inboxes = [EXAMPLES / "inbox", second_period_inbox(EXAMPLES / "inbox", plan_path, tmp / "inbox_2")]
    history = tmp / "履歴"
    outcomes = [merge(inbox, tmp / f"集約結果_{n}.xlsx", plan_path=plan_path, history_dir=history)
                for n, inbox in enumerate(inboxes)]
    latest = max(outcomes, key=lambda o: o.result.period.order_key)
    assert latest.history, "the second period did not read the first as history"
    return latest.output  # type: ignore[return-value]


EXAMPLES = ROOT / "examples"


def main() -> None:
    """Run the sample two-period workflow and render its movement sheets."""
    with tempfile.TemporaryDirectory(prefix="gyokaku_xl-examples-") as tmp_name:
        master = run_two_periods(Path(tmp_name))
        print(render(master))


if __name__ == "__main__":
    main()
