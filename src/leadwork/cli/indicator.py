"""`leadwork indicator ...`: the sub-app. The read-only commands live in `indicator_read`,
the ones that append to indicators.toml (add, change) in `indicator_write`."""

from __future__ import annotations

import typer

from leadwork.cli import indicator_csv, indicator_read, indicator_write

app = typer.Typer(
    name="indicator",
    help="The leading indicators: list them, show one with its recent weeks, add one agreed "
    "with its owner, change a target or threshold, or export and import readings as CSV.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.command("list")(indicator_read.list_indicators)
app.command("show")(indicator_read.show_indicator)
app.command("add")(indicator_write.add)
app.command("change")(indicator_write.change)
app.command("export")(indicator_csv.export)
app.command("import")(indicator_csv.import_)
