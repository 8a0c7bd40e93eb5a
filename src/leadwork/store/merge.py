"""Merge two versions of a journal record by meaning: what git's merge driver runs.

A check-in, a one-on-one or a review written on two machines during the same week is
merged the way a person would: the version here ("ours") is the document the result is
built on, so its comments, order and layout stay, and the other version's changes
("theirs", each judged against the common ancestor, the "base") are applied to it as
edits:

- tables are merged key by key; a value changed on one side only, or alike on both, merges;
- arrays of tables (stories, conversations, commitments, ...) are united: an entry on both
  sides is kept once, an entry added on either side is kept, an entry one side removed and
  the other left alone is removed. Entries with an identity (a commitment's text, a plan's
  indicator) are matched by it and merged key by key, so `done` against `carried` for one
  commitment is a disagreement, not two commitments;
- only a true disagreement (two different values for one key, changed on both sides) is
  left as standard conflict markers around the two lines, under a comment saying what
  differs.

Files that are not TOML on some side, or whose disagreement is not one line (a table
against a value), raise CannotMerge: the caller falls back to git's line merge.
"""

from __future__ import annotations

import copy
import secrets
import tomllib
from dataclasses import dataclass, field
from typing import Any, Literal

import tomlkit
from tomlkit.items import AoT, Table

from leadwork.domain.commitments import keep_ended
from leadwork.store.conflicts import FOLLOW_UPS
from leadwork.store.toml_append import append_inside

Kind = Literal["checkin", "one-on-one", "review"]

# Entries matched by identity rather than by their whole content: which keys name them.
IDENTITY: dict[str, dict[str, tuple[str, ...]]] = {
    "checkin": {"last_week": ("text",), "commitments": ("text",), "plans": ("indicator",)},
    "one-on-one": {
        "plans": ("indicator",),
        "last_time": ("by", "text"),
        "commitments": ("by", "text"),
    },
    "review": {},
}

_MISSING: Any = object()


class CannotMerge(Exception):
    """This merge is not one leadwork can make by meaning; git's line merge decides."""


@dataclass(frozen=True)
class Conflict:
    """One key both sides changed, differently: the two lines, and what differs."""

    what: str  # "readings.nps", "last_week “Book the strategy refresh”.outcome"
    ours: str  # the value as written here
    theirs: str  # the value as written on the other side
    sentinel: str  # stands for the value in the merged text until the markers go in
    # More to do when one side is kept: a follow-up's "carried" against "dropped" leaves
    # the carried copy in [[commitments]] (`commitments.keep_ended`)
    advice: str | None = None

    def explained(self) -> str:
        return f"{self.what} is {_short(self.ours)} here (ours), {_short(self.theirs)} in theirs"

    def told(self) -> str:
        """What differs and, if keeping one side takes more, what: for stderr."""
        return self.explained() + (f"; {self.advice}" if self.advice else "")

    def keep(self) -> str:
        """How to resolve it, for the comment above the markers."""
        line = (
            "Keep one of the two lines, then delete the other, the marker lines and these two "
            "comments"
        )
        return line + (f"; {self.advice}." if self.advice else ".")


@dataclass
class Merged:
    text: str
    conflicts: list[Conflict] = field(default_factory=list)


def merge_records(base: str, ours: str, theirs: str, kind: Kind, marker_size: int = 7) -> Merged:
    """The merge of `ours` and `theirs` (TOML texts) against `base` ("" when both sides
    added the file). CannotMerge when it is not one to make by meaning."""
    try:
        data = [tomllib.loads(text) for text in (base, ours, theirs)]
        ours_doc = tomlkit.parse(ours)
        theirs_doc = tomlkit.parse(theirs)
    except (tomllib.TOMLDecodeError, RecursionError, tomlkit.exceptions.TOMLKitError) as error:
        raise CannotMerge(f"not valid TOML on one side: {error}") from None
    merger = _Merger(kind)
    merger.table(ours_doc, theirs_doc, data[0], data[1], data[2], "")
    text = tomlkit.dumps(ours_doc)
    if merger.conflicts:
        text = _mark(text, merger.conflicts, marker_size)
    elif data[1] != data[2]:
        try:
            tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:  # pragma: no cover - tomlkit wrote it
            raise CannotMerge(f"the merge would not be valid TOML: {error}") from None
    if "\r\n" in ours:
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    return Merged(text, merger.conflicts)


