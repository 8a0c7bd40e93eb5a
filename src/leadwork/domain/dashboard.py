"""The weekly dashboard as data: one pure function from what the store read to a Dashboard,
which every renderer (text, markdown, JSON, HTML, SVG) takes as it is.

The store chooses the files with the rules in `domain/window.py` and
`domain/scoreboard.plan_search_start`; this module never asks for more.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from leadwork.domain.alignment import Alignment, alignment
from leadwork.domain.capability import CapabilityView, capability_view
from leadwork.domain.commitment_list import (
    meeting_commitments_carried_too_often,
    your_overdue_commitments,
)
from leadwork.domain.commitments import follow_up, open_weekly
from leadwork.domain.coverage import Coverage, coverage
from leadwork.domain.needs_you import Finding, needs_you
from leadwork.domain.scoreboard import IndicatorView, scoreboard
from leadwork.domain.status import awaiting_reading
from leadwork.domain.timeline import checked_in, checkin_done, live_during
from leadwork.domain.window import ShownWeek, choose_week, judged_weeks
from leadwork.domain.your_work import (
    CommitmentsView,
    ConfidenceView,
    TimeAudit,
    commitments,
    confidence,
    time_audit,
)
from leadwork.model.words import ME
from leadwork.plainclass import plainclass
from leadwork.weeks import SHOWN_WEEKS, Week

if TYPE_CHECKING:
    from leadwork.model.checkin import Checkin
    from leadwork.model.journal import Definitions
    from leadwork.model.one_on_one import OneOnOne
    from leadwork.model.review import CapabilityReview, StrategyReview
    from leadwork.model.settings import Settings


@plainclass
class Header:
    leader: str
    title: str | None
    organization: str | None
    purpose: str


@plainclass
class Dashboard:
    header: Header
    shown: ShownWeek
    has_checkin: bool  # the shown week holds a check-in's records (domain.timeline.checked_in)
    weeks: tuple[Week, ...]  # the weeks of the history, oldest first, ending with the shown one
    alignment: Alignment
    capabilities: tuple[CapabilityView, ...]
    indicators: tuple[IndicatorView, ...]
    coverage: tuple[Coverage, ...]
    time: TimeAudit
    confidence: tuple[ConfidenceView, ...]
    commitments: CommitmentsView
    needs_you: tuple[Finding, ...]
    names: dict[str, str]  # team id -> name
    settings: Settings
    # the shown week's check-in was done (timeline.checkin_done), not readings only
    checkin_done: bool = False

    @property
    def week(self) -> Week:
        return self.shown.week


def build_dashboard(
    definitions: Definitions,
    checkins_by_week: Mapping[Week, Checkin],
    one_on_ones: Iterable[OneOnOne],
    reviews: Iterable[StrategyReview | CapabilityReview],
    week: Week,
    today: dt.date,
    *,
    shown: ShownWeek | None = None,
    since: Week | None = None,
    began: Week | None = None,
) -> Dashboard:
    """The dashboard of `week`, judged as of `today` if it is the current week, else as of
    its Sunday. `shown` carries how the CLI chose the week (the default view falls back to
    the latest week with a check-in, judged as of today); it must be for the same week.
    `began`: the journal's first check-in week (`alignment.Alignment.began`)."""
    if shown is None:
        shown = choose_week(week, today, None)
    if shown.week != week or shown.today != today:
        raise ValueError(f"shown is for {shown.week} on {shown.today}, not {week} on {today}")
    settings = definitions.config.settings
    week, as_of = shown.week, shown.as_of
    judged = judged_weeks(week, settings)
    checkins = {w: c for w, c in checkins_by_week.items() if w <= week}
    meetings: Sequence[OneOnOne] = [m for m in one_on_ones if m.date <= as_of]
    # who may own an indicator, by id: the team, and you ("me")
    names = {p.id: p.name for p in definitions.team.people} | {ME: definitions.config.leader}

    people = coverage(definitions.team.people, meetings, as_of)
    indicators = scoreboard(
        definitions.indicators.indicators,
        checkins,
        week,
        settings,
        meetings,
        as_of,
        {row.person: row.cadence for row in people},
        since=since,
    )
    # a month or quarter not read yet says nothing of the capabilities it serves
    statuses = {ind.id: ind.now.status for ind in indicators if not awaiting_reading(ind.track)}
    reviews = list(reviews)
    levels: dict[str, list[tuple[dt.date, int | None]]] = {}
    for review in reviews:
        if review.kind == "capability":
            levels.setdefault(review.capability, []).append((review.date, review.level))
    capabilities = tuple(
        capability_view(
            cap,
            as_of,
            [ind.id for ind in indicators if cap.id in ind.serves],
            statuses,
            levels.get(cap.id, ()),
        )
        for cap in live_during(definitions.capabilities.capabilities, week)
    )
    strategy_reviews = [r for r in reviews if r.kind == "strategy"]
    # Stories and conversations are events, not readings: the default view, standing on
    # last week before this week's check-in, still counts what was captured since.
    heard = shown.week if shown.explicit else max(shown.week, shown.current)
    captured = {w: c for w, c in checkins_by_week.items() if w <= heard}
    aligned = alignment(
        definitions.strategy, strategy_reviews, captured, heard, as_of, settings, began
    )
    time = time_audit(checkins, week, settings.time_warning_percent)
    shown_weeks = tuple(judged[-SHOWN_WEEKS:])
    earlier = ((w, checkins[w]) for w in sorted(checkins, reverse=True) if w < week)
    mine = commitments(checkins.get(week), follow_up(earlier))
    ran = checked_in(checkins.get(week))
    # open as of the view: the shown week's own commitments included, as `leadwork
    # commitments` lists them (`store.follow_ups.open_weekly_commitments`)
    weekly_open = open_weekly((w, checkins[w]) for w in sorted(checkins, reverse=True))
    findings = needs_you(
        shown,
        ran,
        aligned,
        capabilities,
        indicators,
        people,
        time,
        mine,
        names,
        settings.story_gap_weeks,
        meeting_commitments_carried_too_often(meetings, definitions.team.people, as_of),
        your_overdue_commitments(weekly_open, meetings, definitions.team.people, as_of),
    )
    config = definitions.config
    return Dashboard(
        header=Header(
            config.leader, config.title, config.organization, definitions.strategy.purpose
        ),
        shown=shown,
        has_checkin=ran,
        weeks=shown_weeks,
        alignment=aligned,
        capabilities=capabilities,
        indicators=indicators,
        coverage=people,
        time=time,
        confidence=confidence(checkins, week, shown_weeks),
        commitments=mine,
        needs_you=findings,
        names=names,
        settings=settings,
        checkin_done=checkin_done(checkins.get(week)),
    )
