"""`leadwork edit FILE`: the person's editor on a journal file, then a check of that file.

A fake editor (a small Python script) stands in for vi or VS Code: each time it is run it
applies the next edit of a plan, and logs the arguments it got.
"""

import json
import os
import shlex
import sys
from pathlib import Path

import pytest

from conftest import tree_hash

FAKE_EDITOR = """\
import json, os, sys
plan_file = os.environ["FAKE_EDITOR_PLAN"]
plan = json.load(open(plan_file))
with open(os.environ["FAKE_EDITOR_LOG"], "a") as log:
    log.write(json.dumps(sys.argv[1:]) + "\\n")
path = sys.argv[-1]
step = plan.pop(0) if plan else {}
json.dump(plan, open(plan_file, "w"))
if "replace" in step:
    old, new = step["replace"]
    text = open(path, encoding="utf-8").read()
    assert old in text, (old, path)
    open(path, "w", encoding="utf-8").write(text.replace(old, new, 1))
sys.exit(step.get("exit", 0))
"""


@pytest.fixture
def editor(tmp_path):
    """Set up the fake editor; returns (env for run, a function that reads its calls)."""
    folder = tmp_path / "my editor"  # a space in the path: the command must be split safely
    folder.mkdir()
    script = folder / "fake_editor.py"
    script.write_text(FAKE_EDITOR)
    plan = tmp_path / "plan.json"
    log = tmp_path / "editor.log"

    def setup(*steps, variable="EDITOR"):
        plan.write_text(json.dumps(list(steps)))
        command = f"{shlex.quote(sys.executable)} {shlex.quote(str(script))} --wait"
        env = {"FAKE_EDITOR_PLAN": str(plan), "FAKE_EDITOR_LOG": str(log), "VISUAL": ""}
        env[variable] = command
        return env

    def calls():
        if not log.exists():
            return []
        return [json.loads(line) for line in log.read_text().splitlines()]

    return setup, calls


def test_a_good_edit_is_checked_and_kept(example_journal, run, editor):
    setup, calls = editor
    env = setup({"replace": ["target = 95\n", "target = 96\n"]})
    result = run("edit", "indicators", journal=example_journal, env=env)
    assert result.exit_code == 0, result
    assert result.stdout == "ok: indicators.toml is valid\n"
    assert calls() == [["--wait", str(example_journal / "indicators.toml")]]
    assert "target = 96\n" in (example_journal / "indicators.toml").read_text()


def test_visual_wins_over_editor(example_journal, run, editor):
    setup, calls = editor
    env = setup({}, variable="VISUAL")
    env["EDITOR"] = "/nonexistent/editor"
    result = run("edit", "team", journal=example_journal, env=env)
    assert result.exit_code == 0, result
    assert len(calls()) == 1


def test_errors_are_shown_and_the_person_may_reopen_until_it_is_right(example_journal, run, editor):
    setup, calls = editor
    env = setup(
        {"replace": ["cadence_days = 28", "cadnce_days = 28"]},
        {"replace": ["cadnce_days = 28", "cadence_days = 21"]},
    )
    result = run("edit", "team.toml", journal=example_journal, env=env, input="y\n")
    assert result.exit_code == 0, result
    assert "team.toml:39:1: error: unknown key 'cadnce_days'" in result.stderr
    assert "did you mean 'cadence_days'?" in result.stderr
    assert "Reopen in the editor? [Y/n]" in result.stderr
    assert result.stdout.endswith("ok: team.toml is valid\n")
    assert len(calls()) == 2
    assert "cadence_days = 21" in (example_journal / "team.toml").read_text()


def test_saying_no_keeps_the_text_exactly_as_saved(example_journal, run, editor):
    setup, calls = editor
    env = setup({"replace": ["target = 95\n", 'target = "ninety-five"\n']})
    result = run("edit", "indicators", journal=example_journal, env=env, input="n\n")
    assert result.exit_code == 1
    assert "'target' in [[indicators]] \"greenville-otd\" should be a number" in result.stderr
    assert "indicators.toml still has 1 error; it is saved as you left it" in result.stderr
    assert len(calls()) == 1
    assert 'target = "ninety-five"\n' in (example_journal / "indicators.toml").read_text()


