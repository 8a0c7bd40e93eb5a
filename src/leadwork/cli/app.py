"""The `leadwork` command: the root options, and every command registered in one place.

Only typer and standard-library modules are imported here; each command imports the core
(pydantic, rich, the store) inside its function, so `leadwork --help` stays fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from leadwork import __version__
from leadwork.cli import (
    capability,
    capture,
    check,
    checkin,
    dashboard,
    edit,
    indicator,
    init,
    reflect,
    report,
    review,
    schema,
)
from leadwork.cli import map as chain_map
from leadwork.cli.boundary import LeadworkGroup
from leadwork.cli.session import Session

app = typer.Typer(
    name="leadwork",
    cls=LeadworkGroup,
    help=(
        "A leadership journal in plain TOML files: strategy, capabilities and leading "
        "indicators, and a weekly check-in on alignment, capability and accountability."
    ),
    epilog="Docs: docs/format.md (the files), docs/cli.md (commands, JSON, exit codes).",
    rich_markup_mode=None,  # plain help: rendering it with rich would cost ~100 ms
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"leadwork {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    journal: Annotated[
        Path | None,
        typer.Option(
            "--journal",
            "-j",
            metavar="PATH",
            help="The journal folder. Default: $LEADWORK_JOURNAL, else the nearest folder "
            "at or above the current one that holds leadwork.toml.",
            show_default=False,
        ),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the traceback behind an error.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    ctx.obj = Session(journal_option=journal, debug=debug)


app.command("init")(init.init)
app.command("check")(check.check)
app.command("dashboard")(dashboard.dashboard)
app.command("checkin")(checkin.checkin)
app.command("story")(capture.story)
app.command("conversation")(capture.conversation)
app.command("schema")(schema.schema)
app.command("edit")(edit.edit)
app.command("report")(report.report)
app.add_typer(indicator.app, name="indicator")
app.add_typer(capability.app, name="capability")
app.add_typer(review.app, name="review")
app.command("map")(chain_map.map_command)
app.command("reflect")(reflect.reflect)
