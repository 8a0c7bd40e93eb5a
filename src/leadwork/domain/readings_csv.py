"""Indicator readings in and out as rows: `leadwork indicator export` and `import`. Pure.

Out: one row per reading a check-in holds (week, indicator, value, unit, status), the
status judged as every view judges it (`status.judge_weeks`: the reading against the
thresholds in effect in its week).

In: the CSV a spreadsheet writes. Header names in any order and case (`Week`, `INDICATOR`,
`value`; other columns are ignored), a UTF-8 byte-order mark, `,` `;` or tab between
fields, and decimal commas (`96,5`) when the file writes every decimal that way. Each row
is checked with the check-in's own rules (`checkin.resolve_reading`, `parse_reading`,
`weeks.not_begun`), and against the reading its week already holds; every row is checked
and every problem reported at once, each named as FILE:LINE, and any one refuses the whole
file (`plan_import` raises them together).
A week may be written `2026-W47` or as any day in it, `2026-11-18`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from leadwork.domain.checkin import Number, parse_reading, resolve_reading
from leadwork.domain.status import judge_weeks
from leadwork.domain.timeline import period_of, readings_of, week_for_day
from leadwork.errors import LeadworkError, Problem, ProblemsFound
from leadwork.values import format_value
from leadwork.weeks import Week, as_iso_date, not_begun

if TYPE_CHECKING:
    from leadwork.model.checkin import Checkin
    from leadwork.model.indicators import Indicator

COLUMNS = ("week", "indicator", "value", "unit", "status")
REQUIRED = ("week", "indicator", "value")
BOM = "\ufeff"


@dataclass(frozen=True)
class Reading:
    """One reading of one indicator in one week, as exported: `status` is the scoreboard's
    word for it (`status.STATUSES`)."""

    week: Week
    indicator: str
    value: Number
    unit: str
    status: str


def export_rows(
    indicators: Sequence[Indicator],
    checkins: Mapping[Week, Checkin],
    first: Week | None = None,
    last: Week | None = None,
) -> list[Reading]:
    """Every reading in the check-ins from `first` to `last` (both included, open when
    None), by week, then in indicators.toml's order; readings of ids no longer defined are
    left out (`check` reports them)."""
    rows = []
    for indicator in indicators:
        readings = readings_of(indicator.id, checkins)
        weeks = sorted(
            w for w in readings if (first is None or w >= first) and (last is None or w <= last)
        )
        for judged in judge_weeks(indicator, weeks, readings):
            value = readings[judged.week]
            number = int(value) if isinstance(value, float) and value.is_integer() else value
            rows.append(Reading(judged.week, indicator.id, number, indicator.unit, judged.status))
    order = {indicator.id: i for i, indicator in enumerate(indicators)}
    return sorted(rows, key=lambda r: (r.week, order[r.indicator]))


# ---- reading a CSV file -------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """A row of the file, checked: its line in the file for any later message."""

    line: int
    text: str  # the line as written, shown under a message
    week: Week
    indicator: Indicator
    value: Number


_COMMA_DECIMAL = re.compile(r"^\s*[-+]?\d*,\d+\s*\S*\s*$")
_POINT_DECIMAL = re.compile(r"^\s*[-+]?\d*\.\d+\s*\S*\s*$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _delimiter(header: str) -> str:
    """What separates the fields: the header line says (a spreadsheet set to a language
    with decimal commas writes `;`)."""
    counts = {sep: header.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] else ","


def row_problem(path: Path, line: int, text: str, message: str, hint: str | None = None) -> Problem:
    return Problem(
        message,
        file=path,
        line=line,
        col=1,
        hint=hint,
        source_line=text,
        width=max(1, len(text)),
    )


def _refuse(problems: Sequence[Problem]) -> ProblemsFound:
    """Every problem of the file at once, by line, as `check` reports a journal's."""
    return ProblemsFound(problems=sorted(problems, key=lambda p: p.line or 0))


