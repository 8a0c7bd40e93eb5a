"""`store/sourcemap.py` is a hand-written scanner: it must never crash on valid TOML, and
must find every value. Fuzzed with TOML texts hypothesis builds from random data, written
by tomli-w, by tomlkit, and in the styles people use by hand (dotted keys, inline tables,
literal and multi-line strings, comments and blank lines everywhere); then run on every
valid TOML file there is to hand."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w
import tomlkit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adversarial.handwritten import FILES as HANDWRITTEN
from leadwork.store.sourcemap import SourceMap

ROOT = Path(__file__).resolve().parents[2]

# ---- random TOML data --------------------------------------------------------------------

bare_keys = st.from_regex(r"[A-Za-z0-9_-]{1,8}", fullmatch=True)
any_keys = st.one_of(
    bare_keys,
    st.text(st.characters(exclude_categories=("Cs",)), min_size=0, max_size=8),
    st.sampled_from(["a.b", "x y", '"q"', "'s'", "#", "=", "[t]", "\\", "\n", "é"]),
)
strings = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=20),
    st.sampled_from(['"""', "'''", "a = 1", "# c", "[x]", "\\", "\n", "\r\n", "\t", "'", '"']),
)
times = st.times().map(lambda t: t.replace(microsecond=t.microsecond // 1000 * 1000))
datetimes = st.datetimes(dt.datetime(1900, 1, 1), dt.datetime(2200, 1, 1)).map(
    lambda d: d.replace(microsecond=d.microsecond // 1000 * 1000)
)
scalars = st.one_of(
    strings,
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=False),
    st.booleans(),
    st.dates(),
    times,
    datetimes,
)


def _values(children):
    return st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(any_keys, children, max_size=4),
    )


values = st.recursive(scalars, _values, max_leaves=20)
documents = st.dictionaries(any_keys, values, max_size=6)


# ---- writing it as a person might ----------------------------------------------------------


def _key(key: str, draw_style: int) -> str:
    if key and all(c.isascii() and (c.isalnum() or c in "_-") for c in key):
        return key if draw_style % 3 else json.dumps(key)
    literal_ok = bool(key) and "'" not in key and all(c == "\t" or " " <= c != "\x7f" for c in key)
    if draw_style % 2 and literal_ok:
        return f"'{key}'"
    return _basic(key)


def _basic(text: str) -> str:
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _scalar(value: Any, style: int) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        plain = all(c == "\t" or (c >= " " and c != "\x7f") for c in value)
        if style % 4 == 1 and plain and "'" not in value:
            return f"'{value}'"
        multiline_ok = all(c in "\t\n" or " " <= c != "\x7f" for c in value)
        if style % 4 == 2 and multiline_ok and "'''" not in value and not value.endswith("'"):
            return f"'''\n{value}'''"
        return _basic(value)
    if isinstance(value, float):
        return repr(value) if value == value and abs(value) != float("inf") else "nan"
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _inline(value: Any, style: int) -> str:
    if isinstance(value, dict):
        inner = ", ".join(f"{_key(k, style)} = {_inline(v, style + 1)}" for k, v in value.items())
        return "{ " + inner + " }" if inner else "{}"
    if isinstance(value, list):
        items = [_inline(v, style + 1) for v in value]
        if style % 2 and items:  # one item a line, a comment after each, a trailing comma
            return "[\n" + "".join(f"  {item}, # item\n" for item in items) + "]"
        return "[" + ", ".join(items) + "]"
    return _scalar(value, style)


def hand_style(document: dict[str, Any], style: int) -> str:
    """Scalars and arrays first (dotted keys for plain sub-tables, sometimes), then each
    table under its own [header], with comments and blank lines sprinkled in."""
    lines = ["# written by hand", ""]
    tables = []
    for key, value in document.items():
        is_table = isinstance(value, dict) and value and style % 2
        if is_table:
            tables.append((key, value))
        elif isinstance(value, dict) and style % 3 == 0 and value:
            for sub, item in value.items():  # dotted keys: a.b = 1
                lines.append(f"{_key(key, style)} . {_key(sub, style)} = {_inline(item, style)}")
        else:
            lines.append(f"{_key(key, style)}   =   {_inline(value, style)}  # note")
    for key, value in tables:
        lines += ["", f"  [ {_key(key, style)} ]  # a table", ""]
        for sub, item in value.items():
            lines.append(f"\t{_key(sub, style + 1)} = {_inline(item, style + 1)}")
    return "\n".join(lines) + "\n"


def writers(document: dict[str, Any], style: int) -> list[tuple[str, str]]:
    texts = [("hand", hand_style(document, style))]
    texts.append(("tomlkit", tomlkit.dumps(document)))
    with contextlib.suppress(TypeError, ValueError):  # tomli-w cannot write every document
        texts.append(("tomli-w", tomli_w.dumps(document, multiline_strings=bool(style % 2))))
    return texts


# ---- what the scanner must do ----------------------------------------------------------------


def value_paths(data: Any, prefix: tuple = ()):
    """Every path to a value that is not a table (tables may be implicit, with no line)."""
    if isinstance(data, dict):
        for key, value in data.items():
            if not isinstance(value, dict):
                yield (*prefix, key)
            yield from value_paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            if not isinstance(value, dict):
                yield (*prefix, index)
            yield from value_paths(value, (*prefix, index))


def assert_scans(text: str) -> None:
    data = tomllib.loads(text)
    located = SourceMap(text)  # must not raise
    lines = text.split("\n")
    for path in value_paths(data):
        assert located.has(path), f"{path} not located in:\n{text}"
        span = located.locate(path)
        assert 1 <= span.line <= len(lines) and span.col >= 1


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(documents, st.integers(0, 11))
def test_the_scanner_finds_every_value_in_random_toml(document, style):
    for writer, text in writers(document, style):
        try:
            tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:  # a bug in the test's own writer
            pytest.fail(f"{writer} wrote invalid TOML ({error}):\n{text}")
        assert_scans(text)


def _valid_files() -> list[Path]:
    found = sorted(ROOT.glob("examples/**/*.toml")) + sorted(ROOT.glob("src/**/*.toml"))
    found += [ROOT / "pyproject.toml"]
    for folder in sys.path:  # the TOML files installed packages ship, when there are any
        if folder.endswith("site-packages"):
            found += sorted(Path(folder).glob("*/**/*.toml"))[:200]
    return found


@pytest.mark.parametrize("path", _valid_files(), ids=lambda p: p.name)
def test_the_scanner_handles_every_valid_file_at_hand(path: Path):
    text = path.read_text(encoding="utf-8")
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        pytest.skip("not valid TOML (a template with placeholders, or a test fixture)")
    assert_scans(text)


@pytest.mark.parametrize("rel", sorted(HANDWRITTEN))
def test_the_scanner_handles_the_handwritten_journal(rel: str):
    assert_scans(HANDWRITTEN[rel])
    assert_scans(HANDWRITTEN[rel].replace("\n", "\r\n"))


def test_the_scanner_survives_deep_but_valid_nesting():
    for depth in (50, 200, 400):
        for opener, closer in (("[", "]"), ("{a = ", "}")):
            text = "x = " + opener * depth + ("1" if "{" in opener else "") + closer * depth
            try:
                tomllib.loads(text)
            except (tomllib.TOMLDecodeError, RecursionError):
                continue
            SourceMap(text)
