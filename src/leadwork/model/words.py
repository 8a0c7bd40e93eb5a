"""The journal's fixed words and bounds, standard library only.

The models (`model/*.py`, pydantic) validate with them and the domain reasons with them;
kept apart so that a view reading plain records (`model/plain.py`) never imports pydantic
to learn what `"me"` or an area is.
"""

from __future__ import annotations

from typing import Literal

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
ID_MAX = 40
TEXT_MAX = 10_000
NAME_MAX = 200

ME = "me"
"""The leader: an indicator's or a capability's owner may be `"me"`, as a one-on-one's
commitment is `by = "me"`. A reserved id: no person in team.toml may have it."""

Area = Literal["alignment", "capability", "accountability"]
AREAS: tuple[Area, ...] = ("alignment", "capability", "accountability")

Outcome = Literal["done", "carried", "dropped"]

Status = Literal["celebrate", "on-track", "at-risk", "course-correct", "no-data"]

Side = Literal["me", "them"]

Direction = Literal["higher", "lower"]
ReadingCadence = Literal["weekly", "monthly", "quarterly"]

SignalSource = Literal["conversation", "story"]

HOURS_IN_WEEK = 168

# A check-in's [hours] and [reflection] keys, in the file's order: the fields of
# `model.checkin.TimeAudit` and `Reflection` (tests/test_checkin_rules.py holds them to the models),
# here so that a check-in that writes nothing never builds a model to learn them.
HOUR_AREAS: tuple[str, ...] = (
    "alignment",
    "capability",
    "accountability",
    "someone_elses_job",
    "other",
)
REFLECTION_KEYS: tuple[str, ...] = ("confident", "challenge", "note")

LEVEL_HELP = "1 = absent, 2 = emerging, 3 = working, 4 = strong, 5 = distinctive"

DEFAULT_CONVERSATION_KINDS = ("customer", "supplier", "partner", "analyst", "employee", "other")
CUSTOMER = "customer"  # the kind the customer-gap warning counts; off when not in the list
