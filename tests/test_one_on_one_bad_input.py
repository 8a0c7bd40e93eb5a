"""Bad input to `leadwork one-on-one`: a clear message, a non-zero exit, no traceback, and
the journal byte for byte as it was."""

import pytest

from conftest import tree_hash


@pytest.fixture
def terminal(monkeypatch):
    """CliRunner's stdin is not a terminal; say it is, so the interview asks."""
    monkeypatch.setattr("leadwork.cli.prompts.stdin_is_terminal", lambda: True)


def refused(run, journal, *args, code=2, input=None):
    before = tree_hash(journal)
    result = run(*args, journal=journal, input=input)
    assert result.exit_code == code, result
    assert result.stdout == "" or input is not None
    assert "Traceback" not in result.output
    assert "internal error" not in result.output
    assert tree_hash(journal) == before, "bad input must leave the journal as it was"
    return result.stderr


def test_an_unknown_person_gets_the_known_ids_and_a_did_you_mean(run, example_journal):
    stderr = refused(run, example_journal, "one-on-one", "marcos")
    assert stderr == (
        "leadwork: error: unknown person 'marcos' (not in team.toml)\n"
        "  = hint: did you mean 'marcus'? known person ids: elena, grace, marcus, priya, tom\n"
    )


def test_an_unknown_person_without_a_close_match(run, example_journal):
    stderr = refused(run, example_journal, "one-on-one", "zed", "--prep")
    assert "unknown person 'zed'" in stderr
    assert "hint: known person ids: elena, grace, marcus, priya, tom" in stderr


def test_a_capitalised_id_is_pointed_at_the_lowercase_one(run, example_journal):
    stderr = refused(run, example_journal, "one-on-one", "Marcus")
    assert "PERSON: 'Marcus' is not a person id" in stderr
    assert "did you mean 'marcus'?" in stderr


@pytest.mark.parametrize(
    ("person", "reason"),
    [
        ("../x", "it holds a path separator, so it could point outside the journal"),
        ("../../etc/passwd", "it holds a path separator"),
        ("/etc", "it holds a path separator"),
        ("..", "it starts with a dot"),
        (".hidden", "it starts with a dot"),
        ("a\\b", "it holds a path separator"),
        ("", "it is empty"),
        ("   ", "it is empty"),
        ("mar\x00cus", "it holds a NUL character"),
        ("mar\x1b[31mcus", "it holds a control character"),
        ("marcus\n", "it holds a control character"),
    ],
)
@pytest.mark.parametrize("mode", [[], ["--prep"], ["--no-input", "--no-plan", "x"]])
def test_an_id_that_could_escape_the_journal_is_refused(run, example_journal, person, reason, mode):
    stderr = refused(run, example_journal, "one-on-one", person, *mode)
    assert reason in stderr
    assert "\x1b" not in stderr and "\x00" not in stderr, "the error must not drive the terminal"


def test_no_person_and_person_with_due(run, example_journal):
    assert "which person?" in refused(run, example_journal, "one-on-one")
    assert "--due lists everyone" in refused(run, example_journal, "one-on-one", "tom", "--due")
    assert "not markdown" in refused(run, example_journal, "one-on-one", "--due", "-f", "markdown")
    for looking in (["--prep"], ["-f", "json"], ["--due"]):
        stderr = refused(run, example_journal, "one-on-one", "marcus", *looking, "--done", "1")
        assert "answers are recorded only without --due, --prep" in stderr


BASE = ("one-on-one", "marcus", "--no-input", "--no-plan", "dayton-scrap", "--done", "1,2")


def test_a_due_date_in_the_past_is_refused_unless_allowed(run, example_journal):
    stderr = refused(run, example_journal, *BASE, "--theirs", "2026-11-20=Scrap plan")
    assert (
        '"Scrap plan": the due date 2026-11-20 is in the past (the meeting is on 2026-11-27)'
        in stderr
    )
    assert '--theirs: "Scrap plan"' in stderr
    assert "or --allow-past-due if you mean it" in stderr
    stderr = refused(run, example_journal, *BASE[:-2], "--done", "1", "--carried", "2=2026-11-01")
    assert "the due date 2026-11-01 is in the past" in stderr
    result = run(
        *BASE, "--theirs", "2026-11-20=Scrap plan", "--allow-past-due", journal=example_journal
    )
    assert result.exit_code == 0, result


