"""How a status looks to a person: its words, its symbol and its colour, one mapping for
every renderer (dashboard, lists, map, check-in, one-on-one, report)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from leadwork.domain.wording import STATUS_WORDS

if TYPE_CHECKING:  # Rich is loaded only by the renderers that draw with it
    from rich.text import Text

STATUS_LABEL = STATUS_WORDS  # "on track", "no data": the words, shared with "Needs you"
STATUS_SYMBOL = {
    "celebrate": "★",
    "on-track": "✓",
    "at-risk": "▲",
    "course-correct": "✗",
    "no-data": "·",
}
STATUS_STYLE = {
    "celebrate": "bold green",
    "on-track": "green",
    "at-risk": "yellow",
    "course-correct": "bold red",
    "no-data": "dim",
}
# A week's bar in a sparkline: plain when on track, so the eye goes to the exceptions.
# a capability's level not recorded for the day a view stands on (`capability.level_on`)
UNKNOWN_LEVEL = "?"
SPARK_STYLE = {**STATUS_STYLE, "on-track": "", "celebrate": "green", "course-correct": "red"}


def status_text(status: str, label: str | None = None) -> Text:
    """The status in its words (or `label`), in its colour."""
    from rich.text import Text

    words = STATUS_LABEL.get(status, status) if label is None else label
    return Text(words, style=STATUS_STYLE.get(status, ""))
