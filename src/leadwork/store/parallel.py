"""Read and parse many journal files on both cores.

`leadwork check` parses every file of the journal, and on a decade of history (~3,000
files) parsing with the standard library's pure-Python `tomllib` is most of its time. Where
the platform forks cheaply (Linux) and there are enough files to repay a second process,
a forked worker parses every other file while this process parses the rest; results come
back pickled. Anywhere else, or for a small journal, files are read one after another. The
outcome is the same either way: a Document per file, or the problems that file has.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from leadwork.errors import InvalidFile, Problem
from leadwork.store.document import Document, read_document

# Below this many files a second process costs more than it saves (a fork and a pickle
# round trip are ~20 ms; a check-in parses in ~0.4 ms).
PARALLEL_FROM = 300

Outcome = Document | list[Problem]


def _read(path: Path) -> Outcome:
    try:
        return read_document(path)
    except InvalidFile as error:
        return error.problems


def _read_all(paths: Sequence[Path]) -> list[Outcome]:
    return [_read(path) for path in paths]


def _can_fork() -> bool:
    return sys.platform == "linux" and (os.cpu_count() or 1) > 1


def read_documents(paths: Sequence[Path]) -> dict[Path, Outcome]:
    """Every path's Document, or its problems, in the order given."""
    if len(paths) < PARALLEL_FROM or not _can_fork():
        return dict(zip(paths, _read_all(paths), strict=True))
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    mine, theirs = paths[0::2], paths[1::2]
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as worker:
        future = worker.submit(_read_all, theirs)
        outcomes = dict(zip(mine, _read_all(mine), strict=True))
        try:
            outcomes.update(zip(theirs, future.result(), strict=True))
        except Exception:  # the worker died (out of memory, killed): read its share here
            outcomes.update(zip(theirs, _read_all(theirs), strict=True))
    return {path: outcomes[path] for path in paths}
