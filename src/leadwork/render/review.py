"""What `leadwork review` shows: the briefing before a review, and what it recorded."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from leadwork.domain.review import (
    CapabilityBrief,
    NumberedStep,
    OpenStep,
    Signal,
    StrategyBrief,
)
from leadwork.domain.wording import ago, listed, owner_word
from leadwork.render.json_text import to_json

_TITLE = "bold"
_WARN = "yellow"
_DIM = "dim"


def _signal_source(signal: Signal) -> str:
    kind = signal.heard_from if signal.source == "conversation" else "story"
    return f"{kind}, {signal.who}" if signal.who else str(kind)


# ---- strategy ----------------------------------------------------------------------------------


def strategy_brief_view(brief: StrategyBrief) -> RenderableType:
    parts: list[RenderableType] = [Text("Strategy review", style=_TITLE)]
    if brief.last_review is None:
        parts.append(Text("The strategy has never been reviewed (no reviewed_on, no review)."))
    else:
        done = "Co-created" if brief.last_source == "co-created" else "Last reviewed"
        line = Text(
            f"{done} {brief.last_review}, {ago(brief.days_since or 0)}; "
            f"you review every {brief.review_every_weeks} weeks, "
        )
        if brief.overdue:
            line.append(f"so it was due by {brief.due_on}.", style=_WARN)
        else:
            line.append(f"so next by {brief.due_on}.")
        parts.append(line)

    parts.append(Text())
    since = "since the last review" if brief.last_review else "in the check-ins"
    if brief.signals:
        parts.append(Text(f"Refresh signals {since} ({len(brief.signals)})", style=_TITLE))
        table = Table.grid(padding=(0, 1))
        table.add_column(justify="right")
        table.add_column(no_wrap=True)
        table.add_column()
        for number, signal in enumerate(brief.signals, start=1):
            table.add_row(
                f"{number}",
                str(signal.week),
                Text.assemble((_signal_source(signal), _DIM), "\n", signal.text),
            )
        parts.append(Padding(table, (0, 0, 0, 1), expand=False))
    else:
        parts.append(Text(f"No refresh signals {since}.", style=_TITLE))
        parts.append(
            Text(
                "  (mark a conversation or story with refresh = true when it says the "
                "strategy may need a refresh)",
                style=_DIM,
            )
        )

    parts.append(Text())
    if brief.quiet:
        parts.append(
            Text(
                f"Choices with no story in {brief.gap_weeks} weeks or more ({len(brief.quiet)})",
                style=_TITLE,
            )
        )
        table = Table.grid(padding=(0, 1))
        table.add_column(no_wrap=True)
        table.add_column()
        for quiet in brief.quiet:
            when = brief.quiet_said(quiet)
            table.add_row(
                Text(quiet.choice.id, style=_WARN),
                Text.assemble(when, "\n", (quiet.choice.statement, _DIM)),
            )
        parts.append(Padding(table, (0, 0, 0, 1), expand=False))
    else:
        parts.append(Text(f"Every choice has a story from the last {brief.gap_weeks} weeks."))
    return Group(*parts)


def strategy_brief_json(brief: StrategyBrief) -> str:
    data = {
        "today": brief.today.isoformat(),
        "last_review": _iso(brief.last_review),
        "days_since": brief.days_since,
        "review_every_weeks": brief.review_every_weeks,
        "due_on": _iso(brief.due_on),
        "overdue": brief.overdue,
        "signals": [
            {
                "number": number,
                "week": str(s.week),
                "source": s.source,
                "with": s.heard_from,
                "who": s.who,
                "text": s.text,
            }
            for number, s in enumerate(brief.signals, start=1)
        ],
        "quiet_choices": [
            {
                "id": q.choice.id,
                "statement": q.choice.statement,
                "last_story": None if q.last_story is None else str(q.last_story),
                "weeks": q.weeks,
            }
            for q in brief.quiet
        ],
        "story_gap_weeks": brief.gap_weeks,
    }
    return to_json(data, default=None)


def strategy_recorded(
    rel: str, participants: list[str], answered: int, offered: int, next_by: dt.date
) -> str:
    """What was recorded, naming its participants as written (so that a name a comma split
    in two shows as two, trial 15), and when the next review is due."""
    noun = "signal" if offered == 1 else "signals"
    signals = f"; it answered {answered} of {offered} {noun}" if offered else ""
    who = f" with {listed(participants)}" if participants else ""
    return f"Recorded {rel}{who}{signals}. The next review is due by {next_by}."


# ---- capability --------------------------------------------------------------------------------


def _step_row(item: NumberedStep, since: set[int], has_review: bool) -> tuple[Text, Text]:
    step = item.step
    if step.is_done:
        mark = Text("✓", style="green")
        when = f" (done {step.done})" if isinstance(step.done, dt.date) else " (done)"
        if item.position in since and has_review:
            when += ", since the last review"
        return mark, Text.assemble(step.what, (when, _DIM))
    due = ""
    style = ""
    if step.due is not None:
        due = f" (due {step.due}" + (", overdue)" if item.overdue else ")")
        style = _WARN if item.overdue else _DIM
    return Text("·"), Text.assemble(step.what, (due, style))


def capability_brief_view(brief: CapabilityBrief) -> RenderableType:
    cap = brief.capability
    parts: list[RenderableType] = [
        Text.assemble((f"{cap.id}", _TITLE), f"  {cap.name}"),
        Text(
            f"{cap.kind}, owner {owner_word(cap.owner) or '(none)'}, "
            f"level {cap.level} of target {cap.target}",
            style=_DIM,
        ),
    ]
    last = brief.last_review
    if last is None:
        parts.append(Text("Never reviewed."))
    else:
        level = f", level {last.level}" if last.level is not None else ""
        parts.append(Text(f"Last reviewed {last.date}{level}."))
    if brief.steps:
        since = {s.position for s in brief.done_since}
        table = Table.grid(padding=(0, 1))
        table.add_column(justify="right")
        table.add_column()
        table.add_column()
        for item in brief.steps:
            mark, text = _step_row(item, since, last is not None)
            table.add_row(str(item.position), mark, text)
        parts.append(Padding(table, (0, 0, 0, 1), expand=False))
    else:
        parts.append(Text("Its plan has no steps yet.", style=_WARN))
    if not brief.open_steps and cap.level < cap.target:
        parts.append(Text("No plan step ahead.", style=_WARN))
    return Group(*parts)


def capability_briefs_view(briefs: Sequence[CapabilityBrief]) -> RenderableType:
    parts: list[RenderableType] = []
    for brief in briefs:
        if parts:
            parts.append(Text())
        parts.append(capability_brief_view(brief))
    return Group(*parts)


def capability_briefs_json(briefs: Sequence[CapabilityBrief]) -> str:
    data = []
    for brief in briefs:
        cap = brief.capability
        last = brief.last_review
        since = {s.position for s in brief.done_since}
        data.append(
            {
                "id": cap.id,
                "name": cap.name,
                "level": cap.level,
                "target": cap.target,
                "last_review": None
                if last is None
                else {"date": last.date.isoformat(), "level": last.level},
                "steps": [
                    {
                        "position": s.position,
                        "what": s.step.what,
                        "due": _iso(s.step.due),
                        "done": s.step.done.isoformat()
                        if isinstance(s.step.done, dt.date)
                        else s.step.done,
                        "overdue": s.overdue,
                        "done_since_last_review": s.position in since,
                    }
                    for s in brief.steps
                ],
            }
        )
    return to_json({"capabilities": data}, default=None)


def capability_recorded(
    rel: str, marked: Sequence[NumberedStep], old_level: int, new_level: int | None
) -> str:
    changes = []
    if marked:
        numbers = ", ".join(str(s.position) for s in marked)
        changes.append(f"marked step{'s' * (len(marked) > 1)} {numbers} done")
    if new_level is not None and new_level != old_level:
        changes.append(f"level {old_level} → {new_level}")
    edited = f"; in capabilities.toml: {' and '.join(changes)}" if changes else ""
    return f"Recorded {rel}{edited}."


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


# ---- the check-in's step ---------------------------------------------------------------------


def open_steps_list(steps: Sequence[OpenStep]) -> RenderableType:
    """The open plan steps, numbered for the check-in's question."""
    table = Table.grid(padding=(0, 1))
    table.add_column(justify="right")
    table.add_column()
    for number, item in enumerate(steps, start=1):
        step = item.numbered.step
        # The number to type comes first, alone: the step's place in its plan is context.
        where = f" ({item.capability.id}, step {item.numbered.position}"
        due = ")"
        style = _DIM
        if step.due is not None:
            due = f"; due {step.due}" + (", overdue)" if item.numbered.overdue else ")")
            style = _WARN if item.numbered.overdue else _DIM
        table.add_row(f"{number}.", Text.assemble(step.what, (where, _DIM), (due, style)))
    return Padding(table, (0, 0, 0, 2), expand=False)


def steps_marked_note(
    marked: Sequence[tuple[OpenStep, dt.date]], gone: Sequence[object]
) -> list[str]:
    """The check-in summary's note on the steps it marked done, a sentence per day."""
    notes = []
    for day in sorted({on for _, on in marked}):
        listed = "; ".join(
            f"{s.capability.id} step {s.numbered.position}" for s, on in marked if on == day
        )
        notes.append(f"Marked done on {day} in capabilities.toml: {listed}.")
    if gone:
        notes.append(
            f"{len(gone)} step{'s' * (len(gone) != 1)} answered in the draft "
            f"{'are' if len(gone) != 1 else 'is'} no longer open in capabilities.toml "
            "(done or renamed meanwhile); left as "
            f"{'they are' if len(gone) != 1 else 'it is'}."
        )
    return notes
