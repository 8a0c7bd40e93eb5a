"""A report over a range of weeks (a quarter, or any range): pure, data in, data out.

It is built from the check-ins of the range only, the definitions, and the one-on-ones
and reviews dated inside it (and the capability reviews that say a level at its end), so
a quarter costs the same in a ten-year journal as in a new one. Indicator statuses come
from the status engine (`domain.status`), judged with the thresholds in effect each week.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Collection, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, TypeVar

from leadwork.domain.capability import level_on, overdue_steps, plan_day, step_done_by
from leadwork.domain.commitment_list import meeting_whose
from leadwork.domain.commitments import (
    DoneRate,
    carried_too_often,
    done_rate,
    follow_up_rate,
    follow_up_source,
    weekly_rate,
)
from leadwork.domain.consistency import PURPOSE
from leadwork.domain.joint_indicators import changed_values, describe_change
from leadwork.domain.meeting_commitments import follow_up_source as meeting_source
from leadwork.domain.scoreboard import plan_records
from leadwork.domain.status import (
    AT_RISK,
    COURSE_CORRECT,
    NO_DATA,
    OFF_TRACK,
    STATUSES,
    PlanRecord,
    Track,
    WeekStatus,
    due_period,
    in_episode_as_known,
    in_off_track_episode,
    is_active,
    judge_weeks,
    latest_reading,
    latest_status_since,
    longest_run,
    missing_period,
    owner_for,
    period_points,
    trend_warning,
    worse_than,
)
from leadwork.domain.team import days_on_team, has_left, on_team
from leadwork.domain.timeline import (
    Period,
    checkin_done,
    live,
    live_in,
    live_on,
    readings_of,
)
from leadwork.domain.wording import STATUS_WORDS, short_names
from leadwork.domain.your_work import over_warning, share_elsewhere, week_hours
from leadwork.model.words import AREAS
from leadwork.weeks import Week, week_range

if TYPE_CHECKING:
    from leadwork.model.capabilities import Capability
    from leadwork.model.checkin import Checkin
    from leadwork.model.indicators import Indicator
    from leadwork.model.journal import Definitions
    from leadwork.model.one_on_one import OneOnOne
    from leadwork.model.review import CapabilityReview, StrategyReview
    from leadwork.model.team import Person


@dataclass(frozen=True)
class PlanItem:
    """A plan to get back on track recorded during the range: in a one-on-one (`person`:
    the team id met) or in your own check-in (`person`: "me"). `text` None: the meeting
    recorded "no plan yet"."""

    date: dt.date
    person: str | None
    text: str | None


@dataclass(frozen=True)
class ThresholdChange:
    """A change of target, thresholds or owner that took effect during the range
    (`[[changes]]`), and how `indicator change` says it (`joint_indicators.describe_change`)."""

    since: dt.date
    target: float | None
    celebrate: float | None
    course_correct: float | None
    described: str
    owner: str | None = None


TIME_KEYS = ("alignment", "capability", "accountability", "someone_elses_job", "other")


@dataclass(frozen=True)
class IndicatorSummary:
    id: str
    name: str
    owner: str | None  # as of the range's last week (`status.owner_for`)
    unit: str
    direction: str
    weeks_by_status: dict[str, int]  # every status, in STATUSES order
    first: WeekStatus | None  # first week with a reading in the range
    last: WeekStatus | None  # last week with a reading
    movement: str  # "improving", "worsening", "steady" or "no data"
    longest_course_correct: int  # periods in a row (weeks, or months if read monthly)
    trend_warning: bool  # at the end of the range
    history: list[WeekStatus]
    # The longest course-correct run (`status.longest_run`): the weeks of its first and
    # last readings, and, when it is over, the status since then and from which week.
    longest_course_correct_from: str | None = None
    longest_course_correct_to: str | None = None
    status_after: str | None = None
    status_after_since: str | None = None
    period_noun: str = "week"
    # Retired by the range's end (`status.is_active`, the rule that leaves it off the
    # dashboard): not counted at the end of the range; `history` holds the weeks it was
    # tracked and `last` its last reading. None: still tracked at the range's end.
    retired_on: dt.date | None = None
    # Plans to get back on track recorded in the range's one-on-ones (and your own
    # check-ins), oldest first: those recorded in an off-track episode, as the meeting knew
    # it (`status.in_episode_as_known`).
    plans: list[PlanItem] = field(default_factory=list)
    # Plans recorded in the range outside an off-track episode (on track that day): notes of
    # intent, not counted among the plans to get back on track (an explicit "no plan yet"
    # then says nothing and is left out). Oldest first.
    intents: list[PlanItem] = field(default_factory=list)
    # Changes of target or thresholds taking effect in the range, oldest first.
    changes: list[ThresholdChange] = field(default_factory=list)
    # Off track at the range's end (as the dashboard judges the week it ends on, or this
    # week: `status.in_off_track_episode`) with no plan in force for the episode
    # (`status.plan_in_episode`).
    no_plan_for_off_track_run: bool = False
    # The month or quarter at the range's end that awaits its reading, as the dashboard
    # judges that week (`status.due_period`: "due for 2027-Q1"): an earlier period's reading
    # does not stand for it.
    due_at_end: Period | None = None
    # The month or quarter that ended unread by the range's end, as the dashboard names it
    # in Needs you (`status.missing_period`), e.g. "Feb 2027"; None when nothing is missing.
    missing_at_end: str | None = None

    @property
    def awaiting_at_end(self) -> bool:
        return self.due_at_end is not None

    @property
    def end_reading(self) -> WeekStatus | None:
        """The reading in force at the end of the range: the latest (`status.latest_reading`),
        as the dashboard judges a week without one (it does not end an off-track run); None
        when retired by then, never read in the range, or when the month or quarter the range
        ends in awaits its reading (`awaiting_at_end`)."""
        if self.retired_on is not None or self.awaiting_at_end:
            return None
        return latest_reading(self.history)

    @property
    def end_status(self) -> str | None:
        """Its status at the end of the range, as the dashboard of its last week says it: the
        reading of that week's period (month, quarter), else "no data"; but an off-track
        reading stands until a new one (`end_reading`: weeks without a reading do not end an
        off-track run), so a last week checked in without a reading does not hide an
        indicator off track, and never shows one on track or celebrating without a reading
        (trial 15). None when it was retired by then (or has no judged week)."""
        if self.retired_on is not None or not self.history:
            return None
        end = self.end_reading
        if end is None:
            return NO_DATA
        now = self.history[-1]
        same = end.week == now.week or (end.period is not None and end.period == now.period)
        return end.status if end.status in OFF_TRACK or same else NO_DATA


@dataclass(frozen=True)
class StoryItem:
    week: str
    text: str
    who: str | None


@dataclass(frozen=True)
class ConversationItem:
    week: str
    kind: str  # customer, supplier, partner, analyst, or a kind set in leadwork.toml
    who: str | None
    text: str
    refresh: bool  # it signals the strategy needs a refresh


@dataclass(frozen=True)
class ChoiceStories:
    id: str  # a choice id, "purpose", or "" for stories that name no choice
    statement: str
    stories: list[StoryItem]
    retired_on: dt.date | None = None  # the choice was retired by the range's end

    @property
    def heading(self) -> str:
        """`own-fleet: We run our own fleet. (retired 2026-11-18)`: every format's."""
        text = self.id or "no choice named"
        if self.statement:
            text += f": {self.statement}"
        return text + (f" (retired {self.retired_on})" if self.retired_on else "")


