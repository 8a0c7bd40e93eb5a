"""Cross-file checks: do the files agree with each other? Pure: data in, findings out.

Each finding names a file (relative to the journal) and a key path; the store turns that
into a line and column. Checks that need a file which failed to load are skipped, so one
broken file does not bury the person in follow-on errors.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Hashable, Iterable, Sequence
from typing import TYPE_CHECKING

from leadwork.domain.capability import DONE_ONCE_IT_IS, done_later
from leadwork.domain.commitments import (
    answers_nothing,
    ended_yet_carried,
    weekly_follow_up,
)
from leadwork.domain.meeting_commitments import follow_up_source
from leadwork.domain.status import (
    ORDER_HINT,
    agreed_thresholds,
    is_active,
    latest_change,
    next_change,
    owner_for,
    threshold_order_problems,
    thresholds_for,
)
from leadwork.domain.team import has_joined, has_left, mistyped_id, off_team
from leadwork.domain.timeline import Period, live_in, period_of, read_twice, retired_by
from leadwork.domain.wording import possessive, short
from leadwork.errors import Severity
from leadwork.layout import CAPABILITIES, CONFIG, INDICATORS, STRATEGY, TEAM, KeyPath, dated_order
from leadwork.model.words import ME
from leadwork.plainclass import plainclass
from leadwork.values import format_number
from leadwork.weeks import Week, not_begun

if TYPE_CHECKING:
    from leadwork.model.capabilities import Capabilities, Capability
    from leadwork.model.checkin import Checkin, Commitment
    from leadwork.model.indicators import Change, Indicator, Indicators
    from leadwork.model.one_on_one import MeetingCommitment, OneOnOne
    from leadwork.model.review import CapabilityReview, StrategyReview
    from leadwork.model.strategy import Strategy
    from leadwork.model.team import Team

PURPOSE = "purpose"  # a story may live the purpose rather than one choice


@plainclass
class Finding:
    file: str
    path: KeyPath
    message: str
    hint: str | None = None
    severity: Severity = "error"
    # The journal says two things at once (an id used twice): any view of it would be
    # wrong, so a command that shows the journal refuses rather than warns
    ambiguous: bool = False
    # The definition files whose ids this finding looked up: when one of them has errors
    # of its own, the finding may only be their echo (`check` folds it under the cause).
    refers_to: tuple[str, ...] = ()


@plainclass
class Loaded:
    """Whatever loaded cleanly; None where the file was invalid."""

    strategy: Strategy | None
    capabilities: Capabilities | None
    indicators: Indicators | None
    team: Team | None
    checkins: dict[str, Checkin]  # by file, e.g. "checkins/2026-W48.toml"
    one_on_ones: dict[str, OneOnOne]
    reviews: dict[str, StrategyReview | CapabilityReview]
    # leadwork.toml's `conversation_kinds`; None when it could not be read
    conversation_kinds: Sequence[str] | None = None
    # Every check-in and one-on-one of the journal (`check`), not only those a view read:
    # the rules that judge a record against earlier ones (`_weekly_follow_ups_answering_nothing`)
    # run only then, as an earlier record left unread would make them say what is not so.
    complete: bool = True
    # (file, id) of the entries of a definition file left out because they are in error
    # (`check`): their ids are known, so a reference to one is no unknown id
    in_error: tuple[tuple[str, str], ...] = ()


def _nearest(value: str, known: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The known id `value` is most likely a slip for, if one is near enough."""
    close = difflib.get_close_matches(value, sorted(known), n=1, cutoff=cutoff)
    return close[0] if close else None


def _unknown(kind: str, value: str, known: Iterable[str]) -> tuple[str, str]:
    known = sorted(known)
    close = _nearest(value, known)
    if close:
        hint = f"did you mean '{close}'?"
    elif known:
        listed = ", ".join(known[:12]) + (", ..." if len(known) > 12 else "")
        hint = f"known {kind} ids: {listed}"
    else:
        hint = f"no {kind} is defined yet"
    return f"unknown {kind} '{value}'", hint


def _unknown_indicator(value: str, known: Iterable[str]) -> tuple[str, str]:
    """An indicator id a check-in or one-on-one records that indicators.toml does not
    define: most often one removed by hand, whose history must keep its meaning (format.md:
    an indicator no longer tracked stays, with `retired_on`), so the hint says that rather
    than offer the other ids, as if the records were to be changed (eleventh trial); an id
    near enough to be a slip, or a renamed id, is offered too."""
    return _unknown_kept("indicator", INDICATORS, value, known)


