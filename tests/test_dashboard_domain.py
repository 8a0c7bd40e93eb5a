"""The dashboard's pure rules, each at its boundary: which weeks are read, which week is
shown, story and customer gaps, review age, overdue steps, time shares, confidence trends,
one-on-one coverage, and the ranking of "Needs you"."""

import datetime as dt

import pytest

from leadwork.domain.alignment import (
    choice_stories,
    conversations,
    covers,
    refresh_signals,
    review_age,
)
from leadwork.domain.capability import capability_view, overdue_steps
from leadwork.domain.commitments import WeeklyFollowUp
from leadwork.domain.coverage import coverage
from leadwork.domain.needs_you import KINDS, RANK, Finding, _ranked
from leadwork.domain.review import last_strategy_review
from leadwork.domain.window import (
    SIGNALS_MAX_WEEKS,
    checkin_weeks_needed,
    choose_week,
    judged_weeks,
    range_ending,
    signal_weeks,
)
from leadwork.domain.wording import short_date, short_names
from leadwork.domain.your_work import commitments, confidence_trend, time_audit
from leadwork.errors import UsageProblem
from leadwork.model.capabilities import Capability
from leadwork.model.checkin import Checkin
from leadwork.model.one_on_one import OneOnOne
from leadwork.model.review import StrategyReview
from leadwork.model.settings import Settings
from leadwork.model.strategy import Strategy
from leadwork.model.team import Person
from leadwork.values import format_number, format_value
from leadwork.weeks import Week

W48 = Week(2026, 48)
TODAY = dt.date(2026, 11, 27)  # Friday of W48


def checkin(week: Week, **data) -> Checkin:
    return Checkin.model_validate({"week": str(week), **data})


def checkins(weeks, **data) -> dict[Week, Checkin]:
    return {w: checkin(w, **data) for w in weeks}


# ---- which weeks are read and shown --------------------------------------------------------


def test_the_view_judges_13_weeks_unless_a_setting_reaches_further():
    assert judged_weeks(W48, Settings())[0] == Week(2026, 36)
    assert len(judged_weeks(W48, Settings())) == 13
    assert len(judged_weeks(W48, Settings(trend_weeks=13))) == 14
    assert len(judged_weeks(W48, Settings(story_gap_weeks=20))) == 20


def test_refresh_signals_are_looked_for_from_the_review_week_and_at_most_26_weeks_back():
    reviewed = dt.date(2026, 7, 20)  # Monday of W30
    searched = signal_weeks(W48, reviewed)
    assert searched.weeks[0] == Week(2026, 30) and searched.weeks[-1] == W48
    assert not searched.capped
    old = signal_weeks(W48, dt.date(2025, 1, 6))
    assert len(old.weeks) == SIGNALS_MAX_WEEKS and old.capped
    never = signal_weeks(W48, None)
    assert len(never.weeks) == SIGNALS_MAX_WEEKS and never.capped
    # The review's week and the 25 after it: 26 weeks, not capped.
    edge = signal_weeks(W48, W48.minus(25).monday)
    assert len(edge.weeks) == 26 and not edge.capped


def test_the_weeks_read_never_depend_on_how_old_the_journal_is():
    needed = checkin_weeks_needed(W48, Settings(), dt.date(2016, 1, 4))
    assert len(needed) == SIGNALS_MAX_WEEKS
    assert needed[0] == W48.minus(25)


def test_default_week_is_this_week_or_the_latest_with_a_check_in():
    shown = choose_week(None, TODAY, W48)
    assert (shown.week, shown.as_of, shown.is_fallback) == (W48, TODAY, False)
    monday = dt.date(2026, 11, 30)  # W49 has begun, no check-in yet
    shown = choose_week(None, monday, W48)
    assert (shown.week, shown.as_of, shown.is_fallback) == (W48, monday, True)
    nothing = choose_week(None, TODAY, None)
    assert (nothing.week, nothing.is_fallback) == (W48, False)


def test_an_explicit_past_week_is_judged_as_of_its_sunday():
    shown = choose_week(Week(2026, 40), TODAY, None)
    assert shown.as_of == dt.date(2026, 10, 4) and shown.explicit and not shown.is_fallback
    assert choose_week(W48, TODAY, None).as_of == TODAY


