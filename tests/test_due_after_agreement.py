"""A month or quarter the indicator was agreed in the last week of owes nothing, and its first
reading is due for the next (trial 12, finding 2; `status.period_due`): every view says
"due for 2027-Q1", in the agreement week and after the quarter ended, as the check-in files
a plain reading then; the check-in of the agreement week does not ask for the quarter."""

import json
import tomllib
from pathlib import Path

import pytest

TEAM = """
[[people]]
id = "nora"
name = "Nora Quinn"
"""

INDICATORS = """
[[indicators]]
id = "audit"
name = "Safety audit"
owner = "nora"
agreed_on = 2026-12-28
unit = "points"
direction = "higher"
cadence = "quarterly"
target = 90
celebrate = 95
course_correct = 80

[[indicators]]
id = "csat"
name = "Survey"
owner = "nora"
agreed_on = 2026-11-23
unit = "%"
direction = "higher"
cadence = "monthly"
target = 85
celebrate = 90
course_correct = 80
"""

# audit: agreed Monday 28 Dec 2026, of 2026-W53, Q4's last week (Thursday 31 Dec)
# csat: agreed Monday 23 Nov 2026, of 2026-W48, November's last week (Thursday 26 Nov)
DEC_31 = "2026-12-31"  # 2026-W53
JAN_4 = "2027-01-04"  # Monday of 2027-W01: Q4 has ended, W01 has no check-in yet
NOV_27 = "2026-11-27"  # 2026-W48
NOV_30 = "2026-11-30"  # Monday of 2026-W49: November has ended, W49 has no check-in yet


@pytest.fixture
def journal(fresh_journal: Path) -> Path:
    with (fresh_journal / "team.toml").open("a") as team:
        team.write(TEAM)
    with (fresh_journal / "indicators.toml").open("a") as indicators:
        indicators.write(INDICATORS)
    return fresh_journal


def said(run, journal: Path, today: str, *args: str) -> str:
    result = run(*args, journal=journal, env={"LEADWORK_TODAY": today, "COLUMNS": "160"})
    assert result.exit_code == 0, result
    return " ".join(result.stdout.split())


def checkin(run, journal: Path, today: str, *args: str) -> str:
    return said(run, journal, today, "checkin", "--no-input", "--hours", "other=5", *args)


def views(run, journal: Path, today: str, week: str) -> dict[str, str]:
    return {
        "dashboard": said(run, journal, today, "dashboard"),
        "list": said(run, journal, today, "indicator", "list"),
        "show": said(run, journal, today, "indicator", "show", "audit"),
        "report": said(run, journal, today, "report", "--to", week),
    }


@pytest.mark.parametrize("today", [DEC_31, JAN_4])
def test_a_quarter_agreed_in_its_last_week_is_never_due(journal, run, today):
    checkin(run, journal, DEC_31)
    for name, out in views(run, journal, today, "2026-W53").items():
        assert "2026-Q4" not in out, name
        assert "due for 2027-Q1" in out, name
    data = json.loads(said(run, journal, today, "dashboard", "-f", "json"))
    (audit,) = [i for i in data["accountability"]["indicators"] if i["id"] == "audit"]
    assert audit["due_for"] == "2027-Q1"


def test_the_check_in_files_the_first_reading_for_the_quarter_the_views_name(journal, run):
    checkin(run, journal, DEC_31)
    assert "due for 2027-Q1" in said(run, journal, JAN_4, "dashboard")
    assert "for 2027-Q1" in checkin(run, journal, "2027-01-08", "-r", "audit=92")
    readings = tomllib.loads((journal / "checkins/2027-W01.toml").read_text())["readings"]
    assert readings == {"audit": 92}


def test_the_agreement_week_does_not_ask_for_its_quarter(journal, run, at_terminal):
    result = run("checkin", journal=journal, env={"LEADWORK_TODAY": DEC_31}, input="\n" * 60)
    assert result.exit_code == 0, result
    assert "Safety audit" not in result.stdout
    # a reading given all the same is that week's quarter's, as the week says
    assert "for 2026-Q4" in checkin(run, journal, DEC_31, "-r", "audit=91")


@pytest.mark.parametrize("today", [NOV_27, NOV_30])
def test_a_month_agreed_in_its_last_week_is_never_due(journal, run, today):
    checkin(run, journal, NOV_27)
    out = said(run, journal, today, "dashboard")
    listed = said(run, journal, today, "indicator", "list")
    shown = said(run, journal, today, "indicator", "show", "csat")
    for view in (out, listed, shown):
        assert "for Nov 2026" not in view and "due for Dec 2026" in view


def test_a_quarter_agreed_earlier_in_it_is_due_for_it_until_it_ends(journal, run):
    text = (journal / "indicators.toml").read_text()
    (journal / "indicators.toml").write_text(text.replace("2026-12-28", "2026-12-14"))  # W51
    checkin(run, journal, "2026-12-18")
    assert "due for 2026-Q4" in said(run, journal, "2026-12-18", "dashboard")
    checkin(run, journal, DEC_31)
    assert "due for 2026-Q4" in said(run, journal, DEC_31, "dashboard")
    # on Monday, Q4 has ended unread: it owes nothing (agreed part-way), Q1 is due
    out = said(run, journal, JAN_4, "dashboard")
    assert "2026-Q4" not in out and "due for 2027-Q1" in out
