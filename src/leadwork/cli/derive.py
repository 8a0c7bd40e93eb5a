"""The fast paths' answers, derived from the Typer app itself through public API only.

`root_help` is the text `leadwork --help` prints (80 columns or more); `command_tree` is
what the fast completer (`leadwork.cli.complete`) needs of every command: its options,
arguments, subcommands, and what each value completes to. `remember` keeps both in the
user's cache (`leadwork.cli.cache`) on the first run that builds the app.

What a value completes to comes from asking the parameter itself (`shell_complete`, as
Click does on Tab) in a context that marks the question as a probe: a choice answers its
choices, a path a file, and leadwork's own completers (`complete_values`) their kind.
"""

from __future__ import annotations

from typing import Any

import typer
from typer.main import get_command

from leadwork.cli import cache
from leadwork.cli.complete_values import KIND_PROBE, Probe

HELP_WIDTH = 78  # what click wraps help at in a terminal 80 columns wide or wider


def _root_context(command: Any, **settings: Any) -> typer.Context:
    return typer.Context(command, info_name="leadwork", **command.context_settings, **settings)


def root_help(app: typer.Typer) -> str:
    """`leadwork --help` as Typer prints it in a terminal at least 80 columns wide."""
    command = get_command(app)
    return _root_context(command, terminal_width=HELP_WIDTH).get_help() + "\n"


def _completes(param: Any, ctx: typer.Context) -> str | list[str] | None:
    """A kind of journal value (`complete_values.VALUES`), a list of choices, or None:
    free text or a path, which the shell completes as file names."""
    items = param.shell_complete(ctx, "")
    kinds = [item.value[len(KIND_PROBE) :] for item in items if _is_probe(item.value)]
    if kinds:
        return str(kinds[0])
    if items and all(item.type == "plain" for item in items):
        return [str(item.value) for item in items]
    return None


def _is_probe(value: object) -> bool:
    return isinstance(value, str) and value.startswith(KIND_PROBE)


def _names(param: Any, ctx: typer.Context) -> list[str]:
    names = [*param.opts, *param.secondary_opts]
    if set(names) == set(ctx.help_option_names):
        # Click may keep the help option's names in a set, whose order changes from one
        # process to the next; the tree keeps the order they were declared in.
        return list(ctx.help_option_names)
    return names


def _node(command: Any, ctx: typer.Context) -> dict[str, Any]:
    options = []
    arguments = []
    for param in command.get_params(ctx):
        if param.param_type_name == "option":
            flag = bool(param.is_flag or param.count)
            options.append(
                {
                    "names": _names(param, ctx),
                    "help": param.help or "",
                    "flag": flag,
                    "multiple": bool(param.multiple),
                    "hidden": bool(param.hidden),
                    "complete": None if flag else _completes(param, ctx),
                }
            )
        elif param.param_type_name == "argument":
            arguments.append(
                {"name": param.name, "nargs": param.nargs, "complete": _completes(param, ctx)}
            )
    commands = {}
    if hasattr(command, "list_commands"):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            sub_ctx = typer.Context(sub, info_name=name, parent=ctx, **sub.context_settings)
            commands[name] = _node(sub, sub_ctx)
    return {
        "help": command.get_short_help_str(),
        "hidden": bool(getattr(command, "hidden", False)),
        "options": options,
        "arguments": arguments,
        "commands": commands,
    }


def command_tree(app: typer.Typer) -> dict[str, Any]:
    """Every command, option and argument of the app, for the fast completer."""
    command = get_command(app)
    return _node(command, _root_context(command, obj=Probe()))


def remember(app: typer.Typer) -> None:
    """Keep the app's answers in the cache unless they are there already. Never fails:
    the run goes on through Typer, which answers the same, only slower."""
    if cache.load_help() is not None and cache.load_tree() is not None:
        return
    try:
        help_text, tree = root_help(app), command_tree(app)
    except Exception:  # a completer that cannot be probed: tests/test_completion.py says
        return
    cache.store(help_text, tree)