@dataclass(frozen=True)
class StepProgress:
    number: int
    what: str
    due: dt.date | None
    done: dt.date | bool


@dataclass(frozen=True)
class CapabilityProgress:
    """A capability as it stood at the range's end (`domain.capability`: a step done after
    that day was open then, the level is the one reviewed last by then): its steps, done
    and open, add up to `steps_total`."""

    id: str
    name: str
    level: int | None  # None: not recorded for the range's end (`capability.level_on`)
    target: int
    done_in_range: list[StepProgress]
    overdue: list[StepProgress]  # open at the end, and due before it
    open_steps: int
    reviews: list[tuple[dt.date, int | None, str | None]]  # (date, level, reason)
    steps_total: int = 0
    steps_done: int = 0  # done by the range's end, in the range or before it
    # When the level is not that of the file: the first review after the end that set one
    level_set_after: tuple[dt.date, int] | None = None
    # Retired by the range's end: its plan as it stood the day before, asked for nowhere
    retired_on: dt.date | None = None


@dataclass(frozen=True)
class TimeWeek:
    week: str
    hours: dict[str, float | None]
    total: float
    someone_elses_share: float | None  # 0..1 of the week's recorded hours

    @property
    def someone_elses_percent(self) -> float | None:
        """The share as every view judges it (`your_work.share_elsewhere`), in percent."""
        return share_elsewhere(self.hours)


