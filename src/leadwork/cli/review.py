"""`leadwork review strategy|capability`: reviews as a ritual, recorded one file each.

Each command shows what the review should look at, then asks at a terminal only what its
flags did not already say; `--no-input` never asks. Without a terminal the flags are
recorded, and with none it refuses: the rule of every interview (`cli/prompts.may_ask`).
The flags and the answers make a request; `usecases/review.py` checks it (the flags
before anything is asked) and records it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import replace
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from leadwork.cli import complete_values
from leadwork.cli.command import LeadworkCommand
from leadwork.cli.echo import echo
from leadwork.cli.git import commit_and_say, commit_option
from leadwork.cli.messages import vouch
from leadwork.cli.options import joined, parse_date, parse_numbers
from leadwork.cli.output import Asked, emit
from leadwork.cli.prompts import may_ask
from leadwork.cli.session import session, today
from leadwork.errors import UsageProblem

SAVED = "(the review was saved all the same)"

if TYPE_CHECKING:
    from leadwork.cli.prompts import Prompter
    from leadwork.domain.review import CapabilityBrief, StrategyBrief
    from leadwork.store.journal import Journal
    from leadwork.usecases.review import (
        CapabilitiesPrepared,
        CapabilityRequest,
        Said,
        StrategyRequest,
    )

T = TypeVar("T")
R = TypeVar("R", "StrategyRequest", "CapabilityRequest")

app = typer.Typer(
    help="Record a strategy review, or a capability review (one file each in reviews/).",
    no_args_is_help=True,
)


class BriefFormat(StrEnum):
    text = "text"
    json = "json"


DateOption = Annotated[
    str | None,
    typer.Option(
        "--date",
        metavar="YYYY-MM-DD",
        help="The day the review took place. Default: today.",
        show_default=False,
    ),
]
NoInput = Annotated[
    bool,
    typer.Option("--no-input", help="Never ask: record what the flags say, nothing more."),
]
Prep = Annotated[
    bool,
    typer.Option(
        "--prep", help="Only prepare: show what the review would look at, record nothing."
    ),
]
ShowOnly = Annotated[bool, typer.Option("--show-only", hidden=True, help="Old spelling of --prep.")]
FormatOption = Annotated[
    BriefFormat,
    typer.Option("--format", "-f", help="With --prep: text for people, json for scripts."),
]
STRATEGY_FLAGS = "--participant, --signal, --other-signal, --changes (or --no-input)"
CAPABILITY_FLAGS = "ID with --step-done, --level, --reason, --inside, --outside (or --no-input)"
StrategyCommit = Annotated[bool, commit_option("review strategy YYYY-MM-DD")]
CapabilityCommit = Annotated[bool, commit_option("review capability ID YYYY-MM-DD")]


# ---- asking ------------------------------------------------------------------------------------


def ask(prompter: Prompter, question: str, parse: Callable[[str], T]) -> T:
    """Ask until `parse` accepts the answer (Enter is an answer too: ""); its UsageProblem
    is shown and the question asked again (`cli/prompts.py`, as every interview asks)."""
    from leadwork.cli.prompts import Invalid

    def read(answer: str) -> T:
        try:
            return parse(answer)
        except UsageProblem as problem:
            hint = problem.problems[0].hint
            raise Invalid(str(problem) + (f" ({hint})" if hint else "")) from None

    answer = prompter.ask(question, read, blank=True)
    assert answer is not None  # no default: every answer went through `read`
    return answer


def _prompter() -> Prompter:
    from leadwork.cli.prompts import Prompter

    return Prompter()


def _text(answer: str) -> str:
    return answer


def _required(answer: str) -> str:
    if not answer:
        raise UsageProblem("an answer is needed here")
    return answer


def _names(values: list[str]) -> tuple[str, ...]:
    """ "marcus, priya" and repeated flags alike: one name each, blanks dropped."""
    return tuple(name.strip() for value in values for name in value.split(",") if name.strip())


def _numbers(values: list[str], what: str, every: int | None = None) -> tuple[int, ...]:
    """ "1,3", "1 3" or repeated flags; "all" means 1..every when `every` is given."""
    return tuple(number for number, _ in parse_numbers(values, what, every=every))


def _day(text: str | None, now: dt.date) -> dt.date:
    """--date as a day (today when not given); whether it has come is the use case's."""
    return parse_date(text, "--date", now)


