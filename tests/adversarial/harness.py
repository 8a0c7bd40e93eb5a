"""The adversarial suite's two shared pieces: the table of commands, and the one check.

COMMANDS says, for every command, which journal files it reads and which it writes on the
small journal (tests/journals.py). Every bad input placed in a file is tried with every
command that reads that file; a command that lands is covered by adding one line here.

`assert_refused` is the one check every bad-input case makes: a clear message that names
the file (and the line, where the file has lines), a non-zero exit that is not the
"internal error" code, no traceback, and nothing changed, in the journal or beside it.
"""

from __future__ import annotations

import fnmatch
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from leadwork.cli.messages import EXIT_INTERNAL

from conftest import Result

EVERY_FILE = "*"

# The small journal's files (tests/journals.py) plus the leadwork.toml `init` made.
CONFIG = "leadwork.toml"
TEAM = "team.toml"
STRATEGY = "strategy.toml"
CAPABILITIES = "capabilities.toml"
INDICATORS = "indicators.toml"
WEEK = "checkins/2026-W48.toml"  # this week (today is 2026-11-27)
CHECKINS = "checkins/*"
MEETING = "one-on-ones/2026-11-24-maria.toml"
REVIEW = "reviews/2026-09-01-strategy.toml"
FILES = (CONFIG, TEAM, STRATEGY, CAPABILITIES, INDICATORS, WEEK, MEETING, REVIEW)


