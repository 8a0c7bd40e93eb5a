"""Guards at the edges (issue 14): where leadwork must refuse, or show rather than execute.

- every file written on a person's behalf (`--output`) goes through one guarded write: never
  over a journal file, never through a link into the journal;
- no writer follows a journal folder that links out of the journal, and the stray-temp
  cleanup deletes nothing there;
- text from the journal is shown, never executed (control characters made visible);
- no write makes a file unreadable (the 2 MB read limit applies before writing);
- no internal error (exit 70) at the edges: a closed pipe, an ASCII-only output, a closed
  stdin, weeks at the calendar's ends, a nonsense COLUMNS.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BASE_ENV

LEADWORK = Path(sys.executable).with_name("leadwork")
INTERNAL = 70

OSC52 = "\x1b]52;c;ZXZpbA==\x07"
CLEAR = "\x1b[2J"
RED = "\x1b[31m"
STORY = "Greenville shipped every order due Thanksgiving week"


def tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


# ---- one guarded write for --output ------------------------------------------------------------


@pytest.mark.parametrize(
    "target",
    [
        "strategy.toml",
        "team.toml",
        "leadwork.toml",
        "checkins/2026-W48.toml",
        "one-on-ones/2026-12-01-tom.toml",
        ".drafts/2026-W49.toml",
    ],
)
@pytest.mark.parametrize("command", [["report"], ["dashboard", "-f", "markdown"]])
def test_output_is_never_written_over_a_journal_file(run, example_journal, command, target):
    before = tree(example_journal)
    path = example_journal / target
    result = run(*command, "--output", str(path), journal=example_journal)
    assert result.exit_code == 1, result
    assert "a journal file" in result.stderr and "hint: give --output a new file" in result.stderr
    assert tree(example_journal) == before


def test_report_output_through_a_link_into_the_journal_is_refused(run, example_journal, tmp_path):
    link = tmp_path / "report.md"
    link.symlink_to(example_journal / "strategy.toml")
    before = (example_journal / "strategy.toml").read_bytes()
    result = run("report", "--output", str(link), journal=example_journal)
    assert result.exit_code == 1
    assert "report.md: error: is a journal file, or a link to one" in result.stderr
    assert (example_journal / "strategy.toml").read_bytes() == before


def test_report_output_to_a_new_file_is_written(run, example_journal, tmp_path):
    result = run("report", "--output", str(tmp_path / "q4.md"), journal=example_journal)
    assert result.exit_code == 0, result
    assert (tmp_path / "q4.md").read_text().startswith("#")


def test_schema_output_into_a_journal_folder_is_refused(run, example_journal, tmp_path):
    before = tree(example_journal)
    result = run("schema", "--output", str(example_journal / ".drafts"), journal=example_journal)
    assert result.exit_code == 1
    assert "is one of the journal's folders" in result.stderr
    assert tree(example_journal) == before
    fine = run("schema", "--output", str(tmp_path / "schemas"), journal=example_journal)
    assert fine.exit_code == 0, fine
    assert len(list((tmp_path / "schemas").iterdir())) == 9


# ---- no writer follows a folder linked out of the journal --------------------------------------


def _link_out(journal: Path, folder: str, outside: Path) -> Path:
    """Move the journal's `folder` outside and leave a link to it; a stray temp file there."""
    place = outside / folder.strip(".")
    if (journal / folder).exists():
        (journal / folder).rename(place)
    else:
        place.mkdir(parents=True)
    (journal / folder).symlink_to(place, target_is_directory=True)
    (place / ".2026-W48.toml.x1.leadwork-tmp").write_text("not the journal's")
    return place


@pytest.mark.parametrize(
    ("folder", "args"),
    [
        ("checkins", ["story", "A plant lived the purpose", "--choice", "quality-first"]),
        ("checkins", ["checkin", "--no-input", "--note", "A calm week"]),
        (
            "one-on-ones",
            ["one-on-one", "tom", "--no-input", "--progress", "steady", "--done", "1,2"],
        ),
        (
            "reviews",
            ["review", "strategy", "--no-input", "-p", "priya", "--changes", "none"],
        ),
    ],
)
def test_a_writer_refuses_a_journal_folder_linked_outside(
    run, example_journal, tmp_path, folder, args
):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    place = _link_out(example_journal, folder, outside)
    before = tree(outside)
    result = run(*args, journal=example_journal)
    assert result.exit_code == 1, result
    assert f"{folder}: error: is a link to {place}, outside the journal" in result.stderr
    assert tree(outside) == before  # nothing written there, the stray temp file not deleted


