"""`leadwork checkin` from flags: what it writes, what it says, and what it refuses."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import tree_hash

W48 = "checkins/2026-W48.toml"
W49 = "checkins/2026-W49.toml"
NEXT_WEEK = {"LEADWORK_TODAY": "2026-12-04"}  # a Friday in 2026-W49, after the example ends


def checkin(run, journal, *args, env=None):
    result = run("checkin", "--no-input", *args, journal=journal, env=env)
    assert "Traceback" not in result.output
    return result


# ---- a new week --------------------------------------------------------------------------


def test_a_new_week_from_flags_is_written_like_the_example(example_journal, run):
    result = checkin(
        run,
        example_journal,
        "-r",
        "dayton-scrap=2.9",
        "--reading",
        "greenville-changeover=36",
        "--hours",
        "alignment=9",
        "--hours",
        "someone-elses-job=4",
        "--confidence",
        "alignment=4",
        "--done",
        "2",
        "--carried",
        "1",
        "--dropped",
        "Book Grace",
        "-c",
        "Visit Grace in Minneapolis",
        "--story",
        "Keisha ran the layered audit herself",
        "--story-who",
        "priya",
        "--story-choice",
        "build-bench",
        "--conversation",
        "Wants a second source for manifolds",
        "--conversation-with",
        "customer",
        "--conversation-who",
        "Halvorsen",
        "--refresh",
        "--confident",
        "Alignment",
        "--challenge",
        "Time",
        env=NEXT_WEEK,
    )
    assert result.exit_code == 0, result
    assert (example_journal / W49).read_text() == (
        "#:schema ../.leadwork/schema/checkin.json\n"
        "# Check-in for 2026-W49 (30 Nov \u2013 6 Dec 2026)\n"
        "\n"
        'week = "2026-W49"\n'
        "\n"
        "[readings]\n"
        "dayton-scrap = 2.9\n"
        "greenville-changeover = 36\n"
        "\n"
        "[hours]\n"
        "alignment = 9\n"
        "someone_elses_job = 4\n"
        "\n"
        "[confidence]\n"
        "alignment = 4\n"
        "\n"
        "[reflection]\n"
        'confident = "Alignment"\n'
        'challenge = "Time"\n'
        "\n"
        "[[last_week]]\n"
        'text = "Agree a new date and agenda for the Greenville coaching clinic with Marcus '
        'and Priya"\n'
        'outcome = "carried"\n'
        "\n"
        "[[last_week]]\n"
        'text = "Ask Marcus for his plan on Dayton scrap at Monday\'s one-on-one"\n'
        'outcome = "done"\n'
        "\n"
        "[[last_week]]\n"
        'text = "Book Grace\'s one-on-one in Minneapolis for the first week of December"\n'
        'outcome = "dropped"\n'
        "\n"
        "[[commitments]]\n"
        'text = "Agree a new date and agenda for the Greenville coaching clinic with Marcus '
        'and Priya"\n'
        "carried = 4\n"
        "\n"
        "[[commitments]]\n"
        'text = "Visit Grace in Minneapolis"\n'
        "\n"
        "[[stories]]\n"
        'text = "Keisha ran the layered audit herself"\n'
        'who = "priya"\n'
        'choice = "build-bench"\n'
        "\n"
        "[[conversations]]\n"
        'with = "customer"\n'
        'who = "Halvorsen"\n'
        'text = "Wants a second source for manifolds"\n'
        "refresh = true\n"
    )
    assert result.stdout == (
        "Recorded 2026-W49 (30 Nov \u2013 6 Dec 2026) in checkins/2026-W49.toml.\n"
        "  readings       dayton-scrap           2.9%    at risk\n"
        "                 greenville-changeover  36 min  on track\n"
        "  hours          alignment 9 · someone else's job 4\n"
        "                 13 hours in all. 31% went to someone else's job (more than your 20%).\n"
        "  confidence     alignment 4\n"
        "  reflection     confident  “Alignment”\n"
        "                 challenge  “Time”\n"
        "  last week's    Agree a new date and agenda for the Greenville…  carried\n"
        "                 Ask Marcus for his plan on Dayton scrap at…      done\n"
        "                 Book Grace's one-on-one in Minneapolis for the…  dropped\n"
        "  commitments    Agree a new date and agenda for the Greenville…  carried over (4 "
        "times)\n"
        "                 Visit Grace in Minneapolis                       new\n"
        "  stories        Keisha ran the layered audit herself  priya · build-bench\n"
        "  conversations  Wants a second source for manifolds  customer · Halvorsen · strategy "
        "refresh?\n"
        "Last week's commitments: 1 of 3 done (33%).\n"
        "Carried 4 times: “Agree a new date and agenda for the Greenville…”. Do it, delegate it "
        "or drop it.\n"
    )
    assert run("check", journal=example_journal).exit_code == 0


def test_no_answers_writes_nothing(example_journal, run):
    before = tree_hash(example_journal)
    result = checkin(run, example_journal, env=NEXT_WEEK)
    assert result.exit_code == 0, result
    assert result.stdout.startswith(
        "Nothing to record for 2026-W49 (30 Nov \u2013 6 Dec 2026): no answers were given.\n"
    )
    assert "3 without an outcome yet" in result.stdout
    assert tree_hash(example_journal) == before


def test_week_53_is_a_real_week(example_journal, run):
    new_year = {"LEADWORK_TODAY": "2027-01-01"}  # a Friday in 2026-W53
    result = checkin(
        run, example_journal, "--week", "2026-W53", "-r", "dayton-otd=97", env=new_year
    )
    assert result.exit_code == 0, result
    text = (example_journal / "checkins/2026-W53.toml").read_text()
    assert text.startswith(
        "#:schema ../.leadwork/schema/checkin.json\n"
        "# Check-in for 2026-W53 (28 Dec 2026 \u2013 3 Jan 2027)\n"
    )
    # ...and it is also the default week on that day
    result = checkin(run, example_journal, "-r", "dayton-otd=97.5", env=new_year)
    assert "Amended 2026-W53" in result.stdout


def test_a_past_week_can_be_recorded(example_journal, run):
    result = checkin(run, example_journal, "--week", "2026-W20", "-r", "dayton-otd=97")
    assert result.exit_code == 0, result
    assert (example_journal / "checkins/2026-W20.toml").is_file()


# ---- amending ----------------------------------------------------------------------------


def test_amending_keeps_comments_and_every_untouched_line(example_journal, run):
    path = example_journal / W48
    original = path.read_text()
    edited = (
        original.replace("dayton-scrap = 3.6\n", "dayton-scrap = 3.6  # new 4140 bar\n")
        .replace("[hours]\n", "# Short week: Thanksgiving.\n[hours]\n")
        .replace("[[stories]]\n", "# The one story that mattered.\n[[stories]]\n")
    )
    path.write_text(edited)
    result = checkin(
        run,
        example_journal,
        "-r",
        "dayton-scrap=3.1",
        "--hours",
        "other=8",
        "--confidence",
        "capability=4",
        "--note",
        "Short week.",
        "-c",
        "Call Grace",
    )
    assert result.exit_code == 0, result
    expected = (
        edited.replace("dayton-scrap = 3.6  #", "dayton-scrap = 3.1  #")
        .replace("other = 6\n", "other = 8\n")
        .replace("capability = 3\naccountability = 3\n", "capability = 4\naccountability = 3\n")
        .replace(
            'note = "Short week, Thanksgiving. Strategy refresh booked for 8 Dec at Dayton. '
            'Scrap stays with Marcus; I ask for his plan on Monday."',
            'note = "Short week."',
        )
        .replace(
            'for the first week of December"\n\n# The one story',
            'for the first week of December"\n\n[[commitments]]\ntext = "Call Grace"\n\n'
            "# The one story",
        )
    )
    assert path.read_text() == expected
    assert result.stdout.startswith(
        "Amended 2026-W48 (23\u201329 Nov 2026) in checkins/2026-W48.toml.\n"
        "  readings     dayton-scrap  3.6% → 3.1%  course-correct\n"
        "  hours        other 6 → 8\n"
        "               34 hours in all. 9% went to someone else's job.\n"
        "  confidence   capability 3 → 4\n"
        "  reflection   note  “Short week, Thanksgiving. Strategy refresh…” → “Short "
        "week.”\n"
        "  commitments  Call Grace  new\n"
        "Last week's commitments: 1 of 2 done (50%).\n"
    )


def test_the_same_answers_twice_change_nothing(example_journal, run):
    args = ("-r", "dayton-scrap=3.6", "--hours", "other=6", "--story", "Once", "-c", "Once")
    first = checkin(run, example_journal, *args)
    assert first.exit_code == 0
    after_first = (example_journal / W48).read_bytes()
    second = checkin(run, example_journal, *args)
    assert second.exit_code == 0
    assert (example_journal / W48).read_bytes() == after_first
    assert second.stdout.startswith(
        "Nothing changed in checkins/2026-W48.toml: every answer was already there.\n"
    )
    assert "the story 'Once' was already recorded" in second.stdout


def test_a_story_captured_during_the_week_keeps_its_place(example_journal, run):
    run("story", "Marcus fixed it", "--who", "marcus", journal=example_journal, env=NEXT_WEEK)
    result = checkin(
        run, example_journal, "-r", "dayton-otd=97", "--hours", "other=5", env=NEXT_WEEK
    )
    assert result.exit_code == 0, result
    assert (example_journal / W49).read_text() == (
        "#:schema ../.leadwork/schema/checkin.json\n"
        "# Check-in for 2026-W49 (30 Nov \u2013 6 Dec 2026)\n"
        "\n"
        'week = "2026-W49"\n'
        "\n"
        "[readings]\n"
        "dayton-otd = 97\n"
        "\n"
        "[hours]\n"
        "other = 5\n"
        "\n"
        "[[stories]]\n"
        'text = "Marcus fixed it"\n'
        'who = "marcus"\n'
    )


# ---- the commitments loop ----------------------------------------------------------------


def test_commitments_come_back_and_carry_their_count(example_journal, run):
    week49 = checkin(run, example_journal, "--carried", "1", "--done", "2", env=NEXT_WEEK)
    assert "Last week's commitments: 1 of 2 done (50%); 1 without an outcome yet." in (
        week49.stdout
    )
    # W50 is a holiday week; W51 follows up W49's commitments.
    week51 = {"LEADWORK_TODAY": "2026-12-18"}
    result = checkin(run, example_journal, "--carried", "Agree a new date", env=week51)
    assert result.exit_code == 0, result
    text = (example_journal / "checkins/2026-W51.toml").read_text()
    assert (
        "[[last_week]]\n"
        'text = "Agree a new date and agenda for the Greenville coaching clinic with Marcus '
        'and Priya"\n'
        'outcome = "carried"\n'
    ) in text
    assert "carried = 5\n" in text
    # W48's third commitment, which W49 left without an outcome, is still open; they are
    # W49's commitments, not last week's (seventh trial, B4), and W48's is named by its
    # week, not counted under W49's (trial 21).
    assert (
        "2026-W49's commitments: 0 of 1 done (0%); 1 open from 2026-W48 without an outcome yet."
    ) in " ".join(result.stdout.split())
    assert "Carried 5 times" in result.stdout


def test_changing_an_outcome_is_shown_and_the_carried_copy_taken_out(example_journal, run):
    """tests/test_carried_copy_taken_back.py has the rest of this rule (trial 16)."""
    checkin(run, example_journal, "--carried", "1", env=NEXT_WEEK)
    result = checkin(run, example_journal, "--done", "1", env=NEXT_WEEK)
    assert "Agree a new date and agenda for the Greenville…  carried → done\n" in result.stdout
    assert "carried copy taken out of this week's commitments" in " ".join(result.stdout.split())
    assert "carried = 4" not in (example_journal / W49).read_text()
    assert "Last week's commitments: 1 of 1 done (100%); 2 without an outcome yet." in (
        result.stdout
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--done", "9"), "'9' is not one of last week's commitments"),
        (("--done", "A"), "'A' matches several of last week's commitments"),
        (("--done", "1", "--dropped", "1"), "is given two outcomes: done and dropped"),
    ],
)
def test_follow_ups_name_a_real_commitment(example_journal, run, args, message):
    before = tree_hash(example_journal)
    result = checkin(run, example_journal, *args, env=NEXT_WEEK)
    assert result.exit_code == 2
    assert message in result.stderr
    assert tree_hash(example_journal) == before


def test_the_first_week_has_nothing_to_follow_up(fresh_journal, run):
    result = checkin(run, fresh_journal, "--done", "1")
    assert result.exit_code == 2
    assert "--done: '1': there is no earlier check-in, so no commitment to follow up" in (
        result.stderr
    )
    assert "[[commitments]]" not in result.stderr


def test_a_first_check_in_after_a_capture_says_there_is_no_earlier_check_in(fresh_journal, run):
    """Fifth trial (r7): a story captured on Wednesday made the week's file; Friday's first
    check-in with --done was told "the previous check-in has no [[commitments]]"."""
    tuesday, friday = {"LEADWORK_TODAY": "2026-09-16"}, {"LEADWORK_TODAY": "2026-09-18"}
    assert (
        run("story", "Raj quoted a downtime kit", journal=fresh_journal, env=tuesday).exit_code == 0
    )
    before = tree_hash(fresh_journal)
    result = checkin(run, fresh_journal, "--done", "1", env=friday)
    assert result.exit_code == 2
    assert (
        "error: --done: '1': there is no earlier check-in, so no commitment to follow up\n"
        "  = hint: this is the first check-in; the next one follows up the commitments it makes"
    ) in result.stderr
    assert tree_hash(fresh_journal) == before


def test_nothing_open_says_why(fresh_journal, run):
    w37, w38, w39 = ({"LEADWORK_TODAY": day} for day in ("2026-09-11", "2026-09-18", "2026-09-25"))
    made = checkin(run, fresh_journal, "--hours", "alignment=6", env=w37)
    assert (
        made.exit_code == 0 and (fresh_journal / "checkins/2026-W37.toml").is_file()
    )  # no commitment
    result = checkin(run, fresh_journal, "--dropped", "1", env=w38)
    assert result.exit_code == 2
    assert "--dropped: '1': no earlier check-in made commitments, so none to follow up" in (
        result.stderr
    )
    assert checkin(run, fresh_journal, "-c", "Call Raj", env=w38).exit_code == 0
    assert checkin(run, fresh_journal, "--done", "1", env=w39).exit_code == 0
    w40 = {"LEADWORK_TODAY": "2026-10-02"}
    result = checkin(run, fresh_journal, "--done", "1", env=w40)
    assert result.exit_code == 2
    # W39 gave W38's its outcome and made none: W40 follows up W39 (`follow_up_source`)
    assert "'1': every commitment made up to 2026-W39 has an outcome already" in result.stderr


# ---- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message", "hint"),
    [
        (
            ("-r", "dayton-scarp=3"),
            "unknown indicator 'dayton-scarp'",
            "did you mean 'dayton-scrap'? known indicator ids: castings-otd, dayton-otd, "
            "dayton-scrap, discovery-meetings, first-pass-yield, greenville-changeover, "
            "greenville-otd, medical-quote-days",
        ),
        (("-r", "dayton-scrap=abc"), "--reading: 'dayton-scrap=abc': 'abc' is not a number", None),
        (("-r", "dayton-scrap=nan"), "is not a finite number", None),
        (("-r", "dayton-scrap=1" + "0" * 30), "is too large a number", None),
        (
            ("-r", "dayton-scrap"),
            "--reading: 'dayton-scrap' is not INDICATOR=VALUE",
            "dayton-scrap=3.1",
        ),
        (("--hours", "other=-1"), "-1 hours is below 0", None),
        (("--hours", "other=169"), "169 hours is more than the 168 in a week", None),
        (
            ("--hours", "alignment=100", "--hours", "other=70"),
            "the hours add up to 170, more than the 168 in a week",
            "alignment 100, other 70",
        ),
        (("--hours", "lunch=3"), "unknown time-audit area 'lunch'", None),
        (
            ("--hours", "someone=3"),
            "known: alignment, capability, accountability, someone-elses-job",
            None,
        ),
        (("--hours", "other=3", "--hours", "other=4"), "--hours: other is given twice", None),
        (
            ("-r", "dayton-scrap=3", "-r", "dayton-scrap=4"),
            "--reading: dayton-scrap is given twice",
            None,
        ),
        (
            ("--confidence", "capability=3", "--confidence", "capability=4"),
            "--confidence: capability is given twice",
            None,
        ),
        (("--confidence", "alignment=6"), "a whole number from 1 to 5, not '6'", None),
        (("--confidence", "alignment=0"), "a whole number from 1 to 5, not '0'", None),
        (("--confidence", "alignment=3.5"), "a whole number from 1 to 5, not '3.5'", None),
        (("--confidence", "alinement=3"), "did you mean 'alignment'?", None),
        (("--week", "2026-W54"), "--week: 2026-W54: 2026 has only 53 ISO weeks", None),
        (("--week", "2027-W53"), "--week: 2027-W53: 2027 has only 52 ISO weeks", None),
        (("--week", "2026-48"), "is not a week; write it as YYYY-Www", None),
        (
            ("--week", "2026-W50"),
            "--week: 2026-W50 has not started yet (today is 2026-12-04, in 2026-W49)",
            "by default, this week",
        ),
        (
            ("--story", "x", "--story-choice", "grow-medicl"),
            "unknown strategic choice 'grow-medicl'",
            "did you mean 'grow-medical'?",
        ),
        (("--story-who", "priya"), "--story-who: describes a story, and no story is given", None),
        (
            ("--conversation", "x"),
            "--conversation-with: a conversation needs the kind of stakeholder it was with",
            "the kinds are customer",
        ),
        (
            ("--conversation", "x", "--conversation-with", "custmer"),
            "unknown kind of conversation 'custmer'",
            None,
        ),
        (("--refresh",), "--refresh: describes a conversation, and no conversation is given", None),
        (("-c", "  "), "--commitment: '  ': the text is empty", None),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(example_journal, run, args, message, hint):
    before = tree_hash(example_journal)
    result = checkin(run, example_journal, "-r", "dayton-otd=97", *args, env=NEXT_WEEK)
    assert result.exit_code == 2, result
    assert message in result.stderr
    if hint:
        assert hint in result.stderr
    assert tree_hash(example_journal) == before


def test_at_80_columns_the_summary_wraps_inside_its_columns(example_journal, run):
    """A pipe gets 80 columns: an area's label and its hours stay on one line, and what
    wraps continues under its own column, never at the left edge."""
    result = checkin(
        run,
        example_journal,
        *("--hours", "alignment=8", "--hours", "capability=6", "--hours", "accountability=12"),
        *("--hours", "someone-elses-job=12", "--hours", "other=4"),
        *("--confidence", "alignment=4", "--confidence", "capability=3"),
        *("-r", "dayton-scrap=2.9", "--done", "1", "--carried", "2", "--dropped", "Book Grace"),
        *("--story", "Keisha ran the layered audit herself, with the second shift watching"),
        *("--story-who", "priya", "--story-choice", "build-bench"),
        env={**NEXT_WEEK, "COLUMNS": "80"},
    )
    assert result.exit_code == 0, result
    assert result.stdout == (
        "Recorded 2026-W49 (30 Nov \u2013 6 Dec 2026) in checkins/2026-W49.toml.\n"
        "  readings     dayton-scrap  2.9%  at risk\n"
        "  hours        alignment 8 · capability 6 · accountability 12\n"
        "               someone else's job 12 · other 4\n"
        "               42 hours in all. 29% went to someone else's job (more than your\n"
        "               20%).\n"
        "  confidence   alignment 4 · capability 3\n"
        "  last week's  Agree a new date and agenda for the Greenville…  done\n"
        "               Ask Marcus for his plan on Dayton scrap at…      carried\n"
        "               Book Grace's one-on-one in Minneapolis for the…  dropped\n"
        "  commitments  Ask Marcus for his plan on Dayton scrap     carried over (1 time)\n"
        "               at…\n"
        "  stories      Keisha ran the layered audit herself, with    priya · build-bench\n"
        "               the…\n"
        "Last week's commitments: 1 of 3 done (33%).\n"
    )


def test_hours_over_the_week_count_the_hours_already_in_the_file(example_journal, run):
    before = tree_hash(example_journal)
    result = checkin(run, example_journal, "--hours", "other=150")  # 26 more are in the file
    assert result.exit_code == 2
    assert "the hours add up to 176, more than the 168 in a week" in result.stderr
    assert tree_hash(example_journal) == before


def test_a_broken_week_file_is_reported_not_overwritten(example_journal, run, monkeypatch):
    monkeypatch.chdir(example_journal)
    path = example_journal / W48
    path.write_text(path.read_text().replace("dayton-otd = 96.4", 'dayton-otd = "96.4"'))
    before = tree_hash(example_journal)
    result = checkin(run, example_journal, "-r", "greenville-otd=98")
    assert result.exit_code == 1
    assert "checkins/2026-W48.toml:8:1: error: 'dayton-otd' should be a number" in result.stderr
    assert tree_hash(example_journal) == before


# ---- for scripts ---------------------------------------------------------------------------


def test_json_summary(example_journal, run):
    result = run("checkin", "-r", "dayton-scrap=3.1", "--format", "json", journal=example_journal)
    assert result.exit_code == 0, result
    assert json.loads(result.stdout) == {
        "week": "2026-W48",
        "file": "checkins/2026-W48.toml",
        "outcome": "amended",
        "changes": [{"section": "readings", "key": "dayton-scrap", "old": 3.6, "new": 3.1}],
        "last_week": {
            "done": 1,
            "carried": 1,
            "dropped": 0,
            "done_rate": 0.5,
            "without_outcome": [],
            "without_outcome_from": [],
            "unmatched": 0,
            "from_week": "2026-W47",
        },
        "notes": [],
        "earlier": [],
        "unchanged": [],
        "git": None,
    }


def test_a_reading_flag_may_carry_its_unit(example_journal, run):
    result = run("checkin", "-r", "greenville-otd=97.1%", journal=example_journal)
    assert result.exit_code == 0, result
    text = (example_journal / "checkins" / "2026-W48.toml").read_text()
    assert "greenville-otd = 97.1\n" in text
    wrong = run("checkin", "-r", "greenville-otd=97.1min", journal=example_journal)
    assert wrong.exit_code == 2
    assert "'97.1min' is not a number" in wrong.stderr


def test_without_a_terminal_it_never_asks(example_journal, run):
    # CliRunner's stdin is not a terminal: no --no-input needed, and typed text is ignored.
    result = run("checkin", "-r", "dayton-scrap=3.1", journal=example_journal, input="9\n9\n9\n")
    assert result.exit_code == 0, result
    assert ": " not in result.stdout.splitlines()[0]
    assert "Indicator readings" not in result.stdout
    assert "Amended 2026-W48" in result.stdout
    # ... and it says so, or piped answers would look recorded.
    said = " ".join(result.stdout.split())
    assert "stdin is not a terminal, so nothing was asked: only the flags given" in said
    quiet = run("checkin", "--no-input", "-r", "dayton-scrap=3.2", journal=example_journal)
    assert "stdin is not a terminal" not in quiet.stdout  # --no-input asked for exactly that


def test_an_unfinished_draft_is_mentioned_and_kept(example_journal, run):
    draft = example_journal / ".drafts" / "2026-W48.toml"
    draft.parent.mkdir()
    draft.write_text('week = "2026-W48"\nanswered = []\n')
    result = checkin(run, example_journal, "-r", "dayton-scrap=3.1")
    assert (
        "An unfinished check-in for 2026-W48 is kept in .drafts/2026-W48.toml; run "
        "`leadwork checkin --week 2026-W48` at a terminal to resume it."
    ) in " ".join(result.stdout.split())
    assert draft.is_file()


LEADWORK = Path(sys.executable).with_name("leadwork")
PROBE = """
import sys
sys.argv = ["leadwork", *{args!r}]
try:
    from leadwork.cli import main
    main()
