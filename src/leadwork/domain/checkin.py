"""The weekly check-in as data: answers merged into a week, what changed, and carry-over.

Pure: the week's file as it is (or None), the previous check-in and the person's answers
go in; the week as it will be, the edits that make it so and the list of what changed come
out. The store applies the edits (to a tomlkit document when the file exists, so the
person's comments survive); the renderer shows the changes.

The commitments loop: week N's `[[commitments]]` come back in week N+1. The outcome of
each is recorded in N+1 as `[[last_week]]`; a carried one is also added to N+1's
`[[commitments]]` with `carried` one higher than before. Commitments are matched by their
text within that one step only: the count travels with the commitment, so a reworded
commitment in a later week starts again from 0, which is honest.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import math
from collections.abc import Iterable, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any, Literal

from leadwork.domain.commitments import DoneRate, weekly_rate
from leadwork.domain.status import (  # owed_period: where the check-in files an owed reading
    is_active,
    judge,
    owed_period,
    period_due,
    thresholds_for,
)
from leadwork.domain.team import mistyped_id, names_of
from leadwork.domain.timeline import (
    Period,
    live_in,
    period_of,
    read_twice,
    readings_of,
    retired_by,
    span_of,
)
from leadwork.domain.wording import name_key, short
from leadwork.errors import UsageProblem, WriteRefused
from leadwork.layout import KeyPath
from leadwork.model.words import (
    AREAS,
    HOUR_AREAS,
    HOURS_IN_WEEK,
    REFLECTION_KEYS,
    Outcome,
)
from leadwork.values import format_number
from leadwork.weeks import Week, not_begun

if TYPE_CHECKING:
    from pydantic import TypeAdapter
    from pydantic_core import ErrorDetails

    from leadwork.model.checkin import Checkin
    from leadwork.model.indicators import Indicator
    from leadwork.model.strategy import Choice

# The models (pydantic) are imported where an answer is checked or a check-in is made:
# a check-in that writes nothing never builds them (docs/performance.md).

PURPOSE = "purpose"  # a story may live the purpose rather than one choice
OUTCOMES: tuple[str, ...] = Outcome.__args__  # type: ignore[attr-defined]
HOUR_LABELS = {
    "alignment": "alignment",
    "capability": "capability",
    "accountability": "accountability",
    "someone_elses_job": "someone else's job",
    "other": "other",
}

# The order of a check-in file's sections, as in the example journal; a section the file
# lacks is inserted before the first one that follows it here.
SECTION_ORDER = (
    "week",
    "readings",
    "hours",
    "confidence",
    "reflection",
    "last_week",
    "commitments",
    "plans",
    "stories",
    "conversations",
)

Number = int | float


# ---- answers ----------------------------------------------------------------------------


@dataclass
class Answers:
    """What the person said in one run, through flags or prompts. Absent = not answered.

    Plain data (no models), so an unfinished interview can be saved as a draft and read
    back. Stories and conversations are tables with the check-in file's keys.
    """

    follow_ups: dict[str, str] = field(default_factory=dict)  # commitment text -> outcome
    readings: dict[str, Number] = field(default_factory=dict)
    hours: dict[str, Number] = field(default_factory=dict)
    confidence: dict[str, int] = field(default_factory=dict)
    reflection: dict[str, str] = field(default_factory=dict)
    commitments: list[str] = field(default_factory=list)
    plans: dict[str, str] = field(default_factory=dict)  # your own indicator id -> plan
    stories: list[dict[str, str]] = field(default_factory=list)
    conversations: list[dict[str, Any]] = field(default_factory=list)
    # Capability plan steps completed this week, each {"capability": id, "what": text} and,
    # when a day was given, "on": "YYYY-MM-DD"; they are marked done in capabilities.toml,
    # not written to the check-in.
    steps_done: list[dict[str, str]] = field(default_factory=list)
    # Readings filed in an earlier week's check-in: a month (quarter) that ended without
    # one (`owed_period`), or one named with `-r ID@PERIOD=VALUE`; week -> id -> value.
    earlier: dict[str, dict[str, Number]] = field(default_factory=dict)

    def count(self) -> int:
        return (
            len(self.follow_ups)
            + len(self.readings)
            + sum(len(values) for values in self.earlier.values())
            + len(self.hours)
            + len(self.confidence)
            + len(self.reflection)
            + len(self.commitments)
            + len(self.plans)
            + len(self.stories)
            + len(self.conversations)
            + len(self.steps_done)
        )

    def to_data(self) -> dict[str, Any]:
        """TOML-ready data, leaving out what was not answered."""
        data: dict[str, Any] = {
            "follow_ups": [{"text": t, "outcome": o} for t, o in self.follow_ups.items()],
            "readings": dict(self.readings),
            "hours": dict(self.hours),
            "confidence": dict(self.confidence),
            "reflection": dict(self.reflection),
            "commitments": list(self.commitments),
            "plans": dict(self.plans),
            "stories": [dict(s) for s in self.stories],
            "conversations": [dict(c) for c in self.conversations],
            "steps_done": [dict(s) for s in self.steps_done],
            "earlier": {week: dict(values) for week, values in self.earlier.items() if values},
        }
        return {key: value for key, value in data.items() if value}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Answers:
        """The inverse of `to_data`; ValueError when the data is not answers."""
        answers = cls()
        for item in _list(data, "follow_ups"):
            text, outcome = _text(item, "text"), _text(item, "outcome")
            if outcome not in OUTCOMES:
                raise ValueError(f"unknown outcome {outcome!r}")
            answers.follow_ups[text] = outcome
        for name in ("readings", "hours"):
            for key, value in _table(data, name).items():
                getattr(answers, name)[key] = _number(value)
        for key, value in _table(data, "confidence").items():
            if not isinstance(value, int) or isinstance(value, bool):
                raise ValueError(f"confidence {key} is not a whole number")
            answers.confidence[key] = value
        for key, value in _table(data, "reflection").items():
            answers.reflection[key] = _text({key: value}, key)
        answers.commitments = [_text({"text": t}, "text") for t in _list(data, "commitments")]
        for key, value in _table(data, "plans").items():
            answers.plans[key] = _text({key: value}, key)
        answers.stories = [dict(s) for s in _list(data, "stories")]
        answers.conversations = [dict(c) for c in _list(data, "conversations")]
        answers.steps_done = [_step_ref(s) for s in _list(data, "steps_done")]
        for week, values in _table(data, "earlier").items():
            Week.parse(week)  # ValueError when it is not one
            answers.earlier[week] = {
                key: _number(value) for key, value in _table({"v": values}, "v").items()
            }
        return answers


def _step_ref(item: Any) -> dict[str, str]:
    """A step done, as a draft holds it: capability and text, and the day when one was given."""
    ref = {"capability": _text(item, "capability"), "what": _text(item, "what")}
    if "on" in item:
        ref["on"] = dt.date.fromisoformat(_text(item, "on")).isoformat()
    return ref


def _list(data: Mapping[str, Any], key: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise ValueError(f"{key} is not an array")
    return value


def _table(data: Mapping[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ValueError(f"{key} is not a table")
    return value


def _text(data: Any, key: str) -> str:
    value = data.get(key) if isinstance(data, dict) else None
    if not isinstance(value, str):
        raise ValueError(f"{key} is not text")
    return value


def _number(value: Any) -> Number:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{value!r} is not a number")
    return value


# ---- reading what the person typed ------------------------------------------------------


def parse_number(text: str) -> Number:
    """A number as typed: `36` stays whole (and is written `36`), `97.6` is a decimal.

    ValueError says why not, in words for the person at the terminal.
    """
    cleaned = text.strip().replace("_", "")
    if not cleaned:
        raise ValueError("no number given")
    try:
        value: Number = int(cleaned)
    except ValueError:
        try:
            value = float(cleaned)
        except ValueError:
            raise ValueError(f"'{text.strip()}' is not a number") from None
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"'{text.strip()}' is not a finite number")
    if isinstance(value, float) and value.is_integer() and "." not in cleaned:
        value = int(value)  # 1e2
    if abs(value) >= 2**53:  # past what a float holds exactly, and past any real reading
        raise ValueError(f"'{text.strip()}' is too large a number")
    return value


def parse_reading(text: str, unit: str) -> Number:
    """An indicator's value as typed, with or without its unit (`97.6%`, `38 min`): the
    prompt shows the unit, so people type it."""
    cleaned = text.strip()
    if unit and cleaned.endswith(unit.strip()):
        cleaned = cleaned.removesuffix(unit.strip())
    return parse_number(cleaned)


# ---- the models' own rules, for one answer at a time ---------------------------------------
#
# A flag or a prompt answer is checked against the rule of the file's field it will fill (its
# type and bounds, as the model declares them), so the check-in's messages and `check` can
# never disagree; only the wording is the check-in's, for the person at the terminal.


def _model(name: str) -> Any:
    """One of the check-in's models (`model/checkin.py`), imported when first needed."""
    from leadwork.model import checkin

    return getattr(checkin, name)