def test_a_range_ends_on_the_week_the_dashboard_stands_on():
    """`report` and `reflect` without --to: this week once checked in, else the latest week
    that is (on Monday of W49, before its check-in, W48); 13 weeks unless --from says."""
    monday = dt.date(2026, 11, 30)
    assert range_ending(choose_week(None, monday, W48), None) == (Week(2026, 36), W48)
    assert range_ending(choose_week(None, TODAY, W48), Week(2026, 40)) == (Week(2026, 40), W48)
    asked = choose_week(Week(2026, 49), monday, W48)
    assert range_ending(asked, None) == (Week(2026, 37), Week(2026, 49))
    with pytest.raises(UsageProblem) as raised:
        range_ending(choose_week(None, monday, W48), Week(2026, 49))
    [problem] = raised.value.problems
    assert problem.given == "first"
    assert problem.message.startswith("2026-W49 comes after 2026-W48, the latest week checked in")
    assert problem.hint == "end it on a week without a check-in: «last» 2026-W49"


# ---- alignment ------------------------------------------------------------------------------

STRATEGY = Strategy.model_validate(
    {
        "purpose": "p",
        "choices": [{"id": "quality", "statement": "q"}, {"id": "growth", "statement": "g"}],
    }
)


def with_story(week: Week, choice: str) -> Checkin:
    return checkin(week, stories=[{"text": f"story in {week}", "choice": choice}])


@pytest.mark.parametrize(("weeks_ago", "quiet"), [(5, False), (6, True)])
def test_a_choice_is_quiet_when_its_last_story_is_story_gap_weeks_back(weeks_ago, quiet):
    data = checkins([W48.minus(i) for i in range(12)])
    data[W48.minus(weeks_ago)] = with_story(W48.minus(weeks_ago), "quality")
    rows, _ = choice_stories(STRATEGY, data, W48, gap_weeks=6)
    assert rows[0].quiet is quiet
    assert rows[0].last_week == W48.minus(weeks_ago)
    assert rows[1].quiet and rows[1].last_week is None


def test_a_new_journal_is_not_told_its_choices_went_quiet():
    data = checkins([W48.minus(i) for i in range(5)])  # five weeks of journal, gap of six
    rows, _ = choice_stories(STRATEGY, data, W48, gap_weeks=6)
    assert not any(r.quiet for r in rows)
    assert not covers(data, W48, 6) and covers(data, W48, 5)


def test_recent_stories_are_the_last_4_weeks_newest_first_and_purpose_has_its_own():
    data = {
        W48.minus(4): with_story(W48.minus(4), "quality"),
        W48.minus(3): with_story(W48.minus(3), "quality"),
        W48: with_story(W48, "purpose"),
    }
    data[W48.minus(1)] = with_story(W48.minus(1), "quality")
    rows, purpose = choice_stories(STRATEGY, data, W48, gap_weeks=6)
    assert [s.week for s in rows[0].recent] == [W48.minus(1), W48.minus(3)]
    assert [s.week for s in purpose] == [W48]


@pytest.mark.parametrize(("weeks_ago", "gap"), [(3, False), (4, True)])
def test_no_customer_heard_after_customer_gap_weeks(weeks_ago, gap):
    data = checkins([W48.minus(i) for i in range(8)])
    data[W48.minus(weeks_ago)] = checkin(
        W48.minus(weeks_ago), conversations=[{"with": "customer", "text": "t"}]
    )
    talks = conversations(data, W48, gap_weeks=4)
    assert talks.customer_gap is gap
    assert talks.by_kind["customer"] == (1 if weeks_ago < 4 else 0)
    assert list(talks.by_kind) == [
        "customer",
        "supplier",
        "partner",
        "analyst",
        "employee",
        "other",
    ]


def test_the_later_of_reviewed_on_and_the_latest_review_file_counts():
    strategy = STRATEGY.model_copy(update={"reviewed_on": dt.date(2026, 7, 20)})
    review = StrategyReview(kind="strategy", date=dt.date(2026, 9, 1)).date
    assert last_strategy_review(strategy, [review], TODAY) == (dt.date(2026, 9, 1), "reviews")
    assert last_strategy_review(strategy, [], TODAY) == (dt.date(2026, 7, 20), "strategy.toml")
    # A review after the day shown had not happened yet.
    assert last_strategy_review(strategy, [review], dt.date(2026, 8, 1))[0] == dt.date(2026, 7, 20)
    assert last_strategy_review(STRATEGY, [], TODAY) == (None, None)


