"""Change a file the person may have edited by hand, keeping everything they wrote.

The edit is made on a tomlkit document (which keeps comments, blank lines, key order and
formatting), and the result must pass three checks before it replaces the file:
it parses as TOML, it validates against the file's model, and every comment line and
table header of the original is still there, in order. A failed check raises and leaves
the file untouched. Line endings (CRLF) and a UTF-8 BOM are kept as they were.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import tomlkit
from pydantic import BaseModel
from tomlkit import TOMLDocument

from leadwork.errors import WriteRefused
from leadwork.store.atomic import atomic_write
from leadwork.store.document import BOM, parse, read_text
from leadwork.store.sourcemap import SourceMap
from leadwork.store.toml_order import dumps, file_order
from leadwork.store.validation import validate

M = TypeVar("M", bound=BaseModel)


def _person_lines(text: str, source: SourceMap | None = None) -> list[str]:
    """The lines that are the person's own and must survive any edit: comments and headers
    (not lines inside a multi-line string, which are a value's text, however they look),
    and a comment after a value on its line (`{ text = "..." }, # mine`), as its comment.
    `source`: the text's source map, if already made."""
    source = source or SourceMap(text)
    inside_strings, comments = source.string_lines, source.comments
    kept = []
    # TOML's lines end at "\n" only: str.splitlines would also split inside a string at
    # U+0085 or U+2028 (hypothesis found it), and the numbers would no longer match.
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if number not in inside_strings and stripped.startswith(("#", "[")):
            kept.append(stripped)
        elif number in comments:
            kept.append(comments[number])
    return kept


def missing_lines(old: str, new: str, source: SourceMap | None = None) -> list[str]:
    """Comment lines and table headers of `old` that `new` lost or reordered (empty if none).
    `source`: the source map of `old`, if already made."""
    new_lines = iter(_person_lines(new))
    missing = []
    for line in _person_lines(old, source):
        for candidate in new_lines:
            if candidate == line:
                break
        else:
            missing.append(line)
            new_lines = iter(_person_lines(new))  # keep looking for the rest
    return missing


def edited(
    path: Path,
    mutate: Callable[[TOMLDocument], Sequence[str] | None],
    model: type[M],
    old: str | None = None,
) -> tuple[str, str, M]:
    """Apply `mutate` to the document at `path` (or to `old`, its text as an earlier edit of
    the same change left it) and verify; nothing is written. `mutate` may return the table
    headers it removed on purpose (`[[commitments]]`): those lines may go, no other.

    Returns (old text, the text to write, the validated model of it)."""
    if old is None:
        old = read_text(path)  # first: it refuses what is not a regular file (a pipe would hang)
        with path.open("rb") as handle:
            bom = handle.read(3) == BOM.encode("utf-8")
    else:
        bom, old = old.startswith(BOM), old.removeprefix(BOM)
    # A file that is not valid (TOML, or against its model) is reported, never "fixed": an
    # edit on top of it would be judged by problems that are the person's, not the edit's.
    validate(model, parse(path, old))
    document = tomlkit.parse(old)  # valid against a flat model, so never nested too deep
    # tomlkit regroups an array of tables split around other tables: note the file's order
    source = SourceMap(old)
    order = file_order(document, source)
    removed = mutate(document) or ()  # table headers it took out on purpose
    new = dumps(document, order)
    if "\r\n" in old:
        new = new.replace("\r\n", "\n").replace("\n", "\r\n")
    validated = validate(model, parse(path, new))
    lost = missing_lines(old, new, source)
    for header in removed:  # `[[ commitments ]]` as written is `[[commitments]]`
        gone = next((line for line in lost if line.replace(" ", "") == header), None)
        if gone is not None:
            lost.remove(gone)
    if lost:
        raise WriteRefused(
            f"this change would have lost {len(lost)} of your lines (first: {lost[0]!r}); "
            "nothing was written",
            file=path,
            hint="this is a bug in leadwork; please report it with the file",
        )
    return old, (BOM if bom else "") + new, validated


def edit_file(
    path: Path, mutate: Callable[[TOMLDocument], None], model: type[M]
) -> tuple[str, str, M]:
    """Apply `mutate` to the document at `path`, verify, and write atomically.

    Returns (old text, new text, the validated model of the new text).
    """
    old, new, validated = edited(path, mutate, model)
    atomic_write(path, new)
    return old, new.removeprefix(BOM), validated
