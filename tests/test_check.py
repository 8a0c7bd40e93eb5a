"""`leadwork check`: every problem at once, each at FILE:LINE:COL with the line and a hint."""

import json
from pathlib import Path

import pytest

from conftest import tree_hash
from journals import ONE_ON_ONE, TEAM, write_small_journal


@pytest.fixture
def journal(fresh_journal: Path, monkeypatch) -> Path:
    monkeypatch.chdir(fresh_journal)  # problems are shown relative to where the person is
    return write_small_journal(fresh_journal)


def check(run, journal):
    before = tree_hash(journal)
    result = run("check", journal=journal)
    assert tree_hash(journal) == before, "check must never write"
    assert "Traceback" not in result.output
    return result


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_a_consistent_journal_is_clean(journal, run):
    result = check(run, journal)
    assert result.exit_code == 0, result
    assert result.stdout.startswith("ok:")


@pytest.mark.parametrize(
    ("file", "old", "new", "where", "message", "hint"),
    [
        (
            "team.toml",
            "cadence_days",
            "cadnce_days",
            "team.toml:5:1:",
            "unknown key 'cadnce_days' in [[people]] \"maria\"",
            "did you mean 'cadence_days'?",
        ),
        (
            "indicators.toml",
            "target = 95",
            'target = "95"',
            "indicators.toml:8:1:",
            "'target' in [[indicators]] \"otd\" should be a number",
            "remove the quotes",
        ),
        (
            "indicators.toml",
            'direction = "lower"',
            'direction = "down"',
            "indicators.toml:16:1:",
            '\'direction\' in [[indicators]] "scrap" is the string "down"',
            None,
        ),
        (
            "indicators.toml",
            'owner = "tom"',
            'owner = "tmo"',
            "indicators.toml:15:1:",
            "unknown person 'tmo' (not in team.toml)",
            "did you mean 'tom'?",
        ),
        (
            "capabilities.toml",
            'serves = ["quality-first"]',
            'serves = ["quality-frist"]',
            "capabilities.toml:5:11:",
            "unknown strategic choice 'quality-frist'",
            "did you mean 'quality-first'?",
        ),
        (
            "indicators.toml",
            'serves = ["quality-at-scale"]',
            'serves = ["nope"]',
            "indicators.toml:5:11:",
            "unknown capability or choice 'nope'",
            None,
        ),
        ("team.toml", 'id = "tom"', 'id = "maria"', "team.toml:8:1:", "duplicate id 'maria'", None),
        (
            "indicators.toml",
            "celebrate = 98",
            "celebrate = 94",
            "indicators.toml:9:1:",
            "celebrate (94) is below the target (95), but higher is better",
            "course_correct <= target <= celebrate",
        ),
        (
            "indicators.toml",
            "course_correct = 3.0",
            "course_correct = 1.0",
            "indicators.toml:19:1:",
            "course_correct (1) is below the target (2), but lower is better",
            None,
        ),
        (
            "checkins/2026-W48.toml",
            'week = "2026-W48"',
            'week = "2026-W47"',
            "checkins/2026-W48.toml:1:1:",
            "the file is named 2026-W48 but says week",
            None,
        ),
        (
            "checkins/2026-W48.toml",
            "scrap = 2.1",
            "scarp = 2.1",
            "checkins/2026-W48.toml:5:1:",
            "unknown indicator 'scarp'",
            "did you mean 'scrap'?",
        ),
        (
            "checkins/2026-W48.toml",
            'week = "2026-W48"',
            'week = "2026-W54"',
            "checkins/2026-W48.toml:1:1:",
            "2026 has only 53 ISO weeks",
            None,
        ),
        (
            "strategy.toml",
            'purpose = "Parts',
            'purpose = 2026-02-30\nx = "',
            "strategy.toml:1:11:",
            "invalid TOML: invalid date or datetime",
            "must exist",
        ),
        (
            "checkins/2026-W48.toml",
            "otd = 93.5",
            "otd = nan",
            "checkins/2026-W48.toml:4:1:",
            "must be a finite number",
            None,
        ),
        (
            "capabilities.toml",
            "target = 4",
            'target = 4\n\n[[capabilities.steps]]\nwhat = "SPC on line 3"\ndone = "yes"',
            "capabilities.toml:12:1:",
            "'done' in [[capabilities.steps]] \"SPC on line 3\" should be a date like 2026-11-24"
            ' (no quotes, no time) or true or false, not the string "yes"',
            "write true, false or the day as YYYY-MM-DD, without quotes",
        ),
        (
            "team.toml",
            "cadence_days = 14",
            "cadence_days = -3",
            "team.toml:5:1:",
            "'cadence_days' in [[people]] \"maria\" is -3; it must be at least 1",
            None,
        ),
    ],
)
def test_each_problem_is_located_and_explained(journal, run, file, old, new, where, message, hint):
    replace(journal / file, old, new)
    result = check(run, journal)
    assert result.exit_code == 1, result
    lines = result.stderr.splitlines()
    header = next((line for line in lines if line.startswith(where)), None)
    assert header is not None, f"no problem at {where}:\n{result.stderr}"
    assert "error:" in header
    assert message in header, result.stderr
    # hledger-style: the offending line, a caret under it, then the hint
    at = lines.index(header)
    line_number = where.split(":")[1]
    assert lines[at + 2].startswith(f"{line_number} | ")
    assert "^" in lines[at + 3]
    if hint:
        assert hint in result.stderr


