"""Insert into a tomlkit document, and keep the person's order of tables, with tomlkit's
public API only (`Container.body`, `append`, `remove`, `parsing`, `tomlkit.dumps`).

tomlkit has no public "insert at": `insert` takes the items from the place on off the end
and appends them back, in parsing mode, so nothing about them changes (spacing, headers).

tomlkit gathers the entries of an array of tables into one place when it parses: a file with
`[[stories]]` on both sides of `[readings]` is written back with both stories first, and the
edit check (`store.edit`) rightly refuses that as a reordering of the person's lines. So an
edit notes where each top-level block (a `[table]`, or one `[[array]]` entry, with the lines
tomlkit keeps under it) stands in the file (`file_order`, from the source map's header lines),
and when that is not tomlkit's order, writes the blocks back in the file's order
(`dumps_in_order`), each rendered alone by putting it in a document of its own. A block the
edit added goes where it goes in tomlkit's grouping, seen from the file: a new entry of an
array right after the entry before it (a new story after the last story, wherever that one
stands); any other new block right above the file's block that follows it in tomlkit's
grouping (a new `[hours]` above the first story, as the writers chose), or at the end.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import tomlkit
from tomlkit import TOMLDocument
from tomlkit.container import Container
from tomlkit.items import AoT, Key, Table

from leadwork.store.sourcemap import SourceMap
from leadwork.store.toml_append import _deepest_last_table


def insert(container: Container, index: int, key: str | Key, item: Any) -> None:
    """Insert `key = item` at `index` of the container's body, all else left as it was.

    The items from `index` on are removed and appended back after the new one; a key that
    stands in two places of the body (a table split out of order) cannot be removed alone,
    so then the new item goes at the end instead (valid TOML, in a less usual place)."""
    body = container.body
    tail = body[index:]
    keys = [k for k, _ in tail if k is not None]
    if any(sum(1 for other, _ in body if other == k) > 1 for k in keys):
        container.append(key, item)
        return
    for removed in reversed(keys):
        container.remove(removed)  # leaves an empty placeholder where it stood
    del body[index:]  # placeholders and unkeyed lines only: no key's index moves
    container.append(key, item)
    container.parsing(True)  # as the parser appends: no spacing or header is changed
    try:
        for again, value in tail:
            container.append(again, value)
    finally:
        container.parsing(False)


# ---- the file's order of blocks ------------------------------------------------------------


def _is_block(key: Key | None, item: Any) -> bool:
    return key is not None and isinstance(item, Table | AoT) and not key.is_dotted()


def _blocks(document: TOMLDocument) -> list[tuple[Key, Table, int | None]]:
    """The top-level blocks in tomlkit's order: (key, table, id of its array or None)."""
    found: list[tuple[Key, Table, int | None]] = []
    for key, item in document.body:
        if key is None or not _is_block(key, item):
            continue
        if isinstance(item, AoT):
            found.extend((key, entry, id(item)) for entry in item.body)
        elif isinstance(item, Table):
            found.append((key, item, None))
    return found


def _render(key: Key | None, item: Any) -> str:
    """One top-level item as tomlkit writes it in its document (an entry of an array of
    tables as its own `[[header]]` block), through a document holding only it."""
    document = TOMLDocument(parsed=True)  # parsed: appending changes nothing in the item
    document.append(key, item)
    return tomlkit.dumps(document)


@dataclass(frozen=True)
class FileOrder:
    blocks: list[int]  # the ids of the blocks' tables, in the file's order
    tail: str  # comment lines after the file's last block, when it is not tomlkit's last


