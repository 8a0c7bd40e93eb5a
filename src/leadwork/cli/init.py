"""`leadwork init`: a new journal of commented templates, or a copy of the example."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from leadwork.cli.echo import echo


def init(
    path: Annotated[
        Path,
        typer.Argument(metavar="PATH", help="Folder for the new journal (made if missing)."),
    ] = Path("."),
    example: Annotated[
        bool,
        typer.Option(
            "--example",
            help="Copy the bundled example journal (a VP of Operations at a manufacturer) "
            "instead of empty templates.",
        ),
    ] = False,
    leader: Annotated[
        str, typer.Option(metavar="NAME", help="Your name, for leadwork.toml.")
    ] = "Your name",
    title: Annotated[
        str, typer.Option(metavar="TEXT", help="Your role, for leadwork.toml.")
    ] = "Your role",
    organization: Annotated[
        str, typer.Option(metavar="NAME", help="The organization you lead, for leadwork.toml.")
    ] = "Your organization",
) -> None:
    """Make a new journal: commented templates that explain every key, ready to edit.

    Refuses to touch a folder that already holds a journal, or lies inside one.
    """
    from leadwork.render.schema import editor_files
    from leadwork.store.create import copy_example, create_journal

    editor = editor_files()  # JSON Schemas + .taplo.toml, so editors check files as typed
    written = (
        copy_example(path, editor)
        if example
        else create_journal(path, leader, title, organization, editor)
    )
    # Count the journal's own files: not editor support, git's files or folder markers.
    shown = [
        name
        for name in written
        if name not in editor
        and name not in (".gitignore", ".gitattributes")
        and not name.endswith(".gitkeep")
    ]
    echo(f"Made a journal in {path} ({len(shown)} files).")
    journal = f"leadwork --journal {path}" if str(path) != "." else "leadwork"
    if example:
        echo(f"Next: look around with `{journal} dashboard`, then `{journal} map`.")
    else:
        echo("Next: edit the files (each key is explained in its comments), then run")
        echo(f"  {journal} check")
    if not _in_git(path):  # the journal is meant to be committed, and --commit needs git
        folder = "" if str(path) == "." else f" {path}"
        echo(f"Keep it in git, so `--commit` can record each change: `git init{folder}`.")
    echo("Editors with Taplo (VS Code: Even Better TOML) check each file as you type;")
    echo("`leadwork --install-completion` adds Tab completion to your shell.")


def _in_git(path: Path) -> bool:
    """Whether the journal's folder is inside a git work tree; without git installed,
    not (the line that says `git init` is then advice for later)."""
    from leadwork.cli.git import in_work_tree

    try:
        return in_work_tree(path)
    except FileNotFoundError:
        return False
