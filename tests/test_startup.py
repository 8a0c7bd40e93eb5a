"""`leadwork --help` and `--version` must not import rich or pydantic (they cost ~150 ms).

Subcommand help is held to "no rich": typer >= 0.29 coerces every subcommand parameter
through pydantic TypeAdapters, so pydantic arrives with typer there, not with leadwork.
"""

import subprocess
import sys

import pytest

PROBE = """
import sys
sys.argv = ["leadwork", *{args!r}]
try:
    from leadwork.cli import main
    main()
except SystemExit:
    pass
heavy = sorted(m for m in ("rich", "pydantic", "tomlkit", "tomli_w") if m in sys.modules)
print("HEAVY=" + ",".join(heavy), file=sys.stderr)
"""


def heavy_modules(args: list[str]) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=args)], capture_output=True, text=True, check=True
    )
    line = result.stderr.strip().splitlines()[-1]
    assert line.startswith("HEAVY="), result.stderr
    return set(filter(None, line.removeprefix("HEAVY=").split(",")))


@pytest.mark.parametrize("args", [["--help"], ["--version"], []])
def test_root_help_and_version_import_nothing_heavy(args):
    assert heavy_modules(args) == set()


@pytest.mark.parametrize("args", [["check", "--help"], ["init", "--help"]])
def test_subcommand_help_does_not_import_rich_or_the_writers(args):
    assert heavy_modules(args) <= {"pydantic"}
