"""The weeks issue 12 reproduced on a copy of the example, through the real CLI: a story
captured on Tuesday, a skipped week, a plan followed by a week without a reading, an
indicator agreed later, a check-in that has not followed up its commitments yet.

Each test fails on the code before the one model of time (domain/timeline.py): the rules
themselves are tested in test_timeline.py, and held over a seeded year of irregular use in
test_irregular_use.py.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

from conftest import Run

TUESDAY = {"LEADWORK_TODAY": "2026-12-01"}  # W49; the example's last check-in is W48


def capture_a_story(run: Run, journal: Path, env: dict[str, str] = TUESDAY) -> None:
    result = run(
        "story", "Keisha ran her first huddle", "--who", "Keisha", journal=journal, env=env
    )
    assert result.exit_code == 0, result


def prep_json(run: Run, journal: Path, person: str, env: dict[str, str]) -> dict:
    result = run("one-on-one", person, "--prep", "--format", "json", journal=journal, env=env)
    assert result.exit_code == 0, result
    return json.loads(result.stdout)


def dashboard_json(run: Run, journal: Path, env: dict[str, str], *args: str) -> dict:
    result = run("dashboard", "--format", "json", *args, journal=journal, env=env)
    assert result.exit_code == 0, result
    return json.loads(result.stdout)


def add_monthly_retention(run: Run, journal: Path) -> None:
    """Priya's supervisor retention, read monthly, agreed on 1 October."""
    result = run(
        "indicator", "add", "retention", "--name", "Supervisor retention", "--owner", "priya",
        "--direction", "higher", "--target", "85", "--celebrate", "95", "--course-correct", "75",
        "--unit", "%", "--cadence", "monthly", "--agreed-on", "2026-10-01", journal=journal,
    )  # fmt: skip
    assert result.exit_code == 0, result


def indicator(data: dict, ident: str) -> dict:
    return next(i for i in data["accountability"]["indicators"] if i["id"] == ident)


def test_a_story_on_tuesday_does_not_blank_last_weeks_readings(run, example_journal):
    capture_a_story(run, example_journal)

    prep = prep_json(run, example_journal, "marcus", TUESDAY)
    scrap = next(i for i in prep["indicators"] if i["id"] == "dayton-scrap")
    assert (scrap["value"], scrap["status"]) == (3.6, "course-correct")
    kinds = [q["kind"] for q in prep["questions"]]
    assert "plan" in kinds and "reading" not in kinds

    board = dashboard_json(run, example_journal, TUESDAY)
    assert board["week"] == "2026-W48"
    assert indicator(board, "dayton-scrap")["status"] == "course-correct"
    assert "course-correct-no-plan" in [f["kind"] for f in board["needs_you"]]


def test_a_scripted_one_on_one_on_tuesday_still_asks_for_the_plan(run, example_journal):
    capture_a_story(run, example_journal)
    args = ["one-on-one", "marcus", "--no-input", "--progress", "Fine", "--done", "all"]
    result = run(*args, journal=example_journal, env=TUESDAY)
    assert result.exit_code == 2, result
    assert "Dayton scrap rate is course-correct: what is the plan" in result.stderr

    result = run(
        *args,
        "--plan",
        "dayton-scrap=Bar stock from Allegheny",
        journal=example_journal,
        env=TUESDAY,
    )
    assert result.exit_code == 0, result
    [meeting] = (example_journal / "one-on-ones").glob("2026-12-01-marcus.toml")
    plans = tomllib.loads(meeting.read_text(encoding="utf-8"))["plans"]
    assert plans == [
        {
            "indicator": "dayton-scrap",
            "status": "course-correct",
            "plan": "Bar stock from Allegheny",
        }
    ]


