"""A one-on-one that goes beyond updates: what to look at before it, what to ask, and how
the answers become the meeting's record. Pure: data and dates in, data out.

The preparation looks at the person's indicators over the 13 weeks ending with the week
of the meeting, the commitments both sides left open last time (and how often each was
carried over), the stories told about the person, and from all that chooses questions:
always "How are you progressing?"; for an indicator at risk or in course-correct, "What's
your plan to get back on track?"; for one to celebrate, a question that turns it into a
story; for one without a reading, the reading.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, cast

from leadwork.domain import wording
from leadwork.domain.cadence import Cadence, cadence
from leadwork.domain.id_safety import known_id
from leadwork.domain.meeting_commitments import (
    OpenCommitment,
    commitments_made_on,
    first_name,
    open_commitments,
)
from leadwork.domain.scoreboard import judge_indicator, plan_records
from leadwork.domain.status import (
    AT_RISK,
    CELEBRATE,
    COURSE_CORRECT,
    NO_DATA,
    ON_TRACK,
    SEVERITY,
    PlanRecord,
    Track,
    WeekStatus,
    due_period,
    episode_held,
    in_episode_on,
    latest_reading,
    missed_period,
    overdue_period,
    owner_for,
    reading_week,
)
from leadwork.domain.team import has_left, on_team
from leadwork.domain.timeline import Period, period_of
from leadwork.domain.window import reading_weeks_needed
from leadwork.errors import Problem, UsageProblem
from leadwork.model.checkin import Checkin, Story
from leadwork.model.one_on_one import MeetingCommitment, MeetingFollowUp, OneOnOne, Plan
from leadwork.model.words import ME, Outcome, Side
from leadwork.values import format_value
from leadwork.weeks import SHOWN_WEEKS, Week, week_range

if TYPE_CHECKING:
    from leadwork.model.indicators import Indicator
    from leadwork.model.settings import Settings
    from leadwork.model.team import Person

DEFAULT_GAP_DAYS = 14  # when a person has no cadence, commitments default to two weeks
TEXT_MAX = 10_000  # as model.common.TEXT_MAX
OFF_TRACK = (AT_RISK, COURSE_CORRECT)
OUTCOMES = ("done", "carried", "dropped")

PROGRESS_QUESTION = "How are you progressing?"
PLAN_QUESTION = "What's your plan to get back on track?"
# With a plan on record for the episode: how it goes, not a new one (a meeting keeps it).
PLAN_GOING_QUESTION = "How is the plan to get back on track going?"


# ---- the preparation -----------------------------------------------------------------------


@dataclass(frozen=True)
class PlanOnRecord:
    """The plan in force for an off-track episode (`status.plan_in_episode`): whoever it
    was agreed with, so after a handover the new owner's preparation shows the previous
    owner's plan, to confirm or replace, as the dashboard and the report count it."""

    date: dt.date
    text: str
    person: str | None = None  # whose: the team id met, or "me" for the leader's own plan
    by: str | None = None  # who agreed it, as the prep names them; None: the person met

    @property
    def label(self) -> str:
        """ "plan of 2026-10-01", or whose when not the person met's: "Tony's plan of
        2026-10-01", "your plan of 2026-10-01" (written in a check-in)."""
        if self.by is None:
            return f"plan of {self.date}"
        whose = "your" if self.person == ME else wording.possessive(self.by)
        return f"{whose} plan of {self.date}"


@dataclass(frozen=True)
class IndicatorView:
    indicator: Indicator
    history: list[WeekStatus]  # the 13 weeks of the window, oldest first
    current: WeekStatus  # the week that counts now (see `_current`)
    course_correct_weeks: int  # weeks in a row in course-correct, ending with `current`
    off_track_since: Week | None  # first week of the current at-risk/course-correct run
    trend_warning: bool
    plan: PlanOnRecord | None  # the latest plan recorded since the run began
    no_plan_since: dt.date | None  # an explicit "no plan yet" recorded since the run began
    flagged: bool  # the dashboard's "course-correct, no plan recorded" (status.needs_plan)
    # a month or quarter not read yet, and not overdue (status.due_period): due, so
    # neither "no data" nor a question for a reading while the period runs
    due: Period | None = None
    # the week, or the whole month (quarter), whose reading is overdue (status.overdue_period)
    overdue: Period | None = None
    # a whole month (quarter) that ended unread, named until it is read, even once the next
    # one is (status.missed_period): the dashboard's "no reading for Feb 2027"
    missing: Period | None = None
    # while `due` awaits its reading, the off-track reading of an earlier period the episode
    # goes on from (status.episode_held): what the plan question names, as every view does
    held: WeekStatus | None = None
    # agreed after the week the view stands on, by the meeting's day (Track.new_on): its
    # first reading is asked for
    new_on: dt.date | None = None

    @property
    def status(self) -> str:
        return self.current.status

    @property
    def awaiting(self) -> bool:
        """Its month or quarter awaits its reading (`due`)."""
        return self.due is not None

    @property
    def latest(self) -> WeekStatus:
        """The latest reading shown (the current week's, when it has one): what an
        off-track episode is judged by while weeks go by without a reading; while a month
        (quarter) awaits its reading, the off-track one the episode goes on from (`held`)."""
        return self.held or latest_reading(self.history) or self.current  # the history's last

    @property
    def needs_plan(self) -> bool:
        """In an off-track episode: its latest reading is at risk or in course-correct."""
        return self.off_track_since is not None

    @property
    def plan_stands(self) -> bool:
        """In an off-track episode with a plan in force: a meeting keeps it unless it is
        given a new one."""
        return self.needs_plan and self.plan is not None

    @property
    def plan_missing(self) -> bool:
        """In an off-track episode with no plan in force."""
        return self.needs_plan and self.plan is None


