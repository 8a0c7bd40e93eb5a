"""A plan given for an indicator that is not off track (trial 8, B1): written as given, said
plainly to be a note of intent, and kept out of the report's plans to get back on track
(`status.in_episode_on`, the rule the dashboard counts a plan for its episode by)."""

import json
import tomllib
from pathlib import Path

import pytest

TEAM = """
[[people]]
id = "lena"
name = "Lena F"
cadence_days = 14
"""

DOWNTIME = """
[[indicators]]
id = "downtime"
name = "Unplanned downtime"
owner = "lena"
agreed_on = 2027-01-04
unit = "hours"
direction = "lower"
target = 10
celebrate = 5
course_correct = 15
"""

W01 = {"LEADWORK_TODAY": "2027-01-08"}
MEETING = {"LEADWORK_TODAY": "2027-01-12"}  # 2027-W02
W02 = {"LEADWORK_TODAY": "2027-01-15"}
SAID = (
    "downtime is on track: the plan is kept as a note of intent, not counted as a plan to "
    "get back on track."
)


@pytest.fixture
def journal(fresh_journal: Path, run) -> Path:
    """Downtime read on track in 2027-W01."""
    with (fresh_journal / "team.toml").open("a") as team:
        team.write(TEAM)
    with (fresh_journal / "indicators.toml").open("a") as indicators:
        indicators.write(DOWNTIME)
    result = run("checkin", "--no-input", "--hours", "other=40", "-r", "downtime=8",
                 journal=fresh_journal, env=W01)  # fmt: skip
    assert result.exit_code == 0, result
    return fresh_journal


def one_line(text: str) -> str:
    return " ".join(text.split())


def recorded_plan(journal: Path) -> dict:
    meeting = tomllib.loads((journal / "one-on-ones/2027-01-12-lena.toml").read_text())
    (plan,) = meeting["plans"]
    return plan


def report(run, journal: Path) -> tuple[str, dict]:
    result = run("checkin", "--no-input", "--hours", "other=40", "-r", "downtime=9",
                 journal=journal, env=W02)  # fmt: skip
    assert result.exit_code == 0, result
    text = run("report", journal=journal, env=W02)
    data = run("report", "--format", "json", journal=journal, env=W02)
    assert text.exit_code == 0 and data.exit_code == 0, (text, data)
    (ind,) = json.loads(data.stdout)["indicators"]
    return one_line(text.stdout), ind


def test_recording_says_it_is_a_note_of_intent_and_the_report_keeps_it_apart(journal, run):
    result = run("one-on-one", "lena", "--no-input", "--progress", "ok",
                 "--plan", "downtime=Replace valve", journal=journal, env=MEETING)  # fmt: skip
    assert result.exit_code == 0, result
    assert SAID in one_line(result.stdout)
    assert recorded_plan(journal) == {  # the person's words, kept as given
        "indicator": "downtime",
        "status": "on-track",
        "plan": "Replace valve",
    }
    text, ind = report(run, journal)
    assert "plan agreed with Lena" not in text
    assert "note of intent with Lena on 2027-01-12, not off track then: Replace valve" in text
    assert ind["plans"] == []
    assert ind["intents"] == [{"date": "2027-01-12", "person": "lena", "text": "Replace valve"}]


@pytest.fixture
def terminal(monkeypatch):
    monkeypatch.setattr("leadwork.cli.prompts.stdin_is_terminal", lambda: True)


def test_the_interview_says_it_too(journal, run, terminal):
    result = run("one-on-one", "lena", "--plan", "downtime=Replace valve",
                 journal=journal, env=MEETING, input="\n" * 30)  # fmt: skip
    assert result.exit_code == 0, result
    assert SAID in one_line(result.stdout)
    assert recorded_plan(journal)["plan"] == "Replace valve"


def test_a_plan_while_off_track_is_a_plan_to_get_back_on_track(journal, run):
    result = run("checkin", "--no-input", "-r", "downtime=12", journal=journal, env=W01)
    assert result.exit_code == 0, result
    result = run("one-on-one", "lena", "--no-input", "--progress", "ok",
                 "--plan", "downtime=Replace valve", journal=journal, env=MEETING)  # fmt: skip
    assert result.exit_code == 0, result
    assert "note of intent" not in result.stdout
    text, ind = report(run, journal)
    assert "plan agreed with Lena on 2027-01-12: Replace valve" in text
    assert "note of intent" not in text and ind["intents"] == []


def test_no_plan_while_on_track_is_not_said_to_stay_on_the_agenda(journal, run):
    """Trial 13, finding 4: `--no-plan` for an indicator on track said "it stays on Lena's
    agenda until there is one", though no view shows it there: none is owed."""
    result = run("one-on-one", "lena", "--no-input", "--progress", "ok",
                 "--no-plan", "downtime", journal=journal, env=MEETING)  # fmt: skip
    assert result.exit_code == 0, result
    said = one_line(result.stdout)
    assert "downtime is on track: no plan is owed, so it is not on Lena's agenda." in said
    assert "stays on" not in said and "No plan yet" not in said
    assert recorded_plan(journal) == {"indicator": "downtime", "status": "on-track"}
    prep = run("one-on-one", "lena", "--prep", journal=journal, env=W02)
    assert prep.exit_code == 0, prep
    assert "no plan" not in prep.stdout.lower() and "plan to get back" not in prep.stdout.lower()


def test_no_plan_while_off_track_stays_on_the_agenda(journal, run):
    result = run("checkin", "--no-input", "-r", "downtime=12", journal=journal, env=W01)
    assert result.exit_code == 0, result
    result = run("one-on-one", "lena", "--no-input", "--progress", "ok",
                 "--no-plan", "downtime", journal=journal, env=MEETING)  # fmt: skip
    assert result.exit_code == 0, result
    said = one_line(result.stdout)
    assert "No plan yet for downtime: it stays on Lena's agenda until there is one." in said
    assert "no plan is owed" not in said
