"""A one-on-one's preparation takes its stories from the weeks it says it covers
(`one_on_one.prep_weeks`, one window of 13 weeks): ending with the meeting's week, so on a
Monday a story captured that morning counts, and the window still says "13 weeks" (eighth
trial, B2: it said "in the last 14 weeks" beside 13 weeks of readings). Sixth trial, r7."""

import datetime as dt
import json
from pathlib import Path

from leadwork.domain.one_on_one import prep_weeks
from leadwork.weeks import Week, week_range

from conftest import Run
from journals import write_sixth_trial_journal

STORY = "Sam rewired the ward 6 corridor lights overnight."
MONDAY = "2026-11-30"  # 2026-W49, before its check-in


def _journal(tmp_path: Path, run: Run) -> Path:
    journal = tmp_path / "journal"
    made = run(
        "init", str(journal), "--leader", "Helen Marsh", env={"LEADWORK_TODAY": "2026-08-31"}
    )
    assert made.exit_code == 0, made
    write_sixth_trial_journal(journal)

    def lw(today: str, *args: str) -> None:
        result = run(*args, journal=journal, env={"LEADWORK_TODAY": today})
        assert result.exit_code == 0, result

    lw("2026-09-02", "story", STORY, "--who", "sam", "--choice", "safe")  # W36
    for number in range(36, 49):  # weekly check-ins W36..W48, on Fridays
        friday = dt.date.fromisocalendar(2026, number, 5).isoformat()
        lw(friday, "checkin", "--no-input", "-r", "grounds-backlog=18")
    return journal


def _prep(run: Run, journal: Path, today: str) -> dict:
    result = run(
        "one-on-one", "sam", "--prep", "-f", "json", journal=journal, env={"LEADWORK_TODAY": today}
    )
    assert result.exit_code == 0, result
    return json.loads(result.stdout)


def test_on_a_monday_the_stories_come_from_the_weeks_the_prep_covers(tmp_path, run):
    journal = _journal(tmp_path, run)
    run(
        "story",
        "Sam found the leak.",
        "--who",
        "sam",
        journal=journal,
        env={"LEADWORK_TODAY": MONDAY},
    )

    sunday = _prep(run, journal, "2026-11-29")
    assert sunday["weeks"] == ["2026-W36", "2026-W48"]
    assert [s["week"] for s in sunday["stories"]] == ["2026-W36"]

    monday = _prep(run, journal, MONDAY)
    first, last = monday["weeks"]
    assert (first, last) == ("2026-W37", "2026-W49")  # 13 weeks, as on Sunday
    assert [s["week"] for s in monday["stories"]] == ["2026-W49"]
    assert all(first <= s["week"] <= last for s in monday["stories"])

    text = run(
        "one-on-one", "sam", "--prep", journal=journal, env={"LEADWORK_TODAY": MONDAY}
    ).stdout
    assert "Sam found the leak." in text and STORY not in text  # W36 is 14 weeks back
    assert "Indicators, 2026-W36 to 2026-W48" in text  # the readings stand on last week


def test_prep_weeks_are_13_ending_with_the_meeting_or_the_readings():
    stand, meeting = Week(2026, 48), Week(2026, 49)
    assert prep_weeks(stand, stand) == week_range(Week(2026, 36), stand)
    assert prep_weeks(stand, meeting) == week_range(Week(2026, 37), meeting)
