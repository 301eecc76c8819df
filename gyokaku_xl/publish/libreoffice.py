"""What a published PDF needs from LibreOffice: Japanese profile, fonts, kinsoku, tagged output.

Pure helpers for :mod:`gyokaku_xl.publish.pdf` (stdlib only):

- :func:`write_profile` writes the private profile's ``registrymodifications.xcu``: locale and
  default Asian language ja-JP, Asian language support on, and a font replacement table for the
  fonts the workbook names but this machine lacks (:func:`font_substitutions`).
- :func:`publication_markup` edits LibreOffice's flat spreadsheet (``.fods``) of the report copy:
  every cell style gets Japanese line breaking (``style:line-break="strict"``: no line starts with
  。、）」 and no line ends with （「), every chart style loses the automatic space between Japanese
  and Latin characters (chart labels read ``1(遅れ)``, not ``1( 遅れ )``), and the document gets
  its title and language.
- :func:`pdf_filter_options` is the PDF export's option set: tagged PDF, bookmarks, PDF/UA.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from gyokaku_xl import text as g

LANGUAGE = "ja-JP"
_CORE_XML = "docProps/core.xml"
_STYLES_XML = "xl/styles.xml"
_MAX_XML = 5 * 1024 * 1024

#: Font the workbook names → installed fonts with the same design and metrics, first found wins.
#: BIZ UD明朝 Medium (Windows) and BIZ UDMincho (Morisawa's free release) are one design; IPAex
#: has the MS fonts' character widths; Noto CJK is the last resort; Carlito has Calibri's metrics.
FONT_SUBSTITUTES: dict[str, tuple[str, ...]] = {
    g.FONT_MS_MINCHO: ("IPAexMincho", "IPAMincho", "Noto Serif CJK JP", "Source Han Serif JP"),
    g.FONT_MS_GOTHIC: ("IPAexGothic", "IPAGothic", "Noto Sans CJK JP", "Source Han Sans JP"),
    g.FONT_MS_PMINCHO: ("IPAexMincho", "IPAPMincho", "Noto Serif CJK JP"),
    g.FONT_MS_PGOTHIC: ("IPAexGothic", "IPAPGothic", "Noto Sans CJK JP"),
    g.FONT_BIZ_MINCHO: ("BIZ UDMincho", "IPAexMincho", "Noto Serif CJK JP"),
    g.FONT_BIZ_GOTHIC: ("BIZ UDGothic", "IPAexGothic", "Noto Sans CJK JP"),
    g.FONT_IPAEX_MINCHO: ("IPAexMincho", "IPAMincho", "Noto Serif CJK JP"),
    g.FONT_IPAEX_GOTHIC: ("IPAexGothic", "IPAGothic", "Noto Sans CJK JP"),
    "Calibri": ("Carlito",),
}


@dataclass
class PdfExport:
    """What the PDF export wrote, and which fonts stood in for the ones the workbook names."""

    paths: list[Path]
    substitutions: dict[str, str] = field(default_factory=dict)

    def notices(self) -> list[str]:
        """One Japanese line per substituted document font (empty when every font was installed).

        Calibri is only the spreadsheet's default style (no 資料 text uses it) and Carlito has its
        exact metrics, so its substitution is made but not announced.
        """
        return [g.PDF_FONT_SUBSTITUTED.format(font=font, substitute=substitute)
                for font, substitute in self.substitutions.items() if font not in _UNANNOUNCED]


#: Fonts substituted without a notice (see :meth:`PdfExport.notices`).
_UNANNOUNCED = frozenset({"Calibri"})


# --- fonts --------------------------------------------------------------------------------------
def installed_families() -> set[str] | None:
    """Font family names fontconfig knows (every language's name), or None without ``fc-list``."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        out = subprocess.run([fc_list, ":", "family"], capture_output=True, text=True, timeout=30,
                             encoding="utf-8", errors="replace").stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return {name.strip() for line in out.splitlines() for name in line.split(",") if name.strip()}


