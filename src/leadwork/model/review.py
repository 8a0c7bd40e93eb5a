"""`reviews/…`: one file per strategy review or capability review."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from leadwork.model.common import Date, Id, Name, Record, Text


class StrategyReview(Record):
    kind: Literal["strategy"]
    date: Date
    participants: list[Name] = Field(default_factory=list)
    signals: list[Text] = Field(default_factory=list, description="Refresh signals it answered.")
    changes: Text | None = Field(None, description="What changed.")


class Feedback(Record):
    who: Name
    side: Literal["inside", "outside"]
    text: Text


class CapabilityReview(Record):
    kind: Literal["capability"]
    date: Date
    capability: Id
    level: int | None = Field(None, ge=1, le=5)
    reason: Text | None = None
    steps_done: list[int] = Field(default_factory=list)
    feedback: list[Feedback] = Field(default_factory=list)
