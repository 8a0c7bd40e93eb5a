"""`leadwork one-on-one`'s answers given as flags, turned into Answers (flag syntax is
the CLI's; what they name is checked by the use case, `usecases/one_on_one.py`).

Every flag that is wrong is reported at once, before anything is asked or written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from functools import partial
from typing import TYPE_CHECKING

from leadwork.errors import Problem, UsageProblem

if TYPE_CHECKING:
    from leadwork.domain.one_on_one import Answers, Prep
    from leadwork.model.words import Side


@dataclass
class Flags:
    """The answers given as flags, as typed."""

    progress: str | None
    plan: list[str] | None
    no_plan: list[str] | None
    celebrate: str | None
    story: str | None
    story_who: str | None
    theirs: list[str] | None
    mine: list[str] | None
    done: list[str] | None
    carried: list[str] | None
    dropped: list[str] | None
    note: str | None

    def given(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


def _split(text: str, option: str, what: str) -> tuple[str, str]:
    if "=" not in text:
        raise UsageProblem(f"{option} '{text}' needs the form {what}")
    left, right = text.split("=", 1)
    return left.strip(), right.strip()


def _numbers(values: list[str], option: str, shown: list[int]) -> list[tuple[int, str | None]]:
    """`2`, `1,3`, `all`, and (for --carried) `2=2026-12-11`: (number, due text)."""
    from leadwork.cli.options import parse_numbers

    return parse_numbers(
        values,
        "commitment",
        flag=option,
        every=shown,  # after someone left, yours keep their numbers: some may be skipped
        dates_with="--carried",
        hint="give the number shown in the preparation, like --done 1 or --done 1,2",
    )


def answers_from_flags(flags: Flags, prep: Prep) -> tuple[Answers, list[Problem]]:
    """The answers the flags give, as data, and a problem for every flag whose value is
    not written as it should be. What they name is checked against the journal by the use
    case (`usecases/one_on_one.problems`)."""
    from leadwork.cli.prompts import parse_day
    from leadwork.domain.one_on_one import Answers, FollowUpAnswer, NewCommitment, PlanAnswer

    problems: list[Problem] = []
    answers = Answers(
        progress=flags.progress,
        celebrate=flags.celebrate,
        note=flags.note,
        story_choice=flags.story,
        story_who=flags.story_who,
    )

    def attempt(action: Callable[[], object]) -> None:
        try:
            action()
        except UsageProblem as error:
            problems.extend(error.problems)

    def add_plan(text: str) -> None:
        ident, body = _split(text, "--plan", "INDICATOR=PLAN")
        answers.plans.append(PlanAnswer(ident, body))

    def add_commitment(by: Side, text: str) -> None:
        due = prep.next_due
        if "=" in text:
            left, right = text.split("=", 1)
            day = parse_day(left, prep.date)
            if day is not None:
                due, text = day, right
        answers.commitments.append(NewCommitment(by, text.strip(), due))

    def add_follow_ups(values: list[str], option: str, outcome: str) -> None:
        for number, due_text in _numbers(values, option, [c.number for c in prep.commitments]):
            due = None
            if due_text is not None:
                due = parse_day(due_text, prep.date)
                if due is None:
                    raise UsageProblem(
                        f"--carried {number}={due_text}: '{due_text}' is not a date",
                        hint="write it as YYYY-MM-DD, or +7 for a week after the meeting",
                    )
            answers.follow_ups.append(FollowUpAnswer(number, outcome, due))

    for text in flags.plan or []:
        attempt(partial(add_plan, text))
    for ident in flags.no_plan or []:
        answers.plans.append(PlanAnswer(ident.strip(), None))
    for text in flags.theirs or []:
        attempt(partial(add_commitment, "them", text))
    for text in flags.mine or []:
        attempt(partial(add_commitment, "me", text))
    for values, option in (
        (flags.done, "done"),
        (flags.carried, "carried"),
        (flags.dropped, "dropped"),
    ):
        attempt(partial(add_follow_ups, values or [], f"--{option}", option))
    return answers, problems
