"""Commit the files a command wrote, and only those, with git: `--commit` on every
command that writes (checkin, story, conversation, one-on-one, review strategy and
capability, indicator add, change and import), one function for all of them.

git is always run with an argument list (never through a shell), from the journal's
folder, so a file name can never become a command. Standard library only (typer is
imported where the option is made).
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leadwork.cli.echo import echo
from leadwork.errors import LeadworkError

if TYPE_CHECKING:
    from leadwork.store.journal import Journal


def commit_option(message: str) -> Any:
    """The `--commit` option of a command whose commits say `message`, to annotate a
    `bool` with: `Annotated[bool, commit_option(...)]` is a type the type checker sees."""
    import typer

    return typer.Option(
        "--commit",
        help="Commit the file(s) this run wrote to git, and only those "
        f"(message: '{message}', after commit_prefix in leadwork.toml).",
    )


def commit_written(
    journal: Journal, files: Sequence[str], message: str, what: str = "the check-in"
) -> Committed:
    """`commit_files` for a command's `--commit`: `message` after the journal's
    `commit_prefix` (leadwork.toml's [settings])."""
    prefix = journal.config().settings.commit_prefix
    return commit_files(journal.root, files, prefix + message, what)


def commit_and_say(journal: Journal, files: Sequence[str], message: str, what: str) -> None:
    """Commit what a command wrote (`commit_written`) and say what became of it. git
    refusing raises its LeadworkError after the files were written and reported."""

    echo(commit_written(journal, files, message, what).message)


@dataclass(frozen=True)
class Committed:
    """What became of the commit: done, or why not (the files are written either way)."""

    committed: bool
    message: str


def run_git(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`git -C FOLDER ARGS...`; FileNotFoundError when git is not installed."""
    return subprocess.run(
        ["git", "-C", str(folder), *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,  # never wait for an answer git would ask for
        check=False,
    )


def commit_files(
    folder: Path, files: Sequence[str], message: str, what: str = "the check-in"
) -> Committed:
    """Stage exactly `files` (relative to `folder`) and commit them with `message`.

    Changes the person staged in other files stay staged and out of this commit
    (`git commit -- FILES` commits only those paths). Not a repository, or no git at all:
    a Committed(False, ...) that says so. git refusing the commit (a hook, no identity):
    a LeadworkError with git's own words, raised after the files were written.
    """
    if not files:
        return Committed(False, "Nothing was written, so there is nothing to commit.")
    try:
        inside = run_git(folder, "rev-parse", "--is-inside-work-tree")
    except FileNotFoundError:
        return Committed(False, f"git is not installed: {what} is saved, not committed.")
    if inside.returncode != 0 or inside.stdout.strip() != "true":
        return Committed(
            False,
            f"{folder} is not in a git repository: {what} is saved, not committed "
            "(run `git init` there to start one).",
        )
    added = run_git(folder, "add", "--", *files)
    if added.returncode != 0:
        raise _failed("git add", added, what)
    staged = run_git(folder, "diff", "--cached", "--quiet", "--", *files)
    if staged.returncode == 0:
        return Committed(False, "git already has this version: nothing new to commit.")
    done = run_git(folder, "commit", "--quiet", "-m", message, "--", *files)
    if done.returncode != 0:
        raise _failed("git commit", done, what)
    shown = ", ".join(files)
    return Committed(True, f"Committed {shown} to git: “{message}”.")


def _failed(step: str, result: subprocess.CompletedProcess[str], what: str) -> LeadworkError:
    said = (result.stderr or result.stdout).strip().splitlines()
    reason = said[-1] if said else f"exit status {result.returncode}"
    return LeadworkError(
        f"{step} failed: {reason}",
        hint=f"{what} is saved; commit it by hand once git is happy"
        + (f" (git said: {' / '.join(said[-3:])})" if len(said) > 1 else ""),
    )


# ---- the merge driver -----------------------------------------------------------------------

DRIVER = "leadwork"  # the name in .gitattributes (`merge=leadwork`) and in git's config
DRIVER_NAME = "leadwork: merge journal files by meaning"


def driver_command(python: str) -> str:
    """The command git runs to merge a journal file: this Python's leadwork, by absolute
    path (a git GUI or another shell may not have leadwork on its PATH). git substitutes
    %O (the ancestor), %A (ours, where the result goes), %B (theirs), %P (the file's path,
    quoted by git) and %L (the conflict marker size)."""
    import shlex

    return f"{shlex.quote(python)} -m leadwork git merge %O %A %B %P --marker-size %L"


def config_get(folder: Path, key: str, scope: str) -> str | None:
    """A key of git's config in `scope` ("--global" or "--local"); None when unset."""
    got = run_git(folder, "config", scope, "--get", key)
    return got.stdout.rstrip("\n") if got.returncode == 0 else None


def config_set(folder: Path, key: str, value: str, scope: str) -> None:
    done = run_git(folder, "config", scope, key, value)
    if done.returncode != 0:
        raise _failed("git config", done, "nothing")


def in_work_tree(folder: Path) -> bool:
    inside = run_git(folder, "rev-parse", "--is-inside-work-tree")
    return inside.returncode == 0 and inside.stdout.strip() == "true"


def merge_file(
    ours: Path, base: Path, theirs: Path, marker_size: int, write: bool
) -> tuple[str, int]:
    """git's own line merge of the three files (`git merge-file`): the merged text and the
    number of conflicts (negative: git failed). With `write`, the result replaces `ours`,
    as git would have written it without leadwork's driver."""
    args = ["merge-file", "-L", "ours", "-L", "base", "-L", "theirs"]
    args += [f"--marker-size={marker_size}"]
    if not write:
        args.append("-p")
    done = subprocess.run(
        ["git", *args, str(ours), str(base), str(theirs)],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    code = done.returncode if done.returncode < 128 else -1
    return done.stdout.decode("utf-8", "replace"), code
