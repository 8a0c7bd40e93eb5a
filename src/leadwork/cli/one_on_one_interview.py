"""The one-on-one, asked step by step: progress in their words; a plan for every indicator
at risk or in course-correct (or an explicit "no plan yet"); what to celebrate (and
whether it is a story that lived a strategic choice); what became of last time's
commitments; new commitments on each side, with due dates; indicators agreed or changed.

Nothing is written here: the answers (from the flags, the questions, or both: `gather`)
become a `RecordRequest`; the use case (`usecases/one_on_one.py`) checks and writes them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from leadwork.cli.prompts import Prompter
from leadwork.errors import UsageProblem

if TYPE_CHECKING:
    from leadwork.cli.one_on_one_flags import Flags
    from leadwork.domain.joint_indicators import Agreement
    from leadwork.domain.one_on_one import Answers, IndicatorView, Prep
    from leadwork.model.indicators import Indicator
    from leadwork.model.strategy import Choice
    from leadwork.model.words import Side
    from leadwork.store.journal import Journal
    from leadwork.usecases.one_on_one import Prepared, RecordRequest

MEETING_FLAGS = (
    "--progress, --plan, --celebrate, --theirs, --mine, --done... (see `leadwork one-on-one "
    "--help`), or --no-input; --prep shows the preparation and records nothing"
)
# After someone left (`Prep.left`) only the outcomes of your commitments are recorded.
FOLLOW_UP_FLAGS = (
    "--done N, --carried N=DUE or --dropped N for each of your commitments from their "
    "one-on-ones (`leadwork commitments` lists them with their numbers)"
)

NO_PLAN = "-"  # typed instead of a plan when there is a plan on record but none now


def ask_plan(ask: Prompter, prep: Prep, view: IndicatorView) -> str | None:
    from leadwork.domain.status import reading_week
    from leadwork.domain.wording import STATUS_WORDS, possessive
    from leadwork.values import format_value

    ind, latest = view.indicator, view.latest  # the reading the plan answers
    value = format_value(latest.value, ind.unit, missing="-")
    target = format_value(latest.thresholds.target, ind.unit, missing="-")
    ask.say("")
    status = STATUS_WORDS[latest.status]
    ask.say(f"{ind.name}: {value} in {reading_week(latest)} (target {target}), {status}.")
    if view.plan is not None:
        label = view.plan.label  # whose, when not theirs: "Tony's plan of 2026-10-01"
        ask.say(f"  {label[0].upper()}{label[1:]}: {view.plan.text}", style="dim")
        answer = ask.text(
            f"What's {possessive(prep.first_name)} plan to get back on track?",
            f'Enter keeps the {label}; "{NO_PLAN}" for no plan yet',
        )
        if not answer:
            return view.plan.text
        return None if answer == NO_PLAN else answer
    answer = ask.text(
        f"What's {possessive(prep.first_name)} plan to get back on track?",
        'Enter for "no plan yet"',
    )
    if not answer or answer == NO_PLAN:
        ask.say(
            f"  No plan yet: it stays on {possessive(prep.first_name)} agenda until there is one.",
            style="yellow",
        )
        return None
    return answer


def ask_follow_ups(ask: Prompter, prep: Prep, answers: Answers, skip: set[int]) -> None:
    from leadwork.domain.one_on_one import FollowUpAnswer, due_problem
    from leadwork.render.one_on_one import carried_note, due_note, whose

    items = [c for c in prep.commitments if c.number not in skip]
    if not items:
        return
    ask.say("")
    ask.say("Your open commitments" if prep.left else "Last time's commitments", style="bold")
    for item in items:
        extra = ", ".join(filter(None, (due_note(item), carried_note(item))))
        ask.say(
            f"{item.number}. {whose(prep, item.by)}: {item.text}" + (f" ({extra})" if extra else "")
        )
        outcome = ask.outcome(required=True)  # as the check-in asks it
        if outcome != "carried":
            answers.follow_ups.append(FollowUpAnswer(item.number, outcome))
            continue
        due, past_ok = ask.day(
            "New due date",
            prep.next_due,
            prep.date,
            lambda day: due_problem(day, prep.date),
        )
        answers.follow_ups.append(FollowUpAnswer(item.number, outcome, due, past_ok))


def ask_commitments(ask: Prompter, prep: Prep, answers: Answers) -> None:
    from leadwork.domain.one_on_one import NewCommitment, due_problem
    from leadwork.domain.wording import possessive

    sides: list[tuple[Side, str]] = [("them", possessive(prep.first_name)), ("me", "Your")]
    for by, label in sides:
        ask.say("")
        ask.say(f"{label} commitments, one at a time (Enter when done)", style="bold")
        while True:
            text = ask.text("Commitment")
            if not text:
                break
            due, past_ok = ask.day(
                "Due", prep.next_due, prep.date, lambda day: due_problem(day, prep.date)
            )
            answers.commitments.append(NewCommitment(by, text, due, past_ok))


def ask_story_choice(ask: Prompter, choices: list[Choice]) -> str | None:
    ids = [c.id for c in choices] + ["purpose"]
    answer = ask.one_of("A story? The strategic choice it lived", [*ids, "no"], "no")
    return None if answer == "no" else answer


def ask_story_who(ask: Prompter, prep: Prep, team: Mapping[str, str]) -> str:
    """Who the story is about: a team id or a name (`person_or_name`, against `team`,
    id -> name); Enter, the person met."""
    from leadwork.domain.checkin import person_or_name

    who = ask.ask(
        "Who is it about? (a team id or a name)",
        lambda reply: person_or_name(reply, team),
        default=prep.person.id,
        shown=prep.first_name,
    )
    return who or prep.person.id


def ask_agreements(
    ask: Prompter,
    prep: Prep,
    indicators: list[Indicator],
    people: set[str],
    servable: set[str],
) -> list[Agreement]:
    agreements: list[Agreement] = []
    indicators = list(indicators)  # as they will be, with what was agreed so far
    ask.say("")
    question = "Did you agree a new indicator, or change a target or threshold?"
    while ask.confirm(question, default=False):
        kind = ask.one_of("A new indicator, or a change to one?", ["new", "change"])
        try:
            if kind == "new":
                agreement = _ask_new(ask, prep, indicators, people, servable)
                indicators.append(agreement.indicator)
            else:
                agreement = _ask_change(ask, prep, indicators, people)
                changed = agreement.indicator.model_copy(
                    update={"changes": [*agreement.indicator.changes, agreement.change]}
                )
                indicators = [changed if i.id == changed.id else i for i in indicators]
            agreements.append(agreement)
        except UsageProblem as problem:
            for item in problem.problems:
                ask.wrong(item.message + (f" ({item.hint})" if item.hint else ""))
            ask.wrong("Not recorded; you can try again.")
        question = "Another indicator agreed or changed?"
    return agreements


def _ask_new(
    ask: Prompter, prep: Prep, indicators: list[Indicator], people: set[str], servable: set[str]
) -> Agreement:
    from leadwork.domain.joint_indicators import Agreement, new_indicator

    data = {
        "id": ask.text("Id (a short slug, like scrap-rate)"),
        "name": ask.text("Name"),
        "owner": prep.person.id,
        "agreed_with": [prep.person.id],
        "agreed_on": prep.date,
        "unit": ask.text("Unit", "%, days, min... or Enter for none"),
        "direction": ask.one_of("Which way is better?", ["higher", "lower"]),
        "target": ask.number("Target"),
        "celebrate": ask.number("Celebrate at"),
        "course_correct": ask.number("Course-correct past"),
    }
    serves = ask.text("Serves (capability or choice ids, comma-separated)", "Enter for none") or ""
    data["serves"] = [s.strip() for s in serves.split(",") if s.strip()]
    return Agreement(new_indicator(_given(data), indicators, people, servable))


def _ask_change(
    ask: Prompter, prep: Prep, indicators: list[Indicator], people: set[str]
) -> Agreement:
    from leadwork.domain.id_safety import known_id
    from leadwork.domain.joint_indicators import Agreement, new_change
    from leadwork.domain.status import thresholds_for
    from leadwork.weeks import Week

    own = [v.indicator.id for v in prep.indicators]
    by_id = {i.id: i for i in indicators}
    default = own[0] if len(own) == 1 else None
    ident = ask.text("Which indicator", ", ".join(own) if own else "its id") or default or ""
    indicator = by_id[known_id(ident, "indicator", by_id, "indicators.toml")]
    now = thresholds_for(indicator, Week.of(prep.date))
    ask.say("  Enter keeps a value as it is.", "dim")
    values = {
        "target": ask.number("Target", now.target),
        "celebrate": ask.number("Celebrate at", now.celebrate),
        "course_correct": ask.number("Course-correct past", now.course_correct),
    }
    data: dict[str, Any] = {k: v for k, v in values.items() if v != getattr(now, k)}
    data.update(since=prep.date, agreed_with=[prep.person.id])
    return Agreement(indicator, new_change(indicator, data, people))


def _given(data: dict[str, Any]) -> dict[str, Any]:
    """Leave out what was not answered, so the model's own defaults and errors apply."""
    return {k: v for k, v in data.items() if v not in (None, "", [])}


