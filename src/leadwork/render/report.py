"""A report as Markdown (to paste into a quarterly review) or JSON; the HTML page to send is
render/report_html.py, which shares the phrases here.

A report is meant to be shared: the time audit and confidence appear only when the
`sections` given hold them (render/sharing.py). Markdown is built from sections; every
text a person wrote is escaped for the format, so a story with a `|` or a `<` cannot break
the table or the page.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Collection, Mapping
from typing import Any

from leadwork.domain.commitments import DoneRate, unmatched_said
from leadwork.domain.report import (
    ConversationItem,
    IndicatorSummary,
    PersonMeetings,
    PlanItem,
    Report,
    ThresholdChange,
    Unlisted,
)
from leadwork.domain.status import STATUSES
from leadwork.domain.timeline import Period
from leadwork.domain.wording import (
    STATUS_WORDS,
    due_for,
    first_name,
    latest_instead,
    owner_word,
    person_word,
    plural,
    possessive,
    short_names,
)
from leadwork.model.words import ME
from leadwork.render.json_text import to_json
from leadwork.render.palette import STATUS_LABEL, UNKNOWN_LEVEL
from leadwork.render.sharing import CONFIDENCE, PRIVATE_SECTIONS, TIME_AUDIT
from leadwork.render.visible import visible
from leadwork.values import format_average, format_percent, format_share, format_value
from leadwork.weeks import Week

TIME_LABEL = {
    "alignment": "alignment",
    "capability": "capability",
    "accountability": "accountability",
    "someone_elses_job": "someone else's job",
    "other": "other",
}


# ---- JSON -------------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Week):
        return str(value)
    raise TypeError(type(value).__name__)


PRIVATE_KEYS = {
    TIME_AUDIT: (
        "time",
        "time_average_share",
        "time_warning_percent",
        "weeks_over_time_warning",
    ),
    CONFIDENCE: ("confidence", "confidence_average"),
}


def report_json(report: Report, sections: Collection[str] = PRIVATE_SECTIONS) -> str:
    """The report as JSON; the private `sections` not given are left out, keys and all."""
    data = dataclasses.asdict(report)
    for section, keys in PRIVATE_KEYS.items():
        if section not in sections:
            for key in keys:
                del data[key]
    data["first"], data["last"] = str(report.first), str(report.last)
    current = report.unchecked_current
    data["unchecked_current"] = None if current is None else str(current)
    data["commitments"] = _rate_json(report.commitments)
    data["one_on_one_commitments"] = _rate_json(report.one_on_one_commitments)
    data["commitments_by_week"] = [
        {"week": week, **_rate_json(rate)} for week, rate in report.commitments_by_week
    ]
    data["carried_too_often"] = [
        {
            "text": item.text,
            "carried": item.times,
            "outcome": item.outcome,
            "outcome_week": str(item.outcome_week) if item.outcome_week else None,
            "person": item.person,
            "by": item.by,
        }
        for item in report.carried_too_often
    ]
    data["strategy_reviews"] = [
        {"date": day, "changes": changes} for day, changes in report.strategy_reviews
    ]
    for cap in data["capabilities"]:
        cap["reviews"] = [
            {"date": day, "level": level, "reason": reason} for day, level, reason in cap["reviews"]
        ]
        later = cap["level_set_after"]
        cap["level_set_after"] = None if later is None else {"date": later[0], "level": later[1]}
    for ind in data["indicators"]:
        for key in ("first", "last"):
            if ind[key] is not None:
                ind[key] = _week_json(ind[key])
        ind["history"] = [_week_json(h) for h in ind["history"]]
        due = ind.pop("due_at_end")
        ind["awaiting_at_end"] = due is not None
        ind["due_for"] = None if due is None else str(Period(**due))
        for change in ind["changes"]:
            del change["described"]  # the JSON carries the numbers; the words are the views'
    return to_json(data, default=_plain)


def _week_json(h: dict[str, Any]) -> dict[str, Any]:
    """A judged week as the dashboard's JSON writes it. `asdict` has already turned the
    `Week` into {"year", "number"}: written back as YYYY-Www."""
    week = h["week"]
    if isinstance(week, dict):
        week = Week(week["year"], week["number"])
    return {"week": str(week), "value": h["value"], "status": h["status"]}


def _rate_json(rate: Any) -> dict[str, Any]:
    return {
        "done": rate.done,
        "carried": rate.carried,
        "dropped": rate.dropped,
        "rate": None if rate.rate is None else round(rate.rate, 3),
        "unmatched": rate.unmatched,
    }


# ---- sections, shared by Markdown and HTML ---------------------------------------------------
# A section is a heading and blocks; a block is ("p", text), ("list", [texts]) or
# ("table", header, rows). Texts are plain; each format escapes them its own way.


def _percent(share: float | None) -> str:
    return "—" if share is None else format_percent(share * 100)


def _sections(report: Report, sections: Collection[str]) -> list[tuple[str, list[tuple[Any, ...]]]]:
    """The report's sections, the private ones only when in `sections`."""
    needs: list[tuple[Any, ...]] = (
        [("list", report.needs_you)]
        if report.needs_you
        else [("p", "Nothing in this range is left to act on.")]
    )
    return [
        ("Needs you", needs),
        ("Leading indicators", _indicator_blocks(report)),
        ("Stories per strategic choice", _story_blocks(report)),
        ("Stakeholder conversations", _conversation_blocks(report)),
        ("Capabilities", _capability_blocks(report)),
        *([("Time audit", _time_blocks(report))] if TIME_AUDIT in sections else []),
        *([("Confidence per area", _confidence_blocks(report))] if CONFIDENCE in sections else []),
        ("Commitments", _commitment_blocks(report)),
        ("One-on-ones", _meeting_blocks(report)),
    ]


