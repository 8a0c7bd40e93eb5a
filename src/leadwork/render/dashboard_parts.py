"""The dashboard's visual vocabulary, shared by the terminal and markdown renderers.

A status is always a symbol and a word, so it reads without colour (NO_COLOR, a printout,
colour blindness); colour only repeats it. The symbols are plain text-presentation
characters, one cell wide, so columns line up in any terminal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from leadwork.domain.alignment import (
    Alignment,
    ChoiceStories,
    Conversations,
    ReviewAge,
    searched_weeks,
)
from leadwork.domain.capability import CapabilityView
from leadwork.domain.commitments import unmatched_said, whose_commitments
from leadwork.domain.coverage import Coverage
from leadwork.domain.dashboard import Dashboard
from leadwork.domain.scoreboard import IndicatorView
from leadwork.domain.status import Thresholds, WeekStatus, due_period
from leadwork.domain.window import RECENT_WEEKS, SIGNALS_MAX_WEEKS
from leadwork.domain.wording import (
    ago,
    agreed_new,
    due_for,
    held_reading,
    latest_instead,
    no_reading_for,
    plural,
    quiet_for,
    short_date,
)
from leadwork.domain.your_work import CommitmentsView, ConfidenceView, TimeAudit
from leadwork.model.words import CUSTOMER
from leadwork.render.palette import STATUS_LABEL, STATUS_SYMBOL, UNKNOWN_LEVEL
from leadwork.values import (
    format_average,
    format_number,
    format_share,
    format_value,
)
from leadwork.weeks import Week

WARNING = "▲"
PROBLEM = "✗"
EMPTY = "\u2013"  # an en dash: nothing to show
DASH = "\u2013"  # between the ends of a range
GAP = "·"  # a week without data, in a sparkline
BARS = "▁▂▃▄▅▆▇█"
ARROWS = {"up": "↑", "down": "↓", "steady": "→"}


def status_label(status: str | None) -> str:
    if status is None:
        return EMPTY
    return f"{STATUS_SYMBOL[status]} {STATUS_LABEL[status]}"


def spark_heights(
    values: Sequence[float | None], low: float | None = None, high: float | None = None
) -> str:
    """One character per value: a bar from ▁ to █ scaled between the lowest and highest
    value (or `low`..`high` when given), and · for a missing one, so gaps stay visible."""
    present = [v for v in values if v is not None]
    if not present:
        return GAP * len(values)
    low = min(present) if low is None else low
    high = max(present) if high is None else high
    chars = []
    for value in values:
        if value is None:
            chars.append(GAP)
        elif high == low:
            chars.append(BARS[len(BARS) // 2])
        else:
            share = (value - low) / (high - low)
            chars.append(BARS[round(share * (len(BARS) - 1))])
    return "".join(chars)


# A 1-5 answer (confidence) as a bar: the middle, 3, at half height, 5 full, 1 the lowest.
RATING_BARS = {1: "▁", 2: "▂", 3: "▄", 4: "▆", 5: "█"}


def rating_spark(ratings: Sequence[int | None]) -> str:
    """One bar per week's 1-5 answer (`RATING_BARS`), · for a week without one: the one
    mapping of the dashboard's confidence (text, Markdown, HTML) and `reflect`, so the
    same answer is the same bar in each. Not `spark_heights`: a rating is drawn on its fixed
    scale, not scaled between the lowest and highest seen."""
    return "".join(GAP if r is None else RATING_BARS[r] for r in ratings)


NOT_TRACKED = " "  # a week before the indicator was agreed, or after it was retired


def indicator_spark(history: Sequence[WeekStatus]) -> list[tuple[str, str]]:
    """An indicator's sparkline, one (character, status) per week: `spark_heights` over its
    values, and a blank for each week outside its span, which is not a missing reading."""
    chars = spark_heights([h.value for h in history])
    return [
        (char, h.status) if h.tracked else (NOT_TRACKED, h.status)
        for char, h in zip(chars, history, strict=True)
    ]


def target_label(thresholds: Thresholds, unit: str) -> str:
    """'≥ 95%' when higher is better, '≤ 2 days' when lower is."""
    sign = "≥" if thresholds.direction == "higher" else "≤"
    return f"{sign} {format_value(thresholds.target, unit)}"


def week_span(week: Week) -> str:
    """'23-29 Nov 2026', '28 Sep - 4 Oct 2026', '28 Dec 2026 - 3 Jan 2027' (en dashes)."""
    monday, sunday = week.monday, week.sunday
    if monday.year != sunday.year:
        return (
            f"{monday.day} {monday:%b} {monday.year} {DASH} {sunday.day} {sunday:%b} {sunday.year}"
        )
    if monday.month != sunday.month:
        return f"{monday.day} {monday:%b} {DASH} {sunday.day} {sunday:%b} {sunday.year}"
    return f"{monday.day}{DASH}{sunday.day} {sunday:%b} {sunday.year}"


def short_week(week: Week, ref: Week) -> str:
    """'W40' within the shown week's year, '2025-W52' outside it."""
    return f"W{week.number:02d}" if week.year == ref.year else str(week)


