"""The views whose command line may run again without Typer (`cli/replay.py`), and the one
way a view runs, whether Typer parsed its words just now or a run before.

A view here makes its request from Typer's values alone: not from today, stdin, a question
or the journal (those are read in `run_view`, at every run). `report` and `reflect` make
their weeks from today, and the commands that write or ask are not views: Typer runs them
every time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import typer

    from leadwork.cli.output import Asked
    from leadwork.cli.session import Session

# Each view's command, and its use case's module (`run(journal, request, today)`).
VIEWS: dict[str, str] = {
    "dashboard": "leadwork.usecases.dashboard",
    "indicator list": "leadwork.usecases.indicator",
    "indicator show": "leadwork.usecases.indicator",
    "capability list": "leadwork.usecases.capability",
    "capability show": "leadwork.usecases.capability",
    "commitments": "leadwork.usecases.commitments",
    "map": "leadwork.usecases.map",
}


def show_view(ctx: typer.Context, command: str, request: Any, asked: Asked) -> None:
    """Typer's side of a view: keep what Typer made of the words for a later run
    (`replay.keep`: only when main() armed it), then run it."""
    from leadwork.cli import replay
    from leadwork.cli.messages import flag_names
    from leadwork.cli.session import session

    given = session(ctx)
    flags = flag_names(ctx.command.params)
    replay.keep(replay.Replay(command, request, asked, given.journal_option, given.debug, flags))
    run_view(given, command, request, asked)


def run_view(session: Session, command: str, request: Any, asked: Asked) -> None:
    """Find the journal, run the view's use case as of today, show the result as asked."""
    from importlib import import_module

    from leadwork.cli.output import emit
    from leadwork.cli.session import today

    journal = session.journal(plain=True)  # a view only reads: no pydantic on a cache hit
    result = import_module(VIEWS[command]).run(journal, request, today())
    emit(command, result, asked, journal)
