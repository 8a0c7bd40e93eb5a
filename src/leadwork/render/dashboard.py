"""The dashboard in each format, from one Dashboard.

- text: Rich, to the terminal (colour as Rich decides: none in pipes; none at all, not even
  bold, with NO_COLOR; FORCE_COLOR honoured), or plain text to a file;
- markdown, json: text with no layout width;
- html, svg: Rich's own export of the text layout, 100 columns wide, with colour.
"""

from __future__ import annotations

import io

from rich.console import Console

from leadwork.domain.dashboard import Dashboard
from leadwork.render.dashboard_json import dashboard_json
from leadwork.render.dashboard_markdown import dashboard_markdown
from leadwork.render.dashboard_text import DashboardText
from leadwork.render.terminal import VisibleConsole, show, without_padding

EXPORT_WIDTH = 100  # a file has no terminal: lay it out for the width the design targets


def write_terminal(dashboard: Dashboard) -> None:
    show(DashboardText(dashboard))


def plain_text(dashboard: Dashboard, width: int = EXPORT_WIDTH) -> str:
    console = VisibleConsole(
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
    return without_padding(capture.get())


def _recorded(dashboard: Dashboard) -> Console:
    console = VisibleConsole(
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
