"""Benchmark: could a faster xlsx writer library replace XlsxWriter for the master workbook?

Usage::

    python bench/bench_writers.py                 # 16,500 initiatives, 3 runs each, medians
    python bench/bench_writers.py --rows 500      # a quick run
    python bench/bench_writers.py --rows 500 --keep DIR   # keep one output of each writer in
                                                          # DIR and read each back with openpyxl

Every writer writes the SAME synthetic content, each in a child process (interpreter start and
import included in the wall time; peak RSS of the child from ``os.wait4``), alternating between
writers, ``--repeat`` times; the table shows medians and the ratio to XlsxWriter of the medians.

(a) a 資料1-3-like sheet: per initiative one row of 6 cells (番号, 取組名 B:C merged, 状況,
    財政効果額 E:F merged) and three text rows (a label in A, Japanese text of 40–200 characters
    merged B:F), bordered wrap formats, explicit row heights, A4 portrait fit to width, repeated
    title rows, footer, manual page breaks, hidden gridlines;
(b) a 集約データ-like plain table: ``--rows`` rows × 25 columns (mostly text, some numbers) as an
    Excel table (where the library has one) with frozen header.

Writers: XlsxWriter 3 as the project uses it (merged ranges registered, every cell of a range
padded with a formatted blank), XlsxWriter *without* the padding (only the top-left cell written,
the range registered: what "writing less" buys), XlsxWriter with only the last cell of each range
padded (the one whose format gives the range its right border), rvgsrust-xlsxwriter and rustpy-xlsxwriter (both
on rust_xlsxwriter), excelize (Go Excelize through ctypes) and PyExcelerate. "API" is the time
spent in the library's calls (content generation excluded), "close" the time of ``close()`` /
``save()`` (XML + zip); for rustpy-xlsxwriter, whose one call writes the whole file, all of it is
"close". A writer is killed after ``--timeout`` seconds (「打ち切り」) and not run again on that
sheet; one whose first run is more than 1.25 × XlsxWriter's is run only once. A library that is
not installed is shown as 「未インストール」, a sheet a library cannot express as 「表現不可」.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: variant → (import name, sheets it can write)
WRITERS = {
    "xlsxwriter": ("xlsxwriter", ("a", "b")),
    "xlsxwriter-nopad": ("xlsxwriter", ("a",)),
    "xlsxwriter-lastpad": ("xlsxwriter", ("a",)),
    "rvgsrust-xlsxwriter": ("rvgsrust_xlsxwriter", ("a", "b")),
    "rustpy-xlsxwriter": ("rustpy_xlsxwriter", ("b",)),
    "excelize": ("excelize", ("a", "b")),
    "pyexcelerate": ("pyexcelerate", ("a", "b")),
}
BASELINE = "xlsxwriter"
DEFAULT_WRITERS = [v for v in WRITERS if v != "xlsxwriter-lastpad"]
#: a writer whose first run is this much slower than XlsxWriter's is not run again (its ratio is
#: far enough from 1 that a median would change nothing, and the benchmark stays short)
ONCE_ABOVE = 1.25
NOT_INSTALLED = "未インストール"
NOT_EXPRESSIBLE = "表現不可"

COLUMNS = (12.5, 28, 19.5, 12, 10, 10)  # 資料1-3: A, B:C 取組名, D 状況, E:F 財政効果額
LABELS = ("取組状況", "今後の予定", "遅れの理由")
STATUSES = ("済", "概ね順調", "遅れ", "未着手")
FOOTER = "&C&P / &N"
PAGE_PT = 760.0  # printable height of A4 portrait minus the repeated rows, roughly
MAX_BREAKS = 1023  # Excel's limit of manual page breaks per sheet
DATA_COLUMNS = 25
WORDS = ("事業者と協議を行い", "実施方針を決定した", "庁内検討会議を開催した", "対象業務を洗い出し",
         "効果額を試算した", "関係課との調整を進めた", "試行を開始し", "利用者アンケートを実施した",
         "本格実施に向けて準備を進める", "検証結果を踏まえ範囲を拡大する", "窓口業務の委託",
         "施設の長寿命化", "ＲＰＡの導入", "ペーパーレス化", "使用料の見直し", "補助金の見直し")


# --- the content (identical for every writer) ------------------------------------------------------

def japanese_text(rnd: random.Random, low: int = 40, high: int = 200) -> str:
    """Japanese prose of ``low``–``high`` characters, sometimes in bullet lines."""
    target = rnd.randint(low, high)
    parts: list[str] = []
    length = 0
    while length < target:
        piece = rnd.choice(WORDS) + rnd.choice(("、", "。", "。\n・"))
        parts.append(piece)
        length += len(piece)
    return "".join(parts)[:target]


def height_of(text: str, width_chars: float, size: float = 9.0, extra: float = 4.0) -> float:
    """Explicit row height (points) for ``text`` wrapped in a merged width of ``width_chars``."""
    per_line = max(1, int(width_chars * 1.8 / 2))  # full-width characters per line
    lines = sum(max(1, math.ceil(len(line) / per_line)) for line in text.split("\n"))
    return round(lines * (size + 3) + extra, 1)


def sheet_a_content(n: int, seed: int = 13) -> dict:
    """資料1-3-like rows: a list of (kind, values, height) plus page breaks."""
    rnd = random.Random(seed)
    rows: list[tuple] = []
    for i in range(n):
        name = f"{rnd.choice(WORDS)}（{i + 1}）"
        effect = rnd.randrange(0, 50_000) if rnd.random() < 0.4 else None
        rows.append(("item", (f"{i // 55 + 1}-{i % 55 + 1:02d}", name, rnd.choice(STATUSES), effect),
                     height_of(name, COLUMNS[1] + COLUMNS[2])))
        for label in LABELS:
            text = japanese_text(rnd)
            rows.append(("text", (label, text), height_of(text, sum(COLUMNS[1:]))))
    breaks, used = [], 0.0
    for index, row in enumerate(rows):
        if row[0] == "item" and used + row[2] * 4 > PAGE_PT and len(breaks) < MAX_BREAKS:
            breaks.append(index + 3)  # 3 title rows above the body
            used = 0.0
        used += row[2]
    return {"rows": rows, "breaks": breaks}


def sheet_b_content(n: int, seed: int = 17) -> dict:
    """集約データ-like table: header + ``n`` rows × DATA_COLUMNS (text, with some numbers)."""
    rnd = random.Random(seed)
    headers = [f"列{c + 1:02d}" for c in range(DATA_COLUMNS)]
    numeric = {5, 11, 19}
    long_text = {7, 8, 9}
    rows = []
    for r in range(n):
        row: list[object] = []
        for c in range(DATA_COLUMNS):
            if c in numeric:
                row.append(rnd.randrange(0, 100_000))
            elif c in long_text:
                row.append(japanese_text(rnd))
            elif c == 0:
                row.append(f"{r // 55 + 1}-{r % 55 + 1:02d}")
            else:
                row.append(rnd.choice(WORDS))
        rows.append(row)
    return {"headers": headers, "rows": rows, "numeric": numeric, "long_text": long_text}


# --- the writers (each returns (api seconds, close seconds)) ---------------------------------------

def write_xlsxwriter(path: str, sheet: str, content: dict, pad: str = "all") -> tuple[float, float]:
    """XlsxWriter as gyokaku_xl uses it (render/styles.merge_cells: ``pad="all"``), or with only
    the top-left cell of a merged range written (``"none"``), or with the top-left and the last
    cell of the range (``"last"``: the right border of the range comes from that cell)."""
    import xlsxwriter

    started = time.perf_counter()
    wb = xlsxwriter.Workbook(path, {"strings_to_formulas": False, "strings_to_urls": False,
                                    "strings_to_numbers": False})
    wb.set_properties({"title": "bench", "created": __import__("datetime").datetime(2000, 1, 1)})
    ws = wb.add_worksheet("資料1-3" if sheet == "a" else "集約データ")
    if sheet == "a":
        f = {}
        base = {"font_name": "ＭＳ 明朝", "font_size": 9, "border": 1, "text_wrap": True}
        f["centre"] = wb.add_format({**base, "align": "center", "valign": "vcenter"})
        f["name"] = wb.add_format({**base, "font_name": "ＭＳ ゴシック", "bold": True, "valign": "vcenter"})
        f["status"] = wb.add_format({**base, "bold": True, "align": "center", "valign": "vcenter",
                                     "bg_color": "#C5D9F1"})
        f["money"] = wb.add_format({**base, "valign": "vcenter", "num_format": "#,##0"})
        f["label"] = wb.add_format({**base, "font_name": "ＭＳ ゴシック", "bold": True, "bg_color": "#F2F2F2",
                                    "valign": "top"})
        f["text"] = wb.add_format({**base, "valign": "top"})
        title = wb.add_format({"font_name": "ＭＳ ゴシック", "font_size": 12, "bold": True, "align": "center"})
        for col, width in enumerate(COLUMNS):
            ws.set_column(col, col, width)
        ranges = ws.merge
        blank = ws.write_blank

        def merge(row: int, first: int, last: int, fmt: object) -> None:
            ranges.append([row, first, row, last])
            if pad == "all":
                for col in range(first + 1, last + 1):
                    blank(row, col, None, fmt)
            elif pad == "last":
                blank(row, last, None, fmt)

        merge(1, 0, 5, title)
        ws.write_string(1, 0, "行財政改革推進計画　事業別の取組状況", title)
        row = 3
        for kind, values, height in content["rows"]:
            if kind == "item":
                ident, name, status, effect = values
                ws.write_string(row, 0, ident, f["centre"])
                merge(row, 1, 2, f["name"])
                ws.write_string(row, 1, name, f["name"])
                ws.write_string(row, 3, status, f["status"])
                merge(row, 4, 5, f["money"])
                if effect is None:
                    blank(row, 4, None, f["money"])
                else:
                    ws.write_number(row, 4, effect, f["money"])
            else:
                label, text = values
                ws.write_string(row, 0, label, f["label"])
                merge(row, 1, 5, f["text"])
                ws.write_string(row, 1, text, f["text"])
            ws.set_row(row, height)
            row += 1
        ws.set_paper(9)
        ws.set_portrait()
        ws.set_margins(left=0.55, right=0.55, top=0.6, bottom=0.6)
        ws.center_horizontally()
        ws.set_footer(FOOTER, {"margin": 0.3})
        ws.repeat_rows(0, 2)
        ws.fit_to_pages(1, 0)
        ws.print_area(0, 0, row - 1, 5)
        ws.set_h_pagebreaks(content["breaks"])
        ws.hide_gridlines(2)
    else:
        text = wb.add_format({"font_name": "ＭＳ ゴシック", "valign": "top", "text_wrap": True})
        plain = wb.add_format({"font_name": "ＭＳ ゴシック", "valign": "top"})
        number = wb.add_format({"font_name": "ＭＳ ゴシック", "valign": "top", "num_format": "#,##0"})
        fmts = [number if c in content["numeric"] else text if c in content["long_text"] else plain
                for c in range(DATA_COLUMNS)]
        for col in range(DATA_COLUMNS):
            ws.set_column(col, col, 30 if col in content["long_text"] else 12)
        for r, values in enumerate(content["rows"], start=1):
            for c, value in enumerate(values):
                if isinstance(value, int):
                    ws.write_number(r, c, value, fmts[c])
                else:
                    ws.write_string(r, c, value, fmts[c])
        ws.add_table(0, 0, len(content["rows"]), DATA_COLUMNS - 1,
                     {"name": "集約データ", "style": "Table Style Light 9",
                      "columns": [{"header": h} for h in content["headers"]]})
        ws.freeze_panes(1, 1)
        ws.set_landscape()
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(0)
    api = time.perf_counter() - started
    wb.close()
    return api, time.perf_counter() - started - api


def write_rvgsrust(path: str, sheet: str, content: dict) -> tuple[float, float]:
    """rvgsrust-xlsxwriter (rust_xlsxwriter): ``merge_range`` pads the range itself."""
    import rvgsrust_xlsxwriter as rx

    started = time.perf_counter()
    wb = rx.Workbook(path)
    wb.set_properties(title="bench")
    ws = wb.add_worksheet("資料1-3" if sheet == "a" else "集約データ")

    def fmt(font: str = "ＭＳ 明朝", size: float = 9, **kw: object) -> object:
        f = rx.Format().set_font_name(font).set_font_size(size)
        if kw.get("border"):
            f = f.set_border("thin")
        if kw.get("wrap"):
            f = f.set_text_wrap()
        if kw.get("bold"):
            f = f.set_bold()
        if kw.get("align"):
            f = f.set_align(kw["align"])
        f = f.set_vertical_align(kw.get("valign", "top"))
        if kw.get("bg"):
            f = f.set_background_color(kw["bg"])
        if kw.get("num"):
            f = f.set_num_format(kw["num"])
        return f

    if sheet == "a":
        f = {"centre": fmt(border=1, wrap=1, align="center", valign="vcenter"),
             "name": fmt("ＭＳ ゴシック", border=1, wrap=1, bold=1, valign="vcenter"),
             "status": fmt(border=1, wrap=1, bold=1, align="center", valign="vcenter", bg="#C5D9F1"),
             "money": fmt(border=1, wrap=1, valign="vcenter", num="#,##0"),
             "label": fmt("ＭＳ ゴシック", border=1, wrap=1, bold=1, bg="#F2F2F2"),
             "text": fmt(border=1, wrap=1)}
        title = fmt("ＭＳ ゴシック", 12, bold=1, align="center", valign="bottom")
        for col, width in enumerate(COLUMNS):
            ws.set_column_width(col, width)
        ws.merge_range(1, 0, 1, 5, "行財政改革推進計画　事業別の取組状況", title)
        write, merge, height_of_row = ws.write, ws.merge_range, ws.set_row_height
        row = 3
        for kind, values, height in content["rows"]:
            if kind == "item":
                ident, name, status, effect = values
                write(row, 0, ident, f["centre"])
                merge(row, 1, row, 2, name, f["name"])
                write(row, 3, status, f["status"])
                merge(row, 4, row, 5, effect if effect is not None else "", f["money"])
            else:
                label, text = values
                write(row, 0, label, f["label"])
                merge(row, 1, row, 5, text, f["text"])
            height_of_row(row, height)
            row += 1
        ws.set_paper_size(9)
        ws.set_portrait()
        ws.set_margins(0.55, 0.55, 0.6, 0.6, 0.3, 0.3)
        ws.set_print_center_horizontally(True)
        ws.set_footer(FOOTER)
        ws.set_repeat_rows(0, 2)
        ws.set_print_fit_to_pages(1, 0)
        ws.set_print_area(0, 0, row - 1, 5)
        ws.set_page_breaks(content["breaks"])
        ws.set_screen_gridlines(False)
    else:
        text = fmt("ＭＳ ゴシック", 11, wrap=1)
        plain = fmt("ＭＳ ゴシック", 11)
        number = fmt("ＭＳ ゴシック", 11, num="#,##0")
        fmts = [number if c in content["numeric"] else text if c in content["long_text"] else plain
                for c in range(DATA_COLUMNS)]
        for col in range(DATA_COLUMNS):
            ws.set_column_width(col, 30 if col in content["long_text"] else 12)
        write = ws.write
        for r, values in enumerate(content["rows"], start=1):
            for c, value in enumerate(values):
                write(r, c, value, fmts[c])
        table = rx.Table().set_name("集約データ").set_style("light9").set_columns(
            [rx.TableColumn().set_header(h) for h in content["headers"]])
        ws.add_table(0, 0, len(content["rows"]), DATA_COLUMNS - 1, table)
        ws.freeze_panes(1, 1)
        ws.set_landscape()
        ws.set_paper_size(9)
        ws.set_print_fit_to_pages(1, 0)
        ws.set_repeat_rows(0, 0)
    api = time.perf_counter() - started
    wb.close()
    return api, time.perf_counter() - started - api


def write_rustpy(path: str, sheet: str, content: dict) -> tuple[float, float]:
    """rustpy-xlsxwriter: one call per sheet from records (a table-shaped API only)."""
    import rustpy_xlsxwriter as rp

    started = time.perf_counter()
    headers = content["headers"]
    records = [dict(zip(headers, row)) for row in content["rows"]]
    text = rp.Format().set_font_name("ＭＳ ゴシック").set_text_wrap().set_align("top")
    plain = rp.Format().set_font_name("ＭＳ ゴシック").set_align("top")
    number = rp.Format().set_font_name("ＭＳ ゴシック").set_align("top").set_num_format("#,##0")
    fmts = [number if c in content["numeric"] else text if c in content["long_text"] else plain
            for c in range(DATA_COLUMNS)]
    widths = [30 if c in content["long_text"] else 12 for c in range(DATA_COLUMNS)]
    api = time.perf_counter() - started
    rp.write_worksheet(records, path, sheet_name="集約データ", freeze_row=1, freeze_col=1,
                       column_widths=widths, column_formats=fmts, autofilter=True,
                       page_setup={"landscape": True, "paper_size": 9, "fit_to_pages": (1, 0),
                                   "repeat_rows": 0})
    return api, time.perf_counter() - started - api


def _xl(col: int, row: int) -> str:
    """0-based (col, row) → ``A1``."""
    name = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        name = chr(65 + rem) + name
    return f"{name}{row + 1}"


def write_excelize(path: str, sheet: str, content: dict) -> tuple[float, float]:
    """excelize (Go Excelize via ctypes), the in-memory File API (the stream writer of the Python
    binding takes no per-cell style)."""
    import excelize as ex

    started = time.perf_counter()
    f = ex.new_file()
    name = "資料1-3" if sheet == "a" else "集約データ"
    f.set_sheet_name("Sheet1", name)
    f.set_doc_props(ex.DocProperties(title="bench", created="2000-01-01T00:00:00Z",
                                     modified="2000-01-01T00:00:00Z"))

    def style(font: str = "ＭＳ 明朝", size: float = 9, **kw: object) -> int:
        border = [ex.Border(type=side, color="000000", style=1) for side in ("left", "right", "top", "bottom")]
        return f.new_style(ex.Style(
            border=border if kw.get("border") else None,
            font=ex.Font(family=font, size=size, bold=bool(kw.get("bold"))),
            alignment=ex.Alignment(horizontal=kw.get("align", ""), vertical=kw.get("valign", "top"),
                                   wrap_text=bool(kw.get("wrap"))),
            fill=ex.Fill(type="pattern", pattern=1, color=[kw["bg"]]) if kw.get("bg") else ex.Fill(),
            custom_num_fmt=kw.get("num")))

    if sheet == "a":
        s = {"centre": style(border=1, wrap=1, align="center", valign="center"),
             "name": style("ＭＳ ゴシック", border=1, wrap=1, bold=1, valign="center"),
             "status": style(border=1, wrap=1, bold=1, align="center", valign="center", bg="#C5D9F1"),
             "money": style(border=1, wrap=1, valign="center", num="#,##0"),
             "label": style("ＭＳ ゴシック", border=1, wrap=1, bold=1, bg="#F2F2F2"),
             "text": style(border=1, wrap=1)}
        for col, width in enumerate(COLUMNS):
            letter = _xl(col, 0)[:-1]
            f.set_col_width(name, letter, letter, width)
        put, styled, merge, high = f.set_cell_str, f.set_cell_style, f.merge_cell, f.set_row_height
        put(name, "A2", "行財政改革推進計画　事業別の取組状況")
        merge(name, "A2", "F2")
        row = 3
        for kind, values, height in content["rows"]:
            r = row + 1
            if kind == "item":
                ident, iname, status, effect = values
                put(name, f"A{r}", ident)
                styled(name, f"A{r}", f"A{r}", s["centre"])
                put(name, f"B{r}", iname)
                styled(name, f"B{r}", f"C{r}", s["name"])
                merge(name, f"B{r}", f"C{r}")
                put(name, f"D{r}", status)
                styled(name, f"D{r}", f"D{r}", s["status"])
                if effect is not None:
                    f.set_cell_int(name, f"E{r}", effect)
                styled(name, f"E{r}", f"F{r}", s["money"])
                merge(name, f"E{r}", f"F{r}")
            else:
                label, text = values
                put(name, f"A{r}", label)
                styled(name, f"A{r}", f"A{r}", s["label"])
                put(name, f"B{r}", text)
                styled(name, f"B{r}", f"F{r}", s["text"])
                merge(name, f"B{r}", f"F{r}")
            high(name, r, height)
            row += 1
        for brk in content["breaks"]:
            f.insert_page_break(name, f"A{brk + 1}")
        f.set_page_layout(name, ex.PageLayoutOptions(size=9, orientation="portrait", fit_to_width=1,
                                                     fit_to_height=0))
        f.set_page_margins(name, ex.PageLayoutMarginsOptions(left=0.55, right=0.55, top=0.6, bottom=0.6,
                                                             header=0.3, footer=0.3, horizontally=True))
        f.set_header_footer(name, ex.HeaderFooterOptions(odd_footer=FOOTER))
        f.set_sheet_props(name, ex.SheetPropsOptions(fit_to_page=True))
        f.set_defined_name(ex.DefinedName(name="_xlnm.Print_Titles", refers_to=f"'{name}'!$1:$3", scope=name))
        f.set_sheet_view(name, 0, ex.ViewOptions(show_grid_lines=False))
    else:
        text = style("ＭＳ ゴシック", 11, wrap=1)
        plain = style("ＭＳ ゴシック", 11)
        number = style("ＭＳ ゴシック", 11, num="#,##0")
        last = len(content["rows"]) + 1
        f.set_sheet_row(name, "A1", list(content["headers"]))
        for r, values in enumerate(content["rows"], start=2):
            f.set_sheet_row(name, f"A{r}", values)
        for c in range(DATA_COLUMNS):
            letter = _xl(c, 0)[:-1]
            f.set_col_width(name, letter, letter, 30 if c in content["long_text"] else 12)
            fmt = number if c in content["numeric"] else text if c in content["long_text"] else plain
            f.set_cell_style(name, f"{letter}2", f"{letter}{last}", fmt)
        f.add_table(name, ex.Table(range=f"A1:{_xl(DATA_COLUMNS - 1, last - 1)}", name="集約データ",
                                   style_name="TableStyleLight9"))
        f.set_panes(name, ex.Panes(freeze=True, x_split=1, y_split=1, top_left_cell="B2",
                                   active_pane="bottomRight"))
        f.set_page_layout(name, ex.PageLayoutOptions(size=9, orientation="landscape", fit_to_width=1,
                                                     fit_to_height=0))
    api = time.perf_counter() - started
    f.save_as(path)
    f.close()
    return api, time.perf_counter() - started - api


def write_pyexcelerate(path: str, sheet: str, content: dict) -> tuple[float, float]:
    """PyExcelerate: cell values and styles, merges; (no print set-up, no tables: left out)."""
    from pyexcelerate import Alignment, Color, Fill, Font, Style, Workbook
    from pyexcelerate.Border import Border
    from pyexcelerate.Borders import Borders
    from pyexcelerate import Format
    from pyexcelerate.DataTypes import DataTypes

    started = time.perf_counter()
    wb = Workbook()
    ws = wb.new_sheet("資料1-3" if sheet == "a" else "集約データ")
    thin = Borders(left=Border(), right=Border(), top=Border(), bottom=Border())
    literal = DataTypes.INLINE_STRING  # keeps a leading "=" a string (PyExcelerate's own default: formula)

    def style(font: str = "ＭＳ 明朝", size: float = 9, **kw: object) -> Style:
        bg = kw.get("bg")
        return Style(font=Font(family=font, size=size, bold=bool(kw.get("bold"))),
                     alignment=Alignment(horizontal=kw.get("align", "left"), vertical=kw.get("valign", "top"),
                                         wrap_text=bool(kw.get("wrap"))),
                     borders=thin if kw.get("border") else None,
                     fill=Fill(background=Color(int(bg[1:3], 16), int(bg[3:5], 16), int(bg[5:7], 16)))
                     if bg else None,
                     format=None, data_type=None if kw.get("num") else literal)

    if sheet == "a":

        s = {"centre": style(border=1, wrap=1, align="center", valign="center"),
             "name": style("ＭＳ ゴシック", border=1, wrap=1, bold=1, valign="center"),
             "status": style(border=1, wrap=1, bold=1, align="center", valign="center", bg="#C5D9F1"),
             "money": style(border=1, wrap=1, valign="center", num=1),
             "label": style("ＭＳ ゴシック", border=1, wrap=1, bold=1, bg="#F2F2F2"),
             "text": style(border=1, wrap=1)}
        s["money"].format = Format("#,##0")
        for col, width in enumerate(COLUMNS, start=1):
            ws.set_col_style(col, Style(size=width))
        value, styled = ws.set_cell_value, ws.set_cell_style
        value(2, 1, "行財政改革推進計画　事業別の取組状況")
        ws.range((2, 1), (2, 6)).merge()
        row = 4
        for kind, values, height in content["rows"]:
            if kind == "item":
                ident, name, status, effect = values
                value(row, 1, ident)
                styled(row, 1, s["centre"])
                value(row, 2, name)
                for col in (2, 3):
                    styled(row, col, s["name"])
                ws.range((row, 2), (row, 3)).merge()
                value(row, 4, status)
                styled(row, 4, s["status"])
                if effect is not None:
                    value(row, 5, effect)
                for col in (5, 6):
                    styled(row, col, s["money"])
                ws.range((row, 5), (row, 6)).merge()
            else:
                label, text = values
                value(row, 1, label)
                styled(row, 1, s["label"])
                value(row, 2, text)
                for col in range(2, 7):
                    styled(row, col, s["text"])
                ws.range((row, 2), (row, 6)).merge()
            ws.set_row_style(row, Style(size=height))
            row += 1
        ws.show_grid_lines = False
    else:

        text = style("ＭＳ ゴシック", 11, wrap=1)
        plain = style("ＭＳ ゴシック", 11)
        number = style("ＭＳ ゴシック", 11, num=1)
        number.format = Format("#,##0")
        fmts = [number if c in content["numeric"] else text if c in content["long_text"] else plain
                for c in range(DATA_COLUMNS)]
        for c in range(DATA_COLUMNS):
            ws.set_col_style(c + 1, Style(size=30 if c in content["long_text"] else 12))
        value, styled = ws.set_cell_value, ws.set_cell_style
        for c, header in enumerate(content["headers"], start=1):
            value(1, c, header)
        for r, values in enumerate(content["rows"], start=2):
            for c, v in enumerate(values):
                value(r, c + 1, v)
                styled(r, c + 1, fmts[c])
        ws.auto_filter = True
    api = time.perf_counter() - started
    wb.save(path)
    return api, time.perf_counter() - started - api


def run_writer(variant: str, sheet: str, rows: int, path: str) -> tuple[float, float]:
    """Generate the content (not timed) and write it with ``variant``."""
    content = sheet_a_content(rows) if sheet == "a" else sheet_b_content(rows)
    if variant == "xlsxwriter":
        return write_xlsxwriter(path, sheet, content)
    if variant == "xlsxwriter-nopad":
        return write_xlsxwriter(path, sheet, content, pad="none")
    if variant == "xlsxwriter-lastpad":
        return write_xlsxwriter(path, sheet, content, pad="last")
    return {"rvgsrust-xlsxwriter": write_rvgsrust, "rustpy-xlsxwriter": write_rustpy,
            "excelize": write_excelize, "pyexcelerate": write_pyexcelerate}[variant](path, sheet, content)


# --- parent: children, medians, table ----------------------------------------------------------------

def installed(variant: str) -> bool:
    """Whether the library of ``variant`` can be imported."""
    import importlib.util

    return importlib.util.find_spec(WRITERS[variant][0]) is not None


def run_child(variant: str, sheet: str, rows: int, path: str, timeout: float) -> dict:
    """One child process: wall time, peak RSS (os.wait4), the child's own api/close timers.

    A child still running after ``timeout`` seconds is killed and reported as timed out.
    """
    argv = [sys.executable, str(Path(__file__).resolve()), "--child", variant, sheet, str(rows), path]
    started = time.perf_counter()
    with tempfile.TemporaryFile() as sink:
        proc = subprocess.Popen(argv, stdout=sink, stderr=subprocess.STDOUT, cwd=ROOT)
        if hasattr(os, "wait4"):
            _wait_or_kill(proc, timeout)
            timed_out = proc.returncode is None
        else:
            try:
                proc.wait(timeout=timeout)
                timed_out = False
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
                timed_out = True
        if timed_out:
            Path(path).unlink(missing_ok=True)
            return {"timeout": timeout}
        sink.seek(0)
        out = sink.read()
    return _finish(proc, out, started, path)


def _wait_or_kill(proc: subprocess.Popen, timeout: float) -> None:
    """Wait for ``proc`` with ``os.wait4`` (keeping its rusage), killing it after ``timeout``."""
    deadline = time.perf_counter() + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            proc._bench_usage = usage  # type: ignore[attr-defined]
            return
        if time.perf_counter() > deadline:
            proc.kill()
            os.wait4(proc.pid, 0)
            proc.returncode = None
            return
        time.sleep(0.02)


def _finish(proc: subprocess.Popen, out: bytes, started: float, path: str) -> dict:
    """Timings, peak RSS and file size of a finished child."""
    peak = None
    usage = getattr(proc, "_bench_usage", None)
    if usage is not None:
        scale = 1024 * 1024 if sys.platform == "darwin" else 1024
        peak = usage.ru_maxrss * 1024 / scale / 1024
    wall = time.perf_counter() - started
    text = out.decode("utf-8", errors="replace")
    if proc.returncode != 0:
        return {"error": text.strip().splitlines()[-1] if text.strip() else f"exit {proc.returncode}"}
    timings = json.loads(text.strip().splitlines()[-1])
    return {"wall": wall, "peak": peak, "size": os.path.getsize(path), **timings}


def check_output(path: Path) -> str:
    """Read a written file back with openpyxl: cells, merged ranges, row heights, first text."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    cells = sum(1 for row in ws.iter_rows() for c in row if c.value is not None)
    heights = sum(1 for d in ws.row_dimensions.values() if d.height)
    b4 = ws["B4"].value
    return (f"{ws.title}: {ws.max_row} rows, {cells} values, {len(ws.merged_cells.ranges)} merged, "
            f"{heights} explicit heights, {len(ws.row_breaks.brk)} breaks, B4={str(b4)[:12]!r}")


