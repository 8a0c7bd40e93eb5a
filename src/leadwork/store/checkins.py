"""Writing a week's check-in: a new file, an amended file, and drafts of unfinished ones.

A new file is written from the model (`serialize.dumps`) under a one-line header. A file
that exists is amended through `store.edit.edit_file`: the edits the domain computed are
applied to a tomlkit document, so the person's comments, blank lines and order survive and
every byte the edits do not touch stays as it was. tomlkit is imported only for that, so a
non-interactive check-in of a new week never pays for it.

Drafts: an interview saves its answers after each one in `.drafts/YYYY-Www.toml` (ignored
by git, see the `init` template's .gitignore), so Ctrl-C, a closed terminal or a crash
loses nothing; the next interactive run offers to resume, a finished one deletes it.
"""

from __future__ import annotations

import contextlib
import tomllib
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tomli_w

from leadwork import layout
from leadwork.domain.checkin import (
    SECTION_ORDER,
    Answers,
    CarriedCopyChanged,
    Draft,
    Edit,
    Merged,
    Saved,
    WriteOutcome,
    week_label,
)
from leadwork.errors import WriteRefused
from leadwork.model.words import AREAS, HOUR_AREAS, REFLECTION_KEYS
from leadwork.store.atomic import atomic_write, journal_lock, make_folder
from leadwork.store.journal import Journal
from leadwork.store.serialize import dumps
from leadwork.store.together import Together
from leadwork.weeks import Week

if TYPE_CHECKING:
    from tomlkit import TOMLDocument

    from leadwork.domain.checkin import RemoveEntry
    from leadwork.model.checkin import Checkin


def header(week: Week) -> str:
    return f"Check-in for {week_label(week)}"


def save_week(
    journal: Journal,
    week: Week,
    build: Callable[[Checkin | None], Merged],
    also: Callable[[Together], object] | None = None,
) -> Saved:
    """Merge and write under the journal's lock, against the file as it is now: a story
    captured from another terminal while an interview ran is kept, not overwritten.
    `also` plans the other files the same change writes (a step marked done in
    capabilities.toml): they and the check-in are written together, all or none.

    When nothing changes, nothing is locked or written (not even the lock file).
    """
    rel = journal.checkin_rel(week)
    current = journal.checkin(week)
    with _located(journal, rel):
        merged = build(current)
    if not merged.changed and also is None:
        return Saved(merged, rel, "unchanged", current is not None)
    with journal_lock(journal.root):
        together = Together(journal)
        saved = plan_week(together, week, build)
        if also is not None:
            also(together)
        together.write()
    return saved


def save_weeks(
    journal: Journal, builds: Mapping[Week, Callable[[Checkin | None], Merged]]
) -> list[Saved]:
    """`save_week` for many weeks at once (an import), all or nothing: under the journal's
    lock every week is merged and its new text made and verified (comments kept) before
    any file is written; then they are written together (`store.together`): all of them,
    or none, even when the process is killed between two."""
    with journal_lock(journal.root):
        together = Together(journal)
        saved = [plan_week(together, week, builds[week]) for week in sorted(builds)]
        together.write()
    return saved


def plan_week(together: Together, week: Week, build: Callable[[Checkin | None], Merged]) -> Saved:
    """The week's check-in merged against the file as it is now (the caller holds the
    lock), and its new text planned in `together` if anything changed."""
    journal = together.journal
    rel = journal.checkin_rel(week)
    journal.forget(rel)
    current = journal.checkin(week)
    outcome: WriteOutcome = "unchanged"
    with _located(journal, rel):
        merged = build(current)
        if merged.changed and current is None and merged.checkin is not None:
            together.create(rel, dumps(merged.checkin, header(week)))
            outcome = "created"
        elif merged.changed:
            from leadwork.model.checkin import Checkin

            together.edit(rel, lambda document: apply_edits(document, merged.edits), Checkin)
            outcome = "amended"
    return Saved(merged, rel, outcome, current is not None)


@contextlib.contextmanager
def _located(journal: Journal, rel: str) -> Iterator[None]:
    """A carried copy the run may not remove (`CarriedCopyChanged`), named at its line of
    the week's file, as `check` names a problem: FILE:LINE:COL, the line, the hint."""
    try:
        yield
    except CarriedCopyChanged as refused:
        problem = journal.document(rel).problem(refused.path, refused.message, refused.hint)
        raise WriteRefused(problems=[problem]) from None


# ---- amending with tomlkit ----------------------------------------------------------------


