"""Fixtures of the adversarial suite: the small journal, with the person working inside it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from adversarial.harness import watch_session_temp

from conftest import BASE_ENV, invoke
from journals import write_small_journal


@pytest.fixture(scope="session", autouse=True)
def _snapshots_never_watch_the_whole_run(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Snapshot.take refuses pytest's folder for the whole run (see harness.Snapshot)."""
    watch_session_temp(tmp_path_factory.getbasetemp())


@pytest.fixture(scope="session")
def small_journal_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Made once by `leadwork init` (whose fsyncs are slow) and copied for each test."""
    path = tmp_path_factory.mktemp("template") / "journal"
    result = invoke(["init", str(path), "--leader", "Dana Whitfield"], env=BASE_ENV)
    assert result.exit_code == 0, result
    return write_small_journal(path)


@pytest.fixture
def journal(small_journal_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The small journal (every kind of file), with the current folder inside it, so
    messages name files as the person sees them: `team.toml:3:1: error: ...`."""
    path = tmp_path / "journal"
    shutil.copytree(small_journal_template, path, symlinks=True)
    monkeypatch.chdir(path)
    return path
