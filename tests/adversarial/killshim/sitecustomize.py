"""Loaded into a leadwork process under test (through PYTHONPATH), never shipped.

It numbers every filesystem step the process takes (make a temp file, write half of it,
write the rest, fsync, chmod, rename, make a folder, remove a file) and, at the step
numbered $LEADWORK_KILLSHIM_AT, stops the process with SIGSTOP before the step runs. The
test, waiting with waitpid(WUNTRACED), then kills it with SIGKILL: a crash at exactly that
point, with no sleep, no timing and no hook in leadwork itself.

$LEADWORK_KILLSHIM_STOP_AT_START=1 stops the process as soon as it starts, so a test can
release many processes at once.

$LEADWORK_KILLSHIM_LOG names a file that receives one line per step, so a first run that
is not stopped tells the test how many steps there are and what each one is.
"""

from __future__ import annotations

import atexit
import os
import signal
import tempfile

_AT = int(os.environ.get("LEADWORK_KILLSHIM_AT") or 0)
_LOG = os.environ.get("LEADWORK_KILLSHIM_LOG")
# SIGKILL never loses what is in the page cache (only a power cut does, which no test here
# can make), so fsync's wait for the disk buys nothing in these tests but minutes: skip it.
_NO_FSYNC = os.environ.get("LEADWORK_KILLSHIM_NO_FSYNC") == "1"
_count = 0
_log_fd = os.open(_LOG, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644) if _LOG else None


def _step(label: str) -> None:
    global _count
    _count += 1
    if _log_fd is not None:
        os.write(_log_fd, f"{_count} {label}\n".encode(errors="replace"))
    if _count == _AT:
        os.kill(os.getpid(), signal.SIGSTOP)


def _describe(arg: object) -> str:
    return os.fspath(arg) if isinstance(arg, str | os.PathLike) else f"fd {arg}"


def _wrap(module: object, name: str) -> None:
    real = getattr(module, name)

    def wrapper(*args, **kwargs):
        _step(f"{name} {' -> '.join(_describe(a) for a in args[:2])}")
        if name == "fsync" and _NO_FSYNC:
            return None
        return real(*args, **kwargs)

    setattr(module, name, wrapper)


class _HalvingWriter:
    """A file handle whose write() writes half, takes a step, then writes the rest: so a
    kill can land while a temp file holds half of its text."""

    def __init__(self, handle):
        self._handle = handle

    def write(self, text):
        half = len(text) // 2
        written = self._handle.write(text[:half])
        self._handle.flush()
        _step("write half")
        return written + self._handle.write(text[half:])

    def __enter__(self):
        self._handle.__enter__()
        return self

    def __exit__(self, *exc):
        return self._handle.__exit__(*exc)

    def __getattr__(self, name):
        return getattr(self._handle, name)


if os.environ.get("LEADWORK_KILLSHIM_STOP_AT_START") == "1":
    # Concurrency tests start many writers, wait until all are stopped here, then let
    # them all go at once with SIGCONT: as close to "the same moment" as a test can get.
    os.kill(os.getpid(), signal.SIGSTOP)

if _AT or _LOG or _NO_FSYNC:
    for _name in ("replace", "rename", "fsync", "chmod", "unlink", "mkdir", "rmdir"):
        _wrap(os, _name)
    _wrap(tempfile, "mkstemp")
    _real_fdopen = os.fdopen

    def _fdopen(fd, mode="r", *args, **kwargs):
        handle = _real_fdopen(fd, mode, *args, **kwargs)
        return _HalvingWriter(handle) if "w" in mode else handle

    os.fdopen = _fdopen
    atexit.register(_step, "exit")  # one more point: everything done, process not yet gone
