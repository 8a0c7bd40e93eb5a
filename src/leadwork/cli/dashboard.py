"""`leadwork dashboard`: where the organization and your own work stand this week."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from leadwork.cli import complete_values
from leadwork.cli.options import parse_week


class DashboardFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"
    html = "html"
    svg = "svg"


def dashboard(
    ctx: typer.Context,
    week: Annotated[
        str | None,
        typer.Option(
            "--week",
            "-w",
            metavar="YYYY-Www",
            help="The ISO week to show. Default: the current week, or the latest week with "
            "a check-in when this one has none yet.",
            autocompletion=complete_values.weeks,  # Tab offers this week, then check-in weeks
            show_default=False,
        ),
    ] = None,
    format: Annotated[
        DashboardFormat,
        typer.Option(
            "--format",
            "-f",
            help="text (the terminal), markdown (to paste into a document or an email), json "
            "(for scripts; `leadwork help json`), html (a page to send, a chart per "
            "indicator, prints to PDF) or svg (a picture of the terminal view).",
        ),
    ] = DashboardFormat.text,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to FILE (atomically) instead of the terminal. Text, HTML and SVG are "
            "laid out 100 columns wide there.",
            show_default=False,
        ),
    ] = None,
    full: Annotated[
        bool,
        typer.Option(
            "--full",
            help="Every row of every section. Without it the text fits 50 lines (at 100 "
            "columns): the rows that matter first, and each section cut for room says how "
            "many more there are and which command shows them. JSON and markdown are always "
            "whole.",
        ),
    ] = False,
    private: Annotated[
        bool,
        typer.Option(
            "--private",
            help="Include your time audit and confidence ratings in markdown, html and svg. "
            "Without it those formats, meant to be shared, leave them out; the terminal and "
            "JSON always show them.",
        ),
    ] = False,
) -> None:
    """One screen: alignment, capability, accountability, your own work, and what needs you.

    Reads only what the week needs: the definitions, the last 13 weeks of check-ins (more
    only if a setting reaches further), the one-on-ones it shows, the last strategy review
    and the check-ins since it (at most 26 weeks). Nothing in the journal is written.
    """
    from leadwork.cli.output import Asked
    from leadwork.cli.view import show_view
    from leadwork.usecases import dashboard as usecase

    request = usecase.Request(parse_week(week, "--week"))
    show_view(ctx, "dashboard", request, Asked(format.value, output, private, full))
