"""Which month or quarter is owed a reading (trial 10, findings 1 and 2): one rule
(`status.owed_period`), judged from the indicator's own span and as of the day a view is
judged on, never from the weeks a view happens to show.

1. A quarterly indicator agreed in a quarter's last week owes nothing for that quarter:
   not in 2026-W40, nor in 2026-W51, whose 13 weeks first reach back to it; the next
   quarter is due all along.
2. A view standing on an earlier week "as of today" names a month that ended since without
   a reading as missing ("no reading for Nov 2026"), not "due for Nov 2026".
"""

import json
from pathlib import Path

import pytest

from journals import TRIAL10_CSAT, TRIAL10_KB, TRIAL10_TEAM, trial10_indicators

DEC_18 = {"LEADWORK_TODAY": "2026-12-18", "COLUMNS": "160"}  # 2026-W51
DEC_7 = {"LEADWORK_TODAY": "2026-12-07", "COLUMNS": "160"}  # 2026-W50, December's


def write_journal(root: Path, kb_agreed: str = "2026-09-21") -> Path:
    """Chloe owns a quarterly and a monthly indicator, agreed on Monday 21 Sep 2026 (W39,
    the last week of Q3) unless `kb_agreed` says otherwise."""
    with (root / "team.toml").open("a") as team:
        team.write("\n" + TRIAL10_TEAM)
    with (root / "indicators.toml").open("a") as indicators:
        indicators.write("\n" + trial10_indicators(TRIAL10_KB, TRIAL10_CSAT, kb_agreed=kb_agreed))
    return root


def checkin(run, journal: Path, today: str, *args: str) -> None:
    result = run(
        "checkin", "--no-input", "--hours", "other=5", *args,
        journal=journal, env={"LEADWORK_TODAY": today},
    )  # fmt: skip
    assert result.exit_code == 0, result


def shown(run, journal: Path, env: dict[str, str], *args: str) -> str:
    result = run(*args, journal=journal, env=env)
    assert result.exit_code == 0, result
    return " ".join(result.stdout.split())


@pytest.fixture
def quarter_journal(fresh_journal: Path, run) -> Path:
    journal = write_journal(fresh_journal)
    checkin(run, journal, "2026-12-18")  # 2026-W51 checked in: Needs you lists gaps
    return journal


@pytest.mark.parametrize("week", ["2026-W40", "2026-W50", "2026-W51"])
def test_a_quarter_agreed_in_its_last_week_owes_nothing_whatever_the_window(
    quarter_journal, run, week
):
    text = shown(run, quarter_journal, DEC_18, "dashboard", "--week", week)
    assert "2026-Q3" not in text
    assert "due for 2026-Q4" in text
    args = ("dashboard", "--week", week, "--format", "json")
    data = json.loads(shown(run, quarter_journal, DEC_18, *args))
    kb = next(i for i in data["accountability"]["indicators"] if i["id"] == "kb")
    assert (kb["due_for"], kb["missing"]) == ("2026-Q4", None)


def test_every_view_of_2026_w51_says_due_for_the_quarter(quarter_journal, run):
    text = shown(run, quarter_journal, DEC_18, "indicator", "show", "kb")
    assert "│ 2026-W51 │ — │ due for 2026-Q4 │" in text
    assert "│ 2026-W40 │ — │ due for 2026-Q4 │" in text
    assert "2026-Q3" not in text
    data = json.loads(shown(run, quarter_journal, DEC_18, "indicator", "show", "kb", "-f", "json"))
    assert (data["due_for"], data["missing"]) == ("2026-Q4", None)
    assert "2026-Q3" not in shown(run, quarter_journal, DEC_18, "indicator", "list")
    assert "2026-Q3" not in shown(run, quarter_journal, DEC_18, "report", "-f", "markdown")
    assert "2026-Q3" not in shown(run, quarter_journal, DEC_18, "one-on-one", "chloe", "--prep")
    assert "2026-Q3" not in shown(run, quarter_journal, DEC_18, "map")


