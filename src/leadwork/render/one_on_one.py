"""A one-on-one's preparation as Rich renderables, a Markdown agenda or JSON; the list of
who is due; and the summary of what a recording wrote."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from leadwork.domain.cadence import Cadence
from leadwork.domain.commitments import carried_too_often
from leadwork.domain.joint_indicators import describe_change
from leadwork.domain.meeting_commitments import OpenCommitment
from leadwork.domain.one_on_one import (
    IndicatorView,
    Prep,
    agenda_questions,
    no_story,
    not_off_track_words,
    reading_weeks,
)
from leadwork.domain.status import CELEBRATE, COURSE_CORRECT, ON_TRACK, WeekStatus, reading_week
from leadwork.domain.wording import (
    agreed_new,
    due_and_held,
    first_name,
    listed,
    no_reading_for,
    plural,
    possessive,
    short_date,
)
from leadwork.render.dashboard_parts import indicator_spark, short_week
from leadwork.render.held import held_json
from leadwork.render.json_text import to_json
from leadwork.render.layout import NAME_MIN, cell_width, cut_words, name_room, stacked
from leadwork.render.palette import STATUS_LABEL, STATUS_STYLE
from leadwork.render.visible import visible
from leadwork.usecases.one_on_one import Recorded
from leadwork.values import format_value
from leadwork.weeks import SHOWN_WEEKS

if TYPE_CHECKING:
    from leadwork.model.team import Person

# ---- shared pieces ----------------------------------------------------------------------------


def sparkline(history: Sequence[WeekStatus]) -> list[tuple[str, str]]:
    """One (character, status) per week: the dashboard's sparkline (one rule for both)."""
    return indicator_spark(history)


def status_label(view: IndicatorView) -> str:
    if view.due is not None:  # as the dashboard says it: the period runs, not read yet
        # and the off-track reading the episode goes on from meanwhile: "· Nov 84% at risk"
        value = format_value(view.held.value if view.held else None, view.indicator.unit)
        return due_and_held(view.due, view.held, value)
    label = STATUS_LABEL[view.status]
    if view.status == COURSE_CORRECT and view.course_correct_weeks > 1:
        label += f" {view.course_correct_weeks} weeks"
    return label


def plan_note(view: IndicatorView) -> str:
    if view.new_on is not None:  # agreed since the week the view stands on
        return agreed_new(view.new_on)
    if view.needs_plan:
        if view.plan is not None:
            return view.plan.label  # whose, when not the person met's (a handover)
        return "no plan yet"
    if view.trend_warning and view.status in (ON_TRACK, CELEBRATE):
        return "worsening"
    if view.missing is not None:  # as the dashboard's row note says it
        return no_reading_for(view.missing)
    return ""


def whose(prep: Prep, by: str, me: str = "You", them: str | None = None) -> str:
    """Who made a commitment: `me` for the leader ("You" in the leader's own view; the
    leader's first name in the agenda sent to the person), `them` for the person (their
    first name in the leader's view; "You" in the agenda addressed to them)."""
    return me if by == "me" else (them or prep.first_name)


def due_note(item: OpenCommitment) -> str:
    if item.due is None:
        return ""
    return f"was due {item.due}" if item.overdue else f"due {item.due}"


def carried_note(item: OpenCommitment) -> str:
    times = _carried_times(item)
    return times + (", a pattern" if times and item.carried_too_often else "")


def _carried_times(item: OpenCommitment) -> str:
    """How often a commitment was carried over, without the leader's "a pattern"."""
    if not item.carried:
        return ""
    return "carried over " + ("once" if item.carried == 1 else f"{item.carried} times")


def cadence_line(prep: Prep) -> str:
    person, state = prep.person, prep.cadence
    parts = []
    if prep.last is not None:
        days = (prep.date - prep.last.date).days
        parts.append(f"Last one-on-one {prep.last.date} ({plural(days, 'day')})")
    else:
        parts.append("No one-on-one recorded yet")
    if person.cadence_days:
        parts.append(f"every {plural(person.cadence_days, 'day')}")
        if state.state == "overdue":
            parts.append(f"OVERDUE by {plural(state.days_overdue, 'day')} (was due {state.due_on})")
        elif state.due_on is not None:
            parts.append(f"due {state.due_on}")
    return " · ".join(parts)