def test_all_problems_are_reported_at_once(journal, run):
    replace(journal / "team.toml", "cadence_days", "cadnce_days")
    replace(journal / "checkins/2026-W48.toml", "scrap = 2.1", "scarp = 2.1")
    replace(journal / "capabilities.toml", "level = 2", "level = 9")
    result = check(run, journal)
    assert result.exit_code == 1
    assert "team.toml:5:1:" in result.stderr
    assert "checkins/2026-W48.toml:5:1:" in result.stderr
    assert "capabilities.toml:7:1:" in result.stderr
    assert result.stderr.rstrip().endswith("3 errors in 3 files")


def test_one_problem_gets_the_summary_line_too(journal, run):
    replace(journal / "team.toml", "cadence_days", "cadnce_days")
    result = check(run, journal)
    assert result.exit_code == 1
    # the journal's warnings (gaps between the areas) stay: an error in team.toml leaves
    # them standing (trial 20)
    assert result.stderr.rstrip().endswith("\n\n1 error and 4 warnings in 3 files")


def test_bytes_that_are_not_utf8_are_located(journal, run):
    (journal / "team.toml").write_bytes(TEAM.encode().replace(b"Tom", b"T\xf6m"))
    result = check(run, journal)
    assert result.exit_code == 1
    assert "team.toml:9:10: error: is not valid UTF-8 (byte 0xf6)" in result.stderr


def test_bom_and_crlf_are_fine(journal, run):
    (journal / "team.toml").write_bytes(b"\xef\xbb\xbf" + TEAM.replace("\n", "\r\n").encode())
    result = check(run, journal)
    assert result.exit_code == 0, result


def test_json_format_for_scripts(journal, run):
    replace(journal / "team.toml", "cadence_days", "cadnce_days")
    result = run("check", "--format", "json", journal=journal)
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["ok"] is False
    assert report["errors"] == 1
    [problem] = [p for p in report["problems"] if p["severity"] == "error"]
    assert problem == {
        "severity": "error",
        "file": "team.toml",
        "line": 5,
        "column": 1,
        "key": "people[0].cadnce_days",
        "message": "unknown key 'cadnce_days' in [[people]] \"maria\"",
        "hint": "did you mean 'cadence_days'?",
    }


def test_misnamed_files_are_warnings_and_strict_fails_on_them(journal, run):
    (journal / "checkins" / "week48.toml").write_text('week = "2026-W48"\n')
    result = check(run, journal)
    assert result.exit_code == 0
    assert "warning: is not named YYYY-Www.toml" in result.stderr
    assert run("check", "--strict", journal=journal).exit_code == 1


def block(stderr: str, where: str) -> list[str]:
    """The lines of the one problem whose header starts with `where`."""
    blocks = [b.splitlines() for b in stderr.split("\n\n") if b.startswith(where)]
    assert len(blocks) == 1, f"no single problem at {where}:\n{stderr}"
    return blocks[0]