@dataclass(frozen=True)
class StoryView:
    week: Week
    text: str
    choice: str | None


@dataclass(frozen=True)
class Question:
    kind: str  # progress, plan, celebrate, reading, trend, carried, story
    text: str
    context: str | None = None
    indicator: str | None = None


@dataclass(frozen=True)
class Prep:
    person: Person
    leader: str
    date: dt.date
    weeks: list[Week]  # the window, oldest first (`prep_weeks`): the stories' too
    cadence: Cadence
    last: OneOnOne | None
    indicators: list[IndicatorView]
    commitments: list[OpenCommitment]
    stories: list[StoryView]
    questions: list[Question]
    trend_weeks: int = 3
    # the meeting the open commitments were made in (`commitments_made_on`): not always the
    # last one, which may have made none
    commitments_from: dt.date | None = None
    # the week its readings stand on: the indicators' last, before the meeting's week when
    # that has no check-in yet (None: the window's last)
    stand: Week | None = None
    # one-on-ones with them already recorded on `date`: a preparation stands before them,
    # a recording (`recording`) after them (`prep_reads_until`)
    recorded_that_day: int = 0
    recording: bool = False
    # what the team's lists call them (`wording.short_names`): "Sam Kim" when another "Sam"
    # is in the team; "" for their first name (`first_name`)
    called: str = ""

    @property
    def first_name(self) -> str:
        """What the preparation calls the person, in its headings and lines: their first
        name, or their full name when someone else in the team shares it (`called`), as
        every list names people."""
        return self.called or first_name(self.person)

    @property
    def left(self) -> bool:
        """They had left the team by the day (`team.has_left`): no meeting, only a follow-up
        of your commitments from their one-on-ones (`follow_up_prep`)."""
        return has_left(self.person, self.date)

    @property
    def next_due(self) -> dt.date:
        """When commitments are due unless said otherwise: the next one-on-one."""
        return self.date + dt.timedelta(days=self.person.cadence_days or DEFAULT_GAP_DAYS)


def prep_reads_until(date: dt.date, *, recording: bool) -> dt.date:
    """The last day whose one-on-ones a preparation for a meeting on `date` comes after:
    the one rule for what "last time" is (the commitments it follows up, the plans on
    record, the cadence's last meeting), in every view of the preparation (text, agenda,
    JSON, the interview's opening) and in the record made from it.

    A preparation is what to look at before the meeting: it reads the one-on-ones strictly
    before `date`, so asked for a past day (or for today once the meeting is recorded) it
    shows what it showed before that meeting, not what the meeting then recorded; one
    already recorded on `date` is named instead (`Prep.recorded_that_day`). Recording
    another one-on-one on `date` (`recording`: a second meeting that day) comes after those
    already recorded: they count, and it follows up what they left open."""
    return date if recording else date - dt.timedelta(days=1)


def prep_weeks(stand: Week, meeting: Week) -> list[Week]:
    """The weeks a preparation covers, oldest first: always 13 (`SHOWN_WEEKS`), ending with
    the meeting's week, or with the week its readings stand on (`stand`) when that is later:
    a meeting's week with no check-in yet (on a Monday) still counts, since stories are
    events, not readings, and one captured since counts, as on the dashboard. The one window
    its stories come from and its "weeks" (and "in the last 13 weeks") name; the readings'
    13 weeks end with `stand` (`reading_weeks`)."""
    end = max(stand, meeting)
    return week_range(end.minus(SHOWN_WEEKS - 1), end)


def reading_weeks(stand: Week) -> tuple[Week, Week]:
    """The first and last of the 13 weeks a preparation's indicators show: the dashboard's,
    ending with the week the readings stand on."""
    return stand.minus(SHOWN_WEEKS - 1), stand