def recorded_note(prep: Prep) -> str | None:
    """A one-on-one already recorded on the day (`one_on_one.prep_reads_until`): the
    preparation stands before it, a recording after it."""
    count = prep.recorded_that_day
    if not count:
        return None
    one = count == 1
    what, verb, it = (
        ("A one-on-one", "is", "it") if one else (f"{count} one-on-ones", "are", "them")
    )
    after = (
        f"this records another that day, after {it}: last time is "
        + ("that one" if one else "the latest")
        if prep.recording
        else f"this is the preparation as it stood before {it}"
    )
    return f"{what} with {prep.first_name} on {prep.date} {verb} already recorded; {after}."


def _title(prep: Prep) -> str:
    role = f" ({prep.person.role})" if prep.person.role else ""
    day = f"{prep.date:%A} {prep.date.day} {prep.date:%B %Y}"
    return f"One-on-one with {prep.person.name}{role}, {day}"


# ---- Rich -----------------------------------------------------------------------------------


def _heading(text: str) -> Text:
    return Text("\n" + text, style="bold")


def _pad(renderable: RenderableType) -> RenderableType:
    return Padding(renderable, (0, 0, 0, 2), expand=False)


def _dim(text: str) -> RenderableType:
    return _pad(Text(text, style="dim"))


def latest_cell(view: IndicatorView) -> str:
    """The Latest column: the week's value; while its month or quarter is not read yet, the
    latest reading with the week it was read in (`6.8% (W42)`), as the questions cite it."""
    shown = view.current if view.current.value is not None else view.latest
    text = format_value(shown.value, view.indicator.unit, missing="-")
    if shown is not view.current:
        text += f" ({short_week(reading_week(shown), view.current.week)})"
    return text


def _indicator_table(prep: Prep) -> RenderableType:
    if not prep.indicators:
        return _dim(f"{prep.first_name} owns no indicator yet.")
    headers = ["Indicator", "Latest", "Target", f"{SHOWN_WEEKS} weeks", "Status"]
    rows: list[list[RenderableType]] = []
    for view in prep.indicators:
        ind, current = view.indicator, view.current
        spark = Text()
        for char, week_status in sparkline(view.history):
            spark.append(char, style=STATUS_STYLE[week_status])
        status = Text(status_label(view), style=STATUS_STYLE[view.status])
        note = plan_note(view)
        if note:
            status.append("\n" + note, style="bold red" if view.flagged else "yellow")
        rows.append(
            [
                Text(ind.name),
                Text(latest_cell(view)),
                Text(format_value(current.thresholds.target, ind.unit, missing="-")),
                spark,
                status,
            ]
        )
    return _pad(PrepIndicators(headers, rows))


STATUS_MIN = 14  # the prep's Status column is never narrower (it lines up the notes)


class PrepIndicators:
    """The prep's indicators, laid out for the width they are given as every table of
    indicators is (render/layout.py): the name is the one column that wraps; the values,
    the chart and the status (with its note) are never cut; where the name would get fewer
    than `NAME_MIN` columns, each indicator is stacked under its name."""

    def __init__(self, headers: list[str], rows: list[list[RenderableType]]) -> None:
        self.headers = headers
        self.rows = rows

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        fixed = [cell_width([h, *(r[i] for r in self.rows)]) for i, h in enumerate(self.headers)]
        fixed[4] = max(fixed[4], STATUS_MIN)
        if name_room(options.max_width, fixed[1:], gap=1) < NAME_MIN:
            yield stacked(self.headers, self.rows, right={1, 2})
            return
        table = Table(box=None, padding=(0, 1), pad_edge=False, show_edge=False)
        table.add_column(self.headers[0], header_style="bold", min_width=NAME_MIN)
        table.add_column(self.headers[1], header_style="bold", justify="right", no_wrap=True)
        table.add_column(self.headers[2], header_style="bold", justify="right", no_wrap=True)
        table.add_column(self.headers[3], header_style="bold", no_wrap=True)
        table.add_column(self.headers[4], header_style="bold", no_wrap=True, min_width=STATUS_MIN)
        for row in self.rows:
            table.add_row(*row)
        yield table


def _since(prep: Prep) -> str:
    """The heading's meeting: the one the listed commitments were made in, named only while
    some are open (the heading and the line under it speak of the same meeting)."""
    return f" from {prep.commitments_from}" if prep.commitments and prep.commitments_from else ""


