"""The journal's files and folders, by name. Standard library only (used at start-up)."""

from __future__ import annotations

import re

# Where a value sits in a file: ("indicators", 2, "target") is the third [[indicators]]
# table's target. Messages name it, so every layer may use it.
KeyPath = tuple[str | int, ...]

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


# A name NEAR a check-in's, a one-on-one's or a review's (trial 19: `2026-w50.toml`,
# `2026-W5.toml`, `2026-W50 .toml`, `2026-12-03-Grace.toml`; trial 20:
# `2026-12-01-Strategy.toml`): a file the person meant as one, which leadwork would
# otherwise skip. `store/names.py` decides what it should be named.
_NEAR_WEEK = re.compile(r"^(\d{4})-?w(\d{1,2})$", re.IGNORECASE)
_NEAR_MEETING = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})\s*[-_\s]\s*(\S.*)$")


def near_weeks(name: str) -> tuple[str, ...]:
    """The weeks (`2026-W50`) a check-in file misnamed as `name` may be: same letters up to
    case and spaces, a week without its leading zero (`2026-W5`: W05 or W50). Empty for a
    right name, or one far from any."""
    if not name.endswith(".toml") or CHECKIN_NAME.match(name):
        return ()
    found = _NEAR_WEEK.match("".join(name.removesuffix(".toml").split()))
    if not found:
        return ()
    year, number = found[1], found[2]
    numbers = [number] if len(number) == 2 else [f"0{number}", f"{number}0"]
    return tuple(f"{year}-W{n}" for n in numbers if 1 <= int(n) <= 53)


def near_meeting(name: str) -> tuple[str, str] | None:
    """(day, who) of a one-on-one file misnamed as `name`: a day (`2026-12-3` too), then a
    person written another way (`Grace`, `grace lindqvist`), spaces stray; who is lower
    case, spaces as dashes. None for a right name, or one far from any."""
    if not name.endswith(".toml") or ONE_ON_ONE_NAME.match(name):
        return None
    found = _NEAR_MEETING.match(name.removesuffix(".toml").strip())
    if not found:
        return None
    who = "-".join(found[4].lower().split())
    if not re.match(r"^[a-z0-9][a-z0-9_-]*$", who):
        return None
    return f"{found[1]}-{int(found[2]):02d}-{int(found[3]):02d}", who


def near_review(name: str) -> tuple[str, str] | None:
    """(day, subject) of a review file misnamed as `name`: a day (`2026-12-1` too), then
    words written another way (`Strategy`, `strategy review`, `capability-Lean-Flow`), lower
    case, spaces as dashes. The subject is `strategy` when a word says so,
    `capability-ID` when the words start with "capability", else the words as they are
    (what the file says may still decide, `store/names.py`). None for a right name, or one
    far from any."""
    if not name.endswith(".toml") or REVIEW_NAME.match(name):
        return None
    found = _NEAR_MEETING.match(name.removesuffix(".toml").strip())
    if not found:
        return None
    words = "-".join(found[4].lower().split())
    if "strategy" in re.split(r"[-_]", words):
        words = "strategy"
    if not re.match(r"^[a-z0-9][a-z0-9_-]*$", words):
        return None
    return f"{found[1]}-{int(found[2]):02d}-{int(found[3]):02d}", words


def dated_order(rel: str) -> tuple[str, int]:
    """Where a dated file (a one-on-one, a review) comes among the others, oldest first: by
    its name, a second meeting that day (`2026-11-24-maria-2.toml`) after the first
    (`2026-11-24-maria.toml`) and the tenth after the second. Sorted as text, `maria-2`
    would come first (`-` sorts before `.`) and `maria-10` before `maria-2`: the one rule
    every reader of these folders sorts by."""
    stem = rel.rsplit("/", 1)[-1].removesuffix(".toml")
    head, dash, tail = stem.rpartition("-")
    if dash and tail.isdigit() and len(head) > len("YYYY-MM-DD"):
        return head, int(tail)
    return stem, 1


# Editor support: the JSON Schema of each kind of file (`leadwork schema` writes them here)
# and the `#:schema` line at the top of every file leadwork creates, which points at it.
SCHEMA_DIR = ".leadwork/schema"
SCHEMA_DIRECTIVE = "#:schema "
# Schema name -> the journal files it describes (a glob relative to the root), in the
# order `leadwork schema` lists them. render/schema.py pairs each with its model.
SCHEMA_FILES: dict[str, str] = {
    "leadwork": CONFIG,
    "strategy": STRATEGY,
    "capabilities": CAPABILITIES,
    "indicators": INDICATORS,
    "team": TEAM,
    "checkin": f"{CHECKINS}/*.toml",
    "one-on-one": f"{ONE_ON_ONES}/*.toml",
    "strategy-review": f"{REVIEWS}/*-strategy.toml",
    "capability-review": f"{REVIEWS}/*-capability-*.toml",
}


def schema_name(rel: str) -> str | None:
    """The schema of the journal file at `rel` (forward slashes, relative to the root), or
    None for a file that has none (a draft, the lock, the person's own files)."""
    from fnmatch import fnmatchcase

    for name, pattern in SCHEMA_FILES.items():
        if fnmatchcase(rel, pattern):
            return name
    return None


def schema_directive(rel: str) -> str | None:
    """The `#:schema` line for the journal file `rel`. Its path is relative to the file's
    own folder, which is how Taplo (and so Even Better TOML) resolves it, so the file finds
    its schema from any working directory, editor workspace or `taplo check` run."""
    name = schema_name(rel)
    if name is None:
        return None
    up = "../" * rel.count("/") or "./"
    return f"{SCHEMA_DIRECTIVE}{up}{SCHEMA_DIR}/{name}.json"


def with_schema_directive(rel: str, text: str) -> str:
    """A NEW file's text with its `#:schema` line first: the one place every writer gets it
    from. Never applied to an existing file (the person's file is theirs: see
    `leadwork schema --add-directives`). Text that already starts with a directive keeps it."""
    line = schema_directive(rel)
    if line is None or text.lstrip("\ufeff").startswith(SCHEMA_DIRECTIVE):
        return text
    return f"{line}\n{text}"


def checkin_file(week: object) -> str:
    return f"{CHECKINS}/{week}.toml"


def is_checked_file(parts: tuple[str, ...]) -> bool:
    """Whether a path inside the journal (its parts, relative to the root) is one that
    `check` reads: a definition file at the root, or a TOML file in one of its folders.
    Any other file there (a stray .toml, a file of a journal nested in this one) is not
    the journal's, and no command vouches for it."""
    if len(parts) == 1:
        return parts[0] in DEFINITION_FILES
    return (
        len(parts) == 2
        and parts[0] in FOLDERS
        and parts[1].endswith(".toml")
        and not parts[1].startswith(".")
    )


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
