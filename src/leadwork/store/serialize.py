"""Models -> TOML text for files leadwork creates (a new check-in, a one-on-one record).

Files the person already has are never rewritten from a model: they are edited in place
(see `store.edit`), so their comments and order survive.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import tomli_w

from leadwork.values import whole_numbers

if TYPE_CHECKING:
    from pydantic import BaseModel


def model_data(model: BaseModel) -> dict[str, Any]:
    """The model as TOML-ready data: aliases as keys, nothing unset or left at its default."""
    return model.model_dump(mode="python", by_alias=True, exclude_none=True, exclude_defaults=True)


def _has_carriage_return(data: object) -> bool:
    if isinstance(data, str):
        return "\r" in data
    if isinstance(data, dict):
        return any(_has_carriage_return(v) for v in data.values())
    if isinstance(data, list):
        return any(_has_carriage_return(v) for v in data)
    return False


def _flat_tables(value: object) -> bool:
    """A non-empty array of tables whose values are plain (no tables inside)."""
    return (
        isinstance(value, list)
        and bool(value)
        and all(
            isinstance(entry, dict) and not any(_has_dict(v) for v in entry.values())
            for entry in value
        )
    )


def _has_dict(value: object) -> bool:
    if isinstance(value, dict):
        return True
    return isinstance(value, list) and any(isinstance(v, dict) for v in value)


def _natural(data: dict[str, Any], multiline: bool) -> str:
    """tomli-w, except that every array of tables is written as `[[name]]` sections, one
    blank line apart, however short (tomli-w makes short ones an inline array)."""
    arrays = {k: data[k] for k in data if _flat_tables(data[k])}
    rest = {k: v for k, v in data.items() if k not in arrays}
    chunks = [tomli_w.dumps(rest, multiline_strings=multiline)] if rest else []
    for key, entries in arrays.items():
        name = tomli_w.dumps({key: 0}).split(" = ")[0]  # the key, quoted if it must be
        for entry in entries:
            chunks.append(f"[[{name}]]\n" + tomli_w.dumps(entry, multiline_strings=multiline))
    return "\n".join(chunks)


def dumps(model: BaseModel, header: str = "") -> str:
    """TOML text for `model`, under an optional comment header (one `# ` line per line),
    written as a person would write it: whole numbers in float fields as integers (`36`,
    not `36.0`) and every top-level array of tables as `[[name]]` sections, never an
    inline array; the models read it the same. Every file leadwork creates is one a person
    may open and edit next.

    Texts with line breaks are written as multi-line strings, which read well in an editor,
    unless one holds a carriage return: TOML lets parsers turn a CRLF inside a multi-line
    string into LF, which would lose a character. Then every string is written escaped.
    """
    data = model_data(model)
    multiline = not _has_carriage_return(data)
    body = _natural(whole_numbers(data), multiline)  # type: ignore[arg-type]
    if not header:
        return body
    comment = "".join(f"# {line}".rstrip() + "\n" for line in header.splitlines())
    return comment + "\n" + body
