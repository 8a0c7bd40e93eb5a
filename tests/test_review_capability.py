"""`leadwork review capability [ID]`: the plan with the steps done since the last review, then
steps done now (marked in capabilities.toml, changing only those lines), a re-assessed level
with a reason, and what stakeholders inside and outside said."""

import difflib
import json
import tomllib
from pathlib import Path

import pytest

from leadwork.errors import WriteRefused

from conftest import tree_hash

TODAY = "2026-11-27"
COACHING_REVIEW = f"reviews/{TODAY}-capability-coaching-supervisors.toml"


@pytest.fixture
def terminal(monkeypatch):
    """CliRunner's stdin is not a terminal; say it is, so the review asks (its answers are
    typed through `input`)."""
    monkeypatch.setattr("leadwork.cli.prompts.stdin_is_terminal", lambda: True)


def stripped(output: str) -> str:
    return "\n".join(line.rstrip() for line in output.splitlines()) + "\n"


def files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != ".leadwork.lock"
    }


def diff(old: bytes, new: bytes) -> list[str]:
    """Every changed line, as - and + lines (no context)."""
    lines = difflib.unified_diff(
        old.decode().splitlines(), new.decode().splitlines(), lineterm="", n=0
    )
    return [line for line in list(lines)[2:] if not line.startswith("@@")]


def changes(before: dict[str, bytes], root: Path) -> tuple[dict[str, list[str]], dict[str, str]]:
    """(changed files with their diffs, added files with their text)."""
    after = files(root)
    assert set(before) <= set(after), "nothing may be deleted"
    changed = {rel: diff(before[rel], after[rel]) for rel in before if after[rel] != before[rel]}
    new = {rel: after[rel].decode() for rel in after if rel not in before}
    return changed, new


# ---- the briefing -----------------------------------------------------------------------------


def test_the_briefing_for_one_capability(example_journal, run):
    before = tree_hash(example_journal)
    result = run(
        "review", "capability", "coaching-supervisors", "--show-only", journal=example_journal
    )
    assert result.exit_code == 0, result
    assert stripped(result.stdout) == (
        "coaching-supervisors  Coaching supervisors\n"
        "individual, owner marcus, level 2 of target 3\n"
        "Never reviewed.\n"
        " 1 ✓ Coaching basics course for all 14 shift supervisors, both plants "
        "(done 2026-06-05)\n"
        " 2 · First coaching clinic for Greenville shift supervisors, with HR "
        "(due 2026-10-23, overdue)\n"
        " 3 · Every supervisor holds a monthly one-on-one with each lead operator "
        "(due 2027-01-29)\n"
    )
    assert tree_hash(example_journal) == before


def test_a_plan_that_ran_out_says_so(example_journal, run):
    result = run("review", "capability", "quality-at-scale", "--show-only", journal=example_journal)
    assert stripped(result.stdout).endswith(
        "Last reviewed 2026-11-20, level 3.\n"
        " 1 ✓ SPC on the Dayton 5-axis cells (the Haas UMC and both DMG Mori machines) "
        "(done 2026-06-12)\n"
        " 2 ✓ ISO 13485 gap assessment for Greenville (done 2026-08-21)\n"
        " 3 ✓ Layered process audits on every shift at Dayton (done 2026-11-20)\n"
        "No plan step ahead.\n"
    )


def test_the_briefing_for_all_as_json(example_journal, run):
    result = run("review", "capability", "--show-only", "-f", "json", journal=example_journal)
    assert result.exit_code == 0, result
    data = json.loads(result.stdout)["capabilities"]
    assert [c["id"] for c in data] == [
        "quality-at-scale",
        "dependable-scheduling",
        "machinist-pipeline",
        "consultative-selling",
        "coaching-supervisors",
    ]
    assert data[1]["last_review"] == {"date": "2026-10-30", "level": 2}
    assert data[4]["steps"][1] == {
        "position": 2,
        "what": "First coaching clinic for Greenville shift supervisors, with HR",
        "due": "2026-10-23",
        "done": False,
        "overdue": True,
        "done_since_last_review": False,
    }


