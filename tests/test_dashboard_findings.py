"""Each finding of "Needs you", on a small crafted journal: it appears when its condition
holds, and disappears when the condition is fixed (often at the exact boundary).

The small journal (tests/journals.py) starts with nothing that needs the leader: one check-in
(2026-W48) with both indicators at risk, a plan for one of them, Maria's one-on-one on
24 Nov (every 14 days), Tom without a cadence, a strategy review on 1 Sep (every 13 weeks).
"""

import json
from pathlib import Path

import pytest

from conftest import tree_hash
from journals import write_small_journal

TODAY = "2026-11-27"  # Friday of 2026-W48


@pytest.fixture
def journal(fresh_journal: Path) -> Path:
    return write_small_journal(fresh_journal)


def needs_you(run, journal: Path, today: str = TODAY) -> list[dict]:
    before = tree_hash(journal)
    result = run("dashboard", "--format", "json", journal=journal, env={"LEADWORK_TODAY": today})
    assert result.exit_code == 0, result
    assert tree_hash(journal) == before
    return json.loads(result.stdout)["needs_you"]


def kinds(run, journal: Path, today: str = TODAY) -> list[str]:
    return [f["kind"] for f in needs_you(run, journal, today)]


def only(run, journal: Path, kind: str, today: str = TODAY) -> dict:
    [finding] = [f for f in needs_you(run, journal, today) if f["kind"] == kind]
    return finding


def write(journal: Path, rel: str, text: str) -> None:
    (journal / rel).parent.mkdir(parents=True, exist_ok=True)
    (journal / rel).write_text(text)


def checkin(journal: Path, week: str, body: str = "") -> None:
    write(journal, f"checkins/{week}.toml", f'week = "{week}"\n\n{body}')


def edit(journal: Path, rel: str, old: str, new: str) -> None:
    text = (journal / rel).read_text()
    assert old in text, f"{old!r} not in {rel}"
    (journal / rel).write_text(text.replace(old, new, 1))


READINGS_W48 = "[readings]\notd = 93.5\nscrap = 2.1\n"


def test_the_small_journal_needs_nothing(journal, run):
    assert kinds(run, journal) == []
    text = run("dashboard", journal=journal).stdout
    assert "Nothing needs you this week." in text


def test_checkin_missing_only_after_more_than_a_week(journal, run):
    # On Monday of W49 the latest check-in (W48) is last week's: that is normal.
    assert "checkin-missing" not in kinds(run, journal, today="2026-11-30")
    finding = only(run, journal, "checkin-missing", today="2026-12-07")  # Monday of W50
    assert (
        finding["message"] == "No check-in since 2026-W48 (1 week missed): run `leadwork checkin`."
    )
    # readings alone (imported, say) are not the week's check-in (trial 10, finding 4)
    checkin(journal, "2026-W50", READINGS_W48)
    assert only(run, journal, "checkin-missing", today="2026-12-07") == finding
    checkin(journal, "2026-W50", READINGS_W48 + "\n[hours]\nother = 5\n")
    assert "checkin-missing" not in kinds(run, journal, today="2026-12-07")


def test_course_correct_two_weeks_without_a_plan(journal, run):
    checkin(journal, "2026-W47", "[readings]\notd = 96\nscrap = 3.5\n")
    edit(journal, "checkins/2026-W48.toml", "scrap = 2.1", "scrap = 3.2")
    finding = only(run, journal, "course-correct-no-plan")
    assert finding["subject"] == "scrap" and finding["area"] == "accountability"
    assert finding["message"] == (
        "Scrap rate: course-correct 2 weeks running, no plan recorded. "
        "Ask Tom for one at your next one-on-one."  # Tom has no cadence: no due date
    )
    assert kinds(run, journal)[0] == "course-correct-no-plan"
    # A plan recorded the Sunday before the run began does not count...
    plan = 'person = "tom"\ndate = {day}\n\n[[plans]]\nindicator = "scrap"\nplan = "{plan}"\n'
    write(journal, "one-on-ones/2026-11-15-tom.toml", plan.format(day="2026-11-15", plan="Q"))
    assert "course-correct-no-plan" in kinds(run, journal)
    # ...an empty one does not either...
    write(journal, "one-on-ones/2026-11-16-tom.toml", plan.format(day="2026-11-16", plan=" "))
    assert "course-correct-no-plan" in kinds(run, journal)
    # ...one from the Monday the run began does.
    write(journal, "one-on-ones/2026-11-16-tom.toml", plan.format(day="2026-11-16", plan="Q"))
    assert "course-correct-no-plan" not in kinds(run, journal)


