"""`leadwork map`: purpose -> choices -> capabilities -> indicators, with this week's status,
gaps marked inline; as a tree, Markdown and JSON."""

import json
from pathlib import Path

import pytest

from conftest import tree_hash

EXAMPLE_MAP = """\
What serves what, with each indicator's status in 2026-W48
Purpose  We make the precise parts that keep farms running and patients moving, and we make them
right the first time.
├── quality-first
│   We win on parts that never come back. First-pass quality comes before speed and before price.
│   ├── quality-at-scale  High-quality manufacturing at scale  level 3 of 4
│   │   ⚠ no plan step ahead
│   │   ├── course-correct  3.6%  Dayton scrap rate  dayton-scrap
│   │   └── on track        97.4%  First-pass yield, both plants  first-pass-yield
│   └── coaching-supervisors  Coaching supervisors  level 2 of 3
│       ⚠ no indicator tracks it
├── dependable-delivery
│   The date we promise is the date the customer can plan on. We call before we slip, never after.
│   ├── dependable-scheduling  Dependable scheduling and S&OP  level 2 of 4
│   │   ├── on track        97.6%  Greenville on-time delivery  greenville-otd
│   │   ├── on track        38 min  Greenville CNC changeover time  greenville-changeover
│   │   ├── on track        96.4%  Dayton on-time delivery  dayton-otd
│   │   └── on track        95.7%  Castings supplier on-time  castings-otd
│   └── machinist-pipeline  Growing our own machinists  level 2 of 4
│       ⚠ no indicator tracks it
├── grow-medical
│   We grow medical devices to 30% of sales by 2028, using the precision and traceability our ag
│   work taught us.
│   ├── quality-at-scale  High-quality manufacturing at scale  level 3 of 4
│   │   ⚠ no plan step ahead
│   │   ├── course-correct  3.6%  Dayton scrap rate  dayton-scrap
│   │   └── on track        97.4%  First-pass yield, both plants  first-pass-yield
│   ├── consultative-selling  Consultative selling  level 2 of 4
│   │   └── on track        2 meetings  Medical discovery meetings  discovery-meetings
│   └── on track        4.5 days  Medical quote turnaround  medical-quote-days
├── build-bench
│   We grow our own machinists, supervisors and managers, so neither plant depends on a few heroes,
│   including me.
│   ├── machinist-pipeline  Growing our own machinists  level 2 of 4
│   │   ⚠ no indicator tracks it
│   └── coaching-supervisors  Coaching supervisors  level 2 of 3
│       ⚠ no indicator tracks it
├── one-northfield
│   Two plants, one Northfield: one way to plan, one quality system, and people who can work in
│   either plant.
│   ⚠ no capability serves it
└── ⚠ Indicators that serve nothing
    └── no data         no reading  Overtime hours, both plants  overtime-hours
        ⚠ serves nothing, no owner, no agreed date
⚠ 7 gaps; `leadwork check` says where to fix each.
"""


def stripped(text: str) -> str:
    """Rich pads wrapped lines with spaces; what a person sees is the text without them."""
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def test_the_example_as_a_tree(example_journal, run):
    before = tree_hash(example_journal)
    result = run("map", journal=example_journal)
    assert result.exit_code == 0, result
    assert stripped(result.stdout) == EXAMPLE_MAP
    assert result.stderr == ""
    assert tree_hash(example_journal) == before, "map never writes"


def test_the_tree_counts_each_gap_once_as_check_does(example_journal, run):
    """quality-at-scale shows under two choices; its gap is still one of the 7 warnings."""
    check = run("check", journal=example_journal)
    warnings = check.stderr.count(": warning: ")
    assert f"⚠ {warnings} gaps;" in run("map", journal=example_journal).stdout


