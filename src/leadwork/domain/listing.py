"""What `indicator list|show` and `capability list|show` say: pure, data and today in.

Statuses come from the status engine (`domain.status`): each week is judged against the
thresholds in effect that week, and the trend rule is the dashboard's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from leadwork.domain.capability import plan_day, step_done_by, step_overdue
from leadwork.domain.scoreboard import IndicatorView, judge_indicator, plan_records
from leadwork.domain.status import (
    COURSE_CORRECT,
    PlanRecord,
)
from leadwork.domain.timeline import span_of
from leadwork.domain.window import ShownWeek
from leadwork.plainclass import plainclass
from leadwork.weeks import Week

if TYPE_CHECKING:
    from leadwork.model.capabilities import Capability, Step
    from leadwork.model.checkin import Checkin
    from leadwork.model.indicators import Indicator
    from leadwork.model.journal import Definitions
    from leadwork.model.one_on_one import OneOnOne
    from leadwork.model.settings import Settings


def indicator_view(
    indicator: Indicator,
    week: Week,
    checkins: Mapping[Week, Checkin],
    settings: Settings,
    plans: Iterable[PlanRecord] = (),
    as_of: dt.date | None = None,
    since: Week | None = None,
) -> IndicatorView:
    """`checkins` must cover `window.reading_weeks_needed(week, ...)`."""
    as_of = as_of if as_of is not None else week.sunday
    return IndicatorView(
        indicator,
        week,
        judge_indicator(indicator, checkins, week, settings, plans, as_of, since=since),
        settings.trend_weeks,
    )


def indicator_views(
    definitions: Definitions,
    checkins: Mapping[Week, Checkin],
    meetings: Sequence[OneOnOne],
    shown: ShownWeek,
    since: Week | None = None,
) -> list[IndicatorView]:
    """Every indicator, retired or not yet agreed too, as of the week the view stands on
    (the dashboard's: `store.dashboard.read_week` reads the same files for both)."""
    plans = plan_records((m for m in meetings if m.date <= shown.as_of), checkins)
    settings = definitions.config.settings
    return [
        indicator_view(ind, shown.week, checkins, settings, plans, shown.as_of, since)
        for ind in definitions.indicators.indicators
    ]


def is_course_correct(view: IndicatorView) -> bool:
    return view.history[-1].status == COURSE_CORRECT if view.history else False


@plainclass(frozen=True)
class StepView:
    number: int  # 1-based, as reviews refer to steps
    step: Step
    overdue: bool
    done: bool = False  # by the day shown (`capability.step_done_by`)


@plainclass(frozen=True)
class CapabilityView:
    capability: Capability
    steps: list[StepView]
    indicators: list[Indicator]  # the indicators that serve it
    reviews: list[tuple[dt.date, int | None, str]]  # (date, level set, file), oldest first

    @property
    def steps_done(self) -> int:
        return sum(1 for s in self.steps if s.done)

    @property
    def overdue(self) -> list[StepView]:
        return [s for s in self.steps if s.overdue]

    @property
    def next_step(self) -> StepView | None:
        """The open step due first (steps without a date come after dated ones)."""
        open_steps = [s for s in self.steps if not s.done]
        if not open_steps:
            return None
        return min(open_steps, key=lambda s: (s.step.due is None, s.step.due or dt.date.max))


def capability_view(
    capability: Capability,
    indicators: list[Indicator],
    reviews: list[tuple[dt.date, int | None, str]],
    today: dt.date,
) -> CapabilityView:
    day = plan_day(capability, today)  # a retired one's steps as of its last day
    steps = [
        StepView(
            number,
            step,
            overdue=step_overdue(step, day),
            done=step_done_by(step, day),
        )
        for number, step in enumerate(capability.steps, start=1)
    ]
    # the indicators tracked as of today (`timeline.span_of`), as the dashboard's row: not
    # one retired, nor one not agreed yet (trial 20: a retired one was listed here)
    week = Week.of(today)
    serving = [i for i in indicators if capability.id in i.serves and week in span_of(i, [])]
    return CapabilityView(capability, steps, serving, sorted(reviews))
