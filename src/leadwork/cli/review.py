"""`leadwork review strategy|capability`: reviews as a ritual, recorded one file each.

Each command shows what the review should look at, then asks at a terminal only what its
flags did not already say; `--no-input` never asks. Without a terminal the flags are
recorded, and with none it refuses: the rule of every interview (`cli/prompts.may_ask`).
Every answer and flag is checked before anything is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from leadwork.cli import complete_values
from leadwork.cli.command import LeadworkCommand
from leadwork.cli.echo import echo
from leadwork.cli.git import commit_and_say, commit_option
from leadwork.cli.options import joined, parse_date, parse_numbers
from leadwork.cli.prompts import may_ask
from leadwork.cli.session import session, today
from leadwork.errors import UsageProblem

if TYPE_CHECKING:
    from leadwork.cli.prompts import Prompter
    from leadwork.domain.review import CapabilityBrief, NumberedStep
    from leadwork.store.journal import Journal

T = TypeVar("T")

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


def _names(values: list[str]) -> list[str]:
    """ "marcus, priya" and repeated flags alike: one name each, blanks dropped."""
    return [name.strip() for value in values for name in value.split(",") if name.strip()]


def _numbers(values: list[str], what: str, every: int | None = None) -> list[int]:
    """ "1,3", "1 3" or repeated flags; "all" means 1..every when `every` is given."""
    return [number for number, _ in parse_numbers(values, what, every=every)]


def _day(text: str | None, now: dt.date) -> dt.date:
    day = parse_date(text, "--date", now)
    if day > now:
        raise UsageProblem(
            f"--date {day} is after today ({now})", hint="record a review once it has happened"
        )
    return day


def _model(build: Callable[[], T]) -> T:
    """Build a model from answers; pydantic's refusal becomes a UsageProblem."""
    from pydantic import ValidationError

    try:
        return build()
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        raise UsageProblem(f"{where}: {first['msg'].lower()}") from None


def _show(renderable: Any) -> None:
    from leadwork.cli.options import show

    show(renderable)


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
    from leadwork.domain.review import choose_signals
    from leadwork.model.review import StrategyReview
    from leadwork.render.review import strategy_brief_json, strategy_brief_view, strategy_recorded
    from leadwork.store.reviews import (
        STRATEGY_SUBJECT,
        gather_strategy_brief,
        record_strategy_review,
        refuse_if_recorded,
        review_rel,
    )

    journal = session(ctx).journal()
    now = today()
    day = _day(date, now)
    brief = gather_strategy_brief(journal, now)
    offered = brief.signals
    chosen = choose_signals(offered, _numbers(signal, "signal", len(offered))) if signal else None
    if prep or show_only:
        if format is BriefFormat.json:
            echo(strategy_brief_json(brief))
        else:
            _show(strategy_brief_view(brief))
        return
    refuse_if_recorded(journal, review_rel(day, STRATEGY_SUBJECT))

    names = _names(participant or [])
    others = [s.strip() for s in other_signal or [] if s.strip()]
    answered = bool(participant or signal or other_signal or changes is not None)
    if may_ask(no_input=no_input, answered=answered, what="review strategy", flags=STRATEGY_FLAGS):
        _show(strategy_brief_view(brief))
        echo()
        prompter = _prompter()
        if not participant:
            names = ask(
                prompter, "Who took part? (team ids or names, separated by commas)", _names_of
            )
        if chosen is None and offered:
            chosen = ask(
                prompter,
                "Which signals did it answer? (numbers like 1,3; 'all'; blank for none)",
                lambda a: choose_signals(offered, _numbers([a], "signal", len(offered))),
            )
        if not other_signal:
            other = ask(
                prompter, "Any other signal it answered, not in the check-ins? (blank: none)", _text
            )
            others = [other] if other else []
        if changes is None:
            changes = ask(prompter, "What changed? (blank: nothing)", _text) or None

    names = _people(names, journal)
    review = _model(
        lambda: StrategyReview(
            kind="strategy",
            date=day,
            participants=names,
            signals=others,
            changes=changes or None,
            answered=[s.answered() for s in chosen or []],
        )
    )
    rel = record_strategy_review(journal, review)
    next_by = day + dt.timedelta(weeks=brief.review_every_weeks)
    echo(strategy_recorded(rel, len(review.answered), len(offered), next_by))
    if commit:
        commit_and_say(journal, [rel], f"review strategy {day}", "the review")


