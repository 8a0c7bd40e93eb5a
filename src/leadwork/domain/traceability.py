"""What serves what: purpose -> strategic choices -> capabilities -> indicators, and the gaps
between the three areas. Pure: the definitions, this week's readings and `today` in.

A gap is one of:
- a strategic choice that no capability serves;
- a capability that serves no strategic choice;
- a capability that no (active) indicator tracks;
- a capability below its target with no plan step ahead (one at or above its target needs
  no plan, so it is not a gap);
- an (active) indicator that serves nothing;
- an (active) indicator with no owner, or no agreed date (`agreed_on`).
Retired indicators take no part. `leadwork check` reports gaps as warnings and
`leadwork map` marks them in the tree; both use the functions here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from leadwork.domain.consistency import Finding
from leadwork.domain.status import WeekStatus, is_active, owner_for
from leadwork.domain.timeline import live_during, live_in
from leadwork.layout import CAPABILITIES, INDICATORS, STRATEGY, KeyPath
from leadwork.weeks import Week

if TYPE_CHECKING:
    from leadwork.domain.timeline import Period
    from leadwork.model.capabilities import Capabilities, Capability, Step
    from leadwork.model.indicators import Indicator, Indicators
    from leadwork.model.strategy import Choice, Strategy

NO_CAPABILITY = "no capability serves it"
NO_CHOICE = "serves no strategic choice"
NO_INDICATOR = "no indicator tracks it"
NO_STEP_AHEAD = "no plan step ahead"
SERVES_NOTHING = "serves nothing"
NO_OWNER = "no owner"
NOT_AGREED = "no agreed date"


def active_indicators(indicators: Indicators, week: Week) -> list[tuple[int, Indicator]]:
    return [(i, ind) for i, ind in enumerate(indicators.indicators) if is_active(ind, week)]


def choice_gaps(choice: Choice, capabilities: Iterable[Capability]) -> list[str]:
    """`capabilities`: those live (`timeline.live_in`), which alone serve it."""
    served = any(choice.id in cap.serves for cap in capabilities)
    return [] if served else [NO_CAPABILITY]


def capability_gaps(
    capability: Capability, choice_ids: set[str], indicators: list[Indicator]
) -> list[str]:
    gaps = []
    if not choice_ids.intersection(capability.serves):
        gaps.append(NO_CHOICE)
    if not any(capability.id in ind.serves for ind in indicators):
        gaps.append(NO_INDICATOR)
    if capability.level < capability.target and next_step(capability) is None:
        gaps.append(NO_STEP_AHEAD)
    return gaps


def indicator_gaps(indicator: Indicator, servable: set[str], week: Week) -> list[str]:
    """The indicator's gaps as of `week` (its owner then: `status.owner_for`)."""
    gaps = []
    if not servable.intersection(indicator.serves):
        gaps.append(SERVES_NOTHING)
    if owner_for(indicator, week) is None:
        gaps.append(NO_OWNER)
    if indicator.agreed_on is None:
        gaps.append(NOT_AGREED)
    return gaps


def next_step(capability: Capability) -> Step | None:
    """The first open step of the plan, if any."""
    return next((s for s in capability.steps if not s.is_done), None)


# ---- as warnings for `leadwork check` ---------------------------------------------------------


def gaps(
    strategy: Strategy, capabilities: Capabilities, indicators: Indicators, today: dt.date
) -> list[Finding]:
    """Every gap between the three areas, as a warning at the line that defines the thing."""
    week = Week.of(today)
    active = active_indicators(indicators, week)
    live_caps = live_during(capabilities.capabilities, week)
    choice_ids = {c.id for c in live_during(strategy.choices, week)}
    servable = choice_ids | {c.id for c in live_caps}
    retired = {c.id: c.retired_on for c in strategy.choices if c.id not in servable} | {
        c.id: c.retired_on for c in capabilities.capabilities if c.id not in servable
    }
    findings: list[Finding] = []

    for i, choice in enumerate(strategy.choices):
        if choice.id in choice_ids and choice_gaps(choice, live_caps):
            findings.append(
                _warning(
                    STRATEGY,
                    ("choices", i, "id"),
                    f"strategic choice '{choice.id}': {NO_CAPABILITY}",
                    f"name it in `serves` of the capabilities it needs ({CAPABILITIES}); "
                    "a choice nothing serves stays a wish",
                )
            )

    for i, cap in enumerate(capabilities.capabilities):
        if not live_in(cap.retired_on, week):
            continue
        found = capability_gaps(cap, choice_ids, [ind for _, ind in active])
        base: KeyPath = ("capabilities", i)
        if NO_CHOICE in found:
            findings.append(
                _warning(
                    CAPABILITIES,
                    (*base, "id"),
                    f"capability '{cap.id}' {NO_CHOICE}",
                    'add serves = ["…"] with the ids of the strategic choices it is built for',
                )
            )
        if NO_INDICATOR in found:
            findings.append(
                _warning(
                    CAPABILITIES,
                    (*base, "id"),
                    f"capability '{cap.id}': {NO_INDICATOR}",
                    f'agree a leading indicator with serves = ["{cap.id}"] in {INDICATORS}',
                )
            )
        if NO_STEP_AHEAD in found:
            findings.append(
                _warning(
                    CAPABILITIES,
                    (*base, "id"),
                    f"capability '{cap.id}' has {NO_STEP_AHEAD} "
                    f"(level {cap.level}, target {cap.target})",
                    "add the next [[capabilities.steps]] to its plan",
                )
            )

    for i, ind in active:
        found = indicator_gaps(ind, servable, week)
        base = ("indicators", i)
        gone = [f"{s} (retired {retired[s]})" for s in ind.serves if retired.get(s)]
        if SERVES_NOTHING in found and gone:  # what it serves is retired: say so, once
            findings.append(
                _warning(
                    INDICATORS,
                    (*base, "id"),
                    f"indicator '{ind.id}' serves only what was retired: {', '.join(gone)}",
                    "point serves at a live capability or strategic choice, or retire the "
                    "indicator with it (retired_on)",
                )
            )
        elif SERVES_NOTHING in found:
            findings.append(
                _warning(
                    INDICATORS,
                    (*base, "id"),
                    f"indicator '{ind.id}' {SERVES_NOTHING}",
                    'add serves = ["…"] with the id of the capability or strategic choice '
                    "it is a leading indicator of",
                )
            )
        if NO_OWNER in found:
            findings.append(
                _warning(
                    INDICATORS,
                    (*base, "id"),
                    f"indicator '{ind.id}' has {NO_OWNER}",
                    'a leading indicator is owned by one person: set owner = "…" to a team id',
                )
            )
        if NOT_AGREED in found:
            findings.append(
                _warning(
                    INDICATORS,
                    (*base, "id"),
                    f"indicator '{ind.id}' has {NOT_AGREED}",
                    "leading indicators are agreed jointly: set agreed_on = YYYY-MM-DD "
                    "(and agreed_with) once you have",
                )
            )
    return findings