def test_a_skipped_week_keeps_its_commitments_and_their_carried_count(run, example_journal):
    capture_a_story(run, example_journal)  # W49 holds only a story; W50 is the next check-in
    w50 = {"LEADWORK_TODAY": "2026-12-11"}
    result = run(
        "checkin", "--no-input", "--done", "2", "--carried", "1", "--dropped", "3",
        journal=example_journal, env=w50,
    )  # fmt: skip
    assert result.exit_code == 0, result
    week = tomllib.loads((example_journal / "checkins" / "2026-W50.toml").read_text())
    assert [f["outcome"] for f in week["last_week"]] == ["carried", "done", "dropped"]
    [carried] = week["commitments"]
    assert carried["text"].startswith("Agree a new date and agenda") and carried["carried"] == 4

    board = dashboard_json(run, example_journal, w50)
    assert "commitment-carried" in [f["kind"] for f in board["needs_you"]]


def test_a_recorded_plan_stays_through_a_week_without_a_reading(run, example_journal):
    monday = {"LEADWORK_TODAY": "2026-11-30"}
    result = run(
        "one-on-one", "marcus", "--no-input", "--progress", "Working on it", "--done", "all",
        "--plan", "dayton-scrap=Bar stock from Allegheny", journal=example_journal, env=monday,
    )  # fmt: skip
    assert result.exit_code == 0, result
    friday = {"LEADWORK_TODAY": "2026-12-04"}  # W49 checked in without a scrap reading
    result = run(
        "checkin", "--no-input", "-r", "dayton-otd=96", journal=example_journal, env=friday
    )
    assert result.exit_code == 0, result

    prep = prep_json(run, example_journal, "marcus", friday)
    scrap = next(i for i in prep["indicators"] if i["id"] == "dayton-scrap")
    assert scrap["status"] == "no-data"
    assert scrap["plan"] == {
        "date": "2026-11-30",
        "text": "Bar stock from Allegheny",
        "person": "marcus",
    }
    board = dashboard_json(run, example_journal, friday)
    assert indicator(board, "dayton-scrap")["status"] == "no-data"
    assert "course-correct-no-plan" not in [f["kind"] for f in board["needs_you"]]
    # Scripted again, the plan in force need not be typed again.
    result = run(
        "one-on-one", "marcus", "--no-input", "--progress", "Still on it",
        journal=example_journal, env=friday,
    )  # fmt: skip
    assert result.exit_code == 0, result


def test_an_indicator_agreed_later_does_not_haunt_earlier_weeks(run, example_journal):
    result = run(
        "indicator", "add", "dayton-ppm", "--name", "Dayton customer PPM", "--owner", "marcus",
        "--direction", "lower", "--target", "50", "--celebrate", "25", "--course-correct", "100",
        "--agreed-on", "2026-11-25", journal=example_journal,
    )  # fmt: skip
    assert result.exit_code == 0, result
    before = dashboard_json(run, example_journal, {}, "--week", "2026-W45")
    assert "dayton-ppm" not in [i["id"] for i in before["accountability"]["indicators"]]
    assert "dayton-ppm" not in json.dumps(before["needs_you"])
    now = dashboard_json(run, example_journal, {})
    ppm = indicator(now, "dayton-ppm")
    assert ppm["status"] == "no-data"
    assert [h["status"] for h in ppm["history"]][-1] == "no-data"

    result = run(
        "report", "--from", "2026-W40", "--to", "2026-W45", "--format", "json",
        journal=example_journal,
    )  # fmt: skip
    assert result.exit_code == 0, result
    assert "dayton-ppm" not in [i["id"] for i in json.loads(result.stdout)["indicators"]]
    listed = run(
        "indicator", "list", "--week", "2026-W45", "--format", "json", journal=example_journal
    )
    assert "dayton-ppm" not in listed.stdout


def test_a_week_checked_in_before_its_follow_up_says_what_is_open(run, example_journal):
    friday = {"LEADWORK_TODAY": "2026-12-04"}
    result = run(
        "checkin", "--no-input", "-r", "dayton-otd=96", journal=example_journal, env=friday
    )
    assert result.exit_code == 0, result
    board = dashboard_json(run, example_journal, friday)
    mine = board["your_work"]["commitments"]
    assert mine["from_week"] == "2026-W48" and len(mine["not_followed_up"]) == 3
    text = run("dashboard", journal=example_journal, env=friday).stdout
    assert "3 open from 2026-W48, not followed up yet" in text


