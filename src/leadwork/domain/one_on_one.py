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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from leadwork.domain.cadence import Cadence, cadence
from leadwork.domain.commitments import carried_too_often
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
    course_correct_run,
    is_active,
    judge_weeks,
    needs_plan,
    run_start,
    trend_warning,
)
from leadwork.domain.values import format_value
from leadwork.domain.weeks import SHOWN_WEEKS, Week, last_weeks
from leadwork.errors import Problem, UsageProblem
from leadwork.model.checkin import Checkin, Story
from leadwork.model.indicators import Indicator
from leadwork.model.one_on_one import MeetingCommitment, MeetingFollowUp, OneOnOne, Plan
from leadwork.model.team import Person

DEFAULT_GAP_DAYS = 14  # when a person has no cadence, commitments default to two weeks
TEXT_MAX = 10_000  # as model.common.TEXT_MAX
OFF_TRACK = (AT_RISK, COURSE_CORRECT)
OUTCOMES = ("done", "carried", "dropped")

PROGRESS_QUESTION = "How are you progressing?"
PLAN_QUESTION = "What's your plan to get back on track?"


# ---- the preparation -----------------------------------------------------------------------


@dataclass(frozen=True)
class PlanOnRecord:
    date: dt.date
    text: str


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

    @property
    def status(self) -> str:
        return self.current.status

    @property
    def needs_plan(self) -> bool:
        return self.status in OFF_TRACK


@dataclass(frozen=True)
class OpenCommitment:
    number: int  # 1-based, as shown; `--done 2` refers to it
    by: str  # "me" or "them"
    text: str
    due: dt.date | None
    carried: int
    overdue: bool

    @property
    def carried_too_often(self) -> bool:
        return carried_too_often(self.carried)


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
    weeks: list[Week]  # the window, oldest first
    cadence: Cadence
    last: OneOnOne | None
    indicators: list[IndicatorView]
    commitments: list[OpenCommitment]
    stories: list[StoryView]
    questions: list[Question]
    trend_weeks: int = 3

    @property
    def first_name(self) -> str:
        return first_name(self.person)

    @property
    def next_due(self) -> dt.date:
        """When commitments are due unless said otherwise: the next one-on-one."""
        return self.date + dt.timedelta(days=self.person.cadence_days or DEFAULT_GAP_DAYS)


def first_name(person: Person) -> str:
    return person.name.split()[0] if person.name.split() else person.id


def prep_window(date: dt.date, today: dt.date) -> list[Week]:
    """The 13 weeks ending with the meeting's week; never past this week (a meeting
    prepared ahead of time has no readings from the future to show)."""
    return last_weeks(Week.of(min(date, today)), SHOWN_WEEKS)


def prepare(
    person: Person,
    leader: str,
    date: dt.date,
    today: dt.date,
    indicators: Sequence[Indicator],
    checkins: Mapping[Week, Checkin],
    meetings: Sequence[OneOnOne],
    trend_weeks: int,
) -> Prep:
    """Everything to look at before a one-on-one with `person` on `date`.

    `checkins` are those of the window (`prep_window`); `meetings` are the person's
    one-on-ones on or before `date`, oldest first (at least the latest, and every one in
    the window, so plans recorded during a run are found).
    """
    weeks = prep_window(date, today)
    last = meetings[-1] if meetings else None
    views = [
        _indicator_view(ind, weeks, checkins, meetings, trend_weeks, date)
        for ind in indicators
        if ind.owner == person.id and is_active(ind, weeks[-1])
    ]
    views.sort(key=lambda v: (SEVERITY[v.status], -v.course_correct_weeks))
    commitments = _open_commitments(last, date)
    stories = _stories_about(person, weeks, checkins)
    prep = Prep(
        person=person,
        leader=leader,
        date=date,
        weeks=weeks,
        cadence=cadence(person.id, person.cadence_days, last.date if last else None, date),
        last=last,
        indicators=views,
        commitments=commitments,
        stories=stories,
        questions=[],
        trend_weeks=trend_weeks,
    )
    return replace(prep, questions=choose_questions(prep))


def _readings(indicator_id: str, checkins: Mapping[Week, Checkin]) -> dict[Week, float]:
    return {
        week: checkin.readings[indicator_id]
        for week, checkin in checkins.items()
        if indicator_id in checkin.readings
    }


def _current(history: list[WeekStatus], checkins: Mapping[Week, Checkin]) -> int:
    """Index of the week that counts now: the latest, unless that week has no check-in yet
    (readings are usually written on Friday), in which case the week before stands."""
    latest = len(history) - 1
    if latest > 0 and history[latest].value is None and history[latest].week not in checkins:
        return latest - 1
    return latest


