"""Trial 19's findings on `check` and the thresholds: every threshold on the wrong side of
the target is reported, and no view judges with one (3); a plan step marked done on a day
after today is a warning (4); the errors come before the warnings (7)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from journals import replace_once

HEADER = re.compile(r"^(\S+):(\d+):(\d+): (error|warning): (.*)$", re.MULTILINE)


@pytest.fixture
def journal(example_journal: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(example_journal)  # problems are named relative to where one is
    return example_journal


_edit = replace_once


def _headers(stderr: str) -> list[str]:
    return [m[0] for m in HEADER.finditer(stderr)]


def test_check_lists_every_error_before_any_warning(journal, run):
    """Finding 7: the example's seven standing warnings came first, the one error that fails
    the commit after them. Now the errors come first, each file's own (a key misspelt in
    2026-W49) before what the files say of each other (an unknown indicator in 2026-W47),
    then the warnings, each part in file order."""
    week = (journal / "checkins/2026-W48.toml").read_text().replace("2026-W48", "2026-W49")
    slip = week.replace('week = "2026-W49"\n', 'week = "2026-W49"\nreflektion = "a slip"\n')
    (journal / "checkins/2026-W49.toml").write_text(slip)
    _edit(journal / "checkins/2026-W47.toml", "dayton-scrap = 3.4", "dayton-scarp = 3.4")
    result = run("check", journal=journal, env={"LEADWORK_TODAY": "2026-12-04"})
    assert result.exit_code == 1
    assert _headers(result.stderr) == [
        "checkins/2026-W49.toml:4:1: error: unknown key 'reflektion'",
        "checkins/2026-W47.toml:9:1: error: unknown indicator 'dayton-scarp' in [readings]",
        "capabilities.toml:8:1: warning: capability 'quality-at-scale' has no plan step ahead "
        "(level 3, target 4)",
        "capabilities.toml:63:1: warning: capability 'machinist-pipeline': no indicator tracks it",
        "capabilities.toml:113:1: warning: capability 'coaching-supervisors': no indicator "
        "tracks it",
        "indicators.toml:134:1: warning: indicator 'overtime-hours' serves nothing",
        "indicators.toml:134:1: warning: indicator 'overtime-hours' has no owner",
        "indicators.toml:134:1: warning: indicator 'overtime-hours' has no agreed date",
        "strategy.toml:33:1: warning: strategic choice 'one-northfield': no capability serves it",
    ]
    assert result.stderr.rstrip().endswith("2 errors and 7 warnings in 5 files")


def _swap_greenville_thresholds(journal: Path) -> None:
    """greenville-otd (higher is better, target 95): celebrate 98 and course_correct 90
    swapped by hand."""
    _edit(journal / "indicators.toml", "celebrate = 98\n", "celebrate = 90\n")
    _edit(journal / "indicators.toml", "course_correct = 90\n", "course_correct = 98\n")


def test_check_names_both_thresholds_on_the_wrong_side_each_at_its_line(journal, run):
    """Finding 3: only celebrate was named; fixing it, a second run named course_correct."""
    _swap_greenville_thresholds(journal)
    result = run("check", journal=journal)
    assert result.exit_code == 1
    hint = "   = hint: when higher is better: course_correct <= target <= celebrate"
    assert result.stderr == (
        "indicators.toml:18:1: error: celebrate (90) is below the target (95), but higher is "
        f"better\n   |\n18 | celebrate = 90\n   | ^^^^^^^^^\n{hint}\n\n"
        "indicators.toml:19:1: error: course_correct (98) is above the target (95), but higher "
        f"is better\n   |\n19 | course_correct = 98\n   | ^^^^^^^^^^^^^^\n{hint}\n\n"
        "note: gaps between strategy, capabilities and indicators not checked until the "
        "errors in indicators.toml are fixed\n\n"
        "2 errors in 1 file\n"
    )


def test_a_change_with_both_thresholds_on_the_wrong_side_is_named_at_each_key(journal, run):
    _edit(
        journal / "indicators.toml",
        "course_correct = 90\n",
        "course_correct = 90\n\n[[indicators.changes]]\nsince = 2026-09-01\n"
        "celebrate = 93\ncourse_correct = 96\n",
    )
    result = run("check", journal=journal)
    assert result.exit_code == 1
    assert _headers(result.stderr)[:2] == [
        "indicators.toml:23:1: error: from 2026-09-01 on, celebrate (93) is below the target "
        "(95), but higher is better",
        "indicators.toml:24:1: error: from 2026-09-01 on, course_correct (96) is above the "
        "target (95), but higher is better",
    ]


def test_no_view_judges_with_a_threshold_check_calls_invalid(journal, run):
    """Finding 3: 93.8% under a 95% target was "celebrate", 88.8% "course-correct" past a
    course_correct of 98 on the wrong side. A threshold on the wrong side of the target
    counts as absent: on track or at risk by the target alone; the warning stays."""
    _swap_greenville_thresholds(journal)
    shown = run("indicator", "show", "greenville-otd", journal=journal)
    assert shown.exit_code == 0
    assert "indicators.toml has problems that may make this view wrong" in shown.stderr
    rows = {
        week: re.search(rf"│ {week} │ ([\d.]+%) │ ([a-z -]+?) +│", shown.stdout)
        for week in ("2026-W40", "2026-W42", "2026-W48")
    }
    assert {week: (m[1], m[2]) for week, m in rows.items() if m} == {
        "2026-W40": ("88.8%", "at risk"),
        "2026-W42": ("93.8%", "at risk"),
        "2026-W48": ("97.6%", "on track"),
    }

    data = json.loads(run("dashboard", "--format", "json", journal=journal).stdout)
    (otd,) = [i for i in data["accountability"]["indicators"] if i["id"] == "greenville-otd"]
    assert otd["status"] == "on-track"
    statuses = {h["status"] for h in otd["history"] if h["value"] is not None}
    assert statuses <= {"on-track", "at-risk"}
    assert "at-risk" in statuses


def test_a_step_marked_done_after_today_is_a_warning_at_its_done(journal, run):
    """Finding 4: `done = 2026-12-20` written by hand on 8 Dec: `check` said nothing while
    every view called the step overdue. Now a warning at the `done` line says why, worded
    as `checkin --step-done` refuses such a day."""
    _edit(
        journal / "capabilities.toml", "due = 2026-10-23\n", "due = 2026-10-23\ndone = 2026-12-20\n"
    )
    today = {"LEADWORK_TODAY": "2026-12-08"}
    result = run("check", journal=journal, env=today)
    assert result.exit_code == 0  # a warning: `--strict` fails on it
    message = (
        "capabilities.toml:132:1: warning: capability 'coaching-supervisors': step 2 is marked "
        "done on 2026-12-20, after today (2026-12-08); it counts as open until then"
    )
    assert message in _headers(result.stderr)
    shown = result.stderr[result.stderr.index(message) :].split("\n")
    assert shown[1:5] == [
        "    |",
        "132 | done = 2026-12-20",
        "    | ^^^^",
        "    = hint: a step is marked done once it is: leave `done` out until that day, or fix "
        "the date",
    ]
    assert run("check", "--strict", journal=journal, env=today).exit_code == 1
    # the same words as `checkin --step-done` refusing the day
    refused = run(
        "checkin",
        "--step-done",
        "quality-at-scale:1@2026-12-20",
        "--no-input",
        journal=journal,
        env=today,
    )
    assert refused.exit_code != 0
    assert "2026-12-20 is after today (2026-12-08): a step is marked done once it is" in (
        refused.stderr
    )
    # on the day itself (and after), it is done: nothing to say
    on_the_day = run("check", journal=journal, env={"LEADWORK_TODAY": "2026-12-20"})
    assert "marked done" not in on_the_day.stderr


def test_indicator_add_refuses_both_thresholds_on_the_wrong_side_at_once(journal, run):
    """The writers judge by the same rule as `check`: each threshold named, in one run."""
    result = run(
        "indicator",
        "add",
        "x-otd",
        "--name",
        "X on-time",
        "--owner",
        "priya",
        "--unit",
        "%",
        "--direction",
        "higher",
        "--target",
        "95",
        "--celebrate",
        "90",
        "--course-correct",
        "98",
        "--serves",
        "dependable-scheduling",
        journal=journal,
    )
    assert result.exit_code == 2
    assert "celebrate (90) is below the target (95), but higher is better" in result.stderr
    assert "course_correct (98) is above the target (95), but higher is better" in result.stderr
    assert "x-otd" not in (journal / "indicators.toml").read_text()
