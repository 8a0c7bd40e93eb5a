"""How long a choice or the customers have been quiet, in one wording for the dashboard,
"Needs you" and `review strategy` (`domain/wording.quiet_for`): the real gap, and never a
span longer than the journal (the fifth trial: "no story in the last 13 weeks" on a journal
six weeks old, while `review strategy` said "no story in the journal")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from leadwork.domain.wording import quiet_for
from leadwork.weeks import Week

from journals import write_trial_journal

W = Week.parse


def test_the_last_one_is_said_with_the_real_gap():
    said = quiet_for(W("2026-W37"), W("2026-W45"), "story", "W37", W("2026-W30"), 13)
    assert said == "no story for 8 weeks (the last was in W37)"


def test_none_at_all_in_a_journal_older_than_the_weeks_searched():
    said = quiet_for(None, W("2026-W43"), "story", "", W("2026-W20"), 13)
    assert said == "no story in the last 13 weeks"
    # begun exactly at the first week searched: the same span, said the same way
    assert quiet_for(None, W("2026-W43"), "story", "", W("2026-W31"), 13) == said


def test_none_at_all_since_a_younger_journal_began():
    said = quiet_for(None, W("2026-W43"), "story", "", W("2026-W37"), 13)
    assert said == "no story since the journal began, 6 weeks ago"
    assert quiet_for(None, W("2026-W38"), "story", "", W("2026-W37"), 13).endswith(
        "began, 1 week ago"
    )
    assert quiet_for(None, W("2026-W37"), "story", "", W("2026-W37"), 13).endswith(
        "began this week"
    )
    # the whole journal searched (review strategy): always since it began
    assert quiet_for(None, W("2026-W43"), "story", "", W("2026-W01"), None).endswith(
        "since the journal began, 42 weeks ago"
    )


def test_no_check_in_at_all():
    assert quiet_for(None, W("2026-W43"), "story", "", None, None) == "no story in the journal yet"


def on(day: str) -> dict[str, str]:
    return {"LEADWORK_TODAY": day, "COLUMNS": "100"}


@pytest.fixture
def journal(run, tmp_path: Path) -> Path:
    """The trial's journal, begun in 2026-W37 (`leadwork init` on 7 Sep)."""
    path = tmp_path / "journal"
    made = run("init", str(path), "--leader", "Rosa Delgado", env=on("2026-09-07"))
    assert made.exit_code == 0, made
    return write_trial_journal(path)


def test_the_dashboard_and_the_review_say_the_same_of_a_six_week_old_journal(run, journal):
    """/tmp/trial5/repro/r5-story-gap.sh: one story, for another choice, in W37; check-ins
    W37 to W42; on Monday of W43 key-accounts has had no story since the journal began."""
    with (journal / "strategy.toml").open("a", encoding="utf-8") as strategy:
        strategy.write(
            '[[choices]]\nid = "service-attach"\n'
            'statement = "Every sale offers a service contract."\n'
        )
    story = run(
        "story",
        "Linda sold a service plan",
        "--who",
        "Linda",
        "--choice",
        "service-attach",
        journal=journal,
        env=on("2026-09-09"),
    )
    assert story.exit_code == 0, story
    for week in range(37, 43):
        done = run(
            "checkin",
            "--week",
            f"2026-W{week}",
            "--no-input",
            "-r",
            "win-rate=36",
            journal=journal,
            env=on("2026-10-18"),
        )
        assert done.exit_code == 0, done
    said = "no story since the journal began, 6 weeks ago"
    board = run("dashboard", journal=journal, env=on("2026-10-19")).stdout
    assert f"key-accounts            0  ▲ {said}" in board
    assert f"key-accounts: {said}." in board
    assert "in the last 13 weeks" not in board
    data = run("dashboard", "--format", "json", journal=journal, env=on("2026-10-19")).stdout
    assert f"key-accounts: {said}." in [f["message"] for f in json.loads(data)["needs_you"]]
    review = run("review", "strategy", "--show-only", journal=journal, env=on("2026-10-19"))
    assert review.exit_code == 0, review
    assert f" key-accounts   {said}\n" in review.stdout


def test_no_customer_heard_on_a_four_week_old_journal(run, journal):
    """/tmp/trial5/repro/r6-noplan.sh: check-ins in W37, W38 and W40 and no conversation;
    on 3 Oct (W40) the customer gap counts from the journal's first week, not 13 weeks."""
    for day in ("2026-09-11", "2026-09-18", "2026-10-02"):
        done = run("checkin", "--no-input", "-r", "win-rate=30", journal=journal, env=on(day))
        assert done.exit_code == 0, done
    board = run("dashboard", journal=journal, env=on("2026-10-03")).stdout
    assert "No customer conversation since the journal began, 3 weeks ago." in board
    assert "no customer heard since the journal began, 3 weeks ago" in board
    assert "in the last 13 weeks" not in board
