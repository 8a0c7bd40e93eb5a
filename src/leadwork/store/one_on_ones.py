"""One-on-one files: which belong to whom, reading a person's recent ones, writing a new one.

Files are `one-on-ones/YYYY-MM-DD-PERSON.toml`; a second meeting the same day is
`YYYY-MM-DD-PERSON-2.toml`, a third `-3`, and so on. Who a file belongs to is known from
its name alone, so finding everyone's last one-on-one parses nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from leadwork import layout
from leadwork.errors import WriteRefused
from leadwork.weeks import Week

if TYPE_CHECKING:  # the writers' imports are made where they write: `commitments` only reads
    from leadwork.domain.joint_indicators import Agreement
    from leadwork.model.checkin import Story
    from leadwork.model.one_on_one import OneOnOne
    from leadwork.store.journal import Entry, Journal
    from leadwork.store.together import Together

_NUMBERED = re.compile(r"^(.*)-(\d+)$")


def owner_of(rest: str, people: set[str]) -> tuple[str, int] | None:
    """(person id, meeting number that day) for the part of a file name after the date:
    "marcus" -> ("marcus", 1), "marcus-2" -> ("marcus", 2). A name that is itself a
    person's id belongs to that person, so "tom-2" is Tom-2's if there is such a person."""
    if rest in people:
        return rest, 1
    match = _NUMBERED.match(rest)
    if match and match[1] in people and int(match[2]) >= 2:
        return match[1], int(match[2])
    return None


def meetings_by_person(journal: Journal, people: Iterable[str]) -> dict[str, list[Entry]]:
    """Each person's one-on-one files, oldest first (by date, then number that day)."""
    known = set(people)
    found: dict[str, list[tuple[dt.date, int, Entry]]] = {p: [] for p in known}
    for entry in journal.one_on_one_entries():
        owner = owner_of(entry.rest, known)
        if owner is not None:
            found[owner[0]].append((entry.date, owner[1], entry))
    return {p: [e for _, _, e in sorted(items, key=lambda t: t[:2])] for p, items in found.items()}


def last_met(journal: Journal, people: Iterable[str]) -> dict[str, dt.date]:
    """The date of each person's latest one-on-one (people never met are left out)."""
    return {
        p: entries[-1].date for p, entries in meetings_by_person(journal, people).items() if entries
    }


def recent_meetings(
    journal: Journal, person: str, people: Iterable[str], until: dt.date, since: dt.date
) -> list[OneOnOne]:
    """The person's one-on-ones dated on or before `until`: every one from `since` on, and
    older ones back to the latest that made commitments (its open ones are followed up,
    however long ago it was). Oldest first. A file whose `person` disagrees with its name
    is skipped (`leadwork check` reports it)."""
    entries = [e for e in meetings_by_person(journal, people)[person] if e.date <= until]
    recent = [e for e in entries if e.date >= since]
    meetings = [m for m in (journal.one_on_one(e) for e in recent) if m.person == person]
    if any(m.commitments for m in meetings):
        return meetings
    older: list[OneOnOne] = []
    for entry in reversed([e for e in entries if e.date < since]):
        meeting = journal.one_on_one(entry)
        if meeting.person != person:
            continue
        older.insert(0, meeting)
        if meeting.commitments:
            break
    return older + meetings


def meetings_to_follow_up(
    journal: Journal, people: Iterable[str], today: dt.date
) -> dict[str, list[OneOnOne]]:
    """Each person's one-on-ones up to `today`, back to the latest that made commitments:
    what `domain.one_on_one.open_commitments` needs to say which are open today."""
    known = list(people)
    return {p: recent_meetings(journal, p, known, until=today, since=today) for p in known}


def later_meeting(
    journal: Journal, person: str, people: Iterable[str], date: dt.date
) -> Entry | None:
    """A one-on-one with `person` dated after `date`, if one was already recorded."""
    entries = meetings_by_person(journal, people)[person]
    return next((e for e in entries if e.date > date), None)


def recorded_on(journal: Journal, person: str, people: Iterable[str], date: dt.date) -> int:
    """How many one-on-ones with `person` are already recorded on `date`."""
    return sum(1 for e in meetings_by_person(journal, people)[person] if e.date == date)


def new_meeting_rel(journal: Journal, date: dt.date, person: str, people: Iterable[str]) -> str:
    """The file for a new one-on-one: `DATE-PERSON.toml`, or `-2`, `-3`... if taken."""
    known = set(people)
    number = 1
    while True:
        rest = person if number == 1 else f"{person}-{number}"
        rel = f"{layout.ONE_ON_ONES}/{date.isoformat()}-{rest}.toml"
        if not journal.path(rel).exists() and (number == 1 or rest not in known):
            return rel
        number += 1


