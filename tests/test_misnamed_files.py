"""Trial 19, findings 1, 2 and 9: a check-in or one-on-one file whose name is NEAR its right
one (`2026-w50.toml`, `2026-W5.toml`, `2026-W50 .toml`, `2026-12-03-Grace.toml`) is an
error in `check` with the exact rename, a one-line warning in every view, and no writer
makes a second file for its week or meeting; a name far from any stays a warning. The
views' "have problems" line names a few files, then counts the rest."""

import re
from pathlib import Path

import pytest

from conftest import tree_hash

W50 = {"LEADWORK_TODAY": "2026-12-12"}  # a Saturday of 2026-W50
W49 = {"LEADWORK_TODAY": "2026-12-04"}  # a Friday of 2026-W49


def week_file(journal: Path, name: str, week: str | None) -> None:
    """A check-in with a reading, saved under `name` (its `week` key as given)."""
    head = f'week = "{week}"\n' if week else ""
    (journal / "checkins" / name).write_text(f"{head}\n[readings]\ndayton-scrap = 2.9\n")


def grace_file(journal: Path, name: str, *, keys: bool = True) -> None:
    head = 'person = "grace"\ndate = 2026-12-03\n' if keys else ""
    (journal / "one-on-ones" / name).write_text(f'{head}progress = "Quote went out Monday."\n')


def errors(stderr: str) -> list[str]:
    """Each error's header line and its hint, joined."""
    blocks = [b.splitlines() for b in stderr.split("\n\n")]
    found = []
    for lines in blocks:
        if lines and ": error: " in lines[0]:
            hint = next((line.strip() for line in lines if "= hint:" in line), "")
            found.append(f"{Path(lines[0].split(': error: ')[0]).name} | {hint}")
    return found


@pytest.mark.parametrize(
    ("name", "week", "hint"),
    [
        ("2026-w50.toml", "2026-W50", "rename it to checkins/2026-W50.toml"),
        ("2026-W50 .toml", "2026-W50", "rename it to checkins/2026-W50.toml"),
        ("2026-W5.toml", "2026-W50", "rename it to checkins/2026-W50.toml"),
        (
            "2026-W5.toml",
            None,
            "rename it to checkins/2026-W05.toml or checkins/2026-W50.toml, the week it holds",
        ),
    ],
)
def test_a_near_named_checkin_is_an_error_naming_the_rename(example_journal, run, name, week, hint):
    week_file(example_journal, name, week)
    result = run("check", journal=example_journal, env=W50)
    assert result.exit_code == 1
    assert errors(result.stderr) == [f"{name} | = hint: {hint}"]
    assert "so leadwork skips this file" in result.stderr


@pytest.mark.parametrize(
    ("name", "keys"),
    [
        ("2026-12-03-Grace.toml", True),  # the file says person and date
        ("2026-12-03-Grace.toml", False),  # a case variant of the id
        ("2026-12-03-Grace Lindqvist.toml", False),  # her name, not her id
        ("2026-12-3-grace.toml", False),  # the day without its zero
    ],
)
def test_a_near_named_one_on_one_is_an_error_naming_the_rename(example_journal, run, name, keys):
    grace_file(example_journal, name, keys=keys)
    result = run("check", journal=example_journal, env=W49)
    assert result.exit_code == 1
    hint = "rename it to one-on-ones/2026-12-03-grace.toml"
    assert errors(result.stderr) == [f"{name} | = hint: {hint}"]


def test_a_rename_onto_an_existing_file_says_to_merge(example_journal, run):
    week_file(example_journal, "2026-W48 .toml", "2026-W48")  # 2026-W48.toml exists
    result = run("check", journal=example_journal, env=W50)
    assert result.exit_code == 1
    assert "checkins/2026-W48.toml exists: move what this file holds into it" in result.stderr


def test_a_name_far_from_any_stays_a_warning(example_journal, run):
    week_file(example_journal, "notes.toml", "2026-W50")
    grace_file(example_journal, "grace-notes.toml")
    result = run("check", journal=example_journal, env=W50)
    assert result.exit_code == 0
    assert result.stderr.count("so leadwork ignores this file") == 2


