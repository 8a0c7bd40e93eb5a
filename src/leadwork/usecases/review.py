"""`leadwork review strategy|capability`: what a review looks at, and the review recorded.

Preparing (`StrategyPrep`, `CapabilityPrep`) reads what a review shows before it asks:
the time since the last strategy review, the refresh signals and the quiet choices; each
capability's plan, numbered. Recording (`StrategyRequest`, `CapabilityRequest`) checks
every value, then writes one new file in reviews/, and for a capability the steps marked
done and the re-assessed level in capabilities.toml, all of it or nothing
(`store/reviews.py`). `check` refuses what `run` would refuse of the values given so
far, so an interview can refuse a flag before it asks anything. The interview itself is
terminal I/O and stays in `cli/review.py`; what it gathers is the request.

A problem about a value names the request field it came in (`Problem.given`); the CLI
names the flag.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar, overload

from leadwork.errors import UsageProblem

if TYPE_CHECKING:
    from leadwork.domain.review import CapabilityBrief, NumberedStep, Signal, StrategyBrief
    from leadwork.model.review import CapabilityReview, StrategyReview
    from leadwork.store.journal import Journal

T = TypeVar("T")

# How to record a review of the same subject on the day it already has one.
ANOTHER_DAY = "edit that file, or give another day with --date"


# ---- requests --------------------------------------------------------------------------------


@dataclass(frozen=True)
class StrategyPrep:
    """What a strategy review looks at (`--prep`, and what its interview shows first)."""


@dataclass(frozen=True)
class CapabilityPrep:
    """What a capability review looks at: one capability's plan, or every one's."""

    capability_id: str | None = None  # None: every capability, in capabilities.toml order
    date: dt.date | None = None  # the day to record: which were already reviewed that day


@dataclass(frozen=True)
class StrategyRequest:
    date: dt.date  # the day of the review
    participant: tuple[str, ...] = ()  # who took part: team ids or names
    signal: tuple[int, ...] = ()  # the refresh signals it answered, numbered as prepared
    other_signal: tuple[str, ...] = ()  # signals not in the check-ins, in the person's words
    changes: str | None = None  # what changed


@dataclass(frozen=True)
class Said:
    """What a stakeholder said about a capability."""

    who: str
    side: str  # "inside" or "outside" the organization
    text: str


@dataclass(frozen=True)
class CapabilityRequest:
    capability_id: str
    date: dt.date
    step_done: tuple[int, ...] = ()  # open plan steps done now, by their number in the plan
    level: int | None = None  # the re-assessed level; None: not re-assessed
    reason: str | None = None  # why that level: needed when it changes
    feedback: tuple[Said, ...] = ()


# ---- results ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class StrategyPrepared:
    brief: StrategyBrief


@dataclass(frozen=True)
class CapabilitiesPrepared:
    briefs: tuple[CapabilityBrief, ...]
    # capability id -> its review file of the request's day, when one is recorded already
    reviewed: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class StrategyRecorded:
    rel: str  # the new review file, relative to the journal
    review: StrategyReview
    offered: int  # how many open refresh signals the review was shown
    next_by: dt.date  # when the next review is due
    written: tuple[str, ...]  # the files written, for a commit


@dataclass(frozen=True)
class CapabilityRecorded:
    rel: str
    review: CapabilityReview
    marked: tuple[NumberedStep, ...]  # the plan steps marked done in capabilities.toml
    old_level: int  # the level in capabilities.toml before (the review's, after)
    written: tuple[str, ...]


# ---- run -------------------------------------------------------------------------------------


@overload
def run(journal: Journal, request: StrategyPrep, today: dt.date) -> StrategyPrepared: ...
@overload
def run(journal: Journal, request: CapabilityPrep, today: dt.date) -> CapabilitiesPrepared: ...
@overload
def run(journal: Journal, request: StrategyRequest, today: dt.date) -> StrategyRecorded: ...
@overload
def run(journal: Journal, request: CapabilityRequest, today: dt.date) -> CapabilityRecorded: ...
def run(
    journal: Journal,
    request: StrategyPrep | CapabilityPrep | StrategyRequest | CapabilityRequest,
    today: dt.date,
) -> StrategyPrepared | CapabilitiesPrepared | StrategyRecorded | CapabilityRecorded:
    """Prepare a review (reads only), or record one (checks every value, then writes)."""
    from leadwork.store.reviews import gather_strategy_brief

    if isinstance(request, StrategyPrep):
        return StrategyPrepared(gather_strategy_brief(journal, today))
    if isinstance(request, CapabilityPrep):
        return _prepare_capabilities(journal, request, today)
    if isinstance(request, StrategyRequest):
        return _record_strategy(journal, request, today)
    return _record_capability(journal, request, today)


def check(journal: Journal, request: StrategyRequest | CapabilityRequest, today: dt.date) -> None:
    """Refuse what `run` would refuse of the values given so far (the day, a review already
    recorded that day, the numbers, the people), writing nothing; an interview asks what
    is missing only after this. A changed level without its reason is `run`'s to refuse:
    the interview asks the reason."""
    if isinstance(request, StrategyRequest):
        _strategy_checked(journal, request, today)
    else:
        _capability_checked(journal, request, today)


# ---- strategy --------------------------------------------------------------------------------


def _strategy_checked(
    journal: Journal, request: StrategyRequest, today: dt.date
) -> tuple[StrategyBrief, list[Signal], list[str]]:
    from leadwork.domain.checkin import person_or_name
    from leadwork.domain.review import choose_signals
    from leadwork.store.reviews import (
        STRATEGY_SUBJECT,
        gather_strategy_brief,
        refuse_if_recorded,
        review_rel,
    )

    _not_after(request.date, today)
    brief = gather_strategy_brief(journal, today)
    chosen = choose_signals(brief.signals, request.signal, given="signal")
    refuse_if_recorded(journal, review_rel(request.date, STRATEGY_SUBJECT), ANOTHER_DAY)
    team = {p.id: p.name for p in journal.team().people}
    people = [_checked("participant", person_or_name, name, team) for name in request.participant]
    return brief, chosen, people


def _record_strategy(
    journal: Journal, request: StrategyRequest, today: dt.date
) -> StrategyRecorded:
    from leadwork.model.review import StrategyReview
    from leadwork.store.reviews import record_strategy_review

    brief, chosen, people = _strategy_checked(journal, request, today)
    others = [text.strip() for text in request.other_signal if text.strip()]
    review = _model(
        lambda: StrategyReview(
            kind="strategy",
            date=request.date,
            participants=people,
            signals=others,
            changes=request.changes or None,
            answered=[s.answered() for s in chosen],
        )
    )
    rel = record_strategy_review(journal, review)
    next_by = request.date + dt.timedelta(weeks=brief.review_every_weeks)
    return StrategyRecorded(rel, review, len(brief.signals), next_by, (rel,))


# ---- capability ------------------------------------------------------------------------------


def _prepare_capabilities(
    journal: Journal, request: CapabilityPrep, today: dt.date
) -> CapabilitiesPrepared:
    from leadwork.store.reviews import capability_subject, gather_capability_briefs, review_rel

    if request.capability_id is not None:
        _known_capability(journal, request.capability_id)
    briefs = tuple(gather_capability_briefs(journal, today, request.capability_id))
    reviewed = {}
    if request.date is not None:
        for brief in briefs:
            rel = review_rel(request.date, capability_subject(brief.capability.id))
            if journal.path(rel).exists():
                reviewed[brief.capability.id] = rel
    return CapabilitiesPrepared(briefs, reviewed)


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
        given="capability_id",
    )


def _capability_checked(
    journal: Journal, request: CapabilityRequest, today: dt.date
) -> tuple[CapabilityBrief, list[NumberedStep]]:
    from leadwork.domain.review import choose_steps
    from leadwork.store.reviews import (
        capability_subject,
        gather_capability_briefs,
        refuse_if_recorded,
        review_rel,
    )

    _not_after(request.date, today)
    _known_capability(journal, request.capability_id)
    (brief,) = gather_capability_briefs(journal, today, request.capability_id)
    marked = choose_steps(brief, request.step_done, given="step_done")
    rel = review_rel(request.date, capability_subject(request.capability_id))
    refuse_if_recorded(journal, rel, ANOTHER_DAY)
    return brief, marked


def team_names(journal: Journal) -> dict[str, str]:
    """Team id -> name: what a capability review's "who said it" is checked against (a
    team id or a team member's name is someone inside), and what its questions call them."""
    return {p.id: p.name for p in journal.team().people}


