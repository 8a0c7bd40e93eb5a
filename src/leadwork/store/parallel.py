"""Read and parse many journal files on both cores.

`leadwork check` parses every file of the journal, and on a decade of history (~3,000
files) parsing with the standard library's pure-Python `tomllib` is most of its time. Where
the platform forks cheaply (Linux) and there are enough files to repay a second process,
a forked worker parses every other file while this process parses the rest; results come
back pickled. Anywhere else, or for a small journal, files are read one after another. The
outcome is the same either way: a Document per file, or the problems that file has.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from leadwork.errors import InvalidFile, Problem
from leadwork.store.document import Document, parse, read_document

# Below this many files a second process costs more than it saves (a fork and a pickle
# round trip are ~20 ms; a check-in parses in ~0.4 ms).
PARALLEL_FROM = 300

if TYPE_CHECKING:
    from leadwork.store.validated import ValidatedCache

Outcome = Document | list[Problem]
T = TypeVar("T")
R = TypeVar("R")


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


class Lookup:
    """What a file became when looked up in the cache of validated files on the way:
    `kept` (its entry exists: the text, to read the entry in this process), or `outcome`
    (parsed, or its problems); `key` its entry's name (None when it could not be read)."""

    __slots__ = ("kept", "key", "outcome")

    def __init__(self, outcome: Outcome | None, key: str | None, kept: str | None) -> None:
        self.outcome, self.key, self.kept = outcome, key, kept


def _look_up(item: tuple[Path, str], cache: ValidatedCache, plain: bool) -> Lookup:
    from leadwork.store.document import read_text

    path, model = item
    try:
        text = read_text(path)
    except InvalidFile as error:
        return Lookup(error.problems, None, None)
    key = cache.key(model, text.encode(), plain=plain)
    if cache.has(key):
        return Lookup(None, key, text)
    return Lookup(_parse((path, text)), key, None)


def _look_up_all(
    items: Sequence[tuple[Path, str]], cache: ValidatedCache, plain: bool
) -> list[Lookup]:
    return [_look_up(item, cache, plain) for item in items]


def look_up_documents(
    items: Sequence[tuple[Path, str]], cache: ValidatedCache, *, plain: bool
) -> dict[Path, Lookup]:
    """Each (path, model name): read, its cache key made, and parsed unless the cache holds
    an entry for it, on both cores when there are many. Reading and hashing are most of a
    look-up, so a cold cache costs about what no cache does (`check` of ten years read
    every file in this process before: 17-19% over no cache)."""
    cache.key("", b"", plain=plain)  # the fingerprint, once, before a worker is forked
    cache.usable()  # and whether the folder is ours
    work = functools.partial(_look_up_all, cache=cache, plain=plain)
    return dict(zip((path for path, _ in items), _spread(work, items), strict=True))


def _can_fork() -> bool:
    return sys.platform == "linux" and (os.cpu_count() or 1) > 1


def read_documents(paths: Sequence[Path]) -> dict[Path, Outcome]:
    """Every path's Document, or its problems, in the order given."""
    return dict(zip(paths, _spread(_read_all, paths), strict=True))


def parse_documents(items: Sequence[tuple[Path, str]]) -> dict[Path, Outcome]:
    """Every (path, text)'s Document, or its problems, in the order given: for texts
    already read (to look them up in the cache of validated files)."""
    return dict(zip((path for path, _ in items), _spread(_parse_all, items), strict=True))


def _spread(work: Callable[[Sequence[T]], list[R]], items: Sequence[T]) -> list[R]:
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
    merged: list[R] = []
    for index in range(len(items)):
        merged.append(done_here[index // 2] if index % 2 == 0 else done_there[index // 2])
    return merged
