"""The office's loop with departments: the 回答期限 (a date in Japanese or ISO writing) and the
times it is compared with.

Dates are read here (with the era table and date patterns of :mod:`gyokaku_xl.domain.tokens`) and
nowhere else.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from gyokaku_xl import text as g
from gyokaku_xl.domain.model import Period, Plan
from gyokaku_xl.domain.normalize import clean, nfkc
from gyokaku_xl.domain.tokens import DATE_ERA_YMD, DATE_WEEKDAY, DATE_YMD, ERA_FIRST_YEAR, ERAS

#: Japan Standard Time: a 回答期限 is a day in Japan; saved times in UTC are compared in it.
JST = timezone(timedelta(hours=9))
#: Excel's day 0 (serial dates count from here, after Excel's 1900 leap-year slip).
_EXCEL_EPOCH = date(1899, 12, 30)
_WEEKDAY = re.compile(DATE_WEEKDAY)
_TIME = re.compile(r"[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?\s*$")
_ISO = re.compile(DATE_YMD)
_ERA = {name: first for name, _letter, first in ERAS}
_ERA_LETTER = {letter: first for _name, letter, first in ERAS}


def parse_deadline(value: object) -> date | None:
    """A 回答期限 written as ``2021-10-15``, ``2021/10/15``, ``2021年10月15日``, ``令和3年10月15日``,
    ``R3.10.15`` (a trailing weekday such as ``（金）`` is allowed), an Excel date cell or its serial
    number; None when ``value`` is no such date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return None
    text = _TIME.sub("", nfkc(clean(value)))  # a date cell's text may carry 00:00:00
    text = re.sub(r"\s+", "", text)
    if not text:
        return None
    if re.fullmatch(r"\d{5}(\.0+)?", text):  # an Excel serial day (1973..2173)
        return _checked(_EXCEL_EPOCH + timedelta(days=int(float(text))))
    text = _WEEKDAY.sub("", text)
    m = _ISO.fullmatch(text)
    if m:
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.fullmatch(DATE_ERA_YMD, text)
    if m:
        era = m.group(1)
        first = _ERA.get(era) or _ERA_LETTER.get(era.upper())
        if first is None:
            return None
        number = 1 if m.group(2) == ERA_FIRST_YEAR else int(m.group(2))
        if number < 1:
            return None
        return _make(first + number - 1, int(m.group(3)), int(m.group(4)))
    return None


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return _checked(date(year, month, day))
    except ValueError:
        return None


def _checked(day: date) -> date | None:
    return day if 1900 <= day.year <= 2200 else None


def deadline_of(plan: Plan) -> date | None:
    """The plan master's 回答期限 (設定), None when not set or unreadable."""
    return parse_deadline(plan.settings.get(g.SETTING_DEADLINE, ""))


def period_end(period: Period) -> date:
    """The last day of a reporting period: 上半期 ends on 30 September, the others on 31 March."""
    if period.half == g.PERIOD_FIRST_HALF:
        return date(period.fiscal_year, 9, 30)
    return date(period.fiscal_year + 1, 3, 31)


def deadline_for(plan: Plan, period: Period | None) -> date | None:
    """The 回答期限 of ``period``'s 照会: the plan master's, unless it falls on or before the end
    of the period (then it is an earlier 照会's, left in the plan master; None)."""
    deadline = deadline_of(plan)
    if deadline is None or period is None or deadline <= period_end(period):
        return None
    return deadline


def stale_deadline(plan: Plan, period: Period) -> date | None:
    """The plan master's 回答期限 when it is an earlier 照会's (see :func:`deadline_for`), else None."""
    deadline = deadline_of(plan)
    return deadline if deadline is not None and deadline_for(plan, period) is None else None


def date_label(day: date) -> str:
    """``令和3年10月15日（金）``."""
    for name, _letter, first in ERAS:
        if day.year >= first:
            number = day.year - first + 1
            year = ERA_FIRST_YEAR if number == 1 else str(number)
            return g.DATE_LABEL.format(era=name, year=year, month=day.month, day=day.day,
                                       weekday=g.WEEKDAYS[day.weekday()])
    return g.DATE_LABEL.format(era="", year=day.year, month=day.month, day=day.day,
                               weekday=g.WEEKDAYS[day.weekday()])


def short_date_label(day: date) -> str:
    """``10月15日``."""
    return g.DATE_SHORT.format(month=day.month, day=day.day)


def local_time(iso: str) -> datetime | None:
    """An ISO 8601 time (``2021-10-16T01:00:00Z``, with or without offset) in Japan time; a time
    without offset is taken as Japan time. None when unreadable."""
    text = clean(iso)
    if not text:
        return None
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=JST)
    return moment.astimezone(JST)