def _slow(runs: list[dict], base: list[dict] | None) -> bool:
    """Whether the first run was more than ONCE_ABOVE × XlsxWriter's first run (run once, then)."""
    if not runs or not base or "wall" not in runs[0] or "wall" not in base[0]:
        return False
    return runs[0]["wall"] > ONCE_ABOVE * base[0]["wall"]


def fmt_s(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=16_500, help="initiatives (a) and table rows (b)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each writer (median)")
    parser.add_argument("--writers", default=",".join(DEFAULT_WRITERS),
                        help=f"comma-separated, from: {', '.join(WRITERS)}")
    parser.add_argument("--sheets", default="a,b", help="a (資料1-3-like), b (集約データ-like)")
    parser.add_argument("--timeout", type=float, default=25.0,
                        help="seconds before a child is killed (that writer is then skipped on that sheet)")
    parser.add_argument("--keep", type=Path, help="keep one output of each writer here and read it back with openpyxl "
                             "(slow: use with a small --rows)")
    parser.add_argument("--child", nargs=4, metavar=("VARIANT", "SHEET", "ROWS", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        variant, sheet, rows, path = args.child
        api, close = run_writer(variant, sheet, int(rows), path)
        print(json.dumps({"api": api, "close": close}))
        return 0

    variants = [v for v in args.writers.split(",") if v]
    sheets = [s for s in args.sheets.split(",") if s]
    unknown = [v for v in variants if v not in WRITERS]
    if unknown:
        parser.error(f"unknown writers: {', '.join(unknown)}")
    load_before = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "-"
    results: dict[tuple[str, str], list[dict]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = args.keep or Path(tmp)
        out_dir.mkdir(parents=True, exist_ok=True)
        for _ in range(args.repeat):  # alternate: one run of every writer, then again
            for sheet in sheets:
                for variant in variants:
                    if sheet not in WRITERS[variant][1] or not installed(variant):
                        continue
                    runs = results.setdefault((sheet, variant), [])
                    if any("timeout" in r for r in runs) or _slow(runs, results.get((sheet, BASELINE))):
                        continue
                    path = out_dir / f"{sheet}-{variant}.xlsx"
                    runs.append(run_child(variant, sheet, args.rows, str(path), args.timeout))
        load_after = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "-"
        print(f"rows {args.rows:,}, {args.repeat} runs each, medians; load {load_before} → {load_after}; "
              f"{os.cpu_count()} CPUs")
        for sheet in sheets:
            label = "(a) 資料1-3-like" if sheet == "a" else f"(b) 集約データ-like, {DATA_COLUMNS} columns"
            print(f"\n{label}")
            print("| writer | API s | close s | wall s | wall / xlsxwriter | peak RSS MB | file MB |")
            print("|---|---|---|---|---|---|---|")
            base = results.get((sheet, BASELINE), [])
            base_wall = statistics.median(r["wall"] for r in base) if base and all("wall" in r for r in base) else None
            for variant in variants:
                if sheet not in WRITERS[variant][1]:
                    if not variant.endswith("pad"):  # padding exists only on sheet (a)
                        print(f"| {variant} | {NOT_EXPRESSIBLE} | | | | | |")
                    continue
                if not installed(variant):
                    print(f"| {variant} | {NOT_INSTALLED} | | | | | |")
                    continue
                runs = results[(sheet, variant)]
                if any("timeout" in r for r in runs):
                    print(f"| {variant} | 打ち切り（{args.timeout:g} 秒超） | | | | | |")
                    continue
                errors = [r["error"] for r in runs if "error" in r]
                if errors:
                    print(f"| {variant} | error: {errors[0][:60]} | | | | | |")
                    continue
                med = {k: statistics.median(r[k] for r in runs) for k in ("api", "close", "wall", "size")}
                peak = statistics.median(r["peak"] for r in runs) if runs[0]["peak"] is not None else None
                ratio = f"{med['wall'] / base_wall:.2f}" if base_wall else "-"
                if len(runs) < args.repeat:
                    ratio += f" ({len(runs)} run)"
                print(f"| {variant} | {fmt_s(med['api'])} | {fmt_s(med['close'])} | {fmt_s(med['wall'])} | "
                      f"{ratio} | {fmt_s(peak)} | {med['size'] / 1e6:.1f} |")
        if args.keep:
            print("\nread back with openpyxl:")
            for path in sorted(args.keep.glob("*.xlsx")):
                try:
                    print(f"- {path.name}: {check_output(path)}")
                except Exception as exc:  # noqa: BLE001 - report what cannot be read
                    print(f"- {path.name}: 読めません ({type(exc).__name__}: {exc})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