class _Merger:
    def __init__(self, kind: Kind) -> None:
        self.kind = kind
        self.identity = IDENTITY[kind]
        self.conflicts: list[Conflict] = []
        self._token = secrets.token_hex(8)

    def table(
        self,
        ours_table: Any,
        theirs_table: Any,
        base: dict[str, Any],
        ours: dict[str, Any],
        theirs: dict[str, Any],
        where: str,
    ) -> None:
        """Apply theirs' changes since `base` to `ours_table` (a tomlkit container)."""
        for key in [*ours, *(key for key in theirs if key not in ours)]:
            b, o, t = base.get(key, _MISSING), ours.get(key, _MISSING), theirs.get(key, _MISSING)
            if o == t or t == b:
                continue  # alike, or only ours changed: ours stands
            label = f"{where}.{key}" if where else key
            if _entries(o) and t is _MISSING and _entries(b):
                t = []  # theirs removed the whole array: as if each entry
            elif _entries(t) and o is _MISSING and _entries(b):
                o = []  # ours did
            if isinstance(o, dict) and isinstance(t, dict):
                self.table(ours_table[key], theirs_table[key], _dict(b), o, t, label)
            elif _entries(o) and _entries(t):
                self.entries(ours_table, theirs_table, key, _list(b), o, t, label)
            elif o == b or o is _MISSING:
                self.take(ours_table, theirs_table, key, t)  # only theirs changed
            elif t is _MISSING:
                continue  # removed there, changed here: the change stands
            elif _values(o) and _values(t):
                self.values(ours_table[key], _list(b), o, t)
            else:
                self.conflict(ours_table, theirs_table, key, label)

    def take(self, ours_table: Any, theirs_table: Any, key: str, value: Any) -> None:
        if value is _MISSING:
            del ours_table[key]
            return
        self.add(ours_table, key, theirs_table[key])

    def add(self, ours_table: Any, key: str, theirs_item: Any) -> None:
        """Add theirs' item where ours has none: a section where a check-in has it."""
        item = copy.deepcopy(theirs_item)
        if (
            self.kind == "checkin"
            and isinstance(ours_table, tomlkit.TOMLDocument)
            and isinstance(item, Table | AoT)
        ):
            _add_checkin_section(ours_table, key, item)
        elif isinstance(item, AoT) and isinstance(ours_table, tomlkit.TOMLDocument | Table):
            for entry in item:
                append_inside(ours_table, key, entry)
        else:
            ours_table[key] = item

    def entries(
        self,
        ours_table: Any,
        theirs_table: Any,
        key: str,
        base: list[Any],
        ours: list[Any],
        theirs: list[Any],
        label: str,
    ) -> None:
        """Unite two arrays of tables (or of inline tables) against `base`."""
        names = self.identity.get(label)
        ours_array, theirs_array = ours_table.get(key), theirs_table.get(key)
        if names and all(_unique(side, names) for side in (base, ours, theirs)):
            removed, added = self.matched(
                ours_array, theirs_array, base, ours, theirs, names, label
            )
        else:
            removed, added = _counted(base, ours, theirs)
        for index in reversed(removed):
            del ours_array[index]
        if ours_array is not None and not len(ours_array) and not added:
            del ours_table[key]  # no entry left: no empty array either
            return
        if ours_array is None:  # ours has no such array: theirs' new entries make it
            if added:
                kept = [theirs_array[index] for index in added]
                self.add(ours_table, key, _like(theirs_array, kept))
            return
        for index in added:
            entry = copy.deepcopy(theirs_array[index])
            if isinstance(ours_array, AoT):
                append_inside(ours_table, key, entry)
            else:
                ours_array.append(entry)

    def matched(
        self,
        ours_array: Any,
        theirs_array: Any,
        base: list[Any],
        ours: list[Any],
        theirs: list[Any],
        names: tuple[str, ...],
        label: str,
    ) -> tuple[list[int], list[int]]:
        """Entries matched by identity (unique on each side): an entry on both sides is
        merged key by key. Returns ours' entries to remove and theirs' to add."""

        def match(entry: dict[str, Any]) -> tuple[Any, ...]:
            return tuple(entry.get(name) for name in names)

        base_by = {match(entry): entry for entry in base}
        theirs_by = {match(entry): (index, entry) for index, entry in enumerate(theirs)}
        ours_keys = {match(entry) for entry in ours}
        removed = []
        for index, entry in enumerate(ours):
            name = match(entry)
            if name in theirs_by:
                other_index, other = theirs_by[name]
                if other != entry:
                    self.table(
                        ours_array[index],
                        theirs_array[other_index],
                        _dict(base_by.get(name)),
                        entry,
                        other,
                        f"{label} {_name(name)}",
                    )
            elif base_by.get(name, _MISSING) == entry:
                removed.append(index)  # theirs removed it, ours left it as it was
        added = [
            index
            for index, entry in enumerate(theirs)
            if match(entry) not in ours_keys and base_by.get(match(entry), _MISSING) != entry
        ]
        return removed, added

    def values(self, ours_array: Any, base: list[Any], ours: list[Any], theirs: list[Any]) -> None:
        """Unite two arrays of plain values (a review's participants) against `base`."""
        for index in reversed(range(len(ours))):
            if ours[index] in base and ours[index] not in theirs:
                del ours_array[index]
        for value in theirs:
            if value not in ours and value not in base:
                ours_array.append(value)

    def conflict(self, ours_table: Any, theirs_table: Any, key: str, label: str) -> None:
        mine, other = ours_table[key], theirs_table[key]
        if any(isinstance(item, Table | AoT) for item in (mine, other)):
            raise CannotMerge(f"{label} is a table on one side")
        sentinel = f"leadwork-merge-conflict-{self._token}-{len(self.conflicts)}"
        advice = None
        if key == "outcome" and label.startswith(f"{FOLLOW_UPS.get(self.kind)} "):
            advice = keep_ended([str(mine.unwrap()), str(other.unwrap())])
        self.conflicts.append(
            Conflict(label, mine.as_string(), other.as_string(), sentinel, advice)
        )
        ours_table[key] = sentinel