def average_heading(time: TimeAudit) -> str:
    """The hours' average column says how many weeks it averages: fewer than four in a new
    journal or after skipped weeks (the line under the table says the same number)."""
    return f"{time.weeks_averaged or RECENT_WEEKS}-wk avg"


def hours(value: float) -> str:
    return f"{format_number(value)}h"


# ---- phrases: the same words in the terminal and in markdown ---------------------------------


CAPABILITY_HEADERS = ["Capability", "Kind", "Level", "Plan", "Overdue", "Indicators"]


def capability_cells(c: CapabilityView) -> list[str]:
    """A capability's row as plain text, for the markdown and HTML dashboards."""
    return [
        c.name,
        c.kind,
        level_to_target(c),
        f"{c.steps_done}/{c.steps_total}" if c.steps_total else EMPTY,
        step_overdue(c),
        status_label(c.worst_status) if c.indicators else "none",
    ]


def recent_weeks(through: Week, week: Week) -> str:
    """The weeks the stories and conversations are counted over, as a range (W44-W47)."""
    first = through.minus(RECENT_WEEKS - 1)
    return f"{short_week(first, week)}{DASH}{short_week(through, week)}"


def quiet_choice(choice: ChoiceStories, week: Week, gap_weeks: int, aligned: Alignment) -> str:
    last = short_week(choice.last_week, week) if choice.last_week else ""
    return quiet_for(
        choice.last_week, aligned.through, "story", last, aligned.began, searched_weeks(gap_weeks)
    )


def conversations_heard(talks: Conversations) -> str:
    """'customer 2 · analyst 1': customers always (when a kind), other kinds when heard."""
    heard = [(k, n) for k, n in talks.by_kind.items() if n or k == CUSTOMER]
    if not any(n for _, n in heard):
        return "none"
    return " · ".join(f"{kind} {count}" for kind, count in heard)


def customer_gap(week: Week, aligned: Alignment) -> str:
    talks = aligned.conversations
    last = short_week(talks.last_customer, week) if talks.last_customer else ""
    return quiet_for(
        talks.last_customer,
        aligned.through,
        "customer heard",
        last,
        aligned.began,
        searched_weeks(talks.gap_weeks),
    )


def review_line(review: ReviewAge, as_of: dt.date) -> str:
    if review.last is None or review.due_on is None:
        return "never reviewed (set reviewed_on in strategy.toml)"
    done = "co-created" if review.source == "co-created" else "reviewed"
    said = f"{done} {short_date(review.last, as_of)} ({ago((as_of - review.last).days)})"
    if review.due:
        return f"{said}; {PROBLEM} review due since {short_date(review.due_on, as_of)}"
    return f"{said}; next by {short_date(review.due_on, as_of)}"


def signals_capped() -> str:
    return f"looked for in the last {SIGNALS_MAX_WEEKS} weeks only (the review is 26+ weeks old)"


def level_to_target(cap: CapabilityView) -> str:
    """A level and its target, "2 → 4"; "? → 4" when the level is not recorded (`level_on`)."""
    return f"{UNKNOWN_LEVEL if cap.level is None else cap.level} → {cap.target}"


