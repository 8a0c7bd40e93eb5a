"""What the views say in weeks a new user tried (trial 17, findings 6, 9 and 11): a week an
indicator was not tracked in, a month read twice, and the report's JSON keys as documented."""

from __future__ import annotations

import json
from pathlib import Path

from journals import write_small_journal

AGREED_AND_RETIRED = """\
[[indicators]]
id = "otd"
name = "On-time delivery"
owner = "maria"
agreed_on = 2026-11-18
serves = ["quality-at-scale"]
unit = "%"
direction = "higher"
target = 95
celebrate = 98
course_correct = 90

[[indicators]]
id = "scrap"
name = "Scrap rate"
owner = "tom"
retired_on = 2026-11-09
direction = "lower"
target = 2.0
celebrate = 1.5
course_correct = 3.0
"""


def small(fresh_journal: Path, indicators: str) -> Path:
    write_small_journal(fresh_journal)
    (fresh_journal / "indicators.toml").write_text(indicators, encoding="utf-8")
    (fresh_journal / "checkins" / "2026-W45.toml").write_text(
        'week = "2026-W45"\n\n[readings]\nscrap = 2.4\n', encoding="utf-8"
    )
    return fresh_journal


def test_indicator_show_a_week_before_it_was_agreed_says_so(run, fresh_journal):
    journal = small(fresh_journal, AGREED_AND_RETIRED)
    result = run("indicator", "show", "otd", "--week", "2026-W46", journal=journal)
    assert result.exit_code == 0, result
    said = "otd was agreed on 2026-11-18 (2026-W47): not tracked in 2026-W46"
    assert said in result.stdout
    assert "Last 0 weeks" not in result.stdout  # no empty table
    assert "in 2026-W46  " not in result.stdout  # no thresholds "in" a week it had none
    assert "thresholds   target 95%" in result.stdout
    data = json.loads(
        run("indicator", "show", "otd", "--week", "2026-W46", "-f", "json", journal=journal).stdout
    )
    assert (data["active"], data["history"], data["not_tracked"]) == (False, [], said)
    tracked = run("indicator", "show", "otd", "-f", "json", journal=journal)
    assert json.loads(tracked.stdout)["not_tracked"] is None


def test_indicator_show_a_week_after_it_was_retired_says_so_above_its_last_weeks(
    run, fresh_journal
):
    journal = small(fresh_journal, AGREED_AND_RETIRED)
    result = run("indicator", "show", "scrap", "--week", "2026-W48", journal=journal)
    assert result.exit_code == 0, result
    assert "scrap was retired on 2026-11-09 (2026-W46): not tracked in 2026-W48" in result.stdout
    assert "Last 0 weeks" not in result.stdout
    # the weeks it was tracked in the window are still shown, under the sentence
    assert result.stdout.index("not tracked") < result.stdout.index("2026-W45 ")


MONTHLY = """
[[indicators]]
id = "complaints"
name = "Customer complaints"
owner = "maria"
agreed_on = 2026-11-02
direction = "lower"
cadence = "monthly"
target = 4
celebrate = 2
course_correct = 7
"""


def test_a_month_read_again_in_another_week_says_both_stand_and_how_to_undo(run, fresh_journal):
    """Trial 17, finding 9: November read 6 in 2026-W46, then 3 in 2026-W48. Both stay,
    each for its weeks (format.md, "A reading stands for its period"), and the check-in
    that adds the second says so, as `check` does, with what to delete for one value."""
    journal = small(fresh_journal, AGREED_AND_RETIRED + MONTHLY)
    first = run(
        "checkin", "--no-input", "--week", "2026-W46", "-r", "complaints=6", journal=journal
    )
    assert first.exit_code == 0, first
    assert "already holds" not in first.stdout  # the month's first reading
    second = run("checkin", "--no-input", "-r", "complaints=3", "-f", "json", journal=journal)
    assert second.exit_code == 0, second
    note = (
        "Nov 2026 already holds 6 (checkins/2026-W46.toml): each stands for its weeks of "
        "Nov 2026, the later from 2026-W48 on. If 3 corrects it, delete `complaints = 6` from "
        "checkins/2026-W46.toml by hand (3 then stands for all of Nov 2026); if 3 is not "
        "Nov 2026's, delete `complaints = 3` from checkins/2026-W48.toml."
    )
    assert json.loads(second.stdout)["notes"] == [note]
    # both were kept, as the note says
    assert "complaints = 6" in (journal / "checkins" / "2026-W46.toml").read_text()
    assert "complaints = 3" in (journal / "checkins" / "2026-W48.toml").read_text()
    again = run("checkin", "--no-input", "-r", "complaints=3", journal=journal)
    assert again.exit_code == 0, again
    assert "already holds" not in again.stdout  # a re-run records nothing new
    changed = run("checkin", "--no-input", "-r", "complaints=4", journal=journal)
    assert "Nov 2026 already holds 6 (checkins/2026-W46.toml)" in " ".join(changed.stdout.split())
    checked = run("check", journal=journal)
    assert "each stands for its weeks of Nov 2026, this one from 2026-W48 on" in " ".join(
        (checked.stdout + checked.stderr).split()
    )


DOCS = Path(__file__).parents[1] / "docs"
# keys whose own keys are data (ids, statuses, categories), not names to document
DATA_KEYS = {"names", "weeks_by_status", "time_average_share", "confidence_average"}
DATA_KEYS |= {"hours", "levels"}


def _section(text: str, heading: str) -> str:
    start = text.index(heading)
    end = text.find("\n## ", start + len(heading))
    return text[start : end if end != -1 else len(text)]


def test_every_key_of_the_report_json_is_documented(run, example_journal):
    """Trial 17, finding 11: cli.md's "leadwork report" and json.md's report section name
    every key `report --format json --private` gives, at every depth, so a script author
    need not guess (`names`, `missing_at_end`, what `checkin_weeks` holds)."""
    result = run("report", "--format", "json", "--private", journal=example_journal)
    assert result.exit_code == 0, result
    docs = _section((DOCS / "cli.md").read_text(encoding="utf-8"), "## leadwork report")
    docs += _section((DOCS / "json.md").read_text(encoding="utf-8"), "## `leadwork report")
    missing: set[str] = set()

    def walk(node: object, path: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if f"`{key}`" not in docs and f'"{key}"' not in docs:
                    missing.add(f"{path}.{key}")
                if key not in DATA_KEYS:
                    walk(value, f"{path}.{key}")
        elif isinstance(node, list):
            for item in node:
                walk(item, f"{path}[]")

    walk(json.loads(result.stdout), "")
    assert not missing, f"the report's JSON keys not documented: {sorted(missing)}"
    # what the docs say of the keys a script author guessed wrong
    data = json.loads(result.stdout)
    assert isinstance(data["weeks"], int) and isinstance(data["checkin_weeks"], list)
    assert all(isinstance(i["missing_at_end"], (str, type(None))) for i in data["indicators"])
