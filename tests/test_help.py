"""Every command is documented: it has help text, and `--help` works on it."""

import pytest
from typer.main import get_command

from leadwork.cli.app import app

ROOT = get_command(app)


def _commands(group, prefix=()):
    for name, command in sorted(group.commands.items()):
        path = (*prefix, name)
        yield path, command
        if hasattr(command, "commands"):
            yield from _commands(command, path)


COMMANDS = list(_commands(ROOT))


def test_there_are_commands():
    assert {"init", "check"} <= {path[0] for path, _ in COMMANDS}


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_command_has_help(path, command, run):
    assert command.help and len(command.help.strip()) > 20, f"{' '.join(path)} needs help text"
    for param in command.params:
        if param.name in ("help", "ctx"):
            continue
        assert getattr(param, "help", None) or param.param_type_name == "argument", (
            f"{' '.join(path)}: option {param.name} needs help text"
        )
    result = run(*path, "--help")
    assert result.exit_code == 0, result
    assert "Usage:" in result.stdout


def test_root_help_and_version(run):
    from leadwork import __version__

    assert run("--version").stdout.strip() == f"leadwork {__version__}"
    assert "Commands:" in run("--help").stdout
    bare = run()  # no arguments: help (click's convention: on stderr, exit 2), no traceback
    assert bare.exit_code == 2
    assert "Commands:" in bare.output


@pytest.mark.parametrize(
    ("args", "message", "hint"),
    [
        (
            ["dashboard", "-f", "pdf"],
            "leadwork: error: invalid value for '--format' / '-f': 'pdf' is not one of 'text'",
            "usage: leadwork dashboard [OPTIONS]; `leadwork dashboard --help` says more",
        ),
        (["story"], "leadwork: error: missing argument 'TEXT'", "usage: leadwork story"),
        (["dashbord"], "leadwork: error: no such command 'dashbord'", "did you mean 'dashboard'?"),
        (["--nosuch"], "leadwork: error: no such option: --nosuch", "usage: leadwork [OPTIONS]"),
        (
            ["check", "--nosuch"],
            "leadwork: error: no such option: --nosuch",
            "usage: leadwork check",
        ),
    ],
)
def test_usage_errors_speak_like_every_other_error(args, message, hint, run):
    """Click's own usage errors come out as leadwork's: one style on stderr, exit 2."""
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message), result.stderr
    assert f"  = hint: {hint}" in result.stderr
    assert "Error:" not in result.stderr and "Value error" not in result.stderr


def test_a_group_alone_shows_its_help(run):
    result = run("indicator")
    assert "Commands:" in result.output and "leadwork: error" not in result.output
