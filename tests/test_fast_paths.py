"""Speed-ups must not change answers: each faster rule against the plain rule it replaced."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from leadwork.layout import dated_order
from leadwork.store.dashboard import one_on_ones_to_read
from leadwork.store.journal import Entry, Journal
from leadwork.weeks import Week, weeks_in_year

ID = st.from_regex(r"[a-z][a-z0-9]{0,3}(-[a-z0-9]{1,3}){0,2}", fullmatch=True)


def plain_rule(entries, people, as_of, since):
    """one_on_ones_to_read as first written: every id tried against every name."""
    ids = list(people)
    latest, chosen = {}, {}
    for entry in entries:
        if entry.date > as_of:
            continue
        if any(entry.rest == p or entry.rest.startswith(p + "-") for p in ids):
            latest[entry.rest] = entry
        if since is not None and entry.date >= since:
            chosen[entry.rel] = entry
    for entry in latest.values():
        chosen[entry.rel] = entry
    return sorted(chosen.values(), key=lambda e: dated_order(e.rel))


@given(
    people=st.lists(ID, max_size=6),
    meetings=st.lists(st.tuples(st.integers(0, 60), ID), max_size=40),
    since=st.one_of(st.none(), st.integers(0, 60)),
)
def test_one_on_ones_to_read_picks_what_the_plain_rule_picks(people, meetings, since):
    start = dt.date(2026, 9, 1)
    entries = sorted(
        {
            Entry(f"one-on-ones/{day}-{person}.toml", day, person)
            for day, person in ((start + dt.timedelta(days=o), p) for o, p in meetings)
        },
        key=lambda e: dated_order(e.rel),
    )
    as_of = start + dt.timedelta(days=45)
    since_day = None if since is None else start + dt.timedelta(days=since)
    assert one_on_ones_to_read(entries, people, as_of, since_day) == plain_rule(
        entries, people, as_of, since_day
    )


def test_listings_are_oldest_first_and_skip_what_is_not_a_meeting(tmp_path: Path):
    folder = tmp_path / "one-on-ones"
    folder.mkdir()
    names = [
        "2026-11-24-maria-2.toml",
        "2026-11-24-maria.toml",
        "2026-11-24-ann-marie.toml",
        "2026-01-05-tom.toml",
        "2025-12-31-zoe.toml",
        ".2026-11-24-maria.toml.x.leadwork-tmp",
        "notes.txt",
        "2026-02-30-tom.toml",
    ]
    for name in names:
        (folder / name).write_text("")
    entries = Journal(tmp_path).one_on_one_entries()
    assert entries == sorted(entries, key=lambda e: dated_order(e.rel))
    assert [e.rel.removeprefix("one-on-ones/") for e in entries] == [
        "2025-12-31-zoe.toml",
        "2026-01-05-tom.toml",
        "2026-11-24-ann-marie.toml",
        "2026-11-24-maria.toml",  # the first meeting that day, then the second
        "2026-11-24-maria-2.toml",
    ]


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_remembered_weeks_are_the_calendars(day):
    iso = day.isocalendar()
    assert Week.of(day) == Week(iso.year, iso.week)
    assert Week.of(day) is Week.of(day)  # the same immutable object, not rebuilt
    assert weeks_in_year(iso.year) == dt.date(iso.year, 12, 28).isocalendar().week