def test_a_draft_is_not_written_through_drafts_linked_outside(
    run, example_journal, tmp_path, monkeypatch
):
    monkeypatch.setattr("leadwork.cli.prompts.stdin_is_terminal", lambda: True)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    _link_out(example_journal, ".drafts", outside)
    before = tree(outside)
    result = run(
        "checkin", journal=example_journal, env={"LEADWORK_TODAY": "2026-12-02"}, input="1\n" * 3
    )
    assert result.exit_code == 1, result
    assert ".drafts: error: is a link to" in result.stderr
    assert tree(outside) == before


def test_a_folder_linked_inside_the_journal_is_written_as_before(run, example_journal):
    (example_journal / "checkins").rename(example_journal / "archive")
    (example_journal / "checkins").symlink_to("archive", target_is_directory=True)
    result = run("story", "A plant lived the purpose", journal=example_journal)
    assert result.exit_code == 0, result
    assert "A plant lived the purpose" in (example_journal / "archive/2026-W48.toml").read_text()


# ---- text from the journal is shown, never executed --------------------------------------------


@pytest.fixture
def hostile_journal(example_journal: Path) -> Path:
    week = example_journal / "checkins/2026-W48.toml"
    text = week.read_text()
    assert f'text = "{STORY}' in text
    week.write_text(
        text.replace(f'text = "{STORY}', f'text = "\\u001b]52;c;ZXZpbA==\\u0007\\u001b[2J{STORY}')
    )
    team = example_journal / "team.toml"
    team.write_text(team.read_text().replace('name = "Priya', 'name = "\\u001b[31mPriya'))
    return example_journal


@pytest.mark.parametrize(
    "args",
    [
        ["dashboard"],
        ["dashboard", "-f", "markdown"],
        ["dashboard", "-f", "html"],
        ["dashboard", "-f", "svg"],
        ["one-on-one", "priya", "--prep"],  # with no terminal, only --prep shows it
        ["one-on-one", "priya", "-f", "markdown"],
        ["indicator", "list"],
        ["indicator", "show", "greenville-otd"],
        ["report"],
        ["report", "-f", "html"],
        ["commitments"],
        ["map", "-f", "markdown"],
    ],
)
@pytest.mark.parametrize("color", ["", "1"])
def test_control_characters_in_the_journal_reach_no_output_raw(run, hostile_journal, args, color):
    env = {"NO_COLOR": "", "FORCE_COLOR": "1"} if color else {}
    result = run(*args, journal=hostile_journal, env=env)
    assert result.exit_code == 0, result
    for raw in (OSC52, "\x1b]52", CLEAR, RED + "Priya", "\x07"):
        assert raw not in result.stdout, (raw, args)


def test_control_characters_are_shown_as_cat_v_does(run, hostile_journal):
    result = run("dashboard", "--full", journal=hostile_journal)
    assert "^[]52;c;ZXZpbA==^[[2JGreenville" in result.stdout
    assert "^[[31mPriya" in result.stdout
    markdown = run("dashboard", "-f", "markdown", journal=hostile_journal).stdout
    assert "^[]52;c;ZXZpbA==^G^[[2JGreenville" in markdown


def test_dashboard_output_file_holds_no_control_characters(run, hostile_journal, tmp_path):
    for format in ("text", "html", "svg", "markdown"):
        out = tmp_path / f"d.{format}"
        assert (
            run("dashboard", "-f", format, "-o", str(out), journal=hostile_journal).exit_code == 0
        )
        assert "\x1b]52" not in out.read_text() and CLEAR not in out.read_text()


# ---- no write makes a file unreadable ----------------------------------------------------------


