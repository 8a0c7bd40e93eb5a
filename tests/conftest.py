"""Shared fixtures: drive the real CLI on journals in tmp_path, with today fixed."""

from __future__ import annotations

import atexit
import difflib
import hashlib
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import typer
from hypothesis import settings
from typer.testing import CliRunner

from leadwork.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "northfield"
SHARED = ROOT.parent / "shared"
SNAPSHOTS = ROOT / "tests" / "snapshots"
TODAY = "2026-11-27"  # a Friday in 2026-W48, the example journal's latest week

# No property test is timed: speed goals live in the benchmark (benchmarks/run.py), and
# Hypothesis's default 200 ms deadline failed examples on a loaded 2-core machine.
settings.register_profile("leadwork", deadline=None)
settings.load_profile("leadwork")

# The CLI keeps its help text and command tree in the user's cache folder
# (leadwork.cli.cache): never the real one in tests. Set in the process environment so
# that every `leadwork` the tests start (and each xdist worker) uses a folder of its own.
CACHE_DIR = tempfile.mkdtemp(prefix="leadwork-cache-")
os.environ["LEADWORK_CACHE_DIR"] = CACHE_DIR
atexit.register(shutil.rmtree, CACHE_DIR, True)

BASE_ENV = {
    "LEADWORK_TODAY": TODAY,
    "NO_COLOR": "1",
    "COLUMNS": "100",
    "LEADWORK_JOURNAL": "",
    "FORCE_COLOR": "",
    "LEADWORK_DEBUG": "",
    "LEADWORK_CACHE_DIR": CACHE_DIR,
}


class Result:
    """What a CLI run gave: exit code, stdout, stderr."""

    def __init__(self, exit_code: int, stdout: str, stderr: str) -> None:
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def __repr__(self) -> str:
        return f"Result(exit={self.exit_code}, stdout={self.stdout!r}, stderr={self.stderr!r})"


Run = Callable[..., Result]


@cache
def whole_cli() -> Any:
    """The whole CLI as the click command Typer makes of `app`, built once per test process.

    Typer's own `CliRunner.invoke(app, ...)` builds it anew on every call (~56 ms for the
    fifteen commands). A built command carries nothing from one run to the next (every run
    makes a new click context, and with it a new Session in ctx.obj), which
    tests/test_one_command_app.py checks; the one thing click keeps is each command's help
    option once made (the same in every run of a process; see test_completion.py)."""
    return typer.main.get_command(app)


def invoke(
    argv: Sequence[str],
    *,
    env: Mapping[str, str | None] | None = None,
    input: str | bytes | None = None,
    command: Any = None,
    prog_name: str = "leadwork",
) -> Result:
    """Run the built CLI (or `command`) as Typer's `CliRunner.invoke` does, exceptions
    raised: the same isolation (stdin, stdout, stderr, environment, terminal width)."""
    cli = whole_cli() if command is None else command
    runner = CliRunner()
    with runner.isolation(input=input, env=env) as (stdout, stderr, _):
        exit_code = 0
        try:
            cli.main(args=list(argv), prog_name=prog_name)
        except SystemExit as exit_:
            code = exit_.code
            if code is None:
                code = 0
            if not isinstance(code, int):
                sys.stdout.write(f"{code}\n")
                code = 1
            exit_code = code
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            out, err = stdout.getvalue(), stderr.getvalue()

    def text(data: bytes) -> str:
        return data.decode(runner.charset, "replace").replace("\r\n", "\n")

    return Result(exit_code, text(out), text(err))


@pytest.fixture
def run() -> Run:
    """run("check", journal=path, env={...}, input="...") -> Result, on the whole CLI."""

    def run_cli(
        *args: str,
        journal: Path | None = None,
        env: dict[str, str] | None = None,
        input: str | None = None,
    ) -> Result:
        argv = [*(["--journal", str(journal)] if journal is not None else []), *args]
        return invoke(argv, env={**BASE_ENV, **(env or {})}, input=input)

    return run_cli


@pytest.fixture
def fresh_journal(tmp_path: Path, run: Run) -> Path:
    """A journal made by `leadwork init`, as a new user gets it."""
    path = tmp_path / "journal"
    result = run("init", str(path), "--leader", "Dana Whitfield")
    assert result.exit_code == 0, result
    return path


@pytest.fixture
def example_journal(tmp_path: Path) -> Path:
    """A private copy of the bundled example journal."""
    path = tmp_path / "northfield"
    shutil.copytree(EXAMPLE, path)
    return path


def tree_hash(root: Path) -> str:
    """One hash over every file's path and bytes (and every folder) under `root`."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        digest.update(str(path.relative_to(root)).encode())
        if path.is_file() and not path.is_symlink():
            digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def assert_snapshot(name: str, text: str) -> None:
    """Compare whole output with snapshots/NAME; UPDATE_SNAPSHOTS=1 rewrites the file instead."""
    path = SNAPSHOTS / name
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    assert path.exists(), f"no snapshot {name}: run with UPDATE_SNAPSHOTS=1 to write it"
    expected = path.read_text(encoding="utf-8")
    if text != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                text.splitlines(keepends=True),
                f"snapshots/{name}",
                "output",
            )
        )
        pytest.fail(f"the output differs from snapshots/{name}:\n{diff}")


@pytest.fixture
def at_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """As at a terminal: the interviews ask (their answers come from the runner's input)."""
    monkeypatch.setattr("leadwork.cli.prompts.stdin_is_terminal", lambda: True)
