"""Golden test: 資料1-1 generated from the sample data carries the official document's content.

``pipeline.merge`` runs on ``examples/inbox`` with ``examples/計画マスタ.xlsx``; the 資料1-1 sheet is
compared with the official text ``examples/reference/shiryo1-1_R3_H1_summary.txt`` (the project's
copy of the coordinating office's ``shared/reference``) two ways:

1. the sheet's cells read back (chart labels from the chart XML);
2. LibreOffice PDF → ``pdftotext`` (both reading-order and ``-layout`` output).

The reference is a PDF text dump: lines are wrapped where the PDF wrapped them, chart labels and
table cells are scrambled, digits mix widths. So both sides are NFKC-normalised with all whitespace
removed, and each reference *content line* must occur in the generated text; the order of the
section headings, the section 2 事業 and the section 3 lines is checked separately. Skipped as page
furniture, on purpose: the legend line (「済 概ね順調 遅れ 未着手 休止」 — the legend is a drawing whose
text position differs per renderer; its entries are checked in the chart XML) and lines that are a
bare number (fragments of chart labels split by the extraction).
"""

from __future__ import annotations

import json
import re
import subprocess
import unicodedata
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import openpyxl
import pytest

from gyokaku_xl.publish import pdf
from gyokaku_xl.run.merge import merge

ROOT = Path(__file__).resolve().parent.parent
#: The official reference: the project's copy in examples/reference (kept identical to the
#: coordinating office's shared/reference beside the repository, see test_reference_copy_is_current).
SHARED_REFERENCE_DIR = ROOT.parent / "shared" / "reference"
REFERENCE_DIR = ROOT / "examples" / "reference"
REFERENCE_TEXT = REFERENCE_DIR / "shiryo1-1_R3_H1_summary.txt"
REFERENCE_JSON = REFERENCE_DIR / "expected_R3_H1.json"
EXAMPLES = ROOT / "examples"
NS = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
      "a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
CHART_LABEL = re.compile(r"^\d+\((.+)\)$")


def norm(text: str) -> str:
    """NFKC with every kind of whitespace removed."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def reference_lines() -> list[str]:
    """The reference's content lines, normalised (page furniture left out, see the module doc)."""
    for path in (REFERENCE_TEXT, REFERENCE_JSON):
        if not path.is_file():
            pytest.fail(f"参照資料 {path} がありません（examples/reference/ はリポジトリの一部です）。")
    statuses = json.loads(REFERENCE_JSON.read_text(encoding="utf-8"))["statuses"]
    legend = norm("".join(statuses))
    lines = []
    for raw in REFERENCE_TEXT.read_text(encoding="utf-8").splitlines():
        line = norm(raw)
        if not line or line == legend or line.isdigit():
            continue
        lines.append(line)
    return lines


def expected() -> dict:
    reference_lines()  # fails clearly when the reference is missing
    return json.loads(REFERENCE_JSON.read_text(encoding="utf-8"))


def ordered_lines() -> list[str]:
    """Lines whose order must match: section headings, section 2 事業 titles, section 3 lines."""
    data = expected()
    headings = [line for line in reference_lines() if re.match(r"^[123](進捗状況|主な事業|「)", line)]
    titles = [norm(p["program"] + ("【重点】" if p["priority"] else "")) for p in data["summary_programs"]]
    flagged = [line for line in reference_lines() if "・・・" in line]
    return headings[:2] + titles + headings[2:] + flagged


@pytest.fixture(scope="module")
def master(tmp_path_factory) -> Path:
    inbox, plan = EXAMPLES / "inbox", EXAMPLES / "計画マスタ.xlsx"
    if not inbox.is_dir() or not plan.is_file():
        pytest.fail(f"サンプルデータ（{inbox}、{plan}）がありません。python examples/build_examples.py で作成してください。")
    target = tmp_path_factory.mktemp("golden") / "集約結果.xlsx"
    merge(inbox, target, plan_path=plan)
    return target


