"""`leadwork check`: validate every file and every cross-reference, all problems at once."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

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
    from leadwork.cli.output import Asked, emit
    from leadwork.errors import ProblemsFound
    from leadwork.usecases import check as usecase

    journal = session(ctx).journal(plain=True)  # reads and judges, writes nothing
    result = usecase.run(journal, usecase.Request(strict), today())
    found = ProblemsFound(problems=result.check.problems, notes=result.check.notes)
    if format is CheckFormat.json:
        emit("check", result, Asked(format.value), journal)
        raise typer.Exit(0 if result.passed else 1)
    if not result.passed:
        raise found
    if found.problems:
        from leadwork.cli.messages import report

        report(found)
    emit("check", result, Asked(format.value), journal)
