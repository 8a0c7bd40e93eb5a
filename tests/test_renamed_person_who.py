"""A person's id renamed by hand in team.toml, and two people with one first name, in the
one-on-one preparation (trial 12, finding 3).

`leadwork check` named every use of the old id but the stories leadwork itself had stored
under it (`who = "sam-k"`, written from "Sam Kim"), which silently left Sam Kim's one-on-one
preparation. A `who` that `--who` would now refuse as a typo of a team id
(`team.mistyped_id`) is a warning at its line, "did you mean", told and counted with the
other uses of the same unknown id. And the preparation for one of two Sams was headed
"Stories about Sam": it names people as every list does (`wording.short_names`).
Through the CLI on a small journal."""

import json
from pathlib import Path

from conftest import Run
from journals import write_small_journal

DAY = {"LEADWORK_TODAY": "2026-11-26"}  # Thursday of 2026-W48, the small journal's week


def _journal(tmp_path: Path, run: Run) -> Path:
    journal = tmp_path / "journal"
    made = run("init", str(journal), "--leader", "Ana Ruiz", env=DAY)
    assert made.exit_code == 0, made
    write_small_journal(journal)
    return journal


def _capture(run: Run, journal: Path, *args: str) -> None:
    done = run(*args, journal=journal, env=DAY)
    assert done.exit_code == 0, done


SECOND_MARIA = '\n[[people]]\nid = "m-lopez"\nname = "Maria Lopez"\ncadence_days = 14\n'


def test_check_names_a_who_left_on_an_id_renamed_in_team_toml(tmp_path, run):
    journal = _journal(tmp_path, run)
    team = journal / "team.toml"
    team.write_text(team.read_text() + SECOND_MARIA)
    # leadwork stores a team member's name as their id ...
    _capture(run, journal, "story", "Maria fixed the lathe cell", "--who", "Maria Lopez")
    _capture(run, journal, "conversation", "Asked about delivery", "--with", "customer",
             "--who", "m-lopez")  # fmt: skip
    # ... and an id-shaped name near no team id as typed: a free name, never warned of
    _capture(run, journal, "story", "A supplier audit passed", "--who", "acme")
    review = journal / "reviews/2026-09-01-strategy.toml"
    review.write_text(review.read_text().replace('"tom"]', '"tom", "m-lopez"]'))
    week = (journal / "checkins/2026-W48.toml").read_text()
    assert week.count('who = "m-lopez"') == 2 and 'who = "acme"' in week
    before = run("check", journal=journal, env=DAY)
    assert before.exit_code == 0 and "4 warnings in 2 files" in before.stderr  # the gaps

    # The id is renamed by hand (she owns nothing: no error names the old id).
    team.write_text(team.read_text().replace('id = "m-lopez"', 'id = "mlopez"'))
    checked = run("check", journal=journal, env=DAY)
    text = checked.stderr
    assert checked.exit_code == 0, text  # warnings: `who` may hold anyone's name
    lines = week.splitlines()
    story_line = lines.index('who = "m-lopez"') + 1
    talk_line = len(lines) - lines[::-1].index('who = "m-lopez"')
    assert story_line < talk_line
    assert (
        f"checkins/2026-W48.toml:{story_line}:1: warning: unknown person 'm-lopez' "
        "(not in team.toml)" in text
    )
    assert f"checkins/2026-W48.toml:{talk_line}:1: warning: unknown person 'm-lopez'" in text
    assert "did you mean 'mlopez'? as it is, the story reaches no one's one-on-one" in text
    assert "acme" not in text
    assert "7 warnings in 4 files" in text
    assert run("check", "--strict", journal=journal, env=DAY).exit_code == 1

    found = json.loads(run("check", "--format", "json", journal=journal, env=DAY).stdout)
    who = [p for p in found["problems"] if "m-lopez" in p["message"]]
    assert [(p["severity"], p["key"], p["line"]) for p in who] == [
        ("warning", "stories[0].who", story_line),
        ("warning", "conversations[0].who", talk_line),
        ("warning", "participants[2]", 3),  # a review's participant, by the same rule
    ]

    # With the old id in indicators.toml too (an error), the story, the conversation and
    # the participant are three more places to edit, told and counted with it.
    indicators = journal / "indicators.toml"
    indicators.write_text(indicators.read_text().replace('owner = "tom"', 'owner = "m-lopez"'))
    text = run("check", journal=journal, env=DAY).stderr
    assert "(the same in 3 more places, listed after this one)" in text
    assert "1 error and 7 warnings in 4 files" in text

    # Once the story says the new id, it is in her preparation again.
    checkin = journal / "checkins/2026-W48.toml"
    checkin.write_text(checkin.read_text().replace('"m-lopez"', '"mlopez"'))
    prep = run("one-on-one", "mlopez", "--prep", journal=journal, env=DAY).stdout
    assert "Maria fixed the lathe cell" in prep


def test_the_preparation_names_one_of_two_people_with_one_first_name_in_full(tmp_path, run):
    journal = _journal(tmp_path, run)
    with (journal / "team.toml").open("a") as team:
        team.write('\n[[people]]\nid = "mlopez"\nname = "Maria Lopez"\ncadence_days = 14\n')
    _capture(run, journal, "story", "Maria Lopez found the supplier", "--who", "Maria Lopez")

    prep = run("one-on-one", "mlopez", "--prep", journal=journal, env=DAY)
    assert prep.exit_code == 0, prep
    assert "Stories about Maria Lopez\n" in prep.stdout
    assert "Maria Lopez owns no indicator yet." in prep.stdout
    assert "Stories about Maria\n" not in prep.stdout

    other = run("one-on-one", "maria", "--prep", journal=journal, env=DAY).stdout
    assert "Stories about Maria Santos\n" in other
    assert "No story about Maria Santos in the last 13 weeks." in other
    assert "What has Maria Santos done lately" in other

    agenda = run("one-on-one", "mlopez", "--prep", "--format", "markdown",
                 journal=journal, env=DAY).stdout  # fmt: skip
    assert "_Maria Lopez and Ana_" in agenda

    # someone whose first name no one else has keeps it
    tom = run("one-on-one", "tom", "--prep", journal=journal, env=DAY).stdout
    assert "Stories about Tom\n" in tom
