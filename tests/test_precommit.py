"""`.pre-commit-hooks.yaml`: a team runs `leadwork check` on every commit of a journal."""

import os
import re
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
        # A commit that only deletes or renames a journal file stages no .toml file, and
        # can still break the journal: the hook runs on every commit.
        assert hook["always_run"] is True


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
    # A commit that only deletes a journal file (no .toml staged) is checked too.
    team.write_text(team.read_text().replace('id = "Tom O"', 'id = "tom"'))
    git(example_journal, "add", "-A")
    git(example_journal, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "j")
    git(example_journal, "rm", "-q", "team.toml")
    staged = [c for c in command if c != "--all-files"]
    gone = subprocess.run(staged, cwd=example_journal, capture_output=True, text=True, env=env)
    assert gone.returncode == 1, gone.stdout
    assert "Failed" in gone.stdout and "team.toml" in gone.stdout


# ---- the recipes in docs/cli.md, as written --------------------------------------------------


def documented_recipes() -> list[dict]:
    """The `.pre-commit-config.yaml` blocks of docs/cli.md's "pre-commit" section."""
    text = (ROOT / "docs" / "cli.md").read_text()
    section = text.split("\n## pre-commit\n", 1)[1].split("\n## ", 1)[0]
    return [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", section, re.S)]


def test_the_docs_show_the_local_recipe_first_and_the_remote_one_with_the_real_hooks():
    local, remote = documented_recipes()
    [repo] = local["repos"]
    assert repo["repo"] == "local"
    [hook] = repo["hooks"]
    assert hook["language"] == "system"
    assert hook["always_run"] is True and hook["pass_filenames"] is False
    assert hook["entry"] == "leadwork check"
    [repo] = remote["repos"]
    assert {h["id"] for h in repo["hooks"]} <= set(HOOKS)
    # No tag exists yet: the docs say so rather than show one that would fail to clone.
    assert re.fullmatch(r"[0-9a-f]{40}", repo["rev"])
    assert "no release\ntag and no public repository yet" in (ROOT / "docs" / "cli.md").read_text()


def pre_commit_run(repo: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    """`pre-commit run` on what is staged, as the git hook runs it at `git commit`."""
    env = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",  # leadwork as pipx puts it
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "LEADWORK_TODAY": "2026-11-27",
        "LEADWORK_JOURNAL": "",
    }
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run"],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
    )


def journal_repository(journal: Path, config: dict) -> None:
    (journal / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, sort_keys=False))
    git(journal, "init", "-q")
    git(journal, "add", "-A")
    git(journal, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "journal")


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
@pytest.mark.parametrize(
    "change",
    [
        pytest.param(["rm", "-q", "team.toml"], id="delete"),
        pytest.param(["mv", "team.toml", "team.toml.old"], id="rename"),
    ],
)
def test_the_local_recipe_runs_when_a_commit_only_deletes_or_renames(
    example_journal, tmp_path, change
):
    local = documented_recipes()[0]
    journal_repository(example_journal, local)
    nothing = pre_commit_run(example_journal, tmp_path)  # nothing staged: it still checks
    assert nothing.returncode == 0, nothing.stdout + nothing.stderr
    assert "leadwork check" in nothing.stdout and "Passed" in nothing.stdout
    git(example_journal, *change)  # stages no .toml file at all
    staged = subprocess.run(
        ["git", "diff", "--cached", "--name-only", "--diff-filter=AM"],
        cwd=example_journal,
        capture_output=True,
        text=True,
    ).stdout
    assert ".toml" not in staged.replace(".toml.old", "")
    broken = pre_commit_run(example_journal, tmp_path)
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "Failed" in broken.stdout and "team.toml" in broken.stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_without_always_run_such_a_commit_would_pass_unchecked(example_journal, tmp_path):
    """Why always_run: the same recipe without it skips the commit that deletes team.toml."""
    local = documented_recipes()[0]
    del local["repos"][0]["hooks"][0]["always_run"]
    local["repos"][0]["hooks"][0]["files"] = r"\.toml$"
    journal_repository(example_journal, local)
    git(example_journal, "rm", "-q", "team.toml")
    skipped = pre_commit_run(example_journal, tmp_path)
    assert skipped.returncode == 0
    assert "Skipped" in skipped.stdout
