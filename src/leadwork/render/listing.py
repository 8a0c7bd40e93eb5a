"""`indicator list|show` and `capability list|show`: Rich tables for people, JSON for scripts.

The JSON shapes are documented in docs/cli.md ("JSON output"); keys are only ever added.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console, ConsoleOptions, Group, JustifyMethod, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from leadwork.domain.joint_indicators import describe_change
from leadwork.domain.listing import CapabilityView
from leadwork.domain.scoreboard import IndicatorView
from leadwork.domain.status import Thresholds, WeekStatus, reading_week
from leadwork.domain.wording import (
    agreed_new,
    due_for,
    held_reading,
    no_reading_for,
    owner_word,
    plural,
)
from leadwork.model.words import ME
from leadwork.render.held import held_json
from leadwork.render.json_text import to_json
from leadwork.render.layout import (
    GAP,
    NAME_KEPT,
    NAME_MIN,
    boxed_room,
    cell_width,
    name_room,
    plain_table,
    stacked,
)
from leadwork.render.lean_table import LeanTable
from leadwork.render.palette import STATUS_STYLE, status_text
from leadwork.values import format_value

BOXED_NAME_MIN = 16  # below this the borders cost the name more than they give the eye


class ListTable:
    """A list of things with an id and a name: one row each, laid out for the width it is
    given. Boxed, as it always was, while the borders leave the name room; otherwise the
    dashboard's table without lines; and where even that would squeeze the name, each row
    stacked: id and name on one line, the other cells aligned below (see render/layout.py).
    The id and every other cell never wrap or shrink, so no number, status or id is cut."""

    def __init__(
        self,
        title: str,
        headers: list[str],
        rows: list[list[RenderableType]],
        right: set[int],
        empty: str,
        broken: list[list[RenderableType]] | None = None,
    ) -> None:
        self.title = title
        self.headers = headers  # the id first, the name second
        self.rows = rows
        self.right = right  # columns aligned right (numbers)
        self.empty = empty
        # the same rows with a long cell on two lines ("no data" over "no reading for Dec
        # 2026"), for a table that would otherwise squeeze the name
        self.broken = broken

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if not self.rows:
            yield self.boxed()
            return
        width = options.max_width
        fixed = self.fixed(self.rows)
        if boxed_room(width, fixed) >= BOXED_NAME_MIN:
            yield self.boxed()
            return
        yield Text(self.title)
        rows, room = self.rows, name_room(width, fixed)
        names = cell_width([self.headers[1], *(row[1] for row in self.rows)])
        if room < min(names, NAME_KEPT) and self.broken is not None:
            # a long cell goes onto two lines before the name is squeezed below a sensible
            # width (some four words), where that gives the name more room
            broken_room = name_room(width, self.fixed(self.broken))
            if broken_room > room:
                rows, room = self.broken, broken_room
        if room >= NAME_MIN:
            yield self.lineless(rows)
        else:
            yield self.stacked(fixed[0])

    def fixed(self, rows: list[list[RenderableType]]) -> list[int]:
        """The widths of the columns that never wrap: every one but the name."""
        return [
            cell_width([header, *(row[i] for row in rows)])
            for i, header in enumerate(self.headers)
            if i != 1
        ]

    def boxed(self) -> Table:
        table = Table(title=self.title, title_justify="left", expand=False)
        self.fill(table, self.rows)
        if not self.rows:
            table.caption = self.empty
        return table

    def lineless(self, rows: list[list[RenderableType]]) -> Table:
        table = plain_table()
        self.fill(table, rows)
        return table

    def fill(self, table: Table, rows: list[list[RenderableType]]) -> None:
        for i, header in enumerate(self.headers):
            justify: JustifyMethod = "right" if i in self.right else "left"
            # The name is the one column that wraps, at word ends, a word longer than the
            # column folded (never cut with an ellipsis); Rich would squeeze any other.
            table.add_column(
                header,
                justify=justify,
                no_wrap=i != 1,
                ratio=1 if i == 1 else None,
                overflow="fold" if i == 1 else "ellipsis",
            )
        for row in rows:
            table.add_row(*row)

    def stacked(self, id_width: int) -> RenderableType:
        first = _id_and_name(Text(self.headers[0]), Text(self.headers[1]), id_width, "dim")
        rows = [[_id_and_name(row[0], row[1], id_width), *row[2:]] for row in self.rows]
        right = {i - 1 for i in self.right}  # the name no longer has a column of its own
        return stacked([first, *self.headers[2:]], rows, right)


def _id_and_name(id: RenderableType, name: RenderableType, id_width: int, style: str = "") -> Table:
    """The first line of a stacked row: the id, whole, and the name beside it, wrapping
    under itself rather than under the id."""
    grid = LeanTable.grid(padding=(0, GAP, 0, 0))
    grid.add_column(width=id_width, no_wrap=True)
    grid.add_column()
    grid.add_row(id, name, style=style)
    return grid


# ---- indicators -------------------------------------------------------------------------------


def _thresholds_json(t: Thresholds) -> dict[str, Any]:
    return {"target": t.target, "celebrate": t.celebrate, "course_correct": t.course_correct}


def _week_json(h: WeekStatus | None) -> dict[str, Any] | None:
    if h is None:
        return None
    return {"week": str(h.week), "value": h.value, "status": h.status}


def indicator_summary_json(view: IndicatorView) -> dict[str, Any]:
    ind = view.indicator
    return {
        "id": ind.id,
        "name": ind.name,
        "owner": view.owner,
        "serves": list(ind.serves),
        "unit": ind.unit,
        "direction": ind.direction,
        "cadence": ind.cadence,
        **_thresholds_json(view.thresholds),
        "active": view.active,
        "latest": _week_json(view.latest),
        "status": view.history[-1].status,
        "due_for": str(view.due) if view.due is not None else None,
        "held": held_json(view.held),
        "missing": str(view.missing) if view.missing is not None else None,
        "new_on": None if view.new_on is None else view.new_on.isoformat(),
        "trend_warning": view.trend_warning,
        "course_correct_weeks": view.course_correct_weeks,
    }


def indicator_list_json(week: str, views: list[IndicatorView]) -> str:
    return to_json({"week": week, "indicators": [indicator_summary_json(v) for v in views]})


def indicator_detail_json(view: IndicatorView) -> str:
    ind = view.indicator
    data = indicator_summary_json(view)
    data.update(
        {
            "week": str(view.week),
            "agreed_with": list(ind.agreed_with),
            "agreed_on": ind.agreed_on,
            "retired_on": ind.retired_on,
            "note": ind.note,
            "changes": [change.model_dump(mode="json") for change in ind.changes],
            "history": [_week_json(h) for h in view.history if h.tracked],
            "not_tracked": view.not_tracked,
        }
    )
    return to_json(data)


def _status_now(view: IndicatorView, separator: str = " · ") -> Text:
    """The status of the week the view stands on; for a month or quarter whose reading is
    not in yet, "due for Nov 2026" (`status.due_period`), as the dashboard says it, not
    "no data" beside the latest value; and while it is due, the off-track reading the
    episode goes on from (`status.episode_held`), under it: "Nov 84% at risk". A month that
    went unread is said after the status, `separator` between (a line break where the cell
    goes onto two lines)."""
    if view.due is not None:
        said = Text(due_for(view.due), style="dim")
        held = view.held
        if held is not None:
            value = format_value(held.value, view.indicator.unit)
            said.append("\n")  # under it, as the dashboard's note goes when narrow
            said.append(held_reading(held, value), STATUS_STYLE[held.status])
        return said
    status = status_text(view.history[-1].status)
    if view.missing is not None:  # as the dashboard's row note says it
        status.append(f"{separator}{no_reading_for(view.missing)}", style="yellow")
    if view.new_on is not None:  # agreed since the week the view stands on
        status.append(f"{separator}{agreed_new(view.new_on)}", style="dim")
    return status


def _direction(direction: str) -> str:
    return "↑ higher" if direction == "higher" else "↓ lower"


def indicator_list_table(
    week: str, views: list[IndicatorView], owner: str | None = None
) -> RenderableType:
    if owner is not None and not views:
        # an owner with none is not a journal without indicators: no empty table, no advice
        # to add some, but who owns none, and when
        who = "You own" if owner == ME else f"{owner} owns"
        return Text(f"{who} no indicator as of {week}.")
    rows: list[list[RenderableType]] = []
    broken: list[list[RenderableType]] = []
    for view in views:
        ind = view.indicator
        latest = view.latest
        shown = format_value(latest.value, ind.unit) if latest else "—"
        if latest is not None and reading_week(latest) != view.week:
            shown += f" ({reading_week(latest)})"
        statuses = [_status_now(view), _status_now(view, "\n")]
        for status in statuses:
            if view.trend_warning:
                status.append(" ⚠ trend", style="yellow")
        if not view.active:
            statuses = [Text("retired" if view.retired else "not agreed yet", style="dim")] * 2
        target = ("≥ " if ind.direction == "higher" else "≤ ") + format_value(
            view.thresholds.target, ind.unit
        )
        cells = [ind.id, ind.name, owner_word(view.owner) or "", target, shown]
        rows.append([*cells, statuses[0]])
        broken.append([*cells, statuses[1]])
    return ListTable(
        f"Indicators, as of {week}",
        ["id", "name", "owner", "target", "latest", "status"],
        rows,
        right={3, 4},
        empty="No indicators yet: add them to indicators.toml.",
        broken=broken,
    )


def indicator_detail(view: IndicatorView) -> Group:
    ind = view.indicator
    t = view.thresholds
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    facts.add_row("indicator", f"{ind.id}: {ind.name}")
    facts.add_row("owner", owner_word(view.owner) or "—")
    agreed = ", ".join(ind.agreed_with) or "—"
    if ind.agreed_on:
        agreed += f" on {ind.agreed_on}"
    facts.add_row("agreed with", agreed)
    facts.add_row("serves", ", ".join(ind.serves) or "—")
    facts.add_row("better", _direction(ind.direction))
    if ind.cadence != "weekly":
        read = f"{ind.cadence}: a reading stands for its {view.track.period_noun}"
        if view.due is not None and view.due != view.history[-1].period:
            # nothing owed for the week's own period (`status.period_due`): the next is due
            read += f" · {due_for(view.due)}"
        facts.add_row("read", read)
    facts.add_row(
        # thresholds "in" a week it was not tracked in would be none it had then
        f"in {view.week}" if view.track.tracked else "thresholds",
        f"target {format_value(t.target, ind.unit)}, "
        f"celebrate at {format_value(t.celebrate, ind.unit)}, "
        f"course-correct past {format_value(t.course_correct, ind.unit)}",
    )
    for change in sorted(ind.changes, key=lambda c: c.since):
        said = describe_change(ind, change)
        who = ", ".join(change.agreed_with)
        agreed = f" (agreed with {who})" if who else ""
        facts.add_row("changed", f"{change.since}: {said}{agreed}")
    if ind.retired_on:
        facts.add_row("retired", str(ind.retired_on))
    if ind.note:
        facts.add_row("note", ind.note)
    parts: list[Any] = [facts, Text("")]
    if view.not_tracked is not None:
        parts.append(Text(view.not_tracked))  # why, instead of "Last 0 weeks"
    if view.new_on is not None:  # agreed since the week the view stands on
        parts.append(
            Text(f"{ind.id}: {agreed_new(view.new_on)}, after {view.week}: no reading yet")
        )
    tracked = [h for h in view.history if h.tracked]  # not the weeks before it was agreed
    history = Table(title=f"Last {plural(len(tracked), 'week')}", title_justify="left")
    history.add_column("week", no_wrap=True)
    history.add_column("value", justify="right", no_wrap=True)
    history.add_column("status", no_wrap=True)
    for h in reversed(tracked):
        value = format_value(h.value, ind.unit)
        if h.value is not None and h.read_in is not None and h.read_in != h.week:
            # a monthly or quarterly reading standing for this week, said by the check-in it
            # is written in: when it was read is not known (typed late, or with --week)
            value += f" (from {h.read_in})"
        status = status_text(h.status)
        if view.due is not None and h.value is None and h.period == view.due:
            status = Text(due_for(view.due))  # the month's reading is not in yet
        if view.missing is not None and h.value is None and h.period == view.missing:
            status = Text(no_reading_for(view.missing), style="yellow")  # as the dashboard
        history.add_row(str(h.week), value, status)
    if tracked:  # a retired one's last weeks, under why the week seen from is not one
        parts += [Text("")] * (view.not_tracked is not None) + [history]
    if view.trend_warning:
        parts.append(Text("⚠ moving the wrong way week after week", style="yellow"))
    if view.course_correct_weeks >= 2:
        parts.append(
            Text(f"course-correct {view.course_correct_weeks} weeks running", style="bold red")
        )
    return Group(*parts)


# ---- capabilities -----------------------------------------------------------------------------


def _step_json(view: CapabilityView) -> list[dict[str, Any]]:
    return [
        {
            "number": s.number,
            "what": s.step.what,
            "due": s.step.due,
            "done": s.step.done,  # a date, true, or false
            "overdue": s.overdue,
        }
        for s in view.steps
    ]


def capability_summary_json(view: CapabilityView) -> dict[str, Any]:
    cap = view.capability
    following = view.next_step
    return {
        "id": cap.id,
        "name": cap.name,
        "kind": cap.kind,
        "owner": cap.owner,
        "serves": list(cap.serves),
        "retired_on": cap.retired_on,
        "level": cap.level,
        "target": cap.target,
        "steps_total": len(view.steps),
        "steps_done": view.steps_done,
        "overdue_steps": len(view.overdue),
        "next_step": (
            {"number": following.number, "what": following.step.what, "due": following.step.due}
            if following
            else None
        ),
    }


def capability_list_json(views: list[CapabilityView]) -> str:
    return to_json({"capabilities": [capability_summary_json(v) for v in views]})


def capability_detail_json(view: CapabilityView) -> str:
    data = capability_summary_json(view)
    data.update(
        {
            "note": view.capability.note,
            "steps": _step_json(view),
            "indicators": [{"id": i.id, "name": i.name} for i in view.indicators],
            "reviews": [
                {"date": day, "level": level, "file": file} for day, level, file in view.reviews
            ],
        }
    )
    return to_json(data)


def _level(level: int, target: int) -> Text:
    bar = Text("●" * level, style="cyan")
    bar.append("○" * max(0, target - level), style="dim")
    bar.append(f" {level}/{target}")
    return bar


def capability_list_table(views: list[CapabilityView]) -> ListTable:
    rows: list[list[RenderableType]] = []
    for view in views:
        cap = view.capability
        plan = Text(f"{view.steps_done}/{len(view.steps)} done")
        if view.overdue:
            plan.append(f", {len(view.overdue)} overdue", style="bold red")
        following = view.next_step
        due = str(following.step.due or "no date") if following is not None else "—"
        owner = owner_word(cap.owner) or ""
        rows.append([cap.id, cap.name, owner, _level(cap.level, cap.target), plan, due])
    return ListTable(
        "Capabilities",
        ["id", "name", "owner", "level", "plan", "next due"],
        rows,
        right=set(),
        empty="No capabilities yet: add them to capabilities.toml.",
    )


def capability_detail(view: CapabilityView) -> Group:
    cap = view.capability
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    facts.add_row("capability", f"{cap.id}: {cap.name}")
    facts.add_row("kind", cap.kind)
    facts.add_row("owner", owner_word(cap.owner) or "—")
    facts.add_row("serves", ", ".join(cap.serves) or "—")
    facts.add_row("level", _level(cap.level, cap.target))
    if cap.retired_on:  # its plan as it stood the day before (`capability.plan_day`)
        facts.add_row("retired", f"{cap.retired_on}: its plan as it stood the day before")
    if cap.note:
        facts.add_row("note", cap.note)
    indicators = ", ".join(i.id for i in view.indicators) or "none yet"
    facts.add_row("indicators", indicators)
    for day, level, _file in view.reviews:
        facts.add_row("reviewed", f"{day}" + (f": level {level}" if level is not None else ""))
    rows: list[list[RenderableType]] = []
    for s in view.steps:
        if s.done:
            done = Text("✓ " + (str(s.step.done) if s.step.done is not True else ""), "green")
        elif s.overdue:
            done = Text("overdue", style="bold red")
        else:
            done = Text("open", style="dim")
        rows.append([str(s.number), s.step.what, str(s.step.due or "—"), done])
    # a list like any other (`ListTable`): at 40 columns the step wraps without its borders,
    # never "Cross-do…" (trial 20)
    steps = ListTable(
        "Plan",
        ["#", "step", "due", "done"],
        rows,
        right={0},
        empty="No plan yet: add [[capabilities.steps]] to capabilities.toml.",
    )
    return Group(facts, Text(""), steps)
