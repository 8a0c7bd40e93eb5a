import datetime as dt

import pytest

from leadwork.domain.weeks import Week, last_weeks, week_range, weeks_in_year


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