def prep_window(
    date: dt.date,
    today: dt.date,
    settings: Settings,
    indicators: Sequence[Indicator],
    stand: Week | None = None,
) -> list[Week]:
    """The weeks whose check-ins the preparation reads: those the dashboard reads for the
    readings, ending with the week it stands on (`stand`: the latest checked-in week, as
    the store finds it; default the meeting's), and the weeks it covers (`prep_weeks`)
    for the stories about the person. Never past this week: a meeting prepared ahead
    of time has no readings from the future."""
    meeting_week = Week.of(min(date, today))
    stand = stand or meeting_week
    readings = reading_weeks_needed(stand, settings, indicators)
    return sorted(set(readings) | set(prep_weeks(stand, meeting_week)))


def prepare(
    person: Person,
    leader: str,
    date: dt.date,
    today: dt.date,
    indicators: Sequence[Indicator],
    checkins: Mapping[Week, Checkin],
    meetings: Sequence[OneOnOne],
    settings: Settings,
    stand: Week,
    since: Week | None = None,
    plans_from: Sequence[OneOnOne] = (),
    names: Mapping[str, str] | None = None,
    recorded_that_day: int = 0,
    recording: bool = False,
) -> Prep:
    """Everything to look at before a one-on-one with `person` on `date`.

    `checkins` are those of the window (`prep_window`); `meetings` are the person's
    one-on-ones up to `prep_reads_until` (before `date`; with `recording`, on it too),
    oldest first (at least the latest, and every one in the window); `recorded_that_day`,
    how many are already recorded on `date`. `plans_from` are the one-on-ones, with anyone,
    that may hold the plan in force for an off-track episode
    (`store.dashboard.plan_meetings`, read up to the same day): a plan counts for its
    episode whoever it was agreed with, as on the dashboard, so after a handover the
    previous owner's plan is shown, said whose (`names`: team id -> name).

    The indicators are judged as every view judges them (`scoreboard.judge_indicator`),
    from `stand`: the latest checked-in week, found as the dashboard finds it
    (`timeline.standing_week`), so on the morning of the meeting, before this week's
    check-in, last week's readings are the latest there are.
    """
    day = min(date, today)
    weeks = prep_weeks(stand, Week.of(day))
    until = prep_reads_until(date, recording=recording)
    meetings = [m for m in meetings if m.date <= until]
    last = meetings[-1] if meetings else None
    plans = plan_records([*(m for m in plans_from if m.date <= until), *meetings], checkins)
    short = wording.short_names(dict(names or {}))
    views = []
    for ind in indicators:
        if owner_for(ind, Week.of(date)) != person.id:  # theirs as of the meeting's day
            continue
        judged = judge_indicator(ind, checkins, stand, settings, plans, date, since=since)
        if judged.shown:  # new too: agreed since `stand`, by the meeting's day
            views.append(_indicator_view(ind, judged, person, short))
    views.sort(key=lambda v: (SEVERITY[v.status], -v.course_correct_weeks))
    commitments = open_commitments(meetings, date, person)
    stories = _stories_about(person, weeks, checkins)  # the weeks it says it covers
    prep = Prep(
        person=person,
        leader=leader,
        date=date,
        weeks=weeks,
        stand=stand,
        cadence=cadence(person.id, person.cadence_days, last.date if last else None, date),
        last=last,
        indicators=views,
        commitments=commitments,
        stories=stories,
        questions=[],
        trend_weeks=settings.trend_weeks,
        commitments_from=commitments_made_on(meetings),
        recorded_that_day=recorded_that_day,
        recording=recording,
        called=short.get(person.id, ""),
    )
    return replace(prep, questions=choose_questions(prep))


def follow_up_prep(
    person: Person,
    leader: str,
    date: dt.date,
    meetings: Sequence[OneOnOne],
    names: Mapping[str, str] | None = None,
) -> Prep:
    """For someone who had left the team by `date` (`team.has_left`): no meeting, so no
    indicators, stories nor questions; only your commitments still open from their
    one-on-ones (theirs closed when they left: `meeting_commitments.open_commitments`),
    numbered as before, so you can record what became of them. `meetings` are theirs,
    oldest first, back to the latest that made commitments; `names`, the team's (id ->
    name), to call them as the lists do (`Prep.called`)."""
    last = meetings[-1] if meetings else None
    return Prep(
        person=person,
        leader=leader,
        date=date,
        weeks=[Week.of(date)],
        cadence=Cadence(person.id, last.date if last else None, None, "left", 0),
        last=last,
        indicators=[],
        commitments=open_commitments(meetings, date, person),
        stories=[],
        questions=[],
        commitments_from=commitments_made_on(meetings),
        called=wording.short_names(dict(names or {})).get(person.id, ""),
    )


