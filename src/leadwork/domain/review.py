"""Strategy and capability reviews: what to show before one, what one records, and whether
the review files still agree with the files they reviewed. Pure: data and `today` in.

Rules (documented in docs/cli.md):
- The strategy was last reviewed on the later of `strategy.reviewed_on` and the newest
  strategy review file; with neither, on the day it was co-created.
- Refresh signals are conversations and stories marked `refresh = true` in the check-ins
  from the week of the last review on, less those a strategy review already answered
  (matched by week and text).
- A strategic choice is quiet when its last story is `story_gap_weeks` or more weeks old.
- A capability's steps "done since the last review" are those whose `done` date falls after
  its newest capability review (all done steps, when it was never reviewed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

from leadwork.domain.capability import DONE_ONCE_IT_IS, step_overdue
from leadwork.domain.consistency import Finding, Loaded, cross_check
from leadwork.domain.timeline import live_on
from leadwork.domain.wording import quiet_for
from leadwork.errors import UsageProblem
from leadwork.layout import CAPABILITIES
from leadwork.plainclass import plainclass
from leadwork.weeks import Week, parse_day

if TYPE_CHECKING:
    from leadwork.model.capabilities import Capabilities, Capability, Step
    from leadwork.model.checkin import Checkin
    from leadwork.model.review import AnsweredSignal, CapabilityReview, StrategyReview
    from leadwork.model.strategy import Choice, Strategy

# ---- strategy reviews -------------------------------------------------------------------------


class LastReview(NamedTuple):
    on: dt.date | None  # None: never reviewed, nor co-created on a known day
    source: str | None  # "reviews" (a review file wins a tie), "strategy.toml", "co-created"


def last_strategy_review(
    strategy: Strategy, review_dates: Iterable[dt.date], as_of: dt.date | None = None
) -> LastReview:
    """The day the strategy was last reviewed, and where that day comes from: the later of
    `reviewed_on` and the newest strategy review file; the day it was co-created when
    neither exists. With `as_of`, what was known that day (a review recorded later had not
    happened yet).

    The one rule: `review strategy`, `check` and the dashboard all count from it."""

    def known(day: dt.date | None) -> bool:
        return day is not None and (as_of is None or day <= as_of)

    reviews = [d for d in review_dates if known(d)]
    reviewed_on = strategy.reviewed_on if known(strategy.reviewed_on) else None
    if reviews and (reviewed_on is None or max(reviews) >= reviewed_on):
        return LastReview(max(reviews), "reviews")
    if reviewed_on is not None:
        return LastReview(reviewed_on, "strategy.toml")
    if known(strategy.co_created_on):
        return LastReview(strategy.co_created_on, "co-created")
    return LastReview(None, None)


@plainclass
class Signal:
    """A conversation or story that says the strategy may need a refresh."""

    week: Week
    source: str  # "conversation" or "story"
    who: str | None
    text: str
    heard_from: str | None = None  # a conversation's kind: customer, supplier, ...

    @property
    def key(self) -> tuple[str, str]:
        return (str(self.week), self.text)

    def answered(self) -> AnsweredSignal:
        from leadwork.model.review import AnsweredSignal  # a review writes it: pydantic then

        return AnsweredSignal(week=str(self.week), source=self.source, who=self.who, text=self.text)  # type: ignore[arg-type]


def refresh_signals(checkins: Mapping[Week, Checkin]) -> list[Signal]:
    """Every refresh signal in these check-ins, oldest week first, in file order within it."""
    signals = []
    for week in sorted(checkins):
        checkin = checkins[week]
        for conversation in checkin.conversations:
            if conversation.refresh:
                signals.append(
                    Signal(
                        week,
                        "conversation",
                        conversation.who,
                        conversation.text,
                        conversation.with_,
                    )
                )
        for story in checkin.stories:
            if story.refresh:
                signals.append(Signal(week, "story", story.who, story.text))
    return signals


def answered_keys(reviews: Iterable[StrategyReview]) -> set[tuple[str, str]]:
    return {(a.week, a.text) for review in reviews for a in review.answered}


def open_signals(signals: Iterable[Signal], reviews: Iterable[StrategyReview]) -> list[Signal]:
    """The signals no strategy review answered yet (each text once per week)."""
    answered = answered_keys(reviews)
    seen: set[tuple[str, str]] = set()
    found = []
    for signal in signals:
        if signal.key in answered or signal.key in seen:
            continue
        seen.add(signal.key)
        found.append(signal)
    return found


def signal_weeks(
    last_review: dt.date | None, checkin_weeks: Sequence[Week], now: Week
) -> list[Week]:
    """The check-in weeks whose signals count: from the last review's week to this week."""
    first = Week.of(last_review) if last_review is not None else None
    return [w for w in checkin_weeks if (first is None or w >= first) and w <= now]


