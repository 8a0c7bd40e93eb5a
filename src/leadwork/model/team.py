"""`team.toml`: the people you work with, and how often you meet them one-on-one."""

from __future__ import annotations

from pydantic import Field

from leadwork.model.common import Id, Name, Record, Text


class Person(Record):
    id: Id = Field(description="The person's id, used by every other file.")
    name: Name = Field(description="Their full name.")
    role: Name | None = Field(None, description="Their role.")
    cadence_days: int | None = Field(
        None, ge=1, le=365, description="A one-on-one every this many days; leave out if none."
    )
    note: Text | None = Field(None, description="Anything worth remembering.")


class Team(Record):
    people: list[Person] = Field(default_factory=list, description="One table per person.")