@dataclass(frozen=True)
class Parsed:
    """The file's rows that passed their checks, and the problems of the others (and of the
    file as a whole); `plan_import` refuses the file if there are any."""

    rows: list[Row]
    problems: list[Problem]


def parse_readings(
    text: str, path: Path, indicators: Sequence[Indicator], today: dt.date
) -> Parsed:
    """The file's rows, each checked as `leadwork checkin --reading` checks one. A header
    without the columns needed raises at once (no row can be read); every other problem
    is collected, one per row in error, so that all are reported together."""
    text = text.removeprefix(BOM)
    lines = text.splitlines()
    first_line = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first_line is None:
        return Parsed([], [])  # an empty file (or stdin) holds no readings: nothing to do
    header_text = lines[first_line]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(header_text))
    records: list[tuple[int, list[str]]] = []
    header: list[str] | None = None
    for record in reader:
        if not any(field.strip() for field in record):
            continue
        if header is None:
            header = [field.strip().lower() for field in record]
            continue
        records.append((reader.line_num, record))
    assert header is not None
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise _refuse(
            [
                row_problem(
                    path,
                    first_line + 1,
                    header_text,
                    f"the header has no {', '.join(missing)} column{'s' * (len(missing) > 1)}",
                    hint="name the columns week, indicator and value (in any order and case); "
                    "unit and status are optional",
                )
            ]
        )
    at = {name: header.index(name) for name in COLUMNS if name in header}

    def cell(record: list[str], name: str) -> str:
        index = at.get(name)
        return record[index].strip() if index is not None and index < len(record) else ""

    values = [(line, cell(record, "value")) for line, record in records]
    commas = [line for line, v in values if _COMMA_DECIMAL.match(v)]
    points = [line for line, v in values if _POINT_DECIMAL.match(v)]
    problems: list[Problem] = []
    if commas and points:
        line = max(commas[0], points[0])
        problems.append(
            row_problem(
                path,
                line,
                _line(lines, line),
                "the values mix decimal commas and decimal points "
                f"(line {commas[0]} has a comma, line {points[0]} a point)",
                hint="write every decimal the same way: 96.5 or 96,5",
            )
        )
    rows: list[Row] = []
    seen: dict[tuple[Week, str], Row] = {}
    for line, record in records:
        shown = _line(lines, line)
        row = _row(path, line, shown, record, cell, indicators, today, comma=bool(commas))
        if isinstance(row, Problem):
            problems.append(row)
            continue
        key = (row.week, row.indicator.id)
        twin = seen.get(key)
        if twin is not None and twin.value != row.value:
            problems.append(
                row_problem(
                    path,
                    line,
                    shown,
                    f"{row.indicator.id} in {row.week} is given twice, as "
                    f"{cell(record, 'value')} here and on line {twin.line}",
                    hint="keep one row for each indicator and week",
                )
            )
        if twin is None:
            seen[key] = row
            rows.append(row)
    return Parsed(rows, problems)


