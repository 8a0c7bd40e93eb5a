"""A month that ended without a reading (trial 8, A1): the dashboard and the check-in name
the same month (`status.unread_period`), the check-in files the answer in that month's
last week, and the gap stays listed until it is read or the month after it ends."""

import json
import tomllib
from pathlib import Path

import pytest

from journals import TRIAL8_COMPLAINTS, TRIAL8_TEAM

TEAM, COMPLAINTS = TRIAL8_TEAM, TRIAL8_COMPLAINTS

JAN_END = {"LEADWORK_TODAY": "2027-01-29"}  # 2027-W04, January's last week
FEB_5 = {"LEADWORK_TODAY": "2027-02-05"}  # 2027-W05, February's first
W04 = "checkins/2027-W04.toml"
W05 = "checkins/2027-W05.toml"
W08 = "checkins/2027-W08.toml"


@pytest.fixture
def journal(fresh_journal: Path, run) -> Path:
    """Complaints read monthly, agreed 4 Jan; January checked in without its reading, and
    the first week of February checked in (hours only)."""
    with (fresh_journal / "team.toml").open("a") as team:
        team.write(TEAM)
    with (fresh_journal / "indicators.toml").open("a") as indicators:
        indicators.write(COMPLAINTS)
    for env in (JAN_END, FEB_5):
        result = run("checkin", "--no-input", "--hours", "other=40", journal=fresh_journal, env=env)
        assert result.exit_code == 0, result
    return fresh_journal


def readings(journal: Path, rel: str) -> dict:
    return tomllib.loads((journal / rel).read_text()).get("readings", {})


def dashboard(run, journal: Path, env: dict[str, str]) -> str:
    result = run("dashboard", journal=journal, env={**env, "COLUMNS": "100"})
    assert result.exit_code == 0, result
    return result.stdout


def test_a_flag_after_the_month_files_it_in_the_month_the_dashboard_asks_for(journal, run):
    assert "No reading for Jan 2027: Customer complaints." in dashboard(run, journal, FEB_5)
    result = run("checkin", "--no-input", "-r", "complaints=5", journal=journal, env=FEB_5)
    assert result.exit_code == 0, result
    assert "Recorded for Jan 2027 in checkins/2027-W04.toml." in result.stdout
    assert "for Jan 2027" in result.stdout and "Feb 2027" not in result.stdout
    assert readings(journal, W04) == {"complaints": 5}
    assert readings(journal, W05) == {}
    assert "other = 40" in (journal / W04).read_text()  # amended, not replaced
    shown = dashboard(run, journal, FEB_5)
    assert "Jan 2027" not in shown and "due for Feb 2027" in shown
    # February's own reading, once January has one, is this week's
    result = run("checkin", "--no-input", "-r", "complaints=3", journal=journal, env=FEB_5)
    assert "for Feb 2027" in result.stdout and readings(journal, W05) == {"complaints": 3}


def test_the_json_summary_names_the_earlier_file(journal, run):
    result = run(
        "checkin", "--no-input", "-r", "complaints=5", "--format", "json",
        journal=journal, env=FEB_5,
    )  # fmt: skip
    data = json.loads(result.stdout)
    assert data["outcome"] == "unchanged"
    assert data["earlier"] == [
        {
            "week": "2027-W04",
            "file": W04,
            "outcome": "amended",
            "changes": [{"section": "readings", "key": "complaints", "old": None, "new": 5}],
        }
    ]


def test_a_reading_may_name_its_month(journal, run):
    result = run("checkin", "--no-input", "-r", "complaints@2027-02=3", journal=journal, env=FEB_5)
    assert result.exit_code == 0, result
    assert readings(journal, W05) == {"complaints": 3} and readings(journal, W04) == {}
    assert "No reading for Jan 2027: Customer complaints." in dashboard(run, journal, FEB_5)
    result = run("checkin", "--no-input", "-r", "complaints@2027-01=6", journal=journal, env=FEB_5)
    assert "Recorded for Jan 2027 in checkins/2027-W04.toml." in result.stdout
    assert readings(journal, W04) == {"complaints": 6}


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("complaints@2027-03=3", "Mar 2027 is after 2027-W05, the week being checked in"),
        ("complaints@2027-13=3", "'2027-13' is not a month as YYYY-MM, e.g. 2027-02"),
        ("complaints@2027-Q1=3", "'2027-Q1' is not a month as YYYY-MM, e.g. 2027-02"),
    ],
)
def test_a_period_that_is_not_one_is_refused_with_nothing_written(journal, run, given, said):
    before = (journal / W05).read_text()
    result = run("checkin", "--no-input", "-r", given, journal=journal, env=FEB_5)
    assert result.exit_code != 0 and said in " ".join(result.stderr.split())
    assert (journal / W05).read_text() == before and readings(journal, W04) == {}


def test_the_same_month_twice_is_refused(journal, run):
    result = run(
        "checkin", "--no-input", "-r", "complaints=5", "-r", "complaints@2027-01=6",
        journal=journal, env=FEB_5,
    )  # fmt: skip
    assert result.exit_code != 0 and "complaints for Jan 2027 is given twice" in result.stderr


