"""Text out, as `typer.echo` prints it, but through the stream as leadwork set it up.

click's echo rewraps a stream whose encoding is ASCII (`PYTHONIOENCODING=ascii`) as UTF-8,
so `·` or `→` would reach a reader that asked for ASCII as bytes it cannot read. Written
here, they go through `render.plain`'s fallbacks (`·` as `-`, `→` as `->`) instead.
Standard library only.
"""

from __future__ import annotations

import sys


def echo(text: str = "", *, err: bool = False, nl: bool = True) -> None:
    stream = sys.stderr if err else sys.stdout
    if stream is None:  # pythonw, or a closed stream: nowhere to say it
        return
    stream.write(text + "\n" if nl else text)
    stream.flush()
