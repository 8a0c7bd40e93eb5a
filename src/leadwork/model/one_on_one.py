"""`one-on-ones/YYYY-MM-DD-PERSON.toml`: one meeting that went beyond updates."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from leadwork.model.common import Date, Id, Outcome, Record, Status, Text

Side = Literal["me", "them"]


class Plan(Record):
    indicator: Id
    status: Status | None = Field(None, description="The indicator's status at the meeting.")
    plan: Text | None = Field(None, description="The plan to get back on track; absent = none yet.")


class MeetingCommitment(Record):
    by: Side = Field(description="'me' (you) or 'them' (the person).")
    text: Text
    due: Date | None = None
    carried: int = Field(0, ge=0, le=1000)


class MeetingFollowUp(Record):
    by: Side
    text: Text
    outcome: Outcome


class OneOnOne(Record):
    person: Id
    date: Date
    progress: Text | None = Field(None, description="How they are progressing, in their words.")
    celebrate: Text | None = None
    note: Text | None = None
    plans: list[Plan] = Field(default_factory=list)
    last_time: list[MeetingFollowUp] = Field(default_factory=list)
    commitments: list[MeetingCommitment] = Field(default_factory=list)
