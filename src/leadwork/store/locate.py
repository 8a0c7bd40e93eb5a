"""Find the journal: --journal, else $LEADWORK_JOURNAL, else the nearest leadwork.toml upward.

Standard library only: it runs before any command does real work.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from leadwork.layout import CONFIG, FOLDERS

ENV_JOURNAL = "LEADWORK_JOURNAL"
_MAKE_ONE = (
    "make one with `leadwork init PATH` (or `leadwork init --example PATH` to try the "
    "bundled example), or point at one with --journal PATH or $LEADWORK_JOURNAL"
)

# Why there is no journal: JournalNotFound's message and keywords. The error types are
# imported only to raise one: shell completion asks `journal_if_any` on every Tab press.
Refusal = tuple[str, dict[str, Any]]


def find_journal(option: Path | None, env: Mapping[str, str], cwd: Path) -> Path:
    found = _search(option, env, cwd)
    if isinstance(found, Path):
        return found
    from leadwork.errors import JournalNotFound

    message, details = found
    raise JournalNotFound(message, **details)


def journal_if_any(option: Path | None, env: Mapping[str, str], cwd: Path) -> Path | None:
    """The journal `find_journal` finds, or None where it would refuse."""
    found = _search(option, env, cwd)
    return found if isinstance(found, Path) else None


def _search(option: Path | None, env: Mapping[str, str], cwd: Path) -> Path | Refusal:
    if option is not None:
        return _must_be_journal(cwd / option, "--journal")
    if env.get(ENV_JOURNAL):
        return _must_be_journal(cwd / env[ENV_JOURNAL], f"${ENV_JOURNAL}")
    found = enclosing_journal(cwd)
    if found is not None:
        return found
    return f"no journal here: no {CONFIG} in {cwd} or any folder above it", {"hint": _MAKE_ONE}


def overridden_note(option: Path | None, env: Mapping[str, str], cwd: Path, root: Path) -> str:
    """One line for stderr when $LEADWORK_JOURNAL (not --journal) chose `root` while the
    current folder is inside a different journal; else "". A leftover variable would
    otherwise silently win over the journal one stands in."""
    if option is not None or not env.get(ENV_JOURNAL):
        return ""
    here = enclosing_journal(cwd)
    if here is None or _same(here, root):
        return ""
    return f"note: using ${ENV_JOURNAL} ({root}), not the journal here ({here})"


def _same(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other.resolve()
    except OSError:
        return one == other


def _must_be_journal(path: Path, source: str) -> Path | Refusal:
    if not path.exists():
        return f"{source} points at {path}, which does not exist", {"hint": _MAKE_ONE}
    if not path.is_dir():
        return (
            f"{source} points at {path}, which is a file, not a journal folder",
            {"hint": f"give the folder that holds {CONFIG}"},
        )
    config = path / CONFIG
    if config.exists() and not config.is_file():
        return (
            "is not a file, but it should be the journal's settings file",
            {
                "file": config,
                "hint": f"move the folder away and put back the {CONFIG} file (git can restore it)",
            },
        )
    if not config.is_file():
        outer = enclosing_journal(path.parent)
        if outer is not None:  # a journal's checkins/ (Tab completion): not a place for init
            return (
                f"{path} is not a journal: it is a folder inside the journal {outer}",
                {"hint": f"did you mean {source} {outer}?"},
            )
        return f"{path} is not a journal: it has no {CONFIG}", {"hint": _MAKE_ONE}
    return path


def enclosing_journal(folder: Path) -> Path | None:
    """The nearest folder at or above `folder` that holds leadwork.toml: the journal a
    command run there uses, and the journal a file in `folder` belongs to. None: no journal."""
    for place in (folder, *folder.parents):
        if _holds_journal(place):
            return place
    return None


def _holds_journal(folder: Path) -> bool:
    try:
        return (folder / CONFIG).is_file()
    except OSError:  # a folder that may not be searched (chmod 000): `check` reports it
        return False


def journal_around(target: Path) -> Path | None:
    """The journal that `target` (a folder, made or not) lies inside, not counting one in
    `target` itself: where `init` would make a journal nested in another."""
    return enclosing_journal(Path(os.path.abspath(target)).parent)


def nested_journals(root: Path) -> list[str]:
    """The folders below `root` (relative, forward slashes) that hold a journal of their own:
    a journal moved or made inside this one. Cheap, so `check` may always ask: the root's
    own folders and those of its record folders (checkins/, one-on-ones/, reviews/), one
    level down each; never a walk of the whole tree."""
    found = []
    for folder in _subfolders(root):
        if _holds_journal(root / folder):
            found.append(folder)
        elif folder in FOLDERS:
            found += [
                f"{folder}/{inner}"
                for inner in _subfolders(root / folder)
                if _holds_journal(root / folder / inner)
            ]
    return found


def _subfolders(folder: Path) -> list[str]:
    try:
        names = sorted(name for name in os.listdir(folder) if not name.startswith("."))
        return [name for name in names if (folder / name).is_dir()]
    except OSError:
        return []  # `check` reports an unreadable folder where it reads it
