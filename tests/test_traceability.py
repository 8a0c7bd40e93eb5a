"""`leadwork check` reports the gaps between the three areas as warnings (exit 0 unless
--strict), and warns when review files no longer agree with the journal."""

import json
from pathlib import Path

import pytest

from conftest import tree_hash

STRATEGY = """\
purpose = "Parts that never come back."

[[choices]]
id = "quality-first"
statement = "Quality over speed."

[[choices]]
id = "grow-medical"
statement = "Grow medical."
"""

CAPABILITIES = """\
[[capabilities]]
id = "lean-flow"
name = "Lean flow"
kind = "organizational"
serves = ["quality-first"]
level = 2
target = 4

[[capabilities.steps]]
what = "Map the value stream"
due = 2026-12-18

[[capabilities]]
id = "side-project"
name = "A capability for no choice"
kind = "individual"
level = 2
target = 3

[[capabilities.steps]]
what = "Start"

[[capabilities]]
id = "spc"
name = "Statistical process control"
kind = "organizational"
serves = ["quality-first"]
level = 2
target = 4

[[capabilities.steps]]
what = "SPC on line 3"
done = 2026-06-01

[[capabilities]]
id = "built"
name = "Already at its target"
kind = "organizational"
serves = ["quality-first"]
level = 4
target = 4
"""

INDICATORS = """\
[[indicators]]
id = "flow-days"
name = "Order to ship"
owner = "maria"
agreed_on = 2026-06-01
serves = ["lean-flow"]
direction = "lower"
target = 5
celebrate = 4
course_correct = 7

[[indicators]]
id = "orphan"
name = "Serves nothing"
owner = "maria"
agreed_on = 2026-06-01
direction = "higher"
target = 5
celebrate = 6
course_correct = 4

[[indicators]]
id = "cpk"
name = "Cpk on line 3"
serves = ["spc"]
agreed_on = 2026-06-01
direction = "higher"
target = 1.33
celebrate = 1.67
course_correct = 1.0

[[indicators]]
id = "built-check"
name = "Audit score"
owner = "maria"
serves = ["built"]
direction = "higher"
target = 90
celebrate = 95
course_correct = 80

[[indicators]]
id = "old"
name = "Retired, serves nothing, no owner"
direction = "higher"
target = 1
celebrate = 2
course_correct = 0
retired_on = 2026-01-01
"""

TEAM = """\
[[people]]
id = "maria"
name = "Maria Santos"
"""

# (file, line, message, hint): every gap kind, each at the line that defines the thing.
EXPECTED = [
    (
        "capabilities.toml",
        14,
        "capability 'side-project' serves no strategic choice",
        'add serves = ["…"] with the ids of the strategic choices it is built for',
    ),
    (
        "capabilities.toml",
        14,
        "capability 'side-project': no indicator tracks it",
        'agree a leading indicator with serves = ["side-project"] in indicators.toml',
    ),
    (
        "capabilities.toml",
        24,
        "capability 'spc' has no plan step ahead (level 2, target 4)",
        "add the next [[capabilities.steps]] to its plan",
    ),
    (
        "indicators.toml",
        13,
        "indicator 'orphan' serves nothing",
        'add serves = ["…"] with the id of the capability or strategic choice it is a '
        "leading indicator of",
    ),
    (
        "indicators.toml",
        23,
        "indicator 'cpk' has no owner",
        'a leading indicator is owned by one person: set owner = "…" to a team id',
    ),
    (
        "indicators.toml",
        33,
        "indicator 'built-check' has no agreed date",
        "leading indicators are agreed jointly: set agreed_on = YYYY-MM-DD (and agreed_with) "
        "once you have",
    ),
    (
        "strategy.toml",
        8,
        "strategic choice 'grow-medical': no capability serves it",
        "name it in `serves` of the capabilities it needs (capabilities.toml); a choice "
        "nothing serves stays a wish",
    ),
]


