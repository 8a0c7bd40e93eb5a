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
from pathlib import Path

import tomlkit

from leadwork.domain.checkin import AppendEntry
from leadwork.domain.joint_indicators import Agreement
from leadwork.domain.weeks import Week
from leadwork.errors import WriteRefused
from leadwork.model.checkin import Checkin, Story
from leadwork.model.one_on_one import OneOnOne
from leadwork.store import layout
from leadwork.store.atomic import atomic_write, journal_lock, make_folder
from leadwork.store.edit import edit_file
from leadwork.store.indicator_edits import append_change, append_indicator
from leadwork.store.journal import Entry, Journal
from leadwork.store.serialize import dumps, model_data

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


def header_for(meeting: OneOnOne, name: str) -> str:
    return (
        f"One-on-one with {name} on {meeting.date:%A} {meeting.date.day} "
        f"{meeting.date:%B %Y}, recorded by "
        "`leadwork one-on-one`.\nEdit it freely; `leadwork check` tells you if something "
        "is off."
    )


def write_meeting(journal: Journal, rel: str, meeting: OneOnOne, name: str) -> Path:
    """Write a new one-on-one file atomically. The caller holds the journal lock."""
    path = journal.writable(rel)
    if path.exists():
        raise WriteRefused("already exists; leadwork never overwrites a one-on-one", file=path)
    make_folder(path.parent)
    atomic_write(path, dumps(meeting, header_for(meeting, name)))
    journal.forget(rel)
    return path


def add_story(journal: Journal, week: Week, story: Story) -> Path:
    """Add a story to the week's check-in: appended to its `[[stories]]` if the file exists
    (every line of the person's kept), else a new check-in holding just the story.
    The caller holds the journal lock."""
    rel = journal.checkin_rel(week)
    path = journal.writable(rel)
    if path.exists():
        from leadwork.store.checkins import apply_edits

        def mutate(document: tomlkit.TOMLDocument) -> None:
            # As `leadwork story` adds one: whatever layout the person's file has.
            apply_edits(document, [AppendEntry("stories", model_data(story))])

        edit_file(path, mutate, Checkin)
    else:
        make_folder(path.parent)
        checkin = Checkin(week=str(week), stories=[story])
        # The header every new week file gets (`leadwork story` writes the same one).
        from leadwork.store.checkins import header

        atomic_write(path, dumps(checkin, header(week)))
    journal.forget(rel)
    return path


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
    week's check-in (an invalid one stops us before anything is written). Each file is
    written atomically; indicators.toml and the check-in only through `edit_file`.
    """
    week = Week.of(meeting.date)
    if story is not None:
        journal.checkin(week)  # raises InvalidFile for an invalid check-in: nothing written
    people = {p.id for p in journal.team().people}
    with journal_lock(journal.root):
        rel = new_meeting_rel(journal, meeting.date, meeting.person, people)
        write_meeting(journal, rel, meeting, name)
        story_rel = None
        if story is not None:
            add_story(journal, week, story)
            story_rel = journal.checkin_rel(week)
        for agreement in agreements:
            if agreement.change is None:
                append_indicator(journal, agreement.indicator)
            else:
                append_change(journal, agreement.indicator.id, agreement.change)
    return Saved(rel, story_rel, agreements)
