"""Every read goes through one parser (store/tomlparse.py): tomli's compiled build, which
must be tomllib's twin: the same data and the same error messages, and TOML 1.0 only."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from leadwork.store import tomlparse

from conftest import EXAMPLE, SHARED

CORPUS = SHARED / "corpus" / "toml-invalid"
INVALID = sorted(CORPUS.rglob("*.toml")) if CORPUS.is_dir() else []


def outcome(loads, exception, text: str) -> tuple[str, object]:
    try:
        return "data", loads(text)
    except exception as error:
        return "error", str(error)


def test_the_compiled_parser_is_in_use():
    # pyproject.toml depends on it; without it leadwork still works, only slower.
    assert tomlparse.PARSER.startswith("tomli 2.")
    assert tomlparse.loads is not tomllib.loads


@pytest.mark.parametrize("path", sorted(EXAMPLE.rglob("*.toml")), ids=lambda p: p.name)
def test_same_data_as_tomllib(path: Path):
    text = path.read_text(encoding="utf-8")
    assert tomlparse.loads(text) == tomllib.loads(text)


@pytest.mark.skipif(not INVALID, reason=f"the invalid-TOML corpus is not at {CORPUS}")
def test_same_errors_as_tomllib_on_the_invalid_corpus():
    differ = []
    for path in INVALID:
        try:
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            continue  # never reaches the parser: read_text reports it
        ours = outcome(tomlparse.loads, tomlparse.TOMLDecodeError, text)
        stdlib = outcome(tomllib.loads, tomllib.TOMLDecodeError, text)
        if ours != stdlib:
            differ.append(f"{path.relative_to(CORPUS)}: {ours} != {stdlib}")
    assert not differ, "\n".join(differ[:10])


@pytest.mark.parametrize(
    "text",
    ["x = {a = 1,\n b = 2}", 'x = "\\e"', "x = 12:30", "x = {a = 1,}"],
    ids=["newline in inline table", "escape e", "time without seconds", "trailing comma"],
)
def test_toml_1_1_stays_invalid(text: str):
    with pytest.raises(tomlparse.TOMLDecodeError):
        tomlparse.loads(text)
