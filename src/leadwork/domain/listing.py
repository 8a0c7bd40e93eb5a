"""What `indicator list|show` and `capability list|show` say: pure, data and today in.

Statuses come from the status engine (`domain.status`): each week is judged against the
thresholds in effect that week, and the trend rule is the dashboard's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from leadwork.domain.status import (
    COURSE_CORRECT,
    Thresholds,
    WeekStatus,
    course_correct_run,
    is_active,
    judge_weeks,
    thresholds_for,
    trend_warning,
)
from leadwork.domain.weeks import SHOWN_WEEKS, Week, last_weeks
from leadwork.model.capabilities import Capability, Step
from leadwork.model.checkin import Checkin
from leadwork.model.indicators import Indicator


@dataclass(frozen=True)
class IndicatorView:
    indicator: Indicator
    week: Week  # the week it is seen from
    thresholds: Thresholds  # in effect that week
    history: list[WeekStatus]  # the SHOWN_WEEKS weeks ending with `week`, oldest first
    trend_warning: bool
    course_correct_weeks: int  # weeks in a row in course-correct, ending with `week`
    active: bool

    @property
    def latest(self) -> WeekStatus | None:
        """The most recent week in the window that has a reading."""
        return next((h for h in reversed(self.history) if h.value is not None), None)


def readings_of(indicator_id: str, checkins: dict[Week, Checkin]) -> dict[Week, float]:
    return {
        week: checkin.readings[indicator_id]
        for week, checkin in checkins.items()
        if indicator_id in checkin.readings
    }


def indicator_view(
    indicator: Indicator, week: Week, checkins: dict[Week, Checkin], trend_weeks: int
) -> IndicatorView:
    weeks = last_weeks(week, SHOWN_WEEKS)
    history = judge_weeks(indicator, weeks, readings_of(indicator.id, checkins))
    return IndicatorView(
        indicator=indicator,
        week=week,
        thresholds=thresholds_for(indicator, week),
        history=history,
        trend_warning=trend_warning(history, trend_weeks),
        course_correct_weeks=course_correct_run(history),
        active=is_active(indicator, week),
    )


def is_course_correct(view: IndicatorView) -> bool:
    return view.history[-1].status == COURSE_CORRECT if view.history else False


@dataclass(frozen=True)
class StepView:
    number: int  # 1-based, as reviews refer to steps
    step: Step
    overdue: bool


@dataclass(frozen=True)
class CapabilityView:
    capability: Capability
    steps: list[StepView]
    indicators: list[Indicator]  # the indicators that serve it
    reviews: list[tuple[dt.date, int | None, str]]  # (date, level set, file), oldest first

    @property
    def steps_done(self) -> int:
        return sum(1 for s in self.steps if s.step.is_done)

    @property
    def overdue(self) -> list[StepView]:
        return [s for s in self.steps if s.overdue]

    @property
    def next_step(self) -> StepView | None:
        """The open step due first (steps without a date come after dated ones)."""
        open_steps = [s for s in self.steps if not s.step.is_done]
        if not open_steps:
            return None
        return min(open_steps, key=lambda s: (s.step.due is None, s.step.due or dt.date.max))


def capability_view(
    capability: Capability,
    indicators: list[Indicator],
    reviews: list[tuple[dt.date, int | None, str]],
    today: dt.date,
) -> CapabilityView:
    steps = [
        StepView(
            number,
            step,
            overdue=not step.is_done and step.due is not None and step.due < today,
        )
        for number, step in enumerate(capability.steps, start=1)
    ]
    serving = [i for i in indicators if capability.id in i.serves]
    return CapabilityView(capability, steps, serving, sorted(reviews))