@pytest.mark.parametrize(("days", "due"), [(13 * 7 - 1, False), (13 * 7, True)])
def test_the_strategy_review_is_due_review_every_weeks_after_the_last(days, due):
    strategy = STRATEGY.model_copy(update={"reviewed_on": TODAY - dt.timedelta(days=days)})
    assert review_age(strategy, [], TODAY, 13).due is due


def test_refresh_signals_are_the_unanswered_ones_from_the_review_week_on_newest_first():
    signal = {"with": "analyst", "text": "refresh!", "refresh": True}
    heard = {"with": "customer", "text": "heard before the review", "refresh": True}
    plain = {"with": "customer", "text": "fine"}
    story = {"text": "a story that says the market moved", "refresh": True}
    data = {
        Week(2026, 29): checkin(Week(2026, 29), conversations=[signal]),  # before the review
        Week(2026, 30): checkin(Week(2026, 30), conversations=[heard, signal]),  # its week
        Week(2026, 37): checkin(Week(2026, 37), conversations=[signal, plain]),
        Week(2026, 46): checkin(Week(2026, 46), conversations=[signal], stories=[story]),
    }
    review = StrategyReview.model_validate(
        {
            "kind": "strategy",
            "date": dt.date(2026, 7, 20),
            "answered": [{"week": "2026-W30", "source": "conversation", "text": "refresh!"}],
        }
    )
    found = refresh_signals(data, W48, dt.date(2026, 7, 20), [review])
    assert [(str(s.week), s.kind, s.text) for s in found.items] == [
        ("2026-W46", "story", "a story that says the market moved"),
        ("2026-W46", "analyst", "refresh!"),
        ("2026-W37", "analyst", "refresh!"),
        ("2026-W30", "customer", "heard before the review"),
    ]
    assert found.first_week == Week(2026, 30) and not found.capped


# ---- capability -----------------------------------------------------------------------------


def capability(*steps) -> Capability:
    return Capability.model_validate(
        {
            "id": "lean",
            "name": "Lean",
            "kind": "organizational",
            "level": 2,
            "target": 4,
            "steps": list(steps),
        }
    )


def test_a_step_is_overdue_the_day_after_it_was_due_and_until_it_is_done():
    cap = capability(
        {"what": "due today", "due": TODAY},
        {"what": "due yesterday", "due": TODAY - dt.timedelta(days=1)},
        {"what": "done late", "due": dt.date(2026, 10, 1), "done": dt.date(2026, 11, 20)},
        {"what": "done, no date", "due": dt.date(2026, 10, 1), "done": True},
        {"what": "no due date"},
    )
    [late] = overdue_steps(cap, TODAY)
    assert (late.number, late.what, late.days_overdue) == (2, "due yesterday", 1)
    # As it stood on 15 Nov, the step done on the 20th was still open and overdue.
    assert [s.number for s in overdue_steps(cap, dt.date(2026, 11, 15))] == [3]
    view = capability_view(cap, TODAY, ["a", "b"], {"a": "on-track", "b": "at-risk"})
    assert (view.steps_done, view.steps_total, view.worst_status) == (2, 5, "at-risk")
    assert capability_view(cap, TODAY, [], {}).worst_status is None


# ---- your work ------------------------------------------------------------------------------


def hours(week, sej, rest):
    return checkin(week, hours={"alignment": rest, "someone_elses_job": sej})


@pytest.mark.parametrize(("sej", "over"), [(20.0, False), (20.5, True)])
def test_someone_elses_job_warns_only_above_the_level(sej, over):
    data = {W48: hours(W48, sej, 100.0 - sej)}
    audit = time_audit(data, W48, warning_percent=20)
    assert audit.over is over
    assert audit.share == pytest.approx(sej)


