"""Two people of the team with the same first name are told apart in every list (trial 11,
finding 2): `leadwork commitments` named both "Priya" ("1:1 Priya 22 Dec 2026 #1"), while
the dashboard said "Priya Raman" and "Priya Shah". One rule, `wording.short_names`: the
first name, or the full name when another person of the team shares the first name.
Through the CLI on a small journal."""

from pathlib import Path

from leadwork.domain.wording import short_names

from conftest import Run
from journals import write_small_journal

SECOND_MARIA = """
[[people]]
id = "mlopez"
name = "Maria Lopez"
cadence_days = 14
"""


def _journal(tmp_path: Path, run: Run) -> Path:
    journal = tmp_path / "journal"
    made = run("init", str(journal), "--leader", "Ana Ruiz", env={"LEADWORK_TODAY": "2026-11-30"})
    assert made.exit_code == 0, made
    write_small_journal(journal)
    with (journal / "team.toml").open("a") as team:
        team.write(SECOND_MARIA)
    for today, person, *flags in (
        ("2026-12-01", "maria", "--theirs", "2026-12-10=Line 3 audit"),
        ("2026-12-02", "mlopez", "--theirs", "2026-12-12=Supplier list",
         "--mine", "2026-12-02=Call the buyer"),
    ):  # fmt: skip
        done = run(
            "one-on-one", person, "--no-input", *flags,
            journal=journal, env={"LEADWORK_TODAY": today},
        )  # fmt: skip
        assert done.exit_code == 0, done
    return journal


def test_commitments_tell_two_people_with_one_first_name_apart(tmp_path, run):
    journal = _journal(tmp_path, run)
    env = {"LEADWORK_TODAY": "2026-12-03", "COLUMNS": "160"}

    listed = run("commitments", journal=journal, env=env)
    assert listed.exit_code == 0, listed
    text = listed.stdout
    assert "1:1 Maria Santos 1 Dec #1" in text
    assert "1:1 Maria Lopez 2 Dec #1" in text and "1:1 Maria Lopez 2 Dec #2" in text
    assert "1:1 Maria " not in text.replace("Maria Santos", "").replace("Maria Lopez", "")
    rows = {line.split("│")[2].strip(): line for line in text.splitlines() if "│" in line}
    assert "│ Maria Santos " in rows["Line 3 audit"]  # by: theirs, named as the dashboard does
    assert "│ Maria Lopez " in rows["Supplier list"]
    assert "│ You " in rows["Call the buyer"]

    # "Needs you" names the person a commitment was promised to by the same rule.
    shown = run("dashboard", journal=journal, env=env).stdout
    assert "promised to Maria Lopez" in shown
    assert "Maria Lopez" in shown and "Maria Santos" in shown


def test_short_names_is_the_one_rule():
    assert short_names({"a": "Ann Lee", "b": "ann Wu", "c": "Dr. Tom Okafor", "d": ""}) == {
        "a": "Ann Lee",
        "b": "ann Wu",
        "c": "Tom",
        "d": "d",
    }
    # the same full name twice: the id tells them apart
    assert short_names({"p1": "Priya Raman", "p2": "Priya  Raman", "s": "Priya Shah"}) == {
        "p1": "Priya Raman (p1)",
        "p2": "Priya Raman (p2)",
        "s": "Priya Shah",
    }
