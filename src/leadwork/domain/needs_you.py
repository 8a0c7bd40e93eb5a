"""What needs the leader this week ("Needs you"): a short, ranked list. Pure.

The ranking (documented in docs/cli.md and docs/json.md) puts first what stalls other
people, then promises past their date, then signals that alignment is fading, then the
leader's own habits:

 1. checkin-missing          no check-in for over a week: the rest of the view is stale
 2. course-correct-no-plan   an indicator in course-correct two weeks running, no plan recorded
 3. one-on-one-overdue       a person's one-on-one is past its due date
 4. commitment-overdue       one of your commitments, weekly or made in a one-on-one, is
                             past its date (as `leadwork commitments` marks it overdue)
 5. capability-step-overdue  a step of a capability's plan is past its due date
 6. strategy-review-due      the strategy is older than `review_every_weeks`
 7. choice-without-stories   no story lived a strategic choice in `story_gap_weeks`
 8. no-customer-heard        no customer conversation in `customer_gap_weeks`
 9. someone-elses-job        this week's share of hours in someone else's job is over the level
10. trend-warning            an indicator moved the wrong way `trend_weeks` weeks running
11. commitment-carried       one of your commitments, weekly or from a one-on-one (yours
                             or theirs), was carried 3 times or more
12. reading-missing          this week's check-in has no reading for an indicator

Within a kind, the more urgent first (more days overdue, longer in course-correct, longer
quiet), then in the order of the files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from leadwork.domain.alignment import Alignment, ReviewAge, searched_weeks
from leadwork.domain.capability import CapabilityView
from leadwork.domain.commitment_list import ListedCommitment
from leadwork.domain.commitments import carried_advice
from leadwork.domain.coverage import Coverage
from leadwork.domain.scoreboard import IndicatorView
from leadwork.domain.status import COURSE_CORRECT, missing_period, period_points
from leadwork.domain.window import ShownWeek
from leadwork.domain.wording import (
    STATUS_WORDS,
    ago,
    no_checkin_only_readings,
    plural,
    quiet_for,
    short_date,
    short_names,
)
from leadwork.domain.your_work import CommitmentsView, TimeAudit
from leadwork.model.words import ME
from leadwork.plainclass import plainclass
from leadwork.values import format_percent, format_value
from leadwork.weeks import SHOWN_WEEKS, Week

KINDS: tuple[tuple[str, str], ...] = (
    ("checkin-missing", "your-work"),
    ("course-correct-no-plan", "accountability"),
    ("one-on-one-overdue", "accountability"),
    ("commitment-overdue", "your-work"),
    ("capability-step-overdue", "capability"),
    ("strategy-review-due", "alignment"),
    ("choice-without-stories", "alignment"),
    ("no-customer-heard", "alignment"),
    ("someone-elses-job", "your-work"),
    ("trend-warning", "accountability"),
    ("commitment-carried", "your-work"),
    ("reading-missing", "accountability"),
)
RANK = {kind: rank for rank, (kind, _) in enumerate(KINDS, start=1)}
AREA = dict(KINDS)


@plainclass
class Finding:
    kind: str
    subject: str | None  # the id it is about: indicator, person, capability, choice
    message: str
    urgency: float = 0.0  # within a kind, higher comes first

    @property
    def kind_rank(self) -> int:
        """The kind's place in the ranking (1 first); the list's own order is by position."""
        return RANK[self.kind]

    @property
    def area(self) -> str:
        return AREA[self.kind]


def _ranked(findings: list[Finding]) -> tuple[Finding, ...]:
    # sorted() is stable, so equal findings keep the order of the files they came from.
    return tuple(sorted(findings, key=lambda f: (f.kind_rank, -f.urgency)))


def checkin_missing(shown: ShownWeek, began: Week | None = None) -> list[Finding]:
    """Only when the latest check-in done (`timeline.checkin_done`: readings imported since
    are not one) is more than a week back: on a Monday, last week's check-in is the latest
    there can be. `began`: the journal's first check-in week (`Alignment.began`): readings
    only since then is "No check-in yet", not "in 13 weeks"."""
    if shown.explicit:
        return []
    latest = shown.latest_done
    readings = shown.latest_checkin
    if latest is None and readings is not None:  # readings only, as far as shown
        # the weeks searched for a check-in done (`store.dashboard.shown_week`)
        young = began is not None and began >= readings.minus(SHOWN_WEEKS - 1)
        said = no_checkin_only_readings(None if young else SHOWN_WEEKS)
        return [Finding("checkin-missing", None, said, SHOWN_WEEKS)]
    if latest is None:
        return [Finding("checkin-missing", None, "No check-in yet: run `leadwork checkin`.")]
    behind = shown.current.weeks_since(latest)
    if behind < 2:
        return []
    return [
        Finding(
            "checkin-missing",
            None,
            # the weeks between, not this one, which has only begun (third trial: "2 weeks"
            # on the Monday after one missed week)
            f"No check-in since {latest} ({plural(behind - 1, 'week')} "
            "missed): run `leadwork checkin`.",
            behind,
        )
    ]


def course_correct_without_plan(
    indicators: Sequence[IndicatorView], names: dict[str, str], as_of: dt.date
) -> list[Finding]:
    findings = []
    names = short_names(names)
    for ind in indicators:
        if not ind.plan_needed:
            continue
        weeks = ind.track.course_correct_weeks
        noun = ind.track.period_noun
        if ind.owner == ME:  # nobody to ask: the plan is the leader's own to write
            message = (
                f"Your own {ind.name}: course-correct {weeks} {noun}s running, no plan "
                f"to get back on track: write one (`leadwork checkin --plan {ind.id}=...`)."
            )
            findings.append(Finding("course-correct-no-plan", ind.id, message, weeks))
            continue
        head = f"{ind.name}: course-correct {weeks} {noun}s running, no plan recorded."
        owner = names.get(ind.owner or "", ind.owner)
        nxt = ind.owner_next
        if owner is None:
            ask = " It has no owner: agree one."
        elif nxt is None or nxt.due_on is None:
            ask = f" Ask {owner} for one at your next one-on-one."
        elif nxt.state == "overdue":
            ask = (
                f" Ask {owner} for one at the next one-on-one "
                f"(overdue since {short_date(nxt.due_on, as_of)})."
            )
        else:
            ask = (
                f" Ask {owner} for one at the next one-on-one "
                f"(due {short_date(nxt.due_on, as_of)})."
            )
        findings.append(Finding("course-correct-no-plan", ind.id, head + ask, weeks))
    return findings


def overdue_one_on_ones(coverage: Sequence[Coverage], as_of: dt.date) -> list[Finding]:
    findings = []
    for row in coverage:
        c = row.cadence
        if c.state == "due" and c.last is None:  # someone you lead, never met one-on-one
            findings.append(
                Finding(
                    "one-on-one-overdue",
                    row.person,
                    f"{row.name}: no one-on-one yet (every {plural(row.cadence_days or 0, 'day')}"
                    "): book the first.",
                    -1,  # after those overdue since a meeting
                )
            )
            continue
        if c.state != "overdue" or c.due_on is None or c.last is None:
            continue
        findings.append(
            Finding(
                "one-on-one-overdue",
                row.person,
                f"{row.name}: one-on-one overdue by {plural(c.days_overdue, 'day')} "
                f"(due {short_date(c.due_on, as_of)}; the last was "
                f"{short_date(c.last, as_of)}).",
                c.days_overdue,
            )
        )
    return findings


# More of your commitments past their date than this are named in one finding, the oldest
# first: "Needs you" stays short, and `leadwork commitments` lists them all.
OVERDUE_COMMITMENTS_NAMED = 2


def overdue_commitments(overdue: Sequence[ListedCommitment], as_of: dt.date) -> list[Finding]:
    """Your promises past their date (`commitment_list.your_overdue_commitments`, oldest
    first): one finding each while they are few, else one for them all, naming the oldest."""
    if not overdue:
        return []
    if len(overdue) > OVERDUE_COMMITMENTS_NAMED:
        oldest = overdue[0]
        due = oldest.due or as_of
        return [
            Finding(
                "commitment-overdue",
                None,
                f"{len(overdue)} of your commitments are past their date, the oldest "
                f"“{oldest.text}” (due {short_date(due, as_of)}): see `leadwork commitments`.",
                (as_of - due).days,
            )
        ]
    findings = []
    for c in overdue:
        due = c.due or as_of
        source = f"promised to {c.name}" if c.person else f"check-in {c.made}"
        findings.append(
            Finding(
                "commitment-overdue",
                c.person.id if c.person else None,
                f"Past its date: “{c.text}” ({source}, due {short_date(due, as_of)}).",
                (as_of - due).days,
            )
        )
    return findings


def overdue_steps(capabilities: Sequence[CapabilityView], as_of: dt.date) -> list[Finding]:
    return [
        Finding(
            "capability-step-overdue",
            cap.id,
            f"{cap.name}: step {step.number} overdue by {plural(step.days_overdue, 'day')} "
            f"(due {short_date(step.due, as_of)}): {step.what}",
            step.days_overdue,
        )
        for cap in capabilities
        if cap.retired_on is None  # a retired plan is not worked on (`capability.plan_day`)
        for step in cap.overdue
    ]


def strategy_review(alignment: Alignment, as_of: dt.date) -> list[Finding]:
    review = alignment.review
    if not review.due or review.last is None:
        return []
    weeks = review.weeks_ago(as_of) or 0
    signals = len(alignment.signals.items)
    more = f"; {plural(signals, 'refresh signal')} since" if signals else ""
    return [
        Finding(
            "strategy-review-due",
            None,
            f"Strategy review due: {_last_review_said(review)} {short_date(review.last, as_of)}, "
            f"{ago((as_of - review.last).days)} (every {review.every_weeks}){more}.",
            weeks,
        )
    ]


def quiet_choices(alignment: Alignment, gap_weeks: int) -> list[Finding]:
    findings = []
    for choice in alignment.choices:
        if not choice.quiet:
            continue
        since = choice.weeks_since_story(alignment.through)
        said = quiet_for(
            choice.last_week,
            alignment.through,
            "story",
            str(choice.last_week),
            alignment.began,
            searched_weeks(gap_weeks),
        )
        findings.append(
            Finding(
                "choice-without-stories",
                choice.id,
                f"{choice.id}: {said}.",
                since if since is not None else 1000,
            )
        )
    return findings


def customer_gap(alignment: Alignment) -> list[Finding]:
    talks, week = alignment.conversations, alignment.through
    if not talks.customer_gap:
        return []
    last = talks.last_customer
    urgency = week.weeks_since(last) if last else 1000
    said = quiet_for(
        last,
        week,
        "customer conversation",
        str(last),
        alignment.began,
        searched_weeks(talks.gap_weeks),
    )
    return [
        Finding(
            "no-customer-heard",
            None,
            f"{said[0].upper()}{said[1:]}.",
            urgency,
        )
    ]


def someone_elses_job(time: TimeAudit) -> list[Finding]:
    if not time.over or time.share is None:
        return []
    return [
        Finding(
            "someone-elses-job",
            None,
            f"{format_percent(time.share)} of this week's hours went to someone else's job "
            f"(the warning level is {time.warning_percent}%).",
            time.share,
        )
    ]


def trends(indicators: Sequence[IndicatorView]) -> list[Finding]:
    findings = []
    for ind in indicators:
        if not ind.track.trend or ind.now.status == COURSE_CORRECT:
            continue  # in course-correct it is already on the list, or has a plan
        moves = ind.trend_weeks
        points = [p for p in period_points(ind.history) if p.value is not None]
        first = points[-(moves + 1)].value if len(points) > moves else None
        last = points[-1].value if points else None
        span = (
            f" ({format_value(first)} → {format_value(last, ind.unit)})"
            if first is not None and last is not None
            else ""
        )
        findings.append(
            Finding(
                "trend-warning",
                ind.id,
                f"{ind.name}: worse {moves} {ind.track.period_noun}s running{span}, still "
                f"{STATUS_WORDS[points[-1].status if points else ind.now.status]}.",
            )
        )
    return findings


def carried_commitments(
    commitments: CommitmentsView, in_meetings: Sequence[ListedCommitment] = ()
) -> list[Finding]:
    """Your weekly commitments carried too often, then the one-on-one ones, yours and
    theirs (`commitment_list.meeting_commitments_carried_too_often`, the list `leadwork
    commitments` flags), each about its person."""
    weekly = [
        Finding(
            "commitment-carried",
            None,
            carried_advice(c.carried, c.text),
            c.carried,
        )
        for c in commitments.carried_too_often
    ]
    return weekly + [
        Finding(
            "commitment-carried",
            c.person.id if c.person else None,
            c.advice(),
            c.carried,
        )
        for c in in_meetings
    ]


def missing_readings(indicators: Sequence[IndicatorView], has_checkin: bool) -> list[Finding]:
    """A weekly reading is missing when the week's check-in has none; a monthly or quarterly
    one when a whole period ended without one (`status.missing_period`): named until it has
    one, or until the period after it ends, even once that later period is read."""
    weekly: list[str] = []
    periods: dict[str, list[str]] = {}  # "2026-Q3" -> the names of those it is overdue for
    for ind in indicators:
        period = missing_period(ind.track)
        if period is None:
            continue
        if period.noun == "week":
            weekly.append(ind.name)
        else:
            periods.setdefault(str(period), []).append(ind.name)
    if not has_checkin or not (weekly or periods):
        return []
    said = [f"No reading this week for {', '.join(weekly)}."] if weekly else []
    said += [f"No reading for {when}: {', '.join(names)}." for when, names in periods.items()]
    count = len(weekly) + sum(len(names) for names in periods.values())
    return [Finding("reading-missing", None, " ".join(said), count)]


def needs_you(
    shown: ShownWeek,
    has_checkin: bool,
    alignment: Alignment,
    capabilities: Sequence[CapabilityView],
    indicators: Sequence[IndicatorView],
    coverage: Sequence[Coverage],
    time: TimeAudit,
    commitments: CommitmentsView,
    names: dict[str, str],
    story_gap_weeks: int,
    meeting_commitments: Sequence[ListedCommitment] = (),
    overdue: Sequence[ListedCommitment] = (),
) -> tuple[Finding, ...]:
    as_of = shown.as_of
    return _ranked(
        [
            *checkin_missing(shown, alignment.began),
            *course_correct_without_plan(indicators, names, as_of),
            *overdue_one_on_ones(coverage, as_of),
            *overdue_commitments(overdue, as_of),
            *overdue_steps(capabilities, as_of),
            *strategy_review(alignment, as_of),
            *quiet_choices(alignment, story_gap_weeks),
            *customer_gap(alignment),
            *someone_elses_job(time),
            *trends(indicators),
            *carried_commitments(commitments, meeting_commitments),
            *missing_readings(indicators, has_checkin),
        ]
    )


def _last_review_said(review: ReviewAge) -> str:
    return "co-created" if review.source == "co-created" else "last reviewed"
