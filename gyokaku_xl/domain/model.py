"""The domain: perspectives, the status scale, programs, initiatives, the reporting period, the plan.

Japanese era arithmetic (令和 ⇄ 西暦) lives here and nowhere else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gyokaku_xl import text as g
from gyokaku_xl.domain.contacts import Contact
from gyokaku_xl.domain.schema import MAX_AMOUNT  # the one bound of 財政効果額・目標額 (千円)
from gyokaku_xl.domain.normalize import clean, key, nfkc
from gyokaku_xl.domain.targets import TargetPlan
from gyokaku_xl.domain.tokens import (ERA_FIRST_YEAR, ERAS, FIRST_HALF_WORDS, FISCAL_YEAR_WORD, FULLWIDTH_DIGITS,
                                      SECOND_HALF_WORDS, YEAR_END_WORDS, YEAR_RANGE, YEAR_SUFFIX, YEARS_IN_NAME)


class PeriodError(ValueError):
    """A fiscal year or period text that cannot be read."""


def parse_fiscal_year(value: object) -> int:
    """Read a fiscal year written as ``2021``, ``R3``, ``令和3``, ``令和3年度``, ``令和元年度`` or ``2021年度``.

    Full-width digits are accepted. Returns the Gregorian year in which the fiscal year starts.
    Raises :class:`PeriodError` when the text is not a fiscal year.
    """
    if isinstance(value, bool):
        raise PeriodError(str(value))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if float(value).is_integer() and 1900 <= int(value) <= 2200:
            return int(value)
        raise PeriodError(str(value))
    text = re.sub(r"\s+", "", nfkc(clean(value)))
    text = re.sub(YEAR_SUFFIX, "", text)
    if re.fullmatch(r"\d{4}", text):
        year = int(text)
        if 1900 <= year <= 2200:
            return year
        raise PeriodError(str(value))
    for name, letter, first in ERAS:
        m = re.fullmatch(rf"(?:{name}|{letter}|{letter.lower()})({ERA_FIRST_YEAR}|\d{{1,2}})", text)
        if m:
            number = 1 if m.group(1) == ERA_FIRST_YEAR else int(m.group(1))
            if number < 1:
                break
            return first + number - 1
    raise PeriodError(str(value))


_YEAR_RANGE = re.compile(YEAR_RANGE)
_YEARS_IN_NAME = re.compile(YEARS_IN_NAME)


def parse_plan_years(value: object) -> tuple[int, int] | None:
    """A plan period written as ``2020-2023``, ``2020～2023年度`` or ``令和2年度～令和5年度``:
    ``(first, last)`` fiscal years, None when the text is not such a range."""
    text = nfkc(clean(value)).replace(FISCAL_YEAR_WORD, "")
    m = _YEAR_RANGE.match(text)
    if not m:
        return None
    try:
        first, last = parse_fiscal_year(m.group(1)), parse_fiscal_year(m.group(2))
    except PeriodError:
        return None
    return (first, last) if first <= last else None


def plan_years_in_name(name: str) -> tuple[int, int] | None:
    """The ``（2020-2023）`` of a plan name such as 「平塚市行財政改革計画（2020-2023）」."""
    m = _YEARS_IN_NAME.search(nfkc(name or ""))
    if not m:
        return None
    first, last = int(m.group(1)), int(m.group(2))
    return (first, last) if first <= last else None


def era_label(year: int) -> str:
    """Return the Japanese label of fiscal year ``year``: 2021 → ``令和3年度``, 2019 → ``令和元年度``."""
    for name, _letter, first in ERAS:
        if year >= first:
            number = year - first + 1
            return g.YEAR_LABEL.format(era=name, number=ERA_FIRST_YEAR if number == 1 else number)
    return g.YEAR_LABEL_GREGORIAN.format(year=year)


def parse_period(value: object) -> str:
    """Read a reporting period (``上半期`` / ``下半期`` / ``年度末``; spaces and width ignored)."""
    text = key(value)
    aliases = {word: half for words, half in ((FIRST_HALF_WORDS, g.PERIOD_FIRST_HALF),
                                              (SECOND_HALF_WORDS, g.PERIOD_SECOND_HALF),
                                              (YEAR_END_WORDS, g.PERIOD_YEAR_END)) for word in words}
    if text in aliases:
        return aliases[text]
    raise PeriodError(str(value))


@dataclass(frozen=True, order=True)
class Period:
    """A reporting period: the fiscal year (Gregorian start year) and its half."""

    fiscal_year: int
    half: str

    @classmethod
    def parse(cls, year: object, half: object) -> "Period":
        """Build a period from user text such as ``令和3年度`` and ``上半期``."""
        return cls(parse_fiscal_year(year), parse_period(half))

    @property
    def year_label(self) -> str:
        """``令和3年度``."""
        return era_label(self.fiscal_year)

    @property
    def label(self) -> str:
        """``令和3年度【上半期】``."""
        return g.PERIOD_LABEL.format(year=self.year_label, half=self.half)

    @property
    def file_label(self) -> str:
        """A Windows-safe label for file names: ``令和3年度上半期``."""
        return f"{self.year_label}{self.half}"

    @property
    def order_key(self) -> tuple[int, int]:
        """Chronological sort key: fiscal year, then 上半期 < 下半期 < 年度末 (not string order)."""
        order = g.PERIODS.index(self.half) if self.half in g.PERIODS else len(g.PERIODS)
        return self.fiscal_year, order


# --- plan ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Perspective:
    """取組の視点: a number and a name, shown as ``(1)民間活力の活用``."""

    number: int
    name: str

    @property
    def label(self) -> str:
        """``(1)民間活力の活用``."""
        return f"({self.number}){self.name}"

    @property
    def heading(self) -> str:
        """``（１）民間活力の活用`` as the official document's section headings write it."""
        return g.PERSPECTIVE_HEADING.format(number=to_fullwidth_digits(str(self.number)), name=self.name)


