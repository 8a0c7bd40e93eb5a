"""Small pieces of TOML text, written by hand where a whole serializer is too much."""

from __future__ import annotations

import json


def toml_string(value: str) -> str:
    """A TOML basic string. JSON's escapes are a subset of TOML's; DEL needs one too."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
