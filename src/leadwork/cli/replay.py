"""A command line run again without Typer: what Typer made of it the last time.

Importing Typer, building the command and coercing its options (Typer 0.29 builds a
pydantic TypeAdapter for each) cost ~45 ms of a ~290 ms dashboard. A person runs the same
few command lines week after week (`leadwork dashboard`, `leadwork indicator list`), so
the first run of a view keeps what Typer made of its words (the command, its request and
how to show it, `cli/view.py`) and a later run of exactly the same words runs that again
without importing Typer. Typer stays the one parser and the one definition of the CLI:
this only replays its answer, and only where that answer depends on the words alone.

Kept only when the command is a view whose request Typer's values make by themselves
(`cli/view.show_view`: no today, no stdin, no question) or a writer that takes Typer's
values as they are and reads everything else at each run (`cli/view.WRITERS`: `checkin`,
which writes every week), nothing was said before it ran (an
old flag's warning, `said_something`), and the process is the command line itself
(`leadwork.cli.main` arms it; a test's CliRunner does not).

The key: the exact words (argv) and what Typer's answer is made of: this installation's
CLI (`cli.cache.cli_key`: Python, Typer, leadwork's version, the bytes of every CLI
module) and the bytes of the modules a request is built from (`usecases/`, `weeks.py`).
Entries live in the user's cache folder, `replay/` (`leadwork.cachedir`: 0700, files
0600, written whole, checksummed, pruned when unused for 30 days). An entry is used only if
it is ours and whole and unpickles into leadwork's request types alone; anything else is a
miss, and Typer runs as always (and keeps a new one). LEADWORK_NO_CACHE=1 turns it off.

Standard library only: this runs before Typer would be imported.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # not `typing`'s: importing typing costs ~5 ms
if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path
    from typing import Any

    from leadwork.cli.output import Asked

FOLDER = "replay"
FORMAT = b"leadwork-replay-1\n"  # an entry's first bytes; a change makes older ones foreign
SUFFIX = ".pickle"
# Besides the CLI's modules (cli_key), what a kept request is made of.
_SOURCES = ("usecases", "weeks.py")

_words: list[str] | None = None  # this run's argv, once main() armed it
_said = False  # something was said before the view ran: keep nothing


class Replay:
    """What Typer made of a view's command line: run it with `run`."""

    __slots__ = ("asked", "command", "debug", "flags", "journal_option", "request")

    def __init__(
        self,
        command: str,
        request: Any,
        asked: Asked,
        journal_option: Path | None,
        debug: bool,
        flags: dict[str, str],
    ) -> None:
        self.command = command
        self.request = request
        self.asked = asked
        self.journal_option = journal_option  # --journal as typed: found from cwd at run time
        self.debug = debug
        self.flags = flags  # request field -> the flag that gives it (cli/messages.with_flags)

    def fields(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in _FIELDS)


# The standard library's types a request may hold.
_PLAIN = {("pathlib", "Path"), ("pathlib", "PosixPath"), ("pathlib", "WindowsPath")}
_PLAIN |= {("datetime", "date")}

_FIELDS = ("command", "request", "asked", "journal_option", "debug", "flags")


def arm(argv: list[str] | None) -> None:
    """This process runs `argv` from the command line: a view may keep what Typer made of
    it (None: keep nothing, as before main() armed it)."""
    global _words, _said
    _words, _said = (None if argv is None else list(argv)), False


def said_something() -> None:
    """A warning was printed: a later run without Typer would not print it, so keep nothing."""
    global _said
    _said = True


def keep(entry: Replay, environ: Mapping[str, str] = os.environ) -> None:
    """Keep `entry` for the words this run was armed with. Never raises."""
    if _words is None or _said:
        return
    from leadwork.cachedir import enabled, private_folder, prune_now_and_then, write_entry

    folder = _folder(environ)
    if folder is None or not enabled(environ):
        return
    try:
        import pickle
        import time

        payload = pickle.dumps(entry.fields(), protocol=pickle.HIGHEST_PROTOCOL)
        if not (private_folder(os.path.dirname(folder)) and private_folder(folder)):
            return
        prune_now_and_then(folder, SUFFIX, time.time())
        key = _key(_words)
        write_entry(os.path.join(folder, key + SUFFIX), FORMAT, key, payload)
    except Exception:  # a request that does not pickle, a read-only cache: Typer next time
        return


def load(argv: list[str], environ: Mapping[str, str] = os.environ) -> Replay | None:
    """What Typer made of `argv` the last time, or None (never kept, another version of
    the CLI, corrupt, foreign, not ours, or the cache is off)."""
    from leadwork.cachedir import enabled, read_entry, trusted

    folder = _folder(environ)
    if folder is None or not enabled(environ) or not argv:
        return None
    if not (trusted(folder) and trusted(os.path.dirname(folder))):
        return None
    key = _key(argv)
    payload = read_entry(os.path.join(folder, key + SUFFIX), FORMAT, key)
    if payload is None:
        return None
    return _unpickled(payload)


def run(entry: Replay) -> int:
    """Run a kept view as Typer would have: the same use case, the same output, the same
    words for an error (its flag named as Typer's command names it) and the same exit code."""
    from leadwork.cli.messages import debugging, settle, with_flags
    from leadwork.cli.session import Session
    from leadwork.cli.view import run_kept
    from leadwork.errors import LeadworkError

    session = Session(journal_option=entry.journal_option, debug=entry.debug)
    try:
        run_kept(session, entry.command, entry.request, entry.asked)
    except LeadworkError as error:
        error.problems = with_flags(error.problems, entry.flags)
        return settle(error, debugging(entry.debug))
    except (Exception, KeyboardInterrupt) as error:
        return settle(error, debugging(entry.debug))
    return 0


def _folder(environ: Mapping[str, str]) -> str | None:
    from leadwork.cachedir import cache_dir

    try:
        return os.path.join(cache_dir(environ), FOLDER)
    except (KeyError, RuntimeError):  # no home to find a cache folder in
        return None


def _key(argv: list[str]) -> str:
    """The words, this installation's CLI and the request modules' bytes, hashed."""
    import hashlib

    from leadwork.cachedir import source_parts
    from leadwork.cli.cache import cli_key

    digest = hashlib.blake2b(cli_key().encode(), digest_size=20)
    digest.update(b"\0".join(source_parts(_SOURCES)))
    for word in argv:
        digest.update(b"\0\0" + word.encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def _unpickled(payload: bytes) -> Replay | None:
    """The entry, through an unpickler that makes leadwork's request types, a week, a path
    and plain values, and nothing else: an entry never runs code, whatever is in it."""
    import io
    import pickle

    from leadwork.cli.view import VIEWS, WRITERS

    allowed_modules = {*VIEWS.values(), *WRITERS.values(), "leadwork.cli.output", "leadwork.weeks"}

    class Unpickler(pickle.Unpickler):
        def find_class(self, module: str, name: str) -> Any:
            if module in allowed_modules:
                __import__(module)
                found = getattr(sys.modules[module], name, None)
                if isinstance(found, type) and hasattr(found, "__dataclass_fields__"):
                    return found
            elif (module, name) in _PLAIN:
                return super().find_class(module, name)
            raise pickle.UnpicklingError(f"not a leadwork request: {module}.{name}")

    try:
        fields = Unpickler(io.BytesIO(payload)).load()
        entry = Replay(*fields)
    except Exception:  # whatever a damaged entry raises
        return None
    if not isinstance(entry.command, str) or entry.command not in {*VIEWS, *WRITERS}:
        return None
    return entry
