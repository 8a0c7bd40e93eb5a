"""The edges of the command line, as trial 17 met them: no terminal, odd terminals, streams
the system cannot write, and the environment (docs/cli.md: "Interviews", "Colour",
"Width", exit codes, `edit`, `--output`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from test_indicator_write import ADD

from conftest import BASE_ENV, tree_hash

LEADWORK = Path(sys.executable).parent / "leadwork"


def _installed(
    journal: Path, *args: str, env: dict[str, str] | None = None, redirect: str = ""
) -> subprocess.CompletedProcess[str]:
    """The installed command in a real process, its stdout redirected by the shell as
    `redirect` says (`>/dev/full`, `>&-`), else captured; stdin is /dev/null."""
    command = [str(LEADWORK), "--journal", str(journal), *args]
    return subprocess.run(
        ["/bin/sh", "-c", f'exec "$@" {redirect}', "sh", *command],
        env={**os.environ, **BASE_ENV, **(env or {})},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


# ---- finding 2: `edit` without a terminal, and an editor that fails --------------------------


def test_edit_without_a_terminal_and_no_editor_named_is_refused(example_journal, run, tmp_path):
    """No $VISUAL nor $EDITOR and stdin not a terminal: vi or nano would hang; refused."""
    tools = tmp_path / "bin"
    tools.mkdir()
    ran = tmp_path / "ran"
    for name in ("sensible-editor", "nano", "vi"):  # the fallbacks, which must not be run
        fake = tools / name
        fake.write_text(f"#!/bin/sh\ntouch '{ran}'\n")
        fake.chmod(0o755)
    before = tree_hash(example_journal)
    env = {"VISUAL": "", "EDITOR": "", "PATH": str(tools)}
    result = run("edit", "team", journal=example_journal, env=env, input="")
    assert result.exit_code == 2, result
    assert (
        "error: stdin is not a terminal, so no editor can be opened on team.toml; "
        "nothing was written"
    ) in result.stderr
    assert "run `leadwork check`" in result.stderr
    assert not ran.exists()
    assert tree_hash(example_journal) == before


def test_edit_without_a_terminal_runs_an_editor_named_explicitly(example_journal, run, tmp_path):
    """A GUI editor with its wait flag works without a terminal: $EDITOR is the person's."""
    script = tmp_path / "gui_editor.py"
    script.write_text("import sys\nopen(sys.argv[-1], 'a').write('# seen\\n')\n")
    env = {"VISUAL": "", "EDITOR": f"{sys.executable} {script} --wait"}
    result = run("edit", "team", journal=example_journal, env=env, input="")
    assert result.exit_code == 0, result
    assert result.stdout == "ok: team.toml is valid\n"
    assert (example_journal / "team.toml").read_text().endswith("# seen\n")


def test_an_editor_that_is_killed_is_an_error(example_journal):
    env = {"VISUAL": "", "EDITOR": "sh -c 'kill $$'"}
    result = _installed(example_journal, "edit", "team", env=env)
    assert result.returncode == 1, result
    assert (
        "error: the editor was killed (signal 15), so the edit of team.toml may not be "
        "complete; team.toml is valid as it stands"
    ) in result.stderr
    assert "ok:" not in result.stdout + result.stderr


def test_an_editor_that_fails_on_a_broken_file_says_it_is_not_valid(example_journal, run, tmp_path):
    script = tmp_path / "bad_editor.py"
    script.write_text(
        "import sys\np = sys.argv[-1]\n"
        "t = open(p).read().replace('cadence_days = 28', 'cadence_days = 0', 1)\n"
        "open(p, 'w').write(t)\n"
        "sys.exit(1)\n"
    )
    env = {"VISUAL": "", "EDITOR": f"{sys.executable} {script}"}
    result = run("edit", "team", journal=example_journal, env=env, input="y\n")
    assert result.exit_code == 1, result
    assert "at least 1" in result.stderr  # the file's problem is shown
    assert "team.toml has 1 error as it stands" in result.stderr
    assert "Reopen" not in result.stderr


