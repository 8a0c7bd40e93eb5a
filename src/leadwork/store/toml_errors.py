"""tomllib's errors as problems a person can act on: located, explained, with a hint.

tomllib says what broke and where it stopped reading. For most errors a hint on what
usually causes it is enough. Common slips get a closer look, because there tomllib's own
words mislead: a string left open (tomllib reports the newline it runs into as an illegal
character), a key or table defined twice (tomllib says "cannot overwrite a value" at the
end of the line, without naming the key or where it was first set), a date not written
YYYY-MM-DD, a number typed with its unit or a decimal comma (`95%`, `95,5`: "expected
newline"), and a comma before an inline table's } ("invalid initial character for a key").
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from leadwork.errors import Problem
from leadwork.layout import KeyPath
from leadwork.store.sourcemap import SourceMap
from leadwork.store.tomltext import is_indicator_number, number_hint, toml_string, typed_number
from leadwork.weeks import as_iso_date

_POSITION = re.compile(r"^(.*) \((?:at line (\d+), column (\d+)|at end of document)\)$")

_HINTS = {
    "Cannot overwrite a value": "a key or table is defined twice; keep one of them",
    "Cannot declare": "this table or key was already defined above; merge the two",
    "Invalid date or datetime": "dates are written YYYY-MM-DD without quotes, and must exist",
    "Invalid value": "strings need quotes, dates are YYYY-MM-DD, booleans are true or false",
    "Invalid statement": "each line is `key = value`, a [table] header, or a # comment",
    "Unclosed array": "an array opened with [ needs a closing ]",
    "Unclosed inline table": "an inline table opened with { needs a closing } on the same line",
    "Unterminated string": "close the string with the quote it opened with",
    "Illegal character": "remove the control character, or escape it inside a quoted string",
    "Invalid initial character for a key part": "keys are letters, digits, - and _, or quoted",
}
_AT_END_HINT = "the file ends inside a value: close the array, string or table it opened"

# What tomllib says when a string runs out (by Python 3.11's wording), and the opening
# quotes each message can come from: one-line strings meet a newline or the end of the
# file, multi-line ones only the end of the file.
_RUNS_OUT = {
    "Illegal character '\\n'": ('"',),
    "Found invalid character '\\n'": ("'",),
    "Unterminated string": ('"', '"""'),
    'Expected "\'"': ("'",),
    "Expected \"'''\"": ("'''",),
}
# tomllib's ways of saying that a statement defines again what is already defined.
_REDEFINED = ("Cannot overwrite a value", "Cannot declare", "Cannot mutate", "Cannot redefine")

_STRING_OR_COMMENT = re.compile(r"[#\"']")
_BASIC_BODY = re.compile(r'(?:[^"\\\n]|\\[^\n])*')
_LITERAL_BODY = re.compile(r"[^'\n]*")
_MULTILINE_BASIC_BODY = re.compile(r'(?:[^"\\]|\\[\s\S]|"(?!""))*')
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def toml_problem(path: Path, text: str, error: tomllib.TOMLDecodeError) -> Problem:
    """The problem tomllib found in `text` (the file at `path`), said for a person."""
    # tomllib reads CRLF as LF; on the same text, its positions are offsets here.
    src = text.replace("\r\n", "\n")
    message = str(error)
    match = _POSITION.match(message)
    what = match[1] if match else message
    if match and match[2]:
        line, col = int(match[2]), int(match[3])
        offset = _line_start(src, line) + col - 1
    else:  # at end of document
        offset = len(src)
        lines = src.rstrip("\n").split("\n")
        line, col = len(lines), len(lines[-1]) + 1
    explained = (
        _string_runs_out(src, what, offset)
        or _defined_twice(src, what, offset)
        or _more_after_a_value(src, what, offset)
        or _trailing_comma(src, what, offset)
        or _number_in_a_table_or_array(src, what, offset)
    )
    width = 1
    hint: str | None
    if explained is not None:
        message, hint, (line, col, width) = explained
    else:
        message = f"{what[0].lower()}{what[1:]}"
        hint = next((h for prefix, h in _HINTS.items() if what.startswith(prefix)), None)
        if offset >= len(src):
            message += " at the end of the file"
            hint = _AT_END_HINT
    return Problem(
        f"invalid TOML: {message}",
        file=path,
        line=line,
        col=col,
        hint=hint,
        source_line=_line_of(text, line),
        width=width,
    )


