"""The code type-checks: mypy, strict, with the pydantic plugin, as `[tool.mypy]` in
pyproject.toml configures it (which files, which rules, which modules are exempt)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_mypy_is_clean():
    # No skip when mypy is missing: it is in the `test` extra, and a checker that does not
    # run must fail here, not pass quietly.
    result = subprocess.run(
        [sys.executable, "-m", "mypy"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
