"""Issue 12, "Small truths": your own commitments labelled "You" in the prep and by your
first name (never a title) in the agenda; a one-on-one's story says whom it is about; a
capability step done on a given day; and `leadwork commitments`, one list of every open
commitment."""

import json
import tomllib

import pytest

from leadwork.domain.wording import first_name

from conftest import tree_hash


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("Dr. Amara Okafor", "Amara"),
        ("dr amara okafor", "amara"),
        ("Prof. Sir Ian Blake", "Ian"),
        ("Ms Priya Shah", "Priya"),
        ("Dana Whitfield", "Dana"),
        ("Dr.", "Dr."),
        ("Cher", "Cher"),
    ],
)
def test_first_name_skips_titles(name, first):
    assert first_name(name) == first


def _titled_leader(journal):
    config = journal / "leadwork.toml"
    config.write_text(config.read_text().replace('"Dana Whitfield"', '"Dr. Dana Whitfield"'))


def test_your_commitments_are_you_in_the_prep_and_your_first_name_in_the_agenda(
    run, example_journal
):
    _titled_leader(example_journal)
    text = run("one-on-one", "marcus", "--prep", journal=example_journal)
    assert text.exit_code == 0, text
    assert "2.  You     Agree a new date for the Greenville coaching clinic" in text.stdout
    assert "Dana" not in text.stdout and "Dr." not in text.stdout
    agenda = run("one-on-one", "marcus", "--prep", "-f", "markdown", journal=example_journal)
    assert agenda.exit_code == 0, agenda
    assert "2. **Dana:** Agree a new date for the Greenville coaching clinic" in agenda.stdout
    assert "Dr" not in agenda.stdout


# ---- a celebrated story says whom it is about --------------------------------------------------

MARCUS = (
    *("one-on-one", "marcus", "--no-input", "--no-plan", "dayton-scrap"),
    *("--done", "1", "--carried", "2"),
)


def _stories(journal):
    week = tomllib.loads((journal / "checkins" / "2026-W48.toml").read_text())
    return week["stories"]


def test_a_story_from_a_one_on_one_is_about_the_person_met_by_default(run, example_journal):
    result = run(
        *MARCUS, "--celebrate", "Caught it early.", "--story", "quality-first",
        journal=example_journal,
    )  # fmt: skip
    assert result.exit_code == 0, result
    assert _stories(example_journal)[-1]["who"] == "marcus"


def test_story_who_names_someone_else(run, example_journal):
    result = run(
        *MARCUS,
        *("--celebrate", "Keisha ran the huddle.", "--story", "build-bench"),
        *("--story-who", "Keisha Brown"),
        journal=example_journal,
    )
    assert result.exit_code == 0, result
    assert _stories(example_journal)[-1] == {
        "text": "Keisha ran the huddle.",
        "who": "Keisha Brown",
        "choice": "build-bench",
        "date": _stories(example_journal)[-1]["date"],
    }


def test_story_who_without_a_story_is_refused(run, example_journal):
    before = tree_hash(example_journal)
    result = run(*MARCUS, "--story-who", "priya", journal=example_journal)
    assert result.exit_code == 2, result
    assert "--story-who: who a story is about needs the story too" in result.stderr
    assert tree_hash(example_journal) == before


def test_the_interview_asks_whom_the_story_is_about(run, example_journal, monkeypatch):
    monkeypatch.setattr("leadwork.cli.prompts.stdin_is_terminal", lambda: True)
    answers = ["", "", "", "Priya's crew helped.", "one-northfield", "priya", "do", "c", ""]
    result = run(
        "one-on-one", "marcus", journal=example_journal, input="\n".join(answers) + "\n" * 12
    )
    assert result.exit_code == 0, result
    assert "Who is it about? (a team id or a name) [Marcus]" in result.stdout
    assert _stories(example_journal)[-1]["who"] == "priya"


# ---- a capability step done on a day ------------------------------------------------------------


