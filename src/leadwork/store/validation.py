"""Validate a Document against its model, turning pydantic's errors into located problems.

Pydantic's messages are written for programmers ("Input should be a valid number"); the
person editing a TOML file needs the key, the line, what was expected in TOML terms, and,
for a typo, the key they probably meant.
"""

from __future__ import annotations

import copy
import difflib
import re
import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from leadwork.errors import InvalidFile, Problem
from leadwork.layout import KeyPath
from leadwork.model.words import ID_PATTERN
from leadwork.store.document import Document
from leadwork.store.tomltext import is_indicator_number, number_hint, typed_number
from leadwork.values import format_number
from leadwork.weeks import as_iso_date

M = TypeVar("M", bound=BaseModel)

_EXPECTED = {
    "string_type": "text in quotes",
    "int_type": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "list_type": 'an array, like ["a", "b"]',
    "date_type": "a date like 2026-11-24 (no quotes, no time)",
    "model_type": "a table",
    "model_attributes_type": "a table",
    "dict_type": "a table",
}


def validate(model: type[M], document: Document) -> M:
    """The document's data as `model`, or InvalidFile listing every problem in it."""
    try:
        return model.model_validate(document.data)
    except ValidationError as error:
        raise InvalidFile(problems=problems_from(error, model, document)) from None


@dataclass(frozen=True)
class Dropped:
    """An entry of an array of tables (an indicator, a person) that cannot stand without
    its values in error, left out whole; `id`: its id as written, when that is a valid one
    (references to it are then to a known id, whose entry is in error)."""

    array: str  # "indicators"
    index: int  # its place in the file's array
    id: str | None


@dataclass(frozen=True)
class Salvaged(Generic[M]):
    """What is valid in a document that fails validation: its model, the paths of the
    values left out, and the entries left out whole (`dropped`)."""

    model: M
    left_out: list[KeyPath]
    dropped: list[Dropped]

    def in_file(self, path: KeyPath) -> KeyPath:
        """A path in the model (("indicators", 1, "owner")) as a path in the file: an entry
        after a dropped one sits one place further down there."""
        if len(path) < 2 or not isinstance(path[1], int):
            return path
        index = path[1]
        for dropped in sorted(d.index for d in self.dropped if d.array == path[0]):
            if dropped <= index:
                index += 1
        return (path[0], index, *path[2:])


def salvage(model: type[M], document: Document, entries: bool = False) -> Salvaged[M] | None:
    """The model of what is valid in a document that fails validation, with the paths of
    the values left out; None when the file does not stand without them.

    So that `check` can still check the rest of the file against the journal: pydantic
    judges what is left, exactly as it judged the whole. Single values are left out (a
    wrong type, an unknown key, a number out of bounds); with `entries`, an entry of a
    top-level array of tables that cannot stand without them (a required key misspelt or
    wrong) is left out whole, the others kept (`Salvaged.dropped`). Never a required key
    of the file itself, nor a whole table or array: without those, every reference to an
    id they hold would look unknown, and reports about them would be false."""
    try:
        return Salvaged(model.model_validate(document.data), [], [])
    except ValidationError as error:
        items = error.errors(include_url=False)
    data = copy.deepcopy(document.data)
    left_out: list[KeyPath] = []
    drop: set[tuple[str, int]] = set()
    for _ in range(4):  # a value left out may make its entry fail next: a required key
        this_round: list[KeyPath] = []
        for item in items:
            loc = _in_document(_clean_loc(model, item["loc"]), data, drop)
            if loc in this_round:
                continue  # a union's members each report the same value
            if item["type"] != "missing" and _leave_out(model, data, loc):
                this_round.append(loc)
                left_out.append(loc)
                continue
            entry = _entry_at(data, loc) if entries else None
            if entry is None:
                return None
            drop.add(entry)
        try:
            kept = model.model_validate(_without(data, drop))
        except ValidationError as error:
            items = error.errors(include_url=False)
            continue
        dropped = [Dropped(*entry, _entry_id(data, entry, left_out)) for entry in sorted(drop)]
        inside = [p for p in left_out if (p[:2] not in drop)]
        return Salvaged(kept, inside, dropped)
    return None


def _leave_out(model: type[BaseModel], data: dict[str, Any], loc: KeyPath) -> bool:
    """Leave out the single value at `loc`, if it is one that may go (see `salvage`)."""
    if not loc or not isinstance(loc[-1], str) or _holds_values(model, loc):
        return False
    table = _value_at(data, loc[:-1])
    if not isinstance(table, dict):
        return False
    if loc[-1] not in table:
        return False
    table.pop(loc[-1])
    return True


def _entry_at(data: dict[str, Any], loc: KeyPath) -> tuple[str, int] | None:
    """The entry of a top-level array of tables that `loc` lies in, if it does."""
    if len(loc) < 2 or not isinstance(loc[0], str) or not isinstance(loc[1], int):
        return None
    array = data.get(loc[0])
    if not isinstance(array, list) or not 0 <= loc[1] < len(array):
        return None
    if not all(isinstance(entry, dict) for entry in array):
        return None
    return (loc[0], loc[1])