def last_story_weeks(checkins: Mapping[Week, Checkin]) -> dict[str, Week]:
    """For each choice (or "purpose") with a story in these check-ins, its latest week."""
    latest: dict[str, Week] = {}
    for week, checkin in checkins.items():
        for story in checkin.stories:
            if story.choice is not None and (
                story.choice not in latest or latest[story.choice] < week
            ):
                latest[story.choice] = week
    return latest


@plainclass
class QuietChoice:
    choice: Choice
    last_story: Week | None  # None: no story in the journal at all
    weeks: int | None  # weeks since the last story


def quiet_choices(
    choices: Iterable[Choice], last_story: Mapping[str, Week], now: Week, gap_weeks: int
) -> list[QuietChoice]:
    """The choices without a story in the last `gap_weeks` weeks, quietest first."""
    quiet = []
    for choice in choices:
        week = last_story.get(choice.id)
        if week is None:
            quiet.append(QuietChoice(choice, None, None))
        elif now.weeks_since(week) >= gap_weeks:
            quiet.append(QuietChoice(choice, week, now.weeks_since(week)))
    return sorted(quiet, key=lambda q: -1 if q.weeks is None else -q.weeks)


@plainclass
class StrategyBrief:
    """What `leadwork review strategy` shows before it asks."""

    today: dt.date
    last_review: dt.date | None
    review_every_weeks: int
    signals: list[Signal]
    quiet: list[QuietChoice]
    gap_weeks: int
    # where `last_review` comes from (`last_strategy_review`): "co-created" when the
    # strategy has not been reviewed since it was made, as the dashboard says it
    last_source: str | None = None
    began: Week | None = None  # the journal's first check-in week: None, no check-in yet

    def quiet_said(self, quiet: QuietChoice) -> str:
        """How long `quiet` has gone without a story, in the dashboard's words
        (`wording.quiet_for`); the whole journal was searched."""
        last = quiet.last_story
        now = Week.of(self.today)
        return quiet_for(last, now, "story", str(last), self.began, None)

    @property
    def days_since(self) -> int | None:
        return None if self.last_review is None else (self.today - self.last_review).days

    @property
    def due_on(self) -> dt.date | None:
        if self.last_review is None:
            return None
        return self.last_review + dt.timedelta(weeks=self.review_every_weeks)

    @property
    def overdue(self) -> bool:
        return self.due_on is not None and self.today > self.due_on


def choose_signals(
    signals: Sequence[Signal], numbers: Iterable[int], given: str | None = None
) -> list[Signal]:
    """The signals with these 1-based numbers, in the order shown; a clear error otherwise
    (`given`: the request field the numbers came in)."""
    chosen = []
    for number in numbers:
        if not 1 <= number <= len(signals):
            raise UsageProblem(
                f"there is no signal {number}: "
                + (f"the signals are numbered 1 to {len(signals)}" if signals else "none is open"),
                hint="the open refresh signals are numbered oldest first, as the review "
                "shows them before it asks",
                given=given,
            )
        if signals[number - 1] not in chosen:
            chosen.append(signals[number - 1])
    return sorted(chosen, key=signals.index)


