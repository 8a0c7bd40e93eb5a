"""`.pre-commit-hooks.yaml`: a team runs `leadwork check` on every commit of a journal."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

HOOKS = {hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
BIN = Path(sys.executable).parent


def run_hook(hook_id: str, journal: Path, *extra: str) -> subprocess.CompletedProcess:
    """Run the hook's entry and args as pre-commit does: from the repository's root."""
    hook = HOOKS[hook_id]
    entry = hook["entry"].split()
    command = [str(BIN / entry[0]), *entry[1:], *hook.get("args", []), *extra]
    return subprocess.run(
        command,
        cwd=journal,
        capture_output=True,
        text=True,
        env={**os.environ, "LEADWORK_TODAY": "2026-11-27", "LEADWORK_JOURNAL": ""},
    )


def test_the_hooks_are_well_formed():
    assert set(HOOKS) == {"leadwork-check", "leadwork-check-strict"}
    for hook in HOOKS.values():
        assert hook["language"] == "python"  # pre-commit installs this package to run it
        assert hook["pass_filenames"] is False  # the check is of the whole journal
        assert hook["files"] == r"\.toml$"
        assert hook["entry"] == "leadwork"


def test_the_hook_passes_a_valid_journal(example_journal):
    result = run_hook("leadwork-check", example_journal)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: the journal is valid")


def test_the_hook_stops_a_commit_with_a_broken_file(example_journal):
    team = example_journal / "team.toml"
    team.write_text(team.read_text().replace("cadence_days = 28", "cadence_days = 0"))
    result = run_hook("leadwork-check", example_journal)
    assert result.returncode == 1
    assert "team.toml:" in result.stderr and "must be at least 1" in result.stderr


def test_the_strict_hook_fails_on_warnings(example_journal):
    checkin = example_journal / "checkins" / "2026-W48.toml"
    (example_journal / "checkins" / "2026-W48-old.toml").write_text(checkin.read_text())
    assert run_hook("leadwork-check", example_journal).returncode == 0
    strict = run_hook("leadwork-check-strict", example_journal)
    assert strict.returncode == 1
    assert "warning" in strict.stderr and "2026-W48-old.toml" in strict.stderr


def test_a_journal_in_a_subfolder_is_named_in_args(example_journal, tmp_path):
    """The documented override: args: [--journal, journal, check]."""
    repo = tmp_path / "repo"
    repo.mkdir()
    shutil.move(example_journal, repo / "journal")
    hook = HOOKS["leadwork-check"]
    result = subprocess.run(
        [str(BIN / hook["entry"]), "--journal", "journal", "check"],
        cwd=repo,
        capture_output=True,
        text=True,
        env={**os.environ, "LEADWORK_TODAY": "2026-11-27", "LEADWORK_JOURNAL": ""},
    )
    assert result.returncode == 0, result.stderr


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_pre_commit_installs_and_runs_the_hook(example_journal, tmp_path):
    """The real thing: pre-commit builds leadwork from this repository into its own
    environment and runs the hook on a journal repository (about a minute)."""
    project = tmp_path / "leadwork-src"
    shutil.copytree(
        ROOT,
        project,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "__pycache__", "*.pyc", ".pytest_cache", ".ruff_cache", "build"
        ),
    )
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "leadwork")
    git(example_journal, "init", "-q")
    git(example_journal, "add", "-A")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "LEADWORK_TODAY": "2026-11-27",
        "LEADWORK_JOURNAL": "",
    }
    command = [
        sys.executable,
        "-m",
        "pre_commit",
        "try-repo",
        str(project),
        "leadwork-check",
        "--all-files",
    ]
    good = subprocess.run(command, cwd=example_journal, capture_output=True, text=True, env=env)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "leadwork check" in good.stdout and "Passed" in good.stdout
    team = example_journal / "team.toml"
    team.write_text(team.read_text().replace('id = "tom"', 'id = "Tom O"'))
    git(example_journal, "add", "-A")
    bad = subprocess.run(command, cwd=example_journal, capture_output=True, text=True, env=env)
    assert bad.returncode == 1
    assert "Failed" in bad.stdout
    assert "'Tom O' is not a valid id" in bad.stdout
