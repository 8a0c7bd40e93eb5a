"""`leadwork checkin --commit`: exactly the files the run wrote, in real git repositories."""

import shutil
import subprocess
from pathlib import Path

import pytest

from leadwork.cli.git import commit_files

from conftest import EXAMPLE

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

NEXT_WEEK = {"LEADWORK_TODAY": "2026-12-04"}


def git(folder: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-C", str(folder), *args], capture_output=True, text=True, check=True
    )
    return result.stdout


def make_repo(folder: Path) -> Path:
    # As `leadwork init` makes a journal: its .gitignore keeps the lock file and drafts out.
    (folder / ".gitignore").write_text(".leadwork.lock\n.drafts/\n")
    git(folder, "init", "-q")
    git(folder, "config", "user.name", "Dana Whitfield")
    git(folder, "config", "user.email", "dana@example.com")
    git(folder, "config", "commit.gpgsign", "false")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "start")
    return folder


@pytest.fixture
def repo(example_journal: Path) -> Path:
    return make_repo(example_journal)


def test_commit_stages_exactly_the_files_the_run_wrote(repo, run):
    (repo / "team.toml").write_text((repo / "team.toml").read_text() + "\n# a thought\n")
    (repo / "notes.txt").write_text("staged by the person, not part of the check-in\n")
    git(repo, "add", "notes.txt")
    result = run("checkin", "-r", "dayton-scrap=3.1", "--commit", journal=repo)
    assert result.exit_code == 0, result
    assert result.stdout.rstrip().endswith(
        "Committed checkins/2026-W48.toml to git: “checkin 2026-W48”."
    )
    assert git(repo, "log", "-1", "--format=%s").strip() == "checkin 2026-W48"
    assert git(repo, "show", "--name-only", "--format=", "HEAD").split() == [
        "checkins/2026-W48.toml"
    ]
    # what the person had going on is as they left it: staged stays staged, edits stay edits
    assert sorted(git(repo, "status", "--porcelain").splitlines()) == [
        " M team.toml",
        "A  notes.txt",
    ]


def test_a_new_week_file_is_committed(repo, run):
    result = run("checkin", "-r", "dayton-otd=97", "--commit", journal=repo, env=NEXT_WEEK)
    assert result.exit_code == 0, result
    assert git(repo, "log", "-1", "--format=%s").strip() == "checkin 2026-W49"
    assert git(repo, "show", "--name-only", "--format=", "HEAD").split() == [
        "checkins/2026-W49.toml"
    ]
    assert git(repo, "status", "--porcelain") == ""


def test_nothing_written_means_nothing_committed(repo, run):
    head = git(repo, "rev-parse", "HEAD")
    result = run("checkin", "--no-input", "--commit", journal=repo, env=NEXT_WEEK)
    assert result.exit_code == 0, result
    assert "Nothing was written, so there is nothing to commit." in result.stdout
    assert git(repo, "rev-parse", "HEAD") == head


def test_not_a_repository_says_so_and_keeps_the_check_in(example_journal, run, tmp_path):
    result = run("checkin", "-r", "dayton-scrap=3.1", "--commit", journal=example_journal)
    assert result.exit_code == 0, result
    assert "is not in a git repository: the check-in is saved, not committed" in (
        " ".join(result.stdout.split())
    )
    assert "dayton-scrap = 3.1" in (example_journal / "checkins/2026-W48.toml").read_text()


def test_git_refusing_the_commit_keeps_the_check_in_and_says_why(repo, run):
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'journal is frozen' >&2\nexit 1\n")
    hook.chmod(0o755)
    result = run("checkin", "-r", "dayton-scrap=3.1", "--commit", journal=repo)
    assert result.exit_code == 1
    assert "Not committed: git refused (see below)." in result.stdout
    assert "git commit failed: journal is frozen" in result.stderr
    assert "the check-in is saved; commit it by hand" in result.stderr
    assert "dayton-scrap = 3.1" in (repo / "checkins/2026-W48.toml").read_text()


def test_no_git_at_all(example_journal, run, tmp_path):
    empty = tmp_path / "no-tools"
    empty.mkdir()
    result = run(
        "checkin", "-r", "dayton-scrap=3.1", "--commit", journal=example_journal,
        env={"PATH": str(empty)},
    )  # fmt: skip
    assert result.exit_code == 0, result
    assert "git is not installed: the check-in is saved, not committed." in result.stdout


def test_names_are_arguments_never_shell(tmp_path):
    """A journal folder whose name is shell syntax is just a name to git."""
    folder = tmp_path / "my journal; touch PWNED $(touch PWNED2)"
    shutil.copytree(EXAMPLE, folder)
    make_repo(folder)
    path = folder / "checkins/2026-W48.toml"
    path.write_text(path.read_text() + "\n# edited\n")
    outcome = commit_files(folder, ["checkins/2026-W48.toml"], "checkin 2026-W48; rm -rf /")
    assert outcome.committed
    assert git(folder, "log", "-1", "--format=%s").strip() == "checkin 2026-W48; rm -rf /"
    assert not (tmp_path / "PWNED").exists() and not (folder / "PWNED").exists()
    assert not any(p.name.startswith("PWNED") for p in Path.cwd().iterdir())


def test_a_journal_inside_a_bigger_repository(tmp_path):
    make_repo(tmp_path)
    journal = tmp_path / "journals" / "dana"
    shutil.copytree(EXAMPLE, journal)
    outcome = commit_files(journal, ["checkins/2026-W48.toml"], "checkin 2026-W48")
    assert outcome.committed
    assert git(tmp_path, "show", "--name-only", "--format=", "HEAD").split() == [
        "journals/dana/checkins/2026-W48.toml"
    ]
    again = commit_files(journal, ["checkins/2026-W48.toml"], "checkin 2026-W48")
    assert not again.committed
    assert again.message == "git already has this version: nothing new to commit."
