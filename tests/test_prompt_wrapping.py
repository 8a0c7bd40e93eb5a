"""Interview prompts and the check-in summary at 100 and 60 columns (trial 18, finding 7):
a prompt breaks only between words, never inside a choice ("5 employee") nor before a
"/", and goes on under its question; the summary gives a commitment's text its room
before the note beside it."""

import re
from pathlib import Path

import pytest

from journals import write_small_journal

MONDAY = "2026-12-07"  # 2026-W50; 2026-W49 has no check-in
W48 = 'week = "2026-W48"\n\n[[commitments]]\ntext = "Draft the 2027 safety plan with Jin"\n'
TEXT = "Draft the 2027 safety plan with Jin"


@pytest.fixture
def journal(fresh_journal: Path) -> Path:
    write_small_journal(fresh_journal)
    (fresh_journal / "checkins/2026-W48.toml").write_text(W48)
    return fresh_journal


def env(columns: int, today: str = MONDAY) -> dict[str, str]:
    return {"LEADWORK_TODAY": today, "COLUMNS": str(columns)}


def prompt(output: str, start: str, end: str) -> str:
    found = re.search(re.escape(start) + ".*?" + re.escape(end), output, re.DOTALL)
    assert found, output
    return found.group(0)


PROMPTS = {
    100: (
        "  Last week's check-in, 2026-W49 (30 Nov \u2013 6 Dec 2026), was not done. Record it "
        "instead of\n"
        "    2026-W50? [Y/n]: ",
        "  Conversation 1: with (Enter: no more) (1 customer / 2 supplier / 3 partner / "
        "4 analyst /\n"
        "    5 employee / 6 other): ",
    ),
    60: (
        "  Last week's check-in, 2026-W49 (30 Nov \u2013 6 Dec 2026), was\n"
        "    not done. Record it instead of 2026-W50? [Y/n]: ",
        "  Conversation 1: with (Enter: no more) (1 customer /\n"
        "    2 supplier / 3 partner / 4 analyst / 5 employee /\n"
        "    6 other): ",
    ),
}


@pytest.mark.parametrize("columns", [100, 60])
def test_prompts_break_between_choices_and_go_on_under_the_question(
    journal, run, monkeypatch, columns
):
    monkeypatch.setattr("leadwork.cli.prompts.stdin_is_terminal", lambda: True)
    result = run("checkin", journal=journal, env=env(columns), input="\n" * 60)
    assert result.exit_code == 0, result
    offer, conversation = PROMPTS[columns]
    assert prompt(result.stdout, "  Last week's check-in", "[Y/n]: ") == offer
    assert prompt(result.stdout, "  Conversation 1: with", "other): ") == conversation


def test_a_refusal_goes_on_under_its_first_word(journal, run, monkeypatch):
    monkeypatch.setattr("leadwork.cli.prompts.stdin_is_terminal", lambda: True)
    typed = "\ndone\n\n\n100\n100\n" + "\n" * 60  # 200 hours: refused
    result = run("checkin", journal=journal, env=env(60), input=typed)
    assert result.exit_code == 0, result
    assert prompt(result.stdout, "    ✗", "\n  capability") == (
        "    ✗ with the other areas' 100 hours that makes 200, more\n"
        "      than the 168 in a week\n"
        "  capability"
    )


SUMMARIES = {
    100: (
        "Amended 2026-W49 (30 Nov \u2013 6 Dec 2026) in checkins/2026-W49.toml.\n"
        "  last week's  Draft the 2027 safety plan with Jin  carried \u2192 done\n"
        "  commitments  Draft the 2027 safety plan with Jin  carried copy taken out of this "
        "week's\n"
        "                                                    commitments\n"
        "Last week's commitments: 1 of 1 done (100%).\n"
    ),
    60: (
        "Amended 2026-W49 (30 Nov \u2013 6 Dec 2026) in\n"
        "checkins/2026-W49.toml.\n"
        "  last week's  Draft the 2027 safety plan     carried \u2192 done\n"
        "               with Jin\n"
        "  commitments  Draft the 2027       carried copy taken out\n"
        "               safety plan with     of this week's\n"
        "               Jin                  commitments\n"
        "Last week's commitments: 1 of 1 done (100%).\n"
    ),
}


@pytest.mark.parametrize("columns", [100, 60])
def test_the_summary_gives_a_commitment_its_room(journal, run, columns):
    """A follow-up changed from carried to done: the commitment's text is cut only when
    the note beside it has been wrapped too (at 100 columns it was cut after "with" while
    half the line stayed empty)."""
    week = env(columns, "2026-12-04")
    carried = run("checkin", "--no-input", "--carried", TEXT, journal=journal, env=week)
    assert carried.exit_code == 0, carried
    done = run("checkin", "--no-input", "--done", TEXT, journal=journal, env=week)
    assert done.exit_code == 0, done
    assert done.stdout == SUMMARIES[columns]