def _unknown_kept(kind: str, file: str, value: str, known: Iterable[str]) -> tuple[str, str]:
    """An id a record names that `file` no longer defines, where a thing dropped stays
    with `retired_on` (an indicator, a strategic choice, a capability: `timeline.live_in`):
    the hint says to keep it so rather than to relabel the records (trials 11 and 21)."""
    keep = f"keep it in {file} with retired_on = YYYY-MM-DD to retire it"
    # nearer than other ids' near: 'castings-otd' is no slip for 'dayton-otd'
    close = _nearest(value, known, cutoff=0.75)
    if close:
        article = "an" if kind[0] in "aeiou" else "a"
        hint = (
            f"did you mean '{close}'? if not, and '{value}' is {article} {kind} you removed, {keep}"
        )
    else:
        hint = f"{keep}: its records keep their meaning"
    return f"unknown {kind} '{value}'", hint


def _after_retirement(
    file: str, path: KeyPath, kind: str, ident: str, retired_on: dt.date | None, week: Week
) -> list[Finding]:
    """A record of `week` that names a strategic choice or a capability retired before the
    week began (`timeline.live_in`): valid, but likely a slip, so a warning naming the day."""
    why = retired_by(retired_on, week)
    if why is None:
        return []
    return [
        Finding(
            file,
            path,
            f"{kind} '{ident}' was {why}, before {week}",
            f"move its retired_on to a later day, or name a live {kind} here",
            severity="warning",
        )
    ]


def _outlives(referrer: dt.date | None, target: dt.date | None) -> Week | None:
    """The first week a capability or indicator (retired on `referrer`) is live while what
    it serves (retired on `target`) no longer is (`timeline.live_in`), or None."""
    if target is None:
        return None
    first = Week.of(target) if target == Week.of(target).monday else Week.of(target) + 1
    return first if live_in(referrer, first) else None


def _duplicates(file: str, table: str, ids: list[str]) -> list[Finding]:
    seen: dict[str, int] = {}
    findings = []
    for index, ident in enumerate(ids):
        if ident in seen:
            findings.append(
                Finding(
                    file,
                    (table, index, "id"),
                    f"duplicate id '{ident}' (first used in [[{table}]] #{seen[ident] + 1})",
                    "every id in a file must be different",
                    ambiguous=True,
                )
            )
        else:
            seen[ident] = index
    return findings


