"""`leadwork reflect`: weekly confidence per area and the challenges written, over a range."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from leadwork.cli import complete_values
from leadwork.cli.options import parse_begun_week, parse_week
from leadwork.cli.session import session, today
from leadwork.errors import UsageProblem


class ReflectFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


def reflect(
    ctx: typer.Context,
    first: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="YYYY-Www",
            help="First week. Default: 12 weeks before --to.",  # SHOWN_WEEKS - 1
            autocompletion=complete_values.weeks,
            show_default=False,
        ),
    ] = None,
    last: Annotated[
        str | None,
        typer.Option(
            "--to",
            metavar="YYYY-Www",
            help="Last week. Default: this week once it is checked in, else the latest "
            "week that is (the dashboard's week).",
            show_default=False,
            autocompletion=complete_values.weeks,
        ),
    ] = None,
    format: Annotated[
        ReflectFormat,
        typer.Option("--format", "-f", help="text, markdown (to share with a coach) or json."),
    ] = ReflectFormat.text,
    private: Annotated[
        bool,
        typer.Option(
            "--private",
            help="Write markdown: all it holds is your confidence ratings and reflections, "
            "which are private, so markdown, meant to be shared, is refused without it. The "
            "terminal and JSON always show them.",
        ),
    ] = False,
) -> None:
    """Show your weekly confidence in each area and the challenges you wrote, over a range.

    Answers the question the journal asks every week, "Which area am I most confident in?
    Where are my challenges?", with evidence: each area's ratings, average and trend, which
    area is highest and lowest, and your own challenge and "most confident" lines, quoted.
    Default: the last 13 weeks. Reads only the check-ins in the range; writes nothing.
    All of it is private: markdown, meant to be shared, needs --private.
    """
    from leadwork.cli.output import Asked, emit
    from leadwork.render.sharing import refuse_only_private
    from leadwork.usecases import reflect as usecase

    refuse_only_private("reflect", format.value, private)  # before reading anything
    journal = session(ctx).journal()
    end = parse_begun_week(last, "--to", today())
    start = parse_week(first, "--from")
    if start is not None and end is not None and start > end:
        raise UsageProblem(
            f"--from {start} comes after --to {end}", hint="give the earlier week first"
        )
    # Without --to, the use case ends the range on the dashboard's week (window.range_ending).
    signed = format is ReflectFormat.markdown  # a page to share names its author
    result = usecase.run(journal, usecase.Request(start, end, signed), today())
    emit("reflect", result, Asked(format.value, private=private), journal)
