"""Shared look: fonts, status colours and cell formats for every sheet gyokaku_xl writes.

One fixed colour per status, used on every sheet and in the chart. Colours come from the status's
position on the scale, so another municipality's scale gets colours without code changes.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import re
import unicodedata
import weakref
from typing import Any, Sequence

from gyokaku_xl.infra.compat import merged_ranges

from gyokaku_xl import text as g
from gyokaku_xl.domain.tokens import NO_LINE_END as _NO_LINE_END, NO_LINE_START as _NO_LINE_START

FONT_MINCHO = g.FONT_MS_MINCHO
FONT_GOTHIC = g.FONT_MS_GOTHIC
FONT_SIZE = 10.5

#: Status colours by scale position: on-track statuses first get blues/greens, the rest warm
#: colours, so 済 / 概ね順調 / 遅れ / 未着手 / 休止 read as in the official chart.
ON_TRACK_COLOURS = ("#4472C4", "#70AD47", "#5B9BD5", "#A5D6A7", "#264478")
NOT_ON_TRACK_COLOURS = ("#FFC000", "#ED7D31", "#A5A5A5", "#C00000", "#7F6000")


def status_colours(names: tuple[str, ...], on_track: tuple[str, ...]) -> dict[str, str]:
    """Map each status name to a fixed colour (``#RRGGBB``), stable for a given scale."""
    colours: dict[str, str] = {}
    good = bad = 0
    for name in names:
        if name in on_track:
            colours[name] = ON_TRACK_COLOURS[good % len(ON_TRACK_COLOURS)]
            good += 1
        else:
            colours[name] = NOT_ON_TRACK_COLOURS[bad % len(NOT_ON_TRACK_COLOURS)]
            bad += 1
    return colours


def light(colour: str, amount: float = 0.75) -> str:
    """A lighter tint of ``#RRGGBB`` (for cell fills behind text)."""
    r, g_, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    mix = lambda c: round(c + (255 - c) * amount)  # noqa: E731
    return f"#{mix(r):02X}{mix(g_):02X}{mix(b):02X}"


def status_fill(colours: dict[str, str], status: str, amount: float = 0.55) -> dict[str, str]:
    """The format property of a light fill in ``status``'s colour (none for a status without one)."""
    colour = colours.get(status)
    return {"bg_color": light(colour, amount)} if colour else {}


#: The document fonts (明朝, ゴシック) chosen for a workbook (the plan's 「フォント」 setting).
_WORKBOOK_FONTS: "weakref.WeakKeyDictionary[Any, tuple[str, str]]" = weakref.WeakKeyDictionary()


def use_fonts(workbook: Any, fonts: tuple[str, str]) -> None:
    """Make every format and chart of ``workbook`` use ``fonts`` (明朝, ゴシック)."""
    _WORKBOOK_FONTS[workbook] = fonts


def fonts_of(workbook: Any) -> tuple[str, str]:
    """The (明朝, ゴシック) pair of ``workbook``: the one given to :func:`use_fonts`, else the MS pair."""
    return _WORKBOOK_FONTS.get(workbook, (FONT_MINCHO, FONT_GOTHIC))


def font_for(workbook: Any, font: str) -> str:
    """``font`` as written in ``workbook``: FONT_MINCHO/FONT_GOTHIC stand for the chosen pair."""
    mincho, gothic = fonts_of(workbook)
    return {FONT_MINCHO: mincho, FONT_GOTHIC: gothic}.get(font, font)


class Formats:
    """A cache of xlsxwriter formats for one workbook, keyed by their properties.

    ``FONT_MINCHO`` and ``FONT_GOTHIC`` name the roles (明朝, ゴシック); the formats get the
    workbook's chosen pair (:func:`use_fonts`).
    """

    def __init__(self, workbook: Any, font: str = FONT_GOTHIC, size: float = FONT_SIZE) -> None:
        self.workbook = workbook
        self.base = {"font_name": font, "font_size": size}
        self._cache: dict[tuple, Any] = {}

    def get(self, **props: Any) -> Any:
        """The format with the base font plus ``props`` (created once)."""
        merged = {**self.base, **props}
        merged["font_name"] = font_for(self.workbook, merged["font_name"])
        k = tuple(sorted(merged.items()))
        if k not in self._cache:
            self._cache[k] = self.workbook.add_format(merged)
        return self._cache[k]

    # common shapes -------------------------------------------------------------------------
    def header(self, **extra: Any) -> Any:
        """A table header cell."""
        return self.get(bold=True, bg_color="#D9E1F2", border=1, align="center", valign="vcenter",
                        text_wrap=True, **extra)

    def text(self, **extra: Any) -> Any:
        """A bordered wrapped text cell."""
        return self.get(border=1, valign="top", text_wrap=True, **extra)

    def number(self, **extra: Any) -> Any:
        """A bordered number cell."""
        return self.get(border=1, valign="top", num_format="#,##0", **extra)


# --- merged ranges ------------------------------------------------------------------------------
def merge_cells(sheet: Any, first_row: int, first_col: int, last_row: int, last_col: int,
                cell_format: Any) -> None:
    """Register a merged range and pad all but its top-left cell with formatted blanks.

    The same cells and range as xlsxwriter's ``merge_range``, without its per-cell overlap
    bookkeeping (our layouts never overlap; the master content test checks the ranges). The caller
    writes the top-left cell (``write_string``, ``write_number`` or ``write_blank``).
    """
    ranges = merged_ranges(sheet)
    if ranges is None:  # an xlsxwriter without the plain list: the public way
        sheet.merge_range(first_row, first_col, last_row, last_col, "", cell_format)
        return
    ranges.append([first_row, first_col, last_row, last_col])
    blank = sheet.write_blank
    for row in range(first_row, last_row + 1):
        for col in range(first_col + 1 if row == first_row else first_col, last_col + 1):
            blank(row, col, None, cell_format)


def put_text(sheet: Any, row: int, first: int, last: int, text: str, cell_format: Any) -> None:
    """Write text (always as a string) into one cell or a one-row merged range ``first``..``last``."""
    if first != last:
        merge_cells(sheet, row, first, row, last, cell_format)
    sheet.write_string(row, first, text, cell_format)


# --- rows with explicit heights -----------------------------------------------------------------
class Rows:
    """A sheet's rows written top to bottom, each with an explicit height (neither Excel nor
    LibreOffice grows a merged row to its text); ``heights[r]`` keeps row ``r``'s height for page
    breaks and for rows that grow later. Each report sheet's writer builds on it."""

    def __init__(self, sheet: Any, heights: list[float] | None = None) -> None:
        self.sheet = sheet
        self.heights: list[float] = [] if heights is None else heights
        self.row = len(self.heights)  # the rows already in ``heights`` are written

    def advance(self, height: float) -> int:
        """Set the current row's height and move on; returns the row just finished."""
        self.sheet.set_row(self.row, height)
        self.heights.append(height)
        self.row += 1
        return self.row - 1

    def gap(self, height: float = 6) -> None:
        """An empty spacer row."""
        self.advance(height)

    def grow(self, row: int, height: float) -> None:
        """Make an already written row taller."""
        self.heights[row] = height
        self.sheet.set_row(row, height)


# --- report pages -------------------------------------------------------------------------------
PAPER_A4 = 9
#: Page margins in inches (left, right, top, bottom) and header/footer distance.
MARGINS_PORTRAIT = (0.55, 0.55, 0.6, 0.6)
MARGINS_LANDSCAPE = (0.45, 0.45, 0.55, 0.6)
HEADER_FOOTER_MARGIN = 0.3
A4_INCHES = (8.27, 11.69)

#: Line height as a multiple of the font size. Japanese fonts (MS 明朝 in Excel, IPAex/Noto as
#: LibreOffice substitutes) need more than Latin ones; this keeps every wrapped line visible.
LINE_HEIGHT = 1.32
#: Cell padding in pixels (left + right) that wrapped text cannot use.
CELL_PADDING_PX = 8
#: Text is assumed this much wider than the nominal em grid. The report fonts (ＭＳ 明朝・ゴシック and
#: the same-width substitutes LibreOffice uses) set Japanese on the em grid, and the padding above
#: already leaves room; a larger factor made text that fits one line count as two (rows of 資料1-2
#: twice as tall as their text).
WIDTH_SAFETY = 1.0
MAX_ROW_HEIGHT = 409.0


def column_px(width: float) -> int:
    """Pixel width of a column of ``width`` character units (Excel's default-font rule)."""
    if width <= 0:
        return 0
    if width < 1:
        return int(width * 12 + 0.5)
    return int(width * 7 + 0.5) + 5


def width_of_px(px: float) -> float:
    """Column width in character units for ``px`` pixels (the inverse of :func:`column_px`)."""
    return round(max(px - 5, 7) / 7, 2)


def columns_px(widths: Sequence[float], first: int, last: int) -> int:
    """Pixel width of columns ``first``..``last`` of a sheet whose column widths are ``widths``."""
    return sum(column_px(widths[c]) for c in range(first, last + 1))


@functools.lru_cache(maxsize=None)
def char_units(char: str) -> int:
    """Width of one character in half-width units: 2 for East Asian wide/full/ambiguous, else 1."""
    return 2 if unicodedata.east_asian_width(char) in ("W", "F", "A") else 1


def text_units(text: str) -> int:
    """Width of ``text`` in half-width units."""
    if text.isascii():
        return len(text)
    return sum(map(char_units, text))


def capacity_units(px: float, size: float) -> int:
    """How many half-width units fit on one line of a cell ``px`` pixels wide at ``size`` pt."""
    half_px = size * 96 / 72 / 2 * WIDTH_SAFETY
    return max(1, int((px - CELL_PADDING_PX) / half_px))


@functools.lru_cache(maxsize=4096)
def wrapped_line_count(text: str, capacity: int) -> int:
    """Lines ``text`` takes when wrapped at ``capacity`` half-width units (explicit breaks kept).

    Wraps character by character, but keeps runs of Latin letters/digits together as Excel does,
    and follows the Japanese line-breaking rules (:func:`_wrap_tokens`).
    """
    total = 0
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if 2 * len(line) <= capacity or text_units(line) <= capacity:
            total += 1  # the common case: it fits
        else:
            total += _wrapped_lines(line, capacity)
    return max(1, total)


#: :func:`text_units` of a piece: pieces (single characters, short words) repeat a lot.
_piece_units = functools.lru_cache(maxsize=1 << 16)(text_units)


def _wrapped_lines(line: str, capacity: int) -> int:
    """Lines one line of text takes: pieces fill a line while they fit; a piece wider than a whole
    line is split wherever it is. Found line by line on the pieces' running widths (bisection),
    not piece by piece."""
    ends = list(itertools.accumulate(map(_piece_units, _wrap_tokens(line))))
    count = len(ends)
    lines, start, placed_end, first = 1, 0, 0, 0
    while True:
        nxt = bisect.bisect_right(ends, start + capacity, first)  # pieces first..nxt-1 fit
        if nxt >= count:
            return lines
        if nxt > first:
            placed_end = ends[nxt - 1]
        width = ends[nxt] - placed_end
        if width > capacity:  # split the piece: it goes on from where this line is filled
            over = placed_end - start + width
            lines += (over - 1) // capacity
            start = ends[nxt] - ((over - 1) % capacity + 1)
            placed_end = ends[nxt]
            first = nxt + 1
        else:  # the piece starts the next line
            lines += 1
            start = placed_end
            first = nxt


#: Unbreakable pieces: runs of half-width letters, digits and word punctuation, or one character.
_TOKEN_PATTERN = r"[A-Za-z0-9\uff66-\uff9d\-_.,:;/%()'\"@&+]+|."


#: Japanese line-breaking rules (kinsoku), as Excel and LibreOffice (ja-JP, strict) apply them:
#: characters that may not begin a line, and characters that may not end one.
NO_LINE_START = frozenset(_NO_LINE_START)
NO_LINE_END = frozenset(_NO_LINE_END)


def _class_of(chars: frozenset[str]) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


#: One piece of :func:`_wrap_tokens` as a single pattern: a token, then every token that starts
#: with a character that may not begin a line or follows one that may not end a line.
_PIECE = re.compile(f"(?:{_TOKEN_PATTERN})(?:(?={_class_of(NO_LINE_START)})(?:{_TOKEN_PATTERN})"
                    f"|(?<={_class_of(NO_LINE_END)})(?:{_TOKEN_PATTERN}))*", re.DOTALL)


def _wrap_tokens(line: str) -> list[str]:
    """Split a line into unbreakable pieces: Latin words or single characters.

    Kinsoku joins pieces: a character that may not begin a line sticks to the piece before it,
    and a piece after a character that may not end a line sticks to that character, so the
    line count is the one Excel and LibreOffice (Japanese rules) produce.
    """
    return _PIECE.findall(line)


def paragraph_lines(text: str, units: float) -> int:
    """Lines ``text`` takes at ``units`` half-width units a line, each paragraph rounded up on its
    own (the plain estimate of the forms and the annotated copies' list: no word or kinsoku rules)."""
    usable = max(float(units), 1.0)
    return sum(max(1, math.ceil(text_units(part) / usable)) for part in text.split("\n"))


def row_height(lines: int, size: float, extra: float = 3.0) -> float:
    """Row height in points for ``lines`` lines of ``size`` pt text."""
    return min(MAX_ROW_HEIGHT, round(lines * size * LINE_HEIGHT + extra, 1))


def text_height(text: str, px: float, size: float, extra: float = 3.0) -> float:
    """Row height in points that shows all of ``text`` wrapped in a cell ``px`` pixels wide."""
    return row_height(wrapped_line_count(text, capacity_units(px, size)), size, extra)


def printable_px(landscape: bool = False) -> int:
    """Printable width of an A4 page in pixels at 96 dpi with the report margins."""
    width, _height = A4_INCHES
    margins = MARGINS_LANDSCAPE if landscape else MARGINS_PORTRAIT
    if landscape:
        width = A4_INCHES[1]
    return int((width - margins[0] - margins[1]) * 96)


def printable_height_pt(landscape: bool = False) -> float:
    """Printable height of an A4 page in points with the report margins."""
    _width, height = A4_INCHES
    margins = MARGINS_LANDSCAPE if landscape else MARGINS_PORTRAIT
    if landscape:
        height = A4_INCHES[0]
    return (height - margins[2] - margins[3]) * 72


def setup_a4(sheet: Any, *, landscape: bool = False, footer: str = "") -> None:
    """A4, report margins, centred horizontally, optional footer."""
    sheet.set_paper(PAPER_A4)
    if landscape:
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    left, right, top, bottom = MARGINS_LANDSCAPE if landscape else MARGINS_PORTRAIT
    sheet.set_margins(left=left, right=right, top=top, bottom=bottom)
    sheet.center_horizontally()
    if footer:
        sheet.set_footer(footer, {"margin": HEADER_FOOTER_MARGIN})
        sheet.set_start_page(1)


def page_breaks(heights: list[float], keep: list[tuple[int, int]], page_pt: float,
                first_row: int = 0) -> list[int]:
    """Rows (0-based, sheet rows) to break before so that each ``keep`` span stays on one page.

    ``heights[i]`` is the height of sheet row ``first_row + i``; ``keep`` holds (start, end) row
    spans (inclusive, sheet rows) that should not be split. A span taller than a page is split
    where it must.
    """
    starts = {start: end for start, end in keep}
    breaks: list[int] = []
    used = 0.0
    row = first_row
    last = first_row + len(heights)
    while row < last:
        end = starts.get(row, row)
        span = sum(heights[r - first_row] for r in range(row, min(end, last - 1) + 1))
        if used > 0 and used + span > page_pt and span <= page_pt:
            breaks.append(row)
            used = 0.0
        if span <= page_pt:
            used += span
            row = end + 1
            continue
        h = heights[row - first_row]  # a span taller than a page: go row by row
        if used > 0 and used + h > page_pt:
            breaks.append(row)
            used = 0.0
        used += h
        row += 1
    return breaks