def _row(
    path: Path,
    line: int,
    shown: str,
    record: list[str],
    cell: Callable[[list[str], str], str],
    indicators: Sequence[Indicator],
    today: dt.date,
    *,
    comma: bool,
) -> Row | Problem:
    """One row, checked, or its first problem."""

    def refuse(message: str, hint: str | None) -> Problem:
        return row_problem(path, line, shown, message, hint)

    try:
        week, day = _week(cell(record, "week"))
    except ValueError as error:
        iso = as_iso_date(cell(record, "week"))
        return refuse(
            str(error),
            f"a day is written YYYY-MM-DD: {iso[0]}{iso[1]}"
            if iso
            else "write the week as YYYY-Www (2026-W47) or a day in it (2026-11-18)",
        )
    problem = not_begun(week, today)
    if problem:
        return refuse(problem, "readings are recorded for weeks that have begun")
    try:
        indicator = resolve_reading(cell(record, "indicator"), indicators, week)
    except LeadworkError as error:
        return refuse(error.problems[0].message, error.problems[0].hint)
    if day is not None and week_for_day(day, indicator.cadence) != week:
        # a monthly figure dated on its month's last day, in a week of the next month
        week = week_for_day(day, indicator.cadence)
        problem = not_begun(week, today)
        if problem:
            return refuse(
                f"{day} counts for {period_of(week, indicator.cadence)}: {problem}",
                "readings are recorded for weeks that have begun",
            )
    written = cell(record, "value")
    try:
        value = parse_reading(written.replace(",", ".") if comma else written, indicator.unit)
    except ValueError as error:
        return refuse(str(error), "every row needs a number in its value column")
    unit = cell(record, "unit")
    if unit and unit != indicator.unit.strip():
        return refuse(
            f"the unit is '{unit}', but {indicator.id} is read in "
            f"{repr(indicator.unit) if indicator.unit else 'no unit'}",
            "is this the right indicator? leave the unit empty, or write its own",
        )
    return Row(line, shown, week, indicator, value)


def _line(lines: list[str], number: int) -> str:
    return lines[number - 1] if 0 < number <= len(lines) else ""


def _week(text: str) -> tuple[Week, dt.date | None]:
    """`2026-W47`, or a day in that week as a spreadsheet writes dates: `2026-11-18` (then
    the day too: a monthly or quarterly reading counts for the day's own period)."""
    if not text:
        raise ValueError("no week given")
    if _DAY.match(text):
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"'{text}' is not a date") from None
        return Week.of(day), day
    return Week.parse(text), None


# ---- what an import changes -------------------------------------------------------------


@dataclass(frozen=True)
class Planned:
    """One row's effect: `old` is the reading already there (None: a new one)."""

    row: Row
    old: Number | None

    @property
    def changes(self) -> bool:
        return self.old is None or self.old != self.row.value


DIFFERS_HINT = (
    "correct the row, or import it replacing the reading already there; nothing was imported"
)


def plan_import(
    parsed: Parsed,
    checkins: Mapping[Week, Checkin],
    path: Path,
    *,
    replace: bool,
    differs_hint: str = DIFFERS_HINT,
) -> list[Planned]:
    """Each row against the reading its week already holds. A different reading is
    replaced only with `replace`; without it each such row is a problem (`differs_hint`:
    how the command asks for a replacement). Any problem, the file's (`parsed.problems`)
    or these, refuses the whole file: all of them raised at once as ProblemsFound, by
    line."""
    planned = []
    problems = list(parsed.problems)
    for row in parsed.rows:
        current = checkins.get(row.week)
        old = current.readings.get(row.indicator.id) if current is not None else None
        if old is not None and isinstance(old, float) and old.is_integer():
            old = int(old)
        if old is not None and old != row.value and not replace:
            unit = row.indicator.unit
            problems.append(
                row_problem(
                    path,
                    row.line,
                    row.text,
                    f"{row.indicator.id} in {row.week} is already {format_value(old, unit)}; "
                    f"this row says {format_value(row.value, unit)}",
                    hint=differs_hint,
                )
            )
        planned.append(Planned(row, old))
    if problems:
        raise _refuse(problems)
    return planned


def readings_by_week(
    planned: Sequence[Planned], indicators: Sequence[Indicator]
) -> dict[Week, dict[str, Number]]:
    """The readings an import writes (new or different), by week, in indicators.toml's
    order (as a check-in asks for them): the answers for each week's check-in."""
    order = {indicator.id: i for i, indicator in enumerate(indicators)}
    found: dict[Week, dict[str, Number]] = {}
    for p in sorted(planned, key=lambda p: (p.row.week, order[p.row.indicator.id])):
        if p.changes:
            found.setdefault(p.row.week, {})[p.row.indicator.id] = p.row.value
    return found
