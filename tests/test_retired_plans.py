"""Trial 22, findings 1, 2, 3 and 5: a capability or a strategic choice retired with
`retired_on` is not worked on after it. The check-in neither offers nor accepts its steps,
`capability show` and the report say it was retired and judge its plan as it stood the day
before, and a story of a later week may not name the retired choice."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import Run

RETIRED_CHOICE = """
[[choices]]
id = "own-fleet"
statement = "We run our own delivery fleet."
retired_on = 2026-11-18
"""

# Retired on Wednesday of 2026-W47; step 1 was overdue by then, step 2 is due after it.
RETIRED_CAPABILITY = """
[[capabilities]]
id = "fleet-ops"
name = "Fleet operations"
kind = "organizational"
serves = ["own-fleet"]
level = 2
target = 3
retired_on = 2026-11-18

[[capabilities.steps]]
what = "Route planning software live"
due = 2026-10-30

[[capabilities.steps]]
what = "Second depot"
due = 2026-11-25
"""


def _retire(journal: Path) -> None:
    with (journal / "strategy.toml").open("a") as f:
        f.write(RETIRED_CHOICE)
    with (journal / "capabilities.toml").open("a") as f:
        f.write(RETIRED_CAPABILITY)


def test_the_checkin_offers_no_step_of_a_retired_capability(
    run: Run, example_journal: Path, at_terminal: None
) -> None:
    _retire(example_journal)
    shown = run("checkin", journal=example_journal, input="\n" * 40)
    assert shown.exit_code == 0, shown
    assert "Capability plans" in shown.stdout  # the live plans' steps are offered
    assert "Route planning software live" not in shown.stdout
    assert "Second depot" not in shown.stdout


def test_the_checkin_refuses_a_step_of_a_retired_capability(
    run: Run, example_journal: Path
) -> None:
    _retire(example_journal)
    before = (example_journal / "capabilities.toml").read_text()
    result = run(
        "checkin", "--no-input", "--step-done", "fleet-ops:2", "--hours", "other=1",
        journal=example_journal,
    )  # fmt: skip
    assert result.exit_code == 2, result
    assert "'fleet-ops' was retired on 2026-11-18" in result.stderr
    assert (example_journal / "capabilities.toml").read_text() == before
    assert not (example_journal / "checkins/2026-W48.toml").read_text().count("fleet-ops")


def test_capability_show_says_it_was_retired_and_shows_its_plan_as_it_stood(
    run: Run, example_journal: Path
) -> None:
    _retire(example_journal)
    shown = run("capability", "show", "fleet-ops", journal=example_journal)
    assert shown.exit_code == 0, shown
    assert "retired     2026-11-18" in shown.stdout
    steps = shown.stdout.split("Plan")[1]
    assert "overdue" in steps.split("Route planning")[1].split("\n")[0]
    assert "overdue" not in steps.split("Second depot")[1].split("\n")[0]  # due after it
    data = json.loads(
        run("capability", "show", "fleet-ops", "-f", "json", journal=example_journal).stdout
    )
    assert data["retired_on"] == "2026-11-18"
    assert data["overdue_steps"] == 1
    assert [s["overdue"] for s in data["steps"]] == [True, False]
    live = json.loads(
        run("capability", "show", "quality-at-scale", "-f", "json", journal=example_journal).stdout
    )
    assert live["retired_on"] is None


def test_a_report_over_a_retirement_marks_both_and_asks_for_neither(
    run: Run, example_journal: Path
) -> None:
    _retire(example_journal)
    with (example_journal / "checkins/2026-W46.toml").open("a") as f:
        f.write('\n[[stories]]\ntext = "Drivers share routes"\nchoice = "own-fleet"\n')
    result = run("report", "--from", "2026-W45", "--to", "2026-W48", journal=example_journal)
    assert result.exit_code == 0, result
    needs_you = result.stdout.split("## Needs you")[1].split("\n## ")[0]
    assert "Fleet operations" not in needs_you and "Route planning" not in needs_you
    assert "### own-fleet: We run our own delivery fleet. (retired 2026-11-18)" in result.stdout
    assert "| Fleet operations (retired 2026-11-18) |" in result.stdout
    assert "fleet-ops: retired 2026-11-18: its plan as it stood the day before" in result.stdout
    data = json.loads(
        run(
            "report", "--from", "2026-W45", "--to", "2026-W48", "-f", "json",
            journal=example_journal,
        ).stdout
    )  # fmt: skip
    fleet = next(c for c in data["capabilities"] if c["id"] == "fleet-ops")
    assert fleet["retired_on"] == "2026-11-18"
    assert next(s for s in data["stories"] if s["id"] == "own-fleet")["retired_on"] == "2026-11-18"
    assert not any("Fleet operations" in item for item in data["needs_you"])
    before = run("report", "--from", "2026-W45", "--to", "2026-W46", journal=example_journal)
    assert "(retired" not in before.stdout  # a range before the retirement: live then


RETIRED = "strategic choice 'own-fleet' was retired on 2026-11-18 (2026-W47), before 2026-W48"


def test_a_story_of_a_later_week_may_not_name_a_retired_choice(
    run: Run, example_journal: Path
) -> None:
    _retire(example_journal)
    before = (example_journal / "checkins/2026-W48.toml").read_text()
    for args in (
        ("story", "Vans sold", "--choice", "own-fleet"),
        ("checkin", "--no-input", "--story", "Vans sold", "--story-choice", "own-fleet"),
        ("one-on-one", "marcus", "--no-input", "--progress", "ok", "--celebrate", "Vans sold",
         "--story-choice", "own-fleet"),
    ):  # fmt: skip
        result = run(*args, journal=example_journal)
        assert result.exit_code == 2, (args, result)
        assert RETIRED in result.stderr, (args, result)
        assert "name a live choice or purpose:" in result.stderr
    assert (example_journal / "checkins/2026-W48.toml").read_text() == before
    assert not (example_journal / "one-on-ones/2026-11-27-marcus.toml").exists()
    # the week it was retired in began before: a story of that week may name it
    late = run("story", "Last fleet run", "--week", "2026-W47", "--choice", "own-fleet",
               journal=example_journal)  # fmt: skip
    assert late.exit_code == 0, late
    assert run("check", journal=example_journal).exit_code == 0


def test_in_the_retirement_week_views_keep_the_choice_with_its_indicators(
    run: Run, fresh_journal: Path
) -> None:
    """Trial 22, finding 6: one week rule (`timeline.live_during`) for choices,
    capabilities and indicators: retired the same Wednesday, all three are still shown for
    that week, so nothing is said to serve nothing; from the next week none is."""
    (fresh_journal / "strategy.toml").write_text('purpose = "Supplies on time."\n' + RETIRED_CHOICE)
    (fresh_journal / "capabilities.toml").write_text(RETIRED_CAPABILITY)
    (fresh_journal / "indicators.toml").write_text(
        """
