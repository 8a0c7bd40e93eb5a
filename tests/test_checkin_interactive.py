"""`leadwork checkin` at a terminal: the questions, their defaults, re-asking, and drafts.

CliRunner's stdin is not a terminal, so these tests say it is (the one function the CLI
asks); tests/test_checkin_pty.py runs the installed command in a real pseudo-terminal.
"""

import tomllib
from pathlib import Path

import pytest

from conftest import tree_hash
from journals import write_small_journal

W48 = "checkins/2026-W48.toml"
W49 = "checkins/2026-W49.toml"
DRAFT = ".drafts/2026-W49.toml"
NEXT_WEEK = {"LEADWORK_TODAY": "2026-12-04"}  # 2026-W49

LAST_WEEK = """\
week = "2026-W48"

[readings]
otd = 93.5
scrap = 2.1

[[commitments]]
text = "Walk line 3 with Maria"

[[commitments]]
text = "Ask Tom for the scrap plan"
carried = 2
"""

# Every question of the small journal's interview, in order, with an answer.
ANSWERS = [
    ("1. Walk line 3 with Maria", "do"),
    ("2. Ask Tom for the scrap plan", "c"),
    ("On-time delivery", "96"),
    ("Scrap rate", "3.4"),
    ("alignment", "8"),
    ("capability", "6"),
    ("accountability", "12"),
    ("someone else's job", "10"),
    ("other", "4"),
    ("confidence alignment", "3"),
    ("confidence capability", "4"),
    ("confidence accountability", "2"),
    ("story", "Maria stopped the line for a bad lot"),
    ("story who", "maria"),
    ("story choice", "1"),
    ("no more stories", ""),
    ("conversation with", "customer"),
    ("conversation who", "Acme"),
    ("conversation text", "Wants weekly updates"),
    ("refresh?", "y"),
    ("no more conversations", ""),
    ("commitment", "Book the quality review"),
    ("no more commitments", ""),
    ("confident", "Accountability"),
    ("challenge", "Time"),
]

INTERVIEWED = """\
#:schema ../.leadwork/schema/checkin.json
# Check-in for 2026-W49 (30 Nov \u2013 6 Dec 2026)

week = "2026-W49"

[readings]
otd = 96
scrap = 3.4

[hours]
alignment = 8
capability = 6
accountability = 12
someone_elses_job = 10
other = 4

[confidence]
alignment = 3
capability = 4
accountability = 2

[reflection]
confident = "Accountability"
challenge = "Time"

[[last_week]]
text = "Walk line 3 with Maria"
outcome = "done"

[[last_week]]
text = "Ask Tom for the scrap plan"
outcome = "carried"

[[commitments]]
text = "Ask Tom for the scrap plan"
carried = 3

[[commitments]]
text = "Book the quality review"

[[stories]]
text = "Maria stopped the line for a bad lot"
who = "maria"
choice = "quality-first"

[[conversations]]
with = "customer"
who = "Acme"
text = "Wants weekly updates"
refresh = true
"""


def typed(answers) -> str:
    return "".join(answer + "\n" for answer in answers)


@pytest.fixture
def journal(fresh_journal: Path) -> Path:
    write_small_journal(fresh_journal)
    (fresh_journal / W48).write_text(LAST_WEEK)
    return fresh_journal


def ask(run, journal, answers, *args, env=NEXT_WEEK):
    result = run("checkin", *args, journal=journal, env=env, input=typed(answers))
    assert "Traceback" not in result.output
    return result


MONDAY_AFTER = {"LEADWORK_TODAY": "2026-12-07"}  # Monday of 2026-W50; W49 has no check-in


def test_a_monday_check_in_offers_the_week_that_just_ended(journal, run, at_terminal):
    """Early in a week, with last week unrecorded, the first question is which week this
    is for; Enter takes last week, and the interview is last week's, written there."""
    result = ask(run, journal, ["", *(a for _, a in ANSWERS)], env=MONDAY_AFTER)
    assert result.exit_code == 0, result
    question = " ".join(result.stdout.split("[Y/n]: ")[0].split())
    assert question == (
        "Last week's check-in, 2026-W49 (30 Nov \u2013 6 Dec 2026), was not done. Record it "
        "instead "
        "of 2026-W50?"
    )
    assert (journal / W49).read_text() == INTERVIEWED
    assert not (journal / "checkins/2026-W50.toml").exists()