def font_substitutions(fonts: list[str], installed: set[str] | None) -> dict[str, str]:
    """For each font in ``fonts`` that is not installed, the first installed substitute.

    ``installed`` None means the machine's fonts are unknown (no fontconfig, e.g. Windows, where
    the fonts the sheets name are the system's own): nothing is substituted.
    """
    if installed is None:
        return {}
    result: dict[str, str] = {}
    for font in fonts:
        if font in installed:
            continue
        for candidate in FONT_SUBSTITUTES.get(font, ()):
            if candidate in installed:
                result[font] = candidate
                break
    return result


_FONT_NAME = re.compile(r'<name val="([^"]*)"')
_TITLE = re.compile(r"<dc:title>([^<]*)</dc:title>")


def workbook_fonts_and_title(path: Path) -> tuple[list[str], str]:
    """The font names a workbook's styles use (sorted) and its document title ("" if none)."""
    fonts: set[str] = set()
    title = ""
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        for member in (_STYLES_XML, *sorted(n for n in names if n.startswith("xl/charts/chart"))):
            if member in names and z.getinfo(member).file_size <= _MAX_XML:
                text = z.read(member).decode("utf-8", "replace")
                fonts.update(html.unescape(m) for m in _FONT_NAME.findall(text))
                fonts.update(html.unescape(m) for m in re.findall(r'typeface="([^"]*)"', text))
        if _CORE_XML in names and z.getinfo(_CORE_XML).file_size <= _MAX_XML:
            found = _TITLE.search(z.read(_CORE_XML).decode("utf-8", "replace"))
            title = html.unescape(found.group(1)) if found else ""
    return sorted(f for f in fonts if f), title


# --- the private profile ------------------------------------------------------------------------
def _prop(path: str, name: str, value: str) -> str:
    return (f'<item oor:path="{path}"><prop oor:name="{name}" oor:op="fuse">'
            f"<value>{html.escape(value)}</value></prop></item>")


def profile_settings(substitutions: dict[str, str]) -> str:
    """The ``registrymodifications.xcu`` text: Japanese locale, Asian support, font replacements."""
    items = [
        _prop("/org.openoffice.Setup/L10N", "ooSetupSystemLocale", LANGUAGE),
        _prop("/org.openoffice.Setup/L10N", "ooLocale", LANGUAGE),
        _prop("/org.openoffice.Office.Linguistic/General", "DefaultLocale", LANGUAGE),
        _prop("/org.openoffice.Office.Linguistic/General", "DefaultLocale_CJK", LANGUAGE),
        _prop("/org.openoffice.Office.Common/I18N/CJK", "CJKFont", "true"),
        _prop("/org.openoffice.Office.Common/I18N/CJK", "AsianTypography", "true"),
        _prop("/org.openoffice.Office.Common/I18N/CJK", "VerticalText", "true"),
        _prop("/org.openoffice.Office.Common/I18N/CJK", "JapaneseFind", "true"),
        _prop("/org.openoffice.Office.Common/Font/Substitution", "Replacement",
              "true" if substitutions else "false"),
    ]
    for n, (font, substitute) in enumerate(substitutions.items()):
        props = {"Always": "true", "OnScreenOnly": "false", "ReplaceFont": font, "SubstituteFont": substitute}
        body = "".join(f'<prop oor:name="{k}" oor:op="fuse"><value>{html.escape(v)}</value></prop>'
                       for k, v in props.items())
        items.append(f'<item oor:path="/org.openoffice.Office.Common/Font/Substitution/FontPairs">'
                     f'<node oor:name="_{n}" oor:op="replace">{body}</node></item>')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
            'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
            + "\n".join(items) + "\n</oor:items>\n")


def write_profile(profile: Path, substitutions: dict[str, str]) -> Path:
    """Create the private LibreOffice profile folder with :func:`profile_settings`."""
    user = profile / "user"
    user.mkdir(parents=True, exist_ok=True)
    path = user / "registrymodifications.xcu"
    path.write_text(profile_settings(substitutions), encoding="utf-8")
    return path