def test_the_4_week_average_sums_the_weeks_that_have_a_time_audit():
    data = {
        W48.minus(4): hours(W48.minus(4), 50.0, 0.0),  # five weeks back: not in the average
        W48.minus(2): hours(W48.minus(2), 10.0, 30.0),
        W48: hours(W48, 0.0, 20.0),
    }
    audit = time_audit(data, W48, 20)
    assert audit.weeks_averaged == 2
    assert audit.average is not None and audit.average["someone_elses_job"] == 5.0
    assert audit.share_average == pytest.approx(100 * 10 / 60)
    assert time_audit({}, W48, 20).share is None


@pytest.mark.parametrize(
    ("value", "before", "trend"),
    [
        (3, [4, 4, 3, 3], "down"),  # 3 vs 3.5: exactly half a point
        (3, [3, 3, 4, 3], "steady"),  # 3 vs 3.25
        (4, [3, 4, 3, 4], "up"),
        (None, [3], None),
        (3, [], None),
    ],
)
def test_confidence_trend_against_the_weeks_before(value, before, trend):
    assert confidence_trend(value, before)[1] == trend


def test_last_weeks_commitments_done_rate_and_carried_too_often():
    week = checkin(
        W48,
        last_week=[{"text": "a", "outcome": "done"}, {"text": "b", "outcome": "carried"}],
        commitments=[{"text": "b", "carried": 3}, {"text": "c", "carried": 2}],
    )
    before = checkin(W48.minus(1), commitments=[{"text": "a"}, {"text": "b", "carried": 2}])
    view = commitments(week, WeeklyFollowUp(W48.minus(1), before, ()))
    assert (view.last_week.done, view.last_week.total, view.last_week.unmatched) == (1, 2, 0)
    assert [c.text for c in view.carried_too_often] == ["b"]
    assert commitments(None).last_week.rate is None
    # a follow-up that answers none of the commitments followed up is counted apart
    reworded = checkin(W48.minus(1), commitments=[{"text": "a, reworded"}, {"text": "b"}])
    view = commitments(week, WeeklyFollowUp(W48.minus(1), reworded, ()))
    assert (view.last_week.done, view.last_week.total, view.last_week.unmatched) == (0, 1, 1)
    assert view.unanswered == ("a, reworded",)
    assert view.open_from() == ((W48.minus(1), 1),)
    # one an older check-in made, still open, keeps its week (trial 21)
    older = checkin(W48.minus(1), commitments=[{"text": "old"}, {"text": "a"}, {"text": "b"}])
    made = (W48.minus(3), W48.minus(1), W48.minus(1))
    view = commitments(week, WeeklyFollowUp(W48.minus(1), older, made))
    assert (view.unanswered, view.made_in) == (("old",), (W48.minus(3),))
    assert view.open_from() == ((W48.minus(3), 1),)


# ---- one-on-one coverage --------------------------------------------------------------------


def meeting(person, day, *commitments):
    return OneOnOne.model_validate(
        {"person": person, "date": day, "commitments": list(commitments)}
    )


def test_coverage_uses_the_latest_meeting_up_to_the_day_shown():
    people = [
        Person(id="maria", name="Maria Santos", cadence_days=14),
        Person(id="tom", name="Tom"),
    ]
    meetings = [
        meeting("maria", dt.date(2026, 11, 1)),
        meeting(
            "maria",
            dt.date(2026, 11, 10),
            {"by": "me", "text": "x", "due": dt.date(2026, 11, 20)},
            {"by": "them", "text": "y", "due": TODAY},
        ),
        meeting("maria", dt.date(2026, 12, 1)),  # after the day shown
    ]
    maria, tom = coverage(people, meetings, TODAY)
    assert maria.cadence.last == dt.date(2026, 11, 10)
    assert (maria.cadence.state, maria.cadence.days_overdue) == ("overdue", 3)
    assert (maria.open_mine, maria.open_theirs, maria.past_due) == (1, 1, 1)
    assert tom.cadence.state == "untracked" and tom.open == 0


# ---- "Needs you": ranking and wording --------------------------------------------------------


def test_findings_rank_by_kind_then_urgency_then_file_order():
    findings = [
        Finding("trend-warning", "a", "trend a"),
        Finding("one-on-one-overdue", "x", "x", urgency=2),
        Finding("course-correct-no-plan", "s", "s", urgency=2),
        Finding("one-on-one-overdue", "y", "y", urgency=9),
        Finding("trend-warning", "b", "trend b"),
    ]
    assert [f.subject for f in _ranked(findings)] == ["s", "y", "x", "a", "b"]


