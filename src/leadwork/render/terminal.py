"""The one way text for people reaches stdout: Rich's console, as the conventions want it.

Every text renderer (dashboard, lists, one-on-one prep, reflect, check-in summary, map,
reviews) prints through `show`, so colour, NO_COLOR and FORCE_COLOR mean the same thing
everywhere and no command pads a pipe with Rich's trailing spaces.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping
from typing import Any

from rich.console import Console, ConsoleOptions
from rich.segment import Segment

from leadwork.render.visible import visible


def terminal_console() -> Console:
    """Rich's console for stdout, as Rich detects it (width, terminal, FORCE_COLOR), with two
    conventions Rich reads differently: NO_COLOR turns off every ANSI code (bold and dim
    too, not just colour), and an empty FORCE_COLOR is ignored (force-color.org), where
    Rich would take it to mean "not a terminal"."""
    no_color = bool(os.environ.get("NO_COLOR"))
    empty_force = os.environ.get("FORCE_COLOR") == ""
    environ = sized_environ(os.environ)
    color_system = None if no_color else "auto"
    size: dict[str, int] = {}
    if environ.get("TERM", "").strip().lower() in DUMB_TERMS:
        # Rich lays a dumb terminal out at 80 columns whatever COLUMNS or the terminal say
        # (Console.size), and gives it no colour even with FORCE_COLOR: give both explicitly.
        size = dumb_terminal_size(environ)
        if environ.get("FORCE_COLOR") and not no_color:
            color_system = "standard"
    return VisibleConsole(
        color_system=color_system,
        force_terminal=sys.stdout.isatty() if empty_force else None,
        highlight=False,
        emoji=False,
        markup=False,
        _environ=environ,
        **size,
    )


DUMB_TERMS = ("dumb", "unknown")  # what Rich's Console.is_dumb_terminal takes for one


def dumb_terminal_size(environ: Mapping[str, str]) -> dict[str, int]:
    """The size as for any other TERM: COLUMNS and LINES, else the terminal's (stdin,
    stdout, stderr, Rich's order), else 80 by 25. Both are given, as Rich uses a size
    only when it has both."""
    width = height = 0
    for descriptor in (0, 1, 2):
        try:
            width, height = os.get_terminal_size(descriptor)
        except (AttributeError, ValueError, OSError):  # not a terminal
            continue
        break
    width = int(environ.get("COLUMNS") or 0) or width or 80
    height = int(environ.get("LINES") or 0) or height or 25
    return {"width": width, "height": height}


def sized_environ(environ: Mapping[str, str]) -> dict[str, str]:
    """The environment without a COLUMNS or LINES that is not a positive number: `COLUMNS=0`
    or `COLUMNS=abc` means the width is unknown (the terminal's, else 80), not nothing."""
    return {
        key: value
        for key, value in environ.items()
        if key not in ("COLUMNS", "LINES") or (value.isdigit() and int(value) > 0)
    }


class VisibleConsole(Console):
    """Rich's console, whose text is shown, never executed: every segment of text it renders
    goes through `visible` (render/visible.py), so an escape sequence in a story reaches no
    terminal. Rich's own styles are not text, and stay codes. Every console that shows the
    journal is one of these: the terminal's, the interviews', the dashboard's exports. A
    COLUMNS that is not a width is ignored (`sized_environ`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("_environ", sized_environ(os.environ))
        super().__init__(*args, **kwargs)

    def render(self, renderable: Any, options: ConsoleOptions | None = None) -> Iterator[Segment]:
        for segment in super().render(renderable, options):
            if segment.control or not segment.text:
                yield segment
            else:
                yield Segment(visible(segment.text), segment.style)


def without_padding(text: str) -> str:
    """Rich pads every line to the table's width; in plain text the spaces are only noise
    (in a diff, in an email)."""
    return "".join(line.rstrip() + "\n" for line in text.splitlines())


def show(renderable: Any, end: str = "\n") -> None:
    """Print one renderable on the terminal console. Without colour (a pipe, NO_COLOR) the
    lines lose Rich's trailing padding: plain text for pipes and diffs."""
    console = terminal_console()
    if console.color_system is not None:
        console.print(renderable, end=end)
        return
    with console.capture() as capture:
        console.print(renderable, end=end)
    console.file.write(without_padding(capture.get()))
