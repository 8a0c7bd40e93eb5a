"""Shared fixtures: drive the real CLI on journals in tmp_path, with today fixed."""

from __future__ import annotations

import difflib
import hashlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from leadwork.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "northfield"
SHARED = ROOT.parent / "shared"
SNAPSHOTS = ROOT / "tests" / "snapshots"
TODAY = "2026-11-27"  # a Friday in 2026-W48, the example journal's latest week

BASE_ENV = {
    "LEADWORK_TODAY": TODAY,
    "NO_COLOR": "1",
    "COLUMNS": "100",
    "LEADWORK_JOURNAL": "",
    "FORCE_COLOR": "",
    "LEADWORK_DEBUG": "",
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


@pytest.fixture
def run() -> Run:
    """run("check", journal=path, env={...}, input="...") -> Result, through Typer's runner."""

    def invoke(
        *args: str,
        journal: Path | None = None,
        env: dict[str, str] | None = None,
        input: str | None = None,
    ) -> Result:
        argv = [*(["--journal", str(journal)] if journal is not None else []), *args]
        runner = CliRunner()
        result = runner.invoke(
            app, argv, env={**BASE_ENV, **(env or {})}, input=input, catch_exceptions=False
        )
        return Result(result.exit_code, result.stdout, result.stderr)

    return invoke


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
