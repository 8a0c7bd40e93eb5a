"""A person who left the team (`left_on` in team.toml): every view follows one rule
(`domain/team.on_team`): from that day on no one-on-one is expected or recorded with them,
and their own open one-on-one commitments are closed by their leaving; yours, made in their
one-on-ones, stay open until you say what became of them (`team.closed_by_leaving`, in
`meeting_commitments.open_commitments`). The files that name them stay valid."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import tree_hash
from journals import TRIAL_INDICATORS, TRIAL_STRATEGY, TRIAL_TEAM, write_trial_journal

TODAY = {"LEADWORK_TODAY": "2026-11-27"}


def leave(journal: Path, person: str, day: str) -> None:
    """Add `left_on = day` to `person`'s table in team.toml, right after its id line."""
    path = journal / "team.toml"
    text = path.read_text(encoding="utf-8")
    line = f'id = "{person}"\n'
    assert text.count(line) == 1
    path.write_text(text.replace(line, line + f"left_on = {day}\n"), encoding="utf-8")


def test_the_dashboard_keeps_someone_who_left_only_for_your_open_commitments(run, example_journal):
    leave(example_journal, "tom", "2026-11-26")  # the day after his last one-on-one
    result = run("dashboard", "--format", "json", journal=example_journal, env=TODAY)
    assert result.exit_code == 0, result
    rows = {r["person"]: r for r in json.loads(result.stdout)["accountability"]["one_on_ones"]}
    assert "marcus" in rows
    # 2026-11-25-tom.toml: one of his, one of yours; his closed when he left
    assert rows["tom"]["state"] == "left" and rows["tom"]["left_on"] == "2026-11-26"
    assert rows["tom"]["open_commitments"] == {"mine": 1, "theirs": 0, "past_due": 0}
    assert rows["tom"]["due_on"] is None and rows["marcus"]["left_on"] is None
    text = run("dashboard", "--full", journal=example_journal, env=TODAY).stdout
    assert "Tom Okafor       25 Nov  left 26 Nov" in text
    # once you say what became of yours, he is gone from the dashboard
    done = run("one-on-one", "tom", "--done", "all", journal=example_journal, env=TODAY)
    assert done.exit_code == 0, done
    text = run("dashboard", "--full", journal=example_journal, env=TODAY).stdout
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
    dashboard = run("dashboard", "--full", journal=example_journal, env=TODAY)
    assert dashboard.exit_code == 0, dashboard
    needs_you = dashboard.stdout.split("Needs you")[1]
    assert "Grace Lindqvist" not in needs_you
    assert "overdue by 9 days" not in dashboard.stdout
    # her row stays for the commitment of yours still open from her one-on-one, not due
    assert "Grace Lindqvist  21 Oct  left 20 Nov  1 yours, 0 theirs · 1 past due" in (
        dashboard.stdout
    )


def test_a_one_on_one_with_someone_who_left_is_refused(run, example_journal):
    leave(example_journal, "tom", "2026-11-26")
    result = run("one-on-one", "tom", "--prep", journal=example_journal, env=TODAY)
    assert result.exit_code == 2, result
    assert "tom left the team on 2026-11-26" in result.stderr
    assert "Traceback" not in result.stderr
    # a meeting's answers are refused too; only your commitments' outcomes may be recorded
    meeting = run("one-on-one", "tom", "--progress", "ok", journal=example_journal, env=TODAY)
    assert meeting.exit_code == 2, meeting
    assert "--progress: tom left the team on 2026-11-26: there is no meeting" in meeting.stderr
    # the day they left counts as gone; the day before they were still there
    on_the_day = run(
        "one-on-one", "tom", "--prep", "--date", "2026-11-26", journal=example_journal, env=TODAY
    )
    assert on_the_day.exit_code == 2, on_the_day
    before = run(
        "one-on-one", "tom", "--prep", "--date", "2026-11-25", journal=example_journal, env=TODAY
    )
    assert before.exit_code == 0, before
    assert "One-on-one with Tom Okafor" in before.stdout


