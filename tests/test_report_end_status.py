"""Trial 15: the HTML report's "Indicators at the end of 2026-W53" counted an indicator read
in W52 (celebrate) and not in W53 as celebrating, where the dashboard of W53 says "no data".
A status at the range's end is the dashboard's for its last week; only an off-track reading
stands until a new one (weeks without a reading do not end an off-track run)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import Run

INDICATORS = """
[[indicators]]
id = "onboard"
name = "Onboarding time"
owner = "me"
agreed_on = 2026-11-16
unit = "days"
direction = "lower"
target = 3
celebrate = 2
course_correct = 5

[[indicators]]
id = "incidents"
name = "Incidents"
owner = "me"
agreed_on = 2026-11-16
unit = "incidents"
direction = "lower"
target = 3
celebrate = 1
course_correct = 6
"""


def test_a_week_without_a_reading_ends_the_range_with_no_data_unless_off_track(
    tmp_path: Path, run: Run
) -> None:
    journal = tmp_path / "journal"
    assert run("init", str(journal), "--leader", "Ana Costa").exit_code == 0
    with (journal / "indicators.toml").open("a") as indicators:
        indicators.write(INDICATORS)
    for day, readings in (
        ("2026-12-18", ["-r", "onboard=2.5", "-r", "incidents=5"]),  # W51
        ("2026-12-25", ["-r", "onboard=1.5", "-r", "incidents=5"]),  # W52: celebrate, at risk
        ("2026-12-31", []),  # W53: checked in, neither read
    ):
        result = run("checkin", "--no-input", "--hours", "other=5", *readings,
                     journal=journal, env={"LEADWORK_TODAY": day})  # fmt: skip
        assert result.exit_code == 0, result
    today = {"LEADWORK_TODAY": "2026-12-31"}
    board = json.loads(run("dashboard", "-f", "json", journal=journal, env=today).stdout)
    shown = {i["id"]: i["status"] for i in board["accountability"]["indicators"]}
    assert shown == {"onboard": "no-data", "incidents": "no-data"}
    page = run("report", "--from", "2026-W51", "-f", "html", journal=journal, env=today).stdout
    tile = page.split("Indicators at the end of 2026-W53", 1)[1].split("What changed", 1)[0]
    words = " ".join(re.sub(r"<[^>]+>", " ", tile).split())  # the tile's text
    # onboard (celebrate in W52, no reading in W53) is no data; incidents (at risk in W52)
    # stands at risk: its off-track run goes on
    assert words == "0 celebrate 0 on track 1 at risk 0 course-correct 1 no data", words