@dataclass(frozen=True)
class ConfidenceWeek:
    week: str
    levels: dict[str, int | None]


@dataclass(frozen=True)
class Unlisted:
    """Readings in the range's check-ins of an id indicators.toml does not define (an
    indicator removed by hand): no summary can judge them, so the report says they are
    left out rather than let the indicator vanish without a word (eleventh trial)."""

    id: str
    weeks: list[str]  # the weeks that read it, oldest first


@dataclass(frozen=True)
class PersonMeetings:
    id: str
    name: str
    held: int
    expected: int | None  # from the cadence over the range; None without a cadence
    last: dt.date | None
    left_on: dt.date | None = None  # they left the team that day: expected counts to the day before
    joined_on: dt.date | None = None  # they joined in the range: expected counts from that day
    # Without joined_on, meetings are expected from the count's start (`counted_from`). When
    # the first one with them came more than a cadence after your first one-on-one in the
    # range with anyone (`others_from`), its date: the report says so and points at
    # joined_on (a newcomer, or someone not met), rather than guess a join from it, which
    # would hide the weeks a person on the team went without a one-on-one. Someone met
    # before the range was on the team: never first_late.
    first_late: dt.date | None = None
    counted_from: dt.date | None = None  # the first day a meeting is expected in the range
    others_from: dt.date | None = None  # with first_late: the first one-on-one with anyone


@dataclass(frozen=True)
class Report:
    leader: str
    title: str | None
    organization: str | None
    first: Week
    last: Week
    weeks: int
    checkin_weeks: list[str]
    indicators: list[IndicatorSummary]
    stories: list[ChoiceStories]
    capabilities: list[CapabilityProgress]
    time: list[TimeWeek]
    time_average_share: dict[str, float | None]
    time_warning_percent: int
    weeks_over_time_warning: list[str]
    confidence: list[ConfidenceWeek]
    confidence_average: dict[str, float | None]
    commitments: DoneRate
    commitments_by_week: list[tuple[str, DoneRate]]
    # Carried 3 times or more during the range, and how each ended in it, by one rule
    # (`carried_in_range`): your weekly ones, then the one-on-one ones (yours and theirs).
    carried_too_often: list[Carried]
    one_on_ones: list[PersonMeetings]
    strategy_reviews: list[tuple[dt.date, str | None]] = field(default_factory=list)
    conversations: list[ConversationItem] = field(default_factory=list)  # oldest first
    needs_you: list[str] = field(default_factory=list)  # what the range leaves to act on
    # Team id -> name: what is shared names people as the dashboard does, not by id.
    names: dict[str, str] = field(default_factory=dict)
    # What became of one-on-one commitments (yours and theirs) followed up in the range's
    # one-on-ones (their `last_time`); `commitments` counts the weekly check-ins' only.
    one_on_one_commitments: DoneRate = field(default_factory=lambda: DoneRate(0, 0, 0))
    # This week, when it has no check-in yet and the range, not told where to end, ends on
    # the latest week that has one (`window.range_ending`, the dashboard's rule); else None.
    unchecked_current: Week | None = None
    unlisted: list[Unlisted] = field(default_factory=list)


def _unlisted(definitions: Definitions, in_range: Mapping[Week, Checkin]) -> list[Unlisted]:
    """The ids read in the range that indicators.toml does not define, by id."""
    defined = {i.id for i in definitions.indicators.indicators}
    weeks: dict[str, list[str]] = {}
    for week, checkin in in_range.items():
        for ident in checkin.readings:
            if ident not in defined:
                weeks.setdefault(ident, []).append(str(week))
    return [Unlisted(ident, read) for ident, read in sorted(weeks.items())]


