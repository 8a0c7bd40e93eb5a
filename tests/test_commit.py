"""`--commit` on every command that writes (issue 17): each commits exactly the files its
run wrote, with a message after `commit_prefix` in leadwork.toml's [settings], in real git
repositories. Git's own configuration is a temporary folder: nothing of the machine's."""

import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

IDENTITY = {
    "GIT_AUTHOR_NAME": "Dana Whitfield",
    "GIT_AUTHOR_EMAIL": "dana@example.com",
    "GIT_COMMITTER_NAME": "Dana Whitfield",
    "GIT_COMMITTER_EMAIL": "dana@example.com",
}


@pytest.fixture(autouse=True)
def own_git_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "gitconfig").write_text("[commit]\n\tgpgsign = false\n[init]\n\tdefaultBranch = main\n")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / "gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for key, value in IDENTITY.items():
        monkeypatch.setenv(key, value)


def git(folder: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-C", str(folder), *args], capture_output=True, text=True, check=True
    )
    return result.stdout


def make_repo(folder: Path) -> Path:
    (folder / ".gitignore").write_text(".leadwork.lock\n.drafts/\n")
    git(folder, "init", "-q")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "start")
    return folder


def with_prefix(journal: Path, prefix: str) -> None:
    config = journal / "leadwork.toml"
    config.write_text(
        config.read_text().replace("[settings]\n", f'[settings]\ncommit_prefix = "{prefix}"\n')
    )


@pytest.fixture
def repo(example_journal: Path) -> Path:
    with_prefix(example_journal, "leadership: ")
    return make_repo(example_journal)


W48 = "checkins/2026-W48.toml"
MARCUS = (
    *("one-on-one", "marcus", "--no-input", "--no-plan", "dayton-scrap"),
    *("--done", "1", "--carried", "2", "--celebrate", "Caught it early."),
    *("--story", "quality-first"),
)
NEW_INDICATOR = (
    *("indicator", "add", "bar-first-piece", "--name", "Allegheny bar first-piece pass rate"),
    *("--owner", "marcus", "--unit", "%", "--direction", "higher", "--target", "98"),
    *("--celebrate", "99.5", "--course-correct", "95", "--serves", "quality-at-scale"),
)

COMMANDS = {
    "checkin": (("checkin", "-r", "dayton-scrap=3.1"), "checkin 2026-W48", [W48]),
    "story": (("story", "Kenji found the bad lot", "--who", "marcus"), "story 2026-W48", [W48]),
    "conversation": (
        ("conversation", "Bar prices go up in January", "--with", "supplier"),
        "conversation 2026-W48",
        [W48],
    ),
    "one-on-one": (
        MARCUS,
        "one-on-one marcus 2026-11-27",
        ["one-on-ones/2026-11-27-marcus.toml", W48],
    ),
    "review strategy": (
        ("review", "strategy", "--no-input", "--participant", "marcus", "--changes", "None"),
        "review strategy 2026-11-27",
        ["reviews/2026-11-27-strategy.toml"],
    ),
    "review capability": (
        ("review", "capability", "coaching-supervisors", "--no-input", "--step", "2"),
        "review capability coaching-supervisors 2026-11-27",
        ["reviews/2026-11-27-capability-coaching-supervisors.toml", "capabilities.toml"],
    ),
    "indicator add": (NEW_INDICATOR, "indicator add bar-first-piece", ["indicators.toml"]),
    "indicator change": (
        ("indicator", "change", "dayton-scrap", "--target", "1.8"),
        "indicator change dayton-scrap",
        ["indicators.toml"],
    ),
}


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_that_writes_commits_exactly_its_files(repo, run, name):
    args, message, files = COMMANDS[name]
    (repo / "team.toml").write_text((repo / "team.toml").read_text() + "\n# a thought\n")
    (repo / "notes.txt").write_text("staged by the person, not part of this run\n")
    git(repo, "add", "notes.txt")
    result = run(*args, "--commit", journal=repo)
    assert result.exit_code == 0, result
    subject = f"leadership: {message}"
    assert git(repo, "log", "-1", "--format=%s").strip() == subject
    assert sorted(git(repo, "show", "--name-only", "--format=", "HEAD").split()) == sorted(files)
    shown = ", ".join(files)  # in the order the run wrote them
    assert f"Committed {shown} to git: “{subject}”." in " ".join(result.stdout.split())
    assert sorted(git(repo, "status", "--porcelain").splitlines()) == [
        " M team.toml",
        "A  notes.txt",
    ]


@pytest.mark.parametrize("name", ["story", "indicator change", "review strategy"])
def test_without_commit_nothing_is_committed(repo, run, name):
    args, _, files = COMMANDS[name]
    head = git(repo, "rev-parse", "HEAD")
    result = run(*args, journal=repo)
    assert result.exit_code == 0, result
    assert git(repo, "rev-parse", "HEAD") == head
    assert sorted(line[3:] for line in git(repo, "status", "--porcelain").splitlines()) == sorted(
        files
    )


def test_without_a_prefix_the_message_is_the_commands_own(example_journal, run):
    repo = make_repo(example_journal)
    result = run("story", "Kenji found the bad lot", "--commit", journal=repo)
    assert result.exit_code == 0, result
    assert git(repo, "log", "-1", "--format=%s").strip() == "story 2026-W48"


def test_a_capture_that_changes_nothing_commits_nothing(repo, run):
    assert run("story", "Kenji found it", "--commit", journal=repo).exit_code == 0
    head = git(repo, "rev-parse", "HEAD")
    again = run("story", "Kenji found it", "--commit", journal=repo)
    assert again.exit_code == 0, again
    assert "Nothing was written, so there is nothing to commit." in again.stdout
    assert git(repo, "rev-parse", "HEAD") == head


def test_not_a_repository_says_so_and_keeps_what_was_written(example_journal, run):
    result = run(*COMMANDS["indicator change"][0], "--commit", journal=example_journal)
    assert result.exit_code == 0, result
    out = " ".join(result.stdout.split())
    assert "is not in a git repository: indicators.toml is saved, not committed" in out


def test_git_refusing_keeps_the_one_on_one_and_says_why(repo, run):
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'journal is frozen' >&2\nexit 1\n")
    hook.chmod(0o755)
    result = run(*MARCUS, "--commit", journal=repo)
    assert result.exit_code == 1
    assert "Recorded one-on-ones/2026-11-27-marcus.toml" in result.stdout
    assert "git commit failed: journal is frozen" in result.stderr
    assert "the one-on-one is saved; commit it by hand" in result.stderr
    assert (repo / "one-on-ones/2026-11-27-marcus.toml").exists()


def test_preparing_with_commit_is_refused(repo, run):
    result = run("one-on-one", "marcus", "--prep", "--commit", journal=repo)
    assert result.exit_code == 2
    assert "--commit commits what a recording writes" in result.stderr
