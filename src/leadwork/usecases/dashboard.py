"""`leadwork dashboard`: one week of the whole journal, as the dashboard shows it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt

    from leadwork.domain.dashboard import Dashboard
    from leadwork.store.journal import Journal
    from leadwork.weeks import Week


@dataclass(frozen=True)
class Request:
    week: Week | None = None  # None: the week the journal stands on today


@dataclass(frozen=True)
class Result:
    dashboard: Dashboard
    doubtful: tuple[str, ...] = ()  # files read that `check` would name


def run(journal: Journal, request: Request, today: dt.date) -> Result:
    """Reads only what the week needs (`store.dashboard.read_week`); writes nothing."""
    from leadwork.domain.dashboard import build_dashboard
    from leadwork.store.dashboard import read_week
    from leadwork.usecases.trust import doubtful_files

    inputs = read_week(journal, request.week, today)
    doubtful = doubtful_files(journal, inputs.shown.today)
    shown = inputs.shown
    view = build_dashboard(
        inputs.definitions,
        inputs.checkins,
        inputs.one_on_ones,
        inputs.reviews,
        shown.week,
        shown.today,
        shown=shown,
        since=inputs.since,
        began=inputs.began,
    )
    return Result(view, doubtful)
