"""`leadwork commitments`: every open commitment, yours and theirs, weekly and one-on-one,
with due dates and carried counts. Thin: the use case lists (`usecases/commitments.py`),
the output path shows (`cli/output.py`, `render/commitments.py`)."""

from __future__ import annotations

from typing import Annotated

import typer

from leadwork.cli.options import FORMAT_HELP, ListFormat


def commitments(
    ctx: typer.Context,
    format: Annotated[
        ListFormat, typer.Option("--format", "-f", help=FORMAT_HELP)
    ] = ListFormat.text,
) -> None:
    """List every open commitment: yours from the weekly check-in, and both sides' from
    one-on-ones, with due dates and how often each was carried over.

    Overdue ones come first, then by due date. A weekly commitment is due at the end of
    the week after the check-in that made it; a one-on-one commitment on its due date.
    """
    from leadwork.cli.output import Asked
    from leadwork.cli.view import show_view
    from leadwork.usecases import commitments as usecase

    show_view(ctx, "commitments", usecase.Request(), Asked(format.value))
