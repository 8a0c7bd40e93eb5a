"""A check-in run again in the same week, changing a follow-up from "carried" to done or
dropped: the carried copy the first run wrote goes back out (trial 16, finding 1), unless
the person changed it, when the run is refused and writes nothing. The saved week always
passes `check`."""

import json
from pathlib import Path

import pytest

from conftest import tree_hash
from journals import write_small_journal

W48 = "checkins/2026-W48.toml"
W49 = "checkins/2026-W49.toml"
NEXT_WEEK = {"LEADWORK_TODAY": "2026-12-04"}  # a Friday in 2026-W49

LAST_WEEK = """\
week = "2026-W48"

[readings]
otd = 93.5

[[commitments]]
text = "Walk line 3 with Maria"

[[commitments]]
text = "Ask Tom for the scrap plan"
carried = 2
"""

# The week after a morning run with `--carried 2`, byte for byte.
CARRIED = """\
#:schema ../.leadwork/schema/checkin.json
# Check-in for 2026-W49 (30 Nov \u2013 6 Dec 2026)

week = "2026-W49"

[[last_week]]
text = "Ask Tom for the scrap plan"
outcome = "carried"

[[commitments]]
text = "Ask Tom for the scrap plan"
carried = 3
"""


@pytest.fixture
def journal(fresh_journal: Path) -> Path:
    write_small_journal(fresh_journal)
    (fresh_journal / W48).write_text(LAST_WEEK)
    return fresh_journal


def checkin(run, journal, *args):
    result = run("checkin", "--no-input", *args, journal=journal, env=NEXT_WEEK)
    assert "Traceback" not in result.output
    return result


def valid(run, journal) -> bool:
    result = run("check", journal=journal, env=NEXT_WEEK)
    return result.exit_code == 0 and "error" not in result.output


def carried_in_the_morning(run, journal) -> None:
    assert checkin(run, journal, "--carried", "2").exit_code == 0
    assert (journal / W49).read_text() == CARRIED
    assert valid(run, journal)


@pytest.mark.parametrize("outcome", ["done", "dropped"])
def test_the_carried_copy_goes_when_the_outcome_changes(journal, run, outcome):
    carried_in_the_morning(run, journal)
    result = checkin(run, journal, f"--{outcome}", "2", "-c", "Book the quality review")
    assert result.exit_code == 0, result
    said = " ".join(result.stdout.split())
    assert "Ask Tom for the scrap plan carried → " + outcome in said
    assert "Ask Tom for the scrap plan carried copy taken out of this week's commitments" in said
    assert (journal / W49).read_text() == CARRIED.replace('"carried"', f'"{outcome}"').replace(
        'text = "Ask Tom for the scrap plan"\ncarried = 3', 'text = "Book the quality review"'
    )
    assert valid(run, journal)
    # Every view agrees: the commitment ended, and is no longer open.
    listed = run("commitments", "--format", "json", journal=journal, env=NEXT_WEEK)
    assert "Ask Tom for the scrap plan" not in listed.stdout
    assert "Book the quality review" in listed.stdout


def test_the_last_commitment_taken_out_leaves_no_empty_array(journal, run):
    carried_in_the_morning(run, journal)
    result = checkin(run, journal, "--done", "2")
    assert result.exit_code == 0, result
    text = (journal / W49).read_text()
    assert "[[commitments]]" not in text
    assert text.endswith('text = "Ask Tom for the scrap plan"\noutcome = "done"\n')
    assert valid(run, journal)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (("carried = 3", "carried = 5"), "that copy was changed since (carried = 5)"),
        (("carried = 3", "carried = 3  # Tom is away"), "holds a comment of yours"),
    ],
)
def test_a_copy_changed_by_hand_is_not_removed_and_nothing_is_written(journal, run, edit, message):
    carried_in_the_morning(run, journal)
    path = journal / W49
    path.write_text(path.read_text().replace(*edit))
    before = tree_hash(journal)
    result = checkin(run, journal, "--done", "2", "-c", "Book the quality review")
    assert result.exit_code == 1, result
    line = path.read_text().split("\n").index("[[commitments]]") + 1
    at = line + 2 if "carried = 5" in edit[1] else line  # the changed count, or the table
    assert f"checkins/2026-W49.toml:{at}:1: error:" in result.stderr
    assert message in " ".join(result.stderr.split())
    hint = (
        "remove the copy from [[commitments]] by hand, then give the outcome again; "
        'or keep the outcome "carried"'
    )
    assert hint in " ".join(result.stderr.split())
    assert tree_hash(journal) == before
    assert valid(run, journal)  # still carried, still consistent


def test_done_then_carried_adds_the_copy_once(journal, run):
    assert checkin(run, journal, "--done", "2").exit_code == 0
    assert "[[commitments]]" not in (journal / W49).read_text()
    result = checkin(run, journal, "--carried", "2")
    assert result.exit_code == 0, result
    assert (journal / W49).read_text() == CARRIED
    again = checkin(run, journal, "--carried", "2")
    assert again.exit_code == 0 and "Nothing changed" in again.stdout
    assert (journal / W49).read_text() == CARRIED
    assert valid(run, journal)


