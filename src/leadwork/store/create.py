"""Make a new journal: commented templates, or a copy of the bundled example."""

from __future__ import annotations

import os
import string
from importlib import resources
from pathlib import Path

from leadwork import layout
from leadwork.errors import UsageProblem, WriteRefused
from leadwork.store.atomic import atomic_write, make_folder
from leadwork.store.locate import journal_around
from leadwork.store.tomltext import toml_string

TEMPLATE_FILES = (
    layout.STRATEGY,
    layout.CAPABILITIES,
    layout.INDICATORS,
    layout.TEAM,
    layout.CONFIG,  # last: a journal exists once this file does
)


GITATTRIBUTES = ".gitattributes"  # which files git merges with leadwork's driver


def example_root() -> Path:
    """The bundled example journal: inside the installed package, or in a checkout."""
    packaged = resources.files("leadwork") / "example"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[3] / "examples" / "northfield"
    if checkout.is_dir():
        return checkout
    raise WriteRefused("the bundled example journal is missing from this installation")


def _template(name: str) -> str:
    return (resources.files("leadwork") / "templates" / name).read_text(encoding="utf-8")


def _plan(target: Path, files: dict[str, str]) -> None:
    """Refuse before writing anything if the folder holds a journal or different files, or
    lies inside a journal (trial 23: `init` in a journal's checkins/ nested a new one)."""
    if (target / layout.CONFIG).exists():
        raise WriteRefused(
            f"{target} already holds a journal ({layout.CONFIG} exists); nothing was changed",
            hint="use another folder, or work with this journal as it is",
        )
    outer = journal_around(target)
    if outer is not None:  # every command run in there would use the new, empty one
        raise UsageProblem(
            f"{os.path.abspath(target)} is inside the journal {outer}; a journal made "
            "there would hide it from every command run in that folder; nothing was changed",
            hint=f"give a folder outside {outer} (`leadwork init PATH`), or work with that "
            f"journal as it is (`leadwork --journal {outer} ...`)",
        )
    clashes = []
    for rel, text in files.items():
        path = target / rel
        if path.is_dir() or (path.exists() and path.read_text(encoding="utf-8") != text):
            clashes.append(rel)
    if clashes:
        raise WriteRefused(
            f"{target} already has {', '.join(clashes)}; nothing was changed",
            hint="move those files away, or choose an empty folder",
        )


def _write(target: Path, files: dict[str, str]) -> list[str]:
    _plan(target, files)
    make_folder(target)
    for rel in files:
        make_folder((target / rel).parent)
        atomic_write(target / rel, files[rel])
    return list(files)


def create_journal(
    target: Path,
    leader: str,
    title: str,
    organization: str,
    extra: dict[str, str] | None = None,
) -> list[str]:
    """Write the commented templates (and `extra` files, e.g. editor schemas: relative path
    -> text); return the files written, relative to `target`."""
    if not leader.strip():
        raise UsageProblem(
            "the leader's name is empty",
            hint="give your name, e.g. 'Dana Whitfield'",
            given="leader",
        )
    values = {
        "leader": toml_string(leader)[1:-1],
        "title": toml_string(title)[1:-1],
        "organization": toml_string(organization)[1:-1],
    }
    files = {".gitignore": _template("gitignore"), GITATTRIBUTES: _template("gitattributes")}
    for name in TEMPLATE_FILES:
        text = string.Template(_template(name)).safe_substitute(values)
        files[name] = layout.with_schema_directive(name, text)
    # An optional key given as empty is left out (commented), not written as "" which
    # `check` rightly rejects.
    for key in ("title", "organization"):
        files[layout.CONFIG] = files[layout.CONFIG].replace(f'\n{key} = ""\n', f'\n# {key} = ""\n')
    for folder in layout.FOLDERS:
        make_folder_marker = f"{folder}/.gitkeep"
        files[make_folder_marker] = ""
    files.update(extra or {})
    # leadwork.toml last, so an interrupted init never leaves something that looks whole.
    files[layout.CONFIG] = files.pop(layout.CONFIG)
    return _write(target, files)


def copy_example(target: Path, extra: dict[str, str] | None = None) -> list[str]:
    source = example_root()
    # A copy is a journal of its own: it gets the .gitignore (lock file, drafts) too.
    files = {
        ".gitignore": _template("gitignore"),
        GITATTRIBUTES: _template("gitattributes"),  # the example ships it; a wheel may not
    }
    for path in sorted(source.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            files[path.relative_to(source).as_posix()] = path.read_text(encoding="utf-8")
    # The example ships its schemas (for editors opening it where it lies); a copy gets
    # those of this leadwork, which `extra` holds.
    files.update(extra or {})
    files[layout.CONFIG] = files.pop(layout.CONFIG)
    return _write(target, files)


def ensure_gitattributes(root: Path) -> list[str]:
    """Make the journal's .gitattributes send its files to leadwork's merge driver: write
    it if missing, else append the lines it lacks (the person's own lines stay). Returns
    the lines added; none when it was already complete."""
    wanted = _template("gitattributes")
    path = root / GITATTRIBUTES
    if not path.exists():
        atomic_write(path, wanted)
        return [line for line in wanted.splitlines() if line and not line.startswith("#")]
    current = path.read_text(encoding="utf-8")
    have = {" ".join(line.split()) for line in current.splitlines()}
    missing = [
        line
        for line in wanted.splitlines()
        if line and not line.startswith("#") and line not in have
    ]
    if missing:
        lead = "" if current.endswith("\n") or not current else "\n"
        note = "# leadwork's merge driver (`leadwork git setup`)\n"
        atomic_write(path, current + lead + note + "\n".join(missing) + "\n")
    return missing