def test_course_correct_names_the_owners_next_one_on_one(journal, run):
    checkin(journal, "2026-W47", "[readings]\notd = 89\nscrap = 2.0\n")
    edit(journal, "checkins/2026-W48.toml", "otd = 93.5", "otd = 88")
    edit(
        journal, "one-on-ones/2026-11-24-maria.toml", 'plan = "Second shift on the lathe cell."', ""
    )
    finding = only(run, journal, "course-correct-no-plan")
    assert finding["message"].endswith("Ask Maria for one at the next one-on-one (due 8 Dec).")
    # One week in course-correct is a conversation, not yet a missing plan.
    checkin(journal, "2026-W47", "[readings]\notd = 96\nscrap = 2.0\n")
    assert "course-correct-no-plan" not in kinds(run, journal)


def test_one_on_one_overdue(journal, run):
    edit(journal, "team.toml", "cadence_days = 14", "cadence_days = 2")  # due 26 Nov
    finding = only(run, journal, "one-on-one-overdue")
    assert finding["subject"] == "maria"
    assert finding["message"] == (
        "Maria Santos: one-on-one overdue by 1 day (due 26 Nov; the last was 24 Nov)."
    )
    edit(journal, "team.toml", "cadence_days = 2", "cadence_days = 3")  # due today: not yet
    assert "one-on-one-overdue" not in kinds(run, journal)


def test_one_on_one_overdue_goes_away_with_the_meeting(journal, run):
    edit(journal, "team.toml", "cadence_days = 14", "cadence_days = 2")
    assert "one-on-one-overdue" in kinds(run, journal)
    write(journal, "one-on-ones/2026-11-27-maria.toml", 'person = "maria"\ndate = 2026-11-27\n')
    assert "one-on-one-overdue" not in kinds(run, journal)


STEP = '\n[[capabilities.steps]]\nwhat = "SPC on line 3"\ndue = {due}\n'


def test_capability_step_overdue(journal, run):
    with (journal / "capabilities.toml").open("a") as f:
        f.write(STEP.format(due="2026-11-20"))
    finding = only(run, journal, "capability-step-overdue")
    assert finding["subject"] == "quality-at-scale"
    assert finding["message"] == (
        "Quality at scale: step 1 overdue by 7 days (due 20 Nov): SPC on line 3"
    )
    edit(journal, "capabilities.toml", "due = 2026-11-20", "due = 2026-11-20\ndone = 2026-11-26")
    assert "capability-step-overdue" not in kinds(run, journal)


def test_a_step_due_today_is_not_overdue(journal, run):
    with (journal / "capabilities.toml").open("a") as f:
        f.write(STEP.format(due=TODAY))
    assert "capability-step-overdue" not in kinds(run, journal)


def test_strategy_review_due(journal, run):
    edit(journal, "leadwork.toml", "review_every_weeks = 13", "review_every_weeks = 12")
    finding = only(run, journal, "strategy-review-due")
    assert finding["message"] == (
        "Strategy review due: last reviewed 1 Sep, 12 weeks ago (every 12)."
    )
    write(
        journal,
        "reviews/2026-11-20-strategy.toml",
        'kind = "strategy"\ndate = 2026-11-20\nchanges = "Kept the choice."\n',
    )
    assert "strategy-review-due" not in kinds(run, journal)


def test_a_strategy_never_reviewed_says_co_created_not_reviewed(journal, run):
    (journal / "reviews" / "2026-09-01-strategy.toml").unlink()
    edit(journal, "strategy.toml", "purpose =", "co_created_on = 2026-08-03\npurpose =")
    assert only(run, journal, "strategy-review-due")["message"] == (
        "Strategy review due: co-created 3 Aug, 16 weeks ago (every 13)."
    )
    result = run("dashboard", "--format", "json", journal=journal, env={"LEADWORK_TODAY": TODAY})
    assert json.loads(result.stdout)["alignment"]["strategy_review"]["source"] == "co-created"
    text = run("dashboard", journal=journal, env={"LEADWORK_TODAY": TODAY}).stdout
    assert "co-created 3 Aug (16 weeks ago); ✗ review due since 2 Nov" in text


def test_strategy_review_due_counts_the_refresh_signals_since(journal, run):
    edit(journal, "leadwork.toml", "review_every_weeks = 13", "review_every_weeks = 12")
    checkin(
        journal, "2026-W40", '[[conversations]]\nwith = "analyst"\ntext = "x"\nrefresh = true\n'
    )
    assert only(run, journal, "strategy-review-due")["message"].endswith(
        "(every 12); 1 refresh signal since."
    )


def quiet_weeks(journal: Path, body: str = "") -> None:
    """Seven weeks of check-ins, W42..W48: old enough for a 6-week story gap."""
    for number in range(42, 48):
        checkin(journal, f"2026-W{number}", body)


