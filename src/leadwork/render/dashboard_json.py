"""The dashboard as JSON for scripts: the same data as the screen, and everything the screen
leaves out for space (the whole 13-week history with each week's status and target, every
finding of "Needs you"). The shape is documented in docs/json.md and checked against
docs/dashboard.schema.json by the tests; `schema` says which version of it this is.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from leadwork.domain.alignment import Alignment, StoryLine
from leadwork.domain.dashboard import Dashboard
from leadwork.domain.scoreboard import IndicatorView
from leadwork.domain.status import Thresholds
from leadwork.render.held import held_json
from leadwork.render.json_text import to_json
from leadwork.weeks import Week

SCHEMA = "leadwork.dashboard/1"


def _date(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _week(week: Week | None) -> str | None:
    return str(week) if week else None


def _round(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def _thresholds(t: Thresholds) -> dict[str, Any]:
    return {
        "direction": t.direction,
        "target": t.target,
        "celebrate": t.celebrate,
        "course_correct": t.course_correct,
    }


def _story(story: StoryLine) -> dict[str, Any]:
    return {"week": str(story.week), "text": story.text, "who": story.who}


def _alignment(a: Alignment, d: Dashboard) -> dict[str, Any]:
    review = a.review
    return {
        "through": str(a.through),
        "choices": [
            {
                "id": c.id,
                "statement": c.statement,
                "stories": [_story(s) for s in c.recent],
                "last_story_week": _week(c.last_week),
                "weeks_since_story": c.weeks_since_story(a.through),
                "no_story_warning": c.quiet,
            }
            for c in a.choices
        ],
        "purpose_stories": [_story(s) for s in a.purpose],
        "story_gap_weeks": d.settings.story_gap_weeks,
        "conversations": {
            "by_kind": a.conversations.by_kind,
            "last_customer_week": _week(a.conversations.last_customer),
            "customer_gap_weeks": a.conversations.gap_weeks,
            "no_customer_warning": a.conversations.customer_gap,
        },
        "strategy_review": {
            "last": _date(review.last),
            "source": review.source,
            "weeks_ago": review.weeks_ago(d.shown.as_of),
            "every_weeks": review.every_weeks,
            "due_on": _date(review.due_on),
            "due": review.due,
        },
        "refresh_signals": {
            "since": _date(a.signals.since),
            "first_week_searched": str(a.signals.first_week),
            "capped": a.signals.capped,
            "items": [
                {"week": str(s.week), "with": s.kind, "who": s.who, "text": s.text}
                for s in a.signals.items
            ],
        },
    }


def _indicator(ind: IndicatorView, d: Dashboard) -> dict[str, Any]:
    now = ind.now
    nxt = ind.owner_next
    return {
        "id": ind.id,
        "name": ind.name,
        "owner": ind.owner,
        "unit": ind.unit,
        "direction": ind.thresholds.direction,
        "target": ind.thresholds.target,
        "celebrate": ind.thresholds.celebrate,
        "course_correct": ind.thresholds.course_correct,
        "value": now.value,
        "status": now.status,
        "due_for": None if ind.due is None else str(ind.due),
        "held": held_json(ind.held),
        "missing": None if ind.missing is None else str(ind.missing),
        "new_on": None if ind.new_on is None else ind.new_on.isoformat(),
        "trend_warning": ind.track.trend,
        "trend_weeks": ind.trend_weeks,
        "course_correct_weeks": ind.track.course_correct_weeks,
        "course_correct_since": _week(ind.track.run_start),
        "plan_needed": ind.plan_needed,
        "owner_next_one_on_one": _date(nxt.due_on) if nxt else None,
        "history": [
            {
                "week": str(h.week),
                "value": h.value,
                "status": h.status,
                **_thresholds(h.thresholds),
            }
            for h in ind.history
        ],
    }


def dashboard_data(d: Dashboard) -> dict[str, Any]:
    shown = d.shown
    t = d.time
    rate = d.commitments.last_week
    return {
        "schema": SCHEMA,
        "week": str(d.week),
        "week_start": d.week.monday.isoformat(),
        "week_end": d.week.sunday.isoformat(),
        "as_of": shown.as_of.isoformat(),
        "today": shown.today.isoformat(),
        "current_week": str(shown.current),
        "week_was_asked_for": shown.explicit,
        "has_checkin": d.has_checkin,
        "latest_checkin_week": _week(shown.latest_done),
        "leader": d.header.leader,
        "title": d.header.title,
        "organization": d.header.organization,
        "purpose": d.header.purpose,
        "history_weeks": [str(w) for w in d.weeks],
        "alignment": _alignment(d.alignment, d),
        "capability": [
            {
                "id": c.id,
                "name": c.name,
                "kind": c.kind,
                "owner": c.owner,
                "level": c.level,
                "target": c.target,
                "steps_done": c.steps_done,
                "steps_total": c.steps_total,
                "overdue_steps": [
                    {
                        "step": s.number,
                        "what": s.what,
                        "due": s.due.isoformat(),
                        "days_overdue": s.days_overdue,
                    }
                    for s in c.overdue
                ],
                "indicators": list(c.indicators),
                "worst_status": c.worst_status,
            }
            for c in d.capabilities
        ],
        "accountability": {
            "indicators": [_indicator(ind, d) for ind in d.indicators],
            "one_on_ones": [
                {
                    "person": row.person,
                    "name": row.name,
                    "cadence_days": row.cadence_days,
                    "last": _date(row.cadence.last),
                    "due_on": _date(row.cadence.due_on),
                    "state": row.cadence.state,
                    "days_overdue": row.cadence.days_overdue,
                    "left_on": _date(row.left_on),
                    "open_commitments": {
                        "mine": row.open_mine,
                        "theirs": row.open_theirs,
                        "past_due": row.past_due,
                    },
                }
                for row in d.coverage
            ],
        },
        "your_work": {
            "hours": {
                "this_week": t.this_week,
                "average": ({k: _round(v, 2) for k, v in t.average.items()} if t.average else None),
                "weeks_averaged": t.weeks_averaged,
                "someone_elses_job_percent": _round(t.share),
                "someone_elses_job_percent_average": _round(t.share_average),
                "warning_percent": t.warning_percent,
                "over_warning": t.over,
            },
            "confidence": [
                {
                    "area": c.area,
                    "value": c.value,
                    "before": _round(c.before, 2),
                    "trend": c.trend,
                    "history": [
                        {"week": str(w), "value": v}
                        for w, v in zip(d.weeks, c.history, strict=True)
                    ],
                }
                for c in d.confidence
            ],
            "commitments": {
                "done": rate.done,
                "carried": rate.carried,
                "dropped": rate.dropped,
                "done_rate": _round(rate.rate, 3),
                "unmatched": rate.unmatched,
                "carried_too_often": [
                    {"text": c.text, "carried": c.carried} for c in d.commitments.carried_too_often
                ],
                "not_followed_up": list(d.commitments.unanswered),
                "not_followed_up_from": [str(w) for w in d.commitments.made_in],
                "from_week": _week(d.commitments.source),
            },
        },
        "needs_you": [
            {
                "rank": position,
                "kind": f.kind,
                "area": f.area,
                "subject": f.subject,
                "message": f.message,
            }
            for position, f in enumerate(d.needs_you, start=1)
        ],
    }


def dashboard_json(d: Dashboard) -> str:
    return to_json(dashboard_data(d), default=None) + "\n"