def test_a_quarter_tracked_all_through_stays_owed_past_the_window(fresh_journal, run):
    """Agreed before Q3 began: Q3 unread is missing until Q4 ends, though in 2026-W53 the 13
    weeks shown (W41-W53) hold no week of Q3."""
    journal = write_journal(fresh_journal, kb_agreed="2026-06-29")  # 2026-W27, Q3's first
    checkin(run, journal, "2026-12-31")  # 2026-W53, Q4's last week
    env = {"LEADWORK_TODAY": "2026-12-31", "COLUMNS": "160"}
    text = shown(run, journal, env, "dashboard")
    assert "No reading for 2026-Q3: KB deflection rate." in text
    assert "no reading for 2026-Q3" in shown(run, journal, env, "indicator", "list")


@pytest.fixture
def holiday_journal(fresh_journal: Path, run) -> Path:
    """October read (83%, in 2026-W44); 2026-W46 checked in without November's reading;
    then three weeks away."""
    journal = write_journal(fresh_journal)
    checkin(run, journal, "2026-10-30", "-r", "csat=83")
    checkin(run, journal, "2026-11-13")
    return journal


def test_back_from_holiday_a_month_ended_since_is_missing_not_due(holiday_journal, run):
    text = shown(run, holiday_journal, DEC_7, "dashboard")
    assert "showing 2026-W46, the latest, as of 7 Dec" in text
    assert "due for Nov 2026" not in text
    assert "no reading for Nov 2026" in text
    assert "No reading for Nov 2026: Monthly CSAT." in text
    data = json.loads(shown(run, holiday_journal, DEC_7, "dashboard", "-f", "json"))
    csat = next(i for i in data["accountability"]["indicators"] if i["id"] == "csat")
    assert (csat["due_for"], csat["missing"]) == (None, "Nov 2026")
    # as `dashboard --week` of this week says it
    assert "no reading for Nov 2026" in shown(
        run, holiday_journal, DEC_7, "dashboard", "--week", "2026-W50"
    )


def test_every_view_as_of_today_names_the_month(holiday_journal, run):
    listed = shown(run, holiday_journal, DEC_7, "indicator", "list")
    assert "no reading for Nov 2026" in listed and "due for Nov 2026" not in listed
    data = json.loads(shown(run, holiday_journal, DEC_7, "indicator", "show", "csat", "-f", "json"))
    assert (data["due_for"], data["missing"]) == (None, "Nov 2026")
    prep = shown(run, holiday_journal, DEC_7, "one-on-one", "chloe", "--prep")
    assert "no reading for Nov 2026" in prep and "due for Nov 2026" not in prep
    report = shown(run, holiday_journal, DEC_7, "report", "-f", "markdown")
    assert "Monthly CSAT: no reading for Nov 2026." in report


def test_within_the_same_month_it_is_still_due(holiday_journal, run):
    """On 27 Nov (2026-W48), shown 2026-W46: November runs, its reading is due."""
    text = shown(run, holiday_journal, {**DEC_7, "LEADWORK_TODAY": "2026-11-27"}, "dashboard")
    assert "showing 2026-W46" in text and "due for Nov 2026" in text
    assert "No reading for Nov 2026" not in text


def test_a_quarter_read_in_its_first_week_is_not_owed_at_the_next_ones_end(fresh_journal, run):
    """Q3 2026 read in its first week (2026-W27); seen from 2026-W53, the last week of a
    14-week Q4, that reading is 26 weeks back: the view reads that far for it."""
    journal = write_journal(fresh_journal, kb_agreed="2026-06-29")
    checkin(run, journal, "2026-07-03", "-r", "kb=20")
    checkin(run, journal, "2026-12-31")
    env = {"LEADWORK_TODAY": "2026-12-31", "COLUMNS": "160"}
    for args in (("dashboard",), ("indicator", "list"), ("report", "-f", "markdown")):
        assert "2026-Q3" not in shown(run, journal, env, *args)
    assert "due for 2026-Q4" in shown(run, journal, env, "dashboard")
