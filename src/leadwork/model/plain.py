"""A validated file in plain form: the records a view reads, without pydantic.

A view (the dashboard, `indicator list|show`, `capability list|show`, `commitments`, `map`)
only reads what a file holds. Its files validated once (`model/*.py`, pydantic) and were
kept in the user's cache (`store/validated.py`); a later run reads them back in this form,
so it never imports pydantic's model machinery nor builds the 28 models' classes, which
cost a dashboard about 80 ms of its 210 (docs/performance.md).

`Plain` stands for a pydantic model instance and reads the same: the same attributes
(fields by name, `with_` not `with`), the same methods the core calls on a read file
(`model/methods.py`: `Step.is_done`, `TimeAudit.total`, one definition each, shared with
the models), `model_copy(update=...)` and `model_dump(...)`, equality by value, frozen. It
is made from a validated model instance (`to_plain`, whose field order and values it
keeps) and never from unvalidated data: `tests/test_plain.py` holds every model's plain
form to the model, and the views' output to be the same either way.

Its class is made per model at run time from the model's name and field names (which the
cached entry carries), not written out a second time: the model is the one definition.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar, Literal

from leadwork.model.methods import METHODS


class Plain:
    """One validated table of a file (a model instance), as plain attributes."""

    model: ClassVar[str]  # the model it stands for: "leadwork.model.checkin.Checkin"
    fields: ClassVar[tuple[str, ...]]  # the model's fields, in its order
    aliases: ClassVar[dict[str, str]]  # field -> the key in the file, where they differ

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only: use model_copy(update=...)")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.__dict__ == self.__dict__

    def __hash__(self) -> int:  # as a frozen model's: its values, so lists make it unhashable
        return hash((type(self).model, *self.__dict__.values()))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in self.__dict__.items())
        return f"{type(self).__name__}({shown})"

    def __reduce__(self) -> tuple[Any, ...]:
        # The class travels as data (its model's name and fields), never as a reference to
        # code: the cache's unpickler knows `rebuild` and dates, and nothing else.
        cls = type(self)
        return (rebuild, (cls.model, cls.fields, cls.aliases, tuple(self.__dict__.values())))

    def model_copy(self, *, update: dict[str, Any] | None = None) -> Any:
        """A copy with some fields replaced, unvalidated, as pydantic's `model_copy`."""
        return _made(type(self), {**self.__dict__, **(update or {})})

    def model_dump(
        self,
        *,
        mode: Literal["python", "json"] = "python",
        by_alias: bool = True,
        exclude_none: bool = False,
    ) -> dict[str, Any]:
        """The record as a dict, as the models dump it (by alias: the models are
        `serialize_by_alias`); "json" writes dates as ISO text."""
        aliases = type(self).aliases if by_alias else {}
        return {
            aliases.get(name, name): _dumped(value, mode, by_alias, exclude_none)
            for name, value in self.__dict__.items()
            if not (exclude_none and value is None)
        }


def _dumped(value: Any, mode: str, by_alias: bool, exclude_none: bool) -> Any:
    if isinstance(value, Plain):
        return value.model_dump(mode=mode, by_alias=by_alias, exclude_none=exclude_none)  # type: ignore[arg-type]
    if isinstance(value, list):
        return [_dumped(v, mode, by_alias, exclude_none) for v in value]
    if isinstance(value, dict):
        return {k: _dumped(v, mode, by_alias, exclude_none) for k, v in value.items()}
    if mode == "json" and isinstance(value, dt.date):
        return value.isoformat()
    return value


_CLASSES: dict[tuple[str, tuple[str, ...]], type[Plain]] = {}


def plain_class(model: str, fields: tuple[str, ...], aliases: dict[str, str]) -> type[Plain]:
    """The plain class standing for `model` with these fields (made once a run)."""
    found = _CLASSES.get((model, fields))
    if found is None:
        bases = (Plain, METHODS[model]) if model in METHODS else (Plain,)
        namespace = {"model": model, "fields": fields, "aliases": aliases, "__slots__": ()}
        found = _CLASSES[model, fields] = type(model.rpartition(".")[2], bases, namespace)
    return found


def rebuild(
    model: str, fields: tuple[str, ...], aliases: dict[str, str], values: tuple[Any, ...]
) -> Plain:
    """A record read back from the cache: data in, a plain record out, nothing else run."""
    if not (
        isinstance(model, str)
        and isinstance(fields, tuple)
        and isinstance(aliases, dict)
        and isinstance(values, tuple)
        and len(values) == len(fields)
        and all(isinstance(f, str) for f in fields)
    ):
        raise ValueError("not a plain record")
    return _made(plain_class(model, fields, aliases), dict(zip(fields, values, strict=True)))


def _made(cls: type[Plain], values: dict[str, Any]) -> Plain:
    record = object.__new__(cls)
    object.__setattr__(record, "__dict__", values)
    return record


# Values that are their own plain form (what TOML holds, validated).
_AS_THEY_ARE = frozenset({str, int, float, bool, type(None), dt.date, dt.datetime})
# Each model class met: its plain class and fields (`to_plain` runs over every table of
# every file a run validates: `check` of ten years converts ~2,900 files).
_FORMS: dict[type, tuple[type[Plain], tuple[str, ...]]] = {}


def to_plain(value: Any) -> Any:
    """A validated model instance (and all it holds) in plain form; other values as they
    are. Duck-typed on the public `model_fields`, so this module never imports pydantic."""
    kind = type(value)
    if kind in _AS_THEY_ARE:
        return value
    form = _FORMS.get(kind)
    if form is None:
        if kind is list:
            return [to_plain(v) for v in value]
        if kind is dict:
            return {k: to_plain(v) for k, v in value.items()}
        fields = getattr(kind, "model_fields", None)
        if not isinstance(fields, dict):
            return value
        aliases = {n: f.alias for n, f in fields.items() if f.alias and f.alias != n}
        names = tuple(fields)
        model = f"{kind.__module__}.{kind.__qualname__}"
        form = _FORMS[kind] = (plain_class(model, names, aliases), names)
    cls, names = form
    held = value.__dict__
    return _made(cls, {name: to_plain(held[name]) for name in names})