def test_no_keeps_this_week_and_a_named_week_or_a_late_day_asks_nothing(journal, run, at_terminal):
    result = ask(run, journal, ["n", "do", "c", *[""] * 40], env=MONDAY_AFTER)
    assert result.exit_code == 0, result
    assert (journal / "checkins/2026-W50.toml").exists() and not (journal / W49).exists()
    named = ask(run, journal, [""] * 40, "--week", "2026-W49", env=MONDAY_AFTER)
    assert "was not done" not in named.stdout
    thursday = ask(run, journal, [""] * 40, env={"LEADWORK_TODAY": "2026-12-10"})
    assert "was not done" not in thursday.stdout


def test_a_monday_check_in_with_flags_records_this_week_and_names_the_one_that_ended(journal, run):
    """Without a terminal nothing is asked: the run records this week, as it says, and
    names last week with the command that records it; a named week gets no such note."""
    result = run("checkin", "--no-input", "-r", "otd=95", journal=journal, env=MONDAY_AFTER)
    assert result.exit_code == 0, result
    assert (journal / "checkins/2026-W50.toml").exists()
    said = " ".join(result.stdout.split())
    assert (
        "Recorded for this week, 2026-W50: last week's check-in, 2026-W49, was not done. If "
        "this was "
        "last week's, record it with `leadwork checkin --week 2026-W49` and delete "
        "checkins/2026-W50.toml, which this run created."
    ) in said
    named = run(
        "checkin",
        "--no-input",
        "--week",
        "2026-W50",
        "-r",
        "scrap=2",
        journal=journal,
        env=MONDAY_AFTER,
    )
    assert named.exit_code == 0, named
    assert "was not done" not in named.stdout


def test_the_interview_asks_each_step_in_order_and_writes_the_week(journal, run, at_terminal):
    result = ask(run, journal, [a for _, a in ANSWERS])
    assert result.exit_code == 0, result
    assert (journal / W49).read_text() == INTERVIEWED
    out = result.stdout
    steps = [
        "Last week's commitments (2026-W48)",
        "Indicator readings",
        "Time audit",
        "Confidence",
        "Stories",
        "Stakeholder conversations",
        "Commitments for next week",
        "Reflection",
        "Recorded 2026-W49",
    ]
    positions = [out.index(step) for step in steps]
    assert positions == sorted(positions)
    # last week's commitments, with their carried count and the done rate
    assert "  2. Ask Tom for the scrap plan  (carried twice)\n" in out
    assert "Last week's done rate: 1 of 2 (50%)." in out
    # a reading question: unit, target, thresholds, last value, then the status it gives
    assert (
        "  On-time delivery  otd\n"
        "    target 95% · celebrate ≥ 98% · course-correct < 90% · last 93.5% (2026-W48)\n"
        "    value in %: "
    ) in out
    assert "    → 96% is on track\n" in out
    assert "    → 3.4 is course-correct\n" in out
    # the time audit totals and flags someone else's job
    assert "40 hours in all. 25% went to someone else's job (more than your 20%)." in out
    # the carried commitment is shown where next week's commitments are asked
    assert "  · Ask Tom for the scrap plan\n" in out
    assert out.endswith(
        "Your biggest challenge?: \n"
        "Recorded 2026-W49 (30 Nov \u2013 6 Dec 2026) in checkins/2026-W49.toml.\n"
        "  readings       otd    96%  on track\n"
        "                 scrap  3.4  course-correct\n"
        "  hours          alignment 8 · capability 6 · accountability 12 · someone else's job 10"
        " · other 4\n"
        "  confidence     alignment 3 · capability 4 · accountability 2\n"
        "  reflection     confident  “Accountability”\n"
        "                 challenge  “Time”\n"
        "  last week's    Walk line 3 with Maria      done\n"
        "                 Ask Tom for the scrap plan  carried\n"
        "  commitments    Ask Tom for the scrap plan  carried over (3 times)\n"
        "                 Book the quality review     new\n"
        "  stories        Maria stopped the line for a bad lot  maria · quality-first\n"
        "  conversations  Wants weekly updates  customer · Acme · strategy refresh?\n"
        "Last week's commitments: 1 of 2 done (50%).\n"
        "Carried 3 times: “Ask Tom for the scrap plan”. Do it, delegate it or drop it.\n"
    )
    assert not (journal / ".drafts").exists()


