"""Trial 10, finding 3: a monthly indicator read at risk for November, seen in December
before December's reading. Its status stays December's own (no data, "due for Dec 2026":
PRODUCT.md, "an indicator's value and status as of a day is its latest reading in its
current reading period"), but its off-track episode goes on and the one-on-one asks for a
plan; so every view names November's reading beside "due for Dec 2026"
(`status.episode_held`), and once December is read, December's reading decides."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import Run

TEAM = """\
[[people]]
id = "chloe"
name = "Chloe Ng"
cadence_days = 14
"""

STRATEGY = """\
purpose = "Customers get answers the first time."

[[choices]]
id = "self-service"
statement = "Customers help themselves first."
"""

CAPABILITIES = """\
[[capabilities]]
id = "knowledge"
name = "Knowledge base"
kind = "organizational"
serves = ["self-service"]
owner = "chloe"
level = 2
target = 3
"""

INDICATORS = """\
[[indicators]]
id = "csat"
name = "Monthly CSAT"
owner = "chloe"
serves = ["knowledge"]
agreed_on = 2026-09-21
unit = "%"
direction = "higher"
cadence = "monthly"
target = 85
celebrate = 90
course_correct = 80
"""

DECEMBER = {"LEADWORK_TODAY": "2026-12-11", "COLUMNS": "100"}


def csat_journal(tmp_path: Path, run: Run, october: str, november: str) -> Path:
    """CSAT read for October and November, then a December check-in without a reading."""
    journal = tmp_path / "journal"
    made = run("init", str(journal), "--leader", "Sam Okoro", env={"LEADWORK_TODAY": "2026-09-28"})
    assert made.exit_code == 0, made
    for name, text in (
        ("team.toml", TEAM),
        ("strategy.toml", STRATEGY),
        ("capabilities.toml", CAPABILITIES),
        ("indicators.toml", INDICATORS),
    ):
        (journal / name).write_text(text, encoding="utf-8")
    for day, flags in (
        ("2026-10-30", ["-r", f"csat={october}"]),
        ("2026-11-27", ["-r", f"csat={november}"]),
        ("2026-12-11", ["--hours", "other=5"]),
    ):
        done = run("checkin", "--no-input", *flags, journal=journal, env={"LEADWORK_TODAY": day})
        assert done.exit_code == 0, done
    return journal


def line_with(text: str, word: str) -> str:
    return next(line for line in text.splitlines() if word in line)


def json_of(run: Run, journal: Path, *args: str) -> Any:
    result = run(*args, "-f", "json", journal=journal, env=DECEMBER)
    assert result.exit_code == 0, result
    return json.loads(result.stdout)


HELD = {"period": "Nov 2026", "week": "2026-W48", "value": 84, "status": "at-risk"}


def test_every_view_names_novembers_at_risk_reading_while_december_is_due(tmp_path: Path, run: Run):
    journal = csat_journal(tmp_path, run, "83", "84")

    # The dashboard: status December's own, the note names November's reading, one line.
    board = run("dashboard", journal=journal, env=DECEMBER)
    assert board.exit_code == 0, board
    row = line_with(board.stdout, "Monthly CSAT")
    assert "· no data" in row and "due for Dec 2026 · Nov 84% at risk" in row, board.stdout
    assert len(row) <= 100
    data = json_of(run, journal, "dashboard")
    [csat] = data["accountability"]["indicators"]
    assert (csat["value"], csat["status"], csat["due_for"]) == (None, "no-data", "Dec 2026")
    assert csat["held"] == HELD
    assert data["capability"][0]["worst_status"] is None  # December says nothing yet

    # map, as text and JSON
    tree = run("map", journal=journal, env=DECEMBER).stdout
    row = line_with(tree, "Monthly CSAT")
    assert "no data" in row and "due for Dec 2026 · Nov 84% at risk" in row, tree
    link = json_of(run, journal, "map")["choices"][0]["capabilities"][0]["indicators"][0]
    assert (link["value"], link["status"], link["held"]) == (None, "no-data", HELD)

    # indicator list, as text and JSON
    listed = run("indicator", "list", journal=journal, env=DECEMBER).stdout
    lines = listed.splitlines()
    at = next(i for i, line in enumerate(lines) if "csat" in line)
    assert "84% (2026-W48)" in lines[at] and "due for Dec 2026" in lines[at], listed
    assert "Nov 84% at risk" in lines[at + 1], listed  # under it, as a narrow dashboard does
    [item] = json_of(run, journal, "indicator", "list")["indicators"]
    assert (item["status"], item["due_for"], item["held"]) == ("no-data", "Dec 2026", HELD)

    # the one-on-one preparation: text, markdown, JSON
    prep = run("one-on-one", "chloe", "--prep", journal=journal, env=DECEMBER).stdout
    row = line_with(prep, "Monthly CSAT")
    assert "due for Dec 2026 · Nov 84% at risk" in row, prep
    assert "Monthly CSAT: 84% in 2026-W48, at risk" in prep
    agenda = run("one-on-one", "chloe", "--prep", "-f", "markdown", journal=journal, env=DECEMBER)
    assert "due for Dec 2026 · Nov 84% at risk" in line_with(agenda.stdout, "Monthly CSAT")
    [view] = json_of(run, journal, "one-on-one", "chloe", "--prep")["indicators"]
    assert (view["value"], view["status"], view["due_for"]) == (None, "no-data", "Dec 2026")
    assert view["held"] == HELD and view["needs_plan"] is True

    # the one-on-one asks for the plan for the same reading
    meeting = run(
        "one-on-one", "chloe", "--no-input", "--progress", "Planning Q1",
        journal=journal, env=DECEMBER,
    )  # fmt: skip
    assert meeting.exit_code == 2, meeting
    assert "latest reading, 84% in 2026-W48, is at risk" in meeting.stderr

    # December read on track: it decides everywhere, nothing held any more.
    read = run("checkin", "--no-input", "-r", "csat=86", journal=journal, env=DECEMBER)
    assert read.exit_code == 0, read
    row = line_with(run("dashboard", journal=journal, env=DECEMBER).stdout, "Monthly CSAT")
    assert "86%" in row and "on track" in row and "Nov" not in row and "due for" not in row
    [csat] = json_of(run, journal, "dashboard")["accountability"]["indicators"]
    assert (csat["value"], csat["status"], csat["due_for"], csat["held"]) == (
        86,
        "on-track",
        None,
        None,
    )
    row = line_with(run("map", journal=journal, env=DECEMBER).stdout, "Monthly CSAT")
    assert "on track" in row and "86%" in row and "Nov" not in row, row
    [item] = json_of(run, journal, "indicator", "list")["indicators"]
    assert (item["status"], item["held"]) == ("on-track", None)
    [view] = json_of(run, journal, "one-on-one", "chloe", "--prep")["indicators"]
    assert (view["status"], view["held"], view["needs_plan"]) == ("on-track", None, False)
    meeting = run(
        "one-on-one", "chloe", "--no-input", "--progress", "Planning Q1",
        journal=journal, env=DECEMBER,
    )  # fmt: skip
    assert meeting.exit_code == 0, meeting


def test_course_correct_two_months_without_a_plan_says_both(tmp_path: Path, run: Run):
    """Flagged for a plan (course-correct two months running, no plan): the note keeps
    "no plan, 2 mo" and names November's reading; Needs you asks for the plan as always."""
    journal = csat_journal(tmp_path, run, "78", "79")
    board = run("dashboard", journal=journal, env=DECEMBER)
    row = line_with(board.stdout, "Monthly CSAT")
    assert "· no data" in row and "no plan, 2 mo · Nov 79% course-correct" in row, board.stdout
    data = json_of(run, journal, "dashboard")
    [csat] = data["accountability"]["indicators"]
    assert csat["held"]["status"] == "course-correct" and csat["plan_needed"] is True
    kinds = [f["kind"] for f in data["needs_you"]]
    assert "course-correct-no-plan" in kinds