def _record_capability(
    journal: Journal, request: CapabilityRequest, today: dt.date
) -> CapabilityRecorded:
    from leadwork.domain.checkin import person_or_name
    from leadwork.domain.review import reviewed_steps
    from leadwork.layout import CAPABILITIES
    from leadwork.model.review import CapabilityReview
    from leadwork.store.reviews import record_capability_review

    brief, marked = _capability_checked(journal, request, today)
    cap = brief.capability
    if request.level is not None and request.level != cap.level and not request.reason:
        raise UsageProblem(
            f"the level changes from {cap.level} to {request.level}: say why",
            hint="a re-assessed level is only as good as its reason",
            given="reason",
        )
    # as dicts: pydantic validates them into Feedback, naming `feedback.0.who` if one is bad;
    # who said it is a team id or a name by the one rule stories and participants follow
    team = team_names(journal)
    feedback: list[Any] = [
        {
            "who": _checked(said.side, person_or_name, said.who, team),
            "side": said.side,
            "text": said.text,
        }
        for said in request.feedback
    ]
    review = _model(
        lambda: CapabilityReview(
            kind="capability",
            date=request.date,
            capability=cap.id,
            level=request.level,
            reason=request.reason or None,
            steps_done=[*reviewed_steps(brief, marked)],
            feedback=feedback,
        )
    )
    rel = record_capability_review(journal, review, brief, marked)
    edited = (CAPABILITIES,) if marked or review.level not in (None, cap.level) else ()
    return CapabilityRecorded(rel, review, tuple(marked), cap.level, (rel, *edited))


# ---- shared ----------------------------------------------------------------------------------


def _not_after(day: dt.date, today: dt.date) -> None:
    if day > today:
        raise UsageProblem(
            f"{day} is after today ({today})",
            hint="record a review once it has happened",
            given="date",
        )


def _checked(given: str, check: Callable[..., T], *values: object) -> T:
    """`check(*values)`, its ValueError as a problem with the field the value came in."""
    try:
        return check(*values)
    except ValueError as error:
        raise UsageProblem(str(error), given=given) from None


def _model(build: Callable[[], T]) -> T:
    """Build a review from the answers; pydantic's refusal becomes a usage problem."""
    from pydantic import ValidationError

    try:
        return build()
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        raise UsageProblem(f"{where}: {first['msg'].lower()}") from None
