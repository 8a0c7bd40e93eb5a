"""`leadwork map`: purpose -> strategic choices -> capabilities -> indicators, as a tree."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer


class MapFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


def map_command(
    ctx: typer.Context,
    format: Annotated[
        MapFormat,
        typer.Option(
            "--format", "-f", help="text (a tree), markdown (to share) or json (for scripts)."
        ),
    ] = MapFormat.text,
) -> None:
    """Show what serves what: purpose, strategic choices, the capabilities that serve each,
    and the indicators that track them, with each indicator's status this week.

    Gaps are marked where they are: a choice no capability serves, a capability with no
    indicator or no plan step ahead, an indicator that serves nothing or has no owner or
    agreed date. Statuses are the dashboard's, as of the latest checked-in week. Writes
    nothing.
    """
    from leadwork.cli.output import Asked
    from leadwork.cli.view import show_view
    from leadwork.usecases import map as usecase

    show_view(ctx, "map", usecase.Request(), Asked(format.value))