def cross_check(data: Loaded, today: dt.date) -> list[Finding]:
    findings: list[Finding] = []

    def known(file: str, ids: Iterable[str]) -> set[str]:
        return {*ids, *(ident for rel, ident in data.in_error if rel == file)}

    people = known(TEAM, (p.id for p in data.team.people)) if data.team else None
    choices = known(STRATEGY, (c.id for c in data.strategy.choices)) if data.strategy else None
    capabilities = (
        known(CAPABILITIES, (c.id for c in data.capabilities.capabilities))
        if data.capabilities
        else None
    )
    # what each choice and capability was retired on (None: live), for the records naming it
    retired = {c.id: c.retired_on for c in data.strategy.choices} if data.strategy else {}
    if data.capabilities:
        retired |= {c.id: c.retired_on for c in data.capabilities.capabilities}

    def served(file: str, path: KeyPath, kind: str, ident: str, by: dt.date | None) -> None:
        """A capability's or indicator's `serves` naming a choice or a capability retired
        while the one serving it is still live."""
        week = _outlives(by, retired.get(ident))
        if week is not None:
            findings.extend(_after_retirement(file, path, kind, ident, retired[ident], week))

    indicators = (
        known(INDICATORS, (i.id for i in data.indicators.indicators)) if data.indicators else None
    )

    def person(file: str, path: KeyPath, value: str | None, named: str | None = None) -> None:
        """`named`: the one-on-one file's name, which carries the person's id too."""
        if value is not None and people is not None and value not in people:
            message, hint = _unknown("person", value, people)
            if value == ME:
                hint = f'"{ME}" means you, and here it must name someone in {TEAM}'
            elif named is not None:
                close = _nearest(value, people)
                hint += (" " if close else "; ") + _rename_hint(named, value, close)
            findings.append(
                Finding(file, path, message + f" (not in {TEAM})", hint, refers_to=(TEAM,))
            )

    def owner(file: str, path: KeyPath, value: str | None) -> None:
        """An owner is a person in team.toml, or you: "me"."""
        if value != ME:
            person(file, path, value)

    if data.team:
        findings += _duplicates(TEAM, "people", [p.id for p in data.team.people])
        findings += [
            Finding(
                TEAM,
                ("people", i, "id"),
                f"'{ME}' is reserved: it means you, the journal's leader",
                "give this person another id, such as their first name; "
                f'to own an indicator yourself, write owner = "{ME}" in {INDICATORS}',
            )
            for i, p in enumerate(data.team.people)
            if p.id == ME
        ]
        findings += [
            Finding(
                TEAM,
                ("people", i, "left_on"),
                f"{p.id} left on {p.left_on}, not after joining on {p.joined_on}",
                "left_on is their first day off the team: a day after joined_on",
            )
            for i, p in enumerate(data.team.people)
            if p.joined_on and p.left_on and p.left_on <= p.joined_on
        ]
    if data.strategy:
        findings += _duplicates(STRATEGY, "choices", [c.id for c in data.strategy.choices])

    if data.capabilities:
        caps = data.capabilities.capabilities
        findings += _duplicates(CAPABILITIES, "capabilities", [c.id for c in caps])
        for i, cap in enumerate(caps):
            owner(CAPABILITIES, ("capabilities", i, "owner"), cap.owner)
            if choices is not None:
                for j, choice in enumerate(cap.serves):
                    served(
                        CAPABILITIES,
                        ("capabilities", i, "serves", j),
                        "strategic choice",
                        choice,
                        cap.retired_on,
                    )
                    if choice not in choices:
                        message, hint = _unknown_kept("strategic choice", STRATEGY, choice, choices)
                        findings.append(
                            Finding(
                                CAPABILITIES,
                                ("capabilities", i, "serves", j),
                                message,
                                hint,
                                refers_to=(STRATEGY,),
                            )
                        )
            findings += _done_later(cap, i, today)
            if choices and cap.id in choices:
                findings.append(
                    Finding(
                        CAPABILITIES,
                        ("capabilities", i, "id"),
                        f"'{cap.id}' is also the id of a strategic choice",
                        "give it its own id, so `serves` in indicators.toml is never ambiguous",
                    )
                )

    if data.indicators:
        inds = data.indicators.indicators
        findings += _duplicates(INDICATORS, "indicators", [x.id for x in inds])
        servable = (capabilities or set()) | (choices or set())
        for i, ind in enumerate(inds):
            base = ("indicators", i)
            owner(INDICATORS, (*base, "owner"), ind.owner)
            findings += _owner_left(ind, i, data.team, today)
            findings += _handed_off_team(ind, i, data.team)
            for j, who in enumerate(ind.agreed_with):
                person(INDICATORS, (*base, "agreed_with", j), who)
            if capabilities is not None and choices is not None:
                for j, target in enumerate(ind.serves):
                    kind = "capability" if target in capabilities else "strategic choice"
                    served(INDICATORS, (*base, "serves", j), kind, target, ind.retired_on)
                    if target not in servable:
                        message, hint = _unknown("capability or choice", target, servable)
                        findings.append(
                            Finding(
                                INDICATORS,
                                (*base, "serves", j),
                                message,
                                hint,
                                refers_to=(CAPABILITIES, STRATEGY),
                            )
                        )
            for key, problem in threshold_order_problems(agreed_thresholds(ind)):
                findings.append(
                    Finding(INDICATORS, (*base, key), problem, ORDER_HINT[ind.direction])
                )
            for index, change in enumerate(ind.changes):
                owner(INDICATORS, (*base, "changes", index, "owner"), change.owner)
                for j, who in enumerate(change.agreed_with):
                    person(INDICATORS, (*base, "changes", index, "agreed_with", j), who)
                in_effect = thresholds_for(ind, Week.of(change.since))
                for key, problem in threshold_order_problems(in_effect):
                    # at the key when the change sets it, else at the change
                    sets = getattr(change, key) is not None
                    findings.append(
                        Finding(
                            INDICATORS,
                            (*base, "changes", index, key) if sets else (*base, "changes", index),
                            f"from {change.since} on, {problem}",
                            ORDER_HINT[ind.direction],
                        )
                    )

    names = {p.id: p.name for p in data.team.people} if data.team else None
    retired_indicators = (
        {i.id: i for i in data.indicators.indicators if i.retired_on} if data.indicators else {}
    )
    for file, checkin in sorted(data.checkins.items()):
        findings += _check_checkin(
            file, checkin, indicators, choices, data.conversation_kinds, today, data.checkins
        )
        if data.strategy and choices is not None:
            week = file_week(file, checkin)
            for j, story in enumerate(checkin.stories):
                if story.choice in choices:
                    findings += _after_retirement(
                        file,
                        ("stories", j, "choice"),
                        "strategic choice",
                        story.choice,
                        retired.get(story.choice),
                        week,
                    )
        findings += _read_after_retired(file, checkin, retired_indicators)
        if names is not None:
            for j, story in enumerate(checkin.stories):
                findings += _mistyped_who(file, ("stories", j, "who"), story.who, names)
            for j, talk in enumerate(checkin.conversations):
                findings += _mistyped_who(file, ("conversations", j, "who"), talk.who, names)

    for file, meeting in sorted(data.one_on_ones.items(), key=lambda item: dated_order(item[0])):
        name = file.rsplit("/", 1)[-1].removesuffix(".toml")
        if not name.startswith(meeting.date.isoformat()):
            findings.append(
                Finding(
                    file,
                    ("date",),
                    f"the file name says {name[:10]} but date = {meeting.date}",
                    "rename the file or fix the date",
                )
            )
        stem = name[11:]
        if stem != meeting.person and not stem.startswith(meeting.person + "-"):
            findings.append(
                Finding(
                    file,
                    ("person",),
                    f"the file name is for '{stem}' but person = '{meeting.person}'",
                    "rename the file or fix the person",
                )
            )
        person(file, ("person",), meeting.person, name)
        findings += _carried_yet_ended(
            file,
            meeting.commitments,
            "last_time",  # a one-on-one's commitments are told apart by whose they are, too
            [((f.by, f.text), f.outcome) for f in meeting.last_time],
            [((c.by, c.text), c.carried) for c in meeting.commitments],
        )
        findings += _met_off_team(file, meeting, data.team)
        if indicators is not None:
            for j, plan in enumerate(meeting.plans):
                if plan.indicator not in indicators:
                    message, hint = _unknown_indicator(plan.indicator, indicators)
                    findings.append(
                        Finding(
                            file, ("plans", j, "indicator"), message, hint, refers_to=(INDICATORS,)
                        )
                    )

    for file, review in sorted(data.reviews.items()):
        name = file.rsplit("/", 1)[-1]
        if not name.startswith(review.date.isoformat()):
            findings.append(
                Finding(
                    file,
                    ("date",),
                    f"the file name says {name[:10]} but date = {review.date}",
                    "rename the file or fix the date",
                )
            )
        if names is not None:
            if review.kind == "strategy":
                for j, who in enumerate(review.participants):
                    findings += _mistyped_who(file, ("participants", j), who, names)
            else:
                for j, said in enumerate(review.feedback):
                    findings += _mistyped_who(file, ("feedback", j, "who"), said.who, names)
        if (
            review.kind == "capability"
            and capabilities is not None
            and review.capability not in capabilities
        ):
            message, hint = _unknown_kept(
                "capability", CAPABILITIES, review.capability, capabilities
            )
            findings.append(
                Finding(file, ("capability",), message, hint, refers_to=(CAPABILITIES,))
            )
        elif review.kind == "capability" and capabilities is not None:
            findings += _after_retirement(
                file,
                ("capability",),
                "capability",
                review.capability,
                retired.get(review.capability),
                Week.of(review.date),
            )
    if data.complete:
        findings += _weekly_follow_ups_answering_nothing(data.checkins)
        findings += _meeting_follow_ups_answering_nothing(data.one_on_ones)
    return findings + _second_readings(data)