def test_every_question_can_be_skipped(journal, run, at_terminal):
    before = tree_hash(journal)
    result = ask(run, journal, [""] * 20)
    assert result.exit_code == 0, result
    assert "Nothing to record for 2026-W49" in result.stdout
    assert "2 without an outcome yet" in result.stdout
    assert not (journal / W49).exists()
    assert tree_hash(journal) == before


def test_wrong_answers_are_explained_and_asked_again(journal, run, at_terminal):
    answers = [
        "d",  # done or dropped?
        "done",
        "x",
        "dropped",
        "abc",
        "96",
        "",
        "-1",  # hours below 0
        "100",
        "",
        "",
        "70",  # 100 + 70 > 168
        "60",
        "",
        "9",  # confidence out of range
        "2.5",
        "3",
    ]
    result = ask(run, journal, answers)
    out = result.stdout
    assert "    ✗ 'd' could be done or dropped: type a little more\n" in out
    assert "    ✗ 'x' is not one of done, carried, dropped\n" in out
    assert "    ✗ 'abc' is not a number\n" in out
    assert "    ✗ -1 hours is below 0\n" in out
    assert (
        "    ✗ with the other areas' 100 hours that makes 170, more than the 168 in a week\n"
    ) in out
    assert "    ✗ confidence is a whole number from 1 to 5, not '9'\n" in out
    assert "    ✗ confidence is a whole number from 1 to 5, not '2.5'\n" in out
    # the input ran out (like Ctrl-D) during the interview: what was given is kept
    assert result.exit_code == 130
    draft = tomllib.loads((journal / DRAFT).read_text())
    assert draft["answers"]["hours"] == {"alignment": 100, "someone_elses_job": 60}
    assert draft["answers"]["confidence"] == {"alignment": 3}
    assert draft["answers"]["readings"] == {"otd": 96}


def test_a_reading_may_be_typed_with_its_unit(journal, run, at_terminal):
    # The prompt shows "value in %", so people type "96.5%"; only the unit is taken off.
    result = ask(run, journal, ["done", "dropped", "96.5 %", "2.9%", "3.1"])
    assert "    ✗ '2.9%' is not a number\n" in result.stdout  # scrap has no unit
    draft = tomllib.loads((journal / DRAFT).read_text())
    assert draft["answers"]["readings"] == {"otd": 96.5, "scrap": 3.1}


def test_amending_shows_what_is_there_and_enter_keeps_it(example_journal, run, at_terminal):
    before = tree_hash(example_journal)
    result = ask(run, example_journal, [""] * 40, env={})
    assert result.exit_code == 0, result
    out = result.stdout
    assert "checkins/2026-W48.toml already exists: what you type changes it; Enter keeps it." in (
        " ".join(out.split())
    )
    assert "(1 done / 2 carried / 3 dropped) [carried]: " in out  # W47's first commitment
    assert "    value in %: [97.6]: " not in out
    assert "    value in % [97.6]: " in out
    assert "    → 97.6% is on track\n" in out
    assert "  other [6]: " in out
    assert "  capability [3]: " in out
    assert "  Your biggest challenge? [Alignment. No medical story since early…]: " in out
    assert "Nothing changed in checkins/2026-W48.toml: every answer was already there." in out
    assert tree_hash(example_journal) == before


def test_amending_at_the_terminal_changes_only_what_is_typed(example_journal, run, at_terminal):
    path = example_journal / W48
    original = path.read_text()
    answers = ["", "", "98.2", *[""] * 40]
    result = ask(run, example_journal, answers, env={})
    assert result.exit_code == 0, result
    assert path.read_text() == original.replace("greenville-otd = 97.6", "greenville-otd = 98.2")
    assert "  readings  greenville-otd  97.6% → 98.2%  celebrate\n" in result.stdout


