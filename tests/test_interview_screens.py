"""What the interactive screens show (trial 18): the check-in's commitments list after a
changed follow-up, a kept draft of an earlier week, a resumed story, the one-on-one's
interruption and late `+days`, and `review capability`'s inside/outside question."""

from pathlib import Path

import pytest

from test_checkin_interactive import ANSWERS, LAST_WEEK, W48, W49, ask

from journals import write_small_journal


@pytest.fixture
def journal(fresh_journal: Path) -> Path:
    write_small_journal(fresh_journal)
    (fresh_journal / W48).write_text(LAST_WEEK)
    return fresh_journal


def commitments_step(out: str) -> str:
    return out.split("Commitments for next week")[1].split("Reflection")[0]


def test_a_rerun_that_ends_a_carried_follow_up_no_longer_lists_its_copy(journal, run, at_terminal):
    assert ask(run, journal, [a for _, a in ANSWERS]).exit_code == 0  # "Ask Tom" carried
    result = ask(run, journal, ["", "do", *[""] * 40])
    assert result.exit_code == 0, result
    step = commitments_step(result.stdout)
    assert "Ask Tom for the scrap plan" not in step
    assert "  · Book the quality review\n  Commitment 2 (Enter: no more): " in step
    assert '[[commitments]]\ntext = "Ask Tom' not in (journal / W49).read_text()


def test_a_rerun_that_carries_a_follow_up_lists_its_copy_once(journal, run, at_terminal):
    answers = [a for _, a in ANSWERS]
    answers[1] = "done"
    assert ask(run, journal, answers).exit_code == 0
    result = ask(run, journal, ["", "c", *[""] * 40])
    assert result.exit_code == 0, result
    step = commitments_step(result.stdout)
    assert step.count("Ask Tom for the scrap plan") == 1
    assert "Commitment 3 (Enter: no more): " in step


def test_a_draft_of_a_week_now_over_is_named_with_the_command_that_resumes_it(
    journal, run, at_terminal
):
    first = ask(run, journal, ["done", "", "96"])  # the input ends: stopped in 2026-W49
    assert first.exit_code == 130
    assert "run `leadwork checkin --week 2026-W49` to resume." in " ".join(first.stdout.split())
    later = {"LEADWORK_TODAY": "2026-12-09"}  # Wednesday of 2026-W50
    result = ask(run, journal, [], env=later)
    assert "Check-in for 2026-W50" in result.stdout
    assert (
        "An unfinished check-in for 2026-W49 is kept in .drafts/2026-W49.toml; run "
        "`leadwork checkin --week 2026-W49` to resume it."
    ) in " ".join(result.stdout.split())
    resumed = ask(run, journal, ["", *[""] * 40], "--week", "2026-W49", env=later)
    assert resumed.exit_code == 0, resumed
    assert "Resume it?" in resumed.stdout
    assert "otd = 96\n" in (journal / W49).read_text()


def test_a_resumed_story_is_shown_before_its_who(journal, run, at_terminal):
    answers = [*[""] * 12, "Maria stopped the line"]  # then the input ends before "who?"
    assert ask(run, journal, answers).exit_code == 130
    result = ask(run, journal, ["y", "maria", "purpose", "", "", "", "", ""])
    assert result.exit_code == 0, result
    assert "  Story 1: Maria stopped the line\n      who? (a name, or " in result.stdout


def test_a_late_write_up_says_where_plus_days_count_from(example_journal, run, at_terminal):
    from test_one_on_one_record import MARCUS_ANSWERS

    unfinished = "\n".join(MARCUS_ANSWERS[:-2]) + "\n"  # stops before it is written
    today = run("one-on-one", "marcus", journal=example_journal, input=unfinished)
    assert today.exit_code == 130
    assert "Due (YYYY-MM-DD or +days) [" in today.stdout
    answers = "\n".join(MARCUS_ANSWERS) + "\n"
    late = run(
        "one-on-one", "marcus", "--date", "2026-11-25", journal=example_journal, input=answers
    )
    assert "Due (YYYY-MM-DD or +days from 2026-11-25) [" in late.stdout


def test_review_capability_takes_a_team_member_as_inside_and_names_others(
    example_journal, run, at_terminal
):
    answers = (
        "\n\n\n"  # no step done, the level as it is, no reason
        "elena\nShe wants it monthly.\n"  # a team id: inside, not asked
        "Dale Jensen\no\nDates held.\n"
        "\n"
    )
    result = run(
        "review", "capability", "coaching-supervisors", journal=example_journal, input=answers
    )
    assert result.exit_code == 0, result
    assert "Is elena" not in result.stdout and "Is Elena" not in result.stdout
    assert "What did Elena say?" in result.stdout
    assert "Is Dale Jensen inside or outside the organization? (i or o)" in result.stdout
    review = next((example_journal / "reviews").glob("*-capability-coaching-supervisors.toml"))
    text = review.read_text()
    assert 'who = "elena"\nside = "inside"' in text
    assert 'who = "Dale Jensen"\nside = "outside"' in text
