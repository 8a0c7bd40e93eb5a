"""What shell completion offers for a value: ids and weeks from the journal at hand.

Completion runs on every Tab press, so it reads just the one file it needs with tomllib,
without pydantic or the models, and says nothing when a file is broken (`leadwork check`
is where problems are reported). What the core already knows it asks the core: where the
journal is (`store.locate`), today (`cli.session.today`), the conversation kinds (the
journal's settings, read by the store). Each `*_values` function takes the --journal
option as given on the command line (or None) and the incomplete word.

The Typer callbacks at the bottom let commands declare what their parameters complete,
`typer.Argument(autocompletion=complete_values.people)`; the fast completer
(`leadwork.cli.complete`) finds the same kinds in the command tree `leadwork.cli.derive`
derives from the app.
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
    """The journal the command would work on (`leadwork.store.locate`, the same search),
    or None where there is none."""
    from leadwork.store.locate import journal_if_any

    option = Path(journal_option) if journal_option else None
    try:
        return journal_if_any(option, os.environ, Path.cwd())
    except OSError:
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
    """What a story of this week may name: the choices live in it (`checkin.story_choice`
    refuses one retired before the week began), and the purpose."""
    choices = _table(journal_root(journal_option), "strategy.toml", "choices")
    monday = _this_monday()
    items = [
        (c["id"], _short(c.get("statement")))
        for c in choices
        if monday is None or not _retired_by(c.get("retired_on"), monday)
    ]
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
    """`CAPABILITY:` for --step-done CAPABILITY:N; the step's number is typed after it. Not
    one retired by today (`review.step_flag` refuses its steps)."""
    if ":" in incomplete:
        return []
    from leadwork.cli.session import today
    from leadwork.errors import LeadworkError

    try:
        day: dt.date | None = today()
    except LeadworkError:
        day = None
    capabilities = _table(journal_root(journal_option), "capabilities.toml", "capabilities")
    retired = {
        c["id"]
        for c in capabilities
        if day is not None and isinstance(c.get("retired_on"), dt.date) and c["retired_on"] <= day
    }
    return [
        (f"{value}:", text)
        for value, text in capability_values(journal_option, incomplete)
        if value not in retired
    ]


ME = "me"  # model.words.ME: you, as an owner (a test keeps the two the same)


def owner_values(journal_option: str | None, incomplete: str) -> list[Item]:
    """Who may own an indicator or a capability: the people, and you (in a journal)."""
    if journal_root(journal_option) is None:
        return []
    return [*people_values(journal_option, incomplete), *_matching([(ME, "you")], incomplete)]


def conversation_kinds(root: Path | None) -> list[str]:
    """leadwork.toml's `[settings] conversation_kinds` as the journal reads it (its defaults
    when it sets none, or when the file is broken: `leadwork check` says so). The store's
    reading costs pydantic, so its answer is kept in the user's cache (`cache.load_kinds`)
    until leadwork.toml changes."""
    from leadwork.cli import cache
    from leadwork.layout import CONFIG

    key = None if root is None else cache.journal_key(str(root / CONFIG))
    kept = None if key is None else cache.load_kinds(key)
    if kept is not None:
        return kept
    kinds = _read_kinds(root)
    if key is not None:
        cache.store_kinds(key, kinds)
    return kinds


def _read_kinds(root: Path | None) -> list[str]:
    """The kinds as the store reads them: the slow lookup, which the cache keeps."""
    from leadwork.model.words import DEFAULT_CONVERSATION_KINDS

    if root is None:
        return list(DEFAULT_CONVERSATION_KINDS)
    from leadwork.errors import LeadworkError
    from leadwork.store.journal import Journal

    try:
        return list(Journal(root).config().settings.conversation_kinds)
    except (LeadworkError, OSError):
        return list(DEFAULT_CONVERSATION_KINDS)


def kind_values(journal_option: str | None, incomplete: str) -> list[Item]:
    kinds = conversation_kinds(journal_root(journal_option))
    return _matching([(kind, "") for kind in kinds], incomplete)


def _retired_by(retired_on: object, monday: dt.date) -> bool:
    """`timeline.live_in`, on a value read raw: retired before the week began."""
    return isinstance(retired_on, dt.date) and retired_on <= monday


def _this_monday() -> dt.date | None:
    """This week's Monday (`_this_week`), None when $LEADWORK_TODAY is not a day."""
    from leadwork.weeks import Week

    week = _this_week()
    return Week.parse(week).monday if week else None


def _this_week() -> str | None:
    """This week, as every command sees it (`session.today`: $LEADWORK_TODAY or the
    clock); None when $LEADWORK_TODAY is not a day, which the command will say."""
    from leadwork.cli.session import today
    from leadwork.errors import LeadworkError
    from leadwork.weeks import Week

    try:
        return str(Week.of(today()))
    except LeadworkError:
        return None


def _checkin_weeks(root: Path | None) -> list[str]:
    from leadwork.layout import CHECKIN_NAME, CHECKINS

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
    items = [(this_week, "this week")] if this_week else []
    items += [
        (w, "check-in") for w in _checkin_weeks(journal_root(journal_option)) if w != this_week
    ]
    return _matching(items, incomplete.upper())  # 2026-w4 is typed too (Week.parse typed)


def file_values(journal_option: str | None, incomplete: str) -> list[Item]:
    """Journal files by short name (team, 2026-W48), and dated files by path."""
    from leadwork.layout import ONE_ON_ONES, REVIEWS

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

KIND_PROBE = "\0leadwork-completes:"


class Probe:
    """`ctx.obj` while `leadwork.cli.derive` maps the commands: each callback then names
    its kind instead of reading the journal."""


def _journal_option(ctx: Any) -> str | None:
    root = ctx.find_root() if ctx is not None else None
    value = root.params.get("journal") if root is not None else None
    return str(value) if value else None


def _callback(kind: str) -> Callable[..., list[Item]]:
    """The Typer callback for one kind of value: the --journal option found in `ctx`."""
    values = VALUES[kind]

    def complete(ctx, incomplete: str) -> list[Item]:  # type: ignore[no-untyped-def]
        if isinstance(getattr(ctx, "obj", None), Probe):
            return [(KIND_PROBE + kind, "")]
        return values(_journal_option(ctx), incomplete)

    return complete


people = _callback("people")
owners = _callback("owners")
indicators = _callback("indicators")
capabilities = _callback("capabilities")
choices = _callback("choices")
weeks = _callback("weeks")
files = _callback("files")
serves = _callback("serves")
readings = _callback("readings")
steps = _callback("steps")
kinds = _callback("kinds")