def build_report(
    definitions: Definitions,
    checkins: dict[Week, Checkin],
    one_on_ones: list[OneOnOne],
    reviews: list[StrategyReview | CapabilityReview],
    first: Week,
    last: Week,
    today: dt.date | None = None,
    kept_since: dt.date | None = None,
    end_tracks: Mapping[str, Track] | None = None,
    unchecked_current: Week | None = None,
    all_read: bool = True,
    met_before: Collection[str] = (),
) -> Report:
    """`one_on_ones` and `reviews` are those of the range [first, last], and `reviews` the
    capability reviews that say each capability's level at its end too
    (`store.dashboard.level_reviews`); `checkins` those of
    the range and, for monthly and quarterly indicators, of one period before it (the
    range's first week shows the latest reading of its month or quarter). `kept_since`: the
    day the journal's first record begins (its first check-in week, or one-on-one), before
    which no meeting is expected. `end_tracks`: each indicator as the dashboard judges the
    week the range ends on (or this week, if sooner), with the plan in force for its
    off-track episode, which may have begun before the range. `unchecked_current`: this
    week, when the range ends on an earlier one because this one has no check-in yet.
    `all_read`: `checkins` hold the journal's first check-in (none is older), so a week's
    follow-ups can always be judged against the check-in they follow up. `met_before`: the
    team ids with a one-on-one dated before the range (by file name: none is read), who
    were on the team then and are no late joiners (`PersonMeetings.first_late`)."""
    weeks = week_range(first, last)
    in_range = {w: c for w, c in sorted(checkins.items()) if first <= w <= last}
    settings = definitions.config.settings
    time = [_time_week(w, c) for w, c in in_range.items() if week_hours(c) is not None]
    warning = settings.time_warning_percent
    plans = plan_records(
        (m for m in one_on_ones if first.monday <= m.date <= last.sunday), in_range
    )
    ends = end_tracks or {}
    by_week = _weekly_rates(checkins, first, last, all_read)
    report = Report(
        leader=definitions.config.leader,
        title=definitions.config.title,
        organization=definitions.config.organization,
        names={p.id: p.name for p in definitions.team.people},
        first=first,
        last=last,
        weeks=len(weeks),
        checkin_weeks=[str(w) for w, c in in_range.items() if checkin_done(c)],
        indicators=[
            summary
            for ind in definitions.indicators.indicators
            if (
                summary := _indicator(
                    ind, weeks, checkins, settings.trend_weeks, plans, ends.get(ind.id)
                )
            )
            is not None
        ],
        stories=_stories(definitions, in_range, first, last),
        capabilities=[
            _capability(cap, reviews, first, last, today)
            for cap in live(definitions.capabilities.capabilities, first.monday)
        ],
        time=time,
        time_average_share=_average_share(time),
        time_warning_percent=warning,
        weeks_over_time_warning=[
            t.week for t in time if over_warning(t.someone_elses_percent, warning)
        ],
        confidence=[
            ConfidenceWeek(str(w), {area: getattr(c.confidence, area) for area in AREAS})
            for w, c in in_range.items()
            if c.confidence is not None
        ],
        confidence_average=_confidence_average(in_range),
        commitments=_total(rate for _, rate in by_week),
        commitments_by_week=[(str(w), rate) for w, rate in by_week],
        carried_too_often=_weekly_carried(in_range)
        + _meeting_carried(
            (m for m in one_on_ones if first.monday <= m.date),
            definitions.team.people,
            min(last.sunday, today or last.sunday),
        ),
        one_on_ones=_meetings(definitions, one_on_ones, first, last, kept_since, met_before),
        one_on_one_commitments=_meeting_rate(one_on_ones, first, last),
        strategy_reviews=[
            (r.date, r.changes)
            for r in sorted(reviews, key=lambda r: r.date)
            if r.kind == "strategy" and first.monday <= r.date <= last.sunday
        ],
        unchecked_current=unchecked_current,
        unlisted=_unlisted(definitions, in_range),
        conversations=[
            ConversationItem(str(w), talk.with_, talk.who, talk.text, talk.refresh)
            for w, c in in_range.items()
            for talk in c.conversations
        ],
    )
    return replace(report, needs_you=report_needs_you(report))


def _weekly_rates(
    checkins: Mapping[Week, Checkin], first: Week, last: Week, all_read: bool
) -> list[tuple[Week, DoneRate]]:
    """Each week's follow-ups in [first, last] counted as the dashboard and the check-in
    count them (`commitments.weekly_rate`), against the check-in each follows up, found
    among the check-ins read. When finding it would need an older one than was read (and
    there are older ones: not `all_read`), that week's follow-ups all count, as recorded:
    a report reads its range, and does not say "matches no commitment" of what it has not
    read (`leadwork check` reads them all)."""
    read = sorted(checkins)
    rates = []
    for week in read:
        checkin = checkins[week]
        if not first <= week <= last or not checkin.last_week:
            continue
        walk = _Walk([(w, checkins[w]) for w in reversed(read) if w < week])
        source = follow_up_source(walk)
        if walk.exhausted and not all_read:
            rates.append(
                (week, follow_up_rate(((f.text, f.outcome) for f in checkin.last_week), None))
            )
        else:
            rates.append((week, weekly_rate(checkin, source[1] if source else None)))
    return rates


