"""The console script ends the process without interpreter teardown (`leadwork.cli.run`,
issue 15 item 3), and loses nothing by it: output complete, exit codes as `sys.exit` gives
them, exit handlers run, a broken pipe still quiet, and the ordinary exit wherever ending
early is not plainly safe (another thread alive)."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from leadwork.cli import _exit_code

from conftest import ROOT, TODAY

EXAMPLE = ROOT / "examples" / "northfield"

# Runs `leadwork` through `run()`, with a handler registered the way the crash tests' shim
# registers its own, and an object whose finalizer only interpreter teardown calls.
PROGRAM = """
import atexit, sys
sys.argv = ["leadwork", *sys.argv[1:]]
atexit.register(lambda: print("HANDLER RAN", file=sys.stderr))

class Torn:
    def __del__(self):
        print("TEARDOWN RAN", file=sys.stderr)

torn = Torn()
{before}
from leadwork.cli import {entry}
{entry}()
"""


def leadwork(
    *args: str, entry: str = "run", before: str = "", journal: Path | None = EXAMPLE
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEADWORK_JOURNAL")}
    env.update(LEADWORK_TODAY=TODAY, NO_COLOR="1", COLUMNS="100")
    argv = [*(("--journal", str(journal)) if journal else ()), *args]
    code = PROGRAM.format(before=before, entry=entry)
    return subprocess.run(
        [sys.executable, "-c", code, *argv],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )


def without_marks(text: str) -> str:
    return text.replace("HANDLER RAN\n", "").replace("TEARDOWN RAN\n", "")


@pytest.mark.parametrize(
    ("args", "exit_code"),
    [
        (("dashboard",), 0),
        (("dashboard", "--format", "json"), 0),
        (("check",), 0),
        (("--help",), 0),
        (("dashboard", "--no-such-flag"), 2),  # a usage error
        (("indicator", "show", "no-such-indicator"), 2),  # an unknown id
        (("--journal", "/no/such/journal", "dashboard"), 1),  # a leadwork error
    ],
)
def test_output_and_exit_code_are_those_of_an_ordinary_exit(args, exit_code):
    journal = None if "--journal" in args else EXAMPLE
    fast = leadwork(*args, journal=journal)
    ordinary = leadwork(*args, entry="main", journal=journal)
    assert fast.returncode == ordinary.returncode == exit_code, (fast.stderr, ordinary.stderr)
    assert fast.stdout == ordinary.stdout
    assert without_marks(fast.stderr) == without_marks(ordinary.stderr)
    assert fast.stdout or fast.stderr  # something was said


def test_exit_handlers_run_and_teardown_is_skipped():
    fast = leadwork("dashboard")
    assert fast.returncode == 0, fast.stderr
    assert "HANDLER RAN" in fast.stderr
    assert "TEARDOWN RAN" not in fast.stderr
    # The same program exiting the ordinary way finalizes the object: the mark is real.
    ordinary = leadwork("dashboard", entry="main")
    assert "TEARDOWN RAN" in ordinary.stderr


def test_handlers_output_is_flushed_before_the_end():
    before = "atexit.register(lambda: sys.stdout.write('LAST WORDS'))"
    result = leadwork("--version", before=before, journal=None)
    assert result.returncode == 0
    assert result.stdout.endswith("LAST WORDS")


def test_another_thread_alive_means_the_ordinary_exit():
    # A thread still working when the command ends: the ordinary exit waits for it.
    before = (
        "import threading, time\n"
        "threading.Thread(target=lambda: (time.sleep(0.3), print('THREAD DONE'))).start()"
    )
    result = leadwork("--version", before=before, journal=None)
    assert result.returncode == 0, result.stderr
    assert "THREAD DONE" in result.stdout
    assert "TEARDOWN RAN" in result.stderr


def test_a_closed_pipe_is_still_quiet():
    reader, writer = os.pipe()
    os.close(reader)  # nobody will read: the first write breaks the pipe
    env = {**os.environ, "LEADWORK_TODAY": TODAY, "NO_COLOR": "1", "COLUMNS": "100"}
    code = PROGRAM.format(before="", entry="run")
    result = subprocess.run(
        [sys.executable, "-c", code, "--journal", str(EXAMPLE), "dashboard"],
        stdout=writer,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    os.close(writer)
    assert result.returncode == 0
    assert without_marks(result.stderr) == ""


def test_python_dash_m_and_the_console_script_end_through_run():
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts["leadwork"] == "leadwork.cli:run"
    assert "run()" in (ROOT / "src" / "leadwork" / "__main__.py").read_text()
    result = subprocess.run(
        [sys.executable, "-m", "leadwork", "--version"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0 and result.stdout.startswith("leadwork ")


@pytest.mark.parametrize(
    ("code", "expected", "printed"),
    [(None, 0, ""), (0, 0, ""), (2, 2, ""), (130, 130, ""), ("bad", 1, "bad\n")],
)
def test_exit_codes_follow_sys_exit(code, expected, printed, capsys):
    assert _exit_code(code) == expected
    assert capsys.readouterr().err == printed