def test_an_on_track_november_holds_nothing(tmp_path: Path, run: Run):
    journal = csat_journal(tmp_path, run, "83", "87")  # October at risk, November on track
    row = line_with(run("dashboard", journal=journal, env=DECEMBER).stdout, "Monthly CSAT")
    assert row.rstrip().endswith("due for Dec 2026"), row
    [csat] = json_of(run, journal, "dashboard")["accountability"]["indicators"]
    assert csat["held"] is None


BACKLOG = """
[[indicators]]
id = "backlog"
name = "Tier 2 backlog"
owner = "chloe"
agreed_on = 2026-09-21
unit = "tickets"
direction = "lower"
target = 60
celebrate = 40
course_correct = 80
"""


def test_the_note_goes_on_two_lines_where_one_would_wrap_the_names(tmp_path: Path, run: Run):
    """At 100 columns, beside a long name and a unit that is a word, the note's two parts go
    on lines of their own (under the status here, where every name is then whole: the
    scoreboard's layout rule, `dashboard_text.indicator_layout`), never a name wrapping."""
    journal = csat_journal(tmp_path, run, "83", "84")
    indicators = journal / "indicators.toml"
    text = indicators.read_text(encoding="utf-8").replace(
        'name = "Monthly CSAT"', 'name = "Monthly customer satisfaction survey"'
    )
    indicators.write_text(text + BACKLOG, encoding="utf-8")
    board = run("dashboard", journal=journal, env=DECEMBER)
    lines = board.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("Monthly customer"))
    assert "· no data" in lines[at], lines
    row = lines[at : next(i for i in range(at + 1, len(lines)) if lines[i][:1] != " ")]
    said = [line.strip() for line in row]
    assert any(line.endswith("due for Dec 2026") for line in said), lines
    assert any(line.endswith("Nov 84% at risk") for line in said), lines
    assert lines[at + len(row)].startswith("Tier 2 backlog"), lines


def recorded_status(run: Run, journal: Path, plan: str) -> tuple[str, str]:
    """Record a meeting with Chloe giving csat a plan: the status written into the
    one-on-one file, and what recording said."""
    meeting = run(
        "one-on-one", "chloe", "--no-input", "--progress", "Planning Q1", "--plan", f"csat={plan}",
        journal=journal, env=DECEMBER,
    )  # fmt: skip
    assert meeting.exit_code == 0, meeting
    written = (journal / "one-on-ones" / "2026-12-11-chloe.toml").read_text(encoding="utf-8")
    return written.split('status = "', 1)[1].split('"', 1)[0], meeting.stdout


def test_recording_while_december_is_due_says_the_month_is_due(tmp_path: Path, run: Run):
    """Trial 22, finding 4: November on track, December not read yet: recording says the
    month is due, as the preparation does; the plan keeps the status of the reading it
    answers (November's)."""
    journal = csat_journal(tmp_path, run, "83", "87")
    status, said = recorded_status(run, journal, "More ward rounds in Dec")
    assert status == "on-track"
    assert "csat is due for Dec 2026: the plan is kept as a note of intent" in said, said


def test_a_plan_for_a_held_episode_keeps_the_status_it_answers(tmp_path: Path, run: Run):
    """November at risk, held through December awaiting its reading: the plan answers the
    episode (no note of intent) and is recorded with November's "at-risk"."""
    journal = csat_journal(tmp_path, run, "83", "84")
    status, said = recorded_status(run, journal, "Weekly article reviews")
    assert status == "at-risk"
    assert "note of intent" not in said, said