except SystemExit:
    pass
print("TOMLKIT=" + str("tomlkit" in sys.modules), file=sys.stderr)
"""


def test_a_new_week_without_input_does_not_load_tomlkit(example_journal):
    args = ["--journal", str(example_journal), "checkin", "--no-input", "-r", "dayton-otd=97"]
    env = {"LEADWORK_TODAY": "2026-12-04", "NO_COLOR": "1", "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=args)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert "Recorded 2026-W49" in result.stdout, result.stderr
    assert result.stderr.strip().endswith("TOMLKIT=False")


def test_the_installed_command_reads_a_pipe_without_asking(example_journal):
    result = subprocess.run(
        [str(LEADWORK), "--journal", str(example_journal), "checkin", "-r", "dayton-otd=97"],
        input="5\n",
        capture_output=True,
        text=True,
        env={"LEADWORK_TODAY": "2026-12-04", "NO_COLOR": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Recorded 2026-W49")
    assert "value" not in result.stdout


@pytest.mark.parametrize("command", ["checkin", "story", "conversation"])
def test_help_does_not_load_rich_or_the_writers(command):
    probe = """
import sys
sys.argv = ["leadwork", {command!r}, "--help"]
try:
    from leadwork.cli import main
    main()
except SystemExit:
    pass
