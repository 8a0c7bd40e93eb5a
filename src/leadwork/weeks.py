"""ISO 8601 weeks: the journal's unit of time.

A week runs Monday to Sunday and belongs to the year that holds its Thursday, so
2026-W53 exists and 2027-01-01 (a Friday) belongs to it. Pure functions; `today` is
always passed in.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

_WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})$")

# The weeks a person may name (--week, $LEADWORK_TODAY): views reach years back and ahead
# of the week they show, which must stay inside the calendar dates can hold (years 1-9999).
FIRST_YEAR, LAST_YEAR = 1000, 8999

# A quarter: the history every view shows (sparklines, lists, one-on-one prep, JSON) and the
# default range of `report` and `reflect`.
SHOWN_WEEKS = 13


@functools.cache  # a few dozen years at most; every Week built asks
def weeks_in_year(year: int) -> int:
    """52 or 53: a year has 53 ISO weeks when its 28 December falls in week 53."""
    return dt.date(year, 12, 28).isocalendar().week


@dataclass(frozen=True, order=True)
class Week:
    year: int
    number: int

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9998:
            raise ValueError(f"year {self.year} is out of range")
        if not 1 <= self.number <= weeks_in_year(self.year):
            raise ValueError(
                f"{self.year} has {weeks_in_year(self.year)} ISO weeks, not {self.number}"
            )

    @classmethod
    def parse(cls, text: str, *, typed: bool = False) -> Week:
        """Read `YYYY-Www`; the error says what a valid week looks like.

        `typed`: a week a person typed on the command line (`--week`, `--from`, `--to`),
        where `2026-w48` is read as `2026-W48`. A journal's own weeks stay strict, a
        capital W only: a check-in's file name (`checkins/2026-W48.toml`) and its `week`
        key are the week's one spelling, so that no two files can name one week and the
        key always matches the name it is checked against."""
        written = text.strip()
        if typed and written[5:6] == "w":
            written = f"{written[:5]}W{written[6:]}"
        match = _WEEK_RE.match(written)
        if not match:
            raise ValueError(f"'{text}' is not a week; write it as YYYY-Www, like 2026-W48")
        year, number = int(match[1]), int(match[2])
        if year < 1:
            raise ValueError(f"'{text}' has no year")
        if number == 0:
            raise ValueError(f"'{text}': weeks are numbered from 1")
        most = weeks_in_year(year)
        if number > most:
            raise ValueError(f"'{text}': {year} has only {most} ISO weeks")
        return cls(year, number)

    @classmethod
    def of(cls, day: dt.date) -> Week:
        return _week_of(day)

    @property
    def monday(self) -> dt.date:
        return dt.date.fromisocalendar(self.year, self.number, 1)

    @property
    def sunday(self) -> dt.date:
        return dt.date.fromisocalendar(self.year, self.number, 7)

    def __add__(self, weeks: int) -> Week:
        return Week.of(self.monday + dt.timedelta(weeks=weeks))

    def minus(self, weeks: int) -> Week:
        return self + (-weeks)

    def weeks_since(self, other: Week) -> int:
        """How many weeks `other` lies before this one (negative if after)."""
        return (self.monday - other.monday).days // 7

    def contains(self, day: dt.date) -> bool:
        return self.monday <= day <= self.sunday

    def __str__(self) -> str:
        return f"{self.year:04d}-W{self.number:02d}"


@functools.lru_cache(maxsize=4096)
def _week_of(day: dt.date) -> Week:
    """The week of a day, remembered: status rules ask it for the same few dates (target
    changes, week starts) thousands of times per dashboard. Weeks are immutable."""
    iso = day.isocalendar()
    return Week(iso.year, iso.week)


def week_range(first: Week, last: Week) -> list[Week]:
    """Every week from first to last, both included (empty if first is after last)."""
    count = last.weeks_since(first)
    return [first + i for i in range(count + 1)] if count >= 0 else []


def last_weeks(end: Week, count: int) -> list[Week]:
    """The `count` weeks ending with `end`, oldest first."""
    return [end.minus(count - 1 - i) for i in range(count)]


def out_of_range(year: int, named: str) -> str | None:
    """Why a week or day of `year` cannot be shown, or None: the one rule for options and
    $LEADWORK_TODAY alike."""
    if FIRST_YEAR <= year <= LAST_YEAR:
        return None
    return f"{named} is outside the years leadwork keeps ({FIRST_YEAR} to {LAST_YEAR})"


def not_begun(week: Week, today: dt.date) -> str | None:
    """Why `week` has nothing to show or record yet, or None once it has begun: the one rule
    (and message) for `--week` and `--to` in every command, and for `check`."""
    current = Week.of(today)
    if week <= current:
        return None
    return f"{week} has not started yet (today is {today}, in {current})"


# ---- a day -------------------------------------------------------------------------------

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_day(text: str) -> dt.date:
    """A day written YYYY-MM-DD, and only so: the one parser of a day a person gives (every
    flag that takes a day, $LEADWORK_TODAY, the interviews' answers). Python's
    `date.fromisoformat` also takes `20261231`, `2026-W53` and `2026-W53-4`: a week taken for
    its Monday would date a record silently. ValueError for anything else."""
    text = text.strip()
    if not _ISO_DAY.fullmatch(text):
        raise ValueError(f"'{text}' is not written YYYY-MM-DD")
    return dt.date.fromisoformat(text)


def day_hint(text: str) -> str:
    """How to write a day, for a text `parse_day` refused: the day it would have been taken
    for, where Python's lenient reading gives one (`20261231`, `2026-W53`), and a week named
    as such."""
    try:
        meant = dt.date.fromisoformat(text.strip())
    except ValueError:
        return "write it as YYYY-MM-DD, like 2026-11-27"
    if "W" in text.upper():
        return f"a day is written YYYY-MM-DD, like {meant} (weeks, YYYY-Www, are for --week)"
    return f"write it as YYYY-MM-DD: {meant}"


# ---- dates written another way ------------------------------------------------------------

# 09/28/2026, 28.09.2026, 28-09-2026 (fifth trial: a European date with dashes got no hint)
_SLASHED = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_YEAR_FIRST = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")  # 2026-9-28, 2026/09/28
_MONTHS = "January February March April May June July August September October November December"


def as_iso_date(value: str) -> tuple[str, str] | None:
    """A date written another way (09/28/2026, 28.09.2026, 28-09-2026, 2026-9-28), as
    YYYY-MM-DD, and a note when day and month could be either; None if it does not look like
    a date. One rule for every place that reads a date: TOML files (store/toml_errors) and
    CSV imports."""
    year_first = _YEAR_FIRST.match(value)
    if year_first:
        year, month, day = (int(part) for part in year_first.groups())
        return f"{year:04d}-{month:02d}-{day:02d}", ""
    slashed = _SLASHED.match(value)
    if slashed is None:
        return None
    first, second, year = (int(part) for part in slashed.groups())
    if first > 12 >= second:
        return f"{year:04d}-{second:02d}-{first:02d}", ""
    if second > 12 >= first:
        return f"{year:04d}-{first:02d}-{second:02d}", ""
    month_first = f"{year:04d}-{first:02d}-{second:02d}"
    day_first = f"{year:04d}-{second:02d}-{first:02d}"
    if first == second or not (1 <= first <= 12 and 1 <= second <= 12):
        return month_first, ""
    months = _MONTHS.split()
    return month_first, (
        f" if you meant {second} {months[first - 1]}, or {day_first} if you meant "
        f"{first} {months[second - 1]}"
    )
