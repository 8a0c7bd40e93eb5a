"""Recording a one-on-one: with flags and --no-input, or step by step (CliRunner input).

One file per meeting in one-on-ones/, written atomically; last time's commitments marked
done, carried (carried + 1) or dropped; a plan, or an explicit "no plan yet" that stays
on the agenda until a plan exists; what to celebrate, optionally kept as a story."""

import datetime as dt
import difflib
import json
import tomllib
from pathlib import Path

import pytest

from leadwork.store.atomic import stray_temp_files

from conftest import tree_hash


def only_added(old: str, new: str) -> list[str]:
    """The lines `new` adds to `old`; fails if any line of `old` was changed, lost or moved."""
    matcher = difflib.SequenceMatcher(a=old.splitlines(), b=new.splitlines(), autojunk=False)
    added = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        assert tag in ("equal", "insert"), (tag, old.splitlines()[i1:i2])
        if tag == "insert":
            added += new.splitlines()[j1:j2]
    return added


MARCUS_FLAGS = (
    "one-on-one",
    "marcus",
    "--no-input",
    "--progress",
    "Scrap jumped with the first Allegheny lots; the mill says the bar is in spec.",
    "--no-plan",
    "dayton-scrap",
    "--done",
    "1",
    "--carried",
    "2",
    "--theirs",
    "2026-12-04=Scrap plan for the Allegheny bar, written",
    "--mine",
    "Ask Tom what the mill can certify",
)

MARCUS_RECORD = """\
#:schema ../.leadwork/schema/one-on-one.json
# One-on-one with Marcus Reyes on Friday 27 November 2026, recorded by `leadwork one-on-one`.
# Edit it freely; `leadwork check` tells you if something is off.

person = "marcus"
date = 2026-11-27
progress = "Scrap jumped with the first Allegheny lots; the mill says the bar is in spec."

[[plans]]
indicator = "dayton-scrap"
status = "course-correct"

[[last_time]]
by = "them"
text = "Watch scrap on the first production lots of Allegheny bar, all part numbers"
outcome = "done"

[[last_time]]
by = "me"
text = "Agree a new date for the Greenville coaching clinic"
outcome = "carried"

[[commitments]]
by = "me"
text = "Agree a new date for the Greenville coaching clinic"
due = 2026-12-11
carried = 2

[[commitments]]
by = "them"
text = "Scrap plan for the Allegheny bar, written"
due = 2026-12-04

[[commitments]]
by = "me"
text = "Ask Tom what the mill can certify"
due = 2026-12-11
"""


def test_record_with_flags(run, example_journal):
    result = run(*MARCUS_FLAGS, journal=example_journal)
    assert result.exit_code == 0, result
    path = example_journal / "one-on-ones" / "2026-11-27-marcus.toml"
    assert path.read_text() == MARCUS_RECORD
    assert result.stdout.splitlines() == [
        "Recorded one-on-ones/2026-11-27-marcus.toml",
        "done 1: 'Watch scrap on the first production lots of Allegheny bar, all part numbers'",
        "carried 2: 'Agree a new date for the Greenville coaching clinic'",
        "No plan yet for dayton-scrap: it stays on Marcus's agenda until there is one.",
    ]
    assert stray_temp_files(path.parent) == []
    check = run("check", journal=example_journal)
    assert check.exit_code == 0, check