def test_step_done_on_a_day_is_written_as_a_toml_date(run, example_journal):
    path = example_journal / "capabilities.toml"
    result = run(
        "checkin",
        "--no-input",
        *("--step-done", "coaching-supervisors:2@2026-11-20"),
        *("--step-done", "machinist-pipeline:3"),
        journal=example_journal,
    )
    assert result.exit_code == 0, result
    assert "done = 2026-11-20" in path.read_text()
    plans = tomllib.loads(path.read_text())["capabilities"]
    assert plans[4]["steps"][1]["done"].isoformat() == "2026-11-20"
    assert plans[2]["steps"][2]["done"].isoformat() == "2026-11-27"  # today, by default
    out = " ".join(result.stdout.split())
    assert "Marked done on 2026-11-20 in capabilities.toml: coaching-supervisors step 2." in out
    assert "Marked done on 2026-11-27 in capabilities.toml: machinist-pipeline step 3." in out


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("coaching-supervisors:2@2026-11-28", "2026-11-28 is after today (2026-11-27)"),
        ("coaching-supervisors:2@yesterday", "'yesterday' is not a date"),
        (
            "coaching-supervisors:1@2026-11-20",
            "step 1 of 'coaching-supervisors' is already done (2026-06-05)",
        ),
    ],
)
def test_a_bad_step_day_is_refused_and_nothing_is_written(run, example_journal, value, message):
    before = tree_hash(example_journal)
    result = run("checkin", "--no-input", "--step-done", value, journal=example_journal)
    assert result.exit_code == 2, result
    assert message in result.stderr
    assert tree_hash(example_journal) == before


def test_the_interview_asks_the_day_with_today_as_default(run, example_journal, monkeypatch):
    monkeypatch.setattr("leadwork.cli.prompts.stdin_is_terminal", lambda: True)
    env = {"LEADWORK_TODAY": "2026-12-04"}
    answers = [""] * 22 + ["5, 1", "2026-12-30", "2026-12-01", ""] + [""] * 10
    result = run("checkin", journal=example_journal, env=env, input="\n".join(answers))
    assert result.exit_code == 0, result
    out = " ".join(result.stdout.split())
    assert "dependable-scheduling step 3 done on (YYYY-MM-DD) [2026-12-04]" in out
    assert "✗ 2026-12-30 is after today (2026-12-04)" in out
    plans = tomllib.loads((example_journal / "capabilities.toml").read_text())["capabilities"]
    assert plans[1]["steps"][2]["done"].isoformat() == "2026-12-01"
    assert plans[4]["steps"][1]["done"].isoformat() == "2026-12-04"


# ---- leadwork commitments -----------------------------------------------------------------------


def _listed(run, journal, today):
    result = run("commitments", "--format", "json", journal=journal, env={"LEADWORK_TODAY": today})
    assert result.exit_code == 0, result
    data = json.loads(result.stdout)
    assert data["today"] == today
    return data["commitments"]


def test_commitments_lists_weekly_and_one_on_one_ones_overdue_first(run, example_journal):
    items = _listed(run, example_journal, "2026-12-04")
    weekly = [c for c in items if c["source"] == "checkin"]
    assert [c["text"] for c in weekly] == [
        "Agree a new date and agenda for the Greenville coaching clinic with Marcus and Priya",
        "Ask Marcus for his plan on Dayton scrap at Monday's one-on-one",
        "Book Grace's one-on-one in Minneapolis for the first week of December",
    ]
    assert {(c["made"], c["due"], c["by"], c["person"]) for c in weekly} == {
        ("2026-W48", "2026-12-06", "me", None)
    }
    assert weekly[0]["carried"] == 3 and weekly[0]["carried_too_often"]
    marcus = [c for c in items if c["person"] == "marcus"]
    assert [(c["by"], c["due"], c["overdue"], c["carried"]) for c in marcus] == [
        ("them", "2026-11-27", True, 0),
        ("me", "2026-11-27", True, 1),
    ]
    keys = [(not c["overdue"], c["due"] or "9999") for c in items]
    assert keys == sorted(keys), "overdue first, then by due date"
    assert items[0]["overdue"] and not items[-1]["overdue"]