def _read_after_retired(
    file: str, checkin: Checkin, retired: dict[str, Indicator]
) -> list[Finding]:
    """A reading in a week after its indicator was retired (`status.is_active`, the rule
    that leaves it out of every view and makes `checkin -r` refuse it): most often
    `retired_on` set a few days too early (trial 20: the number vanished without a word)."""
    try:
        week = file_week(file, checkin)
    except ValueError:
        return []  # a week that is no week is reported where it is
    findings = []
    for ident in checkin.readings:
        indicator = retired.get(ident)
        if indicator is None or is_active(indicator, week):
            continue
        findings.append(
            Finding(
                file,
                ("readings", ident),
                f"reading of {ident} in {week}, after it was retired on "
                f"{indicator.retired_on}: it is not shown",
                f"remove it, or move retired_on (in {INDICATORS}) to a day after {week.monday}",
                severity="warning",
            )
        )
    return findings


def _mistyped_who(
    file: str, path: KeyPath, who: str | None, names: dict[str, str]
) -> list[Finding]:
    """A `who` (a story's, a conversation's, a review's participant or feedback) that
    `--who` would now refuse as a typo of a team id (`team.mistyped_id`): most often an id
    renamed in team.toml after leadwork stored it, so a story no longer reaches the
    person's one-on-one preparation. Said in the words of the same unknown id's errors
    elsewhere, so `check` tells and counts it with them (`store.check._together`), but a
    warning, since `who` may hold anyone's name: the hint says how to keep a name outside
    the team."""
    close = mistyped_id(who, names) if who is not None else None
    if who is None or close is None:
        return []
    lost = ""
    if path[0] == "stories":
        lost = "as it is, the story reaches no one's one-on-one preparation "
    return [
        Finding(
            file,
            path,
            f"unknown person '{who}' (not in {TEAM})",
            f"did you mean '{close}'? {lost}(someone outside the team: write the name as a "
            f"name, e.g. '{who.capitalize()}')",
            severity="warning",
            refers_to=(TEAM,),
        )
    ]


