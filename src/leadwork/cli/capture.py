"""Quick capture during the week: `leadwork story` and `leadwork conversation`.

Each adds one entry to the week's check-in file (made with just `week = ...` if missing),
under the journal's lock, leaving every other byte of the file as it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from leadwork.cli import complete_values
from leadwork.cli.checkin import WEEK_HELP
from leadwork.cli.git import commit_option
from leadwork.cli.session import session, today
from leadwork.errors import UsageProblem

if TYPE_CHECKING:
    from leadwork.domain.checkin import Answers

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
    from leadwork.domain.checkin import (
        Answers,
        check_text,
        person_or_name,
        resolve_choice,
        resolve_week,
    )

    the_week = resolve_week(week, today())
    journal = session(ctx).journal()
    entry = {"text": _checked("TEXT", check_text, " ".join(text), "story")}
    if who is not None:
        entry["who"] = _checked("--who", person_or_name, who, _team_names(ctx))
    if choice is not None:
        entry["choice"] = resolve_choice(choice, [c.id for c in journal.strategy().choices])
    _capture(ctx, the_week, Answers(stories=[entry]), "story", commit)


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
    from leadwork.domain.checkin import (
        Answers,
        check_text,
        conversation_kind,
        person_or_name,
        resolve_week,
    )

    the_week = resolve_week(week, today())
    kinds = session(ctx).journal().config().settings.conversation_kinds
    entry: dict[str, Any] = {"with": _checked("--with", conversation_kind, with_, kinds)}
    if who is not None:
        entry["who"] = _checked("--who", person_or_name, who, _team_names(ctx))
    entry["text"] = _checked("TEXT", check_text, " ".join(text), "conversation")
    if refresh:
        entry["refresh"] = True
    _capture(ctx, the_week, Answers(conversations=[entry]), "conversation", commit)


def _team_names(ctx: typer.Context) -> dict[str, str]:
    """Team id -> name: what `--who` is checked against (`person_or_name`)."""
    return {p.id: p.name for p in session(ctx).journal().team().people}


def _capture(ctx: typer.Context, week: Any, answers: Answers, kind: str, commit: bool) -> None:
    from rich.text import Text

    from leadwork.cli.boundary import vouch
    from leadwork.cli.options import show
    from leadwork.domain.checkin import merge
    from leadwork.store.checkins import save_week

    journal = session(ctx).journal()
    saved = save_week(journal, week, lambda current: merge(week, current, None, answers))
    plural = "stories" if kind == "story" else "conversations"
    count = len(getattr(saved.merged.checkin, plural))
    if saved.outcome == "unchanged":
        message = f"That {kind} is already in {saved.rel}: nothing changed."
    else:
        made = " (a new file)" if saved.outcome == "created" else ""
        message = (
            f"Added a {kind} to {saved.rel}{made}: {count} {kind if count == 1 else plural} "
            f"in {week}."
        )
    show(Text(message))
    vouch(journal, today(), f"(the {kind} was saved all the same)", refuse=False)
    if commit:
        from leadwork.cli.git import commit_and_say

        commit_and_say(journal, saved.written, f"{kind} {week}", f"the {kind}")


def _checked(flag: str, check: Any, value: str, *extra: Any) -> Any:
    try:
        return check(value, *extra)
    except ValueError as error:
        raise UsageProblem(f"{flag}: {error}") from None
