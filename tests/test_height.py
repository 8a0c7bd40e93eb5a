"""render/height.py counts the lines of the dashboard's parts without laying out their lean
tables: the count must be the lines they are laid out as, part by part, whole or cut, at
every width, on the example journal and on a long generated one (the counts choose the
rows of the one screen)."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console, Group
from rich.text import Text

from leadwork.render.dashboard_text import DashboardText, _cut_of
from leadwork.render.height import lines_in
from leadwork.render.terminal import VisibleConsole
from leadwork.store.journal import open_journal
from leadwork.usecases import dashboard

from conftest import EXAMPLE

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 27)


@pytest.fixture(scope="module")
def long_journal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("height") / "journal"
    script = ROOT / "benchmarks" / "make_journal.py"
    command = [sys.executable, str(script), "--years", "2", "--people", "20"]
    subprocess.run([*command, "--indicators", "40", str(out)], check=True, capture_output=True)
    return out


def _console(width: int) -> Console:
    return VisibleConsole(file=io.StringIO(), width=width, color_system=None, _environ={})


@pytest.mark.parametrize("which", ["example", "long"])
def test_each_part_counts_the_lines_it_is_laid_out_as(which: str, long_journal: Path) -> None:
    journal = open_journal(EXAMPLE if which == "example" else long_journal)
    board = dashboard.run(journal, dashboard.Request(None), TODAY).dashboard
    view = DashboardText(board)
    for width in (20, 36, 40, 52, 60, 80, 100, 140, 200):
        console = _console(width)
        options = console.options
        sections = view.sections(console, width)
        for shown in (0, 1, 3, 8):
            cuts = {name: _cut_of(s, min(shown, len(s.order))) for name, s in sections.items()}
            for key, part in view.parts(width, cuts if shown else {}):
                laid = console.render_lines(part(), options, pad=False)
                assert lines_in(part(), console, options) == len(laid), (width, shown, key)


def test_a_part_that_does_not_end_its_line_is_not_counted() -> None:
    """Its lines would run into the next part's: only laying the group out says how many."""
    console = _console(40)
    open_ended = Text("no newline", end="")
    assert lines_in(Group(open_ended, Text("next")), console, console.options) is None
    assert lines_in(Group(Text("one"), Text("two")), console, console.options) == 2