print("HEAVY=" + ",".join(m for m in ("rich", "tomlkit", "tomli_w") if m in sys.modules))
"""
    result = subprocess.run(
        [sys.executable, "-c", probe.format(command=command)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Usage: leadwork" in result.stdout
    assert result.stdout.strip().endswith("HEAVY=")


# ---- the share of someone else's job, stated by a scripted check-in ------------------------


def test_a_scripted_check_in_states_the_share_over_the_warning(example_journal, run):
    """The trial's finding: `--hours` recorded 24% on someone else's job, over the 20%
    warning, and the summary said nothing of it while the dashboard flagged it."""
    result = checkin(
        run, example_journal,
        "--hours", "alignment=10", "--hours", "capability=8", "--hours", "accountability=10",
        "--hours", "someone-elses-job=12", "--hours", "other=10",
        env=NEXT_WEEK,
    )  # fmt: skip
    assert result.exit_code == 0, result
    assert result.stdout == (
        "Recorded 2026-W49 (30 Nov \u2013 6 Dec 2026) in checkins/2026-W49.toml.\n"
        "  hours  alignment 10 · capability 8 · accountability 10 · someone else's job 12 · "
        "other 10\n"
        "         50 hours in all. 24% went to someone else's job (more than your 20%).\n"
        "Last week's commitments: 3 without an outcome yet.\n"
    )
    board = run("dashboard", "-f", "json", journal=example_journal, env=NEXT_WEEK)
    board = json.loads(board.stdout)
    assert board["your_work"]["hours"]["over_warning"] is True


def test_a_scripted_check_in_states_a_share_under_the_warning_plainly(example_journal, run):
    result = checkin(
        run, example_journal, "--hours", "alignment=30", "--hours", "someone-elses-job=5",
        env=NEXT_WEEK,
    )  # fmt: skip
    assert result.exit_code == 0, result
    assert "         35 hours in all. 14% went to someone else's job.\n" in result.stdout
    assert "more than your" not in result.stdout
    # without hours in the run, no word of them
    again = checkin(run, example_journal, "--confidence", "alignment=4", env=NEXT_WEEK)
    assert again.exit_code == 0, again
    assert "hours in all" not in again.stdout


# ---- a key added to [hours] later goes in the model's order -------------------------------


def test_hours_given_later_go_in_the_models_order(example_journal, run):
    """The trial's finding: `--hours alignment=...` given after `other` was appended below
    it. A new key goes above the first key that comes after it in the model's order."""
    path = example_journal / W49
    assert checkin(run, example_journal, "--hours", "other=10", env=NEXT_WEEK).exit_code == 0
    later = checkin(
        run, example_journal, "--hours", "someone-elses-job=2", "--hours", "alignment=8",
        env=NEXT_WEEK,
    )  # fmt: skip
    assert later.exit_code == 0, later
    text = path.read_text()
    assert "[hours]\nalignment = 8\nsomeone_elses_job = 2\nother = 10\n" in text
    again = checkin(run, example_journal, "--hours", "accountability=4", env=NEXT_WEEK)
    assert again.exit_code == 0, again
    assert path.read_text() == text.replace(
        "alignment = 8\n", "alignment = 8\naccountability = 4\n"
    )