def conversation_line(talk: ConversationItem, short: Mapping[str, str]) -> str:
    who = f" ({person_word(talk.who, short)})" if talk.who else ""
    refresh = " [refresh signal]" if talk.refresh else ""
    return f"{talk.week}, {talk.kind}{who}{refresh}: {talk.text}"


def _conversation_blocks(report: Report) -> list[tuple[Any, ...]]:
    if not report.conversations:
        return [("p", "No stakeholder conversation was recorded in this range.")]
    return [
        ("list", [conversation_line(t, short_names(report.names)) for t in report.conversations])
    ]


def _title(report: Report) -> str:
    return f"Leadership report, {report.first} to {report.last}"


def _byline(report: Report) -> str:
    who = ", ".join(x for x in (report.leader, report.title, report.organization) if x)
    said = (
        f"{who}. {plural(report.weeks, 'week')}, {len(report.checkin_weeks)} with a check-in "
        f"({report.first.monday} to {report.last.sunday})."
    )
    if report.unchecked_current is not None:  # as the dashboard's header says it
        done = str(report.last) in report.checkin_weeks
        ends = latest_instead(report.unchecked_current, report.last, "the report ends on", done)
        said += f" {ends}."
    return said


def _indicator_blocks(report: Report) -> list[tuple[Any, ...]]:
    short = short_names(report.names)
    unlisted = [unlisted_phrase(item) for item in report.unlisted]
    if not report.indicators:
        return [("p", "No indicators are defined."), *([("list", unlisted)] if unlisted else [])]
    header = ["indicator", "owner", *(STATUS_LABEL[s] for s in STATUSES), "first → last", "trend"]
    rows = []
    notes = []
    for ind in report.indicators:
        span = "—"
        if ind.first is not None and ind.last is not None:
            first, last = ind.first.value, ind.last.value
            span = f"{format_value(first, ind.unit)} → {format_value(last, ind.unit)}"
        trend = ind.movement + (", warning: moving the wrong way" if ind.trend_warning else "")
        rows.append(
            [
                ind.name,  # a reader of what is shared knows it by name; JSON keeps the id
                person_word(owner_word(ind.owner, first_name(report.leader)), short) or "",
                *(str(ind.weeks_by_status[s]) for s in STATUSES),
                span,
                trend,
            ]
        )
        retired = retired_phrase(ind)
        if retired is not None:
            notes.append(f"{ind.name}: {retired}.")
        run = course_correct_phrase(ind)
        if run is not None:
            notes.append(f"{ind.name}: {run}.")
        notes += [f"{ind.name}: {line}" for line in plan_and_change_lines(ind, report)]
        due = due_phrase(ind)
        if due is not None:
            notes.append(f"{ind.name}: {due}.")
    blocks: list[tuple[Any, ...]] = [("table", header, rows)]
    if notes + unlisted:
        blocks.append(("list", notes + unlisted))
    return blocks


NO_PLAN_IN_FORCE = "no plan recorded for the current off-track run"


