"""Seventh trial, A1 and B4: a follow-up that answers no commitment (a commitment's wording
corrected by hand after it was followed up) is named by `check` and counted apart by every
view that says a done rate; commitments followed up after a skipped week are named by the
week that made them, not "last week's"."""

import json
from pathlib import Path

import pytest

from journals import write_small_journal

W42 = {"LEADWORK_TODAY": "2026-10-16"}
W43 = {"LEADWORK_TODAY": "2026-10-23"}
W44 = {"LEADWORK_TODAY": "2026-10-30"}


@pytest.fixture
def reworded(fresh_journal: Path, run) -> Path:
    """The trial's reproduction: W42 commits, W43 marks it done, then W42's text is
    corrected by hand."""
    journal = fresh_journal
    (journal / "strategy.toml").write_text('purpose = "p"\n')
    made = run(
        "checkin", "--hours", "other=1", "-c", "Write Q1 hiring plan", journal=journal, env=W42
    )
    assert made.exit_code == 0, made
    done = run("checkin", "--hours", "other=1", "--done", "1", journal=journal, env=W43)
    assert done.exit_code == 0, done
    path = journal / "checkins/2026-W42.toml"
    text = path.read_text()
    assert 'text = "Write Q1 hiring plan"\n' in text
    path.write_text(text.replace('"Write Q1 hiring plan"', '"Write Q1 hiring plan for eng"'))
    return journal


def test_check_names_a_follow_up_that_answers_no_commitment(reworded, run):
    result = run("check", journal=reworded, env=W44)
    assert result.exit_code == 0, result  # a warning: the files are valid, the link is cut
    lines = (reworded / "checkins/2026-W43.toml").read_text().splitlines()
    line = lines.index('text = "Write Q1 hiring plan"') + 1
    assert (
        f"checkins/2026-W43.toml:{line}:1: warning: “Write Q1 hiring plan” follows up no open "
        "commitment of 2026-W42's check-in"
    ) in result.stderr
    assert (
        "did you mean “Write Q1 hiring plan for eng” (checkins/2026-W42.toml)? make the two "
        "texts the same"
    ) in " ".join(result.stderr.split())
    strict = run("check", "--strict", journal=reworded, env=W44)
    assert strict.exit_code != 0


def test_views_count_only_the_follow_ups_that_answer_a_commitment(reworded, run):
    dashboard = run("dashboard", journal=reworded, env=W44)
    assert dashboard.exit_code == 0, dashboard
    said = " ".join(dashboard.stdout.split())
    assert "1 of 1 done" not in said  # the trial's self-contradicting line
    assert (
        "Last week's commitments 1 open from 2026-W42, not followed up yet; 1 follow-up "
        "matches no commitment: see `leadwork check`"
    ) in said
    data = json.loads(run("dashboard", "--format", "json", journal=reworded, env=W44).stdout)
    mine = data["your_work"]["commitments"]
    assert (mine["done"], mine["done_rate"], mine["unmatched"]) == (0, None, 1)

    report = run("report", "--from", "2026-W42", "--to", "2026-W43", journal=reworded, env=W44)
    assert (
        "Your weekly commitments: none followed up in this range; 1 follow-up matches no "
        "commitment: see `leadwork check`."
    ) in report.stdout  # leadwork's own command stays code in Markdown (trial 13)
    data = json.loads(
        run(
            "report",
            "--from",
            "2026-W42",
            "--to",
            "2026-W43",
            "--format",
            "json",
            journal=reworded,
            env=W44,
        ).stdout
    )
    assert data["commitments"]["unmatched"] == 1 and data["commitments"]["done"] == 0

    # the check-in's summary, amending the week that holds the follow-up
    amended = run("checkin", "--week", "2026-W43", "--story", "A story", journal=reworded, env=W44)
    assert amended.exit_code == 0, amended
    assert (
        "Last week's commitments: 1 without an outcome yet; 1 follow-up matches no commitment: "
        "see `leadwork check`."
    ) in " ".join(amended.stdout.split())