# ---- finding 3: `checkin --format json` is not an answer ------------------------------------


def test_checkin_json_without_answers_or_terminal_is_refused_like_plain_checkin(
    example_journal, run
):
    before = tree_hash(example_journal)
    env = {"LEADWORK_TODAY": "2026-12-01"}
    plain = run("checkin", journal=example_journal, env=env, input="")
    result = run("checkin", "--format", "json", journal=example_journal, env=env, input="")
    assert plain.exit_code == result.exit_code == 2, result
    assert result.stdout == ""
    assert result.stderr == plain.stderr
    assert "stdin is not a terminal, so checkin cannot ask its questions" in result.stderr
    assert tree_hash(example_journal) == before
    # With --no-input it records what the flags say (nothing): a run a script asked for.
    result = run("checkin", "-f", "json", "--no-input", journal=example_journal, env=env, input="")
    assert result.exit_code == 0, result
    assert '"week": "2026-W49"' in result.stdout


# ---- finding 4: TERM=dumb honours COLUMNS, the terminal's width and FORCE_COLOR -------------


def test_a_dumb_terminal_is_laid_out_for_columns_and_coloured_when_forced(example_journal, run):
    env = {"TERM": "dumb", "FORCE_COLOR": "1", "NO_COLOR": "", "COLUMNS": "150"}
    result = run("indicator", "list", journal=example_journal, env=env)
    assert result.exit_code == 0, result
    assert "\x1b[" in result.stdout  # FORCE_COLOR
    header = result.stdout.splitlines()[1]
    assert len(header) > 80, header  # not Rich's 80 for a dumb terminal
    forced = run("indicator", "list", journal=example_journal, env={**env, "TERM": "xterm"})
    assert result.stdout == forced.stdout  # laid out and coloured as with any other TERM
    plain = run("indicator", "list", journal=example_journal, env={"COLUMNS": "150"})
    dumb = run("indicator", "list", journal=example_journal, env={"TERM": "dumb", "COLUMNS": "150"})
    assert dumb.stdout == plain.stdout  # no colour of its own accord; the same layout


def test_a_dumb_terminal_is_laid_out_for_its_real_width(example_journal):
    pexpect = pytest.importorskip("pexpect")
    env = {**os.environ, **BASE_ENV, "TERM": "dumb"}
    del env["COLUMNS"]
    child = pexpect.spawn(
        str(LEADWORK),
        ["--journal", str(example_journal), "indicator", "list"],
        env=env,
        encoding="utf-8",
        timeout=60,
        dimensions=(40, 130),
    )
    child.expect(pexpect.EOF)
    child.close()
    lines = child.before.replace("\r\n", "\n").splitlines()
    assert child.exitstatus == 0, child.before
    assert max(len(line) for line in lines) > 80, lines
    row = next(line for line in lines if "greenville-otd" in line)
    assert "on track" in row or "at risk" in row or "celebrate" in row  # one line a row


# ---- finding 5: a day is YYYY-MM-DD, and only that -------------------------------------------


@pytest.mark.parametrize(
    ("given", "hint"),
    [
        ("2026-W53", "a day is written YYYY-MM-DD, like 2026-12-28 (weeks, YYYY-Www, are for"),
        ("2026-W53-4", "like 2026-12-31 (weeks"),
        ("20261231", "write it as YYYY-MM-DD: 2026-12-31"),
        ("2026-12-32", "write it as YYYY-MM-DD, like 2026-11-27"),
    ],
)
def test_leadwork_today_takes_only_a_day(example_journal, run, given, hint):
    result = run("dashboard", "-f", "json", journal=example_journal, env={"LEADWORK_TODAY": given})
    assert result.exit_code == 2, result
    assert f"$LEADWORK_TODAY is '{given}', which is not a day (YYYY-MM-DD)" in result.stderr
    assert hint in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    "args",
    [
        ("one-on-one", "tom", "--prep", "--date", "2026-W48"),
        ("review", "strategy", "--prep", "--date", "20261127"),
        (*ADD, "--agreed-on", "2026-W48-1"),
        ("indicator", "change", "dayton-scrap", "--target", "2.5", "--since", "2026W48"),
    ],
)
def test_every_flag_that_takes_a_day_takes_only_yyyy_mm_dd(example_journal, run, args):
    before = tree_hash(example_journal)
    result = run(*args, journal=example_journal, input="")
    assert result.exit_code == 2, result
    assert f"'{args[-1]}' is not a date" in result.stderr
    assert "YYYY-MM-DD" in result.stderr
    assert tree_hash(example_journal) == before