def _without(data: dict[str, Any], drop: set[tuple[str, int]]) -> dict[str, Any]:
    kept = dict(data)
    for key in {key for key, _ in drop}:
        kept[key] = [e for i, e in enumerate(data[key]) if (key, i) not in drop]
    return kept


def _in_document(loc: KeyPath, data: dict[str, Any], drop: set[tuple[str, int]]) -> KeyPath:
    """A loc in the data without the dropped entries as a loc in the whole data."""
    if len(loc) < 2 or not isinstance(loc[0], str) or not isinstance(loc[1], int):
        return loc
    index = -1
    for _ in range(loc[1] + 1):
        index += 1
        while (loc[0], index) in drop:
            index += 1
    return (loc[0], index, *loc[2:])


def _entry_id(data: dict[str, Any], entry: tuple[str, int], left_out: list[KeyPath]) -> str | None:
    ident = data[entry[0]][entry[1]].get("id")
    if (*entry, "id") in left_out or not isinstance(ident, str):
        return None
    return ident if re.fullmatch(ID_PATTERN, ident) else None


def _holds_values(model: type[BaseModel], loc: KeyPath) -> bool:
    """Whether the model expects a table or an array at `loc`."""
    current: Any = model
    for part in loc:
        current = _step(current, part)
        if current is None:
            return False  # not a key of the model: an unknown key, which holds nothing
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return True
    return typing.get_origin(current) in (list, dict)


def problems_from(
    error: ValidationError, model: type[BaseModel], document: Document
) -> list[Problem]:
    problems = []
    # A value that fits none of a union's types (`done = "yes"` for a date or a boolean)
    # yields one error per member: report them as one problem listing what would fit.
    by_loc: dict[KeyPath, list[Any]] = {}
    for item in error.errors(include_url=False):
        by_loc.setdefault(_clean_loc(model, item["loc"]), []).append(item)
    for loc, items in by_loc.items():
        expected = [_EXPECTED[i["type"]] for i in items if i["type"] in _EXPECTED]
        if len(items) > 1 and len(expected) == len(items):
            key = next((str(p) for p in reversed(loc) if isinstance(p, str)), "")
            value = items[0].get("input")
            message = (
                f"'{key}'{_where(loc, document.data)} should be {' or '.join(expected)}, "
                f"not {_describe(value)}"
            )
            kinds = [i["type"] for i in items]
            hint = (
                unquote_hint(value, kinds, is_indicator_number(loc))
                if isinstance(value, str)
                else None
            )
            problems.append(document.problem(loc, message, hint))
            continue
        for item in items:
            message, hint = _explain(item, loc, model, document.data)
            problems.append(document.problem(loc, message, hint))
    return problems


_QUOTED = ("int_type", "float_type", "date_type", "bool_type")


def unquote_hint(value: str, kinds: Sequence[str], of_indicator: bool = False) -> str | None:
    """How to write a quoted value that should be a number, a date or a boolean: removing
    the quotes is the fix only when what is left is valid TOML (`"5,4"` -> 5.4, not 5,4;
    `"95%"` -> 95, not 95%). `of_indicator`: the value is a reading, target or threshold."""
    text = value.strip()
    if any(k in ("int_type", "float_type") for k in kinds):
        typed = typed_number(text)  # `"95%"` -> 95, `"95,5"` -> 95.5: the number to write
        if typed is not None:
            return number_hint(typed, quoted=True, of_indicator=of_indicator)
        try:
            float(text)
        except ValueError:
            return "write a number, without quotes"
        return "remove the quotes around the value"
    if text in ("true", "false") and "bool_type" in kinds:
        return "remove the quotes around the value"
    if "date_type" in kinds and "bool_type" in kinds and not as_iso_date(text):
        return "write true, false or the day as YYYY-MM-DD, without quotes"
    if "date_type" in kinds:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return "remove the quotes around the value"
        found = as_iso_date(text)
        return (
            f"write {found[0]}, without quotes (a day is written YYYY-MM-DD)"
            if found
            else "write the day as YYYY-MM-DD, without quotes"
        )
    if "bool_type" in kinds:
        return "write true or false, without quotes"
    return None


def _clean_loc(model: type[BaseModel], raw: tuple[Any, ...]) -> KeyPath:
    """pydantic's loc without what is not a TOML key: "[key]" markers of dict keys, and the
    member tags a union adds ("date", "bool")."""
    loc: list[str | int] = []
    current: Any = model
    for part in raw:
        if part == "[key]":
            continue
        current = _optional_of(current)  # `[hours]` is `TimeAudit | None`: no member tags
        following = _step(current, part) if current is not None else None
        if following is None and isinstance(part, str) and _is_union(current):
            continue  # a union member's tag, not a key
        loc.append(part)
        current = following
    return tuple(loc)


def _optional_of(annotation: Any) -> Any:
    """`X | None` as `X`: pydantic adds no member tag to a loc for an optional value, so a
    key inside an optional table (`alignmnet` in `[confidence]`) is a key, not a tag."""
    bare = annotation
    while typing.get_origin(bare) is typing.Annotated:
        bare = typing.get_args(bare)[0]
    if not _is_union(bare):
        return annotation
    members = [a for a in typing.get_args(bare) if a is not type(None)]
    return members[0] if len(members) == 1 else annotation