def test_past_due_is_questioned_at_the_prompt_too(run, example_journal, terminal):
    answers = ["", "", "", "", "do", "do", "Plan", "2026-11-01", "y", "", "", "n", ""]
    result = run("one-on-one", "marcus", journal=example_journal, input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result
    assert (
        "The due date 2026-11-01 is in the past (the meeting is on 2026-11-27). Keep it? [y/N]"
        in result.stdout
    )
    text = (example_journal / "one-on-ones" / "2026-11-27-marcus.toml").read_text()
    assert "due = 2026-11-01" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--plan", "dayton-scrap"), "--plan 'dayton-scrap' needs the form INDICATOR=PLAN"),
        (("--plan", "dayton-scarp=Fix it"), "unknown indicator 'dayton-scarp'"),
        (("--plan", "dayton-scrap=  "), "the plan for dayton-scrap is empty"),
        (("--plan", "../x=Fix it"), "is not an indicator id: it holds a path separator"),
        (("--no-plan", "nope"), "unknown indicator 'nope'"),
        (
            ("--progress", "ok\x07"),
            "the progress cannot be recorded: it holds the control character \\x07",
        ),
        (("--progress", "x" * 10_001), "it is 10,001 characters long; at most 10,000"),
        (("--done", "3"), "there is no commitment 3 from last time"),
        (("--done", "one"), "--done 'one' is not a commitment number"),
        (("--dropped", "1=2026-12-01"), "only --carried takes a due date"),
        (("--carried", "1=soon"), "'soon' is not a date"),
        (("--story", "quality-first"), "a story needs something to celebrate"),
        (("--celebrate", "Yes", "--story", "quality-frist"), "did you mean 'quality-first'?"),
        (("--theirs", "  "), "a commitment is empty"),
        (("--date", "2026-13-01"), "--date '2026-13-01' is not a date"),
        (("--date", "2026-12-01"), "recorded only once it has happened"),
    ],
)
def test_bad_flags_are_refused(run, example_journal, args, message):
    stderr = refused(
        run, example_journal, "one-on-one", "marcus", "--no-input", "--done", "1", *args
    )
    assert message in stderr


def test_every_problem_is_reported_at_once(run, example_journal):
    stderr = refused(
        run,
        example_journal,
        "one-on-one",
        "marcus",
        "--no-input",
        "--plan",
        "nope=x",
        "--done",
        "9",
        "--progress",
        "\x07",
    )
    assert "unknown indicator 'nope'" in stderr
    assert "there is no commitment 9" in stderr
    assert "control character" in stderr
    assert stderr.rstrip().endswith("\n\n3 errors")  # flags are not a file: no "in 1 file"


def test_marking_a_commitment_twice_is_refused(run, example_journal):
    stderr = refused(run, example_journal, *BASE, "--dropped", "2")
    assert "last time's commitment 2 is marked twice" in stderr


def test_no_earlier_meeting_means_nothing_to_follow_up(run, fresh_journal):
    team = fresh_journal / "team.toml"
    team.write_text(team.read_text() + '\n[[people]]\nid = "ana"\nname = "Ana Ruiz"\n')
    stderr = refused(run, fresh_journal, "one-on-one", "ana", "--no-input", "--done", "1")
    assert "there is no commitment 1 to follow up: no earlier one-on-one" in stderr


def test_a_meeting_before_one_already_recorded_is_refused(run, example_journal):
    stderr = refused(run, example_journal, *BASE, "--date", "2026-11-10", code=2)
    assert (
        "a later one-on-one with marcus is already recorded (one-on-ones/2026-11-16-marcus.toml)"
        in stderr
    )


def test_an_invalid_team_file_is_reported_with_its_line(run, example_journal):
    team = example_journal / "team.toml"
    team.write_text(team.read_text().replace("cadence_days = 14", 'cadence_days = "14"', 1))
    stderr = refused(run, example_journal, "one-on-one", "marcus", "--prep", code=1)
    assert "team.toml:" in stderr and "should be a whole number" in stderr
