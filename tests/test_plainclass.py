"""`plainclass` behaves as the dataclass it stands in for: each case is run on the same
class made both ways, and must give the same answers (or raise the same kind of error)."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from dataclasses import dataclass, field
from typing import ClassVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leadwork.plainclass import plainclass


def _pair(frozen: bool) -> tuple[type, type]:
    def body() -> type:
        class Point:
            LIMIT: ClassVar[int] = 3  # not a field
            x: int
            y: str
            z: float = 0.5
            tags: list[str] = field(default_factory=list)

            def doubled(self) -> int:
                return self.x * 2

        return Point

    return dataclass(frozen=frozen)(body()), plainclass(frozen=frozen)(body())


# Module-level pair, for pickling (pickle finds a class by its module and name).
@dataclass(frozen=True)
class KeptD:
    a: int
    b: tuple[int, ...] = ()


@plainclass(frozen=True)
class KeptP:
    a: int
    b: tuple[int, ...] = ()


def _outcome(make: type, *args: object, **kwargs: object) -> object:
    try:
        made = make(*args, **kwargs)
    except TypeError:
        return TypeError
    return (made.x, made.y, made.z, made.tags, made.doubled())


@pytest.mark.parametrize("frozen", [False, True])
@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        ((1, "a"), {}),
        ((1, "a", 2.0), {}),
        ((1,), {"y": "b", "tags": ["t"]}),
        ((), {"x": 1, "y": "b", "z": 3.0}),
        ((1,), {}),  # missing y
        ((1, "a", 2.0, [], 9), {}),  # too many
        ((1, "a"), {"x": 2}),  # x twice
        ((1, "a"), {"w": 2}),  # no such field
    ],
)
def test_made_the_same_way(frozen, args, kwargs):
    as_dataclass, as_plain = _pair(frozen)
    assert _outcome(as_dataclass, *args, **kwargs) == _outcome(as_plain, *args, **kwargs)


@pytest.mark.parametrize("frozen", [False, True])
def test_equality_repr_hash_and_assignment_as_a_dataclass(frozen):
    as_dataclass, as_plain = _pair(frozen)
    d1, d2, d3 = as_dataclass(1, "a"), as_dataclass(1, "a"), as_dataclass(2, "a")
    p1, p2, p3 = as_plain(1, "a"), as_plain(1, "a"), as_plain(2, "a")
    assert (d1 == d2, d1 == d3, d1 != d2) == (p1 == p2, p1 == p3, p1 != p2)
    assert p1 != d1  # another class, as two dataclasses of one shape differ
    assert repr(p1) == repr(d1)
    assert as_plain.__match_args__ == as_dataclass.__match_args__
    assert as_plain.LIMIT == 3 and "LIMIT" not in repr(p1)
    assert p1.tags is not p2.tags  # a factory per instance
    if frozen:
        assert hash(as_plain(1, "a", tags=())) == hash(as_plain(1, "a", tags=()))
        with pytest.raises(dataclasses.FrozenInstanceError):
            p1.x = 5
        with pytest.raises(dataclasses.FrozenInstanceError):
            del p1.x
    else:
        with pytest.raises(TypeError):
            hash(p1)  # eq without frozen: unhashable, as a dataclass
        p1.x = 5
        assert p1.x == 5


def test_inherited_fields_come_first_and_post_init_runs():
    @plainclass
    class Base:
        a: int

    @plainclass
    class Child(Base):
        b: int = 2

        def __post_init__(self) -> None:
            self.total = self.a + self.b

    child = Child(1)
    assert (child.a, child.b, child.total) == (1, 2, 3)
    assert Child.__match_args__ == ("a", "b")


def test_a_field_without_default_after_one_with_is_refused_as_by_a_dataclass():
    class Bad:
        a: int = 1
        b: int

    with pytest.raises(TypeError):
        dataclass(Bad)
    with pytest.raises(TypeError):
        plainclass(Bad)


@given(st.integers(), st.lists(st.integers(), max_size=3).map(tuple))
def test_pickles_and_copies_as_a_dataclass(a, b):
    kept_d, kept_p = KeptD(a, b), KeptP(a, b)
    for value, made in ((kept_d, KeptD), (kept_p, KeptP)):
        for again in (pickle.loads(pickle.dumps(value)), copy.copy(value), copy.deepcopy(value)):
            assert type(again) is made and again == value