def test_no_plan_yet_stays_visible_until_a_plan_exists(run, example_journal):
    assert run(*MARCUS_FLAGS, journal=example_journal).exit_code == 0
    later = {"LEADWORK_TODAY": "2026-12-04"}
    prep = run("one-on-one", "marcus", "--prep", journal=example_journal, env=later)
    assert "course-correct 2 weeks" in prep.stdout
    assert "no plan yet" in prep.stdout
    data = json.loads(
        run("one-on-one", "marcus", "-f", "json", journal=example_journal, env=later).stdout
    )
    scrap = data["indicators"][0]
    assert (scrap["no_plan_since"], scrap["plan"], scrap["flagged"]) == ("2026-11-27", None, True)
    # The carried commitment is open again, now carried twice, and numbered for --done.
    assert "Agree a new date for the Greenville coaching clinic" in prep.stdout
    assert "carried over 2 times" in prep.stdout

    # The week after, Marcus brings a plan; from then on the plan is shown instead.
    result = run(
        "one-on-one",
        "marcus",
        "--no-input",
        "--plan",
        "dayton-scrap=Quarantine the Allegheny heat lots; first-piece check on every setup.",
        "--done",
        "all",
        journal=example_journal,
        env=later,
    )
    assert result.exit_code == 0, result
    record = tomllib.loads((example_journal / "one-on-ones" / "2026-12-04-marcus.toml").read_text())
    assert record["plans"] == [
        {
            "indicator": "dayton-scrap",
            "status": "course-correct",
            "plan": "Quarantine the Allegheny heat lots; first-piece check on every setup.",
        }
    ]
    assert [f["outcome"] for f in record["last_time"]] == ["done", "done", "done"]
    # The next meeting's preparation shows it; that day's stands before it, as it was.
    nxt = ("--date", "2026-12-18")
    prep = run("one-on-one", "marcus", "--prep", *nxt, journal=example_journal, env=later)
    assert "plan of 2026-12-04: Quarantine the Allegheny heat lots" in prep.stdout
    assert "no plan yet" not in prep.stdout
    prep = run("one-on-one", "marcus", "--prep", journal=example_journal, env=later)
    assert "no plan yet" in prep.stdout and "already recorded" in prep.stdout


def test_no_input_says_what_is_missing_and_writes_nothing(run, example_journal):
    before = tree_hash(example_journal)
    result = run("one-on-one", "marcus", "--no-input", journal=example_journal)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert (
        "--plan: Dayton scrap rate is course-correct: what is the plan to get back on track?"
        in result.stderr
    )
    assert "--done N, --carried N or --dropped N for each" in result.stderr
    assert (
        'give --plan dayton-scrap="..." or, if there is none yet, --no-plan dayton-scrap'
        in result.stderr
    )
    assert "last time's commitments not yet marked done, carried or dropped" in result.stderr
    assert 'Watch scrap on the first production lots of Alleg…"' in result.stderr
    assert "Traceback" not in result.output
    assert tree_hash(example_journal) == before


def test_a_second_meeting_the_same_day_gets_its_own_file(run, example_journal):
    assert run(*MARCUS_FLAGS, journal=example_journal).exit_code == 0
    result = run(
        "one-on-one",
        "marcus",
        "--no-input",
        "--no-plan",
        "dayton-scrap",
        "--dropped",
        "1,2,3",
        journal=example_journal,
    )
    assert result.exit_code == 0, result
    assert result.stdout.startswith("Recorded one-on-ones/2026-11-27-marcus-2.toml")
    second = tomllib.loads(
        (example_journal / "one-on-ones" / "2026-11-27-marcus-2.toml").read_text()
    )
    assert [f["text"] for f in second["last_time"]] == [
        "Agree a new date for the Greenville coaching clinic",
        "Scrap plan for the Allegheny bar, written",
        "Ask Tom what the mill can certify",
    ]
    assert run("check", journal=example_journal).exit_code == 0
    due = run("one-on-one", "--due", "-f", "json", journal=example_journal)
    assert "marcus" not in due.stdout


def test_carried_commitments_count_up_and_are_flagged_at_three(run, example_journal):
    path = example_journal / "one-on-ones" / "2026-11-17-elena.toml"
    assert 'text = "Sit in on one layered audit"\ndue = 2026-11-20\ncarried = 2' in path.read_text()
    result = run(
        "one-on-one",
        "elena",
        "--no-input",
        "--done",
        "1",
        "--carried",
        "2=2026-12-03",
        journal=example_journal,
    )
    assert result.exit_code == 0, result
    record = tomllib.loads((example_journal / "one-on-ones" / "2026-11-27-elena.toml").read_text())
    assert record["commitments"] == [
        {
            "by": "me",
            "text": "Sit in on one layered audit",
            "due": dt.date(2026, 12, 3),
            "carried": 3,
        }
    ]
    assert (
        '"Sit in on one layered audit" has now been carried over 3 times: a pattern worth naming.'
        in result.stdout
    )
    prep = run("one-on-one", "elena", "--prep", "--date", "2026-12-03", journal=example_journal)
    assert "carried over 3 times, a pattern" in prep.stdout  # at the next one-on-one


