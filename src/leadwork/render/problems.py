"""Problems as text, compiler-style, so editors can jump to them:

    indicators.toml:14:1: error: unknown key 'traget' in [[indicators]] "otd"
       |
    14 | traget = 95
       | ^^^^^^
       = hint: did you mean 'target'?

Plain text with optional ANSI colour (no rich): errors must print fast and anywhere.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from leadwork.errors import Note, Problem

_RED, _YELLOW, _BOLD, _DIM, _CYAN, _RESET = (
    "\x1b[31m",
    "\x1b[33m",
    "\x1b[1m",
    "\x1b[2m",
    "\x1b[36m",
    "\x1b[0m",
)
_MAX_SHOWN = 200  # characters of a source line; a 100,000-character line is cut


def display_path(path: Path, cwd: Path) -> str:
    """The path as the person can open it from where they are: relative when it is below
    or one folder up (`../team.toml` from checkins/), else absolute."""
    absolute = os.path.normpath(path if path.is_absolute() else cwd / path)
    relative = os.path.relpath(absolute, cwd)
    return relative if relative.count("..") <= 1 else absolute


def _printable(text: str) -> str:
    """Control characters shown as escapes, so an error message cannot drive the terminal."""
    return "".join(ch if ch == "\t" or ch.isprintable() else repr(ch)[1:-1] for ch in text)


def format_problem(problem: Problem, cwd: Path, color: bool = False) -> str:
    def paint(code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if color else text

    where = "leadwork"
    if problem.file is not None:
        where = display_path(problem.file, cwd)
        if problem.line is not None:
            where += f":{problem.line}"
            if problem.col is not None:
                where += f":{problem.col}"
    label = (
        paint(_RED + _BOLD, "error:")
        if problem.severity == "error"
        else paint(_YELLOW + _BOLD, "warning:")
    )
    lines = [f"{paint(_BOLD, where + ':')} {label} {_printable(problem.message)}"]
    if problem.again:  # under the first, which shows the line and the hint
        return lines[0]
    if problem.line is not None and problem.source_line is not None:
        number = str(problem.line)
        gutter = " " * len(number)
        source = _printable(problem.source_line.expandtabs(4))
        shown = source[:_MAX_SHOWN] + ("…" if len(source) > _MAX_SHOWN else "")
        lines.append(paint(_DIM, f"{gutter} |"))
        lines.append(f"{paint(_DIM, number + ' |')} {shown}")
        # The caret stands under the column as shown: tabs before it are expanded, and a
        # control character shown as a visible escape takes that escape's width.
        before = problem.source_line[: (problem.col or 1) - 1]
        col = len(_printable(before.expandtabs(4))) + 1
        if col <= _MAX_SHOWN:
            caret = " " * (col - 1) + "^" * max(1, min(problem.width, _MAX_SHOWN - col + 1))
            lines.append(f"{paint(_DIM, gutter + ' |')} {paint(_RED, caret)}")
        if problem.hint:
            lines.append(f"{gutter} = {paint(_CYAN, 'hint:')} {_printable(problem.hint)}")
    elif problem.hint:
        lines.append(f"  = {paint(_CYAN, 'hint:')} {_printable(problem.hint)}")
    return "\n".join(lines)


_NOTES = {
    "definition": "cross-references not checked against {} until it is valid",
    "file": "{} not checked against the other files until it is valid",
    "withheld": "some checks in {} wait until its errors are fixed",
    "gaps": "gaps between strategy, capabilities and indicators not checked until the "
    "errors in {} are fixed",
    "folded": "{count} in other files that name ids of {file} are not shown: they may "
    "only follow from its errors above. Fix {file} first, then run `leadwork check` again",
}


def note_text(note: Note, shown: str) -> str:
    """What the note says, naming its file as `shown`."""
    if note.kind == "folded":
        count = f"{note.count} error{'s' * (note.count != 1)}"
        return _NOTES[note.kind].format(count=count, file=shown)
    return _NOTES[note.kind].format(shown)


def format_note(note: Note, cwd: Path, color: bool = False) -> str:
    label = f"{_CYAN}{_BOLD}note:{_RESET}" if color else "note:"
    return f"{label} {_printable(note_text(note, display_path(note.file, cwd)))}"


def format_problems(problems: Sequence[Problem], cwd: Path, color: bool = False) -> str:
    """Each problem in full, a blank line between; one said `again` on one line, right
    under the one before it."""
    text = ""
    for p in problems:
        text += ("\n" if p.again else "\n\n") * bool(text) + format_problem(p, cwd, color)
    return text


def summary(problems: Sequence[Problem]) -> str:
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    files = len({p.file for p in problems if p.file is not None})
    parts = []
    if errors:
        parts.append(f"{errors} error{'s' * (errors != 1)}")
    if warnings:
        parts.append(f"{warnings} warning{'s' * (warnings != 1)}")
    counted = " and ".join(parts)
    # Problems with flags name no file: "2 errors", not "2 errors in 1 file".
    return f"{counted} in {files} file{'s' * (files != 1)}" if files else counted
