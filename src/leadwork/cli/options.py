"""Options several commands share: output format, weeks, and printing one renderable."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any

from leadwork.errors import UsageProblem

if TYPE_CHECKING:
    import datetime as dt

    from leadwork.domain.weeks import Week


class ListFormat(StrEnum):
    text = "text"
    json = "json"


FORMAT_HELP = "text for people (a table), json for scripts (see docs/cli.md)."


def parse_week(text: str | None, flag: str) -> Week | None:
    """A YYYY-Www option value, or a usage error that says how to write one."""
    from leadwork.domain.weeks import Week

    if text is None:
        return None
    try:
        return Week.parse(text)
    except ValueError as error:
        raise UsageProblem(
            f"{flag}: {error}", hint="write weeks as YYYY-Www, like 2026-W48"
        ) from None


def parse_begun_week(text: str | None, flag: str, today: dt.date) -> Week | None:
    """Like parse_week, for a range's end: a week not yet begun has nothing to show, and
    every command refuses one alike (weeks.not_begun)."""
    from leadwork.domain.weeks import not_begun

    week = parse_week(text, flag)
    problem = None if week is None else not_begun(week, today, flag)
    if problem:
        raise UsageProblem(problem, hint=f"leave out {flag} to end the range this week")
    return week


def show(renderable: Any, end: str = "\n") -> None:
    """Print one renderable for people: see render/terminal.py (imported here, not at the
    top, so that `--help` never loads Rich)."""
    from leadwork.render.terminal import show as print_for_people

    print_for_people(renderable, end)
