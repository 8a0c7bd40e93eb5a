"""The filesystem turned against the journal: missing folders, files that are folders,
pipes, devices, symlinks to nowhere, read-only files and folders, unreadable files.

Reads report the file and go on; writes refuse and change nothing. Tests run as root here
and in CI, where permissions do not stop anything, so `chmod a-w` is honoured by the mode
bits, and real permission errors are tested in a child process that runs as `nobody`.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from adversarial.harness import (
    COMMANDS,
    CONFIG,
    FILES,
    NOT_JOURNAL_READERS,
    WEEK,
    Command,
    Snapshot,
    assert_refused,
    located,
)
from leadwork.errors import InvalidFile, WriteRefused
from leadwork.model.checkin import Checkin
from leadwork.store.atomic import atomic_write, journal_lock, make_folder
from leadwork.store.document import read_text
from leadwork.store.edit import edit_file

LEADWORK = Path(sys.executable).parent / "leadwork"
BY_ID = {"ids": lambda c: c.id}


# ---- no journal where the person points -------------------------------------------------


@pytest.mark.parametrize("command", COMMANDS, **BY_ID)
def test_a_missing_journal_folder(tmp_path: Path, run, command: Command, monkeypatch):
    here = tmp_path / "here"  # the current folder, and the test's folder around it
    here.mkdir()
    monkeypatch.chdir(here)
    snapshot = Snapshot.take(here, outside=tmp_path)
    for how in ({"journal": here / "nope"}, {"env": {"LEADWORK_JOURNAL": "nope"}}, {}):
        how["env"] = command.environ(how.get("env"))
        result = run(*command.argv, **how)
        assert result.exit_code == 1, result
        assert "Traceback" not in result.output
        assert "nope, which does not exist" in result.stderr or "no journal here" in result.stderr
    assert snapshot.changes() == []


@pytest.mark.parametrize("command", COMMANDS, **BY_ID)
def test_leadwork_toml_replaced_by_a_folder(journal: Path, run, command: Command):
    (journal / CONFIG).unlink()
    (journal / CONFIG).mkdir()
    snapshot = Snapshot.take(journal)
    result = run(*command.argv, journal=journal, env=command.environ())
    assert_refused(result, snapshot, CONFIG, None, "is not a file")


def _read_pairs(files=FILES) -> list:
    """(command, file) for every file each command reads, leadwork.toml apart."""
    return [
        pytest.param(command, rel, id=f"{command.id}|{rel}")
        for command in COMMANDS
        for rel in files
        if rel != CONFIG and command.reads_file(rel)
    ]


@pytest.mark.parametrize(("command", "rel"), _read_pairs())
def test_a_file_replaced_by_a_folder(journal: Path, run, command: Command, rel: str):
    (journal / rel).unlink()
    (journal / rel).mkdir()
    (journal / rel / "oops.toml").write_text("x = 1\n")
    snapshot = Snapshot.take(journal)
    result = run(*command.argv, journal=journal, env=command.environ())
    assert_refused(result, snapshot, rel, None, "is a folder")


@pytest.mark.parametrize(
    ("command", "folder"),
    [
        pytest.param(command, folder, id=f"{command.id}|{folder}")
        for command in COMMANDS
        for folder in ("checkins", "one-on-ones", "reviews")
        if any(command.reads_file(rel) for rel in FILES if rel.startswith(folder + "/"))
    ],
)
def test_a_folder_replaced_by_a_file(journal: Path, run, command: Command, folder: str):
    for path in (journal / folder).iterdir():
        path.unlink()
    (journal / folder).rmdir()
    (journal / folder).write_text("not a folder\n")
    snapshot = Snapshot.take(journal)
    result = run(*command.argv, journal=journal, env=command.environ())
    assert_refused(result, snapshot, folder, None, "a folder here")


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _dev_zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _dangling(path: Path) -> None:
    path.symlink_to(path.parent / "gone.toml")


def _loop(path: Path) -> None:
    path.symlink_to(path.name)


SPECIAL = {
    "named-pipe": (_fifo, "not a regular file"),  # reading would block forever
    "dev-zero": (_dev_zero, "not a regular file"),  # reading would never end
    "dangling-symlink": (_dangling, "does not exist"),
    "symlink-loop": (_loop, "cannot be read"),
}


@pytest.mark.parametrize("kind", sorted(SPECIAL))
@pytest.mark.parametrize(("command", "rel"), _read_pairs())
def test_a_file_that_is_not_a_file(journal: Path, run, command: Command, rel: str, kind: str):
    make, message = SPECIAL[kind]
    (journal / rel).unlink()
    make(journal / rel)
    snapshot = Snapshot.take(journal)
    result = run(*command.argv, journal=journal, env=command.environ())
    assert_refused(result, snapshot, rel, None, message)


def _command_paths(command, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every runnable command of the CLI, subcommands of groups included: ("check",),
    ("indicator", "list"), ..."""
    subcommands = getattr(command, "commands", {})
    if not subcommands:
        return [path]
    return [p for name, sub in subcommands.items() for p in _command_paths(sub, (*path, name))]


