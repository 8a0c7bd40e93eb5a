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
    without it (a cache entry torn by a power cut is only a miss). Raises OSError."""
    import contextlib

    temp = f"{path}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
    descriptor = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            if sync:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
