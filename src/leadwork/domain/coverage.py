"""One-on-one coverage: for each person, the last one-on-one, when the next is due (the one
rule in `domain/cadence.py`), and the commitments made at the last one that are still open
(a commitment stays open until the next one-on-one follows it up). Pure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from leadwork.domain.cadence import Cadence, cadence
from leadwork.domain.meeting_commitments import open_commitments
from leadwork.domain.team import has_left, on_team
from leadwork.plainclass import plainclass

if TYPE_CHECKING:
    from leadwork.model.one_on_one import OneOnOne
    from leadwork.model.team import Person


@plainclass
class Coverage:
    person: str
    name: str
    cadence_days: int | None
    cadence: Cadence
    open_mine: int  # commitments I made at the last one-on-one
    open_theirs: int  # commitments they made
    past_due: int  # of those, due before the day shown
    # They left the team that day (`team.has_left`): the row stays only while commitments
    # of yours from their one-on-ones are open, and no meeting is due (state "left").
    left_on: dt.date | None = None

    @property
    def open(self) -> int:
        return self.open_mine + self.open_theirs


def latest_by_person(meetings: Iterable[OneOnOne], as_of: dt.date) -> dict[str, OneOnOne]:
    """Each person's latest one-on-one up to `as_of` (the last one given wins a tie)."""
    latest: dict[str, OneOnOne] = {}
    for meeting in meetings:
        if meeting.date > as_of:
            continue
        known = latest.get(meeting.person)
        if known is None or meeting.date >= known.date:
            latest[meeting.person] = meeting
    return latest


def coverage(
    people: Iterable[Person], meetings: Iterable[OneOnOne], as_of: dt.date
) -> tuple[Coverage, ...]:
    """Each person's cadence and open commitments as of `as_of`: the commitments by the one
    rule the preparation and `leadwork commitments` follow (`one_on_one.open_commitments`:
    those of the latest meeting that made any, less what later meetings answered), so a
    meeting that recorded no outcomes hides none. `meetings` hold each person's meetings
    back to the latest one that made commitments (`store.dashboard.read_week`).
    Someone not on the team on `as_of` (`team.on_team`) is not expected at a meeting: no
    row before they joined; after they left, a row only while commitments of yours from
    their one-on-ones are open (theirs closed when they left), so the dashboard never
    loses one you still owe."""
    held: dict[str, list[OneOnOne]] = {}
    for meeting in sorted(meetings, key=lambda m: m.date):
        if meeting.date <= as_of:
            held.setdefault(meeting.person, []).append(meeting)
    latest = latest_by_person(meetings, as_of)
    rows = []
    for person in people:
        left = has_left(person, as_of)
        if not (left or on_team(person, as_of)):
            continue  # not joined yet
        last = latest.get(person.id)
        last_date = last.date if last else None
        commitments = open_commitments(held.get(person.id, []), as_of, person)
        if left and not commitments:
            continue
        rows.append(
            Coverage(
                person=person.id,
                name=person.name,
                cadence_days=person.cadence_days,
                cadence=(
                    Cadence(person.id, last_date, None, "left", 0)
                    if left
                    else cadence(person.id, person.cadence_days, last_date, as_of)
                ),
                open_mine=sum(c.by == "me" for c in commitments),
                open_theirs=sum(c.by == "them" for c in commitments),
                past_due=sum(c.overdue for c in commitments),
                left_on=person.left_on if left else None,
            )
        )
    return tuple(rows)
