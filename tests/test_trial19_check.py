"""Trial 19's findings on `check` and the thresholds: every threshold on the wrong side of
the target is reported, and no view judges with one (3); a plan step marked done on a day
after today is a warning (4); the errors come before the warnings (7)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

HEADER = re.compile(r"^(\S+):(\d+):(\d+): (error|warning): (.*)$", re.MULTILINE)


@pytest.fixture
def journal(example_journal: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(example_journal)  # problems are named relative to where one is
    return example_journal


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def _headers(stderr: str) -> list[str]:
    return [m[0] for m in HEADER.finditer(stderr)]


def test_check_lists_every_error_before_any_warning(journal, run):
    """Finding 7: the example's seven standing warnings came first, the one error that fails
    the commit after them. Now the errors come first, each file's own (a key misspelt in
    2026-W49) before what the files say of each other (an unknown indicator in 2026-W47),
    then the warnings, each part in file order."""
    week = (journal / "checkins/2026-W48.toml").read_text().replace("2026-W48", "2026-W49")
    slip = week.replace('week = "2026-W49"\n', 'week = "2026-W49"\nreflektion = "a slip"\n')
    (journal / "checkins/2026-W49.toml").write_text(slip)
    _edit(journal / "checkins/2026-W47.toml", "dayton-scrap = 3.4", "dayton-scarp = 3.4")
    result = run("check", journal=journal, env={"LEADWORK_TODAY": "2026-12-04"})
    assert result.exit_code == 1
    assert _headers(result.stderr) == [
        "checkins/2026-W49.toml:4:1: error: unknown key 'reflektion'",
        "checkins/2026-W47.toml:9:1: error: unknown indicator 'dayton-scarp' in [readings]",
        "capabilities.toml:8:1: warning: capability 'quality-at-scale' has no plan step ahead "
        "(level 3, target 4)",
        "capabilities.toml:63:1: warning: capability 'machinist-pipeline': no indicator tracks it",
        "capabilities.toml:113:1: warning: capability 'coaching-supervisors': no indicator "
        "tracks it",
        "indicators.toml:134:1: warning: indicator 'overtime-hours' serves nothing",
        "indicators.toml:134:1: warning: indicator 'overtime-hours' has no owner",
        "indicators.toml:134:1: warning: indicator 'overtime-hours' has no agreed date",
        "strategy.toml:33:1: warning: strategic choice 'one-northfield': no capability serves it",
    ]
    assert result.stderr.rstrip().endswith("2 errors and 7 warnings in 5 files")
