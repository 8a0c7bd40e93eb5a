"""Whether what a command read may be shown: `check`'s cross-file rules over those files."""

from __future__ import annotations

from typing import TYPE_CHECKING

from leadwork.errors import InvalidFile

if TYPE_CHECKING:
    import datetime as dt

    from leadwork.store.journal import Journal


def doubtful_files(journal: Journal, today: dt.date) -> tuple[str, ...]:
    """After a reader read the journal and before its result is shown
    (`store.read_check.check_read`): a journal that says two things at once (an id used
    twice) is refused, as `check` would; the other files with errors are returned,
    relative to the journal, for the output to name in a warning."""
    from leadwork.store.read_check import check_read

    found = check_read(journal, today)
    if found.ambiguous:
        raise InvalidFile(problems=found.ambiguous)
    return tuple(found.doubtful)
