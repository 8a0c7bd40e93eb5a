"""Tab after `--with` offers the journal's conversation kinds without pydantic on each press.

The kinds are read by the store (the model's defaults and rules) the first time, and kept
in the user's cache keyed by leadwork.toml's path, mtime, size and bytes: later lookups
read them back, and any change of the file is seen at once.
"""

import json
import os
from pathlib import Path

import pytest

from leadwork.cli import cache, complete_values
from leadwork.model.words import DEFAULT_CONVERSATION_KINDS


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_CACHE, str(folder))
    return folder


def set_kinds(config: Path, kinds: str) -> None:
    text = config.read_text()
    if "[settings]\n" in text:
        text = text.replace("[settings]\n", f"[settings]\nconversation_kinds = {kinds}\n", 1)
    else:
        text += f"\n[settings]\nconversation_kinds = {kinds}\n"
    config.write_text(text)


def slow_lookups(monkeypatch: pytest.MonkeyPatch) -> list[Path | None]:
    """Count the store's lookups (the slow path), still answering as the store does."""
    calls: list[Path | None] = []
    read = complete_values._read_kinds

    def counted(root: Path | None) -> list[str]:
        calls.append(root)
        return read(root)

    monkeypatch.setattr(complete_values, "_read_kinds", counted)
    return calls


def test_the_first_lookup_fills_the_cache_and_the_next_reads_it(
    example_journal, cache_dir, monkeypatch
):
    set_kinds(example_journal / "leadwork.toml", '["board", "bank"]')
    calls = slow_lookups(monkeypatch)
    assert complete_values.conversation_kinds(example_journal) == ["board", "bank"]
    assert complete_values.conversation_kinds(example_journal) == ["board", "bank"]
    assert calls == [example_journal]
    assert any(name.endswith("." + cache.KINDS) for name in os.listdir(cache_dir))


def test_an_edit_is_seen_even_with_the_same_size_and_mtime(example_journal, cache_dir, monkeypatch):
    config = example_journal / "leadwork.toml"
    set_kinds(config, '["board", "bank"]')
    assert complete_values.conversation_kinds(example_journal) == ["board", "bank"]
    before = config.stat()
    config.write_text(config.read_text().replace('"bank"', '"bond"'))
    os.utime(config, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert config.stat().st_size == before.st_size
    assert complete_values.conversation_kinds(example_journal) == ["board", "bond"]


def test_a_broken_file_gives_the_defaults_as_the_store_does(example_journal, cache_dir):
    config = example_journal / "leadwork.toml"
    set_kinds(config, '["board", "board"]')  # a repeat: the model refuses the file
    assert complete_values.conversation_kinds(example_journal) == list(DEFAULT_CONVERSATION_KINDS)
    config.write_text(config.read_text().replace('["board", "board"]', '["board", "bank"]'))
    assert complete_values.conversation_kinds(example_journal) == ["board", "bank"]


def test_a_corrupt_or_foreign_cache_file_is_ignored(example_journal, cache_dir, monkeypatch):
    key = cache.journal_key(str(example_journal / "leadwork.toml"))
    assert key is not None
    assert cache.store_kinds(key, ["x"])
    path = cache.cache_file(cache.KINDS)
    for text in ("{not json", '{"key": "other", "kinds": ["x"]}', '{"key": 1}', "[]"):
        Path(path).write_text(text)
        assert cache.load_kinds(key) is None
    Path(path).write_text(json.dumps({"key": key, "kinds": [1]}))
    assert cache.load_kinds(key) is None


def test_an_unwritable_cache_only_costs_the_speed(example_journal, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv(cache.ENV_CACHE, str(blocker / "cache"))
    assert complete_values.conversation_kinds(example_journal) == list(DEFAULT_CONVERSATION_KINDS)


def test_without_a_journal_the_defaults(cache_dir):
    assert complete_values.conversation_kinds(None) == list(DEFAULT_CONVERSATION_KINDS)
