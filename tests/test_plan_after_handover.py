"""A plan in force for an off-track run counts whoever it was agreed with: after a handover
(`indicator change --owner`), the dashboard, the report and the new owner's one-on-one
preparation all see the previous owner's plan (`status.plan_in_episode`, fed the same
one-on-ones), and the preparation says whose it is so the new owner can confirm or
replace it. Sixth trial, r1. Through the CLI on a small journal built as the repro does."""

import json
from pathlib import Path

from conftest import Run
from journals import write_sixth_trial_journal

PLAN = "Contract leaf crew"


def _journal(tmp_path: Path, run: Run) -> tuple[Path, Run]:
    journal = tmp_path / "journal"
    made = run(
        "init", str(journal), "--leader", "Helen Marsh", env={"LEADWORK_TODAY": "2026-08-31"}
    )
    assert made.exit_code == 0, made
    write_sixth_trial_journal(journal, tony_left_on="2026-10-16")

    def lw(today: str, *args: str) -> str:
        result = run(*args, journal=journal, env={"LEADWORK_TODAY": today})
        assert result.exit_code == 0, result
        return result.stdout

    lw("2026-09-04", "checkin", "--no-input", "-r", "grounds-backlog=25")  # W36 at risk
    lw("2026-10-01", "one-on-one", "tony", "--no-input", "--progress", "x",
       "--plan", f"grounds-backlog={PLAN}")  # fmt: skip
    lw("2026-10-02", "checkin", "--no-input", "-r", "grounds-backlog=33")  # W40
    lw("2026-10-16", "indicator", "change", "grounds-backlog", "--since", "2026-10-19",
       "--owner", "sam")  # fmt: skip
    lw("2026-10-23", "checkin", "--no-input", "-r", "grounds-backlog=35")  # W43
    lw("2026-10-30", "checkin", "--no-input", "-r", "grounds-backlog=31")  # W44
    return journal, run


def test_the_previous_owners_plan_is_in_force_in_every_view(tmp_path, run):
    journal, run = _journal(tmp_path, run)
    env = {"LEADWORK_TODAY": "2026-11-05"}

    dash = json.loads(run("dashboard", "-f", "json", journal=journal, env=env).stdout)
    [ind] = dash["accountability"]["indicators"]
    assert (ind["owner"], ind["status"], ind["plan_needed"]) == ("sam", "course-correct", False)

    report = json.loads(run("report", "-f", "json", journal=journal, env=env).stdout)
    [summary] = report["indicators"]
    assert summary["no_plan_for_off_track_run"] is False

    prep = json.loads(
        run("one-on-one", "sam", "--prep", "-f", "json", journal=journal, env=env).stdout
    )
    [view] = prep["indicators"]
    assert view["flagged"] is False  # as the dashboard's plan_needed
    assert view["plan"] == {"date": "2026-10-01", "text": PLAN, "person": "tony"}
    [plan_question] = [q for q in prep["questions"] if q["kind"] == "plan"]
    assert plan_question["text"] == "How is the plan to get back on track going?"
    assert f"Tony's plan of 2026-10-01: {PLAN}" in plan_question["context"]

    text = run("one-on-one", "sam", "--prep", journal=journal, env=env).stdout
    assert "Tony's plan of 2026-10-01" in text
    assert "no plan yet" not in text

    # Sam's meeting, with no plan of its own, keeps the plan in force: nothing is refused.
    recorded = run("one-on-one", "sam", "--no-input", "--progress", "ok", journal=journal, env=env)
    assert recorded.exit_code == 0, recorded


def test_a_plan_on_record_says_whose_only_when_not_the_person_mets():
    import datetime as dt

    from leadwork.domain.one_on_one import PlanOnRecord

    day = dt.date(2026, 10, 1)
    assert PlanOnRecord(day, PLAN, "sam").label == "plan of 2026-10-01"
    assert PlanOnRecord(day, PLAN, "tony", "Tony").label == "Tony's plan of 2026-10-01"
    assert PlanOnRecord(day, PLAN, "me", "me").label == "your plan of 2026-10-01"
