"""The seventh trial's smaller findings (B5): one wording or one rule each, said the same
by every view that shows it."""

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import Run

MONTHLY = """\
[[indicators]]
id = "incidents"
name = "Sev1/Sev2 incidents"
owner = "me"
agreed_on = 2026-10-05
direction = "lower"
cadence = "monthly"
unit = "incidents"
target = 3
celebrate = 1
course_correct = 6
"""


def monthly_journal(tmp_path: Path, run: Run) -> Path:
    """A monthly indicator read in October (2026-W44), and a check-in in 2026-W48 without
    November's reading: due, not missing."""
    journal = tmp_path / "journal"
    assert run("init", str(journal), "--leader", "Dana W").exit_code == 0
    (journal / "indicators.toml").write_text(MONTHLY)
    (journal / "checkins" / "2026-W44.toml").write_text(
        'week = "2026-W44"\n\n[readings]\nincidents = 4\n'
    )
    (journal / "checkins" / "2026-W48.toml").write_text('week = "2026-W48"\n\n[hours]\nother = 1\n')
    return journal


def test_a_month_between_readings_is_due_in_every_view(tmp_path, run):
    journal = monthly_journal(tmp_path, run)
    env = {"LEADWORK_TODAY": "2026-11-23"}
    listed = run("indicator", "list", journal=journal, env=env)
    assert listed.exit_code == 0, listed
    row = next(line for line in listed.stdout.splitlines() if "incidents" in line)
    assert "4 incidents (2026-W44)" in row and "due for Nov 2026" in row
    assert "no data" not in listed.stdout
    data = run("indicator", "list", "--format", "json", journal=journal, env=env)
    assert '"due_for": "Nov 2026"' in data.stdout
    shown = run("indicator", "show", "incidents", journal=journal, env=env)
    week = next(line for line in shown.stdout.splitlines() if "2026-W48" in line and "│" in line)
    assert "due for Nov 2026" in week and "no data" not in shown.stdout
    detail = run("indicator", "show", "incidents", "--format", "json", journal=journal, env=env)
    assert '"due_for": "Nov 2026"' in detail.stdout
    dashboard = run("dashboard", journal=journal, env=env)
    assert "due for Nov 2026" in dashboard.stdout


def test_a_confidence_rating_is_one_bar_on_the_dashboard_and_in_reflect(tmp_path, run):
    journal = tmp_path / "journal"
    assert run("init", str(journal), "--leader", "Dana W").exit_code == 0
    for number, rating in zip(range(44, 49), (1, 2, 3, 4, 5), strict=True):
        (journal / "checkins" / f"2026-W{number}.toml").write_text(
            f'week = "2026-W{number}"\n\n[hours]\nother = 1\n\n[confidence]\nalignment = {rating}\n'
        )
    dashboard = run("dashboard", journal=journal)
    reflect = run("reflect", "--from", "2026-W44", "--to", "2026-W48", journal=journal)
    assert dashboard.exit_code == 0 and reflect.exit_code == 0, (dashboard, reflect)
    said = [
        next(line for line in view.stdout.splitlines() if line.lstrip().startswith("alignment"))
        for view in (dashboard, reflect)
    ]
    assert all("▁▂▄▆█" in line for line in said), said
    assert "▁ 1 to █ 5" in reflect.stdout


def test_a_prep_searches_for_stories_from_the_day_the_person_joined(tmp_path, run):
    journal = tmp_path / "journal"
    env = {"LEADWORK_TODAY": "2027-01-12"}
    assert run("init", str(journal), "--leader", "Dana W", env=env).exit_code == 0
    (journal / "team.toml").write_text(
        '[[people]]\nid = "ravi"\nname = "Ravi Shah"\ncadence_days = 14\njoined_on = 2027-01-11\n\n'
        '[[people]]\nid = "ana"\nname = "Ana Ruiz"\ncadence_days = 14\n'
    )
    ravi = run("one-on-one", "ravi", "--prep", journal=journal, env=env)
    assert ravi.exit_code == 0, ravi
    assert "no story about Ravi since joining the team, 1 day ago" in ravi.stdout
    assert "weeks" not in ravi.stdout.split("What has Ravi done lately")[1]
    ana = run("one-on-one", "ana", "--prep", journal=journal, env=env)
    assert "no story about Ana in the last 13 weeks" in ana.stdout


