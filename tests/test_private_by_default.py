"""Private by default (issue 16, item 2): the time audit, confidence ratings, reflections
and one-on-one notes stay out of everything meant to be shared (markdown, HTML, SVG, the
report in any format) unless `--private`; the terminal dashboard, which only the leader
sees, and the dashboard's JSON, for the leader's scripts, keep them. `reflect` holds
nothing else, so its markdown is refused without `--private`; its terminal view and JSON
are the leader's own."""

from __future__ import annotations

import json
import tomllib
from html import escape

import pytest

from leadwork.errors import UsageProblem
from leadwork.render.sharing import (
    PRIVATE_SECTIONS,
    private_sections,
    refuse_only_private,
    shared,
)

QUARTER = ["--from", "2026-W36", "--to", "2026-W48"]
# What only the private sections say, in the words each output uses
TIME_WORDS = (
    "Where the hours went",
    "Time audit",
    "Someone else's job:",
    "someone else's job share",
)
CONFIDENCE_WORDS = ("Confidence per area", "Confidence W48", "1 = not confident")
SHARED = [
    ("report", "markdown"),
    ("report", "html"),
    ("dashboard", "markdown"),
    ("dashboard", "html"),
    ("dashboard", "svg"),
]


def output(run, journal, command, format, *extra):
    args = [command, *(QUARTER if command == "report" else []), "--format", format, *extra]
    result = run(*args, journal=journal)
    assert result.exit_code == 0, result
    return result.stdout


def reflections(journal) -> list[str]:
    texts = []
    for path in (journal / "checkins").glob("*.toml"):
        reflection = tomllib.loads(path.read_text()).get("reflection", {})
        texts += [t for t in reflection.values() if isinstance(t, str) and len(t) > 20]
    assert texts
    return texts


def one_on_one_notes(journal) -> list[str]:
    texts = []
    for path in (journal / "one-on-ones").rglob("*.toml"):
        data = tomllib.loads(path.read_text())
        keys = ("progress", "plan", "note", "celebrate")
        texts += [data[k] for k in keys if isinstance(data.get(k), str)]
    return [t for t in texts if len(t) > 20]


def words_in(text: str, words: tuple[str, ...]) -> list[str]:
    flat = " ".join(text.replace("&#160;", " ").split())
    return [w for w in words if w in flat or escape(w) in flat]


def test_one_function_decides():
    assert not shared("dashboard", "text") and not shared("dashboard", "json")
    assert not shared("reflect", "text") and not shared("reflect", "json")
    assert shared("reflect", "markdown")
    for command, format in [*SHARED, ("report", "json")]:
        assert shared(command, format)
        assert private_sections(command, format, False) == frozenset()
        assert private_sections(command, format, True) == PRIVATE_SECTIONS
    assert private_sections("dashboard", "text", False) == PRIVATE_SECTIONS


@pytest.mark.parametrize(("command", "format"), SHARED)
def test_shared_outputs_leave_the_private_sections_out(run, example_journal, command, format):
    text = output(run, example_journal, command, format)
    assert words_in(text, TIME_WORDS) == []
    assert words_in(text, CONFIDENCE_WORDS) == []
    for private in reflections(example_journal) + one_on_one_notes(example_journal):
        assert " ".join(private.split()) not in " ".join(text.split())


@pytest.mark.parametrize(("command", "format"), SHARED)
def test_private_puts_them_back(run, example_journal, command, format):
    text = output(run, example_journal, command, format, "--private")
    assert words_in(text, TIME_WORDS)
    if format != "svg":  # the SVG's confidence is in the same table, as sparklines
        assert words_in(text, CONFIDENCE_WORDS)


def test_the_agenda_sent_ahead_holds_no_note(run, example_journal):
    """The one-on-one agenda (markdown, sent to the person) never shows the notes."""
    notes = one_on_one_notes(example_journal)
    assert notes
    for person in ("marcus", "tom", "priya"):
        agenda = run("one-on-one", person, "--prep", "-f", "markdown", journal=example_journal)
        assert agenda.exit_code == 0, agenda
        flat = " ".join(agenda.stdout.split())
        assert not [n for n in notes if " ".join(n.split()) in flat]


