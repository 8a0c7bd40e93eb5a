"""Files already validated, kept in the user's cache folder so that a later run skips
parsing and validating them (about a fifth of the time: ~0.25 ms a file with the
standard library's parser, against ~0.06 ms to read a kept model back).

An entry is the validated model, pickled, under a key that is a hash (blake2b) of the
file's content, of the model it was validated against and the form it is kept in (the
model itself, or its plain form for the views: `model/plain.py`, read back without
importing pydantic's models), and of a fingerprint of what
validation depends on: Python's, pydantic's and leadwork's versions and the source of
leadwork's models. An edit, even within the same second and of the same size, changes the
key; an upgrade changes every key. Only files that validate are kept, so a hit never needs
the file's source map (it is built when the file is first asked for a position, from the
same text).

Where: `<cache folder>/validated/` (`leadwork.cachedir`: 0700, files 0600, never inside
the journal). Each entry is written whole (temp file, rename, no fsync: an entry torn by
a power cut fails its checksum and is only a miss). An entry is used only if its header,
key and checksum match, it is ours (this user's, mode 0600, in a folder no one else can
write), and it unpickles to the model asked for through an unpickler that knows only
leadwork's model classes (or `plain.rebuild`, which makes a plain record of data) and
dates, never any other code; anything else is a miss, and
the entry is written anew (at most NEW_PER_RUN a run, and past its first FIRST_ENTRIES
only while writing has taken under WRITE_SHARE of the run). A cache that
cannot be written (a read-only folder) is used as it is. Concurrent runs write the same
bytes under the same name, so the last rename wins and a reader sees either entry whole.
Entries not used for 30 days (`cachedir.KEEP_DAYS`) are pruned, at most once a day;
`LEADWORK_NO_CACHE=1` turns the cache off.
"""

from __future__ import annotations

import datetime
import hashlib
import importlib
import io
import os
import pickle
import re
import sys
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from leadwork.cachedir import (
    cache_dir,
    enabled,
    installed,
    private_folder,
    prune_now_and_then,
    read_entry,
    source_parts,
    trusted,
    write_entry,
)
from leadwork.weeks import Week

if TYPE_CHECKING:
    from pydantic import BaseModel

FOLDER = "validated"
FORMAT = b"leadwork-validated-2\n"  # an entry's first bytes; a change makes older ones foreign
KEY_SIZE = 20  # bytes of blake2b: 40 hex digits
SUFFIX = ".pickle"
# Entries one run may write. Creating a file costs 0.05-0.3 ms on ext4 (more under load):
# for the ~3,000 files of ten years `check` would pay 10-60% more on a cold cache, against
# the 10% allowed. So a run keeps its first NEW_PER_RUN new files (every view's files, the
# definitions and the latest weeks, are far fewer), and each later `check` keeps the next.
NEW_PER_RUN = 200
# The same bound in time, for a busy disk: creating a file took 0.045 ms on a quiet disk and
# 0.3-2 ms while test suites churned files beside it. Past its first FIRST_ENTRIES (more
# than any view reads: a view is kept whole on its first run, so its second imports no
# pydantic), a run stops writing once its writes have taken WRITE_SHARE of its time so far
# (its CPU time: the interpreter's start, the imports, the reading and validating before).
# A cold `check` then pays about that for the rest on any disk; later runs keep the rest.
FIRST_ENTRIES = 64
WRITE_SHARE = 0.03

# What validation depends on in leadwork: the models and the domain modules they import
# (tests/test_validated_cache.py holds this list to the models' imports).
_SOURCES = ("model", "weeks.py", "values.py", "plainclass.py")

_ALLOWED: dict[tuple[str, str], type] = {}  # model classes vetted by find_class this run
_MODEL_MODULE = re.compile(r"^leadwork\.model\.[a-z_]+$")
# What an entry may hold besides records and models: dates and weeks (looked up directly:
# `check` of ten years asks ~10,000 times).
_DATA: dict[tuple[str, str], type] = {
    ("datetime", name): getattr(datetime, name)
    for name in ("date", "datetime", "time", "timedelta", "timezone")
}
_DATA["leadwork.weeks", "Week"] = Week


class _Unpickler(pickle.Unpickler):
    """Unpickles leadwork's models and what they hold, or plain records, and nothing else:
    a cache entry never runs code, whatever is written in it."""

    def __init__(self, file: io.BytesIO, *, plain: bool) -> None:
        super().__init__(file)
        self.plain = plain

    def find_class(self, module: str, name: str) -> Any:
        known = _DATA.get((module, name)) or (None if self.plain else _ALLOWED.get((module, name)))
        if known is not None:
            return known  # a date, or a model class this run has already vetted
        if self.plain:
            if (module, name) == ("leadwork.model.plain", "rebuild"):
                from leadwork.model.plain import rebuild

                return rebuild
        elif _MODEL_MODULE.match(module) and name.isidentifier():
            # leadwork's own model modules only (imported now if this run has not yet:
            # the store names its models and imports one when a file needs it)
            from pydantic import BaseModel

            loaded = sys.modules.get(module) or importlib.import_module(module)
            found = getattr(loaded, name, None)
            if isinstance(found, type) and issubclass(found, BaseModel):
                _ALLOWED[module, name] = found
                return found
        raise pickle.UnpicklingError(f"not a leadwork model: {module}.{name}")


