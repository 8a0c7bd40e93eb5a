"""The scoreboard: every tracked indicator judged over the window, with its trend and, when
it has been in course-correct two weeks running, whether a plan was recorded. Pure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from leadwork.domain.cadence import Cadence
from leadwork.domain.status import (
    PlanRecord,
    Thresholds,
    Track,
    WeekStatus,
    is_active,
    needs_plan,
    track,
)
from leadwork.domain.weeks import Week
from leadwork.model.checkin import Checkin
from leadwork.model.indicators import Indicator
from leadwork.model.one_on_one import OneOnOne


@dataclass(frozen=True)
class IndicatorView:
    id: str
    name: str
    owner: str | None
    unit: str
    serves: tuple[str, ...]
    track: Track
    trend_weeks: int  # the setting the trend was judged with
    plan_needed: bool  # course-correct two weeks running, no plan recorded since
    owner_next: Cadence | None  # when the owner's next one-on-one is due

    @property
    def now(self) -> WeekStatus:
        return self.track.now

    @property
    def thresholds(self) -> Thresholds:
        return self.track.now.thresholds

    @property
    def history(self) -> tuple[WeekStatus, ...]:
        return self.track.history


def readings(checkins: Mapping[Week, Checkin], indicator_id: str) -> dict[Week, float]:
    return {w: c.readings[indicator_id] for w, c in checkins.items() if indicator_id in c.readings}


def plan_records(meetings: Iterable[OneOnOne]) -> list[PlanRecord]:
    return [PlanRecord(p.indicator, m.date, p.plan) for m in meetings for p in m.plans]


def plan_search_start(
    indicators: Iterable[Indicator],
    checkins: Mapping[Week, Checkin],
    weeks: Sequence[Week],
    trend_weeks: int,
) -> dt.date | None:
    """The earliest Monday from which a one-on-one could hold a plan that matters: the start
    of the oldest course-correct run in the shown week. The store reads one-on-ones from
    that day on (and no older ones, except each person's latest)."""
    starts = [
        t.run_start.monday
        for ind in indicators
        if is_active(ind, weeks[-1])
        and (t := track(ind, weeks, readings(checkins, ind.id), trend_weeks, 1)).run_start
    ]
    return min(starts, default=None)


def scoreboard(
    indicators: Iterable[Indicator],
    checkins: Mapping[Week, Checkin],
    weeks: Sequence[Week],
    shown: int,
    trend_weeks: int,
    meetings: Sequence[OneOnOne],
    as_of: dt.date,
    owners_next: Mapping[str, Cadence],
) -> tuple[IndicatorView, ...]:
    """Indicators still tracked in the last of `weeks`, in the file's order."""
    plans = plan_records(meetings)
    views = []
    for ind in indicators:
        if not is_active(ind, weeks[-1]):
            continue
        judged = track(ind, weeks, readings(checkins, ind.id), trend_weeks, shown)
        views.append(
            IndicatorView(
                id=ind.id,
                name=ind.name,
                owner=ind.owner,
                unit=ind.unit,
                serves=tuple(ind.serves),
                track=judged,
                trend_weeks=trend_weeks,
                plan_needed=needs_plan(ind.id, judged, plans, as_of),
                owner_next=owners_next.get(ind.owner) if ind.owner else None,
            )
        )
    return tuple(views)
