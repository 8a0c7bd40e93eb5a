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
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from leadwork.domain.timeline import (
    LONGEST_PERIOD_WEEKS,
    Period,
    agreed_since,
    live_in,
    period_of,
    span_of,
    value_in,
)
from leadwork.model.words import Status
from leadwork.plainclass import plainclass
from leadwork.values import format_number
from leadwork.weeks import Week

if TYPE_CHECKING:
    from leadwork.model.indicators import Change, Indicator

CELEBRATE: Final = "celebrate"
ON_TRACK: Final = "on-track"
AT_RISK: Final = "at-risk"
COURSE_CORRECT: Final = "course-correct"
NO_DATA: Final = "no-data"
STATUSES = (CELEBRATE, ON_TRACK, AT_RISK, COURSE_CORRECT, NO_DATA)

# Worst first: what "the worst status among its indicators" means. No data is not worse
# than a red reading, but it is worse than good news we cannot confirm.
SEVERITY = {COURSE_CORRECT: 0, AT_RISK: 1, NO_DATA: 2, ON_TRACK: 3, CELEBRATE: 4}


@dataclass
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


def changes_in_effect(indicator: Indicator, week: Week) -> list[Change]:
    """The changes in effect during `week`, oldest first: those whose `since` falls in or
    before that week, by `since` (of two on one day, the later in the file comes later).
    The one rule by which a change applies from its day's week on and earlier weeks keep
    what was before, for thresholds (`thresholds_for`) and owner (`owner_for`) alike."""
    if not indicator.changes:  # most indicators: asked thousands of times a dashboard
        return []
    ordered = sorted(indicator.changes, key=lambda c: c.since)  # stable: file order on a day
    return [change for change in ordered if Week.of(change.since) <= week]


def latest_change(
    indicator: Indicator, week: Week, sets: Callable[[Change], object]
) -> Change | None:
    """The latest change in effect during `week` (`changes_in_effect`) that sets what
    `sets` reads from a change (not None); None: what was agreed still holds."""
    found: Change | None = None
    for change in changes_in_effect(indicator, week):
        if sets(change) is not None:
            found = change
    return found


def next_change(
    indicator: Indicator, week: Week, sets: Callable[[Change], object]
) -> Change | None:
    """The first change not yet in effect during `week` (`changes_in_effect`: it applies
    from a later week) that sets what `sets` reads; None when none is recorded."""
    ordered = sorted(indicator.changes, key=lambda c: c.since)
    return next((c for c in ordered if Week.of(c.since) > week and sets(c) is not None), None)


def thresholds_for(indicator: Indicator, week: Week) -> Thresholds:
    """The target and thresholds in effect during `week`: the agreed ones, each replaced
    by the latest change in effect then that sets it (`changes_in_effect`)."""
    target, celebrate = indicator.target, indicator.celebrate
    course_correct = indicator.course_correct
    for change in changes_in_effect(indicator, week):
        target = target if change.target is None else change.target
        celebrate = celebrate if change.celebrate is None else change.celebrate
        if change.course_correct is not None:
            course_correct = change.course_correct
    return Thresholds(indicator.direction, target, celebrate, course_correct)


def owner_for(indicator: Indicator, week: Week) -> str | None:
    """Who owns the indicator during `week` (a team id, "me", or None): the owner it was
    agreed with, or the one the latest change in effect then handed it to. Every view that
    names or uses an indicator's owner for a week asks this."""
    change = latest_change(indicator, week, lambda c: c.owner)
    return indicator.owner if change is None else change.owner


def at_least_as_good(value: float, bar: float, direction: str) -> bool:
    return value >= bar if direction == "higher" else value <= bar


def worse_than(value: float, bar: float, direction: str) -> bool:
    return value < bar if direction == "higher" else value > bar


# How the thresholds sit around the target, as `check` and the writers say it
ORDER_HINT: Final = {
    "higher": "when higher is better: course_correct <= target <= celebrate",
    "lower": "when lower is better: celebrate <= target <= course_correct",
}


