"""Regenerate ``docs/images/targets.png``: the first page of the master's 「数値目標」 sheet.

Run ``python docs/render_targets_image.py`` (needs LibreOffice and poppler's ``pdftoppm``). The
sample's two periods are merged with one history folder (as ``render_movement_image.py`` does) and
the 年度末 master's 数値目標 sheet is printed through LibreOffice as a user prints it.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for entry in (ROOT, ROOT / "docs"):
    if str(entry) not in sys.path:
        sys.path.insert(0, str(entry))

from gyokaku_xl import text as g  # noqa: E402
from gyokaku_xl.publish import pdf  # noqa: E402
from render_movement_image import read_ppm, run_two_periods, write_png  # noqa: E402

TARGET = ROOT / "docs" / "images" / "targets.png"
DPI = 60


def render(master: Path, target: Path = TARGET) -> Path:
    """Write the PNG of the 数値目標 sheet's first page of ``master``."""
    soffice = pdf.find_soffice()
    if soffice is None:
        raise SystemExit(g.FATAL_PDF_NO_OFFICE)
    with tempfile.TemporaryDirectory(prefix="gyokaku_xl-image-") as tmp_name:
        tmp = Path(tmp_name)
        copy = tmp / "targets.xlsx"
        pdf.sheets_only_copy(master, copy, (g.SHEET_TARGETS,))
        produced = pdf.convert(soffice, copy, tmp)
        prefix = tmp / "page"
        subprocess.run(["pdftoppm", "-r", str(DPI), "-f", "1", "-l", "1", "-singlefile", str(produced),
                        str(prefix)], check=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        write_png(target, *read_ppm(prefix.with_suffix(".ppm")))
    return target


def main() -> None:
    """Run the sample two-period workflow and render its 数値目標 sheet."""
    with tempfile.TemporaryDirectory(prefix="gyokaku_xl-examples-") as tmp_name:
        print(render(run_two_periods(Path(tmp_name))))


if __name__ == "__main__":
    main()