def _rename_hint(name: str, old: str, new: str | None) -> str:
    """A one-on-one's file name carries its person's id (2026-11-24-priya.toml): when the
    id is changed, so must the name be, which `check` would only say once `person` is."""
    if new is None:
        return "and rename the file to match: its name carries the id"
    stem = name[11:]
    renamed = f"{name[:11]}{new}{stem[len(old) :] if stem.startswith(old) else ''}.toml"
    return f"then rename the file to {renamed} too: its name carries the id"


def _second_readings(data: Loaded) -> list[Finding]:
    """A monthly or quarterly indicator read twice in one period with two values. Each
    stands for its weeks (`timeline.value_in`: the later from its week on), so nothing is
    wrong, but a leader who corrected a figure may not know the first still counts, and a
    late import may have put one month's figure in another's week (fourth trial)."""
    if data.indicators is None:
        return []
    cadences = {i.id: i.cadence for i in data.indicators.indicators if i.cadence != "weekly"}
    first: dict[tuple[str, Period], tuple[Week, float]] = {}
    findings = []
    for file, checkin in sorted(data.checkins.items()):  # files are named by week: in order
        try:
            week = file_week(file, checkin)
        except ValueError:
            continue  # a week that is no week is reported where it is
        for ident, value in checkin.readings.items():
            if ident not in cadences:
                continue
            period = period_of(week, cadences[ident])
            earlier = first.setdefault((ident, period), (week, value))
            if earlier[1] != value:
                findings.append(
                    Finding(
                        file,
                        ("readings", ident),
                        f"{ident} is read twice for {period}: {format_number(value)} here, "
                        f"{format_number(earlier[1])} in {earlier[0]}",
                        f"{read_twice(period, week, 'this one')}; "
                        "if it corrects the other, delete the other",
                        severity="warning",
                    )
                )
    return findings


def _weekly_follow_ups_answering_nothing(checkins: dict[str, Checkin]) -> list[Finding]:
    """A `[[last_week]]` entry whose text is none of the open commitments of the check-in
    its week follows up (`commitments.weekly_follow_up`, the views' rule), as when a
    commitment's wording was corrected by hand after it was followed up (seventh trial):
    no view counts it, and the commitment it meant is open again (`answers_nothing`)."""
    by_week: dict[Week, tuple[str, Checkin]] = {}
    for file, checkin in sorted(checkins.items()):
        try:
            by_week[file_week(file, checkin)] = (file, checkin)
        except ValueError:
            continue  # a week that is no week is reported where it is
    weeks = sorted(by_week)
    findings = []
    for index, week in enumerate(weeks):
        file, checkin = by_week[week]
        if not checkin.last_week:
            continue
        texts = [f.text for f in checkin.last_week]
        if index and _all_made_before(
            texts, [c.text for c in by_week[weeks[index - 1]][1].commitments]
        ):
            continue
        # What the week's own follow-ups answered is never "answered later": the views'
        # `answered_later` cannot change which of them match, so none is given here.
        earlier = ((w, by_week[w][1]) for w in reversed(weeks[:index]))
        found = weekly_follow_up(earlier)
        open_ = list(zip(found.made_in, found.checkin.commitments, strict=True)) if found else []
        for i in answers_nothing(texts, [c.text for _, c in open_]):
            candidates = {c.text: by_week[w][0] for w, c in open_ if c.text not in texts}
            findings.append(
                _answering_nothing(
                    file,
                    ("last_week", i, "text"),
                    texts[i],
                    candidates or {c.text: by_week[w][0] for w, c in open_},
                    f"{found.week}'s check-in" if found else "no earlier check-in made any",
                )
            )
    return findings