Explained = tuple[str, str, tuple[int, int, int]]  # message, hint, (line, col, width)


def _line_start(src: str, line: int) -> int:
    start = 0
    for _ in range(line - 1):
        start = src.index("\n", start) + 1
    return start


def _line_of(text: str, line: int) -> str:
    lines = text.split("\n")
    return lines[line - 1].rstrip("\r") if 1 <= line <= len(lines) else ""


def _position(src: str, offset: int) -> tuple[int, int]:
    line_start = src.rfind("\n", 0, offset) + 1
    return src.count("\n", 0, offset) + 1, offset - line_start + 1


# ---- a value that goes on after its end: a date not written YYYY-MM-DD, a quote in a string --

_AFTER_A_VALUE = "Expected newline or end of document after a statement"
_ASSIGNMENT = re.compile(r"^\s*([^=#]+?)\s*=\s*(.*?)\s*$")


def _more_after_a_value(src: str, what: str, offset: int) -> Explained | None:
    """tomllib read a value, then found more on the line: "expected newline". Two slips
    cause most of these, and its words name neither."""
    if not what.startswith(_AFTER_A_VALUE):
        return None
    start = src.rfind("\n", 0, offset) + 1
    end = src.find("\n", offset)
    text = src[start : len(src) if end < 0 else end]
    match = _ASSIGNMENT.match(text)
    if match is None:
        return None
    key, value = match[1], match[2].split(" #")[0].strip()
    line, _ = _position(src, offset)
    value_col = text.index(value, match.start(2)) + 1
    date = as_iso_date(value)
    if date is not None:
        written, hint = date
        return (
            f"the date {value} is not written YYYY-MM-DD",
            f"TOML dates are year-month-day, without quotes: {key} = {written}{hint}",
            (line, value_col, len(value)),
        )
    number = _not_a_number(src, value, start + value_col - 1)
    if number is not None:
        return number
    closing = offset - 1 - start  # tomllib stops just after the quote that ended the string
    if value.startswith('"') and 0 <= closing < len(text) and text[closing] == '"':
        inner = value[1:].rsplit('"', 1)[0] if value.endswith('"') else value[1:]
        escaped = inner.replace("\\", "\\\\").replace('"', '\\"')
        example = f'{key} = "{escaped}"'
        return (
            "a quote inside a string ends the string early",
            'write each quote inside it as \\"'
            + (f", like: {example}" if len(example) <= 80 else "")
            + ", or put the whole text in single quotes (' ') if it has no ' of its own",
            (line, closing + 1, 1),
        )
    return None


# ---- a number typed with its unit or a decimal comma: 95%, 95,5 ----------------------------

# What tomllib says when a number in an inline table or an array goes on with a unit
# (`{ a = 95% }`: "unclosed inline table" at the %) or a decimal comma (`{ a = 95,5 }`: it
# reads 5 as the next key, and wants its =).
_UNCLOSED = ("Unclosed inline table", "Unclosed array")
_EXPECTED_EQUALS = "Expected '=' after a key in a key/value pair"
_NUMBER_BEFORE = re.compile(r"(?:\A|[=,\[{])[ \t]*([+-]?\d+(?:\.\d+)?[ \t]*)\Z")
_UNIT_AFTER = re.compile(r"[^,\]}#\n]*")
_COMMA_NUMBER_BEFORE = re.compile(r"=[ \t]*([+-]?\d+,\d+)[ \t]*\Z")


def _number_in_a_table_or_array(src: str, what: str, offset: int) -> Explained | None:
    """A number typed with its unit or a decimal comma inside `{ }` or `[ ]`, where
    tomllib's words are about the table, the array or a key."""
    line_start = src.rfind("\n", 0, offset) + 1
    before = src[line_start:offset]
    if what.startswith(_UNCLOSED) and offset < len(src) and src[offset] != "\n":
        found = _NUMBER_BEFORE.search(before)
        after = _UNIT_AFTER.match(src, offset)
        if found is None or after is None:
            return None
        value = (found[1] + after[0]).strip()
    elif what.startswith(_EXPECTED_EQUALS):
        found = _COMMA_NUMBER_BEFORE.search(before)
        if found is None:
            return None
        value = found[1]
    else:
        return None
    return _not_a_number(src, value, line_start + found.start(1))