def _indicator_view(
    indicator: Indicator,
    weeks: list[Week],
    checkins: Mapping[Week, Checkin],
    meetings: Sequence[OneOnOne],
    trend_weeks: int,
    date: dt.date,
) -> IndicatorView:
    history = judge_weeks(indicator, weeks, _readings(indicator.id, checkins))
    now = _current(history, checkins)
    upto = history[: now + 1]
    current = upto[-1]
    cc_weeks = course_correct_run(upto)
    off_track_since = None
    if current.status in OFF_TRACK:
        # The dashboard's rule: for course-correct, a plan counts from the start of the
        # course-correct run; for at-risk, from the start of the at-risk run.
        run_of = (COURSE_CORRECT,) if current.status == COURSE_CORRECT else OFF_TRACK
        start = len(upto) - 1
        while start > 0 and upto[start - 1].status in run_of:
            start -= 1
        off_track_since = upto[start].week
    plan, no_plan_since = None, None
    if off_track_since is not None:
        plan, no_plan_since = _plans_since(indicator.id, off_track_since.monday, meetings)
    # The dashboard's rule, from the same functions, so the two never disagree.
    flagged = needs_plan(
        indicator.id,
        Track(tuple(upto), False, cc_weeks, run_start(upto)),
        plan_records(meetings),
        date,
    )
    return IndicatorView(
        indicator=indicator,
        history=history,
        current=current,
        course_correct_weeks=cc_weeks,
        off_track_since=off_track_since,
        trend_warning=trend_warning(upto, trend_weeks),
        plan=plan,
        no_plan_since=no_plan_since,
        flagged=flagged,
    )


def plan_records(meetings: Sequence[OneOnOne]) -> list[PlanRecord]:
    return [PlanRecord(p.indicator, m.date, p.plan) for m in meetings for p in m.plans]


def _plans_since(
    indicator_id: str, since: dt.date, meetings: Sequence[OneOnOne]
) -> tuple[PlanOnRecord | None, dt.date | None]:
    """The latest plan for the indicator in a one-on-one on or after `since`, and the first
    explicit "no plan yet" on or after it (shown only while no plan exists)."""
    plan, no_plan = None, None
    for meeting in meetings:
        if meeting.date < since:
            continue
        for entry in meeting.plans:
            if entry.indicator != indicator_id:
                continue
            if entry.plan and entry.plan.strip():
                plan = PlanOnRecord(meeting.date, entry.plan)
            elif no_plan is None:
                no_plan = meeting.date
    return plan, (None if plan else no_plan)


def _open_commitments(last: OneOnOne | None, date: dt.date) -> list[OpenCommitment]:
    if last is None:
        return []
    return [
        OpenCommitment(
            number=i,
            by=c.by,
            text=c.text,
            due=c.due,
            carried=c.carried,
            overdue=c.due is not None and c.due < date,
        )
        for i, c in enumerate(last.commitments, start=1)
    ]


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
    ind = view.indicator
    return f"{format_value(view.current.value, ind.unit)} in {view.current.week}"


def _plan_context(view: IndicatorView) -> str:
    ind, t = view.indicator, view.current.thresholds
    if view.status == COURSE_CORRECT:
        weeks = view.course_correct_weeks
        where = (
            f"past the course-correct line ({format_value(t.course_correct, ind.unit)}) "
            f"{'for ' + str(weeks) + ' weeks running' if weeks > 1 else 'this week'}"
        )
    else:
        where = f"at risk, missing the target of {format_value(t.target, ind.unit)}"
    if view.plan is not None:
        plan = f"plan of {view.plan.date}: {view.plan.text}"
    elif view.no_plan_since is not None:
        plan = f"no plan yet (since {view.no_plan_since})"
    else:
        plan = "no plan recorded yet"
    return f"{ind.name}: {_reading(view)}, {where}; {plan}"


