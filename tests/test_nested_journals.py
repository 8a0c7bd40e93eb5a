"""Journals inside journals, and stray files (trial 23: F1, F4, F6, F9).

Where the journal is found (store/locate.py) decides all four: `edit` refuses a file that
is not one of the journal's own, `init` refuses a folder inside a journal, `--journal`
given a journal's sub-folder names the journal, and `check` warns of a nested journal.
"""

import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLE, tree_hash

NEVER_RUN = {"EDITOR": "/nonexistent/editor-never-run", "VISUAL": ""}


@pytest.fixture
def outer(tmp_path: Path, run) -> Path:
    """The example journal with another whole journal moved into its `chen/` folder."""
    path = tmp_path / "ana"
    shutil.copytree(EXAMPLE, path)
    shutil.copytree(EXAMPLE, path / "chen")
    return path


def test_edit_refuses_a_file_of_a_nested_journal(outer: Path, run, monkeypatch):
    monkeypatch.chdir(outer)
    before = tree_hash(outer)
    result = run("edit", "chen/checkins/2026-W45.toml", env=NEVER_RUN)
    assert result.exit_code == 2, result
    assert "ok:" not in result.output
    refused = f"chen/checkins/2026-W45.toml is not a file of the journal at {outer}"
    assert refused in result.stderr
    assert f"it belongs to the journal at {outer / 'chen'}" in result.stderr
    assert f"leadwork --journal {outer / 'chen'} edit checkins/2026-W45.toml" in result.stderr
    assert tree_hash(outer) == before


@pytest.mark.parametrize("rel", ["misc/x.toml", "notes.toml", "checkins/old/2026-W45.toml"])
def test_edit_refuses_a_stray_toml_file_even_a_broken_one(example_journal, run, monkeypatch, rel):
    stray = example_journal / rel
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_text("a = [\n")
    monkeypatch.chdir(example_journal)
    result = run("edit", rel, env=NEVER_RUN)
    assert result.exit_code == 2, result
    assert "ok:" not in result.output
    assert f"{rel} is not a file of the journal at {example_journal}" in result.stderr
    assert "the .toml files in checkins/, one-on-ones/ and reviews/" in result.stderr


def test_edit_of_a_file_outside_names_the_journal_it_belongs_to(outer: Path, run, tmp_path):
    other = tmp_path / "ben"
    shutil.copytree(EXAMPLE, other)
    result = run("edit", str(other / "team.toml"), journal=outer, env=NEVER_RUN)
    assert result.exit_code == 2, result
    assert f"it belongs to the journal at {other}" in result.stderr


def test_edit_still_opens_the_journals_own_files_by_path(example_journal, run, monkeypatch):
    monkeypatch.chdir(example_journal / "checkins")
    result = run("edit", "2026-W45.toml", env={"EDITOR": "true", "VISUAL": ""})
    assert result.exit_code == 0, result
    assert result.stdout == "ok: checkins/2026-W45.toml is valid\n"


@pytest.mark.parametrize("where", ["checkins", "one-on-ones/x"])
def test_init_refuses_a_folder_inside_a_journal(example_journal, run, monkeypatch, where):
    before = tree_hash(example_journal)
    if where == "checkins":
        monkeypatch.chdir(example_journal / "checkins")
        result = run("init")
        target = example_journal / "checkins"
    else:
        monkeypatch.chdir(example_journal.parent)
        result = run("init", "--example", str(example_journal / where))
        target = example_journal / where
    assert result.exit_code == 2, result
    assert f"{target} is inside the journal {example_journal}" in result.stderr
    assert f"give a folder outside {example_journal}" in result.stderr
    assert "Made a journal" not in result.output
    assert tree_hash(example_journal) == before


def test_init_beside_a_journal_still_works(example_journal, run):
    result = run("init", str(example_journal.parent / "next-client"))
    assert result.exit_code == 0, result


def test_journal_option_given_a_sub_folder_names_the_journal(example_journal, run, tmp_path):
    result = run("dashboard", journal=example_journal / "checkins")
    assert result.exit_code == 1, result
    assert f"it is a folder inside the journal {example_journal}" in result.stderr
    assert f"did you mean --journal {example_journal}?" in result.stderr
    assert "leadwork init" not in result.stderr


def test_environment_given_a_sub_folder_names_the_journal(example_journal, run, tmp_path):
    result = run("dashboard", env={"LEADWORK_JOURNAL": str(example_journal / "reviews")})
    assert result.exit_code == 1, result
    assert f"did you mean $LEADWORK_JOURNAL {example_journal}?" in result.stderr


def test_check_warns_of_a_journal_nested_inside(outer: Path, run):
    result = run("check", journal=outer)
    assert result.exit_code == 0, result
    assert (
        "chen/leadwork.toml: warning: chen/ holds another journal (its own leadwork.toml); "
        "its files are not part of this one"
    ) in result.stderr


def test_check_warns_once_of_a_journal_nested_in_checkins(example_journal, run, tmp_path):
    # made before init refused it (or copied in): one warning, not one per definition file
    for name in ("leadwork.toml", "team.toml", "strategy.toml"):
        shutil.copy(EXAMPLE / name, example_journal / "checkins" / name)
    result = run("check", journal=example_journal)
    assert result.exit_code == 0, result
    assert "checkins/ holds another journal" in result.stderr
    assert "is not named YYYY-Www.toml" not in result.stderr


def test_check_says_nothing_of_a_plain_sub_folder(example_journal, run):
    (example_journal / "notes").mkdir()
    (example_journal / "notes" / "ideas.toml").write_text("a = 1\n")
    result = run("check", journal=example_journal)
    assert "another journal" not in result.output