def _not_a_number(src: str, value: str, at: int) -> Explained | None:
    """`value`, at offset `at` of `src`, as a number typed with its unit or a decimal
    comma: what is wrong, and the number to write."""
    typed = typed_number(value)
    hint = typed and number_hint(typed, quoted=False, of_indicator=_of_indicator(src, at))
    if not typed or not hint:
        return None
    wrong = " and ".join(["no unit"] * bool(typed.unit) + ["no comma"] * typed.comma)
    line, col = _position(src, at)
    return f"{value} is not a number: TOML numbers take {wrong}", hint, (line, col, len(value))


def _of_indicator(src: str, at: int) -> bool:
    """Whether the value at offset `at` is an indicator's number: the statement its line
    begins (`readings = {`, `dayton-otd =`) holds one, by the path of its key."""
    line_start = src.rfind("\n", 0, at) + 1
    key = src[line_start:at].split("=", 1)[0]
    try:  # the text before the line is valid TOML: tomllib read past it
        statement = SourceMap(src[:line_start] + key + "= 0").last
    except (IndexError, ValueError, RecursionError):
        return False
    return statement is not None and is_indicator_number(statement.path)


# ---- a comma before the } of an inline table ------------------------------------------------


def _trailing_comma(src: str, what: str, offset: int) -> Explained | None:
    """`{ a = 1, }`: tomllib reads a key after the comma, finds the }, and says the key
    starts with an invalid character."""
    if not what.startswith("Invalid initial character for a key part"):
        return None
    before = src[:offset].rstrip(" \t")
    if not src.startswith("}", offset) or not before.endswith(","):
        return None
    line, col = _position(src, len(before) - 1)
    return (
        "a trailing comma is not allowed in an inline table",
        "remove the , before }",
        (line, col, 1),
    )


# ---- a string left open ---------------------------------------------------------------------


@dataclass(frozen=True)
class _OpenString:
    start: int  # offset of the opening quote
    end: int  # where it ran out: the newline, or the end of the text
    quote: str  # the opening quote: one of " ' """ '''


def _string_runs_out(src: str, what: str, offset: int) -> Explained | None:
    quotes = _RUNS_OUT.get(what)
    if quotes is None:
        return None
    found = _first_open_string(src)
    # Only when it is the string tomllib stopped in: at the newline it reported, or, when
    # it ran into the end of the file, the first one left open (a literal string's search
    # for its closing quote goes on past the end of its line).
    if found is None or found.quote not in quotes:
        return None
    if offset < len(src) and found.end != offset:
        return None
    line, col = _position(src, found.start)
    quote = found.quote[0]
    if len(found.quote) == 3:
        return (
            f"the multi-line string opened here is not closed: the file ends before its "
            f"closing {found.quote}",
            f"end the text with {found.quote}",
            (line, col, 3),
        )
    where = "file" if found.end >= len(src) else "line"
    return (
        f"the string is not closed: the {where} ends before its closing {quote}",
        f"end it with {quote} on the same line; text over several lines goes between "
        f"{quote * 3} and {quote * 3}",
        (line, col, found.end - found.start),
    )


def _first_open_string(src: str) -> _OpenString | None:
    """The first string in `src` that is not closed: a one-line string that meets the end
    of its line or of the text, or a multi-line one that meets the end of the text.

    A lexer, not a parser: outside strings and comments, TOML has no quotes, so strings and
    comments are all it needs to tell apart."""
    pos = 0
    while True:
        found = _STRING_OR_COMMENT.search(src, pos)
        if found is None:
            return None
        start = found.start()
        char = src[start]
        if char == "#":
            end = src.find("\n", start)
            if end < 0:
                return None
            pos = end + 1
        elif src.startswith(char * 3, start):
            end = _end_of_multiline(src, start + 3, char)
            if end < 0:
                return _OpenString(start, len(src), char * 3)
            pos = end
        else:
            body = (_BASIC_BODY if char == '"' else _LITERAL_BODY).match(src, start + 1)
            end = body.end() if body else start + 1
            if end >= len(src) or src[end] != char:
                return _OpenString(start, end, char)
            pos = end + 1