def file_order(document: TOMLDocument, source: SourceMap) -> FileOrder | None:
    """The document's blocks in the order its file (`source`) has them, or None when that is
    tomlkit's own order (or a block's header cannot be found).

    When it is not, the comment lines that end a block and introduce the next one in the
    file are moved to that next block, above its header, where they print the same (and
    those ending the file's last block to the file's end): the writers move a block's last
    comments below what they add after it (see `checkins._move_trailing_comments`), which
    is right only for the block that follows in tomlkit's grouping, not in the file."""
    blocks = _blocks(document)
    if not blocks:
        return None
    spans = source.spans
    seen: dict[int, int] = {}
    lines: list[tuple[int, int]] = []
    for key, table, array in blocks:
        if array is None:
            path: tuple[str | int, ...] = (key.key,)
        else:
            path = (key.key, seen.get(array, 0))
            seen[array] = seen.get(array, 0) + 1
        span = spans.get(path)
        if span is None:
            return None
        lines.append((span.line, id(table)))
    grouped = [id(table) for _, table, _ in blocks]
    order = [block for _, block in sorted(lines)]
    if order == grouped:
        return None
    tables = {id(table): table for _, table, _ in blocks}
    next_in_grouping = dict(itertools.pairwise(grouped))
    tail = ""
    for above, below in zip(order, [*order[1:], None], strict=True):
        if next_in_grouping.get(above) == below:
            continue  # neighbours either way (or last either way): the writers' rule holds
        last = _deepest_last_table(tables[above])
        body = last.body if isinstance(last, Container) else last.value.body
        keyed = [i for i, (key, _) in enumerate(body) if key is not None]
        cut = keyed[-1] + 1 if keyed else 0
        trailing = "".join(item.as_string() for _, item in body[cut:])
        if not trailing.strip():
            continue  # blank lines only: they stay where they are
        del body[cut:]  # unkeyed items only: tomlkit's key map does not index them
        if below is None:
            tail = trailing
        else:
            tables[below].trivia.indent = trailing + tables[below].trivia.indent
    return FileOrder(order, tail)


# ---- writing in that order -----------------------------------------------------------------


def dumps(document: TOMLDocument, file: FileOrder | None) -> str:
    """The document's text: tomlkit's, or with its blocks in the file's order."""
    if file is not None:
        text = dumps_in_order(document, file)
        if text is not None:
            return text
    return tomlkit.dumps(document)


def dumps_in_order(document: TOMLDocument, file: FileOrder) -> str | None:
    """The document's text with its blocks in the file's order, or None if it cannot be
    (then tomlkit's text stands, and the edit check refuses it if it reorders anything)."""
    rendered: list[tuple[int, str, int | None]] = []  # (id of the table, text, its array)
    for key, item in document.body:
        if key is not None and _is_block(key, item):
            if isinstance(item, AoT):
                rendered.extend(
                    (id(e), _render(key, AoT([e], parsed=True)), id(item)) for e in item.body
                )
            else:
                rendered.append((id(item), _render(key, item), None))
        elif not rendered:
            continue  # the text above the first block: tomlkit's own, taken from its text
        elif key is None:  # a line added after the last block: it goes with it
            table, text, array = rendered[-1]
            rendered[-1] = (table, text + _render(key, item), array)
        else:
            return None  # a key after a header: not a layout tomlkit makes
    # The text above the first block, as tomlkit writes it: its whole text less the rest.
    whole = tomlkit.dumps(document)
    first = next((i for i, (k, item) in enumerate(document.body) if _is_block(k, item)), 0)
    rest = TOMLDocument(parsed=True)
    for key, item in document.body[first:]:
        rest.append(key, item)
    below = tomlkit.dumps(rest)
    if not whole.endswith(below):
        return None  # not the text tomlkit writes: keep that one
    root = whole[: len(whole) - len(below)]
    order = file.blocks
    if not set(order) <= {table for table, _, _ in rendered}:
        return None  # a block of the file is gone: let the edit check say so
    after: dict[int, list[tuple[str, bool]]] = {}
    before: dict[int, list[tuple[str, bool]]] = {}
    end: list[tuple[str, bool]] = []
    texts: dict[int, str] = {}
    slot: list[tuple[str, bool]] | None = None  # where the previous block went
    for index, (table, text, array) in enumerate(rendered):
        if table in order:
            texts[table] = text
            slot = after.setdefault(table, [])
            continue
        if not (slot is not None and array is not None and rendered[index - 1][2] == array):
            following = next((b[0] for b in rendered[index + 1 :] if b[0] in order), None)
            slot = end if following is None else before.setdefault(following, [])
        slot.append((text, True))
    pieces = [(root, False)]
    for block in order:
        pieces.extend([*before.get(block, []), (texts[block], False), *after.get(block, [])])
    pieces.extend(end)
    pieces.append((file.tail, False))
    return _join(pieces)


def _join(pieces: list[tuple[str, bool]]) -> str:
    """The pieces (text, added by the edit) as one text: one blank line above each added
    block, as the writers space them; the file's own blocks keep their spacing."""
    result = ""
    previous_added = False
    for piece, added in pieces:
        piece = piece.replace("\r\n", "\n")  # store.edit puts back the file's CRLF
        if not piece:
            continue
        if result and not result.endswith("\n"):
            result += "\n"  # the file's last line had no line break, and now is not last
        if added and result.strip():
            piece = piece.lstrip("\n")
            result = result.rstrip("\n") + "\n\n"
        result += piece
        previous_added = added
    if previous_added:
        result = result.rstrip("\n") + "\n"
    return result
