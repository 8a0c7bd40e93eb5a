"""Nothing escapes the journal: ids that would make paths are refused, no command writes
outside the journal folder, and no program is ever run through a shell."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from pydantic import TypeAdapter, ValidationError

from adversarial.harness import tree_digest
from leadwork import layout
from leadwork.model.common import Id

SRC = Path(__file__).resolve().parents[2] / "src" / "leadwork"

# Strings that, as parts of a file name, would leave the folder, hide, or break a terminal
# or another operating system.
PATHLIKE = [
    "../x",
    "..",
    ".",
    "/etc/passwd",
    "~/x",
    "a/b",
    "a\\b",
    "C:x",
    "x\x00y",
    "x\ny",
    "x\ry",
    "\x1b[2J",
    "x\u202ey",  # right-to-left override: a name that reads differently than it is
    ".hidden",
    "-rf",
    "",
    " x",
    "X",
    "x" * 41,
]
# Reserved on Windows as whole file names; as ids they are fine, because leadwork never
# makes a file name of an id alone: it always follows a date (2026-11-24-con.toml).
RESERVED = ["con", "prn", "aux", "nul", "com1", "lpt9"]

# Arguments that name something leadwork turns into a file name, one line per command
# and argument as they land: (argv with {} where the value goes).
PATH_ARGUMENTS: list[tuple[str, ...]] = [
    ("dashboard", "--week", "{}"),
    ("checkin", "--no-input", "--week", "{}"),
    ("story", "A story", "--week", "{}"),
    ("story", "A story", "--choice", "{}"),
    ("conversation", "Heard", "--with", "{}"),
    ("edit", "{}"),
    ("indicator", "show", "{}"),
    ("capability", "show", "{}"),
    ("report", "--from", "{}"),
    ("schema", "{}"),
]
EDITOR = {"EDITOR": "true", "VISUAL": ""}  # `edit` opens this editor, which just returns


@pytest.mark.parametrize("value", PATHLIKE, ids=repr)
def test_an_id_that_would_make_a_path_is_refused(value: str):
    with pytest.raises(ValidationError):
        TypeAdapter(Id).validate_python(value)


@pytest.mark.parametrize("value", RESERVED)
def test_reserved_names_only_ever_follow_a_date(value: str):
    TypeAdapter(Id).validate_python(value)
    assert layout.ONE_ON_ONE_NAME.match(f"2026-11-24-{value}.toml")
    assert layout.REVIEW_NAME.match(f"2026-11-24-capability-{value}.toml")
    for pattern in (layout.ONE_ON_ONE_NAME, layout.REVIEW_NAME, layout.CHECKIN_NAME):
        assert not pattern.match(f"{value}.toml")


@pytest.mark.parametrize("value", PATHLIKE, ids=repr)
def test_a_week_that_would_make_a_path_is_refused(value: str):
    from leadwork.weeks import Week

    texts = [value, f"2026-W48{value}", f"{value}2026-W48"] if value.strip() else [value]
    for text in texts:
        with pytest.raises(ValueError):
            Week.parse(text)


def changed_outside(folder: Path, before: dict[str, str], inside: str) -> list[str]:
    """Paths under `folder` that changed, other than those inside its subfolder `inside`."""
    after = tree_digest(folder)
    return [
        rel
        for rel in sorted(set(before) | set(after))
        if before.get(rel) != after.get(rel) and rel != inside and not rel.startswith(inside + "/")
    ]


@pytest.mark.parametrize("argv", PATH_ARGUMENTS, ids=" ".join)
@pytest.mark.parametrize("value", PATHLIKE, ids=repr)
def test_a_path_like_argument_writes_nothing_outside(journal: Path, run, argv, value):
    """Refused (exit 1 or 2, a message) or turned into a safe name inside the journal."""
    before = tree_digest(journal.parent)
    result = run(*[a.replace("{}", value) for a in argv], journal=journal, env=EDITOR)
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1, 2), result
    assert changed_outside(journal.parent, before, journal.name) == []


def test_init_writes_only_the_folder_it_was_given(tmp_path: Path, run):
    (tmp_path / "neighbour.toml").write_text("x = 1\n")
    before = tree_digest(tmp_path)
    assert run("init", str(tmp_path / "new")).exit_code == 0
    assert changed_outside(tmp_path, before, "new") == []
    assert (tmp_path / "new" / "leadwork.toml").is_file()


# ---- no shell, ever ------------------------------------------------------------------------

_RUNNERS = {"run", "Popen", "call", "check_call", "check_output", "getoutput", "getstatusoutput"}


def _shell_uses(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        owner = getattr(func.value, "id", "") if isinstance(func, ast.Attribute) else ""
        if owner == "os" and (name in ("system", "popen") or name.startswith("spawn")):
            found.append((node.lineno, f"os.{name}"))
        if name in ("getoutput", "getstatusoutput"):
            found.append((node.lineno, name))
        for keyword in node.keywords:
            if keyword.arg == "shell" and not (
                isinstance(keyword.value, ast.Constant) and keyword.value.value is False
            ):
                found.append((node.lineno, "shell=..."))
        if name in _RUNNERS and node.args:
            first = node.args[0]
            if isinstance(first, ast.JoinedStr | ast.BinOp) or (
                isinstance(first, ast.Constant) and isinstance(first.value, str)
            ):
                found.append((node.lineno, f"{name} with a command string"))
    return found


def test_no_program_is_run_through_a_shell():
    """$EDITOR and git get argument lists: a file name with spaces, quotes or `;` stays
    one argument, and nothing in a journal can run a command."""
    problems = []
    for path in sorted(SRC.rglob("*.py")):
        for line, what in _shell_uses(ast.parse(path.read_text(), filename=str(path))):
            problems.append(f"{path.relative_to(SRC.parent)}:{line}: {what}")
    assert problems == []


def test_the_shell_scan_can_fail():
    bad = """
import os, subprocess
os.system("git status")
subprocess.run("git " + name, shell=True)
subprocess.run(f"{editor} {path}")
os.popen("ls")
"""
    assert len(_shell_uses(ast.parse(bad))) == 5
    good = "import subprocess\nsubprocess.run([editor, str(path)], check=False, shell=False)\n"
    assert _shell_uses(ast.parse(good)) == []
