"""Trial 21's findings 2 and 6, through the CLI: what was known when.

2. A report judges a meeting's plan as the meeting could: with the readings of the check-in
   files up to its week (`status.in_episode_as_known`). October's reading, entered after the
   one-on-one and standing for October's weeks before it, does not turn the plan the
   one-on-one asked for (September at risk, October awaiting its reading) into a note of
   intent; a reading filed in the meeting's own week still counts.
6. A plain reading in the first weeks of a month whose month before, in which the indicator
   was tracked, has no reading says how to give it to that month instead.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import Run
from journals import said_on, trial10_indicators, trial10_journal, week_readings

# agreed on Monday 7 Sep 2026 (2026-W37), part-way through September: September owes nothing
SLA = """
[[indicators]]
id = "data-sla"
name = "Pipelines on time"
owner = "chloe"
agreed_on = {agreed}
unit = "%"
direction = "higher"
cadence = "monthly"
target = 95
celebrate = 99
course_correct = 90
"""

PLAN = "data-sla=Retry policy for the nightly jobs"


def sla_journal(tmp_path: Path, run: Run, agreed: str = "2026-09-07") -> Path:
    return trial10_journal(tmp_path, run, trial10_indicators(SLA.format(agreed=agreed)))


def one_line(text: str) -> str:
    return " ".join(text.split())


def report(run: Run, journal: Path, today: str) -> tuple[str, dict]:
    env = {"LEADWORK_TODAY": today}
    words = ("report", "--from", "2026-W40", "--to", "2026-W44")
    text = run(*words, journal=journal, env=env)
    data = run(*words, "--format", "json", journal=journal, env=env)
    assert text.exit_code == 0 and data.exit_code == 0, (text, data)
    (ind,) = json.loads(data.stdout)["indicators"]
    return one_line(text.stdout), ind


# ---- 2. the report judges a meeting's plan with what was known by its week ----------------


def test_a_plan_asked_for_a_held_reading_stays_a_plan_after_the_months_reading(
    tmp_path: Path, run: Run
) -> None:
    journal = sla_journal(tmp_path, run)
    said_on(run, journal, "2026-09-25", "checkin", "--no-input", "-r", "data-sla=93")  # W39
    assert week_readings(journal, "2026-W39") == {"data-sla": 93}
    for day in ("2026-10-02", "2026-10-09", "2026-10-16"):  # W40 to W42, no reading
        said_on(run, journal, day, "checkin", "--no-input", "--hours", "other=5")
    meeting = {"LEADWORK_TODAY": "2026-10-21"}  # 2026-W43: October awaits its reading
    refused = run("one-on-one", "chloe", "--no-input", "--progress", "ok",
                  journal=journal, env=meeting)  # fmt: skip
    assert refused.exit_code == 2, refused
    assert "latest reading, 93% in 2026-W39, is at risk" in refused.stderr
    said = said_on(run, journal, "2026-10-21", "one-on-one", "chloe", "--no-input",
                   "--progress", "ok", "--plan", PLAN)  # fmt: skip
    assert "note of intent" not in said
    # October's reading, on track, entered on 30 Oct (2026-W44): it stands for W40 to W43
    said_on(run, journal, "2026-10-30", "checkin", "--no-input", "-r", "data-sla=96")
    assert week_readings(journal, "2026-W44") == {"data-sla": 96}
    text, ind = report(run, journal, "2026-10-30")
    assert "plan agreed with Chloe on 2026-10-21: Retry policy for the nightly jobs" in text
    assert "note of intent" not in text
    assert ind["intents"] == []
    assert ind["plans"] == [
        {"date": "2026-10-21", "person": "chloe", "text": "Retry policy for the nightly jobs"}
    ]


def test_a_reading_filed_in_the_meetings_own_week_counts(tmp_path: Path, run: Run) -> None:
    journal = sla_journal(tmp_path, run)
    said_on(run, journal, "2026-09-25", "checkin", "--no-input", "-r", "data-sla=97")  # on track
    # October's reading, at risk, checked in on Monday of the meeting's week (2026-W43)
    said_on(run, journal, "2026-10-19", "checkin", "--no-input", "-r", "data-sla=93")
    refused = run("one-on-one", "chloe", "--no-input", "--progress", "ok",
                  journal=journal, env={"LEADWORK_TODAY": "2026-10-21"})  # fmt: skip
    assert refused.exit_code == 2 and "is at risk" in refused.stderr, refused
    said_on(run, journal, "2026-10-21", "one-on-one", "chloe", "--no-input", "--progress", "ok",
            "--plan", PLAN)  # fmt: skip
    text, ind = report(run, journal, "2026-10-30")
    assert "plan agreed with Chloe on 2026-10-21" in text and "note of intent" not in text
    assert [p["date"] for p in ind["plans"]] == ["2026-10-21"] and ind["intents"] == []


def test_a_plan_while_the_known_readings_were_on_track_is_still_a_note_of_intent(
    tmp_path: Path, run: Run
) -> None:
    """The other way round: September on track, October's at-risk reading entered after the
    meeting's week (back over October's weeks) does not make the meeting's plan one to get
    back on track: the meeting could not know it."""
    journal = sla_journal(tmp_path, run)
    said_on(run, journal, "2026-09-25", "checkin", "--no-input", "-r", "data-sla=97")
    said = said_on(run, journal, "2026-10-21", "one-on-one", "chloe", "--no-input",
                   "--progress", "ok", "--plan", PLAN)  # fmt: skip
    assert "note of intent" in said
    said_on(run, journal, "2026-10-30", "checkin", "--no-input", "-r", "data-sla=93")
    text, ind = report(run, journal, "2026-10-30")
    assert "note of intent with Chloe on 2026-10-21, not off track then" in text
    assert ind["plans"] == [] and [p["date"] for p in ind["intents"]] == ["2026-10-21"]


# ---- 6. a plain reading after a month that has none says how to give it to that month ------

NOTE = (
    "Sep 2026 has no reading; if 93% is Sep 2026's, give -r data-sla@2026-09=93, then delete "
    "`data-sla = 93` from checkins/2026-W41.toml by hand (recorded as Oct 2026's, it stays "
    "there)."
)


def test_a_plain_reading_after_an_unread_month_says_how_to_give_it_that_month(
    tmp_path: Path, run: Run
) -> None:
    journal = sla_journal(tmp_path, run)
    said = said_on(run, journal, "2026-10-09", "checkin", "--no-input", "-r", "data-sla=93")
    assert "93% at risk for Oct 2026" in said
    assert NOTE in said
    assert week_readings(journal, "2026-W41") == {"data-sla": 93}  # filed as October's
    # JSON says it too (a fresh journal: a re-run finds October read, and says nothing)
    other = sla_journal(tmp_path / "json", run)
    result = run("checkin", "--no-input", "-r", "data-sla=93", "--format", "json",
                 journal=other, env={"LEADWORK_TODAY": "2026-10-09"})  # fmt: skip
    assert result.exit_code == 0, result
    assert json.loads(result.stdout)["notes"] == [NOTE]
    # both steps of the note, as written
    said = said_on(run, journal, "2026-10-09", "checkin", "--no-input", "-r",
                   "data-sla@2026-09=93")  # fmt: skip
    assert "Recorded for Sep 2026 in checkins/2026-W39.toml." in said
    path = journal / "checkins" / "2026-W41.toml"
    path.write_text(path.read_text().replace("data-sla = 93\n", "", 1))
    assert week_readings(journal, "2026-W39") == {"data-sla": 93}
    assert "data-sla" not in week_readings(journal, "2026-W41")
    assert run("check", journal=journal, env={"LEADWORK_TODAY": "2026-10-09"}).exit_code == 0


def test_no_note_when_the_month_before_was_read_or_not_tracked(tmp_path: Path, run: Run) -> None:
    journal = sla_journal(tmp_path, run)
    said_on(run, journal, "2026-09-16", "checkin", "--no-input", "-r", "data-sla=97")  # W38
    said = said_on(run, journal, "2026-10-09", "checkin", "--no-input", "-r", "data-sla=93")
    assert "has no reading" not in said and "data-sla@2026-09" not in said
    # agreed on Monday 28 Sep: 2026-W40, October's first week; September never tracked
    late = sla_journal(tmp_path / "late", run, agreed="2026-09-28")
    said = said_on(run, late, "2026-10-09", "checkin", "--no-input", "-r", "data-sla=93")
    assert "has no reading" not in said
    # and in the month's third week, it is the month's, plainly
    third = sla_journal(tmp_path / "third", run)
    said = said_on(run, third, "2026-10-16", "checkin", "--no-input", "-r", "data-sla=93")
    assert "has no reading" not in said
