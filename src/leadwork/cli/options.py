"""Options several commands share: output format, weeks, and printing one renderable."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from leadwork.cli import complete_values
from leadwork.errors import UsageProblem

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Sequence

    from leadwork.weeks import Week


T = TypeVar("T")


def either(flag: str, value: T | None, old_flag: str, old_value: T | None) -> T | None:
    """An option given by its name or by its old spelling, a hidden alias kept for a
    release (docs/cli.md, "One name for one idea"): one of them, or both saying the same."""
    if value is not None and old_value is not None and value != old_value:
        raise UsageProblem(
            f"{old_flag} is the old spelling of {flag}, and they differ: "
            f"'{old_value}' and '{value}'",
            hint=f"give {flag} once",
        )
    return old_value if value is None else value


def joined(value: list[str] | None, old_value: list[str] | None) -> list[str] | None:
    """A repeatable option's values under its name and its old spelling, in that order."""
    values = [*(value or []), *(old_value or [])]
    return values or None


OwnerOption = Annotated[
    str | None,
    typer.Option(
        "--owner",
        metavar="PERSON",
        help='Only those this person owns: a team id, or "me" for your own.',
        autocompletion=complete_values.owners,
        show_default=False,
    ),
]
# `-o` was --owner's short form in the list commands; it means --output in every command
# now. Those commands write no file, so `-o PERSON` cannot be misread there: it still
# works for a release, hidden, with a warning.
OldOwnerOption = Annotated[
    str | None,
    typer.Option(
        "-o",
        hidden=True,
        help="Old spelling of --owner.",
        autocompletion=complete_values.owners,
        show_default=False,
    ),
]


def owner_given(owner: str | None, old_owner: str | None) -> str | None:
    """--owner, or the old `-o` with a warning that says what to write instead."""
    if old_owner is not None:
        from leadwork.cli.messages import warn

        warn("-o for --owner is an old spelling, going in a later release: write --owner")
    return either("--owner", owner, "-o", old_owner)


class ListFormat(StrEnum):
    text = "text"
    json = "json"


FORMAT_HELP = "text for people (a table), json for scripts (see `leadwork help cli`)."


def parse_week(text: str | None, flag: str) -> Week | None:
    """A YYYY-Www option value, or a usage error that says how to write one."""
    from leadwork.weeks import Week, out_of_range

    if text is None:
        return None
    try:
        week = Week.parse(text, typed=True)
    except ValueError as error:
        raise UsageProblem(
            f"{flag}: {error}", hint="write weeks as YYYY-Www, like 2026-W48"
        ) from None
    problem = out_of_range(week.year, f"{flag} {week}")
    if problem:
        raise UsageProblem(problem, hint="give a week of this century, like 2026-W48")
    return week


def parse_begun_week(text: str | None, flag: str, today: dt.date) -> Week | None:
    """Like parse_week, for a range's end: a week not yet begun has nothing to show, and
    every command refuses one alike (weeks.not_begun)."""
    from leadwork.weeks import not_begun

    week = parse_week(text, flag)
    problem = None if week is None else not_begun(week, today)
    if problem:
        raise UsageProblem(
            f"{flag}: {problem}", hint=f"give a week that has begun, or leave out {flag}"
        )
    return week


def parse_date(text: str | None, flag: str, default: dt.date) -> dt.date:
    """A YYYY-MM-DD option value (`default` when it is absent), or a usage error that says
    how to write one. Only the written-out form: not 20261127, not a week date."""
    from leadwork.weeks import day_hint, out_of_range, parse_day

    if text is None:
        return default
    try:
        day = parse_day(text)
    except ValueError:
        raise UsageProblem(f"{flag} '{text}' is not a date", hint=day_hint(text)) from None
    problem = out_of_range(day.year, f"{flag} {day}")
    if problem:
        raise UsageProblem(problem, hint="give a day of this century, like 2026-11-27")
    return day


def parse_numbers(
    values: Iterable[str],
    what: str,
    *,
    flag: str = "",
    every: int | Sequence[int] | None = None,
    dates_with: str | None = None,
    hint: str = "give numbers as shown, like 1,3",
) -> list[tuple[int, str | None]]:
    """Items picked by the numbers shown: "1,3", "1 3" or a repeated option; "all" means
    1..`every` when it is given, or every number in it (the numbers shown may skip some).
    `N=DATE` gives a due date, taken only by the option named
    `dates_with`. Returns (number, due date as written) pairs."""
    found: list[tuple[int, str | None]] = []
    named = f"{flag} " if flag else ""
    for value in values:
        for item in value.split(","):
            parts = [item.strip()] if "=" in item else item.split()
            for part in parts:
                number, due = part, None
                if "=" in part and dates_with is not None:
                    number, due = (s.strip() for s in part.split("=", 1))
                    if flag != dates_with:
                        raise UsageProblem(f"{named}'{part}': only {dates_with} takes a due date")
                if number.lower() == "all" and every is not None:
                    shown = range(1, every + 1) if isinstance(every, int) else every
                    found += [(n, due) for n in shown]
                elif number.isdigit():
                    found.append((int(number), due))
                else:
                    raise UsageProblem(
                        f"{named}'{part}' is not a {what} number",
                        hint=hint + (" (or 'all')" if every is not None else ""),
                    )
    return found


def show(renderable: Any, end: str = "\n") -> None:
    """Print one renderable for people: see render/terminal.py (imported here, not at the
    top, so that `--help` never loads Rich)."""
    from leadwork.render.terminal import show as print_for_people

    print_for_people(renderable, end)
