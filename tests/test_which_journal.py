"""Which journal a command works on, and what it says about it (trial 23: F2, F3, F5, F7)."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

from journals import write_small_journal

TODAY = {"LEADWORK_TODAY": "2026-11-18"}


def _journal(run: Any, path: Path) -> Path:
    made = run("init", str(path), "--leader", "Dana Whitfield")
    assert made.exit_code == 0, made
    return write_small_journal(path)


# ---- F3: a check-in's week is its file's name, in check's cross-checks too ----------------


def test_a_copied_checkin_under_another_weeks_name_is_that_week_in_check(
    run: Any, tmp_path: Path
) -> None:
    root = _journal(run, tmp_path / "ben")
    checkins = root / "checkins"
    (checkins / "2026-W41.toml").write_text(
        'week = "2026-W41"\n\n[[commitments]]\ntext = "Call the biggest customer"\n'
    )
    (checkins / "2026-W42.toml").write_text(
        'week = "2026-W42"\n\n[[last_week]]\ntext = "Call the biggest customer"\n'
        'outcome = "done"\n\n[reflection]\nnote = "ok"\n'
    )
    # another journal's W41, copied in as W43
    (checkins / "2026-W43.toml").write_text(
        'week = "2026-W41"\n\n[[commitments]]\ntext = "Ask Kim about runbooks"\n'
    )
    checked = run("check", journal=root, env=TODAY)
    said = checked.stdout + checked.stderr
    assert 'the file is named 2026-W43 but says week = "2026-W41"' in said
    assert "2026-W42.toml" not in said  # the correct file is not blamed
    assert "follows up no open commitment" not in said
    # renaming it would take the real W41's place: the hint says so
    assert "checkins/2026-W41.toml already holds 2026-W41" in said
    assert "rename the file" not in said


# ---- F5: a leftover $LEADWORK_JOURNAL is said when one stands in another journal ----------


def test_leadwork_journal_over_the_journal_here_is_said_on_stderr(
    run: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana = _journal(run, tmp_path / "ana")
    ben = _journal(run, tmp_path / "ben")
    monkeypatch.chdir(ben / "checkins")
    shown = run("commitments", env={**TODAY, "LEADWORK_JOURNAL": str(ana)})
    assert shown.exit_code == 0, shown
    assert f"using $LEADWORK_JOURNAL ({ana}), not the journal here ({ben})" in shown.stderr
    # the same journal, or no journal here, or --journal: nothing to say
    for cwd, env, args in (
        (ana, {"LEADWORK_JOURNAL": str(ana)}, ()),
        (tmp_path, {"LEADWORK_JOURNAL": str(ana)}, ()),
        (ben, {"LEADWORK_JOURNAL": str(ben)}, ("--journal", str(ana))),
    ):
        monkeypatch.chdir(cwd)
        quiet = run(*args, "commitments", env={**TODAY, **env})
        assert quiet.exit_code == 0, quiet
        assert "LEADWORK_JOURNAL" not in quiet.stderr


# ---- F7: a read-only journal is named as the journal, not as the lock file ----------------


def test_a_read_only_file_system_is_named_as_the_journal(
    run: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _journal(run, tmp_path / "ben")
    (root / ".leadwork.lock").touch()  # made by an earlier write, before the archive
    real_open = os.open

    def read_only_mount(path: Any, flags: int, *args: Any) -> int:
        if Path(path).name == ".leadwork.lock":
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", read_only_mount)
    refused = run("checkin", "--no-input", "-r", "otd=91", journal=root, env=TODAY)
    assert refused.exit_code == 1
    # FILE: error: as every refusal, the journal's folder as FILE (shown as typed or relative)
    assert (
        ": error: the journal is read-only (a read-only file system): nothing was written"
        in refused.stderr
    )
    assert refused.stderr.split(": error:")[0].endswith(root.name)
    assert ".leadwork.lock" not in refused.stderr
    assert "permission denied" not in refused.stderr
    assert "`leadwork check`" in refused.stderr  # how to read it still
    assert not (root / "checkins" / "2026-W47.toml").exists()


def test_a_read_only_journal_folder_is_named_as_the_journal(run: Any, tmp_path: Path) -> None:
    root = _journal(run, tmp_path / "ben")
    (root / ".leadwork.lock").unlink(missing_ok=True)
    mode = root.stat().st_mode
    root.chmod(0o555)
    try:
        refused = run("story", "A good week", journal=root, env=TODAY)
    finally:
        root.chmod(mode)
    assert refused.exit_code == 1
    assert ": error: the journal is read-only: nothing was written" in refused.stderr
    assert refused.stderr.split(": error:")[0].endswith(root.name)