def test_commitments_number_one_on_one_ones_as_the_prep_does(run, example_journal):
    """The trial's finding: `commitments` sorts by due date, the prep by meeting, and
    `one-on-one PERSON --carried N` takes the prep's N; so each one-on-one commitment shows
    (and gives in JSON) the number the prep gives it, and recording echoes each N's text."""
    env = {"LEADWORK_TODAY": "2026-12-04"}
    items = _listed(run, example_journal, "2026-12-04")
    assert all(c["number"] is None for c in items if c["source"] == "checkin")
    for person in ("marcus", "priya", "grace", "elena", "tom"):
        prep = run("one-on-one", person, "--prep", "-f", "json", journal=example_journal, env=env)
        numbered = {(c["text"], c["number"]) for c in json.loads(prep.stdout)["commitments"]}
        listed = {(c["text"], c["number"]) for c in items if c["person"] == person}
        assert listed == numbered, person
    text = run("commitments", journal=example_journal, env=env).stdout
    assert "1:1 Grace 21 Oct #3" in text and "1:1 Tom 25 Nov #2" in text
    assert "check-in 2026-W48 #" not in text
    # Grace's #3 is listed before her #2; carrying 3 carries the customer visit, and says so
    texts = [c["text"] for c in items if c["person"] == "grace"]
    assert texts.index("Join a medical customer visit with Grace in November") < texts.index(
        "Each account manager books two design reviews at medical accounts for November or December"
    )
    record = run(
        "one-on-one", "grace", "--no-input", "--progress", "Two reviews booked.",
        "--done", "1", "--carried", "3", "--dropped", "2",
        journal=example_journal, env={**env, "COLUMNS": "200"},
    )  # fmt: skip
    assert record.exit_code == 0, record
    lines = record.stdout.splitlines()
    assert lines[1:4] == [
        "done 1: 'Orthoventure quote out'",
        "dropped 2: 'Each account manager books two design reviews at medical accounts for "
        "November or December'",
        "carried 3: 'Join a medical customer visit with Grace in November'",
    ]


def test_commitments_text(run, example_journal):
    result = run("commitments", journal=example_journal, env={"LEADWORK_TODAY": "2026-12-04"})
    assert result.exit_code == 0, result
    out = result.stdout
    assert out.startswith("Open commitments, as of 2026-12-04: 14, 9 overdue")
    assert "27 Nov overdue" in out and "1:1 Marcus 16 Nov" in out
    assert "check-in 2026-W48" in out and "3 ⚠" in out
    assert "Marcus" in out and "You" in out


def test_a_skipped_week_and_a_capture_only_week_keep_the_commitments(run, example_journal):
    # W49 holds only a story captured on Wednesday; W50 is skipped; today is in W51.
    story = run(
        "story", "Keisha ran the huddle", journal=example_journal,
        env={"LEADWORK_TODAY": "2026-12-02"},
    )  # fmt: skip
    assert story.exit_code == 0, story
    items = _listed(run, example_journal, "2026-12-16")
    weekly = [c for c in items if c["source"] == "checkin"]
    assert len(weekly) == 3
    first = weekly[0]
    assert first["made"] == "2026-W48" and first["due"] == "2026-12-06" and first["overdue"]
    assert first["carried"] == 3 and first["carried_too_often"]


def test_a_later_check_in_answers_weekly_commitments(run, example_journal):
    env = {"LEADWORK_TODAY": "2026-12-04"}
    done = run(
        "checkin", "--no-input", "--done", "1", "--carried", "2", "--dropped", "3",
        journal=example_journal, env=env,
    )  # fmt: skip
    assert done.exit_code == 0, done
    weekly = [c for c in _listed(run, example_journal, "2026-12-04") if c["source"] == "checkin"]
    assert [(c["made"], c["due"], c["carried"], c["overdue"]) for c in weekly] == [
        ("2026-W49", "2026-12-13", 1, False)
    ]
    assert weekly[0]["text"].startswith("Ask Marcus for his plan")


def test_no_commitments_at_all(run, fresh_journal):
    result = run("commitments", journal=fresh_journal)
    assert result.exit_code == 0, result
    assert "No open commitments." in result.stdout
    assert _listed(run, fresh_journal, "2026-11-27") == []
