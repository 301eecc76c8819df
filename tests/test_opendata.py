"""Open data: the table's content, the CSV read back with pandas and the csv module, the plain
.xlsx, CSV-injection safety, and both sources (this run, an existing master) giving the same files.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from examples.variant_plans import result_of, variant_result
from gyokaku_xl import text as g
from gyokaku_xl.publish import opendata as od
from gyokaku_xl.app.cli import main
from gyokaku_xl.domain.findings import GyokakuError
from gyokaku_xl.domain.model import Period
from gyokaku_xl.run.publish import opendata_from_master, write_opendata
from gyokaku_xl.core.content import master_content
from gyokaku_xl.render.master import write_master

HOSTILE = {
    "=HYPERLINK(\"http://evil\",\"x\")": "'=HYPERLINK(\"http://evil\",\"x\")",
    "+1+2": "'+1+2", "-2+3": "'-2+3", "@SUM(A1)": "'@SUM(A1)", "\tTAB": "'\tTAB", "\rCR": "'\rCR",
    "・普通の文。=1": "・普通の文。=1",
}


def hostile_result():
    """A 3-perspective plan whose first initiatives report texts that start like formulas."""
    base = variant_result(3)
    texts = list(HOSTILE)
    reports = {}
    for n, record in enumerate(base.records):
        values = dict(record.values, status=record.status)
        if n < len(texts):
            values["progress"] = texts[n]
            values["next_steps"] = texts[n]
        reports[record.initiative.id] = values
    reports[base.records[0].initiative.id]["progress"] = "1行目\n2行目、「引用」と,カンマ"
    return result_of(base.plan, base.period, reports)


def test_table_columns_and_values():
    result = variant_result(3)
    table = od.opendata_table(result.period, od.rows_from_result(result))
    assert len(g.OPENDATA_COLUMNS) == 13 and g.OPENDATA_COLUMNS[-1] == "財政効果額（千円）"
    assert len(table) == len(result.records) == 18
    first = dict(zip(g.OPENDATA_COLUMNS, table[0]))
    record = result.records[0]
    assert first == {
        "年度": "令和5年度", "年度（西暦）": 2023, "期間": "上半期", "視点": "(1)歳入の確保",
        "事業": "歳入の確保事業1", "重点": "○" if record.program.priority else "", "所管課": "財政課",
        "取組番号": "1-1-1", "取組名": "歳入の確保の取組1-1", "進捗状況": record.status,
        "取組状況": record.values["progress"], "今後の予定": record.values["next_steps"], "財政効果額（千円）": 1000,
    }
    assert [row[7] for row in table] == [r.initiative.id for r in result.records]  # plan order
    assert dict(zip(g.OPENDATA_COLUMNS, table[3]))["財政効果額（千円）"] is None  # blank, not 0


@pytest.mark.parametrize("text, safe", list(HOSTILE.items()))
def test_csv_safe(text, safe):
    assert od.csv_safe(text) == safe
    assert od.csv_safe(1200) == 1200


@pytest.fixture()
def written(tmp_path) -> tuple[list[Path], object]:
    result = hostile_result()
    return write_opendata(result.period, od.rows_from_result(result), tmp_path / "公開"), result


def test_file_names_and_bom(written):
    paths, _result = written
    assert [p.name for p in paths] == ["取組状況一覧_令和5年度上半期.csv", "取組状況一覧_令和5年度上半期.xlsx"]
    raw = paths[0].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw


def test_csv_reads_back_with_the_csv_module(written):
    paths, result = written
    with open(paths[0], encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == list(g.OPENDATA_COLUMNS)
    assert len(rows) == 1 + len(result.records)
    assert rows[1][10] == "1行目\n2行目、「引用」と,カンマ"  # line breaks, quotes and commas survive
    progress = [row[10] for row in rows[2:1 + len(HOSTILE)]]
    assert progress == list(HOSTILE.values())[1:]
    assert all(not cell.startswith(od.FORMULA_STARTS) for row in rows[1:] for cell in row)


def test_csv_reads_back_with_pandas(written):
    paths, result = written
    frame = pd.read_csv(paths[0], encoding="utf-8-sig", dtype={"取組番号": str})
    assert list(frame.columns) == list(g.OPENDATA_COLUMNS)
    assert len(frame) == len(result.records)
    assert frame["年度（西暦）"].unique().tolist() == [2023]
    assert frame["取組番号"].tolist() == [r.initiative.id for r in result.records]
    effects = frame["財政効果額（千円）"]
    assert effects.dropna().astype(int).tolist() == [r.values["fiscal_effect"] for r in result.records
                                                     if r.values["fiscal_effect"] is not None]


def test_xlsx_is_plain_and_holds_the_original_texts(written):
    paths, result = written
    wb = openpyxl.load_workbook(paths[1])
    assert wb.sheetnames == [g.OPENDATA_SHEET]
    ws = wb.active
    assert ws.merged_cells.ranges == set()
    assert [c.value for c in ws[1]] == list(g.OPENDATA_COLUMNS)
    assert ws.max_row == 1 + len(result.records)
    assert ws.cell(2, 12).value == "=HYPERLINK(\"http://evil\",\"x\")" and ws.cell(2, 12).data_type == "s"
    assert all(not c.font.b and c.fill.fill_type is None for row in ws.iter_rows() for c in row)
    assert ws.cell(2, 2).value == 2023 and ws.cell(2, 13).value == 1000


def test_master_and_run_give_the_same_files(tmp_path):
    result = hostile_result()
    master = tmp_path / "集約結果.xlsx"
    write_master(master, result, master_content(result), tmp_path)
    from_run = write_opendata(result.period, od.rows_from_result(result), tmp_path / "run")
    from_master = opendata_from_master(master, tmp_path / "master")
    assert from_run[0].read_bytes() == from_master[0].read_bytes()
    a, b = (openpyxl.load_workbook(p).active for p in (from_run[1], from_master[1]))
    assert [[c.value for c in r] for r in a.iter_rows()] == [[c.value for c in r] for r in b.iter_rows()]


def test_master_without_data_or_period_is_refused(tmp_path):
    import xlsxwriter
    path = tmp_path / "other.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    workbook.add_worksheet("Sheet1")
    workbook.close()
    with pytest.raises(GyokakuError, match="集約データを読めない"):
        opendata_from_master(path, tmp_path / "out")
    (tmp_path / "broken.xlsx").write_bytes(b"not a zip")
    with pytest.raises(GyokakuError, match="集約データを読めない"):
        opendata_from_master(tmp_path / "broken.xlsx", tmp_path / "out")
    workbook = xlsxwriter.Workbook(str(path))
    workbook.add_worksheet(g.SHEET_DATA).write_row(0, 0, ["取組番号", "取組名"])
    workbook.close()
    with pytest.raises(GyokakuError, match="報告期間の記録がない"):
        opendata_from_master(path, tmp_path / "out")


def test_cli_merge_writes_opendata(tmp_path):
    examples = Path(__file__).resolve().parent.parent / "examples"
    out = io.StringIO()
    code = main(["merge", str(examples / "inbox"), "--plan", str(examples / "計画マスタ.xlsx"),
                 "-o", str(tmp_path / "集約結果.xlsx"), "--opendata", str(tmp_path / "公開"), "-q"],
                out=out, err=io.StringIO())
    assert code == 0
    lines = out.getvalue().splitlines()
    csv_path = tmp_path / "公開" / "取組状況一覧_令和3年度上半期.csv"
    assert f"オープンデータ: {csv_path}" in lines
    frame = pd.read_csv(csv_path, encoding="utf-8-sig")
    assert len(frame) == 55 and frame["年度"].unique().tolist() == ["令和3年度"]
    assert frame["期間"].unique().tolist() == ["上半期"]


def test_opendata_folder_that_is_a_file_is_refused(tmp_path):
    (tmp_path / "x").write_text("", encoding="utf-8")
    result = variant_result(3)
    with pytest.raises(GyokakuError, match="ファイルです"):
        write_opendata(Period(2023, g.PERIOD_FIRST_HALF), od.rows_from_result(result), tmp_path / "x")


def test_reader_undoes_xml_escapes(tmp_path):
    """A carriage return is stored as ``_x000D_``; a literal ``_x000D_`` as ``_x005F_x000D_``."""
    import xlsxwriter
    from gyokaku_xl.reading.xlsx import read_workbook
    path = tmp_path / "escaped.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("S")
    sheet.write_string(0, 0, "a\rb")
    sheet.write_string(1, 0, "literal _x000D_ text")
    workbook.close()
    cells = read_workbook(path).sheets["S"]
    assert cells.value(1, 1) == "a\rb"
    assert cells.value(2, 1) == "literal _x000D_ text"


def test_cli_pdf_with_opendata_beside_the_pdf(tmp_path, monkeypatch):
    """``pdf --opendata`` without a folder writes the open data beside the PDF (LibreOffice faked)."""
    import os
    if os.name != "posix":
        pytest.skip("the fake soffice is a shell script")
    from gyokaku_xl.publish import pdf
    from test_pdf import fake_soffice
    script = fake_soffice(tmp_path, """
