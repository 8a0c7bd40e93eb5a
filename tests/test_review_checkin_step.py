"""The check-in's optional step: capability plan steps completed this week, marked done in
capabilities.toml (only those lines), from a flag or at the terminal."""

import difflib
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

from conftest import tree_hash

NEXT_WEEK = {"LEADWORK_TODAY": "2026-12-04"}  # 2026-W49, a week with no check-in yet


def diff(old: str, new: str) -> list[str]:
    lines = difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
    return [line for line in list(lines)[2:] if not line.startswith("@@")]


def test_a_flag_marks_the_step_done_and_changes_only_its_line(example_journal, run):
    path = example_journal / "capabilities.toml"
    before = path.read_text()
    result = run(
        "checkin", "--step-done", "coaching-supervisors:2", "--no-input", journal=example_journal
    )
    assert result.exit_code == 0, result
    assert diff(before, path.read_text()) == ["+done = 2026-11-27"]
    assert path.read_text().splitlines()[128:132] == [  # line 1 is the #:schema line
        "[[capabilities.steps]]",
        'what = "First coaching clinic for Greenville shift supervisors, with HR"',
        "due = 2026-10-23",
        "done = 2026-11-27",
    ]
    assert "Marked done on 2026-11-27 in capabilities.toml: coaching-supervisors step 2." in (
        " ".join(result.stdout.split())
    )
    review = run(
        "review", "capability", "coaching-supervisors", "--show-only", journal=example_journal
    )
    assert "First coaching clinic for Greenville shift supervisors, with HR (done 2026-11-27)" in (
        review.stdout
    )


def test_several_steps_and_a_reading_in_one_checkin(example_journal, run):
    result = run(
        "checkin",
        "-r",
        "dayton-scrap=2.9",
        "--step-done",
        "dependable-scheduling:4",
        "--step-done",
        "machinist-pipeline:3",
        journal=example_journal,
        env=NEXT_WEEK,
    )
    assert result.exit_code == 0, result
    plans = tomllib.loads((example_journal / "capabilities.toml").read_text())["capabilities"]
    assert plans[1]["steps"][3]["done"].isoformat() == "2026-12-04"
    assert plans[2]["steps"][2]["done"].isoformat() == "2026-12-04"
    week = tomllib.loads((example_journal / "checkins/2026-W49.toml").read_text())
    assert week["readings"] == {"dayton-scrap": 2.9}
    assert "steps" not in " ".join(week), "the steps are not written into the check-in"


def test_a_past_week_marks_the_step_done_on_that_weeks_sunday(example_journal, run):
    result = run(
        "checkin",
        "--week",
        "2026-W40",
        "--step-done",
        "consultative-selling:3",
        journal=example_journal,
    )
    assert result.exit_code == 0, result
    plans = tomllib.loads((example_journal / "capabilities.toml").read_text())["capabilities"]
    assert plans[3]["steps"][2]["done"].isoformat() == "2026-10-04"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("coaching-supervisors", "--step-done: 'coaching-supervisors' is not CAPABILITY:N"),
        ("coaching-supervisors:x", "is not CAPABILITY:N"),
        (
            "coaching-supervisors:1",
            "--step-done: step 1 of 'coaching-supervisors' is already "
            "done (2026-06-05)\n  = hint: its open steps are 2, 3",
        ),
        ("quality-at-scale:3", "step 3 of 'quality-at-scale' is already done (2026-11-20)"),
        ("quality-at-scale:9", "'quality-at-scale' has no open step 9"),
        ("no-such:1", "'no-such' has no open step 1"),
    ],
)
def test_a_bad_step_is_refused_and_nothing_is_written(example_journal, run, value, message):
    before = tree_hash(example_journal)
    result = run("checkin", "-r", "dayton-scrap=2.9", "--step-done", value, journal=example_journal)
    assert result.exit_code == 2, result
    assert message in result.stderr
    assert tree_hash(example_journal) == before


