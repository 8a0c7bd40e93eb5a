"""Small pieces of TOML text, written by hand where a whole serializer is too much."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from leadwork.layout import KeyPath


def toml_string(value: str) -> str:
    """A TOML basic string. JSON's escapes are a subset of TOML's; DEL needs one too."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


# ---- a number typed as people type it: 95%, 95,5, 38 min ------------------------------------

# A number, then perhaps a unit: a word or a sign after it, not starting with a digit, a
# sign, a point or a comma, and not TOML's own punctuation.
_TYPED_NUMBER = re.compile(
    r"([+-]?\d+)(?:([.,])(\d+))?[ \t]*([^\s\d.,+\-=#\"'\[\]{}][^\s=#\"'\[\]{}]{0,15})?"
)
_UNIT_IS_THE_INDICATORS = " (the unit is the indicator's, in indicators.toml)"


@dataclass(frozen=True)
class TypedNumber:
    """A number as a person typed it, when TOML takes it not as typed."""

    number: str  # as TOML writes it: 95, 95.5
    unit: str  # what followed the number ("%", "min"), or ""
    comma: bool  # its decimals came after a comma: 95,5
    grouped: bool  # ... and the comma may as well group thousands: 1,000


def typed_number(text: str) -> TypedNumber | None:
    """`text` as a number typed with a unit after it or a decimal comma (`95%`, `95,5`,
    `38 min`, `95,5 %`), or a plain number; None if it is not one."""
    match = _TYPED_NUMBER.fullmatch(text.strip())
    if match is None:
        return None
    whole, separator, decimals, unit = match.groups()
    return TypedNumber(
        number=f"{whole}.{decimals}" if separator else whole,
        unit=unit or "",
        comma=separator == ",",
        grouped=separator == "," and len(decimals) == 3 and whole.lstrip("+-") != "0",
    )


def number_hint(typed: TypedNumber, *, quoted: bool, of_indicator: bool) -> str | None:
    """How to write `typed` as a TOML number, naming the number to write. `quoted`: it was
    written as a string; `of_indicator`: a reading, target or threshold, whose unit is the
    indicator's. One wording for the TOML error (`95%`) and the type error (`"95%"`)."""
    unit = _UNIT_IS_THE_INDICATORS if typed.unit and of_indicator else ""
    grouped = f", or {typed.number.replace('.', '')} if the comma groups thousands"
    grouped = grouped if typed.grouped else ""
    if quoted:
        if not typed.unit and not typed.comma:
            return "remove the quotes around the value"
        without = "without quotes or unit" if typed.unit else "without quotes"
        point = ": a TOML number takes a decimal point" if typed.comma else ""
        grouped = grouped.replace(", or", "; or", 1)
        return f"write {typed.number}, {without}{point}{unit}{grouped}"
    if typed.unit and typed.comma:
        return f"write the number alone, with a decimal point: {typed.number}{grouped}{unit}"
    if typed.unit:
        return f"write the number alone: {typed.number}{unit}"
    if typed.comma:
        return f"write the decimal with a point: {typed.number}{grouped}"
    return None


def is_indicator_number(path: KeyPath) -> bool:
    """Whether the value at `path` is an indicator's: a check-in's reading, or a target or
    threshold in indicators.toml. Its unit is then the indicator's `unit`."""
    return bool(path) and path[0] in ("readings", "indicators")
