"""Finding the journal: --journal, else $LEADWORK_JOURNAL, else upward from here."""

from pathlib import Path

import pytest


def test_upward_search_finds_the_nearest_journal(fresh_journal: Path, run, monkeypatch):
    deep = fresh_journal / "checkins" / "notes"
    deep.mkdir()
    monkeypatch.chdir(deep)
    result = run("check")
    assert result.exit_code == 0, result
    assert "ok" in result.stdout


def test_environment_variable_points_at_the_journal(
    fresh_journal: Path, run, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    result = run("check", env={"LEADWORK_JOURNAL": str(fresh_journal)})
    assert result.exit_code == 0, result


def test_option_wins_over_environment(fresh_journal: Path, run, tmp_path):
    result = run("check", journal=fresh_journal, env={"LEADWORK_JOURNAL": str(tmp_path / "nope")})
    assert result.exit_code == 0, result


def test_no_journal_says_how_to_make_one(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("check")
    assert result.exit_code == 1
    assert "no journal here" in result.stderr
    assert "leadwork init" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("where", ["missing", "file", "plain-folder"])
def test_bad_journal_option_is_explained(run, tmp_path, where):
    target = tmp_path / "target"
    if where == "file":
        target.write_text("x")
    elif where == "plain-folder":
        target.mkdir()
    result = run("check", journal=target)
    assert result.exit_code == 1
    assert str(target) in result.stderr
    assert "Traceback" not in result.output
