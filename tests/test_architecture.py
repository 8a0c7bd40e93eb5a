"""The layers of docs/architecture.md, held to the code: each layer imports only the layers
below it (and `errors`). Today's known exceptions are listed by name, so a new one fails
here and an old one, once removed, must be taken off the list."""

from __future__ import annotations

import ast
import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "leadwork"

# What each layer may import besides itself: store and render both sit on the core, side
# by side (a renderer does no I/O; the store shows nothing); the use cases sit on the
# store and return data that render shows and cli hands on.
MAY_IMPORT = {
    "model": set(),
    "domain": {"model"},
    "store": {"domain", "model"},
    "usecases": {"store", "domain", "model"},
    "render": {"usecases", "domain", "model"},
    "cli": {"usecases", "render", "store", "domain", "model"},
}
OPEN_TO_ALL = {"errors", "cachedir", "weeks", "values", "layout", "plainclass", "__init__"}

# (importing file, imported module) pairs that break the rule today (issue 13 removes them).
KNOWN: set[tuple[str, str]] = set()


def imports_of(path: Path) -> set[str]:
    """Every leadwork module a file imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name == "leadwork" or name.startswith("leadwork.")}


def layer_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def breaches() -> set[tuple[str, str]]:
    found = set()
    for layer, below in MAY_IMPORT.items():
        allowed = {layer} | below | OPEN_TO_ALL
        for path in sorted((SRC / layer).rglob("*.py")):
            rel = path.relative_to(SRC).as_posix()
            for module in imports_of(path):
                if layer_of(module) not in allowed:
                    found.add((rel, module))
    return found


def test_each_layer_imports_only_the_layers_below_it():
    new = breaches() - KNOWN
    assert not new, "imports across the layers (see docs/architecture.md):\n" + "\n".join(
        f"  {rel} imports {module}" for rel, module in sorted(new)
    )


def test_the_list_of_known_exceptions_is_current():
    gone = KNOWN - breaches()
    assert not gone, "no longer true, take them off KNOWN:\n" + "\n".join(
        f"  {rel} imports {module}" for rel, module in sorted(gone)
    )


def _imported_names(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            names.append(node.module or "")
        elif isinstance(node, ast.Import):
            names.extend(a.name for a in node.names)
    return names


def test_the_use_cases_never_import_a_terminal_or_command_line_library():
    """A use case returns data: showing it is render's, flags are cli's."""
    for path in sorted((SRC / "usecases").rglob("*.py")):
        for name in _imported_names(path):
            assert name.split(".")[0] not in {"rich", "typer", "click"}, f"{path.name}: {name}"


def test_the_domain_never_imports_a_terminal_or_file_library():
    heavy = {"rich", "typer", "click", "tomlkit", "tomli_w"}
    for path in sorted((SRC / "domain").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else []
            )
            for name in names:
                assert name.split(".")[0] not in heavy, f"{path.name} imports {name}"


# ---- the core speaks of the journal, not of flags -----------------------------------------

FLAG = re.compile(r"(?<![\w-])--[a-z][a-z-]+")
QUOTED = re.compile(r"`[^`]*`")  # `leadwork init --example PATH`: a command to run, quoted
# Where the store is told which flag or variable a value came from, by the CLI.
FLAG_PARAMETERS = {
    ("store/atomic.py", "--output"),  # write_output's default `flag`, for its hint
    ("store/locate.py", "--journal"),  # the journal folder came from --journal or the env
}


def _strings(tree: ast.AST) -> list[tuple[int, str]]:
    """Every string literal but docstrings; an f-string with its fields as {}."""
    docs = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    found, parts = [], set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            parts |= {id(v) for v in node.values}
            text = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
            found.append((node.lineno, text))
    skipped = docs | parts
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in skipped
        ):
            found.append((node.lineno, node.value))
    return found


def test_the_core_names_no_flag_in_what_it_says():
    """A problem about a value carries the request field it came in (`Problem.given`) and the
    command puts the flag first (`cli/command.name_flags`): the same rule reads right after
    a question's answer. Only a quoted command to run may name a flag."""
    found = []
    for layer in ("model", "domain", "store"):
        for path in sorted((SRC / layer).rglob("*.py")):
            rel = path.relative_to(SRC).as_posix()
            for line, text in _strings(ast.parse(path.read_text(encoding="utf-8"))):
                for flag in FLAG.findall(QUOTED.sub("", text)):
                    if (rel, flag) not in FLAG_PARAMETERS:
                        found.append(f"{rel}:{line}: {flag}")
    assert found == []