@functools.cache
def _field_rule(model: str, name: str) -> TypeAdapter[Any]:
    from pydantic import ConfigDict, TypeAdapter

    info = _model(model).model_fields[name]
    kind: Any = Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation
    return TypeAdapter(kind, config=ConfigDict(strict=True, allow_inf_nan=False))


def field_problem(model: str, name: str, value: Any) -> ErrorDetails | None:
    """The first rule of `model.name` (a check-in model, by its class name) that `value`
    breaks, as pydantic reports it (its `type` and `ctx` carry the bound), or None when the
    value keeps them all."""
    from pydantic import ValidationError

    try:
        _field_rule(model, name).validate_python(value)
    except ValidationError as error:
        return error.errors()[0]
    return None


def field_bounds(model: str, name: str) -> tuple[Any, Any]:
    """The (ge, le) bounds `model.name` declares (None where it has none)."""
    low = high = None
    for rule in _model(model).model_fields[name].metadata:
        low = getattr(rule, "ge", low)
        high = getattr(rule, "le", high)
    return low, high


def check_hours(value: Number, area: str = "other") -> None:
    """One area's hours, by the time audit's rule for it (0 to the hours in a week)."""
    problem = field_problem("TimeAudit", area, value)
    if problem is None:
        return
    ctx = problem.get("ctx") or {}
    if problem["type"] == "greater_than_equal":
        raise ValueError(f"{format_number(value)} hours is below {format_number(ctx['ge'])}")
    if problem["type"] == "less_than_equal":
        raise ValueError(
            f"{format_number(value)} hours is more than the {format_number(ctx['le'])} in a week"
        )
    raise ValueError(f"{format_number(value)} hours: {problem['msg'].lower()}")


def fits_in_a_week(hours: Mapping[str, Number | None]) -> bool:
    """Whether the hours together keep the time audit's rule (at most the hours in a
    week), each area's own bounds aside."""
    given = {a: v for a, v in hours.items() if v is not None}
    if not given:
        return True
    from pydantic import ValidationError

    try:
        _model("TimeAudit").model_validate(given)
    except ValidationError as error:
        return all(e["loc"] for e in error.errors())  # only the total has no field
    return True


def parse_confidence(text: str, area: str = "alignment") -> int:
    """A confidence rating, by the model's rule for it (a whole number, 1 to 5)."""
    value = parse_number(text)
    if field_problem("Confidence", area, value) is not None:
        low, high = field_bounds("Confidence", area)
        raise ValueError(f"confidence is a whole number from {low} to {high}, not '{text.strip()}'")
    return value  # type: ignore[return-value]  # an int: the rule says so