def step_overdue(cap: CapabilityView) -> str:
    if not cap.overdue:
        return EMPTY
    first = cap.overdue[0]
    more = f" +{len(cap.overdue) - 1}" if len(cap.overdue) > 1 else ""
    return f"{PROBLEM} step {first.number}, {first.days_overdue} d{more}"


PERIOD_ABBREVIATIONS = {"week": "wk", "month": "mo", "quarter": "qtr"}


def indicator_note(ind: IndicatorView) -> str:
    """What the status alone does not say: no plan in course-correct, a bad trend, or a
    month's (quarter's) reading that is due but not yet in, which is not a missing one;
    while it is due, the off-track reading the episode goes on from (`held_note`). Its
    sentences are joined by " · "."""
    parts = indicator_note_parts(ind)
    held = held_note(ind)
    # A held reading's note is two sentences ("due for Dec 2026", "Nov 84% at risk"), as
    # `wording.due_and_held` joins them; other notes are one sentence in parts.
    return (" · " if held and parts[-1:] == (held,) else " ").join(parts)


def indicator_note_parts(ind: IndicatorView) -> tuple[str, ...]:
    """`indicator_note` in the parts a narrow column puts on lines of their own, never
    splitting the period or the weeks it is about: "no reading for" over "Dec 2026",
    "no plan," over "2 wk"; a held reading's note in its two sentences, "due for Dec 2026"
    over "Nov 84% at risk". Nothing when there is no note."""
    track = ind.track
    if track.new_on is not None:  # agreed since the week the view stands on
        return (agreed_new(track.new_on),)
    per = PERIOD_ABBREVIATIONS[track.period_noun]
    held = held_note(ind)
    if ind.plan_needed:
        no_plan = ("no plan,", f"{track.course_correct_weeks} {per}")
        return (" ".join(no_plan), held) if held else no_plan
    due = due_period(track)
    if held and due is not None:  # the status says "no data": the episode goes on
        return (due_for(due), held)
    if track.trend:
        arrow = "↓" if ind.thresholds.direction == "higher" else "↑"
        return (f"{arrow} worse", f"{ind.trend_weeks} {per}")
    if due is not None:
        return _ending(due_for(due), str(due))
    if ind.missing is not None:  # as Needs you says it: a whole month unread
        return _ending(no_reading_for(ind.missing), str(ind.missing))
    return ()


def _ending(text: str, period: str) -> tuple[str, ...]:
    """A sentence of `wording` in two parts: what it says, and the period it ends with."""
    head = text.removesuffix(period).rstrip()
    return (head, period) if head and head != text else (text,)


def held_value(ind: IndicatorView) -> str:
    """The value of the off-track reading an episode goes on from (`status.episode_held`),
    as the scoreboard writes one (`reading`)."""
    value = ind.held.value if ind.held is not None else None
    return format_value(value, "%" if ind.unit == "%" else "", missing=EMPTY)


def held_note(ind: IndicatorView) -> str:
    """That reading in words, "Nov 84% at risk"; empty without one."""
    return "" if ind.held is None else held_reading(ind.held, held_value(ind))


def reading(ind: IndicatorView) -> str:
    """This week's value. The unit is in the target; a reading repeats only a percent sign,
    which is short."""
    value = ind.now.value
    return format_value(value, "%" if ind.unit == "%" else "", missing=EMPTY)


def next_one_on_one(row: Coverage, as_of: dt.date) -> str:
    c = row.cadence
    if c.state == "left" and row.left_on is not None:  # kept for your open commitments
        return f"left {short_date(row.left_on, as_of)}"
    if c.state == "untracked":
        return "no cadence"
    if c.state == "overdue":
        return f"{PROBLEM} overdue {plural(c.days_overdue, 'day')}"
    if c.due_on is None or (c.state == "due" and c.last is None):
        return f"{WARNING} due now"
    if c.state == "due":
        return f"{WARNING} due {short_date(c.due_on, as_of)}"
    return f"due {short_date(c.due_on, as_of)}"


