"""The journal is the leader's: their own conversation kinds (`[settings]
conversation_kinds` in leadwork.toml) and indicators they own themselves (`owner = "me"`).

Through the real CLI, on a hospital journal: a chief of medicine hears patients,
physicians, the union and the regulator, not customers, and owns one indicator herself.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from leadwork.cli import complete
from leadwork.render.schema import all_schemas

from conftest import BASE_ENV, Run

TODAY = "2026-11-27"  # Friday of 2026-W48
HOSPITAL_KINDS = ["patient", "physician", "union", "regulator", "other"]

CONFIG = """\
leader = "Ada Okafor"
title = "Chief of Medicine"
organization = "Riverside General"

[settings]
# who I hear: no customers here
conversation_kinds = ["patient", "physician", "union", "regulator", "other"]
"""

TEAM = """\
[[people]]
id = "ben"
name = "Ben Alvarez"
role = "Head of nursing"
cadence_days = 14
"""

STRATEGY = """\
purpose = "Every patient leaves better than they came."

[[choices]]
id = "safe-care"
statement = "Safety before throughput."
"""

INDICATORS = """\
[[indicators]]
id = "falls"
name = "Patient falls"
owner = "ben"
agreed_with = ["ben"]
agreed_on = 2026-09-01
serves = ["safe-care"]
unit = "falls"
direction = "lower"
target = 2
celebrate = 1
course_correct = 4

[[indicators]]
id = "ward-rounds"
name = "Ward rounds I joined"
owner = "me"
agreed_on = 2026-09-01
serves = ["safe-care"]
unit = "rounds"
direction = "higher"
target = 3
celebrate = 5
course_correct = 1
"""


def _checkin(week: str, falls: float, rounds: float, extra: str = "") -> str:
    return f'week = "{week}"\n\n[readings]\nfalls = {falls}\nward-rounds = {rounds}\n{extra}'


@pytest.fixture
def hospital(tmp_path: Path) -> Path:
    """Ten weeks of check-ins; Ada's own ward rounds course-correct the last two."""
    root = tmp_path / "riverside"
    (root / "checkins").mkdir(parents=True)
    for name, text in {
        "leadwork.toml": CONFIG,
        "team.toml": TEAM,
        "strategy.toml": STRATEGY,
        "indicators.toml": INDICATORS,
    }.items():
        (root / name).write_text(text, encoding="utf-8")
    for number in range(39, 49):
        rounds = 0 if number >= 47 else 3
        talk = ""
        if number == 45:
            talk = '\n[[conversations]]\nwith = "union"\ntext = "Night shift is short again."\n'
        (root / "checkins" / f"2026-W{number}.toml").write_text(
            _checkin(f"2026-W{number}", 2, rounds, talk), encoding="utf-8"
        )
    return root


# ---- conversation kinds -----------------------------------------------------------------------


def test_a_conversation_of_the_leaders_own_kind_is_captured_checked_and_counted(
    hospital: Path, run: Run
):
    result = run("conversation", "She waited", "six hours.", "--with", "patient", journal=hospital)
    assert result.exit_code == 0, result
    assert 'with = "patient"' in (hospital / "checkins" / "2026-W48.toml").read_text()

    check = run("check", journal=hospital)
    assert check.exit_code == 0, check

    dashboard = run("dashboard", journal=hospital)
    assert dashboard.exit_code == 0, dashboard
    assert "patient 1 · union 1" in dashboard.stdout
    # No customer among her kinds: no nagging about customers, anywhere.
    assert "customer" not in dashboard.stdout

    data = json.loads(run("dashboard", "--format", "json", journal=hospital).stdout)
    talks = data["alignment"]["conversations"]
    assert list(talks["by_kind"]) == HOSPITAL_KINDS
    assert talks["by_kind"]["patient"] == 1
    assert talks["no_customer_warning"] is False
    assert "no-customer-heard" not in [f["kind"] for f in data["needs_you"]]


def test_a_kind_not_in_the_list_is_refused_with_the_list(hospital: Path, run: Run):
    before = (hospital / "checkins" / "2026-W48.toml").read_text()
    result = run("conversation", "Prices are up", "--with", "customer", journal=hospital)
    assert result.exit_code == 2, result
    assert "unknown kind of conversation 'customer'" in result.stderr
    assert "patient, physician, union, regulator, other" in result.stderr
    typo = run("conversation", "Prices are up", "--with", "pateint", journal=hospital)
    assert "did you mean 'patient'?" in typo.stderr
    assert (hospital / "checkins" / "2026-W48.toml").read_text() == before


