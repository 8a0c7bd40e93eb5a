"""The eighth trial's findings about views (A2, A3, B1-B4): one rule and one wording each,
said the same by every view that shows it."""

import json
from pathlib import Path

from conftest import Run
from journals import TRIAL8_COMPLAINTS, TRIAL8_TEAM

TEAM, COMPLAINTS = TRIAL8_TEAM, TRIAL8_COMPLAINTS


def complaints_journal(tmp_path: Path, run: Run) -> Path:
    """The trial's repro: a monthly indicator read in January (2027-W04, at risk), and a
    check-in in 2027-W08 without February's reading: due, not missing."""
    journal = tmp_path / "journal"
    env = {"LEADWORK_TODAY": "2027-01-04"}
    assert run("init", str(journal), "--leader", "Marta K", env=env).exit_code == 0
    with (journal / "team.toml").open("a") as f:
        f.write(TEAM)
    with (journal / "indicators.toml").open("a") as f:
        f.write(COMPLAINTS)
    for day, readings in (("2027-01-29", ["-r", "complaints=5"]), ("2027-02-26", [])):
        done = run(
            "checkin", "--no-input", *readings, "--hours", "other=40",
            journal=journal, env={"LEADWORK_TODAY": day},
        )  # fmt: skip
        assert done.exit_code == 0, done
    return journal


FEB = {"LEADWORK_TODAY": "2027-02-26"}


def test_the_map_says_a_month_awaiting_its_reading_is_due_as_the_dashboard_does(tmp_path, run):
    journal = complaints_journal(tmp_path, run)
    dashboard = run("dashboard", journal=journal, env=FEB)
    assert "due for Feb 2027" in dashboard.stdout
    tree = run("map", journal=journal, env=FEB)
    assert tree.exit_code == 0, tree
    row = next(line for line in tree.stdout.splitlines() if "Customer complaints" in line)
    assert "due for Feb 2027" in row and "no reading" not in row, row
    markdown = run("map", "--format", "markdown", journal=journal, env=FEB)
    assert "Customer complaints: due for Feb 2027" in markdown.stdout
    data = json.loads(run("map", "--format", "json", journal=journal, env=FEB).stdout)
    assert data["loose_indicators"][0]["due_for"] == "Feb 2027"


def test_every_json_names_the_month_awaiting_its_reading(tmp_path, run):
    journal = complaints_journal(tmp_path, run)
    dashboard = json.loads(run("dashboard", "--format", "json", journal=journal, env=FEB).stdout)
    assert dashboard["accountability"]["indicators"][0]["due_for"] == "Feb 2027"
    prep = run("one-on-one", "oksana", "--prep", "--format", "json", journal=journal, env=FEB)
    assert json.loads(prep.stdout)["indicators"][0]["due_for"] == "Feb 2027"
    args = ("report", "--from", "2027-W01", "--to", "2027-W08")
    report = json.loads(run(*args, "--format", "json", journal=journal, env=FEB).stdout)
    ind = report["indicators"][0]
    assert ind["due_for"] == "Feb 2027" and ind["awaiting_at_end"] is True


def test_the_report_says_the_month_it_ends_in_is_due(tmp_path, run):
    journal = complaints_journal(tmp_path, run)
    args = ("report", "--from", "2027-W01", "--to", "2027-W08")
    text = run(*args, journal=journal, env=FEB)
    assert "Customer complaints: due for Feb 2027 at the end of the range." in text.stdout
    html = run(*args, "--format", "html", journal=journal, env=FEB)
    assert "due for Feb 2027 at the end of the range" in html.stdout


def test_a_missing_plan_names_the_indicator_by_its_name_in_the_possessive(tmp_path, run):
    journal = complaints_journal(tmp_path, run)
    march = {"LEADWORK_TODAY": "2027-03-02"}
    refused = run(
        "one-on-one", "oksana", "--no-input", "--progress", "x", journal=journal, env=march
    )
    assert refused.exit_code != 0
    said = " ".join(refused.stderr.split())
    assert "Customer complaints' latest reading, 5 complaints in 2027-W04, is at risk" in said
    assert "'s latest" not in said
    assert '--plan complaints="..."' in said  # the flag still takes the id


