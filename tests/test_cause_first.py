"""`leadwork check` says the cause first (issue 14, item 10): a file's own errors before what
the files say of each other, the echoes of a broken definition folded and counted, each use of
an unknown id named, and hints for the slips tomllib's words do not name."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from leadwork.render.problems import display_path


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, count))


def _shown(path: Path) -> str:
    return display_path(path, Path.cwd())


def test_a_misspelt_people_header_is_the_one_error_shown(example_journal, run):
    _edit(example_journal / "team.toml", "[[people]]", "[[peeple]]", count=-1)
    result = run("check", journal=example_journal)
    assert result.exit_code == 1
    first = result.stderr.split("\n", 1)[0]
    assert first == f"{_shown(example_journal / 'team.toml')}:5:1: error: unknown key 'peeple'"
    assert "unknown person" not in result.stderr
    assert re.search(
        r"note: (\d+) errors in other files that name ids of \S*team.toml are not shown: they "
        r"may only follow from its errors above. Fix \S*team.toml first",
        result.stderr,
    )
    # the example's standing warnings (gaps between the areas) stay: people play no part
    assert result.stderr.rstrip().endswith("1 error and 7 warnings in 4 files")

    data = json.loads(run("check", "--format", "json", journal=example_journal).stdout)
    assert data["errors"] == 1
    assert [n["message"][:36] for n in data["notes"]][-1] == "45 errors in other files that name i"


def test_a_misspelt_key_inside_a_person_leaves_the_ids_standing(example_journal, run):
    """Only lost ids fold: with every id in place, an unknown person is a real error."""
    _edit(example_journal / "team.toml", "cadence_days", "cadnce_days")
    _edit(example_journal / "indicators.toml", 'owner = "tom"', 'owner = "bob"')
    result = run("check", journal=example_journal)
    assert "unknown key 'cadnce_days'" in result.stderr
    assert "unknown person 'bob' (not in team.toml)" in result.stderr
    assert "not shown" not in result.stderr


def test_an_id_renamed_is_reported_at_every_use_the_first_in_full(example_journal, run):
    """Every use of the unknown id is a problem of its own, so the count is true and each
    place to edit is named (eleventh trial: one said, the rest a range of files); the
    first shows its line and hint, the others follow on one line each."""
    _edit(example_journal / "indicators.toml", 'id = "dayton-scrap"', 'id = "dayton-scrap-rate"')
    result = run("check", journal=example_journal)
    readings = [line for line in result.stderr.splitlines() if "in [readings]" in line]
    weeks = [f"2026-W{n}" for n in range(29, 49)]
    assert readings == [
        f"{_shown(example_journal / f'checkins/{week}.toml')}:9:1: error: unknown indicator "
        "'dayton-scrap' in [readings]"
        for week in weeks
    ]
    first = result.stderr.index(readings[0])
    shown = result.stderr[first:].split("\n")
    assert shown[1:5] == [
        "  |",
        "9 | dayton-scrap = 2.1",
        "  | ^^^^^^^^^^^^",
        "  = hint: did you mean 'dayton-scrap-rate'? if not, and 'dayton-scrap' is an indicator "
        "you removed, keep it in indicators.toml with retired_on = YYYY-MM-DD to retire it "
        "(the same in 19 more places, listed after this one)",
    ]
    assert shown[5:24] == readings[1:]

    data = json.loads(run("check", "--format", "json", journal=example_journal).stdout)
    said = [p for p in data["problems"] if p["message"].endswith("in [readings]")]
    assert [(p["file"], p["line"]) for p in said] == [(f"checkins/{w}.toml", 9) for w in weeks]
    assert data["errors"] == len([p for p in data["problems"] if p["severity"] == "error"])


def test_a_person_id_changed_in_team_toml_names_every_use_and_file_name(example_journal, run):
    """Eleventh trial: `priya` -> `priya-r` in team.toml said "1 error in 1 file" for the
    uses in 4 files; the one-on-ones' file names, which carry the id, came up only on the
    next run; and the gap warnings vanished while the error stood."""
    before = json.loads(run("check", "--format", "json", journal=example_journal).stdout)
    _edit(example_journal / "team.toml", 'id = "priya"', 'id = "priya-r"')
    result = run("check", journal=example_journal)
    assert result.exit_code == 1
    said = [line for line in result.stderr.splitlines() if "error: unknown person 'priya'" in line]
    meetings = sorted(p.name for p in (example_journal / "one-on-ones").glob("*-priya.toml"))
    places = [
        "capabilities.toml:69:1",
        "indicators.toml:9:1",
        "indicators.toml:10:16",
        "indicators.toml:24:1",
        "indicators.toml:25:16",
        "indicators.toml:89:23",
        *(f"one-on-ones/{name}:2:1" for name in meetings),
    ]
    assert said == [
        f"{_shown(example_journal / place.split(':')[0])}:{place.split(':', 1)[1]}: error: "
        "unknown person 'priya' (not in team.toml)"
        for place in places
    ]
    assert (
        "= hint: did you mean 'priya-r'? (the same in 12 more places, listed after this one)"
    ) in result.stderr
    for name in meetings:
        renamed = name.replace("-priya.toml", "-priya-r.toml")
        assert (
            f"= hint: did you mean 'priya-r'? then rename the file to {renamed} too: its name "
            "carries the id"
        ) in result.stderr
    warnings = before["warnings"]
    files = len({p["file"] for p in before["problems"]} | {p.split(":")[0] for p in places})
    assert result.stderr.rstrip().endswith(f"13 errors and {warnings} warnings in {files} files"), (
        result.stderr[-200:]
    )

    data = json.loads(run("check", "--format", "json", journal=example_journal).stdout)
    assert (data["errors"], data["warnings"]) == (13, warnings)
    errors = [p for p in data["problems"] if p["severity"] == "error"]
    assert [f"{p['file']}:{p['line']}:{p['column']}" for p in errors] == places


def test_an_indicator_removed_by_hand_is_to_be_kept_with_retired_on(example_journal, run):
    """Eleventh trial: a retired indicator deleted from indicators.toml got "known indicator
    ids: ..." (a typo to fix in every check-in, which would corrupt history), "2 errors in 4
    files" for its uses in 10 files, and a report that dropped it with a stderr warning."""
    indicators = example_journal / "indicators.toml"
    text = indicators.read_text()
    start = text.index('[[indicators]]\nid = "castings-otd"')
    indicators.write_text(text[:start] + text[text.index("[[indicators]]", start + 1) :])
    uses = sorted(
        (f"{folder}/{path.name}", number)
        for folder in ("checkins", "one-on-ones")
        for path in (example_journal / folder).glob("*.toml")
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if line.startswith("castings-otd =") or line == 'indicator = "castings-otd"'
    )
    result = run("check", journal=example_journal)
    assert result.exit_code == 1
    assert "known indicator ids" not in result.stderr
    assert (
        "= hint: keep it in indicators.toml with retired_on = YYYY-MM-DD to retire it: its "
        "records keep their meaning (the same in "
    ) in result.stderr
    data = json.loads(run("check", "--format", "json", journal=example_journal).stdout)
    errors = [p for p in data["problems"] if p["severity"] == "error"]
    assert data["errors"] == len(uses) == len(errors) == 21
    assert sorted((p["file"], p["line"]) for p in errors) == uses

    report = run(
        "report",
        "--from",
        "2026-W29",
        "--to",
        "2026-W48",
        "-f",
        "markdown",
        journal=example_journal,
    )
    assert (
        "- castings-otd: read in 20 weeks (2026-W29 to 2026-W48), left out: indicators.toml "
        "does not define it (run leadwork check)"
    ) in report.stdout
    data = json.loads(
        run(
            "report",
            "--from",
            "2026-W29",
            "--to",
            "2026-W48",
            "-f",
            "json",
            journal=example_journal,
        ).stdout
    )
    assert data["unlisted"] == [
        {"id": "castings-otd", "weeks": [f"2026-W{n}" for n in range(29, 49)]}
    ]