def plan_phrase(plan: PlanItem, report: Report) -> str:
    """A plan recorded in the range, as the person who agreed it is known: "plan agreed
    with Marcus on 2026-11-27: ...", or "no plan yet, said with Tom on 2026-09-16"."""
    leader = first_name(report.leader)
    if plan.person == ME:
        made = f"{possessive(leader)} own plan, week of {plan.date}"
        return f"{made}: {plan.text}" if plan.text else f"{made}: no plan yet"
    who = person_word(plan.person, short_names(report.names)) or "someone"
    if plan.text is None:
        return f"no plan yet, said with {who} on {plan.date}"
    return f"plan agreed with {who} on {plan.date}: {plan.text}"


def intent_phrase(plan: PlanItem, report: Report) -> str:
    """A plan recorded in the range outside an off-track episode (`IndicatorSummary.intents`),
    said apart from the plans to get back on track: "note of intent with Lena on 2027-02-03,
    not off track then: ..."."""
    if plan.person == ME:
        made = f"{possessive(first_name(report.leader))} own note of intent, week of {plan.date}"
    else:
        who = person_word(plan.person, short_names(report.names)) or "someone"
        made = f"note of intent with {who} on {plan.date}"
    return f"{made}, not off track then: {plan.text}"


def change_phrase(change: ThresholdChange) -> str:
    """A change of target or thresholds in the range, in the words `indicator change`
    printed: "changed from 2026-10-26: target 24 → 21"."""
    return f"changed from {change.since}: {change.described}"


def plan_and_change_lines(ind: IndicatorSummary, report: Report) -> list[str]:
    """What a reader needs to read the quarter honestly: the bar that moved, the plans
    agreed, and a missing plan for an off-track run at the range's end."""
    lines = [change_phrase(c) for c in ind.changes]
    lines += [plan_phrase(p, report) for p in ind.plans]
    lines += [intent_phrase(p, report) for p in ind.intents]
    if ind.no_plan_for_off_track_run:
        lines.append(NO_PLAN_IN_FORCE)
    return lines


def due_phrase(ind: IndicatorSummary) -> str | None:
    """The month or quarter the range ends in, not read yet, as the dashboard says it of
    that week (`status.due_period`): "due for Feb 2027 at the end of the range"."""
    if ind.due_at_end is None:
        return None
    return f"{due_for(ind.due_at_end)} at the end of the range"


def unlisted_phrase(item: Unlisted) -> str:
    """Readings the report leaves out, their id not in indicators.toml: "mentor-matches:
    read in 8 weeks (2026-W45 to 2026-W53), left out: indicators.toml does not define it
    (run leadwork check)"."""
    span = item.weeks[0] if len(item.weeks) == 1 else f"{item.weeks[0]} to {item.weeks[-1]}"
    return (
        f"{item.id}: read in {plural(len(item.weeks), 'week')} ({span}), left out: "
        "indicators.toml does not define it (run leadwork check)"
    )


def retired_phrase(ind: IndicatorSummary) -> str | None:
    """An indicator retired by the range's end, with its last reading: "retired
    2026-11-02 (last reading 96% in 2026-W44), not counted at the end of the range".
    None while it was still tracked."""
    if ind.retired_on is None:
        return None
    text = f"retired {ind.retired_on}"
    if ind.last is not None:
        read = ind.last.read_in or ind.last.week
        text += f" (last reading {format_value(ind.last.value, ind.unit)} in {read})"
    return f"{text}, not counted at the end of the range"


def course_correct_phrase(ind: IndicatorSummary) -> str | None:
    """The longest course-correct run of the range, with its weeks and what came after:
    "course-correct 3 weeks in a row, 2026-W39 to 2026-W42; on track since 2026-W43".
    None below two periods in a row."""
    if ind.longest_course_correct < 2:
        return None
    text = (
        f"course-correct {plural(ind.longest_course_correct, ind.period_noun)} in a row, "
        f"{ind.longest_course_correct_from} to {ind.longest_course_correct_to}"
    )
    if ind.status_after is None:
        return f"{text}; still course-correct at the end of the range"
    return f"{text}; {STATUS_WORDS[ind.status_after]} since {ind.status_after_since}"