def hours_area(name: str) -> str:
    """`someone-elses-job`, `someone_elses_job` or `Other` -> the file's key."""
    key = name.strip().lower().replace("-", "_").replace(" ", "_").replace("'", "")
    if key in HOUR_AREAS:
        return key
    # Named as they are typed (someone-elses-job); both spellings are taken.
    typed = [area.replace("_", "-") for area in HOUR_AREAS]
    raise ValueError(_unknown_name("time-audit area", name.replace("_", "-"), typed))


def confidence_area(name: str) -> str:
    key = name.strip().lower()
    if key in AREAS:
        return key
    raise ValueError(_unknown_name("area", name, AREAS))


def conversation_kind(name: str, kinds: Sequence[str]) -> str:
    """One of the journal's kinds (`conversation_kinds` in leadwork.toml), as typed."""
    key = name.strip().lower()
    if key in kinds:
        return key
    said = _unknown_name("kind of conversation", name, kinds)
    if "did you mean" not in said:  # not a typo: a kind this leader needs (a patient)
        said += "; your own kinds go in leadwork.toml, as conversation_kinds = [...]"
    raise ValueError(said)


def check_text(text: str, what: str = "text") -> str:
    """A story's, conversation's, commitment's or reflection's text, by the rule the files
    share for them (`Story.text`: at most so many characters); and not blank."""
    text = text.strip()
    if not text:
        raise ValueError(f"the {what} is empty")
    problem = field_problem("Story", "text", text)
    if problem is not None:
        most = (problem.get("ctx") or {}).get("max_length")
        if problem["type"] == "string_too_long" and most is not None:
            raise ValueError(f"the {what} is {len(text):,} characters long; at most {most:,}")
        raise ValueError(f"the {what}: {problem['msg'].lower()}")
    return text


def check_name(text: str) -> str:
    """A person's or organization's name, by the rule `who` has (`Story.who`)."""
    text = text.strip()
    problem = field_problem("Story", "who", text)
    if problem is None:
        return text
    if problem["type"] == "string_too_short":
        raise ValueError("the name is empty")
    most = (problem.get("ctx") or {}).get("max_length")
    if problem["type"] == "string_too_long" and most is not None:
        raise ValueError(f"the name is longer than {most} characters")
    raise ValueError(f"the name: {problem['msg'].lower()}")


def person_or_name(text: str, people: Mapping[str, str]) -> str:
    """Who a story or conversation is about, as given in a capture, a check-in or the
    questions that ask it: `people` maps team ids to names.
    One rule for all (docs/cli.md, "Who: a team id or a name"):

    - a team id is kept;
    - a team member's full name, or their first name when no one else in the team has
      it (any case, with or without accents and titles: `wording.name_key`), is stored
      as their id, so every view finds them;
    - a word shaped like an id (lowercase letters, digits, '-', '_') that is no id but
      close to one (difflib ratio >= 0.8, or the start of one, at least 3 letters), or a
      first name shared in the team, is refused with "did you mean";
    - anything else (a name with a capital or a space, an organization) is a free name,
      kept as typed. A name outside the team that looks like a typo is written as a name:
      `Kenj`, not `kenj`.
    """
    text = check_name(text)
    if text in people:
        return text
    ids = names_of(people).get(name_key(text), set())
    if len(ids) == 1:
        return next(iter(ids))
    if len(ids) > 1:
        listed = " or ".join(f"'{pid}'" for pid in sorted(ids))
        raise ValueError(
            f"'{text}' is the name of several people in team.toml: did you mean {listed}?"
        )
    close = mistyped_id(text, people)
    if close is None:
        return text
    raise ValueError(
        f"'{text}' is no one in team.toml: did you mean '{close}'? "
        f"(someone outside the team: write the name as a name, e.g. '{text.capitalize()}')"
    )


def _unknown_name(kind: str, value: str, known: Sequence[str]) -> str:
    close = difflib.get_close_matches(value.strip().lower(), list(known), n=1, cutoff=0.6)
    mean = f"; did you mean '{close[0]}'?" if close else ""
    return f"unknown {kind} '{value}' (known: {', '.join(known)}){mean}"


def unknown_id(
    kind: str, value: str, known: Iterable[str], given: str | None = None
) -> UsageProblem:
    """An unknown indicator or choice id, with every known id and the closest one; `given`,
    the request field the value came in."""
    known = sorted(known)
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
    if not known:
        return UsageProblem(
            f"unknown {kind} '{value}'", hint=f"no {kind} is defined yet", given=given
        )
    mean = f"did you mean '{close[0]}'? " if close else ""
    return UsageProblem(
        f"unknown {kind} '{value}'",
        hint=f"{mean}known {kind} ids: {', '.join(known)}",
        given=given,
    )


def resolve_choice(value: str, choices: Iterable[str], given: str | None = None) -> str:
    """A story's choice: a strategic choice id, or 'purpose'."""
    known = {*choices, PURPOSE}
    if value in known:
        return value
    raise unknown_id("strategic choice", value, known, given)


def story_choice(
    value: str, choices: Iterable[Choice], week: Week, given: str | None = None
) -> str:
    """A story's choice, for a story of `week` (`story`, the check-in's, the one-on-one's):
    a strategic choice live in that week (`timeline.live_in`, as `check` judges it), or
    'purpose'. One retired before the week began is refused as an unknown one is, its
    retirement named; a story of a week it was live in may name it."""
    choices = list(choices)
    live = [c.id for c in choices if live_in(c.retired_on, week)]
    for choice in choices:
        why = retired_by(choice.retired_on, week) if choice.id == value else None
        if why is not None:
            raise UsageProblem(
                f"strategic choice '{value}' was {why}, before {week}",
                hint="a story of a week it was live in may name it; name a live choice "
                f"or purpose: {', '.join(sorted([*live, PURPOSE]))}",
                given=given,
            )
    return resolve_choice(value, live, given)


