"""Shell completion: commands, flags, ids and weeks from the journal at hand, answered fast.

The fast completer (`leadwork.cli.complete`) must answer exactly as Typer would: the tests
run both on the same command lines and compare the output byte for byte, for each shell.
Its command tree is derived from the app (`leadwork.cli.derive`) into the test session's
cache folder (conftest's LEADWORK_CACHE_DIR), as the first Tab press of a person does.
"""

import os
import re
import shlex
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.core import TyperCommand, TyperGroup
from typer.main import get_command

from leadwork.cli import cache as cli_cache
from leadwork.cli import complete, complete_values, derive
from leadwork.cli.app import app

from conftest import BASE_ENV, invoke

BIN = Path(sys.executable).parent


def shell_env(shell: str, line: str) -> dict[str, str]:
    """What Typer's completion script for `shell` sets when Tab is pressed after `line`."""
    env = {complete.COMPLETE_VAR: f"complete_{shell}"}
    if shell == "bash":
        words = line.split(" ")
        env["COMP_WORDS"] = line
        env["COMP_CWORD"] = str(len(words) - 1)
    elif shell.startswith("fish"):
        shell, _, action = shell.partition(":")
        env[complete.COMPLETE_VAR] = "complete_fish"
        env["_TYPER_COMPLETE_ARGS"] = line
        env["_TYPER_COMPLETE_FISH_ACTION"] = action or "get-args"
    elif shell == "powershell":
        env["_TYPER_COMPLETE_ARGS"] = line
        env["_TYPER_COMPLETE_WORD_TO_COMPLETE"] = line.rsplit(" ", 1)[-1]
    else:
        env["_TYPER_COMPLETE_ARGS"] = line
    return env


def fill_cache() -> None:
    """What the first Tab press of a person leaves in the cache: Typer's answers."""
    assert cli_cache.store(derive.root_help(app), derive.command_tree(app))


@pytest.fixture(autouse=True, scope="module")
def cached_tree():
    fill_cache()


@pytest.fixture(autouse=True)
def fixed_environment(monkeypatch):
    """The process environment is the tests' own, as in a real Tab press: the values
    (this week among them) read it, as Typer's completion callbacks do."""
    for name, value in BASE_ENV.items():
        monkeypatch.setenv(name, value)


def fast(env: dict[str, str]) -> tuple[str, int]:
    response = complete.respond({**os.environ, **env})
    assert response is not None, "the fast completer declined"
    text, code = response
    return ("" if text is None else text + "\n"), code


@cache
def typer_cli() -> Any:
    """The whole CLI, built once for these comparisons alone: click keeps each command's
    help option once made, so it must first be made under `stable_help_option` (conftest's
    `whole_cli()` may have made them, unpinned, in an earlier test of this process)."""
    return get_command(app)


def typer_answer(env: dict[str, str]) -> tuple[str, int]:
    result = invoke([], env={**BASE_ENV, **env}, command=typer_cli())
    return result.stdout, result.exit_code


def items(line: str, shell: str = "bash") -> list[str]:
    text, _ = fast(shell_env(shell, line))
    return [value for value in text.split("\n") if value]


# ---- the tree is the app's ---------------------------------------------------------------------


def test_the_cached_tree_is_the_apps():
    assert cli_cache.load_tree() == derive.command_tree(app)
    indicator = derive.command_tree(app)["commands"]["indicator"]
    show = indicator["commands"]["show"]
    assert show["arguments"][0]["complete"] == "indicators"
    assert show["options"][0]["names"][0].startswith("-")


def test_every_completer_is_one_of_leadworks_kinds():
    """derive learns each parameter's kind by asking it: each must answer the probe."""

    def kinds(node):
        for param in [*node["options"], *node["arguments"]]:
            if isinstance(param["complete"], str):
                yield param["complete"]
        for sub in node["commands"].values():
            yield from kinds(sub)

    found = set(kinds(derive.command_tree(app)))
    assert found == set(complete_values.VALUES)