def _people(names: list[str], journal: Journal) -> list[str]:
    """Each participant as a team id when it names a team member (the rule of `--who`:
    `domain.checkin.person_or_name`), else as written."""
    from leadwork.domain.checkin import person_or_name

    team = {p.id: p.name for p in journal.team().people}
    try:
        return [person_or_name(name, team) for name in names]
    except ValueError as error:
        raise UsageProblem(f"--participant: {error}") from None


def _names_of(answer: str) -> list[str]:
    return _names([answer])


# ---- leadwork review capability ----------------------------------------------------------------


def _feedback(values: list[str], side: str) -> list[dict[str, str]]:
    found = []
    for value in values:
        who, colon, said = value.partition(":")
        if not colon or not who.strip() or not said.strip():
            raise UsageProblem(
                f"--{side} '{value}' is not WHO: WHAT THEY SAID",
                hint=f'like --{side} "Dale Jensen, Prairie: your dates held once you gave them"',
            )
        found.append({"who": who.strip(), "side": side, "text": said.strip()})
    return found


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
    from leadwork.render.review import capability_briefs_json, capability_briefs_view
    from leadwork.store.reviews import gather_capability_briefs

    step = joined(step_done, old_step)
    prep = prep or show_only
    journal = session(ctx).journal()
    now = today()
    day = _day(date, now)
    flags = {
        "--step-done": step,
        "--level": level,
        "--reason": reason,
        "--inside": inside,
        "--outside": outside,
    }
    if capability_id is None:
        given = [name for name, value in flags.items() if value]
        if given:
            raise UsageProblem(
                f"{', '.join(given)} need{'s' * (len(given) == 1)} a capability ID",
                hint="like `leadwork review capability quality-at-scale --step-done 3`",
            )
        if no_input and not prep:
            raise UsageProblem(
                "--no-input needs a capability ID: there is nothing to ask for",
                hint="like `leadwork review capability quality-at-scale --no-input --level 3`",
            )
    else:
        _known_capability(journal, capability_id)

    briefs = gather_capability_briefs(journal, now, capability_id)
    if prep:
        if format is BriefFormat.json:
            echo(capability_briefs_json(briefs))
        else:
            _show(capability_briefs_view(briefs))
        return
    if not briefs:
        echo("capabilities.toml has no capabilities to review yet.")
        return
    if capability_id is not None:
        _review_one(
            journal, briefs[0], day, no_input, step, level, reason, inside, outside, commit=commit
        )
        return
    may_ask(no_input=False, answered=False, what="review capability", flags=CAPABILITY_FLAGS)
    prompter = _prompter()
    for number, brief in enumerate(briefs, start=1):
        _show(capability_briefs_view([brief]))
        if _already_reviewed(journal, brief, day):
            continue
        if prompter.confirm(f"Review it now? ({number} of {len(briefs)})", default=True):
            _review_one(
                journal, brief, day, False, None, None, None, None, None, shown=True, commit=commit
            )
        echo()


def _known_capability(journal: Journal, capability_id: str) -> None:
    import difflib

    known = [c.id for c in journal.capabilities().capabilities]
    if capability_id in known:
        return
    close = difflib.get_close_matches(capability_id, known, n=1, cutoff=0.6)
    raise UsageProblem(
        f"there is no capability '{capability_id}' in capabilities.toml",
        hint=f"did you mean '{close[0]}'?"
        if close
        else (f"known: {', '.join(known)}" if known else "capabilities.toml has none yet"),
    )