def test_the_table_lists_every_command():
    """A command (or a group's subcommand) that lands without a line in the table is not
    covered by this suite: that fails here (it used to skip, which CI passes quietly)."""
    from conftest import whole_cli

    registered = _command_paths(whole_cli())
    assert any(len(path) == 2 for path in registered), registered  # into the groups too
    covered = [command.argv for command in COMMANDS] + [
        tuple(n.split()) for n in NOT_JOURNAL_READERS
    ]
    missing = [
        " ".join(path)
        for path in registered
        if not any(argv[: len(path)] == path for argv in covered)
    ]
    assert not missing, f"not in tests/adversarial/harness.py COMMANDS: {', '.join(missing)}"


# ---- writes into read-only places -------------------------------------------------------


def read_only(path: Path) -> None:
    path.chmod(stat.S_IMODE(path.stat().st_mode) & ~0o222)


def test_atomic_write_leaves_a_read_only_file_alone(journal: Path):
    path = journal / WEEK
    read_only(path)
    snapshot = Snapshot.take(journal)
    with pytest.raises(WriteRefused, match="read-only"):
        atomic_write(path, 'week = "2026-W48"\n')
    with pytest.raises(WriteRefused, match="read-only"):
        edit_file(path, lambda doc: doc.update({"week": "2026-W48"}), Checkin)
    assert snapshot.changes() == []


def test_atomic_write_into_a_read_only_folder(journal: Path):
    read_only(journal / "checkins")
    snapshot = Snapshot.take(journal)
    with pytest.raises(WriteRefused, match="is read-only"):
        atomic_write(journal / "checkins/2026-W47.toml", 'week = "2026-W47"\n')
    with pytest.raises(WriteRefused, match="is read-only"):
        edit_file(journal / WEEK, lambda doc: doc.update({"week": "2026-W48"}), Checkin)
    with pytest.raises(WriteRefused, match="is read-only"):
        make_folder(journal / "checkins" / "deeper" / "still")
    assert snapshot.changes() == []


def test_no_lock_file_is_made_in_a_read_only_journal(journal: Path):
    read_only(journal)
    snapshot = Snapshot.take(journal)
    with pytest.raises(WriteRefused, match="read-only"), journal_lock(journal):
        pass
    assert snapshot.changes() == []


def test_a_write_through_a_dangling_symlink_is_refused(journal: Path):
    """Otherwise a journal from someone else's repository could plant a link that makes
    leadwork create a file anywhere the person can write."""
    outside = journal.parent / "planted.toml"
    (journal / "checkins/2026-W47.toml").symlink_to(outside)
    snapshot = Snapshot.take(journal)
    with pytest.raises(WriteRefused, match="does not exist"):
        atomic_write(journal / "checkins/2026-W47.toml", 'week = "2026-W47"\n')
    assert not outside.exists()
    assert snapshot.changes() == []


def test_a_write_through_a_symlinked_file_replaces_its_target(journal: Path):
    real = journal.parent / "real-W48.toml"
    os.replace(journal / WEEK, real)
    (journal / WEEK).symlink_to(real)

    def add_reading(doc):
        doc["readings"]["otd"] = 97.0

    edit_file(journal / WEEK, add_reading, Checkin)
    assert (journal / WEEK).is_symlink()
    assert "otd = 97.0" in real.read_text()


def test_a_symlinked_lock_file_creates_nothing_elsewhere(journal: Path):
    outside = journal.parent / "elsewhere.lock"
    (journal / ".leadwork.lock").symlink_to(outside)
    with pytest.raises(WriteRefused), journal_lock(journal):
        pass
    assert not outside.exists()


def test_a_folder_where_a_written_file_goes(journal: Path):
    (journal / "checkins/2026-W47.toml").mkdir()
    with pytest.raises(WriteRefused, match="is a folder"):
        atomic_write(journal / "checkins/2026-W47.toml", 'week = "2026-W47"\n')
    with pytest.raises(InvalidFile, match="is a folder"):
        read_text(journal / "checkins/2026-W47.toml")


