"""`leadwork dashboard`: where the organization and your own work stand this week."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from leadwork.cli import complete_values
from leadwork.cli.echo import echo
from leadwork.cli.options import parse_week
from leadwork.cli.session import session, today

if TYPE_CHECKING:
    from leadwork.weeks import Week


class DashboardFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"
    html = "html"
    svg = "svg"


def _suffix(format: DashboardFormat) -> str:
    return {DashboardFormat.text: "txt", DashboardFormat.markdown: "md"}.get(format, format.value)


def _week(value: str | None) -> Week | None:
    """The --week option as a Week, or a usage error that shows the expected form."""
    return parse_week(value, "--week")


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
    from leadwork.cli.boundary import vouch
    from leadwork.domain.dashboard import build_dashboard
    from leadwork.render.dashboard import render, write_terminal
    from leadwork.render.sharing import private_sections
    from leadwork.store.atomic import write_output
    from leadwork.store.dashboard import read_week

    journal = session(ctx).journal()
    inputs = read_week(journal, _week(week), today())
    vouch(journal, inputs.shown.today)
    shown = inputs.shown
    view = build_dashboard(
        inputs.definitions,
        inputs.checkins,
        inputs.one_on_ones,
        inputs.reviews,
        shown.week,
        shown.today,
        shown=shown,
        since=inputs.since,
    )
    sections = private_sections("dashboard", format.value, private)
    if output is not None:
        text = render(view, format.value, full=full, sections=sections)
        write_output(output, text, journal.root, example=f"dashboard.{_suffix(format)}")
        echo(f"Wrote the {format.value} dashboard of {view.week} to {output}.")
    elif format is DashboardFormat.text:
        write_terminal(view, full=full)
    else:
        echo(render(view, format.value, full=full, sections=sections), nl=False)
