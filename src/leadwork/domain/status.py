"""The scoreboard's rules: how a reading is judged, pure and direction-aware.

For an indicator and a week:
- celebrate       at or past the celebrate threshold;
- on-track        meets the target (at it or better);
- at-risk         misses the target, but not past the course-correct threshold
                  (exactly at that threshold is still at risk);
- course-correct  past the course-correct threshold;
- no-data         no reading that week.
"Past" means worse for a threshold of concern and better for celebrate: for a 'lower is
better' indicator every comparison flips. A week is judged against the target and
thresholds in effect that week, so changing a target never recolours the past.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from leadwork.domain.values import format_number
from leadwork.domain.weeks import Week
from leadwork.model.indicators import Indicator

CELEBRATE = "celebrate"
ON_TRACK = "on-track"
AT_RISK = "at-risk"
COURSE_CORRECT = "course-correct"
NO_DATA = "no-data"
STATUSES = (CELEBRATE, ON_TRACK, AT_RISK, COURSE_CORRECT, NO_DATA)

# Worst first: what "the worst status among its indicators" means. No data is not worse
# than a red reading, but it is worse than good news we cannot confirm.
SEVERITY = {COURSE_CORRECT: 0, AT_RISK: 1, NO_DATA: 2, ON_TRACK: 3, CELEBRATE: 4}


@dataclass(frozen=True)
class Thresholds:
    direction: str  # "higher" or "lower"
    target: float
    celebrate: float
    course_correct: float


def agreed_thresholds(indicator: Indicator) -> Thresholds:
    """The target and thresholds as first agreed, before any change."""
    return Thresholds(
        indicator.direction, indicator.target, indicator.celebrate, indicator.course_correct
    )


def thresholds_for(indicator: Indicator, week: Week) -> Thresholds:
    """The target and thresholds in effect during `week`: the agreed ones, updated by each
    change whose `since` falls in or before that week, in date order."""
    target = indicator.target
    celebrate = indicator.celebrate
    course_correct = indicator.course_correct
    for change in sorted(indicator.changes, key=lambda c: c.since):
        if Week.of(change.since) > week:
            break
        target = change.target if change.target is not None else target
        celebrate = change.celebrate if change.celebrate is not None else celebrate
        if change.course_correct is not None:
            course_correct = change.course_correct
    return Thresholds(indicator.direction, target, celebrate, course_correct)


def at_least_as_good(value: float, bar: float, direction: str) -> bool:
    return value >= bar if direction == "higher" else value <= bar


def worse_than(value: float, bar: float, direction: str) -> bool:
    return value < bar if direction == "higher" else value > bar


def judge(value: float | None, thresholds: Thresholds) -> str:
    if value is None:
        return NO_DATA
    direction = thresholds.direction
    if at_least_as_good(value, thresholds.celebrate, direction):
        return CELEBRATE
    if at_least_as_good(value, thresholds.target, direction):
        return ON_TRACK
    if worse_than(value, thresholds.course_correct, direction):
        return COURSE_CORRECT
    return AT_RISK


def threshold_order_problem(thresholds: Thresholds) -> str | None:
    """What is wrong with thresholds that sit on the wrong side of the target, if anything."""
    t = thresholds
    celebrate, target, course_correct = map(
        format_number, (t.celebrate, t.target, t.course_correct)
    )
    if t.direction == "higher":
        if t.celebrate < t.target:
            return f"celebrate ({celebrate}) is below the target ({target}), but higher is better"
        if t.course_correct > t.target:
            return (
                f"course_correct ({course_correct}) is above the target ({target}), "
                "but higher is better"
            )
    else:
        if t.celebrate > t.target:
            return f"celebrate ({celebrate}) is above the target ({target}), but lower is better"
        if t.course_correct < t.target:
            return (
                f"course_correct ({course_correct}) is below the target ({target}), "
                "but lower is better"
            )
    return None


@dataclass(frozen=True)
class WeekStatus:
    week: Week
    value: float | None
    status: str
    thresholds: Thresholds


def judge_weeks(
    indicator: Indicator, weeks: Sequence[Week], readings: dict[Week, float]
) -> list[WeekStatus]:
    """Each week judged against the thresholds in effect that week."""
    judged = []
    for week in weeks:
        thresholds = thresholds_for(indicator, week)
        value = readings.get(week)
        judged.append(WeekStatus(week, value, judge(value, thresholds), thresholds))
    return judged


def trend_warning(history: Sequence[WeekStatus], moves: int) -> bool:
    """True when the last `moves` week-over-week changes all went the wrong way.

    It needs `moves + 1` readings in consecutive weeks ending with the latest; a week
    without data breaks the run, so a gap never raises a false alarm.
    """
    if moves < 1 or len(history) < moves + 1:
        return False
    tail = history[-(moves + 1) :]
    if any(h.value is None for h in tail):
        return False
    direction = tail[-1].thresholds.direction
    return all(
        worse_than(later.value, earlier.value, direction)  # type: ignore[arg-type]
        for earlier, later in itertools.pairwise(tail)
    )


def course_correct_run(history: Sequence[WeekStatus]) -> int:
    """How many weeks in a row, ending with the latest, the indicator was in course-correct."""
    run = 0
    for item in reversed(history):
        if item.status != COURSE_CORRECT:
            break
        run += 1
    return run


def worst(statuses: Iterable[str]) -> str | None:
    ordered = sorted(statuses, key=SEVERITY.__getitem__)
    return ordered[0] if ordered else None


def is_active(indicator: Indicator, week: Week) -> bool:
    """Tracked during `week`: not retired before the week began."""
    return indicator.retired_on is None or indicator.retired_on > week.monday


# ---- one indicator over a window of weeks -------------------------------------------------

# "Course-correct two weeks running with no recorded plan" is flagged from this many weeks.
PLAN_AFTER_WEEKS = 2


@dataclass(frozen=True)
class Track:
    """An indicator judged over the weeks the dashboard looks at, ending with the shown week.

    `history` is what is shown (the last `shown` weeks); the trend and the course-correct
    run are computed over every week judged, which may reach further back.
    """

    history: tuple[WeekStatus, ...]
    trend: bool
    course_correct_weeks: int
    run_start: Week | None  # first week of the course-correct run that ends this week

    @property
    def now(self) -> WeekStatus:
        return self.history[-1]


def run_start(history: Sequence[WeekStatus]) -> Week | None:
    """The first week of the course-correct run that ends with the latest week, if any."""
    run = course_correct_run(history)
    return history[-run].week if run else None


def track(
    indicator: Indicator,
    weeks: Sequence[Week],
    readings: dict[Week, float],
    trend_weeks: int,
    shown: int,
) -> Track:
    """Judge `weeks` (oldest first, consecutive, ending with the shown week)."""
    judged = judge_weeks(indicator, weeks, readings)
    return Track(
        history=tuple(judged[-shown:]),
        trend=trend_warning(judged, trend_weeks),
        course_correct_weeks=course_correct_run(judged),
        run_start=run_start(judged),
    )


@dataclass(frozen=True)
class PlanRecord:
    """A `[[plans]]` entry of a one-on-one, with the meeting's date."""

    indicator: str
    date: dt.date
    plan: str | None


def plan_recorded(
    indicator_id: str, since: dt.date, until: dt.date, plans: Iterable[PlanRecord]
) -> bool:
    """Is there a non-empty plan for the indicator in a one-on-one dated since..until?"""
    return any(
        p.indicator == indicator_id and since <= p.date <= until and (p.plan or "").strip()
        for p in plans
    )


def needs_plan(
    indicator_id: str, track: Track, plans: Iterable[PlanRecord], as_of: dt.date
) -> bool:
    """Course-correct `PLAN_AFTER_WEEKS` weeks running, and no plan recorded in a one-on-one
    dated on or after the Monday of the run's first week."""
    if track.course_correct_weeks < PLAN_AFTER_WEEKS or track.run_start is None:
        return False
    return not plan_recorded(indicator_id, track.run_start.monday, as_of, plans)