def _story_blocks(report: Report) -> list[tuple[Any, ...]]:
    blocks: list[tuple[Any, ...]] = []
    short = short_names(report.names)
    for group in report.stories:
        blocks.append(("h3", group.heading))
        if group.stories:
            blocks.append(
                (
                    "list",
                    [
                        f"{s.week}"
                        + (f" · {person_word(s.who, short)}" if s.who else "")
                        + f": {s.text}"
                        for s in group.stories
                    ],
                )
            )
        else:
            blocks.append(("p", "No story in this range."))
    if report.strategy_reviews:
        blocks.append(("h3", "Strategy reviews"))
        blocks.append(
            (
                "list",
                [
                    f"{day}: {changes or 'no changes recorded'}"
                    for day, changes in report.strategy_reviews
                ],
            )
        )
    return blocks or [("p", "No strategic choices are defined.")]


def _capability_blocks(report: Report) -> list[tuple[Any, ...]]:
    if not report.capabilities:
        return [("p", "No capabilities are defined.")]
    header = [
        "capability",
        "level / target",
        "steps",
        "done",
        "done in range",
        "open",
        "overdue",
        "reviews",
    ]
    rows = []
    details = []
    for cap in report.capabilities:
        reviews = "; ".join(
            f"{day}" + (f" level {level}" if level is not None else "")
            for day, level, _ in cap.reviews
        )
        rows.append(
            [
                cap.name + (f" (retired {cap.retired_on})" if cap.retired_on else ""),
                f"{UNKNOWN_LEVEL if cap.level is None else cap.level} / {cap.target}",
                str(cap.steps_total),
                str(cap.steps_done),
                str(len(cap.done_in_range)),
                str(cap.open_steps),
                str(len(cap.overdue)),
                reviews or "—",
            ]
        )
        if cap.level is None and cap.level_set_after is not None:
            day, level = cap.level_set_after
            details.append(
                f"{cap.id}: level at the end of the range not recorded: a review set it to "
                f"{level} on {day}, and none before that says what it was"
            )
        if cap.retired_on:
            details.append(
                f"{cap.id}: retired {cap.retired_on}: its plan as it stood the day before, "
                "not asked for at the end of the range"
            )
        for step in cap.done_in_range:
            details.append(f"{cap.id}: done {step.done}: {step.what}")
        for step in cap.overdue:
            later = f" (done {step.done}, after the range)" if step.done is not False else ""
            details.append(f"{cap.id}: overdue since {step.due}: {step.what}{later}")
    blocks: list[tuple[Any, ...]] = [("table", header, rows)]
    if details:
        blocks.append(("list", details))
    return blocks


def _time_blocks(report: Report) -> list[tuple[Any, ...]]:
    if not report.time:
        return [("p", "No time audit was recorded in this range.")]
    header = ["week", *(TIME_LABEL[k] for k in TIME_LABEL), "someone else's job share"]
    rows = [
        [
            t.week,
            *(format_value(t.hours[k]) for k in TIME_LABEL),
            "—"
            if t.someone_elses_percent is None
            else format_share(t.someone_elses_percent, report.time_warning_percent),
        ]
        for t in report.time
    ]
    average = report.time_average_share
    rows.append(["share of all hours", *(_percent(average[k]) for k in TIME_LABEL), ""])
    blocks: list[tuple[Any, ...]] = [("table", header, rows)]
    over = report.weeks_over_time_warning
    limit = report.time_warning_percent
    if over:
        blocks.append(
            (
                "p",
                f"Over {limit}% on someone else's job in {plural(len(over), 'week')}: "
                f"{', '.join(over)}.",
            )
        )
    else:
        blocks.append(("p", f"No week over {limit}% on someone else's job."))
    return blocks


def _confidence_blocks(report: Report) -> list[tuple[Any, ...]]:
    if not report.confidence:
        return [("p", "No confidence was recorded in this range.")]
    areas = list(report.confidence_average)
    rows = [[c.week, *(format_value(c.levels[a]) for a in areas)] for c in report.confidence]
    rows.append(
        [
            "average",
            *(format_average(report.confidence_average[a]) for a in areas),
        ]
    )
    return [("p", "1 = not confident, 5 = very confident."), ("table", ["week", *areas], rows)]


def _rate_said(whose: str, rate: DoneRate) -> str:
    """ "Your weekly commitments: done 13 of 20 followed up (65%); carried 7, dropped 0."
    Leadwork's own words only (`whose` is fixed), so its `leadwork check` stays code."""
    stray = f"; {unmatched_said(rate.unmatched)}" if rate.unmatched else ""
    if rate.total == 0:
        return OwnWords(f"{whose}: none followed up in this range{stray}.")
    return OwnWords(
        f"{whose}: done {rate.done} of {rate.total} followed up ({_percent(rate.rate)}); "
        f"carried {rate.carried}, dropped {rate.dropped}{stray}."
    )


