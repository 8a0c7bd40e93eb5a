"""The scoreboard: every tracked indicator judged over the window, with its trend and, when
it has been in course-correct two weeks running, whether a plan was recorded. Pure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from leadwork.domain.cadence import Cadence
from leadwork.domain.status import (
    OFF_TRACK,
    PlanRecord,
    Thresholds,
    Track,
    WeekStatus,
    due_period,
    episode_held,
    is_active,
    judge_weeks,
    missed_period,
    owner_for,
    readings_in,
    track,
)
from leadwork.domain.timeline import Period, not_tracked_in, readings_of
from leadwork.domain.window import judged_weeks
from leadwork.model.words import ME
from leadwork.plainclass import plainclass
from leadwork.weeks import SHOWN_WEEKS, Week, week_range

if TYPE_CHECKING:
    from leadwork.model.checkin import Checkin
    from leadwork.model.indicators import Indicator
    from leadwork.model.one_on_one import OneOnOne
    from leadwork.model.settings import Settings


@plainclass
class IndicatorView:
    """An indicator as every view shows it (dashboard, `indicator list|show`, map): its
    definition, the week the view stands on, and its track (`judge_indicator`)."""

    indicator: Indicator
    week: Week  # the week the view stands on
    track: Track
    trend_weeks: int  # the setting the trend was judged with
    owner_next: Cadence | None = None  # when the owner's next one-on-one is due

    @property
    def id(self) -> str:
        return self.indicator.id

    @property
    def name(self) -> str:
        return self.indicator.name

    @property
    def owner(self) -> str | None:
        """Who owns it in the week the view stands on (`status.owner_for`)."""
        return owner_for(self.indicator, self.week)

    @property
    def unit(self) -> str:
        return self.indicator.unit

    @property
    def serves(self) -> tuple[str, ...]:
        return tuple(self.indicator.serves)

    @property
    def plan_needed(self) -> bool:
        """Course-correct two readings running, no plan in force for the episode."""
        return self.track.plan_needed

    @property
    def now(self) -> WeekStatus:
        return self.track.now

    @property
    def thresholds(self) -> Thresholds:
        return self.track.now.thresholds

    @property
    def history(self) -> tuple[WeekStatus, ...]:
        return self.track.history

    @property
    def trend_warning(self) -> bool:
        return self.track.trend

    @property
    def course_correct_weeks(self) -> int:
        return self.track.course_correct_weeks

    @property
    def active(self) -> bool:
        """Exists in the week seen from (agreed by then, not retired), or is new: agreed
        since, by the view's day (`Track.shown`)."""
        return self.track.shown

    @property
    def new_on(self) -> dt.date | None:
        """The day it was agreed, when after the week seen from (`timeline.agreed_since`)."""
        return self.track.new_on

    @property
    def retired(self) -> bool:
        return not is_active(self.indicator, self.week)

    @property
    def not_tracked(self) -> str | None:
        """Why the week seen from is outside the indicator's span, when it is
        (`timeline.not_tracked_in`); None while it is tracked."""
        return None if self.active else not_tracked_in(self.indicator, self.week)

    @property
    def latest(self) -> WeekStatus | None:
        """The most recent week in the window that has a value."""
        return self.track.latest

    @property
    def due(self) -> Period | None:
        """The month or quarter whose reading is due, not yet in (`status.due_period`)."""
        return due_period(self.track)

    @property
    def missing(self) -> Period | None:
        """A whole month or quarter that ended unread (`status.missed_period`)."""
        return missed_period(self.track)

    @property
    def held(self) -> WeekStatus | None:
        """While `due` awaits its reading, the off-track reading of an earlier period the
        episode goes on from (`status.episode_held`); `now` stays the week's, "no data"."""
        return episode_held(self.track)


def plan_records(
    meetings: Iterable[OneOnOne], checkins: Mapping[Week, Checkin] | None = None
) -> list[PlanRecord]:
    """Every plan on record: those made in one-on-ones, dated by the meeting, and the
    leader's own, written in a check-in and dated by its week's Monday (the week it was
    made in; an episode that began that week counts it)."""
    plans = [PlanRecord(p.indicator, m.date, p.plan, m.person) for m in meetings for p in m.plans]
    for week, checkin in (checkins or {}).items():
        plans += [PlanRecord(p.indicator, week.monday, p.plan, ME) for p in checkin.plans]
    return plans


