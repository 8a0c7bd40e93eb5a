"""The `#:schema` line in files the person already has (`leadwork schema --add-directives`).

New files get theirs when they are written (`layout.with_schema_directive`). An existing
file is the person's: leadwork adds the line only when asked, as the file's first line,
and changes nothing else in it (not its line endings, not its byte order mark). A file
with a `#:schema` line of its own, anywhere, keeps it and is left alone.
"""

from __future__ import annotations

from pathlib import Path

from leadwork import layout
from leadwork.store.atomic import atomic_write
from leadwork.store.journal import Journal

BOM = "\ufeff"


def journal_rels(root: Path) -> list[str]:
    """Every journal file that has a schema, relative to the root, in a stable order."""
    rels = [name for name in layout.DEFINITION_FILES if (root / name).is_file()]
    for folder in layout.FOLDERS:
        if (root / folder).is_dir():
            rels += [
                f"{folder}/{path.name}"
                for path in sorted((root / folder).glob("*.toml"))
                if path.is_file()
            ]
    return [rel for rel in rels if layout.schema_name(rel) is not None]


def _read(path: Path) -> str | None:
    try:
        with path.open(encoding="utf-8", newline="") as file:
            return file.read()
    except (OSError, UnicodeDecodeError):
        return None  # `leadwork check` names what is wrong with it; nothing to add here


def _has_directive(text: str) -> bool:
    return any(
        line.lstrip(BOM).startswith(layout.SCHEMA_DIRECTIVE.strip()) for line in text.splitlines()
    )


def missing(root: Path) -> list[str]:
    """The journal files with no `#:schema` line."""
    result = []
    for rel in journal_rels(root):
        text = _read(root / rel)
        if text is not None and not _has_directive(text):
            result.append(rel)
    return result


def with_directive(rel: str, text: str) -> str:
    """`text` with the directive as its first line (after a byte order mark), in the line
    ending the file already uses."""
    line = layout.schema_directive(rel)
    assert line is not None
    bom = BOM if text.startswith(BOM) else ""
    ending = "\r\n" if "\r\n" in text else "\n"
    return f"{bom}{line}{ending}{text.removeprefix(bom)}"


def add(journal: Journal) -> list[str]:
    """Add the directive to every journal file without one; the files changed. The caller
    holds the journal lock. Each file is replaced atomically (never through a link that
    leads out of the journal)."""
    added = []
    for rel in missing(journal.root):
        path = journal.writable(rel)
        text = _read(path)
        if text is None:
            continue
        atomic_write(path, with_directive(rel, text))
        added.append(rel)
    return added