while [ $# -gt 0 ]; do
  case "$1" in --outdir) out="$2"; shift;; --convert-to) to="${2%%:*}"; shift;; *.xlsx|*.fods) src="$1";; esac; shift
done
name=$(basename "$src"); name="${name%.*}"
if [ "$to" = pdf ]; then printf '%%PDF-1.4 fake' > "$out/$name.pdf"; else printf '<office:document/>' > "$out/$name.$to"; fi
""")
    monkeypatch.setattr(pdf, "find_soffice", lambda: str(script))
    result = hostile_result()
    master = tmp_path / "集約結果.xlsx"
    write_master(master, result, master_content(result), tmp_path)
    out = io.StringIO()
    assert main(["pdf", str(master), "-o", str(tmp_path / "公開"), "--opendata"], out=out, err=io.StringIO()) == 0
    lines = out.getvalue().splitlines()
    folder = tmp_path / "公開"
    assert f"PDF: {folder / '集約結果.pdf'}" in lines
    assert f"オープンデータ: {folder / '取組状況一覧_令和5年度上半期.csv'}" in lines
    assert f"オープンデータ: {folder / '取組状況一覧_令和5年度上半期.xlsx'}" in lines
    frame = pd.read_csv(folder / "取組状況一覧_令和5年度上半期.csv", encoding="utf-8-sig")
    assert len(frame) == len(result.records)