# ---- leadwork review strategy ------------------------------------------------------------------


def strategy(
    ctx: typer.Context,
    participant: Annotated[
        list[str] | None,
        typer.Option(
            "--participant",
            "-p",
            metavar="NAME",
            help="Who took part: a team id or a name; repeat it, or separate with commas.",
            autocompletion=complete_values.people,
            show_default=False,
        ),
    ] = None,
    signal: Annotated[
        list[str] | None,
        typer.Option(
            "--signal",
            "-s",
            metavar="N",
            help="A refresh signal it answered, by the number shown (repeat it; 'all').",
            show_default=False,
        ),
    ] = None,
    other_signal: Annotated[
        list[str] | None,
        typer.Option(
            "--other-signal",
            metavar="TEXT",
            help="A signal it answered that is not in the check-ins, in your words.",
            show_default=False,
        ),
    ] = None,
    changes: Annotated[
        str | None,
        typer.Option("--changes", metavar="TEXT", help="What changed.", show_default=False),
    ] = None,
    date: DateOption = None,
    no_input: NoInput = False,
    prep: Prep = False,
    show_only: ShowOnly = False,
    format: FormatOption = BriefFormat.text,
    commit: StrategyCommit = False,
) -> None:
    """Record a strategy review or co-creation session in reviews/DATE-strategy.toml.

    First it shows how long it has been since the last review, the refresh signals written
    since then (conversations and stories marked refresh = true), numbered, and the
    strategic choices with no story lately. Then it asks who took part, which signals the
    review answered, and what changed. strategy.toml is never rewritten.
    """
    from leadwork.usecases import review

    journal, now = session(ctx).journal(), today()
    day = _day(date, now)
    prepared = review.run(journal, review.StrategyPrep(), now)
    if prep or show_only:
        emit("review strategy --prep", prepared, Asked(format.value), journal)
        return
    request = review.StrategyRequest(
        day,
        participant=_names(participant or []),
        signal=_numbers(signal or [], "signal", len(prepared.brief.signals)),
        other_signal=tuple(other_signal or ()),
        changes=changes,
    )
    review.check(journal, request, now)
    answered = bool(participant or signal or other_signal or changes is not None)
    if may_ask(no_input=no_input, answered=answered, what="review strategy", flags=STRATEGY_FLAGS):
        emit("review strategy --prep", prepared, Asked(), journal)
        request = _strategy_interview(journal, prepared.brief, request, now, signal is not None)
    result = review.run(journal, request, now)
    emit("review strategy", result, Asked(), journal)
    vouch(journal, now, SAVED, refuse=False, written=result.written)
    if commit:
        commit_and_say(journal, result.written, f"review strategy {day}", "the review")


def _strategy_interview(
    journal: Journal, brief: StrategyBrief, request: StrategyRequest, now: dt.date, signals: bool
) -> StrategyRequest:
    """Ask what the flags did not say (`signals`: --signal was given); every answer is
    checked as it is given."""
    echo()
    prompter = _prompter()
    if not request.participant:
        request = ask(
            prompter,
            "Who took part? (team ids or names, separated by commas)",
            lambda a: _checked(journal, replace(request, participant=_names([a])), now),
        )
    offered = len(brief.signals)
    if not signals and offered:
        request = ask(
            prompter,
            "Which signals did it answer? (numbers like 1,3; 'all'; blank for none)",
            lambda a: _checked(
                journal, replace(request, signal=_numbers([a], "signal", offered)), now
            ),
        )
    if not request.other_signal:
        question = "Any other signal it answered, not in the check-ins? (blank: none)"
        other = ask(prompter, question, _text)
        request = replace(request, other_signal=(other,) if other else ())
    if request.changes is None:
        request = replace(request, changes=ask(prompter, "What changed? (blank: nothing)", _text))
    return request


def _checked(journal: Journal, request: R, now: dt.date) -> R:
    """The request as it stands, once the use case has checked it."""
    from leadwork.usecases import review

    review.check(journal, request, now)
    return request


# ---- leadwork review capability ----------------------------------------------------------------