# ---- capability reviews -----------------------------------------------------------------------


@plainclass
class NumberedStep:
    position: int  # 1-based, in capabilities.toml order
    step: Step
    overdue: bool


@plainclass
class CapabilityBrief:
    """What `leadwork review capability` shows for one capability before it asks."""

    index: int  # 0-based position in capabilities.toml
    capability: Capability
    last_review: CapabilityReview | None
    done_since: list[NumberedStep]
    open_steps: list[NumberedStep]
    steps: list[NumberedStep]


def _done_on(step: Step) -> dt.date | None:
    return step.done if isinstance(step.done, dt.date) else None


def capability_brief(
    index: int, capability: Capability, reviews: Iterable[CapabilityReview], today: dt.date
) -> CapabilityBrief:
    mine = sorted((r for r in reviews if r.capability == capability.id), key=lambda r: r.date)
    last = mine[-1] if mine else None
    steps = [
        NumberedStep(
            n,
            step,
            step_overdue(step, today),
        )
        for n, step in enumerate(capability.steps, start=1)
    ]
    done_since = []
    for item in steps:
        if not item.step.is_done:
            continue
        done = _done_on(item.step)
        if last is None or (done is not None and done > last.date):
            done_since.append(item)
    open_steps = [s for s in steps if not s.step.is_done]
    return CapabilityBrief(index, capability, last, done_since, open_steps, steps)


def choose_steps(
    brief: CapabilityBrief, positions: Iterable[int], given: str | None = None
) -> list[NumberedStep]:
    """The open steps at these positions; a clear error for a step that is not open
    (`given`: the request field the positions came in)."""
    chosen: list[NumberedStep] = []
    cap = brief.capability
    for position in positions:
        if not 1 <= position <= len(brief.steps):
            raise UsageProblem(
                f"'{cap.id}' has no step {position}: "
                + (
                    f"its steps are numbered 1 to {len(brief.steps)}"
                    if brief.steps
                    else "its plan has no steps"
                ),
                hint=f"a step's number is its place in the plan of '{cap.id}' in "
                f"{CAPABILITIES}, from 1",
                given=given,
            )
        item = brief.steps[position - 1]
        if item.step.is_done:
            when = _done_on(item.step)
            raise UsageProblem(
                f"step {position} of '{cap.id}' is already done" + (f" ({when})" if when else ""),
                hint="name only steps that are still open",
                given=given,
            )
        if item not in chosen:
            chosen.append(item)
    return sorted(chosen, key=lambda s: s.position)


@plainclass
class OpenStep:
    """An open plan step anywhere in capabilities.toml, as the check-in offers them."""

    index: int  # the capability's 0-based position in capabilities.toml
    capability: Capability
    numbered: NumberedStep


def open_steps(capabilities: Capabilities, today: dt.date) -> list[OpenStep]:
    """Every open step of the capabilities live `today` (`timeline.live_on`: a retired
    plan is no longer worked on), capability by capability, in file order."""
    found = []
    for index, capability in enumerate(capabilities.capabilities):
        if not live_on(capability.retired_on, today):
            continue
        brief = capability_brief(index, capability, [], today)
        found += [OpenStep(index, capability, item) for item in brief.open_steps]
    return found


def choose_open_steps(steps: Sequence[OpenStep], numbers: Iterable[int]) -> list[OpenStep]:
    """The open steps with these 1-based numbers, as listed; a clear error otherwise."""
    chosen: list[OpenStep] = []
    for number in numbers:
        if not 1 <= number <= len(steps):
            raise UsageProblem(
                f"there is no open step {number}: "
                + (f"they are numbered 1 to {len(steps)}" if steps else "every step is done"),
                hint="the open steps are numbered as they are listed, plan by plan",
            )
        if steps[number - 1] not in chosen:
            chosen.append(steps[number - 1])
    return sorted(chosen, key=steps.index)