def open_commitments(row: Coverage) -> tuple[str, str]:
    """('1 yours, 2 theirs', '2 past due') or ('none', '')."""
    if not row.open:
        return "none", ""
    past = f"{row.past_due} past due" if row.past_due else ""
    return f"{row.open_mine} yours, {row.open_theirs} theirs", past


def one_on_one_cells(row: Coverage, as_of: dt.date) -> list[str]:
    """A person's one-on-one row as plain text, for the markdown and HTML dashboards."""
    mine, past = open_commitments(row)
    last = short_date(row.cadence.last, as_of) if row.cadence.last else "none yet"
    return [row.name, last, next_one_on_one(row, as_of), mine + (f" · {past}" if past else "")]


def confidence_trend(view: ConfidenceView) -> str:
    if view.trend is None:
        return EMPTY
    before = f" from {format_average(view.before)}" if view.before is not None else ""
    return ARROWS[view.trend] + before


def someone_elses_job(time: TimeAudit) -> str | None:
    parts = []
    limit = time.warning_percent
    if time.share is not None:
        parts.append(f"{format_share(time.share, limit)} this week")
    if time.share_average is not None:
        parts.append(
            f"{format_share(time.share_average, limit)} over {plural(time.weeks_averaged, 'week')}"
        )
    if not parts:
        return None
    if time.over:
        return f"{', '.join(parts)} ({WARNING} above the {time.warning_percent}% warning level)"
    return f"{', '.join(parts)} (warning above {time.warning_percent}%)"


def done_rate(commitments: CommitmentsView) -> str:
    """What became of the commitments the week follows up. Those an older check-in made and
    no later one answered are named by their own week, never counted under the label's
    (`CommitmentsView.open_from`): "1 of 2 done (50%), 1 carried · 1 open from 2026-W53"."""
    rate = commitments.last_week
    source = commitments.source
    opened = commitments.open_from()
    waiting = sum(n for w, n in opened if w == source)
    older = [f"{n} open from {w}" for w, n in opened if w != source]
    stray = [unmatched_said(rate.unmatched)] if rate.unmatched else []
    if not rate.total or rate.rate is None:
        if opened:
            said = ", ".join(f"{n} open from {w}" for w, n in opened) + ", not followed up yet"
        else:
            # a source with nothing open made none (`commitments.follow_up_source`)
            none = "none made" if source is not None else "none to follow up"
            said = none if not stray else stray.pop()
        return "; ".join([said, *stray])
    rest = [f"{rate.carried} carried"] if rate.carried else []
    rest += [f"{rate.dropped} dropped"] if rate.dropped else []
    rest += [f"{waiting} not followed up yet"] if waiting else []
    said = f"{rate.done} of {rate.total} done ({rate.rate:.0%})" + "".join(", " + r for r in rest)
    said += "".join(" · " + o for o in older)
    return "; ".join([said, *stray])


def commitments_label(d: Dashboard) -> str:
    """The line's name: last week's, or the week's that made them (`whose_commitments`)."""
    return f"{whose_commitments(d.week, d.commitments.source)} commitments"


def week_note(d: Dashboard) -> str | None:
    """Why the week shown is not simply this week, or what is missing from it."""
    shown = d.shown
    if shown.is_fallback:
        seen = latest_instead(shown.current, d.week, "showing", d.checkin_done)
        said = f"{seen}, as of {short_date(shown.as_of, shown.as_of)}."
        through = d.alignment.through
        if through != d.week:  # what was captured since counts: say so beside the week
            said += f" Stories and conversations count through {through}."
        return said
    if not d.checkin_done:  # readings alone (imported, or filed late) are not one
        return f"No check-in for {d.week}."
    if shown.explicit and shown.as_of < shown.today:
        return f"As it stood at the end of {d.week} ({short_date(shown.as_of, shown.as_of)})."
    return None


def who_line(d: Dashboard) -> str:
    head = d.header
    return " · ".join(p for p in (head.leader, head.title, head.organization) if p)


def when_line(d: Dashboard) -> str:
    return f"{d.week} · {week_span(d.week)}"


def one_line(text: str) -> str:
    return " ".join(text.split())
