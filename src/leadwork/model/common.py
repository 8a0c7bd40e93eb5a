"""Types shared by every file's model.

Every model is strict: TOML already has real numbers, dates and booleans, so a value in the
wrong type is a mistake to report, not to coerce (`"95"` is not silently read as 95).
Unknown keys are errors, so a typo never disappears quietly.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from leadwork.model.words import ID_MAX, ID_PATTERN, NAME_MAX, TEXT_MAX
from leadwork.weeks import Week


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

Text = Annotated[str, StringConstraints(max_length=TEXT_MAX)]


def _real_week(text: str) -> str:
    Week.parse(text)  # raises ValueError with a message that says what is wrong
    return text


WeekText = Annotated[
    str,
    AfterValidator(_real_week),
    Field(description="An ISO week, written YYYY-Www.", examples=["2026-W48"]),
]


Date = dt.date
