"""Who is on the team on a given day: the one rule every view follows. Pure.

A person in `team.toml` is on the team until the day they left (`left_on`): from that day
on there are no one-on-ones with them to expect or record, and their open one-on-one
commitments no longer count as open (closed by their leaving). They stay in `team.toml`,
because past one-on-ones, stories and indicators still name them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from leadwork.model.team import Person


def on_team(person: Person, day: dt.date) -> bool:
    """Whether `person` is on the team on `day`: not once they have left."""
    return person.left_on is None or day < person.left_on


def last_day_on_team(person: Person, until: dt.date) -> dt.date:
    """The last day up to `until` that `person` is on the team (`on_team`): `until` while
    they are on it then, else the day before they left."""
    if on_team(person, until) or person.left_on is None:
        return until
    return person.left_on - dt.timedelta(days=1)


def team_on(people: Iterable[Person], day: dt.date) -> list[Person]:
    """The people on the team on `day`, in the team's order."""
    return [p for p in people if on_team(p, day)]
