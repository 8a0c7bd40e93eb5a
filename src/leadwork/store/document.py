"""Read one TOML file into data plus a map of where each key sits.

Every way a file can be unreadable (missing, a folder, no permission, too big, not UTF-8,
not TOML, nested too deep) becomes an InvalidFile naming the file and, where there is one,
the line and column.
"""

from __future__ import annotations

import os
import stat
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leadwork.errors import InvalidFile, Problem, Severity
from leadwork.layout import MAX_BYTES, KeyPath

if TYPE_CHECKING:
    from leadwork.store.sourcemap import SourceMap

BOM = "\ufeff"


@dataclass
class Document:
    """A parsed TOML file: its text, its data, and (on demand) where each key is."""

    path: Path
    text: str
    data: dict[str, Any]
    _sourcemap: SourceMap | None = field(default=None, repr=False)

    @property
    def sourcemap(self) -> SourceMap:
        if self._sourcemap is None:
            # Imported here: a run whose files all come from the validated cache, or are
            # all valid, never asks where a key is (~3 ms of import saved).
            from leadwork.store.sourcemap import SourceMap

            self._sourcemap = SourceMap(self.text)
        return self._sourcemap

    def problem(
        self,
        path: KeyPath,
        message: str,
        hint: str | None = None,
        severity: Severity = "error",
    ) -> Problem:
        span = self.sourcemap.locate(path)
        return Problem(
            message,
            file=self.path,
            line=span.line,
            col=span.col,
            key=key_label(path),
            hint=hint,
            source_line=self.sourcemap.source_line(span.line),
            width=span.width,
            severity=severity,
        )


def key_label(path: KeyPath) -> str:
    """("indicators", 2, "target") -> "indicators[2].target" (0-based, like the loc)."""
    label = ""
    for part in path:
        if isinstance(part, int):
            label += f"[{part}]"
        else:
            label += ("." if label else "") + str(part)
    return label


def _line_of(text: str, line: int) -> str:
    lines = text.split("\n")
    return lines[line - 1].rstrip("\r") if 1 <= line <= len(lines) else ""


def _located(
    path: Path, message: str, line: int, col: int, hint: str | None, source_line: str
) -> InvalidFile:
    problem = Problem(message, file=path, line=line, col=col, hint=hint, source_line=source_line)
    return InvalidFile(problems=[problem])


def _too_big(path: Path, size: int) -> InvalidFile:
    return InvalidFile(
        f"is {size / 1_000_000:.1f} MB; journal files are at most {MAX_BYTES // 1_000_000} MB",
        file=path,
        hint="is this the right file? a year of check-ins is far smaller",
    )


def _a_folder(path: Path) -> InvalidFile:
    return InvalidFile(
        "is a folder, but a file was expected here",
        file=path,
        hint="move the folder away; leadwork keeps this as a TOML file",
    )


def _denied(path: Path) -> InvalidFile:
    return InvalidFile(
        "cannot be read: permission denied", file=path, hint="check the file's permissions"
    )


def read_text(path: Path) -> str:
    """The file's text as UTF-8 (a leading BOM is fine), or an InvalidFile that says why not."""
    # One open, one fstat, one bounded read: `check` reads thousands of files on a long
    # journal. O_NONBLOCK: opening a named pipe must not wait for a writer that never comes.
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise InvalidFile("does not exist", file=path) from None
    except (IsADirectoryError, PermissionError) as error:
        if isinstance(error, IsADirectoryError) or path.is_dir():  # Windows says "denied"
            raise _a_folder(path) from None
        raise _denied(path) from None
    except OSError as error:
        raise InvalidFile(f"cannot be read: {error.strerror or error}", file=path) from None
    try:
        # os.fdopen() itself refuses a folder's descriptor (EISDIR) before fstat() runs.
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise _a_folder(path)
            if not stat.S_ISREG(info.st_mode):
                # A named pipe would block the read forever, /dev/zero would fill the memory.
                raise InvalidFile(
                    "is not a regular file (a device, pipe or socket), so it is not read",
                    file=path,
                    hint="replace it with the TOML file it should be",
                )
            if info.st_size > MAX_BYTES:
                raise _too_big(path, info.st_size)
            raw = handle.read(MAX_BYTES + 1)  # the size may have grown since fstat()
    except IsADirectoryError:
        raise _a_folder(path) from None
    except PermissionError:
        raise _denied(path) from None
    except OSError as error:
        raise InvalidFile(f"cannot be read: {error.strerror or error}", file=path) from None
    if len(raw) > MAX_BYTES:
        raise _too_big(path, len(raw))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        col = error.start - (before.rfind(b"\n") + 1) + 1
        shown = raw.split(b"\n")[line - 1].decode("utf-8", "replace").rstrip("\r")
        raise _located(
            path,
            f"is not valid UTF-8 (byte 0x{raw[error.start]:02x})",
            line,
            col,
            "save the file as UTF-8; every editor can",
            shown,
        ) from None
    return text[1:] if text.startswith(BOM) else text


def parse(path: Path, text: str) -> Document:
    """Parse TOML text, turning tomllib's errors into located problems."""
    # The error paths' modules are imported when a file needs them: a run that reads
    # only files kept in the validated cache parses nothing.
    from leadwork.store.conflicts import conflict_problems, has_markers

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # Conflict markers git left are the cause to name, every block of them, rather
        # than the parser's complaint about the first marker line.
        from leadwork.store.toml_errors import toml_problem

        conflicts = conflict_problems(path, text)
        raise InvalidFile(problems=conflicts or [toml_problem(path, text, error)]) from None
    except RecursionError:
        line = _deepest_line(text)
        message = "invalid TOML: arrays or tables nested too deeply"
        raise _located(path, message, line, 1, None, _line_of(text, line)) from None
    if has_markers(text):  # inside a multi-line string, where they parse
        conflicts = conflict_problems(path, text, parsed=True)
        if conflicts:
            raise InvalidFile(problems=conflicts)
    return Document(path, text, data)


def read_document(path: Path) -> Document:
    return parse(path, read_text(path))


def _deepest_line(text: str) -> int:
    """The line where bracket nesting first gets absurd (strings are not skipped: a guess)."""
    depth = 0
    line = 1
    for char in text:
        if char == "\n":
            line += 1
        elif char in "[{":
            depth += 1
            if depth > 100:
                return line
        elif char in "]}":
            depth -= 1
    return 1
