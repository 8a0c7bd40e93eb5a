"""Trial 12's findings 1 and 6, through the CLI: a late monthly (quarterly) reading given
again in a re-run is the same reading, not the next period's; and the Monday note about
last week says what to undo in this week's file."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import Run
from journals import (
    TRIAL10_CSAT,
    TRIAL10_KB,
    said_on,
    trial10_indicators,
    trial10_journal,
    week_readings,
)

TICKETS = """
[[indicators]]
id = "tickets"
name = "Escalated tickets"
owner = "chloe"
agreed_on = 2026-09-21
unit = "tickets"
direction = "lower"
target = 60
celebrate = 50
course_correct = 75
"""
INDICATORS = trial10_indicators(TRIAL10_CSAT, TRIAL10_KB, TICKETS)


def mini(tmp_path: Path, run: Run) -> Path:
    return trial10_journal(tmp_path, run, INDICATORS)


lw = said_on
readings = week_readings


# ---- 1. the late reading given again is the same reading -----------------------------------


def test_a_late_reading_given_again_is_unchanged_not_the_next_periods(
    tmp_path: Path, run: Run
) -> None:
    journal = mini(tmp_path, run)
    lw(run, journal, "2026-12-30", "checkin", "--no-input", "--hours", "other=5")  # W53
    # Monday of 2027-W01: December's survey and Q4's audit arrive with a weekly reading
    monday = ("-r", "csat=88", "-r", "kb=27", "-r", "tickets=52")
    said = lw(run, journal, "2027-01-04", "checkin", "--no-input", *monday)
    assert "Recorded for Dec 2026 and 2026-Q4 in checkins/2026-W53.toml." in said
    w53 = (journal / "checkins" / "2026-W53.toml").read_text()
    # Friday: the same readings typed again, with the rest of the check-in
    friday = (*monday, "--hours", "other=6")
    said = lw(run, journal, "2027-01-08", "checkin", "--no-input", *friday)
    assert readings(journal, "2027-W01") == {"tickets": 52}  # no January csat, no Q1 kb
    assert (journal / "checkins" / "2026-W53.toml").read_text() == w53
    assert (
        "csat 88% for Dec 2026 unchanged (checkins/2026-W53.toml): the value it holds, given "
        "again, is not taken as Jan 2027's; if Jan 2027's is the same, give -r csat@2027-01=88."
    ) in said
    assert "kb 27% for 2026-Q4 unchanged" in said and "-r kb@2027-Q1=27" in said
    assert "for Jan 2027" not in said and "to correct it" not in said
    # the same in JSON: nothing changed for them, each listed as unchanged
    result = run("checkin", "--no-input", "-f", "json", *friday, journal=journal,
                 env={"LEADWORK_TODAY": "2027-01-08"})  # fmt: skip
    data = json.loads(result.stdout)
    assert data["outcome"] == "unchanged" and data["changes"] == [] and data["earlier"] == []
    assert data["unchanged"][0] == {
        "week": "2026-W53",
        "file": "checkins/2026-W53.toml",
        "section": "readings",
        "key": "csat",
        "value": 88,
        "period": "Dec 2026",
    }
    assert [u["key"] for u in data["unchanged"]] == ["csat", "kb"]
    assert data["notes"] == []


def test_a_different_value_goes_to_this_period_and_the_note_names_it(
    tmp_path: Path, run: Run
) -> None:
    journal = mini(tmp_path, run)
    lw(run, journal, "2026-12-30", "checkin", "--no-input", "--hours", "other=5")  # W53
    lw(run, journal, "2027-01-04", "checkin", "--no-input", "-r", "csat=88")
    said = lw(run, journal, "2027-01-08", "checkin", "--no-input", "-r", "csat=87")
    assert readings(journal, "2027-W01") == {"csat": 87}
    assert (
        "Dec 2026 holds 88% (checkins/2026-W53.toml); if 87% is Dec 2026's, to correct it: -r "
        "csat@2026-12=87, then delete `csat = 87` from checkins/2027-W01.toml by hand "
        "(recorded as Jan 2027's, it stays there)."
    ) in said
    assert "unchanged" not in said
    # January's own value equal to December's: named by its period, it is January's,
    # beside December's given again
    (journal / "checkins" / "2027-W01.toml").unlink()
    said = lw(run, journal, "2027-01-08", "checkin", "--no-input", "-r", "csat=88",
              "-r", "csat@2027-01=88")  # fmt: skip
    assert readings(journal, "2027-W01") == {"csat": 88} and "for Jan 2027" in said
    assert "csat 88% for Dec 2026 unchanged" in said
    assert "to correct it" not in said


def test_the_same_day_re_run_of_a_late_reading_changes_nothing(tmp_path: Path, run: Run) -> None:
    """Trial 12's stage 3: November's reading filed late into its last week by Friday's
    check-in of the first week of December; the same command again writes nothing."""
    journal = mini(tmp_path, run)
    lw(run, journal, "2026-11-20", "checkin", "--no-input", "--hours", "other=5")  # W47
    command = ("checkin", "--no-input", "-r", "csat=86", "-r", "tickets=70", "--hours", "other=5")
    said = lw(run, journal, "2026-12-04", *command)  # W49, December's first week
    assert "Recorded for Nov 2026 in checkins/2026-W48.toml." in said
    said = lw(run, journal, "2026-12-04", *command)
    assert "Nothing changed in checkins/2026-W49.toml" in said
    assert "csat 86% for Nov 2026 unchanged (checkins/2026-W48.toml)" in said
    assert readings(journal, "2026-W49") == {"tickets": 70}
    assert "to correct it" not in said


# ---- 6. the Monday note says what to undo in this week's file ------------------------------


def test_the_monday_note_says_to_delete_the_file_this_run_created(tmp_path: Path, run: Run) -> None:
    journal = mini(tmp_path, run)
    lw(run, journal, "2026-11-20", "checkin", "--no-input", "--hours", "other=5")  # W47
    said = lw(run, journal, "2026-11-30", "checkin", "--no-input", "-r", "tickets=71")  # Mon W49
    assert (
        "Recorded for this week, 2026-W49: last week's check-in, 2026-W48, was not done. If "
        "this was "
        "last week's, record it with `leadwork checkin --week 2026-W48` and delete "
        "checkins/2026-W49.toml, which this run created."
    ) in said


def test_the_monday_note_names_what_this_run_wrote_to_a_file_that_was_there(
    tmp_path: Path, run: Run
) -> None:
    journal = mini(tmp_path, run)
    lw(run, journal, "2026-11-20", "checkin", "--no-input", "--hours", "other=5")  # W47
    lw(run, journal, "2026-11-30", "story", "Chloe fixed the queue")  # W49's file, a capture
    lw(run, journal, "2026-11-30", "checkin", "--no-input", "-r", "tickets=71")
    said = lw(run, journal, "2026-11-30", "checkin", "--no-input", "-r", "tickets=72",
              "--story", "Chloe trained the night shift")  # fmt: skip
    assert (
        "record it with `leadwork checkin --week 2026-W48`; what this run wrote stays in "
        "checkins/2026-W49.toml: remove it by hand (readings tickets (it was 71); stories "
        "“Chloe trained the night shift”)."
    ) in said
    assert "which this run created" not in said
    # nothing written: the file keeps what it holds
    said = lw(run, journal, "2026-11-30", "checkin", "--no-input", "-r", "tickets=72")
    assert (
        "checkins/2026-W49.toml, which this run left as it was, keeps what it holds: remove "
        "by hand what belongs to last week."
    ) in said
    # a named week, even this one, gets no note
    said = lw(run, journal, "2026-11-30", "checkin", "--no-input", "--week", "2026-W49",
              "-r", "tickets=73")  # fmt: skip
    assert "was not done" not in said


def test_the_monday_note_says_a_week_of_readings_only_was_not_checked_in(
    tmp_path: Path, run: Run
) -> None:
    """Trial 14: last week's file holds readings only (imported): its check-in was not done,
    which the note says as such, not "has no check-in" beside a file that is there."""
    journal = mini(tmp_path, run)
    lw(run, journal, "2026-11-20", "checkin", "--no-input", "--hours", "other=5")  # W47
    (tmp_path / "r.csv").write_text("week,indicator,value\n2026-W48,tickets,70\n")
    lw(run, journal, "2026-11-30", "indicator", "import", str(tmp_path / "r.csv"))
    assert (journal / "checkins" / "2026-W48.toml").exists()
    said = lw(run, journal, "2026-11-30", "checkin", "--no-input", "--hours", "other=4")
    assert "has no check-in" not in said
    assert "last week's check-in, 2026-W48, was not done" in said
