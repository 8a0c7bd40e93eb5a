"""The dashboard in each format, from one Dashboard.

- text: Rich, to the terminal (colour as Rich decides: none in pipes; none at all, not even
  bold, with NO_COLOR; FORCE_COLOR honoured), or plain text to a file;
- markdown, json: text with no layout width;
- html: a designed page to send (render/dashboard_html.py), charts inline;
- svg: a picture of the terminal view, Rich's export of the text layout, 100 columns wide.

Markdown, HTML and SVG are meant to be shared: they show the private sections (time audit,
confidence) only when `sections` holds them (render/sharing.py decides which).
"""

from __future__ import annotations

import io
from collections.abc import Collection

from rich.console import Console

from leadwork.domain.dashboard import Dashboard
from leadwork.render.dashboard_text import DashboardText
from leadwork.render.sharing import PRIVATE_SECTIONS
from leadwork.render.terminal import VisibleConsole, show, without_padding

EXPORT_WIDTH = 100  # a file has no terminal: lay it out for the width the design targets


def write_terminal(dashboard: Dashboard, *, full: bool = False) -> None:
    show(DashboardText(dashboard, full=full))


def plain_text(dashboard: Dashboard, width: int = EXPORT_WIDTH, *, full: bool = False) -> str:
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
        console.print(DashboardText(dashboard, full=full))
    return without_padding(capture.get())


def _recorded(dashboard: Dashboard, full: bool, sections: Collection[str]) -> Console:
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
    console.print(DashboardText(dashboard, full=full, sections=sections))
    return console


def render(
    dashboard: Dashboard,
    format: str,
    *,
    full: bool = False,
    sections: Collection[str] = PRIVATE_SECTIONS,
) -> str:
    """The dashboard as `format`, showing the private `sections` given. Text and SVG are
    the screen: one screen unless `full`; markdown, JSON and HTML are always whole.
    Each format's module is imported when it is asked for (the terminal needs none)."""
    if format == "text":
        return plain_text(dashboard, full=full)
    if format == "markdown":
        from leadwork.render.dashboard_markdown import dashboard_markdown

        return dashboard_markdown(dashboard, sections)
    if format == "json":
        from leadwork.render.dashboard_json import dashboard_json

        return dashboard_json(dashboard)
    title = f"{dashboard.header.leader}: {dashboard.week}"
    if format == "html":
        from leadwork.render.dashboard_html import dashboard_html

        return dashboard_html(dashboard, sections)
    if format == "svg":
        return _recorded(dashboard, full, sections).export_svg(title=title)
    raise ValueError(f"unknown format {format!r}")
