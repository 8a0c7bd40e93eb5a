"""Narrow terminals (trial 17, finding 1): every table of indicators degrades by moving
things, never by cutting a number, a target or a status word, nor by dropping a column.

At 60 columns the dashboard showed `≤ 600 h` as `≤ 60…` and `3.2%` as `3.…`; the
one-on-one prep's Status column shrank to `cou` and vanished at 40. The rule lives in
render/layout.py (`stacked`, `Stacked`): whole-output snapshots at 40, 50, 60, 80 and 100
columns, and every width between checked for numbers and status words cut inside.
"""

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from leadwork.domain.wording import short_date
from leadwork.render.palette import STATUS_LABEL
from leadwork.values import format_number

from conftest import assert_snapshot

WIDTHS = [40, 50, 60, 80, 100]
PEOPLE = ["marcus", "elena"]


def _section(text: str, start: str, end: str) -> str:
    """The lines from the one starting with `start` up to (not including) `end`'s."""
    lines = text.splitlines(keepends=True)
    first = next(i for i, line in enumerate(lines) if line.startswith(start))
    last = next(i for i, line in enumerate(lines) if i > first and line.startswith(end))
    return "".join(lines[first:last])


@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize("person", PEOPLE)
def test_prep_indicators_snapshot(run, example_journal, person, columns):
    result = run(
        "one-on-one", person, "--prep", journal=example_journal, env={"COLUMNS": str(columns)}
    )
    assert result.exit_code == 0, result
    text = _section(result.stdout, "Indicators,", "Open commitments")
    assert_snapshot(f"narrow/prep-{person}-{columns}.txt", text)


@pytest.mark.parametrize("columns", WIDTHS)
def test_dashboard_indicators_snapshot(run, example_journal, columns):
    result = run("dashboard", "--full", journal=example_journal, env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result
    text = _section(result.stdout, "Accountability", "Your work")
    assert_snapshot(f"narrow/dashboard-accountability-{columns}.txt", text)


def test_prep_at_40_columns_keeps_the_status_and_the_plan_note(run, example_journal):
    """The finding's own case: at 40 columns the Status column was gone, and nothing said
    that Dayton scrap was in course-correct with no plan."""
    result = run("one-on-one", "marcus", "--prep", journal=example_journal, env={"COLUMNS": "40"})
    assert result.exit_code == 0, result
    text = _section(result.stdout, "Indicators,", "Open commitments")
    assert "course-correct 2 weeks" in text
    assert "no plan yet" in text
    assert "3.6%" in text


def _indicators(run, journal: Path) -> list[dict]:  # type: ignore[type-arg]
    result = run("indicator", "list", "--format", "json", journal=journal)
    assert result.exit_code == 0, result
    indicators: list[dict] = json.loads(result.stdout)["indicators"]  # type: ignore[type-arg]
    return indicators


def _whole(number: float | int, text: str) -> bool:
    written = re.escape(format_number(number))
    return re.search(rf"(?<![\d.]){written}(?![\d])", text) is not None


CUT_NUMBER = re.compile(r"\d ?…")  # "60…", "3.…", "16 …": a number cut where it ends


def _assert_nothing_cut(text: str, indicators: list[dict], where: str) -> None:  # type: ignore[type-arg]
    assert not CUT_NUMBER.search(text), f"{where}: a number cut\n{text}"
    for ind in indicators:
        for number in (ind["target"], (ind["latest"] or {}).get("value")):
            if number is not None:
                assert _whole(number, text), f"{where}: {number} ({ind['id']}) not whole\n{text}"
        word = STATUS_LABEL.get(ind["status"] or "", "no data")
        assert word in text, f"{where}: status {word!r} ({ind['id']}) not whole\n{text}"


@pytest.mark.parametrize("person", PEOPLE)
def test_no_number_or_status_cut_at_any_width_prep(run, example_journal, person):
    owned = [ind for ind in _indicators(run, example_journal) if ind["owner"] == person]
    for columns in range(40, 80):
        result = run(
            "one-on-one", person, "--prep", journal=example_journal, env={"COLUMNS": str(columns)}
        )
        assert result.exit_code == 0, result
        text = _section(result.stdout, "Indicators,", "Open commitments")
        assert max(len(line) for line in text.splitlines()) <= columns
        _assert_nothing_cut(text, owned, f"prep {person} at {columns}")


@pytest.mark.parametrize("command", [["dashboard", "--full"], ["indicator", "list"]], ids=str)
def test_no_number_or_status_cut_at_any_width(run, example_journal, command):
    indicators = [ind for ind in _indicators(run, example_journal) if ind["active"]]
    for columns in range(40, 80):
        result = run(*command, journal=example_journal, env={"COLUMNS": str(columns)})
        assert result.exit_code == 0, result
        text = result.stdout
        if command[0] == "dashboard":
            text = _section(text, "Accountability", "Your work")
        assert max(len(line) for line in text.splitlines()) <= columns
        _assert_nothing_cut(text, indicators, f"{' '.join(command)} at {columns}")


def test_indicator_list_blocks_keep_each_cell_in_its_place(run, example_journal):
    """In blocks, an indicator with no owner still has its owner's place (an en dash), so that the
    target is not read as the owner; the headers name the places."""
    result = run("indicator", "list", journal=example_journal, env={"COLUMNS": "40"})
    assert result.exit_code == 0, result
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        "Indicators, as of 2026-W48",
        "id                     name",
        "  owner · target · latest · status",
    ]
    overtime = lines.index("overtime-hours         Overtime hours,")
    assert lines[overtime + 1 : overtime + 3] == [
        "                       both plants",
        "  \u2013 · ≤ 600 h · \u2014 · no data",
    ]