def test_their_own_commitments_are_closed_by_their_leaving_and_yours_stay(run, example_journal):
    def toms() -> list[tuple[str, int | None]]:
        listed = run("commitments", "--format", "json", journal=example_journal, env=TODAY)
        assert listed.exit_code == 0, listed
        found = json.loads(listed.stdout)["commitments"]
        return [(c["by"], c["number"]) for c in found if c["person"] == "tom"]

    assert sorted(toms()) == [("me", 2), ("them", 1)]
    leave(example_journal, "tom", "2026-11-26")
    assert toms() == [("me", 2)]  # numbered as before
    text = run("commitments", journal=example_journal, env=TODAY).stdout
    assert "1:1 Tom 25 Nov #2" in text and "1:1 Tom 25 Nov #1" not in text


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
    # the meetings held before he left stay counted; 2026-11-25-tom.toml, dated after he
    # left, is not a meeting held (and `check` warns about it)
    assert tom["held"] == tom_before["held"] - 1 == 3
    assert tom["last"] == "2026-11-11"
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

TEAM = TRIAL_TEAM + '\n[[people]]\nid = "tereza"\nname = "Tereza Horvat"\ncadence_days = 28\n'
WIN_RATE = "# Agreed with Tereza when she took the Chicago accounts.\n" + TRIAL_INDICATORS.replace(
    'owner = "omar"', 'owner = "tereza"'
)


def tereza_leaves(run, tmp_path: Path) -> Path:
    """The trial's journal (repro r8): Tereza owns win-rate, reads it in W37 and W42, has
    her last one-on-one on 15 Oct (no plan yet), leaves on 16 Oct; Marco joins."""
    journal = tmp_path / "j8"
    made = run(
        "init", str(journal), "--leader", "Rosa Delgado", env={"LEADWORK_TODAY": "2026-09-07"}
    )
    assert made.exit_code == 0, made
    (journal / "strategy.toml").write_text(TRIAL_STRATEGY)
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


# ---- the fifth trial: your commitment in the one-on-one of someone who left ----------------

TEREZA = '\n[[people]]\nid = "tereza"\nname = "Tereza Horvat"\ncadence_days = 28\n'


@pytest.fixture
def trial(tmp_path: Path, run) -> Path:
    """/tmp/trial5/repro/r4-leaver.sh: at Tereza's one-on-one of 15 Oct she commits to the
    handover notes, you to calling the two accounts yourself; she leaves on 16 Oct."""
    journal = tmp_path / "journal"
    made = run("init", str(journal), "--leader", "Rosa Delgado", env={"LEADWORK_TODAY": DAY0})
    assert made.exit_code == 0, made
    write_trial_journal(journal)
    with (journal / "team.toml").open("a", encoding="utf-8") as team:
        team.write(TEREZA)
    met = run(
        "one-on-one",
        "tereza",
        "--no-input",
        "--progress",
        "Resigned; last day tomorrow.",
        "--theirs",
        "2026-10-16=Handover notes for Anheuser and Emerson",
        "--mine",
        "2026-10-30=Call Anheuser and Emerson myself after the handover",
        journal=journal,
        env={"LEADWORK_TODAY": "2026-10-15"},
    )
    assert met.exit_code == 0, met
    leave(journal, "tereza", "2026-10-16")
    return journal


DAY0 = "2026-09-07"


def on(day: str) -> dict[str, str]:
    return {"LEADWORK_TODAY": day}


def test_your_commitment_from_the_one_on_one_of_someone_who_left_stays_open(run, trial):
    listed = run("commitments", "--format", "json", journal=trial, env=on("2026-10-19"))
    assert listed.exit_code == 0, listed
    found = [
        (c["person"], c["by"], c["number"], c["text"])
        for c in json.loads(listed.stdout)["commitments"]
    ]
    # hers closed when she left; yours stays, with its number and whose meeting it was
    assert found == [("tereza", "me", 2, "Call Anheuser and Emerson myself after the handover")]
    text = run("commitments", journal=trial, env=on("2026-10-19")).stdout
    assert "1:1 Tereza 15 Oct #2" in text
    assert "Handover notes" not in text

    board = run("dashboard", "--format", "json", journal=trial, env=on("2026-10-31"))
    rows = {r["person"]: r for r in json.loads(board.stdout)["accountability"]["one_on_ones"]}
    assert rows["tereza"]["state"] == "left"
    assert rows["tereza"]["open_commitments"] == {"mine": 1, "theirs": 0, "past_due": 1}
    needs = json.loads(board.stdout)["needs_you"]
    # no one-on-one is due with her; your promise to her, past its date, is (trial 7, A2)
    assert [(f["kind"], f["message"]) for f in needs if "Tereza" in f["message"]] == [
        (
            "commitment-overdue",
            "Past its date: “Call Anheuser and Emerson myself after the handover” "
            "(promised to Tereza, due 30 Oct).",
        )
    ]
    text = run("dashboard", journal=trial, env=on("2026-10-31")).stdout
    assert "Tereza Horvat  15 Oct    left 16 Oct  1 yours, 0 theirs · 1 past due" in text