def test_a_files_own_error_comes_before_what_files_say_of_each_other(example_journal, run):
    _edit(example_journal / "checkins/2026-W29.toml", "dayton-scrap =", "dayton-scarp =")
    _edit(example_journal / "checkins/2026-W48.toml", 'week = "2026-W48"', 'week = "2026-W48')
    result = run("check", journal=example_journal)
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert "2026-W48.toml" in errors[0] and "invalid TOML" in errors[0]
    assert "2026-W29.toml" in errors[1] and "unknown indicator 'dayton-scarp'" in errors[1]


@pytest.mark.parametrize(
    ("written", "caret", "hint"),
    [
        ("09/28/2026", "^" * 10, "due = 2026-09-28"),
        ("28.09.2026", "^" * 10, "due = 2026-09-28"),
        ("2026-9-28", "^" * 9, "due = 2026-09-28"),
        ("28-09-2026", "^" * 10, "due = 2026-09-28"),  # European, with dashes
        ("09-28-2026", "^" * 10, "due = 2026-09-28"),
        (
            "03/04/2026",
            "^" * 10,
            "due = 2026-03-04 if you meant 4 March, or 2026-04-03 if you meant 3 April",
        ),
    ],
)
def test_a_date_written_another_way_gets_its_iso_form(example_journal, run, written, caret, hint):
    _edit(example_journal / "capabilities.toml", "due = 2026-05-29", f"due = {written}")
    result = run("check", journal=example_journal)
    assert f"error: invalid TOML: the date {written} is not written YYYY-MM-DD" in result.stderr
    assert f"| {' ' * 6}{caret}\n" in result.stderr
    assert f"hint: TOML dates are year-month-day, without quotes: {hint}\n" in result.stderr


