"""Alignment, as the dashboard sees it: stories that lived each strategic choice, who the
leader has been hearing, how old the strategy is, and what says it may need a refresh.

Pure: check-ins by week, the strategy and the settings in; small records out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from leadwork.domain import review as review_rules
from leadwork.domain.timeline import live_during
from leadwork.domain.window import RECENT_WEEKS, signal_weeks
from leadwork.model.words import CUSTOMER, DEFAULT_CONVERSATION_KINDS
from leadwork.plainclass import plainclass
from leadwork.weeks import SHOWN_WEEKS, Week, last_weeks

if TYPE_CHECKING:
    from leadwork.model.checkin import Checkin
    from leadwork.model.review import StrategyReview
    from leadwork.model.settings import Settings
    from leadwork.model.strategy import Strategy

PURPOSE = "purpose"  # a story may live the purpose rather than one choice


@plainclass
class StoryLine:
    week: Week
    text: str
    who: str | None


@plainclass
class ChoiceStories:
    id: str
    statement: str
    recent: tuple[StoryLine, ...]  # the last RECENT_WEEKS weeks, newest first
    last_week: Week | None  # the latest week with a story, among the weeks read
    quiet: bool  # no story in `story_gap_weeks`, and the journal is that old

    def weeks_since_story(self, week: Week) -> int | None:
        return week.weeks_since(self.last_week) if self.last_week else None


@plainclass
class Conversations:
    # every kind of leadwork.toml's `conversation_kinds`, in its order, over RECENT_WEEKS;
    # then any other kind the check-ins hold (`leadwork check` reports those)
    by_kind: dict[str, int]
    last_customer: Week | None
    # no customer heard in `customer_gap_weeks`, and the journal is that old; never when
    # the leader's kinds have no "customer" (they chose not to be asked)
    customer_gap: bool
    gap_weeks: int


@plainclass
class ReviewAge:
    last: dt.date | None  # the later of strategy.reviewed_on and the latest review file
    source: str | None  # "strategy.toml", "reviews" or "co-created"
    every_weeks: int
    due_on: dt.date | None
    due: bool

    def weeks_ago(self, as_of: dt.date) -> int | None:
        return (as_of - self.last).days // 7 if self.last else None


@plainclass
class Signal:
    week: Week
    kind: str
    who: str | None
    text: str


@plainclass
class RefreshSignals:
    since: dt.date | None  # the review they count from
    first_week: Week  # the earliest week searched
    capped: bool  # the review is further back than the search went ("26+ weeks")
    items: tuple[Signal, ...]  # newest first


@plainclass
class Alignment:
    # The week the stories and conversations are counted through (the last of the
    # RECENT_WEEKS shown): the view's week, or this week when the default view stands on
    # last week's check-in, so what was captured since still counts.
    through: Week
    choices: tuple[ChoiceStories, ...]
    purpose: tuple[StoryLine, ...]  # recent stories of people living the purpose itself
    conversations: Conversations
    review: ReviewAge
    signals: RefreshSignals
    # The journal's first check-in week, for `wording.quiet_for`: exact when it falls within the
    # weeks read; else any week before them (the store lists the folder only when needed).
    began: Week | None = None


def searched_weeks(gap_weeks: int) -> int:
    """How many weeks back from `Alignment.through` the dashboard is sure to have looked
    for a story or a customer when it calls them quiet (`wording.quiet_for`): its 13 weeks
    at least, and the gap (`covers` flags nothing before the weeks read reach that far)."""
    return max(gap_weeks, SHOWN_WEEKS)


def covers(checkins: Mapping[Week, Checkin], week: Week, weeks: int) -> bool:
    """Has the journal been kept for the whole `weeks` ending with `week`? (So a journal
    started last week is not told it has heard no customer for a month.)"""
    return any(w <= week.minus(weeks - 1) for w in checkins)


def _stories(checkins: Mapping[Week, Checkin], weeks: Iterable[Week]) -> list[tuple[Week, str]]:
    return [(w, s.choice or "") for w in weeks if w in checkins for s in checkins[w].stories]


def choice_stories(
    strategy: Strategy,
    checkins: Mapping[Week, Checkin],
    week: Week,
    gap_weeks: int,
) -> tuple[tuple[ChoiceStories, ...], tuple[StoryLine, ...]]:
    """The choices live in `week` (`timeline.live_during`, the week rule every view and
    the indicators follow): one retired before the week began is left out."""
    recent_weeks = last_weeks(week, RECENT_WEEKS)
    recent: dict[str, list[StoryLine]] = {}
    for w in reversed(recent_weeks):
        checkin = checkins.get(w)
        # newest first: a week's stories are in the order they were captured
        for story in reversed(checkin.stories) if checkin else ():
            recent.setdefault(story.choice or "", []).append(StoryLine(w, story.text, story.who))
    last: dict[str, Week] = {}
    for w, told in _stories(checkins, sorted(w for w in checkins if w <= week)):
        last[told] = w
    journal_is_old_enough = covers(checkins, week, gap_weeks)
    rows = []
    for choice in live_during(strategy.choices, week):
        latest = last.get(choice.id)
        quiet = journal_is_old_enough and (latest is None or week.weeks_since(latest) >= gap_weeks)
        rows.append(
            ChoiceStories(
                choice.id, choice.statement, tuple(recent.get(choice.id, ())), latest, quiet
            )
        )
    return tuple(rows), tuple(recent.get(PURPOSE, ()))


def conversations(
    checkins: Mapping[Week, Checkin],
    week: Week,
    gap_weeks: int,
    kinds: Sequence[str] = DEFAULT_CONVERSATION_KINDS,
) -> Conversations:
    counts = dict.fromkeys(kinds, 0)
    for w in last_weeks(week, RECENT_WEEKS):
        for talk in checkins[w].conversations if w in checkins else ():
            counts[talk.with_] = counts.get(talk.with_, 0) + 1
    tracks = CUSTOMER in kinds
    last_customer = max(
        (
            w
            for w, c in checkins.items()
            if w <= week and any(t.with_ == CUSTOMER for t in c.conversations)
        ),
        default=None,
    )
    gap = (
        tracks
        and covers(checkins, week, gap_weeks)
        and (last_customer is None or week.weeks_since(last_customer) >= gap_weeks)
    )
    return Conversations(counts, last_customer, gap, gap_weeks)


def review_age(
    strategy: Strategy, reviews: Sequence[StrategyReview], as_of: dt.date, every_weeks: int
) -> ReviewAge:
    last, source = review_rules.last_strategy_review(strategy, [r.date for r in reviews], as_of)
    if last is None:
        return ReviewAge(None, None, every_weeks, None, False)
    due_on = last + dt.timedelta(weeks=every_weeks)
    return ReviewAge(last, source, every_weeks, due_on, as_of >= due_on)


def refresh_signals(
    checkins: Mapping[Week, Checkin],
    week: Week,
    reviewed_on: dt.date | None,
    reviews: Sequence[StrategyReview] = (),
) -> RefreshSignals:
    """Conversations and stories marked `refresh = true` from the last strategy review's
    week on that no review has answered yet (`domain.review`'s rule, as `review strategy`
    offers them), newest first."""
    searched = signal_weeks(week, reviewed_on)
    found = review_rules.refresh_signals({w: checkins[w] for w in searched.weeks if w in checkins})
    items = [
        Signal(s.week, s.heard_from or s.source, s.who, s.text)
        for s in reversed(review_rules.open_signals(found, reviews))
    ]
    first = searched.weeks[0] if searched.weeks else week
    return RefreshSignals(reviewed_on, first, searched.capped, tuple(items))


def alignment(
    strategy: Strategy,
    reviews: Sequence[StrategyReview],
    checkins: Mapping[Week, Checkin],
    week: Week,
    as_of: dt.date,
    settings: Settings,
    began: Week | None = None,
) -> Alignment:
    """`began`: the journal's first check-in week (`Alignment.began`); None: the first of
    `checkins`, which then hold the journal from its start."""
    choices, purpose = choice_stories(strategy, checkins, week, settings.story_gap_weeks)
    review = review_age(strategy, reviews, as_of, settings.review_every_weeks)
    return Alignment(
        through=week,
        choices=choices,
        purpose=purpose,
        conversations=conversations(
            checkins, week, settings.customer_gap_weeks, settings.conversation_kinds
        ),
        review=review,
        signals=refresh_signals(
            checkins, week, review.last, [r for r in reviews if r.date <= as_of]
        ),
        began=began if began is not None else min(checkins, default=None),
    )
