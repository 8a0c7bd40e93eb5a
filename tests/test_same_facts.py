"""One fact, one answer: every command that states one of these facts about the same journal
states it alike (issue 17, item 4).

- The share of hours in someone else's job against `time_warning_percent`: compared on the
  exact value (`your_work.share_elsewhere`, `your_work.over_warning`), shown rounded alike
  (`values.format_share`): the check-in interview, the dashboard and the report.
- The weeks with a check-in (`timeline.checked_in`; a week of captures only is not one):
  check, reflect and the report.
- A capability step overdue (`capability.step_overdue`, as of the earlier of the view's end
  and today; a step due today is not overdue yet): the dashboard, the report, and
  `capability list|show`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from journals import write_small_journal

TODAY = "2026-12-04"  # a Friday in 2026-W49
ENV = {"LEADWORK_TODAY": TODAY}

HOURS_20_4 = {  # 11 of 54 hours: 20.37%, over a 20% warning, though it rounds to 20%
    "alignment": 10,
    "capability": 10,
    "accountability": 13,
    "someone_elses_job": 11,
    "other": 10,
}
HOURS_20 = dict.fromkeys(HOURS_20_4, 10)  # 10 of 50: exactly 20%, not over
HOURS_14 = {**HOURS_20, "someone_elses_job": 7, "other": 13}  # 7 of 50: 14.000000000000002
# when computed as 7 / 50 * 100

STEPS = """
[[capabilities.steps]]
what = "Audit line 3"
due = 2026-12-03

[[capabilities.steps]]
what = "Train second shift"
due = 2026-12-04