def _indicator_view(
    indicator: Indicator, judged: Track, person: Person, short: Mapping[str, str]
) -> IndicatorView:
    """The preparation's view of one indicator: the week that counts is the one the view
    stands on; its status may be "no data" while an off-track episode (and its plan) goes
    on, since weeks without a reading do not end one."""
    plan = judged.plan
    return IndicatorView(
        indicator=indicator,
        history=list(judged.history),
        current=judged.now,
        course_correct_weeks=judged.course_correct_weeks,
        off_track_since=judged.episode_start,
        trend_warning=judged.trend,
        plan=None if plan is None else _on_record(plan, person, short),
        no_plan_since=judged.no_plan_on,
        flagged=judged.plan_needed,
        due=due_period(judged),
        overdue=overdue_period(judged),
        missing=missed_period(judged),
        held=episode_held(judged),
        new_on=judged.new_on,
    )


def _on_record(plan: PlanRecord, person: Person, short: Mapping[str, str]) -> PlanOnRecord:
    """The plan in force as the preparation for `person` shows it: said whose when it was
    not agreed with them (the previous owner's, or the leader's own)."""
    by = None if plan.person == person.id else wording.person_word(plan.person, short)
    return PlanOnRecord(plan.date, plan.plan or "", plan.person, by)


def _stories_about(
    person: Person, weeks: list[Week], checkins: Mapping[Week, Checkin]
) -> list[StoryView]:
    names = {person.id.casefold(), person.name.casefold(), first_name(person).casefold()}
    found = []
    for week in weeks:
        checkin = checkins.get(week)
        if checkin is None:
            continue
        for story in checkin.stories:
            if story.who is not None and story.who.strip().casefold() in names:
                found.append(StoryView(week, story.text, story.choice))
    return found


# ---- the questions -----------------------------------------------------------------------------


def _reading(view: IndicatorView) -> str:
    ind, latest = view.indicator, view.latest
    return f"{format_value(latest.value, ind.unit)} in {reading_week(latest)}"


def _off_track_where(view: IndicatorView, now: Week) -> str:
    """Where an off-track indicator stands: its reading and the line it misses. `now`: the
    meeting's week, the only one whose reading (or month's, quarter's) is "this week"
    ("this month"); on Monday, before the check-in, the latest is last week's."""
    ind, t = view.indicator, view.latest.thresholds
    if view.latest.status == COURSE_CORRECT:
        runs = view.course_correct_weeks  # readings in a row: one a week, month or quarter
        noun = view.latest.period.noun if view.latest.period else "week"
        where = f"past the course-correct line ({format_value(t.course_correct, ind.unit)})"
        if runs > 1:
            where += f" for {runs} {noun}s running"
        elif view.latest is view.current and view.latest.period == period_of(now, ind.cadence):
            where += f" this {noun}"
    else:
        where = f"at risk, missing the target of {format_value(t.target, ind.unit)}"
    return f"{_reading(view)}, {where}"


def _no_reading(view: IndicatorView) -> str:
    """What is missing, as the dashboard says it (`status.overdue_period`): this week's
    reading, or a whole month's (quarter's) that passed without one, never the week of a
    month: "no reading in 2026-W45", "no reading for Oct 2026"."""
    period = view.overdue
    if period is None or period.noun == "week":
        return f"no reading in {view.current.week}"
    return f"no reading for {period}"


def missed_question(view: IndicatorView) -> str:
    """The question for a month (quarter) that ended unread though a later one is read:
    "What was the Feb 2027 reading for Customer complaints?"."""
    return f"What was the {view.missing} reading for {view.indicator.name}?"


def _plan_context(view: IndicatorView, now: Week) -> str:
    if view.plan is not None:
        plan = f"{view.plan.label}: {view.plan.text}"
    elif view.no_plan_since is not None:
        plan = f"no plan yet (since {view.no_plan_since})"
    else:
        plan = "no plan recorded yet"
    return f"{view.indicator.name}: {_off_track_where(view, now)}; {plan}"


