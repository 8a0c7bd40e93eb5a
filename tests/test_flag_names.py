"""One name for one idea (issue 13, item 4), held to the commands themselves.

docs/cli.md, "One name for one idea", lists every flag of every command and every old
spelling still accepted; the lists here are derived from the Typer app, so a flag added,
renamed or hidden without the table fails. Each shared idea's flag is driven through the
CLI in every command that has it, the old spellings beside the new, and every command's
--help is read for metavars that leak a Python type.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.main import get_command

from leadwork.cli.app import app

from conftest import ROOT

DOCS = ROOT / "docs" / "cli.md"
ROOT_NAME = "leadwork"  # how the table names the root's own options
HELP = {"--help", "-h"}


def _walk(command: Any, path: tuple[str, ...], ctx: typer.Context) -> Iterator[tuple[str, Any]]:
    yield " ".join(path) or ROOT_NAME, command, ctx
    if hasattr(command, "list_commands"):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            yield from _walk(sub, (*path, name), typer.Context(sub, info_name=name, parent=ctx))


@cache
def commands() -> dict[str, list[Any]]:
    """Every command (by its path, `indicator list`; the root is `leadwork`): its params."""
    root = get_command(app)
    return {
        path: list(command.get_params(ctx))
        for path, command, ctx in _walk(root, (), typer.Context(root, info_name="leadwork"))
    }


def options(hidden: bool) -> set[tuple[str, str]]:
    """(command, flag) for every option name, shown in --help or hidden."""
    return {
        (path, name)
        for path, params in commands().items()
        for param in params
        if param.param_type_name == "option" and bool(param.hidden) is hidden
        for name in (*param.opts, *param.secondary_opts)
        if name not in HELP
    }


def leaves() -> list[str]:
    """The commands that run (not the groups), for their --help."""
    groups = {path.rsplit(" ", 1)[0] for path in commands() if " " in path}
    return [path for path in commands() if path != ROOT_NAME and path not in groups]


def section_tables() -> list[list[list[str]]]:
    """The tables of docs/cli.md's "One name for one idea", each a list of rows of cells."""
    text = DOCS.read_text()
    start = text.index("## One name for one idea\n")
    section = text[start : text.index("\n## ", start + 1)]
    tables: list[list[list[str]]] = []
    previous = ""
    for line in section.splitlines():
        if line.startswith("|") and not line.startswith("|---"):
            if not previous.startswith("|"):
                tables.append([])
            tables[-1].append([cell.strip() for cell in line.strip("|").split("|")])
        previous = line
    return [table[1:] for table in tables]  # without the header row


def ticked(cell: str) -> list[str]:
    return re.findall(r"`([^`]+)`", cell)


def documented(table: list[list[str]], flag_column: int, commands_column: int) -> set:
    known = set(commands())
    pairs = set()
    for row in table:
        flags = [word.split()[0] for word in ticked(row[flag_column])]
        named = [word for word in ticked(row[commands_column]) if word in known]
        assert named, f"no command in the row {row}"
        pairs |= {(command, flag) for command in named for flag in flags}
    return pairs


# ---- the table in docs/cli.md is the app's ------------------------------------------------------


def test_the_table_lists_every_flag_of_every_command():
    ideas, _ = section_tables()
    listed = documented(ideas, 1, 2)
    shown = options(hidden=False)
    assert sorted(shown - listed) == [], "flags missing from docs/cli.md's table"
    assert sorted(listed - shown) == [], "flags in docs/cli.md's table that no command has"


def test_the_old_spellings_are_every_hidden_option():
    _, old = section_tables()
    assert documented(old, 0, 2) == options(hidden=True)
    for row in old:  # each names what to write instead, a flag the same commands show
        new = ticked(row[1])[0].split()[0]
        for command in ticked(row[2]):
            assert (command, new) in options(hidden=False)


def test_a_flag_names_one_thing_in_every_command():
    """`-o` is --output wherever it is shown (the old `-o PERSON` is hidden)."""
    meanings: dict[str, set[str]] = {}
    for params in commands().values():
        for param in params:
            if param.param_type_name == "option" and not param.hidden:
                for name in param.secondary_opts + [n for n in param.opts if len(n) == 2]:
                    meanings.setdefault(name, set()).add(max(param.opts, key=len))
    assert {short: long for short, long in meanings.items() if len(long) > 1} == {}
    assert meanings["-o"] == {"--output"}


