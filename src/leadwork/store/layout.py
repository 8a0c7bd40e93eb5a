"""The journal's files and folders, by name. Standard library only (used at start-up)."""

from __future__ import annotations

import re

CONFIG = "leadwork.toml"
STRATEGY = "strategy.toml"
CAPABILITIES = "capabilities.toml"
INDICATORS = "indicators.toml"
TEAM = "team.toml"
DEFINITION_FILES = (CONFIG, STRATEGY, CAPABILITIES, INDICATORS, TEAM)

CHECKINS = "checkins"
ONE_ON_ONES = "one-on-ones"
REVIEWS = "reviews"
FOLDERS = (CHECKINS, ONE_ON_ONES, REVIEWS)

LOCK_FILE = ".leadwork.lock"
# Written while several files change as one (store/atomic.write_together): the renames still
# to make. Its presence means a writer was killed half-way; the next writer finishes it.
COMMIT_FILE = ".leadwork-commit"
DRAFTS = ".drafts"  # unfinished interactive answers, resumed by the next run
# The folders leadwork writes into: a link among them that leads out of the journal is refused.
WRITTEN_FOLDERS = (*FOLDERS, DRAFTS, ".leadwork")

# Every journal file is read whole, and none may be larger: a decade of weekly check-ins
# is ~2 MB in total, never in one file. Writers check it before writing (store/atomic.py).
MAX_BYTES = 2_000_000

CHECKIN_NAME = re.compile(r"^(\d{4}-W\d{2})\.toml$")
# 2026-11-24-maria.toml, or 2026-11-24-maria-2.toml for a second meeting that day.
ONE_ON_ONE_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-([a-z0-9][a-z0-9_-]*)\.toml$")
# 2026-06-15-strategy.toml, 2026-09-01-capability-lean-flow.toml
REVIEW_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-(strategy|capability-[a-z0-9][a-z0-9_-]*)\.toml$")


def checkin_file(week: object) -> str:
    return f"{CHECKINS}/{week}.toml"


def is_journal_file(parts: tuple[str, ...]) -> bool:
    """Whether a path inside the journal (its parts, relative to the root) is one of the
    files leadwork reads or keeps: a TOML file at the root (the definition files) or in its
    folders, the lock, a draft. Other files there (an exported page) are the person's."""
    if not parts:
        return False
    if len(parts) == 1:
        return parts[0] in (LOCK_FILE, COMMIT_FILE) or parts[0].endswith(".toml")
    if parts[0] == DRAFTS:
        return True
    return parts[0] in FOLDERS and parts[-1].endswith(".toml")
