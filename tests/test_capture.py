"""Quick capture: `leadwork story` and `leadwork conversation` add one entry to the week's
check-in and leave every other byte of the file as it was."""

import pytest

from conftest import tree_hash

W47 = "checkins/2026-W47.toml"
W48 = "checkins/2026-W48.toml"
W49 = "checkins/2026-W49.toml"
NEXT_WEEK = {"LEADWORK_TODAY": "2026-12-04"}  # 2026-W49, which has no file yet


def test_a_story_is_appended_and_nothing_else_moves(example_journal, run):
    path = example_journal / W48
    before = path.read_text()
    result = run(
        "story",
        "Keisha ran the layered audit herself",
        "--who",
        "priya",
        "--choice",
        "build-bench",
        journal=example_journal,
    )
    assert result.exit_code == 0, result
    assert result.stdout == "Added a story to checkins/2026-W48.toml: 2 stories in 2026-W48.\n"
    assert path.read_text() == before + (
        '\n[[stories]]\ntext = "Keisha ran the layered audit herself"\nwho = "priya"\n'
        'choice = "build-bench"\n'
    )


def test_a_story_goes_after_the_other_stories_not_at_the_end(example_journal, run):
    path = example_journal / W47
    before = path.read_text()
    result = run("story", "Elena", "coached", "a", "supervisor", "--week", "2026-W47",
                 journal=example_journal)  # fmt: skip
    assert result.exit_code == 0, result
    at = before.index("[[conversations]]")
    assert path.read_text() == (
        before[:at] + '[[stories]]\ntext = "Elena coached a supervisor"\n\n' + before[at:]
    )


def test_a_conversation_is_appended(example_journal, run):
    path = example_journal / W48
    before = path.read_text()
    result = run(
        "conversation",
        "Lead times on 4140 bar are back to six weeks",
        "--with",
        "supplier",
        "--who",
        "Castwell (Rachel Kim)",
        "--refresh",
        journal=example_journal,
    )
    assert result.exit_code == 0, result
    assert result.stdout == (
        "Added a conversation to checkins/2026-W48.toml: 1 conversation in 2026-W48.\n"
    )
    assert path.read_text() == before + (
        '\n[[conversations]]\nwith = "supplier"\nwho = "Castwell (Rachel Kim)"\n'
        'text = "Lead times on 4140 bar are back to six weeks"\nrefresh = true\n'
    )


def test_capture_makes_the_week_file_if_missing(example_journal, run):
    result = run(
        "conversation", "Wants a US second source", "--with", "customer",
        journal=example_journal, env=NEXT_WEEK,
    )  # fmt: skip
    assert result.exit_code == 0, result
    assert "(a new file)" in result.stdout
    assert (example_journal / W49).read_text() == (
        "#:schema ../.leadwork/schema/checkin.json\n"
        "# Check-in for 2026-W49 (30 Nov \u2013 6 Dec 2026)\n"
        "\n"
        'week = "2026-W49"\n'
        "\n"
        "[[conversations]]\n"
        'with = "customer"\n'
        'text = "Wants a US second source"\n'
    )
    assert run("check", journal=example_journal).exit_code == 0


def test_the_same_story_twice_is_kept_once(example_journal, run):
    args = ("story", "Greenville shipped on time", "--who", "priya")
    run(*args, journal=example_journal)
    before = tree_hash(example_journal)
    result = run(*args, journal=example_journal)
    assert result.exit_code == 0
    assert result.stdout == "That story is already in checkins/2026-W48.toml: nothing changed.\n"
    assert tree_hash(example_journal) == before


def test_windows_line_endings_and_a_bom_are_kept(example_journal, run):
    path = example_journal / W48
    original = path.read_text()
    path.write_bytes(b"\xef\xbb\xbf" + original.replace("\n", "\r\n").encode())
    assert run("story", "It works", journal=example_journal).exit_code == 0
    expected = original + '\n[[stories]]\ntext = "It works"\n'
    assert path.read_bytes() == b"\xef\xbb\xbf" + expected.replace("\n", "\r\n").encode()


def test_purpose_is_a_choice_too(example_journal, run):
    result = run("story", "A patient walked again", "--choice", "purpose", journal=example_journal)
    assert result.exit_code == 0, result
    assert 'choice = "purpose"\n' in (example_journal / W48).read_text()


@pytest.mark.parametrize(
    ("args", "message", "hint"),
    [
        (
            ("story", "x", "--choice", "grow-medicl"),
            "unknown strategic choice 'grow-medicl'",
            "did you mean 'grow-medical'? known strategic choice ids: build-bench, "
            "dependable-delivery, grow-medical, one-northfield, purpose, quality-first",
        ),
        (("story", "x", "--choice", "zzz"), "unknown strategic choice 'zzz'", "purpose"),
        (("story", " "), "TEXT: the story is empty", None),
        (("story", "x", "--who", " "), "--who: the name is empty", None),
        (("story", "x", "--week", "2026-W54"), "2026 has only 53 ISO weeks", None),
        (("story", "x", "--week", "2026-W49"), "has not started yet", None),
        (
            ("conversation", "x", "--with", "custmer"),
            "--with: unknown kind of conversation 'custmer' (known: customer, supplier, "
            "partner, analyst, employee, other); did you mean 'customer'?",
            None,
        ),
        (("conversation", "x", "--with", "customer", "--week", "2027-W53"), "52 ISO weeks", None),
        (("conversation", "", "--with", "customer"), "the conversation is empty", None),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(example_journal, run, args, message, hint):
    before = tree_hash(example_journal)
    result = run(*args, journal=example_journal)
    assert result.exit_code == 2, result
    assert message in result.stderr
    if hint:
        assert hint in result.stderr
    assert "Traceback" not in result.output
    assert tree_hash(example_journal) == before


def test_conversation_needs_with(example_journal, run):
    result = run("conversation", "x", journal=example_journal)
    assert result.exit_code == 2
    assert "--with" in result.output


def test_a_file_that_is_not_valid_is_left_alone(example_journal, run):
    path = example_journal / W48
    path.write_text(path.read_text() + "\n[[stories]]\ntext = 3\n")
    before = tree_hash(example_journal)
    result = run("story", "x", journal=example_journal)
    assert result.exit_code == 1
    assert "'text' in [[stories]] #2 should be text in quotes" in result.stderr
    assert tree_hash(example_journal) == before


def test_a_kind_of_conversation_no_journal_knows_says_where_kinds_are_set(example_journal, run):
    """A hospital hears patients: the refusal says where a leader's own kinds go, where a
    near miss gets 'did you mean' (fourth trial: only a comment in leadwork.toml said so)."""
    result = run(
        "conversation", "Wants visiting hours", "--with", "patient", journal=example_journal
    )
    assert result.exit_code == 2, result
    assert "your own kinds go in leadwork.toml, as conversation_kinds = [...]" in result.stderr