def test_the_example_as_json(example_journal, run):
    result = run("map", "--format", "json", journal=example_journal)
    assert result.exit_code == 0, result
    data = json.loads(result.stdout)
    assert data["week"] == "2026-W48"
    assert [c["id"] for c in data["choices"]] == [
        "quality-first",
        "dependable-delivery",
        "grow-medical",
        "build-bench",
        "one-northfield",
    ]
    medical = data["choices"][2]
    assert [c["id"] for c in medical["capabilities"]] == [
        "quality-at-scale",
        "consultative-selling",
    ]
    scrap = medical["capabilities"][0]["indicators"][0]
    assert scrap == {
        "id": "dayton-scrap",
        "name": "Dayton scrap rate",
        "owner": "marcus",
        "unit": "%",
        "direction": "lower",
        "value": 3.6,
        "status": "course-correct",
        "due_for": None,
        "held": None,
        "missing": None,
        "gaps": [],
    }
    assert [i["id"] for i in medical["indicators"]] == ["medical-quote-days"]
    assert medical["capabilities"][0]["gaps"] == ["no plan step ahead"]
    assert medical["capabilities"][1]["next_step"] == {
        "what": "Each account manager joins two customer design reviews at medical accounts",
        "due": "2026-12-15",
    }
    assert data["choices"][4]["gaps"] == ["no capability serves it"]
    assert data["loose_capabilities"] == []
    [overtime] = data["loose_indicators"]
    assert (overtime["id"], overtime["status"], overtime["value"]) == (
        "overtime-hours",
        "no-data",
        None,
    )
    assert overtime["gaps"] == ["serves nothing", "no owner", "no agreed date"]
    assert data["gap_count"] == 7


def test_the_example_as_markdown(example_journal, run):
    result = run("map", "--format", "markdown", journal=example_journal)
    assert result.exit_code == 0, result
    lines = result.stdout.splitlines()
    assert lines[:4] == [
        "# What serves what (2026-W48)",
        "",
        "**Purpose:** We make the precise parts that keep farms running and patients moving, "
        "and we make them right the first time.",
        "",
    ]
    assert lines[4:10] == [
        "- **quality-first**: We win on parts that never come back. First-pass quality comes "
        "before speed and before price.",
        "  - **quality-at-scale** High-quality manufacturing at scale (level 3 of 4) — "
        "⚠ no plan step ahead",
        "    - `dayton-scrap` Dayton scrap rate: 3.6%, **course-correct**",
        "    - `first-pass-yield` First-pass yield, both plants: 97.4%, **on track**",
        "  - **coaching-supervisors** Coaching supervisors (level 2 of 3) — "
        "⚠ no indicator tracks it",
        "- **dependable-delivery**: The date we promise is the date the customer can plan on. "
        "We call before we slip, never after.",
    ]
    assert "  - `medical-quote-days` Medical quote turnaround: 4.5 days, **on track**" in lines
    assert lines[-4:] == [
        "- ⚠ Indicators that serve nothing",
        "  - `overtime-hours` Overtime hours, both plants: no reading, **no data** — "
        "⚠ serves nothing, no owner, no agreed date",
        "",
        "⚠ 7 gaps; `leadwork check` says where to fix each.",
    ]


# ---- crafted journals ---------------------------------------------------------------------------

STRATEGY = """\
purpose = "Parts that *never* come back."

[[choices]]
id = "quality-first"
statement = "Quality over speed."
"""

CAPABILITIES = """\
[[capabilities]]
id = "spc"
name = "SPC"
kind = "organizational"
serves = ["quality-first"]
level = 2
target = 4

[[capabilities.steps]]
what = "SPC on line 3"
due = 2026-12-01

[[capabilities]]
id = "loner"
name = "Serves | no choice"
kind = "individual"
level = 1
target = 3
"""

INDICATORS = """\
[[indicators]]
id = "cpk"
name = "Cpk"
owner = "maria"
agreed_on = 2026-01-05
serves = ["spc", "quality-first"]
direction = "higher"
target = 1.33
celebrate = 1.67
course_correct = 1.0

[[indicators.changes]]
since = 2026-11-23
target = 1.5
celebrate = 1.8
"""


@pytest.fixture
def journal(fresh_journal: Path) -> Path:
    (fresh_journal / "team.toml").write_text('[[people]]\nid = "maria"\nname = "Maria"\n')
    (fresh_journal / "strategy.toml").write_text(STRATEGY)
    (fresh_journal / "capabilities.toml").write_text(CAPABILITIES)
    (fresh_journal / "indicators.toml").write_text(INDICATORS)
    return fresh_journal


def map_json(run, journal) -> dict:
    result = run("map", "--format", "json", journal=journal)
    assert result.exit_code == 0, result
    return json.loads(result.stdout)