def test_a_monthly_indicator_is_asked_for_once_a_month(run, example_journal):
    add_monthly_retention(run, example_journal)
    first = {"LEADWORK_TODAY": "2026-12-04"}  # W49: December's first week
    # November, agreed and never read, is owed a reading: a plain -r would be November's
    # (trial 8, A1); this one names December
    result = run(
        "checkin", "--no-input", "-r", "retention@2026-12=90", journal=example_journal, env=first
    )
    assert result.exit_code == 0, result
    later = {"LEADWORK_TODAY": "2026-12-18"}  # W51: December's reading stands
    board = dashboard_json(run, example_journal, later)
    assert board["week"] == "2026-W49"  # W50 and W51 not checked in yet
    result = run("checkin", "--no-input", "-r", "dayton-otd=96", journal=example_journal, env=later)
    assert result.exit_code == 0, result
    board = dashboard_json(run, example_journal, later)
    retention = indicator(board, "retention")
    assert (retention["value"], retention["status"]) == (90, "on-track")
    # November stays missing while December runs, though December is read (trial 8, A1)
    assert "No reading for Nov 2026: Supervisor retention." in json.dumps(board["needs_you"])


def test_your_own_plan_is_written_in_the_check_in_and_stays_for_the_episode(run, example_journal):
    result = run(
        "indicator", "add", "overtime", "--name", "Overtime hours, both plants", "--owner", "me",
        "--direction", "lower", "--target", "400", "--celebrate", "300", "--course-correct",
        "500", "--agreed-on", "2026-11-02", journal=example_journal,
    )  # fmt: skip
    assert result.exit_code == 0, result
    for day, value in (("2026-11-27", "560"), ("2026-12-04", "610")):  # W48, W49
        env = {"LEADWORK_TODAY": day}
        result = run(
            "checkin", "--no-input", "-r", f"overtime={value}", journal=example_journal, env=env
        )
        assert result.exit_code == 0, result
    friday = {"LEADWORK_TODAY": "2026-12-04"}
    [finding] = [
        f
        for f in dashboard_json(run, example_journal, friday)["needs_you"]
        if f["subject"] == "overtime"
    ]
    assert finding["message"].startswith("Your own Overtime hours, both plants: course-correct 2")
    assert "leadwork checkin --plan overtime=" in finding["message"]

    plan = "Sign off Friday overtime myself for four weeks"
    result = run(
        "checkin", "--no-input", "--plan", f"overtime={plan}", journal=example_journal, env=friday
    )
    assert result.exit_code == 0, result
    assert "your plans" in result.stdout
    later = {"LEADWORK_TODAY": "2026-12-11"}  # W50 checked in without an overtime reading
    result = run("checkin", "--no-input", "-r", "dayton-otd=96", journal=example_journal, env=later)
    assert result.exit_code == 0, result
    board = dashboard_json(run, example_journal, later)
    assert "overtime" not in [f["subject"] for f in board["needs_you"]]
    checked = run("check", journal=example_journal, env=later)
    assert "error" not in checked.output, checked


def test_a_plan_made_when_a_long_episode_began_stays_in_force(run, example_journal):
    """Red for half a year, with one plan made in its second week: the plan is still the
    one in force, in the dashboard and the prep, though it is older than the 13 weeks
    a view usually judges."""
    result = run(
        "indicator", "add", "backlog", "--name", "Dayton repair backlog", "--owner", "marcus",
        "--direction", "lower", "--target", "20", "--celebrate", "10", "--course-correct", "30",
        "--agreed-on", "2026-06-01", journal=example_journal,
    )  # fmt: skip
    assert result.exit_code == 0, result
    for number in range(23, 49):
        week = f"2026-W{number:02d}"
        result = run(
            "checkin", "--no-input", "-w", week, "-r", "backlog=41", journal=example_journal
        )
        assert result.exit_code == 0, result
    (example_journal / "one-on-ones" / "2026-06-10-marcus.toml").write_text(
        'person = "marcus"\ndate = 2026-06-10\n\n[[plans]]\nindicator = "backlog"\n'
        'plan = "A second repair crew from July"\n',
        encoding="utf-8",
    )
    board = dashboard_json(run, example_journal, {})
    assert "backlog" not in [f["subject"] for f in board["needs_you"]]
    prep = prep_json(run, example_journal, "marcus", {})
    backlog = next(i for i in prep["indicators"] if i["id"] == "backlog")
    assert backlog["status"] == "course-correct"
    assert backlog["plan"] == {
        "date": "2026-06-10",
        "text": "A second repair crew from July",
        "person": "marcus",
    }


