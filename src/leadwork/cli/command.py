"""Every leadwork command's class: its help names values in plain words.

Typer writes each argument's Python type after its name (`PERSON <str>`, `TEXT
<list[str]>`) and a choice option's choices in angle brackets (`--format <text|json>`).
`LeadworkCommand` lists the same parameters with the argument's name alone (its metavar,
in capitals) and the choices bare (`--format text|json`), as the options whose metavars
leadwork writes itself (`--week YYYY-Www`). tests/test_flag_names.py holds every
command's help to it. Register each command with `cls=LeadworkCommand`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from typer.core import TyperCommand

from leadwork.cli.messages import flag_names, with_flags
from leadwork.errors import LeadworkError, Problem

if TYPE_CHECKING:
    from collections.abc import Iterable

    import typer

_TYPE = re.compile(r" <[^<>]*>$")  # the type Typer appends to an argument's name
_CHOICES = re.compile(r" <([^<>|]+(?:\|[^<>|]+)+)>$")  # a choice option's values


def plain_name(name: str, kind: str) -> str:
    """A parameter's name column in help, without Typer's types."""
    if kind == "argument":
        return _TYPE.sub("", name)
    return _CHOICES.sub(r" \1", name)


def name_flags(problems: Iterable[Problem], params: Iterable[Any]) -> list[Problem]:
    """Each problem about a value the person gave with the flag that gave it first
    (`cli/messages.with_flags`), the flags read from the command's parameters."""
    return with_flags(problems, flag_names(params))


class LeadworkCommand(TyperCommand):
    # Click hands these its own Context and formatter (see boundary.LeadworkGroup).
    def format_options(self, ctx: typer.Context, formatter: Any) -> None:  # type: ignore[override]
        sections: dict[str, list[tuple[str, str]]] = {"Arguments": [], "Options": []}
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None or param.param_type_name not in ("argument", "option"):
                continue
            name, text = record
            section = "Arguments" if param.param_type_name == "argument" else "Options"
            sections[section].append((plain_name(name, param.param_type_name), text))
        for title, rows in sections.items():
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]  # as format_options
        try:
            return super().invoke(ctx)
        except LeadworkError as error:
            error.problems = name_flags(error.problems, self.params)
            raise