# The word that names every open commitment at once, as `one-on-one --done all` and the
# other numbered picks take it (`cli.options.parse_numbers`).
ALL = "all"


def resolve_commitments(
    ref: str,
    commitments: Sequence[str],
    given: str | None = None,
    source: Week | None = None,
    earlier: bool = True,
) -> list[str]:
    """`resolve_commitment`, or every one of last week's commitments for `all`: to name one
    whose text starts with "all", give its number or more of its text."""
    if ref.strip().lower() == ALL:
        if not commitments:
            raise _nothing_to_follow_up(ref.strip(), given, source, earlier)
        return list(commitments)
    return [resolve_commitment(ref, commitments, given, source, earlier)]


def resolve_commitment(
    ref: str,
    commitments: Sequence[str],
    given: str | None = None,
    source: Week | None = None,
    earlier: bool = True,
) -> str:
    """Last week's commitment named by its number (1, 2, ...) or by the start of its text;
    `given`, the request field (the outcome) it came in. `source`: the check-in the open
    commitments come from (`commitments.follow_up_source`), None when no earlier one made
    any; `earlier`: whether there is an earlier check-in at all. They say why nothing is
    open, when nothing is."""
    ref = ref.strip()
    if not commitments:
        raise _nothing_to_follow_up(ref, given, source, earlier)
    if ref.isdigit() and 1 <= int(ref) <= len(commitments):
        return commitments[int(ref) - 1]
    if ref in commitments:
        return ref
    matches = [c for c in commitments if c.lower().startswith(ref.lower())] if ref else []
    if len(matches) == 1:
        return matches[0]
    listed = "; ".join(f"{i}. {c}" for i, c in enumerate(commitments, 1))
    reason = "matches several" if len(matches) > 1 else "is not one"
    raise UsageProblem(
        f"'{ref}' {reason} of last week's commitments",
        hint=f"give its number or the start of its text ({ALL} for every one): {listed}",
        given=given,
    )


def _nothing_to_follow_up(
    ref: str, given: str | None, source: Week | None, earlier: bool
) -> UsageProblem:
    if not earlier:
        message = "there is no earlier check-in, so no commitment to follow up"
        hint = "this is the first check-in; the next one follows up the commitments it makes"
    elif source is None:
        message = "no earlier check-in made commitments, so none to follow up"
        hint = "the next check-in follows up the commitments this one makes"
    else:
        message = f"every commitment made up to {source} has an outcome already"
        hint = "nothing is left to follow up; to change an outcome, amend the week that has it"
    return UsageProblem(f"'{ref}': {message}", hint=hint, given=given)


# ---- the indicators a week asks about ---------------------------------------------------


@dataclass
class ReadingQuestion:
    """One indicator as the reading prompt shows it."""

    indicator: Indicator
    last: Number | None  # the latest reading before this week
    last_week: Week | None
    current: Number | None  # this week's reading already in the file
    period: Period | None = None  # for a monthly or quarterly indicator, the period asked for
    # The week whose file takes the answer when it is not this week's: the last week of a
    # month (quarter) that ended without a reading (`status.unread_period`), asked first.
    file_week: Week | None = None

    @property
    def overdue(self) -> bool:
        return self.file_week is not None

    @property
    def key(self) -> str:
        """The interview's (and the flags') name for this question (`reading_key`)."""
        return reading_key(self.indicator.id, self.file_week)


def reading_key(ident: str, file_week: Week | None = None) -> str:
    """`reading:complaints` for this week's reading, `reading:complaints@2027-W08` for one
    filed in an earlier week."""
    return f"reading:{ident}" + (f"@{file_week}" if file_week is not None else "")


def active_indicators(indicators: Sequence[Indicator], week: Week) -> list[Indicator]:
    """The indicators to ask about in `week`: agreed by then and not retired."""
    return [i for i in indicators if week in span_of(i, [])]


@dataclass(frozen=True)
class LateReading:
    """The reading the period before a week's own holds in its last week, where a reading
    entered late is filed (`late_reading`)."""

    week: Week  # the period's last week
    period: Period
    # None: the period has no reading at all, though the indicator was tracked in some
    # week of it (agreed part-way through, so it owed none): the value may be its, late
    value: float | None


def late_reading(
    indicator: Indicator, week: Week, readings: Mapping[Week, float]
) -> LateReading | None:
    """The reading a plain `--reading` of `indicator` in `week` may be meant for, when it
    would otherwise go to `week`'s own month (quarter): that period ended at most a week
    before this one began, this one has no reading yet, and the one before holds a reading
    in its last week (where a reading entered late is filed). Given again with the same
    value, it is that reading (a re-run: Monday's late value typed again on Friday), not a
    new one for this period; given with another, it goes to this period, and
    `late_reading_note` says how to correct the earlier one. Or, with no value, the one
    before has no reading in any week though the indicator was tracked in some of them
    (agreed part-way through it, so it owed none: `status.owed_period`): the value goes to
    this period, and `late_reading_note` says how to give it to that one instead (trial 21).
    None otherwise (and for an indicator read weekly)."""
    if indicator.cadence == "weekly":
        return None
    this = period_of(week, indicator.cadence)
    first = week
    while period_of(first.minus(1), indicator.cadence) == this:
        first = first.minus(1)
    if week.weeks_since(first) > 1 or any(w >= first for w in readings if w <= week):
        return None
    ended = first.minus(1)  # the last week of the period before
    before = period_of(ended, indicator.cadence)
    if ended in readings:
        return LateReading(ended, before, readings[ended])
    if any(period_of(w, indicator.cadence) == before for w in readings):
        return None  # read in another of its weeks
    span = span_of(indicator, readings)
    if not any(w in span for w in before.weeks):
        return None  # not tracked in it at all
    return LateReading(ended, before, None)