def _feedback(values: list[str], side: str) -> tuple[Said, ...]:
    from leadwork.usecases.review import Said

    found = []
    for value in values:
        who, colon, said = value.partition(":")
        if not colon or not who.strip() or not said.strip():
            raise UsageProblem(
                f"--{side} '{value}' is not WHO: WHAT THEY SAID",
                hint=f'like --{side} "Dale Jensen, Prairie: your dates held once you gave them"',
            )
        found.append(Said(who.strip(), side, said.strip()))
    return tuple(found)


def _side(answer: str) -> str:
    for side in ("inside", "outside"):
        if answer and side.startswith(answer.lower()):
            return side
    raise UsageProblem("answer inside or outside (i or o)")


def capability(
    ctx: typer.Context,
    capability_id: Annotated[
        str | None,
        typer.Argument(
            metavar="ID",
            help="The capability to review. Default: walk through each one.",
            autocompletion=complete_values.capabilities,
            show_default=False,
        ),
    ] = None,
    step_done: Annotated[
        list[str] | None,
        typer.Option(
            "--step-done",
            metavar="N",
            help="A plan step done now, by its number in the plan (repeat it, or 2,3).",
            show_default=False,
        ),
    ] = None,
    old_step: Annotated[
        list[str] | None,
        typer.Option(
            "--step", hidden=True, help="Old spelling of --step-done.", show_default=False
        ),
    ] = None,
    level: Annotated[
        int | None,
        typer.Option(
            "--level",
            metavar="1-5",
            min=1,
            max=5,
            help="The re-assessed level: 1 absent, 2 emerging, 3 working, 4 strong, 5 distinctive.",
            show_default=False,
        ),
    ] = None,
    reason: Annotated[
        str | None,
        typer.Option(
            "--reason",
            metavar="TEXT",
            help="Why that level (needed when it changes).",
            show_default=False,
        ),
    ] = None,
    inside: Annotated[
        list[str] | None,
        typer.Option(
            "--inside",
            metavar="'WHO: TEXT'",
            help="What someone inside the organization said about it (repeat it).",
            show_default=False,
        ),
    ] = None,
    outside: Annotated[
        list[str] | None,
        typer.Option(
            "--outside",
            metavar="'WHO: TEXT'",
            help="What a customer, supplier or partner said about it (repeat it).",
            show_default=False,
        ),
    ] = None,
    date: DateOption = None,
    no_input: NoInput = False,
    prep: Prep = False,
    show_only: ShowOnly = False,
    format: FormatOption = BriefFormat.text,
    commit: CapabilityCommit = False,
) -> None:
    """Review a capability (or walk through each one) in reviews/DATE-capability-ID.toml.

    For each capability it shows the plan, marking the steps done since its last review,
    then asks which open steps are done now (they are marked done in capabilities.toml,
    changing only those lines), the level you re-assess it at and why (the level in
    capabilities.toml follows), and what stakeholders inside and outside said about it.
    """
    from leadwork.usecases import review

    step = joined(step_done, old_step)
    prep = prep or show_only
    journal, now = session(ctx).journal(), today()
    day = _day(date, now)
    if capability_id is None:
        _needs_an_id(step, level, reason, inside, outside, no_input and not prep)
    prepared = review.run(journal, review.CapabilityPrep(capability_id, day), now)
    if prep:
        emit("review capability --prep", prepared, Asked(format.value), journal)
    elif not prepared.briefs:
        echo("capabilities.toml has no capabilities to review yet.")
    elif capability_id is None:
        _walk(journal, prepared, day, now, commit)
    else:
        feedback = _feedback(inside or [], "inside") + _feedback(outside or [], "outside")
        request = review.CapabilityRequest(
            capability_id, day, _numbers(step or [], "step"), level, reason, feedback
        )
        review.check(journal, request, now)
        answered = bool(step or level is not None or reason or inside or outside)
        flags = CAPABILITY_FLAGS
        if may_ask(no_input=no_input, answered=answered, what="review capability", flags=flags):
            request = _capability_interview(journal, prepared.briefs[0], request, now, True)
        _record(journal, request, now, commit)