def _is_union(annotation: Any) -> bool:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return typing.get_origin(annotation) in (typing.Union, types.UnionType)


def _value_at(data: Any, loc: KeyPath) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _where(loc: KeyPath, data: dict[str, Any]) -> str:
    """' in [[indicators]] "otd"' for a key inside an array-of-tables entry with an id."""
    for end in range(len(loc) - 1, 0, -1):
        index = loc[end]
        if isinstance(index, int) and isinstance(loc[end - 1], str):
            entry = _value_at(data, loc[: end + 1])
            table = ".".join(str(p) for p in loc[:end] if isinstance(p, str))
            if isinstance(entry, dict):
                ident = next(
                    (entry[k] for k in ("id", "text", "what", "indicator") if entry.get(k)), None
                )
                if isinstance(ident, str) and ident:
                    short = ident if len(ident) <= 30 else ident[:27] + "..."
                    return f' in [[{table}]] "{short}"'
                return f" in [[{table}]] #{index + 1}"
    return ""


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        shown = value if len(value) <= 20 else value[:17] + "..."
        return f'the string "{shown}"'
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    return f"a {type(value).__name__}"


def _explain(
    item: Any, loc: KeyPath, model: type[BaseModel], data: dict[str, Any]
) -> tuple[str, str | None]:
    kind = item["type"]
    key = next((str(p) for p in reversed(loc) if isinstance(p, str)), "")
    where = _where(loc, data)
    value = item.get("input")
    ctx = item.get("ctx") or {}
    if kind == "extra_forbidden":
        known = known_keys(model, loc[:-1])
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        hint = (
            f"did you mean '{close[0]}'?"
            if close
            else (f"known keys here: {', '.join(known)}" if known else None)
        )
        return f"unknown key '{key}'{where}", hint
    if kind == "missing":
        return f"missing key '{key}'{where}", f"add a line `{key} = ...` to this table"
    if kind in _EXPECTED:
        expected = _EXPECTED[kind]
        hint = None
        if isinstance(value, str) and kind in _QUOTED:
            hint = unquote_hint(value, [kind], is_indicator_number(loc))
        return f"'{key}'{where} should be {expected}, not {_describe(value)}", hint
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        options = [o.strip().strip("'") for o in expected.replace(" or ", ", ").split(",")]
        close = difflib.get_close_matches(str(value), options, n=1, cutoff=0.5)
        hint = f"did you mean '{close[0]}'?" if close else None
        return f"'{key}'{where} is {_describe(value)}; it should be {expected}", hint
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == ID_PATTERN:
        return (
            f"'{value}' is not a valid id{where}",
            "ids are short slugs: lowercase letters, digits, '-' and '_', "
            "starting with a letter or digit",
        )
    if kind == "string_too_long":
        return (
            f"'{key}'{where} is too long ({len(value):,} characters; at most "
            f"{ctx.get('max_length'):,})",
            None,
        )
    if kind == "string_too_short":
        return f"'{key}'{where} is empty", "write something, or remove the line"
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        bound = {
            "greater_than_equal": f"at least {_number(ctx.get('ge'))}",
            "greater_than": f"more than {_number(ctx.get('gt'))}",
            "less_than_equal": f"at most {_number(ctx.get('le'))}",
            "less_than": f"less than {_number(ctx.get('lt'))}",
        }[kind]
        return f"'{key}'{where} is {value}; it must be {bound}", None
    if kind == "finite_number":
        return (
            f"'{key}'{where} must be a finite number, not {value}",
            "nan and inf are not readings",
        )
    if kind == "value_error":
        reason = str(ctx.get("error", item["msg"]))
        return (f"'{key}'{where}: {reason}" if key else reason), None
    return f"'{key}'{where}: {item['msg'].lower()}", None


def _number(bound: object) -> object:
    """A bound as a person writes it: 0, not the model's 0.0 (domain.values' rule)."""
    return format_number(bound) if isinstance(bound, int | float) else bound


def known_keys(model: type[BaseModel], loc: KeyPath) -> list[str]:
    """The keys a table at `loc` may hold, following the model's fields down the path."""
    current: Any = model
    for part in loc:
        current = _step(current, part)
        if current is None:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [field.alias or name for name, field in current.model_fields.items()]
    return []


def _unwrap(annotation: Any) -> Any:
    """Optional[X] -> X; Annotated[X, ...] -> X."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
            annotation = models[0] if models else args[0]
        else:
            return annotation


def _step(annotation: Any, part: str | int) -> Any:
    annotation = _unwrap(annotation)
    if isinstance(part, int):
        args = typing.get_args(annotation)
        return args[0] if typing.get_origin(annotation) is list and args else None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        for name, field in annotation.model_fields.items():
            if part in (name, field.alias):
                return field.annotation
        return None
    if typing.get_origin(annotation) is dict:
        return typing.get_args(annotation)[1]
    return None
