"""The one error hierarchy: every failure a person can cause ends up as a LeadworkError.

Errors carry data (file, line, column, key, hint), never formatting; the CLI's
`leadwork.cli.messages.settle` (every command reaches it through `cli.boundary`) is the one
place that turns them into text on stderr and an exit code. This module imports only the
standard library so the CLI can use it at start-up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]

# Exit codes, documented in docs/cli.md: 0 fine, 1 problems found, 2 bad usage.
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class Interrupted(KeyboardInterrupt):
    """Ctrl-C (or the end of the input) in an interview that keeps no draft: `said` is
    what the stop line says in place of "nothing more was written"."""

    def __init__(self, said: str) -> None:
        super().__init__(said)
        self.said = said


# An interview that writes only once every answer is in (a one-on-one): stopped, nothing
# was written and what was typed is gone.
NOTHING_KEPT = "nothing was written; the answers typed are not kept"


@dataclass(frozen=True)
class Problem:
    """One thing wrong, located as precisely as we can: file, line, column, key."""

    message: str
    file: Path | None = None
    line: int | None = None
    col: int | None = None
    key: str | None = None
    hint: str | None = None
    source_line: str | None = None
    width: int = 1  # how many characters of source_line the caret underlines
    severity: Severity = "error"
    # The request field a person gave this value in ("week", "step_done"): the core words
    # its message without naming a flag, as the value may have come from an answer; the
    # CLI puts the flag's name first (`leadwork.cli.command.name_flags`). A hint that tells
    # how to answer names another field as «no_plan»: the CLI spells it as its flag.
    given: str | None = None
    # The same problem as the one before it, at another place (an unknown id used in many
    # files): the text shows only its place and message, under the first in full.
    again: bool = False

    def as_warning(self) -> Problem:
        return replace(self, severity="warning")


NoteKind = Literal["definition", "file", "withheld", "folded", "gaps"]


@dataclass(frozen=True)
class Note:
    """What a journal's check could not check because a file is not valid, until it is.

    kind "definition": the other files' references to this file; "file": this file's
    references to the other files; "withheld": some of this file's own checks, which might
    rest on a value left out because it is in error; "folded": `count` errors in other
    files that name ids of this file, which has errors of its own (their likely cause);
    "gaps": the gaps between strategy, capabilities and indicators, judged only once this
    file (one of the three) has no errors."""

    file: Path
    kind: NoteKind
    count: int = 0


class LeadworkError(Exception):
    """Base of every error meant for the person at the terminal."""

    exit_code = EXIT_PROBLEMS

    def __init__(
        self,
        message: str = "",
        *,
        file: Path | None = None,
        line: int | None = None,
        col: int | None = None,
        key: str | None = None,
        hint: str | None = None,
        given: str | None = None,
        problems: list[Problem] | None = None,
    ) -> None:
        if problems is None:
            problems = [
                Problem(message, file=file, line=line, col=col, key=key, hint=hint, given=given)
            ]
        self.problems: list[Problem] = problems
        super().__init__(message or (problems[0].message if problems else ""))

    @property
    def message(self) -> str:
        return str(self)


class JournalNotFound(LeadworkError):
    """No journal where we looked."""


class InvalidFile(LeadworkError):
    """A journal file that cannot be read, decoded, parsed or validated."""


class ProblemsFound(LeadworkError):
    """Several problems at once (what `leadwork check` reports), and notes on what could
    not be checked."""

    def __init__(self, *, problems: list[Problem], notes: Sequence[Note] = ()) -> None:
        super().__init__(problems=problems)
        self.notes: list[Note] = list(notes)


class UsageProblem(LeadworkError):
    """A flag, argument or answer the person gave is not acceptable."""

    exit_code = EXIT_USAGE


class WriteRefused(LeadworkError):
    """A write that would lose or damage something, or that the filesystem refused."""


class LockTimeout(LeadworkError):
    """Another leadwork process holds the journal's lock for too long."""


@dataclass
class ProblemList:
    """Collects problems during a whole-journal check instead of stopping at the first."""

    items: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.items.append(problem)

    def extend(self, problems: list[Problem]) -> None:
        self.items.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "warning"]
