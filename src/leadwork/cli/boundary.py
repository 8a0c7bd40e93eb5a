"""The one error boundary: LeadworkError -> a message on stderr and an exit code.

Every command runs inside `LeadworkGroup.invoke`, so no command catches errors itself
and no traceback reaches a person for bad input. `--debug` (or LEADWORK_DEBUG=1) adds the
traceback for those who want it. The words and the exit codes are `cli/messages.settle`'s,
which a command line run again without Typer (`cli/replay.py`) goes through too; this
module adds what only Typer raises: usage errors and its own exits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer
from typer.core import TyperGroup

from leadwork.cli.messages import debugging, report, settle
from leadwork.cli.session import session
from leadwork.errors import LeadworkError, UsageProblem

if TYPE_CHECKING:
    from typing import Protocol

    class UsageError(Protocol):
        """Click's UsageError, as Typer raises it (it vendors click, privately)."""

        ctx: typer.Context | None

        def format_message(self) -> str: ...


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
        except (LeadworkError, BrokenPipeError, KeyboardInterrupt) as error:
            ctx.exit(settle(error, _debug(ctx)))
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
            ctx.exit(settle(error, _debug(ctx)))


def _is_help(error: BaseException) -> bool:
    """`leadwork indicator` alone: click shows the group's help, which is right as it is."""
    return type(error).__name__ == "NoArgsIsHelpError"


def _debug(ctx: typer.Context) -> bool:
    return debugging(session(ctx).debug)
