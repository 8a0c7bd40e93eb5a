"""`leadwork report`: a range of weeks (a quarter by default) as one report."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping

    from leadwork.domain.report import Report
    from leadwork.domain.status import Track
    from leadwork.model.checkin import Checkin
    from leadwork.model.journal import Definitions
    from leadwork.model.one_on_one import OneOnOne
    from leadwork.store.journal import Journal
    from leadwork.weeks import Week


@dataclass(frozen=True)
class Request:
    first: Week
    last: Week  # first <= last: the CLI has checked the range it was given


@dataclass(frozen=True)
class Result:
    report: Report
    first: Week
    last: Week
    doubtful: tuple[str, ...] = ()


def run(journal: Journal, request: Request, today: dt.date) -> Result:
    """Reads only the check-ins, one-on-ones and reviews of the range (and, for indicators
    read monthly or quarterly, the weeks their first period reaches back to), plus the
    definitions; writes nothing."""
    from leadwork.domain.report import build_report
    from leadwork.domain.window import period_reach
    from leadwork.usecases.trust import doubtful_files

    first, last = request.first, request.last
    start, end = first.monday, last.sunday
    entries = journal.one_on_one_entries()
    meetings = [journal.one_on_one(e) for e in entries if start <= e.date <= end]
    reviews = [journal.review(e) for e in journal.review_entries() if start <= e.date <= end]
    definitions = journal.definitions()
    earliest = first.minus(period_reach(definitions.indicators.indicators))
    listed = journal.checkin_weeks()
    weeks = [w for w in listed if earliest <= w <= last]
    # The journal's first record: no meeting is expected before it (a range may start earlier).
    kept = [w.monday for w in listed[:1]] + [e.date for e in entries[:1]]  # oldest first
    checkins = journal.checkins(weeks)
    end_tracks = _end_tracks(journal, definitions, checkins, meetings, request, today)
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
    )
    return Result(data, first, last, doubtful_files(journal, today))


def _end_tracks(
    journal: Journal,
    definitions: Definitions,
    checkins: Mapping[Week, Checkin],
    meetings: list[OneOnOne],
    request: Request,
    today: dt.date,
) -> dict[str, Track]:
    """Each indicator as the dashboard judges the range's last week (`scoreboard`), with
    the plan in force for its off-track episode (`status.plan_in_episode`). The range's own
    check-ins and one-on-ones suffice unless an episode may have begun before the range
    (`scoreboard.episode_reaches_back`: every reading in it off track): then the
    dashboard's own reads are used (`store.dashboard.read_week`, reaching back as far as
    the episode does), so a broken file before the range matters only then."""
    from leadwork.domain.scoreboard import episode_reaches_back, scoreboard
    from leadwork.domain.window import choose_week
    from leadwork.store.dashboard import read_week
    from leadwork.weeks import week_range

    first, last = request.first, request.last
    indicators = definitions.indicators.indicators
    weeks = week_range(first, last)

    if any(episode_reaches_back(i, checkins, weeks) for i in indicators):
        seen = read_week(journal, last, today)
        stand, as_of, since = seen.shown.week, seen.shown.as_of, seen.since
        definitions, checkins, meetings = seen.definitions, seen.checkins, seen.one_on_ones
    else:
        stand, as_of, since = last, choose_week(last, today, None).as_of, first
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
