"""Find the journal: --journal, else $LEADWORK_JOURNAL, else the nearest leadwork.toml upward.

Standard library only: it runs before any command does real work.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from leadwork.errors import JournalNotFound
from leadwork.store.layout import CONFIG

ENV_JOURNAL = "LEADWORK_JOURNAL"
_MAKE_ONE = (
    "make one with `leadwork init PATH` (or `leadwork init --example PATH` to try the "
    "bundled example), or point at one with --journal PATH or $LEADWORK_JOURNAL"
)


def find_journal(option: Path | None, env: Mapping[str, str], cwd: Path) -> Path:
    if option is not None:
        return _must_be_journal(cwd / option, "--journal")
    if env.get(ENV_JOURNAL):
        return _must_be_journal(cwd / env[ENV_JOURNAL], f"${ENV_JOURNAL}")
    for folder in (cwd, *cwd.parents):
        if (folder / CONFIG).is_file():
            return folder
    raise JournalNotFound(
        f"no journal here: no {CONFIG} in {cwd} or any folder above it", hint=_MAKE_ONE
    )


def _must_be_journal(path: Path, source: str) -> Path:
    if not path.exists():
        raise JournalNotFound(f"{source} points at {path}, which does not exist", hint=_MAKE_ONE)
    if not path.is_dir():
        raise JournalNotFound(
            f"{source} points at {path}, which is a file, not a journal folder",
            hint=f"give the folder that holds {CONFIG}",
        )
    config = path / CONFIG
    if config.exists() and not config.is_file():
        raise JournalNotFound(
            "is not a file, but it should be the journal's settings file",
            file=config,
            hint=f"move the folder away and put back the {CONFIG} file (git can restore it)",
        )
    if not config.is_file():
        raise JournalNotFound(f"{path} is not a journal: it has no {CONFIG}", hint=_MAKE_ONE)
    return path