def test_a_command_added_later_is_completed_with_no_step_to_run(tmp_path, monkeypatch):
    """Another engineer's new command: the tree comes from the app, whatever it holds."""
    extra = typer.Typer()

    @extra.command("export")
    def export(
        indicator: str = typer.Argument(autocompletion=complete_values.indicators),
        fmt: str = typer.Option("csv", "--format", help="csv or json"),
    ) -> None: ...

    @extra.command("import")
    def import_(path: str) -> None: ...

    bigger = typer.Typer()
    bigger.add_typer(extra, name="indicator")
    tree = derive.command_tree(bigger)
    assert tree["commands"]["indicator"]["commands"]["export"]["arguments"][0]["complete"] == (
        "indicators"
    )


# ---- same answers as Typer ---------------------------------------------------------------------

LINES = [
    "leadwork ",
    "leadwork c",
    "leadwork -",
    "leadwork --",
    "leadwork --j",
    "leadwork --journal",
    "leadwork --debug ch",
    "leadwork check -",
    "leadwork check --format ",
    "leadwork check --format j",
    "leadwork check --format=",
    "leadwork check --strict --",
    "leadwork check --strict -f js",
    "leadwork schema ",
    "leadwork schema c",
    "leadwork schema team ",
    "leadwork init --",
    "leadwork init ",
    "leadwork nosuch ",
    'leadwork "che',
    "leadwork indicator ",
    "leadwork indicator show ",
    "leadwork indicator show d",
    "leadwork indicator show dayton-scrap ",
    "leadwork indicator list --owner ",
    "leadwork indicator list -o p",
    "leadwork indicator list --owner=g",
    "leadwork indicator list --week 2026-W4",
    "leadwork indicator list --all --format ",
    "leadwork capability show ",
    "leadwork capability list --owner m",
    "leadwork edit ",
    "leadwork edit one-on-ones/2026-11",
    "leadwork edit 2026-W3",
    "leadwork dashboard --week 2026-W4",
    "leadwork dashboard -f ",
    "leadwork checkin --reading d",
    "leadwork checkin --week 2026-W4",
    "leadwork checkin --step-done q",
    "leadwork story --who ",
    "leadwork conversation --with ",
    "leadwork one-on-one priya --plan g",
    "leadwork review capability ",
    "leadwork indicator add x --serves ",
]
SHELLS = ["bash", "zsh", "fish:get-args", "fish:is-args", "powershell"]


def _declared_help_names(self, ctx):
    used = {name for param in self.params for name in (*param.opts, *param.secondary_opts)}
    return [name for name in ctx.help_option_names if name not in used]


@pytest.fixture
def stable_help_option(monkeypatch):
    """Click keeps the help option's names in a set, so Typer lists `-h` and `--help` in
    either order from one process to the next; pin the declared order for comparisons
    (on Typer's public command classes, which inherit Click's public method)."""
    for command_class in (TyperCommand, TyperGroup):
        monkeypatch.setattr(command_class, "get_help_option_names", _declared_help_names)


def same_text(text: str) -> str:
    """Typer renders help texts with rich, which wraps them at 80 columns even inside a
    zsh or fish completion item; the fast completer does not. Compare modulo whitespace."""
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("shell", SHELLS)
@pytest.mark.parametrize("line", LINES)
def test_fast_completion_answers_exactly_as_typer_does(
    line, shell, example_journal, monkeypatch, stable_help_option
):
    monkeypatch.chdir(example_journal)
    env = shell_env(shell, line)
    (ours, our_code), (theirs, their_code) = fast(env), typer_answer(env)
    assert our_code == their_code
    if shell == "bash":
        assert ours == theirs
    else:
        assert same_text(ours) == same_text(theirs)


# ---- what a person gets ------------------------------------------------------------------------


