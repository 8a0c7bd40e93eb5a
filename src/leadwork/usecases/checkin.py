"""`leadwork checkin`: the weekly check-in, merged into the week's file.

`run` checks every answer the flags give against the journal (a bad one stops the run
with nothing written), merges them, or the answers an interview gathered, into the
week's check-in (`domain.checkin.merge`), marks the capability steps completed this week
done in capabilities.toml, and writes both together (`store.checkins.save_week`). The
interview itself is the CLI's (terminal I/O): `prepare` gives it what its questions are
about, `save_draft` keeps each answer, and what it gathered comes back in the request.

A value that is not acceptable is a usage problem carrying the request field it came in
(`Problem.given`, the flag's Python name), so the CLI names the flag.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from leadwork.errors import UsageProblem

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from leadwork.domain.checkin import (
        Answers,
        Draft,
        Merged,
        Number,
        ReadingQuestion,
        SameReading,
        Saved,
    )
    from leadwork.domain.review import OpenStep
    from leadwork.domain.timeline import Period
    from leadwork.model.checkin import Checkin
    from leadwork.model.indicators import Indicator
    from leadwork.store.journal import Journal
    from leadwork.store.together import Together
    from leadwork.weeks import Week


@dataclass(frozen=True)
class CheckinRequest:
    """The flags as data (each field named as its flag's Python name, so a problem's
    `given` names the flag), and what an interview gathered."""

    week: Week
    reading: tuple[str, ...] = ()  # INDICATOR=VALUE
    hours: tuple[str, ...] = ()  # AREA=H
    confidence: tuple[str, ...] = ()  # AREA=N
    done: tuple[str, ...] = ()  # last week's commitments, by number or start of text
    carried: tuple[str, ...] = ()
    dropped: tuple[str, ...] = ()
    commitment: tuple[str, ...] = ()  # next week's commitments
    story: tuple[str, ...] = ()
    story_who: str | None = None  # who the stories are about: a team id or a name
    story_choice: str | None = None  # the strategic choice they lived, or 'purpose'
    conversation: tuple[str, ...] = ()
    conversation_with: str | None = None  # a kind from leadwork.toml
    conversation_who: str | None = None
    refresh: bool = False  # the conversations signal a strategy refresh
    step_done: tuple[str, ...] = ()  # CAPABILITY:N[@YYYY-MM-DD]
    plan: tuple[str, ...] = ()  # INDICATOR=PLAN, for the leader's own indicators
    confident: str | None = None
    challenge: str | None = None
    note: str | None = None
    # What an interview gathered (it began from the flags' answers): when given, these are
    # the answers recorded, and the week's draft is deleted once they are written.
    gathered: Answers | None = None
    # --week was given: a plain --reading is that week's, the file named (without it, a
    # month or quarter owed a reading takes it: `_reading_period`).
    week_named: bool = False

    def says_something(self) -> bool:
        """Whether any flag gives an answer (or describes one)."""
        return any(
            value
            for name, value in vars(self).items()
            if name not in ("week", "gathered", "week_named")
        )


@dataclass(frozen=True)
class Flagged:
    """The flags' answers, checked, and the interview's questions they answer."""

    answers: Answers
    keys: frozenset[str]
    # said in the summary: a plain reading that went to this month while the month before,
    # read late, may be the one meant (`domain.checkin.late_reading_note`)
    notes: tuple[str, ...] = ()
    # plain readings that are the month (quarter) before's, read late, given again with
    # the value it holds (`domain.checkin.same_reading`): nothing written for them
    same: tuple[SameReading, ...] = ()


@dataclass(frozen=True)
class Questions:
    """What the interview asks about, read from the journal."""

    week: Week
    this_week: Week  # today's week
    rel: str  # the week's check-in file
    current: Checkin | None  # the week's file as it is, when amending
    previous: Checkin | None  # the latest earlier check-in, with its open commitments
    previous_week: Week | None
    first_week: bool  # no earlier check-in at all
    readings: list[ReadingQuestion]
    choices: list[str]  # strategic choice ids
    people: dict[str, str]  # team id -> name: offered for "who", and its rule
    warning_percent: int
    conversation_kinds: list[str]  # leadwork.toml's, offered for "with"
    open_steps: list[OpenStep]  # offered; none when capabilities.toml is broken
    flagged: Flagged  # what the flags answered already
    draft_rel: str
    draft: Draft | None  # an unfinished interview of this week, to resume
    draft_problem: str | None = None  # why the draft could not be read
    # Last week, when this week's check-in begins early in the week and last week has none
    # (`domain.checkin.unrecorded_last_week`): the interview offers it.
    unrecorded_last_week: Week | None = None
    # Unfinished check-ins kept for other weeks (`store.checkins.draft_weeks`): named, with
    # the command that resumes each, since a plain run asks about this week only.
    other_drafts: tuple[tuple[Week, str], ...] = ()
    # For each of `previous`'s open commitments, the week of the check-in that made it
    # (`commitments.follow_up`): the interview names an older one's week beside it.
    previous_made_in: tuple[Week, ...] = ()


@dataclass(frozen=True)
class CheckinResult:
    week: Week
    saved: Saved  # the week's check-in: what merged, its file, created/amended/unchanged
    indicators: tuple[Indicator, ...]  # for the summary's names and units
    marked: tuple[tuple[OpenStep, dt.date], ...]  # steps marked done in capabilities.toml
    gone: tuple[Mapping[str, str], ...]  # steps answered that are no longer open
    written: tuple[str, ...]  # the files written, for a commit
    warning_percent: int  # leadwork.toml's level for someone else's job
    kept_draft: str | None = None  # an unfinished interview's draft, left for later
    interviewed: bool = False
    # Last week, when this week was recorded early in the week and last week has none
    # (`_unrecorded_last_week`), by a run that asked nothing and named no week: the
    # summary names it (`render.checkin.last_week_note`).
    unrecorded_last_week: Week | None = None
    # Earlier weeks' check-ins that took a reading for their month or quarter (`Answers.earlier`).
    elsewhere: tuple[Saved, ...] = ()
    # Plain readings taken as the late reading of the month (quarter) before, given again
    # with its value (`Flagged.same`): unchanged, said as such.
    same: tuple[SameReading, ...] = ()


def run(journal: Journal, request: CheckinRequest, today: dt.date) -> CheckinResult:
    """Checks the flags (or takes the interview's answers), merges them into the week and
    writes it, with any steps marked done, all or nothing."""
    from leadwork import layout
    from leadwork.domain.checkin import Answers, merge
    from leadwork.store.checkins import delete_draft, draft_rel, save_week
    from leadwork.store.follow_ups import previous_follow_up

    week = request.week
    indicators = journal.indicators().indicators
    found = previous_follow_up(journal, week)
    earlier = (found.week, found.checkin) if found is not None else None
    previous_week, previous = earlier if earlier else (None, None)
    made_in = found.made_in if found is not None else ()
    notes: tuple[str, ...] = ()
    same: tuple[SameReading, ...] = ()
    if request.gathered is not None:
        answers = request.gathered
    else:
        flagged = check_flags(journal, request, today, earlier)
        answers, notes, same = flagged.answers, flagged.notes, flagged.same
    kept = None
    if request.gathered is None and journal.path(draft_rel(week)).is_file():
        kept = draft_rel(week)
    marked, gone = _steps_to_mark(journal, week, answers, today)
    others = _earlier_weeks(answers, week)
    elsewhere: list[Saved] = []
    also: Callable[[Together], None] | None = None
    if marked or others:
        from leadwork.store.checkins import plan_week
        from leadwork.store.reviews import mark_steps_done

        def also(together: Together) -> None:
            for other, readings in others.items():
                earlier = Answers(readings=dict(readings))
                build = partial(merge, other, previous=None, answers=earlier)
                elsewhere.append(plan_week(together, other, build))
            if marked:
                mark_steps_done(together, marked)

    unrecorded = None  # read before this week is written; an interview asked it already
    if request.gathered is None and not request.week_named:
        unrecorded = _unrecorded_last_week(journal, week, today)
    saved = save_week(
        journal,
        week,
        lambda current: merge(week, current, previous, answers, previous_week, made_in),
        also,
    )
    saved.merged.notes.extend(notes)  # said with the merge's own, under the summary
    saved.merged.notes.extend(_followed_up_already(journal, week, saved.merged))
    if request.gathered is not None:
        delete_draft(journal, week)
    written = (
        *saved.written,
        *(rel for other in elsewhere for rel in other.written),
        *([layout.CAPABILITIES] if marked else []),
    )
    return CheckinResult(
        week=week,
        saved=saved,
        indicators=tuple(indicators),
        marked=tuple(marked),
        gone=tuple(gone),
        written=written,
        warning_percent=journal.config().settings.time_warning_percent,
        kept_draft=kept,
        interviewed=request.gathered is not None,
        unrecorded_last_week=unrecorded,
        elsewhere=tuple(elsewhere),
        same=same,
    )


def _followed_up_already(journal: Journal, week: Week, merged: Merged) -> list[str]:
    """A commitment this run added to a week whose commitments a later check-in already
    followed up (a rerun of an earlier week, trial 18): that check-in will not ask about
    it; say which rerun does. The rule `leadwork check` warns by
    (`commitments.left_unanswered`)."""
    added = {
        c.key for c in merged.changes if c.section == "commitments" and isinstance(c.new, dict)
    }
    if not added or merged.checkin is None:
        return []
    from leadwork.domain.commitments import left_unanswered, next_follow_up

    later = list(journal.checkins_after(week))
    found = next_follow_up(later)
    if found is None:
        return []
    answered_since = {f.text for _, checkin in later for f in checkin.last_week}
    made = [c.text for c in merged.checkin.commitments]
    left = [i for i in left_unanswered(made, found[1], answered_since) if made[i] in added]
    if not left:
        return []
    which = "this one" if len(left) == 1 else f"these {len(left)}"
    return [
        f"{found[0]} already followed up {week}'s commitments: run `leadwork checkin --week "
        f"{found[0]}` to follow {which} up"
    ]


def _earlier_weeks(answers: Answers, week: Week) -> dict[Week, dict[str, Number]]:
    """The earlier weeks' readings the answers hold, oldest week first; one for `week`
    itself (a draft of another day) joins this week's readings."""
    from leadwork.weeks import Week

    found: dict[Week, dict[str, Number]] = {}
    for name, readings in sorted(answers.earlier.items()):
        other = Week.parse(name)
        if other == week:
            answers.readings.update(readings)
        elif readings:
            found[other] = dict(readings)
    return found


def prepare(journal: Journal, request: CheckinRequest, today: dt.date) -> Questions:
    """What the interview asks about: the flags checked first (a bad one stops it before
    any question), then the week, last week's commitments, the readings due, the week's
    draft if one waits."""
    from leadwork.domain.checkin import reading_questions
    from leadwork.domain.status import OWED_LOOKBACK_WEEKS
    from leadwork.domain.timeline import live_in
    from leadwork.store.checkins import draft_rel, draft_weeks, load_draft
    from leadwork.store.follow_ups import previous_follow_up
    from leadwork.weeks import Week

    week = request.week
    indicators = journal.indicators().indicators
    found = previous_follow_up(journal, week)
    earlier = (found.week, found.checkin) if found is not None else None
    flagged = check_flags(journal, request, today, earlier)
    previous_week, previous = earlier if earlier else (None, None)
    current = journal.checkin(week)
    before = [w for w in journal.checkin_weeks() if w < week]
    since = week.minus(OWED_LOOKBACK_WEEKS)  # back to a period owed a reading
    asked = sorted({*before[-13:], *(w for w in before if w >= since)})
    try:
        draft, problem = load_draft(journal, week), None
    except ValueError as error:
        draft, problem = None, str(error)
    settings = journal.config().settings
    return Questions(
        week=week,
        this_week=Week.of(today),
        rel=journal.checkin_rel(week),
        current=current,
        previous=previous,
        previous_week=previous_week,
        first_week=not before,
        readings=reading_questions(indicators, week, current, journal.checkins(asked)),
        # what a story of the week may name (`checkin.story_choice`)
        choices=[c.id for c in journal.strategy().choices if live_in(c.retired_on, week)],
        people=_team_names(journal),
        warning_percent=settings.time_warning_percent,
        conversation_kinds=list(settings.conversation_kinds),
        open_steps=_open_steps(journal, today),
        flagged=flagged,
        draft_rel=draft_rel(week),
        draft=draft,
        draft_problem=problem,
        unrecorded_last_week=_unrecorded_last_week(journal, week, today),
        previous_made_in=found.made_in if found is not None else (),
        other_drafts=tuple((w, draft_rel(w)) for w in draft_weeks(journal) if w != week),
    )


def _unrecorded_last_week(journal: Journal, week: Week, today: dt.date) -> Week | None:
    """Last week, when `week` is this week, begun early, and exactly last week's check-in
    was missed (`domain.checkin.unrecorded_last_week`): the interview offers it, a run with
    flags names it."""
    from leadwork.domain.checkin import early_in_week, unrecorded_last_week
    from leadwork.weeks import Week

    if week != Week.of(today) or not early_in_week(today):  # most runs: read nothing more
        return None
    last = week.minus(1)
    this, before = journal.checkin(week), journal.checkin(last.minus(1))
    return unrecorded_last_week(today, this, journal.checkin(last), before)


def save_draft(journal: Journal, week: Week, answered: list[str], answers: Answers) -> None:
    """An interview's answers so far, kept after each one (Ctrl-C loses none)."""
    from leadwork.domain.checkin import Draft
    from leadwork.store.checkins import save_draft as save

    save(journal, Draft(week, answered, answers))


def discard_draft(journal: Journal, week: Week) -> None:
    """The week's draft, declined: deleted."""
    from leadwork.store.checkins import delete_draft

    delete_draft(journal, week)


def overlay(draft: Answers, flagged: Answers) -> Answers:
    """The draft's answers, with what this run's flags say on top."""
    draft.follow_ups.update(flagged.follow_ups)
    draft.readings.update(flagged.readings)
    for other, readings in flagged.earlier.items():
        draft.earlier.setdefault(other, {}).update(readings)
    draft.hours.update(flagged.hours)
    draft.confidence.update(flagged.confidence)
    draft.reflection.update(flagged.reflection)
    draft.commitments += [c for c in flagged.commitments if c not in draft.commitments]
    draft.stories += [s for s in flagged.stories if s not in draft.stories]
    draft.conversations += [c for c in flagged.conversations if c not in draft.conversations]
    draft.steps_done += [s for s in flagged.steps_done if s not in draft.steps_done]
    return draft


# ---- the flags, checked into answers ---------------------------------------------------------


def check_flags(
    journal: Journal,
    request: CheckinRequest,
    today: dt.date,
    earlier: tuple[Week, Checkin] | None,
) -> Flagged:
    """Every flag checked against the journal and turned into answers, before anything is
    asked or written: a bad one stops the run with nothing changed."""
    from leadwork import layout
    from leadwork.domain import checkin as rules
    from leadwork.domain.status import owner_for
    from leadwork.domain.timeline import period_of, readings_of
    from leadwork.domain.wording import short
    from leadwork.model.words import ME

    week = request.week
    answers = rules.Answers()
    keys: set[str] = set()

    def once(key: str, given: str, name: str) -> None:
        """A value given twice would silently lose one of them: refuse it instead."""
        if key in keys:
            raise UsageProblem(f"{name} is given twice", hint=f"give {name} once", given=given)
        keys.add(key)

    indicators = journal.indicators().indicators
    recent: dict[Week, Checkin] | None = None  # read once, when a flag needs it
    notes: list[str] = []
    same: list[rules.SameReading] = []
    for item in request.reading:
        _not_emptied(item, week)
        named, value = _pair("reading", item, "INDICATOR=VALUE", "dayton-scrap=3.1")
        ident, at, when = named.partition("@")
        indicator = rules.resolve_reading(ident.strip(), indicators, week, given="reading")
        if not at and not request.week_named and indicator.cadence != "weekly" and recent is None:
            recent = _recent_checkins(journal, week)
        period = _reading_period(indicator, week, item, when.strip() if at else None, recent)
        file_week = None if period is None else period.last_week
        if file_week is not None:
            rules.resolve_reading(indicator.id, indicators, file_week, given="reading")
        read = partial(rules.parse_reading, unit=indicator.unit)
        number = _checked("reading", item, read, value)
        late = None
        if period is None and not at and recent is not None:
            late = rules.late_reading(indicator, week, readings_of(indicator.id, recent))
        if late is not None and rules.same_reading(late, number):
            # the late reading given again (Monday's value typed again on Friday): the
            # same reading, unchanged (this period's may still be given, by its name)
            once(
                rules.reading_key(indicator.id, late.week),
                "reading",
                f"{indicator.id} for {late.period}",
            )
            rel = layout.checkin_file(late.week)
            this = period_of(week, indicator.cadence)
            same.append(rules.SameReading(indicator.id, late, rel, this, number, value))
            continue
        if file_week is None:
            answers.readings[indicator.id] = number
        else:
            answers.earlier.setdefault(str(file_week), {})[indicator.id] = number
        said = indicator.id if period is None else f"{indicator.id} for {period}"
        once(rules.reading_key(indicator.id, file_week), "reading", said)
        if late is not None:
            rel = layout.checkin_file(late.week)
            week_rel = layout.checkin_file(week)
            note = rules.late_reading_note(indicator, late, rel, value, number, week, week_rel)
            notes += [note] if note else []
        if indicator.cadence != "weekly":  # its period read in another week too?
            into = file_week or week
            weeks = set(period_of(into, indicator.cadence).weeks)
            held = journal.checkins([w for w in journal.checkin_weeks() if w in weeks])
            twice = rules.second_reading_note(
                indicator, into, readings_of(indicator.id, held), number
            )
            notes += [twice] if twice else []
    for item in request.hours:
        area_name, value = _pair("hours", item, "AREA=H", "alignment=8")
        area = _checked("hours", item, rules.hours_area, area_name)
        number = _checked("hours", item, rules.parse_number, value)
        _checked("hours", item, partial(rules.check_hours, area=area), number)
        answers.hours[area] = number
        once(f"hours:{area}", "hours", area.replace("_", "-"))
    for item in request.confidence:
        area_name, value = _pair("confidence", item, "AREA=N", "alignment=4")
        area = _checked("confidence", item, rules.confidence_area, area_name)
        rate = partial(rules.parse_confidence, area=area)
        answers.confidence[area] = _checked("confidence", item, rate, value)
        once(f"confidence:{area}", "confidence", area)
    texts = rules.previous_commitments(earlier[1] if earlier else None)
    follow_ups = {"done": request.done, "carried": request.carried, "dropped": request.dropped}
    # why nothing is open, should nothing be (file names only: no check-in is read)
    first = not texts and not any(w < week for w in journal.checkin_weeks())
    for outcome, refs in follow_ups.items():
        source = earlier[0] if earlier else None
        for ref in refs:
            for text in rules.resolve_commitments(ref, texts, outcome, source, not first):
                if answers.follow_ups.get(text, outcome) != outcome:
                    raise UsageProblem(
                        f"'{short(text)}' is given two outcomes: "
                        f"{answers.follow_ups[text]} and {outcome}"
                    )
                answers.follow_ups[text] = outcome
                keys.add(f"follow-up:{text}")
    for text in request.commitment:
        answers.commitments.append(_checked("commitment", text, rules.check_text, text))
    for item in request.plan:
        ident, text = _pair("plan", item, "INDICATOR=PLAN", "attrition=Stay interviews monthly")
        indicator = rules.resolve_reading(ident, indicators, week, given="plan")
        owner = owner_for(indicator, week)  # the owner in the check-in's week
        if owner not in (ME, None):  # a plan of the people you lead is theirs
            raise UsageProblem(
                f"{indicator.id} is owned by {owner}: a check-in records plans for "
                "the indicators you own",
                hint=f"agree it at your one-on-one: `leadwork one-on-one {owner} "
                f'--plan {indicator.id}="..."`',
                given="plan",
            )
        answers.plans[indicator.id] = _checked("plan", item, rules.check_text, text)
        once(f"plan:{indicator.id}", "plan", indicator.id)
    _stories(request, answers, journal, week)
    _conversations(request, answers, journal)
    if request.step_done:
        _steps_done(request, answers, journal, today)
        keys.add("steps:done")
    reflection = {
        "confident": request.confident,
        "challenge": request.challenge,
        "note": request.note,
    }
    for key, reflected in reflection.items():
        if reflected is not None:
            answers.reflection[key] = _checked(key, reflected, rules.check_text, reflected)
            keys.add(f"reflection:{key}")
    return Flagged(answers, frozenset(keys), tuple(notes), tuple(same))


def _recent_checkins(journal: Journal, week: Week) -> dict[Week, Checkin]:
    """The check-ins up to `week`, back as far as a period owed a reading can reach."""
    from leadwork.domain.status import OWED_LOOKBACK_WEEKS

    since = week.minus(OWED_LOOKBACK_WEEKS)
    return journal.checkins([w for w in journal.checkin_weeks() if since <= w <= week])


def _reading_period(
    indicator: Indicator,
    week: Week,
    item: str,
    named: str | None,
    recent: Mapping[Week, Checkin] | None,
) -> Period | None:
    """The earlier month or quarter a `--reading` is for, or None for `week`'s own period:
    the one it names (`ID@2027-02=4`), else one that ended without a reading
    (`status.owed_period`, the dashboard's "No reading for Feb 2027")."""
    from leadwork.domain.status import owed_period
    from leadwork.domain.timeline import parse_period, period_of, readings_of

    this = period_of(week, indicator.cadence)
    if named is None:
        if recent is None:
            return None
        return owed_period(indicator, week, readings_of(indicator.id, recent))
    period = _checked("reading", item, partial(parse_period, cadence=indicator.cadence), named)
    if period > this:
        raise UsageProblem(
            f"'{item}': {period} is after {week}, the week being checked in",
            hint=f"record it in a week of {period}, with --week",
            given="reading",
        )
    return None if period == this else period


def _stories(request: CheckinRequest, answers: Answers, journal: Journal, week: Week) -> None:
    from leadwork.domain import checkin as rules

    if not request.story:
        for given in ("story_who", "story_choice"):
            if getattr(request, given):
                raise UsageProblem("describes a story, and no story is given", given=given)
        return
    choice = None
    if request.story_choice:
        choice = rules.story_choice(
            request.story_choice, journal.strategy().choices, week, given="story_choice"
        )
    team = _team_names(journal)
    for text in request.story:
        story = {"text": _checked("story", text, rules.check_text, text)}
        if request.story_who:
            who = request.story_who
            story["who"] = _checked(
                "story_who", who, lambda name: rules.person_or_name(name, team), who
            )
        if choice:
            story["choice"] = choice
        answers.stories.append(story)


def _conversations(request: CheckinRequest, answers: Answers, journal: Journal) -> None:
    from leadwork.domain import checkin as rules

    if not request.conversation:
        for given in ("conversation_with", "conversation_who", "refresh"):
            if getattr(request, given):
                raise UsageProblem(
                    "describes a conversation, and no conversation is given", given=given
                )
        return
    kinds = journal.config().settings.conversation_kinds
    if not request.conversation_with:
        raise UsageProblem(
            "a conversation needs the kind of stakeholder it was with",
            hint=f"the kinds are {', '.join(kinds)}",
            given="conversation_with",
        )
    kind = _checked(
        "conversation_with",
        request.conversation_with,
        lambda name: rules.conversation_kind(name, kinds),
        request.conversation_with,
    )
    team = _team_names(journal)
    for text in request.conversation:
        entry: dict[str, Any] = {"with": kind}
        if request.conversation_who:
            entry["who"] = _checked(
                "conversation_who",
                request.conversation_who,
                lambda name: rules.person_or_name(name, team),
                request.conversation_who,
            )
        entry["text"] = _checked("conversation", text, rules.check_text, text)
        if request.refresh:
            entry["refresh"] = True
        answers.conversations.append(entry)


def _steps_done(
    request: CheckinRequest, answers: Answers, journal: Journal, today: dt.date
) -> None:
    from leadwork.domain.review import done_on, open_steps, step_flag, step_ref

    capabilities = journal.capabilities()
    steps = open_steps(capabilities, today)
    for item in request.step_done:
        which, at, day = item.partition("@")
        on = _checked("step_done", item, lambda d: done_on(d, today), day) if at else None
        step = step_flag(which, steps, capabilities, today)
        if not any(step_ref(step).items() <= r.items() for r in answers.steps_done):
            answers.steps_done.append(step_ref(step, on))


def _steps_to_mark(
    journal: Journal, week: Week, answers: Answers, today: dt.date
) -> tuple[list[tuple[OpenStep, dt.date]], list[Mapping[str, str]]]:
    """The capability steps completed this week to mark done in capabilities.toml (on the
    day given, else the week's last day, or today if that is earlier), and those answered
    that are no longer open."""
    if not answers.steps_done:
        return [], []
    from leadwork.domain.review import find_steps, open_steps

    day = min(today, week.sunday)
    return find_steps(answers.steps_done, open_steps(journal.capabilities(), day), day)


def _open_steps(journal: Journal, today: dt.date) -> list[OpenStep]:
    """The capability steps the interview offers; none when capabilities.toml is broken
    (`leadwork check` says why; the check-in itself goes on)."""
    from leadwork.domain.review import open_steps
    from leadwork.errors import InvalidFile

    try:
        return open_steps(journal.capabilities(), today)
    except InvalidFile:
        return []


def _pair(given: str, item: str, shape: str, example: str) -> tuple[str, str]:
    name, sep, value = item.partition("=")
    if not sep or not name.strip() or not value.strip():
        raise UsageProblem(f"'{item}' is not {shape}", hint=f"write it like {example}", given=given)
    return name.strip(), value.strip()


def _not_emptied(item: str, week: Week) -> None:
    """`-r pipeline=` asks to take a reading back, which no command does: the person deletes
    its line, and the error says where (docs/cli.md, "Taking a reading back")."""
    from leadwork import layout

    named, sep, value = item.partition("=")
    ident, at, _ = named.strip().partition("@")
    if not sep or not ident.strip() or value.strip():
        return
    where = "the check-in that holds it" if at else layout.checkin_file(week)
    raise UsageProblem(
        f"'{item}' gives no value",
        hint=f"a reading is taken back by hand: delete `{ident.strip()} = …` from {where}, "
        "or the file if it holds nothing else",
        given="reading",
    )


def _team_names(journal: Journal) -> dict[str, str]:
    """Team id -> name: what a story's or conversation's "who" is checked against."""
    return {p.id: p.name for p in journal.team().people}


def _checked(given: str, item: str, check: Callable[[Any], Any], value: Any) -> Any:
    """`check(value)`, its ValueError a usage problem carrying the field it came in."""
    try:
        result = check(value)
    except ValueError as error:
        raise UsageProblem(f"'{item}': {error}", given=given) from None
    return value if result is None else result
