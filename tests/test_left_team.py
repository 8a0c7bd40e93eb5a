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
    assert "hand it on from a day with `leadwork indicator change castings-otd" in out
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


# ---- handing an indicator on (r8): an `[[indicators.changes]]` entry with `owner` ---------

STRATEGY = """\
purpose = "Keep plants running."
[[choices]]
id = "key-accounts"
statement = "Grow with key accounts."
"""

TEAM = """\
[[people]]
id = "omar"
name = "Omar Haddad"
cadence_days = 14

[[people]]
id = "tereza"
name = "Tereza Horvat"
cadence_days = 28
"""

WIN_RATE = """\
# Agreed with Tereza when she took the Chicago accounts.
[[indicators]]
id = "win-rate"
name = "Chicago quote win rate"
owner = "tereza"
agreed_on = 2026-09-07
serves = ["key-accounts"]
unit = "%"
direction = "higher"
target = 35
celebrate = 40
course_correct = 28
"""


def tereza_leaves(run, tmp_path: Path) -> Path:
    """The trial's journal (repro r8): Tereza owns win-rate, reads it in W37 and W42, has
    her last one-on-one on 15 Oct (no plan yet), leaves on 16 Oct; Marco joins."""
    journal = tmp_path / "j8"
    made = run(
        "init", str(journal), "--leader", "Rosa Delgado", env={"LEADWORK_TODAY": "2026-09-07"}
    )
    assert made.exit_code == 0, made
    (journal / "strategy.toml").write_text(STRATEGY)
    (journal / "team.toml").write_text(TEAM)
    (journal / "indicators.toml").write_text(WIN_RATE)
    (journal / "capabilities.toml").write_text("")
    for day, value in (("2026-09-11", "30"), ("2026-10-15", "26")):
        done = run(
            "checkin",
            "--no-input",
            "-r",
            f"win-rate={value}",
            journal=journal,
            env={"LEADWORK_TODAY": day},
        )
        assert done.exit_code == 0, done
    met = run(
        "one-on-one",
        "tereza",
        "--no-input",
        "--progress",
        "leaving",
        "--no-plan",
        "win-rate",
        journal=journal,
        env={"LEADWORK_TODAY": "2026-10-15"},
    )
    assert met.exit_code == 0, met
    leave(journal, "tereza", "2026-10-16")
    with (journal / "team.toml").open("a") as team:
        team.write('\n[[people]]\nid = "marco"\nname = "Marco Bellini"\ncadence_days = 14\n')
    return journal


AFTER = {"LEADWORK_TODAY": "2026-10-20"}  # a Tuesday: Marco's first week, W43, has begun
HAND_ON = ("indicator", "change", "win-rate", "--since", "2026-10-19", "--owner", "marco")


def test_check_says_how_to_hand_on_a_leavers_indicator_and_is_quiet_once_it_is(run, tmp_path):
    journal = tereza_leaves(run, tmp_path)
    warned = run("check", journal=journal, env=AFTER)
    out = warned.stdout + warned.stderr
    assert (
        "indicators.toml:5:1: warning: 'win-rate' is owned by tereza, who left on 2026-10-16" in out
    )
    assert (
        "hand it on from a day with `leadwork indicator change win-rate --since DATE --owner "
        "PERSON` (or retire it" in out
    )
    handed = run(*HAND_ON, journal=journal, env=AFTER)
    assert handed.exit_code == 0, handed
    assert handed.stdout.startswith("Changed win-rate from 2026-10-19: owner tereza → marco.")
    quiet = run("check", journal=journal, env=AFTER)
    assert quiet.exit_code == 0, quiet
    assert "owned by" not in quiet.stdout + quiet.stderr
    # the day before the handover takes effect she still owns it, and has left
    before = run("check", journal=journal, env={"LEADWORK_TODAY": "2026-10-17"})
    assert "'win-rate' is owned by tereza" in before.stdout + before.stderr