def choose_questions(prep: Prep) -> list[Question]:
    who = prep.first_name
    questions = [Question("progress", PROGRESS_QUESTION)]
    for view in prep.indicators:
        if view.needs_plan:
            asked = PLAN_GOING_QUESTION if view.plan is not None else PLAN_QUESTION
            context = _plan_context(view, Week.of(prep.date))
            questions.append(Question("plan", asked, context, view.indicator.id))
    for view in prep.indicators:
        ind = view.indicator
        if view.status == CELEBRATE:
            line = format_value(view.current.thresholds.celebrate, ind.unit)
            questions.append(
                Question(
                    "celebrate",
                    "What made this happen, and who should hear the story?",
                    f"{ind.name}: {_reading(view)}, past the celebrate line ({line})",
                    ind.id,
                )
            )
        elif view.new_on is not None:
            questions.append(
                Question(
                    "reading",
                    f"What is the first reading for {ind.name}?",
                    f"{ind.name}: {wording.agreed_new(view.new_on)}",
                    ind.id,
                )
            )
        elif view.status == NO_DATA and not view.awaiting:
            questions.append(
                Question(
                    "reading",
                    f"What is the latest reading for {ind.name}?",
                    f"{ind.name}: {_no_reading(view)}",
                    ind.id,
                )
            )
        elif view.missing is not None:  # read since, but a whole month (quarter) was not
            questions.append(
                Question(
                    "reading",
                    missed_question(view),
                    f"{ind.name}: {wording.no_reading_for(view.missing)}",
                    ind.id,
                )
            )
        elif view.status == ON_TRACK and view.trend_warning:
            questions.append(
                Question(
                    "trend",
                    "What is changing, before it turns red?",
                    f"{ind.name}: on track at {_reading(view)}, but it moved the wrong way "
                    f"{prep.trend_weeks} weeks running",
                    ind.id,
                )
            )
    for item in prep.commitments:
        if item.carried_too_often:
            whose = "your" if item.by == "me" else wording.possessive(who)
            questions.append(
                Question(
                    "carried",
                    "Is this still the right commitment, or should it be dropped?",
                    f'{whose} "{item.text}" has been carried over {item.carried} times',
                )
            )
    if not prep.stories:
        questions.append(
            Question(
                "story",
                f"What has {who} done lately that others should hear about?",
                no_story(prep),
            )
        )
    return questions


def no_story(prep: Prep) -> str:
    """ "no story about Ravi in the last 14 weeks", or, for someone who joined within those
    weeks (`joined_on`), from the day they joined: "no story about Ravi since joining the
    team, 1 day ago" (`wording.quiet_for`, the dashboard's words for a young journal). The
    story question's context and the empty "Stories about" section both say it."""
    what = f"story about {prep.first_name}"
    through, searched = prep.weeks[-1], len(prep.weeks)
    joined = prep.person.joined_on
    if joined is None or Week.of(joined) <= prep.weeks[0]:
        return wording.quiet_for(None, through, what, "", prep.weeks[0], searched)
    began_ago = wording.ago((prep.date - joined).days)
    return wording.quiet_for(
        None, through, what, "", Week.of(joined), searched, "joining the team", began_ago
    )


def agenda_questions(prep: Prep) -> list[Question]:
    """The same questions as `choose_questions`, asked of the person in the agenda sent to
    them: in the second person, naming the indicator, and none that judges them by an
    absence (the leader's "no story about them" becomes an open invitation)."""
    leader = wording.first_name(prep.leader)
    questions = [Question("progress", PROGRESS_QUESTION)]
    for view in prep.indicators:
        if view.needs_plan:
            name = view.indicator.name
            if view.plan is not None:
                text = f"How is your plan to get back on track on {name} going?"
                where = _off_track_where(view, Week.of(prep.date))
                context = f"{where}; plan of {view.plan.date}: {view.plan.text}"
            else:
                text = f"What's your plan to get back on track on {name}?"
                context = _off_track_where(view, Week.of(prep.date))
            questions.append(Question("plan", text, context, view.indicator.id))
    for view in prep.indicators:
        ind = view.indicator
        if view.status == CELEBRATE:
            line = format_value(view.current.thresholds.celebrate, ind.unit)
            questions.append(
                Question(
                    "celebrate",
                    f"What made the difference on {ind.name}, and who should hear the story?",
                    f"{_reading(view)}, past the celebrate line ({line})",
                    ind.id,
                )
            )
        elif view.new_on is not None:
            questions.append(
                Question("reading", f"What is the first reading for {ind.name}?", None, ind.id)
            )
        elif view.status == NO_DATA and not view.awaiting:
            questions.append(
                Question("reading", f"What is the latest reading for {ind.name}?", None, ind.id)
            )
        elif view.missing is not None:
            questions.append(Question("reading", missed_question(view), None, ind.id))
        elif view.status == ON_TRACK and view.trend_warning:
            questions.append(
                Question(
                    "trend",
                    f"What is changing on {ind.name}, before it turns red?",
                    f"on track at {_reading(view)}, and it moved the wrong way "
                    f"{prep.trend_weeks} weeks running",
                    ind.id,
                )
            )
    for item in prep.commitments:
        if item.carried_too_often:
            whose = "your" if item.by == "them" else wording.possessive(leader)
            text = f'Is {whose} "{item.text}" still the right commitment, or should we drop it?'
            questions.append(Question("carried", text, f"carried over {item.carried} times"))
    if not prep.stories:
        questions.append(
            Question(
                "story", "What have you or your team done lately that others should hear about?"
            )
        )
    return questions


