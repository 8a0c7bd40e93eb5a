"""`indicators.toml`: leading indicators agreed with the people who own them."""

from __future__ import annotations

from pydantic import Field

from leadwork.model.common import Date, Id, Name, Record, Text
from leadwork.model.words import Direction, ReadingCadence


class Change(Record):
    """A change of target, thresholds or owner from a date on; earlier weeks keep the old ones."""

    # Resolved for a week by domain.status (`thresholds_for`, `owner_for`): one rule for both.

    since: Date = Field(description="The day it took effect; it applies from that day's week.")
    target: float | None = Field(None, description="The new target; absent keeps the one before.")
    celebrate: float | None = Field(
        None, description="The new celebrate threshold; absent keeps the one before."
    )
    course_correct: float | None = Field(
        None, description="The new course-correct threshold; absent keeps the one before."
    )
    owner: Id | None = Field(
        None,
        description='Team id of the person who owns it from then on, or "me" when you do; '
        "absent keeps the owner before.",
    )
    agreed_with: list[Id] = Field(
        default_factory=list, description="Team ids of the people who agreed the change."
    )
    note: Text | None = Field(None, description="Why it changed.")


class Indicator(Record):
    id: Id = Field(description="The indicator's id: check-ins record readings under it.")
    name: Name = Field(description="The indicator, as the dashboard shows it.")
    owner: Id | None = Field(
        None, description='Team id of the person who owns it, or "me" when you own it.'
    )
    agreed_with: list[Id] = Field(default_factory=list, description="Team ids it was agreed with.")
    agreed_on: Date | None = Field(None, description="When it was agreed.")
    serves: list[Id] = Field(
        default_factory=list, description="Capability or choice ids it serves."
    )
    unit: str = Field("", max_length=20, description="Shown after values: '%', 'days', 'h'.")
    direction: Direction = Field(description="'higher' or 'lower': which way is better.")
    cadence: ReadingCadence = Field(
        "weekly",
        description="How often it is read: 'weekly', 'monthly' or 'quarterly'. A reading "
        "stands for its week, month or quarter (a week belongs to the month of its Thursday).",
    )
    target: float = Field(description="The value that counts as on track.")
    celebrate: float = Field(description="At or past this, celebrate.")
    course_correct: float = Field(description="Past this, course-correct.")
    retired_on: Date | None = Field(None, description="No longer tracked from this day on.")
    note: Text | None = Field(None, description="How it is measured, why these thresholds.")
    changes: list[Change] = Field(
        default_factory=list, description="Later changes of target, thresholds or owner."
    )


class Indicators(Record):
    indicators: list[Indicator] = Field(
        default_factory=list, description="One table per indicator."
    )
