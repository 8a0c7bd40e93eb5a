"""`leadwork git setup|merge`: two clones of a journal that merge by meaning.

`setup` registers leadwork's merge driver in git's config (this clone's, or with
`--global` every repository's) and makes sure the journal's .gitattributes sends its
files to it. git then runs `merge` for each journal file both sides changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from leadwork.cli.command import LeadworkCommand
from leadwork.cli.echo import echo
from leadwork.cli.session import session

app = typer.Typer(
    name="git",
    help="Let git merge the journal's files by meaning (two machines, one journal).",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@app.command("setup", cls=LeadworkCommand)
def setup(
    ctx: typer.Context,
    global_: Annotated[
        bool,
        typer.Option(
            "--global",
            help="Register the driver in your global git config (every repository), "
            "not just this clone's.",
        ),
    ] = False,
) -> None:
    """Register leadwork's merge driver with git: once per clone, or once with --global.

    Also lists the journal's files in its .gitattributes (commit that file). Running it
    again changes nothing.
    """
    import sys

    from leadwork.cli import git
    from leadwork.errors import JournalNotFound, LeadworkError
    from leadwork.store.create import GITATTRIBUTES, ensure_gitattributes

    root: Path | None
    try:
        root = session(ctx).journal().root
    except JournalNotFound:
        if not global_:
            raise
        root = None
    folder = root or Path.cwd()
    scope = "--global" if global_ else "--local"
    try:
        if not global_ and not git.in_work_tree(folder):
            raise LeadworkError(
                f"{folder} is not in a git repository, so there is no clone to set up",
                hint="run `git init` there (or clone the journal) first, or use "
                "`leadwork git setup --global` to set up every repository",
            )
        wanted = {
            f"merge.{git.DRIVER}.name": git.DRIVER_NAME,
            f"merge.{git.DRIVER}.driver": git.driver_command(sys.executable),
        }
        changed = False
        for key, value in wanted.items():
            if git.config_get(folder, key, scope) != value:
                git.config_set(folder, key, value, scope)
                changed = True
    except FileNotFoundError:
        raise LeadworkError(
            "git is not installed", hint="install git, then run `leadwork git setup` again"
        ) from None
    where = "your global git config" if global_ else "this clone's git config"
    if changed:
        echo(f"Registered leadwork's merge driver in {where}.")
    else:
        echo(f"leadwork's merge driver was already registered in {where}.")
    if root is not None:
        added = ensure_gitattributes(root)
        shown = root / GITATTRIBUTES
        if added:
            echo(
                f"{shown} now sends {len(added)} kinds of journal files to it: commit it, "
                "so that every clone merges them the same way."
            )
        else:
            echo(f"{shown} already sends the journal's files to it.")
    echo(
        "git now merges check-ins, one-on-ones and reviews by meaning; only a true "
        "disagreement is left as conflict markers (`leadwork check` lists them)."
    )


@app.command("merge", cls=LeadworkCommand)
def merge(
    base: Annotated[
        Path, typer.Argument(metavar="BASE", help="The common ancestor's version (git's %O).")
    ],
    ours: Annotated[
        Path,
        typer.Argument(metavar="OURS", help="Our version, replaced by the merged one (git's %A)."),
    ],
    theirs: Annotated[Path, typer.Argument(metavar="THEIRS", help="Their version (git's %B).")],
    path: Annotated[
        str,
        typer.Argument(metavar="PATH", help="The file's path in the repository (git's %P)."),
    ] = "",
    marker_size: Annotated[
        int,
        typer.Option("--marker-size", metavar="N", help="Conflict marker length (git's %L)."),
    ] = 7,
) -> None:
    """Merge one journal file: the merge driver git runs (see `leadwork git setup`).

    Exit 0: merged cleanly. Exit 1: conflicts are left in OURS, marked and explained.
    """
    from leadwork.cli import git
    from leadwork.store.merge import CannotMerge, merge_records, record_kind, valid_record

    def fall_back(why: str) -> None:
        """git's own line merge, as if leadwork's driver were not there."""
        _, conflicts = git.merge_file(ours, base, theirs, marker_size, write=True)
        if conflicts != 0:
            if why:
                echo(f"leadwork: {path}: {why}; merged line by line", err=True)
            raise typer.Exit(1)

    kind = record_kind(path)
    texts = []
    try:
        for file in (base, ours, theirs):
            texts.append(file.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError):
        kind = None
    if kind is None:
        fall_back("")
        return
    bom = "\ufeff"
    had_bom = texts[1].startswith(bom)
    texts = [text.removeprefix(bom) for text in texts]
    try:
        merged = merge_records(texts[0], texts[1], texts[2], kind, marker_size)
    except CannotMerge as error:
        fall_back(str(error))
        return
    except Exception as error:  # a file shaped in a way leadwork did not foresee: never
        # leave git with "ours" alone, which would drop theirs without a word
        fall_back(f"leadwork could not merge it by meaning ({type(error).__name__}: {error})")
        return
    text = merged.text
    if not merged.conflicts:
        sides_valid = valid_record(path, kind, texts[1]) and valid_record(path, kind, texts[2])
        if sides_valid and not valid_record(path, kind, text):
            fall_back("the two versions merged are not a valid file")
            return
        # git's line merge keeps both sides' comments where the lines allow it: its result
        # is taken when it says exactly what the merge by meaning says.
        lines, conflicts = git.merge_file(ours, base, theirs, marker_size, write=False)
        if conflicts == 0 and _same_data(lines.removeprefix(bom), text):
            text = lines.removeprefix(bom)
    ours.write_bytes(((bom if had_bom else "") + text).encode("utf-8"))
    if merged.conflicts:
        for conflict in merged.conflicts:
            echo(f"leadwork: {path}: {conflict.told()}", err=True)
        raise typer.Exit(1)


def _same_data(one: str, other: str) -> bool:
    import tomllib

    try:
        return tomllib.loads(one) == tomllib.loads(other)
    except tomllib.TOMLDecodeError:
        return False
