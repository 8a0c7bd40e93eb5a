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
from typing import TYPE_CHECKING, Any

import typer
from typer.core import TyperGroup

from leadwork.cli.session import color_enabled, session
from leadwork.errors import (
    EXIT_INTERRUPTED,
    InvalidFile,
    LeadworkError,
    ProblemsFound,
    UsageProblem,
)

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence
    from typing import Protocol

    class UsageError(Protocol):
        """Click's UsageError, as Typer raises it (it vendors click, privately)."""

        ctx: typer.Context | None

        def format_message(self) -> str: ...

    from leadwork.store.journal import Journal

EXIT_INTERNAL = 70  # EX_SOFTWARE: a bug in leadwork, not in the person's input
VIEW = "that may make this view wrong"  # what a problem elsewhere means to a reader


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
    if isinstance(error, InvalidFile):
        # A view stops at the first file it cannot read; there may be others.
        label = "\x1b[36m\x1b[1mnote:\x1b[0m" if color else "note:"
        text += f"\n\n{label} `leadwork check` lists every problem in the journal at once"
    print(text, file=stream)


def warn(message: str) -> None:
    """One line on stderr, `leadwork: warning: ...`: never into stdout, which may be JSON."""
    from leadwork.errors import Problem
    from leadwork.render.problems import format_problem

    problem = Problem(message, severity="warning")
    print(format_problem(problem, Path.cwd(), color_enabled(sys.stderr)), file=sys.stderr)


def vouch(
    journal: Journal,
    today: dt.date,
    meaning: str = VIEW,
    *,
    refuse: bool = True,
    written: Sequence[str] = (),
) -> None:
    """After a command read the journal and before it shows it: `check`'s cross-file rules
    over the files it read (`store.read_check.check_read`). A journal that says two things at
    once (an id used twice) is refused, as `check` would (`usecases/trust.py`, the readers'
    rule too); other problems are named in a one-line warning on stderr, `meaning` saying
    what they mean to this command. A writer that has written (`refuse=False`) names every
    file with problems, the ones it wrote (`written`) read back as they are now: a week it
    amended may still hold a hand-made mistake it kept."""
    if refuse:
        from leadwork.usecases.trust import doubtful_files

        warn_doubtful(journal, doubtful_files(journal, today), meaning)
        return
    from leadwork.store.read_check import check_read

    warn_doubtful(journal, check_read(journal, today, written).files, meaning)


def warn_doubtful(journal: Journal, rels: Sequence[str], meaning: str = VIEW) -> None:
    """Name the files read that have problems (relative to the journal) in one warning."""
    from leadwork.render.problems import display_path

    if rels:
        files = ", ".join(display_path(journal.path(rel), Path.cwd()) for rel in rels)
        have = "has" if len(rels) == 1 else "have"
        warn(f"{files} {have} problems {meaning}; run `leadwork check`")


def usage_problem(error: UsageError) -> UsageProblem:
    """Click's usage error as leadwork says every other error: `leadwork: error: ...`,
    then the usage line and where the help is as the hint."""
    message = error.format_message().replace("Value error, ", "").rstrip(".")
    message, _, close = message.partition(". Did you mean ")
    hints = [f"did you mean {close.rstrip('?')}?"] if close else []
    if error.ctx is not None:
        usage = error.ctx.get_usage().removeprefix("Usage: ")
        hints.append(f"usage: {usage}; `{error.ctx.command_path} --help` says more")
    return UsageProblem(message[:1].lower() + message[1:], hint="; ".join(hints) or None)


def is_usage_error(error: BaseException) -> bool:
    """Click's UsageError (a bad option, a missing argument, an unknown command), known by
    its documented contract: exit code 2, the context it happened in, a message. Typer
    vendors click as a private module, so the class itself is not ours to import."""
    return (
        getattr(error, "exit_code", None) == 2
        and hasattr(error, "ctx")
        and callable(getattr(error, "format_message", None))
        and not isinstance(error, LeadworkError)
    )


class LeadworkGroup(TyperGroup):
    # Click hands these its own Context (typer.Context subclasses it); the base class names
    # that type only from typer's private vendored click, which leadwork does not import.
    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:  # type: ignore[override]
        try:
            return super().parse_args(ctx, args)
        except Exception as error:  # the root's own options, before any command runs
            if not is_usage_error(error) or _is_help(error):
                raise
            report(usage_problem(error))  # type: ignore[arg-type]
            raise typer.Exit(UsageProblem.exit_code) from None

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]  # as parse_args
        try:
            return super().invoke(ctx)
        except LeadworkError as error:
            if _debug(ctx):
                traceback.print_exc()
            report(error)
            ctx.exit(error.exit_code)
        except BrokenPipeError:
            # `leadwork dashboard | head` closed the pipe early: not an error worth a word.
            from leadwork.render.plain import quiet_stdout

            quiet_stdout()
            ctx.exit(0)
        except KeyboardInterrupt:
            print("\nleadwork: interrupted; nothing more was written", file=sys.stderr)
            ctx.exit(EXIT_INTERRUPTED)
        except Exception as error:
            if is_usage_error(error):
                if _is_help(error):
                    raise
                report(usage_problem(error))  # type: ignore[arg-type]
                ctx.exit(UsageProblem.exit_code)
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


def _is_help(error: BaseException) -> bool:
    """`leadwork indicator` alone: click shows the group's help, which is right as it is."""
    return type(error).__name__ == "NoArgsIsHelpError"


def _debug(ctx: typer.Context) -> bool:
    return session(ctx).debug or os.environ.get("LEADWORK_DEBUG") == "1"
