"""`capabilities.toml`: the capabilities the strategy needs, and the plan to build each."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from leadwork.model.common import Date, Id, Name, Record, Text
from leadwork.model.methods import StepMethods
from leadwork.model.words import LEVEL_HELP


class Step(Record, StepMethods):
    what: Text = Field(description="What will be done.")
    due: Date | None = Field(None, description="When it is due.")
    done: Date | bool = Field(
        False, description="When it was done (a date), or true; leave it out while open."
    )


class Capability(Record):
    id: Id = Field(description="The capability's id; it must differ from every choice's id.")
    name: Name = Field(description="The capability, e.g. 'High-quality manufacturing at scale'.")
    kind: Literal["organizational", "individual"] = Field(
        description="'organizational' (the organization can do it) or 'individual' (people can)."
    )
    serves: list[Id] = Field(
        default_factory=list, description="Ids of the strategic choices it serves."
    )
    owner: Id | None = Field(
        None, description='Team id of the person who owns the plan, or "me" when you do.'
    )
    level: int = Field(ge=1, le=5, description=f"Where it stands now: {LEVEL_HELP}.")
    target: int = Field(ge=1, le=5, description="The level the strategy needs.")
    note: Text | None = Field(None, description="Anything worth remembering about it.")
    retired_on: Date | None = Field(
        None, description="No longer built from this day on; its past records keep their meaning."
    )
    steps: list[Step] = Field(
        default_factory=list, description="The plan to develop it, in order; numbered from 1."
    )


class Capabilities(Record):
    capabilities: list[Capability] = Field(
        default_factory=list, description="One table per capability the strategy needs."
    )