def _no_open(prep: Prep) -> str:
    """Why the preparation lists no open commitment: the last one-on-one made none, or
    those of the meeting that made the latest were all given an outcome since (trial 21:
    not "from 2026-10-28 / None were made last time")."""
    made, last = prep.commitments_from, prep.last.date if prep.last else None
    if made is None:
        return "None were made last time."
    if last is not None and made < last:
        return (
            f"None: the last one-on-one ({last}) made none, and those of {made} "
            "have all been followed up."
        )
    return f"None open: those of {made} have all been closed."


def _commitments(prep: Prep) -> RenderableType:
    if prep.last is None:
        return _dim("No earlier one-on-one.")
    if not prep.commitments:
        return _dim(_no_open(prep))
    rows: list[list[Text]] = []
    for item in prep.commitments:
        when = Text(due_note(item), style="yellow" if item.overdue else "")
        if item.carried:
            style = "bold red" if item.carried_too_often else ""
            when.append("\n" + carried_note(item), style=style)
        rows.append(
            [
                Text(f"{item.number}."),
                Text(whose(prep, item.by), style="bold"),
                Text(item.text),
                when,
            ]
        )
    return _pad(PrepCommitments(rows))


class PrepCommitments:
    """The prep's open commitments, laid out for the width they are given as every table is
    (render/layout.py): the commitment's text is the one column that wraps, at word ends;
    the number, who and the due date (with "carried over") are never cut; where the text
    would get fewer than `NAME_MIN` columns, each commitment is a block: number, who and
    text on their line, the due date under it (trial 20: "was due 2026-11-0" at 50
    columns, "was due" at 40)."""

    def __init__(self, rows: list[list[Text]]) -> None:
        self.rows = rows  # number, who, text, when

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        fixed = [cell_width([row[i] for row in self.rows]) for i in (0, 1, 3)]
        if name_room(options.max_width, fixed, gap=2) < NAME_MIN:  # padding 1 either side
            rows = [[_numbered(row, fixed[:2]), row[3]] for row in self.rows]
            yield stacked(["", ""], rows, set())
            return
        table = Table(box=None, padding=(0, 1), pad_edge=False, show_edge=False, show_header=False)
        table.add_column(justify="right", no_wrap=True)
        table.add_column(no_wrap=True)
        table.add_column(min_width=NAME_MIN, overflow="fold")
        table.add_column(no_wrap=True)
        for row in self.rows:
            table.add_row(*row)
        yield table


def _numbered(row: list[Text], widths: list[int]) -> RenderableType:
    """A stacked commitment's first line: its number and who, whole, and its text beside
    them, wrapping under itself."""
    grid = Table.grid(padding=(0, 2, 0, 0))  # as the table's columns
    grid.add_column(width=widths[0], justify="right", no_wrap=True)
    grid.add_column(width=widths[1], no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_row(*row[:3])
    return grid


def _stories(prep: Prep) -> RenderableType:
    if not prep.stories:
        said = no_story(prep)
        return _dim(f"{said[0].upper()}{said[1:]}.")
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True, style="dim")
    table.add_column(min_width=20)
    for story in prep.stories:
        text = Text(story.text)
        if story.choice:
            text.append(f" ({story.choice})", style="cyan")
        table.add_row(str(story.week), text)
    return _pad(table)


def _questions(prep: Prep) -> RenderableType:
    table = Table.grid(padding=(0, 1))
    table.add_column(justify="right", no_wrap=True)
    table.add_column(min_width=20)
    for i, question in enumerate(prep.questions, start=1):
        text = Text(question.text, style="bold")
        if question.context:
            text.append("\n" + question.context, style="dim")
        table.add_row(Text(f"{i}.", style="bold"), text)
    return _pad(table)


def prep_renderable(prep: Prep) -> RenderableType:
    if prep.left:
        return _follow_up_renderable(prep)
    first, last = reading_weeks(prep.stand or prep.weeks[-1])
    since = _since(prep)
    note = recorded_note(prep)
    return Group(
        Text(_title(prep), style="bold"),
        Text(cadence_line(prep), style="bold red" if prep.cadence.state == "overdue" else ""),
        *([Text(note, style="yellow")] if note else []),
        _heading(f"Indicators, {first} to {last}"),
        _indicator_table(prep),
        _heading(f"Open commitments{since}"),
        _commitments(prep),
        _heading(f"Stories about {prep.first_name}"),
        _stories(prep),
        _heading("Questions to ask"),
        _questions(prep),
    )


