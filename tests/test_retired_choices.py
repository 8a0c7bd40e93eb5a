"""Trial 21, finding 1: a strategic choice and a capability dropped in a strategy review
are kept with `retired_on`: their past records stay valid, later views leave them out, and
a report of the weeks they were live still shows them."""

from __future__ import annotations

from pathlib import Path

from conftest import Run

RETIRED_CHOICE = """
[[choices]]
id = "grow-data"
statement = "Sell insight from our own data."
retired_on = 2026-11-18
"""

RETIRED_CAPABILITY = """
[[capabilities]]
id = "data-platform"
name = "Merchant data platform"
kind = "organizational"
serves = ["grow-data"]
level = 1
target = 3
retired_on = 2026-11-18

[[capabilities.steps]]
what = "Warehouse on one schema"
due = 2026-11-20
"""

STORY = """
[[stories]]
text = "Eva's team sold the first insight pilot"
choice = "grow-data"
"""


def _retire(journal: Path) -> None:
    with (journal / "strategy.toml").open("a") as f:
        f.write(RETIRED_CHOICE)
    with (journal / "capabilities.toml").open("a") as f:
        f.write(RETIRED_CAPABILITY)
    with (journal / "checkins/2026-W45.toml").open("a") as f:
        f.write(STORY)


def test_a_retired_choice_keeps_its_past_and_leaves_later_views(
    run: Run, example_journal: Path
) -> None:
    _retire(example_journal)
    check = run("check", journal=example_journal)
    assert check.exit_code == 0, check
    assert "grow-data" not in check.stderr and "data-platform" not in check.stderr
    assert "grow-data" not in run("dashboard", journal=example_journal).stdout
    assert "Merchant data platform" not in run("dashboard", journal=example_journal).stdout
    shown = run("map", journal=example_journal).stdout
    assert "grow-data" not in shown and "data-platform" not in shown
    assert "Merchant data platform" not in run("capability", "list", journal=example_journal).stdout
    report = run("report", "--from", "2026-W44", "--to", "2026-W47", journal=example_journal)
    assert "### grow-data" in report.stdout
    assert "2026-W45" in report.stdout.split("### grow-data")[1].split("###")[0]
    assert "| Merchant data platform (retired 2026-11-18) |" in report.stdout
    later = run("report", "--from", "2026-W48", "--to", "2026-W48", journal=example_journal)
    assert "grow-data" not in later.stdout and "Merchant data platform" not in later.stdout


def test_a_use_after_retirement_is_warned(run: Run, example_journal: Path) -> None:
    _retire(example_journal)
    with (example_journal / "checkins/2026-W48.toml").open("a") as f:
        f.write(STORY)
    check = run("check", journal=example_journal)
    assert check.exit_code == 0, check
    assert (
        "warning: strategic choice 'grow-data' was retired on 2026-11-18 (2026-W47), "
        "before 2026-W48" in check.stderr
    )


def test_a_removed_choice_is_told_to_stay_retired(run: Run, example_journal: Path) -> None:
    with (example_journal / "checkins/2026-W45.toml").open("a") as f:
        f.write(STORY)
    check = run("check", journal=example_journal)
    assert check.exit_code != 0
    assert "unknown strategic choice 'grow-data'" in check.stderr
    assert "keep it in strategy.toml with retired_on = YYYY-MM-DD" in check.stderr