def test_without_an_answer_it_never_reopens(example_journal, run, editor):
    """A script, or stdin at its end: no answer is no; the editor is not run again."""
    setup, calls = editor
    env = setup({"replace": ["level = 3", "level = 9"]}, {"replace": ["level = 9", "level = 3"]})
    result = run("edit", "capabilities", journal=example_journal, env=env, input="")
    assert result.exit_code == 1
    assert "'level'" in result.stderr and "at most 5" in result.stderr
    assert len(calls()) == 1


def test_only_the_files_own_problems_are_shown_cross_references_included(
    example_journal, run, editor
):
    setup, _ = editor
    # A problem elsewhere in the journal is not this edit's business.
    other = example_journal / "checkins" / "2026-W40.toml"
    other.write_text(other.read_text().replace("[readings]", "[readings]\nnot-an-indicator = 1", 1))
    result = run("edit", "team", journal=example_journal, env=setup({}))
    assert result.exit_code == 0, result
    assert "not-an-indicator" not in result.output
    # A cross-reference broken in this file is shown: an owner who is not in team.toml.
    env = setup({"replace": ['owner = "grace"', 'owner = "gracie"']})
    result = run("edit", "indicators", journal=example_journal, env=env, input="n\n")
    assert result.exit_code == 1
    assert "unknown person 'gracie' (not in team.toml)" in result.stderr
    assert "did you mean 'grace'?" in result.stderr


@pytest.mark.parametrize(
    ("name", "rel"),
    [
        ("team", "team.toml"),
        ("leadwork.toml", "leadwork.toml"),
        ("2026-W48", "checkins/2026-W48.toml"),
        # the week as every `--week` reads it: a lowercase w names the same file (trial 20)
        ("2026-w48", "checkins/2026-W48.toml"),
        ("2026-w48.toml", "checkins/2026-W48.toml"),
        ("checkins/2026-W40.toml", "checkins/2026-W40.toml"),
        ("one-on-ones/2026-11-25-tom.toml", "one-on-ones/2026-11-25-tom.toml"),
    ],
)
def test_files_by_short_name_week_or_path(name, rel, example_journal, run, editor):
    setup, calls = editor
    result = run("edit", name, journal=example_journal, env=setup({}))
    assert result.exit_code == 0, result
    assert calls() == [["--wait", str(example_journal / rel)]]
    assert result.stdout == f"ok: {rel} is valid\n"


def test_a_path_relative_to_where_the_person_is(example_journal, run, editor, monkeypatch):
    setup, calls = editor
    monkeypatch.chdir(example_journal / "checkins")
    result = run("edit", "2026-W47.toml", env=setup({}))
    assert result.exit_code == 0, result
    assert calls()[0][-1] == str(example_journal / "checkins" / "2026-W47.toml")


@pytest.mark.parametrize(
    ("name", "message", "hint"),
    [
        ("teams", "no journal file 'teams'", "did you mean 'team'?"),
        ("notes", "no journal file 'notes'", "a short name"),
        ("2026-W49", "no journal file '2026-W49'", "leadwork checkin --week 2026-W49"),
        ("2026-w49", "no journal file '2026-w49'", "leadwork checkin --week 2026-W49"),
        ("../outside.toml", "is not in the journal", None),
    ],
)
def test_unknown_files_are_a_usage_error(name, message, hint, example_journal, run, editor):
    setup, calls = editor
    (example_journal.parent / "outside.toml").write_text("x = 1\n")
    before = tree_hash(example_journal)
    result = run("edit", name, journal=example_journal, env=setup({}))
    assert result.exit_code == 2
    assert message in result.stderr
    if hint:
        assert hint in result.stderr
    assert calls() == []
    assert tree_hash(example_journal) == before


def test_a_missing_editor_is_a_clear_error(example_journal, run):
    before = tree_hash(example_journal)
    result = run(
        "edit", "team", journal=example_journal, env={"VISUAL": "", "EDITOR": "no-such-editor -w"}
    )
    assert result.exit_code == 2
    assert "the editor 'no-such-editor' was not found" in result.stderr
    assert "Traceback" not in result.output
    assert tree_hash(example_journal) == before


