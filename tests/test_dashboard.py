"""`leadwork dashboard` through the real CLI: the whole screen of the example journal at 100
and 80 columns (snapshots), every format, terminals and colour, the week it shows, and bad
input. Regenerate the snapshots after an intended change with

    UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/test_dashboard.py

and read the diff: the snapshot text is the product's face.
"""

import json
import os
import re
import sys
import tomllib

import pytest

from conftest import EXAMPLE, SNAPSHOTS, assert_snapshot, tree_hash
from journals import write_twelfth_trial_journal

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def dashboard(run, journal, *args, env=None):
    before = tree_hash(journal)
    result = run("dashboard", *args, journal=journal, env=env)
    assert tree_hash(journal) == before, "the dashboard must not write to the journal"
    assert "Traceback" not in result.output
    return result


# ---- the whole screen -----------------------------------------------------------------------


@pytest.mark.parametrize("columns", [100, 80])
def test_example_dashboard_snapshot(run, columns):
    result = dashboard(run, EXAMPLE, env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= columns
    assert all(line == line.rstrip() for line in lines), "no trailing spaces in plain text"
    assert_snapshot(f"dashboard-northfield-{columns}.txt", result.stdout)


def test_example_dashboard_markdown_snapshot(run):
    result = dashboard(run, EXAMPLE, "--format", "markdown", "--private")
    assert result.exit_code == 0, result
    assert_snapshot("dashboard-northfield.md", result.stdout)


@pytest.mark.parametrize("columns", [60, 120, 200])
def test_the_layout_adapts_to_any_width(run, columns):
    result = dashboard(run, EXAMPLE, "--full", env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result
    assert max(len(line) for line in result.stdout.splitlines()) <= columns
    scoreboard = result.stdout.split("Accountability", 1)[1].split("One-on-ones", 1)[0]
    for name in ("Greenville", "Dayton", "First-pass", "Castings", "Medical", "course-correct"):
        assert name in scoreboard, scoreboard
    assert "Grace Lindqvist" in result.stdout and "Needs you" in result.stdout


def your_work(text: str) -> str:
    return text.split("\nYour work", 1)[1].split("\nNeeds you", 1)[0]


def test_at_60_columns_every_hour_of_the_week_is_shown(run):
    hours = tomllib.loads((EXAMPLE / "checkins" / "2026-W48.toml").read_text())["hours"]
    result = dashboard(run, EXAMPLE, env={"COLUMNS": "60"})
    assert result.exit_code == 0, result
    work = your_work(result.stdout)
    assert "…" not in work, work
    shown = work.split()
    for value in [*hours.values(), sum(hours.values())]:
        assert f"{value:g}h" in shown, (value, work)


@pytest.mark.parametrize("columns", [60, 66, 72, 76])
def test_hours_are_never_cut_to_make_room(run, example_journal, columns):
    """Half hours and two-digit hours at widths where the table no longer fits on one line:
    the labels wrap or the rows stack; a number is never shortened to `7…`."""
    path = example_journal / "checkins" / "2026-W48.toml"
    text = path.read_text()
    week = "alignment = 7\ncapability = 6\naccountability = 10\nsomeone_elses_job = 3\nother = 6"
    assert week in text
    path.write_text(
        text.replace(
            week,
            "alignment = 7.5\ncapability = 15\naccountability = 10\n"
            "someone_elses_job = 3\nother = 5",
        )
    )
    result = dashboard(run, example_journal, env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result
    assert max(len(line) for line in result.stdout.splitlines()) <= columns
    work = your_work(result.stdout)
    assert "…" not in work, work
    for value in ("7.5h", "15h", "10h", "3h", "5h", "40.5h", "3/5"):
        assert value in work.split(), (value, work)


def test_the_example_tells_its_story(run):
    """What the example journal was written to show (see examples/northfield)."""
    out = dashboard(run, EXAMPLE).stdout
    header, _, _ = out.partition("Alignment")
    assert "Dana Whitfield · VP of Operations · Northfield Components" in header
    assert "2026-W48 · 23\u201329 Nov 2026" in header  # an en dash
    assert "We make the precise parts" in header
    needs = out.split("Needs you", 1)[1]
    ranked = [
        "Dayton scrap rate: course-correct 2 weeks running, no plan recorded. Ask Marcus",
        "Grace Lindqvist: one-on-one overdue by 9 days (due 18 Nov",
        "Coaching supervisors: step 2 overdue by 35 days (due 23 Oct)",
        "grow-medical: no story for 8 weeks (the last was in 2026-W40)",
        "Medical quote turnaround: worse 3 weeks running (3.1 → 4.5 days), still on track",
        "Carried 3 times: “Agree a new date and agenda for the Greenville coaching clinic",
    ]
    flat = " ".join(needs.split())
    positions = [flat.find(" ".join(item.split())) for item in ranked]
    assert all(p >= 0 for p in positions), flat
    assert positions == sorted(positions), "Needs you is ranked"
    # Status is a symbol and a word, never colour alone.
    assert re.search(r"Dayton scrap rate +Marcus +≤ 2% +3\.6% +✗ course-correct", out)
    assert re.search(r"Medical quote turnaround +Grace +≤ 5 days +4\.5 +✓ on track", out)


# Trial 10's journal (finding 8): units that are words, a 37-column name, notes.
WORD_UNITS = """\
[[indicators]]
id = "fcr"
name = "First contact resolution"
owner = "ana"
agreed_on = 2026-11-09
unit = "%"
direction = "higher"
target = 70
celebrate = 80
course_correct = 60

[[indicators]]
id = "backlog"
name = "Tier 2 backlog"
owner = "dev"
agreed_on = 2026-11-09
unit = "tickets"
direction = "lower"
target = 60
celebrate = 40
course_correct = 90

[[indicators]]
id = "csat"
name = "Monthly CSAT"
owner = "chloe"
agreed_on = 2026-11-09
unit = "%"
direction = "higher"
cadence = "monthly"
target = 85
celebrate = 90
course_correct = 80

[[indicators]]
id = "escalations"
name = "Escalations to Tier 2 per 100 tickets"
owner = "dev"
agreed_on = 2026-11-09
unit = "per 100"
direction = "lower"
target = 12
celebrate = 8
course_correct = 18
"""


def test_word_units_keep_every_indicator_on_one_line_at_100_columns(run, tmp_path):
    """Trial 10, finding 8: a unit written as a word ("tickets", "per 100") made the
    scoreboard wrap at 100 columns, each note moving under its status. Now the name gives
    way: cut after a whole word, with an ellipsis (never "per 10…"); `indicator list` and
    `--format markdown` have it whole."""
    journal = tmp_path / "journal"
    assert run("init", str(journal), "--leader", "Sam Okoro").exit_code == 0
    (journal / "team.toml").write_text(
        "".join(
            f'[[people]]\nid = "{i}"\nname = "{n}"\ncadence_days = 14\n\n'
            for i, n in (("ana", "Ana Ruiz"), ("dev", "Dev Patel"), ("chloe", "Chloe Ng"))
        )
    )
    (journal / "indicators.toml").write_text(WORD_UNITS)
    env = {"LEADWORK_TODAY": "2026-11-27"}  # W48: November's CSAT is due, not yet in
    # (COLUMNS=100 and NO_COLOR=1, as in every test: conftest.BASE_ENV)
    for day, readings in (
        ("2026-11-13", ["fcr=72", "backlog=52", "escalations=9"]),
        ("2026-11-20", ["fcr=68", "backlog=55", "escalations=10"]),
        ("2026-11-27", ["fcr=74", "backlog=58", "escalations=11"]),
    ):
        args = [a for r in readings for a in ("-r", r)]
        result = run(
            "checkin", "--no-input", *args, "--hours", "other=5",
            journal=journal, env={"LEADWORK_TODAY": day},
        )  # fmt: skip
        assert result.exit_code == 0, result
    text = dashboard(run, journal, env=env).stdout
    board = text.split("\nAccountability ", 1)[1].split("\nOne-on-ones ", 1)[0]
    assert board.split("\n", 1)[1] == (
        "Indicator                   Owner  Target        W48  Status      W36\u2013W48\n"
        "First contact resolution    Ana    ≥ 70%         74%  ✓ on track            ▆▁█\n"
        "Tier 2 backlog              Dev    ≤ 60 tickets   58  ✓ on track            ▁▅█\n"
        "Monthly CSAT                Chloe  ≥ 85%           \u2013  · no data             ···  "
        "due for Nov 2026\n"
        "Escalations to Tier 2 per…  Dev    ≤ 12 per 100   11  ✓ on track            ▁▅█"
    )
    assert max(len(line) for line in text.splitlines()) <= 100
    listed = run("dashboard", "-f", "markdown", journal=journal, env=env).stdout
    assert "Escalations to Tier 2 per 100 tickets" in listed


def test_a_long_note_takes_a_second_line_not_every_row_at_100_columns(run, tmp_path):
    """Trial 12, finding 4: one row's "no reading for Dec 2026", four columns longer than
    "due for Dec 2026", sent every note under its status at 100 columns, widened the status
    column with blanks and wrapped every long name onto two lines. Now that note alone goes
    onto two lines in its column, the month on the second; every name keeps one line, cut
    after a whole word. At 80 columns, where even that leaves the names too little room,
    each row is stacked (it was: names squeezed to eight columns, "Indicat…")."""
    journal = tmp_path / "journal"
    assert run("init", str(journal), "--leader", "Dana Whitfield").exit_code == 0
    write_twelfth_trial_journal(journal)
    monday = {"LEADWORK_TODAY": "2027-01-04"}  # W53 stands "as of today": December unread
    text = dashboard(run, journal, env=monday).stdout
    assert board_of(text) == (
        "Indicator                   Owner      Target        W53  Status      W41\u2013W53\n"
        "Escalations to Tier 2 per…  Sam Ortiz  ≤ 60 tickets   55  ✓ on track      ···█▆···▁\n"
        "Damaged parcels per 100…    Sam Kim    ≤ 2 per 100   1.4  ✓ on track      ···█▆···▁\n"
        "Customer satisfaction…      Ravi       ≥ 85%           \u2013  · no data       ▅▅▅▅·····  "
        "no reading for\n" + " " * 85 + "Dec 2026\n"
        "On-time dispatch            Nora       ≥ 95%         97%  ✓ on track      ···▁▅···█"
    )
    assert max(len(line) for line in text.splitlines()) <= 100
    narrow = dashboard(run, journal, env={**monday, "COLUMNS": "80"}).stdout
    assert board_of(narrow) == (
        "Indicator\n"
        "  Owner     Target       W53 Status                    W41\u2013W53\n"
        "Escalations to Tier 2 per week, all regions combined\n"
        "  Sam Ortiz ≤ 60 tickets  55 ✓ on track                    ···█▆···▁\n"
        "Damaged parcels per 100 shipped from Warehouse North\n"
        "  Sam Kim   ≤ 2 per 100  1.4 ✓ on track                    ···█▆···▁\n"
        "Customer satisfaction, monthly survey\n"
        "  Ravi      ≥ 85%          \u2013 · no data                     ▅▅▅▅·····\n"
        "                               no reading for Dec 2026\n"
        "On-time dispatch\n"
        "  Nora      ≥ 95%        97% ✓ on track                    ···▁▅···█"
    )


def board_of(text: str) -> str:
    """The scoreboard's lines, its header first, without the section's rule."""
    board = text.split("\nAccountability ", 1)[1].split("\nOne-on-ones ", 1)[0]
    return board.split("\n", 1)[1]


# ---- formats --------------------------------------------------------------------------------


def test_json_carries_every_indicator_and_every_finding(run):
    result = dashboard(run, EXAMPLE, "--format", "json")
    assert result.exit_code == 0, result
    data = json.loads(result.stdout)
    indicators = {i["id"]: i for i in data["accountability"]["indicators"]}
    assert len(indicators) == 9  # with overtime-hours, which has no reading yet (issue 9)
    scrap = indicators["dayton-scrap"]
    assert (scrap["status"], scrap["value"], scrap["target"], scrap["direction"]) == (
        "course-correct",
        3.6,
        2.0,
        "lower",
    )
    assert scrap["plan_needed"] and scrap["course_correct_weeks"] == 2
    assert scrap["owner_next_one_on_one"] == "2026-11-30"
    assert [h["week"] for h in scrap["history"]][:2] == ["2026-W36", "2026-W37"]
    assert len(scrap["history"]) == 13
    assert indicators["medical-quote-days"]["trend_warning"] is True
    # First-pass yield: W36 was judged against 96.5, W48 against 97 (changed 22 Sep).
    fpy = indicators["first-pass-yield"]["history"]
    assert (fpy[0]["target"], fpy[-1]["target"]) == (96.5, 97)
    kinds = [f["kind"] for f in data["needs_you"]]
    assert kinds == [
        "course-correct-no-plan",
        "one-on-one-overdue",
        "commitment-overdue",
        "commitment-overdue",
        "capability-step-overdue",
        "choice-without-stories",
        "trend-warning",
        "commitment-carried",
        "reading-missing",
    ]
    assert [f["rank"] for f in data["needs_you"]] == [1, 2, 3, 4, 5, 6, 7, 8, 9]


def test_json_output_matches_its_documented_schema(run):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((EXAMPLE.parents[1] / "docs" / "dashboard.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    for args in ([], ["--week", "2026-W40"], ["--week", "2026-W20"]):
        result = dashboard(run, EXAMPLE, "--format", "json", *args)
        data = json.loads(result.stdout)
        errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
        assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def test_every_json_key_is_documented():
    """docs/json.md names every property of the schema, so the prose never falls behind."""
    docs = EXAMPLE.parents[1] / "docs"
    schema = json.loads((docs / "dashboard.schema.json").read_text())
    prose = (docs / "json.md").read_text()

    def keys(node):
        if isinstance(node, dict):
            for key, value in node.get("properties", {}).items():
                yield key
                yield from keys(value)
            for name in ("items", "additionalProperties"):
                if isinstance(node.get(name), dict):
                    yield from keys(node[name])
            for value in node.get("$defs", {}).values():
                yield from keys(value)

    missing = sorted({k for k in keys(schema) if f"`{k}`" not in prose})
    assert not missing, f"docs/json.md does not mention: {missing}"


@pytest.mark.parametrize(("format", "start"), [("html", "<!DOCTYPE html>"), ("svg", "<svg")])
def test_html_and_svg_are_written_with_output(run, example_journal, tmp_path, format, start):
    target = tmp_path / f"dashboard.{format}"
    result = dashboard(run, example_journal, "--format", format, "--output", str(target))
    assert result.exit_code == 0, result
    assert f"to {target}" in result.stdout
    text = target.read_text(encoding="utf-8")
    assert text.lstrip().startswith(start)
    assert "Dayton scrap rate" in text.replace("&#160;", " ")
    assert "\x1b[" not in text
    assert not list(tmp_path.glob(".*leadwork-tmp")), "no temp file left behind"


def test_html_without_output_goes_to_stdout(run):
    result = dashboard(run, EXAMPLE, "--format", "html")
    assert result.exit_code == 0
    assert result.stdout.lstrip().startswith("<!DOCTYPE html>")


def test_text_to_a_file_is_plain_and_100_columns(run, tmp_path):
    target = tmp_path / "monday.txt"
    result = dashboard(run, EXAMPLE, "--output", str(target), env={"COLUMNS": "60"})
    assert result.exit_code == 0, result
    text = target.read_text(encoding="utf-8")
    assert "\x1b[" not in text
    assert text == (SNAPSHOTS / "dashboard-northfield-100.txt").read_text(encoding="utf-8")


def test_output_replaces_a_file_atomically(run, tmp_path):
    target = tmp_path / "week.json"
    target.write_text("old")
    result = dashboard(run, EXAMPLE, "-f", "json", "-o", str(target))
    assert result.exit_code == 0, result
    assert json.loads(target.read_text())["week"] == "2026-W48"


def test_output_never_overwrites_a_journal_file(run, example_journal):
    target = example_journal / "strategy.toml"
    result = dashboard(run, example_journal, "-f", "markdown", "-o", str(target))
    assert result.exit_code == 1
    assert "strategy.toml" in result.stderr and "journal file" in result.stderr


# ---- terminals and colour -------------------------------------------------------------------


def test_no_ansi_codes_in_a_pipe(run):
    result = dashboard(run, EXAMPLE, env={"NO_COLOR": ""})
    assert result.exit_code == 0
    assert "\x1b[" not in result.stdout


def test_force_color_is_honoured_and_no_color_wins(run):
    forced = dashboard(run, EXAMPLE, env={"NO_COLOR": "", "FORCE_COLOR": "1"})
    assert ANSI.search(forced.stdout)
    assert ANSI.sub("", forced.stdout).splitlines()[0].startswith("Dana Whitfield")
    both = dashboard(run, EXAMPLE, env={"NO_COLOR": "1", "FORCE_COLOR": "1"})
    assert "\x1b[" not in both.stdout


def _at_a_terminal(env: dict[str, str]) -> str:
    pexpect = pytest.importorskip("pexpect")
    inherited = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "leadwork", "--journal", str(EXAMPLE), "dashboard"],
        env={**inherited, "LEADWORK_TODAY": "2026-11-27", "TERM": "xterm-256color", **env},
        dimensions=(60, 100),
        encoding="utf-8",
        timeout=60,
    )
    output = child.read()
    child.close()
    assert child.exitstatus == 0, output
    return output


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_colour_at_a_terminal_and_none_with_no_color():
    assert ANSI.search(_at_a_terminal({}))
    # force-color.org: an empty FORCE_COLOR is as if it were not set (Rich reads it as "off").
    assert ANSI.search(_at_a_terminal({"FORCE_COLOR": ""}))
    plain = _at_a_terminal({"NO_COLOR": "1"})
    assert "\x1b[" not in plain
    assert "Needs you" in plain and max(len(line) for line in plain.splitlines()) <= 100


# ---- which week -----------------------------------------------------------------------------


def test_on_a_monday_it_shows_last_weeks_check_in_and_says_so(run):
    result = dashboard(run, EXAMPLE, env={"LEADWORK_TODAY": "2026-11-30"})
    assert result.exit_code == 0
    assert "2026-W49 has no check-in yet: showing 2026-W48, the latest, as of 30 Nov." in (
        result.stdout
    )
    assert "No check-in since" not in result.stdout  # a week behind is normal on a Monday


def test_next_year_the_readme_command_still_shows_the_latest_week(run):
    result = dashboard(run, EXAMPLE, "-f", "json", env={"LEADWORK_TODAY": "2027-06-01"})
    data = json.loads(result.stdout)
    assert (data["week"], data["current_week"], data["as_of"]) == (
        "2026-W48",
        "2027-W22",
        "2027-06-01",
    )
    assert data["needs_you"][0]["kind"] == "checkin-missing"
    assert "No check-in since 2026-W48 (26 weeks missed)" in data["needs_you"][0]["message"]


def test_an_explicit_past_week_shows_what_the_dashboard_said_then(run):
    result = dashboard(run, EXAMPLE, "--week", "2026-W40", "-f", "json")
    data = json.loads(result.stdout)
    assert data["as_of"] == "2026-10-04" and data["week_was_asked_for"] is True
    indicators = {i["id"]: i for i in data["accountability"]["indicators"]}
    # Greenville on-time was red W37-W40, but Priya had a plan from 15 Sep on.
    greenville = indicators["greenville-otd"]
    assert greenville["status"] == "course-correct" and greenville["course_correct_weeks"] == 4
    assert not greenville["plan_needed"]
    # Castings were red from W36 and Tom's 16 Sep one-on-one recorded no plan.
    castings = indicators["castings-otd"]
    assert castings["course_correct_weeks"] == 5 and castings["plan_needed"]
    first = data["needs_you"][0]
    assert first["kind"] == "course-correct-no-plan" and first["subject"] == "castings-otd"
    # First-pass yield in W31 (98.1) celebrated against the old celebrate line (98).
    text = dashboard(run, EXAMPLE, "--week", "2026-W40").stdout
    assert "As it stood at the end of 2026-W40 (4 Oct)." in text


def test_a_week_without_a_check_in_still_renders(run):
    result = dashboard(run, EXAMPLE, "--week", "2026-W20")
    assert result.exit_code == 0, result
    assert "No check-in for 2026-W20." in result.stdout
    assert "· no data" in result.stdout


def test_week_53(run, example_journal):
    (example_journal / "checkins" / "2026-W53.toml").write_text(
        'week = "2026-W53"\n\n[readings]\ndayton-scrap = 2.9\n'
    )
    result = dashboard(run, example_journal, "-f", "json", env={"LEADWORK_TODAY": "2027-01-01"})
    data = json.loads(result.stdout)
    assert data["week"] == "2026-W53" and data["history_weeks"][-2:] == ["2026-W52", "2026-W53"]


@pytest.mark.parametrize(
    ("week", "message"),
    [
        ("2026-W49", "2026-W49 has not started yet"),
        ("2026-48", "write it as YYYY-Www"),
        ("2027-W53", "2027 has only 52 ISO weeks"),
    ],
)
def test_bad_weeks_are_usage_errors(run, week, message):
    result = dashboard(run, EXAMPLE, "--week", week)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_an_unknown_format_is_a_usage_error(run):
    result = dashboard(run, EXAMPLE, "--format", "pdf")
    assert result.exit_code == 2


# ---- bad journals ---------------------------------------------------------------------------


def test_a_broken_check_in_in_the_window_is_reported_with_its_line(run, example_journal):
    path = example_journal / "checkins" / "2026-W47.toml"
    path.write_text(path.read_text().replace("dayton-scrap = 3.4", 'dayton-scrap = "3.4"'))
    result = dashboard(run, example_journal)
    assert result.exit_code == 1
    assert "checkins/2026-W47.toml:9:1: error:" in result.stderr
    assert result.stdout == ""


def test_a_broken_one_on_one_it_needs_is_reported(run, example_journal):
    path = example_journal / "one-on-ones" / "2026-11-16-marcus.toml"
    path.write_text(path.read_text().replace("date = 2026-11-16", "date = 2026-11-16\ndate = 1"))
    result = dashboard(run, example_journal)
    assert result.exit_code == 1
    assert "2026-11-16-marcus.toml:4" in result.stderr  # line 1: #:schema


def test_a_fresh_journal_shows_an_empty_but_helpful_dashboard(run, fresh_journal):
    result = dashboard(run, fresh_journal)
    assert result.exit_code == 0, result
    assert "No check-in yet: run `leadwork checkin`." in result.stdout
    assert "No indicators yet" in result.stdout


def test_dashboard_help_imports_nothing_heavy():
    from test_startup import heavy_modules

    assert heavy_modules(["dashboard", "--help"]) <= {"pydantic"}


def test_the_readme_shows_the_dashboard_as_it_is():
    """The README's first command is the dashboard, and its capture is the 100-column
    snapshot, so a layout change cannot leave the README behind."""
    readme = (EXAMPLE.parents[1] / "README.md").read_text(encoding="utf-8")
    first_command = readme.split("```sh\n", 1)[1].split("\n", 1)[0]
    assert first_command.endswith(".venv/bin/leadwork --journal examples/northfield dashboard")
    capture = (SNAPSHOTS / "dashboard-northfield-100.txt").read_text(encoding="utf-8")
    assert f"```text\n{capture}```" in readme


def test_a_persons_text_is_shown_as_written_never_as_markup(run, example_journal, tmp_path):
    """Stories are the person's words: Rich markup, HTML and pipes in them stay text."""
    path = example_journal / "checkins" / "2026-W48.toml"
    odd = "[/] [bold red]Priya[/] said <script>alert(1)</script> | a | b"
    path.write_text(path.read_text().replace("Greenville shipped every order", odd))
    text = dashboard(run, example_journal, "--full", env={"COLUMNS": "200"}).stdout
    assert "[/] [bold red]Priya[/] said <script>alert(1)</script> | a | b" in text
    markdown = dashboard(run, example_journal, "-f", "markdown").stdout
    assert "[/] [bold red]Priya[/] said <script>alert(1)</script> \\| a \\| b" in markdown
    html = dashboard(run, example_journal, "-f", "html", "--full").stdout
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
