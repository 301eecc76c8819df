"""Publication: the PDF's markup and profile (pure), and real LibreOffice exports read back.

The real exports check what a citizen gets: tagged PDF with title, language ja-JP, a structure
tree and one bookmark per 資料 (pdfinfo, pypdf); Japanese line breaking (no line of
``pdftotext -layout`` starts with 。、）」 etc.); chart labels exactly ``1(遅れ)``; zero-count
slices without labels; the chosen fonts embedded and the substitution reported.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from examples.variant_plans import FOUR_STATUS_SCALE, variant_result
from gyokaku_xl import text as g
from gyokaku_xl.publish import pdf, libreoffice as publish
from gyokaku_xl.core.content import master_content
from gyokaku_xl.render.master import write_master
from gyokaku_xl.render.styles import NO_LINE_START
from test_summary import reference_like_result


# --- pure parts ---------------------------------------------------------------------------------
FODS = """<office:document><office:meta><dc:title>集約結果.xlsx</dc:title></office:meta><office:styles>
<style:default-style style:family="table-cell"><style:paragraph-properties style:tab-stop-distance="1.25cm"/><style:text-properties fo:language="en" fo:country="US" style:language-asian="zh" style:country-asian="CN"/></style:default-style>
<style:style style:name="Default" style:family="table-cell"><style:text-properties fo:color="#000000"/></style:style>
<style:style style:name="ce1" style:family="table-cell" style:parent-style-name="Default"/>
<style:style style:name="ce2" style:family="table-cell"><style:paragraph-properties fo:margin-left="0cm" style:line-break="normal"/></style:style>
<style:style style:name="ch1" style:family="chart"><style:chart-properties chart:link-data-style-to-source="true"/></style:style>
<style:style style:name="gr1" style:family="graphic"><style:graphic-properties draw:fill="none"/></style:style>
</office:styles></office:document>"""


def test_markup_turns_on_kinsoku_for_every_cell_style():
    text = publish.publication_markup(FODS, "ある市の行革　令和5年度【上半期】取組状況")
    cell_styles = re.findall(r'<style:(?:default-)?style\b[^>]*style:family="table-cell".*?</style:(?:default-)?style>',
                             text, re.DOTALL)
    assert len(cell_styles) == 4
    assert all(s.count('style:line-break="strict"') == 1 for s in cell_styles)
    assert 'style:line-break="normal"' not in text
    assert 'fo:margin-left="0cm"' in text  # other properties stay


def test_markup_removes_autospace_from_charts_only():
    text = publish.publication_markup(FODS)
    chart = re.search(r'<style:style style:name="ch1".*?</style:style>', text, re.DOTALL).group(0)
    assert 'style:text-autospace="none"' in chart and "chart:link-data-style-to-source" in chart
    assert '<style:style style:name="gr1" style:family="graphic"><style:graphic-properties draw:fill="none"/></style:style>' in text


def test_markup_sets_title_and_japanese():
    text = publish.publication_markup(FODS, "題＆名")
    assert "<dc:title>題＆名</dc:title>" in text and "集約結果.xlsx" not in text
    default = re.search(r"<style:default-style.*?</style:default-style>", text, re.DOTALL).group(0)
    for attribute in ('fo:language="ja"', 'fo:country="JP"', 'style:language-asian="ja"', 'style:country-asian="JP"'):
        assert attribute in default
    assert publish.publication_markup(FODS, "") .count("<dc:title>集約結果.xlsx</dc:title>") == 1


def test_profile_is_japanese_and_lists_replacements():
    xcu = publish.profile_settings({"BIZ UD明朝 Medium": "BIZ UDMincho"})
    for key in ("ooLocale", "ooSetupSystemLocale", "DefaultLocale", "DefaultLocale_CJK"):
        assert f'<prop oor:name="{key}" oor:op="fuse"><value>ja-JP</value></prop>' in xcu
    assert '<prop oor:name="CJKFont" oor:op="fuse"><value>true</value></prop>' in xcu
    assert "<value>BIZ UD明朝 Medium</value>" in xcu and "<value>BIZ UDMincho</value>" in xcu
    assert '<prop oor:name="Replacement" oor:op="fuse"><value>true</value></prop>' in xcu
    assert '<value>false</value></prop></item>' in publish.profile_settings({})  # no table, no replacement


def test_font_substitutions_pick_the_first_installed():
    installed = {"BIZ UDMincho", "BIZ UDゴシック", "IPAexGothic", "Noto Serif CJK JP"}
    fonts = ["BIZ UDゴシック", "BIZ UD明朝 Medium", "ＭＳ 明朝", "ＭＳ ゴシック", "不明なフォント"]
    assert publish.font_substitutions(fonts, installed) == {
        "BIZ UD明朝 Medium": "BIZ UDMincho", "ＭＳ 明朝": "Noto Serif CJK JP", "ＭＳ ゴシック": "IPAexGothic"}
    assert publish.font_substitutions(fonts, None) == {}  # fonts unknown (Windows): nothing claimed
    notices = publish.PdfExport([], {"ＭＳ 明朝": "IPAexMincho"}).notices()
    assert notices == ["PDF: フォント「ＭＳ 明朝」がないため、同じ字幅の「IPAexMincho」で代用しました。"]


def test_filter_options_ask_for_tagged_pdf_ua_with_bookmarks():
    import json
    options = json.loads(publish.pdf_filter_options())
    for name in ("UseTaggedPDF", "ExportBookmarks", "PDFUACompliance"):
        assert options[name] == {"type": "boolean", "value": "true"}


def test_master_carries_title_fonts_and_period(tmp_path):
    path = tmp_path / "m.xlsx"
    result = variant_result(3)
    write_master(path, result, master_content(result), tmp_path)
    fonts, title = publish.workbook_fonts_and_title(path)
    assert title == "ある市の行財政改革プラン（2023-2026）　令和5年度【上半期】取組状況"
    assert {"ＭＳ 明朝", "ＭＳ ゴシック"} <= set(fonts)


# --- real exports -------------------------------------------------------------------------------
def tools() -> None:
    if pdf.find_soffice() is None:
        pytest.fail("LibreOffice がありません（Debian: apt-get install libreoffice-calc-nogui）")
    for tool in ("pdftotext", "pdfinfo", "pdffonts"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} がありません（Debian: apt-get install poppler-utils）")


def run(*args: str) -> str:
    return subprocess.run(list(args), capture_output=True, text=True, check=True, timeout=120).stdout


@pytest.fixture(scope="module")
def exports(tmp_path_factory) -> dict[str, publish.PdfExport]:
    tools()
    folder = tmp_path_factory.mktemp("publication")
    nine = variant_result(9)
    biz = variant_result(4, scale=FOUR_STATUS_SCALE)
    biz.plan.fonts = g.FONT_CHOICES["BIZ UD明朝/BIZ UDゴシック"]
    out = {}
    for name, result in (("sample", reference_like_result()), ("nine", nine), ("biz", biz)):
        master = folder / f"{name}.xlsx"
        write_master(master, result, master_content(result), folder)
        out[name] = pdf.export_publication(master, folder / "pdf")
    return out


@pytest.mark.parametrize("name", ["sample", "nine", "biz"])
def test_pdf_is_tagged_with_title_language_and_bookmarks(exports, name):
    from pypdf import PdfReader

    path = exports[name].paths[0]
    info = run("pdfinfo", str(path))
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    title = re.search(r"^Title:\s+(.*)$", info, re.M).group(1)
    assert title.endswith("取組状況") and "【" in title
    reader = PdfReader(str(path))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "ja-JP"
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    outline = [(item.title, reader.get_destination_page_number(item)) for item in reader.outline
               if not isinstance(item, list)]
    assert [t for t, _page in outline] == ["資料1-1", "資料1-2", "資料1-3"]
    assert [p for _t, p in outline] == sorted(p for _t, p in outline) and outline[0][1] == 0
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp


@pytest.mark.parametrize("name", ["sample", "nine", "biz"])
def test_no_line_starts_with_a_closing_mark(exports, name):
    text = run("pdftotext", "-layout", str(exports[name].paths[0]), "-")
    closing = "。、，．）」』】〕〉》"  # (「・」 begins bulleted lines by design)
    assert set(closing) <= NO_LINE_START
    starts = [line for line in text.splitlines() if line.strip() and line.strip()[0] in closing]
    assert starts == []


def test_sample_paragraph_keeps_its_full_stop(exports):
    """The line the official PDF shows: 「…着実に取組を進めた。」 keeps 「。」 with its text."""
    text = run("pdftotext", "-f", "1", "-l", "1", str(exports["sample"].paths[0]), "-")
    assert "着実に取組を進め" in text
    assert re.search(r"進め\s*\n?\s*た。", text)


def test_chart_labels_are_exact(exports):
    page = run("pdftotext", "-layout", "-f", "1", "-l", "1", str(exports["sample"].paths[0]), "-")
    for label in ("1(遅れ)", "1(未着手)", "1(休止)", "2(済)", "50(概ね順調)"):
        assert label in page, label
    assert "( " not in page and " )" not in page


def test_zero_count_slices_have_no_label(exports):
    page = run("pdftotext", "-layout", "-f", "1", "-l", "1", str(exports["nine"].paths[0]), "-")
    labels = re.findall(r"(\d+)\((済|概ね順調|遅れ|未着手|休止)\)", page)
    assert labels and all(count != "0" for count, _status in labels)
    assert len({status for _c, status in labels}) == len(labels)  # each status labelled once


def test_chosen_fonts_are_embedded_and_substitution_reported(exports):
    export = exports["biz"]
    fonts = run("pdffonts", str(export.paths[0]))
    assert "BIZUDMincho" in fonts and "BIZUDGothic" in fonts, (
        "BIZ UD フォントがありません（Debian: apt-get install fonts-morisawa-bizud-mincho fonts-morisawa-bizud-gothic）")
    assert "PDF: フォント「BIZ UD明朝 Medium」がないため、同じ字幅の「BIZ UDMincho」で代用しました。" in export.notices()
    assert not any("BIZ UDゴシック" in n for n in export.notices())  # installed under its own name
