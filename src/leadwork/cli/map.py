"""`leadwork map`: purpose -> strategic choices -> capabilities -> indicators, as a tree."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from leadwork.cli.echo import echo
from leadwork.cli.session import session, today


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
    from leadwork.cli.boundary import vouch
    from leadwork.domain.listing import indicator_views
    from leadwork.domain.traceability import chain
    from leadwork.render.map import map_json, map_markdown, map_view
    from leadwork.store.dashboard import read_week

    journal = session(ctx).journal()
    inputs = read_week(journal, None, today())
    vouch(journal, inputs.shown.today)
    views = indicator_views(
        inputs.definitions, inputs.checkins, inputs.one_on_ones, inputs.shown, inputs.since
    )
    d = inputs.definitions
    data = chain(
        d.strategy,
        d.capabilities,
        d.indicators,
        {v.indicator.id: v.track.now for v in views if v.active},
        inputs.shown.week,
    )
    if format is MapFormat.json:
        echo(map_json(data))
    elif format is MapFormat.markdown:
        echo(map_markdown(data), nl=False)
    else:
        from leadwork.cli.options import show

        show(map_view(data))
