"""Which editor to run and on which file, for `leadwork edit`. Standard library only."""

from __future__ import annotations

import difflib
import os
import shlex
import shutil
import subprocess
from pathlib import Path

from leadwork.errors import UsageProblem

# What `git` falls back to, friendliest first; Debian's sensible-editor honours the system's
# choice (update-alternatives). On Windows, Notepad is always there.
FALLBACK_EDITORS = ("sensible-editor", "nano", "vi")
DEFINITIONS = ("leadwork", "strategy", "capabilities", "indicators", "team")


def editor_command(environ: dict[str, str] | None = None) -> list[str]:
    """$VISUAL, else $EDITOR, split like a shell would; else a sensible default."""
    env = os.environ if environ is None else environ
    for variable in ("VISUAL", "EDITOR"):
        value = env.get(variable, "").strip()
        if value:
            try:
                words = shlex.split(value, posix=os.name != "nt")
            except ValueError as error:
                raise UsageProblem(
                    f"${variable} is '{value}', which cannot be split into a command ({error})",
                    hint="close the quote, e.g. EDITOR='code -w'",
                ) from None
            if words:
                return words
    if os.name == "nt":
        return ["notepad"]
    for name in FALLBACK_EDITORS:
        if shutil.which(name):
            return [name]
    raise UsageProblem(
        "no editor: $VISUAL and $EDITOR are not set, and neither nano nor vi is installed",
        hint="set one, e.g. export EDITOR='nano' (or 'code -w' for VS Code)",
    )


def must_have_terminal(rel: str, environ: dict[str, str] | None = None) -> None:
    """The interviews' rule (docs/cli.md, "Interviews") for the editor: without a terminal
    (a script, a pipe, `</dev/null`) the default editor (vi, nano) cannot work and would
    hang, so `edit` refuses and writes nothing, unless $VISUAL or $EDITOR names an editor
    explicitly: a GUI editor with its wait flag (`code -w`) works without a terminal."""
    from leadwork.cli.prompts import stdin_is_terminal

    env = os.environ if environ is None else environ
    if stdin_is_terminal() or any(env.get(name, "").strip() for name in ("VISUAL", "EDITOR")):
        return
    raise UsageProblem(
        f"stdin is not a terminal, so no editor can be opened on {rel}; nothing was written",
        hint="edit the file with your editor and run `leadwork check`, or set $VISUAL or "
        "$EDITOR to an editor that waits without a terminal, e.g. EDITOR='code -w'",
    )


def editor_failed(status: int, rel: str, errors: int) -> str:
    """What an editor that failed (or was killed) means for the file: the edit may be
    incomplete, and whether the file is valid as it stands."""
    how = f"was killed (signal {-status})" if status < 0 else f"exited with status {status}"
    stands = (
        "is valid as it stands"
        if not errors
        else f"has {errors} error{'s' * (errors != 1)} as it stands (above)"
    )
    return f"the editor {how}, so the edit of {rel} may not be complete; {rel} {stands}"


def resolve_file(root: Path, name: str, cwd: Path) -> Path:
    """The journal file `name` means: a short name, a week, or a path inside the journal."""
    from leadwork.layout import CHECKINS

    stem = name.removesuffix(".toml")
    if stem in DEFINITIONS:
        return root / f"{stem}.toml"
    week = _week_named(stem)
    candidates = [root / CHECKINS / f"{week}.toml"] if week else []
    candidates += [Path(name) if Path(name).is_absolute() else cwd / name, root / name]
    for candidate in candidates:
        if candidate.is_file():
            path = candidate.resolve()
            if not path.is_relative_to(root.resolve()):
                raise UsageProblem(
                    f"{name} is not in the journal ({root})",
                    hint=_elsewhere_hint(path) or "leadwork edit opens the journal's own files",
                )
            must_be_journal_file(root, path, name)
            return root / path.relative_to(root.resolve())
    hint = "a short name (team, indicators, strategy, capabilities, leadwork), a week, or a path"
    if week:
        hint = f"no check-in for {week} yet: start one with `leadwork checkin --week {week}`"
    elif close := difflib.get_close_matches(stem, DEFINITIONS, n=1, cutoff=0.6):
        hint = f"did you mean '{close[0]}'?"
    raise UsageProblem(f"no journal file '{name}'", hint=hint)


def must_be_journal_file(root: Path, path: Path, name: str) -> None:
    """Refuse a file inside the journal's folder that is not one of its files (`check`
    reads it not): a stray .toml, or a file of a journal nested in this one. Opening it and
    saying "ok" would vouch for a file nothing checked (trial 23)."""
    from leadwork.layout import is_checked_file

    real_root = root.resolve()
    other = _elsewhere_hint(path, besides=real_root)
    if other is None and is_checked_file(path.relative_to(real_root).parts):
        return
    hint = other or (
        "leadwork edit opens the journal's own files: leadwork.toml, strategy.toml, "
        "capabilities.toml, indicators.toml, team.toml, and the .toml files in checkins/, "
        "one-on-ones/ and reviews/"
    )
    raise UsageProblem(f"{name} is not a file of the journal at {root}", hint=hint)


def _elsewhere_hint(path: Path, besides: Path | None = None) -> str | None:
    """The hint for a file of another journal: which one, and how to edit it there."""
    from leadwork.store.locate import enclosing_journal

    owner = enclosing_journal(path.parent)
    if owner is None or owner == besides:
        return None
    rel = path.relative_to(owner).as_posix()
    return (
        f"it belongs to the journal at {owner}: "
        f"`leadwork --journal {shlex.quote(str(owner))} edit {shlex.quote(rel)}`"
    )


def _week_named(text: str) -> str | None:
    """The week `text` names, as every `--week` reads it (`2026-w50` is 2026-W50), or None."""
    from leadwork.weeks import Week

    try:
        return str(Week.parse(text, typed=True))
    except ValueError:
        return None


def must_exist(command: list[str]) -> None:
    """Say so before anything happens if the editor is not installed."""
    if shutil.which(command[0]) is None:
        raise UsageProblem(
            f"the editor '{command[0]}' was not found",
            hint="set $VISUAL or $EDITOR to an editor that is installed, e.g. 'nano'",
        )


def run_editor(command: list[str], path: Path) -> int:
    """Run the editor on `path`, wait for it (never through a shell); its exit status."""
    try:
        return subprocess.run([*command, str(path)], check=False).returncode
    except FileNotFoundError:
        raise UsageProblem(
            f"the editor '{command[0]}' was not found",
            hint="set $VISUAL or $EDITOR to an editor that is installed, e.g. 'nano'",
        ) from None
    except PermissionError:
        raise UsageProblem(f"the editor '{command[0]}' cannot be run (permission denied)") from None
