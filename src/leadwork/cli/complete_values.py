"""What shell completion offers for a value: ids and weeks from the journal at hand.

Standard library only (tomllib): completion runs on every Tab press, so it reads just the
one file it needs, without pydantic or the models, and says nothing when a file is broken
(`leadwork check` is where problems are reported). Each `*_values` function takes the
--journal option as given on the command line (or None) and the incomplete word.

The Typer callbacks at the bottom let commands declare what their parameters complete,
`typer.Argument(autocompletion=complete_values.people)`; the fast completer
(`leadwork.cli.complete`) finds the same kinds in its command tree.
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # typing costs ~10 ms to import: a lot for one Tab press
    from collections.abc import Callable
    from typing import Any

Item = tuple[str, str]  # (value, help shown by zsh and fish)

DEFINITIONS = ("leadwork", "strategy", "capabilities", "indicators", "team")


def journal_root(journal_option: str | None) -> Path | None:
    """The journal `leadwork.store.locate.find_journal` would find, or None: the same three
    places in the same order, without its error types (leadwork.errors costs ~20 ms)."""
    try:
        cwd = Path.cwd()
        named = journal_option or os.environ.get("LEADWORK_JOURNAL")
        if named:
            folder = cwd / named
            return folder if (folder / "leadwork.toml").is_file() else None
        for folder in (cwd, *cwd.parents):
            if (folder / "leadwork.toml").is_file():
                return folder
    except OSError:
        return None
    return None


def _table(root: Path | None, name: str, key: str) -> list[dict[str, Any]]:
    if root is None:
        return []
    try:
        with open(root / name, "rb") as handle:
            entries = tomllib.load(handle).get(key, [])
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError):
        return []
    if not isinstance(entries, list):
        return []
    return [e for e in entries if isinstance(e, dict) and isinstance(e.get("id"), str)]


def _short(text: object, limit: int = 60) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _matching(items: list[Item], incomplete: str) -> list[Item]:
    return [item for item in items if item[0].startswith(incomplete)]


def people_values(journal_option: str | None, incomplete: str) -> list[Item]:
    people = _table(journal_root(journal_option), "team.toml", "people")
    return _matching([(p["id"], _short(p.get("name"))) for p in people], incomplete)


def indicator_values(journal_option: str | None, incomplete: str) -> list[Item]:
    indicators = _table(journal_root(journal_option), "indicators.toml", "indicators")
    return _matching([(i["id"], _short(i.get("name"))) for i in indicators], incomplete)


def capability_values(journal_option: str | None, incomplete: str) -> list[Item]:
    capabilities = _table(journal_root(journal_option), "capabilities.toml", "capabilities")
    return _matching([(c["id"], _short(c.get("name"))) for c in capabilities], incomplete)


def choice_values(journal_option: str | None, incomplete: str) -> list[Item]:
    choices = _table(journal_root(journal_option), "strategy.toml", "choices")
    items = [(c["id"], _short(c.get("statement"))) for c in choices]
    return _matching([*items, ("purpose", "the purpose itself")], incomplete)


def serves_values(journal_option: str | None, incomplete: str) -> list[Item]:
    """What an indicator may serve: a capability or a strategic choice."""
    root = journal_root(journal_option)
    capabilities = _table(root, "capabilities.toml", "capabilities")
    choices = _table(root, "strategy.toml", "choices")
    items = [(c["id"], _short(c.get("name"))) for c in capabilities]
    items += [(c["id"], _short(c.get("statement"))) for c in choices]
    return _matching(items, incomplete)


def reading_values(journal_option: str | None, incomplete: str) -> list[Item]:
    """`ID=` for the ID=VALUE options (--reading, --plan): the value is the person's."""
    if "=" in incomplete:
        return []
    return [(f"{value}=", text) for value, text in indicator_values(journal_option, incomplete)]


def step_values(journal_option: str | None, incomplete: str) -> list[Item]:
    """`CAPABILITY:` for --step-done CAPABILITY:N; the step's number is typed after it."""
    if ":" in incomplete:
        return []
    return [(f"{value}:", text) for value, text in capability_values(journal_option, incomplete)]


ME = "me"  # model.common.ME: you, as an owner (a test keeps the two the same)


def owner_values(journal_option: str | None, incomplete: str) -> list[Item]:
    """Who may own an indicator or a capability: the people, and you (in a journal)."""
    if journal_root(journal_option) is None:
        return []
    return [*people_values(journal_option, incomplete), *_matching([(ME, "you")], incomplete)]


# model.settings.DEFAULT_CONVERSATION_KINDS (pydantic is too heavy for a Tab press; a test
# keeps the two the same).
CONVERSATION_KINDS = ("customer", "supplier", "partner", "analyst", "employee", "other")


