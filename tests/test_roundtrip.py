"""Models written with tomli-w and read back are equal; every key can be located."""

import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from leadwork.store.document import parse
from leadwork.store.serialize import dumps
from leadwork.store.sourcemap import SourceMap
from leadwork.store.validation import validate

from strategies import FILES


def leaf_paths(data, prefix=()):
    if isinstance(data, dict):
        for key, value in data.items():
            yield (*prefix, key)
            yield from leaf_paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield (*prefix, index)
            yield from leaf_paths(value, (*prefix, index))


@pytest.mark.parametrize("kind", sorted(FILES))
def test_models_round_trip_through_toml(kind):
    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(FILES[kind])
    def round_trip(model):
        text = dumps(model, header=f"a {kind} file\nwith a two-line header")
        back = validate(type(model), parse(Path(f"{kind}.toml"), text))
        assert back == model
        data = tomllib.loads(text)
        located = SourceMap(text)
        for path in leaf_paths(data):
            assert located.has(path), f"{path} not located in:\n{text}"

    round_trip()


def test_sourcemap_handles_hand_written_styles():
    text = (
        "# comment\n"
        'title = "x" # trailing\n'
        "[settings]\n"
        "a.b = 1\n"
        "\"q.k\" = 'x'\n"
        "[[indicators]]\n"
        'id = "a"\n'
        's = """\n'
        "id = 3\n"
        '"""\n'
        "arr = [ 1,\n"
        "  # inside\n"
        "  {x = 1, y = [2, 3]}, ]\n"
        "[[indicators.changes]]\n"
        "since = 2026-01-01\n"
        "[ indicators . extra ]\n"
        "k = 1979-05-27 07:32:00\n"
        "[[indicators]]\n"
        'id = "b"\n'
        "[[indicators.changes]]\n"
        "target = 2\n"
    )
    tomllib.loads(text)
    located = SourceMap(text)
    expect = {
        ("title",): (2, 1),
        ("settings", "a", "b"): (4, 1),
        ("settings", "q.k"): (5, 1),
        ("indicators", 0, "id"): (7, 1),
        ("indicators", 0, "s"): (8, 1),
        ("indicators", 0, "arr", 1, "y", 1): (13, 19),
        ("indicators", 0, "changes", 0, "since"): (15, 1),
        ("indicators", 0, "extra", "k"): (17, 1),
        ("indicators", 1, "id"): (19, 1),
        ("indicators", 1, "changes", 0, "target"): (21, 1),
        ("indicators", 1, "changes", 0, "nope"): (20, 1),  # missing key: its table's header
        ("nothing",): (1, 1),
    }
    for path, (line, col) in expect.items():
        span = located.locate(path)
        assert (span.line, span.col) == (line, col), path
