"""`leadwork --help` and `--version` answered without Typer must be Typer's answer, byte for
byte; the help comes from the user's cache, derived from the Typer app on the first run,
and anything the fast path is unsure of goes to Typer (see leadwork.cli.fasthelp, .cache)."""

from __future__ import annotations

import io
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from leadwork import __version__
from leadwork.cli import cache, derive, fasthelp
from leadwork.cli.app import app

TYPER_HELP = "from leadwork.cli.app import app; app(prog_name='leadwork')"  # Typer, no fast path
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


def environment(cache_dir: Path, columns: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    env["LEADWORK_CACHE_DIR"] = str(cache_dir)
    if columns is not None:
        env["COLUMNS"] = columns
    return env


def leadwork(*args: str, cache_dir: Path, columns: str | None = None) -> tuple[str, bool]:
    """(stdout, whether Typer was imported) of the real entry point, in its own process."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        env=environment(cache_dir, columns),
        check=True,
    )
    return result.stdout, result.stderr.strip().endswith("TYPER=True")


def typer_root_help(columns: str) -> str:
    """The root help exactly as Typer prints it: a separate process, as a person runs it
    (Typer's CliRunner forces another width)."""
    result = subprocess.run(
        [sys.executable, "-c", TYPER_HELP, "--help"],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": columns},
        check=True,
    )
    return result.stdout


def fast(args: list[str], environ: dict[str, str]) -> str | None:
    out = io.StringIO()
    return out.getvalue() if fasthelp.answer(args, environ, out) else None


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    return tmp_path / "cache" / "leadwork"


def test_the_derived_help_is_typers():
    assert derive.root_help(app) == typer_root_help("80")


@pytest.mark.parametrize("columns", ["80", "100", "250", None])
def test_root_help_is_typers_and_then_skips_typer(columns, cache_dir):
    typer_text = typer_root_help(columns or "80")
    assert typer_text.startswith("Usage: leadwork [OPTIONS] COMMAND [ARGS]...")
    first, used_typer = leadwork("--help", cache_dir=cache_dir, columns=columns)
    assert (first, used_typer) == (typer_text, True)  # nothing cached yet: Typer answers
    for flag in ("--help", "-h"):
        stdout, used_typer = leadwork(flag, cache_dir=cache_dir, columns=columns)
        assert stdout == typer_text
        assert not used_typer, "the fast path should have answered"


def test_the_cache_is_private_and_written_whole(cache_dir):
    leadwork("--help", cache_dir=cache_dir)
    assert stat.S_IMODE(cache_dir.stat().st_mode) == 0o700
    files = sorted(p.name for p in cache_dir.iterdir())
    assert [Path(f).suffix for f in files] == [".help", ".json"]  # no temp file left
    for name in files:
        assert stat.S_IMODE((cache_dir / name).stat().st_mode) == 0o600


def test_a_narrow_terminal_gets_typers_narrower_help(cache_dir):
    leadwork("--help", cache_dir=cache_dir)  # cached at 80 columns
    narrow = typer_root_help("60")
    assert narrow != typer_root_help("80")  # click wraps at min(columns, 80) - 2
    env = environment(cache_dir, "60")
    assert fast(["--help"], env) is None
    stdout, used_typer = leadwork("--help", cache_dir=cache_dir, columns="60")
    assert stdout == narrow
    assert used_typer


def test_version_without_typer(cache_dir):
    assert fast(["--version"], {}) == f"leadwork {__version__}\n"
    stdout, used_typer = leadwork("--version", cache_dir=cache_dir)
    assert stdout == f"leadwork {__version__}\n"
    assert not used_typer


@pytest.mark.parametrize(
    "args",
    [[], ["check", "--help"], ["--help", "check"], ["--journal", "x", "--help"], ["--hel"]],
    ids=" ".join,
)
def test_everything_else_goes_to_typer(args):
    assert fast(args, {**os.environ, "COLUMNS": "100"}) is None


def test_shell_completion_goes_to_typer():
    env = {**os.environ, "COLUMNS": "100", "_LEADWORK_COMPLETE": "bash_complete"}
    assert fast(["--help"], env) is None


@pytest.mark.parametrize(
    "damage",
    [b"", b"garbage", b"\xff\xfe not utf-8", b"0000\nUsage: leadwork a foreign key\n"],
    ids=["empty", "garbage", "not-utf-8", "foreign"],
)
def test_a_corrupt_cache_is_ignored_and_written_anew(damage, cache_dir):
    typer_text = typer_root_help("100")
    leadwork("--help", cache_dir=cache_dir)
    for path in cache_dir.iterdir():
        path.write_bytes(damage)
    env = environment(cache_dir, "100")
    assert fast(["--help"], env) is None
    assert leadwork("--help", cache_dir=cache_dir, columns="100") == (typer_text, True)
    assert leadwork("--help", cache_dir=cache_dir, columns="100") == (typer_text, False)


def test_a_cache_folder_others_may_write_is_not_trusted(cache_dir):
    leadwork("--help", cache_dir=cache_dir)
    cache_dir.chmod(0o777)
    assert fast(["--help"], environment(cache_dir, "100")) is None
    assert cache.store("Usage: x\n", {}, environment(cache_dir, "100")) is False


def test_a_cache_that_cannot_be_written_costs_only_speed(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    unwritable = blocker / "leadwork"  # below a file: no folder can be made there
    typer_text = typer_root_help("100")
    for _ in range(2):
        assert leadwork("--help", cache_dir=unwritable, columns="100") == (typer_text, True)
    if os.geteuid() != 0:  # root writes anywhere
        folder = tmp_path / "read-only"
        folder.mkdir(mode=0o500)
        assert leadwork("--help", cache_dir=folder, columns="100") == (typer_text, True)


def test_a_changed_cli_source_invalidates(tmp_path, monkeypatch):
    """An editable install: a comment added to a command is seen at once, no step to run."""
    copy = tmp_path / "cli"
    shutil.copytree(cache.CLI_FOLDER, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "CLI_FOLDER", str(copy))
    env = {"LEADWORK_CACHE_DIR": str(tmp_path / "cache")}
    assert cache.store(derive.root_help(app), {"commands": {}}, env)
    assert cache.load_help(env) == derive.root_help(app)
    assert cache.load_tree(env) == {"commands": {}}
    with open(copy / "check.py", "a", encoding="utf-8") as handle:
        handle.write("# a comment\n")
    assert cache.load_help(env) is None
    assert cache.load_tree(env) is None


def test_the_cache_folder_follows_xdg():
    assert cache.cache_dir({"LEADWORK_CACHE_DIR": "/x"}) == "/x"
    assert cache.cache_dir({"XDG_CACHE_HOME": "/c"}) == os.path.join("/c", "leadwork")
    home = os.path.expanduser("~")
    assert cache.cache_dir({}) == os.path.join(home, ".cache", "leadwork")