# ---- the record --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanAnswer:
    indicator: str
    plan: str | None  # None: an explicit "no plan yet"


@dataclass(frozen=True)
class FollowUpAnswer:
    number: int  # of last time's commitments, 1-based
    outcome: str  # done, carried or dropped
    due: dt.date | None = None  # the new due date of a carried commitment
    past_ok: bool = False  # a due date in the past, confirmed


@dataclass(frozen=True)
class NewCommitment:
    by: Side
    text: str
    due: dt.date
    past_ok: bool = False  # a due date in the past, confirmed


@dataclass
class Answers:
    progress: str | None = None
    plans: list[PlanAnswer] = field(default_factory=list)
    celebrate: str | None = None
    story_choice: str | None = None
    story_who: str | None = (
        None  # who the story is about (a team id or a name); None: the person met
    )
    follow_ups: list[FollowUpAnswer] = field(default_factory=list)
    commitments: list[NewCommitment] = field(default_factory=list)
    note: str | None = None


def text_problem(text: str) -> str | None:
    """Why an answer cannot be recorded as typed, if it cannot."""
    if len(text) > TEXT_MAX:
        return f"it is {len(text):,} characters long; at most {TEXT_MAX:,}"
    bad = next((ch for ch in text if not ch.isprintable() and ch not in "\n\t"), None)
    if bad is not None:
        return f"it holds the control character {repr(bad)[1:-1]}"
    return None


def due_problem(due: dt.date, meeting: dt.date) -> str | None:
    """A due date before the meeting is in the past: questioned, never taken silently."""
    if due < meeting:
        return f"the due date {due} is in the past (the meeting is on {meeting})"
    return None


def missing_answers(prep: Prep, answers: Answers) -> list[Problem]:
    """What must still be answered before the meeting can be recorded (`given`: the answer
    each one asks for, which the CLI names as a flag)."""
    problems = []
    planned = {p.indicator for p in answers.plans}
    for view in prep.indicators:
        if view.plan_missing and view.indicator.id not in planned:
            whose = wording.possessive(view.indicator.name, plural=True)
            problems.append(
                Problem(
                    (
                        view.indicator.name
                        if view.latest is view.current
                        else f"{whose} latest reading, {_reading(view)},"
                    )
                    + f" is {wording.STATUS_WORDS[view.latest.status]}: what is the plan to "
                    "get back on track?",
                    hint=f'give «plan» {view.indicator.id}="..." or, if there is none yet, '
                    f"«no_plan» {view.indicator.id}",
                    given="plan",
                )
            )
    marked = {f.number for f in answers.follow_ups}
    unmarked = [c for c in prep.commitments if c.number not in marked]
    if unmarked:
        listed = "; ".join(f'{c.number}. "{_short(c.text)}"' for c in unmarked)
        problems.append(
            Problem(
                f"last time's commitments not yet marked done, carried or dropped: {listed}",
                hint="give «done» N, «carried» N or «dropped» N for each (N as numbered in "
                "the preparation; «done» 1,2 marks several)",
            )
        )
    return problems


def _short(text: str, most: int = 50) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


# The request field each side's new commitments come in (`Problem.given`).
COMMITMENT_FIELD: dict[Side, str] = {"them": "theirs", "me": "mine"}


def plan_field(plan: PlanAnswer) -> str:
    """The request field a plan came in: a plan, or an explicit "no plan yet"."""
    return "plan" if plan.plan is not None else "no_plan"


