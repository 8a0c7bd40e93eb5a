"""`leadwork map` as a Rich tree, Markdown or JSON: purpose -> choices -> capabilities ->
indicators, each indicator with its status this week, gaps marked where they are."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text
from rich.tree import Tree

from leadwork.domain.traceability import CapabilityLink, Chain, ChoiceLink, IndicatorLink
from leadwork.domain.wording import due_and_held, no_reading_for
from leadwork.render.held import held_json
from leadwork.render.json_text import to_json
from leadwork.render.palette import STATUS_LABEL, STATUS_STYLE
from leadwork.render.visible import visible
from leadwork.values import format_value

GAP = "⚠"
LOOSE_CAPABILITIES = "Capabilities that serve no strategic choice"
LOOSE_INDICATORS = "Indicators that serve nothing"


def value_text(link: IndicatorLink) -> str:
    """Its value this week; or, between readings of a month or quarter, "due for Feb 2027"
    (`status.due_period`, `wording.due_for`), as the dashboard and `indicator list|show`
    say it, with the off-track reading its episode goes on from meanwhile
    (`status.episode_held`): "due for Dec 2026 · Nov 84% at risk"; a month or quarter that
    ended unread, "no reading for 2026-Q3" (`wording.no_reading_for`), as they say it;
    "no reading" only where one was wanted this week."""
    if link.due is not None:
        value = format_value(link.held.value if link.held else None, link.indicator.unit)
        return due_and_held(link.due, link.held, value)
    gone = None if link.missing is None else no_reading_for(link.missing)
    if link.value is None:
        return gone or "no reading"
    said = format_value(link.value, link.indicator.unit)
    return f"{said} · {gone}" if gone else said


def _gaps(gaps: tuple[str, ...]) -> str:
    return f"{GAP} {', '.join(gaps)}" if gaps else ""


# ---- text --------------------------------------------------------------------------------------


def _indicator_label(link: IndicatorLink) -> Text:
    ind = link.indicator
    label = Text.assemble(
        (f"{STATUS_LABEL[link.status]:<14}", STATUS_STYLE[link.status]),
        f"  {value_text(link)}  {ind.name}  ",
        (ind.id, "dim"),
    )
    _add_gaps(label, link.gaps)
    return label


def _capability_label(link: CapabilityLink) -> Text:
    cap = link.capability
    label = Text.assemble(
        (cap.id, "bold"), f"  {cap.name}  ", (f"level {cap.level} of {cap.target}", "dim")
    )
    _add_gaps(label, link.gaps)
    return label


def _add_gaps(label: Text, gaps: tuple[str, ...]) -> None:
    if gaps:
        label.append(f"\n{_gaps(gaps)}", style="yellow")


def _add_capability(tree: Tree, link: CapabilityLink) -> None:
    branch = tree.add(_capability_label(link))
    for ind in link.indicators:
        branch.add(_indicator_label(ind))


def _choice_label(link: ChoiceLink) -> Text:
    label = Text(link.choice.id, style="bold cyan")
    label.append("\n" + link.choice.statement, style="dim")
    _add_gaps(label, link.gaps)
    return label


def map_view(chain: Chain) -> RenderableType:
    purpose = chain.purpose or "(no purpose written yet in strategy.toml)"
    tree = Tree(Text.assemble(("Purpose  ", "bold"), purpose))
    for choice in chain.choices:
        branch = tree.add(_choice_label(choice))
        for cap in choice.capabilities:
            _add_capability(branch, cap)
        for ind in choice.indicators:
            branch.add(_indicator_label(ind))
    if chain.loose_capabilities:
        branch = tree.add(Text(f"{GAP} {LOOSE_CAPABILITIES}", style="yellow"))
        for cap in chain.loose_capabilities:
            _add_capability(branch, cap)
    if chain.loose_indicators:
        branch = tree.add(Text(f"{GAP} {LOOSE_INDICATORS}", style="yellow"))
        for ind in chain.loose_indicators:
            branch.add(_indicator_label(ind))
    if not chain.choices:
        tree.add(Text("(no strategic choices yet in strategy.toml)", style="dim"))
    return Group(
        Text(f"What serves what, with each indicator's status in {chain.week}", style="bold"),
        tree,
        Text(_summary(chain), style="dim"),
    )


def _summary(chain: Chain) -> str:
    if not chain.gap_count:
        return "No gaps: every choice, capability and indicator is linked."
    plural = "s" * (chain.gap_count != 1)
    return f"{GAP} {chain.gap_count} gap{plural}; `leadwork check` says where to fix each."


# ---- markdown ----------------------------------------------------------------------------------


def _md(text: str) -> str:
    """Text safe inside a Markdown list item: one line, no stray markup."""
    escaped = " ".join(text.split())
    for char in "\\`*_[]<>|":
        escaped = escaped.replace(char, "\\" + char)
    return escaped


def _md_gaps(gaps: tuple[str, ...]) -> str:
    return f" — {GAP} {', '.join(gaps)}" if gaps else ""


def _md_indicator(link: IndicatorLink, indent: str) -> str:
    ind = link.indicator
    return (
        f"{indent}- `{ind.id}` {_md(ind.name)}: {_md(value_text(link))}, "
        f"**{STATUS_LABEL[link.status]}**{_md_gaps(link.gaps)}"
    )


def _md_capability(link: CapabilityLink, indent: str) -> list[str]:
    cap = link.capability
    lines = [
        f"{indent}- **{cap.id}** {_md(cap.name)} (level {cap.level} of {cap.target})"
        f"{_md_gaps(link.gaps)}"
    ]
    lines += [_md_indicator(ind, indent + "  ") for ind in link.indicators]
    return lines


def map_markdown(chain: Chain) -> str:
    lines = [
        f"# What serves what ({chain.week})",
        "",
        f"**Purpose:** {_md(chain.purpose) or '(none yet)'}",
        "",
    ]
    for choice in chain.choices:
        lines.append(
            f"- **{choice.choice.id}**: {_md(choice.choice.statement)}{_md_gaps(choice.gaps)}"
        )
        for cap in choice.capabilities:
            lines += _md_capability(cap, "  ")
        lines += [_md_indicator(ind, "  ") for ind in choice.indicators]
    if chain.loose_capabilities:
        lines.append(f"- {GAP} {LOOSE_CAPABILITIES}")
        for cap in chain.loose_capabilities:
            lines += _md_capability(cap, "  ")
    if chain.loose_indicators:
        lines.append(f"- {GAP} {LOOSE_INDICATORS}")
        lines += [_md_indicator(ind, "  ") for ind in chain.loose_indicators]
    lines += ["", _summary(chain)]
    return visible("\n".join(lines) + "\n")


# ---- json --------------------------------------------------------------------------------------


def _json_indicator(link: IndicatorLink) -> dict[str, Any]:
    ind = link.indicator
    return {
        "id": ind.id,
        "name": ind.name,
        "owner": link.owner,
        "unit": ind.unit,
        "direction": ind.direction,
        "value": link.value,
        "status": link.status,
        "due_for": None if link.due is None else str(link.due),
        "held": held_json(link.held),
        "missing": None if link.missing is None else str(link.missing),
        "gaps": list(link.gaps),
    }


def _json_capability(link: CapabilityLink) -> dict[str, Any]:
    cap = link.capability
    step = link.next_step
    return {
        "id": cap.id,
        "name": cap.name,
        "kind": cap.kind,
        "owner": cap.owner,
        "level": cap.level,
        "target": cap.target,
        "next_step": None
        if step is None
        else {"what": step.what, "due": None if step.due is None else step.due.isoformat()},
        "gaps": list(link.gaps),
        "indicators": [_json_indicator(i) for i in link.indicators],
    }


def map_json(chain: Chain) -> str:
    data = {
        "week": str(chain.week),
        "purpose": chain.purpose,
        "choices": [
            {
                "id": c.choice.id,
                "statement": c.choice.statement,
                "gaps": list(c.gaps),
                "capabilities": [_json_capability(cap) for cap in c.capabilities],
                "indicators": [_json_indicator(i) for i in c.indicators],
            }
            for c in chain.choices
        ],
        "loose_capabilities": [_json_capability(c) for c in chain.loose_capabilities],
        "loose_indicators": [_json_indicator(i) for i in chain.loose_indicators],
        "gap_count": chain.gap_count,
    }
    return to_json(data, default=None)