def test_a_european_date_with_dashes_in_indicators_toml_gets_its_iso_form(example_journal, run):
    """Fifth trial: `retired_on = 16-11-2026` got only "expected newline or end of document",
    where 16.11.2026 and 11/16/2026 got the YYYY-MM-DD hint."""
    indicators = example_journal / "indicators.toml"
    _edit(indicators, "agreed_on = ", "retired_on = 16-11-2026\nagreed_on = ")
    line = indicators.read_text().splitlines().index("retired_on = 16-11-2026") + 1
    result = run("check", journal=example_journal)
    assert result.exit_code == 1
    assert (
        f"indicators.toml:{line}:14: error: invalid TOML: the date 16-11-2026 is not written "
        "YYYY-MM-DD"
    ) in result.stderr
    assert "hint: TOML dates are year-month-day, without quotes: retired_on = 2026-11-16\n" in (
        result.stderr
    )


def test_a_quote_inside_a_string_gets_the_escape_hint(example_journal, run):
    _edit(example_journal / "strategy.toml", 'purpose = "', 'purpose = "The "real" ')
    result = run("check", journal=example_journal)
    assert "error: invalid TOML: a quote inside a string ends the string early" in result.stderr
    assert "| " + " " * 15 + "^\n" in result.stderr  # under the quote that ended it
    assert 'hint: write each quote inside it as \\", or put the whole text in single' in (
        result.stderr
    )


def test_the_caret_stands_under_the_column_after_a_tab(example_journal, run):
    _edit(example_journal / "strategy.toml", 'purpose = "', '\tpurpose == "')
    result = run("check", journal=example_journal)
    lines = result.stderr.splitlines()
    shown = next(i for i, line in enumerate(lines) if "purpose ==" in line)
    text, caret = lines[shown].split("| ", 1)[1], lines[shown + 1].split("| ", 1)[1]
    assert text.startswith("    purpose ==")  # the tab shown as four spaces
    assert text[len(caret) - 1] == "="  # the caret under the second '='
