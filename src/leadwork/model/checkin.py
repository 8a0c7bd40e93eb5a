"""`checkins/YYYY-Www.toml`: one ISO week of the leader's own work."""

from __future__ import annotations

from pydantic import Field, model_validator

from leadwork.model.common import Date, Id, Name, Record, Text, WeekText
from leadwork.model.methods import TimeAuditMethods
from leadwork.model.words import HOURS_IN_WEEK, Outcome
from leadwork.values import format_number

Hours = float


class TimeAudit(Record, TimeAuditMethods):
    alignment: float | None = Field(
        None, ge=0, le=HOURS_IN_WEEK, description="Hours on customers, purpose, strategy, stories."
    )
    capability: float | None = Field(
        None, ge=0, le=HOURS_IN_WEEK, description="Hours on building capabilities."
    )
    accountability: float | None = Field(
        None, ge=0, le=HOURS_IN_WEEK, description="Hours on one-on-ones, indicators, plans."
    )
    someone_elses_job: float | None = Field(
        None, ge=0, le=HOURS_IN_WEEK, description="Work that belongs to the people you lead."
    )
    other: float | None = Field(
        None, ge=0, le=HOURS_IN_WEEK, description="Everything else: admin, travel, email."
    )

    @model_validator(mode="after")
    def _fits_in_a_week(self) -> TimeAudit:
        if self.total > HOURS_IN_WEEK:
            raise ValueError(
                f"the hours add up to {format_number(self.total)}, more than the 168 in a week"
            )
        return self


class Confidence(Record):
    alignment: int | None = Field(None, ge=1, le=5, description="1 (not at all) to 5 (fully).")
    capability: int | None = Field(None, ge=1, le=5, description="1 (not at all) to 5 (fully).")
    accountability: int | None = Field(None, ge=1, le=5, description="1 (not at all) to 5 (fully).")


class Reflection(Record):
    confident: Text | None = Field(None, description="Where you felt most confident.")
    challenge: Text | None = Field(None, description="Your biggest challenge.")
    note: Text | None = Field(None, description="Anything else about the week.")


class FollowUp(Record):
    """What became of one of last week's commitments."""

    text: Text = Field(description="The commitment, as it was written.")
    outcome: Outcome = Field(description="'done', 'carried' or 'dropped'.")


class Commitment(Record):
    text: Text = Field(description="What you commit to for the week ahead.")
    carried: int = Field(0, ge=0, le=1000, description="How many times it was carried over.")


class Story(Record):
    text: Text = Field(description="What happened.")
    who: Name | None = Field(None, description="A team id, or anyone's name.")
    choice: Id | None = Field(None, description="The strategic choice it lived, or 'purpose'.")
    date: Date | None = Field(None, description="When it happened.")
    refresh: bool = Field(
        False, description="Does it signal the strategy needs a refresh? (like a conversation's)"
    )


class Conversation(Record):
    with_: Id = Field(
        alias="with",
        description="Who you talked with, by kind: one of `conversation_kinds` in leadwork.toml.",
    )
    who: Name | None = Field(None, description="Name or organization.")
    text: Text = Field(description="What you heard.")
    refresh: bool = Field(False, description="Does it signal the strategy needs a refresh?")


class OwnPlan(Record):
    """Your own plan to get back on track, for an indicator you own (`owner = "me"`): the
    plans of the people you lead are recorded in their one-on-ones."""

    indicator: Id = Field(description="The indicator's id in indicators.toml.")
    plan: Text = Field(description="The plan to get back on track.")


class Checkin(Record):
    week: WeekText
    readings: dict[Id, float] = Field(
        default_factory=dict, description="Indicator id = this week's value."
    )
    hours: TimeAudit | None = Field(None, description="The time audit: hours by area.")
    confidence: Confidence | None = Field(None, description="Confidence in each area, 1 to 5.")
    reflection: Reflection | None = Field(None, description="A few lines on the week.")
    last_week: list[FollowUp] = Field(
        default_factory=list, description="What became of last week's commitments."
    )
    commitments: list[Commitment] = Field(
        default_factory=list, description="Commitments for the week ahead."
    )
    plans: list[OwnPlan] = Field(
        default_factory=list,
        description="Your plans to get back on track, for indicators you own.",
    )
    stories: list[Story] = Field(
        default_factory=list, description="Stories of people living the purpose or a choice."
    )
    conversations: list[Conversation] = Field(
        default_factory=list, description="Conversations with customers, suppliers, others."
    )
