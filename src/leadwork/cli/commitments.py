"""`leadwork commitments`: every open commitment, yours and theirs, weekly and one-on-one,
with due dates and carried counts. Thin: the store finds the records, the domain lists
(`domain/commitment_list.py`), the renderer shows (`render/commitments.py`)."""

from __future__ import annotations

from typing import Annotated

import typer

from leadwork.cli.echo import echo
from leadwork.cli.options import FORMAT_HELP, ListFormat, show
from leadwork.cli.session import session, today


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
    from leadwork.cli.boundary import vouch
    from leadwork.domain.commitment_list import all_open_commitments
    from leadwork.render.commitments import commitments_json, commitments_table
    from leadwork.store.checkins import open_weekly_commitments
    from leadwork.store.one_on_ones import meetings_to_follow_up

    journal = session(ctx).journal()
    now = today()
    people = journal.team().people
    items = all_open_commitments(
        open_weekly_commitments(journal, now),
        meetings_to_follow_up(journal, [p.id for p in people], now),
        people,
        now,
    )
    vouch(journal, now)
    if format is ListFormat.json:
        echo(commitments_json(items, now))
    else:
        show(commitments_table(items, now))