def test_choice_without_stories(journal, run):
    quiet_weeks(journal)
    finding = only(run, journal, "choice-without-stories")
    assert finding["subject"] == "quality-first" and finding["area"] == "alignment"
    # the journal began in W42: never "in the last 13 weeks" of a 7-week-old journal
    assert finding["message"] == "quality-first: no story since the journal began, 6 weeks ago."
    story = '[[stories]]\ntext = "Ana stopped the line."\nchoice = "quality-first"\n'
    checkin(journal, "2026-W42", story)  # six weeks back: still quiet
    assert "the last was in 2026-W42" in only(run, journal, "choice-without-stories")["message"]
    checkin(journal, "2026-W43", story)  # five weeks back: alive
    assert "choice-without-stories" not in kinds(run, journal)


def test_an_older_journal_is_told_the_weeks_searched(journal, run):
    """A check-in before the weeks the dashboard reads (W30): the journal is older than them,
    so the weeks searched are the truth; a skipped week at their start (W36) costs a
    listing of the folder, not a wrong word."""
    quiet_weeks(journal)
    checkin(journal, "2026-W30")
    story = only(run, journal, "choice-without-stories")["message"]
    assert story == "quality-first: no story in the last 13 weeks."
    customer = only(run, journal, "no-customer-heard")["message"]
    assert customer == "No customer conversation in the last 13 weeks."


def test_a_young_journal_is_not_told_its_choices_went_quiet(journal, run):
    for number in range(44, 48):  # five weeks of check-ins, a six-week gap
        checkin(journal, f"2026-W{number}")
    assert "choice-without-stories" not in kinds(run, journal)


def test_no_customer_heard(journal, run):
    quiet_weeks(journal)
    finding = only(run, journal, "no-customer-heard")
    assert finding["message"] == "No customer conversation since the journal began, 6 weeks ago."
    talk = '[[conversations]]\nwith = "customer"\nwho = "Prairie"\ntext = "Flat 2027."\n'
    checkin(journal, "2026-W44", talk)  # four weeks back: still a gap
    assert "no-customer-heard" in kinds(run, journal)
    checkin(journal, "2026-W45", talk)
    assert "no-customer-heard" not in kinds(run, journal)


@pytest.mark.parametrize(("hours", "found"), [(10.5, True), (10, False)])
def test_someone_elses_job_above_the_warning_level(journal, run, hours, found):
    # 20% is the default warning level; exactly 20% is not above it.
    rest = 50 - hours
    edit(
        journal,
        "checkins/2026-W48.toml",
        "scrap = 2.1\n",
        f"scrap = 2.1\n\n[hours]\nalignment = {rest}\nsomeone_elses_job = {hours}\n",
    )
    assert ("someone-elses-job" in kinds(run, journal)) is found
    if found:
        message = only(run, journal, "someone-elses-job")["message"]
        assert message == (
            "21% of this week's hours went to someone else's job (the warning level is 20%)."
        )
    text = run("dashboard", journal=journal, env={"LEADWORK_TODAY": TODAY}).stdout
    share = "21% this week" if found else "20% this week"
    level = "▲ above the 20% warning level" if found else "warning above 20%"
    assert f"{share}, {share[:3]} over 1 week ({level})" in text


def test_trend_warning_while_green(journal, run):
    for week, value in (("2026-W45", 99), ("2026-W46", 98.5), ("2026-W47", 97)):
        checkin(journal, week, f"[readings]\notd = {value}\nscrap = 2.0\n")
    edit(journal, "checkins/2026-W48.toml", "otd = 93.5", "otd = 96")
    finding = only(run, journal, "trend-warning")
    assert finding["subject"] == "otd"
    assert finding["message"] == (
        "On-time delivery: worse 3 weeks running (99 → 96%), still on track."
    )
    checkin(journal, "2026-W46", "[readings]\notd = 99\nscrap = 2.0\n")  # flat: no trend
    assert "trend-warning" not in kinds(run, journal)


def test_a_trend_in_course_correct_is_left_to_the_plan_finding(journal, run):
    for week, value in (("2026-W45", 95), ("2026-W46", 92), ("2026-W47", 89)):
        checkin(journal, week, f"[readings]\notd = {value}\nscrap = 2.0\n")
    edit(journal, "checkins/2026-W48.toml", "otd = 93.5", "otd = 85")
    found = kinds(run, journal)
    assert "trend-warning" not in found
    assert "course-correct-no-plan" not in found  # Maria's plan of 24 Nov covers it


def test_commitment_carried_too_often(journal, run):
    commitment = '\n[[commitments]]\ntext = "Write the SPC one-pager"\ncarried = {n}\n'
    with (journal / "checkins/2026-W48.toml").open("a") as f:
        f.write(commitment.format(n=3))
    finding = only(run, journal, "commitment-carried")
    assert finding["message"] == (
        "Carried 3 times: “Write the SPC one-pager”. Do it, delegate it or drop it."
    )
    edit(journal, "checkins/2026-W48.toml", "carried = 3", "carried = 2")
    assert "commitment-carried" not in kinds(run, journal)


