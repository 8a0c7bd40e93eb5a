"""Edits of hand-written files keep every comment and header, in order, or write nothing."""

import difflib
from pathlib import Path

import pytest
import tomlkit

from leadwork.errors import InvalidFile, WriteRefused
from leadwork.model.checkin import Checkin
from leadwork.store.edit import edit_file, missing_lines

HAND_WRITTEN = """\
# My week. I write this by hand on Fridays.
week = "2026-W48"

# numbers from the Monday report
[readings]
otd = 93.5   # rough
scrap = 2.1

[[stories]]
# the best one this week
text = "Line 3 ran clean"
"""


def test_an_edit_keeps_every_comment_and_changes_only_what_it_must(tmp_path: Path):
    path = tmp_path / "2026-W48.toml"
    path.write_text(HAND_WRITTEN)

    def mutate(doc):
        doc["readings"]["otd"] = 95.0
        story = tomlkit.table()
        story["text"] = "Maria's team fixed the fixture"
        doc["stories"].append(story)

    old, new, model = edit_file(path, mutate, Checkin)
    assert path.read_text() == new
    assert model.readings["otd"] == 95.0
    assert len(model.stories) == 2
    assert missing_lines(old, new) == []
    diff = list(difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0))[2:]
    assert [line for line in diff if not line.startswith("@@")] == [
        "-otd = 93.5   # rough",
        "+otd = 95.0   # rough",
        "+[[stories]]",
        '+text = "Maria\'s team fixed the fixture"',
    ]


def test_an_edit_that_would_lose_a_comment_writes_nothing(tmp_path: Path):
    path = tmp_path / "2026-W48.toml"
    path.write_text(HAND_WRITTEN)

    def drop_readings(doc):
        del doc["readings"]

    with pytest.raises(WriteRefused, match="lost"):
        edit_file(path, drop_readings, Checkin)
    assert path.read_text() == HAND_WRITTEN


def test_an_edit_that_makes_the_file_invalid_writes_nothing(tmp_path: Path):
    path = tmp_path / "2026-W48.toml"
    path.write_text(HAND_WRITTEN)

    def break_it(doc):
        doc["readings"]["otd"] = "ninety"

    with pytest.raises(InvalidFile):
        edit_file(path, break_it, Checkin)
    assert path.read_text() == HAND_WRITTEN


def test_crlf_and_bom_survive_an_edit(tmp_path: Path):
    path = tmp_path / "2026-W48.toml"
    raw = b"\xef\xbb\xbf" + HAND_WRITTEN.replace("\n", "\r\n").encode()
    path.write_bytes(raw)

    def mutate(doc):
        doc["readings"]["scrap"] = 1.9

    edit_file(path, mutate, Checkin)
    after = path.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf")
    assert b"\n" not in after.replace(b"\r\n", b"")
    assert after.replace(b"scrap = 1.9", b"scrap = 2.1") == raw


def test_missing_lines_sees_reordering():
    assert missing_lines("# a\n# b\n", "# b\n# a\n") == ["# b"]
    assert missing_lines("# a\n[t]\n", "# a\nx = 1\n[t]\n") == []


def test_lines_inside_a_multi_line_string_are_text_not_comments(tmp_path: Path):
    path = tmp_path / "2026-W48.toml"
    path.write_text(
        'week = "2026-W48"\n\n[reflection]\n# my own comment\nnote = """\nplan:\n#\n[x] done\n"""\n'
    )

    def mutate(doc):
        doc["reflection"]["note"] = "rewritten"

    old, new, _ = edit_file(path, mutate, Checkin)
    assert "# my own comment" in new
    assert missing_lines(old, new) == []


def test_missing_lines_ignores_string_continuations_but_not_real_comments():
    old = 'a = """\n# text\n"""\n# real\n'
    assert missing_lines(old, "a = 1\n# real\n") == []
    assert missing_lines(old, "a = 1\n") == ["# real"]


def test_missing_lines_sees_a_comment_after_a_value_on_its_line():
    """Trial 20: a comment after an inline array's entry went with the entry, unseen, as
    only lines starting with "#" were counted."""
    array = 'a = [\n  { t = "x" },\n  { t = "y" }, # mine\n]\n'
    old = array + "b = 2  # two\n"
    assert missing_lines(old, 'a = [\n  { t = "x" },\n]\nb = 2  # two\n') == ["# mine"]
    assert missing_lines(old, array + "b = 3  # two\n") == []
    assert missing_lines(old, array + "b = 2\n") == ["# two"]
    # a "#" in a string is text; a comment after a multi-line string's end is a comment
    assert missing_lines('a = "x # y"\n', 'a = "z"\n') == []
    assert missing_lines('a = """\n# t\n"""  # after\n', "a = 1\n") == ["# after"]


def test_an_edit_that_would_lose_a_comment_after_a_value_writes_nothing(tmp_path: Path):
    path = tmp_path / "2026-W48.toml"
    text = (
        'week = "2026-W48"\ncommitments = [\n  { text = "Plan" },\n'
        '  { text = "Notes", carried = 1 }, # carried by the run\n]\n'
    )
    path.write_text(text)

    def drop_copy(doc):
        del doc["commitments"][1]

    with pytest.raises(WriteRefused, match="# carried by the run"):
        edit_file(path, drop_copy, Checkin)
    assert path.read_text() == text
