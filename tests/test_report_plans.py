"""`leadwork report` says what a boss needs to read an indicator's quarter honestly: the
plans agreed in one-on-ones during the range, a missing plan for an off-track run at the
range's end (the dashboard's rule), and each change of target or thresholds in the range.
Through the CLI on a copy of the example journal (today 2026-11-27, 2026-W48)."""

import json
import re
from pathlib import Path

from conftest import Run

QUARTER = ["--from", "2026-W36", "--to", "2026-W48"]
PLAN = "Re-tune the die heater on press 4 and read scrap every shift"
NO_PLAN = "no plan recorded for the current off-track run"


def _report(run: Run, journal: Path, fmt: str, *args: str) -> str:
    result = run("report", *(args or QUARTER), "--format", fmt, journal=journal)
    assert result.exit_code == 0, result
    return result.stdout


def _indicators(run: Run, journal: Path, *args: str) -> dict[str, dict]:
    data = json.loads(_report(run, journal, "json", *args))
    return {i["id"]: i for i in data["indicators"]}


def _article(html: str, indicator: str) -> str:
    found = re.search(
        rf'<article class="indicator" id="indicator-{indicator}">.*?</article>', html, re.S
    )
    assert found, indicator
    return found.group(0)


def _meet_marcus(run: Run, journal: Path, today: str, *extra: str) -> None:
    result = run(
        "one-on-one",
        "marcus",
        "--no-input",
        "--progress",
        "ok",
        "--done",
        "1,2",
        f"--plan=dayton-scrap={PLAN}",
        *extra,
        journal=journal,
        env={"LEADWORK_TODAY": today},
    )
    assert result.exit_code == 0, result


def test_plans_agreed_in_the_range_are_in_each_indicators_section(example_journal, run):
    _meet_marcus(run, example_journal, "2026-11-27", "--note", "Marcus is tired; private")
    scrap = _indicators(run, example_journal)["dayton-scrap"]
    assert {"date": "2026-11-27", "person": "marcus", "text": PLAN} in scrap["plans"]
    assert scrap["plans"] == sorted(scrap["plans"], key=lambda p: p["date"])
    assert scrap["no_plan_for_off_track_run"] is False
    # An explicit "no plan yet" is a record too: Tom said so on 2026-09-16.
    castings = _indicators(run, example_journal)["castings-otd"]
    assert {"date": "2026-09-16", "person": "tom", "text": None} in castings["plans"]

    markdown = _report(run, example_journal, "markdown")
    assert f"- Dayton scrap rate: plan agreed with Marcus on 2026-11-27: {PLAN}" in markdown
    assert "- Castings supplier on-time: no plan yet, said with Tom on 2026-09-16" in markdown
    assert NO_PLAN not in markdown

    html = _report(run, example_journal, "html")
    article = _article(html, "dayton-scrap")
    assert f"plan agreed with Marcus on 2026-11-27: {PLAN}" in article
    assert NO_PLAN not in article
    # Plans are shared (they are on the person's own agenda); one-on-one notes are not.
    for text in (markdown, html, _report(run, example_journal, "json")):
        assert "Marcus is tired" not in text


def test_off_track_at_the_end_without_a_plan_says_so(example_journal, run):
    """Dayton scrap is course-correct in W47 and W48 with no plan since: the dashboard flags
    it, and the report says so in its section, in every format."""
    dashboard = run("dashboard", "--week", "2026-W48", journal=example_journal)
    assert "no plan recorded" in dashboard.stdout
    by_id = _indicators(run, example_journal)
    assert by_id["dayton-scrap"]["no_plan_for_off_track_run"] is True
    assert [i for i, ind in by_id.items() if ind["no_plan_for_off_track_run"]] == ["dayton-scrap"]
    markdown = _report(run, example_journal, "markdown")
    assert f"- Dayton scrap rate: {NO_PLAN}" in markdown
    assert NO_PLAN in _article(_report(run, example_journal, "html"), "dayton-scrap")


def test_a_plan_agreed_before_the_range_stays_in_force(example_journal, run):
    """The episode began in W47; the plan agreed on 2026-11-20 (W47) is in force in W48,
    as on the dashboard, though the range W48 lists no plan of its own."""
    _meet_marcus(run, example_journal, "2026-11-20")
    dashboard = run("dashboard", "--week", "2026-W48", journal=example_journal)
    assert "no plan recorded" not in dashboard.stdout
    week = ["--from", "2026-W48", "--to", "2026-W48"]
    scrap = _indicators(run, example_journal, *week)["dayton-scrap"]
    assert scrap["plans"] == []
    assert scrap["no_plan_for_off_track_run"] is False
    assert NO_PLAN not in _report(run, example_journal, "markdown", *week)


def test_threshold_changes_in_the_range_are_said(example_journal, run):
    changed = run(
        "indicator",
        "change",
        "dayton-scrap",
        "--target",
        "1.8",
        "--since",
        "2026-10-26",
        journal=example_journal,
    )
    assert changed.exit_code == 0, changed
    said = re.search(r"from 2026-10-26: (target \S+ → 1\.8)", changed.stdout)
    assert said, changed.stdout  # the words `indicator change` printed

    scrap = _indicators(run, example_journal)["dayton-scrap"]
    assert scrap["changes"] == [
        {
            "since": "2026-10-26",
            "target": 1.8,
            "celebrate": None,
            "course_correct": None,
            "owner": None,
        }
    ]
    markdown = _report(run, example_journal, "markdown")
    assert f"- Dayton scrap rate: changed from 2026-10-26: {said.group(1)}" in markdown
    # The example's own change to first-pass yield (2026-09-22) is in the quarter too.
    assert (
        "- First-pass yield, both plants: changed from 2026-09-22: target 96.5% → 97%" in markdown
    )
    html = _report(run, example_journal, "html")
    assert f"changed from 2026-10-26: {said.group(1)}" in _article(html, "dayton-scrap")

    before = ["--from", "2026-W40", "--to", "2026-W43"]  # the change is not in this range
    assert _indicators(run, example_journal, *before)["dayton-scrap"]["changes"] == []
    assert "changed from 2026-10-26" not in _report(run, example_journal, "markdown", *before)
