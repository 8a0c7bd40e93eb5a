"""Types shared by every file's model.

Every model is strict: TOML already has real numbers, dates and booleans, so a value in the
wrong type is a mistake to report, not to coerce (`"95"` is not silently read as 95).
Unknown keys are errors, so a typo never disappears quietly.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from leadwork.weeks import Week

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
ID_MAX = 40
TEXT_MAX = 10_000
NAME_MAX = 200


class Record(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        frozen=True,
        allow_inf_nan=False,
        validate_by_name=True,
        validate_by_alias=True,
        serialize_by_alias=True,
        use_attribute_docstrings=False,
        defer_build=True,
    )


Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=ID_MAX),
    Field(
        description="A short slug: lowercase letters, digits, '-' and '_'.",
        examples=["on-time-delivery"],
    ),
]
Name = Annotated[str, StringConstraints(min_length=1, max_length=NAME_MAX)]

ME = "me"
"""The leader: an indicator's or a capability's owner may be `"me"`, as a one-on-one's
commitment is `by = "me"`. A reserved id: no person in team.toml may have it."""
Text = Annotated[str, StringConstraints(max_length=TEXT_MAX)]


def _real_week(text: str) -> str:
    Week.parse(text)  # raises ValueError with a message that says what is wrong
    return text


WeekText = Annotated[
    str,
    AfterValidator(_real_week),
    Field(description="An ISO week, written YYYY-Www.", examples=["2026-W48"]),
]

Area = Literal["alignment", "capability", "accountability"]
AREAS: tuple[Area, ...] = ("alignment", "capability", "accountability")

Outcome = Literal["done", "carried", "dropped"]

Status = Literal["celebrate", "on-track", "at-risk", "course-correct", "no-data"]

Date = dt.date
