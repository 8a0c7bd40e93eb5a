"""What leadwork says on stderr, in one place: an error and its exit code, a warning, the
files read that have problems, and the flag a problem is about.

Typer-free, so that a command line run again without Typer (`cli/replay.py`) says
everything in the same words as one Typer parsed. `cli/boundary.py` (Typer's side: usage
errors, the command group) turns every other error into words through `settle`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leadwork.cli.session import color_enabled
from leadwork.errors import (
    EXIT_INTERRUPTED,
    Interrupted,
    InvalidFile,
    LeadworkError,
    ProblemsFound,
)

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Sequence

    from leadwork.errors import Problem
    from leadwork.store.journal import Journal

EXIT_INTERNAL = 70  # EX_SOFTWARE: a bug in leadwork, not in the person's input
VIEW = "that may make this view wrong"  # what a problem elsewhere means to a reader


def report(error: LeadworkError) -> None:
    from leadwork.render.problems import format_note, format_problems, summary

    stream = sys.stderr
    color = color_enabled(stream)
    text = format_problems(error.problems, Path.cwd(), color)
    if isinstance(error, ProblemsFound) and error.notes:
        notes = (format_note(note, Path.cwd(), color) for note in error.notes)
        text += "\n\n" + "\n".join(notes)
    # A journal's check always ends with its count, even of one, so a script or a person
    # reading the last line learns the same thing whatever the number.
    if len(error.problems) > 1 or isinstance(error, ProblemsFound):
        text += "\n\n" + summary(error.problems)
    if isinstance(error, InvalidFile):
        # A view stops at the first file it cannot read; there may be others.
        label = "\x1b[36m\x1b[1mnote:\x1b[0m" if color else "note:"
        text += f"\n\n{label} `leadwork check` lists every problem in the journal at once"
    print(text, file=stream)


def settle(error: BaseException, debug: bool) -> int:
    """The exit code for an error a command raised, its words said on stderr: leadwork's
    own errors as `report` says them, a closed pipe quietly (0), Ctrl-C in one line, and
    anything else as a bug in leadwork (70). With `debug`, the traceback too (a bug's is
    raised as it is)."""
    if isinstance(error, LeadworkError):
        if debug:
            import traceback

            traceback.print_exception(error)
        report(error)
        return error.exit_code
    if isinstance(error, BrokenPipeError):
        # `leadwork dashboard | head` closed the pipe early: not an error worth a word.
        from leadwork.render.plain import quiet_stdout

        quiet_stdout()
        return 0
    if isinstance(error, KeyboardInterrupt):
        said = error.said if isinstance(error, Interrupted) else "nothing more was written"
        print(f"\nleadwork: interrupted; {said}", file=sys.stderr)
        return EXIT_INTERRUPTED
    failure = output_failure(error)
    if failure is not None:  # a full disk, a closed stdout: not a bug in leadwork
        from leadwork.render.plain import quiet_stdout

        quiet_stdout()  # what could not be written is not tried again at exit
        report(LeadworkError(failure))
        return LeadworkError.exit_code
    if debug:
        raise error
    print(
        f"leadwork: error: internal error: {type(error).__name__}: {error}\n"
        "  = hint: this is a bug in leadwork, not in your journal; run again with "
        "--debug for the traceback and report it",
        file=sys.stderr,
    )
    return EXIT_INTERNAL


class OutputLost(Exception):
    """Standard output refused a writer's summary after the writer saved `saved` (journal
    files, as the writer's result names them in `written`): `settle` says both, so that a
    script's exit 1 does not read as "nothing was recorded"."""

    def __init__(self, error: OSError, saved: Sequence[str]) -> None:
        super().__init__(str(error))
        self.error = error
        self.saved = tuple(saved)


def output_failure(error: BaseException) -> str | None:
    """What went wrong, if `error` is standard output refusing what was written to it: a
    full disk (`>/dev/full`) or a failing device, which only a write meets, on no named
    file (every journal or cache file is written through the store, which names it); or
    a closed stdout (`>&-`). A closed pipe (EPIPE) is not one: it stays quiet (`settle`).
    After a writer saved its files (`OutputLost`), the words say what was saved first."""
    import errno

    saved: tuple[str, ...] = ()
    if isinstance(error, OutputLost):
        saved, error = error.saved, error.error
    if not isinstance(error, OSError) or isinstance(error, BrokenPipeError):
        return None
    if error.filename is not None:
        return None
    if error.errno == errno.EBADF and not _stdout_open():
        failure = "standard output is closed"
    elif error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO):
        failure = f"could not write the output: {os.strerror(error.errno)}"
    else:
        return None
    return f"saved {', '.join(saved)}; {failure}" if saved else failure


def closed_stdout() -> int:
    """A run with stdout closed (`>&-`) is refused before it does anything (a script would
    take its exit 0 for output it never got): said as `settle` says it mid-run, exit 1."""
    import errno

    return settle(OSError(errno.EBADF, "standard output is closed"), debug=False)


def _stdout_open() -> bool:
    try:
        os.fstat(sys.stdout.fileno())
    except (AttributeError, ValueError, OSError):
        return False
    return True


def debugging(debug_flag: bool) -> bool:
    """--debug, or LEADWORK_DEBUG=1."""
    return debug_flag or os.environ.get("LEADWORK_DEBUG") == "1"


