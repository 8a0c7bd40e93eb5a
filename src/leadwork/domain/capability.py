"""Organizational capability, as the dashboard sees it: each capability's level now and
its target, how far its plan has come, which steps are overdue, and the worst status
among the indicators that serve it. Pure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from leadwork.domain.status import worst
from leadwork.plainclass import plainclass

if TYPE_CHECKING:
    from leadwork.model.capabilities import Capability, Step


@plainclass
class OverdueStep:
    number: int  # 1-based, in the file's order, as people say "step 2"
    what: str
    due: dt.date
    days_overdue: int


@plainclass
class CapabilityView:
    id: str
    name: str
    kind: str
    owner: str | None
    level: int
    target: int
    steps_done: int
    steps_total: int
    overdue: tuple[OverdueStep, ...]
    indicators: tuple[str, ...]  # ids of the indicators that serve it
    worst_status: str | None  # None when no indicator serves it


def step_done_by(step: Step, as_of: dt.date) -> bool:
    """Done on or before `as_of`. A step marked `done = true` has no date: it counts as done
    whenever it is asked about."""
    if isinstance(step.done, dt.date):
        return step.done <= as_of
    return bool(step.done)


def step_overdue(step: Step, as_of: dt.date) -> bool:
    """Open on `as_of` and due before it (a step due today is not overdue yet). Every view
    that calls a step overdue asks this, as of the day it stands on."""
    return step.due is not None and step.due < as_of and not step_done_by(step, as_of)


def overdue_steps(capability: Capability, as_of: dt.date) -> tuple[OverdueStep, ...]:
    """Open steps whose due date has passed (`step_overdue`)."""
    return tuple(
        OverdueStep(number, step.what, step.due, (as_of - step.due).days)
        for number, step in enumerate(capability.steps, start=1)
        if step.due is not None and step_overdue(step, as_of)
    )


def capability_view(
    capability: Capability,
    as_of: dt.date,
    serving: Sequence[str],
    statuses: Mapping[str, str],
) -> CapabilityView:
    """`serving`: ids of the indicators that serve it; `statuses`: this week's, by id."""
    return CapabilityView(
        id=capability.id,
        name=capability.name,
        kind=capability.kind,
        owner=capability.owner,
        level=capability.level,
        target=capability.target,
        steps_done=sum(step_done_by(s, as_of) for s in capability.steps),
        steps_total=len(capability.steps),
        overdue=overdue_steps(capability, as_of),
        indicators=tuple(serving),
        worst_status=worst(statuses[i] for i in serving if i in statuses),
    )