def test_commands_and_flags():
    commands = {"init", "check", "schema", "edit", "report", "indicator", "capability"}
    assert commands <= set(items("leadwork "))
    assert items("leadwork indicator ") == ["list", "show", "add", "change", "export", "import"]
    assert items("leadwork ch") == ["check", "checkin"]
    assert items("leadwork check --") == ["--strict", "--format", "--help"]
    assert items("leadwork check --format ") == ["text", "json"]
    assert "--journal" in items("leadwork --")
    # An option already given is not offered again.
    assert "--strict" not in items("leadwork check --strict --")


def test_ids_and_weeks_from_the_journal_in_the_current_folder(example_journal, monkeypatch):
    monkeypatch.chdir(example_journal / "checkins")  # anywhere inside the journal
    assert items("leadwork indicator show d") == [
        "dayton-otd",
        "dayton-scrap",
        "discovery-meetings",
    ]
    people = ["marcus", "priya", "elena", "tom", "grace"]
    assert items("leadwork indicator list --owner ") == [*people, "me"]
    assert items("leadwork capability show c") == ["consultative-selling", "coaching-supervisors"]
    weeks = items("leadwork indicator list --week ")
    assert weeks[:3] == ["2026-W48", "2026-W47", "2026-W46"]  # this week first, then newest
    assert len(weeks) == 20
    assert items("leadwork edit 2026-W3")[:2] == ["2026-W39", "2026-W38"]
    assert items("leadwork edit t") == ["team"]
    # One-on-ones and reviews once their folder is typed, so a year of them does not
    # drown the short names.
    assert not [i for i in items("leadwork edit ") if "/" in i]
    assert items("leadwork edit one-on-ones/2026-11-2") == [
        "one-on-ones/2026-11-25-tom.toml",
        "one-on-ones/2026-11-24-priya.toml",
    ]


def test_every_option_that_names_something_from_the_journal_completes_it(
    example_journal, monkeypatch
):
    """Each command's own values: what a person would otherwise look up in the files."""
    monkeypatch.chdir(example_journal)
    assert items("leadwork checkin --reading dayton-") == ["dayton-otd=", "dayton-scrap="]
    assert items("leadwork checkin -r dayton-scrap=") == []  # the value is the person's
    assert items("leadwork checkin --story-who p") == ["priya"]
    assert items("leadwork checkin --story-choice g") == ["grow-medical"]
    assert items("leadwork checkin --conversation-with s") == ["supplier"]
    assert items("leadwork checkin --step-done coa") == ["coaching-supervisors:"]
    assert items("leadwork checkin --week 2026-W47") == ["2026-W47"]
    assert items("leadwork checkin --week 2026-w47") == ["2026-W47"]  # typed as it is read
    assert items("leadwork story --who e") == ["elena"]
    assert items("leadwork story --choice d") == ["dependable-delivery"]
    assert items("leadwork story --week 2026-W46") == ["2026-W46"]
    from leadwork.model.words import DEFAULT_CONVERSATION_KINDS

    assert items("leadwork conversation --with ") == list(DEFAULT_CONVERSATION_KINDS)
    assert items("leadwork one-on-one priya --plan greenville-o") == ["greenville-otd="]
    assert items("leadwork review capability co") == [
        "consultative-selling",
        "coaching-supervisors",
    ]
    assert items("leadwork review strategy -p t") == ["tom"]
    assert items("leadwork reflect --from 2026-W30") == ["2026-W30"]
    assert "grow-medical" in items("leadwork indicator add x --serves g")
    assert "machinist-pipeline" in items("leadwork indicator add x --serves m")


# Metavars that name an id, a week or a fixed kind: an option with one must complete.
JOURNAL_METAVARS = re.compile(
    r"^(PERSON|ID|YYYY-Www|KIND|ID=VALUE|INDICATOR=PLAN|INDICATOR|CAPABILITY:N)$"
)