def test_the_interview_offers_the_open_steps(example_journal, run, at_terminal):
    answers = [""] * 22 + ["9", "5, 1"] + [""] * 10
    result = run("checkin", journal=example_journal, env=NEXT_WEEK, input="\n".join(answers))
    assert result.exit_code == 0, result
    out = " ".join(result.stdout.split())
    assert "Capability plans steps completed this week" in out
    assert (
        "5. First coaching clinic for Greenville shift supervisors, with HR "
        "(coaching-supervisors, step 2; due 2026-10-23, overdue)"
    ) in out
    assert "✗ there is no open step 9: they are numbered 1 to 6" in out
    assert (
        "Marked done on 2026-12-04 in capabilities.toml: dependable-scheduling step 3; "
        "coaching-supervisors step 2."
    ) in out
    plans = tomllib.loads((example_journal / "capabilities.toml").read_text())["capabilities"]
    assert plans[4]["steps"][1]["done"].isoformat() == "2026-12-04"
    assert plans[1]["steps"][2]["done"].isoformat() == "2026-12-04"


def test_no_open_steps_no_question(journal_without_steps, run, at_terminal):
    result = run("checkin", journal=journal_without_steps, input="\n" * 30)
    assert result.exit_code == 0, result
    assert "Capability plans" not in result.stdout


@pytest.fixture
def journal_without_steps(fresh_journal: Path) -> Path:
    (fresh_journal / "capabilities.toml").write_text(
        '[[capabilities]]\nid = "a"\nname = "A"\nkind = "individual"\nlevel = 2\ntarget = 3\n'
    )
    return fresh_journal


def test_a_broken_capabilities_file_does_not_stop_the_interview(example_journal, run, at_terminal):
    path = example_journal / "capabilities.toml"
    path.write_text(path.read_text().replace("level = 3", "level = three", 1))
    result = run("checkin", journal=example_journal, env=NEXT_WEEK, input="\n" * 40)
    assert result.exit_code == 0, result
    assert "Capability plans" not in result.stdout


def test_an_interrupted_interview_keeps_the_steps_in_its_draft(example_journal, run, at_terminal):
    answers = [""] * 22 + ["5"]  # then the input ends: Ctrl-D
    result = run("checkin", journal=example_journal, env=NEXT_WEEK, input="\n".join(answers) + "\n")
    assert result.exit_code == 130, result
    draft = tomllib.loads((example_journal / ".drafts/2026-W49.toml").read_text())
    assert draft["answers"]["steps_done"] == [
        {
            "capability": "coaching-supervisors",
            "what": "First coaching clinic for Greenville shift supervisors, with HR",
        }
    ]
    assert "done = 2026-12-04" not in (example_journal / "capabilities.toml").read_text()
    resumed = run("checkin", journal=example_journal, env=NEXT_WEEK, input="y\n" + "\n" * 10)
    assert resumed.exit_code == 0, resumed
    assert "Completed this week?" not in resumed.stdout, "answered in the draft: not asked again"
    plans = tomllib.loads((example_journal / "capabilities.toml").read_text())["capabilities"]
    assert plans[4]["steps"][1]["done"].isoformat() == "2026-12-04"


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_commit_includes_capabilities_toml(example_journal, run):
    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(example_journal), *args], capture_output=True, text=True, check=True
        ).stdout

    (example_journal / ".gitignore").write_text(".leadwork.lock\n.drafts/\n")
    git("init", "-q")
    git("config", "user.name", "Dana Whitfield")
    git("config", "user.email", "dana@example.com")
    git("config", "commit.gpgsign", "false")
    git("add", "-A")
    git("commit", "-q", "-m", "start")
    result = run(
        "checkin",
        "-r",
        "dayton-scrap=2.9",
        "--step-done",
        "coaching-supervisors:2",
        "--commit",
        journal=example_journal,
        env=NEXT_WEEK,
    )
    assert result.exit_code == 0, result
    assert sorted(git("show", "--name-only", "--format=", "HEAD").split()) == [
        "capabilities.toml",
        "checkins/2026-W49.toml",
    ]
    assert git("status", "--porcelain") == ""
