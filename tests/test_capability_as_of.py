"""A view of a past week or range sees each capability as it was at its end (trial 11,
finding 1): a step done after that day is open then, and overdue if its due date had
passed; the level is the one a capability review set last on or before that day, and
"not recorded" (`?`, null) when only a later review says one, since `capabilities.toml`
keeps only the level now. The report, `dashboard --week` and the JSON agree, and a
report's row adds up (done + open = steps). Through the CLI on a small journal."""

import json
from pathlib import Path

from conftest import Run
from journals import CAPABILITIES as SMALL_CAPABILITIES
from journals import write_small_journal

# the small journal's capability, with a plan
CAPABILITIES = (
    SMALL_CAPABILITIES
    + """
[[capabilities.steps]]
what = "Audit line 3"
due = 2026-11-13
done = 2026-11-06

[[capabilities.steps]]
what = "Train the inspectors"
due = 2026-12-11

[[capabilities.steps]]
what = "Second source for castings"
due = 2027-02-26
"""
)

EARLIER_REVIEW = """\
kind = "capability"
date = 2026-11-20
capability = "quality-at-scale"
level = 2
reason = "Audit done; nobody trained yet."
"""

LATER = {"LEADWORK_TODAY": "2027-01-08"}


def _journal(tmp_path: Path, run: Run, earlier_review: bool = False) -> Path:
    journal = tmp_path / "journal"
    made = run("init", str(journal), "--leader", "Ana Ruiz", env={"LEADWORK_TODAY": "2026-11-02"})
    assert made.exit_code == 0, made
    write_small_journal(journal)
    (journal / "capabilities.toml").write_text(CAPABILITIES)
    if earlier_review:
        (journal / "reviews/2026-11-20-capability-quality-at-scale.toml").write_text(EARLIER_REVIEW)
    for today, reading in (("2026-12-18", "otd=96"), ("2027-01-01", "otd=97")):  # W51, W53
        done = run(
            "checkin", "--no-input", "-r", reading, journal=journal, env={"LEADWORK_TODAY": today}
        )
        assert done.exit_code == 0, done
    # Step 2 done and the level raised on 6 January, after the range and week asked about.
    reviewed = run(
        "review", "capability", "quality-at-scale", "--no-input", "--step-done", "2",
        "--level", "3", "--reason", "Inspectors trained",
        journal=journal, env={"LEADWORK_TODAY": "2027-01-06"},
    )  # fmt: skip
    assert reviewed.exit_code == 0, reviewed
    assert run("check", journal=journal, env=LATER).exit_code == 0
    return journal


def _report_capability(run: Run, journal: Path) -> dict:
    out = run(
        "report", "--from", "2026-W46", "--to", "2026-W51", "-f", "json", journal=journal, env=LATER
    )
    assert out.exit_code == 0, out
    (cap,) = json.loads(out.stdout)["capabilities"]
    return cap


def _dashboard_capability(run: Run, journal: Path, *week: str) -> dict:
    out = run("dashboard", *week, "-f", "json", journal=journal, env=LATER)
    assert out.exit_code == 0, out
    (cap,) = json.loads(out.stdout)["capability"]
    return cap


def test_a_past_range_counts_steps_as_they_were_at_its_end(tmp_path, run):
    journal = _journal(tmp_path, run)

    cap = _report_capability(run, journal)
    # At the end of W51 (20 Dec) step 2 was open and overdue (due 11 Dec): done + open = 3.
    assert (cap["steps_total"], cap["steps_done"], cap["open_steps"]) == (3, 1, 2)
    assert [s["number"] for s in cap["overdue"]] == [2]
    assert cap["done_in_range"] == []  # step 1 was done before the range (6 Nov)
    # The level then is written nowhere: the only review that set one is of 6 January.
    assert cap["level"] is None
    assert cap["level_set_after"] == {"date": "2027-01-06", "level": 3}

    text = run("report", "--from", "2026-W46", "--to", "2026-W51", journal=journal, env=LATER)
    assert "| Quality at scale | ? / 4 | 3 | 1 | 0 | 2 | 1 | — |" in text.stdout
    assert (
        "quality-at-scale: level at the end of the range not recorded: a review set it to 3 "
        "on 2027-01-06" in text.stdout
    )
    assert (
        "quality-at-scale: overdue since 2026-12-11: Train the inspectors "
        "(done 2027-01-06, after the range)" in text.stdout
    )

    # The dashboard of that week says the same; this week's says what the file says now.
    week = _dashboard_capability(run, journal, "--week", "2026-W51")
    assert (week["level"], week["steps_done"], week["steps_total"]) == (None, 1, 3)
    assert [s["step"] for s in week["overdue_steps"]] == [2]
    shown = run("dashboard", "--week", "2026-W51", journal=journal, env=LATER).stdout
    assert "? → 4" in shown and "3 → 4" not in shown
    now = _dashboard_capability(run, journal)
    assert (now["level"], now["steps_done"], now["overdue_steps"]) == (3, 2, [])


def test_the_level_of_a_past_range_is_the_one_reviewed_last_by_its_end(tmp_path, run):
    journal = _journal(tmp_path, run, earlier_review=True)

    cap = _report_capability(run, journal)
    assert cap["level"] == 2 and cap["level_set_after"] == {"date": "2027-01-06", "level": 3}
    assert [r["level"] for r in cap["reviews"]] == [2]  # the review of 20 Nov, in the range
    text = run("report", "--from", "2026-W46", "--to", "2026-W51", journal=journal, env=LATER)
    assert "| Quality at scale | 2 / 4 | 3 | 1 | 0 | 2 | 1 |" in text.stdout
    assert "not recorded" not in text.stdout

    assert _dashboard_capability(run, journal, "--week", "2026-W51")["level"] == 2
    assert "2 → 4" in run("dashboard", "--week", "2026-W51", journal=journal, env=LATER).stdout
    # A range ending after the review sees the level it set, and the step done.
    late = run(
        "report", "--from", "2026-W46", "--to", "2027-W01", "-f", "json", journal=journal, env=LATER
    )
    (cap,) = json.loads(late.stdout)["capabilities"]
    assert (cap["level"], cap["steps_done"], cap["open_steps"], cap["overdue"]) == (3, 2, 1, [])
    assert cap["level_set_after"] is None