def step_flag(
    text: str,
    steps: Sequence[OpenStep],
    capabilities: Capabilities | None = None,
    today: dt.date | None = None,
) -> OpenStep:
    """`quality-at-scale:3` -> that capability's open step 3 (its number in the plan). A step
    already done is named as such (a check-in run again after it was recorded), and one of
    a capability retired by `today` as retired (`open_steps` offers none of it)."""
    capability_id, colon, number = text.partition(":")
    capability_id, number = capability_id.strip(), number.strip()
    if not colon or not capability_id or not number.isdigit():
        raise UsageProblem(
            f"'{text}' is not CAPABILITY:N",
            hint="like quality-at-scale:3 (N: the step's place in that capability's plan, from 1)",
            given="step_done",
        )
    mine = [s for s in steps if s.capability.id == capability_id]
    retired = _retired_on(capabilities, capability_id)
    if not mine and today is not None and retired is not None and not live_on(retired, today):
        raise UsageProblem(
            f"'{capability_id}' was retired on {retired}: its steps are no longer marked done",
            hint="a retired capability's plan stays as it was; name a step of a live one",
            given="step_done",
        )
    found = next((s for s in mine if s.numbered.position == int(number)), None)
    if found is None:
        listed = ", ".join(str(s.numbered.position) for s in mine)
        done = _done_step(capabilities, capability_id, int(number))
        if done is not None:
            when = _done_on(done)
            raise UsageProblem(
                f"step {number} of '{capability_id}' is already done"
                + (f" ({when})" if when else ""),
                hint=f"its open steps are {listed}" if mine else "none of its steps is open",
                given="step_done",
            )
        raise UsageProblem(
            f"'{capability_id}' has no open step {number}",
            hint=f"its open steps are {listed}"
            if mine
            else "is the capability id right, and is any of its steps still open?",
            given="step_done",
        )
    return found


def _retired_on(capabilities: Capabilities | None, capability_id: str) -> dt.date | None:
    found = [c for c in capabilities.capabilities if c.id == capability_id] if capabilities else []
    return found[0].retired_on if found else None


def _done_step(capabilities: Capabilities | None, capability_id: str, number: int) -> Step | None:
    found = [c for c in capabilities.capabilities if c.id == capability_id] if capabilities else []
    if not found or not 1 <= number <= len(found[0].steps):
        return None
    step = found[0].steps[number - 1]
    return step if step.is_done else None


def step_ref(step: OpenStep, on: dt.date | None = None) -> dict[str, str]:
    """A step as plain data (for a check-in draft): found again by capability and text;
    `on`, the day it was done, when one was given (else the check-in's default day)."""
    ref = {"capability": step.capability.id, "what": step.numbered.step.what}
    if on is not None:
        ref["on"] = on.isoformat()
    return ref


def done_on(text: str, today: dt.date) -> dt.date:
    """The day a step was done, as typed (YYYY-MM-DD): ValueError if it is not a date or
    is after `today` (a step is marked done once it is)."""
    try:
        day = parse_day(text)
    except ValueError:
        raise ValueError(f"'{text.strip()}' is not a date: write it as YYYY-MM-DD") from None
    if day > today:
        raise ValueError(f"{day} is after today ({today}): {DONE_ONCE_IT_IS}")
    return day


def find_steps(
    refs: Iterable[Mapping[str, str]], steps: Sequence[OpenStep], default: dt.date
) -> tuple[list[tuple[OpenStep, dt.date]], list[Mapping[str, str]]]:
    """The open steps these refs name, each with the day it was done (the ref's `on`, else
    `default`), and the refs no longer open (done or renamed)."""
    found: list[tuple[OpenStep, dt.date]] = []
    gone = []
    for ref in refs:
        key = {"capability": ref.get("capability"), "what": ref.get("what")}
        match = next((s for s in steps if step_ref(s) == key), None)
        if match is None:
            gone.append(ref)
        elif all(match != s for s, _ in found):
            on = ref.get("on")
            found.append((match, dt.date.fromisoformat(on) if on else default))
    return found, gone