# A new indicator's id names nothing that exists yet.
NEW_IDS = {("leadwork indicator add", "id")}


def test_no_option_naming_a_journal_value_is_left_without_completion():
    def params(command, path):
        for param in command.params:
            yield path, param
        for name, sub in getattr(command, "commands", {}).items():
            yield from params(sub, f"{path} {name}")

    def completes(command, param):
        probe = typer.Context(command, obj=complete_values.Probe())
        return any(
            str(item.value).startswith(complete_values.KIND_PROBE)
            for item in param.shell_complete(probe, "")
        )

    missing = [
        f"{path} {param.name} ({param.metavar})"
        for path, param in params(get_command(app), "leadwork")
        if param.metavar
        and JOURNAL_METAVARS.match(param.metavar)
        and not completes(get_command(app), param)
        and (path, param.name) not in NEW_IDS
    ]
    assert not missing, f"add autocompletion= from complete_values to: {missing}"


def test_the_leaders_id_is_the_models():
    from leadwork.model.words import ME

    assert ME == complete_values.ME


def test_the_conversation_kinds_are_the_journals(example_journal, monkeypatch):
    """Read by the store, as the commands read them: the journal's own list."""
    monkeypatch.chdir(example_journal)
    config = example_journal / "leadwork.toml"
    text = config.read_text()
    marker = "[settings]\n" if "[settings]\n" in text else None
    if marker:
        text = text.replace(marker, marker + 'conversation_kinds = ["board", "bank"]\n', 1)
    else:
        text += '\n[settings]\nconversation_kinds = ["board", "bank"]\n'
    config.write_text(text)
    assert items("leadwork conversation --with ") == ["board", "bank"]
    assert items("leadwork conversation --with b") == ["board", "bank"]


def test_a_wrong_today_offers_the_check_in_weeks_only(example_journal, monkeypatch):
    monkeypatch.chdir(example_journal)
    monkeypatch.setenv("LEADWORK_TODAY", "not-a-day")
    text, _ = fast(shell_env("fish", "leadwork indicator list --week "))
    assert "this week" not in text  # the command itself will say what is wrong
    assert text.startswith("2026-W48\tcheck-in\n")


def test_ids_from_the_journal_named_by_option_or_environment(
    example_journal, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    assert items("leadwork indicator show g") == []  # no journal here: nothing, no error
    assert items(f"leadwork --journal {example_journal} indicator show g") == [
        "greenville-otd",
        "greenville-changeover",
    ]
    assert items(f"leadwork -j {example_journal} capability show m") == ["machinist-pipeline"]
    monkeypatch.setenv("LEADWORK_JOURNAL", str(example_journal))
    assert items("leadwork indicator list --owner e") == ["elena"]


def test_this_week_is_offered_even_before_its_check_in(fresh_journal, monkeypatch):
    monkeypatch.chdir(fresh_journal)
    assert items("leadwork indicator list --week ") == ["2026-W48"]
    text, _ = fast(shell_env("fish", "leadwork indicator list --week "))
    assert text == "2026-W48\tthis week\n"


def test_a_broken_file_completes_nothing_and_says_nothing(example_journal, monkeypatch):
    monkeypatch.chdir(example_journal)
    (example_journal / "team.toml").write_text("[[people]\nid = ")
    assert fast(shell_env("bash", "leadwork story --who ")) == ("\n", 0)
    assert items("leadwork indicator list --owner ") == ["me"]  # you, whatever the team
    assert items("leadwork indicator show dayton-s") == ["dayton-scrap"]


def test_zsh_and_fish_show_help_next_to_each_candidate():
    text, _ = fast(shell_env("zsh", "leadwork ch"))
    assert text.startswith('_arguments \'*: :(("check":"Validate every file and every')
    text, _ = fast(shell_env("fish", "leadwork check --st"))
    assert text == "--strict\tTreat warnings as problems (exit 1).\n"
    # Nothing to offer: zsh and fish fall back to file names.
    assert fast(shell_env("zsh", "leadwork init ")) == ("_files\n", 0)
    assert fast(shell_env("fish:is-args", "leadwork init ")) == ("", 1)


# ---- fast: the completer imports neither Typer nor the core --------------------------------------

PROBE = """
import os, sys
os.environ.update({env!r})
try:
    from leadwork.cli import main
    main()
except SystemExit:
    pass
heavy = sorted(m for m in ("typer", "rich", "pydantic", "tomlkit", "tomli_w") if m in sys.modules)
print("HEAVY=" + ",".join(heavy), file=sys.stderr)
"""


@pytest.mark.parametrize(
    "line",
    [
        "leadwork ",
        "leadwork check --format ",
        "leadwork indicator show ",
        "leadwork indicator list --owner ",
        "leadwork edit 2026-W4",
    ],
)
def test_completion_imports_neither_typer_nor_the_core(line, example_journal, monkeypatch):
    monkeypatch.chdir(example_journal)
    env = shell_env("bash", line)
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(env=env)],
        capture_output=True,
        text=True,
        check=True,
        cwd=example_journal,
    )
    assert result.stderr.strip().splitlines()[-1] == "HEAVY="
    assert result.stdout.split() == items(line)


