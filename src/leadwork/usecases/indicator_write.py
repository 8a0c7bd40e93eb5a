"""`leadwork indicator add|change`: an indicator agreed with a report, or a change of its
target, thresholds or owner, written into indicators.toml keeping every line as it was."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, overload

from leadwork.errors import UsageProblem
from leadwork.layout import INDICATORS

if TYPE_CHECKING:
    import datetime as dt

    from leadwork.model.indicators import Indicator
    from leadwork.store.journal import Journal


@dataclass(frozen=True)
class AddRequest:
    id: str
    name: str
    owner: str  # a team id, or model.words.ME
    direction: str  # "higher" or "lower"
    target: float
    celebrate: float
    course_correct: float
    agreed_on: dt.date
    unit: str = ""
    serves: tuple[str, ...] = ()
    agreed_with: tuple[str, ...] = ()  # default: the owner, unless it is the leader
    note: str | None = None
    cadence: str = "weekly"


@dataclass(frozen=True)
class ChangeRequest:
    id: str
    since: dt.date
    target: float | None = None
    celebrate: float | None = None
    course_correct: float | None = None
    agreed_with: tuple[str, ...] = ()  # default: the owner from `since` on, unless the leader
    note: str | None = None
    owner: str | None = None  # hands it on from `since`: a team id, or model.words.ME


@dataclass(frozen=True)
class Added:
    indicator: Indicator
    old: str  # indicators.toml before, and after: the lines added are shown
    new: str

    @property
    def written(self) -> tuple[str, ...]:
        """The file saved (`cli/output.emit` names it if the summary cannot be shown)."""
        return (INDICATORS,) if self.new != self.old else ()


@dataclass(frozen=True)
class Changed:
    indicator: Indicator
    since: dt.date
    described: str  # "target 2 → 2.5, celebrate 1.5 → 1.8"
    old: str
    new: str

    @property
    def written(self) -> tuple[str, ...]:
        """The file saved (`cli/output.emit` names it if the summary cannot be shown)."""
        return (INDICATORS,) if self.new != self.old else ()


@overload
def run(journal: Journal, request: AddRequest, today: dt.date) -> Added: ...
@overload
def run(journal: Journal, request: ChangeRequest, today: dt.date) -> Changed: ...
def run(journal: Journal, request: AddRequest | ChangeRequest, today: dt.date) -> Added | Changed:
    """Checks the request against the journal's definitions, then writes under the lock."""
    if isinstance(request, AddRequest):
        return _add(journal, request)
    return _change(journal, request)


def _definitions(journal: Journal) -> tuple[list[Indicator], set[str], set[str]]:
    indicators = list(journal.indicators().indicators)
    people = {p.id for p in journal.team().people}
    choices = {c.id for c in journal.strategy().choices}
    capabilities = {c.id for c in journal.capabilities().capabilities}
    return indicators, people, choices | capabilities


def _add(journal: Journal, request: AddRequest) -> Added:
    from leadwork.domain.id_safety import checked_id
    from leadwork.domain.joint_indicators import new_indicator
    from leadwork.domain.timeline import CADENCES
    from leadwork.model.words import ME
    from leadwork.store.atomic import journal_lock
    from leadwork.store.indicator_edits import append_indicator

    indicators, people, servable = _definitions(journal)
    checked_id(request.owner, "person", "owner")
    mine = request.owner == ME
    if request.direction not in ("higher", "lower"):
        raise UsageProblem(f"'{request.direction}' must be 'higher' or 'lower'", given="direction")
    if request.cadence not in CADENCES:
        raise UsageProblem(
            f"'{request.cadence}' must be one of {', '.join(CADENCES)}", given="cadence"
        )
    data: dict[str, Any] = {
        "id": request.id,
        "name": request.name,
        "owner": request.owner,
        "agreed_with": list(request.agreed_with) or ([] if mine else [request.owner]),
        "agreed_on": request.agreed_on,
        "serves": list(request.serves),
        "unit": request.unit,
        "direction": request.direction,
        **({"cadence": request.cadence} if request.cadence != "weekly" else {}),
        "target": request.target,
        "celebrate": request.celebrate,
        "course_correct": request.course_correct,
    }
    if request.note:
        data["note"] = request.note
    indicator = new_indicator(data, indicators, people, servable)
    with journal_lock(journal.root):
        old, new = append_indicator(journal, indicator)
    return Added(indicator, old, new)


def _change(journal: Journal, request: ChangeRequest) -> Changed:
    from leadwork.domain.id_safety import known_id
    from leadwork.domain.joint_indicators import describe_change, new_change
    from leadwork.domain.status import owner_for
    from leadwork.model.words import ME
    from leadwork.store.atomic import journal_lock
    from leadwork.store.indicator_edits import append_change
    from leadwork.weeks import Week

    indicators, people, _ = _definitions(journal)
    by_id = {i.id: i for i in indicators}
    indicator = by_id[known_id(request.id, "indicator", by_id, "indicators.toml")]
    # agreed with whoever owns it from `since` on: the new owner of a handover (one not on
    # the team is refused as the owner, and not a second time as who agreed it)
    owner = request.owner or owner_for(indicator, Week.of(request.since))
    unknown = request.owner is not None and request.owner not in people
    default_agreed = [owner] if owner not in (None, ME) and not unknown else []
    data: dict[str, Any] = {
        "since": request.since,
        "target": request.target,
        "celebrate": request.celebrate,
        "course_correct": request.course_correct,
        "owner": request.owner,
        "agreed_with": list(request.agreed_with) or default_agreed,
    }
    if request.note:
        data["note"] = request.note
    data = {key: value for key, value in data.items() if value is not None}
    made = new_change(indicator, data, people, journal.team().people)
    with journal_lock(journal.root):
        old, new = append_change(journal, indicator.id, made)
    return Changed(indicator, made.since, describe_change(indicator, made), old, new)