def test_celebrate_as_a_story_goes_into_this_weeks_check_in(run, example_journal):
    checkin = example_journal / "checkins" / "2026-W48.toml"
    old = checkin.read_text()
    result = run(
        *MARCUS_FLAGS,
        "--celebrate",
        "Marcus caught the bar problem in the first lot, before a customer did.",
        "--story",
        "quality-first",
        journal=example_journal,
    )
    assert result.exit_code == 0, result
    assert "Added the story to checkins/2026-W48.toml (quality-first)" in result.stdout
    assert only_added(old, checkin.read_text()) == [
        "",
        "[[stories]]",
        'text = "Marcus caught the bar problem in the first lot, before a customer did."',
        'who = "marcus"',
        'choice = "quality-first"',
        "date = 2026-11-27",
    ]
    record = tomllib.loads((example_journal / "one-on-ones" / "2026-11-27-marcus.toml").read_text())
    assert record["celebrate"].startswith("Marcus caught the bar problem")
    assert run("check", journal=example_journal).exit_code == 0


def test_a_story_starts_the_weeks_check_in_if_there_is_none(run, example_journal):
    (example_journal / "checkins" / "2026-W48.toml").unlink()
    result = run(
        *MARCUS_FLAGS,
        "--celebrate",
        "Clean first lot.",
        "--story",
        "purpose",
        journal=example_journal,
    )
    assert result.exit_code == 0, result
    data = tomllib.loads((example_journal / "checkins" / "2026-W48.toml").read_text())
    assert data == {
        "week": "2026-W48",
        "stories": [
            {
                "text": "Clean first lot.",
                "who": "marcus",
                "choice": "purpose",
                "date": dt.date(2026, 11, 27),
            }
        ],
    }


def test_an_invalid_check_in_stops_the_story_before_anything_is_written(run, example_journal):
    checkin = example_journal / "checkins" / "2026-W48.toml"
    checkin.write_text(checkin.read_text().replace('week = "2026-W48"', "week = 2026"))
    before = tree_hash(example_journal)
    result = run(
        *MARCUS_FLAGS,
        "--celebrate",
        "Clean first lot.",
        "--story",
        "purpose",
        journal=example_journal,
    )
    assert result.exit_code == 1
    assert "2026-W48.toml:3:1: error:" in result.stderr
    assert tree_hash(example_journal) == before


# ---- step by step ------------------------------------------------------------------------------


@pytest.fixture
def terminal(monkeypatch):
    """CliRunner's stdin is not a terminal; say it is, so the interview asks."""
    monkeypatch.setattr("leadwork.cli.prompts.stdin_is_terminal", lambda: True)


def test_without_a_terminal_or_answers_it_refuses_naming_the_flags(run, example_journal):
    """The rule of every interview (issue 13): no terminal and no answers as flags is a
    usage error, not a preparation that looks like success; --prep prepares."""
    before = tree_hash(example_journal)
    result = run("one-on-one", "marcus", journal=example_journal, input="y\n")
    assert result.exit_code == 2, result
    assert (
        "error: stdin is not a terminal, so one-on-one marcus cannot ask its questions; "
        "nothing was written"
    ) in result.stderr
    assert "--progress, --plan" in result.stderr and "--prep shows the preparation" in (
        " ".join(result.stderr.split())
    )
    assert result.stdout == ""
    assert tree_hash(example_journal) == before
    prepared = run("one-on-one", "marcus", "--prep", journal=example_journal, input="y\n")
    assert prepared.exit_code == 0, prepared
    assert "What's your plan to get back on track?" in prepared.stdout


def test_without_a_terminal_flags_never_ask(run, example_journal):
    result = run(
        "one-on-one", "marcus", "--progress", "Fine.", journal=example_journal, input="x\n"
    )
    assert result.exit_code == 2
    assert "Dayton scrap rate is course-correct" in result.stderr


