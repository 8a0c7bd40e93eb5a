"""`indicators.toml`: leading indicators agreed with the people who own them."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from leadwork.model.common import Date, Id, Name, Record, Text

Direction = Literal["higher", "lower"]


class Change(Record):
    """A change of target or thresholds, agreed on a date; earlier weeks keep the old ones."""

    since: Date = Field(description="The day it took effect; it applies from that day's week.")
    target: float | None = None
    celebrate: float | None = None
    course_correct: float | None = None
    agreed_with: list[Id] = Field(default_factory=list)
    note: Text | None = None


class Indicator(Record):
    id: Id
    name: Name
    owner: Id | None = Field(None, description="Team id of the person who owns it.")
    agreed_with: list[Id] = Field(default_factory=list, description="Team ids it was agreed with.")
    agreed_on: Date | None = Field(None, description="When it was agreed.")
    serves: list[Id] = Field(
        default_factory=list, description="Capability or choice ids it serves."
    )
    unit: str = Field("", max_length=20, description="Shown after values: '%', 'days', 'h'.")
    direction: Direction = Field(description="'higher' or 'lower': which way is better.")
    target: float = Field(description="The value that counts as on track.")
    celebrate: float = Field(description="At or past this, celebrate.")
    course_correct: float = Field(description="Past this, course-correct.")
    retired_on: Date | None = Field(None, description="No longer tracked from this day on.")
    note: Text | None = None
    changes: list[Change] = Field(default_factory=list, description="Later changes of target.")


class Indicators(Record):
    indicators: list[Indicator] = Field(default_factory=list)