def fingerprint() -> bytes:
    """Python's, pydantic's and leadwork's versions, and leadwork's model sources.

    pydantic's and pydantic-core's are read as installed (`cachedir.installed`), not
    imported: a view reading plain entries never imports pydantic at all. Should either
    not be found as files (a zipped install), they are imported."""
    from leadwork import __version__

    libraries = [installed("pydantic", "version.py"), installed("pydantic_core", "_pydantic_core*")]
    if not all(libraries):
        import pydantic
        import pydantic_core

        libraries = [pydantic.VERSION.encode(), pydantic_core.__version__.encode()]
    parts = [FORMAT, sys.version.encode(), *libraries, __version__.encode()]
    parts += source_parts(_SOURCES)
    return hashlib.blake2b(b"\0".join(parts), digest_size=KEY_SIZE).digest()


class ValidatedCache:
    """The kept models of one run. Never raises: without it leadwork is only slower."""

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self._fingerprint: bytes | None = None
        self._usable: bool | None = None  # the folder exists and is ours: read from it
        self._writable: bool | None = None  # the folder made and ours; False once a write fails
        self.budget = NEW_PER_RUN  # entries this run may still write
        self.first = FIRST_ENTRIES  # entries this run writes whatever they take
        self.written = 0  # entries this run wrote
        self.writing = 0.0  # seconds they took

    @classmethod
    def for_user(cls, environ: Mapping[str, str] = os.environ) -> ValidatedCache | None:
        """The cache in the user's cache folder, or None when it is turned off."""
        if not enabled(environ):
            return None
        return cls(os.path.join(cache_dir(environ), FOLDER))

    def key(self, model: str, content: bytes, *, plain: bool = False) -> str:
        """The entry's name for `content` validated as `model` (its name), kept as the
        model itself or in plain form."""
        if self._fingerprint is None:
            self._fingerprint = fingerprint()
        digest = hashlib.blake2b(self._fingerprint, digest_size=KEY_SIZE)
        digest.update(f"\0{model}\0{'plain' if plain else 'model'}\0".encode())
        digest.update(content)
        return digest.hexdigest()

    def _path(self, key: str) -> str:
        return os.path.join(self.folder, key + SUFFIX)

    def usable(self) -> bool:
        """The folder is there and ours (checked once a run)."""
        if self._usable is None:
            self._usable = trusted(self.folder) and trusted(os.path.dirname(self.folder))
        return self._usable

    def has(self, key: str) -> bool:
        """Whether an entry is kept under `key` (`get` still judges whether it is good)."""
        return self.usable() and os.path.exists(self._path(key))

    def get(self, model: str, key: str, *, plain: bool = False) -> Any:
        """The model (by name) kept under `key`, or None (missing, corrupt, foreign, not
        ours)."""
        if not self.usable():
            return None
        payload = read_entry(self._path(key), FORMAT, key)
        if payload is None:
            return None
        try:
            found = _Unpickler(io.BytesIO(payload), plain=plain).load()
        except Exception:  # whatever a damaged pickle raises
            return None
        if plain:
            from leadwork.model.plain import Plain

            return found if isinstance(found, Plain) and type(found).model == model else None
        kind = type(found)
        return found if f"{kind.__module__}.{kind.__qualname__}" == model else None

    def put(self, key: str, instance: BaseModel | Any) -> None:
        """Keep a model that validated, under its file's key."""
        if self._writable is None:
            self._writable = private_folder(os.path.dirname(self.folder)) and private_folder(
                self.folder
            )
            if self._writable:
                prune_now_and_then(self.folder, SUFFIX, time.time())
        if not self._writable or self.budget <= 0 or not self._in_time():
            return
        began = time.perf_counter()
        try:
            payload = pickle.dumps(instance, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # a model that does not pickle is simply not kept
            return
        self.budget -= 1
        try:
            write_entry(self._path(key), FORMAT, key, payload)
        except OSError:  # a read-only or full cache folder: go on without it
            self._writable = False
        self.written += 1
        self.writing += time.perf_counter() - began

    def _in_time(self) -> bool:
        """Whether writing may go on: within the first FIRST_ENTRIES, or while it has
        taken less than WRITE_SHARE of the run so far."""
        if self.written < self.first:
            return True
        return self.writing < WRITE_SHARE * time.process_time()
