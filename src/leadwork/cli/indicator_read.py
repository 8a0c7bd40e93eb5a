"""`leadwork indicator list` and `leadwork indicator show ID`: read-only views.

Kept apart from `cli/indicator.py` (which holds the sub-app and the commands that write),
so reading and writing indicators can change independently.
"""

from __future__ import annotations

from typing import Annotated

import typer

from leadwork.cli import complete_values
from leadwork.cli.options import (
    FORMAT_HELP,
    ListFormat,
    OldOwnerOption,
    OwnerOption,
    owner_given,
    parse_week,
)

WeekOption = Annotated[
    str | None,
    typer.Option(
        "--week",
        "-w",
        metavar="YYYY-Www",
        help="See it as of this week. Default: this week.",
        autocompletion=complete_values.weeks,
        show_default=False,
    ),
]
FormatOption = Annotated[ListFormat, typer.Option("--format", "-f", help=FORMAT_HELP)]


def list_indicators(
    ctx: typer.Context,
    week: WeekOption = None,
    owner: OwnerOption = None,
    old_owner: OldOwnerOption = None,
    all_: Annotated[bool, typer.Option("--all", "-a", help="Include retired indicators.")] = False,
    format: FormatOption = ListFormat.text,
) -> None:
    """List the leading indicators: owner, target, latest reading and its status.

    A trend warning shows when an indicator has moved the wrong way for several weeks,
    even while it is still green.
    """
    from leadwork.cli.output import Asked
    from leadwork.cli.view import show_view
    from leadwork.usecases import indicator as usecase

    owner = owner_given(owner, old_owner)
    request = usecase.ListRequest(parse_week(week, "--week"), owner, all_)
    show_view(ctx, "indicator list", request, Asked(format.value))


def show_indicator(
    ctx: typer.Context,
    indicator_id: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="The indicator's id.", autocompletion=complete_values.indicators
        ),
    ],
    week: WeekOption = None,
    format: FormatOption = ListFormat.text,
) -> None:
    """Show one indicator: who agreed it, its thresholds (and changes), 13 weeks of status."""
    from leadwork.cli.output import Asked
    from leadwork.cli.view import show_view
    from leadwork.usecases import indicator as usecase

    request = usecase.ShowRequest(indicator_id, parse_week(week, "--week"))
    show_view(ctx, "indicator show", request, Asked(format.value))