def _meeting_rate(one_on_ones: Sequence[OneOnOne], first: Week, last: Week) -> DoneRate:
    """The follow-ups of the range's one-on-ones, counted by the same rule
    (`commitments.follow_up_rate`) against the meeting each follows up, the latest earlier
    one with the person that made commitments (`meeting_commitments.follow_up_source`),
    among those read: when none of them did, its follow-ups all count, as recorded."""
    by_person: dict[str, list[OneOnOne]] = {}
    for meeting in sorted(one_on_ones, key=lambda m: m.date):
        by_person.setdefault(meeting.person, []).append(meeting)
    rates = []
    for held in by_person.values():
        for index, meeting in enumerate(held):
            if not first.monday <= meeting.date <= last.sunday or not meeting.last_time:
                continue
            found = meeting_source(held[:index])
            followed = {(c.by, c.text) for c in found.open} if found else None
            answers = (((f.by, f.text), f.outcome) for f in meeting.last_time)
            rates.append(follow_up_rate(answers, followed))
    return _total(rates)


class _Walk:
    """Check-ins newest first, saying whether the reader asked for more than there were."""

    def __init__(self, items: list[tuple[Week, Checkin]]) -> None:
        self.items = items
        self.exhausted = False

    def __iter__(self) -> Iterator[tuple[Week, Checkin]]:
        yield from self.items
        self.exhausted = True


def _total(rates: Iterable[DoneRate]) -> DoneRate:
    total = done_rate([])
    for rate in rates:
        total.done += rate.done
        total.carried += rate.carried
        total.dropped += rate.dropped
        total.unmatched += rate.unmatched
    return total


def report_needs_you(report: Report) -> list[str]:
    """What the range leaves the leader to act on, most pressing first: indicators that end
    the range in course-correct, then at risk, then a month or quarter ended without a
    reading, then moving the wrong way; capability steps overdue; commitments carried too often.
    Built from the judged summaries only (the status engine's statuses, the dashboard's
    overdue rule), so it says nothing a section below does not."""
    found: list[str] = []
    for wanted in (COURSE_CORRECT, AT_RISK):
        for ind in report.indicators:
            if ind.end_status == wanted:  # a retired one ends nowhere: nothing to act on
                end = ind.end_reading
                # said when the range's last week had no reading in force: where it comes from
                last_read = ""
                if end is not None and end.week != report.last:
                    last_read = f" (last read in {end.read_in or end.week})"
                found.append(
                    f"{ind.name}: {STATUS_WORDS[wanted]} at the end of the range{last_read}."
                )
    for ind in report.indicators:
        if ind.missing_at_end is not None:
            found.append(f"{ind.name}: no reading for {ind.missing_at_end}.")
    for ind in report.indicators:
        if ind.trend_warning:
            found.append(f"{ind.name}: moving the wrong way at the end of the range.")
    for cap in report.capabilities:
        for step in [] if cap.retired_on else cap.overdue:  # a retired plan is not worked on
            found.append(f"{cap.name}: step {step.number} overdue since {step.due}: {step.what}")
    for item in report.carried_too_often:
        if item.outcome is None:  # one done or dropped since is no longer to act on
            found.append(item.said())
    return found


