"""`leadwork --help` and `leadwork --version` in milliseconds, without importing Typer.

Importing typer (and the click it vendors) and building the commands costs more than
the 80 ms a person's `leadwork --help` may take. So `main` answers exactly these two
requests itself: the version from the package, the help from the text Typer printed the
last time, kept in the user's cache (`leadwork.cli.cache`, derived by `leadwork.cli.derive`
and checked against Typer's own output by tests/test_fasthelp.py). Whenever the answer
could differ from Typer's, it declines and Typer answers as always (and fills the cache):

- anything but exactly `--help`, `-h` or `--version` (`leadwork check --help` included);
- shell completion is asking (`_LEADWORK_COMPLETE` is set);
- the terminal is narrower than 80 columns: click wraps help at min(columns, 80) - 2;
- nothing is cached for this installation yet, or the CLI changed since (the cache's key).

Standard library only, and little of it: this runs before anything else.
"""

from __future__ import annotations

import os
import sys

# Not `from typing import TYPE_CHECKING`: importing typing costs ~5-10 ms, and pathlib as
# much again; neither is needed at run time.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import TextIO

HELP_WIDTH = 80  # click's default max_width: wider terminals get the same text
COMPLETION_ENV = "_LEADWORK_COMPLETE"
HELP_ARGS = ("--help", "-h")


def terminal_columns(environ: Mapping[str, str]) -> int:
    """What `shutil.get_terminal_size().columns` says, which is what click asks; written
    out so that the fast path does not import shutil."""
    try:
        columns = int(environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or HELP_WIDTH


def is_root_help(args: list[str]) -> bool:
    return len(args) == 1 and args[0] in HELP_ARGS


def answer(
    args: list[str],
    environ: Mapping[str, str] = os.environ,
    out: TextIO | None = None,
) -> bool:
    """Print the root help or the version if that is exactly what was asked and the text
    is certainly Typer's; True if it did. False: let Typer handle the command line."""
    if len(args) != 1 or args[0] not in (*HELP_ARGS, "--version"):
        return False
    if COMPLETION_ENV in environ:
        return False
    out = out or sys.stdout
    if args[0] == "--version":
        from leadwork import __version__

        out.write(f"leadwork {__version__}\n")
        return True
    if terminal_columns(environ) < HELP_WIDTH:
        return False
    from leadwork.cli import cache

    cached = cache.load_help(environ)
    if cached is None:
        return False
    out.write(cached)
    return True
