"""`leadwork one-on-one`: prepare a one-on-one, list who is due, record one.

`PrepRequest` -> `Prepared`: what to look at before the meeting (and what the interview
asks from). `DueRequest` -> `Due`: who is due or overdue. `RecordRequest` -> `Recorded`:
the answers, as data, whether they came as flags or from the interview, checked against
the journal and the preparation, then written (the meeting, the story it celebrated, the
indicators it agreed: all of them or none). A problem with a value the person gave names
the request field it came in (`Problem.given`); the CLI names the flag.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, overload

from leadwork.errors import Problem, UsageProblem

if TYPE_CHECKING:
    import datetime as dt

    from leadwork.domain.cadence import Cadence
    from leadwork.domain.joint_indicators import Agreement
    from leadwork.domain.meeting_commitments import OpenCommitment
    from leadwork.domain.one_on_one import Answers, FollowUpAnswer, IndicatorView, Prep
    from leadwork.model.indicators import Indicator
    from leadwork.model.one_on_one import OneOnOne
    from leadwork.model.strategy import Choice
    from leadwork.model.team import Person
    from leadwork.store.journal import Journal


@dataclass(frozen=True)
class PrepRequest:
    person: str  # PERSON: an id in team.toml
    date: dt.date | None = None  # the meeting's day; default today
    # Refuse now what cannot be recorded (a meeting after today, or before one already
    # recorded), before any question is asked.
    to_record: bool = False


@dataclass(frozen=True)
class DueRequest:
    """Who is due or overdue for a one-on-one."""


@dataclass(frozen=True)
class RecordRequest:
    person: str  # PERSON
    answers: Answers  # from the flags or the interview: ids as text, story_who as typed
    date: dt.date | None = None  # the meeting's day; default today
    agreements: tuple[Agreement, ...] = ()  # indicators agreed or changed (the interview)
    allow_past_due: bool = False  # due dates before the meeting's day are meant


@dataclass(frozen=True)
class Prepared:
    prep: Prep
    indicators: tuple[Indicator, ...]  # every indicator: what a plan may be for
    team: Mapping[str, str]  # team id -> name: who a story may be about
    choices: tuple[Choice, ...] = ()  # read to record: what a story may have lived

    @property
    def choice_ids(self) -> set[str]:
        return {c.id for c in self.choices} | {"purpose"}

    @property
    def live_choices(self) -> list[Choice]:
        """The choices a story of the meeting's week may name (`checkin.story_choice`):
        what the interview offers."""
        from leadwork.domain.timeline import live_in
        from leadwork.weeks import Week

        return [c for c in self.choices if live_in(c.retired_on, Week.of(self.prep.date))]


@dataclass(frozen=True)
class Due:
    listed: tuple[Cadence, ...]  # due or overdue, most overdue first
    people: dict[str, Person]
    today: dt.date
    next_up: tuple[Cadence, ...]  # everyone due on the next day one is due, when none is yet


@dataclass(frozen=True)
class Recorded:
    rel: str  # the one-on-one's file, relative to the journal
    story: str | None  # the check-in the story was added to
    meeting: OneOnOne
    answers: Answers
    agreements: tuple[Agreement, ...]
    first_name: str
    followed: tuple[tuple[FollowUpAnswer, OpenCommitment], ...]  # outcomes, by number
    kept: tuple[IndicatorView, ...]  # off track, with a plan on record that stands
    written: tuple[str, ...]  # every file written, relative to the journal (for a commit)
    # given a plan while not off track: kept as a note of intent (`notes_of_intent`)
    intents: tuple[IndicatorView, ...] = ()
    # given "no plan yet" while not off track: no plan is owed (`no_plan_owed`)
    not_owed: tuple[IndicatorView, ...] = ()


@overload
def run(journal: Journal, request: PrepRequest, today: dt.date) -> Prepared: ...
@overload
def run(journal: Journal, request: DueRequest, today: dt.date) -> Due: ...
@overload
def run(journal: Journal, request: RecordRequest, today: dt.date) -> Recorded: ...
def run(
    journal: Journal, request: PrepRequest | DueRequest | RecordRequest, today: dt.date
) -> Prepared | Due | Recorded:
    if isinstance(request, PrepRequest):
        return _prepare(journal, request, today)
    if isinstance(request, DueRequest):
        return _due(journal, today)
    return _record(journal, request, today)


def _prepare(journal: Journal, request: PrepRequest, today: dt.date) -> Prepared:
    from leadwork.domain.id_safety import known_id
    from leadwork.domain.one_on_one import prep_reads_until, prep_window, prepare
    from leadwork.domain.team import on_team
    from leadwork.domain.timeline import standing_week
    from leadwork.model.words import ME
    from leadwork.store.dashboard import latest_checkin_week, plan_meetings, reach_for_episodes
    from leadwork.store.one_on_ones import recent_meetings, recorded_on
    from leadwork.weeks import Week

    if request.person == ME:
        raise UsageProblem(
            f"'{request.person}' is you: a one-on-one is with someone you lead",
            hint="your own indicators and commitments are on `leadwork dashboard`; "
            "give the id of a person in team.toml",
            given="person",
        )
    people = {p.id: p for p in journal.team().people}
    person_id = known_id(request.person, "person", people, "team.toml", "person")
    day = request.date or today
    person = people[person_id]
    config = journal.config()
    if not on_team(person, day):
        return _off_team(journal, request, person, people, day, today, config.leader)
    indicators = journal.indicators().indicators
    # The week it stands on, found as the dashboard finds it (however long ago), and the
    # readings of the weeks judged from there.
    meeting = min(day, today)
    stand = standing_week(meeting, latest_checkin_week(journal, Week.of(meeting)))
    weeks = prep_window(day, today, config.settings, indicators, stand)
    checkins = journal.checkins(weeks)
    since = reach_for_episodes(journal, stand, config.settings, indicators, checkins)
    first = min([weeks[0], *([since] if since else [])])
    # "last time": before the day, or, to record another meeting that day, on it too
    until = prep_reads_until(day, recording=request.to_record)
    meetings = recent_meetings(journal, person_id, people, until=until, since=first.monday)
    prep = prepare(
        person=people[person_id],
        leader=config.leader,
        date=day,
        today=today,
        indicators=indicators,
        checkins=checkins,
        meetings=meetings,
        settings=config.settings,
        stand=stand,
        since=since,
        # a plan counts for its episode whoever it was agreed with (the previous owner's,
        # after a handover), as the dashboard and the report count it
        plans_from=plan_meetings(
            journal, indicators, checkins, stand, config.settings, since, until
        ),
        names={p.id: p.name for p in people.values()},
        recorded_that_day=recorded_on(journal, person_id, people, day),
        recording=request.to_record,
    )
    team = {p.id: p.name for p in people.values()}
    if not request.to_record:
        return Prepared(prep, tuple(indicators), team)
    _refuse_out_of_order(journal, person_id, people, day, today)
    return Prepared(prep, tuple(indicators), team, tuple(journal.strategy().choices))


def _refuse_out_of_order(
    journal: Journal, person: str, people: Mapping[str, Person], day: dt.date, today: dt.date
) -> None:
    """What cannot be recorded on `day`: a day after today, or one before a one-on-one
    already recorded with `person`."""
    from leadwork.store.one_on_ones import later_meeting

    if day > today:
        raise UsageProblem(
            f"the one-on-one is on {day}, after today ({today}): it can be prepared but "
            "recorded only once it has happened",
            given="date",
        )
    later = later_meeting(journal, person, people, day)
    if later is not None:
        raise UsageProblem(
            f"a later one-on-one with {person} is already recorded ({later.rel}); "
            "one-on-ones are recorded in order",
            hint="edit that file by hand if this one belongs before it",
        )


def _off_team(
    journal: Journal,
    request: PrepRequest,
    person: Person,
    people: Mapping[str, Person],
    day: dt.date,
    today: dt.date,
    leader: str,
) -> Prepared:
    """`one-on-one PERSON` on a day they are not on the team (`team.on_team`): refused,
    except to record what became of your commitments from the one-on-ones of someone who
    has left (`one_on_one.follow_up_prep`): no one else can close them."""
    from leadwork.domain.one_on_one import follow_up_prep
    from leadwork.domain.team import has_joined
    from leadwork.store.one_on_ones import recent_meetings

    if not has_joined(person, day):
        raise UsageProblem(
            f"{person.id} is on the team from {person.joined_on} (joined_on in team.toml): "
            f"there is no one-on-one with them on {day}",
            hint="prepare or record it on or after that day, or set joined_on to the day "
            "they joined",
            given="person",
        )
    meetings = recent_meetings(journal, person.id, people, until=day, since=day)
    names = {p.id: p.name for p in people.values()}
    prep = follow_up_prep(person, leader, day, meetings, names)
    gone = (
        f"{person.id} left the team on {person.left_on} (left_on in team.toml): there is no "
        f"one-on-one with them on {day}"
    )
    if not prep.commitments:
        raise UsageProblem(
            gone,
            hint="a one-on-one before they left may be recorded with its date; their own "
            "commitments closed when they left, and none of yours from their one-on-ones is open",
            given="person",
        )
    # numbered as `leadwork commitments` and --done N number them: "#2", never a bare 2,
    # which reads as a count (trial 10)
    numbers = [f"#{c.number}" for c in prep.commitments]
    if len(numbers) == 1:
        n = numbers[0][1:]
        follow_up = (
            f"your commitment {numbers[0]} from their one-on-ones stays open until you say "
            f"what became of it (`leadwork commitments` lists it): `leadwork one-on-one "
            f"{person.id}` with --done {n}, --carried {n}=DUE or --dropped {n}"
        )
    else:
        listed = ", ".join(numbers[:-1]) + f" and {numbers[-1]}"
        follow_up = (
            f"your {len(numbers)} commitments from their one-on-ones, {listed}, stay open "
            f"until you say what became of them (`leadwork commitments` lists them): "
            f"`leadwork one-on-one {person.id}` with --done N, --carried N=DUE or "
            f"--dropped N, N each one's number"
        )
    if not request.to_record:
        raise UsageProblem(gone, hint=follow_up, given="person")
    _refuse_out_of_order(journal, person.id, people, day, today)
    return Prepared(prep, (), {p.id: p.name for p in people.values()})


def servable(journal: Journal) -> set[str]:
    """The capability and choice ids an indicator agreed in the interview may serve."""
    choices = {c.id for c in journal.strategy().choices}
    return choices | {c.id for c in journal.capabilities().capabilities}


def _due(journal: Journal, today: dt.date) -> Due:
    import datetime as dt

    from leadwork.domain.cadence import cadence
    from leadwork.domain.one_on_one import due_people
    from leadwork.domain.team import on_team
    from leadwork.store.one_on_ones import last_met

    people = {p.id: p for p in journal.team().people}
    met = last_met(journal, people)
    listed = due_people(list(people.values()), met, today)
    upcoming = [
        cadence(p.id, p.cadence_days, met.get(p.id), today)
        for p in people.values()
        if p.cadence_days and on_team(p, today)
    ]
    upcoming = sorted((c for c in upcoming if c.due_on), key=lambda c: c.due_on or dt.date.min)
    first = upcoming[0].due_on if upcoming else None
    return Due(tuple(listed), people, today, tuple(c for c in upcoming if c.due_on == first))


def problems(prepared: Prepared, request: RecordRequest) -> list[Problem]:
    """Everything wrong with the answers given, all at once (not what is still missing:
    the interview may ask it): checked before a question is asked."""
    return _checked(prepared, request)[1]


def _checked(prepared: Prepared, request: RecordRequest) -> tuple[Answers, list[Problem]]:
    """The answers with who a story is about as the journal keeps it (a team id or a
    name), and every problem with them."""
    from leadwork.domain.checkin import person_or_name
    from leadwork.domain.one_on_one import answer_problems

    answers = request.answers
    found: list[Problem] = []
    if answers.story_who is not None:
        try:
            answers = replace(answers, story_who=person_or_name(answers.story_who, prepared.team))
        except ValueError as error:
            found.append(Problem(f"{error}", given="story_who"))
    ids = {i.id for i in prepared.indicators}
    choices = prepared.choice_ids
    if answers.story_choice is not None:  # one retired before the meeting's week: refused
        from leadwork.domain.checkin import story_choice
        from leadwork.weeks import Week

        try:
            story_choice(answers.story_choice, prepared.choices, Week.of(prepared.prep.date))
        except UsageProblem as error:
            if answers.story_choice in choices:  # an unknown id: answer_problems says so
                found += [replace(p, given="story_choice") for p in error.problems]
    found += answer_problems(prepared.prep, answers, choices, request.allow_past_due, ids)
    return answers, found


def _record(journal: Journal, request: RecordRequest, today: dt.date) -> Recorded:
    from leadwork.domain.one_on_one import (
        build_meeting,
        followed_up,
        missing_answers,
        no_plan_owed,
        notes_of_intent,
        story_from,
    )
    from leadwork.store.one_on_ones import save_meeting

    prepared = _prepare(journal, PrepRequest(request.person, request.date, True), today)
    prep = prepared.prep
    answers, wrong = _checked(prepared, request)
    if wrong:
        raise UsageProblem(problems=missing_answers(prep, answers) + wrong)
    ids = {i.id for i in prepared.indicators}
    meeting = build_meeting(prep, answers, prepared.choice_ids, request.allow_past_due, ids)
    agreements = list(request.agreements)
    saved = save_meeting(journal, meeting, prep.person.name, story_from(prep, answers), agreements)
    planned = {p.indicator for p in answers.plans}
    kept = [v for v in prep.indicators if v.plan_stands and v.indicator.id not in planned]
    return Recorded(
        rel=saved.meeting,
        story=saved.story,
        meeting=meeting,
        answers=answers,
        agreements=tuple(agreements),
        first_name=prep.first_name,
        followed=tuple(followed_up(prep, answers)),
        kept=tuple(kept),
        written=tuple(saved.written),
        intents=tuple(notes_of_intent(prep, answers)),
        not_owed=tuple(no_plan_owed(prep, answers)),
    )
