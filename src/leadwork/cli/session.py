"""What every command gets from the root: where the journal is, today, and flags."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import typer

    from leadwork.store.journal import Journal

ENV_TODAY = "LEADWORK_TODAY"


@dataclass
class Session:
    journal_option: Path | None = None
    debug: bool = False
    _journal: Journal | None = field(default=None, repr=False)

    def journal(self, *, plain: bool = False) -> Journal:
        """The journal this run works on (found once; see `store.locate`). `plain`: read
        in plain form (`model/plain.py`), for a view that writes nothing."""
        if self._journal is None:
            from leadwork.cli.echo import echo
            from leadwork.store.journal import open_journal
            from leadwork.store.locate import find_journal, overridden_note

            cwd = Path.cwd()
            root = find_journal(self.journal_option, os.environ, cwd)
            note = overridden_note(self.journal_option, os.environ, cwd, root)
            if note:
                echo(note, err=True)
            self._journal = open_journal(root, plain=plain)
        return self._journal

    def journal_root_if_any(self) -> Path | None:
        """The journal's root if there is one here, for commands that need none."""
        from leadwork.errors import JournalNotFound

        try:
            return self.journal().root
        except JournalNotFound:
            return None


def session(ctx: typer.Context) -> Session:
    root = ctx.find_root()
    if not isinstance(root.obj, Session):
        root.obj = Session()
    return root.obj


def today() -> dt.date:
    """Today, or $LEADWORK_TODAY (YYYY-MM-DD) for reproducible runs and tests."""
    fixed = os.environ.get(ENV_TODAY)
    if not fixed:
        return dt.date.today()
    from leadwork.errors import UsageProblem
    from leadwork.weeks import day_hint, out_of_range, parse_day

    try:
        day = parse_day(fixed)
    except ValueError:
        raise UsageProblem(
            f"${ENV_TODAY} is '{fixed}', which is not a day (YYYY-MM-DD)", hint=day_hint(fixed)
        ) from None
    problem = out_of_range(day.year, f"${ENV_TODAY} {fixed}")
    if problem:
        raise UsageProblem(problem, hint="unset it for today, or give a day like 2026-11-27")
    return day


def color_enabled(stream: object) -> bool:
    """The no-color.org and FORCE_COLOR conventions, then whether it is a terminal."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"
