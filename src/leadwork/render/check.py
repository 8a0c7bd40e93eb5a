"""What `leadwork check` prints when it has something other than errors to say."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from leadwork.domain.wording import plural
from leadwork.errors import Note, Problem
from leadwork.render.json_text import to_json
from leadwork.render.problems import note_text


def clean_summary(
    checkins: int, captures_only: int, meetings: int, reviews: int, readings_only: int = 0
) -> str:
    """`ok: the journal is valid (20 check-ins, 9 one-on-ones, 1 review)`: check-ins are
    weeks whose check-in was done (`timeline.checkin_done`); a week file holding only
    readings (imported, or filed late), or only captures, is counted apart."""
    held = [plural(checkins, "check-in")]
    if readings_only:
        held.append(f"{plural(readings_only, 'week')} of readings only")
    if captures_only:
        held.append(f"{plural(captures_only, 'week')} of captures only")
    held += [plural(meetings, "one-on-one"), plural(reviews, "review")]
    return f"ok: the journal is valid ({', '.join(held)})"


def check_json(root: Path, problems: Sequence[Problem], notes: Sequence[Note] = ()) -> str:
    """Problems for scripts; documented in docs/cli.md."""
    items = []
    for p in problems:
        file = None if p.file is None else _relative(root, p.file)
        items.append(
            {
                "severity": p.severity,
                "file": file,
                "line": p.line,
                "column": p.col,
                "key": p.key,
                "message": p.message,
                "hint": p.hint,
            }
        )
    errors = sum(1 for p in problems if p.severity == "error")
    return to_json(
        {
            "ok": errors == 0,
            "errors": errors,
            "warnings": len(items) - errors,
            "problems": items,
            "notes": [
                {"file": _relative(root, n.file), "message": note_text(n, _relative(root, n.file))}
                for n in notes
            ],
        },
        default=None,
    )


def _relative(root: Path, file: Path) -> str:
    try:
        return file.relative_to(root).as_posix()
    except ValueError:
        return str(file)
