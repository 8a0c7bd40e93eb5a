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
    first: Week
    last: Week  # first <= last: the CLI has checked the range it was given
    signed: bool = False  # name the leader (from leadwork.toml), for a page to share


@dataclass(frozen=True)
class Result:
    reflection: Reflection
    who: str = ""  # "leader, title, organization" when signed
    doubtful: tuple[str, ...] = ()


def run(journal: Journal, request: Request, today: dt.date) -> Result:
    """Reads only the check-ins of the range (and leadwork.toml when signed)."""
    from leadwork.domain.reflect import reflect
    from leadwork.usecases.trust import doubtful_files
    from leadwork.weeks import week_range

    weeks = week_range(request.first, request.last)
    summary = reflect(weeks, journal.checkins(weeks))
    who = ""
    if request.signed:  # read before the check, which names it if it is not valid
        config = journal.config()
        who = ", ".join(p for p in (config.leader, config.title, config.organization) if p)
    return Result(summary, who, doubtful_files(journal, today))