# ---- --help: plain words, no old spelling --------------------------------------------------------

PYTHON_TYPES = re.compile(
    r"<[a-z]|\b(str|int|float|bool|list|dict|tuple|path|INTEGER|FLOAT|BOOLEAN|UUID)\b"
)


def names_column(help_text: str) -> list[str]:
    """The first column of the Arguments and Options sections: names and metavars."""
    names = []
    listing = False
    for line in help_text.splitlines():
        if line in ("Arguments:", "Options:"):
            listing = True
        elif listing and re.match(r"^  \S", line):
            names.append(re.split(r"\s{2,}", line.strip())[0])
        elif not line.startswith(" "):
            listing = False
    return names


@pytest.mark.parametrize("command", leaves())
def test_help_names_values_in_plain_words(run, command):
    result = run(*command.split(), "--help")
    assert result.exit_code == 0, result
    names = names_column(result.stdout)
    assert names, result.stdout
    leaks = [name for name in names if PYTHON_TYPES.search(name)]
    assert leaks == []
    usage = result.stdout.splitlines()[0]
    assert not re.search(r"[\[{][a-z]", usage), usage  # arguments in capitals, as metavars
    hidden = {flag for path, flag in options(hidden=True) if path == command}
    shown = {word for name in names for word in re.split(r"[ ,]+", name)}
    assert hidden & shown == set()


def test_the_root_help_names_values_in_plain_words(run):
    names = names_column(run("--help").stdout)
    assert names and not [name for name in names if PYTHON_TYPES.search(name)]


# ---- each idea's flag works in every command that has it, and so do the old spellings ---------


def same_view(run, journal: Path, *lines: tuple[str, ...]) -> str:
    """Each command line prints the same thing and exits 0; that thing."""
    results = [run(*line, journal=journal) for line in lines]
    for result in results:
        assert result.exit_code == 0, result
    assert len({result.stdout for result in results}) == 1
    return results[0].stdout


PREP = [
    ("one-on-one", "marcus"),
    ("review", "strategy"),
    ("review", "capability"),
    ("review", "capability", "dependable-scheduling"),
]


@pytest.mark.parametrize("command", PREP, ids=" ".join)
def test_prep_shows_and_records_nothing(run, example_journal, command):
    from conftest import tree_hash

    before = tree_hash(example_journal)
    text = same_view(run, example_journal, (*command, "--prep"))
    assert text.strip()
    json_text = same_view(run, example_journal, (*command, "--prep", "--format", "json"))
    assert json_text.lstrip().startswith(("{", "["))
    assert tree_hash(example_journal) == before


@pytest.mark.parametrize("command", [c for c in PREP if c[0] == "review"], ids=" ".join)
def test_show_only_is_prep(run, example_journal, command):
    same_view(run, example_journal, (*command, "--prep"), (*command, "--show-only"))


OUTPUT = [
    ("dashboard",),
    ("report",),
    ("indicator", "export"),
]


@pytest.mark.parametrize("command", OUTPUT, ids=" ".join)
@pytest.mark.parametrize("flag", ["--output", "-o"])
def test_output_writes_the_file(run, example_journal, tmp_path, command, flag):
    target = tmp_path / "out.txt"
    result = run(*command, flag, str(target), journal=example_journal)
    assert result.exit_code == 0, result
    assert target.read_text().strip()


@pytest.mark.parametrize("flag", ["--output", "-o"])
def test_schema_output_writes_the_folder(run, tmp_path, flag):
    folder = tmp_path / "schemas"
    result = run("schema", flag, str(folder))
    assert result.exit_code == 0, result
    assert list(folder.glob("*.json"))


@pytest.mark.parametrize("command", [("indicator", "list"), ("capability", "list")], ids=" ".join)
def test_owner_and_its_old_short_form(run, example_journal, command):
    mine = run(*command, "--owner", "marcus", "--format", "json", journal=example_journal)
    assert mine.exit_code == 0, mine
    assert mine.stderr == ""
    everyone = run(*command, "--format", "json", journal=example_journal)
    assert mine.stdout != everyone.stdout  # it filters
    old = run(*command, "-o", "marcus", "--format", "json", journal=example_journal)
    assert (old.exit_code, old.stdout) == (0, mine.stdout)
    assert "-o for --owner is an old spelling" in old.stderr
    assert "write --owner" in old.stderr
    both = run(*command, "--owner", "marcus", "-o", "me", journal=example_journal)
    assert both.exit_code == 2
    assert "-o is the old spelling of --owner" in both.stderr