def choose_questions(prep: Prep) -> list[Question]:
    who = prep.first_name
    questions = [Question("progress", PROGRESS_QUESTION)]
    for view in prep.indicators:
        if view.needs_plan:
            questions.append(
                Question("plan", PLAN_QUESTION, _plan_context(view), view.indicator.id)
            )
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
        elif view.status == NO_DATA:
            questions.append(
                Question(
                    "reading",
                    f"What is the latest reading for {ind.name}?",
                    f"{ind.name}: no reading in {view.current.week}",
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
            whose = "your" if item.by == "me" else f"{who}'s"
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
                f"no story about {who} in the last {len(prep.weeks)} weeks",
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
    by: str  # "me" or "them"
    text: str
    due: dt.date
    past_ok: bool = False  # a due date in the past, confirmed


@dataclass
class Answers:
    progress: str | None = None
    plans: list[PlanAnswer] = field(default_factory=list)
    celebrate: str | None = None
    story_choice: str | None = None
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
    """What must still be answered before the meeting can be recorded."""
    problems = []
    planned = {p.indicator for p in answers.plans}
    for view in prep.indicators:
        if view.needs_plan and view.indicator.id not in planned:
            problems.append(
                Problem(
                    f"{view.indicator.id} is {view.status}: what is the plan to get back on track?",
                    hint=f'give --plan {view.indicator.id}="..." or, if there is none '
                    f"yet, --no-plan {view.indicator.id}",
                )
            )
    marked = {f.number for f in answers.follow_ups}
    unmarked = [c for c in prep.commitments if c.number not in marked]
    if unmarked:
        listed = "; ".join(f'{c.number}. "{_short(c.text)}"' for c in unmarked)
        problems.append(
            Problem(
                f"last time's commitments not yet marked done, carried or dropped: {listed}",
                hint="give --done N, --carried N or --dropped N for each (N as numbered "
                "in the preparation; `--done 1,2` marks several)",
            )
        )
    return problems


def _short(text: str, most: int = 50) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


def answer_problems(
    prep: Prep, answers: Answers, choices: set[str], allow_past_due: bool
) -> list[Problem]:
    """Everything wrong with the answers, all at once (empty when they can be recorded)."""
    problems: list[Problem] = []

    def text(label: str, value: str | None) -> None:
        if value is not None:
            reason = text_problem(value)
            if reason:
                problems.append(Problem(f"{label} cannot be recorded: {reason}"))

    text("the progress", answers.progress)
    text("what to celebrate", answers.celebrate)
    text("the note", answers.note)
    seen: set[str] = set()
    for plan in answers.plans:
        if plan.indicator in seen:
            problems.append(Problem(f"{plan.indicator} has two plans; give one"))
        seen.add(plan.indicator)
        text(f"the plan for {plan.indicator}", plan.plan)
        if plan.plan is not None and not plan.plan.strip():
            problems.append(
                Problem(
                    f"the plan for {plan.indicator} is empty",
                    hint=f"write the plan, or say --no-plan {plan.indicator}",
                )
            )
    if answers.story_choice is not None:
        if not answers.celebrate:
            problems.append(
                Problem(
                    "a story needs something to celebrate",
                    hint='give --celebrate "..." with --story',
                )
            )
        if answers.story_choice not in choices:
            problems.append(Problem(f"unknown strategic choice '{answers.story_choice}'"))
    numbers = {c.number for c in prep.commitments}
    marked: set[int] = set()
    for follow in answers.follow_ups:
        if follow.outcome not in OUTCOMES:
            problems.append(Problem(f"'{follow.outcome}' is not done, carried or dropped"))
        if follow.number not in numbers:
            problems.append(_no_such_commitment(prep, follow.number))
        elif follow.number in marked:
            problems.append(Problem(f"last time's commitment {follow.number} is marked twice"))
        marked.add(follow.number)
        if follow.due is not None and not (allow_past_due or follow.past_ok):
            reason = due_problem(follow.due, prep.date)
            if reason:
                problems.append(Problem(reason, hint=_PAST_HINT))
    for new in answers.commitments:
        text("a commitment", new.text)
        if not new.text.strip():
            problems.append(Problem("a commitment is empty"))
        if not (allow_past_due or new.past_ok):
            reason = due_problem(new.due, prep.date)
            if reason:
                problems.append(Problem(f'"{_short(new.text)}": {reason}', hint=_PAST_HINT))
    return problems


_PAST_HINT = "give a date on or after the meeting, or --allow-past-due if you mean it"


def _no_such_commitment(prep: Prep, number: int) -> Problem:
    if not prep.commitments:
        last = "no earlier one-on-one" if prep.last is None else "no commitments last time"
        return Problem(f"there is no commitment {number} to follow up: {last}")
    return Problem(
        f"there is no commitment {number} from last time",
        hint=f"last time's commitments are numbered 1 to {len(prep.commitments)}",
    )


def build_meeting(
    prep: Prep, answers: Answers, choices: set[str], allow_past_due: bool = False
) -> OneOnOne:
    """The one-on-one record, or a UsageProblem listing everything wrong with the answers."""
    problems = missing_answers(prep, answers) + answer_problems(
        prep, answers, choices, allow_past_due
    )
    if problems:
        raise UsageProblem(problems=problems)
    statuses = {v.indicator.id: v.status for v in prep.indicators}
    plans = [
        Plan(indicator=p.indicator, status=statuses.get(p.indicator), plan=p.plan)
        for p in answers.plans
    ]
    by_number = {c.number: c for c in prep.commitments}
    follow_ups, carried = [], []
    for follow in sorted(answers.follow_ups, key=lambda f: f.number):
        old = by_number[follow.number]
        follow_ups.append(MeetingFollowUp(by=old.by, text=old.text, outcome=follow.outcome))
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
    """Who is due or overdue for a one-on-one, most overdue first (domain/cadence.py's rule)."""
    states = [cadence(p.id, p.cadence_days, last_met.get(p.id), today) for p in people]
    due = [c for c in states if c.state in ("due", "overdue")]
    return sorted(due, key=lambda c: (-c.days_overdue, c.due_on or today, c.person))


def story_from(prep: Prep, answers: Answers) -> Story | None:
    """What to celebrate, kept as a story about the person, if it lived a choice."""
    if not (answers.story_choice and answers.celebrate):
        return None
    return Story(
        text=answers.celebrate, who=prep.person.id, choice=answers.story_choice, date=prep.date
    )
