"""Trial 10, finding 3: a monthly indicator read at risk for November, seen in December
before December's reading. Every view stands where November's reading left it
(`status.standing`): the dashboard, `map`, `indicator list`, the report and the one-on-one
agree that it is at risk, from November, and that December's reading is due."""

from __future__ import annotations

import json
from pathlib import Path

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


def csat_journal(tmp_path: Path, run: Run) -> Path:
    """October 83% and November 84% (at risk), then a December check-in without a reading."""
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
        ("2026-10-30", ["-r", "csat=83"]),
        ("2026-11-27", ["-r", "csat=84"]),
        ("2026-12-11", ["--hours", "other=5"]),
    ):
        done = run("checkin", "--no-input", *flags, journal=journal, env={"LEADWORK_TODAY": day})
        assert done.exit_code == 0, done
    return journal


def line_with(text: str, word: str) -> str:
    return next(line for line in text.splitlines() if word in line)


def test_every_view_stands_on_last_months_reading_while_this_months_is_due(
    tmp_path: Path, run: Run
):
    journal = csat_journal(tmp_path, run)

    board = run("dashboard", journal=journal, env=DECEMBER)
    assert board.exit_code == 0, board
    row = line_with(board.stdout, "Monthly CSAT")
    assert "84%" in row and "▲ at risk (Nov)" in row and "due for Dec 2026" in row, row
    data = json.loads(run("dashboard", "-f", "json", journal=journal, env=DECEMBER).stdout)
    [csat] = data["accountability"]["indicators"]
    assert (csat["value"], csat["status"]) == (84, "at-risk")
    assert (csat["held_from"], csat["due_for"]) == ("Nov 2026", "Dec 2026")
    assert csat["history"][-1]["status"] == "no-data"  # December's weeks: no reading yet
    [knowledge] = data["capability"]
    assert knowledge["worst_status"] == "at-risk"  # the capability it serves says so too

    tree = run("map", journal=journal, env=DECEMBER)
    row = line_with(tree.stdout, "Monthly CSAT")
    assert "at risk (Nov)" in row and "84%, due for Dec 2026" in row, row
    [link] = json.loads(run("map", "-f", "json", journal=journal, env=DECEMBER).stdout)["choices"][
        0
    ]["capabilities"][0]["indicators"]
    assert (link["status"], link["value"], link["held_from"]) == ("at-risk", 84, "Nov 2026")

    listed = run("indicator", "list", journal=journal, env=DECEMBER).stdout
    lines = listed.splitlines()
    at = next(i for i, line in enumerate(lines) if "csat" in line)
    assert "84% (2026-W48)" in lines[at] and "at risk (Nov)" in lines[at], listed
    assert "due for Dec 2026" in lines[at + 1], listed
    [item] = json.loads(
        run("indicator", "list", "-f", "json", journal=journal, env=DECEMBER).stdout
    )["indicators"]
    assert (item["status"], item["held_from"], item["due_for"]) == (
        "at-risk",
        "Nov 2026",
        "Dec 2026",
    )

    report = run("report", "-f", "markdown", journal=journal, env=DECEMBER).stdout
    needs = report.split("## Needs you", 1)[1].split("##", 1)[0]
    assert "Monthly CSAT: at risk at the end of the range (last read in 2026-W48)." in needs
    assert "Monthly CSAT: no plan recorded for the current off-track run" in report

    prep = run("one-on-one", "chloe", "--prep", "-f", "json", journal=journal, env=DECEMBER)
    [view] = json.loads(prep.stdout)["indicators"]
    assert (view["value"], view["status"], view["held_from"]) == (84, "at-risk", "Nov 2026")
    assert view["needs_plan"] is True
    meeting = run(
        "one-on-one", "chloe", "--no-input", "--progress", "Planning Q1",
        journal=journal, env=DECEMBER,
    )  # fmt: skip
    assert meeting.exit_code == 2, meeting
    assert "is at risk: what is the plan" in meeting.stderr

    # December read on track: the episode ends, every view says so alike.
    read = run("checkin", "--no-input", "-r", "csat=86", journal=journal, env=DECEMBER)
    assert read.exit_code == 0, read
    row = line_with(run("dashboard", journal=journal, env=DECEMBER).stdout, "Monthly CSAT")
    assert "86%" in row and "on track" in row and "(Nov)" not in row and "due for" not in row
