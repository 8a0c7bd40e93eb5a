"""Where each key of a TOML document sits: key path -> line and column.

`tomllib` returns plain data without positions, but a good error names the line. This
scanner walks text that `tomllib` has already accepted and records the position of every
table header, key and array element under the same path pydantic reports in an error's
`loc`, e.g. ("indicators", 2, "target"). Because the text is known to be valid TOML, the
scanner can stay small: it only has to skip strings, comments and nested values correctly.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from dataclasses import dataclass
from typing import Literal

from leadwork.layout import KeyPath

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_SCALAR_END = re.compile(r"[,\]}#\n]")


@dataclass(frozen=True)
class Span:
    line: int  # 1-based
    col: int  # 1-based
    width: int


@dataclass(frozen=True)
class Statement:
    """One `key = value` line or table header, as the scanner met it."""

    kind: Literal["key", "table", "array"]
    path: KeyPath  # the key's full path; a header's table, or [[array]]'s array
    keys: tuple[str, ...]  # as written: relative to the table for a key
    start: int  # offset of the key or the header's first bracket
    span: Span


class SourceMap:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = text.split("\n")
        self._line_starts = [0]
        for i, char in enumerate(text):
            if char == "\n":
                self._line_starts.append(i + 1)
        self.spans: dict[KeyPath, Span] = {}
        # Lines that continue a multi-line string: text, not comments or headers, however
        # they look (a note may well hold a line that is just "#").
        self.string_lines: set[int] = set()
        # Every comment, by its line: one after a value on the same line too (a line that
        # starts with "#" inside a multi-line string is not one).
        self.comments: dict[int, str] = {}
        self._aot_last: dict[KeyPath, int] = {}
        # The last statement scanned: on text cut just after a statement tomllib refused,
        # that statement, so its error can name the key (see store/toml_errors.py).
        self.last: Statement | None = None
        self._pos = 0
        self._scan()

    # ---- public -------------------------------------------------------------------------

    def locate(self, path: KeyPath) -> Span:
        """The span of `path`, or of its nearest located ancestor (a missing key points
        at its table's header), or the first line."""
        for end in range(len(path), 0, -1):
            span = self.spans.get(tuple(path[:end]))
            if span is not None:
                return span
        return Span(1, 1, 1)

    def source_line(self, line: int) -> str:
        if 1 <= line <= len(self.lines):
            return self.lines[line - 1].rstrip("\r")
        return ""

    def has(self, path: KeyPath) -> bool:
        return tuple(path) in self.spans

    # ---- scanning -----------------------------------------------------------------------

    def _span_at(self, pos: int, width: int) -> Span:
        line_index = bisect.bisect_right(self._line_starts, pos) - 1
        return Span(line_index + 1, pos - self._line_starts[line_index] + 1, max(width, 1))

    def _record(self, path: KeyPath, pos: int, width: int) -> None:
        self.spans.setdefault(path, self._span_at(pos, width))

    def _peek(self, count: int = 1) -> str:
        return self.text[self._pos : self._pos + count]

    def _skip_blank(self, newlines: bool) -> None:
        """Skip spaces, tabs, comments and (if asked) newlines."""
        text, n = self.text, len(self.text)
        while self._pos < n:
            char = text[self._pos]
            if char in " \t\r" or (newlines and char == "\n"):
                self._pos += 1
            elif char == "#":
                end = text.find("\n", self._pos)
                end = n if end < 0 else end
                line = bisect.bisect_right(self._line_starts, self._pos)
                self.comments[line] = text[self._pos : end].rstrip()
                self._pos = end
            else:
                return

    def _scan(self) -> None:
        table: KeyPath = ()
        n = len(self.text)
        while True:
            self._skip_blank(newlines=True)
            if self._pos >= n:
                return
            start = self._pos
            if self._peek(2) == "[[":
                self._pos += 2
                keys = self._read_key()
                self._skip_blank(newlines=False)
                self._pos += 2  # ]]
                parent = self._resolve(keys[:-1])
                array = (*parent, keys[-1])
                index = self._aot_last.get(array, -1) + 1
                self._aot_last[array] = index
                table = (*array, index)
                width = self._pos - start
                self._record(array, start, width)
                self._record(table, start, width)
                span = self._span_at(start, width)
                self.last = Statement("array", array, tuple(keys), start, span)
            elif self._peek() == "[":
                self._pos += 1
                keys = self._read_key()
                self._skip_blank(newlines=False)
                self._pos += 1  # ]
                table = self._resolve(keys)
                self._record(table, start, self._pos - start)
                span = self._span_at(start, self._pos - start)
                self.last = Statement("table", table, tuple(keys), start, span)
            else:
                keys = self._read_key()
                span = self._record_key(table, keys, start)
                self.last = Statement("key", (*table, *keys), tuple(keys), start, span)
                self._skip_blank(newlines=False)
                self._pos += 1  # =
                self._skip_blank(newlines=False)
                self._read_value((*table, *keys))
            # Anything left on the line is a comment or whitespace.
            self._skip_blank(newlines=False)

    def _record_key(self, table: KeyPath, keys: list[str], start: int) -> Span:
        width = len(self.text[start : self._pos].rstrip())
        for depth in range(1, len(keys) + 1):
            self._record((*table, *keys[:depth]), start, width)
        return self._span_at(start, width)

    def _resolve(self, keys: list[str]) -> KeyPath:
        """Turn a header's plain keys into a path through the latest array-of-tables entries."""
        path: KeyPath = ()
        for key in keys:
            path = (*path, key)
            if path in self._aot_last:
                path = (*path, self._aot_last[path])
        return path

    def _read_key(self) -> list[str]:
        keys: list[str] = []
        while True:
            self._skip_blank(newlines=False)
            char = self._peek()
            if char == '"':
                end = self._end_of_basic_string(self._pos)
                keys.append(tomllib.loads("k = " + self.text[self._pos : end])["k"])
                self._pos = end
            elif char == "'":
                end = self.text.index("'", self._pos + 1) + 1
                keys.append(self.text[self._pos + 1 : end - 1])
                self._pos = end
            else:
                match = _BARE_KEY.match(self.text, self._pos)
                if not match:
                    return keys
                keys.append(match.group())
                self._pos = match.end()
            self._skip_blank(newlines=False)
            if self._peek() != ".":
                return keys
            self._pos += 1

    def _end_of_basic_string(self, start: int) -> int:
        """Index just past the closing quote of the one-line basic string at `start`."""
        pos = start + 1
        text = self.text
        while text[pos] != '"':
            pos += 2 if text[pos] == "\\" else 1
        return pos + 1

    def _read_value(self, path: KeyPath) -> None:
        text = self.text
        if text.startswith('"""', self._pos):
            pos = self._pos + 3
            while not text.startswith('"""', pos):
                pos += 2 if text[pos] == "\\" else 1
            pos += 3
            while pos < len(text) and text[pos] == '"':  # up to two quotes may end the body
                pos += 1
            self._multiline_string(self._pos, pos)
        elif text.startswith("'''", self._pos):
            pos = text.index("'''", self._pos + 3) + 3
            while pos < len(text) and text[pos] == "'":
                pos += 1
            self._multiline_string(self._pos, pos)
        elif text[self._pos] == '"':
            self._pos = self._end_of_basic_string(self._pos)
        elif text[self._pos] == "'":
            self._pos = text.index("'", self._pos + 1) + 1
        elif text[self._pos] == "[":
            self._read_array(path)
        elif text[self._pos] == "{":
            self._read_inline_table(path)
        else:
            match = _SCALAR_END.search(text, self._pos)
            end = len(text) if match is None else match.start()
            self._pos = end

    def _multiline_string(self, start: int, end: int) -> None:
        first = self._span_at(start, 1).line
        last = self._span_at(end - 1, 1).line
        self.string_lines.update(range(first + 1, last + 1))
        self._pos = end

    def _read_array(self, path: KeyPath) -> None:
        self._pos += 1
        index = 0
        while True:
            self._skip_blank(newlines=True)
            if self._peek() == "]":
                self._pos += 1
                return
            start = self._pos
            self._read_value((*path, index))
            self._record((*path, index), start, self._pos - start)
            index += 1
            self._skip_blank(newlines=True)
            if self._peek() == ",":
                self._pos += 1

    def _read_inline_table(self, path: KeyPath) -> None:
        self._pos += 1
        while True:
            self._skip_blank(newlines=True)
            if self._peek() == "}":
                self._pos += 1
                return
            start = self._pos
            keys = self._read_key()
            self._record_key(path, keys, start)
            self._skip_blank(newlines=False)
            self._pos += 1  # =
            self._skip_blank(newlines=False)
            self._read_value((*path, *keys))
            self._skip_blank(newlines=True)
            if self._peek() == ",":
                self._pos += 1
