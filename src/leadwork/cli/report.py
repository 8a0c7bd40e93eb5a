"""`leadwork report`: a quarter, or any range of weeks, to paste into a review or send."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from leadwork.cli import complete_values
from leadwork.cli.options import parse_begun_week, parse_week
from leadwork.cli.session import session, today


class ReportFormat(StrEnum):
    markdown = "markdown"
    json = "json"
    html = "html"


def report(
    ctx: typer.Context,
    first: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="YYYY-Www",
            help="First week of the range. Default: the 13 weeks (a quarter) up to --to.",
            autocompletion=complete_values.weeks,
            show_default=False,
        ),
    ] = None,
    last: Annotated[
        str | None,
        typer.Option(
            "--to",
            metavar="YYYY-Www",
            help="Last week of the range. Default: this week once it is checked in, else "
            "the latest week that is (the dashboard's week).",
            autocompletion=complete_values.weeks,
            show_default=False,
        ),
    ] = None,
    format: Annotated[
        ReportFormat,
        typer.Option("--format", "-f", help="markdown to paste, html to send, json for scripts."),
    ] = ReportFormat.markdown,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the report to FILE instead of printing it.",
            show_default=False,
        ),
    ] = None,
    private: Annotated[
        bool,
        typer.Option(
            "--private",
            help="Include your time audit and confidence ratings. Without it they are left "
            "out: a report is meant to be shared.",
        ),
    ] = False,
) -> None:
    """A report over a range of weeks: what needs you, indicators by status and trend (a
    chart each in html), stories per choice, stakeholder conversations, capability
    progress, commitments done, one-on-ones held per person; with --private, also the time
    audit and confidence per area.

    Reads only the check-ins, one-on-ones and reviews of the range, plus the definitions.
    """
    from leadwork.cli.output import Asked, emit
    from leadwork.errors import UsageProblem
    from leadwork.usecases import report as usecase

    end = parse_begun_week(last, "--to", today())
    start = parse_week(first, "--from")
    if start is not None and end is not None and start > end:
        raise UsageProblem(
            f"--from {start} is after --to {end}", hint="the range runs from --from to --to"
        )
    journal = session(ctx).journal()
    # Without --to, the use case ends the range on the dashboard's week (window.range_ending).
    result = usecase.run(journal, usecase.Request(start, end), today())
    emit("report", result, Asked(format.value, output, private), journal)