def test_a_new_hours_key_keeps_the_persons_order_and_comments(example_journal, run):
    path = example_journal / W49
    path.write_text(
        'week = "2026-W49"\n\n[hours]\nother = 10 # email\n\n# the plant, again\n'
        "someone_elses_job = 6\n\n# ends the hours\n[confidence]\ncapability = 3\n"
    )
    result = checkin(
        run, example_journal, "--hours", "capability=5", "--hours", "accountability=7",
        "--confidence", "alignment=4", "--confidence", "accountability=2",
        env=NEXT_WEEK,
    )  # fmt: skip
    assert result.exit_code == 0, result
    # the person's `other` above `someone_elses_job` stays so; each new key goes above the
    # first key after it in the model's order (`other`, here), the comments stay with theirs
    assert path.read_text() == (
        'week = "2026-W49"\n\n[hours]\ncapability = 5\naccountability = 7\nother = 10 # email\n'
        "\n# the plant, again\nsomeone_elses_job = 6\n\n# ends the hours\n[confidence]\n"
        "alignment = 4\ncapability = 3\naccountability = 2\n"
    )


def test_a_new_hours_key_goes_above_the_comment_over_the_key_after_it(example_journal, run):
    path = example_journal / W49
    path.write_text('week = "2026-W49"\n\n[hours]\nalignment = 1\n\n# admin\nother = 3\n')
    result = checkin(run, example_journal, "--hours", "someone-elses-job=2", env=NEXT_WEEK)
    assert result.exit_code == 0, result
    assert path.read_text() == (
        'week = "2026-W49"\n\n[hours]\nalignment = 1\nsomeone_elses_job = 2\n\n# admin\nother = 3\n'
    )