def conversation_kinds(root: Path | None) -> list[str]:
    """leadwork.toml's `[settings] conversation_kinds`, or the defaults when it sets none
    (or sets them wrongly: `leadwork check` says so)."""
    if root is None:
        return list(CONVERSATION_KINDS)
    try:
        with open(root / "leadwork.toml", "rb") as handle:
            settings = tomllib.load(handle).get("settings", {})
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError):
        return list(CONVERSATION_KINDS)
    kinds = settings.get("conversation_kinds") if isinstance(settings, dict) else None
    if not isinstance(kinds, list) or not kinds:
        return list(CONVERSATION_KINDS)
    return [kind for kind in kinds if isinstance(kind, str)]


def kind_values(journal_option: str | None, incomplete: str) -> list[Item]:
    kinds = conversation_kinds(journal_root(journal_option))
    return _matching([(kind, "") for kind in kinds], incomplete)


ENV_TODAY = "LEADWORK_TODAY"  # as in leadwork.cli.session, which imports typer


def _this_week() -> str:
    try:
        today = dt.date.fromisoformat(os.environ.get(ENV_TODAY) or "")
    except ValueError:
        today = dt.date.today()
    year, week, _ = today.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _checkin_weeks(root: Path | None) -> list[str]:
    from leadwork.store.layout import CHECKIN_NAME, CHECKINS

    if root is None:
        return []
    try:
        names = os.listdir(root / CHECKINS)
    except OSError:
        return []
    return sorted((m[1] for m in map(CHECKIN_NAME.match, names) if m), reverse=True)


def week_values(journal_option: str | None, incomplete: str) -> list[Item]:
    """This week first, then the weeks that have a check-in, newest first."""
    this_week = _this_week()
    items = [(this_week, "this week")]
    items += [
        (w, "check-in") for w in _checkin_weeks(journal_root(journal_option)) if w != this_week
    ]
    return _matching(items, incomplete)


def file_values(journal_option: str | None, incomplete: str) -> list[Item]:
    """Journal files by short name (team, 2026-W48), and dated files by path."""
    from leadwork.store.layout import ONE_ON_ONES, REVIEWS

    root = journal_root(journal_option)
    items = [(name, f"{name}.toml") for name in DEFINITIONS]
    items += [(w, f"checkins/{w}.toml") for w in _checkin_weeks(root)]
    for folder in (ONE_ON_ONES, REVIEWS):
        # Dated files only once their folder is typed: a year of one-on-ones would drown
        # the short names. Before that the shell completes the folder name itself.
        if not incomplete.startswith(f"{folder}/"):
            continue
        try:
            names = sorted(os.listdir(root / folder), reverse=True) if root else []
        except OSError:
            names = []
        items += [(f"{folder}/{n}", folder) for n in names if n.endswith(".toml")]
    return _matching(items, incomplete)


VALUES: dict[str, Callable[[str | None, str], list[Item]]] = {
    "people": people_values,
    "owners": owner_values,
    "indicators": indicator_values,
    "capabilities": capability_values,
    "choices": choice_values,
    "weeks": week_values,
    "files": file_values,
    "serves": serves_values,
    "readings": reading_values,
    "steps": step_values,
    "kinds": kind_values,
}


# ---- Typer callbacks: `autocompletion=` on a parameter ------------------------------------------
# `ctx` is left unannotated so this module needs no typer import; Typer matches it by name.


def _journal_option(ctx: Any) -> str | None:
    root = ctx.find_root() if ctx is not None else None
    value = root.params.get("journal") if root is not None else None
    return str(value) if value else None


def _callback(values: Callable[[str | None, str], list[Item]]) -> Callable[..., list[Item]]:
    """The Typer callback for one kind of value: the --journal option found in `ctx`."""

    def complete(ctx, incomplete: str) -> list[Item]:  # type: ignore[no-untyped-def]
        return values(_journal_option(ctx), incomplete)

    return complete


# One callback per kind, made once: complete_tree finds a parameter's kind by identity.
CALLBACKS: dict[str, Callable[..., list[Item]]] = {
    kind: _callback(values) for kind, values in VALUES.items()
}
people = CALLBACKS["people"]
owners = CALLBACKS["owners"]
indicators = CALLBACKS["indicators"]
capabilities = CALLBACKS["capabilities"]
choices = CALLBACKS["choices"]
weeks = CALLBACKS["weeks"]
files = CALLBACKS["files"]
serves = CALLBACKS["serves"]
readings = CALLBACKS["readings"]
steps = CALLBACKS["steps"]
kinds = CALLBACKS["kinds"]