[[indicators]]
id = "fleet-util"
name = "Fleet utilisation"
owner = "me"
agreed_on = 2026-09-07
serves = ["own-fleet", "fleet-ops"]
unit = "%"
direction = "higher"
target = 80
celebrate = 90
course_correct = 70
retired_on = 2026-11-18
"""
    )
    friday = {"LEADWORK_TODAY": "2026-11-20"}  # retired on Wednesday of 2026-W47
    shown = run("map", journal=fresh_journal, env=friday)
    assert shown.exit_code == 0, shown
    assert "serves nothing" not in shown.stdout
    assert "own-fleet" in shown.stdout and "fleet-ops" in shown.stdout
    assert "fleet-util" in shown.stdout
    check = run("check", journal=fresh_journal, env=friday)
    assert "serves nothing" not in check.stderr, check
    board = run("dashboard", "--week", "2026-W47", "--full", journal=fresh_journal, env=friday)
    assert board.exit_code == 0, board
    assert "own-fleet" in board.stdout and "Fleet operations" in board.stdout
    assert "Route planning" not in board.stdout.split("Needs you")[1]  # retired: not asked
    later = {"LEADWORK_TODAY": "2026-11-27"}
    shown = run("map", journal=fresh_journal, env=later)
    assert "own-fleet" not in shown.stdout and "fleet-util" not in shown.stdout
    assert "Fleet operations" not in run("dashboard", journal=fresh_journal, env=later).stdout


def test_an_indicator_serving_only_a_retired_capability_is_told_so(
    run: Run, example_journal: Path
) -> None:
    _retire(example_journal)
    path = example_journal / "indicators.toml"
    text = path.read_text()
    first = text.index("serves = [")
    end = text.index("]", first)
    path.write_text(text[:first] + 'serves = ["fleet-ops"' + text[end:])
    check = run("check", journal=example_journal)
    assert check.exit_code == 0, check
    assert "serves only what was retired: fleet-ops (retired 2026-11-18)" in check.stderr
    assert "serves nothing" not in check.stderr.replace("'overtime-hours' serves nothing", "")
