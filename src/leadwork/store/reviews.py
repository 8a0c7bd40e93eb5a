"""Reviews on disk: gather what a review shows, and record one.

A strategy review is one new file. A capability review is one new file plus, when steps
were done or the level changed, an in-place edit of `capabilities.toml` that touches only
those lines (see `store.edit`). Both writes happen under the journal's lock, and if the
edit is refused the new review file is removed again: a review is recorded whole or not
at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tomlkit.items import Comment, Table, Whitespace

from leadwork import layout
from leadwork.domain.review import (
    CapabilityBrief,
    NumberedStep,
    OpenStep,
    StrategyBrief,
    capability_brief,
    last_story_weeks,
    last_strategy_review,
    open_signals,
    quiet_choices,
    refresh_signals,
    signal_weeks,
)
from leadwork.domain.timeline import live
from leadwork.errors import WriteRefused
from leadwork.model.capabilities import Capabilities
from leadwork.model.review import CapabilityReview, StrategyReview
from leadwork.store.atomic import atomic_write, journal_lock, make_folder
from leadwork.store.journal import Journal
from leadwork.store.serialize import dumps
from leadwork.store.together import Together
from leadwork.weeks import Week

STRATEGY_SUBJECT = "strategy"
CAPABILITY_PREFIX = "capability-"


def review_rel(date: dt.date, subject: str) -> str:
    """reviews/2026-11-27-strategy.toml, reviews/2026-11-27-capability-ID.toml"""
    return f"{layout.REVIEWS}/{date.isoformat()}-{subject}.toml"


def capability_subject(capability_id: str) -> str:
    return CAPABILITY_PREFIX + capability_id


def strategy_reviews(journal: Journal) -> list[StrategyReview]:
    entries = [e for e in journal.review_entries() if e.rest == STRATEGY_SUBJECT]
    return [journal.load(e.rel, StrategyReview) for e in entries]


def capability_reviews(journal: Journal) -> list[CapabilityReview]:
    entries = [e for e in journal.review_entries() if e.rest.startswith(CAPABILITY_PREFIX)]
    return [journal.load(e.rel, CapabilityReview) for e in entries]


# ---- what a review shows before it asks -------------------------------------------------------


def gather_strategy_brief(journal: Journal, today: dt.date) -> StrategyBrief:
    """Reads the strategy reviews and the check-ins since the last one; for a choice with no
    story in them, older check-ins, newest first, until every choice has its last story."""
    strategy = journal.strategy()
    settings = journal.config().settings
    reviews = strategy_reviews(journal)
    last_review = last_strategy_review(strategy, [r.date for r in reviews])
    last = last_review.on
    now = Week.of(today)
    weeks = journal.checkin_weeks()
    window = signal_weeks(last, weeks, now)
    checkins = journal.checkins(window)
    signals = open_signals(refresh_signals(checkins), reviews)

    last_story = last_story_weeks(checkins)
    wanted = {c.id for c in strategy.choices}
    older = [w for w in weeks if w <= now and (not window or w < window[0])]
    for week in reversed(older):
        if wanted <= last_story.keys():
            break
        checkin = journal.checkin(week)
        if checkin is not None:
            for choice, found in last_story_weeks({week: checkin}).items():
                last_story.setdefault(choice, found)
    live_choices = live(strategy.choices, today)  # a retired choice asks for no story
    quiet = quiet_choices(live_choices, last_story, now, settings.story_gap_weeks)
    return StrategyBrief(
        today,
        last,
        settings.review_every_weeks,
        signals,
        quiet,
        settings.story_gap_weeks,
        last_review.source,
        next((w for w in weeks if w <= now), None),  # `weeks` are oldest first
    )


def gather_capability_briefs(
    journal: Journal, today: dt.date, capability_id: str | None
) -> list[CapabilityBrief]:
    capabilities = journal.capabilities().capabilities
    reviews = capability_reviews(journal)
    return [
        capability_brief(index, capability, reviews, today)
        for index, capability in enumerate(capabilities)
        if capability_id is None or capability.id == capability_id
    ]


# ---- recording -------------------------------------------------------------------------------


def refuse_if_recorded(
    journal: Journal, rel: str, hint: str = "edit that file, or record the review on another day"
) -> None:
    """One review of a subject per day: the file names carry no counter. `hint`: how to
    give another day, as the command asks for it. A file named almost `rel` holds it too
    (`names.refuse_second`)."""
    from leadwork.store.names import refuse_second

    if journal.path(rel).exists():
        raise WriteRefused(
            f"{rel} already exists: one review of it a day; nothing was written",
            file=journal.path(rel),
            hint=hint,
        )
    refuse_second(journal, rel)


def _header(kind: str, date: dt.date) -> str:
    return (
        f"{kind} of {date.isoformat()}, recorded by `leadwork review`.\n"
        "It is yours to edit; `leadwork check` validates it."
    )


def _write_new(journal: Journal, rel: str, text: str) -> Path:
    refuse_if_recorded(journal, rel)
    path = journal.writable(rel)
    make_folder(path.parent)
    atomic_write(path, layout.with_schema_directive(rel, text))
    journal.forget(rel)
    return journal.path(rel)


def record_strategy_review(journal: Journal, review: StrategyReview) -> str:
    rel = review_rel(review.date, STRATEGY_SUBJECT)
    text = dumps(review, _header("Strategy review", review.date))
    with journal_lock(journal.root):
        _write_new(journal, rel, text)
    return rel


def record_capability_review(
    journal: Journal,
    review: CapabilityReview,
    brief: CapabilityBrief,
    marked: Sequence[NumberedStep],
) -> str:
    """Write the review file, then mark `marked` done (on the review's date) and set the
    re-assessed level in capabilities.toml. Both land or neither does, even when the process
    is killed between them (`store.together`)."""
    rel = review_rel(review.date, capability_subject(review.capability))
    text = dumps(review, _header("Capability review", review.date))
    level = review.level if review.level != brief.capability.level else None
    steps = [OpenStep(brief.index, brief.capability, item) for item in marked]
    with journal_lock(journal.root):
        refuse_if_recorded(journal, rel)
        together = Together(journal)
        together.create(rel, text)
        if steps or level is not None:
            levels = {brief.index: (brief.capability.id, level)} if level else {}
            _edit_capabilities(together, [(s, review.date) for s in steps], levels)
        together.write()
    return rel


def mark_steps_done(together: Together, marks: Sequence[tuple[OpenStep, dt.date]]) -> None:
    """Mark each open step done on its date in capabilities.toml (the check-in's step), as
    part of `together`; the date is written as a TOML date (`done = 2026-12-01`)."""
    if marks:
        _edit_capabilities(together, marks, {})


def _edit_capabilities(
    together: Together,
    marks: Sequence[tuple[OpenStep, dt.date]],  # each step and the day it was done
    levels: dict[int, tuple[str, int]],  # capability index -> (its id, the new level)
) -> None:
    together.edit(layout.CAPABILITIES, lambda doc: _mark(doc, marks, levels), Capabilities)


def _mark(
    document: Any,
    marks: Sequence[tuple[OpenStep, dt.date]],
    levels: dict[int, tuple[str, int]],
) -> None:
    """Change only the lines that must change; refuse if the file moved under us."""
    tables = {}
    expected = {s.index: s.capability.id for s, _ in marks}
    expected.update({index: capability_id for index, (capability_id, _) in levels.items()})
    for index, capability_id in expected.items():
        try:
            table = document["capabilities"][index]
            same = table["id"] == capability_id
        except (KeyError, IndexError, TypeError):
            same = False
        if not same:
            raise _changed_meanwhile()
        tables[index] = table
    for index, (_, level) in levels.items():
        tables[index]["level"] = level
    for item, date in marks:
        try:
            step = tables[item.index]["steps"][item.numbered.position - 1]
            same = step["what"] == item.numbered.step.what
        except (KeyError, IndexError, TypeError):
            same = False
        if not same:
            raise _changed_meanwhile()
        _set_after_last_key(step, "done", date)


def _changed_meanwhile() -> WriteRefused:
    return WriteRefused(
        f"{layout.CAPABILITIES} changed while leadwork was marking steps in it; nothing "
        "was written to it",
        hint="run the command again",
    )


def _set_after_last_key(table: Table, key: str, value: object) -> None:
    """Set `key` in a step's table. A new key goes right after the table's last key, above
    any comment lines that end the table: those introduce the next step, so `done` must
    not slip under them."""
    if key in table:
        table[key] = value
        return
    body = table.value.body
    trailing: list[tuple[Any, Any]] = []
    while body and body[-1][0] is None and isinstance(body[-1][1], Comment | Whitespace):
        trailing.insert(0, body.pop())
    table[key] = value
    body.extend(trailing)
