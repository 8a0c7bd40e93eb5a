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
from leadwork.cli.session import session, today

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
    from leadwork.cli.output import Asked, emit
    from leadwork.usecases import indicator as usecase

    owner = owner_given(owner, old_owner)
    journal = session(ctx).journal()
    request = usecase.ListRequest(parse_week(week, "--week"), owner, all_)
    emit("indicator list", usecase.run(journal, request, today()), Asked(format.value), journal)


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
    from leadwork.cli.output import Asked, emit
    from leadwork.usecases import indicator as usecase

    journal = session(ctx).journal()
    request = usecase.ShowRequest(indicator_id, parse_week(week, "--week"))
    emit("indicator show", usecase.run(journal, request, today()), Asked(format.value), journal)