def _meeting_follow_ups_answering_nothing(meetings: dict[str, OneOnOne]) -> list[Finding]:
    """The same for a one-on-one's `[[last_time]]`: against the open commitments of the
    latest earlier meeting with the person that made any
    (`meeting_commitments.follow_up_source`, the preparation's rule); whose (`by`) and the
    text must both match."""
    by_person: dict[str, list[tuple[str, OneOnOne]]] = {}
    for file, meeting in meetings.items():
        by_person.setdefault(meeting.person, []).append((file, meeting))
    findings = []
    for held in by_person.values():
        held.sort(key=lambda item: (item[1].date, dated_order(item[0])))
        ordered = [m for _, m in held]
        before: list[MeetingCommitment] = []
        for index, (file, meeting) in enumerate(held):
            made_before, before = before, meeting.commitments
            if not meeting.last_time:
                continue
            answers = [(f.by, f.text) for f in meeting.last_time]
            if _all_made_before(answers, [(c.by, c.text) for c in made_before]):
                continue
            found = follow_up_source(ordered[:index])
            open_ = list(found.open) if found else []
            # one-on-ones follow up one meeting: the latest earlier one that made any
            made = next((f for f, m in reversed(held[:index]) if m.commitments), "")
            for i in answers_nothing(answers, [(c.by, c.text) for c in open_]):
                by = answers[i][0]
                candidates = {
                    c.text: made for c in open_ if c.by == by and (c.by, c.text) not in answers
                }
                findings.append(
                    _answering_nothing(
                        file,
                        ("last_time", i, "text"),
                        answers[i][1],
                        candidates or {c.text: made for c in open_ if c.by == by},
                        f"your one-on-one of {found.key}"
                        if found
                        else "no earlier one-on-one made any",
                    )
                )
    return findings


def _all_made_before(answers: Sequence[Hashable], made: Sequence[Hashable]) -> bool:
    """Every follow-up answers a commitment of the record just before its own, which made
    some: that record is the one followed up (`commitments_to_follow_up`: the latest that
    made any), and no record between them answered any, so each is open there. The usual
    week, told without walking back (`check` on ten years judges 500 weeks)."""
    return bool(made) and set(answers) <= set(made)


def _answering_nothing(
    file: str, path: KeyPath, text: str, candidates: dict[str, str], source: str
) -> Finding:
    """One follow-up that answers no commitment: `candidates`, the open commitments' texts
    (each with its file) to offer; `source`, the record followed up ("2026-W42's
    check-in"), or why there is none open ("no earlier check-in made any")."""
    close = difflib.get_close_matches(text, list(candidates), n=1, cutoff=0.6)
    message = f"“{short(text)}” follows up no open commitment of {source}"
    if not candidates:
        message = f"“{short(text)}” follows up no open commitment: {source}"
    if close:
        hint = (
            f"did you mean “{short(close[0])}” ({candidates[close[0]]})? make the two texts "
            "the same, here or there; until then no view counts this follow-up and that "
            "commitment stays open"
        )
    elif candidates:
        listed = ", ".join(f"“{short(t, 40)}”" for t in list(candidates)[:5])
        hint = (
            f"the open ones are {listed}: make this text the same as the one it answers, "
            "or remove it"
        )
    else:
        hint = "remove it, or give it the text of the commitment it answers"
    return Finding(file, path, message, hint, severity="warning")


def _met_off_team(file: str, meeting: OneOnOne, team: Team | None) -> list[Finding]:
    """A one-on-one dated before the person joined the team (`joined_on`), or a meeting
    dated after they left (`left_on`; a follow-up of your commitments is not one: only
    `last_time`, `note` and commitments of yours). No view counts either as held
    (`team.on_team`), so a wrong date on either side is worth a warning."""
    person = next((p for p in team.people if p.id == meeting.person), None) if team else None
    if person is None:
        return []
    said = off_team(person, meeting.date)
    if said is None:
        return []
    if not has_joined(person, meeting.date):
        hint = "fix the date, or set joined_on to the day they joined"
    elif not _follow_up_only(meeting):
        hint = (
            "fix the date, or left_on; after they left, only what became of your "
            "commitments is recorded (`leadwork one-on-one PERSON --done N`)"
        )
    else:
        return []
    return [
        Finding(
            file,
            ("date",),
            f"a one-on-one with {meeting.person} on {meeting.date}, {said}",
            hint,
            severity="warning",
            refers_to=(TEAM,),
        )
    ]