def _counted(base: list[Any], ours: list[Any], theirs: list[Any]) -> tuple[list[int], list[int]]:
    """Entries matched by their whole content, counted (the same story twice is two):
    how many of each the merge keeps, three-way, and so which of ours' entries go (the
    last ones) and which of theirs' come (the last ones). Returns (removed, added)."""
    from collections import Counter

    keys = [[_frozen(entry) for entry in side] for side in (base, ours, theirs)]
    counts = [Counter(side) for side in keys]
    removed: list[int] = []
    added: list[int] = []
    for value in dict.fromkeys(keys[1] + keys[2]):
        in_base, in_ours, in_theirs = (count[value] for count in counts)
        if in_ours == in_theirs or in_theirs == in_base:
            kept = in_ours
        elif in_ours == in_base:
            kept = in_theirs
        else:
            kept = max(in_ours, in_theirs)  # both changed: every entry either side has
        if kept < in_ours:
            removed += [i for i, key in enumerate(keys[1]) if key == value][kept:]
        elif kept > in_ours:
            added += [i for i, key in enumerate(keys[2]) if key == value][in_ours - kept :]
    return sorted(removed), sorted(added)


def _add_checkin_section(document: tomlkit.TOMLDocument, key: str, item: Table | AoT) -> None:
    """A section ours lacks goes where a check-in has it, spaced as leadwork writes it."""
    from leadwork.domain.checkin import SECTION_ORDER, AppendEntry, SetValue
    from leadwork.store.checkins import apply_edits

    if key not in SECTION_ORDER:
        document[key] = item
    elif isinstance(item, AoT):
        apply_edits(document, [AppendEntry(key, entry.unwrap()) for entry in item])
    else:
        apply_edits(document, [SetValue(key, name, value) for name, value in item.unwrap().items()])


