"""An hours question skipped with Enter (trial 18, finding 11). The rule
(`your_work.week_hours`, docs/format.md): in a week with a time audit, an area left out
is 0 hours; a week with no `[hours]` has no audit and is in no average. The interview
says so at each hours question ("Enter: 0"), and every view agrees."""

import re
from pathlib import Path

import pytest

from journals import write_small_journal

TODAY = {"LEADWORK_TODAY": "2026-12-04", "COLUMNS": "100"}  # 2026-W49

W47 = """\
week = "2026-W47"

[hours]
alignment = 10
capability = 6
accountability = 12
someone_elses_job = 8
other = 4
"""

W48 = """\
week = "2026-W48"

[hours]
alignment = 8
capability = 6
accountability = 12
other = 4
"""


@pytest.fixture
def journal(fresh_journal: Path) -> Path:
    write_small_journal(fresh_journal)
    (fresh_journal / "checkins/2026-W47.toml").write_text(W47)
    (fresh_journal / "checkins/2026-W48.toml").write_text(W48)
    return fresh_journal


def hours_prompts(output: str) -> list[str]:
    """The hours questions as shown (CliRunner echoes no answer: one line, split here)."""
    block = output.split("Time audit", 1)[1].splitlines()[1]
    return re.findall(r"  .*?[)\]]: ", block)


def test_each_hours_question_says_enter_is_0_until_a_value_is_recorded(journal, run, monkeypatch):
    monkeypatch.setattr("leadwork.cli.prompts.stdin_is_terminal", lambda: True)
    first = run("checkin", journal=journal, env=TODAY, input="\n" * 5 + "9\n" + "\n" * 40)
    assert first.exit_code == 0, first
    assert hours_prompts(first.stdout)[:5] == [
        "  alignment (Enter: 0): ",
        "  capability (Enter: 0): ",
        "  accountability (Enter: 0): ",
        "  someone else's job (Enter: 0): ",
        "  other (Enter: 0): ",
    ]
    # Amended, Enter keeps what is recorded, and says so with its [value]; an area still
    # left out says Enter is 0.
    again = run("checkin", journal=journal, env=TODAY, input="\n" * 40)
    assert again.exit_code == 0, again
    assert hours_prompts(again.stdout) == [
        "  alignment (Enter: 0): ",
        "  capability (Enter: 0): ",
        "  accountability (Enter: 0): ",
        "  someone else's job [9]: ",
        "  other (Enter: 0): ",
    ]


def test_a_left_out_area_is_0_in_every_view(journal, run):
    """W48 leaves someone else's job out: 0 h that week, in the 4-week average (8+0)/2,
    and in the report's table (it said "—" while averaging it as 0)."""
    dashboard = run("dashboard", "--week", "2026-W48", journal=journal, env=TODAY)
    assert dashboard.exit_code == 0, dashboard
    line = next(
        line
        for line in dashboard.stdout.splitlines()
        if "someone else's job" in line and "h" in line
    )
    assert line.split()[-2:] == ["0h", "4h"], line
    report = run(
        "report", "--from", "2026-W47", "--to", "2026-W48", "--private", journal=journal, env=TODAY
    )
    assert report.exit_code == 0, report
    assert "| 2026-W48 | 8 | 6 | 12 | 0 | 4 | 0% |" in report.stdout
