"""Find the journal: --journal, else $LEADWORK_JOURNAL, else the nearest leadwork.toml upward.

Standard library only: it runs before any command does real work.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from leadwork.layout import CONFIG

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
    here = journal_here(cwd)
    if here is not None:
        return here
    return f"no journal here: no {CONFIG} in {cwd} or any folder above it", {"hint": _MAKE_ONE}


def journal_here(cwd: Path) -> Path | None:
    """The journal the current folder is in: the nearest folder upward with a leadwork.toml."""
    for folder in (cwd, *cwd.parents):
        if (folder / CONFIG).is_file():
            return folder
    return None


def overridden_note(option: Path | None, env: Mapping[str, str], cwd: Path, root: Path) -> str:
    """One line for stderr when $LEADWORK_JOURNAL (not --journal) chose `root` while the
    current folder is inside a different journal; else "". A leftover variable would
    otherwise silently win over the journal one stands in."""
    if option is not None or not env.get(ENV_JOURNAL):
        return ""
    here = journal_here(cwd)
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
        return f"{path} is not a journal: it has no {CONFIG}", {"hint": _MAKE_ONE}
    return path
