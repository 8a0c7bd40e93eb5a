"""How many rows of each section a screen of a given height shows: the one place that decides.

A section offers its rows most important first, each with the lines it takes; the first
`kept` of them matter (an indicator off track, a one-on-one overdue, every finding of "Needs
you"), the rest may be folded into one "+N more" line (an indicator on track, an older
signal). `fit` fills the room in three passes: every section's floor, then the rows that
matter, section by section in order of importance, then the rest in the same order. A section
shown in part pays one line for its "+N more", which is counted like any other line.
"""

from __future__ import annotations

from collections.abc import Sequence

from leadwork.plainclass import plainclass

SCREEN_ROWS = 50  # the default dashboard's height, header and blank lines included


@plainclass
class Rows:
    """One section's rows as the budget sees them."""

    lines: tuple[int, ...]  # the lines each row takes, most important first
    kept: int = 0  # how many of the first rows matter; the others are folded first
    floor: int = 1  # rows shown however little room there is (fewer if it has fewer)


def cost(rows: Rows, shown: int) -> int:
    """The lines a section's rows take with `shown` of them, its "+N more" line included."""
    if not rows.lines:
        return 0
    return sum(rows.lines[:shown]) + (1 if shown < len(rows.lines) else 0)


def fit(sections: Sequence[Rows], room: int) -> tuple[int, ...]:
    """How many rows of each section to show in `room` lines, sections in order of
    importance. Never fewer than a section's floor, even when the floors alone overflow."""
    shown = [min(rows.floor, len(rows.lines)) for rows in sections]
    used = sum(cost(rows, n) for rows, n in zip(sections, shown, strict=True))
    for limit in (lambda rows: rows.kept, lambda rows: len(rows.lines)):
        for i, rows in enumerate(sections):
            while shown[i] < min(limit(rows), len(rows.lines)):
                more = cost(rows, shown[i] + 1) - cost(rows, shown[i])
                if used + more > room:
                    break
                shown[i] += 1
                used += more
    return tuple(shown)