VIEWS = [
    ["dashboard"],
    ["dashboard", "--format", "json"],
    ["commitments"],
    ["one-on-one", "grace", "--prep"],
    ["indicator", "list"],
    ["map"],
]


@pytest.mark.parametrize("words", VIEWS, ids=" ".join)
def test_every_view_says_which_file_it_skipped_and_its_rename(example_journal, run, words):
    week_file(example_journal, "2026-w50.toml", "2026-W50")
    result = run(*words, journal=example_journal, env=W50)
    assert result.exit_code == 0, result
    [line] = [line for line in result.stderr.splitlines() if "skipped" in line]
    assert line.startswith("leadwork: warning: ")
    assert line.endswith(
        "2026-w50.toml was skipped for its name, which may make this view wrong; "
        "rename it to checkins/2026-W50.toml"
    )


def test_a_view_names_each_skipped_file_on_one_line(example_journal, run):
    week_file(example_journal, "2026-w50.toml", "2026-W50")
    grace_file(example_journal, "2026-12-03-Grace.toml")
    result = run("dashboard", journal=example_journal, env=W50)
    [line] = [line for line in result.stderr.splitlines() if "skipped" in line]
    assert "2 files were skipped for their names" in line
    assert "2026-w50.toml: rename it to checkins/2026-W50.toml" in line
    assert "2026-12-03-Grace.toml: rename it to one-on-ones/2026-12-03-grace.toml" in line


def test_checkin_refuses_a_second_file_for_a_near_named_week(example_journal, run):
    week_file(example_journal, "2026-w50.toml", "2026-W50")
    before = tree_hash(example_journal)
    words = ["checkin", "--no-input", "-r", "dayton-scrap=2.5"]
    result = run(*words, journal=example_journal, env=W50)
    assert result.exit_code == 1
    assert "2026-w50.toml: error: holds what checkins/2026-W50.toml would" in result.stderr
    assert "hint: rename it to checkins/2026-W50.toml first" in result.stderr
    assert tree_hash(example_journal) == before


def test_a_story_refuses_a_second_file_for_a_near_named_week(example_journal, run):
    week_file(example_journal, "2026-W5.toml", None)  # W05 or W50: either is refused
    before = tree_hash(example_journal)
    result = run("story", "Dayton ran a clean week", journal=example_journal, env=W50)
    assert result.exit_code == 1
    assert "or checkins/2026-W50.toml, the week it holds first" in result.stderr
    assert tree_hash(example_journal) == before


def test_one_on_one_refuses_a_second_file_for_a_near_named_meeting(example_journal, run):
    grace_file(example_journal, "2026-12-03-Grace.toml")
    before = tree_hash(example_journal)
    result = run(
        "one-on-one", "grace", "--date", "2026-12-03", "--no-input", "--progress", "x",
        "--carried", "1,2,3", journal=example_journal, env=W49,
    )  # fmt: skip
    assert result.exit_code == 1, result
    assert "hint: rename it to one-on-ones/2026-12-03-grace.toml first" in result.stderr
    assert tree_hash(example_journal) == before
    # another day's meeting with her is not held up by it
    result = run(
        "one-on-one", "grace", "--date", "2026-12-04", "--no-input", "--progress", "x",
        "--carried", "1,2,3", journal=example_journal, env=W49,
    )  # fmt: skip
    assert result.exit_code == 0, result


def test_the_problems_line_names_a_few_files_then_counts_the_rest(example_journal, run):
    """Finding 9: an indicator removed by hand that 20 check-ins read."""
    path = example_journal / "indicators.toml"
    text = path.read_text()
    start = text.index('[[indicators]]\nid = "discovery-meetings"')
    end = text.index("[[indicators]]", start + 1)
    path.write_text(text[:start] + text[end:])
    result = run("dashboard", journal=example_journal, env=W49)
    [line] = [line for line in result.stderr.splitlines() if "have problems" in line]
    assert re.search(
        r"checkins/2026-W\d\d\.toml and \d+ more check-ins \(2026-W\d\d to 2026-W48\) have "
        r"problems that may make this view wrong; run `leadwork check`$",
        line,
    ), line
    assert line.count(".toml") == 1


# ---- trial 20, finding 6: a review named almost right ---------------------------------------


