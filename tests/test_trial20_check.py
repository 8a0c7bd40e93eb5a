"""Trial 20's findings on what `check` sees: a wrong required value in a definition file
hides no other error (1): the entry that cannot stand is left out, its id kept as known; an
error in team.toml keeps the gaps between the areas (9); a reading after its indicator's
`retired_on` is a warning, and `capability show` lists only the indicators tracked (7)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from journals import replace_once

HEADER = re.compile(r"^(\S+):(\d+):(\d+): (error|warning): (.*)$", re.MULTILINE)
UNCHECKED = "cross-references not checked against indicators.toml until it is valid"
GAPS_NOTE = (
    "note: gaps between strategy, capabilities and indicators not checked until the errors "
    "in indicators.toml are fixed"
)


@pytest.fixture
def journal(example_journal: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(example_journal)  # problems are named relative to where one is
    return example_journal


_edit = replace_once


def _errors(stderr: str) -> list[str]:
    return [m[0] for m in HEADER.finditer(stderr) if m[4] == "error"]


def _two_more_mistakes(journal: Path) -> None:
    """An unknown owner (castings-otd, after greenville-otd in the file) and an unknown
    reading, each an error of its own."""
    _edit(journal / "indicators.toml", 'owner = "tom"', 'owner = "tomm"')
    _edit(
        journal / "checkins/2026-W48.toml",
        "greenville-changeover = 38",
        "greenville-changover = 38",
    )


def test_a_quoted_required_number_hides_no_other_error(journal, run):
    """Finding 1: `target = "99"` made `check` say 1 error where there were 3."""
    _edit(journal / "indicators.toml", "target = 95\n", 'target = "95"\n')  # greenville-otd
    _two_more_mistakes(journal)
    result = run("check", journal=journal)
    assert result.exit_code == 1
    assert _errors(result.stderr) == [
        "indicators.toml:17:1: error: 'target' in [[indicators]] \"greenville-otd\" should be "
        'a number, not the string "95"',
        "checkins/2026-W48.toml:7:1: error: unknown indicator 'greenville-changover' in [readings]",
        # at its line in the file, past the entry left out before it
        "indicators.toml:88:1: error: unknown person 'tomm' (not in team.toml)",
    ]
    # greenville-otd's readings and plans name a known id: its entry is in error
    assert "unknown indicator 'greenville-otd'" not in result.stderr
    assert "did you mean 'greenville-changeover'?" in result.stderr
    assert UNCHECKED not in result.stderr
    assert GAPS_NOTE in result.stderr
    assert result.stderr.rstrip().endswith("3 errors in 2 files")

    data = json.loads(run("check", "--format", "json", journal=journal).stdout)
    assert data["errors"] == 3
    assert [n["file"] for n in data["notes"]] == ["indicators.toml"]


def test_a_misspelt_required_key_hides_no_other_error(journal, run):
    _edit(journal / "indicators.toml", 'name = "Greenville on-time', 'nmae = "Greenville on-time')
    _two_more_mistakes(journal)
    result = run("check", journal=journal)
    assert result.exit_code == 1
    assert [e.split(": error: ")[1] for e in _errors(result.stderr)] == [
        "missing key 'name' in [[indicators]] \"greenville-otd\"",
        "unknown key 'nmae' in [[indicators]] \"greenville-otd\"",
        "unknown indicator 'greenville-changover' in [readings]",
        "unknown person 'tomm' (not in team.toml)",
    ]
    assert UNCHECKED not in result.stderr


def test_a_person_with_a_wrong_required_value_keeps_their_id(journal, run):
    """The same for team.toml: a person who cannot stand is left out, their id known."""
    _edit(journal / "team.toml", 'name = "', "name = 5\n#")
    _two_more_mistakes(journal)
    result = run("check", journal=journal)
    errors = _errors(result.stderr)
    assert len(errors) == 3, result.stderr
    assert "team.toml:7:1: error: 'name' in [[people]] \"marcus\"" in errors[0]
    assert "unknown person 'marcus'" not in result.stderr  # he owns dayton-otd
    assert "not checked against team.toml" not in result.stderr


def test_an_entry_whose_id_is_in_error_folds_what_names_it(journal, run):
    """An entry left out without a valid id takes its id with it: the uses of that id are
    counted under a note, not listed as unknown ids."""
    _edit(journal / "indicators.toml", 'id = "greenville-otd"', 'id = "Greenville OTD"')
    result = run("check", journal=journal)
    assert result.exit_code == 1
    assert "unknown indicator 'greenville-otd'" not in result.stderr
    assert re.search(r"note: \d+ errors? in other files that name ids of", result.stderr)


def test_a_file_that_cannot_be_read_is_still_noted(journal, run):
    (journal / "indicators.toml").write_text(
        (journal / "indicators.toml").read_text() + '\nbroken = "\n'
    )
    _two_more_mistakes(journal)
    result = run("check", journal=journal)
    assert result.exit_code == 1
    assert f"note: {UNCHECKED}" in result.stderr
    assert "unknown indicator 'greenville-changover'" not in result.stderr


def test_a_wrong_value_in_team_toml_keeps_the_warnings(journal, run):
    """Finding 9: `cadence_days = 0` dropped every warning, with no note."""
    before = run("check", journal=journal)
    warnings = [m[0] for m in HEADER.finditer(before.stderr) if m[4] == "warning"]
    assert warnings
    _edit(journal / "team.toml", "cadence_days = 14", "cadence_days = 0")
    result = run("check", journal=journal)
    assert result.exit_code == 1
    assert "'cadence_days' in [[people]]" in result.stderr
    assert [m[0] for m in HEADER.finditer(result.stderr) if m[4] == "warning"] == warnings
    assert "note:" not in result.stderr


# ---- finding 7: a reading after retired_on ----------------------------------------------------


def test_a_reading_after_retired_on_is_a_warning_at_its_line(journal, run):
    _edit(
        journal / "indicators.toml",
        'id = "greenville-otd"\n',
        'id = "greenville-otd"\nretired_on = 2026-11-18\n',
    )
    result = run("check", journal=journal)
    assert result.exit_code == 0, result.stderr
    block = result.stderr.split(
        "checkins/2026-W48.toml:6:1: warning: reading of greenville-otd in 2026-W48, after it "
        "was retired on 2026-11-18: it is not shown\n",
        1,
    )[1]
    assert block.split("\n\n", 1)[0].endswith(
        "= hint: remove it, or move retired_on (in indicators.toml) to a day after 2026-11-23"
    )
    # the week it was retired in still counts it (retired on a Wednesday)
    assert "greenville-otd in 2026-W47" not in result.stderr


def test_capability_show_lists_only_the_indicators_tracked(journal, run):
    """As the dashboard's capability row: a retired indicator no longer tracks it."""
    shown = run("capability", "show", "consultative-selling", journal=journal)
    assert re.search(r"^indicators\s+discovery-meetings$", shown.stdout, re.MULTILINE)
    _edit(
        journal / "indicators.toml",
        'id = "discovery-meetings"\n',
        'id = "discovery-meetings"\nretired_on = 2026-11-18\n',
    )
    shown = run("capability", "show", "consultative-selling", journal=journal)
    assert shown.exit_code == 0, shown.stderr
    assert "discovery-meetings" not in shown.stdout
    asked = ("capability", "show", "consultative-selling", "--format", "json")
    assert "discovery-meetings" not in run(*asked, journal=journal).stdout
