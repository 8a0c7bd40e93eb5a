"""The dashboard as an HTML page to send: a summary first (what needs you, the indicators
by status, what changed since last week), then each area, a chart per indicator, stories
and refresh signals in full. Built from the same Dashboard as the text, markdown and JSON,
with the same phrases (render/dashboard_parts.py); statuses are the domain's.

The time audit and confidence appear only when `sections` holds them (render/sharing.py).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from leadwork.domain.alignment import StoryLine
from leadwork.domain.dashboard import Dashboard
from leadwork.domain.needs_you import Finding
from leadwork.domain.scoreboard import IndicatorView
from leadwork.domain.status import STATUSES, awaiting_reading
from leadwork.domain.wording import short_names
from leadwork.domain.your_work import TIME_CATEGORIES
from leadwork.render import dashboard_parts as say
from leadwork.render.chart import indicator_chart
from leadwork.render.dashboard_parts import DASH, EMPTY, WARNING, short_week
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
from leadwork.render.sharing import CONFIDENCE, TIME_AUDIT, shown_findings
from leadwork.weeks import SHOWN_WEEKS

TIME_LABELS = {
    "alignment": "Alignment",
    "capability": "Capability",
    "accountability": "Accountability",
    "someone_elses_job": "Someone else's job",
    "other": "Other",
}


def dashboard_html(d: Dashboard, sections: Collection[str] = ()) -> str:
    findings = shown_findings(d.needs_you, sections)
    body = [
        '<header class="page">',
        f"<h1>{e(say.who_line(d))}</h1>",
        f"<p>Dashboard, {e(say.when_line(d))}</p>",
    ]
    if d.header.purpose.strip():
        body.append(f'<p class="purpose">{e(say.one_line(d.header.purpose))}</p>')
    note = say.week_note(d)
    if note:
        body.append(f"<p>{e(note)}</p>")
    body.append("</header>")
    body += _summary(d, findings)
    body += _alignment(d)
    body += _capability(d)
    body += _accountability(d)
    body += _your_work(d, sections)
    body.append(
        "<footer>Made with leadwork from the leader's journal. The time audit and "
        "confidence ratings are "
        + ("included (--private)." if TIME_AUDIT in sections else "left out: they are private.")
        + "</footer>"
    )
    return page(f"{say.who_line(d)}: dashboard {d.week}", body)


def _summary(d: Dashboard, findings: list[Finding]) -> list[str]:
    out = ['<section class="summary" aria-label="Summary">', '<div class="card needs">']
    out.append("<h2>Needs you</h2>")
    if findings:
        out.append("<ol>" + "".join(f"<li>{e(f.message)}</li>" for f in findings) + "</ol>")
    else:
        out.append("<p>Nothing needs you this week. Celebrate what went well.</p>")
    out.append("</div>")
    active = [ind for ind in d.indicators if ind.active]
    counts = {s: sum(1 for ind in active if ind.now.status == s) for s in STATUSES}
    out += ['<div class="card">', "<h2>Indicators this week</h2>"]
    out.append(status_counts(counts, "indicators"))
    changes = _changes(d, active)
    out.append('<h2 style="margin-top:.9rem">What changed since last week</h2>')
    out.append(change_list(changes, "No indicator changed status."))
    out += ["</div>", "</section>"]
    return out


def _changes(d: Dashboard, active: list[IndicatorView]) -> list[str]:
    """Indicators whose judged status differs from the week before's (both the domain's)."""
    changes = []
    for ind in active:
        history = [h for h in ind.history if h.tracked]
        if len(history) < 2 or history[-2].status == history[-1].status:
            continue
        if awaiting_reading(ind.track):  # a new month not read yet is not a change
            continue
        before, now = history[-2].status, history[-1].status
        changes.append(f"{e(ind.name)}: {pill(before)} → {pill(now)}")
    return changes


def _alignment(d: Dashboard) -> list[str]:
    a = d.alignment
    weeks = say.recent_weeks(a.through, d.week)
    out = ["<h2>Alignment</h2>"]
    for choice in a.choices:
        out.append(f"<h3>{e(choice.id)}: {e(say.one_line(choice.statement))}</h3>")
        if choice.quiet:
            gap = say.quiet_choice(choice, d.week, d.settings.story_gap_weeks, a)
            out.append(f'<p class="quiet">{WARNING} {e(gap)}</p>')
        out += _stories(choice.recent, d)
        if not choice.recent and not choice.quiet:
            out.append(f'<p class="quiet">No story in {e(weeks)}.</p>')
    if a.purpose:
        out.append("<h3>The purpose itself</h3>")
        out += _stories(a.purpose, d)
    heard = say.conversations_heard(a.conversations)
    if a.conversations.customer_gap:
        heard += f" ({WARNING} {say.customer_gap(d.week, a)})"
    out.append("<h3>Conversations and strategy</h3>")
    out.append(
        f"<p><b>Conversations, {e(weeks)}:</b> {e(heard)}<br>"
        f"<b>Strategy:</b> {e(say.review_line(a.review, d.shown.as_of))}</p>"
    )
    if a.signals.items:
        out.append("<p><b>Refresh signals since the review:</b></p>")
        out += entries(
            (f"{short_week(s.week, d.week)} · {s.kind}" + (f" · {s.who}" if s.who else ""), s.text)
            for s in a.signals.items
        )
    else:
        out.append("<p><b>Refresh signals since the review:</b> none</p>")
    return out


def _stories(stories: Sequence[StoryLine], d: Dashboard) -> list[str]:
    names = short_names(d.names)  # a team id shown as the person's name, as on the terminal

    def meta(story: StoryLine) -> str:
        who = names.get(story.who, story.who) if story.who else ""
        return short_week(story.week, d.week) + (f" · {who}" if who else "")

    return entries((meta(story), story.text) for story in stories)


def _capability(d: Dashboard) -> list[str]:
    out = ["<h2>Capability</h2>"]
    if not d.capabilities:
        return [*out, "<p>No capabilities yet.</p>"]
    rows = [say.capability_cells(c) for c in d.capabilities]
    out.append(table(say.CAPABILITY_HEADERS, rows, {3}))
    return out


def _accountability(d: Dashboard) -> list[str]:
    short = short_names(d.names)
    out = ["<h2>Accountability</h2>"]
    if not d.indicators:
        out.append("<p>No indicators yet.</p>")
    else:
        out.append(legend())
    for ind in d.indicators:
        owner = short.get(ind.owner, ind.owner) if ind.owner else None
        facts = [
            f"this week {say.reading(ind)}",
            f"target {say.target_label(ind.thresholds, ind.unit)}",
        ]
        if owner:
            facts.insert(0, f"owner {owner}")
        note = say.indicator_note(ind)
        if note:
            facts.append(note)
        first, last = d.weeks[0], d.weeks[-1]
        out += [
            f'<article class="indicator" id="indicator-{e(ind.id)}">',
            f"<h3><span>{e(ind.name)}</span>{pill(ind.now.status)}</h3>",
            f'<p class="facts">{e(" · ".join(facts))} · {e(short_week(first, last))}'
            f"{DASH}{e(short_week(last, last))}</p>",
            indicator_chart(ind.id, ind.name, ind.unit, ind.history),
            "</article>",
        ]
    if d.coverage:
        out.append("<h3>One-on-ones</h3>")
        rows = [say.one_on_one_cells(row, d.shown.as_of) for row in d.coverage]
        out.append(table(["Person", "Last", "Next", "Open commitments"], rows))
    label = say.commitments_label(d)
    out.append(f"<p><b>{e(label)}:</b> {e(say.done_rate(d.commitments))}</p>")
    return out


def _your_work(d: Dashboard, sections: Collection[str]) -> list[str]:
    if TIME_AUDIT not in sections and CONFIDENCE not in sections:
        return []
    this = short_week(d.week, d.week)
    out = ['<section class="private">', "<h2>Your work (private)</h2>"]
    if TIME_AUDIT in sections:
        t = d.time
        rows = [
            [
                TIME_LABELS[c],
                say.hours(t.this_week[c]) if t.this_week else EMPTY,
                say.hours(round(t.average[c], 1)) if t.average else EMPTY,
            ]
            for c in TIME_CATEGORIES
        ]
        out.append(table(["Where the hours went", this, "4-week average"], rows, {1, 2}))
        share = say.someone_elses_job(t)
        if share:
            out.append(f"<p><b>Someone else's job:</b> {e(share)}</p>")
    if CONFIDENCE in sections and d.confidence:
        rows = [
            [
                TIME_LABELS.get(v.area, v.area),
                f"{v.value}/5" if v.value is not None else EMPTY,
                say.rating_spark(v.history),
                say.confidence_trend(v),
            ]
            for v in d.confidence
        ]
        out.append(
            table([f"Confidence {this}", "now", f"{SHOWN_WEEKS} weeks", "vs 4 weeks"], rows, {1})
        )
    out.append("</section>")
    return out
