"""Indicator readings as rows (`leadwork indicator export`) and what an import did or
would do (`leadwork indicator import`)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from leadwork.domain.readings_csv import COLUMNS, Planned, Reading
from leadwork.domain.timeline import period_of
from leadwork.render.json_text import to_json
from leadwork.values import format_number, format_value


def readings_csv(rows: Sequence[Reading]) -> str:
    """A header, then a row per reading; values as written (`domain.values`), no unit in the
    value, so a spreadsheet reads it as a number."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for r in rows:
        writer.writerow((str(r.week), r.indicator, format_number(r.value), r.unit, r.status))
    return out.getvalue()


def readings_json(rows: Sequence[Reading]) -> str:
    """`{"readings": [{"week", "indicator", "value", "unit", "status"}, ...]}`; values are
    numbers."""
    data = {
        "readings": [
            {
                "week": str(r.week),
                "indicator": r.indicator,
                "value": r.value,
                "unit": r.unit,
                "status": r.status,
            }
            for r in rows
        ]
    }
    return to_json(data, default=None) + "\n"


def import_lines(planned: Sequence[Planned]) -> list[str]:
    """One line per reading added or replaced, by week; then how many were already there."""
    lines = []
    for p in planned:
        if not p.changes:
            continue
        unit = p.row.indicator.unit
        new = format_value(p.row.value, unit)
        what = f"{new} (was {format_value(p.old, unit)})" if p.old is not None else new
        cadence = p.row.indicator.cadence
        counts = "" if cadence == "weekly" else f" for {period_of(p.row.week, cadence)}"
        lines.append(f"  {p.row.week}  {p.row.indicator.id} = {what}{counts}")
    return lines


def import_summary(planned: Sequence[Planned], files: int, *, dry_run: bool) -> str:
    """`Added 3 readings, replaced 1 in 2 check-in files; 5 already there.`"""
    added = sum(1 for p in planned if p.old is None)
    replaced = sum(1 for p in planned if p.changes and p.old is not None)
    same = len(planned) - added - replaced
    if not files:
        if not planned:
            return "Nothing to import: the file has no readings."
        return f"Nothing to import: all {_count(same, 'reading')} are already there."
    text = f"{'Would add' if dry_run else 'Added'} {_count(added, 'reading')}"
    if replaced:
        text += f", {'would replace' if dry_run else 'replaced'} {replaced}"
    text += f" in {_count(files, 'check-in file')}"
    if same:
        text += f"; {_count(same, 'reading')} already there"
    return text + (" (--dry-run: nothing was written)." if dry_run else ".")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' * (n != 1)}"
