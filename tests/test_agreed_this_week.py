"""Trial 18, findings 2 and 3: an indicator agreed this week, before the week's check-in,
is shown by every view as new (no data, "new, agreed 7 Dec"), and its owner's one-on-one
asks for its first reading; a check-in that recorded readings alone says it is not done.

The journal: Omar owns win-rate since September; 2026-W49's check-in was done; on Monday
2026-12-07 (2026-W50) ship-otd is agreed with Tom. Views on Tuesday stand on 2026-W49.
"""

import json
from pathlib import Path

import pytest

from journals import write_trial_journal

TEAM = """\
[[people]]
id = "omar"
name = "Omar Haddad"
cadence_days = 14

[[people]]
id = "tom"
name = "Tom Becker"
cadence_days = 21
"""

SHIP_OTD = """
[[indicators]]
id = "ship-otd"
name = "On-time shipping"
owner = "tom"
agreed_on = 2026-12-07
serves = ["key-accounts"]
unit = "%"
direction = "higher"
target = 95
celebrate = 98
course_correct = 90
"""

W49 = """\
week = "2026-W49"

[readings]
win-rate = 36

[hours]
alignment = 8
accountability = 10
"""

TUESDAY = "2026-12-08"


@pytest.fixture
def journal(fresh_journal: Path) -> Path:
    write_trial_journal(fresh_journal)
    (fresh_journal / "team.toml").write_text(TEAM)
    with (fresh_journal / "indicators.toml").open("a") as file:
        file.write(SHIP_OTD)
    (fresh_journal / "checkins" / "2026-W49.toml").write_text(W49)
    return fresh_journal


def said(run, journal: Path, today: str, *args: str) -> str:
    result = run(*args, journal=journal, env={"LEADWORK_TODAY": today})
    assert result.exit_code == 0, result
    return result.stdout


def test_the_prep_lists_an_indicator_agreed_this_week_and_asks_its_first_reading(journal, run):
    shown = said(run, journal, TUESDAY, "one-on-one", "tom", "--prep")
    assert "owns no indicator" not in shown
    assert "On-time shipping" in shown
    assert "new, agreed 7 Dec" in shown
    assert "What is the first reading for On-time shipping?" in shown
    data = json.loads(said(run, journal, TUESDAY, "one-on-one", "tom", "--prep", "-f", "json"))
    (ship,) = data["indicators"]
    assert (ship["id"], ship["status"], ship["new_on"]) == ("ship-otd", "no-data", "2026-12-07")


def test_indicator_list_and_show_name_it_new(journal, run):
    listed = said(run, journal, TUESDAY, "indicator", "list")
    assert "Indicators, as of 2026-W49" in listed
    assert "ship-otd" in listed
    assert "new, agreed 7 Dec" in listed
    data = json.loads(said(run, journal, TUESDAY, "indicator", "list", "-f", "json"))
    by_id = {i["id"]: i for i in data["indicators"]}
    assert by_id["ship-otd"]["new_on"] == "2026-12-07"
    assert by_id["ship-otd"]["status"] == "no-data"
    assert by_id["win-rate"]["new_on"] is None
    shown = said(run, journal, TUESDAY, "indicator", "show", "ship-otd")
    assert "not tracked" not in shown
    assert "ship-otd: new, agreed 7 Dec, after 2026-W49: no reading yet" in shown


def test_the_dashboard_shows_it_new_and_owes_nothing_for_it(journal, run):
    shown = said(run, journal, TUESDAY, "dashboard")
    row = next(line for line in shown.splitlines() if line.startswith("On-time shipping"))
    assert "no data" in row
    assert "new, agreed 7 Dec" in row
    needs_you = shown.split("Needs you")[1]
    assert "On-time shipping" not in needs_you  # owed no reading for 2026-W49
    data = json.loads(said(run, journal, TUESDAY, "dashboard", "--format", "json"))
    by_id = {i["id"]: i for i in data["accountability"]["indicators"]}
    assert by_id["ship-otd"]["new_on"] == "2026-12-07"
    assert not by_id["ship-otd"]["trend_warning"]
    assert by_id["win-rate"]["new_on"] is None


def test_a_past_week_and_a_day_before_the_agreement_keep_the_span_rule(journal, run):
    past = said(run, journal, TUESDAY, "dashboard", "--week", "2026-W49")
    assert "On-time shipping" not in past
    listed = said(run, journal, TUESDAY, "indicator", "list", "--week", "2026-W49")
    assert "ship-otd" not in listed
    before = said(run, journal, "2026-12-06", "one-on-one", "tom", "--prep")
    assert "On-time shipping" not in before


def test_once_its_week_is_checked_in_it_is_tracked_as_any_other(journal, run):
    said(run, journal, "2026-12-11", "checkin", "--no-input", "-r", "win-rate=37")
    shown = said(run, journal, "2026-12-11", "dashboard")
    row = next(line for line in shown.splitlines() if line.startswith("On-time shipping"))
    assert "new, agreed" not in row
    assert "No reading this week for On-time shipping" in shown


# ---- finding 3: a check-in of readings alone ------------------------------------------------


def test_a_readings_only_check_in_says_it_is_not_done(journal, run):
    shown = said(run, journal, "2026-12-11", "checkin", "--no-input", "-r", "win-rate=37")
    assert "Recorded 2026-W50" in shown
    assert "Only readings: 2026-W50's check-in is not done yet" in " ".join(shown.split())
    done = said(run, journal, "2026-12-11", "checkin", "--no-input", "--hours", "alignment=4")
    assert "Only readings" not in done


def test_a_young_journal_of_readings_only_has_no_check_in_yet(fresh_journal, run):
    write_trial_journal(fresh_journal)
    said(run, fresh_journal, "2026-09-11", "checkin", "--no-input", "-r", "win-rate=36")
    shown = " ".join(said(run, fresh_journal, "2026-09-11", "dashboard").split())
    assert "No check-in yet, only readings: run `leadwork checkin`." in shown
    assert "13 weeks" not in shown.split("Needs you")[1]


def test_an_interview_answering_only_readings_says_so(fresh_journal, run, at_terminal):
    write_trial_journal(fresh_journal)
    result = run(
        "checkin",
        journal=fresh_journal,
        env={"LEADWORK_TODAY": "2026-09-11"},
        input="36\n" + "\n" * 40,
    )
    assert result.exit_code == 0, result
    shown = " ".join(result.stdout.split())
    assert "Recorded 2026-W37" in shown
    assert "Only readings: 2026-W37's check-in is not done yet" in shown
