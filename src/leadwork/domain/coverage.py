"""One-on-one coverage: for each person, the last one-on-one, when the next is due (the one
rule in `domain/cadence.py`), and the commitments made at the last one that are still open
(a commitment stays open until the next one-on-one follows it up). Pure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from leadwork.domain.cadence import Cadence, cadence
from leadwork.model.one_on_one import OneOnOne
from leadwork.model.team import Person


@dataclass
class Coverage:
    person: str
    name: str
    cadence_days: int | None
    cadence: Cadence
    open_mine: int  # commitments I made at the last one-on-one
    open_theirs: int  # commitments they made
    past_due: int  # of those, due before the day shown

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
    latest = latest_by_person(meetings, as_of)
    rows = []
    for person in people:
        last = latest.get(person.id)
        commitments = last.commitments if last else []
        rows.append(
            Coverage(
                person=person.id,
                name=person.name,
                cadence_days=person.cadence_days,
                cadence=cadence(person.id, person.cadence_days, last.date if last else None, as_of),
                open_mine=sum(c.by == "me" for c in commitments),
                open_theirs=sum(c.by == "them" for c in commitments),
                past_due=sum(c.due is not None and c.due < as_of for c in commitments),
            )
        )
    return tuple(rows)