def apply_edits(document: TOMLDocument, edits: Sequence[Edit]) -> list[str]:
    """Apply the domain's edits, then give each new table the blank lines the example has.
    Returns the table headers an edit removed on purpose (`store.edit.edited` checks that
    no other line of the person's went)."""
    from leadwork.domain.checkin import AppendEntry, RemoveEntry, SetInEntry, SetValue

    fresh: list[Any] = []  # the tables this edit made, whose layout is ours to choose
    removed: list[str] = []
    for edit in edits:
        if isinstance(edit, SetValue):
            if edit.table is None:
                document[edit.key] = edit.value
            else:
                table = _table(document, edit.table, fresh)
                order = KEY_ORDER.get(edit.table, ())
                _set_key(table, edit.key, _value(edit.value), order)
        elif isinstance(edit, SetInEntry):
            document[edit.array][edit.index][edit.key] = _value(edit.value)
        elif isinstance(edit, AppendEntry):
            _append_entry(document, edit.array, edit.data, fresh)
        elif isinstance(edit, RemoveEntry):
            removed += _remove_entry(document, edit)
    for name in {edit.array for edit in edits if isinstance(edit, RemoveEntry)}:
        # its last entry went: no empty array is left, unless a comment of the person's
        # stands in it (a line of its own in an inline array, or after its `]`)
        if name in document and not len(document[name]) and not _comments(document[name]):
            del document[name]
    _space_out(document, fresh)
    return removed


def _remove_entry(document: TOMLDocument, edit: RemoveEntry) -> list[str]:
    """Take entry `edit.index` out of `[[edit.array]]` (or of an inline array); its header
    is the line that goes (an array left empty goes too, in `apply_edits`). An entry that holds a
    comment is the person's: refused (`CarriedCopyChanged`), as the domain refuses an
    entry whose keys changed."""
    import tomlkit

    from leadwork.domain.checkin import CarriedCopyChanged

    array: Any = document[edit.array]
    entry = array[edit.index]
    if isinstance(entry, tomlkit.items.Table):
        commented = any(
            isinstance(item, tomlkit.items.Comment)
            or (not isinstance(item, tomlkit.items.Whitespace) and bool(item.trivia.comment))
            for _, item in entry.value.body
        )
        where = f"[[{edit.array}]]"
    else:  # an inline array: a comment on the copy's own line goes with it (tomlkit), and
        # is refused like one in a table; a comment line of its own stays where it is
        commented = _inline_comment_lines(array).get(edit.index) is not None
        where = f"`{edit.array} = [...]`"
    if commented:
        raise CarriedCopyChanged(
            (edit.array, edit.index),
            f"the carried copy in {where} holds a comment of yours, so leadwork "
            "does not remove it; nothing was written",
            f"remove the copy from {where} by hand, then give the outcome again; "
            'or keep the outcome "carried"',
        )
    last = edit.index == len(array) - 1 and document.body[-1][1] is array
    del array[edit.index]
    if last:  # the file ended with it: the blank line above it goes too
        _trim_end(document, array)
    return [f"[[{edit.array}]]"] if isinstance(entry, tomlkit.items.Table) else []


def _inline_comment_lines(array: Any) -> dict[int, str]:
    """An inline array's entries that share their line with a comment, by index: read from
    the array's own text with leadwork's source map (tomlkit has no public name for the
    comment that follows an entry; an inline table is one line, so its line is its own).
    A comment line of its own between entries is the array's, and stays where it is."""
    from leadwork.store.sourcemap import SourceMap

    source = SourceMap("x = " + array.as_string())
    found = {}
    for index in range(len(array)):
        line = source.locate(("x", index)).line
        if line in source.comments:
            found[index] = source.comments[line]
    return found


def _array_comments(array: Any) -> bool:
    """Whether an inline array's text holds a comment anywhere (a line of its own too)."""
    from leadwork.store.sourcemap import SourceMap

    return bool(SourceMap("x = " + array.as_string()).comments)


def _comments(array: Any) -> bool:
    """Whether an array (inline or of tables) still holds a comment of the person's."""
    import tomlkit

    if isinstance(array, tomlkit.items.AoT):
        return False  # its tables went, each refused if it held one (`_remove_entry`)
    return bool(array.trivia.comment) or _array_comments(array)


def _value(value: Any) -> Any:
    """Text with a line break reads better as a multi-line string, as tomli-w writes it."""
    import tomlkit

    if isinstance(value, str) and "\n" in value and "\r" not in value:
        return tomlkit.string(value, multiline=True)
    return value


def _table(document: TOMLDocument, name: str, fresh: list[Any]) -> Any:
    import tomlkit

    if name not in document:
        table = tomlkit.table()
        fresh.append(table)
        _insert_section(document, name, table)
    return document[name]


