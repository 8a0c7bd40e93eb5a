"""`leadwork capability list|show`: the capabilities the strategy needs, and their plans."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from leadwork.cli import complete_values
from leadwork.cli.command import LeadworkCommand
from leadwork.cli.echo import echo
from leadwork.cli.options import (
    FORMAT_HELP,
    ListFormat,
    OldOwnerOption,
    OwnerOption,
    owner_given,
    show,
)
from leadwork.cli.session import session, today

app = typer.Typer(
    name="capability",
    help="The capabilities the strategy needs: their level, owner and plan.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
if TYPE_CHECKING:
    from leadwork.domain.listing import CapabilityView
    from leadwork.store.journal import Journal

FormatOption = Annotated[ListFormat, typer.Option("--format", "-f", help=FORMAT_HELP)]


def _views(journal: Journal, ids: list[str] | None = None) -> list[CapabilityView]:
    import datetime as dt

    from leadwork.cli.boundary import vouch
    from leadwork.domain.listing import capability_view
    from leadwork.model.review import CapabilityReview

    reviews: dict[str, list[tuple[dt.date, int | None, str]]] = {}
    for entry in journal.review_entries():
        if entry.rest.startswith("capability-"):
            review = journal.review(entry)
            assert isinstance(review, CapabilityReview)  # by its file name
            reviews.setdefault(review.capability, []).append((review.date, review.level, entry.rel))
    indicators = journal.indicators().indicators
    vouch(journal, today())
    return [
        capability_view(cap, indicators, reviews.get(cap.id, []), today())
        for cap in journal.capabilities().capabilities
        if ids is None or cap.id in ids
    ]


@app.command("list", cls=LeadworkCommand)
def list_capabilities(
    ctx: typer.Context,
    owner: OwnerOption = None,
    old_owner: OldOwnerOption = None,
    format: FormatOption = ListFormat.text,
) -> None:
    """List the capabilities: owner, level against target, plan progress, next step due."""
    from leadwork.cli.lookup import find_by_id
    from leadwork.render import listing

    owner = owner_given(owner, old_owner)
    journal = session(ctx).journal()
    if owner not in (None, complete_values.ME):  # a typo must not read as "nobody owns anything"
        find_by_id("person", owner, journal.team().people)
    views = [v for v in _views(journal) if owner in (None, v.capability.owner)]
    if format is ListFormat.json:
        echo(listing.capability_list_json(views))
    else:
        show(listing.capability_list_table(views))


@app.command("show", cls=LeadworkCommand)
def show_capability(
    ctx: typer.Context,
    capability_id: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="The capability's id.", autocompletion=complete_values.capabilities
        ),
    ],
    format: FormatOption = ListFormat.text,
) -> None:
    """Show one capability: its plan step by step, the indicators and reviews behind it."""
    from leadwork.cli.lookup import find_by_id
    from leadwork.render import listing

    journal = session(ctx).journal()
    find_by_id("capability", capability_id, journal.capabilities().capabilities)
    (view,) = _views(journal, [capability_id])
    if format is ListFormat.json:
        echo(listing.capability_detail_json(view))
    else:
        show(listing.capability_detail(view))
