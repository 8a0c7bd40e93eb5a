"""`leadwork.cli.main` builds only the command argv names (Typer builds every command it
holds on every run): that CLI must answer exactly as the whole one does. And the whole CLI
the other tests drive (conftest's `run`: built once, run many times) answers as Typer's
own runner does with a CLI built afresh, whatever ran on it before."""

import pytest
from typer.testing import CliRunner

from leadwork.cli.app import app, command_named, make_app

from conftest import BASE_ENV, invoke, whole_cli


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["dashboard"], "dashboard"),
        (["-j", "x", "check"], "check"),
        (["--journal", "x", "--debug", "indicator", "list"], "indicator"),
        (["--journal=x", "review", "strategy"], "review"),
        (["-jx", "map"], "map"),
        (["--debug"], None),
        (["-j"], None),
        (["--help"], None),
        (["--version"], None),
        (["dashbord"], None),  # a typo: the whole CLI says "did you mean"
        (["--nosuch", "check"], None),
        ([], None),
    ],
)
def test_the_command_is_found_only_when_argv_says_it_plainly(argv, named):
    assert command_named(argv) == named


ARGVS = [
    ["dashboard", "--week", "2026-W47", "--format", "markdown"],
    ["dashboard", "-f", "pdf"],
    ["dashboard", "--help"],
    ["check"],
    ["check", "--strict", "--format", "json"],
    ["check", "--nosuch"],
    ["indicator", "list", "--owner", "priya"],
    ["indicator", "show", "dayton-scarp"],
    ["indicator"],
    ["capability", "show", "--help"],
    ["review", "strategy", "--show-only"],
    ["map", "--format", "json"],
    ["reflect", "--from", "2026-W40"],
    ["report", "--from", "2026-W44", "--to", "2026-W48"],
    ["one-on-one", "--due"],
    ["one-on-one", "priya", "--prep", "--format", "markdown"],
    ["story", "--help"],
    ["story"],
]


@pytest.mark.parametrize("argv", ARGVS, ids=" ".join)
def test_one_command_answers_as_the_whole_cli(argv, example_journal):
    name = command_named(["-j", str(example_journal), *argv])
    assert name == argv[0]
    args = ["-j", str(example_journal), *argv]

    def answer(cli):
        result = CliRunner().invoke(cli, args, env=BASE_ENV, prog_name="leadwork")
        return result.exit_code, result.stdout, result.stderr

    built_once = invoke(args, env=BASE_ENV)
    assert answer(make_app(only=name)) == answer(app)
    assert answer(app) == (built_once.exit_code, built_once.stdout, built_once.stderr)


def test_the_built_cli_carries_nothing_from_one_run_to_the_next(
    example_journal, tmp_path, monkeypatch
):
    """Root options (the journal, --debug), options left at their defaults after a run
    that set them, prompts fed and not: each run on the one built command answers as a
    command built afresh for it."""
    monkeypatch.chdir(tmp_path)  # no journal here: only -j finds one
    j = ["-j", str(example_journal)]
    runs = [
        [*j, "--debug", "dashboard", "--week", "2026-W47", "--format", "markdown"],
        ["dashboard"],  # no journal now: the last run's -j must not linger
        [*j, "dashboard"],  # this week, as text: not W47 as markdown
        [*j, "indicator", "list", "--owner", "priya"],
        [*j, "indicator", "list"],
        [*j, "one-on-one", "priya", "--prep", "--format", "markdown"],
        [*j, "one-on-one", "--due"],
        [*j, "check", "--strict", "--format", "json"],
        [*j, "check"],
        ["--version"],
        [*j, "map"],
    ]
    for argv in [*runs, *reversed(runs)]:
        fresh = CliRunner().invoke(make_app(), argv, env=BASE_ENV, prog_name="leadwork")
        again = invoke(argv, env=BASE_ENV, command=whole_cli())
        assert (again.exit_code, again.stdout, again.stderr) == (
            fresh.exit_code,
            fresh.stdout,
            fresh.stderr,
        ), argv