# ---- finding 8: output the system cannot take -----------------------------------------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args", [("dashboard", "-f", "json"), ("indicator", "list"), ("report", "-f", "json")]
)
def test_a_full_disk_is_not_a_bug_in_leadwork(example_journal, args):
    for _ in range(2):  # the first run through Typer, the next replayed without it
        result = _installed(example_journal, *args, redirect=">/dev/full")
        assert result.returncode == 1, result
        assert result.stderr == (
            "leadwork: error: could not write the output: No space left on device\n"
        )


def test_a_closed_stdout_is_an_error_and_nothing_is_done(example_journal):
    before = tree_hash(example_journal)
    for args in (("report", "-f", "json"), ("checkin", "--no-input", "--story", "x")):
        result = _installed(example_journal, *args, redirect=">&-")
        assert result.returncode == 1, result
        assert result.stderr == "leadwork: error: standard output is closed\n"
    assert tree_hash(example_journal) == before


def test_a_pipe_closed_early_stays_quiet(example_journal):
    result = _installed(example_journal, "dashboard", redirect="| head -c 10 >/dev/null")
    assert result.stderr == ""


# ---- finding 10: --output into a folder that does not exist ---------------------------------


def test_output_into_a_missing_folder_names_it_as_typed(example_journal, run, tmp_path):
    target = tmp_path / "nonexist" / "dir" / "x.html"
    result = run("report", "--format", "html", "-o", str(target), journal=example_journal)
    assert result.exit_code == 1, result
    folder = target.parent
    assert f"--output: the folder {folder} does not exist: create it first" in result.stderr
    assert f"hint: mkdir -p '{folder}'" in result.stderr
    assert not folder.exists()
    result = run("dashboard", "-f", "html", "--output", "out/d.html", journal=example_journal)
    assert result.exit_code == 1, result
    assert "the folder out does not exist: create it first" in result.stderr


# ---- trial 20, finding 5: a writer's summary lost after its file was saved ------------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_after_a_save_says_what_was_saved(example_journal):
    """The week is recorded; only the summary is lost: exit 1 (the output is lost), and the
    error says the file was saved, so a script does not take it for nothing recorded."""
    week = example_journal / "checkins" / "2026-W48.toml"
    for story in ("Maria ran line 3 alone", "Tom fixed the fixture"):  # Typer, then replayed
        result = _installed(
            example_journal, "checkin", "--no-input", "--story", story, redirect=">/dev/full"
        )
        assert result.returncode == 1, result
        assert result.stderr == (
            "leadwork: error: saved checkins/2026-W48.toml; could not write the output: "
            "No space left on device\n"
        )
        assert story in week.read_text()
    result = _installed(example_journal, "story", "Ana's first audit", redirect=">/dev/full")
    assert result.returncode == 1, result
    assert result.stderr.startswith("leadwork: error: saved checkins/2026-W48.toml; could not")
    # nothing saved, nothing said about saving
    before = tree_hash(example_journal)
    result = _installed(
        example_journal,
        "checkin",
        "--no-input",
        "--story",
        "Tom fixed the fixture",
        redirect=">/dev/full",
    )
    assert tree_hash(example_journal) == before
    assert result.returncode == 1, result
    assert result.stderr == "leadwork: error: could not write the output: No space left on device\n"
