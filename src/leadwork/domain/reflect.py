"""Confidence and challenges over a range of weeks: the evidence for the article's closing
question, "Which of these areas are you most confident in? Where are your challenges?"

Pure: the weeks and their check-ins in, the summary out. Rules (documented in docs/cli.md):
- An area's average is over the weeks that rated it; weeks without a rating are gaps.
- Its trend compares the later half of those ratings with the earlier half (the middle one
  left out when the count is odd): up by half a point or more is "rising", down by as much
  "falling", else "steady". Fewer than four ratings make no trend.
- A challenge or "most confident" line names an area when it starts with it, as
  "Alignment. No medical story…" does; "someone else's job" counts as its own kind.
- A week's note ("anything else about the week") is quoted beside them, named for no area.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from leadwork.domain.timeline import checkin_done
from leadwork.model.words import AREAS
from leadwork.weeks import Week

if TYPE_CHECKING:
    from leadwork.model.checkin import Checkin

TREND_POINTS = 0.5
TREND_MIN_RATINGS = 4
SOMEONE_ELSES_JOB = "someone else's job"
# What a line may start with, lower-cased, and the area it names.
_LEADS = (
    ("organizational capability", "capability"),
    ("organisational capability", "capability"),
    ("capabilities", "capability"),
    ("capability", "capability"),
    ("alignment", "alignment"),
    ("accountability", "accountability"),
    (SOMEONE_ELSES_JOB, SOMEONE_ELSES_JOB),
    ("someone elses job", SOMEONE_ELSES_JOB),
    ("someone else\u2019s job", SOMEONE_ELSES_JOB),
)
_WORD_END = re.compile(r"^($|[^\w])")


@dataclass(frozen=True)
class AreaConfidence:
    area: str
    ratings: tuple[int | None, ...]  # one per week of the range
    average: float | None
    low: int | None
    high: int | None
    trend: str | None  # "rising", "falling", "steady"; None with too few ratings
    latest: int | None

    @property
    def rated(self) -> int:
        return sum(r is not None for r in self.ratings)


@dataclass(frozen=True)
class Line:
    week: Week
    text: str
    area: str | None  # the area it starts with, if any


@dataclass(frozen=True)
class Reflection:
    weeks: tuple[Week, ...]
    checkins: int
    areas: tuple[AreaConfidence, ...]
    challenges: tuple[Line, ...]
    confident: tuple[Line, ...]
    # This week, when it has no check-in yet and the range, not told where to end, ends on
    # the latest week that has one (`window.range_ending`, the dashboard's rule); else None.
    unchecked_current: Week | None = None
    # Each week's `[reflection] note`, "anything else about the week": quoted as written,
    # never counted for an area (it answers neither question).
    notes: tuple[Line, ...] = ()
    # the last week's check-in was done (`timeline.checkin_done`), not readings only
    last_done: bool = True

    def _ranked(self, best: bool) -> tuple[list[str], float | None]:
        rated = [a for a in self.areas if a.average is not None]
        if not rated:
            return [], None
        pick = max if best else min
        value = pick(a.average for a in rated)  # type: ignore[type-var]
        return [a.area for a in rated if a.average == value], value

    @property
    def most_confident(self) -> tuple[list[str], float | None]:
        """The area(s) with the highest average, and that average."""
        return self._ranked(best=True)

    @property
    def least_confident(self) -> tuple[list[str], float | None]:
        return self._ranked(best=False)

    @property
    def challenge_areas(self) -> list[tuple[str, int]]:
        """Areas named at the start of challenges, most often first."""
        return _named(self.challenges)

    @property
    def confident_areas(self) -> list[tuple[str, int]]:
        return _named(self.confident)

    def area(self, name: str) -> AreaConfidence:
        return next(a for a in self.areas if a.area == name)


def _named(lines: Sequence[Line]) -> list[tuple[str, int]]:
    counts = Counter(line.area for line in lines if line.area is not None)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def named_area(text: str) -> str | None:
    """The area a reflection line starts with ("Alignment. …" -> "alignment")."""
    lowered = text.strip().lower()
    for lead, area in _LEADS:
        if lowered.startswith(lead) and _WORD_END.match(lowered[len(lead) :]):
            return area
    return None


def trend(ratings: Sequence[int]) -> str | None:
    if len(ratings) < TREND_MIN_RATINGS:
        return None
    half = len(ratings) // 2
    earlier = sum(ratings[:half]) / half
    later = sum(ratings[-half:]) / half
    if later - earlier >= TREND_POINTS:
        return "rising"
    if earlier - later >= TREND_POINTS:
        return "falling"
    return "steady"


def reflect(
    weeks: Sequence[Week], checkins: Mapping[Week, Checkin], unchecked_current: Week | None = None
) -> Reflection:
    areas = []
    for area in AREAS:
        ratings: list[int | None] = []
        for week in weeks:
            checkin = checkins.get(week)
            confidence = checkin.confidence if checkin is not None else None
            ratings.append(getattr(confidence, area) if confidence is not None else None)
        given = [r for r in ratings if r is not None]
        areas.append(
            AreaConfidence(
                area,
                tuple(ratings),
                sum(given) / len(given) if given else None,
                min(given) if given else None,
                max(given) if given else None,
                trend(given),
                given[-1] if given else None,
            )
        )
    challenges, confident, notes = [], [], []
    for week in weeks:
        checkin = checkins.get(week)
        if checkin is None or checkin.reflection is None:
            continue
        if checkin.reflection.challenge and checkin.reflection.challenge.strip():
            text = checkin.reflection.challenge.strip()
            challenges.append(Line(week, text, named_area(text)))
        if checkin.reflection.confident and checkin.reflection.confident.strip():
            text = checkin.reflection.confident.strip()
            confident.append(Line(week, text, named_area(text)))
        if checkin.reflection.note and checkin.reflection.note.strip():
            notes.append(Line(week, checkin.reflection.note.strip(), None))
    return Reflection(
        tuple(weeks),
        sum(1 for w in weeks if checkin_done(checkins.get(w))),
        tuple(areas),
        tuple(challenges),
        tuple(confident),
        unchecked_current,
        tuple(notes),
        checkin_done(checkins.get(weeks[-1])) if weeks else True,
    )
