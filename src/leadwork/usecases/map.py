"""`leadwork map`: purpose -> strategic choices -> capabilities -> indicators, with status."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt

    from leadwork.domain.traceability import Chain
    from leadwork.store.journal import Journal


@dataclass(frozen=True)
class Request:
    pass  # the map has no options: it stands on the week the dashboard stands on


@dataclass(frozen=True)
class Result:
    chain: Chain
    doubtful: tuple[str, ...] = ()


def run(journal: Journal, request: Request, today: dt.date) -> Result:
    """Statuses are the dashboard's, as of the week it stands on; writes nothing."""
    from leadwork.domain.listing import indicator_views
    from leadwork.domain.traceability import chain
    from leadwork.store.dashboard import read_week
    from leadwork.usecases.trust import doubtful_files

    inputs = read_week(journal, None, today)
    doubtful = doubtful_files(journal, inputs.shown.today)
    views = indicator_views(
        inputs.definitions, inputs.checkins, inputs.one_on_ones, inputs.shown, inputs.since
    )
    d = inputs.definitions
    data = chain(
        d.strategy,
        d.capabilities,
        d.indicators,
        {v.indicator.id: v.track.now for v in views if v.active},
        inputs.shown.week,
        {v.indicator.id: v.due for v in views if v.active and v.due is not None},
        {v.indicator.id: held for v in views if v.active and (held := v.held) is not None},
        {v.indicator.id: gone for v in views if v.active and (gone := v.missing) is not None},
    )
    return Result(data, doubtful)