def review_file(journal: Path, name: str, keys: str) -> None:
    (journal / "reviews" / name).write_text(f'{keys}changes = "none"\n')


STRATEGY_KEYS = 'kind = "strategy"\ndate = 2026-12-01\n'


@pytest.mark.parametrize(
    ("name", "keys", "rename"),
    [
        ("2026-12-01-Strategy.toml", STRATEGY_KEYS, "reviews/2026-12-01-strategy.toml"),
        ("2026-12-02-strategy-review.toml", "", "reviews/2026-12-02-strategy.toml"),
        ("2026-12-02-strategy-review.toml", STRATEGY_KEYS, "reviews/2026-12-01-strategy.toml"),
        ("2026-12-1 strategy.toml", "", "reviews/2026-12-01-strategy.toml"),
        (
            "2026-12-01-Capability-Machinist-Pipeline.toml",
            "",
            "reviews/2026-12-01-capability-machinist-pipeline.toml",
        ),
        (  # the file says which capability
            "2026-12-01-review.toml",
            'kind = "capability"\ncapability = "machinist-pipeline"\n',
            "reviews/2026-12-01-capability-machinist-pipeline.toml",
        ),
    ],
)
def test_a_near_named_review_is_an_error_naming_the_rename(
    example_journal, run, name, keys, rename
):
    review_file(example_journal, name, keys)
    result = run("check", journal=example_journal, env=W49)
    assert result.exit_code == 1, result
    assert errors(result.stderr) == [f"{name} | = hint: rename it to {rename}"]
    assert "so leadwork skips this file" in result.stderr


def test_a_review_name_far_from_any_stays_a_warning(example_journal, run):
    review_file(example_journal, "2026-12-01-notes.toml", "")
    review_file(example_journal, "notes.toml", STRATEGY_KEYS)
    result = run("check", journal=example_journal, env=W49)
    assert result.exit_code == 0, result
    assert result.stderr.count("so leadwork ignores this file") == 2


def test_a_near_named_review_onto_an_existing_one_says_to_merge(example_journal, run):
    review_file(example_journal, "2026-07-20-Strategy.toml", "")
    result = run("check", journal=example_journal, env=W49)
    assert result.exit_code == 1
    assert "reviews/2026-07-20-strategy.toml exists: move what this file holds into it" in (
        result.stderr
    )


@pytest.mark.parametrize("words", [["dashboard"], ["map"], ["capability", "list"]], ids=" ".join)
def test_every_view_says_which_review_it_skipped_and_its_rename(example_journal, run, words):
    review_file(example_journal, "2026-12-01-Strategy.toml", STRATEGY_KEYS)
    result = run(*words, journal=example_journal, env=W49)
    assert result.exit_code == 0, result
    [line] = [line for line in result.stderr.splitlines() if "skipped" in line]
    assert line.startswith("leadwork: warning: ")
    assert line.endswith(
        "reviews/2026-12-01-Strategy.toml was skipped for its name, which may make this view "
        "wrong; rename it to reviews/2026-12-01-strategy.toml"
    )


def test_a_review_refuses_a_second_file_for_a_near_named_review(example_journal, run):
    review_file(example_journal, "2026-12-01-Strategy.toml", STRATEGY_KEYS)
    review_file(example_journal, "2026-12-01-capability-Machinist-Pipeline.toml", "")
    before = tree_hash(example_journal)
    for words in (
        ["strategy", "--changes", "none"],
        ["capability", "machinist-pipeline", "--level", "2", "--reason", "x"],
    ):
        result = run(
            "review", *words, "--date", "2026-12-01", "--no-input",
            journal=example_journal, env=W49,
        )  # fmt: skip
        assert result.exit_code == 1, result
        assert "error: holds what reviews/2026-12-01-" in result.stderr
        assert "it is skipped for its name; nothing was written" in result.stderr
        assert "first" in result.stderr
        assert tree_hash(example_journal) == before
    # another day's review is not held up by it
    result = run(
        "review", "strategy", "--changes", "none", "--date", "2026-12-02", "--no-input",
        journal=example_journal, env=W49,
    )  # fmt: skip
    assert result.exit_code == 0, result
