"""`leadwork edit FILE`: open a journal file in the person's editor, then check it.

The editor edits the real file and leadwork never writes it, so nothing the person typed
can be lost: a file with mistakes stays on disk exactly as saved, and they are asked
whether to reopen it. The editor command comes from $VISUAL, else $EDITOR (split like a
shell would, `code -w` works), and runs as an argument list, never through a shell.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from leadwork.cli import complete_values
from leadwork.cli.echo import echo
from leadwork.cli.session import session, today

if TYPE_CHECKING:
    from collections.abc import Sequence

    from leadwork.errors import Note, Problem


def edit(
    ctx: typer.Context,
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE",
            help="A journal file: a short name (team, indicators, strategy, capabilities, "
            "leadwork), a week (2026-W48) for its check-in, or a path in the journal.",
            autocompletion=complete_values.files,
        ),
    ],
) -> None:
    """Open a journal file in $VISUAL or $EDITOR, then check it; on errors, offer to reopen.

    Only the problems in that file are shown (cross-references included). The file is
    never rewritten by leadwork: what you saved stays as you saved it. Exit 0 when the
    file is valid, 1 when you stop with errors left.
    """
    from leadwork.cli.editor import (
        editor_command,
        editor_failed,
        must_exist,
        must_have_terminal,
        resolve_file,
        run_editor,
    )
    from leadwork.cli.messages import report, warn
    from leadwork.errors import LeadworkError, ProblemsFound
    from leadwork.render.problems import display_path, format_note
    from leadwork.store.atomic import journal_lock
    from leadwork.store.check import check_journal
    from leadwork.store.journal import Journal

    root = session(ctx).journal().root
    path = resolve_file(root, file, Path.cwd())
    rel = path.relative_to(root).as_posix()
    must_have_terminal(rel)
    command = editor_command()
    must_exist(command)
    # Held while the editor is open: another leadwork writing this journal meanwhile
    # (a quick `leadwork story`) would otherwise be overwritten by the editor's save.
    with journal_lock(root):
        # what is wrong elsewhere before the edit: an edit that breaks other files (a
        # person removed who still owns an indicator) is named, not passed as "ok"
        before = _elsewhere(check_journal(Journal(root), today()).problems, path)
        while True:
            status = run_editor(command, path)
            result = check_journal(Journal(root), today())
            problems = [p for p in result.problems if _same(p.file, path)]
            notes = [note for note in result.notes if _concerns(note, path)]
            errors = [p for p in problems if p.severity == "error"]
            if problems:
                report(ProblemsFound(problems=problems, notes=notes))
            else:
                for note in notes:
                    echo(format_note(note, Path.cwd()), err=True)
            if status != 0:  # it may have saved part of it, or nothing: never "ok"
                raise LeadworkError(
                    editor_failed(status, rel, len(errors)),
                    hint=f"look at {rel}, then `leadwork edit {file}` again or `leadwork check`",
                )
            if not errors:
                echo(f"ok: {rel} is valid")
                broken = sorted(_elsewhere(result.problems, path) - before)
                if broken:  # `check` folds one unknown id named in many files into one
                    file, message = broken[0]
                    warn(
                        f"the edit leaves new errors in other files, first "
                        f"{display_path(Path(file), Path.cwd())}: {message}; run `leadwork "
                        "check` for all of them"
                    )
                return
            if not _reopen():
                echo(
                    f"{rel} still has {len(errors)} error{'s' * (len(errors) != 1)}; it is "
                    f"saved as you left it. Fix it with `leadwork edit {file}`.",
                    err=True,
                )
                raise typer.Exit(1)


def _elsewhere(problems: Sequence[Problem], path: Path) -> set[tuple[str, str]]:
    """The errors of the other files, as (file, message)."""
    return {
        (str(p.file), p.message)
        for p in problems
        if p.severity == "error" and p.file is not None and not _same(p.file, path)
    }


def _concerns(note: Note, path: Path) -> bool:
    """A note on this file, or on a definition file whose references from it went unchecked."""
    if note.kind == "definition":
        return not _same(note.file, path)
    return _same(note.file, path)


def _same(file: Path | None, path: Path) -> bool:
    # realpath, not Path.resolve: on Python 3.11 resolve raises on a symlink loop, and a
    # looping team.toml must be reported like any other unreadable file.
    return file is not None and os.path.realpath(file) == os.path.realpath(path)


def _reopen() -> bool:
    """Ask; no answer (end of input, as in a script) means no."""
    try:
        return typer.confirm("Reopen in the editor?", default=True, err=True)
    except typer.Abort:
        echo("", err=True)
        return False
