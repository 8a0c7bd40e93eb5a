"""`plainclass`: a dataclass made without compiling code, for the classes a view defines.

Python 3.11's `dataclasses` writes each class's `__init__`, `__repr__`, `__eq__` (and for a
frozen class `__hash__`, `__setattr__`, `__delattr__`) as source and compiles every one
with its own `exec`, about 0.085 ms each, at every start: nothing of it is kept in the
bytecode cache. A dashboard defines 58 such classes (its results, the rules' values) and
paid 22 ms of its ~120 ms in-process for them (docs/performance.md). A `plainclass` gets
the same methods, written once below and shared by every class, so making one costs what
a plain class does.

What it keeps of a dataclass, tested beside one (`tests/test_plainclass.py`): fields from
the class's annotations in order (inherited ones first; `ClassVar` skipped); defaults and
`field(default_factory=...)`; `__post_init__`; `__init__` by position or keyword, with a
dataclass's `TypeError`s; `__repr__`, `__eq__` (same class, same fields), `__match_args__`;
frozen: `FrozenInstanceError` on assignment and a hash of the fields; not frozen:
unhashable, as a dataclass with `eq=True`. Not kept: `order`, `slots`, `kw_only`,
`InitVar`, and `dataclasses.fields/replace/asdict`: a class that needs them stays a
dataclass. Its `__init__` binds its arguments in Python, about a
microsecond more an instance than a dataclass's: a class made thousands of times a run
(`Week`, `Entry`, `WeekStatus`) stays a dataclass. The type checker treats a `plainclass`
as a dataclass (`typing.dataclass_transform`). Standard library only.
"""

from __future__ import annotations

import dataclasses
import inspect
import typing
from collections.abc import Callable
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T")

_MISSING: Any = dataclasses.MISSING


@overload
def plainclass(cls: type[T], /) -> type[T]: ...
@overload
def plainclass(*, frozen: bool = False) -> Callable[[type[T]], type[T]]: ...
@dataclass_transform(field_specifiers=(dataclasses.field,))
def plainclass(cls: type[T] | None = None, /, *, frozen: bool = False) -> Any:
    """`@plainclass` or `@plainclass(frozen=True)`, as `@dataclass` would be written."""

    def make(cls: type[T]) -> type[T]:
        made: type[T] = _make(cls, frozen)
        return made

    return make if cls is None else make(cls)


def _is_class_var(annotation: object) -> bool:
    if isinstance(annotation, str):
        return annotation.startswith(("ClassVar", "typing.ClassVar"))
    return annotation is typing.ClassVar or typing.get_origin(annotation) is typing.ClassVar


def _make(cls: Any, frozen: bool) -> Any:
    fields: list[str] = []
    defaults: dict[str, Any] = {}
    factories: dict[str, Callable[[], Any]] = {}
    for base in reversed(cls.__mro__[1:]):
        if "__plain_fields__" in base.__dict__:
            for name in base.__plain_fields__:
                if name not in fields:
                    fields.append(name)
            defaults.update(base.__plain_defaults__)
            factories.update(base.__plain_factories__)
    for name, annotation in inspect.get_annotations(cls).items():
        if _is_class_var(annotation):
            continue
        if name not in fields:
            fields.append(name)
        value = cls.__dict__.get(name, _MISSING)
        if isinstance(value, dataclasses.Field):
            factory: Any = value.default_factory
            if factory is not _MISSING:
                factories[name] = factory
            elif value.default is not _MISSING:
                defaults[name] = value.default
            delattr(cls, name)  # as a dataclass leaves it: an instance always sets it
        elif value is not _MISSING:
            defaults[name] = value
    seen_default = None
    for name in fields:
        if name in defaults or name in factories:
            seen_default = name
        elif seen_default is not None:
            raise TypeError(f"non-default argument {name!r} follows default argument")
    cls.__plain_fields__ = tuple(fields)
    cls.__plain_defaults__ = defaults
    cls.__plain_factories__ = factories
    cls.__plain_frozen__ = frozen
    setattr(cls, "__match_args__", tuple(fields))  # noqa: B010 (the type checker's view)
    for name, method in (("__init__", _init), ("__repr__", _repr), ("__eq__", _eq)):
        if name not in cls.__dict__:
            setattr(cls, name, method)
    if frozen:
        if "__setattr__" in cls.__dict__ or "__delattr__" in cls.__dict__:
            raise TypeError(f"cannot overwrite attribute __setattr__ in class {cls.__name__}")
        cls.__setattr__ = _frozen_setattr
        cls.__delattr__ = _frozen_delattr
        if "__hash__" not in cls.__dict__ or cls.__dict__["__hash__"] is None:
            cls.__hash__ = _hash
    elif "__hash__" not in cls.__dict__ or cls.__dict__["__hash__"] is object.__hash__:
        cls.__hash__ = None  # eq without frozen: unhashable, as a dataclass
    return cls


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    cls = type(self)
    names: tuple[str, ...] = cls.__plain_fields__
    if len(args) > len(names):
        raise TypeError(
            f"{cls.__name__}.__init__() takes {len(names) + 1} positional arguments but "
            f"{len(args) + 1} were given"
        )
    values = self.__dict__
    for name, value in zip(names, args, strict=False):
        values[name] = value
    for name, value in kwargs.items():
        if name in values or name not in names:
            why = "multiple values for argument" if name in values else "an unexpected keyword"
            raise TypeError(f"{cls.__name__}.__init__() got {why} {name!r}")
        values[name] = value
    if len(values) < len(names):
        defaults = cls.__plain_defaults__
        factories = cls.__plain_factories__
        for name in names:
            if name in values:
                continue
            if name in defaults:
                values[name] = defaults[name]
            elif name in factories:
                values[name] = factories[name]()
            else:
                raise TypeError(f"{cls.__name__}.__init__() missing argument: {name!r}")
    post_init = getattr(self, "__post_init__", None)
    if post_init is not None:
        post_init()


def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in type(self).__plain_fields__)
    return f"{type(self).__qualname__}({shown})"


def _eq(self: Any, other: Any) -> Any:  # bool, or NotImplemented
    if other.__class__ is not self.__class__:
        return NotImplemented
    names = type(self).__plain_fields__
    same: bool = tuple(getattr(self, n) for n in names) == tuple(getattr(other, n) for n in names)
    return same


def _hash(self: Any) -> int:
    return hash(tuple(getattr(self, name) for name in type(self).__plain_fields__))


def _frozen_setattr(self: Any, name: str, value: object) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: Any, name: str) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