def test_commitments_left_unanswered_by_a_check_in_are_asked_about_next_time(run, example_journal):
    """W49 checks in with a new commitment but no follow-up of W48's three: W50 still asks
    about all four, and `leadwork commitments` lists them."""
    w49 = {"LEADWORK_TODAY": "2026-12-04"}
    result = run(
        "checkin", "--no-input", "-r", "dayton-otd=96", "--commitment", "New thing A",
        journal=example_journal, env=w49,
    )  # fmt: skip
    assert result.exit_code == 0, result
    w50 = {"LEADWORK_TODAY": "2026-12-11"}
    listed = json.loads(
        run("commitments", "--format", "json", journal=example_journal, env=w50).stdout
    )
    assert "Book Grace's one-on-one in Minneapolis" in json.dumps(listed)
    result = run("checkin", "--no-input", "--done", "4", journal=example_journal, env=w50)
    assert result.exit_code == 0, result
    week = tomllib.loads((example_journal / "checkins" / "2026-W50.toml").read_text())
    assert week["last_week"] == [
        {
            "text": "Book Grace's one-on-one in Minneapolis for the first week of December",
            "outcome": "done",
        }
    ]


def test_what_was_captured_since_the_last_check_in_counts_in_the_dashboard(run, example_journal):
    tuesday = TUESDAY
    result = run(
        "conversation", "Prairie wants weekly ship dates", "--with", "customer", "--refresh",
        journal=example_journal, env=tuesday,
    )  # fmt: skip
    assert result.exit_code == 0, result
    board = dashboard_json(run, example_journal, tuesday)
    assert board["week"] == "2026-W48"  # readings: last week's, the latest there are
    assert "Prairie wants weekly ship dates" in json.dumps(board["alignment"])
    assert "no-customer-heard" not in [f["kind"] for f in board["needs_you"]]
    past = dashboard_json(run, example_journal, tuesday, "--week", "2026-W48")
    assert "Prairie wants weekly ship dates" not in json.dumps(past["alignment"])


def test_a_month_not_read_yet_is_due_not_missing(run, example_journal):
    add_monthly_retention(run, example_journal)
    november = {"LEADWORK_TODAY": "2026-11-06"}
    result = run(  # November's, named: October, never read, would take a plain -r (A1)
        "checkin", "--no-input", "-r", "retention@2026-11=90", journal=example_journal, env=november
    )
    assert result.exit_code == 0, result
    december = {"LEADWORK_TODAY": "2026-12-04"}
    result = run(
        "checkin", "--no-input", "-r", "dayton-otd=96", journal=example_journal, env=december
    )
    assert result.exit_code == 0, result
    text = run("dashboard", "--full", journal=example_journal, env=december).stdout
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("Supervisor retention"))
    assert "due for Dec 2026" in " ".join(lines[at : at + 2])
    board = dashboard_json(run, example_journal, december)
    assert "Supervisor retention" not in json.dumps(board["needs_you"])