def _indicator(
    ind: Indicator,
    weeks: list[Week],
    checkins: Mapping[Week, Checkin],
    trend_weeks: int,
    plans: list[PlanRecord] | None = None,
    end: Track | None = None,
) -> IndicatorSummary | None:
    """The indicator over the range, or None when it did not exist in any week of it
    (agreed after the range, or retired before it). Weeks outside its span are not
    counted; movement and runs go reading by reading, one per period. `plans`: the plans
    recorded in the range; `end`: its track at the range's end (`build_report`)."""
    readings = readings_of(ind.id, checkins)
    judged = judge_weeks(ind, weeks, readings)
    history = [h for h in judged if h.tracked]
    if not history:
        return None
    counts = {status: 0 for status in STATUSES}
    for h in history:
        counts[h.status] += 1
    measured = [h for h in period_points(history) if h.value is not None]
    first = measured[0] if measured else None
    last = measured[-1] if measured else None
    if first is None or last is None:
        movement = "no data"
    elif first.value == last.value or len(measured) < 2:
        movement = "steady"
    elif worse_than(last.value, first.value, ind.direction):  # type: ignore[arg-type]
        movement = "worsening"
    else:
        movement = "improving"
    run = longest_run(history, (COURSE_CORRECT,))  # a period without a reading does not end it
    latest = latest_status_since(history)
    after = latest if run is not None and latest is not None and latest[1] > run.last else None
    period = history[-1].period
    retired = not is_active(ind, weeks[-1])
    mine = [p for p in sorted(plans or (), key=lambda p: p.date) if p.indicator == ind.id]
    # each meeting judged as it could judge: with the files up to its week, over the weeks
    # read (one period before the range, for a month's held reading: `status.episode_held`)
    reach = week_range(min(weeks[0], min(checkins, default=weeks[0])), weeks[-1])

    def met_in_episode(plan: PlanRecord) -> bool:
        return in_episode_as_known(ind, reach, readings, plan.date)

    return IndicatorSummary(
        id=ind.id,
        name=ind.name,
        owner=owner_for(ind, weeks[-1]),  # as of the range's end; a handover in it is a change
        unit=ind.unit,
        direction=ind.direction,
        weeks_by_status=counts,
        first=first,
        last=last,
        movement=movement,
        longest_course_correct=run.periods if run else 0,
        trend_warning=not retired and trend_warning(history, trend_weeks),
        history=history,
        longest_course_correct_from=str(run.first) if run else None,
        longest_course_correct_to=str(run.last) if run else None,
        status_after=after[0] if after else None,
        status_after_since=str(after[1]) if after else None,
        period_noun=period.noun if period is not None else "week",
        retired_on=ind.retired_on if retired else None,
        plans=[_plan_item(p) for p in mine if met_in_episode(p)],
        intents=[_plan_item(p) for p in mine if (p.plan or "").strip() and not met_in_episode(p)],
        changes=_changes_in(ind, weeks[0], weeks[-1]),
        no_plan_for_off_track_run=(
            not retired and end is not None and in_off_track_episode(end) and end.plan is None
        ),
        due_at_end=None if retired or end is None else due_period(end),
        missing_at_end=_missing(end) if not retired else None,
    )


def _plan_item(plan: PlanRecord) -> PlanItem:
    return PlanItem(plan.date, plan.person, plan.plan if (plan.plan or "").strip() else None)


def _missing(end: Track | None) -> str | None:
    """A month or quarter the range's end still lacks a reading for (`status.missing_period`);
    a week without one is the dashboard's business, not a range's."""
    period = None if end is None else missing_period(end)
    return None if period is None or period.noun == "week" else str(period)


def _changes_in(ind: Indicator, first: Week, last: Week) -> list[ThresholdChange]:
    """The changes taking effect in [first, last], each said as `indicator change` said it
    when it was recorded: against the indicator as it stood before it. A value equal to the
    one before is no change (`joint_indicators.changed_values`): None here, as a value the
    change kept; a change that changes nothing is left out."""
    found = []
    for c in sorted(ind.changes, key=lambda c: c.since):
        if not first <= Week.of(c.since) <= last:
            continue
        changed = changed_values(ind, c)
        if not changed:
            continue
        new = {key: after for key, (_, after) in changed.items()}
        found.append(
            ThresholdChange(
                c.since,
                new.get("target"),
                new.get("celebrate"),
                new.get("course_correct"),
                describe_change(ind, c),
                new.get("owner"),
            )
        )
    return found


def _stories(
    definitions: Definitions, checkins: dict[Week, Checkin], first: Week, last: Week
) -> list[ChoiceStories]:
    by_choice: dict[str, list[StoryItem]] = {}
    for week, checkin in checkins.items():
        for story in checkin.stories:
            by_choice.setdefault(story.choice or "", []).append(
                StoryItem(str(week), story.text, story.who)
            )
    strategy = definitions.strategy
    # the choices live in one week of the range at least (`timeline.live_in`), and any
    # other a story of the range names
    groups = [
        ChoiceStories(
            c.id,
            c.statement,
            by_choice.pop(c.id, []),
            None if live_on(c.retired_on, last.sunday) else c.retired_on,
        )
        for c in strategy.choices
        if live_in(c.retired_on, first) or c.id in by_choice
    ]
    if PURPOSE in by_choice or strategy.purpose:
        groups.append(ChoiceStories(PURPOSE, strategy.purpose, by_choice.pop(PURPOSE, [])))
    for key in sorted(by_choice):  # unknown choices (check reports them), then none
        statement = "" if key else "Stories that name no strategic choice"
        groups.append(ChoiceStories(key, statement, by_choice[key]))
    return groups


