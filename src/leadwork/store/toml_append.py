"""Append a table to an array of tables in a tomlkit document, keeping the person's layout.

tomlkit keeps comments as trivia inside the table they follow, so a comment written just
above the next `[[header]]` belongs, to tomlkit, to the table before it. Appending after
that table naively would slip the new table in between the comment and the header it
describes. So before appending inside a file, the trailing trivia of the table we append
after are split: comments attached to its last key stay with it; everything from the
first blank line on (which introduces whatever comes next) moves below the new table.
Either way, every original line stays, in its original order.
"""

from __future__ import annotations

from typing import Any

import tomlkit
from tomlkit.container import Container
from tomlkit.items import AoT, Array, Comment, Table, Whitespace


def _body(table: Any) -> list[tuple[Any, Any]]:
    container = table if isinstance(table, Container) else table.value
    return container.body


def _deepest_last_table(table: Table | tomlkit.TOMLDocument) -> Table | tomlkit.TOMLDocument:
    """The table whose body holds the last lines of `table`'s block (its last sub-table's,
    if its last key is a table or an array of tables)."""
    while True:
        keyed = [item for key, item in _body(table) if key is not None]
        if not keyed:
            return table
        last = keyed[-1]
        if isinstance(last, AoT) and len(last):
            table = last[-1]
        elif isinstance(last, Table):
            table = last
        else:
            return table


def _split_trailing_trivia(table: Table | tomlkit.TOMLDocument) -> list[Any]:
    """Remove and return the trivia after `table`'s last key that introduce what follows:
    from the first blank line after the comments attached to that key, to the end."""
    body = _body(table)
    last_key = max((i for i, (key, _) in enumerate(body) if key is not None), default=-1)
    cut = last_key + 1
    while cut < len(body) and body[cut][0] is None and isinstance(body[cut][1], Comment):
        cut += 1
    if any(not isinstance(item, Comment | Whitespace) for key, item in body[cut:]):
        return []  # never move anything but trivia
    moved = [item for _, item in body[cut:]]
    del body[cut:]
    return moved


def _ends_with_blank_line(text: str) -> bool:
    return text == "" or text.endswith("\n\n")


def _separate(container: Any) -> None:
    """Make sure a blank line follows `container`'s text, before a new header."""
    text = container.as_string()
    if _ends_with_blank_line(text):
        return
    container.add(tomlkit.ws("\n" if text.endswith("\n") else "\n\n"))


def append_at_end(document: tomlkit.TOMLDocument, key: str, table: Table) -> None:
    """Append `table` to the top-level array of tables `key`, at the very end of the file
    (the array must be the file's last table, or absent)."""
    current = document.get(key)
    if current is None:
        _separate(document)
        document[key] = tomlkit.aot()
        document[key].append(table)
        return
    if not isinstance(current, AoT):
        raise TypeError(f"'{key}' is not an array of tables")
    if len(current):
        _separate(_deepest_last_table(current[-1]))
    current.append(table)


def append_inside(parent: Table | tomlkit.TOMLDocument, key: str, table: Table) -> None:
    """Append `table` to `parent[key]` (an array of tables, made if absent), right after
    the array's last entry (or after `parent`'s own keys) and before whatever follows."""
    current = parent.get(key)
    if current is not None and not isinstance(current, AoT):
        raise TypeError(f"'{key}' is not an array of tables")
    after = _deepest_last_table(current[-1] if current else parent)
    moved = _split_trailing_trivia(after)
    _separate(after)
    if current is None:
        aot = tomlkit.aot()
        aot.append(table)
        parent[key] = aot
    else:
        current.append(table)
    for item in moved:
        table.add(item)


def _entry_like(data: dict[str, Any], neighbour: str | None) -> Any:
    """`data` as an inline table written one line, spaced inside its braces as the entry
    before it is (`{ since = … }`), else as tomlkit writes one (`{since = …}`)."""
    inline = tomlkit.inline_table()
    inline.update(data)
    if neighbour is None or not (neighbour.startswith("{ ") and neighbour.endswith(" }")):
        return inline
    return tomlkit.parse(f"v = {{ {inline.as_string()[1:-1]} }}")["v"]


def append_inline(values: Array, data: dict[str, Any]) -> None:
    """Append `data` as an inline table to the inline array `values` (`stories = [{ text =
    "…" }]`, `changes = [ { since = … } ]`), keeping every character the person wrote: on
    the same line when the array is on one line, else a line of its own at the indent of
    the entries, after the last one (which gets its comma) and any comment below it."""
    last = values[-1].as_string().strip() if len(values) else None
    inline = _entry_like(data, last)
    text = values.as_string()
    if "\n" in text:  # one entry a line: a line of its own, its comma kept
        lines = [line for line in text.split("\n")[1:] if line.strip()[:1] not in ("", "#")]
        indent = lines[0][: len(lines[0]) - len(lines[0].lstrip())] if lines else "  "
        values.add_line(inline, indent=indent)
    else:
        values.append(inline)
