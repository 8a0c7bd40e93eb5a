"""`checkins/YYYY-Www.toml`: one ISO week of the leader's own work."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from leadwork.model.common import Date, Id, Name, Outcome, Record, Text, WeekText

ConversationKind = Literal["customer", "supplier", "partner", "analyst", "employee", "other"]
CONVERSATION_KINDS: tuple[str, ...] = ConversationKind.__args__  # type: ignore[attr-defined]

HOURS_IN_WEEK = 168
Hours = float


class TimeAudit(Record):
    alignment: float | None = Field(None, ge=0, le=HOURS_IN_WEEK)
    capability: float | None = Field(None, ge=0, le=HOURS_IN_WEEK)
    accountability: float | None = Field(None, ge=0, le=HOURS_IN_WEEK)
    someone_elses_job: float | None = Field(
        None, ge=0, le=HOURS_IN_WEEK, description="Work that belongs to the people you lead."
    )
    other: float | None = Field(None, ge=0, le=HOURS_IN_WEEK)

    @model_validator(mode="after")
    def _fits_in_a_week(self) -> TimeAudit:
        if self.total > HOURS_IN_WEEK:
            raise ValueError(f"the hours add up to {self.total:g}, more than the 168 in a week")
        return self

    @property
    def total(self) -> float:
        return sum(v for v in self.model_dump().values() if v is not None)


class Confidence(Record):
    alignment: int | None = Field(None, ge=1, le=5)
    capability: int | None = Field(None, ge=1, le=5)
    accountability: int | None = Field(None, ge=1, le=5)


class Reflection(Record):
    confident: Text | None = Field(None, description="Where you felt most confident.")
    challenge: Text | None = Field(None, description="Your biggest challenge.")
    note: Text | None = None


class FollowUp(Record):
    """What became of one of last week's commitments."""

    text: Text
    outcome: Outcome


class Commitment(Record):
    text: Text
    carried: int = Field(0, ge=0, le=1000, description="How many times it was carried over.")


class Story(Record):
    text: Text
    who: Name | None = Field(None, description="A team id, or anyone's name.")
    choice: Id | None = Field(None, description="The strategic choice it lived, or 'purpose'.")
    date: Date | None = None
    refresh: bool = Field(
        False, description="Does it signal the strategy needs a refresh? (like a conversation's)"
    )


class Conversation(Record):
    with_: ConversationKind = Field(alias="with", description="Who you talked with, by kind.")
    who: Name | None = Field(None, description="Name or organization.")
    text: Text = Field(description="What you heard.")
    refresh: bool = Field(False, description="Does it signal the strategy needs a refresh?")


class Checkin(Record):
    week: WeekText
    readings: dict[Id, float] = Field(
        default_factory=dict, description="Indicator id = this week's value."
    )
    hours: TimeAudit | None = None
    confidence: Confidence | None = None
    reflection: Reflection | None = None
    last_week: list[FollowUp] = Field(default_factory=list)
    commitments: list[Commitment] = Field(default_factory=list)
    stories: list[Story] = Field(default_factory=list)
    conversations: list[Conversation] = Field(default_factory=list)