def celebrate_counts(thresholds: Thresholds) -> bool:
    """Whether the celebrate threshold is on its side of the target (at it or better). One
    on the wrong side (celebrate 90 under a target of 95, higher is better) is an error
    `check` names (`threshold_order_problems`), and `judge` leaves it out."""
    return at_least_as_good(thresholds.celebrate, thresholds.target, thresholds.direction)


def course_correct_counts(thresholds: Thresholds) -> bool:
    """Whether the course-correct threshold is on its side of the target (at it or worse);
    one on the wrong side is an error `check` names, and `judge` leaves it out."""
    return at_least_as_good(thresholds.target, thresholds.course_correct, thresholds.direction)


def judge(value: float | None, thresholds: Thresholds) -> Status:
    """The status of `value` (module docstring). A threshold on the wrong side of the
    target counts as absent (trial 19: with celebrate and course_correct swapped, 93.8%
    under a 95% target was "celebrate"): the reading is on track or at risk by the target
    alone, so no view shows a status made from a line `check` calls invalid."""
    if value is None:
        return NO_DATA
    direction = thresholds.direction
    if at_least_as_good(value, thresholds.target, direction):
        if at_least_as_good(value, thresholds.celebrate, direction) and celebrate_counts(
            thresholds
        ):
            return CELEBRATE
        return ON_TRACK
    if worse_than(value, thresholds.course_correct, direction) and course_correct_counts(
        thresholds
    ):
        return COURSE_CORRECT
    return AT_RISK


def threshold_order_problems(thresholds: Thresholds) -> list[tuple[str, str]]:
    """Each threshold on the wrong side of the target, as (its key, what is wrong): both
    when both are (`check` names each at its own line, all at once)."""
    t = thresholds
    celebrate, target, course_correct = map(
        format_number, (t.celebrate, t.target, t.course_correct)
    )
    better, worse = ("above", "below") if t.direction == "higher" else ("below", "above")
    problems = []
    if not celebrate_counts(t):
        problems.append(
            (
                "celebrate",
                f"celebrate ({celebrate}) is {worse} the target ({target}), "
                f"but {t.direction} is better",
            )
        )
    if not course_correct_counts(t):
        problems.append(
            (
                "course_correct",
                f"course_correct ({course_correct}) is {better} the target ({target}), "
                f"but {t.direction} is better",
            )
        )
    return problems


@dataclass
class WeekStatus:
    """One indicator in one week. `value` is the latest reading of the week's period (see
    `domain.timeline`), read in `read_in`; a week outside the indicator's span is not
    `tracked`: it was not agreed yet, or already retired, and counts for nothing."""

    week: Week
    value: float | None
    status: Status
    thresholds: Thresholds
    tracked: bool = True
    read_in: Week | None = None
    period: Period | None = None


def reading_week(status: WeekStatus) -> Week:
    """The week a value shown for `status` was read in (the check-in file that holds it):
    the week itself for a weekly indicator; for a month or quarter, the week of its
    period's reading. How every view labels the latest reading ("45 pts (2026-W44)")."""
    return status.read_in or status.week


def judge_weeks(
    indicator: Indicator,
    weeks: Sequence[Week],
    readings: Mapping[Week, float],
    as_of: Week | None = None,
) -> list[WeekStatus]:
    """Each week judged against the thresholds in effect that week, with its period's
    reading as a view standing on `as_of` (default: the last of `weeks`) sees it
    (`timeline.value_in`); weeks outside the indicator's span are marked untracked."""
    span = span_of(indicator, readings)
    cadence = indicator.cadence
    if as_of is None:
        as_of = max(weeks, default=None)
    judged = []
    for week in weeks:
        thresholds = thresholds_for(indicator, week)
        period = period_of(week, cadence)
        if week not in span:
            judged.append(WeekStatus(week, None, NO_DATA, thresholds, False, None, period))
            continue
        found = value_in(week, cadence, readings, as_of)
        value = None if found is None else found.value
        read_in = None if found is None else found.read_in
        judged.append(
            WeekStatus(week, value, judge(value, thresholds), thresholds, True, read_in, period)
        )
    return judged