@pytest.fixture
def journal(fresh_journal: Path, monkeypatch) -> Path:
    monkeypatch.chdir(fresh_journal)
    for name, text in {
        "strategy.toml": STRATEGY,
        "capabilities.toml": CAPABILITIES,
        "indicators.toml": INDICATORS,
        "team.toml": TEAM,
    }.items():
        (fresh_journal / name).write_text(text)
    return fresh_journal


def warnings_in(stderr: str) -> list[tuple[str, int, str, str]]:
    """(file, line, message, hint) of every warning, in the order printed."""
    found = []
    lines = stderr.splitlines()
    for index, line in enumerate(lines):
        if ": warning: " not in line:
            continue
        where, message = line.split(": warning: ", 1)
        file, number, _ = where.split(":")
        hint = next(
            (
                later.split("= hint: ", 1)[1]
                for later in lines[index + 1 : index + 6]
                if "= hint: " in later
            ),
            "",
        )
        found.append((file, int(number), message, hint))
    return found


def test_every_kind_of_gap_is_a_warning_at_its_line(journal, run):
    before = tree_hash(journal)
    result = run("check", journal=journal)
    assert tree_hash(journal) == before
    assert result.exit_code == 0, result
    assert result.stdout.startswith("ok: the journal is valid")
    assert warnings_in(result.stderr) == EXPECTED
    assert result.stderr.rstrip().endswith("7 warnings in 3 files")
    assert "error" not in result.stderr


def test_each_warning_shows_the_line_it_is_about(journal, run):
    result = run("check", journal=journal)
    assert (
        "strategy.toml:8:1: warning: strategic choice 'grow-medical': no capability serves it\n"
        "  |\n"
        '8 | id = "grow-medical"\n'
        "  | ^^\n"
    ) in result.stderr


def test_strict_fails_on_gaps(journal, run):
    assert run("check", "--strict", journal=journal).exit_code == 1


def test_json_lists_gaps_as_warnings(journal, run):
    result = run("check", "--format", "json", journal=journal)
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["ok"] is True
    assert (report["errors"], report["warnings"]) == (0, 7)
    assert {p["severity"] for p in report["problems"]} == {"warning"}
    assert report["problems"][0]["key"] == "capabilities[1].id"
    assert run("check", "--format", "json", "--strict", journal=journal).exit_code == 1


def test_a_linked_journal_has_no_gaps(journal, run):
    (journal / "strategy.toml").write_text(STRATEGY.split('\n[[choices]]\nid = "grow')[0])
    (journal / "capabilities.toml").write_text(
        CAPABILITIES.split('\n[[capabilities]]\nid = "side')[0]
    )
    (journal / "indicators.toml").write_text(INDICATORS.split('\n[[indicators]]\nid = "orphan')[0])
    result = run("check", journal=journal)
    assert result.exit_code == 0, result
    assert result.stderr == ""


def test_a_capability_at_its_target_needs_no_plan(journal, run):
    """'built' has no steps at all, but it is at level 4 of 4: not a gap."""
    result = run("check", journal=journal)
    assert "'built'" not in result.stderr


def test_retired_indicators_take_no_part(journal, run):
    """'old' serves nothing and has no owner, but it is retired: no warning about it, and a
    capability tracked only by a retired indicator is tracked by nothing."""
    text = (journal / "indicators.toml").read_text()
    (journal / "indicators.toml").write_text(
        text.replace('serves = ["lean-flow"]', 'serves = ["lean-flow"]\nretired_on = 2026-11-01')
    )
    found = [w[2] for w in warnings_in(run("check", journal=journal).stderr)]
    assert not any("'old'" in message for message in found)
    assert "capability 'lean-flow': no indicator tracks it" in found


def test_gaps_wait_until_the_definitions_are_sound(journal, run):
    """A broken or inconsistent definition file would make every gap a false alarm."""
    text = (journal / "capabilities.toml").read_text()
    (journal / "capabilities.toml").write_text(text.replace("level = 2", "level = 9", 1))
    result = run("check", journal=journal)
    assert result.exit_code == 1
    assert "warning:" not in result.stderr
    assert result.stderr.count("error:") == 1

    (journal / "capabilities.toml").write_text(text.replace('["quality-first"]', '["qualty"]', 1))
    result = run("check", journal=journal)
    assert result.exit_code == 1
    assert "unknown strategic choice 'qualty'" in result.stderr
    assert "warning:" not in result.stderr