def _end_of_multiline(src: str, pos: int, char: str) -> int:
    """Just past the closing delimiter of a multi-line string whose body starts at `pos`,
    or -1 when it is never closed."""
    if char == "'":
        close = src.find("'''", pos)
    else:
        body = _MULTILINE_BASIC_BODY.match(src, pos)
        close = body.end() if body else pos
    if close < 0 or not src.startswith(char * 3, close):
        return -1
    end = close + 3
    # Up to two more quotes still belong to the body, as in tomllib.
    while end < len(src) and end - close < 5 and src[end] == char:
        end += 1
    return end


# ---- a key or table defined twice -----------------------------------------------------------


def _defined_twice(src: str, what: str, offset: int) -> Explained | None:
    """Which key the statement tomllib refused defines again, and where it was first."""
    if not what.startswith(_REDEFINED):
        return None
    try:
        # tomllib stops just after the statement it refuses (after a header's key): the
        # text up to there, scanned, ends with that statement; the text before it is
        # valid TOML, and holds the first definition.
        scanned = SourceMap(src[:offset])
        statement = scanned.last
        if statement is None:
            return None
        before = tomllib.loads(src[: statement.start])
    except (IndexError, ValueError, RecursionError):
        return None  # cut inside an inline table or array: say what tomllib said
    conflict = _conflict(before, statement.path)
    first = scanned.spans.get(conflict) if conflict else None
    if conflict is None or first is None or first.line >= statement.span.line:
        return None
    position = (statement.span.line, statement.span.col, statement.span.width)
    written = _dotted(statement.keys)
    shown = {"key": f"'{written}'", "table": f"[{written}]", "array": f"[[{written}]]"}
    rename = "rename one of the two, or remove one"
    if conflict != statement.path:
        return (
            f"'{_dotted(conflict)}' is already a value (line {first.line}), so "
            f"{shown[statement.kind]} cannot be defined inside it",
            rename,
            position,
        )
    if statement.kind == "key":
        return (
            f"'{written}' is set twice (first on line {first.line})",
            _set_twice_hint(statement.path),
            position,
        )
    if statement.kind == "array":
        return (
            f"'{written}' is already defined on line {first.line}, so [[{written}]] "
            "cannot add to it",
            rename,
            position,
        )
    if not isinstance(_value_at(before, conflict), dict):
        return (
            f"'{_dotted(conflict)}' is already a value (line {first.line}), so "
            f"[{written}] cannot be a table",
            rename,
            position,
        )
    return (
        f"[{written}] is defined twice (first on line {first.line})",
        "merge the two tables into one, or remove one of them",
        position,
    )


def _set_twice_hint(path: KeyPath) -> str:
    """Inside an [[array]] entry, a key set twice is often two entries run together (what
    is left of a merge conflict once its markers are deleted): say how to keep both."""
    keep = "remove one of the two, keeping the value you mean"
    entry = max((i for i, part in enumerate(path) if isinstance(part, int)), default=None)
    if entry is None:
        return keep
    array = _dotted(path[:entry])
    return (
        f"if these are two different entries, keep both: put a [[{array}]] header above "
        f"this line, so each has its own; if they are one, {keep}"
    )


def _conflict(data: dict[str, Any], path: KeyPath) -> KeyPath | None:
    """The part of `path` already defined in `data`: the path itself, or a plain value on
    the way to it; None when the path was free."""
    node: Any = data
    for depth, part in enumerate(path, 1):
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
        if depth == len(path):
            return path
        if not isinstance(node, dict | list):
            return path[:depth]
    return None


def _value_at(data: dict[str, Any], path: KeyPath) -> Any:
    node: Any = data
    for part in path:
        node = node[part]
    return node


def _dotted(keys: KeyPath) -> str:
    """Keys as TOML writes them: bare where it can, quoted where it must."""
    parts = []
    for key in keys:
        if isinstance(key, int):
            continue
        parts.append(key if _BARE_KEY.fullmatch(key) else toml_string(key))
    return ".".join(parts)
