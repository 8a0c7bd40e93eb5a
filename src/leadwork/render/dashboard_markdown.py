"""The dashboard as Markdown, to paste into a document or an email: the same sections and
words as the screen, as headings, tables and lists. Texts are whole (no width to cut to)."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from leadwork.domain.dashboard import Dashboard
from leadwork.domain.wording import short_names
from leadwork.domain.your_work import TIME_CATEGORIES
from leadwork.render import dashboard_parts as say
from leadwork.render.dashboard_parts import DASH, EMPTY, WARNING, short_week
from leadwork.render.sharing import CONFIDENCE, PRIVATE_SECTIONS, TIME_AUDIT, shown_findings
from leadwork.render.visible import visible
from leadwork.weeks import SHOWN_WEEKS

TIME_LABELS = {
    "alignment": "alignment",
    "capability": "capability",
    "accountability": "accountability",
    "someone_elses_job": "someone else's job",
    "other": "other",
}


def cell(text: object) -> str:
    """Text that stays inside one table cell: one line, pipes escaped."""
    return say.one_line(str(text)).replace("\\", "\\\\").replace("|", "\\|")


def table(headers: Sequence[str], rows: Sequence[Sequence[object]], right: set[int]) -> list[str]:
    """A GitHub-flavoured table; columns in `right` are right-aligned (numbers)."""
    rule = ["---:" if i in right else "---" for i in range(len(headers))]
    lines = ["| " + " | ".join(cell(h) for h in headers) + " |", "| " + " | ".join(rule) + " |"]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return lines


def dashboard_markdown(d: Dashboard, sections: Collection[str] = PRIVATE_SECTIONS) -> str:
    """`sections`: the private sections shown (render/sharing.py)."""
    as_of = d.shown.as_of
    this = short_week(d.week, d.week)
    short = short_names(d.names)
    out = [f"# {say.who_line(d)}: {say.when_line(d)}", ""]
    if d.header.purpose.strip():
        out += [f"> {say.one_line(d.header.purpose)}", ""]
    note = say.week_note(d)
    if note:
        out += [f"*{note}*", ""]

    a = d.alignment
    out += ["## Alignment", ""]
    rows = []
    for choice in a.choices:
        if choice.quiet:
            gap = say.quiet_choice(choice, d.week, d.settings.story_gap_weeks, a)
            latest = f"{WARNING} {gap}"
        elif choice.recent:
            story = choice.recent[0]
            latest = f"{short_week(story.week, d.week)} {story.text}"
        else:
            latest = EMPTY
        rows.append([f"`{choice.id}`", len(choice.recent), latest])
    if a.purpose:
        story = a.purpose[0]
        rows.append(["purpose", len(a.purpose), f"{short_week(story.week, d.week)} {story.text}"])
    weeks = say.recent_weeks(d.alignment.through, d.week)
    out += table(["Strategic choice", "Stories", f"Latest story, {weeks}"], rows, {1})
    heard = say.conversations_heard(a.conversations)
    if a.conversations.customer_gap:
        heard += f" ({WARNING} {say.customer_gap(d.week, a)})"
    out += [
        "",
        f"- **Conversations, {weeks}:** {heard}",
        f"- **Strategy:** {say.review_line(a.review, as_of)}",
    ]
    if a.signals.items:
        out.append("- **Refresh signals since the review:**")
        for s in a.signals.items:
            who = f"{s.who}: " if s.who else ""
            out.append(f"  - {short_week(s.week, d.week)} {s.kind}: {who}{say.one_line(s.text)}")
    else:
        out.append("- **Refresh signals since the review:** none")
    if a.signals.capped and a.review.last is not None:
        out.append(f"  - *{say.signals_capped()}*")

    out += ["", "## Capability", ""]
    if d.capabilities:
        out += table(
            say.CAPABILITY_HEADERS,
            [say.capability_cells(c) for c in d.capabilities],
            {3},
        )
    else:
        out.append("No capabilities yet.")

    out += ["", "## Accountability", ""]
    if d.indicators:
        first, last = d.weeks[0], d.weeks[-1]
        out += table(
            [
                "Indicator",
                "Owner",
                "Target",
                this,
                "Status",
                f"{short_week(first, last)}{DASH}{short_week(last, last)}",
                "Note",
            ],
            [
                [
                    ind.name,
                    short.get(ind.owner, ind.owner) if ind.owner else EMPTY,
                    say.target_label(ind.thresholds, ind.unit),
                    say.reading(ind),
                    say.status_label(ind.now.status),
                    "`" + "".join(c for c, _ in say.indicator_spark(ind.history)) + "`",
                    say.indicator_note(ind),
                ]
                for ind in d.indicators
            ],
            {3},
        )
    else:
        out.append("No indicators yet.")
    if d.coverage:
        out.append("")
        people = [say.one_on_one_cells(row, as_of) for row in d.coverage]
        out += table(["One-on-ones", "Last", "Next", "Open commitments"], people, set())

    out += ["", "## Your work", ""]
    if TIME_AUDIT in sections or CONFIDENCE in sections:
        out += _work_table(d, this)
    share = say.someone_elses_job(d.time) if TIME_AUDIT in sections else None
    if share:
        out.append(f"- **Someone else's job:** {share}")
    out.append(f"- **{say.commitments_label(d)}:** {say.done_rate(d.commitments)}")

    out += ["", "## Needs you", ""]
    findings = shown_findings(d.needs_you, sections)
    if findings:
        out += [f"{i}. {f.message}" for i, f in enumerate(findings, start=1)]
    else:
        out.append("Nothing needs you this week. Celebrate what went well.")
    return visible("\n".join(out) + "\n")


def _work_table(d: Dashboard, this: str) -> list[str]:
    out: list[str] = []
    t = d.time
    confidence = {view.area: view for view in d.confidence}
    rows = []
    for category in TIME_CATEGORIES:
        view = confidence.get(category)
        rows.append(
            [
                TIME_LABELS[category],
                say.hours(t.this_week[category]) if t.this_week else EMPTY,
                say.hours(round(t.average[category], 1)) if t.average else EMPTY,
                (f"{view.value}/5" if view.value is not None else EMPTY) if view else "",
                "`" + say.rating_spark(view.history) + "`" if view else "",
                say.confidence_trend(view) if view else "",
            ]
        )
    rows.append(
        [
            "total",
            say.hours(sum(t.this_week.values())) if t.this_week else EMPTY,
            say.hours(round(sum(t.average.values()), 1)) if t.average else EMPTY,
            "",
            "",
            "",
        ]
    )
    out += table(
        [
            "Where the hours went",
            this,
            say.average_heading(d.time),
            f"Confidence {this}",
            f"{SHOWN_WEEKS} weeks",
            "vs 4 wks",
        ],
        rows,
        {1, 2, 3},
    )
    out.append("")
    return out
