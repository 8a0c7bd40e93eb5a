"""Commands that write two files write both or neither (issue 14, item 4).

Refusals and failures are tested here through the CLI; kills between the writes are
tested in tests/adversarial/test_crash.py (every kill point of each two-file writer).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from leadwork.layout import COMMIT_FILE
from leadwork.store.atomic import TEMP_SUFFIX, stage

from conftest import tree_hash
from journals import write_small_journal

MEETING = ("one-on-one", "tom", "--no-input", "--progress", "Steady", "--done", "1,2")
STORY = ("--celebrate", "Castwell shipped early", "--story", "dependable-delivery")


def test_a_meeting_whose_story_cannot_be_written_is_not_recorded(example_journal, run):
    week = example_journal / "checkins/2026-W48.toml"
    week.chmod(0o444)
    (example_journal / ".leadwork.lock").touch()
    before = tree_hash(example_journal)
    result = run(*MEETING, *STORY, journal=example_journal)
    assert result.exit_code == 1
    assert "2026-W48.toml: error: is read-only" in result.stderr
    assert tree_hash(example_journal) == before  # no meeting file: a retry records it once

    week.chmod(0o644)
    result = run(*MEETING, *STORY, journal=example_journal)
    assert result.exit_code == 0, result.stderr
    recorded = sorted(p.name for p in (example_journal / "one-on-ones").glob("2026-11-2*-tom*"))
    assert recorded == ["2026-11-25-tom.toml", "2026-11-27-tom.toml"]


def test_a_meeting_recorded_word_for_word_is_not_recorded_twice(fresh_journal, run):
    """A run killed after it wrote, then run again: the retry never duplicates it."""
    journal = write_small_journal(fresh_journal)
    args = ("one-on-one", "maria", "--no-input", "--progress", "Steady", "--plan", "otd=Shift 2")
    assert run(*args, journal=journal).exit_code == 0
    before = tree_hash(journal)
    again = run(*args, journal=journal)
    assert again.exit_code == 1
    assert "is already recorded, word for word, in one-on-ones/2026-11-27-maria.toml" in (
        again.stderr
    )
    assert tree_hash(journal) == before


def test_a_step_that_cannot_be_marked_leaves_the_checkin_alone(example_journal, run):
    (example_journal / "capabilities.toml").chmod(0o444)
    (example_journal / ".leadwork.lock").touch()
    before = tree_hash(example_journal)
    result = run(
        "checkin", "--no-input", "-r", "dayton-scrap=3.1",
        "--step-done", "coaching-supervisors:2", journal=example_journal,
    )  # fmt: skip
    assert result.exit_code == 1
    assert "capabilities.toml: error: is read-only" in result.stderr
    assert tree_hash(example_journal) == before


def test_a_step_marked_again_is_named_as_done(example_journal, run):
    args = ("checkin", "--no-input", "--step-done", "coaching-supervisors:2")
    assert run(*args, journal=example_journal).exit_code == 0
    again = run(*args, journal=example_journal)
    assert again.exit_code == 2
    assert "step 2 of 'coaching-supervisors' is already done (2026-11-27)" in again.stderr


def _half_made(journal: Path) -> tuple[Path, Path]:
    """What a writer killed between its renames leaves: both texts staged, one landed."""
    first, second = journal / "strategy.toml", journal / "team.toml"
    one = stage(first, first.read_text() + "# one\n")
    two = stage(second, second.read_text() + "# two\n")
    renames = [[os.path.relpath(s.temp, journal), s.target.name] for s in (one, two)]
    (journal / COMMIT_FILE).write_text(json.dumps({"renames": renames}))
    os.replace(one.temp, one.target)
    return first, second


def test_any_command_first_finishes_a_change_a_killed_writer_left(example_journal, run):
    first, second = _half_made(example_journal)
    assert not second.read_text().endswith("# two\n")
    result = run("dashboard", journal=example_journal)  # a reader
    assert result.exit_code == 0, result.stderr
    assert first.read_text().endswith("# one\n") and second.read_text().endswith("# two\n")
    assert not (example_journal / COMMIT_FILE).exists()
    assert not list(example_journal.glob(f".*{TEMP_SUFFIX}"))


def test_a_commit_record_renames_nothing_but_leadwork_temp_files(example_journal, run):
    """The record is a file in the journal: one that names other files is not obeyed."""
    team = example_journal / "team.toml"
    before = team.read_text()
    (example_journal / COMMIT_FILE).write_text(
        '{"renames": [["strategy.toml", "team.toml"], [".x.leadwork-tmp", "../outside"]]}'
    )
    assert run("check", journal=example_journal).exit_code == 0
    assert team.read_text() == before
    assert (example_journal / "strategy.toml").exists()
    assert not (example_journal / COMMIT_FILE).exists()
