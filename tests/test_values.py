"""One way to write a value for a person (leadwork/values.py), and every view using it."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leadwork.values import format_average, format_number, format_percent, format_value


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (1234567, "1234567"),  # not 1.23457e+06
        (1234567.0, "1234567"),
        (97.625, "97.625"),  # not 97.62: what was written is not rounded
        (97.6, "97.6"),
        (96.1 + 0.3, "96.4"),  # 96.39999999999999: float noise
        (0.1 + 0.2, "0.3"),  # 0.30000000000000004
        (sum([0.1] * 10), "1"),  # 0.9999999999999999
        (96.40000000001, "96.40000000001"),  # written with 13 digits: kept
        (2.50, "2.5"),
        (4.0, "4"),
        (0, "0"),
        (-3.5, "-3.5"),
        (-0.0, "0"),
        (-1234567.25, "-1234567.25"),
        (1e20, "100000000000000000000"),
        (1e23, "100000000000000000000000"),  # not int(1e23)'s 99999999999999991611392
        (1e-7, "0.0000001"),
        (10.0, "10"),
        (100.5, "100.5"),
        (5e-324, "0." + "0" * 323 + "5"),
        (0.000123, "0.000123"),
        (123456789012345678, "123456789012345678"),  # an int is exact as it is
        (float("inf"), "∞"),
        (float("-inf"), "-∞"),
    ],
)
def test_a_number_is_written_as_it_was_written(value, written):
    assert format_number(value) == written


def test_a_value_with_its_unit():
    assert format_value(97.625, "%") == "97.625%"  # '%' hugs the number
    assert format_value(7.6, "/10") == "7.6/10"  # and a score out of ten (third trial)
    assert format_value(1234567, "min") == "1234567 min"
    assert format_value(2.0, "") == "2"
    assert format_value(None, "%") == "—"
    assert format_value(None, "%", missing="-") == "-"


def test_a_plural_unit_is_said_in_the_singular_for_one():
    """The trial's "1 walks": a unit written for many reads right for exactly one."""
    assert format_value(1, "walks") == "1 walk"
    assert format_value(1.0, "hours") == "1 hour"
    assert format_value(-1, "days") == "-1 day"
    assert format_value(1, "patients per hour") == "1 patient per hour"
    assert format_value(1, "stories") == "1 story"
    assert format_value(1, "batches") == "1 batch"
    assert format_value(2, "walks") == "2 walks"
    assert format_value(1.5, "walks") == "1.5 walks"
    assert format_value(0, "walks") == "0 walks"
    for unit in ("%", "ms", "h", "min", "status", "class", "kWh", "m/s", "walk"):
        assert format_value(1, unit) in (f"1 {unit}", "1%")


def test_computed_numbers_have_their_own_rounding():
    assert format_percent(42.4) == "42%" and format_percent(0) == "0%"
    assert format_average(3.6666) == "3.7" and format_average(None) == "—"


@given(st.floats(min_value=-1e300, max_value=1e300))  # the top float rounds up past itself
def test_every_float_is_written_plainly_and_reads_back_close(value):
    text = format_number(value)
    assert re.fullmatch(r"-?\d+(\.\d*[1-9])?", text), text  # no exponent, no trailing zero
    assert text != "-0"
    assert float(text) == pytest.approx(value, rel=1e-14, abs=0)
    # The same as decimal arithmetic gives for the shortest digits (15 at most):
    shortest = repr(value) if len(Decimal(repr(value)).as_tuple().digits) <= 15 else f"{value:.15g}"
    expected = f"{Decimal(shortest).normalize():f}"
    assert text == ("0" if expected == "-0" else expected)


@given(st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=-1e9, max_value=1e9))
def test_a_number_typed_with_up_to_15_digits_is_shown_exactly(decimal):
    typed = f"{decimal:f}"
    value = float(typed)
    assert float(format_number(value)) == value
    assert format_number(value) == format_number(float(decimal.normalize()))


# ---- every view writes a reading alike -------------------------------------------------------

BIG, PRECISE = "1234567", "97.625"
WRONG = ("1.23457e+06", "1.234567e+06", "97.62%", "97.63%", "1234567.0")


def test_every_view_writes_the_same_reading_alike(example_journal, run):
    """Priya's two indicators read 1234567 min and 97.625% in 2026-W48: every view that
    shows them writes them the same way."""
    recorded = run(
        "checkin",
        "--reading",
        f"greenville-changeover={BIG}",
        "--reading",
        f"greenville-otd={PRECISE}",
        journal=example_journal,
    )
    assert recorded.exit_code == 0, recorded
    views = {
        "check-in summary": recorded.stdout,
        "dashboard": run("dashboard", "--full", journal=example_journal).stdout,
        "dashboard markdown": run("dashboard", "-f", "markdown", journal=example_journal).stdout,
        "indicator list": run("indicator", "list", journal=example_journal).stdout,
        "indicator show": run(
            "indicator", "show", "greenville-changeover", journal=example_journal
        ).stdout
        + run("indicator", "show", "greenville-otd", journal=example_journal).stdout,
        "report": run(
            "report", "--from", "2026-W36", "--format", "markdown", journal=example_journal
        ).stdout,
        "map": run("map", journal=example_journal).stdout,
        "one-on-one prep": run("one-on-one", "priya", "--prep", journal=example_journal).stdout,
    }
    for view, text in views.items():
        assert BIG in text, (view, text)
        assert f"{PRECISE}%" in text, (view, text)
        for wrong in WRONG:
            assert wrong not in text, (view, wrong, text)