def test_the_report_names_a_commitment_carried_too_often_whatever_the_last_week_holds(
    run, example_journal
):
    capture_a_story(run, example_journal)  # the range ends on a week of captures only
    result = run(
        "report", "--from", "2026-W40", "--to", "2026-W49", "--format", "json",
        journal=example_journal, env=TUESDAY,
    )  # fmt: skip
    assert result.exit_code == 0, result
    carried = json.loads(result.stdout)["carried_too_often"]
    assert any("Greenville coaching clinic" in json.dumps(item) for item in carried)


def test_someone_never_met_is_in_needs_you(run, example_journal):
    team = example_journal / "team.toml"
    team.write_text(
        team.read_text(encoding="utf-8")
        + '\n[[people]]\nid = "ana"\nname = "Ana Ruiz"\nrole = "New quality lead"\n'
        + "cadence_days = 14\n",
        encoding="utf-8",
    )
    board = dashboard_json(run, example_journal, {})
    [finding] = [f for f in board["needs_you"] if f["subject"] == "ana"]
    assert finding["message"] == "Ana Ruiz: no one-on-one yet (every 14 days): book the first."


def test_the_prep_and_the_dashboard_show_the_same_weeks_before_this_weeks_check_in(
    run, example_journal
):
    capture_a_story(run, example_journal)
    board = dashboard_json(run, example_journal, TUESDAY)
    prep = prep_json(run, example_journal, "marcus", TUESDAY)
    for ident in ("dayton-scrap", "dayton-otd"):
        shown = next(i for i in prep["indicators"] if i["id"] == ident)["history"]
        keys = ("week", "value", "status")
        on_board = [{k: h[k] for k in keys} for h in indicator(board, ident)["history"]]
        assert shown == on_board, ident


def test_the_report_judges_a_step_overdue_as_the_dashboard_does(run, example_journal):
    """A step due today is not overdue, though the report's range ends on Sunday."""
    due_day = {"LEADWORK_TODAY": "2026-12-15"}  # consultative-selling's step 3 is due today
    result = run("report", "--format", "json", journal=example_journal, env=due_day)
    assert result.exit_code == 0, result
    selling = next(
        c for c in json.loads(result.stdout)["capabilities"] if c["id"] == "consultative-selling"
    )
    assert 3 not in [s["number"] for s in selling["overdue"]]
    board = dashboard_json(run, example_journal, due_day)
    assert "consultative-selling" not in [
        f["subject"] for f in board["needs_you"] if f["kind"] == "capability-step-overdue"
    ]


def test_writers_amend_inline_stories_and_dotted_keys(run, example_journal):
    """Layouts `check` accepts that writers broke on: an inline array of stories (one-on-one
    --story crashed on it) and dotted keys (a new [confidence] landed among them)."""
    week = example_journal / "checkins" / "2026-W49.toml"
    week.write_text(
        'week = "2026-W49"\nreflection.note = "A short week"\nstories = [{ text = "First" }]\n',
        encoding="utf-8",
    )
    friday = {"LEADWORK_TODAY": "2026-12-04"}
    result = run(
        "one-on-one", "priya", "--no-input", "--progress", "Fine", "--done", "all",
        "--celebrate", "Second", "--story", "build-bench", journal=example_journal, env=friday,
    )  # fmt: skip
    assert result.exit_code == 0, result
    result = run(
        "checkin", "--no-input", "--confidence", "alignment=4", journal=example_journal, env=friday
    )
    assert result.exit_code == 0, result
    data = tomllib.loads(week.read_text(encoding="utf-8"))
    assert [s["text"] for s in data["stories"]] == ["First", "Second"]
    assert data["reflection"] == {"note": "A short week"}
    assert data["confidence"] == {"alignment": 4}
    assert run("check", journal=example_journal, env=friday).exit_code == 0