def test_the_report_json_leaves_out_the_keys(run, example_journal):
    shared_data = json.loads(output(run, example_journal, "report", "json"))
    private = json.loads(output(run, example_journal, "report", "json", "--private"))
    hidden = {
        "time",
        "time_average_share",
        "time_warning_percent",
        "weeks_over_time_warning",
        "confidence",
        "confidence_average",
    }
    assert hidden.isdisjoint(shared_data)
    assert hidden <= set(private)
    assert set(private) - set(shared_data) == hidden
    assert shared_data["needs_you"] and shared_data["conversations"]


def test_the_terminal_dashboard_keeps_them(run, example_journal):
    result = run("dashboard", "--full", journal=example_journal)
    assert result.exit_code == 0, result
    assert words_in(result.stdout, ("Where the hours went", "Someone else's job"))
    assert "Confidence" in result.stdout
    data = json.loads(output(run, example_journal, "dashboard", "json"))
    assert data["your_work"]["hours"]["this_week"] and data["your_work"]["confidence"]


def test_a_time_finding_stays_out_of_needs_you_when_shared(run, example_journal):
    """W37 to W40 were over the time warning: the dashboard of W38 says so in "Needs you" on
    the terminal, not in the markdown or HTML sent without --private."""
    terminal = run("dashboard", "--week", "2026-W38", "--full", journal=example_journal).stdout
    assert "someone else's job" in terminal.lower()
    for format in ("markdown", "html"):
        text = run("dashboard", "--week", "2026-W38", "-f", format, journal=example_journal).stdout
        assert "someone else's job" not in text.lower()
        assert "someone else&#x27;s job" not in text.lower()


# ---- reflect: nothing in it is not private ---------------------------------------------------


def test_reflect_markdown_without_private_is_refused_and_writes_nothing(run, example_journal):
    """All reflect shows is confidence ratings and reflections: a page meant to be shared
    without them would be empty, so it is refused, saying what to add."""
    result = run("reflect", "--format", "markdown", journal=example_journal)
    assert result.exit_code == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line == (
        "leadwork: error: reflect --format markdown: all it holds is private (your confidence "
        "ratings and reflections); add --private to write it"
    )


def test_reflect_is_refused_before_the_journal_is_read(run, example_journal):
    """The refusal is about the flags: a broken check-in does not come first."""
    week = example_journal / "checkins" / "2026-W48.toml"
    week.write_text(week.read_text() + "\nnot toml at all [[[\n")
    result = run("reflect", "-f", "markdown", journal=example_journal)
    assert result.exit_code == 2
    assert "--private" in result.stderr and "2026-W48.toml" not in result.stderr


def test_reflect_markdown_with_private_holds_them(run, example_journal):
    text = output(run, example_journal, "reflect", "markdown", "--private")
    flat = " ".join(text.split())
    assert "## Confidence by week" in text
    assert words_in(text, ("1 (low) to 5 (high)",))
    mine = reflections(example_journal)
    assert [r for r in mine if " ".join(r.split()).replace("*", "\\*") in flat]


def test_reflect_for_the_leader_alone_needs_no_flag(run, example_journal):
    """The terminal view and the JSON, for the leader's own scripts, are as they were."""
    text = run("reflect", journal=example_journal, env={"COLUMNS": "100"})
    assert text.exit_code == 0, text
    assert (
        text.stdout
        == run("reflect", "--private", journal=example_journal, env={"COLUMNS": "100"}).stdout
    )
    assert "Challenges" in text.stdout and "average" in text.stdout
    data = json.loads(output(run, example_journal, "reflect", "json"))
    assert data == json.loads(output(run, example_journal, "reflect", "json", "--private"))
    assert data["weeks"][-1]["alignment"] and data["weeks"][-1]["challenge"]


def test_only_commands_that_hold_nothing_else_are_refused():
    with pytest.raises(UsageProblem, match="add --private"):
        refuse_only_private("reflect", "markdown", False)
    refuse_only_private("reflect", "markdown", True)
    refuse_only_private("reflect", "text", False)
    refuse_only_private("reflect", "json", False)
    for command, format in [*SHARED, ("report", "json")]:
        refuse_only_private(command, format, False)  # their other sections remain
