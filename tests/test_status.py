"""The status engine (domain/status.py), at every boundary the scoreboard's rules name:
exactly at the target and at each threshold, lower-is-better, missing weeks, week 53, and
targets that change without recolouring the past."""

import datetime as dt

import pytest

from leadwork.domain.status import (
    AT_RISK,
    CELEBRATE,
    COURSE_CORRECT,
    NO_DATA,
    ON_TRACK,
    PlanRecord,
    Thresholds,
    course_correct_run,
    is_active,
    judge,
    judge_weeks,
    latest_reading,
    next_change,
    owner_for,
    plan_in_episode,
    run_start,
    thresholds_for,
    track,
    trend_warning,
    worst,
)
from leadwork.model.indicators import Indicator
from leadwork.weeks import Week, last_weeks, week_range

HIGHER = Thresholds("higher", target=95, celebrate=98, course_correct=90)
LOWER = Thresholds("lower", target=2.0, celebrate=1.5, course_correct=3.0)


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


# ---- judging one reading -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "status"),
    [
        (99.0, CELEBRATE),
        (98.0, CELEBRATE),  # exactly at celebrate: celebrate
        (97.99, ON_TRACK),
        (95.0, ON_TRACK),  # exactly at the target: on track
        (94.99, AT_RISK),
        (90.0, AT_RISK),  # exactly at course-correct: still at risk, not past it
        (89.99, COURSE_CORRECT),
        (0.0, COURSE_CORRECT),
        (None, NO_DATA),
    ],
)
def test_higher_is_better(value, status):
    assert judge(value, HIGHER) == status


@pytest.mark.parametrize(
    ("value", "status"),
    [
        (1.0, CELEBRATE),
        (1.5, CELEBRATE),  # exactly at celebrate
        (1.51, ON_TRACK),
        (2.0, ON_TRACK),  # exactly at the target
        (2.01, AT_RISK),
        (3.0, AT_RISK),  # exactly at course-correct
        (3.01, COURSE_CORRECT),
        (None, NO_DATA),
    ],
)
def test_lower_is_better_flips_every_comparison(value, status):
    assert judge(value, LOWER) == status


def test_zero_is_a_reading_not_missing_data():
    assert judge(0.0, LOWER) == CELEBRATE
    assert judge(0.0, HIGHER) == COURSE_CORRECT


def test_celebrate_equal_to_target_celebrates_at_the_target():
    flat = Thresholds("higher", target=95, celebrate=95, course_correct=95)
    assert judge(95, flat) == CELEBRATE
    assert judge(94.9, flat) == COURSE_CORRECT


@pytest.mark.parametrize(
    ("thresholds", "value", "status"),
    [
        # celebrate and course_correct swapped (trial 19): judged by the target alone
        (Thresholds("higher", target=95, celebrate=90, course_correct=98), 99, ON_TRACK),
        (Thresholds("higher", target=95, celebrate=90, course_correct=98), 93.8, AT_RISK),
        (Thresholds("higher", target=95, celebrate=90, course_correct=98), 80, AT_RISK),
        (Thresholds("lower", target=2, celebrate=3, course_correct=1.5), 1, ON_TRACK),
        (Thresholds("lower", target=2, celebrate=3, course_correct=1.5), 2.5, AT_RISK),
        (Thresholds("lower", target=2, celebrate=3, course_correct=1.5), 9, AT_RISK),
        # one on the wrong side: the other still counts
        (Thresholds("higher", target=95, celebrate=94, course_correct=90), 94.5, AT_RISK),
        (Thresholds("higher", target=95, celebrate=94, course_correct=90), 89, COURSE_CORRECT),
        (Thresholds("higher", target=95, celebrate=98, course_correct=96), 99, CELEBRATE),
        (Thresholds("higher", target=95, celebrate=98, course_correct=96), 95.5, ON_TRACK),
        (Thresholds("higher", target=95, celebrate=98, course_correct=96), 80, AT_RISK),
    ],
)
def test_a_threshold_on_the_wrong_side_of_the_target_counts_as_absent(thresholds, value, status):
    assert judge(value, thresholds) == status


# ---- targets that change on a date ----------------------------------------------------------


def test_a_change_applies_from_the_week_of_its_date_and_never_before():
    ind = indicator(changes=[{"since": dt.date(2026, 9, 23), "target": 97, "celebrate": 99}])
    # 2026-09-23 is a Wednesday in 2026-W39: the whole of W39 is judged by the new target.
    assert thresholds_for(ind, Week(2026, 38)) == HIGHER
    assert thresholds_for(ind, Week(2026, 39)) == Thresholds("higher", 97, 99, 90)
    assert thresholds_for(ind, Week(2027, 10)).target == 97