@pytest.mark.parametrize(
    ("added", "quote"),
    [
        ('name = "Ana Lopez\n', '"'),
        ("name = 'Ana Lopez\n", "'"),
        ('name = "Ana Lopez', '"'),  # and the file ends there, without a newline
    ],
    ids=["basic", "literal", "at-end-of-file"],
)
def test_a_string_left_open_says_so_and_how_to_close_it(journal, run, added, quote):
    # tomllib calls the newline it runs into an illegal character: that is not the mistake.
    path = journal / "team.toml"
    path.write_text(TEAM + '\n[[people]]\nid = "ana"\n' + added)
    line = TEAM.count("\n") + 4
    result = check(run, journal)
    assert result.exit_code == 1, result
    header, _, source, caret, hint = block(result.stderr, f"team.toml:{line}:8: error:")
    ends = "file" if not added.endswith("\n") else "line"
    assert f"the string is not closed: the {ends} ends before its closing {quote}" in header
    assert source == f"{line} | {added.rstrip()}"
    assert caret.endswith("| " + " " * 7 + "^" * len(f"{quote}Ana Lopez"))
    assert f"end it with {quote} on the same line" in hint
    assert "control character" not in result.stderr


def test_a_key_set_twice_is_named_at_its_second_line(fresh_journal, run, monkeypatch):
    # As a new user does it: init's strategy.toml already has `purpose = ""`.
    monkeypatch.chdir(fresh_journal)
    path = fresh_journal / "strategy.toml"
    text = path.read_text()
    first = text.splitlines().index('purpose = ""') + 1
    text += 'purpose = "Parts that never come back, delivered when promised, every time."\n'
    path.write_text(text)
    second = text.count("\n")
    result = check(run, fresh_journal)
    assert result.exit_code == 1, result
    header, _, _, caret, hint = block(result.stderr, f"strategy.toml:{second}:1: error:")
    assert f"'purpose' is set twice (first on line {first})" in header
    assert caret.endswith("| ^^^^^^^")  # under the key, not the end of the line
    assert "remove one of the two" in hint


def test_a_table_defined_twice_is_named_at_its_second_header(journal, run):
    path = journal / "leadwork.toml"
    text = path.read_text()
    first = text.splitlines().index("[settings]") + 1
    text += "\n[settings]\ntrend_weeks = 4\n"
    path.write_text(text)
    second = text.count("\n") - 1
    result = check(run, journal)
    assert result.exit_code == 1, result
    header, *_, hint = block(result.stderr, f"leadwork.toml:{second}:1: error:")
    assert f"[settings] is defined twice (first on line {first})" in header
    assert "merge the two tables into one" in hint


# ---- a file in error still checked against the others ------------------------------------------


def test_a_definition_with_an_error_still_vouches_for_its_ids(journal, run):
    replace(journal / "team.toml", "cadence_days", "cadnce_days")
    replace(journal / "indicators.toml", 'owner = "tom"', 'owner = "bob"')
    result = check(run, journal)
    assert result.exit_code == 1
    assert "team.toml:5:1: error: unknown key 'cadnce_days'" in result.stderr
    assert "indicators.toml:15:1: error: unknown person 'bob' (not in team.toml)" in result.stderr
    assert "note:" not in result.stderr
    # the gaps between the areas are judged: people play no part in them (trial 20)
    assert result.stderr.rstrip().endswith("2 errors and 4 warnings in 3 files")


def test_a_checkin_with_a_wrong_value_still_gets_its_other_checks(journal, run):
    (journal / "checkins/2026-W48.toml").write_text(
        'week = "2026-W47"\n\n[readings]\notd = 93.5\nscarp = 2.1\n\n[hours]\ncapability = -8\n'
    )
    result = check(run, journal)
    assert result.exit_code == 1
    for where, message in [
        ("1:1", 'the file is named 2026-W48 but says week = "2026-W47"'),
        ("5:1", "unknown indicator 'scarp' in [readings]"),
        ("8:1", "'capability' is -8; it must be at least 0"),
    ]:
        assert f"checkins/2026-W48.toml:{where}: error: {message}" in result.stderr
    assert result.stderr.rstrip().rsplit("\n", 1)[-1].startswith("3 errors and")  # warnings


