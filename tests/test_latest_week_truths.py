"""The report and the one-on-one tell the truth about irregular weeks (fifth trial),
through the CLI on a small journal built as the trial's repro scripts build it:

1. Without --to, a report (and a reflection) ends on the week the dashboard stands on:
   this week once it is checked in, else the latest week that is, and says so.
2. A range without a reading (a skipped week) keeps the plan in force for an off-track
   episode begun before it, whatever other indicators are defined.
3. A one-on-one commitment carried too often, then done, is listed as a weekly one is.
4. The one-on-one preparation says "this week" only of the meeting's week, and a month
   that passed unread as the dashboard says it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import Run
from journals import write_trial_journal

MARGIN = """
[[indicators]]
id = "margin"
name = "Regional gross margin"
owner = "omar"
agreed_on = 2026-09-07
serves = ["key-accounts"]
unit = "%"
direction = "higher"
cadence = "monthly"
target = 24
celebrate = 26
course_correct = 22
"""

NO_PLAN = "no plan recorded for the current off-track run"


@pytest.fixture
def journal(tmp_path: Path, run: Run) -> Path:
    """`base.sh`: one leader, Omar, one weekly indicator he owns."""
    path = tmp_path / "journal"
    made = run("init", str(path), "--leader", "Rosa Delgado", env={"LEADWORK_TODAY": "2026-09-07"})
    assert made.exit_code == 0, made
    write_trial_journal(path)
    return path


def lw(run: Run, journal: Path, today: str, *args: str):
    result = run(*args, journal=journal, env={"LEADWORK_TODAY": today})
    assert result.exit_code == 0, result
    return result


def as_json(run: Run, journal: Path, today: str, *args: str) -> dict:
    return json.loads(lw(run, journal, today, *args, "--format", "json").stdout)


# ---- 1. the week a range ends on -------------------------------------------------------------

TUESDAY = "2026-11-10"  # 2026-W46, before its check-in


def test_a_report_before_this_weeks_check_in_ends_on_the_dashboards_week(journal, run):
    lw(run, journal, "2026-11-06", "checkin", "--no-input", "-r", "win-rate=27", "--note", "x")
    board = as_json(run, journal, TUESDAY, "dashboard")  # W45 checked in
    assert board["week"] == "2026-W45"

    data = as_json(run, journal, TUESDAY, "report")
    assert (data["first"], data["last"]) == ("2026-W33", "2026-W45")
    assert data["unchecked_current"] == "2026-W46"
    assert "Chicago quote win rate: course-correct at the end of the range." in data["needs_you"]
    [win] = data["indicators"]
    assert win["history"][-1] == {"week": "2026-W45", "value": 27.0, "status": "course-correct"}
    assert win["weeks_by_status"]["no-data"] == 8  # W37 (agreed) to W44: no W46
    # The same as asking for the week the dashboard shows.
    asked = as_json(run, journal, TUESDAY, "report", "--to", "2026-W45")
    assert asked["indicators"] == data["indicators"] and asked["needs_you"] == data["needs_you"]
    assert asked["unchecked_current"] is None

    markdown = lw(run, journal, TUESDAY, "report").stdout
    said = "2026-W46 has no check-in yet: the report ends on 2026-W45, the latest."
    assert said in markdown
    assert "Nothing in this range is left to act on." not in markdown
    assert said in lw(run, journal, TUESDAY, "report", "--format", "html").stdout
    assert said not in lw(run, journal, TUESDAY, "report", "--to", "2026-W45").stdout

    # Once this week is checked in, the report ends on it.
    lw(run, journal, TUESDAY, "checkin", "--no-input", "-r", "win-rate=36")
    after = as_json(run, journal, TUESDAY, "report")
    assert (after["last"], after["unchecked_current"]) == ("2026-W46", None)
    assert not any(n.startswith("Chicago quote win rate") for n in after["needs_you"])


def test_a_range_from_a_week_not_checked_in_yet_needs_its_end(journal, run):
    lw(run, journal, "2026-11-06", "checkin", "--no-input", "-r", "win-rate=27")
    for command in ("report", "reflect"):
        result = run(
            command, "--from", "2026-W46", journal=journal, env={"LEADWORK_TODAY": TUESDAY}
        )
        assert result.exit_code == 2, result
        assert "--from: 2026-W46 comes after 2026-W45, the latest week checked in" in result.stderr
        assert "hint: end it on a week without a check-in: --to 2026-W46" in result.stderr
        ended = run(
            command,
            "--from",
            "2026-W46",
            "--to",
            "2026-W46",
            "--format",
            "json",
            journal=journal,
            env={"LEADWORK_TODAY": TUESDAY},
        )
        assert ended.exit_code == 0, ended


def test_a_reflection_before_this_weeks_check_in_ends_on_the_dashboards_week(journal, run):
    for day in ("2026-10-30", "2026-11-06"):  # W44, W45
        lw(run, journal, day, "checkin", "--no-input", "--confidence", "alignment=3")
    data = as_json(run, journal, TUESDAY, "reflect")
    assert (data["from"], data["to"]) == ("2026-W33", "2026-W45")
    assert data["unchecked_current"] == "2026-W46"
    assert [w["alignment"] for w in data["weeks"][-2:]] == [3, 3]
    text = lw(run, journal, TUESDAY, "reflect").stdout
    assert "2026-W33 to 2026-W45 (13 weeks, 2 check-ins)" in text
    assert "2026-W46 has no check-in yet: ending on 2026-W45, the latest." in text
    markdown = lw(run, journal, TUESDAY, "reflect", "--format", "markdown", "--private").stdout
    assert "2026-W46 has no check-in yet: ending on 2026-W45, the latest." in markdown
    asked = as_json(run, journal, TUESDAY, "reflect", "--to", "2026-W45")
    assert asked["weeks"] == data["weeks"] and asked["unchecked_current"] is None


# ---- 2. a skipped week keeps the plan in force -----------------------------------------------

PLAN = "Application call before pricing"


@pytest.mark.parametrize("monthly", [False, True], ids=["weekly only", "with a monthly one"])
@pytest.mark.parametrize("planned", [True, False], ids=["plan", "no plan"])
def test_a_range_without_a_reading_keeps_the_episodes_plan(journal, run, monthly, planned):
    """W38 and W39 at risk, W40 skipped: the W40 report judges its end as the dashboard does,
    whatever other indicators are defined (a monthly one, never read, made the report read
    further back, and only then did it find the episode)."""
    lw(run, journal, "2026-09-18", "checkin", "--no-input", "-r", "win-rate=31")  # W38
    if planned:
        lw(
            run,
            journal,
            "2026-09-22",
            "one-on-one",
            "omar",
            "--no-input",
            "--progress",
            "ok",
            f"--plan=win-rate={PLAN}",
        )
    lw(run, journal, "2026-09-25", "checkin", "--no-input", "-r", "win-rate=29.5")  # W39
    if monthly:
        with (journal / "indicators.toml").open("a") as file:
            file.write(MARGIN)
    today = "2026-10-10"
    week = ["--from", "2026-W40", "--to", "2026-W40"]
    data = as_json(run, journal, today, "report", *week)
    win = next(i for i in data["indicators"] if i["id"] == "win-rate")
    assert win["no_plan_for_off_track_run"] is not planned
    markdown = lw(run, journal, today, "report", *week).stdout
    assert (f"- Chicago quote win rate: {NO_PLAN}" in markdown) is not planned
    # The same as a range that holds the episode's readings.
    longer = as_json(run, journal, today, "report", "--from", "2026-W38", "--to", "2026-W40")
    longer_win = next(i for i in longer["indicators"] if i["id"] == "win-rate")
    assert longer_win["no_plan_for_off_track_run"] is not planned


# ---- 3. carried too often, then done ---------------------------------------------------------

WEEKLY = "Write the Q1 plan outline"
MINE = "Ask pricing for a price-match exception"


def test_a_one_on_one_commitment_carried_then_done_is_listed_as_a_weekly_one(journal, run):
    lw(run, journal, "2026-09-11", "checkin", "--no-input", "-r", "win-rate=36", "-c", WEEKLY)
    for day in ("2026-09-18", "2026-09-25", "2026-10-02"):
        lw(run, journal, day, "checkin", "--no-input", "--carried", "1", "-r", "win-rate=36")
    lw(run, journal, "2026-10-09", "checkin", "--no-input", "--done", "1", "-r", "win-rate=36")
    meet = ("one-on-one", "omar", "--no-input", "--progress", "ok")
    lw(run, journal, "2026-09-08", *meet, "--mine", MINE)
    for day in ("2026-09-15", "2026-09-22", "2026-09-29"):
        lw(run, journal, day, *meet, "--carried", "1")
    lw(run, journal, "2026-10-06", *meet, "--done", "1")

    today = "2026-10-10"
    data = as_json(run, journal, today, "report", "--from", "2026-W37", "--to", "2026-W41")
    assert data["carried_too_often"] == [
        {
            "text": WEEKLY,
            "carried": 3,
            "outcome": "done",
            "outcome_week": "2026-W41",
            "person": None,
            "by": "me",
        },
        {
            "text": MINE,
            "carried": 3,
            "outcome": "done",
            "outcome_week": "2026-W41",
            "person": "omar",
            "by": "me",
        },
    ]
    assert not any("Carried" in n for n in data["needs_you"])  # both done: nothing to act on
    markdown = lw(run, journal, today, "report", "--from", "2026-W37", "--to", "2026-W41").stdout
    assert f"- Carried 3 times: {WEEKLY} (then done in 2026-W41)" in markdown
    assert (
        f"- Carried 3 times: {MINE} (yours, from your one-on-one with Omar) "
        "(then done in 2026-W41)" in markdown
    )
    # Before it was done, both are still open and need you.
    before = as_json(run, journal, today, "report", "--from", "2026-W37", "--to", "2026-W40")
    assert [(c["text"], c["outcome"]) for c in before["carried_too_often"]] == [
        (WEEKLY, None),
        (MINE, None),
    ]
    assert f"Carried 3 times: {MINE} (yours, from your one-on-one with Omar)" in before["needs_you"]


def test_the_carried_rule_lists_each_once_with_the_outcome_a_later_record_gave_it():
    """`report.carried_in_range`, the one rule for both kinds: the most times carried, done
    or dropped in a later record, open again when carried again."""
    from leadwork.domain.report import carried_in_range
    from leadwork.weeks import Week

    w = Week(2026, 37)
    found = carried_in_range(
        [
            (w, [("a", "A", 3), ("b", "B", 1)], []),
            (w + 1, [("a", "A", 4), ("b", "B", 3)], [("a", "carried")]),
            (w + 2, [], [("a", "done"), ("b", "dropped")]),
            (w + 3, [("b", "B", 4)], []),  # carried again after it was dropped: open
        ]
    )
    assert [(c.text, c.times, c.outcome, c.outcome_week) for c in found.values()] == [
        ("A", 4, "done", w + 2),
        ("B", 4, None, None),
    ]


# ---- 4. the preparation's words ----------------------------------------------------------------


def test_the_prep_says_this_week_only_of_the_meetings_week(journal, run):
    lw(run, journal, "2026-10-16", "checkin", "--no-input", "-r", "win-rate=25")  # W42: red
    prep = ("one-on-one", "omar", "--prep")
    friday = " ".join(lw(run, journal, "2026-10-16", *prep).stdout.split())
    assert "25% in 2026-W42, past the course-correct line (28%) this week;" in friday
    monday = " ".join(lw(run, journal, "2026-10-19", *prep).stdout.split())  # W43, no check-in
    assert "25% in 2026-W42, past the course-correct line (28%);" in monday
    agenda = lw(run, journal, "2026-10-19", *prep, "--format", "markdown").stdout
    assert "25% in 2026-W42, past the course-correct line (28%)\n" in agenda
    assert "this week" not in agenda


def test_the_prep_names_a_month_that_passed_unread_as_the_dashboard_does(journal, run):
    with (journal / "indicators.toml").open("a") as file:
        file.write(MARGIN)
    for day in ("2026-10-02", "2026-11-06"):
        lw(run, journal, day, "checkin", "--no-input", "-r", "win-rate=36")
    board = lw(run, journal, "2026-11-06", "dashboard").stdout
    assert "No reading for Oct 2026: Regional gross margin." in " ".join(board.split())
    prep = " ".join(lw(run, journal, "2026-11-06", "one-on-one", "omar", "--prep").stdout.split())
    assert "Regional gross margin: no reading for Oct 2026" in prep
    assert "no reading in 2026-W45" not in prep
