"""The `leadwork` command: the root options, and every command registered in one place.

Only typer and standard-library modules are imported here; each command imports the core
(pydantic, rich, the store) inside its function, so `leadwork --help` stays fast.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from leadwork import __version__
from leadwork.cli import (
    capability,
    capture,
    check,
    checkin,
    commitments,
    dashboard,
    edit,
    git_group,
    help_docs,
    indicator,
    init,
    one_on_one,
    reflect,
    report,
    review,
    schema,
)
from leadwork.cli import map as chain_map
from leadwork.cli.boundary import LeadworkGroup
from leadwork.cli.command import LeadworkCommand
from leadwork.cli.echo import echo
from leadwork.cli.session import Session


def _version(value: bool) -> None:
    if value:
        echo(f"leadwork {__version__}")
        raise typer.Exit()


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


def _command(name: str, function: Callable[..., None]) -> Callable[[typer.Typer], object]:
    """How to add one command: its help in plain words (`LeadworkCommand`)."""
    return lambda app: app.command(name, cls=LeadworkCommand)(function)


# Every command, in the order `leadwork --help` lists them: a name and how to add it.
COMMANDS: dict[str, Callable[[typer.Typer], object]] = {
    "init": _command("init", init.init),
    "check": _command("check", check.check),
    "dashboard": _command("dashboard", dashboard.dashboard),
    "checkin": _command("checkin", checkin.checkin),
    "story": _command("story", capture.story),
    "conversation": _command("conversation", capture.conversation),
    "one-on-one": _command("one-on-one", one_on_one.one_on_one),
    "commitments": _command("commitments", commitments.commitments),
    "schema": _command("schema", schema.schema),
    "edit": _command("edit", edit.edit),
    "report": _command("report", report.report),
    "indicator": lambda app: app.add_typer(indicator.app, name="indicator"),
    "capability": lambda app: app.add_typer(capability.app, name="capability"),
    "review": lambda app: app.add_typer(review.app, name="review"),
    "map": _command("map", chain_map.map_command),
    "reflect": _command("reflect", reflect.reflect),
    "git": lambda app: app.add_typer(git_group.app, name="git"),
    "help": _command("help", help_docs.help_command),
}


def make_app(only: str | None = None) -> typer.Typer:
    """The whole CLI, or the root with just the command `only`: Typer builds every
    command it holds (signatures, types, options) on every run, ~60 ms for all of them,
    and a run uses one. `leadwork.cli.main` asks for one when argv names it plainly."""
    made = typer.Typer(
        name="leadwork",
        cls=LeadworkGroup,
        help=(
            "A leadership journal in plain TOML files: strategy, capabilities and leading "
            "indicators, and a weekly check-in on alignment, capability and accountability."
        ),
        epilog="Docs: `leadwork help format` (the files), `leadwork help cli` (commands, JSON, "
        "exit codes), `leadwork help` (every topic).",
        rich_markup_mode=None,  # plain help: rendering it with rich would cost ~100 ms
        pretty_exceptions_enable=False,
        no_args_is_help=True,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    made.callback()(root)
    for name, add in COMMANDS.items():
        if only in (None, name):
            add(made)
    return made


app = make_app()  # the whole CLI: tests, the help text, the completion tree

# Root options, and whether each takes a value: what may stand before the command's name.
ROOT_OPTIONS = {"--journal": True, "-j": True, "--debug": False}


def command_named(argv: list[str]) -> str | None:
    """The command argv runs, when it says so plainly (root options, then a command's
    name); None for anything else (help, version, a typo), which the whole CLI answers."""
    words = iter(argv)
    for word in words:
        if word.startswith("--journal=") or (word.startswith("-j") and len(word) > 2):
            continue
        if word in ROOT_OPTIONS:
            if ROOT_OPTIONS[word] and next(words, None) is None:
                return None
            continue
        return word if word in COMMANDS else None
    return None