def test_a_follow_up_that_matches_is_counted_and_not_named(fresh_journal, run):
    journal = fresh_journal
    (journal / "strategy.toml").write_text('purpose = "p"\n')
    run("checkin", "--hours", "other=1", "-c", "Write Q1 hiring plan", journal=journal, env=W42)
    run("checkin", "--hours", "other=1", "--done", "1", journal=journal, env=W43)
    assert "follows up no" not in run("check", journal=journal, env=W44).stderr
    dashboard = run("dashboard", journal=journal, env=W44)
    assert "Last week's commitments  1 of 1 done (100%)\n" in dashboard.stdout


def test_the_example_journal_has_no_follow_up_answering_nothing(example_journal, run):
    result = run("check", journal=example_journal)
    assert "follows up no" not in result.stderr


MEETING = """\
person = "maria"
date = {date}
progress = "Fine."
{rest}
"""


def test_check_names_a_one_on_one_follow_up_that_answers_no_commitment(fresh_journal, run):
    journal = write_small_journal(fresh_journal)
    folder = journal / "one-on-ones"
    (folder / "2026-11-10-maria.toml").write_text(
        MEETING.format(
            date="2026-11-10",
            rest='[[commitments]]\nby = "me"\ntext = "Send Maria the Q1 budget"\n\n'
            '[[commitments]]\nby = "them"\ntext = "Fix the lathe cell"\n',
        )
    )
    (folder / "2026-11-24-maria.toml").unlink()
    (folder / "2026-11-24-maria.toml").write_text(
        MEETING.format(
            date="2026-11-24",
            rest='[[last_time]]\nby = "me"\ntext = "Send Maria the budget"\noutcome = "done"\n\n'
            '[[last_time]]\nby = "them"\ntext = "Fix the lathe cell"\noutcome = "done"\n',
        )
    )
    result = run("check", journal=journal, env={"LEADWORK_TODAY": "2026-11-27"})
    assert result.exit_code == 0, result
    said = " ".join(result.stderr.split())
    assert (
        "one-on-ones/2026-11-24-maria.toml:6:1: warning: “Send Maria the budget” follows up no "
        "open commitment of your one-on-one of 2026-11-10"
    ) in said
    assert ("did you mean “Send Maria the Q1 budget” (one-on-ones/2026-11-10-maria.toml)?") in said
    assert "“Fix the lathe cell” follows up" not in said  # whose and text both match
    data = json.loads(
        run(
            "report",
            "--from",
            "2026-W46",
            "--to",
            "2026-W48",
            "--format",
            "json",
            journal=journal,
            env={"LEADWORK_TODAY": "2026-11-27"},
        ).stdout
    )
    met = data["one_on_one_commitments"]
    assert (met["done"], met["unmatched"]) == (1, 1)


def test_a_skipped_week_names_the_week_that_made_the_commitments(fresh_journal, run):
    journal = fresh_journal
    (journal / "strategy.toml").write_text('purpose = "p"\n')
    w46 = {"LEADWORK_TODAY": "2026-11-13"}
    w48 = {"LEADWORK_TODAY": "2026-11-27"}
    run("checkin", "--hours", "other=1", "-c", "One", "-c", "Two", journal=journal, env=w46)
    recorded = run(
        "checkin",
        "--hours",
        "other=1",
        "--done",
        "1",
        "--carried",
        "2",
        journal=journal,
        env=w48,
    )
    assert recorded.exit_code == 0, recorded
    assert "2026-W46's commitments: 1 of 2 done (50%)." in recorded.stdout
    assert "Last week's" not in recorded.stdout

    text = run("dashboard", journal=journal, env=w48).stdout
    assert "2026-W46's commitments  1 of 2 done (50%), 1 carried" in text
    assert "Last week's commitments" not in text
    markdown = run("dashboard", "--format", "markdown", journal=journal, env=w48).stdout
    assert "- **2026-W46's commitments:** 1 of 2 done (50%), 1 carried" in markdown
    html = run("dashboard", "--format", "html", journal=journal, env=w48).stdout
    assert "<b>2026-W46&#x27;s commitments:</b>" in html or "<b>2026-W46's commitments:</b>" in html
    data = json.loads(run("dashboard", "--format", "json", journal=journal, env=w48).stdout)
    assert data["your_work"]["commitments"]["from_week"] == "2026-W46"

    # the week after: its commitments are last week's again
    w49 = {"LEADWORK_TODAY": "2026-12-04"}
    nxt = run("checkin", "--hours", "other=1", "--done", "1", journal=journal, env=w49)
    assert "Last week's commitments: 1 of 1 done (100%)." in nxt.stdout


