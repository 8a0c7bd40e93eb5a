"""`leadwork indicator export`: every reading in a range of weeks, a row each (week,
indicator, value, unit, status), the status judged as the dashboard judges it
(`domain/readings_csv.export_rows`). Reads only; `indicator import` reads the rows back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt

    from leadwork.domain.readings_csv import Reading
    from leadwork.store.journal import Journal
    from leadwork.weeks import Week


@dataclass(frozen=True)
class ExportRequest:
    first: Week | None  # None: from the first week with a check-in
    last: Week  # first <= last: the CLI has checked the range it was given


@dataclass(frozen=True)
class Exported:
    rows: tuple[Reading, ...]  # by week, then in indicators.toml's order
    doubtful: tuple[str, ...] = ()


def run(journal: Journal, request: ExportRequest, today: dt.date) -> Exported:
    """Reads the definitions and the check-ins of the range; writes nothing."""
    from leadwork.domain.readings_csv import export_rows
    from leadwork.usecases.trust import doubtful_files

    first, last = request.first, request.last
    indicators = journal.indicators().indicators
    weeks = [w for w in journal.checkin_weeks() if (first is None or w >= first) and w <= last]
    rows = export_rows(indicators, journal.checkins(weeks), first, last)
    return Exported(tuple(rows), doubtful_files(journal, today))
