"""`leadwork check`: every problem in the journal, and whether it fails the check."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt

    from leadwork.errors import Problem
    from leadwork.store.check import CheckResult
    from leadwork.store.journal import Journal


@dataclass(frozen=True)
class Request:
    strict: bool = False  # warnings fail the check too


@dataclass(frozen=True)
class Result:
    check: CheckResult
    failing: tuple[Problem, ...]  # the problems that fail it: errors, or all when strict

    @property
    def passed(self) -> bool:
        return not self.failing


def run(journal: Journal, request: Request, today: dt.date) -> Result:
    """Reads every file; writes nothing."""
    from leadwork.store.check import check_journal

    result = check_journal(journal, today)
    failing = tuple(p for p in result.problems if p.severity == "error" or request.strict)
    return Result(result, failing)
