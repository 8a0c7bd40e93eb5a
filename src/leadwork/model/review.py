"""`reviews/…`: one file per strategy review or capability review.

`leadwork review strategy` writes `reviews/YYYY-MM-DD-strategy.toml`, and `leadwork review
capability ID` writes `reviews/YYYY-MM-DD-capability-ID.toml`; the person may write or edit
them by hand too. A review never rewrites `strategy.toml`: "when was the strategy last
reviewed" is the later of `reviewed_on` there and the newest strategy review here.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, field_validator

from leadwork.model.common import Date, Id, Name, Record, Text, WeekText
from leadwork.model.words import SignalSource


class AnsweredSignal(Record):
    """A refresh signal from a check-in that the review answered.

    It is matched to the check-in by week and text (not by position), so reordering or
    adding conversations never points it at another one; if the text is edited later,
    `leadwork check` says the signal is no longer there.
    """

    week: WeekText = Field(description="The check-in week the signal was written in.")
    source: SignalSource = Field(description="'conversation' or 'story'.")
    who: Name | None = Field(None, description="Who it came from, as the check-in says.")
    text: Text = Field(description="The signal's text, exactly as in that check-in.")


class StrategyReview(Record):
    kind: Literal["strategy"] = Field(description="Always 'strategy' in this file.")
    date: Date = Field(
        description="The day of the review or co-creation session; as in the file name."
    )
    participants: list[Name] = Field(
        default_factory=list, description="Who took part: team ids or names."
    )
    signals: list[Text] = Field(
        default_factory=list,
        description="Refresh signals it answered that are not in the check-ins, in your words.",
    )
    changes: Text | None = Field(None, description="What changed (leave out if nothing did).")
    answered: list[AnsweredSignal] = Field(
        default_factory=list,
        description="Refresh signals from the check-ins it answered, one [[answered]] each.",
    )


class Feedback(Record):
    who: Name = Field(description="Who said it: a name, and their organization if outside.")
    side: Literal["inside", "outside"] = Field(
        description="'inside' the organization (staff, peers) or 'outside' (customers, "
        "suppliers, partners)."
    )
    text: Text = Field(description="What they said about the capability.")


class CapabilityReview(Record):
    kind: Literal["capability"] = Field(description="Always 'capability' in this file.")
    date: Date = Field(description="The day of the review; as in the file name.")
    capability: Id = Field(description="The capability's id in capabilities.toml.")
    level: int | None = Field(
        None, ge=1, le=5, description="The level it was re-assessed at (1 to 5)."
    )
    reason: Text | None = Field(None, description="Why that level: the evidence.")
    steps_done: list[Text | int] = Field(
        default_factory=list,
        description="Plan steps done since the last review: each step's text (`what`), "
        "which survives steps being added or reordered, or its 1-based position.",
    )
    feedback: list[Feedback] = Field(
        default_factory=list, description="What stakeholders inside and outside said."
    )

    @field_validator("steps_done", mode="before")
    @classmethod
    def _step_references(cls, value: Any) -> Any:
        """One clear message instead of one per member of the union."""
        if not isinstance(value, list):
            return value
        for number, item in enumerate(value, start=1):
            if isinstance(item, str):
                continue
            if isinstance(item, int) and not isinstance(item, bool) and 1 <= item <= 1000:
                continue
            shown = str(item).lower() if isinstance(item, bool) else repr(item)
            raise ValueError(
                f"entry {number} ({shown}) should be a step's text in quotes, or its "
                "position in the plan (1 for the first step)"
            )
        return value