def test_an_unclosed_quote_in_editor_is_a_clear_error(example_journal, run):
    result = run("edit", "team", journal=example_journal, env={"VISUAL": "", "EDITOR": "'code -w"})
    assert result.exit_code == 2
    assert "$EDITOR is ''code -w', which cannot be split" in result.stderr


def test_an_editor_that_fails_is_an_error_and_the_file_still_checked(example_journal, run, editor):
    """Trial 17: a failed editor was summed up "ok … valid", exit 0."""
    setup, calls = editor
    result = run("edit", "team", journal=example_journal, env=setup({"exit": 3}), input="y\n")
    assert result.exit_code == 1, result
    assert (
        "error: the editor exited with status 3, so the edit of team.toml may not be "
        "complete; team.toml is valid as it stands"
    ) in result.stderr
    assert "ok:" not in result.output
    assert len(calls()) == 1  # never reopened


def test_never_through_a_shell(example_journal, run, editor, tmp_path):
    """Shell syntax in $EDITOR is passed as words, never interpreted."""
    setup, calls = editor
    env = setup({})
    marker = tmp_path / "pwned"
    env["EDITOR"] += f" ; touch {marker}"
    result = run("edit", "team", journal=example_journal, env=env)
    assert result.exit_code == 0, result
    assert calls()[0][:4] == ["--wait", ";", "touch", str(marker)]
    assert not marker.exists()


def test_the_prompt_on_a_real_terminal(example_journal, editor):
    pexpect = pytest.importorskip("pexpect")
    setup, calls = editor
    env = setup(
        {"replace": ["cadence_days = 28", "cadence_days = 0"]},
        {"replace": ["cadence_days = 0", "cadence_days = 28"]},
    )
    leadwork = Path(sys.executable).parent / "leadwork"
    child = pexpect.spawn(
        str(leadwork),
        ["--journal", str(example_journal), "edit", "team"],
        env={**os.environ, **env, "LEADWORK_TODAY": "2026-11-27", "NO_COLOR": "1"},
        encoding="utf-8",
        timeout=60,
    )
    child.expect_exact("at least 1")
    child.expect_exact("Reopen in the editor? [Y/n]: ")
    child.sendline("")  # Enter: the default, yes
    child.expect_exact("ok: team.toml is valid")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert len(calls()) == 2


def test_a_definition_that_is_not_valid_is_noted_as_unchecked(
    example_journal, run, editor, monkeypatch
):
    # The edited file is fine, but its owners could not be checked against team.toml.
    monkeypatch.chdir(example_journal)  # files are named relative to where the person is
    setup, _ = editor
    team = example_journal / "team.toml"
    team.write_text(team.read_text() + '\n[[people]]\nid = "ana"\nname = "Ana\n')
    env = setup({"replace": ["target = 95\n", "target = 96\n"]})
    result = run("edit", "indicators", journal=example_journal, env=env)
    assert result.exit_code == 0, result
    # the gaps between the areas stay judged: people play no part in them (trial 20)
    assert "warning: indicator 'overtime-hours' serves nothing" in result.stderr
    assert result.stderr.endswith(
        "note: cross-references not checked against team.toml until it is valid\n\n"
        "3 warnings in 1 file\n"
    )
    assert result.stdout == "ok: indicators.toml is valid\n"


def test_an_edit_that_breaks_other_files_says_so(example_journal, run, editor):
    """team.toml valid on its own, yet the files that name the person it lost are not: the
    edit says so rather than a bare 'ok' (fourth trial: a person who left, removed)."""
    setup, _ = editor
    env = setup({"replace": ['id = "tom"', 'id = "thomas"']})
    result = run("edit", "team", journal=example_journal, env=env)
    assert result.exit_code == 0, result
    assert result.stdout == "ok: team.toml is valid\n"
    assert "warning: the edit leaves new errors in other files, first" in result.stderr
    assert "unknown person 'tom'" in result.stderr and "run `leadwork check`" in result.stderr
    # an edit that breaks nothing elsewhere says nothing more
    again = run("edit", "team", journal=example_journal, env=setup({}))
    assert "warning" not in again.stderr