@pytest.fixture(scope="module")
def pdf_texts(master, tmp_path_factory) -> tuple[str, str, str]:
    """資料1-1 as text: (reading order, layout, page 2 reading order), all normalised."""
    if pdf.find_soffice() is None:
        pytest.fail("LibreOffice がありません（Debian: apt-get install libreoffice-calc-nogui）。"
                    "このテストは CI で必ず実行します。")
    out = pdf.export_reports(master, tmp_path_factory.mktemp("golden-pdf"))[0]

    def text(*args: str) -> str:
        try:
            return subprocess.run(["pdftotext", *args, str(out), "-"], capture_output=True, text=True,
                                  check=True, timeout=120).stdout
        except FileNotFoundError:
            pytest.fail("pdftotext がありません（Debian: apt-get install poppler-utils）。")

    return (norm(text("-f", "1", "-l", "1")), norm(text("-layout", "-f", "1", "-l", "1")),
            norm(text("-f", "2", "-l", "2")))


def sheet_text(master: Path) -> tuple[str, list[str]]:
    """資料1-1's cells in reading order, normalised and joined; and the custom chart labels."""
    ws = openpyxl.load_workbook(master)["資料1-1"]
    cells = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    with zipfile.ZipFile(master) as z:
        charts = [z.read(n) for n in sorted(z.namelist()) if n.startswith("xl/charts/chart")]
    mine = [c for c in charts if "'資料1-1'!".encode() in c]
    assert len(mine) == 1, "資料1-1 has one chart over its own table"
    root = ET.fromstring(mine[0])
    labels = ["".join(t.text or "" for t in d.iterfind(".//a:t", NS))
              for d in root.iterfind(".//c:dLbl", NS) if d.find("c:delete", NS) is None]
    return norm("".join(cells)), labels


def missing(lines: list[str], *texts: str) -> list[str]:
    return [line for line in lines if not any(line in t for t in texts)]


def out_of_order(lines: list[str], text: str) -> list[str]:
    """Lines not found in ``text`` after the previous one."""
    position, wrong = 0, []
    for line in lines:
        found = text.find(line, position)
        if found < 0:
            wrong.append(line)
        else:
            position = found + len(line)
    return wrong


def test_reference_is_read_as_expected():
    lines = reference_lines()
    assert lines[0] == "資料1-1" and "・29事業で55の取組を実施。" in lines
    assert "済概ね順調遅れ未着手休止" not in lines and "1" not in lines
    assert len(ordered_lines()) == 3 + 8 + 3


def test_cells_carry_every_reference_line(master):
    text, labels = sheet_text(master)
    chart_lines = [line for line in reference_lines() if CHART_LABEL.match(line)]
    assert sorted(chart_lines) == sorted(norm(label) for label in labels)
    assert missing([line for line in reference_lines() if not CHART_LABEL.match(line)], text) == []
    assert out_of_order(ordered_lines(), text) == []


def test_cells_table_matches_the_reference_figures(master):
    data = expected()
    ws = openpyxl.load_workbook(master)["資料1-1"]
    rows = {}
    for row in ws.iter_rows(values_only=True):
        values = [v for v in row if v is not None]
        is_label = bool(values) and isinstance(values[0], str) and (values[0].startswith("(") or values[0] == "合計")
        if is_label and len(values) == len(data["statuses"]) + 2 and all(isinstance(v, int) for v in values[1:]):
            rows[values[0]] = values[1:]
    for item in data["by_perspective"]:
        assert rows[item["perspective"]] == [item[s] for s in data["statuses"]] + [item["合計"]]
    assert rows["合計"] == [data["totals"][s] for s in data["statuses"]] + [data["totals"]["合計"]]


def test_pdf_carries_every_reference_line(pdf_texts):
    reading, layout, _page2 = pdf_texts
    assert missing(reference_lines(), reading, layout) == []


def test_pdf_sections_in_reference_order(pdf_texts):
    reading, _layout, _page2 = pdf_texts
    assert out_of_order(ordered_lines(), reading) == []


def test_pdf_summary_is_one_page(pdf_texts):
    reading, _layout, page2 = pdf_texts
    assert reading.startswith("資料1-1")
    assert "資料1-2" in page2 and "資料1-1" not in page2


def test_reference_copy_is_current():
    """examples/reference is byte-identical to shared/reference wherever that is present beside the repo."""
    if not SHARED_REFERENCE_DIR.is_dir():
        return  # a plain clone: the project's copy is the reference
    for name in ("shiryo1-1_R3_H1_summary.txt", "expected_R3_H1.json"):
        assert (REFERENCE_DIR / name).read_bytes() == (SHARED_REFERENCE_DIR / name).read_bytes(), name