@pytest.mark.parametrize(
    "args",
    [
        ("checkin", "--no-input", "-r", "dayton-scrap=3.1"),
        ("story", "Keisha ran her first huddle"),
        ("conversation", "They want it sooner", "--with", "customer"),
    ],
)
def test_a_writer_that_amends_a_week_holding_a_hand_made_typo_says_so(example_journal, run, args):
    """The week keeps the person's typo (never silently normalised) and the writer warns
    that the file it saved has problems, as every view does (second trial: `checkin`
    amended the week and said nothing)."""
    week = example_journal / "checkins" / "2026-W48.toml"
    week.write_text(week.read_text().replace("[readings]\n", "[readings]\nincidnets = 5\n", 1))
    result = run(*args, journal=example_journal)
    assert result.exit_code == 0, result
    assert "incidnets = 5" in week.read_text()
    assert "checkins/2026-W48.toml has problems" in result.stderr, result.stderr
    assert "saved all the same" in result.stderr


def test_a_check_in_records_plans_only_for_the_indicators_you_own(example_journal, run):
    """Someone else's plan is agreed in their one-on-one (docs/cli.md, `--plan`): a check-in
    that took it put 'your own plan' in the report (fourth trial)."""
    before = tree_hash(example_journal)
    result = run("checkin", "--no-input", "--plan", "dayton-scrap=keep it", journal=example_journal)
    assert result.exit_code == 2, result
    assert "--plan: dayton-scrap is owned by marcus" in result.stderr
    assert "leadwork one-on-one marcus --plan dayton-scrap=" in result.stderr
    assert tree_hash(example_journal) == before
    # an indicator with no owner yet ("Mine for now") is the leader's to plan, as before
    mine = run(
        "checkin", "--no-input", "--plan", "overtime-hours=Cut Saturdays", journal=example_journal
    )
    assert mine.exit_code == 0, mine
    assert "None" not in mine.stdout + mine.stderr
