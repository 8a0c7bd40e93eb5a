"""The `leadwork` command: the root options, and every command registered in one place.

Only typer and standard-library modules are imported here; each command imports the core
(pydantic, rich, the store) inside its function, so `leadwork --help` stays fast.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import Annotated

import typer

from leadwork import __version__
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


def _command(name: str, module: str, function: str) -> Callable[[typer.Typer], object]:
    """How to add one command: its help in plain words (`LeadworkCommand`). Its module
    (`leadwork.cli.<module>`) is imported only when the command is added: a run that
    names its command imports that one alone."""

    def add(app: typer.Typer) -> object:
        command = getattr(import_module(f"leadwork.cli.{module}"), function)
        return app.command(name, cls=LeadworkCommand)(command)

    return add


def _group(name: str, module: str) -> Callable[[typer.Typer], object]:
    """How to add a group of commands: the Typer `app` of `leadwork.cli.<module>`."""
    return lambda app: app.add_typer(import_module(f"leadwork.cli.{module}").app, name=name)


# Every command, in the order `leadwork --help` lists them: a name and how to add it.
COMMANDS: dict[str, Callable[[typer.Typer], object]] = {
    "init": _command("init", "init", "init"),
    "check": _command("check", "check", "check"),
    "dashboard": _command("dashboard", "dashboard", "dashboard"),
    "checkin": _command("checkin", "checkin", "checkin"),
    "story": _command("story", "capture", "story"),
    "conversation": _command("conversation", "capture", "conversation"),
    "one-on-one": _command("one-on-one", "one_on_one", "one_on_one"),
    "commitments": _command("commitments", "commitments", "commitments"),
    "schema": _command("schema", "schema", "schema"),
    "edit": _command("edit", "edit", "edit"),
    "report": _command("report", "report", "report"),
    "indicator": _group("indicator", "indicator"),
    "capability": _group("capability", "capability"),
    "review": _group("review", "review"),
    "map": _command("map", "map", "map_command"),
    "reflect": _command("reflect", "reflect", "reflect"),
    "git": _group("git", "git_group"),
    "help": _command("help", "help_docs", "help_command"),
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


def __getattr__(name: str) -> typer.Typer:
    """`app`: the whole CLI (tests, the help text, the completion tree), made when first
    asked for, so that a run that builds one command never imports the others."""
    if name == "app":
        made = make_app()
        globals()["app"] = made
        return made
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