def period_points(history: Sequence[WeekStatus]) -> list[WeekStatus]:
    """One entry per reading period, oldest first: the last tracked week of each (which
    holds the period's latest reading). For a weekly indicator, every tracked week."""
    points: dict[Period | None, WeekStatus] = {}
    for item in history:
        if item.tracked:
            points.pop(item.period, None)
            points[item.period] = item
    return list(points.values())


def _settled(points: list[WeekStatus]) -> list[WeekStatus]:
    """Periods to judge a trend on: a month or quarter not read yet is due, not missing, so
    it neither breaks nor makes a run; a week without a reading is a gap."""
    last = points[-1] if points else None
    if last is not None and last.value is None and last.period and last.period.noun != "week":
        return points[:-1]
    return points


def trend_warning(history: Sequence[WeekStatus], moves: int) -> bool:
    """True when the last `moves` period-over-period changes all went the wrong way.

    It needs `moves + 1` readings in consecutive periods ending with the latest; a period
    without data breaks the run, so a gap never raises a false alarm.
    """
    points = _settled(period_points(history))
    if moves < 1 or len(points) < moves + 1:
        return False
    tail = points[-(moves + 1) :]
    if any(h.value is None for h in tail):
        return False
    direction = tail[-1].thresholds.direction
    return all(
        worse_than(later.value, earlier.value, direction)  # type: ignore[arg-type]
        for earlier, later in itertools.pairwise(tail)
    )


def readings_in(history: Sequence[WeekStatus]) -> list[WeekStatus]:
    """Each reading once, in the week it was read (a monthly reading stands for every week
    of its month, but was made once), oldest first."""
    return [h for h in history if h.tracked and h.value is not None and h.read_in == h.week]


def latest_reading(history: Sequence[WeekStatus]) -> WeekStatus | None:
    """The latest week with a reading in force (its own, or its month's or quarter's): where
    an indicator stands while weeks go by without a reading, which do not end an off-track
    episode (`episode_start`). The one rule for "the latest" of the dashboard's track, the
    one-on-one preparation and the report's status at the end of a range."""
    return next((h for h in reversed(history) if h.value is not None), None)


@plainclass(frozen=True)
class Run:
    """Readings in a row whose status is in a set (course-correct, or off track), oldest
    first, each in the week it was read; weeks and periods without a reading inside it are
    passed over, not an end."""

    readings: tuple[WeekStatus, ...]

    @property
    def periods(self) -> int:
        """How many periods it covers (weeks, or months for a monthly indicator)."""
        return len({item.period for item in self.readings})

    @property
    def first(self) -> Week:
        """The week of its first reading."""
        return _first_week(self.readings[0])

    @property
    def last(self) -> Week:
        """The week of its last reading."""
        return _first_week(self.readings[-1])


def runs(history: Sequence[WeekStatus], statuses: tuple[str, ...]) -> list[Run]:
    """Every run of readings whose status is in `statuses`, oldest first: the one rule for
    runs, so the dashboard's "course-correct N weeks" and the report's longest run agree. A
    reading whose status is not in `statuses` ends a run; a week without a reading does not."""
    found: list[Run] = []
    current: list[WeekStatus] = []
    for item in readings_in(history):
        if item.status in statuses:
            current.append(item)
        elif current:
            found.append(Run(tuple(current)))
            current = []
    if current:
        found.append(Run(tuple(current)))
    return found


def _run(history: Sequence[WeekStatus], statuses: tuple[str, ...]) -> list[WeekStatus]:
    """The latest readings whose status is in `statuses`, back to the first reading that is
    not: weeks and periods without a reading are passed over, not an end."""
    found = runs(history, statuses)
    readings = readings_in(history)
    if found and readings and found[-1].readings[-1] is readings[-1]:
        return list(found[-1].readings)
    return []


