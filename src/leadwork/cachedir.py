"""The user's cache folder, shared by the CLI's answers (`cli.cache`) and the store's
validated files (`store.validated`): where it is, whether it can be trusted, and how a file
is written into it.

Where: $LEADWORK_CACHE_DIR, else $XDG_CACHE_HOME/leadwork, else ~/.cache/leadwork; a
folder of mode 0700 holding files of mode 0600, each written whole (temp file, rename).
A folder another user owns or could write is never read from. Never inside the journal,
which may be shared.

Standard library only, and little of it: the CLI's fast paths import it before anything.
"""

from __future__ import annotations

import os

# Not `from typing import TYPE_CHECKING`: importing typing costs ~5-10 ms on every Tab.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping

ENV_CACHE = "LEADWORK_CACHE_DIR"


def cache_dir(environ: Mapping[str, str] = os.environ) -> str:
    """$LEADWORK_CACHE_DIR, else the XDG cache folder's `leadwork`."""
    if environ.get(ENV_CACHE):
        return environ[ENV_CACHE]
    base = environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "leadwork")


def trusted(folder: str) -> bool:
    """Ours alone: owned by this user and writable by no one else."""
    getuid = getattr(os, "getuid", None)
    if getuid is None:  # Windows: the folder sits in the user's own profile
        return True
    try:
        info = os.stat(folder)
    except OSError:
        return False
    return info.st_uid == getuid() and not info.st_mode & 0o022


def private_folder(folder: str) -> bool:
    """`folder` made if missing (mode 0700), and True if it can be trusted. Never raises."""
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
    except OSError:
        return False
    return trusted(folder)


def write_private(path: str, data: bytes, *, sync: bool = True) -> None:
    """`data` into `path` whole or not at all (temp file, rename), readable by this user
    alone. `sync=False` skips the fsync: for a file whose reader checks it and can do
    without it (a cache entry torn by a power cut is only a miss). Raises OSError.

    Plain `os` calls, and a temp name from a per-process prefix and a counter: a cold
    cache writes one entry per journal file (~2,900 for ten years), and a file object and
    fresh random bytes per entry cost about a fifth of each write (40 against 49 us)."""
    temp = _temp_name(path)
    descriptor = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        try:
            view = memoryview(data)
            while view:  # a regular file takes it all at once; a signal may cut it short
                view = view[os.write(descriptor, view) :]
            if sync:
                os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.replace(temp, path)
    except BaseException:
        import contextlib

        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


_temp_pid = 0  # the process `_temp_prefix` was made for
_temp_prefix = ""
_temp_count = 0


def _temp_name(path: str) -> str:
    """`path` + this process's prefix + a count: unique without fresh random bytes each
    time; a forked child (another pid) makes a prefix of its own."""
    global _temp_pid, _temp_prefix, _temp_count
    pid = os.getpid()
    if pid != _temp_pid:
        _temp_pid, _temp_prefix, _temp_count = pid, f".{pid}.{os.urandom(4).hex()}.", 0
    _temp_count += 1
    return f"{path}{_temp_prefix}{_temp_count}.tmp"


# ---- what every kept-file cache shares: the off switch, and pruning ------------------------------

ENV_OFF = "LEADWORK_NO_CACHE"
KEEP_DAYS = 30  # an entry unused this long is removed
DAY = 86_400.0


def enabled(environ: Mapping[str, str] = os.environ) -> bool:
    """The caches of kept files are on unless LEADWORK_NO_CACHE says otherwise."""
    return environ.get(ENV_OFF, "") in ("", "0")


def prune_now_and_then(folder: str, suffix: str, now: float) -> None:
    """At most once a day (a `.pruned` marker's age says when): `prune`. Another run
    pruning at the same time only finds less to do. Never raises."""
    marker = os.path.join(folder, ".pruned")
    try:
        if now - os.stat(marker).st_mtime < DAY:
            return
    except OSError:
        pass
    try:
        with open(marker, "wb"):
            pass
        prune(folder, now, suffix)
    except OSError:
        return


