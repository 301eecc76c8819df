"""Render 資料1-1 for three plans to PNG for the README: ``python docs/build_images.py``.

- ``docs/images/shiryo1-1.png``: the sample (``examples/``, 6 perspectives, the official scale)
- ``docs/images/shiryo1-1_4views.png``: a 4-perspective plan with a 4-status scale (完了・順調・遅延・中止)
- ``docs/images/shiryo1-1_9views.png``: a 9-perspective plan
- ``docs/images/form.png``: the top of a department's form for 令和3年度年度末, carried over from
  the sample's 上半期 (the 前回の進捗状況 column and the carried texts)

Each goes through the real path: master workbook → ``pdf.export_publication`` (LibreOffice)
→ ``pdftoppm`` (poppler-utils) at 80 dpi, page 1 only.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from examples.variant_plans import FOUR_STATUS_SCALE, variant_result  # noqa: E402
from gyokaku_xl.publish.pdf import export_publication  # noqa: E402
from gyokaku_xl.run.forms import make_forms
from gyokaku_xl.run.merge import merge  # noqa: E402
from gyokaku_xl.domain.model import Period  # noqa: E402
from gyokaku_xl.core.content import master_content  # noqa: E402
from gyokaku_xl.render.master import write_master  # noqa: E402

IMAGES = ROOT / "docs" / "images"
DPI = 80


def page_one_png(pdf: Path, target: Path) -> None:
    """Page 1 of ``pdf`` as ``target`` (PNG)."""
    with tempfile.TemporaryDirectory() as tmp:
        stem = Path(tmp) / "page"
        subprocess.run(["pdftoppm", "-png", "-r", str(DPI), "-f", "1", "-l", "1", "-singlefile",
                        str(pdf), str(stem)], check=True, timeout=120)
        shutil.copyfile(stem.with_suffix(".png"), target)


#: The form image: which department, and the crop of page 1 (pixels at :data:`DPI`).
FORM_DEPARTMENT = "みどり公園・水辺課"
FORM_CROP = (0, 0, 935, 240)


def form_png(sample_master: Path, tmp: Path, target: Path) -> None:
    """The carried-over 年度末 form of :data:`FORM_DEPARTMENT`, rendered by LibreOffice and cropped."""
    from gyokaku_xl.publish import pdf

    forms = make_forms(ROOT / "examples" / "計画マスタ.xlsx", Period.parse("令和3年度", "年度末"), tmp / "forms",
                       departments=[FORM_DEPARTMENT], previous=sample_master)
    produced = pdf.convert(pdf.find_soffice(), forms.paths[0], tmp, out_name="form-pdf")
    x, y, w, h = FORM_CROP
    with tempfile.TemporaryDirectory() as crop:
        stem = Path(crop) / "form"
        subprocess.run(["pdftoppm", "-png", "-r", str(DPI), "-f", "1", "-l", "1", "-singlefile",
                        "-x", str(x), "-y", str(y), "-W", str(w), "-H", str(h), str(produced), str(stem)],
                       check=True, timeout=120)
        shutil.copyfile(stem.with_suffix(".png"), target)


def main() -> int:
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="gyokaku_xl-images-") as tmp_name:
        tmp = Path(tmp_name)
        masters = {}
        sample = tmp / "sample.xlsx"
        merge(ROOT / "examples" / "inbox", sample, plan_path=ROOT / "examples" / "計画マスタ.xlsx")
        masters["shiryo1-1.png"] = sample
        form_png(sample, tmp, IMAGES / "form.png")
        print(f"{IMAGES / 'form.png'}")
        for name, result in (("shiryo1-1_4views.png", variant_result(4, scale=FOUR_STATUS_SCALE)),
                             ("shiryo1-1_9views.png", variant_result(9))):
            path = tmp / f"{Path(name).stem}.xlsx"
            write_master(path, result, master_content(result), tmp)
            masters[name] = path
        for name, master in masters.items():
            export = export_publication(master, tmp / "pdf")
            page_one_png(export.paths[0], IMAGES / name)
            print(f"{IMAGES / name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