def warn(message: str) -> None:
    """One line on stderr, `leadwork: warning: ...`: never into stdout, which may be JSON."""
    from leadwork.cli import replay
    from leadwork.errors import Problem
    from leadwork.render.problems import format_problem

    replay.said_something()  # a command line that warns is not run again without its warning
    problem = Problem(message, severity="warning")
    print(format_problem(problem, Path.cwd(), color_enabled(sys.stderr)), file=sys.stderr)


def vouch(
    journal: Journal,
    today: dt.date,
    meaning: str = VIEW,
    *,
    refuse: bool = True,
    written: Sequence[str] = (),
) -> None:
    """After a command read the journal and before it shows it: `check`'s cross-file rules
    over the files it read (`store.read_check.check_read`). A journal that says two things at
    once (an id used twice) is refused, as `check` would (`usecases/trust.py`, the readers'
    rule too); other problems are named in a one-line warning on stderr, `meaning` saying
    what they mean to this command. A writer that has written (`refuse=False`) names every
    file with problems, the ones it wrote (`written`) read back as they are now: a week it
    amended may still hold a hand-made mistake it kept."""
    if refuse:
        from leadwork.usecases.trust import doubtful_files

        warn_doubtful(journal, doubtful_files(journal, today), meaning)
        return
    from leadwork.store.read_check import check_read

    warn_doubtful(journal, check_read(journal, today, written).files, meaning)


def warn_doubtful(journal: Journal, rels: Sequence[str], meaning: str = VIEW) -> None:
    """Name the files read that have problems (relative to the journal) in one warning, and
    the files skipped for a name near their right one in another, each with its rename."""
    from leadwork.render.problems import display_path
    from leadwork.store.names import misnamed

    def shown(rel: str) -> str:
        return display_path(journal.path(rel), Path.cwd())

    skipped = [found for found in (misnamed(journal, rel) for rel in rels) if found]
    if skipped:
        # one line: which files were skipped, and the exact rename of each
        if len(skipped) == 1:
            names, todo = shown(skipped[0].rel), skipped[0].hint()
        else:
            names = f"{len(skipped)} files"
            todo = "; ".join(f"{shown(m.rel)}: {m.hint()}" for m in skipped)
        was = "was skipped for its name" if len(skipped) == 1 else "were skipped for their names"
        why = ", which may make this view wrong" if meaning == VIEW else f" {meaning}"
        warn(f"{names} {was}{why}; {todo}")
    rest = [rel for rel in rels if rel not in {m.rel for m in skipped}]
    if rest:
        have = "has" if len(rest) == 1 else "have"
        warn(f"{_files(rest, shown)} {have} problems {meaning}; run `leadwork check`")


_FEW = 3  # files named in a warning; beyond, the first one and how many more
_KINDS = {"checkins": "check-in", "one-on-ones": "one-on-one", "reviews": "review"}


def _files(rels: Sequence[str], shown: Any) -> str:
    """Files in a warning: a few by name; more as the first, then how many more, and of
    which weeks or days when they are all of one folder (trial 19: twenty names on a
    line): "checkins/2026-W30.toml and 19 more check-ins (2026-W31 to 2026-W49)"."""
    from leadwork.domain.wording import plural

    if len(rels) <= _FEW:
        return ", ".join(shown(rel) for rel in rels)
    rest = rels[1:]
    folders = {rel.partition("/")[0] for rel in rest}
    kind = _KINDS.get(next(iter(folders)), "") if len(folders) == 1 else ""
    if not kind:
        return f"{shown(rels[0])} and {plural(len(rest), 'more file')}"
    stems = [rel.partition("/")[2].removesuffix(".toml") for rel in rest]
    return f"{shown(rels[0])} and {plural(len(rest), f'more {kind}')} ({stems[0]} to {stems[-1]})"


# ---- the flag a problem is about ------------------------------------------------------------


def flag_names(params: Iterable[Any]) -> dict[str, str]:
    """Each request field (`Problem.given`) a command's parameters answer, with the flag or
    argument as a person types it: "week" -> "--week", "with" -> "--with" (whose Python
    name is `with_`), "text" -> "TEXT"."""
    names: dict[str, str] = {}
    for param in params:
        spelled = [opt for opt in getattr(param, "opts", ()) if opt.startswith("--")]
        if spelled:
            name = max(spelled, key=len)
        elif param.param_type_name == "argument":
            name = param.metavar or str(param.name).upper()
        else:
            continue
        keys = [opt[2:].replace("-", "_") for opt in spelled]
        for key in (*keys, param.name, str(param.name).rstrip("_")):
            if key:
                names.setdefault(key, name)
    return names


def with_flags(problems: Iterable[Problem], names: dict[str, str]) -> list[Problem]:
    """Each problem about a value the person gave (`Problem.given`, a request field) with
    the flag or argument that gave it first, as they typed it: `--week: 2026-W60 has not
    started yet`, `TEXT: the story is empty`; a hint's «field» spelled as its flag. The
    core words the rest, so the same rule reads right after a question's answer too."""
    import re
    from dataclasses import replace

    def flag_of(match: re.Match[str]) -> str:
        field = match[1]
        return names.get(field, field.replace("_", " "))

    named = []
    for problem in problems:
        name = names.get(problem.given or "")
        if name:
            problem = replace(problem, message=f"{name}: {problem.message}")
        if problem.hint and "«" in problem.hint:
            problem = replace(problem, hint=re.sub(r"«([a-z_]+)»", flag_of, problem.hint))
        named.append(problem)
    return named
