"""Several journal files changed as one: every command that writes more than one file
(a one-on-one with its story and agreed indicators, a check-in that marks a capability's
step done, a capability review that sets the level) plans each file's new text here, then
writes them all at once through `atomic.write_together`: all of them land, or none.

Planning reads nothing twice: an edit of a file already planned (two indicators agreed in
one meeting) starts from the planned text, so each edit sees the ones before it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from leadwork import layout
from leadwork.errors import WriteRefused
from leadwork.store.atomic import make_folder, write_together
from leadwork.store.document import BOM
from leadwork.store.journal import Journal

if TYPE_CHECKING:
    from pydantic import BaseModel
    from tomlkit import TOMLDocument

M = TypeVar("M", bound="BaseModel")


class Together:
    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self._texts: dict[str, tuple[Path, str]] = {}  # rel -> (path, new text), in order

    def exists(self, rel: str) -> bool:
        """Whether `rel` exists on disk or is to be created by this change."""
        return rel in self._texts or self.journal.path(rel).exists()

    def create(self, rel: str, text: str) -> Path:
        """A new file; refused if one is there already (leadwork never overwrites a record).
        It starts with its `#:schema` line, so editors check it from any folder."""
        path = self.journal.writable(rel)
        if rel in self._texts or path.exists() or path.is_symlink():
            raise WriteRefused("already exists; nothing was written", file=path)
        from leadwork.store.names import refuse_second

        refuse_second(self.journal, rel)  # a second file for one week or meeting: never
        self._texts[rel] = (path, layout.with_schema_directive(rel, text))
        return path

    def edit(
        self, rel: str, mutate: Callable[[TOMLDocument], Sequence[str] | None], model: type[M]
    ) -> tuple[str, str, M]:
        """Plan an edit of `rel` (see `store.edit.edited`): (old text, new text, model)."""
        from leadwork.store.edit import edited  # tomlkit: only for a file that is edited

        path = self.journal.writable(rel)
        planned = self._texts.get(rel)
        old, new, validated = edited(path, mutate, model, planned[1] if planned else None)
        self._texts[rel] = (path, new)
        return old, new.removeprefix(BOM), validated

    @property
    def rels(self) -> list[str]:
        """The files this change writes, relative to the journal (for `git add`)."""
        return list(self._texts)

    def write(self) -> None:
        """Write every planned file, all or none. The caller holds the journal lock."""
        for path, _ in self._texts.values():
            make_folder(path.parent)
        try:
            write_together(self.journal.root, list(self._texts.values()))
        finally:
            for rel in self._texts:
                self.journal.forget(rel)
