"""`one-on-ones/YYYY-MM-DD-PERSON.toml`: one meeting that went beyond updates."""

from __future__ import annotations

from pydantic import Field

from leadwork.model.common import Date, Id, Record, Text
from leadwork.model.words import Outcome, Side, Status


class Plan(Record):
    indicator: Id = Field(description="The indicator's id in indicators.toml.")
    status: Status | None = Field(None, description="The indicator's status at the meeting.")
    plan: Text | None = Field(None, description="The plan to get back on track; absent = none yet.")


class MeetingCommitment(Record):
    by: Side = Field(description="'me' (you) or 'them' (the person).")
    text: Text = Field(description="The commitment.")
    due: Date | None = Field(None, description="When it is due.")
    carried: int = Field(0, ge=0, le=1000, description="How many times it was carried over.")


class MeetingFollowUp(Record):
    by: Side = Field(description="Whose commitment it was: 'me' or 'them'.")
    text: Text = Field(description="The commitment, as it was written.")
    outcome: Outcome = Field(description="'done', 'carried' or 'dropped'.")


class OneOnOne(Record):
    person: Id = Field(description="Team id of the person you met; as in the file name.")
    date: Date = Field(description="The day you met; as in the file name.")
    progress: Text | None = Field(None, description="How they are progressing, in their words.")
    celebrate: Text | None = Field(None, description="What is worth celebrating.")
    note: Text | None = Field(None, description="Your own note on the meeting.")
    plans: list[Plan] = Field(
        default_factory=list, description="Plans to get back on track, one per indicator."
    )
    last_time: list[MeetingFollowUp] = Field(
        default_factory=list, description="What became of the last meeting's commitments."
    )
    commitments: list[MeetingCommitment] = Field(
        default_factory=list, description="What each of you commits to before the next one."
    )
