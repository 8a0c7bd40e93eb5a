"""Models -> TOML text for files leadwork creates (a new check-in, a one-on-one record).

Files the person already has are never rewritten from a model: they are edited in place
(see `store.edit`), so their comments and order survive.
"""

from __future__ import annotations

import tomli_w
from pydantic import BaseModel


def model_data(model: BaseModel) -> dict:
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


def dumps(model: BaseModel, header: str = "") -> str:
    """TOML text for `model`, under an optional comment header (one `# ` line per line).

    Texts with line breaks are written as multi-line strings, which read well in an editor,
    unless one holds a carriage return: TOML lets parsers turn a CRLF inside a multi-line
    string into LF, which would lose a character. Then every string is written escaped.
    """
    data = model_data(model)
    body = tomli_w.dumps(data, multiline_strings=not _has_carriage_return(data))
    if not header:
        return body
    comment = "".join(f"# {line}".rstrip() + "\n" for line in header.splitlines())
    return comment + "\n" + body