def interview(
    ask: Prompter,
    prep: Prep,
    choices: list[Choice],
    indicators: list[Indicator],
    people: Mapping[str, str],
    servable: set[str],
) -> tuple[Answers, list[Agreement]]:
    """The whole one-on-one, step by step."""
    from leadwork.domain.one_on_one import Answers, PlanAnswer

    answers = Answers()
    if prep.left:  # no meeting: only what became of your commitments (`follow_up_prep`)
        ask_follow_ups(ask, prep, answers, skip=set())
        ask.say("")
        answers.note = ask.text("Anything else to note?", "Enter to skip") or None
        return answers, []
    ask.say("")
    answers.progress = (
        ask.text(f"How is {prep.first_name} progressing, in their words?", "Enter to skip") or ""
    )
    for view in prep.indicators:
        if view.needs_plan:
            answers.plans.append(PlanAnswer(view.indicator.id, ask_plan(ask, prep, view)))
    ask.say("")
    answers.celebrate = ask.text("What is worth celebrating?", "Enter to skip") or None
    if answers.celebrate:
        answers.story_choice = ask_story_choice(ask, choices)
        if answers.story_choice is not None:
            answers.story_who = ask_story_who(ask, prep, people)
    ask_follow_ups(ask, prep, answers, skip=set())
    ask_commitments(ask, prep, answers)
    agreements = ask_agreements(ask, prep, indicators, set(people), servable)
    ask.say("")
    answers.note = ask.text("Anything else to note?", "Enter to skip") or None
    return answers, agreements


