"""`leadwork indicator add|change`: record an indicator agreed with a report, or a change
of its target or thresholds, in indicators.toml, keeping every line of the file as it was.
Registered on the `indicator` sub-app in `cli/indicator.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from leadwork.cli import complete_values
from leadwork.cli.echo import echo
from leadwork.cli.git import commit_option
from leadwork.cli.session import session, today
from leadwork.errors import UsageProblem

if TYPE_CHECKING:
    from leadwork.model.indicators import Indicator
    from leadwork.store.journal import Journal


AddCommit = Annotated[bool, commit_option("indicator add ID")]
ChangeCommit = Annotated[bool, commit_option("indicator change ID")]


def _day(text: str | None, option: str) -> object:
    from leadwork.cli.options import parse_date

    return parse_date(text, option, today())


def _definitions(journal: Journal) -> tuple[list[Indicator], set[str], set[str]]:
    indicators = list(journal.indicators().indicators)
    people = {p.id for p in journal.team().people}
    choices = {c.id for c in journal.strategy().choices}
    capabilities = {c.id for c in journal.capabilities().capabilities}
    return indicators, people, choices | capabilities


def _show_added(old: str, new: str) -> None:
    """The lines that were added, as `git diff` would show them."""
    import difflib

    from rich.text import Text

    from leadwork.cli.options import show

    added = Text()
    for line in difflib.ndiff(old.splitlines(), new.splitlines()):
        if line.startswith("+ "):
            added.append("  + " + line[2:] + "\n", style="green")
    show(added, end="")


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
    from leadwork.domain.id_safety import checked_id
    from leadwork.domain.joint_indicators import new_indicator
    from leadwork.domain.timeline import CADENCES
    from leadwork.store.atomic import journal_lock
    from leadwork.store.indicator_edits import append_indicator

    journal = session(ctx).journal()
    indicators, people, servable = _definitions(journal)
    checked_id(owner, "person", "--owner")
    mine = owner == complete_values.ME
    if direction not in ("higher", "lower"):
        raise UsageProblem(f"--direction '{direction}' must be 'higher' or 'lower'")
    if cadence not in CADENCES:
        raise UsageProblem(f"--cadence '{cadence}' must be one of {', '.join(CADENCES)}")
    data = {
        "id": id,
        "name": name,
        "owner": owner,
        "agreed_with": agreed_with or ([] if mine else [owner]),
        "agreed_on": _day(agreed_on, "--agreed-on"),
        "serves": serves or [],
        "unit": unit,
        "direction": direction,
        **({"cadence": cadence} if cadence != "weekly" else {}),
        "target": target,
        "celebrate": celebrate,
        "course_correct": course_correct,
    }
    if note:
        data["note"] = note
    indicator = new_indicator(data, indicators, people, servable)
    with journal_lock(journal.root):
        old, new = append_indicator(journal, indicator)
    echo(f"Added indicator {indicator.id} to indicators.toml:")
    _show_added(old, new)
    if commit:
        _commit(journal, f"indicator add {indicator.id}")


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
            help="Team id of who agreed the change (default: the owner). Repeatable.",
            autocompletion=complete_values.people,
        ),
    ] = None,
    note: Annotated[str | None, typer.Option(metavar="TEXT", help="Why it changed.")] = None,
    commit: ChangeCommit = False,
) -> None:
    """Change an indicator's target or thresholds from a date on, as agreed with its owner.

    Adds an [[indicators.changes]] entry inside that indicator's block; every other line
    of indicators.toml stays as it was, and weeks before the change keep the old values.
    """
    from leadwork.domain.id_safety import known_id
    from leadwork.domain.joint_indicators import describe_change, new_change
    from leadwork.store.atomic import journal_lock
    from leadwork.store.indicator_edits import append_change

    journal = session(ctx).journal()
    indicators, people, _ = _definitions(journal)
    by_id = {i.id: i for i in indicators}
    indicator = by_id[known_id(id, "indicator", "the indicator", by_id, "indicators.toml")]
    default_agreed = [indicator.owner] if indicator.owner not in (None, complete_values.ME) else []
    data = {
        "since": _day(since, "--since"),
        "target": target,
        "celebrate": celebrate,
        "course_correct": course_correct,
        "agreed_with": agreed_with or default_agreed,
    }
    if note:
        data["note"] = note
    data = {key: value for key, value in data.items() if value is not None}
    made = new_change(indicator, data, people)
    with journal_lock(journal.root):
        old, new = append_change(journal, indicator.id, made)
    echo(
        f"Changed {indicator.id} from {made.since}: {describe_change(indicator, made)}. "
        "In indicators.toml:"
    )
    _show_added(old, new)
    if commit:
        _commit(journal, f"indicator change {indicator.id}")


def _commit(journal: Journal, message: str) -> None:
    from leadwork.cli.git import commit_and_say
    from leadwork.layout import INDICATORS

    commit_and_say(journal, [INDICATORS], message, "indicators.toml")
