"""The commitments loop: made in week N, followed up in week N+1, carried or not.

A commitment's `carried` count says how many times it has been carried over; three or
more is a pattern worth naming.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from leadwork.domain.wording import plural
from leadwork.plainclass import plainclass

if TYPE_CHECKING:
    from leadwork.model.checkin import Checkin, Commitment
    from leadwork.weeks import Week

CARRIED_TOO_OFTEN = 3

Key = TypeVar("Key")
Item = TypeVar("Item")


@dataclass
class DoneRate:
    done: int
    carried: int
    dropped: int
    # Follow-ups that answer no commitment of the record they follow up (`follow_up_rate`):
    # left out of the three counts above, and named apart (`leadwork check` says which).
    unmatched: int = 0

    @property
    def total(self) -> int:
        return self.done + self.carried + self.dropped

    @property
    def rate(self) -> float | None:
        """Share done, 0..1; None when there was nothing to follow up."""
        return self.done / self.total if self.total else None


def done_rate(outcomes: Iterable[str]) -> DoneRate:
    """From the outcomes recorded for last week's commitments ("done", "carried", "dropped")."""
    outcomes = list(outcomes)
    return DoneRate(outcomes.count("done"), outcomes.count("carried"), outcomes.count("dropped"))


def answers_nothing(
    answers: Sequence[Hashable], followed: Collection[Hashable] | None
) -> list[int]:
    """The one rule for which follow-ups count: the indexes of those among `answers` (the
    identities a record's follow-ups name: a text, or whose and a text) that answer none of
    `followed`, the commitments of the record they follow up (`follow_up_source`,
    `meeting_commitments.follow_up_source`). A commitment's wording corrected by hand after
    it was followed up leaves its follow-up answering nothing (seventh trial). `followed`
    None: not known (the record followed up was not read), so none is said to answer
    nothing."""
    if followed is None:
        return []
    known = set(followed)
    return [i for i, answer in enumerate(answers) if answer not in known]


def follow_up_rate(
    follow_ups: Iterable[tuple[Hashable, str]], followed: Collection[Hashable] | None
) -> DoneRate:
    """What became of the commitments followed up (identity, outcome), counting only the
    follow-ups that answer one of `followed` (`answers_nothing`); the others are `unmatched`.
    Every view that says a done rate counts through here."""
    pairs = list(follow_ups)
    stray = set(answers_nothing([identity for identity, _ in pairs], followed))
    rate = done_rate(o for i, (_, o) in enumerate(pairs) if i not in stray)
    rate.unmatched = len(stray)
    return rate


def weekly_rate(checkin: Checkin | None, source: Checkin | None) -> DoneRate:
    """A check-in's follow-ups counted against the open commitments of `source`, the
    check-in it follows up (`follow_up_source`; None when no earlier one made any)."""
    if checkin is None:
        return done_rate([])
    followed = {c.text for c in source.commitments} if source is not None else set()
    return follow_up_rate(((f.text, f.outcome) for f in checkin.last_week), followed)


def whose_commitments(week: Week, source: Week | None) -> str:
    """Whose commitments `week` follows up, as every view says it: "Last week's" when they
    come from the week before (or there are none), else that of the check-in that made
    them, "2026-W46's": after a skipped week they are not last week's (seventh trial).
    Followed by "commitments" or "done rate"."""
    if source is None or source == week.minus(1):
        return "Last week's"
    return f"{source}'s"


def unmatched_said(count: int) -> str:
    """What every view says of follow-ups that answer no commitment (`answers_nothing`):
    left out of its counts, and where to find which."""
    verb = "matches" if count == 1 else "match"
    return f"{plural(count, 'follow-up')} {verb} no commitment: see `leadwork check`"


def carried_too_often(carried: int) -> bool:
    return carried >= CARRIED_TOO_OFTEN


# The outcomes that end a commitment. A record (a check-in, a one-on-one) that follows a
# commitment up as ended and also carries it on (a copy in its own [[commitments]], the same
# text, `carried` above 0) says two things at once: every view would count it ended and ask
# about it again. A merge of two machines' weeks makes one (fifth trial): "carried" on one
# side, "dropped" on the other, and the carried copy stays whichever outcome is kept.
ENDED = ("dropped", "done")


