"""The commands whose command line may run again without Typer (`cli/replay.py`): the
views, and the one way a view runs, whether Typer parsed its words just now or a run
before; and the writers whose work takes Typer's values as they are (`WRITERS`).

A view here makes its request from Typer's values alone: not from today, stdin, a question
or the journal (those are read in `run_view`, at every run). `report` and `reflect` make
their weeks from today. A writer listed in `WRITERS` is handed Typer's values unresolved
(its week is resolved from today in its `record`, at every run); the other commands that
write or ask run through Typer every time.
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
# Each writer's command, and the module whose `record(session, words)` does its work.
WRITERS: dict[str, str] = {
    "checkin": "leadwork.cli.record_checkin",
}


def kept_for_later(ctx: typer.Context, command: str, request: Any, asked: Asked) -> Session:
    """Keep what Typer made of the words, for a later run of the same words without Typer
    (`replay.keep`: only when main() armed it); this run's session."""
    from leadwork.cli import replay
    from leadwork.cli.messages import flag_names
    from leadwork.cli.session import session

    given = session(ctx)
    flags = flag_names(ctx.command.params)
    replay.keep(replay.Replay(command, request, asked, given.journal_option, given.debug, flags))
    return given


def show_view(ctx: typer.Context, command: str, request: Any, asked: Asked) -> None:
    """Typer's side of a view: keep what Typer made of the words for a later run, then run it."""
    run_view(kept_for_later(ctx, command, request, asked), command, request, asked)


def run_view(session: Session, command: str, request: Any, asked: Asked) -> None:
    """Find the journal, run the view's use case as of today, show the result as asked."""
    from importlib import import_module

    from leadwork.cli.output import emit
    from leadwork.cli.session import today

    journal = session.journal(plain=True)  # a view only reads: no pydantic on a cache hit
    result = import_module(VIEWS[command]).run(journal, request, today())
    emit(command, result, asked, journal)


def run_kept(session: Session, command: str, request: Any, asked: Asked) -> None:
    """A command line kept before (`cli/replay.py`), run as Typer would have run it."""
    if command in VIEWS:
        run_view(session, command, request, asked)
        return
    from importlib import import_module

    import_module(WRITERS[command]).record(session, request)
