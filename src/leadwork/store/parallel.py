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
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from leadwork.errors import InvalidFile, Problem
from leadwork.store.document import Document, parse, read_document

# Below this many files a second process costs more than it saves (a fork and a pickle
# round trip are ~20 ms; a check-in parses in ~0.4 ms).
PARALLEL_FROM = 300

Outcome = Document | list[Problem]
T = TypeVar("T")


def _read(path: Path) -> Outcome:
    try:
        return read_document(path)
    except InvalidFile as error:
        return error.problems


def _read_all(paths: Sequence[Path]) -> list[Outcome]:
    return [_read(path) for path in paths]


def _parse(item: tuple[Path, str]) -> Outcome:
    try:
        return parse(*item)
    except InvalidFile as error:
        return error.problems


def _parse_all(items: Sequence[tuple[Path, str]]) -> list[Outcome]:
    return [_parse(item) for item in items]


def _can_fork() -> bool:
    return sys.platform == "linux" and (os.cpu_count() or 1) > 1


def read_documents(paths: Sequence[Path]) -> dict[Path, Outcome]:
    """Every path's Document, or its problems, in the order given."""
    return dict(zip(paths, _spread(_read_all, paths), strict=True))


def parse_documents(items: Sequence[tuple[Path, str]]) -> dict[Path, Outcome]:
    """Every (path, text)'s Document, or its problems, in the order given: for texts
    already read (to look them up in the cache of validated files)."""
    return dict(zip((path for path, _ in items), _spread(_parse_all, items), strict=True))


def _spread(work: Callable[[Sequence[T]], list[Outcome]], items: Sequence[T]) -> list[Outcome]:
    """`work(items)`, half of it in a forked worker when there are many."""
    if len(items) < PARALLEL_FROM or not _can_fork():
        return work(items)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    mine, theirs = items[0::2], items[1::2]
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as worker:
        future = worker.submit(work, theirs)
        done_here = work(mine)
        try:
            done_there = future.result()
        except Exception:  # the worker died (out of memory, killed): do its share here
            done_there = work(theirs)
    merged: list[Outcome] = []
    for index in range(len(items)):
        merged.append(done_here[index // 2] if index % 2 == 0 else done_there[index // 2])
    return merged