# --- the flat spreadsheet -----------------------------------------------------------------------
_STYLE = re.compile(r"<style:(style|default-style)\b([^>]*?)(?:/>|>(.*?)</style:\1>)", re.DOTALL)
_FAMILY = re.compile(r'style:family="([^"]*)"')
_PARAGRAPH = re.compile(r"<style:paragraph-properties\b([^>]*?)(/?)>")
_LINE_BREAK = 'style:line-break="strict"'
_NO_AUTOSPACE = 'style:text-autospace="none"'


def _with_paragraph_attribute(body: str, attribute: str) -> str:
    """``body`` (a style's children) with ``attribute`` on its paragraph properties."""
    name = attribute.split("=")[0]
    found = _PARAGRAPH.search(body)
    if found is None:
        return f"<style:paragraph-properties {attribute}/>" + body
    attrs = re.sub(rf'\s{re.escape(name)}="[^"]*"', "", found.group(1))
    return body[:found.start()] + f"<style:paragraph-properties{attrs} {attribute}{found.group(2)}>" + body[found.end():]


def publication_markup(fods: str, title: str = "") -> str:
    """The flat spreadsheet ``fods`` with kinsoku on every cell style and no autospace in charts.

    Also sets the document title (when given) and the document's languages to ja-JP.
    """
    def edit(match: re.Match[str]) -> str:
        kind, attrs, body = match.group(1), match.group(2), match.group(3) or ""
        family = _FAMILY.search(attrs)
        family_name = family.group(1) if family else ""
        if family_name == "table-cell":
            attribute = _LINE_BREAK
        elif family_name == "chart":
            attribute = _NO_AUTOSPACE
        else:
            return match.group(0)
        return f"<style:{kind}{attrs}>{_with_paragraph_attribute(body, attribute)}</style:{kind}>"

    text = _STYLE.sub(edit, fods)
    # the document's languages: Western and Asian text are Japanese
    text = re.sub(r'(<style:default-style style:family="table-cell">.*?<style:text-properties\b)([^>]*)',
                  _japanese, text, count=1, flags=re.DOTALL)
    if title:
        escaped = html.escape(title, quote=False)
        if "<dc:title>" in text:
            text = re.sub(r"<dc:title>[^<]*</dc:title>", lambda _m: f"<dc:title>{escaped}</dc:title>", text)
        else:
            text = text.replace("<office:meta>", f"<office:meta><dc:title>{escaped}</dc:title>", 1)
    return text


def _japanese(match: re.Match[str]) -> str:
    attrs = match.group(2)
    for name, value in (("fo:language", "ja"), ("fo:country", "JP"),
                        ("style:language-asian", "ja"), ("style:country-asian", "JP")):
        if f'{name}="' in attrs:
            attrs = re.sub(rf'{re.escape(name)}="[^"]*"', f'{name}="{value}"', attrs)
        else:
            attrs += f' {name}="{value}"'
    return match.group(1) + attrs


def pdf_filter_options() -> str:
    """LibreOffice's ``calc_pdf_Export`` options as JSON: tagged, bookmarked, PDF/UA.

    PDF/UA makes LibreOffice also write the document title into the PDF's window title and
    the language into the catalog (``/Lang``); LibreOffice 7.4 or later reads these options.
    """
    options = {
        "UseTaggedPDF": ("boolean", "true"),
        "ExportBookmarks": ("boolean", "true"),
        "PDFUACompliance": ("boolean", "true"),
        "DisplayPDFDocumentTitle": ("boolean", "true"),
        "ExportNotes": ("boolean", "false"),
        "SinglePageSheets": ("boolean", "false"),
    }
    return json.dumps({k: {"type": t, "value": v} for k, (t, v) in options.items()}, ensure_ascii=False,
                      separators=(",", ":"))