# The model's order of a table's keys (`[hours]`: alignment, capability, accountability,
# someone_elses_job, other), which a new key keeps among those already there.
KEY_ORDER: dict[str, tuple[str, ...]] = {
    "hours": HOUR_AREAS,
    "confidence": AREAS,
    "reflection": REFLECTION_KEYS,
}


def _set_key(table: Any, key: str, value: Any, order: Sequence[str] = ()) -> None:
    """Set a key. A new one goes where `order` (the model's order of the table's keys)
    puts it among the keys already there: above the first key that comes after it in that
    order, and above the comment and blank lines over that key (they are about it), without
    moving the person's own keys, whatever their order; else right after the table's last
    key, above any comment or blank line that ends the table (which belongs to what
    follows: `# about hours`)."""
    body = getattr(table.value, "body", None)
    if body is None:  # `readings.a = 1` twice: tomlkit's proxy over dotted keys has no body
        table[key] = value
        return
    if key not in table and key in order:
        rank = order.index(key)
        later = next(
            (
                i
                for i, (k, _) in enumerate(body)
                if k is not None and k.key in order and order.index(k.key) > rank
            ),
            None,
        )
        if later is not None:
            from leadwork.store.toml_order import insert

            at = later
            keyed_before = any(k is not None for k, _ in body[:later])
            while keyed_before and at > 0 and body[at - 1][0] is None:
                at -= 1  # above the comments and blank lines over that key (tomlkit
                # puts it right after the key before, above those blank lines)
            insert(table.value, at, key, value)
            return
    last = max((i for i, (k, _) in enumerate(body) if k is not None), default=None)
    if key in table or last is None or last == len(body) - 1:
        table[key] = value
        return
    # Only comments and blank lines follow the last key: set aside, then put back below.
    trailing = [item for _, item in body[last + 1 :]]
    del body[last + 1 :]  # unkeyed items: tomlkit's key map does not index them
    table[key] = value
    for item in trailing:
        table.value.append(None, item)


def _append_entry(
    document: TOMLDocument, array: str, data: dict[str, Any], fresh: list[Any]
) -> None:
    import tomlkit

    if array in document and not isinstance(document[array], tomlkit.items.AoT):
        # The person (or a tool) wrote `stories = [{ text = "..." }, ...]`: keep that style,
        # on one line (a line break in a text is escaped, as in the rest of the entry).
        from leadwork.store.toml_append import append_inline

        append_inline(document[array], data)
        return
    entry = tomlkit.table()
    for key, value in data.items():
        entry[key] = _value(value)
    fresh.append(entry)
    if array in document:
        aot = document[array]
        if len(aot):  # empty only while an edit took its last entry out (`RemoveEntry`)
            _move_trailing_comments(aot[-1], entry)
        aot.append(entry)
    else:
        aot = tomlkit.aot()
        aot.append(entry)
        _insert_section(document, array, aot)


def _move_trailing_comments(source: Any, target: Any) -> None:
    """A comment line after a table's last key introduces what follows it (tomlkit files
    it under the table above). When a new table goes in between, the comment moves to the
    new table's end, so it still sits right above what it is about."""
    import tomlkit

    body = source.value.body
    last = max((i for i, (k, _) in enumerate(body) if k is not None), default=None)
    if last is None:
        return
    trailing = body[last + 1 :]
    if not any(isinstance(item, tomlkit.items.Comment) for _, item in trailing):
        return
    del body[last + 1 :]  # unkeyed items: tomlkit's key map does not index them
    for _, item in trailing:
        target.add(item)
    target.keeps_its_end = True  # _space_out: its end is the person's spacing, not ours


def _insert_section(document: TOMLDocument, name: str, item: Any) -> None:
    """Add a missing section where the example journal has it: before the first section
    that follows it in SECTION_ORDER (a new [hours] goes above the [[stories]] a quick
    capture wrote), else at the end."""
    import tomlkit

    from leadwork.store.toml_order import insert

    # Only before a [table] or [[array]] header: a plain `key = value` line above the
    # new header would become part of the new table.
    rank = SECTION_ORDER.index(name)
    index = next(
        (
            i
            for i, (key, item) in enumerate(document.body)
            if key is not None
            and not key.is_dotted()  # `hours.other = 1` is a key line, not a header
            and isinstance(item, tomlkit.items.Table | tomlkit.items.AoT)
            and key.key in SECTION_ORDER
            and SECTION_ORDER.index(key.key) > rank
        ),
        None,
    )
    if index is None:
        document.append(name, item)
        return
    while index > 0 and isinstance(document.body[index - 1][1], tomlkit.items.Comment):
        index -= 1  # above the comment that introduces the following section
    above = document.body[index - 1][1] if index > 0 else None
    if isinstance(above, tomlkit.items.AoT):
        above = above.body[-1]
    if isinstance(above, tomlkit.items.Table):
        first = item.body[0] if isinstance(item, tomlkit.items.AoT) else item
        _move_trailing_comments(
            above, item.body[-1] if isinstance(item, tomlkit.items.AoT) else first
        )
    insert(document, index, name, item)