def longest_run(history: Sequence[WeekStatus], statuses: tuple[str, ...]) -> Run | None:
    """The run covering the most periods (the latest of equals), or None."""
    found = runs(history, statuses)
    return max(reversed(found), key=lambda run: run.periods) if found else None


GOOD = (CELEBRATE, ON_TRACK)


def latest_status_since(history: Sequence[WeekStatus]) -> tuple[str, Week] | None:
    """Where the latest reading stands, and since when: its status (on track for celebrate
    too: both meet the target) and the week of the first reading of the run it ends (weeks
    without a reading do not end it); None without a reading."""
    readings = readings_in(history)
    if not readings:
        return None
    status = readings[-1].status
    group = GOOD if status in GOOD else (status,)
    return group[-1], runs(history, group)[-1].first


def _first_week(item: WeekStatus) -> Week:
    return item.read_in or item.week


def course_correct_run(history: Sequence[WeekStatus]) -> int:
    """How many periods in a row (weeks, or months for a monthly indicator), ending with the
    latest reading, had their readings in course-correct. A week or month without a
    reading does not end the run."""
    return len({item.period for item in _run(history, (COURSE_CORRECT,))})


def run_start(history: Sequence[WeekStatus]) -> Week | None:
    """The week of the first reading of the course-correct run that ends with the latest."""
    run = _run(history, (COURSE_CORRECT,))
    return _first_week(run[0]) if run else None


OFF_TRACK = (AT_RISK, COURSE_CORRECT)


def episode_start(history: Sequence[WeekStatus]) -> Week | None:
    """The week of the first reading of the off-track episode (at risk or course-correct)
    that the latest reading belongs to; None when the latest reading is on track. Weeks
    without a reading do not end an episode: only a reading on track does."""
    run = _run(history, OFF_TRACK)
    return _first_week(run[0]) if run else None


def worst(statuses: Iterable[str]) -> str | None:
    ordered = sorted(statuses, key=SEVERITY.__getitem__)
    return ordered[0] if ordered else None


def is_active(indicator: Indicator, week: Week) -> bool:
    """Tracked during `week`: not retired before the week began (`timeline.live_in`, the
    rule that ends its span, `timeline.Span`)."""
    return live_in(indicator.retired_on, week)


# ---- one indicator over a window of weeks -------------------------------------------------

# "Course-correct two weeks running with no recorded plan" is flagged from this many
# readings in a row (weeks, or months for a monthly indicator).
PLAN_AFTER_WEEKS = 2


@plainclass
class PlanRecord:
    """A `[[plans]]` entry of a one-on-one, with the meeting's date."""

    indicator: str
    date: dt.date
    plan: str | None
    person: str | None = None  # whose: the team id met, or "me" for your own plan


@plainclass
class Track:
    """An indicator judged over the weeks a view looks at, ending with the week it stands on.

    `history` is what is shown (the last `shown` weeks); the trend, the course-correct run
    and the off-track episode are computed over every week judged, which may reach further.
    `plan` is the latest plan recorded in a one-on-one during the episode, if any. `owed` is
    the month or quarter owed a reading (`owed_period`), judged as of the view's day, from
    the indicator's span: what `overdue_period`, `missing_period` and `missed_period` name.
    `due` is the month or quarter a reading is due for as of that day (`period_due`): what
    `due_period` names while the week awaits its reading.
    """

    history: tuple[WeekStatus, ...]
    trend: bool
    course_correct_weeks: int  # readings in a row in course-correct (one per period)
    run_start: Week | None  # first week of the course-correct run
    episode_start: Week | None = None  # first week of the off-track episode
    plan: PlanRecord | None = None  # the plan in force for the episode
    no_plan_on: dt.date | None = None  # a meeting in the episode that recorded "no plan yet"
    plan_needed: bool = False  # course-correct PLAN_AFTER_WEEKS readings, no plan
    owed: Period | None = None  # a month or quarter owed a reading, as of the view's day
    # the latest reading over every week judged (`latest_reading`), which may be older
    # than the shown history: what `episode_held` names
    last_reading: WeekStatus | None = None
    due: Period | None = None  # the month or quarter a reading is due for, as of that day
    # agreed after the week the view stands on, by its day (`timeline.agreed_since`): new,
    # shown with no data, owed nothing, in no trend
    new_on: dt.date | None = None

    @property
    def now(self) -> WeekStatus:
        return self.history[-1]

    @property
    def latest(self) -> WeekStatus | None:
        """The latest week in the shown history that has a value (`latest_reading`)."""
        return latest_reading(self.history)

    @property
    def tracked(self) -> bool:
        return self.now.tracked

    @property
    def shown(self) -> bool:
        """Does a view show it: tracked in the week it stands on, or new (`new_on`)."""
        return self.now.tracked or self.new_on is not None

    @property
    def period_noun(self) -> str:
        period = self.now.period
        return period.noun if period is not None else "week"