def test_the_checkin_flags_follow_the_kinds(hospital: Path, run: Run):
    ok = run(
        "checkin",
        "--no-input",
        "--conversation",
        "The new rota works.",
        "--conversation-with",
        "Union",
        journal=hospital,
    )
    assert ok.exit_code == 0, ok
    assert 'with = "union"' in (hospital / "checkins" / "2026-W48.toml").read_text()
    refused = run(
        "checkin", "--no-input", "--conversation", "x", "--conversation-with", "analyst",
        journal=hospital,
    )  # fmt: skip
    assert refused.exit_code == 2, refused
    assert "patient, physician, union, regulator, other" in refused.stderr
    missing = run("checkin", "--no-input", "--conversation", "x", journal=hospital)
    assert "the kinds are patient, physician, union, regulator, other" in missing.stderr


def test_check_points_at_a_conversation_whose_kind_is_not_the_journals(hospital: Path, run: Run):
    path = hospital / "checkins" / "2026-W47.toml"
    path.write_text(
        path.read_text() + '\n[[conversations]]\nwith = "physican"\ntext = "On call is thin."\n'
    )
    line = path.read_text().splitlines().index('with = "physican"') + 1
    result = run("check", journal=hospital)
    assert result.exit_code == 1, result
    assert f"checkins/2026-W47.toml:{line}:" in result.stderr
    assert "unknown kind of conversation 'physican'" in result.stderr
    assert "did you mean 'physician'?" in result.stderr
    assert "patient, physician, union, regulator, other" in result.stderr
    # A view of a journal check rejects still counts what was written.
    data = json.loads(run("dashboard", "--format", "json", journal=hospital).stdout)
    assert data["alignment"]["conversations"]["by_kind"]["physican"] == 1


@pytest.mark.parametrize(
    ("kinds", "says"),
    [
        ("[]", "at least 1 item"),
        ('["patient", "union", "patient"]', "patient is listed more than once"),
        ('["Patients"]', "ids are short slugs"),
    ],
)
def test_the_kinds_themselves_are_checked(hospital: Path, run: Run, kinds: str, says: str):
    config = hospital / "leadwork.toml"
    config.write_text(CONFIG.replace(json.dumps(HOSPITAL_KINDS), kinds))
    assert kinds in config.read_text()
    result = run("check", journal=hospital)
    assert result.exit_code == 1, result
    assert "leadwork.toml:" in result.stderr
    assert says in result.stderr
    # A broken list does not turn every custom kind in the check-ins into an error.
    assert "unknown kind of conversation" not in result.stderr


def test_the_default_kinds_still_warn_about_customers(hospital: Path, run: Run):
    config = hospital / "leadwork.toml"
    config.write_text(CONFIG.split("[settings]")[0])
    data = json.loads(run("dashboard", "--format", "json", journal=hospital).stdout)
    talks = data["alignment"]["conversations"]
    assert list(talks["by_kind"]) == ["customer", "supplier", "partner", "analyst", "employee",
                                      "other", "union"]  # fmt: skip
    assert talks["no_customer_warning"] is True
    assert "no-customer-heard" in [f["kind"] for f in data["needs_you"]]
    assert run("check", journal=hospital).exit_code == 1  # union is not a default kind


def test_completion_offers_the_journals_kinds(hospital: Path, monkeypatch):
    from leadwork.cli.app import app
    from leadwork.cli.derive import remember

    for name, value in {**BASE_ENV, "LEADWORK_JOURNAL": str(hospital)}.items():
        monkeypatch.setenv(name, value)
    remember(app)  # what a person's first Tab press leaves in the cache

    def items(line: str) -> list[str]:
        env = {
            complete.COMPLETE_VAR: "complete_bash",
            "COMP_WORDS": line,
            "COMP_CWORD": str(len(line.split(" ")) - 1),
        }
        response = complete.respond({**os.environ, **env})
        assert response is not None, "the fast completer declined"
        return [value for value in (response[0] or "").split("\n") if value]

    assert items("leadwork conversation --with ") == HOSPITAL_KINDS
    assert items("leadwork checkin --conversation-with p") == ["patient", "physician"]
    assert items("leadwork indicator list --owner ") == ["ben", "me"]
    assert items("leadwork indicator add x --owner m") == ["me"]
    assert items("leadwork capability list --owner ") == ["ben", "me"]
    # A broken leadwork.toml: the defaults (`leadwork check` is where it is reported).
    (hospital / "leadwork.toml").write_text("leader = [")
    assert items("leadwork conversation --with c") == ["customer"]


def test_the_schema_takes_a_custom_kind():
    from jsonschema import Draft7Validator

    schema = json.loads(all_schemas()["checkin.json"])
    data = {"week": "2026-W48", "conversations": [{"with": "regulator", "text": "t"}]}
    assert not list(Draft7Validator(schema).iter_errors(data))


# ---- the leader's own indicators ----------------------------------------------------------------