def test_every_kind_has_a_rank_and_an_area():
    assert len(RANK) == len(KINDS)
    assert {area for _, area in KINDS} == {"alignment", "capability", "accountability", "your-work"}


def test_the_docs_rank_needs_you_as_the_code_does():
    """docs/json.md's table names every kind at its rank; docs/cli.md's has a row for each,
    numbered alike; the JSON Schema lists them all (trial 7: cli.md promised "promises past
    their date" and had no row for them)."""
    import json
    import re

    from conftest import EXAMPLE

    docs = EXAMPLE.parents[1] / "docs"

    def rows(doc: str) -> list[tuple[int, str]]:
        text = (docs / doc).read_text(encoding="utf-8")
        return [(int(n), rest) for n, rest in re.findall(r"^\| (\d+) \| ([^|]+) \|", text, re.M)]

    json_rows = rows("json.md")
    json_rows = json_rows[: len(KINDS)]
    assert [(n, kind.strip().strip("`")) for n, kind in json_rows] == [
        (RANK[kind], kind) for kind, _ in KINDS
    ]
    cli = (docs / "cli.md").read_text(encoding="utf-8")
    section = cli[cli.index('**The ranking of "Needs you".**') :]
    section = section[: section.index("**Formats.**")]
    numbers = re.findall(r"^\| (\d+) \|", section, re.M)
    assert [int(n) for n in numbers] == list(range(1, len(KINDS) + 1))
    schema = json.loads((docs / "dashboard.schema.json").read_text(encoding="utf-8"))
    found = schema["properties"]["needs_you"]["items"]["properties"]["kind"]["enum"]
    assert found == [kind for kind, _ in KINDS]


def test_wording_helpers():
    assert format_number(97.6) == "97.6" and format_number(2.0) == "2"
    assert format_number(0.1 + 0.2) == "0.3"
    assert format_value(3.6, "%") == "3.6%" and format_value(4.5, "days") == "4.5 days"
    assert short_date(dt.date(2026, 11, 18), TODAY) == "18 Nov"
    assert short_date(dt.date(2027, 1, 18), TODAY) == "18 Jan 2027"
    assert short_names({"a": "Ann Lee", "b": "Ann Wu", "c": "Tom Okafor"}) == {
        "a": "Ann Lee",
        "b": "Ann Wu",
        "c": "Tom",
    }


# ---- the whole view, as a pure function ------------------------------------------------------


def test_build_dashboard_is_a_pure_function_of_what_was_read():
    from leadwork.domain.dashboard import build_dashboard
    from leadwork.store.journal import Journal

    from conftest import EXAMPLE

    journal = Journal(EXAMPLE)
    definitions = journal.definitions()
    checkins = journal.checkins(judged_weeks(W48, definitions.config.settings))
    meetings = [journal.one_on_one(e) for e in journal.one_on_one_entries()]
    reviews = [journal.review(e) for e in journal.review_entries()]
    view = build_dashboard(definitions, checkins, meetings, reviews, W48, TODAY)
    assert view.week == W48 and view.shown.as_of == TODAY and view.has_checkin
    assert [f.kind for f in view.needs_you][:2] == ["course-correct-no-plan", "one-on-one-overdue"]
    assert len(view.weeks) == 13 and all(len(i.history) == 13 for i in view.indicators)
    # The same inputs give the same view; an earlier week is judged as of its Sunday.
    assert build_dashboard(definitions, checkins, meetings, reviews, W48, TODAY) == view
    past = build_dashboard(definitions, checkins, meetings, reviews, Week(2026, 45), TODAY)
    assert past.shown.as_of == dt.date(2026, 11, 8)
    grace = next(c for c in past.coverage if c.person == "grace")
    assert grace.cadence.state == "ok"  # due 18 Nov: not yet overdue on 8 Nov
    with pytest.raises(ValueError, match="not 2026-W48"):
        build_dashboard(
            definitions,
            checkins,
            meetings,
            reviews,
            W48,
            TODAY,
            shown=choose_week(None, TODAY, Week(2026, 47)),
        )
