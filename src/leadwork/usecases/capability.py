"""`leadwork capability list` and `capability show ID`: the capabilities and their plans."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, overload

if TYPE_CHECKING:
    import datetime as dt

    from leadwork.domain.listing import CapabilityView
    from leadwork.store.journal import Journal


@dataclass(frozen=True)
class ListRequest:
    owner: str | None = None  # a team id, or model.words.ME for the leader's own


@dataclass(frozen=True)
class ShowRequest:
    capability: str  # its id


@dataclass(frozen=True)
class Listed:
    views: list[CapabilityView]
    doubtful: tuple[str, ...] = ()


@dataclass(frozen=True)
class Shown:
    view: CapabilityView
    doubtful: tuple[str, ...] = ()


@overload
def run(journal: Journal, request: ListRequest, today: dt.date) -> Listed: ...
@overload
def run(journal: Journal, request: ShowRequest, today: dt.date) -> Shown: ...
def run(journal: Journal, request: ListRequest | ShowRequest, today: dt.date) -> Listed | Shown:
    """Reads the definitions and the capability reviews; writes nothing. An unknown id
    (or owner) is a usage problem that names the ids there are."""
    from leadwork.domain.lookup import find_by_id
    from leadwork.model.words import ME

    if isinstance(request, ShowRequest):
        find_by_id("capability", request.capability, journal.capabilities().capabilities)
        (view,), doubtful = _views(journal, today, request.capability)
        return Shown(view, doubtful)
    if request.owner not in (None, ME):  # a typo must not read as "nobody owns anything"
        find_by_id("person", request.owner, journal.team().people)
    views, doubtful = _views(journal, today)
    return Listed([v for v in views if request.owner in (None, v.capability.owner)], doubtful)


def _views(
    journal: Journal, today: dt.date, only: str | None = None
) -> tuple[list[CapabilityView], tuple[str, ...]]:
    from leadwork.domain.listing import capability_view
    from leadwork.domain.timeline import live_in
    from leadwork.usecases.trust import doubtful_files
    from leadwork.weeks import Week

    reviews: dict[str, list[tuple[dt.date, int | None, str]]] = {}
    for entry in journal.review_entries():
        if entry.rest.startswith("capability-"):
            review = journal.review(entry)
            assert review.kind == "capability"  # by its file name
            reviews.setdefault(review.capability, []).append((review.date, review.level, entry.rel))
    indicators = journal.indicators().indicators
    doubtful = doubtful_files(journal, today)
    views = [
        capability_view(cap, indicators, reviews.get(cap.id, []), today)
        for cap in journal.capabilities().capabilities
        # the list shows those live this week, as the dashboard; `show` any, retired or not
        if cap.id == only or (only is None and live_in(cap.retired_on, Week.of(today)))
    ]
    return views, doubtful
