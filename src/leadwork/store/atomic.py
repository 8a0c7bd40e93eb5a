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
import json
import os
import stat
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from leadwork.errors import LockTimeout, WriteRefused
from leadwork.layout import (
    COMMIT_FILE,
    DRAFTS,
    FOLDERS,
    LOCK_FILE,
    MAX_BYTES,
    is_journal_file,
)

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


def journal_read_only(root: Path, why: str = "") -> WriteRefused:
    """A write refused because the whole journal is read-only: named as the journal, not as
    the lock file leadwork would have made in it."""
    because = f" ({why})" if why else ""
    return WriteRefused(
        f"the journal is read-only{because}: nothing was written",
        file=root,
        hint="make it writable (chmod u+w, or mount it read-write) to write in it; to read "
        "it, the views and `leadwork check` still work, or open a file in a pager (less FILE)",
    )


def fsync_folder(folder: Path) -> None:
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


def _too_big(path: Path, size: int, limit: int) -> WriteRefused:
    return WriteRefused(
        f"would grow to {size / 1_000_000:.1f} MB, past the {limit // 1_000_000} MB every "
        "journal file is read up to, so leadwork could not read it again; nothing was written",
        file=path,
        hint="move older entries of this file into an archive file outside the journal (it "
        "is kept in git), or shorten what you are adding",
    )


@dataclass(frozen=True)
class Staged:
    """A file's new text, whole and on disk beside it, waiting to be renamed over it."""

    path: Path  # as the caller named it
    target: Path  # the file replaced: the link's target for a symlinked file
    temp: Path


def stage(path: Path, text: str, *, limit: int | None = MAX_BYTES) -> Staged:
    """Everything of a safe write but the rename: every refusal checked, the text written
    to a temp file beside the target and fsynced, the target's mode given to it. A symlinked
    file stays a symlink: its target is what gets replaced; a symlink that points nowhere is
    refused, so a write never creates a file somewhere the link leads (outside the journal).

    Nothing is written that a reader would refuse: a text over `limit` bytes (the readers'
    limit, unless None for a file that is not the journal's) is refused before writing."""
    if limit is not None and len(text) > limit // 4:  # UTF-8: at most 4 bytes a character
        size = len(text.encode("utf-8"))
        if size > limit:
            raise _too_big(path, size, limit)
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
    staged = Staged(path, target, Path(temp_name))
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(staged.temp, mode)
    except BaseException as error:
        discard(staged)
        if isinstance(error, OSError):
            raise _refused(path, error) from None
        raise
    return staged


def discard(staged: Staged) -> None:
    """Remove a staged write that will not land."""
    with contextlib.suppress(OSError):
        staged.temp.unlink()


def land(staged: Staged) -> None:
    """Rename a staged text over its target (atomic on POSIX); the folder is not fsynced."""
    try:
        os.replace(staged.temp, staged.target)
    except BaseException as error:
        discard(staged)
        if isinstance(error, OSError):
            raise _refused(staged.path, error) from None
        raise


def atomic_write(path: Path, text: str, *, limit: int | None = MAX_BYTES) -> None:
    """Replace (or create) `path` with `text`, atomically (see `stage` for what is refused)."""
    staged = stage(path, text, limit=limit)
    land(staged)
    fsync_folder(staged.target.parent)


def write_together(root: Path, writes: Sequence[tuple[Path, str]]) -> None:
    """Write several files of the journal as one change: after a crash, either none of them
    changed or, once any leadwork command next runs, all of them did. The caller holds the
    journal lock.

    Every text is staged first (a refusal or a full disk leaves nothing changed); then a
    commit record listing the renames is written atomically, the renames are made, and the
    record is removed. A writer killed while the record exists leaves the renames to the
    next one (`finish_interrupted`); killed before it, its temp files are strays."""
    staged: list[Staged] = []
    try:
        for path, text in writes:
            staged.append(stage(path, text))
    except BaseException:
        for done in staged:
            discard(done)
        raise
    if len(staged) > 1:
        renames = [[os.path.relpath(s.temp, root), os.path.relpath(s.target, root)] for s in staged]
        try:
            atomic_write(root / COMMIT_FILE, json.dumps({"renames": renames}), limit=None)
        except BaseException:
            for done in staged:
                discard(done)
            raise
    for done in staged:
        land(done)
    for folder in {s.target.parent for s in staged}:
        fsync_folder(folder)
    if len(staged) > 1:
        (root / COMMIT_FILE).unlink()
        fsync_folder(root)


def _rename_allowed(temp: Path, target: Path) -> bool:
    """A commit record is a file in the journal, so it is not trusted blindly: it may only
    rename a leadwork temp file over the file it was made for, in the same folder."""
    return (
        temp.parent == target.parent
        and temp.name.startswith(f".{target.name}.")
        and temp.name.endswith(TEMP_SUFFIX)
    )