def test_a_months_reading_stands_for_its_first_week_once_entered(run, example_journal, tmp_path):
    """The trial's case: W40 (Thursday 1 October) is October's; October's reading was
    entered in the W41 check-in. Seen from W44, W40 shows it; seen from W40, it is due."""
    result = run(
        "indicator", "add", "agency-shifts", "--name", "Agency shifts", "--owner", "priya",
        "--direction", "lower", "--target", "120", "--celebrate", "100", "--course-correct",
        "150", "--cadence", "monthly", "--agreed-on", "2026-09-01", journal=example_journal,
    )  # fmt: skip
    assert result.exit_code == 0, result
    source = tmp_path / "readings.csv"
    source.write_text(
        "week,indicator,value\n2026-W37,agency-shifts,118\n2026-W41,agency-shifts,131\n"
    )
    w44 = {"LEADWORK_TODAY": "2026-10-30"}
    result = run("indicator", "import", str(source), journal=example_journal, env=w44)
    assert result.exit_code == 0, result

    shown = run("indicator", "show", "agency-shifts", "--week", "2026-W44", "--format", "json",
                journal=example_journal, env=w44)  # fmt: skip
    assert shown.exit_code == 0, shown
    history = {h["week"]: h for h in json.loads(shown.stdout)["history"]}
    assert (history["2026-W40"]["value"], history["2026-W40"]["status"]) == (131, "at-risk")
    text = run("indicator", "show", "agency-shifts", "--week", "2026-W44", journal=example_journal,
               env=w44).stdout  # fmt: skip
    w40 = next(line for line in text.splitlines() if "2026-W40" in line)
    assert "131 (from 2026-W41)" in w40 and "no data" not in w40

    report = run("report", "--from", "2026-W40", "--to", "2026-W44", "--format", "json",
                 journal=example_journal, env=w44)  # fmt: skip
    assert report.exit_code == 0, report
    counts = next(i for i in json.loads(report.stdout)["indicators"] if i["id"] == "agency-shifts")
    assert counts["weeks_by_status"]["no-data"] == 0 and counts["weeks_by_status"]["at-risk"] == 5

    board = dashboard_json(run, example_journal, w44, "--week", "2026-W44")
    assert [h["value"] for h in indicator(board, "agency-shifts")["history"][-5:]] == [131] * 5

    # A view as of W40 itself: October is due, and no value from W41 shows there.
    board = dashboard_json(run, example_journal, w44, "--week", "2026-W40")
    shifts = indicator(board, "agency-shifts")
    assert (shifts["value"], shifts["status"]) == (None, "no-data")
    assert shifts["history"][-1]["value"] is None
    text = run("dashboard", "--week", "2026-W40", "--full", journal=example_journal, env=w44).stdout
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("Agency shifts"))
    assert "due for Oct 2026" in " ".join(lines[at : at + 2])


def test_a_skipped_week_filled_in_afterwards_asks_nothing_already_answered(fresh_journal, run):
    """The second trial: W03 made two commitments, W04 was skipped, W05 marked both done;
    filling in W04 afterwards asked about them again, and `--done 1` counted one twice."""
    from journals import write_small_journal

    journal = write_small_journal(fresh_journal)

    def on(day: str, *args: str):
        result = run("checkin", "--no-input", *args, journal=journal, env={"LEADWORK_TODAY": day})
        assert result.exit_code in (0, 2), result
        return result

    on("2026-11-04", "-r", "otd=95", "-c", "Call Ann", "-c", "Fix the rota")  # W45
    on("2026-11-18", "-r", "otd=96", "--done", "1", "--done", "2")  # W47; W46 skipped
    filled = on("2026-11-18", "--week", "2026-W46", "-r", "otd=94")
    assert filled.exit_code == 0
    assert "without an outcome" not in filled.stdout
    again = on("2026-11-18", "--week", "2026-W46", "--done", "1")
    assert again.exit_code == 2  # nothing open to follow up in W46
    report = run(
        "report", "--format", "json", journal=journal, env={"LEADWORK_TODAY": "2026-11-18"}
    )
    assert json.loads(report.stdout)["commitments"]["done"] == 2


