"""A one-on-one's preparation shows the meeting as it stood before it (`prep_reads_until`):
asked for the day of a meeting already recorded, "last time" is the meeting before, not the
one that day; asked for a later day, it is that day's. Recording another meeting that day
comes after the one recorded."""

import json
from pathlib import Path

import pytest

from journals import write_trial_journal

FIRST = """\
person = "omar"
date = 2026-11-02

[[commitments]]
by = "them"
text = "Call the three lost accounts"
due = 2026-11-16

[[commitments]]
by = "me"
text = "Get the pricing approval"
due = 2026-11-16
"""

SECOND = """\
person = "omar"
date = 2026-11-16
progress = "Two of three called back."

[[last_time]]
by = "them"
text = "Call the three lost accounts"
outcome = "done"

[[last_time]]
by = "me"
text = "Get the pricing approval"
outcome = "done"

[[plans]]
indicator = "win-rate"
status = "course-correct"
plan = "A pricing review every Monday"

[[commitments]]
by = "them"
text = "Send the quote log every Friday"
due = 2026-11-30
"""

AFTER = {"LEADWORK_TODAY": "2026-11-27"}
ON_THE_DAY = {"LEADWORK_TODAY": "2026-11-16"}
NOTE = (
    "A one-on-one with Omar on 2026-11-16 is already recorded; this is the preparation as "
    "it stood before it."
)


@pytest.fixture
def journal(fresh_journal: Path) -> Path:
    write_trial_journal(fresh_journal)
    for week, value in (("2026-W45", 25), ("2026-W46", 24), ("2026-W47", 26)):
        text = f'week = "{week}"\n\n[readings]\nwin-rate = {value}\n'
        (fresh_journal / f"checkins/{week}.toml").write_text(text)
    (fresh_journal / "one-on-ones/2026-11-02-omar.toml").write_text(FIRST)
    (fresh_journal / "one-on-ones/2026-11-16-omar.toml").write_text(SECOND)
    return fresh_journal


def prep(run, journal: Path, *args: str, env=AFTER) -> str:
    result = run("one-on-one", "omar", "--prep", *args, journal=journal, env=env)
    assert result.exit_code == 0, result
    return " ".join(result.stdout.split())  # the words, whatever the wrapping


def prep_json(run, journal: Path, *args: str, env=AFTER) -> dict:
    result = run("one-on-one", "omar", "-f", "json", *args, journal=journal, env=env)
    assert result.exit_code == 0, result
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("args", "env"),
    [(("--date", "2026-11-16"), AFTER), ((), ON_THE_DAY)],
    ids=["a past day", "today, once recorded"],
)
def test_the_day_of_a_recorded_meeting_is_prepared_as_it_stood_before_it(run, journal, args, env):
    text = prep(run, journal, *args, env=env)
    assert text.startswith("One-on-one with Omar Haddad, Monday 16 November 2026")
    assert "Last one-on-one 2026-11-02 (14 days) · every 14 days · due 2026-11-16" in text
    assert NOTE in text
    assert "Open commitments from 2026-11-02" in text
    assert "Call the three lost accounts" in text and "Get the pricing approval" in text
    assert "Send the quote log" not in text  # made in that meeting
    assert "A pricing review every Monday" not in text  # agreed in that meeting
    assert "no plan yet" in text

    data = prep_json(run, journal, *args, env=env)
    assert data["last_one_on_one"] == "2026-11-02"
    assert data["recorded_that_day"] == 1
    assert [c["text"] for c in data["commitments"]] == [
        "Call the three lost accounts",
        "Get the pricing approval",
    ]
    assert data["indicators"][0]["plan"] is None
    assert data["cadence"]["last"] == "2026-11-02"

    agenda = run("one-on-one", "omar", "-f", "markdown", *args, journal=journal, env=env)
    assert "our last one-on-one was on 2026-11-02" in agenda.stdout
    assert "Call the three lost accounts" in agenda.stdout
    assert "Send the quote log" not in agenda.stdout


def test_a_later_day_comes_after_the_meeting(run, journal):
    text = prep(run, journal, "--date", "2026-11-17")
    assert "Last one-on-one 2026-11-16 (1 day)" in text
    assert "already recorded" not in text
    assert "Open commitments from 2026-11-16" in text
    assert "Send the quote log every Friday" in text
    assert "Call the three lost accounts" not in text
    assert "A pricing review every Monday" in text

    data = prep_json(run, journal, "--date", "2026-11-27")
    assert data["last_one_on_one"] == "2026-11-16"
    assert data["recorded_that_day"] == 0
    assert [c["text"] for c in data["commitments"]] == ["Send the quote log every Friday"]
    assert data["indicators"][0]["plan"]["text"] == "A pricing review every Monday"


def test_recording_another_meeting_that_day_comes_after_it(run, journal, monkeypatch):
    """The interview's opening is the recording's preparation: it follows up what the
    meeting already recorded left open, says so, and asks before recording a second."""
    monkeypatch.setattr("leadwork.cli.prompts.stdin_is_terminal", lambda: True)
    before = sorted(p.name for p in (journal / "one-on-ones").iterdir())
    looked = run("one-on-one", "omar", journal=journal, env=ON_THE_DAY, input="\n")
    assert looked.exit_code == 0, looked
    out = " ".join(looked.stdout.split())
    assert (
        "A one-on-one with Omar on 2026-11-16 is already recorded; this records another that "
        "day, after it: last time is that one." in out
    )
    assert "Open commitments from 2026-11-16" in out
    assert "Record another one-on-one on 2026-11-16 now? [y/N]" in out
    assert out.endswith("Nothing was written.")
    assert sorted(p.name for p in (journal / "one-on-ones").iterdir()) == before

    recorded = run(
        "one-on-one", "omar", "--no-input", "--done", "1", journal=journal, env=ON_THE_DAY
    )
    assert recorded.exit_code == 0, recorded
    second = (journal / "one-on-ones/2026-11-16-omar-2.toml").read_text()
    assert 'text = "Send the quote log every Friday"\noutcome = "done"' in second
