import datetime as dt

import pytest

from leadwork.model.settings import Settings
from leadwork.weeks import (
    SHOWN_WEEKS,
    Week,
    as_iso_date,
    last_weeks,
    not_begun,
    week_range,
    weeks_in_year,
)


def test_week_53_exists_and_new_year_belongs_to_it():
    assert weeks_in_year(2026) == 53
    assert Week.parse("2026-W53") == Week(2026, 53)
    assert Week.of(dt.date(2027, 1, 1)) == Week(2026, 53)
    assert Week.of(dt.date(2027, 1, 4)) == Week(2027, 1)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("2026-W54", "2026 has only 53"),
        ("2027-W53", "2027 has only 52"),
        ("2026-W00", "numbered from 1"),
        ("2026-48", "YYYY-Www"),
        ("2026-w48", "YYYY-Www"),
        ("", "YYYY-Www"),
    ],
)
def test_impossible_weeks_say_why(text, why):
    with pytest.raises(ValueError, match=why):
        Week.parse(text)


def test_arithmetic_crosses_week_53():
    w53 = Week(2026, 53)
    assert w53 + 1 == Week(2027, 1)
    assert Week(2027, 1).minus(1) == w53
    assert Week(2027, 2).weeks_since(Week(2026, 52)) == 3
    assert [str(w) for w in last_weeks(Week(2027, 1), 3)] == ["2026-W52", "2026-W53", "2027-W01"]
    assert week_range(Week(2026, 52), Week(2027, 1)) == [Week(2026, 52), w53, Week(2027, 1)]
    assert week_range(Week(2027, 1), Week(2026, 52)) == []


def test_monday_and_sunday():
    week = Week.parse("2026-W48")
    assert week.monday == dt.date(2026, 11, 23)
    assert week.sunday == dt.date(2026, 11, 29)
    assert week.contains(dt.date(2026, 11, 27))
    assert str(week) == "2026-W48"


def test_a_week_not_begun_is_refused_with_one_message():
    friday = dt.date(2026, 11, 27)  # in 2026-W48
    assert not_begun(Week(2026, 48), friday) is None
    assert not_begun(Week(2025, 1), friday) is None
    assert not_begun(Week(2026, 49), friday) == (
        "2026-W49 has not started yet (today is 2026-11-27, in 2026-W48)"
    )
    # Sunday is still the week; Monday begins the next one.
    assert not_begun(Week(2026, 49), dt.date(2026, 11, 29)) is not None
    assert not_begun(Week(2026, 49), dt.date(2026, 11, 30)) is None


@pytest.mark.parametrize(
    "args",
    [
        ("dashboard", "--week", "2026-W49"),
        ("checkin", "--week", "2026-W49"),
        ("story", "a story", "--week", "2026-W49"),
        ("report", "--to", "2026-W49"),
        ("reflect", "--to", "2026-W49"),
    ],
)
def test_every_command_refuses_a_week_not_begun_alike(example_journal, run, args):
    result = run(*args, journal=example_journal)
    flag = args[args.index("--week") if "--week" in args else args.index("--to")]
    assert result.exit_code == 2, result
    assert (
        f"{flag}: 2026-W49 has not started yet (today is 2026-11-27, in 2026-W48)" in result.stderr
    )


def test_one_quarter_of_history_everywhere():
    from leadwork.domain import listing, one_on_one, window

    assert SHOWN_WEEKS == 13
    assert window.SHOWN_WEEKS is SHOWN_WEEKS
    assert not hasattr(listing, "HISTORY_WEEKS") and not hasattr(one_on_one, "HISTORY_WEEKS")
    day = dt.date(2026, 11, 27)
    assert len(one_on_one.prep_window(day, day, Settings(story_gap_weeks=1), [])) == 13


@pytest.mark.parametrize(
    ("written", "iso", "either"),
    [
        ("09/28/2026", "2026-09-28", False),
        ("28.09.2026", "2026-09-28", False),
        ("16-11-2026", "2026-11-16", False),  # day first, with dashes (fifth trial)
        ("11-16-2026", "2026-11-16", False),  # month first, with dashes
        ("3-4-2026", "2026-03-04", True),  # 3 April or 4 March: both are said
        ("2026-9-28", "2026-09-28", False),
        ("2026/09/28", "2026-09-28", False),
    ],
)
def test_a_date_written_another_way_is_given_back_as_yyyy_mm_dd(written, iso, either):
    found = as_iso_date(written)
    assert found is not None and found[0] == iso
    assert bool(found[1]) == either


@pytest.mark.parametrize("written", ["16-11-26", "2026-11", "1-2-3-2026", "16 11 2026", "W47"])
def test_what_does_not_look_like_a_date_gets_no_date(written):
    assert as_iso_date(written) is None
