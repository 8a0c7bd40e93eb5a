"""Never a silent wrong view (issue 14): every command that shows the journal runs
`check`'s cross-file rules over the files it read. An id used twice refuses the view; an
unknown indicator in the readings, or a threshold on the wrong side of the target, shows
the view under one warning line on stderr that names the files and `leadwork check`. A
quick capture saves while another file is broken, and says which."""

import json
from pathlib import Path

import pytest

from leadwork.render.problems import display_path

W48 = "checkins/2026-W48.toml"


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def duplicate_id(journal: Path) -> None:
    """The second indicator takes the first one's id."""
    _replace(journal / "indicators.toml", 'id = "greenville-changeover"', 'id = "greenville-otd"')


def wrong_side(journal: Path) -> None:
    """Higher is better, yet celebrate (92) is below the target (95)."""
    _replace(journal / "indicators.toml", "celebrate = 98\n", "celebrate = 92\n")


def unknown_reading(journal: Path) -> None:
    """A reading for an indicator id that indicators.toml does not define."""
    _replace(
        journal / W48, "greenville-otd = 97.6\n", "greenville-otd = 97.6\ngreenvile-otd = 12\n"
    )


# Each view as text and, where it has one, as JSON (stdout must stay clean JSON).
VIEWS = {
    "dashboard": ["dashboard"],
    "dashboard json": ["dashboard", "--format", "json"],
    "indicator list": ["indicator", "list"],
    "indicator list json": ["indicator", "list", "--format", "json"],
    "indicator show": ["indicator", "show", "greenville-otd"],
    "map": ["map"],
    "map json": ["map", "--format", "json"],
    "prep": ["one-on-one", "priya", "--prep"],
    "prep json": ["one-on-one", "priya", "--format", "json"],
    "commitments": ["commitments"],
    "reflect json": ["reflect", "--format", "json"],
    "report json": ["report", "--format", "json"],
}


def shown(path: Path) -> str:
    """A file as messages name it from where the tests run (relative when it is below the
    current folder or one up, else whole: the same rule as every error's)."""
    return display_path(path, Path.cwd())


def _warning_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("leadwork: warning:")]


def _assert_clean_stdout(args: list[str], stdout: str) -> None:
    if "json" in args:
        json.loads(stdout)  # valid JSON, nothing else mixed in
    assert "leadwork: warning:" not in stdout


@pytest.mark.parametrize("view", VIEWS)
def test_a_duplicated_indicator_id_refuses_every_view(example_journal, run, view):
    duplicate_id(example_journal)
    assert run("check", journal=example_journal).exit_code == 1
    result = run(*VIEWS[view], journal=example_journal)
    assert result.exit_code == 1, result
    assert result.stdout == ""
    assert "indicators.toml:22:1: error: duplicate id 'greenville-otd'" in result.stderr
    assert "every id in a file must be different" in result.stderr


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize(
    ("breaks", "named"),
    [(wrong_side, ["indicators.toml"]), (unknown_reading, [W48])],
    ids=["threshold on the wrong side", "reading for an unknown id"],
)
def test_a_view_of_a_journal_check_rejects_says_so_on_stderr(
    example_journal, run, view, breaks, named
):
    breaks(example_journal)
    assert run("check", journal=example_journal).exit_code == 1
    result = run(*VIEWS[view], journal=example_journal)
    assert result.exit_code == 0, result
    _assert_clean_stdout(VIEWS[view], result.stdout)
    (line,) = _warning_lines(result.stderr)
    assert result.stderr == line + "\n"  # one line, and nothing else
    for rel in named:
        assert shown(example_journal / rel) in line
    assert line.endswith(" has problems that may make this view wrong; run `leadwork check`")


@pytest.mark.parametrize("view", VIEWS)
def test_a_sound_journal_gets_no_warning(example_journal, run, view):
    result = run(*VIEWS[view], journal=example_journal)
    assert result.exit_code == 0, result
    assert result.stderr == ""


def test_the_warning_names_every_file_with_problems_in_order(example_journal, run):
    wrong_side(example_journal)
    unknown_reading(example_journal)
    result = run("dashboard", "--format", "json", journal=example_journal)
    assert result.exit_code == 0, result
    json.loads(result.stdout)
    (line,) = _warning_lines(result.stderr)
    files = f"{shown(example_journal / 'indicators.toml')}, {shown(example_journal / W48)}"
    assert line == (
        f"leadwork: warning: {files} have problems that may make this view wrong; "
        "run `leadwork check`"
    )


def test_files_a_view_did_not_read_are_not_judged(example_journal, run):
    """The capability list reads no check-in: a reading in one is not its concern (and a
    dashboard of ten years never pays for reading them all)."""
    unknown_reading(example_journal)
    result = run("capability", "list", journal=example_journal)
    assert result.exit_code == 0, result
    assert result.stderr == ""


def test_an_old_check_in_outside_the_view_is_not_read_for_it(example_journal, run):
    """A bad reading 30 weeks back is `check`'s to report, not the dashboard's."""
    old = example_journal / "checkins/2026-W01.toml"
    old.write_text('week = "2026-W01"\n\n[readings]\nno-such-indicator = 1\n')
    assert run("check", journal=example_journal).exit_code == 1
    result = run("dashboard", journal=example_journal)
    assert result.exit_code == 0, result
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("args", "kind"),
    [
        (["story", "Priya", "fixed", "the", "kits"], "story"),
        (["conversation", "--with", "customer", "They", "liked", "it"], "conversation"),
    ],
)
def test_a_capture_saves_while_team_toml_is_broken_and_says_so(example_journal, run, args, kind):
    team = example_journal / "team.toml"
    team.write_text(team.read_text() + '\n[[people]\nid = "x"\n')
    before = (example_journal / W48).read_text()
    result = run(*args, journal=example_journal)
    assert result.exit_code == 0, result
    assert result.stdout.startswith(f"Added a {kind} to {W48}")
    assert (example_journal / W48).read_text() != before
    (line,) = _warning_lines(result.stderr)
    assert result.stderr == line + "\n"
    assert line == (
        f"leadwork: warning: {shown(team)} has problems (the {kind} was saved all the same); "
        "run `leadwork check`"
    )


def test_a_capture_is_not_refused_for_an_id_used_twice(example_journal, run):
    """The story is written before the check runs: a refusal then would say it was not."""
    duplicate_id(example_journal)
    result = run("story", "Keisha ran the audit", journal=example_journal)
    assert result.exit_code == 0, result
    (line,) = _warning_lines(result.stderr)
    assert shown(example_journal / "indicators.toml") in line


def test_a_capture_into_a_sound_journal_says_nothing_more(example_journal, run):
    result = run("story", "Keisha ran the audit", journal=example_journal)
    assert result.exit_code == 0, result
    assert result.stderr == ""


def test_a_view_stopped_by_one_file_says_check_lists_them_all(example_journal, run):
    """The trial broke four files; the dashboard named one per run, and nothing said that
    `check` would have listed the four at once."""
    indicators = example_journal / "indicators.toml"
    indicators.write_text(indicators.read_text().replace("target = 95", "traget = 95", 1))
    result = run("dashboard", journal=example_journal)
    assert result.exit_code == 1
    assert result.stderr.rstrip().endswith(
        "note: `leadwork check` lists every problem in the journal at once"
    )