MARCUS_ANSWERS = [
    "",  # record now? (Enter: yes)
    "Scrap jumped with the new bar; the mill says it is in spec.",  # progress
    "",  # plan for dayton-scrap: Enter = no plan yet
    "Marcus caught it in the first lot.",  # celebrate
    "quality-first",  # a story that lived this choice
    "",  # who is it about? (Enter: Marcus, the person met)
    "do",  # last time 1: done ("d" alone could be dropped)
    "c",  # last time 2: carried
    "",  # its new due date: the next one-on-one
    "Scrap plan for the Allegheny bar",  # Marcus's commitment
    "2026-11-20",  # due: in the past
    "n",  # keep it? no
    "+7",  # due a week after the meeting
    "",  # no more of Marcus's
    "Call the mill with Tom",  # Dana's commitment
    "",  # due: the next one-on-one
    "",  # no more of mine
    "y",  # agreed an indicator change?
    "change",
    "dayton-scrap",
    "2.5",  # target
    "",  # celebrate unchanged
    "",  # course-correct unchanged
    "n",  # another?
    "Thanksgiving week.",  # note
]


def test_record_step_by_step(run, example_journal, terminal):
    indicators = example_journal / "indicators.toml"
    old_indicators = indicators.read_text()
    result = run(
        "one-on-one", "marcus", journal=example_journal, input="\n".join(MARCUS_ANSWERS) + "\n"
    )
    assert result.exit_code == 0, result
    out = result.stdout
    assert out.startswith("One-on-one with Marcus Reyes (Plant manager, Dayton)")
    assert "What's Marcus's plan to get back on track? (Enter for \"no plan yet\")" in out
    assert "No plan yet: it stays on Marcus's agenda until there is one." in out
    assert "The due date 2026-11-20 is in the past (the meeting is on 2026-11-27). Keep it?" in out
    assert out.endswith(
        "Recorded one-on-ones/2026-11-27-marcus.toml\n"
        "done 1: 'Watch scrap on the first production lots of Allegheny bar, all part numbers'\n"
        "carried 2: 'Agree a new date for the Greenville coaching clinic'\n"
        "Added the story to checkins/2026-W48.toml (quality-first)\n"
        "Changed dayton-scrap in indicators.toml from 2026-11-27: target 2% → 2.5%\n"
        "No plan yet for dayton-scrap: it stays on Marcus's agenda until there is one.\n"
    )
    record = tomllib.loads((example_journal / "one-on-ones" / "2026-11-27-marcus.toml").read_text())
    date = dt.date
    assert record == {
        "person": "marcus",
        "date": date(2026, 11, 27),
        "progress": "Scrap jumped with the new bar; the mill says it is in spec.",
        "celebrate": "Marcus caught it in the first lot.",
        "note": "Thanksgiving week.",
        "plans": [{"indicator": "dayton-scrap", "status": "course-correct"}],
        "last_time": [
            {
                "by": "them",
                "text": "Watch scrap on the first production lots of Allegheny bar, "
                "all part numbers",
                "outcome": "done",
            },
            {
                "by": "me",
                "text": "Agree a new date for the Greenville coaching clinic",
                "outcome": "carried",
            },
        ],
        "commitments": [
            {
                "by": "me",
                "text": "Agree a new date for the Greenville coaching clinic",
                "due": date(2026, 12, 11),
                "carried": 2,
            },
            {"by": "them", "text": "Scrap plan for the Allegheny bar", "due": date(2026, 12, 4)},
            {"by": "me", "text": "Call the mill with Tom", "due": date(2026, 12, 11)},
        ],
    }
    added = only_added(old_indicators, indicators.read_text())
    assert added == [
        "",
        "[[indicators.changes]]",
        "since = 2026-11-27",
        "target = 2.5",
        'agreed_with = ["marcus"]',
    ]
    assert run("check", journal=example_journal).exit_code == 0