def complete(ask: Prompter, prep: Prep, answers: Answers) -> None:
    """Ask only what the flags left out and the record cannot do without: a plan (or "no
    plan yet") for each indicator off track, and what became of last time's commitments."""
    from leadwork.domain.one_on_one import PlanAnswer

    planned = {p.indicator for p in answers.plans}
    for view in prep.indicators:  # a plan in force for the episode stands without asking
        if view.plan_missing and view.indicator.id not in planned:
            answers.plans.append(PlanAnswer(view.indicator.id, ask_plan(ask, prep, view)))
    ask_follow_ups(ask, prep, answers, skip={f.number for f in answers.follow_ups})


def gather(
    journal: Journal, prepared: Prepared, flags: Flags, no_input: bool, allow_past_due: bool
) -> RecordRequest | None:
    """The answers as a request to record: from the flags (at a terminal, what they leave
    out and the record needs is asked; everything wrong with them is said at once, before a
    question), or the whole interview after the preparation. None: nothing to record."""
    from dataclasses import replace

    from leadwork.cli import prompts
    from leadwork.cli.one_on_one_flags import answers_from_flags
    from leadwork.cli.output import Asked, emit
    from leadwork.domain.one_on_one import Answers, text_problem
    from leadwork.render.terminal import terminal_console
    from leadwork.usecases import one_on_one as usecase

    prep = prepared.prep
    console = terminal_console()  # NO_COLOR: no bold nor dim either, as every view
    request = usecase.RecordRequest(
        prep.person.id, Answers(), prep.date, allow_past_due=allow_past_due
    )
    interactive = prompts.may_ask(
        no_input=no_input,
        answered=flags.given(),
        what=f"one-on-one {prep.person.id}",
        flags=FOLLOW_UP_FLAGS if prep.left else MEETING_FLAGS,
    )
    if flags.given() or no_input:
        answers, problems = answers_from_flags(flags, prep)
        problems += usecase.problems(prepared, replace(request, answers=answers))
        if problems:
            raise UsageProblem(problems=problems)
        if interactive:
            with _nothing_kept():
                complete(Prompter(console, check_text=text_problem), prep, answers)
        return replace(request, answers=answers)
    emit("one-on-one", prepared, Asked(), journal)
    with _nothing_kept():
        return _asked(journal, prepared, request, console)


@contextmanager
def _nothing_kept() -> Iterator[None]:
    """A one-on-one is written once every answer is in: stopped before, nothing was
    written and the answers typed are gone (no draft, unlike a check-in); said so."""
    from leadwork.errors import NOTHING_KEPT, Interrupted

    try:
        yield
    except KeyboardInterrupt:
        raise Interrupted(NOTHING_KEPT) from None


def _asked(
    journal: Journal, prepared: Prepared, request: RecordRequest, console: Any
) -> RecordRequest | None:
    """The whole interview after the preparation. None: nothing to record."""
    from dataclasses import replace

    from rich.text import Text

    from leadwork.cli.options import show
    from leadwork.domain.one_on_one import text_problem
    from leadwork.usecases import one_on_one as usecase

    prep = prepared.prep
    ask = Prompter(console, check_text=text_problem)
    ask.say("")
    record = "what became of them" if prep.left else "the one-on-one"
    again = bool(prep.recorded_that_day) and not prep.left  # a second meeting that day?
    if again:
        record = f"another one-on-one on {prep.date}"
    if not ask.confirm(f"Record {record} now?", default=not again):
        show(Text("Nothing was written."))
        return None
    answers, agreements = interview(
        ask,
        prep,
        prepared.live_choices,
        list(prepared.indicators),
        prepared.team,
        usecase.servable(journal),
    )
    return replace(request, answers=answers, agreements=tuple(agreements))
