"""Append to the person's `indicators.toml` without disturbing a line of it.

A new indicator goes at the end of the file as a `[[indicators]]` table; a change goes
into its indicator's block as an `[[indicators.changes]]` table, after that indicator's
last key or last change, or, when the person wrote its changes as an inline array
(`changes = [ { since = … } ]`), as one more entry of that array. Both go through
`store.edit.edit_file`, which refuses to write if any comment or header would be lost or
the result would not be valid.
"""

from __future__ import annotations

from typing import Any

import tomlkit
from tomlkit.items import AoT, Array, Table

from leadwork import layout
from leadwork.errors import WriteRefused
from leadwork.model.indicators import Change, Indicator, Indicators
from leadwork.store.document import parse
from leadwork.store.journal import Journal
from leadwork.store.serialize import model_data
from leadwork.store.together import Together
from leadwork.store.toml_append import append_at_end, append_inline, append_inside
from leadwork.store.validation import validate


def _number(value: Any) -> Any:
    """95.0 is written 95, as a person would write it (both read back as the same number)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def _table(data: dict[str, Any]) -> Table:
    table = tomlkit.table()
    for key, value in data.items():
        if key == "changes":
            continue
        table[key] = _number(value)
    return table


def _not_arrays(path: Any, document: tomlkit.TOMLDocument, what: str) -> WriteRefused:
    """The file holds `indicators = [ {…}, … ]`: `what` (this indicator, this change) is
    not added there; the error points at that line."""
    from leadwork.store.sourcemap import SourceMap

    span = SourceMap(document.as_string()).locate(("indicators",))
    return WriteRefused(
        "holds its indicators as an inline array (indicators = [ … ]), "
        "which leadwork does not add to",
        file=path,
        line=span.line,
        hint=f"write each indicator as an [[indicators]] table, or add {what} by hand",
    )


def append_indicator(
    journal: Journal, indicator: Indicator, together: Together | None = None
) -> tuple[str, str]:
    """Append `indicator` at the end of indicators.toml (made if missing). Returns (old,
    new) text. Written now, or with the rest of `together` when given. The caller holds
    the journal lock."""
    planned = together or Together(journal)
    path = journal.path(layout.INDICATORS)
    table = _table(model_data(indicator))
    if not planned.exists(layout.INDICATORS):
        document = tomlkit.document()
        append_at_end(document, "indicators", table)
        new = tomlkit.dumps(document)
        validate(Indicators, parse(path, new))
        planned.create(layout.INDICATORS, new)
        if together is None:
            planned.write()
        return "", new

    def mutate(document: tomlkit.TOMLDocument) -> None:
        current = document.get("indicators")
        if current is not None and not isinstance(current, AoT):
            raise _not_arrays(path, document, "this indicator")
        append_at_end(document, "indicators", table)

    old, new, _ = planned.edit(layout.INDICATORS, mutate, Indicators)
    if together is None:
        planned.write()
    return old, new


def append_change(
    journal: Journal, indicator_id: str, change: Change, together: Together | None = None
) -> tuple[str, str]:
    """Append `change` inside `indicator_id`'s block. Returns (old, new) text. Written now,
    or with the rest of `together` when given. The caller holds the journal lock."""
    planned = together or Together(journal)
    path = journal.path(layout.INDICATORS)

    def mutate(document: tomlkit.TOMLDocument) -> None:
        current = document.get("indicators")
        if current is not None and not isinstance(current, AoT):
            raise _not_arrays(path, document, "this change")
        block = next((t for t in current or () if t.get("id") == indicator_id), None)
        if block is None:
            raise WriteRefused(f"has no indicator '{indicator_id}'", file=path)
        changes = block.get("changes")
        if isinstance(changes, Array):  # `changes = [ { since = … } ]`: one more entry there
            append_inline(changes, {k: _number(v) for k, v in model_data(change).items()})
        else:
            append_inside(block, "changes", _table(model_data(change)))

    old, new, _ = planned.edit(layout.INDICATORS, mutate, Indicators)
    if together is None:
        planned.write()
    return old, new