def _already_reviewed(journal: Journal, brief: CapabilityBrief, day: dt.date) -> bool:
    from leadwork.store.reviews import capability_subject, review_rel

    rel = review_rel(day, capability_subject(brief.capability.id))
    if journal.path(rel).exists():
        echo(f"Already reviewed on {day}: {rel}")
        return True
    return False


def _review_one(
    journal: Journal,
    brief: CapabilityBrief,
    day: dt.date,
    no_input: bool,
    step: list[str] | None,
    level: int | None,
    reason: str | None,
    inside: list[str] | None,
    outside: list[str] | None,
    shown: bool = False,
    commit: bool = False,
) -> None:
    from leadwork.domain.review import choose_steps, reviewed_steps
    from leadwork.model.capabilities import LEVEL_HELP
    from leadwork.model.review import CapabilityReview
    from leadwork.render.review import capability_brief_view, capability_recorded
    from leadwork.store.reviews import (
        capability_subject,
        record_capability_review,
        refuse_if_recorded,
        review_rel,
    )

    cap = brief.capability
    marked: list[NumberedStep] = choose_steps(brief, _numbers(step or [], "step"))
    feedback = _feedback(inside or [], "inside") + _feedback(outside or [], "outside")
    refuse_if_recorded(journal, review_rel(day, capability_subject(cap.id)))
    answered = bool(step or level is not None or reason or inside or outside)
    what = "review capability"
    asking = shown or may_ask(
        no_input=no_input, answered=answered, what=what, flags=CAPABILITY_FLAGS
    )
    if not asking and level is not None and level != cap.level and not reason:
        raise UsageProblem(
            f"the level changes from {cap.level} to {level}: say why with --reason",
            hint="a re-assessed level is only as good as its reason",
        )

    if asking:
        prompter = _prompter()
        if not shown:
            _show(capability_brief_view(brief))
        echo()
        if not step and brief.open_steps:
            marked = ask(
                prompter,
                "Which open steps are done now? (numbers like 2,3; blank for none)",
                lambda a: choose_steps(brief, _numbers([a], "step")),
            )
        if level is None:
            level = prompter.whole(f"Level now ({LEVEL_HELP})", low=1, high=5, default=cap.level)
        if not reason:
            changed = level != cap.level
            reason = ask(
                prompter,
                f"Why {level}?" + ("" if changed else " (blank to skip)"),
                _required if changed else _text,
            )
        if not inside and not outside:
            feedback = _ask_feedback(prompter)

    review = _model(
        lambda: CapabilityReview(
            kind="capability",
            date=day,
            capability=cap.id,
            level=level,
            reason=reason or None,
            steps_done=[*reviewed_steps(brief, marked)],
            feedback=feedback,  # type: ignore[arg-type]  # dicts, validated into Feedback
        )
    )
    rel = record_capability_review(journal, review, brief, marked)
    echo(capability_recorded(rel, marked, cap.level, level))
    if commit:
        from leadwork.layout import CAPABILITIES

        edited = [CAPABILITIES] if marked or review.level != cap.level else []
        message = f"review capability {cap.id} {day}"
        commit_and_say(journal, [rel, *edited], message, "the review")


def _ask_feedback(prompter: Prompter) -> list[dict[str, str]]:
    feedback: list[dict[str, str]] = []
    while True:
        question = "Who said something about it, inside or outside? (blank when done)"
        who = ask(prompter, question, _text)
        if not who:
            return feedback
        side = ask(prompter, f"Is {who} inside or outside the organization? (i or o)", _side)
        said = ask(prompter, f"What did {who} say?", _required)
        feedback.append({"who": who, "side": side, "text": said})


app.command("strategy", cls=LeadworkCommand)(strategy)
app.command("capability", cls=LeadworkCommand)(capability)
