"""Trial 10's findings 4 to 7, through the CLI, on a journal like the trial's minimal one
(one person, a monthly CSAT and a quarterly KB indicator, both agreed 2026-09-21)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import Run
from journals import TRIAL10_CSAT, TRIAL10_KB, trial10_indicators, trial10_journal

INDICATORS = trial10_indicators(TRIAL10_KB, TRIAL10_CSAT)


def mini(tmp_path: Path, run: Run) -> Path:
    return trial10_journal(tmp_path, run, INDICATORS)


def lw(run: Run, journal: Path, today: str, *args: str) -> str:
    result = run(*args, journal=journal, env={"LEADWORK_TODAY": today})
    assert result.exit_code == 0, result
    return result.stdout


# ---- 4. readings alone are not a check-in ------------------------------------------------


def test_imported_readings_are_not_a_check_in(tmp_path: Path, run: Run) -> None:
    journal = mini(tmp_path, run)
    lw(run, journal, "2026-10-09", "checkin", "--no-input", "--hours", "other=5")  # W41
    lw(run, journal, "2026-11-13", "checkin", "--no-input", "--hours", "other=5")  # W46
    # a September reading entered late is filed in September's last week, 2026-W39
    lw(run, journal, "2026-11-13", "checkin", "--no-input", "-r", "csat@2026-09=86")
    assert (journal / "checkins" / "2026-W39.toml").exists()
    csv = tmp_path / "holiday.csv"
    csv.write_text("week,indicator,value\n2026-W47,csat,84\n2026-W49,csat,85\n")
    lw(run, journal, "2026-12-07", "indicator", "import", str(csv))

    board = lw(run, journal, "2026-12-07", "dashboard")
    # the dashboard still stands on the latest readings, and says what they are
    assert "2026-W50 has no check-in yet: showing 2026-W49, the latest with readings" in board
    assert "No check-in since 2026-W46 (3 weeks missed): run `leadwork checkin`." in board
    data = json.loads(lw(run, journal, "2026-12-07", "dashboard", "--format", "json"))
    assert data["week"] == "2026-W49" and data["latest_checkin_week"] == "2026-W46"

    report = lw(run, journal, "2026-12-07", "report", "--format", "markdown")
    assert "13 weeks, 2 with a check-in" in report
    assert "the report ends on 2026-W49, the latest with readings." in report
    assert "(13 weeks, 2 check-ins)" in lw(run, journal, "2026-12-07", "reflect")
    said = lw(run, journal, "2026-12-07", "check")
    assert "(2 check-ins, 3 weeks of readings only, 0 one-on-ones, 0 reviews)" in said

    # the week's check-in, when it is done, counts
    lw(run, journal, "2026-12-08", "checkin", "--no-input", "--hours", "other=5")
    board = lw(run, journal, "2026-12-08", "dashboard")
    assert "No check-in since" not in board and "has no check-in yet" not in board


def test_a_week_of_readings_only_says_it_has_no_check_in(tmp_path: Path, run: Run) -> None:
    journal = mini(tmp_path, run)
    lw(run, journal, "2026-10-30", "checkin", "--no-input", "-r", "csat=83", "--hours", "other=5")
    lw(run, journal, "2026-11-20", "checkin", "--no-input", "-r", "csat=84")  # W47: Nov
    board = lw(run, journal, "2026-11-20", "dashboard")
    assert "No check-in for 2026-W47." in board
    assert "84%" in board  # the reading is shown, as ever


# ---- 6. a commitment's number is "#2", never a bare 2 --------------------------------------


def test_someone_who_left_names_your_open_commitment_by_its_number(
    tmp_path: Path, run: Run
) -> None:
    journal = mini(tmp_path, run)
    mine = "2026-11-20=Send a reference letter"
    lw(run, journal, "2026-11-04", "one-on-one", "chloe", "--no-input", "--progress", "x",
       "--theirs", "2026-11-20=Her thing", "--mine", mine)  # fmt: skip
    team = journal / "team.toml"
    team.write_text(team.read_text() + "left_on = 2026-11-06\n")
    result = run("one-on-one", "chloe", "--prep", journal=journal,
                 env={"LEADWORK_TODAY": "2026-12-16"})  # fmt: skip
    assert result.exit_code == 2, result
    assert "your commitment #2 from their one-on-ones stays open" in result.stderr
    assert "--done 2, --carried 2=DUE or --dropped 2" in result.stderr
    assert "(2:" not in result.stderr


# ---- 7. the summary names follow-ups as the done-rate line does ----------------------------


def test_follow_ups_of_an_older_week_are_named_by_it(tmp_path: Path, run: Run) -> None:
    journal = mini(tmp_path, run)
    lw(run, journal, "2026-11-13", "checkin", "--no-input", "--hours", "other=5",
       "-c", "Ask HR for an analyst")  # fmt: skip
    said = lw(run, journal, "2026-12-11", "checkin", "--no-input", "--hours", "other=5",
              "--carried", "1")  # fmt: skip
    assert "  2026-W46's   Ask HR for an analyst  carried" in said
    assert "last week" not in said
    assert "2026-W46's commitments: 0 of 1 done (0%)." in said
    said = lw(run, journal, "2026-12-18", "checkin", "--no-input", "--done", "1")
    assert "  last week's  Ask HR for an analyst  done" in said
    assert "Last week's commitments: 1 of 1 done (100%)." in said


# ---- 5. a plain reading after a late one says how to correct the late one -----------------


def test_a_plain_reading_after_a_late_one_says_how_to_correct_it(tmp_path: Path, run: Run) -> None:
    journal = mini(tmp_path, run)
    lw(run, journal, "2026-12-30", "checkin", "--no-input", "--hours", "other=5")  # W53
    said = lw(run, journal, "2027-01-08", "checkin", "--no-input", "-r", "csat=86")
    assert "Recorded for Dec 2026 in checkins/2026-W53.toml." in said
    said = lw(run, journal, "2027-01-08", "checkin", "--no-input", "-r", "csat=87")
    assert "for Jan 2027" in said
    note = (
        "Dec 2026 holds 86% (checkins/2026-W53.toml); if 87% is Dec 2026's, to correct it: -r "
        "csat@2026-12=87, then delete `csat = 87` from checkins/2027-W01.toml by hand "
        "(recorded as Jan 2027's, it stays there)."
    )
    assert note in " ".join(said.split())
    # correcting January's own reading, or December's by name, needs no note
    said = lw(run, journal, "2027-01-08", "checkin", "--no-input", "-r", "csat=88")
    assert "87% → 88%" in said and "to correct it" not in said
    said = lw(run, journal, "2027-01-08", "checkin", "--no-input", "-r", "csat@2026-12=87")
    assert "86% → 87%" in said and "to correct it" not in said
    # two weeks into January, December is no longer "recent": nothing to say
    (journal / "checkins" / "2027-W01.toml").unlink()
    said = lw(run, journal, "2027-01-22", "checkin", "--no-input", "-r", "csat=85")
    assert "to correct it" not in said


def test_a_check_in_is_looked_for_only_as_far_back_as_a_view_shows(
    tmp_path: Path, run: Run
) -> None:
    """Readings imported week after week, and no check-in done: Needs you says none was
    done in the 13 weeks a view shows, and no file before the weeks the dashboard reads is
    opened for it (a journal of years of imported readings is not read back to its first
    week: here, a broken file a year back)."""
    journal = mini(tmp_path, run)
    rows = "".join(f"2026-W{n},csat,{80 + n % 5}\n" for n in range(33, 49))
    (tmp_path / "r.csv").write_text("week,indicator,value\n" + rows)
    lw(run, journal, "2026-11-27", "indicator", "import", str(tmp_path / "r.csv"))
    (journal / "checkins" / "2025-W40.toml").write_text("this is not TOML")
    shown = lw(run, journal, "2026-11-27", "dashboard")
    assert "No check-in in 13 weeks, only readings: run `leadwork checkin`." in shown
