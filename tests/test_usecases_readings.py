"""`usecases/indicator_import.py` and `indicator_export.py` called directly, from a
request and a date (tests/test_usecases.py's way, for `indicator import|export`): what an
import wrote, week by week; a refused file or a dry run writes nothing; an export's rows
read back change nothing."""

from __future__ import annotations

import datetime as dt
import shutil
import tomllib
from pathlib import Path

import pytest

from leadwork.errors import ProblemsFound
from leadwork.store.journal import Journal
from leadwork.usecases import indicator_export, indicator_import
from leadwork.usecases.indicator_import import ImportRequest, WeekImport
from leadwork.weeks import Week

from conftest import EXAMPLE, tree_hash

TODAY = dt.date(2026, 11, 27)  # a Friday in 2026-W48, the example journal's latest week
ROWS = (
    "week,indicator,value\n"
    "2026-W28,greenville-otd,95\n"  # a week with no check-in yet: its file is made
    "2026-W47,greenville-otd,98.1\n"  # already there, the same
    "2026-W48,greenville-otd,99\n"  # already there as 97.6: replaced only when asked
)


def journal_with_file(tmp_path: Path, text: str = ROWS) -> tuple[Path, Path]:
    root = tmp_path / "journal"
    shutil.copytree(EXAMPLE, root)
    file = tmp_path / "readings.csv"
    file.write_text(text, encoding="utf-8")
    return root, file


def test_an_import_says_week_by_week_what_it_wrote(tmp_path: Path):
    root, file = journal_with_file(tmp_path)
    request = ImportRequest(file, replace=True)
    result = indicator_import.run(Journal(root, cache=None), request, TODAY)
    assert result.weeks == (
        WeekImport(Week(2026, 28), added=1, replaced=0, unchanged=0),
        WeekImport(Week(2026, 47), added=0, replaced=0, unchanged=1),
        WeekImport(Week(2026, 48), added=0, replaced=1, unchanged=0),
    )
    assert result.written == ("checkins/2026-W28.toml", "checkins/2026-W48.toml")
    assert result.changed_weeks == 2 and not result.dry_run
    for rel, value in (("checkins/2026-W28.toml", 95), ("checkins/2026-W48.toml", 99)):
        readings = tomllib.loads((root / rel).read_text(encoding="utf-8"))["readings"]
        assert readings["greenville-otd"] == value


def test_a_dry_run_plans_the_same_and_writes_nothing(tmp_path: Path):
    root, file = journal_with_file(tmp_path)
    before = tree_hash(root)
    request = ImportRequest(file, file.read_text(encoding="utf-8"), dry_run=True, replace=True)
    result = indicator_import.run(Journal(root, cache=None), request, TODAY)
    assert result.dry_run and result.written == () and result.changed_weeks == 2
    assert tree_hash(root) == before


def test_a_different_reading_refuses_the_whole_file_unless_replaced(tmp_path: Path):
    root, file = journal_with_file(tmp_path)
    before = tree_hash(root)
    with pytest.raises(ProblemsFound) as raised:
        indicator_import.run(Journal(root, cache=None), ImportRequest(file), TODAY)
    (problem,) = raised.value.problems
    assert (problem.file, problem.line) == (file, 4)
    assert problem.message == "greenville-otd in 2026-W48 is already 97.6%; this row says 99%"
    assert tree_hash(root) == before, "the new week's row was not written either"


def test_text_read_by_the_cli_is_named_as_its_file(tmp_path: Path):
    root, _ = journal_with_file(tmp_path)
    request = ImportRequest(Path("<stdin>"), "week,indicator,value\n2026-W49,greenville-otd,95\n")
    with pytest.raises(ProblemsFound) as raised:
        indicator_import.run(Journal(root, cache=None), request, TODAY)
    assert raised.value.problems[0].file == Path("<stdin>")
    assert "has not started yet" in raised.value.problems[0].message


def test_an_export_is_the_range_asked_for_and_imports_back_unchanged(tmp_path: Path):
    from leadwork.render.readings import readings_csv

    root, file = journal_with_file(tmp_path)
    request = indicator_export.ExportRequest(Week(2026, 47), Week(2026, 48))
    exported = indicator_export.run(Journal(root, cache=None), request, TODAY)
    assert {row.week for row in exported.rows} == {Week(2026, 47), Week(2026, 48)}
    assert exported.doubtful == ()
    everything = indicator_export.run(
        Journal(root, cache=None), indicator_export.ExportRequest(None, Week(2026, 48)), TODAY
    )
    assert len(everything.rows) > len(exported.rows)
    before = tree_hash(root)
    back = ImportRequest(file, readings_csv(exported.rows))
    result = indicator_import.run(Journal(root, cache=None), back, TODAY)
    assert result.written == () and result.changed_weeks == 0
    assert sum(w.unchanged for w in result.weeks) == len(exported.rows)
    assert tree_hash(root) == before
