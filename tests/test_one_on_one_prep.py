"""`leadwork one-on-one PERSON --prep`: indicators with status and 13 weeks, open
commitments with carry counts, stories, and questions chosen from the data; as text, as a
Markdown agenda, as JSON; and `--due`, from the one cadence rule."""

import json
from pathlib import Path

import pytest

from conftest import tree_hash
from journals import write_small_journal


def lines(text: str) -> list[str]:
    """Whole output, line by line; Rich pads table rows with spaces, which do not count."""
    return [line.rstrip() for line in text.splitlines()]


MARCUS_PREP = """\
One-on-one with Marcus Reyes (Plant manager, Dayton), Friday 27 November 2026
Last one-on-one 2026-11-16 (11 days) · every 14 days · due 2026-11-30

Indicators, 2026-W36 to 2026-W48
  Indicator                Latest  Target  13 weeks       Status
  Dayton scrap rate          3.6%      2%  ▃▂▄▃▂▁▂▁▂▃▂▇█  course-correct 2 weeks
                                                          no plan yet
  Dayton on-time delivery   96.4%     95%  ▅▄▂▁▄▅▇█▇▇▆▇▆  on track

Open commitments from 2026-11-16
  1.  Marcus  Watch scrap on the first production lots of Allegheny bar, all part  due 2026-11-27
              numbers
  2.  You     Agree a new date for the Greenville coaching clinic                  due 2026-11-27
                                                                                   carried over once

Stories about Marcus
  2026-W44  Marcus lent Greenville his cell 4 lead for two days to teach the SMED kits. Priya's
            second shift asked him to come back, and changeover dropped under 40 minutes.
            (one-northfield)

Questions to ask
  1. How are you progressing?
  2. What's your plan to get back on track?
     Dayton scrap rate: 3.6% in 2026-W48, past the course-correct line (3%) for 2 weeks running; no
     plan recorded yet
"""


def test_marcus_prep_asks_for_a_plan_on_dayton_scrap(run, example_journal):
    before = tree_hash(example_journal)
    result = run("one-on-one", "marcus", "--prep", journal=example_journal)
    assert result.exit_code == 0, result
    assert lines(result.stdout) == lines(MARCUS_PREP)
    assert result.stderr == ""
    assert tree_hash(example_journal) == before, "preparing never writes"