def _follow_up_renderable(prep: Prep) -> RenderableType:
    """Someone who has left (`one_on_one.follow_up_prep`): no meeting, only your commitments
    still open from their one-on-ones."""
    left = prep.person.left_on
    since = _since(prep)
    return Group(
        Text(
            f"{prep.person.name} left the team on {left}: no more one-on-ones. Their own "
            "commitments closed when they left; yours stay open until you say what became "
            "of them.",
            style="bold",
        ),
        _heading(f"Your open commitments{since}"),
        _commitments(prep),
    )


# ---- Markdown -------------------------------------------------------------------------------


def _md(text: str) -> str:
    """Text safe inside Markdown: no accidental emphasis, links, tables or HTML."""
    escaped = "".join("\\" + ch if ch in "\\`*_[]<>|#" else ch for ch in text)
    return " ".join(escaped.split())  # one line: a line break would end a list item


def _agenda_status(view: IndicatorView) -> str:
    status = status_label(view)
    if view.trend_warning and view.status in (ON_TRACK, CELEBRATE):
        status += ", moving the wrong way"
    if view.missing is not None:
        status += f", {no_reading_for(view.missing)}"
    if view.new_on is not None:
        status += f", {agreed_new(view.new_on)}"
    return f"**{status}**" if view.needs_plan else status


def _agenda_plan(view: IndicatorView) -> str:
    if view.plan is not None:
        plan = view.plan  # whose, when not the person met's: "Tony's plan of 2026-10-01"
        said = f"agreed {plan.date}" if plan.by is None else _md(plan.label)
        return f"{_md(plan.text)} _({said})_"
    return "no plan yet" if view.needs_plan else ""


def prep_markdown(prep: Prep) -> str:
    """The agenda sent to the person before the meeting, addressed to them: their
    indicators with status and plan, both sides' open commitments (the leader's under the
    leader's first name), stories about them, a place for their topics, and the questions
    in the second person (`agenda_questions`). Nothing in it judges them by an absence,
    and the leader's cadence bookkeeping stays in the leader's view."""
    leader = first_name(prep.leader)
    day = f"{prep.date:%A} {prep.date.day} {prep.date:%B %Y}"
    names = f"{prep.first_name} and {leader}"
    since = f" · our last one-on-one was on {prep.last.date}" if prep.last else ""
    lines = [f"# Our one-on-one, {day}", "", f"_{_md(names + since)}_", ""]
    first, last = reading_weeks(prep.stand or prep.weeks[-1])
    lines += [f"## Your indicators, {first} to {last}", ""]
    if prep.indicators:
        lines += [
            f"| Indicator | Latest | Target | Status | {SHOWN_WEEKS} weeks | Plan |",
            "|---|--:|--:|---|---|---|",
        ]
        for view in prep.indicators:
            ind = view.indicator
            spark = "".join(char for char, _ in sparkline(view.history))
            lines.append(
                f"| {_md(ind.name)} "
                f"| {_md(latest_cell(view))} "
                f"| {_md(format_value(view.current.thresholds.target, ind.unit, missing='-'))} "
                f"| {_agenda_status(view)} | {spark} | {_agenda_plan(view)} |"
            )
    else:
        lines.append("None yet: an indicator we agree on can be the first topic.")
    if prep.commitments:
        since = _since(prep)
        lines += ["", f"## Open commitments{since}", ""]
        for item in prep.commitments:
            extra = ", ".join(filter(None, (due_note(item), _carried_times(item))))
            lines.append(
                f"{item.number}. **{_md(whose(prep, item.by, leader, 'You'))}:** "
                f"{_md(item.text)}" + (f" ({_md(extra)})" if extra else "")
            )
    if prep.stories:
        lines += ["", "## Stories about you", ""]
        for story in prep.stories:
            choice = f" _({_md(story.choice)})_" if story.choice else ""
            lines.append(f"- {story.week}: {_md(story.text)}{choice}")
    lines += ["", "## Your topics", "", "_Add what you want to talk about: we start with yours._"]
    lines += ["", "## Questions for you", ""]
    for i, question in enumerate(agenda_questions(prep), start=1):
        lines.append(f"{i}. **{_md(question.text)}**")
        if question.context:
            lines.append(f"   - {_md(question.context)}")
    return visible("\n".join(lines) + "\n")


