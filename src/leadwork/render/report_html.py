"""A report as one HTML page to send: the summary first (what needs you, the indicators by
status at the end of the range, what changed), then each area (alignment, capability,
accountability, one-on-ones), a chart per indicator over the range, stories and
conversations in full. Built from the same Report as the markdown and JSON, with the same
blocks (render/report.py); statuses and movements are the domain's.

The time audit and confidence appear only when `sections` holds them (render/sharing.py).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from leadwork.domain.report import IndicatorSummary, Report
from leadwork.domain.status import STATUSES
from leadwork.domain.wording import first_name, owner_word, person_word, plural, short_names
from leadwork.render.chart import indicator_chart
from leadwork.render.page import (
    change_list,
    e,
    entries,
    legend,
    page,
    pill,
    status_counts,
    table,
)
from leadwork.render.palette import STATUS_LABEL
from leadwork.render.report import (
    _byline,
    _capability_blocks,
    _commitment_blocks,
    _confidence_blocks,
    _meeting_blocks,
    _time_blocks,
    _title,
    course_correct_phrase,
    due_phrase,
    plan_and_change_lines,
    retired_phrase,
    unlisted_phrase,
)
from leadwork.render.sharing import CONFIDENCE, TIME_AUDIT
from leadwork.values import format_value

MOVEMENT = {
    "improving": "improving",
    "worsening": "worsening",
    "steady": "steady",
    "no data": "no reading",
}


def _blocks(blocks: Sequence[tuple[Any, ...]]) -> list[str]:
    """The report's blocks (render/report.py) as HTML."""
    out = []
    for block in blocks:
        kind = block[0]
        if kind == "h3":
            out.append(f"<h3>{e(block[1])}</h3>")
        elif kind == "p":
            out.append(f"<p>{e(block[1])}</p>")
        elif kind == "list":
            out.append("<ul>" + "".join(f"<li>{e(i)}</li>" for i in block[1]) + "</ul>")
        else:
            header, rows = block[1], block[2]
            numeric = {
                i
                for i in range(1, len(header))
                if all(_numeric(str(row[i])) for row in rows if i < len(row))
            }
            out.append(table(header, rows, numeric))
    return out


def _numeric(text: str) -> bool:
    stripped = text.replace(".", "").replace("%", "").replace("—", "").strip()
    return stripped.isdigit() or text == "—"


def report_html(report: Report, sections: Collection[str] = ()) -> str:
    body = [
        '<header class="page">',
        f"<h1>{e(_title(report))}</h1>",
        f"<p>{e(_byline(report))}</p>",
        "</header>",
    ]
    body += _summary(report)
    body += _alignment(report)
    body += ["<h2>Capability</h2>", *_blocks(_capability_blocks(report))]
    body += _accountability(report)
    body += ["<h2>One-on-ones</h2>", *_blocks(_meeting_blocks(report))]
    if TIME_AUDIT in sections or CONFIDENCE in sections:
        body += ['<section class="private">', "<h2>Your work (private)</h2>"]
        if TIME_AUDIT in sections:
            body += ["<h3>Time audit</h3>", *_blocks(_time_blocks(report))]
        if CONFIDENCE in sections:
            body += ["<h3>Confidence per area</h3>", *_blocks(_confidence_blocks(report))]
        body.append("</section>")
    body.append(
        "<footer>Made with leadwork from the leader's journal. The time audit and "
        "confidence ratings are "
        + ("included (--private)." if TIME_AUDIT in sections else "left out: they are private.")
        + "</footer>"
    )
    return page(_title(report), body)


def _end(ind: IndicatorSummary) -> str | None:
    return ind.end_status  # None when retired by the end of the range: not counted


def _end_pill(ind: IndicatorSummary) -> str:
    if ind.retired_on is not None:
        return f'<span class="pill retired">retired {e(ind.retired_on)}</span>'
    return pill(_end(ind))


def _summary(report: Report) -> list[str]:
    out = ['<section class="summary" aria-label="Summary">', '<div class="card needs">']
    out.append("<h2>Needs you</h2>")
    if report.needs_you:
        out.append("<ol>" + "".join(f"<li>{e(n)}</li>" for n in report.needs_you) + "</ol>")
    else:
        out.append("<p>Nothing in this range is left to act on. Celebrate what went well.</p>")
    out.append("</div>")
    counts = {s: sum(1 for ind in report.indicators if _end(ind) == s) for s in STATUSES}
    out += ['<div class="card">', f"<h2>Indicators at the end of {e(report.last)}</h2>"]
    out.append(status_counts(counts, "indicators"))
    retired = [
        f"{ind.name} (retired {ind.retired_on})" for ind in report.indicators if ind.retired_on
    ]
    if retired:
        out.append(f'<p class="quiet">Not counted: {e(", ".join(retired))}.</p>')
    out.append('<h2 style="margin-top:.9rem">What changed</h2>')
    changes = _changes(report)
    out.append(change_list(changes, "Nothing moved in this range."))
    out += ["</div>", "</section>"]
    return out


