"""`check`'s cross-file rules over the files one command has read, for the commands that
show the journal (`cli.messages.vouch`): a view is refused, or shown under a warning,
when the files it stands on disagree, and never costs what `check` does.

The rules are `domain.consistency.cross_check` and `domain.review.review_findings`, the
ones `store.check.check_journal` runs; each judges one file against the definitions, so
they hold on any subset of the files. Kept apart from store/check.py, whose imports (the
gaps between areas, the parallel reader) a dashboard should not pay for."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Sequence
from typing import Any

from leadwork import layout
from leadwork.domain.consistency import Loaded
from leadwork.domain.review import journal_findings
from leadwork.errors import InvalidFile, Problem
from leadwork.store.journal import CHECKIN, DEFINITION_MODELS, ONE_ON_ONE, Journal, review_model
from leadwork.store.names import misnamed_files


class ReadCheck:
    """What `check` finds in the files a command read: the same cross-file rules, run only
    over the definitions and the check-ins, one-on-ones and reviews already loaded."""

    def __init__(self, ambiguous: list[Problem], doubtful: list[str], files: list[str]) -> None:
        # (a plain class: a dataclass costs a dashboard half a millisecond to define)
        self.ambiguous = ambiguous  # errors that make any view wrong (an id used twice)
        self.doubtful = doubtful  # the other files with errors, relative to the journal
        self.files = files  # every file with an error, those with ambiguous ones too


def check_read(journal: Journal, today: dt.date, written: Sequence[str] = ()) -> ReadCheck:
    """`check`'s cross-file errors among the files this run has read, without reading any
    other (a dashboard of ten years pays for the weeks it shows, not for `check`). The
    definition files are read if they were not: they are few and small, and a definition
    file that is not valid is named too. `written`: the files a writer wrote, read back as
    they are now (a week amended around a hand-made typo still holds it). Warnings are left
    to `check`."""
    for rel in written:
        _read_back(journal, rel)
    definitions: dict[str, Any] = {}
    broken: list[str] = []
    for rel in DEFINITION_MODELS:
        try:
            definitions[rel] = journal.definition(rel)
        except InvalidFile:
            broken.append(rel)
            definitions[rel] = None
    read = journal.models_read()
    checkins = _in(read, layout.CHECKINS)
    reviews = _in(read, layout.REVIEWS)
    config = definitions[layout.CONFIG]
    loaded = Loaded(
        strategy=definitions[layout.STRATEGY],
        capabilities=definitions[layout.CAPABILITIES],
        indicators=definitions[layout.INDICATORS],
        team=definitions[layout.TEAM],
        checkins=checkins,
        one_on_ones=_in(read, layout.ONE_ON_ONES),
        reviews=reviews,
        conversation_kinds=None if config is None else config.settings.conversation_kinds,
        complete=False,  # the files this run read, not every earlier one
    )
    findings = journal_findings(loaded, today)
    errors = [f for f in findings if f.severity == "error"]
    ambiguous = [
        journal.document(f.file).problem(f.path, f.message, f.hint) for f in errors if f.ambiguous
    ]
    doubtful = set(broken) | {f.file for f in errors if not f.ambiguous}
    # a week or meeting skipped for a name near its right one (store.names)
    doubtful |= {found.rel for found in misnamed_files(journal)}
    files = doubtful | {f.file for f in errors}
    return ReadCheck(ambiguous, sorted(doubtful, key=_file_order), sorted(files, key=_file_order))


def _in(read: dict[str, Any], folder: str) -> dict[str, Any]:
    """The files read from one of the dated folders (a file's folder decides its model)."""
    return {rel: m for rel, m in read.items() if rel.startswith(folder + "/")}


def _file_order(rel: str) -> tuple[int, str]:
    """Definition files first, in their usual order, then the others by name."""
    order = list(DEFINITION_MODELS)
    return (order.index(rel), "") if rel in order else (len(order), rel)


def _read_back(journal: Journal, rel: str) -> None:
    """Load a file this run wrote (the journal forgot it when writing) so that the
    cross-file rules see it; a definition file is read by check_read anyway."""
    folder, _, name = rel.partition("/")
    model = {layout.CHECKINS: CHECKIN, layout.ONE_ON_ONES: ONE_ON_ONE}.get(folder)
    review = layout.REVIEW_NAME.match(name) if folder == layout.REVIEWS else None
    if review is not None:
        model = review_model(review[2])
    if model is None:
        return
    with contextlib.suppress(InvalidFile):  # a writer never writes a file that does not
        journal.load(rel, model)  # validate; should one not, `check` names it
