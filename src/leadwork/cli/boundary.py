"""The one error boundary: LeadworkError -> a message on stderr and an exit code.

Every command runs inside `LeadworkGroup.invoke`, so no command catches errors itself
and no traceback reaches a person for bad input. `--debug` (or LEADWORK_DEBUG=1) adds the
traceback for those who want it.
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperGroup

from leadwork.cli.session import color_enabled, session
from leadwork.errors import EXIT_INTERRUPTED, LeadworkError, ProblemsFound

EXIT_INTERNAL = 70  # EX_SOFTWARE: a bug in leadwork, not in the person's input


def report(error: LeadworkError) -> None:
    from leadwork.render.problems import format_note, format_problems, summary

    stream = sys.stderr
    color = color_enabled(stream)
    text = format_problems(error.problems, Path.cwd(), color)
    if isinstance(error, ProblemsFound) and error.notes:
        notes = (format_note(note, Path.cwd(), color) for note in error.notes)
        text += "\n\n" + "\n".join(notes)
    # A journal's check always ends with its count, even of one, so a script or a person
    # reading the last line learns the same thing whatever the number.
    if len(error.problems) > 1 or isinstance(error, ProblemsFound):
        text += "\n\n" + summary(error.problems)
    print(text, file=stream)


class LeadworkGroup(TyperGroup):
    def invoke(self, ctx: typer.Context) -> Any:
        try:
            return super().invoke(ctx)
        except LeadworkError as error:
            if _debug(ctx):
                traceback.print_exc()
            report(error)
            ctx.exit(error.exit_code)
        except KeyboardInterrupt:
            print("\nleadwork: interrupted; nothing more was written", file=sys.stderr)
            ctx.exit(EXIT_INTERRUPTED)
        except Exception as error:
            # Typer's and click's own exits and usage errors carry an exit code: let them
            # through to click, which prints usage errors and exits 2.
            if isinstance(error, typer.Exit | typer.Abort) or hasattr(error, "exit_code"):
                raise
            if _debug(ctx):
                raise
            print(
                f"leadwork: error: internal error: {type(error).__name__}: {error}\n"
                "  = hint: this is a bug in leadwork, not in your journal; run again with "
                "--debug for the traceback and report it",
                file=sys.stderr,
            )
            ctx.exit(EXIT_INTERNAL)


def _debug(ctx: typer.Context) -> bool:
    return session(ctx).debug or os.environ.get("LEADWORK_DEBUG") == "1"
