"""Small pieces of wording shared by "Needs you" and every renderer, so a date or a status
reads the same in the terminal, in markdown and in the JSON's messages (a value: see
`domain.values`)."""

from __future__ import annotations

import datetime as dt

STATUS_WORDS = {
    "celebrate": "celebrate",
    "on-track": "on track",
    "at-risk": "at risk",
    "course-correct": "course-correct",
    "no-data": "no data",
}


def short_date(day: dt.date, ref: dt.date) -> str:
    """'18 Nov', or '18 Nov 2025' when the year differs from the day the view is for."""
    text = f"{day.day} {day:%b}"
    return text if day.year == ref.year else f"{text} {day.year}"


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"


def first_name(name: str) -> str:
    return name.split()[0] if name.split() else name


def short_names(names: dict[str, str]) -> dict[str, str]:
    """Team ids -> first names, or full names where two people share a first name."""
    firsts = [first_name(n) for n in names.values()]
    return {
        pid: (first_name(name) if firsts.count(first_name(name)) == 1 else name)
        for pid, name in names.items()
    }
