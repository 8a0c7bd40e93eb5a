"""`strategy.toml`: the purpose and the strategic choices, co-created with the people you lead."""

from __future__ import annotations

from pydantic import Field

from leadwork.model.common import Date, Id, Name, Record, Text


class Choice(Record):
    id: Id = Field(description="The choice's id, used by capabilities, indicators, stories.")
    statement: Text = Field(description="The strategic choice, in one or two sentences.")
    retired_on: Date | None = Field(
        None, description="Dropped from this day on; its past stories keep their meaning."
    )


class Strategy(Record):
    purpose: Text = Field("", description="Why the organization exists, in a sentence or two.")
    co_created_with: list[Name] = Field(
        default_factory=list, description="Who shaped it with you: team ids or names."
    )
    co_created_on: Date | None = Field(None, description="When it was agreed.")
    reviewed_on: Date | None = Field(
        None, description="When it was last reviewed (records in reviews/ count too)."
    )
    choices: list[Choice] = Field(default_factory=list, description="The strategic choices.")
