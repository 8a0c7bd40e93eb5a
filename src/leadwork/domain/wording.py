"""Small pieces of wording shared by "Needs you" and every renderer, so a date or a status
reads the same in the terminal, in markdown and in the JSON's messages (a value: see
`domain.values`)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping
from typing import TYPE_CHECKING

from leadwork.model.words import ME
from leadwork.weeks import Week

if TYPE_CHECKING:
    from leadwork.domain.status import WeekStatus
    from leadwork.domain.timeline import Period

STATUS_WORDS = {
    "celebrate": "celebrate",
    "on-track": "on track",
    "at-risk": "at risk",
    "course-correct": "course-correct",
    "no-data": "no data",
}


def short_date(day: dt.date, ref: dt.date) -> str:
    """'18 Nov', or '18 Nov 2025' when the year differs from the day the view is for."""
    text = f"{day.day} {day:%b}"
    return text if day.year == ref.year else f"{text} {day.year}"


def due_for(period: object) -> str:
    """A month's or quarter's reading not in yet, and not overdue (`status.due_period`):
    "due for Nov 2026", the one wording of the dashboard's note, `indicator list|show`, the
    one-on-one preparation and the check-in's question. It is said instead of "no data"
    wherever a view shows the indicator's latest value beside its status."""
    return f"due for {period}"


def agreed_new(day: dt.date) -> str:
    """An indicator agreed after the week a view stands on, by the view's day
    (`timeline.agreed_since`): "new, agreed 7 Dec", the one wording of the dashboard's
    note, `indicator list|show` and the one-on-one preparation, beside "no data". Days
    old at most, so the year goes without saying."""
    return f"new, agreed {short_date(day, day)}"


def only_readings(week: Week) -> str:
    """After a check-in run that leaves its week holding readings alone
    (`timeline.checkin_done`: not a check-in): what is still missing, and how to add it.
    The one wording of "only readings" with `no_checkin_only_readings`."""
    return (
        f"Only readings: {week}'s check-in is not done yet (readings alone are not a "
        "check-in). Answer the hours, confidence or commitments to complete it: "
        f"`leadwork checkin --week {week}`."
    )


def no_checkin_only_readings(weeks: int | None) -> str:
    """Needs you, when the latest weeks hold readings but no check-in was done: "in 13
    weeks" (`weeks`) when the journal had check-in files before them, "yet" (None) when
    it did not."""
    when = "yet" if weeks is None else f"in {weeks} weeks"
    return f"No check-in {when}, only readings: run `leadwork checkin`."


def short_period(period: Period) -> str:
    """A month or quarter named short beside the next one's: "Nov", "Q3" (a week in full)."""
    if period.cadence == "monthly":
        return str(period).split()[0]
    if period.cadence == "quarterly":
        return f"Q{period.number}"
    return str(period)


def held_reading(held: WeekStatus, value: str) -> str:
    """The off-track reading an episode goes on from while the next month (quarter) awaits
    its own (`status.episode_held`): "Nov 84% at risk". `value` is formatted by the
    caller, as its view shows values."""
    period = short_period(held.period) if held.period is not None else str(held.week)
    return f"{period} {value} {STATUS_WORDS[held.status]}"


def due_and_held(due: object, held: WeekStatus | None, value: str) -> str:
    """A month's (quarter's) reading due (`due_for`), and the off-track reading the episode
    goes on from meanwhile, if any (`held_reading`): "due for Dec 2026 · Nov 84% at risk",
    the one wording of the dashboard's note, `map`, `indicator list` and the one-on-one
    preparation; the status beside it stays "no data"."""
    said = due_for(due)
    return said if held is None else f"{said} · {held_reading(held, value)}"


def no_reading_for(period: object) -> str:
    """A month or quarter that ended without a reading (`status.missed_period`): "no reading
    for Feb 2027", the one wording of the dashboard's row note, `indicator list|show` and
    the one-on-one preparation, named until it is read."""
    return f"no reading for {period}"


def possessive(name: str, *, plural: bool = False) -> str:
    """A name's possessive, as every message says it: a person's "Aisha's", "Marcus's"; and
    a thing named in the plural (`plural`: an indicator, "Customer complaints") ending in s
    takes the apostrophe alone: "Customer complaints'", never "complaints's"."""
    return f"{name}'" if plural and name.endswith(("s", "S")) else f"{name}'s"


def listed(names: list[str]) -> str:
    """Names in a sentence: "Jan", "Jan and Aisha", "Jan, Aisha and Tomasz"."""
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def latest_instead(current: Week, latest: Week, doing: str, done: bool = True) -> str:
    """Why a view stands on `latest` and not on this week (`window.choose_week`), said the
    same by each: "2026-W46 has no check-in yet: showing 2026-W45, the latest" (`doing`:
    "showing", "the report ends on"); "the latest with readings" when `latest` holds
    readings but its check-in was not done (`timeline.checkin_done`)."""
    return f"{current} has no check-in yet: {doing} {latest}, the latest" + (
        "" if done else " with readings"
    )


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"