def reading_overdue(track: Track) -> bool:
    """No reading where one was due: this week, for a weekly indicator; for a monthly or
    quarterly one, the current period has none and neither had the whole period before it
    (a month not read yet is due, not overdue). A period the indicator was agreed part-way
    through owes no reading: agreed in a quarter's last week, its first due is the next."""
    return overdue_period(track) is not None


def awaiting_reading(track: Track) -> bool:
    """A month or quarter not read yet, and not overdue: due, which says nothing good or
    bad yet (the dashboard says "due for Nov 2026"; a capability's status leaves it out)."""
    now = track.now
    return (
        now.tracked
        and now.value is None
        and track.period_noun != "week"
        and now.period is not None
        and not reading_overdue(track)
    )


def in_off_track_episode(track: Track) -> bool:
    """Does the week the view stands on stand in an off-track episode (`episode_start`)? Not
    while its month or quarter awaits its reading (`awaiting_reading`): the new period has
    said nothing yet, and the dashboard shows "no data · due for 2027-Q1", not off track. A
    week or an overdue period without a reading does not end the episode. The one rule for
    "the current off-track run" of the dashboard's week and of a report's last week."""
    return track.tracked and track.episode_start is not None and not awaiting_reading(track)


def episode_held(track: Track) -> WeekStatus | None:
    """The off-track reading an episode goes on from while the month or quarter the view
    stands in awaits its own (`awaiting_reading`): the latest reading, of an earlier period,
    at risk or in course-correct (`episode_start`: weeks without a reading do not end the
    episode, and the one-on-one asks its plan). It does not change the status: that stays
    the current period's, "no data", "due for Dec 2026" (`due_period`); every view that
    shows the indicator names it beside that, in the words of `wording.held_reading`
    ("Nov 84% at risk"), and JSON as `held`. None otherwise, and while the episode is
    judged by a reading of the current period (`in_off_track_episode`)."""
    if not awaiting_reading(track) or track.episode_start is None:
        return None
    held = track.last_reading
    return held if held is not None and held.status in OFF_TRACK else None


def due_period(track: Track) -> Period | None:
    """The month or quarter whose reading is due (`awaiting_reading`, `Track.due`), or None:
    what every view says of a periodic indicator between readings, in the words of
    `wording.due_for`, never "no data" beside its latest value."""
    return track.due if awaiting_reading(track) else None