def test_the_interview_asks_for_the_month_that_ended_first(journal, run, at_terminal):
    typed = "5\n" + "\n" * 60  # January's number, then Enter to everything else
    result = run("checkin", journal=journal, env=FEB_5, input=typed)
    assert result.exit_code == 0, result
    out = " ".join(result.stdout.split())
    assert "Customer complaints for Jan 2027 (overdue) complaints" in out
    assert "monthly, filed in 2027-W04" in out
    assert out.index("for Jan 2027 (overdue)") < out.index("due for Feb 2027")
    assert "Recorded for Jan 2027 in checkins/2027-W04.toml." in out
    assert readings(journal, W04) == {"complaints": 5} and readings(journal, W05) == {}
    assert not (journal / ".drafts/2027-W05.toml").exists()


def test_an_interrupted_interview_keeps_the_earlier_month_in_its_draft(journal, run, at_terminal):
    run("checkin", journal=journal, env=FEB_5, input="5\n")  # input ends: interrupted
    draft = tomllib.loads((journal / ".drafts/2027-W05.toml").read_text())
    assert draft["answers"]["earlier"] == {"2027-W04": {"complaints": 5}}
    result = run("checkin", journal=journal, env=FEB_5, input="\n" * 60)  # resume: yes
    assert result.exit_code == 0, result
    assert readings(journal, W04) == {"complaints": 5}


def test_a_later_month_read_does_not_hide_the_missing_one_until_its_month_ends(journal, run):
    march = {"LEADWORK_TODAY": "2027-03-12"}  # 2027-W10
    run("checkin", "--no-input", "-r", "complaints@2027-01=5", journal=journal, env=FEB_5)
    result = run(
        "checkin", "--no-input", "-r", "complaints@2027-03=3", "--hours", "other=40",
        journal=journal, env=march,
    )  # fmt: skip
    assert result.exit_code == 0, result
    shown = dashboard(run, journal, march)
    assert "No reading for Feb 2027: Customer complaints." in shown
    assert "no reading for Feb 2027" in shown  # the indicator's row too
    report = run("report", "--from", "2027-W01", "--to", "2027-W10", journal=journal, env=march)
    assert "- Customer complaints: no reading for Feb 2027." in report.stdout
    # the check-in asks for February still, and files it there
    result = run("checkin", "--no-input", "-r", "complaints=4", journal=journal, env=march)
    assert "Recorded for Feb 2027 in checkins/2027-W08.toml." in result.stdout
    assert readings(journal, W08) == {"complaints": 4}
    assert "Feb 2027" not in dashboard(run, journal, march)


def test_a_missing_month_is_listed_until_the_month_after_it_ends(journal, run):
    run("checkin", "--no-input", "-r", "complaints@2027-01=5", journal=journal, env=FEB_5)
    march = {"LEADWORK_TODAY": "2027-03-12"}
    run("checkin", "--no-input", "-r", "complaints@2027-03=3", "--hours", "other=40",
        journal=journal, env=march)  # fmt: skip
    assert "No reading for Feb 2027" in dashboard(run, journal, march)
    april = {"LEADWORK_TODAY": "2027-04-09"}  # 2027-W14: March is read, February is past
    run("checkin", "--no-input", "--hours", "other=40", journal=journal, env=april)
    shown = dashboard(run, journal, april)
    assert "Feb 2027" not in shown and "due for Apr 2027" in shown


def test_a_named_week_takes_a_plain_reading_as_its_own(journal, run):
    """--week names the file: a plain -r is that week's month, as before (the way to put a
    reading in an old week by hand)."""
    result = run(
        "checkin", "--no-input", "--week", "2027-W05", "-r", "complaints=3",
        journal=journal, env=FEB_5,
    )  # fmt: skip
    assert result.exit_code == 0, result
    assert readings(journal, W05) == {"complaints": 3} and readings(journal, W04) == {}


def test_a_quarter_that_ended_unread_takes_the_reading_in_its_last_week(fresh_journal, run):
    quarterly = COMPLAINTS.replace('"monthly"', '"quarterly"').replace("2027-01-04", "2026-10-01")
    with (fresh_journal / "team.toml").open("a") as team:
        team.write(TEAM)
    with (fresh_journal / "indicators.toml").open("a") as indicators:
        indicators.write(quarterly)
    january = {"LEADWORK_TODAY": "2027-01-08"}  # 2027-W01, Thursday 7 Jan: Q1's first week
    result = run("checkin", "--no-input", "-r", "complaints=5", journal=fresh_journal, env=january)
    assert result.exit_code == 0, result
    assert "Recorded for 2026-Q4 in checkins/2026-W53.toml." in result.stdout
    assert readings(fresh_journal, "checkins/2026-W53.toml") == {"complaints": 5}
    result = run(
        "checkin", "--no-input", "-r", "complaints@2027-Q1=4", journal=fresh_journal, env=january
    )
    assert readings(fresh_journal, "checkins/2027-W01.toml") == {"complaints": 4}