HONORIFICS = frozenset(
    {
        "dr",
        "mr",
        "mrs",
        "ms",
        "mx",
        "miss",
        "prof",
        "professor",
        "sir",
        "dame",
        "rev",
        "lord",
        "lady",
    }
)


def name_key(name: str) -> str:
    """A name as it is matched, not shown: any case, accents and titles dropped, spaces
    collapsed. "Dr. Raj  Mehta", "raj mehta" and "Dr Raj Mehta" have one key; "Tomás"
    and "Tomas" too."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    words = [w for w in plain.casefold().split() if w.rstrip(".") not in HONORIFICS]
    return " ".join(words)


def first_name(name: str) -> str:
    """The name a person is called by: the first word of `name` that is not a title.

    Titles skipped (with or without a full stop, any case): Dr, Mr, Mrs, Ms, Mx, Miss,
    Prof, Professor, Sir, Dame, Rev, Lord, Lady. "Dr. Amara Okafor" -> "Amara"; a name
    made only of a title is kept whole ("Dr." -> "Dr."). Every view that shows a first
    name (one-on-one preparations, "Needs you", the commitments list) calls this.
    """
    words = name.split()
    given = [w for w in words if w.rstrip(".").casefold() not in HONORIFICS]
    return given[0] if given else (words[0] if words else name)


def owner_word(owner: str | None, you: str = "you") -> str | None:
    """An owner as a list of ids shows it: `you` (or the leader's first name, in what is
    shared) for "me", the team id for anyone else."""
    return you if owner == ME else owner


def person_word(who: str | None, short: Mapping[str, str]) -> str | None:
    """Who a story, a conversation or an indicator is about as a reader knows them: the
    name for a team id (`short`: `short_names`), anything else as written."""
    return short.get(who, who) if who else who


def short_names(names: Mapping[str, str]) -> dict[str, str]:
    """Team ids -> what a list calls each person: the first name (`first_name`), or the
    full name where two people of the team share a first name (two Priyas: "Priya Raman"
    and "Priya Shah"), and the full name with the id where they share that too; the id of
    someone without a name. The one rule of every view that names team members in a
    list: the dashboard, "Needs you", the report, `leadwork commitments`."""
    firsts = {pid: first_name(name) if name.split() else pid for pid, name in names.items()}
    seen = [first.casefold() for first in firsts.values()]
    full = [" ".join(name.split()).casefold() for name in names.values()]
    short = {}
    for pid, name in names.items():
        whole = " ".join(name.split())
        if seen.count(firsts[pid].casefold()) == 1:
            short[pid] = firsts[pid]
        elif full.count(whole.casefold()) == 1:
            short[pid] = whole
        else:
            short[pid] = f"{whole} ({pid})" if whole else pid
    return short


def ago(days: int) -> str:
    """How long ago a day was, `days` before the day a view is for: "today", "1 day ago",
    "13 days ago" under two weeks (a count of whole weeks would say "0 weeks ago" of a
    review three days old, "1 week ago" of one 13 days old), then "2 weeks ago". The one
    wording of "N weeks ago" for a date: the strategy's review on the dashboard, in "Needs
    you" and `review strategy`, and how long ago a person joined (`quiet_for`)."""
    if days <= 0:
        return "today"
    if days < 14:
        return f"{plural(days, 'day')} ago"
    return f"{plural(days // 7, 'week')} ago"


def quiet_for(
    last: Week | None,
    through: Week,
    what: str,
    label: str,
    began: Week | None,
    searched: int | None,
    since: str = "the journal began",
    began_ago: str | None = None,
) -> str:
    """How long a choice or the customers have been quiet, said with the real gap, never
    the setting, and never longer than the journal: "no story for 11 weeks (the last was in
    W02)". With none at all: "no story in the last 13 weeks" over the `searched` weeks
    ending with `through` (`alignment.searched_weeks`; None: the whole journal was
    searched); "no story since the journal began, 6 weeks ago" when its first check-in
    (`began`) is within them; "no story in the journal yet" without one. The one wording of
    the dashboard, "Needs you", `review strategy` and a one-on-one's preparation, which
    searches from the day the person joined when that is within the weeks (`since`:
    "joining the team"; `began_ago`: that day's `ago`, "1 day ago", said instead of the
    weeks). `label` is how a view writes `last`."""
    if last is not None:
        weeks = plural(through.weeks_since(last), "week")
        return f"no {what} for {weeks} (the last was in {label})"
    if began is None:
        return f"no {what} in the journal yet"
    if searched is None or began > through.minus(searched - 1):
        age = through.weeks_since(began)
        when = began_ago or ("this week" if age <= 0 else f"{plural(age, 'week')} ago")
        when = f" {when}" if when in ("today", "this week") else f", {when}"
        return f"no {what} since {since}{when}"
    return f"no {what} in the last {plural(searched, 'week')}"