def ended_yet_carried(
    follow_ups: Iterable[tuple[Hashable, str]], commitments: Iterable[tuple[Hashable, int]]
) -> list[tuple[int, int]]:
    """For each carried copy (`commitments`: identity and carried count, in the record's
    order) of a commitment the same record followed up as ended (`follow_ups`: identity and
    outcome), beyond those its "carried" follow-ups account for: (the copy's index, the
    ended follow-up's index). Two commitments of one text, one carried and one dropped,
    rightly leave one carried copy: only a copy no "carried" answers is a contradiction."""
    ended: dict[Hashable, int] = {}
    carried_on: dict[Hashable, int] = {}
    for index, (identity, outcome) in enumerate(follow_ups):
        if outcome in ENDED:
            ended.setdefault(identity, index)
        elif outcome == "carried":
            carried_on[identity] = carried_on.get(identity, 0) + 1
    found = []
    for index, (identity, carried) in enumerate(commitments):
        if carried > 0 and identity in ended:
            if carried_on.get(identity, 0) > 0:
                carried_on[identity] -= 1  # this copy is the one a "carried" answer made
            else:
                found.append((index, ended[identity]))
    return found


def keep_ended(outcomes: Iterable[str]) -> str | None:
    """Two outcomes for one commitment, from two machines (a merge's conflict), one of them
    "carried": keeping the other (done or dropped) leaves the carried copy the first one
    added, which must go too (`ended_yet_carried`). None for any other pair."""
    given = set(outcomes)
    ended = [outcome for outcome in ENDED if outcome in given]
    if "carried" not in given or not ended:
        return None
    return f'if you keep "{ended[0]}", also remove its carried copy from [[commitments]]'


def carried_advice(carried: int, text: str, whose: str | None = None) -> str:
    """What every view says of a commitment carried too often: one wording. `whose` names
    a one-on-one commitment's person ("Aisha's, from your one-on-one")."""
    source = f" ({whose})" if whose else ""
    return f"Carried {carried} times: “{text}”{source}. Do it, delegate it or drop it."


# ---- which commitments are still open ------------------------------------------------------
#
# Real weeks are irregular: a week may be skipped, or hold only a story captured on Tuesday;
# a one-on-one may end without new commitments. So the commitments to follow up are not
# those of the calendar's last week but the open ones of the latest record (check-in or
# one-on-one) that made any, however long ago. A commitment never disappears without an
# outcome, and its carried count goes on from where it was.


@plainclass
class OpenSource(Generic[Key, Item]):
    """The latest record that made commitments: its key (a week, a date), all it made, and
    those of them no later record has answered."""

    key: Key
    made: tuple[Item, ...]
    open: tuple[Item, ...]
    # For each of `open`, the key of the record that made it: an older record's commitment
    # still open is listed as made then, not in the latest record (third trial's r3).
    made_in: tuple[Key, ...] = ()


def commitments_to_follow_up(
    newest_first: Iterable[tuple[Key, Sequence[Item], Iterable[Hashable]]],
    identity: Callable[[Item], Hashable],
    further: Callable[[Key, Key], bool] | None = None,
) -> OpenSource[Key, Item] | None:
    """The open commitments of the latest record that made any, and, while
    `further(that record's key, an older record's key)` says so, the ones older records
    made and no later one answered.

    `newest_first` holds, for each record before the one being written (newest first), its
    key, its commitments and the identities of the commitments it answered. It may be lazy
    (the store reads files one by one) and is read only as far as needed. A record without
    commitments is passed over, but what it answered counts as answered.

    One-on-ones stop at the latest meeting that made commitments (recording a meeting
    needs an outcome for each of them); a check-in may leave some unanswered, so the
    weekly loop looks further back (`further`), or they would vanish."""
    answered: set[Hashable] = set()
    found: OpenSource[Key, Item] | None = None
    still_open: list[tuple[Key, Item]] = []
    for key, made, answers in newest_first:
        if found is not None and (further is None or not further(found.key, key)):
            break
        if made:
            mine = [c for c in made if identity(c) not in answered]
            known = {identity(c) for _, c in still_open}
            still_open += [(key, c) for c in mine if identity(c) not in known]
            if found is None:
                found = OpenSource(key, tuple(made), ())
        answered.update(answers)
    if found is None:
        return None
    return OpenSource(
        found.key,
        found.made,
        tuple(c for _, c in still_open),
        tuple(k for k, _ in still_open),
    )


# A commitment a check-in left without an outcome is asked about again for this long.
OPEN_COMMITMENTS_WEEKS = 26


def follow_up_source(
    newest_first: Iterable[tuple[Week, Checkin]], answered_later: Collection[str] = ()
) -> tuple[Week, Checkin] | None:
    """The check-in whose commitments this week follows up, holding its open ones
    (`follow_up`, without the week that made each)."""
    found = follow_up(newest_first, answered_later)
    return None if found is None else (found.week, found.checkin)


def open_by_week(made_in: Iterable[Week]) -> tuple[tuple[Week, int], ...]:
    """How many of the open commitments a week follows up each check-in made (`made_in`,
    one week per commitment, `follow_up`'s), newest first: the check-in the week follows
    up, then older ones whose commitments no later one answered, ((2027-W01, 1), (2026-W53,
    1)). Every view counts the line's own week apart from the older ones, which it names
    by their week ("1 open from 2026-W53"), never under the line's."""
    made = list(made_in)
    return tuple((w, made.count(w)) for w in sorted(set(made), reverse=True))


