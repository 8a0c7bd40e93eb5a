"""Text from the journal is shown, never executed: the one rule for control characters.

A story, a name in team.toml or a plan may hold any character TOML allows, including an
escape sequence (`\\x1b[2J` clears the screen, `\\x1b]52;...` writes the clipboard). Every
renderer that writes text for a terminal, a markdown file or an HTML page passes it through
`visible`: C0 and C1 control characters other than newline and tab are shown as `cat -v`
shows them (ESC as `^[`, BEL as `^G`, DEL as `^?`, CSI U+009B as `M-^[`), so they are
seen and do nothing. JSON escapes them itself. Standard library only.
"""

from __future__ import annotations

import re

_CONTROLS = re.compile(r"\r\n|[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _shown(match: re.Match[str]) -> str:
    char = match[0]
    if char == "\r\n":
        return "\n"
    code = ord(char)
    caret = "^" + chr((code & 0x7F) ^ 0x40)
    return caret if code < 0x80 else "M-" + caret


def visible(text: str) -> str:
    """`text` with every control character but newline and tab made visible."""
    return _CONTROLS.sub(_shown, text) if _CONTROLS.search(text) else text