def reviewed_steps(brief: CapabilityBrief, marked: Iterable[NumberedStep]) -> list[str]:
    """What the review records as done since last time: earlier marks, then today's."""
    items = [*brief.done_since, *marked]
    return [s.step.what for s in sorted(items, key=lambda s: s.position)]


# ---- do the review files still agree with the journal? (warnings for `leadwork check`) --------


def _step_exists(reference: str | int, steps: Sequence[Step]) -> bool:
    if isinstance(reference, int):
        return reference <= len(steps)
    wanted = reference.strip()
    return any(step.what.strip() == wanted for step in steps)


def review_findings(
    capabilities: Capabilities | None,
    reviews: Mapping[str, StrategyReview | CapabilityReview],
    checkins: Mapping[str, Checkin],
) -> list[Finding]:
    """Reviews that point at steps or signals no longer there, file names that disagree with
    the capability inside, and capability levels that drifted from the newest review."""
    findings: list[Finding] = []
    by_id = {c.id: (i, c) for i, c in enumerate(capabilities.capabilities)} if capabilities else {}
    newest: dict[str, tuple[str, CapabilityReview]] = {}
    for file, review in sorted(reviews.items()):
        if review.kind == "strategy":
            findings += _answered_signals_exist(file, review, checkins)
            continue
        stem = file.rsplit("/", 1)[-1].removesuffix(".toml")[11:].removeprefix("capability-")
        if stem != review.capability:
            findings.append(
                Finding(
                    file,
                    ("capability",),
                    f"the file name is for '{stem}' but capability = '{review.capability}'",
                    "rename the file or fix the capability",
                )
            )
        if review.capability not in by_id:
            continue  # consistency.py reports the unknown id
        _, capability = by_id[review.capability]
        for j, reference in enumerate(review.steps_done):
            if not _step_exists(reference, capability.steps):
                what = f"step {reference}" if isinstance(reference, int) else f"'{reference}'"
                findings.append(
                    Finding(
                        file,
                        ("steps_done", j),
                        f"{what} is not a plan step of '{capability.id}' in {CAPABILITIES}",
                        f"was the step renamed or removed? copy its `what` from {CAPABILITIES}",
                        severity="warning",
                    )
                )
        if review.level is not None:
            current = newest.get(review.capability)
            if current is None or current[1].date <= review.date:
                newest[review.capability] = (file, review)
    for capability_id, (file, review) in sorted(newest.items()):
        index, capability = by_id[capability_id]
        if capability.level != review.level:
            findings.append(
                Finding(
                    CAPABILITIES,
                    ("capabilities", index, "level"),
                    f"'{capability_id}' is at level {capability.level} here, but its latest "
                    f"review ({file}) re-assessed it at {review.level}",
                    f"set level = {review.level}, or record why it changed with "
                    f"`leadwork review capability {capability_id}`",
                    severity="warning",
                )
            )
    return findings


def _answered_signals_exist(
    file: str, review: StrategyReview, checkins: Mapping[str, Checkin]
) -> list[Finding]:
    findings = []
    for j, answered in enumerate(review.answered):
        checkin = checkins.get(f"checkins/{answered.week}.toml")
        if checkin is None:
            continue  # missing or unreadable: `check` reports the file itself, or nothing
        texts = [c.text for c in checkin.conversations] + [s.text for s in checkin.stories]
        if answered.text not in texts:
            findings.append(
                Finding(
                    file,
                    ("answered", j, "text"),
                    f"this signal is no longer in checkins/{answered.week}.toml",
                    "was its text edited there? make the two texts the same again",
                    severity="warning",
                )
            )
    return findings


def journal_findings(loaded: Loaded, today: dt.date) -> list[Finding]:
    """Every cross-file finding a journal is judged by: `leadwork check` over every file,
    and each reader over the files it loaded (`store.read_check`), so the two never judge
    by different rules."""
    return cross_check(loaded, today) + review_findings(
        loaded.capabilities, loaded.reviews, loaded.checkins
    )