def follow_up(
    newest_first: Iterable[tuple[Week, Checkin]], answered_later: Collection[str] = ()
) -> WeeklyFollowUp | None:
    """The check-in whose commitments this week follows up, holding its open ones
    (`weekly_follow_up`), with the week that made each (an older check-in's still open:
    the dashboard names it, "1 open from 2026-W53"). When none is open, because a later
    check-in gave each an outcome, the latest done check-in before the week
    (`timeline.checkin_done`), which made none: the week follows up nothing of the older
    one, and every view names the newer one
    (`whose_commitments`: "Last week's commitments  none made", not "2026-W51's" of
    commitments answered in 2026-W53). A week of readings only is passed over: it made none
    because it was no check-in."""
    from leadwork.domain.timeline import checkin_done

    done: list[tuple[Week, Checkin]] = []

    def walk() -> Iterator[tuple[Week, Checkin]]:
        for item in newest_first:
            if not done and checkin_done(item[1]):
                done.append(item)
            yield item

    found = weekly_follow_up(walk(), answered_later)
    if found is None:
        return None
    if not found.checkin.commitments and done and done[0][0] != found.week:
        return WeeklyFollowUp(done[0][0], done[0][1], ())
    return found


def open_weekly(
    newest_first: Iterable[tuple[Week, Checkin]], answered_later: Collection[str] = ()
) -> list[tuple[Week, Commitment]]:
    """The open weekly commitments `follow_up_source` finds, each with the week of the
    check-in that made it: one an older check-in made and no later one answered is listed as
    made then, and due by then (`leadwork commitments`, as the dashboard dates it)."""
    found = weekly_follow_up(newest_first, answered_later)
    if found is None:
        return []
    return list(zip(found.made_in, found.checkin.commitments, strict=True))


def next_follow_up(later: Iterable[tuple[Week, Checkin]]) -> tuple[Week, Checkin] | None:
    """The check-in that followed up a week's commitments: the first after it (`later`,
    oldest first) that followed anything up. What it answered is not asked again in the
    week (`store.follow_ups`); a commitment the week made after it (a rerun of an earlier
    week that carries or adds one, trial 18) is not among them, and only a rerun of this
    one, or the next check-in, asks about it (`left_unanswered`)."""
    return next(((week, checkin) for week, checkin in later if checkin.last_week), None)


def left_unanswered(
    made: Iterable[Hashable], follower: Checkin, answered_since: Collection[Hashable]
) -> list[int]:
    """The indexes of `made` (a week's commitments) that `follower`, the check-in that
    followed up the week's commitments (`next_follow_up`), left without an outcome and no
    check-in since has answered (`answered_since`): still open, though their week was
    followed up. None when `follower` answered none of them (it followed up an older
    week's: the week's own were made after it)."""
    made = list(made)
    answered = {f.text for f in follower.last_week}
    if not answered & set(made):
        return []
    return [i for i, text in enumerate(made) if text not in answered and text not in answered_since]


@plainclass(frozen=True)
class WeeklyFollowUp:
    week: Week  # the latest check-in that made commitments
    checkin: Checkin  # that check-in, holding only the open commitments
    made_in: tuple[Week, ...]  # for each of them, the week of the check-in that made it


def weekly_follow_up(
    newest_first: Iterable[tuple[Week, Checkin]], answered_later: Collection[str] = ()
) -> WeeklyFollowUp | None:
    """The check-in whose commitments this week follows up: the latest earlier one that made
    any (skipped and capture-only weeks are passed over), holding its commitments that no
    later check-in answered, then those of earlier check-ins (up to OPEN_COMMITMENTS_WEEKS
    before it) still without an outcome: a check-in that made new commitments without
    answering the old ones does not make them vanish. The carried counts go on.

    `answered_later`: what the next check-in after this week already followed up (a
    skipped week filled in afterwards): those are not asked, nor counted, twice."""
    found = commitments_to_follow_up(
        (((w, c), c.commitments, [f.text for f in c.last_week]) for w, c in newest_first),
        lambda c: c.text,
        further=lambda first, key: first[0].weeks_since(key[0]) < OPEN_COMMITMENTS_WEEKS,
    )
    if found is None:
        return None
    week, checkin = found.key
    still = [
        (made_in[0], c)
        for made_in, c in zip(found.made_in, found.open, strict=True)
        if c.text not in answered_later
    ]
    return WeeklyFollowUp(
        week,
        checkin.model_copy(update={"commitments": [c for _, c in still]}),
        tuple(w for w, _ in still),
    )
