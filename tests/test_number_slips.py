"""Common typing slips in a hand-edited file get a hint that ends them in one step (trial 19,
finding 6): a comma before an inline table's }, a number typed with its unit (`95%`) or a
decimal comma (`95,5`), and the same quoted (`"95%"`). The hint names the number to write;
the message is hledger style: FILE:LINE:COL, the line, the hint."""

from __future__ import annotations

from pathlib import Path

import pytest

from leadwork.render.problems import display_path

WEEK = Path("checkins") / "2026-W48.toml"
UNIT = "(the unit is the indicator's, in indicators.toml)"
NO_UNIT = "TOML numbers take no unit"
ALONE = f"write the number alone: 95 {UNIT}"
POINT = "write the decimal with a point: 95.5"


def _problem(result, path: Path) -> str:
    """The one problem `check` reports about `path`, whole."""
    shown = display_path(path, Path.cwd())
    blocks = [b.strip("\n") for b in result.stderr.split("\n\n") if b.startswith(f"{shown}:")]
    assert len(blocks) == 1, result.stderr
    return blocks[0].removeprefix(shown)


def _check_with(journal: Path, old: str, new: str, run) -> str:
    path = journal / WEEK
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    before = path.read_bytes()
    result = run("check", journal=journal)
    assert result.exit_code == 1, result
    assert "Traceback" not in result.output
    assert path.read_bytes() == before
    return _problem(result, path)


def test_a_trailing_comma_in_an_inline_table_is_named_as_such(example_journal, run):
    shown = _check_with(
        example_journal,
        "[readings]\ngreenville-otd = 97.6\n",
        "readings = { greenville-otd = 96.1, dayton-scrap = 2.2, }\n[other]\n",
        run,
    )
    assert shown == (
        ":5:55: error: invalid TOML: a trailing comma is not allowed in an inline table\n"
        "  |\n"
        "5 | readings = { greenville-otd = 96.1, dayton-scrap = 2.2, }\n"
        "  |                                                       ^\n"
        "  = hint: remove the , before }"
    )


def test_a_trailing_comma_with_spaces_around_it_is_pointed_at(example_journal, run):
    shown = _check_with(example_journal, "dayton-otd = 96.4", "dayton-otd = { a = 1 ,  }", run)
    assert shown == (
        ":8:22: error: invalid TOML: a trailing comma is not allowed in an inline table\n"
        "  |\n"
        "8 | dayton-otd = { a = 1 ,  }\n"
        "  |                      ^\n"
        "  = hint: remove the , before }"
    )


@pytest.mark.parametrize(
    ("written", "message", "hint"),
    [
        (
            "95%",
            "95% is not a number: TOML numbers take no unit",
            "write the number alone: 95 (the unit is the indicator's, in indicators.toml)",
        ),
        (
            "95 %",
            "95 % is not a number: TOML numbers take no unit",
            "write the number alone: 95 (the unit is the indicator's, in indicators.toml)",
        ),
        (
            "95,5",
            "95,5 is not a number: TOML numbers take no comma",
            "write the decimal with a point: 95.5",
        ),
        (
            "95,5%",
            "95,5% is not a number: TOML numbers take no unit and no comma",
            "write the number alone, with a decimal point: 95.5 "
            "(the unit is the indicator's, in indicators.toml)",
        ),
        (
            "1,000",
            "1,000 is not a number: TOML numbers take no comma",
            "write the decimal with a point: 1.000, or 1000 if the comma groups thousands",
        ),
    ],
)
def test_a_reading_typed_with_its_unit_or_a_decimal_comma_gets_the_number_to_write(
    example_journal, run, written, message, hint
):
    shown = _check_with(example_journal, "dayton-otd = 96.4", f"dayton-otd = {written}", run)
    assert shown == (
        f":8:14: error: invalid TOML: {message}\n"
        "  |\n"
        f"8 | dayton-otd = {written}\n"
        f"  |              {'^' * len(written)}\n"
        f"  = hint: {hint}"
    )


