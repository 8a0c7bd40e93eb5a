"""`leadwork indicator list` and `indicator show ID`: the indicators as of a week."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, overload

if TYPE_CHECKING:
    import datetime as dt

    from leadwork.domain.scoreboard import IndicatorView
    from leadwork.store.journal import Journal
    from leadwork.weeks import Week


@dataclass(frozen=True)
class ListRequest:
    week: Week | None = None  # None: the week the journal stands on today
    owner: str | None = None  # a team id, or model.words.ME for the leader's own
    retired: bool = False  # retired indicators too


@dataclass(frozen=True)
class ShowRequest:
    indicator: str  # its id
    week: Week | None = None


@dataclass(frozen=True)
class Listed:
    seen_from: str  # the week the views stand on
    views: list[IndicatorView]
    doubtful: tuple[str, ...] = ()
    owner: str | None = None  # the owner asked for (`ListRequest.owner`): none listed is theirs


@dataclass(frozen=True)
class Shown:
    view: IndicatorView
    doubtful: tuple[str, ...] = ()


@overload
def run(journal: Journal, request: ListRequest, today: dt.date) -> Listed: ...
@overload
def run(journal: Journal, request: ShowRequest, today: dt.date) -> Shown: ...
def run(journal: Journal, request: ListRequest | ShowRequest, today: dt.date) -> Listed | Shown:
    """Reads the week as the dashboard does (`store.dashboard.read_week`); writes nothing.
    An unknown id (or owner) is a usage problem that names the ids there are."""
    from leadwork.domain.listing import indicator_views
    from leadwork.domain.lookup import find_by_id
    from leadwork.model.words import ME
    from leadwork.store.dashboard import read_week
    from leadwork.usecases.trust import doubtful_files

    if isinstance(request, ShowRequest):
        wanted = find_by_id("indicator", request.indicator, journal.indicators().indicators)
    elif request.owner not in (None, ME):  # a typo must not read as "nobody owns anything"
        find_by_id("person", request.owner, journal.team().people)
    inputs = read_week(journal, request.week, today)
    doubtful = doubtful_files(journal, inputs.shown.today)
    views = indicator_views(
        inputs.definitions, inputs.checkins, inputs.one_on_ones, inputs.shown, inputs.since
    )
    if isinstance(request, ShowRequest):
        return Shown(next(v for v in views if v.indicator.id == wanted.id), doubtful)
    views = [v for v in views if (v.active or request.retired) and request.owner in (None, v.owner)]
    return Listed(str(inputs.shown.week), views, doubtful, request.owner)