# ---- recording -----------------------------------------------------------------------------------


def test_an_interactive_review_changes_only_the_lines_it_must(example_journal, run, terminal):
    before = files(example_journal)
    answers = (
        "2\n"  # open steps done now
        "3\n"  # level now
        "The clinic ran on 24 Nov; supervisors asked for a second one.\n"
        "Marcus Reyes\nHR ran it with us, not for us.\n"  # of the team: inside, not asked
        "Keisha Brown, Greenville second shift\nmaybe\noutside\nI want this monthly.\n"
        "\n"
    )
    result = run(
        "review", "capability", "coaching-supervisors", journal=example_journal, input=answers
    )
    assert result.exit_code == 0, result
    assert "✗ answer inside or outside (i or o)" in result.stdout
    assert result.stdout.rstrip().endswith(
        f"Recorded {COACHING_REVIEW}; in capabilities.toml: marked step 2 done and level 2 → 3."
    )
    changed, new = changes(before, example_journal)
    assert changed == {
        "capabilities.toml": [
            "-level = 2",
            "+level = 3",
            "+done = 2026-11-27",
        ]
    }
    text = (example_journal / "capabilities.toml").read_text().splitlines()
    assert text[128:133] == [  # line 1 is the #:schema line
        "[[capabilities.steps]]",
        'what = "First coaching clinic for Greenville shift supervisors, with HR"',
        "due = 2026-10-23",
        "done = 2026-11-27",
        "",
    ]
    assert new == {
        COACHING_REVIEW: (
            "#:schema ../.leadwork/schema/capability-review.json\n"
            "# Capability review of 2026-11-27, recorded by `leadwork review`.\n"
            "# It is yours to edit; `leadwork check` validates it.\n"
            "\n"
            'kind = "capability"\n'
            "date = 2026-11-27\n"
            'capability = "coaching-supervisors"\n'
            "level = 3\n"
            'reason = "The clinic ran on 24 Nov; supervisors asked for a second one."\n'
            "steps_done = [\n"
            '    "Coaching basics course for all 14 shift supervisors, both plants",\n'
            '    "First coaching clinic for Greenville shift supervisors, with HR",\n'
            "]\n"
            "\n"
            "[[feedback]]\n"
            'who = "marcus"\n'
            'side = "inside"\n'
            'text = "HR ran it with us, not for us."\n'
            "\n"
            "[[feedback]]\n"
            'who = "Keisha Brown, Greenville second shift"\n'
            'side = "outside"\n'
            'text = "I want this monthly."\n'
        )
    }
    check = run("check", journal=example_journal)
    assert check.exit_code == 0
    assert "coaching-supervisors' is at level" not in check.stderr


def test_a_scripted_review(example_journal, run):
    before = files(example_journal)
    result = run(
        "review",
        "capability",
        "dependable-scheduling",
        "--no-input",
        "--step",
        "4,3",
        "--level",
        "3",
        "--reason",
        "Second sources qualified; Epicor live at Greenville.",
        "--inside",
        "Tom Okafor: the risk list is in the huddle now",
        "--outside",
        "Dale Jensen, Prairie: your dates held all quarter",
        "--date",
        "2026-11-26",
        journal=example_journal,
    )
    assert result.exit_code == 0, result
    assert result.stdout == (
        "Recorded reviews/2026-11-26-capability-dependable-scheduling.toml; in "
        "capabilities.toml: marked steps 3, 4 done and level 2 → 3.\n"
    )
    changed, new = changes(before, example_journal)
    assert changed == {
        "capabilities.toml": [
            "-level = 2",
            "+level = 3",
            "+done = 2026-11-26",
            "+done = 2026-11-26",
        ]
    }
    data = tomllib.loads(new["reviews/2026-11-26-capability-dependable-scheduling.toml"])
    assert data["steps_done"] == [
        "A qualified second source for every single-sourced casting",
        "Finite-capacity scheduling in Epicor at Greenville",
    ]
    assert data["feedback"] == [
        {"who": "tom", "side": "inside", "text": "the risk list is in the huddle now"},
        {
            "who": "Dale Jensen, Prairie",
            "side": "outside",
            "text": "your dates held all quarter",
        },
    ]


