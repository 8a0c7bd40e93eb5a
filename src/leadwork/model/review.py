"""`reviews/…`: one file per strategy review or capability review."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from leadwork.model.common import Date, Id, Name, Record, Text


class StrategyReview(Record):
    kind: Literal["strategy"] = Field(description="Always 'strategy' in this file.")
    date: Date = Field(description="The day of the review; as in the file name.")
    participants: list[Name] = Field(
        default_factory=list, description="Who took part: names or team ids."
    )
    signals: list[Text] = Field(default_factory=list, description="Refresh signals it answered.")
    changes: Text | None = Field(None, description="What changed.")


class Feedback(Record):
    who: Name = Field(description="Who said it.")
    side: Literal["inside", "outside"] = Field(description="Inside or outside the organization.")
    text: Text = Field(description="What they said.")


class CapabilityReview(Record):
    kind: Literal["capability"] = Field(description="Always 'capability' in this file.")
    date: Date = Field(description="The day of the review; as in the file name.")
    capability: Id = Field(description="The capability reviewed, by its id.")
    level: int | None = Field(None, ge=1, le=5, description="The level you judged it at, 1 to 5.")
    reason: Text | None = Field(None, description="Why that level: the evidence.")
    steps_done: list[int] = Field(
        default_factory=list, description="Plan steps done at the review, by number from 1."
    )
    feedback: list[Feedback] = Field(
        default_factory=list, description="What people inside and outside said."
    )
