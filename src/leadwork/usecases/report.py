"""`leadwork report`: a range of weeks (a quarter by default) as one report."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping

    from leadwork.domain.report import Report
    from leadwork.domain.status import Track
    from leadwork.domain.window import ShownWeek
    from leadwork.model.checkin import Checkin
    from leadwork.model.journal import Definitions
    from leadwork.model.one_on_one import OneOnOne
    from leadwork.store.journal import Journal
    from leadwork.weeks import Week


@dataclass(frozen=True)
class Request:
    first: Week | None = None  # None: the 13 weeks (a quarter) ending with the last
    # None: the week the dashboard stands on today (`window.range_ending`): this week once
    # it is checked in, else the latest week that is.
    last: Week | None = None


@dataclass(frozen=True)
class Result:
    report: Report
    first: Week
    last: Week
    doubtful: tuple[str, ...] = ()


def run(journal: Journal, request: Request, today: dt.date) -> Result:
    """Reads only the check-ins, one-on-ones and reviews of the range (and, for indicators
    read monthly or quarterly, the weeks their first period reaches back to; for a range
    ended before a capability's level was reviewed, the reviews that say its level then),
    plus the definitions; writes nothing."""
    from leadwork.domain.report import build_report
    from leadwork.domain.window import range_ending, readings_from
    from leadwork.store.dashboard import level_reviews, shown_week
    from leadwork.store.one_on_ones import owner_of
    from leadwork.usecases.trust import doubtful_files

    shown = shown_week(journal, request.last, today)  # the dashboard's week, by its rule
    first, last = range_ending(shown, request.first)
    start, end = first.monday, last.sunday
    entries = journal.one_on_one_entries()
    meetings = [journal.one_on_one(e) for e in entries if start <= e.date <= end]
    reviews = [journal.review(e) for e in journal.review_entries() if start <= e.date <= end]
    # and what says each capability's level at the end (`domain.report._capability`)
    reviews += [r for r in level_reviews(journal, min(end, today)) if not start <= r.date <= end]
    definitions = journal.definitions()
    earliest = readings_from(first, last, definitions.indicators.indicators)
    listed = journal.checkin_weeks()
    weeks = [w for w in listed if earliest <= w <= last]
    # The journal's first record: no meeting is expected before it (a range may start earlier).
    kept = [w.monday for w in listed[:1]] + [e.date for e in entries[:1]]  # oldest first
    # who was met before the range, by file name (`store.one_on_ones.owner_of`): no late joiner
    people = {p.id for p in definitions.team.people}
    met = (owner_of(e.rest, people) for e in entries if e.date < start)
    met_before = frozenset(owner[0] for owner in met if owner is not None)
    checkins = journal.checkins(weeks)
    end_tracks = _end_tracks(journal, definitions, checkins, meetings, first, shown)
    data = build_report(
        definitions,
        checkins,
        meetings,
        reviews,
        first,
        last,
        today,
        kept_since=min(kept, default=None),
        end_tracks=end_tracks,
        unchecked_current=shown.current if shown.is_fallback else None,
        all_read=not any(w < earliest for w in listed[:1]),
        met_before=met_before,
    )
    return Result(data, first, last, doubtful_files(journal, today))


def _end_tracks(
    journal: Journal,
    definitions: Definitions,
    checkins: Mapping[Week, Checkin],
    meetings: list[OneOnOne],
    first: Week,
    shown: ShownWeek,
) -> dict[str, Track]:
    """Each indicator as the dashboard judges the range's last week (`scoreboard`: over its
    judged weeks, as of `shown.as_of`), with the plan in force for its off-track episode
    (`status.plan_in_episode`). The range's own check-ins and one-on-ones suffice when each
    indicator has a reading on track in the range, which ends any episode begun before it
    (`scoreboard.episode_may_begin_before`); else, and when the end is judged as of a day
    after the range (this week has no check-in yet), what the dashboard judges its
    indicators with is read (`store.dashboard.read_tracks`: its judged weeks, reaching
    back as far as an episode does), so a broken file before the range matters only then."""
    from leadwork.domain.scoreboard import episode_may_begin_before, scoreboard
    from leadwork.store.dashboard import read_tracks
    from leadwork.weeks import week_range

    last = shown.week
    indicators = definitions.indicators.indicators
    weeks = week_range(first, last)

    if shown.as_of > last.sunday or any(
        episode_may_begin_before(i, checkins, weeks) for i in indicators
    ):
        seen = read_tracks(journal, shown)
        stand, as_of, since = seen.shown.week, seen.shown.as_of, seen.since
        definitions, checkins, meetings = seen.definitions, seen.checkins, seen.one_on_ones
    else:
        stand, as_of, since = last, shown.as_of, first
    views = scoreboard(
        definitions.indicators.indicators,
        {w: c for w, c in checkins.items() if w <= stand},
        stand,
        definitions.config.settings,
        [m for m in meetings if m.date <= as_of],
        as_of,
        {},
        since=since,
    )
    return {view.id: view.track for view in views}
