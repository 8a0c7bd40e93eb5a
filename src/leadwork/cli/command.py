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
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from typer.core import TyperCommand

from leadwork.errors import LeadworkError, Problem

if TYPE_CHECKING:
    from collections.abc import Iterable

    import typer

_TYPE = re.compile(r" <[^<>]*>$")  # the type Typer appends to an argument's name
_CHOICES = re.compile(r" <([^<>|]+(?:\|[^<>|]+)+)>$")  # a choice option's values
_FIELD = re.compile(r"«([a-z_]+)»")  # a request field named in a hint (Problem.given)


def plain_name(name: str, kind: str) -> str:
    """A parameter's name column in help, without Typer's types."""
    if kind == "argument":
        return _TYPE.sub("", name)
    return _CHOICES.sub(r" \1", name)


def name_flags(problems: Iterable[Problem], params: Iterable[Any]) -> list[Problem]:
    """Each problem about a value the person gave (`Problem.given`, a request field) with
    the flag or argument that gave it first, as they typed it: `--week: 2026-W60 has not
    started yet`, `TEXT: the story is empty`. The core words the rest, so the same rule
    reads right after a question's answer too."""
    names: dict[str, str] = {}
    for param in params:
        spelled = [opt for opt in getattr(param, "opts", ()) if opt.startswith("--")]
        if spelled:
            name = max(spelled, key=len)
        elif param.param_type_name == "argument":
            name = param.metavar or str(param.name).upper()
        else:
            continue
        # `given` is the request's word: "agreed_with" finds --agreed-with, "with" --with
        # (whose Python name is `with_`), "text" the TEXT argument.
        keys = [opt[2:].replace("-", "_") for opt in spelled]
        for key in (*keys, param.name, str(param.name).rstrip("_")):
            if key:
                names.setdefault(key, name)

    def flag_of(match: re.Match[str]) -> str:
        field = match[1]
        return names.get(field, field.replace("_", " "))

    named = []
    for problem in problems:
        name = names.get(problem.given or "")
        if name:
            problem = replace(problem, message=f"{name}: {problem.message}")
        if problem.hint and "«" in problem.hint:
            problem = replace(problem, hint=_FIELD.sub(flag_of, problem.hint))
        named.append(problem)
    return named


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