@pytest.mark.parametrize("flag", ["--done", "--carried", "--dropped"])
def test_a_number_not_open_is_answered_with_each_open_one_and_its_text(run, trial, flag):
    """Trial 16, finding 4: after they left, the open ones keep their numbers (here 2, not
    the 1 the dashboard's count suggests): the hint names each with its text, as the
    preparation lists them, for each of the three outcomes."""
    before = tree_hash(trial)
    value = "1=2026-11-06" if flag == "--carried" else "1"
    wrong = run("one-on-one", "tereza", "--no-input", flag, value, journal=trial,
                env=on("2026-10-31"))  # fmt: skip
    assert wrong.exit_code == 2, wrong
    assert wrong.stderr == (
        f"leadwork: error: {flag}: there is no commitment 1 from last time\n"
        "  = hint: still open: 2. Call Anheuser and Emerson myself after the handover\n"
    )
    assert tree_hash(trial) == before


def test_you_close_it_with_a_follow_up_that_is_not_a_meeting(run, trial):
    refused = run("one-on-one", "tereza", "--prep", journal=trial, env=on("2026-10-31"))
    assert refused.exit_code == 2, refused
    assert "tereza left the team on 2026-10-16" in refused.stderr
    assert "--done 2, --carried 2=DUE or --dropped 2" in refused.stderr  # #2: trial 10
    no_answer = run("one-on-one", "tereza", journal=trial, env=on("2026-10-31"))
    assert no_answer.exit_code == 2, no_answer
    assert "--done N, --carried N=DUE or --dropped N for each" in no_answer.stderr
    wrong = run("one-on-one", "tereza", "--done", "1", journal=trial, env=on("2026-10-31"))
    assert wrong.exit_code == 2, wrong
    assert "still open: 2. Call Anheuser and Emerson myself after the handover" in wrong.stderr

    done = run(
        "one-on-one",
        "tereza",
        "--done",
        "2",
        "--note",
        "Both called.",
        journal=trial,
        env=on("2026-10-31"),
    )
    assert done.exit_code == 0, done
    assert "done 2: 'Call Anheuser and Emerson myself after the handover'" in done.stdout
    written = (trial / "one-on-ones" / "2026-10-31-tereza.toml").read_text()
    assert "Not a meeting" in written and 'outcome = "done"' in written
    assert "progress" not in written

    listed = run("commitments", "--format", "json", journal=trial, env=on("2026-10-31"))
    assert json.loads(listed.stdout)["commitments"] == []
    board = run("dashboard", "--format", "json", journal=trial, env=on("2026-10-31"))
    people = [r["person"] for r in json.loads(board.stdout)["accountability"]["one_on_ones"]]
    assert people == ["omar"]
    report = run(
        "report",
        "--from",
        "2026-W37",
        "--to",
        "2026-W44",
        "--format",
        "json",
        journal=trial,
        env=on("2026-10-31"),
    )
    tereza = {m["id"]: m for m in json.loads(report.stdout)["one_on_ones"]}["tereza"]
    assert (tereza["held"], tereza["last"]) == (1, "2026-10-15")  # the follow-up is not held
    assert json.loads(report.stdout)["one_on_one_commitments"]["done"] == 1
    check = run("check", journal=trial, env=on("2026-10-31"))
    assert "2026-10-31-tereza.toml" not in check.output  # a follow-up, not a late meeting
    # nothing left to follow up: refused as before
    again = run("one-on-one", "tereza", "--done", "all", journal=trial, env=on("2026-11-02"))
    assert again.exit_code == 2, again
    assert "none of yours from their one-on-ones is open" in again.stderr


def test_check_warns_about_a_meeting_dated_after_they_left(run, example_journal):
    leave(example_journal, "tom", "2026-11-20")
    result = run("check", journal=example_journal, env=TODAY)
    assert result.exit_code == 0, result
    assert (
        "one-on-ones/2026-11-25-tom.toml:3:1: warning: a one-on-one with tom on 2026-11-25, "
        "after they left the team on 2026-11-20 (left_on in team.toml)"
    ) in result.output