def test_status_is_this_weeks_and_uses_the_thresholds_in_effect(journal, run):
    """1.4 met the agreed target (1.33), but the target changed to 1.5 in this week."""
    (journal / "checkins" / "2026-W48.toml").write_text(
        'week = "2026-W48"\n[readings]\ncpk = 1.4\n'
    )
    data = map_json(run, journal)
    [cpk] = data["choices"][0]["capabilities"][0]["indicators"]
    assert (cpk["value"], cpk["status"]) == (1.4, "at-risk")
    assert data["choices"][0]["indicators"][0]["status"] == "at-risk"


def test_the_map_stands_where_the_dashboard_stands(journal, run):
    """Before this week's check-in (a story captured on Tuesday is not one), last week's
    reading is the latest there is; a broken check-in far outside the window is never
    opened."""
    (journal / "checkins" / "2026-W47.toml").write_text('week = "2026-W47"\n[readings]\ncpk = 2\n')
    (journal / "checkins" / "2026-W48.toml").write_text(
        'week = "2026-W48"\n[[stories]]\ntext = "Captured on Tuesday"\n'
    )
    (journal / "checkins" / "2025-W40.toml").write_text("this is not TOML")
    data = map_json(run, journal)
    [cpk] = data["choices"][0]["capabilities"][0]["indicators"]
    assert (cpk["value"], cpk["status"]) == (2, "celebrate")
    dashboard = json.loads(run("dashboard", "--format", "json", journal=journal).stdout)
    [shown] = [i for i in dashboard["accountability"]["indicators"] if i["id"] == "cpk"]
    assert shown["value"] == 2


def test_a_capability_serving_no_choice_has_its_own_branch(journal, run):
    result = run("map", journal=journal)
    assert result.exit_code == 0, result
    assert stripped(result.stdout).endswith(
        "└── ⚠ Capabilities that serve no strategic choice\n"
        "    └── loner  Serves | no choice  level 1 of 3\n"
        "        ⚠ serves no strategic choice, no indicator tracks it, no plan step ahead\n"
        "⚠ 3 gaps; `leadwork check` says where to fix each.\n"
    )
    data = map_json(run, journal)
    assert [c["id"] for c in data["loose_capabilities"]] == ["loner"]


def test_markdown_escapes_the_persons_text(journal, run):
    result = run("map", "--format", "markdown", journal=journal)
    assert "**Purpose:** Parts that \\*never\\* come back." in result.stdout
    assert "  - **loner** Serves \\| no choice (level 1 of 3)" in result.stdout


def test_retired_indicators_are_left_out(journal, run):
    text = (journal / "indicators.toml").read_text()
    (journal / "indicators.toml").write_text(
        text.replace("[[indicators.changes]]", "retired_on = 2026-11-01\n\n[[indicators.changes]]")
    )
    data = map_json(run, journal)
    assert data["choices"][0]["capabilities"][0]["indicators"] == []
    assert data["choices"][0]["capabilities"][0]["gaps"] == ["no indicator tracks it"]


def test_a_new_journal_has_an_empty_map(fresh_journal, run):
    result = run("map", journal=fresh_journal)
    assert result.exit_code == 0, result
    assert stripped(result.stdout) == (
        "What serves what, with each indicator's status in 2026-W48\n"
        "Purpose  (no purpose written yet in strategy.toml)\n"
        "└── (no strategic choices yet in strategy.toml)\n"
        "No gaps: every choice, capability and indicator is linked.\n"
    )


def test_a_broken_definition_is_reported_not_mapped(journal, run):
    (journal / "capabilities.toml").write_text(CAPABILITIES.replace("level = 2", "level = 7"))
    result = run("map", journal=journal)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "capabilities.toml:6:1: error: 'level' in [[capabilities]] \"spc\" is 7" in result.stderr
    assert "Traceback" not in result.output


def test_bad_format_is_a_usage_error(journal, run):
    result = run("map", "--format", "html", journal=journal)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_the_capture_in_docs_cli_md_is_what_map_prints(example_journal, run):
    doc = (Path(__file__).parents[1] / "docs" / "cli.md").read_text(encoding="utf-8")
    section = doc.split("## leadwork map\n", 1)[1]
    capture = section.split("The example journal:\n\n```\n", 1)[1].split("```\n", 1)[0]
    assert capture == EXAMPLE_MAP