def test_a_capture_that_would_pass_the_read_limit_is_refused(run, example_journal):
    week = example_journal / "checkins/2026-W48.toml"
    text = week.read_text()
    room = 2_000_000 - len(text.encode()) - 300  # comments: a valid file just under the limit
    week.write_text(text + ("# " + "x" * 97 + "\n") * (room // 100))
    assert run("check", journal=example_journal).exit_code == 0
    before = week.read_bytes()
    result = run("story", "y" * 500, "--choice", "quality-first", journal=example_journal)
    assert result.exit_code == 1, result
    assert "checkins/2026-W48.toml: error: would grow to 2.0 MB, past the 2 MB" in result.stderr
    assert "hint: move older entries of this file into an archive file" in result.stderr
    assert week.read_bytes() == before
    assert run("dashboard", journal=example_journal).exit_code == 0


# ---- no exit 70 at the edges -------------------------------------------------------------------


def test_weeks_at_the_calendars_ends_are_usage_errors(run, example_journal):
    for args, env in [
        (["dashboard", "--week", "0001-W01"], {}),
        (["report", "--from", "0001-W01"], {}),
        (["dashboard", "--week", "9998-W52"], {}),
        (["dashboard"], {"LEADWORK_TODAY": "9999-12-31"}),
        (["dashboard"], {"LEADWORK_TODAY": "0001-01-01"}),
        (["one-on-one", "priya", "--no-input", "--date", "0001-01-01"], {}),
    ]:
        result = run(*args, journal=example_journal, env=env)
        assert result.exit_code == 2, (args, env, result)
        assert "outside the years leadwork keeps" in result.stderr


@pytest.mark.parametrize("columns", ["0", "abc", "-5", ""])
def test_a_nonsense_width_is_an_unknown_width(run, example_journal, columns):
    result = run("dashboard", journal=example_journal, env={"COLUMNS": columns})
    assert result.exit_code == 0, result
    assert "Alignment" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def installed(journal: Path, args: list[str], **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, **BASE_ENV, "EDITOR": "true", "VISUAL": "", **kwargs.pop("env", {})}
    return subprocess.run(
        [str(LEADWORK), "--journal", str(journal), *args],
        capture_output=True,
        env=env,
        timeout=60,
        **kwargs,
    )


@pytest.mark.parametrize(
    "args", [["dashboard"], ["dashboard", "-f", "markdown"], ["report"], ["indicator", "list"]]
)
def test_a_closed_pipe_is_no_error(example_journal, args):
    process = subprocess.Popen(
        [str(LEADWORK), "--journal", str(example_journal), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, **BASE_ENV},
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # `| head -c0`: the reader is gone before anything is written
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == 0, stderr
    assert stderr == ""


@pytest.mark.parametrize(
    "args",
    [
        ["dashboard"],
        ["dashboard", "-f", "markdown"],
        ["one-on-one", "priya", "--prep"],
        ["one-on-one", "priya", "-f", "markdown"],
        ["indicator", "list"],
        ["map"],
        ["reflect"],
        ["commitments"],
        ["report"],
        ["report", "-f", "json"],
        ["check"],
        ["check", "-f", "json"],
    ],
)
@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
def test_an_output_encoding_that_is_not_utf8_gets_plain_fallbacks(example_journal, args, encoding):
    result = installed(example_journal, args, env={"PYTHONIOENCODING": encoding})
    assert result.returncode in (0, 1), result.stderr
    assert b"internal error" not in result.stderr
    result.stderr.decode(encoding)
    result.stdout.decode(encoding)  # every byte, markdown too: all output takes the fallbacks


def test_the_fallbacks_read_well(example_journal):
    out = installed(example_journal, ["dashboard"], env={"PYTHONIOENCODING": "ascii"}).stdout
    text = out.decode("ascii")
    assert "Dana Whitfield - VP of Operations" in text
    assert "<= 2%" in text and "?" not in text.split("Accountability")[1][:400]


@pytest.mark.parametrize(
    "args",
    [
        ["review", "strategy"],
        ["review", "capability"],
        ["checkin"],
        ["one-on-one", "marcus"],
        ["edit", "strategy.toml"],
    ],
)
@pytest.mark.parametrize("stdin", ["devnull", "closed"])
def test_a_closed_stdin_is_no_internal_error(example_journal, args, stdin):
    if stdin == "devnull":
        result = installed(example_journal, args, stdin=subprocess.DEVNULL)
    else:
        command = " ".join([str(LEADWORK), "--journal", str(example_journal), *args])
        env = {**os.environ, **BASE_ENV, "EDITOR": "true", "VISUAL": ""}
        result = subprocess.run(
            ["sh", "-c", command + " 0<&-"], capture_output=True, env=env, timeout=60
        )
    assert result.returncode != INTERNAL, result.stderr
    assert b"internal error" not in result.stderr
    if args[0] != "edit":  # the interviews' one rule: no terminal, no flags: refused
        assert result.returncode == 2
        assert b"stdin is not a terminal, so " in result.stderr
        assert b"cannot ask its questions; nothing was written" in result.stderr


def test_an_interview_shows_journal_text_without_running_it(run, hostile_journal, monkeypatch):
    monkeypatch.setattr("leadwork.cli.prompts.stdin_is_terminal", lambda: True)
    result = run("one-on-one", "priya", journal=hostile_journal, input="")
    assert "^[[31mPriya" in result.stdout, result
    assert RED not in result.stdout and "\x1b" not in result.stdout


def test_an_interview_at_a_nonsense_width_still_asks(run, example_journal, monkeypatch):
    monkeypatch.setattr("leadwork.cli.prompts.stdin_is_terminal", lambda: True)
    env = {"COLUMNS": "0", "LEADWORK_TODAY": "2026-12-02"}
    result = run("checkin", journal=example_journal, env=env, input="")
    assert "Check-in for 2026-W49" in result.stdout, result