def plan_search_start(
    indicators: Iterable[Indicator],
    checkins: Mapping[Week, Checkin],
    stand: Week,
    settings: Settings,
    since: Week | None = None,
) -> dt.date | None:
    """The earliest Monday from which a one-on-one could hold a plan that matters: the start
    of the oldest off-track episode in the week the view stands on. The store reads
    one-on-ones from that day on (and no older ones, except each person's latest)."""
    starts = [
        t.episode_start.monday
        for ind in indicators
        if (
            t := judge_indicator(ind, checkins, stand, settings, (), stand.sunday, since=since)
        ).episode_start
    ]
    return min(starts, default=None)


# An off-track episode, and the plan recorded during it, is followed this far back at
# most: a view judges the usual weeks, and reaches further only while an episode does.
EPISODE_REACH_WEEKS = 52


def weeks_judged(stand: Week, settings: Settings, since: Week | None = None) -> list[Week]:
    """The weeks a view judges: the dashboard's (`window.judged_weeks`), or from `since`
    when an off-track episode reaches further back (`episode_reaches_back`)."""
    weeks = judged_weeks(stand, settings)
    if since is not None and since < weeks[0]:
        return week_range(since, stand)
    return weeks


def judge_indicator(
    indicator: Indicator,
    checkins: Mapping[Week, Checkin],
    stand: Week,
    settings: Settings,
    plans: Iterable[PlanRecord],
    as_of: dt.date,
    shown: int = SHOWN_WEEKS,
    since: Week | None = None,
) -> Track:
    """One indicator as every view judges it: over the weeks the dashboard judges (from
    `since`, when the store reached further for a long episode), ending with the week the
    view stands on, with the plan in force as of `as_of`. `checkins` must reach one period
    before those weeks for a monthly or quarterly indicator (`window.period_reach`)."""
    return track(
        indicator,
        weeks_judged(stand, settings, since),
        readings_of(indicator.id, checkins),
        settings.trend_weeks,
        shown,
        plans,
        as_of,
    )


def episode_reaches_back(
    indicator: Indicator, checkins: Mapping[Week, Checkin], weeks: Sequence[Week]
) -> bool:
    """Is the indicator off track in every reading of `weeks`, while it existed before
    them? Then its episode, and the plan recorded during it, may have begun earlier, and
    the store reads further back (at most EPISODE_REACH_WEEKS). Weeks without any reading
    hold no episode to follow (`episode_may_begin_before` asks the other question)."""
    readings = _readings_if_none_on_track(indicator, checkins, weeks)
    return bool(readings)


def episode_may_begin_before(
    indicator: Indicator, checkins: Mapping[Week, Checkin], weeks: Sequence[Week]
) -> bool:
    """Could an off-track episode that a view judging more weeks than `weeks` (ending with
    the same week) sees have begun before them? Yes while the indicator existed before them
    and no reading in them is on track, none at all included: only a reading on track ends
    an episode (`status.episode_start`); a week skipped does not. A report over a week
    without a check-in judges its end over the dashboard's weeks, not its own."""
    return _readings_if_none_on_track(indicator, checkins, weeks) is not None


def _readings_if_none_on_track(
    indicator: Indicator, checkins: Mapping[Week, Checkin], weeks: Sequence[Week]
) -> list[WeekStatus] | None:
    """The readings in `weeks` (maybe none), when none is on track and the indicator existed
    before them; else None."""
    judged = judge_weeks(indicator, weeks, readings_of(indicator.id, checkins))
    if not judged or not judged[0].tracked:
        return None
    readings = readings_in(judged)
    return readings if all(r.status in OFF_TRACK for r in readings) else None


def scoreboard(
    indicators: Iterable[Indicator],
    checkins: Mapping[Week, Checkin],
    stand: Week,
    settings: Settings,
    meetings: Sequence[OneOnOne],
    as_of: dt.date,
    owners_next: Mapping[str, Cadence],
    since: Week | None = None,
) -> tuple[IndicatorView, ...]:
    """Indicators that exist in the week the view stands on (agreed by then, not retired),
    and those agreed since, by `as_of` (`Track.shown`: new), in the file's order."""
    plans = plan_records(meetings, checkins)
    views = []
    for ind in indicators:
        judged = judge_indicator(ind, checkins, stand, settings, plans, as_of, since=since)
        if not judged.shown:
            continue
        owner = owner_for(ind, stand)
        views.append(
            IndicatorView(
                ind,
                stand,
                judged,
                settings.trend_weeks,
                owners_next.get(owner) if owner else None,
            )
        )
    return tuple(views)
