"""How a number is written for a person: one rule for every view.

A reading, a target, a threshold or a number of hours reads the same on the dashboard, in
`indicator list` and `show`, the check-in, the one-on-one, the map and the report, in text,
markdown and HTML alike (JSON keeps numbers as numbers, a whole one whole:
`whole_numbers`). The rule: the number as it was
written in the file.

- no exponent: 1234567, not 1.23457e+06; 0.0000001, not 1e-07;
- no rounding of what was written: 97.625 stays 97.625;
- no float noise: 0.1 + 0.2 is 0.3, not 0.30000000000000004 (a float holds 15 significant
  digits faithfully, so every number written with up to 15 is shown exactly as written);
- no trailing zeros, and no minus on zero: 2.50 is 2.5, 4.0 is 4, -0.0 is 0.

Pure functions on strings (not `decimal`, which costs a few milliseconds to import), so
the cheapest command can use them.
"""

from __future__ import annotations

import math

SIGNIFICANT_DIGITS = 15  # what a float keeps of a decimal number; beyond is noise


def whole_numbers(data: object) -> object:
    """36.0 -> 36 throughout (in dicts, lists and tuples): how a person writes a whole reading
    or a count of hours. The files leadwork writes (store/serialize.py) and every JSON it
    prints (render/json_text.py) follow it, as the text views do (`format_number`)."""
    if isinstance(data, float) and data.is_integer() and abs(data) < 2**53:
        return int(data)  # beyond 2**53 a float is no longer a count anyone typed
    if isinstance(data, dict):
        return {k: whole_numbers(v) for k, v in data.items()}
    if isinstance(data, list):
        return [whole_numbers(v) for v in data]
    if isinstance(data, tuple):
        return tuple(whole_numbers(v) for v in data)
    return data


def format_number(value: float) -> str:
    """`value` as it was written: 1234567, 97.625, 0.3 (see the module's rule)."""
    if isinstance(value, int):  # bool included: an int is exact as it is
        return str(int(value))
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    sign, digits, point = _digits(repr(value))  # the shortest digits that read back as it
    if len(digits) > SIGNIFICANT_DIGITS:
        sign, digits, point = _digits(f"{value:.{SIGNIFICANT_DIGITS}g}")
    if digits == "0":
        return "0"  # and never -0
    if point <= 0:
        return f"{sign}0.{'0' * -point}{digits}"
    if point >= len(digits):
        return f"{sign}{digits}{'0' * (point - len(digits))}"
    return f"{sign}{digits[:point]}.{digits[point:]}"


def _digits(text: str) -> tuple[str, str, int]:
    """'-1.25e+03' -> ('-', '125', 4): the sign, the significant digits (no leading or
    trailing zeros) and where the decimal point goes among them."""
    sign = "-" if text.startswith("-") else ""
    mantissa, _, exponent = text.lstrip("-").partition("e")
    whole, _, fraction = mantissa.partition(".")
    digits = whole + fraction
    point = len(whole) + int(exponent or 0)
    stripped = digits.lstrip("0")
    point -= len(digits) - len(stripped)
    return sign, stripped.rstrip("0") or "0", point


def format_value(value: float | None, unit: str = "", missing: str = "—") -> str:
    """A value with its unit: '97.6%' ('%' hugs the number, as a unit written from a slash
    does: '7.6/10'), '38 min', '2' (no unit),
    '1 walk' (a unit written as a plural word is said in the singular for one: `unit_for`);
    `missing` when there is no value."""
    if value is None:
        return missing
    number = format_number(value)
    if not unit:
        return number
    unit = unit_for(number, unit)
    return f"{number}{unit}" if unit == "%" or unit.startswith("/") else f"{number} {unit}"


_NOT_PLURAL = ("ss", "us", "is", "as")  # "class", "status", "basis", "gas": not plurals


def unit_for(number: str, unit: str) -> str:
    """The unit as said after `number` (as written): an indicator's unit is written for
    many ("walks", "hours", "patients per hour"), so for exactly one its first word loses
    its plural ending: '1 walk', '1 hour', '1 patient per hour', '1 story'. A symbol or
    an abbreviation of two letters ('%', 'ms', 'h') is left as it is."""
    if number not in ("1", "-1"):
        return unit
    word, space, rest = unit.partition(" ")
    if len(word) < 3 or not word.isalpha() or word[-1] != "s" or word.endswith(_NOT_PLURAL):
        return unit
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"  # stories, deliveries
    elif word.endswith(("ches", "shes", "xes", "sses")):
        word = word[:-2]  # batches, boxes
    else:
        word = word[:-1]
    return word + space + rest


# Two numbers that are not written by anyone but computed, each with its own rounding:


def format_percent(percent: float) -> str:
    """A share of a whole, in whole percent: '42%' (a share of hours, not a reading)."""
    return f"{percent:.0f}%"


def format_share(percent: float, warning_percent: float) -> str:
    """A share of hours shown beside its warning level: whole percent, with the decimals it
    takes (two at most) not to read as the level when it is not the level: 20.4% over a 20%
    warning, never "20%" flagged as over it."""
    text = f"{percent:.0f}"
    for digits in (1, 2):
        if percent == warning_percent or float(text) != warning_percent:
            break
        text = f"{percent:.{digits}f}"
    return f"{text}%"


def format_average(value: float | None, missing: str = "—") -> str:
    """An average of 1-to-5 ratings, to one decimal: '3.7'."""
    return missing if value is None else f"{value:.1f}"
