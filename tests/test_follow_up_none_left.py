"""What a week follows up when a later check-in gave every commitment an outcome (trial 12,
finding 7; `commitments.follow_up_source`): not "2026-W51's commitments  none to follow up"
of commitments 2026-W53 followed up, but the latest done check-in before the week, which
made none: "Last week's commitments  none made", in the dashboard and the check-in alike."""

import json
from pathlib import Path

import pytest

TEAM = """
[[people]]
id = "sam"
name = "Sam Ortiz"
"""

INDICATORS = """
[[indicators]]
id = "escalations"
name = "Escalations"
owner = "sam"
agreed_on = 2026-12-14
unit = "tickets"
direction = "lower"
target = 60
celebrate = 50
course_correct = 70
"""

W51 = "2026-12-18"
W53 = "2026-12-31"
W01 = "2027-01-04"  # Monday of 2027-W01
W01_TUE = "2027-01-05"


def ok(result) -> str:
    assert result.exit_code == 0, result
    return result.stdout


@pytest.fixture
def journal(fresh_journal: Path, run) -> Path:
    """2026-W51 made one commitment, 2026-W53 followed it up (done) and made none."""
    with (fresh_journal / "team.toml").open("a") as team:
        team.write(TEAM)
    with (fresh_journal / "indicators.toml").open("a") as indicators:
        indicators.write(INDICATORS)
    for today, args in (
        (W51, ["-r", "escalations=55", "-c", "Year-end letter to the team"]),
        (W53, ["-r", "escalations=52", "--done", "1"]),
    ):
        env = {"LEADWORK_TODAY": today}
        ok(
            run(
                "checkin", "--no-input", "--hours", "other=5", *args, journal=fresh_journal, env=env
            )
        )
    return fresh_journal


def commitments_line(run, journal: Path, today: str) -> str:
    out = ok(run("dashboard", journal=journal, env={"LEADWORK_TODAY": today, "COLUMNS": "100"}))
    (line,) = [
        " ".join(row.split())
        for row in out.splitlines()
        if "commitments " in row and "One-on-ones" not in row
    ]
    return line


def from_week(run, journal: Path, today: str) -> str | None:
    out = ok(run("dashboard", "-f", "json", journal=journal, env={"LEADWORK_TODAY": today}))
    return json.loads(out)["your_work"]["commitments"]["from_week"]


def test_the_week_that_followed_them_up_says_so(journal, run):
    assert commitments_line(run, journal, W53) == "2026-W51's commitments 1 of 1 done (100%)"


def test_a_week_of_readings_only_names_the_check_in_that_made_none(journal, run):
    ok(
        run(
            "checkin",
            "--no-input",
            "-r",
            "escalations=50",
            journal=journal,
            env={"LEADWORK_TODAY": W01},
        )
    )
    line = commitments_line(run, journal, W01_TUE)
    assert "2026-W51" not in line
    assert line == "Last week's commitments none made"
    assert from_week(run, journal, W01_TUE) == "2026-W53"


def test_the_check_in_of_that_week_follows_up_the_same(journal, run):
    out = ok(
        run(
            "checkin", "--no-input", "--hours", "other=6", "-f", "json",
            journal=journal, env={"LEADWORK_TODAY": W01_TUE},
        )
    )  # fmt: skip
    assert json.loads(out)["last_week"]["from_week"] == "2026-W53"
    assert commitments_line(run, journal, W01_TUE) == "Last week's commitments none made"
    assert from_week(run, journal, W01_TUE) == "2026-W53"


def test_open_ones_are_still_named_by_the_week_that_made_them(journal, run):
    env = {"LEADWORK_TODAY": "2027-01-08"}
    ok(
        run(
            "checkin", "--no-input", "--hours", "other=6", "-c", "Plan Q1", journal=journal, env=env
        )
    )
    ok(
        run(
            "checkin",
            "--no-input",
            "-r",
            "escalations=50",
            journal=journal,
            env={"LEADWORK_TODAY": "2027-01-11"},
        )
    )
    line = commitments_line(run, journal, "2027-01-12")
    assert line == "Last week's commitments 1 open from 2027-W01, not followed up yet"