@dataclass(frozen=True)
class SameReading:
    """A plain `--reading` that is `late` given again (`same_reading`): recorded as
    unchanged, nothing written for it."""

    indicator: str
    late: LateReading
    rel: str  # the file of `late.week`
    this: Period  # the week's own period, which it was not taken for
    value: Number  # as read from the flag
    typed: str  # as typed


def same_reading(late: LateReading | None, value: Number) -> bool:
    """Whether a plain reading is the one `late_reading` found, given again: the same value."""
    return late is not None and late.value == value


def period_flag(period: Period) -> str:
    """A period as `--reading ID@PERIOD=VALUE` names it: 2026-12, 2027-Q1, 2027-W08."""
    if period.cadence == "weekly":
        return str(period)
    number = f"Q{period.number}" if period.cadence == "quarterly" else f"{period.number:02d}"
    return f"{period.year}-{number}"


def late_reading_note(
    indicator: Indicator,
    late: LateReading | None,
    rel: str,
    value: str,
    number: Number,
    week: Week,
    week_rel: str,
) -> str | None:
    """What a plain `--reading` (`value` as typed, `number` as read) that went to `week`'s
    own month (quarter), in `week_rel`, says when `late_reading` found the period before,
    read late, which it may be meant to correct (`rel` names that week's file). Re-running
    a check-in corrects a reading of the same period, and nothing moves the reading just
    recorded, so the note says both what corrects the earlier one and what to delete by
    hand: "Dec 2026 holds 86% (checkins/2026-W53.toml); if 87% is Dec 2026's, to correct
    it: -r csat@2026-12=87, then delete `csat = 87` from checkins/2027-W01.toml by hand
    (recorded as Jan 2027's, it stays there)." When the period before has no reading at
    all (`LateReading.value` None), how to give it that one instead: "Sep 2026 has no
    reading; if 93% is Sep 2026's, give -r data-sla@2026-09=93, then delete `data-sla = 93`
    from checkins/2026-W41.toml by hand (recorded as Oct 2026's, it stays there)." None when
    there is none, or when the value is the one it holds (`same_reading`: nothing to
    correct)."""
    from leadwork.values import format_value

    if late is None or same_reading(late, number):
        return None
    given = format_value(number, indicator.unit)
    flag = f"-r {indicator.id}@{period_flag(late.period)}={value.strip()}"
    line = f"`{indicator.id} = {format_number(number)}`"
    this = period_of(week, indicator.cadence)
    then = f"then delete {line} from {week_rel} by hand (recorded as {this}'s, it stays there)."
    if late.value is None:
        return f"{late.period} has no reading; if {given} is {late.period}'s, give {flag}, {then}"
    held = format_value(late.value, indicator.unit)
    return (
        f"{late.period} holds {held} ({rel}); if {given} is {late.period}'s, to correct it: "
        f"{flag}, {then}"
    )


def second_reading_note(
    indicator: Indicator,
    week: Week,
    readings: Mapping[Week, float],
    number: Number,
) -> str | None:
    """What a reading (`number`) of a monthly or quarterly indicator written in `week` says
    when another week of its period holds another value (`readings`: the period's, as the
    files held them before): both stay, each standing for its weeks (`timeline.read_twice`,
    as `check` warns), so the note says what was kept and what to delete by hand for one
    value to stand for the whole period: "Dec 2026 already holds 6 (checkins/2026-W50.toml):
    each stands for its weeks of Dec 2026, the later from 2026-W53 on. If 3 corrects it,
    delete `complaints = 6` from checkins/2026-W50.toml by hand (3 then stands for all of
    Dec 2026); if 3 is not Dec 2026's, delete `complaints = 3` from checkins/2026-W53.toml."
    None for a weekly indicator, when no other week differs, or when `week` held `number`
    already (a re-run records nothing new)."""
    from leadwork.layout import checkin_file
    from leadwork.values import format_value

    if indicator.cadence == "weekly" or readings.get(week) == number:
        return None
    period = period_of(week, indicator.cadence)
    others = sorted(
        (w, v)
        for w, v in readings.items()
        if w != week and period_of(w, indicator.cadence) == period and v != number
    )
    if not others:
        return None
    given = format_value(number, indicator.unit)
    held = " and ".join(f"{format_value(v, indicator.unit)} ({checkin_file(w)})" for w, v in others)
    later = max(week, others[-1][0])
    which, it = ("the later", "it") if len(others) == 1 else ("the latest", "them")
    delete = " and ".join(
        f"`{indicator.id} = {format_number(v)}` from {checkin_file(w)}" for w, v in others
    )
    line = f"`{indicator.id} = {format_number(number)}`"
    return (
        f"{period} already holds {held}: {read_twice(period, later, which)}. If {given} "
        f"corrects {it}, delete {delete} by hand ({given} then stands for all of {period}); "
        f"if {given} is not {period}'s, delete {line} from {checkin_file(week)}."
    )


