"""`leadwork reflect`: confidence per area and the challenges written, over a range."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt

    from leadwork.domain.reflect import Reflection
    from leadwork.store.journal import Journal
    from leadwork.weeks import Week


@dataclass(frozen=True)
class Request:
    first: Week | None = None  # None: the 13 weeks ending with the last
    # None: the week the dashboard stands on today (`window.range_ending`), as the report.
    last: Week | None = None
    signed: bool = False  # name the leader (from leadwork.toml), for a page to share


@dataclass(frozen=True)
class Result:
    reflection: Reflection
    who: str = ""  # "leader, title, organization" when signed
    doubtful: tuple[str, ...] = ()


def run(journal: Journal, request: Request, today: dt.date) -> Result:
    """Reads only the check-ins of the range (and leadwork.toml when signed)."""
    from leadwork.domain.reflect import reflect
    from leadwork.domain.window import range_ending
    from leadwork.store.dashboard import shown_week
    from leadwork.usecases.trust import doubtful_files
    from leadwork.weeks import week_range

    shown = shown_week(journal, request.last, today)  # the dashboard's week, by its rule
    weeks = week_range(*range_ending(shown, request.first))
    unchecked = shown.current if shown.is_fallback else None
    summary = reflect(weeks, journal.checkins(weeks), unchecked)
    who = ""
    if request.signed:  # read before the check, which names it if it is not valid
        config = journal.config()
        who = ", ".join(p for p in (config.leader, config.title, config.organization) if p)
    return Result(summary, who, doubtful_files(journal, today))