def prune(folder: str, now: float, suffix: str, keep_days: float = KEEP_DAYS) -> int:
    """Remove the entries of `folder` (named `*suffix`) unused for `keep_days`, and temp
    files left by a run that was killed; how many."""
    removed = 0
    with os.scandir(folder) as entries:
        for entry in entries:
            if not entry.name.endswith((suffix, ".tmp")):
                continue
            try:
                age = now - entry.stat(follow_symlinks=False).st_mtime
                if age > keep_days * DAY or (entry.name.endswith(".tmp") and age > DAY):
                    os.unlink(entry.path)
                    removed += 1
            except OSError:
                continue  # gone already: another run pruned it
    return removed


def mark_used(path: str, mtime: float, now: float) -> None:
    """An entry read: kept from pruning for KEEP_DAYS more (its mtime moved at most once
    a day, so a read seldom writes)."""
    if now - mtime > DAY:
        import contextlib

        with contextlib.suppress(OSError):
            os.utime(path)


# ---- an entry: a header, its key, a checksum, the payload --------------------------------------

SUM_SIZE = 16  # bytes of blake2b over the payload


def read_entry(path: str, header: bytes, key: str) -> bytes | None:
    """The payload kept in `path` under `key`, or None: missing, unreadable, not this
    user's or readable by others, another format (`header`) or key, or a checksum that
    does not match (a torn write). A hit marks the entry used (`mark_used`)."""
    import hashlib
    import time

    try:
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            data = handle.read()
    except OSError:
        return None
    getuid = getattr(os, "getuid", None)
    if getuid is not None and (info.st_uid != getuid() or info.st_mode & 0o077):
        return None
    start = len(header) + len(key)
    if len(data) <= start + SUM_SIZE or not data.startswith(header):
        return None
    if data[len(header) : start] != key.encode():
        return None
    payload = data[start + SUM_SIZE :]
    if hashlib.blake2b(payload, digest_size=SUM_SIZE).digest() != data[start : start + SUM_SIZE]:
        return None
    mark_used(path, info.st_mtime, time.time())
    return payload


def write_entry(path: str, header: bytes, key: str, payload: bytes) -> None:
    """`payload` kept in `path` under `key`, for `read_entry`; no fsync (a torn entry fails
    its checksum and is only a miss). Raises OSError."""
    import hashlib

    checksum = hashlib.blake2b(payload, digest_size=SUM_SIZE).digest()
    write_private(path, header + key.encode() + checksum + payload, sync=False)


def source_parts(sources: tuple[str, ...]) -> list[bytes]:
    """The bytes of leadwork's own modules named by `sources` (folders or files of the
    package), in a stable order: what a kept entry's key is made of besides versions, so
    that an edit of an editable install is seen at once. An installation without sources
    (bytecode only) gives a marker per source, and the versions alone decide."""
    package = os.path.dirname(os.path.abspath(__file__))
    parts: list[bytes] = []
    for source in sources:
        path = os.path.join(package, source)
        try:
            names = sorted(os.listdir(path)) if os.path.isdir(path) else [""]
            for name in names:
                if name.endswith(".py") or not name:
                    with open(os.path.join(path, name) if name else path, "rb") as handle:
                        parts += [source.encode(), name.encode(), handle.read()]
        except OSError:
            parts.append(source.encode() + b"\0?")
    return parts


def installed(package: str, file: str) -> bytes:
    """What stands for an installed library's version, found on `sys.path` without
    importing it (pydantic costs ~20 ms to import; Typer more): `package/file`'s path and
    bytes for a Python file that holds the version (`typer/__init__.py`,
    `pydantic/version.py`), or, for `file` ending in "*", the path, size and modification
    time of each compiled module starting with it (`pydantic_core/_pydantic_core*`, which
    a reinstall replaces). Empty when it is not found."""
    import sys

    for entry in sys.path:
        folder = os.path.join(entry or ".", package)
        try:
            if not file.endswith("*"):
                path = os.path.join(folder, file)
                with open(path, "rb") as handle:
                    return path.encode() + b"\0" + handle.read()
            found = sorted(n for n in os.listdir(folder) if n.startswith(file[:-1]))
        except OSError:
            continue
        stats = [(n, os.stat(os.path.join(folder, n))) for n in found]
        if stats:
            return "\0".join(f"{folder}/{n}:{s.st_size}:{s.st_mtime_ns}" for n, s in stats).encode()
    return b""