def test_changing_the_target_does_not_recolour_past_weeks():
    before = indicator()
    after = indicator(changes=[{"since": dt.date(2026, 10, 5), "target": 97, "celebrate": 99}])
    weeks = [Week(2026, 40), Week(2026, 41)]
    readings = {Week(2026, 40): 96.0, Week(2026, 41): 96.0}
    assert [s.status for s in judge_weeks(before, weeks, readings)] == [ON_TRACK, ON_TRACK]
    judged = judge_weeks(after, weeks, readings)
    assert [s.status for s in judged] == [ON_TRACK, AT_RISK]  # W40 keeps its old verdict
    assert [s.thresholds.target for s in judged] == [95, 97]


def test_changes_apply_in_date_order_and_keep_what_they_do_not_mention():
    ind = indicator(
        changes=[
            {"since": dt.date(2026, 11, 2), "course_correct": 92},
            {"since": dt.date(2026, 10, 5), "target": 96},  # listed later, dated earlier
        ]
    )
    assert thresholds_for(ind, Week(2026, 41)) == Thresholds("higher", 96, 98, 90)
    assert thresholds_for(ind, Week(2026, 45)) == Thresholds("higher", 96, 98, 92)


def test_week_53_is_a_real_week_for_changes_and_history():
    # 2027-01-01 is a Friday in 2026-W53 (2026 has 53 ISO weeks).
    ind = indicator(changes=[{"since": dt.date(2027, 1, 1), "target": 96}])
    assert thresholds_for(ind, Week(2026, 52)).target == 95
    assert thresholds_for(ind, Week(2026, 53)).target == 96
    weeks = week_range(Week(2026, 51), Week(2027, 2))
    assert [str(w) for w in weeks] == ["2026-W51", "2026-W52", "2026-W53", "2027-W01", "2027-W02"]
    readings = dict(zip(weeks, [97.0, 96.5, 95.5, 95.0, 94.0], strict=True))
    judged = judge_weeks(ind, weeks, readings)
    # 95.5 would be on track against the old target; from W53 it is judged against 96.
    assert [s.status for s in judged] == [ON_TRACK, ON_TRACK, AT_RISK, AT_RISK, AT_RISK]
    assert trend_warning(judged, 4)  # four moves the wrong way, across the new year
    assert not trend_warning(judged, 5)


# ---- the owner as of a week: the same rule as the thresholds ------------------------------


def test_with_no_change_the_owner_is_the_one_agreed_every_week():
    ind = indicator(owner="tereza")
    assert owner_for(ind, Week(2020, 1)) == "tereza"
    assert owner_for(ind, Week(2026, 43)) == "tereza"
    assert owner_for(indicator(), Week(2026, 43)) is None


def test_a_handover_applies_from_the_week_of_its_date_and_earlier_weeks_keep_the_owner():
    ind = indicator(owner="tereza", changes=[{"since": dt.date(2026, 10, 19), "owner": "marco"}])
    assert owner_for(ind, Week(2026, 38)) == "tereza"
    assert owner_for(ind, Week(2026, 42)) == "tereza"  # her last week
    assert owner_for(ind, Week(2026, 43)) == "marco"
    assert owner_for(ind, Week(2027, 10)) == "marco"


def test_the_next_handover_is_the_first_owner_change_from_a_later_week():
    ind = indicator(
        owner="tereza",
        changes=[
            {"since": dt.date(2026, 11, 2), "owner": "grace"},
            {"since": dt.date(2026, 10, 5), "target": 96},
            {"since": dt.date(2026, 10, 19), "owner": "marco"},
        ],
    )
    owner = lambda c: c.owner  # noqa: E731
    assert next_change(ind, Week(2026, 40), owner).since == dt.date(2026, 10, 19)
    assert next_change(ind, Week(2026, 43), owner).owner == "grace"  # W43's is in effect
    assert next_change(ind, Week(2026, 45), owner) is None


