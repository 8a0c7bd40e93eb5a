"""Whole journals round-trip: hypothesis builds a journal (every file kind, several weeks,
one-on-ones and reviews, text with quotes, newlines, unicode and TOML-looking content),
writes every file the way leadwork writes new files, reads the journal back through
`store.journal.Journal`, and finds it equal, file for file."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leadwork import layout
from leadwork.model.review import CapabilityReview, Feedback, StrategyReview
from leadwork.model.settings import JournalConfig, Settings
from leadwork.store.atomic import atomic_write, make_folder
from leadwork.store.journal import Journal
from leadwork.store.serialize import dumps
from leadwork.weeks import Week

from strategies import (
    capabilities,
    checkins,
    dates,
    ids,
    indicators,
    names,
    one_on_ones,
    optional,
    strategy,
    team,
    text,
)

configs = st.builds(
    JournalConfig,
    leader=names,
    title=optional(names),
    organization=optional(names),
    settings=st.builds(
        Settings,
        time_warning_percent=st.integers(0, 100),
        trend_weeks=st.integers(2, 13),
        story_gap_weeks=st.integers(1, 52),
        customer_gap_weeks=st.integers(1, 52),
        review_every_weeks=st.integers(1, 104),
    ),
)
strategy_reviews = st.builds(
    StrategyReview,
    kind=st.just("strategy"),
    date=dates,
    participants=st.lists(names, max_size=3),
    signals=st.lists(text, max_size=3),
    changes=optional(text),
)
capability_reviews = st.builds(
    CapabilityReview,
    kind=st.just("capability"),
    date=dates,
    capability=ids,
    level=optional(st.integers(1, 5)),
    reason=optional(text),
    steps_done=st.lists(st.integers(1, 20), max_size=3),  # positions in the plan, from 1
    feedback=st.lists(
        st.builds(Feedback, who=names, side=st.sampled_from(["inside", "outside"]), text=text),
        max_size=2,
    ),
)


@st.composite
def journals(draw):
    """{relative path: model} for a whole journal."""
    files = {
        layout.CONFIG: draw(configs),
        layout.STRATEGY: draw(strategy),
        layout.CAPABILITIES: draw(capabilities),
        layout.INDICATORS: draw(indicators),
        layout.TEAM: draw(team),
    }
    for checkin in draw(st.lists(checkins, max_size=4, unique_by=lambda c: c.week)):
        files[layout.checkin_file(Week.parse(checkin.week))] = checkin
    for meeting in draw(st.lists(one_on_ones, max_size=3)):
        files[f"{layout.ONE_ON_ONES}/{meeting.date}-{meeting.person}.toml"] = meeting
    for review in draw(st.lists(st.one_of(strategy_reviews, capability_reviews), max_size=3)):
        subject = "strategy" if review.kind == "strategy" else f"capability-{review.capability}"
        files[f"{layout.REVIEWS}/{review.date}-{subject}.toml"] = review
    return files


def read_back(journal: Journal, rel: str):
    if rel == layout.CONFIG:
        return journal.config()
    if rel in (layout.STRATEGY, layout.CAPABILITIES, layout.INDICATORS, layout.TEAM):
        return {
            layout.STRATEGY: journal.strategy,
            layout.CAPABILITIES: journal.capabilities,
            layout.INDICATORS: journal.indicators,
            layout.TEAM: journal.team,
        }[rel]()
    if rel.startswith(layout.CHECKINS):
        return journal.checkin(Week.parse(rel.split("/")[1].removesuffix(".toml")))
    entries = journal.one_on_one_entries() + journal.review_entries()
    entry = next(e for e in entries if e.rel == rel)
    return (
        journal.one_on_one(entry) if rel.startswith(layout.ONE_ON_ONES) else journal.review(entry)
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journals(), st.booleans())
def test_a_whole_journal_round_trips(files, bom):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for rel, model in files.items():
            make_folder((root / rel).parent)
            text = dumps(model, header=f"{rel}\nwritten by the round-trip test")
            atomic_write(root / rel, ("\ufeff" if bom else "") + text)
        journal = Journal(root)
        assert [str(w) for w in journal.checkin_weeks()] == sorted(
            rel.split("/")[1].removesuffix(".toml")
            for rel in files
            if rel.startswith(layout.CHECKINS)
        )
        listed = {e.rel for e in journal.one_on_one_entries() + journal.review_entries()}
        assert listed == {rel for rel in files if rel.startswith(("one-on-ones", "reviews"))}
        for rel, model in files.items():
            assert read_back(journal, rel) == model, rel