def test_a_handover_keeps_the_past_with_the_owner_before(run, tmp_path):
    journal = tereza_leaves(run, tmp_path)
    handed = run(*HAND_ON, journal=journal, env=AFTER)
    assert handed.exit_code == 0, handed

    # Her preparation as of her last meeting still lists the indicator she owned then.
    prep = run("one-on-one", "tereza", "--prep", "--date", "2026-10-15", journal=journal, env=AFTER)
    assert prep.exit_code == 0, prep
    assert "Chicago quote win rate" in prep.stdout
    assert "owns no indicator" not in prep.stdout
    # Marco's, after he took it on, lists it; one before the handover does not.
    marco = run("one-on-one", "marco", "--prep", "--date", "2026-10-20", journal=journal, env=AFTER)
    assert "Chicago quote win rate" in marco.stdout
    early = run("one-on-one", "marco", "--prep", "--date", "2026-10-17", journal=journal, env=AFTER)
    assert "Marco owns no indicator yet" in early.stdout

    def owner_in(week: str) -> tuple[str, str]:
        args = ("dashboard", "--week", week)
        data = json.loads(run(*args, "--format", "json", journal=journal, env=AFTER).stdout)
        [row] = [
            line
            for line in run(*args, journal=journal, env=AFTER).stdout.splitlines()
            if "Chicago" in line
        ]
        return data["accountability"]["indicators"][0]["owner"], row

    owner, row = owner_in("2026-W38")
    assert owner == "tereza" and "Tereza" in row and "Marco" not in row
    owner, row = owner_in("2026-W43")
    assert owner == "marco" and "Marco" in row and "Tereza" not in row

    # The report names the owner at the range's end, and a handover inside it as a change.
    report = run("report", "--from", "2026-W37", "--to", "2026-W42", journal=journal, env=AFTER)
    assert "| Chicago quote win rate | Tereza |" in report.stdout
    assert "owner tereza → marco" not in report.stdout
    later_args = ("report", "--from", "2026-W37", "--to", "2026-W43")
    later = run(*later_args, journal=journal, env=AFTER)
    assert "| Chicago quote win rate | Marco |" in later.stdout
    assert "changed from 2026-10-19: owner tereza → marco" in later.stdout
    as_json = run(*later_args, "-f", "json", journal=journal, env=AFTER).stdout
    [ind] = json.loads(as_json)["indicators"]
    assert ind["owner"] == "marco"
    assert [(c["since"], c["owner"]) for c in ind["changes"]] == [("2026-10-19", "marco")]

    # indicator list and show, and the map, as of the week they stand on.
    def listed(*args: str) -> list[str]:
        out = run("indicator", "list", *args, "-f", "json", journal=journal, env=AFTER).stdout
        return [i["owner"] for i in json.loads(out)["indicators"]]

    assert listed("--week", "2026-W40") == ["tereza"]
    assert listed("--week", "2026-W43") == ["marco"]
    assert listed("--week", "2026-W43", "--owner", "tereza") == []
    assert listed("--week", "2026-W40", "--owner", "marco") == []
    show = run("indicator", "show", "win-rate", "--week", "2026-W43", journal=journal, env=AFTER)
    assert "owner        marco" in show.stdout
    assert "2026-10-19: owner tereza → marco (agreed with marco)" in show.stdout

    def mapped(day: str) -> list[str]:
        out = run("map", "-f", "json", journal=journal, env={"LEADWORK_TODAY": day}).stdout
        return [i["owner"] for c in json.loads(out)["choices"] for i in c["indicators"]]

    assert mapped("2026-10-23") == ["tereza"]  # W43 has no check-in yet: the map stands on W42

    # In W43 a check-in's own plan is refused: the indicator is Marco's that week.
    w43 = {"LEADWORK_TODAY": "2026-10-23"}
    read_27 = ("checkin", "--no-input", "-r", "win-rate=27")
    plan = run(*read_27, "--plan", "win-rate=Call them all", journal=journal, env=w43)
    assert plan.exit_code == 2, plan
    assert "win-rate is owned by marco" in plan.stderr
    assert "leadwork one-on-one marco --plan win-rate=" in plan.stderr
    read = run(*read_27, journal=journal, env=w43)
    assert read.exit_code == 0, read
    assert mapped("2026-10-23") == ["marco"]


def test_check_holds_a_changes_owner_to_the_team_and_warns_at_it_when_they_left(run, tmp_path):
    journal = tereza_leaves(run, tmp_path)
    path = journal / "indicators.toml"
    handed = WIN_RATE + '\n[[indicators.changes]]\nsince = 2026-10-12\nowner = "marko"\n'
    path.write_text(handed)
    wrong = run("check", journal=journal, env=AFTER)
    assert wrong.exit_code == 1, wrong
    assert "indicators.toml:16:1: error: unknown person 'marko' (not in team.toml)" in wrong.stderr
    assert "did you mean 'marco'?" in wrong.stderr
    # handed on in W42 to Omar, who then left too: the warning names the line that made
    # him the owner, not Tereza's
    path.write_text(handed.replace('"marko"', '"omar"'))
    leave(journal, "omar", "2026-10-19")
    warned = run("check", journal=journal, env=AFTER)
    out = warned.stdout + warned.stderr
    assert (
        "indicators.toml:16:1: warning: 'win-rate' is owned by omar, who left on 2026-10-19" in out
    )
    assert "owned by tereza" not in out
