"""Numeric targets (数値目標): indicators the plan attaches to its 取組, the rating bands (評価区分),
and the columns of the form's second input sheet.

An indicator has a 基準値, a direction (増: larger is better; 減: smaller is better) and a 目標値
per fiscal year; a department reports its 実績値 each period. Values are Excel numbers (int or
float); arithmetic on them is in :mod:`gyokaku_xl.core.targets`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from gyokaku_xl import text as g
from gyokaku_xl.domain.normalize import clean, key, nfkc
from gyokaku_xl.domain.tokens import DIRECTION_DOWN_WORDS, DIRECTION_UP_WORDS, MINUS_SIGNS

Number = int | float

UP = g.DIRECTION_UP
DOWN = g.DIRECTION_DOWN
#: What a plan master may write in 向き (matched after NFKC, spaces removed) → UP or DOWN.
DIRECTION_WORDS: dict[str, str] = {**{w: UP for w in DIRECTION_UP_WORDS}, **{w: DOWN for w in DIRECTION_DOWN_WORDS}}


@dataclass(frozen=True)
class Indicator:
    """One 指標 of a 取組: its 単位, 基準値, 向き and 目標値 per fiscal year (Gregorian start year)."""

    initiative_id: str
    name: str
    unit: str = ""
    baseline: Number | None = None
    direction: str = UP
    targets: tuple[tuple[int, Number], ...] = ()

    @property
    def key(self) -> tuple[str, str]:
        """The matching key: 取組番号 and 指標名 after normalisation."""
        return indicator_key(self.initiative_id, self.name)

    def target(self, year: int) -> Number | None:
        """The 目標値 of fiscal year ``year`` (None when the plan gives none)."""
        return dict(self.targets).get(year)

    @property
    def non_negative(self) -> bool:
        """True when the 基準値 and every 目標値 are 0 or more (a negative 実績値 is then suspicious)."""
        values = [v for _y, v in self.targets] + ([self.baseline] if self.baseline is not None else [])
        return bool(values) and all(v >= 0 for v in values)


def indicator_key(initiative_id: object, name: object) -> tuple[str, str]:
    """(取組番号, 指標名) as matched: width, dashes and spaces ignored."""
    return key(initiative_id), key(name)


@dataclass(frozen=True)
class RatingBand:
    """One 評価区分: its name, the lowest 達成率 (%) it takes and what it means."""

    name: str
    lower: Number
    description: str = ""


@dataclass(frozen=True)
class Ratings:
    """The 評価区分 in display order, best first (each 下限 strictly below the one above)."""

    bands: tuple[RatingBand, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.bands)

    @property
    def names(self) -> tuple[str, ...]:
        """The band names, best first."""
        return tuple(b.name for b in self.bands)

    @property
    def lowest(self) -> str:
        """The worst band's name ('' without bands)."""
        return self.bands[-1].name if self.bands else ""

    def rate(self, percent: Number | None) -> str:
        """The band of a 達成率: the first (best) whose 下限 it reaches; below every 下限, the lowest
        band; '' when there is no 達成率 or no bands."""
        if percent is None or not self.bands:
            return ""
        for band in self.bands:
            if percent >= band.lower:
                return band.name
        return self.bands[-1].name


@dataclass(frozen=True)
class TargetPlan:
    """A plan's indicators (plan order: by 取組, then the sheet's order) and its ratings."""

    indicators: tuple[Indicator, ...] = ()
    ratings: Ratings = field(default_factory=Ratings)
    _by_initiative: dict[str, tuple[Indicator, ...]] = field(init=False, repr=False, compare=False)
    _by_key: dict[tuple[str, str], Indicator] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_initiative: dict[str, list[Indicator]] = {}
        for i in self.indicators:
            by_initiative.setdefault(key(i.initiative_id), []).append(i)
        object.__setattr__(self, "_by_initiative", {k: tuple(v) for k, v in by_initiative.items()})
        object.__setattr__(self, "_by_key", {i.key: i for i in reversed(self.indicators)})

    def __bool__(self) -> bool:
        return bool(self.indicators)

    def of(self, initiative_id: str) -> tuple[Indicator, ...]:
        """The indicators of one 取組, in the sheet's order."""
        return self._by_initiative.get(key(initiative_id), ())

    def find(self, initiative_id: object, name: object) -> Indicator | None:
        """The indicator a (取組番号, 指標名) pair names, or None."""
        return self._by_key.get(indicator_key(initiative_id, name))