def test_a_monthly_reading_last_month_reads_the_same_in_the_prep_table_and_questions(
    run: Run, example_journal: Path
):
    """October's course-correct reading, seen late in November before November's is read: the
    prep table's Latest gives that reading and its week (not '-'), the question does not
    call it 'this week', and recording without a plan says which reading needs one (third
    trial: the table said no data while the question said 'past the line this week')."""
    october = {"LEADWORK_TODAY": "2026-10-16"}
    added = run(
        "indicator", "add", "waste", "--name", "Food waste", "--owner", "marcus",
        "--direction", "lower", "--target", "4", "--celebrate", "2.5",
        "--course-correct", "6", "--unit", "%", "--cadence", "monthly",
        "--agreed-on", "2026-10-01", journal=example_journal, env=october,
    )  # fmt: skip
    assert added.exit_code == 0, added
    read = run("checkin", "--no-input", "-r", "waste=6.8", journal=example_journal, env=october)
    assert read.exit_code == 0, read
    november = {"LEADWORK_TODAY": "2026-11-27", "COLUMNS": "100"}
    prep = run("one-on-one", "marcus", "--prep", journal=example_journal, env=november)
    row = next(line for line in prep.stdout.splitlines() if "Food waste " in line)
    assert "6.8% (W42)" in row and "due for Nov 2026" in row, prep.stdout
    said = " ".join(prep.stdout.split())
    assert "Food waste: 6.8% in 2026-W42, past the course-correct line (6%); no plan" in said
    record = run(
        "one-on-one", "marcus", "--no-input", "--progress", "ok", "--done", "1,2",
        journal=example_journal, env=november,
    )  # fmt: skip
    assert record.exit_code == 2, record
    assert "waste's latest reading, 6.8% in 2026-W42, is course-correct" in record.stderr


def test_a_month_not_read_yet_says_nothing_of_the_capability_it_serves(
    run: Run, example_journal: Path
):
    """A monthly indicator read in October, seen in late November (due, not overdue): the
    capability it serves keeps the status of its weekly indicators, not 'no data' (third
    trial: 'Cold chain · no data' beside an indicator on track)."""
    october = {"LEADWORK_TODAY": "2026-10-16"}
    added = run(
        "indicator", "add", "referrals", "--name", "Referrals", "--owner", "grace",
        "--direction", "higher", "--target", "4", "--celebrate", "8",
        "--course-correct", "2", "--cadence", "monthly", "--serves", "consultative-selling",
        "--agreed-on", "2026-10-01", journal=example_journal, env=october,
    )  # fmt: skip
    assert added.exit_code == 0, added
    read = run("checkin", "--no-input", "-r", "referrals=5", journal=example_journal, env=october)
    assert read.exit_code == 0, read
    board = dashboard_json(run, example_journal, {"LEADWORK_TODAY": "2026-11-27"})
    [selling] = [c for c in board["capability"] if c["id"] == "consultative-selling"]
    assert selling["worst_status"] == "on-track", selling


def test_a_meeting_that_recorded_no_outcome_hides_no_open_commitment(
    run: Run, example_journal: Path
):
    """A one-on-one written by hand with no outcomes, after one that made commitments: they
    stay open on the dashboard as in `commitments` and the preparation, which says the
    meeting they were made in (third trial: the dashboard said 'none', the prep 'from' the
    later date)."""
    day = {"LEADWORK_TODAY": "2026-11-27"}
    before = dashboard_json(run, example_journal, day)["accountability"]["one_on_ones"]
    (example_journal / "one-on-ones" / "2026-11-26-tom.toml").write_text(
        'person = "tom"\ndate = 2026-11-26\nprogress = "Quick corridor catch-up"\n'
    )
    assert run("check", journal=example_journal, env=day).exit_code == 0
    after = dashboard_json(run, example_journal, day)["accountability"]["one_on_ones"]
    [tom] = [p for p in after if p["person"] == "tom"]
    assert tom["open_commitments"] == {"mine": 1, "theirs": 1, "past_due": 0}
    assert [p["open_commitments"] for p in after] == [p["open_commitments"] for p in before]
    prep = run("one-on-one", "tom", "--prep", journal=example_journal, env=day).stdout
    assert "Open commitments from 2026-11-25" in prep
    assert "Talk to Marcus about the Allegheny bar" in " ".join(prep.split())


