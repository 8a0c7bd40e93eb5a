"""The JSON every `--format json` prints: one writer, so every command writes numbers alike.

A whole number is written as one (`values.whole_numbers`: 5.0 -> 5), as the files and the
text views write it, so a script printing a reading says "5 falls", not "5.0 falls". It is
still a JSON number: a script reading it as a float gets 5.0.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from leadwork.values import whole_numbers


def plain(value: Any) -> Any:
    """What JSON cannot hold as it is: a date as YYYY-MM-DD, anything else as its text."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def to_json(data: Any, default: Callable[[Any], Any] | None = plain) -> str:
    """`data` as indented JSON (Unicode kept), whole numbers as whole numbers. `default`:
    what to do with a value JSON cannot hold (None: refuse it)."""
    return json.dumps(whole_numbers(data), indent=2, ensure_ascii=False, default=default)