# ---- JSON -------------------------------------------------------------------------------------


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def prep_data(prep: Prep) -> dict[str, Any]:
    """The preparation for scripts; documented in docs/cli.md."""
    return {
        "person": {"id": prep.person.id, "name": prep.person.name, "role": prep.person.role},
        "date": prep.date.isoformat(),
        "weeks": [str(prep.weeks[0]), str(prep.weeks[-1])],
        "cadence": cadence_data(prep.cadence, prep.person),
        "last_one_on_one": _date(prep.last.date) if prep.last else None,
        "recorded_that_day": prep.recorded_that_day,
        "indicators": [
            {
                "id": v.indicator.id,
                "name": v.indicator.name,
                "unit": v.indicator.unit,
                "direction": v.indicator.direction,
                "week": str(v.current.week),
                "value": v.current.value,
                "status": v.status,
                "due_for": None if v.due is None else str(v.due),
                "held": held_json(v.held),
                "missing": None if v.missing is None else str(v.missing),
                "new_on": _date(v.new_on) if v.new_on else None,
                "target": v.current.thresholds.target,
                "celebrate": v.current.thresholds.celebrate,
                "course_correct": v.current.thresholds.course_correct,
                "course_correct_weeks": v.course_correct_weeks,
                "trend_warning": v.trend_warning,
                "needs_plan": v.needs_plan,
                "flagged": v.flagged,
                "plan": (
                    {"date": _date(v.plan.date), "text": v.plan.text, "person": v.plan.person}
                    if v.plan
                    else None
                ),
                "no_plan_since": _date(v.no_plan_since),
                "history": [
                    {"week": str(h.week), "value": h.value, "status": h.status} for h in v.history
                ],
            }
            for v in prep.indicators
        ],
        "commitments": [
            {
                "number": c.number,
                "by": c.by,
                "text": c.text,
                "due": _date(c.due),
                "carried": c.carried,
                "carried_too_often": c.carried_too_often,
                "past_due": c.overdue,
            }
            for c in prep.commitments
        ],
        "stories": [
            {"week": str(s.week), "text": s.text, "choice": s.choice} for s in prep.stories
        ],
        "questions": [
            {"kind": q.kind, "text": q.text, "context": q.context, "indicator": q.indicator}
            for q in prep.questions
        ],
    }


def prep_json(prep: Prep) -> str:
    return to_json(prep_data(prep), default=None)


# ---- who is due ---------------------------------------------------------------------------------


def cadence_data(state: Cadence, person: Person) -> dict[str, Any]:
    return {
        "person": person.id,
        "name": person.name,
        "cadence_days": person.cadence_days,
        "last": _date(state.last),
        "due_on": _date(state.due_on),
        "state": state.state,
        "days_overdue": state.days_overdue,
    }


def _due_words(state: Cadence, today: dt.date) -> str:
    if state.state == "overdue":
        return f"overdue by {state.days_overdue} day{'s' * (state.days_overdue != 1)}"
    if state.last is None:
        return "due now (never met)"
    days = (state.due_on - today).days if state.due_on else 0
    return "due today" if days == 0 else f"due in {days} day{'s' * (days != 1)}"


def due_renderable(
    due: Sequence[Cadence],
    people: dict[str, Person],
    today: dt.date,
    next_up: Sequence[Cadence] = (),
) -> RenderableType:
    """Who is due; when nobody is, everyone due next, by name: "Next: Jan Nowak, Aisha
    Bello and Tomasz Wrona on 2027-03-23"."""
    if not due:
        text = Text(f"Nobody is due for a one-on-one on {today}.")
        if next_up and next_up[0].due_on is not None:
            names = listed([people[c.person].name for c in next_up])
            text.append(f" Next: {names} on {next_up[0].due_on}.", style="dim")
        return text
    rows = [
        [
            Text(f"{person.name} ({person.id})"),
            Text(person.role or ""),
            Text(str(state.last) if state.last else "never"),
            Text(f"{person.cadence_days} days"),
            Text(str(state.due_on) if state.due_on else ""),
            Text(
                _due_words(state, today),
                style="bold red" if state.state == "overdue" else "yellow",
            ),
        ]
        for state in due
        for person in [people[state.person]]
    ]
    return Group(Text(f"Due for a one-on-one on {today}", style="bold"), DueTable(rows))


DUE_HEADERS = ("Person", "Role", "Last", "Every", "Due", "")
ROLE, LAST, EVERY, DUE = 1, 2, 3, 4
GAP = 2  # between two columns
# While the rows do not fit on one line each, in this order: the role is cut short (with
# an ellipsis) down to 20 columns, the due date is left out (the last column's words say
# it), the role is cut down to 12, then left out, then the cadence, then the last
# meeting. The person and the words always stay.
SHRINK: tuple[tuple[str, int], ...] = (
    ("cut", 20),
    ("drop", DUE),
    ("cut", 12),
    ("drop", ROLE),
    ("drop", EVERY),
    ("drop", LAST),
)


