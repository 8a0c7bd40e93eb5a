"""`leadwork checkin`: the weekly check-in, asked at a terminal or given as flags."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from leadwork.cli import complete_values, prompts
from leadwork.cli.git import commit_option
from leadwork.cli.messages import vouch
from leadwork.cli.session import session, today

if TYPE_CHECKING:
    from leadwork.domain.checkin import Answers
    from leadwork.errors import LeadworkError
    from leadwork.render.checkin import GitNote
    from leadwork.store.journal import Journal
    from leadwork.usecases.checkin import CheckinRequest, CheckinResult


class SummaryFormat(StrEnum):
    text = "text"
    json = "json"


CHECKIN_FLAGS = (
    "--reading, --hours, --confidence, --done, --story, --conversation, --commitment, "
    "--confident, --challenge... (see `leadwork checkin --help`), or --no-input"
)
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
    from leadwork.cli.output import Asked, CheckinShown, emit
    from leadwork.domain.checkin import resolve_week
    from leadwork.usecases import checkin as usecase

    request = usecase.CheckinRequest(
        week=resolve_week(week, today()),
        week_named=week is not None,
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
    )
    journal = session(ctx).journal()
    scripted = no_input or format is not SummaryFormat.text  # json: for scripts, never asks
    asking = prompts.may_ask(
        no_input=scripted, answered=request.says_something(), what="checkin", flags=CHECKIN_FLAGS
    )
    if asking:
        request = _interview(journal, request, week_named=week is not None)
    result = usecase.run(journal, request, today())
    git, failure = _commit(journal, result) if commit else (None, None)
    # Answers piped in are not read as answers: say so, or a person who piped them
    # believes they were recorded.
    notes = () if asking or scripted else (PIPED,)
    if not asking and week is None and result.unrecorded_last_week is not None:
        from leadwork.render.checkin import last_week_note

        notes = (*notes, last_week_note(result.unrecorded_last_week, result.week))
    emit("checkin", CheckinShown(result, notes, git), Asked(format.value), journal)
    saved = "(the check-in was saved all the same)"
    vouch(journal, today(), saved, refuse=False, written=result.written)
    if failure is not None:
        raise failure


PIPED = (
    "stdin is not a terminal, so nothing was asked: only the flags given were "
    "recorded (see `leadwork checkin --help`)."
)


def _interview(journal: Journal, request: CheckinRequest, week_named: bool) -> CheckinRequest:
    """Ask, saving every answer to the week's draft; resume a draft if the person wants.
    What the flags answered is not asked again; the answers come back in the request.
    Early in a week whose predecessor has no check-in, and no --week named, it first asks
    which of the two weeks this is for."""
    from dataclasses import replace

    from leadwork.cli.interview import Interview
    from leadwork.cli.prompts import Prompter
    from leadwork.render import checkin as show
    from leadwork.usecases import checkin as usecase

    questions = usecase.prepare(journal, request, today())
    ask = Prompter()
    last = questions.unrecorded_last_week if not week_named else None
    if last is not None and ask.confirm(show.last_week_question(last, request.week), default=True):
        request = replace(request, week=last)
        questions = usecase.prepare(journal, request, today())
    week = request.week
    ask.say(show.intro(week, questions.rel, questions.current is not None, questions.first_week))
    answers, answered = questions.flagged.answers, []
    if questions.draft_problem is not None:
        ask.say(show.draft_unreadable(questions.draft_rel, questions.draft_problem))
    elif questions.draft is not None:
        if ask.confirm(show.resume_question(questions.draft), default=True):
            answers = usecase.overlay(questions.draft.answers, answers)
            answered = list(questions.draft.answered)
        else:
            usecase.discard_draft(journal, week)
            ask.say(show.draft_discarded())

    def save(answered: list[str], answers: Answers) -> None:
        usecase.save_draft(journal, week, answered, answers)

    interview = Interview(ask, questions, answers, answered, save)
    try:
        return replace(request, gathered=interview.run())
    except KeyboardInterrupt:
        if interview.answered:
            command = "leadwork checkin" + (
                f" --week {week}" if week != questions.this_week else ""
            )
            ask.say(show.draft_kept(questions.draft_rel, interview.answers.count(), command))
        raise


def _commit(journal: Journal, result: CheckinResult) -> tuple[GitNote, LeadworkError | None]:
    """Commit what the check-in wrote: what became of it, for the summary, and git's
    refusal, raised once the summary is shown."""
    from leadwork.cli.git import commit_written
    from leadwork.errors import LeadworkError
    from leadwork.render.checkin import GitNote

    try:
        committed = commit_written(journal, result.written, f"checkin {result.week}")
    except LeadworkError as error:
        return GitNote(False, "Not committed: git refused (see below)."), error
    return GitNote(committed.committed, committed.message), None
