"""Safe writes: a file is either as it was or as it should become, never half-written.

Write to a temporary file beside the target, fsync it, rename it over the target (atomic
on POSIX), then fsync the folder so the rename itself survives a crash. A lock file keeps
two leadwork processes from writing the same journal at once.

There is deliberately no test hook in here: the crash tests (tests/adversarial/test_crash.py)
pause and kill real writer processes from the outside, through a `sitecustomize` shim.
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
from leadwork.store.layout import FOLDERS, LOCK_FILE

TEMP_SUFFIX = ".leadwork-tmp"
LOCK_TIMEOUT_SECONDS = 5.0
_WRITE_BITS = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH


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


def _read_only(path: Path) -> bool:
    """Read-only for this process, or marked read-only by the person (no write bit at all).

    The mode bits are checked as well as access(2) because root may write anything: a
    person who ran `chmod a-w` meant "leave this alone" whoever runs leadwork.
    """
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not (mode & _WRITE_BITS) or not os.access(path, os.W_OK)


def atomic_write(path: Path, text: str) -> None:
    """Replace (or create) `path` with `text`, atomically. A symlinked file stays a symlink:
    its target is what gets replaced; a symlink that points nowhere is refused, so a write
    never creates a file somewhere the link leads (outside the journal, say)."""
    if path.is_symlink() and not path.exists():
        raise WriteRefused(
            f"is a symlink to {os.readlink(path)}, which does not exist; leadwork will not "
            "create a file through it",
            file=path,
            hint="remove the symlink, or make its target a real file",
        )
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    if target.is_dir():
        raise WriteRefused("is a folder, so it cannot be written as a file", file=path)
    if target.exists() and _read_only(target):
        raise WriteRefused(
            "is read-only, so leadwork leaves it alone",
            file=path,
            hint="make it writable (chmod u+w) if you want leadwork to change it",
        )
    if _read_only(target.parent):
        raise WriteRefused(
            f"cannot be written: its folder {target.parent} is read-only",
            file=path,
            hint="make the folder writable (chmod u+w) if you want leadwork to write here",
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
        os.replace(temp, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(error, OSError):
            raise _refused(path, error) from None
        raise
    _fsync_folder(target.parent)


def make_folder(path: Path) -> None:
    if not path.is_dir():
        existing = next((p for p in path.parents if p.exists()), None)
        if existing is not None and existing.is_dir() and _read_only(existing):
            raise WriteRefused(
                f"cannot be made: the folder {existing} is read-only",
                file=path,
                hint="make that folder writable (chmod u+w), or choose another place",
            )
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise WriteRefused("is a file, but leadwork needs a folder here", file=path) from None
    except OSError as error:
        raise _refused(path, error) from None


def stray_temp_files(folder: Path) -> list[Path]:
    """Temp files a killed writer left behind (harmless: every reader skips dot-files)."""
    try:
        return [
            p for p in folder.iterdir() if p.name.startswith(".") and p.name.endswith(TEMP_SUFFIX)
        ]
    except OSError:
        return []


def remove_stray_temp_files(root: Path) -> None:
    """Delete the temp files a killed writer left in the journal. Only called with the lock
    held: every writer holds it while its temp file exists, so any temp file found then
    belongs to a writer that died."""
    for folder in (root, *(root / name for name in FOLDERS)):
        for path in stray_temp_files(folder):
            with contextlib.suppress(OSError):
                path.unlink()


@contextlib.contextmanager
def journal_lock(root: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold the journal's write lock; after `timeout` seconds of waiting, a clear error."""
    lock_path = root / LOCK_FILE
    if not lock_path.exists() and _read_only(root):
        raise WriteRefused(
            "the journal folder is read-only, so leadwork writes nothing in it",
            file=root,
            hint="make it writable (chmod u+w) if you want leadwork to write here",
        )
    try:
        # O_NOFOLLOW: a lock file that is a symlink must not make us create a file elsewhere.
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
    except OSError as error:
        raise _refused(lock_path, error) from None
    try:
        _acquire(fd, lock_path, timeout)
        remove_stray_temp_files(root)
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
