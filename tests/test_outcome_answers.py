"""The question "What became of it?": one rule for the check-in and the one-on-one.

Both interviews ask it through `Prompter.outcome`; these tests type the same keys into
both (CliRunner, stdin said to be a terminal) and check that both record the same outcome,
or both refuse the answer with the same message and ask again.
"""

import tomllib
from pathlib import Path

import pytest

from journals import write_small_journal

TODAY = {"LEADWORK_TODAY": "2026-12-04"}  # Friday of 2026-W49
COMMITMENT = "Walk line 3 with Maria"
QUESTION = "What became of it? (1 done / 2 carried / 3 dropped): "
THEN = "dropped"  # the answer typed after one that was refused
AMBIGUOUS = "    ✗ 'd' could be done or dropped: type a little more"

# Lee has no indicators, so the one-on-one asks no plan before the follow-ups.
LEE = '\n[[people]]\nid = "lee"\nname = "Lee Park"\ncadence_days = 14\n'
LAST_WEEK = f'week = "2026-W48"\n\n[[commitments]]\ntext = "{COMMITMENT}"\n'
LAST_TIME = f"""\
person = "lee"
date = 2026-11-24

[[commitments]]
by = "me"
text = "{COMMITMENT}"
due = 2026-12-01
"""


@pytest.fixture
def journal(fresh_journal: Path, monkeypatch) -> Path:
    write_small_journal(fresh_journal)
    with (fresh_journal / "team.toml").open("a") as team:
        team.write(LEE)
    (fresh_journal / "checkins/2026-W48.toml").write_text(LAST_WEEK)
    (fresh_journal / "one-on-ones/2026-11-24-lee.toml").write_text(LAST_TIME)
    monkeypatch.setattr("leadwork.cli.prompts.stdin_is_terminal", lambda: True)
    return fresh_journal


def checkin(run, journal: Path, keys: list[str]) -> tuple[str | None, list[str]]:
    """The check-in with `keys` typed at its first question, Enter for every other one:
    the outcome recorded for last week's commitment, and what the question showed."""
    result = run("checkin", journal=journal, env=TODAY, input="\n".join(keys) + "\n" * 40)
    assert result.exit_code == 0, result
    week = journal / "checkins/2026-W49.toml"
    last_week = tomllib.loads(week.read_text()).get("last_week", []) if week.exists() else []
    return _outcome(last_week), _shown(result.stdout)


def one_on_one(run, journal: Path, keys: list[str]) -> tuple[str | None, list[str]]:
    """The one-on-one with Lee, Enter for every question but what became of the commitment
    (`keys`): the outcome recorded, and what the question showed."""
    typed = ["", "", "", *keys] + [""] * 10  # record now, progress, celebrate; the rest
    result = run("one-on-one", "lee", journal=journal, env=TODAY, input="\n".join(typed))
    assert result.exit_code == 0, result
    meeting = tomllib.loads((journal / "one-on-ones/2026-12-04-lee.toml").read_text())
    return _outcome(meeting["last_time"]), _shown(result.stdout)


def _outcome(followed: list[dict]) -> str | None:
    assert [f["text"] for f in followed] in ([], [COMMITMENT])
    return followed[0]["outcome"] if followed else None


def _shown(out: str) -> list[str]:
    """The lines of the question and of its refusals, as the person saw them."""
    return [
        line.strip()
        for line in out.replace(QUESTION, QUESTION + "\n").splitlines()
        if "What became of it?" in line or "✗" in line
    ]


@pytest.mark.parametrize(
    ("keys", "outcome", "refusal"),
    [
        ("1", "done", None),
        ("2", "carried", None),
        ("3", "dropped", None),
        ("done", "done", None),
        ("DONE", "done", None),
        ("do", "done", None),
        ("dr", "dropped", None),
        ("drop", "dropped", None),
        ("c", "carried", None),
        ("carried", "carried", None),
        (" dropped ", "dropped", None),
        # refused, then asked again (THEN is typed next)
        ("d", THEN, AMBIGUOUS),
        ("D", THEN, "    ✗ 'D' could be done or dropped: type a little more"),
        ("x", THEN, "    ✗ 'x' is not one of done, carried, dropped"),
        ("4", THEN, "    ✗ '4' is not one of done, carried, dropped"),
        ("0", THEN, "    ✗ '0' is not one of done, carried, dropped"),
        ("yes", THEN, "    ✗ 'yes' is not one of done, carried, dropped"),
    ],
)
def test_both_interviews_take_the_same_answers(run, journal, keys, outcome, refusal):
    typed = [keys, THEN] if refusal else [keys]
    weekly, weekly_shown = checkin(run, journal, typed)
    meeting, meeting_shown = one_on_one(run, journal, typed)
    assert weekly == meeting == outcome
    assert weekly_shown == meeting_shown
    asked = QUESTION.strip()
    assert meeting_shown == ([asked, refusal.strip(), asked] if refusal else [asked])


def test_enter_skips_in_the_check_in_and_is_asked_again_in_the_one_on_one(run, journal):
    """The one difference, each interview's own rule for Enter: every check-in question may
    be skipped (the commitment stays open for a later check-in); a one-on-one's record
    needs an outcome for each commitment, so Enter says what to type and asks again."""
    weekly, weekly_shown = checkin(run, journal, [""])
    meeting, meeting_shown = one_on_one(run, journal, ["", THEN])
    assert weekly is None
    assert weekly_shown == [QUESTION.strip()]
    assert meeting == THEN
    assert meeting_shown == [
        QUESTION.strip(),
        "✗ answer one of 1 done / 2 carried / 3 dropped",
        QUESTION.strip(),
    ]


def test_the_answers_are_described_once_in_the_docs():
    """docs/cli.md describes the answers the same way for both interviews."""
    cli = (Path(__file__).resolve().parents[1] / "docs/cli.md").read_text()
    assert "`d` alone is refused" in cli
    assert "done `d`" not in cli and "dropped `x`" not in cli
