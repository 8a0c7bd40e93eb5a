"""`leadwork commitments`: every open commitment, weekly and one-on-one, with due dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from leadwork.domain.commitment_list import ListedCommitment
    from leadwork.store.journal import Journal


@dataclass(frozen=True)
class Request:
    pass  # every open commitment; the listing has no filter yet


@dataclass(frozen=True)
class Result:
    commitments: list[ListedCommitment]  # overdue first, then by due date
    today: dt.date  # what "overdue" and "due in" are measured from
    doubtful: tuple[str, ...] = ()


def run(journal: Journal, request: Request, today: dt.date) -> Result:
    """The store finds the records, the domain lists (`domain/commitment_list.py`)."""
    from leadwork.domain.commitment_list import all_open_commitments
    from leadwork.store.follow_ups import open_weekly_commitments
    from leadwork.store.one_on_ones import meetings_to_follow_up
    from leadwork.usecases.trust import doubtful_files

    people = journal.team().people
    items = all_open_commitments(
        open_weekly_commitments(journal, today),
        meetings_to_follow_up(journal, [p.id for p in people], today),
        people,
        today,
    )
    return Result(items, today, doubtful_files(journal, today))