def _follow_up_only(meeting: OneOnOne) -> bool:
    """What `leadwork one-on-one` records for someone who has left: no meeting's answers."""
    return not (
        meeting.progress
        or meeting.celebrate
        or meeting.plans
        or any(c.by == "them" for c in meeting.commitments)
    )


def _owner_left(ind: Indicator, index: int, team: Team | None, today: dt.date) -> list[Finding]:
    """An indicator still tracked but owned, as of `today` (`status.owner_for`), by someone
    who has left the team by then (`team.has_left`): a warning at the line that made them
    its owner, as the files that name them stay valid."""
    owner = owner_for(ind, Week.of(today))
    if team is None or owner is None or (ind.retired_on and ind.retired_on <= today):
        return []
    for person in team.people:
        if person.id == owner and has_left(person, today):
            handed = latest_change(ind, Week.of(today), lambda c: c.owner)
            key: KeyPath = ("indicators", index, "owner")
            if handed is not None:
                key = ("indicators", index, "changes", _index_of(ind, handed), "owner")
            message = f"'{ind.id}' is owned by {person.id}, who left on {person.left_on}"
            hint = (
                "hand it on from a day with `leadwork indicator change "
                f"{ind.id} --since DATE --owner PERSON` (or retire it: retired_on = a day)"
            )
            # Already handed on from a later week: say so, rather than ask for it again.
            coming = next_change(ind, Week.of(today), lambda c: c.owner)
            if coming is not None:
                message += f"; a handover to {coming.owner} is recorded from {coming.since}"
                hint = (
                    f"the weeks until then stay {possessive(person.id)}; to hand it on sooner, "
                    f"change that handover's since (changes, in {INDICATORS})"
                )
            return [
                Finding(
                    INDICATORS,
                    key,
                    message,
                    hint,
                    severity="warning",
                    refers_to=(TEAM,),
                )
            ]
    return []


def _handed_off_team(ind: Indicator, index: int, team: Team | None) -> list[Finding]:
    """A change handing the indicator to someone from a day they are not on the team
    (`team.off_team`): before they joined, or after they left. Every week from then names
    them its owner, and the dashboard asks them for a plan before a one-on-one with them
    can be recorded; `indicator change` refuses one, so only an edit by hand makes it."""
    people = {p.id: p for p in team.people} if team else {}
    findings = []
    for j, change in enumerate(ind.changes):
        person = people.get(change.owner) if change.owner else None
        said = off_team(person, change.since) if person else None
        if person is None or said is None:
            continue
        hint = (
            f"date the handover from {person.joined_on} or later, or fix joined_on"
            if not has_joined(person, change.since)
            else "hand it to someone on the team then, or fix left_on"
        )
        findings.append(
            Finding(
                INDICATORS,
                ("indicators", index, "changes", j, "owner"),
                f"'{ind.id}' is handed to {person.id} from {change.since}, {said}",
                hint,
                severity="warning",
                refers_to=(TEAM,),
            )
        )
    return findings


def _done_later(cap: Capability, index: int, today: dt.date) -> list[Finding]:
    """A plan step marked done on a day after today, by hand (trial 19: `check` said nothing
    and every view called the step overdue): a warning at its `done`, as `checkin
    --step-done` refuses such a day (`capability.done_later`)."""
    findings = []
    for number, step in enumerate(cap.steps, start=1):
        day = done_later(step, today)
        if day is not None:
            findings.append(
                Finding(
                    CAPABILITIES,
                    ("capabilities", index, "steps", number - 1, "done"),
                    f"capability '{cap.id}': step {number} is marked done on {day}, after "
                    f"today ({today}); it counts as open until then",
                    f"{DONE_ONCE_IT_IS}: leave `done` out until that day, or fix the date",
                    severity="warning",
                )
            )
    return findings


def _index_of(ind: Indicator, change: Change) -> int:
    """The change's place in the indicator's `changes`, as a message's key names it."""
    return next(i for i, c in enumerate(ind.changes) if c is change)