def answer_problems(
    prep: Prep,
    answers: Answers,
    choices: Collection[str],
    allow_past_due: bool,
    indicators: Collection[str] | None = None,
) -> list[Problem]:
    """Everything wrong with the answers, all at once (empty when they can be recorded).
    Each problem carries the answer it is about (`Problem.given`: the CLI names the flag).
    `indicators`: the ids a plan may be for (None: not checked)."""
    problems: list[Problem] = []

    def text(label: str, value: str | None, given: str) -> None:
        if value is not None:
            reason = text_problem(value)
            if reason:
                problems.append(Problem(f"{label} cannot be recorded: {reason}", given=given))

    def known(value: str, kind: str, ids: Collection[str], where: str, given: str) -> bool:
        try:
            known_id(value, kind, ids, where, given)
        except UsageProblem as error:
            problems.extend(replace(p, given=p.given or given) for p in error.problems)
            return False
        return True

    if prep.left:
        problems += _not_after_leaving(prep, answers)
    text("the progress", answers.progress, "progress")
    text("what to celebrate", answers.celebrate, "celebrate")
    text("the note", answers.note, "note")
    seen: set[str] = set()
    for plan in answers.plans:
        given = plan_field(plan)
        if indicators is not None and not known(
            plan.indicator, "indicator", indicators, "indicators.toml", given
        ):
            continue
        if plan.indicator in seen:
            problems.append(Problem(f"{plan.indicator} has two plans; give one", given=given))
        seen.add(plan.indicator)
        text(f"the plan for {plan.indicator}", plan.plan, given)
        if plan.plan is not None and not plan.plan.strip():
            problems.append(
                Problem(
                    f"the plan for {plan.indicator} is empty",
                    hint="write the plan, or say there is none yet",
                    given=given,
                )
            )
    if answers.story_who is not None and answers.story_choice is None:
        problems.append(
            Problem(
                "who a story is about needs the story too",
                hint='give «celebrate» "..." and «story_choice» CHOICE with it',
                given="story_who",
            )
        )
    if answers.story_choice is not None:
        if not answers.celebrate:
            problems.append(
                Problem(
                    "a story needs something to celebrate",
                    hint='give «celebrate» "..." too',
                    given="story_choice",
                )
            )
        known(answers.story_choice, "strategic choice", choices, "strategy.toml", "story_choice")
    numbers = {c.number for c in prep.commitments}
    marked: set[int] = set()
    for follow in answers.follow_ups:
        came_in = follow.outcome if follow.outcome in OUTCOMES else None  # its field
        if came_in is None:
            problems.append(Problem(f"'{follow.outcome}' is not done, carried or dropped"))
        if follow.number not in numbers:
            problems.append(replace(_no_such_commitment(prep, follow.number), given=came_in))
        elif follow.number in marked:
            problems.append(
                Problem(f"last time's commitment {follow.number} is marked twice", given=came_in)
            )
        marked.add(follow.number)
        if follow.due is not None and not (allow_past_due or follow.past_ok):
            reason = due_problem(follow.due, prep.date)
            if reason:
                problems.append(Problem(reason, hint=PAST_HINT, given=came_in))
    for new in answers.commitments:
        given = COMMITMENT_FIELD[new.by]
        text("a commitment", new.text, given)
        if not new.text.strip():
            problems.append(Problem("a commitment is empty", given=given))
        if not (allow_past_due or new.past_ok):
            reason = due_problem(new.due, prep.date)
            if reason:
                problems.append(
                    Problem(f'"{_short(new.text)}": {reason}', hint=PAST_HINT, given=given)
                )
    return problems


PAST_HINT = "give a date on or after the meeting, or «allow_past_due» if you mean it"


def _not_after_leaving(prep: Prep, answers: Answers) -> list[Problem]:
    """After they left there is no meeting to record (`follow_up_prep`): only what became
    of your commitments from their one-on-ones, and a note."""
    given = [
        ("progress", answers.progress is not None),
        ("plan", any(p.plan is not None for p in answers.plans)),
        ("no_plan", any(p.plan is None for p in answers.plans)),
        ("celebrate", answers.celebrate is not None),
        ("story_choice", answers.story_choice is not None),
        ("story_who", answers.story_who is not None),
        ("theirs", any(c.by == "them" for c in answers.commitments)),
        ("mine", any(c.by == "me" for c in answers.commitments)),
    ]
    return [
        Problem(
            f"{prep.person.id} left the team on {prep.person.left_on}: there is no meeting "
            "to record, only what became of your commitments from their one-on-ones",
            hint="give «done» N, «carried» N or «dropped» N (and «note» if you like); a new "
            "commitment of yours belongs in your weekly check-in",
            given=name,
        )
        for name, was_given in given
        if was_given
    ]


def _no_such_commitment(prep: Prep, number: int) -> Problem:
    if not prep.commitments:
        last = "no earlier one-on-one" if prep.last is None else "no commitments last time"
        return Problem(f"there is no commitment {number} to follow up: {last}")
    numbers = [c.number for c in prep.commitments]
    if numbers == list(range(1, len(numbers) + 1)):
        shown = f"last time's commitments are numbered 1 to {len(numbers)}"
    else:  # someone who left: only yours are open, with the numbers they had, named as
        # the preparation lists them ("2. Write Ben a reference")
        shown = "still open: " + "; ".join(
            f"{c.number}. {wording.short(' '.join(c.text.split()))}" for c in prep.commitments
        )
    return Problem(f"there is no commitment {number} from last time", hint=shown)


def followed_up(prep: Prep, answers: Answers) -> list[tuple[FollowUpAnswer, OpenCommitment]]:
    """Each outcome given (done, carried, dropped), by number, with last time's commitment its
    number names in the preparation's numbering (`open_commitments`); a number naming
    none is left out (`answer_problems` refuses it)."""
    by_number = {c.number: c for c in prep.commitments}
    return [
        (follow, by_number[follow.number])
        for follow in sorted(answers.follow_ups, key=lambda f: f.number)
        if follow.number in by_number
    ]


