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
    assert re.fullmatch(r"[0-9a-f]{40}", repo["rev"])  # a whole commit, never a branch
    # There is no public URL: the docs say so, and what to put instead.
    words = " ".join((ROOT / "docs" / "cli.md").read_text().split())
    assert "**no public repository yet**" in words


def _repository() -> Path:
    """The git repository of this checkout; skip when there is none, or when it is shallow
    (a commit of the past may be missing then); fail when a full history lacks `rev`."""
    if shutil.which("git") is None:
        pytest.skip("needs git")
    found = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--show-toplevel", "--is-shallow-repository"],
        capture_output=True,
        text=True,
    )
    if found.returncode != 0 or Path(found.stdout.split()[0]).resolve() != ROOT:
        pytest.skip("this leadwork is not a git checkout (an sdist?): no commits to check")
    if found.stdout.split()[1] == "true":
        pytest.skip("a shallow clone: the documented commit may be missing from it")
    return ROOT


def _documented_rev() -> str:
    rev: str = documented_recipes()[1]["repos"][0]["rev"]
    return rev


def test_the_documented_rev_is_a_commit_of_this_repository_with_the_hooks():
    repository, rev = _repository(), _documented_rev()
    exists = subprocess.run(["git", "-C", str(repository), "cat-file", "-e", f"{rev}^{{commit}}"])
    assert exists.returncode == 0, f"docs/cli.md names rev {rev}: no such commit here"
    manifest = subprocess.run(
        ["git", "-C", str(repository), "show", f"{rev}:.pre-commit-hooks.yaml"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    then = {hook["id"]: hook for hook in yaml.safe_load(manifest)}
    documented = {h["id"] for h in documented_recipes()[1]["repos"][0]["hooks"]}
    # The docs name leadwork-check, and offer leadwork-check-strict in its comment.
    assert documented | {"leadwork-check-strict"} <= set(then)
    for hook in then.values():
        assert hook["always_run"] is True and hook["pass_filenames"] is False


@pytest.mark.slow
def test_the_remote_recipe_works_as_written(tmp_path):
    """docs/cli.md's remote recipe, `repo` set to a clone of this repository and nothing
    else changed (its rev, its hooks): pre-commit clones that commit, installs leadwork
    from it into an environment of its own and runs the hook (about a minute)."""
    repository, rev = _repository(), _documented_rev()
    clone = tmp_path / "leadwork.git"
    git(tmp_path, "clone", "-q", "--no-local", "--bare", str(repository), str(clone))
    # The journal the hook checks is the example as that commit ships it: a later example
    # may use keys that leadwork of that commit does not know yet.
    journal = tmp_path / "journal"
    journal.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(clone), "archive", rev, "examples/northfield"],
        capture_output=True,
        check=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(journal)], input=archive, check=True)
    journal = journal / "examples" / "northfield"
    remote = documented_recipes()[1]
    remote["repos"][0]["repo"] = str(clone)
    journal_repository(journal, remote)
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "LEADWORK_TODAY": "2026-11-27",
        "LEADWORK_JOURNAL": "",
    }
    command = [sys.executable, "-m", "pre_commit", "run", "--all-files"]
    good = subprocess.run(command, cwd=journal, capture_output=True, text=True, env=env)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "leadwork check" in good.stdout and "Passed" in good.stdout
    team = journal / "team.toml"
    team.write_text(team.read_text().replace('id = "tom"', 'id = "Tom O"'))
    git(journal, "add", "-A")
    bad = subprocess.run(command, cwd=journal, capture_output=True, text=True, env=env)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout and "'Tom O' is not a valid id" in bad.stdout


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