@pytest.mark.parametrize("place", ["parent-read-only", "target-is-a-file", "already-a-journal"])
def test_init_refuses_and_changes_nothing(tmp_path: Path, run, place: str):
    target = tmp_path / "here" / "journal"
    target.parent.mkdir()
    if place == "parent-read-only":
        read_only(target.parent)
        message = "is read-only"
    elif place == "target-is-a-file":
        target.write_text("my notes\n")
        message = "is a file"
    else:
        run("init", str(target))
        message = "already holds a journal"
    snapshot = Snapshot.take(target.parent, outside=tmp_path)
    result = run("init", str(target))
    assert result.exit_code == 1, result
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert snapshot.changes() == []


# ---- real permission errors, from a process without root's powers ----------------------

SETPRIV = shutil.which("setpriv")
needs_setpriv = pytest.mark.skipif(
    SETPRIV is None or not hasattr(os, "geteuid") or os.geteuid() != 0,
    reason="needs root and setpriv (util-linux) to drop the power to ignore permissions",
)


def without_root_powers(argv: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the installed leadwork as root minus CAP_DAC_OVERRIDE / CAP_DAC_READ_SEARCH, so
    file permissions apply to it as to anyone."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "LEADWORK_TODAY": "2026-11-27",
        "NO_COLOR": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    drop = "--bounding-set=-dac_override,-dac_read_search,-fowner"
    return subprocess.run(
        [str(SETPRIV), drop, str(LEADWORK), *argv],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@needs_setpriv
def test_an_unreadable_file_is_reported_not_a_crash(journal: Path):
    (journal / "team.toml").chmod(0o000)
    snapshot = Snapshot.take(journal)
    result = without_root_powers(["check"], journal)
    assert result.returncode == 1, result
    assert "team.toml: error: cannot be read: permission denied" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot.changes() == []


@needs_setpriv
def test_an_unlistable_folder_is_reported_not_a_crash(journal: Path):
    (journal / "checkins").chmod(0o000)
    result = without_root_powers(["check"], journal)
    assert result.returncode == 1, result
    assert "checkins: error: cannot be read: permission denied" in result.stderr
    assert "Traceback" not in result.stderr


@needs_setpriv
def test_init_where_no_one_may_write(journal: Path):
    # beside the journal: a folder inside one is refused before any write (trial 23)
    folder = journal.parent / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    snapshot = Snapshot.take(folder)
    result = without_root_powers(["init", str(folder / "new")], journal)
    assert result.returncode == 1, result
    assert "read-only" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot.changes() == []


@needs_setpriv
def test_a_write_the_filesystem_refuses_is_a_clear_error(journal: Path):
    """Mode bits that allow writing, but not to this process: access(2) decides."""
    target = journal.parent / "theirs"
    target.mkdir(mode=0o755)
    os.chown(target, 65534, 65534)  # someone else's folder, writable by them alone
    snapshot = Snapshot.take(journal)  # and the test's folder around it, where target is
    result = without_root_powers(["init", str(target / "journal")], journal)
    assert result.returncode == 1, result
    assert "Traceback" not in result.stderr
    assert "read-only" in result.stderr or "permission denied" in result.stderr
    assert snapshot.changes() == []


# ---- every writing command of the table, against read-only files and folders ------------


def _written_by_writers() -> list:
    return [
        pytest.param(command, rel, id=f"{command.id}|{rel}")
        for command in COMMANDS
        for rel in command.writes
    ]


@pytest.mark.parametrize(("command", "rel"), _written_by_writers())
@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_writer_refuses_a_read_only_target(journal: Path, run, command, rel: str, what: str):
    target = journal / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    # Something to write: an output that is out of date, or (for the "file" case) a file
    # where the command makes one. A journal file the command reads stays as it is.
    stale = target.exists() and not command.reads_file(rel)
    if stale or (what == "file" and not target.exists()):
        target.write_text("# the person's own file, locked\n")
    if what == "file":
        read_only(target)
    else:
        read_only(target.parent)
    snapshot = Snapshot.take(journal)
    result = run(*command.argv, journal=journal, env=command.environ())
    if what == "folder":  # the folder may be named instead of the file (`.` for the journal)
        folder = Path(rel).parent.as_posix()
        if located(result.stderr, folder, None):
            rel = folder
    # A file where a command makes a new one may also be refused for what it holds.
    message = "read-only" if what == "folder" or command.reads_file(rel) else None
    assert_refused(result, snapshot, rel, None, message)
