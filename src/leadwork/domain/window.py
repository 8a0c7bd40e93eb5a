"""Which weeks a dashboard looks at: the rules the store uses to choose files to read and
the dashboard uses to compute, kept in one place so the two always agree.

A week's view needs the 13 weeks it shows (a little more when a setting reaches further
back, e.g. a 20-week story gap) and, for the refresh signals, the weeks since the last
strategy review, but never more than 26. Nothing depends on how long the journal is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from leadwork.domain.status import OWED_LOOKBACK_WEEKS
from leadwork.domain.timeline import LONGEST_PERIOD_WEEKS, standing_week
from leadwork.errors import UsageProblem
from leadwork.plainclass import plainclass
from leadwork.weeks import SHOWN_WEEKS, Week, last_weeks, week_range

if TYPE_CHECKING:
    from leadwork.model.indicators import Indicator
    from leadwork.model.settings import Settings

RECENT_WEEKS = 4  # "the last 4 weeks": stories, conversations, time-audit average
SIGNALS_MAX_WEEKS = 26  # refresh signals are looked for this far back at most


def judged_weeks(week: Week, settings: Settings) -> list[Week]:
    """The weeks whose check-ins the view judges, oldest first, ending with `week`."""
    reach = max(
        SHOWN_WEEKS,
        settings.trend_weeks + 1,  # n moves need n + 1 readings
        settings.story_gap_weeks,
        settings.customer_gap_weeks,
    )
    return last_weeks(week, reach)


@plainclass
class SignalWeeks:
    weeks: list[Week]
    capped: bool  # the review is older than SIGNALS_MAX_WEEKS (or there is none)


def signal_weeks(week: Week, reviewed_on: dt.date | None) -> SignalWeeks:
    """The weeks from the strategy review's week (signals heard that week before the review
    count until a review answers them) up to `week`, at most 26 of them."""
    earliest = week.minus(SIGNALS_MAX_WEEKS - 1)
    if reviewed_on is None:
        return SignalWeeks(week_range(earliest, week), capped=True)
    first = Week.of(reviewed_on)
    if first < earliest:
        return SignalWeeks(week_range(earliest, week), capped=True)
    return SignalWeeks(week_range(first, week), capped=False)


def reading_weeks_needed(
    week: Week, settings: Settings, indicators: Iterable[Indicator]
) -> list[Week]:
    """The weeks whose readings judge indicators as of `week`: the judged weeks, reaching
    back one period further when an indicator is read monthly or quarterly (the first
    judged week's value is the latest reading of its month or quarter)."""
    judged = judged_weeks(week, settings)
    return week_range(readings_from(judged[0], week, indicators), week)


def checkin_weeks_needed(
    week: Week,
    settings: Settings,
    reviewed_on: dt.date | None,
    indicators: Iterable[Indicator] = (),
) -> list[Week]:
    """Every week whose check-in the view may open, oldest first: the readings' weeks and
    the refresh signals' weeks."""
    weeks = set(reading_weeks_needed(week, settings, indicators))
    return sorted(weeks | set(signal_weeks(week, reviewed_on).weeks))


def period_reach(indicators: Iterable[Indicator]) -> int:
    """How many weeks before a range its readings may reach: none when every indicator is
    read weekly, else up to a quarter (a reading stands for the rest of its period)."""
    weekly = all(ind.cadence == "weekly" for ind in indicators)
    return 0 if weekly else LONGEST_PERIOD_WEEKS - 1


def readings_from(first: Week, week: Week, indicators: Iterable[Indicator]) -> Week:
    """The first week whose readings judge indicators over `first`..`week`: `first` when
    every indicator is read weekly; else a period further back (`period_reach`), and at
    least back to the first week of the period before `week`'s, which may be owed a
    reading (`status.owed_period`, over `OWED_LOOKBACK_WEEKS`)."""
    reach = period_reach(indicators)
    if not reach:
        return first
    return min(first.minus(reach), week.minus(OWED_LOOKBACK_WEEKS))


@plainclass
class ShownWeek:
    """The week a dashboard shows, and the day it is judged on (`as_of`).

    The default is the current week; when it has no check-in yet (on a Monday, say), the
    latest week that has one, judged as of today. An explicit past week is judged as it
    stood at its end (its Sunday), so `--week` shows what the dashboard said then.
    """

    week: Week
    as_of: dt.date
    today: dt.date
    latest_checkin: Week | None  # the latest week up to the current one with a check-in
    explicit: bool  # asked for with --week
    # the latest week up to the current one whose check-in was done (`timeline.checkin_done`):
    # `latest_checkin` may hold readings only (imported, or a month's filed late)
    latest_done: Week | None = None

    @property
    def current(self) -> Week:
        return Week.of(self.today)

    @property
    def is_fallback(self) -> bool:
        """The current week has no check-in, so the latest one that has is shown."""
        return not self.explicit and self.week != self.current


def choose_week(
    requested: Week | None,
    today: dt.date,
    latest_checkin: Week | None,
    latest_done: Week | None = None,
) -> ShownWeek:
    """Which week to show. `requested` must not be in the future (the caller checks);
    `latest_checkin` is the latest week up to the current one that has a check-in
    (`timeline.checked_in`), `latest_done` the latest whose check-in was done
    (`timeline.checkin_done`; the same week unless that one holds readings only)."""
    current = Week.of(today)
    if requested is not None:
        as_of = today if requested >= current else requested.sunday
        return ShownWeek(requested, as_of, today, latest_checkin, explicit=True)
    stand = standing_week(today, latest_checkin)
    return ShownWeek(stand, today, today, latest_checkin, explicit=False, latest_done=latest_done)


def range_ending(shown: ShownWeek, first: Week | None) -> tuple[Week, Week]:
    """The first and last weeks of a range (`report`, `reflect`). It ends on the week shown:
    the one asked for, or the week the dashboard stands on today (`choose_week`: this week
    once it is checked in, else the latest week that is), so that on Tuesday, before the
    check-in, a range ends on last week's readings as the dashboard does. It starts at
    `first`, by default the 13 weeks (a quarter, the dashboard's history) ending there."""
    last = shown.week
    start = first if first is not None else last.minus(SHOWN_WEEKS - 1)
    if start <= last:
        return start, last
    if shown.explicit:
        raise UsageProblem(
            f"{start} comes after {last}, the range's last week",
            hint="give the earlier week first",
            given="first",
        )
    if shown.is_fallback:
        raise UsageProblem(
            f"{start} comes after {last}, the latest week checked in, where a range ends "
            f"unless told ({shown.current} has no check-in yet)",
            hint=f"end it on a week without a check-in: «last» {start}",
            given="first",
        )
    raise UsageProblem(
        f"{start} comes after this week ({last})", hint="give a week that has begun", given="first"
    )
