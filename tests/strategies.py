"""Hypothesis strategies for whole journal files: text with quotes, newlines, unicode and
TOML-looking content included, because people write all of that."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from leadwork.model.capabilities import Capabilities, Capability, Step
from leadwork.model.checkin import (
    Checkin,
    Commitment,
    Confidence,
    Conversation,
    FollowUp,
    Reflection,
    Story,
    TimeAudit,
)
from leadwork.model.indicators import Change, Indicator, Indicators
from leadwork.model.one_on_one import MeetingCommitment, MeetingFollowUp, OneOnOne, Plan
from leadwork.model.strategy import Choice, Strategy
from leadwork.model.team import Person, Team
from leadwork.model.words import DEFAULT_CONVERSATION_KINDS

ids = st.from_regex(r"[a-z0-9][a-z0-9_-]{0,15}", fullmatch=True)
# Any text TOML can hold: no surrogates. Include TOML-looking and quoting characters.
tricky = st.sampled_from(
    ['"""', "'''", "[x]", "a = 1", "# not a comment", "\\", "\n", "\r\n", "\t"]
)
text = st.lists(
    st.one_of(st.text(st.characters(exclude_categories=("Cs",)), max_size=30), tricky), max_size=4
).map("".join)
names = text.filter(lambda s: 1 <= len(s) <= 200)
dates = st.dates(dt.date(2000, 1, 1), dt.date(2100, 12, 31))
numbers = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9)
hours = st.one_of(st.none(), st.floats(0, 30, allow_nan=False))
levels = st.integers(1, 5)
weeks = dates.map(lambda d: "{}-W{:02d}".format(*d.isocalendar()))
outcomes = st.sampled_from(["done", "carried", "dropped"])


def optional(strategy):
    return st.one_of(st.none(), strategy)


steps = st.builds(Step, what=text, due=optional(dates), done=st.one_of(st.booleans(), dates))
capabilities = st.builds(
    Capabilities,
    capabilities=st.lists(
        st.builds(
            Capability,
            id=ids,
            name=names,
            kind=st.sampled_from(["organizational", "individual"]),
            serves=st.lists(ids, max_size=3),
            owner=optional(ids),
            level=levels,
            target=levels,
            note=optional(text),
            steps=st.lists(steps, max_size=3),
        ),
        max_size=3,
    ),
)
changes = st.builds(
    Change,
    since=dates,
    target=optional(numbers),
    celebrate=optional(numbers),
    course_correct=optional(numbers),
    agreed_with=st.lists(ids, max_size=2),
    note=optional(text),
)
indicators = st.builds(
    Indicators,
    indicators=st.lists(
        st.builds(
            Indicator,
            id=ids,
            name=names,
            owner=optional(ids),
            agreed_with=st.lists(ids, max_size=2),
            agreed_on=optional(dates),
            serves=st.lists(ids, max_size=2),
            unit=text.filter(lambda s: len(s) <= 20),
            direction=st.sampled_from(["higher", "lower"]),
            target=numbers,
            celebrate=numbers,
            course_correct=numbers,
            retired_on=optional(dates),
            note=optional(text),
            changes=st.lists(changes, max_size=2),
        ),
        max_size=3,
    ),
)
team = st.builds(
    Team,
    people=st.lists(
        st.builds(
            Person,
            id=ids,
            name=names,
            role=optional(names),
            cadence_days=optional(st.integers(1, 365)),
            note=optional(text),
        ),
        max_size=4,
    ),
)
strategy = st.builds(
    Strategy,
    purpose=text,
    co_created_with=st.lists(names, max_size=3),
    co_created_on=optional(dates),
    reviewed_on=optional(dates),
    choices=st.lists(st.builds(Choice, id=ids, statement=text), max_size=4),
)
checkins = st.builds(
    Checkin,
    week=weeks,
    readings=st.dictionaries(ids, numbers, max_size=5),
    hours=optional(
        st.builds(
            TimeAudit,
            alignment=hours,
            capability=hours,
            accountability=hours,
            someone_elses_job=hours,
            other=hours,
        )
    ),
    confidence=optional(
        st.builds(
            Confidence,
            alignment=optional(levels),
            capability=optional(levels),
            accountability=optional(levels),
        )
    ),
    reflection=optional(
        st.builds(
            Reflection, confident=optional(text), challenge=optional(text), note=optional(text)
        )
    ),
    last_week=st.lists(st.builds(FollowUp, text=text, outcome=outcomes), max_size=3),
    commitments=st.lists(
        st.builds(Commitment, text=text, carried=st.integers(0, 1000)), max_size=3
    ),
    stories=st.lists(
        st.builds(
            Story, text=text, who=optional(names), choice=optional(ids), date=optional(dates)
        ),
        max_size=3,
    ),
    conversations=st.lists(
        st.builds(
            Conversation,
            with_=st.sampled_from(DEFAULT_CONVERSATION_KINDS),
            who=optional(names),
            text=text,
            refresh=st.booleans(),
        ),
        max_size=3,
    ),
)
sides = st.sampled_from(["me", "them"])
one_on_ones = st.builds(
    OneOnOne,
    person=ids,
    date=dates,
    progress=optional(text),
    celebrate=optional(text),
    note=optional(text),
    plans=st.lists(
        st.builds(
            Plan,
            indicator=ids,
            status=optional(
                st.sampled_from(["celebrate", "on-track", "at-risk", "course-correct", "no-data"])
            ),
            plan=optional(text),
        ),
        max_size=3,
    ),
    last_time=st.lists(
        st.builds(MeetingFollowUp, by=sides, text=text, outcome=outcomes), max_size=3
    ),
    commitments=st.lists(
        st.builds(
            MeetingCommitment, by=sides, text=text, due=optional(dates), carried=st.integers(0, 9)
        ),
        max_size=3,
    ),
)

FILES = {
    "capabilities": capabilities,
    "indicators": indicators,
    "team": team,
    "strategy": strategy,
    "checkin": checkins,
    "one-on-one": one_on_ones,
}
