"""The dashboard in each format, from one Dashboard.

- text: Rich, to the terminal (colour as Rich decides: none in pipes; none at all, not even
  bold, with NO_COLOR; FORCE_COLOR honoured), or plain text to a file;
- markdown, json: text with no layout width;
- html, svg: Rich's own export of the text layout, 100 columns wide, with colour.
"""

from __future__ import annotations

import io
import os
import sys

from rich.console import Console

from leadwork.domain.dashboard import Dashboard
from leadwork.render.dashboard_json import dashboard_json
from leadwork.render.dashboard_markdown import dashboard_markdown
from leadwork.render.dashboard_text import DashboardText

EXPORT_WIDTH = 100  # a file has no terminal: lay it out for the width the design targets


def terminal_console() -> Console:
    """Rich's console for stdout, as Rich detects it (width, terminal, FORCE_COLOR), with two
    conventions Rich reads differently: NO_COLOR turns off every ANSI code (bold and dim
    too, not just colour), and an empty FORCE_COLOR is ignored (force-color.org), where
    Rich would take it to mean "not a terminal"."""
    no_color = bool(os.environ.get("NO_COLOR"))
    empty_force = os.environ.get("FORCE_COLOR") == ""
    return Console(
        color_system=None if no_color else "auto",
        force_terminal=sys.stdout.isatty() if empty_force else None,
        highlight=False,
        emoji=False,
        markup=False,
    )


def _without_padding(text: str) -> str:
    """Rich pads every line to the table's width; in plain text the spaces are only noise
    (in a diff, in an email)."""
    return "".join(line.rstrip() + "\n" for line in text.splitlines())


def write_terminal(dashboard: Dashboard) -> None:
    console = terminal_console()
    if console.color_system is not None:
        console.print(DashboardText(dashboard))
        return
    with console.capture() as capture:  # no ANSI codes at all: plain lines
        console.print(DashboardText(dashboard))
    console.file.write(_without_padding(capture.get()))


def plain_text(dashboard: Dashboard, width: int = EXPORT_WIDTH) -> str:
    console = Console(
        file=io.StringIO(),
        width=width,
        color_system=None,
        force_terminal=False,
        highlight=False,
        emoji=False,
        markup=False,
        _environ={},
    )
    with console.capture() as capture:
        console.print(DashboardText(dashboard))
    return _without_padding(capture.get())


def _recorded(dashboard: Dashboard) -> Console:
    console = Console(
        file=io.StringIO(),
        width=EXPORT_WIDTH,
        record=True,
        force_terminal=True,
        color_system="truecolor",
        highlight=False,
        emoji=False,
        markup=False,
        _environ={},
    )
    console.print(DashboardText(dashboard))
    return console


def render(dashboard: Dashboard, format: str) -> str:
    if format == "text":
        return plain_text(dashboard)
    if format == "markdown":
        return dashboard_markdown(dashboard)
    if format == "json":
        return dashboard_json(dashboard)
    title = f"{dashboard.header.leader}: {dashboard.week}"
    if format == "html":
        return _recorded(dashboard).export_html(inline_styles=True)
    if format == "svg":
        return _recorded(dashboard).export_svg(title=title)
    raise ValueError(f"unknown format {format!r}")
