"""`leadwork report`: a range of weeks (a quarter by default) as one report."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt

    from leadwork.domain.report import Report
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
    weeks = [w for w in journal.checkin_weeks() if earliest <= w <= last]
    # The journal's first record: no meeting is expected before it (a range may start earlier).
    kept = [w.monday for w in journal.checkin_weeks()] + [e.date for e in entries]
    data = build_report(
        definitions,
        journal.checkins(weeks),
        meetings,
        reviews,
        first,
        last,
        today,
        kept_since=min(kept, default=None),
    )
    return Result(data, first, last, doubtful_files(journal, today))