def test_a_wrong_answer_is_asked_again(run, example_journal, terminal):
    answers = list(MARCUS_ANSWERS)
    answers[6:7] = ["maybe", "d", "1"]  # not an outcome, done or dropped, then done
    answers[2:3] = ["\x1b[31mred", ""]  # a control character cannot be recorded
    result = run("one-on-one", "marcus", journal=example_journal, input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result
    assert "✗ 'maybe' is not one of done, carried, dropped" in result.stdout
    assert "✗ 'd' could be done or dropped: type a little more" in result.stdout
    assert "✗ that cannot be recorded: it holds the control character \\x1b" in result.stdout


def test_the_end_of_input_writes_nothing(run, example_journal, terminal):
    """Like Ctrl-C (the shared prompts' rule): stop, exit 130, nothing written."""
    before = tree_hash(example_journal)
    result = run("one-on-one", "marcus", journal=example_journal, input="y\nProgress.\n")
    assert result.exit_code == 130
    assert "interrupted; nothing was written; the answers typed are not kept" in result.stderr
    assert tree_hash(example_journal) == before


def test_saying_no_to_recording_writes_nothing(run, example_journal, terminal):
    before = tree_hash(example_journal)
    result = run("one-on-one", "marcus", journal=example_journal, input="n\n")
    assert result.exit_code == 0, result
    assert result.stdout.endswith("Nothing was written.\n")
    assert tree_hash(example_journal) == before


def test_flags_with_input_ask_only_what_is_missing(run, example_journal, terminal):
    result = run(
        "one-on-one",
        "marcus",
        "--progress",
        "Fine.",
        "--done",
        "1",
        journal=example_journal,
        input="Quarantine the heat lots.\ndr\n",  # the plan, then commitment 2 dropped
    )
    assert result.exit_code == 0, result
    assert "How is Marcus progressing" not in result.stdout
    assert "1. Marcus: Watch scrap" not in result.stdout  # already marked by --done 1
    record = tomllib.loads((example_journal / "one-on-ones" / "2026-11-27-marcus.toml").read_text())
    assert record["plans"][0]["plan"] == "Quarantine the heat lots."
    assert [f["outcome"] for f in record["last_time"]] == ["done", "dropped"]
    assert "commitments" not in record


def test_an_agreed_indicator_from_the_interview_is_appended(run, example_journal, terminal):
    indicators = example_journal / "indicators.toml"
    old = indicators.read_text()
    answers = [
        *MARCUS_ANSWERS[:17],
        "y",
        "new",
        "bar-first-piece",
        "Allegheny bar first-piece pass rate",
        "%",
        "higher",
        "98",
        "99.5",
        "95",
        "quality-at-scale",
        "n",
        "",
    ]
    result = run("one-on-one", "marcus", journal=example_journal, input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result
    assert "Added indicator bar-first-piece to indicators.toml" in result.stdout
    assert only_added(old, indicators.read_text()) == [
        "",
        "[[indicators]]",
        'id = "bar-first-piece"',
        'name = "Allegheny bar first-piece pass rate"',
        'owner = "marcus"',
        'agreed_with = ["marcus"]',
        "agreed_on = 2026-11-27",
        'serves = ["quality-at-scale"]',
        'unit = "%"',
        'direction = "higher"',
        "target = 98",
        "celebrate = 99.5",
        "course_correct = 95",
    ]
    assert run("check", journal=example_journal).exit_code == 0


def test_a_bad_agreed_indicator_is_explained_and_can_be_retried(run, example_journal, terminal):
    answers = [
        *MARCUS_ANSWERS[:17],
        "y",
        "new",
        "x-rate",
        "X rate",
        "",
        "higher",
        "98",
        "90",
        "95",
        "",  # celebrate < target
        "y",
        "change",
        "dayton-scrap",
        "",
        "",
        "1.0",  # course-correct below target, lower is better
        "n",
        "",
    ]
    before = (example_journal / "indicators.toml").read_text()
    result = run("one-on-one", "marcus", journal=example_journal, input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result
    assert "celebrate (90) is below the target (98), but higher is better" in result.stdout
    assert "course_correct (1) is below the target (2), but lower is better" in result.stdout
    assert "Not recorded; you can try again." in result.stdout
    assert (example_journal / "indicators.toml").read_text() == before


def test_the_file_is_written_atomically(run, example_journal, monkeypatch):
    """No temp file is left and the file is whole (kills mid-write: tests/adversarial)."""
    result = run(*MARCUS_FLAGS, journal=example_journal)
    assert result.exit_code == 0, result
    folder: Path = example_journal / "one-on-ones"
    assert stray_temp_files(folder) == []
    assert (folder / "2026-11-27-marcus.toml").read_text() == MARCUS_RECORD


def test_a_plan_recorded_on_monday_counts_before_fridays_check_in(run, example_journal):
    """W49 has no check-in yet, so W48's course-correct stands; Monday's plan answers it,
    by the same rule the dashboard's "Needs you" uses."""
    monday = {"LEADWORK_TODAY": "2026-11-30"}
    result = run(
        "one-on-one",
        "marcus",
        "--no-input",
        "--plan",
        "dayton-scrap=Quarantine the heat lots.",
        "--done",
        "all",
        journal=example_journal,
        env=monday,
    )
    assert result.exit_code == 0, result
    nxt = ("--date", "2026-12-14")  # the next one-on-one's preparation
    data = json.loads(
        run("one-on-one", "marcus", "-f", "json", *nxt, journal=example_journal, env=monday).stdout
    )
    scrap = data["indicators"][0]
    assert (scrap["week"], scrap["status"], scrap["flagged"]) == (
        "2026-W48",
        "course-correct",
        False,
    )
    assert scrap["plan"] == {
        "date": "2026-11-30",
        "text": "Quarantine the heat lots.",
        "person": "marcus",
    }


def test_the_dashboard_and_the_one_on_one_agree(run, example_journal):
    """ "Needs you" and one-on-one coverage use the same rules as the prep and --due, and
    see what `leadwork one-on-one` records."""

    def needs_you():
        data = json.loads(run("dashboard", "-f", "json", journal=example_journal).stdout)
        return {(n["kind"], n["subject"]) for n in data["needs_you"]}

    def flagged():  # for the next one-on-one: today's stands before the one recorded today
        nxt = ("--date", "2026-12-11")
        prep = run("one-on-one", "marcus", "-f", "json", *nxt, journal=example_journal)
        return json.loads(prep.stdout)["indicators"][0]["flagged"]

    def due():
        data = json.loads(run("one-on-one", "--due", "-f", "json", journal=example_journal).stdout)
        return {d["person"] for d in data["due"] if d["state"] == "overdue"}

    assert ("course-correct-no-plan", "dayton-scrap") in needs_you() and flagged()
    assert ("one-on-one-overdue", "grace") in needs_you() and due() == {"grace"}

    assert run(*MARCUS_FLAGS, journal=example_journal).exit_code == 0  # "no plan yet"
    assert ("course-correct-no-plan", "dayton-scrap") in needs_you() and flagged()

    plan = ("--plan", "dayton-scrap=Quarantine the heat lots.", "--done", "all")
    result = run("one-on-one", "marcus", "--no-input", *plan, journal=example_journal)
    assert result.exit_code == 0, result
    assert ("course-correct-no-plan", "dayton-scrap") not in needs_you() and not flagged()

    result = run("one-on-one", "grace", "--no-input", "--done", "1,2,3", journal=example_journal)
    assert result.exit_code == 0, result
    assert ("one-on-one-overdue", "grace") not in needs_you() and due() == set()


def test_a_plan_on_record_that_stands_is_said_to_be_kept(example_journal, run):
    """The second trial recorded a scripted one-on-one; the plan on record stood, and
    nothing said so."""
    first = run(
        "one-on-one", "marcus", "--no-input", "--progress", "ok", "--done", "1", "--carried",
        "2", "--plan", "dayton-scrap=Second shift audit", journal=example_journal,
        env={"LEADWORK_TODAY": "2026-11-30"},
    )  # fmt: skip
    assert first.exit_code == 0, first
    again = run(
        "one-on-one", "marcus", "--no-input", "--progress", "ok", "--done", "1",
        journal=example_journal, env={"LEADWORK_TODAY": "2026-12-03"},
    )  # fmt: skip
    assert again.exit_code == 0, again
    assert "plan kept for dayton-scrap (from 30 Nov): 'Second shift audit'" in again.stdout


def test_with_a_plan_on_record_the_leader_asks_how_it_goes_not_for_a_new_one(example_journal, run):
    """The agenda sent to the person already asked how the plan goes; the leader's own
    questions asked for a plan again (second trial)."""
    recorded = run(
        "one-on-one", "marcus", "--no-input", "--progress", "ok", "--done", "1,2",
        "--plan", "dayton-scrap=Swap the coolant supplier", journal=example_journal,
    )  # fmt: skip
    assert recorded.exit_code == 0, recorded
    later = {"LEADWORK_TODAY": "2026-12-01", "COLUMNS": "100"}
    prep = run("one-on-one", "marcus", "--prep", journal=example_journal, env=later).stdout
    assert "How is the plan to get back on track going?" in prep
    assert "What's your plan to get back on track?" not in prep
    assert "plan of 2026-11-27: Swap the coolant supplier" in " ".join(prep.split())
