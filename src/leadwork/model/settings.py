"""`leadwork.toml`: marks the journal's root; who keeps it and how the tool should judge."""

from __future__ import annotations

from pydantic import Field, field_validator

from leadwork.model.common import Id, Name, Record
from leadwork.model.words import DEFAULT_CONVERSATION_KINDS, NAME_MAX


class Settings(Record):
    time_warning_percent: int = Field(
        20,
        ge=0,
        le=100,
        description="Warn when more than this share (%) of a week's hours went to "
        "someone else's job.",
    )
    trend_weeks: int = Field(
        3,
        ge=2,
        le=13,
        description="Warn about a trend when an indicator moved the wrong way this many "
        "weeks in a row, even while it is still green.",
    )
    story_gap_weeks: int = Field(
        6, ge=1, le=52, description="Flag a strategic choice with no story for this many weeks."
    )
    customer_gap_weeks: int = Field(
        4,
        ge=1,
        le=52,
        description="Warn when no customer conversation was recorded for this many weeks.",
    )
    review_every_weeks: int = Field(
        13, ge=1, le=104, description="Review the strategy at least this often (weeks)."
    )
    conversation_kinds: list[Id] = Field(
        default_factory=lambda: list(DEFAULT_CONVERSATION_KINDS),
        min_length=1,
        max_length=40,
        description="The kinds of stakeholder a conversation's `with` may name, in the order "
        "the dashboard lists them. Without 'customer', no customer-gap warning.",
    )

    commit_prefix: str = Field(
        "",
        max_length=NAME_MAX,
        description="Put before the message of every commit `--commit` makes, as written "
        "(keep a trailing space): 'leadership: ' gives 'leadership: checkin 2026-W48'. For a "
        "journal kept inside a larger repository.",
    )

    @field_validator("conversation_kinds")
    @classmethod
    def _no_repeats(cls, kinds: list[str]) -> list[str]:
        repeated = sorted({kind for kind in kinds if kinds.count(kind) > 1})
        if repeated:
            raise ValueError(f"{', '.join(repeated)} is listed more than once")
        return kinds


class JournalConfig(Record):
    leader: Name = Field(description="Your name, as it heads the dashboard.")
    title: Name | None = Field(None, description="Your role, e.g. 'VP of Operations'.")
    organization: Name | None = Field(None, description="The organization you lead.")
    settings: Settings = Field(default_factory=Settings, description="How the tool judges.")
