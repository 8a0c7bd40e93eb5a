"""Who is on the team on a given day: the one rule every view follows. Pure.

A person in `team.toml` is on the team from the day they joined (`joined_on`; without it,
from the journal's start) until the day they left (`left_on`). Before they joined and from
the day they left there are no one-on-ones with them to expect or record. Their own open
one-on-one commitments (`by = "them"`) close when they leave; yours, made in their
one-on-ones, stay open until you record what became of them (`closed_by_leaving`). They
stay in `team.toml`, because past one-on-ones, stories and indicators still name them."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from leadwork.domain.wording import first_name, name_key
from leadwork.layout import TEAM
from leadwork.model.words import ID_PATTERN, Side

if TYPE_CHECKING:
    from leadwork.model.team import Person


def has_joined(person: Person, day: dt.date) -> bool:
    """Whether `person` had joined the team by `day` (always, without `joined_on`)."""
    return person.joined_on is None or person.joined_on <= day


def has_left(person: Person, day: dt.date) -> bool:
    """Whether `person` had left the team by `day`: from `left_on` on."""
    return person.left_on is not None and person.left_on <= day


def on_team(person: Person, day: dt.date) -> bool:
    """Whether `person` is on the team on `day`: joined, and not yet left."""
    return has_joined(person, day) and not has_left(person, day)


def off_team(person: Person, day: dt.date) -> str | None:
    """Why `person` is not on the team on `day` (`on_team`), as a message says it after
    what was dated then: "before they joined the team on 2026-09-21 (joined_on in
    team.toml)", or "after they left the team on ... (left_on ...)". None: on the team."""
    if not has_joined(person, day):
        return f"before they joined the team on {person.joined_on} (joined_on in {TEAM})"
    if has_left(person, day):
        return f"after they left the team on {person.left_on} (left_on in {TEAM})"
    return None


def days_on_team(person: Person, first: dt.date, last: dt.date) -> tuple[dt.date, dt.date] | None:
    """The days from `first` to `last` that `person` is on the team (`on_team`), as the
    first and last of them; None when they are on it on none of those days."""
    start = max(first, person.joined_on) if person.joined_on else first
    end = min(last, person.left_on - dt.timedelta(days=1)) if person.left_on else last
    return (start, end) if start <= end else None


def closed_by_leaving(person: Person, by: Side, day: dt.date) -> bool:
    """Whether a commitment made in `person`'s one-on-ones is closed on `day` because they
    left: theirs are (no one is left to keep or answer them); yours are not (you still owe
    it, to the customer or the team, and only you can say it was done or dropped)."""
    return by == "them" and has_left(person, day)


def team_on(people: Iterable[Person], day: dt.date) -> list[Person]:
    """The people on the team on `day`, in the team's order."""
    return [p for p in people if on_team(p, day)]


CLOSE_TO_ID = 0.8  # difflib ratio at which an id-shaped word is taken for a mistyped id
_ID_SHAPE = re.compile(ID_PATTERN)


def names_of(people: Mapping[str, str]) -> dict[str, set[str]]:
    """What a team member is called, as it is matched (`wording.name_key` of the full name
    and of the first name) -> the ids of the people so called (`people`: id -> name)."""
    named: dict[str, set[str]] = {}
    for pid, name in people.items():
        for alias in {name_key(name), name_key(first_name(name))} - {""}:
            named.setdefault(alias, set()).add(pid)
    return named


def mistyped_id(text: str, people: Mapping[str, str]) -> str | None:
    """The team id `text` is taken for a typo of, if any: a word shaped like an id
    (lowercase letters, digits, '-', '_') that is no team id and names no one, but is close
    to an id or to a first name no one else in the team has (difflib ratio >= 0.8), or is
    the start of one (3 letters or more). The one rule of `who` (docs/cli.md, "Who: a team
    id or a name"): what `--who` refuses (`checkin.person_or_name`), and what `leadwork
    check` warns of in a file, as when an id was renamed in team.toml after stories were
    stored under it. `people`: team id -> name."""
    if text in people or not _ID_SHAPE.match(text):
        return None
    named = names_of(people)
    if name_key(text) in named:
        return None
    candidates = {pid: pid for pid in people}
    for alias, pids in named.items():
        if len(pids) == 1 and " " not in alias:
            candidates.setdefault(alias, next(iter(pids)))
    close = difflib.get_close_matches(text, list(candidates), n=1, cutoff=CLOSE_TO_ID)
    if not close and len(text) >= 3:
        close = sorted(c for c in candidates if c.startswith(text))[:1]
    return candidates[close[0]] if close else None