def period_due(
    indicator: Indicator, week: Week, readings: Mapping[Week, float], as_of: Week | None = None
) -> Period | None:
    """The month or quarter a plain reading of `indicator` is due for, standing on `week` as
    of `as_of` (default: `week`): the week's own period, but never one that owes nothing and
    can no longer be read. A period that has ended by `as_of` without a reading, and is not
    owed (`owed_period`: the indicator was agreed part-way through it), gives way to
    `as_of`'s; a period the indicator was agreed in the last week of gives way to the next
    (its first reading is due for the next; the check-in of that week does not ask for it).
    None for a weekly indicator, or when that later period has a reading by `as_of`. The one
    rule for "due for 2027-Q1": every view (`due_period`) and the check-in's questions."""
    cadence = indicator.cadence
    if cadence == "weekly":
        return None
    as_of = week if as_of is None or as_of < week else as_of
    period = period_of(as_of, cadence)
    first = span_of(indicator, readings).first
    if (
        first is not None
        and first == period.last_week
        and period_of(first.minus(1), cadence) == period
    ):
        period = period_of(first + 1, cadence)
    if period == period_of(week, cadence):
        return period
    read = any(week < w <= as_of and period_of(w, cadence) == period for w in readings)
    return None if read else period


def overdue_period(track: Track) -> Period | None:
    """The period whose reading is overdue (`reading_overdue`), or None: this week, for a
    weekly indicator; for a monthly or quarterly one, the period owed a reading
    (`Track.owed`, `owed_period`) while the week the view stands on has no reading either."""
    if not track.now.tracked or track.now.value is not None:
        return None
    if track.period_noun == "week":
        return track.now.period
    return track.owed


# How far back the period owed a reading may begin: a quarter before a quarter.
OWED_LOOKBACK_WEEKS = 2 * LONGEST_PERIOD_WEEKS


def owed_period(indicator: Indicator, week: Week, readings: Mapping[Week, float]) -> Period | None:
    """The month or quarter before `week`'s that ended without a reading of `indicator`
    though it was tracked all through it (`unread_period`), judged over every week of that
    period and before, never over the weeks a view happens to show: a quarter agreed in its
    last week owes nothing, however far back a window reaches. The one rule for "which
    period is a reading owed for": a check-in in `week` asks for it first and files the
    answer in its last week; every view names it as of the day it is judged on (`track`).
    `readings`: every reading up to `week`, back `OWED_LOOKBACK_WEEKS` at least."""
    if indicator.cadence == "weekly":
        return None
    weeks = [week.minus(n) for n in range(OWED_LOOKBACK_WEEKS, -1, -1)]
    return unread_period(judge_weeks(indicator, weeks, readings, as_of=week))


def unread_period(history: Sequence[WeekStatus]) -> Period | None:
    """The month or quarter before the current one (that of the last week of `history`),
    when it ended with no reading though the indicator was tracked all through it: its
    reading is *missing* (`owed_period` judges it over enough weeks). It holds until the
    period has a reading, and at most until the current period ends: a later period's
    reading does not hide it, and a month is not chased for ever. None for a weekly
    indicator, and None when `history` does not reach back to the period's first week
    (whether it was tracked all through it is not known then)."""
    if not history or not history[-1].tracked:
        return None
    now = history[-1].period
    if now is None or now.noun == "week":
        return None
    before = [h for h in history if h.period != now]
    if not before:
        return None
    previous = before[-1].period
    weeks = [h for h in before if h.period == previous]
    if previous is None or period_of(weeks[0].week.minus(1), previous.cadence) == previous:
        return None  # the history begins part-way through the period
    return previous if all(h.tracked and h.value is None for h in weeks) else None


def missing_period(track: Track) -> Period | None:
    """The period a view that lists gaps names (the dashboard's Needs you, its row note, a
    report's Needs you): the overdue one (`overdue_period`), or the month or quarter owed
    a reading though the current one has a reading since (`Track.owed`)."""
    if track.period_noun == "week":
        return overdue_period(track)
    return track.owed


def missed_period(track: Track) -> Period | None:
    """A whole month or quarter that ended unread (`missing_period`), as every view that
    shows an indicator names it beside its status: the dashboard's row note, `indicator
    list|show` and the one-on-one preparation, in the words of `wording.no_reading_for`
    ("no reading for Feb 2027"). None for a weekly indicator: its status says "no data"."""
    return track.owed


