"""A person who left the team (`left_on` in team.toml): every view follows one rule
(`domain/team.on_team`): from that day on no one-on-one is expected or recorded with them,
and their open one-on-one commitments are closed by their leaving. The files that name them
stay valid."""

from __future__ import annotations

import json
from pathlib import Path

TODAY = {"LEADWORK_TODAY": "2026-11-27"}


def leave(journal: Path, person: str, day: str) -> None:
    """Add `left_on = day` to `person`'s table in team.toml, right after its id line."""
    path = journal / "team.toml"
    text = path.read_text(encoding="utf-8")
    line = f'id = "{person}"\n'
    assert text.count(line) == 1
    path.write_text(text.replace(line, line + f"left_on = {day}\n"), encoding="utf-8")


def test_the_dashboard_leaves_out_of_one_on_ones_someone_who_left(run, example_journal):
    leave(example_journal, "tom", "2026-11-20")
    result = run("dashboard", "--format", "json", journal=example_journal, env=TODAY)
    assert result.exit_code == 0, result
    people = [row["person"] for row in json.loads(result.stdout)["accountability"]["one_on_ones"]]
    assert "tom" not in people
    assert "marcus" in people
    text = run("dashboard", journal=example_journal, env=TODAY).stdout
    assert "Tom Okafor" not in text


def test_someone_overdue_who_left_is_neither_due_nor_in_needs_you(run, example_journal):
    before = run("one-on-one", "--due", journal=example_journal, env=TODAY)
    assert "Grace Lindqvist" in before.stdout  # overdue on today's journal
    leave(example_journal, "grace", "2026-11-20")
    due = run("one-on-one", "--due", journal=example_journal, env=TODAY)
    assert due.exit_code == 0, due
    assert "Grace" not in due.stdout
    due_json = run("one-on-one", "--due", "--format", "json", journal=example_journal, env=TODAY)
    assert [d["person"] for d in json.loads(due_json.stdout)["due"]] == []
    dashboard = run("dashboard", journal=example_journal, env=TODAY)
    assert dashboard.exit_code == 0, dashboard
    assert "Grace Lindqvist" not in dashboard.stdout
    assert "overdue by 9 days" not in dashboard.stdout


def test_a_one_on_one_with_someone_who_left_is_refused(run, example_journal):
    leave(example_journal, "tom", "2026-11-20")
    result = run("one-on-one", "tom", journal=example_journal, env=TODAY)
    assert result.exit_code == 2, result
    assert "tom left the team on 2026-11-20" in result.stderr
    assert "Traceback" not in result.stderr
    # the day they left counts as gone; the day before they were still there
    on_the_day = run(
        "one-on-one", "tom", "--prep", "--date", "2026-11-20", journal=example_journal, env=TODAY
    )
    assert on_the_day.exit_code == 2, on_the_day
    before = run(
        "one-on-one", "tom", "--prep", "--date", "2026-11-19", journal=example_journal, env=TODAY
    )
    assert before.exit_code == 0, before
    assert "One-on-one with Tom Okafor" in before.stdout


def test_their_open_commitments_are_closed_by_their_leaving(run, example_journal):
    listed = run("commitments", "--format", "json", journal=example_journal, env=TODAY)
    assert "tom" in [c["person"] for c in json.loads(listed.stdout)["commitments"]]
    leave(example_journal, "tom", "2026-11-20")
    result = run("commitments", "--format", "json", journal=example_journal, env=TODAY)
    assert result.exit_code == 0, result
    people = [c["person"] for c in json.loads(result.stdout)["commitments"]]
    assert "tom" not in people
    assert "marcus" in people
    text = run("commitments", journal=example_journal, env=TODAY).stdout
    assert "Tom" not in text


def test_the_report_expects_meetings_only_up_to_their_last_day(run, example_journal):
    args = ("report", "--from", "2026-W36", "--to", "2026-W48", "--format", "json")
    before = json.loads(run(*args, journal=example_journal, env=TODAY).stdout)
    tom_before = {m["id"]: m for m in before["one_on_ones"]}["tom"]
    leave(example_journal, "tom", "2026-11-20")
    result = run(*args, journal=example_journal, env=TODAY)
    assert result.exit_code == 0, result
    tom = {m["id"]: m for m in json.loads(result.stdout)["one_on_ones"]}["tom"]
    # from W36's Monday, 2026-08-31, to his last day, 2026-11-19: 81 days, 5 times 14
    assert tom["expected"] == 5 < tom_before["expected"]
    assert tom["held"] == tom_before["held"]  # the meetings held stay counted
    assert tom["left_on"] == "2026-11-20"
    markdown = run(*args[:-2], journal=example_journal, env=TODAY).stdout
    assert "Tom Okafor (left 2026-11-20)" in markdown


def test_check_warns_about_an_indicator_owned_by_someone_who_left(run, example_journal):
    leave(example_journal, "tom", "2026-11-20")
    result = run("check", journal=example_journal, env=TODAY)
    assert result.exit_code == 0, result
    out = result.stdout + result.stderr
    assert "warning: 'castings-otd' is owned by tom, who left on 2026-11-20" in out
    assert "hand it on (owner = someone on the team) or retire it" in out
    # past one-on-ones and stories naming Tom stay valid
    assert "error" not in out


def test_check_says_nothing_once_the_indicator_is_retired_or_before_they_leave(
    run, example_journal
):
    leave(example_journal, "tom", "2026-12-15")  # leaving, not gone yet
    result = run("check", journal=example_journal, env=TODAY)
    assert "castings-otd' is owned by tom" not in result.stdout + result.stderr
    dashboard = run("dashboard", "--format", "json", journal=example_journal, env=TODAY)
    assert "tom" in [
        row["person"] for row in json.loads(dashboard.stdout)["accountability"]["one_on_ones"]
    ]

    leave(example_journal, "marcus", "2026-11-20")
    path = example_journal / "indicators.toml"
    text = path.read_text(encoding="utf-8")
    for ident in ("dayton-otd", "dayton-scrap"):
        line = f'id = "{ident}"\n'
        assert text.count(line) == 1
        text = text.replace(line, line + "retired_on = 2026-11-23\n")
    path.write_text(text, encoding="utf-8")
    result = run("check", journal=example_journal, env=TODAY)
    assert "owned by marcus" not in result.stdout + result.stderr