def answered_off_episode(prep: Prep, answers: Answers) -> list[IndicatorView]:
    """The indicators given a plan or "no plan yet" while not off track at the meeting
    (`status.in_episode_on`, the rule the dashboard and the report count a plan to get back
    on track by): the answer is written as given, and recording says it is not one to get
    back on track. Of the indicators the preparation shows."""
    given = {p.indicator for p in answers.plans}
    return [
        view
        for view in prep.indicators
        if view.indicator.id in given and not in_episode_on(view.history, prep.date)
    ]


def notes_of_intent(prep: Prep, answers: Answers) -> list[IndicatorView]:
    """Of `answered_off_episode`, those given a plan (words): said to be a note of intent,
    not a plan to get back on track."""
    planned = {p.indicator for p in answers.plans if (p.plan or "").strip()}
    return [v for v in answered_off_episode(prep, answers) if v.indicator.id in planned]


def no_plan_owed(prep: Prep, answers: Answers) -> list[IndicatorView]:
    """Of `answered_off_episode`, those given "no plan yet": none is owed, so nothing stays
    on the person's agenda (trial 13: recording said it did, and no view showed it)."""
    planned = {p.indicator for p in answers.plans if (p.plan or "").strip()}
    return [v for v in answered_off_episode(prep, answers) if v.indicator.id not in planned]


def not_off_track_words(view: IndicatorView) -> str:
    """ "on track" (celebrate too: both meet the target), or why it is not off track: a
    month (quarter) awaiting its reading is "due for Dec 2026", as the preparation says it,
    not judged by the last one (trial 22)."""
    if view.due is not None:
        return wording.due_for(view.due)
    status = view.latest.status
    if status in (ON_TRACK, CELEBRATE):
        return "on track"
    return "not off track (no reading shows it)"


def build_meeting(
    prep: Prep,
    answers: Answers,
    choices: Collection[str],
    allow_past_due: bool = False,
    indicators: Collection[str] | None = None,
) -> OneOnOne:
    """The one-on-one record, or a UsageProblem listing everything wrong with the answers
    and everything still to answer."""
    problems = missing_answers(prep, answers)
    problems += answer_problems(prep, answers, choices, allow_past_due, indicators)
    if problems:
        raise UsageProblem(problems=problems)
    # A plan is recorded with the status of the latest reading: the one it answers (the
    # seeded simulation holds this; trial 22 asked for the month's "no-data" while it is
    # due, which would drop what the plan answered: left as a question, see format.md).
    statuses = {v.indicator.id: v.latest.status for v in prep.indicators}
    plans = [
        Plan(indicator=p.indicator, status=statuses.get(p.indicator), plan=p.plan)
        for p in answers.plans
    ]
    follow_ups, carried = [], []
    for follow, old in followed_up(prep, answers):
        outcome = cast(Outcome, follow.outcome)  # answer_problems refused any other
        follow_ups.append(MeetingFollowUp(by=old.by, text=old.text, outcome=outcome))
        if follow.outcome == "carried":
            carried.append(
                MeetingCommitment(
                    by=old.by,
                    text=old.text,
                    due=follow.due or prep.next_due,
                    carried=old.carried + 1,
                )
            )
    new = [MeetingCommitment(by=c.by, text=c.text, due=c.due) for c in answers.commitments]
    return OneOnOne(
        person=prep.person.id,
        date=prep.date,
        progress=answers.progress or None,
        celebrate=answers.celebrate or None,
        note=answers.note or None,
        plans=plans,
        last_time=follow_ups,
        commitments=[*carried, *new],
    )


# ---- cadence across the team --------------------------------------------------------------------


def due_people(
    people: Sequence[Person], last_met: Mapping[str, dt.date], today: dt.date
) -> list[Cadence]:
    """Who is due or overdue for a one-on-one, most overdue first (domain/cadence.py's rule);
    no one who has left the team by `today` (`team.on_team`)."""
    states = [
        cadence(p.id, p.cadence_days, last_met.get(p.id), today)
        for p in people
        if on_team(p, today)
    ]
    due = [c for c in states if c.state in ("due", "overdue")]
    return sorted(due, key=lambda c: (-c.days_overdue, c.due_on or today, c.person))


def story_from(prep: Prep, answers: Answers) -> Story | None:
    """What to celebrate, kept as a story if it lived a choice: about whom the answers say
    (a team id or a name), by default the person met."""
    if not (answers.story_choice and answers.celebrate):
        return None
    return Story(
        text=answers.celebrate,
        who=answers.story_who or prep.person.id,
        choice=answers.story_choice,
        date=prep.date,
    )
