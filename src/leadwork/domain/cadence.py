"""When is each person's next one-on-one due? One rule, used by `one-on-one --due`, the
dashboard's coverage and "Needs you".

A one-on-one is due `cadence_days` after the last one. It is "due" from two days before
that date up to the date itself, and "overdue" after it. Someone with a cadence and no
one-on-one yet is due now. People without a cadence are not tracked.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from leadwork.plainclass import plainclass

DUE_SOON_DAYS = 2

# "left": someone who has left the team (`team.has_left`), shown only for the commitments
# of yours still open from their one-on-ones; `cadence` never gives it.
CadenceState = Literal["ok", "due", "overdue", "untracked", "left"]


@plainclass
class Cadence:
    person: str
    last: dt.date | None
    due_on: dt.date | None
    state: CadenceState
    days_overdue: int  # 0 unless overdue


def cadence(person: str, cadence_days: int | None, last: dt.date | None, today: dt.date) -> Cadence:
    if cadence_days is None:
        return Cadence(person, last, None, "untracked", 0)
    if last is None:
        return Cadence(person, None, today, "due", 0)
    due_on = last + dt.timedelta(days=cadence_days)
    if today > due_on:
        return Cadence(person, last, due_on, "overdue", (today - due_on).days)
    if today >= due_on - dt.timedelta(days=DUE_SOON_DAYS):
        return Cadence(person, last, due_on, "due", 0)
    return Cadence(person, last, due_on, "ok", 0)