def test_what_an_invalid_file_keeps_from_being_checked_is_said(journal, run):
    (journal / "team.toml").write_text(TEAM + '\n[[people]]\nid = "ana"\nname = "Ana\n')
    replace(journal / "indicators.toml", 'owner = "tom"', 'owner = "bob"')
    result = check(run, journal)
    assert result.exit_code == 1
    assert "unknown person" not in result.stderr  # nothing to check it against
    *_, note, summary = result.stderr.rstrip().split("\n\n")
    assert note == "note: cross-references not checked against team.toml until it is valid"
    assert summary == "1 error and 4 warnings in 3 files"  # the gaps: no people in them
    report = json.loads(run("check", "--format", "json", journal=journal).stdout)
    assert report["notes"] == [
        {
            "file": "team.toml",
            "message": "cross-references not checked against team.toml until it is valid",
        }
    ]


def test_a_checkin_that_cannot_be_read_says_it_went_unchecked(journal, run):
    replace(journal / "checkins/2026-W48.toml", 'week = "2026-W48"', "")  # week is required
    result = check(run, journal)
    assert result.exit_code == 1
    assert "checkins/2026-W48.toml:1:1: error: missing key 'week'" in result.stderr
    assert (
        "\n\nnote: checkins/2026-W48.toml not checked against the other files until it is valid"
        "\n\n1 error and"  # the definitions are sound, so the gaps between them are warned of
    ) in result.stderr


def test_a_check_that_may_rest_on_a_left_out_value_waits(journal, run):
    # The thresholds of an indicator with a value in error are not judged: the value left
    # out might be one they depend on. Saying so is honest; guessing is not.
    replace(journal / "indicators.toml", 'unit = "%"', "unit = 5")
    replace(journal / "indicators.toml", "celebrate = 98", "celebrate = 94")
    result = check(run, journal)
    assert result.exit_code == 1
    assert "indicators.toml:6:1: error: 'unit'" in result.stderr
    assert "celebrate (94) is below the target" not in result.stderr
    assert "note: some checks in indicators.toml wait until its errors are fixed" in result.stderr


@pytest.mark.parametrize(
    ("where", "shown"),
    [
        ("", "team.toml"),  # in the journal
        ("checkins", "../team.toml"),  # one folder below it
        ("elsewhere/deeper", None),  # far away: the whole path, not ../../journal/team.toml
    ],
)
def test_files_are_named_as_they_can_be_opened_from_here(journal, run, monkeypatch, where, shown):
    (journal / where).mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(journal / where)
    replace(journal / "team.toml", "cadence_days", "cadense_days")
    result = check(run, journal)
    expected = shown or str(journal.resolve() / "team.toml")
    assert result.stderr.startswith(f"{expected}:"), result.stderr


@pytest.mark.parametrize(
    ("table", "typo", "meant"),
    [("confidence", "alignmnet", "alignment"), ("hours", "capabilty", "capability"),
     ("reflection", "confidnet", "confident")],
)  # fmt: skip
def test_a_misspelt_key_inside_an_optional_table_is_named_at_its_line(
    run, example_journal, table, typo, meant
):
    path = example_journal / "checkins" / "2026-W47.toml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.strip() == f"[{table}]")
    lines.insert(at + 1, f"{typo} = 4\n")
    path.write_text("".join(lines), encoding="utf-8")
    result = run("check", journal=example_journal)
    assert result.exit_code == 1, result
    assert f"2026-W47.toml:{at + 2}:1: error: unknown key '{typo}'" in result.output
    assert f"did you mean '{meant}'?" in result.output


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ('"93.5"', "remove the quotes around the value"),
        ('"93,5"', "write 93.5, without quotes: a TOML number takes a decimal point"),
        ('"n/a"', "write a number, without quotes"),
    ],
)
def test_a_quoted_reading_is_told_how_to_write_it_as_valid_toml(
    example_journal, run, written, hint
):
    """ "remove the quotes" only where what is left is a TOML number: `"93,5"` without its
    quotes is `93,5`, which no TOML reader takes (third trial)."""
    week = example_journal / "checkins" / "2026-W48.toml"
    week.write_text(week.read_text().replace("dayton-otd = 96.4", f"dayton-otd = {written}"))
    result = run("check", journal=example_journal)
    assert result.exit_code == 1
    assert f"= hint: {hint}\n" in result.stderr, result.stderr


