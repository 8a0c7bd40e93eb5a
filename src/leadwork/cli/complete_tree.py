"""Generate `command_tree.json`, the fast completer's map of the CLI, from the Typer app.

Run `python -m leadwork.cli.complete_tree` after adding or changing a command, option or
help text: tests/test_completion.py fails, with this hint, while the tree is out of date.
"""

from __future__ import annotations

import json
from typing import Any

from typer._click import Context
from typer._param_types import choice_as_str
from typer.core import TyperArgument, TyperGroup, TyperOption
from typer.main import get_command

from leadwork.cli.complete import TREE_FILE
from leadwork.cli.complete_values import CALLBACKS


def _callback_kind(function: Any) -> str:
    """Which `complete_values` callback Typer wrapped (it nests it in closures)."""
    seen: set[int] = set()
    todo = [function]
    while todo:
        current = todo.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        for kind, callback in CALLBACKS.items():
            if current is callback:
                return kind
        for cell in getattr(current, "__closure__", None) or ():
            try:
                todo.append(cell.cell_contents)
            except ValueError:  # an empty cell
                continue
    raise ValueError(
        f"{function!r}: completion callbacks must come from leadwork.cli.complete_values"
    )


def _completes(param: Any) -> Any:
    if param._custom_shell_complete is not None:
        return _callback_kind(param._custom_shell_complete)
    descriptor = param.type_descriptor
    if descriptor.is_choice and descriptor.choices is not None:
        return [choice_as_str(choice) for choice in descriptor.choices]
    return None  # paths and free text: the shell offers file names


def _names(param: Any, ctx: Context) -> list[str]:
    names = [*param.opts, *param.secondary_opts]
    if set(names) == set(ctx.help_option_names):
        # Click keeps the help option's names in a set, so their order changes from one
        # process to the next; the tree keeps the order they were declared in.
        return list(ctx.help_option_names)
    return names


def _node(command: Any, ctx: Context) -> dict[str, Any]:
    options = []
    arguments = []
    for param in command.get_params(ctx):
        if isinstance(param, TyperOption):
            options.append(
                {
                    "names": _names(param, ctx),
                    "help": param.help or "",
                    "flag": bool(param.is_flag or param.count),
                    "multiple": bool(param.multiple),
                    "hidden": bool(param.hidden),
                    "complete": None if param.is_flag else _completes(param),
                }
            )
        elif isinstance(param, TyperArgument):
            arguments.append(
                {"name": param.name, "nargs": param.nargs, "complete": _completes(param)}
            )
    commands = {}
    if isinstance(command, TyperGroup):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            sub_ctx = Context(sub, info_name=name, parent=ctx, **sub.context_settings)
            commands[name] = _node(sub, sub_ctx)
    return {
        "help": command.get_short_help_str(),
        "hidden": bool(getattr(command, "hidden", False)),
        "options": options,
        "arguments": arguments,
        "commands": commands,
    }


def build_tree() -> dict[str, Any]:
    from leadwork.cli.app import app

    root = get_command(app)
    return {
        "generated_by": "python -m leadwork.cli.complete_tree",
        "root": _node(root, Context(root, info_name="leadwork", **root.context_settings)),
    }


def tree_text() -> str:
    return json.dumps(build_tree(), indent=1, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    TREE_FILE.write_text(tree_text(), encoding="utf-8")
    print(f"wrote {TREE_FILE}")
