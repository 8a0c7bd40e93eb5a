"""Organizational capability, as the dashboard sees it: each capability's level and its
target, how far its plan has come, which steps are overdue, and the worst status among the
indicators that serve it, all as of the day a view stands on. Pure.

A view of an earlier week or range sees each capability as it was at its end: a step done
after that day is open then (`step_done_by`, `step_overdue`), and the level is the one
reviewed last on or before it (`level_on`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Final

from leadwork.domain.status import worst
from leadwork.domain.timeline import live_on
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
    level: int | None  # as of the day the view stands on; None: not recorded (`level_on`)
    target: int
    steps_done: int
    steps_total: int
    overdue: tuple[OverdueStep, ...]
    indicators: tuple[str, ...]  # ids of the indicators that serve it
    worst_status: str | None  # None when no indicator serves it
    # Retired by the view's day (shown in its retirement week, `timeline.live_during`): its
    # plan as of the day before (`plan_day`), asked for nowhere
    retired_on: dt.date | None = None


def step_done_by(step: Step, as_of: dt.date) -> bool:
    """Done on or before `as_of`. A step marked `done = true` has no date: it counts as done
    whenever it is asked about."""
    if isinstance(step.done, dt.date):
        return step.done <= as_of
    return bool(step.done)


# Why a step's `done` may not be a day after today: `checkin --step-done` refuses one
# (`review.done_on`), and `check` warns of one written by hand (`done_later`).
DONE_ONCE_IT_IS: Final = "a step is marked done once it is"


def done_later(step: Step, today: dt.date) -> dt.date | None:
    """The day `step` is marked done, when it is after `today` (else None): a step is
    marked done once it is (`DONE_ONCE_IT_IS`), and every view counts it open until that
    day (`step_done_by`), overdue once its due date has passed."""
    done = step.done
    return done if isinstance(done, dt.date) and done > today else None


def plan_day(capability: Capability, as_of: dt.date) -> dt.date:
    """The day a capability's plan is seen as of, from a view of `as_of`: that day while it
    is live (`timeline.live_on`), else the day before its `retired_on` (format.md: "its
    steps as of the day before"). A retired plan is no longer worked on: none of its steps
    falls overdue or is done after that. Every view of a plan (`capability show`, the
    report) asks this; the check-in offers no step of a retired one (`review.open_steps`)."""
    if capability.retired_on is None or live_on(capability.retired_on, as_of):
        return as_of
    return capability.retired_on - dt.timedelta(days=1)


def step_overdue(step: Step, as_of: dt.date) -> bool:
    """Open on `as_of` and due before it (a step due today is not overdue yet). Every view
    that calls a step overdue asks this, as of the day it stands on."""
    return step.due is not None and step.due < as_of and not step_done_by(step, as_of)


@plainclass(frozen=True)
class LevelOn:
    """A capability's level on a day (`level_on`)."""

    level: int | None  # None: not recorded for that day
    # The first review after the day that set a level (its date and level), when one did:
    # the reason the file's level is not that day's. None: the file's level stood then.
    next_set: tuple[dt.date, int] | None = None


def level_on(
    level_now: int, reviews: Iterable[tuple[dt.date, int | None]], as_of: dt.date
) -> LevelOn:
    """The level a capability stood at on `as_of`, for every view of a week or a range.
    `capabilities.toml` keeps only its level now; a capability review (`reviews`: each
    one's date and the level it set, or None) records the level it set on its date. So the
    file's level, unless a review after `as_of` set one: then the level of the latest review
    on or before `as_of` that set one, and None (not recorded) when no review did, for the
    level before a capability's first review is written nowhere."""
    dated = sorted((day, level) for day, level in reviews if level is not None)
    later = [(day, level) for day, level in dated if day > as_of]
    if not later:
        return LevelOn(level_now)
    before = [level for day, level in dated if day <= as_of]
    return LevelOn(before[-1] if before else None, later[0])


def steps_done_by(steps: Iterable[Step], as_of: dt.date) -> int:
    """How many of `steps` were done on or before `as_of` (`step_done_by`)."""
    return sum(step_done_by(s, as_of) for s in steps)


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
    reviews: Iterable[tuple[dt.date, int | None]] = (),
) -> CapabilityView:
    """`serving`: ids of the indicators that serve it; `statuses`: this week's, by id;
    `reviews`: its capability reviews' dates and levels (`level_on`). A capability retired
    by `as_of` (still shown in its retirement week) as it stood the day before
    (`plan_day`)."""
    day = plan_day(capability, as_of)
    retired = capability.retired_on if day != as_of else None
    as_of = day
    return CapabilityView(
        id=capability.id,
        name=capability.name,
        kind=capability.kind,
        owner=capability.owner,
        level=level_on(capability.level, reviews, as_of).level,
        target=capability.target,
        steps_done=steps_done_by(capability.steps, as_of),
        steps_total=len(capability.steps),
        overdue=overdue_steps(capability, as_of),
        indicators=tuple(serving),
        worst_status=worst(statuses[i] for i in serving if i in statuses),
        retired_on=retired,
    )