def _commitment_blocks(report: Report) -> list[tuple[Any, ...]]:
    rate, met = report.commitments, report.one_on_one_commitments
    if rate.total == 0 and met.total == 0 and not rate.unmatched and not met.unmatched:
        return [("p", "No commitments were followed up in this range.")]
    blocks: list[tuple[Any, ...]] = [
        ("p", _rate_said("Your weekly commitments", rate)),
        ("p", _rate_said("One-on-one commitments (yours and theirs)", met)),
    ]
    if report.commitments_by_week:  # your weekly ones, week by week
        blocks.append(
            (
                "table",
                ["week", "done", "carried", "dropped", "done rate"],
                [
                    [week, str(r.done), str(r.carried), str(r.dropped), _percent(r.rate)]
                    for week, r in report.commitments_by_week
                ],
            )
        )
    if report.carried_too_often:
        blocks.append(
            (
                "list",
                [item.said() for item in report.carried_too_often],
            )
        )
    return blocks


def _meeting_blocks(report: Report) -> list[tuple[Any, ...]]:
    if not report.one_on_ones:
        return [("p", "No people are defined in team.toml.")]
    rows = [
        [
            m.name + "".join(f" ({said})" for said in _on_team_said(m)),
            str(m.held),
            "—" if m.expected is None else str(m.expected),
            str(m.last or "—"),
        ]
        for m in report.one_on_ones
    ]
    blocks: list[tuple[Any, ...]] = [
        ("table", ["person", "held", "expected by cadence", "last"], rows)
    ]
    late = [
        f"{m.name}: first one-on-one on {m.first_late}, "
        f"{plural((m.first_late - m.others_from).days, 'day')} after the first with anyone "
        f"({m.others_from}), yet expected from {m.counted_from}. If they joined the team "
        "later, set joined_on in team.toml: meetings are then expected from that day."
        for m in report.one_on_ones
        if m.first_late and m.others_from and m.counted_from
    ]
    if late:
        blocks.append(("list", late))
    return blocks


def _on_team_said(m: PersonMeetings) -> list[str]:
    """'joined 2026-10-19', 'left 2026-11-20': when they came or went within the range."""
    return [f"{verb} {day}" for verb, day in (("joined", m.joined_on), ("left", m.left_on)) if day]


# ---- Markdown ---------------------------------------------------------------------------------


class OwnWords(str):
    """A text leadwork wrote whole, with no person's words in it: in Markdown its commands
    in backticks ("see `leadwork check`") stay code. Joined with anything (an f-string, `+`)
    it is a plain `str` again, escaped whole: what a person wrote is never left unescaped."""


_CODE = re.compile(r"(`[^`]+`)")


def _md(text: str) -> str:
    """Escape what would be read as Markdown, and keep a table cell on one line. Of
    leadwork's own words (`OwnWords`), the code spans are kept as code."""
    line = " ".join(text.split())
    pieces = _CODE.split(line) if isinstance(text, OwnWords) else [line]
    return "".join(piece if i % 2 else _md_escape(piece) for i, piece in enumerate(pieces))


def _md_escape(text: str) -> str:
    for char in "\\`*_[]<>|#":
        text = text.replace(char, "\\" + char)
    return text


def report_markdown(report: Report, sections: Collection[str] = PRIVATE_SECTIONS) -> str:
    lines = [f"# {_md(_title(report))}", "", _md(_byline(report)), ""]
    for heading, blocks in _sections(report, sections):
        lines += [f"## {heading}", ""]
        for block in blocks:
            kind = block[0]
            if kind == "h3":
                lines += [f"### {_md(block[1])}", ""]
            elif kind == "p":
                lines += [_md(block[1]), ""]
            elif kind == "list":
                lines += [f"- {_md(item)}" for item in block[1]] + [""]
            else:
                header, rows = block[1], block[2]
                lines.append("| " + " | ".join(_md(h) for h in header) + " |")
                lines.append("|" + "|".join("---" for _ in header) + "|")
                lines += ["| " + " | ".join(_md(c) for c in row) + " |" for row in rows]
                lines.append("")
    return visible("\n".join(lines).rstrip("\n") + "\n")
