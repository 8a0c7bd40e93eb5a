"""`leadwork indicator export` and `leadwork indicator import FILE`: readings out and in as
CSV (or JSON, out), for a spreadsheet or another system. Registered on the `indicator`
sub-app in `cli/indicator.py`; an export is `usecases/indicator_export.py`, an import
`usecases/indicator_import.py` (the rows checked in `domain/readings_csv.py`, written
through `store/checkins.save_weeks`, all or nothing, comments kept)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from leadwork.cli import complete_values
from leadwork.cli.git import commit_option
from leadwork.cli.messages import vouch
from leadwork.cli.session import session, today


class ExportFormat(StrEnum):
    csv = "csv"
    json = "json"


ImportCommit = Annotated[bool, commit_option("indicator import FILE")]


def export(
    ctx: typer.Context,
    from_week: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="YYYY-Www",
            help="First week. Default: the first week with a check-in.",
            autocompletion=complete_values.weeks,
            show_default=False,
        ),
    ] = None,
    to_week: Annotated[
        str | None,
        typer.Option(
            "--to",
            metavar="YYYY-Www",
            help="Last week. Default: this week.",
            autocompletion=complete_values.weeks,
            show_default=False,
        ),
    ] = None,
    format: Annotated[
        ExportFormat,
        typer.Option("--format", "-f", help="csv for a spreadsheet, json for scripts."),
    ] = ExportFormat.csv,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the rows to FILE instead of printing them.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Export the readings: a row per reading (week, indicator, value, unit, status).

    The status is the reading's, judged against the thresholds in effect in its week, as
    the dashboard judges it. `leadwork indicator import` reads the CSV back.
    """
    from leadwork.cli.options import parse_begun_week, parse_week
    from leadwork.cli.output import Asked, emit
    from leadwork.errors import UsageProblem
    from leadwork.usecases import indicator_export as usecase
    from leadwork.weeks import Week

    last = parse_begun_week(to_week, "--to", today()) or Week.of(today())
    first = parse_week(from_week, "--from")
    if first is not None and first > last:
        raise UsageProblem(
            f"--from {first} is after --to {last}", hint="the range runs from --from to --to"
        )
    journal = session(ctx).journal()
    result = usecase.run(journal, usecase.ExportRequest(first, last), today())
    emit("indicator export", result, Asked(format.value, output), journal)


def import_(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="A CSV file with week, indicator and value columns (in any order and case; "
            "unit and status optional), as export writes or a spreadsheet saves; - reads stdin.",
        ),
    ],
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", "-n", help="Say what would change, and write nothing."),
    ] = False,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace", help="Replace readings already in the check-ins that differ from the file."
        ),
    ] = False,
    commit: ImportCommit = False,
) -> None:
    """Import readings into the weeks' check-ins, all or nothing.

    Each row goes into its week's check-in (created if needed; comments and everything
    else in it kept). The file is refused as a whole, naming every line in error, for an unknown or
    retired indicator, a week not yet begun, a value that is not a number, or a reading
    that differs from the one already there (unless --replace). Accepts a byte-order
    mark, `;` or tab separators, and decimal commas when every decimal is written so.
    """
    from leadwork.cli.output import Asked, emit
    from leadwork.usecases import indicator_import as usecase

    text = None
    if str(file) == "-":
        import sys

        file, text = Path("<stdin>"), sys.stdin.read()
    journal = session(ctx).journal()
    request = usecase.ImportRequest(file, text, dry_run=dry_run, replace=replace)
    result = usecase.run(journal, request, today())
    emit("indicator import", result, Asked(), journal)
    if result.written:
        saved = "(the readings were saved all the same)"
        vouch(journal, today(), saved, refuse=False, written=result.written)
    if commit and result.written:
        from leadwork.cli.git import commit_and_say

        message = f"indicator import {file.name}"
        commit_and_say(journal, result.written, message, "the readings")