@dataclass(frozen=True)
class Command:
    """One way to run a command on the small journal, and the files that run touches."""

    argv: tuple[str, ...]
    reads: tuple[str, ...]  # glob patterns of journal files, relative to the journal
    writes: tuple[str, ...] = ()
    # Does it check the files against each other (dangling references, duplicate ids)?
    # Those that do must refuse a journal whose files disagree; the others must at least
    # not crash, not write, and not hide the problem behind a traceback.
    cross_checks: bool = False
    # Does its argv name ids that the definition files must hold (`--choice quality-first`,
    # `-r otd=96`)? Then on a journal without definitions it must refuse, clearly.
    names_ids: bool = False
    env: tuple[tuple[str, str], ...] = ()  # e.g. (("EDITOR", "true"),) for `edit`

    @property
    def id(self) -> str:
        return " ".join(self.argv)

    def environ(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        return {**dict(self.env), **(extra or {})}

    def reads_file(self, rel: str) -> bool:
        return any(fnmatch.fnmatch(rel, pattern) for pattern in self.reads)


# One line per command (and per distinct way of running it). `reads` is what each one
# really reads on the small journal (found by giving it every bad file): a file it does
# not read cannot stop it.
COMMANDS: tuple[Command, ...] = (
    Command(("check",), reads=(EVERY_FILE,), cross_checks=True),
    Command(("check", "--format", "json"), reads=(EVERY_FILE,), cross_checks=True),
    Command(("dashboard",), reads=(EVERY_FILE,)),
    Command(("dashboard", "--format", "json"), reads=(EVERY_FILE,)),
    Command(
        ("dashboard", "--output", "dashboard.html", "--format", "html"),
        reads=(EVERY_FILE,),
        writes=("dashboard.html",),
    ),
    Command(("story", "Line 3 ran clean"), reads=(CHECKINS,), writes=(WEEK,)),
    Command(
        ("story", "Line 3 ran clean", "--choice", "quality-first", "--who", "maria"),
        reads=(STRATEGY, CHECKINS),
        writes=(WEEK,),
        names_ids=True,
    ),
    Command(
        ("conversation", "They want weekly ship dates", "--with", "customer"),
        reads=(CHECKINS,),
        writes=(WEEK,),
    ),
    Command(
        ("checkin", "--no-input", "-r", "otd=96", "--story", "A good week", "-c", "Walk line 3"),
        reads=(INDICATORS, CHECKINS),
        writes=(WEEK,),
        names_ids=True,
    ),
    Command(("indicator", "list"), reads=(CONFIG, INDICATORS, CHECKINS)),
    Command(("indicator", "show", "otd"), reads=(CONFIG, INDICATORS, CHECKINS), names_ids=True),
    Command(("capability", "list"), reads=(CAPABILITIES, INDICATORS)),
    Command(
        ("capability", "show", "quality-at-scale"),
        reads=(CAPABILITIES, INDICATORS),
        names_ids=True,
    ),
    Command(("report",), reads=(EVERY_FILE,)),
    Command(("report", "--format", "json"), reads=(EVERY_FILE,)),
    Command(("edit", "team"), reads=(TEAM,), env=(("EDITOR", "true"), ("VISUAL", ""))),
    Command(("schema",), reads=(), writes=(".leadwork/schema/checkin.json",)),
    Command(("map",), reads=(STRATEGY, CAPABILITIES, INDICATORS, CHECKINS)),
    Command(("reflect",), reads=(CHECKINS,)),
    Command(
        ("review", "strategy", "--no-input", "--changes", "Nothing yet"),
        reads=(CONFIG, STRATEGY, CHECKINS, REVIEW),
        writes=("reviews/2026-11-27-strategy.toml",),
    ),
    Command(
        ("review", "capability", "quality-at-scale", "--no-input", "--level", "3", "--reason", "x"),
        reads=(CAPABILITIES,),
        writes=(CAPABILITIES, "reviews/2026-11-27-capability-quality-at-scale.toml"),
        names_ids=True,
    ),
)
COMMANDS += (
    Command(
        ("one-on-one", "maria", "--prep"),
        reads=(CONFIG, TEAM, INDICATORS, WEEK, MEETING),
        names_ids=True,
    ),
    Command(("one-on-one", "--due"), reads=(TEAM,)),
    Command(("commitments",), reads=(TEAM, CHECKINS, MEETING)),
    Command(("commitments", "--format", "json"), reads=(TEAM, CHECKINS, MEETING)),
    Command(
        ("one-on-one", "maria", "--no-input", "--progress", "Steady", "--plan", "otd=Second shift"),
        reads=(CONFIG, TEAM, STRATEGY, INDICATORS, WEEK, MEETING),
        writes=("one-on-ones/2026-11-27-maria.toml",),
        names_ids=True,
    ),
    Command(
        (
            *("indicator", "add", "yield", "--name", "Yield", "--owner", "maria"),
            *("--direction", "higher", "--target", "95", "--celebrate", "98"),
            *("--course-correct", "90", "--agreed-with", "maria"),
        ),
        reads=(TEAM, STRATEGY, CAPABILITIES, INDICATORS),
        writes=(INDICATORS,),
        names_ids=True,
    ),
    Command(
        ("indicator", "change", "otd", "--target", "96", "--since", "2026-11-27"),
        reads=(TEAM, STRATEGY, CAPABILITIES, INDICATORS),
        writes=(INDICATORS,),
        names_ids=True,
    ),
)
COMMANDS += (
    Command(("indicator", "export"), reads=(INDICATORS, CHECKINS)),
    Command(
        ("indicator", "export", "--format", "json", "--output", "readings.json"),
        reads=(INDICATORS, CHECKINS),
        writes=("readings.json",),
    ),
    # stdin is empty here: the command reads indicators.toml, then finds nothing to import
    # (tests/test_indicator_csv.py imports real files, bad ones among them).
    Command(("indicator", "import", "-"), reads=(INDICATORS,)),
)
# Commands that read no journal file through the loader, so no bad file can reach them:
# init (tested in test_filesystem.py and test_escape.py instead); git setup, which writes
# git's config and .gitattributes; git merge, the driver git calls with three versions of
# a file, which falls back to git's own line merge on a bad one (tests/test_git_merge.py).
NOT_JOURNAL_READERS = {"init", "git setup", "git merge", "help"}


def readers_of(rel: str) -> list[Command]:
    return [command for command in COMMANDS if command.reads_file(rel)]


def writers() -> list[Command]:
    return [command for command in COMMANDS if command.writes]


# ---- the one check ----------------------------------------------------------------------


def tree_digest(root: Path) -> dict[str, str]:
    """Every path under `root` (symlinks not followed) with a digest of what it is."""
    found: dict[str, str] = {}
    if not root.exists():
        return found
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_symlink():
            found[rel] = "symlink -> " + str(path.readlink())
        elif path.is_file():
            mode = path.stat().st_mode & 0o7777
            found[rel] = f"{oct(mode)} " + hashlib.sha256(path.read_bytes()).hexdigest()
        elif path.is_dir():
            found[rel] = f"folder {oct(path.stat().st_mode & 0o7777)}"
        else:
            found[rel] = "special"
    return found


# pytest's temporary folder for the whole run (the worker's, under xdist): set by
# tests/adversarial/conftest.py. A snapshot never watches it, nor a folder above it.
SESSION_TEMP: Path | None = None
SESSION_TEMP_AND_ABOVE: frozenset[Path] = frozenset()


def watch_session_temp(base: Path) -> None:
    global SESSION_TEMP, SESSION_TEMP_AND_ABOVE
    SESSION_TEMP = base.resolve()
    SESSION_TEMP_AND_ABOVE = frozenset({SESSION_TEMP, *SESSION_TEMP.parents})


@dataclass
class Snapshot:
    """The journal and the folder around it, to prove that nothing changed anywhere."""

    journal: Path
    outside: Path
    inside_before: dict[str, str]
    outside_before: dict[str, str]

    @classmethod
    def take(cls, journal: Path, outside: Path | None = None) -> Snapshot:
        """`outside` (by default the folder that holds the journal) must be the test's own
        folder or one inside it: pytest's folder for the whole run holds every test's
        folders (gigabytes by the end), and hashing it twice a test was a third of the
        suite's time."""
        outside = outside or journal.parent
        for watched in (journal, outside):
            if SESSION_TEMP is not None and watched.resolve() in SESSION_TEMP_AND_ABOVE:
                raise AssertionError(
                    f"Snapshot.take would watch {watched}, pytest's folder for the whole run"
                    " (every test's folders): watch the test's own tmp_path instead"
                )
        return cls(journal, outside, tree_digest(journal), tree_digest(outside))

    def changes(self) -> list[str]:
        return _diff(self.inside_before, tree_digest(self.journal), "journal") + _diff(
            self.outside_before, tree_digest(self.outside), "around the journal"
        )


# leadwork's own lock file (empty, in the journal's .gitignore) may appear when a writer
# takes the lock before it finds the input bad: it holds no data, so it is not a change.
LOCK = ".leadwork.lock"


def _diff(before: dict[str, str], after: dict[str, str], where: str) -> list[str]:
    changed = []
    for rel in sorted(set(before) | set(after)):
        if rel.rsplit("/", 1)[-1] == LOCK and rel not in before:
            continue
        if before.get(rel) != after.get(rel):
            state = "added" if rel not in before else "removed" if rel not in after else "changed"
            changed.append(f"{where}: {rel} {state}")
    return changed


def located(output: str, file: str, line: int | None) -> bool:
    """Does the output hold an error at FILE:LINE (FILE alone when line is None, FILE and
    any line when line is -1)?"""
    if line is None:
        pattern = rf"^{re.escape(file)}(:\d+(:\d+)?)?: error: "
    elif line == -1:
        pattern = rf"^{re.escape(file)}:\d+:\d+: error: "
    else:
        pattern = rf"^{re.escape(file)}:{line}:\d+: error: "
    if re.search(pattern, output, re.M):
        return True
    # --format json puts the same facts in a document
    if line == -1:
        return f'"file": "{file}"' in output and '"line": null' not in output
    return f'"file": "{file}"' in output and (line is None or f'"line": {line},' in output)


def refusal_problems(
    result: Result,
    snapshot: Snapshot,
    file: str,
    line: int | None,
    message: str | None = None,
) -> list[str]:
    """What is wrong with how a command refused bad input (empty when it refused well)."""
    problems = []
    if result.exit_code == 0:
        problems.append("exit 0")
    elif result.exit_code == EXIT_INTERNAL:
        problems.append("internal error (a bug, not a message about the input)")
    if "Traceback" in result.output:
        problems.append("traceback")
    if not (located(result.stderr, file, line) or located(result.stdout, file, line)):
        problems.append(f"no error located at {file}:{line if line is not None else ''}")
    if message is not None and message not in result.output:
        problems.append(f"message lacks {message!r}")
    problems += snapshot.changes()
    return problems


def assert_refused(
    result: Result,
    snapshot: Snapshot,
    file: str,
    line: int | None,
    message: str | None = None,
) -> None:
    problems = refusal_problems(result, snapshot, file, line, message)
    assert not problems, "; ".join(problems) + f"\n{result!r}"
