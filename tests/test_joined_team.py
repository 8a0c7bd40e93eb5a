"""A person who joined the team after the journal began (`joined_on` in team.toml), the
mirror of `left_on`: before that day they are not on the team (`domain/team.on_team`), so
no view expects a one-on-one with them, asks for one or counts one. Without `joined_on`
they are on the team from the journal's start, and the report says when their first
one-on-one came late (docs/format.md, "Someone without `joined_on`")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from journals import write_trial_journal

MARCO = '\n[[people]]\nid = "marco"\nname = "Marco Bellini"\ncadence_days = 14\n'
JOINED = MARCO + "joined_on = 2026-10-19\n"
RANGE = ("report", "--from", "2026-W37", "--to", "2026-W49")


def on(day: str) -> dict[str, str]:
    return {"LEADWORK_TODAY": day}


def trial(run, tmp_path: Path, marco: str) -> Path:
    """/tmp/trial5/repro/r2-newcomer.sh: the journal begins in W37, Omar is met every two
    weeks from 8 Sep; Marco is added to team.toml on 19 Oct and met from 20 Oct."""
    journal = tmp_path / "journal"
    made = run("init", str(journal), "--leader", "Rosa Delgado", env=on("2026-09-07"))
    assert made.exit_code == 0, made
    write_trial_journal(journal)
    first = run("checkin", "--no-input", "-r", "win-rate=36", journal=journal, env=on("2026-09-11"))
    assert first.exit_code == 0, first
    days = ["2026-09-08", "2026-09-22", "2026-10-06", "2026-10-20", "2026-11-03", "2026-11-17"]
    for day in [*days, "2026-12-01"]:
        met = run(
            "one-on-one", "omar", "--no-input", "--progress", "ok", journal=journal, env=on(day)
        )
        assert met.exit_code == 0, met
    with (journal / "team.toml").open("a", encoding="utf-8") as team:
        team.write(marco)
    for day in ("2026-10-20", "2026-11-05", "2026-11-19"):
        met = run(
            "one-on-one", "marco", "--no-input", "--progress", "ok", journal=journal, env=on(day)
        )
        assert met.exit_code == 0, met
    done = run("checkin", "--no-input", "-r", "win-rate=36", journal=journal, env=on("2026-12-04"))
    assert done.exit_code == 0, done
    return journal


@pytest.fixture
def joined(run, tmp_path: Path) -> Path:
    return trial(run, tmp_path, JOINED)


def meetings(run, journal: Path) -> dict[str, dict]:
    result = run(*RANGE, "--format", "json", journal=journal, env=on("2026-12-05"))
    assert result.exit_code == 0, result
    return {m["id"]: m for m in json.loads(result.stdout)["one_on_ones"]}


def test_the_report_expects_meetings_from_the_day_they_joined(run, joined):
    marco = meetings(run, joined)["marco"]
    # from Monday 19 Oct to Sunday 6 Dec: 49 days, 3 times 14
    assert (marco["held"], marco["expected"], marco["joined_on"]) == (3, 3, "2026-10-19")
    assert marco["first_late"] is None
    text = run(*RANGE, journal=joined, env=on("2026-12-05")).stdout
    assert "| Marco Bellini (joined 2026-10-19) | 3 | 3 | 2026-11-19 |" in text
    assert "set joined" not in text


def test_before_they_joined_no_view_asks_for_a_one_on_one(run, joined):
    week40 = run(
        "dashboard", "--week", "2026-W40", "--format", "json", journal=joined, env=on("2026-12-05")
    )
    data = json.loads(week40.stdout)
    assert [r["person"] for r in data["accountability"]["one_on_ones"]] == ["omar"]
    assert not [f for f in data["needs_you"] if "Marco" in f["message"]]
    text = run("dashboard", "--week", "2026-W40", journal=joined, env=on("2026-12-05")).stdout
    assert "Marco" not in text
    week43 = run("dashboard", "--week", "2026-W43", journal=joined, env=on("2026-12-05"))
    assert "Marco Bellini  20 Oct" in week43.stdout
    due = run("one-on-one", "--due", "--format", "json", journal=joined, env=on("2026-10-10"))
    assert "marco" not in [d["person"] for d in json.loads(due.stdout)["due"]]


def test_a_one_on_one_before_they_joined_is_refused(run, joined):
    result = run(
        "one-on-one",
        "marco",
        "--prep",
        "--date",
        "2026-10-18",
        journal=joined,
        env=on("2026-12-05"),
    )
    assert result.exit_code == 2, result
    assert "marco is on the team from 2026-10-19 (joined_on in team.toml)" in result.stderr
    on_the_day = run(
        "one-on-one",
        "marco",
        "--prep",
        "--date",
        "2026-10-19",
        journal=joined,
        env=on("2026-12-05"),
    )
    assert on_the_day.exit_code == 0, on_the_day


def test_check_wants_left_on_after_joined_on_and_meetings_after_joining(run, joined):
    path = joined / "team.toml"
    path.write_text(path.read_text().replace("joined_on = 2026-10-19", "joined_on = 2026-10-21"))
    warned = run("check", journal=joined, env=on("2026-12-05"))
    assert warned.exit_code == 0, warned
    assert (
        "one-on-ones/2026-10-20-marco.toml:6:1: warning: a one-on-one with marco on 2026-10-20, "
        "before they joined the team on 2026-10-21 (joined_on in team.toml)"
    ) in warned.output, warned.output
    path.write_text(path.read_text() + "left_on = 2026-10-21\n")
    wrong = run("check", journal=joined, env=on("2026-12-05"))
    assert wrong.exit_code == 1, wrong
    assert "marco left on 2026-10-21, not after joining on 2026-10-21" in wrong.output


def test_without_joined_on_they_count_from_the_start_and_the_report_says_so(run, tmp_path):
    journal = trial(run, tmp_path, MARCO)
    found = meetings(run, journal)
    marco, omar = found["marco"], found["omar"]
    # on the team since the journal began: not guessed from his first meeting, which would
    # hide the weeks someone on the team went without one
    assert (marco["held"], marco["expected"], marco["counted_from"]) == (3, 6, "2026-09-07")
    assert (marco["first_late"], marco["others_from"]) == ("2026-10-20", "2026-09-08")
    assert omar["first_late"] is None
    text = run(*RANGE, journal=journal, env=on("2026-12-05")).stdout
    assert (
        "Marco Bellini: first one-on-one on 2026-10-20, 42 days after the first with anyone "
        "(2026-09-08), yet expected from 2026-09-07. If they joined the team later, set "
        "joined\\_on in team.toml"
    ) in text
    week40 = run("dashboard", "--week", "2026-W40", journal=journal, env=on("2026-12-05"))
    assert "Marco Bellini: no one-on-one yet" in week40.stdout  # today's behaviour, documented


def test_someone_met_before_the_range_is_no_late_joiner(run, tmp_path):
    """Trial 17, finding 7: a person first met in the range late, but met before it too,
    was on the team all along: the report does not call it their first one-on-one, nor
    point at joined_on (which would write a false join date)."""
    journal = trial(run, tmp_path, MARCO)
    (journal / "one-on-ones" / "2026-09-02-marco.toml").write_text(
        'person = "marco"\ndate = 2026-09-02\nprogress = "Settling in."\n', encoding="utf-8"
    )
    marco = meetings(run, journal)["marco"]
    assert (marco["first_late"], marco["others_from"]) == (None, None)
    assert marco["held"] == 3  # the one before the range is not counted in it
    text = run(*RANGE, journal=journal, env=on("2026-12-05")).stdout
    assert "Marco Bellini: first one-on-one" not in text
    assert "joined\\_on" not in text