def _warning(file: str, path: KeyPath, message: str, hint: str) -> Finding:
    return Finding(file, path, message, hint, severity="warning")


# ---- as a tree for `leadwork map` --------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorLink:
    indicator: Indicator
    owner: str | None  # in the week the map stands on (`status.owner_for`)
    value: float | None
    status: str
    gaps: tuple[str, ...]
    # the month or quarter whose reading is due, not yet in (`status.due_period`): said
    # "due for Feb 2027" (`wording.due_for`) as every view says it, never "no reading"
    due: Period | None = None
    # meanwhile, the off-track reading of an earlier period its episode goes on from
    # (`status.episode_held`), said beside "due for Dec 2026"; `status` stays "no data"
    held: WeekStatus | None = None
    # a whole month or quarter that ended unread (`status.missed_period`): said "no reading
    # for 2026-Q3" (`wording.no_reading_for`) as every view says it
    missing: Period | None = None


@dataclass(frozen=True)
class CapabilityLink:
    capability: Capability
    indicators: tuple[IndicatorLink, ...]
    next_step: Step | None
    gaps: tuple[str, ...]


@dataclass(frozen=True)
class ChoiceLink:
    choice: Choice
    capabilities: tuple[CapabilityLink, ...]
    indicators: tuple[IndicatorLink, ...]  # those that track the choice itself
    gaps: tuple[str, ...]


@dataclass(frozen=True)
class Chain:
    purpose: str
    week: Week
    choices: tuple[ChoiceLink, ...]
    loose_capabilities: tuple[CapabilityLink, ...]  # serve no strategic choice
    loose_indicators: tuple[IndicatorLink, ...]  # serve nothing

    gap_count: int  # each gap once, though a capability may show under several choices


def chain(
    strategy: Strategy,
    capabilities: Capabilities,
    indicators: Indicators,
    now: Mapping[str, WeekStatus],
    week: Week,
    due: Mapping[str, Period] | None = None,
    held: Mapping[str, WeekStatus] | None = None,
    missing: Mapping[str, Period] | None = None,
) -> Chain:
    """The whole chain, with each indicator that exists in `week` as every view judges it
    there (`now`: its status in the week the view stands on, from `listing.indicator_views`;
    an indicator missing from it is not agreed yet or retired; `due`: the month or quarter
    each awaits its reading for, `IndicatorView.due`; `held`: the off-track reading its
    episode goes on from meanwhile, `IndicatorView.held`; `missing`: the month or quarter
    each left unread, `IndicatorView.missing`)."""
    due, held, missing = due or {}, held or {}, missing or {}
    active = [ind for ind in indicators.indicators if ind.id in now]
    # the choices and capabilities live in the week shown, as its indicators
    live_choices = live_during(strategy.choices, week)
    live_caps = live_during(capabilities.capabilities, week)
    choice_ids = {c.id for c in live_choices}
    servable = choice_ids | {c.id for c in live_caps}

    links = {}
    for ind in active:
        value, status = now[ind.id].value, now[ind.id].status
        gaps = tuple(indicator_gaps(ind, servable, week))
        links[ind.id] = IndicatorLink(
            ind,
            owner_for(ind, week),
            value,
            status,
            gaps,
            due.get(ind.id),
            held.get(ind.id),
            missing.get(ind.id),
        )

    def tracking(target: str) -> tuple[IndicatorLink, ...]:
        return tuple(links[ind.id] for ind in active if target in ind.serves)

    cap_links = {
        cap.id: CapabilityLink(
            cap,
            tracking(cap.id),
            next_step(cap),
            tuple(capability_gaps(cap, choice_ids, active)),
        )
        for cap in live_caps
    }
    choices = tuple(
        ChoiceLink(
            choice,
            tuple(cap_links[c.id] for c in live_caps if choice.id in c.serves),
            tracking(choice.id),
            tuple(choice_gaps(choice, live_caps)),
        )
        for choice in live_choices
    )
    loose_caps = tuple(link for link in cap_links.values() if NO_CHOICE in link.gaps)
    loose_inds = tuple(link for link in links.values() if SERVES_NOTHING in link.gaps)
    count = (
        sum(len(c.gaps) for c in choices)
        + sum(len(c.gaps) for c in cap_links.values())
        + sum(len(i.gaps) for i in links.values())
    )
    return Chain(strategy.purpose, week, choices, loose_caps, loose_inds, count)
