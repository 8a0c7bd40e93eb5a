"""`leadwork schema`: the JSON Schema of every journal file, for editors (Taplo)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from leadwork.cli.echo import echo
from leadwork.cli.session import session


class SchemaKind(StrEnum):
    """The kinds of journal file (tests/test_schema.py keeps this in step with the models)."""

    leadwork = "leadwork"
    strategy = "strategy"
    capabilities = "capabilities"
    indicators = "indicators"
    team = "team"
    checkin = "checkin"
    one_on_one = "one-on-one"
    strategy_review = "strategy-review"
    capability_review = "capability-review"


def schema(
    ctx: typer.Context,
    kind: Annotated[
        SchemaKind | None,
        typer.Argument(
            metavar="FILE-KIND",
            help="Print this kind of file's schema to stdout instead: "
            + ", ".join(kind.value for kind in SchemaKind)
            + ".",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="DIR",
            help="Write the schemas into DIR instead of the journal's .leadwork/schema/ "
            "(no journal needed).",
            show_default=False,
        ),
    ] = None,
    add_directives: Annotated[
        bool,
        typer.Option(
            "--add-directives",
            help="Also add the #:schema line at the top of each journal file that has none "
            "(files made before leadwork wrote it); nothing else in them changes.",
        ),
    ] = False,
) -> None:
    """Write a JSON Schema for each kind of journal file, generated from leadwork's models.

    By default into the journal's .leadwork/schema/, where the #:schema line at the top of
    each file leadwork writes points (and the journal's .taplo.toml): Taplo and Even Better
    TOML then complete keys and flag mistakes while you type, from any folder. Run it again
    after upgrading leadwork. Files you already have are never changed unless you give
    --add-directives.
    """
    from leadwork.render import schema as schemas
    from leadwork.store.atomic import (
        atomic_write,
        journal_lock,
        make_folder,
        make_output_folder,
        write_output,
    )

    if add_directives and (kind is not None or output is not None):
        from leadwork.errors import UsageProblem

        raise UsageProblem(
            "--add-directives changes the journal's files: it goes without KIND and --output",
            hint="run `leadwork schema --add-directives` on its own",
        )
    if kind is not None:
        echo(schemas.dumps(schemas.json_schema(schemas.KINDS[kind.value])), nl=False)
        return
    texts = schemas.all_schemas()
    if output is not None:
        root = session(ctx).journal_root_if_any()
        make_output_folder(output, root, flag="--output", example="schemas/")
        for name, text in texts.items():
            write_output(output / name, text, root, example="schemas/")
        echo(f"Wrote {len(texts)} schemas to {output}.")
        return
    from leadwork.store import directives

    journal = session(ctx).journal()
    with journal_lock(journal.root):
        folder = journal.writable(schemas.SCHEMA_DIR, folder=True)
        make_folder(folder)
        changed = [name for name, text in texts.items() if _differs(folder / name, text)]
        for name in changed:
            atomic_write(folder / name, texts[name])
        taplo = journal.root / schemas.TAPLO_CONFIG
        wrote_taplo = not taplo.exists()  # the person may have their own: never overwrite it
        if wrote_taplo:
            atomic_write(journal.writable(schemas.TAPLO_CONFIG), schemas.taplo_config())
        added = directives.add(journal) if add_directives else []
        lacking = [] if add_directives else directives.missing(journal.root)
    shown = schemas.SCHEMA_DIR + "/"
    if changed:
        echo(f"Wrote {len(changed)} of {len(texts)} schemas to {shown} (up to date now).")
    else:
        echo(f"The {len(texts)} schemas in {shown} are up to date.")
    if wrote_taplo:
        echo(f"Wrote {schemas.TAPLO_CONFIG} (Taplo's rules for this journal's files).")
    if add_directives:
        if added:
            echo(f"Added the #:schema line to {_files(len(added))}.")
        else:
            echo("Every journal file already has its #:schema line.")
    elif lacking:
        echo(
            f"{_files(len(lacking)).capitalize()} (e.g. {lacking[0]}) "
            f"{'has' if len(lacking) == 1 else 'have'} no #:schema line: editors check "
            f"{'it' if len(lacking) == 1 else 'them'} only inside the journal folder."
        )
        echo("`leadwork schema --add-directives` adds the line at the top; nothing else changes.")


def _files(count: int) -> str:
    return f"{count} journal file{'s' if count != 1 else ''}"


def _differs(path: Path, text: str) -> bool:
    try:
        return path.read_text(encoding="utf-8") != text
    except OSError:
        return True