@pytest.mark.parametrize("columns", [100, 80, 60])
@pytest.mark.parametrize(
    "args", [["priya", "--prep"], ["marcus", "--prep"], ["--due"]], ids=" ".join
)
def test_piped_text_has_no_trailing_spaces(run, example_journal, args, columns):
    """Rich pads each line to the table's width; in a pipe, a diff or an email the spaces
    are noise, so plain text goes out without them, as the dashboard's does."""
    result = run("one-on-one", *args, journal=example_journal, env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result
    padded = [line for line in result.stdout.splitlines() if line.endswith(" ")]
    assert padded == []
    if args == ["marcus", "--prep"] and columns == 100:
        assert result.stdout == MARCUS_PREP


MARCUS_AGENDA = "\n".join(
    [
        "# Our one-on-one, Friday 27 November 2026",
        "",
        "_Marcus and Dana · our last one-on-one was on 2026-11-16_",
        "",
        "## Your indicators, 2026-W36 to 2026-W48",
        "",
        "| Indicator | Latest | Target | Status | 13 weeks | Plan |",
        "|---|--:|--:|---|---|---|",
        "| Dayton scrap rate | 3.6% | 2% | **course-correct 2 weeks** | ▃▂▄▃▂▁▂▁▂▃▂▇█ |"
        " no plan yet |",
        "| Dayton on-time delivery | 96.4% | 95% | on track | ▅▄▂▁▄▅▇█▇▇▆▇▆ |  |",
        "",
        "## Open commitments from 2026-11-16",
        "",
        "1. **You:** Watch scrap on the first production lots of Allegheny bar, all"
        " part numbers (due 2026-11-27)",
        "2. **Dana:** Agree a new date for the Greenville coaching clinic (due"
        " 2026-11-27, carried over once)",
        "",
        "## Stories about you",
        "",
        "- 2026-W44: Marcus lent Greenville his cell 4 lead for two days to teach the SMED"
        " kits. Priya's second shift asked him to come back, and changeover dropped under"
        " 40 minutes. _(one-northfield)_",
        "",
        "## Your topics",
        "",
        "_Add what you want to talk about: we start with yours._",
        "",
        "## Questions for you",
        "",
        "1. **How are you progressing?**",
        "2. **What's your plan to get back on track on Dayton scrap rate?**",
        "   - 3.6% in 2026-W48, past the course-correct line (3%) for 2 weeks running",
        "",
    ]
)


def test_prep_as_a_markdown_agenda(run, example_journal):
    result = run("one-on-one", "marcus", "--prep", "--format", "markdown", journal=example_journal)
    assert result.exit_code == 0, result
    assert result.stdout == MARCUS_AGENDA


def test_markdown_agenda_escapes_what_people_wrote(run, example_journal):
    path = example_journal / "one-on-ones" / "2026-11-16-marcus.toml"
    text = path.read_text().replace(
        'text = "Watch scrap', 'text = "Watch *scrap* | <b>all</b> [lots](x) `now`'
    )
    path.write_text(text)
    result = run("one-on-one", "marcus", "-f", "markdown", journal=example_journal)
    assert result.exit_code == 0, result
    assert r"Watch \*scrap\* \| \<b\>all\</b\> \[lots\](x) \`now\` on the first" in result.stdout


def test_prep_json_for_scripts(run, example_journal):
    result = run("one-on-one", "marcus", "--format", "json", journal=example_journal)
    assert result.exit_code == 0, result
    data = json.loads(result.stdout)
    assert data["person"]["id"] == "marcus"
    assert data["weeks"] == ["2026-W36", "2026-W48"]
    assert data["cadence"]["due_on"] == "2026-11-30"
    scrap = data["indicators"][0]
    assert scrap["id"] == "dayton-scrap"
    assert (scrap["status"], scrap["course_correct_weeks"]) == ("course-correct", 2)
    assert scrap["needs_plan"] and scrap["flagged"] and scrap["plan"] is None
    assert len(scrap["history"]) == 13
    assert [h["value"] for h in scrap["history"][-3:]] == [1.8, 3.4, 3.6]
    assert [h["status"] for h in scrap["history"][-3:]] == [
        "on-track",
        "course-correct",
        "course-correct",
    ]
    assert [(c["number"], c["by"], c["carried"]) for c in data["commitments"]] == [
        (1, "them", 0),
        (2, "me", 1),
    ]
    assert [q["kind"] for q in data["questions"]] == ["progress", "plan"]
    assert data["questions"][1]["indicator"] == "dayton-scrap"


def test_grace_is_overdue_and_her_worsening_quote_days_get_a_question(run, example_journal):
    result = run("one-on-one", "grace", "--prep", journal=example_journal)
    assert result.exit_code == 0, result
    out = lines(result.stdout)
    assert out[1] == (
        "Last one-on-one 2026-10-21 (37 days) · every 28 days · OVERDUE by 9 days "
        "(was due 2026-11-18)"
    )
    assert "  1.  Grace  Orthoventure quote out" in result.stdout
    assert "was due 2026-11-13" in result.stdout
    assert "What is changing, before it turns red?" in result.stdout
    data = json.loads(run("one-on-one", "grace", "-f", "json", journal=example_journal).stdout)
    trend = next(q for q in data["questions"] if q["kind"] == "trend")
    assert trend["context"] == (
        "Medical quote turnaround: on track at 4.5 days in 2026-W48, but it moved the wrong "
        "way 3 weeks running"
    )
    quote = next(i for i in data["indicators"] if i["id"] == "medical-quote-days")
    assert quote["status"] == "on-track" and quote["trend_warning"] is True
    assert [c["past_due"] for c in data["commitments"]] == [True, False, True]
    assert [q["kind"] for q in data["questions"]] == ["progress", "trend", "story"]
    assert (
        data["questions"][2]["text"] == "What has Grace done lately that others should hear about?"
    )


def test_stories_about_the_person_are_shown(run, example_journal):
    result = run("one-on-one", "priya", "--prep", journal=example_journal)
    assert result.exit_code == 0, result
    assert "  2026-W48  Greenville shipped every order due Thanksgiving week" in result.stdout
    assert "(build-bench)" in result.stdout
    assert "What has Priya done lately" not in result.stdout


def test_a_meeting_before_this_weeks_checkin_judges_last_week(run, example_journal):
    """Monday of W49, before Friday's check-in: the prep stands on W48, as the dashboard
    does, and W48's status stands."""
    result = run(
        "one-on-one",
        "marcus",
        "--prep",
        "-f",
        "json",
        journal=example_journal,
        env={"LEADWORK_TODAY": "2026-11-30"},
    )
    scrap = json.loads(result.stdout)["indicators"][0]
    assert scrap["history"][-1] == {"week": "2026-W48", "value": 3.6, "status": "course-correct"}
    assert (scrap["week"], scrap["status"], scrap["course_correct_weeks"]) == (
        "2026-W48",
        "course-correct",
        2,
    )


def test_prep_ahead_never_reads_the_future(run, example_journal):
    result = run(
        "one-on-one",
        "marcus",
        "--prep",
        "--date",
        "2026-12-07",
        "-f",
        "json",
        journal=example_journal,
    )
    assert result.exit_code == 0, result
    data = json.loads(result.stdout)
    assert data["date"] == "2026-12-07"
    assert data["weeks"] == ["2026-W36", "2026-W48"]  # never past this week


def test_prep_reads_only_the_check_ins_of_its_window(run, example_journal):
    (example_journal / "checkins" / "2026-W30.toml").write_text("this is not TOML\n")
    result = run("one-on-one", "marcus", "--prep", journal=example_journal)
    assert result.exit_code == 0, result
    assert "Dayton scrap rate" in result.stdout


def test_a_commitment_carried_three_times_is_flagged(run, example_journal):
    path = example_journal / "one-on-ones" / "2026-11-17-elena.toml"
    path.write_text(path.read_text().replace("carried = 2", "carried = 3"))
    result = run("one-on-one", "elena", "--prep", journal=example_journal)
    assert result.exit_code == 0, result
    assert "carried over 3 times, a pattern" in result.stdout
    assert "Is this still the right commitment, or should it be dropped?" in result.stdout
    assert 'your "Sit in on one layered audit" has been carried over 3 times' in result.stdout
    data = json.loads(run("one-on-one", "elena", "-f", "json", journal=example_journal).stdout)
    assert [c["carried_too_often"] for c in data["commitments"]] == [False, True]


QUESTION_INDICATORS = """
[[indicators]]
id = "yield"
name = "First-pass yield"
owner = "maria"
unit = "%"
direction = "higher"
target = 96
celebrate = 98
course_correct = 94

[[indicators]]
id = "audits"
name = "Layered audits"
owner = "maria"
direction = "higher"
target = 5
celebrate = 8
course_correct = 3
"""


@pytest.fixture
def small(fresh_journal: Path) -> Path:
    journal = write_small_journal(fresh_journal)
    indicators = journal / "indicators.toml"
    indicators.write_text(indicators.read_text() + QUESTION_INDICATORS)
    checkin = journal / "checkins" / "2026-W48.toml"
    checkin.write_text(
        checkin.read_text().replace("otd = 93.5", "otd = 93.5\nyield = 98.5")
        + '\n[[stories]]\ntext = "Maria fixed the fixture"\nwho = "Maria Santos"\n'
    )
    return journal


def test_questions_are_chosen_from_the_data(run, small):
    result = run("one-on-one", "maria", "--prep", "-f", "json", journal=small)
    assert result.exit_code == 0, result
    data = json.loads(result.stdout)
    statuses = {i["id"]: i["status"] for i in data["indicators"]}
    assert statuses == {"otd": "at-risk", "yield": "celebrate", "audits": "no-data"}
    questions = [(q["kind"], q["indicator"], q["text"]) for q in data["questions"]]
    assert questions == [
        ("progress", None, "How are you progressing?"),
        ("plan", "otd", "How is the plan to get back on track going?"),
        ("reading", "audits", "What is the latest reading for Layered audits?"),
        ("celebrate", "yield", "What made this happen, and who should hear the story?"),
    ]
    assert data["questions"][1]["context"] == (
        "On-time delivery: 93.5% in 2026-W48, at risk, missing the target of 95%; plan of "
        "2026-11-24: Second shift on the lathe cell."
    )
    assert data["stories"] == [
        {"week": "2026-W48", "text": "Maria fixed the fixture", "choice": None}
    ]


def test_someone_without_indicators_or_meetings(run, small):
    team = small / "team.toml"
    team.write_text(team.read_text() + '\n[[people]]\nid = "tom-b"\nname = "Tom Berg"\n')
    result = run("one-on-one", "tom-b", "--prep", journal=small)
    assert result.exit_code == 0, result
    # a second Tom in the team (Tom Reyes): named in full, as every list names him
    assert "Tom Berg owns no indicator yet." in result.stdout
    assert "No earlier one-on-one." in result.stdout
    assert "No one-on-one recorded yet" in result.stdout


# ---- who is due ------------------------------------------------------------------------------


def test_due_lists_grace_as_overdue(run, example_journal):
    result = run("one-on-one", "--due", journal=example_journal)
    assert result.exit_code == 0, result
    assert lines(result.stdout) == [
        "Due for a one-on-one on 2026-11-27",
        "Person                   Role                     Last        Every    Due",
        "Grace Lindqvist (grace)  Account management lead  2026-10-21  28 days  2026-11-18  "
        "overdue by 9 days",
    ]
    data = json.loads(run("one-on-one", "--due", "-f", "json", journal=example_journal).stdout)
    assert data == {
        "today": "2026-11-27",
        "due": [
            {
                "person": "grace",
                "name": "Grace Lindqvist",
                "cadence_days": 28,
                "last": "2026-10-21",
                "due_on": "2026-11-18",
                "state": "overdue",
                "days_overdue": 9,
            }
        ],
    }


def test_due_is_most_overdue_first_and_uses_the_cadence_rule(run, example_journal):
    # Monday 30 Nov: Marcus is due that day (14 days after 16 Nov), Grace 12 days overdue,
    # Priya (weekly, last 24 Nov) due tomorrow; Elena (17 Nov + 14 = 1 Dec) is due too.
    data = json.loads(
        run(
            "one-on-one",
            "--due",
            "-f",
            "json",
            journal=example_journal,
            env={"LEADWORK_TODAY": "2026-11-30"},
        ).stdout
    )
    assert [(d["person"], d["state"], d["days_overdue"]) for d in data["due"]] == [
        ("grace", "overdue", 12),
        ("marcus", "due", 0),
        ("elena", "due", 0),
        ("priya", "due", 0),
    ]


def test_due_lists_people_never_met_but_not_those_without_a_cadence(run, small):
    team = small / "team.toml"
    team.write_text(team.read_text() + '\n[[people]]\nid = "ana"\nname = "Ana"\ncadence_days = 7\n')
    data = json.loads(run("one-on-one", "--due", "-f", "json", journal=small).stdout)
    assert [(d["person"], d["last"]) for d in data["due"]] == [("ana", None)]
    result = run("one-on-one", "--due", journal=small)
    assert "due now (never met)" in result.stdout
    # Maria: cadence 14, last met 2026-11-24 -> not due; Tom has no cadence -> never listed.
    assert "maria" not in result.stdout and "tom" not in result.stdout


def test_nobody_due_says_who_is_next(run, small):
    result = run("one-on-one", "--due", journal=small)
    assert result.exit_code == 0, result
    assert (
        result.stdout.strip()
        == "Nobody is due for a one-on-one on 2026-11-27. Next: Maria Santos on 2026-12-08."
    )


@pytest.mark.parametrize(
    "args", [["one-on-one", "--help"], ["indicator", "add", "--help"], ["indicator", "--help"]]
)
def test_help_stays_light(args):
    from test_startup import heavy_modules

    assert heavy_modules(args) <= {"pydantic"}


def test_tab_completes_people_indicators_and_choices(example_journal, monkeypatch):
    from test_completion import fill_cache, items

    fill_cache()
    monkeypatch.chdir(example_journal)
    assert items("leadwork one-on-one ") == ["marcus", "priya", "elena", "tom", "grace"]
    assert items("leadwork one-on-one marcus --no-plan dayton-s") == ["dayton-scrap"]
    assert items("leadwork one-on-one marcus --story q") == ["quality-first"]
    assert items("leadwork indicator change f") == ["first-pass-yield"]
    assert items("leadwork indicator add x --owner g") == ["grace"]


def with_long_roles(journal: Path) -> Path:
    """The trial's team: people never met yet, with roles as an ED head writes them."""
    team = journal / "team.toml"
    team.write_text(
        team.read_text() + '\n[[people]]\nid = "amaka"\nname = "Amaka Okafor"\n'
        'role = "Clinical lead, ED physicians"\ncadence_days = 14\n'
        '\n[[people]]\nid = "jonas"\nname = "Jonas Lindberg"\n'
        'role = "Nurse manager, night shift"\ncadence_days = 14\n'
    )
    return journal


def test_due_cuts_the_role_short_at_100_columns(run, example_journal):
    result = run("one-on-one", "--due", journal=with_long_roles(example_journal))
    assert result.exit_code == 0, result
    assert result.stdout == (
        "Due for a one-on-one on 2026-11-27\n"
        "Person                   Role                   Last        Every    Due\n"
        "Grace Lindqvist (grace)  Account management…    2026-10-21  28 days  2026-11-18"
        "  overdue by 9 days\n"
        "Amaka Okafor (amaka)     Clinical lead, ED…     never       14 days  2026-11-27"
        "  due now (never met)\n"
        "Jonas Lindberg (jonas)   Nurse manager…         never       14 days  2026-11-27"
        "  due now (never met)\n"
    )


def test_due_leaves_out_the_due_date_and_cuts_the_role_at_80_columns(run, example_journal):
    """The trial's finding: at 80 columns (a pipe's) the role was a stack of broken words
    four lines high; now each person is one line, and no line is wider than 80."""
    env = {"COLUMNS": "80"}
    result = run("one-on-one", "--due", journal=with_long_roles(example_journal), env=env)
    assert result.exit_code == 0, result
    assert result.stdout == (
        "Due for a one-on-one on 2026-11-27\n"
        "Person                   Role           Last        Every\n"
        "Grace Lindqvist (grace)  Account…       2026-10-21  28 days  overdue by 9 days\n"
        "Amaka Okafor (amaka)     Clinical…      never       14 days  due now (never met)\n"
        "Jonas Lindberg (jonas)   Nurse manage…  never       14 days  due now (never met)\n"
    )


def test_due_leaves_out_role_and_cadence_at_60_columns(run, example_journal):
    env = {"COLUMNS": "60"}
    result = run("one-on-one", "--due", journal=with_long_roles(example_journal), env=env)
    assert result.exit_code == 0, result
    assert result.stdout == (
        "Due for a one-on-one on 2026-11-27\n"
        "Person                   Last\n"
        "Grace Lindqvist (grace)  2026-10-21  overdue by 9 days\n"
        "Amaka Okafor (amaka)     never       due now (never met)\n"
        "Jonas Lindberg (jonas)   never       due now (never met)\n"
    )
