"""Trial 13, finding 6: JSON wrote whole readings and thresholds as floats ("value": 5.0),
so a script building the weekly email printed "5.0 falls" where every text view says
"5 falls". Every `--format json` now writes a whole number as one (`values.whole_numbers`,
the rule the files follow), and it is still a JSON number."""

import json
from pathlib import Path

import pytest


def floats(text: str) -> list[str]:
    """Every number the JSON text writes with a decimal point or an exponent, as written."""
    found: list[str] = []

    def keep(number: str) -> float:
        found.append(number)
        return float(number)

    json.loads(text, parse_float=keep)
    return found


COMMANDS = [
    ("dashboard",),
    ("indicator", "list"),
    ("indicator", "show", "greenville-otd"),
    ("indicator", "export"),
    ("capability", "list"),
    ("capability", "show", "quality-at-scale"),
    ("commitments",),
    ("map",),
    ("report",),
    ("reflect",),
    ("one-on-one", "marcus", "--prep"),
    ("one-on-one", "--due"),
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_json_writes_a_whole_number_as_one(example_journal: Path, run, command):
    result = run(*command, "--format", "json", journal=example_journal)
    assert result.exit_code == 0, result
    whole = [n for n in floats(result.stdout) if float(n).is_integer()]
    assert whole == [], whole


def test_the_dashboard_reading_reads_as_the_file_and_the_text_write_it(fresh_journal, run):
    journal = fresh_journal
    (journal / "indicators.toml").write_text(
        """
[[indicators]]
id = "falls"
name = "Inpatient falls"
owner = "me"
agreed_on = 2026-11-02
unit = "falls"
direction = "lower"
target = 2
celebrate = 1
course_correct = 4
"""
    )
    env = {"LEADWORK_TODAY": "2026-11-13"}
    made = run(
        "checkin", "--no-input", "--hours", "other=40", "-r", "falls=5", journal=journal, env=env
    )
    assert made.exit_code == 0, made
    assert "5 falls" in made.stdout  # as the text views say it
    result = run("dashboard", "--format", "json", journal=journal, env=env)
    assert result.exit_code == 0, result
    (falls,) = json.loads(result.stdout)["accountability"]["indicators"]
    said = {key: falls[key] for key in ("value", "target", "celebrate", "course_correct")}
    assert said == {"value": 5, "target": 2, "celebrate": 1, "course_correct": 4}
    assert '"value": 5,' in result.stdout and '"value": 5.0' not in result.stdout
    assert floats(result.stdout) == []
