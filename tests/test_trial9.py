"""Trial 9's finding: every view labels the latest reading with the week it was read in
(`status.reading_week`)."""

from __future__ import annotations

from pathlib import Path

from conftest import Run

INDICATORS = """\
[[indicators]]
id = "churn"
name = "Monthly churn"
owner = "ana"
agreed_on = 2026-09-01
unit = "%"
direction = "lower"
cadence = "monthly"
target = 2
celebrate = 1
course_correct = 4

[[indicators]]
id = "nps"
name = "Quarterly NPS"
owner = "ana"
agreed_on = 2026-07-01
unit = "pts"
direction = "higher"
cadence = "quarterly"
target = 40
celebrate = 50
course_correct = 30

[[indicators]]
id = "bugs"
name = "Open bugs"
owner = "ana"
agreed_on = 2026-09-01
unit = "bugs"
direction = "lower"
target = 10
celebrate = 5
course_correct = 20
"""


def journal_of(tmp_path: Path, run: Run) -> Path:
    journal = tmp_path / "journal"
    assert run("init", str(journal), "--leader", "Pat Lee").exit_code == 0
    (journal / "team.toml").write_text(
        '[[people]]\nid = "ana"\nname = "Ana Ruiz"\ncadence_days = 14\n'
    )
    (journal / "indicators.toml").write_text(INDICATORS)
    for day, readings in (
        ("2026-09-25", ["churn=2.5", "nps=42", "bugs=12"]),
        ("2026-10-30", ["churn=1.8", "bugs=9", "nps=45"]),
        ("2026-11-27", ["churn=2.2", "bugs=9"]),
        ("2026-12-18", ["bugs=8"]),
    ):
        flags = [f for r in readings for f in ("-r", r)]
        done = run("checkin", "--no-input", *flags, journal=journal, env={"LEADWORK_TODAY": day})
        assert done.exit_code == 0, done
    return journal


def test_every_view_labels_a_quarterly_reading_with_the_week_it_was_read_in(tmp_path, run):
    """Q4's NPS was read in 2026-W44; on 6 January `indicator list` named 2026-W53 (the last
    week the reading stands for) while the prep said 2026-W44."""
    journal = journal_of(tmp_path, run)
    day = {"LEADWORK_TODAY": "2027-01-06"}
    assert run("checkin", "--no-input", "-r", "bugs=7", journal=journal, env=day).exit_code == 0
    out = run("indicator", "list", journal=journal, env=day).stdout
    listed = [line for line in out.splitlines() if line.startswith("nps")]
    assert listed and "45 pts (2026-W44)" in listed[0], listed
    prep = run("one-on-one", "ana", "--prep", journal=journal, env=day).stdout
    assert "45 pts (2026-W44)" in prep
