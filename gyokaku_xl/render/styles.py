"""Shared look: fonts, status colours and cell formats for every sheet gyokaku_xl writes.

One fixed colour per status, used on every sheet and in the chart. Colours come from the status's
position on the scale, so another municipality's scale gets colours without code changes.
"""

from __future__ import annotations

from typing import Any

FONT_MINCHO = "ＭＳ 明朝"
FONT_GOTHIC = "ＭＳ ゴシック"
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


class Formats:
    """A cache of xlsxwriter formats for one workbook, keyed by their properties."""

    def __init__(self, workbook: Any, font: str = FONT_GOTHIC, size: float = FONT_SIZE) -> None:
        self.workbook = workbook
        self.base = {"font_name": font, "font_size": size}
        self._cache: dict[tuple, Any] = {}

    def get(self, **props: Any) -> Any:
        """The format with the base font plus ``props`` (created once)."""
        merged = {**self.base, **props}
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
