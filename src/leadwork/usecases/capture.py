"""`leadwork story` and `leadwork conversation`: one entry added to a week's check-in.

Each adds one entry to the week's check-in file (made with just `week = ...` if missing),
under the journal's lock, leaving every other byte of the file as it was. A value that
is not acceptable is a usage problem naming the argument or flag it came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from leadwork.errors import UsageProblem

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from leadwork.domain.checkin import Answers
    from leadwork.store.journal import Journal
    from leadwork.weeks import Week


@dataclass(frozen=True)
class StoryRequest:
    text: str  # TEXT
    week: Week  # the week whose check-in gets it (--week, else this week)
    who: str | None = None  # --who: a team id or a name
    choice: str | None = None  # --choice: a strategic choice id, or 'purpose'


@dataclass(frozen=True)
class ConversationRequest:
    text: str  # TEXT
    kind: str  # --with: a kind from leadwork.toml
    week: Week
    who: str | None = None  # --who: the person or organization
    refresh: bool = False  # --refresh: the strategy needs a refresh


@dataclass(frozen=True)
class Captured:
    kind: str  # "story" or "conversation"
    week: Week
    rel: str  # the check-in file, relative to the journal
    outcome: str  # "created", "amended" or "unchanged" (already there: nothing written)
    count: int  # the week's stories (or conversations) now
    written: tuple[str, ...]  # the files written, for a commit


def run(journal: Journal, request: StoryRequest | ConversationRequest, today: dt.date) -> Captured:
    """Checks every value against the journal, then merges and writes the week's file."""
    from leadwork.domain.checkin import (
        Answers,
        check_text,
        conversation_kind,
        person_or_name,
        story_choice,
    )

    entry: dict[str, Any]
    if isinstance(request, StoryRequest):
        entry = {"text": _checked("text", check_text, request.text, "story")}
        if request.who is not None:
            entry["who"] = _checked("who", person_or_name, request.who, _team_names(journal))
        if request.choice is not None:
            entry["choice"] = story_choice(request.choice, journal.strategy().choices, request.week)
        return _capture(journal, request.week, Answers(stories=[entry]), "story")
    kinds = journal.config().settings.conversation_kinds
    entry = {"with": _checked("with", conversation_kind, request.kind, kinds)}
    if request.who is not None:
        entry["who"] = _checked("who", person_or_name, request.who, _team_names(journal))
    entry["text"] = _checked("text", check_text, request.text, "conversation")
    if request.refresh:
        entry["refresh"] = True
    return _capture(journal, request.week, Answers(conversations=[entry]), "conversation")


def _team_names(journal: Journal) -> dict[str, str]:
    """Team id -> name: what `--who` is checked against (`person_or_name`)."""
    return {p.id: p.name for p in journal.team().people}


def _capture(journal: Journal, week: Week, answers: Answers, kind: str) -> Captured:
    from leadwork.domain.checkin import merge
    from leadwork.store.checkins import save_week

    saved = save_week(journal, week, lambda current: merge(week, current, None, answers))
    checkin = saved.merged.checkin
    if checkin is None:  # never: a capture always has something to add
        count = 0
    else:
        count = len(checkin.stories) if kind == "story" else len(checkin.conversations)
    return Captured(kind, week, saved.rel, saved.outcome, count, tuple(saved.written))


def _checked(given: str, check: Callable[..., Any], value: str, *extra: Any) -> Any:
    """`check(value)`, its ValueError as a problem with the value it came in (the CLI names
    the flag)."""
    try:
        return check(value, *extra)
    except ValueError as error:
        raise UsageProblem(f"{error}", given=given) from None
