"""`leadwork one-on-one`: prepare a one-on-one that goes beyond updates, then record it.

`leadwork one-on-one PERSON` shows the preparation, then asks step by step. Questions are
asked only at a terminal, by the rule every interview follows (`cli/prompts.may_ask`).
Answers given as flags skip the interview: at a terminal only what is still needed is
asked; with --no-input, or from a script, anything still needed is an error. From a
script with no answers at all, it refuses (exit 2) naming the flags; `--prep` only
prepares (text, markdown agenda or json); `--due` lists who is due or overdue.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from leadwork.cli import complete_values
from leadwork.cli.git import commit_option
from leadwork.cli.one_on_one_flags import Flags
from leadwork.cli.options import either, parse_date
from leadwork.cli.session import session, today
from leadwork.errors import UsageProblem

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
    from leadwork.cli.messages import vouch
    from leadwork.cli.one_on_one_interview import gather
    from leadwork.cli.output import Asked, emit
    from leadwork.usecases import one_on_one as usecase

    story = either("--story-choice", story_choice, "--story", old_story)
    flags = Flags(
        progress,
        plan,
        no_plan,
        celebrate,
        story,
        story_who,
        theirs,
        mine,
        done,
        carried,
        dropped,
        note,
    )
    only_looking = due or prep or format is not PrepFormat.text
    _refuse_mixed(only_looking, commit, flags.given(), due, person, format)
    journal, now = session(ctx).journal(), today()
    if due:
        listed = usecase.run(journal, usecase.DueRequest(), now)
        vouch(journal, now)
        emit("one-on-one due", listed, Asked(format), journal)
        return
    assert person is not None  # _refuse_mixed
    day = parse_date(date, "--date", now)
    prepared = usecase.run(journal, usecase.PrepRequest(person, day, not only_looking), now)
    vouch(journal, now)
    if only_looking:
        emit("one-on-one", prepared, Asked(format), journal)
        return
    request = gather(journal, prepared, flags, no_input, allow_past_due)
    if request is not None:
        recorded = usecase.run(journal, request, now)
        emit("one-on-one recorded", recorded, Asked(), journal)
        saved = "(the one-on-one was saved all the same)"
        vouch(journal, now, saved, refuse=False, written=recorded.written)
        if commit:
            from leadwork.cli.git import commit_and_say

            message = f"one-on-one {recorded.meeting.person} {recorded.meeting.date}"
            commit_and_say(journal, list(recorded.written), message, "the one-on-one")


def _refuse_mixed(
    only_looking: bool,
    commit: bool,
    answered: bool,
    due: bool,
    person: str | None,
    format: PrepFormat,
) -> None:
    """The flags that do not go together."""
    if only_looking and commit:
        raise UsageProblem(
            "--commit commits what a recording writes; --due, --prep and --format "
            "markdown/json write nothing",
            hint="leave those out to record the one-on-one",
        )
    if only_looking and answered:
        raise UsageProblem(
            "answers are recorded only without --due, --prep and --format markdown/json",
            hint="leave those out to record the one-on-one",
        )
    if due and person is not None:
        raise UsageProblem("--due lists everyone who is due; leave out the person")
    if due and format is PrepFormat.markdown:
        raise UsageProblem("--due prints text or json, not markdown")
    if not due and person is None:
        raise UsageProblem(
            "which person? give their id from team.toml", hint="or --due to see who is due"
        )
