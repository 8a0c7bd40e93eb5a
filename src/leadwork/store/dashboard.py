"""Read what one week's dashboard needs, and nothing older.

Files are chosen by the week or date in their names before any is opened:
- the five definition files;
- check-ins: the weeks the view judges (13, or more if a setting reaches further) and the
  weeks since the last strategy review, at most 26 (`domain/window.py`);
- strategy reviews: the latest one up to the day shown;
- capability reviews: for a day before the latest one that set a level, what
  `level_reviews` needs to say each capability's level on that day;
- one-on-ones: each person's latest up to the day shown, and every one since the oldest
  course-correct run began (a plan recorded there counts);
- when the first of those check-in weeks has no file, the check-ins folder's names, for
  the journal's first week (`first_checkin_week`: "no story since the journal began").
Ten years of history cost what one year does: a folder listing, and the same few files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from leadwork.domain.review import last_strategy_review
from leadwork.domain.scoreboard import (
    EPISODE_REACH_WEEKS,
    episode_reaches_back,
    plan_search_start,
)
from leadwork.domain.timeline import checked_in, checkin_done
from leadwork.domain.window import (
    ShownWeek,
    checkin_weeks_needed,
    choose_week,
    judged_weeks,
    period_reach,
    reading_weeks_needed,
)
from leadwork.errors import UsageProblem
from leadwork.layout import dated_order
from leadwork.plainclass import plainclass
from leadwork.store.journal import Entry, Journal
from leadwork.weeks import SHOWN_WEEKS, Week, not_begun, week_range

if TYPE_CHECKING:
    from leadwork.model.checkin import Checkin
    from leadwork.model.indicators import Indicator
    from leadwork.model.journal import Definitions
    from leadwork.model.one_on_one import OneOnOne
    from leadwork.model.review import CapabilityReview, StrategyReview
    from leadwork.model.settings import Settings

STRATEGY_REVIEW = "strategy"  # the subject in a strategy review's file name
CAPABILITY_REVIEW = "capability-"  # a capability review's subject, before the capability's id


@plainclass(frozen=True)
class WeekInputs:
    definitions: Definitions
    checkins: dict[Week, Checkin]
    one_on_ones: list[OneOnOne]
    # the latest strategy review, and the capability reviews `level_reviews` reads
    reviews: list[StrategyReview | CapabilityReview]
    shown: ShownWeek
    since: Week | None = None  # judged from this week: an off-track episode reaches back
    began: Week | None = None  # the journal's first check-in week (`first_checkin_week`)


def latest_checkin_week(
    journal: Journal,
    current: Week,
    counts: Callable[[Checkin | None], bool] = checked_in,
    since: Week | None = None,
) -> Week | None:
    """The latest week up to `current` that `counts` (`timeline.checked_in`: a view can
    stand on it; `timeline.checkin_done`: its check-in was done), none before `since`; a
    week holding only captured stories counts for neither. This week's and last week's
    files are looked for by name; only when neither counts is the folder listed."""
    for week in (current, current.minus(1)):
        if counts(journal.checkin(week)):
            return week
    return journal.latest_checked_in(current, counts, since)


def shown_week(journal: Journal, requested: Week | None, today: dt.date) -> ShownWeek:
    current = Week.of(today)
    problem = None if requested is None else not_begun(requested, today)
    if problem:
        raise UsageProblem(
            problem,
            hint="ask for the current week, or for one that has begun",
            given="week",
        )
    if requested is not None:
        return choose_week(requested, today, None)
    latest = latest_checkin_week(journal, current)
    done = latest
    if latest is not None and not checkin_done(journal.checkin(latest)):
        # That week holds readings only: the latest done within the weeks a view shows
        # (`needs_you.checkin_missing` says "in 13 weeks" beyond), so that a journal of
        # imported readings is not read back to its first week.
        since = latest.minus(SHOWN_WEEKS - 1)
        done = latest_checkin_week(journal, latest, checkin_done, since)
    return choose_week(requested, today, latest, done)


def one_on_ones_to_read(
    entries: Iterable[Entry], people: Iterable[str], as_of: dt.date, since: dt.date | None
) -> list[Entry]:
    """Each person's latest file up to `as_of`, and every file from `since` to `as_of`.

    A name's person part may carry a suffix for a second meeting that day
    (`2026-11-24-maria-2.toml`), so files are grouped by that part and each group's latest
    is taken; the models say whose each really is."""
    ids = set(people)
    latest: dict[str, Entry] = {}
    chosen: dict[str, Entry] = {}
    for entry in entries:  # oldest first
        if entry.date > as_of:
            continue
        if _names_a_person(entry.rest, ids):
            latest[entry.rest] = entry
        if since is not None and entry.date >= since:
            chosen[entry.rel] = entry
    for entry in latest.values():
        chosen[entry.rel] = entry
    return sorted(chosen.values(), key=lambda e: dated_order(e.rel))


def _back_to_commitments(
    journal: Journal,
    listed: Sequence[Entry],
    read: Sequence[Entry],
    meetings: Sequence[OneOnOne],
    as_of: dt.date,
) -> list[OneOnOne]:
    """For each person none of whose meetings read made a commitment, the earlier ones back
    to the latest that made any: its commitments stay open until a meeting answers them
    (`one_on_one.open_commitments`), even past a meeting that recorded no outcome. Read
    newest first, and only as far as needed (usually not at all)."""
    made = {m.person for m in meetings if m.commitments}
    wanting = {m.person for m in meetings} - made
    if not wanting:
        return []
    done = {e.rel for e in read}
    found: list[OneOnOne] = []
    for entry in reversed(listed):
        if not wanting:
            break
        if entry.rel in done or entry.date > as_of or not _names_a_person(entry.rest, wanting):
            continue
        meeting = journal.one_on_one(entry)
        if meeting.person in wanting:
            found.append(meeting)
            if meeting.commitments:
                wanting.discard(meeting.person)
    return found


def _names_a_person(rest: str, ids: set[str]) -> bool:
    """`rest` is a person's id, or an id and a "-suffix". Set lookups of each prefix ending
    before a "-": ten years of one-on-ones times twenty people made the plain scan of
    every id the slowest part of reading a week (issue 6)."""
    if rest in ids:
        return True
    cut = rest.find("-")
    while cut != -1:
        if rest[:cut] in ids:
            return True
        cut = rest.find("-", cut + 1)
    return False


def reach_for_episodes(
    journal: Journal,
    stand: Week,
    settings: Settings,
    indicators: Sequence[Indicator],
    checkins: dict[Week, Checkin],
) -> Week | None:
    """Read further back while an indicator's off-track episode reaches the first week a
    view judges (a plan recorded when it began must stay in force), a quarter at a time
    and at most EPISODE_REACH_WEEKS in all. Adds what it reads to `checkins`; returns the
    first week to judge from, or None for the usual weeks. Nothing is read when no
    episode is that long."""
    weeks = judged_weeks(stand, settings)
    limit = stand.minus(EPISODE_REACH_WEEKS - 1)
    reaching = [i for i in indicators if episode_reaches_back(i, checkins, weeks)]
    since = None
    while reaching and weeks[0] > limit:
        since = max(weeks[0].minus(SHOWN_WEEKS), limit)
        wanted = week_range(since.minus(period_reach(indicators)), weeks[0])
        checkins.update(journal.checkins([w for w in wanted if w not in checkins]))
        weeks = week_range(since, stand)
        reaching = [i for i in reaching if episode_reaches_back(i, checkins, weeks)]
    return since


def first_checkin_week(
    journal: Journal, weeks: Sequence[Week], read: Iterable[Week]
) -> Week | None:
    """The journal's first check-in week, as far as a quiet spell needs it
    (`wording.quiet_for`: "since the journal began"). The first of the weeks `read` when
    it is the first week asked for (`weeks`): the journal began then or earlier, which
    says the same. Otherwise the folder is listed: a young journal, or a skipped week."""
    first = min(read, default=None)
    if first is not None and weeks and first <= weeks[0]:
        return first
    return journal.first_checkin_week()


def read_week(journal: Journal, requested: Week | None, today: dt.date) -> WeekInputs:
    return read_shown(journal, shown_week(journal, requested, today))


def read_shown(journal: Journal, shown: ShownWeek) -> WeekInputs:
    """What the dashboard of the week `shown` reads (`shown_week` chose it)."""
    definitions = journal.definitions()
    settings = definitions.config.settings

    review_files = journal.review_entries()
    reviews = [e for e in review_files if e.rest == STRATEGY_REVIEW and e.date <= shown.as_of]
    latest = [journal.review(reviews[-1])] if reviews else []
    strategy_reviews: list[StrategyReview | CapabilityReview] = [
        r for r in latest if r.kind == "strategy"
    ]
    reviewed_on = last_strategy_review(
        definitions.strategy, [r.date for r in strategy_reviews], shown.as_of
    ).on

    weeks = checkin_weeks_needed(
        shown.week, settings, reviewed_on, definitions.indicators.indicators
    )
    if shown.is_fallback:  # what was captured since the week shown counts too
        weeks = sorted(set(weeks) | set(week_range(shown.week, shown.current)))
    checkins = journal.checkins(weeks)
    judged_since, listed, entries = _judged(journal, definitions, shown, checkins)
    meetings = [journal.one_on_one(e) for e in entries]
    meetings += _back_to_commitments(journal, listed, entries, meetings, shown.as_of)
    began = first_checkin_week(journal, weeks, checkins)
    read = [*strategy_reviews, *level_reviews(journal, shown.as_of, review_files)]
    return WeekInputs(definitions, checkins, meetings, read, shown, judged_since, began)


def level_reviews(
    journal: Journal, as_of: dt.date, listed: Sequence[Entry] | None = None
) -> list[CapabilityReview]:
    """The capability reviews that say each capability's level on `as_of`
    (`domain.capability.level_on`): those dated after it that set a level and, for each
    capability one of them is about, the latest on or before it that set one. Chosen by
    the dates and subjects in their names; none is opened when no capability review is
    dated after `as_of` (a view of this week), and only those needed otherwise. `listed`:
    `journal.review_entries()`, when the caller has it."""
    if listed is None:
        listed = journal.review_entries()
    entries = [e for e in listed if e.rest.startswith(CAPABILITY_REVIEW)]
    found: list[CapabilityReview] = []
    for entry in entries:
        if entry.date > as_of:
            review = journal.review(entry)
            if review.kind == "capability" and review.level is not None:
                found.append(review)
    wanting = {r.capability for r in found}
    for entry in reversed(entries):  # newest first, only as far as needed
        if not wanting:
            break
        if entry.date > as_of or entry.rest.removeprefix(CAPABILITY_REVIEW) not in wanting:
            continue
        review = journal.review(entry)
        if review.kind == "capability" and review.level is not None:
            found.append(review)
            wanting.discard(review.capability)
    return sorted(found, key=lambda r: r.date)


def read_tracks(journal: Journal, shown: ShownWeek) -> WeekInputs:
    """Only what the dashboard of the week `shown` judges its indicators with (the rest of
    its reads, signal weeks and reviews, are left out; `reviews` is empty): the check-ins
    of the weeks it judges (`window.reading_weeks_needed`, further back while an off-track
    episode reaches) and the one-on-ones that may hold the plan in force. A report judges
    the end of its range with them."""
    definitions = journal.definitions()
    indicators = definitions.indicators.indicators
    weeks = reading_weeks_needed(shown.week, definitions.config.settings, indicators)
    checkins = journal.checkins(weeks)
    judged_since, _, entries = _judged(journal, definitions, shown, checkins)
    meetings = [journal.one_on_one(e) for e in entries]
    return WeekInputs(definitions, checkins, meetings, [], shown, judged_since)


def plan_meetings(
    journal: Journal,
    indicators: Sequence[Indicator],
    checkins: dict[Week, Checkin],
    stand: Week,
    settings: Settings,
    since: Week | None,
    as_of: dt.date,
) -> list[OneOnOne]:
    """Every one-on-one, with anyone, that may hold the plan in force for an off-track
    episode as of the week `stand`: from the oldest episode's first Monday
    (`plan_search_start`) to `as_of`, as the dashboard reads them (`_judged`). A plan is in
    force for its episode whoever it was agreed with, so a one-on-one's preparation finds
    the previous owner's plan after a handover, as the dashboard and the report count it."""
    start = plan_search_start(indicators, checkins, stand, settings, since)
    if start is None:
        return []
    entries = one_on_ones_to_read(journal.one_on_one_entries(), (), as_of, start)
    return [journal.one_on_one(e) for e in entries]


def _judged(
    journal: Journal, definitions: Definitions, shown: ShownWeek, checkins: dict[Week, Checkin]
) -> tuple[Week | None, list[Entry], list[Entry]]:
    """Reach back while an off-track episode does (adding to `checkins`), then choose the
    one-on-ones to read: each person's latest, and every one since the oldest episode began
    (a plan recorded there counts). Returns the first week judged (None: the usual weeks),
    the one-on-ones listed and those chosen."""
    settings = definitions.config.settings
    indicators = definitions.indicators.indicators
    judged_since = reach_for_episodes(journal, shown.week, settings, indicators, checkins)
    since = plan_search_start(indicators, checkins, shown.week, settings, judged_since)
    listed = journal.one_on_one_entries()  # listed once: the folder may hold thousands
    entries = one_on_ones_to_read(
        listed, [p.id for p in definitions.team.people], shown.as_of, since
    )
    return judged_since, listed, entries
