"""`leadwork indicator ...`: the sub-app. The read-only commands live in `indicator_read`,
the ones that append to indicators.toml (add, change) in `indicator_write`."""

from __future__ import annotations

import typer

from leadwork.cli import indicator_csv, indicator_read, indicator_write
from leadwork.cli.command import LeadworkCommand

app = typer.Typer(
    name="indicator",
    help="The leading indicators: list them, show one with its recent weeks, add one agreed "
    "with its owner, change a target or threshold, or export and import readings as CSV.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.command("list", cls=LeadworkCommand)(indicator_read.list_indicators)
app.command("show", cls=LeadworkCommand)(indicator_read.show_indicator)
app.command("add", cls=LeadworkCommand)(indicator_write.add)
app.command("change", cls=LeadworkCommand)(indicator_write.change)
app.command("export", cls=LeadworkCommand)(indicator_csv.export)
app.command("import", cls=LeadworkCommand)(indicator_csv.import_)
