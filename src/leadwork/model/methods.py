"""The few methods a file's record has, written once for its model (`model/*.py`) and for
its plain form (`model/plain.py`): each is a mixin of both. Standard library only."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING


class StepMethods:
    __slots__ = ()
    if TYPE_CHECKING:
        done: dt.date | bool

    @property
    def is_done(self) -> bool:
        return self.done is not False


class TimeAuditMethods:
    __slots__ = ()

    @property
    def total(self) -> float:
        """The hours given, summed (a record's attributes are its fields: extra keys are
        refused when the file is read)."""
        hours: list[float] = [v for v in vars(self).values() if v is not None]
        return sum(hours)


# Which mixin a model has, by the model's name (its plain form is made from that name).
METHODS: dict[str, type] = {
    "leadwork.model.capabilities.Step": StepMethods,
    "leadwork.model.checkin.TimeAudit": TimeAuditMethods,
}
