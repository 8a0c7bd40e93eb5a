"""`leadwork indicator list` and `leadwork indicator show ID`: read-only views.

Kept apart from `cli/indicator.py` (which holds the sub-app and the commands that write),
so reading and writing indicators can change independently.
"""

from __future__ import annotations

from typing import Annotated

import typer

from leadwork.cli import complete_values
from leadwork.cli.echo import echo
from leadwork.cli.options import (
    FORMAT_HELP,
    ListFormat,
    OldOwnerOption,
    OwnerOption,
    owner_given,
    parse_week,
    show,
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
    from leadwork.cli.boundary import vouch
    from leadwork.cli.lookup import find_by_id
    from leadwork.domain.listing import indicator_views
    from leadwork.render import listing
    from leadwork.store.dashboard import read_week

    owner = owner_given(owner, old_owner)
    journal = session(ctx).journal()
    if owner not in (None, complete_values.ME):  # a typo must not read as "nobody owns anything"
        find_by_id("person", owner, journal.team().people)
    inputs = read_week(journal, parse_week(week, "--week"), today())
    vouch(journal, inputs.shown.today)
    views = indicator_views(
        inputs.definitions, inputs.checkins, inputs.one_on_ones, inputs.shown, inputs.since
    )
    views = [v for v in views if (v.active or all_) and owner in (None, v.indicator.owner)]
    seen_from = str(inputs.shown.week)
    if format is ListFormat.json:
        echo(listing.indicator_list_json(seen_from, views))
    else:
        show(listing.indicator_list_table(seen_from, views))


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
    from leadwork.cli.boundary import vouch
    from leadwork.cli.lookup import find_by_id
    from leadwork.domain.listing import indicator_views
    from leadwork.render import listing
    from leadwork.store.dashboard import read_week

    journal = session(ctx).journal()
    indicator = find_by_id("indicator", indicator_id, journal.indicators().indicators)
    inputs = read_week(journal, parse_week(week, "--week"), today())
    vouch(journal, inputs.shown.today)
    views = indicator_views(
        inputs.definitions, inputs.checkins, inputs.one_on_ones, inputs.shown, inputs.since
    )
    view = next(v for v in views if v.indicator.id == indicator.id)
    if format is ListFormat.json:
        echo(listing.indicator_detail_json(view))
    else:
        show(listing.indicator_detail(view))
