"""`leadwork one-on-one`: prepare a one-on-one that goes beyond updates, then record it.

`leadwork one-on-one PERSON` shows the preparation, then asks step by step. Questions are
asked only at a terminal, by the rule every interview follows (`cli/prompts.may_ask`).
Answers given as flags skip the interview: at a terminal only what is still needed is
asked; with --no-input, or from a script, anything still needed is an error. From a
script with no answers at all, it refuses (exit 2) naming the flags; `--prep` only
prepares (text, markdown agenda or json); `--due` lists who is due or overdue.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from leadwork.cli import complete_values
from leadwork.cli.echo import echo
from leadwork.cli.git import commit_option
from leadwork.cli.one_on_one_flags import Flags, answers_from_flags
from leadwork.cli.options import either, parse_date
from leadwork.cli.session import session, today
from leadwork.errors import UsageProblem

if TYPE_CHECKING:
    from rich.console import RenderableType

    from leadwork.domain.joint_indicators import Agreement
    from leadwork.domain.one_on_one import Prep
    from leadwork.store.journal import Journal


MEETING_FLAGS = (
    "--progress, --plan, --celebrate, --theirs, --mine, --done... (see `leadwork one-on-one "
    "--help`), or --no-input; --prep shows the preparation and records nothing"
)
MeetingCommit = Annotated[bool, commit_option("one-on-one PERSON YYYY-MM-DD")]


class PrepFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


def one_on_one(
    ctx: typer.Context,
    person: Annotated[
        str | None,
        typer.Argument(
            metavar="PERSON",
            help="The person's id in team.toml. Leave out with --due.",
            show_default=False,
            autocompletion=complete_values.people,
        ),
    ] = None,
    due: Annotated[
        bool, typer.Option("--due", help="List who is due or overdue, most overdue first.")
    ] = False,
    prep: Annotated[
        bool, typer.Option("--prep", help="Only prepare: show the agenda, record nothing.")
    ] = False,
    format: Annotated[
        PrepFormat,
        typer.Option(
            "--format",
            "-f",
            help="text for people; markdown (an agenda to send ahead) or json for scripts. "
            "markdown and json only prepare.",
        ),
    ] = PrepFormat.text,
    date: Annotated[
        str | None,
        typer.Option(
            metavar="YYYY-MM-DD", help="The meeting's day. Default: today.", show_default=False
        ),
    ] = None,
    progress: Annotated[
        str | None,
        typer.Option(metavar="TEXT", help="How they are progressing, in their words."),
    ] = None,
    plan: Annotated[
        list[str] | None,
        typer.Option(
            "--plan",
            metavar="INDICATOR=PLAN",
            help="The plan to get back on track for an indicator. Repeat for several.",
            autocompletion=complete_values.readings,
        ),
    ] = None,
    no_plan: Annotated[
        list[str] | None,
        typer.Option(
            "--no-plan",
            metavar="INDICATOR",
            help='Record "no plan yet" for an indicator; it stays on the agenda until '
            "there is one.",
            autocompletion=complete_values.indicators,
        ),
    ] = None,
    celebrate: Annotated[
        str | None, typer.Option(metavar="TEXT", help="What is worth celebrating.")
    ] = None,
    story_choice: Annotated[
        str | None,
        typer.Option(
            "--story-choice",
            metavar="CHOICE",
            autocompletion=complete_values.choices,
            help="Also keep --celebrate as a story that lived this strategic choice (or "
            "'purpose'), in this week's check-in.",
            show_default=False,
        ),
    ] = None,
    old_story: Annotated[
        str | None,
        typer.Option(
            "--story",
            hidden=True,
            help="Old spelling of --story-choice.",
            autocompletion=complete_values.choices,
            show_default=False,
        ),
    ] = None,
    story_who: Annotated[
        str | None,
        typer.Option(
            "--story-who",
            metavar="PERSON",
            autocompletion=complete_values.people,
            help="Who the story is about: a team id or a name. Default: the person met.",
            show_default=False,
        ),
    ] = None,
    theirs: Annotated[
        list[str] | None,
        typer.Option(
            "--theirs",
            metavar="[DUE=]TEXT",
            help="A commitment they made; DUE is YYYY-MM-DD or +days (default: the next "
            "one-on-one by their cadence). Repeat for several.",
        ),
    ] = None,
    mine: Annotated[
        list[str] | None,
        typer.Option("--mine", metavar="[DUE=]TEXT", help="A commitment you made, like --theirs."),
    ] = None,
    done: Annotated[
        list[str] | None,
        typer.Option(
            "--done", metavar="N", help="Last time's commitment N was done (N, N,M or all)."
        ),
    ] = None,
    carried: Annotated[
        list[str] | None,
        typer.Option(
            "--carried",
            metavar="N[=DUE]",
            help="Last time's commitment N is carried over, due DUE (default: the next "
            "one-on-one).",
        ),
    ] = None,
    dropped: Annotated[
        list[str] | None,
        typer.Option("--dropped", metavar="N", help="Last time's commitment N was dropped."),
    ] = None,
    note: Annotated[
        str | None, typer.Option(metavar="TEXT", help="Anything else worth keeping.")
    ] = None,
    no_input: Annotated[
        bool,
        typer.Option(
            "--no-input", help="Never ask: record from the flags, or fail saying what is missing."
        ),
    ] = False,
    allow_past_due: Annotated[
        bool,
        typer.Option("--allow-past-due", help="Accept due dates before the meeting's day."),
    ] = False,
    commit: MeetingCommit = False,
) -> None:
    """Prepare a one-on-one, then record it: progress, plans to get back on track,
    what to celebrate, commitments on both sides.

    The preparation shows the person's indicators (status and 13 weeks), the commitments
    both of you left open last time, stories about them, and the questions to ask. Then
    it asks, step by step (at a terminal), and writes one-on-ones/DATE-PERSON.toml. Give
    the answers as flags (with --no-input) to record without questions. With no terminal
    and no answers as flags it refuses (exit 2); --prep only prepares.
    """
    from leadwork.cli.boundary import vouch

    flags = Flags(
        progress=progress,
        plan=plan,
        no_plan=no_plan,
        celebrate=celebrate,
        story=either("--story-choice", story_choice, "--story", old_story),
        story_who=story_who,
        theirs=theirs,
        mine=mine,
        done=done,
        carried=carried,
        dropped=dropped,
        note=note,
    )
    only_looking = due or prep or format is not PrepFormat.text
    if only_looking and commit:
        raise UsageProblem(
            "--commit commits what a recording writes; --due, --prep and --format "
            "markdown/json write nothing",
            hint="leave those out to record the one-on-one",
        )
    if only_looking and flags.given():
        raise UsageProblem(
            "answers are recorded only without --due, --prep and --format markdown/json",
            hint="leave those out to record the one-on-one",
        )
    journal = session(ctx).journal()
    now = today()
    if due:
        if person is not None:
            raise UsageProblem("--due lists everyone who is due; leave out the person")
        _print_due(journal, now, format)
        return
    if person is None:
        raise UsageProblem(
            "which person? give their id from team.toml", hint="or --due to see who is due"
        )
    if person == complete_values.ME:
        raise UsageProblem(
            f"'{person}' is you: a one-on-one is with someone you lead",
            hint="your own indicators and commitments are on `leadwork dashboard`; "
            "give the id of a person in team.toml",
        )
    day = parse_date(date, "--date", now)
    preparation = _prepare(journal, person, day, now)
    vouch(journal, now)
    if prep or format is not PrepFormat.text:
        _print_prep(preparation, format)
        return
    _record(journal, preparation, now, flags, no_input, allow_past_due, commit)


# ---- preparing -----------------------------------------------------------------------------


def _prepare(journal: Journal, person_id: str, day: dt.date, now: dt.date) -> Prep:
    from leadwork.domain.id_safety import known_id
    from leadwork.domain.one_on_one import prep_window, prepare
    from leadwork.domain.timeline import standing_week
    from leadwork.store.dashboard import latest_checkin_week, reach_for_episodes
    from leadwork.store.one_on_ones import recent_meetings
    from leadwork.weeks import Week

    team = journal.team()
    people = {p.id: p for p in team.people}
    known_id(person_id, "person", people, "team.toml", "person")
    config = journal.config()
    indicators = journal.indicators().indicators
    # The week it stands on, found as the dashboard finds it (however long ago), and the
    # readings of the weeks judged from there.
    meeting = min(day, now)
    stand = standing_week(meeting, latest_checkin_week(journal, Week.of(meeting)))
    weeks = prep_window(day, now, config.settings, indicators, stand)
    checkins = journal.checkins(weeks)
    since = reach_for_episodes(journal, stand, config.settings, indicators, checkins)
    first = min([weeks[0], *([since] if since else [])])
    meetings = recent_meetings(journal, person_id, people, until=day, since=first.monday)
    return prepare(
        person=people[person_id],
        leader=config.leader,
        date=day,
        today=now,
        indicators=indicators,
        checkins=checkins,
        meetings=meetings,
        settings=config.settings,
        stand=stand,
        since=since,
    )


def _print_prep(prep: Prep, format: PrepFormat) -> None:
    from leadwork.cli.options import show
    from leadwork.render.one_on_one import prep_json, prep_markdown, prep_renderable

    if format is PrepFormat.markdown:
        echo(prep_markdown(prep), nl=False)
    elif format is PrepFormat.json:
        echo(prep_json(prep))
    else:
        show(prep_renderable(prep))


def _print_due(journal: Journal, now: dt.date, format: PrepFormat) -> None:
    from leadwork.cli.boundary import vouch
    from leadwork.cli.options import show
    from leadwork.domain.cadence import cadence
    from leadwork.domain.one_on_one import due_people
    from leadwork.render.one_on_one import due_json, due_renderable
    from leadwork.store.one_on_ones import last_met

    people = {p.id: p for p in journal.team().people}
    met = last_met(journal, people)
    vouch(journal, now)
    listed = due_people(list(people.values()), met, now)
    if format is PrepFormat.json:
        echo(due_json(listed, people, now))
        return
    if format is PrepFormat.markdown:
        raise UsageProblem("--due prints text or json, not markdown")
    upcoming = [
        cadence(p.id, p.cadence_days, met.get(p.id), now) for p in people.values() if p.cadence_days
    ]
    upcoming = sorted((c for c in upcoming if c.due_on), key=lambda c: c.due_on or dt.date.min)
    next_up = upcoming[0] if upcoming else None
    show(due_renderable(listed, people, now, next_up))


# ---- recording -------------------------------------------------------------------------------


def _record(
    journal: Journal,
    prep: Prep,
    now: dt.date,
    flags: Flags,
    no_input: bool,
    allow_past_due: bool,
    commit: bool = False,
) -> None:
    from rich.text import Text

    from leadwork.cli import prompts
    from leadwork.cli.one_on_one_interview import complete, interview
    from leadwork.cli.options import show
    from leadwork.cli.prompts import Prompter
    from leadwork.domain.one_on_one import build_meeting, followed_up, story_from, text_problem
    from leadwork.render.one_on_one import recorded_renderable
    from leadwork.render.terminal import VisibleConsole
    from leadwork.store.one_on_ones import later_meeting, save_meeting

    if prep.date > now:
        raise UsageProblem(
            f"the one-on-one is on {prep.date}, after today ({now}): it can be prepared "
            "(--prep) but recorded only once it has happened"
        )
    team = {p.id: p.name for p in journal.team().people}
    people = set(team)
    later = later_meeting(journal, prep.person.id, people, prep.date)
    if later is not None:
        raise UsageProblem(
            f"a later one-on-one with {prep.person.id} is already recorded ({later.rel}); "
            "one-on-ones are recorded in order",
            hint="edit that file by hand if this one belongs before it",
        )
    console = VisibleConsole()
    strategy = journal.strategy()
    choices = {c.id for c in strategy.choices} | {"purpose"}
    agreements: list[Agreement] = []
    what = f"one-on-one {prep.person.id}"
    interactive = prompts.may_ask(
        no_input=no_input, answered=flags.given(), what=what, flags=MEETING_FLAGS
    )
    if flags.given() or no_input:
        answers = answers_from_flags(flags, prep, journal, choices, allow_past_due)
        if interactive:
            complete(Prompter(console, check_text=text_problem), prep, answers)
    else:
        show(_prep_renderable(prep))
        ask = Prompter(console, check_text=text_problem)
        ask.say("")
        if not ask.confirm("Record the one-on-one now?", default=True):
            show(Text("Nothing was written."))
            return
        answers, agreements = interview(
            ask,
            prep,
            list(strategy.choices),
            list(journal.indicators().indicators),
            team,
            {c.id for c in journal.capabilities().capabilities} | {c.id for c in strategy.choices},
        )
    meeting = build_meeting(prep, answers, choices, allow_past_due)
    saved = save_meeting(journal, meeting, prep.person.name, story_from(prep, answers), agreements)
    followed = followed_up(prep, answers)
    planned = {p.indicator for p in answers.plans}
    kept = [v for v in prep.indicators if v.plan_stands and v.indicator.id not in planned]
    show(recorded_renderable(saved, meeting, answers, prep.first_name, followed, kept))
    if commit:
        from leadwork.cli.git import commit_and_say

        message = f"one-on-one {meeting.person} {meeting.date}"
        commit_and_say(journal, saved.written, message, "the one-on-one")


def _prep_renderable(prep: Prep) -> RenderableType:
    from leadwork.render.one_on_one import prep_renderable

    return prep_renderable(prep)