def test_a_month_that_runs_is_due_not_missing_in_the_preparation_and_the_html(
    run: Run, example_journal: Path
):
    """November read on time; seen on 4 December (W49, December's first week, checked in):
    the prep says 'due for Dec 2026', asks no reading of a month just begun, and the HTML
    dashboard does not call it a change 'on track → no data' (third trial)."""
    november = {"LEADWORK_TODAY": "2026-11-27"}
    added = run(
        "indicator", "add", "complaints", "--name", "Complaints closed in 5 days",
        "--owner", "grace", "--direction", "higher", "--target", "85", "--celebrate", "95",
        "--course-correct", "70", "--unit", "%", "--cadence", "monthly",
        "--agreed-on", "2026-10-01", journal=example_journal, env=november,
    )  # fmt: skip
    assert added.exit_code == 0, added
    read = run(  # November's, named: October, never read, would take a plain -r (A1)
        "checkin",
        "--no-input",
        "-r",
        "complaints@2026-11=88",
        journal=example_journal,
        env=november,
    )
    assert read.exit_code == 0, read
    december = {"LEADWORK_TODAY": "2026-12-04", "COLUMNS": "100"}  # W49 checked in
    week = run(
        "checkin", "--no-input", "-r", "dayton-scrap=2.9", journal=example_journal, env=december
    )
    assert week.exit_code == 0, week
    prep = run("one-on-one", "grace", "--prep", journal=example_journal, env=december).stdout
    row = next(line for line in prep.splitlines() if "Complaints closed" in line)
    assert "88% (W48)" in row and "due for Dec 2026" in row, prep
    assert "latest reading for Complaints" not in prep
    agenda = run(
        "one-on-one", "grace", "--prep", "--format", "markdown",
        journal=example_journal, env=december,
    ).stdout  # fmt: skip
    assert "due for Dec 2026" in agenda and "latest reading for Complaints" not in agenda
    page = run("dashboard", "--format", "html", journal=example_journal, env=december).stdout
    changes = page.split("What changed since last week", 1)[1].split("</div>", 1)[0]
    assert "Complaints closed" not in changes, changes


def test_a_month_left_unread_says_so_on_its_row(run: Run, example_journal: Path):
    """October never read, seen in November: the row says which month is missing, as Needs
    you does, rather than a bare 'no data' (third trial)."""
    added = run(
        "indicator", "add", "complaints", "--name", "Complaints closed", "--owner", "grace",
        "--direction", "higher", "--target", "85", "--celebrate", "95",
        "--course-correct", "70", "--unit", "%", "--cadence", "monthly",
        "--agreed-on", "2026-09-01", journal=example_journal,
    )  # fmt: skip
    assert added.exit_code == 0, added
    env = {"LEADWORK_TODAY": "2026-11-27", "COLUMNS": "100"}
    board = run("dashboard", journal=example_journal, env=env).stdout
    lines = board.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("Complaints closed"))
    assert "no reading for Oct 2026" in " ".join(lines[at : at + 2]), board
    full = run("dashboard", "--full", journal=example_journal, env=env).stdout
    assert "No reading for Oct 2026: Complaints closed." in " ".join(full.split())


def test_the_hours_average_says_how_many_weeks_it_averages(run: Run, example_journal: Path):
    """Weeks without a time audit leave fewer than four to average: the column's heading
    says so, as the line under the table does (third trial: '4-wk avg' over 3 weeks)."""
    for week in ("2026-W46", "2026-W47"):
        path = example_journal / "checkins" / f"{week}.toml"
        text = path.read_text()
        path.write_text(re.sub(r"\[hours\]\n(?:[a-z_]+ = \d+\n)+\n", "", text, count=1))
    env = {"LEADWORK_TODAY": "2026-11-27", "COLUMNS": "100"}
    board = run("dashboard", journal=example_journal, env=env).stdout
    assert "2-wk avg" in board and "4-wk avg" not in board, board
    assert "over 2 weeks" in board