@dataclass(frozen=True)
class Status:
    """One value of the status scale (進捗区分) and whether it counts as on track (順調)."""

    name: str
    on_track: bool
    definition: str = ""


@dataclass(frozen=True)
class StatusScale:
    """The ordered status scale; order is display order."""

    statuses: tuple[Status, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """The status names in display order."""
        return tuple(s.name for s in self.statuses)

    @property
    def on_track(self) -> tuple[str, ...]:
        """The names that count as on track."""
        return tuple(s.name for s in self.statuses if s.on_track)

    @property
    def not_on_track(self) -> tuple[str, ...]:
        """The names that do not count as on track."""
        return tuple(s.name for s in self.statuses if not s.on_track)

    def is_on_track(self, name: str) -> bool:
        """True when ``name`` is an on-track status."""
        return name in self.on_track

    def match(self, value: object) -> tuple[str, bool] | None:
        """Match user text to a status: ``(canonical, exact)``, or None when it is no status."""
        if isinstance(value, str) and value in self.names:
            return value, True
        k = key(value)
        for name in self.names:
            if key(name) == k:
                return name, False
        return None

    def choices_text(self) -> str:
        """``「済」「概ね順調」…`` for messages."""
        return "".join(g.QUOTED.format(n) for n in self.names)


DEFAULT_SCALE = StatusScale(tuple(Status(*status) for status in g.DEFAULT_STATUSES))


@dataclass(frozen=True)
class Program:
    """事業."""

    number: str
    perspective: int
    name: str
    priority: bool
    summary: bool
    department: str
    target: int | None = None  # 財政効果の目標額（千円）, from the optional 目標額（千円） column

    @property
    def title(self) -> str:
        """The name with 【重点】 where flagged."""
        return g.PROGRAM_PRIORITY_TITLE.format(name=self.name) if self.priority else self.name


@dataclass(frozen=True)
class Initiative:
    """取組."""

    id: str
    program: str
    name: str
    department: str


@dataclass
class Plan:
    """The plan master: what every form, check and report is built from."""

    name: str
    municipality: str
    perspectives: tuple[Perspective, ...]
    scale: StatusScale
    programs: tuple[Program, ...]
    initiatives: tuple[Initiative, ...]
    rounding: str = g.ROUNDING_TRUNCATE
    coordinator: str = ""
    settings: dict[str, str] = field(default_factory=dict)
    source: str = ""
    #: (明朝, ゴシック) the sheets and forms use: the 設定 item 「フォント」
    fonts: tuple[str, str] = g.FONT_CHOICES[g.FONT_CHOICE_DEFAULT]
    #: 財政効果の目標額（千円） per fiscal year (Gregorian start year), from the optional 財政効果目標 sheet
    fiscal_targets: dict[int, int] = field(default_factory=dict)
    #: 所管課 → mail address and person in charge, from the optional 所管課 sheet (督促 drafts)
    contacts: dict[str, Contact] = field(default_factory=dict)
    #: 数値目標: indicators and 評価区分, from the optional 数値目標 and 評価区分 sheets
    targets: TargetPlan = field(default_factory=TargetPlan)
    #: the 「計画の変更」 log (domain.revisions.PlanChange, in the order they apply; typed loosely
    #: because that module builds on this one)
    changes: tuple = ()
    #: 取組 the 取組 sheet lists that ended, were merged or renumbered by the period the plan is for
    retired: tuple[Initiative, ...] = ()
    #: (old number, number now) of renumbered 取組: a form that still has the old number is read as the new
    aliases: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        self._perspectives = {p.number: p for p in self.perspectives}
        self._programs = {p.number: p for p in self.programs}
        self._initiatives = {i.id: i for i in self.initiatives}
        self._initiative_keys = {key(i.id): i for i in self.initiatives}
        for old, now in self.aliases:
            if now in self._initiatives:
                self._initiative_keys.setdefault(key(old), self._initiatives[now])
        self._order = {i.id: n for n, i in enumerate(self.initiatives)}
        by_department: dict[str, list[Initiative]] = {}
        by_program: dict[str, list[Initiative]] = {}
        for i in self.initiatives:
            by_department.setdefault(i.department, []).append(i)
            by_program.setdefault(i.program, []).append(i)
        self._by_department = {k: tuple(v) for k, v in by_department.items()}
        self._by_program = {k: tuple(v) for k, v in by_program.items()}
        self._department_keys = {key(d): d for d in reversed(tuple(by_department))}
        by_perspective: dict[int, list[Program]] = {}
        for p in self.programs:
            by_perspective.setdefault(p.perspective, []).append(p)
        self._programs_by_perspective = {k: tuple(v) for k, v in by_perspective.items()}

    def perspective(self, number: int) -> Perspective:
        """The perspective with this number."""
        return self._perspectives[number]

    def program(self, number: str) -> Program:
        """The program with this number."""
        return self._programs[number]

    def initiative(self, initiative_id: str) -> Initiative:
        """The initiative with this exact id."""
        return self._initiatives[initiative_id]

    def find_initiative(self, typed: object) -> Initiative | None:
        """The initiative whose id matches ``typed`` after normalisation, or None."""
        return self._initiative_keys.get(key(typed))

    def program_of(self, initiative: Initiative) -> Program:
        """The program an initiative belongs to."""
        return self._programs[initiative.program]

    def perspective_of(self, initiative: Initiative) -> Perspective:
        """The perspective an initiative belongs to."""
        return self._perspectives[self.program_of(initiative).perspective]

    def order_of(self, initiative_id: str) -> int:
        """The position of an initiative in plan order."""
        return self._order.get(initiative_id, len(self._order))

    @property
    def departments(self) -> tuple[str, ...]:
        """All departments of the plan, in order of first appearance among the initiatives."""
        return tuple(self._by_department)

    def initiatives_of(self, department: str) -> tuple[Initiative, ...]:
        """The initiatives a department reports, in plan order."""
        return self._by_department.get(department, ())

    def find_department(self, typed: object) -> str | None:
        """The department whose name matches ``typed`` after normalisation, or None."""
        return self._department_keys.get(key(typed))

    def programs_of(self, perspective: int) -> tuple[Program, ...]:
        """The programs under a perspective, in plan order."""
        return self._programs_by_perspective.get(perspective, ())

    def initiatives_of_program(self, number: str) -> tuple[Initiative, ...]:
        """The initiatives of a program, in plan order."""
        return self._by_program.get(number, ())

    @property
    def years(self) -> tuple[int, int] | None:
        """The plan period ``(first, last)`` fiscal year: the 設定 item 「計画期間」, else the
        ``（2020-2023）`` in the plan name; None when neither says."""
        setting = self.settings.get(g.SETTING_PLAN_PERIOD, "")
        return (parse_plan_years(setting) if setting else None) or plan_years_in_name(self.name)




def bounded_amount(value: object) -> int | None:
    """``value`` when it is an int in 0..MAX_AMOUNT (not a bool), else None."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_AMOUNT:
        return value
    return None


# --- helpers ------------------------------------------------------------------------------------
_FULLWIDTH_DIGITS = str.maketrans("0123456789", FULLWIDTH_DIGITS)


def to_fullwidth_digits(text: str) -> str:
    """``12`` → ``１２``."""
    return text.translate(_FULLWIDTH_DIGITS)


def share_percent(part: int, whole: int, rounding: str = g.ROUNDING_TRUNCATE) -> int:
    """The share of ``part`` in ``whole`` as a whole percent, truncated or rounded half up.

    Integer arithmetic only, so 52/55 is 94 whatever the float rounding.
    """
    if whole <= 0:
        return 0
    if rounding == g.ROUNDING_HALF_UP:
        return (part * 200 + whole) // (whole * 2)
    return (part * 100) // whole