def header_for(meeting: OneOnOne, name: str, left_on: dt.date | None = None) -> str:
    if left_on is not None and meeting.date >= left_on:  # `one_on_one.follow_up_prep`
        return (
            f"What became of your commitments from your one-on-ones with {name}, who left "
            f"the team on {left_on}: recorded on {meeting.date:%A} {meeting.date.day} "
            f"{meeting.date:%B %Y} by `leadwork one-on-one`.\nNot a meeting: no view counts "
            "it as one held."
        )
    return (
        f"One-on-one with {name} on {meeting.date:%A} {meeting.date.day} "
        f"{meeting.date:%B %Y}, recorded by "
        "`leadwork one-on-one`.\nEdit it freely; `leadwork check` tells you if something "
        "is off."
    )


def refuse_if_recorded(journal: Journal, meeting: OneOnOne, people: Iterable[str]) -> None:
    """A retry never records a meeting twice: one already recorded that day, word for word
    (a run killed after it wrote, then run again), is refused."""
    for entry in meetings_by_person(journal, people)[meeting.person]:
        if entry.date == meeting.date and journal.one_on_one(entry) == meeting:
            raise WriteRefused(
                f"this one-on-one is already recorded, word for word, in {entry.rel}; "
                "nothing was written",
                file=journal.path(entry.rel),
                hint="a second meeting that day needs answers of its own",
            )


def add_story(together: Together, week: Week, story: Story) -> str:
    """Add a story to the week's check-in: appended to its `[[stories]]` if the file exists
    (every line of the person's kept), else a new check-in holding just the story. Planned
    in `together`; the file's path relative to the journal."""
    import tomlkit

    from leadwork.domain.checkin import AppendEntry
    from leadwork.model.checkin import Checkin
    from leadwork.store.checkins import apply_edits, header
    from leadwork.store.serialize import dumps, model_data

    rel = together.journal.checkin_rel(week)
    if together.exists(rel):

        def mutate(document: tomlkit.TOMLDocument) -> None:
            # As `leadwork story` adds one: whatever layout the person's file has.
            apply_edits(document, [AppendEntry("stories", model_data(story))])

        together.edit(rel, mutate, Checkin)
    else:
        # The header every new week file gets (`leadwork story` writes the same one).
        together.create(rel, dumps(Checkin(week=str(week), stories=[story]), header(week)))
    return rel


@dataclass(frozen=True)
class Saved:
    """What recording a one-on-one wrote, relative to the journal."""

    meeting: str
    story: str | None
    agreements: list[Agreement]

    @property
    def written(self) -> list[str]:
        """The files this recording wrote, relative to the journal (for `git add`)."""
        story = [self.story] if self.story else []
        return [self.meeting, *story, *([layout.INDICATORS] if self.agreements else [])]


def save_meeting(
    journal: Journal,
    meeting: OneOnOne,
    name: str,
    story: Story | None,
    agreements: list[Agreement],
) -> Saved:
    """Write the meeting, its story and the indicators it agreed, under one lock.

    Everything is checked before the first write: the answers by the domain, and here the
    week's check-in (an invalid one stops us before anything is written). The files are
    written together (`store.together`): all of them, or none, even if the process is
    killed between two of them. Edited files keep every line of the person's.
    """
    from leadwork.store.atomic import journal_lock
    from leadwork.store.indicator_edits import append_change, append_indicator
    from leadwork.store.serialize import dumps
    from leadwork.store.together import Together

    week = Week.of(meeting.date)
    if story is not None:
        journal.checkin(week)  # raises InvalidFile for an invalid check-in: nothing written
    team = journal.team().people
    people = {p.id for p in team}
    left_on = next((p.left_on for p in team if p.id == meeting.person), None)
    with journal_lock(journal.root):
        refuse_if_recorded(journal, meeting, people)
        together = Together(journal)
        rel = new_meeting_rel(journal, meeting.date, meeting.person, people)
        together.create(rel, dumps(meeting, header_for(meeting, name, left_on)))
        story_rel = add_story(together, week, story) if story is not None else None
        for agreement in agreements:
            if agreement.change is None:
                append_indicator(journal, agreement.indicator, together)
            else:
                append_change(journal, agreement.indicator.id, agreement.change, together)
        together.write()
    return Saved(rel, story_rel, agreements)