def test_the_dependable_scheduling_comment_stays_above_the_step_it_introduces(fresh_journal, run):
    """A comment that ends a step's table introduces the next step: `done` goes above it."""
    (fresh_journal / "strategy.toml").write_text('[[choices]]\nid = "a"\nstatement = "A"\n')
    capabilities = (
        "# My plan.\n"
        "[[capabilities]]\n"
        'id = "flow"\n'
        'name = "Flow"\n'
        'kind = "organizational"\n'
        "level = 2   # honest\n"
        "target = 4\n"
        "\n"
        "[[capabilities.steps]]\n"
        'what = "Map it"\n'
        "due = 2026-10-01\n"
        "# Step 2 was added in November.\n"
        "\n"
        "[[capabilities.steps]]\n"
        'what = "Fix it"\n'
        "done = false  # not yet\n"
    )
    (fresh_journal / "capabilities.toml").write_text(capabilities)
    before = files(fresh_journal)
    result = run(
        "review", "capability", "flow", "--no-input", "--step", "1", "--step", "2",
        "--level", "2", journal=fresh_journal,
    )  # fmt: skip
    assert result.exit_code == 0, result
    changed, _ = changes(before, fresh_journal)
    assert changed == {
        "capabilities.toml": [
            "+done = 2026-11-27",
            "-done = false  # not yet",
            "+done = 2026-11-27  # not yet",
        ]
    }
    assert (fresh_journal / "capabilities.toml").read_text().splitlines()[9:13] == [
        'what = "Map it"',
        "due = 2026-10-01",
        "done = 2026-11-27",
        "# Step 2 was added in November.",
    ]


def test_crlf_and_bom_survive(example_journal, run):
    path = example_journal / "capabilities.toml"
    original = path.read_text()
    path.write_bytes(b"\xef\xbb\xbf" + original.replace("\n", "\r\n").encode())
    result = run(
        "review", "capability", "coaching-supervisors", "--no-input", "--step", "2",
        journal=example_journal,
    )  # fmt: skip
    assert result.exit_code == 0, result
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    expected = original.replace(
        "due = 2026-10-23\n", "due = 2026-10-23\ndone = 2026-11-27\n"
    ).replace("\n", "\r\n")
    assert raw == b"\xef\xbb\xbf" + expected.encode()


def test_the_same_level_needs_no_reason_and_leaves_capabilities_alone(example_journal, run):
    before = files(example_journal)
    result = run(
        "review", "capability", "machinist-pipeline", "--no-input", "--level", "2",
        journal=example_journal,
    )  # fmt: skip
    assert result.exit_code == 0, result
    assert result.stdout == f"Recorded reviews/{TODAY}-capability-machinist-pipeline.toml.\n"
    changed, new = changes(before, example_journal)
    assert changed == {}
    data = tomllib.loads(new[f"reviews/{TODAY}-capability-machinist-pipeline.toml"])
    assert data["level"] == 2 and "reason" not in data
    assert data["steps_done"] == [
        "Apprenticeship agreement with Sinclair College for Dayton",
        "First cohort of six apprentices starts at Dayton, each paired with a journeyman",
    ]