[[capabilities.steps]]
what = "Write the standard"
due = 2026-12-10
"""


def hours_table(hours: dict[str, int]) -> str:
    return "\n[hours]\n" + "".join(f"{k} = {v}\n" for k, v in hours.items())


def week_file(journal: Path, week: str, body: str) -> None:
    path = journal / "checkins" / f"{week}.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(f'week = "{week}"\n{body}', encoding="utf-8")


@pytest.fixture
def journal(fresh_journal: Path) -> Path:
    """The small journal, with weeks that test each fact:
    W45 a story only; W46 exactly 20%; W47 20.4%; W48 readings only (the small journal's);
    a capability with a step due yesterday, one due today, one next week."""
    write_small_journal(fresh_journal)
    week_file(
        fresh_journal,
        "2026-W45",
        '\n[[stories]]\ntext = "Maria stopped the line"\nwho = "maria"\n',
    )
    week_file(fresh_journal, "2026-W46", hours_table(HOURS_20))
    week_file(fresh_journal, "2026-W47", hours_table(HOURS_20_4))
    with (fresh_journal / "capabilities.toml").open("a", encoding="utf-8") as f:
        f.write(STEPS)
    return fresh_journal


def ok(result):
    assert result.exit_code == 0, result
    assert "Traceback" not in result.output
    return result.stdout


def as_json(run, journal, *args, env=ENV):
    return json.loads(ok(run(*args, "--format", "json", journal=journal, env=env)))


# ---- someone else's job ----------------------------------------------------------------------


def dashboard_verdict(run, journal, week: str, env=ENV) -> tuple[bool, str]:
    """(over?, the share as shown) by the dashboard of `week`, JSON and text agreeing."""
    board = as_json(run, journal, "dashboard", "--week", week, env=env)
    hours = board["your_work"]["hours"]
    finding = any(f["kind"] == "someone-elses-job" for f in board["needs_you"])
    assert finding == hours["over_warning"], board["needs_you"]
    text = ok(run("dashboard", "--week", week, "--full", journal=journal, env=env))
    shown = re.search(r"Someone else's job\s+(\S+) this week", text)
    assert shown, text
    assert ("above the" in text) == hours["over_warning"], text
    return hours["over_warning"], shown.group(1)


def report_verdict(run, journal, week: str, env=ENV) -> tuple[bool, str]:
    data = as_json(run, journal, "report", "--from", week, "--to", week, "--private", env=env)
    over = week in data["weeks_over_time_warning"]
    markdown = ok(
        run(
            "report", "--from", week, "--to", week, "--format", "markdown", "--private",
            journal=journal, env=env,
        )
    )  # fmt: skip
    row = next(line for line in markdown.splitlines() if line.startswith(f"| {week}"))
    shown = row.rstrip(" |").rsplit("|", 1)[1].strip()
    assert (f"in 1 week: {week}" in markdown) == over
    return over, shown


def checkin_verdict(run, journal, hours: dict[str, int], monkeypatch) -> tuple[bool, str]:
    """What the check-in interview says once the hours are typed (this week, 2026-W49)."""
    monkeypatch.setattr("leadwork.cli.prompts.stdin_is_terminal", lambda: True)
    typed = "".join(f"{hours[k]}\n" for k in HOURS_20) + "\n" * 40
    result = run("checkin", "-r", "otd=96", "-r", "scrap=2", journal=journal, env=ENV, input=typed)
    out = ok(result)
    said = re.search(r"hours in all\. (\S+) went to someone else's job( \(more than)?", out)
    assert said, out
    return said.group(2) is not None, said.group(1)


def scripted_verdict(run, journal, hours: dict[str, int]) -> tuple[bool, str]:
    """What a scripted check-in (`--no-input --hours ...`) says under the hours it recorded
    (this week, 2026-W49)."""
    flags = [arg for area, value in hours.items() for arg in ("--hours", f"{area}={value}")]
    out = ok(run("checkin", "--no-input", *flags, journal=journal, env=ENV))
    said = re.search(r"hours in all\. (\S+) went to someone else's job( \(more than)?", out)
    assert said, out
    return said.group(2) is not None, said.group(1)


@pytest.mark.parametrize(
    ("hours", "over", "shown"),
    [(HOURS_20_4, True, "20.4%"), (HOURS_20, False, "20%")],
    ids=["20.4%", "exactly 20%"],
)
def test_someone_elses_job_has_one_verdict(run, journal, monkeypatch, hours, over, shown):
    week_file(journal, "2026-W48", hours_table(hours))
    assert dashboard_verdict(run, journal, "2026-W48") == (over, shown)
    assert report_verdict(run, journal, "2026-W48") == (over, shown)
    assert checkin_verdict(run, journal, hours, monkeypatch) == (over, shown)
    assert dashboard_verdict(run, journal, "2026-W49") == (over, shown)


@pytest.mark.parametrize(
    ("hours", "over", "shown"),
    [(HOURS_20_4, True, "20.4%"), (HOURS_20, False, "20%"), (HOURS_14, False, "14%")],
    ids=["20.4%", "exactly 20%", "14%"],
)
def test_a_scripted_check_in_gives_the_dashboards_verdict(run, journal, hours, over, shown):
    assert scripted_verdict(run, journal, hours) == (over, shown)
    assert dashboard_verdict(run, journal, "2026-W49") == (over, shown)


def test_a_warning_level_that_floats_cannot_round_the_same(run, journal, monkeypatch):
    """7 of 50 hours is exactly 14%; as a fraction times 100 it is 14.000000000000002, which
    the report once called over a 14% warning while the dashboard did not."""
    settings = journal / "leadwork.toml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(
        re.sub(r"(?m)^time_warning_percent = \d+", "time_warning_percent = 14", text),
        encoding="utf-8",
    )
    week_file(journal, "2026-W48", hours_table(HOURS_14))
    assert dashboard_verdict(run, journal, "2026-W48") == (False, "14%")
    assert report_verdict(run, journal, "2026-W48") == (False, "14%")
    assert checkin_verdict(run, journal, HOURS_14, monkeypatch) == (False, "14%")


def test_a_range_names_the_weeks_over_as_the_dashboard_judges_each(run, journal):
    week_file(journal, "2026-W48", hours_table(HOURS_20_4))
    data = as_json(run, journal, "report", "--from", "2026-W44", "--to", "2026-W48", "--private")
    by_dashboard = [
        week
        for week in ("2026-W44", "2026-W45", "2026-W46", "2026-W47", "2026-W48")
        if as_json(run, journal, "dashboard", "--week", week)["your_work"]["hours"]["over_warning"]
    ]
    assert data["weeks_over_time_warning"] == by_dashboard == ["2026-W47", "2026-W48"]


# ---- weeks with a check-in -------------------------------------------------------------------


def test_weeks_with_a_check_in_have_one_count(run, journal):
    """W45 holds a story only: not a check-in. W46, W47 (hours) and W48 (readings) are."""
    expected = 3
    check = ok(run("check", journal=journal, env=ENV))
    counted = re.search(r"\((\d+) check-ins?, 1 week of captures only", check)
    assert counted and int(counted.group(1)) == expected, check

    reflect = as_json(run, journal, "reflect", "--from", "2026-W44", "--to", "2026-W49")
    assert reflect["checkins"] == expected
    reflect_text = ok(
        run("reflect", "--from", "2026-W44", "--to", "2026-W49", journal=journal, env=ENV)
    )
    assert f"{expected} check-ins" in reflect_text

    report = as_json(run, journal, "report", "--from", "2026-W44", "--to", "2026-W49")
    assert report["checkin_weeks"] == ["2026-W46", "2026-W47", "2026-W48"]
    markdown = ok(
        run(
            "report", "--from", "2026-W44", "--to", "2026-W49", "--format", "markdown",
            journal=journal, env=ENV,
        )
    )  # fmt: skip
    assert f"{expected} with a check-in" in markdown


# ---- a capability step overdue ---------------------------------------------------------------


def overdue_numbers(run, journal, env=ENV) -> dict[str, list[int]]:
    """The overdue steps of quality-at-scale, by number, as each command states them."""
    board = as_json(run, journal, "dashboard", "--week", "2026-W49", env=env)
    cap = next(c for c in board["capability"] if c["id"] == "quality-at-scale")
    report = as_json(run, journal, "report", "--from", "2026-W46", "--to", "2026-W49", env=env)
    progress = next(c for c in report["capabilities"] if c["id"] == "quality-at-scale")
    shown = as_json(run, journal, "capability", "show", "quality-at-scale", env=env)
    return {
        "dashboard": [s["step"] for s in cap["overdue_steps"]],
        "report": [s["number"] for s in progress["overdue"]],
        "capability show": [s["number"] for s in shown["steps"] if s["overdue"]],
    }


def test_a_step_due_today_is_overdue_nowhere_and_one_due_yesterday_everywhere(run, journal):
    """The report's range ends on Sunday 6 Dec, after today: it judges as of today."""
    found = overdue_numbers(run, journal)
    assert found == {key: [1] for key in found}, found


def test_the_next_day_the_step_due_today_is_overdue_everywhere(run, journal):
    found = overdue_numbers(run, journal, env={"LEADWORK_TODAY": "2026-12-05"})
    assert found == {key: [1, 2] for key in found}, found