def test_the_leaders_own_indicator_is_checked_shown_and_asked_for(hospital: Path, run: Run):
    check = run("check", journal=hospital)
    assert check.exit_code == 0, check

    dashboard = run("dashboard", journal=hospital)
    row = next(line for line in dashboard.stdout.splitlines() if "Ward rounds" in line)
    assert " Ada " in row  # the Owner column: her first name
    assert (
        "Your own Ward rounds I joined: course-correct 2 weeks running, no plan to get back "
        "on track: write one (`leadwork checkin --plan ward-rounds=...`)."
        in " ".join(dashboard.stdout.split())
    )
    assert "Ask Ada" not in dashboard.stdout
    assert "Ask me" not in dashboard.stdout

    data = json.loads(run("dashboard", "--format", "json", journal=hospital).stdout)
    mine = next(f for f in data["needs_you"] if f["subject"] == "ward-rounds")
    assert mine["kind"] == "course-correct-no-plan"
    assert mine["message"].startswith("Your own Ward rounds I joined")

    markdown = run("dashboard", "--format", "markdown", journal=hospital).stdout
    assert "| Ada |" in markdown.replace("  ", " ")


def test_indicator_list_and_show_by_owner_me(hospital: Path, run: Run):
    listed = run("indicator", "list", "--owner", "me", journal=hospital)
    assert listed.exit_code == 0, listed
    assert "ward-rounds" in listed.stdout
    assert "falls" not in listed.stdout
    assert " you " in listed.stdout
    data = json.loads(
        run("indicator", "list", "--owner", "me", "--format", "json", journal=hospital).stdout
    )
    assert [i["owner"] for i in data["indicators"]] == ["me"]
    shown = run("indicator", "show", "ward-rounds", journal=hospital)
    assert "owner" in shown.stdout and "you" in shown.stdout
    report = run("report", "--from", "2026-W40", "--to", "2026-W48", journal=hospital)
    assert report.exit_code == 0, report
    assert "| Ada |" in report.stdout.replace("  ", " ")


def test_indicator_add_with_owner_me(hospital: Path, run: Run):
    result = run(
        "indicator", "add", "board-hours", "--name", "Hours with the board",
        "--owner", "me", "--direction", "lower", "--target", "8", "--celebrate", "6",
        "--course-correct", "12", "--serves", "safe-care", journal=hospital,
    )  # fmt: skip
    assert result.exit_code == 0, result
    text = (hospital / "indicators.toml").read_text()
    added = text.split('id = "board-hours"')[1]
    assert 'owner = "me"' in added
    assert "agreed_with" not in added  # not agreed with herself
    assert run("check", journal=hospital).exit_code == 0


def test_a_capability_may_be_the_leaders_own(hospital: Path, run: Run):
    (hospital / "capabilities.toml").write_text(
        '[[capabilities]]\nid = "rounding"\nname = "Rounding"\nkind = "individual"\n'
        'serves = ["safe-care"]\nowner = "me"\nlevel = 2\ntarget = 4\n'
    )
    assert run("check", journal=hospital).exit_code == 0
    listed = run("capability", "list", "--owner", "me", journal=hospital)
    assert listed.exit_code == 0, listed
    assert "rounding" in listed.stdout and " you " in listed.stdout


def test_me_is_reserved_in_the_team(hospital: Path, run: Run):
    (hospital / "team.toml").write_text(TEAM + '\n[[people]]\nid = "me"\nname = "Mel Ito"\n')
    result = run("check", journal=hospital)
    assert result.exit_code == 1, result
    assert "team.toml:8:" in result.stderr
    assert "'me' is reserved: it means you" in result.stderr
    assert "give this person another id" in result.stderr


def test_me_may_not_be_met_one_on_one(hospital: Path, run: Run):
    result = run("one-on-one", "me", "--prep", journal=hospital)
    assert result.exit_code == 2, result
    assert "'me' is you: a one-on-one is with someone you lead" in result.stderr


def test_me_is_only_an_owner_not_someone_who_agreed(hospital: Path, run: Run):
    text = INDICATORS.replace('owner = "me"', 'owner = "me"\nagreed_with = ["me"]')
    (hospital / "indicators.toml").write_text(text)
    result = run("check", journal=hospital)
    assert result.exit_code == 1, result
    assert "unknown person 'me'" in result.stderr
    assert '"me" means you' in result.stderr


def test_the_interview_offers_the_journals_kinds(hospital: Path, run: Run, monkeypatch):
    monkeypatch.setattr("leadwork.cli.prompts.stdin_is_terminal", lambda: True)
    readings = ["2", "3"]
    skipped = [""] * 8  # the time audit (5) and confidence (3)
    talk = ["", "customer", "pat", "Mrs Obi", "She waited six hours", "n"]  # after no stories
    typed = "\n".join([*readings, *skipped, *talk]) + "\n"
    result = run("checkin", journal=hospital, env={"LEADWORK_TODAY": "2026-12-04"}, input=typed)
    assert "Traceback" not in result.output
    said = " ".join(result.stdout.split())  # a long question wraps between its choices
    assert "1 patient / 2 physician / 3 union / 4 regulator / 5 other" in said
    assert "'customer' is not one of patient, physician, union, regulator, other" in said
    draft = (hospital / ".drafts" / "2026-W49.toml").read_text()
    assert 'with = "patient"' in draft
