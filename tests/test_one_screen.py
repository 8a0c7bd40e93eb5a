"""The default dashboard is one screen: 50 lines at 100 columns, the rows that matter first,
and every section cut for room saying how many rows it left out and where to see them
(`render.room.fit` decides; `--full` shows every row; JSON is never cut)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from leadwork.render.room import SCREEN_ROWS, Rows, cost, fit

from conftest import EXAMPLE

DECEMBER = {"LEADWORK_TODAY": "2026-12-04", "COLUMNS": "100"}
MORE = re.compile(r"\+(\d+) more(?: ([a-z ]+))?(?::? ([^·]+))? · `([^`]+)`")
INDICATORS = (
    "Greenville on-time delivery",
    "Greenville CNC changeover time",
    "Dayton on-time delivery",
    "Dayton scrap rate",
    "First-pass yield, both plants",
    "Castings supplier on-time",
    "Medical quote turnaround",
    "Medical discovery meetings",
    "Overtime hours, both plants",
)
PEOPLE = ("Marcus Reyes", "Priya Natarajan", "Elena Kowalski", "Tom Okafor", "Grace Lindqvist")


def section(text: str, start: str, end: str) -> str:
    """The lines from the one that starts with `start` to the one that starts with `end`."""
    return text.split(f"\n{start}", 1)[1].split(f"\n{end}", 1)[0]


# ---- the example journal --------------------------------------------------------------------


def test_the_example_fits_fifty_lines_at_100_columns(run):
    result = run("dashboard", journal=EXAMPLE, env=DECEMBER)
    assert result.exit_code == 0, result
    lines = result.stdout.splitlines()
    assert len(lines) <= SCREEN_ROWS, result.stdout
    assert max(len(line) for line in lines) <= 100
    text = result.stdout
    # what matters is kept: the indicator in course-correct with its note, the trend, the
    # missing reading; the on-track ones are counted, with the command that lists them
    board = section(text, "Accountability", "One-on-ones")
    assert "Dayton scrap rate" in board and "no plan, 2 wk" in board
    assert "Medical quote turnaround" in board and "Overtime hours" in board
    assert "Greenville on-time delivery" not in board
    assert "+6 more on track · `leadwork indicator list`" in board
    # the first finding of Needs you is whole, and what is left out is counted
    needs = text.split("\nNeeds you ─", 1)[1]
    assert "1. Dayton scrap rate: course-correct 2 weeks running" in needs
    assert "`leadwork dashboard --full`" in text
    # hours and confidence are never cut
    for label in ("alignment", "capability", "accountability", "someone else's job", "total"):
        assert f"\n{label} " in text


def test_every_hidden_row_is_counted(run):
    """Rows shown plus "+N more" is every row, section by section."""
    text = run("dashboard", journal=EXAMPLE, env=DECEMBER).stdout
    board = section(text, "Accountability", "One-on-ones")
    shown = sum(1 for name in INDICATORS if name in board)
    assert shown + more_in(board) == len(INDICATORS)
    people = section(text, "One-on-ones", "Your work")
    shown = sum(1 for name in PEOPLE if name in people)
    assert shown + more_in(people) == len(PEOPLE)


def more_in(text: str) -> int:
    return sum(int(m.group(1)) for m in MORE.finditer(text))


def test_full_shows_every_row(run):
    result = run("dashboard", "--full", journal=EXAMPLE, env=DECEMBER)
    assert result.exit_code == 0, result
    text = result.stdout
    assert len(text.splitlines()) > SCREEN_ROWS
    assert not MORE.search(text), text
    for name in (*INDICATORS, *PEOPLE, "Consultative selling", "one-northfield"):
        assert name in text, name
    needs = text.split("\nNeeds you ─", 1)[1]
    board = json.loads(run("dashboard", "-f", "json", journal=EXAMPLE, env=DECEMBER).stdout)
    assert f"{len(board['needs_you'])}. " in needs


def test_a_text_file_is_the_screen_and_full_is_whole(run, tmp_path):
    screen = tmp_path / "screen.txt"
    whole = tmp_path / "whole.txt"
    assert run("dashboard", "-o", str(screen), journal=EXAMPLE, env=DECEMBER).exit_code == 0
    result = run("dashboard", "--full", "-o", str(whole), journal=EXAMPLE, env=DECEMBER)
    assert result.exit_code == 0, result
    assert len(screen.read_text().splitlines()) <= SCREEN_ROWS
    assert "Greenville on-time delivery" in whole.read_text()


def test_markdown_and_json_are_never_cut(run):
    markdown = run("dashboard", "-f", "markdown", journal=EXAMPLE, env=DECEMBER).stdout
    for name in INDICATORS:
        assert name in markdown
    assert not MORE.search(markdown)


# ---- a journal far bigger than a screen ----------------------------------------------------


def grow(journal: Path, people: int, indicators: int) -> None:
    """`people` more reports, weekly, never met; `indicators` more, half of them read on
    track this week, the other half not read at all."""
    with (journal / "team.toml").open("a", encoding="utf-8") as f:
        for n in range(people):
            f.write(
                f'\n[[people]]\nid = "p{n}"\nname = "Person {n:02d}"\nrole = "Lead"\n'
                "cadence_days = 7\n"
            )
    with (journal / "indicators.toml").open("a", encoding="utf-8") as f:
        for n in range(indicators):
            f.write(
                f'\n[[indicators]]\nid = "k{n}"\nname = "Indicator {n:02d}"\nowner = "p0"\n'
                'agreed_with = ["p0"]\nagreed_on = 2026-06-08\nunit = "%"\n'
                'direction = "higher"\ntarget = 90\ncelebrate = 99\ncourse_correct = 80\n'
            )
    week = journal / "checkins" / "2026-W48.toml"
    text = week.read_text(encoding="utf-8")
    read = "".join(f"k{n} = 92\n" for n in range(0, indicators, 2))
    week.write_text(text.replace("[readings]\n", "[readings]\n" + read, 1), encoding="utf-8")


def test_a_journal_of_many_people_and_indicators_still_fits(run, example_journal):
    grow(example_journal, people=25, indicators=40)
    assert run("check", journal=example_journal).exit_code == 0
    env = {"LEADWORK_TODAY": "2026-11-27", "COLUMNS": "100"}
    text = run("dashboard", journal=example_journal, env=env).stdout
    lines = text.splitlines()
    assert len(lines) <= SCREEN_ROWS, text
    assert max(len(line) for line in lines) <= 100
    # each growing section is there, and says how much it left out
    board = section(text, "Accountability", "One-on-ones")
    people = section(text, "One-on-ones", "Your work")
    needs = text.split("\nNeeds you ─", 1)[1]
    for part in (board, people, needs):
        assert MORE.search(part), part
    # the 25 never met are due: a fold says so, never "on schedule" for them (second trial)
    folded = MORE.search(people)
    assert folded is not None and re.match(r"\d+ due\b", folded.group(3) or ""), people
    # a name cut to keep its row on one line counts (after a whole word, an ellipsis after)
    cut = [" ".join(n.split()[:k]).rstrip(",") + "…" for n in INDICATORS for k in (2, 3)]
    names = "|".join(re.escape(name) for name in (*INDICATORS, *cut))
    shown = len(re.findall(r"^(?:Indicator \d\d|" + names + ")", board, re.M))
    assert shown + more_in(board) == 9 + 40
    assert "Overtime hours, both…  " in board  # 27 columns in 26: cut, not wrapped
    # the rows not on track come first: the unread ones, never an on-track one before them
    assert "Indicator 00 " not in board  # read on track, so folded
    assert "· no data" in board
    # JSON keeps every row
    board_json = json.loads(run("dashboard", "-f", "json", journal=example_journal, env=env).stdout)
    assert len(board_json["accountability"]["indicators"]) == 9 + 40
    full = run("dashboard", "--full", journal=example_journal, env=env).stdout
    assert "Indicator 39" in full and "Person 24" in full and not MORE.search(full)


# ---- the one function that decides ----------------------------------------------------------


def test_fit_keeps_what_matters_before_the_rest():
    needs = Rows((2, 1, 1, 1), kept=4, floor=3)
    board = Rows((2, 1, 1, 1, 1, 1), kept=2, floor=3)
    # floors: 4 + 1 and 4 + 1 = 10; then the last finding (its "+1 more" line goes): 10
    assert fit([needs, board], 10) == (4, 3)
    assert fit([needs, board], 6) == (3, 3)  # never below the floors
    assert fit([needs, board], 100) == (4, 6)  # room for all: nothing cut
    assert cost(board, 6) == 7 and cost(board, 3) == 5 and cost(Rows(()), 0) == 0


def test_the_rows_that_matter_in_an_earlier_section_come_first():
    first = Rows((1,) * 5, kept=5, floor=1)
    second = Rows((1,) * 5, kept=5, floor=1)
    # 2 + 2 for the floors, then the first section takes what is left before the second
    # (its last row costs nothing: its "+1 more" line goes)
    assert fit([first, second], 7) == (5, 1)
    assert fit([first, second], 6) == (3, 1)


sections = st.lists(
    st.builds(
        lambda lines, kept, floor: Rows(tuple(lines), kept, floor),
        st.lists(st.integers(1, 3), max_size=12),
        st.integers(0, 12),
        st.integers(0, 4),
    ),
    max_size=6,
)


@given(sections, st.integers(0, 80))
def test_fit_stays_in_its_room_once_the_floors_fit(parts, room):
    shown = fit(parts, room)
    floors = [min(p.floor, len(p.lines)) for p in parts]
    assert all(f <= n <= len(p.lines) for p, f, n in zip(parts, floors, shown, strict=True))
    if sum(cost(p, f) for p, f in zip(parts, floors, strict=True)) <= room:
        assert sum(cost(p, n) for p, n in zip(parts, shown, strict=True)) <= room
    if sum(cost(p, len(p.lines)) for p in parts) <= room:
        assert list(shown) == [len(p.lines) for p in parts]
