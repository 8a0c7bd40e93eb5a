"""The one model of time (domain/timeline.py and the status engine's use of it): checked-in
weeks, the week a view stands on, reading periods, an indicator's span, off-track episodes
and the plan in force. Each rule is tested here, where it lives; the seeded simulation in
test_irregular_use.py holds every view to them on every day of a year."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leadwork.domain.commitments import commitments_to_follow_up, ended_yet_carried, keep_ended
from leadwork.domain.scoreboard import episode_may_begin_before, episode_reaches_back
from leadwork.domain.status import (
    AT_RISK,
    COURSE_CORRECT,
    NO_DATA,
    ON_TRACK,
    PlanRecord,
    course_correct_run,
    episode_start,
    judge_weeks,
    overdue_period,
    reading_overdue,
    track,
    trend_warning,
)
from leadwork.domain.timeline import (
    checked_in,
    period_of,
    span_of,
    standing_week,
    value_in,
)
from leadwork.model.checkin import Checkin
from leadwork.model.indicators import Indicator
from leadwork.weeks import Week, week_range


def indicator(**changes) -> Indicator:
    data = {
        "id": "otd",
        "name": "On-time delivery",
        "direction": "higher",
        "target": 95,
        "celebrate": 98,
        "course_correct": 90,
        **changes,
    }
    return Indicator.model_validate(data)


def checkin(week: Week, **data) -> Checkin:
    return Checkin.model_validate({"week": str(week), **data})


W = Week(2026, 48)


# ---- checked in, and the week a view stands on ----------------------------------------------


@pytest.mark.parametrize(
    ("data", "ran"),
    [
        ({}, False),
        ({"stories": [{"text": "Keisha ran the huddle"}]}, False),
        ({"conversations": [{"with": "customer", "text": "Weekly dates"}]}, False),
        ({"hours": {}}, False),  # an empty table written by hand
        ({"reflection": {}}, False),
        ({"readings": {"otd": 97.0}}, True),
        ({"hours": {"other": 4.0}}, True),
        ({"confidence": {"alignment": 3}}, True),
        # a check-in with no number yet: it followed up, committed, planned or reflected
        ({"last_week": [{"text": "Call Ron", "outcome": "done"}]}, True),
        ({"commitments": [{"text": "Call Ron"}]}, True),
        ({"plans": [{"indicator": "otd", "plan": "Second shift"}]}, True),
        ({"reflection": {"challenge": "Time"}}, True),
    ],
)
def test_a_week_is_checked_in_when_the_check_in_ran_not_when_its_file_exists(data, ran):
    assert checked_in(checkin(W, **data)) is ran


def test_no_file_is_not_checked_in():
    assert not checked_in(None)


def test_a_view_stands_on_the_latest_checked_in_week_until_this_week_is():
    tuesday = dt.date(2026, 12, 1)  # W49
    assert standing_week(tuesday, W) == W
    assert standing_week(tuesday, Week(2026, 49)) == Week(2026, 49)
    assert standing_week(tuesday, None) == Week(2026, 49)


# ---- periods --------------------------------------------------------------------------------


def test_a_week_belongs_to_the_month_and_quarter_of_its_thursday():
    # 2026-W49 runs 30 Nov - 6 Dec: its Thursday is 3 Dec, so it is December's.
    assert str(period_of(Week(2026, 49), "monthly")) == "Dec 2026"
    assert str(period_of(W, "monthly")) == "Nov 2026"
    # 2026-W53 runs 28 Dec 2026 - 3 Jan 2027: its Thursday is 31 Dec.
    assert str(period_of(Week(2026, 53), "monthly")) == "Dec 2026"
    assert str(period_of(Week(2026, 53), "quarterly")) == "2026-Q4"
    assert str(period_of(Week(2027, 1), "quarterly")) == "2027-Q1"
    assert str(period_of(W, "weekly")) == "2026-W48"


def test_every_week_of_a_year_falls_in_exactly_one_month():
    weeks = week_range(Week(2026, 1), Week(2026, 53))
    months = [period_of(w, "monthly") for w in weeks]
    assert months == sorted(months)
    assert len(set(months)) == 12
    assert all(4 <= months.count(m) <= 5 for m in set(months))


def test_a_monthly_reading_stands_for_the_rest_of_its_month_and_no_further():
    readings = {Week(2026, 45): 97.0}  # 2-8 Nov
    for week in week_range(Week(2026, 45), W):
        found = value_in(week, "monthly", readings)
        assert found is not None and found.value == 97.0 and found.read_in == Week(2026, 45)
    assert value_in(Week(2026, 49), "monthly", readings) is None  # December has no reading
    assert value_in(Week(2026, 44), "monthly", readings) is None  # before it was read
    assert value_in(Week(2026, 46), "weekly", readings) is None


def test_the_latest_reading_of_the_period_wins():
    readings = {Week(2026, 45): 97.0, Week(2026, 47): 93.0}
    assert value_in(W, "monthly", readings).value == 93.0  # type: ignore[union-attr]
    assert value_in(Week(2026, 46), "monthly", readings).value == 97.0  # type: ignore[union-attr]


OCT_FIRST = Week(2026, 40)  # Thursday 1 October: October's first week


def test_a_periods_reading_stands_for_its_weeks_before_it_seen_from_later():
    readings = {Week(2026, 41): 131.0}  # October's reading, entered in W41
    for as_of in (Week(2026, 41), Week(2026, 44), W):
        found = value_in(OCT_FIRST, "monthly", readings, as_of)
        assert found is not None and found.value == 131.0 and found.read_in == Week(2026, 41)
    # As of W40 itself the reading is not entered yet: the month is due, no value from later.
    assert value_in(OCT_FIRST, "monthly", readings) is None
    assert value_in(OCT_FIRST, "monthly", readings, OCT_FIRST) is None
    # September's weeks do not take October's reading; a weekly reading stands for its week.
    assert value_in(Week(2026, 39), "monthly", readings, W) is None
    assert value_in(OCT_FIRST, "weekly", readings, W) is None


def test_a_quarterly_reading_stands_for_its_quarter_from_its_first_week():
    readings = {Week(2026, 46): 12.0}  # Q4 2026 runs from W40 (1 Oct) to W53
    assert value_in(OCT_FIRST, "quarterly", readings, W).value == 12.0  # type: ignore[union-attr]
    assert value_in(OCT_FIRST, "quarterly", readings, Week(2026, 45)) is None
    assert value_in(Week(2026, 39), "quarterly", readings, W) is None  # Q3


def test_weeks_before_a_second_reading_keep_the_first():
    readings = {Week(2026, 41): 131.0, Week(2026, 43): 140.0}
    seen = [
        value_in(w, "monthly", readings, Week(2026, 44))
        for w in week_range(OCT_FIRST, Week(2026, 44))
    ]
    assert [v.value for v in seen if v] == [131.0, 131.0, 131.0, 140.0, 140.0]


@given(
    read=st.dictionaries(st.integers(0, 30), st.floats(0, 100), max_size=8),
    week=st.integers(0, 30),
    ahead=st.integers(0, 20),
    cadence=st.sampled_from(["weekly", "monthly", "quarterly"]),
)
def test_a_value_is_its_periods_reading_and_never_from_after_the_view(read, week, ahead, cadence):
    start = Week(2026, 30)  # weeks across a year's end: W30 of 2026 to W07 of 2027
    readings = {start + n: v for n, v in read.items()}
    at = start + week
    as_of = at + ahead
    found = value_in(at, cadence, readings, as_of)
    period = period_of(at, cadence)
    entered = [w for w in readings if period_of(w, cadence) == period and w <= as_of]
    if cadence == "weekly":
        entered = [w for w in entered if w == at]
    if not entered:
        assert found is None
        return
    assert found is not None and found.read_in in entered
    before = [w for w in entered if w <= at]
    assert found.read_in == (max(before) if before else min(entered))
    assert found.value == readings[found.read_in]


def test_a_monthly_weeks_before_its_reading_count_in_a_later_view():
    readings = {Week(2026, 37): 96.0, Week(2026, 41): 85.0}  # September, October
    weeks = week_range(Week(2026, 37), Week(2026, 44))
    judged = judge_weeks(monthly(), weeks, readings)
    assert NO_DATA not in [j.status for j in judged]
    october = [j for j in judged if j.week >= OCT_FIRST]
    assert {(j.value, j.status) for j in october} == {(85.0, COURSE_CORRECT)}
    # Each reading is still made once: the run counts months, the episode starts when read.
    assert course_correct_run(judged) == 1
    assert episode_start(judged) == Week(2026, 41)
    # A view standing on W40 itself shows October as due, not the value entered in W41.
    t = track(monthly(), week_range(Week(2026, 37), OCT_FIRST), readings, 3, 13)
    assert (t.now.value, t.now.status) == (None, NO_DATA)
    assert not reading_overdue(t)


# ---- span -----------------------------------------------------------------------------------


def test_an_indicator_exists_from_the_week_it_was_agreed_until_it_is_retired():
    ind = indicator(agreed_on=dt.date(2026, 11, 18), retired_on=dt.date(2027, 1, 4))
    span = span_of(ind, [])
    assert Week(2026, 46) not in span and W.minus(1) in span
    assert Week(2026, 53) in span and Week(2027, 1) not in span


def test_history_read_before_the_agreement_is_part_of_the_span():
    ind = indicator(agreed_on=dt.date(2026, 11, 18))
    assert Week(2026, 40) in span_of(ind, [Week(2026, 40)])


def test_without_an_agreed_date_the_span_starts_at_the_first_reading():
    ind = indicator()
    assert Week(2026, 40) not in span_of(ind, [Week(2026, 41)])
    assert Week(2000, 1) in span_of(ind, [])  # never read, never dated: always there


def test_weeks_before_the_agreement_are_untracked_not_no_data():
    ind = indicator(agreed_on=dt.date(2026, 11, 25))  # W48
    judged = judge_weeks(ind, week_range(Week(2026, 46), W), {})
    assert [j.tracked for j in judged] == [False, False, True]
    assert judged[-1].status == NO_DATA


# ---- trends, runs, episodes and plans ---------------------------------------------------------


def monthly(**changes) -> Indicator:
    return indicator(cadence="monthly", **changes)


def test_a_monthly_trend_is_judged_month_over_month():
    # Read in the first week of Aug, Sep, Oct, Nov 2026: each lower than the one before.
    firsts = [Week(2026, 32), Week(2026, 36), Week(2026, 41), Week(2026, 45)]
    readings = dict(zip(firsts, [99.0, 98.0, 97.0, 96.0], strict=True))
    judged = judge_weeks(monthly(), week_range(Week(2026, 32), W), readings)
    assert trend_warning(judged, 3)
    # In December, before it is read, the month is due, not a gap: the trend stands.
    judged = judge_weeks(monthly(), week_range(Week(2026, 32), Week(2026, 49)), readings)
    assert judged[-1].status == NO_DATA and trend_warning(judged, 3)


def test_a_monthly_trend_counts_each_month_once():
    readings = {Week(2026, 45): 99.0, Week(2026, 46): 98.0, Week(2026, 47): 97.0}
    judged = judge_weeks(monthly(), week_range(Week(2026, 45), W), readings)
    assert not trend_warning(judged, 3)  # one month, one reading: the latest, 97


def test_course_correct_months_count_months_not_weeks():
    readings = {Week(2026, 41): 85.0, Week(2026, 45): 84.0}  # October, November
    judged = judge_weeks(monthly(), week_range(Week(2026, 40), W), readings)
    assert course_correct_run(judged) == 2


def test_an_episode_starts_at_the_first_off_track_reading_and_survives_gaps():
    readings = {Week(2026, 43): 96.0, Week(2026, 44): 93.0, Week(2026, 46): 85.0}
    judged = judge_weeks(indicator(), week_range(Week(2026, 43), W), readings)
    assert [j.status for j in judged[-3:]] == [COURSE_CORRECT, NO_DATA, NO_DATA]
    assert episode_start(judged) == Week(2026, 44)
    readings[W] = 96.0  # back on track: the episode is over
    judged = judge_weeks(indicator(), week_range(Week(2026, 43), W), readings)
    assert judged[-1].status == ON_TRACK and episode_start(judged) is None


def test_an_episode_may_have_begun_before_weeks_without_a_reading_on_track():
    """The report's question (`scoreboard.episode_may_begin_before`): a reading on track in
    the weeks ends any earlier episode; off-track readings only, or none at all (a skipped
    week), leave one that began before them going. The dashboard reads further back only
    for readings it sees (`episode_reaches_back`): no reading, no episode to follow."""
    before = {Week(2026, 46): 93.0, Week(2026, 47): 92.0}  # at risk, then W48 skipped
    skipped = [W]
    assert episode_may_begin_before(indicator(), _read(before), skipped)
    assert not episode_reaches_back(indicator(), _read(before), skipped)
    red = {**before, W: 85.0}
    assert episode_may_begin_before(indicator(), _read(red), skipped)
    assert episode_reaches_back(indicator(), _read(red), skipped)
    back = {**before, W: 96.0}
    assert not episode_may_begin_before(indicator(), _read(back), skipped)
    assert not episode_reaches_back(indicator(), _read(back), skipped)
    # Retired by then: no episode to judge.
    retired = indicator(retired_on=dt.date(2026, 11, 23))
    assert not episode_may_begin_before(retired, _read(before), skipped)


def _read(readings: dict[Week, float]) -> dict[Week, Checkin]:
    return {w: checkin(w, readings={"otd": v}) for w, v in readings.items()}


def test_a_plan_stays_in_force_through_weeks_without_a_reading():
    weeks = week_range(Week(2026, 43), W)
    readings = {Week(2026, 44): 85.0, Week(2026, 45): 84.0}  # then W46-W48: nothing read
    plan = PlanRecord("otd", dt.date(2026, 11, 9), "Second shift on the lathe")  # W46
    t = track(indicator(), weeks, readings, 3, 13, [plan], dt.date(2026, 11, 27))
    assert t.now.status == NO_DATA
    assert t.plan == plan and not t.plan_needed
    t = track(indicator(), weeks, readings, 3, 13, [], dt.date(2026, 11, 27))
    assert t.plan is None and t.plan_needed  # and without one, the flag stays up


def test_a_plan_made_while_at_risk_counts_when_it_turns_red():
    weeks = week_range(Week(2026, 45), W)
    readings = {Week(2026, 45): 93.0, Week(2026, 46): 92.0, Week(2026, 47): 85.0, W: 84.0}
    plan = PlanRecord("otd", dt.date(2026, 11, 10), "Pull the second-shift huddle forward")
    t = track(indicator(), weeks, readings, 3, 13, [plan], dt.date(2026, 11, 27))
    assert t.now.status == COURSE_CORRECT and t.course_correct_weeks == 2
    assert t.episode_start == Week(2026, 45) and t.plan == plan and not t.plan_needed


def test_a_newer_plan_replaces_an_older_one_and_an_old_episode_plan_does_not_count():
    weeks = week_range(Week(2026, 40), W)
    readings = {Week(2026, 40): 85.0, Week(2026, 42): 97.0, Week(2026, 47): 85.0, W: 84.0}
    old = PlanRecord("otd", dt.date(2026, 10, 1), "From the last time")
    first = PlanRecord("otd", dt.date(2026, 11, 17), "First")
    newer = PlanRecord("otd", dt.date(2026, 11, 24), "Newer")
    t = track(indicator(), weeks, readings, 3, 13, [newer, old, first], dt.date(2026, 11, 27))
    assert t.plan == newer
    t = track(indicator(), weeks, readings, 3, 13, [old], dt.date(2026, 11, 27))
    assert t.plan is None and t.plan_needed


def test_at_risk_alone_needs_no_plan_flag():
    weeks = week_range(Week(2026, 45), W)
    readings = dict.fromkeys(weeks, 93.0)
    t = track(indicator(), weeks, readings, 3, 13, [], dt.date(2026, 11, 27))
    assert t.now.status == AT_RISK and t.episode_start == Week(2026, 45)
    assert not t.plan_needed


# ---- commitments ----------------------------------------------------------------------------


def text(c):
    return c.text


def test_commitments_of_the_latest_check_in_that_made_any_are_followed_up():
    w46 = checkin(Week(2026, 46), commitments=[{"text": "A"}, {"text": "B", "carried": 2}])
    w47 = checkin(Week(2026, 47), stories=[{"text": "captured only"}])
    records = [(Week(2026, 47), w47.commitments, []), (Week(2026, 46), w46.commitments, [])]
    found = commitments_to_follow_up(records, text)
    assert found is not None and found.key == Week(2026, 46)
    assert [(c.text, c.carried) for c in found.open] == [("A", 0), ("B", 2)]


def test_a_commitment_answered_by_a_week_without_commitments_is_no_longer_open():
    w46 = checkin(Week(2026, 46), commitments=[{"text": "A"}, {"text": "B"}])
    w47 = checkin(Week(2026, 47), last_week=[{"text": "A", "outcome": "done"}])
    records = [
        (Week(2026, 47), w47.commitments, [f.text for f in w47.last_week]),
        (Week(2026, 46), w46.commitments, []),
    ]
    found = commitments_to_follow_up(records, text)
    assert found is not None and [c.text for c in found.open] == ["B"]


def test_no_commitments_ever_made():
    assert commitments_to_follow_up([], text) is None


def test_a_check_in_that_made_new_commitments_without_answering_old_ones_keeps_them():
    from leadwork.domain.commitments import follow_up_source

    w49 = checkin(Week(2026, 49), commitments=[{"text": "Send the data"}, {"text": "Plan Q1"}])
    w50 = checkin(Week(2026, 50), readings={"otd": 96.0}, commitments=[{"text": "New A"}])
    w51 = checkin(
        Week(2026, 51),
        last_week=[{"text": "New A", "outcome": "done"}, {"text": "Plan Q1", "outcome": "done"}],
    )
    found = follow_up_source([(Week(2026, 50), w50), (Week(2026, 49), w49)])
    assert found is not None and found[0] == Week(2026, 50)
    assert [c.text for c in found[1].commitments] == ["New A", "Send the data", "Plan Q1"]
    found = follow_up_source([(Week(2026, 51), w51), (Week(2026, 50), w50), (Week(2026, 49), w49)])
    assert found is not None and [c.text for c in found[1].commitments] == ["Send the data"]


def test_a_commitment_left_open_is_asked_about_for_half_a_year():
    from leadwork.domain.commitments import follow_up_source

    old = checkin(Week(2026, 20), commitments=[{"text": "Old"}])
    new = checkin(Week(2026, 47), commitments=[{"text": "New"}])
    found = follow_up_source([(Week(2026, 47), new), (Week(2026, 20), old)])
    assert found is not None and [c.text for c in found[1].commitments] == ["New"]
    recent = checkin(Week(2026, 30), commitments=[{"text": "Recent"}])
    found = follow_up_source([(Week(2026, 47), new), (Week(2026, 30), recent)])
    assert found is not None and [c.text for c in found[1].commitments] == ["New", "Recent"]


def test_a_commitment_followed_up_as_ended_and_carried_on_in_one_record_is_found():
    follow_ups = [("A", "done"), ("B", "dropped"), ("C", "carried"), ("D", "done")]
    # B and D ended, yet carried on; C carried, as it should be; A done and made again anew
    copies = [("A", 0), ("C", 1), ("B", 1), ("D", 4), ("E", 2)]
    assert ended_yet_carried(follow_ups, copies) == [(2, 1), (3, 3)]
    # a one-on-one's commitments are told apart by whose they are
    assert ended_yet_carried([(("me", "X"), "done")], [(("them", "X"), 1)]) == []
    assert ended_yet_carried([(("me", "X"), "done")], [(("me", "X"), 1)]) == [(0, 0)]
    # two commitments of one text, one carried and one dropped: the one copy is the carried
    # one's (the benchmark's journals write this); a second copy would be one too many
    twice = [("X", "carried"), ("X", "dropped")]
    assert ended_yet_carried(twice, [("X", 2)]) == []
    assert ended_yet_carried(twice, [("X", 2), ("X", 1)]) == [(1, 1)]


@pytest.mark.parametrize(
    ("outcomes", "advice"),
    [
        (("carried", "dropped"), 'if you keep "dropped", also remove its carried copy'),
        (("done", "carried"), 'if you keep "done", also remove its carried copy'),
        (("done", "dropped"), None),  # nothing was carried: keeping either is enough
    ],
)
def test_keeping_an_ended_outcome_against_carried_removes_the_carried_copy(outcomes, advice):
    found = keep_ended(outcomes)
    assert (found is None) if advice is None else (found is not None and advice in found)


@pytest.mark.parametrize(
    ("agreed_on", "overdue"),
    [
        (dt.date(2026, 9, 21), None),  # Monday of W39, Q3's last week: Q3 owes nothing
        (dt.date(2026, 6, 29), "2026-Q3"),  # agreed before Q3 began: a whole Q3 unread
    ],
)
def test_a_period_agreed_part_way_through_owes_no_reading(agreed_on, overdue):
    """A quarterly indicator agreed in the last week of a quarter is not nagged about that
    quarter all through the next one (third trial); one that saw the whole quarter is."""
    ind = indicator(cadence="quarterly", agreed_on=agreed_on)
    t = track(ind, week_range(Week(2026, 30), Week(2026, 44)), {}, 3, 13)
    period = overdue_period(t)
    assert (str(period) if period else None) == overdue
    assert reading_overdue(t) is (overdue is not None)


def test_each_open_weekly_commitment_keeps_the_week_that_made_it():
    from leadwork.domain.commitments import follow_up_source, open_weekly

    w36 = checkin(Week(2026, 36), commitments=[{"text": "Fire-door log"}])
    w38 = checkin(Week(2026, 38), commitments=[{"text": "Budget bid"}])
    newest_first = [(Week(2026, 38), w38), (Week(2026, 36), w36)]
    assert [(w, c.text) for w, c in open_weekly(newest_first)] == [
        (Week(2026, 38), "Budget bid"),
        (Week(2026, 36), "Fire-door log"),
    ]
    assert [(w, c.text) for w, c in open_weekly(newest_first, {"Budget bid"})] == [
        (Week(2026, 36), "Fire-door log")
    ]
    found = follow_up_source(newest_first)  # the check-in followed up is still the latest
    assert found is not None and found[0] == Week(2026, 38)
    assert open_weekly([]) == []
