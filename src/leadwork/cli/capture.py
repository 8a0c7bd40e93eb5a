"""Quick capture during the week: `leadwork story` and `leadwork conversation`.

Each adds one entry to the week's check-in file (made with just `week = ...` if missing),
under the journal's lock, leaving every other byte of the file as it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from leadwork.cli import complete_values
from leadwork.cli.checkin import WEEK_HELP
from leadwork.cli.git import commit_option
from leadwork.cli.session import session, today

if TYPE_CHECKING:
    from leadwork.usecases.capture import ConversationRequest, StoryRequest

StoryCommit = Annotated[bool, commit_option("story YYYY-Www")]
ConversationCommit = Annotated[bool, commit_option("conversation YYYY-Www")]


def story(
    ctx: typer.Context,
    text: Annotated[
        list[str], typer.Argument(metavar="TEXT", help="What happened (quotes optional).")
    ],
    who: Annotated[
        str | None,
        typer.Option(
            "--who",
            metavar="PERSON",
            help="Who it is about: a team id or a name.",
            autocompletion=complete_values.people,
        ),
    ] = None,
    choice: Annotated[
        str | None,
        typer.Option(
            "--choice",
            metavar="CHOICE",
            help="The strategic choice it lived (an id from strategy.toml), or 'purpose'.",
            autocompletion=complete_values.choices,
        ),
    ] = None,
    week: Annotated[
        str | None,
        typer.Option(
            "--week", "-w", metavar="YYYY-Www", help=WEEK_HELP, autocompletion=complete_values.weeks
        ),
    ] = None,
    commit: StoryCommit = False,
) -> None:
    """Add a story to this week's check-in: someone living the purpose or a strategic
    choice. Stories are what keeps people aligned; the dashboard shows choices gone quiet.
    """
    from leadwork.domain.checkin import resolve_week
    from leadwork.usecases import capture

    the_week = resolve_week(week, today())
    request = capture.StoryRequest(" ".join(text), the_week, who, choice)
    _capture(ctx, request, commit)


def conversation(
    ctx: typer.Context,
    text: Annotated[
        list[str], typer.Argument(metavar="TEXT", help="What you heard (quotes optional).")
    ],
    with_: Annotated[
        str,
        typer.Option(
            "--with",
            metavar="KIND",
            help="Who it was with: a kind from leadwork.toml (by default customer, "
            "supplier, partner, analyst, employee or other).",
            autocompletion=complete_values.kinds,
            show_default=False,
        ),
    ],
    who: Annotated[
        str | None,
        typer.Option("--who", metavar="NAME", help="The person or organization."),
    ] = None,
    refresh: Annotated[
        bool,
        typer.Option("--refresh", help="It signals that the strategy needs a refresh."),
    ] = False,
    week: Annotated[
        str | None,
        typer.Option(
            "--week", "-w", metavar="YYYY-Www", help=WEEK_HELP, autocompletion=complete_values.weeks
        ),
    ] = None,
    commit: ConversationCommit = False,
) -> None:
    """Add a stakeholder conversation to this week's check-in: what a customer, supplier,
    partner, analyst or employee told you, and whether the strategy needs a refresh.
    """
    from leadwork.domain.checkin import resolve_week
    from leadwork.usecases import capture

    the_week = resolve_week(week, today())
    request = capture.ConversationRequest(" ".join(text), with_, the_week, who, refresh)
    _capture(ctx, request, commit)


def _capture(ctx: typer.Context, request: StoryRequest | ConversationRequest, commit: bool) -> None:
    """Run the capture, say what became of it, then name any file with problems (the entry
    is saved all the same) and commit if asked."""
    from leadwork.cli.messages import vouch
    from leadwork.cli.output import Asked, emit
    from leadwork.usecases import capture

    journal = session(ctx).journal()
    result = capture.run(journal, request, today())
    emit(result.kind, result, Asked(), journal)
    saved = f"(the {result.kind} was saved all the same)"
    vouch(journal, today(), saved, refuse=False, written=result.written)
    if commit:
        from leadwork.cli.git import commit_and_say

        commit_and_say(
            journal, list(result.written), f"{result.kind} {result.week}", f"the {result.kind}"
        )