def _needs_an_id(
    step: list[str] | None,
    level: int | None,
    reason: str | None,
    inside: list[str] | None,
    outside: list[str] | None,
    no_input: bool,
) -> None:
    """The flags that answer one capability's questions say nothing without its ID."""
    flags = {
        "--step-done": step,
        "--level": level,
        "--reason": reason,
        "--inside": inside,
        "--outside": outside,
    }
    given = [name for name, value in flags.items() if value]
    if given:
        raise UsageProblem(
            f"{', '.join(given)} need{'s' * (len(given) == 1)} a capability ID",
            hint="like `leadwork review capability quality-at-scale --step-done 3`",
        )
    if no_input:
        raise UsageProblem(
            "--no-input needs a capability ID: there is nothing to ask for",
            hint="like `leadwork review capability quality-at-scale --no-input --level 3`",
        )


def _walk(
    journal: Journal, prepared: CapabilitiesPrepared, day: dt.date, now: dt.date, commit: bool
) -> None:
    """Each capability in turn: its plan, then its review if the person wants one now."""
    from leadwork.usecases import review

    may_ask(no_input=False, answered=False, what="review capability", flags=CAPABILITY_FLAGS)
    prompter = _prompter()
    briefs = prepared.briefs
    for number, brief in enumerate(briefs, start=1):
        emit("review capability --prep", review.CapabilitiesPrepared((brief,)), Asked(), journal)
        done = prepared.reviewed.get(brief.capability.id)
        if done is not None:
            echo(f"Already reviewed on {day}: {done}")
            continue
        if prompter.confirm(f"Review it now? ({number} of {len(briefs)})", default=True):
            request = review.CapabilityRequest(brief.capability.id, day)
            _record(journal, _capability_interview(journal, brief, request, now), now, commit)
        echo()


def _capability_interview(
    journal: Journal,
    brief: CapabilityBrief,
    request: CapabilityRequest,
    now: dt.date,
    show: bool = False,
) -> CapabilityRequest:
    """Ask what the flags did not say (`show`: show the plan first); every answer is
    checked as it is given."""
    from leadwork.model.words import LEVEL_HELP
    from leadwork.usecases import review

    if show:
        emit("review capability --prep", review.CapabilitiesPrepared((brief,)), Asked(), journal)
    echo()
    prompter = _prompter()
    cap = brief.capability
    if not request.step_done and brief.open_steps:
        request = ask(
            prompter,
            "Which open steps are done now? (numbers like 2,3; blank for none)",
            lambda a: _checked(journal, replace(request, step_done=_numbers([a], "step")), now),
        )
    level = request.level
    if level is None:
        level = prompter.whole(f"Level now ({LEVEL_HELP})", low=1, high=5, default=cap.level)
    reason = request.reason
    if not reason:
        changed = level != cap.level
        question = f"Why {level}?" + ("" if changed else " (blank to skip)")
        reason = ask(prompter, question, _required if changed else _text)
    feedback = request.feedback or _ask_feedback(prompter, review.team_names(journal))
    return replace(request, level=level, reason=reason, feedback=feedback)


def _record(journal: Journal, request: CapabilityRequest, now: dt.date, commit: bool) -> None:
    from leadwork.usecases import review

    result = review.run(journal, request, now)
    emit("review capability", result, Asked(), journal)
    vouch(journal, today(), SAVED, refuse=False, written=result.written)
    if commit:
        message = f"review capability {request.capability_id} {request.date}"
        commit_and_say(journal, result.written, message, "the review")


def _ask_feedback(prompter: Prompter, people: Mapping[str, str]) -> tuple[Said, ...]:
    """Who said what. Someone of the team (a team id, or a team member's name, by the one
    rule of `person_or_name`) is inside: not asked; anyone else is asked about by name."""
    from leadwork.domain.checkin import person_or_name
    from leadwork.domain.wording import short_names
    from leadwork.usecases.review import Said

    called = short_names(people)

    def person(answer: str) -> str:
        if not answer.strip():
            return ""
        try:
            return person_or_name(answer, people)
        except ValueError as error:
            raise UsageProblem(str(error)) from None

    feedback: list[Said] = []
    while True:
        question = "Who said something about it, inside or outside? (blank when done)"
        who = ask(prompter, question, person)
        if not who:
            return tuple(feedback)
        name = called.get(who, who)
        if who in people:
            side = "inside"
        else:
            side = ask(prompter, f"Is {name} inside or outside the organization? (i or o)", _side)
        said = ask(prompter, f"What did {name} say?", _required)
        feedback.append(Said(who, side, said))


app.command("strategy", cls=LeadworkCommand)(strategy)
app.command("capability", cls=LeadworkCommand)(capability)