# ---- the real shells ---------------------------------------------------------------------------


def bash_complete(line: str, cwd: Path, env: dict[str, str] | None = None) -> list[str]:
    """Source Typer's bash script (as --install-completion does) and press Tab after `line`."""
    script = subprocess.run(
        [BIN / "leadwork", "--show-completion", "bash"],
        capture_output=True,
        text=True,
        env={**os.environ, "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"},
    )
    if script.returncode != 0 or "complete -o default" not in script.stdout:
        script = subprocess.run(
            [BIN / "leadwork"],
            capture_output=True,
            text=True,
            env={**os.environ, complete.COMPLETE_VAR: "source_bash"},
        )
    words = " ".join(shlex.quote(word) for word in line.split(" "))
    # What bash does on Tab: set COMP_WORDS and COMP_CWORD, call the function with the
    # command's name; then show what it offered.
    driver = "\n".join(
        [
            script.stdout,
            f"COMP_WORDS=({words})",
            f"COMP_CWORD={len(line.split(' ')) - 1}",
            "_leadwork_completion leadwork",
            'printf "%s\\n" "${COMPREPLY[@]}"',
        ]
    )
    result = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", driver],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "PATH": f"{BIN}:{os.environ['PATH']}", **BASE_ENV, **(env or {})},
    )
    assert result.returncode == 0, result.stderr
    return [w for w in result.stdout.split("\n") if w]


@pytest.mark.skipif(shutil.which("bash") is None, reason="no bash")
def test_bash_completes_through_the_installed_script(example_journal):
    assert bash_complete("leadwork ch", example_journal) == ["check", "checkin"]
    assert bash_complete("leadwork check --format ", example_journal) == ["text", "json"]
    assert bash_complete("leadwork indicator show dayton-", example_journal) == [
        "dayton-otd",
        "dayton-scrap",
    ]


def test_show_and_install_completion_still_work(tmp_path):
    shown = subprocess.run(
        [BIN / "leadwork", "--show-completion", "bash"],
        capture_output=True,
        text=True,
        env={**os.environ, "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"},
    )
    if shown.returncode != 0:  # this Typer detects the shell itself
        shown = subprocess.run(
            [BIN / "leadwork", "--show-completion"],
            capture_output=True,
            text=True,
            env={**os.environ, "SHELL": "/bin/bash"},
        )
    assert shown.returncode == 0, shown.stderr
    assert "_LEADWORK_COMPLETE=complete_bash" in shown.stdout
    installed = subprocess.run(
        [BIN / "leadwork", "--install-completion"],
        capture_output=True,
        text=True,
        env={**os.environ, "HOME": str(tmp_path), "SHELL": "/bin/bash"},
    )
    assert installed.returncode == 0, installed.stderr
    script = tmp_path / ".bash_completions" / "leadwork.sh"
    assert "_LEADWORK_COMPLETE=complete_bash" in script.read_text()
    assert f"source '{script}'" in (tmp_path / ".bashrc").read_text()


