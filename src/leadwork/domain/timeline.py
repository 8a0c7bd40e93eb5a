"""One model of time for every view: when a week counts as checked in, which week a view
stands on, what reading period a week falls in, and when an indicator exists. Pure.

Real weeks are irregular. A story is captured on Tuesday, before the week's check-in; a
week is skipped; a number is read once a month; an indicator is agreed mid-quarter. The
rules below are the only place those facts are decided, so the dashboard, the one-on-one,
the check-in, the lists, the map and the report cannot disagree about them:

- A week's *check-in was done* when its file records more than readings: a time audit,
  confidence, follow-ups, commitments, plans or a reflection (`checkin_done`). Readings
  alone (imported, or filed late into a month's last week) and captured stories or
  conversations are not a check-in.
- A week is *checked in*, and a view can stand on it, when it holds readings or a done
  check-in. A view *stands on* the current week once it is checked in, else on the latest
  week that is: on Tuesday, before the check-in, last week's readings are the latest there
  are.
- A reading stands for its *period*: its week (the default), its month or its quarter. A
  week belongs to the month and quarter that hold its Thursday, as an ISO week belongs to
  the year of its Thursday. An indicator's value in a week is its latest reading in that
  week's period, up to that week; a week of the period before its first reading takes that
  first reading, once it was entered: seen from a later week, October's reading stands for
  the first week of October too, while a view standing on that first week (before the
  reading was entered) shows the month as due, never a value from its future
  (`value_in`).
- An indicator *exists* from the week it was agreed (or of its first reading, if earlier or
  if no date was agreed) until the week it is retired. Outside that span it is not shown,
  counted or asked for, except as *new*: agreed after the week a view stands on but by the
  view's day (on Tuesday, before this week's check-in, an indicator agreed on Monday), it
  is shown with no data and its agreement day, owes nothing and makes no trend
  (`agreed_since`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TypeVar

from leadwork.model.words import ReadingCadence
from leadwork.plainclass import plainclass
from leadwork.weeks import Week

if TYPE_CHECKING:
    from leadwork.model.checkin import Checkin
    from leadwork.model.indicators import Indicator

CADENCES: tuple[ReadingCadence, ...] = ("weekly", "monthly", "quarterly")
# The most weeks a period can hold: a quarter by Thursdays has 13 or 14.
LONGEST_PERIOD_WEEKS = 14

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# ---- checked in, and the week a view stands on ----------------------------------------------


def checked_in(checkin: Checkin | None) -> bool:
    """Does the week hold what a check-in records: readings, or anything of the weekly
    check-in itself (`checkin_done`)? The week a view can stand on: readings imported or
    filed late into it are the latest there are. Stories and conversations captured during
    the week do not count: `story` and `conversation` write them before the week's
    check-in, into the same file."""
    return checkin is not None and (bool(checkin.readings) or checkin_done(checkin))


def checkin_done(checkin: Checkin | None) -> bool:
    """Was the weekly check-in done that week? It records more than readings: a time audit,
    confidence, last week's follow-ups, commitments, own plans or a reflection. Readings
    alone do not say so (`indicator import` writes them, and a reading entered late for a
    month or quarter is filed in that period's last week), nor do captured stories and
    conversations. What every view counts or asks for as a check-in: "No check-in since",
    the report's and `reflect`'s "with a check-in", `check`'s count."""
    if checkin is None:
        return False
    return (
        bool(checkin.last_week or checkin.commitments or checkin.plans)
        or _any_value(checkin.hours)
        or _any_value(checkin.confidence)
        or _any_value(checkin.reflection)
    )


def _any_value(table: object | None) -> bool:
    if table is None:
        return False
    return any(v is not None for v in vars(table).values())


def standing_week(today: dt.date, latest_checked_in: Week | None) -> Week:
    """The week a view of `today` stands on: the current week once it is checked in, else
    the latest checked-in week before it, else (a new journal) the current week."""
    current = Week.of(today)
    if latest_checked_in is None or latest_checked_in >= current:
        return current
    return latest_checked_in


# ---- reading periods --------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Period:
    """A week, a month or a quarter: what one reading stands for."""

    cadence: ReadingCadence
    year: int
    number: int  # the ISO week, the month (1-12) or the quarter (1-4)

    def __str__(self) -> str:
        if self.cadence == "monthly":
            return f"{_MONTHS[self.number - 1]} {self.year}"
        if self.cadence == "quarterly":
            return f"{self.year}-Q{self.number}"
        return f"{self.year:04d}-W{self.number:02d}"

    @property
    def noun(self) -> str:
        return {"weekly": "week", "monthly": "month", "quarterly": "quarter"}[self.cadence]

    @property
    def weeks(self) -> list[Week]:
        """The period's weeks, oldest first (those whose Thursday falls in it)."""
        weeks = [self.last_week]
        while period_of(weeks[0].minus(1), self.cadence) == self:
            weeks.insert(0, weeks[0].minus(1))
        return weeks

    @property
    def last_week(self) -> Week:
        """The period's last week (the latest whose Thursday falls in it): where a reading
        entered afterwards for it is filed, so that it stands for the period."""
        if self.cadence == "weekly":
            return Week(self.year, self.number)
        month = self.number if self.cadence == "monthly" else self.number * 3
        after = dt.date(self.year + month // 12, month % 12 + 1, 1)
        week = Week.of(after - dt.timedelta(days=1))
        return week if period_of(week, self.cadence) == self else week.minus(1)


_PERIOD_SHAPES = {
    "monthly": ("YYYY-MM", "2027-02"),
    "quarterly": ("YYYY-Qn", "2027-Q1"),
    "weekly": ("YYYY-Www", "2027-W08"),
}


def parse_period(text: str, cadence: ReadingCadence) -> Period:
    """A period as a flag names it, for an indicator read at `cadence`: a month 2027-02, a
    quarter 2027-Q1, a week 2027-W08. ValueError says why not."""
    shape, example = _PERIOD_SHAPES[cadence]
    year, sep, rest = text.strip().upper().partition("-")
    try:
        if not sep or len(year) != 4:
            raise ValueError
        if cadence == "weekly":
            week = Week.parse(text.strip(), typed=True)
            return Period(cadence, week.year, week.number)
        if cadence == "quarterly":
            if not rest.startswith("Q"):
                raise ValueError
            number, top = int(rest[1:]), 4
        else:
            number, top = int(rest), 12
        if not 1 <= number <= top or not 1 <= int(year) <= 9998:
            raise ValueError
    except ValueError:
        raise ValueError(
            f"'{text}' is not a {cadence.removesuffix('ly')} as {shape}, e.g. {example}"
        ) from None
    return Period(cadence, int(year), number)


def period_of(week: Week, cadence: ReadingCadence) -> Period:
    if cadence == "weekly":
        return Period(cadence, week.year, week.number)
    thursday = week.monday + dt.timedelta(days=3)
    if cadence == "monthly":
        return Period(cadence, thursday.year, thursday.month)
    return Period(cadence, thursday.year, (thursday.month - 1) // 3 + 1)


def week_for_day(day: dt.date, cadence: ReadingCadence) -> Week:
    """The week a reading dated `day` is filed in: the day's own week, unless that week
    counts for another month or quarter (a week belongs to the period of its Thursday):
    then the nearest week of the day's own period. A spreadsheet dates November's figure
    2026-11-30, a Monday whose week is December's; filed there, it would be December's."""
    week = Week.of(day)
    if cadence == "weekly":
        return week
    number = day.month if cadence == "monthly" else (day.month - 1) // 3 + 1
    wanted = Period(cadence, day.year, number)
    if period_of(week, cadence) == wanted:
        return week
    before = week.minus(1)
    return before if period_of(before, cadence) == wanted else week + 1


@dataclass
class Value:
    """An indicator's value in a week: the latest reading of the week's period, and the week
    it was read in (the week itself for a weekly indicator)."""

    value: float
    read_in: Week


def value_in(
    week: Week,
    cadence: ReadingCadence,
    readings: Mapping[Week, float],
    as_of: Week | None = None,
) -> Value | None:
    """An indicator's value in `week`, as a view standing on `as_of` sees it (default: the
    week itself; never earlier). The latest reading of `week`'s period up to `week`; for a
    week of the period before its first reading, that first reading, once it was entered
    (read in a week up to `as_of`): a period's reading stands for every week of its period,
    but a view never shows a value entered after the week it stands on."""
    if cadence == "weekly":
        value = readings.get(week)
        return None if value is None else Value(value, week)
    period = period_of(week, cadence)
    probe = week
    for _ in range(LONGEST_PERIOD_WEEKS):
        if period_of(probe, cadence) != period:
            break
        if probe in readings:
            return Value(readings[probe], probe)
        probe = probe.minus(1)
    probe = week + 1
    while as_of is not None and probe <= as_of and period_of(probe, cadence) == period:
        if probe in readings:
            return Value(readings[probe], probe)
        probe = probe + 1
    return None


# ---- the span an indicator exists in ------------------------------------------------------


def live_on(retired_on: dt.date | None, day: dt.date) -> bool:
    """The one rule of retirement, for an indicator, a strategic choice and a capability
    alike (`retired_on`: the first day it no longer is): live on `day` when not retired by
    then. A view as of a day shows what is live on it (`live`)."""
    return retired_on is None or retired_on > day


def live_in(retired_on: dt.date | None, week: Week) -> bool:
    """Live during `week`: not retired before the week began (`live_on` its Monday). A
    record of that week (a reading, a story, a review) may name it."""
    return live_on(retired_on, week.monday)


class Retirable(Protocol):
    @property
    def retired_on(self) -> dt.date | None: ...


R = TypeVar("R", bound=Retirable)


def live(items: Iterable[R], day: dt.date) -> list[R]:
    """The choices (capabilities) of `items` live on `day` (`live_on`), in their order:
    what a view as of that day shows."""
    return [item for item in items if live_on(item.retired_on, day)]


def live_during(items: Iterable[R], week: Week) -> list[R]:
    """The choices (capabilities) of `items` live in `week` (`live_in`), in their order:
    what a view of that week shows. Views judge a week by the week rule, as an indicator
    (`Span`): a choice, a capability and an indicator retired the same day leave the same
    views, from the first week that begins on or after that day (trial 22: in the
    retirement week an indicator still shown was said to serve nothing)."""
    return live(items, week.monday)


def retired_by(retired_on: dt.date | None, week: Week) -> str | None:
    """Why a record of `week` should not name what `retired_on` retired (`live_in`):
    "retired on 2026-12-14 (2026-W51)"; None while it is live."""
    if live_in(retired_on, week):
        return None
    return f"retired on {retired_on} ({Week.of(retired_on)})" if retired_on else None


@plainclass
class Span:
    """The weeks an indicator exists in: from `first` (None: as far back as we look) to the
    week before the one it was retired in (None: still tracked)."""

    first: Week | None
    retired_on: dt.date | None

    def __contains__(self, week: Week) -> bool:
        if self.first is not None and week < self.first:
            return False
        return live_in(self.retired_on, week)


def span_of(indicator: Indicator, read_weeks: Iterable[Week]) -> Span:
    """From the week it was agreed, or of its first reading when that is earlier (history
    typed in afterwards is shown) or when no date was agreed."""
    starts = [w for w in read_weeks]
    if indicator.agreed_on is not None:
        starts.append(Week.of(indicator.agreed_on))
    return Span(min(starts, default=None), indicator.retired_on)


def agreed_since(indicator: Indicator, stand: Week, as_of: dt.date) -> dt.date | None:
    """The day the indicator was agreed, when that is after the week a view stands on
    (`standing_week`) and by the view's day `as_of`, and it is not retired by then: the
    view shows it as new (no data, "agreed 7 Dec"), though its span starts after `stand`.
    Never for a view of a past week (`--week`): it is judged as of that week's Sunday. The
    one rule for "what the person owns on the meeting's day" and for every view's list."""
    agreed = indicator.agreed_on
    if agreed is None or agreed > as_of or Week.of(agreed) <= stand:
        return None
    retired = indicator.retired_on
    return agreed if retired is None or retired > as_of else None


def not_tracked_in(indicator: Indicator, week: Week) -> str:
    """Why `week` is outside the indicator's span (`span_of`), for a view standing on it
    (`indicator show --week`): "complaints was agreed on 2026-11-03 (2026-W45): not
    tracked in 2026-W44", or "... was retired on ...". Only for a week the span leaves out:
    before the week it was agreed (no reading then, or the span would start there), or
    from the week of a retirement on its Monday on."""
    retired = indicator.retired_on
    if retired is not None and retired <= week.monday:
        why = f"was retired on {retired} ({Week.of(retired)})"
    elif indicator.agreed_on is not None:
        why = f"was agreed on {indicator.agreed_on} ({Week.of(indicator.agreed_on)})"
    else:
        why = "has no reading by then"
    return f"{indicator.id} {why}: not tracked in {week}"


def read_twice(period: Period, later: Week, which: str = "the later") -> str:
    """What a month (quarter) read in two weeks with two values means (`value_in`), the one
    wording of `check`'s warning ("this one") and the check-in's note: "each stands for its
    weeks of Dec 2026, the later from 2026-W53 on"."""
    return f"each stands for its weeks of {period}, {which} from {later} on"


def readings_of(indicator_id: str, checkins: Mapping[Week, Checkin]) -> dict[Week, float]:
    """Every week's reading of one indicator, from the check-ins given."""
    return {w: c.readings[indicator_id] for w, c in checkins.items() if indicator_id in c.readings}
