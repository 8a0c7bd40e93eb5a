"""Find a definition by the id a person typed, or say which ids exist."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import TypeVar

from leadwork.errors import UsageProblem

T = TypeVar("T")


def find_by_id(kind: str, ident: str, items: Sequence[T]) -> T:
    for item in items:
        if getattr(item, "id", None) == ident:
            return item
    known = [str(getattr(item, "id", "")) for item in items]
    close = difflib.get_close_matches(ident, known, n=1, cutoff=0.6)
    if close:
        hint = f"did you mean '{close[0]}'?"
    elif known:
        hint = f"known {kind} ids: {', '.join(known)}"
    else:
        hint = f"no {kind} is defined yet"
    raise UsageProblem(f"no {kind} with id '{ident}'", hint=hint)