def test_a_number_outside_an_indicator_is_not_told_of_an_indicators_unit(example_journal, run):
    shown = _check_with(
        example_journal, "[readings]\n", "[hours]\npeople = 10h\n\n[readings]\n", run
    )
    assert shown.endswith(
        "error: invalid TOML: 10h is not a number: TOML numbers take no unit\n"
        "  |\n"
        "6 | people = 10h\n"
        "  |          ^^^\n"
        "  = hint: write the number alone: 10"
    )


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ('"95%"', f"write 95, without quotes or unit {UNIT}"),
        ('"38 min"', f"write 38, without quotes or unit {UNIT}"),
        (
            '"95,5 %"',
            "write 95.5, without quotes or unit: a TOML number takes a decimal point "
            "(the unit is the indicator's, in indicators.toml)",
        ),
        ('"95,5"', "write 95.5, without quotes: a TOML number takes a decimal point"),
        (
            '"1,000"',
            "write 1.000, without quotes: a TOML number takes a decimal point; "
            "or 1000 if the comma groups thousands",
        ),
    ],
)  # fmt: skip
def test_a_quoted_reading_with_a_unit_gets_the_number_to_write(example_journal, run, written, hint):
    """`"95%"` used to get "write a number, without quotes", which leads to `95%`."""
    shown = _check_with(example_journal, "dayton-otd = 96.4", f"dayton-otd = {written}", run)
    assert shown == (
        f":8:1: error: 'dayton-otd' should be a number, not the string {written}\n"
        "  |\n"
        f"8 | dayton-otd = {written}\n"
        "  | ^^^^^^^^^^\n"
        f"  = hint: {hint}"
    )


def test_a_quoted_target_with_its_unit_gets_the_number_to_write(example_journal, run):
    path = example_journal / "indicators.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("target = 95\n", 'target = "95%"\n', 1), encoding="utf-8")
    line = path.read_text(encoding="utf-8").splitlines().index('target = "95%"') + 1
    result = run("check", journal=example_journal)
    assert result.exit_code == 1
    shown = _problem(result, path)
    assert shown.startswith(f":{line}:1: error: 'target' in [[indicators]] ")
    assert shown.endswith(
        f'{line} | target = "95%"\n'
        "   | ^^^^^^\n"
        "   = hint: write 95, without quotes or unit (the unit is the indicator's, in "
        "indicators.toml)"
    )


@pytest.mark.parametrize(
    ("written", "col", "value", "message", "hint"),
    [
        ("{ a = 95% }", 20, "95%", NO_UNIT, ALONE),
        ("{ a = 95 %, b = 1 }", 20, "95 %", NO_UNIT, ALONE),
        ("{ a = 95,5 }", 20, "95,5", "TOML numbers take no comma", POINT),
        ("[1, 95%]", 18, "95%", NO_UNIT, ALONE),
    ],
)  # fmt: skip
def test_a_number_with_a_unit_or_a_comma_inside_braces_or_brackets_gets_the_number_to_write(
    example_journal, run, written, col, value, message, hint
):
    """Inside `{ }` tomllib spoke of an unclosed inline table, or of a key wanting its =."""
    shown = _check_with(example_journal, "dayton-otd = 96.4", f"dayton-otd = {written}", run)
    assert shown == (
        f":8:{col}: error: invalid TOML: {value} is not a number: {message}\n"
        "  |\n"
        f"8 | dayton-otd = {written}\n"
        f"  | {' ' * (col - 1)}{'^' * len(value)}\n"
        f"  = hint: {hint}"
    )


def test_a_number_with_its_unit_on_its_own_line_of_an_array(example_journal, run):
    shown = _check_with(example_journal, "dayton-otd = 96.4", "dayton-otd = [\n  1,\n  95%\n]", run)
    assert shown == (
        ":10:3: error: invalid TOML: 95% is not a number: TOML numbers take no unit\n"
        "   |\n"
        "10 |   95%\n"
        "   |   ^^^\n"
        "   = hint: write the number alone: 95"
    )