def test_steps_done_since_the_last_review(fresh_journal, run):
    (fresh_journal / "strategy.toml").write_text('[[choices]]\nid = "a"\nstatement = "A"\n')
    (fresh_journal / "capabilities.toml").write_text(
        '[[capabilities]]\nid = "flow"\nname = "Flow"\nkind = "individual"\nserves = ["a"]\n'
        "level = 2\ntarget = 4\n\n"
        '[[capabilities.steps]]\nwhat = "Before"\ndone = 2026-09-01\n\n'
        '[[capabilities.steps]]\nwhat = "After"\ndone = 2026-11-02\n\n'
        '[[capabilities.steps]]\nwhat = "Undated"\ndone = true\n\n'
        '[[capabilities.steps]]\nwhat = "Open"\n'
    )
    (fresh_journal / "reviews" / "2026-10-01-capability-flow.toml").write_text(
        'kind = "capability"\ndate = 2026-10-01\ncapability = "flow"\nlevel = 2\n'
    )
    text = stripped(
        run("review", "capability", "flow", "--show-only", journal=fresh_journal).stdout
    )
    assert text.endswith(
        "Last reviewed 2026-10-01, level 2.\n"
        " 1 ✓ Before (done 2026-09-01)\n"
        " 2 ✓ After (done 2026-11-02), since the last review\n"
        " 3 ✓ Undated (done)\n"
        " 4 · Open\n"
    )
    run("review", "capability", "flow", "--no-input", "--step", "4", journal=fresh_journal)
    data = tomllib.loads((fresh_journal / f"reviews/{TODAY}-capability-flow.toml").read_text())
    assert data["steps_done"] == ["After", "Open"]
    assert "level" not in data


def test_steps_are_recorded_by_text_so_a_new_step_does_not_renumber_them(example_journal, run):
    run(
        "review",
        "capability",
        "coaching-supervisors",
        "--no-input",
        "--step",
        "2",
        journal=example_journal,
    )
    path = example_journal / "capabilities.toml"
    path.write_text(
        path.read_text().replace(
            'what = "Coaching basics course',
            'what = "A step added in front"\n\n[[capabilities.steps]]\n'
            'what = "Coaching basics course',
        )
    )
    check = run("check", journal=example_journal)
    assert check.exit_code == 0, check
    assert "is not a plan step" not in check.stderr


def test_walking_through_each_capability(example_journal, run, terminal):
    before = files(example_journal)
    answers = "n\nn\nn\nn\ny\n2\n\n\n\n"  # skip four; coaching: step 2, level as is, no words
    result = run("review", "capability", journal=example_journal, input=answers)
    assert result.exit_code == 0, result
    text = stripped(result.stdout)
    for number, capability in enumerate(
        ["quality-at-scale", "dependable-scheduling", "machinist-pipeline"], start=1
    ):
        assert capability in text
        assert f"Review it now? ({number} of 5) [Y/n]:" in text
    changed, new = changes(before, example_journal)
    assert list(new) == [COACHING_REVIEW]
    assert changed == {"capabilities.toml": ["+done = 2026-11-27"]}


def test_a_walk_skips_what_was_reviewed_today(example_journal, run, terminal):
    run("review", "capability", "quality-at-scale", "--no-input", journal=example_journal)
    result = run("review", "capability", journal=example_journal, input="n\nn\nn\nn\n")
    assert result.exit_code == 0, result
    assert f"Already reviewed on {TODAY}: reviews/{TODAY}-capability-quality-at-scale.toml" in (
        result.stdout
    )
    assert "(1 of 5" not in result.stdout


def test_a_refused_edit_takes_the_review_file_back(example_journal, run):
    """Recorded whole or not at all: if capabilities.toml cannot be written, no review file."""
    (example_journal / "capabilities.toml").chmod(0o444)
    (example_journal / ".leadwork.lock").touch()
    before = tree_hash(example_journal)
    result = run(
        "review", "capability", "coaching-supervisors", "--no-input", "--step", "2",
        journal=example_journal,
    )  # fmt: skip
    assert result.exit_code == 1
    assert "capabilities.toml: error: is read-only" in result.stderr
    assert tree_hash(example_journal) == before