def _capability(
    cap: Capability,
    reviews: list[StrategyReview | CapabilityReview],
    first: Week,
    last: Week,
    today: dt.date | None = None,
) -> CapabilityProgress:
    """As the dashboard of the range's last week judges it (`domain.capability`), as of the
    range's end or today, whichever comes first: a range ending next Sunday is not judged
    ahead, and one that ended before a step was done or a level reviewed is not judged
    after."""
    start, end = first.monday, last.sunday
    as_of = min(end, today) if today is not None else end
    retired = None if live_on(cap.retired_on, as_of) else cap.retired_on
    as_of = plan_day(cap, as_of)  # a retired one as it stood on its last day
    steps = [StepProgress(n, s.what, s.due, s.done) for n, s in enumerate(cap.steps, start=1)]
    done = {n for n, s in enumerate(cap.steps, start=1) if step_done_by(s, as_of)}
    done_in_range = [
        s for s in steps if s.number in done and isinstance(s.done, dt.date) and start <= s.done
    ]
    open_steps = [s for s in steps if s.number not in done]
    late = {o.number for o in overdue_steps(cap, as_of)}
    overdue = [s for s in open_steps if s.number in late]
    mine = sorted(
        (r for r in reviews if r.kind == "capability" and r.capability == cap.id),
        key=lambda r: r.date,
    )
    level = level_on(cap.level, [(r.date, r.level) for r in mine], as_of)
    cap_reviews = [(r.date, r.level, r.reason) for r in mine if start <= r.date <= end]
    return CapabilityProgress(
        cap.id,
        cap.name,
        level.level,
        cap.target,
        done_in_range,
        overdue,
        len(open_steps),
        cap_reviews,
        steps_total=len(steps),
        steps_done=len(done),
        level_set_after=level.next_set,
        retired_on=retired,
    )


def _time_week(week: Week, checkin: Checkin) -> TimeWeek:
    audit = week_hours(checkin) or {}
    hours: dict[str, float | None] = {key: audit.get(key, 0.0) for key in TIME_KEYS}
    total = sum(v for v in hours.values() if v is not None)
    share = (hours["someone_elses_job"] or 0) / total if total else None
    return TimeWeek(str(week), hours, total, share)


def _average_share(time: list[TimeWeek]) -> dict[str, float | None]:
    total = sum(t.total for t in time)
    return {
        key: (sum(t.hours[key] or 0 for t in time) / total if total else None) for key in TIME_KEYS
    }


def _confidence_average(checkins: dict[Week, Checkin]) -> dict[str, float | None]:
    averages: dict[str, float | None] = {}
    for area in AREAS:
        values = [
            getattr(c.confidence, area)
            for c in checkins.values()
            if c.confidence is not None and getattr(c.confidence, area) is not None
        ]
        averages[area] = sum(values) / len(values) if values else None
    return averages


@dataclass
class Carried:
    """A commitment carried too often during a range, and how it ended, if it did."""

    text: str
    times: int  # the most times it was carried
    outcome: str | None = None  # "done" or "dropped" later in the range; None: still open
    outcome_week: Week | None = None
    # A one-on-one commitment: whose person (team id), "me" or "them", and the words that
    # name them (`ListedCommitment.whose`). None for a weekly commitment, which is yours.
    person: str | None = None
    by: str = "me"
    whose: str | None = None

    def said(self) -> str:
        """ "Carried 3 times: X", whose when from a one-on-one ("(Aisha's, from your
        one-on-one)"), and how it ended: "(then done in 2027-W09)"."""
        source = f" ({self.whose})" if self.whose else ""
        ended = f" (then {self.outcome} in {self.outcome_week})" if self.outcome else ""
        return f"Carried {self.times} times: {self.text}{source}{ended}"


Key = TypeVar("Key", bound=Hashable)  # what names a commitment across records


