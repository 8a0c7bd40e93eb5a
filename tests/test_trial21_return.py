"""Trial 21's findings 3, 4 and 5, through the CLI: the Monday offer after weeks away, the
dashboard's commitments line naming what it counts, and the one-on-one preparation's
commitments heading agreeing with the line under it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import Run
from journals import said_on, write_small_journal

MONDAY_BACK = "2026-12-14"  # Monday of 2026-W51


def _readings_only(journal: Path, week: str) -> None:
    """A week holding only readings (the deputy's, imported): its check-in was not done."""
    path = journal / "checkins" / f"{week}.toml"
    path.write_text(f'week = "{week}"\n\n[readings]\notd = 94\n')


@pytest.fixture
def back_from_leave(fresh_journal: Path) -> Path:
    """2026-W48 checked in (the small journal), W49 and W50 readings only: two weeks away."""
    write_small_journal(fresh_journal)
    _readings_only(fresh_journal, "2026-W49")
    _readings_only(fresh_journal, "2026-W50")
    return fresh_journal


# ---- 3. the Monday offer is for a forgotten Friday, not for weeks away ---------------------


def test_the_first_monday_back_does_not_offer_a_leave_week(
    back_from_leave: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("leadwork.cli.prompts.stdin_is_terminal", lambda: True)
    leave_week = (back_from_leave / "checkins/2026-W50.toml").read_text()
    result = run(
        "checkin",
        "-r",
        "otd=95",
        journal=back_from_leave,
        env={"LEADWORK_TODAY": MONDAY_BACK},
        input="\n" * 40,
    )
    assert result.exit_code == 0, result
    assert "was not done" not in result.stdout
    assert "Check-in for 2026-W51" in result.stdout
    assert (back_from_leave / "checkins/2026-W50.toml").read_text() == leave_week
    assert (back_from_leave / "checkins/2026-W51.toml").exists()


def test_the_first_monday_back_with_flags_suggests_no_leave_week(
    back_from_leave: Path, run: Run
) -> None:
    said = said_on(run, back_from_leave, MONDAY_BACK, "checkin", "--no-input", "-r", "otd=95")
    assert "Recorded 2026-W51" in said
    assert "was not done" not in said and "--week 2026-W50" not in said


def test_a_forgotten_friday_is_still_offered(back_from_leave: Path, run: Run) -> None:
    """The week before last checked in, last week not: the note names last week."""
    (back_from_leave / "checkins/2026-W49.toml").write_text(
        'week = "2026-W49"\n\n[readings]\notd = 94\n\n[reflection]\nnote = "Fine."\n'
    )
    said = said_on(run, back_from_leave, MONDAY_BACK, "checkin", "--no-input", "-r", "otd=95")
    assert "last week's check-in, 2026-W50, was not done" in said


# ---- 4. the dashboard's commitments line names the week of each it counts -----------------

W53 = """\
week = "2026-W53"

[readings]
otd = 95

[[commitments]]
text = "Book 1:1s with Fay and Hal"

[[commitments]]
text = "Send the Q4 report"

[reflection]
note = "Year end."
"""

W01 = """\
week = "2027-W01"

[readings]
otd = 95

[[last_week]]
text = "Send the Q4 report"
outcome = "done"

[[commitments]]
text = "Write Q1 goals with Gus"

[[commitments]]
text = "Ask finance about the QA budget"
"""

W03_FOLLOWED = """\
week = "2027-W03"

[readings]
otd = 95

[[last_week]]
text = "Write Q1 goals with Gus"
outcome = "done"

[[last_week]]
text = "Ask finance about the QA budget"
outcome = "carried"

[[commitments]]
text = "Ask finance about the QA budget"
carried = 1
"""

W03_NOT_YET = """\
week = "2027-W03"

[readings]
otd = 95

[reflection]
note = "Busy."
"""


@pytest.fixture
def year_end(fresh_journal: Path) -> Path:
    write_small_journal(fresh_journal)
    (fresh_journal / "checkins/2026-W53.toml").write_text(W53)
    (fresh_journal / "checkins/2027-W01.toml").write_text(W01)
    return fresh_journal


def test_an_older_weeks_open_commitment_is_named_by_its_week(year_end: Path, run: Run) -> None:
    (year_end / "checkins/2027-W03.toml").write_text(W03_FOLLOWED)
    said = said_on(run, year_end, "2027-01-21", "dashboard")
    assert "2027-W01's commitments 1 of 2 done (50%), 1 carried · 1 open from 2026-W53" in said, (
        said
    )
    assert "not followed up yet" not in said
    data = json.loads(said_on(run, year_end, "2027-01-21", "dashboard", "--format", "json"))
    mine = data["your_work"]["commitments"]
    assert mine["from_week"] == "2027-W01"
    assert mine["not_followed_up"] == ["Book 1:1s with Fay and Hal"]
    assert mine["not_followed_up_from"] == ["2026-W53"]


def test_before_any_follow_up_each_week_is_named_with_its_count(year_end: Path, run: Run) -> None:
    (year_end / "checkins/2027-W03.toml").write_text(W03_NOT_YET)
    said = said_on(run, year_end, "2027-01-21", "dashboard")
    assert (
        "2027-W01's commitments 2 open from 2027-W01, 1 open from 2026-W53, not followed up yet"
        in said
    ), said
    data = json.loads(said_on(run, year_end, "2027-01-21", "dashboard", "--format", "json"))
    assert data["your_work"]["commitments"]["not_followed_up_from"] == [
        "2027-W01",
        "2027-W01",
        "2026-W53",
    ]


def test_the_check_in_summary_names_an_older_weeks_open_commitment_by_its_week(
    year_end: Path, run: Run
) -> None:
    """The check-in's follow-up line counts as the dashboard's does (one rule)."""
    args = ["checkin", "--no-input", "--week", "2027-W03", "--done", "Write Q1 goals with Gus"]
    said = said_on(
        run, year_end, "2027-01-21", *args, "--carried", "Ask finance about the QA budget"
    )
    assert (
        "2027-W01's commitments: 1 of 2 done (50%); 1 open from 2026-W53 without an outcome yet."
        in said
    ), said
    (year_end / "checkins/2027-W03.toml").unlink()
    data = json.loads(said_on(run, year_end, "2027-01-21", *args, "--format", "json"))
    follow_up = data["last_week"]
    assert follow_up["from_week"] == "2027-W01"
    assert follow_up["without_outcome"] == [
        "Ask finance about the QA budget",
        "Book 1:1s with Fay and Hal",
    ]
    assert follow_up["without_outcome_from"] == ["2027-W01", "2026-W53"]


# ---- 5. the preparation's heading and its line speak of the same meeting ------------------

OCTOBER = """\
person = "maria"
date = 2026-10-28
progress = "Fine."

[[commitments]]
by = "them"
text = "Draft the line 3 plan"
due = 2026-11-10

[[commitments]]
by = "me"
text = "Ask for the lathe budget"
due = 2026-11-10
"""

DECEMBER = """\
person = "maria"
date = 2026-12-15
progress = "Back from leave."

[[last_time]]
by = "them"
text = "Draft the line 3 plan"
outcome = "done"

[[last_time]]
by = "me"
text = "Ask for the lathe budget"
outcome = "done"
"""


def test_the_prep_names_no_meeting_over_an_empty_list(fresh_journal: Path, run: Run) -> None:
    write_small_journal(fresh_journal)
    (fresh_journal / "one-on-ones/2026-10-28-maria.toml").write_text(OCTOBER)
    (fresh_journal / "one-on-ones/2026-12-15-maria.toml").write_text(DECEMBER)
    said = said_on(run, fresh_journal, "2027-01-12", "one-on-one", "maria", "--prep")
    assert "Open commitments from" not in said
    assert (
        "Open commitments None: the last one-on-one (2026-12-15) made none, and those of "
        "2026-10-28 have all been followed up."
    ) in said
    assert "None were made last time" not in said


def test_the_prep_still_names_the_meeting_of_open_commitments(
    fresh_journal: Path, run: Run
) -> None:
    write_small_journal(fresh_journal)
    (fresh_journal / "one-on-ones/2026-10-28-maria.toml").write_text(OCTOBER)
    said = said_on(run, fresh_journal, "2026-11-09", "one-on-one", "maria", "--prep")
    assert "Open commitments from 2026-10-28" in said
