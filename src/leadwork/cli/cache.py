"""The CLI's answers kept between runs: the root help and the command tree, from Typer.

Importing typer (and the click it vendors) and building every command costs ~100 ms on a
2-core machine, more than `leadwork --help` (80 ms) or a Tab press (60 ms) may take. So
the first run that needs them builds the Typer app, derives both from it
(`leadwork.cli.derive`) and keeps them here; later runs read them without importing Typer.

Where: the user's cache folder (`leadwork.cachedir`: $LEADWORK_CACHE_DIR, else
$XDG_CACHE_HOME/leadwork, else ~/.cache/leadwork); a folder of mode 0700 holding files of
mode 0600, each written whole (temp file, rename).
A file is used only if its key is this installation's: leadwork's version, Typer's,
Python's, and a checksum of the CLI's source files, so an edit of a command (an editable
install) is seen at once, with no step to run. A file that is unreadable, corrupt, for
another key, or in a folder another user could write, is ignored and written anew; a
cache that cannot be written (a read-only home) only costs the speed.

Standard library only, and little of it: this runs before anything else.
"""

from __future__ import annotations

import os
import sys

from leadwork.cachedir import ENV_CACHE as ENV_CACHE  # re-exported: the CLI's name for it
from leadwork.cachedir import cache_dir as cache_dir
from leadwork.cachedir import installed
from leadwork.cachedir import trusted as _trusted

# Not `from typing import TYPE_CHECKING`: importing typing costs ~5-10 ms on every Tab.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

FORMAT = 1  # the layout of a cache file; a change makes every older file foreign
CLI_FOLDER = os.path.dirname(os.path.abspath(__file__))
PACKAGE_FOLDER = os.path.dirname(CLI_FOLDER)


def cli_key() -> str:
    """What the CLI's answers depend on: Python, Typer, leadwork's version and the bytes
    of every module of the CLI (their help texts, options and commands)."""
    import zlib

    from leadwork import __version__

    data = [f"{FORMAT}\0{sys.version}\0{__version__}\0".encode(), installed("typer", "__init__.py")]
    for name in sorted(os.listdir(CLI_FOLDER)):
        if name.endswith(".py"):
            with open(os.path.join(CLI_FOLDER, name), "rb") as handle:
                data.append(name.encode() + b"\0" + handle.read())
    blob = b"\0\0".join(data)
    return f"{zlib.crc32(blob):08x}{zlib.adler32(blob):08x}{len(blob):x}"


def cache_file(kind: str, environ: Mapping[str, str] = os.environ) -> str:
    """`kind` (HELP or TREE) of this installation: one file each per package folder, so
    two virtualenvs never take turns overwriting each other's answers."""
    import zlib

    slot = zlib.crc32(PACKAGE_FOLDER.encode())
    return os.path.join(cache_dir(environ), f"cli-{slot:08x}.{kind}")


HELP = "help"  # the key on the first line, then the root help as Typer prints it
TREE = "json"  # {"key": ..., "tree": the command tree}: json costs a few ms to import
KINDS = "kinds"  # {"key": ..., "kinds": [...]}: a journal's conversation kinds, see below


def _read(kind: str, environ: Mapping[str, str]) -> str | None:
    path = cache_file(kind, environ)
    try:
        if not _trusted(os.path.dirname(path)):
            return None
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    except (OSError, ValueError):  # ValueError: not UTF-8
        return None


def load_help(environ: Mapping[str, str] = os.environ) -> str | None:
    """The root help kept for this installation, or None (missing, corrupt or foreign)."""
    text = _read(HELP, environ)
    if text is None:
        return None
    key, newline, help_text = text.partition("\n")
    if not newline or key != cli_key() or not help_text.startswith("Usage: "):
        return None
    return help_text


def _kept(name: str, key: str, field: str, environ: Mapping[str, str]) -> Any:
    """The `field` of a kept JSON answer written for `key`, or None (missing, corrupt, or
    written for another key: another version, another journal)."""
    import json

    text = _read(name, environ)
    if text is None:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("key") != key:
        return None
    return data.get(field)


def load_tree(environ: Mapping[str, str] = os.environ) -> dict[str, Any] | None:
    """The command tree kept for this installation, or None (missing, corrupt or foreign)."""
    tree = _kept(TREE, cli_key(), "tree", environ)
    return tree if isinstance(tree, dict) else None


def _write(path: str, text: str) -> None:
    """`text` into `path` whole or not at all, readable by this user alone."""
    from leadwork.cachedir import write_private

    write_private(path, text.encode("utf-8"))


def store(help_text: str, tree: dict[str, Any], environ: Mapping[str, str] = os.environ) -> bool:
    """Keep the root help and the command tree for later runs; True if kept. Never
    fails: without a cache leadwork is only slower."""
    import json

    key = cli_key()
    return _put(
        {TREE: json.dumps({"key": key, "tree": tree}), HELP: f"{key}\n{help_text}"}, environ
    )


def _put(files: dict[str, str], environ: Mapping[str, str]) -> bool:
    """Each kind's text into its cache file; True if all were kept."""
    folder = cache_dir(environ)
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        if not _trusted(folder):
            return False
        for kind, text in files.items():
            _write(cache_file(kind, environ), text)
    except OSError:
        return False
    return True


# ---- a journal's conversation kinds, for Tab after `--with` -------------------------------------
# The kinds are leadwork.toml's as the store reads and the model validates them (defaults,
# no repeats, ids only), which costs pydantic (~200 ms) on a Tab press. So the first lookup
# keeps its answer here, keyed by the file's path, mtime, size and a checksum of its bytes
# (and this installation's CLI key), and later Tabs read it back until the file changes.


def journal_key(config_path: str) -> str | None:
    """What a journal's kinds depend on: leadwork.toml's path, mtime, size and bytes;
    None when the file cannot be read."""
    import zlib

    try:
        with open(config_path, "rb") as handle:
            info = os.fstat(handle.fileno())
            data = handle.read()
    except OSError:
        return None
    stamp = f"{info.st_mtime_ns}:{info.st_size}:{zlib.crc32(data):08x}"
    return f"{cli_key()}\0{os.path.abspath(config_path)}\0{stamp}"


def load_kinds(key: str, environ: Mapping[str, str] = os.environ) -> list[str] | None:
    """The kinds kept for `key` (journal_key), or None (missing, corrupt, another key)."""
    kinds = _kept(KINDS, key, "kinds", environ)
    if not isinstance(kinds, list) or not all(isinstance(kind, str) for kind in kinds):
        return None
    return kinds


def store_kinds(key: str, kinds: list[str], environ: Mapping[str, str] = os.environ) -> bool:
    """Keep a journal's kinds for later Tab presses; True if kept. Never fails."""
    import json

    return _put({KINDS: json.dumps({"key": key, "kinds": kinds})}, environ)
