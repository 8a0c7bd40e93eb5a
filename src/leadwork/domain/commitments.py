"""The commitments loop: made in week N, followed up in week N+1, carried or not.

A commitment's `carried` count says how many times it has been carried over; three or
more is a pattern worth naming.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

CARRIED_TOO_OFTEN = 3


@dataclass(frozen=True)
class DoneRate:
    done: int
    carried: int
    dropped: int

    @property
    def total(self) -> int:
        return self.done + self.carried + self.dropped

    @property
    def rate(self) -> float | None:
        """Share done, 0..1; None when there was nothing to follow up."""
        return self.done / self.total if self.total else None


def done_rate(outcomes: Iterable[str]) -> DoneRate:
    """From the outcomes recorded for last week's commitments ("done", "carried", "dropped")."""
    outcomes = list(outcomes)
    return DoneRate(outcomes.count("done"), outcomes.count("carried"), outcomes.count("dropped"))


def carried_too_often(carried: int) -> bool:
    return carried >= CARRIED_TOO_OFTEN
