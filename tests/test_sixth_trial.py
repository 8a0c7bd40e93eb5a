"""The sixth trial's findings (/tmp/trial6/repro), each through the real CLI on a journal
built as the repro's `common.sh` builds it: Helen's team (Tony, Sam), one indicator."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from journals import write_sixth_trial_journal


def on(day: str) -> dict[str, str]:
    return {"LEADWORK_TODAY": day}


def journal(run, tmp_path: Path) -> Path:
    root = tmp_path / "journal"
    made = run("init", str(root), "--leader", "Helen Marsh", env=on("2026-08-31"))
    assert made.exit_code == 0, made
    return write_sixth_trial_journal(root)


def ok(result):
    assert result.exit_code == 0, result
    return result


# ---- r3: an unanswered weekly commitment keeps the week that made it ----------------------


def test_commitments_lists_an_unanswered_weekly_commitment_as_made_in_its_week(run, tmp_path):
    root = journal(run, tmp_path)
    ok(run("checkin", "--no-input", "-r", "grounds-backlog=18", "-c", "Fire-door log",
           journal=root, env=on("2026-09-04")))  # fmt: skip
    ok(run("checkin", "--no-input", "-r", "grounds-backlog=19", "-c", "Budget bid",
           journal=root, env=on("2026-09-18")))  # fmt: skip
    listed = json.loads(
        ok(run("commitments", "-f", "json", journal=root, env=on("2026-09-18"))).stdout
    )
    found = {c["text"]: (c["made"], c["due"], c["overdue"]) for c in listed["commitments"]}
    assert found == {
        "Fire-door log": ("2026-W36", "2026-09-13", True),  # as the dashboard dates it
        "Budget bid": ("2026-W38", "2026-09-27", False),
    }
    board = ok(run("dashboard", journal=root, env=on("2026-09-18"))).stdout
    assert "1 open from 2026-W36, not followed up yet" in board


# ---- r6: the week's note is quoted by reflect ---------------------------------------------


def test_reflect_quotes_the_weeks_note_beside_the_other_lines(run, tmp_path):
    root = journal(run, tmp_path)
    note = "Cancelled the Wednesday one-on-one"
    ok(run("checkin", "--no-input", "-r", "grounds-backlog=18", "--confident", "Alignment. Good.",
           "--challenge", "Capability. Thin bench.", "--note", note,
           journal=root, env=on("2026-09-04")))  # fmt: skip
    text = ok(run("reflect", journal=root, env=on("2026-09-04"))).stdout.splitlines()
    assert text[-2:] == ["Notes", f"  2026-W36  {note}"]
    data = json.loads(ok(run("reflect", "-f", "json", journal=root, env=on("2026-09-04"))).stdout)
    assert data["weeks"][-1]["note"] == note
    page = run("reflect", "-f", "markdown", "--private", journal=root, env=on("2026-09-04"))
    assert ok(page).stdout.endswith(f"## Other notes\n\n- **2026-W36** {note}\n")
    # still all private: markdown without --private writes nothing
    assert run("reflect", "-f", "markdown", journal=root, env=on("2026-09-04")).exit_code == 2
    # "Notes" names no area: the challenge counts stay the challenge's own
    assert data["challenge_areas"] == [{"area": "capability", "weeks": 1}]


# ---- r5: a handover dated before the new owner joined --------------------------------------

JESS = (
    '\n[[people]]\nid = "jess"\nname = "Jess Moreau"\ncadence_days = 14\njoined_on = 2026-09-21\n'
)


def test_indicator_change_refuses_a_handover_before_they_joined(run, tmp_path):
    root = journal(run, tmp_path)
    with (root / "team.toml").open("a", encoding="utf-8") as team:
        team.write(JESS)
    before = (root / "indicators.toml").read_text(encoding="utf-8")
    early = ("indicator", "change", "grounds-backlog", "--since", "2026-09-07", "--owner", "jess")
    refused = run(*early, journal=root, env=on("2026-09-01"))
    assert refused.exit_code == 2, refused
    assert refused.stderr.startswith(
        "leadwork: error: --since: grounds-backlog cannot be handed to jess from 2026-09-07, "
        "before they joined the team on 2026-09-21 (joined_on in team.toml)"
    )
    assert "hint: hand it on from 2026-09-21 or later" in refused.stderr
    assert (root / "indicators.toml").read_text(encoding="utf-8") == before
    on_the_day = (
        "indicator",
        "change",
        "grounds-backlog",
        "--since",
        "2026-09-21",
        "--owner",
        "jess",
    )
    ok(run(*on_the_day, journal=root, env=on("2026-09-01")))


def test_check_warns_of_a_handover_written_before_they_joined(run, tmp_path):
    root = journal(run, tmp_path)
    with (root / "team.toml").open("a", encoding="utf-8") as team:
        team.write(JESS)
    with (root / "indicators.toml").open("a", encoding="utf-8") as file:
        file.write('\n[[indicators.changes]]\nsince = 2026-09-07\nowner = "jess"\n')
    lines = (root / "indicators.toml").read_text(encoding="utf-8").splitlines()
    line = len(lines)  # the owner line, written last
    result = run("check", journal=root, env=on("2026-09-18"))
    assert result.exit_code == 0, result
    assert (
        f"indicators.toml:{line}:1: warning: 'grounds-backlog' is handed to jess from "
        "2026-09-07, before they joined the team on 2026-09-21 (joined_on in team.toml)"
    ) in result.output
    assert "hint: date the handover from 2026-09-21 or later, or fix joined_on" in result.output


# ---- r12: checkin --done all, as one-on-one --done all -------------------------------------


def test_checkin_takes_all_for_every_open_commitment(run, tmp_path):
    root = journal(run, tmp_path)
    ok(run("checkin", "--no-input", "-c", "A", "-c", "B", journal=root, env=on("2026-09-04")))
    clash = run("checkin", "--no-input", "--done", "all", "--dropped", "2", journal=root,
                env=on("2026-09-11"))  # fmt: skip
    assert clash.exit_code == 2 and "'B' is given two outcomes: done and dropped" in clash.stderr
    done = ok(run("checkin", "--no-input", "--done", "all", journal=root, env=on("2026-09-11")))
    assert "Last week's commitments: 2 of 2 done (100%)." in done.stdout
    week = tomllib.loads((root / "checkins" / "2026-W37.toml").read_text(encoding="utf-8"))
    assert week["last_week"] == [
        {"text": "A", "outcome": "done"},
        {"text": "B", "outcome": "done"},
    ]


# ---- r8: indicator list --owner for someone who owns none ---------------------------------


def test_indicator_list_says_when_the_owner_asked_for_owns_none(run, tmp_path):
    root = journal(run, tmp_path)
    listed = ok(run("indicator", "list", "--owner", "sam", journal=root, env=on("2026-09-04")))
    assert listed.stdout == "sam owns no indicator as of 2026-W36.\n"
    mine = ok(run("indicator", "list", "--owner", "me", journal=root, env=on("2026-09-04")))
    assert mine.stdout == "You own no indicator as of 2026-W36.\n"
    tony = ok(run("indicator", "list", "--owner", "tony", journal=root, env=on("2026-09-04")))
    assert "grounds-backlog" in tony.stdout


# ---- r9: a leaver's indicator already handed on from a later day ---------------------------


def test_the_leavers_warning_names_a_handover_recorded_from_a_later_day(run, tmp_path):
    root = journal(run, tmp_path)
    team = root / "team.toml"
    text = team.read_text(encoding="utf-8")
    team.write_text(
        text.replace("cadence_days = 28\n", "cadence_days = 28\nleft_on = 2026-10-16\n")
    )
    before = run("check", journal=root, env=on("2026-10-16"))
    assert "'grounds-backlog' is owned by tony, who left on 2026-10-16\n" in before.stderr
    assert "hint: hand it on from a day with" in before.stderr
    handover = ("indicator", "change", "grounds-backlog", "--since", "2026-10-19", "--owner", "sam")
    ok(run(*handover, journal=root, env=on("2026-10-16")))
    after = run("check", journal=root, env=on("2026-10-16"))
    assert (
        "'grounds-backlog' is owned by tony, who left on 2026-10-16; "
        "a handover to sam is recorded from 2026-10-19\n"
    ) in after.stderr
    assert "hand it on from a day with" not in after.stderr
    assert "the weeks until then stay tony's" in after.stderr
    assert "owned by tony" not in run("check", journal=root, env=on("2026-10-19")).stderr
