"""`leadwork capability list|show`: the capabilities the strategy needs, and their plans."""

from __future__ import annotations

from typing import Annotated

import typer

from leadwork.cli import complete_values
from leadwork.cli.command import LeadworkCommand
from leadwork.cli.options import (
    FORMAT_HELP,
    ListFormat,
    OldOwnerOption,
    OwnerOption,
    owner_given,
)

app = typer.Typer(
    name="capability",
    help="The capabilities the strategy needs: their level, owner and plan.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
FormatOption = Annotated[ListFormat, typer.Option("--format", "-f", help=FORMAT_HELP)]


@app.command("list", cls=LeadworkCommand)
def list_capabilities(
    ctx: typer.Context,
    owner: OwnerOption = None,
    old_owner: OldOwnerOption = None,
    format: FormatOption = ListFormat.text,
) -> None:
    """List the capabilities: owner, level against target, plan progress, next step due."""
    from leadwork.cli.output import Asked
    from leadwork.cli.view import show_view
    from leadwork.usecases import capability as usecase

    owner = owner_given(owner, old_owner)
    show_view(ctx, "capability list", usecase.ListRequest(owner), Asked(format.value))


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
    from leadwork.cli.output import Asked
    from leadwork.cli.view import show_view
    from leadwork.usecases import capability as usecase

    request = usecase.ShowRequest(capability_id)
    show_view(ctx, "capability show", request, Asked(format.value))
