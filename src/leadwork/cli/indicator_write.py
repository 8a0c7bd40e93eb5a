"""`leadwork indicator add|change`: record an indicator agreed with a report, or a change
of its target, thresholds or owner, in indicators.toml, keeping every line of the file as it was.
Registered on the `indicator` sub-app in `cli/indicator.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from leadwork.cli import complete_values
from leadwork.cli.git import commit_option
from leadwork.cli.session import session, today

if TYPE_CHECKING:
    import datetime as dt

    from leadwork.store.journal import Journal


AddCommit = Annotated[bool, commit_option("indicator add ID")]
ChangeCommit = Annotated[bool, commit_option("indicator change ID")]


def _day(text: str | None, option: str) -> dt.date:
    from leadwork.cli.options import parse_date

    return parse_date(text, option, today())


def add(
    ctx: typer.Context,
    id: Annotated[
        str,
        typer.Argument(metavar="ID", help="A short slug for the new indicator, e.g. scrap-rate."),
    ],
    name: Annotated[
        str, typer.Option(metavar="TEXT", help="What it measures, e.g. 'Dayton scrap rate'.")
    ],
    owner: Annotated[
        str,
        typer.Option(
            metavar="PERSON",
            help='Team id of the person who owns it, or "me" when you own it yourself.',
            autocompletion=complete_values.owners,
        ),
    ],
    direction: Annotated[
        str, typer.Option(help="'higher' or 'lower': which way is better.", metavar="higher|lower")
    ],
    target: Annotated[float, typer.Option(metavar="X", help="The value that counts as on track.")],
    celebrate: Annotated[float, typer.Option(metavar="X", help="At or past this, celebrate.")],
    course_correct: Annotated[float, typer.Option(metavar="X", help="Past this, course-correct.")],
    unit: Annotated[
        str, typer.Option(metavar="TEXT", help="Shown after values: '%', 'days', 'min'.")
    ] = "",
    serves: Annotated[
        list[str] | None,
        typer.Option(
            metavar="ID",
            help="A capability or strategic choice id it serves. Repeatable.",
            autocompletion=complete_values.serves,
        ),
    ] = None,
    agreed_with: Annotated[
        list[str] | None,
        typer.Option(
            metavar="PERSON",
            help="Team id of who agreed it with you (default: the owner, unless it is you). "
            "Repeatable.",
            autocompletion=complete_values.people,
        ),
    ] = None,
    agreed_on: Annotated[
        str | None,
        typer.Option(metavar="YYYY-MM-DD", help="When it was agreed (default: today)."),
    ] = None,
    note: Annotated[
        str | None, typer.Option(metavar="TEXT", help="Why it matters, how it is measured.")
    ] = None,
    cadence: Annotated[
        str,
        typer.Option(
            metavar="weekly|monthly|quarterly",
            help="How often it is read; a reading stands for its week, month or quarter.",
        ),
    ] = "weekly",
    commit: AddCommit = False,
) -> None:
    """Add a leading indicator agreed with its owner, at the end of indicators.toml.

    Every line already in the file stays as it was. The thresholds must sit on the right
    side of the target for the direction; owner, --agreed-with and --serves must exist.
    """
    from leadwork.cli.output import Asked, emit
    from leadwork.usecases import indicator_write as usecase

    journal = session(ctx).journal()
    request = usecase.AddRequest(
        id=id,
        name=name,
        owner=owner,
        direction=direction,
        target=target,
        celebrate=celebrate,
        course_correct=course_correct,
        agreed_on=_day(agreed_on, "--agreed-on"),
        unit=unit,
        serves=tuple(serves or ()),
        agreed_with=tuple(agreed_with or ()),
        note=note,
        cadence=cadence,
    )
    result = usecase.run(journal, request, today())
    emit("indicator add", result, Asked(), journal)
    if commit:
        _commit(journal, f"indicator add {result.indicator.id}")


def change(
    ctx: typer.Context,
    id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="The indicator's id in indicators.toml.",
            autocompletion=complete_values.indicators,
        ),
    ],
    target: Annotated[float | None, typer.Option(metavar="X", help="The new target.")] = None,
    celebrate: Annotated[
        float | None, typer.Option(metavar="X", help="The new celebrate threshold.")
    ] = None,
    course_correct: Annotated[
        float | None, typer.Option(metavar="X", help="The new course-correct threshold.")
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            metavar="YYYY-MM-DD",
            help="The day it takes effect (default: today); earlier weeks keep the old values.",
        ),
    ] = None,
    agreed_with: Annotated[
        list[str] | None,
        typer.Option(
            metavar="PERSON",
            help="Team id of who agreed the change (default: the owner, the new one when "
            "--owner hands it on). Repeatable.",
            autocompletion=complete_values.people,
        ),
    ] = None,
    note: Annotated[str | None, typer.Option(metavar="TEXT", help="Why it changed.")] = None,
    owner: Annotated[
        str | None,
        typer.Option(
            metavar="PERSON",
            help='Hand it on: team id of who owns it from --since on, or "me" for you. '
            "Earlier weeks keep the owner before.",
            autocompletion=complete_values.owners,
        ),
    ] = None,
    commit: ChangeCommit = False,
) -> None:
    """Change an indicator's target, thresholds or owner from a date on, as agreed.

    Adds an [[indicators.changes]] entry inside that indicator's block; every other line
    of indicators.toml stays as it was, and weeks before the change keep the old values
    and owner.
    """
    from leadwork.cli.output import Asked, emit
    from leadwork.usecases import indicator_write as usecase

    journal = session(ctx).journal()
    request = usecase.ChangeRequest(
        id=id,
        since=_day(since, "--since"),
        target=target,
        celebrate=celebrate,
        course_correct=course_correct,
        agreed_with=tuple(agreed_with or ()),
        note=note,
        owner=owner,
    )
    result = usecase.run(journal, request, today())
    emit("indicator change", result, Asked(), journal)
    if commit:
        _commit(journal, f"indicator change {result.indicator.id}")


def _commit(journal: Journal, message: str) -> None:
    from leadwork.cli.git import commit_and_say
    from leadwork.layout import INDICATORS

    commit_and_say(journal, [INDICATORS], message, "indicators.toml")