# ---- bad input: a clear message, nothing written -------------------------------------------------


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ["coaching-supervisors", "--step", "1"],
            2,
            "error: --step-done: step 1 of 'coaching-supervisors' is already done (2026-06-05)",
        ),
        (
            ["coaching-supervisors", "--step", "4"],
            2,
            "error: --step-done: 'coaching-supervisors' has no step 4: "
            "its steps are numbered 1 to 3",
        ),
        (["coaching-supervisors", "--step", "two"], 2, "error: 'two' is not a step number"),
        (
            ["coaching-supervisor"],
            2,
            "error: ID: there is no capability 'coaching-supervisor' in capabilities.toml\n"
            "  = hint: did you mean 'coaching-supervisors'?",
        ),
        (["--level", "3"], 2, "error: --level needs a capability ID"),
        (
            ["--step-done", "1", "--reason", "x"],
            2,
            "error: --step-done, --reason need a capability ID",
        ),
        ([], 2, "error: --no-input needs a capability ID: there is nothing to ask for"),
        (
            ["coaching-supervisors", "--level", "3"],
            2,
            "error: --reason: the level changes from 2 to 3: say why",
        ),
        (
            ["coaching-supervisors", "--inside", "Marcus said it works"],
            2,
            "error: --inside 'Marcus said it works' is not WHO: WHAT THEY SAID",
        ),
        (["coaching-supervisors", "--outside", ": no one"], 2, "is not WHO: WHAT THEY SAID"),
        (["coaching-supervisors", "--level", "9"], 2, "invalid value for '--level'"),
        (
            ["coaching-supervisors", "--date", "2027-01-01"],
            2,
            "--date: 2027-01-01 is after today (2026-11-27)",
        ),
    ],
)
def test_bad_flags_write_nothing(example_journal, run, args, code, message):
    before = tree_hash(example_journal)
    result = run("review", "capability", "--no-input", *args, journal=example_journal)
    assert result.exit_code == code, result
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert tree_hash(example_journal) == before


def test_one_review_of_a_capability_a_day(example_journal, run):
    run("review", "capability", "coaching-supervisors", "--no-input", journal=example_journal)
    before = tree_hash(example_journal)
    result = run(
        "review", "capability", "coaching-supervisors", journal=example_journal, input="2\n"
    )
    assert result.exit_code == 1
    assert f"error: {COACHING_REVIEW} already exists" in result.stderr
    assert tree_hash(example_journal) == before


def test_a_changed_level_needs_a_reason_when_asked_too(example_journal, run, terminal):
    answers = "\n3\n\nBecause the clinic happened.\n\n"
    result = run(
        "review", "capability", "coaching-supervisors", journal=example_journal, input=answers
    )
    assert result.exit_code == 0, result
    assert "✗ an answer is needed here\n  Why 3?: " in result.stdout
    data = tomllib.loads((example_journal / COACHING_REVIEW).read_text())
    assert (data["level"], data["reason"]) == (3, "Because the clinic happened.")


def test_answers_that_end_early_write_nothing(example_journal, run, terminal):
    before = tree_hash(example_journal)
    result = run(
        "review", "capability", "coaching-supervisors", journal=example_journal, input="2\n"
    )
    assert result.exit_code == 130
    assert "Level now" in result.stdout
    assert "interrupted; nothing more was written" in result.stderr
    assert tree_hash(example_journal) == before


@pytest.mark.parametrize("args", [[], ["coaching-supervisors"]])
def test_no_terminal_and_no_answers_is_refused_naming_the_flags(example_journal, run, args):
    before = tree_hash(example_journal)
    result = run("review", "capability", *args, journal=example_journal, input="y\n2\n")
    assert result.exit_code == 2, result
    assert (
        "error: stdin is not a terminal, so review capability cannot ask its questions; "
        "nothing was written"
    ) in result.stderr
    assert "ID with --step-done, --level, --reason, --inside, --outside" in result.stderr
    assert tree_hash(example_journal) == before