def _changes(report: Report) -> list[str]:
    """Indicators that moved (the domain's movement), capability levels reviewed and steps
    done, strategy reviews: each already judged, only said here."""
    out = []
    for ind in report.indicators:
        if ind.movement in ("improving", "worsening") and ind.first and ind.last:
            span = (
                f"{format_value(ind.first.value, ind.unit)} → "
                f"{format_value(ind.last.value, ind.unit)}"
            )
            out.append(f"{e(ind.name)}: {e(ind.movement)}, {e(span)}")
    for cap in report.capabilities:
        levels = [level for _, level, _ in cap.reviews if level is not None]
        if levels:
            out.append(f"{e(cap.name)}: reviewed at level {levels[-1]} (target {cap.target})")
        if cap.done_in_range:
            out.append(f"{e(cap.name)}: {plural(len(cap.done_in_range), 'plan step')} done")
    for day, changes in report.strategy_reviews:
        out.append(f"Strategy reviewed {e(day)}: {e(changes or 'no changes recorded')}")
    return out


def _alignment(report: Report) -> list[str]:
    out = ["<h2>Alignment</h2>"]
    short = short_names(report.names)
    if not report.stories:
        out.append("<p>No strategic choices are defined.</p>")
    for group in report.stories:
        out.append(f"<h3>{e(group.heading)}</h3>")
        if not group.stories:
            out.append('<p class="quiet">No story in this range.</p>')
            continue
        out += entries(
            (story.week + (f" · {person_word(story.who, short)}" if story.who else ""), story.text)
            for story in group.stories
        )
    out.append("<h3>Stakeholder conversations</h3>")
    if report.conversations:
        out += entries(
            (
                f"{talk.week} · {talk.kind}"
                + (f" · {person_word(talk.who, short)}" if talk.who else "")
                + (" · signals a strategy refresh" if talk.refresh else ""),
                talk.text,
            )
            for talk in report.conversations
        )
    else:
        out.append('<p class="quiet">No stakeholder conversation was recorded in this range.</p>')
    if report.strategy_reviews:
        out.append("<h3>Strategy reviews</h3><ul>")
        out += [
            f"<li>{e(day)}: {e(changes or 'no changes recorded')}</li>"
            for day, changes in report.strategy_reviews
        ]
        out.append("</ul>")
    return out


def _notes(lines: list[str]) -> list[str]:
    """Changes of the bar, plans agreed, a missing plan: a short list under the facts."""
    if not lines:
        return []
    return ['<ul class="notes">' + "".join(f"<li>{e(line)}</li>" for line in lines) + "</ul>"]


def _accountability(report: Report) -> list[str]:
    out = ["<h2>Accountability</h2>"]
    unlisted = _notes([unlisted_phrase(item) for item in report.unlisted])
    if not report.indicators:
        return [*out, "<p>No indicators are defined.</p>", *unlisted]
    out.append(legend())
    leader = first_name(report.leader)
    short = short_names(report.names)
    for ind in report.indicators:
        owner = person_word(owner_word(ind.owner, leader), short)
        weeks = ", ".join(
            f"{ind.weeks_by_status[s]} {STATUS_LABEL[s]}"
            for s in STATUSES
            if ind.weeks_by_status[s]
        )
        facts = [f"owner {owner}"] if owner else []
        retired = retired_phrase(ind)
        if retired is not None:
            facts.append(retired)
        facts.append(MOVEMENT[ind.movement])
        if ind.trend_warning:
            facts.append("warning: moving the wrong way")
        run = course_correct_phrase(ind)
        if run is not None:
            facts.append(run)
        due = due_phrase(ind)
        if due is not None:
            facts.append(due)
        facts.append(f"weeks: {weeks}")
        out += [
            f'<article class="indicator" id="indicator-{e(ind.id)}">',
            f"<h3><span>{e(ind.name)}</span>{_end_pill(ind)}</h3>",
            f'<p class="facts">{e(" · ".join(facts))}</p>',
            *_notes(plan_and_change_lines(ind, report)),
            indicator_chart(ind.id, ind.name, ind.unit, ind.history),
            "</article>",
        ]
    out += unlisted
    out += ["<h3>Commitments</h3>", *_blocks(_commitment_blocks(report))]
    return out
