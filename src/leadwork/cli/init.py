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

    Refuses to touch a folder that already holds a journal.
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
    echo("Editors with Taplo (VS Code: Even Better TOML) check each file as you type;")
    echo("`leadwork --install-completion` adds Tab completion to your shell.")