def _mark(text: str, conflicts: list[Conflict], marker_size: int) -> str:
    """Put each conflict's two lines between conflict markers, where its value stands."""
    lines = text.split("\n")
    if any(sum(c.sentinel in line for c in conflicts) > 1 for line in lines):
        raise CannotMerge("two disagreements on one line")
    for conflict in conflicts:
        quoted = f'"{conflict.sentinel}"'
        number = next(i for i, line in enumerate(lines) if quoted in line)
        line = lines[number]
        indent = line[: len(line) - len(line.lstrip())]
        lines[number : number + 1] = [
            f"{indent}# leadwork git merge: {conflict.explained()}.",
            f"{indent}# {conflict.keep()}",
            "<" * marker_size + " ours",
            line.replace(quoted, conflict.ours, 1),
            "=" * marker_size,
            line.replace(quoted, conflict.theirs, 1),
            ">" * marker_size + " theirs",
        ]
    return "\n".join(lines)


def _short(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= 60 else value[:57] + "…"


def _name(name: Any) -> str:
    if isinstance(name, tuple):
        shown = " ".join(str(part) for part in name if part is not None)
        return f"“{_short(shown)}”"
    return ""


def _like(array: Any, entries: list[Any]) -> Any:
    """An array of the same kind as `array` (of tables, or inline), holding `entries`."""
    made = tomlkit.aot() if isinstance(array, AoT) else tomlkit.array()
    for entry in entries:
        made.append(entry)
    return made


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _entries(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(entry, dict) for entry in value)


def _values(value: Any) -> bool:
    return isinstance(value, list) and not any(isinstance(v, dict | list) for v in value)


def _unique(entries: list[Any], names: tuple[str, ...]) -> bool:
    keys = [tuple(entry.get(n) for n in names) for entry in entries]
    return len(set(keys)) == len(keys)


def _frozen(value: Any) -> Any:
    """A hashable stand-in for a plain value (an entry compared by its whole content)."""
    if isinstance(value, dict):
        return frozenset((key, _frozen(item)) for key, item in value.items())
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    return value


def record_kind(path: str) -> Kind | None:
    """What a file is, from its path in the repository (git's %P): a check-in, a
    one-on-one, a review, or None (a definition file, or anything else)."""
    from leadwork import layout

    parts = path.replace("\\", "/").split("/")
    folder, name = (parts[-2] if len(parts) > 1 else ""), parts[-1]
    if folder == layout.CHECKINS and layout.CHECKIN_NAME.match(name):
        return "checkin"
    if folder == layout.ONE_ON_ONES and layout.ONE_ON_ONE_NAME.match(name):
        return "one-on-one"
    if folder == layout.REVIEWS and layout.REVIEW_NAME.match(name):
        return "review"
    return None


def valid_record(path: str, kind: Kind, text: str) -> bool:
    """Whether `text` is a valid file of its kind (the model's rules, not the journal's)."""
    from pathlib import Path

    from leadwork import layout
    from leadwork.errors import InvalidFile
    from leadwork.store.document import parse
    from leadwork.store.journal import CHECKIN, ONE_ON_ONE, model_class, review_model
    from leadwork.store.validation import validate

    if kind == "checkin":
        model = CHECKIN
    elif kind == "one-on-one":
        model = ONE_ON_ONE
    else:
        found = layout.REVIEW_NAME.match(Path(path).name)
        model = review_model(found[2] if found else "strategy")
    try:
        validate(model_class(model), parse(Path(path), text))
    except InvalidFile:
        return False
    return True
