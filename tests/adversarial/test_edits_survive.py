"""The person's edits survive: after every writing command has run on a hand-written
journal, each file still holds every one of the person's lines, in order, byte for byte
(CRLF and BOM included), apart from the lines holding values a command was asked to change.

The writes are the writing commands that have landed (story, conversation, checkin,
review), and, for what no landed command writes yet (an indicator appended, a reading
changed by hand), `store.edit.edit_file` mutations made the way those commands will.
Each command that lands adds an entry to WRITES.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import tomlkit

from adversarial.handwritten import BOM_FILES, CRLF_FILES, FILES, write_handwritten_journal
from adversarial.test_crash import ADD_STORY, LEADWORK, PYTHON, _env
from leadwork.model.checkin import Checkin
from leadwork.model.indicators import Indicators
from leadwork.store.edit import edit_file


@dataclass(frozen=True)
class Write:
    name: str
    action: Callable[[Path], None]
    # file -> the person's lines this write was asked to change (they may go)
    changes: dict[str, set[str]] = field(default_factory=dict)


def leadwork(*argv: str) -> Callable[[Path], None]:
    """A write made by running the installed command on the journal."""

    def action(root: Path) -> None:
        result = subprocess.run(
            [LEADWORK, "--journal", str(root), *argv], env=_env({}), capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr

    return action


def _story_script(root: Path) -> None:
    subprocess.run(
        [PYTHON, str(ADD_STORY), str(root), "2026-W48", "From the store's primitives"],
        env=_env({}),
        check=True,
    )


def _append_indicator(root: Path) -> None:
    def mutate(document):
        entry = tomlkit.table()
        entry.update(
            {
                "id": "first-pass-yield",
                "name": "First-pass yield",
                "direction": "higher",
                "target": 97.0,
                "celebrate": 99.0,
                "course_correct": 94.0,
            }
        )
        document["indicators"].append(entry)

    edit_file(root / "indicators.toml", mutate, Indicators)


def _change_reading(root: Path) -> None:
    def mutate(document):
        document["readings"]["otd"] = 96.0

    edit_file(root / "checkins/2026-W48.toml", mutate, Checkin)


WRITES: list[Write] = [
    Write("story", leadwork("story", 'Tom\'s "quiet" fix # not a comment', "--who", "tom")),
    Write(
        "conversation",
        leadwork("conversation", "Wants ship dates weekly", "--with", "customer", "--refresh"),
    ),
    Write(
        "checkin",
        leadwork(
            *("checkin", "--no-input", "-r", "otd=96", "-r", "scrap=1.9"),
            *("--hours", "capability=4", "-c", "Second shift walk", "--note", "Long week."),
        ),
        changes={"checkins/2026-W48.toml": {"scrap = 2.1    # rough", "otd = 93.5"}},
    ),
    Write(
        "review capability",
        leadwork(
            *("review", "capability", "quality-at-scale", "--no-input", "--step", "1"),
            *("--level", "3", "--reason", "SPC training done", "--inside", "maria: Better"),
        ),
        changes={"capabilities.toml": {"level = 2"}},
    ),
    Write("review strategy", leadwork("review", "strategy", "--no-input", "--changes", "None.")),
    Write("story through the store", _story_script),
    Write("append an indicator", _append_indicator),
    Write("change a reading", _change_reading),
]


def _lines(raw: bytes) -> list[str]:
    return raw.decode("utf-8").split("\n")


def missing_in_order(before: bytes, after: bytes) -> list[str]:
    old, new = _lines(before), _lines(after)
    missing, position = [], 0
    for line in old:
        try:
            position = new.index(line, position) + 1
        except ValueError:
            missing.append(line.rstrip("\r"))
    return missing


@pytest.fixture
def handwritten(tmp_path: Path, run) -> Path:
    root = write_handwritten_journal(tmp_path / "journal")
    result = run("check", journal=root)
    assert result.exit_code == 0, result
    return root


def test_the_handwritten_journal_is_what_it_claims(handwritten: Path):
    for rel in FILES:
        raw = (handwritten / rel).read_bytes()
        assert b"#" in raw, f"{rel} has no comment of the person's"
        assert raw.startswith(b"\xef\xbb\xbf") == (rel in BOM_FILES)
        assert (b"\r\n" in raw) == (rel in CRLF_FILES)


def test_every_line_survives_every_write(handwritten: Path, run):
    original = {rel: (handwritten / rel).read_bytes() for rel in FILES}
    for write in WRITES:
        write.action(handwritten)
    problems = []
    for rel, before in original.items():
        after = (handwritten / rel).read_bytes()
        allowed = set().union(*(w.changes.get(rel, set()) for w in WRITES))
        gone = [line for line in missing_in_order(before, after) if line.strip() not in allowed]
        if gone:
            problems.append(f"{rel} lost or reordered: {gone}")
        if rel in BOM_FILES and not after.startswith(b"\xef\xbb\xbf"):
            problems.append(f"{rel} lost its BOM")
        if rel in CRLF_FILES and b"\n" in after.replace(b"\r\n", b""):
            problems.append(f"{rel} has LF lines among its CRLF ones")
    assert not problems, "\n".join(problems)
    changed = {rel for rel in FILES if (handwritten / rel).read_bytes() != original[rel]}
    assert changed == {"checkins/2026-W48.toml", "capabilities.toml", "indicators.toml"}
    assert run("check", journal=handwritten).exit_code == 0


def test_the_diff_check_can_fail():
    assert missing_in_order(b"# a\nx = 1\n# b\n", b"# b\nx = 1\n# a\n") == ["x = 1", "# b"]
    assert missing_in_order(b"# a\nx = 1\n", b"# a\nx = 2\n") == ["x = 1"]
    assert missing_in_order(b"# a\r\n", b"# a\n") == ["# a"]
    assert missing_in_order(b"# a\n", b"# z\n# a\nnew = 1\n") == []