def test_a_report_says_nothing_of_check_ins_it_did_not_read(fresh_journal, run):
    """A range after the check-in followed up: the report does not read it, so it counts
    the range's follow-ups as recorded rather than say they match nothing."""
    journal = fresh_journal
    (journal / "strategy.toml").write_text('purpose = "p"\n')
    run("checkin", "--hours", "other=1", "-c", "Write Q1 hiring plan", journal=journal, env=W42)
    run("checkin", "--hours", "other=1", "--done", "1", journal=journal, env=W43)
    report = run("report", "--from", "2026-W43", "--to", "2026-W43", journal=journal, env=W44)
    assert report.exit_code == 0, report
    assert "Your weekly commitments: done 1 of 1 followed up (100%)" in report.stdout
    assert "matches no commitment" not in report.stdout


def test_the_report_keeps_its_own_command_as_code_and_escapes_what_a_person_wrote(reworded, run):
    """Trial 13: the report's Markdown escaped "see `leadwork check`" to literal backticks.
    Leadwork's own command stays code; backticks a person wrote stay escaped."""
    story = run(
        "checkin", "--week", "2026-W43", "--story", "Ran `make` at last", journal=reworded, env=W44
    )
    assert story.exit_code == 0, story
    report = run("report", "--from", "2026-W42", "--to", "2026-W43", journal=reworded, env=W44)
    assert report.exit_code == 0, report
    assert "see `leadwork check`." in report.stdout
    assert "Ran \\`make\\` at last" in report.stdout
    assert "Ran `make`" not in report.stdout


def test_the_dashboard_says_it_in_its_line_not_as_a_doubtful_file(reworded, run):
    dashboard = run("dashboard", journal=reworded, env=W44)
    assert "has problems" not in dashboard.stderr  # `check` needs every earlier record
    assert "matches no commitment" in " ".join(dashboard.stdout.split())


def test_the_interview_names_the_week_after_a_skipped_one(fresh_journal, run, monkeypatch):
    monkeypatch.setattr("leadwork.cli.prompts.stdin_is_terminal", lambda: True)
    journal = fresh_journal
    (journal / "strategy.toml").write_text('purpose = "p"\n')
    (journal / "checkins/2026-W46.toml").write_text(
        'week = "2026-W46"\n\n[[commitments]]\ntext = "One"\n\n[[commitments]]\ntext = "Two"\n'
    )
    result = run(
        "checkin",
        journal=journal,
        env={"LEADWORK_TODAY": "2026-11-27"},
        input="done\ncarried\n" + "\n" * 40,
    )
    assert result.exit_code == 0, result
    assert "2026-W46's commitments" in result.stdout
    assert "2026-W46's done rate: 1 of 2 (50%)." in result.stdout
    assert "Last week's" not in result.stdout


def test_a_broken_earlier_check_in_does_not_make_its_follow_ups_stray(fresh_journal, run):
    """W42 fails to load: W43's follow-up of it is not said to answer nothing (the error in
    W42 is said instead), as every rule across files waits for a broken file."""
    journal = fresh_journal
    (journal / "strategy.toml").write_text('purpose = "p"\n')
    run("checkin", "--hours", "other=1", "-c", "Write Q1 hiring plan", journal=journal, env=W42)
    run("checkin", "--hours", "other=1", "--done", "1", journal=journal, env=W43)
    path = journal / "checkins/2026-W42.toml"
    path.write_text(path.read_text().replace('text = "Write', 'text = 42 # "Write'))
    result = run("check", journal=journal, env=W44)
    assert result.exit_code == 1
    assert "checkins/2026-W42.toml" in result.stderr
    assert "follows up no" not in result.stderr