class DueTable:
    """Who is due, one line per person at any width (`SHRINK`), rather than Rich
    squeezing every column into a stack of broken words."""

    def __init__(self, rows: list[list[Text]]) -> None:
        self.rows = rows

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widths = [
            max(cell_len(h), *(row[i].cell_len for row in self.rows))
            for i, h in enumerate(DUE_HEADERS)
        ]
        shown = list(range(len(DUE_HEADERS)))
        for step, arg in SHRINK:
            excess = sum(widths[i] for i in shown) + GAP * (len(shown) - 1) - options.max_width
            if excess <= 0:
                break
            if step == "cut":
                widths[ROLE] = max(min(widths[ROLE], arg), widths[ROLE] - excess)
            else:
                shown.remove(arg)
        table = Table(box=None, padding=(0, GAP // 2), pad_edge=False, show_edge=False)
        for i in shown:
            table.add_column(
                DUE_HEADERS[i],
                header_style="bold",
                no_wrap=True,
                overflow="ellipsis",
                width=widths[i] if i == ROLE else None,
            )
        for row in self.rows:
            table.add_row(*(_cut(row[i], widths[i]) if i == ROLE else row[i] for i in shown))
        yield table


def _cut(text: Text, width: int) -> Text:
    """`text` in `width` columns, cut after a whole word ("Clinical lead, ED…", not
    "Clinical lead, ED ph…"): `layout.cut_words`."""
    if text.cell_len <= width:
        return text
    return Text(cut_words(text.plain, width), style=text.style)


def due_json(due: Sequence[Cadence], people: dict[str, Person], today: dt.date) -> str:
    return to_json(
        {"today": today.isoformat(), "due": [cadence_data(c, people[c.person]) for c in due]},
        default=None,
    )


# ---- after recording ----------------------------------------------------------------------------


def recorded_renderable(recorded: Recorded) -> RenderableType:
    """What recording wrote, and what it leaves open. `recorded.followed` are last time's
    commitments given an outcome (`one_on_one.followed_up`): each is echoed with its text,
    so a wrong number shows at once ("carried 2: 'Newsletter for the night shift'").
    `recorded.kept`: the indicators off track whose plan on record stands, said so."""
    meeting, answers, first_name = recorded.meeting, recorded.answers, recorded.first_name
    text = Text(f"Recorded {recorded.rel}", style="bold green")

    def line(words: str, style: str) -> None:
        text.append("\n" + words, style=style)

    for follow, old in recorded.followed:
        line(f"{follow.outcome} {follow.number}: '{old.text}'", "")
    for view in recorded.kept:
        if view.plan is not None:
            said = short_date(view.plan.date, meeting.date)
            line(f"plan kept for {view.indicator.id} (from {said}): '{view.plan.text}'", "")

    if recorded.story is not None:
        line(f"Added the story to {recorded.story} ({answers.story_choice})", "green")
    for agreement in recorded.agreements:
        ind = agreement.indicator
        if agreement.change is None:
            line(f"Added indicator {ind.id} to indicators.toml", "green")
        else:
            what = describe_change(ind, agreement.change)
            line(
                f"Changed {ind.id} in indicators.toml from {agreement.change.since}: {what}",
                "green",
            )
    for commitment in meeting.commitments:
        if carried_too_often(commitment.carried):
            line(
                f'"{commitment.text}" has now been carried over {commitment.carried} times: '
                "a pattern worth naming.",
                "bold red",
            )
    for view in recorded.intents:
        line(
            f"{view.indicator.id} is {not_off_track_words(view)}: the plan is kept as a note "
            "of intent, not counted as a plan to get back on track.",
            "yellow",
        )
    for view in recorded.not_owed:
        line(
            f"{view.indicator.id} is {not_off_track_words(view)}: no plan is owed, so it is "
            f"not on {possessive(first_name)} agenda.",
            "yellow",
        )
    answered = {view.indicator.id for view in (*recorded.intents, *recorded.not_owed)}
    for plan in answers.plans:
        if plan.plan is None and plan.indicator not in answered:
            line(
                f"No plan yet for {plan.indicator}: it stays on {possessive(first_name)} agenda "
                "until there is one.",
                "yellow",
            )
    return text