def test_a_person_ending_in_s_keeps_apostrophe_s(tmp_path, run):
    """A person is singular: "Tomas's agenda" (an indicator named in the plural takes the
    apostrophe alone: "Customer complaints'", above)."""
    journal = tmp_path / "journal"
    env = {"LEADWORK_TODAY": "2027-01-04"}
    assert run("init", str(journal), "--leader", "Marta K", env=env).exit_code == 0
    with (journal / "team.toml").open("a") as f:
        f.write('[[people]]\nid = "tomas"\nname = "Tomas W"\n')
    with (journal / "indicators.toml").open("a") as f:
        f.write(COMPLAINTS.replace('owner = "oksana"', 'owner = "tomas"'))
    day = {"LEADWORK_TODAY": "2027-01-29"}
    args = ("checkin", "--no-input", "-r", "complaints=5", "--hours", "other=40")
    assert run(*args, journal=journal, env=day).exit_code == 0
    met = run(
        "one-on-one", "tomas", "--no-input", "--progress", "ok", "--no-plan", "complaints",
        journal=journal, env=day,
    )  # fmt: skip
    assert met.exit_code == 0, met
    said = " ".join(met.stdout.split())
    assert "it stays on Tomas's agenda" in said, said
    assert "Tomas' " not in said


def test_nobody_due_names_everyone_due_next_by_name(tmp_path, run):
    journal = tmp_path / "journal"
    env = {"LEADWORK_TODAY": "2027-03-09"}
    assert run("init", str(journal), "--leader", "Marta K", env=env).exit_code == 0
    people = (("jan", "Jan Nowak"), ("aisha", "Aisha Bello"), ("tomasz", "Tomasz Wrona"))
    with (journal / "team.toml").open("a") as f:
        for pid, name in people:
            f.write(f'[[people]]\nid = "{pid}"\nname = "{name}"\ncadence_days = 14\n\n')
        f.write('[[people]]\nid = "lena"\nname = "Lena Z"\ncadence_days = 28\n\n')
    for pid in ("jan", "aisha", "tomasz", "lena"):
        met = run("one-on-one", pid, "--no-input", "--progress", "ok", journal=journal, env=env)
        assert met.exit_code == 0, met
    due = run("one-on-one", "--due", journal=journal, env={"LEADWORK_TODAY": "2027-03-19"})
    said = " ".join(due.stdout.split())
    assert (
        "Nobody is due for a one-on-one on 2027-03-19. "
        "Next: Jan Nowak, Aisha Bello and Tomasz Wrona on 2027-03-23." in said
    ), said


def test_a_prep_covers_one_window_of_13_weeks_and_says_so(tmp_path, run):
    journal = tmp_path / "journal"
    friday = {"LEADWORK_TODAY": "2027-01-01"}  # 2026-W53
    assert run("init", str(journal), "--leader", "Marta K", env=friday).exit_code == 0
    with (journal / "team.toml").open("a") as f:
        f.write('[[people]]\nid = "jan"\nname = "Jan Nowak"\ncadence_days = 14\n')
    done = run("checkin", "--no-input", "--hours", "other=40", journal=journal, env=friday)
    assert done.exit_code == 0, done
    monday = {"LEADWORK_TODAY": "2027-01-04"}  # 2027-W01, no check-in yet
    prep = run("one-on-one", "jan", "--prep", journal=journal, env=monday)
    said = " ".join(prep.stdout.split())
    assert "Indicators, 2026-W41 to 2026-W53" in said, said
    assert "No story about Jan in the last 13 weeks." in said, said
    assert "14 weeks" not in said
    data = run("one-on-one", "jan", "--prep", "--format", "json", journal=journal, env=monday)
    assert json.loads(data.stdout)["weeks"] == ["2026-W42", "2027-W01"]


def test_a_reading_standing_for_other_weeks_names_its_check_in_not_a_day_read(tmp_path, run):
    journal = complaints_journal(tmp_path, run)
    shown = run("indicator", "show", "complaints", journal=journal, env=FEB)
    w03 = next(line for line in shown.stdout.splitlines() if "2027-W03" in line)
    assert "5 complaints (from 2027-W04)" in w03, w03
    assert "(read " not in shown.stdout