@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed")
def test_fish_completes_through_its_script(example_journal, tmp_path):
    env = {**os.environ, "PATH": f"{BIN}:{os.environ['PATH']}", **BASE_ENV}
    script = subprocess.run(
        [BIN / "leadwork"],
        capture_output=True,
        text=True,
        env={**env, complete.COMPLETE_VAR: "source_fish"},
    )
    assert script.returncode == 0, script.stderr
    (tmp_path / "leadwork.fish").write_text(script.stdout)

    def tab(line: str) -> list[str]:
        result = subprocess.run(
            [
                "fish",
                "--no-config",
                "-c",
                f"source {tmp_path / 'leadwork.fish'}; complete -C '{line}'",
            ],
            capture_output=True,
            text=True,
            cwd=example_journal,
            env=env,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.splitlines()

    assert tab("leadwork indicator show dayton-") == [
        "dayton-otd\tDayton on-time delivery",
        "dayton-scrap\tDayton scrap rate",
    ]
    assert tab("leadwork indicator list --owner m") == ["marcus\tMarcus Reyes"]


def test_completion_finds_the_journal_where_leadwork_does(example_journal, tmp_path, monkeypatch):
    from leadwork.cli.complete_values import journal_root
    from leadwork.errors import JournalNotFound
    from leadwork.store.locate import find_journal

    def leadwork_finds(option):
        try:
            return find_journal(Path(option) if option else None, os.environ, Path.cwd())
        except JournalNotFound:
            return None

    monkeypatch.delenv("LEADWORK_JOURNAL", raising=False)
    (tmp_path / "plain").mkdir()
    cases = [
        (example_journal / "checkins", None, None),
        (tmp_path, None, None),
        (tmp_path, "northfield", None),
        (tmp_path, "plain", None),
        (tmp_path, "missing", None),
        (tmp_path / "plain", None, str(example_journal)),
        (tmp_path / "plain", None, "../northfield"),
        (tmp_path / "plain", "..", str(example_journal)),
    ]
    for cwd, option, env in cases:
        monkeypatch.chdir(cwd)
        if env is None:
            monkeypatch.delenv("LEADWORK_JOURNAL", raising=False)
        else:
            monkeypatch.setenv("LEADWORK_JOURNAL", env)
        assert journal_root(option) == leadwork_finds(option), (cwd, option, env)


def test_a_story_choice_is_not_offered_once_retired(example_journal, monkeypatch):
    """Trial 22, finding 5: a story of this week may not name a choice retired before it
    began (`checkin.story_choice`), so Tab does not offer one."""
    with (example_journal / "strategy.toml").open("a") as f:
        f.write('\n[[choices]]\nid = "gone-east"\nstatement = "East."\nretired_on = 2026-11-18\n')
        f.write('\n[[choices]]\nid = "going-west"\nstatement = "West."\nretired_on = 2026-12-01\n')
    monkeypatch.chdir(example_journal)
    assert items("leadwork story --choice go") == ["going-west"]  # retired later: live now
    assert items("leadwork checkin --story-choice go") == ["going-west"]


def test_a_retired_capability_is_not_offered_for_step_done(example_journal, monkeypatch):
    with (example_journal / "capabilities.toml").open("a") as f:
        f.write(
            '\n[[capabilities]]\nid = "coal-ops"\nname = "Coal"\nkind = "individual"\n'
            "level = 1\ntarget = 2\nretired_on = 2026-11-18\n"
        )
    monkeypatch.chdir(example_journal)
    assert items("leadwork checkin --step-done coa") == ["coaching-supervisors:"]
