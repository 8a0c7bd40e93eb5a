"""`team.toml`: the people you work with, and how often you meet them one-on-one."""

from __future__ import annotations

from pydantic import Field

from leadwork.model.common import Date, Id, Name, Record, Text


class Person(Record):
    id: Id = Field(description="The person's id, used by every other file.")
    name: Name = Field(description="Their full name.")
    role: Name | None = Field(None, description="Their role.")
    cadence_days: int | None = Field(
        None, ge=1, le=365, description="A one-on-one every this many days; leave out if none."
    )
    note: Text | None = Field(None, description="Anything worth remembering.")
    joined_on: Date | None = Field(
        None,
        description="The day they joined the team: before it no one-on-one with them is "
        "expected or recorded. Leave out for someone on the team since the journal began.",
    )
    left_on: Date | None = Field(
        None,
        description="The day they left the team: from it on there are no one-on-ones with "
        "them to expect or record, and their own open one-on-one commitments close (yours "
        "stay open until you follow them up). Keep them here: past files still name them.",
    )


class Team(Record):
    people: list[Person] = Field(default_factory=list, description="One table per person.")