def test_a_month_read_twice_with_two_values_is_a_warning(example_journal, run):
    """Each reading stands for its weeks, so nothing is wrong; but a leader who corrected
    November's figure in a later week should know the first still counts (fourth trial)."""
    added = run(
        "indicator", "add", "ulcers", "--name", "Pressure ulcers", "--owner", "grace",
        "--direction", "lower", "--target", "1.2", "--celebrate", "0.8",
        "--course-correct", "1.6", "--cadence", "monthly", "--agreed-on", "2026-10-01",
        journal=example_journal,
    )  # fmt: skip
    assert added.exit_code == 0, added
    for week, value in (("2026-W45", "1.4"), ("2026-W48", "1.1")):
        read = run(
            "checkin",
            "--no-input",
            "--week",
            week,
            "-r",
            f"ulcers={value}",
            journal=example_journal,
        )
        assert read.exit_code == 0, read
    result = run("check", journal=example_journal)
    assert result.exit_code == 0, result  # a warning, not an error
    assert (
        "warning: ulcers is read twice for Nov 2026: 1.1 here, 1.4 in 2026-W45"
        in result.stdout + result.stderr
    )
    assert "checkins/2026-W48.toml" in result.stdout + result.stderr


def test_a_commitment_dropped_yet_carried_on_in_the_same_week_is_an_error(example_journal, run):
    """Fifth trial: two machines marked one follow-up carried and dropped; the merge kept
    "dropped", but the carried copy stayed, and every view took it for open."""
    friday = {"LEADWORK_TODAY": "2026-12-04"}
    made = run(
        "checkin",
        "--no-input",
        "--carried",
        "1",
        "--done",
        "2",
        journal=example_journal,
        env=friday,
    )
    assert made.exit_code == 0, made
    week = example_journal / "checkins" / "2026-W49.toml"
    text = week.read_text()
    assert text.count('outcome = "carried"') == 1
    week.write_text(text.replace('outcome = "carried"', 'outcome = "dropped"'))
    lines = week.read_text().splitlines()
    copy = lines.index("carried = 4") + 1  # the carried copy, in [[commitments]]

    result = run("check", journal=example_journal, env=friday)
    assert result.exit_code == 1, result
    assert (
        f"checkins/2026-W49.toml:{copy}:1: error: “Agree a new date and agenda for the "
        "Greenville coaching cli…” was dropped ([[last_week]] #1) but is carried on here "
        "(carried = 4)"
    ) in result.stderr
    assert (
        "= hint: if it was dropped, remove this carried copy from [[commitments]]; if it goes "
        'on, set its outcome in [[last_week]] #1 to "carried"'
    ) in result.stderr
    # every view that reads the week says it may be wrong
    for view in (("commitments",), ("dashboard",)):
        shown = run(*view, journal=example_journal, env=friday)
        assert shown.exit_code == 0, shown
        assert "checkins/2026-W49.toml has problems" in shown.stderr, view

    # as the hint says: the carried copy goes, and the journal is valid again
    week.write_text(week.read_text().replace(
        '[[commitments]]\ntext = "Agree a new date and agenda for the Greenville coaching clinic '
        'with Marcus and Priya"\ncarried = 4\n',
        "",
    ))  # fmt: skip
    assert "carried = 4" not in week.read_text()
    assert run("check", journal=example_journal, env=friday).exit_code == 0


def test_a_one_on_one_commitment_done_yet_carried_on_is_an_error(journal, run):
    meeting = journal / "one-on-ones" / "2026-11-24-maria.toml"
    meeting.write_text(
        ONE_ON_ONE
        + '\n[[last_time]]\nby = "them"\ntext = "Fix the gauge"\noutcome = "done"\n'
        + '\n[[commitments]]\nby = "me"\ntext = "Fix the gauge"\ncarried = 1\n'  # mine: another
        + '\n[[commitments]]\nby = "them"\ntext = "Fix the gauge"\ncarried = 1\n'
    )
    lines = meeting.read_text().splitlines()
    copy = [n for n, line in enumerate(lines, start=1) if line == "carried = 1"][1]  # theirs
    result = check(run, journal)
    assert result.exit_code == 1, result
    assert (
        f"one-on-ones/2026-11-24-maria.toml:{copy}:1: error: “Fix the gauge” was done "
        "([[last_time]] #1) but is carried on here (carried = 1)"
    ) in result.stderr
    assert "\n1 error and" in result.stderr  # mine is another commitment: no error
