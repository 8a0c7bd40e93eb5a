"""`leadwork checkin`: the weekly check-in, asked at a terminal or given as flags."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from leadwork.cli import complete_values
from leadwork.cli.git import commit_option


class SummaryFormat(StrEnum):
    text = "text"
    json = "json"


CheckinCommit = Annotated[bool, commit_option("checkin YYYY-Www")]
WEEK_HELP = "The ISO week, like 2026-W48. Default: this week. A week not yet begun is refused."


def checkin(
    ctx: typer.Context,
    week: Annotated[
        str | None,
        typer.Option(
            "--week", "-w", metavar="YYYY-Www", help=WEEK_HELP, autocompletion=complete_values.weeks
        ),
    ] = None,
    reading: Annotated[
        list[str] | None,
        typer.Option(
            "--reading",
            "-r",
            metavar="INDICATOR=VALUE",
            help="This week's value of an indicator, e.g. -r dayton-scrap=3.1; a monthly or "
            "quarterly one whose last period ended unread takes that period's (filed in its "
            "last week); ID@2027-02=VALUE names the period. Repeatable.",
            autocompletion=complete_values.readings,
            show_default=False,
        ),
    ] = None,
    hours: Annotated[
        list[str] | None,
        typer.Option(
            "--hours",
            metavar="AREA=H",
            help="Time audit: hours this week in alignment, capability, accountability, "
            "someone-elses-job (work your people own) or other. Repeatable.",
            show_default=False,
        ),
    ] = None,
    confidence: Annotated[
        list[str] | None,
        typer.Option(
            "--confidence",
            metavar="AREA=N",
            help="Confidence 1-5 in alignment, capability or accountability. Repeatable.",
            show_default=False,
        ),
    ] = None,
    done: Annotated[
        list[str] | None,
        typer.Option(
            "--done",
            metavar="N|TEXT",
            help="One of last week's commitments was done: its number (as the interview "
            "lists them) or the start of its text; 'all' for every one. Repeatable.",
            show_default=False,
        ),
    ] = None,
    carried: Annotated[
        list[str] | None,
        typer.Option(
            "--carried",
            metavar="N|TEXT",
            help="One of last week's commitments is carried over into this week's "
            "commitments, its carried count one higher; 'all' for every one. Repeatable.",
            show_default=False,
        ),
    ] = None,
    dropped: Annotated[
        list[str] | None,
        typer.Option(
            "--dropped",
            metavar="N|TEXT",
            help="One of last week's commitments was dropped; 'all' for every one. Repeatable.",
            show_default=False,
        ),
    ] = None,
    commitment: Annotated[
        list[str] | None,
        typer.Option(
            "--commitment",
            "-c",
            metavar="TEXT",
            help="A commitment for next week. Repeatable.",
            show_default=False,
        ),
    ] = None,
    story: Annotated[
        list[str] | None,
        typer.Option(
            "--story",
            metavar="TEXT",
            help="A story of someone living the purpose or a strategic choice. Repeatable; "
            "for several stories about different people, use `leadwork story`.",
            show_default=False,
        ),
    ] = None,
    story_who: Annotated[
        str | None,
        typer.Option(
            "--story-who",
            metavar="PERSON",
            help="Who the --story is about.",
            autocompletion=complete_values.people,
        ),
    ] = None,
    story_choice: Annotated[
        str | None,
        typer.Option(
            "--story-choice",
            metavar="CHOICE",
            help="The strategic choice the --story lived, or 'purpose'.",
            autocompletion=complete_values.choices,
        ),
    ] = None,
    conversation: Annotated[
        list[str] | None,
        typer.Option(
            "--conversation",
            metavar="TEXT",
            help="What you heard in a stakeholder conversation (needs --conversation-with). "
            "Repeatable.",
            show_default=False,
        ),
    ] = None,
    conversation_with: Annotated[
        str | None,
        typer.Option(
            "--conversation-with",
            metavar="KIND",
            help="Who the --conversation was with: a kind from leadwork.toml "
            "(by default customer, supplier, partner, analyst, employee or other).",
            autocompletion=complete_values.kinds,
        ),
    ] = None,
    conversation_who: Annotated[
        str | None,
        typer.Option(
            "--conversation-who", metavar="NAME", help="Name or organization you talked with."
        ),
    ] = None,
    refresh: Annotated[
        bool,
        typer.Option(
            "--refresh", help="The --conversation signals that the strategy needs a refresh."
        ),
    ] = False,
    step_done: Annotated[
        list[str] | None,
        typer.Option(
            "--step-done",
            metavar="CAPABILITY:N[@YYYY-MM-DD]",
            help="A capability plan step completed this week, e.g. quality-at-scale:3 (N as "
            "its plan numbers it); marked done in capabilities.toml on the day after @ "
            "(quality-at-scale:3@2026-12-01; not after today), else today (a past week: its "
            "Sunday). Repeatable.",
            autocompletion=complete_values.steps,
            show_default=False,
        ),
    ] = None,
    plan: Annotated[
        list[str] | None,
        typer.Option(
            "--plan",
            metavar="INDICATOR=PLAN",
            help='Your plan to get back on track for an indicator you own (owner = "me"); '
            "the plans of the people you lead go in their one-on-ones. Repeatable.",
            autocompletion=complete_values.readings,
            show_default=False,
        ),
    ] = None,
    confident: Annotated[
        str | None,
        typer.Option("--confident", metavar="TEXT", help="Where you felt most confident."),
    ] = None,
    challenge: Annotated[
        str | None,
        typer.Option("--challenge", metavar="TEXT", help="Your biggest challenge."),
    ] = None,
    note: Annotated[
        str | None, typer.Option("--note", metavar="TEXT", help="Anything else about the week.")
    ] = None,
    no_input: Annotated[
        bool,
        typer.Option(
            "--no-input",
            help="Never ask; record only what the flags say (the same when stdin is not "
            "a terminal and flags are given).",
        ),
    ] = False,
    commit: CheckinCommit = False,
    format: Annotated[
        SummaryFormat,
        typer.Option(
            "--format", "-f", help="The summary as text, or json for scripts (never asks)."
        ),
    ] = SummaryFormat.text,
) -> None:
    """The weekly check-in: last week's commitments, indicator readings, the time audit,
    confidence, stories, stakeholder conversations, next week's commitments, a reflection.

    At a terminal it asks, step by step (Enter skips; flags given answer their questions
    first). Ctrl-C keeps the answers given as a draft, and the next run offers to resume
    it. With --no-input, or when stdin is not a terminal, it records the flags only; with
    no terminal and no flags it refuses (exit 2), for there is nothing to record.
    Writes checkins/YYYY-Www.toml; a week that has a file is amended, keeping your edits
    and comments, and the summary shows what changed.
    """
    from leadwork.cli.output import Asked
    from leadwork.cli.record_checkin import CheckinWords, record
    from leadwork.cli.view import kept_for_later

    words = CheckinWords(
        week=week,
        reading=tuple(reading or ()),
        hours=tuple(hours or ()),
        confidence=tuple(confidence or ()),
        done=tuple(done or ()),
        carried=tuple(carried or ()),
        dropped=tuple(dropped or ()),
        commitment=tuple(commitment or ()),
        story=tuple(story or ()),
        story_who=story_who,
        story_choice=story_choice,
        conversation=tuple(conversation or ()),
        conversation_with=conversation_with,
        conversation_who=conversation_who,
        refresh=refresh,
        step_done=tuple(step_done or ()),
        plan=tuple(plan or ()),
        confident=confident,
        challenge=challenge,
        note=note,
        no_input=no_input,
        commit=commit,
        format=format.value,
    )
    # The words may run again without Typer (`cli/replay.py`): the work is all in `record`.
    record(kept_for_later(ctx, "checkin", words, Asked(format.value)), words)