def test_flags_answer_their_questions_first(journal, run, at_terminal):
    result = ask(run, journal, [""] * 20, "-r", "otd=96", "--done", "1")
    assert result.exit_code == 0, result
    assert "On-time delivery" not in result.stdout
    assert "Walk line 3 with Maria" not in result.stdout.split("Recorded")[0]
    assert "Scrap rate" in result.stdout
    text = (journal / W49).read_text()
    assert "otd = 96\n" in text
    assert 'text = "Walk line 3 with Maria"\noutcome = "done"\n' in text


def test_json_output_never_asks(journal, run, at_terminal):
    result = ask(run, journal, ["9"] * 5, "-r", "otd=96", "--format", "json")
    assert result.exit_code == 0, result
    assert result.stdout.startswith("{")


# ---- drafts -------------------------------------------------------------------------------


def test_an_interrupted_interview_is_kept_and_resumed(journal, run, at_terminal):
    first = ask(run, journal, ["done", "", "96"])  # then the input ends, like Ctrl-D
    assert first.exit_code == 130
    assert (
        "Stopped. Your 2 answers so far are kept in .drafts/2026-W49.toml; run `leadwork "
        "checkin --week 2026-W49` to resume."
    ) in " ".join(first.stdout.split())
    assert "interrupted; nothing more was written" in first.stderr
    assert not (journal / W49).exists()
    draft = tomllib.loads((journal / DRAFT).read_text())
    assert draft["week"] == "2026-W49"
    assert draft["answers"]["follow_ups"] == [{"text": "Walk line 3 with Maria", "outcome": "done"}]
    assert draft["answers"]["readings"] == {"otd": 96}

    # The next run offers to resume; the questions already answered are not asked again.
    rest = [a for _, a in ANSWERS[3:]]
    second = ask(run, journal, ["", *rest])
    assert second.exit_code == 0, second
    assert "An unfinished check-in for 2026-W49 was kept (2 answers). Resume it? [Y/n]: " in (
        second.stdout
    )
    asked = second.stdout.split("Resume it?")[1].split("Recorded")[0]
    assert "Walk line 3" not in asked and "On-time delivery" not in asked
    assert "Scrap rate" in asked
    text = (journal / W49).read_text()
    assert 'text = "Walk line 3 with Maria"\noutcome = "done"\n' in text
    assert "otd = 96\nscrap = 3.4\n" in text
    assert "[[last_week]]" in text and "Ask Tom" not in text.split("[[commitments]]")[0]
    assert not (journal / ".drafts").exists()  # a finished check-in deletes its draft


def test_a_story_half_told_is_kept(journal, run, at_terminal):
    answers = [*[""] * 12, "Maria stopped the line"]  # then the input ends before "who?"
    assert ask(run, journal, answers).exit_code == 130
    draft = tomllib.loads((journal / DRAFT).read_text())
    assert draft["answers"]["stories"] == [{"text": "Maria stopped the line"}]
    result = ask(run, journal, ["y", "maria", "purpose", "", "", "", "", ""])
    assert result.exit_code == 0, result
    assert (
        '[[stories]]\ntext = "Maria stopped the line"\nwho = "maria"\nchoice = "purpose"\n'
    ) in (journal / W49).read_text()


def test_declining_to_resume_discards_the_draft(journal, run, at_terminal):
    assert ask(run, journal, ["done"]).exit_code == 130
    result = ask(run, journal, ["n", *[""] * 20])
    assert result.exit_code == 0, result
    assert "The draft is discarded; starting afresh." in result.stdout
    assert "1. Walk line 3 with Maria" in result.stdout  # asked again
    assert not (journal / W49).exists()
    assert not (journal / ".drafts").exists()


def test_an_unreadable_draft_is_reported_and_replaced(journal, run, at_terminal):
    (journal / ".drafts").mkdir()
    (journal / DRAFT).write_text("week = \n")
    result = ask(run, journal, ["done"])
    assert "The draft .drafts/2026-W49.toml cannot be read" in " ".join(result.stdout.split())
    assert result.exit_code == 130
    draft = tomllib.loads((journal / DRAFT).read_text())
    assert draft["answers"]["follow_ups"][0]["outcome"] == "done"