def test_a_broken_checkin_does_not_hide_gaps(journal, run):
    (journal / "checkins" / "2026-W48.toml").write_text('week = "2026-W48"\nbogus = 1\n')
    result = run("check", journal=journal)
    assert result.exit_code == 1
    assert "unknown key 'bogus'" in result.stderr
    assert len(warnings_in(result.stderr)) == 7


# ---- review files that no longer agree with the journal -----------------------------------------

REVIEW = """\
kind = "capability"
date = 2026-11-20
capability = "lean-flow"
level = 3
reason = "Line 3 flows."
steps_done = ["Map the value stream", 1]
"""


def test_a_level_that_drifted_from_the_latest_review_is_a_warning(journal, run):
    (journal / "reviews" / "2026-11-20-capability-lean-flow.toml").write_text(REVIEW)
    (journal / "reviews" / "2026-10-01-capability-lean-flow.toml").write_text(
        REVIEW.replace("2026-11-20", "2026-10-01").replace("level = 3", "level = 2")
    )
    result = run("check", journal=journal)
    assert result.exit_code == 0
    assert (
        "capabilities.toml",
        6,
        "'lean-flow' is at level 2 here, but its latest review "
        "(reviews/2026-11-20-capability-lean-flow.toml) re-assessed it at 3",
        "set level = 3, or record why it changed with `leadwork review capability lean-flow`",
    ) in warnings_in(result.stderr)


def test_steps_done_must_name_steps_of_the_plan(journal, run):
    (journal / "reviews" / "2026-11-20-capability-lean-flow.toml").write_text(
        REVIEW.replace('["Map the value stream", 1]', '["Map the value streams", 2]')
    )
    found = warnings_in(run("check", journal=journal).stderr)
    review = "reviews/2026-11-20-capability-lean-flow.toml"
    assert (
        review,
        6,
        "'Map the value streams' is not a plan step of 'lean-flow' in capabilities.toml",
        "was the step renamed or removed? copy its `what` from capabilities.toml",
    ) in found
    assert any(w[0] == review and w[2].startswith("step 2 is not a plan step") for w in found)


def test_steps_done_must_be_texts_or_positions(journal, run):
    (journal / "reviews" / "2026-11-20-capability-lean-flow.toml").write_text(
        REVIEW.replace('["Map the value stream", 1]', '["Map the value stream", 0]')
    )
    result = run("check", journal=journal)
    assert result.exit_code == 1
    assert (
        "reviews/2026-11-20-capability-lean-flow.toml:6:1: error: 'steps_done': entry 2 (0) "
        "should be a step's text in quotes, or its position in the plan (1 for the first step)"
    ) in result.stderr


def test_a_review_filed_under_another_capability_is_an_error(journal, run):
    (journal / "reviews" / "2026-11-20-capability-spc.toml").write_text(REVIEW)
    result = run("check", journal=journal)
    assert result.exit_code == 1
    assert (
        "reviews/2026-11-20-capability-spc.toml:3:1: error: the file name is for 'spc' but "
        "capability = 'lean-flow'"
    ) in result.stderr


def test_an_answered_signal_whose_text_changed_is_a_warning(journal, run):
    (journal / "checkins" / "2026-W47.toml").write_text(
        'week = "2026-W47"\n\n[[conversations]]\nwith = "customer"\n'
        'text = "They want design help."\nrefresh = true\n'
    )
    (journal / "reviews" / "2026-11-25-strategy.toml").write_text(
        'kind = "strategy"\ndate = 2026-11-25\n\n[[answered]]\nweek = "2026-W47"\n'
        'source = "conversation"\ntext = "They want design help!"\n'
    )
    found = warnings_in(run("check", journal=journal).stderr)
    assert (
        "reviews/2026-11-25-strategy.toml",
        7,
        "this signal is no longer in checkins/2026-W47.toml",
        "was its text edited there? make the two texts the same again",
    ) in found