def test_a_review_days_old_is_not_zero_weeks_ago(tmp_path, run):
    journal = tmp_path / "journal"
    env = {"LEADWORK_TODAY": "2027-02-05"}
    assert run("init", str(journal), "--leader", "Dana W", env=env).exit_code == 0
    strategy = (journal / "strategy.toml").read_text()
    (journal / "strategy.toml").write_text("reviewed_on = 2027-02-02\n" + strategy)
    dashboard = run("dashboard", journal=journal, env=env)
    assert dashboard.exit_code == 0, dashboard
    assert "reviewed 2 Feb (3 days ago)" in dashboard.stdout
    assert "0 weeks ago" not in dashboard.stdout
    review = run("review", "strategy", "--prep", journal=journal, env=env)
    assert "2027-02-02, 3 days ago" in review.stdout, review


def test_a_typed_week_may_have_a_small_w_but_the_files_keep_the_capital(tmp_path, run):
    journal = monthly_journal(tmp_path, run)
    env = {"LEADWORK_TODAY": "2026-11-27"}
    dashboard = run("dashboard", "--week", "2026-w44", journal=journal, env=env)
    assert dashboard.exit_code == 0, dashboard
    assert "2026-W44" in dashboard.stdout.splitlines()[0]
    report = run("report", "--from", "2026-w44", "--to", "2026-w48", journal=journal, env=env)
    assert report.exit_code == 0 and "2026-W44 to 2026-W48" in report.stdout, report
    wrote = run("checkin", "--week", "2026-w47", "--hours", "other=2", journal=journal, env=env)
    assert wrote.exit_code == 0, wrote
    assert 'week = "2026-W47"' in (journal / "checkins" / "2026-W47.toml").read_text()
    assert not (journal / "checkins" / "2026-w47.toml").exists()
    # In a file the week has one spelling: the key a small w would make a second one.
    (journal / "checkins" / "2026-W46.toml").write_text('week = "2026-w46"\n\n[hours]\nother = 1\n')
    check = run("check", journal=journal, env=env)
    assert check.exit_code != 0 and "2026-W46.toml" in check.output, check
    assert run("dashboard", "--week", "2026-x44", journal=journal, env=env).exit_code == 2


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_init_says_git_init_outside_a_repository(tmp_path, run):
    made = run("init", str(tmp_path / "journal"), "--leader", "Dana W")
    assert made.exit_code == 0, made
    assert f"`git init {tmp_path / 'journal'}`" in made.stdout
    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    inside = run("init", str(repo / "journal"), "--leader", "Dana W")
    assert inside.exit_code == 0, inside
    assert "git init" not in inside.stdout


def test_a_dashboard_on_last_weeks_check_in_says_its_captures_count_to_this_week(tmp_path, run):
    """B3: the header names 2026-W42 while Alignment counts a story of 2026-W43."""
    journal = tmp_path / "journal"
    assert run("init", str(journal), "--leader", "Dana W").exit_code == 0
    with (journal / "strategy.toml").open("a") as f:
        f.write('\n[[choices]]\nid = "ship-small"\nstatement = "Ship small."\n')
    (journal / "checkins" / "2026-W42.toml").write_text('week = "2026-W42"\n\n[hours]\nother = 1\n')
    env = {"LEADWORK_TODAY": "2026-10-21"}
    story = run("story", "Aisha shipped it", "--choice", "ship-small", journal=journal, env=env)
    assert story.exit_code == 0, story
    board = run("dashboard", journal=journal, env={"LEADWORK_TODAY": "2026-10-22"})
    assert board.exit_code == 0, board
    head = " ".join(board.stdout.split("Alignment")[0].split())
    assert "showing 2026-W42, the latest, as of 22 Oct." in head
    assert "Stories and conversations count through 2026-W43." in head
    assert "W43 Aisha shipped it" in board.stdout
