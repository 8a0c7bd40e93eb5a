"""A month that ended without a reading is named by every view that shows the indicator,
in the dashboard's words (`status.missed_period`, `wording.no_reading_for`): the dashboard,
`indicator list|show`, `map` and the one-on-one preparation, in text and JSON, once the
month after it is read too."""

import json
from pathlib import Path

import pytest

from journals import TRIAL8_COMPLAINTS, TRIAL8_TEAM

TEAM, COMPLAINTS = TRIAL8_TEAM, TRIAL8_COMPLAINTS

MARCH = {"LEADWORK_TODAY": "2027-03-12", "COLUMNS": "160"}  # 2027-W10
SAID = "no reading for Feb 2027"


@pytest.fixture
def journal(fresh_journal: Path, run) -> Path:
    """Complaints read in January and March; February checked in without its reading."""
    with (fresh_journal / "team.toml").open("a") as team:
        team.write(TEAM)
    with (fresh_journal / "indicators.toml").open("a") as indicators:
        indicators.write(COMPLAINTS)
    for today, readings in (
        ("2027-01-29", ["-r", "complaints=5"]),
        ("2027-02-05", []),
        ("2027-02-26", []),
        ("2027-03-12", ["-r", "complaints@2027-03=3"]),
    ):
        env = {"LEADWORK_TODAY": today}
        result = run("checkin", "--no-input", "--hours", "other=40", *readings,
                     journal=fresh_journal, env=env)  # fmt: skip
        assert result.exit_code == 0, result
    return fresh_journal


def shown(run, journal: Path, *args: str) -> str:
    result = run(*args, journal=journal, env=MARCH)
    assert result.exit_code == 0, result
    return " ".join(result.stdout.split())


def test_the_dashboard_names_the_month(journal, run):
    text = shown(run, journal, "dashboard")
    assert f"on track ████····▁▁ {SAID}" in text
    assert "No reading for Feb 2027: Customer complaints." in text
    data = json.loads(shown(run, journal, "dashboard", "--format", "json"))
    (ind,) = data["accountability"]["indicators"]
    assert ind["missing"] == "Feb 2027" and ind["status"] == "on-track"


def test_indicator_list_and_show_name_it_as_the_dashboard_does(journal, run):
    assert f"on track · {SAID}" in shown(run, journal, "indicator", "list")
    (ind,) = json.loads(shown(run, journal, "indicator", "list", "--format", "json"))["indicators"]
    assert ind["missing"] == "Feb 2027"
    text = shown(run, journal, "indicator", "show", "complaints")
    assert f"│ 2027-W08 │ — │ {SAID} │" in text and "no data" not in text
    data = json.loads(shown(run, journal, "indicator", "show", "complaints", "--format", "json"))
    assert data["missing"] == "Feb 2027"


def test_the_preparation_names_it_and_asks_for_it(journal, run):
    text = shown(run, journal, "one-on-one", "oksana", "--prep")
    assert SAID in text
    assert "What was the Feb 2027 reading for Customer complaints?" in text
    data = json.loads(shown(run, journal, "one-on-one", "oksana", "--prep", "--format", "json"))
    (ind,) = data["indicators"]
    assert ind["missing"] == "Feb 2027" and ind["status"] == "on-track"
    markdown = shown(run, journal, "one-on-one", "oksana", "--prep", "--format", "markdown")
    assert f"on track, {SAID}" in markdown


def test_the_map_names_it_as_the_dashboard_does(journal, run):
    """Trial 14: the map said only the value (or "no reading"), and its JSON had no
    `missing`."""
    (journal / "strategy.toml").write_text(
        'purpose = "Fewer complaints."\n[[choices]]\nid = "care"\nstatement = "Care"\n'
    )
    indicators = journal / "indicators.toml"
    indicators.write_text(indicators.read_text().replace(
        'id = "complaints"\n', 'id = "complaints"\nserves = ["care"]\n'
    ))  # fmt: skip
    assert f"3 complaints · {SAID}" in shown(run, journal, "map")
    data = json.loads(shown(run, journal, "map", "--format", "json"))
    found = [i for c in data["choices"] for i in c["indicators"]] + data["loose_indicators"]
    found += [i for c in data["choices"] for cap in c["capabilities"] for i in cap["indicators"]]
    assert {i["missing"] for i in found if i["id"] == "complaints"} == {"Feb 2027"}


def test_a_weekly_indicator_has_no_missing_month(fresh_journal, run):
    with (fresh_journal / "indicators.toml").open("a") as indicators:
        indicators.write(COMPLAINTS.replace('"monthly"', '"weekly"').replace("oksana", "me"))
    data = json.loads(shown(run, fresh_journal, "indicator", "list", "--format", "json"))
    assert data["indicators"][0]["missing"] is None