def reading_questions(
    indicators: Sequence[Indicator],
    week: Week,
    current: Checkin | None,
    history: Mapping[Week, Checkin],
) -> list[ReadingQuestion]:
    """Each indicator due a reading this week, with its last value (from the latest earlier
    week that has one). A monthly or quarterly indicator is due until its period has a
    reading; once read, it is asked again only in a week that already holds its reading.
    One agreed in its period's last week is not asked that week (`period_due`: its first
    reading is due for the next period; a plain `--reading` is still this period's).
    Before that, a month (quarter) before this one that ended without a reading is asked
    for (`owed_period`), its answer filed in that period's last week. `history` must reach
    back `OWED_LOOKBACK_WEEKS` before this week for that."""
    questions = []
    earlier = sorted((w for w in history if w < week), reverse=True)
    for indicator in active_indicators(indicators, week):
        last, last_week = None, None
        for w in earlier:
            if indicator.id in history[w].readings:
                last, last_week = _tidy(history[w].readings[indicator.id]), w
                break
        now = current.readings.get(indicator.id) if current else None
        period = None
        if indicator.cadence != "weekly":
            readings = readings_of(indicator.id, {w: history[w] for w in earlier})
            if now is not None:
                readings[week] = now
            owed = owed_period(indicator, week, readings)
            if owed is not None:
                questions.append(
                    ReadingQuestion(indicator, last, last_week, None, owed, owed.last_week)
                )
            period = period_of(week, indicator.cadence)
            read = last_week is not None and period_of(last_week, indicator.cadence) == period
            if read and now is None:
                continue  # this month's (or quarter's) reading is in: not due
            if now is None and period_due(indicator, week, readings) != period:
                continue  # agreed in its period's last week: its first reading is the next's
        questions.append(
            ReadingQuestion(indicator, last, last_week, None if now is None else _tidy(now), period)
        )
    return questions


def status_of(indicator: Indicator, week: Week, value: Number | None) -> str:
    """The status a value would give this week, against the thresholds in effect then."""
    return judge(value, thresholds_for(indicator, week))


def resolve_reading(
    ident: str, indicators: Sequence[Indicator], week: Week, given: str | None = None
) -> Indicator:
    """The indicator a reading (or a plan) is for, tracked in `week`; `given`, the request
    field the id came in."""
    by_id = {i.id: i for i in indicators}
    if ident not in by_id:
        raise unknown_id("indicator", ident, by_id, given)
    indicator = by_id[ident]
    if not is_active(indicator, week):
        raise UsageProblem(
            f"indicator '{ident}' was retired on {indicator.retired_on}, before {week}",
            hint="readings are recorded only for weeks it was tracked",
            given=given,
        )
    return indicator


# ---- merging answers into a week --------------------------------------------------------


@dataclass
class SetValue:
    """`[table] key = value` (table None: a top-level key)."""

    table: str | None
    key: str
    value: Any


@dataclass
class SetInEntry:
    """`key = value` in entry `index` of `[[array]]`."""

    array: str
    index: int
    key: str
    value: Any


@dataclass
class AppendEntry:
    """A new `[[array]]` entry with these keys, in this order."""

    array: str
    data: dict[str, Any]


@dataclass
class RemoveEntry:
    """Entry `index` of `[[array]]` goes (a carried copy taken back)."""

    array: str
    index: int


Edit = SetValue | SetInEntry | AppendEntry | RemoveEntry


@dataclass
class Change:
    """One thing this run recorded: old is None for something new."""

    section: str
    key: str
    old: Any
    new: Any


@dataclass
class Merged:
    week: Week
    checkin: Checkin | None  # None: no file, and nothing to write
    edits: list[Edit]
    changes: list[Change]
    notes: list[str]
    follow_up_rate: DoneRate  # last week's commitments, as recorded in this week
    unanswered: list[str]  # last week's commitments still without an outcome
    follows_up: Week | None = None  # the check-in `previous` is (`whose_commitments`)
    # for each of `unanswered`, the week of the check-in that made it: `follows_up`, or an
    # older one still open (`commitments.open_by_week` counts them apart)
    unanswered_from: list[Week] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.edits)


def previous_commitments(previous: Checkin | None) -> list[str]:
    """Last week's commitments, once each, in their order. `previous` is the check-in
    `commitments.follow_up_source` found, holding only its open commitments."""
    if previous is None:
        return []
    return list(dict.fromkeys(c.text for c in previous.commitments))


def merge(
    week: Week,
    current: Checkin | None,
    previous: Checkin | None,
    answers: Answers,
    previous_week: Week | None = None,
    made_in: Sequence[Week] = (),
) -> Merged:
    """The week with the answers merged in (`previous`: the check-in it follows up, of
    `previous_week`; `made_in`: the week that made each of its open commitments,
    `commitments.follow_up`'s, else `previous_week`). What was there stays unless an answer
    changes it;
    list entries (stories, conversations, commitments) are added, never replaced."""
    data: dict[str, Any] = _data(current) if current else {"week": str(week)}
    edits: list[Edit] = []
    changes: list[Change] = []
    notes: list[str] = []

    def set_value(table: str, key: str, value: Any) -> None:
        section = data.setdefault(table, {})
        old = section.get(key)
        if old is not None and old == value:  # 36.0 read from the file equals 36 typed
            return
        section[key] = value
        edits.append(SetValue(table, key, value))
        changes.append(Change(table, key, _tidy(old) if old is not None else None, value))

    # Last week's commitments first: carrying one adds it to this week's commitments.
    _merge_follow_ups(data, previous, answers.follow_ups, edits, changes)
    commitments = data["commitments"]

    for ident, value in answers.readings.items():
        set_value("readings", ident, value)
    for area in HOUR_AREAS:
        if area in answers.hours:
            set_value("hours", area, answers.hours[area])
    for area in AREAS:
        if area in answers.confidence:
            set_value("confidence", area, answers.confidence[area])
    for key in REFLECTION_KEYS:
        if key in answers.reflection:
            set_value("reflection", key, answers.reflection[key])

    for text in answers.commitments:
        if any(c["text"] == text for c in commitments):
            notes.append(f"'{short(text)}' is already among this week's commitments")
            continue
        _add_commitment(commitments, text, 0, edits, changes)

    plans = data.setdefault("plans", [])
    for ident, text in answers.plans.items():
        entry = {"indicator": ident, "plan": text}
        if entry in plans:
            notes.append(f"the plan for {ident} was already recorded this week")
            continue
        plans.append(entry)
        edits.append(AppendEntry("plans", dict(entry)))
        changes.append(Change("plans", ident, None, text))

    for array, entries in (("stories", answers.stories), ("conversations", answers.conversations)):
        existing = data.setdefault(array, [])
        for entry in entries:
            entry = _entry(array, entry)
            if entry in [_entry(array, e) for e in existing]:
                kind = "story" if array == "stories" else "conversation"
                notes.append(f"the {kind} '{short(entry['text'])}' was already recorded")
                continue
            existing.append(entry)
            edits.append(AppendEntry(array, entry))
            changes.append(Change(array, entry["text"], None, entry))

    hours = data.get("hours") or {}
    # The file's own hours were checked when it was read: only a new answer can break it.
    hours_answered = any(c.section == "hours" for c in changes)
    if hours_answered and not fits_in_a_week(hours):
        total = sum(v for v in hours.values() if v is not None)
        listed = ", ".join(
            f"{HOUR_LABELS[a]} {format_number(hours[a])}" for a in HOUR_AREAS if a in hours
        )
        raise UsageProblem(
            f"the hours add up to {format_number(total)}, more than the {HOURS_IN_WEEK} in a week",
            hint=f"this week's hours would be: {listed}",
        )

    # Nothing to write: the file as it is (None when there is none), no model built.
    checkin = _made(data, current) if edits else current
    followed = {f.text for f in checkin.last_week} if checkin else set()
    unanswered = [t for t in previous_commitments(previous) if t not in followed]
    made: dict[str, Week] = {}
    for c, w in zip(previous.commitments if previous else (), made_in, strict=False):
        made.setdefault(c.text, w)
    unanswered_from = [made.get(t, previous_week) for t in unanswered]
    rate = weekly_rate(checkin, previous)
    return Merged(
        week,
        checkin,
        edits,
        changes,
        notes,
        rate,
        unanswered,
        previous_week,
        [w for w in unanswered_from if w is not None],
    )