def _trim_end(document: TOMLDocument, array: Any) -> None:
    """The blank line that ends the file's last table (it stood above a table since taken
    out, `_remove_entry`), so the file ends with one line break, as leadwork writes it."""
    import tomlkit

    emptied = not len(array)  # goes in `apply_edits`
    pieces = [p for _, p in document.body if not (emptied and p is array)]
    last = pieces[-1] if pieces else None
    if isinstance(last, tomlkit.items.AoT):
        last = last.body[-1]
    if not isinstance(last, tomlkit.items.Table):
        return
    body = last.value.body
    while body and body[-1][0] is None and isinstance(body[-1][1], tomlkit.items.Whitespace):
        del body[-1]  # unkeyed items: tomlkit's key map does not index them
    if not last.as_string().endswith("\n"):
        last.add(tomlkit.nl())


def _space_out(document: TOMLDocument, fresh: list[Any]) -> None:
    """One blank line between a new table and whatever comes before or after it, as in
    the example journal; the person's own tables keep their spacing byte for byte."""
    import tomlkit

    new = {id(table) for table in fresh}
    previous: Any = None
    for _, item in document.body:
        pieces = item.body if isinstance(item, tomlkit.items.AoT) else [item]
        for piece in pieces:
            if previous is not None:
                missing = 2 - _newlines_at_end(previous)
                if id(piece) in new and missing > 0:
                    piece.trivia.indent = "\n" * missing
                elif id(previous) in new and missing > 0 and not _keeps_its_end(previous):
                    previous.add(tomlkit.nl())
            previous = piece


def _keeps_its_end(table: Any) -> bool:
    return getattr(table, "keeps_its_end", False)


def _newlines_at_end(item: Any) -> int:
    """How many line breaks end this top-level piece: 2 means it ends with a blank line."""
    import tomlkit

    if isinstance(item, tomlkit.items.Whitespace):
        return 2
    if isinstance(item, tomlkit.items.Table):
        text = item.as_string()
        if not text:
            return 1  # a header alone: `[hours]` and its line break
        return min(2, len(text) - len(text.rstrip("\n")))
    return 1  # `key = value` or a comment, with its line break


# ---- drafts -------------------------------------------------------------------------------


def draft_rel(week: Week) -> str:
    return f"{layout.DRAFTS}/{week}.toml"


def draft_weeks(journal: Journal) -> list[Week]:
    """The weeks an unfinished check-in is kept for (`draft_rel`), in order."""
    folder = journal.path(layout.DRAFTS)
    if not folder.is_dir():
        return []
    weeks = []
    for path in folder.glob("*.toml"):
        with contextlib.suppress(ValueError):
            week = Week.parse(path.stem)
            if draft_rel(week) == f"{layout.DRAFTS}/{path.name}":
                weeks.append(week)
    return sorted(weeks)


def save_draft(journal: Journal, draft: Draft) -> Path:
    path = journal.writable(draft_rel(draft.week))
    make_folder(path.parent)
    data = {
        "week": str(draft.week),
        "answered": list(draft.answered),
        "answers": draft.answers.to_data(),
    }
    text = (
        f"# An unfinished check-in for {draft.week}, kept by leadwork after each answer.\n"
        "# The next `leadwork checkin` for that week offers to resume it; finishing deletes it.\n"
        + tomli_w.dumps(data)
    )
    atomic_write(path, text)
    return path


def load_draft(journal: Journal, week: Week) -> Draft | None:
    """The week's draft, or None if there is none. ValueError if it cannot be read."""
    path = journal.path(draft_rel(week))
    if not path.is_file():
        return None
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))  # the parser already loaded
        if data.get("week") != str(week):
            raise ValueError(f"it is for {data.get('week')!r}, not {week}")
        answered = data.get("answered", [])
        if not isinstance(answered, list) or not all(isinstance(a, str) for a in answered):
            raise ValueError("'answered' is not a list of questions")
        answers = data.get("answers", {})
        if not isinstance(answers, dict):
            raise ValueError("'answers' is not a table")
        return Draft(week, answered, Answers.from_data(answers))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ValueError(str(error)) from None


def delete_draft(journal: Journal, week: Week) -> None:
    path = journal.path(draft_rel(week))
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    with contextlib.suppress(OSError):  # only if empty: the person may keep things there
        path.parent.rmdir()