def finish_interrupted(root: Path) -> bool:
    """Make the renames a killed `write_together` left undone, so the change it was making
    lands whole. Whether there was one. The caller holds the journal lock."""
    record = root / COMMIT_FILE
    try:
        data = json.loads(record.read_text(encoding="utf-8"))
        renames = [(root / temp, root / target) for temp, target in data["renames"]]
    except FileNotFoundError:
        return False
    except (OSError, ValueError, TypeError, KeyError):
        renames = []  # not one leadwork wrote (it writes the record atomically): ignored
    for temp, target in renames:
        if _rename_allowed(temp, target) and temp.is_file():
            os.replace(temp, target)
            fsync_folder(target.parent)
    with contextlib.suppress(FileNotFoundError):
        record.unlink()
    fsync_folder(root)
    return True


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


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def inside_journal(root: Path, rel: str, *, folder: bool = False) -> Path:
    """`root / rel` (a file, or a folder), for writing: refused if one of its folders is a
    link that leads out of the journal (a linked file keeps its documented behaviour: its
    target is replaced)."""
    path = root / rel
    real_root = _real(root)
    parts = Path(rel).parts if folder else Path(rel).parts[:-1]
    step = root
    for part in parts:
        step = step / part
        if step.is_symlink() and not _real(step).is_relative_to(real_root):
            raise WriteRefused(
                f"is a link to {os.readlink(step)}, outside the journal; leadwork writes "
                "nothing through it",
                file=step,
                hint="make it a real folder inside the journal (move what it links to back "
                "in), or remove the link; nothing was written",
            )
    return path


def _journal_file(path: Path, journal_root: Path | None) -> bool:
    """Whether `path`, or what it links to, is one of the journal's own files."""
    if journal_root is None:
        return False
    root = _real(journal_root)
    for candidate in (_real(path), Path(os.path.abspath(path))):
        if candidate.is_relative_to(root) and is_journal_file(candidate.relative_to(root).parts):
            return True
    return False


def _refuse_journal_file(
    path: Path, flag: str, example: str, what: str = "a journal file, or a link to one"
) -> WriteRefused:
    return WriteRefused(
        f"is {what}; leadwork writes no output there, so nothing was written",
        file=path,
        hint=f"give {flag} a new file outside the journal's folders, like {example}",
    )


def write_output(
    path: Path, text: str, journal_root: Path | None, *, flag: str = "--output", example: str
) -> None:
    """The one guarded write of a file a person named (`--output` of dashboard, report,
    schema): atomic, never over a journal file, never through a link into the journal."""
    if _journal_file(path, journal_root):
        raise _refuse_journal_file(path, flag, example)
    _in_a_folder(path, flag, "a file")
    atomic_write(path, text, limit=None)


def _in_a_folder(path: Path, flag: str, what: str) -> None:
    """What a person named for output (`what`: a file, or `schema`'s folder) goes into a
    folder that exists: leadwork makes no folders on the way to it (trial 20: `schema
    --output` made them while `dashboard --output` refused)."""
    folder = path.parent
    if not folder.is_dir():  # named as the person typed it, not relative to the journal
        if folder.exists():
            raise WriteRefused(
                f"{flag}: {folder} is not a folder, so {path.name} cannot be written in it",
                hint=f"give {flag} {what} in a folder that exists",
            )
        raise WriteRefused(
            f"{flag}: the folder {folder} does not exist: create it first",
            hint=f"mkdir -p '{folder}', or give {flag} {what} in a folder that exists",
        )


def make_output_folder(path: Path, journal_root: Path | None, *, flag: str, example: str) -> None:
    """A folder a person named for output: made if missing, in a folder that exists (as
    `write_output`'s file), never one of the journal's own."""
    if journal_root is not None:
        root = _real(journal_root)
        real = _real(path)
        parts = real.relative_to(root).parts if real.is_relative_to(root) else None
        if parts is not None and parts and parts[0] in (DRAFTS, LOCK_FILE):
            raise _refuse_journal_file(path, flag, example, "one of the journal's folders")
    if not path.is_dir():
        _in_a_folder(path, flag, "a folder")
    make_folder(path)


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
    belongs to a writer that died. A folder that links out of the journal is left alone:
    what is there is not the journal's."""
    real_root = _real(root)
    for folder in (root, *(root / name for name in FOLDERS)):
        if folder.is_symlink() and not _real(folder).is_relative_to(real_root):
            continue
        for path in stray_temp_files(folder):
            with contextlib.suppress(OSError):
                path.unlink()


@contextlib.contextmanager
def journal_lock(root: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold the journal's write lock; after `timeout` seconds of waiting, a clear error."""
    lock_path = root / LOCK_FILE
    if not lock_path.exists() and _read_only(root):
        raise journal_read_only(root)
    try:
        # O_NOFOLLOW: a lock file that is a symlink must not make us create a file elsewhere.
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
    except OSError as error:
        # the lock is leadwork's own file: a journal that cannot take it is read-only (a
        # read-only mount, a folder without write permission), and is named as such
        if error.errno == errno.EROFS:
            raise journal_read_only(root, "a read-only file system") from None
        if isinstance(error, PermissionError) and (_read_only(root) or _read_only(lock_path)):
            raise journal_read_only(root) from None
        raise _refused(lock_path, error) from None
    try:
        _acquire(fd, lock_path, timeout)
        finish_interrupted(root)  # first: the temp files it renames are not strays
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
