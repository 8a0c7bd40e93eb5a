"""Unresolved git merge conflicts, named as such: every block, with how to resolve it.

A file git left with conflict markers is not TOML, and the parser's first complaint
("invalid statement" at the first marker) says nothing of git. So when a file does not
parse, its lines are searched for conflict blocks first; and a file that parses is
searched too when a line starts with <<<<<<<, since git's line merge of a multi-line
string leaves its markers inside the string, where they are valid TOML:

    <<<<<<< ours
    ...             (this side)
    ||||||| base    (optional: the ancestor, in git's diff3 style)
    =======
    ...             (the other side)
    >>>>>>> theirs
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from leadwork.domain.commitments import keep_ended
from leadwork.errors import Problem

_START = re.compile(r"^<{7,}(?: |$)")
_BASE = re.compile(r"^\|{7,}(?: |$)")
_MIDDLE = re.compile(r"^={7,}\s*$")
_END = re.compile(r"^>{7,}(?: |$)")
_ARRAY_HEADER = re.compile(r"^\s*\[\[\s*([^\]]+?)\s*\]\]")
_HEADER = re.compile(r"^\s*\[")
_LEADWORK_NOTE = "# leadwork git merge:"
_OUTCOME = re.compile(r"""^\s*outcome\s*=\s*["']([a-z]+)["']\s*(?:#.*)?$""")
# The arrays of follow-ups (what became of the last record's commitments), by kind of
# record; the merge driver's too
FOLLOW_UPS = {"checkin": "last_week", "one-on-one": "last_time"}

MESSAGE = "unresolved git merge conflict"


@dataclass(frozen=True)
class Block:
    start: int  # 1-based line of <<<<<<<
    end: int  # 1-based line of >>>>>>> (the last line of the file if it is missing)
    ours: list[str]
    theirs: list[str]
    closed: bool
    divided: bool  # has its ======= line


def conflict_blocks(text: str) -> list[Block]:
    """Every conflict block in `text`, in order."""
    lines = text.replace("\r\n", "\n").split("\n")
    blocks: list[Block] = []
    number = 0
    while number < len(lines):
        if not _START.match(lines[number]):
            number += 1
            continue
        start = number
        ours: list[str] = []
        theirs: list[str] = []
        side: list[str] | None = ours
        number += 1
        closed = divided = False
        while number < len(lines):
            line = lines[number]
            if _END.match(line):
                closed = True
                break
            if _BASE.match(line):
                side = None  # the ancestor's lines belong to neither side
            elif _MIDDLE.match(line):
                side = theirs
                divided = True
            elif side is not None:
                side.append(line)
            number += 1
        end = min(number, len(lines) - 1)
        blocks.append(Block(start + 1, end + 1, ours, theirs, closed, divided))
        number += 1
    return blocks


def has_markers(text: str) -> bool:
    """Whether a line starts with <<<<<<<: a substring search, cheap on every file read."""
    return text.startswith("<<<<<<<") or "\n<<<<<<<" in text


def conflict_problems(path: Path, text: str, *, parsed: bool = False) -> list[Problem]:
    """One problem per unresolved conflict block in `text` (none when there is none).

    `parsed`: the text is valid TOML, so the blocks can only be inside multi-line strings
    (git's line merge of a multi-line text): only whole blocks count, never a lone line."""
    lines = text.replace("\r\n", "\n").split("\n")
    problems = []
    for block in conflict_blocks(text):
        if parsed and not (block.closed and block.divided):
            continue
        where = f"lines {block.start}-{block.end}" if block.closed else f"line {block.start}"
        ending = "" if block.closed else ", and its >>>>>>> line is missing"
        problems.append(
            Problem(
                f"{MESSAGE} ({where}{ending})",
                file=path,
                line=block.start,
                col=1,
                hint=_hint(block, lines),
                source_line=lines[block.start - 1],
                width=len(lines[block.start - 1]) or 1,
            )
        )
    return problems


def _hint(block: Block, lines: list[str]) -> str:
    above = lines[: block.start - 1]
    note = " and the two comments leadwork wrote above them" if _noted(above) else ""
    choose = f"choose one side: delete the other side's lines, the marker lines{note}"
    ours_arrays = _arrays(block.ours)
    theirs_arrays = _arrays(block.theirs)
    if ours_arrays and theirs_arrays:
        return (
            f"to keep both sides' entries, delete just the marker lines{note} (each "
            f"[[{theirs_arrays[0]}]] entry has its own header); or {choose}"
        )
    enclosing = _enclosing_array(above)
    outcomes = _outcomes(block) if enclosing in FOLLOW_UPS.values() else None
    if outcomes is not None:
        # one follow-up's outcome, two versions (the merge driver's own disagreement):
        # never two entries, which would each need the commitment's text
        ended = keep_ended(outcomes)
        more = f"; {ended}" if ended else ""
        return (
            "keep one of the two outcomes (one commitment's, not two entries): delete the "
            f"other side's line, the marker lines{note}{more}; then run `leadwork check` again"
        )
    if enclosing and _sets_keys(block.ours) and _sets_keys(block.theirs):
        return (
            f"if these are two different entries, keep both: each needs its own "
            f"[[{enclosing}]] header, so replace the ======= line with [[{enclosing}]] and "
            f"delete the other marker lines{note}; if they are one entry, {choose}"
        )
    return f"{choose}; then run `leadwork check` again"


def _outcomes(block: Block) -> list[str] | None:
    """The two outcomes when each side of the block sets only a follow-up's `outcome`."""
    found = []
    for side in (block.ours, block.theirs):
        lines = [line for line in side if line.strip() and not line.lstrip().startswith("#")]
        outcome = _OUTCOME.match(lines[0]) if len(lines) == 1 else None
        if outcome is None:
            return None
        found.append(outcome[1])
    return found


def _noted(above: list[str]) -> bool:
    return any(line.lstrip().startswith(_LEADWORK_NOTE) for line in above[-2:])


def _arrays(side: list[str]) -> list[str]:
    return [found[1] for line in side if (found := _ARRAY_HEADER.match(line))]


def _enclosing_array(above: list[str]) -> str | None:
    """The [[array]] whose entry the block is in: the last header above it, if an array's."""
    for line in reversed(above):
        if _HEADER.match(line) and not _START.match(line):
            found = _ARRAY_HEADER.match(line)
            return found[1] if found else None
    return None


def _sets_keys(side: list[str]) -> bool:
    return any("=" in line and not line.lstrip().startswith("#") for line in side)