def _merge_follow_ups(
    data: dict[str, Any],
    previous: Checkin | None,
    outcomes: Mapping[str, str],
    edits: list[Edit],
    changes: list[Change],
) -> None:
    """The follow-up answers merged into the week's `data`: an outcome set or changed;
    carrying one adds its copy to this week's commitments, and changing a carried one to
    done or dropped takes that copy back out (`_take_back_carry`)."""
    carried_from = {c.text: c.carried for c in previous.commitments} if previous else {}
    follow_ups = data.setdefault("last_week", [])
    commitments = data.setdefault("commitments", [])
    order = {text: i for i, text in enumerate(previous_commitments(previous))}
    in_order = sorted(outcomes.items(), key=lambda item: order.get(item[0], len(order)))
    for text, outcome in in_order:
        index = next((i for i, f in enumerate(follow_ups) if f["text"] == text), None)
        if index is None:
            follow_ups.append({"text": text, "outcome": outcome})
            edits.append(AppendEntry("last_week", {"text": text, "outcome": outcome}))
            changes.append(Change("last_week", text, None, outcome))
        elif follow_ups[index]["outcome"] != outcome:
            old = follow_ups[index]["outcome"]
            follow_ups[index]["outcome"] = outcome
            edits.append(SetInEntry("last_week", index, "outcome", outcome))
            changes.append(Change("last_week", text, old, outcome))
            if old == "carried":
                count = carried_from.get(text, 0) + 1
                _take_back_carry(commitments, text, count, edits, changes)
        if outcome == "carried":
            count = carried_from.get(text, 0) + 1
            _add_commitment(commitments, text, count, edits, changes)


def commitments_after(
    current: Checkin | None, previous: Checkin | None, outcomes: Mapping[str, str]
) -> list[str]:
    """This week's commitments as a save of these follow-up answers leaves them (the one
    rule `merge` uses): a carried copy added, or taken back out once its outcome is no
    longer "carried". A copy changed by hand stays (the save refuses to remove it)."""
    data: dict[str, Any] = _data(current) if current else {}
    with suppress(CarriedCopyChanged):  # the save names it; the list keeps the copy
        _merge_follow_ups(data, previous, outcomes, [], [])
    return [c["text"] for c in data["commitments"]]


def _made(data: dict[str, Any], current: Checkin | None) -> Checkin:
    """The merged week validated as a check-in (its model: the one rule of the file)."""
    from pydantic import ValidationError

    try:
        had = set(_data(current)) if current else set()  # an empty [reflection] stays
        return _model("Checkin").model_validate(  # type: ignore[no-any-return]
            {k: v for k, v in data.items() if k in had or v not in ({}, [])}
        )
    except ValidationError as error:  # answers are checked before; this is the safety net
        reasons = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors()
        )
        raise UsageProblem(f"these answers do not make a valid check-in: {reasons}") from None


def _add_commitment(
    commitments: list[dict[str, Any]],
    text: str,
    carried: int,
    edits: list[Edit],
    changes: list[Change],
) -> None:
    index = next((i for i, c in enumerate(commitments) if c["text"] == text), None)
    if index is not None:
        if carried and commitments[index].get("carried", 0) != carried:
            old = commitments[index].get("carried", 0)
            commitments[index]["carried"] = carried
            edits.append(SetInEntry("commitments", index, "carried", carried))
            changes.append(Change("commitments", text, f"carried {old}", f"carried {carried}"))
        return
    entry = commitment_entry(text, carried)
    commitments.append(entry)
    edits.append(AppendEntry("commitments", dict(entry)))
    changes.append(Change("commitments", text, None, entry))


def commitment_entry(text: str, carried: int) -> dict[str, Any]:
    """This week's `[[commitments]]` entry as a check-in writes it: a new commitment, or
    the copy a carry writes (`carried`: the follow-up's count, one higher)."""
    entry: dict[str, Any] = {"text": text}
    if carried:
        entry["carried"] = carried
    return entry


