"""`leadwork indicator export` and `import`: readings out as CSV or JSON and back in, all
or nothing. Every refusal names FILE:LINE and leaves every file as it was (bytes); the
CSV a spreadsheet writes (BOM, `;`, decimal commas, headers in any order and case) is
read; what is exported imports back to the same readings."""

from __future__ import annotations

import csv
import io
import itertools
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leadwork.layout import LOCK_FILE

from conftest import tree_hash
from journals import write_small_journal


@pytest.fixture
def small(fresh_journal: Path) -> Path:
    return write_small_journal(fresh_journal)


def rows_of(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def files_of(root: Path) -> dict[str, bytes]:
    """Every file's bytes, but the journal's lock file."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != LOCK_FILE
    }


def write(tmp_path: Path, text: str, name: str = "in.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


# ---- export -----------------------------------------------------------------------------


def test_export_writes_a_row_per_reading_with_the_dashboards_status(run, example_journal):
    result = run("indicator", "export", "--from", "2026-W36", journal=example_journal)
    assert result.exit_code == 0, result
    rows = rows_of(result.stdout)
    assert list(rows[0]) == ["week", "indicator", "value", "unit", "status"]
    assert rows[0]["week"] == "2026-W36"
    assert {r["week"] for r in rows} <= {f"2026-W{n}" for n in range(36, 49)}
    # the status of each reading is the one the dashboard's JSON gives that week
    dashboard = json.loads(run("dashboard", "--format", "json", journal=example_journal).stdout)
    expected = {
        (h["week"], i["id"]): h["status"]
        for i in dashboard["accountability"]["indicators"]
        for h in i["history"]
        if h["value"] is not None
    }
    found = {(r["week"], r["indicator"]): r["status"] for r in rows}
    shared = expected.keys() & found.keys()
    assert len(shared) > 50
    assert {k: found[k] for k in shared} == {k: expected[k] for k in shared}
    otd = next(r for r in rows if r["week"] == "2026-W48" and r["indicator"] == "greenville-otd")
    assert otd == {
        "week": "2026-W48",
        "indicator": "greenville-otd",
        "value": "97.6",
        "unit": "%",
        "status": "on-track",
    }


def test_export_json_and_output_file(run, example_journal, tmp_path):
    out = tmp_path / "readings.json"
    result = run(
        "indicator", "export", "-f", "json", "--from", "2026-W48", "-o", str(out),
        journal=example_journal,
    )  # fmt: skip
    assert result.exit_code == 0, result
    assert result.stdout == ""
    assert "Wrote 9 readings to" in result.stderr or "Wrote " in result.stderr
    data = json.loads(out.read_text())
    first = data["readings"][0]
    assert first == {
        "week": "2026-W48",
        "indicator": "greenville-otd",
        "value": 97.6,
        "unit": "%",
        "status": "on-track",
    }
    assert {r["week"] for r in data["readings"]} == {"2026-W48"}


def test_export_never_writes_over_a_journal_file(run, small):
    before = tree_hash(small)
    result = run("indicator", "export", "-o", str(small / "checkins/2026-W48.toml"), journal=small)
    assert result.exit_code == 1
    assert "journal file" in result.stderr
    assert tree_hash(small) == before


def test_export_refuses_a_range_backwards(run, small):
    result = run("indicator", "export", "--from", "2026-W48", "--to", "2026-W40", journal=small)
    assert result.exit_code == 2
    assert "--from 2026-W48 is after --to 2026-W40" in result.stderr


# ---- round trips ------------------------------------------------------------------------


def test_export_then_import_into_a_journal_without_checkins_gives_the_same_rows(
    run, example_journal, tmp_path
):
    exported = run("indicator", "export", journal=example_journal)
    assert exported.exit_code == 0, exported
    csv_file = write(tmp_path, exported.stdout, "all.csv")
    copy = tmp_path / "copy"
    shutil.copytree(example_journal, copy)
    shutil.rmtree(copy / "checkins")
    result = run("indicator", "import", str(csv_file), journal=copy)
    assert result.exit_code == 0, result
    count = len(rows_of(exported.stdout))
    assert result.stdout.startswith(f"Added {count} readings in ")
    again = run("indicator", "export", journal=copy)
    assert again.stdout == exported.stdout
    assert run("check", journal=copy).exit_code == 0


def test_importing_what_was_exported_changes_nothing(run, example_journal, tmp_path):
    exported = run("indicator", "export", journal=example_journal).stdout
    before = tree_hash(example_journal)
    result = run("indicator", "import", str(write(tmp_path, exported)), journal=example_journal)
    assert result.exit_code == 0, result
    assert result.stdout.startswith("Nothing to import: all 160 readings are already there")
    assert tree_hash(example_journal) == before  # not even a lock file


values = st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False).map(
    lambda d: float(d) if d != d.to_integral_value() else int(d)
)
CASES = itertools.count()
readings = st.dictionaries(
    st.tuples(st.integers(min_value=40, max_value=48), st.sampled_from(["otd", "scrap"])),
    values,
    min_size=1,
    max_size=12,
)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(readings=readings, decimal_comma=st.booleans())
def test_generated_readings_import_and_export_back_unchanged(
    run, small, tmp_path, readings, decimal_comma
):
    # the small journal has 2026-W48 with otd = 93.5 and scrap = 2.1: --replace over it
    folder = tmp_path / f"case-{next(CASES)}"
    journal = folder / "journal"
    shutil.copytree(small, journal)
    sep = ";" if decimal_comma else ","
    lines = ["Value" + sep + "INDICATOR" + sep + "week"]
    for (number, ident), value in sorted(readings.items()):
        text = str(value).replace(".", ",") if decimal_comma else str(value)
        lines.append(f"{text}{sep}{ident}{sep}2026-W{number}")
    source = write(folder, "\ufeff" + "\r\n".join(lines) + "\r\n")
    result = run("indicator", "import", str(source), "--replace", journal=journal)
    assert result.exit_code == 0, result
    exported = rows_of(run("indicator", "export", journal=journal).stdout)
    found = {(r["week"], r["indicator"]): float(r["value"]) for r in exported}
    expected = {("2026-W48", "otd"): 93.5, ("2026-W48", "scrap"): 2.1}
    expected.update({(f"2026-W{n}", i): float(v) for (n, i), v in readings.items()})
    assert found == expected
    # and what was exported imports into the same journal as nothing new
    back = write(folder, run("indicator", "export", journal=journal).stdout, "back.csv")
    before = tree_hash(journal)
    again = run("indicator", "import", str(back), journal=journal)
    assert again.exit_code == 0, again
    assert tree_hash(journal) == before


# ---- what a spreadsheet writes ----------------------------------------------------------


def test_a_spreadsheets_csv_bom_semicolons_decimal_commas_any_order(run, small, tmp_path):
    text = (
        "\ufeffIndicator;VALUE;Week;Unit;Comment\r\n"
        "scrap;1,75;2026-W47;;late\r\n"
        "otd;96;2026-11-18;%;\r\n"
    )
    result = run("indicator", "import", str(write(tmp_path, text)), journal=small)
    assert result.exit_code == 0, result
    week = (small / "checkins/2026-W47.toml").read_text()
    assert week.startswith("#:schema ../.leadwork/schema/checkin.json\n# Check-in for 2026-W47")
    assert "otd = 96\nscrap = 1.75\n" in week
    assert "2026-W47  scrap = 1.75" in result.stdout
    assert "2026-W47  otd = 96%" in result.stdout


def test_amending_a_week_keeps_its_comments(run, small, tmp_path):
    path = small / "checkins/2026-W48.toml"
    path.write_text('# my week\nweek = "2026-W48"\n\n[readings]\notd = 93.5 # after the audit\n')
    text = "week,indicator,value\n2026-W48,scrap,2.4\n"
    result = run("indicator", "import", str(write(tmp_path, text)), journal=small)
    assert result.exit_code == 0, result
    assert path.read_text() == (
        '# my week\nweek = "2026-W48"\n\n[readings]\notd = 93.5 # after the audit\nscrap = 2.4\n'
    )


# ---- all or nothing ---------------------------------------------------------------------

REFUSED = [
    ("unknown indicator", "2026-W47,otdd,96\n", 3, "unknown indicator 'otdd'"),
    ("week not begun", "2026-W49,otd,96\n", 3, "2026-W49 has not started yet"),
    ("not a number", "2026-W47,otd,ninety\n", 3, "'ninety' is not a number"),
    ("no value", "2026-W47,otd,\n", 3, "no number given"),
    ("not a week", "W47,otd,96\n", 3, "'W47' is not a week"),
    ("differs", "2026-W48,otd,96\n", 3, "otd in 2026-W48 is already 93.5%; this row says 96%"),
    ("unit", "2026-W47,otd,96 min\n", 3, "not a number"),
    ("twice", "2026-W47,otd,97\n", 3, "otd in 2026-W47 is given twice"),
]


@pytest.mark.parametrize(("case", "bad", "line", "message"), REFUSED, ids=[c[0] for c in REFUSED])
def test_one_bad_row_refuses_the_whole_file(run, small, tmp_path, case, bad, line, message):
    text = "week,indicator,value\n2026-W47,otd,96\n" + bad + "2026-W46,scrap,2\n"
    source = write(tmp_path, text)
    before = tree_hash(small)
    result = run("indicator", "import", str(source), journal=small)
    assert result.exit_code == 1, result
    assert f"in.csv:{line}:1: error: " in result.stderr
    assert message in result.stderr
    assert bad.strip() in result.stderr  # the row, shown under the message
    assert "Traceback" not in result.output
    assert tree_hash(small) == before


def test_every_problem_of_the_file_is_reported_at_once(run, small, tmp_path):
    """The trial's file: a conflict on line 2 and an unknown id on line 3 are both named,
    each with its row and a hint, by line, then the count, and nothing is written."""
    text = (
        "week,indicator,value\n"
        "2026-W48,otd,96\n"  # W48 already holds otd 93.5
        "2026-W47,floor-walk,3\n"
        "2026-W47,scrap,2\n"  # a good row
        "2026-W49,otd,96\n"  # not begun
        "2026-W47,otd,ninety\n"
    )
    before = tree_hash(small)
    result = run("indicator", "import", str(write(tmp_path, text)), journal=small)
    assert result.exit_code == 1, result
    found = result.stderr.splitlines()
    # the file is named as messages name it from the current folder: keep from its name on
    errors = [line[line.index("in.csv:") :] for line in found if ": error: " in line]
    assert errors == [
        "in.csv:2:1: error: otd in 2026-W48 is already 93.5%; this row says 96%",
        "in.csv:3:1: error: unknown indicator 'floor-walk'",
        "in.csv:5:1: error: 2026-W49 has not started yet (today is 2026-11-27, in 2026-W48)",
        "in.csv:6:1: error: 'ninety' is not a number",
    ]
    for row in ("2026-W48,otd,96", "2026-W47,floor-walk,3", "2026-W47,otd,ninety"):
        assert row in result.stderr
    assert "give --replace" in result.stderr
    assert result.stderr.rstrip().endswith("4 errors in 1 file")
    assert "Traceback" not in result.output
    assert tree_hash(small) == before


def test_a_unit_column_that_is_not_the_indicators_refuses(run, small, tmp_path):
    text = "week,indicator,value,unit\n2026-W47,scrap,2,min\n"
    result = run("indicator", "import", str(write(tmp_path, text)), journal=small)
    assert result.exit_code == 1
    assert "in.csv:2:1: error: the unit is 'min', but scrap is read in no unit" in result.stderr


def test_mixed_decimal_commas_and_points_refuse(run, small, tmp_path):
    text = "week;indicator;value\n2026-W46;otd;96,5\n2026-W47;otd;96.5\n"
    before = tree_hash(small)
    result = run("indicator", "import", str(write(tmp_path, text)), journal=small)
    assert result.exit_code == 1
    assert "in.csv:3:1: error: the values mix decimal commas and decimal points" in result.stderr
    assert tree_hash(small) == before


def test_a_header_without_a_value_column_refuses(run, small, tmp_path):
    result = run(
        "indicator", "import", str(write(tmp_path, "week,indicator,reading\n")), journal=small
    )
    assert result.exit_code == 1
    assert "in.csv:1:1: error: the header has no value column" in result.stderr


def test_dry_run_says_what_would_change_and_writes_nothing(run, small, tmp_path):
    text = "week,indicator,value\n2026-W47,otd,96\n2026-W48,otd,94\n2026-W48,scrap,2.1\n"
    before = tree_hash(small)
    result = run(
        "indicator", "import", str(write(tmp_path, text)), "-n", "--replace", journal=small
    )
    assert result.exit_code == 0, result
    assert result.stdout == (
        "Would add 1 reading, would replace 1 in 2 check-in files; 1 reading already there "
        "(--dry-run: nothing was written).\n"
        "  2026-W47  otd = 96%\n"
        "  2026-W48  otd = 94% (was 93.5%)\n"
    )
    assert tree_hash(small) == before


def test_replace_replaces_only_what_differs(run, small, tmp_path):
    path = small / "checkins/2026-W48.toml"
    text = "week,indicator,value\n2026-W48,otd,94\n2026-W48,scrap,2.1\n"
    result = run("indicator", "import", str(write(tmp_path, text)), "--replace", journal=small)
    assert result.exit_code == 0, result
    assert result.stdout.startswith("Added 0 readings, replaced 1 in 1 check-in file; 1 reading")
    assert path.read_text() == (
        'week = "2026-W48"\n\n[readings]\notd = 94\nscrap = 2.1\n\n'
        '[reflection]\nnote = "A steady week."\n'
    )


def test_a_week_that_cannot_be_written_stops_the_whole_import(run, small, tmp_path):
    """Every week is staged before any is renamed (store.together): the newest, read-only,
    stops the import before the others are touched."""
    w47 = small / "checkins/2026-W47.toml"
    w47.write_text('week = "2026-W47"\n\n[readings]\notd = 91\n')
    w48 = small / "checkins/2026-W48.toml"
    w48.chmod(0o444)
    before = files_of(small)
    text = "week,indicator,value\n2026-W46,otd,90\n2026-W47,scrap,2.2\n2026-W48,scrap,1.9\n"
    result = run("indicator", "import", str(write(tmp_path, text)), "--replace", journal=small)
    assert result.exit_code == 1, result
    assert "2026-W48.toml: error: is read-only" in result.stderr
    assert files_of(small) == before  # the lock file aside, which every writer leaves
    assert not (small / "checkins/2026-W46.toml").exists()


def test_stdin_and_commit(run, small, tmp_path):
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t.invalid", "-C", str(small)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "start"], check=True)
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t.invalid"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t.invalid"}
    result = run(
        "indicator", "import", "-", "--commit", journal=small, env=env,
        input="week,indicator,value\n2026-W47,otd,96\n",
    )  # fmt: skip
    assert result.exit_code == 0, result
    assert "Committed checkins/2026-W47.toml to git" in result.stdout
    log = subprocess.run([*git, "log", "--oneline", "-1"], capture_output=True, text=True)
    assert "indicator import <stdin>" in log.stdout


def test_stdin_errors_name_stdin(run, small):
    result = run(
        "indicator", "import", "-", journal=small, input="week,indicator,value\n2026-W47,x,1\n"
    )
    assert result.exit_code == 1
    assert "<stdin>:2:1: error: unknown indicator 'x'" in result.stderr


def test_a_day_written_another_way_gets_its_iso_form(run, small, tmp_path):
    """The second trial wrote 18/02/2027; the hint now gives it back as YYYY-MM-DD, by the
    same rule `check` uses for a date in a journal file (weeks.as_iso_date)."""
    text = "week,indicator,value\n18/11/2026,otd,95\n"
    result = run("indicator", "import", str(write(tmp_path, text)), journal=small)
    assert result.exit_code == 1, result
    assert "hint: a day is written YYYY-MM-DD: 2026-11-18" in result.stderr


def test_a_monthly_figure_dated_its_months_last_day_counts_for_that_month(run, small, tmp_path):
    """2026-11-30 is the Monday of 2026-W49, a week of December (its Thursday is 3 Dec): a
    spreadsheet's November figure dated so is filed in November's last week, and the import
    says which month it counts for (third trial: it became December's reading, unsaid)."""
    added = run(
        "indicator", "add", "waste", "--name", "Food waste", "--owner", "maria",
        "--direction", "lower", "--target", "4", "--celebrate", "2.5",
        "--course-correct", "6", "--unit", "%", "--cadence", "monthly",
        "--agreed-on", "2026-10-01", journal=small,
    )  # fmt: skip
    assert added.exit_code == 0, added
    path = write(tmp_path, "week;indicator;value\r\n2026-11-30;waste;5,4\r\n2026-10-15;waste;4\r\n")
    result = run(
        "indicator", "import", str(path), journal=small, env={"LEADWORK_TODAY": "2026-12-01"}
    )
    assert result.exit_code == 0, result
    assert "2026-W48  waste = 5.4% for Nov 2026" in result.stdout
    assert "2026-W42  waste = 4% for Oct 2026" in result.stdout
    assert "waste = 5.4" in (small / "checkins/2026-W48.toml").read_text()
    assert not (small / "checkins/2026-W49.toml").exists()