def in_episode_on(history: Sequence[WeekStatus], date: dt.date) -> bool:
    """Did `date` fall in an off-track episode: the readings before its week end in one (the
    meeting saw it; its week's own reading, typed later that week, may end it), or one
    begins with its week's reading (`plan_in_episode` counts a plan from the Monday of an
    episode's first week). The one rule for "is a plan recorded that day a plan to get back
    on track": recording says so of a plan given while not (a note of intent), and a report
    lists such a plan apart from the plans to get back on track."""
    week = Week.of(date)
    if episode_start([h for h in history if h.week < week]) is not None:
        return True
    start = episode_start([h for h in history if h.week <= week])
    return start is not None and start.monday <= date


def in_episode_as_known(
    indicator: Indicator, weeks: Sequence[Week], readings: Mapping[Week, float], date: dt.date
) -> bool:
    """`in_episode_on` as a meeting on `date` could judge it: the weeks of `weeks` up to its
    week, with the readings of the check-in files up to that week, as the one-on-one stood on
    them (the latest week checked in by its own). A reading filed in a later week's file was
    not known then, though a month's (quarter's) reading, once entered, stands for the weeks
    of its period before it (`timeline.value_in`): so a plan the one-on-one asked for while
    a month awaited its reading, the episode going on from the month before's off-track one
    (`episode_held`), stays a plan to get back on track after that month's reading, on
    track, is entered (trial 21). A reading filed in the meeting's own week counts. The one
    rule a report counts a meeting's plan by (`domain.report`)."""
    week = Week.of(date)
    known = {w: v for w, v in readings.items() if w <= week}
    return in_episode_on(judge_weeks(indicator, [w for w in weeks if w <= week], known), date)


def plan_in_episode(
    indicator_id: str, start: Week | None, as_of: dt.date, plans: Iterable[PlanRecord]
) -> tuple[PlanRecord | None, dt.date | None]:
    """The latest non-empty plan for the indicator in a one-on-one dated from the Monday of
    the episode's first week up to `as_of`, and the first meeting in that time that said
    "no plan yet" (worth showing only while no plan exists)."""
    if start is None:
        return None, None
    found: PlanRecord | None = None
    no_plan: dt.date | None = None
    for record in sorted(plans, key=lambda p: p.date):
        if record.indicator != indicator_id or not start.monday <= record.date <= as_of:
            continue
        if (record.plan or "").strip():
            found = record
        elif no_plan is None:
            no_plan = record.date
    return found, (None if found else no_plan)


def track(
    indicator: Indicator,
    weeks: Sequence[Week],
    readings: Mapping[Week, float],
    trend_weeks: int,
    shown: int,
    plans: Iterable[PlanRecord] = (),
    as_of: dt.date | None = None,
) -> Track:
    """Judge `weeks` (oldest first, consecutive, ending with the week the view stands on),
    and find the plan in force: from one-on-ones dated up to `as_of` (default: that week's
    Sunday). The period owed a reading is judged as of `as_of` (`owed_period` of its week,
    when later): a view standing on an earlier week "as of today" names a month that has
    ended since without a reading as missing, not due."""
    judged = judge_weeks(indicator, weeks, readings)
    as_of = as_of if as_of is not None else weeks[-1].sunday
    owed = owed_period(indicator, max(weeks[-1], Week.of(as_of)), readings)
    due = period_due(indicator, weeks[-1], readings, Week.of(as_of))
    start = episode_start(judged)
    plan, no_plan = plan_in_episode(indicator.id, start, as_of, plans)
    cc = course_correct_run(judged)
    return Track(
        history=tuple(judged[-shown:]),
        trend=trend_warning(judged, trend_weeks),
        course_correct_weeks=cc,
        run_start=run_start(judged),
        episode_start=start,
        plan=plan,
        no_plan_on=no_plan,
        plan_needed=cc >= PLAN_AFTER_WEEKS and plan is None,
        owed=owed,
        last_reading=latest_reading(judged),
        due=due,
        new_on=None if judged[-1].tracked else agreed_since(indicator, weeks[-1], as_of),
    )
