"""`leadwork commitments`: every open commitment, yours and theirs, weekly and one-on-one,
in one list. Pure: the open ones are found by the rules the check-in and the one-on-one
preparation follow (`commitments.follow_up_source`, `one_on_one.open_commitments`); this only
dates them, puts them side by side and sorts them.

- A weekly commitment is yours; it is made in a check-in for the week after, so it is due
  at the end of that week: the Sunday of the week after the check-in's.
- A one-on-one commitment is yours (`by = "me"`) or the person's (`by = "them"`), due on
  its own `due` date (none: never overdue).
- Overdue means due before today. The list is sorted overdue first, then by due date
  (undated last), then as found.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from leadwork.domain.commitments import carried_advice, carried_too_often
from leadwork.domain.meeting_commitments import commitments_made_on, first_name, open_commitments
from leadwork.domain.wording import possessive, short_names
from leadwork.model.words import ME
from leadwork.plainclass import plainclass
from leadwork.weeks import Week

if TYPE_CHECKING:
    from leadwork.model.checkin import Commitment
    from leadwork.model.one_on_one import OneOnOne
    from leadwork.model.team import Person

CHECKIN = "checkin"
ONE_ON_ONE = "one-on-one"


@plainclass(frozen=True)
class ListedCommitment:
    source: str  # CHECKIN or ONE_ON_ONE
    made: str  # the check-in's week (YYYY-Www) or the one-on-one's date (YYYY-MM-DD)
    person: Person | None  # who the one-on-one was with; None for a weekly commitment
    by: str  # "me" or "them"
    text: str
    due: dt.date | None
    overdue: bool
    carried: int
    # A one-on-one commitment's number, as the preparation numbers last time's commitments
    # (`one_on_one.open_commitments`): the N of `one-on-one PERSON --done N`. None: weekly.
    number: int | None = None
    # What a list calls the person (`wording.short_names` of the team: "Priya", or "Priya
    # Raman" beside a Priya Shah). None for a weekly commitment.
    called: str | None = None

    @property
    def carried_too_often(self) -> bool:
        return carried_too_often(self.carried)

    @property
    def name(self) -> str | None:
        """What a list calls the person (`called`), None for a weekly commitment."""
        if self.person is None:
            return None
        return self.called if self.called is not None else first_name(self.person)

    @property
    def who(self) -> str | None:
        """The person's name (`name`) when the commitment is theirs; None when it is yours."""
        return self.name if self.by == "them" else None

    @property
    def whose(self) -> str | None:
        """Where a one-on-one commitment comes from, naming the person: "Aisha's, from
        your one-on-one" or "yours, from your one-on-one with Aisha". None: weekly."""
        if self.source != ONE_ON_ONE or self.name is None:
            return None
        return meeting_whose(self.name, self.by)

    def advice(self) -> str:
        """What every view says of it when carried too often (`commitments.carried_advice`)."""
        return carried_advice(self.carried, self.text, self.whose)


def meeting_whose(name: str, by: str) -> str:
    """Whose a one-on-one commitment is, naming the person as a list calls them
    (`wording.short_names`): "Aisha's, from your one-on-one" (`by` "them") or "yours, from
    your one-on-one with Aisha"."""
    if by == "them":
        return f"{possessive(name)}, from your one-on-one"
    return f"yours, from your one-on-one with {name}"


def weekly_due(week: Week) -> dt.date:
    """A weekly commitment made in `week`'s check-in is due at the end of the week after."""
    return (week + 1).sunday


def all_open_commitments(
    weekly: Sequence[tuple[Week, Commitment]],
    meetings: Mapping[str, Sequence[OneOnOne]],
    people: Sequence[Person],
    today: dt.date,
) -> list[ListedCommitment]:
    """Every open commitment as of `today`, sorted (see the module's docstring).

    `weekly` holds the open weekly commitments, each with the week of the check-in that made
    it (`commitments.open_weekly`); `meetings` holds each person's one-on-ones up to today,
    oldest first, back to the latest that made commitments (`store.one_on_ones.
    recent_meetings`)."""
    found: list[ListedCommitment] = []
    for week, c in weekly:
        due = weekly_due(week)
        found.append(
            ListedCommitment(CHECKIN, str(week), None, "me", c.text, due, due < today, c.carried)
        )
    found += open_meeting_commitments(meetings, people, today)
    undated = dt.date.max
    return sorted(found, key=lambda c: (not c.overdue, c.due or undated))


def open_meeting_commitments(
    meetings: Mapping[str, Sequence[OneOnOne]], people: Sequence[Person], today: dt.date
) -> list[ListedCommitment]:
    """The one-on-one part of `all_open_commitments`: each person's open ones (the rule
    of the one-on-one preparation, `meeting_commitments.open_commitments`), in the team's
    order. Someone who has left the team keeps here only yours, made in their one-on-ones:
    theirs closed when they left (`team.closed_by_leaving`)."""
    found: list[ListedCommitment] = []
    called = short_names({p.id: p.name for p in people})
    for person in people:
        held = meetings.get(person.id, [])
        made_on = commitments_made_on(held)
        if made_on is None:
            continue
        found += [
            ListedCommitment(
                ONE_ON_ONE,
                made_on.isoformat(),
                person,
                c.by,
                c.text,
                c.due,
                c.overdue,
                c.carried,
                c.number,
                called[person.id],
            )
            for c in open_commitments(held, today, person)
        ]
    return found


def _by_person(meetings: Iterable[OneOnOne], today: dt.date) -> dict[str, list[OneOnOne]]:
    """Each person's meetings up to `today`, oldest first (as `all_open_commitments` takes)."""
    by_person: dict[str, list[OneOnOne]] = {}
    for meeting in sorted((m for m in meetings if m.date <= today), key=lambda m: m.date):
        by_person.setdefault(meeting.person, []).append(meeting)
    return by_person


def meeting_commitments_carried_too_often(
    meetings: Iterable[OneOnOne], people: Sequence[Person], today: dt.date
) -> list[ListedCommitment]:
    """The open one-on-one commitments, yours and theirs, carried too often
    (`commitments.carried_too_often`), as `leadwork commitments` lists them: what the
    dashboard's "Needs you" names beside your weekly ones. `meetings`
    hold, for each person, at least their latest meeting up to `today`."""
    by_person = _by_person(meetings, today)
    return [c for c in open_meeting_commitments(by_person, people, today) if c.carried_too_often]


def your_overdue_commitments(
    weekly: Sequence[tuple[Week, Commitment]],
    meetings: Iterable[OneOnOne],
    people: Sequence[Person],
    today: dt.date,
) -> list[ListedCommitment]:
    """Your promises past their date, oldest due first: the commitments `leadwork
    commitments` marks overdue (`all_open_commitments`, the one rule) that are yours, weekly
    or made in a one-on-one (`by = "me"`). What the dashboard's "Needs you" names; the
    person's own are for their one-on-one. `meetings` hold, for each person, at least their
    meetings back to the latest that made commitments, up to `today`."""
    listed = all_open_commitments(weekly, _by_person(meetings, today), people, today)
    return [c for c in listed if c.overdue and c.by == ME]
