"""Output that a terminal or pipe can take, whatever its encoding. Standard library only.

When stdout or stderr cannot encode UTF-8 (`PYTHONIOENCODING=ascii`, a Windows console
redirected to a file), every character it cannot encode goes through one error handler,
`leadwork-plain`: the one place that picks a plain-ASCII fallback (`→` as `->`, `·` as `-`,
the bars `▁▂▃` as `_.-`, `✓` as `ok`), an accented letter without its accent, anything
else as `?`. Nothing raises UnicodeEncodeError on output.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import sys
import unicodedata
from typing import Any

FALLBACK = {
    "→": "->",
    "←": "<-",
    "↑": "^",
    "↓": "v",
    "▲": "^",
    "▼": "v",
    "·": "-",
    "—": "--",
    "\u2013": "-",
    "…": "...",
    "“": '"',
    "”": '"',
    "\u2018": "'",
    "\u2019": "'",
    "✓": "ok",
    "✗": "x",
    "⚠": "!",
    "≥": ">=",
    "≤": "<=",
    "∞": "inf",
    "★": "*",
    "●": "*",
    "○": "o",
    "•": "*",
    "│": "|",
    "─": "-",
    "▁": "_",
    "▂": "_",
    "▃": ".",
    "▄": "-",
    "▅": "=",
    "▆": "=",
    "▇": "#",
    "█": "#",
    "\u00a0": " ",
}
HANDLER = "leadwork-plain"


def plain(char: str, encoding: str = "ascii") -> str:
    """The stand-in for one character that `encoding` cannot take."""
    if char in FALLBACK:
        return FALLBACK[char]
    stripped = "".join(
        c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
    )
    try:
        stripped.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return "?"
    return stripped or "?"


def _handler(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start : error.end]
    return "".join(plain(c, error.encoding) for c in text), error.end


codecs.register_error(HANDLER, _handler)


def fall_back_to_ascii(stream: Any) -> None:
    """Give `stream` the plain fallbacks if its encoding is not a Unicode one."""
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
    if not encoding or encoding.startswith("utf"):
        return
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(ValueError, OSError):
            reconfigure(errors=HANDLER)


def quiet_stdout() -> None:
    """After a broken pipe (`leadwork dashboard | head -c0`): stdout goes to the null
    device, so that the flush at exit does not raise it a second time."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):  # no real file behind stdout (tests)
        pass
