"""Indicators agreed jointly in a one-on-one: a new one, or a change of target/thresholds
(or owner).

Pure: the proposed indicator or change and the journal's definitions in, the validated
model (or every problem with it, at once) out. The store appends what this accepts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from leadwork.domain.id_safety import checked_id, known_id
from leadwork.domain.status import (
    ORDER_HINT,
    agreed_thresholds,
    owner_for,
    threshold_order_problems,
    thresholds_for,
)
from leadwork.domain.team import has_joined, off_team
from leadwork.errors import Problem, UsageProblem
from leadwork.model.words import ME
from leadwork.values import format_value
from leadwork.weeks import Week

if TYPE_CHECKING:
    from pydantic import BaseModel

    from leadwork.domain.status import Thresholds
    from leadwork.model.indicators import Change, Indicator
    from leadwork.model.team import Person


M = TypeVar("M", bound="BaseModel")


def _validated(model: type[M], data: dict[str, Any]) -> M:
    from pydantic import ValidationError  # a writer's: the views describe, never validate

    try:
        return model(**data)
    except ValidationError as error:
        problems = []
        for item in error.errors(include_url=False):
            field = str(item["loc"][0]) if item["loc"] else None
            message = item["msg"].lower()
            if field is None:
                message = f"the values: {message}"
            problems.append(Problem(message, given=field))  # the CLI names the flag first
        raise UsageProblem(problems=problems) from None


def _collect(problems: list[Problem], check: Callable[[], object]) -> None:
    try:
        check()
    except UsageProblem as error:
        problems.extend(error.problems)


def _check_owner(problems: list[Problem], owner: str | None, people: set[str]) -> None:
    """An owner, of a new indicator or from a change on, is a person in team.toml or you
    ("me"), as `leadwork check` holds the file to it."""
    if owner not in (None, ME):
        _collect(problems, partial(known_id, owner, "person", people, "team.toml", "owner"))


def new_indicator(
    data: dict[str, Any],
    existing: list[Indicator],
    people: set[str],
    servable: set[str],
) -> Indicator:
    """`data` (Indicator fields) as a valid new indicator, or a UsageProblem."""
    problems: list[Problem] = []
    ident = checked_id(data.get("id", ""), "indicator")
    if any(ind.id == ident for ind in existing):
        raise UsageProblem(
            f"indicator '{ident}' already exists in indicators.toml",
            hint=f"to change its target or thresholds: leadwork indicator change {ident} ...",
        )
    _check_owner(problems, data.get("owner"), people)
    for who in data.get("agreed_with", []):
        _collect(problems, partial(known_id, who, "person", people, "team.toml", "agreed_with"))
    for target in data.get("serves", []):
        _collect(
            problems,
            partial(
                known_id,
                target,
                "capability or choice",
                servable,
                "capabilities.toml or strategy.toml",
                "serves",
            ),
        )
    if problems:
        raise UsageProblem(problems=problems)
    from leadwork.model.indicators import Indicator

    indicator = _validated(Indicator, data)
    _refuse_order(agreed_thresholds(indicator), "")
    return indicator


def new_change(
    indicator: Indicator, data: dict[str, Any], people: set[str], team: Sequence[Person] = ()
) -> Change:
    """`data` (Change fields) as a valid change of `indicator`, or a UsageProblem. `team`:
    the people of team.toml, so that a handover dated before the new owner joined, or after
    they left (`team.off_team`), is refused, as `leadwork check` warns of one."""
    if all(data.get(key) is None for key in CHANGED_KEYS):
        raise UsageProblem(
            f"nothing to change on {indicator.id}",
            hint="give a new target, celebrate or course_correct threshold, or a new owner "
            "(or several)",
        )
    since = data.get("since")
    if isinstance(since, dt.date):
        # a value equal to the one in effect that day is no change: left out of the change
        # written (and so of what is said of it), and refused when nothing else is left
        before = standing_before(indicator, since)
        same = [k for k in CHANGED_KEYS if data.get(k) is not None and data[k] == before[k]]
        if same and all(data.get(k) is None for k in CHANGED_KEYS if k not in same):
            held = ", ".join(
                f"{k.replace('_', '-')} {_said(k, before[k], indicator.unit)}" for k in same
            )
            raise UsageProblem(
                f"nothing to change: {indicator.id} already has {held} on {since}",
                hint="give a value that differs from the one in effect then",
            )
        data = {k: v for k, v in data.items() if k not in same}
    problems: list[Problem] = []
    _check_owner(problems, data.get("owner"), people)
    for who in data.get("agreed_with", []):
        _collect(problems, partial(known_id, who, "person", people, "team.toml", "agreed_with"))
    if problems:
        raise UsageProblem(problems=problems)
    from leadwork.model.indicators import Change

    change = _validated(Change, data)
    _check_handover(indicator, change, team)
    changed = indicator.model_copy(update={"changes": [*indicator.changes, change]})
    # The new thresholds must make sense from `since` on, including with every later change.
    for later in sorted(changed.changes, key=lambda c: c.since):
        if later.since < change.since:
            continue
        week = Week.of(later.since)
        when = (
            f"from {later.since} on, "
            if later is change
            else f"from {later.since} (a later change) on, "
        )
        _refuse_order(thresholds_for(changed, week), when)
    return change


def _refuse_order(thresholds: Thresholds, when: str) -> None:
    """Refuses thresholds on the wrong side of the target, each of them at once."""
    hint = ORDER_HINT[thresholds.direction]
    problems = [
        Problem(when + message, hint=hint) for _, message in threshold_order_problems(thresholds)
    ]
    if problems:
        raise UsageProblem(problems=problems)


def _check_handover(indicator: Indicator, change: Change, team: Sequence[Person]) -> None:
    """A handover to someone not on the team on `since` (`team.off_team`): refused."""
    person = next((p for p in team if p.id == change.owner), None)
    said = off_team(person, change.since) if person is not None else None
    if person is None or said is None:
        return
    if not has_joined(person, change.since):
        hint = f"hand it on from {person.joined_on} or later (or fix joined_on in team.toml)"
    else:
        hint = f"hand it to someone on the team on {change.since} (or fix left_on in team.toml)"
    raise UsageProblem(
        f"{indicator.id} cannot be handed to {person.id} from {change.since}, {said}",
        hint=hint,
        given="since",
    )


# What a change may set; absent (None) keeps the value before.
CHANGED_KEYS = ("target", "celebrate", "course_correct", "owner")


def standing_before(
    indicator: Indicator, since: dt.date, change: Change | None = None
) -> dict[str, Any]:
    """The target, thresholds and owner in effect for the week of `since` just before
    `change` (dated `since`) takes effect: with the changes dated earlier, and those of the
    same day above it in the file (of two on one day, the later in the file comes later:
    `status.changes_in_effect`). `change` None: one not written yet, after them all."""
    at = next((i for i, c in enumerate(indicator.changes) if c is change), None)
    earlier = indicator.model_copy(
        update={
            "changes": [
                c
                for i, c in enumerate(indicator.changes)
                if c.since < since or (c.since == since and (at is None or i < at))
            ]
        }
    )
    week = Week.of(since)
    before = thresholds_for(earlier, week)
    return {
        "target": before.target,
        "celebrate": before.celebrate,
        "course_correct": before.course_correct,
        "owner": owner_for(earlier, week),
    }


def changed_values(indicator: Indicator, change: Change) -> dict[str, tuple[Any, Any]]:
    """What `change` changes: for each key it sets to a value other than the one in effect
    before it (`standing_before`), (before, after). A hand-written change that repeats a
    value does not change it."""
    before = standing_before(indicator, change.since, change)
    found = {}
    for key in CHANGED_KEYS:
        new = getattr(change, key)
        if new is not None and new != before[key]:
            found[key] = (before[key], new)
    return found


def _said(key: str, value: Any, unit: str) -> str:
    if key == "owner":
        return str(value or "none")
    return format_value(value, unit)


def describe_change(indicator: Indicator, change: Change) -> str:
    """'target 2% → 2.5%, course-correct 3% → 2.8%, owner tom → grace': each threshold the
    change sets, and its owner, from what stood before it (`changed_values`: a value equal
    to the one before is no change, and is left out) to its new value, with the unit;
    owners as team ids, as the file has them; "no change" when it changes nothing. One
    wording for `indicator change`, the one-on-one, `indicator show` and the report."""
    parts = [
        f"{key.replace('_', '-')} {_said(key, old, indicator.unit)} → "
        f"{_said(key, new, indicator.unit)}"
        for key, (old, new) in changed_values(indicator, change).items()
    ]
    return ", ".join(parts) or NO_CHANGE


NO_CHANGE = "no change to the target, thresholds or owner"


@dataclass(frozen=True)
class Agreement:
    """What a one-on-one agreed about indicators: a new one, or a change to one."""

    indicator: Indicator  # the new indicator, or the one changed (as it was)
    change: Change | None = None  # None: `indicator` is new
