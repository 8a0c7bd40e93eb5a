"""A report's "Needs you" judges an indicator at the range's end by its latest reading in
force (`status.latest_reading`), as the dashboard judges a week without a reading (it does
not end an off-track run): a last week checked in without readings (a follow-ups-only week)
no longer hides an indicator at risk that its own section says has no plan. Sixth trial,
r2. Through the CLI on a small journal built as the repro does."""

import json
from pathlib import Path

from conftest import Run
from journals import write_sixth_trial_journal

AT_RISK = "Grounds work-order backlog: at risk at the end of the range"


def _journal(tmp_path: Path, run: Run) -> Path:
    journal = tmp_path / "journal"
    made = run(
        "init", str(journal), "--leader", "Helen Marsh", env={"LEADWORK_TODAY": "2026-08-31"}
    )
    assert made.exit_code == 0, made
    write_sixth_trial_journal(journal)
    for today, *flags in (
        ("2026-09-04", "-r", "grounds-backlog=18"),  # W36 on track
        ("2026-09-11", "-r", "grounds-backlog=25"),  # W37 at risk
        ("2026-09-18", "--confident", "Quiet week", "-c", "Call Tony"),  # W38: no readings
    ):
        done = run("checkin", "--no-input", *flags, journal=journal, env={"LEADWORK_TODAY": today})
        assert done.exit_code == 0, done
    return journal


def test_a_last_week_without_readings_keeps_an_indicator_at_risk_in_needs_you(tmp_path, run):
    journal = _journal(tmp_path, run)
    env = {"LEADWORK_TODAY": "2026-09-18"}

    text = run("report", journal=journal, env=env).stdout
    needs_you = text.split("## Needs you", 1)[1].split("## Leading indicators", 1)[0]
    assert f"{AT_RISK} (last read in 2026-W37)." in needs_you
    assert "Nothing in this range is left to act on" not in needs_you
    # ...as its own section says it, and as a range ending on W37 does.
    assert "no plan recorded for the current off-track run" in text
    before = run("report", "--to", "2026-W37", journal=journal, env=env).stdout
    assert f"{AT_RISK}." in before

    data = json.loads(run("report", "-f", "json", journal=journal, env=env).stdout)
    assert any(line.startswith(AT_RISK) for line in data["needs_you"])
    html = run("report", "-f", "html", journal=journal, env=env).stdout
    assert AT_RISK in html


QUARTERLY = """\
[[indicators]]
id = "engagement"
name = "Engagement pulse"
owner = "me"
agreed_on = 2026-10-05
direction = "higher"
cadence = "quarterly"
target = 20
celebrate = 35
course_correct = 5
"""


def test_a_quarter_awaiting_its_reading_has_no_current_off_track_run(tmp_path, run):
    """Trial 7, A3: read at risk in 2026-W50 (Q4), then a January range. The dashboard says
    "no data · due for 2027-Q1", the table no week at risk: the notes do not speak of a
    current off-track run, nor Needs you of an indicator at risk; a range ending in Q4
    still does."""
    journal = tmp_path / "journal"
    made = run("init", str(journal), "--leader", "T", env={"LEADWORK_TODAY": "2026-10-05"})
    assert made.exit_code == 0, made
    (journal / "strategy.toml").write_text('purpose = "p"\n')
    (journal / "indicators.toml").write_text(QUARTERLY)
    for today, *flags in (
        ("2026-12-11", "-r", "engagement=18"),  # W50, at risk
        ("2027-01-08", "--hours", "other=1"),
        ("2027-01-15", "--hours", "other=1"),
    ):
        done = run("checkin", "--no-input", *flags, journal=journal, env={"LEADWORK_TODAY": today})
        assert done.exit_code == 0, done
    env = {"LEADWORK_TODAY": "2027-01-15"}
    board = run("dashboard", journal=journal, env=env).stdout
    assert "due for 2027-Q1" in board
    for first in ("2027-W01", "2026-W50"):
        text = run("report", "--from", first, "--to", "2027-W02", journal=journal, env=env).stdout
        assert "current off-track run" not in text, text
        assert "Nothing in this range is left to act on." in text, text
        data = json.loads(
            run("report", "--from", first, "--to", "2027-W02", "-f", "json", journal=journal,
                env=env).stdout
        )  # fmt: skip
        [ind] = data["indicators"]
        assert ind["no_plan_for_off_track_run"] is False
    q4 = run("report", "--from", "2026-W50", "--to", "2026-W53", journal=journal, env=env).stdout
    assert "Engagement pulse: at risk at the end of the range." in q4
    assert "no plan recorded for the current off-track run" in q4
