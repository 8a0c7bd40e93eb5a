"""`indicator list|show`, `capability list|show`: tables for people, JSON for scripts, and
colour that follows the conventions (off in pipes and with NO_COLOR, on with FORCE_COLOR)."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from leadwork.render.palette import STATUS_LABEL
from leadwork.values import format_number

from conftest import assert_snapshot, tree_hash
from journals import write_twelfth_trial_journal

ANSI = re.compile(r"\x1b\[[0-9;]*m")
COLOR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-7]|9[0-7]|38;[0-9;]+)m")
LIST_AND_SHOW = [
    ["indicator", "list"],
    ["indicator", "show", "dayton-scrap"],
    ["capability", "list"],
    ["capability", "show", "coaching-supervisors"],
]


def as_json(run, journal, *args):
    result = run(*args, "--format", "json", journal=journal)
    assert result.exit_code == 0, result
    assert not ANSI.search(result.stdout)
    return json.loads(result.stdout)


def test_indicator_list_json(example_journal, run):
    data = as_json(run, example_journal, "indicator", "list")
    assert data["week"] == "2026-W48"
    by_id = {i["id"]: i for i in data["indicators"]}
    assert list(by_id)[:2] == ["greenville-otd", "greenville-changeover"]
    assert by_id["dayton-scrap"] == {
        "id": "dayton-scrap",
        "name": "Dayton scrap rate",
        "owner": "marcus",
        "serves": ["quality-at-scale"],
        "unit": "%",
        "direction": "lower",
        "cadence": "weekly",
        "target": 2.0,
        "celebrate": 1.5,
        "course_correct": 3.0,
        "active": True,
        "latest": {"week": "2026-W48", "value": 3.6, "status": "course-correct"},
        "status": "course-correct",
        "due_for": None,
        "held": None,
        "missing": None,
        "new_on": None,
        "trend_warning": False,
        "course_correct_weeks": 2,
    }
    # Green, but three weeks the wrong way in a row: the trend warning.
    assert by_id["medical-quote-days"]["status"] == "on-track"
    assert by_id["medical-quote-days"]["trend_warning"] is True
    # The target raised in September applies from then on.
    assert by_id["first-pass-yield"]["target"] == 97


def test_indicator_list_as_of_an_earlier_week(example_journal, run):
    data = as_json(run, example_journal, "indicator", "list", "--week", "2026-W38")
    by_id = {i["id"]: i for i in data["indicators"]}
    assert by_id["greenville-otd"]["status"] == "course-correct"
    assert by_id["first-pass-yield"]["target"] == 96.5  # before the change on 2026-09-22


def test_indicator_show_json_has_thirteen_weeks(example_journal, run):
    data = as_json(
        run, example_journal, "indicator", "show", "greenville-otd", "--week", "2026-W40"
    )
    assert [h["week"] for h in data["history"]][::12] == ["2026-W28", "2026-W40"]
    assert data["history"][0] == {"week": "2026-W28", "value": None, "status": "no-data"}
    statuses = [h["status"] for h in data["history"] if h["week"] >= "2026-W37"]
    assert statuses == ["course-correct"] * 4
    assert data["course_correct_weeks"] == 4
    assert data["agreed_with"] == ["priya"]
    assert data["agreed_on"] == "2026-06-08"


def test_capability_list_and_show_json(example_journal, run):
    data = as_json(run, example_journal, "capability", "list")
    by_id = {c["id"]: c for c in data["capabilities"]}
    assert by_id["coaching-supervisors"]["overdue_steps"] == 1
    assert by_id["coaching-supervisors"]["next_step"] == {
        "number": 2,
        "what": "First coaching clinic for Greenville shift supervisors, with HR",
        "due": "2026-10-23",
    }
    assert by_id["dependable-scheduling"]["steps_done"] == 2
    detail = as_json(run, example_journal, "capability", "show", "dependable-scheduling")
    assert detail["reviews"] == [
        {
            "date": "2026-10-30",
            "level": 2,
            "file": "reviews/2026-10-30-capability-dependable-scheduling.toml",
        }
    ]
    assert {i["id"] for i in detail["indicators"]} == {
        "greenville-otd",
        "greenville-changeover",
        "dayton-otd",
        "castings-otd",
    }
    assert [s["done"] for s in detail["steps"]] == ["2026-07-08", "2026-10-14", False, False]


def test_indicator_list_table(example_journal, run):
    result = run("indicator", "list", journal=example_journal)
    assert result.exit_code == 0, result
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Indicators, as of 2026-W48")
    assert all(len(line) <= 100 for line in lines)
    scrap = next(line for line in lines if "dayton-scrap" in line)
    assert "≤ 2%" in scrap and "3.6%" in scrap and "course-correct" in scrap
    quotes = next(line for line in lines if "medical-quote-days" in line)
    assert "on track ⚠ trend" in quotes


def test_indicator_show_table(example_journal, run):
    result = run("indicator", "show", "dayton-scrap", journal=example_journal)
    assert result.exit_code == 0, result
    text = result.stdout
    assert "agreed with  marcus, elena on 2026-03-16" in text
    assert "target 2%, celebrate at 1.5%, course-correct past 3%" in text
    assert "│ 2026-W48 │  3.6% │ course-correct │" in text
    assert text.rstrip().endswith("course-correct 2 weeks running")


def test_capability_tables(example_journal, run):
    listed = run("capability", "list", journal=example_journal)
    assert listed.exit_code == 0, listed
    row = next(line for line in listed.stdout.splitlines() if "coaching-supervisors" in line)
    assert "1/3 done, 1 overdue" in row and "2026-10-23" in row
    shown = run("capability", "show", "coaching-supervisors", journal=example_journal)
    assert "│ 2 │ First coaching clinic for Greenville shift supervisors, with HR" in shown.stdout
    assert "overdue" in shown.stdout
    assert "indicators  none yet" in shown.stdout


# ---- the list tables at any width ------------------------------------------------------------

WIDTHS = [100, 80, 60]  # a wide terminal, a pipe (Rich's 80), a narrow pane
TOKENS = re.compile(r"[^\s│┃]+")  # the words of a table, borders left out


@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize("what", ["indicator", "capability"])
def test_the_list_tables_snapshot(example_journal, run, what, columns):
    result = run(what, "list", journal=example_journal, env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= columns
    assert "…" not in result.stdout, "nothing is cut: names wrap, rows stack"
    assert all(line == line.rstrip() for line in lines), "no trailing spaces in plain text"
    assert_snapshot(f"{what}-list-northfield-{columns}.txt", result.stdout)


def words(text: str) -> set[str]:
    return set(TOKENS.findall(text))


@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize("today", ["2026-11-27", "2026-12-04"])  # W49: latest is last week's
def test_every_indicator_value_is_readable_at_any_width(example_journal, run, columns, today):
    env = {"COLUMNS": str(columns), "LEADWORK_TODAY": today}
    data = json.loads(
        run("indicator", "list", "--format", "json", journal=example_journal, env=env).stdout
    )
    text = run("indicator", "list", journal=example_journal, env=env).stdout
    assert max(len(line) for line in text.splitlines()) <= columns
    seen = words(text)
    for ind in data["indicators"]:
        assert ind["id"] in seen, (ind["id"], text)
        assert set(STATUS_LABEL[ind["status"]].split()) <= seen, (ind["status"], text)
        assert ind["owner"] is None or ind["owner"] in seen, (ind["owner"], text)
        assert set(ind["name"].split()) <= seen, (ind["name"], text)
        latest = ind["latest"]
        if latest is not None:
            percent = "%" if ind["unit"] == "%" else ""
            assert f"{format_number(latest['value'])}{percent}" in seen, (latest, text)
            if latest["week"] != data["week"]:
                assert f"({latest['week']})" in seen, (latest, text)


def test_a_long_status_takes_two_lines_before_the_name_is_squeezed(run, tmp_path):
    """Trial 12, finding 8: at 100 columns, one row's "no data · no reading for Dec 2026"
    squeezed every name to 15 columns (an indicator on five lines). Now that status goes
    onto two lines, the month unread on the second, and the names get 25 columns, whole."""
    journal = tmp_path / "journal"
    assert run("init", str(journal), "--leader", "Dana Whitfield").exit_code == 0
    write_twelfth_trial_journal(journal)
    result = run("indicator", "list", journal=journal, env={"LEADWORK_TODAY": "2027-01-04"})
    assert result.exit_code == 0, result
    assert result.stdout == (
        "Indicators, as of 2026-W53\n"
        "id           name                       owner        target          latest  status\n"
        "escalations  Escalations to Tier 2 per  sam    ≤ 60 tickets      55 tickets  on track\n"
        "             week, all regions\n"
        "             combined\n"
        "defects      Damaged parcels per 100    sam-k   ≤ 2 per 100     1.4 per 100  on track\n"
        "             shipped from Warehouse\n"
        "             North\n"
        "csat         Customer satisfaction,     ravi          ≥ 85%  86% (2026-W48)  no data\n"
        "             monthly survey                                                  "
        "no reading for Dec 2026\n"
        "otd          On-time dispatch           nora          ≥ 95%             97%  on track\n"
    )


@pytest.mark.parametrize("columns", WIDTHS)
def test_every_capability_value_is_readable_at_any_width(example_journal, run, columns):
    env = {"COLUMNS": str(columns)}
    data = json.loads(
        run("capability", "list", "--format", "json", journal=example_journal, env=env).stdout
    )
    text = run("capability", "list", journal=example_journal, env=env).stdout
    seen = words(text)
    for cap in data["capabilities"]:
        assert cap["id"] in seen, (cap["id"], text)
        assert cap["owner"] in seen, (cap["owner"], text)
        assert set(cap["name"].split()) <= seen, (cap["name"], text)
        assert f"{cap['level']}/{cap['target']}" in seen, (cap, text)
        assert f"{cap['steps_done']}/{cap['steps_total']}" in seen, (cap, text)
        due = cap["next_step"] and cap["next_step"]["due"]
        assert due is None or due in seen, (due, text)


@pytest.mark.parametrize(
    ("args", "message", "hint"),
    [
        (
            ["indicator", "show", "dayton-scarp"],
            "no indicator with id 'dayton-scarp'",
            "dayton-scrap",
        ),
        (["capability", "show", "nope"], "no capability with id 'nope'", "known capability ids"),
        (["indicator", "list", "--week", "2026-W60"], "--week: '2026-W60'", "YYYY-Www"),
        (["indicator", "list", "--format", "yaml"], "'yaml' is not one of", None),
        # An unknown owner is a typo, not "no indicators yet".
        (["indicator", "list", "--owner", "prya"], "no person with id 'prya'", "'priya'"),
        (["capability", "list", "-o", "bob"], "no person with id 'bob'", "known person ids"),
    ],
)
def test_bad_usage_exits_2_and_writes_nothing(args, message, hint, example_journal, run):
    before = tree_hash(example_journal)
    result = run(*args, journal=example_journal)
    assert result.exit_code == 2, result
    assert message in result.stderr
    if hint:
        assert hint in result.stderr
    assert result.stdout == ""
    assert tree_hash(example_journal) == before


def test_an_empty_journal_lists_nothing(fresh_journal, run):
    assert as_json(run, fresh_journal, "indicator", "list")["indicators"] == []
    assert as_json(run, fresh_journal, "capability", "list") == {"capabilities": []}
    result = run("indicator", "list", journal=fresh_journal)
    assert "No indicators yet" in result.stdout


def test_a_broken_file_is_reported_not_a_traceback(example_journal, run):
    path = example_journal / "indicators.toml"
    path.write_text(path.read_text().replace("target = 95", 'target = "95"', 1))
    result = run("indicator", "list", journal=example_journal)
    assert result.exit_code == 1
    assert "indicators.toml:" in result.stderr and "should be a number" in result.stderr


# ---- colour and pipes: the installed command, as a person or a script runs it ----------------

LEADWORK = Path(sys.executable).parent / "leadwork"


def installed(journal: Path, args: list[str], **env: str) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    return subprocess.run(
        [LEADWORK, "--journal", str(journal), *args],
        capture_output=True,  # a pipe, as in `leadwork indicator list | less`
        text=True,
        env={**base, "LEADWORK_TODAY": "2026-11-27", "COLUMNS": "100", "TERM": "xterm", **env},
    )


@pytest.mark.parametrize("args", LIST_AND_SHOW, ids=" ".join)
def test_no_ansi_codes_in_a_pipe(example_journal, args):
    result = installed(example_journal, args)
    assert result.returncode == 0, result.stderr
    assert not ANSI.search(result.stdout)


@pytest.mark.parametrize("args", LIST_AND_SHOW, ids=" ".join)
def test_force_color_colours_even_a_pipe(example_journal, args):
    result = installed(example_journal, args, FORCE_COLOR="1")
    assert result.returncode == 0, result.stderr
    assert COLOR.search(result.stdout)


@pytest.mark.parametrize("args", LIST_AND_SHOW, ids=" ".join)
def test_no_color_wins_over_force_color(example_journal, args):
    result = installed(example_journal, args, FORCE_COLOR="1", NO_COLOR="1")
    assert result.returncode == 0, result.stderr
    assert not ANSI.search(result.stdout)  # no escape codes at all, bold included


def test_errors_are_coloured_only_when_asked(example_journal):
    plain = installed(example_journal, ["indicator", "show", "nope"])
    assert plain.returncode == 2 and not ANSI.search(plain.stderr)
    forced = installed(example_journal, ["indicator", "show", "nope"], FORCE_COLOR="1")
    assert forced.returncode == 2 and ANSI.search(forced.stderr)
    both = installed(example_journal, ["indicator", "show", "nope"], FORCE_COLOR="1", NO_COLOR="1")
    assert not ANSI.search(both.stderr)


@pytest.mark.parametrize("args", LIST_AND_SHOW, ids=" ".join)
def test_json_is_never_coloured(example_journal, args):
    result = installed(example_journal, [*args, "--format", "json"], FORCE_COLOR="1")
    assert result.returncode == 0, result.stderr
    assert not ANSI.search(result.stdout)
    json.loads(result.stdout)


def test_one_of_a_plural_unit_reads_in_the_singular(example_journal, run):
    """The trial's "1 walks": one reading of an indicator read in "meetings" is "1 meeting",
    as are its threshold; two are "2 meetings"."""
    week = example_journal / "checkins/2026-W48.toml"
    week.write_text(week.read_text().replace("discovery-meetings = 2", "discovery-meetings = 1"))
    result = run("indicator", "show", "discovery-meetings", journal=example_journal)
    assert result.exit_code == 0, result
    assert "target 2 meetings, celebrate at 4 meetings, course-correct past 1 meeting" in (
        result.stdout
    )
    assert "│ 2026-W48 │  1 meeting │ at risk  │" in result.stdout
    assert "1 meetings" not in result.stdout


def test_indicator_show_says_a_change_as_indicator_change_does(example_journal, run):
    """From what stood before to what stands after, with the unit and who agreed, in the
    words `indicator change` printed (joint_indicators.describe_change), not the new
    values alone under their TOML keys (third trial)."""
    env = {"COLUMNS": "120"}
    shown = run("indicator", "show", "first-pass-yield", journal=example_journal, env=env)
    assert shown.exit_code == 0, shown
    assert (
        "2026-09-22: target 96.5% → 97%, celebrate 98% → 98.5% (agreed with elena)" in shown.stdout
    )
    assert "course_correct" not in shown.stdout


# ---- capability show at any width: a step's words whole (trial 20, finding 8) -----------------

CROSS_DOCK = """
[[capabilities]]
id = "dock-flow"
name = "Dock flow"
kind = "organizational"
serves = ["dependable-delivery"]
owner = "tom"
level = 2
target = 4