def test_a_change_of_thresholds_only_keeps_the_owner_and_a_handover_keeps_the_thresholds():
    ind = indicator(
        owner="tereza",
        changes=[
            {"since": dt.date(2026, 10, 5), "target": 96},
            {"since": dt.date(2026, 10, 19), "owner": "marco"},
            {"since": dt.date(2026, 11, 2), "target": 97},
        ],
    )
    assert owner_for(ind, Week(2026, 41)) == "tereza"  # W41 has a change, of the target only
    assert owner_for(ind, Week(2026, 45)) == "marco"  # a later target change keeps Marco
    assert thresholds_for(ind, Week(2026, 43)) == Thresholds("higher", 96, 98, 90)
    assert thresholds_for(ind, Week(2026, 45)).target == 97


def test_two_handovers_apply_in_date_order_whatever_the_order_in_the_file():
    ind = indicator(
        owner="tereza",
        changes=[
            {"since": dt.date(2027, 1, 11), "owner": "me"},  # listed first, dated later
            {"since": dt.date(2026, 10, 19), "owner": "marco"},
        ],
    )
    assert owner_for(ind, Week(2026, 42)) == "tereza"
    assert owner_for(ind, Week(2026, 53)) == "marco"
    assert owner_for(ind, Week(2027, 2)) == "me"


def test_a_handover_dated_mid_week_owns_the_whole_of_that_week():
    # 2026-10-22 is a Thursday in 2026-W43: the whole of W43 is the new owner's.
    ind = indicator(owner="tereza", changes=[{"since": dt.date(2026, 10, 22), "owner": "marco"}])
    assert owner_for(ind, Week(2026, 42)) == "tereza"
    assert owner_for(ind, Week(2026, 43)) == "marco"


def test_of_two_changes_on_one_day_the_later_in_the_file_holds():
    day = dt.date(2026, 10, 19)
    ind = indicator(
        owner="tereza",
        changes=[{"since": day, "owner": "marco", "target": 96}, {"since": day, "owner": "omar"}],
    )
    assert owner_for(ind, Week(2026, 43)) == "omar"
    assert thresholds_for(ind, Week(2026, 43)).target == 96


def test_a_course_correct_run_crosses_the_new_year():
    ind = indicator()
    weeks = last_weeks(Week(2027, 1), 3)
    judged = judge_weeks(ind, weeks, dict.fromkeys(weeks, 80.0))
    assert course_correct_run(judged) == 3
    assert run_start(judged) == Week(2026, 52)


# ---- trend warning ------------------------------------------------------------------------


def history(values, direction="higher", end=Week(2026, 48)):
    ind = indicator(direction=direction) if direction == "higher" else lower_indicator()
    weeks = last_weeks(end, len(values))
    readings = {w: v for w, v in zip(weeks, values, strict=True) if v is not None}
    return judge_weeks(ind, weeks, readings)


def lower_indicator() -> Indicator:
    return indicator(direction="lower", target=5, celebrate=3, course_correct=8)


def test_trend_warns_while_green_after_exactly_n_wrong_moves():
    # Medical quote turnaround in the example: 3.1, 3.6, 4.1, 4.5 days, all on track.
    judged = history([3.2, 3.1, 3.6, 4.1, 4.5], direction="lower")
    assert {s.status for s in judged} <= {CELEBRATE, ON_TRACK}
    assert trend_warning(judged, 3)
    assert not trend_warning(judged, 4)  # 3.2 -> 3.1 was better


def test_trend_needs_n_plus_one_readings():
    assert not trend_warning(history([99.0, 98.0, 97.0]), 3)
    assert trend_warning(history([99.0, 98.0, 97.0, 96.0]), 3)


def test_an_unchanged_week_breaks_a_trend():
    assert not trend_warning(history([99.0, 98.0, 98.0, 97.0]), 3)


def test_a_missing_week_breaks_a_trend_rather_than_raising_a_false_alarm():
    assert not trend_warning(history([99.0, 98.0, None, 97.0, 96.0]), 3)
    assert not trend_warning(history([99.0, 98.0, 97.0, None]), 3)


def test_improving_lower_is_better_is_not_a_trend():
    assert not trend_warning(history([4.5, 4.1, 3.6, 3.1], direction="lower"), 3)
    assert trend_warning(history([96.0, 97.0, 98.0, 99.0], direction="lower"), 3)


# ---- course-correct runs and plans ----------------------------------------------------------


def test_course_correct_run_counts_back_from_the_latest_week():
    assert course_correct_run(history([80.0, 96.0, 85.0, 84.0])) == 2
    assert course_correct_run(history([80.0, 85.0, 96.0])) == 0
    # A week without a reading does not end a run: only a reading that is not red does.
    assert course_correct_run(history([85.0, None, 84.0])) == 2
    assert course_correct_run(history([85.0, 84.0, None])) == 2
    assert course_correct_run([]) == 0
    assert run_start(history([96.0, 85.0, 84.0])) == Week(2026, 47)
    assert run_start(history([96.0])) is None


