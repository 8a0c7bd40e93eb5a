"""The leader's own work: where the hours went (and how much went to someone else's job),
confidence in each area over time, and what became of last week's commitments. Pure."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from leadwork.domain.commitments import (
    DoneRate,
    WeeklyFollowUp,
    carried_too_often,
    open_by_week,
    weekly_rate,
)
from leadwork.domain.window import RECENT_WEEKS
from leadwork.model.words import AREAS
from leadwork.plainclass import plainclass
from leadwork.weeks import Week, last_weeks

if TYPE_CHECKING:
    from leadwork.model.checkin import Checkin, Commitment

TIME_CATEGORIES = ("alignment", "capability", "accountability", "someone_elses_job", "other")
SOMEONE_ELSES_JOB = "someone_elses_job"
# Confidence is "up" or "down" when this week's answer differs from the average of the
# weeks before by at least this much (answers are whole numbers from 1 to 5).
CONFIDENCE_STEP = 0.5


@plainclass
class TimeAudit:
    this_week: dict[str, float] | None  # hours by category; None without a time audit
    average: dict[str, float] | None  # hours per week by category, over the weeks that have one
    weeks_averaged: int  # of the last RECENT_WEEKS
    share: float | None  # % of this week's hours in someone else's job
    share_average: float | None  # % over the averaged weeks (their hours summed)
    warning_percent: int

    @property
    def over(self) -> bool:
        """More than the warning level this week (the setting says "more than")."""
        return over_warning(self.share, self.warning_percent)

    @property
    def over_on_average(self) -> bool:
        return over_warning(self.share_average, self.warning_percent)


def share_elsewhere(hours: Mapping[str, float | None]) -> float | None:
    """The percent of the hours spent in someone else's job, exact (never rounded before it
    is compared); None without hours. Every view that states the share asks this."""
    total = sum(v or 0 for v in hours.values())
    return 100 * (hours.get(SOMEONE_ELSES_JOB) or 0) / total if total else None


def over_warning(share: float | None, warning_percent: float) -> bool:
    """Is a share (percent, exact) over the warning level? The setting says "more than":
    exactly the level is not over, 20.4% is."""
    return share is not None and share > warning_percent


@plainclass
class ConfidenceView:
    area: str
    value: int | None  # this week's answer, 1..5
    history: tuple[int | None, ...]  # one per shown week, oldest first
    before: float | None  # average of the answers in the RECENT_WEEKS weeks before this one
    trend: str | None  # "up", "down", "steady"; None without this week's and earlier answers


@plainclass
class CommitmentsView:
    last_week: DoneRate  # what became of last week's commitments (`weekly_rate`)
    carried_too_often: tuple[Commitment, ...]  # this week's, carried 3 times or more
    # The open commitments this week follows up that it has given no outcome yet (from the
    # latest earlier check-in that made any: a skipped week does not hide them).
    unanswered: tuple[str, ...] = ()
    source: Week | None = None  # the week that made them
    # For each of `unanswered`, the week of the check-in that made it: `source`, or an
    # older one whose commitment is still open (not `source`'s, and said as such).
    made_in: tuple[Week, ...] = ()

    def open_from(self) -> tuple[tuple[Week, int], ...]:
        """How many of `unanswered` each week made, `source` first, then older weeks
        newest first (`commitments.open_by_week`)."""
        return open_by_week(self.made_in)


def week_hours(checkin: Checkin | None) -> dict[str, float] | None:
    """A week's time audit, every area: the one rule for an area it leaves out (Enter at
    its question, or no key in `[hours]`): 0 hours, since the audit says where the week's
    hours went (the interview says "Enter: 0"). None without a time audit (no `[hours]`,
    every question skipped): that week is not counted in any average. Every view of the
    hours reads them here (the dashboard, `leadwork report`)."""
    if checkin is None or checkin.hours is None:
        return None
    given = {c: getattr(checkin.hours, c) for c in TIME_CATEGORIES}
    if all(v is None for v in given.values()):  # an empty `[hours]`: no audit either
        return None
    return {c: v or 0.0 for c, v in given.items()}


def time_audit(checkins: Mapping[Week, Checkin], week: Week, warning_percent: int) -> TimeAudit:
    this_week = week_hours(checkins.get(week))
    audits = [h for w in last_weeks(week, RECENT_WEEKS) if (h := week_hours(checkins.get(w)))]
    average = None
    share_average = None
    if audits:
        summed = {c: sum(a[c] for a in audits) for c in TIME_CATEGORIES}
        average = {c: summed[c] / len(audits) for c in TIME_CATEGORIES}
        share_average = share_elsewhere(summed)
    return TimeAudit(
        this_week=this_week,
        average=average,
        weeks_averaged=len(audits),
        share=share_elsewhere(this_week) if this_week else None,
        share_average=share_average,
        warning_percent=warning_percent,
    )


def confidence_trend(value: int | None, before: Sequence[int]) -> tuple[float | None, str | None]:
    """(average before, trend) for this week's answer against the answers before it."""
    if not before:
        return None, None
    average = sum(before) / len(before)
    if value is None:
        return average, None
    if value - average >= CONFIDENCE_STEP:
        return average, "up"
    if average - value >= CONFIDENCE_STEP:
        return average, "down"
    return average, "steady"


def confidence(
    checkins: Mapping[Week, Checkin], week: Week, shown: Sequence[Week]
) -> tuple[ConfidenceView, ...]:
    def answer(w: Week, area: str) -> int | None:
        checkin = checkins.get(w)
        return getattr(checkin.confidence, area) if checkin and checkin.confidence else None

    views = []
    for area in AREAS:
        earlier = [
            a for w in last_weeks(week.minus(1), RECENT_WEEKS) if (a := answer(w, area)) is not None
        ]
        value = answer(week, area)
        before, trend = confidence_trend(value, earlier)
        history = tuple(answer(w, area) for w in shown)
        views.append(ConfidenceView(area, value, history, before, trend))
    return tuple(views)


def commitments(checkin: Checkin | None, source: WeeklyFollowUp | None = None) -> CommitmentsView:
    """The week's follow-up of earlier commitments, and its own carried too often.
    `source` is `commitments.follow_up` of the check-ins before the week."""
    answered = {f.text for f in checkin.last_week} if checkin else set()
    unanswered: list[tuple[str, Week]] = []
    if source is not None:
        made = source.made_in or (source.week,) * len(source.checkin.commitments)
        pairs = zip(source.checkin.commitments, made, strict=True)
        unanswered = [(c.text, w) for c, w in pairs if c.text not in answered]
    return CommitmentsView(
        weekly_rate(checkin, source.checkin if source else None),
        tuple(c for c in checkin.commitments if carried_too_often(c.carried)) if checkin else (),
        tuple(t for t, _ in unanswered),
        source.week if source else None,
        tuple(w for _, w in unanswered),
    )
