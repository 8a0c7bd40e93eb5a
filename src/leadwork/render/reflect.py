"""`leadwork reflect` as text (Rich), Markdown (for a coach) or JSON."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from leadwork.domain.reflect import AreaConfidence, Line, Reflection
from leadwork.domain.wording import latest_instead
from leadwork.render.dashboard_parts import GAP, rating_spark
from leadwork.render.json_text import to_json
from leadwork.render.visible import visible
from leadwork.values import format_average

NO_RATING = GAP
TREND_STYLE = {"rising": "green", "falling": "red", "steady": ""}


def sparkline(ratings: Sequence[int | None]) -> str:
    """The dashboard's confidence bars (`dashboard_parts.rating_spark`: one mapping)."""
    return rating_spark(ratings)


def _avg(value: float | None) -> str:
    return format_average(value, missing="-")


def _and(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _range(reflection: Reflection) -> str:
    first, last = reflection.weeks[0], reflection.weeks[-1]
    count = len(reflection.weeks)
    return (
        f"{first} to {last} ({count} week{'s' * (count != 1)}, "
        f"{reflection.checkins} check-in{'s' * (reflection.checkins != 1)})"
    )


def _ends_on(reflection: Reflection) -> str | None:
    """Why the range ends before this week, as the dashboard's header says it."""
    current = reflection.unchecked_current
    if current is None:
        return None
    return latest_instead(current, reflection.weeks[-1], "ending on", reflection.last_done) + "."


def answer_lines(reflection: Reflection) -> list[str]:
    """The closing question answered in sentences, each with its evidence."""
    lines = []
    best, best_avg = reflection.most_confident
    worst, worst_avg = reflection.least_confident
    if not best:
        lines.append("No confidence ratings in these weeks, so no answer from them.")
    else:
        lines.append(f"Most confident: {_and(best)}, {_how(reflection, best, best_avg)}.")
        if worst != best:
            lines.append(f"Least confident: {_and(worst)}, {_how(reflection, worst, worst_avg)}.")
        else:
            lines.append("Every area has the same average.")
    lines.append(
        _named_line("Challenges named most", reflection.challenge_areas, reflection.challenges)
    )
    lines.append(
        _named_line(
            "Most confident moments named", reflection.confident_areas, reflection.confident
        )
    )
    return lines


def _named_line(title: str, named: list[tuple[str, int]], lines: Sequence[Line]) -> str:
    if not named:
        if lines:
            return f"{title}: none of the lines starts with an area's name."
        return f"{title}: none written in these weeks."
    top = named[0][1]
    leaders = [area for area, count in named if count == top]
    weeks = f"{top} week{'s' * (top != 1)}" + (" each" if len(leaders) > 1 else "")
    others = ", ".join(f"{area} {count}" for area, count in named[len(leaders) :])
    return f"{title}: {_and(leaders)} ({weeks})" + (f"; then {others}." if others else ".")


def _how(reflection: Reflection, areas: Sequence[str], average: float | None) -> str:
    trends = [reflection.area(a).trend for a in areas]
    text = f"average {_avg(average)} of 5"
    if len(areas) == 1 and trends[0]:
        text += f", {trends[0]}"
    return text


# ---- text --------------------------------------------------------------------------------------


def _area_row(area: AreaConfidence) -> list[Text | str]:
    low_high = "-" if area.low is None else f"{area.low}-{area.high}"
    return [
        Text(area.area, style="bold"),
        sparkline(area.ratings),
        _avg(area.average),
        low_high,
        "-" if area.latest is None else str(area.latest),
        Text(area.trend or "-", style=TREND_STYLE.get(area.trend or "", "")),
    ]


def _quotes(lines: Sequence[Line]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True, style="dim")
    table.add_column()
    for line in lines:
        table.add_row(str(line.week), line.text)
    return table


def reflect_view(reflection: Reflection) -> RenderableType:
    parts: list[RenderableType] = [
        Text(f"Confidence and challenges, {_range(reflection)}", style="bold"),
        *([Text(note, style="dim")] if (note := _ends_on(reflection)) else []),
        Text(),
    ]
    table = Table(box=None, padding=(0, 2, 0, 0), pad_edge=False)
    for header, justify in (
        ("area", "left"),
        ("weekly, oldest first", "left"),
        ("average", "right"),
        ("range", "left"),
        ("latest", "right"),
        ("trend", "left"),
    ):
        table.add_column(header, justify=justify, no_wrap=True)  # type: ignore[arg-type]
    for area in reflection.areas:
        table.add_row(*_area_row(area))
    parts.append(Padding(table, (0, 0, 0, 2), expand=False))
    parts.append(Text(f"  Each mark is one week: ▁ 1 to █ 5, {NO_RATING} no rating.", style="dim"))
    parts.append(Text())
    parts += [Text(line) for line in answer_lines(reflection)]
    for title, lines in (
        ("Challenges", reflection.challenges),
        ("Most confident", reflection.confident),
        ("Notes", reflection.notes),
    ):
        parts.append(Text())
        parts.append(Text(title, style="bold"))
        if lines:
            parts.append(Padding(_quotes(lines), (0, 0, 0, 2), expand=False))
        else:
            parts.append(Text("  (none written)", style="dim"))
    return Group(*parts)


# ---- markdown ----------------------------------------------------------------------------------


def _md(text: str) -> str:
    escaped = " ".join(text.split())
    for char in "\\`*_[]<>|":
        escaped = escaped.replace(char, "\\" + char)
    return escaped


def reflect_markdown(reflection: Reflection, leader: str | None = None) -> str:
    first, last = reflection.weeks[0], reflection.weeks[-1]
    lines = [f"# Confidence and challenges, {first} to {last}", ""]
    intro = f"{_md(leader)}. " if leader else ""
    count = len(reflection.weeks)
    lines += [
        f"{intro}{count} week{'s' * (count != 1)}, {reflection.checkins} check-ins. "
        + (f"{_md(note)} " if (note := _ends_on(reflection)) else "")
        + "Confidence in each area is rated each week from 1 (low) to 5 (high).",
        "",
        "## Which area am I most confident in? Where are my challenges?",
        "",
    ]
    lines += [f"- {_md(line)}" for line in answer_lines(reflection)]
    areas = [a.area for a in reflection.areas]
    lines += [
        "",
        "## Confidence by week",
        "",
        "| week | " + " | ".join(areas) + " |",
        "|---|" + "---:|" * len(areas),
    ]
    for index, week in enumerate(reflection.weeks):
        cells = [
            "-" if a.ratings[index] is None else str(a.ratings[index]) for a in reflection.areas
        ]
        lines.append(f"| {week} | " + " | ".join(cells) + " |")
    lines.append("| **average** | " + " | ".join(_avg(a.average) for a in reflection.areas) + " |")
    lines.append("| **trend** | " + " | ".join(a.trend or "-" for a in reflection.areas) + " |")
    for title, quoted in (
        ("Challenges", reflection.challenges),
        ("Where I felt most confident", reflection.confident),
        ("Other notes", reflection.notes),
    ):
        lines += ["", f"## {title}", ""]
        lines += [f"- **{line.week}** {_md(line.text)}" for line in quoted] or ["(none written)"]
    return visible("\n".join(lines) + "\n")


# ---- json --------------------------------------------------------------------------------------


def reflect_json(reflection: Reflection) -> str:
    challenges = {line.week: line.text for line in reflection.challenges}
    confident = {line.week: line.text for line in reflection.confident}
    notes = {line.week: line.text for line in reflection.notes}
    best, best_avg = reflection.most_confident
    worst, worst_avg = reflection.least_confident
    data = {
        "from": str(reflection.weeks[0]),
        "to": str(reflection.weeks[-1]),
        "unchecked_current": (
            None if reflection.unchecked_current is None else str(reflection.unchecked_current)
        ),
        "checkins": reflection.checkins,
        "weeks": [
            {
                "week": str(week),
                **{a.area: a.ratings[index] for a in reflection.areas},
                "challenge": challenges.get(week),
                "confident": confident.get(week),
                "note": notes.get(week),
            }
            for index, week in enumerate(reflection.weeks)
        ],
        "areas": {
            a.area: {
                "average": None if a.average is None else round(a.average, 2),
                "low": a.low,
                "high": a.high,
                "latest": a.latest,
                "trend": a.trend,
                "rated_weeks": a.rated,
            }
            for a in reflection.areas
        },
        "most_confident": {
            "areas": best,
            "average": None if best_avg is None else round(best_avg, 2),
        },
        "least_confident": {
            "areas": worst,
            "average": None if worst_avg is None else round(worst_avg, 2),
        },
        "challenge_areas": [{"area": a, "weeks": n} for a, n in reflection.challenge_areas],
        "confident_areas": [{"area": a, "weeks": n} for a, n in reflection.confident_areas],
    }
    return to_json(data, default=None)