def carried_in_range(
    records: Iterable[tuple[Week, list[tuple[Key, str, int]], list[tuple[Key, str]]]],
) -> dict[Key, Carried]:
    """Every commitment carried too often (`commitments.carried_too_often`) in the range's
    records, once, with the most times it was carried (the range's last record may be a
    capture or make no commitments), and the outcome a later record of the range gave it (a
    done one is no longer to act on). The one rule for your weekly commitments (a check-in
    per record) and the one-on-one ones (a meeting per record, `_meeting_carried`). A
    record, oldest first: its week, the commitments it made (key, text, times carried) and
    the outcomes it gave the ones made before (key, outcome)."""
    found: dict[Key, Carried] = {}
    for week, made, followed in records:
        for key, outcome in followed:
            item = found.get(key)
            if item is not None and outcome in ("done", "dropped"):
                item.outcome, item.outcome_week = outcome, week
        for key, text, times in made:
            if carried_too_often(times):
                item = found.setdefault(key, Carried(text, times))
                item.times = max(item.times, times)
                item.outcome = item.outcome_week = None  # carried again: open once more
    return found


def _weekly_carried(checkins: dict[Week, Checkin]) -> list[Carried]:
    """Your weekly commitments carried too often in the range's check-ins (`carried_in_range`)."""
    return list(
        carried_in_range(
            (
                week,
                [(c.text, c.text, c.carried) for c in checkin.commitments],
                [(f.text, f.outcome) for f in checkin.last_week],
            )
            for week, checkin in sorted(checkins.items())
        ).values()
    )


def _meeting_carried(
    meetings: Iterable[OneOnOne], people: Sequence[Person], end: dt.date
) -> list[Carried]:
    """The one-on-one commitments, yours and theirs, carried too often in the range's
    one-on-ones up to `end`, by the weekly rule (`carried_in_range`) applied to each person's
    meetings in turn, in the team's order: one done in a later meeting of the range says
    so. Someone who left the team by `end` (`team.on_team`) has none still open: their
    commitments closed when they left, as the ledger says (`open_meeting_commitments`)."""
    held = sorted((m for m in meetings if m.date <= end), key=lambda m: m.date)
    found: list[Carried] = []
    called = short_names({p.id: p.name for p in people})
    for person in people:
        carried = carried_in_range(
            (
                Week.of(m.date),
                [((c.by, c.text), c.text, c.carried) for c in m.commitments],
                [((f.by, f.text), f.outcome) for f in m.last_time],
            )
            for m in held
            if m.person == person.id
        )
        for (by, _), item in carried.items():
            if item.outcome is None and not on_team(person, end):
                continue
            item.person, item.by, item.whose = person.id, by, meeting_whose(called[person.id], by)
            found.append(item)
    return found


def _meetings(
    definitions: Definitions,
    meetings: list[OneOnOne],
    first: Week,
    last: Week,
    kept_since: dt.date | None = None,
    met_before: Collection[str] = (),
) -> list[PersonMeetings]:
    """Held and expected per person, over the days they are on the team (`team.days_on_team`).
    A range that starts before the journal did expects meetings only from the journal's
    first record on: none could be written before. Someone who joined in the range
    (`joined_on`) is expected from that day, someone who left (`left_on`) up to the day
    before; a record dated when they were not on the team is not a meeting held (after they
    left, it only follows up your commitments). Someone on the team on no day of the range,
    with no meeting in it, is left out. Someone met before the range (`met_before`) was on
    the team then: never taken for a late joiner (`first_late`)."""
    start, end = first.monday, last.sunday
    begun = max(start, kept_since) if kept_since is not None else start
    held_by = {
        person.id: sorted(
            m.date
            for m in meetings
            if m.person == person.id and start <= m.date <= end and on_team(person, m.date)
        )
        for person in definitions.team.people
    }
    # when your one-on-ones in the range began, with anyone: a person first met more than a
    # cadence after that, without joined_on, may have joined later (PersonMeetings.first_late)
    first_met = min((held[0] for held in held_by.values() if held), default=None)
    result = []
    for person in definitions.team.people:
        held = held_by[person.id]
        if not held and days_on_team(person, start, end) is None:
            continue
        span = days_on_team(person, begun, end)
        days = (span[1] - span[0]).days + 1 if span else 0
        cadence_days = person.cadence_days
        expected = math.floor(days / cadence_days) if cadence_days else None
        late = (
            person.joined_on is None
            and person.id not in met_before
            and span is not None
            and cadence_days is not None
            and first_met is not None
            and bool(held)
            and (held[0] - max(span[0], first_met)).days > cadence_days
        )
        result.append(
            PersonMeetings(
                person.id,
                person.name,
                len(held),
                expected,
                held[-1] if held else None,
                person.left_on if has_left(person, end) else None,
                person.joined_on if person.joined_on and start < person.joined_on <= end else None,
                held[0] if late else None,
                span[0] if span else None,
                first_met if late else None,
            )
        )
    return result