def test_no_terminal_records_what_the_flags_say(example_journal, run):
    result = run(
        "review", "capability", "coaching-supervisors", "--step", "2", journal=example_journal
    )
    assert result.exit_code == 0, result
    assert "Level now" not in result.stdout
    data = tomllib.loads((example_journal / COACHING_REVIEW).read_text())
    assert "level" not in data and data["steps_done"][-1].startswith("First coaching clinic")


def test_no_terminal_and_a_changed_level_needs_its_reason_as_a_flag(example_journal, run):
    before = tree_hash(example_journal)
    result = run(
        "review", "capability", "coaching-supervisors", "--level", "3", journal=example_journal
    )
    assert result.exit_code == 2, result
    assert "--reason: the level changes from 2 to 3: say why" in result.stderr
    assert tree_hash(example_journal) == before


def test_an_invalid_capabilities_file_is_reported(example_journal, run):
    path = example_journal / "capabilities.toml"
    path.write_text(path.read_text().replace("level = 2", "level = two", 1))
    before = tree_hash(example_journal)
    result = run(
        "review", "capability", "coaching-supervisors", "--no-input", journal=example_journal
    )
    assert result.exit_code == 1
    assert "capabilities.toml:" in result.stderr and "error:" in result.stderr
    assert tree_hash(example_journal) == before


def test_ctrl_c_in_a_walk_keeps_the_reviews_already_made(example_journal, run, terminal):
    """Each capability's review is written as soon as its answers are in."""
    answers = "y\n\n\n\n"  # quality-at-scale: level as is, no reason, no voices; then Ctrl-D
    result = run("review", "capability", journal=example_journal, input=answers)
    assert result.exit_code == 130, result
    assert "interrupted; nothing more was written" in result.stderr
    kept = example_journal / f"reviews/{TODAY}-capability-quality-at-scale.toml"
    assert tomllib.loads(kept.read_text())["level"] == 3
    assert not (example_journal / f"reviews/{TODAY}-capability-dependable-scheduling.toml").exists()


def test_a_plan_edited_meanwhile_is_never_marked_blindly(example_journal):
    """Steps are found by position and checked by text under the lock: if the file changed
    between reading and writing, nothing is written."""
    import datetime as dt

    from leadwork.domain.review import open_steps
    from leadwork.store.journal import Journal
    from leadwork.store.reviews import mark_steps_done
    from leadwork.store.together import Together

    def mark(journal: Journal, marks) -> None:
        together = Together(journal)
        mark_steps_done(together, marks)
        together.write()

    journal = Journal(example_journal)
    steps = open_steps(journal.capabilities(), dt.date(2026, 11, 27))
    assert [(s.capability.id, s.numbered.position) for s in steps][:2] == [
        ("dependable-scheduling", 3),
        ("dependable-scheduling", 4),
    ]
    path = example_journal / "capabilities.toml"
    edited = path.read_text().replace("A qualified second source", "A second source")
    path.write_text(edited)
    with pytest.raises(WriteRefused, match="changed while leadwork was marking steps"):
        mark(journal, [(steps[0], dt.date(2026, 11, 27))])
    assert path.read_text() == edited
    mark(Journal(example_journal), [(steps[1], dt.date(2026, 11, 27))])
    assert 'Greenville"\ndue = 2027-03-31\ndone = 2026-11-27\n' in path.read_text()


def test_who_gave_feedback_follows_the_one_rule_for_who(example_journal, run):
    """A team member's first name is stored as their id, as for a story or a participant;
    anyone outside keeps their name as written (second trial: 'Aisha' stayed 'Aisha')."""
    result = run(
        "review", "capability", "quality-at-scale", "--no-input",
        "--inside", "Marcus: the audits stick", "--outside", "Halvorsen: fewer returns",
        journal=example_journal,
    )  # fmt: skip
    assert result.exit_code == 0, result
    text = (example_journal / "reviews" / "2026-11-27-capability-quality-at-scale.toml").read_text()
    assert 'who = "marcus"\nside = "inside"' in text
    assert 'who = "Halvorsen"\nside = "outside"' in text