[[capabilities.steps]]
what = "Slot booking for inbound trucks"
due = 2026-11-13

[[capabilities.steps]]
what = "Cross-dock lane for same-day"
due = 2026-12-18

[[capabilities.steps]]
what = "Supplier-managed-inventory-with-consignment-stock pilot"
due = 2027-01-15
"""


def test_capability_show_wraps_a_step_without_cutting_a_word(example_journal, run):
    """At 40 columns the plan showed "Cross-do… lane for same-day": the step column wrapped
    the other words but cut this one. Now the plan goes without borders when they leave the
    step too little room (as `capability list`), and a word longer than the column is
    folded onto the next line, never cut."""
    with (example_journal / "capabilities.toml").open("a") as f:
        f.write(CROSS_DOCK)
    for columns in range(40, 80):
        shown = run(
            "capability",
            "show",
            "dock-flow",
            journal=example_journal,
            env={"COLUMNS": str(columns)},
        )
        assert shown.exit_code == 0, shown
        plan = shown.stdout[shown.stdout.index("Plan") :]
        assert max(len(line) for line in plan.splitlines()) <= columns, plan
        assert "…" not in plan, (columns, plan)
        seen = words(plan)
        assert {"Cross-dock", "same-day", "2026-11-13", "2026-12-18", "2027-01-15"} <= seen, plan
        assert "overdue" in seen and "open" in seen, plan
        # longer than the column: broken at its hyphens, or folded, its letters all there
        assert "Supplier-" in plan and "pilot" in seen, plan
    narrow = run("capability", "show", "dock-flow", journal=example_journal, env={"COLUMNS": "40"})
    assert narrow.stdout[narrow.stdout.index("Plan") :].splitlines()[:6] == [
        "Plan",
        "#  step              due         done",
        "1  Slot booking for  2026-11-13  overdue",
        "   inbound trucks",
        "2  Cross-dock lane   2026-12-18  open",
        "   for same-day",
    ]


@pytest.mark.parametrize("columns", [40, 50, 60])
def test_every_plan_step_is_whole_at_narrow_widths(example_journal, run, columns):
    env = {"COLUMNS": str(columns)}
    data = json.loads(
        run("capability", "list", "--format", "json", journal=example_journal, env=env).stdout
    )
    for cap in data["capabilities"]:
        detail = json.loads(
            run("capability", "show", cap["id"], "--format", "json", journal=example_journal).stdout
        )
        text = run("capability", "show", cap["id"], journal=example_journal, env=env).stdout
        plan = text[text.index("Plan") :]
        assert "…" not in plan, (cap["id"], plan)
        seen = words(plan)
        for step in detail["steps"]:
            assert set(step["what"].split()) <= seen, (step, plan)
            assert step["due"] is None or step["due"] in seen, (step, plan)
