"""`leadwork indicator ...`: the sub-app. The read-only commands live in `indicator_read`."""

from __future__ import annotations

import typer

from leadwork.cli import indicator_read

app = typer.Typer(
    name="indicator",
    help="The leading indicators: list them, show one with its recent weeks.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.command("list")(indicator_read.list_indicators)
app.command("show")(indicator_read.show_indicator)
