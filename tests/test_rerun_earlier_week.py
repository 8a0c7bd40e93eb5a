"""Rerunning an earlier week after the next check-in followed it up (trial 18, finding 5):
a commitment the rerun carries (or adds) is not among what the next check-in answered. The
rerun says which check-in to rerun (`check` says nothing: the files cannot tell it from a
follow-up skipped on purpose);
that rerun asks about it and takes its answer."""

from pathlib import Path

import pytest

from journals import write_small_journal

W47 = """\
week = "2026-W47"

[[commitments]]
text = "Call Ferro Steel"
"""

W48 = """\
week = "2026-W48"

[[last_week]]
text = "Call Ferro Steel"
outcome = "done"

[[commitments]]
text = "Walk line 3 with Maria"
"""

W49 = """\
week = "2026-W49"

[[last_week]]
text = "Walk line 3 with Maria"
outcome = "done"

[[commitments]]
text = "Book the quality review"
"""

TODAY = {"LEADWORK_TODAY": "2026-12-04"}  # 2026-W49
NOTE = (
    "2026-W49 already followed up 2026-W48's commitments: run `leadwork checkin --week "
    "2026-W49` to follow this one up"
)


@pytest.fixture
def journal(fresh_journal: Path) -> Path:
    write_small_journal(fresh_journal)
    for week, text in (("2026-W47", W47), ("2026-W48", W48), ("2026-W49", W49)):
        (fresh_journal / f"checkins/{week}.toml").write_text(text)
    return fresh_journal


def said(result) -> str:
    return " ".join(result.stdout.split())


def test_carrying_in_a_rerun_names_the_rerun_that_follows_it_up(journal, run):
    carried = run(
        "checkin", "--week", "2026-W48", "--carried", "Call Ferro Steel", "--no-input",
        journal=journal, env=TODAY,
    )  # fmt: skip
    assert carried.exit_code == 0, carried
    assert NOTE in said(carried)
    # The rerun of the week after takes its outcome; then nothing is left to say.
    done = run(
        "checkin", "--week", "2026-W49", "--done", "Call Ferro Steel", "--no-input",
        journal=journal, env=TODAY,
    )  # fmt: skip
    assert done.exit_code == 0, done
    assert "Last week's commitments: 2 of 2 done (100%)." in said(done)


def test_the_rerun_of_the_week_after_asks_about_it(journal, run, monkeypatch):
    monkeypatch.setattr("leadwork.cli.prompts.stdin_is_terminal", lambda: True)
    run(
        "checkin", "--week", "2026-W48", "--carried", "Call Ferro Steel", "--no-input",
        journal=journal, env=TODAY,
    )  # fmt: skip
    result = run(
        "checkin",
        "--week",
        "2026-W49",
        journal=journal,
        env=TODAY,
        input="\n" + "done\n" + "\n" * 30,
    )
    assert result.exit_code == 0, result
    assert "  2. Call Ferro Steel  (carried once)\n" in result.stdout
    assert (
        'text = "Call Ferro Steel"\noutcome = "done"'
        in (journal / "checkins/2026-W49.toml").read_text()
    )


def test_a_commitment_added_to_the_latest_week_or_an_earlier_one(journal, run):
    """A commitment added to the latest week: no note; added to an earlier week
    followed up already: the note."""
    plain = run(
        "checkin", "--week", "2026-W49", "--commitment", "Ring Acme", "--no-input",
        journal=journal, env=TODAY,
    )  # fmt: skip
    assert plain.exit_code == 0, plain
    assert "already followed up" not in said(plain)
    added = run(
        "checkin", "--week", "2026-W48", "--commitment", "Ring Acme", "--no-input",
        journal=journal, env=TODAY,
    )  # fmt: skip
    assert NOTE in said(added)