#: The longest number text read (beyond it a value is no 実績値: ``int`` of thousands of digits is slow).
MAX_NUMBER_CHARS = 24
#: Kinds of reading of a number (see :func:`parse_number`).
BLANK, OK, COMMA, NORMALIZED, UNIT, INVALID = "blank", "ok", "comma", "normalized", "unit", "invalid"
_NUMBER = re.compile(r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[-+]?\.\d+")
_MINUS = str.maketrans({c: "-" for c in MINUS_SIGNS})


def parse_number(value: object, unit: str = "") -> tuple[Number | None, str]:
    """Read a 実績値 (or a plan's 基準値・目標値): ``(number, kind)`` with kind one of BLANK, OK, COMMA (half-width digits with
    thousands commas), NORMALIZED (full-width digits or minus read as half-width), UNIT (the
    indicator's unit typed after the number, read without it) or INVALID."""
    if value is None or (isinstance(value, str) and clean(value) == ""):
        return None, BLANK
    if isinstance(value, bool):
        return None, INVALID
    if isinstance(value, (int, float)):
        return (value, OK) if math.isfinite(value) else (None, INVALID)
    raw = clean(value)
    text = nfkc(raw).translate(_MINUS).replace(" ", "")
    kind = OK
    unit_key = nfkc(unit).replace(" ", "") if unit else ""
    if unit_key and text.endswith(unit_key) and len(text) > len(unit_key):
        text = text[: -len(unit_key)]
        kind = UNIT
    if not _NUMBER.fullmatch(text) or len(text) > MAX_NUMBER_CHARS:
        return None, INVALID
    number_text = text.replace(",", "")
    number: Number = float(number_text) if "." in number_text else int(number_text)
    if kind == OK:
        kind = NORMALIZED if nfkc(raw).translate(_MINUS) != raw else (COMMA if "," in text else OK)
    return number, kind


# --- reported values ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Actual:
    """A 実績値 as accepted from a form: the value, the 説明, and where it was written."""

    initiative_id: str
    name: str
    value: Number | None
    explanation: str = ""
    file: str = ""
    sheet: str = ""
    cell: str = ""

    @property
    def key(self) -> tuple[str, str]:
        """(取組番号, 指標名) as matched."""
        return indicator_key(self.initiative_id, self.name)


# --- the form's 「数値目標」 sheet ----------------------------------------------------------------
@dataclass(frozen=True)
class TargetColumn:
    """One column of the form's 数値目標 sheet."""

    key: str
    label: str
    width: float
    locked: bool
    year_end_only: bool = False


TARGET_FORM_COLUMNS: tuple[TargetColumn, ...] = (
    TargetColumn("initiative_id", g.FORM_COL_INITIATIVE_ID, 9, True),
    TargetColumn("initiative", g.FORM_COL_INITIATIVE, 24, True),
    TargetColumn("indicator", g.FORM_COL_INDICATOR, 24, True),
    TargetColumn("unit", g.FORM_COL_UNIT, 7, True),
    TargetColumn("baseline", g.FORM_COL_BASELINE, 10, True),
    TargetColumn("target", g.FORM_COL_TARGET, 13, True),
    TargetColumn("first_half", g.FORM_COL_FIRST_HALF, 11, True, year_end_only=True),
    TargetColumn("previous_year", g.FORM_COL_PREVIOUS_YEAR, 11, True, year_end_only=True),
    TargetColumn("actual", g.FORM_COL_ACTUAL, 11, False),
    TargetColumn("explanation", g.FORM_COL_EXPLANATION, 36, False),
)
#: Columns the reader needs to find (the others are shown for reference).
TARGET_FORM_NEEDED = ("initiative_id", "indicator", "actual")
TARGET_TITLE_ROW = 0
TARGET_NOTE_ROW = 1
TARGET_HEADER_ROW = 6
