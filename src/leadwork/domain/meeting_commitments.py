"""A person's open one-on-one commitments: the one ledger rule the preparation, the
dashboard and `leadwork commitments` follow. Kept apart from `domain/one_on_one.py` (the
preparation and the recording) so that a view counting commitments pays only for this."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from leadwork.domain import wording
from leadwork.domain.commitments import OpenSource, carried_too_often, commitments_to_follow_up
from leadwork.domain.team import closed_by_leaving
from leadwork.model.words import Side
from leadwork.plainclass import plainclass

if TYPE_CHECKING:
    from leadwork.model.one_on_one import MeetingCommitment, OneOnOne
    from leadwork.model.team import Person


def first_name(person: Person) -> str:
    """What the person is called (`wording.first_name`: titles skipped), else their id."""
    return wording.first_name(person.name) if person.name.split() else person.id


@plainclass(frozen=True)
class OpenCommitment:
    number: int  # 1-based, as shown; an outcome given names it by number
    by: Side
    text: str
    due: dt.date | None
    carried: int
    overdue: bool

    @property
    def carried_too_often(self) -> bool:
        return carried_too_often(self.carried)


def follow_up_source(
    meetings: Sequence[OneOnOne],
) -> OpenSource[dt.date, MeetingCommitment] | None:
    """The meeting whose commitments the next one with the person follows up (the latest
    that made any), with its open ones. `meetings` are oldest first."""
    return commitments_to_follow_up(
        (
            (m.date, m.commitments, [(f.by, f.text) for f in m.last_time])
            for m in reversed(meetings)
        ),
        lambda c: (c.by, c.text),
    )


def commitments_made_on(meetings: Sequence[OneOnOne]) -> dt.date | None:
    """The date of the meeting whose commitments `open_commitments` gives."""
    found = follow_up_source(meetings)
    return None if found is None else found.key


def open_commitments(
    meetings: Sequence[OneOnOne], date: dt.date, person: Person
) -> list[OpenCommitment]:
    """The open commitments of the latest meeting with `person` that made any (a meeting
    that made none does not orphan the ones before it), numbered as the preparation shows
    them; overdue when due before `date`. `meetings` are oldest first.

    Once they have left the team, theirs are closed by their leaving and yours stay open
    (`team.closed_by_leaving`): every view lists commitments through here, so none drops
    yours. Numbers are given before theirs are left out, so yours keep the number the
    preparation and `leadwork commitments` showed (`--done 2` still means the same one)."""
    found = follow_up_source(meetings)
    if found is None:
        return []
    return [
        OpenCommitment(
            number=i,
            by=c.by,
            text=c.text,
            due=c.due,
            carried=c.carried,
            overdue=c.due is not None and c.due < date,
        )
        for i, c in enumerate(found.open, start=1)
        if not closed_by_leaving(person, c.by, date)
    ]