CELEBRATE = (
    "one-on-one", "marcus", "--no-input", "--progress", "Scrap jumped with the first lots.",
    "--no-plan", "dayton-scrap", "--done", "1", "--carried", "2",
    "--celebrate", "Marcus caught the bar problem in the first lot.",
)  # fmt: skip


def stories(journal: Path) -> list[dict[str, Any]]:
    data = tomllib.loads((journal / "checkins" / "2026-W48.toml").read_text())
    return list(data.get("stories", []))


@pytest.mark.parametrize("flag", ["--story-choice", "--story"])
def test_one_on_one_story_choice_and_its_old_spelling(run, example_journal, flag):
    before = stories(example_journal)
    result = run(*CELEBRATE, flag, "quality-first", journal=example_journal)
    assert result.exit_code == 0, result
    added = stories(example_journal)[len(before) :]
    assert [(s["who"], s["choice"]) for s in added] == [("marcus", "quality-first")]


def test_one_on_one_story_choice_and_story_must_agree(run, example_journal):
    from conftest import tree_hash

    before = tree_hash(example_journal)
    result = run(
        *CELEBRATE, "--story-choice", "quality-first", "--story", "purpose",
        journal=example_journal,
    )  # fmt: skip
    assert result.exit_code == 2
    assert "--story is the old spelling of --story-choice" in result.stderr
    assert tree_hash(example_journal) == before
    same = run(
        *CELEBRATE, "--story-choice", "quality-first", "--story", "quality-first",
        journal=example_journal,
    )  # fmt: skip
    assert same.exit_code == 0, same


def test_the_hints_name_the_new_flag(run, example_journal):
    without = [word for word in CELEBRATE if not word.startswith("Marcus")]
    without.remove("--celebrate")
    result = run(*without, "--story-choice", "purpose", journal=example_journal)
    assert result.exit_code == 2
    assert "--story-choice: a story needs something to celebrate" in result.stderr


def test_checkin_story_choice(run, example_journal):
    before = stories(example_journal)
    result = run(
        "checkin", "--no-input", "--story", "Ana ran the huddle.", "--story-choice",
        "quality-first", journal=example_journal,
    )  # fmt: skip
    assert result.exit_code == 0, result
    added = stories(example_journal)[len(before) :]
    assert [s["choice"] for s in added] == ["quality-first"]


def done_steps(journal: Path) -> int:
    return (journal / "capabilities.toml").read_text().count("done = 2026-11-27")


@pytest.mark.parametrize(
    "line",
    [
        ("checkin", "--no-input", "--step-done", "coaching-supervisors:2"),
        ("review", "capability", "coaching-supervisors", "--no-input", "--step-done", "2"),
        ("review", "capability", "coaching-supervisors", "--no-input", "--step", "2"),
    ],
    ids=["checkin --step-done", "review --step-done", "review --step (old)"],
)
def test_step_done_marks_the_step(run, example_journal, line):
    before = done_steps(example_journal)
    result = run(*line, journal=example_journal)
    assert result.exit_code == 0, result
    assert done_steps(example_journal) == before + 1


def test_review_step_needs_an_id_named_by_its_new_flag(run, example_journal):
    result = run("review", "capability", "--step-done", "2", journal=example_journal)
    assert result.exit_code == 2
    assert "--step-done needs a capability ID" in result.stderr


@pytest.mark.parametrize("command", sorted({path for path, _ in options(hidden=True)}))
def test_tab_offers_the_names_not_the_old_spellings(run, command):
    """Typer's own completion (the fast completer is compared with it in test_completion)."""
    line = f"leadwork {command} -"
    env = {"_LEADWORK_COMPLETE": "complete_bash", "COMP_WORDS": line}
    env["COMP_CWORD"] = str(len(line.split(" ")) - 1)
    answer = run(env=env).stdout
    assert "Usage:" not in answer  # the completion, not the help
    offered = set(answer.split())
    shown = {flag for path, flag in options(hidden=False) if path == command}
    hidden = {flag for path, flag in options(hidden=True) if path == command}
    assert shown <= offered
    assert hidden & offered == set()