# ---- commitments: a due date is never cut (trial 20, finding 2) -------------------------------


def _json(run, journal: Path, *words: str) -> dict:  # type: ignore[type-arg]
    result = run(*words, "--format", "json", journal=journal)
    assert result.exit_code == 0, result
    data: dict = json.loads(result.stdout)  # type: ignore[type-arg]
    return data


def _whole_date(date: str, text: str) -> bool:
    return re.search(rf"(?<![\d-]){re.escape(date)}(?![\d])", text) is not None


@pytest.mark.parametrize("person", PEOPLE)
def test_no_due_date_cut_at_any_width_prep_commitments(run, example_journal, person):
    """`one-on-one NAME --prep` cut "was due 2026-11-05" to "was due 2026-11-0" at 50
    columns and to "was due" at 40; "carried over once" to "carr"."""
    items = _json(run, example_journal, "one-on-one", person, "--prep")["commitments"]
    assert [item for item in items if item["due"]], "the example has dated commitments"
    for columns in range(40, 80):
        result = run(
            "one-on-one", person, "--prep", journal=example_journal, env={"COLUMNS": str(columns)}
        )
        assert result.exit_code == 0, result
        text = _section(result.stdout, "Open commitments", "Stories about")
        assert max(len(line) for line in text.splitlines()) <= columns, text
        assert "…" not in text
        words = " ".join(text.split())  # the commitment's text may wrap, at word ends
        for item in items:
            assert item["text"] in words or _wrapped(item["text"], text), (columns, text)
            if item["due"]:
                said = f"{'was due' if item['past_due'] else 'due'} {item['due']}"
                assert said in text and _whole_date(item["due"], text), (columns, said, text)
            if item["carried"]:
                carried = "once" if item["carried"] == 1 else f"{item['carried']} times"
                assert f"carried over {carried}" in text, (columns, text)


def _wrapped(said: str, text: str) -> bool:
    """Every word of `said` whole in `text` (a wrapped text's lines hold other columns)."""
    return all(re.search(rf"(?<!\S){re.escape(word)}(?!\S)", text) for word in said.split())


def test_no_due_date_cut_at_any_width_commitments(run, example_journal):
    data = _json(run, example_journal, "commitments")
    today = dt.date.fromisoformat(data["today"])
    dues = {
        short_date(dt.date.fromisoformat(c["due"]), today) for c in data["commitments"] if c["due"]
    }
    assert dues
    for columns in range(40, 80):
        result = run("commitments", journal=example_journal, env={"COLUMNS": str(columns)})
        assert result.exit_code == 0, result
        text = result.stdout
        assert max(len(line) for line in text.splitlines()) <= columns, text
        assert "…" not in text
        for due in dues:
            assert re.search(rf"(?<!\d){re.escape(due)}(?!\d)", text), (columns, due, text)


def test_prep_commitments_at_40_columns_are_blocks(run, example_journal):
    """Too narrow for the date beside the text: each commitment a block, its due date (and
    how often it was carried) under it, whole."""
    result = run("one-on-one", "elena", "--prep", journal=example_journal, env={"COLUMNS": "40"})
    assert result.exit_code == 0, result
    text = _section(result.stdout, "Open commitments", "Stories about")
    assert text.splitlines()[1:] == [
        "  1.  Elena  Layered audits on every",
        "             Dayton shift",
        "    due 2026-12-18",
        "  2.  You    Sit in on one layered audit",
        "    was due 2026-11-20",
        "    carried over 2 times",
        "",
    ]
