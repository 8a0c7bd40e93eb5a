"""Safe writes: a file is either as it was or as it should become, never half-written.

Write to a temporary file beside the target, fsync it, rename it over the target (atomic
on POSIX), then fsync the folder so the rename itself survives a crash. A lock file keeps
two leadwork processes from writing the same journal at once.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from leadwork.errors import LockTimeout, WriteRefused
from leadwork.store.layout import LOCK_FILE

TEMP_SUFFIX = ".leadwork-tmp"
LOCK_TIMEOUT_SECONDS = 5.0
# Tests set this to slow a write between fsync and rename, to kill it mid-way.
ENV_SLOW_WRITE = "LEADWORK_TEST_SLOW_WRITE"


def _refused(path: Path, error: OSError) -> WriteRefused:
    if isinstance(error, PermissionError) or error.errno in (errno.EACCES, errno.EROFS):
        return WriteRefused(
            "cannot be written: permission denied",
            file=path,
            hint="check the permissions of the file and its folder; nothing was changed",
        )
    return WriteRefused(f"cannot be written: {error.strerror or error}", file=path)


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can open a folder
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def atomic_write(path: Path, text: str) -> None:
    """Replace (or create) `path` with `text`, atomically. A symlinked file stays a symlink:
    its target is what gets replaced."""
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    if target.is_dir():
        raise WriteRefused("is a folder, so it cannot be written as a file", file=path)
    if target.exists() and not os.access(target, os.W_OK):
        raise WriteRefused(
            "is read-only, so leadwork leaves it alone",
            file=path,
            hint="make it writable (chmod u+w) if you want leadwork to change it",
        )
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        fd, temp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent
        )
    except OSError as error:
        raise _refused(path, error) from None
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        slow = os.environ.get(ENV_SLOW_WRITE)
        if slow:
            time.sleep(float(slow))
        os.replace(temp, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(error, OSError):
            raise _refused(path, error) from None
        raise
    _fsync_folder(target.parent)


def make_folder(path: Path) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise WriteRefused("is a file, but leadwork needs a folder here", file=path) from None
    except OSError as error:
        raise _refused(path, error) from None


def stray_temp_files(folder: Path) -> list[Path]:
    """Temp files a killed writer left behind (harmless: every reader skips dot-files)."""
    try:
        return [p for p in folder.iterdir() if p.name.endswith(TEMP_SUFFIX)]
    except OSError:
        return []


@contextlib.contextmanager
def journal_lock(root: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold the journal's write lock; after `timeout` seconds of waiting, a clear error."""
    lock_path = root / LOCK_FILE
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        raise _refused(lock_path, error) from None
    try:
        _acquire(fd, lock_path, timeout)
        try:
            yield
        finally:
            _release(fd)
    finally:
        os.close(fd)


try:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _release(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

except ImportError:  # Windows
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True

    def _release(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]


def _acquire(fd: int, lock_path: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not _try_lock(fd):
        if time.monotonic() >= deadline:
            raise LockTimeout(
                f"another leadwork process has been writing this journal for over "
                f"{timeout:g} seconds",
                file=lock_path,
                hint="wait for it to finish and try again; nothing was written",
            )
        time.sleep(0.05)