AS_OF = dt.date(2026, 11, 27)  # Friday of W48; W47 began Monday 2026-11-16


def cc_track(weeks_in_course_correct: int, plans=()):
    values = [96.0] + [85.0] * weeks_in_course_correct
    ind = indicator()
    weeks = last_weeks(Week(2026, 48), len(values))
    readings = dict(zip(weeks, values, strict=True))
    return track(ind, weeks, readings, 3, 13, plans, AS_OF)


def test_one_week_in_course_correct_needs_no_plan_yet():
    assert not cc_track(1).plan_needed


def test_two_weeks_in_course_correct_with_no_plan_is_flagged():
    t = cc_track(2)
    assert t.course_correct_weeks == 2 and t.run_start == Week(2026, 47)
    assert t.plan_needed


@pytest.mark.parametrize(
    ("date", "plan", "indicator_id", "flagged"),
    [
        (dt.date(2026, 11, 16), "Second shift on the lathe", "otd", False),  # the run's Monday
        (dt.date(2026, 11, 27), "Second shift on the lathe", "otd", False),  # today
        (dt.date(2026, 11, 15), "Second shift on the lathe", "otd", True),  # Sunday before
        (dt.date(2026, 11, 28), "Second shift on the lathe", "otd", True),  # after the day shown
        (dt.date(2026, 11, 20), None, "otd", True),  # a [[plans]] entry without a plan
        (dt.date(2026, 11, 20), "  \n ", "otd", True),  # an empty plan
        (dt.date(2026, 11, 20), "Second shift", "scrap", True),  # another indicator's plan
    ],
)
def test_what_counts_as_a_recorded_plan(date, plan, indicator_id, flagged):
    plans = [PlanRecord(indicator_id, date, plan)]
    assert cc_track(2, plans).plan_needed is flagged


def test_a_plan_belongs_to_the_episode_from_its_first_monday_to_as_of_inclusive():
    plans = [PlanRecord("otd", dt.date(2026, 11, 16), "x")]  # the Monday of W47
    assert plan_in_episode("otd", Week(2026, 47), dt.date(2026, 11, 16), plans)[0]
    assert plan_in_episode("otd", Week(2026, 48), dt.date(2026, 11, 30), plans)[0] is None
    assert plan_in_episode("otd", Week(2026, 47), dt.date(2026, 11, 15), plans)[0] is None


def test_track_shows_13_weeks_but_judges_the_trend_over_all_it_was_given():
    ind = indicator()
    weeks = last_weeks(Week(2026, 48), 20)
    values = [99.0 - i * 0.1 for i in range(20)]
    t = track(ind, weeks, dict(zip(weeks, values, strict=True)), trend_weeks=13, shown=13)
    assert len(t.history) == 13
    assert t.history[0].week == Week(2026, 36) and t.now.week == Week(2026, 48)
    assert t.trend  # 13 moves need 14 readings: more than the 13 shown


# ---- worst status and retired indicators ----------------------------------------------------


def test_worst_status_orders_red_before_amber_before_unknown_before_green():
    assert worst([ON_TRACK, CELEBRATE, NO_DATA]) == NO_DATA
    assert worst([ON_TRACK, AT_RISK, NO_DATA]) == AT_RISK
    assert worst([CELEBRATE, COURSE_CORRECT, AT_RISK]) == COURSE_CORRECT
    assert worst([CELEBRATE, ON_TRACK]) == ON_TRACK
    assert worst([]) is None


def test_an_indicator_retired_during_a_week_is_still_tracked_that_week():
    ind = indicator(retired_on=dt.date(2026, 11, 25))  # Wednesday of W48
    assert is_active(ind, Week(2026, 48))
    assert not is_active(ind, Week(2026, 49))
    assert not is_active(indicator(retired_on=dt.date(2026, 11, 23)), Week(2026, 48))


def test_the_latest_reading_stands_through_weeks_without_one():
    """`latest_reading`: where an indicator stands while weeks go by without a reading (the
    report's status at a range's end, the dashboard's and the prep's latest)."""
    judged = history([96.0, 93.0, None, None])
    latest = latest_reading(judged)
    assert latest is not None
    assert (latest.week, latest.status) == (Week(2026, 46), AT_RISK)
    assert judged[-1].status == NO_DATA
    assert latest_reading(history([None, None])) is None
