"""`leadwork indicator import FILE`: readings from a CSV file into the weeks' check-ins.

Every row is checked (`domain/readings_csv.py`: the check-in's own rules, and against
the reading its week already holds); any problem refuses the whole file, naming every
line in error. Otherwise the weeks that change are written together, all of them or
none (`store/checkins.save_weeks`, through `store/together.py`), comments kept. A dry
run plans the same and writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt

    from leadwork.domain.readings_csv import Planned
    from leadwork.store.journal import Journal
    from leadwork.weeks import Week

# How to ask for the readings already there to be replaced: the command's flag.
REPLACE_HINT = (
    "give --replace to replace the readings already there, or correct the row; nothing was imported"
)


@dataclass(frozen=True)
class ImportRequest:
    file: Path  # the file named (shown in messages); `<stdin>` when `text` came from there
    text: str | None = None  # the file's text when the CLI read it (stdin); None: read `file`
    dry_run: bool = False  # plan, say what would change, write nothing
    replace: bool = False  # replace readings already there that differ from the file


@dataclass(frozen=True)
class WeekImport:
    """What an import does to one week's check-in."""

    week: Week
    added: int
    replaced: int
    unchanged: int  # rows whose reading is already there, the same


@dataclass(frozen=True)
class Imported:
    file: Path
    planned: tuple[Planned, ...]  # each row against what its week held, in file order
    weeks: tuple[WeekImport, ...]  # by week
    dry_run: bool
    written: tuple[str, ...]  # the check-in files written (none on a dry run), for a commit

    @property
    def changed_weeks(self) -> int:
        """How many check-in files change (or would)."""
        return sum(1 for w in self.weeks if w.added or w.replaced)


def run(journal: Journal, request: ImportRequest, today: dt.date) -> Imported:
    """Check every row, then write the weeks that change (unless a dry run)."""
    from leadwork.domain.checkin import Answers, merge
    from leadwork.domain.readings_csv import parse_readings, plan_import, readings_by_week
    from leadwork.store.checkins import save_weeks
    from leadwork.store.document import read_text

    indicators = journal.indicators().indicators
    text = read_text(request.file) if request.text is None else request.text
    parsed = parse_readings(text, request.file, indicators, today)
    current = journal.checkins(sorted({r.week for r in parsed.rows}))
    planned = plan_import(
        parsed, current, request.file, replace=request.replace, differs_hint=REPLACE_HINT
    )
    by_week = readings_by_week(planned, indicators)
    written: tuple[str, ...] = ()
    if by_week and not request.dry_run:
        builds = {
            week: (lambda now, w=week, r=readings: merge(w, now, None, Answers(readings=r)))
            for week, readings in by_week.items()
        }
        written = tuple(rel for saved in save_weeks(journal, builds) for rel in saved.written)
    return Imported(request.file, tuple(planned), _per_week(planned), request.dry_run, written)


def _per_week(planned: list[Planned]) -> tuple[WeekImport, ...]:
    weeks: dict[Week, list[int]] = {}
    for p in planned:
        counts = weeks.setdefault(p.row.week, [0, 0, 0])
        counts[0 if p.old is None else 1 if p.changes else 2] += 1
    return tuple(WeekImport(week, *weeks[week]) for week in sorted(weeks))
