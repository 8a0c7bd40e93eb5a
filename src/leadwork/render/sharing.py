"""What an output shows of the leader's private sections: the one place that decides it.

The journal is private. The time audit, the confidence ratings, the reflections and the
one-on-one notes are the leader's own; they appear on the terminal, which only the leader
sees, and in the JSON of the dashboard and of `reflect`, which is for the leader's scripts.
Everything meant to be shared (markdown, HTML, the SVG picture, a report in any format)
leaves them out unless the leader asks for them with `--private`. An output that holds
nothing but private sections (`reflect --format markdown`) is refused without `--private`
rather than written empty: an empty page would surprise, and a page cut down to its range
would tell nothing.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import TypeVar

from leadwork.errors import UsageProblem

F = TypeVar("F")

TIME_AUDIT = "time audit"
CONFIDENCE = "confidence"
REFLECTIONS = "reflections"
ONE_ON_ONE_NOTES = "one-on-one notes"
PRIVATE_SECTIONS: frozenset[str] = frozenset(
    {TIME_AUDIT, CONFIDENCE, REFLECTIONS, ONE_ON_ONE_NOTES}
)

# (command, format) pairs only the leader sees; every other output is meant to be shared
_OWN_EYES: frozenset[tuple[str, str]] = frozenset(
    {("dashboard", "text"), ("dashboard", "json"), ("reflect", "text"), ("reflect", "json")}
)

# Commands whose every line is one of these private sections: shared without them, nothing
# would be left.
_ONLY_PRIVATE: dict[str, frozenset[str]] = {"reflect": frozenset({CONFIDENCE, REFLECTIONS})}

# A section as a message names it
_NAMED = {
    TIME_AUDIT: "time audit",
    CONFIDENCE: "confidence ratings",
    REFLECTIONS: "reflections",
    ONE_ON_ONE_NOTES: "one-on-one notes",
}


def shared(command: str, format: str) -> bool:
    """Is `command --format format` meant to be shared (so private sections are opt-in)?"""
    return (command, format) not in _OWN_EYES


def private_sections(command: str, format: str, private: bool) -> frozenset[str]:
    """The private sections that `command --format format` shows: all of them on the
    leader's own outputs or with `--private`, none in an output meant to be shared."""
    return PRIVATE_SECTIONS if private or not shared(command, format) else frozenset()


def refuse_only_private(command: str, format: str, private: bool) -> None:
    """Refuse (exit 2) an output meant to be shared whose every line is private, unless
    `--private` asks for it: refused before anything is read or written, never leaked and
    never an empty page."""
    holds = _ONLY_PRIVATE.get(command)
    if holds is None or holds <= private_sections(command, format, private):
        return
    what = " and ".join(_NAMED[s] for s in sorted(holds))
    raise UsageProblem(
        f"{command} --format {format}: all it holds is private (your {what}); "
        "add --private to write it"
    )


# "Needs you" findings that tell what a private section holds (the share of hours spent on
# someone else's job is the time audit's): left out with that section.
_FINDINGS_OF: dict[str, frozenset[str]] = {TIME_AUDIT: frozenset({"someone-elses-job"})}


def shown_findings(findings: Iterable[F], sections: Collection[str]) -> list[F]:
    """The findings an output with these private `sections` may show."""
    hidden = {kind for s, kinds in _FINDINGS_OF.items() if s not in sections for kind in kinds}
    return [f for f in findings if getattr(f, "kind", None) not in hidden]
