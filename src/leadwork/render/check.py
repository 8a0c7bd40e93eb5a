"""What `leadwork check` prints when it has something other than errors to say."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from leadwork.errors import Note, Problem
from leadwork.render.problems import note_text
from leadwork.store.journal import Journal


def clean_summary(journal: Journal) -> str:
    checkins = len(journal.checkin_weeks())
    meetings = len(journal.one_on_one_entries())
    reviews = len(journal.review_entries())
    return (
        f"ok: the journal is valid ({checkins} check-ins, {meetings} one-on-ones, "
        f"{reviews} reviews)"
    )


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
    return json.dumps(
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
        indent=2,
        ensure_ascii=False,
    )


def _relative(root: Path, file: Path) -> str:
    try:
        return file.relative_to(root).as_posix()
    except ValueError:
        return str(file)
