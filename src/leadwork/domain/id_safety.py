"""Ids typed on the command line: refuse the ones that could escape the journal as a path,
then look the rest up with a "did you mean".

A person id becomes part of a file name (`one-on-ones/2026-11-27-PERSON.toml`), so an id
like `../x`, `/etc` or one holding a NUL or a control character must never reach the
filesystem, even before we know whether such a person exists. Pure; standard library only.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from leadwork.errors import UsageProblem
from leadwork.model.words import ID_MAX, ID_PATTERN

_ID = re.compile(ID_PATTERN)
_ID_MAX = ID_MAX


def _shown(value: str) -> str:
    """The value with control characters escaped, so an error cannot drive the terminal."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in value)


def _a(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def unsafe_reason(value: str) -> str | None:
    """Why `value` must never be used as (part of) a file name, or None if it is harmless."""
    if value == "" or value.strip() == "":
        return "it is empty"
    if "\x00" in value:
        return "it holds a NUL character"
    if any(not ch.isprintable() for ch in value):
        return "it holds a control character"
    if "/" in value or "\\" in value:
        return "it holds a path separator, so it could point outside the journal"
    if value in (".", "..") or value.startswith("."):
        return "it starts with a dot, so it could point outside the journal"
    return None


def checked_id(value: str, kind: str, given: str | None = None) -> str:
    """`value` if it is a well-formed id; else a UsageProblem that says what is wrong
    (`given`: the request field it came in, which the CLI names as a flag)."""
    reason = unsafe_reason(value)
    if reason:
        raise UsageProblem(
            f"'{_shown(value)}' is not {_a(kind)} id: {reason}",
            hint="ids are short slugs: lowercase letters, digits, '-' and '_'",
            given=given,
        )
    if len(value) > _ID_MAX or not _ID.match(value):
        lowered = value.strip().lower()
        hint = "ids are short slugs: lowercase letters, digits, '-' and '_'"
        if lowered != value and _ID.match(lowered):
            hint = f"ids are lowercase: did you mean '{lowered}'?"
        raise UsageProblem(f"'{_shown(value)}' is not {_a(kind)} id", hint=hint, given=given)
    return value


def known_id(
    value: str, kind: str, known: Iterable[str], where: str, given: str | None = None
) -> str:
    """`value` if it is a well-formed id among `known`; else a UsageProblem listing them."""
    checked_id(value, kind, given)
    known = sorted(set(known))
    if value in known:
        return value
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
    listed = ", ".join(known) if known else f"none yet: add one to {where}"
    hint = f"known {kind} ids: {listed}"
    if close:
        hint = f"did you mean '{close[0]}'? {hint}"
    raise UsageProblem(f"unknown {kind} '{value}' (not in {where})", hint=hint)
