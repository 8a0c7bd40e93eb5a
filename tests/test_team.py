"""Who is on the team on a day (`domain/team.py`), and what their leaving closes
(`meeting_commitments.open_commitments`): the rules every view follows."""

from __future__ import annotations

import datetime as dt

from leadwork.domain.meeting_commitments import open_commitments
from leadwork.domain.team import (
    closed_by_leaving,
    days_on_team,
    has_joined,
    has_left,
    off_team,
    on_team,
)
from leadwork.model.one_on_one import MeetingCommitment, OneOnOne
from leadwork.model.team import Person

D = dt.date


def person(joined: dt.date | None = None, left: dt.date | None = None) -> Person:
    return Person(id="marco", name="Marco Bellini", joined_on=joined, left_on=left)


def test_on_the_team_from_the_day_they_joined_until_the_day_before_they_left():
    marco = person(D(2026, 10, 19), D(2026, 12, 1))
    assert not on_team(marco, D(2026, 10, 18))
    assert on_team(marco, D(2026, 10, 19))  # the day they joined counts
    assert on_team(marco, D(2026, 11, 30))
    assert not on_team(marco, D(2026, 12, 1))  # the day they left does not
    assert has_joined(marco, D(2026, 10, 19)) and not has_joined(marco, D(2026, 10, 18))
    assert has_left(marco, D(2026, 12, 1)) and not has_left(marco, D(2026, 11, 30))


def test_without_dates_always_on_the_team():
    assert on_team(person(), D(1990, 1, 1)) and on_team(person(), D(2100, 1, 1))
    assert not has_left(person(), D(2100, 1, 1))


def test_why_someone_is_off_the_team_on_a_day():
    marco = person(D(2026, 10, 19), left=D(2026, 12, 1))
    assert off_team(marco, D(2026, 10, 18)) == (
        "before they joined the team on 2026-10-19 (joined_on in team.toml)"
    )
    assert off_team(marco, D(2026, 10, 19)) is None
    assert off_team(marco, D(2026, 12, 1)) == (
        "after they left the team on 2026-12-01 (left_on in team.toml)"
    )
    assert off_team(person(), D(1990, 1, 1)) is None


def test_the_days_of_a_range_they_are_on_the_team():
    first, last = D(2026, 9, 7), D(2026, 12, 6)
    assert days_on_team(person(), first, last) == (first, last)
    assert days_on_team(person(D(2026, 10, 19)), first, last) == (D(2026, 10, 19), last)
    assert days_on_team(person(left=D(2026, 10, 16)), first, last) == (first, D(2026, 10, 15))
    assert days_on_team(person(D(2026, 12, 7)), first, last) is None  # joins after
    assert days_on_team(person(left=D(2026, 9, 7)), first, last) is None  # left before


def test_leaving_closes_their_commitments_not_yours():
    gone = person(left=D(2026, 10, 16))
    assert closed_by_leaving(gone, "them", D(2026, 10, 16))
    assert not closed_by_leaving(gone, "them", D(2026, 10, 15))
    assert not closed_by_leaving(gone, "me", D(2027, 1, 1))
    assert not closed_by_leaving(person(), "them", D(2027, 1, 1))


def test_yours_stay_open_after_they_left_with_the_number_they_had():
    tereza = Person(id="tereza", name="Tereza Horvat", left_on=D(2026, 10, 16))
    meeting = OneOnOne(
        person="tereza",
        date=D(2026, 10, 15),
        commitments=[
            MeetingCommitment(by="them", text="Handover notes", due=D(2026, 10, 16)),
            MeetingCommitment(by="me", text="Call the accounts", due=D(2026, 10, 30)),
        ],
    )
    before = open_commitments([meeting], D(2026, 10, 15), tereza)
    assert [(c.number, c.by) for c in before] == [(1, "them"), (2, "me")]
    after = open_commitments([meeting], D(2026, 10, 31), tereza)
    assert [(c.number, c.by, c.overdue) for c in after] == [(2, "me", True)]