def test_your_weekly_commitment_past_its_date(journal, run):
    """Trial 7, A2: a commitment `leadwork commitments` marks overdue is in "Needs you", at
    its rank, and not "Nothing needs you"."""
    checkin(journal, "2026-W46", '[[commitments]]\ntext = "Call the CFO"\n')
    listed = run("commitments", journal=journal, env={"LEADWORK_TODAY": TODAY}).stdout
    assert "1 overdue" in listed.splitlines()[0], listed
    finding = only(run, journal, "commitment-overdue")  # due Sunday 22 Nov; W48 said nothing
    assert finding["subject"] is None and finding["rank"] == 1
    assert finding["message"] == "Past its date: “Call the CFO” (check-in 2026-W46, due 22 Nov)."
    text = run("dashboard", journal=journal, env={"LEADWORK_TODAY": TODAY}).stdout
    assert "Nothing needs you" not in text
    assert "1. Past its date: “Call the CFO” (check-in 2026-W46, due 22 Nov)." in text
    # not before its date: W46's commitment is due at the end of W47
    assert "commitment-overdue" not in kinds(run, journal, today="2026-11-22")
    # an outcome ends it, as it ends it in `leadwork commitments`
    with (journal / "checkins/2026-W48.toml").open("a") as f:
        f.write('\n[[last_week]]\ntext = "Call the CFO"\noutcome = "dropped"\n')
    assert "commitment-overdue" not in kinds(run, journal)


def test_your_one_on_one_commitment_past_its_date_not_theirs(journal, run):
    with (journal / "one-on-ones/2026-11-24-maria.toml").open("a") as f:
        f.write(
            '\n[[commitments]]\nby = "me"\ntext = "Send the budget"\ndue = 2026-11-25\n'
            '\n[[commitments]]\nby = "them"\ntext = "Fix line 3"\ndue = 2026-11-25\n'
            '\n[[commitments]]\nby = "me"\ntext = "Book the visit"\ndue = 2026-11-27\n'
        )
    found = [f for f in needs_you(run, journal) if f["kind"] == "commitment-overdue"]
    assert [(f["subject"], f["message"]) for f in found] == [
        ("maria", "Past its date: “Send the budget” (promised to Maria, due 25 Nov).")
    ]
    assert "commitment-overdue" not in kinds(run, journal, today="2026-11-25")


def test_many_commitments_past_their_date_make_one_line(journal, run):
    checkin(
        journal,
        "2026-W45",
        '[[commitments]]\ntext = "Oldest"\n\n[[commitments]]\ntext = "Second"\n',
    )
    checkin(journal, "2026-W46", '[[commitments]]\ntext = "Third"\n')
    [finding] = [f for f in needs_you(run, journal) if f["kind"] == "commitment-overdue"]
    assert finding["subject"] is None
    assert finding["message"] == (
        "3 of your commitments are past their date, the oldest “Oldest” (due 15 Nov): "
        "see `leadwork commitments`."
    )


def test_reading_missing(journal, run):
    edit(journal, "checkins/2026-W48.toml", "scrap = 2.1\n", "")
    finding = only(run, journal, "reading-missing")
    assert finding["message"] == "No reading this week for Scrap rate."
    edit(journal, "checkins/2026-W48.toml", "otd = 93.5\n", "otd = 93.5\nscrap = 2.1\n")
    assert "reading-missing" not in kinds(run, journal)


def test_the_text_shows_every_finding_while_the_screen_has_room(journal, run):
    """Eight findings on a small journal fit one screen: none is folded into "+N more"
    (tests/test_one_screen.py cuts a journal that does not fit)."""
    edit(journal, "team.toml", "cadence_days = 14", "cadence_days = 2")
    edit(journal, "leadwork.toml", "review_every_weeks = 13", "review_every_weeks = 12")
    quiet_weeks(journal)
    with (journal / "capabilities.toml").open("a") as f:
        for day in ("2026-11-20", "2026-11-21", "2026-11-22"):
            f.write(STEP.format(due=day))
    edit(journal, "checkins/2026-W48.toml", "scrap = 2.1\n", "")
    found = kinds(run, journal)
    assert found == [
        "one-on-one-overdue",
        "capability-step-overdue",
        "capability-step-overdue",
        "capability-step-overdue",
        "strategy-review-due",
        "choice-without-stories",
        "no-customer-heard",
        "reading-missing",
    ]
    messages = [f["message"] for f in needs_you(run, journal)]
    assert "step 1 overdue by 7 days" in messages[1]  # most days overdue first
    text = run("dashboard", journal=journal, env={"COLUMNS": "200"}).stdout
    needs = text.split("Needs you", 1)[1]
    assert "7. No customer conversation" in needs
    assert "8. No reading this week" in needs
    assert "more ·" not in text
