"""The off-track reading an episode goes on from while a month's (quarter's) reading is
due (`status.episode_held`), as every JSON view writes it: beside `value` and `status`,
which stay the current period's (null, "no-data"), never in their place."""

from __future__ import annotations

from typing import Any

from leadwork.domain.status import WeekStatus, reading_week


def held_json(held: WeekStatus | None) -> dict[str, Any] | None:
    """`{"period": "Nov 2026", "week": "2026-W48", "value": 84, "status": "at-risk"}`: the
    period the reading stands for, the week it was read in, its value and status; None when
    no episode goes on through a period awaiting its reading."""
    if held is None:
        return None
    return {
        "period": None if held.period is None else str(held.period),
        "week": str(reading_week(held)),
        "value": held.value,
        "status": held.status,
    }