def file_week(file: str, checkin: Checkin) -> Week:
    """The week a check-in file stands for: its name, as the views read it (a file named
    2026-W43.toml is 2026-W43 whatever its `week` says; the disagreement is its own error).
    A file not named by a week falls back on its `week`. ValueError when neither is a week."""
    try:
        return Week.parse(file.rsplit("/", 1)[-1].removesuffix(".toml"))
    except ValueError:
        return Week.parse(checkin.week)


def _check_checkin(
    file: str,
    checkin: Checkin,
    indicators: set[str] | None,
    choices: set[str] | None,
    kinds: Sequence[str] | None,
    today: dt.date,
    files: Iterable[str] = (),
) -> list[Finding]:
    findings = []
    named = file.rsplit("/", 1)[-1].removesuffix(".toml")
    if checkin.week != named:
        claimed = f"{file.rsplit('/', 1)[0]}/{checkin.week}.toml" if "/" in file else ""
        hint = "rename the file or fix the week; they must agree"
        if claimed in files:  # renamed, it would take the place of the week's real file
            hint = (
                f"{claimed} already holds {checkin.week}: if this file is {named}'s, fix the "
                f"week to {named}; if it is another {checkin.week}, move what it holds into "
                "that one and delete this file"
            )
        findings.append(
            Finding(
                file, ("week",), f'the file is named {named} but says week = "{checkin.week}"', hint
            )
        )
    problem = not_begun(file_week(file, checkin), today)
    if problem:
        findings.append(
            Finding(
                file,
                ("week",),
                problem,
                "check-ins record weeks that have begun",
                severity="warning",
            )
        )
    findings += _carried_yet_ended(
        file,
        checkin.commitments,
        "last_week",
        [(f.text, f.outcome) for f in checkin.last_week],
        [(c.text, c.carried) for c in checkin.commitments],
    )
    if indicators is not None:
        for key in checkin.readings:
            if key not in indicators:
                message, hint = _unknown_indicator(key, indicators)
                findings.append(
                    Finding(
                        file,
                        ("readings", key),
                        message + " in [readings]",
                        hint,
                        refers_to=(INDICATORS,),
                    )
                )
        for j, plan in enumerate(checkin.plans):
            if plan.indicator not in indicators:
                message, hint = _unknown_indicator(plan.indicator, indicators)
                findings.append(
                    Finding(file, ("plans", j, "indicator"), message, hint, refers_to=(INDICATORS,))
                )
    if choices is not None:
        for j, story in enumerate(checkin.stories):
            if story.choice is not None and story.choice != PURPOSE and story.choice not in choices:
                message, hint = _unknown_kept(
                    "strategic choice", STRATEGY, story.choice, choices | {PURPOSE}
                )
                findings.append(
                    Finding(file, ("stories", j, "choice"), message, hint, refers_to=(STRATEGY,))
                )
    if kinds is not None:
        for j, talk in enumerate(checkin.conversations):
            if talk.with_ not in kinds:
                findings.append(
                    Finding(
                        file,
                        ("conversations", j, "with"),
                        f"unknown kind of conversation '{talk.with_}'",
                        _kind_hint(talk.with_, kinds),
                        refers_to=(CONFIG,),
                    )
                )
    return findings


def _carried_yet_ended(
    file: str,
    commitments: Sequence[Commitment | MeetingCommitment],
    array: str,
    answers: Sequence[tuple[Hashable, str]],
    copies: Sequence[tuple[Hashable, int]],
) -> list[Finding]:
    """A commitment a record followed up as done or dropped (in `array`, as `answers`) and
    carried on as well (`commitments.ended_yet_carried`), named at the carried copy."""
    findings = []
    for index, answered in ended_yet_carried(list(answers), list(copies)):
        copy, outcome = commitments[index], answers[answered][1]
        where = f"[[{array}]] #{answered + 1}"
        findings.append(
            Finding(
                file,
                ("commitments", index, "carried"),
                f"“{short(copy.text)}” was {outcome} ({where}) but is carried on here "
                f"(carried = {copy.carried})",
                f"if it was {outcome}, remove this carried copy from [[commitments]]; "
                f'if it goes on, set its outcome in {where} to "carried"',
            )
        )
    return findings


def _kind_hint(value: str, kinds: Sequence[str]) -> str:
    close = difflib.get_close_matches(value, list(kinds), n=1, cutoff=0.6)
    mean = f"did you mean '{close[0]}'? " if close else ""
    return (
        f"{mean}the kinds are {', '.join(kinds)} "
        "(conversation_kinds in [settings] of leadwork.toml)"
    )