def test_carried_done_carried_gives_the_same_file_back(journal, run):
    carried_in_the_morning(run, journal)
    assert checkin(run, journal, "--dropped", "2").exit_code == 0
    assert checkin(run, journal, "--carried", "2").exit_code == 0
    assert (journal / W49).read_text() == CARRIED


def test_the_json_summary_names_the_copy_taken_out(journal, run):
    carried_in_the_morning(run, journal)
    result = checkin(run, journal, "--done", "2", "--format", "json")
    assert result.exit_code == 0, result
    changes = json.loads(result.stdout)["changes"]
    assert {
        "section": "commitments",
        "key": "Ask Tom for the scrap plan",
        "old": {"text": "Ask Tom for the scrap plan", "carried": 3},
        "new": None,
    } in changes


def test_the_interview_takes_the_copy_out_too(journal, run, monkeypatch):
    monkeypatch.setattr("leadwork.cli.prompts.stdin_is_terminal", lambda: True)
    carried_in_the_morning(run, journal)
    typed = "".join(a + "\n" for a in ["", "do", *[""] * 40])  # 1. Enter, 2. done
    result = run("checkin", journal=journal, env=NEXT_WEEK, input=typed)
    assert result.exit_code == 0, result
    assert "carried copy taken out of this week's commitments" in result.stdout
    assert "[[commitments]]" not in (journal / W49).read_text()
    assert valid(run, journal)


def test_a_copy_in_an_inline_array_goes_and_the_comments_stay(journal, run):
    (journal / W49).write_text(
        'week = "2026-W49"\n'
        "commitments = [\n"
        '  { text = "Ask Tom for the scrap plan", carried = 3 },\n'
        "  # written by hand\n"
        '  { text = "Call Acme" },\n'
        "]\n"
        "\n"
        "[[last_week]]\n"
        'text = "Ask Tom for the scrap plan"\n'
        'outcome = "carried"\n'
    )
    assert valid(run, journal)
    result = checkin(run, journal, "--dropped", "2")
    assert result.exit_code == 0, result
    assert (journal / W49).read_text() == (
        'week = "2026-W49"\n'
        "commitments = [\n"
        "  # written by hand\n"
        '  { text = "Call Acme" },\n'
        "]\n"
        "\n"
        "[[last_week]]\n"
        'text = "Ask Tom for the scrap plan"\n'
        'outcome = "dropped"\n'
    )
    assert valid(run, journal)


INLINE_COMMENTED = """\
week = "2026-W49"
commitments = [
  { text = "Call Acme" },
  { text = "Ask Tom for the scrap plan", carried = 3 }, # Tom is away
]

[[last_week]]
text = "Ask Tom for the scrap plan"
outcome = "carried"
"""


@pytest.mark.parametrize("outcome", ["done", "dropped"])
def test_a_comment_on_an_inline_copy_refuses_the_run_as_in_a_table(journal, run, outcome):
    """Trial 20, finding 3: the comment went with the copy, silently; the same comment in
    a `[[commitments]]` table refuses the run. Now both refuse, at the copy's line."""
    (journal / W49).write_text(INLINE_COMMENTED)
    assert valid(run, journal)
    before = sorted((journal / "checkins").iterdir())
    result = checkin(run, journal, f"--{outcome}", "2")
    assert result.exit_code == 1, result
    said = " ".join(result.stderr.split())
    assert "checkins/2026-W49.toml:4:3: error: the carried copy in `commitments = [...]`" in said
    assert "holds a comment of yours, so leadwork does not remove it; nothing was written" in said
    assert "remove the copy from `commitments = [...]` by hand" in said
    assert sorted((journal / "checkins").iterdir()) == before
    assert (journal / W49).read_text() == INLINE_COMMENTED


@pytest.mark.parametrize(
    ("commitments", "left"),
    [
        (
            "[\n  # carried this morning\n"
            '  { text = "Ask Tom for the scrap plan", carried = 3 },\n]',
            "[\n  # carried this morning\n]",
        ),
        ('[{ text = "Ask Tom for the scrap plan", carried = 3 }]  # mine', "[]  # mine"),
    ],
)
def test_an_emptied_inline_array_stays_while_it_holds_a_comment(journal, run, commitments, left):
    (journal / W49).write_text(
        f'week = "2026-W49"\ncommitments = {commitments}\n\n'
        '[[last_week]]\ntext = "Ask Tom for the scrap plan"\noutcome = "carried"\n'
    )
    assert valid(run, journal)
    result = checkin(run, journal, "--done", "2")
    assert result.exit_code == 0, result
    assert (journal / W49).read_text() == (
        f'week = "2026-W49"\ncommitments = {left}\n\n'
        '[[last_week]]\ntext = "Ask Tom for the scrap plan"\noutcome = "done"\n'
    )
    assert valid(run, journal)
