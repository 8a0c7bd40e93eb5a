"""`leadwork check`: validate every file and every cross-reference, all problems at once."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from leadwork.cli.echo import echo
from leadwork.cli.session import session, today


class CheckFormat(StrEnum):
    text = "text"
    json = "json"


def check(
    ctx: typer.Context,
    strict: Annotated[
        bool, typer.Option("--strict", help="Treat warnings as problems (exit 1).")
    ] = False,
    format: Annotated[
        CheckFormat, typer.Option("--format", "-f", help="text for people, json for scripts.")
    ] = CheckFormat.text,
) -> None:
    """Validate every file and every cross-reference; report all problems at once.

    Each problem is shown as FILE:LINE:COL with the offending line and a hint. Exit 0 when
    the journal is clean (warnings allowed unless --strict), 1 when there are problems.
    Nothing is written.
    """
    from leadwork.errors import ProblemsFound
    from leadwork.render.check import check_json, clean_summary
    from leadwork.store.check import check_journal

    journal = session(ctx).journal()
    result = check_journal(journal, today())
    problems = result.problems
    failing = [p for p in problems if p.severity == "error" or strict]
    if format is CheckFormat.json:
        echo(check_json(journal.root, problems, result.notes))
        raise typer.Exit(1 if failing else 0)
    if failing:
        raise ProblemsFound(problems=problems, notes=result.notes)
    if problems:
        from leadwork.cli.boundary import report

        report(ProblemsFound(problems=problems, notes=result.notes))
    counts = result.counts
    if counts is not None:
        echo(
            clean_summary(counts.checkins, counts.captures_only, counts.one_on_ones, counts.reviews)
        )