def _take_back_carry(
    commitments: list[dict[str, Any]],
    text: str,
    carried: int,
    edits: list[Edit],
    changes: list[Change],
) -> None:
    """A follow-up this run changes from "carried" to done or dropped: the carried copy an
    earlier run wrote into this week's commitments goes out again, when it is still
    exactly what the carry wrote (`commitment_entry`). A copy
    changed since (its count, any key) is the person's: `CarriedCopyChanged`, nothing
    written, since keeping it beside an ended follow-up is what `check` calls an error
    (`commitments.ended_yet_carried`)."""
    index = next(
        (i for i, c in enumerate(commitments) if c["text"] == text and c.get("carried", 0) > 0),
        None,
    )
    if index is None:
        return
    copy = commitments[index]
    if _written_keys(copy) != commitment_entry(text, carried):
        raise CarriedCopyChanged(
            ("commitments", index, "carried"),
            f"“{short(text)}” was carried into this week's commitments, and that copy "
            f"was changed since (carried = {copy.get('carried', 0)}); nothing was written",
            "remove the copy from [[commitments]] by hand, then give the outcome again; "
            'or keep the outcome "carried"',
        )
    del commitments[index]
    edits.append(RemoveEntry("commitments", index))
    changes.append(Change("commitments", text, copy, None))


def _written_keys(entry: Mapping[str, Any]) -> dict[str, Any]:
    """An entry as the file holds it: a default (`carried = 0`) is not a key written."""
    return {k: v for k, v in entry.items() if not (k == "carried" and v == 0)}


class CarriedCopyChanged(WriteRefused):
    """A carried copy the person changed, which a run would have to remove: refused.
    `path` is where it sits in the week's file; the store names the file and line."""

    def __init__(self, path: KeyPath, message: str, hint: str) -> None:
        super().__init__(message, hint=hint)
        self.path = path
        self.hint = hint


def _entry(array: str, entry: Mapping[str, Any]) -> dict[str, Any]:
    """A story or conversation with the file's key order and nothing empty."""
    order = ("text", "who", "choice") if array == "stories" else ("with", "who", "text", "refresh")
    return {k: entry[k] for k in order if entry.get(k) not in (None, "", False)}


def _data(checkin: Checkin) -> dict[str, Any]:
    return checkin.model_dump(mode="python", by_alias=True, exclude_none=True)


def _tidy(value: Any) -> Any:
    """36.0 read from a model shows as 36, as the person wrote it."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def week_label(week: Week) -> str:
    """`2026-W48 (23-29 Nov 2026)` and `2026-W40 (28 Sep - 4 Oct 2026)` with en dashes,
    as the example journal's headers have them."""
    monday, sunday = week.monday, week.sunday
    first, last = _MONTHS[monday.month - 1], _MONTHS[sunday.month - 1]
    if monday.year != sunday.year:
        span = f"{monday.day} {first} {monday.year} {EN_DASH} {sunday.day} {last} {sunday.year}"
    elif monday.month != sunday.month:
        span = f"{monday.day} {first} {EN_DASH} {sunday.day} {last} {sunday.year}"
    else:
        span = f"{monday.day}{EN_DASH}{sunday.day} {last} {sunday.year}"
    return f"{week} ({span})"


EN_DASH = "\u2013"
# Not strftime's %b, which follows the locale: the files read the same everywhere.
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# Early in a week (Monday, Tuesday) a check-in with no week named is most likely about the
# week that just ended, when that one has none: the interview offers it.
EARLY_IN_WEEK = 2  # days: Monday and Tuesday


def early_in_week(today: dt.date) -> bool:
    """Monday or Tuesday: when a check-in may be meant for the week that just ended."""
    return today.isoweekday() <= EARLY_IN_WEEK


def unrecorded_last_week(
    today: dt.date, this_week: Checkin | None, last_week: Checkin | None, before: Checkin | None
) -> Week | None:
    """Last week, when a check-in begun early this week (nothing recorded in this week
    yet) may be meant for it: a forgotten Friday. Last week's check-in was not done
    (`timeline.checkin_done`: a story captured in it, or readings imported into it, do not
    count) and the week before it was done: exactly last week was missed. After weeks away
    (the week before last not done either: leave, readings imported meanwhile) or in a
    first week, None: this week is the one to record, and the dashboard's "No check-in
    since" says what was missed. The interview's offer and the flags run's note both ask
    this."""
    from leadwork.domain.timeline import checkin_done

    if not early_in_week(today) or checkin_done(this_week) or not checkin_done(before):
        return None
    return None if checkin_done(last_week) else Week.of(today).minus(1)


def resolve_week(text: str | None, today: dt.date) -> Week:
    """The week to record: the one given, else the current ISO week; never one not yet
    begun."""
    current = Week.of(today)
    if text is None:
        return current
    try:
        week = Week.parse(text, typed=True)  # --week as typed: 2026-w48 too
    except ValueError as error:
        raise UsageProblem(
            f"{text}: {str(error).removeprefix(repr(text) + ': ')}",
            hint="write the ISO week as YYYY-Www, like 2026-W48; a year has 52 or 53 weeks",
            given="week",
        ) from None
    problem = not_begun(week, today)
    if problem:
        raise UsageProblem(
            problem,
            hint="a check-in records a week that has begun; by default, this week",
            given="week",
        )
    return week


# ---- what the store answers when it writes a week (data, for the use case and render) --------

WriteOutcome = Literal["created", "amended", "unchanged"]  # what a write did to the file


@dataclass(frozen=True)
class Saved:
    merged: Merged
    rel: str  # the check-in file, relative to the journal
    outcome: WriteOutcome
    existed: bool  # the file was there before this run

    @property
    def written(self) -> list[str]:
        """The files this run wrote, relative to the journal (for `git add`)."""
        return [] if self.outcome == "unchanged" else [self.rel]


@dataclass(frozen=True)
class Draft:
    week: Week
    answered: list[str]  # the questions already asked, so a resumed interview skips them
    answers: Answers

    @property
    def count(self) -> int:
        return self.answers.count()
