"""`leadwork --help` and `--version` answered without Typer must be Typer's answer, byte for
byte; anything the fast path is unsure of goes to Typer (see leadwork.cli.fasthelp)."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from leadwork import __version__
from leadwork.cli import fasthelp, roothelp

REGENERATE = "run `python -m leadwork.cli.fasthelp` and commit src/leadwork/cli/roothelp.py"
PROBE = """
import sys
sys.argv = ["leadwork", *sys.argv[1:]]
from leadwork.cli import main
try:
    main()
except SystemExit:
    pass
print("TYPER=" + str("typer" in sys.modules), file=sys.stderr)
"""


def leadwork(*args: str, columns: str | None = None) -> tuple[str, bool]:
    """(stdout, whether Typer was imported) of the real entry point, in its own process."""
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    if columns is not None:
        env["COLUMNS"] = columns
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=env, check=True
    )
    return result.stdout, result.stderr.strip().endswith("TYPER=True")


def fast(args: list[str], environ: dict[str, str]) -> str | None:
    out = io.StringIO()
    return out.getvalue() if fasthelp.answer(args, environ, out) else None


def test_the_generated_help_is_current():
    assert fasthelp.cli_checksum() == roothelp.CLI_CHECKSUM, f"the CLI changed: {REGENERATE}"


@pytest.mark.parametrize("columns", ["80", "100", "250", None])
def test_root_help_is_typers_and_skips_typer(columns):
    typer_text = fasthelp.typer_root_help(int(columns or 80))
    assert typer_text.startswith("Usage: leadwork [OPTIONS] COMMAND [ARGS]...")
    assert typer_text == roothelp.ROOT_HELP, REGENERATE
    for flag in ("--help", "-h"):
        stdout, used_typer = leadwork(flag, columns=columns)
        assert stdout == typer_text
        assert not used_typer, "the fast path should have answered"


def test_a_narrow_terminal_gets_typers_narrower_help():
    narrow = fasthelp.typer_root_help(60)
    assert narrow != roothelp.ROOT_HELP  # click wraps at min(columns, 80) - 2
    assert fast(["--help"], {"COLUMNS": "60"}) is None
    stdout, used_typer = leadwork("--help", columns="60")
    assert stdout == narrow
    assert used_typer


def test_version_without_typer():
    assert fast(["--version"], {}) == f"leadwork {__version__}\n"
    stdout, used_typer = leadwork("--version")
    assert stdout == f"leadwork {__version__}\n"
    assert not used_typer


@pytest.mark.parametrize(
    "args",
    [[], ["check", "--help"], ["--help", "check"], ["--journal", "x", "--help"], ["--hel"]],
    ids=" ".join,
)
def test_everything_else_goes_to_typer(args):
    assert fast(args, {"COLUMNS": "100"}) is None


def test_shell_completion_goes_to_typer():
    assert fast(["--help"], {"COLUMNS": "100", "_LEADWORK_COMPLETE": "bash_complete"}) is None


def test_a_stale_help_text_is_never_shown(monkeypatch):
    monkeypatch.setattr(roothelp, "CLI_CHECKSUM", roothelp.CLI_CHECKSUM + 1)
    assert fast(["--help"], {"COLUMNS": "100"}) is None


def test_the_generated_module_is_what_the_generator_writes():
    expected = fasthelp.generated_module(fasthelp.typer_root_help(), fasthelp.cli_checksum())
    with open(roothelp.__file__, encoding="utf-8") as handle:
        assert handle.read() == expected, REGENERATE
